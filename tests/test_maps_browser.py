"""Maps opened in a real headless Chromium with the network blocked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest_browser import browser_or_fail, make_events
from geo.maps import render_html

pytestmark = pytest.mark.browser

READY = "window.kharitaMaps && window.kharitaMaps.length > 0 && window.kharitaMaps.every(s => s.ready)"


@pytest.fixture(scope="module")
def browser():
    pw, b = browser_or_fail()
    yield b
    b.close()
    pw.stop()


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


def test_large_compressed_map_draws_in_browser(browser, events, tmp_path):
    from conftest_browser import make_event

    many = [make_event(i, 30 + (i % 97) * 0.03, 15 + (i // 97) * 0.05, date=f"2016-06-{1 + i % 28:02d}",
                       evidence=f"جملة رقم {i % 300}") for i in range(3000)]
    path = tmp_path / "big.html"
    path.write_text(render_html(many, offline=True, compress=True), encoding="utf-8")
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
