"""Spelling-robust name matching: a transliteration-aware key and bounded edit distance.

News spells one Arabic name many ways in Latin script: Zliten / Zlitan, Ajdabiya / Ajdabiyah /
Ijdabiya, Ghadames / Ghadamis, Gharyan / Gheryan / Garian, Beida / Bayda / Baida. Two layers
catch them:

* :func:`latin_key`, a phonetic key: diacritics, apostrophes and articles dropped, the
  digraphs of one Arabic letter made one letter (kh gh sh th dh → k g s t d), q/k/g/c one class
  (Libyan q is spoken g), vowels in three classes (a; e/i/y/ee/ei/ay → i; o/u/w/ou/oo → u),
  doubled letters single, a final -h after a vowel dropped. Names that differ only by such
  choices get the same key.
* an edit distance bounded by length (:data:`LATIN_MIN_RATIO` on keys of at least
  :data:`MIN_FUZZY_LEN` letters, rapidfuzz's C implementation), for a letter added,
  dropped or swapped beyond what the key folds.

Arabic names get the edit distance alone (one letter for names of five letters or more, a swap of two
neighbouring letters counting as one: optimal string alignment),
and only where a cue word («منطقة», «معسكر», «قاعدة»…) says a place name follows: Arabic
words are short and a letter's difference often makes another word.

Every fuzzy match is reported as such (``how`` = ``"phonetic"`` or ``"edit"``) with a lower
score than an exact one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from gazetteer.normalize import is_arabic, name_key
from gazetteer.romanize import romanize
from gazetteer.settings import HEAD_NOUNS_AR

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer.core import Gazetteer

__all__ = ["FuzzyHit", "FuzzyIndex", "latin_key", "MIN_FUZZY_LEN", "LATIN_MIN_RATIO", "ARABIC_MAX_EDITS"]

#: Shortest key (letters, spaces excluded) a fuzzy match is tried on.
MIN_FUZZY_LEN = 5
#: rapidfuzz ``ratio`` (0–100) two Latin keys need to match by edit distance.
LATIN_MIN_RATIO = 88.0
#: Edits allowed between two Arabic names of :data:`MIN_FUZZY_LEN`+ letters.
ARABIC_MAX_EDITS = 1
#: Rule romanisations indexed per Arabic name of a Libyan place.
ROMAN_FORMS = 12

_MARKS = re.compile(r"[\u0300-\u036f]")
_NON_LETTERS = re.compile(r"[^a-z0-9 ]+")  # digits stay: "Street 20" is not the word "street"
# h after the consonant of an Arabic digraph (kh gh sh th dh zh; ch ph) only: the h of "Sabha" is «ه»,
# so Sabha and the Malaysian "Sabah" keep apart
_DIGRAPH_H = re.compile(r"(?<=[cdgkpstz])h")
_FINAL_H = re.compile(r"(?<=[aiu])h\b")
# the final «ة» written -eh ("Mizdeh", "Zawiyeh"): the -a/-ah of the other spellings
_FINAL_EH = re.compile(r"(?<=[a-z])eh\b")
_DOUBLE = re.compile(r"([a-z])\1+")
_VOWELS_RE = re.compile(r"[aiu ]+")  # the vowel classes of latin_key (and spaces): what is left is consonants
# bin/ben/ibn, apart or joined to a name ("Ben Ghazi" / "Benghazi", "Bin Jawad" / "Binjawad")
_LATIN_WORD_RE = re.compile(r"\b(?:ben|bin|ibn|bn)(?:\s+|(?=[b-df-hj-np-tv-z]))")
_LATIN_ABU_RE = re.compile(r"\b(?:abu|abou|bou|bu)\b\s*|\ba(?=bo?u[b-df-hj-np-tv-z])")


@lru_cache(maxsize=65536)
def latin_key(name: str) -> str:
    """Phonetic key of a Latin-script name (see the module docstring).

    >>> latin_key("Ajdabiyah") == latin_key("Ajdabiya"), latin_key("El-Brega") == latin_key("Brega")
    (True, True)
    >>> latin_key("Ben Jawad") == latin_key("Bin Jawad"), latin_key("Sebha") == latin_key("Sabha")
    (True, False)
    >>> latin_key("Mizdeh") == latin_key("Mizdah") == latin_key("Mizda")
    True

    (Sebha / Sabha, Zliten / Zlitan: a and e are other vowel classes; the edit distance joins them.)
    """
    s = unicodedata.normalize("NFKD", name_key(name))
    s = _MARKS.sub("", s).lower()
    s = _NON_LETTERS.sub("", s.replace("-", " "))
    s = _LATIN_WORD_RE.sub("bn", s)
    s = _LATIN_ABU_RE.sub(lambda m: "" if m.group() == "a" else "bu", s)
    s = s.replace("ph", "f")
    s = _FINAL_EH.sub("a", s)
    s = _DIGRAPH_H.sub("", s)
    s = s.translate(_CLASS)
    for pat, rep in _VOWEL_RULES:
        s = pat.sub(rep, s)
    s = _FINAL_H.sub("", s)
    s = _DOUBLE.sub(r"\1", s)
    return " ".join(s.split())


_CLASS = str.maketrans({"q": "k", "g": "k", "c": "k", "v": "f"})
# vowels by class: a; e/i/y/ee/ei/ay/ai → i; o/u/w/ou/oo/aw → u (Beida ~ Bayda, Tajoura ~ Tajura,
# Obari ~ Ubari); runs of one class are one vowel
_VOWEL_RULES = (
    (re.compile(r"ou|oo|aw|au|o|w"), "u"),
    (re.compile(r"ee|ei|ey|ay|ai|ie|e|y"), "i"),
    (re.compile(r"([aiu])\1+"), r"\1"),
)


# Arabic letters news swaps for one another (Libyan g written «ق» «غ» «ك» «ج»; emphatic and plain
# letters): a one-letter difference at the start of a name is allowed within a class («قريان» ~ «غريان»)
_AR_FIRST_CLASS = str.maketrans({"ق": "ك", "غ": "ك", "ج": "ك", "ط": "ت", "ض": "د", "ظ": "ز", "ذ": "ز",
                                 "ص": "س", "ث": "س"})


def _ar_class(ch: str) -> str:
    return ch.translate(_AR_FIRST_CLASS)


def _same_consonants(a: str, b: str) -> bool:
    """Whether two phonetic keys have the same consonants but for at most one substituted letter.

    Spellings of one Arabic name differ in vowels and doubled letters (folded by :func:`latin_key`) and now
    and then in one consonant (Benghazi / Bengasi); a consonant added or dropped makes another name
    (Qaryat / Gharbiyat, Sabha / Sabratha).
    """
    ca, cb = _VOWELS_RE.sub("", a), _VOWELS_RE.sub("", b)
    return len(ca) == len(cb) and sum(x != y for x, y in zip(ca, cb)) <= 1


def _letters(s: str) -> int:
    return sum(1 for c in s if c != " ")


@dataclass(frozen=True, slots=True)
class FuzzyHit:
    """A fuzzy match: the indexed name it reached, its places, how, and a score in (0, 1)."""

    key: str
    name: str
    ids: tuple[str, ...]
    how: str
    score: float


class FuzzyIndex:
    """Phonetic keys and edit-distance candidates of one gazetteer's names.

    Build with :func:`FuzzyIndex.of` (cached per gazetteer object).
    """

    def __init__(self, places: Iterable) -> None:
        places = tuple(places)
        phon: dict[str, dict[str, str]] = {}
        latin: dict[str, dict[str, str]] = {}
        arabic: dict[str, dict[str, str]] = {}
        for p in places:
            for n in p.names:
                k = name_key(n)
                if not k or _letters(k) < MIN_FUZZY_LEN - 1:
                    continue
                # edit distance only reaches Libyan places: a near-miss of a foreign name is
                # more often a person («Sarraj» ~ Syria) than a place
                libyan = getattr(p, "country", "") == "LY"
                if is_arabic(k):
                    if _letters(k) >= MIN_FUZZY_LEN and libyan:
                        arabic.setdefault(k, {})[p.id] = n
                else:
                    lk = latin_key(n)
                    if lk:
                        phon.setdefault(lk, {})[p.id] = n
                        if libyan:
                            latin.setdefault(lk, {})[p.id] = n
        self._add_romanisations(places, phon)
        self._phon = {k: (tuple(sorted(v)), next(iter(v.values()))) for k, v in phon.items()}
        self._latin_keys = sorted(latin)
        self._latin = {k: (tuple(sorted(v)), next(iter(v.values()))) for k, v in latin.items()}
        self._arabic_keys = sorted(arabic)
        self._arabic = {k: (tuple(sorted(v)), next(iter(v.values()))) for k, v in arabic.items()}
        self._memo: dict[str, FuzzyHit | None] = {}  # surface → match (the index is immutable)

    @staticmethod
    def _add_romanisations(places: tuple, phon: dict[str, dict[str, str]]) -> None:
        """Phonetic keys of the rule romanisations (:func:`gazetteer.romanize.romanize`) of Libyan
        places' Arabic names, so an English text reaches a place known by its Arabic name only.

        A key a real Latin name already holds stays that name's; a hit reads as the Arabic name.
        """
        real = set(phon)
        for p in places:
            if getattr(p, "country", "") != "LY":
                continue
            for n in p.names:
                k = name_key(n)
                # «منطقة X», «شعبية X»: English writes the head noun in English
                if not is_arabic(k) or len(k) < MIN_FUZZY_LEN - 1 or k.split(" ", 1)[0] in HEAD_NOUNS_AR:
                    continue
                for form in romanize(n, ROMAN_FORMS, phonetic=True):
                    lk = latin_key(form)
                    if lk not in real and len(lk) - lk.count(" ") >= MIN_FUZZY_LEN:
                        phon.setdefault(lk, {}).setdefault(p.id, n)

    _cache: dict[int, tuple[object, "FuzzyIndex"]] = {}

    @classmethod
    def of(cls, gaz: "Gazetteer") -> "FuzzyIndex":
        """The index of ``gaz`` (built on first use, cached per object)."""
        entry = cls._cache.get(id(gaz))
        if entry is None or entry[0] is not gaz:
            entry = (gaz, cls(gaz.places))
            cls._cache[id(gaz)] = entry
        return entry[1]

    def match(self, surface: str) -> FuzzyHit | None:
        """The best fuzzy candidate for a name as written, or ``None``.

        Latin: same phonetic key (score 0.8), else edit distance on the keys (ratio ≥
        :data:`LATIN_MIN_RATIO`, same first letter; score 0.6–0.7). Arabic: at most
        :data:`ARABIC_MAX_EDITS` edits on names of :data:`MIN_FUZZY_LEN`+ letters, the same first
        letter or one of its class («ق»/«غ»/«ك»/«ج», «ط»/«ت», «ص»/«س»…) (score 0.65).
        """
        if surface in self._memo:
            return self._memo[surface]
        hit = self._match(surface)
        if len(self._memo) < 100_000:
            self._memo[surface] = hit
        return hit

    def _match(self, surface: str) -> FuzzyHit | None:
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        key = name_key(surface)
        if not key or _letters(key) < MIN_FUZZY_LEN:
            return None
        if is_arabic(key):
            if not self._arabic_keys:
                return None
            best = process.extractOne(key, self._arabic_keys, scorer=OSA.distance,
                                      score_cutoff=ARABIC_MAX_EDITS)
            if best is None or best[0] == key or _ar_class(best[0][0]) != _ar_class(key[0]):
                return None
            ids, name = self._arabic[best[0]]
            return FuzzyHit(best[0], name, ids, "edit", 0.65)
        lk = latin_key(surface)
        if not lk:
            return None
        if lk in self._phon:
            ids, name = self._phon[lk]
            return FuzzyHit(lk, name, ids, "phonetic", 0.8)
        if _letters(lk) < MIN_FUZZY_LEN - 1:
            return None
        near = process.extractOne(lk, self._latin_keys, scorer=fuzz.ratio, score_cutoff=LATIN_MIN_RATIO)
        if near is None or near[0][0] != lk[0] or not _same_consonants(lk, near[0]):
            return None
        ids, name = self._latin[near[0]]
        return FuzzyHit(near[0], name, ids, "edit", round(0.6 + 0.1 * (near[1] - LATIN_MIN_RATIO) / (100 - LATIN_MIN_RATIO), 3))
