"""Scale benchmark: corpus throughput, peak memory, Dask overhead.

Prints

1. throughput (articles/s) of :func:`geo.io.batch.run_batch` at ``jobs=1`` and ``jobs=2``
   over a generated corpus (``--n`` articles, default 2,000);
2. peak resident memory (``ru_maxrss`` of the batch process, and the sampled
   peak RSS of its largest worker and of all its processes together) of ``run_batch(jobs=2)`` over generated corpora of increasing size
   (``--mem-sizes``, default 10,000 and 100,000 articles; each size runs in a
   fresh process) — flat memory means the peak does not grow with the corpus;
3. the Dask path (:func:`geo.io.dask_engine.run_dask` on a 2-worker
   ``LocalCluster``) against ``run_batch(jobs=2)`` on the same corpus, with the
   cluster start-up shown separately.

Usage::

    python benchmarks/bench_scale.py                       # full run (100k takes a while)
    python benchmarks/bench_scale.py --n 500 --mem-sizes 1000,5000
    python benchmarks/bench_scale.py --skip-dask --skip-memory
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from gen_corpus import write_corpus  # noqa: E402


def _batch(corpus: Path, out: Path, jobs: int, fmt: str = "jsonl"):
    from geo.io.batch import run_batch

    if out.exists():
        shutil.rmtree(out)
    return run_batch([corpus], out, jobs=jobs, fmt=fmt)


def throughput(work: Path, n: int) -> tuple[Path, dict[int, float]]:
    corpus = work / f"corpus-{n}.jsonl"
    t = time.perf_counter()
    write_corpus(n, corpus)
    print(f"generated {n} articles ({corpus.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    rates: dict[int, float] = {}
    for jobs in (1, 2):
        rep = _batch(corpus, work / f"out-j{jobs}", jobs)
        rates[jobs] = rep.documents / rep.seconds
        print(f"run_batch jobs={jobs}: {rep.documents} articles, {rep.events} events, {len(rep.errors)} errors, "
              f"{rep.seconds:.1f} s -> {rates[jobs]:.1f} articles/s")
    print(f"speed-up jobs=2 / jobs=1: {rates[2] / rates[1]:.2f}x")
    return corpus, rates


class _RssSampler:
    """Peak RSS (MB) of every descendant process (pool workers: children of the batch process)."""

    def __init__(self, period: float = 0.25):
        import threading

        import psutil

        self.me = psutil.Process()
        self.peak_worker = 0.0
        self.peak_total = 0.0
        self.period = period
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = self.me.memory_info().rss
            for child in self.me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.peak_worker = max(self.peak_worker, rss / 2**20)
            self.peak_total = max(self.peak_total, total / 2**20)
            self._stop.wait(self.period)

    def __enter__(self) -> "_RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _mem_child(corpus: str, out: str, jobs: int) -> None:
    """Run one batch in this (fresh) process and print JSON figures."""
    with _RssSampler() as rss:
        rep = _batch(Path(corpus), Path(out), jobs)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"documents": rep.documents, "events": rep.events, "seconds": rep.seconds,
                      "self_mb": own, "worker_mb": rss.peak_worker, "total_mb": rss.peak_total}))


def memory(work: Path, sizes: list[int], jobs: int = 2) -> None:
    print(f"peak memory, run_batch jobs={jobs} (fresh process per size):")
    for n in sizes:
        corpus = work / f"mem-{n}.jsonl"
        write_corpus(n, corpus, seed=1)
        proc = subprocess.run(
            [sys.executable, __file__, "--_mem-child", str(corpus), str(work / f"mem-out-{n}"), str(jobs)],
            capture_output=True, text=True, check=True,
        )
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"  {n:>7} articles ({corpus.stat().st_size / 1e6:6.1f} MB in, {r['events']} events): "
              f"batch process {r['self_mb']:.0f} MB, largest worker {r['worker_mb']:.0f} MB, "
              f"all processes {r['total_mb']:.0f} MB, "
              f"{r['documents'] / r['seconds']:.1f} articles/s")
        corpus.unlink()
        shutil.rmtree(work / f"mem-out-{n}", ignore_errors=True)


def dask_overhead(work: Path, corpus: Path, batch_rate: float | None) -> None:
    from distributed import Client, LocalCluster

    from geo.io.dask_engine import run_dask

    if batch_rate is None:
        batch_rate = (lambda r: r.documents / r.seconds)(_batch(corpus, work / "out-j2", 2))
    t = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        start = time.perf_counter() - t
        rep = run_dask([corpus], work / "out-dask", client=client, npartitions=8, overwrite=True)
        warm = run_dask([corpus], work / "out-dask", client=client, npartitions=8, overwrite=True)
    rate1 = rep.documents / rep.seconds
    rate2 = warm.documents / warm.seconds
    print(f"dask LocalCluster(2 workers): start-up {start:.1f} s; first run {rep.seconds:.1f} s "
          f"({rate1:.1f} articles/s, workers load the gazetteer); warm run {warm.seconds:.1f} s ({rate2:.1f} articles/s)")
    print(f"dask overhead vs run_batch jobs=2 ({batch_rate:.1f} articles/s): first run {batch_rate / rate1:.2f}x the time, "
          f"warm run {batch_rate / rate2:.2f}x")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="kharita scale benchmark")
    ap.add_argument("--n", type=int, default=2000, help="articles of the throughput corpus")
    ap.add_argument("--mem-sizes", default="10000,100000", help="comma-separated corpus sizes for peak memory")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--workdir", default=None, help="where corpora and outputs go (default: a temp dir)")
    ap.add_argument("--_mem-child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._mem_child:
        corpus, out, jobs = args._mem_child
        _mem_child(corpus, out, int(jobs))
        return
    work = Path(args.workdir or tempfile.mkdtemp(prefix="kharita-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpus, rates = throughput(work, args.n)
        if not args.skip_memory:
            memory(work, [int(s) for s in args.mem_sizes.split(",") if s.strip()])
        if not args.skip_dask:
            dask_overhead(work, corpus, rates.get(2))
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
