"""Numbers, casualty counts and counted things in Arabic and English news text.

* :func:`parse_number` reads one number expression: digits (ASCII or
  Arabic-Indic), Arabic number words in their gender and case forms
  («ثلاثة/ثلاث»، «اثنين/اثنتين»، «خمسة وعشرون»، «أحد عشر»…) or English words.
  Vague quantities («عشرات»، "dozens") give ``None``.
* :func:`find_numbers` lists number expressions with their offsets.
* :func:`casualties` reads fatalities and injuries from a sentence.
* :func:`counted_noun` lists ``(count, noun, start, end)`` for counted things
  («سبع غارات جوية» → 7 air strikes) so callers can report them without
  mistaking them for casualties.

Pure standard library; Arabic words are compared in the folded form of
:func:`gazetteer.normalize.normalize`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gazetteer.normalize import SAME_LENGTH_FOLD, normalize

__all__ = [
    "Casualties",
    "NumberMention",
    "casualties",
    "counted_noun",
    "find_numbers",
    "fold_same_length",
    "parse_number",
]

# --- length-preserving fold (offsets stay valid) --------------------------------

_SAME_LEN = str.maketrans(SAME_LENGTH_FOLD)


def fold_same_length(text: str) -> str:
    """Fold hamza-alef forms, ta marbuta, alef maqsura and Arabic-Indic digits, one character for one.

    The result has the same length as ``text``, so regex offsets found in it
    are offsets in ``text``.
    """
    return text.translate(_SAME_LEN)


# --- number words --------------------------------------------------------------

_AR_UNITS = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتين": 2, "اثنتان": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
    "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9,
}
_AR_TEN = {"عشره": 10, "عشر": 10}
_AR_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50,
    "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
_AR_HUNDREDS = {"مئه": 100, "مائه": 100, "ميه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
                "مئتا": 200, "مئتي": 200, "مائتا": 200, "مائتي": 200}  # the dual in construct: «مائتي شخص»
_AR_THOUSANDS = {"الف": 1000, "الفا": 1000, "الفان": 2000, "الفين": 2000, "الاف": 1000, "الوف": 1000}
_AR_VAGUE = {"عشرات", "مئات", "مئات", "ميات", "الاف", "الوف", "عده", "بضعه", "بضع", "العشرات", "المئات", "العديد", "عديد"}
_AR_FUSED_HUNDREDS = {  # «ثلاثمئة»، «خمسمائة»
    u + h: v * 100 for u, v in _AR_UNITS.items() if 3 <= v <= 9 and not u.endswith("ه") for h in ("مئه", "مائه")
}


def _fold_keys(d: Any) -> Any:
    # keys as gazetteer.normalize folds them (hamza on ya/waw, ta marbuta, alef forms)
    return {normalize(k): v for k, v in d.items()} if isinstance(d, dict) else {normalize(k) for k in d}


_AR_UNITS, _AR_TEN, _AR_TENS, _AR_HUNDREDS, _AR_THOUSANDS, _AR_VAGUE, _AR_FUSED_HUNDREDS = map(
    _fold_keys, (_AR_UNITS, _AR_TEN, _AR_TENS, _AR_HUNDREDS, _AR_THOUSANDS, _AR_VAGUE, _AR_FUSED_HUNDREDS)
)

_EN_UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_VAGUE = {"dozens", "scores", "hundreds", "thousands", "several", "many", "numerous", "tens", "some", "few"}

_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def _ar_word(w: str) -> str:
    """Normalised Arabic word with a leading conjunction «و» removed when that leaves a number word."""
    w = normalize(w).replace(" ", "")
    if w.startswith("و") and w not in _AR_UNITS and len(w) > 2:
        rest = w[1:]
        if rest in _AR_UNITS or rest in _AR_TEN or rest in _AR_TENS or rest in _AR_HUNDREDS or rest in _AR_THOUSANDS \
                or _DIGITS_RE.match(rest) or rest in _AR_FUSED_HUNDREDS:
            return rest
    return w


def _is_ar_number_word(w: str) -> bool:
    return (
        w in _AR_UNITS or w in _AR_TEN or w in _AR_TENS or w in _AR_HUNDREDS or w in _AR_THOUSANDS
        or w in _AR_FUSED_HUNDREDS or bool(_DIGITS_RE.match(w))
    )


def _parse_ar(words: list[str]) -> int | None:
    """Value of a sequence of normalised Arabic number words (conjunction «و» already split off)."""
    total = 0
    current = 0
    i = 0
    n = len(words)
    # «خمسة وعشرون» is 25, «خمسة وسبعة» no number (five and seven: a range or a list): within a group, units
    # and tens each come once
    units = tens = False
    while i < n:
        w = words[i]
        if _DIGITS_RE.match(w):
            current += int(w.replace(",", ""))
        elif w in _AR_UNITS:
            v = _AR_UNITS[w]
            if units or tens:
                return None
            if i + 1 < n and words[i + 1] in _AR_TEN:  # teens: «ثلاثة عشر»، «أحد عشر»
                current += v + 10
                i += 1
                tens = True
            else:
                current += v
            units = True
        elif w in _AR_TEN:
            if units or tens:
                return None
            current += 10
            tens = True
        elif w in _AR_TENS:
            if tens:
                return None
            current += _AR_TENS[w]
            tens = True
        elif w in _AR_FUSED_HUNDREDS:
            current += _AR_FUSED_HUNDREDS[w]
            units = tens = False
        elif w in _AR_HUNDREDS:
            current = (current or 1) * _AR_HUNDREDS[w] if _AR_HUNDREDS[w] == 100 else current + 200
            units = tens = False
        elif w in _AR_THOUSANDS:
            mult = _AR_THOUSANDS[w]
            total += (current or 1) * mult
            current = 0
            units = tens = False
        else:
            return None
        i += 1
    return total + current


def _parse_en(words: list[str]) -> int | None:
    total = 0
    current = 0
    seen = False
    for w in words:
        if w == "and":
            continue
        if _DIGITS_RE.match(w):
            current += int(w.replace(",", ""))
        elif w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@lru_cache(maxsize=8192)
def parse_number(token: str) -> int | None:
    """Parse one number expression.

    Parameters
    ----------
    token
        ``"15"``, ``"١٥"``, ``"1,200"``, «خمسة»، «ثلاث»، «أحد عشر»، «خمسة وعشرون»، «مئتين»،
        ``"six"``, ``"twenty-five"``, ``"a dozen"``…

    Returns
    -------
    int or None
        The value; ``None`` for vague quantities («عشرات»، "dozens") and non-numbers.

    Examples
    --------
    >>> parse_number("خمسة وعشرون"), parse_number("٣٠"), parse_number("twenty-five")
    (25, 30, 25)
    """
    s = fold_same_length(token).strip()
    if not s:
        return None
    if _DIGITS_RE.match(s):
        return int(s.replace(",", ""))
    if re.search(r"[\u0600-\u06ff]", s):
        words = []
        for raw in s.split():
            w = _ar_word(raw)
            if w.startswith("و") and len(w) > 1 and not _is_ar_number_word(w) and _is_ar_number_word(w[1:]):
                w = w[1:]
            words.append(w)
        if any(w in _AR_VAGUE and w not in _AR_THOUSANDS for w in words) or words == ["الاف"]:
            return None
        if words and words[0] in {"احد", "احدي"} and len(words) == 1:
            return None  # «أحد» alone is "one of / someone", not a count
        return _parse_ar(words)
    words = [w for w in re.split(r"[\s\-]+", s.lower()) if w]
    if not words or any(w in _EN_VAGUE for w in words):
        return None
    if words in (["a"], ["an"]):
        return None
    if words[0] in {"a", "an"} and len(words) == 2 and words[1] not in {"dozen", "hundred", "thousand"}:
        return None
    return _parse_en(words)


# --- finding numbers in text --------------------------------------------------------

_TOKEN_RE = re.compile(r"\d[\d,]*|(?:[^\W\d_]|[\u064b-\u0652\u0640])+", re.UNICODE)


@dataclass(frozen=True)
class NumberMention:
    """A number expression in text: ``value`` (``None`` when vague), span, the words, and vagueness."""

    value: int | None
    start: int
    end: int
    text: str
    vague: bool


def _tokens(text: str) -> list[tuple[str, int, int]]:
    folded = fold_same_length(text)
    out = []
    for m in _TOKEN_RE.finditer(folded):
        tok = m.group()
        if tok[0].isdigit():
            tok = tok.rstrip(",")
            out.append((tok, m.start(), m.start() + len(tok)))
        else:
            out.append((tok, m.start(), m.end()))
    return out


_ARABIC_START_RE = re.compile(r"[\u0600-\u06ff]")


@lru_cache(maxsize=65536)
def _norm_tok(tok: str) -> str:
    if _ARABIC_START_RE.match(tok):
        return normalize(tok)
    return tok.lower()


@lru_cache(maxsize=65536)
def _num_word(tok: str) -> bool:
    """Could this token be part of a number expression?"""
    if tok[0].isdigit():
        return True
    t = _norm_tok(tok)
    if _ARABIC_START_RE.match(t):
        if t.startswith("و") and len(t) > 2 and (t[1:].isdigit() or _is_ar_number_word(t[1:])):
            return True
        return _is_ar_number_word(t)
    return t in _EN_UNITS or t in _EN_TENS or t in {"hundred", "thousand", "dozen"}


def _vague_word(tok: str) -> bool:
    t = _norm_tok(tok)
    return t in _AR_VAGUE or t in _EN_VAGUE - {"some", "few", "many"}


def find_numbers(text: str) -> list[NumberMention]:
    """All number expressions in ``text``, vague ones («عشرات»، "dozens") with ``value=None``.

    A bare «أحد»/"a"/"one of" is not reported; times and dates made of digits are
    reported as plain numbers (callers look at the neighbours).
    """
    toks = _tokens(text)
    out: list[NumberMention] = []
    i = 0
    n = len(toks)
    while i < n:
        tok, s, e = toks[i]
        if _vague_word(tok):
            out.append(NumberMention(None, s, e, text[s:e], True))
            i += 1
            continue
        if not _num_word(tok) or _norm_tok(tok) in {"a", "an", "احد", "احدي"} and not (
            i + 1 < n and _norm_tok(toks[i + 1][0]) in {"عشر", "عشره", "dozen", "hundred", "thousand"}
        ):
            i += 1
            continue
        if _norm_tok(tok).startswith("و") and not tok[0].isdigit() and not _is_ar_number_word(_norm_tok(tok)):
            s += 1  # «و15»: the conjunction is not part of the number
        j = i + 1
        best = (i, parse_number(text[s:e]))
        # extend while the next token continues the expression (contiguous words only)
        while j < n and _num_word(toks[j][0]) and toks[j][1] - toks[j - 1][2] <= 2 and not toks[j][0][0].isdigit():
            if text[toks[j - 1][2]:toks[j][1]].strip(" -"):
                break
            v = parse_number(text[s:toks[j][2]])
            if v is None:
                break
            best = (j, v)
            j += 1
        k, v = best
        if v is not None:
            out.append(NumberMention(v, s, toks[k][2], text[s:toks[k][2]], False))
        i = k + 1
    return out


# --- casualties -----------------------------------------------------------------------

# «أعدم التنظيم 21 قبطيا»، «ذبح 21»: an execution's victims are its dead
_AR_EXECUTION_VERBS = {"اعدم", "اعدمت", "اعدموا", "ذبح", "ذبحت", "ذبحوا"}
_AR_FATAL_TRIGGERS = {"مقتل", "مصرع", "استشهاد", "قتل", "وفاه", "مقتلهم", "اغتيال", "اعدام", "سقوط",
                      "قتلوا", "قتلت", "قتلنا", "يقتل", "تقتل",
                      # «راح ضحيتها 12»، «أودت بحياة 7»، «توفي 3»، «حصدت أرواح 5»
                      "ضحيتها", "ضحيته", "ضحيتهم", "بحياه", "ارواح", "توفي", "توفيت", "توفوا",
                      # «قضى ثلاثة أشخاص في الانفجار»، «استشهد خمسة من الجنود»: the verb is the death
                      "قضي", "استشهد", "استشهدت"} | _AR_EXECUTION_VERBS
_AR_INJURY_TRIGGERS = {"اصابه", "جرح", "اصيب", "اصيبوا", "جرحوا", "اصابات"}
_AR_FATAL_NOUNS = {"قتلي", "قتيلا", "قتيل", "قتيلان", "قتيلين", "شهيدا", "شهداء", "شهيد", "ضحيه", "ضحايا", "جثه", "جثث"}
_AR_INJURY_NOUNS = {"جرحي", "جريحا", "جريح", "جريحان", "جريحين", "مصابا", "مصابين", "مصاب", "مصابون"}
_AR_DUAL_FATAL = {"قتيلان", "قتيلين", "جثتان", "جثتين", "جثتي"}  # («عثر على جثتي رجلين»: the two bodies)
# «سقوط قتيل»، «خلّف قتيلاً وثلاثة جرحى»: an indefinite singular casualty noun with no number before it is one
_AR_VICTIM_OF = {"ضحيه", "ضحايا"}
_AR_SING_FATAL = {"قتيل", "قتيلا", "شهيد", "شهيدا"}
_AR_SING_INJURY = {"جريح", "جريحا", "مصاب", "مصابا"}
# «مقتل أحد عناصر الشرطة»، «إصابة إحدى السيدات»: "one of" after the killing or wounding word
_AR_ONE_OF = {"احد", "احدي", "اخر", "اخري"}  # and «وإصابة آخر»: "and the wounding of another"
_AR_DUAL_INJURY = {"جريحان", "جريحين"}
_AR_PERSON_SING = {"شخص", "جندي", "طفل", "امراه", "رجل", "عنصر", "مدني", "مقاتل", "شرطي", "ضابط", "مسلح", "صحفي", "شاب",
                   "مواطن", "ناشط", "طالب", "سائق", "عامل", "مهاجر", "طفله", "فتاه", "متظاهر", "محتج", "حارس", "موظف",
                   "طبيب", "مسعف", "صياد", "معلم", "قائد", "عسكري", "سجين", "مزارع", "تاجر", "قاضي", "محامي", "مهندس",
                   "ممرض", "راعي", "مسؤول", "اعلامي", "دبلوماسي", "مترجم", "سفير", "قنصل"}
_AR_PERSON_DUAL = {"شخصين", "شخصان", "جنديين", "جنديان", "طفلين", "طفلان", "امراتين", "امراتان", "رجلين", "رجلان",
                   "عنصرين", "عنصران", "ضابطين", "ضابطان", "شرطيين"}
# the nominative dual «ـان» of every singular person noun is two («قتل مدنيان», «أصيب شرطيان»); the «ـين» form
# is two only where the plural is broken (جنود، أطفال), else it is also the plural («مدنيين»), listed above
_AR_PERSON_DUAL |= {w[:-1] + "تان" if w.endswith("ه") else w + "ان" for w in _AR_PERSON_SING} - {"طالبان"}
_AR_PERSON_DUAL |= {"اخران", "اخريان"}  # «قتل مدني وأصيب آخران»: two others
_AR_HEDGE = {"ما", "لا", "يقل", "عن", "نحو", "حوالي", "قرابه", "اكثر", "من", "اقل", "زهاء", "ما يقارب", "يقارب",
             "الاقل", "علي", "حصيله", "ارتفاع", "الي", "ب", "بين", "مابين"}
_EN_FATAL_TRIGGERS = {"killed", "killing", "kills", "kill", "dead", "death", "deaths", "died", "fatalities", "lives",
                      "bodies", "corpses",
                      "slain", "executed", "beheaded", "toll", "murder", "murdered", "murders", "massacre", "massacred",
                      "execution", "executions", "beheading", "beheadings"}
_EN_INJURY_TRIGGERS = {"wounded", "wounding", "injured", "injuring", "injuries", "hurt", "wounds", "injures", "wounds"}
# plural person nouns a count joined by «و» may carry («مقتل 7 جنود و2 مدنيين»)
_AR_PERSON_PL = {"اشخاص", "جنود", "اطفال", "نساء", "رجال", "عناصر", "مدنيين", "مدنيون", "مقاتلين", "مقاتلون", "مسلحين",
                 "مسلحون", "مهاجرين", "مهاجرون", "ضباط", "صحفيين", "مواطنين", "عسكريين", "افراد", "متظاهرين", "محتجين",
                 "شبان", "سجناء", "عمال", "حراس", "طلاب", "مسعفين", "شرطيين"}
_EN_PERSON = {"people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "fighters", "fighter",
              "militants", "militant", "troops", "members", "others", "children", "women", "men", "policemen",
              "officers", "gunmen", "residents", "of", "them", "were", "was", "have", "had", "been", "are", "reportedly",
              "pro", "gna", "lna", "is", "isis", "government", "forces", "including", "also", "at", "least",
              "who"}
_EN_ACTIVE = {"killing", "kills", "kill", "wounding", "injuring", "injures", "wounds"}
#: Nouns of people a count is of ("two Western photojournalists", "three young men").
_EN_PEOPLE_NOUNS = frozenset({"people", "persons", "civilians", "soldiers", "fighters", "militants", "troops", "members",
                              "children", "women", "men", "boys", "girls", "policemen", "officers", "gunmen", "residents",
                              "migrants", "workers", "guards", "rebels", "journalists", "staff", "protesters",
                              "demonstrators", "worshippers", "students", "cadets", "recruits", "refugees", "diplomats",
                              "doctors", "nurses", "medics", "paramedics", "pilots", "detainees", "hostages", "captives",
                              "officials", "employees", "volunteers", "relatives", "nationals", "tourists", "police",
                              "protestors", "inmates", "prisoners", "technicians", "engineers", "contractors", "participants"})


def _is_en_people(w: str) -> bool:
    """Whether ``w`` (lower case) is a plural noun of people."""
    return w in _EN_PEOPLE_NOUNS or _EN_PEOPLE_NOUN_RE.match(w) is not None
_EN_PERSON |= {"lost", "their", "his", "her", "our", "its", "said", "to", "have", "believed", "feared", "thought",
               "terrorists", "terrorist", "insurgents", "insurgent", "rebels", "rebel", "mercenaries", "migrants",
               "guards", "policemen", "police", "servicemen", "personnel", "more", "being", "reported", "confirmed",
               "other", "others", "libyan", "egyptian", "chadian", "sudanese", "foreign", "workers", "bodies",
               # "were shot dead", "were found dead": how they died, before the word that says they did
               "shot", "found", "stabbed", "beaten", "participant", "participants", "shopkeeper", "passer-by"}
# "between 10 and 15 killed", «بين 10 و15 قتيلا»: ACLED codes the lower bound of a range
_RANGE_GAP_RE = re.compile(r"^\s*(?:and|to|or|-|–|و|الى|إلى|او|أو)\s*$")
_RANGE_LEAD = {"between", "from", "بين", "من"}
# an updated toll replaces the counts of its sentence: "bringing the death toll to 14", «ارتفعت حصيلة … إلى 14»
#: A toll of a period, not of one event (on the fold): "the death toll since the clashes began", «منذ بدء».
_PERIOD_TOLL_RE = re.compile(r"\bsince\b|\bso\s+far\b|\bin\s+total\b|\boverall\b|\bthis\s+year\b|منذ|حتي\s+الان|اجمال", re.I)
_TOLL_RE = re.compile(
    r"(?:toll|number\s+of\s+(?:dead|deaths|victims|people\s+killed))\b[^.;]{0,70}?\b(?:rose|rises|risen|climbed|climbs|"
    r"reached|reaches|jumped|stood|stands|increased|to|at)\b[^.;\d]{0,12}$"
    r"|(?:حصيله|عدد\s+(?:القتلي|الضحايا))[^.؛\d]{0,70}?(?:الي|ب|عند)\s*$"
    r"|(?:ارتفعت|ارتفع|ارتفاع|بلغت|بلغ|تبلغ|يبلغ|وصلت|وصل|تصل|يصل|لترتفع|ليرتفع|لتصل|ليصل|ليبلغ|لتبلغ)\s+(?:\S+\s+)?"
    r"(?:حصيله|عدد)[^.؛\d]{0,40}$",
    re.IGNORECASE,
)
# a vague count is coded with a conservative figure, as ACLED codes them, and flagged in the notes
VAGUE_FATALITIES: dict[str, int] = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
                                    "عشرات": 12, "العشرات": 12, "مئات": 100, "المئات": 100, "ميات": 100,
                                    "الاف": 1000, "الوف": 1000}
_AR_BODIES = {"جثث", "جثه", "جثامين", "الجثث"}  # «جثث 10 أشخاص»: the bodies are counted
_AR_PREP_SKIP = {"في", "خلال", "جراء", "اثر", "عقب", "بسبب"}
_AR_VERB_AFTER = {"قتلوا": "fatal", "قتلو": "fatal", "لقوا": "fatal", "استشهدوا": "fatal", "توفوا": "fatal",
                  "اصيبوا": "injury", "جرحوا": "injury"}
_AR_ONE_TWO = {"واحد", "واحدا", "واحده", "اثنين", "اثنان", "اثنتين", "اثنتان"}
#: A killing of one victim "and N others" (on the same-length fold): «مقتل السفير … وثلاثة أمريكيين آخرين», «وأربعة من مرافقيه».
_AR_ONE_AND_OTHERS_RE = re.compile(
    r"(?:^|\s)[وفب]?(?:مقتل|قتل|قتلت|قتلوا|اغتيال|اعدام|مصرع)\s+(?:\S+\s+){1,4}?و(?P<n>\S+)\s+(?:\S+\s+){0,2}?"
    r"(?:اخرين|اخرون|من\s+(?:مرافقي|عناصر|حراس|رفاق|افراد|اطفال|ابناء)\S*)")
_AR_DIED_OF_WOUNDS_RE = re.compile(
    r"(?:^|\s)[وف]?(?:توفي|توفيت|توفى|فارق\s+الحياه|فارقت\s+الحياه|فارقا\s+الحياه|توفيا)\s+(?:\S+\s+){0,2}?"
    r"(?:متاثر|متاثره|متاثرا|متاثرين)\s+(?:ب|من\s+)?(?:جراح|جروح|اصاب\S*?)(?P<s>هما|ه|ها)(?![\u0621-\u064a])")
#: "died of his wounds", "succumbed": a death from the wounds of an event told before (the Arabic: the pattern above).
_EN_DIED_OF_WOUNDS_RE = re.compile(
    r"\bdied\s+(?:later\s+)?(?:of|from)\s+(?:his|her|their)\s+(?:wounds|injuries)|\bsuccumbed\b", re.IGNORECASE)


def died_of_wounds(text: str) -> bool:
    """Whether a sentence tells of a death from wounds ("Another soldier died of his wounds on Monday", «وتوفي جندي
    آخر متأثرا بجراحه»): the toll of the event that wounded them, whatever the day."""
    if _EN_DIED_OF_WOUNDS_RE.search(text):
        return True
    folded = fold_same_length(text)
    return "متاثر" in folded and _AR_DIED_OF_WOUNDS_RE.search(folded) is not None


_AR_DEATH_OBJECTS = {"حتفه", "حتفهم", "حتفها", "حتفهما", "مصرعه", "مصرعهم", "مصرعها", "مصرعهما"}
_EN_ONE_KILLED_RE = re.compile(
    r"\b(?:[A-Z][a-z'’-]+(?:\s+(?:al-|el-|bin\s+|ben\s+|abu\s+)?[A-Z][a-z'’-]+)+|[Hh]e|[Ss]he|"
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother|[Oo]ne\s+more|[Aa]\s+(?:second|third|fourth|fifth))\s+(?:young\s+|local\s+|elderly\s+)?"
    r"(?:man|woman|boy|girl|child|civilian|resident|worker|migrant|"
    r"journalist|student|soldier|policeman|fighter|officer|diplomat|guard|rebel|person))\s+(?:(?:was|had\s+been|has\s+been)\s+"
    r"(?:shot\s+dead|killed|assassinated|executed|beheaded|murdered)\b"
    # "a soldier died of his wounds", "one civilian later died in hospital"
    r"|(?:later\s+)?died\s+(?:later\s+|soon\s+after\s+|shortly\s+after\s+)?(?:of|from|in|after|on)\b)"
)
_EN_KILLED_ONE_RE = re.compile(
    r"\b(?:killed|killing|assassinated|assassinating|executed|murdered|shot\s+dead|gunned\s+down|death\s+of|"
    r"(?:murder|assassination|killing|execution)\s+of)\s+"
    # "murdered Mohamed Eshtewi", "the murder of Salwa Bugaigis": a person named (not "killed Islamic State fighters")
    r"(?:[A-Z][a-z'’-]+(?:\s+(?:al-|el-|bin\s+|ben\s+|abu\s+)?[A-Z][a-z'’-]+){1,3}\b(?!\s+[a-z]+s\b)(?![-'’])|"
    r"(?:(?:a|an|one)\s+(?:(?:senior|local|prominent|top|former|young|elderly|military|police|security|militia|"
    r"tribal|[A-Z][\w-]*)\s+){0,4}(?:man|woman|boy|girl|child|civilian|resident|worker|migrant|student|"
    r"leader|commander|officer|official|soldier|policeman|journalist|activist|judge|imam|mayor|colonel|general|"
    r"lawyer|doctor|fighter|guard|member|shepherd|farmer|driver|trader|merchant|engineer|nurse|teacher|pupil|"
    r"employee|tribesman|elder|cleric|businessman|contractor|militant|gunman|rebel|protester|demonstrator|"
    r"bystander|policeman|pilot|youth|teenager|father|mother|son|daughter|ambassador|diplomat|consul|shopkeeper|"
    r"participant)\b"
    r"|(?:the\s+)?(?:(?:senior|local|prominent|top|former|military|police|security|militia|tribal|[A-Z][\w-]*)\s+){0,4}"
    r"(?:leader|commander|officer|official|soldier|policeman|journalist|activist|judge|imam|mayor|colonel|general)"
    r"(?:\s+[A-Z][a-z'’-]+){1,3}\b"
    # "killed the US ambassador", "the British envoy": one envoy (a title held by one person)
    r"|the\s+(?:[A-Z][\w.]*\s+){0,2}(?:ambassador|consul|envoy)\b(?!s)"
    # "killing the driver", "shot dead the car's owner": one person named by a singular definite noun
    r"|the\s+(?:car['’]s\s+|vehicle['’]s\s+|house['’]s\s+)?(?:driver|owner|passenger|pilot|man|woman|boy|girl|child|"
    r"shopkeeper|guard|doctor|nurse|teacher|activist|journalist|judge|lawyer|mayor|imam|official|commander)\b"
    r"(?![-’'])(?!\s+(?:and|of)\b)))"
)
# "Both Gaddafi and his son were … killed", "both men were shot dead": two victims
#: Two people killed, each named: "killing Ambassador Chris Stevens and Sean Smith", "Killed in the attack were US
#: Ambassador Christopher Stevens and Sean Smith".
_EN_TWO_NAMED_RE = re.compile(
    r"\b(?:killed|killing|assassinated|murdered|shot\s+dead|(?:[Kk]illed|[Dd]ead)\s+(?:in|during)\s+the\s+\w+\s+were)\s+"
    r"(?:(?:[A-Z]{2,}|[A-Z][a-z'’-]+)\s+){1,4}?and\s+[A-Z][a-z'’-]+(?:\s+(?:al-|el-|bin\s+)?[A-Z][a-z'’-]+){1,3}\b")
_EN_BOTH_KILLED_RE = re.compile(
    r"\b[Bb]oth\b[^.;:]{1,60}?\b(?:were|had\s+been|have\s+been)\s+(?:[a-z]+,?\s+(?:and\s+|then\s+)*){0,8}?"
    r"(?:killed|shot\s+dead|murdered|executed|beheaded)\b")
# units a count can be of that are not people: time and distance
_NOT_PEOPLE = {"days", "day", "weeks", "week", "months", "month", "years", "year", "hours", "hour", "minutes",
               "km", "kilometres", "kilometers", "miles", "metres", "meters",
               "ايام", "يوما", "يوم", "اسابيع", "اسبوعا", "اشهر", "شهرا", "شهور", "سنوات", "عاما", "اعوام", "سنه",
               "ساعات", "ساعه", "دقائق", "دقيقه", "كلم", "كم", "كيلومترا", "كيلومترات", "مترا", "امتار"}
#: Arabic weekday names as the same-length fold writes them → Monday = 0 (read by :mod:`geo.text.timeparse` too)
AR_WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الثلاثاء": 1, "الثلاثا": 1, "الاربعاء": 2, "الاربعا": 2, "الخميس": 3, "الجمعه": 4,
    "السبت": 5, "الاحد": 6,
}
_EN_AND_ONE_RE = re.compile(
    r"\b(?P<n>an?|one|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+)?[a-z]+\s+and\s+(?:a|an|one)\s+"
    r"(?:[a-z]+\s+)?[a-z]+\s+(?:were|have\s+been|had\s+been)\s+(?P<verb>killed|wounded|injured)\b", re.IGNORECASE)
_EN_ONE_AND_MORE_RE = re.compile(
    r"\b(?P<verb>killing|killed|kills|wounding|wounded|injuring|injured)\s+"
    # the one victim: "a woman", "the ambassador", "Ambassador Chris Stevens" (a title and a name)
    r"(?:(?:a|an|one|the)\s+(?:[a-z]+\s+)?[a-z]+|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,3}))\s+and\s+"
    r"(?:(?:her|his|their|a|an)\s+)?(?:(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:of\s+(?:her|his|their)\s+)?)?(?:[a-z]+\s+)?"
    r"(?:children|sons|daughters|son|daughter|child|brothers|brother|sisters|sister|wife|husband|mother|father|"
    r"relatives|companions|colleagues|friend|friends|bodyguards?|guards?|drivers?|passengers?|others|civilians?|"
    r"soldiers?|policem[ae]n|officers?|fighters?|m[ae]n|wom[ae]n|boys?|girls?|person|people|migrants?|workers?|"
    r"[a-z]+(?:ans|ese|ists))\b",
    re.IGNORECASE)
#: Kin nouns (normalised, without the possessive suffix): a victim's relatives joined to them («وطفليها», «وابنه»).
_AR_KIN = frozenset({"ابن", "ابنت", "زوجت", "زوج", "طفل", "شقيق", "شقيقت", "والد", "والدت", "اخ", "اخت", "اب", "ام",
                     "نجل", "حفيد", "اطفال", "ابناء", "اولاد", "بنات", "اشقاء", "حراس", "مرافق", "مرافقي"})
_AR_KIN_SUFFIXES = ("هما", "هم", "ها", "ه")


def _ar_kin_count(word: str) -> int | None:
    """How many people a kin noun with a possessive suffix counts: «طفليها» 2, «ابنه» 1, «أطفالها» 0 (a plural,
    counted by the number before it); None when the word is no such noun."""
    for suf in _AR_KIN_SUFFIXES:
        if word.endswith(suf) and len(word) > len(suf) + 1:
            base = word[: -len(suf)]
            if base in _AR_KIN:
                return 0 if base in {"اطفال", "ابناء", "اولاد", "بنات", "اشقاء", "حراس"} else 1
            if base.endswith("ي") and base[:-1] in _AR_KIN:
                return 2  # the dual: «طفلي-ها», «ابني-ه», «ابنتي-ه»
    return None


_SUBSET_LEAD = {"including", "among", "بينهم", "منهم", "بينهن", "منهن", "بينها", "بينهما", "بين", "وبين"}
_EN_BE = {"were", "was", "are", "is", "have", "had"}
# the counted noun right after a number: a nationality or group plural ("Americans", "Egyptians",
# "Chadians", "Eritreans", "Sudanese", "Israelis") is people as much as "people" is
_EN_PEOPLE_NOUN_RE = re.compile(r"^[a-z]+(?:ans|ians|ese|is|ers|ists|men)$")
_EN_HEDGE = {"as", "many", "much", "reportedly", "at", "least", "about", "around", "some", "nearly", "almost", "more", "than", "over", "up", "to",
             "approximately", "roughly", "estimated", "an", "the", "of",
             # "killed another five people", "a further 12 were wounded": more of the dead, still counted
             "another", "further", "additional", "a"}


@dataclass(frozen=True)
class Casualties:
    """Fatalities and injuries read from text (``None`` when not reported or vague), with notes."""

    fatalities: int | None
    injuries: int | None
    notes: str
    #: ``(count, offset in the text)`` of each fatality count the total adds up, when every one of them
    #: is a written number (empty otherwise): "1,000 killed in Warshafana and another 170 in the
    #: Nafusa Mountains" tells which count is whose place
    fatal_counts: tuple[tuple[int, int], ...] = ()
    #: Offset of the first written count of dead or wounded (None: no count is written as a number)
    first_count_at: int | None = None


def _hedge_note(prev_words: list[str], next_words: list[str], language: str) -> str:
    p = " ".join(prev_words[-4:])
    nx = " ".join(next_words[:3])
    if re.search(r"ما لا يقل عن|لا يقل عن|at least", p) or re.search(r"علي الاقل|at least", nx):
        return "at least"
    if re.search(r"اكثر من|more than|over$|upwards of", p):
        return "more than"
    if re.search(r"نحو|حوالي|قرابه|زهاء|يقارب|about|around|nearly|almost|approximately|some$", p):
        return "about"
    return ""


# active verbs of killing whose object is the victim («قتل مسلحون قاضيا»)
_AR_KILLED_OBJECT_VERBS = frozenset({"قتل", "قتلت", "قتلوا", "اغتال", "اغتالت", "اغتالوا", "اعدم", "اعدمت", "اعدموا",
                                     "ذبح", "ذبحت", "ذبحوا", "اردي", "اردت", "اردوا"})
# «معظمهم», «بينهم», «جميعهم» after a count: what follows them describes the counted, up to their verb
_AR_DESCRIBED_LEAD = frozenset({"معظمهم", "اغلبهم", "غالبيتهم", "بينهم", "منهم", "بينهما", "جميعهم", "كلهم", "بينهن", "معظمهن"})


def _classify_ar(words: list[str], i: int, j: int) -> str:
    """Category of the number at word indices i..j-1 (normalised words): 'fatal', 'injury' or ''."""
    # «لقي ثلاثة مدنيين حتفهم»، «لقي 5 أشخاص مصرعهم»: the death is the object after the counted noun
    if any(w in _AR_DEATH_OBJECTS for w in words[j:j + 4]):
        return "fatal"
    nxt = words[j] if j < len(words) else ""
    nxt2 = words[j + 1] if j + 1 < len(words) else ""
    if nxt in {"حالات", "حاله", "حالتي", "حالتين", "حالتا"}:
        # «تسجيل 9 حالات وفاة و30 جريحا»، «حالتي إصابة»: cases of death, of injury
        if nxt2 in {"وفاه", "قتل"}:
            return "fatal"
        if nxt2 in {"اصابه", "جرح"}:
            return "injury"
    for w in (nxt, nxt2 if nxt in {"من", "اخرين"} else ""):
        stem = w[2:] if w.startswith("ال") else w
        if stem in _AR_FATAL_NOUNS or w in _AR_FATAL_NOUNS:
            return "fatal"
        if stem in _AR_INJURY_NOUNS or w in _AR_INJURY_NOUNS:
            return "injury"
    # «أربعة مدنيين قتلوا في القصف»، «ثلاثة أشخاص أصيبوا»: the (passive) verb after the counted
    # noun — not «خمسة مسلحين قتلوا جنديا», where the verb is active and has its own object
    # («سبعة مقاتلين ومدنيان اثنان لقوا حتفهم»، «7 مقاتلين و3 مدنيين قتلوا»: past the counts joined to it)
    far = j if j < len(words) and words[j] in _AR_DESCRIBED_LEAD else j + 1
    limit = j + 5
    while far < min(len(words), limit) and words[far] not in _AR_VERB_AFTER:
        base = words[far][1:] if words[far][:1] == "و" and len(words[far]) > 1 else words[far]
        if base in _AR_DESCRIBED_LEAD and far <= j + 1:
            # «14 شخصا معظمهم من المدنيين قتلوا»، «ثلاثة بينهم قياديان من الجيش قتلوا»: who they were, up to the verb
            limit = far + 8
            far += 1
            continue
        if limit > j + 5:
            if (base.isdigit() or _is_ar_number_word(base)) and words[far - 1] not in _SUBSET_LEAD \
                    or base in {"قال", "قالت", "اكد", "اكدت", "افاد", "افادت"}:
                break
            far += 1
            continue
        if base in {"علي", "الاقل", "نحو", "حوالي", "قرابه"} and far <= j + 2:
            far += 1  # «خمسة أشخاص على الأقل قتلوا»: the hedge between the count and its verb
            continue
        if not (base == "و" or base in _AR_PEOPLE_PL or base in _AR_PERSON_SING or base in _AR_PERSON_DUAL or base in _AR_ONE_TWO
                or _is_ar_nisba_plural(base) or _is_ar_number_word(base) or base.isdigit() or base == "قد"):
            break  # («30 شخصا قد قتلوا»: the particle «قد» before the verb)
        far += 1
    for q in (j, j + 1, far):
        if q < len(words) and words[q] in _AR_VERB_AFTER:
            obj = words[q + 1] if q + 1 < len(words) else ""
            if not (_is_ar_number_word(obj) or obj.isdigit() or obj in _AR_PERSON_SING or obj in _AR_PERSON_DUAL
                    or obj in _AR_PEOPLE_PL or obj.removesuffix("ا") in _AR_PERSON_SING):
                return _AR_VERB_AFTER[words[q]]
    # «مقتل موظفين اثنين»، «إصابة شخص واحد»: one and two follow the counted noun
    if i >= 2 and words[i] in _AR_ONE_TWO:
        prev2 = words[i - 2]
        base2 = prev2[1:] if prev2[:1] in {"و", "ب", "ف"} and len(prev2) > 3 else prev2
        if base2 in _AR_FATAL_TRIGGERS:
            return "fatal"
        if base2 in _AR_INJURY_TRIGGERS:
            return "injury"
    if i >= 2 and words[i - 2] in _AR_VICTIM_OF and words[i - 1].startswith("ال"):
        return "fatal"  # «راح ضحية الهجوم 5 أشخاص»: the victims of the attack, counted after it
    if i >= 2 and words[i - 2] in {"بين", "وبين"} and words[i - 1].startswith("ال"):
        # «كان بين القتلى خمسة عشر مدنيا»، «بين الجرحى ثلاثة أطفال»: among the dead (the wounded), counted after
        if words[i - 1][2:] in _AR_FATAL_NOUNS:
            return "fatal"
        if words[i - 1][2:] in _AR_INJURY_NOUNS:
            return "injury"
    k = i - 1
    steps = 0
    while k >= 0 and steps < 6:
        w = words[k]
        base = w[1:] if w[:1] in {"و", "ب", "ف"} and len(w) > 3 else w
        for cand in (w, base):
            if cand in _AR_FATAL_TRIGGERS or (k == i - 1 and cand in _AR_BODIES):
                return "fatal"
            if cand in _AR_INJURY_TRIGGERS:
                return "injury"
        if w not in _AR_HEDGE and base not in _AR_HEDGE:
            # «وقتل في الهجوم 12 من الثوار»: a prepositional phrase between the verb and its count
            if k >= 1 and words[k - 1] in _AR_PREP_SKIP:
                k -= 2
                steps += 2
                continue
            break
        k -= 1
        steps += 1
    # «قتلت غارة بطائرة مسيرة ثمانية أشخاص»، «أعدم تنظيم الدولة 21 مسيحيا»: verb, subject, then the counted
    # victims (verb-subject-object); the victims may be named by a nisba plural (مسيحيا، مصريين، سودانيين)
    # («قتل مسلحون ثلاثة من رجال الشرطة»: or "N of" the people)
    counted = words[j] if j < len(words) else ""
    if counted == "من" and j + 1 < len(words):
        counted = words[j + 1].removeprefix("ال")
        # «خمسة من جنوده», «ثلاثة من عناصرها»: of its soldiers
        for suffix in ("هم", "ها", "نا", "ه"):
            if counted.endswith(suffix) and counted[:-len(suffix)] in _AR_PEOPLE_PL:
                counted = counted[:-len(suffix)]
                break
    if counted and (counted in _AR_PEOPLE_PL or counted in _AR_PERSON_SING or _is_ar_nisba_plural(counted)):
        for k in range(i - 1, max(-1, i - 11), -1):
            w = words[k]
            if w in {"،", ",", ".", "و", "ثم"}:
                break
            base = w[1:] if w[:1] in {"و", "ف"} and len(w) > 3 else w
            if base in _AR_LOST_VERBS:
                return "fatal"  # («فقد الجيش في هذه المعارك حتى الرابعة عصرا 8 عناصر»: however far, its lost men)
            if k < i - 5:
                continue
            if base in _AR_FATAL_VERBS or base in _AR_EXECUTION_VERBS:
                return "fatal"
            if base in _AR_INJURY_VERBS:
                return "injury"
    return ""


# plural people counted after a number («ثمانية أشخاص»، «خمسة جنود») and the active verbs that kill or wound them
_AR_PEOPLE_PL = {"اشخاص", "شخصا", "مدنيين", "مدنيا", "جنود", "جنديا", "عناصر", "عنصرا", "مقاتلين", "مقاتلا", "اطفال", "طفلا",
                 "نساء", "رجال", "رجلا", "مسلحين", "مسلحا", "مهاجرين", "مهاجرا", "افراد", "فردا", "شبان", "مواطنين", "مواطنا",
                 "عمال", "عاملا", "شرطيين", "ضباط", "ضابطا", "ركاب", "طلاب",
                 # prisoners, hostages, reporters, protesters, staff and rescuers (folded: «أسرى» → «اسري»)
                 "سجينا", "سجناء", "معتقلين", "معتقلا", "اسري", "اسيرا", "رهائن", "رهينه", "صحفيين", "صحفيا", "ناشطين",
                 "ناشطا", "متظاهرين", "متظاهرا", "محتجين", "محتجا", "موظفين", "موظفا", "مسعفين", "مسعفا", "اطباء",
                 "طبيبا", "مهندسين", "مهندسا", "حراس", "حارسا", "طالبا", "تلاميذ"}
_AR_FATAL_VERBS = {"قتل", "قتلت", "قتلوا", "تقتل", "يقتل", "اودت", "اودي", "حصدت"}
#: «خسر الثوار 14 مقاتلا», «فقدت القوات ثلاثة جنود»: people lost in a battle are its dead (folded forms).
_AR_LOST_VERBS = {"خسر", "خسرت", "خسروا", "فقد", "فقدت", "فقدوا"}


def _ar_person_count(w: str) -> int:
    """1 for a singular person noun («جندي», «الناشطة»), 2 for a dual («جنديان», «الرجلان»), 0 otherwise
    (folded words; the article and the feminine «ـه» of a listed singular are allowed)."""
    for form in ((w, w[2:]) if w.startswith("ال") and len(w) > 4 else (w,)):
        if form in _AR_PERSON_DUAL:
            return 2
        if form in _AR_PERSON_SING or (form.endswith("ه") and form[:-1] in _AR_PERSON_SING):
            return 1
    return 0


def _is_ar_nisba_plural(w: str) -> bool:
    """Whether a folded word counted after a number is a nisba plural of people: «مسيحيا», «مصريين», «قبطيا».

    The accusative «ـيًا» after a count (tamyiz of 11–99) and the plural «ـيين» name people by faith,
    nationality or origin; «ليبيا» is the country, not a count of Libyans.
    """
    return len(w) >= 5 and w != "ليبيا" and (w.endswith("يين") or w.endswith("يا"))
_AR_INJURY_VERBS = {"اصاب", "اصابت", "اصابوا", "جرح", "جرحت", "تصيب", "يصيب"}


# "Ali Hassan, 34," "the activist Salwa Bugaighis, 51,": a name, then an age between commas (the match ends at the comma
# after the number; searched from up to 40 characters back)
_AGE_RE = re.compile(r".*?[A-Z][\w'’-]+, \d{1,3},", re.DOTALL)
# words ending in -ed or -ing that describe the counted people rather than tell what they did ("soldiers loyal
# to and backed by", "fighters belonging to"); any other such word is a verb of their own and ends the description
_EN_DESCRIBING = frozenset({"armed", "backed", "allied", "aligned", "affiliated", "linked", "based", "led", "trained",
                            "supported", "named", "unnamed", "unidentified", "suspected", "alleged", "belonging",
                            "fighting", "serving", "working", "stationed", "deployed", "loyal", "hundred", "united"})
_EN_NUMBER_WORDS = frozenset(_EN_UNITS) | frozenset(_EN_TENS)
_EN_BE_AFTER = frozenset({"reportedly", "been", "all", "later", "also", "subsequently", "either", "both", "were", "was"})


def _en_described_victims(words: list[str], j: int) -> str:
    """The category of a count whose people are described before their verb: "Five soldiers loyal to Haftar
    were killed", "36 soldiers from the Bunyan Marsous operations room were killed", "Seven people, most of
    them civilians, were killed" ('fatal', 'injury' or '').

    The counted noun comes first (at ``j``, or after one or two adjectives); then up to nine words that hold
    no number and no verb of their own; then a form of "be" and the killing or wounding word.
    """
    q = next((q for q in range(j, min(j + 3, len(words))) if _is_en_people(words[q]) or words[q] in _EN_PERSON
              and words[q] not in {"said", "to", "have", "more", "lost", "shot", "found", "stabbed", "beaten"}), None)
    if q is None:
        return ""
    for k in range(q + 1, min(q + 11, len(words))):
        w = words[k]
        if w in _EN_BE:
            m = k + 1
            while m < len(words) and m <= k + 3 and words[m] in _EN_BE_AFTER:
                m += 1
            if m < len(words) and words[m] not in _EN_ACTIVE:
                if words[m] in _EN_FATAL_TRIGGERS or words[m] in {"shot", "found"} and words[m + 1:m + 2] == ["dead"]:
                    return "fatal"
                if words[m] in _EN_INJURY_TRIGGERS:
                    return "injury"
            return ""
        if w.isdigit() or w in _EN_NUMBER_WORDS or w in _EN_ACTIVE or w in _EN_FATAL_TRIGGERS or w in _EN_INJURY_TRIGGERS \
                or w in {"and", "who", "which", "that", "said", "say", "says", "told", "while", "after", "before", "when"} \
                or (w.endswith(("ed", "ing")) and w not in _EN_DESCRIBING):
            return ""
    return ""


def _classify_en(words: list[str], i: int, j: int) -> str:
    # right after: "32 killed, 159 wounded" — the word a count carries is its own, whatever came before it
    if j < len(words) and words[j] in _EN_FATAL_TRIGGERS and words[j] not in _EN_ACTIVE:
        return "fatal"
    if j < len(words) and words[j] in _EN_INJURY_TRIGGERS and words[j] not in _EN_ACTIVE:
        return "injury"
    # before: "killed six", "wounding 15", "killing at least 11", "killed between 40 and 50"
    k = i - 1
    steps = 0
    while k >= 0 and steps < 4:
        w = words[k]
        if w in _EN_FATAL_TRIGGERS:
            return "fatal"
        if w in _EN_INJURY_TRIGGERS:
            return "injury"
        if w in {"were", "was"} and k >= 1 and (words[k - 1] in _EN_FATAL_TRIGGERS or words[k - 1] in _EN_INJURY_TRIGGERS):
            # "Killed were four soldiers and two civilians", "Among the wounded were 12 children": the verb before
            return "fatal" if words[k - 1] in _EN_FATAL_TRIGGERS else "injury"
        if w in {"lost", "lose", "loses", "losing"} and j < len(words) and _is_en_people(words[j]):
            return "fatal"  # "the rebels lost 14 men": men lost in a battle are its dead (not "lost 14 tanks")
        if w not in _EN_HEDGE and w != "between":
            break
        k -= 1
        steps += 1
    described = _en_described_victims(words, j)
    if described:
        return described
    # after: "six (people) (were) killed", "11 dead", "15 injured" — not "26, killing 11": an
    # active verb after a count takes its victims from what follows it
    k = j
    steps = 0
    while k < len(words) and steps < 5:
        w = words[k]
        if w in _EN_ACTIVE:
            return ""
        if w in _EN_FATAL_TRIGGERS:
            return "fatal"
        if w in _EN_INJURY_TRIGGERS:
            return "injury"
        if w == "and" and k + 1 < len(words) and (_DIGITS_RE.match(words[k + 1]) or words[k + 1] in _EN_UNITS):
            # "12 rebels and 5 soldiers were killed": the next count shares the verb
            k += 2
            steps += 1
            continue
        # "one of our officers was killed" ("two of the guards were wounded"), and "Four Americans,
        # including Ambassador Stevens, were killed": the words up to the verb name the counted; the
        # verb after them still classifies the count
        if w == "among" and words[k + 1:k + 2] in (["the"], ["those"]) and k + 2 < len(words):
            # "15 civilians were among the dead", "among those wounded": the count is of the dead (a part
            # of them when the sentence counts them all too)
            if words[k + 2] in {"dead", "killed", "victims", "casualties", "fatalities"}:
                return "fatal"
            if words[k + 2] in {"wounded", "injured", "hurt"}:
                return "injury"
        reach = 6 if w == "of" and k == j and words[i] in {"one", "two", "three", "four", "five"} else \
            8 if w in {"including", "among"} else 0
        if reach:
            # (", among them a child, lost their lives": the verb need not be a form of "be")
            stop = _EN_BE | {"lost", "died"} if w != "of" else _EN_BE
            nxt = next((q for q in range(k + 1, min(k + 1 + reach, len(words))) if words[q] in stop), None)
            if nxt is None:
                break
            k = nxt
            steps += 1
            continue
        if w in _EN_REPORTED and k > j:
            k += 1  # "10 people were said to have been killed", "were reportedly killed": hearsay, still a count
            continue
        if w not in _EN_PERSON and not (k <= j + 2 and _is_en_people(w)) and not (
                k <= j + 1 and k + 1 < len(words) and _is_en_people(words[k + 1])):
            # ("two Western photojournalists were killed", "three young men", "three pro-Gaddafi soldiers": the words
            # before the people noun describe them)
            break
        k += 1
        steps += 1
    return ""


# words between a count's "were" and its verb that only report it ("were said to have been killed")
_EN_REPORTED = frozenset({"said", "reported", "reportedly", "believed", "thought", "feared", "confirmed", "estimated",
                          "known", "understood", "alleged", "allegedly", "to", "have", "been", "also", "all"})


@lru_cache(maxsize=1)
def _casualty_words_re() -> re.Pattern[str]:
    """Any word a count is classified by (:func:`_classify_ar`/:func:`_classify_en`), as a substring.

    A sentence without one of them cannot yield a casualty figure, so :func:`casualties`
    skips the tokenising work for it.
    """
    words = (_AR_FATAL_TRIGGERS | _AR_INJURY_TRIGGERS | _AR_FATAL_NOUNS | _AR_INJURY_NOUNS
             | _EN_FATAL_TRIGGERS | _EN_INJURY_TRIGGERS | _AR_DEATH_OBJECTS | _AR_FATAL_VERBS | _AR_INJURY_VERBS
             | _AR_DUAL_FATAL | _AR_DUAL_INJURY | _AR_LOST_VERBS
             | {"toll", "حصيله", "murder", "assassination", "killing", "execution", "lost", "lose", "losing"})
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def casualties(text: str, language: str) -> Casualties:
    """Read fatality and injury counts from a sentence.

    Parameters
    ----------
    text
        A sentence (or short paragraph).
    language
        ``'ar'`` or ``'en'`` (Arabic rules also apply to Arabic words in an English text and vice versa).

    Returns
    -------
    Casualties
        Sums of the counts found per category; ``None`` when none is given or only
        a vague one («عشرات القتلى»، "dozens killed"); ``notes`` records hedges
        ("at least 6 killed"), vague counts and several counts summed.

    Examples
    --------
    >>> c = casualties("وأسفرت المواجهات عن مقتل ستة وإصابة 15 آخرين.", "ar")
    >>> c.fatalities, c.injuries
    (6, 15)
    """
    if not _casualty_words_re().search(normalize(text)):
        return Casualties(None, None, "")  # no killing/wounding word: nothing can be classified
    toks = _tokens(text)
    words = [_norm_tok(t) for t, _, _ in toks]
    starts = {s: idx for idx, (_, s, _) in enumerate(toks)}
    ends = {e: idx for idx, (_, _, e) in enumerate(toks)}
    found: dict[str, list[int]] = {"fatal": [], "injury": []}
    placed: list[tuple[int, int]] = []  # (fatality count, its offset), for the counts of the main reading
    first_at: int | None = None
    vague: dict[str, bool] = {"fatal": False, "injury": False}
    vague_value: dict[str, int] = {}
    toll: dict[str, int] = {}
    period_toll: dict[str, int] = {}
    notes: list[str] = []
    prev_cat = ""
    prev_end_idx = -10
    nums = find_numbers(text)
    dates = _date_spans(text) if any(nm.text[:1].isdigit() for nm in nums) else []
    folded = fold_same_length(text)
    skip_until = -1
    for n_i, nm in enumerate(nums):
        if nm.start < skip_until:
            continue
        if any(a <= nm.start < b for a, b in dates):
            continue  # "on Sept. 26, killing 11": a day of the month is no count
        i = starts.get(nm.start)
        if i is None:  # «و15»: the number starts one character into the token
            i = starts.get(nm.start - 1)
        j = ends.get(nm.end)
        if i is None or j is None:
            continue
        j += 1
        # a range "between 10 and 15 killed", «ما بين 10 و15 قتيلا»: classified by its upper end, coded low
        nxt = nums[n_i + 1] if n_i + 1 < len(nums) else None
        range_hi = None
        if nxt is not None and not nm.vague and not nxt.vague and nxt.value is not None and nm.value is not None \
                and nxt.value > nm.value and _RANGE_GAP_RE.match(text[nm.end:nxt.start]) and (
                    (i > 0 and words[i - 1] in _RANGE_LEAD) or text[nm.end:nxt.start].strip() in {"-", "–", "to", "الى", "إلى"}):
            j2 = ends.get(nxt.end)
            if j2 is not None:
                range_hi, j = nxt.value, j2 + 1
                skip_until = nxt.end
        if j < len(words) and words[j] in _NOT_PEOPLE and not (
                words[j] == "يوم" and j + 1 < len(words) and (words[j + 1].isdigit() or words[j + 1] in AR_WEEKDAYS)):
            # "3 days of fighting", «بعد 5 ساعات», "20 km": a count of something else (not «إلى 34 يوم 25
            # يناير», «34 يوم الخميس»: «يوم» opens the date of the count)
            continue
        if nm.text.isdigit() and 1900 <= (nm.value or 0) <= 2100 and i > 0 and words[i - 1] in _YEAR_LEAD:
            continue  # "the deadliest since 2011", «منذ عام 2014»: a year, not a count
        if _AGE_RE.match(text, max(0, nm.start - 40), nm.end + 1) and text[nm.end:nm.end + 1] == "," \
                and text[max(0, nm.start - 2):nm.start] == ", ":
            continue  # "Ali Hassan, 34, was shot dead": the age of the named person before it
        arabic = bool(re.search(r"[\u0600-\u06ff]", text[nm.start:nm.end])) or language == "ar"
        toll_before = _TOLL_RE.search(folded[max(0, nm.start - 90):nm.start])
        cat = _classify_ar(words, i, j) if arabic else _classify_en(words, i, j)
        if not cat and arabic:
            cat = _classify_en(words, i, j)
        if not cat and toll_before:
            phrase = normalize(toll_before.group())
            cat = "injury" if re.search(r"جرحي|مصابين|wounded|injured", phrase) else "fatal"
        joined = words[i].startswith("و") or (i > 0 and words[i - 1] in {"و", "and"})
        if not cat and prev_cat and i - prev_end_idx <= 4 and joined:
            # «مقتل 3 مدنيين و2 من الجنود»: a count joined by «و» to the previous one
            after_w = words[j] if j < len(words) else ""
            if after_w in {"من", "اخرين"} or after_w in _AR_PERSON_SING or after_w in _AR_PERSON_PL or after_w in _EN_PERSON:
                cat = prev_cat
        if not cat:
            continue
        label = "killed" if cat == "fatal" else "injured"
        if nm.vague:
            vague[cat] = True
            v = VAGUE_FATALITIES.get(_norm_tok(nm.text.split()[0])) if nm.text.split() else None
            if v is not None:
                vague_value[cat] = max(vague_value.get(cat, 0), v)
                notes.append(f"vague count: {nm.text} {label}, coded {v}")
            else:
                notes.append(f"vague count: {nm.text} {label}")
            continue
        value = nm.value
        if value is None:
            continue  # not vague yet no value: nothing to count
        if range_hi is not None:
            notes.append(f"range {value}–{range_hi} {label}: lower bound")
        if toll_before and _PERIOD_TOLL_RE.search(toll_before.group()):
            # "…, bringing the death toll since the clashes began to 47": a tally of a period, which the sentence's
            # own count (32 killed over the weekend) is part of; it stands only where the sentence counts nothing else
            period_toll[cat] = max(period_toll.get(cat, 0), value)
            notes.append(f"toll of a period: {value} {label}")
            prev_cat, prev_end_idx = cat, j
            continue
        if toll_before:
            toll[cat] = max(toll.get(cat, 0), value)
            notes.append(f"updated toll: {value} {label}")
            prev_cat, prev_end_idx = cat, j
            continue
        if found[cat] and (any(w in _SUBSET_LEAD for w in words[max(0, i - 2):i]) or "among" in words[j:j + 4]):
            # "12 killed, including two children", «مقتل 12 بينهم طفلان»: a part of the count before
            notes.append(f"{value} {label}: part of the count before")
            continue
        if words[j:j + 2] in (["of", "them"], ["of", "whom"]) or words[j:j + 1] in (["منهم"], ["منهن"]):
            # "Nine people were killed, five of them children", «تسعة أشخاص، خمسة منهم أطفال»: a part of the
            # count before, which is the one counted (also when only the part stands next to the verb)
            whole = nums[n_i - 1] if n_i > 0 else None
            if found[cat]:
                notes.append(f"{value} {label}: part of the count before")
                continue
            if whole is not None and whole.value is not None and not whole.vague and nm.start - whole.end <= 40 \
                    and not any(a <= whole.start < b for a, b in dates):
                notes.append(f"{value} {label}: part of the count before ({whole.value})")
                value = whole.value
        hedge = _hedge_note([w for w in words[max(0, i - 4):i]], words[j:j + 3], language)
        if hedge:
            notes.append(f"{hedge} {value} {label}")
        found[cat].append(value)
        first_at = nm.start if first_at is None else first_at
        if cat == "fatal":
            placed.append((value, nm.start))
        prev_cat, prev_end_idx = cat, j
    # "Salim Derby was killed", "killed senior commander Nasser Akr", "shot dead a police officer":
    # one named or singular victim, one death
    if not found["fatal"] and (_EN_BOTH_KILLED_RE.search(text) or _EN_TWO_NAMED_RE.search(text)):
        found["fatal"].append(2)
        notes.append("both killed: two people")
    elif not found["fatal"] and (_EN_ONE_KILLED_RE.search(text) or _EN_KILLED_ONE_RE.search(text)):
        found["fatal"].append(1)
        notes.append("one person killed")
    # «لقي محمد نبوس مصرعه», «لقيا حتفهما»: a named victim and the death as the verb's object
    if not found["fatal"]:
        for idx, w in enumerate(words):
            if w in _AR_DEATH_OBJECTS and any(q in {"لقي", "لقيت", "لقيا", "ولقي", "ولقيت"} for q in words[max(0, idx - 10):idx]):
                found["fatal"].append(2 if w.endswith("هما") else 1 if w.endswith(("ه", "ها")) else 0)
                if found["fatal"][-1] == 0:
                    found["fatal"].pop()  # «حتفهم» with no count: a plural of unknown size
                else:
                    notes.append("one person killed" if found["fatal"][-1] == 1 else "two people killed")
                break
    # «مقتل شخص»، «مقتل جنديين»، «سقوط قتيلين»: counts carried by a singular/dual noun
    last_noun_cat, last_noun_idx = "", -10
    for idx, w in enumerate(words):
        if w in _AR_DUAL_FATAL:
            found["fatal"].append(2)
        elif w in _AR_DUAL_INJURY:
            found["injury"].append(2)
        elif ((sw := w[1:] if w[:1] == "و" else w) in _AR_SING_FATAL or sw in _AR_SING_INJURY) and not (
                idx > 0 and (words[idx - 1].isdigit() or _is_ar_number_word(words[idx - 1]))) and not (
                idx + 1 < len(words) and words[idx + 1] in _AR_ONE_TWO):
            found["fatal" if sw in _AR_SING_FATAL else "injury"].append(1)
        elif idx > 0 and w in _AR_ONE_OF and not (idx + 1 < len(words) and words[idx + 1] in _AR_TEN):
            # («أحد عشر»، «إحدى عشرة» are eleven, read as a number)
            prev = words[idx - 1]
            base = prev[1:] if prev[:1] in {"و", "ب", "ف"} and len(prev) > 3 else prev
            cat = "fatal" if base in _AR_FATAL_TRIGGERS - {"سقوط"} else "injury" if base in _AR_INJURY_TRIGGERS else ""
            if cat:
                found[cat].append(1)
        elif w[:1] == "و" and prev_cat and idx == prev_end_idx + 1 and _ar_person_count(w[1:]):
            # «قتل سبعة جنود ومدنيان»: a singular or dual person noun joined to the noun of the count before
            found[prev_cat].append(_ar_person_count(w[1:]))
        elif idx >= 2 and w.endswith("ا") and w[:-1] in _AR_PERSON_SING and not (
                words[idx - 1].isdigit() or _is_ar_number_word(words[idx - 1])) and any(
                (q[1:] if q[:1] in {"و", "ف"} else q) in _AR_KILLED_OBJECT_VERBS for q in words[max(0, idx - 3):idx - 1]):
            # «قتل مسلحون قاضيا»، «اغتال مجهولون ناشطا»: verb, subject, then one victim (an indefinite accusative)
            found["fatal"].append(1)
        elif idx > 0 and _ar_person_count(w) and not (
                idx + 1 < len(words) and words[idx + 1] in _AR_ONE_TWO):  # «شخص واحد» is counted by its numeral
            # («مقتل جندي»، «قتل الرجلان»، «اغتيال الناشطة»: with the article too, and the feminine)
            prev = words[idx - 1]
            base = prev[1:] if prev[:1] in {"و", "ب", "ف"} and len(prev) > 3 else prev
            cat = "fatal" if base in _AR_FATAL_TRIGGERS - {"سقوط"} else "injury" if base in _AR_INJURY_TRIGGERS else ""
            if cat:
                found[cat].append(_ar_person_count(w))
                last_noun_cat, last_noun_idx = cat, idx
        elif w[:1] == "و" and idx == last_noun_idx + 1 and (kin := _ar_kin_count(w[1:])):
            # «مقتل امرأة وطفليها», «رجل وابنه»: her two children, his son, joined to the counted victim
            found[last_noun_cat].append(kin)
            last_noun_idx = idx
        elif w[:1] == "و" and idx == last_noun_idx + 1 and idx + 2 < len(words) and words[idx + 1] == "من" \
                and _ar_kin_count(words[idx + 2]) is not None and (n_of := parse_number(w[1:])) is not None:
            # «مقتل امرأة وثلاثة من أطفالها»: three of her children
            found[last_noun_cat].append(n_of)
            last_noun_idx = idx + 2
        elif w[:1] == "و" and idx == last_noun_idx + 1 and (w[1:] in _AR_PERSON_SING or w[1:] in _AR_PERSON_DUAL):
            # «قتل جنديان ومدني»: a person noun joined by «و» to the counted one is counted too
            found[last_noun_cat].append(2 if w[1:] in _AR_PERSON_DUAL else 1)
            last_noun_idx = idx
    # (after the person nouns: «توفيت الطفلة متأثرة بجروحها» is counted by its noun) «توفي لاحقا متأثرا بجراحه», «فارقت الحياة متأثرة بإصابتها»: one person died of the wounds
    if not found["fatal"] and "متاثر" in folded and (dw := _AR_DIED_OF_WOUNDS_RE.search(folded)) is not None:
        found["fatal"].append(2 if dw.group("s") == "هما" else 1)
        notes.append("one person died of wounds" if dw.group("s") != "هما" else "two people died of wounds")
    # «مقتل السفير كريستوفر ستيفنز وثلاثة أمريكيين آخرين», «قتل مسلحون رجلا وثلاثة آخرين», «مقتل قائد الكتيبة وأربعة من
    # مرافقيه»: one victim and the N others killed with them
    if found["fatal"] in ([], [1]) and (mo := _AR_ONE_AND_OTHERS_RE.search(folded)) is not None \
            and (n_others := parse_number(mo["n"])) is not None:
        found["fatal"] = [n_others + 1]
        notes.append(f"one victim and {n_others} others")
    # "two soldiers and a civilian were killed": one more victim joined to the count
    m = _EN_AND_ONE_RE.search(text)
    if m is not None:
        cat = "fatal" if m["verb"].lower() in {"killed", "dead"} else "injury"
        n = 1 if m["n"].lower() in {"a", "an", "one"} else parse_number(m["n"])
        if n is not None:
            if n in found[cat]:
                found[cat].append(1)  # the count was read already: one more
            else:
                found[cat].append(n + 1)
    # "killing a woman and her two children", "killed a man and his son": one victim and those joined to them
    m = _EN_ONE_AND_MORE_RE.search(text)
    if m is not None:
        cat = "fatal" if m["verb"].lower().startswith("kill") else "injury"
        n = parse_number(m["n"]) if m["n"] else 1
        if n is not None and found[cat] in ([], [n], [1]):  # ([1]: the one victim, read alone before)
            found[cat] = [1 + n]
            notes.append(f"one victim and {n} more joined to them")
    for cat, label in (("fatal", "fatalities"), ("injury", "injuries")):
        if len(found[cat]) > 1:
            notes.append(f"{label}: sum of {' + '.join(map(str, found[cat]))}")
    for cat in ("fatal", "injury"):
        if cat in period_toll and cat not in toll and not found[cat]:
            toll[cat] = period_toll[cat]
        if cat in toll:  # the toll is the running total: it replaces, never adds to, the counts
            found[cat] = [max([toll[cat], *found[cat]])]
        elif not found[cat] and cat in vague_value:
            found[cat] = [vague_value[cat]]
    fat = sum(found["fatal"]) if found["fatal"] else None
    inj = sum(found["injury"]) if found["injury"] else None
    if fat is None and _ONE_KILLED_RE.search(text):
        # "Mohammed Nabbous, a journalist, was killed": one person, named, no count
        fat = 1
        notes.append("one named person killed")
    whose = tuple(placed) if len(placed) > 1 and sum(v for v, _ in placed) == fat else ()
    return Casualties(fat, inj, "; ".join(notes), whose, first_at)


# a singular passive killing with no number: one victim ("X was killed", "a judge was shot dead")
_ONE_KILLED_RE = re.compile(
    r"\b(?:was|has\s+been)\s+(?:\w+\s+)?(?:killed|shot\s+dead|murdered|assassinated|executed|beheaded|gunned\s+down)\b"
    # "the killing of human rights lawyer Hanan al-Barassi": one person by trade
    r"|\b(?:killing|murder|assassination)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:lawyer|activist|journalist|"
    r"judge|doctor|blogger|cleric|imam|mayor|commander|officer|leader|official|prosecutor|teacher|student|man|woman|boy|"
    r"girl|child)\b",
    re.IGNORECASE)


# words before a four-digit number that make it a year
_YEAR_LEAD = frozenset({"since", "in", "of", "from", "until", "till", "before", "after", "during", "early", "late",
                        "mid", "منذ", "عام", "العام", "سنه", "السنه", "خلال", "مطلع", "اواخر", "نهايه", "بدايه", "حتي"})


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the date expressions of a sentence (their digits are days and years, not counts)."""
    from geo.text.timeparse import numeric_date_spans  # timeparse builds on this module's folding

    return numeric_date_spans(text)


# --- counted things -------------------------------------------------------------------

_STOP_AFTER = {
    "من", "في", "علي", "الي", "عن", "مع", "او", "و", "ان", "قد", "كم", "كلم", "كيلومتر", "كيلومترات", "متر", "امتار",
    "of", "in", "on", "at", "to", "and", "or", "from", "by", "km", "kilometres", "kilometers", "miles", "m", "the",
    "that", "which", "were", "was", "a", "an", "with", "for", "pm", "am", "gmt",
}
_TIME_WORDS = {
    "يوم", "يوما", "ايام", "يومين", "ساعه", "ساعات", "ساعتين", "دقيقه", "دقائق", "اسبوع", "اسابيع", "شهر", "اشهر", "شهور",
    "سنه", "سنوات", "عام", "اعوام", "days", "day", "hours", "hour", "weeks", "week", "months", "month", "years", "year",
    "minutes", "minute",
}
_MONTH_HINT = re.compile(
    r"^(?:يناير|فبراير|مارس|ابريل|مايو|يونيو|يونيه|يوليو|يوليه|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان"
    r"|ايار|حزيران|تموز|اب|ايلول|تشرين|january|february|march|april|may|june|july|august|september|october|november|december)"
)


def _is_adjective(tok: str) -> bool:
    t = _norm_tok(tok)
    if re.match(r"[\u0600-\u06ff]", t):
        return len(t) >= 4 and (t.endswith("يه") or t.endswith("ي")) and t not in _STOP_AFTER
    return t in {"air", "drone", "artillery", "mortar", "rocket", "military", "armed", "car", "suicide", "naval"}


def counted_noun(text: str) -> list[tuple[int, str, int, int]]:
    """Counts of things: ``(count, noun, start, end)`` for a number followed by a noun.

    The noun is the next word, plus a following adjective/modifier («غارات جوية»،
    "air strikes").  Numbers that are dates, clock times, distances or years are left
    out, as are vague counts.

    Examples
    --------
    >>> counted_noun("نفذ سبع غارات جوية على مراكز")
    [(7, 'غارات جوية', 4, 18)]
    """
    toks = _tokens(text)
    out = []
    for nm in find_numbers(text):
        if nm.vague or nm.value is None:
            continue
        before = text[max(0, nm.start - 1):nm.start]
        after = text[nm.end:nm.end + 1]
        if before in {":", "/", "-", "."} or after in {":", "/", "-", "."}:
            continue  # 19:44, 2016-06-09, 30/3
        k = None
        for idx, (_, s, e) in enumerate(toks):
            if s >= nm.end:
                k = idx
                break
        if k is None:
            continue
        tok, s, e = toks[k]
        t = _norm_tok(tok)
        if tok[0].isdigit() or t in _STOP_AFTER or t in _TIME_WORDS or _MONTH_HINT.match(t) or s - nm.end > 2:
            continue
        if nm.value >= 1900 and nm.value <= 2100 and nm.text.isdigit():
            continue  # a year
        end = e
        if k + 1 < len(toks):
            tok2, s2, e2 = toks[k + 1]
            # English modifier before the noun ("air strikes"), or an Arabic adjective after it («غارات جوية»)
            if s2 - e <= 1 and not tok2[0].isdigit() and (
                (_is_adjective(tok2) and re.match(r"[\u0600-\u06ff]", tok2))
                or (_is_adjective(tok) and not re.match(r"[\u0600-\u06ff]", tok) and _norm_tok(tok2) not in _STOP_AFTER)
            ):
                end = e2
        out.append((nm.value, text[s:end], nm.start, end))
    return out
