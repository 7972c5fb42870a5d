"""Maps and pages: the only folium importer, the escaping of article text, and the bundled assets.

:mod:`geo.maps.core`
    Static Leaflet maps of events and checked claims (folium): :func:`event_map`,
    :func:`render_html`, :func:`save_map`.  Its public names are re-exported here
    (``from geo.maps import event_map``) and loaded on first use, so importing
    :mod:`geo.maps.html`, :mod:`geo.maps.offline` or :mod:`geo.maps.review` loads no folium.
    It imports folium only to build a :class:`folium.Map`: :func:`render_html` (and so
    ``kharita map``) writes a new map's page without it, byte for byte folium's.
:mod:`geo.maps.page`
    The folium elements kharita adds to a map (verbatim markup, never a template) and the
    deterministic render.
:mod:`geo.maps.html`
    The escaping every piece of article text goes through (:func:`~geo.maps.html.escape`,
    :func:`~geo.maps.html.script_json`).
:mod:`geo.maps.offline`
    Leaflet and the basemap inlined for offline pages.
:mod:`geo.maps.review`
    The offline review page and the replay of its decisions.

The assets (scripts, styles, basemap) live in ``geo/data/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "EVENT_STYLES",
    "LIBYA_BOUNDS",
    "event_map",
    "render_html",
    "save_map",
    "records_from",
]

#: The public names of :mod:`geo.maps.core`, served from it on first use.
_CORE = frozenset({
    "EVENT_STYLES", "LIBYA_BOUNDS", "LEAFLET_VERSION", "LEAFLET_CDN_CSS", "LEAFLET_CDN_JS", "COMPRESS_ABOVE",
    "records_from", "MAP_FIELDS", "Columns", "columns_from", "ACTOR_COLOURS", "DATE_RAMP", "BY_CHOICES",
    "district_polygons", "district_stats", "event_map", "render_html", "save_map",
})

if TYPE_CHECKING:  # pragma: no cover
    from geo.maps.core import (
        ACTOR_COLOURS,
        BY_CHOICES,
        COMPRESS_ABOVE,
        DATE_RAMP,
        EVENT_STYLES,
        LEAFLET_CDN_CSS,
        LEAFLET_CDN_JS,
        LEAFLET_VERSION,
        LIBYA_BOUNDS,
        MAP_FIELDS,
        Columns,
        columns_from,
        district_polygons,
        district_stats,
        event_map,
        records_from,
        render_html,
        save_map,
    )


def __getattr__(name: str) -> Any:
    if name in _CORE:
        import importlib

        return getattr(importlib.import_module("geo.maps.core"), name)
    raise AttributeError(f"module 'geo.maps' has no attribute {name!r}")
