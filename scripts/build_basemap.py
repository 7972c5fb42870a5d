"""Build the offline basemap of kharita maps: Libya and its neighbours, simplified.

Reads Natural Earth 1:110m admin-0 countries (public domain) from the copy that
the ``pyogrio`` package carries as a test fixture, keeps the countries that touch
a window around Libya, clips and simplifies them, and writes
``geo/data/basemap/countries.geojson`` (committed; the product never reads
pyogrio's test folder at run time).

Usage::

    python scripts/build_basemap.py [--out geo/data/basemap/countries.geojson]
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

#: (min_lon, min_lat, max_lon, max_lat) window kept around Libya.
WINDOW = (-2.0, 12.0, 38.0, 42.0)
#: Douglas-Peucker tolerance in degrees (only for drawing; no measurement uses it).
SIMPLIFY_DEG = 0.02
DECIMALS = 3

SOURCE_NOTE = (
    "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (public domain, "
    "https://www.naturalearthdata.com/), via the naturalearth_lowres fixture shipped with "
    "pyogrio; clipped to lon -2..38, lat 12..42 and simplified (0.02 deg) by "
    "scripts/build_basemap.py. Borders are drawn for orientation only."
)


def _fixture_path() -> str:
    import pyogrio

    return os.path.join(
        os.path.dirname(pyogrio.__file__), "tests", "fixtures", "naturalearth_lowres", "naturalearth_lowres.shp"
    )


def _round_coords(obj):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(obj[0]), DECIMALS), round(float(obj[1]), DECIMALS)]
        return [_round_coords(o) for o in obj]
    return obj


def build(src: str | None = None) -> dict:
    """Return the basemap FeatureCollection (deterministic: sorted by country name)."""
    import pyogrio
    from shapely.geometry import box, mapping

    df = pyogrio.read_dataframe(src or _fixture_path())
    window = box(*WINDOW)
    features = []
    for row in df.itertuples():
        geom = row.geometry
        if geom is None or not geom.intersects(window):
            continue
        clipped = geom.intersection(window).simplify(SIMPLIFY_DEG, preserve_topology=True)
        if clipped.is_empty:
            continue
        g = mapping(clipped)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": row.name, "iso_a3": row.iso_a3, "libya": row.iso_a3 == "LBY"},
                "geometry": {"type": g["type"], "coordinates": _round_coords(g["coordinates"])},
            }
        )
    features.sort(key=lambda f: f["properties"]["name"])
    return {"type": "FeatureCollection", "source": SOURCE_NOTE, "features": features}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "geo/data/basemap/countries.geojson"))
    ap.add_argument("--src", default=None, help="another Natural Earth admin-0 file")
    args = ap.parse_args()
    fc = build(args.src)
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    names = ", ".join(f["properties"]["name"] for f in fc["features"])
    print(f"wrote {args.out}: {len(fc['features'])} countries, {len(text)} bytes ({names})")


if __name__ == "__main__":
    main()
