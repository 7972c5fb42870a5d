"""Fusion across articles: reports of the same incident become one event.

Forty reports of a week name the same clash twenty times, with other spellings,
a day apart and with rising tolls.  :func:`fuse` turns such reports into one event
that keeps every source.  Two events are **compatible** (may describe the same
incident) when

* they come from **different documents** (two events of one document are never
  merged: the extractor already separated them);
* they have the **same event type** (sub-types may differ between reports);
* their **points** lie within the larger of their two uncertainty radii of each
  other, plus :data:`PLACE_SLACK_M` (the same gazetteer place scores best)
  (radii are capped at :data:`MAX_RADIUS_M`, so a report that names only a wide
  region merges only with reports near its point).  Events without a point are
  never merged;
* their **dates** agree within the reports' time precision: each date stands for
  an interval (precision 1: the day; 2: the day ± 3; 3: its calendar month) and
  the intervals, widened by :data:`DATE_SLACK_DAYS` (a report dated by its
  publication day), overlap (protests, :data:`SAME_DAY_TYPES`, and two reports known only
  to the month: no slack).  Events without a date are never merged;
* their **actors** are compatible: one of them names no actor, or they share
  one.  Names are compared by their words, without generic words ("forces",
  "militia") and parentheses, one name's words within the other's
  ("Islamic State" ~ "Islamic State (Libya)"); victims and unnamed groups
  ("Civilians", "Unidentified armed group", "Protesters") match any actor.

Clustering is greedy and complete-linkage: candidate pairs are found by blocking
on (event type, day, spatial grid cell of :data:`GRID_DEG`), never by comparing all
pairs; pairs are merged best score first, and two groups merge only when every
pair across them is compatible (dates then within two slacks, so reports a day
either side of the event still join) and they share no document.  The result
depends only on the set of input events, not their order.

The fused event (:class:`FusedEvent`) takes

* its **location** (place, point, uncertainty, ``geo_precision``, ``relation``,
  ``admin1``) from the finest report the others agree with: most reports
  compatible with it, then the smallest uncertainty radius, then the finest
  ``geo_precision``, then the place most reports name; that report is also the
  *primary* one: ``doc_id``, ``source``, ``url``, ``language``, ``evidence``,
  spans and ``notes`` are its own;
* its **date** from the reports of the finest time precision: the date most of
  them give, the earliest on a tie;
* its **toll** as the highest figure reported (tolls rise as reports come in, so
  the highest is the latest count); ``toll_disagreement`` is true when reports
  give different figures, which are all kept in ``fatalities_reported``.
  Injuries follow the same rule;
* its **actors** and sub-type by vote (most reports, then alphabetical).

Every input event is accounted for: it is listed in ``merged_ids`` of exactly one
output event.  A single report keeps its id; a fused event gets
``fu-<hash of its sorted member ids>``.  See ``docs/schema.md`` ("Fused events").

This module imports nothing heavy: it works on a list of
:class:`~geo.events.Event`; a GeoDataFrame is accepted and returned as one
(geopandas is then loaded).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo.events import Event

__all__ = [
    "DATE_SLACK_DAYS",
    "FUSED_FIELDS",
    "FusedEvent",
    "GRID_DEG",
    "MAX_RADIUS_M",
    "PLACE_SLACK_M",
    "actors_compatible",
    "compatible",
    "fuse",
    "fuse_events",
    "fusion_summary",
    "read_fused",
    "write_fused",
]

#: Days by which two reports' date intervals may miss each other and still match.
DATE_SLACK_DAYS = 1
#: Event types whose reports merge only when their date intervals overlap (no slack): a protest
#: of the next day at the same square is the next day's protest, as ACLED codes them, daily.
SAME_DAY_TYPES = frozenset({"Protests"})
#: Metres added to the larger uncertainty radius when comparing two points.
PLACE_SLACK_M = 1000.0
#: Radius used for a point with no uncertainty radius.
DEFAULT_RADIUS_M = 2000.0
#: Larger radii are capped to this for matching (a region is too vague to merge on).
MAX_RADIUS_M = 50_000.0
#: Cell size (degrees) of the spatial blocking grid.
GRID_DEG = 0.5
#: A date interval at least this long (days between its first and last) is a month's: two of them merge only
#: when they overlap, without the slack a report dated by its publication day needs.
_MONTH_SPAN_DAYS = 27

#: Half-width in days of a week-precision date's interval.
WEEK_HALF_DAYS = 3

#: The fields a fused event adds to the event schema, in documentation order.
FUSED_FIELDS: tuple[str, ...] = (
    "fused_count",
    "merged_ids",
    "doc_ids",
    "sources",
    "urls",
    "evidence_all",
    "fatalities_reported",
    "toll_disagreement",
)

_EARTH_R = 6_371_008.8
_FUSED_PREFIX = "fu-"


# --------------------------------------------------------------------------- the fused record


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """One output event of :func:`fuse_events`: the fused event and its reports.

    Attributes
    ----------
    event
        The fused :class:`~geo.events.Event` (schema fields, rules in the module notes).
    merged_ids
        Ids of the input events merged into it, in member order (by ``doc_id``,
        ``span_start``, id).  A single report lists its own id.
    doc_ids, sources, urls
        Distinct non-empty document ids, sources and addresses of the reports, sorted.
    evidence_all
        Each report's evidence sentence, in member order (aligned with ``merged_ids``).
    fatalities_reported
        Each report's fatalities (``None`` = not reported), in member order.
    toll_disagreement
        True when the reports give different fatality figures.
    """

    event: Event
    merged_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    sources: tuple[str, ...]
    urls: tuple[str, ...]
    evidence_all: tuple[str, ...]
    fatalities_reported: tuple[int | None, ...]
    toll_disagreement: bool

    @property
    def id(self) -> str:
        """The fused event's id (``event.id``)."""
        return self.event.id

    @property
    def fused_count(self) -> int:
        """Number of input events merged into this one (1 for a single report)."""
        return len(self.merged_ids)

    def extras(self) -> dict[str, Any]:
        """The :data:`FUSED_FIELDS` as JSON-ready values (lists, bool, int)."""
        return {
            "fused_count": self.fused_count,
            "merged_ids": list(self.merged_ids),
            "doc_ids": list(self.doc_ids),
            "sources": list(self.sources),
            "urls": list(self.urls),
            "evidence_all": list(self.evidence_all),
            "fatalities_reported": list(self.fatalities_reported),
            "toll_disagreement": self.toll_disagreement,
        }

    def to_dict(self) -> dict[str, Any]:
        """Event fields and fused fields, keys sorted (JSON-ready)."""
        d = self.event.to_dict()
        d.update(self.extras())
        return {k: d[k] for k in sorted(d)}

    def to_feature(self) -> dict[str, Any]:
        """GeoJSON Feature of the fused event (:func:`geo.io.geojson.event_to_feature`), the fused fields among
        its properties: a feature of the file :func:`write_fused` writes."""
        from geo.io.geojson import event_to_feature

        return event_to_feature(self.event, self.extras())


# --------------------------------------------------------------------------- matching rules


_GENERIC_WORDS = frozenset(
    "forces force militia militias brigade brigades group groups armed the of and units unit fighters "
    "tribal tribe tribes ethnic local members member men army's".split()
)
_WILDCARD_PREFIXES = ("civilians", "unidentified", "protesters", "rioters", "journalists", "unknown")
_PAREN_RE = re.compile(r"\([^)]*\)")
_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def _actor_key(name: str) -> frozenset[str] | None:
    """Words that identify an actor (``None``: no actor, or one that matches anything)."""
    t = name.strip().casefold()
    if not t or t.startswith(_WILDCARD_PREFIXES):
        return None
    words = frozenset(w for w in _WORD_RE.findall(_PAREN_RE.sub(" ", t)) if w not in _GENERIC_WORDS)
    return words or None


def _actor_keys(e: Event) -> tuple[frozenset[str], ...]:
    keys = (_actor_key(e.actor1), _actor_key(e.actor2))
    return tuple(k for k in keys if k is not None)


def _keys_compatible(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    if not a or not b:
        return True
    return any(x <= y or y <= x for x in a for y in b)


def actors_compatible(a: Event, b: Event) -> bool:
    """True when the two events' actors may be the same parties (see the module notes)."""
    return _keys_compatible(_actor_keys(a), _actor_keys(b))


def _ordinal(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(str(date)[:10]).toordinal()
    except ValueError:
        return None


def _date_span(date: str | None, precision: int) -> tuple[int, int] | None:
    """``(first, last)`` day ordinals the date stands for at its time precision."""
    d = _ordinal(date)
    if d is None:
        return None
    if precision >= 3:
        day = dt.date.fromordinal(d)
        first = day.replace(day=1)
        nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    if precision == 2:
        return d - WEEK_HALF_DAYS, d + WEEK_HALF_DAYS
    return d, d


def _haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_R * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class _Rec:
    """What matching needs of one event, computed once."""

    i: int
    id: str
    doc: str
    etype: str
    span: tuple[int, int] | None
    lat: float | None
    lon: float | None
    radius: float
    place: str
    actors: tuple[frozenset[str], ...]
    sub: str


def _rec(i: int, e: Event) -> _Rec:
    r = e.uncertainty_m if e.uncertainty_m is not None and e.uncertainty_m == e.uncertainty_m else DEFAULT_RADIUS_M
    has_point = e.latitude is not None and e.longitude is not None
    return _Rec(i, e.id, e.doc_id, e.event_type, _date_span(e.event_date, e.time_precision),
                e.latitude if has_point else None, e.longitude if has_point else None,
                min(max(float(r), 0.0), MAX_RADIUS_M), e.place_id, _actor_keys(e), e.sub_event_type)


def _place_gap(a: _Rec, b: _Rec) -> float | None:
    """Distance over the allowed distance (0 for the same gazetteer place); None when too far."""
    # callers pass records with points (a _Rec has both lat and lon or neither)
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    d = _haversine_m(a.lat, a.lon, b.lat, b.lon)
    limit = max(a.radius, b.radius) + PLACE_SLACK_M
    if d > limit:
        return None
    return 0.0 if a.place and a.place == b.place else d / limit


def _match(a: _Rec, b: _Rec, date_slack: int = DATE_SLACK_DAYS) -> float | None:
    """Score (higher = more alike) of a compatible pair; None when not compatible."""
    if a.doc == b.doc or a.etype != b.etype or a.span is None or b.span is None or a.lat is None or b.lat is None:
        return None
    gap = max(0, a.span[0] - b.span[1], b.span[0] - a.span[1])
    if a.etype in SAME_DAY_TYPES:
        date_slack = 0  # protests recur day after day at one square: each day is its own event
    if a.span[1] - a.span[0] >= _MONTH_SPAN_DAYS and b.span[1] - b.span[0] >= _MONTH_SPAN_DAYS:
        date_slack = 0  # two reports known only to the month: the slack for a publication day does not join months
    if gap > date_slack:
        return None
    place = _place_gap(a, b)
    if place is None or not _keys_compatible(a.actors, b.actors):
        return None
    shared = sum(1 for x in a.actors for y in b.actors if x <= y or y <= x)
    return ((1.0 - place) + (1.0 - gap / (date_slack + 1)) + 0.5 * min(shared, 2)
            + (0.5 if a.sub and a.sub == b.sub else 0.0) + (0.25 if a.span == b.span else 0.0))


def compatible(a: Event, b: Event) -> bool:
    """True when two events may describe the same incident (rules in the module notes)."""
    return _match(_rec(0, a), _rec(1, b)) is not None


# --------------------------------------------------------------------------- blocking and clustering


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / GRID_DEG), math.floor(lon / GRID_DEG)


def _candidate_pairs(recs: Sequence[_Rec]) -> dict[tuple[int, int], float]:
    """Compatible pairs ``(i, j)`` with ``i < j`` and their scores, found by blocking.

    Each event is filed under (type, day, grid cell) for every day of its interval;
    it looks up the days of its interval widened by the slack and the cells its
    radius reaches.  A pair is within the larger of the two radii, so the event
    with the larger radius finds it: each pair is tried from that side only (the
    larger index on a tie).
    """
    buckets: dict[tuple[str, int, int, int], list[int]] = defaultdict(list)
    usable = [r for r in recs if r.span is not None and r.lat is not None]
    for r in usable:
        assert r.span is not None and r.lat is not None and r.lon is not None  # as filtered (lon goes with lat)
        cy, cx = _cell(r.lat, r.lon)
        for day in range(r.span[0], r.span[1] + 1):
            buckets[(r.etype, day, cy, cx)].append(r.i)
    pairs: dict[tuple[int, int], float] = {}
    for r in usable:
        assert r.span is not None and r.lat is not None and r.lon is not None
        reach = 1.1 * (r.radius + PLACE_SLACK_M)  # margin for the flat-earth box
        dlat = reach / 111_000.0
        dlon = reach / (111_000.0 * max(0.1, math.cos(math.radians(r.lat))))
        y0, x0 = _cell(r.lat - dlat, r.lon - dlon)
        y1, x1 = _cell(r.lat + dlat, r.lon + dlon)
        seen: set[int] = set()
        for day in range(r.span[0] - DATE_SLACK_DAYS, r.span[1] + DATE_SLACK_DAYS + 1):
            for cy in range(y0, y1 + 1):
                for cx in range(x0, x1 + 1):
                    for j in buckets.get((r.etype, day, cy, cx), ()):
                        if j in seen:
                            continue
                        seen.add(j)
                        o = recs[j]
                        if (o.radius, j) >= (r.radius, r.i):
                            continue
                        s = _match(r, o)
                        if s is not None:
                            pairs[(r.i, j) if r.i < j else (j, r.i)] = s
    return pairs


def _cluster(recs: Sequence[_Rec], pairs: dict[tuple[int, int], float]) -> list[list[int]]:
    """Greedy complete-linkage clusters (lists of indices), best pairs first."""
    root = list(range(len(recs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(recs))}
    docs: dict[int, set[str]] = {i: {r.doc} for i, r in enumerate(recs)}

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    order = sorted(pairs.items(), key=lambda kv: (-kv[1], recs[kv[0][0]].id, recs[kv[0][1]].id))
    for (i, j), _score in order:
        a, b = find(i), find(j)
        if a == b or docs[a] & docs[b]:
            continue
        if not all(_match(recs[x], recs[y], 2 * DATE_SLACK_DAYS) is not None for x in members[a] for y in members[b]):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        root[b] = a
        members[a].extend(members.pop(b))
        docs[a] |= docs.pop(b)
    return list(members.values())


# --------------------------------------------------------------------------- building fused events


def _member_key(e: Event) -> tuple:
    return (e.doc_id, e.span_start, e.id)


def _vote(values: Iterable[str]) -> str:
    """Most frequent non-empty value, alphabetical first on a tie; ``""`` when none."""
    c = Counter(v for v in values if v)
    if not c:
        return ""
    return min(c, key=lambda v: (-c[v], v))


def _actors(ms: Sequence[Event]) -> tuple[str, str]:
    """Actor 1 by vote over the reports' first actors; actor 2 by vote over the others' names."""
    a1 = _vote(e.actor1 for e in ms) or _vote(e.actor2 for e in ms)
    k1 = _actor_key(a1)

    def other(x: str) -> bool:
        k = _actor_key(x)
        return bool(x) and x != a1 and (k is None or k1 is None or not (k <= k1 or k1 <= k))

    a2 = _vote(e.actor2 for e in ms if other(e.actor2)) or _vote(e.actor1 for e in ms if other(e.actor1))
    return a1, a2


def _location_member(ms: Sequence[Event], recs: dict[str, _Rec]) -> Event:
    """The finest report the others agree with (ordering in the module notes)."""
    places = Counter(e.place_id for e in ms if e.place_id)

    def key(e: Event) -> tuple:
        r = recs[e.id]
        if r.lat is None:
            return (1, 0, math.inf, 9, 0, e.id)
        support = sum(1 for o in ms if recs[o.id].lat is not None and _place_gap(r, recs[o.id]) is not None)
        unc = e.uncertainty_m if e.uncertainty_m is not None and e.uncertainty_m == e.uncertainty_m else math.inf
        return (0, -support, unc, e.geo_precision, -places.get(e.place_id, 0), e.id)

    return min(ms, key=key)


def _date_member(ms: Sequence[Event]) -> Event:
    dated = [e for e in ms if _ordinal(e.event_date) is not None]
    if not dated:
        return min(ms, key=_member_key)
    finest = min(e.time_precision for e in dated)
    pool = [e for e in dated if e.time_precision == finest]
    c = Counter(e.event_date for e in pool)
    date = min(c, key=lambda d: (-c[d], d))
    return min((e for e in pool if e.event_date == date), key=_member_key)


def _max_or_none(values: Iterable[int | None]) -> int | None:
    vals = [v for v in values if v is not None]
    return max(vals) if vals else None


def _fused_id(ids: Iterable[str]) -> str:
    h = hashlib.sha1("\x1f".join(sorted(ids)).encode()).hexdigest()
    return f"{_FUSED_PREFIX}{h[:16]}"


def _build(ms: list[Event], recs: dict[str, _Rec]) -> FusedEvent:
    ms = sorted(ms, key=_member_key)
    tolls = tuple(e.fatalities for e in ms)
    disagree = len({t for t in tolls if t is not None}) > 1
    if len(ms) == 1:
        ev = ms[0]
    else:
        loc = _location_member(ms, recs)
        when = _date_member(ms)
        a1, a2 = _actors(ms)
        note = f"fused from {len(ms)} reports ({len({e.doc_id for e in ms})} documents)"
        if disagree:
            note += f"; tolls disagree: {', '.join(str(t) for t in tolls if t is not None)}"
        ev = replace(
            loc,
            id=_fused_id(e.id for e in ms),
            event_date=when.event_date,
            time_precision=when.time_precision,
            date_note=when.date_note,
            update_time=when.update_time,
            sub_event_type=_vote(e.sub_event_type for e in ms),
            actor1=a1,
            actor2=a2,
            fatalities=_max_or_none(tolls),
            injuries=_max_or_none(e.injuries for e in ms),
            notes=f"{loc.notes}; {note}" if loc.notes else note,
        )
    return FusedEvent(
        event=ev,
        merged_ids=tuple(e.id for e in ms),
        doc_ids=tuple(sorted({e.doc_id for e in ms if e.doc_id})),
        sources=tuple(sorted({e.source for e in ms if e.source})),
        urls=tuple(sorted({e.url for e in ms if e.url})),
        evidence_all=tuple(e.evidence for e in ms),
        fatalities_reported=tolls,
        toll_disagreement=disagree,
    )


def _canonical(events: Iterable[Event]) -> list[Event]:
    """Events sorted by id (then content), one per id: the order-free starting point."""
    evs = []
    for i, e in enumerate(events):
        if isinstance(e, FusedEvent):
            e = e.event
        if not isinstance(e, Event):
            raise TypeError(f"fuse: item {i} is {type(e).__name__}, not Event")
        evs.append(e)
    evs.sort(key=lambda e: e.id)
    out: list[Event] = []
    for e in evs:
        if out and out[-1].id == e.id:  # the same id twice: keep the first by content
            out[-1] = min(out[-1], e, key=_content)
        else:
            out.append(e)
    return out


def _content(e: Event) -> str:
    return json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False, default=str)


def _output_key(f: FusedEvent) -> tuple:
    e = f.event
    return (e.event_date is None, e.event_date or "", e.doc_id, e.span_start, e.id)


def fuse_events(events: Iterable[Event]) -> list[FusedEvent]:
    """Fuse reports of the same incident (rules in the module notes).

    Parameters
    ----------
    events
        :class:`~geo.events.Event` objects, in any order.  Several events with the
        same id are one event (the first by content is kept).

    Returns
    -------
    list of FusedEvent
        Sorted like an event frame (date, missing last; ``doc_id``; ``span_start``;
        id).  Every distinct input id is in ``merged_ids`` of exactly one of them.
    """
    evs = _canonical(events)
    recs = [_rec(i, e) for i, e in enumerate(evs)]
    clusters = _cluster(recs, _candidate_pairs(recs))
    by_id = {r.id: r for r in recs}
    fused = [_build([evs[i] for i in c], by_id) for c in clusters]
    fused.sort(key=_output_key)
    return fused


def _is_frame(obj: Any) -> bool:
    return hasattr(obj, "columns") and hasattr(obj, "iloc")


def fuse(frame_or_events: Any) -> Any:
    """Fuse reports of the same incident: a list of events, or an event frame.

    Parameters
    ----------
    frame_or_events
        An iterable of :class:`~geo.events.Event`, or a (Geo)DataFrame with the
        event schema's columns.

    Returns
    -------
    list of FusedEvent or geopandas.GeoDataFrame
        For events, :func:`fuse_events`.  For a frame, the fused frame: the schema
        columns (:func:`geo.io.frame.to_frame`) plus the :data:`FUSED_FIELDS` columns
        (lists as Python lists, ``toll_disagreement`` bool, ``fused_count`` int).

    Examples
    --------
    >>> import geo
    >>> fused = geo.fuse(events)                          # doctest: +SKIP
    >>> [f.merged_ids for f in fused if f.fused_count > 1]  # doctest: +SKIP
    """
    if _is_frame(frame_or_events):
        from geo.io.frame import from_frame

        return fused_frame(fuse_events(from_frame(frame_or_events)))
    return fuse_events(frame_or_events)


def fused_frame(fused: Sequence[FusedEvent]) -> Any:
    """Fused events as a GeoDataFrame: the schema columns and the :data:`FUSED_FIELDS`."""
    from geo.io.frame import to_frame

    gdf = to_frame([f.event for f in fused])
    extras = {f.id: f.extras() for f in fused}
    ids = gdf["event_id_cnty"].tolist()
    for name in FUSED_FIELDS:
        gdf[name] = [extras[i][name] for i in ids]
    return gdf


def fusion_summary(n_in: int, fused: Sequence[FusedEvent]) -> dict[str, Any]:
    """Counts for a command's report: events in and out, fused events, tolls in dispute."""
    multi = [f for f in fused if f.fused_count > 1]
    return {
        "events_in": n_in,
        "events_out": len(fused),
        "fused_events": len(multi),
        "reports_fused": sum(f.fused_count for f in multi),
        "toll_disagreements": sum(1 for f in fused if f.toll_disagreement),
    }


# --------------------------------------------------------------------------- files


def _fmt(path: Path, format: str | None) -> str:
    from geo.exc import InputError
    from geo.io.frame import FORMATS

    f = (format or "").lower().lstrip(".") or FORMATS.get(path.suffix.lower(), "")
    f = {"json": "geojson", "geoparquet": "parquet", "geopackage": "gpkg"}.get(f, f)
    if f not in set(FORMATS.values()):
        raise InputError(f"cannot tell the format of {path.name!r} (use .geojson, .parquet, .gpkg or .csv, "
                         "or give the format)", path=str(path))
    return f


def write_fused(fused: Sequence[FusedEvent], path: str | Any, *, format: str | None = None) -> Path:
    """Write fused events: the event file of :func:`geo.io.frame.write_events` plus the fused fields.

    GeoJSON is the one dialect of :mod:`geo.io.geojson` (what :func:`geo.io.frame.write_events`
    writes), with the :data:`FUSED_FIELDS` among each feature's properties and a top-level
    ``"kharita_fused": 1``.  Other formats: the schema columns are written by
    :func:`geo.io.frame.write_events`, then the fused fields are added as columns
    (GeoParquet: lists, bool, int; CSV and GeoPackage: lists as JSON text).
    ``read_events`` reads the file as a plain event file (it ignores the extra
    fields); :func:`read_fused` reads them too.  Atomic, and ``-`` is standard output
    (give ``format``), as for every kharita output.

    Returns
    -------
    pathlib.Path
        The written path.
    """
    from geo.io.frame import write_events
    from geo.io.outputs import atomic_path

    path = Path(path)
    fmt = _fmt(path, format)
    with atomic_path(path, suffix=f".{fmt}", parents=False) as tmp:
        if fmt == "geojson":  # the one dialect, the fused fields as extra properties
            from geo.io.geojson import dumps_collection

            text = dumps_collection([f.event for f in fused], extras=[f.extras() for f in fused],
                                    members={"kharita_fused": 1})
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            return path
        plain = tmp.with_name(f"plain.{fmt}")
        write_events([f.event for f in fused], plain, format=fmt)
        _ADD[fmt](plain, tmp, {f.id: f.extras() for f in fused})
    return path


def _cell_text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _add_csv(src: Path, dst: Path, extras: dict[str, dict]) -> None:
    import csv

    from geo.io.outputs import csv_cell, csv_uncell

    with open(src, encoding="utf-8", newline="") as fin, open(dst, "w", encoding="utf-8", newline="") as fout:
        rows = csv.reader(fin)
        w = csv.writer(fout, lineterminator="\r\n")
        header = next(rows)
        col = header.index("event_id_cnty")
        w.writerow([*header, *FUSED_FIELDS])
        for row in rows:
            x = extras[csv_uncell(row[col])]
            w.writerow([*row, *(csv_cell(_cell_text(x[k])) for k in FUSED_FIELDS)])


def _add_parquet(src: Path, dst: Path, extras: dict[str, dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pq.read_table(src)
    ids = t.column("event_id_cnty").to_pylist()
    types = {"fused_count": pa.int64(), "toll_disagreement": pa.bool_(), "fatalities_reported": pa.list_(pa.int64())}
    for name in FUSED_FIELDS:
        t = t.append_column(name, pa.array([extras[i][name] for i in ids], type=types.get(name, pa.list_(pa.string()))))
    pq.write_table(t, dst, compression="zstd")


def _add_gpkg(src: Path, dst: Path, extras: dict[str, dict]) -> None:
    import pyogrio

    from geo.io.frame import GPKG_LAYER

    gdf = pyogrio.read_dataframe(src, layer=GPKG_LAYER)
    ids = gdf["event_id_cnty"].tolist()
    for name in FUSED_FIELDS:
        vals = [extras[i][name] for i in ids]
        gdf[name] = vals if name in ("fused_count", "toll_disagreement") else [_cell_text(v) for v in vals]
    pyogrio.write_dataframe(gdf, dst, layer=GPKG_LAYER, driver="GPKG", promote_to_multi=False)


_ADD = {"csv": _add_csv, "parquet": _add_parquet, "gpkg": _add_gpkg}


def _parse_extra(name: str, v: Any) -> Any:
    """A fused field as read from a text cell (CSV, GeoPackage) or a native value."""
    if v is None or (isinstance(v, float) and v != v):
        return None
    if name == "fused_count":
        return int(v)
    if name == "toll_disagreement":
        return v if isinstance(v, bool) else str(v).strip().lower() in ("true", "1")
    if isinstance(v, str):
        return json.loads(v) if v.strip() else []
    return list(v)


def read_fused(path: str | Any, *, format: str | None = None) -> Any:
    """Read a file written by :func:`write_fused`: the event frame plus the fused columns.

    A plain event file reads too: every event is then its own single report
    (``fused_count`` 1, ``merged_ids`` its id).
    """
    from geo.io.frame import read_event_file

    path = Path(path)
    fmt = _fmt(path, format)
    gdf, records = read_event_file(path, format=fmt)  # GeoJSON: read once, records keep the fused fields
    found: dict[str, dict] = {}
    if records is not None:
        found = {r["id"]: r for r in records if "merged_ids" in r}
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        t = pq.read_table(path)
        if "merged_ids" in t.column_names:
            found = {r["event_id_cnty"]: r for r in t.select(["event_id_cnty", *FUSED_FIELDS]).to_pylist()}
    else:
        import pandas as pd

        if fmt == "csv":
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
        else:
            import pyogrio

            from geo.io.frame import GPKG_LAYER

            df = pyogrio.read_dataframe(path, layer=GPKG_LAYER, read_geometry=False)
        if "merged_ids" in df.columns:
            found = {r["event_id_cnty"]: r for r in df[["event_id_cnty", *FUSED_FIELDS]].to_dict("records")}
    cols: dict[str, list] = {name: [] for name in FUSED_FIELDS}
    for rec in gdf[["event_id_cnty", "doc_id", "source", "url", "evidence", "fatalities"]].to_dict("records"):
        r = found.get(rec["event_id_cnty"])
        x = _single_extras(rec) if r is None else {k: _parse_extra(k, r[k]) for k in FUSED_FIELDS}
        for name in FUSED_FIELDS:
            cols[name].append(x[name])
    for name in FUSED_FIELDS:
        gdf[name] = cols[name]
    return gdf


def _single_extras(rec: dict) -> dict[str, Any]:
    """Fused fields of a plain event (one report)."""
    fat = rec["fatalities"]
    fat = None if fat is None or str(fat) in ("<NA>", "nan", "None") else int(fat)
    return {"fused_count": 1, "merged_ids": [rec["event_id_cnty"]], "doc_ids": [rec["doc_id"]] if rec["doc_id"] else [],
            "sources": [rec["source"]] if rec["source"] else [], "urls": [rec["url"]] if rec["url"] else [],
            "evidence_all": [rec["evidence"]], "fatalities_reported": [fat], "toll_disagreement": False}
