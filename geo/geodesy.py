"""Geodesy for the ``geo`` package: the one implementation lives in :mod:`gazetteer.geodesy`.

The gazetteer sits below ``geo`` and needs distances itself (context resolution, nearest
place), so the formulas are written once there; this module keeps the ``geo.geodesy`` name.
"""

from __future__ import annotations

from gazetteer.geodesy import (  # noqa: F401
    COMPASS_8,
    COMPASS_16,
    __all__,
    angle_diff_deg,
    bearing_to_compass,
    circle_lonlat,
    compass_to_bearing,
    destination,
    geod,
    haversine_km,
    inverse_km,
    nearest_index,
    ring_to_wkt,
    sector_lonlat,
)
