"""HTML size and generation time of kharita maps vs a naive folium map (Marker + Popup per event).

Synthetic events shaped like extracted ones: 300 places, 40 actors, 6 event types,
one ~130-character Arabic evidence sentence per two events (so half the text is
unique, the hard case), 60 dates, 1 in 5 events with a 49-vertex uncertainty circle.
The naive map is measured up to 10k events (100k would take minutes and ~90 MB).

Also measured: the whole `kharita map` command on 100k events with full properties, read from GeoJSON and
from GeoParquet (wall and CPU seconds of a fresh process), and the offline basemap's size before (Natural Earth
1:110m countries) and after (1:10m land, borders, 22 districts) with the bytes it adds to an offline page.

The command, measured with ``--before`` (the tree before the issue-14 speed work, timed alternately on the
same files, same HTML), on the 2-core machine shared with other work (best of 3):

    from GeoJSON (126 MB):  4.28 s wall / 4.09 s CPU   (before: 5.70 s / 5.63 s; v0.1: 7.8 s wall)
    from GeoParquet (7 MB): 2.13 s wall / 1.99 s CPU   (before: 3.41 s / 3.34 s)

Then the payload was deflated in 4 MB pieces on both cores (``geo.maps.core.deflate``, pigz's way: each
piece primed with the 32 KB before it, joined by sync flushes into one zlib stream; 139 bytes larger for
100k events, so the page differs from the one-pass page in its payload only). Three runs against the tree
before it, alternating, best of 3 each, on a quieter day of the machine: from GeoParquet 1.81 / 1.74 / 1.91 s
wall (before 2.05 / 1.75 / 1.98 s), CPU 2.15 / 2.06 / 2.24 s (before 2.15 / 1.84 / 2.06 s: the threads cost
a little CPU for the wall time they save); from GeoJSON 3.96 / 3.86 / 3.86 s (before 3.93 / 3.72 / 4.10 s:
JSON reading dominates, no change beyond the noise).

Where the GeoParquet command's time went before that: deflating the 23 MB payload (zlib level 5, ~0.45 s, now
~0.27 s of wall time on two cores), packing (~0.4 s), JSON (~0.25 s), reading the file (~0.3 s), imports (~0.3 s).
Gone: folium, branca, jinja2 and pandas imports (~0.8 s: the page is written without folium, the file read
with ParquetFile, not pyarrow.dataset), the garbage collector's rescans, per-row string copies from Arrow.

Usage: python benchmarks/bench_maps.py [--sizes 1000 10000 100000] [--naive-max 10000] [--command-n 100000]
       [--before DIR]  (DIR: an earlier source tree, timed alternately with this one on the same files)
"""

from __future__ import annotations

import argparse
import random
import time

from geo.events import Event, event_id
from geo.geodesy import circle_lonlat, ring_to_wkt
from geo.maps.html import escape
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


#: Figures before issue 14, on the same machine: the 1:110m basemap file and the whole command from GeoJSON
#: (v0.1; ``--before DIR`` times an earlier tree in the same run instead).
BEFORE = {"basemap_bytes": 16_096, "command_geojson_s": 7.8}


def basemap_sizes() -> None:
    """Bytes of the basemap file, and what it adds to an offline map page of one event."""
    from pathlib import Path

    import geo.maps.core as maps

    path = Path(maps.__file__).parent.parent / "data" / "basemap" / "basemap.json"
    ev = synthetic(1)
    with_base = len(render_html(ev, offline=True).encode("utf-8"))
    saved = maps._layer_markup  # the event layer's markup, for folium's page and the one written without it

    def no_basemap(uid, map_name, payload, options, basemap):
        return saved(uid, map_name, payload, options, False)

    maps._layer_markup = no_basemap  # type: ignore[assignment]
    try:
        without = len(render_html(ev, offline=True).encode("utf-8"))
    finally:
        maps._layer_markup = saved
    print(f"basemap: {BEFORE['basemap_bytes'] / 1e3:.1f} kB (Natural Earth 1:110m countries) -> "
          f"{path.stat().st_size / 1e3:.1f} kB (1:10m land, borders, 22 districts); adds "
          f"{(with_base - without) / 1e3:.1f} kB to an offline page ({with_base / 1e3:.0f} kB for one event)")


def command_seconds(n: int, before: str | None = None) -> None:
    """The whole `kharita map` command (fresh process) on n events from GeoJSON and from GeoParquet.

    ``before``: a source tree of an earlier version (its ``geo`` and ``gazetteer`` packages, e.g. a
    ``git worktree`` of an older commit): its command is timed too, on the same files, run for run
    alternately with this tree's, so that both figures come from the same run of the machine.
    """
    import os
    import resource
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    trees = [("after", None)] + ([("before", before)] if before else [])

    from geo.io.geojson import dumps_collection
    from geo.io.frame import to_frame, write_events

    evs = synthetic(n)
    with tempfile.TemporaryDirectory() as d:
        gj, pq = Path(d) / "events.geojson", Path(d) / "events.parquet"
        gj.write_text(dumps_collection(evs), encoding="utf-8")
        write_events(to_frame(evs), pq)
        del evs
        for src in (gj, pq):
            best: dict[str, tuple[float, float]] = {}
            pages = {}
            for _ in range(3):
                for name, tree in trees:
                    env = dict(os.environ, PYTHONPATH=tree) if tree else None
                    out = Path(d) / f"m-{name}.html"
                    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                    t = time.perf_counter()
                    subprocess.run([sys.executable, "-m", "geo", "map", str(src), "--offline", "-o", str(out)],
                                   check=True, capture_output=True, env=env, cwd=tree or None)
                    wall = time.perf_counter() - t
                    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpu = r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
                    best[name] = min(best.get(name, (wall, cpu)), (wall, cpu))
                    pages[name] = out.read_bytes()
            size = src.stat().st_size / 1e6
            line = f"kharita map of {n} events from {src.suffix[1:]} ({size:.0f} MB): " + ", ".join(
                f"{name} {w:.2f} s wall / {c:.2f} s CPU" for name, (w, c) in best.items()) + ", best of 3"
            if before:
                line += "; same HTML" if pages["before"] == pages["after"] else "; HTML DIFFERS"
            elif src is gj:
                line += f" (v0.1: {BEFORE['command_geojson_s']} s)"
            print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--naive-max", type=int, default=10000)
    ap.add_argument("--no-browser", action="store_true", help="skip timing the offline maps in Chromium")
    ap.add_argument("--command-n", type=int, default=100000, help="events of the whole-command timing (0: skip)")
    ap.add_argument("--before", metavar="DIR", default=None,
                    help="also time the command of an earlier source tree (e.g. a git worktree of an older commit)")
    args = ap.parse_args()
    basemap_sizes()
    if args.command_n:
        command_seconds(args.command_n, args.before)
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
