"""The review page in a real headless Chromium, network blocked: review, export, read back, hostile text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.maps import review as rv
from geo.io.frame import read_events
from test_review import FUSED_ID, fused_collection, hostile_geojson

pytestmark = pytest.mark.browser
READY = "() => window.kharitaReview && window.kharitaReview.ready"  # a function: the page's CSP forbids eval




@pytest.fixture()
def events_path(tmp_path):
    return fused_collection(tmp_path)


def _page(browser, path: Path, ctx=None):
    ctx = ctx or browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = ctx.new_page()
    log = {"errors": [], "blocked": [], "dialogs": []}
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("file://", "blob:", "data:")):
            return r.continue_()
        log["blocked"].append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function(READY, timeout=30000)
    assert page.evaluate("window.kharitaReview.error") is None
    return ctx, page, log


def _write_page(src: Path, tmp_path: Path, title="review") -> Path:
    out = tmp_path / "review.html"
    rv.write_review(rv.load_review_events(src), out, title=title)
    return out


def _download(page, selector) -> str:
    with page.expect_download() as d:
        page.click(selector)
    return Path(d.value.path()).read_bytes().decode("utf-8")


def _ev(page, eid):
    return page.evaluate("id => window.kharitaReview.event(id)", eid)


def test_review_flow_export_and_read_back(browser, events_path, tmp_path, capsys):
    recs = rv.load_review_events(events_path)
    ids = [r["id"] for r in recs]
    plain = [i for i in ids[2:] if i != FUSED_ID]  # targets of re-placing and merging
    ctx, page, log = _page(browser, _write_page(events_path, tmp_path))
    try:
        assert page.locator(".kr-row").count() == len(recs)
        assert page.evaluate("typeof window.L") == "object"
        assert page.locator(".kr-row mark.kr-h-place").count() > 0
        # keyboard: accept, reject, move on
        page.locator(".kr-row").first.click()
        assert page.evaluate("window.kharitaReview.current()") == ids[0]
        page.keyboard.press("a")
        assert page.evaluate("window.kharitaReview.current()") == ids[1]
        page.keyboard.press("r")
        page.keyboard.press("k")
        page.keyboard.press("j")
        assert page.evaluate("window.kharitaReview.current()") == ids[2]
        assert _ev(page, ids[0])["status"] == "accepted" and _ev(page, ids[1])["status"] == "rejected"
        page.keyboard.press("u")  # undo the rejection
        assert _ev(page, ids[1])["status"] == "pending"
        page.keyboard.press("k")
        page.keyboard.press("r")
        # edit the first event
        page.evaluate("id => window.kharitaReview.select(id)", ids[0])
        page.select_option(".kr-detail select[name=event_type]", "Riots")
        page.fill(".kr-detail input[name=actor1]", "Protesters (Libya)")
        page.press(".kr-detail input[name=actor1]", "Enter")
        page.fill(".kr-detail input[name=fatalities]", "7")
        page.press(".kr-detail input[name=fatalities]", "Enter")
        page.fill(".kr-detail input[name=event_date]", "2016-06-15")
        page.locator(".kr-detail textarea[name=notes]").fill("checked by hand")
        page.locator(".kr-detail textarea[name=notes]").dispatch_event("change")
        rec = _ev(page, ids[0])["rec"]
        assert (rec["event_type"], rec["actor1"], rec["fatalities"], rec["event_date"], rec["notes"]) == (
            "Riots", "Protesters (Libya)", 7, "2016-06-15", "checked by hand")
        # drag its marker
        before = (rec["latitude"], rec["longitude"])
        box = page.locator(".leaflet-marker-icon").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] - 2)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] / 2 + 40, box["y"] + box["height"] + 30, steps=8)
        page.mouse.up()
        page.wait_for_timeout(100)
        moved = _ev(page, ids[0])["rec"]
        assert (moved["latitude"], moved["longitude"]) != before
        assert moved["uncertainty_wkt"] is None
        # another gazetteer candidate for the third event's place
        page.evaluate("id => window.kharitaReview.select(id)", plain[0])
        cand = page.locator(".kr-detail button.kr-cand:not([disabled])").first
        pid = cand.get_attribute("data-place")
        cand.click()
        assert _ev(page, plain[0])["rec"]["place_id"] == pid
        # merge two events (pick both, merge: the current one is kept)
        page.evaluate("id => window.kharitaReview.select(id)", plain[1])
        page.keyboard.press("x")
        page.locator(f".kr-row[data-id='{plain[2]}'] .kr-pick").check()
        page.click(".kr-merge")
        assert _ev(page, plain[2])["gone"] == f"merged into {plain[1]}" and _ev(page, plain[1])["members"] == 2
        # split the fused event into its three reports
        page.evaluate("id => window.kharitaReview.select(id)", FUSED_ID)
        assert page.locator(".kr-detail .kr-sources li").count() == 3
        page.click(".kr-detail button.kr-split")
        assert _ev(page, FUSED_ID)["gone"] == "split" and _ev(page, "ev-r3")["rec"]["source"] == "Reuters"
        # filters
        page.select_option("select[name=f-type]", "Riots")
        shown = page.evaluate("window.kharitaReview.shown()")
        assert ids[0] in shown and all(_ev(page, i)["rec"]["event_type"] == "Riots" for i in shown)
        assert len(shown) == 1 + sum(r["event_type"] == "Riots" for r in recs[1:])
        page.select_option("select[name=f-type]", "")
        page.select_option("select[name=f-review]", "unresolved")
        shown = page.evaluate("window.kharitaReview.shown()")
        assert shown and all("unresolved" in _ev(page, i)["reasons"] for i in shown)
        page.select_option("select[name=f-review]", "")
        page.select_option("select[name=f-status]", "rejected")
        assert page.evaluate("window.kharitaReview.shown()") == [ids[1]]
        page.select_option("select[name=f-status]", "")

        geo_text = _download(page, ".kr-exp-geojson")
        csv_text = _download(page, ".kr-exp-csv")
        dec_text = _download(page, ".kr-exp-decisions")
        assert log["errors"] == [] and log["blocked"] == [] and log["dialogs"] == []
    finally:
        ctx.close()

    ops = json.loads(dec_text)["ops"]
    assert [o["op"] for o in ops].count("edit") == 5 and {"move", "place", "merge", "split"} <= {o["op"] for o in ops}
    # the page's export is what Python makes of the same decisions
    state = rv.apply_decisions(rv.load_review_events(events_path), ops)
    assert json.loads(geo_text) == json.loads(rv.reviewed_geojson(state))
    assert csv_text == rv.reviewed_csv(state)

    # read back by `kharita events convert`, edits in
    from geo.cli import main

    for name, text in (("page.geojson", geo_text), ("page.csv", csv_text)):
        exported = tmp_path / name
        exported.write_text(text, encoding="utf-8")
        target = tmp_path / (name + ".parquet")
        with pytest.raises(SystemExit) as ex:
            main(["events", "convert", str(exported), str(target)])
        assert ex.value.code == 0, capsys.readouterr().err
        g = read_events(target).set_index("event_id_cnty")
        first = g.loc[ids[0]]
        assert (first["event_type"], first["actor1"], first["fatalities"], first["event_date"]) == (
            "Riots", "Protesters (Libya)", 7, "2016-06-15")
        assert (first["latitude"], first["longitude"]) == (moved["latitude"], moved["longitude"])
        assert g.loc[plain[0], "place_id"] == pid
        assert plain[2] not in g.index and FUSED_ID not in g.index and {"ev-r1", "ev-r2", "ev-r3"} <= set(g.index)
        assert len(g) == len(ids) - 1 - 1 + 3
    props = {f["id"]: f["properties"] for f in json.loads(geo_text)["features"]}
    assert props[ids[0]]["review_status"] == "accepted" and "event_type: " in props[ids[0]]["review_audit"]
    assert props[ids[1]]["review_status"] == "rejected"
    assert props[plain[1]]["merged_ids"] == [plain[1], plain[2]]

    # --apply of the exported decisions gives the same file
    dec = tmp_path / "decisions.json"
    dec.write_text(dec_text, encoding="utf-8")
    out = tmp_path / "reviewed.geojson"
    with pytest.raises(SystemExit) as ex:
        main(["review", "--apply", str(dec), str(events_path), "-o", str(out)])
    assert ex.value.code == 0, capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(geo_text)


def test_decisions_persist_across_reloads(browser, events_path, tmp_path):
    page_path = _write_page(events_path, tmp_path)
    ctx, page, _log = _page(browser, page_path)
    try:
        eid = page.evaluate("window.kharitaReview.select(0)")
        page.keyboard.press("a")
        page.reload()
        page.wait_for_function(READY)
        assert _ev(page, eid)["status"] == "accepted"
        assert len(page.evaluate("window.kharitaReview.ops()")) == 1
        # a decisions file loaded into a fresh browser replaces them
        other = browser.new_context()
        try:
            _c, p2, _l = _page(browser, page_path, other)
            assert _ev(p2, eid)["status"] == "pending"
            dec = tmp_path / "d.json"
            dec.write_text(page.evaluate("window.kharitaReview.decisions()"), encoding="utf-8")
            p2.set_input_files("input.kr-file", str(dec))
            p2.wait_for_function("id => window.kharitaReview.event(id).status === 'accepted'", arg=eid)
        finally:
            other.close()
    finally:
        ctx.close()


def test_hostile_text_runs_no_script_in_the_review_page(browser, tmp_path):
    from test_security import PWNED, probe

    src = hostile_geojson(tmp_path)
    html_path = tmp_path / "hostile.html"
    rv.write_review(rv.load_review_events(src), html_path, title=probe("title"))
    html = html_path.read_text(encoding="utf-8")
    ctx, page, log = _page(browser, html_path)
    try:
        n = page.evaluate("window.kharitaReview.shown().length")
        texts = []
        for i in range(n):  # every event's detail: evidence, sources, candidates, form, audit
            page.evaluate("i => window.kharitaReview.select(i)", i)
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            texts.append(page.locator("#kr-app").inner_text())
        page.keyboard.press("a")
        page.wait_for_timeout(100)
        assert page.evaluate("window.__pwn") is None, "injected script ran"
        assert log["errors"] == [] and log["dialogs"] == [] and log["blocked"] == []
        assert page.title() == probe("title")
        assert page.evaluate("document.scripts.length") == html.count("<script")
        assert page.evaluate("document.querySelectorAll('img[src=\"x\"], a[href^=\"javascript:\" i], #kr-app script').length") == 0
        alltext = "\n".join(texts)
        assert "1337" not in alltext and not PWNED.exists()
        for f in ("evidence", "actor1", "location", "source", "doc_id", "sources", "evidence_all", "title"):
            assert probe(f) in alltext, f
        exported = json.loads(page.evaluate("window.kharitaReview.geojson(false)"))
        props = exported["features"][0]["properties"]
        assert probe("extra") in props.values() or any(probe("extra") == f["properties"].get(probe("key"))
                                                       for f in exported["features"])
    finally:
        ctx.close()
