"""Tests of geo.text.lexicon: triggers, actors, org spans, demonyms, user extensions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from geo.exc import ConfigError
from geo.text.lexicon import (
    attack_event,
    demonyms,
    find_actors,
    find_triggers,
    load_lexicon,
    org_spans,
    territory_sub_event,
)
from geo.text.structure import split_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "sirte-live-2016-ar.txt"


def _kinds(text, lang="ar"):
    return [(t.word, t.kind) for t in find_triggers(text, lang)]


def _sent(fragment):
    text = FIXTURE.read_text(encoding="utf-8")
    return next(s.text for s in split_sentences(text) if fragment in s.text)


def test_fixture_triggers():
    s = _sent("سيطرت قوات حكومة الوفاق")
    assert ("سيطرت", "territory") in _kinds(s)
    s = _sent("أن سلاح الجو يقصف")
    assert ("يقصف", "air") in _kinds(s)
    s = _sent("الضربات من البحر")
    assert ("الضربات من البحر", "shelling") in _kinds(s)
    s = _sent("سبع غارات جوية")
    trig = next(t for t in find_triggers(s, "ar") if t.kind == "air")
    assert (trig.event_type, trig.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert s[trig.start : trig.end] == trig.word == "غارات جوية"
    s = _sent("القوات الجوية استهدفت")
    assert ("استهدفت", "air") in _kinds(s) and ("المدفعية", "shelling") in _kinds(s)
    s = _sent("وإزالة الألغام")
    assert ("وإزالة الألغام", "disrupted_weapons") in _kinds(s)
    assert not any(k == "explosive" for _, k in _kinds(s))  # the longer, non-violent match wins


@pytest.mark.parametrize(
    "text, kind",
    [
        ("اندلعت اشتباكات عنيفة في المدينة", "clash"),
        ("تدور معارك ضارية", "fighting"),
        ("استعادت القوات السيطرة على المطار", "territory"),
        ("وبقصف مدفعي على الحي", "shelling"),
        ("سقطت قذائف هاون على الحي", "shelling"),
        ("انفجرت عبوة ناسفة قرب البوابة", "explosive"),
        ("فجر انتحاري سيارة مفخخة يقودها انتحاري", "suicide"),
        ("نظم السكان وقفة احتجاجية", "protest"),
        ("Heavy clashes erupted near the port", "clash"),
        ("GNA forces seized the port", "territory"),
        ("an air strike hit the base", "air"),
        ("a drone strike killed two", "air"),
        ("Militants shelled the hospital", "shelling"),
        ("warships bombarded IS positions", "shelling"),
        ("a car bomb exploded", "explosive"),
        ("a suicide bomber blew himself up", "suicide"),
        ("gunmen attacked a checkpoint", "attack"),
        ("hundreds of protesters gathered", "protest"),
        ("engineers defused the mines", "disrupted_weapons"),
    ],
)
def test_trigger_kinds(text, kind):
    kinds = [k for _, k in _kinds(text, "en" if text.isascii() else "ar")]
    assert kind in kinds


def test_weak_triggers_need_cues():
    assert _kinds("استهدفت القوات الجوية مواقع المسلحين") == [("استهدفت", "air")]
    assert _kinds("استهدفت الحكومة الفساد") == []
    assert [k for _, k in _kinds("قصفت الطائرات الحربية مواقع التنظيم")] == ["air"]
    assert [k for _, k in _kinds("قصف على الحي الشرقي")] == ["shelling"]  # default without cue
    assert [k for _, k in _kinds("American warplanes struck IS positions", "en")] == ["air"]


def test_statement_is_no_event():
    (t,) = find_triggers("وقال المتحدث إن الوضع هادئ", "ar")
    assert t.kind == "statement" and t.event_type == ""
    assert [k for _, k in _kinds("وأضاف أن القوات دخلت المدينة")] == ["statement", "territory"]
    assert [k for _, k in _kinds("إضافة إلى ذلك")] == []  # a noun, not the verb «أضاف»


def test_fixture_actors_longest_and_affiliation():
    s = _sent("وأعلن الجيش الليبي التابع لحكومة الوفاق")
    first = find_actors(s, "ar")[0]
    assert first.name == "GNA forces" and s[first.start : first.end] == "الجيش الليبي التابع لحكومة الوفاق"
    s = _sent("قال الناطق الرسمي باسم الجيش الليبي")
    assert find_actors(s, "ar")[0].actor_id == "lna"
    s = _sent("عناصر في القوات الليبية التابعة لحكومة فايز السراج")
    (m,) = find_actors(s, "ar")
    assert m.actor_id == "gna" and s[m.start : m.end] == "القوات الليبية التابعة لحكومة فايز السراج"
    s = _sent("معسكر تاقرفت")
    assert {m.actor_id for m in find_actors(s, "ar")} == {"gna", "is"}
    s = _sent("للقوات البحرية الليبية العقيد")
    assert find_actors(s, "ar")[0].name == "Libyan Navy"


def test_anaphoric_islamic_state():
    s = "وكان التنظيم قد استولى على المدينة"
    assert find_actors(s, "ar") == []
    (m,) = find_actors(s, "ar", seen={"is"})
    assert m.anaphoric and m.actor_id == "is"
    both = find_actors("هاجم تنظيم داعش المدينة ثم انسحب التنظيم", "ar")
    assert [(m.actor_id, m.anaphoric) for m in both] == [("is", False), ("is", True)]


def test_english_actors_and_case():
    ms = find_actors("IS fighters clashed with pro-GNA forces and Haftar's forces; this is ISIS", "en")
    assert [m.actor_id for m in ms] == ["is", "gna", "lna", "is"]
    assert find_actors("this is a test", "en") == []
    kinds = {m.actor_id: m.kind for m in find_actors("AFRICOM said civilians and the BRSC", "en")}
    assert kinds == {"us": "external", "civilians": "civilians", "brsc": "non_state"}


def test_territory_and_attack_rules():
    assert territory_sub_event("GNA forces") == "Government regains territory"
    assert territory_sub_event("Military Forces of Libya (2016-) Government of National Accord") == (
        "Government regains territory"
    )
    assert territory_sub_event("Islamic State") == "Non-state actor overtakes territory"
    assert territory_sub_event("") == "Non-state actor overtakes territory"
    assert attack_event("civilians") == ("Violence against civilians", "Attack")
    assert attack_event("state") == ("Battles", "Armed clash")


def test_org_spans():
    s = _sent("غرفة عمليات سرت")
    assert "غرفة عمليات سرت" in [s[a:b] for a, b in org_spans(s, "ar")]
    text = "قاتلت قوات مصراتة ومجلس شورى ثوار بنغازي ودرع ليبيا وفجر ليبيا بينما دخلت القوات سرت"
    spans = [text[a:b] for a, b in org_spans(text, "ar")]
    # spans start at the word, proclitics included («ومجلس»)
    assert spans == ["قوات مصراتة", "ومجلس شورى ثوار بنغازي", "ودرع ليبيا", "وفجر ليبيا"]
    text = "The Sirte Operations Room and Libya Dawn said"
    assert [text[a:b] for a, b in org_spans(text, "en")] == ["Sirte Operations Room", "Libya Dawn"]


def test_demonyms():
    text = "قالت وزارة الدفاع الأميركية إن القوات الليبية وليبيون في ليبيا وفي سورية والتونسية"
    got = [(iso, text[a:b]) for iso, a, b in demonyms(text, "ar")]
    assert got == [("US", "الأميركية"), ("LY", "الليبية"), ("LY", "وليبيون"), ("TN", "والتونسية")]
    text = "Libyan and American officials met in Libya; tell us"
    assert [(iso, text[a:b]) for iso, a, b in demonyms(text, "en")] == [("LY", "Libyan"), ("US", "American")]


def test_load_lexicon_extensions():
    lex = load_lexicon(
        extra_actors=[{"name": "Misrata brigades", "kind": "state", "ar": ["كتائب مصراتة"], "en": ["Misratan brigades"]}],
        extra_triggers=[{"kind": "looting", "event_type": "Riots", "sub_event_type": "Mob violence", "ar": ["نهب"]}],
    )
    (m,) = find_actors("هاجمت كتائب مصراتة الموقع", "ar", lexicon=lex)
    assert m.name == "Misrata brigades" and m.kind == "state"
    assert territory_sub_event("Misrata brigades", lexicon=lex) == "Government regains territory"
    (t,) = find_triggers("عمليات نهب واسعة", "ar", lexicon=lex)
    assert (t.kind, t.event_type) == ("looting", "Riots")


@pytest.mark.parametrize(
    "kwargs, msg",
    [
        ({"extra_actors": [{"name": "X", "ar": ["س"]}]}, r"extra_actors\[0\] \(X\): missing key 'kind'"),
        ({"extra_actors": [{"name": "X", "kind": "army", "en": ["x"]}]}, "kind must be one of"),
        ({"extra_actors": [{"name": "X", "kind": "state"}]}, "at least one pattern"),
        ({"extra_triggers": [{"ar": ["نهب"]}]}, r"extra_triggers\[0\].*missing key 'kind'"),
        ({"extra_triggers": [{"kind": "looting", "ar": ["نهب"]}]}, "needs 'event_type'"),
        ({"extra_actors": ["GNA"]}, "expected a table"),
    ],
)
def test_load_lexicon_errors(kwargs, msg):
    with pytest.raises(ConfigError, match=msg):
        load_lexicon(**kwargs)


def test_language_modules_import_nothing_heavy():
    code = (
        "import sys, geo.text.document, geo.text.structure, geo.text.timeparse, geo.text.numbers, geo.text.lexicon;"
        "geo.text.lexicon.find_triggers('قصف', 'ar');"
        "bad = [m for m in ('geopandas', 'folium', 'shapely', 'pyproj') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    root = Path(__file__).resolve().parents[1]
    r = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                       env={"PYTHONPATH": str(root), "PATH": ""})
    assert r.returncode == 0, r.stdout + r.stderr


def test_english_org_name_takes_all_its_capitalised_words():
    from geo.text.lexicon import org_spans

    text = "clashes with the Benghazi Defence Brigades near Ajdabiya"
    spans = [text[a:b] for a, b in org_spans(text, "en")]
    assert "Benghazi Defence Brigades" in spans
    assert not any("Ajdabiya" in s for s in spans)


@pytest.mark.parametrize("text", ["قتل شرطيان في الهجوم", "أصيب شرطي بجروح", "هاجم مسلحون ضباط شرطة", "قتل رجل شرطة"])
def test_policemen_in_the_singular_dual_and_plural_are_the_police(text: str) -> None:
    assert [a.name for a in find_actors(text, "ar") if a.name == "Libyan police"] == ["Libyan police"]


@pytest.mark.parametrize("text,names", [
    # the sentence's verb after a unit's head is not the unit's name
    ("الكتيبة اقتحمت مدينة غريان يوم الخميس.", []),
    ("كتيبة شهداء أبو سليم هاجمت مواقع في طرابلس.", ["كتيبة شهداء أبو سليم"]),
    # a definite head takes a number or an ordinal, not the verb's object
    ("حذرت الكتيبة المسلحين ثم اقتحمت قواتها مدينة غريان.", ["Unidentified armed group"]),
    ("اشتبكت الكتيبة 166 مع قوة أخرى في الزاوية.", ["الكتيبة 166"]),
    ("اشتبكت عناصر الكتيبة السادسة مع قوة أخرى في الزاوية.", ["الكتيبة السادسة"]),
])
def test_a_unit_named_by_its_head_ends_before_the_verb(text: str, names: list[str]) -> None:
    assert [a.name for a in find_actors(text, "ar")] == names


def test_a_sound_plural_construct_is_read_in_both_cases():
    from geo.text.lexicon import find_actors

    for text in ("هاجم مسلحي مصراتة المدينة", "هاجم مسلحو مصراتة المدينة", "اشتبك مقاتلو الزنتان مع قوة"):
        assert [a.name for a in find_actors(text, "ar")] in (["Misrata forces"], ["Zintan forces"]), text


@pytest.mark.parametrize("text, name", [
    ("هاجم جهاز دعم الاستقرار مقرا للكتيبة 55 في ورشفانة.", "الكتيبة 55"),
    ("انضم مقاتلون للواء 444 في طرابلس.", "444th Brigade"),
    ("قصفت قوات موالية لحكومة الاستقرار مواقع في طرابلس.", "GNS forces"),
    ("اشتبكت مجموعة مسلحة تابعة لعبد الغني الككلي مع قوة أخرى.", "Stability Support Apparatus (Ghneiwa)"),
    ("Forces loyal to Abdul Ghani al-Kikli clashed with another force.", "Stability Support Apparatus (Ghneiwa)"),
])
def test_units_after_li_and_the_2022_parties(text, name):
    from geo.text.lexicon import find_actors

    assert name in [a.name for a in find_actors(text, "ar" if text[0] > "z" else "en")]


@pytest.mark.parametrize("text, lang, actor_id", [
    ("Haftar-aligned forces attacked Tripoli.", "en", "lna"),
    ("Haftar-allied forces attacked Tripoli.", "en", "lna"),
    ("Gaddafi-loyal troops attacked Misrata.", "en", "gaddafi_forces"),
    ("Kikli-led militias clashed in Abu Salim.", "en", "ssa"),
    ("القوات المحسوبة على حفتر هاجمت طرابلس", "ar", "lna"),
    ("مجموعات مسلحة محسوبة على حكومة الوفاق اشتبكت في طرابلس", "ar", "gna"),
    ("مجموعات مسلحة داعمة لحكومة الوفاق اشتبكت في طرابلس", "ar", "gna"),
])
def test_compound_and_counted_as_forms_name_the_leaders_forces(text, lang, actor_id):
    assert [a.actor_id for a in find_actors(text, lang)] == [actor_id]


def test_who_backs_a_force_is_not_the_force_and_unknown_leaders_keep_their_name():
    assert find_actors("UAE-backed forces attacked Tripoli.", "en") == []
    names = [a.name for a in find_actors("Zawawi-aligned fighters stormed the camp.", "en")]
    assert names == ["Forces loyal to Zawawi"]


def test_a_compound_of_an_adjective_names_no_leader():
    assert find_actors("Islamist-aligned militias attacked Benghazi.", "en") == []
    assert [a.name for a in find_actors("Western-allied fighters stormed the camp.", "en")] == []
