"""Import a user's CSV overlay or a GeoNames country dump into the user gazetteer.

Nothing in the package is edited: rows go to the user table
(:func:`gazetteer.settings.user_table_path`), which :meth:`Gazetteer.default`
loads on top of the package data.  Rows with an id that already exists replace
it (their aliases are merged with the package row's).
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer import settings
from gazetteer.exc import CoordinateError, GazetteerDataError, check_lat_lon
from gazetteer.model import FEATURE_TYPES, Place
from gazetteer.normalize import is_arabic
from gazetteer.store import read_table, render_table, row_to_place, write_atomic

#: GeoNames feature code → kharita feature type (class-level fallbacks in :data:`GEONAMES_CLASS`).
GEONAMES_CODES: dict[str, str] = {
    "PPLC": "capital", "PPLX": "neighbourhood", "PPLQ": "village", "PPLF": "village", "PPLL": "village",
    "PPLR": "village", "PPLS": "village", "PPLW": "village", "STLMT": "village",
    "AIRP": "airport", "AIRF": "airport", "AIRH": "airport", "AIRB": "base", "MILB": "base", "INSM": "base",
    "CMP": "camp", "CMPMN": "camp", "CMPRF": "camp", "CMPO": "camp",
    "PRT": "port", "HBR": "port", "PIER": "port", "MAR": "port", "OILT": "oil_terminal", "OILJ": "oil_terminal",
    "BDG": "bridge", "RDJCT": "junction", "RD": "road", "HSP": "hospital", "HSPC": "hospital",
    "UNIV": "university", "PS": "power_station", "PSH": "power_station", "MKT": "market", "BLDG": "building",
    "BLDO": "building", "CTRCM": "building", "WAD": "wadi", "WADS": "wadi", "BAY": "sea", "GULF": "sea",
    "SEA": "sea", "COVE": "coast", "BCH": "coast", "CST": "coast", "ADM1": "district", "PCLI": "country",
    "PCLD": "country", "CONT": "continent", "RGN": "region", "AREA": "area", "OILF": "area",
}
GEONAMES_CLASS: dict[str, str] = {
    "A": "area", "H": "area", "L": "area", "P": "town", "R": "road", "S": "landmark", "T": "area",
    "U": "sea", "V": "area",
}
_PRECISION = {
    "capital": 5000, "city": 5000, "town": 2000, "village": 1000, "neighbourhood": 1500, "district": 100000,
    "country": 500000, "area": 5000, "wadi": 5000, "sea": 100000, "region": 200000, "continent": 2000000,
}
_GN_COLUMNS = 19


@dataclass
class ImportReport:
    """What an import did."""

    path: str
    format: str
    user_table: str
    added: int = 0
    updated: int = 0
    ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.path}: {self.format}, {self.added} added, {self.updated} updated "
                f"→ {self.user_table}")


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:40]


def _user_id(name_en: str, name_ar: str, lat: float, lon: float) -> str:
    slug = _slug(name_en)
    h = hashlib.sha1(f"{name_en}|{name_ar}|{lat:.5f}|{lon:.5f}".encode()).hexdigest()[:8]
    return f"user:{slug}-{h}" if slug else f"user:{h}"


def _town_type(code: str, population: int) -> str:
    if code.startswith("PPLA") or code == "PPL" or code == "PPLG":
        if population >= 50000:
            return "city"
        if population >= 5000 or code.startswith("PPLA"):
            return "town"
        return "village"
    return GEONAMES_CODES.get(code, "village")


def parse_geonames_dump(text: str, *, path: str) -> list[Place]:
    """Places from a GeoNames country dump (``LY.txt``: 19 tab-separated columns, no header)."""
    places: list[Place] = []
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != _GN_COLUMNS:
            raise GazetteerDataError(f"expected {_GN_COLUMNS} tab-separated GeoNames columns, got {len(cols)}",
                                     path=path, row=i)
        gid, name, ascii_name, alt, lat_s, lon_s, fclass, fcode, cc = cols[:9]
        admin1, pop_s = cols[10], cols[14]
        try:
            geonames_id = int(gid)
            lat, lon = check_lat_lon(float(lat_s), float(lon_s))
            population = int(pop_s or 0)
        except (ValueError, CoordinateError) as e:
            raise GazetteerDataError(f"bad GeoNames row ({e})", path=path, row=i) from None
        alts = [a.strip() for a in alt.split(",") if a.strip()]
        arabic = [a for a in alts if is_arabic(a)]
        latin = [a for a in alts if not is_arabic(a) and all(ord(c) < 0x2000 for c in a) and len(a) >= 3]
        if fclass == "P":
            ftype = _town_type(fcode, population)
        else:
            ftype = GEONAMES_CODES.get(fcode) or GEONAMES_CLASS.get(fclass, "area")
        if ftype not in FEATURE_TYPES:
            ftype = "area"
        aliases = tuple(dict.fromkeys(a for a in [ascii_name, *latin, *arabic[1:]] if a and a != name))
        places.append(Place(
            id=f"gn:{geonames_id}", name_en=name, name_ar=arabic[0] if arabic else "", feature_type=ftype,
            lat=lat, lon=lon, precision_m=float(_PRECISION.get(ftype, 1000)),
            source=f"GeoNames dump {Path(path).name}, geonameid {geonames_id}, {fclass}.{fcode} (CC BY 4.0)",
            parent_id=f"adm1:{cc}.{admin1}" if cc == "LY" and admin1 and ftype != "district" else "",
            country=cc or "", admin1=f"adm1:{cc}.{admin1}" if cc == "LY" and admin1 else "",
            aliases=aliases, population=population, geonames_id=geonames_id, layer="user",
        ))
    return places


def parse_overlay_csv(text: str, *, path: str) -> list[Place]:
    """Places from a user CSV overlay.

    Required columns: ``lat``, ``lon`` and ``name_en`` or ``name_ar``.  Optional:
    ``id`` (generated from the name and point when absent), ``feature_type``
    (default ``landmark``), ``aliases`` (``|``-separated), ``parent_id``,
    ``precision_m`` (default 1000), ``country`` (default LY), ``source`` (default:
    the file name).
    """
    delim = "\t" if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delim)
    header = reader.fieldnames or []
    missing = [c for c in ("lat", "lon") if c not in header]
    if "name_en" not in header and "name_ar" not in header:
        missing.append("name_en or name_ar")
    if missing:
        raise GazetteerDataError(f"missing column(s): {', '.join(missing)}", path=path, row=1)
    places: list[Place] = []
    seen: dict[str, int] = {}
    for i, rec in enumerate(reader, start=2):
        if None in rec:
            raise GazetteerDataError("more fields than the header has", path=path, row=i)
        rec = {k: (v or "").strip() for k, v in rec.items()}
        if not any(rec.values()):
            continue
        rec.setdefault("feature_type", "")
        rec["feature_type"] = rec["feature_type"] or "landmark"
        rec["source"] = rec.get("source") or f"user overlay {Path(path).name}, row {i}"
        rec["layer"] = "user"
        if not rec.get("id"):
            try:
                lat, lon = float(rec["lat"]), float(rec["lon"])
            except ValueError:
                raise GazetteerDataError(f"lat/lon must be numbers, got {rec['lat']!r}, {rec['lon']!r}",
                                         path=path, row=i) from None
            rec["id"] = _user_id(rec.get("name_en", ""), rec.get("name_ar", ""), lat, lon)
        place = row_to_place(rec, path=path, row=i, layer_default="user")
        if place.id in seen:
            raise GazetteerDataError(f"duplicate id {place.id!r} (first at row {seen[place.id]})", path=path, row=i)
        seen[place.id] = i
        places.append(place)
    return places


def detect_format(text: str) -> str:
    """``geonames`` for a 19-column headerless TSV, else ``csv``."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    cols = first.split("\t")
    if len(cols) == _GN_COLUMNS and cols[0].isdigit():
        return "geonames"
    return "csv"


def import_file(path: str | os.PathLike, *, user_table: str | os.PathLike | None = None) -> ImportReport:
    """Merge ``path`` into the user table and return what changed.

    Raises
    ------
    GazetteerDataError
        Naming the file and row of the first bad row; nothing is written then.
    """
    from gazetteer.core import Gazetteer

    spath = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise GazetteerDataError(f"cannot read: {e.strerror}", path=spath) from None
    if b"\x00" in raw[:4096]:
        raise GazetteerDataError("binary file, expected a CSV or a GeoNames dump", path=spath)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GazetteerDataError(f"not UTF-8 text ({e.reason} at byte {e.start})", path=spath) from None
    if not text.strip():
        raise GazetteerDataError("empty file", path=spath)
    fmt = detect_format(text)
    new = parse_geonames_dump(text, path=spath) if fmt == "geonames" else parse_overlay_csv(text, path=spath)
    target = Path(user_table) if user_table is not None else settings.user_table_path()
    existing = {p.id: p for p in read_table(target, layer_default="user")} if target.exists() else {}
    base = Gazetteer.load(user=False)
    report = ImportReport(path=spath, format=fmt, user_table=str(target))
    for p in new:
        prior = existing.get(p.id) or base.get(p.id)
        if prior is not None:
            merged = tuple(dict.fromkeys([*p.aliases, *prior.names]))
            merged = tuple(a for a in merged if a not in (p.name_en, p.name_ar))
            p = dataclasses.replace(p, aliases=merged)
            report.updated += 1
        else:
            report.added += 1
        existing[p.id] = p
        report.ids.append(p.id)
    write_atomic(target, render_table(existing.values()))
    if user_table is None:
        Gazetteer.reset_default()
    return report
