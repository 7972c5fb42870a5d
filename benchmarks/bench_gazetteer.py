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


def _cold_rate(places, queries, call, seconds: float) -> float:
    """Calls per second on a fresh gazetteer each pass (empty result caches; the normaliser's cache stays warm)."""
    from gazetteer import Gazetteer

    n, elapsed = 0, 0.0
    while elapsed < seconds:
        fresh = Gazetteer(places)
        fresh.lookup("warm-up the indices")
        t0 = time.perf_counter()
        for q in queries:
            call(fresh, q)
        elapsed += time.perf_counter() - t0
        n += len(queries)
    return n / elapsed


def rates(seconds: float = 2.0) -> dict[str, float]:
    """lookup() cold and repeated, and resolve() with a nearby-place context (calls per second)."""
    from gazetteer import Context, Gazetteer

    g = Gazetteer.load(user=False)
    queries = [p.name_en for p in g.places if p.name_en] + [p.name_ar for p in g.places if p.name_ar]
    queries += ["وبسرت", "بالصابري", "مدينة سرت", "Tagrifet", "Qasr Bu Hadi", "nowhere", "قصر بوهادي"]
    ctx = Context(near=(g.lookup_id("gn:2210554"),))
    out = {
        "lookup_cold": _cold_rate(g.places, queries, lambda gz, q: gz.lookup(q), seconds),
        "resolve_cold": _cold_rate(g.places, queries, lambda gz, q: gz.resolve(q, ctx), seconds),
    }
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for q in queries:
            g.lookup(q)
        n += len(queries)
    out["lookup_repeated"] = n / (time.perf_counter() - t0)
    return out


if __name__ == "__main__":
    print(f"gazetteer load + index (median of 7 fresh processes): {load_seconds() * 1000:.0f} ms")
    r = rates()
    print(f"lookup(), first time a name is seen: {r['lookup_cold']:,.0f} lookups/s")
    print(f"lookup(), repeated names (per-gazetteer result cache): {r['lookup_repeated']:,.0f} lookups/s")
    print(f"resolve() with a nearby-place context, first time seen: {r['resolve_cold']:,.0f} resolutions/s")
