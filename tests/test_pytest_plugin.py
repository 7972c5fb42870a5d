"""The geo-consistency pytest helpers (geo.pytest_plugin), used on the gazetteer and the sample article."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod

from gazetteer.model import Place
from geo.pytest_plugin import (
    GeoAssert,
    assert_consistent,
    assert_direction,
    assert_events_in_admin1,
    assert_near,
    assert_within,
)

GEOD = Geod(ellps="WGS84")


def test_fixture_is_registered(geo_assert):
    assert isinstance(geo_assert, GeoAssert)


def test_sample_camps_are_near_sirte(geo_assert):
    geo_assert.near("معسكر تاقرفت", "سرت")
    geo_assert.near("Al-Jalt camp", "Sirte")


def test_benghazi_districts_of_the_sample_are_inside_benghazi(geo_assert):
    geo_assert.within("سوق الحوت", "بنغازي")
    geo_assert.within("Sabri", "Benghazi")


def test_sirte_is_east_of_tripoli(gaz):
    brg = assert_direction("Sirte", "Tripoli", "E", gazetteer=gaz)
    sirte, tripoli = gaz.get("gn:2210554"), gaz.get("gn:2210247")
    az, _, _ = GEOD.inv(tripoli.lon, tripoli.lat, sirte.lon, sirte.lat)
    assert brg == pytest.approx(az % 360)


def test_accepts_ids_places_and_points(gaz):
    sirte = gaz.get("gn:2210554")
    d = assert_near((31.21, 16.59), sirte, gazetteer=gaz)
    _, _, expected = GEOD.inv(sirte.lon, sirte.lat, 16.59, 31.21)
    assert d == pytest.approx(expected / 1000)
    assert_within("ly:sirte-ouagadougou-centre", "gn:2210554", gazetteer=gaz)


def test_failures_name_the_figures(gaz):
    with pytest.raises(AssertionError, match=r"not near .* km apart"):
        assert_near("Misrata", "Sirte", gazetteer=gaz)
    with pytest.raises(AssertionError, match=r"bearing 119\.\d°"):
        assert_direction("Sirte", "Tripoli", "W", gazetteer=gaz)
    with pytest.raises(AssertionError, match="not within"):
        assert_within("Derna", "Benghazi", gazetteer=gaz)
    with pytest.raises(AssertionError, match="unknown place"):
        assert_near("Qwxzyville", "Sirte", gazetteer=gaz)
    with pytest.raises(AssertionError, match="out of range"):
        assert_near((95.0, 16.0), "Sirte", gazetteer=gaz)


def test_near_is_measured_from_the_anchor_edge(gaz):
    """A village about 20 km from Sirte's point is near Sirte for the helper as for the checker."""
    sirte = gaz.get("gn:2210554")
    lon, lat, _ = GEOD.fwd(sirte.lon, sirte.lat, 150.0, 20_000.0)
    assert assert_near((lat, lon), sirte, gazetteer=gaz) == pytest.approx(20.0, abs=1e-6)
    lon, lat, _ = GEOD.fwd(sirte.lon, sirte.lat, 150.0, 40_000.0)
    with pytest.raises(AssertionError, match="limit 25.0 km"):
        assert_near((lat, lon), sirte, gazetteer=gaz)


FEATURES = ("capital", "city", "town", "village", "neighbourhood", "base", "airport", "landmark", "camp")


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(FEATURES), st.floats(0, 8000), st.sampled_from(FEATURES), st.floats(0, 8000),
       st.floats(0, 360), st.floats(0, 60))
def test_check_and_assert_near_agree(a_type, a_prec, s_type, s_prec, bearing, km):
    """``claims.check`` of "S, near A" is consistent exactly when ``assert_near(S, A)`` passes."""
    from geo.claims import Claim, check

    anchor = Place("t:a", "Anchor", "", a_type, 31.2, 16.6, a_prec, "test")
    lon, lat, _ = GEOD.fwd(anchor.lon, anchor.lat, bearing, km * 1000)
    subject = Place("t:s", "Subject", "", s_type, lat, lon, s_prec, "test")
    verdict = check(Claim("S, near A", 0, 1, "proximity", subject=subject, anchor=anchor)).verdict
    try:
        assert_near(subject, anchor)
        helper_says_near = True
    except AssertionError:
        helper_says_near = False
    assert verdict in ("consistent", "inconsistent")
    assert (verdict == "consistent") == helper_says_near
    # the fixture's bound helper follows the same rule
    assert (verdict == "consistent") == _passes(GeoAssert().near, subject, anchor)


def _passes(f, *args) -> bool:
    try:
        f(*args)
    except AssertionError:
        return False
    return True


def test_assert_consistent(gaz, sample_ar_text):
    (k,) = assert_consistent("Sirte, about 450 km east of Tripoli", gazetteer=gaz)
    assert k.verdict == "consistent_by_road"
    with pytest.raises(AssertionError, match="consistent_by_road"):
        assert_consistent(k, allow_road=False)
    with pytest.raises(AssertionError, match="inconsistent"):
        assert_consistent("Sirte, 450 km west of Tripoli", gazetteer=gaz)
    with pytest.raises(AssertionError, match="no spatial claim"):
        assert_consistent("nothing here", gazetteer=gaz)
    # every located claim of the sample article holds
    from geo.claims import check_text

    located = [k for k in check_text(sample_ar_text, gaz) if k.verdict != "unverifiable"]
    assert located
    for k in located:
        assert_consistent(k)


def _feature(lat, lon, **props):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def test_every_event_of_a_geojson_file_lies_in_its_admin1(tmp_path, gaz):
    sirte, sabri = gaz.get("gn:2210554"), gaz.get("ly:benghazi-sabri")
    good = {"type": "FeatureCollection", "features": [
        _feature(sirte.lat, sirte.lon, id="e1", admin1="Surt", place_id=sirte.id),
        _feature(sabri.lat, sabri.lon, id="e2", admin1="Banghazi", place_id=sabri.id),
        _feature(31.0, 16.5, id="e3", admin1="adm1:LY.76"),  # a bare point inside Surt
    ]}
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps(good), encoding="utf-8")
    assert assert_events_in_admin1(path, gaz) == 3
    bad = {"type": "FeatureCollection", "features": [_feature(sabri.lat, sabri.lon, id="wrong", admin1="Surt")]}
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(AssertionError, match=r"wrong .* km from"):
        assert_events_in_admin1(path, gaz)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(AssertionError, match="not a readable GeoJSON"):
        assert_events_in_admin1(path, gaz)


def test_gazetteer_children_lie_near_their_city(gaz):
    """Gazetteer check: every curated feature of Sirte and Benghazi lies within its parent city's extent."""
    for city_id in ("gn:2210554", "gn:88319"):
        kids = [p for p in gaz.places if p.parent_id == city_id and p.feature_type not in ("district", "region")]
        assert kids
        for p in kids:
            assert_within(p, city_id, km=50.0, gazetteer=gaz)
