"""The stages of the extraction pipeline, each run alone (``geo.extract``: document, trigger guards, date,
places, the places a trigger governs, account).

Expected values come from reading the sentences, not from the program's output.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from geo.extract import _Coder, _PlaceFinder, extract_result, read_document
from geo.text import lexicon

TRIPOLI, ZAWIYA, SIRTE, SABHA = "gn:2210247", "gn:2218970", "gn:2210554", "gn:2212775"


@pytest.fixture(scope="module")
def coder(gaz):
    def make(text: str, date: str | None = None) -> _Coder:
        return _Coder(read_document(text, date, gazetteer=gaz))
    return make


def _event_triggers(text: str, lang: str = "en") -> list[lexicon.Trigger]:
    return [t for t in lexicon.find_triggers(text, lang) if t.event_type]


def test_document_stage_reads_the_dateline_sentences_and_mentions(gaz):
    doc = read_document("TRIPOLI, 12 April 2019 – Clashes erupted in Tripoli on Thursday. Two people were killed in "
                        "Zawiya.", gazetteer=gaz)
    assert doc.doc_date == dt.date(2019, 4, 12)
    assert "dateline" in doc.doc_date_note
    assert [s.text for s in doc.sentences][1:] == ["Clashes erupted in Tripoli on Thursday.",
                                                   "Two people were killed in Zawiya."]
    places = [(m.text, getattr(m.place, "id", None)) for m in doc.mentions]
    assert places == [("TRIPOLI", TRIPOLI), ("Tripoli", TRIPOLI), ("Zawiya", ZAWIYA)]
    # each sentence knows its own mentions
    assert [[doc.mentions[i].text for i in ids] for ids in doc.m_by_sentence] == [["TRIPOLI"], ["Tripoli"], ["Zawiya"]]


def test_document_stage_hints_only_the_guard_families_present(gaz):
    doc = read_document("Clashes erupted in Sabha.", "2016-06-09", gazetteer=gaz)
    assert not doc.hint["weapon"] and not doc.hint["hedge"]
    doc = read_document("Police seized weapons and ammunition in Sabha.", "2016-06-09", gazetteer=gaz)
    assert doc.hint["weapon"]


@pytest.mark.parametrize(("text", "lang", "kept"), [
    # the raid is how the arrests were made, not an attack of its own
    ("Police arrested 20 migrants in a raid in Zawiya.", "en", ["arrest"]),
    ("اعتقلت قوات الأمن 20 مهاجرا في مداهمة بالزاوية.", "ar", ["arrest"]),
    # missiles moved or set up are no strike
    ("Russian missiles were deployed in Tobruk.", "en", []),
    # a detention centre named is no arrest
    ("The migrants were held at the Tajoura detention centre.", "en", []),
])
def test_trigger_guards_drop_what_names_no_event(coder, text, lang, kept):
    c = coder(text, "2019-04-12")
    sent = c.doc.sentences[0]
    trigs, _ = c.guard_triggers(0, sent, lang, lexicon.find_triggers(sent.text, lang))
    assert [t.kind for t in trigs if t.kind != "statement"] == kept


def test_trigger_guards_let_a_protest_absorb_what_protesters_storm(coder):
    c = coder("Protesters burned tyres and stormed the council building in Misrata.", "2019-04-12")
    sent = c.doc.sentences[0]
    trigs, absorbed = c.guard_triggers(0, sent, "en", lexicon.find_triggers(sent.text, "en"))
    assert {t.kind for t in trigs} == {"protest"}
    assert absorbed == {"attack"}


def test_date_stage_counts_the_next_day_from_the_date_named_last(coder):
    c = coder("On 5 March 2011, rebels entered Bin Jawad. The next day, loyalist forces attacked Ras Lanuf.")
    days = []
    for k, sent in enumerate(c.doc.sentences):
        when = c.date_of(k, sent, "en", _event_triggers(sent.text), c.doc.m_by_sentence[k])
        assert when is not None
        days.append((when.ev_date, when.tprec))
    assert days == [("2011-03-05", 1), ("2011-03-06", 1)]


def test_date_stage_turns_away_a_sentence_of_background(coder):
    c = coder("ويسيطر التنظيم منذ حزيران 2015 على سرت.", "2016-06-09")
    sent = c.doc.sentences[0]
    assert c.date_of(0, sent, "ar", _event_triggers(sent.text, "ar"), c.doc.m_by_sentence[0]) is None
    # and says why its place is no event's
    assert any("background" in why for _, why in c.res.unused)


def test_date_stage_falls_back_to_the_document_date(coder):
    c = coder("Clashes erupted in Sabha.", "2016-06-09")
    sent = c.doc.sentences[0]
    when = c.date_of(0, sent, "en", _event_triggers(sent.text), c.doc.m_by_sentence[0])
    assert when is not None and when.ev_date == "2016-06-09" and when.date_note == "document date"


def test_place_stage_keeps_the_base_not_the_region_that_holds_it(coder):
    c = coder("Gunmen attacked the Brak al-Shati air base in southern Libya.", "2017-05-20")
    sent = c.doc.sentences[0]
    own = [i for i in c.doc.m_by_sentence[0] if c.doc.mentions[i].place is not None]
    assert len(own) == 2
    keep = c.event_places(sent, own, lexicon.find_actors(sent.text, "en"))
    assert keep is not None and [c.doc.mentions[i].text for i in keep] == ["Brak al-Shati air base"]


def test_place_stage_turns_away_an_event_abroad(coder):
    c = coder("Clashes erupted in Tunis.", "2016-06-09")
    sent = c.doc.sentences[0]
    own = [i for i in c.doc.m_by_sentence[0] if c.doc.mentions[i].place is not None]
    assert own and c.event_places(sent, own, []) is None
    assert any("abroad" in why for _, why in c.res.unused)


def test_place_finder_skips_where_the_fighters_came_from(coder):
    c = coder("Fighters from Misrata attacked Sirte.", "2016-06-09")
    sent = c.doc.sentences[0]
    own = [i for i in c.doc.m_by_sentence[0] if c.doc.mentions[i].place is not None]
    keep = c.event_places(sent, own, [])
    assert keep is not None
    attack = _event_triggers(sent.text)[0]
    assert [x.place_id for x in _PlaceFinder(c, sent, "en", keep)(sent.start + attack.start)] == [SIRTE]


def test_place_finder_reads_the_list_a_strike_names(coder):
    c = coder("Air strikes hit targets in Sirte and Sabha.", "2016-06-09")
    sent = c.doc.sentences[0]
    own = [i for i in c.doc.m_by_sentence[0] if c.doc.mentions[i].place is not None]
    keep = c.event_places(sent, own, [])
    assert keep is not None
    strike = _event_triggers(sent.text)[0]
    found = _PlaceFinder(c, sent, "en", keep)(sent.start + strike.start, targets=True)
    assert [x.place_id for x in found] == [SIRTE, SABHA]


_SENTENCES = [
    "Clashes erupted in Sabha on Friday.",
    "Seven soldiers were killed in Benghazi.",
    "The fighting spread to Tripoli and Misrata.",
    "Rebels said they had taken Zawiya, 50 km west of Tripoli.",
    "The delegation flew to Tunis and Cairo.",
    "Forces from Misrata advanced towards Sirte.",
    "اندلعت اشتباكات في سبها يوم الجمعة.",
    "قتل سبعة جنود في بنغازي.",
    "قصفت طائرات مطار معيتيقة في طرابلس.",
    "وصل الوفد إلى القاهرة.",
    "A car bomb exploded near a hospital in Derna, killing three.",
    "Protesters closed the road to Zliten.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=6))
def test_account_stage_lists_every_mention_once(gaz, picked):
    """Every place mention ends up used by events or listed with a reason, never both, never lost."""
    res = extract_result(" ".join(picked), "2016-06-09", gazetteer=gaz)
    seen = [id(m) for m, _ in res.used] + [id(m) for m, _ in res.unused]
    assert sorted(seen) == sorted(id(m) for m in res.mentions)
    event_ids = {e.id for e in res.events}
    # an event a mention is used by exists (unless folded into another event of the same place and day)
    for m, ids in res.used:
        assert ids
        assert any(i in event_ids for i in ids) or any(e.place_id == getattr(m.place, "id", "") for e in res.events)
