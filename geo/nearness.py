"""How big a place is and how far "near" it reaches: the one rule, for every caller.

The claim checker (:mod:`geo.claims`), relative locations ("near X" events,
:func:`geo.relative.locate`) and the pytest helpers (:func:`geo.pytest_plugin.assert_near`)
all measure "near" here, from the anchor's *edge*.  Standard library and ``gazetteer`` only,
so the text → events path can use it without the claim checker's numpy.
"""

from __future__ import annotations

from typing import Protocol

from gazetteer.model import Place

__all__ = ["FEATURE_RADIUS_KM", "NEAR_KM", "NEAR_PRECISION_FACTOR", "extent_km", "near_limit_km", "precision_km"]

#: Default extent (radius, km) of a feature by type, used for containment and as a floor
#: for a place's ``precision_m``.
FEATURE_RADIUS_KM: dict[str, float] = {
    "continent": 2000.0, "country": 800.0, "region": 300.0, "sea": 400.0, "district": 80.0,
    "capital": 15.0, "city": 10.0, "town": 5.0, "village": 2.0, "neighbourhood": 1.5, "camp": 2.0,
    "base": 2.0, "airport": 3.0, "port": 1.5, "oil_terminal": 3.0, "area": 5.0, "wadi": 20.0,
    "coast": 20.0, "market": 0.5, "university": 1.0, "hospital": 0.5, "power_station": 1.0,
    "bridge": 0.3, "junction": 0.3, "roundabout": 0.3, "road": 5.0, "building": 0.2, "landmark": 0.5,
}

#: "near" reaches this far (km) beyond the anchor's edge …
NEAR_KM = 15.0
#: … or this many times the larger precision of the two places, when that is more.
NEAR_PRECISION_FACTOR = 3.0


class _NearTolerances(Protocol):
    @property
    def near_km(self) -> float: ...
    @property
    def near_precision_factor(self) -> float: ...


def extent_km(place: Place) -> float:
    """Radius (km) of a place's extent: the larger of its ``precision_m`` and its feature-type radius.

    >>> from gazetteer.model import Place
    >>> extent_km(Place(id="x", name_en="X", name_ar="", feature_type="city", lat=31.2, lon=16.6,
    ...                 precision_m=4000, source="example"))
    10.0
    """
    return max(place.precision_m / 1000.0, FEATURE_RADIUS_KM.get(place.feature_type, 1.0))


def precision_km(p: Place | None) -> float:
    """A place's ``precision_m`` in km (0 for none)."""
    return max(p.precision_m, 0.0) / 1000.0 if p is not None else 0.0


def near_limit_km(anchor: Place | None, subject: Place | None = None,
                  tolerances: _NearTolerances | None = None) -> float:
    """How far (km) from the anchor's point a place may lie and still be near it.

    ``max(near_km, near_precision_factor × the larger precision of the two places) + the
    anchor's extent`` (:func:`extent_km`).  «قرب سرت» of a village 20 km from Sirte's point
    holds (15 km + Sirte's 10 km).

    Parameters
    ----------
    anchor
        The place something is near; None for a bare point (no extent, no precision).
    subject
        The place said to be near it, when known (its precision widens the limit).
    tolerances
        Any object with ``near_km`` and ``near_precision_factor`` (the claim checker's
        :class:`geo.claims.Tolerances`); default :data:`NEAR_KM`, :data:`NEAR_PRECISION_FACTOR`.

    Returns
    -------
    float
        The limit in km, compared with ``<=`` to the geodesic distance anchor→subject.
    """
    near_km = tolerances.near_km if tolerances is not None else NEAR_KM
    factor = tolerances.near_precision_factor if tolerances is not None else NEAR_PRECISION_FACTOR
    edge_km = extent_km(anchor) if anchor is not None else 0.0
    return max(near_km, factor * max(precision_km(subject), precision_km(anchor))) + edge_km
