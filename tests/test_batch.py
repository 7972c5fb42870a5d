"""Tests of geo.io.batch: streaming batch extraction, process pool, resume without loss or duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.io.batch import MANIFEST_NAME, BatchReport, read_jsonl_events, run_batch
from geo.events import EVENT_FIELDS, Event, event_id
from geo.exc import InputError, KharitaError

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- a stub extractor
def stub_extract(doc) -> list[Event]:
    """One event per non-empty line that has a digit in it (deterministic, cheap)."""
    events = []
    pos = 0
    for line in doc.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not any(ch.isdigit() for ch in line):
            continue
        values = {f: "" for f in EVENT_FIELDS}
        values.update(
            id=event_id(doc.id, start, end, "stub"), doc_id=doc.id, event_date=None, time_precision=1,
            update_time=None, latitude=31.2 if "سرت" in line else None, longitude=16.6 if "سرت" in line else None,
            geo_precision=1, uncertainty_m=None, uncertainty_wkt=None, fatalities=len(line) % 7, injuries=None,
            span_start=start, span_end=end, evidence=line, source=doc.source, url=doc.url, language=doc.language,
        )
        events.append(Event(**values))
    return events


def failing_on_bad(doc) -> list[Event]:
    if "BOOM" in doc.text:
        raise RuntimeError("extractor bug")
    return stub_extract(doc)


class Interrupt(BaseException):
    pass


def make_interrupting(k: int):
    n = {"docs": 0}

    def ex(doc):
        n["docs"] += 1
        if n["docs"] > k:
            raise Interrupt()
        return stub_extract(doc)

    return ex


def kill_worker_on_doc(doc) -> list[Event]:
    """Worker killed by SIGKILL on one document (simulates an OOM kill)."""
    if doc.id == "d-0061":
        os.kill(os.getpid(), signal.SIGKILL)
    return stub_extract(doc)


def write_corpus(path: Path, n: int = 120, bad_lines: bool = True) -> Path:
    towns = ["سرت", "بنغازي", "طرابلس", "مصراتة", "درنة"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            t = towns[i % len(towns)]
            text = f"اشتباكات في {t}\nقتل {i % 9} أشخاص في {t}\nبيان\nغارة {i} قرب {t}"
            fh.write(json.dumps({"id": f"d-{i:04d}", "text": text, "date": "2016-06-09", "source": "test"},
                                ensure_ascii=False) + "\n")
            if bad_lines and i == 10:
                fh.write("{not json\n")
            if bad_lines and i == 20:
                fh.write(json.dumps({"id": "empty", "text": "   "}) + "\n")
    return path


def lines_of(out: Path) -> list[str]:
    return (out / "events.jsonl").read_text(encoding="utf-8").splitlines()


@pytest.fixture()
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl")


@pytest.fixture()
def clean(tmp_path, corpus) -> tuple[BatchReport, list[str]]:
    out = tmp_path / "clean"
    rep = run_batch([corpus], out, extractor=stub_extract, chunk_size=7)
    return rep, lines_of(out)


# --------------------------------------------------------------------------- basics
def test_clean_run_counts_errors_and_sorted_keys(clean, corpus):
    rep, lines = clean
    assert rep.documents == 120
    assert rep.events == len(lines) == 120 * 2
    wheres = sorted(w for w, _ in rep.errors)
    assert wheres == [f"{corpus}:12", f"{corpus}:23"]  # bad JSON line, empty record
    assert any("bad JSON" in m for _, m in rep.errors)
    recs = [json.loads(x) for x in lines]
    assert all(list(r) == sorted(r) for r in recs)
    assert len({r["id"] for r in recs}) == len(recs)
    assert [Event.from_dict(r) for r in recs[:3]] == stub_extract_first_events(corpus, 3)
    assert rep.parts == ["events.jsonl"]
    assert rep.skipped_done == 0 and rep.seconds > 0


def stub_extract_first_events(corpus: Path, k: int) -> list[Event]:
    from geo.text.document import iter_documents

    out = []
    for d in iter_documents([corpus]):
        if not isinstance(d, Exception):
            out.extend(stub_extract(d))
        if len(out) >= k:
            return out[:k]
    return out


def test_jobs2_equals_jobs1_byte_for_byte(tmp_path, corpus, clean):
    out = tmp_path / "par"
    rep = run_batch([corpus], out, jobs=2, extractor=stub_extract, chunk_size=5)
    assert rep.documents == clean[0].documents and rep.events == clean[0].events
    assert lines_of(out) == clean[1]
    assert sorted(rep.errors) == sorted(clean[0].errors)


def test_extractor_exception_is_reported_not_fatal(tmp_path):
    src = tmp_path / "c.jsonl"
    recs = [{"id": "a", "text": "1 سرت"}, {"id": "b", "text": "BOOM 2"}, {"id": "c", "text": "3"}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    rep = run_batch([src], tmp_path / "o", extractor=failing_on_bad)
    assert rep.documents == 2 and rep.events == 2
    assert rep.errors == [(f"{src}:2", "extraction failed: RuntimeError: extractor bug")]
    # a failed document is not marked done: a resume retries it
    rep2 = run_batch([src], tmp_path / "o", extractor=stub_extract, resume=True)
    assert (rep2.skipped_done, rep2.documents, rep2.events) == (2, 1, 1)


def test_directory_of_texts_with_bad_files(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text("قصف 3 سرت\n", encoding="utf-8")
    (d / "b.txt").write_bytes("غارات 4 على بنغازي".encode("cp1256"))
    (d / "c.txt").write_bytes(b"")
    (d / "d.txt").write_bytes(b"\x00\x01\x02binary")
    rep = run_batch([d], tmp_path / "o", extractor=stub_extract)
    assert rep.documents == 2 and rep.events == 2
    assert sorted(Path(w).name for w, _ in rep.errors) == ["c.txt", "d.txt"]
    ids = {r["doc_id"] for r in read_jsonl_events(tmp_path / "o")}
    assert ids == {"a", "b"}


def test_duplicate_documents_are_written_once(tmp_path):
    src = tmp_path / "c.jsonl"
    rec = json.dumps({"id": "x", "text": "قتل 5"}, ensure_ascii=False)
    src.write_text(rec + "\n" + rec + "\n", encoding="utf-8")
    rep = run_batch([src], tmp_path / "o", extractor=stub_extract)
    assert rep.events == 1 and rep.duplicates == 1
    assert len(lines_of(tmp_path / "o")) == 1


def test_existing_output_needs_resume_or_overwrite(tmp_path, corpus, clean):
    out = tmp_path / "clean"
    with pytest.raises(InputError, match="output exists"):
        run_batch([corpus], out, extractor=stub_extract)
    rep = run_batch([corpus], out, extractor=stub_extract, overwrite=True)
    assert lines_of(out) == clean[1] and rep.skipped_done == 0


def test_bad_format_and_parquet_to_file(tmp_path, corpus):
    with pytest.raises(InputError, match="unknown output format"):
        run_batch([corpus], tmp_path / "o", fmt="csv", extractor=stub_extract)
    with pytest.raises(InputError, match="directory of parts"):
        run_batch([corpus], tmp_path / "o.parquet", fmt="parquet", extractor=stub_extract)


def test_jsonl_file_output(tmp_path, corpus, clean):
    out = tmp_path / "events-out.jsonl"
    run_batch([corpus], out, extractor=stub_extract)
    assert out.read_text(encoding="utf-8").splitlines() == clean[1]
    assert (tmp_path / ("events-out." + MANIFEST_NAME)).exists()


# --------------------------------------------------------------------------- resume
def test_resume_after_interrupt_jobs1(tmp_path, corpus, clean):
    out = tmp_path / "o"
    with pytest.raises(Interrupt):
        run_batch([corpus], out, extractor=make_interrupting(50), chunk_size=7)
    partial = lines_of(out)
    assert 0 < len(partial) < len(clean[1])
    rep = run_batch([corpus], out, extractor=stub_extract, resume=True, chunk_size=7)
    assert rep.skipped_done == 49  # 7 full chunks committed before the 51st document
    assert rep.skipped_done + rep.documents == clean[0].documents
    assert lines_of(out) == clean[1]  # same events, same order, no duplicates


def test_resume_drops_torn_tail(tmp_path, corpus, clean):
    out = tmp_path / "o"
    with pytest.raises(Interrupt):
        run_batch([corpus], out, extractor=make_interrupting(30), chunk_size=4)
    # simulate a crash in the middle of writing: uncommitted events and a torn manifest line
    with (out / "events.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(clean[1][-1] + "\n" + clean[1][-2][:25])
    with (out / MANIFEST_NAME).open("a", encoding="utf-8") as fh:
        fh.write('{"doc": "d-00')
    rep = run_batch([corpus], out, extractor=stub_extract, resume=True, chunk_size=4)
    assert rep.skipped_done == 28
    assert lines_of(out) == clean[1]


def test_resume_after_worker_killed(tmp_path, corpus, clean):
    out = tmp_path / "o"
    with pytest.raises(KharitaError, match="resume"):
        run_batch([corpus], out, jobs=2, extractor=kill_worker_on_doc, chunk_size=6)
    rep = run_batch([corpus], out, jobs=2, extractor=stub_extract, resume=True, chunk_size=6)
    assert rep.skipped_done < clean[0].documents
    assert lines_of(out) == clean[1]
    recs = [json.loads(x) for x in lines_of(out)]
    assert len({r["id"] for r in recs}) == len(recs)


def test_resume_after_sigkill_of_whole_process(tmp_path, corpus, clean):
    """Kill the batch process itself with SIGKILL midway, then resume."""
    out = tmp_path / "o"
    script = textwrap.dedent(
        f"""
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
        run_batch([{str(corpus)!r}], {str(out)!r}, extractor=ex, chunk_size=5)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert 0 < len(lines_of(out)) < len(clean[1])
    rep = run_batch([corpus], out, extractor=stub_extract, resume=True, chunk_size=5)
    assert rep.skipped_done == 75
    assert lines_of(out) == clean[1]


def test_resume_when_all_done_is_a_no_op(tmp_path, corpus, clean):
    out = tmp_path / "clean"
    rep = run_batch([corpus], out, extractor=stub_extract, resume=True)
    assert (rep.documents, rep.events, rep.skipped_done) == (0, 0, 120)
    assert lines_of(out) == clean[1]


def test_resume_refuses_other_format(tmp_path, corpus, clean):
    with pytest.raises(InputError, match="same format"):
        run_batch([corpus], tmp_path / "clean", fmt="parquet", extractor=stub_extract, resume=True)


# --------------------------------------------------------------------------- parquet parts
def _parquet_ids(out: Path) -> list[str]:
    from geo.io.frame import read_events

    ids: list[str] = []
    for p in sorted(out.glob("part-*.parquet")):
        ids.extend(read_events(p)["event_id_cnty"].tolist())
    return ids


def test_parquet_parts_and_resume(tmp_path, corpus, clean):
    clean_ids = [json.loads(x)["id"] for x in clean[1]]
    out = tmp_path / "pq"
    with pytest.raises(Interrupt):
        run_batch([corpus], out, fmt="parquet", extractor=make_interrupting(70), chunk_size=5, part_events=60)
    parts_before = sorted(p.name for p in out.glob("part-*.parquet"))
    assert parts_before and parts_before[0] == "part-00000.parquet"
    # an orphan part (renamed but never recorded) must be discarded on resume
    (out / "part-00999.parquet").write_bytes((out / parts_before[0]).read_bytes())
    rep = run_batch([corpus], out, fmt="parquet", extractor=stub_extract, resume=True, chunk_size=5, part_events=60)
    assert not (out / "part-00999.parquet").exists()
    ids = _parquet_ids(out)
    assert sorted(ids) == sorted(clean_ids) and len(ids) == len(set(ids))
    assert rep.skipped_done > 0 and rep.parts[0] == f"part-{len(parts_before):05d}.parquet"


def test_parquet_round_trip_values(tmp_path, corpus, clean):
    from geo.io.frame import from_frame, read_events

    out = tmp_path / "pq"
    run_batch([corpus], out, fmt="parquet", extractor=stub_extract, jobs=2, part_events=100)
    events = []
    for p in sorted(out.glob("part-*.parquet")):
        events.extend(from_frame(read_events(p)))
    want = [Event.from_dict(json.loads(x)) for x in clean[1]]
    assert sorted(events, key=lambda e: e.id) == sorted(want, key=lambda e: e.id)


def test_jsonl_batch_does_not_import_geopandas(tmp_path, corpus):
    """The extraction path (JSON Lines output) stays free of geopandas, folium and shapely."""
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'tests')!r})
        from test_batch import stub_extract
        from geo.io.batch import run_batch
        run_batch([{str(corpus)!r}], {str(tmp_path / 'o')!r}, extractor=stub_extract, progress=True)
        bad = sorted(m for m in ("geopandas", "folium", "shapely") if m in sys.modules)
        print("heavy:", bad)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "heavy: []" in proc.stdout
    assert len(lines_of(tmp_path / "o")) == 240


def test_default_extractor_on_pool_matches_in_process(tmp_path, sample_ar_path):
    """The real extractor in pool workers (initializer-built gazetteer) gives the in-process events."""
    text = sample_ar_path.read_text(encoding="utf-8")
    paras = [p for p in text.split("\n\n") if p.strip()]
    src = tmp_path / "c.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(0, min(len(paras), 24), 3):
            rec = {"id": f"p{i}", "text": "\n\n".join(paras[i:i + 3]), "date": "2016-06-09"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    a = run_batch([src], tmp_path / "a")
    b = run_batch([src], tmp_path / "b", jobs=2, chunk_size=2)
    assert a.events > 0 and a.events == b.events
    assert lines_of(tmp_path / "a") == lines_of(tmp_path / "b")


def test_foreign_manifest_is_refused(tmp_path, corpus):
    out = tmp_path / "o"
    out.mkdir()
    (out / MANIFEST_NAME).write_text('{"format": "jsonl", "kharita_batch": 1}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"_done.jsonl, line 2: manifest line is not a kharita batch record"):
        run_batch([corpus], out, extractor=stub_extract, resume=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(k=st.integers(min_value=0, max_value=35), chunk=st.integers(min_value=1, max_value=9),
       chunk2=st.integers(min_value=1, max_value=9), fmt=st.sampled_from(["jsonl", "parquet"]))
def test_interrupt_anywhere_then_resume_equals_clean_run(tmp_path_factory, k, chunk, chunk2, fmt):
    base = tmp_path_factory.mktemp("prop")
    corpus = write_corpus(base / "c.jsonl", n=30, bad_lines=False)
    run_batch([corpus], base / "clean", extractor=stub_extract)
    want = sorted(json.loads(x)["id"] for x in lines_of(base / "clean"))
    out = base / "o"
    try:
        run_batch([corpus], out, extractor=make_interrupting(k), chunk_size=chunk, fmt=fmt, part_events=25)
    except Interrupt:
        pass
    rep = run_batch([corpus], out, extractor=stub_extract, resume=True, chunk_size=chunk2, fmt=fmt, part_events=25)
    got = sorted(json.loads(x)["id"] for x in lines_of(out)) if fmt == "jsonl" else sorted(_parquet_ids(out))
    assert got == want
    assert rep.skipped_done + rep.documents == 30
