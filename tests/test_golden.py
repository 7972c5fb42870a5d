"""Refactor guard: the events, mentions and claim verdicts of every test fixture and dev-corpus
passage are the ones recorded in tests/golden/ (written by ``make golden``).

A change that is meant to change results regenerates the files with ``make golden`` and shows the
difference in review; a refactor that changes them by accident fails here, naming the documents.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
sys.path.insert(0, str(GOLDEN))

import make_golden  # noqa: E402

DOCS = make_golden.documents()


@pytest.mark.parametrize("name, text, date", DOCS, ids=[d[0] for d in DOCS])
def test_results_match_the_golden_record(name, text, date):
    path = GOLDEN / f"{Path(name).stem}.json"
    assert path.exists(), f"no golden record for {name}: run `make golden`"
    want = json.loads(path.read_text("utf-8"))
    got = json.loads(json.dumps(make_golden.snapshot(name, text, date), ensure_ascii=False, sort_keys=True))
    for part in ("mentions", "events", "claims"):
        assert got[part] == want[part], f"{name}: {part} differ from tests/golden (a wanted change? `make golden`)"


def test_every_golden_file_has_its_document():
    names = {Path(d[0]).stem for d in DOCS}
    stale = sorted(p.stem for p in GOLDEN.glob("*.json") if p.stem not in names)
    assert not stale, f"golden files with no document (run `make golden`): {stale}"
