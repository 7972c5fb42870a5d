"""Gazetteer load time and lookups per second (figures printed, nothing asserted).

Two tables are measured:

* the current package table (``gazetteer/data/gazetteer.tsv``);
* a synthetic national-scale table written to a temporary folder: the package rows plus
  generated Libyan villages (``--features``, default 2,500 in all), each with an Arabic name
  built from Arabic letters and place-name heads («قصر», «وادي», «بئر»…), its Latin name and
  two aliases from :func:`gazetteer.romanize.romanize`, a district parent and a point inside
  Libya. It shows whether the targets (load < 0.2 s, lookups > 100k/s) hold at that size.

Load is a fresh process reading the table and building the name index (median of 7).

Run: ``.venv/bin/python benchmarks/bench_gazetteer.py [--features 2500] [--runs 7]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_LOAD_PACKAGE = "g=Gazetteer.load(user=False)"
_LOAD_FILE = "g=Gazetteer.from_file({path!r})"


def load_seconds(runs: int = 7, table: Path | None = None) -> float:
    """Median wall time of a fresh process importing the gazetteer, reading a table and building its name index."""
    load = _LOAD_PACKAGE if table is None else _LOAD_FILE.format(path=str(table))
    code = (
        "import time; t=time.perf_counter(); from gazetteer import Gazetteer; "
        f"{load}; g.lookup('سرت'); print(time.perf_counter()-t)"
    )
    times = [float(subprocess.check_output([sys.executable, "-c", code], text=True, cwd=ROOT))
             for _ in range(runs)]
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


def rates(g=None, seconds: float = 2.0) -> dict[str, float]:
    """lookup() cold and repeated, and resolve() with a nearby-place context (calls per second)."""
    from gazetteer import Context, Gazetteer

    g = g if g is not None else Gazetteer.load(user=False)
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


# --------------------------------------------------------------------------- synthetic table
_LETTERS = "بتجحخدرزسشصطعغفقكلمنهوي"
_HEADS = ("", "", "", "قصر ", "وادي ", "بئر ", "سيدي ", "عين ", "زاوية ", "بو ")
_BOX = (24.0, 32.8, 10.5, 24.5)  # inland Libya, well inside the border


def synthetic_places(n_total: int, seed: int = 1) -> list:
    """The package places plus generated Libyan villages, ``n_total`` features in all."""
    from gazetteer import Gazetteer, Place
    from gazetteer.romanize import romanize

    base = list(Gazetteer.load(user=False).places)
    districts = [p for p in base if p.feature_type == "district" and p.country == "LY"]
    rng = random.Random(seed)
    seen = {p.name_ar for p in base}
    out = list(base)
    i = 0
    while len(out) < n_total:
        stem = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 6)))
        name_ar = (rng.choice(_HEADS) + ("ال" if rng.random() < 0.3 else "") + stem).strip()
        if name_ar in seen:
            continue
        seen.add(name_ar)
        forms = romanize(name_ar, 6)
        if not forms:
            continue
        i += 1
        lat, lon = rng.uniform(_BOX[0], _BOX[1]), rng.uniform(_BOX[2], _BOX[3])
        d = min(districts, key=lambda q: (q.lat - lat) ** 2 + (q.lon - lon) ** 2)
        out.append(Place(
            id=f"syn:{i}", name_en=forms[0], name_ar=name_ar, feature_type="village", lat=round(lat, 5),
            lon=round(lon, 5), precision_m=1000.0, source="synthetic benchmark row", parent_id=d.id,
            admin1=d.id, aliases=tuple(forms[1:3]), layer="curated",
        ))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--features", type=int, default=2500, help="features in the synthetic table (default 2500)")
    ap.add_argument("--runs", type=int, default=7, help="fresh processes per load figure (default 7)")
    ap.add_argument("--seconds", type=float, default=2.0, help="seconds per rate figure (default 2)")
    args = ap.parse_args(argv)

    from gazetteer import Gazetteer
    from gazetteer.store import render_table

    current = Gazetteer.load(user=False)
    print(f"== current package table: {len(current):,} features")
    print(f"gazetteer load + index (median of {args.runs} fresh processes): "
          f"{load_seconds(args.runs) * 1000:.0f} ms")
    r = rates(current, args.seconds)
    print(f"lookup(), first time a name is seen: {r['lookup_cold']:,.0f} lookups/s")
    print(f"lookup(), repeated names (per-gazetteer result cache): {r['lookup_repeated']:,.0f} lookups/s")
    print(f"resolve() with a nearby-place context, first time seen: {r['resolve_cold']:,.0f} resolutions/s")

    with tempfile.TemporaryDirectory(prefix="kharita-bench-") as tmp:
        places = synthetic_places(args.features)
        table = Path(tmp) / "gazetteer-synthetic.tsv"
        table.write_text(render_table(places), encoding="utf-8")
        big = Gazetteer.from_file(table)
        n_names = sum(len(p.names) for p in big.places)
        print(f"== synthetic table: {len(big):,} features, {n_names:,} names, "
              f"{table.stat().st_size / 1024:.0f} KiB ({tmp})")
        secs = load_seconds(args.runs, table)
        print(f"gazetteer load + index (median of {args.runs} fresh processes): {secs * 1000:.0f} ms "
              f"(target < 200 ms: {'met' if secs < 0.2 else 'MISSED'})")
        r = rates(big, args.seconds)
        print(f"lookup(), first time a name is seen: {r['lookup_cold']:,.0f} lookups/s "
              f"(target > 100,000/s: {'met' if r['lookup_cold'] > 100_000 else 'MISSED'})")
        print(f"lookup(), repeated names (per-gazetteer result cache): {r['lookup_repeated']:,.0f} lookups/s")
        print(f"resolve() with a nearby-place context, first time seen: {r['resolve_cold']:,.0f} resolutions/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
