"""Spatial claims in news text ("450 km east of Tripoli") and their geo-consistency.

:mod:`geo.claims.parse`
    Parsing claims from text (:func:`parse`): distance, direction, proximity,
    containment and vague-distance claims, each with its anchor and subject.
:mod:`geo.claims.check`
    Verdicts (:func:`check`, :func:`check_arrays`): one verdict kernel used by the
    scalar check and by the vectorised one, the one "near" rule (:func:`near_limit_km`),
    and every tolerance (:class:`Tolerances`).
:mod:`geo.claims.roads`
    Road-distance estimates on a small network of Libya's main roads.

The public names of both modules are re-exported here (``from geo.claims import check,
parse``).  Nothing here imports geopandas, folium or shapely.
"""

from __future__ import annotations

from geo.claims.check import (  # noqa: F401 - the public names of geo.claims before the split
    AREAL_TYPES,
    CODE,
    DIR_AGREES,
    DIR_NONE,
    DIR_OFF,
    DIR_TOO_CLOSE,
    FEATURE_RADIUS_KM,
    LOWER_BOUND_HEDGES,
    NEAREST_POINT_SETS,
    OUTCOMES,
    UPPER_BOUND_HEDGES,
    VERDICTS,
    CheckedClaim,
    Tolerances,
    check,
    check_all,
    check_arrays,
    check_frame,
    check_text,
    extent_km,
    hedge_bound,
    near_limit_km,
)
from geo.claims.parse import KINDS, SUBJECT_GAP_WORDS, VAGUE_RANGES_KM, Claim, as_town, parse  # noqa: F401

# the geodesy helpers the claim modules work with, reachable here as before the split
from geo.geodesy import (  # noqa: F401
    bearing_to_compass,
    circle_lonlat,
    compass_to_bearing,
    destination,
    inverse_km,
    ring_to_wkt,
    sector_lonlat,
)

import sys as _sys  # noqa: E402

#: the checker's public names and the parser's (``check`` names both a module and its function here)
__all__ = ["Claim", "KINDS", "parse", *_sys.modules["geo.claims.check"].__all__]
