"""Write the golden outputs of the refactor guard (``make golden``).

For every test fixture article and every dev-corpus passage: its events (every field but the
uncertainty polygon, which is geometry drawn from the other fields), its place mentions, and the
verdicts of its claims. ``tests/test_golden.py`` compares a fresh run with these files, so a
refactor that changes results fails loudly. A rule change that is meant to change results
regenerates them here, and its diff shows exactly what changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "benchmarks"))

#: Test fixtures: (file, document date).
FIXTURES = [("sirte-live-2016-ar.txt", "2016-06-09"), ("libya-report-en.txt", "2016-06-09")]


def documents() -> list[tuple[str, str, str | None]]:
    """(name, text, date) of every document the guard covers."""
    import eval_corpus

    docs = [(name, (ROOT / "tests" / "fixtures" / name).read_text("utf-8"), date) for name, date in FIXTURES]
    for p in eval_corpus.load_corpus():
        if p.split == "dev":
            docs.append((p.id, p.text, p.gold.get("doc_date")))
    return docs


def snapshot(name: str, text: str, date: str | None) -> dict:
    from gazetteer import Gazetteer
    from geo.claims import check_text
    from geo.extract import extract_result

    gaz = Gazetteer.load(user=False)
    res = extract_result(text, date=date, doc_id=name, gazetteer=gaz)
    events = [{k: v for k, v in e.to_dict().items() if k != "uncertainty_wkt"} for e in res.events]
    mentions = [m.to_dict() for m in res.mentions]
    claims = [{"text": c.claim.text, "verdict": c.verdict} for c in check_text(text, gaz)]
    return {"claims": claims, "events": events, "mentions": mentions}


def main() -> None:
    for name, text, date in documents():
        path = OUT / f"{Path(name).stem}.json"
        path.write_text(json.dumps(snapshot(name, text, date), ensure_ascii=False, sort_keys=True, indent=1) + "\n",
                        "utf-8")
    print(f"wrote {len(documents())} golden files to {OUT}")


if __name__ == "__main__":
    main()
