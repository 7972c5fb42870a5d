"""Places only: kharita's ``find_mentions`` beside flashgeotext on the same English documents (issue 12).

flashgeotext (PyPI, MIT; its lookup data are GeoNames cities and countries) is a benchmark-only
dependency: ``.venv/bin/python -m pip install flashgeotext``. Both tools read the English passages of
the development corpus's dev half (``benchmarks/corpus``), and the same passages cut into documents of
about 1 KiB. Printed, nothing asserted:

* speed, one core, in process, both tools in the same run, alternating (documents per second, best of
  ``--repeat``; the machine is shared: read the ratio);
* recall of the annotated Libyan place mentions, by span only (a gold mention counts as found when a
  reported span overlaps it; flashgeotext gives names, not coordinates, so kharita is not given
  credit for placing them right here — ``make eval`` scores that).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_flashgeotext.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import eval_corpus  # noqa: E402


def _chunks(text: str, size: int = 1024) -> list[str]:
    """The text cut at sentence ends into pieces of about ``size`` characters."""
    out, cur = [], ""
    for part in text.replace("\n", " ").split(". "):
        cur = f"{cur}{part}. "
        if len(cur) >= size:
            out.append(cur)
            cur = ""
    if cur.strip():
        out.append(cur)
    return out


def _gold_spans(p: eval_corpus.Passage) -> list[tuple[int, int]]:
    spans = []
    for place in p.gold.get("places", []):
        wanted = place.get("occurrences")
        for k, (a, b) in enumerate(eval_corpus.occurrences(p.text, place["surface"]), start=1):
            if wanted is None or k in wanted:
                spans.append((a, b))
    return spans


def _recall(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> float:
    hit = sum(1 for a, b in gold if any(x < b and a < y for x, y in found))
    return hit / len(gold) if gold else 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    try:
        from flashgeotext.geotext import GeoText
    except ImportError:
        print("flashgeotext is not installed: .venv/bin/python -m pip install flashgeotext", file=sys.stderr)
        return 2
    from gazetteer import Gazetteer
    from geo.toponyms import find_mentions

    passages = [p for p in eval_corpus.load_corpus() if p.split == "dev" and p.lang == "en"]
    gaz = Gazetteer.load(user=False)
    geotext = GeoText()

    def kharita_spans(text: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in find_mentions(text, gaz, language="en")
                if m.status == "resolved" and m.place is not None and not getattr(m.place, "is_foreign", False)]

    def flash_spans(text: str) -> list[tuple[int, int]]:
        found = geotext.extract(text, span_info=True)
        return [tuple(s) for kind in ("cities",) for v in found.get(kind, {}).values() for s in v["span_info"]]

    gold = [(p, _gold_spans(p)) for p in passages]
    n_gold = sum(len(g) for _, g in gold)
    for name, spans_of in (("kharita find_mentions", kharita_spans), ("flashgeotext (cities)", flash_spans)):
        hits = sum(_recall(g, spans_of(p.text)) * len(g) for p, g in gold)
        print(f"{name:<24} recall of {n_gold} annotated Libyan place mentions in {len(passages)} English dev passages: "
              f"{hits / n_gold:.3f}")

    docs = [c for p in passages for c in _chunks(p.text)]
    kb = sum(len(d) for d in docs) / len(docs) / 1024
    for fn in (kharita_spans, flash_spans):  # warm both: imports, indexes, automata
        for d in docs[:5]:
            fn(d)
    best: dict[str, float] = {}
    for _ in range(a.repeat):
        for name, fn in (("kharita", kharita_spans), ("flashgeotext", flash_spans)):
            t0 = time.process_time()
            for d in docs:
                fn(d)
            dt = time.process_time() - t0
            best[name] = min(best.get(name, dt), dt)
    print(f"{len(docs)} documents of {kb:.1f} KiB on average, CPU time, best of {a.repeat}:")
    for name, dt in best.items():
        print(f"  {name:<14} {len(docs) / dt:>9.0f} documents/s")
    print(f"  flashgeotext is {best['kharita'] / best['flashgeotext']:.1f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
