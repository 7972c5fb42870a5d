"""Cross-article fusion (``geo.fuse``, ``kharita fuse``, ``extract --fuse``)."""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from geo.cli import main
from geo.events import Event, event_id
from geo.fusion import FUSED_FIELDS, compatible, fuse, fuse_events, read_fused, write_fused

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "corpus"


def _gen():
    spec = importlib.util.spec_from_file_location("gen_fuse", ROOT / "benchmarks" / "gen_fuse.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


gen_fuse = _gen()


def ev(doc: str, k: int = 0, **kw) -> Event:
    base = dict(
        id=event_id(doc, k, k + 1), doc_id=doc, event_date="2016-06-09", time_precision=1, date_note="",
        update_time=None, event_type="Battles", sub_event_type="Armed clash", actor1="LNA", actor2="Islamic State",
        location="سرت", place_id="gn:2210554", place_name_en="Sirte", place_name_ar="سرت", admin1="Surt",
        country="LY", latitude=31.20892, longitude=16.58866, geo_precision=1, relation="", uncertainty_m=4000.0,
        uncertainty_wkt=None, fatalities=None, injuries=None, source=f"src-{doc}", url=f"https://x.org/{doc}",
        language="ar", evidence=f"evidence {doc}", span_start=k, span_end=k + 1, notes="trigger",
    )
    base.update(kw)
    return Event(**base)


def run(argv, capsys):
    with pytest.raises(SystemExit) as ei:
        main(argv)
    out, err = capsys.readouterr()
    return ei.value.code, out, err


# --------------------------------------------------------------------------- the generated set


@pytest.fixture(scope="module")
def generated():
    return gen_fuse.generated_set(seed=7)


def test_no_input_event_lost(generated):
    events, _ = generated
    fused = fuse_events(events)
    listed = Counter(i for f in fused for i in f.merged_ids)
    assert set(listed) == {e.id for e in events}
    assert max(listed.values()) == 1  # in exactly one output event
    assert sum(f.fused_count for f in fused) == len(events)
    assert len({f.id for f in fused}) == len(fused)


@pytest.mark.parametrize("seed", [7, 11, 23])
def test_generated_merges_precision_and_recall(seed):
    events, truth = gen_fuse.generated_set(seed=seed)
    fused = fuse_events(events)
    s = gen_fuse.pairwise_scores([f.merged_ids for f in fused], truth)
    assert s["true_pairs"] > 200
    assert s["precision"] >= 0.95, s
    assert s["recall"] >= 0.9, s


def test_corpus_merges_are_right():
    events, truth = gen_fuse.corpus_set()
    s = gen_fuse.pairwise_scores([f.merged_ids for f in fuse_events(events)], truth)
    # measured 0.91 on the 202-passage corpus (0.92 on 195, 0.91 on 188, 182 and 179, 0.90 on 174, 0.91 on 167, 0.92 on 157, 0.93 on 151, 0.94 on 137, 0.95 and more before it grew): the wrong
    # merges left are battles of consecutive days at one town told by two day pages (Ajdabiya, 15 and 16 March 2011),
    # which the one-day slack for reports dated by their publication day joins, a day's shelling of Misrata with the
    # next days', the LNA's offensive on Sabha told as of 18 January and of "late January" 2019 (and as "January 2019"), and a month's
    # fighting in Benghazi (June 2014) with the election-day violence of 25 June that a quarterly report tells
    assert s["precision"] >= 0.9 and s["tp"] >= 40, s


def test_any_order_gives_the_same_output(generated):
    events, _ = generated
    want = [f.to_dict() for f in fuse_events(events)]
    for seed in range(3):
        shuffled = list(events)
        random.Random(seed).shuffle(shuffled)
        assert [f.to_dict() for f in fuse_events(shuffled)] == want
    assert all(list(d) == sorted(d) for d in want)


# --------------------------------------------------------------------------- the rules


def test_two_reports_become_one_event_keeping_every_source():
    a = ev("doc-a", fatalities=3, location="بسرت")
    b = ev("doc-b", event_date="2016-06-10", fatalities=5, location="Sirte", actor2="")
    [f] = fuse_events([a, b])
    assert f.fused_count == 2 and set(f.merged_ids) == {a.id, b.id}
    assert f.doc_ids == ("doc-a", "doc-b") and f.sources == ("src-doc-a", "src-doc-b")
    assert f.urls == ("https://x.org/doc-a", "https://x.org/doc-b")
    assert f.evidence_all == ("evidence doc-a", "evidence doc-b")
    assert f.event.fatalities == 5 and f.toll_disagreement and f.fatalities_reported == (3, 5)
    assert f.event.event_date == "2016-06-09"  # the earliest on a tie
    assert f.event.actor1 == "LNA" and f.event.actor2 == "Islamic State"
    assert f.id.startswith("fu-") and "fused from 2 reports" in f.event.notes


def test_single_report_keeps_its_id():
    a = ev("doc-a", fatalities=2)
    [f] = fuse_events([a])
    assert f.event == a and f.merged_ids == (a.id,) and not f.toll_disagreement and f.fused_count == 1


def test_same_tolls_do_not_disagree():
    [f] = fuse_events([ev("a", fatalities=4), ev("b", fatalities=4), ev("c")])
    assert f.event.fatalities == 4 and not f.toll_disagreement and f.fatalities_reported.count(None) == 1


@pytest.mark.parametrize("change", [
    {"doc_id": "doc-a"},                                   # the same document
    {"event_type": "Protests"},                            # another type
    {"event_date": "2016-06-12"},                          # three days later
    {"event_date": None},                                  # no date
    {"latitude": 30.7554, "longitude": 20.2263, "place_id": "gn:88319"},  # Ajdabiya
    {"latitude": None, "longitude": None, "place_id": ""},  # unresolved
    {"actor1": "Petroleum Facilities Guard", "actor2": "Tebu militia"},  # other parties
])
def test_not_the_same_incident(change):
    a = ev("doc-a")
    b = replace(ev("doc-b", span_start=7), **change)
    assert not compatible(a, b)
    assert len(fuse_events([a, b])) == 2


def test_time_precision_widens_the_date():
    month = ev("doc-a", event_date="2016-06-01", time_precision=3)
    assert compatible(month, ev("doc-b", event_date="2016-06-27"))
    assert not compatible(month, ev("doc-b", event_date="2016-07-03"))
    week = ev("doc-a", event_date="2016-06-09", time_precision=2)
    assert compatible(week, ev("doc-b", event_date="2016-06-13"))


def test_actor_names_compared_by_their_words():
    assert compatible(ev("a", actor1="Islamic State (Libya)", actor2=""), ev("b"))
    assert compatible(ev("a", actor1="Civilians", actor2=""), ev("b", actor1="Tebu militia", actor2=""))
    assert compatible(ev("a", actor1="", actor2=""), ev("b"))


def test_finest_agreed_location_wins():
    city = ev("doc-a", uncertainty_m=4000.0)
    camp = ev("doc-b", location="معسكر", place_id="ly:camp", latitude=31.215, longitude=16.59, uncertainty_m=500.0,
              fatalities=1)
    district = ev("doc-c", place_id="adm1:LY.x", latitude=31.0, longitude=16.4, uncertainty_m=40000.0, geo_precision=3)
    [f] = fuse_events([district, city, camp])
    assert f.event.place_id == "ly:camp" and f.event.evidence == "evidence doc-b" and f.event.doc_id == "doc-b"


def test_a_report_never_joins_two_reports_of_its_own_document():
    a1, a2 = ev("doc-a", 0), ev("doc-a", 1, event_date="2016-06-10")
    b = ev("doc-b")
    fused = fuse_events([a1, a2, b])
    assert sorted(f.fused_count for f in fused) == [1, 2]
    assert all(len(f.doc_ids) == f.fused_count for f in fused)


def test_chain_of_day_late_reports_is_complete_linkage():
    # d-1 and d+1 join through d, but a report 3 days off never joins
    fused = fuse_events([ev("a", event_date="2016-06-08"), ev("b"), ev("c", event_date="2016-06-10"),
                         ev("d", event_date="2016-06-12")])
    assert sorted(f.fused_count for f in fused) == [1, 3]


def test_duplicate_ids_count_once():
    a = ev("doc-a")
    fused = fuse_events([a, a, ev("doc-b")])
    assert [f.fused_count for f in fused] == [2]


def test_rejects_non_events():
    with pytest.raises(TypeError):
        fuse_events([{"id": "x"}])


# --------------------------------------------------------------------------- frames and files


def test_frame_in_frame_out():
    from geo.io.frame import to_frame

    gdf = fuse(to_frame([ev("a", fatalities=1), ev("b", fatalities=2), ev("c", event_type="Protests")]))
    assert len(gdf) == 2 and all(c in gdf.columns for c in FUSED_FIELDS)
    row = gdf[gdf["fused_count"] == 2].iloc[0]
    assert bool(row["toll_disagreement"]) and row["doc_ids"] == ["a", "b"] and int(row["fatalities"]) == 2


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".parquet", ".gpkg"])
def test_write_and_read_fused(tmp_path, suffix):
    from geo.io.frame import read_events

    fused = fuse_events([ev("a", fatalities=1, evidence="=HYPERLINK(1)"), ev("b", fatalities=2),
                         ev("c", event_type="Protests")])
    path = write_fused(fused, tmp_path / f"fused{suffix}")
    plain = read_events(path)  # a plain event file to every other reader
    assert sorted(plain["event_id_cnty"]) == sorted(f.id for f in fused)
    back = read_fused(path)
    got = {r["event_id_cnty"]: {k: r[k] for k in FUSED_FIELDS} for r in back.to_dict("records")}
    for f in fused:
        want = f.extras()
        assert {k: (bool(v) if k == "toll_disagreement" else v) for k, v in got[f.id].items()} == want
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_read_fused_of_a_plain_file(tmp_path):
    from geo.io.frame import write_events

    p = write_events([ev("a", fatalities=3)], tmp_path / "e.geojson")
    r = read_fused(p).iloc[0]
    assert r["fused_count"] == 1 and r["merged_ids"] == [r["event_id_cnty"]] and r["fatalities_reported"] == [3]


def test_fuse_imports_no_geopandas():
    code = "import sys, geo; geo.fuse([]); import geo.fusion; assert 'geopandas' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --------------------------------------------------------------------------- commands


def test_cli_fuse(tmp_path, capsys):
    from geo.io.frame import write_events

    src = write_events([ev("a", fatalities=1), ev("b", fatalities=2), ev("c", event_type="Protests")],
                       tmp_path / "events.geojson")
    out = tmp_path / "fused.geojson"
    code, _, err = run(["fuse", str(src), "-o", str(out), "--json"], capsys)
    assert code == 0, err
    s = json.loads(err)
    assert (s["events_in"], s["events_out"], s["fused_events"], s["toll_disagreements"]) == (3, 2, 1, 1)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(len(f["properties"]["merged_ids"]) for f in doc["features"]) == [1, 2]
    code, stdout, err = run(["fuse", str(src)], capsys)
    assert code == 0 and len(json.loads(stdout)["features"]) == 2 and "1 fused event(s)" in err
    code, _, err = run(["fuse", str(src), "-o", str(src)], capsys)
    assert code == 2  # never overwrite an input


def test_extract_fuse_on_a_corpus(tmp_path, capsys):
    d = tmp_path / "corpus"
    d.mkdir()
    for doc in ("ar-20", "en-24"):
        (d / f"{doc}.txt").write_text((CORPUS / "texts" / f"{doc}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "fused.geojson"
    code, _, err = run(["extract", str(d), "--fuse", "-o", str(out), "--json"], capsys)
    assert code == 0, err
    s = json.loads(err)
    assert s["fusion"]["events_in"] == s["events"] and s["fusion"]["fused_events"] >= 1
    feats = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert sum(f["properties"]["fused_count"] for f in feats) == s["events"]
    assert any(len(f["properties"]["doc_ids"]) == 2 for f in feats)
    code, _, err = run(["extract", str(d), "--fuse", "--stream", "-o", str(tmp_path / "x.jsonl")], capsys)
    assert code == 2 and "--fuse" in err


def test_geo_fuse_is_callable_after_the_module_is_imported():
    import geo
    import geo.fusion  # noqa: F401  (the module is geo.fusion: geo.fuse stays the function)

    assert [f.fused_count for f in geo.fuse([ev("a"), ev("b")])] == [2]


def test_protests_a_day_apart_are_two_days_of_protest_but_battles_a_day_apart_may_be_one():
    a = ev("d1", event_type="Protests", sub_event_type="Peaceful protest", event_date="2011-02-16")
    b = ev("d2", event_type="Protests", sub_event_type="Peaceful protest", event_date="2011-02-17")
    assert not compatible(a, b)
    assert compatible(a, replace(b, event_date="2011-02-16"))
    c = ev("d1", event_type="Battles", sub_event_type="Armed clash", event_date="2011-02-16")
    d = ev("d2", event_type="Battles", sub_event_type="Armed clash", event_date="2011-02-17")
    assert compatible(c, d)


def test_two_reports_known_only_to_the_month_merge_only_within_their_month():
    a = ev("doc-a", event_type="Battles", sub_event_type="Armed clash", event_date="2014-10-15", time_precision=3)
    b = ev("doc-b", event_type="Battles", sub_event_type="Armed clash", event_date="2014-11-15", time_precision=3)
    assert not compatible(a, b)  # October's fighting and November's
    assert compatible(a, replace(b, event_date="2014-10-01"))
    # a report dated by its publication day still gets its day of slack across a month's end
    c = ev("doc-a", event_type="Battles", sub_event_type="Armed clash", event_date="2014-10-31", time_precision=1)
    d = ev("doc-b", event_type="Battles", sub_event_type="Armed clash", event_date="2014-11-01", time_precision=1)
    assert compatible(c, d)
