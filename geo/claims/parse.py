"""Parsing spatial claims from text ("450 km east of Tripoli"): :func:`parse`.

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

The verdicts are :mod:`geo.claims.check`'s.  Nothing here imports geopandas, folium or shapely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Sequence

from gazetteer.model import Context, Place
from gazetteer.normalize import AR_MARKS, SAME_LENGTH_FOLD
from geo.text.units import UNIT_AR_RE, UNIT_EN_RE, km_per_unit

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["Claim", "KINDS", "SUBJECT_GAP_WORDS", "VAGUE_RANGES_KM", "as_town", "parse"]

KINDS = ("distance", "direction", "proximity", "containment", "vague_distance")

#: Most words allowed between a subject mention and its claim (apposition / relative clause).
SUBJECT_GAP_WORDS = 6

#: Ranges (km) of vague magnitudes: tens, hundreds, thousands.
VAGUE_RANGES_KM: dict[str, tuple[float, float]] = {
    "tens": (10.0, 100.0), "hundreds": (100.0, 1000.0), "thousands": (1000.0, 10000.0),
}


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


# --------------------------------------------------------------------------- folding

_DROP = AR_MARKS
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
_UNIT_AR = UNIT_AR_RE
_HEDGE_EN = r"(?:about|some|nearly|around|roughly|approximately|almost|more than|less than|over|under|at least|up to|just over|just under|an estimated|approx\.?)"
_UNIT_EN = UNIT_EN_RE

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
            dist = _to_float(g["num"]) * km_per_unit(unit)
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
        if anchor_m is not None and anchor_m.start <= s and kind == "direction" and dist is None:
            # «بنغازي شرق البلاد», "Sabha, south of the country": the direction word begins the region's own
            # name, so the phrase says the subject is in that region
            kind = "containment"
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
