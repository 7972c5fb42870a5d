"""Event dates from text: weekdays, relative days, explicit dates, months.

:func:`resolve_date` picks the date expression of a sentence and resolves it
against the document date, with ACLED time precision (1 day, 2 week, 3 month).
:func:`find_dates` lists every expression found.  Expressions introduced by
«منذ»/"since" describe background ("IS has held Sirte since June 2015"): they
are returned with ``"since"`` in the note so callers do not date events to them;
explicit dates more than a month before the document date get a
``"background"`` note.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace as _replace

from geo.text.numbers import AR_WEEKDAYS, fold_same_length
from gazetteer.normalize import AR_MARKS_RE

__all__ = ["DateInfo", "find_dates", "nearest_date", "pick_date", "resolve_date", "weekdays_after"]


@dataclass(frozen=True)
class DateInfo:
    """A resolved date expression.

    Attributes
    ----------
    date
        The date (``None`` when it cannot be resolved, e.g. a weekday without document date).
    precision
        ACLED time precision: 1 day, 2 week, 3 month.
    note
        How the date was obtained; contains ``"since"`` for «منذ …»/"since …" expressions
        and ``"background"`` for explicit dates well before the document date.
    start, end
        Span of the expression in the text, ``-1`` when there is none.
    weekday
        For a weekday left unresolved (no document date): its index, Monday = 0, which
        :func:`weekdays_after` resolves from a date the text named; else ``None``.
    also
        The further days of a short list or range of days that begins with ``date`` ("on 20 and 21 July",
        "16–17 February", "on Sunday and Monday", «يومي الأحد والاثنين»): ACLED codes one event per day.
    """

    date: _dt.date | None
    precision: int
    note: str
    start: int
    end: int
    weekday: int | None = None
    also: tuple[_dt.date, ...] = ()


# Word boundaries that work for Arabic: a letter, digit or combining mark (harakat, tatweel) continues
# a word; Arabic punctuation («،» «؛» «؟», all inside U+0600–U+06FF) ends it, as a Latin comma does.
_WORDCH = r"\w\u064b-\u065f\u0670\u0640"
_A = rf"(?<![{_WORDCH}])"
_Z = rf"(?![{_WORDCH}])"

# weekday index: Monday = 0 (datetime.weekday)
_AR_WEEKDAYS = AR_WEEKDAYS
_EN_WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_EN_DAY_NAMES = [d.capitalize() for d in _EN_WEEKDAYS]

_MONTHS_AR = {
    # Egyptian / Maghreb
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "افريل": 4, "مايو": 5, "ماي": 5, "يونيو": 6, "يونيه": 6, "جوان": 6,
    "يوليو": 7, "يوليه": 7, "جويليه": 7, "اغسطس": 8, "اوت": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "دجنبر": 12, "نونبر": 11, "شتنبر": 9, "غشت": 8, "يوليوز": 7, "جانفي": 1, "فيفري": 2, "جانفييه": 1, "فيفرييه": 2,
    # Levantine
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    # Libyan (Jamahiriya-era names)
    "اي النار": 1, "النوار": 2, "الربيع": 3, "الطير": 4, "الماء": 5, "الما": 5, "الصيف": 6, "ناصر": 7, "هانيبال": 8,
    "الفاتح": 9, "التمور": 10, "الحرث": 11, "الكانون": 12,
}
# Arabic month names that are also ordinary words: only accepted next to a day number or a year
_AR_AMBIGUOUS_MONTHS = {"مارس", "ماي", "اب", "النوار", "الربيع", "الطير", "الماء", "الما", "الصيف", "ناصر", "الفاتح",
                        "التمور", "الحرث", "الكانون", "اي النار", "هانيبال", "اوت"}
# of those, the ones a preposition before them makes months («في مارس», «أوائل مارس»: no verb follows «في»)
_AR_MONTHS_AFTER_PREP = {"مارس", "ماي", "اوت"}
_MONTHS_EN = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for m in names
}


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_AR_MONTH = rf"(?:{_alt(_MONTHS_AR)})"
# «حزيران/يونيو»، «آذار (مارس)»، «يونيو-حزيران»
_AR_MONTH_PAIR = rf"(?P<mon>{_AR_MONTH})(?:\s*[/\\\-–(]\s*(?P<mon2>{_AR_MONTH})\s*\)?)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_AR_YEAR = rf"(?:\s*,?\s*(?:من\s+)?(?:عام|سنه|العام)?\s*{_YEAR}(?:\s*م)?{_Z})"
_AR_DATE_RE = re.compile(
    rf"{_A}و?(?P<day>[0-3]?\d){_Z}\s*(?:من\s+)?(?:شهر\s+)?{_AR_MONTH_PAIR}{_Z}{_AR_YEAR}?"
)
_AR_UNIT_ORD = {"الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
                "الثامن": 8, "التاسع": 9}
_AR_ORD_DAYS: dict[str, int] = {**{k: v for k, v in _AR_UNIT_ORD.items() if k != "الحادي"}, "العاشر": 10, "العشرين": 20,
                                "الثلاثين": 30}
for _w, _v in _AR_UNIT_ORD.items():
    if _v == 1 and _w == "الاول":
        continue
    _AR_ORD_DAYS[f"{_w} عشر"] = 10 + _v
    _AR_ORD_DAYS[f"{_w} والعشرين"] = 20 + _v
_AR_ORD_DAYS["الحادي والثلاثين"] = 31
# «في الرابع من نيسان/أبريل عام 2019»، «الحادي عشر من سبتمبر»: the day as an ordinal word
# («أول يونيو 2020», «مطلع» aside: "the first of June", the day without «من»)
_AR_ORD_DATE_RE = re.compile(
    rf"{_A}(?:(?P<ord>{_alt(_AR_ORD_DAYS)})\s+من|(?P<first>اول))\s+(?:شهر\s+)?{_AR_MONTH_PAIR}{_Z}{_AR_YEAR}?"
)
# «في 9 من الشهر الجاري»، «التاسع من الشهر الماضي»، "the 9th of this month": a day of the document's month
_AR_DAY_OF_MONTH_RE = re.compile(
    rf"{_A}(?P<d>[0-3]?\d|{_alt(_AR_ORD_DAYS)})\s+(?:من\s+)?(?:(?:هذا\s+)?الشهر|شهر)\s+(?P<which>الجاري|الحالي|الماضي|المنصرم|المنقضي|السابق)?{_Z}"
)
_EN_DAY_OF_MONTH_RE = re.compile(r"\bthe\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?P<which>this|last)\s+month\b", re.I)
# "over the weekend", «نهاية الأسبوع»: the Saturday before the document date, known to the week
_WEEKEND_RE = re.compile(rf"\b(?:over|during|at|on)\s+the\s+weekend\b|\blast\s+weekend\b|{_A}(?:عطله\s+|نهايه\s+)الاسبوع(?:\s+الماضي)?{_Z}",
                         re.I)
_YEAR_ONLY_RE = re.compile(rf"(?:\b(?:in|during|since|of)\s+|{_A}(?:عام|سنه|العام|في)\s+(?:عام\s+)?){_YEAR}(?!\d)", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:and|to|until|till|through|-|–|—|و|الي|الى|حتي|حتى)\s*$", re.I)
_RANGE_LEAD = re.compile(r"(?:\bbetween|\bfrom|بين|من|مابين)\s*$", re.I)
# «ثورة 17 فبراير»، "the 17 February Revolution": a name, not a date
_NAMED_BEFORE = re.compile(r"(?:ثوره|انتفاضه|revolution\s+of)\s*(?:ال)?$", re.I)
_NAMED_AFTER = re.compile(r"^\s*(?:revolution|uprising|revolutionaries)\b", re.I)
# the first day of a range: "16–17 February 2011", «16 و17 فبراير»
_RANGE_BEFORE = re.compile(r"(?<!\d)(?P<d>[0-3]?\d)\s*(?:–|-|—|and|to|و|الى|إلى|الي|حتي|حتى)\s*$", re.I)
_AR_MONTH_YEAR_RE = re.compile(rf"{_A}(?:شهر\s+)?{_AR_MONTH_PAIR}{_Z}{_AR_YEAR}")
_AR_MONTH_ONLY_RE = re.compile(rf"(?P<prep>{_A}[وف]?(?:في|خلال|منذ|مطلع|اواخر|اوايل|منتصف|بدايه|نهايه)\s+)(?:شهر\s+)?{_AR_MONTH_PAIR}{_Z}(?!\s*,?\s*(?:عام|سنه|العام)?\s*(?:19|20)\d\d)")

_EN_MONTH = rf"(?:{_alt(_MONTHS_EN)})\.?"
#: "mid-May", «منتصف مايو», «أواسط الشهر الماضي»; "late May", "the end of May", «أواخر مايو», «نهاية الشهر»: a part
#: of a month, known to about a week (ACLED precision 2), coded by its 15th or its 25th
_PART_OF_MONTH_BEFORE = re.compile(
    r"(?:(?P<mid>\bmid[\s-]*|\b(?:the\s+)?middle(?:\s+of)?\s+(?:the\s+)?|(?:منتصف|اواسط)\s+)"
    r"|(?P<late>\blate[\s-]+|\b(?:the\s+)?end(?:\s+of)?\s+(?:the\s+)?|(?:اواخر|نهايه)\s+))(?:شهر\s+)?$", re.I)


_PART_NOTE = {15: " (the middle of the month)", 25: " (the end of the month)"}


def part_of_month(before: str) -> int | None:
    """The day that codes the part of a month ``before`` names (its end is the month's name), else None.

    ``before`` is same-length-folded text ending where the month (or «الشهر», "last month") starts;
    a part's word alone, followed by a space, is read too (``part_of_month("اواخر ")`` is 25).
    """
    m = _PART_OF_MONTH_BEFORE.search(before)
    if m is None:
        return None
    return 15 if m["mid"] else 25
_EN_DMY_RE = re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_EN_MONTH})(?:,?\s+{_YEAR})?\b", re.I)
_EN_MDY_RE = re.compile(
    rf"\b(?P<mon>{_EN_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:\s*[–-]\s*[0-3]?\d\b)?(?:(?:,\s*|\s+){_YEAR}\b)?", re.I
)
_EN_MONTH_YEAR_RE = re.compile(rf"\b(?P<mon>{_EN_MONTH})\s+(?:of\s+)?{_YEAR}\b", re.I)
_EN_MONTH_ONLY_RE = re.compile(
    r"\b(?P<prep>(?:in|since|during|early|late|mid|(?:the\s+)?(?:start|end|beginning)\s+of)[\s-]+)"
    r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"(?!,?\s+(?:of\s+)?(?:19|20)\d\d)",
    re.I,
)
_ISO_RE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)")
_SLASH_RE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<b>\d{1,2})\s?(?P=sep)\s?(?P<year>(?:19|20)\d\d)(?!\d)")
# «بتاريخ 2019/04/04»: year first, as official Libyan documents write it
# (a full stop after it may end the sentence: «في 2011/08/20.»; one before a digit continues a number)
_YMD_SLASH_RE = re.compile(
    r"(?<![\d/])(?<!\d\.)(?P<year>(?:19|20)\d\d)(?P<sep>[/.])(?P<mon>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d/]|\.\d)")

_AR_WEEKDAY_RE = re.compile(
    rf"{_A}(?P<pre>(?:يوم|مساء|صباح|ليل|ليله|فجر|ظهر|عصر|نهار)\s+)?[وفب]?(?P<wd>{_alt(_AR_WEEKDAYS)}){_Z}"
)
_EN_WEEKDAY_RE = re.compile(rf"\b(?:(?P<mod>last|on|this|next)\s+)?(?P<wd>{'|'.join(_EN_DAY_NAMES)})\b")
# a weekday that names a market town or district («سوق الجمعة»، «سوق الثلاثاء»…) is a place, not a date
_PLACE_BEFORE_WEEKDAY = re.compile(r"(?:سوق|سوق\s+ال|souq|suq|souk)\s*$", re.I)

_REL_PATTERNS: list[tuple[re.Pattern[str], int, int, str]] = [
    # (pattern, day offset, precision, label)
    (re.compile(rf"{_A}(?:اول\s+امس|امس\s+الاول|اول\s+من\s+امس){_Z}"), -2, 1, "day before yesterday"),
    (re.compile(rf"{_A}(?:الليله\s+الماضيه|ليله\s+امس|ليل\s+امس|مساء\s+امس|البارحه){_Z}"), -1, 1, "last night"),
    (re.compile(rf"{_A}(?:[وب]?امس){_Z}"), -1, 1, "yesterday"),
    (re.compile(rf"{_A}(?:قبل|منذ)\s+يومين{_Z}"), -2, 1, "two days ago"),
    (re.compile(rf"{_A}[وف]?اليوم{_Z}(?!\s+(?:التالي|السابق|الاول|الثاني|الثالث|نفسه))"), 0, 1, "today"),
    (re.compile(rf"{_A}(?:هذا\s+الصباح|صباح\s+اليوم|مساء\s+اليوم|الليله){_Z}"), 0, 1, "today"),
    (re.compile(rf"{_A}(?:الاسبوع\s+الماضي|الاسبوع\s+المنصرم){_Z}"), -7, 2, "last week"),
    # «خلال الأيام الماضية», «في الأيام القليلة الأخيرة»: the last few days, coded two days back, within a week
    (re.compile(rf"{_A}(?:خلال|في|طيله|طوال)\s+(?:ال)?ايام\s+(?:القليله\s+)?(?:الماضيه|الاخيره|المنصرمه|السابقه){_Z}"),
     -2, 2, "the last few days"),
    (re.compile(rf"{_A}(?:هذا\s+الاسبوع|الاسبوع\s+الجاري|الاسبوع\s+الحالي){_Z}"), 0, 2, "this week"),
    (re.compile(rf"{_A}(?:هذا\s+الشهر|الشهر\s+الجاري|الشهر\s+الحالي){_Z}"), 0, 3, "this month"),
    (re.compile(rf"{_A}(?:الشهر\s+الماضي|الشهر\s+المنصرم){_Z}"), -31, 3, "last month"),
    (re.compile(r"\bday\s+before\s+yesterday\b", re.I), -2, 1, "day before yesterday"),
    (re.compile(r"\b(?:last\s+night|overnight)\b", re.I), -1, 1, "last night"),
    (re.compile(r"\byesterday\b", re.I), -1, 1, "yesterday"),
    (re.compile(r"\btwo\s+days\s+ago\b", re.I), -2, 1, "two days ago"),
    (re.compile(r"\b(?:today|this\s+morning|tonight|this\s+afternoon|this\s+evening)\b", re.I), 0, 1, "today"),
    (re.compile(r"\blast\s+week\b", re.I), -7, 2, "last week"),
    # "over the past week", "in the last seven days": the days up to the document's, coded in their middle
    (re.compile(r"\b(?:over|in|during|for|within)\s+the\s+(?:last|past|previous)\s+(?:week|seven\s+days|7\s+days)\b",
                re.I), -3, 2, "the past week"),
    (re.compile(r"\b(?:(?:over|in|during|for)\s+the\s+(?:last|past)\s+(?:few\s+|several\s+|couple\s+of\s+)?days|"
                r"in\s+recent\s+days)\b", re.I), -2, 2, "the last few days"),
    (re.compile(r"\bthis\s+week\b", re.I), 0, 2, "this week"),
    (re.compile(r"\bthis\s+month\b", re.I), 0, 3, "this month"),
    (re.compile(r"\blast\s+month\b", re.I), -31, 3, "last month"),
    # "last year", «العام الماضي», "two years ago": history told in a news item, not its event
    (re.compile(rf"{_A}(?:العام\s+الماضي|السنه\s+الماضيه|العام\s+المنصرم|قبل\s+(?:عام|سنه|عامين|سنتين|اعوام|سنوات)){_Z}"),
     -365, 3, "background: last year"),
    (re.compile(r"\b(?:last\s+year|(?:a|one|two|three|four|five|several|\d{1,2})\s+years?\s+ago|years\s+ago)\b",
                re.I), -365, 3, "background: last year"),
]
_AGO_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9,
                "عشره": 10}
# (folded text: «ة» is «ه», hamzas are bare «ا»)
_AGO_RE = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:(?P<d>days?)|(?P<wk>weeks?))\s+ago\b"
    r"|(?<![\u0621-\u064a])(?:قبل|منذ)\s+(?:(?P<an>ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره|\d{1,2})\s+(?:ايام|يوما)"
    r"|(?P<awk>اسبوع|اسبوعين))(?![\u0621-\u064a])",
    re.IGNORECASE,
)


def _ago_count(m: re.Match[str]) -> int | None:
    """How many days (or weeks, when the match names weeks) back an :data:`_AGO_RE` match counts."""
    if m["awk"]:
        return 2 if m["awk"].endswith("ين") else 1
    word = (m["n"] or m["an"] or "").lower()
    n = int(word) if word.isdigit() else _AGO_NUMBERS.get(word)
    return n if n is not None and 0 < n <= 31 else None


_SINCE_RE = re.compile(
    r"(?:منذ|مند|since|ever\s+since)\s*(?:(?:عام|سنه|شهر|مطلع|بدايه|اواخر|اوايل|منتصف|نهايه|يوم|early|late|mid|"
    r"the\s+(?:start|beginning|end)\s+of)[\s-]+)*(?:في\s+)?$",
    re.I,
)
BACKGROUND_DAYS = 31  #: an explicit date more days than this before the document date is background
#: A report that says what period it covers ("over the past three months", "During the year", «خلال
#: الأشهر الثلاثة الماضية», "the reporting period") tells of events of that whole period: none of them is
#: background. Matched on the same-length fold; the value is the period in days.
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12,
                "الشهرين": 2, "الثلاثه": 3, "الاربعه": 4, "السته": 6, "التسعه": 9}
_REPORT_PERIOD_RE = re.compile(
    r"\b(?:over|during|in|for|within)\s+the\s+(?:past|last|previous)\s+(?P<n>two|three|four|five|six|nine|twelve|\d{1,2})"
    r"\s+months\b"
    r"|(?P<year>\b(?:during|over|throughout)\s+the\s+(?:past\s+|last\s+)?year\b|\bthe\s+past\s+twelve\s+months\b"
    r"|خلال\s+(?:العام|السنه)(?:\s+(?:الماضي|الماضيه))?)"
    r"|(?P<period>\b(?:the\s+)?(?:reporting\s+period|period\s+under\s+review)\b|الفتره\s+المشموله\s+بالتقرير)"
    r"|(?P<reports>\b(?:numerous|multiple|widespread)\s+reports\s+(?:that|of)\b)"
    r"|خلال\s+(?:الاشهر|الشهور)\s+(?P<ar>الثلاثه|الاربعه|السته|التسعه)?\s*(?:الماضيه|الاخيره|المنصرمه)",
    re.I,
)


def report_period_days(text: str, doc_date: _dt.date | None = None) -> int | None:
    """The period (days) a report says it covers, the longest it names, else None.

    A quarterly update ("The security situation has deteriorated over the past three months") or an
    annual report ("During the year …", "There were numerous reports that …", or an opening that names
    the year it reviews: "There were widespread violations … in 2017 in Libya", read with ``doc_date``)
    tells of events months before its date: they are the report's events, not background. News names
    no such period.
    """
    best = 0
    if doc_date is not None:
        # the year the opening lines review, the document's own or the one before it (a report published in March)
        for m in _REVIEWED_YEAR_RE.finditer(fold_same_length(text[:_OPENING_CHARS])):
            year = int(m["y"] or m["y2"])
            if doc_date.year - 1 <= year <= doc_date.year:
                best = max(best, (doc_date - _dt.date(year, 1, 1)).days)
    for m in _REPORT_PERIOD_RE.finditer(fold_same_length(text)):
        if m["n"]:
            n = m["n"].lower()
            months = int(n) if n.isdigit() else _COUNT_WORDS.get(n, 0)
        elif m["year"]:
            months = 12
        elif m["period"]:
            months = 6
        elif m["reports"]:
            months = 12  # the annual human-rights reports' way of telling the year's events
        else:
            months = _COUNT_WORDS.get(m["ar"] or "", 3)
        best = max(best, min(months, 12) * 31)
    return best or None


_OPENING_CHARS = 500
_REVIEWED_YEAR_RE = re.compile(r"\b(?:in|during|throughout|for)\s+(?P<y>20[0-4]\d)\b|(?:خلال|في)\s+(?:عام\s+)?(?P<y2>20[0-4]\d)")


# A sentence holds a date expression only if it has one of these: the patterns below run only then.
_DATE_HINT_RE = re.compile(
    rf"\d|{_alt(_AR_WEEKDAYS)}|{_alt(m for m in _MONTHS_AR if m not in _AR_AMBIGUOUS_MONTHS)}|"
    r"امس|اليوم|الليله|البارحه|الاسبوع|الشهر|يومين|العام|السنه|عامين|سنتين|اعوام|سنوات|ايام|يوما|اسبوع|"
    # «في مارس», «أوائل مارس»: a month that is also a word, after a preposition
    r"(?:في|اوايل|اواخر|مطلع|منتصف|خلال|منذ|بدايه|نهايه)\s+(?:شهر\s+)?(?:مارس|ماي|اوت)(?![\u0621-\u064a])|"
    # «في الرابع من مارس»: an ordinal day before «من» (the month «مارس» alone is also a verb)
    r"(?:الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الحادي|العشرين|الثلاثين)(?:\s+\S+){0,2}\s+من\s|"
    rf"\b(?:{'|'.join(_EN_DAY_NAMES)}|{_alt(_MONTHS_EN)}|yesterday|today|tonight|overnight|night|morning|afternoon|"
    r"evening|week|weekend|month|year|ago|days)\b",
    re.IGNORECASE,
)
# The same test in three cheaper searches (one alternation of Arabic words and one of English words run
# slowly at every character): a digit, an Arabic word, or — only where a character that can match a
# Latin letter begins it (ASCII, and «İ ı ſ K», which IGNORECASE matches to i, s and k) — an English word.
_DATE_HINT_PARTS = _DATE_HINT_RE.pattern.split(r"|\b(?:", 1)
_DATE_HINT_DIGIT_RE = re.compile(r"\d")
_ARABIC_CHAR_RE = re.compile(r"[\u0600-\u06ff]")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
_DATE_HINT_AR_RE = re.compile(_DATE_HINT_PARTS[0].removeprefix(r"\d|"), re.IGNORECASE)
_DATE_HINT_EN_RE = re.compile(r"(?=[A-Za-z\u0130\u0131\u017f\u212a])\b(?:" + _DATE_HINT_PARTS[1], re.IGNORECASE)
assert _DATE_HINT_PARTS[0].startswith(r"\d|") and len(_DATE_HINT_PARTS) == 2


def _date_hint(folded: str) -> bool:
    """``_DATE_HINT_RE.search(folded)`` is not None, found faster."""
    return bool(_DATE_HINT_DIGIT_RE.search(folded) or _DATE_HINT_AR_RE.search(folded)
                or _DATE_HINT_EN_RE.search(folded))


# between a weekday and the date it names: «الجمعة 15 نوفمبر»، «الجمعة يوم 15 نوفمبر»، "Friday, 15 November"
#: Longest list or range of days coded as one event per day ("16–18 February"); a longer span keeps its first day.
_LIST_DAYS = 3
# the words between two weekdays named together: "Sunday and Monday", «الأحد والاثنين», «الأحد و الاثنين»
_DAY_PAIR_GAP = re.compile(r"^\s*(?:and|,|or|و|او|أو)\s*(?:on\s+)?(?:يوم\s*)?$", re.I)


def _days_between(first: _dt.date, last: _dt.date) -> tuple[_dt.date, ...]:
    """The days after ``first`` up to ``last`` when the span is short enough to code day by day, else ``()``."""
    n = (last - first).days
    return tuple(first + _dt.timedelta(days=i) for i in range(1, n + 1)) if 1 <= n <= _LIST_DAYS - 1 else ()


_WEEKDAY_GAP = re.compile(r"^\s*[,،]?\s*(?:(?:يوم|الموافق|في|the)\s*)?$", re.I)


def _month_ar(name: str) -> int:
    return _MONTHS_AR[re.sub(r"\s+", " ", name)]


def _year_for(month: int, day: int, doc_date: _dt.date | None) -> int | None:
    if doc_date is None:
        return None
    year = doc_date.year
    try:
        if _dt.date(year, month, min(day, 28 if month == 2 else day)) > doc_date:
            year -= 1
    except ValueError:
        return None
    return year


def _mk(year: int | None, month: int, day: int) -> _dt.date | None:
    if year is None:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _latest_weekday(wd: int, doc_date: _dt.date) -> _dt.date:
    return doc_date - _dt.timedelta(days=(doc_date.weekday() - wd) % 7)


# "On 4 October 2017, at least 4 people were killed …", «وفي 4 أكتوبر 2017، قتل …»: a sentence that opens with
# the full date of its event reports that event, however long before the document (a report, a chronology,
# an advisory listing past attacks); a date inside the sentence ("IS, which seized Sirte in May 2015, …") may be
# background
_ENTRY_LEAD_RE = re.compile(r"^\s*(?:(?:and\s+)?on|[وف]?في|[وف]?يوم|[وف]?بتاريخ)?\s*$", re.I)


def _dated_entry(folded: str, c: DateInfo) -> bool:
    """Whether ``c`` is the full date (day, month and written year) a sentence opens with."""
    return c.precision == 1 and "year from document date" not in c.note and "named earlier" not in c.note \
        and c.start >= 0 and bool(_ENTRY_LEAD_RE.match(folded[:c.start])) and bool(_YEAR_WRITTEN_RE.search(
            folded[c.start:c.end]))


_YEAR_WRITTEN_RE = re.compile(r"(?:19|20)\d\d")


def _since(folded: str, start: int) -> bool:
    return bool(_SINCE_RE.search(folded[max(0, start - 30):start]))


def _explicit(
    year: int | None, month: int, day: int | None, doc_date: _dt.date | None, label: str, start: int, end: int,
    ref_year: int | None = None,
) -> DateInfo | None:
    """DateInfo for an explicit date (``day=None``: month only, precision 3).

    A date without a year takes it from the document date; with no document date, from
    ``ref_year`` (the year a narrative text last named), else it stays unresolved.
    """
    precision = 1 if day else 3
    d = day or 1
    inferred = year is None
    if inferred and doc_date is not None and ref_year is not None and ref_year < doc_date.year:
        # a dated report whose heading names an earlier year ("2021 Terrorist Incidents:", published in 2023):
        # "In June" under it is of that year (:func:`heading_years`)
        date = _mk(ref_year, month, d)
        if date is None:
            return None
        return DateInfo(date, precision, f"explicit date {label!r} ({_HEADING_YEAR} {ref_year})", start, end)
    if inferred:
        year = _year_for(month, d, doc_date)
        if year is None and doc_date is None and ref_year is not None:
            date = _mk(ref_year, month, d)
            if date is None:
                return None
            return DateInfo(date, precision, f"explicit date {label!r} (year {ref_year} named earlier in the text)",
                            start, end)
        if year is None and doc_date is None:
            return DateInfo(None, precision, f"explicit date {label!r} without year, no document date", start, end)
    date = _mk(year, month, d)
    if date is None:
        return None
    if day is None and doc_date is not None and (date.year, date.month) == (doc_date.year, doc_date.month):
        date = doc_date if doc_date.day else date
    note = f"explicit date {label!r}" + (" (year from document date)" if inferred else "")
    return DateInfo(date, precision, note, start, end)


_TASHKEEL_RE = AR_MARKS_RE  # the marks every fold drops (gazetteer.normalize)


def find_dates(
    text: str, doc_date: _dt.date | None, language: str = "ar", *, ref_year: int | None = None,
    background_days: int = BACKGROUND_DAYS,
) -> list[DateInfo]:
    """Every date expression in ``text``, resolved, in text order (see :func:`_find_dates`).

    Arabic vowel marks («في الرابعِ من آذار») are read past: the patterns see the text without
    them, and the spans are given back in ``text``'s offsets. With no document date and no
    ``ref_year``, the first day of a range takes the year of the date that ends it ("from 4
    April to 4 June 2019"); a year elsewhere in the sentence gives none. An explicit date more than
    ``background_days`` before the document date is background (see :func:`report_period_days`).
    """
    found = _find_dates_marked(text, doc_date, language, ref_year, background_days)
    found = _mark_statement_dates(text, found)
    if doc_date is None and ref_year is None:
        # "from 4 April to 4 June 2019", «من 4 أبريل إلى 4 يونيو 2019»: the first day of a range takes the year of
        # the date that ends it (a range's year is written once, at its end)
        for n, d in enumerate(found):
            end = found[n + 1] if n + 1 < len(found) else None
            if d.date is None and d.start >= 0 and end is not None and end.date is not None \
                    and _RANGE_JOIN_RE.match(text[d.end:end.start]):
                w = next((x for x in _find_dates_marked(text, None, language, end.date.year) if x.start == d.start), None)
                if w is not None and w.date is not None:
                    found[n] = _replace(w, note=w.note.replace("named earlier in the text", "of the date that ends its range"))
    return found


#: Arabic speech verbs ("said", "announced", "reported", "stated"), as written and with the hamza folded.
_AR_SAID = "قال|قالت|أعلن|أعلنت|اعلن|اعلنت|أفاد|أفادت|افاد|افادت|ذكر|ذكرت|أكد|أكدت|اكد|اكدت|صرح|صرحت"
#: A speech verb right before a date: "officials said on Thursday (that …)", «وقالت وزارة الصحة يوم الثلاثاء (إن …)».
_SAID_BEFORE_RE = re.compile(
    r"(?:\b(?:said|says|told\s+\S+|announced|reported|stated|confirmed|added|claimed|declared|revealed|warned)"
    r"\s*,?\s*(?:late\s+|early\s+)?(?:on\s+)?"
    rf"|(?:^|\s)[وف]?(?:{_AR_SAID})"
    r"(?:\s+\S+){0,6}?\s+(?:يوم\s+|مساء\s+|صباح\s+)?"
    # «في بيان اليوم», «في بيان له صدر اليوم», "in a statement on Sunday": the statement's day
    r"|(?:^|\s)(?:في|ب)\s*(?:ال)?(?:بيان|تصريح|تصريحات|مؤتمر\s+صحفي)(?:\s+(?:له|لها|صدر|صحفي|رسمي)){0,2}\s+(?:يوم\s+)?"
    r"|\bin\s+a\s+statement\s+(?:issued\s+|released\s+|published\s+)?(?:late\s+|early\s+)?(?:on\s+)?)$",
    re.IGNORECASE)
#: A speech verb shortly after a date that opens the sentence and a comma: "On Tuesday, officials of the US military
#: said …", «يوم الثلاثاء، قالت الوزارة …» (not "Yesterday's attack … reported to have occurred").
_SAID_AFTER_RE = re.compile(
    r"^\s*[,،]\s*(?:\S+\s+){0,7}?(?:said|say|says|told|announced|stated|claimed|confirmed|declared)\b"
    rf"|^\s*[,،]\s*(?:\S+\s+){{0,2}}?[وف]?(?:{_AR_SAID})(?=\s)",
    re.IGNORECASE)
_USABLE_SKIP = ("since", "background", "future", "range end")
#: What went on until a later day: "continued to", "lasted until", "until", «استمرت حتى», «حتى صباح» (folded text).
_UNTIL_BEFORE_RE = re.compile(
    r"(?:\b(?:continu\w*|last\w*|went\s+on|carried\s+on|raged)\s+(?:(?:un)?til|till|to|into|through)|\b(?:un)?til|\btill)"
    r"\s+(?:(?:late|early)\s+(?:on\s+)?)?(?:on\s+)?$"
    r"|(?:^|\s)(?:حتي|الي)\s+(?:(?:صباح|مساء|فجر|ليل|ليله|ظهر|عصر)\s+)?(?:يوم\s+)?$",
    re.IGNORECASE)


def _opens_text(text: str, pos: int) -> bool:
    """Whether the text before offset ``pos`` (a date's start) is empty but for punctuation or a preposition ("On",
    «في»)."""
    if pos > 16:
        return False
    head = text[:pos]
    return not head.strip(" \t,،-–—«\"'(") or head.strip().lower() in ("on", "في", "يوم")


def _mark_statement_dates(text: str, found: list[DateInfo]) -> list[DateInfo]:
    """Mark the date of a saying ("Officials said on Thursday that an air strike on Sunday killed 43", "On Tuesday,
    officials said they believed the air strikes last week …") as a statement date when the sentence names another
    date: the event is of the other one. A statement's date that is the sentence's only one is left as it is (the
    best there is)."""
    said = [d for d in found if d.start >= 0 and d.date is not None and not d.note.startswith(_USABLE_SKIP)
            and (_SAID_BEFORE_RE.search(text, max(0, d.start - 60), d.start)
                 or _opens_text(text, d.start) and _SAID_AFTER_RE.match(text[d.end:d.end + 80]) is not None)]
    if not said:
        return found
    if not any(d not in said and d.start >= 0 and d.date is not None and not d.note.startswith(_USABLE_SKIP) for d in found):
        # the only date is the saying's: kept, and marked, so that an event told elsewhere with its own day can take it
        return [_replace(d, note=f"{d.note} {SAID_DAY_MARK}") if d in said else d for d in found]
    return [_replace(d, note=f"statement date ({d.note}): the day it was said") if d in said else d for d in found]


#: Appended to the note of a date that is only the day something was said (the sentence names no other day).
SAID_DAY_MARK = "(the day it was said)"


_RANGE_JOIN_RE = re.compile(r"^\s*(?:to|until|till|through|and|[-–—]|و|إلى|الى|حتى|وحتى)\s*$", re.IGNORECASE)


def _find_dates_marked(
    text: str, doc_date: _dt.date | None, language: str, ref_year: int | None,
    background_days: int = BACKGROUND_DAYS,
) -> list[DateInfo]:
    """:func:`_find_dates` on ``text`` read without its Arabic vowel marks, spans in ``text``'s offsets."""
    if _TASHKEEL_RE.search(text) is None:
        return _find_dates(text, doc_date, language, ref_year=ref_year, background_days=background_days)
    keep = [i for i, ch in enumerate(text) if _TASHKEEL_RE.match(ch) is None]
    bare = "".join(text[i] for i in keep)
    out = []
    for d in _find_dates(bare, doc_date, language, ref_year=ref_year, background_days=background_days):
        if d.start >= 0 and d.end > d.start:
            d = _replace(d, start=keep[d.start], end=keep[d.end - 1] + 1)
        out.append(d)
    return out


def _find_dates(
    text: str, doc_date: _dt.date | None, language: str = "ar", *, ref_year: int | None = None,
    background_days: int = BACKGROUND_DAYS,
) -> list[DateInfo]:
    """Every date expression in ``text``, resolved, in text order (overlaps removed, longest wins).

    Parameters
    ----------
    text
        A sentence or paragraph.
    doc_date
        Publication date used to resolve weekdays, relative days and year-less dates.
    language
        ``'ar'`` or ``'en'``; both scripts are searched, the language only decides
        day/month order of numeric dates (``'en'``: month first when valid).
    ref_year
        For texts without a document date (encyclopaedia narratives): the year named last
        before this text, given to dates written without one ("On 26 June, …").
    """
    folded = fold_same_length(text)
    if not _date_hint(folded):
        return []  # no digit, month, weekday or relative-day word: nothing to look for
    cands: list[DateInfo] = []

    def add(info: DateInfo | None) -> None:
        if info is not None:
            cands.append(info)

    def explicit(year: int | None, month: int, day: int | None, label: str, start: int, end: int) -> DateInfo | None:
        return _explicit(year, month, day, doc_date, label, start, end, ref_year)

    # which families of patterns can match at all: a numeric date needs a digit, an Arabic one an Arabic
    # letter (its month, weekday or ordinal), an English one an ASCII letter (every English name holds one
    # besides «i k s», the letters IGNORECASE also reads in «İ ı ſ K»); the others are not tried
    digit = _DATE_HINT_DIGIT_RE.search(folded) is not None
    arabic = _ARABIC_CHAR_RE.search(folded) is not None
    latin = _ASCII_LETTER_RE.search(folded) is not None
    for m in (_ISO_RE.finditer(folded) if digit else ()):
        add(explicit(int(m["year"]), int(m["mon"]), int(m["day"]), m.group(), m.start(), m.end()))
    for m in (_YMD_SLASH_RE.finditer(folded) if digit else ()):
        add(explicit(int(m["year"]), int(m["mon"]), int(m["day"]), m.group(), m.start(), m.end()))
    for m in (_SLASH_RE.finditer(folded) if digit else ()):
        a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
        # ("04/12/2019" in English is month first; "12.04.2019", "12-04-2019" are day first everywhere)
        day, mon = (b, a) if language == "en" and a <= 12 and m["sep"] == "/" else (a, b)
        add(explicit(y, mon, day, m.group(), m.start(), m.end()))
    for m in (_AR_DATE_RE.finditer(folded) if digit and arabic else ()):
        add(explicit(int(m["year"]) if m["year"] else None, _month_ar(m["mon"]), int(m["day"]),
                      text[m.start():m.end()], m.start(), m.end()))
    for m in (_AR_ORD_DATE_RE.finditer(folded) if arabic else ()):
        add(explicit(int(m["year"]) if m["year"] else None, _month_ar(m["mon"]),
                     1 if m["first"] else _AR_ORD_DAYS[re.sub(r"\s+", " ", m["ord"])],
                     text[m.start():m.end()], m.start(), m.end()))
    for m in (_AR_MONTH_YEAR_RE.finditer(folded) if digit and arabic else ()):
        add(explicit(int(m["year"]), _month_ar(m["mon"]), None, text[m.start():m.end()], m.start(), m.end()))
    for m in (_AR_MONTH_ONLY_RE.finditer(folded) if arabic else ()):
        mon_name = re.sub(r"\s+", " ", m["mon"])
        if mon_name in _AR_AMBIGUOUS_MONTHS and not m["mon2"] and mon_name not in _AR_MONTHS_AFTER_PREP:
            continue
        ms = m.start("mon")
        add(explicit(None, _month_ar(mon_name), None, text[ms:m.end()], ms, m.end()))
    for m in (_EN_DMY_RE.finditer(folded) if digit and latin else ()):
        add(explicit(int(m["year"]) if m["year"] else None, _MONTHS_EN[m["mon"].lower().rstrip(".")], int(m["day"]), m.group(), m.start(), m.end()))
    for m in (_EN_MDY_RE.finditer(folded) if digit and latin else ()):
        if m["mon"].lower().rstrip(".") == "may" and not m["year"] and not m["mon"][0].isupper():
            continue  # "may 3 people" — the modal verb
        add(explicit(int(m["year"]) if m["year"] else None, _MONTHS_EN[m["mon"].lower().rstrip(".")], int(m["day"]), m.group(), m.start(), m.end()))
    for m in (_EN_MONTH_YEAR_RE.finditer(folded) if digit and latin else ()):
        add(explicit(int(m["year"]), _MONTHS_EN[m["mon"].lower().rstrip(".")], None, m.group(),
                      m.start(), m.end()))
    for m in (_EN_MONTH_ONLY_RE.finditer(folded) if latin else ()):
        if m["mon"].lower() == "may" and not m["mon"][0].isupper():
            continue  # "in may" — the modal verb, not the month
        add(explicit(None, _MONTHS_EN[m["mon"].lower()], None, m["mon"], m.start("mon"), m.end()))
    for m in (_AR_WEEKDAY_RE.finditer(folded) if arabic else ()):
        if _PLACE_BEFORE_WEEKDAY.search(folded[max(0, m.start() - 8):m.start()]):
            continue
        word = text[m.start("wd"):m.end("wd")]
        wd = _AR_WEEKDAYS[m["wd"]]
        # «الجمعة الماضية», «يوم الجمعة الماضي» on a Friday: the Friday of the week before
        last = _AR_LAST_AFTER_RE.match(folded, m.end()) is not None
        add(_weekday(wd, word, doc_date, m.start(), m.end(), before=last))
    for m in (_EN_WEEKDAY_RE.finditer(text) if latin else ()):
        if m["mod"] == "next":
            continue
        # "last Friday" on a Friday: the Friday of the week before
        add(_weekday(_EN_WEEKDAYS[m["wd"].lower()], m["wd"], doc_date, m.start(), m.end(),
                     before=(m["mod"] or "").lower() == "last"))
    low = folded.lower()
    if doc_date is not None and ("شهر" in folded or "month" in low):
        for m, which in [(m, m["which"] or "") for m in _AR_DAY_OF_MONTH_RE.finditer(folded)] + \
                [(m, m["which"].lower()) for m in _EN_DAY_OF_MONTH_RE.finditer(folded)]:
            if not which:
                continue  # «الشهر نفسه» counts from the date named last (the pipeline's job)
            d = m["d"]
            day = int(d) if d.isdigit() else _AR_ORD_DAYS[re.sub(r"\s+", " ", d)]
            first = doc_date.replace(day=1)
            if which in ("الماضي", "المنصرم", "المنقضي", "السابق", "last"):
                first = (first - _dt.timedelta(days=1)).replace(day=1)
            date = _mk(first.year, first.month, day)
            if date is not None:
                add(DateInfo(date, 1, f"{m.group()!r}: day {day} of {first:%Y-%m}", m.start(), m.end()))
    if doc_date is not None and ("weekend" in low or "الاسبوع" in folded):
        for m in _WEEKEND_RE.finditer(folded):
            back = (doc_date.weekday() - 5) % 7 or 7  # the Saturday before (a week before, on a Saturday)
            add(DateInfo(doc_date - _dt.timedelta(days=back), 2,
                         f"weekend resolved against document date {doc_date.isoformat()}", m.start(), m.end()))
    if doc_date is not None and ("19" in folded or "20" in folded):
        # "killed protesters in 2011", «عام 2011» in a 2017 article: the sentence tells history
        for m in _YEAR_ONLY_RE.finditer(folded):
            year = int(m["year"])
            if year < doc_date.year:
                add(DateInfo(_dt.date(year, 1, 1), 3, f"background: the year {year}, before the document's",
                             m.start("year"), m.end("year")))
    for pat, offset, precision, label in _REL_PATTERNS:
        for m in pat.finditer(folded):
            if doc_date is None:
                add(DateInfo(None, precision, f"relative: {label}, no document date", m.start(), m.end()))
            elif label.startswith("background"):
                add(DateInfo(doc_date + _dt.timedelta(days=offset), precision,
                             f"{label}, before the document date {doc_date.isoformat()}", m.start(), m.end()))
            elif label in ("this month", "last month"):
                # a month is coded by its first day, as "March 2019" is; «منتصف الشهر الماضي», "mid-" its 15th
                first = doc_date.replace(day=1)
                if label == "last month":
                    first = (first - _dt.timedelta(days=1)).replace(day=1)
                part = part_of_month(folded[max(0, m.start() - 16):m.start()])
                add(DateInfo(first.replace(day=part) if part else first, 2 if part else 3,
                             f"{label} resolved against document date {doc_date.isoformat()}"
                             + (_PART_NOTE[part] if part else ""), m.start(), m.end()))
            else:
                add(DateInfo(doc_date + _dt.timedelta(days=offset), precision,
                             f"{label} resolved against document date {doc_date.isoformat()}", m.start(), m.end()))
    if "ago" in low or "قبل" in folded or "منذ" in folded:
        # "three days ago", «قبل ثلاثة أيام», «منذ ثلاثة أيام», "a week ago", «قبل أسبوعين»: counted back from the
        # document date («منذ» with a count of days is "ago", or "for" a span that began then: the same first day)
        for m in _AGO_RE.finditer(folded):
            n = _ago_count(m)
            if n is None:
                continue
            weeks = bool(m["wk"] or m["awk"])
            days, precision = (7 * n, 2) if weeks else (n, 1)
            if doc_date is None:
                add(DateInfo(None, precision, f"relative: {text[m.start():m.end()].strip()}, no document date",
                             m.start(), m.end()))
            else:
                add(DateInfo(doc_date - _dt.timedelta(days=days), precision,
                             f"{text[m.start():m.end()].strip()!r} resolved against document date {doc_date.isoformat()}",
                             m.start(), m.end()))
    # names («ثورة 17 فبراير») are no dates; a range gives its first day
    kept = []
    for c in cands:
        if c.note.startswith("explicit") and (_NAMED_BEFORE.search(folded[max(0, c.start - 16):c.start])
                                              or _NAMED_AFTER.match(text[c.end:c.end + 20])):
            continue
        lo = max(0, c.start - 8)
        pre = folded[lo:c.start] + ("و" if folded[c.start:c.start + 1] == "و" else "")
        r = _RANGE_BEFORE.search(pre) if c.note.startswith("explicit") else None
        if r is not None and c.date is not None and c.precision == 1 and 1 <= int(r["d"]) < c.date.day:
            first = c.date.replace(day=int(r["d"]))
            c = _replace(c, date=first, precision=1, note=c.note + " (first day of a range)", start=lo + r.start("d"),
                         also=_days_between(first, c.date))
        kept.append(c)
    cands = kept
    # "mid-May", "late May", «أواخر مايو»: a part of the month, known to about a week (ACLED precision 2)
    for n, c in enumerate(cands):
        part = part_of_month(folded[max(0, c.start - 16):c.start]) if c.precision == 3 and c.date is not None else None
        if part and c.date is not None:
            cands[n] = _replace(c, date=c.date.replace(day=part), precision=2, note=c.note + _PART_NOTE[part])
    # longest match wins on overlaps
    chosen: list[DateInfo] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    # a weekday right before an explicit date («الخميس 9 يونيو») is the same date
    merged: list[DateInfo] = []
    for c in chosen:
        prev_weekday = bool(merged) and (merged[-1].note.startswith("weekday") or (
            merged[-1].note.startswith("relative: ") and merged[-1].note[10:].split(",")[0] in _EN_DAY_NAMES))
        if prev_weekday and c.note.startswith("explicit") and _WEEKDAY_GAP.match(folded[merged[-1].end:c.start]):
            prev = merged.pop()
            c = _replace(c, start=prev.start)
        merged.append(c)
    # "on Sunday and Monday", «يومي الأحد والاثنين»: two days named together, the first with the second as a further day
    paired: list[DateInfo] = []
    for c in merged:
        p = paired[-1] if paired else None
        gap = folded[p.end:c.start] + ("و" if folded[c.start:c.start + 1] == "و" else "") if p is not None else ""
        if p is not None and p.date is not None and c.date is not None and p.note.startswith("weekday") \
                and c.note.startswith("weekday") and not p.also and _DAY_PAIR_GAP.match(gap) \
                and 1 <= (c.date - p.date).days <= _LIST_DAYS - 1:
            paired[-1] = _replace(p, end=c.end, note=f"{p.note} (first of the days named with {text[c.start:c.end]!r})",
                                  also=_days_between(p.date, c.date))
            continue
        paired.append(c)
    merged = paired
    # "between June 2014 and July 2014", «من 8 إلى 13 يونيو»: the second date ends a range; the event
    # begins with the first
    for n in range(1, len(merged)):
        d1, d2 = merged[n - 1], merged[n]
        if d1.note.startswith("explicit") and d2.note.startswith("explicit") \
                and _RANGE_GAP.match(folded[d1.end:d2.start]) and _RANGE_LEAD.search(folded[max(0, d1.start - 14):d1.start]):
            merged[n] = _replace(d2, note=f"range end: {d2.note}")
        elif d1.date is not None and d2.date is not None and d2.date >= d1.date \
                and _UNTIL_BEFORE_RE.search(folded, max(0, d2.start - 40), d2.start):
            # "clashes that erupted Sunday evening and continued to Monday morning", «اندلعت مساء الأحد واستمرت حتى
            # صباح الاثنين»: the day it went on until ends the event; it began on the first
            merged[n] = _replace(d2, note=f"range end: {d2.note}")
    out = []
    for c in merged:
        note = c.note
        if _since(folded, c.start) and " ago " not in f" {c.note} " and not (
                c.date is not None and doc_date is not None and 0 <= (doc_date - c.date).days <= 7):
            note = f"since: {note} (background, not the event date)"
        elif _since(folded, c.start) and c.date is not None:
            note = f"{note} (ongoing since that day)"  # "fighting since Sunday": the news of this week
        elif c.date is not None and doc_date is not None and c.note.startswith("explicit") and \
                _HEADING_YEAR not in c.note and not _dated_entry(folded, c) and \
                (doc_date - c.date).days > background_days + (31 if c.precision == 3 else 0) + (
                    # «في 21 فبراير الماضي»: a day of the recent past the report tells as news, up to three months
                    61 if c.precision == 1 and _AR_LAST_AFTER_RE.match(folded, c.end) else 0):
            note = f"background: {note}, {(doc_date - c.date).days} days before the document date"
        elif c.date is not None and doc_date is not None and c.date > doc_date:
            note = f"future: {note}"
        out.append(_replace(c, note=note))
    if doc_date is None and not out and ("19" in folded or "20" in folded):
        # "In 2015, the city fell to IS" in a narrative with no document date: the year is all the sentence says;
        # it is coded by its first day, known to no better than a month (and not the date of a sentence before)
        named = [(m, int(m["year"])) for m in _YEAR_ONLY_RE.finditer(folded)]
        if named and len({y for _, y in named}) == 1:
            m, year = named[0]
            note = f"the year {year} only (month and day not given)"
            if _since(folded, m.start("year")):
                note = f"since: {note} (background, not the event date)"
            out.append(DateInfo(_dt.date(year, 1, 1), 3, note, m.start("year"), m.end("year")))
    return out


_AR_LAST_AFTER_RE = re.compile(r"\s+(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته)(?![\u0621-\u064a])")


def _weekday(wd: int, word: str, doc_date: _dt.date | None, start: int, end: int, *, before: bool = False) -> DateInfo:
    """The weekday ``wd`` on or before the document date (strictly before it with ``before``: "last Friday")."""
    name = _EN_DAY_NAMES[wd]
    if doc_date is None:
        return DateInfo(None, 1, f"relative: {name}, no document date", start, end, weekday=wd)
    d = _latest_weekday(wd, doc_date - _dt.timedelta(days=1) if before else doc_date)
    return DateInfo(d, 1, f"weekday {word} ({name}) resolved against {doc_date.isoformat()}", start, end)


def weekdays_after(found: list[DateInfo], after: _dt.date) -> list[DateInfo]:
    """``found`` with its weekdays resolved forward from ``after``, for a text with no document date.

    A narrative tells its days in order: "On 4 April the LNA attacked Gharyan. On Saturday, GNA forces
    shelled …" is the first Saturday on or after the date it named last (6 April), where a news item
    counts its weekdays back from its publication date (:func:`find_dates`).

    Examples
    --------
    >>> [d.date for d in weekdays_after(find_dates("On Saturday, they shelled it.", None, "en"), _dt.date(2019, 4, 4))]
    [datetime.date(2019, 4, 6)]
    """
    out = []
    anchor = after
    for c in sorted(found, key=lambda c: c.start):
        if c.date is None and c.weekday is not None:
            day = anchor + _dt.timedelta(days=(c.weekday - anchor.weekday()) % 7)
            c = _replace(c, date=day, weekday=None,
                         note=f"weekday {_EN_DAY_NAMES[c.weekday]} after {anchor.isoformat()}, the date named last")
        elif c.date is not None and c.precision == 1 and c.note.startswith("explicit"):
            # «يوم 27 يوليو 2019 أعلنت …، السبت، …»: a date the sentence names before the weekday is the anchor
            anchor = c.date
        out.append(c)
    return out


def resolve_date(
    text: str, doc_date: _dt.date | None, language: str = "ar", *, ref_year: int | None = None
) -> DateInfo:
    """The date of the event a sentence reports.

    Parameters
    ----------
    text
        A sentence.
    doc_date
        Publication date of the document (``None`` when unknown).
    language
        ``'ar'`` or ``'en'``.

    Returns
    -------
    DateInfo
        The first expression that is neither background («منذ»/"since", long before
        the document) nor in the future; failing that the first expression found; and
        without any expression ``DateInfo(doc_date, 1, "document date", -1, -1)``
        (or ``(None, 1, "no date", -1, -1)``).

    Examples
    --------
    >>> resolve_date("أعلنت القوات الخميس أنها دخلت المدينة", _dt.date(2016, 6, 9), "ar").date
    datetime.date(2016, 6, 9)
    """
    return pick_date(find_dates(text, doc_date, language, ref_year=ref_year), doc_date)


def pick_date(found: list[DateInfo], doc_date: _dt.date | None) -> DateInfo:
    """The expression of ``found`` (one sentence's, from :func:`find_dates`) that dates its event.

    The first that is neither background nor in the future, one that resolves to a date before one
    that cannot; failing that the first found; and without any, the document date.
    """
    for c in sorted(found, key=lambda c: c.date is None):
        if not c.note.startswith(_USABLE_SKIP + ("statement",)):
            return c
    if found:
        return found[0]
    if doc_date is not None:
        return DateInfo(doc_date, 1, "document date", -1, -1)
    return DateInfo(None, 1, "no date", -1, -1)


def nearest_date(found: list[DateInfo], start: int, end: int) -> DateInfo | None:
    """Of a sentence's usable dates, the one nearest to the words ``[start, end)`` (an event trigger).

    "By 7 April fighting had reached Tripoli, and an airstrike hit Mitiga on 8 April": each event
    takes its own date. ``None`` when the sentence has fewer than two usable dates.
    """
    usable = [c for c in found if c.date is not None and c.start >= 0
              and not c.note.startswith(_USABLE_SKIP + ("statement",))]
    if len(usable) < 2:
        return None
    return min(usable, key=lambda c: (c.start - end if c.start >= end else start - c.end if c.end <= start else 0,
                                      c.start))


#: Before a date that opens its clause: the sentence start or a conjunct ("…, and on 5 April", «…، وفي 5 أبريل»).
_LEADS_CLAUSE_RE = re.compile(
    r"(?:^|[,،;؛]\s*(?:and|then|but)\s+|\band\s+|(?:^|[\s,،;؛])و|(?:^|[\s,،;؛])ثم\s+)\s*(?:on|in|by|early|late|في|يوم)?\s*$",
    re.IGNORECASE)
#: The start of the next conjunct: where a date that opened the clause before stops dating its events.
_CLAUSE_REACH = 300  # characters: how far a date that opens a clause dates the words after it
_NEXT_CONJUNCT_RE = re.compile(r"[,،;؛]\s*(?:and|then|but|while|و|ثم|فيما|بينما)(?=\s|\w)", re.IGNORECASE)


def date_of_words(found: list[DateInfo], text: str, start: int, end: int) -> DateInfo | None:
    """The date expression of a sentence that dates the words ``[start, end)`` (an event trigger).

    A date that opens a clause ("On 4 April …, and on 5 April …", «في 4 أبريل أطلق … عملية للسيطرة على طرابلس، وفي
    5 أبريل وصلت …») dates the words of its clause, up to the next conjunct; elsewhere the nearest date does
    (:func:`nearest_date`). ``None`` when the sentence has fewer than two usable dates.

    >>> text = "On 4 April the LNA launched an offensive to capture Tripoli, and on 5 April it reached the airport."
    >>> date_of_words(find_dates(text, _dt.date(2019, 4, 10), "en"), text, 45, 52).date
    datetime.date(2019, 4, 4)
    """
    near = nearest_date(found, start, end)
    if near is None:
        return None
    # (each search is bounded: a hostile one-line text of many dates stays linear per trigger)
    leading = [c for c in found if c.date is not None and 0 <= c.end <= start and start - c.end <= _CLAUSE_REACH
               and c is not near and not c.note.startswith(_USABLE_SKIP + ("statement",))
               and _LEADS_CLAUSE_RE.search(text, max(0, c.start - 24), c.start)]
    if not leading:
        return near
    lead = max(leading, key=lambda c: c.start)
    if near.start > lead.start and near.end <= start:
        return near  # a nearer date between the clause's date and the words is theirs
    if _NEXT_CONJUNCT_RE.search(text, lead.end, start):
        return near  # the clause the date opened has ended before the words
    return lead


# --------------------------------------------------------------------------- document-level dates
_YEAR_CUE_RE = re.compile(
    rf"(?:{_A}(?:in|of|since|during|until|by|early|late|mid|summer|spring|autumn|winter|عام|سنه|العام|خلال|منذ)\s+"
    rf"|(?:{_EN_MONTH}|{_AR_MONTH})\s*,?\s*(?:[0-3]?\d\s*,?\s*)?)(?P<year>19[5-9]\d|20[0-4]\d){_Z}",
    re.I,
)


def narrative_years(text: str) -> list[tuple[int, int]]:
    """``(offset, year)`` of every year a text names as a time ("in 2019", "April 2019", «عام 2011»).

    A narrative without a document date (an encyclopaedia article) dates later events
    by day and month only: "On 26 June, GNA forces entered Gharyan" takes the year
    named last before it (:func:`find_dates` ``ref_year``).
    """
    folded = fold_same_length(text)
    found = [(m.start("year"), int(m["year"])) for m in _YEAR_CUE_RE.finditer(folded)]
    # a title or heading that names the year: "2020 in Libya", "2015", «ليبيا في 2014», "(2014–2020)"
    found += [(m.start("year"), int(m["year"])) for m in _YEAR_TITLE_RE.finditer(folded)]
    # a line that opens with a name holding its year: "The 2012 Kufra conflict started …" (elsewhere
    # "during the 2022 Tripoli clashes" names another event)
    found += [(m.start("year"), int(m["year"])) for m in _YEAR_IN_NAME_RE.finditer(folded)]
    # a war of one year, named before the text names any year: "a battle during the Libyan Civil War
    # between …; The battle began on 24 February" is of 2011 ("in the aftermath of the Libyan civil
    # war" is a time after it: no year of the text)
    first = min((p for p, _ in found), default=len(folded))
    found += [(m.start(), 2011) for m in _WAR_OF_2011_RE.finditer(folded) if m.start() < first
              and not _AFTER_WAR_RE.search(folded, max(0, m.start() - 30), m.start())]
    return sorted(set(found))


#: The note of a date whose year a heading gave: the heading says these are the events it lists, not background.
_HEADING_YEAR = "year of the heading above"


def heading_years(text: str) -> list[tuple[int, int]]:
    """``(offset, year)`` of the headings of a dated text that name the year the lines below them tell of.

    An annual report published later ("2021 Terrorist Incidents:  Significant terrorist incidents in Libya
    in 2021 included the following:", then "In June, ISIS claimed …"), a review by year («أحداث 2019»,
    "Events of 2019") dates its month-and-day dates by the heading's year, not by the publication's. A
    heading is a line that ends with a colon and names a year as a time, or a short line with no full stop
    that is a year title ("2019", "2019 in Libya", «ليبيا في 2019»). The offset is the heading's end.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped = raw.strip()
        # only a line that ends with a colon or is short can be a heading: the others are not folded or scanned
        if stripped and (stripped.endswith(":") or len(stripped) <= 60) and _DIGIT4_RE.search(stripped):
            body = fold_same_length(stripped)
            years = [int(m["year"]) for m in _YEAR_CUE_RE.finditer(body)]
            lead = _HEADING_LEAD_RE.match(body)
            if body.endswith(":") and (years or lead):
                out.append((end, years[-1] if years else int(lead["year"])))  # type: ignore[index]
            elif len(body) <= 60 and body[-1] not in ".!?؟" and (lead or _YEAR_TITLE_RE.match(body)):
                m = lead or _YEAR_TITLE_RE.match(body)
                out.append((end, int(m["year"])))  # type: ignore[index]
        pos = end + 1
    return out


_DIGIT4_RE = re.compile(r"\d{4}")
#: A heading that opens with its year: "2021 Terrorist Incidents:", «2019: …»; «أحداث 2019», "Events of 2019".
_HEADING_LEAD_RE = re.compile(r"(?:(?:events\s+(?:of|in)|احداث|وقائع)\s+)?(?P<year>19[5-9]\d|20[0-4]\d)\b(?![\d/.-])", re.I)


_YEAR_IN_NAME_RE = re.compile(r"(?:^|\n)[ \t]*The\s+(?P<year>19[5-9]\d|20[0-4]\d)\s+(?=[A-Z])")
_AFTER_WAR_RE = re.compile(r"(?:\b(?:after|aftermath\s+of|since|following|end\s+of)|(?:بعد|منذ|انتهاء|نهايه))\s+(?:the\s+)?$",
                           re.I)


#: The war and revolution of 2011 by name ("the Libyan Civil War" of Wikipedia's 2011 articles, «ثورة 17
#: فبراير»; "the Second Libyan Civil War" of 2014–2020 names no one year). Matched on the same-length fold.
_WAR_OF_2011_RE = re.compile(
    r"((?<!Second )(?<!2014 )\b(?:First\s+)?Libyan\s+Civil\s+War\b(?!\s*\(\s*20(?:1[2-9]|2\d))"
    r"|\b(?:Libyan|17\s+February|February\s+17(?:th)?)\s+Revolution\b"
    r"|ثوره\s+(?:17\s+)?فبراير|الثوره\s+الليبيه|الحرب\s+الاهليه\s+الليبيه\s+(?:الاولي|2011))",
    re.I,
)


_YEAR_TITLE_RE = re.compile(
    r"(?:^|\n)[ \t]*(?:[^\n\d]{0,40}?(?:في|\(|in)\s*)?(?P<year>19[5-9]\d|20[0-4]\d)(?:\s*[–-]\s*(?:19|20)\d\d\)?)?"
    r"(?=[ \t]*(?:\n|$|in\s|في\s|\)))", re.I)


#: What ends a dateline's date: a dash, a slash, a colon — after the source in brackets, if any ("12 April 2019
#: (Reuters) –", «10 مايو 2014 (ويكي الأخبار) -»).
# (the agency in parentheses ends a dateline too: «طرابلس أول يونيو 2020 (شينخوا) استعادت …»)
_DATELINE_SEP = re.compile(r"\s*(?:\([^()\n]{1,40}\)(?:\s*\]?\s*[-–—/:|])?|\]?\s*[-–—/:|])")
_DATELINE_HEAD = re.compile(
    # "(ABC News) September 12, 2012 -", «(رويترز) 12 سبتمبر -»: the agency alone, then the date
    # ("[Libya, 8 August 2019] –": a dateline in brackets)
    r"^\s*\[?\s*(?:\([^()\n]{1,40}\)\s*[,،\-–—]?\s*|"
    r"(?!(?:On|In|By|At|Since|During|The|From|Until|After|Before|في|منذ|خلال|يوم|بعد|قبل)\b)(?:[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){0,3}|[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2})"
    r"(?:\s*,\s*(?:Libya|ليبيا))?\s*(?:\([^()\n]{1,40}\))?\s*[,،\-–—]?\s*)"
)


def dateline(text: str, language: str = "ar", doc_date: _dt.date | None = None) -> DateInfo | None:
    """The date of a news dateline at the top of a text, with its span.

    "TRIPOLI, Libya, 12 April 2019 – …", "Tripoli (Reuters) - April 12, 2019 -",
    «طرابلس – 12 أبريل 2019 –», «طرابلس 21 سبتمبر 2018 /». Only the first line is read;
    the date needs its year (a dateline is what gives the year to the rest), unless the publication date
    ``doc_date`` is known: then "SABHA, Nov 4 (AFP) -" is a dateline of that year. ``None`` when the text
    opens otherwise.
    """
    first = text.lstrip("\ufeff")[:160].split("\n", 1)[0]
    head = _DATELINE_HEAD.match(first)
    if not head:
        return None
    rest_at = head.end()
    if rest_at > 70:
        return None
    # (the head's later words may be the date's own: «طرابلس أول يونيو 2020 (شينخوا)» reads «أول يونيو» as words)
    word_end = re.match(r"\s*\[?\s*\S+", first)
    earliest = min(rest_at - 2, word_end.end() if word_end else rest_at)
    for d in find_dates(first, doc_date, language):
        if d.date is None or d.precision != 1 or d.start < earliest or d.start > rest_at + 2:
            continue
        if not _DATELINE_SEP.match(first, d.end) and d.end != len(first.rstrip()):
            continue
        return DateInfo(d.date, 1, f"dateline {first[d.start:d.end]!r}", d.start, d.end)
    return None


_LINE_WORD_RE = re.compile(r"[^\W\d_]+")
# words of a date line besides the date: "Posted on … by Staff", "Last updated:", «نشر في», «آخر تحديث»
_DATE_LINE_MAX_WORDS = 8


def date_line(text: str, language: str = "ar", max_lines: int = 4) -> DateInfo | None:
    """A publication date on a line of its own near the top of a text, with its span.

    "April 12, 2019", "Friday 12 April 2019", "Posted on April 12, 2019 by Staff", «الجمعة 12 أبريل 2019»,
    «آخر تحديث: 12 - 04 - 2019»: one of the first ``max_lines`` non-empty lines holds a full date (day, month
    and year) and little else (at most a few words, no full stop, no event word). ``None`` otherwise.
    """
    from geo.text.lexicon import find_triggers  # same layer; imported here to keep module import light

    pos = 0
    seen = 0
    for line in text[:4000].split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max_lines:
            break
        if len(stripped) > 90 or stripped.endswith((".", "؟", "?", "!")):
            continue
        for d in find_dates(line, None, language):
            if d.date is None or d.precision != 1 or not d.note.startswith("explicit") or "year" in d.note:
                continue
            rest = line[:d.start] + " " + line[d.end:]
            if len(_LINE_WORD_RE.findall(rest)) > _DATE_LINE_MAX_WORDS or find_triggers(rest, language):
                continue
            return DateInfo(d.date, 1, f"date line {line[d.start:d.end]!r}", start + d.start, start + d.end)
    return None


def numeric_date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the dates written with digits in ``text`` ("Sept. 26", «12 مايو 2023», 2019-04-12).

    Cheaper than :func:`find_dates` (no weekdays, relative words or resolution): the casualty
    reader asks it which digits are days and years rather than counts.
    """
    folded = fold_same_length(text)
    spans: list[tuple[int, int]] = []
    for rx in (_ISO_RE, _YMD_SLASH_RE, _SLASH_RE, _AR_DATE_RE, _AR_MONTH_YEAR_RE, _EN_DMY_RE, _EN_MDY_RE, _EN_MONTH_YEAR_RE):
        spans.extend((m.start(), m.end()) for m in rx.finditer(folded))
    return spans
