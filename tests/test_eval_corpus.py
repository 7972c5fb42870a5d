"""The corpus scorer (benchmarks/eval_corpus.py) runs on two real passages, so it cannot rot.

The passages are copies of corpus passages (tests/fixtures/corpus: ar-13 from Arabic Wikipedia,
CC BY-SA 4.0; en-11 a US Department of Defense release, public domain; see
benchmarks/corpus/SOURCES.md). The figures themselves live in the benchmark, not here: these
tests check that the scorer counts what it says it counts.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_corpus as ev  # noqa: E402

FIX = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def passages():
    return ev.load_corpus(FIX)


def test_occurrences_respect_words_and_clitics():
    text = "قصفت الطائرات سرت وبسرت، وسرتها ليست سرت. Sirte's port and Sirtean"
    assert ev.occurrences(text, "سرت") == [(14, 17), (20, 23), (37, 40)]  # not inside «وسرتها»
    assert ev.occurrences(text, "Sirte") == [(42, 47)]  # "Sirte's", not "Sirtean"


def test_gold_mentions_of_the_fixture(passages):
    by_id = {p.id: p for p in passages}
    golds, foreign, _ignore = ev.gold_mentions(by_id["en-11"])
    # "Sabratha" three times in the release (read in the text), "Tunisian" is no place
    assert [by_id["en-11"].text[g.start:g.end] for g in golds] == ["Sabratha"] * len(golds)
    assert len(golds) == by_id["en-11"].text.count("Sabratha")


def test_scores_are_consistent(passages):
    res = ev.evaluate(passages)
    for key, t in res.items():
        n_gold = sum(len(ev.gold_mentions(p)[0]) for p in passages
                     if (key[0] in ("all", p.split)) and (key[1] in ("all", p.lang)))
        assert t.tp + t.fn == n_gold
        assert 0.0 <= t.recall <= 1.0 and 0.0 <= t.precision <= 1.0
        assert t.ev_type_place <= t.ev_gold and t.ev_date_right <= t.ev_dated_found


def test_a_wrong_reference_point_is_a_miss(passages, tmp_path):
    """Move the gold point of Sabratha 300 km away: every Sabratha mention becomes a miss, and
    the scorer says the name was resolved to another place."""
    p = next(q for q in passages if q.id == "en-11")
    bad = copy.deepcopy(p)
    bad.gold["places"][0]["lat"] += 3.0
    t = ev.score_passage(bad, _gaz(), _extract(bad))
    assert t.tp == 0 and t.fn == bad.text.count("Sabratha")
    assert {m["reason"] for m in t.misses} == {"resolved wrongly"}
    # and the event at Sabratha is no longer found
    assert t.ev_type_place == 0


def test_splits_are_fixed_by_id():
    assert ev.split_for("ar-13") == ev.split_for("ar-13")
    splits = json.loads((ROOT / "benchmarks" / "corpus" / "splits.json").read_text("utf-8"))
    assert not set(splits["dev"]) & set(splits["heldout"])
    assert all(ev.split_for(i) == name for name, ids in splits.items() for i in ids)


def _gaz():
    from gazetteer import Gazetteer

    return Gazetteer.load(user=False)


def _extract(p):
    from geo.extract import extract_result

    return extract_result(p.text, date=p.gold.get("doc_date"), doc_id=p.id, gazetteer=_gaz(), language=p.lang)


@pytest.mark.parametrize(
    "gold, predicted, agree",
    [
        ("Forces of Khalifa Haftar", "LNA", True),  # one of the LNA's names: "Khalifa Haftar's forces"
        ("Rebels", "NTC/rebel forces (2011)", True),
        ("Libyan National Army", "Libyan forces", False),  # a generic placeholder's aliases prove nothing
        ("Islamic State (Libya)", "LNA", False),
        ("Forces of Khalifa Haftar", "", False),
    ],
)
def test_actor_agreement_by_the_lexicons_names(gold, predicted, agree):
    assert ev.actors_agree(gold, predicted) is agree


@pytest.mark.parametrize(
    "got, gold, precision, agree",
    [
        ("2014-05-01", "2014-05-15", 3, True),  # a month coded by its 1st or its 15th is the same month
        ("2014-06-01", "2014-05-15", 3, False),
        ("2014-05-09", "2014-05-15", 2, True),
        ("2014-05-07", "2014-05-15", 2, False),
        ("2014-05-14", "2014-05-15", 1, False),
        ("2014-05-15", "2014-05-15", None, True),
        ("not a date", "2014-05-15", 3, False),
    ],
)
def test_a_date_agrees_to_the_golds_own_precision(got, gold, precision, agree):
    assert ev.within_precision(got, gold, precision) is agree
