"""Render the bundled sample's offline map, and a popup with Arabic text, to PNGs (``make screenshots``).

Opens ``maps/sample.html`` (``make maps``) in headless Chromium with every network request blocked and writes
``maps/sample.png`` (the whole map) and ``maps/sample-popup.png`` (a zoomed view with an event popup open).

Usage: python maps/screenshots.py [--html maps/sample.html] [--out maps]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("KHARITA_CHROMIUM", "/usr/bin/chromium")
READY = "window.kharitaMaps && window.kharitaMaps.length > 0 && window.kharitaMaps.every(s => s.ready)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", default=str(HERE / "sample.html"))
    ap.add_argument("--out", default=str(HERE))
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                                              "--disable-background-networking"])
        page = b.new_page(viewport={"width": 1200, "height": 760}, device_scale_factor=1)
        asked: list[str] = []

        def route(r):
            if r.request.url.startswith("file:"):
                return r.continue_()
            asked.append(r.request.url)
            return r.abort()

        page.route("**/*", route)
        page.goto(Path(args.html).resolve().as_uri())
        page.wait_for_function(READY, timeout=60000)
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / "sample.png"))
        # a popup with Arabic text: the first event with Arabic evidence, zoomed in
        page.evaluate("""(() => { const s = window.kharitaMaps[0], map = s.group._map;
            const C = s.markers.map(m => m._k); let k = 0;
            map.setView(s.markers[k].getLatLng(), 11, {animate: false});
            s.group.fire('click', {layer: s.markers[k]}); })()""")
        page.wait_for_timeout(400)
        page.screenshot(path=str(out / "sample-popup.png"))
        b.close()
    if asked:
        raise SystemExit(f"the offline map asked the network: {asked[:3]}")
    print(f"wrote {out / 'sample.png'} and {out / 'sample-popup.png'}")


if __name__ == "__main__":
    main()
