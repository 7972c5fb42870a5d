"""Normalisation of place names and running text, Arabic and Latin script.

Two layers:

* :func:`normalize` / :func:`normalize_with_offsets` fold a string
  character by character (so every output character maps back to an input
  offset): Arabic diacritics and tatweel removed, alef/hamza forms, ta marbuta,
  alef maqsura and Persian/Urdu letter forms folded, Arabic-Indic digits made
  ASCII; Latin lower-cased with diacritics stripped, apostrophes dropped,
  hyphens and punctuation turned into spaces; runs of spaces collapsed.
* :func:`name_key` turns a *name* into the key the gazetteer indexes: the
  normalised form, minus a leading Arabic article «ال» or Latin article
  (al-, el-, as-, ad-…).  Text matchers accept a run of Arabic proclitics
  (:data:`PROCLITICS`) before a key, so «وبسرت», «للقوات» and «بالصابري» match
  «سرت», «قوات» and «صابري».

Extra keys for looser matching live in :func:`variant_keys` (Libyan «بو» for
«أبو», joined/split forms) and :func:`skeleton_key` (a consonant skeleton used
as a low-score fallback for spelling variants such as Taqrift/Tagrifet or
«تاقرفت»/«تقرفت»).

Everything here is pure and has no import cost beyond the standard library.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "AR_MARKS",
    "AR_MARKS_RE",
    "PROCLITICS",
    "SAME_LENGTH_FOLD",
    "is_arabic",
    "name_key",
    "normalize",
    "normalize_with_offsets",
    "skeleton_key",
    "split_proclitics",
    "variant_keys",
]

# --- character tables -------------------------------------------------------

_AR_DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {
    "\u0670",  # superscript alef
    "\u0640",  # tatweel
    "\u06d6", "\u06d7", "\u06d8", "\u06d9", "\u06da", "\u06db", "\u06dc",
    "\u06df", "\u06e0", "\u06e1", "\u06e2", "\u06e3", "\u06e4", "\u06e7", "\u06e8",
    "\u06ea", "\u06eb", "\u06ec", "\u06ed",
    "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff",  # joiners, bidi marks, BOM
}

#: Marks every fold drops (vowel marks, Quranic annotation marks, tatweel, joiners, bidi marks, BOM): one set
#: for the normaliser, the claims parser's fold and the date patterns.
AR_MARKS: frozenset[str] = frozenset(_AR_DIACRITICS)
#: :data:`AR_MARKS` as a character class.
AR_MARKS_RE = re.compile("[" + "".join(sorted(AR_MARKS)) + "]")

_AR_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    "ؤ": "و", "ۥ": "و",
    "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي", "ے": "ي", "ۓ": "ي", "ٸ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه", "ۂ": "ه", "ھ": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ګ": "ك",
    "ڤ": "ف", "ڨ": "ق", "پ": "ب", "چ": "ج", "ژ": "ز", "ڒ": "ر", "ٹ": "ت", "ڈ": "د", "ڑ": "ر",
    "ء": "",
}

_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

_APOSTROPHES = {"'", "’", "‘", "ʼ", "ʻ", "ʿ", "ʾ", "`", "´", "′"}

#: One-character-for-one folds (alef/hamza forms, ta marbuta, alef maqsura, Persian letters,
#: Arabic-Indic digits and separators): for regex work whose offsets must stay those of the text.
SAME_LENGTH_FOLD: dict[str, str] = (
    {k: v for k, v in _AR_FOLD.items() if len(v) == 1} | _DIGITS | {"\u066c": ",", "\u066b": "."}
)

_LATIN_ARTICLE_RE = re.compile(
    r"(?:(?<=[\s(\"'])|^)(?:(?:al|el)[-\u2010\u2011\s]+|[ae](?:sh|th|dh|[dnrstz])[-\u2010\u2011]"
    # the assimilated article written apart, before its own consonant: "As Sawani", "Es Sider", "Ar Rujban"
    # (not before a name of three letters: "At Taj" stays, "taj" alone is too short a key)
    r"|[ae](sh|th|dh|[dnrstz])\s+(?=\1[a-z]{3}))",
    re.IGNORECASE,
)
_AR_ARTICLE = "ال"

#: Proclitic sequences accepted before a name in running Arabic text:
#: conjunctions و ف, prepositions ب ك ل, the article ال and their combinations
#: («وبال», «فلل», «وكال»…).  «لل» is ل + ال with the alef elided.
PROCLITICS: frozenset[str] = frozenset(
    conj + prep + art
    for conj in ("", "و", "ف")
    for prep in ("", "ب", "ك", "ل")
    for art in ("", "ال")
    if not (prep == "ل" and art == "ال")
) | frozenset({"لل", "ولل", "فلل"})


@lru_cache(maxsize=65536)
def is_arabic(text: str) -> bool:
    """True when ``text`` has more Arabic letters than Latin ones."""
    ar = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    la = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return ar > la


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one character; return '' to drop it, ' ' for a separator."""
    if ch in _AR_DIACRITICS:
        return ""
    if ch in _AR_FOLD:
        return _AR_FOLD[ch]
    if ch in _DIGITS:
        return _DIGITS[ch]
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
        cat = unicodedata.category(ch)
        if cat.startswith("L") or cat == "Nd":
            return ch
        return " "  # Arabic comma, semicolon, question mark, percent…
    if ch in _APOSTROPHES:
        return ""
    if ch.isascii():
        if ch.isalnum():
            return ch.lower()
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not base:
        return ""
    out = []
    for c in base:
        if c.isalnum():
            out.append(c.lower())
        elif c in _APOSTROPHES:
            continue
        else:
            out.append(" ")
    return "".join(out)


class _FoldTable(dict):
    """``str.translate`` table built on demand: every code point → one folded character.

    Dropped characters map to NUL; a character that folds to several (a ligature)
    maps to its expansion, which makes the translated text longer and sends the
    caller to the character loop.
    """

    def __missing__(self, code: int) -> str:
        f = _fold_char(chr(code))
        v = "\x00" if f == "" else f
        self[code] = v
        return v


_FOLD_TABLE = _FoldTable()
_APOSTROPHE_CLASS = "[" + re.escape("".join(sorted(_APOSTROPHES))) + "]"
_POSSESSIVE_RE = re.compile(rf"(?<=[A-Za-z]{{3}}){_APOSTROPHE_CLASS}[sS](?![^\W\d_])")
_FAST_MIN_LEN = 256


def _normalize_fast(text: str) -> tuple[str, list[int]] | None:
    """Vectorised :func:`normalize_with_offsets` for long texts (``None``: use the loop)."""
    import numpy as np

    t = text.translate(_FOLD_TABLE)
    if len(t) != len(text):
        return None
    a = np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32).copy()
    for m in _POSSESSIVE_RE.finditer(text):
        a[m.start()] = 32
        a[m.start() + 1] = 0
    idx = np.flatnonzero(a)
    k = a[idx]
    sp = k == 32
    keep = ~(sp & np.concatenate(([True], sp[:-1])))  # leading and repeated spaces
    idx = idx[keep]
    k = k[keep]
    if k.size and k[-1] == 32:
        idx = idx[:-1]
        k = k[:-1]
    return k.tobytes().decode("utf-32-le"), idx.tolist()


_RUN_RE = re.compile(r"[^ ]+| +")
_APOSTROPHE_RE = re.compile(_APOSTROPHE_CLASS)  # the marks _POSSESSIVE_RE begins with


def _normalize_short(text: str) -> tuple[str, list[int]] | None:
    """:func:`normalize_with_offsets` for short texts by the translate table and whole words, not one call per
    character (``None``: a ligature or a possessive, which the character loop handles)."""
    t = text.translate(_FOLD_TABLE)
    if len(t) != len(text) or _APOSTROPHE_RE.search(text) and _POSSESSIVE_RE.search(text):
        return None
    if "\x00" in t:
        pos: list[int] | range = [i for i, c in enumerate(t) if c != "\x00"]
        t = t.replace("\x00", "")
    else:
        pos = range(len(t))
    offs: list[int] = []
    parts: list[str] = []
    for m in _RUN_RE.finditer(t):
        a, b = m.span()
        if t[a] == " ":
            if not parts:
                continue  # leading spaces
            parts.append(" ")
            offs.append(pos[a])  # a run of spaces is one, at its first
        else:
            parts.append(t[a:b])
            offs.extend(pos[a:b])
    if parts and parts[-1] == " ":
        parts.pop()
        offs.pop()
    return "".join(parts), offs


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and return ``(normalised, offsets)``.

    ``offsets[i]`` is the index in ``text`` of the character that produced
    ``normalised[i]``; spaces are collapsed and the result is stripped.

    Examples
    --------
    >>> normalize_with_offsets("وبِسِرْت")[0]
    'وبسرت'
    """
    fast = _normalize_fast(text) if len(text) >= _FAST_MIN_LEN else _normalize_short(text)
    if fast is not None:
        return fast
    return _normalize_loop(text)


def _normalize_loop(text: str) -> tuple[str, list[int]]:
    """The per-character reference of :func:`normalize_with_offsets` (ligatures, possessives)."""
    out: list[str] = []
    offs: list[int] = []
    n = len(text)
    skip = -1
    for i, ch in enumerate(text):
        if i == skip:
            continue
        if (
            ch in _APOSTROPHES
            and i + 1 < n
            and text[i + 1] in "sS"
            and (i + 2 == n or not text[i + 2].isalpha())
            and i >= 3
            and text[i - 3 : i].isascii()
            and text[i - 3 : i].isalpha()
        ):
            # English possessive: "Benghazi's" -> "benghazi " (a separator, not part of the name)
            skip = i + 1
            folded = " "
        else:
            folded = _fold_char(ch)
        for c in folded:
            if c == " ":
                if not out or out[-1] == " ":
                    continue
            out.append(c)
            offs.append(i)
    if out and out[-1] == " ":
        out.pop()
        offs.pop()
    return "".join(out), offs


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Normalise ``text`` (see module docstring); the string part of :func:`normalize_with_offsets`."""
    return normalize_with_offsets(text)[0]


def _strip_latin_articles(s: str) -> str:
    return _LATIN_ARTICLE_RE.sub("", s)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Index key of a place name: normalised, leading article removed.

    Arabic: the article «ال» of the first word is dropped when at least two
    letters remain («الصابري» → «صابري»).  Latin: article forms al-/el-/as-/ad-…
    (hyphenated, or al/el followed by a space) are removed wherever a word
    starts («Qasr al-Hout» → «qasr hout»).
    """
    s = normalize(name)
    if not s:
        return s
    if is_arabic(s):
        if s.startswith(_AR_ARTICLE) and len(s.split(" ", 1)[0]) >= 4:
            s = s[2:]
        return s
    # articles are recognised on the raw string, where their hyphen is still visible
    return normalize(_strip_latin_articles(name))


def split_proclitics(word: str) -> list[tuple[str, str]]:
    """All ways to split a normalised Arabic word into (proclitics, stem).

    The unsplit form comes first; stems shorter than two letters are not offered.

    >>> split_proclitics("وبالصابري")[-1]
    ('وبال', 'صابري')
    """
    out = [("", word)]
    for n in range(1, min(5, len(word) - 1)):
        prefix, stem = word[:n], word[n:]
        if prefix in PROCLITICS and len(stem) >= 2:
            out.append((prefix, stem))
    return out


_ABU_RE = re.compile(r"(?:(?<=\s)|^)(?:ابو|بو) ?(?=\S)")
_DIACRITICS_END = re.compile("[\u064b-\u065f\u0670\u0640]+$")
#: Name words that never take the article: kinship and name particles, already definite words, numbers.
_NO_ARTICLE = frozenset({"بن", "ابن", "بنت", "ابو", "بو", "ام", "عبد", "ذات", "ذو", "اولاد", "بني"})


def _takes_article(word: str) -> bool:
    """A later word of an Arabic compound that may be written with the article «ال» (news adds it)."""
    return (len(word) >= 3 and not word.startswith("ال") and word not in _NO_ARTICLE and word.isalpha()
            and not word.startswith(("ابو", "بو")))
_LATIN_ABU_RE = re.compile(r"\b(?:abu|abou|bu|bou|abo)\s?(?=\w)")


def variant_keys(name: str, *, final_vowel: bool = False) -> set[str]:
    """Spelling variants of a name's key produced by general rules.

    * Libyan «بو» for «أبو», written apart or joined: «قصر أبو هادي» ⇄
      «قصر بو هادي» ⇄ «قصر بوهادي» ⇄ «قصر ابوهادي».
    * «عبد ال…» joined or apart.
    * «بن» ⇄ «ابن» between words, and «بن» joined to the next word («بن جواد» → «بنجواد»,
      «قصر بن غشير» → «قصر بنغشير»); not split, since «… بن غازي» is a patronymic, not Benghazi.
    * the article of a later word dropped («بئر الغنم» → «بئر غنم») or added where the name has
      none («بني وليد» → «بني الوليد»).
    * ``final_vowel`` (for a town's own name, not a country's: «ليبية» is the adjective): a final
      long -a written «ا» or «ة» («أجدابيا» ⇄ «أجدابية», «ترهونة» ⇄ «ترهونا»), on keys of five
      letters or more of names written without the article and not ending in a hamza.
    * Latin Abu/Bu/Abou/Bou, joined or apart.

    The key itself is included.
    """
    key = name_key(name)
    out = {key}
    if not key:
        return out
    if is_arabic(key):
        if re.search(r"(?:^|\s)(?:ابو|بو) ?\S", key):
            for rep in ("ابو ", "بو ", "ابو", "بو"):
                out.add(_ABU_RE.sub(rep, key))
        if "عبد ال" in key or "عبدال" in key:
            out.add(key.replace("عبد ال", "عبدال"))
            out.add(key.replace("عبدال", "عبد ال"))
        # «قصر بن غشير» ⇄ «قصر ابن غشير»
        if re.search(r"(?:^|\s)(?:ابن|بن) ", key):
            for rep in ("ابن ", "بن "):
                out.add(re.sub(r"(?:(?<=\s)|^)(?:ابن|بن) ", rep, key))
        # the article inside a compound is often dropped: «بئر الغنم» ⇄ «بئر غنم», «رأس الهلال» ⇄ «رأس هلال»
        words = key.split(" ")
        if len(words) >= 2 and any(w.startswith("ال") and len(w) >= 5 for w in words[1:]):
            out.add(" ".join([words[0]] + [w[2:] if w.startswith("ال") and len(w) >= 5 else w for w in words[1:]]))
        # ... and added to the second word of a two-word name: «بني وليد» → «بني الوليد», «عين زارة» → «عين الزارة»
        if len(words) == 2 and _takes_article(words[1]):
            out.add(words[0] + " ال" + words[1])
        # «بن» joined to the next word: «بن جواد» → «بنجواد»
        if re.search(r"(?:^|\s)بن \S", key):
            out.add(re.sub(r"(?:(?<=\s)|^)بن (?=\S)", "بن", key))
        # (a final «اء» is a hamza, not the vowel: «الخضراء» is never «الخضرة»)
        # Names written with the article are left alone: their bare key is an ordinary word more often
        # («زاويا» "corners").
        if final_vowel and len(key.replace(" ", "")) >= 5 and len(words[-1]) >= 4 \
                and not normalize(name).startswith(_AR_ARTICLE) \
                and not _DIACRITICS_END.sub("", name.rstrip()).endswith(("ء", "أ")):
            if key.endswith("ه"):
                out.add(key[:-1] + "ا")
            elif key.endswith("ا"):
                out.add(key[:-1] + "ه")
    else:
        if _LATIN_ABU_RE.search(key):
            for rep in ("abu ", "bu ", "abu", "bu"):
                out.add(_LATIN_ABU_RE.sub(rep, key))
    return {v.strip() for v in out if v.strip()}


_LATIN_SKEL_SUBS = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"sh|ch"), "s"),
    (re.compile(r"th|dh"), "t"),
    (re.compile(r"[qkc]"), "g"),  # Libyan q is spoken g: Qasr/Gasr, Qanfuda/Ganfouda
    (re.compile(r"[jy]"), "i"),
    (re.compile(r"[dz]"), "t"),
    (re.compile(r"w"), "u"),
    (re.compile(r"[aeiouh]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"\s+"), ""),
)
_AR_SKEL_DROP = str.maketrans({"ا": None, "و": None, "ي": None, "ه": None, " ": None})
_AR_SKEL_FOLD = str.maketrans({"ق": "ك", "غ": "ك", "ج": "ك", "ط": "ت", "ض": "د", "ظ": "ز", "ذ": "ز", "ص": "س", "ث": "س", "ح": "ه"})


@lru_cache(maxsize=65536)
def skeleton_key(name: str) -> str:
    """A coarse consonant skeleton for fuzzy, low-score matching.

    Latin: digraphs folded, q/k/c → g, vowels and h dropped, doubled letters
    merged (Taqrift, Tagrifet and Taqrifat all give ``tgrft``).  Arabic: long
    vowels and ha dropped, emphatic and q/g/j letters folded («تاقرفت» and
    «تقرفت» agree).  Returns '' for keys under three skeleton letters, which
    are too short to match on.
    """
    key = name_key(name)
    if is_arabic(key):
        s = key.translate(_AR_SKEL_DROP).translate(_AR_SKEL_FOLD)
    else:
        s = key
        for pat, rep in _LATIN_SKEL_SUBS:
            s = pat.sub(rep, s)
    return s if len(s) >= 3 else ""
