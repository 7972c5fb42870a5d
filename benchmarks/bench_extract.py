"""Extraction throughput: articles per second on one core.

Generates a corpus by varying the bundled sample article (``geo/data/samples/sample-ar.txt``;
with ``--lang en`` the English test article ``tests/fixtures/libya-report-en.txt``):
sentences are shuffled within sections and dropped at random, and the Libyan towns it
names are swapped for other towns of the gazetteer.  Then times

1. in-process :func:`geo.extract.extract_many` over the corpus (gazetteer warm), and
2. the whole command ``kharita extract DIR -o out.geojson`` in a subprocess (start-up,
   gazetteer load, reading, extraction, writing).

Usage::

    python benchmarks/bench_extract.py [--n 2000] [--seed 1] [--lang ar|en]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "geo" / "data" / "samples" / "sample-ar.txt"
SAMPLE_EN = ROOT / "tests" / "fixtures" / "libya-report-en.txt"


def make_corpus(n: int, out_dir: Path, seed: int = 1, lang: str = "ar") -> list[Path]:
    """Write ``n`` varied articles to ``out_dir``; return their paths."""
    from gazetteer import Gazetteer

    rng = random.Random(seed)
    en = lang == "en"
    text = (SAMPLE_EN if en else SAMPLE).read_text(encoding="utf-8")
    gaz = Gazetteer.default()
    towns = sorted({(p.name_en if en else p.name_ar) for p in gaz.places
                    if p.country == "LY" and p.feature_type in ("city", "town") and (p.name_en if en else p.name_ar)})
    swap = ["Sirte", "Benghazi", "Tripoli"] if en else ["سرت", "بنغازي", "هراوة"]
    heads = ("Update",) if en else ("تحديث", "التاريخ")
    sections = re.split(r"\n(?=Update)" if en else r"\n(?=تحديث)", text)
    paths = []
    for i in range(n):
        parts = []
        for sec in sections:
            lines = [ln for ln in sec.split("\n") if ln.strip()]
            head, body = (lines[:1], lines[1:]) if lines and lines[0].startswith(heads) else ([], lines)
            body = [ln for ln in body if rng.random() > 0.15]
            rng.shuffle(body)
            parts.append("\n\n".join(head + body))
        art = "\n\n".join(parts)
        for name in swap:
            if rng.random() < 0.5:
                art = art.replace(name, rng.choice(towns))
        p = out_dir / f"art-{i:05d}.txt"
        p.write_text(art, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lang", choices=("ar", "en"), default="ar", help="vary the Arabic sample or the English test article")
    args = ap.parse_args()

    from gazetteer import Gazetteer
    from geo.text.document import iter_documents
    from geo.extract import extract_many

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "corpus"
        d.mkdir()
        paths = make_corpus(args.n, d, args.seed, args.lang)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        print(f"corpus: {len(paths)} articles, mean {size / 1024:.1f} KiB")

        gaz = Gazetteer.default()
        t = time.perf_counter()
        list(extract_many(iter_documents(paths[:20], date="2016-06-09"), gazetteer=gaz))  # warm-up: automaton
        gaz.lookup("فرزوة")  # and the spelling index, which a text's first unknown name after a cue word builds
        warm = time.perf_counter() - t
        t = time.perf_counter()
        n_ev = 0
        for _doc, evs, _ms in extract_many(iter_documents([d], date="2016-06-09"), gazetteer=gaz):
            n_ev += len(evs)
        dt = time.perf_counter() - t
        print(f"in-process extract_many: {len(paths) / dt:.0f} articles/s ({n_ev} events; warm-up {warm:.2f} s)")

        out = Path(tmp) / "out.geojson"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        for label, extra in (("--jobs 1", ["--jobs", "1"]), ("default (all cores)", [])):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "geo", "extract", str(d), "--date", "2016-06-09", "-o", str(out),
                            "--no-progress", *extra], check=True, env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
            dt = time.perf_counter() - t
            print(f"kharita extract DIR -o out.geojson, {label}: {len(paths) / dt:.0f} articles/s "
                  f"({dt:.1f} s incl. start-up, {out.stat().st_size / 1e6:.1f} MB written)")


if __name__ == "__main__":
    main()
