"""Batch extraction over a corpus: all cores, streamed output, resumable.

:func:`run_batch` reads documents lazily (:func:`geo.text.document.iter_documents`:
directories of ``*.txt``, JSON Lines files), sends *chunks* of documents to the
one process pool of every parallel extraction (:func:`process_pool`: workers start
with the gazetteer, the toponym automaton and the lexicon built) and writes the
events as they come back, in input order, so the output is the same for any
``jobs`` and memory stays flat whatever the corpus size (at most
``2 × jobs`` chunks are in flight).

Output (``out``):

* ``fmt='jsonl'``: one :meth:`geo.events.Event.to_dict` per line, keys sorted,
  appended to ``out/events.jsonl`` (or to ``out`` itself when it ends in
  ``.jsonl``);
* ``fmt='parquet'``: GeoParquet parts ``out/part-00000.parquet`` … written
  atomically (temporary file + rename, :func:`geo.io.frame.write_events`) every
  ``part_events`` events (5,000) or ``part_seconds`` seconds (30), whichever
  comes first, so a killed run loses at most one part of work.  Temporary folders
  of a killed run are removed by the next run.

One run at a time: the output is locked (:func:`geo.io.outputs.output_lock`, a lock
file ``.kharita.lock`` in the output folder or ``<name>.lock`` beside a
``.jsonl`` file); a second run into the same output refuses.  Worker processes
exit when the batch process dies (:func:`exit_with_parent`).

Document ids are made unique in input order (:class:`geo.text.document.DocumentIds`):
a repeated document is skipped, a reused id with another text is renamed
``<id>~2``; both are reported in :attr:`BatchReport.warnings`.

Resuming
--------
A manifest (``_done.jsonl`` beside the events) gets one line per finished
document — id, SHA-1 of the text, where it came from, its number of events and
the output that holds them — written (and ``fsync``-ed) only *after* those
events are durably on disk.  With ``resume=True`` documents already listed are
skipped; a JSON Lines events file is first cut back to the length the
manifest vouches for (so half-written lines of an interrupted run vanish) and
parquet parts that the manifest does not list are deleted.  Event ids are
derived from the document id and the text span (:func:`geo.events.event_id`),
so a resumed run produces exactly the events of an uninterrupted one, without
loss or duplicates.

Per-document problems (undecodable or empty file, bad JSON line, an exception
in the extractor) go to :attr:`BatchReport.errors` with the file and line; they
never stop the batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from geo.exc import InputError, KharitaError
from geo.io.outputs import STDOUT, is_stdout, output_lock, pid_alive, refuse_inputs, sweep_stale_temp

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["BatchReport", "default_extractor", "exit_with_parent", "process_pool", "run_batch", "read_jsonl_events",
           "warm_extraction", "MANIFEST_NAME", "EVENTS_NAME", "LOCK_NAME"]

#: Manifest file name (in the output directory).
MANIFEST_NAME = "_done.jsonl"
#: JSON Lines events file name (in the output directory).
EVENTS_NAME = "events.jsonl"
#: Lock file name (in the output directory; ``<name>.lock`` beside a ``.jsonl`` output).
LOCK_NAME = ".kharita.lock"
_OLD_PART_TEMP_RE = re.compile(r"^\.part-\d{5}\.parquet\.")
_PART_FMT = "part-{:05d}.parquet"
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_MANIFEST_VERSION = 1

Extractor = Callable[[Any], Any]


@dataclass
class BatchReport:
    """What a batch run did.

    Attributes
    ----------
    documents
        Documents extracted by this run (skipped ones not included).
    events
        Events written by this run.
    errors
        ``(where, message)`` per document that could not be read or extracted;
        ``where`` is the file (``path:line`` for a JSON Lines record).
    skipped_done
        Documents skipped because the manifest lists them (``resume=True``).
    seconds
        Wall time of the run.
    parts
        Output files written or appended to (names relative to the output directory).
    warnings
        ``(where, message)``: duplicate documents, extractor notes.
    duplicates
        Documents skipped because the same id and text came earlier in the corpus.
    out
        The output directory or JSON Lines file.
    """

    documents: int = 0
    events: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    skipped_done: int = 0
    seconds: float = 0.0
    parts: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    duplicates: int = 0
    out: str = ""

    @property
    def docs_per_second(self) -> float:
        """Throughput of this run (documents extracted per second)."""
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        """JSON-ready summary (keys sorted)."""
        d = {
            "documents": self.documents,
            "duplicates": self.duplicates,
            "errors": [list(e) for e in self.errors],
            "events": self.events,
            "out": self.out,
            "parts": list(self.parts),
            "seconds": round(self.seconds, 3),
            "skipped_done": self.skipped_done,
            "warnings": [list(w) for w in self.warnings],
        }
        return d


# --------------------------------------------------------------------------- extraction


def default_extractor(doc: Any) -> Any:
    """Extract events from a :class:`geo.text.document.Document` with :mod:`geo.extract`.

    Returns the :class:`geo.extract.ExtractionResult` (its ``events`` and ``errors``
    are used).
    """
    from geo.extract import extract_document

    return extract_document(doc)


def warm_extraction() -> None:
    """Build what every extraction needs, once per process: the default gazetteer, its toponym
    automaton and the lexicon (one short extraction does all three)."""
    from geo.extract import extract

    extract("اشتباكات في سرت.", date="2016-06-09")


_WORKER_EXTRACTOR: Extractor | None = None
_PR_SET_PDEATHSIG = 1


def exit_with_parent(parent: int | None = None, *, interval: float = 0.5) -> None:
    """In a worker process: exit as soon as ``parent`` (the batch process) is gone.

    On Linux the kernel sends SIGTERM when the direct parent dies
    (``prctl(PR_SET_PDEATHSIG)``); everywhere a daemon thread checks every
    ``interval`` seconds that ``parent`` is alive and that the worker was not
    re-parented, and ends the process when either fails (a worker started by a
    forkserver has the forkserver as its direct parent, the batch process is the one
    that matters).

    Parameters
    ----------
    parent
        Pid of the batch process (default: the current parent).
    """
    parent = os.getppid() if parent is None else parent
    ppid = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc symbol
            pass
    if os.getppid() != ppid or not pid_alive(parent):  # died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != ppid or not pid_alive(parent):
                os._exit(1)

    threading.Thread(target=watch, name="kharita-parent-watch", daemon=True).start()


def _init_worker(extractor: Extractor | None, parent: int | None = None, warm: bool = True) -> None:
    """The pool initializer (also run in-process by ``jobs=1``): exit with the parent, remember the
    extractor, and warm up (:func:`warm_extraction`) when ``warm`` and the extractor is kharita's own."""
    global _WORKER_EXTRACTOR
    if parent is not None:
        exit_with_parent(parent)
    _WORKER_EXTRACTOR = extractor
    if warm and (extractor is None or extractor is default_extractor):
        warm_extraction()


def _start_method() -> str:
    """How pool workers start: ``fork`` where the platform has it, else ``spawn``.

    A forked worker inherits this process as it is: the gazetteer, automaton and lexicon
    already built (:func:`process_pool` warms up first), and whatever a user config added
    to the default gazetteer and lexicon (:func:`geo.cli.install_config`), so ``--jobs N``
    extracts exactly what ``--jobs 1`` does.  A spawned worker (Windows) starts fresh and
    warms up in its initializer.
    """
    import multiprocessing

    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


@contextmanager
def process_pool(jobs: int, extractor: Extractor | None = None) -> Iterator["ProcessPoolExecutor"]:
    """The one process pool of every parallel extraction (``kharita extract --jobs N``, plain,
    ``--stream`` and ``--resume`` runs, :func:`run_batch`).

    One start method (:func:`_start_method`), one initializer (:func:`_init_worker`: workers
    exit when this process dies, :func:`exit_with_parent`) and one warm-up
    (:func:`warm_extraction`): here, before the workers are forked, so they start warm, or in
    each worker where workers are spawned.  A custom ``extractor`` (not
    :func:`default_extractor`) gets no warm-up.  On leaving, pending work is cancelled and the
    workers are joined.

    Parameters
    ----------
    jobs
        Worker processes (at least 1).
    extractor
        What :func:`run_batch`'s chunks are extracted with in the workers (``None``: the default).

    Yields
    ------
    concurrent.futures.ProcessPoolExecutor
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context(_start_method())
    warm = extractor is None or extractor is default_extractor
    inherits = ctx.get_start_method() == "fork"
    if warm and inherits:
        warm_extraction()
    pool = ProcessPoolExecutor(max_workers=max(1, int(jobs)), mp_context=ctx, initializer=_init_worker,
                               initargs=(extractor, os.getpid(), warm and not inherits))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def text_sha1(text: str) -> str:
    """SHA-1 (hex) of a document text, as recorded in the manifest."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _done_key(doc_id: str, sha: str) -> int:
    """64-bit key of (document id, text SHA-1) for the set of finished documents."""
    return int.from_bytes(hashlib.blake2b(f"{doc_id}\x1f{sha}".encode("utf-8", "surrogatepass"), digest_size=8).digest())


def _events_of(result: Any) -> tuple[list, list[str]]:
    if result is None:
        return [], []
    if hasattr(result, "events"):
        return list(result.events), [str(e) for e in getattr(result, "errors", ()) or ()]
    return list(result), []


def _dumps(event: Any) -> str:
    return json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True, allow_nan=False)


def _extract_chunk(extractor: Extractor | None, docs: list, as_json: bool) -> list[tuple]:
    """Extract a chunk of documents.

    Returns one tuple per document: ``(id, sha1, where, payload, n_events, error, warnings)``
    where ``payload`` is the JSON Lines text (``as_json``) or the list of events.
    """
    ex = extractor or default_extractor
    out: list[tuple] = []
    for doc in docs:
        sha = text_sha1(doc.text)
        try:
            events, notes = _events_of(ex(doc))
        except Exception as e:  # noqa: BLE001 - one bad document never stops the batch
            out.append((doc.id, sha, doc.path, None, 0, f"extraction failed: {type(e).__name__}: {e}", []))
            continue
        payload: Any = "".join(_dumps(ev) + "\n" for ev in events) if as_json else events
        out.append((doc.id, sha, doc.path, payload, len(events), None, notes))
    return out


def _worker_chunk(docs: list, as_json: bool) -> list[tuple]:
    return _extract_chunk(_WORKER_EXTRACTOR, docs, as_json)


# --------------------------------------------------------------------------- output


def _fsync(fh) -> None:
    fh.flush()
    os.fsync(fh.fileno())


class _Manifest:
    """Append-only list of finished documents; every append is flushed and fsync-ed."""

    def __init__(self, path: Path, fmt: str):
        self.path = path
        self.fmt = fmt
        self.done: set[int] = set()  # _done_key of every finished document (compact)
        self.parts: list[str] = []
        self.committed_end = 0  # JSON Lines: length of the events file the manifest vouches for
        self._fh: IO[str] | None = None

    def load(self) -> None:
        """Read an existing manifest, dropping a torn last line."""
        if not self.path.exists():
            return
        good_end = 0
        with self.path.open("rb") as fh:
            data = fh.read()
        pos = 0
        lineno = 0
        for raw in data.splitlines(keepends=True):
            lineno += 1
            end = pos + len(raw)
            pos = end
            if not raw.endswith(b"\n"):
                break  # torn write
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                if end == len(data):
                    break
                raise InputError("corrupt manifest line; cannot resume safely", path=str(self.path), line=lineno)
            if not isinstance(rec, dict) or not (
                "kharita_batch" in rec or (isinstance(rec.get("doc"), str) and isinstance(rec.get("sha1"), str))
            ):
                raise InputError("manifest line is not a kharita batch record; cannot resume safely",
                                 path=str(self.path), line=lineno)
            good_end = end
            if "kharita_batch" in rec:
                if rec.get("format") != self.fmt:
                    raise InputError(
                        f"output was written as {rec.get('format')!r}, not {self.fmt!r}: use the same format to resume",
                        path=str(self.path),
                    )
                continue
            self.done.add(_done_key(rec["doc"], rec["sha1"]))
            part = rec.get("part")
            if part and (not self.parts or self.parts[-1] != part):
                if part not in self.parts:
                    self.parts.append(part)
            if "end" in rec:
                self.committed_end = max(self.committed_end, int(rec["end"]))
        if good_end < len(data):
            with self.path.open("r+b") as fh:
                fh.truncate(good_end)
                _fsync(fh)

    def open(self) -> None:
        new = not self.path.exists() or self.path.stat().st_size == 0
        self._fh = self.path.open("a", encoding="utf-8")
        if new:
            self._fh.write(json.dumps({"format": self.fmt, "kharita_batch": _MANIFEST_VERSION}, sort_keys=True) + "\n")
            _fsync(self._fh)

    def append(self, records: list[dict]) -> None:
        if not records:
            return
        assert self._fh is not None  # open() comes first
        self._fh.write("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records))
        _fsync(self._fh)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class _JsonlSink:
    """Events appended to one JSON Lines file; commit = write + fsync, then manifest."""

    def __init__(self, path: Path, manifest: _Manifest, report: BatchReport):
        self.path = path
        self.manifest = manifest
        self.report = report
        self.name = path.name
        self._fh: IO[bytes] | None = None

    def prepare(self, resume: bool) -> None:
        size = self.path.stat().st_size if self.path.exists() else 0
        if resume:
            end = self.manifest.committed_end
            if size < end:
                raise InputError(
                    f"events file has {size} bytes but the manifest vouches for {end}: cannot resume safely",
                    path=str(self.path),
                )
            if size > end:  # events of documents that were not committed: drop them
                with self.path.open("r+b") as fh:
                    fh.truncate(end)
                    _fsync(fh)
        self._fh = self.path.open("ab")

    def commit(self, results: list[tuple]) -> None:
        recs = []
        for doc_id, sha, where, payload, n, error, _ in results:
            if error is not None:
                continue
            if payload:
                assert self._fh is not None  # prepare() comes first
                self._fh.write(payload.encode("utf-8"))
            recs.append({"doc": doc_id, "sha1": sha, "src": where, "events": n, "part": self.name})
        if not recs:
            return
        assert self._fh is not None
        _fsync(self._fh)
        end = self._fh.tell()
        for r in recs:
            r["end"] = end
        self.manifest.append(recs)
        if self.name not in self.report.parts:
            self.report.parts.append(self.name)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class _ParquetSink:
    """Events buffered and written as atomic GeoParquet parts; manifest after the rename."""

    def __init__(self, out_dir: Path, manifest: _Manifest, report: BatchReport, part_events: int,
                 part_seconds: float | None = None):
        self.dir = out_dir
        self.manifest = manifest
        self.report = report
        self.part_events = max(1, part_events)
        self.part_seconds = part_seconds
        self.buffer: list = []
        self.pending: list[dict] = []
        self.next_index = 0
        self._since = time.monotonic()

    def prepare(self, resume: bool) -> None:
        _sweep_part_temps(self.dir)
        recorded = set(self.manifest.parts)
        idx = [int(p[5:10]) for p in recorded if p.startswith("part-") and p[5:10].isdigit()]
        self.next_index = max(idx) + 1 if idx else 0
        if resume:
            for p in sorted(self.dir.glob("part-*.parquet")):
                if p.name not in recorded:  # written after the last manifest entry: redo
                    p.unlink()

    def commit(self, results: list[tuple]) -> None:
        for doc_id, sha, where, payload, n, error, _ in results:
            if error is not None:
                continue
            self.buffer.extend(payload)
            self.pending.append({"doc": doc_id, "sha1": sha, "src": where, "events": n})
        if len(self.buffer) >= self.part_events or (
            self.part_seconds is not None and time.monotonic() - self._since >= self.part_seconds
        ):
            self.flush()

    def flush(self) -> None:
        self._since = time.monotonic()
        if not self.pending:
            return
        name = ""
        if self.buffer:
            name = _PART_FMT.format(self.next_index)
            self.next_index += 1
            _write_part(self.buffer, self.dir / name)
            self.report.parts.append(name)
        for r in self.pending:
            r["part"] = name
        self.manifest.append(self.pending)
        self.buffer = []
        self.pending = []

    def close(self) -> None:
        self.flush()


def _sweep_part_temps(directory: Path) -> None:
    """Remove temporary folders of parts that a killed run never renamed (the output is locked: none is live)."""
    sweep_stale_temp(directory)
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for e in entries:
        if _OLD_PART_TEMP_RE.match(e.name) and ".kharita-" not in e.name and e.is_dir(follow_symlinks=False):
            shutil.rmtree(e.path, ignore_errors=True)


def _write_part(events: list, path: Path) -> None:
    """Write one GeoParquet part atomically (:func:`geo.io.frame.write_events`) and fsync it."""
    from geo.io.frame import write_events

    write_events(events, path, format="parquet")
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def _layout(out: str | os.PathLike, fmt: str) -> tuple[Path, Path, Path | None]:
    """``(directory, manifest path, JSON Lines events path or None)``."""
    out = Path(out)
    if fmt == "jsonl" and out.suffix.lower() in _JSONL_SUFFIXES:
        parent = out.parent if str(out.parent) else Path(".")
        return parent, out.with_name(out.stem + "." + MANIFEST_NAME), out
    if out.suffix.lower() in _JSONL_SUFFIXES + (".parquet",) and fmt == "parquet":
        raise InputError("parquet output goes to a directory of parts, not a single file", path=str(out))
    return out, out / MANIFEST_NAME, (out / EVENTS_NAME if fmt == "jsonl" else None)


def _refuse_special(directory: Path, manifest: Path, events: Path | None) -> None:
    """Batch outputs are appended to, cut back and listed: only folders and regular files will do."""
    if directory.exists() and not directory.is_dir():
        raise InputError("batch output must be a folder or a .jsonl file", path=str(directory))
    for p in (manifest, events):
        if p is not None and p.exists() and not p.is_file():
            raise InputError("batch output must be a regular file, not a FIFO, device or folder", path=str(p))


def _existing_outputs(directory: Path, manifest: Path, events: Path | None) -> list[Path]:
    found = [p for p in (manifest, events) if p is not None and p.exists()]
    if events is None and directory.is_dir():
        found += sorted(directory.glob("part-*.parquet"))
    return found


# --------------------------------------------------------------------------- the batch


def _chunked(items: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    jobs: int = 1,
    date: Any = None,
    source: str | None = None,
    resume: bool = False,
    fmt: str = "jsonl",
    extractor: Extractor | None = None,
    progress: bool = False,
    overwrite: bool = False,
    chunk_size: int = 32,
    part_events: int = 5_000,
    part_seconds: float | None = 30.0,
    documents: Iterable[Any] | None = None,
    max_bytes: int | None = None,
) -> BatchReport:
    """Extract events from a corpus, streaming them to disk.

    Parameters
    ----------
    inputs
        Files and directories, as for :func:`geo.text.document.iter_documents`
        (directories of ``*.txt``; ``.jsonl`` files of ``{"id", "text", "date", "source", "url"}``).
    out
        Output directory (``events.jsonl`` or ``part-*.parquet`` plus ``_done.jsonl``),
        or, for ``fmt='jsonl'``, a ``.jsonl`` file (manifest ``<stem>._done.jsonl`` beside it).
    jobs
        Worker processes; ``1`` runs in this process.  ``0`` or negative: all cores.
    date, source
        Defaults for documents without their own (see :func:`geo.text.document.iter_documents`).
    resume
        Continue an interrupted run: documents listed in the manifest are skipped.
    fmt
        ``'jsonl'`` or ``'parquet'``.
    extractor
        ``callable(Document) -> list[Event] | ExtractionResult``; must be picklable
        (a module-level function or a :func:`functools.partial` of one) when ``jobs > 1``.
        Default: :func:`default_extractor` (:func:`geo.extract.extract_document`).
    progress
        Show a tqdm progress bar on stderr.
    overwrite
        Delete a previous run's outputs first (otherwise existing outputs without
        ``resume`` are an error).
    chunk_size
        Documents per task sent to a worker (and per manifest commit).
    part_events, part_seconds
        Parquet: a part is written once this many events are buffered, or this many
        seconds after the last part (``None``: no time limit), whichever comes first.
    documents
        Already-read documents (``Document`` or ``InputError`` items) instead of ``inputs``.
    max_bytes
        Refuse larger text files and JSON Lines records (default:
        :data:`geo.text.document.DEFAULT_MAX_BYTES`).

    Returns
    -------
    BatchReport

    Raises
    ------
    InputError
        Bad ``fmt``, existing outputs without ``resume``/``overwrite``, an output
        that cannot be resumed safely (``resume`` into an events file or parts
        with no manifest: kharita did not write them, and they are never cut
        back), an output that is one of ``inputs``, ``-``/a FIFO/a device, or an
        output another run is writing (locked).
    KharitaError
        A worker process died (e.g. killed); the outputs stay resumable.
    """
    t0 = time.perf_counter()
    if fmt not in ("jsonl", "parquet"):
        raise InputError(f"unknown output format {fmt!r} (expected 'jsonl' or 'parquet')", field="fmt")
    if resume and overwrite:
        raise InputError("resume and overwrite exclude each other (--resume, --overwrite)")
    if jobs is None or jobs < 1:
        jobs = os.cpu_count() or 1
    chunk_size = max(1, int(chunk_size))
    if is_stdout(out):
        raise InputError("batch output is a .jsonl file or a folder (with its manifest), not standard output",
                         path=STDOUT)
    if documents is None:
        refuse_inputs(out, inputs, read_suffixes=(".txt",))
    directory, manifest_path, events_path = _layout(out, fmt)
    report = BatchReport(out=str(out))
    _refuse_special(directory, manifest_path, events_path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"cannot create the output folder: {e.strerror or e}", path=str(directory)) from None
    if events_path is not None and events_path == Path(out):  # a .jsonl file: the lock sits beside it
        lock = events_path.with_name(events_path.name + ".lock")
    else:
        lock = directory / LOCK_NAME
    with output_lock(lock, output=out) as stale:
        if stale:
            report.warnings.append((str(out), stale))
        _run_locked(inputs, report, directory, manifest_path, events_path, jobs=jobs, date=date, source=source,
                    resume=resume, fmt=fmt, extractor=extractor, progress=progress, overwrite=overwrite,
                    chunk_size=chunk_size, part_events=part_events, part_seconds=part_seconds,
                    documents=documents, max_bytes=max_bytes)
    report.seconds = time.perf_counter() - t0
    return report


def _run_locked(inputs, report: BatchReport, directory: Path, manifest_path: Path, events_path: Path | None, *,
                jobs: int, date: Any, source: str | None, resume: bool, fmt: str, extractor: Extractor | None,
                progress: bool, overwrite: bool, chunk_size: int, part_events: int, part_seconds: float | None,
                documents: Iterable[Any] | None, max_bytes: int | None) -> None:
    """The body of :func:`run_batch`, with the output locked."""
    existing = _existing_outputs(directory, manifest_path, events_path)
    if existing and resume and not manifest_path.exists():
        raise InputError(f"no kharita manifest ({manifest_path.name}): refusing to resume into a file kharita did "
                         "not write (choose another -o)", path=str(existing[0]))
    if existing and not resume:
        if not overwrite:
            raise InputError("output exists: pass --resume (resume=True) to continue it or --overwrite "
                             "(overwrite=True) to replace it", path=str(existing[0]))
        for p in existing:
            p.unlink()

    manifest = _Manifest(manifest_path, fmt)
    if resume:
        manifest.load()
    if events_path is not None:
        sink: _JsonlSink | _ParquetSink = _JsonlSink(events_path, manifest, report)
    else:
        sink = _ParquetSink(directory, manifest, report, part_events, part_seconds)
    sink.prepare(resume)
    manifest.open()

    if documents is None:
        from geo.text.document import DEFAULT_MAX_BYTES, iter_documents

        documents = iter_documents(inputs, date=date, source=source,
                                   max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
    from geo.text.document import DocumentIds

    ids = DocumentIds()

    def todo() -> Iterator[Any]:
        for item in documents:
            if isinstance(item, Exception):
                report.errors.append((_where_of(item), _message_of(item)))
                continue
            where = item.path
            for note in getattr(item, "notes", ()) or ():
                report.warnings.append((where, note))
            doc, warning = ids.admit(item)
            if warning is not None:
                report.warnings.append((where, warning))
            if doc is None:
                report.duplicates += 1
                continue
            if manifest.done and _done_key(doc.id, text_sha1(doc.text)) in manifest.done:
                report.skipped_done += 1
                continue
            yield doc

    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="extract", dynamic_ncols=True, leave=False)

    as_json = fmt == "jsonl"

    def commit(results: list[tuple]) -> None:
        sink.commit(results)
        for doc_id, _sha, where, _payload, n, error, notes in results:
            if error is not None:
                report.errors.append((where, error))
                continue
            report.documents += 1
            report.events += n
            for note in notes:
                report.warnings.append((where, note))
        if bar is not None:
            bar.update(len(results))

    ok = False
    try:
        if jobs == 1:
            _init_worker(extractor)
            for chunk in _chunked(todo(), chunk_size):
                commit(_extract_chunk(extractor, chunk, as_json))
        else:
            _run_pool(todo(), extractor, jobs, chunk_size, as_json, commit)
        ok = True
    finally:
        try:
            sink.close()  # commits what is fully extracted (parquet buffer), so a resume need not redo it
        except Exception:
            if ok:
                raise  # on the error path the first error is the one to report
        finally:
            manifest.close()
            if bar is not None:
                bar.close()


def _run_pool(items: Iterator, extractor: Extractor | None, jobs: int, chunk_size: int, as_json: bool,
              commit: Callable[[list[tuple]], None]) -> None:
    """Extract chunks on the process pool (:func:`process_pool`); commit results in submission order."""
    from concurrent.futures.process import BrokenProcessPool

    pending: deque = deque()
    max_inflight = 2 * jobs
    try:
        with process_pool(jobs, extractor) as pool:
            try:
                for chunk in _chunked(items, chunk_size):
                    pending.append(pool.submit(_worker_chunk, chunk, as_json))
                    while len(pending) >= max_inflight:
                        commit(pending.popleft().result())
                while pending:
                    commit(pending.popleft().result())
            finally:
                for f in pending:
                    f.cancel()
    except BrokenProcessPool as e:
        raise KharitaError(f"a worker process died ({e}); finished documents are saved: re-run with --resume") from None


def _where_of(err: Exception) -> str:
    path = getattr(err, "path", None)
    line = getattr(err, "line", None)
    if path is None:
        return "<input>"
    return f"{path}:{line}" if line is not None else str(path)


def _message_of(err: Exception) -> str:
    """The message of an :class:`InputError` without its "path, line N: " prefix (kept in ``where``)."""
    msg = str(err)
    path = getattr(err, "path", None)
    if path is None:
        return msg
    line = getattr(err, "line", None)
    head = [str(path)] + ([f"line {line}"] if line is not None else [])
    prefix = ", ".join(head)
    if msg.startswith(prefix):
        rest = msg[len(prefix):]
        return rest[2:] if rest.startswith((", ", ": ")) else rest
    return msg


def read_jsonl_events(path: str | os.PathLike) -> Iterator[dict]:
    """Iterate the event records of a JSON Lines events file (one dict per line).

    Raises
    ------
    InputError
        A line that is not a JSON object (the message names the file and line).
    """
    p = Path(path)
    if p.is_dir():
        p = p / EVENTS_NAME
    with p.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"bad JSON: {e.msg}", path=str(p), line=i) from None
            if not isinstance(rec, dict):
                raise InputError("expected a JSON object", path=str(p), line=i)
            yield rec
