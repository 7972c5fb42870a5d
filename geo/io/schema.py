"""The event schema: how an :class:`~geo.events.Event` becomes a row and a GeoJSON feature's properties.

:data:`SCHEMA` is the single source of truth for column names (ACLED's where ACLED has
one), dtypes and kinds.  The event frame (:mod:`geo.io.frame`) types its columns by it, and
the GeoJSON codec (:mod:`geo.io.geojson`) names and normalises feature properties by it.
Standard library only (the text → events path writes GeoJSON without pandas).
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.events import EVENT_FIELDS

__all__ = ["Column", "SCHEMA", "COLUMNS", "FIELD_TO_COL", "COL_TO_FIELD"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the event frame.

    Attributes
    ----------
    name
        Column name (ACLED's where ACLED has one).
    dtype
        pandas dtype: ``"string"``, ``"Int64"`` or ``"float64"``.
    field
        Name of the :class:`~geo.events.Event` field it holds.
    kind
        ``text`` (``""`` when unknown), ``text?`` (``<NA>`` when missing), ``int``
        (required integer), ``int?`` (nullable count), ``float?`` (nullable number).
    description
        One line for ``docs/schema.md``.
    acled
        True when the name is ACLED's own column name.
    """

    name: str
    dtype: str
    field: str
    kind: str
    description: str
    acled: bool = False


def _c(name: str, kind: str, description: str, field: str | None = None, acled: bool = False) -> Column:
    dtype = {"text": "string", "text?": "string", "int": "Int64", "int?": "Int64", "float?": "float64"}[kind]
    return Column(name, dtype, field or name, kind, description, acled)


#: The event frame's columns, in order.  The single source of truth for names and dtypes.
SCHEMA: tuple[Column, ...] = (
    _c("event_id_cnty", "text", "Stable event id (ours: `ev-…`; ACLED's own id for imported rows).", "id", True),
    _c("event_date", "text?", "ISO date `YYYY-MM-DD`; missing when the text gives only relative dates.", acled=True),
    _c("time_precision", "int", "ACLED: 1 = day, 2 = week, 3 = month.", acled=True),
    _c("event_type", "text", "ACLED event type (current taxonomy).", acled=True),
    _c("sub_event_type", "text", "ACLED sub-event type (`\"\"` when not known).", acled=True),
    _c("actor1", "text", "First actor (canonical name), `\"\"` when unknown.", acled=True),
    _c("actor2", "text", "Second actor, `\"\"` when none or unknown.", acled=True),
    _c("country", "text", "ISO 3166-1 alpha-2 code of the place (`LY`), `\"\"` when unresolved.", acled=True),
    _c("admin1", "text", "Libyan district (shabiya) of the place, gazetteer English name; `\"\"` abroad/unknown.", acled=True),
    _c("location", "text", "The place as written in the source.", acled=True),
    _c("latitude", "float?", "WGS84 latitude of the event point; NaN when unresolved.", acled=True),
    _c("longitude", "float?", "WGS84 longitude of the event point; NaN when unresolved.", acled=True),
    _c("geo_precision", "int", "ACLED: 1 = the place itself, 2 = near / part of, 3 = region.", acled=True),
    _c("source", "text", "Publisher of the source document.", acled=True),
    _c("notes", "text", "Free text: how the event was built, caveats (ACLED: the event summary).", acled=True),
    _c("fatalities", "int?", "Reported deaths; missing when not reported.", acled=True),
    _c("injuries", "int?", "Reported injuries; missing when not reported."),
    _c("place_id", "text", "Gazetteer id of the resolved place (`gn:…`, `ly:…`, `adm1:…`); `\"\"` when unresolved."),
    _c("place_name_en", "text", "English name of the resolved place."),
    _c("place_name_ar", "text", "Arabic name of the resolved place."),
    _c("relation", "text", "Relative location: `\"\"` (the place itself), `near`, `west_of`, `km_west_of`, `centre_of`…"),
    _c("uncertainty_m", "float?", "Radius in metres of the uncertainty around the point."),
    _c("uncertainty_wkt", "text?", "Uncertainty area as WKT polygon (lon lat order): circle or sector."),
    _c("doc_id", "text", "Id of the source document (record id or file name)."),
    _c("url", "text", "Address of the source document."),
    _c("language", "text", "Language of the source: `ar`, `en`; `\"\"` for imported ACLED rows."),
    _c("evidence", "text", "The sentence the event came from (ACLED rows: the notes)."),
    _c("span_start", "int", "Start offset of the trigger/mention span in the decoded document text."),
    _c("span_end", "int", "End offset of the span."),
    _c("update_time", "text?", "`HH:MM` (GMT) of the live-blog section, missing when none."),
    _c("date_note", "text", "How the date was obtained."),
)

COLUMNS: tuple[str, ...] = tuple(c.name for c in SCHEMA)
#: Event field → column (and GeoJSON property) name.
FIELD_TO_COL: dict[str, str] = {c.field: c.name for c in SCHEMA}
#: Column name → Event field.
COL_TO_FIELD: dict[str, str] = {c.name: c.field for c in SCHEMA}

assert sorted(FIELD_TO_COL) == sorted(EVENT_FIELDS), "SCHEMA must cover every Event field once"
