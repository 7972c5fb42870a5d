"""The shortcuts taken for speed give the answers of the code they stand for.

Each cheap test before a costly pattern (``_date_hint``, ``_place_words_before``, the first-letter
class of the cue hints, the endings before ``_FEATURE_OF_RE``) must agree with the pattern on every
text; the index of cue hints is kept per text object; the collector's full passes are held back
during a long extraction and the thresholds are put back after it, whatever happens.
"""

from __future__ import annotations

import gc
import random
import re

import pytest

from geo import extract as ex
from geo import relative, toponyms
from geo.exc import InputError
from geo.text import timeparse
from geo.text.numbers import fold_same_length

_ALPHABET = ["in ", "the ", "of ", "town ", "North", "ern ", "km ", "İ", "ı", "ſ", "K", "k", ".", ",", " ", "\n",
             "\u3000", "struck", "x", "2019", "٣", "امس", "اليوم", "الشهر", "يونيو", "الجمعة", "Monday", "mAy",
             "yeſterday", "WEEK", "قرب", "شرق", "near", "Centre", "مدينه", "الميناء", "في", "ل"]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 8))) for _ in range(n)]


def test_date_hint_agrees_with_the_pattern():
    for text in _random_texts(20_000, 1) + ["ſunday", "Kelvin week", "İyesterday", "xagoy", "AGO"]:
        folded = fold_same_length(text)
        assert timeparse._date_hint(folded) == bool(timeparse._DATE_HINT_RE.search(folded)), text


def test_place_words_before_agrees_with_the_pattern():
    for text in _random_texts(20_000, 2) + ["the town of ", "struck\n", "in\u3000", "North of the "]:
        assert toponyms._place_words_before(text) == bool(toponyms._LATIN_PLACE_BEFORE.search(text)), text


def test_feature_endings_cover_every_match():
    for text in _random_texts(20_000, 3):
        before = text.rstrip()
        if toponyms._FEATURE_OF_RE.search(before):
            assert before.endswith(toponyms._FEATURE_OF_ENDINGS), before


@pytest.mark.parametrize("english", [False, True])
def test_cue_hint_index_agrees_with_the_plain_lookahead(english):
    hint = relative._EN_CUE_HINT if english else relative._AR_CUE_HINT
    plain = re.compile("(?=(" + "|".join(sorted(hint.pattern.split("|"), key=len)) + "))", hint.flags)
    text = "".join(_random_texts(3_000, 4))
    want = ([m.start() for m in plain.finditer(text)], [m.end(1) for m in plain.finditer(text)])
    assert relative._hint_index_uncached(text, english) == want
    copy = (text + ".")[:-1]  # an equal text, another object: indexed again, not compared
    assert relative._hint_index(text, english) == relative._hint_index(copy, english) == want


def test_the_collector_is_paused_during_a_long_text_and_runs_again_after():
    assert gc.isenabled()
    seen: list[bool] = []

    @ex._defer_full_collections
    def probe(text: str) -> None:
        seen.append(gc.isenabled())

    probe("سرت " * 100)
    probe("سرت " * 20_000)
    assert seen == [True, False]
    assert gc.isenabled() and ex._gc_deferring == 0


def test_the_collector_runs_again_when_the_extraction_fails():
    with pytest.raises(InputError):
        ex.extract_result("سرت " * 20_000, date="not a date")
    assert gc.isenabled() and ex._gc_deferring == 0


def test_a_collector_paused_by_the_caller_stays_paused():
    gc.disable()
    try:
        ex.extract_result("سرت " * 20_000)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_long_extraction_leaves_no_reference_cycles():
    # what makes pausing the collector safe: everything a text makes is freed by reference counting
    text = "قصفت الطائرات سرت وبنغازي ومصراتة. اشتبك الثوار مع كتائب القذافي في الزاوية يوم 5 مارس 2011. " * 700
    gc.collect()
    gc.disable()
    try:
        ex.extract_result(text, date="2019-01-01")
        ex.extract_result(text.replace("قصفت", "قصف"), date="2019-01-01")
        assert gc.collect() == 0
    finally:
        gc.enable()
