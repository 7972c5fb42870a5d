"""What an offline page inlines: Leaflet's files and the bundled basemap (no folium, no network).

The maps (:mod:`geo.maps`) and the review page (:mod:`geo.maps.review`) both embed these, so both read
them here, once per process.
"""

from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from pathlib import Path

from geo.maps.html import script_json

__all__ = ["basemap_doc", "leaflet_inline"]

_DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def basemap_doc() -> dict:
    """The offline basemap as stored (``geo/data/basemap/basemap.json``: delta-coded land, borders,
    districts). Callers must not modify it: copy what they change."""
    return json.loads((_DATA / "basemap" / "basemap.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def leaflet_inline() -> str:
    """Leaflet's CSS (images as data URIs) and JS from the XStatic-Leaflet package, as inline tags."""
    from xstatic.pkg import leaflet

    base = Path(leaflet.BASE_DIR)
    uris = {
        p.name: "data:image/png;base64," + base64.b64encode(p.read_bytes()).decode("ascii")
        for p in sorted((base / "images").glob("*.png"))
    }
    css = (base / "leaflet.css").read_text(encoding="utf-8")
    css = re.sub(r"url\(images/([\w.-]+\.png)\)", lambda m: f"url({uris[m.group(1)]})", css)
    js = re.sub(r"//# sourceMappingURL=\S+", "", (base / "leaflet.js").read_text(encoding="utf-8"))
    if "</script" in js.lower() or "</style" in css.lower():  # cannot happen with Leaflet 1.9; guard anyway
        raise RuntimeError("Leaflet's files contain a closing tag and cannot be inlined")
    icons = "L.Icon.Default.imagePath='';L.Icon.Default.mergeOptions(" + script_json(
        {"iconUrl": uris.get("marker-icon.png", ""), "iconRetinaUrl": uris.get("marker-icon-2x.png", ""),
         "shadowUrl": uris.get("marker-shadow.png", "")}) + ");"
    return f"<style>{css}</style>\n<script>{js}</script>\n<script>{icons}</script>\n"
