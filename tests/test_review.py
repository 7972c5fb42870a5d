"""geo.maps.review and `kharita review`: page data, highlights, candidates, the decision rules, exports, hostile text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest_browser import make_event, make_events
from geo.maps import review as rv
from geo.io.frame import read_events, to_frame, write_events

FUSED_ID = "ev-fused-0001"


def fused_collection(tmp_path: Path) -> Path:
    """make_events() as kharita GeoJSON, plus one event fused from three reports (geo.fuse's properties)."""
    evs = make_events() + [make_event(8, 31.2, 16.58, id=FUSED_ID, doc="doc-f1", fatalities=5,
                                      evidence="اشتباكات عنيفة في سرت أسفرت عن مقتل خمسة مقاتلين")]
    path = tmp_path / "events.geojson"
    write_events(to_frame(evs), path)
    fc = json.loads(path.read_text(encoding="utf-8"))
    for f in fc["features"]:
        if f["id"] == FUSED_ID:
            f["properties"].update(merged_ids=["ev-r1", "ev-r2", "ev-r3"], doc_ids=["doc-f1", "doc-f2", "doc-f3"],
                                   sources=["Al Wasat", "Libya Observer", "Reuters"],
                                   evidence_all=["اشتباكات في سرت", "مقتل خمسة في سرت", "Five killed in Sirte clashes"],
                                   fusion_note="kept as is")
    path.write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture()
def records(tmp_path):
    return rv.load_review_events(fused_collection(tmp_path))


def _by_id(state, drop=False):
    return {p["event_id_cnty"]: p for _e, p in state.output(drop)}


# --------------------------------------------------------------------------- page data


def test_highlights_mark_place_actor_trigger_and_casualties():
    rec = make_event(1, 31.2, 16.6, location="سرت", actor1="GNA forces", actor2="Islamic State",
                     evidence="اندلعت اشتباكات عنيفة بين قوات حكومة الوفاق وعناصر داعش في سرت أسفرت عن مقتل خمسة مقاتلين",
                     notes="trigger 'اشتباكات' (clash)").to_dict()
    spans = rv.highlight_spans(rec)
    text = rec["evidence"]
    got = {(text[a:b], k) for a, b, k in spans}
    assert ("سرت", "place") in got and ("اشتباكات", "trigger") in got
    assert ("مقتل", "casualty") in got and ("خمسة", "casualty") in got
    assert {k for _, k in got} == {"place", "actor", "trigger", "casualty"}
    assert any("داعش" in t for t, k in got if k == "actor")
    assert all(b1 <= a2 for (_a1, b1, _), (a2, _b2, _) in zip(spans, spans[1:]))  # sorted, not overlapping


def test_highlight_offsets_are_utf16_for_the_page():
    rec = make_event(1, 31.2, 16.6, location="سرت", evidence="😀 قتال في سرت").to_dict()
    (a, b, k), = [s for s in rv.highlight_spans(rec) if s[2] == "place"]
    assert rec["evidence"][a:b] == "سرت"
    flat = rv._utf16(rec["evidence"], [(a, b, k)])
    assert flat == [a + 1, b + 1, rv.HL_KINDS.index("place")]  # the emoji is two UTF-16 units


def test_candidates_put_the_current_place_first_and_add_lookups(gaz):
    sirte = gaz.lookup("سرت")[0].place
    rec = make_event(1, sirte.lat, sirte.lon, place_id=sirte.id, location="غرب سرت", ar="سرت", en="Sirte").to_dict()
    cands = rv.place_candidates(rec, gaz)
    assert cands[0]["place_id"] == sirte.id and cands[0]["score"] is None
    assert len({c["place_id"] for c in cands}) == len(cands) >= 2
    assert all({"place_name_en", "place_name_ar", "admin1", "lat", "lon", "precision_m"} <= set(c) for c in cands)


def test_members_of_fused_events_and_flags(records):
    fused = next(r for r in records if r["id"] == FUSED_ID)
    ms = rv.members_of(fused)
    assert [m["id"] for m in ms] == ["ev-r1", "ev-r2", "ev-r3"]
    assert [m["source"] for m in ms] == ["Al Wasat", "Libya Observer", "Reuters"]
    assert ms[2]["evidence"] == "Five killed in Sirte clashes"
    plain = next(r for r in records if r["id"] != FUSED_ID)
    assert rv.members_of(plain) == [{"id": plain["id"], "doc_id": plain["doc_id"], "source": plain["source"],
                                     "url": plain["url"], "evidence": plain["evidence"]}]
    # text forms of the lists, and lists that do not line up
    rec = dict(plain, _extra={"merged_ids": "a | b", "doc_ids": '["d1", "d2"]', "sources": "only one"})
    assert [(m["id"], m["doc_id"], m["source"]) for m in rv.members_of(rec)] == [
        ("a", "d1", plain["source"]), ("b", "d2", plain["source"])]
    assert rv._flags(dict(plain, notes="fuzzy (skeleton, score 0.8)")) & rv.FLAG_FUZZY
    assert rv._flags(dict(plain, latitude=None)) & rv.FLAG_UNRESOLVED
    assert rv._flags(dict(plain, _extra={"fatalities_all": [3, 5]})) & rv.FLAG_TOLLS
    assert not rv._flags(dict(plain, _extra={"fatalities_all": [3, 3]})) & rv.FLAG_TOLLS


def test_page_is_self_contained_and_deterministic(records):
    html = rv.review_html(records, title="t")
    assert html == rv.review_html(records, title="t")
    assert not re.search(r"<(?:script|link|img)\b[^>]*(?:src|href)=\"?https?:", html)
    assert "L.Icon.Default" in html and "kharitaReview" in html
    data = _payload(html)
    assert data["n"] == len(records) and data["members"]
    assert set(data["cols"]) == set(rv.EVENT_FIELDS)


def _payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kharita-review-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


# --------------------------------------------------------------------------- decisions


def test_status_edit_move_place_and_audit(records):
    a, b = records[0]["id"], records[1]["id"]
    ops = [
        {"op": "status", "id": a, "status": "accepted"},
        {"op": "edit", "id": a, "field": "event_type", "value": "Riots"},
        {"op": "edit", "id": a, "field": "fatalities", "value": 7},
        {"op": "edit", "id": a, "field": "event_date", "value": "2016-06-15"},
        {"op": "move", "id": a, "lat": 31.5, "lon": 16.25},
        {"op": "place", "id": b, "place": {"place_id": "gn:1", "place_name_en": "Harawa", "place_name_ar": "هراوة",
                                           "admin1": "Sirte", "country": "LY", "lat": 31.05, "lon": 16.9,
                                           "precision_m": 2000}},
        {"op": "status", "id": b, "status": "rejected"},
    ]
    st = rv.apply_decisions(records, ops)
    out = _by_id(st)
    pa, pb = out[a], out[b]
    assert (pa["event_type"], pa["fatalities"], pa["event_date"], pa["latitude"], pa["longitude"]) == (
        "Riots", 7, "2016-06-15", 31.5, 16.25)
    assert pa["uncertainty_wkt"] is None and pa["review_status"] == "accepted"
    old = records[0]
    assert pa["review_audit"] == (
        f"status: pending → accepted; event_type: {old['event_type']} → Riots; event_date: {old['event_date']} → "
        f"2016-06-15; fatalities: {old['fatalities']} → 7; point: {old['latitude']!r},{old['longitude']!r} → 31.5,16.25")
    assert (pb["place_id"], pb["relation"], pb["geo_precision"], pb["uncertainty_m"]) == ("gn:1", "", 1, 2000.0)
    assert pb["review_status"] == "rejected" and "place_id: " in pb["review_audit"]
    assert b not in _by_id(st, drop=True)


def test_merge_then_split_restores_both(records):
    a, b = records[0]["id"], records[1]["id"]
    st = rv.apply_decisions(records, [{"op": "merge", "keep": a, "drop": b}])
    out = _by_id(st)
    assert b not in out and out[a]["merged_ids"] == [a, b]
    assert out[a]["evidence_all"] == [records[0]["evidence"], records[1]["evidence"]]
    assert out[a]["review_audit"] == f"merged: {b}"
    st = rv.apply_decisions(records, [{"op": "merge", "keep": a, "drop": b}, {"op": "split", "id": a}])
    out = _by_id(st)
    assert a in out and b in out and "merged_ids" not in out[a] and out[a]["review_audit"] == ""


def test_split_of_a_fused_event_makes_one_event_per_source(records):
    n = len(records)
    st = rv.apply_decisions(records, [{"op": "split", "id": FUSED_ID}])
    out = _by_id(st)
    assert FUSED_ID not in out and len(out) == n + 2
    parts = [out[i] for i in ("ev-r1", "ev-r2", "ev-r3")]
    assert [p["doc_id"] for p in parts] == ["doc-f1", "doc-f2", "doc-f3"]
    assert [p["source"] for p in parts] == ["Al Wasat", "Libya Observer", "Reuters"]
    assert parts[2]["evidence"] == "Five killed in Sirte clashes"
    assert all(p["review_audit"].startswith(f"split from {FUSED_ID}") for p in parts)
    ids = [p["event_id_cnty"] for _e, p in st.output()]
    k = ids.index("ev-r1")
    assert ids[k:k + 3] == ["ev-r1", "ev-r2", "ev-r3"]  # parts sit where the fused event was
    # unchanged fused events keep geo.fuse's properties as written
    st = rv.apply_decisions(records, [])
    p = _by_id(st)[FUSED_ID]
    assert p["merged_ids"] == ["ev-r1", "ev-r2", "ev-r3"] and p["fusion_note"] == "kept as is"


@pytest.mark.parametrize("op,msg", [
    ({"op": "status", "id": "nope", "status": "accepted"}, "no event"),
    ({"op": "status", "id": "FIRST", "status": "maybe"}, "status must be"),
    ({"op": "edit", "id": "FIRST", "field": "latitude", "value": 1}, "not an editable field"),
    ({"op": "edit", "id": "FIRST", "field": "event_date", "value": "2016-02-30"}, "no such date"),
    ({"op": "edit", "id": "FIRST", "field": "fatalities", "value": -1}, "whole number"),
    ({"op": "edit", "id": "FIRST", "field": "actor1", "value": 3}, "must be text"),
    ({"op": "move", "id": "FIRST", "lat": 95, "lon": 1}, "lat must be"),
    ({"op": "split", "id": "FIRST"}, "nothing to split"),
    ({"op": "merge", "keep": "FIRST", "drop": "FIRST"}, "into itself"),
    ({"op": "teleport", "id": "FIRST"}, "unknown op"),
])
def test_bad_decisions_name_their_number(records, op, msg):
    op = json.loads(json.dumps(op).replace("FIRST", records[0]["id"]))
    with pytest.raises(rv.DecisionError, match=rf"decision 2: .*{msg}"):
        rv.apply_decisions(records, [{"op": "status", "id": records[0]["id"], "status": "accepted"}, op])


def test_decisions_on_a_merged_event_are_refused(records):
    a, b = records[0]["id"], records[1]["id"]
    with pytest.raises(rv.DecisionError, match="decision 2: .*no longer in the review"):
        rv.apply_decisions(records, [{"op": "merge", "keep": a, "drop": b},
                                     {"op": "status", "id": b, "status": "accepted"}])


# --------------------------------------------------------------------------- files


def test_reviewed_csv_reads_back_with_the_edits_and_neutralised_formulas(records, tmp_path):
    a = records[0]["id"]
    ops = [{"op": "edit", "id": a, "field": "actor1", "value": "=HYPERLINK(\"http://evil.example\")"},
           {"op": "edit", "id": a, "field": "notes", "value": "checked, \"quoted\"\nsecond line"},
           {"op": "status", "id": a, "status": "accepted"}]
    st = rv.apply_decisions(records, ops)
    path = tmp_path / "reviewed.csv"
    rv.write_reviewed(st, path)
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    row = next(r for r in rows if r["event_id_cnty"] == a)
    assert row["actor1"].startswith("'=") and row["review_status"] == "accepted"
    assert "actor1: " in row["review_audit"]
    assert list(rows[0])[-5:] == list(rv.CSV_EXTRA)
    fused = next(r for r in rows if r["event_id_cnty"] == FUSED_ID)
    assert fused["merged_ids"] == "ev-r1 | ev-r2 | ev-r3"
    back = read_events(path).set_index("event_id_cnty")
    assert back.loc[a, "actor1"] == "=HYPERLINK(\"http://evil.example\")"
    assert back.loc[a, "notes"] == "checked, \"quoted\"\nsecond line"
    assert len(back) == len(records)


def test_cli_writes_page_and_applies_decisions(tmp_path, capsys):
    from geo.cli import main

    src = fused_collection(tmp_path)
    page = tmp_path / "review.html"
    with pytest.raises(SystemExit) as ex:
        main(["review", str(src), "-o", str(page)])
    assert ex.value.code == 0, capsys.readouterr().err
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    rec0 = rv.load_review_events(src)[0]
    dec = tmp_path / "decisions.json"
    dec.write_text(json.dumps({"kharita_review": 1, "dataset": "other", "ops": [
        {"op": "edit", "id": rec0["id"], "field": "event_type", "value": "Riots"},
        {"op": "status", "id": rec0["id"], "status": "rejected"}]}), encoding="utf-8")
    out = tmp_path / "reviewed.geojson"
    with pytest.raises(SystemExit) as ex:
        main(["review", "--apply", str(dec), str(src), "-o", str(out)])
    err = capsys.readouterr().err
    assert ex.value.code == 0, err
    assert "another events file" in err and "2 decisions applied" in err
    got = read_events(out).set_index("event_id_cnty")
    assert got.loc[rec0["id"], "event_type"] == "Riots"
    with pytest.raises(SystemExit) as ex:
        main(["review", "--apply", str(dec), str(src), "-o", str(tmp_path / "kept.geojson"), "--drop-rejected"])
    assert ex.value.code == 0
    assert rec0["id"] not in set(read_events(tmp_path / "kept.geojson")["event_id_cnty"])
    for bad in ([str(src), "-o", str(src)], ["--apply", str(dec), str(src), "-o", str(dec)]):
        with pytest.raises(SystemExit) as ex:
            main(["review", *bad])
        assert ex.value.code == 2 and "input" in capsys.readouterr().err
    dec.write_text(json.dumps({"ops": [{"op": "status", "id": "missing", "status": "accepted"}]}), encoding="utf-8")
    with pytest.raises(SystemExit) as ex:
        main(["review", "--apply", str(dec), str(src), "-o", str(out)])
    assert ex.value.code == 2 and "decision 1" in capsys.readouterr().err


# --------------------------------------------------------------------------- hostile text (issue 10 probes)


def hostile_geojson(tmp_path: Path) -> Path:
    from test_security import HOSTILE, hostile_record, probe

    recs = [hostile_record(i, 31.2 + i / 100, 16.5 + i / 100) for i in range(3)]
    for r in recs:
        r["event_date"] = "2016-06-09"  # a date field must stay a date for the frame readers
    recs[0]["id"] = probe("id")
    feats = []
    for r in recs:
        props = dict(r, merged_ids=[probe("merged"), HOSTILE], sources=[probe("sources"), "x"],
                     evidence_all=[probe("evidence_all"), HOSTILE], doc_ids=[probe("doc_ids"), "y"])
        props[probe("key")] = probe("extra")
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                      "properties": props})
    path = tmp_path / "{{ 7*191 }}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False), encoding="utf-8")
    return path


def test_review_page_of_hostile_text_shows_it_literally(tmp_path, capsys):
    from geo.cli import main
    from test_security import PWNED, probe

    src = hostile_geojson(tmp_path)
    page = tmp_path / "r.html"
    with pytest.raises(SystemExit) as ex:
        main(["review", str(src), "-o", str(page), "--title", probe("title")])
    assert ex.value.code == 0, capsys.readouterr().err
    html = page.read_text(encoding="utf-8")
    assert not PWNED.exists()
    for raw in ("<script>window.__pwn", "<img src=x", "</script><script>window.__pwn", 'onerror="window'):
        assert raw not in html
    data = _payload(html)
    strings = set(data["S"])
    assert not any("1337" in s for s in strings) and "{{ 7*191 }}" in html  # no template ran
    for f in ("evidence", "actor1", "location", "notes", "source", "place_name_ar", "url"):
        assert any(probe(f) in s for s in strings), f
    assert [m["evidence"] for ms in data["members"].values() for m in ms].count(probe("evidence_all")) == 3
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    import html as htmllib

    assert htmllib.unescape(title) == probe("title") and "<" not in title
    assert data["title"] == probe("title")
    assert html.count("<script") == 4  # Leaflet, its icons, the data, the review script
