"""Hostile input, part 2 (issue 10): no input destroys data, hangs the tool or crashes a batch.

* concurrent runs into one output (a lock with the owner's pid; stale locks taken over);
* mixed encodings decoded line by line, with every fallback reported;
* unreadable folders, symlink loops and special files in a corpus: reported, exit 1;
* duplicate document ids in JSON Lines: warned on the terminal, made unique deterministically;
* ``--stream --format parquet``: parts by size or time, temp folders of killed runs removed,
  ``kill -9`` then ``--resume`` loses at most one part;
* workers exit when the batch process dies;
* one impossible ACLED value is a problem of its row, never of the file;
* ``places lookup`` of a text-sized name, FIFOs as inputs, poison records (lone surrogates,
  JSON nested 100k deep, undecodable file names, ``Infinity``, ``--max-mb nan``, deep TOML);
* the smaller ones (``--overwrite``, UTF-16 without BOM, feature numbering, ``np.float64`` in
  messages, ``null`` GeoJSON, declared CRS, ``not-a-date``);
* a fuzz test of ``extract``, ``places find`` and ``check`` (hypothesis).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest_browser import make_event
from geo.io.batch import LOCK_NAME, MANIFEST_NAME, run_batch
from geo.text.document import DocumentIds, corpus_files, decode_text, iter_documents, read_document
from geo.io.geojson import dumps_collection
from geo.exc import InputError, KharitaError
from geo.io.outputs import output_lock, sweep_stale_temp, write_text
from test_batch import stub_extract, write_corpus

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "sirte-live-2016-ar.txt"
AR = "اشتباكات عنيفة في سرت يوم الخميس 9 يونيو 2016 وقتل 5 أشخاص"


def _run(capsys, *args) -> tuple[int, str, str]:
    from geo.cli import main

    with pytest.raises(SystemExit) as ex:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return ex.value.code, out, err


def _one_line_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kharita: error:"), err
    for n in needles:
        assert n in lines[0], (n, err)


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def _corpus_jsonl(path: Path, n: int = 3) -> Path:
    text = ARTICLE.read_text(encoding="utf-8")
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": text, "date": "2016-06-09"}, ensure_ascii=False)
                            + "\n" for i in range(n)), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- concurrent runs


def test_second_run_into_a_locked_output_refuses(tmp_path, capsys):
    corpus = _corpus_jsonl(tmp_path / "c.jsonl")
    out = tmp_path / "ev.jsonl"
    with output_lock(out.with_name(out.name + ".lock"), output=out):
        for extra in ([], ["--resume"]):
            code, _, err = _run(capsys, "extract", corpus, "--stream", "--jobs", "1", "-o", out, *extra)
            assert code == 2
            _one_line_error(err, "ev.jsonl", "in use by another kharita run", f"pid {os.getpid()}")
        assert not out.exists() and not (tmp_path / f"ev.{MANIFEST_NAME}").exists()
    assert _run(capsys, "extract", corpus, "--stream", "--jobs", "1", "-o", out)[0] == 0
    assert not out.with_name(out.name + ".lock").exists()  # released


def test_concurrent_runs_in_two_processes(tmp_path, capsys):
    """A real second process holds the folder's lock while the CLI tries the same output."""
    corpus = _corpus_jsonl(tmp_path / "c.jsonl")
    out = tmp_path / "parts"
    out.mkdir()
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from geo.io.outputs import output_lock
        with output_lock({str(out / LOCK_NAME)!r}):
            print("locked", flush=True)
            time.sleep(60)
        """)
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        code, _, err = _run(capsys, "extract", corpus, "--stream", "--format", "parquet", "-o", out)
        assert code == 2
        _one_line_error(err, "parts", f"pid {holder.pid}")
        with pytest.raises(InputError, match="in use"):
            run_batch([corpus], out, fmt="parquet", extractor=stub_extract)
    finally:
        holder.kill()
        holder.wait()
    # the holder died without releasing: its lock is stale and is taken over
    rep = run_batch([corpus], out, fmt="parquet", extractor=stub_extract)
    assert rep.documents == 3 and any("stale lock" in w for _, w in rep.warnings)


def test_stale_lock_file_of_a_dead_pid_is_taken_over(tmp_path, capsys):
    corpus = _corpus_jsonl(tmp_path / "c.jsonl")
    out = tmp_path / "ev.jsonl"
    out.with_name("ev.jsonl.lock").write_text(f"{_dead_pid()} somehost 2020-01-01T00:00:00Z\n")
    code, _, err = _run(capsys, "extract", corpus, "--stream", "--jobs", "1", "-o", out)
    assert code == 0, err
    assert "stale lock" in err and out.stat().st_size > 0


# --------------------------------------------------------------------------- mixed encodings


def test_utf8_file_with_stray_bytes_keeps_its_text_and_says_where():
    data = "سطر أول\n".encode() + AR.encode()[:12] + b"\xff\xfe\x80" + AR.encode()[12:] + "\nآخر\n".encode()
    d = decode_text(data, path="a.txt")
    assert d.encoding == "utf-8" and "سرت" in d.text and d.text.count("\ufffd") == 3
    assert d.notes == ("3 byte(s) that are not UTF-8 on line 2: replaced by U+FFFD",)
    assert d.fallbacks == ((2, "replaced"),)


def test_half_utf8_half_windows_1256_is_decoded_per_line(tmp_path, capsys):
    lines = [AR, "قصف على بنغازي", "اشتباكات في مصراتة", "غارة قرب درنة"]
    data = ("\n".join(lines[:2]) + "\n").encode("utf-8") + ("\n".join(lines[2:]) + "\n").encode("cp1256")
    d = decode_text(data)
    assert d.text == "\n".join(lines) + "\n" and d.encoding == "utf-8+cp1256"
    assert d.notes == ("not UTF-8 on lines 3-4: decoded as Windows-1256",)
    f = tmp_path / "mixed.txt"
    f.write_bytes(data)
    doc = read_document(f)
    assert "مصراتة" in doc.text and doc.notes == d.notes
    code, _, err = _run(capsys, "extract", f, "--date", "2016-06-09", "-o", tmp_path / "e.geojson")
    assert code == 0 and "warning:" in err and "lines 3-4" in err and "Windows-1256" in err
    # a wholly Windows-1256 file is still plain cp1256, with no note
    assert decode_text("\n".join(lines).encode("cp1256")).encoding == "cp1256"


def test_stream_mode_reports_decoding_fallbacks_on_the_terminal(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(AR.encode() + b"\n" + "قصف على بنغازي".encode("cp1256") + b"\n")
    code, _, err = _run(capsys, "extract", d, "--stream", "--jobs", "1", "-o", tmp_path / "o.jsonl")
    assert code == 0 and "warning:" in err and "line 2" in err


def test_utf16_without_bom_is_decoded_with_a_note(tmp_path):
    text = "Clashes in Sirte.\nاشتباكات في سرت\n"
    for enc in ("utf-16-le", "utf-16-be"):
        d = decode_text(text.encode(enc))
        assert d.text == text and d.encoding == enc and "byte-order mark" in d.notes[0]


# --------------------------------------------------------------------------- corpus folders


@pytest.fixture()
def hostile_folder(tmp_path, monkeypatch):
    """A corpus with a good file, an unreadable sub-folder, two symlink loops, a FIFO and a broken link."""
    d = tmp_path / "corpus"
    (d / "ok").mkdir(parents=True)
    shutil.copy(ARTICLE, d / "ok" / "a.txt")
    (d / "locked").mkdir()
    (d / "locked" / "hidden.txt").write_text(AR, encoding="utf-8")
    (d / "ok" / "loop").symlink_to("..")  # back into the corpus
    (d / "up").symlink_to(tmp_path)  # up, out of the corpus (which is inside it)
    (d / "self.txt").symlink_to("self.txt")
    (d / "gone.txt").symlink_to("nowhere.txt")
    os.mkfifo(d / "pipe.txt")
    real_scandir = os.scandir

    def scandir(path="."):  # root reads anything: refuse the folder the way chmod 000 would for a user
        if isinstance(path, (str, os.PathLike)) and Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("geo.text.document.os.scandir", scandir)
    return d


def test_unreadable_folders_loops_and_fifos_are_each_reported(hostile_folder):
    found = list(corpus_files(hostile_folder))
    files = [p for p in found if isinstance(p, Path)]
    errors = [str(e) for e in found if isinstance(e, InputError)]
    assert [p.name for p in files] == ["a.txt"]
    joined = "\n".join(errors)
    for needle in ("locked: cannot read folder: Permission denied", "ok/loop: symlink loop", "up: symlink loop",
                   "self.txt: symlink loop", "gone.txt: broken symlink", "pipe.txt: a FIFO, not a regular file"):
        assert needle in joined, (needle, errors)
    assert len(errors) == 6


@pytest.mark.parametrize("mode", [[], ["--stream", "--jobs", "1"]], ids=["plain", "stream"])
def test_corpus_with_failed_entries_exits_1(hostile_folder, tmp_path, capsys, mode):
    out = tmp_path / ("e.geojson" if not mode else "e.jsonl")
    code, _, err = _run(capsys, "extract", hostile_folder, "--date", "2016-06-09", *mode, "-o", out)
    assert code == 1, err
    assert err.count("symlink loop") == 3 and "Permission denied" in err and "FIFO" in err and "Traceback" not in err
    assert out.stat().st_size > 100


def test_dask_read_units_report_what_cannot_be_read(hostile_folder):
    from geo.io.dask_engine import read_units

    errors: list = []
    units = read_units([hostile_folder], errors)
    assert [Path(u).name for u in units] == ["a.txt"] and len(errors) == 6


# --------------------------------------------------------------------------- duplicate ids


def _dup_corpus(path: Path) -> Path:
    recs = [{"id": "x", "text": "اشتباكات عنيفة في سرت"}, {"id": "x", "text": "اشتباكات عنيفة في بنغازي"},
            {"id": "x", "text": "اشتباكات عنيفة في سرت"}, {"id": "x~2", "text": "اشتباكات عنيفة في درنة"},
            {"id": "x", "text": "اشتباكات عنيفة في مصراتة"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def test_document_ids_are_made_unique_deterministically():
    docs = [d for d in iter_documents([_dup_corpus(Path(os.environ.get("TMPDIR", "/tmp")) / f"dup-{os.getpid()}.jsonl")])]
    for _ in range(2):  # same input order, same ids
        ids = DocumentIds()
        got = [(d2.id if d2 else None, w) for d2, w in (ids.admit(d) for d in docs)]
        assert [g[0] for g in got] == ["x", "x~2", None, "x~2~2", "x~3"]
        assert "renamed 'x~2'" in got[1][1] and "skipped" in got[2][1]


@pytest.mark.parametrize("mode", [[], ["--stream", "--jobs", "1"], ["--stream", "--jobs", "2"]],
                         ids=["plain", "stream", "stream-jobs2"])
def test_duplicate_ids_are_warned_on_the_terminal_and_made_unique(tmp_path, capsys, mode):
    src = _dup_corpus(tmp_path / "dup.jsonl")
    out = tmp_path / "o.jsonl"
    code, _, err = _run(capsys, "extract", src, "--format", "jsonl", *mode, "-o", out)
    assert code == 0, err
    assert "warning:" in err and "renamed 'x~2'" in err and "duplicate of an earlier document" in err
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted({r["doc_id"] for r in recs}) == ["x", "x~2", "x~2~2", "x~3"]
    assert len({r["id"] for r in recs}) == len(recs)
    if mode:  # a resume sees the same ids: nothing redone, nothing added
        before = out.read_bytes()
        code, _, err = _run(capsys, "extract", src, *mode, "--resume", "-o", out)
        assert code == 0 and out.read_bytes() == before and "4 already done" in err


# --------------------------------------------------------------------------- parquet parts, kill -9


def test_parquet_parts_by_size_and_by_time(tmp_path, corpus_120):
    rep = run_batch([corpus_120], tmp_path / "a", fmt="parquet", extractor=stub_extract, chunk_size=5, part_events=20)
    assert len(rep.parts) >= 10  # ~240 events in parts of ~20
    rep = run_batch([corpus_120], tmp_path / "b", fmt="parquet", extractor=stub_extract, chunk_size=30,
                    part_events=10**9, part_seconds=0.0)
    assert len(rep.parts) == 4  # one part per commit (every chunk), whatever the size


@pytest.fixture()
def corpus_120(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl", bad_lines=False)


def test_kill_9_then_resume_loses_at_most_one_part(tmp_path, corpus_120):
    out = tmp_path / "pq"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'tests')!r})
        from test_batch import stub_extract
        from geo.io.batch import run_batch
        n = [0]
        def ex(doc):
            n[0] += 1
            if n[0] == 77:
                os.kill(os.getpid(), signal.SIGKILL)
            return stub_extract(doc)
        run_batch([{str(corpus_120)!r}], {str(out)!r}, fmt="parquet", extractor=ex, chunk_size=5, part_events=20)
        """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert (out / LOCK_NAME).exists()  # the killed run could not release its lock
    # leftovers of a killed write: a temp folder of a dead process, and one of the old naming
    (out / f".part-00042.parquet.kharita-{_dead_pid()}-abc").mkdir()
    (out / ".part-00043.parquet.x1y2z3").mkdir()
    rep = run_batch([corpus_120], out, fmt="parquet", extractor=stub_extract, resume=True, chunk_size=5,
                    part_events=20)
    docs_per_part = 10  # 2 events per document, parts of 20 events
    assert rep.skipped_done >= 76 - docs_per_part and rep.documents == 120 - rep.skipped_done
    assert any("stale lock" in w for _, w in rep.warnings)
    assert not [p for p in out.iterdir() if p.name.startswith(".part-")]
    from geo.io.frame import read_events

    ids = [i for p in sorted(out.glob("part-*.parquet")) for i in read_events(p)["event_id_cnty"]]
    assert len(ids) == len(set(ids)) == 240


def test_stale_temp_folders_are_swept_beside_any_output(tmp_path):
    dead = tmp_path / f".out.geojson.kharita-{_dead_pid()}-x"
    live = tmp_path / ".out.geojson.kharita-1-y"  # pid 1 is alive: another writer, kept
    dead.mkdir()
    live.mkdir()
    write_text(tmp_path / "out.geojson", "{}")
    assert not dead.exists() and live.exists()
    assert sweep_stale_temp(tmp_path) == []


# --------------------------------------------------------------------------- orphaned workers


def test_workers_exit_when_the_batch_process_is_killed(tmp_path):
    pids = tmp_path / "pids"
    pids.mkdir()
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"نص {i}"}) + "\n" for i in range(400)))
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'tests')!r})
        from test_robustness import slow_extract
        from geo.io.batch import run_batch
        run_batch([{str(src)!r}], {str(tmp_path / 'out')!r}, jobs=2, extractor=slow_extract, chunk_size=1)
        """)
    env = {**os.environ, "KHARITA_TEST_PIDS": str(pids)}
    main = subprocess.Popen([sys.executable, "-c", script], env=env)
    try:
        deadline = time.monotonic() + 60
        while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = [int(p.name) for p in pids.iterdir()]
        assert len(workers) >= 2
    finally:
        main.kill()
        main.wait()
    deadline = time.monotonic() + 15
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [w for w in workers if _running(w)]
    assert not alive, f"workers {alive} outlived their parent"


def slow_extract(doc):
    """Extractor of the orphan test: records the worker's pid, then takes its time."""
    (Path(os.environ["KHARITA_TEST_PIDS"]) / str(os.getpid())).touch()
    time.sleep(0.3)
    return []


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


# --------------------------------------------------------------------------- ACLED


def _acled_with(tmp_path, values: dict[int, dict[str, str]]) -> Path:
    import csv

    rows = list(csv.reader((FIXTURES / "acled-current-sample.csv").open(encoding="utf-8-sig", newline="")))
    head = rows[0]
    for r, cells in values.items():
        for k, v in cells.items():
            rows[r][head.index(k)] = v
    p = tmp_path / "export.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return p


def test_one_impossible_acled_value_is_a_problem_of_its_row(tmp_path, capsys):
    src = _acled_with(tmp_path, {2: {"fatalities": "1e20"}, 3: {"fatalities": "5000000"},
                                 4: {"fatalities": "Infinity"}, 7: {"latitude": "1e400"}})
    code, _, err = _run(capsys, "acled", "import", src, "--no-gazetteer", "--json", "-o", tmp_path / "a.geojson")
    assert code == 0, err
    from geo.io.acled import load_acled

    rep = load_acled(src, gaz=None)
    assert rep.rows_read == 10  # every row kept
    fat = {p.row: p.message for p in rep.problems if p.field == "fatalities"}
    assert "'1e20' is not a count" in fat[3] and "plausible" in fat[4] and fat[5]
    assert any(p.row == 8 and p.field == "latitude" and "not a number" in p.message for p in rep.problems)


def test_acled_frame_errors_name_the_file_and_the_real_line(tmp_path):
    from geo.io.acled import _frame
    from geo.exc import SchemaError

    with pytest.raises(SchemaError, match=r"^export\.csv, field 'fatalities': line 7: .*64 bits"):
        _frame([make_event(1, 31.2, 16.6, fatalities=2**70)], [7], "export.csv")


def test_acled_row_with_stray_bytes_is_kept_and_reported(tmp_path):
    src = _acled_with(tmp_path, {})
    data = src.read_bytes().split(b"\n")
    assert data[3].startswith(b"LBY7003") and b"Protesters" in data[3]
    data[3] = data[3].replace(b"Protesters", b"Prot\xffest\xfeers", 1)
    src.write_bytes(b"\n".join(data))
    from geo.io.acled import load_acled

    rep = load_acled(src, gaz=None)
    assert rep.rows_read == 10 and any(p.row == 4 and p.field == "encoding" for p in rep.problems)


# --------------------------------------------------------------------------- lookups and FIFOs


def test_places_lookup_of_a_text_sized_name_is_refused_fast(capsys):
    t0 = time.perf_counter()
    code, _, err = _run(capsys, "places", "lookup", "سرت " * 1800)
    assert code == 2 and time.perf_counter() - t0 < 2
    _one_line_error(err, "too long", "at most 200")
    assert _run(capsys, "places", "lookup", "سرت")[0] == 0


@pytest.mark.parametrize("cmd", [["extract"], ["places", "find"], ["check"], ["extract", "--stream", "-o", "o.jsonl"]],
                         ids=lambda c: " ".join(c[:2]))
def test_a_fifo_input_is_refused_not_read(tmp_path, capsys, monkeypatch, cmd):
    monkeypatch.chdir(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    t0 = time.perf_counter()
    code, _, err = _run(capsys, *cmd[:2 if cmd[0] == "places" else 1], fifo, *cmd[2 if cmd[0] == "places" else 1:])
    assert time.perf_counter() - t0 < 10
    assert code == 2 if "--stream" not in cmd else code in (1, 2)
    assert "FIFO" in err and "give - to read standard input" in err and "Traceback" not in err


@pytest.mark.parametrize("cmd", [["events", "convert", "{fifo}", "o.csv"], ["acled", "import", "{fifo}"]],
                         ids=lambda c: c[0])
def test_data_commands_refuse_a_fifo(tmp_path, capsys, monkeypatch, cmd):
    monkeypatch.chdir(tmp_path)
    fifo = tmp_path / "pipe.geojson"
    os.mkfifo(fifo)
    code, _, err = _run(capsys, *[c.format(fifo=fifo) for c in cmd])
    assert code == 2
    _one_line_error(err, "pipe.geojson", "not a regular file")


def test_dash_reads_standard_input():
    r = subprocess.run([sys.executable, "-m", "geo", "extract", "-", "--date", "2016-06-09", "--format", "jsonl"],
                       input=AR.encode(), capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(r.stdout.decode().splitlines()[0])["doc_id"] == "stdin"


# --------------------------------------------------------------------------- poison records


def _poison_corpus(path: Path) -> Path:
    good = json.dumps({"id": "good", "text": AR}, ensure_ascii=False)
    lines = [
        '{"id": "s1", "text": "\\ud800 ' + AR + '"}',  # valid JSON, not valid Unicode
        '{"id": "\\udfff", "text": "' + AR + '"}',
        '{"id": "s3", "text": "x", "source": "\\ud83d"}',
        '{"id": "deep", "text": ' + "[" * 100_000 + "}",
        '{"id": "big", "text": "' + "س" * 700_000 + '"}',  # over --max-mb 1
        '{"id": "nan", "text": NaN}',
        good,
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", [[], ["--jobs", "2"], ["--stream", "--jobs", "1"], ["--stream", "--jobs", "2"]],
                         ids=["plain", "plain-jobs2", "stream", "stream-jobs2"])
def test_poison_records_are_errors_of_their_own_and_the_batch_goes_on(tmp_path, capsys, mode):
    src = _poison_corpus(tmp_path / "poison.jsonl")
    out = tmp_path / "o.jsonl"
    args = ["extract", src, "--date", "2016-06-09", "--format", "jsonl", "--max-mb", "1", *mode, "-o", out]
    code, _, err = _run(capsys, *args)
    assert code == 1, err  # some inputs failed, the good one went through
    assert "internal error" not in err and "Traceback" not in err
    for needle in (r"(line |jsonl:)1\b", "lone surrogate", r"(line |jsonl:)2\b.*'id'", r"(line |jsonl:)3\b.*'source'",
                   r"(line |jsonl:)4: bad JSON: nested too deeply", r"(line |jsonl:)5: record too large",
                   r"(line |jsonl:)6\b"):
        assert re.search(needle, err), (needle, err)
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert recs and {r["doc_id"] for r in recs} == {"good"}
    if "--stream" in mode:  # a resume reports the same errors again, and never crashes
        for _ in range(2):
            code, _, err = _run(capsys, *args, "--resume")
            assert code == 1 and "1 already done" in err and "internal error" not in err


def test_poison_records_on_the_dask_engine(tmp_path):
    pytest.importorskip("dask_geopandas")
    from geo.io.dask_engine import run_dask

    src = _poison_corpus(tmp_path / "poison.jsonl")
    rep = run_dask([src], tmp_path / "dask", scheduler="sync", max_bytes=1 << 20, extractor=stub_extract)
    assert rep.documents == 1 and len(rep.errors) == 6


def test_file_name_with_undecodable_bytes_is_read(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    name = os.fsdecode(b"caf\xe9-\xff.txt")
    shutil.copy(ARTICLE, d / name)
    for mode in ([], ["--stream", "--jobs", "1"]):
        out = tmp_path / f"o{len(mode)}.jsonl"
        code, _, err = _run(capsys, "extract", d, "--date", "2016-06-09", "--format", "jsonl", *mode, "-o", out)
        assert code == 0, err
        recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert recs and {r["doc_id"] for r in recs} == {"caf\\xe9-\\xff"}
        assert "file name is not UTF-8" in err
    code, _, err = _run(capsys, "extract", d, "--stream", "--jobs", "1", "--resume", "-o", tmp_path / "o3.jsonl")
    assert code == 0 and "1 already done" in err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "1e300"])
def test_bad_max_mb_is_a_one_line_error(tmp_path, capsys, value):
    code, _, err = _run(capsys, "extract", ARTICLE, "--max-mb", value, "-o", tmp_path / "o.geojson")
    assert code == 2
    _one_line_error(err, "--max-mb")


def _geojson(tmp_path: Path, name: str, mutate) -> Path:
    doc = json.loads(dumps_collection([make_event(1, 31.2, 16.6), make_event(2, 32.1, 20.0)]))
    mutate(doc)
    p = tmp_path / name
    p.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return p


def _set(feature: int, key: str, value):
    def mutate(doc):
        doc["features"][feature]["properties"][key] = value
    return mutate


@pytest.mark.parametrize("case,mutate,needles", [
    ("inf-uncertainty", _set(1, "uncertainty_m", float("inf")), ["feature 2", "uncertainty_m", "inf", "finite"]),
    ("neg-inf-lat", _set(0, "latitude", float("-inf")), ["feature 1", "latitude"]),
    ("not-a-date", _set(1, "event_date", "not-a-date"), ["feature 2", "event_date", "'not-a-date' is not a date"]),
    ("feb-31", _set(0, "event_date", "2016-02-31"), ["feature 1", "event_date"]),
    ("crs-3857", lambda d: d.update(crs={"type": "name", "properties": {"name": "EPSG:3857"}}), ["EPSG:3857", "crs"]),
], ids=lambda x: x if isinstance(x, str) else "")
def test_events_convert_refuses_impossible_values_in_one_line(tmp_path, capsys, case, mutate, needles):
    src = _geojson(tmp_path, f"{case}.geojson", mutate)
    text = src.read_text(encoding="utf-8").replace("Infinity", "1e400")  # 1e400 is valid JSON, and infinite
    src.write_text(text, encoding="utf-8")
    code, _, err = _run(capsys, "events", "convert", src, tmp_path / "o.csv")
    assert code == 2
    _one_line_error(err, src.name, *needles)
    assert "np.float64" not in err and not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("content,needle", [("null", "'NoneType'"), ("[" * 100_000, "nested too deeply"),
                                            ('{"type": "FeatureCollection", "features": ' + "[" * 50_000 + "]}",
                                             "nested too deeply")],
                         ids=["null", "deep-array", "deep-features"])
def test_null_and_deeply_nested_geojson_are_one_line_errors(tmp_path, capsys, content, needle):
    src = tmp_path / "x.geojson"
    src.write_text(content, encoding="utf-8")
    code, _, err = _run(capsys, "events", "convert", src, tmp_path / "o.csv")
    assert code == 2
    _one_line_error(err, "x.geojson", needle)


def test_wgs84_crs_names_are_accepted(tmp_path, capsys):
    for name in ("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"):
        src = _geojson(tmp_path, "ok.geojson", lambda d: d.update(crs={"type": "name", "properties": {"name": name}}))
        assert _run(capsys, "events", "convert", src, tmp_path / "o.csv")[0] == 0


def test_non_finite_number_message_shows_python_values():
    import numpy as np
    import pandas as pd

    from geo.exc import SchemaError
    from geo.io.frame import restore_schema, to_frame

    df = pd.DataFrame(to_frame([make_event(1, 31.2, 16.6)]).drop(columns="geometry"))
    df["uncertainty_m"] = np.array([-np.inf])
    with pytest.raises(SchemaError) as ei:
        restore_schema(df)
    assert "-inf is not a finite number" in str(ei.value) and "np.float64" not in str(ei.value)


def test_deeply_nested_toml_config_is_a_one_line_error(tmp_path, capsys):
    cfg = tmp_path / "deep.toml"
    cfg.write_text("[claims]\nx = " + "[" * 20_000 + "\n", encoding="utf-8")
    code, _, err = _run(capsys, "--config", cfg, "places", "lookup", "سرت")
    assert code == 2
    _one_line_error(err, "deep.toml", "nested too deeply")


def test_bad_dates_are_refused_everywhere(tmp_path, capsys):
    from geo.text.document import parse_date

    for bad in ("not-a-date", "2016-06-09garbage", "2016-13-01", "09/06/2016"):
        with pytest.raises(InputError, match="bad date"):
            parse_date(bad)
    assert parse_date("2016-06-09T10:15:00Z").isoformat() == "2016-06-09"
    code, _, err = _run(capsys, "extract", ARTICLE, "--date", "not-a-date", "-o", tmp_path / "o.geojson")
    assert code == 2 and "not-a-date" in err


# --------------------------------------------------------------------------- --overwrite


def test_overwrite_exists_and_the_messages_name_real_flags(tmp_path, capsys):
    corpus = _corpus_jsonl(tmp_path / "c.jsonl", n=1)
    out = tmp_path / "o.jsonl"
    assert _run(capsys, "extract", corpus, "--stream", "--jobs", "1", "-o", out)[0] == 0
    code, _, err = _run(capsys, "extract", corpus, "--stream", "--jobs", "1", "-o", out)
    assert code == 2 and "--resume" in err and "--overwrite" in err and "overwrite=True" in err
    first = out.read_bytes()
    code, _, err = _run(capsys, "extract", corpus, "--stream", "--jobs", "1", "--overwrite", "-o", out)
    assert code == 0 and out.read_bytes() == first
    code, _, err = _run(capsys, "extract", corpus, "--stream", "--resume", "--overwrite", "-o", out)
    assert code == 2 and "exclude each other" in err
    help_text = _run(capsys, "extract", "--help")[1]
    assert "--overwrite" in help_text


# --------------------------------------------------------------------------- fuzz


_PIECES = ["سرت", "وبسرت", "طرابلس", "بنغازي", "مصراتة", "قصر بوهادي", "Tagrifet", "Sirte", " شرق ", " غرب ",
           "على بعد نحو 450 كلم", "450 km east of Tripoli", " قتل ", "5", "١٢", "أشخاص", "اشتباكات", "غارة",
           "الخميس", "يوم", "\n", "، ", ". ", "{{ 7*191 }}", "{%", "<script>", "=HYPERLINK(", "\u200f", "\u202e",
           "\ufeff", "\u0640" * 5, "ـ", "ال", "و", "ب", "\ufffd", "(", ")", "«", "»", "km", " 1e400 ", "-inf",
           "\u0000", "\x1b[31m", "𝕊", "🇱🇾", "a" * 300]
_adversarial = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
_random = st.text(max_size=400)


def _time_bound(text: str, seconds: float) -> float:
    """Allowed seconds for ``text``: a fixed start-up allowance plus 5 s per MB."""
    return seconds + 5.0 * len(text.encode("utf-8", "surrogatepass")) / 1_048_576


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_adversarial, _random))
def test_fuzz_extract_find_and_check(gaz, text):
    from geo.claims import check_all, parse
    from geo.extract import extract
    from geo.toponyms import find_mentions

    t0 = time.perf_counter()
    for run in (lambda: extract(text, date="2016-06-09", gazetteer=gaz),
                lambda: find_mentions(text, gaz),
                lambda: check_all(parse(text, gaz), gaz)):
        try:
            run()
        except KharitaError:  # the documented input errors
            pass
    assert time.perf_counter() - t0 < _time_bound(text, 5.0)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.one_of(_adversarial.map(lambda s: s.encode("utf-8", "replace")), st.binary(max_size=300)))
def test_fuzz_cli_on_random_bytes_never_crashes(tmp_path, capsys, data):
    f = tmp_path / "fuzz.txt"
    f.write_bytes(data)
    for cmd in (["extract", f, "--date", "2016-06-09", "--format", "jsonl"], ["places", "find", f, "--json"],
                ["check", f, "--json"]):
        code, _, err = _run(capsys, *cmd)
        assert code in (0, 1, 2), err
        assert "internal error" not in err and "Traceback" not in err
        if code == 2:
            assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize(
    "content, needle",
    [
        ("null", "not GeoJSON"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
         '"coordinates": [13.1, 32.8]}, "properties": {"uncertainty_m": Infinity}}]}', "feature 1"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
         '"coordinates": [13.1, 32.8]}, "properties": {"event_date": "not-a-date"}}]}', "not a date"),
        ('{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}, '
         '"features": []}', "EPSG:3857"),
        ("[" * 100000 + "]" * 100000, "nested too deeply"),
    ],
)
def test_map_refuses_what_is_not_drawable_geojson(tmp_path, content, needle):
    f = tmp_path / "events.geojson"
    f.write_text(content, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "geo", "map", str(f), "-o", str(tmp_path / "m.html")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and needle in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_map_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "events.geojson"
    os.mkfifo(fifo)
    r = subprocess.run([sys.executable, "-m", "geo", "map", str(fifo), "-o", str(tmp_path / "m.html")],
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 2 and "not a regular file" in r.stderr
