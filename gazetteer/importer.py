"""Import a user's CSV overlay, a GeoNames country dump or an ACLED export into the user gazetteer.

Nothing in the package is edited: rows go to the user table
(:func:`gazetteer.settings.user_table_path`), which :meth:`Gazetteer.default`
loads on top of the package data.  Rows with an id that already exists replace
it (their aliases are merged with the package row's).

An ACLED export gives its Libyan locations with ACLED's coordinates and admin
names (:func:`acled_overlay`).  A location that is an existing place under
another spelling becomes an alias row of that place
(:class:`gazetteer.store.AliasRow`), never a second place.  See
``docs/gazetteer.md``.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from gazetteer import settings
from gazetteer.exc import CoordinateError, GazetteerDataError, check_lat_lon
from gazetteer.fuzzy import latin_key
from gazetteer.model import FEATURE_TYPES, Place
from gazetteer.normalize import is_arabic, name_key, skeleton_key, variant_keys
from gazetteer.store import AliasRow, merge_aliases, read_overlay, render_table, row_to_place, write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer.core import Gazetteer

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
    #: ACLED: alias rows written (new spellings of existing places), their target ids
    aliased: int = 0
    alias_ids: list[str] = field(default_factory=list)
    #: ACLED: locations already in the gazetteer under that very spelling (nothing written)
    known: int = 0
    #: ACLED: rows left out, by reason ("not in Libya", "no coordinates", "no location name")
    skipped: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        extra = ""
        if self.format == "acled":
            extra = f", {self.aliased} alias rows, {self.known} already known"
            if self.skipped:
                extra += "; skipped " + ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
        return (f"{self.path}: {self.format}, {self.added} added, {self.updated} updated{extra} "
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
    """``geonames`` for a 19-column headerless TSV, ``acled`` for a header with ACLED's
    ``location``, ``latitude`` and ``longitude`` columns, else ``csv``."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    cols = first.split("\t")
    if len(cols) == _GN_COLUMNS and cols[0].isdigit():
        return "geonames"
    if _ACLED_REQUIRED <= set(_acled_header(first)):
        return "acled"
    return "csv"


# --------------------------------------------------------------------------- ACLED exports

#: ACLED geo_precision → feature type of a new place (1: the named place itself; 2: somewhere
#: near it, or a part of a region; 3: only a larger region is known).
ACLED_TYPES: dict[int, str] = {1: "village", 2: "area", 3: "area"}
_ACLED_PRECISION_M = {2: 5000.0, 3: 25000.0}
#: A location with a name key of an existing Libyan place within this distance (or within that
#: place's own ``precision_m`` for an exact or rule-variant key) is that place.
ALIAS_KM = 5.0
#: The fuzzy tiers reach a point feature within ``ALIAS_KM`` or its own precision, at most this far.
FUZZY_REACH_CAP_KM = 25.0
#: Libya's extent with a little margin (lat_min, lat_max, lon_min, lon_max).
LIBYA_BOX = (19.0, 34.0, 9.0, 25.5)
_ACLED_REQUIRED = frozenset({"location", "latitude", "longitude"})
_LIBYA = frozenset({"libya", "434", "lby", "ly", "620"})  # name, ISO numeric/alpha-3/alpha-2, GW number
_CITY_TYPES = frozenset({"capital", "city", "town"})
_AREAL = frozenset({"continent", "country", "region", "sea", "district"})
# "Benghazi - Souq al-Hout": ACLED's city - neighbourhood convention
_SUBPLACE_RE = re.compile(r"^(?P<city>[^-]+?)\s+-\s+(?P<sub>.+)$")


def _acled_header(line: str) -> list[str]:
    delim = max([",", ";", "\t"], key=line.count)
    try:
        cells = next(csv.reader([line], delimiter=delim))
    except (csv.Error, StopIteration):
        return []
    return ["_".join(c.replace("\ufeff", "").strip().lower().split()) for c in cells]


def _in_libya(lat: float, lon: float) -> bool:
    return LIBYA_BOX[0] <= lat <= LIBYA_BOX[1] and LIBYA_BOX[2] <= lon <= LIBYA_BOX[3]


@dataclass
class _Group:
    """Events of one ACLED location (a name key near one point)."""

    key: str
    line: int
    events: int = 0
    surfaces: Counter = field(default_factory=Counter)
    points: Counter = field(default_factory=Counter)
    precision: int = 3
    admin1: Counter = field(default_factory=Counter)
    admin2: Counter = field(default_factory=Counter)

    @property
    def surface(self) -> str:
        return self.surfaces.most_common(1)[0][0]

    @property
    def point(self) -> tuple[float, float]:
        return self.points.most_common(1)[0][0]

    def absorb(self, other: "_Group") -> None:
        self.events += other.events
        self.line = min(self.line, other.line)
        self.precision = min(self.precision, other.precision)
        for mine, theirs in ((self.surfaces, other.surfaces), (self.points, other.points),
                             (self.admin1, other.admin1), (self.admin2, other.admin2)):
            mine.update(theirs)


def read_acled_locations(text: str, *, path: str) -> tuple[list[_Group], dict[str, int]]:
    """The Libyan locations of an ACLED export, grouped by (name key, point rounded to 0.01°).

    Returns the groups (first-seen order) and the rows skipped by reason.

    Raises
    ------
    GazetteerDataError
        Missing columns; a latitude/longitude that is not a number, out of range
        ("swapped lat/lon?" hint) or, for a Libyan row, outside Libya.  The message
        names the file and the line.
    """
    first = text.split("\n", 1)[0]
    delim = max([",", ";", "\t"], key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = _acled_header(delim.join(next(reader)))
        missing = sorted(_ACLED_REQUIRED - set(header))
        if missing:
            raise GazetteerDataError(f"not an ACLED export: missing column(s) {', '.join(missing)}", path=path, row=1)
        col = {h: i for i, h in reversed(list(enumerate(header)))}
        rows = []
        start = reader.line_num + 1
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as e:
        raise GazetteerDataError(f"malformed CSV: {e}", path=path, row=reader.line_num) from None
    groups: dict[tuple[str, float, float], _Group] = {}
    skipped: Counter = Counter()
    for line, row in rows:
        if not any(c.strip() for c in row):
            continue

        def get(name: str, _row: list[str] = row) -> str:
            i = col.get(name)
            return _row[i].strip() if i is not None and i < len(_row) else ""

        country = [v.lower().lstrip("0") or "0" for v in (get("country"), get("iso")) if v]
        if country and not any(c in _LIBYA for c in country):
            skipped["not in Libya"] += 1
            continue
        location = " ".join(get("location").split())
        lat_s, lon_s = get("latitude"), get("longitude")
        if not lat_s or not lon_s:
            skipped["no coordinates"] += 1
            continue
        try:
            lat, lon = float(lat_s), float(lon_s)
        except ValueError:
            bad = lat_s if not _is_number(lat_s) else lon_s
            raise GazetteerDataError(f"coordinate {bad!r} is not a number", path=path, row=line) from None
        try:
            lat, lon = check_lat_lon(lat, lon)
        except CoordinateError as e:
            raise GazetteerDataError(str(e), path=path, row=line) from None
        if not _in_libya(lat, lon):
            hint = ("swapped lat/lon?" if _in_libya(lon, lat)
                    else "missing coordinates written as 0?" if lat == 0 and lon == 0 else "wrong country?")
            raise GazetteerDataError(f"Libyan row with latitude {lat:g}, longitude {lon:g}: outside Libya ({hint})",
                                     path=path, row=line)
        key = name_key(location)
        if not key:
            skipped["no location name"] += 1
            continue
        prec_s = get("geo_precision")
        precision = int(prec_s) if prec_s in ("1", "2", "3") else 3
        gkey = (key, round(lat, 2), round(lon, 2))
        g = groups.get(gkey)
        if g is None:
            g = groups[gkey] = _Group(key=key, line=line)
        g.events += 1
        g.surfaces[location] += 1
        g.points[(lat, lon)] += 1
        g.precision = min(g.precision, precision)
        for fld, counter in (("admin1", g.admin1), ("admin2", g.admin2), ("admin3", g.admin2)):
            if get(fld):
                counter[get(fld)] += 1
    return list(groups.values()), dict(skipped)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _NearIndex:
    """Libyan point and district features of a gazetteer, searchable by distance."""

    def __init__(self, places: Iterable[Place]):
        import numpy as np

        self.places = [p for p in places if p.country == "LY" and p.feature_type not in ("country", "region",
                                                                                           "continent", "sea")]
        self._lat = np.radians([p.lat for p in self.places])
        self._lon = np.radians([p.lon for p in self.places])
        self._reach = np.array([max(ALIAS_KM, p.precision_m / 1000.0) for p in self.places])
        self._np = np

    def within_reach(self, lat: float, lon: float) -> list[tuple[Place, float]]:
        """Places whose reach (``ALIAS_KM`` or their own precision) holds the point, with the distance in km."""
        np = self._np
        if not self.places:
            return []
        la, lo = np.radians(lat), np.radians(lon)
        a = np.sin((self._lat - la) / 2) ** 2 + np.cos(la) * np.cos(self._lat) * np.sin((self._lon - lo) / 2) ** 2
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(a))
        return [(self.places[i], float(km[i])) for i in np.nonzero(km <= self._reach)[0]]


def _same_place(name: str, lat: float, lon: float, near: _NearIndex) -> tuple[Place, str] | None:
    """The existing place ``name`` at (lat, lon) is, with how its names match, or ``None``.

    Tiers, best first: ``exact`` (same name key), ``variant`` (rule variants, e.g. Abu/Bu),
    ``phonetic`` (same :func:`gazetteer.fuzzy.latin_key`) and ``skeleton`` (same consonant
    skeleton).  Exact and variant keys reach a place within its precision radius; the fuzzy
    tiers only point features within ``ALIAS_KM`` or their precision (at most :data:`FUZZY_REACH_CAP_KM`).
    """
    key = name_key(name)
    variants = variant_keys(name)
    arabic = is_arabic(key)
    lk = "" if arabic else latin_key(name)
    sk = skeleton_key(name)
    best: tuple[tuple[int, bool, float], Place, str] | None = None
    for p, km in near.within_reach(lat, lon):
        # a place whose own point is only known to within its precision is reached that far, up to a cap
        fuzzy_ok = km <= max(ALIAS_KM, min(p.precision_m / 1000.0, FUZZY_REACH_CAP_KM)) and p.feature_type not in _AREAL
        tier = 4
        for n in p.names:
            nk = name_key(n)
            if nk == key:
                tier = 0
                break
            if variants & variant_keys(n):
                tier = min(tier, 1)
            elif fuzzy_ok and is_arabic(nk) == arabic:
                if lk and latin_key(n) == lk:
                    tier = min(tier, 2)
                elif len(sk) >= settings.MIN_SKELETON_LEN and skeleton_key(n) == sk:
                    tier = min(tier, 3)
        if tier == 4:
            continue
        rank = (tier, p.feature_type in _AREAL, km)
        if best is None or rank < best[0]:
            best = (rank, p, ("exact", "variant", "phonetic", "skeleton")[tier])
    return (best[1], best[2]) if best else None


@dataclass
class AcledOverlay:
    """What an ACLED export adds: new places, alias additions (place id → names, → events), counts."""

    places: list[Place] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    alias_events: Counter = field(default_factory=Counter)
    known: int = 0
    skipped: dict[str, int] = field(default_factory=dict)


def acled_overlay(text: str, *, path: str, gaz: "Gazetteer", taken: dict[str, Place] | None = None) -> AcledOverlay:
    """The overlay an ACLED export gives against ``gaz`` (the package plus the user's own rows).

    One place per distinct location (name key and point; groups of one name within
    ``ALIAS_KM`` merge), id ``user:acled-<slug>``, feature type from the best
    ``geo_precision`` of its events (:data:`ACLED_TYPES`; a location that is its row's
    admin2/admin3 name is a town, "City - Quarter" a neighbourhood of that city), admin1
    and parent the district matched through ACLED's admin1 name (else the district at the
    point), source "ACLED export <file>, N events".  A location that is an existing place
    (:func:`_same_place`) adds its spelling to that place instead; under the same name key it
    is only counted as known.  ``taken`` holds user-table ids a new id must not reuse unless
    it is the same place.
    """
    groups, skipped = read_acled_locations(text, path=path)
    out = AcledOverlay(skipped=skipped)
    # one location per name (and per phonetic key) within ALIAS_KM: most events first
    merged: list[_Group] = []
    for g in sorted(groups, key=lambda g: (-g.events, g.line)):
        lat, lon = g.point
        lk = latin_key(g.surface) if not is_arabic(g.key) else g.key
        host = next((m for m in merged
                     if (m.key == g.key or (not is_arabic(m.key) and latin_key(m.surface) == lk))
                     and _km(m.point, (lat, lon)) <= ALIAS_KM), None)
        if host is None:
            merged.append(g)
        else:
            host.absorb(g)
    near = _NearIndex(gaz.places)
    districts = _district_keys(gaz)
    used: dict[str, tuple[float, float]] = {}
    taken = taken or {}
    fname = Path(path).name
    for g in merged:
        lat, lon = g.point
        m = _SUBPLACE_RE.match(g.surface)
        name, city_name = (m.group("sub").strip(), m.group("city").strip()) if m else (g.surface, "")
        # the spellings this location brings ("City - Quarter" forms bring their quarter's name)
        spellings = list(dict.fromkeys([name, *(s for s in g.surfaces if not _SUBPLACE_RE.match(s))]))
        hit = _same_place(name, lat, lon, near)
        if hit is not None:
            place = hit[0]
            known_keys = {name_key(n) for n in place.names}
            have = out.aliases.setdefault(place.id, [])
            have += [s for s in spellings if name_key(s) not in known_keys and s not in have]
            if not have:  # the gazetteer already has every spelling: nothing to write
                del out.aliases[place.id]
                out.known += 1
            else:
                out.alias_events[place.id] += g.events
            continue
        district = _district(g, districts, gaz, lat, lon)
        parent = district.id if district is not None else ""
        ftype = ACLED_TYPES[g.precision]
        if m:
            city = _same_place(city_name, lat, lon, _NearIndex(
                p for p in gaz.places if p.feature_type in _CITY_TYPES)) if city_name else None
            if city is not None:
                parent = city[0].id
            if g.precision == 1:
                ftype = "neighbourhood"
        elif g.precision == 1 and any(name_key(a) == g.key for a in g.admin2):
            ftype = "town"
        precision_m = _PRECISION.get(ftype, 1000) if g.precision == 1 else _ACLED_PRECISION_M[g.precision]
        pid = _acled_id(name, lat, lon, used, taken)
        used[pid] = (lat, lon)
        aliases = tuple(s for s in spellings if s != name)
        out.places.append(Place(
            id=pid, name_en="" if is_arabic(name) else name, name_ar=name if is_arabic(name) else "",
            feature_type=ftype, lat=lat, lon=lon, precision_m=float(precision_m),
            source=f"ACLED export {fname}, {g.events} event{'s' if g.events != 1 else ''}",
            parent_id=parent, country="LY", admin1=district.id if district is not None else "",
            aliases=aliases, layer="user",
        ))
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from gazetteer.geodesy import haversine_km

    return haversine_km(a[0], a[1], b[0], b[1])


def _district_keys(gaz: "Gazetteer") -> dict[str, Place]:
    """Name key of every district name and alias (ACLED's spellings among them) → district."""
    out: dict[str, Place] = {}
    for p in gaz.places:
        if p.feature_type == "district" and p.country == "LY":
            for n in p.names:
                k = name_key(n)
                if k:
                    out.setdefault(k, p)
    return out


def _district(g: _Group, districts: dict[str, Place], gaz: "Gazetteer", lat: float, lon: float) -> Place | None:
    for admin1, _n in g.admin1.most_common():
        k = name_key(admin1)
        for prefix in ("", "shabiyat ", "sha biyat ", "sha`biyat "):
            if k.startswith(prefix) and k[len(prefix):] in districts:
                return districts[k[len(prefix):]]
    # an admin1 name of another period (ACLED's 2016 exports use the 2001-07 districts): the point decides
    try:
        place, _km = gaz.reverse(lat, lon)
    except (CoordinateError, IndexError, ValueError):
        return None
    return gaz.district_of(place)


def _acled_id(name: str, lat: float, lon: float, used: dict[str, tuple[float, float]],
              taken: dict[str, Place]) -> str:
    slug = _slug(name) or hashlib.sha1(name.encode()).hexdigest()[:8]
    pid = f"user:acled-{slug}"
    clash = used.get(pid) or (taken[pid].point if pid in taken else None)
    if clash is not None and _km(clash, (lat, lon)) > ALIAS_KM:
        pid += "-" + hashlib.sha1(f"{lat:.2f}|{lon:.2f}".encode()).hexdigest()[:6]
    return pid


def import_file(path: str | os.PathLike, *, user_table: str | os.PathLike | None = None) -> ImportReport:
    """Merge ``path`` (CSV overlay, GeoNames dump or ACLED export) into the user table.

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
    target = Path(user_table) if user_table is not None else settings.user_table_path()
    rows, alias_rows = read_overlay(target, layer_default="user") if target.exists() else ([], [])
    existing = {p.id: p for p in rows}
    alias_by_id = {a.id: a for a in alias_rows}
    base = Gazetteer.load(user=False)
    report = ImportReport(path=spath, format=fmt, user_table=str(target))
    if fmt == "acled":
        # matched against the package and the user's own rows, not against an earlier ACLED
        # import's rows and aliases: importing the same export twice gives the same table
        own = [p for p in existing.values() if not p.id.startswith("user:acled-")]
        overlay = acled_overlay(text, path=spath, gaz=Gazetteer([*base.places, *own]), taken=existing)
        new = overlay.places
        report.known, report.skipped = overlay.known, overlay.skipped
        fname = f"ACLED export {Path(spath).name},"
        for pid, names in sorted(overlay.aliases.items()):
            if pid in existing:  # a row of the user's own table: the names go into it
                existing[pid] = merge_aliases(existing[pid], names)
            else:
                prior = alias_by_id.get(pid)
                n = overlay.alias_events[pid]
                # one source entry per export file (a re-import replaces its own entry)
                sources = [s for s in (prior.source.split("; ") if prior else []) if not s.startswith(fname)]
                sources.append(f"{fname} {n} event{'s' if n != 1 else ''}")
                alias_by_id[pid] = AliasRow(pid, tuple(dict.fromkeys([*(prior.aliases if prior else ()), *names])),
                                            "; ".join(sources))
            report.aliased += 1
            report.alias_ids.append(pid)
    else:
        new = parse_geonames_dump(text, path=spath) if fmt == "geonames" else parse_overlay_csv(text, path=spath)
    for p in new:
        prior_place = existing.get(p.id) or base.get(p.id)
        if prior_place is not None:
            merged = tuple(dict.fromkeys([*p.aliases, *prior_place.names]))
            merged = tuple(a for a in merged if a not in (p.name_en, p.name_ar))
            p = dataclasses.replace(p, aliases=merged)
            report.updated += 1
        else:
            report.added += 1
        if p.id in alias_by_id:  # a full row replaces the alias row of its id and keeps its names
            p = merge_aliases(p, alias_by_id.pop(p.id).aliases)
        existing[p.id] = p
        report.ids.append(p.id)
    write_atomic(target, render_table(existing.values(), alias_by_id.values()))
    if user_table is None:
        Gazetteer.reset_default()
    return report
