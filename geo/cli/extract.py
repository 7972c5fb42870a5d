"""``kharita extract`` and ``kharita places find``.

Imports only the extraction path (no geopandas, no folium).  GeoParquet output
(``--format parquet``) is delegated lazily to ``geo.io.frame.write_events``.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from geo.exc import InputError
from geo.io.outputs import is_stdout, refuse_inputs, write_text


def _jsonl(events) -> str:
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for e in events)


def _why_category(why: str) -> str:
    """A reason without the particular names, for counting («describes where سرت is …» → apposition)."""
    if why.startswith("describes where"):
        return "describes another place (apposition)"
    if why.startswith("reference word"):
        return "reference word"
    return why.split(" (")[0].split(": '")[0]


def _table(rows: Sequence[tuple[str, ...]]) -> str:
    if not rows:
        return ""
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(str(v).ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows)


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD", help="Publication date (weekdays resolve against it).")
@click.option("--source", default=None, help="Source name written into each event.")
@click.option("-o", "--output", default=None, type=click.Path(path_type=str),
              help="Output file (default or -: standard output); in batch mode a .jsonl file or a folder. "
                   "Never one of the inputs.")
@click.option("--format", "fmt", type=click.Choice(["geojson", "jsonl", "parquet", "gpkg", "csv"]), default=None,
              help="Output format (default: from the -o suffix, else geojson). parquet/gpkg/csv go through "
                   "geo.io.frame (geopandas, loaded only then).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stderr.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: several files and a terminal).")
@click.option("--max-mb", default=20.0, show_default=True,
              help="Refuse input files (and JSON Lines records) larger than this many megabytes.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to extract with (default: every core when there are 32 documents or more).")
@click.option("--stream", is_flag=True,
              help="Batch mode: stream events to -o (a .jsonl file, or a folder of GeoParquet parts with "
                   "--format parquet) with a manifest, so memory stays flat and --resume can continue.")
@click.option("--resume", is_flag=True, help="Batch mode: skip documents an interrupted --stream run already wrote.")
@click.option("--overwrite", is_flag=True,
              help="Batch mode: replace the outputs of an earlier run (otherwise an existing output is an error).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Batch mode on Dask (dask.bag + dask-geopandas; partitioned GeoParquet in the -o folder).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: a distributed scheduler address (default: local processes).")
@click.option("--fuse", "fuse", is_flag=True,
              help="Merge events of different documents that report the same incident (see `kharita fuse`); "
                   "not in batch mode.")
def extract(inputs, date, source, output, fmt, as_json, progress, max_mb, jobs, stream, resume, engine,
            scheduler, fuse=False, overwrite=False) -> int:
    """Turn articles (files, directories of *.txt, .jsonl records) into events.

    \b
    Examples:
      kharita extract article.txt --date 2016-06-09 -o events.geojson
      kharita extract corpus/ --format jsonl -o events.jsonl
      kharita extract corpus/ --jobs 2 -o events.geojson               # two processes
      kharita extract corpus.jsonl --stream -o events.jsonl            # streamed, resumable
      kharita extract corpus/ --stream --format parquet -o parts/      # GeoParquet parts
      kharita extract corpus/ --engine dask -o dask-parts/
      cat article.txt | kharita extract - --date 2016-06-09             # - is standard input

    Exit status: 0 ok, 1 when some inputs failed (each is reported), 2 when none could be used.
    """
    from geo.cli import current_config
    from geo.text.document import iter_documents, parse_date

    defaults = current_config().extract
    date = date if date is not None else (defaults.date.isoformat() if defaults.date else None)
    source = source if source is not None else defaults.source
    fmt = fmt if fmt is not None else defaults.format
    jobs = jobs if jobs is not None else defaults.jobs
    if engine == "local" and defaults.engine:
        engine = defaults.engine
    max_bytes = max_mb_bytes(max_mb)
    refuse_inputs(output, inputs, read_suffixes=(".txt",))
    if fuse and (stream or resume or engine == "dask"):
        raise InputError("--fuse needs the whole corpus in memory, not batch mode (--stream, --resume, "
                         "--engine dask): run `kharita fuse` on the batch output")
    if stream or resume or engine == "dask":
        return _batch(inputs, date, source, output, fmt, as_json, progress, jobs or _auto_jobs(), resume, engine,
                      scheduler, overwrite=overwrite, max_bytes=max_bytes)

    if is_stdout(output):
        output = None  # -o - is standard output, as no -o
    if output and Path(output).is_dir():
        raise InputError("is a directory: give a file name (folders are for batch mode: --jobs/--resume)",
                         path=output)
    doc_date = parse_date(date) if date else None
    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".gpkg": "gpkg", ".csv": "csv"}.get(
            suffix, "geojson")

    from gazetteer import Gazetteer

    Gazetteer.default()  # loaded before any worker is forked, so workers inherit it
    docs = _unique(iter_documents(inputs, date=doc_date, source=source, max_bytes=max_bytes))
    has_records = any(Path(p).suffix.lower() in (".jsonl", ".jsonlines", ".ndjson") for p in inputs)
    n_inputs = sum(_count_txt(p) if Path(p).is_dir() else 1 for p in inputs)
    show = progress if progress is not None else ((n_inputs > 1 or has_records) and sys.stderr.isatty())
    if show:
        from tqdm import tqdm

        docs = tqdm(docs, total=None if has_records else n_inputs, unit="doc", file=sys.stderr)

    events = []
    warnings: list[str] = []
    failed: list[tuple[str, str]] = []
    n_docs = 0
    by_type: Counter = Counter()
    unused: Counter = Counter()
    extraction_errors: list[str] = []
    if jobs is None:
        jobs = _auto_jobs() if (has_records or n_inputs >= _PARALLEL_MIN_DOCS) else 1
    for d, outcome in _extract_all(docs, jobs, doc_date):
        if isinstance(d, _Skipped):
            warnings.append(d.message)
            continue
        if isinstance(d, Exception):
            failed.append((getattr(d, "path", None) or "?", str(d)))
            continue
        n_docs += 1
        warnings.extend(f"{d.path or d.id}: {note}" for note in d.notes)
        if isinstance(outcome, InputError):
            failed.append((d.path or d.id, str(outcome)))
            continue
        doc_events, doc_unused, doc_errors = outcome
        events.extend(doc_events)
        for e in doc_events:
            by_type[(e.event_type, e.sub_event_type)] += 1
        unused.update(doc_unused)
        extraction_errors.extend(f"{d.id}: {x}" for x in doc_errors)

    if n_docs == 0:
        for p, msg in failed:
            click.echo(f"kharita: error: {msg}", err=True)
        if not failed:
            click.echo("kharita: error: no input documents", err=True)
        return 2

    fusion = _fuse_and_write(events, output, fmt) if fuse else None  # --fuse: see the end of this module
    if fusion is not None:
        data = None
    elif fmt == "geojson":
        from geo.io.geojson import dumps_collection  # the one dialect: the bytes write_events writes

        data = dumps_collection(events)
    elif fmt == "jsonl":
        data = _jsonl(events)
    else:
        try:
            from geo.io.frame import write_events  # heavy: geopandas, only for these formats
        except ImportError as e:
            raise InputError(f"{fmt} output is unavailable: {e}") from e
        write_events(events, output or "-", format=fmt)
        data = None
    if data is not None:
        write_text(output or "-", data)

    summary: dict[str, Any] = {
        "documents": n_docs,
        "events": len(events),
        "events_by_type": {f"{a} / {b}": n for (a, b), n in sorted(by_type.items())},
        "unused_mentions": {f"{s}: {w}": n for (s, w), n in sorted(unused.items())},
        "failed": [{"file": p, "error": msg} for p, msg in failed],
        "errors": extraction_errors,
        "warnings": warnings,
        "output": output or "<stdout>",
    }
    if fusion is not None:
        summary["fusion"] = fusion
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, sort_keys=True, indent=1), err=True)
    else:
        click.echo(f"{n_docs} document(s), {len(events)} event(s) -> {summary['output']}", err=True)
        if fusion is not None:
            from geo.cli.fuse import summary_line

            click.echo(f"fused: {summary_line(fusion)}", err=True)
        if by_type:
            click.echo(_table([("events", "event_type / sub_event_type")]
                              + [(str(n), k) for k, n in summary["events_by_type"].items()]), err=True)
        if unused:
            click.echo(_table([("mentions", "not used by an event: status: why")]
                              + [(str(n), k) for k, n in summary["unused_mentions"].items()]), err=True)
        for p, msg in failed:
            click.echo(f"failed: {msg}", err=True)
        for x in warnings + extraction_errors:
            click.echo(f"warning: {x}", err=True)
    return 1 if failed else 0


def max_mb_bytes(max_mb: float) -> int:
    """``--max-mb`` as bytes; anything but a positive finite number of megabytes (≤ 1,000,000) is an InputError."""
    if not isinstance(max_mb, (int, float)) or not math.isfinite(max_mb) or not 0 < max_mb <= 1_000_000:
        raise InputError(f"--max-mb must be a positive number of megabytes (at most 1000000), got {max_mb!r}")
    return max(1, int(max_mb * 1024 * 1024))


def _count_txt(folder) -> int:
    from geo.text.document import corpus_files

    return sum(1 for q in corpus_files(folder) if not isinstance(q, Exception))


class _Skipped(InputError):
    """A repeated document, dropped (a warning, not a failure)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _unique(items):
    """Documents with unique ids (:class:`geo.text.document.DocumentIds`); renamed ones carry a note."""
    from dataclasses import replace

    from geo.text.document import DocumentIds

    ids = DocumentIds()
    for item in items:
        if isinstance(item, Exception):
            yield item
            continue
        doc, warning = ids.admit(item)
        if doc is None:
            yield _Skipped(f"{item.path or item.id}: {warning}")
            continue
        yield doc if warning is None else replace(doc, notes=doc.notes + (warning,))


@click.command("find")
@click.argument("article", type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of mentions.")
@click.option("--date", default=None, help="Unused; accepted for symmetry with extract.")
def places_find(article: str, as_json: bool, date) -> int:
    """List every place mention of ARTICLE: resolved, foreign, context or unresolved (with why).

    \b
    Examples:
      kharita places find article.txt
      kharita places find article.txt --json     # text, start, end, status, reason, place_id, name_en, lat, lon
    """
    from gazetteer import Gazetteer
    from geo.text.document import read_document
    from geo.toponyms import find_mentions

    doc = read_document(article)
    ms = find_mentions(doc.text, Gazetteer.default(), language=doc.language)
    if as_json:
        keys = ("text", "start", "end", "status", "reason", "place_id", "name_en", "lat", "lon", "relation")
        out = [{k: m.to_dict()[k] for k in keys} for m in ms]
        click.echo(json.dumps(out, ensure_ascii=False, sort_keys=True, indent=1))
        return 0
    rows = [("start", "end", "status", "text", "place", "reason")]
    for m in ms:
        rows.append((str(m.start), str(m.end), m.status, m.text, f"{m.place.id} {m.place.name_en}" if m.place else "-",
                     m.reason))
    click.echo(_table(rows))
    return 0


#: Plain mode uses every core from this many documents on (below it, start-up costs more than it saves).
_PARALLEL_MIN_DOCS = 32


def _auto_jobs() -> int:
    import os

    return max(1, min(os.cpu_count() or 1, 8))


def _extract_one(doc, date):
    """Worker: one document → (events, unused-mention categories, errors), or the InputError."""
    from geo.extract import extract_document

    try:
        r = extract_document(doc, date=date)
    except InputError as e:
        return e
    return r.events, [(m.status, _why_category(why)) for m, why in r.unused], r.errors


def _extract_all(docs, jobs: int, date):
    """``(document or error, outcome)`` in input order, with ``jobs`` processes when > 1.

    The processes are the one pool of every parallel extraction (:func:`geo.io.batch.process_pool`:
    workers start warm, with the parent's gazetteer and lexicon); a sliding window of futures
    keeps every worker busy while bounding how much of the corpus is in memory.
    """
    if jobs <= 1:
        for d in docs:
            yield d, (None if isinstance(d, Exception) else _extract_one(d, date))
        return
    from collections import deque

    from geo.io import batch

    window: deque = deque()  # (chunk of documents/errors, future of the documents' outcomes)

    def flush_one():
        chunk, fut = window.popleft()
        outcomes = iter(fut.result() if fut is not None else ())
        for dd in chunk:
            yield dd, (None if isinstance(dd, Exception) else next(outcomes))

    with batch.process_pool(jobs) as pool:
        chunk: list = []
        for d in docs:
            chunk.append(d)
            if len(chunk) == _CHUNK:
                good = [x for x in chunk if not isinstance(x, Exception)]
                window.append((chunk, pool.submit(_extract_chunk, good, date) if good else None))
                chunk = []
                if len(window) >= 4 * jobs:
                    yield from flush_one()
        if chunk:
            good = [x for x in chunk if not isinstance(x, Exception)]
            window.append((chunk, pool.submit(_extract_chunk, good, date) if good else None))
        while window:
            yield from flush_one()


#: Documents sent to a worker at a time.
_CHUNK = 8


def _extract_chunk(docs, date):
    return [_extract_one(d, date) for d in docs]


def _batch(inputs, date, source, output, fmt, as_json, progress, jobs, resume, engine, scheduler, *,
           overwrite: bool = False, max_bytes: int | None = None) -> int:
    """Streaming batch extraction (``--jobs``/``--resume``/``--engine dask``): see :mod:`geo.io.batch`."""
    from geo.text.document import parse_date

    if not output or is_stdout(output):
        raise InputError("batch mode (--stream, --resume, --engine dask) needs -o (a .jsonl file or a folder), "
                         "not standard output")
    doc_date = parse_date(date) if date else None
    if engine == "dask":
        from geo.io.dask_engine import run_dask

        client = None
        if scheduler:
            from distributed import Client

            client = Client(scheduler)
        try:
            report = run_dask(inputs, output, date=doc_date, source=source, client=client, overwrite=overwrite,
                              max_bytes=max_bytes)
        finally:
            if client is not None:
                client.close()
    else:
        from geo.io.batch import run_batch

        if fmt is None:
            fmt = "parquet" if not str(output).lower().endswith((".jsonl", ".ndjson")) else "jsonl"
        if fmt not in ("jsonl", "parquet"):
            raise InputError(f"batch mode writes jsonl or parquet parts, not {fmt}")
        show = progress if progress is not None else sys.stderr.isatty()
        report = run_batch(inputs, output, jobs=jobs, date=doc_date, source=source, resume=resume, fmt=fmt,
                           progress=show, overwrite=overwrite, max_bytes=max_bytes)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True), err=True)
    else:
        click.echo(f"{report.documents} document(s), {report.events} event(s) in {report.seconds:.1f} s "
                   f"({report.docs_per_second:.0f} docs/s) -> {report.out}"
                   + (f"; {report.skipped_done} already done" if report.skipped_done else ""), err=True)
        for where, msg in report.errors:
            click.echo(f"  error: {where}: {msg}", err=True)
        for where, msg in report.warnings[:_MAX_WARNINGS]:
            click.echo(f"  warning: {where}: {msg}", err=True)
        if len(report.warnings) > _MAX_WARNINGS:
            click.echo(f"  … and {len(report.warnings) - _MAX_WARNINGS} more warning(s) (--json lists them all)",
                       err=True)
    if report.documents == 0 and report.skipped_done == 0 and report.errors:
        return 2
    return 1 if report.errors else 0


#: Warnings printed on the terminal by a batch run (``--json`` has them all).
_MAX_WARNINGS = 50


# --------------------------------------------------------------------------- --fuse


def _fuse_and_write(events, output, fmt) -> dict:
    """``--fuse``: fuse the corpus's events (:mod:`geo.fusion`) and write them with the fused fields.

    JSON Lines get one fused record per line; other formats go through
    :func:`geo.fusion.write_fused` (geopandas).  Returns :func:`geo.fusion.fusion_summary`.
    """
    from geo.fusion import fuse_events, fusion_summary

    fused = fuse_events(events)
    if fmt == "jsonl":
        write_text(output or "-", "".join(json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
                                          for f in fused))
    else:
        from geo.cli.fuse import write_fused_output

        write_fused_output(fused, output, fmt)
    return fusion_summary(len(events), fused)
