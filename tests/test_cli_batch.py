"""`kharita extract`: --jobs in both modes, --stream/--resume batch mode, parquet parts."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def kharita(*args):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True)


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for name in ("sirte-live-2016-ar.txt", "libya-report-en.txt"):
        shutil.copy(FIXTURES / name, d / name)
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


def test_jobs_stream_jsonl_then_resume_adds_nothing(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    r = kharita("extract", str(corpus), "--date", "2016-06-09", "--jobs", "2", "--stream", "-o", str(out), "--json")
    assert r.returncode == 1, r.stderr  # empty.txt failed: some inputs failed
    summary = json.loads(r.stderr.strip().splitlines()[-1])
    assert summary["documents"] == 2 and summary["events"] > 10
    assert any("empty.txt" in e[0] for e in summary["errors"])  # reported, not lost
    lines = out.read_text(encoding="utf-8").splitlines()
    ids = [json.loads(x)["id"] for x in lines]
    assert len(ids) == len(set(ids)) == summary["events"]
    # single-process run gives the same events
    out1 = tmp_path / "one.jsonl"
    assert kharita("extract", str(corpus), "--date", "2016-06-09", "--jobs", "1", "--stream", "-o", str(out1)).returncode == 1
    assert sorted(ids) == sorted(json.loads(x)["id"] for x in out1.read_text(encoding="utf-8").splitlines())
    r2 = kharita("extract", str(corpus), "--date", "2016-06-09", "--resume", "-o", str(out), "--json")
    assert r2.returncode == 1, r2.stderr
    again = json.loads(r2.stderr.strip().splitlines()[-1])
    assert again["documents"] == 0 and again["skipped_done"] == 2
    assert out.read_text(encoding="utf-8").splitlines() == lines


def test_parquet_parts(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "parts"
    r = kharita("extract", str(corpus), "--date", "2016-06-09", "--stream", "--format", "parquet", "-o", str(out))
    assert r.returncode == 1, r.stderr  # empty.txt failed
    from geo.io.frame import read_events

    frames = [read_events(p) for p in sorted(out.glob("part-*.parquet"))]
    assert frames and sum(len(f) for f in frames) > 10


def test_batch_needs_output():
    r = kharita("extract", str(FIXTURES / "libya-report-en.txt"), "--stream")
    assert r.returncode == 2 and "needs -o" in r.stderr and "Traceback" not in r.stderr


def test_resume_into_parquet_folder(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "parts"
    args = ("extract", str(corpus), "--date", "2016-06-09", "--jobs", "2", "--stream", "--format", "parquet", "-o", str(out))
    assert kharita(*args).returncode == 1  # empty.txt failed
    r = kharita(*args, "--resume", "--json")
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stderr.strip().splitlines()[-1])["skipped_done"] == 2


def test_plain_mode_refuses_a_directory_output(tmp_path):
    r = kharita("extract", str(FIXTURES / "libya-report-en.txt"), "-o", str(tmp_path))
    assert r.returncode == 2 and "directory" in r.stderr


def test_plain_mode_with_two_processes_equals_one(tmp_path):
    """`--jobs 2` without --stream: the same GeoJSON bytes as one process, bad files still reported."""
    corpus = _corpus(tmp_path)
    for i in range(6):  # more documents than one chunk per worker
        shutil.copy(FIXTURES / "libya-report-en.txt", corpus / f"copy-{i}.txt")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"ev{jobs}.geojson"
        r = kharita("extract", str(corpus), "--date", "2016-06-09", "--jobs", jobs, "-o", str(out), "--json")
        assert r.returncode == 1, r.stderr  # empty.txt failed
        summary = json.loads(r.stderr[r.stderr.index("{"):])
        assert summary["documents"] == 8 and any("empty.txt" in f["file"] for f in summary["failed"])
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def _run_in_process(*args) -> int:
    from geo.cli import main

    try:
        main(list(args))
    except SystemExit as e:
        return int(e.code or 0)
    return 0


def test_every_parallel_path_uses_the_one_process_pool(tmp_path, monkeypatch):
    """Plain `--jobs 2`, `--stream` and `--resume` runs all get their workers from geo.io.batch.process_pool."""
    from geo.io import batch

    real = batch.process_pool
    calls: list[tuple[int, object]] = []

    def spy(jobs, extractor=None):
        calls.append((jobs, extractor))
        return real(jobs, extractor)

    monkeypatch.setattr(batch, "process_pool", spy)
    corpus = _corpus(tmp_path)
    plain = tmp_path / "plain.geojson"
    assert _run_in_process("extract", str(corpus), "--date", "2016-06-09", "--jobs", "2", "-o", str(plain)) == 1
    assert calls == [(2, None)] and plain.stat().st_size > 0
    streamed = tmp_path / "events.jsonl"
    assert _run_in_process("extract", str(corpus), "--date", "2016-06-09", "--jobs", "2", "--stream",
                           "-o", str(streamed)) == 1
    assert len(calls) == 2
    first = streamed.read_text(encoding="utf-8")
    shutil.copy(FIXTURES / "libya-report-en.txt", corpus / "later.txt")  # new work for the resumed run
    assert _run_in_process("extract", str(corpus), "--date", "2016-06-09", "--jobs", "2", "--resume",
                           "-o", str(streamed)) == 1
    assert calls == [(2, None)] * 3
    grown = streamed.read_text(encoding="utf-8")
    assert grown.startswith(first) and len(grown) > len(first)


def test_config_places_reach_streamed_workers(tmp_path):
    """Workers inherit the parent's configured gazetteer: `--stream --jobs 2` finds a user config's place."""
    cfg = tmp_path / "kharita.toml"
    cfg.write_text('[[places]]\nid = "user:zafran"\nname_en = "Zafran roundabout"\nname_ar = "دوار الزعفران"\n'
                   'lat = 31.196\nlon = 16.545\nfeature_type = "roundabout"\nsource = "test"\n', encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text("اشتباكات عنيفة في دوار الزعفران اليوم.", encoding="utf-8")
    places = {}
    for jobs, mode in (("1", "--stream"), ("2", "--stream"), ("2", "--no-progress")):
        out = tmp_path / f"out-{jobs}{mode}.jsonl"
        r = kharita("--config", str(cfg), "extract", str(corpus), "--date", "2016-06-09", "--jobs", jobs, mode,
                    "-o", str(out))
        assert r.returncode == 0, r.stderr
        places[jobs, mode] = sorted(json.loads(x)["place_id"] for x in out.read_text(encoding="utf-8").splitlines())
    assert places[("1", "--stream")] == ["user:zafran"] * 3
    assert places[("2", "--stream")] == places[("2", "--no-progress")] == places[("1", "--stream")]
