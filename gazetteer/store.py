"""Reading and writing gazetteer tables (the compiled TSV and user overlays).

The compiled table ``gazetteer/data/gazetteer.tsv`` has one row per place with
the columns of :data:`COLUMNS`; aliases are ``|``-separated.  Every row is
validated on read and errors name the file and row.

A user table may also hold *alias rows* (``layer`` = ``alias``): an ``id`` of an
existing place, ``aliases`` and a ``source``, every other column empty.  They add
names to that place without copying it, so a rebuilt package row keeps its new
data.  :func:`read_table` applies them (to a row of the same file, else to the
package row of that id; an alias row whose place no longer exists is ignored);
:func:`read_overlay` returns them as :class:`AliasRow` objects.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from gazetteer.exc import CoordinateError, GazetteerDataError, check_lat_lon
from gazetteer.model import FEATURE_TYPES, Place

COLUMNS: tuple[str, ...] = (
    "id", "name_en", "name_ar", "feature_type", "lat", "lon", "precision_m", "parent_id",
    "country", "admin1", "population", "geonames_id", "layer", "aliases", "source",
)
REQUIRED: tuple[str, ...] = ("id", "feature_type", "lat", "lon", "source")
#: ``layer`` value of a row that only adds names to an existing place.
ALIAS_LAYER = "alias"


@dataclass(frozen=True, slots=True)
class AliasRow:
    """A user-table row that adds ``aliases`` to the place ``id`` (see the module docstring)."""

    id: str
    aliases: tuple[str, ...]
    source: str


def _float(value: str, column: str, path: str, row: int) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise GazetteerDataError(f"column {column!r}: {value!r} is not a number", path=path, row=row) from None


def row_to_place(rec: dict[str, str], *, path: str, row: int, layer_default: str = "curated") -> Place:
    """Validate one table record and build a :class:`Place`.

    Raises
    ------
    GazetteerDataError
        Naming ``path`` and ``row`` for any missing or malformed value.
    """
    for col in REQUIRED:
        if not (rec.get(col) or "").strip():
            raise GazetteerDataError(f"column {col!r} is empty", path=path, row=row)
    name_en = (rec.get("name_en") or "").strip()
    name_ar = (rec.get("name_ar") or "").strip()
    if not name_en and not name_ar:
        raise GazetteerDataError("a place needs name_en or name_ar", path=path, row=row)
    lat = _float(rec["lat"], "lat", path, row)
    lon = _float(rec["lon"], "lon", path, row)
    try:
        check_lat_lon(lat, lon)
    except CoordinateError as e:
        raise GazetteerDataError(str(e), path=path, row=row) from None
    ftype = rec["feature_type"].strip()
    if ftype not in FEATURE_TYPES:
        raise GazetteerDataError(
            f"feature_type {ftype!r} is not one of {', '.join(sorted(FEATURE_TYPES))}", path=path, row=row
        )
    prec_s = (rec.get("precision_m") or "").strip()
    precision = _float(prec_s, "precision_m", path, row) if prec_s else 1000.0
    if precision <= 0:
        raise GazetteerDataError(f"precision_m must be positive, got {precision}", path=path, row=row)
    pop_s = (rec.get("population") or "").strip()
    gid_s = (rec.get("geonames_id") or "").strip()
    try:
        population = int(float(pop_s)) if pop_s else 0
        geonames_id = int(gid_s) if gid_s else None
    except ValueError:
        raise GazetteerDataError("population/geonames_id must be integers", path=path, row=row) from None
    aliases = tuple(a.strip() for a in (rec.get("aliases") or "").split("|") if a.strip())
    return Place(
        id=rec["id"].strip(),
        name_en=name_en,
        name_ar=name_ar,
        feature_type=ftype,
        lat=lat,
        lon=lon,
        precision_m=precision,
        source=rec["source"].strip(),
        parent_id=(rec.get("parent_id") or "").strip(),
        # a missing column means Libya; an empty value is legitimate (continents, seas)
        country="LY" if rec.get("country") is None else rec["country"].strip(),
        admin1=(rec.get("admin1") or "").strip(),
        aliases=aliases,
        population=population,
        geonames_id=geonames_id,
        layer=(rec.get("layer") or layer_default).strip() or layer_default,
    )


def read_table(path: str | os.PathLike, *, text: str | None = None, delimiter: str | None = None,
               layer_default: str = "curated") -> list[Place]:
    """Read a gazetteer table (TSV or CSV, header row) into places.

    Duplicate ids, missing columns and bad values raise :class:`GazetteerDataError`
    naming the row.  Alias rows are applied (see the module docstring): the place
    they name is returned with their aliases added.
    """
    places, alias_rows = read_overlay(path, text=text, delimiter=delimiter, layer_default=layer_default)
    return apply_alias_rows(places, alias_rows) if alias_rows else places


def read_overlay(path: str | os.PathLike, *, text: str | None = None, delimiter: str | None = None,
                 layer_default: str = "user") -> tuple[list[Place], list[AliasRow]]:
    """The place rows and the alias rows of a table, as written (alias rows not applied)."""
    spath = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as e:
            raise GazetteerDataError(f"not UTF-8 text ({e.reason} at byte {e.start})", path=spath) from None
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if first.count("\t") >= first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if "name_en" not in header and "name_ar" not in header:
        missing.append("name_en or name_ar")
    if missing:
        raise GazetteerDataError(f"missing column(s): {', '.join(missing)}", path=spath, row=1)
    places: list[Place] = []
    alias_rows: list[AliasRow] = []
    seen: dict[str, int] = {}
    seen_alias: dict[str, int] = {}
    for i, rec in enumerate(reader, start=2):
        if None in rec:  # more fields than header
            raise GazetteerDataError("more fields than the header has", path=spath, row=i)
        if not any((v or "").strip() for v in rec.values()):
            continue
        if (rec.get("layer") or "").strip() == ALIAS_LAYER:
            row = _alias_row(rec, path=spath, row=i)
            if row.id in seen_alias:
                raise GazetteerDataError(f"duplicate alias row for {row.id!r} (first at row {seen_alias[row.id]})",
                                         path=spath, row=i)
            seen_alias[row.id] = i
            alias_rows.append(row)
            continue
        place = row_to_place(rec, path=spath, row=i, layer_default=layer_default)
        if place.id in seen:
            raise GazetteerDataError(f"duplicate id {place.id!r} (first at row {seen[place.id]})", path=spath, row=i)
        seen[place.id] = i
        places.append(place)
    return places, alias_rows


def _alias_row(rec: dict[str, str], *, path: str, row: int) -> AliasRow:
    pid = (rec.get("id") or "").strip()
    aliases = tuple(a.strip() for a in (rec.get("aliases") or "").split("|") if a.strip())
    source = (rec.get("source") or "").strip()
    for col, value in (("id", pid), ("aliases", aliases), ("source", source)):
        if not value:
            raise GazetteerDataError(f"alias row: column {col!r} is empty", path=path, row=row)
    return AliasRow(pid, aliases, source)


def merge_aliases(place: Place, aliases: Iterable[str]) -> Place:
    """``place`` with ``aliases`` added after its own (no repeats, none equal to its names)."""
    merged = tuple(dict.fromkeys(a for a in (*place.aliases, *aliases) if a not in (place.name_en, place.name_ar)))
    return place if merged == place.aliases else replace(place, aliases=merged)


def apply_alias_rows(places: list[Place], alias_rows: Iterable[AliasRow]) -> list[Place]:
    """``places`` with each alias row applied: to the row of that id, else to a copy of the package row."""
    by_id = {p.id: i for i, p in enumerate(places)}
    out = list(places)
    pending: dict[str, list[str]] = {}
    for a in alias_rows:
        if a.id in by_id:
            out[by_id[a.id]] = merge_aliases(out[by_id[a.id]], a.aliases)
        else:
            pending.setdefault(a.id, []).extend(a.aliases)
    if pending:
        for pid, p in _package_places(frozenset(pending)).items():
            out.append(merge_aliases(p, pending[pid]))
    return out


def _package_places(ids: frozenset[str]) -> dict[str, Place]:
    """The package rows with these ids (only their lines are parsed)."""
    from importlib import resources

    from gazetteer import settings

    ref = resources.files("gazetteer") / "data" / settings.PACKAGE_TABLE
    lines = ref.read_text(encoding="utf-8").split("\n")
    wanted = [ln for ln in lines[1:] if ln.split("\t", 1)[0] in ids]
    if not wanted:
        return {}
    places, _ = read_overlay(f"gazetteer/data/{settings.PACKAGE_TABLE}", text="\n".join([lines[0], *wanted]),
                             delimiter="\t", layer_default="curated")
    return {p.id: p for p in places}


def place_to_row(p: Place) -> dict[str, str]:
    """Inverse of :func:`row_to_place` (strings, stable formatting)."""
    return {
        "id": p.id,
        "name_en": p.name_en,
        "name_ar": p.name_ar,
        "feature_type": p.feature_type,
        "lat": f"{p.lat:.6f}".rstrip("0").rstrip("."),
        "lon": f"{p.lon:.6f}".rstrip("0").rstrip("."),
        "precision_m": f"{p.precision_m:g}",
        "parent_id": p.parent_id,
        "country": p.country,
        "admin1": p.admin1,
        "population": str(p.population) if p.population else "",
        "geonames_id": str(p.geonames_id) if p.geonames_id else "",
        "layer": p.layer,
        "aliases": "|".join(p.aliases),
        "source": p.source,
    }


def render_table(places: Iterable[Place], alias_rows: Iterable[AliasRow] = ()) -> str:
    """The TSV text of ``places`` sorted by id, then of ``alias_rows`` sorted by id (deterministic)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS), delimiter="\t", lineterminator="\n",
                       quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    rows = [place_to_row(p) for p in sorted(places, key=lambda p: p.id)]
    rows += [{**dict.fromkeys(COLUMNS, ""), "id": a.id, "layer": ALIAS_LAYER, "aliases": "|".join(a.aliases),
              "source": a.source} for a in sorted(alias_rows, key=lambda a: a.id)]
    for row in rows:
        for k, v in row.items():
            if "\t" in v or "\n" in v:
                raise GazetteerDataError(f"place {row['id']}: tab or newline in {k}")
        w.writerow(row)
    return buf.getvalue()


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` atomically (temp file in the same folder, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600 files
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
