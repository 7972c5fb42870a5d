"""Benchmark: cross-article fusion (``geo.fuse``): merge precision/recall and speed.

Prints, for each test set of ``benchmarks/gen_fuse.py``, the pairwise precision and recall
of the merges (a predicted pair = two input events in one fused event; a true pair = two
events of one incident), then the merges found on the events *extracted* from the
development corpus, then the time to fuse a generated frame of about 100k events (best of
``--repeat``).  Nothing is asserted (``tests/test_fuse.py`` holds the thresholds).  Run:

    PYTHONPATH=. .venv/bin/python benchmarks/bench_fuse.py [N] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import gen_fuse  # noqa: E402

from geo.fusion import fuse_events, fusion_summary  # noqa: E402


def _scores(name: str, events, truth) -> None:
    fused = fuse_events(events)
    s = gen_fuse.pairwise_scores([f.merged_ids for f in fused], truth)
    print(f"{name:<28} {len(events):>7} events → {len(fused):>6}   pairs true {s['true_pairs']:>5} "
          f"predicted {s['pred_pairs']:>5}   precision {s['precision']:.3f}  recall {s['recall']:.3f}")


def _extracted_corpus() -> None:
    """Extract the corpus texts, fuse, and list the cross-document merges."""
    from geo.extract import extract

    corpus = gen_fuse.CORPUS
    events = []
    for gold in sorted((corpus / "gold").glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        text = (corpus / "texts" / f"{g['id']}.txt").read_text(encoding="utf-8")
        events.extend(extract(text, date=g.get("doc_date"), doc_id=g["id"], url=g.get("url", "")))
    fused = fuse_events(events)
    s = fusion_summary(len(events), fused)
    print(f"extracted corpus: {s['events_in']} events → {s['events_out']}; {s['fused_events']} fused events "
          f"from {s['reports_fused']} reports")
    for f in fused:
        if f.fused_count > 1:
            e = f.event
            print(f"  {e.event_date}  {e.event_type:<28} {e.location:<16} {', '.join(f.doc_ids)}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=100_000, help="events in the speed test (about)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)

    print("== merge quality (pairwise)")
    _scores("development corpus (gold)", *gen_fuse.corpus_set())
    for seed in range(5):
        _scores(f"generated, seed {seed}", *gen_fuse.generated_set(seed=seed))
    print("\n== extracted development corpus")
    _extracted_corpus()

    print("\n== speed")
    per_copy = len(gen_fuse.generated_set(seed=1)[0])
    events, truth = gen_fuse.generated_set(seed=1, scale=max(1, round(a.n / per_copy)))
    best = float("inf")
    for _ in range(a.repeat):
        t = time.perf_counter()
        fused = fuse_events(events)
        best = min(best, time.perf_counter() - t)
    s = gen_fuse.pairwise_scores([f.merged_ids for f in fused], truth)
    print(f"fuse {len(events):,} events → {len(fused):,}: {best:.2f} s (best of {a.repeat}), "
          f"{len(events) / best:,.0f} events/s; precision {s['precision']:.3f} recall {s['recall']:.3f}")
    import random

    shuffled = list(events)
    random.Random(0).shuffle(shuffled)
    same = [f.to_dict() for f in fuse_events(shuffled)] == [f.to_dict() for f in fused]
    print(f"shuffled input gives the same output: {same}")
    t = time.perf_counter()
    from geo.io.frame import to_frame
    from geo.fusion import fuse

    frame = to_frame(events)
    t_frame = time.perf_counter() - t
    t = time.perf_counter()
    out = fuse(frame)
    print(f"fuse(GeoDataFrame of {len(frame):,} rows) → {len(out):,} rows: {time.perf_counter() - t:.2f} s "
          f"(building the input frame: {t_frame:.2f} s)")


if __name__ == "__main__":
    main()
