"""The review page of many events: size, generation time, opening and filtering in headless Chromium.

Synthetic events shaped like extracted (and fused) ones: 300 real gazetteer places
(so every event gets gazetteer candidates), 40 actors, 6 event types, one ~130-character
Arabic evidence sentence per two events, 60 dates, 1 in 5 events with a 49-vertex
uncertainty circle, 1 in 10 fused from three reports (merged_ids, doc_ids, sources,
evidence_all), 1 in 20 a fuzzy place match, 1 in 25 unresolved.

"Opens" is navigation start → the table, the map and its points drawn (the page's
``kharitaReview.ready``), measured with the network blocked.  Filtering is the time
from a filter's change event to the next painted frame.

Usage: python benchmarks/bench_review.py [--sizes 1000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from geo.events import Event, event_id
from geo.geodesy import circle_lonlat, ring_to_wkt

WORDS = "اندلعت اشتباكات عنيفة بين قوات الجيش ومسلحي التنظيم في محيط المدينة وسط أنباء عن سقوط قتلى وجرحى من الطرفين".split()
TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments"]


def synthetic_geojson(n: int, path: Path, seed: int = 1) -> None:
    from gazetteer import Gazetteer
    from geo.io.frame import to_frame, write_events

    rnd = random.Random(seed)
    gaz = Gazetteer.default()
    libyan = sorted((p for p in gaz.places if p.country == "LY" and p.name_ar), key=lambda p: p.id)
    places = rnd.sample(libyan, 300)
    actors = [f"Actor group {k}" for k in range(40)]
    rings: dict[str, str] = {}
    events = []
    for i in range(n):
        p = places[rnd.randrange(300)]
        sent = " ".join(rnd.choice(WORDS) for _ in range(10)) + f" في {p.name_ar} " + \
            " ".join(rnd.choice(WORDS) for _ in range(10)) + f" ({i // 2})"
        wkt = rings.get(p.id) or rings.setdefault(p.id, ring_to_wkt(circle_lonlat(p.lat, p.lon, 5000))) if i % 5 == 0 else None
        unresolved = i % 25 == 7
        doc = f"doc-{i // 20}"
        events.append(Event(
            id=event_id(doc, i, i + 4), doc_id=doc, event_date=f"2016-{6 + (i % 60) // 30:02d}-{1 + i % 30:02d}",
            time_precision=1, date_note="document date", update_time=f"{i % 24:02d}:00",
            event_type=TYPES[i % 6], sub_event_type="Armed clash", actor1=rnd.choice(actors), actor2=rnd.choice(actors),
            location=p.name_ar, place_id="" if unresolved else p.id, place_name_en="" if unresolved else p.name_en,
            place_name_ar="" if unresolved else p.name_ar, admin1="", country="" if unresolved else "LY",
            latitude=None if unresolved else p.lat, longitude=None if unresolved else p.lon,
            geo_precision=1 + (wkt is not None), relation="near" if wkt else "",
            uncertainty_m=5000.0 if wkt else None, uncertainty_wkt=wkt, fatalities=i % 7 or None, injuries=None,
            source="Al Wasat", url=f"https://example.org/{i // 20}", language="ar", evidence=sent, span_start=i,
            span_end=i + 4, notes="fuzzy (skeleton, score 0.81): read as " + p.name_en if i % 20 == 3 else ""))
    write_events(to_frame(events), path)
    fc = json.loads(path.read_text(encoding="utf-8"))
    for k, f in enumerate(fc["features"]):
        if k % 10 == 1:
            pr = f["properties"]
            ids = [pr["event_id_cnty"] + f"-r{j}" for j in range(3)]
            pr.update(merged_ids=ids, doc_ids=[f"{pr['doc_id']}-{j}" for j in range(3)],
                      sources=["Al Wasat", "Libya Observer", "Reuters"], evidence_all=[pr["evidence"]] * 3)
    path.write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")


def browser_figures(html_path: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    out = {"open": [], "filter_type": [], "filter_search": [], "filter_review": [], "clear": []}
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            for _ in range(runs):
                ctx = b.new_context(viewport={"width": 1400, "height": 860})
                page = ctx.new_page()
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
                t = time.perf_counter()
                page.goto(html_path.as_uri())
                page.wait_for_function("() => window.kharitaReview && window.kharitaReview.ready", timeout=60000, polling=10)
                page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
                out["open"].append(time.perf_counter() - t)
                assert page.evaluate("window.kharitaReview.error") is None
                for key, sel, val in (("filter_type", "select[name=f-type]", "Protests"),
                                      ("filter_review", "select[name=f-review]", "any"),
                                      ("clear", "select[name=f-review]", ""),
                                      ("filter_search", "input[name=f-q]", "actor group 7")):
                    ms = page.evaluate("""([sel, val]) => new Promise(done => {
                        const el = document.querySelector(sel), t = performance.now();
                        el.value = val;
                        if (el.tagName === 'INPUT') { window.kharitaReview.refilter(); }
                        else { el.dispatchEvent(new Event('change')); }
                        requestAnimationFrame(() => setTimeout(() => done(performance.now() - t), 0));
                    })""", [sel, val])
                    out[key].append(ms / 1000)
                ctx.close()
        finally:
            b.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from geo.maps.review import load_review_events, review_html

    print(f"{'events':>8} {'HTML MB':>8} {'page s':>7} {'open s (median)':>16} {'filter type/review/search/clear ms':>36}")
    with tempfile.TemporaryDirectory() as d:
        for n in args.sizes:
            src = Path(d) / f"ev{n}.geojson"
            synthetic_geojson(n, src)
            t = time.perf_counter()
            html = review_html(load_review_events(src), title=f"{n} events")
            gen = time.perf_counter() - t
            page = Path(d) / f"review{n}.html"
            page.write_text(html, encoding="utf-8")
            f = browser_figures(page, args.runs)
            med = {k: statistics.median(v) for k, v in f.items()}
            print(f"{n:>8} {len(html.encode()) / 1e6:>8.2f} {gen:>7.2f} {med['open']:>9.2f} (max {max(f['open']):.2f})"
                  f" {med['filter_type'] * 1000:>10.0f} / {med['filter_review'] * 1000:.0f} / "
                  f"{med['filter_search'] * 1000:.0f} / {med['clear'] * 1000:.0f}")


if __name__ == "__main__":
    main()
