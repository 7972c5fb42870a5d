"""Extraction time on adversarial inputs: repeated place names and one huge line (issue 10).

Every stage must be linear in the text: the figure to watch is seconds per MB staying flat
from 100 KB to 1 MB (to 10 MB with ``--big``). Figures printed, nothing asserted; the machine
is shared, so read them as ratios, and the CPU time (``cpu s/MB``) before the wall time.

    python benchmarks/bench_adversarial.py [--big]
"""

from __future__ import annotations

import sys
import time

from geo.extract import extract_result

CASES = {
    "Arabic sentences of place names": "قصفت الطائرات سرت وبنغازي ومصراتة. ",
    "English sentences of place names": "Aircraft struck Sirte, Benghazi and Misrata. ",
    "one line of one name": "سرت ",
    # dated events with places and no full stop: one "sentence" as long as the input, cut by the sentence cap
    "one line of dated events": "On 5 March 2011 rebels attacked Sirte, and on 6 March loyalists shelled Brega, ",
}


def make(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def main() -> None:
    sizes = [100_000, 1_000_000] + ([10_000_000] if "--big" in sys.argv else [])
    for unit in CASES.values():  # imports, the gazetteer index and the English fuzzy index, once
        extract_result(make(unit, 1_000), date="2019-01-01")
    print(f"{'input':<36}{'size':>10}{'mentions':>10}{'seconds':>9}{'s/MB':>7}{'cpu s/MB':>10}")
    for label, unit in CASES.items():
        for size in sizes:
            text = make(unit, size)
            t0, c0 = time.perf_counter(), time.process_time()
            res = extract_result(text, date="2019-01-01")
            dt, cpu = time.perf_counter() - t0, time.process_time() - c0
            print(f"{label:<36}{size:>10,}{len(res.mentions):>10,}{dt:>9.2f}{dt / (size / 1e6):>7.1f}"
                  f"{cpu / (size / 1e6):>10.1f}")


if __name__ == "__main__":
    main()
