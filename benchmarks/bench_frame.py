"""Benchmark: GeoParquet write and read of N generated events (default 1,000,000).

Prints seconds for each step and the file size.  Run:

    PYTHONPATH=. .venv/bin/python benchmarks/bench_frame.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd


def generated_frame(n: int, seed: int = 0) -> pd.DataFrame:
    """A plain DataFrame with the schema's columns and n plausible Libyan events (10 % unresolved)."""
    from geo.io.frame import COLUMNS

    rng = np.random.default_rng(seed)
    lat = rng.uniform(19.5, 33.2, n)
    lon = rng.uniform(9.4, 25.1, n)
    miss = rng.random(n) < 0.1
    lat[miss] = np.nan
    lon[miss] = np.nan
    days = pd.to_datetime("2016-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D")
    places = np.array(["gn:2210554", "gn:2210247", "gn:88319", "ly:sirte-taqrift-camp", ""])
    pick = rng.integers(0, 5, n)
    fat = pd.array(rng.integers(0, 20, n), dtype="Int64")
    fat[rng.random(n) < 0.5] = pd.NA
    d = {
        "event_id_cnty": [f"ev-{i:016x}" for i in range(n)],
        "event_date": days.strftime("%Y-%m-%d"),
        "time_precision": np.ones(n, dtype=np.int64),
        "event_type": np.where(pick % 2 == 0, "Battles", "Explosions/Remote violence"),
        "sub_event_type": np.where(pick % 2 == 0, "Armed clash", "Air/drone strike"),
        "actor1": "Military Forces of Libya",
        "actor2": "Islamic State (Libya)",
        "country": np.where(miss, "", "LY"),
        "admin1": np.where(miss, "", "Surt"),
        "location": np.array(["سرت", "طرابلس", "بنغازي", "معسكر تقرفت", "مكان ما"])[pick],
        "latitude": lat,
        "longitude": lon,
        "geo_precision": rng.integers(1, 4, n),
        "source": "Al Wasat",
        "notes": "trigger اشتباكات",
        "fatalities": fat,
        "injuries": pd.array([None] * n, dtype="Int64"),
        "place_id": places[pick],
        "place_name_en": np.array(["Sirte", "Tripoli", "Benghazi", "Taqrift camp", ""])[pick],
        "place_name_ar": np.array(["سرت", "طرابلس", "بنغازي", "معسكر تقرفت", ""])[pick],
        "relation": "",
        "uncertainty_m": np.where(miss, np.nan, 5000.0),
        "uncertainty_wkt": None,
        "doc_id": [f"doc-{i // 50}" for i in range(n)],
        "url": "",
        "language": "ar",
        "evidence": "اشتباكات عنيفة قرب سرت، حسب مصدر عسكري.",
        "span_start": rng.integers(0, 20000, n),
        "span_end": rng.integers(0, 20000, n),
        "update_time": None,
        "date_note": "document date",
    }
    return pd.DataFrame(d, columns=list(COLUMNS))


def main(n: int = 1_000_000) -> None:
    from geo.io.frame import read_events, restore_schema, write_events

    t = time.perf_counter()
    df = generated_frame(n)
    print(f"generate {n:,} rows: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    gdf = restore_schema(df, geometry_wins=False)
    print(f"restore_schema (type, check, sort, points): {time.perf_counter() - t:.2f} s")
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "events.parquet"
        t = time.perf_counter()
        write_events(gdf, p)
        w = time.perf_counter() - t
        size = p.stat().st_size
        t = time.perf_counter()
        back = read_events(p)
        r = time.perf_counter() - t
        import geopandas

        t = time.perf_counter()
        geopandas.read_parquet(p)
        raw = time.perf_counter() - t
    assert len(back) == n
    print(f"GeoParquet write (atomic, zstd): {w:.2f} s")
    print(f"GeoParquet read_events (with schema restore): {r:.2f} s  (bare geopandas.read_parquet {raw:.2f} s)")
    print(f"file size: {size / 1e6:.1f} MB ({size / n:.1f} bytes/event)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
