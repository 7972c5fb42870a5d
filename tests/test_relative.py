"""Tests of geo.relative: cue phrases, apposition, and derived geometry (checked with pyproj.Geod)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st
from pyproj import Geod

from gazetteer.model import Place
from geo.relative import SETTINGS, find_cue, is_apposition, locate, scale_km

GEOD = Geod(ellps="WGS84")
SIRTE = Place("gn:2210554", "Sirte", "سرت", "city", 31.20892, 16.58866, 3000.0, "test")
TRIPOLI = Place("gn:2210247", "Tripoli", "طرابلس", "capital", 32.88743, 13.18733, 5000.0, "test")


def _cue(text, name):
    return find_cue(text, text.index(name))


@pytest.mark.parametrize(
    "text,name,relation,bearing",
    [
        ("نفذت القوات ضربات من البحر غرب سرت", "سرت", "direction", 270.0),
        ("قصف تمركزات لداعش قرب قاعة واغادوغو", "قاعة", "near", None),
        ("اشتباكات بالقرب من سرت", "سرت", "near", None),
        ("يقصف مواقع وسط المدينة", "المدينة", "centre", None),
        ("الطريق الذي يؤدي إلى المدخل الشرقي لسرت", "سرت", "entrance", 90.0),
        ("معارك في ضواحي بنغازي", "بنغازي", "outskirts", None),
        ("قتال جنوب غربي سرت", "سرت", "direction", 225.0),
        ("strikes from the sea west of Sirte", "Sirte", "direction", 270.0),
        ("fighting near the Ouagadougou hall", "the Ouagadougou", "near", None),
        ("a boat off the coast of Sirte", "Sirte", "offshore", None),
        ("clashes in northern Sirte", "Sirte", "part", 0.0),
    ],
)
def test_cues(text, name, relation, bearing):
    c = _cue(text, name)
    assert c is not None and c.relation == relation
    from gazetteer.normalize import normalize_with_offsets

    # the document-level normalisation gives the same cue as normalising the window
    assert find_cue(text, text.index(name), normalized=normalize_with_offsets(text)) == c
    assert c.bearing == bearing
    assert c.end == text.index(name)
    assert text[c.start:c.end].strip() == c.words


def test_distance_cue_arabic_and_english():
    t = "سرت الواقعة على بعد نحو 450 كلم شرق طرابلس"
    c = _cue(t, "طرابلس")
    assert (c.relation, c.distance_km, c.bearing) == ("km", 450.0, 90.0)
    t = "Sirte, which lies about 450 km east of Tripoli"
    c = _cue(t, "Tripoli")
    assert (c.relation, c.distance_km, c.bearing) == ("km", 450.0, 90.0)
    t = "على بعد ٢٠ كيلومترا غرب سرت"
    assert _cue(t, "سرت").distance_km == 20.0
    t = "على بعد 30 كلم إلى الغرب من سرت"
    assert (_cue(t, "سرت").distance_km, _cue(t, "سرت").bearing) == (30.0, 270.0)
    t = "some 12 miles south of Benghazi"
    assert _cue(t, "Benghazi").distance_km == pytest.approx(12 * 1.609344)


def test_no_cue_for_plain_mention():
    assert _cue("دخلت القوات مدينة سرت", "سرت") is None
    assert _cue("forces entered Sirte", "Sirte") is None
    # «الشرق» inside another word is not a direction
    assert _cue("المشرق سرت", "سرت") is None


def test_apposition_rule():
    t = "دخلت مدينة سرت، معقل تنظيم الدولة الإسلامية داعش شرق طرابلس، حيث تدور معارك"
    prev_end = t.index("سرت") + 3
    c = _cue(t, "طرابلس")
    assert is_apposition(t, prev_end, c.start)
    t2 = "سرت الواقعة على بعد نحو 450 كلم شرق طرابلس"
    assert is_apposition(t2, 3, _cue(t2, "طرابلس").start)
    # a new clause: the direction locates the event, not the earlier place
    t3 = "وصلت القوات إلى سرت حيث نفذت ضربات غرب طرابلس"
    assert not is_apposition(t3, t3.index("سرت") + 3, _cue(t3, "طرابلس").start)
    t4 = "Forces entered Sirte, the group's stronghold east of Tripoli"
    assert is_apposition(t4, t4.index("Sirte") + 5, _cue(t4, "Tripoli").start)
    # a bracket opens a description too: «واحة جالو (300 كلم جنوب بنغازي)», "Benina (east of Benghazi)"
    t5 = "دخلت القوات واحة جالو (300 كلم جنوب بنغازي) وقتلت 6 مدنيين"
    assert is_apposition(t5, t5.index("جالو") + 4, _cue(t5, "بنغازي").start)
    t6 = "the district of Benina (east of Benghazi)"
    assert is_apposition(t6, t6.index("Benina") + 6, _cue(t6, "Benghazi").start)


def test_near_is_circle_around_anchor():
    """"near Sirte" reaches 15 km past Sirte's edge (a city's 10 km): a 25 km circle, the claims' rule."""
    from geo.claims import near_limit_km

    r = locate("near", SIRTE)
    assert (r.point_lat, r.point_lon) == (SIRTE.lat, SIRTE.lon)
    assert r.geo_precision == 2 and r.relation == "near"
    expected = 25_000.0  # max(15 km, 3 × 3 km precision) + 10 km city extent
    assert r.uncertainty_m == pytest.approx(expected)
    assert r.uncertainty_m == pytest.approx(near_limit_km(SIRTE) * 1000)
    coords = [tuple(map(float, p.split())) for p in re.findall(r"-?\d+\.\d+ -?\d+\.\d+", r.uncertainty_wkt)]
    for lon, lat in coords:
        _, _, d = GEOD.inv(SIRTE.lon, SIRTE.lat, lon, lat)
        assert d == pytest.approx(expected, rel=1e-3)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["capital", "city", "town", "village", "base", "landmark", "camp"]), st.floats(0, 8000),
       st.floats(0, 360), st.floats(0, 60))
def test_a_near_event_circle_holds_exactly_what_check_calls_near(ftype, prec_m, bearing, km):
    """The circle drawn for an event "near X" and the proximity check of a claim "Y, near X" agree."""
    from geo.claims import Claim, check

    anchor = Place("t:a", "Anchor", "", ftype, 31.2, 16.6, prec_m, "test")
    lon, lat, _ = GEOD.fwd(anchor.lon, anchor.lat, bearing, km * 1000)
    subject = Place("t:s", "Subject", "", "village", lat, lon, 0.0, "test")
    r = locate("near", anchor)
    _, _, d = GEOD.inv(anchor.lon, anchor.lat, lon, lat)
    if abs(d - r.uncertainty_m) < 1.0:
        return  # on the circle itself: rounding decides
    verdict = check(Claim("Subject, near Anchor", 0, 1, "proximity", subject=subject, anchor=anchor)).verdict
    assert (verdict == "consistent") == (d <= r.uncertainty_m)


def test_direction_point_lies_west_inside_sector():
    r = locate(find_cue("غرب سرت", 4), SIRTE)
    assert r.relation == "west_of" and r.geo_precision == 3
    az, _, d = GEOD.inv(SIRTE.lon, SIRTE.lat, r.point_lon, r.point_lat)
    assert (az % 360) == pytest.approx(270.0, abs=0.5)
    lo, hi = SETTINGS["direction_factor"]
    assert lo * scale_km(SIRTE) * 1000 < d < hi * scale_km(SIRTE) * 1000
    assert r.uncertainty_wkt.startswith("POLYGON ((")


def test_distance_point_matches_geod():
    t = "على بعد نحو 450 كلم شرق طرابلس"
    r = locate(_cue(t, "طرابلس"), TRIPOLI)
    lon2, lat2, _ = GEOD.fwd(TRIPOLI.lon, TRIPOLI.lat, 90.0, 450_000)
    assert r.point_lat == pytest.approx(lat2, abs=1e-6) and r.point_lon == pytest.approx(lon2, abs=1e-6)
    assert r.relation == "km_east_of" and r.geo_precision == 3
    # uncertainty covers the ±20 % sector: at least 20 % of 450 km
    assert r.uncertainty_m >= 0.2 * 450_000


def test_entrance_point_toward_side():
    r = locate(find_cue("المدخل الشرقي لسرت", 15), SIRTE)
    az, _, d = GEOD.inv(SIRTE.lon, SIRTE.lat, r.point_lon, r.point_lat)
    assert r.relation == "east_entrance_of" and r.geo_precision == 2
    assert (az % 360) == pytest.approx(90.0, abs=0.5) and d > 0


def test_unknown_relation_raises():
    with pytest.raises(ValueError):
        locate("direction", SIRTE)  # no bearing


@settings(max_examples=50, deadline=None)
@given(st.floats(-80, 80), st.floats(-179, 179), st.sampled_from([0.0, 90.0, 180.0, 270.0, 45.0]), st.floats(1, 500))
def test_km_offset_roundtrip(lat, lon, bearing, km):
    anchor = Place("x:1", "X", "", "town", lat, lon, 1000.0, "test")
    from geo.relative import RelativeCue

    r = locate(RelativeCue("km", bearing, km, 0, 0, ""), anchor)
    _, _, d = GEOD.inv(lon, lat, r.point_lon, r.point_lat)
    assert d == pytest.approx(km * 1000, rel=1e-6)


@pytest.mark.parametrize("text", ["اشتباكات قرب مدينة سرت", "قصف غرب بلدة سرت", "معارك في ضواحي مدينة سرت", "المدخل الشرقي لمدينة سرت"])
def test_cue_skips_generic_head_noun(text):
    from gazetteer.normalize import normalize_with_offsets

    i = text.index("سرت")
    c = find_cue(text, i)
    assert c is not None
    assert find_cue(text, i, normalized=normalize_with_offsets(text)) == c


@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات في الضواحي الجنوبية لطرابلس يوم 5 مايو 2019.",
    "اندلعت اشتباكات في الأطراف الشرقية لمدينة سرت يوم 5 مايو 2016.",
    "Clashes erupted in the southern suburbs of Tripoli on 5 May 2019.",
])
def test_the_suburbs_on_one_side_of_a_town_are_its_outskirts(text):
    from geo.extract import extract_result

    ev = extract_result(text).events[0]
    assert ev.relation == "outskirts_of" and ev.geo_precision == 2
