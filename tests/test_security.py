"""Hostile input (issue 10): nothing a stranger wrote runs as code, and no output destroys data.

* Template syntax (``{{ … }}``, ``{% … %}``, ``{# … #}``, a shell command through
  ``lipsum.__globals__``), ``<script>``/``onerror`` markup, JS template literals,
  spreadsheet formula prefixes and ``javascript:`` URLs go into every text field
  of every output: event fields and GeoJSON properties, claims, titles and file
  names, user-gazetteer town names; HTML maps online and offline, under and over
  the compression threshold (in the file and in headless Chromium), CSV and
  GeoJSON.  None is evaluated, every one is shown as literal text.
* The data-loss cases: ``--resume`` into a file kharita did not write, an output
  that is an input, symlinks, FIFOs and ``-o -``.
"""

from __future__ import annotations

import base64
import csv
import html as htmllib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest_browser import make_event
from geo.events import EVENT_FIELDS
from geo.io.geojson import dumps_collection
from geo.io.frame import SCHEMA, from_frame, read_events, write_events
from geo.maps import COMPRESS_ABOVE, LEAFLET_CDN_CSS, LEAFLET_CDN_JS, LEAFLET_VERSION, render_html
from geo.exc import InputError
from geo.io.outputs import _destination, csv_cell, csv_uncell, write_text

FIXTURES = Path(__file__).parent / "fixtures"

#: Created by the shell command in HOSTILE if a template ever runs it.
PWNED = Path(tempfile.gettempdir()) / f"kharita-pwned-{os.getpid()}"
HOSTILE = (
    "{{ 7*191 }} {# kept #} {% if 1 %}if{% endif %} {{ lipsum.__globals__.os.popen('touch " + str(PWNED)
    + "').read() }} <script>window.__pwn=1;document.title='pwned'</script> <img src=x onerror=\"window.__pwn=2\">"
    " `${window.__pwn=3}` </script><script>window.__pwn=4</script> =HYPERLINK(\"http://evil.example\",\"x\")"
    " javascript:window.__pwn=5"
)
HOSTILE_URL = "javascript:window.__pwn=6//"
FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "'=already quoted", "''@twice"]

#: Event text fields, and those a popup or tooltip shows.
_NUMERIC = {"time_precision", "latitude", "longitude", "geo_precision", "fatalities", "injuries", "uncertainty_m",
            "span_start", "span_end"}
TEXT_FIELDS = [f for f in EVENT_FIELDS if f not in _NUMERIC]
SHOWN = ["id", "doc_id", "event_date", "update_time", "date_note", "event_type", "sub_event_type", "actor1",
         "actor2", "location", "place_name_en", "place_name_ar", "admin1", "relation", "source", "evidence"]
#: Text fields the page carries (country and notes are not on the map; a javascript: url is dropped).
MAPPED = SHOWN + ["place_id", "language"]
READY = "window.kharitaMaps && window.kharitaMaps.length > 0 && window.kharitaMaps.every(s => s.ready)"


def probe(field: str) -> str:
    """The hostile text of one field, tagged with the field's name."""
    return f"[{field}] {HOSTILE}"


def hostile_record(i: int = 0, lat: float = 31.2089, lon: float = 16.5887) -> dict:
    """An event record (GeoJSON properties) with every text field hostile."""
    rec = make_event(1, lat, lon).to_dict()
    for f in TEXT_FIELDS:
        rec[f] = probe(f)
    rec["evidence"] += f" #{i}" if i else ""  # unique per event: large maps go over the compression threshold
    rec["url"] = HOSTILE_URL + probe("url")
    rec["uncertainty_wkt"] = probe("uncertainty_wkt")
    return rec


def hostile_claim() -> dict:
    return {"text": probe("claim"), "subject_name": probe("subject"), "anchor_name": probe("anchor"),
            "subject_lat": 31.2089, "subject_lon": 16.5887, "anchor_lat": 32.8872, "anchor_lon": 13.1913,
            "claimed_km": 450, "geodesic_km": 371.0, "road_km": 453.0, "direction": probe("direction"),
            "verdict": probe("verdict"), "explanation_en": probe("explanation"), "explanation_ar": probe("الشرح")}


HOSTILE_TOWN = ("user:evil", 28.5, 21.5, probe("town_en"), probe("town_ar"), 0)


def page_data(html: str) -> tuple[dict, bool]:
    """``(embedded event data, whether it was compressed)``."""
    m = re.search(r'<script type="application/json" id="[^"]+-data">(.*?)</script>', html, re.S)
    assert m, "no embedded event data"
    data = json.loads(m.group(1))
    if set(data) == {"z"}:
        return json.loads(zlib.decompress(base64.b64decode(data["z"])).decode("utf-8")), True
    return data, False


def page_strings(html: str) -> set[str]:
    """Every text of the page data (string table, event ids, event types), HTML entities decoded."""
    data = page_data(html)[0]
    return {htmllib.unescape(s) for s in data["S"] + data["cols"]["i"] + [t["name"] for t in data["T"]]}


def assert_not_evaluated(html: str) -> None:
    """Nothing of HOSTILE became markup, and no template ran."""
    assert not PWNED.exists(), "a template ran a shell command"
    assert "KHARITA_PWNED" not in os.environ, "a template ran Python code"
    for raw in ("<script>window.__pwn", "<img src=x", "</script><script>window.__pwn", 'onerror="window'):
        assert raw not in html
    strings = page_strings(html)
    assert not any("1337" in s for s in strings), "a template was evaluated"
    assert not any(s.lower().startswith("javascript:") for s in strings), "a javascript: URL was kept"


# --------------------------------------------------------------------------- HTML maps: the file


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory):
    """Rendered maps: {(offline, size): html} with size 'small' (plain) or 'large' (compressed)."""
    import geo.maps.core as maps

    towns = maps._basemap_towns() + (HOSTILE_TOWN,)
    small = [hostile_record()]
    large = [hostile_record(i, 30 + (i % 97) * 0.03, 15 + (i // 97) * 0.05) for i in range(1, 801)]
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(maps, "_basemap_towns", lambda: towns)
        for offline in (True, False):
            for size, recs in (("small", small), ("large", large)):
                out[offline, size] = render_html(recs, claims=[hostile_claim()], offline=offline,
                                                 title=probe("title"))
    return out


@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
@pytest.mark.parametrize("size", ["small", "large"])
def test_map_html_shows_hostile_text_literally(hostile_pages, offline, size):
    html = hostile_pages[offline, size]
    data, compressed = page_data(html)
    assert compressed == (size == "large")
    plain_len = len(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    assert (plain_len > COMPRESS_ABOVE) == (size == "large")  # on both sides of the threshold
    assert_not_evaluated(html)
    strings = page_strings(html)
    for f in MAPPED:
        assert probe(f) + (" #1" if size == "large" and f == "evidence" else "") in strings, f
    if offline:
        assert probe("town_en") in strings and probe("town_ar") in strings
    (claim,) = data["C"]
    popup = htmllib.unescape(claim["popup"])
    for part in ("claim", "subject", "anchor", "verdict", "explanation", "الشرح"):
        assert probe(part) in popup
    assert "<script>" not in claim["popup"] + claim["label"]
    assert htmllib.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)) == probe("title")
    if not compressed:  # template syntax sits in the file as written
        assert html.count("{{ 7*191 }}") >= len(SHOWN) and "{# kept #}" in html and "{% if 1 %}" in html


def test_template_syntax_alone_never_crashes_a_map():
    """An innocent ``{%`` or ``{#`` (which used to give exit 70 or vanish) is just text."""
    # runs Python in the kharita process if ever compiled as a template (no quotes: they would be escaped)
    shell = "{{ lipsum.__globals__.os.environ.__setitem__(dict(KHARITA_PWNED=1)|join, dict(yes=1)|join) }}"
    for text in ("{%", "{#", "{{", "{% endif %}", "{# a #}", "}}", "{%- raw %}", "{{ 7*191 }}", shell):
        for compress in (False, True):
            html = render_html([make_event(1, 31.2, 16.6, evidence=text, actor1=text)], title=text, compress=compress)
            assert text in page_strings(html)
            assert_not_evaluated(html)


def test_file_names_and_article_text_reach_the_map_literally(tmp_path, monkeypatch, capsys):
    """`kharita run` on an article named and filled with template syntax: no evaluation anywhere."""
    from geo.cli import main

    monkeypatch.chdir(tmp_path)
    art = tmp_path / "{{ 7*191 }} {# x #}.txt"
    art.write_text("اندلعت اشتباكات عنيفة في سرت بين قوات البنيان المرصوص وتنظيم داعش " + HOSTILE + ".\n",
                   encoding="utf-8")
    with pytest.raises(SystemExit) as ex:
        main(["run", str(art), "--date", "2016-06-09", "-o", str(tmp_path / "out" / "m.html")])
    assert ex.value.code == 0, capsys.readouterr().err
    html = (tmp_path / "out" / "m.html").read_text(encoding="utf-8")
    assert_not_evaluated(html)
    strings = page_strings(html)
    assert "{{ 7*191 }} {# x #}" in strings  # the document id (file name)
    assert any(HOSTILE in s for s in strings)  # the evidence sentence
    assert htmllib.unescape(re.search(r"<title>(.*?)</title>", html).group(1)) == "{{ 7*191 }} {# x #}"
    fc = json.loads((tmp_path / "out" / "m.events.geojson").read_text(encoding="utf-8"))
    assert any(HOSTILE in f["properties"]["evidence"] for f in fc["features"])


def test_cli_map_of_hostile_geojson_and_claims(tmp_path, capsys):
    from geo.cli import main

    src = tmp_path / "{{ 7*191 }}.geojson"
    feat = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [16.5887, 31.2089]},
            "properties": dict(hostile_record(), extra=probe("extra"))}
    # a file's event_date must be a date (the reader refuses anything else, with its line): here it is one
    feat["properties"]["event_date"] = "2016-06-09"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [feat]}), encoding="utf-8")
    bad = tmp_path / "bad-date.geojson"
    feat_bad = json.loads(json.dumps(feat))
    feat_bad["properties"]["event_date"] = probe("event_date")
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [feat_bad]}), encoding="utf-8")
    with pytest.raises(SystemExit) as ex:
        main(["map", str(bad), "-o", str(tmp_path / "bad.html")])
    assert ex.value.code == 2 and not (tmp_path / "bad.html").exists()
    capsys.readouterr()
    claims = tmp_path / "claims.json"
    claims.write_text(json.dumps([hostile_claim()]), encoding="utf-8")
    for flags in ([], ["--offline"]):
        out = tmp_path / f"m{len(flags)}.html"
        with pytest.raises(SystemExit) as ex:
            main(["map", str(src), "--claims", str(claims), *flags, "-o", str(out)])
        assert ex.value.code == 0, capsys.readouterr().err
        html = out.read_text(encoding="utf-8")
        assert_not_evaluated(html)
        assert probe("evidence") in page_strings(html)
        assert htmllib.unescape(re.search(r"<title>(.*?)</title>", html).group(1)) == "{{ 7*191 }}"


def test_user_gazetteer_names_reach_the_offline_map_literally(tmp_path):
    """A hostile town in the user overlay (imported by `kharita gazetteer import`) poisons no later map."""
    env = dict(os.environ, KHARITA_USER_GAZETTEER=str(tmp_path / "user.tsv"))
    overlay = tmp_path / "towns.csv"
    with overlay.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name_en", "name_ar", "lat", "lon", "feature_type"])
        w.writerow([probe("town_en"), probe("town_ar"), "28.5", "21.5", "town"])
    run = lambda *a: subprocess.run([sys.executable, "-m", "geo", *a], capture_output=True, text=True,  # noqa: E731
                                    env=env, cwd=tmp_path)
    r = run("gazetteer", "import", str(overlay))
    assert r.returncode == 0, r.stderr
    src = tmp_path / "ev.geojson"
    src.write_text(dumps_collection([make_event(1, 31.2, 16.6)]), encoding="utf-8")
    r = run("map", str(src), "--offline", "-o", str(tmp_path / "m.html"))
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert_not_evaluated(html)
    strings = page_strings(html)
    assert probe("town_en") in strings and probe("town_ar") in strings


# --------------------------------------------------------------------------- HTML maps: Chromium




_OPEN_ALL = """(limit) => {
  const s = window.kharitaMaps[0], map = s.group._map, out = [];
  const text = sel => { const el = document.querySelector(sel); return el ? el.innerText : ""; };
  s.markers.slice(0, limit).forEach(mk => {
    s.group.fire('click', {layer: mk}); out.push(text('.leaflet-popup-content'));
    s.group.fire('mouseover', {layer: mk}); out.push(text('.kharita-tip'));
  });
  map.eachLayer(l => {
    if (l instanceof L.Polyline && l.getPopup && l.getPopup()) { l.openPopup(); out.push(text('.leaflet-popup-content')); }
    if (l.getTooltip && l.getTooltip() && !(l._k >= 0)) {
      l.openTooltip(); const el = l.getTooltip().getElement(); if (el) { out.push(el.innerText); }
    }
  });
  out.push(document.body.innerText);
  return out;
}"""


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1100, "height": 750})
    log: list[str] = []
    page.on("pageerror", lambda e: log.append(str(e)))
    page.on("dialog", lambda d: (log.append("dialog: " + d.message), d.dismiss()))
    from xstatic.pkg import leaflet

    base = Path(leaflet.BASE_DIR)

    def route(r):
        url = r.request.url
        if url.startswith("file://"):
            return r.continue_()
        for cdn, name in ((LEAFLET_CDN_JS[0], "leaflet.js"), (LEAFLET_CDN_CSS[0], "leaflet.css")):
            if url == cdn:  # as the CDN answers (CORS allowed; the SRI check needs it)
                return r.fulfill(path=str(base / name), headers={"Access-Control-Allow-Origin": "*"})
        return r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function(READY, timeout=30000)
    return page, log


@pytest.mark.browser
@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
@pytest.mark.parametrize("size", ["small", "large"])
def test_map_in_chromium_runs_nothing_and_shows_text(browser, hostile_pages, tmp_path, offline, size):
    path = tmp_path / "m.html"
    path.write_text(hostile_pages[offline, size], encoding="utf-8")
    page, log = _open(browser, path)
    try:
        assert page.evaluate("window.kharitaMaps[0].error") is None
        texts = page.evaluate(_OPEN_ALL, 3)
        page.wait_for_timeout(100)
        assert page.evaluate("window.__pwn") is None, "injected script ran"
        assert log == []
        assert page.title() == probe("title")
        assert page.evaluate("document.querySelectorAll('img[src=\"x\"], a[href^=\"javascript:\" i]').length") == 0
        # no element came from the data: every <script> in the DOM is one kharita/folium wrote in the file
        assert page.evaluate("document.scripts.length") == hostile_pages[offline, size].count("<script")
        alltext = "\n".join(texts)
        assert "1337" not in alltext
        for f in SHOWN:
            assert probe(f) + (" #1" if size == "large" and f == "evidence" else "") in alltext, f
        for part in ("claim", "subject", "anchor", "verdict", "explanation", "الشرح", "title"):
            assert probe(part) in alltext, part
        if offline:
            assert probe("town_en") in alltext and probe("town_ar") in alltext
    finally:
        page.close()


@pytest.mark.browser
def test_online_map_refuses_a_tampered_cdn_leaflet(browser, tmp_path):
    """Subresource Integrity: a CDN serving other bytes gets no script run."""
    path = tmp_path / "online.html"
    path.write_text(render_html([make_event(1, 31.2, 16.6)]), encoding="utf-8")
    page = browser.new_page()
    tampered = "window.__tampered = true;"

    def route(r):
        if r.request.url.startswith("file://"):
            return r.continue_()
        if r.request.url == LEAFLET_CDN_JS[0]:
            return r.fulfill(body=tampered, content_type="application/javascript",
                             headers={"Access-Control-Allow-Origin": "*"})
        return r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate("window.__tampered") is None and page.evaluate("typeof window.L") == "undefined"
    page.close()


def test_online_map_loads_leaflet_with_subresource_integrity():
    import hashlib

    from xstatic.pkg import leaflet

    html = render_html([make_event(1, 31.2, 16.6)])
    assert leaflet.VERSION.startswith(LEAFLET_VERSION)
    base = Path(leaflet.BASE_DIR)
    for (url, sri), name in ((LEAFLET_CDN_JS, "leaflet.js"), (LEAFLET_CDN_CSS, "leaflet.css")):
        digest = base64.b64encode(hashlib.sha384((base / name).read_bytes()).digest()).decode("ascii")
        assert sri == f"sha384-{digest}", f"{name}: SRI hash does not match the XStatic file"
        assert f'"{url}" integrity="{sri}" crossorigin="anonymous"' in html
    tags = re.findall(r"<(?:script|link)\b[^>]*(?:src|href)=\"https?://[^>]*>", html)
    assert len(tags) == 2 and all("integrity=" in t and "crossorigin=" in t for t in tags)


# --------------------------------------------------------------------------- CSV and GeoJSON


_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _check_cell(s: str) -> None:
    cell = csv_cell(s)
    assert csv_uncell(cell) == s
    if cell.startswith(_TRIGGERS):
        float(cell)  # only plain numbers may start with a trigger


@given(st.text())
def test_csv_cell_rule_is_safe_and_reversible(s):
    _check_cell(s)


@given(st.sampled_from(FORMULAS + ["-12", "+3.5", "-1e3", "", "'", "سرت", "a=b"]), st.text(max_size=8))
def test_csv_cell_rule_on_formula_prefixes(head, tail):
    _check_cell(head + tail)
    assert csv_cell("-12.5") == "-12.5" and csv_cell("=1") == "'=1" and csv_cell("'=1") == "''=1"


def _formula_events():
    evs = []
    for i, f in enumerate(FORMULAS, start=1):
        kw = {name: f"{f} {name}" for name in ("actor1", "actor2", "location", "notes", "source", "evidence",
                                                "place_name_en", "place_name_ar", "admin1", "date_note")}
        evs.append(make_event(i, -5.5 - i / 10, -7.25, doc=f"{f}doc", **kw))
    evs.append(make_event(99, 31.2, 16.6, evidence=HOSTILE, actor1=HOSTILE, url=HOSTILE_URL))
    return evs


def test_csv_output_neutralises_formulas_and_reads_back(tmp_path):
    evs = _formula_events()
    path = tmp_path / "ev.csv"
    write_events(evs, path)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    kinds = {c.name: c.kind for c in SCHEMA}
    for row in body:
        for name, cell in zip(header, row):
            if kinds.get(name, "text").startswith("text"):
                assert not cell.startswith(_TRIGGERS), (name, cell)
            elif name in ("latitude", "longitude") and cell.startswith("-"):
                float(cell)  # negative numbers stay numbers
    assert any(cell.startswith("'=HYPERLINK") for row in body for cell in row)
    assert sum(row[header.index("latitude")].startswith("-") for row in body) == len(FORMULAS)
    back = {e.id: e for e in from_frame(read_events(path))}
    for e in evs:
        b = back[e.id]
        for f in TEXT_FIELDS:
            assert getattr(b, f) == getattr(e, f) or (getattr(e, f) in (None, "") and getattr(b, f) in (None, "")), f
        assert b.latitude == e.latitude and b.longitude == e.longitude


def test_geojson_output_keeps_hostile_text_as_data(tmp_path):
    evs = _formula_events()
    for path in (tmp_path / "a.geojson",):
        write_events(evs, path)
        text = path.read_text(encoding="utf-8")
        assert "{{ 7*191 }}" in text and "1337" not in text
        got = {f["id"]: f["properties"] for f in json.loads(text)["features"]}
        for e in evs:
            assert got[e.id]["evidence"] == e.evidence and got[e.id]["actor1"] == e.actor1
    assert dumps_collection(evs) == text  # the extract command's writer: the same bytes
    by_id = {f["id"]: f["properties"] for f in json.loads(dumps_collection(evs, sort=False))["features"]}
    assert by_id[evs[-1].id]["evidence"] == HOSTILE


def test_acled_import_to_csv_neutralises_formulas(tmp_path, capsys):
    from geo.cli import main

    with (FIXTURES / "acled-current-sample.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    notes, actor = rows[0].index("notes"), rows[0].index("actor1")
    rows[1][notes] = "=HYPERLINK(\"http://evil.example\",\"click\")"
    rows[1][actor] = "@SUM(1+1)*cmd|' /C calc'!A0"
    src = tmp_path / "acled.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    out = tmp_path / "events.csv"
    with pytest.raises(SystemExit) as ex:
        main(["acled", "import", str(src), "--no-gazetteer", "-o", str(out)])
    assert ex.value.code == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "'@SUM" in text
    assert not re.search(r'(^|,)"?[=@]', text, re.M)
    back = read_events(out)
    assert rows[1][notes] in set(back["notes"]) and rows[1][actor] in set(back["actor1"])


# --------------------------------------------------------------------------- data loss


def _run(capsys, *args) -> tuple[int, str, str]:
    from geo.cli import main

    with pytest.raises(SystemExit) as ex:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return ex.value.code, out, err


def _one_line_error(err: str, name: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kharita: error:") and Path(name).name in lines[0], err


@pytest.fixture()
def work(tmp_path):
    """An article, its events GeoJSON, a claims file and a corpus in ``tmp_path``."""
    shutil.copy(FIXTURES / "sirte-live-2016-ar.txt", tmp_path / "a.txt")
    (tmp_path / "x.geojson").write_text(dumps_collection([make_event(1, 31.2, 16.6)]), encoding="utf-8")
    (tmp_path / "c.json").write_text("[]\n", encoding="utf-8")
    shutil.copy(FIXTURES / "acled-current-sample.csv", tmp_path / "f.csv")
    text = (FIXTURES / "sirte-live-2016-ar.txt").read_text(encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text(
        "".join(json.dumps({"id": f"d{i}", "text": text, "date": "2016-06-09"}, ensure_ascii=False) + "\n"
                for i in range(2)), encoding="utf-8")
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("target", ["foreign.jsonl", "corpus.jsonl", "dir/events.jsonl"])
def test_resume_into_a_file_kharita_did_not_write_keeps_its_bytes(work, capsys, target):
    out = work / target
    out.parent.mkdir(exist_ok=True)
    if not out.exists():
        out.write_bytes(b'{"not": "kharita"}\n' * 100)
    before = _snapshot(work)
    o = out.parent if target.startswith("dir/") else out
    code, _, err = _run(capsys, "extract", work / "corpus.jsonl", "--stream", "--format", "jsonl", "--jobs", "1",
                        "--resume", "-o", o)
    assert code == 2
    _one_line_error(err, out.name if target != "corpus.jsonl" else "corpus.jsonl")
    assert _snapshot(work) == before  # nothing truncated, no manifest created


def test_resume_into_parquet_parts_without_manifest_keeps_them(work, capsys):
    parts = work / "parts"
    parts.mkdir()
    (parts / "part-00000.parquet").write_bytes(b"PAR1 not ours")
    code, _, err = _run(capsys, "extract", work / "corpus.jsonl", "--stream", "--format", "parquet", "--jobs", "1",
                        "--resume", "-o", parts)
    assert code == 2 and "manifest" in err
    assert (parts / "part-00000.parquet").read_bytes() == b"PAR1 not ours"


def test_resume_of_a_real_run_still_works(work, capsys):
    out = work / "ev.jsonl"
    assert _run(capsys, "extract", work / "corpus.jsonl", "--stream", "--jobs", "1", "-o", out)[0] == 0
    first = out.read_bytes()
    assert first and _run(capsys, "extract", work / "corpus.jsonl", "--stream", "--jobs", "1", "--resume",
                          "-o", out)[0] == 0
    assert out.read_bytes() == first


@pytest.mark.parametrize("args", [
    ["extract", "a.txt", "-o", "a.txt"],
    ["extract", "a.txt", "-o", "sub/../a.txt"],
    ["extract", "a.txt", "-o", "alias.txt"],  # a symlink to a.txt
    ["extract", "a.txt", "-o", "hard.txt"],  # a hard link to a.txt
    ["extract", ".", "-o", "a.txt"],  # a file of the input folder
    ["extract", "corpus.jsonl", "--stream", "-o", "corpus.jsonl"],
    ["extract", "corpus.jsonl", "--format", "csv", "-o", "corpus.jsonl"],
    ["map", "x.geojson", "-o", "x.geojson"],
    ["map", "x.geojson", "--claims", "c.json", "-o", "c.json"],
    ["acled", "import", "f.csv", "-o", "f.csv"],
    ["events", "convert", "x.geojson", "x.geojson"],
    ["events", "convert", "x.geojson", "./x.geojson"],
    ["run", "a.txt", "-o", "a.txt"],
    ["gazetteer", "import", "f.csv", "--user-table", "f.csv"],
], ids=lambda a: " ".join(a))
def test_output_equal_to_an_input_is_refused(work, capsys, monkeypatch, args):
    monkeypatch.chdir(work)
    (work / "sub").mkdir()
    (work / "alias.txt").symlink_to("a.txt")
    os.link(work / "a.txt", work / "hard.txt")
    before = _snapshot(work)
    code, _, err = _run(capsys, *args)
    assert code == 2
    _one_line_error(err, args[args.index("-o") + 1] if "-o" in args else args[-1])
    assert "input" in err
    assert _snapshot(work) == before


def _is_link_to(link: Path, target: Path) -> bool:
    return link.is_symlink() and Path(os.path.realpath(link)) == target.resolve()


@pytest.mark.parametrize("cmd,suffix", [
    (["extract", "a.txt", "--date", "2016-06-09"], ".geojson"),
    (["extract", "a.txt", "--date", "2016-06-09", "--format", "csv"], ".csv"),
    (["map", "x.geojson"], ".html"),
    (["acled", "import", "f.csv", "--no-gazetteer"], ".geojson"),
], ids=lambda c: " ".join(c) if isinstance(c, list) else c)
def test_output_to_a_symlink_writes_its_target(work, capsys, monkeypatch, cmd, suffix):
    monkeypatch.chdir(work)
    (work / "real").mkdir()
    target = work / "real" / f"out{suffix}"
    target.write_text("old", encoding="utf-8")
    link = work / f"link{suffix}"
    link.symlink_to(target)
    code, _, err = _run(capsys, *cmd, "-o", link)
    assert code == 0, err
    assert _is_link_to(link, target), "the symlink was replaced"
    assert target.read_text(encoding="utf-8") != "old" and target.stat().st_size > 100
    dangling = work / f"dangling{suffix}"
    dangling.symlink_to(work / "real" / f"new{suffix}")
    assert _run(capsys, *cmd, "-o", dangling)[0] == 0
    assert dangling.is_symlink() and (work / "real" / f"new{suffix}").stat().st_size > 100


def test_events_convert_to_a_symlink_writes_its_target(work, capsys):
    target = work / "t.csv"
    link = work / "l.csv"
    link.symlink_to(target)
    assert _run(capsys, "events", "convert", work / "x.geojson", link)[0] == 0
    assert _is_link_to(link, target) and len(read_events(target)) == 1


def test_dash_output_is_standard_output(work, capsys, monkeypatch):
    monkeypatch.chdir(work)
    code, out, err = _run(capsys, "extract", "a.txt", "--date", "2016-06-09", "-o", "-")
    assert code == 0 and json.loads(out)["type"] == "FeatureCollection" and not (work / "-").exists()
    code, out, err = _run(capsys, "map", "x.geojson", "--offline", "-o", "-")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert page_data(out)[0]["n"] == 1 and "events drawn" in err
    code, out, err = _run(capsys, "events", "convert", "x.geojson", "-", "--format", "csv")
    assert code == 0 and out.startswith("event_id_cnty,") and "wrote 1 events" in err
    code, out, err = _run(capsys, "acled", "import", "f.csv", "--no-gazetteer", "--format", "geojson", "-o", "-")
    assert code == 0 and json.loads(out)["features"] and "rows read" in err
    assert not (work / "-").exists()
    code, _, err = _run(capsys, "events", "convert", "x.geojson", "-")
    assert code == 2 and "--format" in err
    code, _, err = _run(capsys, "extract", "corpus.jsonl", "--stream", "-o", "-")
    assert code == 2 and "standard output" in err
    code, _, err = _run(capsys, "run", "a.txt", "-o", "-")
    assert code == 2


def test_dev_stdout_output_gets_only_the_data(work):
    r = subprocess.run([sys.executable, "-m", "geo", "map", str(work / "x.geojson"), "-o", "/dev/stdout"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("<!DOCTYPE html>") and r.stdout.endswith("</html>\n")  # no path line after it


def _read_fifo(path: Path, sink: list) -> threading.Thread:
    def read():
        with open(path, "rb") as fh:
            sink.append(fh.read())

    t = threading.Thread(target=read, daemon=True)
    t.start()
    return t


@pytest.mark.parametrize("cmd", [["map", "x.geojson", "-o"], ["extract", "a.txt", "-o"],
                                 ["events", "convert", "x.geojson"]], ids=lambda c: c[0])
def test_fifo_output_is_written_in_place(work, capsys, cmd):
    fifo = work / ("out.csv" if cmd[0] == "events" else "out.html")
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    try:
        code, _, err = _run(capsys, *[work / c if (work / c).exists() else c for c in cmd], fifo)
    finally:
        reader.join(timeout=30)
        if reader.is_alive():  # unblock the reader so that the test ends
            with open(fifo, "wb"):
                pass
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert got and len(got[0]) > 100


def test_special_files_are_written_in_place_or_refused(work, capsys):
    assert _destination("/dev/null") == ("special", Path("/dev/null"))
    assert _destination("-") == ("stdout", None)
    fifo = work / "ev.jsonl"
    os.mkfifo(fifo)
    code, _, err = _run(capsys, "extract", work / "corpus.jsonl", "--stream", "-o", fifo)
    assert code == 2 and "regular file" in err and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(InputError, match="directory"):
        write_text(work, "x")


def test_no_template_ever_ran_a_command():
    assert not PWNED.exists()
