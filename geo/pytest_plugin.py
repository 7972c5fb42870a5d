"""Geo-consistency assertions for pytest (registered as the ``kharita`` pytest11 plugin).

Use them as functions::

    from geo.pytest_plugin import assert_near, assert_within, assert_direction, assert_consistent

    def test_camp():
        assert_near("Taqrift camp", "Sirte")
        assert_within("Souq al-Hout", "Benghazi")
        assert_direction("Sirte", "Tripoli", "E")
        assert_consistent("Sirte, about 450 km east of Tripoli")

or through the ``geo_assert`` fixture (same methods, bound to one gazetteer)::

    def test_events(geo_assert):
        geo_assert.events_in_admin1("events.geojson")

Every helper accepts place names (resolved through the gazetteer), place ids
(``gn:2210554``), :class:`gazetteer.model.Place` objects or ``(lat, lon)``
tuples, and fails with the measured figures in the message.  Distances are
geodesic (WGS84, pyproj); extents follow :data:`geo.nearness.FEATURE_RADIUS_KM`
and each place's ``precision_m``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from gazetteer.exc import check_lat_lon
from gazetteer.model import Place

if TYPE_CHECKING:
    from gazetteer.core import Gazetteer

__all__ = [
    "GeoAssert",
    "assert_consistent",
    "assert_direction",
    "assert_events_in_admin1",
    "assert_near",
    "assert_within",
]


@dataclass(frozen=True)
class _Pt:
    lat: float
    lon: float
    label: str
    place: Place | None


def _gaz(gaz: Gazetteer | None) -> Gazetteer:
    if gaz is not None:
        return gaz
    from gazetteer import Gazetteer

    return Gazetteer.default()


def _point(x: Any, gaz: Gazetteer | None) -> _Pt:
    """Resolve a name, id, Place or (lat, lon) to a point; AssertionError if impossible."""
    if isinstance(x, Place):
        return _Pt(x.lat, x.lon, f"{x.name_en} ({x.id})", x)
    if isinstance(x, (tuple, list)) and len(x) == 2:
        try:
            lat, lon = check_lat_lon(x[0], x[1])
        except ValueError as e:
            raise AssertionError(f"bad point {tuple(x)!r}: {e}") from None
        return _Pt(lat, lon, f"({lat:.5f}, {lon:.5f})", None)
    if isinstance(x, str) and x.strip():
        g = _gaz(gaz)
        p = g.get(x) if ":" in x else None
        if p is None:
            res = g.resolve(x)
            if res.place is None:
                raise AssertionError(f"unknown place {x!r}: {res.reason or 'not in gazetteer'}")
            p = res.place
        return _Pt(p.lat, p.lon, f"{p.name_en} ({p.id})", p)
    raise AssertionError(f"cannot read a place or point from {x!r}")


def _extent_km(p: Place) -> float:
    from geo.nearness import extent_km

    return extent_km(p)


def _prec_km(pt: _Pt) -> float:
    return pt.place.precision_m / 1000.0 if pt.place is not None else 0.0


def _measure(a: _Pt, b: _Pt) -> tuple[float, float]:
    from geo.geodesy import inverse_km

    return inverse_km(a.lat, a.lon, b.lat, b.lon)


def assert_within(place_or_point: Any, container_place: Any, km: float | None = None, *, gazetteer: Gazetteer | None = None) -> float:
    """Assert that a place or point lies inside a container place.

    Inside = geodesic distance from the container's point ≤ ``km`` (default: the
    container's extent, ``max(precision_m, feature-type radius)``) plus the
    subject's own uncertainty.  Returns the measured distance (km).
    """
    sub = _point(place_or_point, gazetteer)
    box = _point(container_place, gazetteer)
    limit = km if km is not None else (_extent_km(box.place) if box.place is not None else 0.0)
    limit_total = limit + _prec_km(sub)
    d, _ = _measure(box, sub)
    assert d <= limit_total, (
        f"{sub.label} is not within {box.label}: {d:.1f} km from its point, "
        f"limit {limit:.1f} km + {_prec_km(sub):.1f} km uncertainty"
    )
    return d


def assert_near(subject: Any, anchor: Any, km: float | None = None, *, gazetteer: Gazetteer | None = None) -> float:
    """Assert that ``subject`` is near ``anchor``.

    Near = geodesic distance from the anchor's point ≤ ``km``; by default the rule of
    :func:`geo.claims.check` (:func:`geo.nearness.near_limit_km`): measured from the anchor's
    edge, ``max(near_km, near_precision_factor × the larger precision) + the anchor's
    extent`` (25 km for Sirte; 15 km for a bare ``(lat, lon)`` anchor).  Returns the
    distance (km).
    """
    from geo.nearness import near_limit_km

    a, b = _point(subject, gazetteer), _point(anchor, gazetteer)
    limit = km if km is not None else near_limit_km(b.place, a.place)
    d, _ = _measure(b, a)
    assert d <= limit, f"{a.label} is not near {b.label}: {d:.1f} km apart, limit {limit:.1f} km"
    return d


def assert_direction(subject: Any, anchor: Any, direction: str, tolerance_deg: float = 67.5, *, gazetteer: Gazetteer | None = None) -> float:
    """Assert that ``subject`` lies ``direction`` (compass point, e.g. ``"E"``) of ``anchor``.

    The initial geodesic bearing anchor→subject must be within ``tolerance_deg`` of
    the compass point's centre.  Returns the bearing (degrees).
    """
    from geo.geodesy import angle_diff_deg, bearing_to_compass, compass_to_bearing

    a, b = _point(subject, gazetteer), _point(anchor, gazetteer)
    try:
        centre = compass_to_bearing(direction)
    except ValueError as e:
        raise AssertionError(str(e)) from None
    d, brg = _measure(b, a)
    diff = angle_diff_deg(brg, centre)
    assert diff <= tolerance_deg, (
        f"{a.label} is not {direction} of {b.label}: bearing {brg:.1f}° ({bearing_to_compass(brg)}), "
        f"{diff:.1f}° from {direction} (tolerance ±{tolerance_deg:g}°), {d:.1f} km apart"
    )
    return brg


def assert_consistent(claim: Any, *, gazetteer: Gazetteer | None = None, allow_road: bool = True) -> list:
    """Assert that a claim (text, :class:`geo.claims.Claim` or :class:`~geo.claims.CheckedClaim`) is consistent.

    Text is parsed with :func:`geo.claims.parse`; it must contain at least one
    claim and every claim must be ``consistent`` (or ``consistent_by_road`` when
    ``allow_road``).  Returns the checked claims.
    """
    from geo import claims as C

    ok = {"consistent", "consistent_by_road"} if allow_road else {"consistent"}
    if isinstance(claim, C.CheckedClaim):
        checked = [claim]
    elif isinstance(claim, C.Claim):
        checked = [C.check(claim, gazetteer)]
    elif isinstance(claim, str):
        g = _gaz(gazetteer)
        parsed = C.parse(claim, g)
        assert parsed, f"no spatial claim found in {claim!r}"
        checked = C.check_all(parsed, g)
    else:
        raise AssertionError(f"cannot read a claim from {claim!r}")
    bad = [c for c in checked if c.verdict not in ok]
    assert not bad, "; ".join(f"{c.claim.text!r}: {c.verdict} — {c.explanation_en}" for c in bad)
    return checked


def _district(value: str, gaz: Gazetteer) -> Place | None:
    if not value:
        return None
    p = gaz.get(value) if value.startswith("adm1:") else None
    if p is not None:
        return p
    for name in (value, value.replace("Sha`biyat", "").replace("Shabiyat", "").strip()):
        for cand in gaz.lookup(name, limit=10):
            if cand.place.feature_type == "district":
                return cand.place
    return None


def _event_rows(events_or_path: Any) -> list[dict]:
    if isinstance(events_or_path, (str, Path)):
        from geo.io.geojson import read_collection

        path = Path(events_or_path)
        try:
            return read_collection(path)  # the GeoJSON codec: Event field names, the point from the geometry
        except (OSError, ValueError) as e:  # kharita's InputErrors are ValueErrors
            raise AssertionError(f"{path}: not a readable GeoJSON file ({e})") from None
    rows = []
    for ev in events_or_path:
        rows.append(ev if isinstance(ev, dict) else ev.to_dict())
    return rows


def assert_events_in_admin1(events_or_path: Any, gaz: Gazetteer | None = None) -> int:
    """Assert that every event lies in its ``admin1`` district.

    ``events_or_path``: a GeoJSON path, or Events / dicts with ``admin1``,
    ``latitude``, ``longitude`` and optionally ``place_id``.  An event whose place
    is in the gazetteer passes when the gazetteer's district of the place is its
    admin1; otherwise its point must lie within the district's extent.  Events
    without admin1 or coordinates are skipped.  Returns the number checked; all
    failures are reported together.
    """
    g = _gaz(gaz)
    from geo.geodesy import inverse_km

    failures: list[str] = []
    n = 0
    for i, row in enumerate(_event_rows(events_or_path)):
        adm = str(row.get("admin1") or "")
        lat, lon = row.get("latitude"), row.get("longitude")
        if not adm or lat is None or lon is None:
            continue
        label = row.get("id") or f"event #{i}"
        dist = _district(adm, g)
        if dist is None:
            failures.append(f"{label}: admin1 {adm!r} is not a district of the gazetteer")
            continue
        n += 1
        place = g.get(row.get("place_id") or "") if row.get("place_id") else None
        if place is not None:
            owner = g.district_of(place)
            if owner is not None and owner.id == dist.id:
                continue
        try:
            lat, lon = check_lat_lon(lat, lon)
        except ValueError as e:
            failures.append(f"{label}: {e}")
            continue
        d, _ = inverse_km(dist.lat, dist.lon, lat, lon)
        limit = _extent_km(dist)
        if d > limit:
            failures.append(f"{label} ({row.get('location') or row.get('place_name_en') or ''}) is {d:.0f} km from "
                            f"{dist.name_en} ({dist.id}), beyond its {limit:.0f} km extent")
    assert not failures, f"{len(failures)} event(s) outside their admin1: " + "; ".join(failures)
    return n


class GeoAssert:
    """The helpers bound to one gazetteer (the ``geo_assert`` fixture)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer

    @property
    def gaz(self) -> Any:
        return _gaz(self.gazetteer)

    def within(self, place_or_point: Any, container: Any, km: float | None = None) -> float:
        return assert_within(place_or_point, container, km, gazetteer=self.gaz)

    def near(self, subject: Any, anchor: Any, km: float | None = None) -> float:
        return assert_near(subject, anchor, km, gazetteer=self.gaz)

    def direction(self, subject: Any, anchor: Any, direction: str, tolerance_deg: float = 67.5) -> float:
        return assert_direction(subject, anchor, direction, tolerance_deg, gazetteer=self.gaz)

    def consistent(self, claim: Any, allow_road: bool = True) -> list:
        return assert_consistent(claim, gazetteer=self.gaz, allow_road=allow_road)

    def events_in_admin1(self, events_or_path: Any) -> int:
        return assert_events_in_admin1(events_or_path, self.gaz)


@pytest.fixture
def geo_assert() -> GeoAssert:
    """Geo-consistency assertions on the default gazetteer (see :class:`GeoAssert`)."""
    return GeoAssert()
