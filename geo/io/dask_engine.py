"""The same extraction as :func:`geo.io.batch.run_batch`, on Dask (one machine or a cluster).

``kharita extract --engine dask`` calls :func:`run_dask`:

1. the inputs become a :mod:`dask.bag` of *read units* — one text file, or one
   JSON Lines file — read on the workers with :func:`geo.text.document.iter_documents`
   (so decoding, ids and errors are exactly those of the in-process path);
2. the bag of documents is repartitioned and mapped through the extractor; each
   worker process builds the gazetteer and the toponym automaton once
   (:meth:`gazetteer.Gazetteer.default` is a per-process cache, warmed once per
   worker by :func:`_warm`);
3. every partition of events becomes a GeoDataFrame (:func:`geo.io.frame.to_frame`,
   the one event schema), assembled into a ``dask_geopandas.GeoDataFrame`` and
   written as partitioned GeoParquet (``out/part.N.parquet``).

Dask schedules everything; there is no scheduler of ours.  Errors per document
(undecodable file, bad JSON line, an exception in the extractor) are collected
in the report, as with :func:`~geo.io.batch.run_batch`.

The Dask engine does not resume: re-run with ``overwrite=True``; for resumable
runs on one machine use :func:`geo.io.batch.run_batch`.  As there, the output folder
is locked for the run (``.kharita.lock``), folders that cannot be read, symlink
loops and special files are reported as errors, and document ids are made unique
(:class:`geo.text.document.DocumentIds`): across all ``*.txt`` files (their ids are file
names, known before reading) and within each JSON Lines file.
"""

from __future__ import annotations

import os
import shutil
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from geo.io.batch import LOCK_NAME, BatchReport, _events_of, _message_of, _where_of, default_extractor
from geo.exc import InputError
from geo.io.outputs import output_lock

__all__ = ["run_dask", "read_units"]

_JSONL_SUFFIXES = {".jsonl", ".jsonlines", ".ndjson"}

_WARM: set[str] = set()


def read_units(inputs: Iterable[str | os.PathLike], errors: list | None = None) -> list[str]:
    """Split the inputs into read units: each ``*.txt`` of a directory, each other file.

    A directory without ``*.txt`` files stays one unit, so reading it reports the
    same error as :func:`geo.text.document.iter_documents`.  What cannot be listed
    (unreadable folders, symlink loops, special files) goes to ``errors`` as
    :class:`~geo.exc.InputError` items.
    """
    from geo.text.document import corpus_files

    units: list[str] = []
    for path in inputs:
        p = Path(path)
        if p.is_dir():
            files = []
            for q in corpus_files(p):
                if isinstance(q, Exception):
                    if errors is not None:
                        errors.append(q)
                else:
                    files.append(str(q))
            units.extend(files) if files else units.append(str(p))
        else:
            units.append(str(p))
    return units


def _unit_ids(units: list[str]) -> dict[str, str]:
    """Unique ids of the ``*.txt`` units whose file name is used by an earlier one (``stem~2``…)."""
    from geo.text.document import display_path

    used: dict[str, int] = {}
    taken: set[str] = set()
    out: dict[str, str] = {}
    for u in units:
        p = Path(u)
        if p.suffix.lower() != ".txt":
            continue
        stem = display_path(p.stem)
        if stem not in taken:
            taken.add(stem)
            continue
        n = used.get(stem, 2)
        while f"{stem}~{n}" in taken:
            n += 1
        used[stem] = n + 1
        taken.add(f"{stem}~{n}")
        out[u] = f"{stem}~{n}"
    return out


def _read(units: list[str], date: Any, source: str | None, max_bytes: int | None = None,
          renamed: dict[str, str] | None = None) -> list:
    """Worker: documents and errors of some read units (ids unique, renamed ones carry a note)."""
    from dataclasses import replace

    from geo.text.document import DEFAULT_MAX_BYTES, DocumentIds, iter_documents

    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    out: list = []
    for unit in units:
        ids = DocumentIds()  # per JSON Lines file; file names were made unique by the client
        for item in iter_documents([unit], date=date, source=source, max_bytes=limit):
            if isinstance(item, Exception):
                out.append(item)
                continue
            new = (renamed or {}).get(unit)
            if new is not None:
                item = replace(item, id=new, notes=item.notes + (
                    f"document id {item.id!r} is already used by another file: renamed {new!r}",))
            doc, warning = ids.admit(item)
            if doc is None:
                out.append(("dup", item.path, warning))
                continue
            out.append(doc if warning is None else replace(doc, notes=doc.notes + (warning,)))
    return out


def _warm(extractor: Callable | None) -> None:
    """Build the default gazetteer, automaton and lexicon once per worker process (:func:`geo.io.batch.warm_extraction`)."""
    if "default" in _WARM or not (extractor is None or extractor is default_extractor):
        return
    from geo.io.batch import warm_extraction

    warm_extraction()
    _WARM.add("default")


def _extract(items: list, extractor: Callable | None) -> list[tuple]:
    """Worker: ``("doc", id) | ("ev", Event) | ("err", where, message) | ("warn", where, message)`` records."""
    _warm(extractor)
    ex = extractor or default_extractor
    out: list[tuple] = []
    for item in items:
        if isinstance(item, Exception):
            out.append(("err", _where_of(item), _message_of(item)))
            continue
        if isinstance(item, tuple):  # a repeated document, dropped
            out.append(("warn", item[1], item[2]))
            continue
        out.extend(("warn", item.path, n) for n in getattr(item, "notes", ()) or ())
        try:
            events, notes = _events_of(ex(item))
        except Exception as e:  # noqa: BLE001 - one bad document never stops the run
            out.append(("err", item.path, f"extraction failed: {type(e).__name__}: {e}"))
            continue
        out.append(("doc", item.id))
        out.extend(("ev", e) for e in events)
        out.extend(("warn", item.path, n) for n in notes)
    return out


def _frame(records: list[tuple]) -> Any:
    """Worker: the GeoDataFrame of a partition's events (the :mod:`geo.io.frame` schema)."""
    from geo.io.frame import to_frame

    gdf = to_frame([r[1] for r in records if r[0] == "ev"])
    return gdf.reset_index(drop=True)


def _summary(records: list[tuple]) -> tuple[int, int, list[tuple]]:
    """Worker: ``(documents, events, problems)`` of a partition."""
    docs = sum(1 for r in records if r[0] == "doc")
    events = sum(1 for r in records if r[0] == "ev")
    return docs, events, [r for r in records if r[0] in ("err", "warn")]


def run_dask(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    date: Any = None,
    source: str | None = None,
    client: Any = None,
    npartitions: int | None = None,
    extractor: Callable | None = None,
    scheduler: str | None = None,
    overwrite: bool = False,
    max_bytes: int | None = None,
) -> BatchReport:
    """Extract events from a corpus with Dask and write them as partitioned GeoParquet.

    Parameters
    ----------
    inputs
        Files and directories, as for :func:`geo.text.document.iter_documents`.
    out
        Output directory; receives ``part.N.parquet`` files (one per partition,
        read back with ``dask_geopandas.read_parquet(out)`` or
        :func:`geo.io.frame.read_events` per part).
    date, source
        Defaults for documents without their own.
    client
        A ``distributed.Client``.  ``None``: the current client if one exists, else
        ``scheduler`` if given, else a temporary ``LocalCluster`` with one
        single-threaded worker process per core.
    npartitions
        Partitions of the document bag (default: 4 per worker, at least 1).
    extractor
        ``callable(Document) -> list[Event] | ExtractionResult`` (default
        :func:`geo.io.batch.default_extractor`); must be picklable by cloudpickle.
    scheduler
        A local Dask scheduler name (``"sync"``, ``"threads"``, ``"processes"``) used
        when no ``client`` is given or active.
    overwrite
        Replace an existing output directory.
    max_bytes
        Refuse larger text files and JSON Lines records (default:
        :data:`geo.text.document.DEFAULT_MAX_BYTES`).

    Returns
    -------
    geo.io.batch.BatchReport
        ``documents``, ``events``, ``errors`` and ``warnings``; ``parts`` are the
        written files; ``skipped_done`` is always 0 (no resume).

    Raises
    ------
    InputError
        The output exists (without ``overwrite``), is a file, or another run is writing it (locked).
    """
    t0 = time.perf_counter()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError("output must be a directory for partitioned GeoParquet", path=str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"cannot create the output folder: {e.strerror or e}", path=str(out)) from None
    report = BatchReport(out=str(out))
    with output_lock(out / LOCK_NAME, output=out) as stale:
        if stale:
            report.warnings.append((str(out), stale))
        _run_dask_locked(report, inputs, out, date=date, source=source, client=client, npartitions=npartitions,
                         extractor=extractor, scheduler=scheduler, overwrite=overwrite, max_bytes=max_bytes)
    report.seconds = time.perf_counter() - t0
    return report


def _run_dask_locked(report: BatchReport, inputs: Iterable[str | os.PathLike], out: Path, *, date: Any,
                     source: str | None, client: Any, npartitions: int | None, extractor: Callable | None,
                     scheduler: str | None, overwrite: bool, max_bytes: int | None) -> None:
    """The body of :func:`run_dask`, with the output folder locked."""
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import dask_geopandas  # noqa: F401 - registers GeoDataFrame dispatch for dask.dataframe

    from geo.io.frame import empty_frame

    previous = [p for p in out.iterdir() if p.name != LOCK_NAME]
    if previous:
        if not overwrite:
            raise InputError("output directory is not empty: pass --overwrite (overwrite=True) to replace it",
                             path=str(out))
        for p in previous:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
    unit_errors: list = []
    units = read_units(inputs, unit_errors)
    for e in unit_errors:
        report.errors.append((_where_of(e), _message_of(e)))
    if not units:
        return
    renamed = _unit_ids(units)

    own_cluster = None
    if client is None and scheduler is None:
        try:
            from distributed import default_client

            client = default_client()
        except (ImportError, ValueError):
            from distributed import Client, LocalCluster

            own_cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
            client = Client(own_cluster)
    try:
        nworkers = len(client.scheduler_info().get("workers", {})) if client is not None else (os.cpu_count() or 1)
        nparts = npartitions or max(1, 4 * max(1, nworkers))
        read_parts = max(1, min(len(units), nparts))
        docs = db.from_sequence(units, npartitions=read_parts).map_partitions(_read, date, source, max_bytes,
                                                                               renamed)
        if nparts != read_parts:
            docs = docs.repartition(npartitions=nparts)
        records = docs.map_partitions(_extract, extractor)
        parts = records.to_delayed()  # one delayed per partition; shared by the frame and the summary
        frames = [dask.delayed(_frame)(part) for part in parts]
        summaries = [dask.delayed(_summary)(part) for part in parts]
        gddf = dd.from_delayed(frames, meta=empty_frame(), verify_meta=False)
        write = gddf.to_parquet(str(out), compute=False, write_index=False)
        kwargs: dict[str, Any] = {}
        if client is not None:
            kwargs["scheduler"] = client
        elif scheduler is not None:
            kwargs["scheduler"] = scheduler
        with warnings.catch_warnings():
            # one compute for both, so each partition is extracted once (the graphs share its key)
            warnings.filterwarnings("ignore", message="Computing mixed collections")
            _, summ = dask.compute(write, summaries, **kwargs)
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    for ndocs, nevents, problems in summ:
        report.documents += ndocs
        report.events += nevents
        for kind, where, msg in problems:
            (report.errors if kind == "err" else report.warnings).append((where, msg))
    report.parts = sorted((p.name for p in out.glob("*.parquet")), key=_part_number)


def _part_number(name: str) -> tuple[int, str]:
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else -1, name)
