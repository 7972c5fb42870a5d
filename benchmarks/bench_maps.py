"""HTML size and generation time of kharita maps vs a naive folium map (Marker + Popup per event).

Synthetic events shaped like extracted ones: 300 places, 40 actors, 6 event types,
one ~130-character Arabic evidence sentence per two events (so half the text is
unique, the hard case), 60 dates, 1 in 5 events with a 49-vertex uncertainty circle.
The naive map is measured up to 10k events (100k would take minutes and ~90 MB).

Usage: python benchmarks/bench_maps.py [--sizes 1000 10000 100000] [--naive-max 10000]
"""

from __future__ import annotations

import argparse
import random
import time

from geo.events import Event, event_id
from geo.geodesy import circle_lonlat, ring_to_wkt
from geo.html import escape
from geo.maps import EVENT_STYLES, render_html

WORDS = "اندلعت اشتباكات عنيفة بين قوات الجيش ومسلحي التنظيم في محيط المدينة وسط أنباء عن سقوط قتلى وجرحى من الطرفين".split()


def synthetic(n: int, seed: int = 1) -> list[Event]:
    rnd = random.Random(seed)
    places = [(f"ly:p{k}", 25 + rnd.random() * 8, 10 + rnd.random() * 15) for k in range(300)]
    actors = [f"Actor group {k}" for k in range(40)]
    types = list(EVENT_STYLES)
    rings = {}
    out = []
    for i in range(n):
        pid, lat, lon = places[rnd.randrange(300)]
        sent = " ".join(rnd.choice(WORDS) for _ in range(22)) + f" ({i // 2})"
        wkt = None
        if i % 5 == 0:
            wkt = rings.get(pid) or rings.setdefault(pid, ring_to_wkt(circle_lonlat(lat, lon, 5000)))
        doc = f"doc-{i // 20}"
        out.append(Event(
            id=event_id(doc, i, i + 4), doc_id=doc, event_date=f"2016-{6 + (i % 60) // 30:02d}-{1 + i % 30:02d}",
            time_precision=1, date_note="document date", update_time=f"{i % 24:02d}:00",
            event_type=types[i % 6], sub_event_type="Armed clash", actor1=rnd.choice(actors), actor2=rnd.choice(actors),
            location=f"مكان {pid}", place_id=pid, place_name_en=f"Place {pid}", place_name_ar=f"مكان {pid}",
            admin1="Surt", country="LY", latitude=round(lat, 5), longitude=round(lon, 5), geo_precision=1 + (wkt is not None),
            relation="near" if wkt else "", uncertainty_m=5000.0 if wkt else None, uncertainty_wkt=wkt,
            fatalities=i % 7 or None, injuries=None, source="Al Wasat", url=f"https://example.org/{i // 20}",
            language="ar", evidence=sent, span_start=i, span_end=i + 4, notes=""))
    return out


def naive_html(events: list[Event]) -> str:
    """The plain folium way: one Marker and one Popup (same fields) per event."""
    import folium

    m = folium.Map(location=[27, 17], zoom_start=6)
    for e in events:
        html = (f"<b>{escape(e.event_type)}</b><br>{escape(e.place_name_ar)} · {escape(e.place_name_en)}<br>"
                f"{escape(e.event_date)} {escape(e.update_time)}<br>{escape(e.actor1)} / {escape(e.actor2)}<br>"
                f"{e.fatalities}<br><span dir='rtl'>{escape(e.evidence)}</span><br>{escape(e.source)}")
        folium.Marker([e.latitude, e.longitude], popup=folium.Popup(html, max_width=400),
                      tooltip=escape(e.place_name_en)).add_to(m)
    return m.get_root().render()


def timed(fn, *a, **kw):
    """Result and CPU seconds (process time: fair on a shared, loaded machine)."""
    t = time.process_time()
    out = fn(*a, **kw)
    return out, time.process_time() - t


def browser_seconds(html: str) -> tuple[float, float]:
    """Seconds from navigation to the first drawn canvas, and for one zoom + drag, in headless Chromium."""
    import tempfile
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as d:
        page_path = Path(d) / "map.html"
        page_path.write_text(html, encoding="utf-8")
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"])
            pg = b.new_page(viewport={"width": 1200, "height": 800})
            pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            t = time.perf_counter()
            pg.goto(page_path.as_uri(), wait_until="load")
            pg.wait_for_function("() => window.L && document.querySelector('.leaflet-overlay-pane canvas')",
                                 timeout=120000)
            first = time.perf_counter() - t
            t = time.perf_counter()
            pg.mouse.move(600, 400)
            pg.mouse.wheel(0, -300)
            pg.mouse.down()
            pg.mouse.move(700, 450, steps=5)
            pg.mouse.up()
            pg.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            interact = time.perf_counter() - t
            b.close()
    return first, interact


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--naive-max", type=int, default=10000)
    ap.add_argument("--no-browser", action="store_true", help="skip timing the offline maps in Chromium")
    args = ap.parse_args()
    print(f"{'events':>8} {'mode':>8} {'kharita MB':>10} {'cpu s':>6} {'B/event':>8} | {'naive MB':>9} {'cpu s':>6} |"
          f" {'size ratio':>10} {'time ratio':>10}")
    for n in args.sizes:
        evs = synthetic(n)
        for offline in (False, True):
            html, t = timed(render_html, evs, offline=offline)
            size = len(html.encode("utf-8"))
            line = f"{n:>8} {'offline' if offline else 'online':>8} {size / 1e6:>10.2f} {t:>6.2f} {size / n:>8.0f} |"
            if not offline and n <= args.naive_max:
                nh, nt = timed(naive_html, evs)
                nsize = len(nh.encode("utf-8"))
                line += f" {nsize / 1e6:>9.2f} {nt:>6.2f} | {nsize / size:>9.1f}x {nt / t:>9.1f}x"
            else:
                line += f" {'-':>9} {'-':>6} |"
            print(line, flush=True)
            if offline and not args.no_browser:
                first, interact = browser_seconds(html)
                print(f"{'':>8} {'browser':>8}  first draw {first:.2f} s, zoom + drag {interact:.2f} s", flush=True)


if __name__ == "__main__":
    main()
