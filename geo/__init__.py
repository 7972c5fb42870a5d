"""kharita: offline, Arabic-first conflict-news geoparsing.

Light on import: ``geo.extract`` pulls in no geopandas or folium; ``geo.to_frame``
and the map functions load them on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Event", "extract", "extract_many", "fuse", "to_frame", "read_events", "write_events", "__version__"]

_LAZY = {
    "Event": ("geo.events", "Event"),
    "extract": ("geo.extract", "extract"),
    "extract_many": ("geo.extract", "extract_many"),
    "to_frame": ("geo.io.frame", "to_frame"),
    "read_events": ("geo.io.frame", "read_events"),
    "write_events": ("geo.io.frame", "write_events"),
    "fuse": ("geo.fusion", "fuse"),
}

if TYPE_CHECKING:  # pragma: no cover
    from geo.events import Event
    from geo.extract import extract, extract_many
    from geo.io.frame import read_events, to_frame, write_events
    from geo.fusion import fuse


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        mod, attr = _LAZY[name]
        return getattr(importlib.import_module(mod), attr)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
