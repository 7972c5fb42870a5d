"""The :class:`Event` record: one geolocated, sourced event extracted from text.

This module is the contract between extraction (``geo.extract``), frames
(``geo.io.frame``), claims and maps.  It imports nothing heavy.  An event's
GeoJSON form is the one codec's, :mod:`geo.io.geojson` (``event_to_feature``,
``dumps_collection``): this layer knows no file format.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from typing import Any

__all__ = ["Event", "EVENT_FIELDS", "event_id"]


def event_id(doc_id: str, span_start: int, span_end: int, kind: str = "") -> str:
    """Stable id derived from the document id and the character span (and event kind)."""
    h = hashlib.sha1(f"{doc_id}\x1f{span_start}\x1f{span_end}\x1f{kind}".encode()).hexdigest()
    return f"ev-{h[:16]}"


@dataclass(frozen=True, slots=True)
class Event:
    """One event.

    Column names follow ACLED where ACLED has one.

    Attributes
    ----------
    id
        Stable id (:func:`event_id`).
    doc_id
        Id of the source document (record id, or file name).
    event_date
        ISO date ``YYYY-MM-DD``; ``None`` when no document date was given and the
        text only has relative dates (``date_note`` then says so).
    time_precision
        ACLED: 1 = day, 2 = week, 3 = month.
    date_note
        How the date was obtained ("weekday الخميس resolved against 2016-06-09",
        "document date", "relative: no document date"…).
    update_time
        ``HH:MM`` (GMT) of the live-blog section the sentence sits in, or ``None``.
    event_type, sub_event_type
        ACLED taxonomy.
    actor1, actor2
        Canonical actor names ("" when unknown).
    location
        The place as written in the text.
    place_id, place_name_en, place_name_ar
        The resolved gazetteer feature ("" when unresolved).
    admin1
        Name of the Libyan district of the place (ACLED's admin1), "" abroad/unknown.
    country
        ISO2 of the place ("" when unresolved).
    latitude, longitude
        WGS84 point (``None`` when unresolved).
    geo_precision
        ACLED: 1 = the place itself, 2 = near / part of, 3 = region.
    relation
        Relative location ("" for the place itself; "near", "west_of", "centre_of", "km_west_of"…).
    uncertainty_m
        Radius (m) of the uncertainty around the point.
    uncertainty_wkt
        WKT polygon (lon lat order) of the uncertainty area: circle or sector.
    fatalities, injuries
        Counts, ``None`` when not reported.
    source, url, language
        Where the document came from; ``ar`` or ``en``.
    evidence
        The sentence the event came from.
    span_start, span_end
        Character offsets of the trigger/mention span in the decoded document text.
    notes
        Free text: how the event was built (trigger word, place mentions, caveats).
    """

    id: str
    doc_id: str
    event_date: str | None
    time_precision: int
    date_note: str
    update_time: str | None
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    location: str
    place_id: str
    place_name_en: str
    place_name_ar: str
    admin1: str
    country: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    relation: str
    uncertainty_m: float | None
    uncertainty_wkt: str | None
    fatalities: int | None
    injuries: int | None
    source: str
    url: str
    language: str
    evidence: str
    span_start: int
    span_end: int
    notes: str

    def to_dict(self) -> dict[str, Any]:
        """Field → value, keys sorted (JSON-ready; every field is a plain scalar)."""
        return {f: getattr(self, f) for f in _SORTED_FIELDS}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        """Inverse of :meth:`to_dict` (extra keys ignored, missing keys are an error)."""
        missing = [f for f in EVENT_FIELDS if f not in d]
        if missing:
            raise ValueError(f"event record lacks field(s): {', '.join(missing)}")
        return cls(**{f: d[f] for f in EVENT_FIELDS})


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))
_SORTED_FIELDS: tuple[str, ...] = tuple(sorted(EVENT_FIELDS))
