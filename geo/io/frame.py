"""Events as a GeoDataFrame, and event files (GeoJSON, GeoParquet, GeoPackage, CSV).

One table, :data:`SCHEMA`, says how an :class:`~geo.events.Event` becomes a row:
column name (ACLED's where ACLED has one), pandas dtype, event field and meaning.
Every reader restores dtypes through :data:`SCHEMA`, so a file written by
:func:`write_events` reads back into the same events (lossless round-trip), and a
malformed file gives a :class:`geo.exc.InputError` subclass naming the file and the
row or field, never a raw pyogrio/pandas traceback.

Conventions
-----------
* CRS is EPSG:4326; ``geometry`` is the event point (``None`` for unresolved events,
  which stay as rows).  ``latitude``/``longitude`` repeat it as numbers.
* Text columns hold ``""`` when unknown.  The three optional text columns
  (``event_date``, ``update_time``, ``uncertainty_wkt``) hold ``<NA>`` when missing;
  an empty string there means missing too.
* Counts are nullable ``Int64``; coordinates and radii ``float64`` (NaN = missing).
* Rows are sorted by (event_date, doc_id, span_start, event_id_cnty), missing dates last.
* ``event_date`` must be an ISO date (``YYYY-MM-DD``); a GeoJSON file that declares a
  CRS other than WGS84 longitude/latitude is refused (RFC 7946 has no other).

This module imports geopandas; the extraction path (``geo.extract``) does not import it.
"""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np
import pandas as pd

from geo.events import EVENT_FIELDS, Event
from geo.exc import GeoJSONError, InputError, SchemaError
from geo.io import geojson as _geojson
from geo.io.schema import COLUMNS, FIELD_TO_COL, SCHEMA, Column

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from gazetteer.core import Gazetteer

__all__ = [
    "Column",
    "SCHEMA",
    "COLUMNS",
    "FORMATS",
    "to_frame",
    "from_frame",
    "read_events",
    "write_events",
    "fill_admin1",
    "empty_frame",
    "restore_schema",
    "uncertainty_series",
    "schema_markdown",
    "check_event_records",
    "check_geojson_crs",
    "frame_from_records",
    "read_event_file",
]

CRS = "EPSG:4326"

_BY_NAME: dict[str, Column] = {c.name: c for c in SCHEMA}
_FIELD_TO_COL = FIELD_TO_COL
_SORT = ["event_date", "doc_id", "span_start", "event_id_cnty"]

#: suffix -> format name
FORMATS: dict[str, str] = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".gpkg": "gpkg",
    ".csv": "csv",
}
GPKG_LAYER = "events"


# --------------------------------------------------------------------------- frames


def _gpd():
    import geopandas

    return geopandas


def _points(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Shapely points (lon, lat); None where either coordinate is NaN."""
    import shapely

    ok = ~(np.isnan(lat) | np.isnan(lon))
    out = np.full(len(lat), None, dtype=object)
    if ok.any():
        out[ok] = shapely.points(lon[ok], lat[ok])
    return out


def empty_frame() -> "geopandas.GeoDataFrame":
    """A frame with the schema's columns and no rows."""
    return to_frame([])


def to_frame(events: Iterable[Event]) -> "geopandas.GeoDataFrame":
    """Events as a GeoDataFrame with the :data:`SCHEMA` columns, sorted deterministically.

    Parameters
    ----------
    events
        Any iterable of :class:`~geo.events.Event`.  Unresolved events (no
        coordinates) are kept, with a ``None`` geometry.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, point ``geometry`` last, columns in :data:`COLUMNS` order.
    """
    evs = list(events)
    for i, e in enumerate(evs):
        if not isinstance(e, Event):
            raise TypeError(f"to_frame: item {i} is {type(e).__name__}, not Event")
    data = {c.name: [getattr(e, c.field) for e in evs] for c in SCHEMA}
    return restore_schema(pd.DataFrame(data, columns=list(COLUMNS)), geometry_wins=False)


def _frame_from_any(obj: Any) -> "geopandas.GeoDataFrame":
    if isinstance(obj, pd.DataFrame):
        return restore_schema(obj)
    return to_frame(obj)


def from_frame(gdf: pd.DataFrame) -> list[Event]:
    """Inverse of :func:`to_frame`: one :class:`~geo.events.Event` per row, in row order.

    The frame is first checked and typed through :func:`restore_schema`, so any frame
    with the schema's columns (or the Event field names) works.
    """
    g = restore_schema(gdf)
    cols = {}
    for c in SCHEMA:
        s = g[c.name]
        if c.kind in ("text", "text?", "int", "int?"):
            vals = s.astype(object).where(s.notna(), None).tolist()
            if c.kind in ("int", "int?"):
                vals = [None if v is None else int(v) for v in vals]
        else:
            vals = [None if (v != v) else float(v) for v in s.to_numpy(dtype="float64")]
        cols[c.field] = vals
    n = len(g)
    return [Event(**{f: cols[f][i] for f in EVENT_FIELDS}) for i in range(n)]


def restore_schema(
    df: pd.DataFrame,
    *,
    path: str | os.PathLike | None = None,
    row_labels: list[str] | None = None,
    geometry_wins: bool = True,
) -> "geopandas.GeoDataFrame":
    """Check and type a frame by :data:`SCHEMA`; the common back end of every reader.

    Parameters
    ----------
    df
        A (Geo)DataFrame whose columns are the schema's (Event field names are
        accepted too: ``id`` for ``event_id_cnty``).  Values may be strings, numbers
        or NA; a ``geometry`` column (Points or None) may replace or override
        ``latitude``/``longitude``.
    path
        File name for error messages.
    row_labels
        Per-row labels for error messages ("line 7", "feature 3"); default "row N".
    geometry_wins
        When both a geometry and latitude/longitude are present and disagree, take
        the geometry (True: a point moved in a GIS) or the numbers (False: a CSV
        edited in a spreadsheet).

    Raises
    ------
    SchemaError
        Missing columns, or a value of the wrong type.
    GeoJSONError
        A geometry that is not a Point, or coordinates out of range.
    """
    gpd = _gpd()
    p = None if path is None else str(path)
    if isinstance(df, gpd.GeoDataFrame):
        crs = df.crs
        if crs is not None and crs.to_epsg() != 4326 and "CRS84" not in crs.to_string():
            try:
                df = df.to_crs(CRS)
            except Exception as e:  # pyproj errors on odd CRSs
                raise GeoJSONError(f"cannot convert CRS {crs.to_string()} to {CRS}: {e}", path=p) from e
            df = df.drop(columns=[c for c in ("latitude", "longitude") if c in df.columns])
        df = pd.DataFrame(df)
    else:
        df = df.copy()
    if "event_id_cnty" not in df.columns and "id" in df.columns:
        df = df.rename(columns={"id": "event_id_cnty"})
    geom = df["geometry"] if "geometry" in df.columns else None
    has_xy = "latitude" in df.columns and "longitude" in df.columns
    need = [c for c in COLUMNS if c not in df.columns and not (c in ("latitude", "longitude") and geom is not None)]
    if need:
        hint = ""
        if "place_id" in need and {"event_id_cnty", "event_type", "notes"} <= {str(x).lower() for x in df.columns}:
            hint = " (an ACLED export? read it with geo.io.acled.read_acled / `kharita acled import`)"
        raise SchemaError(f"missing column(s): {', '.join(need)}{hint}", path=p)
    n = len(df)

    def label(i: int) -> str:
        return row_labels[i] if row_labels is not None else f"row {i + 1}"

    out: dict[str, Any] = {}
    for c in SCHEMA:
        if c.name in ("latitude", "longitude") and not has_xy:
            out[c.name] = np.full(n, np.nan)
            continue
        s = df[c.name].reset_index(drop=True)
        out[c.name] = _convert(s, c, p, label)
    lat = out["latitude"]
    lon = out["longitude"]
    if geom is not None:
        glat, glon = _geometry_xy(geom.reset_index(drop=True), p, label)
        if not has_xy:
            lat, lon = glat, glon
        else:
            g_ok = ~np.isnan(glat)
            xy_ok = ~(np.isnan(lat) | np.isnan(lon))
            if geometry_wins:
                take = g_ok
            else:
                take = g_ok & ~xy_ok
            lat = np.where(take, glat, lat)
            lon = np.where(take, glon, lon)
    _check_coords(lat, lon, p, label)
    out["latitude"] = lat
    out["longitude"] = lon
    frame = pd.DataFrame({c.name: _typed(out[c.name], c) for c in SCHEMA}, columns=list(COLUMNS))
    order = _sort_order(frame)
    frame = frame.take(order).reset_index(drop=True)
    lat, lon = lat[order], lon[order]
    if geom is not None:
        # reuse the given Point objects where they hold exactly the final coordinates
        garr = np.asarray(geom.to_numpy(), dtype=object)[order]
        with np.errstate(invalid="ignore"):
            same = (glat[order] == lat) & (glon[order] == lon)
        pts = np.full(len(frame), None, dtype=object)
        pts[same] = garr[same]
        redo = ~same & ~np.isnan(lat)
        if redo.any():
            pts[redo] = _points(lat[redo], lon[redo])
    else:
        pts = _points(lat, lon)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(pts, crs=CRS), crs=CRS)


def _sort_order(frame: pd.DataFrame) -> np.ndarray:
    """Row order by (event_date, doc_id, span_start, event_id_cnty), missing last, stable."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(frame)
    if n < 2:
        return np.arange(n)
    t = pa.table({k: pa.array(frame[k]) for k in _SORT}).append_column("_row", pa.array(np.arange(n)))
    keys = [(k, "ascending", "at_end") for k in (*_SORT, "_row")]
    return np.asarray(pc.sort_indices(t, sort_keys=keys))


def _typed(values: Any, c: Column) -> pd.Series:
    if c.dtype == "float64":
        return pd.Series(np.asarray(values, dtype="float64"))
    return pd.Series(values, dtype=c.dtype) if not isinstance(values, pd.Series) else values.astype(c.dtype)


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v) or (isinstance(v, str) and v.strip() == "")


def _to_int(v: Any) -> int:
    i = _to_int_unchecked(v)
    if not -(2**63) <= i < 2**63:
        raise OverflowError("does not fit in 64 bits")
    return i


def _to_int_unchecked(v: Any) -> int:
    if isinstance(v, bool):
        raise ValueError("boolean")
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        if v != v or v % 1:
            raise ValueError("not integral")
        return int(v)
    t = str(v).strip()
    try:
        return int(t)
    except ValueError:
        f = float(t)
        if not math.isfinite(f) or f % 1:
            raise
        return int(f)


def _to_float(v: Any) -> float:
    if isinstance(v, bool):
        raise ValueError("boolean")
    f = float(v.strip() if isinstance(v, str) else v)
    if not math.isfinite(f):
        raise ValueError("not finite")
    return f


def _py(v: Any) -> Any:
    """A numpy scalar as the Python value (messages show ``-inf``, not ``np.float64(-inf)``)."""
    return v.item() if isinstance(v, np.generic) else v


def _shown(v: Any, limit: int = 40) -> str:
    r = repr(_py(v))
    return r if len(r) <= limit else r[:limit] + "…"


_ISO_DAY = r"\d{4}-\d{2}-\d{2}"


def _check_dates(t: pd.Series, c: Column, path: str | None, label) -> None:
    """Every present ``event_date`` is a real ISO day (not ``not-a-date``, not ``2016-02-31``)."""
    present = t.notna().to_numpy()
    if not present.any():
        return
    vals = t[present]
    ok = vals.str.fullmatch(_ISO_DAY).fillna(False).to_numpy(dtype=bool)
    parsed = pd.to_datetime(vals.where(ok, None), format="%Y-%m-%d", errors="coerce")
    ok &= ~np.asarray(pd.isna(parsed))
    if not ok.all():
        i = int(np.flatnonzero(present)[int(np.flatnonzero(~ok)[0])])
        raise SchemaError(f"{label(i)}: {_shown(t.iloc[i])} is not a date (YYYY-MM-DD)", path=path, field=c.name)


def _convert(s: pd.Series, c: Column, path: str | None, label) -> Any:
    """Convert one column by its kind; raise SchemaError naming the first bad row."""
    if c.kind in ("text", "text?"):
        if s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) not in ("string", "empty"):
            vals = s.tolist()
            for i, v in enumerate(vals):
                if v is not None and not isinstance(v, (str, int, float, np.integer, np.floating)) and v is not pd.NA:
                    raise SchemaError(f"{label(i)}: expected text, got {type(v).__name__}", path=path, field=c.name)
            s = pd.Series(
                [None if (v is None or v is pd.NA or (isinstance(v, float) and v != v)) else (v if isinstance(v, str) else str(v)) for v in vals],
                dtype=object,
            )
        t = s.astype("string")
        if c.kind == "text":
            return t.fillna("")
        t = t.mask(t == "", pd.NA)
        if c.name == "event_date":
            _check_dates(t, c, path, label)
        return t
    numeric = pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype)
    if c.kind in ("int", "int?"):
        if pd.api.types.is_integer_dtype(s.dtype):
            out = s.astype("Int64")
        elif numeric:
            f = s.astype("float64").to_numpy()
            na = np.isnan(f)
            bad = ~na & (np.mod(np.where(na, 0.0, f), 1.0) != 0)
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                raise SchemaError(f"{label(i)}: {_shown(s.iloc[i])} is not an integer", path=path, field=c.name)
            big = ~na & (np.abs(np.where(na, 0.0, f)) >= 2.0**63)
            if big.any():
                i = int(np.flatnonzero(big)[0])
                raise SchemaError(f"{label(i)}: {_shown(s.iloc[i])} does not fit in 64 bits", path=path, field=c.name)
            out = pd.Series(pd.arrays.IntegerArray(np.where(na, 0, f).astype(np.int64), na))
        else:
            ints: list[int | None] = []
            for i, v in enumerate(s.tolist()):
                if _missing(v):
                    ints.append(None)
                    continue
                try:
                    ints.append(_to_int(v))
                except OverflowError:
                    raise SchemaError(f"{label(i)}: {_shown(v)} does not fit in 64 bits", path=path,
                                      field=c.name) from None
                except (TypeError, ValueError):
                    raise SchemaError(f"{label(i)}: {_shown(v)} is not an integer", path=path, field=c.name) from None
            out = pd.Series(ints, dtype="Int64")
        if c.kind == "int" and out.isna().any():
            i = int(np.flatnonzero(out.isna().to_numpy())[0])
            raise SchemaError(f"{label(i)}: value required", path=path, field=c.name)
        return out
    # float?
    if numeric:
        f = s.astype("float64").to_numpy()
        bad = np.isinf(f)
    else:
        f = np.empty(len(s))
        bad = np.zeros(len(s), dtype=bool)
        for i, v in enumerate(s.tolist()):
            if _missing(v):
                f[i] = np.nan
                continue
            try:
                f[i] = _to_float(v)
            except (TypeError, ValueError, OverflowError):
                bad[i] = True
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise SchemaError(f"{label(i)}: {_shown(s.iloc[i])} is not a finite number", path=path, field=c.name)
    return f


def _geometry_xy(geom: pd.Series, path: str | None, label) -> tuple[np.ndarray, np.ndarray]:
    """(lat, lon) arrays from a geometry column of Points / None / empty."""
    import shapely

    arr = np.asarray(geom.to_numpy(), dtype=object)
    n = len(arr)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    present = ~pd.isna(arr)
    if not present.any():
        return lat, lon
    garr = arr[present]
    if str(geom.dtype) != "geometry":
        for j, g in enumerate(garr):
            if not isinstance(g, shapely.Geometry):
                i = int(np.flatnonzero(present)[j])
                raise GeoJSONError(f"{label(i)}: geometry is {type(g).__name__}, not a geometry", path=path, field="geometry")
    gtype = shapely.get_type_id(garr)
    empty = shapely.is_empty(garr)
    notpoint = (gtype != 0) & ~empty
    if notpoint.any():
        i = int(np.flatnonzero(present)[int(np.flatnonzero(notpoint)[0])])
        raise GeoJSONError(
            f"{label(i)}: geometry must be a Point (or null), got {garr[np.flatnonzero(notpoint)[0]].geom_type}",
            path=path,
            field="geometry",
        )
    idx = np.flatnonzero(present)
    x = shapely.get_x(garr)
    y = shapely.get_y(garr)
    x = np.where(empty, np.nan, x)
    y = np.where(empty, np.nan, y)
    lat[idx] = y
    lon[idx] = x
    return lat, lon


def _check_coords(lat: np.ndarray, lon: np.ndarray, path: str | None, label) -> None:
    from gazetteer.exc import CoordinateError, check_lat_lon

    one_missing = np.isnan(lat) != np.isnan(lon)
    if one_missing.any():
        i = int(np.flatnonzero(one_missing)[0])
        miss = "latitude" if np.isnan(lat[i]) else "longitude"
        raise GeoJSONError(f"{label(i)}: {miss} missing while the other coordinate is set", path=path, field=miss)
    with np.errstate(invalid="ignore"):
        bad = ~np.isnan(lat) & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        try:
            check_lat_lon(lat[i], lon[i])
        except CoordinateError as e:
            raise GeoJSONError(f"{label(i)}: {e}", path=path, field="latitude" if abs(lat[i]) > 90 else "longitude") from e


def uncertainty_series(gdf: pd.DataFrame) -> "geopandas.GeoSeries":
    """The ``uncertainty_wkt`` column as a GeoSeries (in memory; files keep the WKT)."""
    gpd = _gpd()
    import shapely

    wkt = gdf["uncertainty_wkt"].astype(object).where(gdf["uncertainty_wkt"].notna(), None).to_numpy()
    return gpd.GeoSeries(shapely.from_wkt(wkt, on_invalid="ignore"), index=gdf.index, crs=CRS)


def fill_admin1(gdf: pd.DataFrame, gaz: Gazetteer | None = None) -> "geopandas.GeoDataFrame":
    """Fill an empty ``admin1`` from the gazetteer district of the row's ``place_id``.

    Parameters
    ----------
    gdf
        An event frame.
    gaz
        A :class:`gazetteer.Gazetteer` (default: ``Gazetteer.default()``).

    Returns
    -------
    geopandas.GeoDataFrame
        A copy; rows whose place id is unknown to the gazetteer, or whose place lies in
        no district (abroad), keep ``admin1`` as it was.
    """
    g = restore_schema(gdf)
    if gaz is None:
        from gazetteer import Gazetteer

        gaz = Gazetteer.default()
    todo = (g["admin1"] == "") & (g["place_id"] != "")
    if not todo.any():
        return g
    cache: dict[str, str] = {}
    names = []
    for pid in g.loc[todo, "place_id"]:
        if pid not in cache:
            place = gaz.get(pid)
            d = gaz.district_of(place) if place is not None else None
            cache[pid] = d.name_en if d is not None else ""
        names.append(cache[pid])
    g.loc[todo, "admin1"] = pd.array(names, dtype="string")
    return g


# --------------------------------------------------------------------------- files


#: Schema kinds of text columns (the CSV cells that :func:`geo.io.outputs.csv_cell` neutralises).
_TEXT_KINDS = frozenset({"text", "text?"})


def _format_of(path: Path, format: str | None) -> str:
    f: str | None
    if format is not None:
        f = format.lower().lstrip(".")
        f = {"json": "geojson", "geoparquet": "parquet", "geopackage": "gpkg"}.get(f, f)
        if f not in set(FORMATS.values()):
            raise InputError(f"unknown format {format!r} (choose from geojson, parquet, gpkg, csv)", path=str(path))
        return f
    f = FORMATS.get(path.suffix.lower())
    if f is None:
        raise InputError(
            f"cannot tell the format from the suffix {path.suffix!r} "
            "(use .geojson, .json, .parquet, .gpkg or .csv, or pass format=)",
            path=str(path),
        )
    return f


def write_events(events_or_gdf: Any, path: str | os.PathLike, *, format: str | None = None) -> Path:
    """Write events (or an event frame) to ``path`` atomically.

    The file is written to a temporary directory beside ``path`` and moved into place
    with :func:`os.replace`; on error no partial file is left.  The rule of
    :mod:`geo.io.outputs` applies: a symlink is followed, a FIFO or device is written in
    place and ``-`` is standard output (give ``format``).  CSV text cells that a
    spreadsheet would run as formulas are written with a ``'`` in front
    (:func:`geo.io.outputs.csv_cell`); :func:`read_events` removes it again.

    Parameters
    ----------
    events_or_gdf
        Iterable of :class:`~geo.events.Event`, or a frame with the schema's columns.
    path
        Output file.  ``.geojson``/``.json``, ``.parquet``, ``.gpkg`` (layer
        ``events``) or ``.csv``.
    format
        Overrides the suffix: ``geojson``, ``parquet``, ``gpkg``, ``csv``.

    Returns
    -------
    pathlib.Path
        The written path.
    """
    from geo.io.outputs import atomic_path, is_stdout

    path = Path(path)
    if is_stdout(path) and format is None:
        raise InputError("standard output (-o -) has no suffix: give the format (--format)", path="-")
    fmt = _format_of(path, format)
    gdf = _frame_from_any(events_or_gdf)
    with atomic_path(path, suffix=f".{fmt}", parents=False) as tmp:
        if fmt == "geojson":
            _write_geojson(gdf, tmp)
        elif fmt == "parquet":
            gdf.to_parquet(tmp, index=False, compression="zstd", write_covering_bbox=False)
        elif fmt == "gpkg":
            _write_gpkg(gdf, tmp)
        else:
            _write_csv(gdf, tmp)
    return path


def _records(gdf: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts (None for missing), columns in schema order."""
    cols = {}
    for c in SCHEMA:
        s = gdf[c.name]
        if c.kind == "float?":
            cols[c.name] = [None if v != v else float(v) for v in s.to_numpy(dtype="float64")]
        else:
            vals = s.astype(object).where(s.notna(), None).tolist()
            if c.kind in ("int", "int?"):
                vals = [None if v is None else int(v) for v in vals]
            cols[c.name] = vals
    return [{k: cols[k][i] for k in COLUMNS} for i in range(len(gdf))]


def _write_geojson(gdf: pd.DataFrame, tmp: Path) -> None:
    """The frame's rows as GeoJSON in the one dialect (:func:`geo.io.geojson.dumps_features`), in row order."""
    from geo.io.geojson import dumps_properties, normalise_properties

    text = dumps_properties(normalise_properties(r) for r in _records(gdf))
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _write_gpkg(gdf: pd.DataFrame, tmp: Path) -> None:
    import pyogrio

    for c in SCHEMA:
        if c.dtype == "string" and gdf[c.name].str.contains("\x00", regex=False).fillna(False).any():
            raise InputError("text contains a NUL character, which GeoPackage cannot store", path=str(tmp), field=c.name)
    pyogrio.write_dataframe(gdf, tmp, layer=GPKG_LAYER, driver="GPKG", promote_to_multi=False)


def _csv_value(v: Any, text: bool) -> str:
    """One CSV cell: ``""`` for missing, ``repr`` for floats, text cells neutralised (:func:`geo.io.outputs.csv_cell`)."""
    from geo.io.outputs import csv_cell

    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return csv_cell(str(v)) if text else str(v)


def _write_csv(gdf: pd.DataFrame, tmp: Path) -> None:
    import shapely

    recs = _records(gdf)
    wkt = shapely.to_wkt(gdf.geometry.to_numpy(), rounding_precision=-1)
    text = [c.kind in _TEXT_KINDS for c in SCHEMA]
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow([*COLUMNS, "geometry"])
        for r, g in zip(recs, wkt):
            row = [_csv_value(r[c.name], t) for c, t in zip(SCHEMA, text)]
            row.append(g or "")
            w.writerow(row)


def read_events(path: str | os.PathLike, *, format: str | None = None) -> "geopandas.GeoDataFrame":
    """Read an event file into an event frame (schema restored, rows sorted).

    Parameters
    ----------
    path
        ``.geojson``/``.json``, ``.parquet``, ``.gpkg`` or ``.csv`` (see :func:`write_events`).
        CSV files may carry the point as ``latitude``/``longitude`` or as a WKT ``geometry``.
    format
        Overrides the suffix.

    Raises
    ------
    InputError
        The file is missing or unreadable (``DecodeError``, ``EmptyInputError``).
    GeoJSONError
        Not GeoJSON, a malformed feature, a non-Point geometry, or out-of-range coordinates.
    SchemaError
        Missing columns or a value of the wrong type (the message names the row and field).
    """
    return read_event_file(path, format=format)[0]


def _read_text(path: Path) -> str:
    """The text of a GeoJSON or CSV events file (:func:`geo.io.geojson.read_text`: UTF-8 only, newlines kept)."""
    from geo.io.geojson import read_text

    return read_text(path)


#: Re-exported from :mod:`geo.io.geojson` (the GeoJSON codec), where they live.
check_geojson_crs = _geojson.check_geojson_crs
check_event_records = _geojson.check_records


def frame_from_records(records: list[dict], path: str | os.PathLike | None = None) -> "geopandas.GeoDataFrame":
    """The event frame of GeoJSON records (:func:`geo.io.geojson.loads_collection`), checked and typed by
    :func:`restore_schema` (errors name the feature: ``feature 3``)."""
    p = None if path is None else str(path)
    labels = [f"feature {i}" for i in range(1, len(records) + 1)]
    if records:
        df = pd.DataFrame.from_records(records)
        if "geometry" in df.columns:  # a property of that name is not the feature's geometry (already read)
            df = df.drop(columns=["geometry"])
    else:
        df = pd.DataFrame(columns=["id", *(c for c in COLUMNS if c != "event_id_cnty")])
    return restore_schema(df, path=p, row_labels=labels, geometry_wins=False)


def read_event_file(path: str | os.PathLike, *, format: str | None = None) -> tuple["geopandas.GeoDataFrame",
                                                                                   list[dict] | None]:
    """:func:`read_events`, and for GeoJSON also the file's records (:func:`geo.io.geojson.loads_collection`:
    extra properties such as the fused fields kept), read once.

    Returns
    -------
    (frame, records or None)
        ``records`` in file order (the frame is sorted), ``None`` for the other formats.
    """
    path = Path(path)
    fmt = _format_of(path, format)
    if not path.is_file():
        if path.exists():
            raise InputError("not a regular file (a folder, FIFO or device): refusing to read it", path=str(path))
        raise InputError("no such file", path=str(path))
    if path.stat().st_size == 0:
        from geo.exc import EmptyInputError

        raise EmptyInputError("file is empty", path=str(path))
    if fmt == "geojson":
        records = _geojson.loads_collection(_read_text(path), str(path))
        return frame_from_records(records, path), records
    if fmt == "csv":
        return _read_csv(path), None
    if fmt == "parquet":
        return _read_parquet(path), None
    return _read_gpkg(path), None


def _read_csv(path: Path) -> "geopandas.GeoDataFrame":
    import shapely

    p = str(path)
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        from geo.exc import EmptyInputError

        raise EmptyInputError("CSV has no header row", path=p) from None
    except csv.Error as e:
        raise InputError(f"malformed CSV: {e}", path=p, line=1) from e
    header = [h.strip() for h in header]
    dup = sorted({h for h in header if header.count(h) > 1})
    if dup:
        raise SchemaError(f"duplicate column(s): {', '.join(dup)}", path=p)
    rows: list[list[str]] = []
    labels: list[str] = []
    start = reader.line_num + 1
    try:
        for row in reader:
            if not row or (len(row) == 1 and row[0] == "" and len(header) > 1):
                start = reader.line_num + 1
                continue
            if len(row) != len(header):
                raise SchemaError(f"line {start}: {len(row)} fields, header has {len(header)}", path=p)
            rows.append(row)
            labels.append(f"line {start}")
            start = reader.line_num + 1
    except csv.Error as e:
        raise InputError(f"malformed CSV: {e}", path=p, line=reader.line_num) from e
    from geo.io.outputs import csv_uncell

    text_cols = {c.name for c in SCHEMA if c.kind in _TEXT_KINDS}
    cols = {h: [csv_uncell(r[j]) if h in text_cols else r[j] for r in rows] for j, h in enumerate(header)}
    df = pd.DataFrame({h: pd.Series(v, dtype=object) for h, v in cols.items()}, columns=header)
    has_xy = "latitude" in df.columns and "longitude" in df.columns
    wkt_col = next((h for h in ("geometry", "WKT", "wkt") if h in df.columns), None)
    if wkt_col is not None:
        geoms: list[Any] = []
        for i, w in enumerate(df[wkt_col].tolist()):
            w = (w or "").strip()
            if not w:
                geoms.append(None)
                continue
            try:
                geoms.append(shapely.from_wkt(w))
            except Exception as e:  # shapely.errors.GEOSException and friends
                raise GeoJSONError(f"{labels[i]}: bad WKT geometry {w[:40]!r}", path=p, field=wkt_col) from e
        df = df.drop(columns=[wkt_col])
        df["geometry"] = pd.Series(geoms, dtype=object)
    return restore_schema(df, path=p, row_labels=labels, geometry_wins=not has_xy)


def _read_parquet(path: Path) -> "geopandas.GeoDataFrame":
    gpd = _gpd()
    p = str(path)
    try:
        df = gpd.read_parquet(path)
    except ValueError as e:  # not a GeoParquet file (no geo metadata): plain table with lat/lon
        if "geo" not in str(e).lower():
            raise InputError(f"cannot read Parquet: {e}", path=p) from e
        try:
            df = pd.read_parquet(path)
        except Exception as e2:
            raise InputError(f"cannot read Parquet: {e2}", path=p) from e2
    except Exception as e:  # pyarrow.ArrowInvalid etc.: not Parquet at all
        raise InputError(f"not a Parquet file ({type(e).__name__}: {str(e)[:120]})", path=p) from e
    return restore_schema(df, path=p)


def _read_gpkg(path: Path) -> "geopandas.GeoDataFrame":
    import pyogrio

    p = str(path)
    try:
        layers = [name for name, _ in pyogrio.list_layers(path)]
        layer = GPKG_LAYER if GPKG_LAYER in layers else (layers[0] if layers else None)
        if layer is None:
            raise InputError("GeoPackage has no layer", path=p)
        df = pyogrio.read_dataframe(path, layer=layer)
    except InputError:
        raise
    except Exception as e:  # pyogrio.errors.DataSourceError and friends
        raise InputError(f"not a readable GeoPackage ({type(e).__name__}: {str(e)[:120]})", path=p) from e
    return restore_schema(df, path=p)


# --------------------------------------------------------------------------- docs


def schema_markdown() -> str:
    """The schema table (Markdown) that ``docs/schema.md`` carries."""
    lines = [
        "| # | column | dtype | Event field | ACLED name | meaning |",
        "|---|---|---|---|---|---|",
    ]
    for i, c in enumerate(SCHEMA, start=1):
        kind = {"text": "", "text?": " (nullable)", "int": " (required)", "int?": " (nullable)", "float?": " (NaN = missing)"}[c.kind]
        lines.append(
            f"| {i} | `{c.name}` | `{c.dtype}`{kind} | `{c.field}` | {'yes' if c.acled else 'no'} | {c.description} |"
        )
    lines.append("| — | `geometry` | Point, EPSG:4326 | (latitude, longitude) | no | Event point; null when unresolved. |")
    return "\n".join(lines) + "\n"
