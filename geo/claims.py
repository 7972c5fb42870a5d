"""Spatial claims in news text ("450 km east of Tripoli") and their geo-consistency.

Parsing (:func:`parse`)
    Regular patterns over a length-preserving fold of the text (Arabic letter
    forms, Arabic-Indic digits, lower case; every folded character maps back to
    the original) find five kinds of claim:

    ``distance``        «على بعد نحو 450 كلم شرق طرابلس», "about 450 km (280 miles) east of Tripoli"
    ``direction``       «شرق طرابلس», «شرقي سرت», "west of Sirte"
    ``proximity``       «قرب مدينة سرت», «بالقرب من», "near", "on the outskirts of"
    ``containment``     «وسط المدينة», «في شرق سرت», "in northern Sirte" (direction ``"C"`` = centre)
    ``vague_distance``  «مئات الكيلومترات من أوروبا», "hundreds of kilometres from Europe"

    The *anchor* is the place mention (:func:`geo.toponyms.find_mentions`) right
    after the pattern, past generic words («مدينة», «وسط», "the city of").  The
    *subject* is the place the sentence locates: the nearest mention before the
    claim in the same sentence, joined to it by an apposition or relative clause
    of at most :data:`SUBJECT_GAP_WORDS` words («سرت الواقعة على بعد…»,
    «مدينة سرت، معقل التنظيم شرق طرابلس», "Sirte, about 450 km east of Tripoli");
    a claim opened by «و»/"and" right after another claim shares its subject.
    Otherwise the subject is None (the claim is unlocated).

Checking (:func:`check`)
    Geodesic distance and initial bearing anchor→subject (:func:`geo.geodesy.inverse_km`),
    the road estimate (:func:`geo.roads.road_km`), and a verdict: ``consistent``,
    ``consistent_by_road``, ``inconsistent`` or ``unverifiable``, with a one-line
    explanation in English and Arabic.  All tolerances live in :class:`Tolerances`.

    Distance and direction verdicts come from one vectorised kernel
    (``_verdict_kernel``), which :func:`check` calls on one row and
    :func:`check_arrays` on millions: the two cannot disagree.  "Near" has one
    rule too, :func:`near_limit_km` (measured from the anchor's edge), which
    :func:`geo.relative.locate` and :func:`geo.pytest_plugin.assert_near` call.

    Vague distances from a continent are checked against a documented point set
    (:data:`NEAREST_POINT_SETS`: Europe's points nearest Libya — Lampedusa, Malta,
    Sicily, Crete — when the gazetteer has them); otherwise they are unverifiable.

    When the subject is unknown the claim *locates* it: a derived point
    (:func:`geo.geodesy.destination`) and an uncertainty polygon (WKT).

Vectorised checks (:func:`check_arrays`, :func:`check_frame`) use numpy and
one ``Geod.inv`` call; without per-row road estimates they take
:data:`geo.roads.FALLBACK_FACTOR` × geodesic as the road figure.  A hedge
reaches them as ``hedged`` (wider tolerance) and ``bound`` (:func:`hedge_bound`:
"more than" / "less than").

Nothing here imports geopandas, folium or shapely.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy as np

from gazetteer.model import Context, Place
from gazetteer.normalize import SAME_LENGTH_FOLD, is_arabic
from geo.geodesy import (
    bearing_to_compass,
    circle_lonlat,
    compass_to_bearing,
    destination,
    inverse_km,
    ring_to_wkt,
    sector_lonlat,
)

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = [
    "Claim",
    "CheckedClaim",
    "Tolerances",
    "VERDICTS",
    "KINDS",
    "NEAREST_POINT_SETS",
    "FEATURE_RADIUS_KM",
    "check",
    "check_all",
    "check_arrays",
    "check_frame",
    "check_text",
    "extent_km",
    "hedge_bound",
    "near_limit_km",
    "parse",
]

VERDICTS = ("consistent", "consistent_by_road", "inconsistent", "unverifiable")
#: Verdict codes of :func:`check_arrays` (index into :data:`VERDICTS`).
CODE = {v: i for i, v in enumerate(VERDICTS)}
KINDS = ("distance", "direction", "proximity", "containment", "vague_distance")

#: Most words allowed between a subject mention and its claim (apposition / relative clause).
SUBJECT_GAP_WORDS = 6

#: Default extent (radius, km) of a feature by type, used for containment and as a floor
#: for the anchor's ``precision_m``.
FEATURE_RADIUS_KM: dict[str, float] = {
    "continent": 2000.0, "country": 800.0, "region": 300.0, "sea": 400.0, "district": 80.0,
    "capital": 15.0, "city": 10.0, "town": 5.0, "village": 2.0, "neighbourhood": 1.5, "camp": 2.0,
    "base": 2.0, "airport": 3.0, "port": 1.5, "oil_terminal": 3.0, "area": 5.0, "wadi": 20.0,
    "coast": 20.0, "market": 0.5, "university": 1.0, "hospital": 0.5, "power_station": 1.0,
    "bridge": 0.3, "junction": 0.3, "roundabout": 0.3, "road": 5.0, "building": 0.2, "landmark": 0.5,
}

#: Anchor types with no meaningful point: distance/direction from them is unverifiable
#: unless a point set is documented for them.
AREAL_TYPES = frozenset({"continent", "region", "sea", "country", "district"})

#: Documented point sets for vague distances from areal anchors: the anchor's
#: ``name_en`` → names looked up in the gazetteer; the distance is measured to the
#: nearest of the points found.  Europe: the European land nearest Libya.
NEAREST_POINT_SETS: dict[str, tuple[str, ...]] = {
    "Europe": ("Lampedusa", "Malta", "Valletta", "Sicily", "Syracuse", "Crete", "Gavdos"),
}

#: Ranges (km) of vague magnitudes: tens, hundreds, thousands.
VAGUE_RANGES_KM: dict[str, tuple[float, float]] = {
    "tens": (10.0, 100.0), "hundreds": (100.0, 1000.0), "thousands": (1000.0, 10000.0),
}


@dataclass(frozen=True)
class Tolerances:
    """Every tolerance of the claim checker, with its default.

    Attributes
    ----------
    distance_rel
        Relative tolerance of a plain distance (±15 %).
    distance_rel_hedged
        Relative tolerance when hedged («نحو», "about": ±25 %).
    accept_between
        Also accept a claimed distance between the geodesic and the road estimate.
    abs_km
        Absolute slack added to every distance tolerance (rounding of small figures).
    direction_half_width_deg
        A claimed 8-wind direction accepts bearings within ± this of its centre
        (67.5°: a news "east" covers ENE…ESE and more).
    near_km, near_precision_factor
        "near": within ``max(near_km, near_precision_factor × precision)`` of the anchor's
        edge (its extent: the larger of its precision and a feature-type radius, e.g. 10 km
        for a city).
    centre_fraction
        «وسط», "central": within this fraction of the anchor's extent.
    derived_half_width_deg
        Half width of the sector drawn for a point located by a claim (one 8-wind sector).
    """

    distance_rel: float = 0.15
    distance_rel_hedged: float = 0.25
    accept_between: bool = True
    abs_km: float = 2.0
    direction_half_width_deg: float = 67.5
    near_km: float = 15.0
    near_precision_factor: float = 3.0
    centre_fraction: float = 0.5
    derived_half_width_deg: float = 22.5

    def distance_tolerance(self, hedge: str | None) -> float:
        """Relative distance tolerance for a claim with or without a hedge."""
        return self.distance_rel_hedged if hedge else self.distance_rel


@dataclass(frozen=True)
class Claim:
    """One spatial claim found in a text.

    ``direction`` is a compass point (``"E"``, ``"SW"``…) or ``"C"`` (centre, for
    containment); ``distance_km`` is the stated figure in km (converted from the
    stated ``unit``); vague distances carry ``distance_low_km``/``distance_high_km``.
    """

    text: str
    start: int
    end: int
    kind: str
    subject_text: str = ""
    subject: Place | None = None
    anchor_text: str = ""
    anchor: Place | None = None
    distance_km: float | None = None
    distance_low_km: float | None = None
    distance_high_km: float | None = None
    unit: str | None = None
    direction: str | None = None
    hedge: str | None = None
    language: str = "en"
    anchor_reason: str = ""

    def to_dict(self) -> dict:
        """JSON-ready dict, sorted keys (places as ids)."""
        d = {
            "anchor_id": self.anchor.id if self.anchor else None,
            "anchor_reason": self.anchor_reason,
            "anchor_text": self.anchor_text,
            "direction": self.direction,
            "distance_high_km": self.distance_high_km,
            "distance_km": self.distance_km,
            "distance_low_km": self.distance_low_km,
            "end": self.end,
            "hedge": self.hedge,
            "kind": self.kind,
            "language": self.language,
            "start": self.start,
            "subject_id": self.subject.id if self.subject else None,
            "subject_text": self.subject_text,
            "text": self.text,
            "unit": self.unit,
        }
        return dict(sorted(d.items()))


@dataclass(frozen=True)
class CheckedClaim:
    """A claim with its measured figures and verdict.

    ``tolerance`` describes what was accepted (e.g. ``"±25 % (hedged), E ±67.5°"``).
    ``derived_*`` are set when the claim locates an unknown subject.
    """

    claim: Claim
    verdict: str
    claimed_km: float | None = None
    geodesic_km: float | None = None
    road_km: float | None = None
    road_method: str | None = None
    bearing_deg: float | None = None
    direction: str | None = None
    measured_direction: str | None = None
    tolerance: str = ""
    explanation: str = ""
    explanation_en: str = ""
    explanation_ar: str = ""
    derived_lat: float | None = None
    derived_lon: float | None = None
    derived_wkt: str | None = None

    def to_dict(self) -> dict:
        """JSON-ready dict with sorted keys (figures rounded to 0.1 km / 0.1°)."""
        c = self.claim

        def r(v: float | None) -> float | None:
            return None if v is None else round(float(v), 1)

        d = {
            "anchor": c.anchor.name_en if c.anchor else None,
            "anchor_id": c.anchor.id if c.anchor else None,
            "anchor_text": c.anchor_text,
            "bearing_deg": r(self.bearing_deg),
            "claimed_km": r(self.claimed_km),
            "derived_lat": None if self.derived_lat is None else round(self.derived_lat, 6),
            "derived_lon": None if self.derived_lon is None else round(self.derived_lon, 6),
            "derived_wkt": self.derived_wkt,
            "direction": self.direction,
            "end": c.end,
            "explanation": self.explanation,
            "explanation_ar": self.explanation_ar,
            "explanation_en": self.explanation_en,
            "geodesic_km": r(self.geodesic_km),
            "hedge": c.hedge,
            "kind": c.kind,
            "language": c.language,
            "measured_direction": self.measured_direction,
            "road_km": r(self.road_km),
            "road_method": self.road_method,
            "start": c.start,
            "subject": c.subject.name_en if c.subject else None,
            "subject_id": c.subject.id if c.subject else None,
            "subject_text": c.subject_text,
            "text": c.text,
            "tolerance": self.tolerance,
            "verdict": self.verdict,
        }
        return dict(sorted(d.items()))


# --------------------------------------------------------------------------- folding

_DROP = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"}
_FOLD = SAME_LENGTH_FOLD | {"،": ",", "؛": ";", "؟": "?"}


def _fold(text: str) -> tuple[str, list[int]]:
    """Length-preserving-per-character fold: ``(folded, offsets)`` (``offsets[i]`` = original index)."""
    out: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        c = _FOLD.get(ch)
        if c is None:
            c = ch.lower()[:1] or ch
        out.append(c)
        offs.append(i)
    offs.append(len(text))
    return "".join(out), offs


# --------------------------------------------------------------------------- patterns

_AL = r"(?<![\w])"  # start of a word (Arabic letters are \w)
_END = r"(?![\w])"

_NUM = r"\d+(?:[.,]\d+)*"
_HEDGE_AR = r"(?:نحو|حوالي|قرابه|زهاء|اكثر من|اقل من|ما يقارب|ما يزيد عن|ما يزيد علي|ما لا يقل عن|قرابه)"
_UNIT_AR = r"(?:كيلو ?مترات|كيلو ?مترا|كيلو ?متر|كلم|كم|اميال|ميلا|ميل|امتار|مترا|متر|م)"
_HEDGE_EN = r"(?:about|some|nearly|around|roughly|approximately|almost|more than|less than|over|under|at least|up to|just over|just under|an estimated|approx\.?)"
_UNIT_EN = r"(?:kilometres|kilometers|kilometre|kilometer|kms|km|miles|mile|mi|metres|meters|metre|meter|m)"

_D_AR = r"(?P<d1>شمال|جنوب|شرق|غرب)"
_D2_AR = r"(?P<d2>شرق|غرب)"
# «إلى الغرب من», «الى الجنوب الشرقي من» | «شرق», «شرقي», «جنوب شرق», «جنوب شرقي»
_DIR_AR = (
    rf"(?:(?:الي|نحو) ال{_D_AR}(?:ي)?(?: ال{_D2_AR}ي)?(?: (?:من|ل))?"
    rf"|{_AL}(?P<d1b>شمال|جنوب|شرق|غرب)ي?(?: (?P<d2b>شرق|غرب)ي?)?{_END}(?: (?:من|عن|ل))?)"
)
_DIR_EN_WORD = r"(?:north|south)[- ]?(?:east|west)|north|south|east|west"
_DIR_EN = rf"(?:to the )?(?P<den>{_DIR_EN_WORD})(?:ward)? of"

_RX: list[tuple[str, str, re.Pattern]] = []


def _add(kind: str, lang: str, pattern: str) -> None:
    _RX.append((kind, lang, re.compile(pattern)))


# distance (Arabic): optional «على بعد», hedge, number, unit, optional direction, optional «من/عن»
_add(
    "distance",
    "ar",
    rf"(?:(?:[وف]?علي|ب) (?:بعد|مسافه) )?(?:(?P<hedge>{_HEDGE_AR}) )?(?P<num>{_NUM}) ?(?P<unit>{_UNIT_AR}){_END}"
    rf"(?: تقريبا)?(?: (?:{_DIR_AR})| (?:من|عن))",
)
# distance (English)
_add(
    "distance",
    "en",
    rf"\b(?:(?P<hedge>{_HEDGE_EN}) )?(?P<num>{_NUM}) ?-?(?P<unit>{_UNIT_EN})\b(?: ?\((?:{_HEDGE_EN} )?{_NUM} ?{_UNIT_EN}\))?"
    rf"(?: (?:away )?(?:{_DIR_EN})| (?:away )?from| outside)",
)
# vague distance
_add(
    "vague_distance",
    "ar",
    rf"(?:(?:[وف]?علي|ب) (?:بعد|مسافه) )?{_AL}(?:[وف]?)(?P<vague>مئات|عشرات|الاف|الوف|ميات) (?:ال)?(?:كيلو ?مترات|كيلومترا|اميال|امتار)"
    rf"(?: (?:{_DIR_AR})| (?:من|عن))",
)
_add(
    "vague_distance",
    "en",
    rf"\b(?P<vague>hundreds|tens|dozens|thousands) of (?:kilometres|kilometers|km|miles)(?: (?:away )?(?:{_DIR_EN})| (?:away )?from| off)",
)
# containment
_add("containment", "ar", rf"{_AL}(?:في |[وب]|و?في )?(?P<centre>وسط|قلب|داخل){_END} ")
_add("containment", "ar", rf"{_AL}(?:في|ب) ?(?:ال)?{_D_AR}(?: ال?{_D2_AR}ي?)?{_END} (?:مدينه )?")
_add("containment", "en", r"\b(?:in|inside|within) (?:the )?(?P<cen>north|south|east|west|centre|center|heart|middle)(?:ern)? (?:part )?of ")
_add("containment", "en", r"\b(?:in )?(?P<cadj>northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|central|downtown) (?=[A-Za-z])")
_add("containment", "en", r"\b(?:inside|within) (?=[a-z])")
_add("containment", "en", r"\b(?:in |of |to )?(?=the (?:city|town) (?:centre|center)\b)")
# proximity
_add(
    "proximity",
    "ar",
    rf"{_AL}(?:[وف]?بالقرب من|[وف]?علي مقربه من|[وف]?قريبا من|[وف]?قريب من|[وف]?قرب|[وف]?بمحاذاه|[وف]?علي (?:اطراف|مشارف|تخوم)|[وف]?(?:في )?(?:ضواحي|محيط|اطراف|مشارف)){_END} ",
)
_add(
    "proximity",
    "en",
    r"\b(?:near|nearby|close to|on the outskirts of|the outskirts of|outskirts of|in the vicinity of|on the edge of|on the fringes of|just outside|outside|next to|in the suburbs of) ",
)
# direction only
_add("direction", "ar", rf"(?:{_DIR_AR}) ")
_add("direction", "en", rf"\b{_DIR_EN} ")

_PRIORITY = {k: i for i, k in enumerate(("distance", "vague_distance", "containment", "proximity", "direction"))}

_AR_DIR = {"شمال": "N", "جنوب": "S", "شرق": "E", "غرب": "W"}
_EN_ADJ = {
    "northern": "N", "southern": "S", "eastern": "E", "western": "W", "central": "C", "downtown": "C",
    "centre": "C", "center": "C", "heart": "C", "middle": "C", "north": "N", "south": "S", "east": "E", "west": "W",
}
_UNIT_KM = {
    "km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
    "كلم": 1.0, "كم": 1.0, "كيلومترات": 1.0, "كيلومترا": 1.0, "كيلومتر": 1.0, "كيلو مترات": 1.0,
    "كيلو مترا": 1.0, "كيلو متر": 1.0,
    "miles": 1.609344, "mile": 1.609344, "mi": 1.609344, "اميال": 1.609344, "ميلا": 1.609344, "ميل": 1.609344,
    "m": 0.001, "metres": 0.001, "meters": 0.001, "metre": 0.001, "meter": 0.001, "متر": 0.001, "مترا": 0.001,
    "امتار": 0.001, "م": 0.001,
}
_VAGUE = {"مئات": "hundreds", "ميات": "hundreds", "عشرات": "tens", "الاف": "thousands", "الوف": "thousands",
          "hundreds": "hundreds", "tens": "tens", "dozens": "tens", "thousands": "thousands"}

# words allowed between the claim pattern and the anchor name (folded)
_ANCHOR_FILLER = re.compile(
    r"^(?:\s|[\"'«»“”(),]|مدينه|بلده|قريه|منطقه|العاصمه|وسط|مركز|قلب|the|city|town|village|of|centre|center|central|downtown|capital)*$"
)
# punctuation / words that break a subject–claim link
_CLAUSE_BREAK = re.compile(r"[.;:!?\"«»“”\n]|\b(?:said|says|told|but)\b")
_SENT_BREAK = re.compile(r"(?<!\d)\.(?!\d)|[!?;\n]")


def _to_float(num: str) -> float:
    """``"1,026"`` → 1026, ``"4.5"``/``"4,5"`` → 4.5."""
    if "," in num:
        parts = num.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            num = "".join(parts)
        else:
            num = num.replace(",", ".")
    if num.count(".") > 1:
        num = num.replace(".", "")
    return float(num)


def _compass(d1: str | None, d2: str | None) -> str | None:
    if not d1:
        return None
    a = _AR_DIR.get(d1) or d1[0].upper()
    if d2:
        b = _AR_DIR.get(d2) or d2[0].upper()
        if a in "NS" and b in "EW":
            return a + b
    return a


def _en_compass(word: str) -> str | None:
    w = word.replace("-", " ").replace("ern", "").strip()
    parts = [p for p in re.split(r"[ ]+|(?<=th)(?=[ew])", w) if p]
    if not parts:
        return None
    if len(parts) == 1 and parts[0] in _EN_ADJ:
        return _EN_ADJ[parts[0]]
    letters = "".join(p[0].upper() for p in parts)
    return letters if letters in ("NE", "NW", "SE", "SW") else _EN_ADJ.get(parts[0])


def _mentions(text: str, gaz: Gazetteer) -> list[Any]:
    """Place mentions (``geo.toponyms.find_mentions``), or [] if unavailable."""
    try:
        from geo.toponyms import find_mentions
    except ImportError:  # pragma: no cover - toponyms is part of the package
        return []
    return list(find_mentions(text, gaz))


_NOT_LOCATIONS = ("organisation", "adjective", "demonym")


def _usable(m: Any) -> bool:
    """Mentions that can anchor a claim: places, unresolved names, reference words, and
    "context" mentions that describe a location (not organisation names or adjectives)."""
    st = getattr(m, "status", "")
    if st in ("resolved", "foreign", "unresolved") or getattr(m, "relation", None):
        return True
    reason = (getattr(m, "reason", "") or "").lower()
    return st == "context" and m.place is not None and not any(w in reason for w in _NOT_LOCATIONS)


_TOWN_TYPES = frozenset({"capital", "city", "town"})


def as_town(place: Place | None, surface: str, gaz: Gazetteer) -> Place | None:
    """A district named like its chief town is read as the town («بنغازي» in news = the city).

    Distances and directions in news are measured between towns; a district has no
    meaningful point.  Other places are returned unchanged.
    """
    if place is None or place.feature_type != "district":
        return place
    for name in (surface, place.name_en, place.name_ar):
        if not name:
            continue
        for cand in gaz.lookup(name, limit=8):
            q = cand.place
            if q.feature_type in _TOWN_TYPES and q.admin1 == place.id and cand.how in ("exact", "variant"):
                return q
    return place


def _default_gazetteer() -> Gazetteer:
    from gazetteer import Gazetteer

    return Gazetteer.default()


# --------------------------------------------------------------------------- parse


def parse(text: str, gazetteer: Gazetteer | None = None, *, require_subject: bool = True) -> list[Claim]:
    """All spatial claims in ``text``, in text order.

    A claim asserts a distance, direction or proximity between a named subject and an
    anchor: «مدينة سرت (450 كلم شرق طرابلس)», "Sirte, 450 km east of Tripoli",
    «وادي جارف جنوب غرب سرت».  A spatial phrase with no subject is where an event
    happened («غارات ... قرب قاعدة القرضابية الجوية», "strikes from the sea west of
    Sirte"): it stays in the events (:mod:`geo.extract`) and is not a claim.

    Parameters
    ----------
    text
        Arabic or English text (a whole article or one phrase).
    gazetteer
        A :class:`gazetteer.Gazetteer` (default: ``Gazetteer.default()``).
    require_subject
        True (default): only claims with a subject (a place mention, or in English a
        described subject such as "the power station" before a stated distance).
        False: every spatial phrase, subjectless ones included — for a phrase the user
        gives as a claim and locates himself (``kharita check --claim … --subject``).

    Returns
    -------
    list of Claim
        Empty for empty text.  Claims whose anchor is not a known place keep
        ``anchor=None`` and the words as ``anchor_text`` (distance claims only;
        direction, proximity and containment patterns need a place after them).
    """
    if not text or not text.strip():
        return []
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    folded, offs = _fold(text)
    mentions = sorted((m for m in _mentions(text, gaz) if _usable(m)), key=lambda m: (m.start, -m.end))
    n = len(folded)

    raw: list[tuple[int, int, int, str, str, re.Match]] = []  # (orig start, anchor search pos (orig), prio, kind, lang, m)
    for kind, lang, rx in _RX:
        for m in rx.finditer(folded):
            s = offs[m.start()]
            e = offs[m.end()] if m.end() < n else len(text)
            raw.append((s, e, _PRIORITY[kind], kind, lang, m))
    raw.sort(key=lambda r: (r[2], r[0]))

    taken: list[tuple[int, int]] = []
    found: list[Claim] = []
    for s, e, _prio, kind, lang, m in raw:
        if any(s < te and ts < e for ts, te in taken):
            continue
        anchor_m = _anchor_after(text, e, mentions, s)
        anchor_text = ""
        anchor_place = None
        reason = ""
        if anchor_m is not None:
            anchor_text = anchor_m.text
            anchor_place = as_town(anchor_m.place, anchor_m.text, gaz)
            reason = anchor_m.reason or ""
            end = anchor_m.end
        elif kind in ("distance", "vague_distance"):
            words = re.match(r"\s*([^\s.,;:!?،؛()]+(?: [^\s.,;:!?،؛()]+)?)", text[e:])
            if not words:
                continue
            anchor_text = words.group(1)
            end = e + words.end()
            res = gaz.resolve(anchor_text, Context())
            if res.ok:
                anchor_place = res.place
            reason = res.reason or "not in gazetteer"
        else:
            continue
        g = m.groupdict()
        direction = None
        dist = low = high = None
        unit = hedge = None
        if kind in ("distance", "direction", "vague_distance"):
            if g.get("den"):
                direction = _en_compass(g["den"])
            else:
                direction = _compass(g.get("d1") or g.get("d1b"), g.get("d2") or g.get("d2b"))
        if kind == "distance":
            unit = g["unit"]
            dist = _to_float(g["num"]) * _UNIT_KM.get(unit, 1.0)
            hedge = g.get("hedge")
        elif kind == "vague_distance":
            low, high = VAGUE_RANGES_KM[_VAGUE[g["vague"]]]
            unit = "km"
        elif kind == "containment":
            if g.get("centre"):
                direction = "C" if g["centre"] in ("وسط", "قلب") else None
            elif g.get("cen"):
                direction = _EN_ADJ[g["cen"]]
            elif g.get("cadj"):
                direction = _en_compass(g["cadj"])
            elif g.get("d1"):
                direction = _compass(g["d1"], g.get("d2"))
            elif "centre" in folded[m.end() : m.end() + 20] or "center" in folded[m.end() : m.end() + 20]:
                direction = "C"
        if anchor_m is not None and anchor_m.start < e and kind == "containment" and direction != "C":
            direction = None  # the anchor's own name carries the direction ("eastern Libya")
        claim_text = text[s:end].strip()
        found.append(
            Claim(
                text=claim_text,
                start=s,
                end=end,
                kind=kind,
                anchor_text=anchor_text,
                anchor=anchor_place,
                distance_km=dist,
                distance_low_km=low,
                distance_high_km=high,
                unit=unit,
                direction=direction,
                hedge=hedge,
                language="ar" if lang == "ar" else "en",
                anchor_reason=reason,
            )
        )
        taken.append((s, end))
    found.sort(key=lambda c: (c.start, c.end))
    found = _attach_subjects(text, found, mentions, gaz)
    return [c for c in found if c.subject is not None or c.subject_text] if require_subject else found


def _anchor_after(text: str, pos: int, mentions: Sequence[Any], start: int = -1) -> Any | None:
    """The first place mention at/after ``pos`` separated only by filler words.

    A mention that starts inside the matched pattern also counts when it runs past
    it: a region named with its direction ("eastern Libya") or a reference word
    ("the city centre").
    """
    for m in mentions:
        if m.end <= pos:
            continue
        if m.start < pos:
            if m.start >= start >= 0 or (m.start >= pos - 12 and _ANCHOR_FILLER.match(_fold(text[m.start:pos])[0])):
                return m
            continue
        gap = _fold(text[pos : m.start])[0]
        # proclitics glued to the name («لسرت», «بطرابلس») are outside the mention span
        gap = re.sub(r"(?:^|\s)(?:[وفبكل]|ال|لل)+$", "", gap)
        if len(gap) <= 40 and _ANCHOR_FILLER.match(gap):
            return _past_reference(text, m, mentions)
        return None
    return None


_CENTRE_OF = re.compile(r"^\s*(?:centre|center|downtown|heart)?\s*(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$")


def _past_reference(text: str, m: Any, mentions: Sequence[Any]) -> Any:
    """"the city centre of Sirte": a reference word followed by "(centre) of X" means X."""
    if not getattr(m, "relation", "") and getattr(m, "place", None) is not None:
        return m
    for m2 in mentions:
        if m2.start >= m.end:
            if _CENTRE_OF.match(text[m.end : m2.start].lower()):
                return m2
            break
    return m


#: English prepositions that make "the …" before a claim the location of an event, not its subject.
_LOCATIVE_EN = frozenset({"in", "on", "at", "near", "from", "into", "onto", "to", "toward", "towards", "along",
                          "across", "off", "inside", "outside", "by"})


def _holds(place: Place | None, anchor: Place | None, gaz: Gazetteer, depth: int = 6) -> bool:
    """True when ``anchor`` lies in ``place`` by the gazetteer's parent chain (the hall in Sirte)."""
    if place is None or anchor is None:
        return False
    pid = anchor.parent_id
    for _ in range(depth):
        if not pid:
            return False
        if pid == place.id:
            return True
        parent = gaz.get(pid) if hasattr(gaz, "get") else None
        pid = parent.parent_id if parent is not None else ""
    return False


def _attach_subjects(text: str, claims: list[Claim], mentions: Sequence[Any], gaz: Gazetteer) -> list[Claim]:
    """Give each claim its subject: the place in apposition before it, or the subject of the claim it
    is coordinated with («…، ومئات الكيلومترات من أوروبا»).  Claims with none keep ``subject_text=""``."""
    out: list[Claim] = []
    # anchors of distance/direction claims are reference points, never subjects; the anchor of a
    # proximity/containment claim («في محيط مدينة سرت») is where things are, and an apposition
    # after it («…، معقل التنظيم الواقع على بعد 450 كلم شرق طرابلس») describes that same place
    anchor_spans = set()
    for c in claims:
        if c.kind in ("proximity", "containment"):
            continue
        for m in mentions:
            if c.start <= m.start and m.end <= c.end:
                anchor_spans.add((m.start, m.end))
    prev: Claim | None = None
    for c in claims:
        subj_m = None
        inherited = None
        head = _fold(text[c.start : c.start + 4])[0]
        before = text[max(0, c.start - 6) : c.start]
        if prev is not None and prev.subject_text and (head.startswith("و") or re.search(r"\band\s*$", before)):
            gap = text[prev.end : c.start]
            if not _SENT_BREAK.search(gap) and len(gap.split()) <= SUBJECT_GAP_WORDS:
                inherited = prev
        if inherited is None:
            for m in reversed(mentions):
                if m.end > c.start:
                    continue
                if (m.start, m.end) in anchor_spans or getattr(m, "status", "") == "context":
                    continue
                gap = text[m.end : c.start]
                if _SENT_BREAK.search(gap) or _CLAUSE_BREAK.search(gap) or re.search(r"\d", gap):
                    break  # a figure in between belongs to another statement ("killed 5, …")
                if len(gap.split()) > SUBJECT_GAP_WORDS:
                    break
                # "positions in Sirte near the Ouagadougou hall": a place holding the anchor is where
                # the event is, narrowed by the phrase, not a place the phrase locates
                if not _holds(m.place, c.anchor, gaz):
                    subj_m = m
                break
        if inherited is None and subj_m is None and c.language == "en" and c.kind in ("distance", "vague_distance"):
            # "the power station 23 km west of …" describes that station; "exploded on the coastal
            # road near Harawa" (a preposition before "the …") or a figure-less phrase locates an event
            lead = re.search(r"(?:^|\b(\w+)\s+)([Tt]he (?:[A-Za-z-]+ ){0,3}[A-Za-z-]+),?\s*$",
                             text[max(0, c.start - 60) : c.start])
            if lead and not _CLAUSE_BREAK.search(lead.group(2)) and (lead.group(1) or "").lower() not in _LOCATIVE_EN:
                c = replace(c, subject_text=lead.group(2))
        if inherited is not None:
            c = replace(c, subject_text=inherited.subject_text, subject=inherited.subject)
        elif subj_m is not None:
            c = replace(c, subject_text=subj_m.text, subject=as_town(subj_m.place, subj_m.text, gaz))
        out.append(c)
        prev = c
    return out


# --------------------------------------------------------------------------- check

_AR_COMPASS = {
    "N": "شمال", "NE": "شمال شرق", "E": "شرق", "SE": "جنوب شرق", "S": "جنوب", "SW": "جنوب غرب",
    "W": "غرب", "NW": "شمال غرب", "C": "وسط",
}
_EN_COMPASS = {
    "N": "north", "NE": "north-east", "E": "east", "SE": "south-east", "S": "south", "SW": "south-west",
    "W": "west", "NW": "north-west", "C": "centre",
}
_HEDGE_EN_OF = {
    "نحو": "about", "حوالي": "about", "قرابه": "nearly", "زهاء": "some", "اكثر من": "more than",
    "اقل من": "less than", "ما يقارب": "nearly", "ما يزيد عن": "more than", "ما يزيد علي": "more than",
    "ما لا يقل عن": "at least",
}
_HEDGE_AR_OF = {
    "about": "نحو", "some": "زهاء", "nearly": "قرابة", "around": "حوالي", "roughly": "حوالي",
    "approximately": "حوالي", "almost": "قرابة", "more than": "أكثر من", "less than": "أقل من", "over": "أكثر من",
    "under": "أقل من", "at least": "ما لا يقل عن", "up to": "حتى", "just over": "أكثر بقليل من",
    "just under": "أقل بقليل من", "an estimated": "نحو",
}
_AR_VERDICT = {
    "consistent": "متسق", "consistent_by_road": "متسق بمسافة الطريق", "inconsistent": "غير متسق",
    "unverifiable": "لا يمكن التحقق",
}
_EN_VERDICT = {
    "consistent": "consistent", "consistent_by_road": "consistent by road", "inconsistent": "inconsistent",
    "unverifiable": "unverifiable",
}


def extent_km(place: Place) -> float:
    """Radius (km) of a place's extent: the larger of its ``precision_m`` and its feature-type radius.

    Parameters
    ----------
    place
        Any gazetteer place.

    Returns
    -------
    float
        ``max(precision_m / 1000, FEATURE_RADIUS_KM[feature_type])`` (1 km for an unlisted type).
    """
    return max(place.precision_m / 1000.0, FEATURE_RADIUS_KM.get(place.feature_type, 1.0))


def _prec_km(p: Place | None) -> float:
    return max(p.precision_m, 0.0) / 1000.0 if p is not None else 0.0


def near_limit_km(anchor: Place | None, subject: Place | None = None, tolerances: Tolerances = Tolerances()) -> float:
    """The one "near" rule: how far (km) from the anchor's point a place may lie and still be near it.

    "Near" is measured from the anchor's *edge*: ``max(near_km, near_precision_factor × the
    larger precision of the two places) + the anchor's extent`` (:func:`extent_km`).  «قرب سرت»
    of a village 20 km from Sirte's point holds (15 km + Sirte's 10 km).  :func:`check`
    (proximity claims and the circle of an unlocated subject),
    :func:`geo.relative.locate` ("near X" events) and
    :func:`geo.pytest_plugin.assert_near` all use it.

    Parameters
    ----------
    anchor
        The place something is near; None for a bare point (no extent, no precision).
    subject
        The place said to be near it, when known (its precision widens the limit).
    tolerances
        ``near_km`` and ``near_precision_factor`` (:class:`Tolerances`).

    Returns
    -------
    float
        The limit in km, compared with ``<=`` to the geodesic distance anchor→subject.
    """
    t = tolerances
    edge_km = extent_km(anchor) if anchor is not None else 0.0
    return max(t.near_km, t.near_precision_factor * max(_prec_km(subject), _prec_km(anchor))) + edge_km


def _name(p: Place | None, text: str, lang: str) -> str:
    if lang == "ar" and text and is_arabic(text):
        return text  # as written in the article
    if p is None:
        return text or ("?" if lang == "en" else "؟")
    if lang == "ar":
        return p.name_ar or p.name_en
    return p.name_en or p.name_ar


def _fmt(v: float | None) -> str:
    return "?" if v is None else f"{v:.0f}"


def _point_set(anchor: Place, gaz: Gazetteer) -> list[Place]:
    names = NEAREST_POINT_SETS.get(anchor.name_en, ())
    pts: dict[str, Place] = {}
    for nm in names:
        for cand in gaz.lookup(nm, limit=3):
            p = cand.place
            if cand.how in ("exact", "variant") and p.feature_type not in ("continent", "sea") and p.id != anchor.id:
                pts.setdefault(p.id, p)
                break
    return list(pts.values())


# --------------------------------------------------------------------------- the verdict kernel

#: Hedges that make a stated distance a lower bound ("more than 100 km") …
LOWER_BOUND_HEDGES = frozenset({"more than", "over", "at least", "just over", "اكثر من", "ما يزيد عن", "ما يزيد علي",
                                "ما لا يقل عن"})
#: … or an upper bound ("less than 50 km").  Every other hedge ("about", «نحو») widens a point figure.
UPPER_BOUND_HEDGES = frozenset({"less than", "under", "up to", "just under", "اقل من"})


def hedge_bound(hedge: str | None) -> int:
    """How a hedge reads a distance figure: ``1`` lower bound, ``-1`` upper bound, ``0`` a point figure.

    Parameters
    ----------
    hedge
        The claim's hedge as parsed (folded Arabic or English), or None.

    Returns
    -------
    int
        The ``bound`` code that :func:`check_arrays` takes.
    """
    h = (hedge or "").lower()
    return 1 if h in LOWER_BOUND_HEDGES else -1 if h in UPPER_BOUND_HEDGES else 0


#: Direction states of the kernel: no direction claimed (or nothing measured), too close to
#: measure a bearing, bearing within the tolerance, bearing beyond it.
DIR_NONE, DIR_TOO_CLOSE, DIR_AGREES, DIR_OFF = 0, 1, 2, 3

#: Outcomes of the verdict kernel, by code: (verdict, reason in English, reason in Arabic).
#: ``{tolerance_km}`` is filled in by :func:`check`.
OUTCOMES: tuple[tuple[str, str, str], ...] = (
    ("unverifiable", "nothing to measure", "لا شيء يقاس"),
    ("unverifiable", "too close to measure a direction", "المسافة أقصر من أن يقاس الاتجاه"),
    ("consistent", "the direction agrees", "الاتجاه يوافق"),
    ("inconsistent", "the direction disagrees", "الاتجاه لا يوافق"),
    ("consistent", "straight line agrees (lower bound)", "الخط المستقيم يوافق (حد أدنى)"),
    ("consistent_by_road", "road estimate agrees (lower bound)", "مسافة الطريق توافق (حد أدنى)"),
    ("inconsistent", "both figures are below the bound", "المسافتان أقل من الحد"),
    ("consistent_by_road", "within the bound", "ضمن الحد"),
    ("consistent", "within the bound", "ضمن الحد"),
    ("inconsistent", "straight line exceeds the bound", "الخط المستقيم يتجاوز الحد"),
    ("consistent_by_road", "the road estimate fits best", "مسافة الطريق هي الأقرب"),
    ("consistent", "the straight line fits", "الخط المستقيم يوافق"),
    ("consistent_by_road", "between straight line and road estimate", "بين الخط المستقيم ومسافة الطريق"),
    ("inconsistent", "off by more than {tolerance_km:.0f} km", "الفرق يتجاوز {tolerance_km:.0f} كم"),
)
_OUTCOME_VERDICT = np.array([CODE[v] for v, _en, _ar in OUTCOMES], dtype=np.int8)
(_NOTHING, _TOO_CLOSE, _DIR_AGREES, _DIR_OFF, _LOWER_GEO, _LOWER_ROAD, _LOWER_BELOW, _UPPER_ROAD, _UPPER_WITHIN,
 _UPPER_EXCEEDS, _ROAD_FITS, _GEO_FITS, _BETWEEN, _OFF) = range(len(OUTCOMES))


@dataclass(frozen=True)
class _Verdicts:
    """What the kernel returns, one array entry per row."""

    code: np.ndarray  # int8 index into VERDICTS
    outcome: np.ndarray  # int8 index into OUTCOMES (the distance or direction reason)
    direction_state: np.ndarray  # int8 DIR_* state of a claimed direction
    direction_off_deg: np.ndarray  # |measured − claimed bearing| (NaN: no direction claimed)
    tolerance_km: np.ndarray  # the accepted error on the figure


def _verdict_kernel(
    geodesic_km: np.ndarray,
    bearing_deg: np.ndarray,
    claimed_km: np.ndarray,
    claimed_bearing_deg: np.ndarray,
    road_km: np.ndarray,
    rel_tolerance: np.ndarray | float,
    slack_km: np.ndarray | float,
    bound: np.ndarray | int,
    tolerances: Tolerances,
) -> _Verdicts:
    """The one distance/direction verdict, over arrays: :func:`check` and :func:`check_arrays` both call it.

    Parameters
    ----------
    geodesic_km, bearing_deg
        Measured straight-line distance and initial bearing anchor→subject (NaN: not measurable).
    claimed_km
        The stated figure (NaN: no figure, a direction-only claim).
    claimed_bearing_deg
        Centre of the stated direction (NaN: none).
    road_km
        Road estimate (NaN: none known).
    rel_tolerance
        Relative tolerance of the figure (:meth:`Tolerances.distance_tolerance`).
    slack_km
        Absolute slack: ``abs_km`` plus the uncertainty of both points.  Also the distance under
        which no direction is measured.
    bound
        :func:`hedge_bound` codes: ``1`` "more than", ``-1`` "less than", ``0`` a point figure.
    tolerances
        ``direction_half_width_deg`` and ``accept_between`` (:class:`Tolerances`).

    Returns
    -------
    _Verdicts
        Verdict codes (:data:`CODE`), outcome codes (:data:`OUTCOMES`), direction states
        (``DIR_*``), direction error (deg) and the tolerance on the figure (km).
    """
    t = tolerances
    measured = np.isfinite(geodesic_km)
    has_km = np.isfinite(claimed_km)
    direction_off_deg = np.abs(np.mod(bearing_deg - claimed_bearing_deg + 180.0, 360.0) - 180.0)
    too_close = geodesic_km <= slack_km
    direction_state = np.where(
        measured & np.isfinite(claimed_bearing_deg),
        np.where(too_close, DIR_TOO_CLOSE, np.where(direction_off_deg > t.direction_half_width_deg, DIR_OFF, DIR_AGREES)),
        DIR_NONE,
    ).astype(np.int8)
    tolerance_km = rel_tolerance * np.where(has_km, claimed_km, 0.0) + slack_km
    geo_err_km = np.abs(claimed_km - geodesic_km)
    road_err_km = np.abs(claimed_km - road_km)
    # a point figure: the road estimate fits best, the straight line fits, or the figure lies between them
    between = t.accept_between & (claimed_km >= np.minimum(geodesic_km, road_km)) & (
        claimed_km <= np.maximum(geodesic_km, road_km))
    outcome = np.where(
        (road_err_km <= tolerance_km) & (road_err_km < geo_err_km), _ROAD_FITS,
        np.where(geo_err_km <= tolerance_km, _GEO_FITS, np.where(between, _BETWEEN, _OFF)),
    )
    bound = np.asarray(bound)
    if bound.any():  # bounds ("more than", "less than"); skipped when there are none
        lower, upper = bound > 0, bound < 0
        low_km, high_km = claimed_km - tolerance_km, claimed_km + tolerance_km
        outcome = np.where(lower, np.where(geodesic_km >= low_km, _LOWER_GEO, np.where(
            road_km >= low_km, _LOWER_ROAD, _LOWER_BELOW)), outcome)
        outcome = np.where(upper, np.where(geodesic_km <= high_km, np.where(
            (road_km <= high_km) & (geodesic_km > claimed_km), _UPPER_ROAD, _UPPER_WITHIN), _UPPER_EXCEEDS), outcome)
    direction_only = ~has_km
    if direction_only.any():  # the first four outcomes are the direction states
        outcome = np.where(direction_only, direction_state, outcome)
    outcome = np.where(measured, outcome, _NOTHING).astype(np.int8)
    # a figure with the wrong direction is wrong, whatever the figure
    code = np.where(has_km & (direction_state == DIR_OFF), CODE["inconsistent"], _OUTCOME_VERDICT[outcome])
    return _Verdicts(code.astype(np.int8, copy=False), outcome, direction_state, direction_off_deg, tolerance_km)


def _verdict_one(
    geodesic_km: float,
    bearing_deg: float,
    claimed_km: float,
    claimed_bearing_deg: float,
    road_km: float,
    rel_tolerance: float,
    slack_km: float,
    bound: int,
    tolerances: Tolerances,
) -> tuple[str, int, int, float, float]:
    """:func:`_verdict_kernel` on one row: ``(verdict, outcome, direction_state, direction_off_deg, tolerance_km)``."""
    v = _verdict_kernel(
        np.array([geodesic_km]), np.array([bearing_deg]), np.array([claimed_km]), np.array([claimed_bearing_deg]),
        np.array([road_km]), rel_tolerance, slack_km, bound, tolerances,
    )
    return (VERDICTS[int(v.code[0])], int(v.outcome[0]), int(v.direction_state[0]), float(v.direction_off_deg[0]),
            float(v.tolerance_km[0]))


def _direction_note(state: int, off_deg: float, t: Tolerances) -> tuple[bool | None, str, str]:
    """``(ok or None when unmeasurable, note_en, note_ar)`` of a kernel direction state."""
    if state == DIR_NONE:
        return True, "", ""
    if state == DIR_TOO_CLOSE:
        return None, OUTCOMES[1][1], OUTCOMES[1][2]
    ok = state == DIR_AGREES
    en = f"direction off by {off_deg:.0f}° ({'within' if ok else 'beyond'} ±{t.direction_half_width_deg:g}°)"
    ar = f"فرق الاتجاه {off_deg:.0f}° ({'ضمن' if ok else 'خارج'} ±{t.direction_half_width_deg:g}°)"
    return ok, en, ar


def check(claim: Claim, gazetteer: Gazetteer | None = None, *, tolerances: Tolerances = Tolerances()) -> CheckedClaim:
    """Check one claim: measured figures, verdict and a bilingual one-line explanation.

    Parameters
    ----------
    claim
        A :class:`Claim` (from :func:`parse`, or built by hand).
    gazetteer
        Used only for documented point sets of vague distances (default gazetteer
        when needed).
    tolerances
        See :class:`Tolerances`.

    Returns
    -------
    CheckedClaim
        Never raises for unknown places: the verdict is ``unverifiable`` with the
        reason in the explanation.
    """
    t = tolerances
    subj, anc = claim.subject, claim.anchor
    base: dict[str, Any] = dict(claim=claim, claimed_km=claim.distance_km, direction=claim.direction)

    def done(verdict: str, en: str, ar: str, **kw: Any) -> CheckedClaim:
        en_line = f"{en}: {_EN_VERDICT[verdict]}"
        ar_line = f"{ar}: {_AR_VERDICT[verdict]}"
        return CheckedClaim(
            **base, **kw, verdict=verdict, explanation_en=en_line, explanation_ar=ar_line,
            explanation=ar_line if claim.language == "ar" else en_line,
        )

    s_en, s_ar = _name(subj, claim.subject_text, "en"), _name(subj, claim.subject_text, "ar")
    a_en, a_ar = _name(anc, claim.anchor_text, "en"), _name(anc, claim.anchor_text, "ar")

    if anc is None:
        return done("unverifiable", f"anchor {claim.anchor_text!r} is not in the gazetteer",
                    f"المرجع «{claim.anchor_text}» غير موجود في المعجم الجغرافي")

    # ---- vague distances
    if claim.kind == "vague_distance":
        if subj is None:
            return done("unverifiable", f"no located subject for a vague distance from {a_en}",
                        f"لا يوجد مكان محدد لمسافة تقريبية من {a_ar}")
        if anc.feature_type in AREAL_TYPES:
            pts = _point_set(anc, gazetteer if gazetteer is not None else _default_gazetteer())
            if not pts:
                return done("unverifiable", f"{a_en} is a {anc.feature_type} with no documented point set",
                            f"{a_ar} منطقة واسعة بلا نقاط مرجعية موثقة")
            d, b = inverse_km([subj.lat] * len(pts), [subj.lon] * len(pts), [p.lat for p in pts], [p.lon for p in pts])
            i = int(np.argmin(d))
            km, ref = float(d[i]), pts[i]
            ref_txt_en, ref_txt_ar = f"nearest point of {a_en} ({ref.name_en})", f"أقرب نقطة من {a_ar} ({ref.name_ar or ref.name_en})"
        else:
            km, _b = inverse_km(anc.lat, anc.lon, subj.lat, subj.lon)
            ref_txt_en, ref_txt_ar = a_en, a_ar
        lo, hi = claim.distance_low_km or 0.0, claim.distance_high_km or math.inf
        ok = lo * (1 - t.distance_rel) <= km <= hi * (1 + t.distance_rel)
        en = f"{s_en} is {km:.0f} km from the {ref_txt_en}; claimed {lo:.0f}–{hi:.0f} km"
        ar = f"تبعد {s_ar} {km:.0f} كم عن {ref_txt_ar}؛ الادعاء {lo:.0f}–{hi:.0f} كم"
        return done("consistent" if ok else "inconsistent", en, ar, geodesic_km=km,
                    tolerance=f"range ±{t.distance_rel:.0%}")

    if anc.feature_type in AREAL_TYPES and claim.kind != "containment":
        return done("unverifiable", f"anchor {a_en} is a {anc.feature_type}: no point to measure from",
                    f"المرجع {a_ar} منطقة واسعة لا نقطة يقاس منها")

    # ---- unknown subject: the claim locates it
    if subj is None:
        return _derive(claim, anc, t, done, s_en, s_ar, a_en, a_ar)

    geo_km, bearing = inverse_km(anc.lat, anc.lon, subj.lat, subj.lon)
    measured = bearing_to_compass(bearing)
    figures = dict(geodesic_km=geo_km, bearing_deg=bearing, measured_direction=measured)
    slack_km = t.abs_km + _prec_km(subj) + _prec_km(anc)
    claimed_bearing = compass_to_bearing(claim.direction) if claim.direction not in (None, "C") else math.nan

    if claim.kind == "proximity":
        # measured from the anchor's edge: "near Sirte" / «قرب سرت» of a place 18 km from the city's centre point
        lim = near_limit_km(anc, subj, t)
        en = f"{s_en} is {geo_km:.1f} km from {a_en} (near = within {lim:.0f} km)"
        ar = f"تبعد {s_ar} {geo_km:.1f} كم عن {a_ar} (القرب: ضمن {lim:.0f} كم)"
        return done("consistent" if geo_km <= lim else "inconsistent", en, ar, **figures, tolerance=f"≤ {lim:.0f} km")

    if claim.kind == "containment" and anc.feature_type in ("district", "region"):
        return _areal_containment(claim, subj, anc, geo_km, figures, done, s_en, s_ar, a_en, a_ar,
                                  gazetteer if gazetteer is not None else _default_gazetteer())

    if claim.kind in ("containment", "direction"):
        # the direction alone goes through the same kernel as a figure with a direction
        verdict, _outcome, state, off_deg, _tol = _verdict_one(
            geo_km, bearing, math.nan, claimed_bearing, math.nan, 0.0, slack_km, 0, t)
        dir_ok, dir_note_en, dir_note_ar = _direction_note(state, off_deg, t)

    if claim.kind == "containment":
        ext = extent_km(anc)
        lim = ext * (t.centre_fraction if claim.direction == "C" else 1.0) + _prec_km(subj)
        inside = geo_km <= lim
        part_en = "the centre of " if claim.direction == "C" else ""
        part_ar = "وسط " if claim.direction == "C" else ""
        en = f"{s_en} is {geo_km:.1f} km from {a_en} ({part_en or 'extent '}≤ {lim:.1f} km)"
        ar = f"تبعد {s_ar} {geo_km:.1f} كم عن {part_ar}{a_ar} (الحد {lim:.1f} كم)"
        ok = inside and (claim.direction in (None, "C") or dir_ok is not False)
        if claim.direction not in (None, "C"):
            en += f", {dir_note_en}"
            ar += f"، {dir_note_ar}"
        return done("consistent" if ok else "inconsistent", en, ar, **figures, tolerance=f"≤ {lim:.1f} km")

    if claim.kind == "direction":
        en = f"{s_en} is {geo_km:.0f} km from {a_en} at bearing {bearing:.0f}° ({measured}); claimed {_EN_COMPASS.get(claim.direction or '', '?')}, {dir_note_en}"
        ar = f"تقع {s_ar} على بعد {geo_km:.0f} كم من {a_ar} باتجاه {bearing:.0f}° ({_AR_COMPASS[measured]})؛ الادعاء {_AR_COMPASS.get(claim.direction or '', '؟')}، {dir_note_ar}"
        return done(verdict, en, ar, **figures, tolerance=f"±{t.direction_half_width_deg:g}°")

    # ---- distance
    claimed = float(claim.distance_km or 0.0)
    road = None
    road_method = None
    if not subj.is_foreign and not anc.is_foreign:
        from geo.roads import road_km as _road_km

        est = _road_km(anc.lat, anc.lon, subj.lat, subj.lon)
        road, road_method = est.km, est.method
    figures.update(road_km=road, road_method=road_method)
    rel = t.distance_tolerance(claim.hedge)
    verdict, outcome, state, off_deg, tol = _verdict_one(
        geo_km, bearing, claimed, claimed_bearing, math.nan if road is None else road, rel, slack_km,
        hedge_bound(claim.hedge), t)
    _v, how_en, how_ar = OUTCOMES[outcome]
    how_en, how_ar = how_en.format(tolerance_km=tol), how_ar.format(tolerance_km=tol)
    hedge_en = f"{_HEDGE_EN_OF.get(claim.hedge, claim.hedge)} " if claim.hedge else ""
    hedge_ar = f"{_HEDGE_AR_OF.get(claim.hedge, claim.hedge)} " if claim.hedge else ""
    dir_en = f" {_EN_COMPASS[claim.direction]}" if claim.direction else ""
    dir_ar = f" {_AR_COMPASS[claim.direction]}" if claim.direction else ""
    road_en = f", road ≈ {road:.0f} km" if road is not None else ""
    road_ar = f"، وبالطريق نحو {road:.0f} كم" if road is not None else ""
    en = (f"{s_en} is {geo_km:.0f} km in a straight line from {a_en}{road_en}, bearing {bearing:.0f}° ({measured}); "
          f"claimed {hedge_en}{claimed:.0f} km{dir_en}; {how_en}")
    ar = (f"تبعد {s_ar} عن {a_ar} {geo_km:.0f} كم في خط مستقيم{road_ar}، باتجاه {bearing:.0f}° ({_AR_COMPASS[measured]})؛ "
          f"الادعاء {hedge_ar}{claimed:.0f} كم{dir_ar}؛ {how_ar}")
    if claim.direction:
        _ok, dir_note_en, dir_note_ar = _direction_note(state, off_deg, t)
        en += f"; {dir_note_en}"
        ar += f"؛ {dir_note_ar}"
    return done(verdict, en, ar, **figures,
                tolerance=f"±{rel:.0%}{' (hedged)' if claim.hedge else ''} + {slack_km:.1f} km"
                + (f", {claim.direction} ±{t.direction_half_width_deg:g}°" if claim.direction else ""))


def _areal_containment(claim, subj, anc, geo_km, figures, done, s_en, s_ar, a_en, a_ar, gaz) -> CheckedClaim:
    """Containment in a district or region: a circle is too crude for a large area.

    District: the subject's ``admin1`` must be the district.  Region: the subject
    must be nearer to this region's point than to any other region of the same
    country (a Voronoi partition), ignoring regions nested in it or holding it.
    """
    if anc.feature_type == "district" and subj.admin1:
        ok = subj.admin1 == anc.id
        en = f"{s_en} is in district {subj.admin1} ({'the same as' if ok else 'not'} {a_en})"
        ar = f"{s_ar} تتبع {'' if ok else 'شعبية أخرى غير '}{a_ar}"
        return done("consistent" if ok else "inconsistent", en, ar, **figures, tolerance="admin1")
    cands = [p for p in getattr(gaz, "places", ()) if p.feature_type == anc.feature_type and p.country == anc.country
             and p.id != anc.id]
    peers = [anc]
    if cands:
        # a region nested in the anchor (or holding it) is not a rival: its circle lies inside the other's
        dd, _ = inverse_km([anc.lat] * len(cands), [anc.lon] * len(cands), [p.lat for p in cands], [p.lon for p in cands])
        for p, dk in zip(cands, np.atleast_1d(dd)):
            if dk * 1000.0 >= abs(p.precision_m - anc.precision_m):
                peers.append(p)
    d, _ = inverse_km([subj.lat] * len(peers), [subj.lon] * len(peers), [p.lat for p in peers], [p.lon for p in peers])
    d = np.atleast_1d(d)
    best = peers[int(np.argmin(d))]
    ok = best.id == anc.id
    en = f"{s_en} is {geo_km:.0f} km from the point of {a_en}; nearest {anc.feature_type}: {best.name_en}"
    ar = f"تبعد {s_ar} {geo_km:.0f} كم عن نقطة {a_ar}؛ أقرب منطقة: {best.name_ar or best.name_en}"
    return done("consistent" if ok else "inconsistent", en, ar, **figures, tolerance=f"nearest {anc.feature_type}")


def _derive(claim: Claim, anc: Place, t: Tolerances, done, s_en, s_ar, a_en, a_ar) -> CheckedClaim:
    """Locate an unknown subject from the claim: derived point and uncertainty polygon."""
    who_en = claim.subject_text or "the unlocated subject"
    who_ar = claim.subject_text or "المكان غير المحدد"
    if claim.kind == "distance" and claim.distance_km and claim.direction and claim.direction != "C":
        km = float(claim.distance_km)
        rel = t.distance_tolerance(claim.hedge)
        brg = compass_to_bearing(claim.direction)
        lat, lon = destination(anc.lat, anc.lon, brg, km)
        inner = max(0.0, km * (1 - rel) - _prec_km(anc)) * 1000.0
        outer = (km * (1 + rel) + _prec_km(anc)) * 1000.0
        wkt = ring_to_wkt(sector_lonlat(anc.lat, anc.lon, brg, t.derived_half_width_deg, inner, outer))
        en = f"{who_en} is not in the gazetteer; the claim places it {km:.0f} km {_EN_COMPASS[claim.direction]} of {a_en} (straight line) at {lat:.4f}, {lon:.4f}"
        ar = f"{who_ar} غير موجود في المعجم؛ الادعاء يضعه على بعد {km:.0f} كم {_AR_COMPASS[claim.direction]} {a_ar} عند {lat:.4f}، {lon:.4f}"
        return done("unverifiable", en, ar, derived_lat=lat, derived_lon=lon, derived_wkt=wkt,
                    tolerance=f"±{rel:.0%}, ±{t.derived_half_width_deg:g}°")
    if claim.kind in ("proximity", "containment"):
        if claim.kind == "proximity":
            r = near_limit_km(anc, None, t)  # the places a proximity check would accept
        else:
            r = extent_km(anc) * (t.centre_fraction if claim.direction == "C" else 1.0)
        if claim.kind == "containment" and claim.direction not in (None, "C"):
            brg = compass_to_bearing(claim.direction)
            lat, lon = destination(anc.lat, anc.lon, brg, r / 2)
            wkt = ring_to_wkt(sector_lonlat(anc.lat, anc.lon, brg, t.direction_half_width_deg, 0.0, r * 1000.0))
        else:
            lat, lon = anc.lat, anc.lon
            wkt = ring_to_wkt(circle_lonlat(anc.lat, anc.lon, r * 1000.0))
        en = f"no located subject; the claim places it within {r:.0f} km of {a_en}"
        ar = f"لا يوجد مكان محدد؛ الادعاء يضعه ضمن {r:.0f} كم من {a_ar}"
        return done("unverifiable", en, ar, derived_lat=lat, derived_lon=lon, derived_wkt=wkt, tolerance=f"≤ {r:.0f} km")
    en = f"no located subject for a claim about {a_en}"
    ar = f"لا يوجد مكان محدد للادعاء عن {a_ar}"
    return done("unverifiable", en, ar)


def check_all(claims: Iterable[Claim], gazetteer: Gazetteer | None = None, *, tolerances: Tolerances = Tolerances()) -> list[CheckedClaim]:
    """:func:`check` over many claims."""
    return [check(c, gazetteer, tolerances=tolerances) for c in claims]


def check_text(text: str, gazetteer: Gazetteer | None = None, *, tolerances: Tolerances = Tolerances()) -> list[CheckedClaim]:
    """Parse then check every claim of a text."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    return check_all(parse(text, gaz), gaz, tolerances=tolerances)


# --------------------------------------------------------------------------- vectorised


def check_arrays(
    anchor_lat,
    anchor_lon,
    subject_lat,
    subject_lon,
    claimed_km=None,
    claimed_bearing=None,
    *,
    hedged=None,
    bound=None,
    precision_km=None,
    road_km=None,
    tolerances: Tolerances = Tolerances(),
) -> dict[str, np.ndarray]:
    """Vectorised distance/direction checks over arrays of point pairs.

    Every row gets the verdict :func:`check` gives the same distance or direction claim:
    both call one verdict kernel.

    Parameters
    ----------
    anchor_lat, anchor_lon, subject_lat, subject_lon
        Equal-length arrays (degrees).  Out-of-range or NaN rows get ``unverifiable``.
    claimed_km
        Claimed distances (NaN = no distance claimed).
    claimed_bearing
        Claimed bearing in degrees (NaN = no direction claimed), e.g. from
        :func:`geo.geodesy.compass_to_bearing`.
    hedged
        Boolean array: the claim is hedged (wider tolerance).
    bound
        Integer array from :func:`hedge_bound`: ``1`` the figure is a lower bound ("more
        than"), ``-1`` an upper bound ("less than"), ``0`` (default) a point figure.
    precision_km
        Uncertainty of the two points together (km, default 0), added to the slack as
        :func:`check` adds both places' ``precision_m``.
    road_km
        Road estimates per row; default ``geo.roads.FALLBACK_FACTOR × geodesic``.

    Returns
    -------
    dict
        ``geodesic_km``, ``bearing_deg``, ``road_km`` (float arrays), ``code``
        (int8 index into :data:`VERDICTS`) and ``verdict`` (object array of names).
    """
    from geo.geodesy import geod
    from geo.roads import FALLBACK_FACTOR

    t = tolerances
    alat, alon, slat, slon = (np.asarray(v, dtype=float) for v in (anchor_lat, anchor_lon, subject_lat, subject_lon))
    n = alat.shape[0]
    valid = (
        np.isfinite(alat) & np.isfinite(alon) & np.isfinite(slat) & np.isfinite(slon)
        & (np.abs(alat) <= 90) & (np.abs(slat) <= 90) & (np.abs(alon) <= 180) & (np.abs(slon) <= 180)
    )
    z = np.where(valid, 1.0, np.nan)
    # fresh arrays (× z), so pyproj may work in place; no back azimuth needed.  Invalid rows
    # measure NaN, which the kernel reads as "nothing to measure".
    az, _baz, dist = geod().inv(alon * z, alat * z, slon * z, slat * z, inplace=True, return_back_azimuth=False)
    geo_km = np.asarray(dist) / 1000.0
    bearing = np.mod(np.asarray(az), 360.0)
    ckm = np.full(n, np.nan) if claimed_km is None else np.asarray(claimed_km, dtype=float)
    cbr = np.full(n, np.nan) if claimed_bearing is None else np.asarray(claimed_bearing, dtype=float)
    rel = t.distance_rel if hedged is None else np.where(np.asarray(hedged, dtype=bool), t.distance_rel_hedged, t.distance_rel)
    slack_km = t.abs_km if precision_km is None else t.abs_km + np.asarray(precision_km, dtype=float)
    bnd = 0 if bound is None else np.asarray(bound, dtype=np.int8)
    road = geo_km * FALLBACK_FACTOR if road_km is None else np.asarray(road_km, dtype=float)
    code = _verdict_kernel(geo_km, bearing, ckm, cbr, road, rel, slack_km, bnd, t).code
    return {
        "geodesic_km": geo_km,
        "bearing_deg": bearing,
        "road_km": road,
        "code": code,
        "verdict": np.asarray(VERDICTS, dtype=object)[code],
    }


def check_frame(df, *, tolerances: Tolerances = Tolerances()):
    """:func:`check_arrays` over a pandas DataFrame; returns a copy with result columns.

    Required columns: ``anchor_lat, anchor_lon, subject_lat, subject_lon``;
    optional: ``claimed_km``, ``claimed_bearing`` (or ``direction`` as compass
    names), ``hedged`` and ``bound`` (or ``hedge`` as the hedge words, which give
    both), ``precision_km``, ``road_km``.  Added: ``geodesic_km``, ``bearing_deg``,
    ``road_km``, ``verdict``.

    Raises
    ------
    geo.exc.SchemaError
        When a required column is missing.
    """
    from geo.exc import SchemaError

    need = ("anchor_lat", "anchor_lon", "subject_lat", "subject_lon")
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise SchemaError(f"missing columns {missing}", field=missing[0])

    def col(name: str, dtype: Any) -> np.ndarray | None:
        return df[name].to_numpy(dtype) if name in df.columns else None

    bearing = col("claimed_bearing", float)
    if bearing is None and "direction" in df.columns:
        bearing = np.array([compass_to_bearing(x) if isinstance(x, str) and x else np.nan for x in df["direction"]])
    hedged, bound = col("hedged", bool), col("bound", np.int8)
    if "hedge" in df.columns:
        words = [x if isinstance(x, str) and x else None for x in df["hedge"]]
        hedged = np.array([w is not None for w in words]) if hedged is None else hedged
        bound = np.array([hedge_bound(w) for w in words], dtype=np.int8) if bound is None else bound
    res = check_arrays(
        df["anchor_lat"].to_numpy(float), df["anchor_lon"].to_numpy(float),
        df["subject_lat"].to_numpy(float), df["subject_lon"].to_numpy(float),
        col("claimed_km", float), bearing, hedged=hedged, bound=bound,
        precision_km=col("precision_km", float), road_km=col("road_km", float), tolerances=tolerances,
    )
    out = df.copy()
    out["geodesic_km"] = res["geodesic_km"]
    out["bearing_deg"] = res["bearing_deg"]
    out["road_km"] = res["road_km"]
    out["verdict"] = res["verdict"]
    return out
