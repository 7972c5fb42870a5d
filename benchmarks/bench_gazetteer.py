"""Gazetteer load time and lookups per second (figures printed, nothing asserted).

Run: ``.venv/bin/python benchmarks/bench_gazetteer.py``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def load_seconds(runs: int = 7) -> float:
    """Median wall time of a fresh process importing the gazetteer and building its name index."""
    code = (
        "import time; t=time.perf_counter(); from gazetteer import Gazetteer; "
        "g=Gazetteer.load(user=False); g.lookup('سرت'); print(time.perf_counter()-t)"
    )
    times = [float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(runs)]
    return statistics.median(times)


def lookups_per_second(seconds: float = 2.0) -> tuple[float, float]:
    from gazetteer import Context, Gazetteer

    g = Gazetteer.load(user=False)
    names = [p.name_en for p in g.places if p.name_en] + [p.name_ar for p in g.places if p.name_ar]
    names += ["وبسرت", "بالصابري", "مدينة سرت", "Tagrifet", "Qasr Bu Hadi", "nowhere", "قصر بوهادي"]
    # distinct strings so the normaliser's cache does not flatter the figure
    queries = [n + suffix for suffix in ("", " ") for n in names]
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for q in queries:
            g.lookup(q)
        n += len(queries)
    lookup_rate = n / (time.perf_counter() - t0)
    sirte = g.lookup_id("gn:2210554")
    ctx = Context(near=(sirte,))
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for q in queries[:200]:
            g.resolve(q, ctx)
        n += 200
    return lookup_rate, n / (time.perf_counter() - t0)


if __name__ == "__main__":
    print(f"gazetteer load + index (median of 7 fresh processes): {load_seconds() * 1000:.0f} ms")
    lk, rs = lookups_per_second()
    print(f"lookup(): {lk:,.0f} lookups/s (mixed Arabic/Latin names, clitics, unknowns; warm normaliser cache)")
    print(f"resolve() with a nearby-place context: {rs:,.0f} resolutions/s")
