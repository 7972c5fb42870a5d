"""Place mentions in running text: recognition with the gazetteer, then resolution in context.

Recognition
    One Aho-Corasick automaton (pyahocorasick) over every gazetteer name key
    (:meth:`gazetteer.Gazetteer.index_keys`), built once per gazetteer and cached,
    runs over the normalised document (:func:`gazetteer.normalize.normalize_with_offsets`)
    so every match maps back to the original characters.  A match counts only
    at word boundaries; in Arabic a run of proclitics (:data:`~gazetteer.normalize.PROCLITICS`:
    «و», «ب», «ل», «ال»…) may precede it inside the same word («وبسرت», «بالصابري»).
    The longest match wins; shorter matches inside it are dropped.
Coordinated heads
    «جسر وتقاطع قصر بوهادي» names two features sharing one name: when a head
    noun is coordinated before a name (``X وY N``) the keys ``X N`` and ``Y N`` are
    looked up too; in English ``N X and Y`` ("the Qasr Abu Hadi bridge and
    junction") likewise.  A feature head governing a town names the town's
    feature when the gazetteer has it («المنافذ البحرية لمدينة سرت» → «ميناء سرت»,
    «وسط سرت» → the city-centre feature).  Short keys known only with the article
    («الخمس») need it in the text too, so the number «خمس غارات» is no town.
Context words
    Place words inside organisation names («غرفة عمليات سرت», "Libya Dawn") and
    demonym adjectives («الليبية», "Libyan") are reported with ``status="context"``;
    so is a town governed by an organisation head («ولاية طرابلس», «كتيبة شهداء أبو سليم»,
    "the Benghazi Defence and Misratan Brigades", "Wilayat Barqa", :func:`_org_head`) and
    the subject of a speech verb («قالت طرابلس إن», "Tripoli said");
    a foreign country's adjectives, when they dominate, set the resolver's country.
    A place in a descriptive apposition after another place («سرت، معقل داعش شرق
    طرابلس», see :func:`geo.relative.is_apposition`) is context too.
Reference words
    «المدينة» / "the city" refer back to the last city or town named
    (``relation="same_as"``); «العاصمة» / "the capital" to the capital of the
    country in context (Tripoli for Libya), «العاصمة التشادية» / "the Chadian capital"
    to that country's.  Facility words («الفندق», «المطار», «القاعدة الجوية», «الميناء»,
    «السجن», «الحقل», «الحي»…, "the hotel", "the air base", "the terminal"…) refer back to the
    last facility of their kind named within :data:`_FACILITY_REACH` characters (and the
    same live-blog section); with none they are ordinary words.  A place named right
    after a reference word («القاعدة الجوية في الوطية») names the place itself.
Unknown names
    A word after a place cue («مدينة X», «معسكر X», "the town of X") that the
    gazetteer does not know is kept as ``status="unresolved"``, reason
    ``"not in gazetteer"``.

Nothing here imports geopandas, folium or shapely.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Literal, NamedTuple, Sequence

from gazetteer.model import Context, Place

if TYPE_CHECKING:
    from gazetteer.core import Gazetteer
    from gazetteer.model import Candidate, Resolution
    from geo.relative import RelativeCue
    from geo.text.structure import Sentence
from gazetteer.fuzzy import FuzzyIndex
from geo.text.spans import SpanIndex
from geo.text.numbers import fold_same_length
from geo.text.units import UNIT_AR_RE, UNIT_EN_RE
from gazetteer.normalize import PROCLITICS, is_arabic, name_key, normalize, normalize_with_offsets, split_proclitics
from geo.relative import find_cue, is_apposition  # imported once: cue_before runs for every mention

__all__ = ["Mention", "MentionMatcher", "find_mentions", "matcher_for", "CITY_TYPES"]

#: Feature types a bare «المدينة» / "the city" may refer back to.
CITY_TYPES: frozenset[str] = frozenset({"city", "capital", "town"})

#: Feature types that are broad containers: a finer place named after one is read "in" it.
_CONTAINER_TYPES: frozenset[str] = frozenset({"city", "capital", "town", "village", "district"})

#: Short keys (≤ this many letters) accept only these proclitics (no «ف», «ك»: too many false hits).
_SHORT_KEY_LEN = 3
#: Keys up to this many letters that are only known with the article must be written with it, unless the
#: grammar of a place goes with them: a distance or a direction in brackets after them («بكفرة (300 كلم جنوب
#: جالو)», read in the text as written) or a place noun before them («واحة كفرة», «مدينة خمس», normalised).
_ARTICLE_REQUIRED_LEN = 4
_AR_PLACE_APPOSITION_RE = re.compile(r"\s*\(\s*(?:نحو\s+|حوالي\s+|حوالى\s+|قرابة\s+)?(?:[\d٠-٩]+\s*(?:كم|كلم|كيلو\s*متر\S*|ميل\S*|أميال)\s"
                                     r"|(?:شمال|جنوب|شرق|غرب)\S*\s)")
_AR_PLACE_NOUN_BEFORE_RE = re.compile(r"(?:^|\s)[وب]?(?:مدينه|بلده|واحه|قريه|منطقه) $")
_SHORT_KEY_PROCLITICS: frozenset[str] = frozenset(p for p in PROCLITICS if "ف" not in p and "ك" not in p)

# Reference words (normalised).  Value: (kind, relation)
_AR_REFERENCE = {"المدينه": "city", "البلده": "city", "العاصمه": "capital"}
# "the Libyan capital": a demonym (checked against the lexicon's demonym spans) before "capital"
_EN_DEM_CAPITAL_RE = re.compile(r"\bthe\s+([A-Z][\w-]+)\s+capital\b(?!\s+of\b)")
#: Definite adjectives after «المدينة» that make a name of it (normalised): Medina, a sports or university city.
_AR_REF_NOT_BEFORE = frozenset({"المنوره", "الرياضيه", "الجامعيه", "الطبيه", "الاعلاميه", "الترفيهيه"})
_EN_REFERENCE_RE = re.compile(r"\bthe (city|town|capital)(?:'s)?(?: (centre|center|downtown))?\b(?! of\b)", re.IGNORECASE)

# «المدينة», «بالمدينة», «للمدينة» (ل + ال with the alef elided): group 1 is the word from the article.
_AR_REFERENCE_RE = re.compile(
    r"(?:(?<= )|^)(?:[وف]?[بلك]?(ال(?:مدينه|بلده|عاصمه))|[وف]?ل(ل(?:مدينه|بلده|عاصمه)))(?= |$)"
)

#: Facility reference words («الفندق», "the air base") → feature types of the earlier place they may name,
#: and types they name only with one of some words in a name ("hotel": a building named a hotel).
_FACILITY_TYPES: dict[str, tuple[frozenset[str], dict[str, tuple[str, ...]]]] = {
    "hotel": (frozenset(), {"building": ("hotel", "فندق")}),
    "airport": (frozenset({"airport"}), {"base": ("airport", "airfield", "مطار")}),
    "base": (frozenset({"base"}), {"airport": (" base", "قاعده")}),
    "air base": (frozenset({"base"}), {"airport": ("air base", "airbase", "قاعده")}),
    "camp": (frozenset({"camp"}), {}),
    "port": (frozenset({"port", "oil_terminal"}), {}),
    "terminal": (frozenset({"oil_terminal"}), {}),
    "prison": (frozenset({"prison"}), {}),
    "hospital": (frozenset({"hospital"}), {}),
    "field": (frozenset({"oil_field"}), {}),
    "bridge": (frozenset({"bridge"}), {}),
    "refinery": (frozenset({"refinery"}), {"oil_terminal": ("refinery", "مصفاه")}),
    "village": (frozenset({"village"}), {}),
    "neighbourhood": (frozenset({"neighbourhood"}), {}),
    "oasis": (frozenset({"oasis"}), {}),
}
#: A facility reference word refers back at most this many characters (and not across a live-blog section).
_FACILITY_REACH = 1500
# normalised Arabic facility words (after the article) → kind
_AR_FACILITY = {
    "فندق": "hotel", "مطار": "airport", "قاعده الجويه": "air base", "قاعده": "base", "معسكر": "camp",
    "ثكنه": "camp", "مينا": "port", "مرفا": "port", "سجن": "prison", "مستشفي": "hospital",
    "حقل النفطي": "field", "حقل": "field", "جسر": "bridge", "مصفاه": "refinery", "قريه": "village",
    "حي": "neighbourhood", "واحه": "oasis",
}
_AR_FACILITY_WORDS = "|".join(sorted(_AR_FACILITY, key=len, reverse=True))
# «الفندق», «بالمطار», «للميناء» (ل + ال with the alef elided): group 1/2 is the word from the article;
# group 3 the proclitics before the article
_AR_FACILITY_RE = re.compile(
    rf"(?:(?<= )|^)(?:([وف]?[بلك]?)(ال(?:{_AR_FACILITY_WORDS}))|([وف]?)ل(ل(?:{_AR_FACILITY_WORDS})))(?= |$)"
)
#: Definite adjectives that may follow an Arabic facility word and keep it the same facility.
_AR_FACILITY_ADJ = frozenset({
    "الدولي", "العسكري", "العسكريه", "الجوي", "الجويه", "النفطي", "البحري", "التجاري", "الرئيسي", "الرئيسيه",
    "المدني", "المركزي",
})
# nouns an Arabic facility word is the genitive of, naming another place («طريق المطار»: a road), and
# heads that make it a name («تنظيم القاعدة»)
_AR_FACILITY_NOT_AFTER = frozenset({"طريق", "شارع", "دوار", "تقاطع", "جسر", "تنظيم", "جماعه", "عناصر", "مسلحي"})
_EN_FACILITY_RE = re.compile(
    r"\bthe\s+((?:(?:main|international|military|naval|oil|army)\s+)?"
    r"(hotel|airport|airfield|airstrip|air\s*base|base|camp|barracks|port|harbou?r|prison|jail|hospital|"
    r"oil\s*field|field|oil\s+terminal|terminal|bridge|refinery|village|neighbou?rhood|oasis))(?:['’]s)?\b(?![-'’])",
    re.IGNORECASE,
)
# after an English facility word: a name of its own ("the air base at al-Watiya" checked separately,
# "the port of Sirte"), or a compound naming something else ("the airport road", "the field commander")
_EN_FACILITY_NOT_BEFORE = re.compile(
    r"\s*(?:of\b|road\b|highway\b|city\b|town\b|area\b|commanders?\b|marshal\b|hospitals?\b|offices?\b|"
    r"workers?\b|staff\b|units?\b|[A-Z]\w)"
)
_EN_FACILITY_KIND = {
    "hotel": "hotel", "airport": "airport", "airfield": "air base", "airstrip": "air base", "airbase": "air base",
    "air base": "air base", "base": "base", "camp": "camp", "barracks": "camp", "port": "port", "harbour": "port",
    "harbor": "port", "prison": "prison", "jail": "prison", "hospital": "hospital", "oilfield": "field",
    "oil field": "field", "field": "field", "oil terminal": "terminal", "terminal": "terminal", "bridge": "bridge",
    "refinery": "refinery", "village": "village", "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood",
    "oasis": "oasis",
}

# Cue words before a place name (normalised Arabic, lower-case English).
_AR_CUES = frozenset(
    {"مدينه", "منطقه", "بلده", "قريه", "حي", "معسكر", "مطار", "ميناء", "مينا", "قاعده", "ضاحيه", "جسر", "تقاطع",
     "مستشفي", "سجن"}
)
_AR_CUE_RE = re.compile(
    r"(?:(?<= )|^)(?:[وف]?[بلك]?)(?:" + "|".join(sorted(_AR_CUES, key=len, reverse=True)) + r")(?= |$)"
)
_EN_CUE_RE = re.compile(
    r"\b(?:the\s+)?(?:town|village|city|district|neighbou?rhood|area|region|suburb|port|oasis)\s+of\s+"
    r"((?:[A-Z][\w'’-]+)(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,2})"
)
# "the Zanbaqa district", "the Hamza camp": a capitalised name before a place noun
_EN_CUE_AFTER_RE = re.compile(
    r"\bthe\s+((?:[A-Z][\w'’-]+)(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,2})\s+"
    r"(?:district|neighbou?rhood|suburb|area|camp|barracks|air\s+base|airbase|base|airport|oil\s*field|field|"
    r"oil\s+terminal|port|road|bridge|junction|roundabout|prison|hospital|village|oasis)\b"
)
# Normalised Arabic words after a cue that are descriptions, not names.
_AR_NOT_NAMES = frozenset(
    {
        "الشرقيه", "الغربيه", "الشماليه", "الجنوبيه", "الوسطي", "القديمه", "الجديده", "الساحليه",
        "المدينه", "العاصمه", "الرئيسيه", "العسكريه", "السكنيه", "الصناعيه", "الواقعه", "التي", "الذي",
        "رقم", "عمليات", "كبيره", "صغيره", "اخري", "واحده", "في", "من", "على", "علي", "الي", "عن",
    }
)

_LETTER_RE = re.compile(r"[^\W\d_]")


# «في» as a word of its own right before a name: the name is a location, not part of an organisation's name
# (English names keep "in": "the Shura Council of Mujahideen in Derna" is one name)
_LOCATIVE_BEFORE_RE = re.compile(r"(?:^|(?<=\s))في\s+$")

def _extend_end(text: str, end: int) -> int:
    """Move ``end`` over marks that normalise to nothing but belong to the word (final hamza, harakat)."""
    while end < len(text) and (text[end] in "ءـ" or unicodedata.category(text[end]) in ("Mn", "Cf")):
        end += 1
    return end


_NAME_WORD_SPLIT_RE = re.compile(r"[\s\-\u2010\u2011]+")


_LATIN_RE = re.compile(r"[A-Za-z]")
_ASCII_UPPER_RE = re.compile(r"[A-Z]")


def _capitalised(surface: str) -> bool:
    """A Latin surface with a word that starts with a capital or a digit ("Souq al-Juma", "bin Jawad")."""
    return any(w[:1].isupper() or w[:1].isdigit() for w in _NAME_WORD_SPLIT_RE.split(surface))


def _is_letter(ch: str) -> bool:
    return bool(_LETTER_RE.match(ch))


#: What a mention is: a place resolved in Libya or abroad, a name no place was found for, or a name that only
#: describes (an adjective, an organisation's name, an apposition)
MentionStatus = Literal["resolved", "foreign", "unresolved", "context"]


@dataclass(frozen=True)
class Mention:
    """One place mention in a text.

    Attributes
    ----------
    text
        The words as written (original characters, proclitics other than the article excluded).
    start, end
        Character offsets of ``text`` in the document (``doc[start:end] == text``).
    status
        ``resolved`` (a Libyan place), ``foreign`` (a place abroad), ``context`` (a place
        word that is not a location: organisation name, adjective, description) or
        ``unresolved`` (no usable place; ``reason`` says why).
    reason
        One line: how it was resolved, or why not.
    place
        The gazetteer place, or None.
    candidates
        Other candidates (:class:`gazetteer.model.Candidate`) when the name was ambiguous.
    relation
        ``""`` for the place itself; ``"same_as"`` for a reference word («المدينة»);
        relative locations are added by :mod:`geo.relative`.
    anchor_text
        For reference words: the earlier mention they refer to.
    score
        1.0 for a name matched as indexed; lower for a spelling-variant (fuzzy) match, whose
        ``reason`` starts with "fuzzy".
    """

    text: str
    start: int
    end: int
    status: MentionStatus
    reason: str
    place: Place | None = None
    candidates: tuple[Candidate, ...] = field(default=())
    relation: str = ""
    anchor_text: str = ""
    score: float = 1.0

    @property
    def place_id(self) -> str:
        return self.place.id if self.place is not None else ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready record (keys of ``kharita places find --json``), sorted keys."""
        p = self.place
        return {
            "end": self.end,
            "lat": p.lat if p is not None else None,
            "lon": p.lon if p is not None else None,
            "name_en": p.name_en if p is not None else "",
            "place_id": p.id if p is not None else "",
            "reason": self.reason,
            "relation": self.relation,
            "score": self.score,
            "start": self.start,
            "status": self.status,
            "text": self.text,
        }


class _Hit(NamedTuple):
    """A raw automaton match, in original-text offsets (a named tuple: one is made per match, and a
    tuple is made faster than a frozen dataclass)."""

    start: int  # first char of the name (after proclitics other than the article)
    end: int
    word_start: int  # start of the word holding the name (proclitics included)
    key: str
    ids: tuple[str, ...]
    nstart: int  # offsets in the normalised text
    nend: int
    proclitic: str


class MentionMatcher:
    """The Aho-Corasick automaton over one gazetteer's name keys (build with :func:`matcher_for`)."""

    def __init__(self, gaz: Gazetteer):
        import ahocorasick

        self.gaz = gaz
        self.keys: dict[str, tuple[str, ...]] = dict(gaz.index_keys())
        # short keys whose names always carry the article («الخمس» → «خمس»): in text they need
        # the article too, or the number «خمس غارات» would be the town of Al-Khums
        bare: set[str] = set()
        lower: set[str] = set()
        for p in getattr(gaz, "places", ()):
            for n in p.names:
                nn = normalize(n)
                if nn and not nn.startswith("ال"):
                    bare.add(nn)
                if nn and _LATIN_RE.search(n) and not _capitalised(n):
                    lower.add(nn)
        #: Latin keys the gazetteer writes in lower case: descriptive names ("south of the country", "the oil
        #: crescent region") that text writes in lower case too (other Latin names must be capitalised)
        self.lowercase_keys: frozenset[str] = frozenset(lower)
        self.article_required: frozenset[str] = frozenset(
            k for k in self.keys if is_arabic(k) and len(k.replace(" ", "")) <= _ARTICLE_REQUIRED_LEN and k not in bare
        )
        auto = ahocorasick.Automaton()
        for key, ids in self.keys.items():
            if len(key) >= 2 and ids:
                auto.add_word(key, (key, tuple(ids)))
        auto.make_automaton()
        self.automaton = auto
        #: (name, near ids, parent ids, country) -> Resolution; the gazetteer is immutable
        self.resolve_cache: dict[tuple[Any, ...], Resolution] = {}

    # -- raw matching -----------------------------------------------------------------
    def hits(self, norm: str, offs: Sequence[int], text: str) -> list[_Hit]:
        """All boundary-respecting matches in normalised text, longest first, non-overlapping."""
        raw: list[_Hit] = []
        n = len(norm)
        for nend, (key, ids) in self.automaton.iter(norm):
            nstart = nend - len(key) + 1
            if nend + 1 < n and (_is_letter(norm[nend + 1]) or norm[nend + 1].isdigit()):
                continue  # the name ends inside a word or a number ("District 2" is not "district, 25")
            ws = norm.rfind(" ", 0, nstart) + 1  # start of the word holding the match
            prefix = norm[ws:nstart]
            if key in self.article_required and not prefix.endswith(("ال", "لل")) \
                    and not _AR_PLACE_APPOSITION_RE.match(text, offs[nend] + 1) \
                    and not _AR_PLACE_NOUN_BEFORE_RE.search(norm, max(0, ws - 8), ws):
                continue
            if prefix:
                if not (is_arabic(prefix) and prefix in PROCLITICS):
                    continue
                if len(key.replace(" ", "")) <= _SHORT_KEY_LEN and prefix not in _SHORT_KEY_PROCLITICS:
                    continue
                # keep the article in the surface text («الصابري»), drop و/ب/ل…
                name_n = nstart - 2 if prefix.endswith("ال") else nstart
                if prefix.endswith("لل"):
                    name_n = nstart
            else:
                name_n = nstart
            start = offs[name_n]
            end = offs[nend] + 1
            end = _extend_end(text, end)
            raw.append(_Hit(start, end, offs[ws], key, ids, nstart, nend + 1, prefix))
        raw.sort(key=lambda h: (-(h.nend - h.nstart), h.nstart))
        taken: list[_Hit] = []
        taken_ix = SpanIndex()
        for h in raw:
            if taken_ix.overlaps(h.nstart, h.nend):
                continue
            taken.append(h)
            taken_ix.add(h.nstart, h.nend)
        taken.sort(key=lambda h: h.nstart)
        return taken


_MATCHERS: dict[int, tuple[Gazetteer, MentionMatcher]] = {}


def matcher_for(gaz: Gazetteer) -> MentionMatcher:
    """The cached :class:`MentionMatcher` of a gazetteer object (built on first use)."""
    entry = _MATCHERS.get(id(gaz))
    if entry is None or entry[0] is not gaz:
        entry = (gaz, MentionMatcher(gaz))
        _MATCHERS[id(gaz)] = entry
    return entry[1]


def _default_gazetteer() -> Gazetteer:
    from gazetteer import Gazetteer

    return Gazetteer.default()


def _spans(items: Iterable[Any]) -> list[tuple[int, int]]:
    out = []
    for it in items or ():
        if isinstance(it, tuple):
            out.append((int(it[-2]), int(it[-1])))  # (start, end) or (iso2, start, end)
        else:
            out.append((int(it.start), int(it.end)))
    return out


_CLAUSE_PUNCT_RE = re.compile(r"[.,;:!?،؛]\s|\n")


def _name_part(text: str, s: int, e: int) -> tuple[int, int]:
    """The part of an organisation span that is one name: punctuation ends a name, so "Tripoli. Forces
    loyal…" or "Sirte, Brigade 77" holds no place (English heads end the name, Arabic ones open it)."""
    cuts = list(_CLAUSE_PUNCT_RE.finditer(text, s, e))
    if not cuts:
        return s, e
    if is_arabic(text[s:e]):
        return s, cuts[0].start()
    return cuts[-1].end(), e


def _lexicon_spans(text: str, language: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[str]]:
    """Organisation-name spans, demonym spans and demonym countries from :mod:`geo.text.lexicon`."""
    try:
        from geo.text import lexicon
    except ImportError:  # pragma: no cover - lexicon is part of the package
        return [], [], []
    orgs = [_name_part(text, s, e) for s, e in
            (_spans(lexicon.org_spans(text, language)) if hasattr(lexicon, "org_spans") else [])]
    raw = list(lexicon.demonyms(text, language)) if hasattr(lexicon, "demonyms") else []
    dems = _spans(raw)
    return orgs, dems, [r[0] for r in raw if isinstance(r, tuple) and len(r) == 3]


def _country_context(codes: list[str], default: str = "LY") -> str:
    """The country a text is about: Libya unless another country's adjective clearly dominates
    («القوات العراقية… الجيش العراقي… الموصل»: Iraq), i.e. at least twice and more often than Libya's."""
    if not codes:
        return default
    from collections import Counter

    c = Counter(codes)
    best, n = max(c.items(), key=lambda kv: (kv[1], kv[0] == default))
    if best != default and n >= 2 and n > c.get(default, 0):
        return best
    return default


def _inside(spans: "list[tuple[int, int]] | SpanIndex", start: int, end: int) -> bool:
    if isinstance(spans, SpanIndex):
        return spans.contains(start, end)
    return any(s <= start and end <= e for s, e in spans)


def _word_bounds(norm: str, i: int) -> tuple[int, int]:
    s = norm.rfind(" ", 0, i) + 1  # after the last space before ``i`` (0 when none)
    e = norm.find(" ", i)  # the first space from ``i`` on (the end when none)
    return s, (e if e >= 0 else max(i, len(norm)))


def _prev_word(norm: str, nstart: int) -> tuple[int, int] | None:
    """Bounds of the word before the word containing ``nstart`` (normalised offsets)."""
    ws, _ = _word_bounds(norm, nstart)
    if ws < 2:
        return None
    return _word_bounds(norm, ws - 2)


def _next_word(norm: str, nend: int) -> tuple[int, int] | None:
    if nend + 1 >= len(norm) or norm[nend] != " ":
        return None
    return _word_bounds(norm, nend + 1)


#: Words that govern a place name right after them (normalised): cue nouns, prepositions, directions.
_PLACE_GOVERNORS = frozenset({
    "مدينه", "بلده", "منطقه", "قريه", "حي", "شعبيه", "بلديه", "ضواحي", "محيط", "اطراف", "مدخل", "مطار", "ميناء",
    "في", "من", "الي", "علي", "عن", "قرب", "نحو", "عند", "داخل", "خارج", "بين", "حتي", "مدن",
    "شرق", "غرب", "شمال", "جنوب", "وسط", "شرقي", "غربي", "شمالي", "جنوبي",
}) | _AR_CUES  # «مستشفى الهواري العام», «معسكر الجالط»: a cue noun governs the name too

#: Definite words that may follow a place name without making it a noun + adjective phrase.
_AFTER_NAME_OK = frozenset({
    "الواقع", "الواقعه", "التي", "الذي", "الساحليه", "المجاوره", "القريبه", "الليبيه", "الليبي",
    "الشرقيه", "الغربيه", "الجنوبيه", "الشماليه", "الجديده", "القديمه", "الكبري", "الصغري",
})


def _definite(word: str) -> bool:
    """A normalised word with the article, possibly behind و/ف/ب/ل («الهضبه», «والهضبه», «للهضبه»)."""
    return any(p.endswith(("ال", "لل")) and len(stem) >= 2 for p, stem in split_proclitics(word)[1:])


def _after_verb_subject(norm: str, text: str, offs: Sequence[int], subj: tuple[int, int]) -> bool:
    """True when the word before ``subj`` (normalised bounds) is an Arabic event verb («هاجم», «دخلت»)."""
    vw = _prev_word(norm, subj[0])
    if vw is None:
        return False
    a, b = offs[vw[0]], offs[vw[1] - 1] + 1
    if text[b:offs[subj[0]]].strip():
        return False  # punctuation between the verb and the noun
    from geo.text import lexicon  # the trigger words are the event verbs

    word = text[a:b]
    if normalize(word).lstrip("وف").startswith(("ال", "لل")):
        return False  # «المتظاهرون الراية البيضاء»: a definite trigger word is a noun, not the verb
    return any(t.start == 0 and t.end >= b - a - 1 and t.kind != "statement"
               for t in lexicon.find_triggers(word, "ar"))


def _after_actor(text: str, end: int) -> bool:
    """True when an armed actor's name ends at ``end`` («هاجمت قوات القذافي البريقة»): the definite
    word after it is the verb's object, not an adjective of the actor's last word."""
    from geo.text import lexicon

    window = text[max(0, end - 48):end]
    return any(a.end == len(window) and a.kind in ("state", "non_state", "external")
               for a in lexicon.find_actors(window, "ar", patterns=False))


def _common_word_reading(norm: str, text: str, offs: Sequence[int], h: "_Hit") -> bool:
    """True when a one-word name with the article reads as an ordinary word here.

    Many Libyan towns are ordinary definite words (البيضاء "the white", الخمس "the five",
    القبة "the dome", المرج "the meadow").  Read grammatically: a definite word right after
    a definite noun is its adjective («الراية البيضاء», «البيت الأبيض»), and one followed by a
    definite adjective is a noun it qualifies («القبة الحديدية», «المرج الأخضر»).  A place cue
    or preposition before the name («مدينة البيضاء», «في البيضاء», «بالبيضاء») is never definite
    here, so those readings keep the place.  Punctuation between the words breaks the phrase.
    """
    if " " in h.key or h.proclitic not in ("ال", "لل"):
        return False  # multi-word names, and names with a preposition/conjunction attached
    pw = _prev_word(norm, h.nstart)
    if pw is not None:
        prev = norm[pw[0]:pw[1]]
        gap = text[offs[pw[1] - 1] + 1: offs[h.nstart - len(h.proclitic)]]
        if not gap.strip() and any(stem in _PLACE_GOVERNORS for _p, stem in split_proclitics(prev)):
            return False  # «مدينة الخمس», «في البيضاء», «شرق المرج»: the place reading
        gap = text[offs[pw[1] - 1] + 1: offs[h.nstart - len(h.proclitic)]]
        if _definite(prev) and not gap.strip():
            # verb, subject, object: «هاجم الثوار البريقة», «دخلت القوات الزاوية»: a definite noun right
            # after an event verb is its subject, and the name after it is the object, not an adjective
            return not (_after_verb_subject(norm, text, offs, pw) or _after_actor(text, offs[pw[1] - 1] + 1))
    nw = _next_word(norm, h.nend)
    nw = _next_word(norm, h.nend)
    if nw is not None:
        nxt = norm[nw[0]:nw[1]]
        gap = text[offs[h.nend - 1] + 1: offs[nw[0]]]
        if gap.strip():
            return False
        if _definite(nxt) and nxt not in _AFTER_NAME_OK:
            return True
        # a number word counting the next noun: «الخمس سنوات الماضية» is "the five years"
        from geo.text.numbers import parse_number

        if not nxt.startswith("ال") and parse_number(h.key) is not None:
            return True
    return False


_LATIN_ART_RE = re.compile(r"(?:(?<= )|^)(?:(?:al|el) (?=[a-z])|[ae](sh|th|dh|[dnrstz]) (?=\1[a-z]{3}))")


def _drop_latin_articles(norm: str, offs: list[int]) -> tuple[str, list[int]]:
    """Remove Latin article tokens («al », «el », and «as s…», «es s…», «ar r…» before their own
    consonant) as :func:`name_key` does, keeping offsets."""
    if not _LATIN_ART_RE.search(norm):
        return norm, offs
    keep_n: list[str] = []
    keep_o: list[int] = []
    last = 0
    for m in _LATIN_ART_RE.finditer(norm):
        keep_n.append(norm[last : m.start()])
        keep_o.extend(offs[last : m.start()])
        last = m.end()
    keep_n.append(norm[last:])
    keep_o.extend(offs[last:])
    return "".join(keep_n), keep_o


def _cue_phrase_end(gaz: Gazetteer, norm: str, offs: Sequence[int], text: str, first: tuple[int, int],
                    covered_ix: SpanIndex, items_ix: SpanIndex) -> int | None:
    """End offset (in ``text``) of a two- or three-word name starting at ``first`` (normalised word
    bounds, right after a place cue) that the gazetteer reaches as a whole, by a key, a rule variant,
    the skeleton or a fuzzy match (not by one of its words alone), else ``None``.

    The automaton finds such names when they are spelt as indexed; after a cue the name may carry a
    typo or a variant the index does not hold («منطقة عين زارا», «منطقة سيدي افرج»).
    """
    if not hasattr(gaz, "lookup") or not hasattr(gaz, "places"):
        return None
    words = [first]
    while len(words) < 3:
        nxt = _next_word(norm, words[-1][1])
        if nxt is None or text[offs[words[-1][1] - 1] + 1 : offs[nxt[0]]].strip():
            break  # punctuation ends the name
        w = norm[nxt[0] : nxt[1]]
        if not is_arabic(w) or w in _AR_NOT_NAMES:
            break  # (a later word may start with «ف»/«و»: «سيدي فرج»; the whole must reach a place below)
        words.append(nxt)
    for k in range(len(words), 1, -1):
        s, e = offs[first[0]], _extend_end(text, offs[words[k - 1][1] - 1] + 1)
        if covered_ix.overlaps(s, e) or items_ix.overlaps(s, e):
            continue
        phrase = text[s:e]
        if any(c.how != "partial" for c in gaz.lookup(phrase, limit=3)) or FuzzyIndex.of(gaz).match(phrase) is not None:
            return e
    return None


_QUOTES_OPEN, _QUOTES_CLOSE = "«\"“'‘", "»\"”'’"


def _quoted(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` stands between quotation marks («منطقة « وشتاتة »»): a name, whatever its first letter."""
    before, after = text[max(0, s - 3):s].rstrip(), text[e:e + 3].lstrip()
    return bool(before) and before[-1] in _QUOTES_OPEN and bool(after) and after[0] in _QUOTES_CLOSE


#: Nouns that make a place name with the word after them (normalised): «قصر العلالقة», «بئر الغنم», «عين الغزالة».
#: A name not led by one takes adjectives, not a second word: «بلدة زعفرانة الصغيرة» is Zaafrana.
_AR_NAME_HEADS = frozenset({"قصر", "بئر", "بير", "عين", "وادي", "سوق", "جبل", "راس", "ام", "ابو", "بو", "سيدي", "بن",
                            "بني", "برج", "نجع", "زاويه", "خله", "قاره", "سبخه", "هضبه", "كوبري", "بوابه"})


def _construct_end(norm: str, offs: Sequence[int], text: str, first: tuple[int, int]) -> int | None:
    """End (in ``text``) of an unknown two-word name in the construct state after a cue: a name-making noun
    (:data:`_AR_NAME_HEADS`) and a definite word after it («منطقة قصر العلالقة», «منطقة بئر الغنم»), else ``None``."""
    w1 = norm[first[0]:first[1]]
    nxt = _next_word(norm, first[1])
    if w1 not in _AR_NAME_HEADS or nxt is None or text[offs[first[1] - 1] + 1 : offs[nxt[0]]].strip():
        return None
    w2 = norm[nxt[0]:nxt[1]]
    if not is_arabic(w2) or not w2.startswith("ال") or w2 in _AR_NOT_NAMES or _stem_is_function_word(w2):
        return None
    return _extend_end(text, offs[nxt[1] - 1] + 1)


def _stem_is_function_word(word: str) -> bool:
    """«وهناك», «وقال», «التي»: a conjunction + word, or a function word, is not a place name."""
    if word in _AR_NOT_NAMES:
        return True
    return word[0] in "وف" and len(word) > 3 and not word.startswith(("وادي", "واحه", "ودان"))


def _coordinated(matcher: MentionMatcher, norm: str, offs: Sequence[int], h: _Hit) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """Extra (start, end, key, ids) names made by coordinated head nouns around a hit."""
    keys = matcher.keys
    out: list[tuple[int, int, str, tuple[str, ...]]] = []
    words = h.key.split(" ")
    if is_arabic(h.key):
        # «X وY N» where the hit is «Y N» (found through the proclitic و): add «X N».
        if h.proclitic.startswith("و") and len(words) >= 2:
            pw = _prev_word(norm, h.nstart)
            if pw is not None:
                x = norm[pw[0] : pw[1]]
                for pre, stem in split_proclitics(x):
                    k = name_key(stem + " " + " ".join(words[1:]))
                    if k in keys and k != h.key:
                        out.append((offs[pw[0] + len(pre)], h.end, k, keys[k]))
                        break
        # «X وY N» where the hit is N: add «Y N» and «X N».
        elif not h.proclitic:
            pw = _prev_word(norm, h.nstart)
            if pw is not None and norm[pw[0]] == "و" and pw[1] - pw[0] > 2:
                y = norm[pw[0] + 1 : pw[1]]
                cands = [(offs[pw[0] + 1], y)]
                ppw = _prev_word(norm, pw[0])
                if ppw is not None:
                    for pre, stem in split_proclitics(norm[ppw[0] : ppw[1]]):
                        if name_key(stem + " " + h.key) in keys:
                            cands.append((offs[ppw[0] + len(pre)], stem))
                            break
                for s, head in cands:
                    k = name_key(head + " " + h.key)
                    if k in keys:
                        out.append((s, h.end, k, keys[k]))
    else:
        # "N X and Y": hit "N X" → also "N Y"; hit "N" followed by "X and Y" → "N X", "N Y".
        nw = _next_word(norm, h.nend)
        if nw is not None and norm[nw[0] : nw[1]] == "and":
            yw = _next_word(norm, nw[1])
            if yw is not None and len(words) >= 2:
                y = norm[yw[0] : yw[1]]
                for k in {name_key(" ".join(words[:-1] + [y])), name_key(" ".join(words[:-1] + [y.rstrip("s")]))}:
                    if k in keys and k != h.key:
                        out.append((h.start, offs[yw[1] - 1] + 1, k, keys[k]))
        m = _EN_AND_SHARED_HEAD_RE.match(norm, h.nend) if nw is not None and norm[nw[0]:nw[1]] == "and" else None
        if m is not None:
            # "the El Sharara and El Feel oil fields": the second name with the shared head, made singular
            head = _EN_PLURAL_HEADS.get(re.sub(r"\s+", " ", m.group(2)), m.group(2))
            for k in (name_key(m.group(1).strip() + " " + head), name_key(m.group(1).strip())):
                if k in keys and k != h.key:
                    out.append((offs[m.start(1)], offs[m.end(2) - 1] + 1, k, keys[k]))
                    break
        elif nw is not None:
            aw = _next_word(norm, nw[1])
            if aw is not None and norm[aw[0] : aw[1]] == "and":
                yw = _next_word(norm, aw[1])
                if yw is not None:
                    for w in (nw, yw):
                        head = norm[w[0] : w[1]]
                        for k in {name_key(h.key + " " + head), name_key(h.key + " " + head.rstrip("s"))}:
                            if k in keys:
                                out.append((h.start, offs[w[1] - 1] + 1, k, keys[k]))
    return out


# "X and Y <plural head>": the second of two names that share a feature noun written once in the plural
_EN_PLURAL_HEADS = {"oil fields": "oil field", "oilfields": "oilfield", "fields": "field", "air bases": "air base",
                    "airbases": "airbase", "airports": "airport", "oil terminals": "oil terminal", "terminals": "terminal",
                    "ports": "port", "camps": "camp", "prisons": "prison", "bridges": "bridge", "refineries": "refinery"}
_EN_AND_SHARED_HEAD_RE = re.compile(  # (on the normalised text: lower case)
    r"\s+and\s+((?:the\s+)?(?:[\w'’-]+\s+){1,3}?)(" + "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_EN_PLURAL_HEADS, key=len, reverse=True)) + r")\b")

#: Feature head phrases (normalised) that, governing a place («المنافذ البحرية لمدينة سرت»), name a
#: feature of it: the phrase maps to the head noun gazetteer names use («ميناء سرت»).
_FEATURE_HEADS_AR: dict[str, str] = {
    "المنافذ البحريه": "ميناء", "المنفذ البحري": "ميناء", "الميناء": "ميناء", "ميناء": "ميناء", "مرفا": "ميناء",
    "المرفا": "ميناء", "الساحل": "ساحل", "ساحل": "ساحل", "شاطي": "ساحل", "المطار": "مطار", "مطار": "مطار",
    "وسط": "وسط", "قلب": "وسط",
}
_GENERIC_HEADS = frozenset({"مدينه", "بلده", "قريه", "منطقه"})
_FEATURE_OF_RE = re.compile(
    r"(?:^| )(" + "|".join(sorted(_FEATURE_HEADS_AR, key=len, reverse=True)) + r")(?: (لمدينه|مدينه|في))?$"
)
#: How a text that :data:`_FEATURE_OF_RE` matches ends (a head, or the link after it): any other end
#: is no match, found without trying the pattern at each of its characters.
_FEATURE_OF_ENDINGS = (*_FEATURE_HEADS_AR, "لمدينه", "مدينه", "في")


def _feature_of(matcher: "MentionMatcher", norm: str, offs: Sequence[int], h: _Hit) -> tuple[int, str, tuple[str, ...]] | None:
    """«المنافذ البحرية لمدينة سرت» → (start, «ميناء سرت», ids) when the gazetteer has that feature."""
    if not is_arabic(h.key):
        return None
    ws = h.nstart - len(h.proclitic)
    before = norm[max(0, ws - 40) : ws].rstrip()
    link = h.proclitic
    if link not in ("", "ل", "لل") or not before.endswith(_FEATURE_OF_ENDINGS):
        return None
    m = _FEATURE_OF_RE.search(before)
    if m is None or (link and m.group(2)):
        return None
    head = _FEATURE_HEADS_AR[m.group(1)]
    first, _, rest = h.key.partition(" ")
    base = rest if first in _GENERIC_HEADS and rest else h.key
    for k in (name_key(head + " " + h.key), name_key(head + " " + base)):
        if k in matcher.keys:
            return offs[max(0, ws - 40) + m.start(1)], k, matcher.keys[k]
    return None


def _resolve(gaz: Gazetteer, name: str, ids: tuple[str, ...], near: list[Place], country: str
             ) -> tuple[MentionStatus, str, Place | None, tuple[Candidate, ...]]:
    """Resolve one name: (status, reason, place, candidates)."""
    parents = tuple([p.id for p in near if p.feature_type in _CONTAINER_TYPES])  # (a list is built faster)
    cache = matcher_for(gaz).resolve_cache
    # the cache key is read off ``near`` directly: the Context is only built on a miss
    ck = (name, tuple([p.id for p in near[:6]]), parents[:3], country or "LY")
    res = cache.get(ck)
    if res is None:
        ctx = Context(near=tuple(near[:6]), country=country or "LY", parent_ids=parents[:3])
        res = gaz.resolve(name, ctx)
        if len(cache) > 50_000:
            cache.clear()
        cache[ck] = res
    place = res.place
    if place is None and ids:
        # the automaton matched a key the resolver did not rank: fall back to the indexed ids
        places = [p for p in (gaz.get(i) for i in ids) if p is not None]
        if places:
            place = places[0]
            return ("foreign" if place.is_foreign else "resolved", "indexed name (resolver found none)", place, ())
    if place is None:
        return ("unresolved", res.reason or "not in gazetteer", None, tuple(res.candidates))
    st: MentionStatus = "foreign" if place.is_foreign else "resolved"
    if res.status == "ambiguous":
        return (st, f"ambiguous, best guess: {res.reason}", place, tuple(res.candidates))
    return (st, res.reason, place, tuple(res.candidates))


def cue_before(text: str, start: int, normalized: tuple[str, list[int]] | None,
               cache: dict[int, RelativeCue | None] | None) -> RelativeCue | None:
    """:func:`geo.relative.find_cue` at ``start``, computed once per document position (``cache``)."""
    if cache is None:
        return find_cue(text, start, normalized=normalized)
    if start not in cache:
        cache[start] = find_cue(text, start, normalized=normalized)
    return cache[start]


def _apposition(text: str, start: int, before: list[Mention], normalized: tuple[str, list[int]] | None = None,
                cue_cache: dict[int, RelativeCue | None] | None = None, floor: int = 0,
                gaz: Gazetteer | None = None, place: Place | None = None) -> str:
    """Reason text when the relative phrase before ``start`` describes an earlier place, else ''.

    «سرت، معقل تنظيم داعش شرق طرابلس»: Tripoli only says where Sirte is. The earlier place is in
    the same sentence (it starts at ``floor`` or later): a dateline's city is no apposition. With nothing between
    them, the phrase describes the earlier place when the gazetteer puts it inside ``place`` («حي الفرسان شرقي
    بلدة أوباري», "the Fursan district east of Ubari").
    """
    cue = cue_before(text, start, normalized, cue_cache)
    if cue is None:
        return ""
    prev = next((q for q in reversed(before) if q.end <= cue.start and q.place is not None
                 and q.status in ("resolved", "foreign")), None)
    if prev is not None and prev.start < floor:
        return ""
    if prev is not None and (is_apposition(text, prev.end, cue.start) or (
            gaz is not None and place is not None and prev.place is not None and not text[prev.end:cue.start].strip()
            and prev.place.parent_id and (prev.place.parent_id == place.id or place.id in gaz.ancestor_ids(prev.place.parent_id)))):
        return f"describes where {prev.text} is ({cue.words} …), not an event place"
    return ""


#: English words before a town that name it as where a road or a flight leads: "the road to Sirte", "fled to
#: Tunisia" (one pattern: the city anaphora here and the event place in geo.extract both skip such a town)
ROAD_TO_BEFORE = (r"\b(?:(?:leading|leads|road|roads|highway|route|fled|fleeing|escaped)\s+(?:back\s+)?"
                  r"(?:to|toward|towards|into)|as\s+far\s+as|all\s+the\s+way\s+to)\s+(?:the\s+)?"
                  r"(?:[A-Z][\w'’-]*\s+(?:and|or)\s+)?$")
# «تبعد القطرون 200 كم عن مرزق … وعن مدينة سبها 250 كم», "Sabha lies 640 km from Tripoli and 200 km from Ubari":
# a town a distance is measured from is an anchor, not the subject a later «المدينة» refers to
_FROM_BEFORE_RE = re.compile(
    r"(?:^|\s)[وف]?عن\s+(?:مدينة\s+|بلدة\s+|قرية\s+|العاصمة\s+(?:الليبية\s+)?)?$"
    r"|\bfrom\s+(?:the\s+(?:city|town|village)\s+of\s+|the\s+capital,?\s+)?$", re.IGNORECASE)
# a stated distance (the units are the claims parser's, geo.text.units), over folded text
_DISTANCE_WORD_RE = re.compile(
    rf"\d\s*(?:{UNIT_AR_RE}|{UNIT_EN_RE})(?![\w])|(?:^|\s)(?:تبعد|يبعد|علي\s+بعد)\s", re.IGNORECASE)


def _distance_anchor(text: str, start: int, end: int) -> bool:
    """True when the place at ``start:end`` is what a distance is measured from ("… km from X", «وعن مدينة X … كم»)."""
    return bool(_FROM_BEFORE_RE.search(text, max(0, start - 30), start)) and bool(
        _DISTANCE_WORD_RE.search(fold_same_length(text[max(0, start - 120):end + 60])))


# "rebels fled, heading to Benghazi and Tobruk", «توجهت القوات نحو سرت»: where people went is not the town a
# later "the city" speaks of
_DESTINATION_BEFORE_RE = re.compile(
    r"\b(?:heading|headed|moving|moved|marching|marched|advancing|advanced|retreating|retreated|driving|drove)"
    r"\s+(?:back\s+)?(?:to|toward|towards|into|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+and\s+)?$"
    r"|\b(?:toward|towards|en\s+route\s+to)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+and\s+)?$"
    r"|" + ROAD_TO_BEFORE +
    r"|(?:^|\s)(?:باتجاه|نحو|صوب|بإتجاه)\s+(?:مدينة\s+)?$")


def _capital_of(gaz: Gazetteer, country: str, near: list[Place]) -> Place | None:
    for p in near:
        if p.feature_type == "capital" and p.country == country:
            return p
    caps = [p for p in getattr(gaz, "places", ()) if p.feature_type == "capital" and p.country == country]
    if len(caps) == 1:
        only: Place = caps[0]
        return only
    return None


# the article as written before a capitalised name: al-/Al-/El-/as-/Ash-…, or al/el apart ("al Wattiyah")
_LATIN_ART = r"(?:(?i:al|el|as|ash|ad|az|ar|at|an|es|et|ez|er|en|ed)-|(?:al|el)\s+)"
# (an ayn written as an apostrophe may open the word: "Al 'Awenat", "Jardas al ‘Abed")
_LATIN_WORD = rf"{_LATIN_ART}?['‘’ʿ]?[A-Z][a-zà-ÿ'’ʿ\-]+"
_LATIN_NAME_RE = re.compile(
    rf"(?<![\w'’-]){_LATIN_WORD}(?:\s+(?:(?:bin|ben|ibn|abu|bu)\s+)?{_LATIN_WORD}){{0,2}}"
)
# capitalised words that are never place names in this domain (months, weekdays, titles, org heads)
_LATIN_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday the a an in on at after before during since while when where "
    "libyan libyans islamic national army government council forces force brigade brigades battle general "
    "colonel president minister prime operation revolution revolutionary revolutionaries united nations "
    "state states security ministry marshal field commander spokesman british french american italian "
    "egyptian turkish russian chadian sudanese tunisian algerian arab".split()
)


# words before a name that make it a place: prepositions of place, place nouns, verbs of taking
_LATIN_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|from|to|into|towards?|outside|around|inside|through|via|between|captured|"
    r"seized|took|retook|recaptured|entered|reached|shelled|bombed|struck|attacked|besieged|"
    r"(?:town|city|village|oasis|district|area|region|port|suburb|outskirts|centre|center)(?:\s+of)?|"
    r"(?:residents|people|inhabitants|mayor|municipality|suburbs|streets|heart|edge|entrance|gates|siege|"
    r"battle|fall|capture|liberation|control)\s+of|"
    r"(?:attacks?|assault|offensive|(?:air\s*)?strikes?|raids?|advance|march|push|bombardment|shelling)\s+on|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+of)?)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def _place_words_before(before: str) -> bool:
    """Whether ``_LATIN_PLACE_BEFORE`` finds a match in ``before``. Every phrase of the pattern ends in
    a word and spaces ("word\\s+", IGNORECASE reading «İ ı ſ K» as letters too): a text that does not end
    so is passed over without trying the pattern at each of its characters."""
    head = before.rstrip()
    if len(head) == len(before) or not head or not (
            head[-1].isascii() and head[-1].isalpha() or head[-1] in "\u0130\u0131\u017f\u212a"):
        return False
    return _LATIN_PLACE_BEFORE.search(before) is not None


# words after a name that make it a place: "Gheryan-based", "Gheryan's hospital"
_LATIN_PLACE_AFTER = re.compile(
    r"^(?:-based\b|['’]s\s+(?:main\s+|central\s+|old\s+)?(?:hospital|airport|port|harbou?r|mayor|municipal|"
    r"municipality|outskirts|suburbs?|streets|centre|center|city|residents|districts?|neighbou?rhoods?|"
    r"military\s+council|air\s*base|oil\s+terminal|refinery)\b)",
    re.IGNORECASE,
)
_NAME_TAIL_RE = re.compile(r"(?:['’]s|-based)$", re.IGNORECASE)
# the text says the name is a spelling of one just given: "(also spelled Gwalish or Qwalish)", "also
# transliterated Tawargha, Tawarga or Torghae", "also known as Zuara"
_ALSO_SPELLED_HEAD = re.compile(r"\b(?:also|or|otherwise|variously)\s+(?:spelled|spelt|written|transliterated|"
                                r"romani[sz]ed|rendered|known\s+as|called)\b")
_ALSO_SPELLED_BEFORE = re.compile(
    r"\b(?:also|or|otherwise|variously)\s+(?:spelled|spelt|written|transliterated|romani[sz]ed|rendered|known\s+as|"
    r"called)\s+(?:(?:as\s+)?[A-Z][\w'’-]*\s*(?:,\s*|\s+or\s+|\s+and\s+))*(?:as\s+)?$")
# a list joint between two names: "Sirte, Misrata and Gheryan", "between Gheryan and Tarhouna"
_LIST_JOINT_BEFORE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_LIST_JOINT_AFTER = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_NON_SPACE_RE = re.compile(r"\S+")


def _fuzzy_latin(fi: Any, text: str, known: SpanIndex | None = None,
                 taken: Sequence[SpanIndex] = ()) -> list[tuple[int, int, Any]]:
    """(start, end, FuzzyHit) for capitalised Latin names in ``text`` that only a fuzzy match reaches.

    The longest run of capitalised words is tried first, then its words alone. A name reached
    by a fuzzy match needs the grammar of a place: a preposition of place or a place noun right
    before it ("in Gheryan", "the town of Tarhouna", "residents of Tarhounah", "captured Ijdabiya"),
    a place word right after it ("Gheryan-based", "Gheryan's hospital"), a list joint with a
    Libyan place already found (``known``: "Sirte, Misrata and Gheryan"), or several words that
    match together; so a person ("Wagner", "Shaaban") or an ordinary word ("Civil") is not taken.
    A single word that also occurs in lower case in the text is an ordinary word. Spans that
    overlap one of ``taken`` (names the automaton found) are not tried: the caller drops them.
    """
    out: list[tuple[int, int, Any]] = []
    out_ix = SpanIndex()
    known = known if known is not None else SpanIndex()

    def listed(a: int, b: int) -> bool:
        m = _LIST_JOINT_BEFORE.search(text[max(0, a - 12):a])
        if m is not None and known.covers_point(a - len(m.group()) - 1):
            return True
        m = _LIST_JOINT_AFTER.match(text[b:b + 12])
        return m is not None and known.covers_point(b + len(m.group()))

    lower_words = {w for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}
    # where the text says "also spelled …" (rare: found once, so the names after it are tried cheaply)
    also_ends = [m.end() for m in _ALSO_SPELLED_HEAD.finditer(text)] if "lso" in text or " or " in text else []
    try:
        from geo.text.lexicon import default_lexicon

        lower_words |= default_lexicon().person_words()  # "loyal to Gaddafi": a person, not Gadarfai
    except ImportError:  # pragma: no cover - the lexicon is part of the package
        pass
    for m in _LATIN_NAME_RE.finditer(text):
        words = [(w.start() + m.start(), w.end() + m.start()) for w in _NON_SPACE_RE.finditer(m.group())]
        tried: list[tuple[int, int]] = [(words[0][0], words[-1][1])] if len(words) > 1 else []
        # a word alone, but not the first of two capitalised names that are no place together: "Fathi Bashagha",
        # "Hassan Bin Ali" are a person's names ("In Gheryan": the first word is no name)
        tried += [(a, b) for q, (a, b) in enumerate(words)
                  if q == len(words) - 1 or text[words[q + 1][0]:words[q + 1][1]].lower() in _LATIN_NOT_NAMES
                  or text[a:b].lower() in _LATIN_NOT_NAMES]
        for a, b0 in tried:
            # the possessive and "-based" are not part of the name: "Gheryan's hospital", "Gheryan-based"
            tail = _NAME_TAIL_RE.search(text, a, b0)
            b = tail.start() if tail is not None and tail.start() > a else b0
            span = text[a:b]
            single = " " not in span
            if single and (span.lower() in _LATIN_NOT_NAMES or span.lower() in lower_words):
                continue
            if out_ix.overlaps(a, b) or any(ix.overlaps(a, b) for ix in taken):
                continue
            # (the three tests in the order of their cost: the words before are searched last)
            if single and not (listed(a, b) or _LATIN_PLACE_AFTER.match(text[b:b + 40])
                               or _place_words_before(text[max(0, a - 40):a])
                               or (also_ends and any(0 <= a - x <= 120 for x in also_ends)
                                   and _ALSO_SPELLED_BEFORE.search(text, max(0, a - 120), a))):
                continue
            fh = fi.match(span)
            if fh is not None:
                out.append((a, b, fh))
                out_ix.add(a, b)
                known.add(a, b)
                if (a, b0) == tried[0] and len(words) > 1:
                    break
    return out


#: Organisation heads that govern a place name after them (normalised Arabic, indefinite): «ولاية طرابلس»,
#: «كتيبة شهداء أبو سليم», «سرايا الدفاع عن بنغازي», «قوة حماية طرابلس», «مجلس مصراتة العسكري».
_AR_ORG_HEADS = frozenset({
    "ولايه", "مجلس", "كتيبه", "كتايب", "لوا", "الويه", "سرايا", "قوه", "ثوار", "درع", "ميليشيا", "مليشيا",
    "ميليشيات", "مليشيات", "تنسيقيه",
})
#: Words between such a head and the place (normalised): «شهداء», «الدفاع عن», «حماية», «شورى ثوار».
_AR_ORG_FILLERS = frozenset({
    "شهدا", "ثوار", "الدفاع", "عن", "حمايه", "شوري", "مجاهدي", "احرار", "ابطال", "تحرير", "عمليات", "العمليات",
    "العسكري", "البلدي", "المحلي", "عسكري", "بلدي", "محلي", "ردع", "اسود", "صقور", "فرسان", "حكما", "اعيان",
})
#: Definite heads that govern a place through «ل» («المجلس العسكري لمصراتة»).
_AR_ORG_DEF_HEADS = frozenset({"المجلس", "الكتيبه", "اللوا", "القوه", "الولايه"})
#: English organisation heads after a place ("Benghazi Defence Brigades", "Zintan Revolutionaries' Brigade",
#: "IS's Tripoli Province") or before it with "of" ("Shura Council of Derna"); "Wilayat Barqa".
_EN_ORG_HEADS = frozenset({
    "brigade", "brigades", "battalion", "battalions", "council", "councils", "shura", "revolutionaries",
    "force", "forces", "shield", "province", "wilayat", "wilayah", "militia", "militias",
})
#: Heads that count in lower case too, right after the name ("Misrata brigades"; not "in Sirte forces …").
_EN_ORG_HEADS_LOWER = frozenset({"brigade", "brigades", "battalion", "battalions", "militia", "militias",
                                 "revolutionaries"})
_EN_ORG_FILLER_OK = frozenset({"revolutionary", "security", "islamic", "military", "defence", "defense", "martyrs",
                               "mujahideen", "protection", "local", "joint", "special", "operations", "central"})
_WORD_TOKEN_RE = re.compile(r"\S+")


def _org_head(text: str, s: int, e: int) -> str:
    """The organisation head that makes the place name at ``text[s:e]`` part of an organisation's
    name («ولاية طرابلس», «كتيبة شهداء أبو سليم», "the Benghazi Defence and Misratan Brigades",
    "Misrata Battalion 166", "Wilayat Barqa"), or ''.

    Arabic: an indefinite head before the name, over a few words of the name («شهداء», «الدفاع عن»,
    «حماية»), with nothing but spaces between; a name behind «و»/«ب»/«ف» is no head's genitive.
    English: capitalised words after the name ending in a head (Brigade(s), Battalion, Council, Shura,
    Revolutionaries, Force(s), Shield, Province, Militia), "and" between them; or Wilayat before it.
    """
    if is_arabic(text[s:e]):
        ws = s
        while ws > 0 and not text[ws - 1].isspace():
            ws -= 1
        pro = normalize(text[ws:s]).strip()
        if pro not in ("", "ل"):
            return ""
        end = ws
        for _ in range(4):  # the head and up to three words of the name before the place
            we = end - 1
            if we < 1 or text[we] != " ":
                return ""  # the start of the text, or punctuation/a line break before the word
            wb = text.rfind(" ", 0, we) + 1
            raw = text[wb:we]
            w = normalize(raw)
            if not w or not w.isalpha() or not is_arabic(w):
                return ""  # punctuation or a number ends the phrase
            for p, stem in split_proclitics(w):
                if "ال" in p:
                    continue
                if stem in _AR_ORG_HEADS and not pro and not (stem == "قوه" and "ب" in p):
                    return raw
                if stem in _AR_ORG_DEF_HEADS and pro == "ل" and not p:
                    return raw
            if w not in _AR_ORG_FILLERS:
                return ""
            end = wb
        return ""
    after = text[e:e + 100].split("\n", 1)[0]
    if after[:1] in ("'", "’") or not after[:1].isspace():
        prev = list(_WORD_TOKEN_RE.finditer(text, max(0, s - 30), s))
    else:
        for i, tok in enumerate(_WORD_TOKEN_RE.finditer(after)):
            if i >= 5:
                break
            raw = tok.group()
            core = re.sub(r"(?:['’]s?)?[.,;:!?)\"”]*$", "", raw)
            low = core.lower()
            if low in _EN_ORG_HEADS and (core[:1].isupper() or (i == 0 and low in _EN_ORG_HEADS_LOWER)):
                return core
            if core != raw.rstrip("'’") and not raw.endswith(("'", "’")):
                break  # punctuation after the word ends the name
            if low in ("and", "&") and i > 0:
                continue
            if not (core[:1].isupper() or core.isdigit()) or (low in _LATIN_NOT_NAMES and low not in _EN_ORG_FILLER_OK):
                break
        prev = list(_WORD_TOKEN_RE.finditer(text, max(0, s - 30), s))
    if prev and not text[prev[-1].end():s].strip():
        w = prev[-1].group()
        if w.lower() in ("wilayat", "wilayah") and w[:1].isupper():
            return w
        if w.lower() == "of" and len(prev) >= 2:
            h = prev[-2].group()
            if h.lower() in _EN_ORG_HEADS and h[:1].isupper():
                return h
        if w.lower() == "the" and len(prev) >= 3 and prev[-2].group().lower() == "of":
            h = prev[-3].group()
            if h.lower() in _EN_ORG_HEADS and h[:1].isupper():
                return h
    return ""


#: Words after a reference word that place it relative to another place (normalised).
_RELATIVE_WORDS = frozenset(
    "near south north east west outside from towards toward between off beyond "
    "قرب جنوب شمال شرق غرب جنوبي شمالي شرقي غربي من الي نحو بين عن بالقرب خارج".split()
)


#: Speech verbs (normalised, without «و»/«ف») whose subject before «إن» is a speaker, not a place.
_AR_SPEECH_VERBS = frozenset(
    "قال قالت اكد اكدت اعلن اعلنت اضاف اضافت ذكر ذكرت صرح صرحت افاد افادت اوضح اوضحت نفي نفت زعم زعمت "
    "حذر حذرت اعتبر اعتبرت".split()
)
_AR_THAT = frozenset({"ان", "انه", "انها", "بان", "بانه", "بانها"})
_EN_SPEAKER_AFTER_RE = re.compile(r"\s+(?:said|says|announced|claimed|warned|denied|stated)\b")
_EN_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


def _speaker(text: str, s: int, e: int) -> bool:
    """True when the name is the subject of a speech verb: «قال عمر المختار إن», «أعلنت طرابلس أن»,
    "Tripoli said …" at the start of a sentence (a person, or an authority standing for the town)."""
    if is_arabic(text[s:e]):
        if not text[s - 1:s].isspace() or not text[e:e + 1].isspace() or text[e + 1:e + 2] not in "أإاب":
            return False  # a proclitic on the name («بطرابلس»), punctuation after it, or no «أن» next
        prev = list(_WORD_TOKEN_RE.finditer(text, max(0, s - 20), s))
        nxt = _WORD_TOKEN_RE.match(text, e + 1)
        if not prev or nxt is None or text[prev[-1].end():s].strip():
            return False
        verb = normalize(prev[-1].group())
        if verb[:1] in "وف" and verb[1:] in _AR_SPEECH_VERBS:
            verb = verb[1:]
        return verb in _AR_SPEECH_VERBS and normalize(nxt.group()) in _AR_THAT
    return bool(_EN_SPEAKER_AFTER_RE.match(text, e)) and bool(_EN_SENTENCE_START_RE.search(text, max(0, s - 3), s)) \
        if s >= 3 else bool(_EN_SPEAKER_AFTER_RE.match(text, e))


def _related(gaz: Gazetteer, place: Place, ids: tuple[str, ...]) -> bool:
    """True when one of ``ids`` is ``place``, holds it or lies in it (the gazetteer's parent chain)."""
    if place.id in ids:
        return True
    if not hasattr(gaz, "ancestors"):
        return False
    if any(a.id in ids for a in gaz.ancestors(place)):
        return True
    return any(q is not None and any(a.id == place.id for a in gaz.ancestors(q)) for q in (gaz.get(i) for i in ids))


def _fits_facility(kind: str, place: Place) -> bool:
    """True when ``place`` is a facility a reference word of ``kind`` may name («الفندق»: a hotel)."""
    types, named = _FACILITY_TYPES[kind]
    if place.feature_type in types:
        return True
    words = named.get(place.feature_type)
    if not words:
        return False
    names = " " + " ".join(normalize(n) for n in place.names)
    return any(w in names for w in words)


_PUNCT_STOP_RE = re.compile(r"[.,;:!?،؛()\[\]«»\"“”\n]")


def _following_words(text: str, end: int, n: int) -> list[tuple[int, int]]:
    """Up to ``n`` words right after ``end`` in the same clause (punctuation stops them)."""
    seg = text[end:end + 80]
    stop = _PUNCT_STOP_RE.search(seg)
    if stop is not None:
        seg = seg[:stop.start()]
    return [(end + w.start(), end + w.end()) for w in re.finditer(r"\S+", seg)][:n]


def _facility_refs(text: str, norm: str, offs: Sequence[int], language: str, covered_ix: SpanIndex,
                   items_ix: SpanIndex) -> list[tuple[int, int, str]]:
    """(start, end, kind) of facility reference words: «الفندق», «القاعدة الجوية», "the air base".

    Not when the word is part of a longer name or phrase: the genitive of a road or an
    organisation («طريق المطار», «تنظيم القاعدة»), a noun with an adjective of its own
    («القاعدة الشعبية», «المستشفى الميداني»), the sentence «حكم بالسجن», or "the port of X",
    "the airport road", "the field commander", "the Hotel X".
    """
    out: list[tuple[int, int, str]] = []
    for m in _AR_FACILITY_RE.finditer(norm):
        g = 2 if m.group(2) else 4
        word = m.group(g)[2 if g == 2 else 1:]
        kind = _AR_FACILITY[word]
        s, e = offs[m.start(g)], _extend_end(text, offs[m.end(g) - 1] + 1)
        if covered_ix.overlaps(s, e) or items_ix.overlaps(s, e):
            continue
        pro = m.group(1) if g == 2 else m.group(3) + "ل"
        if kind == "prison" and "ب" in pro:
            continue  # «حكم عليه بالسجن»: a sentence, not a place
        nw = _next_word(norm, m.end())
        if nw is not None and not text[offs[m.end() - 1] + 1:offs[nw[0]]].strip():
            nxt = norm[nw[0]:nw[1]]
            if _definite(nxt) and nxt not in _AR_FACILITY_ADJ:
                continue  # «القاعدة الشعبية», «المستشفى الميداني»: another noun phrase
        pw = _prev_word(norm, m.start())
        if pw is not None and not text[offs[pw[1] - 1] + 1:offs[m.start()]].strip():
            prev = norm[pw[0]:pw[1]]
            if any(stem in _AR_FACILITY_NOT_AFTER for _p, stem in split_proclitics(prev)):
                continue
            if kind == "neighbourhood" and _definite(prev):
                continue  # «الرصاص الحي»: "live", an adjective of the noun before
        out.append((s, e, kind))
    if language == "ar":
        return out
    for m in _EN_FACILITY_RE.finditer(text):
        s, e = m.start(), m.end()
        if covered_ix.overlaps(m.start(1), e) or items_ix.overlaps(m.start(1), e):
            continue
        if _EN_FACILITY_NOT_BEFORE.match(text, e):
            continue
        word = re.sub(r"\s+", " ", m.group(2).lower())
        out.append((s, e, _EN_FACILITY_KIND.get(word, _EN_FACILITY_KIND.get(word.replace(" ", ""), "base"))))
    return out


def find_mentions(
    text: str,
    gaz: Gazetteer | None = None,
    *,
    sentences: Sequence[Sentence] | None = None,
    language: str | None = None,
    normalized: tuple[str, list[int]] | None = None,
    cue_cache: dict[int, RelativeCue | None] | None = None,
) -> list[Mention]:
    """Every place mention in ``text``, in text order, resolved in context.

    Parameters
    ----------
    text
        The decoded document text.
    gaz
        A :class:`gazetteer.Gazetteer` (default: ``Gazetteer.default()``).
    sentences
        Accepted for symmetry with the pipeline (objects with ``start``/``end``);
        the resolver context deliberately runs over the whole document, because
        «المدينة» often refers to a city named paragraphs earlier.
    language
        ``"ar"`` or ``"en"`` (default: guessed from the script).
    normalized
        ``normalize_with_offsets(text)`` if the caller already has it.
    cue_cache
        A dict the caller keeps for the document: relative cues found here are stored by
        position so the caller does not search for them again.

    Returns
    -------
    list of Mention
        Sorted by ``start``; overlapping mentions are possible only for coordinated
        heads («جسر وتقاطع قصر بوهادي»: the bridge and the junction).
    """
    if gaz is None:
        gaz = _default_gazetteer()
    if not text:
        return []
    language = language or ("ar" if is_arabic(text[:2000]) else "en")
    matcher = matcher_for(gaz)
    doc_norm = normalized if normalized is not None else normalize_with_offsets(text)
    norm, offs = _drop_latin_articles(*doc_norm)
    hits = matcher.hits(norm, offs, text)
    orgs, dems, dem_countries = _lexicon_spans(text, language)
    doc_country = _country_context(dem_countries)

    # candidate items: (start, end, kind, payload)
    items: list[tuple[int, int, str, Any]] = []
    covered: list[tuple[int, int]] = []
    items_ix, covered_ix = SpanIndex(), SpanIndex()  # overlap queries in constant time: linear overall
    orgs_ix, dems_ix = SpanIndex(orgs), SpanIndex(dems)

    def add_item(s: int, e: int, kind: str, payload: Any) -> None:
        items.append((s, e, kind, payload))
        items_ix.add(s, e)

    def add_covered(s: int, e: int) -> None:
        covered.append((s, e))
        covered_ix.add(s, e)
    # Latin place names are proper nouns: in a text that uses capitals, a lower-case word is an ordinary
    # word ("told us", "a tip", "I feel"), not the United States, TIP airport or the El Feel field
    cased = _ASCII_UPPER_RE.search(text) is not None
    governed: set[tuple[int, int]] = set()  # Arabic names behind a preposition proclitic
    extra_ix = SpanIndex()  # coordinated names made from a hit before them
    for h in hits:
        if cased and not is_arabic(h.key) and not _capitalised(text[h.start:h.end]) \
                and h.key not in matcher.lowercase_keys:
            continue
        if len(extra_ix) and extra_ix.contains(h.start, h.end):
            continue  # "Mitiga and Benina airports": Benina is the airport's name here, not the town
        if is_arabic(h.key) and _common_word_reading(norm, text, offs, h):
            add_item(h.start, h.end, "common", (h.key, h.ids))
            add_covered(h.word_start, h.end)
            continue
        fo = _feature_of(matcher, norm, offs, h)
        if fo is not None:
            add_item(fo[0], h.end, "name", (fo[1], fo[2]))
            add_covered(fo[0], h.end)
            continue
        extra = _coordinated(matcher, norm, offs, h)
        # the hit is only the shared name when every coordinated name extends it
        # («جسر وتقاطع [قصر بوهادي]»): then the coordinated features replace it
        shared_only = bool(extra) and all(k.endswith(" " + h.key) or k.startswith(h.key + " ") for _, _, k, _ in extra)
        if not shared_only:
            add_item(h.start, h.end, "name", (h.key, h.ids))
            if "ب" in h.proclitic or h.proclitic.startswith("ف") or _LOCATIVE_BEFORE_RE.search(
                    text, max(0, h.word_start - 6), h.word_start):
                # («المجموعات المسلحة في الزاوية»: «في» says where they are)
                governed.add((h.start, h.end))
        for s, e, k, ids in extra:
            add_item(s, e, "name", (k, ids))
            extra_ix.add(s, e)
        add_covered(h.word_start, h.end)

    # spelling variants the automaton cannot see ("Gheryan", "Ijdabiya", "Tarhouna"): capitalised
    # Latin names matched by phonetic key or bounded edit distance (gazetteer.fuzzy)
    if language != "ar":
        fi = FuzzyIndex.of(gaz) if hasattr(gaz, "places") else None
        # Libyan names found so far: a list joint with one of them makes a capitalised word a place
        libyan = SpanIndex((s, e) for s, e, kind, payload in items if kind == "name"
                           and any(getattr(gaz.get(i), "country", "") == "LY" for i in payload[1]))
        for s, e, fh in (_fuzzy_latin(fi, text, libyan, (covered_ix, items_ix)) if fi is not None else ()):
            if covered_ix.overlaps(s, e) or items_ix.overlaps(s, e) \
                    or _inside(orgs_ix, s, e) or _inside(dems_ix, s, e):
                continue
            add_item(s, e, "fuzzy", fh)
            add_covered(s, e)

    # reference words
    dem_iso = dict(zip(dems, dem_countries)) if len(dems) == len(dem_countries) else {}
    dem_at = {s: (e, iso) for (s, e), iso in dem_iso.items()}
    for m in _AR_REFERENCE_RE.finditer(norm):
        g = 1 if m.group(1) else 2
        s, e = offs[m.start(g)], offs[m.end(g) - 1] + 1
        if covered_ix.covers_point(s):
            continue
        ref = _AR_REFERENCE["ال" + m.group(g)[2 if g == 1 else 1:]]
        nw = _next_word(norm, m.end())
        if nw is not None and not text[e:offs[nw[0]]].strip():
            if norm[nw[0]:nw[1]] in _AR_REF_NOT_BEFORE:
                continue  # «المدينة المنورة», «المدينة الرياضية»: a name, not the city named before
            dem = dem_at.get(offs[nw[0]])
            if ref == "capital" and dem is not None:
                ref = "capital@" + dem[1]  # «العاصمة التشادية»: the capital of that country
        add_item(s, e, "ref", ref)
    for m in _EN_REFERENCE_RE.finditer(text):
        s, e = m.start(1), m.end()
        if not covered_ix.covers_point(s):
            kind = "capital" if m.group(1).lower() == "capital" else "city"
            add_item(m.start(), e, "ref", kind + ("+centre" if m.group(2) else ""))
    for m in _EN_DEM_CAPITAL_RE.finditer(text):
        dem = dem_at.get(m.start(1))
        if dem is not None and dem[0] == m.end(1) and not items_ix.overlaps(m.start(), m.end()):
            add_item(m.start(), m.end(), "ref", "capital@" + dem[1])  # "the Libyan capital", "the Chadian capital"

    # unknown names after place cues
    for m in _AR_CUE_RE.finditer(norm):
        # a cue noun without the article governs the following name («مدينة X», «لمعسكر X»)
        nw = _next_word(norm, m.end())
        if nw is None:
            continue
        cand = norm[nw[0] : nw[1]]
        if not is_arabic(cand) or cand in _AR_NOT_NAMES or len(cand) < 3:
            continue
        s, e = offs[nw[0]], _extend_end(text, offs[nw[1] - 1] + 1)
        if _stem_is_function_word(cand) and not _quoted(text, s, e) \
                and not (hasattr(gaz, "places") and FuzzyIndex.of(gaz).match(text[s:e])):
            # «في مدينة وقال»: a conjunction and a word; but a name that begins with «و» or «ف» is a name
            # («مدينة وردامة», «قرية فرزوغة», one letter mistyped: «فرزوة»)
            continue
        if covered_ix.overlaps(s, e) or items_ix.overlaps(s, e):
            continue
        if cand in _AR_REFERENCE or _inside(orgs_ix, s, e):
            continue
        # a name of two or three words after the cue («منطقة عين زارا», «منطقة قصر بن غشيير»)
        e = _cue_phrase_end(gaz, norm, offs, text, nw, covered_ix, items_ix) or _construct_end(norm, offs, text, nw) or e
        add_item(s, e, "unknown", cand)
    for m in (*_EN_CUE_RE.finditer(text), *_EN_CUE_AFTER_RE.finditer(text)):
        s, e = m.start(1), m.end(1)
        if items_ix.overlaps(s, e):
            continue
        add_item(s, e, "unknown", m.group(1))

    # facility reference words («الفندق», "the air base"): the last facility of their kind named before
    frefs = _facility_refs(text, norm, offs, language, covered_ix, items_ix)
    city_refs = [(it[0], it[1]) for it in items if it[2] == "ref" and not it[3].startswith("capital")]
    # a place right after a reference word names the place itself («القاعدة الجوية في الوطية», «المدينة
    # القديمة في طرابلس»): ids of that place, () for a name the gazetteer lacks, None when there is none
    ref_follow: dict[tuple[int, int], tuple[str, ...] | None] = {}
    if frefs or city_refs:
        named = sorted((it for it in items if it[2] in ("name", "fuzzy", "unknown")), key=lambda it: it[0])
        starts = [it[0] for it in named]

        def follow_of(s: int, e: int) -> tuple[str, ...] | None:
            for a, b in _following_words(text, e, 3 if is_arabic(text[s:e]) else 2):
                w = text[a:b]
                if w.lower() in ("and", "or", "و", "أو", "او") or (w[:1] == "و" and len(w) > 1 and not w.startswith(
                        ("وسط", "وادي", "واحة", "ودان", "وراء"))):
                    return None  # «… المدينة وفي مصراتة»: a coordinated clause, not the name of the place
                if normalize(w).lower() in _RELATIVE_WORDS:
                    return None  # "the town near Misrata", «القاعدة جنوب سرت»: where it is, not its name
                j = bisect_left(starts, a)
                it = next((x for x in named[max(0, j - 1):j + 1] if x[0] < b and a < x[1]), None)
                if it is not None:
                    return tuple(it[3][1]) if it[2] == "name" else tuple(it[3].ids) if it[2] == "fuzzy" else ()
            return None

        for s, e in city_refs:
            ref_follow[(s, e)] = follow_of(s, e)
    if frefs:
        actor_ix = SpanIndex()
        if any(k == "base" and is_arabic(text[s:e]) for s, e, k in frefs):
            from geo.text import lexicon  # «القاعدة» may be al-Qaeda: the actors' names say so

            actor_ix = SpanIndex((a.start, a.end) for a in lexicon.find_actors(text, language, patterns=False))
        for s, e, fkind in frefs:
            if actor_ix.overlaps(s, e):
                continue  # «تنظيم القاعدة», «القاعدة في بلاد المغرب»: an actor's name
            add_item(s, e, "facility", (fkind, follow_of(s, e)))

    # live-blog sections (sentence objects with a ``section``): a facility word refers back within one
    sec_starts = [int(x.start) for x in sentences or () if hasattr(x, "section")]
    sec_ids = [int(x.section) for x in sentences or () if hasattr(x, "section")]

    sent_starts = [int(x.start) for x in sentences or ()]

    def sentence_start(pos: int) -> int:
        k = bisect_right(sent_starts, pos) - 1
        return sent_starts[k] if k >= 0 else 0

    def section_at(pos: int) -> int:
        if not sec_starts:
            return 0
        return sec_ids[max(0, bisect_right(sec_starts, pos) - 1)]

    items.sort(key=lambda it: (it[0], -(it[1] - it[0])))
    out: list[Mention] = []
    near: list[Place] = []
    country = doc_country
    dem_done: set[tuple[int, int]] = set()
    for s, e, kind, payload in items:
        surface = text[s:e]
        if kind == "common":
            key, ids = payload
            place = gaz.get(ids[0]) if ids else None
            out.append(Mention(surface, s, e, "context", "common word here (noun + adjective phrase)", place))
            continue
        if kind == "name":
            key, ids = payload
            # a place behind the preposition «ب» (or «ف») is not the genitive of an organisation's head
            # noun: «القوات بمصراتة» is "the forces in Misrata", «قوات مصراتة» the Misrata forces
            if _inside(orgs_ix, s, e) and (s, e) not in governed:
                place = _resolve(gaz, key, ids, near, country)[2] or (gaz.get(ids[0]) if ids else None)
                out.append(Mention(surface, s, e, "context", "organisation name", place))
                continue
            head = _org_head(text, s, e) if (s, e) not in governed else ""
            if head:
                place = _resolve(gaz, key, ids, near, country)[2] or (gaz.get(ids[0]) if ids else None)
                # «ولاية» governs a province of IS in Libya; abroad it is a state («ولاية تكساس»)
                if place is not None and not (normalize(head).endswith("ولايه") and place.is_foreign):
                    out.append(Mention(surface, s, e, "context", f"organisation name (head {head!r})", place))
                    continue
            if (s, e) not in governed and _speaker(text, s, e):
                place = _resolve(gaz, key, ids, near, country)[2] or (gaz.get(ids[0]) if ids else None)
                out.append(Mention(surface, s, e, "context",
                                   "subject of a speech verb: a person or organisation named like the place", place))
                continue
            if _inside(dems_ix, s, e):
                place = gaz.get(ids[0]) if ids else None
                out.append(Mention(surface, s, e, "context", "adjective", place))
                dem_done.add((s, e))
                continue
            # resolve the matched key: the automaton proved it, the surface may span a coordination
            st, reason, place, cands = _resolve(gaz, key, ids, near, country)
            if place is not None:
                why = _apposition(text, s, out, doc_norm, cue_cache, sentence_start(s), gaz, place)
                if why:
                    st, reason = "context", why
            out.append(Mention(surface, s, e, st, reason, place, cands))
            if place is not None:
                near.insert(0, place)
                del near[8:]
        elif kind == "fuzzy":
            fh = payload
            st, reason, place, cands = _resolve(gaz, fh.name, fh.ids, near, country)
            if place is None or st != "resolved":
                continue  # a near-miss of a foreign name, or nothing the resolver accepts: no mention
            head = _org_head(text, s, e)
            if head:
                out.append(Mention(surface, s, e, "context", f"organisation name (head {head!r}); fuzzy "
                                   f"({fh.how}, score {fh.score:.2f}): {surface!r} read as {fh.name!r}", place,
                                   score=fh.score))
                continue
            reason = f"fuzzy ({fh.how}, score {fh.score:.2f}): {surface!r} read as {fh.name!r}; {reason}"
            out.append(Mention(surface, s, e, st, reason, place, cands, score=fh.score))
            near.insert(0, place)
            del near[8:]
        elif kind == "ref":
            if _inside(orgs_ix, s, e):
                continue
            ref_rel = "centre_of" if payload.endswith("+centre") else "same_as"
            payload = payload.split("+")[0]
            if payload.startswith("capital"):
                # the capital of the country the text speaks of last: a capital named more recently than
                # any country («… 75 km from Tripoli … the capital») is that capital's country
                last = next((p for p in near if p.feature_type in ("country", "capital")), None)
                foreign_country = last.country if last is not None else ""
                cap_country = foreign_country if foreign_country and foreign_country != "LY" else country
                if payload.startswith("capital@"):
                    cap_country = payload[len("capital@"):]  # «العاصمة التشادية», "the Libyan capital"
                place = _capital_of(gaz, cap_country, near)
                if place is None:
                    out.append(Mention(surface, s, e, "unresolved", "reference word: no capital known for the context", None, relation="same_as"))
                    continue
                st = "foreign" if place.is_foreign else "resolved"
                out.append(Mention(surface, s, e, st, f"reference word: the capital ({place.name_en})", place, relation=ref_rel, anchor_text=place.name_en))
                continue
            prev = None
            fallback = None
            for earlier in reversed(out):
                if earlier.place is None or earlier.status not in ("resolved", "foreign"):
                    continue
                if earlier.place.feature_type in CITY_TYPES:
                    if earlier.relation != "same_as" and (
                            cue_before(text, earlier.start, doc_norm, cue_cache) is not None
                            or _DESTINATION_BEFORE_RE.search(text[max(0, earlier.start - 40):earlier.start])
                            or _distance_anchor(text, earlier.start, earlier.end)):
                        # "Zawia was the rebel city closest to Tripoli … The city was besieged": a town named as
                        # the anchor of a relative phrase, or as where a road leads, is not the subject
                        fallback = fallback or (earlier, earlier.place)
                        continue
                    prev = (earlier, earlier.place)
                    break
                # a fine place names its city: «ميناء سرت … وسط المدينة», "the port of Sirte … the city centre"
                city = next((a for a in gaz.ancestors(earlier.place) if a.feature_type in CITY_TYPES), None) \
                    if hasattr(gaz, "ancestors") else None
                if city is not None:
                    prev = (earlier, city)
                    break
            if prev is None or (fallback is not None and prev[0].end < fallback[0].start - 400):
                prev = fallback or prev  # (only the anchor was named lately: it is what remains)
            follow = ref_follow.get((s, e))
            if follow is not None and (prev is None or not _related(gaz, prev[1], follow)):
                continue  # «المدينة القديمة في طرابلس»: the name after the word says which city
            if prev is None:
                out.append(Mention(surface, s, e, "unresolved", "reference word: no city named before", None, relation="same_as"))
                continue
            m0, place = prev
            st = "foreign" if place.is_foreign else "resolved"
            # a chain of reference words («… المدينة … المدينة») refers to the name the first one refers to
            anchor = m0.anchor_text if m0.relation in ("same_as", "centre_of") and m0.anchor_text else m0.text
            if place is not m0.place:  # the city of a fine place: the city's own name
                anchor = place.name_ar if is_arabic(surface) and place.name_ar else place.name_en
            out.append(Mention(surface, s, e, st, f"reference word: refers back to {anchor}", place, relation=ref_rel,
                               anchor_text=anchor))
            near.insert(0, place)
            del near[8:]
        elif kind == "facility":
            fkind, follow = payload
            sec = section_at(s)
            ante = None
            for earlier in reversed(out):
                if s - earlier.end > _FACILITY_REACH or section_at(earlier.start) != sec:
                    break
                if earlier.place is not None and earlier.status in ("resolved", "foreign") \
                        and _fits_facility(fkind, earlier.place):
                    ante = earlier
                    break
            if ante is None or ante.place is None:
                continue  # no such facility named just before: an ordinary word
            place = ante.place
            if follow is not None and not _related(gaz, place, follow):
                continue  # «القاعدة الجوية في الوطية»: the words name a facility of another place
            st = "foreign" if place.is_foreign else "resolved"
            anchor = ante.anchor_text if ante.relation == "same_as" and ante.anchor_text else ante.text
            out.append(Mention(surface, s, e, st, f"reference word: refers back to {anchor}", place,
                               relation="same_as", anchor_text=anchor))
            near.insert(0, place)
            del near[8:]
        else:  # unknown
            lk = gaz.lookup(surface, limit=3) if hasattr(gaz, "lookup") else []
            if " " in surface and is_arabic(surface):
                lk = [c for c in lk if c.how != "partial"]  # a phrase after a cue is one name or none
            if lk:
                st, reason, place, cands = _resolve(gaz, surface, tuple(c.place.id for c in lk), near, country)
                out.append(Mention(surface, s, e, st, reason, place, cands))
                if place is not None:
                    near.insert(0, place)
                continue
            # a cue word says a name follows: one mistyped letter in a long name is still that name
            fh = FuzzyIndex.of(gaz).match(surface) if hasattr(gaz, "places") else None
            if fh is not None:
                st, reason, place, cands = _resolve(gaz, fh.name, fh.ids, near, country)
                if place is not None and st == "resolved":
                    reason = f"fuzzy ({fh.how}, score {fh.score:.2f}) after a place cue: {surface!r} read as {fh.name!r}; {reason}"
                    out.append(Mention(surface, s, e, st, reason, place, cands, score=fh.score))
                    near.insert(0, place)
                    continue
            out.append(Mention(surface, s, e, "unresolved", "not in gazetteer", None))
    # demonyms that did not overlap a name: context (they may set the country)
    out_ix = SpanIndex((m.start, m.end) for m in out)
    for s, e in dems:
        if (s, e) in dem_done or out_ix.overlaps(s, e):
            continue
        out.append(Mention(text[s:e], s, e, "context", "adjective", None))
    out.sort(key=lambda m: (m.start, m.end))
    return out
