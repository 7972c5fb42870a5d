"""The one GeoJSON dialect of kharita event files: every writer and reader goes through here.

Writers: ``kharita extract -o x.geojson`` and ``kharita run`` (:func:`dumps_collection`),
:func:`geo.io.frame.write_events`, :func:`geo.fusion.write_fused` (the fused fields as
extra properties), the review's :func:`geo.maps.review.reviewed_geojson`
(:func:`dumps_features`).  Readers: :func:`geo.io.frame.read_events`, ``kharita map``
(:func:`geo.cli.map.load_columns`), :func:`geo.maps.columns_from` / ``records_from``,
the review, :func:`geo.fusion.read_fused` and the pytest plugin
(:func:`read_collection`, :func:`loads_collection`, :func:`records_of`).

The dialect (``"kharita_schema": "events/1"``)
----------------------------------------------
* A FeatureCollection; top-level members ``features``, ``kharita_schema`` (and e.g.
  ``kharita_fused``), keys sorted, no ``crs`` (RFC 7946: WGS84 longitude/latitude).
* One feature per line: ``{"features":[`` on the first line, then each feature, then
  ``],"kharita_schema":"events/1","type":"FeatureCollection"}``; compact separators,
  UTF-8 (no ``\\u`` escapes), numbers as Python's :func:`repr` (shortest round-trip),
  no ``NaN``/``Infinity``.
* A feature: ``{"geometry":…,"id":…,"properties":…,"type":"Feature"}``; the geometry is
  a Point ``[longitude, latitude]`` or ``null`` for an unresolved event; ``id`` is the
  event id.
* Properties: every schema column (:data:`geo.io.schema.SCHEMA`, so ``event_id_cnty``
  for the event id), then any extra properties (fused fields, review columns).  Values
  are normalised as the event frame holds them: text ``""`` when unknown; the optional
  text fields (``event_date``, ``update_time``, ``uncertainty_wkt``) ``null`` when
  missing or ``""``; counts and offsets integers or ``null``; coordinates and radii
  floats (``31.0``, not ``31``) or ``null``.
* Features are in the event frame's row order (:func:`sort_key`: ``event_date`` with
  missing dates last, ``doc_id``, ``span_start``, id) when written from events, so
  ``kharita extract -o x.geojson`` and ``write_events(events, "x.geojson")`` write the
  same bytes.

Reading is lenient where the dialect has grown: properties named by Event fields
(``id`` instead of ``event_id_cnty``, as ``Event.to_feature`` used to write), an
older file's spaced, one-feature-per-line layout, a single Feature, a ``crs`` member
naming WGS84.  A feature's geometry decides its point (a ``null`` geometry is an
unresolved event, whatever the properties say).  Structure errors are
:class:`geo.exc.GeoJSONError` naming the file and the feature (``feature 3``, from 1)
or the JSON line.

Standard library only: the text → events path writes GeoJSON without numpy or pandas.
"""

from __future__ import annotations

import json
import math
import numbers
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from geo.events import EVENT_FIELDS, Event
from geo.exc import GeoJSONError, InputError
from geo.io.schema import COL_TO_FIELD, SCHEMA

__all__ = [
    "SCHEMA_TAG",
    "check_geojson_crs",
    "check_records",
    "dumps_collection",
    "dumps_features",
    "dumps_properties",
    "event_properties",
    "event_to_feature",
    "feature_from_properties",
    "feature_record",
    "feature_to_event",
    "loads_collection",
    "normalise_properties",
    "parse_json",
    "read_collection",
    "read_text",
    "records_of",
    "sort_key",
    "sorted_events",
]

#: Value of the top-level ``kharita_schema`` member.
SCHEMA_TAG = "events/1"

_COLUMNS = tuple((c.field, c.name) for c in SCHEMA)
_TEXT = tuple(c.name for c in SCHEMA if c.kind == "text")
_OPT_TEXT = tuple(c.name for c in SCHEMA if c.kind == "text?")
_INTS = tuple(c.name for c in SCHEMA if c.kind in ("int", "int?"))
_REQUIRED_INTS = frozenset(c.name for c in SCHEMA if c.kind == "int")
_FLOATS = tuple(c.name for c in SCHEMA if c.kind == "float?")
_ID = "event_id_cnty"
#: Property names that belong to the schema, under either spelling (column or Event field).
SCHEMA_KEYS = frozenset(COL_TO_FIELD) | frozenset(EVENT_FIELDS)
_DUMP = json.JSONEncoder(ensure_ascii=False, sort_keys=True, allow_nan=False, separators=(",", ":")).encode


# --------------------------------------------------------------------------- writing


def _text(v: Any) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return v if isinstance(v, str) else str(v)


def _opt_text(v: Any) -> str | None:
    if v is None or v == "" or (isinstance(v, float) and v != v):
        return None
    return v if isinstance(v, str) else str(v)


def _int(v: Any) -> int | None:
    if v is None or (isinstance(v, float) and v != v):
        return None
    return int(v)


def _float(v: Any) -> float | None:
    if v is None:
        return None
    f = float(v)
    return None if f != f else f


def normalise_properties(props: dict) -> dict:
    """Put a property dict (schema column names) into the dialect's value forms, in place; returns it.

    Text ``None`` becomes ``""``; an optional text that is ``""`` becomes ``None``; counts and
    offsets become ``int``, coordinates and radii ``float``; NaN becomes ``None`` — what the
    event frame holds, so a file written from events and one written from a frame agree.
    Values already in form are left as they are (the common case costs a type check).
    """
    for k in _TEXT:
        v = props[k]
        if type(v) is not str:
            props[k] = _text(v)
    for k in _OPT_TEXT:
        v = props[k]
        if v is not None and (type(v) is not str or v == ""):
            props[k] = _opt_text(v)
    for k in _INTS:
        v = props[k]
        if v is not None and type(v) is not int:
            props[k] = _int(v)
    for k in _FLOATS:
        v = props[k]
        if v is not None and (type(v) is not float or v != v):
            props[k] = _float(v)
    return props


def event_properties(ev: Event, extra: Mapping[str, Any] | None = None) -> dict:
    """The feature properties of an event: every schema column (normalised), then ``extra``."""
    props = normalise_properties({name: getattr(ev, field) for field, name in _COLUMNS})
    if extra:
        props.update(extra)
    return props


def feature_from_properties(props: dict) -> dict:
    """The Feature of a property dict (schema column names, values in form): the point from
    ``latitude``/``longitude`` (``null`` geometry when either is missing), ``id`` from ``event_id_cnty``.

    Raises
    ------
    GeoJSONError
        One coordinate without the other, or a coordinate out of range.
    """
    lat, lon = props.get("latitude"), props.get("longitude")
    geom = None
    if lat is not None or lon is not None:
        if lat is None or lon is None:
            miss = "latitude" if lat is None else "longitude"
            raise GeoJSONError(f"event {props.get(_ID)!r}: {miss} missing while the other coordinate is set",
                               field=miss)
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise GeoJSONError(f"event {props.get(_ID)!r}: coordinates ({lat!r}, {lon!r}) out of range",
                               field="latitude" if not -90.0 <= lat <= 90.0 else "longitude")
        geom = {"coordinates": [lon, lat], "type": "Point"}
    return {"geometry": geom, "id": props.get(_ID), "properties": props, "type": "Feature"}


def event_to_feature(ev: Event, extra: Mapping[str, Any] | None = None) -> dict:
    """GeoJSON Feature of an event in the dialect (see the module notes); ``extra`` adds properties."""
    return feature_from_properties(event_properties(ev, extra))


def sort_key(props: Mapping[str, Any]) -> tuple:
    """The event frame's row order (:func:`geo.io.frame.to_frame`) for normalised properties:
    ``event_date`` (missing last), ``doc_id``, ``span_start``, event id."""
    d = props["event_date"]
    return (d is None, d or "", props["doc_id"], props["span_start"], props[_ID])


def sorted_events(events: Iterable[Event]) -> list[Event]:
    """Events in the event frame's row order (stable: ties keep their order)."""
    return sorted(events, key=_event_sort_key)


def _encode(feature: dict) -> str:
    try:
        return _DUMP(feature)
    except ValueError as e:  # NaN / Infinity in an extra property
        raise GeoJSONError(f"event {feature.get('id')!r}: {e}") from None


def _feature_text(props: dict) -> str:
    """``_encode(feature_from_properties(props))``, composed without building the feature dict (the writers'
    hot path at 100k events): the point's floats as JSON writes them (``repr``)."""
    lat, lon = props.get("latitude"), props.get("longitude")
    if lat is None or lon is None or type(lat) is not float or type(lon) is not float \
            or not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return _encode(feature_from_properties(props))  # null geometry, or the checks and their errors
    eid = props.get(_ID)
    try:
        body = _DUMP(props)
    except ValueError as e:  # NaN / Infinity in an extra property
        raise GeoJSONError(f"event {eid!r}: {e}") from None
    return (f'{{"geometry":{{"coordinates":[{lon!r},{lat!r}],"type":"Point"}},"id":{_DUMP(eid)},'
            f'"properties":{body},"type":"Feature"}}')


def _collection(lines: Iterable[str], members: Mapping[str, Any] | None) -> str:
    body = ",\n".join(lines)
    top = {"kharita_schema": SCHEMA_TAG, "type": "FeatureCollection", **(members or {})}
    tail = _DUMP(top)[1:]  # '"kharita_schema":…}' (keys sorted; "features" comes first)
    return '{"features":[\n' + body + ("\n" if body else "") + "]," + tail + "\n"


def dumps_features(features: Iterable[dict], members: Mapping[str, Any] | None = None) -> str:
    """FeatureCollection text of ready features, one per line (the dialect's layout).

    ``members`` adds top-level members (``kharita_fused``…) beside ``kharita_schema``.
    """
    return _collection((_encode(f) for f in features), members)


def dumps_properties(rows: Iterable[dict], members: Mapping[str, Any] | None = None) -> str:
    """FeatureCollection text of property dicts in the dialect's forms (:func:`normalise_properties`), one
    feature each (:func:`feature_from_properties`), in the given order: the frame's and the review's writer."""
    return _collection((_feature_text(p) for p in rows), members)


def dumps_collection(
    events: Iterable[Event],
    *,
    extras: Sequence[Mapping[str, Any] | None] | None = None,
    members: Mapping[str, Any] | None = None,
    sort: bool = True,
) -> str:
    """FeatureCollection text of events in the dialect: what every kharita GeoJSON writer writes.

    Parameters
    ----------
    events
        :class:`~geo.events.Event` objects.
    extras
        Extra properties per event (aligned with ``events``), e.g. the fused fields.
    members
        Extra top-level members (``{"kharita_fused": 1}``).
    sort
        Features in the event frame's row order (:func:`sort_key`), as
        :func:`geo.io.frame.write_events` writes them; ``False`` keeps the given order.

    Raises
    ------
    GeoJSONError
        A coordinate without the other, out of range, or a non-finite number.
    """
    evs = list(events)
    xs = list(extras) if extras is not None else [None] * len(evs)
    if len(xs) != len(evs):
        raise ValueError(f"dumps_collection: {len(xs)} extras for {len(evs)} events")
    if sort:  # order first, from the four key fields alone: the properties are then built in file order
        order = sorted(range(len(evs)), key=[_event_sort_key(e) for e in evs].__getitem__)
        evs, xs = [evs[i] for i in order], [xs[i] for i in order]
    return dumps_properties((event_properties(e, x) for e, x in zip(evs, xs)), members)


def _event_sort_key(ev: Event) -> tuple:
    """:func:`sort_key` of an event's properties, from the event (its four fields normalised alone)."""
    d = _opt_text(ev.event_date) if type(ev.event_date) is not str or ev.event_date == "" else ev.event_date
    doc = ev.doc_id if type(ev.doc_id) is str else _text(ev.doc_id)
    start = ev.span_start if type(ev.span_start) is int else _int(ev.span_start)
    eid = ev.id if type(ev.id) is str else _text(ev.id)
    return (d is None, d or "", doc, start, eid)


# --------------------------------------------------------------------------- reading


def read_text(path: str | os.PathLike) -> str:
    """The text of an event file (GeoJSON or CSV): a regular, non-empty file of UTF-8 (a BOM, or UTF-16
    with one, is fine; :func:`geo.text.document.decode_text`), newlines kept.

    Raises
    ------
    InputError
        Missing, not a regular file (a folder, FIFO or device), or unreadable.
    geo.exc.EmptyInputError
        No bytes, or only whitespace.
    geo.exc.DecodeError
        Binary, or not UTF-8 (the message gives the line and byte).
    """
    from geo.text.document import decode_text
    from geo.exc import DecodeError, EmptyInputError

    p = Path(path)
    if not p.is_file():
        if p.exists():
            raise InputError("not a regular file (a folder, FIFO or device): refusing to read it", path=str(p))
        raise InputError("no such file", path=str(p))
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=str(p)) from None
    if not raw:
        raise EmptyInputError("file is empty", path=str(p))
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("binary file (NUL bytes), not text", path=str(p))
    if not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in raw and not raw.isspace():
        # plain UTF-8 (no BOM, no NUL, so no UTF-16): what decode_text gives, without its copies of a large file
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass  # decode_text names the line and column
    return decode_text(raw, path=str(p), mixed=False, newlines=False, controls=True).text


def parse_json(text: str, path: str | None = None) -> Any:
    """``json.loads`` with kharita's one-line errors (:class:`GeoJSONError` naming the file and line)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise GeoJSONError(f"not JSON (column {e.colno}: {e.msg})", path=path, line=e.lineno) from None
    except RecursionError:
        raise GeoJSONError("not usable JSON: nested too deeply", path=path) from None


#: CRS names that mean WGS84 longitude/latitude (the only CRS of RFC 7946 GeoJSON).
_WGS84_NAMES = ("urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84", "epsg:4326",
                "urn:ogc:def:crs:epsg::4326", "urn:ogc:def:crs:epsg:6.6:4326", "crs84", "ogc:crs84",
                "http://www.opengis.net/def/crs/ogc/1.3/crs84", "http://www.opengis.net/def/crs/epsg/0/4326")


def _shown(v: Any, limit: int = 40) -> str:
    """A value for a message: a numpy scalar as its Python value (``-inf``, not ``np.float64(-inf)``)."""
    if type(v).__module__ == "numpy" and hasattr(v, "item"):
        v = v.item()
    r = repr(v)
    return r if len(r) <= limit else r[:limit] + "…"


def check_geojson_crs(doc: Any, path: str | None = None) -> None:
    """Refuse a GeoJSON object whose (pre-RFC 7946) ``crs`` member names another CRS than WGS84.

    Raises
    ------
    GeoJSONError
        The declared CRS is not EPSG:4326 / CRS84 (coordinates would be misread as degrees).
    """
    if not isinstance(doc, dict) or doc.get("crs") is None:
        return
    crs = doc["crs"]
    name = None
    if isinstance(crs, dict):
        props = crs.get("properties")
        if isinstance(props, dict):
            name = props.get("name") or props.get("href") or props.get("code")
        if crs.get("type") == "EPSG" and isinstance(props, dict) and props.get("code") is not None:
            name = f"EPSG:{props['code']}"
    elif isinstance(crs, str):
        name = crs
    if name is not None and str(name).strip().lower() in _WGS84_NAMES:
        return
    raise GeoJSONError(f"declares the CRS {_shown(name if name is not None else crs)}: kharita reads GeoJSON in "
                       "WGS84 longitude/latitude (EPSG:4326) only; reproject the file first", path=path, field="crs")


def _features(doc: Any, path: str | None) -> list:
    """The features of a parsed GeoJSON document (a FeatureCollection or one Feature)."""
    check_geojson_crs(doc, path)
    if isinstance(doc, dict):
        kind = doc.get("type")
        if kind == "FeatureCollection":
            feats = doc.get("features")
            if not isinstance(feats, list):
                raise GeoJSONError("FeatureCollection has no 'features' list", path=path)
            return feats
        if kind == "Feature":
            return [doc]
    got = doc.get("type") if isinstance(doc, dict) else type(doc).__name__
    raise GeoJSONError(f"not GeoJSON: expected a FeatureCollection or a Feature, got {got!r}", path=path)


def _point(g: Any, k: int, path: str | None) -> tuple[Any, Any]:
    """``(lon, lat)`` of a feature's geometry; ``(None, None)`` for null or an empty Point."""
    if g is None:
        return None, None
    if type(g) is dict and g.get("type") == "Point":
        xy = g.get("coordinates")
        if type(xy) is list and len(xy) >= 2:
            x, y = xy[0], xy[1]
            tx, ty = type(x), type(y)
            if (tx is float or tx is int) and (ty is float or ty is int):
                return x, y
    if not isinstance(g, Mapping) or "type" not in g:
        raise GeoJSONError(f"feature {k}: geometry has no 'type'", path=path, field="geometry")
    if g["type"] != "Point":
        raise GeoJSONError(f"feature {k}: geometry must be a Point (or null), got {_shown(g['type'])}", path=path,
                           field="geometry")
    xy = g.get("coordinates")
    if isinstance(xy, (list, tuple)) and len(xy) == 0:
        return None, None
    if (not isinstance(xy, (list, tuple)) or len(xy) < 2
            or not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in xy[:2])):
        raise GeoJSONError(f"feature {k}: Point coordinates must be [longitude, latitude] numbers, got {_shown(xy)}",
                           path=path, field="geometry")
    return xy[0], xy[1]


def _record(f: Any, k: int, path: str | None, copy: bool) -> dict:
    """One feature as a record: its properties (Event field names for the schema's, extras kept),
    ``latitude``/``longitude`` from the geometry, ``id`` from ``event_id_cnty`` or the feature id."""
    if type(f) is not dict and not isinstance(f, Mapping):
        raise GeoJSONError(f"feature {k}: not a Feature object", path=path)
    if f.get("type") != "Feature":
        raise GeoJSONError(f"feature {k}: not a Feature object", path=path)
    props = f.get("properties")
    if props is None:
        rec: dict = {}
    elif type(props) is dict:
        rec = dict(props) if copy else props
    elif isinstance(props, Mapping):
        rec = dict(props)
    else:
        raise GeoJSONError(f"feature {k}: 'properties' is not an object", path=path)
    if "geometry" not in f:
        raise GeoJSONError(f"feature {k}: no 'geometry' member (use null for an unresolved event)", path=path)
    for key in ("latitude", "longitude"):  # the geometry's point replaces them: they must not hide garbage
        v = rec.get(key)
        if v is not None and not ((type(v) is float or type(v) is int) and v - v == 0) and v != "":
            if isinstance(v, bool) or not isinstance(v, numbers.Real) or not math.isfinite(v):
                raise GeoJSONError(f"feature {k}: {_shown(v)} is not a finite number", path=path, field=key)
    rec["longitude"], rec["latitude"] = _point(f["geometry"], k, path)
    if _ID in rec:
        eid = rec.pop(_ID)
        if eid is not None or rec.get("id") is None:
            rec["id"] = eid
    if rec.get("id") is None and f.get("id") is not None:
        rec["id"] = f["id"]
    return rec


def feature_record(feature: Any, k: int = 1, path: str | None = None) -> dict:
    """One feature as a record (see :func:`loads_collection`); ``k`` numbers it in messages."""
    return _record(feature, k, path, copy=True)


def records_of(doc: Any, path: str | None = None, *, copy: bool = True) -> list[dict]:
    """The records of a parsed GeoJSON document (see :func:`loads_collection`).

    ``copy=False`` reuses the parsed property dicts (for a document nobody else holds).
    """
    feats = _features(doc, path)
    return [_record(f, k, path, copy) for k, f in enumerate(feats, start=1)]


def loads_collection(text: str, path: str | None = None) -> list[dict]:
    """The events of a GeoJSON text as records, one per feature, in file order.

    A record is the feature's properties with Event field names for the schema's
    (``id``, not ``event_id_cnty``; the feature id when the properties have none),
    ``latitude``/``longitude`` from the geometry (``None`` for a null geometry), and
    every other property as it is (fused fields, review columns).  Values are not
    typed here: :func:`check_records` checks them for drawing, :func:`geo.io.frame.restore_schema`
    types them for the frame.

    Raises
    ------
    GeoJSONError
        Not JSON (file and line), nested too deeply, not a FeatureCollection/Feature, a CRS
        other than WGS84, or a malformed feature (``feature 3: …``).
    """
    return records_of(parse_json(text, path), path, copy=False)


def read_collection(path: str | os.PathLike) -> list[dict]:
    """:func:`loads_collection` of an event file (:func:`read_text`)."""
    return loads_collection(read_text(path), str(path))


_RECORD_NUMBERS = ("latitude", "longitude", "uncertainty_m", "fatalities", "injuries", "time_precision",
                   "geo_precision", "span_start", "span_end")


def check_records(records: Sequence[Any], path: str | None = None) -> None:
    """Check records before they are drawn: numbers finite, dates ISO days (features numbered from 1).

    Raises
    ------
    GeoJSONError
        A non-finite number (``Infinity``, ``1e400``) or a number field that holds
        something else, or an ``event_date`` that is not ``YYYY-MM-DD``.
    """
    import datetime as dt

    for k, r in enumerate(records, start=1):
        if not isinstance(r, Mapping):
            raise GeoJSONError(f"feature {k}: not an object", path=path)
        for f in _RECORD_NUMBERS:
            v = r.get(f)
            if v is None:
                continue
            tv = type(v)
            if tv is int:
                continue
            if tv is float:
                if v - v != 0.0:  # inf or NaN
                    raise GeoJSONError(f"feature {k}: {_shown(v)} is not a finite number", path=path, field=f)
                continue
            if isinstance(v, bool) or not isinstance(v, numbers.Real):
                raise GeoJSONError(f"feature {k}: {_shown(v)} is not a number", path=path, field=f)
            if not math.isfinite(v):
                raise GeoJSONError(f"feature {k}: {_shown(v)} is not a finite number", path=path, field=f)
        d = r.get("event_date")
        if d is not None and d != "":
            ok = isinstance(d, str) and len(d) == 10 and d[4] == "-" and d[7] == "-"
            if ok:
                try:
                    dt.date.fromisoformat(d)
                except ValueError:
                    ok = False
            if not ok:
                raise GeoJSONError(f"feature {k}: {_shown(d)} is not a date (YYYY-MM-DD)", path=path,
                                   field="event_date")


def feature_to_event(feature: Mapping[str, Any], *, path: str | None = None, k: int = 1) -> Event:
    """The :class:`~geo.events.Event` of one feature (inverse of :func:`event_to_feature`).

    Values are checked (:func:`check_records`) and put in the dialect's forms; the point is
    the geometry's.

    Raises
    ------
    GeoJSONError
        A malformed feature or a bad number or date.
    geo.exc.SchemaError
        A schema field is missing.
    """
    from geo.exc import SchemaError

    rec = _record(feature, k, path, copy=True)
    check_records([rec], path)
    props: dict[str, Any] = {name: rec.get(field) for field, name in _COLUMNS}
    missing = [name for field, name in _COLUMNS if field not in rec and name not in ("latitude", "longitude")]
    if missing:
        raise SchemaError(f"feature {k}: missing propert{'y' if len(missing) == 1 else 'ies'}: {', '.join(missing)}",
                          path=path)
    for name in _INTS:
        v = props[name]
        if v is None and name in _REQUIRED_INTS:
            raise SchemaError(f"feature {k}: value required", path=path, field=name)
        if isinstance(v, float) and not v.is_integer():
            raise SchemaError(f"feature {k}: {_shown(v)} is not an integer", path=path, field=name)
    normalise_properties(props)
    return Event(**{field: props[name] for field, name in _COLUMNS})
