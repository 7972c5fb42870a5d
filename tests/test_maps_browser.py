"""Maps opened in a real headless Chromium with the network blocked."""

from __future__ import annotations

import base64
import io
import re
import zlib
from pathlib import Path

import pytest

from conftest_browser import make_events
from geo.maps import render_html

pytestmark = pytest.mark.browser

READY = "window.kharitaMaps && window.kharitaMaps.length > 0 && window.kharitaMaps.every(s => s.ready)"




@pytest.fixture(scope="module")
def events():
    return make_events()


def _open(browser, path: Path, fulfil: dict[str, Path] | None = None):
    """Open a file:// page; every other request is aborted (or fulfilled from a local file)."""
    page = browser.new_page(viewport={"width": 1100, "height": 750})
    log = {"console": [], "blocked": []}
    page.on("console", lambda m: log["console"].append((m.type, m.text)))
    page.on("pageerror", lambda e: log["console"].append(("pageerror", str(e))))

    def route(r):
        url = r.request.url
        if url.startswith("file://"):
            return r.continue_()
        for suffix, local in (fulfil or {}).items():
            if url.endswith(suffix):  # as the CDN answers: CORS allowed (the SRI check needs it)
                return r.fulfill(path=str(local), headers={"Access-Control-Allow-Origin": "*"})
        log["blocked"].append(url)
        return r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function(READY, timeout=30000)
    return page, log


def _errors(log, ignore_blocked=False):
    errs = [t for k, t in log["console"] if k in ("error", "pageerror")]
    if ignore_blocked:
        errs = [t for t in errs if "ERR_FAILED" not in t and "Failed to load resource" not in t]
    return errs


@pytest.fixture(scope="module")
def offline_page(browser, events, tmp_path_factory):
    path = tmp_path_factory.mktemp("maps") / "offline.html"
    path.write_text(render_html(events, offline=True, title="اختبار"), encoding="utf-8")
    page, log = _open(browser, path)
    yield page, log
    page.close()


def test_offline_map_loads_leaflet_and_draws_every_located_event(offline_page, events):
    page, log = offline_page
    assert page.evaluate("typeof window.L") == "object"
    st = page.evaluate("(() => { const s = window.kharitaMaps[0]; return {err: s.error, n: s.located,"
                       " drawn: s.group.getLayers().length, shown: s.shown}; })()")
    located = sum(e.latitude is not None for e in events)
    assert st == {"err": None, "n": located, "drawn": located, "shown": located}
    assert log["blocked"] == [], "the offline page asked the network"
    assert _errors(log) == []


def test_xss_probe_ran_no_script(offline_page):
    page, _log = offline_page
    # open every popup and tooltip so that all article text is inserted into the DOM
    page.evaluate("""(() => { const s = window.kharitaMaps[0], map = s.group._map;
        s.markers.forEach(mk => { s.group.fire('click', {layer: mk}); s.group.fire('mouseover', {layer: mk}); }); })()""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
    assert page.title() == "اختبار"
    assert page.locator("img[src=x]").count() == 0 and page.locator(".leaflet-popup script").count() == 0


def test_click_opens_bilingual_popup_with_rtl_evidence(offline_page):
    page, _log = offline_page
    page.evaluate("window.kharitaMaps[0].group._map.closePopup(); null")
    xy = page.evaluate("""(() => { const s = window.kharitaMaps[0], map = s.group._map, mk = s.markers[2];
        const p = map.latLngToContainerPoint(mk.getLatLng()), r = map.getContainer().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; })()""")
    page.mouse.click(*xy)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    ev = popup.locator("blockquote.kp-evidence")
    assert ev.get_attribute("dir") == "rtl"
    assert "مظاهرة في طرابلس `${window.__xss=3}`" in ev.inner_text()  # shown as text, not run
    assert "Tripoli" in popup.inner_text() and "طرابلس" in popup.locator(".kp-ar").inner_text()
    assert "javascript:" not in popup.inner_html()
    font = page.evaluate("getComputedStyle(document.querySelector('blockquote.kp-evidence')).fontFamily")
    assert "DejaVu Sans" in font or "Noto" in font


def test_type_layer_and_date_filters_hide_markers(offline_page, events):
    page, _log = offline_page
    located = sum(e.latitude is not None for e in events)
    page.locator(".leaflet-control-layers").hover()
    page.get_by_text("Protests (1)").click()
    assert page.evaluate("window.kharitaMaps[0].shown") == located - 1
    page.get_by_text("Protests (1)").click()
    assert page.evaluate("window.kharitaMaps[0].shown") == located
    page.mouse.move(5, 400)
    hi = page.locator(".kharita-time .kt-hi")
    hi.fill("0")  # only the first date (+ undated)
    first = min(e.event_date for e in events if e.event_date and e.latitude is not None)
    expect = sum(1 for e in events if e.latitude is not None and (e.event_date in (None, first)))
    assert page.evaluate("window.kharitaMaps[0].shown") == expect


def test_screenshot_is_not_blank(offline_page, tmp_path_factory):
    from PIL import Image

    page, _log = offline_page
    png = page.screenshot()
    img = Image.open(io.BytesIO(png)).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50
    # the Libya fill colour of the basemap covers a good part of the view
    assert max(n for n, _ in colours) < img.width * img.height * 0.9


@pytest.mark.parametrize("piece", [None, 16_384])
def test_large_compressed_map_draws_in_browser(browser, events, tmp_path, monkeypatch, piece):
    # piece: the payload deflated in one pass, or in many pieces joined by sync flushes (geo.maps.core.deflate,
    # as a 100k-event map is): Chromium's DecompressionStream must read both
    import geo.maps.core as core
    from conftest_browser import make_event

    if piece:
        monkeypatch.setattr(core, "DEFLATE_PIECE", piece)
    many = [make_event(i, 30 + (i % 97) * 0.03, 15 + (i // 97) * 0.05, date=f"2016-06-{1 + i % 28:02d}",
                       evidence=f"جملة رقم {i % 300}") for i in range(3000)]
    path = tmp_path / "big.html"
    html = render_html(many, offline=True, compress=True)
    raw = zlib.decompress(base64.b64decode(re.search(r'\{"z":"([^"]+)"\}', html).group(1)))
    assert len(raw) > 10 * 16_384  # so the small piece size really splits it
    path.write_text(html, encoding="utf-8")
    page, log = _open(browser, path)
    assert page.evaluate("window.kharitaMaps[0].group.getLayers().length") == 3000
    assert page.evaluate("!!window.kharitaMaps[0].timeControl")
    assert _errors(log) == [] and log["blocked"] == []
    page.close()


def test_online_map_needs_only_leaflet(browser, events, tmp_path):
    from xstatic.pkg import leaflet

    path = tmp_path / "online.html"
    path.write_text(render_html(events), encoding="utf-8")
    base = Path(leaflet.BASE_DIR)
    page, log = _open(browser, path, fulfil={"/leaflet.js": base / "leaflet.js", "/leaflet.css": base / "leaflet.css"})
    assert page.evaluate("window.kharitaMaps[0].group.getLayers().length") == sum(e.latitude is not None for e in events)
    assert log["blocked"] and all("tile.openstreetmap.org" in u for u in log["blocked"])  # only tiles were asked
    assert _errors(log, ignore_blocked=True) == []
    page.close()


# --------------------------------------------------------------------------- basemap at street level, purposes
_ON_LAND = """(pts) => {
  // alpha of the basemap canvas (land, districts, borders; nothing else is drawn on it) under each point
  const s = window.kharitaMaps[0], map = s.group._map, r = s.baseRenderer, out = [];
  const ctx = r._container.getContext("2d"), dpr = r._container.width / (r._bounds.max.x - r._bounds.min.x);
  for (const [lat, lon] of pts) {
    map.setView([lat, lon], 12, {animate: false});
    r._update(); r._redraw();  // draw now, not on the next animation frame
    const p = map.latLngToLayerPoint([lat, lon]).subtract(r._bounds.min);
    out.push(ctx.getImageData(Math.round(p.x * dpr), Math.round(p.y * dpr), 1, 1).data[3]);
  }
  return out;
}"""


@pytest.mark.parametrize("city", ["Tripoli", "Benghazi", "Misrata"])
def test_zoom_12_over_the_city_every_gazetteer_place_is_on_land(offline_page, city):
    from test_maps import city_places

    page, log = offline_page
    places = city_places()[city]
    pts = sorted({(float(r["lat"]), float(r["lon"])) for r in places})
    alpha = page.evaluate(_ON_LAND, [list(p) for p in pts])
    assert page.evaluate("window.kharitaMaps[0].group._map.getZoom()") == 12
    at_sea = [p for p, a in zip(pts, alpha) if a == 0]
    assert at_sea == [], f"drawn at sea at zoom 12: {at_sea}"
    # and the sea is sea: a point 5 km off the city's coast reads as empty canvas
    off = {"Tripoli": (32.95, 13.19), "Benghazi": (32.12, 19.98), "Misrata": (32.45, 15.20)}[city]
    assert page.evaluate(_ON_LAND, [list(off)]) == [0]
    assert _errors(log) == []


def test_districts_layer_is_drawn_and_labelled_in_arabic_and_english(offline_page):
    import csv

    page, _log = offline_page
    rows = list(csv.DictReader((Path(__file__).parents[1] / "gazetteer/data/districts.csv").open(encoding="utf-8")))
    page.evaluate("window.kharitaMaps[0].group._map.setView([30.5, 17.5], 9, {animate: false}); null")
    assert page.evaluate("window.kharitaMaps[0].districts") == 22
    labels = page.locator(".kharita-district .kd-label")
    assert labels.count() == 22
    texts = labels.all_inner_texts()
    for r in rows:
        assert any(r["name_ar"] in t and r["name_en"] in t for t in texts), r["name_en"]
    assert page.locator(".kharita-district .kd-ar[lang=ar][dir=rtl]").count() == 22
    page.locator(".leaflet-control-layers").hover()
    assert page.get_by_text("Districts · الشعبيات (22)").count() == 1
    page.mouse.move(5, 400)
    # at zoom 12 over Tripoli the Tripoli district label is shown
    page.evaluate("window.kharitaMaps[0].group._map.setView([32.85, 13.2], 12, {animate: false}); null")
    shown = page.evaluate("""Array.from(document.querySelectorAll('.kharita-district'))
        .filter(e => e.style.display !== 'none').map(e => e.innerText)""")
    assert any("Tripoli" in t and "طرابلس" in t for t in shown)


def test_choropleth_draws_one_polygon_per_district_with_the_frame_counts(browser, events, tmp_path):
    from test_maps import basemap_shapes

    import geopandas as gpd

    from geo.io import frame

    many = [e for e in events for _ in range(4)]
    path = tmp_path / "choro.html"
    from xstatic.pkg import leaflet

    path.write_text(render_html(many, choropleth="fatalities"), encoding="utf-8")  # online: tiles blocked
    base = Path(leaflet.BASE_DIR)
    page, log = _open(browser, path, fulfil={"/leaflet.js": base / "leaflet.js", "/leaflet.css": base / "leaflet.css"})
    st = page.evaluate("""(() => { const c = window.kharitaMaps[0].choropleth;
        return {n: c.layers.length, values: c.values, metric: c.metric,
                onMap: c.layers.filter(l => l._map).length, ids: c.layers.map(l => l._district)}; })()""")
    assert st["n"] == st["onMap"] == 22 and st["metric"] == "fatalities"
    gdf = frame.to_frame(many)
    gdf = gdf[gdf.geometry.notna()]
    _land, districts = basemap_shapes()
    polys = gpd.GeoDataFrame({"district": list(districts)}, geometry=list(districts.values()), crs="EPSG:4326")
    j = gpd.sjoin(gdf, polys, predicate="within")
    n, f = j.groupby("district").size().to_dict(), j.groupby("district")["fatalities"].sum().to_dict()
    assert [v[0] for v in st["values"]] == [n.get(d, 0) for d in st["ids"]]
    assert [v[1] for v in st["values"]] == [int(f.get(d, 0)) for d in st["ids"]]
    page.locator(".kharita-choro input[value='0']").check()
    assert page.evaluate("window.kharitaMaps[0].choropleth.metric") == "events"
    assert _errors(log, ignore_blocked=True) == []
    page.close()


def test_heat_layer_and_colour_by_actor_draw_offline(browser, tmp_path):
    from conftest_browser import make_event

    many = [make_event(i, 32.0 + (i % 40) * 0.01, 13.0 + (i // 40) * 0.01, actor1=f"Group {i % 3}")
            for i in range(2400)]
    path = tmp_path / "heat.html"
    path.write_text(render_html(many, offline=True, heat=True, by="actor"), encoding="utf-8")
    page, log = _open(browser, path)
    st = page.evaluate("""(() => { const s = window.kharitaMaps[0], m = s.heat._map;
        return {heat: !!m, canvas: !!document.querySelector('canvas.leaflet-heatmap-layer'),
                markersOnMap: !!s.group._map, pts: s.heat._latlngs.length}; })()""")
    assert st == {"heat": True, "canvas": True, "markersOnMap": False, "pts": 2400}
    assert page.get_by_text("Colour: first actor").count() == 1
    assert _errors(log) == [] and log["blocked"] == []
    page.close()
