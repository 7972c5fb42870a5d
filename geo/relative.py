"""Relative locations: «قرب سرت», «غرب سرت», «على بعد 450 كلم شرق طرابلس», "near X", "10 km west of X".

Two steps:

1. :func:`find_cue` reads the words just before a place mention and returns a
   :class:`RelativeCue` (relation, distance, span), or None when the mention is the
   place itself.  :func:`is_apposition` tells whether such a phrase merely
   describes a place named just before it («سرت، معقل داعش شرق طرابلس»): then
   it is context, not the location of an event.
2. :func:`locate` turns (relation, anchor place, distance) into a
   :class:`RelativeLocation`: a point estimate plus an uncertainty polygon
   (circle or annular sector, geodesic, :mod:`geo.geodesy`) and an ACLED
   ``geo_precision``.

All size defaults live in :data:`SETTINGS`, except "near": an event near X gets the
circle of every point that :func:`geo.claims.check` accepts as near X
(:func:`geo.nearness.near_limit_km`, measured from X's edge).  No shapely, no geopandas.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gazetteer.model import Place
from gazetteer.normalize import normalize_with_offsets
from geo.geodesy import circle_lonlat, destination, ring_to_wkt, sector_lonlat
from geo.nearness import near_limit_km

__all__ = ["SETTINGS", "RelativeCue", "RelativeLocation", "find_cue", "is_apposition", "locate", "scale_km"]

#: Defaults of the geometry (kilometres unless said otherwise).
SETTINGS: dict[str, Any] = {
    # characteristic radius of a feature type: how far "near X" or "west of X" reaches
    "scale_km": {
        "capital": 12.0, "city": 8.0, "town": 4.0, "village": 2.0, "district": 30.0, "region": 80.0,
        "country": 300.0, "sea": 100.0, "coast": 10.0, "area": 4.0, "wadi": 5.0, "neighbourhood": 1.5,
        "camp": 2.0, "base": 2.0, "airport": 2.5, "port": 1.5, "oil_terminal": 2.0,
    },
    "scale_default_km": 1.0,
    # near X: not here — one rule for events, claims and tests, geo.claims.near_limit_km
    "outskirts_factor": (1.0, 2.0),  # outskirts: ring between 1× and 2× scale (drawn as a circle of 2×)
    "centre_factor": 0.5,  # centre of X: circle of half the scale
    "part_factor": 0.6,  # "northern X", «المدخل الشرقي»: point at part_factor × scale toward the side
    "areal_part_factor": 0.4,  # «جنوب ليبيا», "western Fezzan": the same, for a country, region or district
    "direction_factor": (0.5, 3.0),  # "west of X": sector from 0.5× to 3× scale, point at the middle
    "direction_half_width_deg": 45.0,
    "distance_half_width_deg": 15.0,  # "N km west of X"
    "distance_rel_error": 0.2,  # ±20 % on a stated distance (news distances are often by road)
    "offshore_km": (3.0, 25.0),  # "off the coast of X": sector seaward (north on the Libyan coast)
}

#: Anchors a bare direction phrase lies inside of: the country, its regions and districts
_AREAL_ANCHORS = frozenset({"country", "region", "district"})

_DIRS_AR = {
    "شمال شرق": 45.0, "شمال غرب": 315.0, "جنوب شرق": 135.0, "جنوب غرب": 225.0,
    "شمال": 0.0, "شرق": 90.0, "جنوب": 180.0, "غرب": 270.0,
}
_DIRS_EN = {
    "north-east": 45.0, "northeast": 45.0, "north-west": 315.0, "northwest": 315.0,
    "south-east": 135.0, "southeast": 135.0, "south-west": 225.0, "southwest": 225.0,
    "north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0,
}
_DIR_NAME = {0.0: "north", 45.0: "northeast", 90.0: "east", 135.0: "southeast", 180.0: "south",
             225.0: "southwest", 270.0: "west", 315.0: "northwest"}

_AR_DIR_ALT = "شمال شرق|شمال غرب|جنوب شرق|جنوب غرب|شمال|شرق|جنوب|غرب"
_NUM = r"(\d+(?:[.,]\d+)?|[٠-٩]+)"

# Arabic patterns, anchored at the end of the window (the mention follows immediately).
# «ال» / «لـ» / «من» glue and optional adjective forms («غربي», «الغربي»).
_HAS_AR = re.compile(r"[\u0600-\u06ff]")
_HAS_LATIN = re.compile(r"[A-Za-z0-9]")
_W = r"(?:^|(?<=\s))"  # word start
_AR_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("km", re.compile(
        _W + r"(?:علي\s+)?(?:بعد|مسافه)\s+(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من)?\s*" + _NUM
        + r"\s*(?:كلم|كم|كيلومترا?|كيلومترات)\s+(?:الي\s+)?(?:ال)?(" + _AR_DIR_ALT + r")(?:ي|يه)?(?:\s+من)?(?:\s+(?:مدينه|بلده|قريه|منطقه|حي))?\s*$")),
    ("entrance", re.compile(_W + r"(?:ال)?مدخل\s+(?:ال)?(" + _AR_DIR_ALT + r")(?:ي|يه)?\s*(?:ل|لمدينه|من|الي)?\s*$")),
    ("near", re.compile(_W + r"(?:بالقرب\s+من|علي\s+مقربه\s+من|قريبا\s+من|قرب|مقربه\s+من|بمحاذاه|قباله)(?:\s+(?:مدينه|بلده|قريه|منطقه|حي))?\s*$")),
    # («في الضواحي الجنوبية لطرابلس», «أطراف المدينة الشرقية»: the side a suburb lies on is not kept)
    ("outskirts", re.compile(_W + r"(?:ب|في\s+)?(?:ال)?(?:ضواحي|اطراف|محيط|تخوم|مشارف)(?:\s+(?:ال)?(?:جنوبيه|شماليه|شرقيه|غربيه))?"
                             r"(?:\s+(?:مدينه|بلده|قريه|منطقه|حي))?\s*(?:ل)?$")),
    ("centre", re.compile(_W + r"(?:ب|في\s+)?(?:وسط|قلب)(?:\s+(?:مدينه|بلده|قريه|منطقه|حي))?\s*$")),
    ("direction", re.compile(_W + r"(?:ب|في\s+)?(?:ال)?(" + _AR_DIR_ALT + r")(?:ي|يه)?(?:\s+(?:مدينه|بلده|قريه|منطقه|حي))?\s*$")),
]
_EN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("km", re.compile(
        r"\b(?:about|some|around|nearly|roughly|approximately)?\s*" + _NUM
        + r"\s*(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles)\s+(?:to\s+the\s+)?("
        + "|".join(_DIRS_EN) + r")\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?$", re.IGNORECASE)),
    ("offshore", re.compile(r"\boff\s+(?:the\s+)?coast\s+of\s+$", re.IGNORECASE)),
    ("entrance", re.compile(r"\b(?:the\s+)?(" + "|".join(_DIRS_EN) + r")(?:ern)?\s+(?:entrance|gate)\s+(?:to|of)\s+$", re.IGNORECASE)),
    ("near", re.compile(r"\b(?:near|close\s+to|closest\s+to|nearest\s+to|nearby|not\s+far\s+from|in\s+the\s+vicinity\s+of)\s+(?:the\s+(?:city|town)\s+of\s+|the\s+)?$", re.IGNORECASE)),
    ("outskirts", re.compile(r"\b(?:the\s+)?(?:outskirts|suburbs|edge|surroundings|environs)\s+of\s+(?:the\s+)?$", re.IGNORECASE)),
    ("centre", re.compile(r"\b(?:the\s+)?(?:centre|center|heart)\s+of\s+$|(?:central|downtown)\s+$", re.IGNORECASE)),
    ("part", re.compile(r"\b(?:in\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)\s+$", re.IGNORECASE)),
    ("direction", re.compile(r"\b(" + "|".join(_DIRS_EN) + r")\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?$", re.IGNORECASE)),
]

# Every phrase above has one of these words; a window without them is not searched (normalised Arabic).
_AR_CUE_HINT = re.compile(r"بعد|مسافه|مدخل|قرب|مقربه|محاذاه|قباله|ضواحي|اطراف|محيط|تخوم|مشارف|وسط|قلب|شمال|شرق|جنوب|غرب")
_EN_CUE_HINT = re.compile(r"km|kilomet|mile|coast|entrance|gate|near|close|far|vicinity|outskirts|suburbs|edge|"
                          r"surroundings|environs|centre|center|heart|central|downtown|north|south|east|west",
                          re.IGNORECASE)


def _hint_lookahead(hint: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that finds, at every position, the shortest hint word starting there (the hints are
    plain word alternations: a window holds a hint exactly when one of these spans lies inside it)."""
    words = hint.pattern.split("|")
    if not all(re.escape(w) == w for w in words):
        raise ValueError(f"cue hints must be plain words: {hint.pattern!r}")
    # the class of first letters goes first: a position no hint word can begin at is passed over
    # without trying each word there (under the pattern's own flags, so IGNORECASE reads it alike)
    first = f"(?=[{''.join(sorted({re.escape(w[0]) for w in words}))}])" if all(words) else ""
    return re.compile(first + "(?=(" + "|".join(sorted(words, key=len)) + "))", hint.flags)


_AR_CUE_HINT_AT = _hint_lookahead(_AR_CUE_HINT)
_EN_CUE_HINT_AT = _hint_lookahead(_EN_CUE_HINT)
#: Documents from this length on index their hint words once (see :func:`_hint_index`) instead of
#: searching each mention's window: a page of thousands of names stays cheap per mention.
_HINT_INDEX_MIN_LEN = 20_000


#: english -> (the string indexed, its index): one document at a time, its normalised text and its text.
#: Keyed by identity, not equality: an equal copy of a long text (the same page extracted again) would
#: be compared character by character on every look-up, once per mention.
_HINT_INDEXES: dict[bool, tuple[str, tuple[list[int], list[int]]]] = {}


def _hint_index(s: str, english: bool) -> tuple[list[int], list[int]]:
    """(starts, ends) of the hint words of ``s``, by start; the shortest word where several begin."""
    hit = _HINT_INDEXES.get(english)
    if hit is not None and hit[0] is s:
        return hit[1]
    index = _hint_index_uncached(s, english)
    _HINT_INDEXES[english] = (s, index)
    return index


def _hint_index_uncached(s: str, english: bool) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for m in (_EN_CUE_HINT_AT if english else _AR_CUE_HINT_AT).finditer(s):
        starts.append(m.start())
        ends.append(m.end(1))
    return starts, ends


def _hint_within(index: tuple[list[int], list[int]], a: int, b: int) -> bool:
    """True when a hint word of the index lies inside ``[a, b)``."""
    starts, ends = index
    k = bisect_left(starts, a)
    while k < len(starts) and starts[k] < b:
        if ends[k] <= b:
            return True
        k += 1
    return False


# Phrases that make a following direction phrase a description of the preceding place.
# («أوجلة التي تبعد 160 كلم عن جنوب أجدابيا»: how far it lies from another place describes it too)
_APPOS_AR = re.compile(r"(?:[،,(]|\bالواقعه\b|\bالتي\s+تقع\b|\bالذي\s+يقع\b|\bتقع\b|\bيقع\b|\bالواقع\b|\bتبعد\b|\bيبعد\b)")
_APPOS_EN = re.compile(r"(?:,|\(|\bwhich\s+(?:is|lies)\b|\blocated\b|\bsituated\b|\blies\b|\blying\b)", re.IGNORECASE)
# Words that end a description: a new clause or a verb of action.
_APPOS_BREAK_AR = re.compile(r"(?:\bحيث\b|\bبينما\b|\bفيما\b|\bثم\b|\bبعد\b|\bقبل\b|[.!؟?:;؛\"«»])")
_APPOS_BREAK_EN = re.compile(r"(?:\bwhere\b|\bwhile\b|\bafter\b|\bbefore\b|\band\s+then\b|[.!?:;\"])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RelativeCue:
    """A relation phrase before a mention: ``relation`` and its span ``[start, end)`` in the text."""

    relation: str  # near, outskirts, centre, part, entrance, direction, km, offshore
    bearing: float | None
    distance_km: float | None
    start: int
    end: int
    words: str


@dataclass(frozen=True, slots=True)
class RelativeLocation:
    """A location derived from an anchor place.

    Attributes
    ----------
    relation
        ``near``, ``outskirts_of``, ``centre_of``, ``east_entrance_of``, ``north_part_of``,
        ``west_of``, ``km_west_of``, ``off_coast_of``…
    anchor
        The place the phrase refers to.
    point_lat, point_lon
        Point estimate (WGS84).
    uncertainty_m
        Radius (m) of a circle holding the uncertainty area, measured from the point.
    uncertainty_wkt
        The uncertainty polygon (WKT, lon lat order): circle or annular sector.
    geo_precision
        ACLED code: 2 near / part of, 3 direction only or broad region.
    note
        One line: how it was derived.
    """

    relation: str
    anchor: Place
    point_lat: float
    point_lon: float
    uncertainty_m: float
    uncertainty_wkt: str
    geo_precision: int
    note: str


def scale_km(place: Place) -> float:
    """Characteristic radius (km) of a place: by feature type, never below its own precision."""
    s = SETTINGS["scale_km"].get(place.feature_type, SETTINGS["scale_default_km"])
    return max(float(s), float(place.precision_m or 0.0) / 1000.0)


def _num(s: str) -> float:
    s = s.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")).replace(",", ".")
    return float(s)


def find_cue(
    text: str, start: int, *, normalized: tuple[str, list[int]] | None = None, window: int = 60
) -> RelativeCue | None:
    """The relation phrase ending right before ``text[start:]`` (a place mention), or None.

    Arabic is matched on the normalised window (:func:`gazetteer.normalize.normalize`), so
    diacritics, hamza forms and ta marbuta do not matter; a proclitic «ب» / «ل» glued to the
    mention («لسرت», «بسرت») is allowed after the cue.  Pass ``normalized`` (the document's
    ``normalize_with_offsets``) to avoid normalising the window again.
    """
    lo = max(0, start - window)
    if normalized is not None and len(text) >= _HINT_INDEX_MIN_LEN:
        # a long document: no hint word in either window (the normalised one below, the raw one) is no cue
        ni = bisect_left(normalized[1], start)
        nlo = bisect_left(normalized[1], lo, max(0, ni - window), ni)
        if not _hint_within(_hint_index(normalized[0], False), nlo, ni) \
                and not _hint_within(_hint_index(text, True), lo, start):
            return None
    raw = text[lo:start]
    # the mention may carry a glued proclitic (لـ, بـ, و): take it into the window
    if _HAS_AR.search(raw):
        if normalized is not None:  # reuse the document's normalisation (offsets are absolute)
            dnorm, doffs = normalized
            ni = bisect_left(doffs, start)
            # the normalised characters of the raw window: at most ``window`` before the mention,
            # none from before ``lo`` (offsets are sorted, so one more bisect finds the first)
            nlo = bisect_left(doffs, lo, max(0, ni - window), ni)
            norm = dnorm[nlo:ni]
            offs: list[int] | None = None  # window-relative offsets, built only for a match
        else:
            norm, offs = normalize_with_offsets(raw)
        for rel, pat in (_AR_PATTERNS if _AR_CUE_HINT.search(norm) else ()):
            m = pat.search(norm)
            if m is not None:
                if offs is None:
                    offs = [o - lo for o in doffs[nlo:ni]]
                return _cue_from(rel, m, offs, lo, start, raw, ar=True)
    if not _HAS_LATIN.search(raw) or not _EN_CUE_HINT.search(raw):
        return None  # no word any English phrase is made of: nothing to match
    for rel, pat in _EN_PATTERNS:
        m = pat.search(raw)
        if m is None:
            continue
        return _cue_from(rel, m, None, lo, start, raw, ar=False)
    return None


def _cue_from(rel: str, m: re.Match[str], offs: Sequence[int] | None, lo: int, start: int, raw: str, *, ar: bool) -> RelativeCue:
    bearing = None
    dist = None
    groups = [g for g in m.groups() if g]
    if rel == "km":
        dist = _num(groups[0])
        if ar is False and re.search(r"miles", m.group(0), re.IGNORECASE):
            dist *= 1.609344
        d = groups[1]
        bearing = (_DIRS_AR if ar else _DIRS_EN).get(d if ar else d.lower())
    elif rel in ("direction", "entrance", "part"):
        if rel == "direction" and ar and re.match(r"\s*(?:في\s|ب)", m.group(0)):
            rel = "part"  # «في جنوب طرابلس», «بشرق ليبيا»: in the south of it, not south of it
        d = groups[0]
        if ar:
            bearing = _DIRS_AR.get(d)
        else:
            bearing = _DIRS_EN.get(d.lower().replace("-", "")) or _DIRS_EN.get(d.lower())
    if ar:
        s = lo + offs[min(m.start(), len(offs) - 1)] if offs else lo
    else:
        s = lo + m.start()
    while s < start and text_is_space(raw[s - lo]):
        s += 1
    return RelativeCue(rel, bearing, dist, s, start, raw[s - lo :].strip())


def text_is_space(ch: str) -> bool:
    return ch.isspace()


def is_apposition(text: str, prev_end: int, cue_start: int) -> bool:
    """True when the text between a place (ending at ``prev_end``) and a relative phrase
    (starting at ``cue_start``) makes the phrase a description of that place.

    «سرت، معقل تنظيم داعش شرق طرابلس», «سرت الواقعة على بعد 450 كلم شرق طرابلس»,
    "Sirte, the group's stronghold east of Tripoli": a comma or a "located" word opens the
    description and no clause break («حيث», "where", a full stop) comes before the phrase.
    """
    if prev_end > cue_start:
        return False
    between = text[prev_end:cue_start]
    if len(between) > 80:
        return False
    from gazetteer.normalize import normalize

    nb = normalize(between) if between.strip() else ""
    ar = bool(re.search(r"[\u0600-\u06ff]", between))
    if ar:
        opener = _APPOS_AR.search(between) or _APPOS_AR.search(nb)
        breaker = _APPOS_BREAK_AR.search(between) or _APPOS_BREAK_AR.search(nb)
    else:
        opener = _APPOS_EN.search(between)
        breaker = _APPOS_BREAK_EN.search(between)
    if breaker:
        return False
    if opener:
        return True
    # a bare direction right after the place, with nothing between, also describes it
    return between.strip() == "" and False


@lru_cache(maxsize=8192)  # pure: the same places and relations recur in every document
def _ring_circle(lat: float, lon: float, radius_m: float) -> str:
    return ring_to_wkt(circle_lonlat(lat, lon, radius_m))


@lru_cache(maxsize=8192)
def _sector_geometry(lat0: float, lon0: float, bearing: float, half_width_deg: float, inner_m: float, outer_m: float,
                     lat: float, lon: float) -> tuple[float, str]:
    """(radius from the point ``lat, lon``, WKT) of a sector around an anchor (pure, cached)."""
    ring = sector_lonlat(lat0, lon0, bearing, half_width_deg, inner_m, outer_m)
    return _max_dist_m(lat, lon, ring), ring_to_wkt(ring)


def locate(cue: RelativeCue | str, anchor: Place, distance_km: float | None = None, bearing: float | None = None) -> RelativeLocation:
    """Point estimate and uncertainty polygon of a relation to ``anchor``.

    Parameters
    ----------
    cue
        A :class:`RelativeCue` or a relation name (``near``, ``outskirts``, ``centre``,
        ``part``, ``entrance``, ``direction``, ``km``, ``offshore``).
    anchor
        The place the phrase refers to.
    distance_km, bearing
        Override the cue's distance / bearing (degrees clockwise from north).
    """
    rel = cue.relation if isinstance(cue, RelativeCue) else cue
    if isinstance(cue, RelativeCue):
        distance_km = cue.distance_km if distance_km is None else distance_km
        bearing = cue.bearing if bearing is None else bearing
    sc = scale_km(anchor)
    lat0, lon0 = anchor.lat, anchor.lon
    prec_m = float(anchor.precision_m or 0.0)
    dname = _DIR_NAME.get(bearing, f"{bearing:.0f}deg") if bearing is not None else ""
    if rel == "direction" and anchor.feature_type in _AREAL_ANCHORS:
        rel = "part"  # «جنوب ليبيا», "west of Fezzan" in news of Libya: a part of the country or region
    if rel == "near":
        r = near_limit_km(anchor) * 1000.0  # the one "near" rule, measured from the anchor's edge
        return RelativeLocation("near", anchor, lat0, lon0, r, _ring_circle(lat0, lon0, r), 2,
                                f"near {anchor.name_en}: circle of {r / 1000:.1f} km")
    if rel == "outskirts":
        r = max(SETTINGS["outskirts_factor"][1] * sc * 1000.0, prec_m)
        return RelativeLocation("outskirts_of", anchor, lat0, lon0, r, _ring_circle(lat0, lon0, r), 2,
                                f"outskirts of {anchor.name_en}: circle of {r / 1000:.1f} km")
    if rel == "centre":
        r = max(SETTINGS["centre_factor"] * sc * 1000.0, min(prec_m, 3000.0))
        return RelativeLocation("centre_of", anchor, lat0, lon0, r, _ring_circle(lat0, lon0, r), 2,
                                f"centre of {anchor.name_en}: circle of {r / 1000:.1f} km")
    if rel in ("part", "entrance") and bearing is not None:
        # a country's or region's precision is its whole size: its parts lie closer in
        d = (SETTINGS["areal_part_factor"] if anchor.feature_type in _AREAL_ANCHORS else SETTINGS["part_factor"]) * sc
        lat, lon = destination(lat0, lon0, bearing, d)
        r = max(0.6 * sc * 1000.0, prec_m * 0.5)
        name = f"{dname}_entrance_of" if rel == "entrance" else f"{dname}_part_of"
        prec = 3 if anchor.feature_type in _AREAL_ANCHORS else 2  # ACLED: a region is precision 3
        return RelativeLocation(name, anchor, lat, lon, r, _ring_circle(lat, lon, r), prec,
                                f"{name.replace('_', ' ')} {anchor.name_en}: {d:.1f} km {dname} of its point, ±{r / 1000:.1f} km")
    if rel == "km" and bearing is not None and distance_km:
        err = SETTINGS["distance_rel_error"]
        inner, outer = distance_km * (1 - err), distance_km * (1 + err)
        lat, lon = destination(lat0, lon0, bearing, distance_km)
        hw = SETTINGS["distance_half_width_deg"]
        r, wkt = _sector_geometry(lat0, lon0, bearing, hw, inner * 1000.0, outer * 1000.0, lat, lon)
        prec = 2 if distance_km <= 25 else 3
        return RelativeLocation(f"km_{dname}_of", anchor, lat, lon, r, wkt, prec,
                                f"{distance_km:g} km {dname} of {anchor.name_en}: sector ±{hw:.0f}°, {inner:.0f}-{outer:.0f} km")
    if rel == "offshore":
        lo_km, hi_km = SETTINGS["offshore_km"]
        b = 0.0 if bearing is None else bearing
        lat, lon = destination(lat0, lon0, b, (lo_km + hi_km) / 2)
        r, wkt = _sector_geometry(lat0, lon0, b, 60.0, lo_km * 1000.0, hi_km * 1000.0, lat, lon)
        return RelativeLocation("off_coast_of", anchor, lat, lon, r, wkt, 2,
                                f"off the coast of {anchor.name_en}: seaward sector {lo_km:g}-{hi_km:g} km")
    if rel == "direction" and bearing is not None:
        f_in, f_out = SETTINGS["direction_factor"]
        inner, outer = f_in * sc, f_out * sc
        mid = (inner + outer) / 2
        lat, lon = destination(lat0, lon0, bearing, mid)
        hw = SETTINGS["direction_half_width_deg"]
        r, wkt = _sector_geometry(lat0, lon0, bearing, hw, inner * 1000.0, outer * 1000.0, lat, lon)
        return RelativeLocation(f"{dname}_of", anchor, lat, lon, r, wkt, 3,
                                f"{dname} of {anchor.name_en}: sector ±{hw:.0f}°, {inner:.1f}-{outer:.1f} km")
    raise ValueError(f"cannot locate relation {rel!r} (bearing={bearing}, distance_km={distance_km})")


def _max_dist_m(lat: float, lon: float, ring: Sequence[tuple[float, float]]) -> float:
    """Largest geodesic distance (m) from a point to the vertices of a ring."""
    import numpy as np

    from geo.geodesy import inverse_km

    lons = np.array([p[0] for p in ring])
    lats = np.array([p[1] for p in ring])
    d, _ = inverse_km(np.full(len(lats), lat), np.full(len(lats), lon), lats, lons)
    return float(np.max(d)) * 1000.0
