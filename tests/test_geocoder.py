"""The offline geopy geocoder."""

from __future__ import annotations

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer import CoordinateError
from gazetteer.geocoder import Kharita


@pytest.fixture(scope="module")
def coder():
    from gazetteer import Gazetteer

    return Kharita(Gazetteer.load(user=False))


def test_is_a_geopy_geocoder(coder):
    assert isinstance(coder, Geocoder)


def test_geocode(coder):
    loc = coder.geocode("بنغازي")
    assert isinstance(loc, Location) and loc.raw["id"] == "gn:88319"
    assert abs(loc.latitude - 32.11) < 0.1
    many = coder.geocode("Tripoli", exactly_one=False)
    assert isinstance(many, list) and many[0].raw["id"] == "gn:2210247"
    assert any(m.raw["country"] == "LB" for m in many)
    assert coder.geocode("Nowhere-at-all") is None
    assert coder.geocode("") is None


def test_reverse(coder):
    loc = coder.reverse((31.209, 16.589))
    assert loc.raw["distance_km"] < 2
    assert coder.reverse("31.209, 16.589").raw["id"] == loc.raw["id"]
    assert coder.reverse(Point(31.209, 16.589)).raw["id"] == loc.raw["id"]
    with pytest.raises(CoordinateError, match="swapped"):
        coder.reverse((116.5, 31.2))
