"""Tests of geo.text.structure: sentences, sections, captions, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text.structure import parse_update_header, split_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "sirte-live-2016-ar.txt"


def _texts(text):
    return [s.text for s in split_sentences(text)]


def test_offsets_and_sections_on_fixture():
    text = FIXTURE.read_text(encoding="utf-8")
    sents = split_sentences(text)
    for s in sents:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert not any("تحديث" in s.text and "تغ" in s.text for s in sents)  # headers are not sentences
    times = []
    for s in sents:
        if s.update_time and (not times or times[-1] != s.update_time):
            times.append(s.update_time)
    assert times == ["19:44", "17:15", "22:22"]
    assert [s.section for s in sents if s.update_time is None] == [0] * sum(s.update_time is None for s in sents)
    # the sentence about entering Sirte sits in the 19:44 section, the casualty sentence in 22:22
    assert next(s for s in sents if "دخلت مدينة سرت" in s.text).update_time == "19:44"
    cas = next(s for s in sents if "مقتل ستة" in s.text)
    assert cas.update_time == "22:22" and cas.text == "وأسفرت المواجهات عن مقتل ستة وإصابة 15 آخرين."
    # photo captions (short, unpunctuated, "أرشيف") at the top and in the middle
    caps = [s.text for s in sents if s.is_caption]
    assert any(c.startswith("جنود ليبيون") for c in caps)
    assert sum("السراج_أرشيف" in c for c in caps) == 2
    assert not any(s.is_caption for s in sents if s.text.startswith("قال الناطق"))
    assert {s.language for s in sents} == {"ar"}


def test_quotes_do_not_split():
    text = 'وقال المتحدث: "دخلنا المدينة. الاشتباكات مستمرة". ثم انسحب المسلحون.'
    assert _texts(text) == ['وقال المتحدث: "دخلنا المدينة. الاشتباكات مستمرة".', "ثم انسحب المسلحون."]
    text2 = "قال «انتهى الأمر. لا عودة» ثم غادر؟ نعم"
    assert _texts(text2) == ["قال «انتهى الأمر. لا عودة» ثم غادر؟", "نعم"]


def test_numbers_and_abbreviations_do_not_split():
    text = "Mr. Kouk said U.S. forces moved 3.5 km west of Sirte. The GNA advanced! Was it over? Yes."
    assert _texts(text) == [
        "Mr. Kouk said U.S. forces moved 3.5 km west of Sirte.",
        "The GNA advanced!",
        "Was it over?",
        "Yes.",
    ]


def test_arabic_punctuation_splits():
    assert _texts("هل دخلت القوات؟ نعم؛ دخلت المدينة. وانتهى") == ["هل دخلت القوات؟", "نعم؛", "دخلت المدينة.", "وانتهى"]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("تحديث - 19:44 تغ", "19:44"),
        ("تحديث: 17:15 تغ", "17:15"),
        ("تحديث:22:22 تغ", "22:22"),
        ("آخر تحديث 10:05 بتوقيت غرينتش", "10:05"),
        ("تحديث ١٨:٣٠ بتوقيت ليبيا", "16:30"),
        ("Update 19:44 GMT", "19:44"),
        ("UPDATE: 5:15 pm GMT", "17:15"),
        ("Updated at 19:44 GMT", "19:44"),
        ("update 12:05 am GMT", "00:05"),
        ("تحديث الأسلحة لدى الجيش", None),
        ("Updates on the war are here", None),
    ],
)
def test_update_headers(line, expected):
    got = parse_update_header(line)
    assert (got[0] if got else None) == expected


def test_english_live_blog_sections_and_crlf():
    text = (
        "Live: battle for Sirte\r\n\r\n"
        "GNA forces advanced on Thursday.\r\n"
        "UPDATE: 5:15 pm GMT\r\n"
        "Clashes continued near the port. Snipers fired from buildings.\r\n\r\n\r\n"
        "Update 19:44 GMT: Forces entered the city centre.\r\n"
    )
    sents = split_sentences(text)
    assert [(s.text, s.section, s.update_time) for s in sents] == [
        ("Live: battle for Sirte", 0, None),
        ("GNA forces advanced on Thursday.", 0, None),
        ("Clashes continued near the port.", 1, "17:15"),
        ("Snipers fired from buildings.", 1, "17:15"),
        ("Forces entered the city centre.", 2, "19:44"),
    ]
    assert all(s.language == "en" for s in sents)
    assert [s.paragraph for s in sents] == [0, 1, 2, 2, 3]


def test_nbsp_tabs_bidi_marks():
    text = "\u200f\tسيطرت القوات على الميناء.\u00a0 \u200fوتقدمت نحو الوسط.\u00a0\n\n\n\t"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["سيطرت القوات على الميناء.", "وتقدمت نحو الوسط."]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_caption_heuristic():
    text = "AFP photo of smoke over Benghazi\n\nFighting continued in Benghazi on Friday, officials said.\n"
    sents = split_sentences(text)
    assert [s.is_caption for s in sents] == [True, False]
    # a lone title line without punctuation and no photo mark is not a caption
    assert [s.is_caption for s in split_sentences("Sirte battle\nForces advanced today.")] == [False, False]
    # a one- or two-word heading between paragraphs names a section and reports nothing
    text = "Forces advanced on Sirte today.\nThe attack\nGunmen stormed the hotel on Tuesday."
    assert [s.is_caption for s in split_sentences(text)] == [False, True, False]
    text = "تقدمت القوات نحو سرت اليوم.\nالهجوم\nاقتحم مسلحون الفندق يوم الثلاثاء."
    assert [s.is_caption for s in split_sentences(text)] == [False, True, False]


def test_mixed_language_paragraphs():
    sents = split_sentences("قال المتحدث إن القوات تقدمت.\nThe GNA said forces advanced.")
    assert [s.language for s in sents] == ["ar", "en"]


@settings(max_examples=80, deadline=None)
@given(st.text(st.sampled_from(list("سرت قوات. ؟\n\r\t\u00a0\u200f«»\"3.5!abc U.S")), max_size=80))
def test_offsets_roundtrip_random(text):
    prev_end = -1
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.start >= prev_end
        prev_end = s.end


@pytest.mark.parametrize(
    "text, n",
    [("U.S. Africa Command conducted an airstrike near Murzuq.", 1),
     ("Talks were hosted by the U.N. Support Mission in Libya.", 1),
     ("The strike was carried out by the U.S. The next day, IS attacked.", 2),
     ("Sanctions were imposed by the U.S. In response, Haftar withdrew.", 2)],
)
def test_us_un_uk_before_a_name_are_no_sentence_end(text, n):
    assert len(split_sentences(text)) == n


def test_a_section_heading_opens_a_new_part():
    text = ("Clashes broke out in Tripoli on 14 October 2011.\nBackground\nThe city fell in August 2011.\n"
            "Battle\nThe clashes started at noon.\nThe fighting went on into the night.")
    parts = [(s.text, s.part) for s in split_sentences(text)]
    assert parts == [("Clashes broke out in Tripoli on 14 October 2011.", 0), ("Background", 1),
                     ("The city fell in August 2011.", 1), ("Battle", 2), ("The clashes started at noon.", 2),
                     ("The fighting went on into the night.", 2)]
    ar = "اندلعت اشتباكات في طرابلس يوم 14 أكتوبر 2011.\nخلفية\nسقطت المدينة في أغسطس 2011.\nالمعركة\nبدأت الاشتباكات ظهرا."
    assert [s.part for s in split_sentences(ar)] == [0, 1, 1, 2, 2]


def test_a_title_line_or_a_dated_line_opens_no_part():
    # the first line is the title; a short line with a digit is a date line, not a heading
    text = "Battle of Brega\nRebels entered Brega.\n2 March 2011\nLoyalists attacked Brega."
    assert {s.part for s in split_sentences(text)} == {0}


def test_a_run_of_text_with_no_full_stop_is_cut_into_bounded_sentences():
    from geo.text.structure import MAX_SENTENCE_CHARS
    unit = "On 5 March 2011 rebels attacked Sirte, and on 6 March loyalists shelled Brega, "
    text = unit * 200
    sents = split_sentences(text)
    assert len(sents) > 1 and all(len(s.text) <= MAX_SENTENCE_CHARS for s in sents)
    # cut at a clause mark, nothing lost: the pieces cover the text
    assert all(s.text.endswith(",") for s in sents[:-1])
    assert "".join(text[s.start:s.end] for s in sents).replace(" ", "") == text.replace(" ", "")
    # real sentences are never cut
    real = "On 26 June 2019, GNA forces captured Gharyan, the LNA's forward base, after a surprise attack."
    assert [s.text for s in split_sentences(real)] == [real]
