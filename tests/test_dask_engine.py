"""Tests of geo.io.dask_engine: the Dask path gives the same events as the in-process batch."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import distributed  # noqa: E402,F401  (test extras: a missing one must fail, not skip)

from geo.io.batch import read_jsonl_events, run_batch  # noqa: E402
from geo.io.dask_engine import read_units, run_dask  # noqa: E402
from geo.events import Event  # noqa: E402
from geo.exc import InputError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _gen_corpus_module():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "benchmarks" / "gen_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _corpus(tmp_path: Path, n: int) -> Path:
    path = _gen_corpus_module().write_corpus(n, tmp_path / "corpus.jsonl", seed=5)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{broken\n")
    return path


def _dask_events(out: Path) -> list[Event]:
    from geo.io.frame import from_frame, read_events

    events: list[Event] = []
    for p in sorted(out.glob("*.parquet")):
        events.extend(from_frame(read_events(p)))
    return sorted(events, key=lambda e: e.id)


def _stub(doc) -> list[Event]:
    from geo.events import EVENT_FIELDS, event_id

    v = {f: "" for f in EVENT_FIELDS}
    v.update(id=event_id(doc.id, 0, len(doc.text), "stub"), doc_id=doc.id, event_date=None, time_precision=1,
             update_time=None, latitude=31.2, longitude=16.6, geo_precision=1, uncertainty_m=None,
             uncertainty_wkt=None, fatalities=None, injuries=None, span_start=0, span_end=len(doc.text))
    if "BOOM" in doc.text:
        raise RuntimeError("extractor bug")
    return [Event(**v)]


@pytest.mark.slow
def test_local_cluster_equals_in_process_run(tmp_path):
    """The real extractor on a 2-worker LocalCluster gives exactly the in-process events."""
    from distributed import Client, LocalCluster

    corpus = _corpus(tmp_path, 40)
    ref = run_batch([corpus], tmp_path / "ref")
    want = sorted((Event.from_dict(r) for r in read_jsonl_events(tmp_path / "ref")), key=lambda e: e.id)
    assert ref.events == len(want) > 40

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        rep = run_dask([corpus], tmp_path / "dask", client=client, npartitions=4)
    got = _dask_events(tmp_path / "dask")
    assert got == want
    assert (rep.documents, rep.events) == (ref.documents, ref.events)
    assert rep.errors == ref.errors == [(f"{corpus}:41", "bad JSON: Expecting property name enclosed in double quotes (column 2)")]
    assert rep.parts == [f"part.{i}.parquet" for i in range(4)]


def test_dask_geopandas_reads_the_output(tmp_path):
    import dask_geopandas

    corpus = _corpus(tmp_path, 6)
    run_dask([corpus], tmp_path / "o", extractor=_stub, scheduler="sync", npartitions=2)
    gdf = dask_geopandas.read_parquet(tmp_path / "o").compute()
    assert len(gdf) == 6 and gdf.crs.to_epsg() == 4326
    assert sorted(gdf["event_id_cnty"]) == sorted(e.id for e in _dask_events(tmp_path / "o"))


def test_errors_collected_and_output_guard(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text("قصف سرت", encoding="utf-8")
    (d / "b.txt").write_text("BOOM", encoding="utf-8")
    (d / "c.txt").write_bytes(b"")
    rep = run_dask([d], tmp_path / "o", extractor=_stub, scheduler="sync")
    assert (rep.documents, rep.events) == (1, 1)
    assert sorted(Path(w).name for w, _ in rep.errors) == ["b.txt", "c.txt"]
    assert any("extraction failed: RuntimeError" in m for _, m in rep.errors)
    with pytest.raises(InputError, match="not empty"):
        run_dask([d], tmp_path / "o", extractor=_stub, scheduler="sync")
    rep2 = run_dask([d], tmp_path / "o", extractor=_stub, scheduler="sync", overwrite=True)
    assert rep2.events == 1


def test_read_units(tmp_path):
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "b.txt").write_text("x", encoding="utf-8")
    (d / "a.txt").write_text("x", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    units = read_units([d, empty, tmp_path / "c.jsonl"])
    assert units == [str(d / "a.txt"), str(d / "sub" / "b.txt"), str(empty), str(tmp_path / "c.jsonl")]


def test_same_events_as_batch_with_stub(tmp_path):
    corpus = _corpus(tmp_path, 12)
    run_batch([corpus], tmp_path / "ref", extractor=_stub)
    want = sorted((Event.from_dict(r) for r in read_jsonl_events(tmp_path / "ref")), key=lambda e: e.id)
    run_dask([corpus], tmp_path / "o", extractor=_stub, scheduler="sync", npartitions=3)
    assert _dask_events(tmp_path / "o") == want
    assert json.loads(json.dumps([e.to_dict() for e in want]))  # JSON-ready
