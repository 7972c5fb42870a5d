"""An offline geopy geocoder backed by kharita's gazetteer.

Usable wherever geopy geocoders are::

    >>> from gazetteer.geocoder import Kharita
    >>> geo = Kharita()
    >>> geo.geocode("Sirte").point.latitude          # doctest: +SKIP
    31.20892
    >>> geo.reverse((31.2, 16.59)).raw["id"]          # doctest: +SKIP
    'gn:2210554'

No network is ever used.
"""

from __future__ import annotations

from collections.abc import Sequence

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.core import Gazetteer
from gazetteer.model import Context, Place

__all__ = ["Kharita"]


def _location(place: Place, score: float | None = None, distance_km: float | None = None) -> Location:
    raw = place.to_dict()
    if score is not None:
        raw["score"] = round(score, 4)
    if distance_km is not None:
        raw["distance_km"] = round(distance_km, 3)
    address = ", ".join(n for n in (place.name_en, place.name_ar) if n)
    return Location(address, Point(place.lat, place.lon), raw)


class Kharita(Geocoder):
    """Offline geocoder over a :class:`~gazetteer.Gazetteer` (default: the package one).

    Parameters
    ----------
    gazetteer
        The gazetteer to search; ``Gazetteer.default()`` when omitted.
    country
        Default country context for :meth:`geocode` (ISO2, ``"LY"``).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, country: str = "LY"):
        super().__init__(user_agent="kharita-offline")
        self.gazetteer = gazetteer or Gazetteer.default()
        self.country = country

    def geocode(self, query: str, *, exactly_one: bool = True, limit: int | None = None,
                context: Context | None = None, timeout: float | None = None) -> Location | list[Location] | None:
        """Place(s) for a name: a ``geopy.Location`` (or a list), ``None`` when unknown.

        ``raw`` holds the gazetteer row plus the match ``score``.
        """
        if not isinstance(query, str) or not query.strip():
            return None
        if exactly_one:
            res = self.gazetteer.resolve(query, context or Context(country=self.country))
            if res.place is None:
                return None
            score = res.candidates[0].score if res.candidates else None
            return _location(res.place, score)
        cands = self.gazetteer.lookup(query, limit=limit or 10)
        return [_location(c.place, c.score) for c in cands] or None

    def reverse(self, query: str | Point | Sequence[float], *, exactly_one: bool = True,
                timeout: float | None = None) -> Location | list[Location]:
        """Nearest gazetteer feature to ``query`` (a ``(lat, lon)`` pair, ``"lat, lon"`` or ``geopy.Point``).

        Out-of-range coordinates raise ``gazetteer.CoordinateError`` (a ``ValueError``)
        with a "swapped lat/lon?" hint when they look swapped.
        """
        if isinstance(query, str):
            parts = [p.strip() for p in query.split(",")]
            if len(parts) != 2:
                raise ValueError(f"expected 'lat, lon', got {query!r}")
            lat, lon = float(parts[0]), float(parts[1])
        elif isinstance(query, Point):
            lat, lon = query.latitude, query.longitude
        else:
            lat, lon = query
        place, km = self.gazetteer.reverse(lat, lon)
        loc = _location(place, distance_km=km)
        return loc if exactly_one else [loc]
