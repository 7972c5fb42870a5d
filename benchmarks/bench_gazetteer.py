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
    queries = names
    # cold: a fresh gazetteer each pass (empty lookup cache; the normaliser's cache stays warm)
    n = 0
    elapsed = 0.0
    while elapsed < seconds:
        fresh = Gazetteer(g.places)
        fresh.lookup("warm-up the indices")
        t0 = time.perf_counter()
        for q in queries:
            fresh.lookup(q)
        elapsed += time.perf_counter() - t0
        n += len(queries)
    cold_rate = n / elapsed
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for q in queries:
            g.lookup(q)
        n += len(queries)
    lookup_rate = n / (time.perf_counter() - t0)
    print(f"lookup(), first time a name is seen: {cold_rate:,.0f} lookups/s")
    sirte = g.lookup_id("gn:2210554")
    ctx = Context(near=(sirte,))
    n = 0
    elapsed = 0.0
    while elapsed < seconds:
        fresh = Gazetteer(g.places)
        fresh.lookup("warm-up the indices")
        t0 = time.perf_counter()
        for q in queries:
            fresh.resolve(q, ctx)
        elapsed += time.perf_counter() - t0
        n += len(queries)
    return lookup_rate, n / elapsed


if __name__ == "__main__":
    print(f"gazetteer load + index (median of 7 fresh processes): {load_seconds() * 1000:.0f} ms")
    lk, rs = lookups_per_second()
    print(f"lookup(), repeated names (per-gazetteer result cache): {lk:,.0f} lookups/s")
    print(f"resolve() with a nearby-place context, first time seen: {rs:,.0f} resolutions/s")
