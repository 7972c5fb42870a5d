"""Helpers of the map tests: synthetic events (Arabic text and XSS probes) and a
headless Chromium with every non-file request blocked.

Imported by ``tests/test_maps.py`` and ``tests/test_maps_browser.py``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from geo.events import Event, event_id
from geo.geodesy import circle_lonlat, ring_to_wkt, sector_lonlat

CHROMIUM = os.environ.get("KHARITA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

XSS_EVIDENCE = [
    "اشتباكات في سرت <script>window.__xss=1;document.title='pwned'</script>",
    'قصف <img src=x onerror="window.__xss=2;document.title=\'pwned\'">',
    "مظاهرة في طرابلس `${window.__xss=3}` \\' \"); window.__xss=4; //",
]


def make_event(i: int, lat, lon, *, event_type="Battles", date="2016-06-09", doc="doc-a",
               ar="سرت", en="Sirte", evidence="اندلعت اشتباكات عنيفة في سرت", **kw) -> Event:
    d = dict(
        id=event_id(doc, 10 * i, 10 * i + 4, event_type), doc_id=doc, event_date=date, time_precision=1,
        date_note="document date", update_time="10:15", event_type=event_type, sub_event_type="Armed clash",
        actor1="Military Forces of Libya", actor2="Islamic State (Libya)", location=ar, place_id=f"ly:p{i}",
        place_name_en=en, place_name_ar=ar, admin1="Surt", country="LY", latitude=lat, longitude=lon,
        geo_precision=1, relation="", uncertainty_m=None, uncertainty_wkt=None, fatalities=2, injuries=5,
        source="Al Wasat", url="https://example.org/live", language="ar", evidence=evidence,
        span_start=10 * i, span_end=10 * i + 4, notes="",
    )
    d.update(kw)
    return Event(**d)


def make_events() -> list[Event]:
    """Seven events: three located XSS probes, a sector, a circle, two unresolved."""
    return [
        make_event(1, 31.2089, 16.5887, evidence=XSS_EVIDENCE[0]),
        make_event(2, 31.19, 16.55, event_type="Explosions/Remote violence", date="2016-06-10",
                   ar="قاعدة القرضابية <b>", en="Qardabiya <i>base</i>", evidence=XSS_EVIDENCE[1],
                   relation="near", geo_precision=2, uncertainty_m=5000.0,
                   uncertainty_wkt=ring_to_wkt(circle_lonlat(31.19, 16.55, 5000))),
        make_event(3, 32.8872, 13.1913, event_type="Protests", date="2016-06-11", ar="طرابلس", en="Tripoli",
                   evidence=XSS_EVIDENCE[2], url="javascript:window.__xss=5", doc="doc-b", actor1="Protesters (Libya)",
                   actor2="", fatalities=None, injuries=None),
        make_event(4, 31.05, 16.2, event_type="Violence against civilians", date="2016-06-11",
                   ar="غرب سرت", en="west of Sirte", relation="west_of", geo_precision=2, uncertainty_m=30000.0,
                   uncertainty_wkt=ring_to_wkt(sector_lonlat(31.2089, 16.5887, 270, 22.5, 5000, 40000))),
        make_event(5, 32.1167, 20.0667, event_type="Strategic developments", date=None, ar="بنغازي",
                   en="Benghazi", evidence="The army announced control of the port.", language="en"),
        make_event(6, None, None, ar="مكان مجهول", en="", evidence="لا موقع"),
        make_event(7, None, None, event_type="Riots", date="2016-06-12", ar="؟", en=""),
    ]


def browser_or_fail():
    """Launch Chromium via Playwright; FAIL (not skip) with a hint when it is missing."""
    if os.environ.get("KHARITA_SKIP_BROWSER") == "1":
        pytest.skip("KHARITA_SKIP_BROWSER=1: browser tests deliberately skipped")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make chromium` (or set KHARITA_SKIP_BROWSER=1 "
                    "to skip the browser tests deliberately)", pytrace=False)
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        return pw, pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as e:  # noqa: BLE001 - report any launch failure as a test failure
        pw.stop()
        pytest.fail(f"Chromium at {CHROMIUM} did not start ({e}); run `make chromium`", pytrace=False)
