"""Property tests that hold the claim rules together (hypothesis).

* The scalar checker (:func:`geo.claims.check`) and the vectorised one (:func:`geo.claims.check_arrays`)
  give the same verdict on random subject/anchor pairs, random claimed distances and directions, with and
  without hedges ("about", "more than", "less than", in English and Arabic).
* A proximity claim checked by :func:`geo.claims.check` and :func:`geo.pytest_plugin.assert_near` agree on
  "near" for random pairs (both public functions are called; neither test calls the shared helper).

Expected values are never computed by the code under test, beyond comparing its two paths: distances and
bearings for the expected verdicts come from :class:`pyproj.Geod` here, hedges and compass points are mapped
to bounds and bearings by this file's own tables, and the tolerances used are the documented ones
(``Tolerances`` defaults: ±15 % / ±25 % hedged + 2 km + both places' precision; "near" is at least 15 km
beyond the anchor's edge).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pyproj import Geod

from gazetteer.model import Place
from geo.claims import Claim, check, check_arrays
from geo.pytest_plugin import assert_near

GEOD = Geod(ellps="WGS84")

#: Compass point -> centre bearing (degrees), written out here rather than taken from geo.geodesy.
COMPASS = {"N": 0.0, "NE": 45.0, "E": 90.0, "SE": 135.0, "S": 180.0, "SW": 225.0, "W": 270.0, "NW": 315.0}
#: Hedge as the parser gives it -> how it reads the figure: 1 lower bound, -1 upper bound, 0 a widened figure.
HEDGES: dict[str | None, int] = {
    None: 0, "about": 0, "nearly": 0, "roughly": 0, "نحو": 0, "حوالي": 0,
    "more than": 1, "over": 1, "at least": 1, "اكثر من": 1, "ما يزيد عن": 1, "ما لا يقل عن": 1,
    "less than": -1, "under": -1, "up to": -1, "اقل من": -1,
}
#: Point-like feature types (their radius is at most 15 km; areal types have no point to measure from).
POINT_TYPES = ("capital", "city", "town", "village", "camp", "airport", "neighbourhood")
MAX_PRECISION_M = 20_000.0

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def geod_km_bearing(a: Place, b: Place) -> tuple[float, float]:
    """Distance (km) and initial bearing (0–360°) from ``a`` to ``b``, from pyproj alone."""
    az, _baz, m = GEOD.inv(a.lon, a.lat, b.lon, b.lat)
    return m / 1000.0, az % 360.0


def _coord(lo: float, hi: float):
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


@st.composite
def places(draw, name: str, country=None) -> Place:
    """A point place in Libya's box (mostly) or anywhere off the poles; foreign or Libyan."""
    if draw(st.integers(0, 9)) < 7:
        lat, lon = draw(_coord(19.5, 33.2)), draw(_coord(9.3, 25.2))
    else:
        lat, lon = draw(_coord(-70.0, 70.0)), draw(_coord(-179.9, 179.9))
    return Place(id=f"test:{name}", name_en=name, name_ar="", feature_type=draw(st.sampled_from(POINT_TYPES)),
                 lat=lat, lon=lon, precision_m=draw(st.floats(0.0, MAX_PRECISION_M)), source="test",
                 country=country if country is not None else draw(st.sampled_from(["LY", "LY", "TN"])))


@st.composite
def pairs(draw, country=None) -> tuple[Place, Place]:
    """(subject, anchor); sometimes the same point, sometimes a few km apart."""
    anchor = draw(places("Anchor", country))
    how = draw(st.integers(0, 9))
    if how == 0:
        subject = _same_place_as(anchor, id="test:Subject", name_en="Subject")
    elif how <= 2:  # near the anchor: within ~30 km
        az, km = draw(_coord(0.0, 360.0)), draw(_coord(0.0, 30.0))
        lon, lat, _ = GEOD.fwd(anchor.lon, anchor.lat, az, km * 1000.0)
        subject = Place(id="test:Subject", name_en="Subject", name_ar="", feature_type="village", lat=lat, lon=lon,
                        precision_m=draw(st.floats(0.0, MAX_PRECISION_M)), source="test",
                        country=country if country is not None else draw(st.sampled_from(["LY", "TN"])))
    else:
        subject = draw(places("Subject", country))
    return subject, anchor


def _same_place_as(p: Place, **kw) -> Place:
    fields = {f: getattr(p, f) for f in ("id", "name_en", "name_ar", "feature_type", "lat", "lon", "precision_m",
                                          "source", "country")}
    fields.update(kw)
    return Place(**fields)


def claim(subject: Place, anchor: Place, kind: str, km: float | None = None, direction: str | None = None,
          hedge: str | None = None) -> Claim:
    return Claim(text="test claim", start=0, end=10, kind=kind, subject_text=subject.name_en, subject=subject,
                 anchor_text=anchor.name_en, anchor=anchor, distance_km=km, direction=direction, hedge=hedge)


def arrays_verdict(subject: Place, anchor: Place, km: float | None, direction: str | None, hedge: str | None,
                   road_km: float | None) -> str:
    """The vectorised checker on one row, its inputs built by this file's own tables."""
    res = check_arrays(
        [anchor.lat], [anchor.lon], [subject.lat], [subject.lon],
        claimed_km=[math.nan if km is None else km],
        claimed_bearing=[math.nan if direction is None else COMPASS[direction]],
        hedged=[hedge is not None], bound=[HEDGES[hedge]],
        precision_km=[(subject.precision_m + anchor.precision_m) / 1000.0],
        road_km=[math.nan if road_km is None else road_km],
    )
    return str(res["verdict"][0])


# --------------------------------------------------------------------------- check == check_arrays


@SETTINGS
@given(pair=pairs(), km=_coord(0.2, 2500.0), direction=st.sampled_from([None, *COMPASS]),
       hedge=st.sampled_from(list(HEDGES)))
def test_scalar_and_vectorised_checks_agree_on_distance_claims(pair, km, direction, hedge):
    subject, anchor = pair
    c = check(claim(subject, anchor, "distance", km, direction, hedge))
    assert c.verdict == arrays_verdict(subject, anchor, km, direction, hedge, c.road_km), c.explanation_en
    d, _ = geod_km_bearing(anchor, subject)
    assert c.geodesic_km == pytest.approx(d, abs=1e-6)


@SETTINGS
@given(pair=pairs(), direction=st.sampled_from(list(COMPASS)))
def test_scalar_and_vectorised_checks_agree_on_direction_claims(pair, direction):
    subject, anchor = pair
    c = check(claim(subject, anchor, "direction", None, direction))
    assert c.verdict == arrays_verdict(subject, anchor, None, direction, None, None), c.explanation_en


@SETTINGS
@given(pair=pairs(), fraction=_coord(0.0, 3.0), extra_km=_coord(-30.0, 30.0), direction=st.sampled_from([None, *COMPASS]),
       hedge=st.sampled_from(list(HEDGES)))
def test_paths_agree_where_the_figure_is_close_to_the_distance(pair, fraction, extra_km, direction, hedge):
    """Figures near the measured distance (and near the tolerance edges), where a rounding slip would show."""
    subject, anchor = pair
    d, _ = geod_km_bearing(anchor, subject)
    km = max(0.1, d * fraction + extra_km)
    c = check(claim(subject, anchor, "distance", km, direction, hedge))
    assert c.verdict == arrays_verdict(subject, anchor, km, direction, hedge, c.road_km), c.explanation_en


# --------------------------------------------------------------------------- verdicts against pyproj


@SETTINGS
@given(pair=pairs(country="TN"), hedge=st.sampled_from([None, "about", "نحو"]))
def test_a_figure_equal_to_the_geodesic_is_consistent(pair, hedge):
    subject, anchor = pair
    d, _ = geod_km_bearing(anchor, subject)
    assume(d > 0.5)
    for verdict in (check(claim(subject, anchor, "distance", d, None, hedge)).verdict,
                    arrays_verdict(subject, anchor, d, None, hedge, None)):
        assert verdict == "consistent"


@SETTINGS
@given(pair=pairs(country="TN"))
def test_a_figure_far_above_the_distance_is_inconsistent_and_a_bound_around_it_holds(pair):
    """No road between foreign places: 2d + 50 km is beyond ±15 % + 2 km + 40 km of precision; bounds hold."""
    subject, anchor = pair
    d, _ = geod_km_bearing(anchor, subject)
    cases = [(2 * d + 50.0, None, "inconsistent"), (2 * d + 50.0, "less than", "consistent"),
             (2 * d + 50.0, "اقل من", "consistent"), (max(0.1, d / 2), "more than", "consistent"),
             (max(0.1, d / 2), "اكثر من", "consistent")]
    for km, hedge, want in cases:
        assert check(claim(subject, anchor, "distance", km, None, hedge)).verdict == want, (km, hedge)
        assert arrays_verdict(subject, anchor, km, None, hedge, None) == want, (km, hedge)
    if d > 50.0:  # a lower bound far above the distance fails: no road to rescue it
        assert check(claim(subject, anchor, "distance", 2 * d + 50.0, None, "more than")).verdict == "inconsistent"


@SETTINGS
@given(pair=pairs())
def test_direction_of_the_measured_bearing_holds_and_its_opposite_fails(pair):
    subject, anchor = pair
    d, bearing = geod_km_bearing(anchor, subject)
    assume(d > 50.0)  # beyond the slack (2 km + two precisions of at most 20 km): a bearing is measured
    points = list(COMPASS)
    nearest = points[int(round(bearing / 45.0)) % 8]
    opposite = points[(points.index(nearest) + 4) % 8]
    for direction, want in ((nearest, "consistent"), (opposite, "inconsistent")):
        assert check(claim(subject, anchor, "direction", None, direction)).verdict == want
        assert arrays_verdict(subject, anchor, None, direction, None, None) == want


# --------------------------------------------------------------------------- "near": check == assert_near


def _asserted_near(subject: Place, anchor: Place) -> bool:
    try:
        assert_near(subject, anchor)
    except AssertionError:
        return False
    return True


@SETTINGS
@given(pair=pairs())
def test_proximity_check_and_assert_near_agree(pair):
    subject, anchor = pair
    c = check(claim(subject, anchor, "proximity"))
    assert c.verdict in ("consistent", "inconsistent"), c.explanation_en
    near = _asserted_near(subject, anchor)
    assert (c.verdict == "consistent") == near, c.explanation_en
    d, _ = geod_km_bearing(anchor, subject)
    if d <= 15.0:  # "near" reaches at least 15 km beyond the anchor's edge
        assert near
    # the widest limit here: max(15 km, 3 × 20 km of precision) + 20 km (extent of a capital/precision)
    if d > 15.0 + max(15.0, 3 * MAX_PRECISION_M / 1000.0) + max(15.0, MAX_PRECISION_M / 1000.0):
        assert not near


@SETTINGS
@given(anchor=places("Anchor"), az=_coord(0.0, 360.0), km=_coord(0.0, 120.0))
def test_near_agrees_along_a_ray_from_the_anchor(anchor, az, km):
    """Subjects at a chosen distance (pyproj's forward problem), so the edge of "near" is crossed often."""
    lon, lat, _ = GEOD.fwd(anchor.lon, anchor.lat, az, km * 1000.0)
    subject = Place(id="test:Subject", name_en="Subject", name_ar="", feature_type="village", lat=lat, lon=lon,
                    precision_m=250.0, source="test")
    c = check(claim(subject, anchor, "proximity"))
    assert (c.verdict == "consistent") == _asserted_near(subject, anchor), c.explanation_en
    if km <= 15.0:
        assert c.verdict == "consistent"


def test_the_tables_here_cover_the_checkers_hedges():
    """Every bound hedge the checker knows is in this file's table (else the random claims miss some)."""
    from geo.claims.check import LOWER_BOUND_HEDGES, UPPER_BOUND_HEDGES

    assert {h for h, b in HEDGES.items() if b == 1} <= set(LOWER_BOUND_HEDGES)
    assert {h for h, b in HEDGES.items() if b == -1} <= set(UPPER_BOUND_HEDGES)
    assert np.isclose(GEOD.inv(13.18733, 32.88743, 16.58866, 31.20892)[2] / 1000.0, 370.9, atol=1.0)
