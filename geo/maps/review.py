"""The analyst's review page, and the same decisions applied in Python.

:func:`review_html` writes ONE self-contained HTML page (Leaflet, the basemap and
kharita's review script inlined, like the offline maps of :mod:`geo.maps`): a table
of events beside a map.  Each row shows the evidence sentence with the place, the
actors, the trigger and the casualty words highlighted (spans computed here, in
Python, by :func:`highlight_spans`), and the sources of a fused event.  The analyst
accepts or rejects events, edits type, sub-type, actors, date, fatalities and notes,
drags a point or picks another gazetteer candidate (a short list per event is
embedded, from :meth:`gazetteer.Gazetteer.lookup`), merges two events or splits a
fused one.  Every action is one *decision* (an operation) in an ordered log kept in
the page's ``localStorage``; the page exports the log (``decisions.json``) and the
reviewed events as GeoJSON and as an ACLED-style CSV with a review status and an
audit column.  :func:`apply_decisions` replays an exported log in Python with the
same rules, so ``kharita review --apply decisions.json events.geojson`` rebuilds
exactly the page's export.

No data ever becomes markup or template source.  Nothing here uses a template
engine: the page is assembled from fixed text, the inlined assets and one
:func:`geo.maps.html.script_json` payload, and the page script builds every element with
``textContent`` (never ``innerHTML``) from that payload.  The title is
:func:`geo.maps.html.escape`-d; a URL becomes a link only when it is ``http(s)://``.

Decisions (the rules, the same in ``review.js``)
-----------------------------------------------
Each decision is a JSON object with an ``op``; an event is named by its ``id``
and must be *live* (not merged away or split).

``{"op": "status", "id", "status"}``
    ``status`` is ``pending``, ``accepted`` or ``rejected``.
``{"op": "edit", "id", "field", "value"}``
    ``field`` is one of :data:`EDITABLE`.  ``event_date`` is ``YYYY-MM-DD`` or
    null; ``fatalities`` a non-negative integer or null; the others text.
``{"op": "move", "id", "lat", "lon"}``
    The point moves (the page rounds to 6 decimals); the uncertainty polygon,
    drawn around the old point, is dropped (``uncertainty_wkt`` = null).
``{"op": "place", "id", "place": {place_id, place_name_en, place_name_ar, admin1, country, lat, lon, precision_m}}``
    Another gazetteer candidate: the place fields and the point become the
    candidate's, ``uncertainty_m`` its precision, ``relation`` ``""``,
    ``geo_precision`` 1 and ``uncertainty_wkt`` null.
``{"op": "merge", "keep", "drop"}``
    ``drop`` is merged into ``keep``: its sources join ``keep``'s, its id is listed
    in ``keep``'s ``merged_ids`` and it leaves the output.  ``keep``'s fields stay
    (the analyst edits them); differing tolls flag the event "tolls disagree".
``{"op": "split", "id"}``
    Undoes the merges made into ``id`` (the merged events come back as they
    were); or, for an event fused by ``kharita fuse`` (several sources), makes one
    event per source (id = the source's event id; document, source, url and
    evidence from that source, other fields from the fused event).

The output keeps the input's order (parts of a split follow their parent).
``review_status`` is ``pending``/``accepted``/``rejected``; ``review_audit`` lists
what changed and from what (``event_type: Battles → Riots; point: 31.2,16.5 →
31.25,16.55; merged: ev-…``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import datetime as _dt
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Literal, Mapping, Sequence

from geo.events import EVENT_FIELDS
from geo.exc import InputError
from geo.maps.html import escape, script_json
from geo.maps.offline import basemap_doc, leaflet_inline

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer.core import Gazetteer

__all__ = [
    "ACLED_TAXONOMY",
    "DecisionError",
    "EDITABLE",
    "STATUSES",
    "apply_decisions",
    "highlight_spans",
    "load_decisions",
    "load_review_events",
    "place_candidates",
    "review_data",
    "review_html",
    "reviewed_csv",
    "reviewed_geojson",
    "screenshot",
    "write_review",
    "write_reviewed",
]

#: Fields the analyst can edit.
EDITABLE = ("event_type", "sub_event_type", "actor1", "actor2", "event_date", "fatalities", "notes")
STATUSES = ("pending", "accepted", "rejected")
#: Fields whose changes the audit column reports (then ``point`` and merges).
AUDIT_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "event_date", "fatalities", "notes",
                "place_id", "place_name_en", "admin1")
#: Properties of a fused event (``geo.fuse``): parallel lists, one entry per source.
FUSED_KEYS = ("merged_ids", "doc_ids", "sources", "urls", "evidence_all", "fatalities_all")
_REVIEW_KEYS = ("review_status", "review_audit")
#: Extra CSV columns after the schema's and ``geometry``.
CSV_EXTRA = ("review_status", "review_audit", "merged_ids", "doc_ids", "sources")

#: ACLED's event types and sub-event types (current taxonomy).
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_URL_RE = re.compile(r"^https?://", re.IGNORECASE)
_TRIGGER_NOTE_RE = re.compile(r"trigger '([^']+)'")
_ASSETS = Path(__file__).resolve().parents[1] / "data" / "assets"
#: Highlight kinds, as coded in the page data.
HL_KINDS = ("place", "actor", "trigger", "casualty")
#: Flags of "needs review" computed here (the page adds "unresolved" from the live point).
FLAG_FUZZY, FLAG_UNRESOLVED, FLAG_TOLLS = 1, 2, 4


# --------------------------------------------------------------------------- loading
def _s(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v)


def load_review_events(path: str | Path) -> list[dict]:
    """Events of an event file as records (Event field names), with ``_extra`` properties.

    Any file :func:`geo.io.frame.read_events` reads; for GeoJSON the properties
    outside the schema (the fusion lists ``merged_ids``, ``doc_ids``, ``sources``,
    ``evidence_all``… and anything else) are kept in ``rec["_extra"]`` and pass
    through the review.  Rows are in the frame's order.
    """
    from geo.io.frame import from_frame, read_event_file
    from geo.io.geojson import SCHEMA_KEYS

    frame, feats = read_event_file(Path(path))  # GeoJSON: read once, its records keep the extra properties
    records = [e.to_dict() for e in from_frame(frame)]
    extras: dict[str, list[dict]] = {}  # id -> extras of its features in file order (ids may repeat)
    for f in feats or ():
        fid = f.get("id")
        if fid is not None:
            extras.setdefault(str(fid), []).append({k: v for k, v in f.items() if k not in SCHEMA_KEYS})
    for r in records:  # the frame's sort is stable: features of one id keep their file order
        xs = extras.get(r["id"])
        x = xs.pop(0) if xs else None
        if x:
            r["_extra"] = x
    return records


def _as_list(v: Any) -> list | None:
    """A fusion list property: a JSON list, or text with one item per line / ``|`` / ``;``."""
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        return list(v)
    if isinstance(v, str):
        t = v.strip()
        if not t:
            return []
        if t.startswith("["):
            try:
                got = json.loads(t)
            except ValueError:
                got = None
            if isinstance(got, list):
                return got
        for sep in ("\n", "|", ";"):
            if sep in t:
                return [x.strip() for x in t.split(sep)]
        return [t]
    return [v]


def members_of(rec: Mapping) -> list[dict]:
    """The sources of an event: one dict per reported event (id, doc_id, source, url, evidence[, fatalities]).

    A fused event (``merged_ids`` or several ``doc_ids``/``evidence_all``) has one per
    source; list items that do not line up with the ids fall back to the event's own
    values.  Any other event is its own single source.
    """
    x = rec.get("_extra") or {}
    lists = {k: _as_list(x.get(k)) for k in FUSED_KEYS}
    ids = lists["merged_ids"]
    n = len(ids) if ids else max(len(lists["doc_ids"] or ()), len(lists["evidence_all"] or ()))
    me = {"id": rec["id"], "doc_id": _s(rec.get("doc_id")), "source": _s(rec.get("source")),
          "url": _s(rec.get("url")), "evidence": _s(rec.get("evidence"))}
    if n <= 1:
        return [me]
    out = []
    for k in range(n):
        m: dict[str, Any] = {"id": _s(ids[k]) if ids else f"{rec['id']}~{k + 1}"}
        for key, lst in (("doc_id", "doc_ids"), ("source", "sources"), ("url", "urls"), ("evidence", "evidence_all")):
            vals = lists[lst]
            m[key] = _s(vals[k]) if vals is not None and len(vals) == n else me[key]
        tolls = lists["fatalities_all"]
        if tolls is not None and len(tolls) == n:
            t = tolls[k]
            m["fatalities"] = int(t) if isinstance(t, (int, float)) and not isinstance(t, bool) and t == t else None
        out.append(m)
    return out


def _flags(rec: Mapping) -> int:
    """Static "needs review" flags: fuzzy place match, unresolved place, disagreeing tolls."""
    x = rec.get("_extra") or {}
    f = 0
    reason = " ".join(_s(x.get(k)) for k in ("reason", "match_reason", "place_reason"))
    if "fuzzy" in (_s(rec.get("notes")) + " " + reason).lower():
        f |= FLAG_FUZZY
    if rec.get("latitude") is None or not rec.get("place_id"):
        f |= FLAG_UNRESOLVED
    notes = _s(rec.get("notes")).lower()
    tolls = [t for t in (_as_list(x.get("fatalities_all")) or ()) if isinstance(t, int) and not isinstance(t, bool)]
    for k in ("toll_disagreement", "tolls_disagree", "fatalities_disagree"):
        if x.get(k):
            f |= FLAG_TOLLS
    if len(set(tolls)) > 1 or "tolls disagree" in notes or "toll disagree" in notes:
        f |= FLAG_TOLLS
    return f


# --------------------------------------------------------------------------- highlights
_AR_CASUALTY = re.compile(
    r"(?:[وفبل]{0,2}(?:ال)?)(?:مقتل|مصرع|استشهاد|قتلى|قتلي|قتيلا|قتيلان|قتيلين|قتيل|قتل|شهداء|شهيدا|شهيد|ضحايا|"
    r"جثث|جثة|إصابة|اصابة|إصابات|اصابات|أصيب|اصيب|جرحى|جرحي|جريحا|جريح|جرح|مصابين|مصابا|مصاب|حتفه[مما]*|حتفها|حصيلة|وفاة)"
)
_EN_CASUALTY = re.compile(
    r"\b(?:killed|killing|kills|dead|deaths?|died|fatalities|lives|wounded|wounding|injured|injuring|injuries|hurt|"
    r"toll|casualties|bodies)\b", re.IGNORECASE)


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]]
    out, start = [], 0
    if not needle:
        return out
    while True:
        i = text.find(needle, start)
        if i < 0:
            return out
        out.append((i, i + len(needle)))
        start = i + len(needle)


def _find_folded(text: str, needle: str) -> list[tuple[int, int]]:
    """Occurrences of ``needle`` in ``text`` after Arabic/Latin folding (offsets in ``text``)."""
    hits = _find_all(text, needle)
    if hits or not needle:
        return hits
    try:
        from gazetteer.normalize import normalize, normalize_with_offsets

        folded, offs = normalize_with_offsets(text)
        key = normalize(needle)
    except Exception:  # noqa: BLE001 - folding is a nicety; never let it break the page
        return []
    out = []
    for a, b in _find_all(folded, key):
        if b - 1 < len(offs):
            out.append((offs[a], offs[b - 1] + 1))
    return out


@lru_cache(maxsize=65536)
def _sentence_analysis(evidence: str, language: str) -> tuple[tuple, tuple, tuple]:
    """(actor mentions, triggers, numbers) of a sentence, cached (events of one sentence share it)."""
    actors: tuple = ()
    triggers: tuple = ()
    numbers: tuple = ()
    try:
        from geo.text.lexicon import find_actors, find_triggers

        actors = tuple((m.start, m.end, m.name.lower(), (m.acled_name or "").lower(), (m.actor_id or "").lower())
                       for m in find_actors(evidence, language or "ar"))
        triggers = tuple((t.start, t.end, t.event_type) for t in find_triggers(evidence, language or "ar"))
    except Exception:  # noqa: BLE001 - the lexicon is being edited by others: fall back to text search
        pass
    try:
        from geo.text.numbers import find_numbers

        numbers = tuple((n.start, n.end) for n in find_numbers(evidence))
    except Exception:  # noqa: BLE001
        pass
    return actors, triggers, numbers


def highlight_spans(rec: Mapping, evidence: str | None = None) -> list[tuple[int, int, str]]:
    """Spans of the evidence sentence to highlight: ``(start, end, kind)``, sorted, not overlapping.

    ``kind`` is ``place`` (the location as written, else the place's names),
    ``actor`` (mentions of ``actor1``/``actor2`` found by the actor lexicon, or the
    names as written), ``trigger`` (the trigger word named in ``notes``, else the
    lexicon's triggers of the event type) or ``casualty`` (casualty words and the
    counts next to them).  Offsets are Python string indices into ``evidence``
    (default: the event's own).
    """
    text = _s(rec.get("evidence")) if evidence is None else evidence
    if not text:
        return []
    language = _s(rec.get("language")) or "ar"
    actors, triggers, numbers = _sentence_analysis(text, language)
    cands: list[tuple[int, int, int, str]] = []  # (priority, start, end, kind)

    place = []
    for needle in (_s(rec.get("location")), _s(rec.get("place_name_ar")), _s(rec.get("place_name_en"))):
        place = _find_folded(text, needle.strip())
        if place:
            break
    cands += [(0, a, b, "place") for a, b in place]

    names = {n.lower() for n in (_s(rec.get("actor1")), _s(rec.get("actor2"))) if n}
    found = [(a, b) for a, b, n, acled, aid in actors if names & {n, acled, aid} - {""}]
    if not found:
        for n in (_s(rec.get("actor1")), _s(rec.get("actor2"))):
            found += _find_all(text, n) if n else []
    cands += [(1, a, b, "actor") for a, b in found]

    trig = []
    m = _TRIGGER_NOTE_RE.search(_s(rec.get("notes")))
    if m:
        trig = _find_folded(text, m.group(1))
    if not trig:
        et = _s(rec.get("event_type"))
        trig = [(a, b) for a, b, t in triggers if t and t == et]
    cands += [(2, a, b, "trigger") for a, b in trig]

    words = [(mm.start(), mm.end()) for rx in (_AR_CASUALTY, _EN_CASUALTY) for mm in rx.finditer(text)]
    if words:
        cands += [(3, a, b, "casualty") for a, b in words]
        for a, b in numbers:  # a count within a few characters of a casualty word
            if any(abs(a - we) <= 12 or abs(ws - b) <= 12 for ws, we in words):
                cands.append((3, a, b, "casualty"))
    cands.sort(key=lambda c: (c[0], c[1], -(c[2] - c[1])))
    taken: list[tuple[int, int, str]] = []
    for _p, a, b, kind in cands:
        if a < b and all(b <= x or a >= y for x, y, _k in taken):
            taken.append((a, b, kind))
    return sorted(taken)


def _utf16(text: str, spans: Iterable[tuple[int, int, str]]) -> list[int]:
    """Spans as a flat ``[start, end, kind code, …]`` list in UTF-16 code units (JS string indices)."""
    out: list[int] = []
    ascii_bmp = all(ord(c) < 0x10000 for c in text)
    for a, b, kind in spans:
        if not ascii_bmp:
            a, b = len(text[:a].encode("utf-16-le")) // 2, len(text[:b].encode("utf-16-le")) // 2
        out += [a, b, HL_KINDS.index(kind)]
    return out


# --------------------------------------------------------------------------- candidates
def place_candidates(rec: Mapping, gaz: Gazetteer | None = None, limit: int = 8) -> list[dict]:
    """Gazetteer places the analyst may pick for the event's place (the current one first).

    From :meth:`gazetteer.Gazetteer.lookup` of the location as written, of the
    place's Arabic and English names, plus the current place and its parent.
    Each: ``place_id, place_name_en, place_name_ar, admin1`` (district English name),
    ``country, lat, lon, precision_m, feature_type, score``.
    """
    if gaz is None:
        try:
            from gazetteer import Gazetteer

            gaz = Gazetteer.default()
        except Exception:  # noqa: BLE001 - no gazetteer: no candidates
            return []
    return [dict(c) for c in _candidates(gaz, _s(rec.get("place_id")), _s(rec.get("location")),
                                         _s(rec.get("place_name_ar")), _s(rec.get("place_name_en")), limit)]


def _cand_row(gaz: Gazetteer, p: Any, score: float | None) -> dict:
    district = gaz.get(p.admin1) if getattr(p, "admin1", "") else None
    return {"place_id": p.id, "place_name_en": p.name_en, "place_name_ar": p.name_ar,
            "admin1": district.name_en if district is not None else "", "country": p.country,
            "lat": float(p.lat), "lon": float(p.lon), "precision_m": float(p.precision_m),
            "feature_type": p.feature_type, "score": None if score is None else round(float(score), 3)}


_CAND_CACHE: dict[tuple, tuple] = {}


def _candidates(gaz: Gazetteer, place_id: str, *names: Any) -> tuple:
    *name_list, limit = names
    key = (id(gaz), place_id, *name_list, limit)
    got = _CAND_CACHE.get(key)
    if got is not None:
        return got
    seen: dict[str, dict] = {}
    cur = gaz.get(place_id) if place_id else None
    if cur is not None:
        seen[cur.id] = _cand_row(gaz, cur, None)
    for name in name_list:
        if not name:
            continue
        try:
            found = gaz.lookup(name, limit=limit)
        except Exception:  # noqa: BLE001
            found = []
        for c in found:
            if c.place.id not in seen:
                seen[c.place.id] = _cand_row(gaz, c.place, c.score)
    if cur is not None and getattr(cur, "parent_id", None):
        parent = gaz.get(cur.parent_id)
        if parent is not None and parent.id not in seen:
            seen[parent.id] = _cand_row(gaz, parent, None)
    got = tuple(list(seen.values())[:limit])
    if len(_CAND_CACHE) > 200_000:
        _CAND_CACHE.clear()
    _CAND_CACHE[key] = got
    return got


# --------------------------------------------------------------------------- the model
def _dataset_key(records: list[dict]) -> str:
    h = hashlib.sha1()
    for r in records:
        h.update(r["id"].encode("utf-8") + b"\x1f")
    return f"{len(records)}-{h.hexdigest()[:16]}"


def _unique_ids(records: list[dict]) -> int:
    """Give repeated ids a ``~N`` suffix (in order); returns how many were renamed."""
    seen: set[str] = set()
    renamed = 0
    for r in records:
        rid, k = r["id"], 1
        while r["id"] in seen:
            k += 1
            r["id"] = f"{rid}~{k}"
        if k > 1:
            renamed += 1
        seen.add(r["id"])
    return renamed


def _initial_status(rec: Mapping) -> str:
    s = _s((rec.get("_extra") or {}).get("review_status"))
    return s if s in STATUSES else "pending"


def _passthrough(rec: Mapping) -> dict:
    return {k: v for k, v in (rec.get("_extra") or {}).items() if k not in _REVIEW_KEYS}


# --------------------------------------------------------------------------- the page
def review_data(records: list[dict], *, title: str = "", gaz: Gazetteer | Literal["default"] | None = "default", basemap: bool = True) -> dict:
    """The page's payload: columnar events, highlights, candidates, flags, sources.

    Strings are raw (the page inserts them as text nodes only); the payload is
    embedded with :func:`geo.maps.html.script_json`.
    """
    from geo.io.frame import SCHEMA

    if isinstance(gaz, str):  # "default"
        try:
            from gazetteer import Gazetteer

            gaz = Gazetteer.default()
        except Exception:  # noqa: BLE001
            gaz = None
    _unique_ids(records)
    S: list[str] = []
    sidx: dict[str, int] = {}

    def si(v: Any) -> int:
        if v is None:
            return -1
        v = str(v)
        i = sidx.get(v)
        if i is None:
            i = sidx[v] = len(S)
            S.append(v)
        return i

    text_fields = {c.field for c in SCHEMA if c.kind in ("text", "text?")}
    cols: dict[str, list] = {f: [] for f in EVENT_FIELDS}
    hl: list = []
    flags: list[int] = []
    cand_lists: list[list] = []
    cand_index: dict[tuple, int] = {}
    cand_of: list[int] = []
    status0: dict[str, str] = {}
    extra: dict[str, dict] = {}
    members: dict[str, list] = {}
    for k, r in enumerate(records):
        for f in EVENT_FIELDS:
            v = r.get(f)
            if f in text_fields:
                cols[f].append(si(v))
            else:
                cols[f].append(None if v is None or (isinstance(v, float) and math.isnan(v)) else v)
        ev = _s(r.get("evidence"))
        hl.append(_utf16(ev, highlight_spans(r)) or 0)
        flags.append(_flags(r))
        cands = place_candidates(r, gaz) if gaz is not None else []
        ckey = tuple(c["place_id"] for c in cands)
        ci = cand_index.get(ckey)
        if ci is None:
            ci = cand_index[ckey] = len(cand_lists)
            cand_lists.append(cands)
        cand_of.append(ci)
        st = _initial_status(r)
        if st != "pending":
            status0[str(k)] = st
        x = _passthrough(r)
        if x:
            extra[str(k)] = x
        ms = members_of(r)
        if len(ms) > 1:
            for m in ms:
                m["hl"] = _utf16(m["evidence"], highlight_spans(r, m["evidence"])) or 0
            members[str(k)] = ms
    data = {
        "v": 1,
        "title": title,
        "dataset": _dataset_key(records),
        "n": len(records),
        "fields": list(EVENT_FIELDS),
        "text_fields": sorted(text_fields),
        "schema": [[c.name, c.field, c.kind] for c in SCHEMA],
        "csv_extra": list(CSV_EXTRA),
        "editable": list(EDITABLE),
        "audit_fields": list(AUDIT_FIELDS),
        "fused_keys": list(FUSED_KEYS),
        "S": S,
        "cols": cols,
        "hl": hl,
        "hl_kinds": list(HL_KINDS),
        "flags": flags,
        "cand": cand_lists,
        "cand_of": cand_of,
        "status0": status0,
        "extra": extra,
        "members": members,
        "taxonomy": {k: list(v) for k, v in ACLED_TAXONOMY.items()},
        "colours": _colours(),
    }
    if basemap:
        data["basemap"] = _basemap_payload()
        data["towns"] = [list(t) for t in _towns()]
    return data


def _colours() -> dict[str, str]:
    try:
        from geo.maps.core import EVENT_STYLES

        return {k: v[0] for k, v in EVENT_STYLES.items()}
    except Exception:  # noqa: BLE001
        return {}


def _asset(name: str) -> str:
    text = (_ASSETS / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise RuntimeError(f"{name} cannot be inlined (contains a closing tag)")
    return text


@lru_cache(maxsize=1)
def _basemap_payload() -> dict | None:
    """The bundled offline basemap (:func:`geo.maps.offline.basemap_doc`): delta-coded land, districts, borders."""
    try:
        doc = basemap_doc()
        return {"kind": "delta", "scale": doc["scale"], "land": doc.get("land", []), "borders": doc.get("borders", []),
                "districts": [{"polys": d["polys"]} for d in doc.get("districts", [])]}
    except (OSError, ValueError, KeyError, TypeError):  # a basemap in an unknown shape: draw none
        return None


@lru_cache(maxsize=1)
def _towns() -> tuple[tuple, ...]:
    """Libyan capital, cities and towns as ``(lat, lon, name_en, name_ar, label zoom)``."""
    try:
        from gazetteer import Gazetteer

        places = Gazetteer.default().places
    except Exception:  # noqa: BLE001 - optional layer
        return ()
    zoom = {"capital": 0, "city": 6, "town": 9}
    return tuple(sorted((round(p.lat, 5), round(p.lon, 5), p.name_en, p.name_ar, zoom[p.feature_type])
                        for p in places if p.feature_type in zoom and p.country == "LY"))


#: Leaflet inlined as the offline maps inline it (:mod:`geo.maps.offline`).
_leaflet = leaflet_inline


def review_html(records: list[dict], *, title: str | None = None, gaz: Gazetteer | Literal["default"] | None = "default") -> str:
    """The review page (HTML text) of event records (:func:`load_review_events`)."""
    title = title or "kharita review"
    data = review_data(records, title=title, gaz=gaz)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
        "style-src 'unsafe-inline'; img-src data: blob:; connect-src data: blob:\">\n"
        f"<title>{escape(title)}</title>\n"
        f"{_leaflet()}"
        f"<style>{_asset('review.css')}</style>\n"
        "</head>\n<body>\n"
        "<div id=\"kr-app\"><noscript>This review page needs JavaScript.</noscript></div>\n"
        f"<script type=\"application/json\" id=\"kharita-review-data\">{script_json(data)}</script>\n"
        f"<script>{_asset('review.js')}</script>\n"
        "</body>\n</html>\n"
    )


def write_review(records: list[dict], path: str | Path, *, title: str | None = None) -> Path:
    """Write the review page by the rule of :mod:`geo.io.outputs`; returns the path."""
    from geo.io.outputs import write_text

    write_text(path, review_html(records, title=title))
    return Path(path)


# --------------------------------------------------------------------------- decisions
class DecisionError(InputError):
    """A decision that cannot be applied (names the decision's number)."""


def load_decisions(path: str | Path) -> list[dict]:
    """The decisions of an exported file: an object with an ``ops`` list (or the list itself)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError("decisions file not found", path=str(p)) from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("decisions file is not UTF-8 JSON", path=str(p)) from None
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg}", path=str(p), line=e.lineno) from None
    ops = doc.get("ops") if isinstance(doc, dict) else doc
    if not isinstance(ops, list) or not all(isinstance(o, dict) for o in ops):
        raise InputError("expected a kharita review decisions file (an object with an 'ops' list)", path=str(p))
    return ops


class _Ev:
    __slots__ = ("rec", "base", "status0", "status", "gone", "members", "members0", "absorbed", "origin",
                 "extra", "members_changed")

    def __init__(self, rec: dict, status0: str, members: list[dict], extra: dict, origin: str | None = None,
                 base: dict | None = None):
        self.rec = rec
        self.base = dict(rec) if base is None else base
        self.status0 = self.status = status0
        self.gone: str | None = None
        self.members = list(members)
        self.members0 = list(members)
        self.absorbed: list[str] = []
        self.origin = origin
        self.extra = extra
        self.members_changed = False


def _num(v: Any, what: str, lo: float, hi: float, k: int) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not (lo <= v <= hi) or v != v:
        raise DecisionError(f"decision {k}: {what} must be a number in [{lo}, {hi}], got {v!r}")
    return float(v)


def _clean_value(field: str, value: Any, k: int) -> Any:
    if field == "event_date":
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not _DATE_RE.match(value):
            raise DecisionError(f"decision {k}: event_date must be YYYY-MM-DD or null, got {value!r}")
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise DecisionError(f"decision {k}: no such date {value!r}") from None
        return value
    if field == "fatalities":
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise DecisionError(f"decision {k}: fatalities must be a whole number ≥ 0 or null, got {value!r}")
        return value
    if not isinstance(value, str):
        raise DecisionError(f"decision {k}: {field} must be text, got {value!r}")
    return value


class _Review:
    """The review state: the events, their order, and the decisions applied so far."""

    def __init__(self, records: list[dict]):
        self.ev: dict[str, _Ev] = {}
        self.order: list[str] = []
        for r in records:
            rec: dict[str, Any] = {f: r.get(f) for f in EVENT_FIELDS}
            self.ev[rec["id"]] = _Ev(rec, _initial_status(r), members_of(r), _passthrough(r))
            self.order.append(rec["id"])

    def live(self, eid: Any, k: int) -> _Ev:
        e = self.ev.get(eid) if isinstance(eid, str) else None
        if e is None:
            raise DecisionError(f"decision {k}: no event {eid!r} in these events")
        if e.gone:
            raise DecisionError(f"decision {k}: event {eid!r} is no longer in the review ({e.gone})")
        return e

    def apply(self, op: Mapping, k: int) -> None:
        kind = op.get("op")
        if kind == "status":
            e = self.live(op.get("id"), k)
            if op.get("status") not in STATUSES:
                raise DecisionError(f"decision {k}: status must be one of {', '.join(STATUSES)}")
            e.status = op["status"]
        elif kind == "edit":
            e = self.live(op.get("id"), k)
            field = op.get("field")
            if field not in EDITABLE:
                raise DecisionError(f"decision {k}: {field!r} is not an editable field ({', '.join(EDITABLE)})")
            e.rec[field] = _clean_value(field, op.get("value"), k)
        elif kind == "move":
            e = self.live(op.get("id"), k)
            e.rec["latitude"] = _num(op.get("lat"), "lat", -90, 90, k)
            e.rec["longitude"] = _num(op.get("lon"), "lon", -180, 180, k)
            e.rec["uncertainty_wkt"] = None
        elif kind == "place":
            e = self.live(op.get("id"), k)
            p = op.get("place")
            if not isinstance(p, Mapping):
                raise DecisionError(f"decision {k}: 'place' must be an object")
            for f in ("place_id", "place_name_en", "place_name_ar", "admin1", "country"):
                v = p.get(f, "")
                if not isinstance(v, str):
                    raise DecisionError(f"decision {k}: place {f} must be text")
                e.rec[f] = v
            e.rec["latitude"] = _num(p.get("lat"), "place lat", -90, 90, k)
            e.rec["longitude"] = _num(p.get("lon"), "place lon", -180, 180, k)
            prec = p.get("precision_m")
            e.rec["uncertainty_m"] = None if prec is None else _num(prec, "precision_m", 0, 1e8, k)
            e.rec["uncertainty_wkt"] = None
            e.rec["relation"] = ""
            e.rec["geo_precision"] = 1
        elif kind == "merge":
            a, b = self.live(op.get("keep"), k), self.live(op.get("drop"), k)
            if a is b:
                raise DecisionError(f"decision {k}: cannot merge an event into itself")
            b.gone = f"merged into {a.rec['id']}"
            have = {m["id"] for m in a.members}
            a.members += [m for m in b.members if m["id"] not in have]
            a.absorbed.append(b.rec["id"])
            a.members_changed = True
        elif kind == "split":
            e = self.live(op.get("id"), k)
            if e.absorbed:
                for bid in e.absorbed:
                    self.ev[bid].gone = None
                e.absorbed = []
                e.members = list(e.members0)
                e.members_changed = False
            elif len(e.members) > 1:
                self._split_fused(e)
            else:
                raise DecisionError(f"decision {k}: event {e.rec['id']!r} has a single source: nothing to split")
        else:
            raise DecisionError(f"decision {k}: unknown op {kind!r}")

    def _split_fused(self, e: _Ev) -> None:
        e.gone = "split"
        at = self.order.index(e.rec["id"]) + 1
        new = []
        for j, m in enumerate(e.members, start=1):
            nid = m["id"]
            while nid in self.ev:
                nid = f"{nid}~{j}"
            sub = {"id": nid, "doc_id": m["doc_id"], "source": m["source"], "url": m["url"], "evidence": m["evidence"]}
            if "fatalities" in m:
                sub["fatalities"] = m["fatalities"]
            rec, base = dict(e.rec, **sub), dict(e.base, **sub)
            part = _Ev(rec, e.status0, [m], {}, origin=e.rec["id"], base=base)
            self.ev[nid] = part
            new.append(nid)
        self.order[at:at] = new

    # ------------------------------------------------------------------ output
    def audit(self, e: _Ev) -> str:
        parts = []
        if e.origin:
            parts.append(f"split from {e.origin}")
        if e.status != e.status0:
            parts.append(f"status: {e.status0} → {e.status}")
        for f in AUDIT_FIELDS:
            if e.rec[f] != e.base[f]:
                parts.append(f"{f}: {_show(e.base[f])} → {_show(e.rec[f])}")
        old = (e.base["latitude"], e.base["longitude"])
        new = (e.rec["latitude"], e.rec["longitude"])
        if old != new:
            parts.append(f"point: {_pt(*old)} → {_pt(*new)}")
        if e.absorbed:
            parts.append("merged: " + ", ".join(e.absorbed))
        return "; ".join(parts)

    def output(self, drop_rejected: bool = False) -> list[tuple[_Ev, dict]]:
        """``(event, properties)`` of every event in the output, in order."""
        from geo.io.frame import SCHEMA

        out = []
        for eid in self.order:
            e = self.ev[eid]
            if e.gone or (drop_rejected and e.status == "rejected"):
                continue
            props: dict[str, Any] = {}
            for c in SCHEMA:
                v = e.rec[c.field]
                if v is not None and c.kind == "float?":
                    v = float(v)
                elif v is not None and c.kind in ("int", "int?"):
                    v = int(v)
                props[c.name] = v
            x = dict(e.extra)
            if e.members_changed:
                for key in FUSED_KEYS:
                    x.pop(key, None)
                x.update(_fused_props(e.members))
            props.update(x)
            props["review_status"] = e.status
            props["review_audit"] = self.audit(e)
            out.append((e, props))
        return out


def _uniq(vals: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in vals:
        if v and v not in seen:
            seen[v] = None
    return list(seen)


def _fused_props(members: list[dict]) -> dict:
    return {"merged_ids": [m["id"] for m in members], "doc_ids": _uniq(m["doc_id"] for m in members),
            "sources": _uniq(m["source"] for m in members), "evidence_all": [m["evidence"] for m in members]}


def _show(v: Any) -> str:
    return "∅" if v is None or v == "" else str(v)


def _pt(lat: Any, lon: Any) -> str:
    return "∅" if lat is None or lon is None else f"{_py_float(lat)},{_py_float(lon)}"


def apply_decisions(records: list[dict], ops: Sequence[Mapping], *, drop_rejected: bool = False) -> _Review:
    """Replay decisions on event records (:func:`load_review_events`); the page's rules.

    Returns the review state; :func:`reviewed_geojson` and :func:`reviewed_csv` give
    the files the page exports.

    Raises
    ------
    DecisionError
        A decision names an event that is not (or no longer) in the review, or
        carries a bad value; the message gives its number (1-based).
    """
    _unique_ids(records)
    state = _Review(records)
    for k, op in enumerate(ops, start=1):
        if not isinstance(op, Mapping):
            raise DecisionError(f"decision {k}: not an object")
        state.apply(op, k)
    state.drop_rejected = drop_rejected  # type: ignore[attr-defined]
    return state


def reviewed_geojson(state: _Review, *, drop_rejected: bool | None = None) -> str:
    """GeoJSON FeatureCollection text of the reviewed events (schema columns + review columns + fusion lists),
    in the one dialect (:func:`geo.io.geojson.dumps_properties`), in the review's order."""
    from geo.io.geojson import dumps_properties, normalise_properties

    drop = getattr(state, "drop_rejected", False) if drop_rejected is None else drop_rejected
    return dumps_properties(normalise_properties(props) for _e, props in state.output(drop))


def _py_float(x: float) -> str:
    return repr(float(x))


def _csv_text(v: Any) -> str:
    from geo.io.outputs import csv_cell

    return csv_cell("" if v is None else str(v))


def reviewed_csv(state: _Review, *, drop_rejected: bool | None = None) -> str:
    """ACLED-style CSV of the reviewed events: kharita's CSV columns + review status, audit, fusion lists.

    Byte-identical to the page's CSV export; :func:`geo.io.frame.read_events` reads it.
    """
    from geo.io.frame import COLUMNS, SCHEMA

    drop = getattr(state, "drop_rejected", False) if drop_rejected is None else drop_rejected
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([*COLUMNS, "geometry", *CSV_EXTRA])
    for e, props in state.output(drop):
        row = []
        for c in SCHEMA:
            v = props[c.name]
            if v is None:
                row.append("")
            elif c.kind == "float?":
                row.append(_py_float(v))
            elif c.kind in ("int", "int?"):
                row.append(str(int(v)))
            else:
                row.append(_csv_text(v))
        lat, lon = props["latitude"], props["longitude"]
        row.append("" if lat is None or lon is None else f"POINT ({_py_float(lon)} {_py_float(lat)})")
        fused = len(e.members) > 1
        row += [_csv_text(props["review_status"]), _csv_text(props["review_audit"]),
                _csv_text(" | ".join(m["id"] for m in e.members) if fused else ""),
                _csv_text(" | ".join(_uniq(m["doc_id"] for m in e.members)) if fused else ""),
                _csv_text(" | ".join(_uniq(m["source"] for m in e.members)) if fused else "")]
        w.writerow(row)
    return buf.getvalue()


def write_reviewed(state: _Review, path: str | Path, *, format: str | None = None) -> Path:
    """Write the reviewed events: GeoJSON or CSV with the review columns; Parquet/GeoPackage schema only."""
    from geo.io.frame import _format_of, write_events
    from geo.io.outputs import write_text
    from geo.events import Event

    path = Path(path)
    fmt = _format_of(path, format)
    if fmt == "geojson":
        write_text(path, reviewed_geojson(state))
    elif fmt == "csv":
        write_text(path, reviewed_csv(state))
    else:
        events = [Event(**dict(e.rec)) for e, _p in state.output(getattr(state, "drop_rejected", False))]
        write_events(events, path, format=fmt)
    return path


# --------------------------------------------------------------------------- screenshot
def screenshot(html_path: str | Path, png_path: str | Path, *, width: int = 1400, height: int = 860,
               chromium: str | None = None) -> Path:
    """PNG of a review page in headless Chromium (Playwright), every non-file request blocked."""
    import os

    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # the test extras are not installed
        raise InputError("screenshots need Playwright: pip install -e '.[test]' (and `make chromium`)") from e
    exe = chromium or os.environ.get("KHARITA_CHROMIUM", "/usr/bin/chromium")
    html_path, png_path = Path(html_path).resolve(), Path(png_path)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu",
                                                                "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
            page.goto(html_path.as_uri())
            page.wait_for_function("() => window.kharitaReview && window.kharitaReview.ready", timeout=30000)
            page.evaluate("window.kharitaReview.select(0)")
            page.wait_for_timeout(300)
            png_path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png_path))
        finally:
            browser.close()
    return png_path
