"""The usual Latin romanisations of an Arabic place name, by rule.

News and data sets write one Arabic name many ways: «قصر أبو هادي» is Qasr Abu Hadi, Gasr
Bu Hadi, Qasr Bou Hadi; «الزاوية» is Az-Zawiya, Al-Zawiya, Zawiya, Azzawiya. The rules:

* consonants by their usual Latin letters, with the common alternatives: ق → q/g/k,
  ج → j/g/dj, غ → gh/g, ش → sh/ch, ث → th/t, ذ → dh/d/z, ظ → dh/z/d, ض → d/dh;
  ع and ء are dropped (they are written as a vowel or an apostrophe);
* long vowels: ا → a; و → u/ou/o (w as a consonant, next to a vowel); ي → i/ee/y
  (y as a consonant); word-final ة / ه → a/ah; ى → a;
* short vowels are not written in Arabic: a word that starts with two consonants gets one
  after its first (a, i, u, or none, as Libyan spellings such as Zliten and Zwara have it);
  a final pair of consonants after a long vowel gets one between them (Zlitan/Zliten);
* the article: al-/el-, assimilated before the sun letters (as-, ash-, az-, ar-…), joined
  (Azzawiya, Alkhums), or dropped;
* بن / ابن → bin/ben/ibn; أبو / بو (apart, or joined to the next name) → abu/bu/bou/abou;
* doubled letters single (shadda is not written).

:func:`romanize` returns at most ``limit`` forms, the most usual first, always ASCII and
always the same for the same input. They are for matching (:mod:`gazetteer.fuzzy` indexes
their phonetic keys), not for display. With ``phonetic=True`` it keeps one spelling of the
alternatives that :func:`gazetteer.fuzzy.latin_key` does not tell apart (q/g/k, u/ou/o,
i/ee/y, a/ah, abu/bu/bou, bin/ben/ibn, al-/el-/as-), which is several times fewer forms for
the same keys.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["romanize", "MAX_FORMS"]

#: Most forms :func:`romanize` returns for one name.
MAX_FORMS = 48

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200c-\u200f\u061c\ufeff]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ی": "ي", "ک": "ك", "گ": "ق", "ڨ": "ق",
    "ڤ": "ف", "پ": "ب", "چ": "ج", "ۀ": "ة", "ھ": "ه",
})
#: consonant → Latin options, the usual one first
_CONSONANTS: dict[str, tuple[str, ...]] = {
    "ب": ("b",), "ت": ("t",), "ث": ("th", "t"), "ج": ("j", "g", "dj"), "ح": ("h",), "خ": ("kh",),
    "د": ("d",), "ذ": ("dh", "d", "z"), "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh", "ch"),
    "ص": ("s",), "ض": ("d", "dh"), "ط": ("t",), "ظ": ("dh", "z", "d"), "ع": ("",), "غ": ("gh", "g"),
    "ف": ("f",), "ق": ("q", "g", "k"), "ك": ("k",), "ل": ("l",), "م": ("m",), "ن": ("n",),
    "ه": ("h",), "ء": ("",),
}
_SUN = frozenset("تثدذرزسشصضطظلن")
_SHORT = ("a", "i", "u", "")
_FINAL_TA = ("a", "ah")
_LONG_U = ("u", "ou", "o")
_LONG_I = ("i", "ee", "y")
_BIN = ("bin", "ben", "ibn")
_ABU = ("abu", "bu", "bou", "abou")

#: alternatives :func:`gazetteer.fuzzy.latin_key` folds together → the ones it tells apart
_PHONETIC: dict[tuple[str, ...], tuple[str, ...]] = {
    ("q", "g", "k"): ("q",), ("th", "t"): ("th",), ("dh", "d", "z"): ("dh", "z"), ("d", "dh"): ("d",),
    ("dh", "z", "d"): ("dh", "z"), ("gh", "g"): ("gh",), _LONG_U: ("u",), _LONG_I: ("i",), _FINAL_TA: ("a",),
    _BIN: ("bin",), _ABU: ("abu",), ("w", "ou"): ("w",), ("y", "iy"): ("y",),
    tuple(a + " " for a in _ABU) + _ABU: ("abu ",),
}

# a unit: ("C", options) consonant, ("V", options) written vowel, ("v", options) short vowel
# inserted by rule, ("W", options) a whole word or article, ("S", (" ",)) a word boundary
_Unit = tuple[str, tuple[str, ...]]


def _fold(name: str) -> str:
    s = _DIACRITICS.sub("", name).translate(_FOLD)
    return " ".join(re.sub(r"[^\u0621-\u064a ]+", " ", s).split())


def _units(word: str) -> list[_Unit]:
    """A word's letters as consonant and vowel units, short vowels inserted by the rules above."""
    units: list[_Unit] = []
    n = len(word)
    for i, ch in enumerate(word):
        prev = units[-1] if units else None
        nxt = word[i + 1] if i + 1 < n else "#"
        if ch == "ا":
            if i == 0:  # a hamza seat: the word starts with a vowel
                units.append(("V", ("a", "i", "u") if nxt not in "وي" else ("a",)))
            else:
                units.append(("V", ("a",)))
        elif ch in "ةى" or (ch == "ه" and i == n - 1 and i > 0):
            units.append(("V", _FINAL_TA if ch != "ى" else ("a",)))
        elif ch in "وي":
            consonant = (i == 0 or (prev is not None and prev[0] == "V") or nxt in "اةى"
                         or (nxt in "وي" and i + 2 < n))
            before_vowel = nxt in "اةى" and prev is not None and prev[0] == "C"
            if ch == "و":
                units.append(("C", ("w", "ou")) if i == 0 else ("C", ("w",)) if consonant else ("V", _LONG_U))
            else:
                units.append(("C", ("y",)) if consonant and i == 0 else
                             ("C", ("y", "iy")) if consonant and before_vowel else
                             ("C", ("y",)) if consonant else ("V", _LONG_I))
        elif ch in _CONSONANTS:
            units.append(("C", _CONSONANTS[ch]))
    # a word cannot start with two consonants: a short vowel (or, in Libyan spellings, none)
    if len(units) >= 2 and units[0][0] == "C" and units[1][0] == "C":
        units.insert(1, ("v", _SHORT))
    # a final consonant pair after a long vowel is broken by a short vowel (Zlitan/Zliten)
    if len(units) >= 3 and units[-1][0] == "C" and units[-2][0] == "C" and units[-3][0] == "V":
        units.insert(len(units) - 1, ("v", ("a", "i")))
    return units


def _word_slots(word: str, first: bool, phonetic: bool) -> list[_Unit]:
    if word in ("بن", "ابن"):
        return [("W", _BIN)]
    if word in ("ابو", "بو"):
        return [("W", _ABU)]
    if len(word) >= 5 and word.startswith(("ابو", "بو")) and not word.startswith("بوا"):
        rest = word[3:] if word.startswith("ابو") else word[2:]
        return [("W", tuple(a + " " for a in _ABU) + tuple(_ABU)), *_units(rest)]
    if word.startswith("ال") and len(word) >= 4:
        stem = word[2:]
        units = _units(stem)
        lead = units[0][1][0] if units and units[0][0] == "C" else ""
        sun = stem[0] in _SUN and lead
        if phonetic:  # al-, el-, as- and none give one key; the joined forms others
            art: tuple[str, ...] = ("al-", f"a{lead}" if sun else "al")
        elif sun:
            art = ("al-", "", f"a{lead}-", f"a{lead}", "el-", "al ")
        else:
            art = ("al-", "", "el-", "al", "el ")
        if not first and not phonetic:  # inside a name the article is rarely dropped
            art = (art[0], art[2], art[1], *art[3:])
        return [("W", art), *units]
    return _units(word)


def _combos(slots: list[tuple[str, ...]], limit: int) -> list[tuple[int, ...]]:
    """Up to ``limit`` choices of one option per slot, fewest departures from the usual options first."""
    var = [i for i, s in enumerate(slots) if len(s) > 1]
    sizes = [len(slots[i]) for i in var]
    out: list[tuple[int, ...]] = []

    def fill(j: int, budget: int, acc: list[int]) -> bool:
        if j == len(var):
            if budget == 0:
                choice = [0] * len(slots)
                for i, k in zip(var, acc):
                    choice[i] = k
                out.append(tuple(choice))
            return len(out) >= limit
        for k in range(min(budget, sizes[j] - 1) + 1):
            acc.append(k)
            done = fill(j + 1, budget - k, acc)
            acc.pop()
            if done:
                return True
        return False

    for rank in range(sum(n - 1 for n in sizes) + 1):
        if fill(0, rank, []):
            break
    return out


_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1+")
_JOINED_ARTICLE = re.compile(r"a([b-df-hj-np-tv-z])\1")


@lru_cache(maxsize=16384)
def _word_forms(word: str, first: bool, phonetic: bool, limit: int) -> tuple[str, ...]:
    """Romanisations of one folded Arabic word, most usual first (lower case)."""
    options = [u[1] for u in _word_slots(word, first=first, phonetic=phonetic)]
    if phonetic:
        options = [_PHONETIC.get(o, o) for o in options]
    seen: dict[str, None] = {}
    # a few combinations more than asked: different choices can spell the same form
    for choice in _combos(options, limit * 2):
        w = "".join(opt[k] for opt, k in zip(options, choice)).strip()
        if _JOINED_ARTICLE.match(w):  # Assdada, Azzawiya: the article's doubling stays
            w = w[:2] + _DOUBLE.sub(r"\1", w[2:])
        else:
            w = _DOUBLE.sub(r"\1", w)
        if w and w not in seen:
            seen[w] = None
            if len(seen) >= limit:
                break
    return tuple(seen)


@lru_cache(maxsize=8192)
def romanize(name: str, limit: int = MAX_FORMS, *, phonetic: bool = False) -> tuple[str, ...]:
    """The usual Latin romanisations of an Arabic ``name`` (most usual first, at most ``limit``).

    A name with no Arabic letters gives ``()``. Every form is ASCII, words capitalised.
    ``phonetic=True``: one spelling per phonetic class (see the module docstring).

    >>> romanize("قصر أبو هادي")[:3]
    ('Qasr Abu Hadi', 'Qasr Abu Hadee', 'Qasr Bu Hadi')
    >>> "Az-Zawiya" in romanize("الزاوية")
    True
    """
    words = _fold(name).split()
    if not words or limit <= 0:
        return ()
    per_word = [_word_forms(w, i == 0, phonetic, limit) for i, w in enumerate(words)]
    per_word = [f for f in per_word if f]
    seen: dict[str, None] = {}
    for choice in _combos(per_word, limit):
        form = " ".join(forms[k] for forms, k in zip(per_word, choice)).title()
        if form.isascii() and form not in seen:
            seen[form] = None
    return tuple(seen)[:limit]
