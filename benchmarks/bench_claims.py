"""Claim-check throughput: vectorised over 1M point pairs, and the scalar path.

Run: ``python benchmarks/bench_claims.py [N]`` (default N = 1_000_000).  Prints seconds;
speed is never asserted in tests.

Since issue 12, ``check`` and ``check_arrays`` share one verdict kernel.  Measured side by side
(same process, best of 7, 2-core machine): ``check_arrays`` of 1M pairs 0.672 s before, 0.694 s
after (pyproj's ``Geod.inv`` is 0.59 s of it); the scalar ``check`` ~7,900 → ~7,000 claims/s
(the kernel costs ~21 µs on one row).
"""

from __future__ import annotations

import sys
import time

import numpy as np


def main(n: int = 1_000_000) -> None:
    from gazetteer import Gazetteer
    from geo import claims as C
    from geo.claims.roads import road_km

    rng = np.random.default_rng(42)
    alat, slat = rng.uniform(20, 33, n), rng.uniform(20, 33, n)
    alon, slon = rng.uniform(9.5, 25, n), rng.uniform(9.5, 25, n)
    ckm = rng.uniform(1, 1500, n)
    cbr = rng.choice(np.arange(0, 360, 45.0), n)
    hedged = rng.random(n) < 0.5
    C.check_arrays(alat[:10], alon[:10], slat[:10], slon[:10], ckm[:10], cbr[:10])  # warm up (pyproj)
    t0 = time.perf_counter()
    res = C.check_arrays(alat, alon, slat, slon, ckm, cbr, hedged=hedged)
    dt = time.perf_counter() - t0
    counts = {v: int((res["code"] == i).sum()) for i, v in enumerate(C.VERDICTS)}
    print(f"check_arrays: {n:,} pairs in {dt:.3f} s ({n / dt:,.0f} pairs/s); verdicts {counts}")
    bound = rng.choice(np.array([-1, 0, 1], dtype=np.int8), n)  # "less than", a figure, "more than"
    t0 = time.perf_counter()
    C.check_arrays(alat, alon, slat, slon, ckm, cbr, hedged=hedged, bound=bound, precision_km=np.full(n, 3.0))
    dt = time.perf_counter() - t0
    print(f"check_arrays with bounds and precisions: {n:,} pairs in {dt:.3f} s ({n / dt:,.0f} pairs/s)")

    gaz = Gazetteer.default()
    claims = C.parse("Sirte, about 450 km east of Tripoli. Benghazi, 100 km east of Tripoli. "
                     "Misrata, 50 km west of Sirte. Ajdabiya, 150 km south of Benghazi.", gaz)
    C.check_all(claims, gaz)  # warm up (road graph, caches)
    reps = 500
    t0 = time.perf_counter()
    for _ in range(reps):
        C.check_all(claims, gaz)
    dt = time.perf_counter() - t0
    print(f"check (scalar, with road estimate): {reps * len(claims) / dt:,.0f} claims/s")

    t0 = time.perf_counter()
    for i in range(2000):
        road_km(alat[i], alon[i], slat[i], slon[i])
    dt = time.perf_counter() - t0
    print(f"road_km (scalar): {2000 / dt:,.0f} estimates/s")

    text = open("tests/fixtures/sirte-live-2016-ar.txt", encoding="utf-8").read()
    C.parse(text, gaz)
    reps = 20
    t0 = time.perf_counter()
    for _ in range(reps):
        C.check_all(C.parse(text, gaz), gaz)
    dt = time.perf_counter() - t0
    print(f"parse + check of the sample article ({len(text):,} chars): {dt / reps * 1000:.1f} ms per article")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
