"""Small immutable value types of the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: Feature types a gazetteer row may carry.
FEATURE_TYPES: frozenset[str] = frozenset(
    {
        "continent", "region", "sea", "country", "district", "capital", "city", "town", "village",
        "neighbourhood", "camp", "base", "airport", "port", "oil_terminal", "bridge", "junction",
        "roundabout", "road", "building", "hospital", "university", "power_station", "market",
        "coast", "wadi", "area", "landmark", "oil_field", "refinery", "border_crossing", "dam",
        "prison", "mountain", "island", "oasis",
    }
)

#: Coarse rank used to prefer bigger features when names tie (lower = more prominent).
FEATURE_RANK: dict[str, int] = {
    "continent": 0, "country": 1, "region": 2, "sea": 2, "capital": 3, "district": 4, "city": 5,
    "town": 6, "village": 7, "area": 7, "wadi": 7, "coast": 8, "airport": 8, "port": 8,
    "oil_terminal": 8, "neighbourhood": 9, "market": 9, "camp": 9, "base": 9, "bridge": 10,
    "junction": 10, "roundabout": 10, "road": 10, "building": 11, "hospital": 11,
    "university": 11, "power_station": 11, "landmark": 11, "oil_field": 8, "refinery": 9,
    "border_crossing": 9, "dam": 9, "prison": 11, "mountain": 7, "island": 7, "oasis": 7,
}

Layer = Literal["geonames", "admin", "curated", "foreign", "user"]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer feature.

    Attributes
    ----------
    id
        Stable identifier: ``gn:<geonameid>`` for GeoNames rows, ``adm1:LY.76`` for
        districts, ``ly:<slug>`` for curated Libyan features, ``xx:<slug>`` for foreign
        places without a GeoNames id, ``user:<...>`` for user rows.
    lat, lon
        WGS84 degrees (the best-known point; see ``precision_m``).
    precision_m
        Radius in metres within which the real feature lies (uncertainty).
    country
        ISO 3166-1 alpha-2 code (``LY`` for Libya), or ``""`` for continents and seas.
    admin1
        Id of the Libyan district (``adm1:LY.76``) that holds the place, ``""`` abroad.
    """

    id: str
    name_en: str
    name_ar: str
    feature_type: str
    lat: float
    lon: float
    precision_m: float
    source: str
    parent_id: str = ""
    country: str = "LY"
    admin1: str = ""
    aliases: tuple[str, ...] = ()
    population: int = 0
    geonames_id: int | None = None
    layer: str = "curated"

    @property
    def is_foreign(self) -> bool:
        """True for places outside Libya (and for continents/seas)."""
        return self.country != "LY"

    @property
    def names(self) -> tuple[str, ...]:
        """All names of the place: English, Arabic, then aliases (no empties, no repeats)."""
        seen: dict[str, None] = {}
        for n in (self.name_en, self.name_ar, *self.aliases):
            if n and n not in seen:
                seen[n] = None
        return tuple(seen)

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``."""
        return (self.lat, self.lon)

    def to_dict(self) -> dict:
        """Plain dict with sorted keys, JSON-ready."""
        d = {
            "id": self.id,
            "name_en": self.name_en,
            "name_ar": self.name_ar,
            "feature_type": self.feature_type,
            "lat": self.lat,
            "lon": self.lon,
            "precision_m": self.precision_m,
            "source": self.source,
            "parent_id": self.parent_id,
            "country": self.country,
            "admin1": self.admin1,
            "aliases": list(self.aliases),
            "population": self.population,
            "geonames_id": self.geonames_id,
            "layer": self.layer,
        }
        return dict(sorted(d.items()))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ranked lookup result: the place, a score in (0, 1], and how it matched."""

    place: Place
    score: float
    matched: str  # the name (or alias) that matched
    how: str  # "exact", "variant", "skeleton", "prefix"

    def to_dict(self) -> dict:
        p = self.place
        return {
            "feature_type": p.feature_type,
            "how": self.how,
            "id": p.id,
            "lat": p.lat,
            "lon": p.lon,
            "matched": self.matched,
            "name_ar": p.name_ar,
            "name_en": p.name_en,
            "score": round(self.score, 4),
            "source": p.source,
        }


Status = Literal["resolved", "ambiguous", "unknown", "foreign"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """Outcome of :meth:`gazetteer.Gazetteer.resolve`.

    ``status`` is ``resolved`` (``place`` set, in Libya), ``foreign`` (``place`` set,
    outside Libya), ``ambiguous`` (``place`` is the best guess, ``candidates`` holds
    the contenders) or ``unknown`` (``place`` is None).  ``reason`` explains the choice
    in one line.
    """

    query: str
    status: Status
    place: Place | None
    reason: str
    candidates: tuple[Candidate, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.status in ("resolved", "foreign") and self.place is not None


@dataclass(frozen=True, slots=True)
class Context:
    """What the text around a mention tells the resolver.

    Attributes
    ----------
    near
        Places already resolved nearby in the text (most recent first).
    country
        Country the text is about (ISO2), default Libya.
    parent_ids
        Ids of places named as parents in the text ("Sirte" before "the city centre").
    """

    near: tuple[Place, ...] = ()
    country: str = "LY"
    parent_ids: tuple[str, ...] = ()
