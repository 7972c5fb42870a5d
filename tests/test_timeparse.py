"""Tests of geo.text.timeparse: weekdays, relative days, explicit dates, background dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text.structure import split_sentences
from geo.text.timeparse import DateInfo, find_dates, pick_date, resolve_date

FIXTURE = Path(__file__).parent / "fixtures" / "sirte-live-2016-ar.txt"
DOC = dt.date(2016, 6, 9)  # a Thursday


def test_fixture_weekdays():
    text = FIXTURE.read_text(encoding="utf-8")
    sents = split_sentences(text)
    entered = next(s for s in sents if "دخلت مدينة سرت" in s.text)
    info = resolve_date(entered.text, DOC, "ar")
    assert info.date == dt.date(2016, 6, 9) and info.precision == 1
    assert entered.text[info.start : info.end] == "الخميس"
    regained = next(s for s in sents if "استعادة مواقع" in s.text)
    assert resolve_date(regained.text, DOC, "ar").date == dt.date(2016, 6, 8)
    background = next(s for s in sents if "منذ حزيران" in s.text)
    info = resolve_date(background.text, DOC, "ar")
    assert "since" in info.note and info.date == dt.date(2015, 6, 1) and info.precision == 3


@pytest.mark.parametrize(
    "word, expected",
    [("الخميس", 9), ("يوم الأربعاء", 8), ("الاثنين", 6), ("الإثنين", 6), ("الثلاثاء", 7), ("السبت", 4),
     ("الأحد", 5), ("الجمعة", 3), ("مساء الجمعة", 3)],
)
def test_arabic_weekdays(word, expected):
    info = resolve_date(f"قصفت الطائرات {word} مواقع للمسلحين", DOC, "ar")
    assert info.date == dt.date(2016, 6, expected) and info.precision == 1


def test_weekday_same_day_counts_and_english():
    assert resolve_date("Forces entered Sirte on Thursday.", DOC, "en").date == DOC
    assert resolve_date("Clashes erupted on Friday.", DOC, "en").date == dt.date(2016, 6, 3)


def test_souq_al_jumaa_is_not_friday():
    info = resolve_date("اندلعت اشتباكات في منطقة سوق الجمعة بطرابلس", DOC, "ar")
    assert info == DateInfo(DOC, 1, "document date", -1, -1)
    # but a real Friday next to the district name is still read
    text = "اندلعت اشتباكات في سوق الجمعة يوم الجمعة"
    info = resolve_date(text, DOC, "ar")
    assert info.date == dt.date(2016, 6, 3) and text[info.start : info.end] == "يوم الجمعة"


@pytest.mark.parametrize(
    "text, days, precision",
    [("قتل ثلاثة أمس", -1, 1), ("clashes yesterday", -1, 1), ("اشتباكات اليوم", 0, 1), ("fighting today", 0, 1),
     ("قصف الليلة الماضية", -1, 1), ("shelling last night", -1, 1), ("attacks last week", -7, 2),
     ("اشتباكات الأسبوع الماضي", -7, 2), ("منذ يومين", -2, 1)],
)
def test_relative(text, days, precision):
    info = resolve_date(text, DOC, "ar")
    assert info.date == DOC + dt.timedelta(days=days)
    assert info.precision == precision


def test_month_precision():
    # a month is coded by its first day, as an explicit "March 2019" is
    info = resolve_date("تصاعد القتال هذا الشهر", DOC, "ar")
    assert info.precision == 3 and info.date == DOC.replace(day=1)
    info = resolve_date("fighting this month", DOC, "en")
    assert info.precision == 3
    info = resolve_date("قتال الشهر الماضي", DOC, "ar")
    assert info.precision == 3 and info.date.month == 5


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("في 30 آذار/مارس", dt.date(2016, 3, 30), 1),
        ("في ٣٠ مارس", dt.date(2016, 3, 30), 1),
        ("يوم 9 يونيو 2016", dt.date(2016, 6, 9), 1),
        ("في حزيران/يونيو 2015", dt.date(2015, 6, 1), 3),
        ("on June 9, 2016", dt.date(2016, 6, 9), 1),
        ("on 9 June 2016", dt.date(2016, 6, 9), 1),
        ("2016-06-09", dt.date(2016, 6, 9), 1),
        ("في 5 تشرين الأول 2015", dt.date(2015, 10, 5), 1),
        ("في 2 كانون الثاني", dt.date(2016, 1, 2), 1),
        ("في 12 الصيف 2015", dt.date(2015, 6, 12), 1),
        ("في 1 الفاتح 2015", dt.date(2015, 9, 1), 1),
        ("في 3 أي النار", dt.date(2016, 1, 3), 1),
        ("في 20 يوليه", dt.date(2015, 7, 20), 1),  # after the document date: previous year
        ("في 20 ديسمبر", dt.date(2015, 12, 20), 1),
        ("في 9/6/2016", dt.date(2016, 6, 9), 1),
    ],
)
def test_explicit_dates(text, expected, precision):
    found = find_dates(text, DOC, "ar")
    assert len(found) == 1
    assert (found[0].date, found[0].precision) == (expected, precision)


def test_background_and_since_notes():
    info = resolve_date("Islamic State has held Sirte since June 2015.", DOC, "en")
    assert "since" in info.note and info.date == dt.date(2015, 6, 1)
    # an event date wins over a background date in the same sentence
    info = resolve_date("أعلنت القوات الأربعاء أنها استعادت المعسكر الذي سقط في أيار/مايو 2015", DOC, "ar")
    assert info.date == dt.date(2016, 6, 8)
    info = resolve_date("وكان التنظيم قد استولى على المدينة في أيار/مايو 2015.", DOC, "ar")
    assert "background" in info.note


def test_without_document_date():
    info = resolve_date("دخلت القوات المدينة الخميس", None, "ar")
    assert info.date is None and info.precision == 1 and info.note == "relative: Thursday, no document date"
    assert resolve_date("لا تاريخ هنا", None, "ar") == DateInfo(None, 1, "no date", -1, -1)
    assert resolve_date("on 9 June 2016", None, "en").date == dt.date(2016, 6, 9)
    assert resolve_date("في 30 مارس", None, "ar").date is None


def test_no_false_months():
    assert find_dates("مارس الضغط على الحكومة في الربيع", DOC, "ar") == []
    assert find_dates("Forces may 3 times attempt", DOC, "en") == []


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(0, 6))
def test_weekday_is_latest_on_or_before(doc_date, wd):
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    info = resolve_date(f"Clashes on {name}.", doc_date, "en")
    assert info.date.weekday() == wd
    assert 0 <= (doc_date - info.date).days <= 6


@pytest.mark.parametrize(
    "text, expected",
    [("بعد السيطرة على المدينة في الرابعِ من آذار/مارس، توغل الثوار غربا", dt.date(2011, 3, 4)),
     ("اندلعت المعارك في الرابع من مارس", dt.date(2011, 3, 4)),
     ("وفي الخامسَ عشرَ من مارس انسحب الثوار", dt.date(2011, 3, 15))],
)
def test_ordinal_days_with_vowel_marks_and_no_year(text, expected):
    found = [d for d in find_dates(text, None, "ar", ref_year=2011) if d.date is not None]
    assert [d.date for d in found] == [expected]
    # the span is given in the text's own offsets, vowel marks included
    assert text[found[0].start:found[0].end].startswith(("الرابع", "الخامس"))


def test_the_verb_marasa_is_no_month():
    assert find_dates("مارس الثوار ضغطا على القوات", None, "ar", ref_year=2011) == []


@pytest.mark.parametrize(
    "text, lang, expected, precision",
    [("late last month", "en", dt.date(2019, 3, 25), 2), ("earlier this month", "en", dt.date(2019, 4, 1), 3),
     ("منتصف الشهر الماضي", "ar", dt.date(2019, 3, 15), 2), ("مطلع الشهر الجاري", "ar", dt.date(2019, 4, 1), 3)],
)
def test_this_and_last_month_are_coded_by_their_first_day_or_the_part_named(text, lang, expected, precision):
    info = resolve_date(text, dt.date(2019, 4, 12), lang)
    assert (info.date, info.precision) == (expected, precision)


@pytest.mark.parametrize(
    "text, lang, expected",
    # the document is of Friday 12 April 2019
    [("last Friday", "en", dt.date(2019, 4, 5)), ("الجمعة الماضية", "ar", dt.date(2019, 4, 5)),
     ("يوم الجمعة الماضي", "ar", dt.date(2019, 4, 5)), ("on Friday", "en", dt.date(2019, 4, 12)),
     ("last Thursday", "en", dt.date(2019, 4, 11)), ("الخميس الماضي", "ar", dt.date(2019, 4, 11))],
)
def test_last_weekday_on_that_weekday_is_a_week_before(text, lang, expected):
    assert resolve_date(text, dt.date(2019, 4, 12), lang).date == expected


@pytest.mark.parametrize(
    "text, lang",
    [("The offensive lasted from 4 April to 4 June 2019.", "en"), ("استمر الهجوم من 4 أبريل إلى 4 يونيو 2019.", "ar")],
)
def test_a_ranges_first_day_takes_the_year_written_at_its_end(text, lang):
    found = [d.date for d in find_dates(text, None, lang) if d.date is not None]
    assert found[0] == dt.date(2019, 4, 4)


@pytest.mark.parametrize(
    "text", ["On 5 June, forces entered the town.", "On 5 June, the group that formed in 2014 attacked the town."]
)
def test_a_day_outside_a_range_takes_no_year_from_its_sentence(text):
    assert [d.date for d in find_dates(text, None, "en")] == [None]


@pytest.mark.parametrize(
    "text, years",
    [  # the war of 2011 by name, before the text names a year
        ("The First Battle of Zawiya was a battle during the Libyan Civil War. The battle began on 24 February.", [2011]),
        ("خلال ثورة 17 فبراير اندلعت معارك في الزاوية يوم 24 فبراير.", [2011]),
        ("جرت المعارك خلال الحرب الأهلية الليبية الأولى في 6 مارس.", [2011]),
        # what names no one year, or a time after the war, or a year the text names first
        ("During the Second Libyan Civil War, fighting began on 3 May.", []),
        ("The Libyan Civil War (2014–2020) began on 16 May.", [2014]),
        ("In the aftermath of the Libyan civil war, tribes clashed on 12 February.", []),
        ("بعد الثورة الليبية، اندلعت اشتباكات في 3 مايو.", []),
        ("In 2014, after the Libyan Revolution, fighting began on 16 May.", [2014]),
        # a line that opens with a name holding its year; a name elsewhere is another event's
        ("The 2012 Kufra conflict started in the aftermath of the Libyan civil war.", [2012]),
        ("In August 2023, clashes broke out. Both had fought in the 2022 Tripoli clashes. It began on 14 August.",
         [2023]),
    ],
)
def test_years_a_narrative_names(text, years):
    from geo.text.timeparse import narrative_years

    assert [y for _, y in narrative_years(text)] == years


def test_a_war_named_before_a_day_gives_the_day_its_year():
    from geo.extract import extract_result

    text = ("The First Battle of Zawiya was a battle during the Libyan Civil War for control of the city of Zawiya.\n"
            "The battle began on 24 February, when troops loyal to Gaddafi attacked a mosque in Zawiya.")
    dates = {e.event_date for e in extract_result(text, language="en").events if e.evidence.startswith("The battle began")}
    assert dates == {"2011-02-24"}


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("In late January 2019, the army launched an offensive.", "en", (dt.date(2019, 1, 25), 2)),
        ("At the end of July 2014 the brigades withdrew.", "en", (dt.date(2014, 7, 25), 2)),
        ("في أواخر يناير 2019 أطلق الجيش هجوما.", "ar", (dt.date(2019, 1, 25), 2)),
        ("في نهاية الشهر الماضي اندلعت اشتباكات.", "ar", (dt.date(2019, 4, 25), 2)),
        ("mid-May 2011 saw heavy fighting.", "en", (dt.date(2011, 5, 15), 2)),
        ("في منتصف الشهر الماضي اندلعت اشتباكات.", "ar", (dt.date(2019, 4, 15), 2)),
        ("In May 2011 the fighting went on.", "en", (dt.date(2011, 5, 1), 3)),
    ],
)
def test_a_part_of_a_month_is_coded_by_its_15th_or_25th(text, lang, expected):
    found = [(d.date, d.precision) for d in find_dates(text, dt.date(2019, 5, 10), lang) if d.date is not None]
    assert found == [expected]


@pytest.mark.parametrize(
    "text, days",
    [("The security situation in Libya has deteriorated over the past three months.", 93),
     ("During the year there were numerous reports of unlawful killings.", 372),
     ("تدهور الوضع الأمني خلال الأشهر الثلاثة الماضية.", 93),
     ("Incidents during the reporting period included the following.", 186),
     ("Fighting broke out in Tripoli on Sunday.", None)],
)
def test_the_period_a_report_covers(text, days):
    from geo.text.timeparse import report_period_days

    assert report_period_days(text) == days


def test_a_report_of_a_period_tells_of_its_events_news_of_the_past_is_background():
    from geo.extract import extract_result

    body = "In early January, gunmen killed two foreign nationals on a beach west of Sabratha."
    report = "The security situation has deteriorated over the past three months. " + body
    assert [e.event_date for e in extract_result(report, date="2014-03-31", language="en").events] == ["2014-01-01"]
    # a news item of the same date: the January killing is background, no new event
    assert extract_result(body, date="2014-03-31", language="en").events == []


def test_an_event_a_period_report_does_not_date_is_known_to_the_month_at_best():
    from geo.extract import extract_result

    text = ("The security situation has deteriorated over the past three months. "
            "Intense fighting continued in Benghazi between the army and the militias.")
    ev = extract_result(text, date="2014-12-31", language="en").events[0]
    assert (ev.event_date, ev.time_precision) == ("2014-12-31", 3) and "report of about 3 months" in ev.date_note
    # news of the day keeps the day
    news = extract_result("Intense fighting continued in Benghazi between the army and the militias.",
                          date="2014-12-31", language="en").events[0]
    assert news.time_precision == 1


@pytest.mark.parametrize("word, day", [("منتصف", 15), ("mid", 15), ("middle", 15), ("أواخر", 25), ("late", 25),
                                       ("end", 25), ("early", None)])
def test_one_rule_reads_the_part_of_a_month(word, day):
    from geo.text.numbers import fold_same_length
    from geo.text.timeparse import part_of_month

    assert part_of_month(fold_same_length(word) + " ") == day


@pytest.mark.parametrize(
    "text, date, days",
    [("There were widespread violations and abuses of human rights in 2017 in Libya.", dt.date(2017, 12, 31), 364),
     ("There were widespread violations of human rights in 2019.", dt.date(2020, 3, 11), 435),
     ("There were numerous reports that armed groups committed unlawful killings.", None, 372),
     # a year two before the document's is history, not the year a report reviews
     ("In 2015, the group seized the town.", dt.date(2019, 5, 1), None)],
)
def test_the_year_a_report_reviews(text, date, days):
    from geo.text.timeparse import report_period_days

    assert report_period_days(text, date) == days


@pytest.mark.parametrize(
    "text, lang, day, event_day",
    [("بنغازي، 10 مايو 2014 (ويكي الأخبار) - اندلعت اشتباكات عنيفة أمس في منطقة بنينا.", "ar", "2014-05-10", "2014-05-09"),
     ("TRIPOLI, 12 April 2019 (Reuters) – Fighting continued south of Gharyan on Thursday.", "en", "2019-04-12",
      "2019-04-11")],
)
def test_a_dateline_with_its_source_in_brackets(text, lang, day, event_day):
    from geo.extract import extract_result
    from geo.text.timeparse import dateline

    assert dateline(text, lang).date.isoformat() == day
    assert [e.event_date for e in extract_result(text, language=lang).events] == [event_day]


@pytest.mark.parametrize(
    "text, lang, expected",
    [("On 4 April 2019 the LNA attacked Gharyan. On Saturday, GNA forces shelled Qasr Bin Ghashir.", "en", "2019-04-06"),
     ("في 4 أبريل 2019 هاجم الجيش غريان. ويوم السبت قصفت قوات الوفاق قصر بن غشير.", "ar", "2019-04-06"),
     ("On 4 April 2019 the LNA attacked Gharyan. On Thursday, GNA forces shelled Qasr Bin Ghashir.", "en", "2019-04-04")],
)
def test_a_narrative_weekday_is_counted_forward_from_the_date_named_last(text, lang, expected):
    # 4 April 2019 was a Thursday; the text has no publication date
    from geo.extract import extract_result

    evs = extract_result(text, date=None, language=lang).events
    assert [e.event_date for e in evs][-1] == expected


@given(st.dates(min_value=dt.date(2011, 1, 1), max_value=dt.date(2024, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
@settings(max_examples=100)
def test_weekdays_after_is_that_weekday_within_the_week_after(after, name):
    from geo.text.timeparse import weekdays_after

    (d,) = weekdays_after(find_dates(f"On {name}, they shelled the port.", None, "en"), after)
    assert 0 <= (d.date - after).days <= 6
    assert d.date.strftime("%A") == name


@pytest.mark.parametrize("text", ["وفي ديسمبر سيطر المسلحون على الحقل.", "فخلال ديسمبر سيطر المسلحون على الحقل.",
                                  "في ديسمبر سيطر المسلحون على الحقل."])
def test_an_arabic_month_after_a_conjunction_is_still_a_month(text):
    (d,) = find_dates(text, None, "ar", ref_year=2014)
    assert (d.date, d.precision) == (dt.date(2014, 12, 1), 3)


@pytest.mark.parametrize("text", ["وفي أوائل مارس قصف الطيران رتلا.", "وفي مارس قصف الطيران رتلا."])
def test_march_after_a_preposition_is_the_month_and_early_march_is_found(text):
    (d,) = find_dates(text, None, "ar", ref_year=2019)
    assert (d.date, d.precision) == (dt.date(2019, 3, 1), 3)


def test_march_as_a_verb_is_no_date():
    assert find_dates("مارس الجيش ضغوطا على المجلس.", None, "ar", ref_year=2019) == []


def test_a_weekday_after_an_explicit_date_of_its_sentence_counts_from_that_date():
    from geo.extract import extract_result

    text = ("يوم 4 أبريل 2019 أعلن الجيش انطلاق العملية. "
            "يوم 27 يوليو 2019 أعلنت قوات الوفاق، السبت، استعادتها كامل معسكر النقلية جنوبي طرابلس.")
    assert extract_result(text, date=None, language="ar").events[-1].event_date == "2019-07-27"  # a Saturday


# --- the year of a heading in a dated report ------------------------------------------------------------
from geo.text.timeparse import heading_years  # noqa: E402


def test_heading_years_finds_colon_lead_ins_and_year_titles() -> None:
    report = "2021 Terrorist Incidents:  Significant incidents in Libya in 2021 included the following:\n\nIn June, …"
    assert heading_years(report) == [(report.index("\n"), 2021)]
    assert heading_years("أحداث 2019\nفي يونيو، …") == [(len("أحداث 2019"), 2019)]
    assert heading_years("Events of 2018\n\nIn May …") == [(len("Events of 2018"), 2018)]
    # a dateline, a sentence that names a year, a colon line with no year: no heading year
    assert heading_years("Tripoli, 12 April 2019\n\nIn June, fighters attacked Sirte.") == []
    assert heading_years("Fighting broke out in 2019 and went on for months.\nIn June …") == []
    assert heading_years("The ministry said:\nIn June …") == []


def test_a_heading_year_dates_month_dates_of_a_later_report_and_they_are_not_background() -> None:
    published = dt.date(2023, 2, 27)
    got = find_dates("In June, a car bomb exploded in Sabha.", published, "en", ref_year=2021)
    assert [(d.date, d.precision) for d in got] == [(dt.date(2021, 6, 1), 3)]
    assert not got[0].note.startswith("background")
    ar = find_dates("في 5 يونيو انفجرت سيارة مفخخة في سبها", published, "ar", ref_year=2021)
    assert [(d.date, d.precision) for d in ar] == [(dt.date(2021, 6, 5), 1)]
    # without the heading the month is the last June before publication, long before it: background
    plain = find_dates("In June, a car bomb exploded in Sabha.", published, "en")
    assert plain[0].date == dt.date(2022, 6, 1) and plain[0].note.startswith("background")
    # a heading year that is the publication's own changes nothing
    same = find_dates("In January, a car bomb exploded in Sabha.", published, "en", ref_year=2023)
    assert same[0].date == dt.date(2023, 1, 1)


@pytest.mark.parametrize("text, date", [
    ("سيطر الثوار على طرابلس في 2011/08/20.", dt.date(2011, 8, 20)),
    ("Rebels took Tripoli on 2011.08.21.", dt.date(2011, 8, 21)),
])
def test_a_year_first_date_at_the_end_of_a_sentence(text, date):
    assert [d.date for d in find_dates(text, None, "ar")] == [date]


def test_a_year_first_date_inside_a_longer_number_is_none():
    assert find_dates("version 1.2019.04.04 and 2019.04.04.5", None, "en") == []


@pytest.mark.parametrize("text, lang, want", [
    ("In 2015, the city fell to the Islamic State.", "en", ("2015-01-01", 3)),
    ("سقطت المدينة في يد تنظيم الدولة عام 2015.", "ar", ("2015-01-01", 3)),
    ("Between 2014 and 2016 the city changed hands twice.", "en", None),  # two years: no one year
])
def test_a_year_alone_in_a_narrative_is_coded_by_its_first_day(text, lang, want):
    found = find_dates(text, None, lang)
    got = [(d.date.isoformat(), d.precision) for d in found if d.date is not None]
    assert got == ([want] if want else [])


def test_a_year_since_which_something_lasts_is_background():
    (d,) = find_dates("Since 2014, the city has been contested.", None, "en")
    assert d.note.startswith("since")


def test_the_date_of_a_saying_gives_way_to_the_date_of_the_event():
    # "said on Thursday that an air strike on Sunday …": the air strike is of Sunday
    found = find_dates("Officials said on Thursday that an airstrike on Murzuq on Sunday killed 43 people.",
                       dt.date(2019, 8, 8), "en")
    assert pick_date(found, dt.date(2019, 8, 8)).date == dt.date(2019, 8, 4)
    assert [d.note.startswith("statement") for d in found] == [True, False]
    found = find_dates("وقالت وزارة الصحة يوم الثلاثاء إن 27 شخصا قتلوا في اشتباكات بطرابلس يوم الاثنين.",
                       dt.date(2023, 8, 16), "ar")
    assert pick_date(found, dt.date(2023, 8, 16)).date == dt.date(2023, 8, 14)
    # the only date of a sentence is kept, whoever said it
    found = find_dates("Officials said on Thursday that five people were killed in clashes in Sabha.",
                       dt.date(2019, 8, 8), "en")
    assert pick_date(found, dt.date(2019, 8, 8)).date == dt.date(2019, 8, 8)
    assert not found[0].note.startswith("statement")


def test_a_date_that_opens_a_clause_dates_its_words():
    from geo.text.timeparse import date_of_words
    text = "في 4 أبريل 2019 أطلق خليفة حفتر عملية للسيطرة على طرابلس، وفي 5 أبريل وصلت قواته إلى المطار."
    found = find_dates(text, None, "ar", ref_year=2019)
    assert date_of_words(found, text, text.index("للسيطرة"), text.index("للسيطرة") + 7).date == dt.date(2019, 4, 4)
    assert date_of_words(found, text, text.index("وصلت"), text.index("وصلت") + 4).date == dt.date(2019, 4, 5)
    # a date after its words in another conjunct: the nearest
    text = "By 7 April fighting had reached Tripoli, and an airstrike hit Mitiga on 8 April 2019."
    found = find_dates(text, None, "en", ref_year=2019)
    assert date_of_words(found, text, text.index("airstrike"), text.index("airstrike") + 9).date == dt.date(2019, 4, 8)
    # a dateline's date is no clause's opener
    text = "STUTTGART, Germany, Sept. 26, 2019 — U.S. Africa Command conducted an airstrike near Murzuq on September 24, 2019."
    found = find_dates(text, None, "en")
    assert date_of_words(found, text, text.index("airstrike"), text.index("airstrike") + 9).date == dt.date(2019, 9, 24)


def test_a_saying_dated_at_the_head_of_the_sentence_gives_way():
    text = "On Tuesday, officials of the US military said they believed the airstrikes in Tripoli last week were Egypt's."
    found = find_dates(text, dt.date(2014, 8, 28), "en")
    assert found[0].note.startswith("statement") and pick_date(found, dt.date(2014, 8, 28)).precision == 2
    text = "Yesterday's attack follows a similar one reported to have occurred on the night of August 17–18."
    assert not any(d.note.startswith("statement") for d in find_dates(text, dt.date(2014, 8, 24), "en"))
