"""Gazetteer: lookup, resolution in context, data validation, bad files, reverse."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest
from pyproj import Geod

from gazetteer import Context, Gazetteer, GazetteerDataError, PlaceNotFound
from gazetteer.exc import CoordinateError, check_lat_lon
from gazetteer.normalize import name_key
from gazetteer.store import read_table

GEOD = Geod(ellps="WGS84")
#: Sourced reference points (a copy of the facts the test needs; its header names the source and licence).
REFERENCE = Path(__file__).resolve().parent / "fixtures" / "reference-places.csv"

# Libya's bounding box (generous by ~0.5°).
LY_LAT = (19.0, 34.0)
LY_LON = (9.0, 25.5)


def km(a, b) -> float:
    return GEOD.inv(a.lon, a.lat, b.lon, b.lat)[2] / 1000.0


# --- the places of the sample article, as written there (with clitics) ------------------------

SAMPLE_FORMS = {
    # form as written in the article → expected (English name fragment, feature types allowed)
    "بنغازي": ("Benghazi", {"city"}),
    "سرت": ("Sirte", {"city"}),
    "لسرت": ("Sirte", {"city"}),
    "مدينة سرت": ("Sirte", {"city"}),
    "طرابلس": ("Tripoli", {"capital"}),
    "سوق الحوت": ("Souq", {"neighbourhood", "market"}),
    "والصابري": ("Sabri", {"neighbourhood"}),
    "معسكر تاقرفت": ("Taqrift", {"camp", "base"}),
    "معسكر الجالط": ("Jalt", {"camp", "base"}),
    "قاعة واغادوغو للمؤتمرات": ("Ouagadougou", {"building", "landmark"}),
    "مركز واغادوغو للمؤتمرات": ("Ouagadougou", {"building", "landmark"}),
    "ساحل سرت": ("coast", {"coast"}),
    "جسر قصر بوهادي": ("bridge", {"bridge"}),
    "تقاطع قصر بوهادي": ("junction", {"junction", "roundabout"}),
}

ENGLISH_FORMS = {
    "Benghazi": "Benghazi",
    "Sirte": "Sirte",
    "Surt": "Sirte",
    "Syrte": "Sirte",
    "Sirt": "Sirte",
    "Tripoli": "Tripoli",
    "Souq al-Hout": "Souq",
    "Sabri": "Sabri",
    "Taqrift camp": "Taqrift",
    "Tagrifet": "Taqrift",
    "Al-Jalt camp": "Jalt",
    "Ouagadougou Conference Centre": "Ouagadougou",
    "Qasr Abu Hadi": "Qasr Abu Hadi",
    "Qasr Bu Hadi": "Qasr Abu Hadi",
}


@pytest.mark.parametrize("form", sorted(SAMPLE_FORMS))
def test_sample_article_arabic_forms_resolve(gaz, form):
    frag, types = SAMPLE_FORMS[form]
    ctx = Context(near=(gaz.lookup_id("gn:2210554"),)) if "قصر" in form or "واغادوغو" in form else Context()
    res = gaz.resolve(form, ctx)
    assert res.status == "resolved", res.reason
    assert frag.lower() in res.place.name_en.lower(), (form, res.place)
    assert res.place.feature_type in types, (form, res.place.feature_type)
    assert not res.place.is_foreign


@pytest.mark.parametrize("form", sorted(ENGLISH_FORMS))
def test_english_spellings_resolve(gaz, form):
    res = gaz.resolve(form, Context(near=(gaz.lookup_id("gn:2210554"),)))
    assert res.ok, res.reason
    assert ENGLISH_FORMS[form].lower() in res.place.name_en.lower(), (form, res.place)


def _reference_rows():
    with REFERENCE.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(line for line in f if not line.startswith("#")) if r["lat"] and r["lon"]]


def test_reference_points_within_precision(gaz):
    """Every place with a sourced reference point resolves within its own precision of it."""
    rows = _reference_rows()
    assert len(rows) >= 25
    checked = 0
    for r in rows:
        res = gaz.resolve(r["name_ar"].split(" / ")[0], Context(near=(gaz.lookup_id("gn:2210554"),)))
        if not res.ok:
            res = gaz.resolve(r["name_en"].split(" (")[0].split(" / ")[0])
        assert res.ok, (r["id"], r["name_en"], res.reason)
        d_m = GEOD.inv(res.place.lon, res.place.lat, float(r["lon"]), float(r["lat"]))[2]
        if "conflicting" in r["status"]:
            # the reference itself names two anchors (e.g. Ras Lanuf town vs terminal): one of the
            # features bearing the name must sit on the reference point
            head = r["name_en"].split(" (")[0].lower()
            cands = [c.place for c in res.candidates] + [p for p in gaz.places if head in p.name_en.lower()]
            d_m, place = min((GEOD.inv(c.lon, c.lat, float(r["lon"]), float(r["lat"]))[2], c) for c in cands)
            res = type(res)(res.query, res.status, place, res.reason, res.candidates)
        # the reference point and ours may both be approximate: allow our radius, and at least 2 km
        assert d_m <= max(res.place.precision_m, 2000) * 1.5, (r["id"], res.place.id, round(d_m))
        checked += 1
    assert checked == len(rows)


def test_ouagadougou_near_sirte_is_the_hall_not_burkina(gaz):
    sirte = gaz.lookup_id("gn:2210554")
    res = gaz.resolve("واغادوغو", Context(near=(sirte,)))
    assert res.place.country == "LY" and km(res.place, sirte) < 10
    # with a Burkina Faso context the capital wins
    bf = gaz.resolve("واغادوغو", Context(country="BF"))
    assert bf.status == "foreign" and bf.place.country == "BF"


def test_tripoli_is_libyas_unless_context_says_lebanon(gaz):
    assert gaz.resolve("Tripoli").place.id == "gn:2210247"
    assert gaz.resolve("طرابلس").place.id == "gn:2210247"
    leb = gaz.resolve("Tripoli", Context(country="LB"))
    assert leb.place.country == "LB" and leb.status == "foreign"


@pytest.mark.parametrize("name,country", [
    ("العراق", "IQ"), ("Iraq", "IQ"), ("سورية", "SY"), ("سوريا", "SY"), ("أوروبا", ""), ("Europe", ""),
    ("مالطا", "MT"), ("تونس", "TN"), ("مصر", "EG"), ("النيجر", "NE"), ("السودان", "SD"), ("الجزائر", "DZ"),
    ("واشنطن", "US"),
])
def test_foreign_places_are_not_in_libya(gaz, name, country):
    res = gaz.resolve(name)
    assert res.status == "foreign", res.reason
    assert res.place.country == country
    assert not (LY_LAT[0] < res.place.lat < LY_LAT[1] and LY_LON[0] < res.place.lon < LY_LON[1] and country)


@pytest.mark.parametrize("name", ["Xanadu", "قرية لا وجود لها", "", "   ", "!!!"])
def test_unknown_names_are_unknown(gaz, name):
    res = gaz.resolve(name)
    assert res.status == "unknown" and res.place is None
    assert gaz.lookup(name) == []
    assert gaz.get(name) is None
    with pytest.raises(LookupError):
        gaz.lookup_one(name)


def test_two_lookup_contracts(gaz):
    assert gaz.get("gn:2210554").name_en == "Sirte"
    assert gaz.get("nope", default="x") == "x"
    with pytest.raises(PlaceNotFound):
        gaz.lookup_id("nope")


def test_lookup_ranks_and_scores(gaz):
    cands = gaz.lookup("سرت")
    assert cands and cands[0].place.id == "gn:2210554"
    assert all(0 < c.score <= 1 for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)


def test_districts_have_arabic_and_english_names(gaz):
    districts = [p for p in gaz.places if p.feature_type == "district"]
    assert len(districts) == 22
    assert all(d.name_ar and d.name_en for d in districts)
    assert gaz.district_of(gaz.lookup_id("gn:2210554")).id == "adm1:LY.76"
    assert gaz.resolve("Sirt").place.id == "gn:2210554"  # the city wins over the district of the same name


def test_reverse_finds_nearest(gaz):
    sirte = gaz.lookup_id("gn:2210554")
    place, d = gaz.reverse(sirte.lat + 0.001, sirte.lon)
    assert d < 1.0
    assert km(place, sirte) < 1.0
    with pytest.raises(CoordinateError, match="swapped"):
        gaz.reverse(sirte.lon + 80, sirte.lat)


def test_check_lat_lon_hints_swapped():
    with pytest.raises(CoordinateError, match="swapped lat/lon"):
        check_lat_lon(120.5, 31.2)
    with pytest.raises(CoordinateError):
        check_lat_lon(float("nan"), 1)
    assert check_lat_lon("31.2", "16.5") == (31.2, 16.5)


# --- validation of the whole gazetteer ------------------------------------------------------

MAX_CHILD_KM = {
    "neighbourhood": 30, "market": 20, "building": 20, "hospital": 20, "university": 20, "bridge": 40,
    "junction": 40, "roundabout": 40, "camp": 60, "base": 60, "port": 40, "coast": 80, "airport": 40,
}


#: Children of unlisted feature types (villages, areas, terminals…) may sit this far from their parent.
DEFAULT_CHILD_KM = 50

#: A child "stored at the parent point" (or at another place's point) has no coordinate of its own.
_BORROWED_POINT = re.compile(r"\bstored at the\b", re.I)


def test_whole_gazetteer_is_valid(gaz):
    ids = [p.id for p in gaz.places]
    assert len(ids) == len(set(ids))
    for p in gaz.places:
        assert p.source.strip(), p.id
        if p.country == "LY" and p.feature_type != "country":
            assert LY_LAT[0] <= p.lat <= LY_LAT[1] and LY_LON[0] <= p.lon <= LY_LON[1], p.id
        if p.parent_id:
            assert gaz.get(p.parent_id) is not None, (p.id, p.parent_id)


def test_children_with_their_own_point_are_near_their_parent(gaz):
    """Only children with a coordinate of their own: one stored at its parent's point is 0 km away by construction."""
    checked, far = [], []
    for p in gaz.places:
        parent = gaz.get(p.parent_id) if p.parent_id else None
        if parent is None or parent.feature_type in ("district", "country") or _BORROWED_POINT.search(p.source) \
                or _BORROWED_POINT.search(parent.source):
            continue  # a point borrowed either way (a town stored at its airport's point) is 0 km by construction
        d = km(p, parent)
        checked.append(d)
        limit = MAX_CHILD_KM.get(p.feature_type, DEFAULT_CHILD_KM)
        if d > limit:
            far.append(f"{p.id} ({p.feature_type}) is {d:.1f} km from its parent {parent.id} (limit {limit} km)")
    assert not far, "children far from their parent:\n" + "\n".join(far)
    # the test must bite: dozens of children with their own point, nearly all of them away from the parent's
    assert len(checked) >= 30, len(checked)
    assert sum(d > 0.5 for d in checked) >= 0.9 * len(checked), sorted(checked)


#: Pairs that share a name key and a point within 1 km in today's data (reported, not yet fixed in the data).
KNOWN_DUPLICATES = {
    # GeoNames cities500 has Zawiya twice: "Zawiya"/الزاوية (2216885) and "Az Zāwīyah"/الزاوية (2218970), 0.5 km apart
    frozenset({"gn:2216885", "gn:2218970"}),
}


def _same_name_same_point(gaz, max_km: float = 1.0) -> dict[frozenset, tuple[str, float]]:
    """Pairs of places sharing a name key within ``max_km`` of each other, neither the parent of the other."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for p in gaz.places:
        for n in p.names:
            if k := name_key(n):
                by_key[k].add(p.id)
    found: dict[frozenset, tuple[str, float]] = {}
    for k, ids in sorted(by_key.items()):
        ids_sorted = sorted(ids)
        for i, a_id in enumerate(ids_sorted):
            for b_id in ids_sorted[i + 1:]:
                a, b = gaz.get(a_id), gaz.get(b_id)
                if a.parent_id == b.id or b.parent_id == a.id:
                    continue
                d = km(a, b)
                if d <= max_km:
                    found.setdefault(frozenset({a_id, b_id}), (k, d))
    return found


def test_no_two_features_share_a_name_and_a_point(gaz):
    """Issue 11: two features with one name key within 1 km are one place twice, unless one contains the other."""
    found = _same_name_same_point(gaz)
    new = [f"{' and '.join(sorted(pair))} share the name key {k!r} and lie {d * 1000:.0f} m apart"
           for pair, (k, d) in sorted(found.items(), key=lambda kv: sorted(kv[0])) if pair not in KNOWN_DUPLICATES]
    assert not new, "the same place twice (merge the rows, or make one the parent of the other):\n" + "\n".join(new)
    stale = [sorted(pair) for pair in KNOWN_DUPLICATES if pair not in found]
    assert not stale, f"fixed in the data: remove from KNOWN_DUPLICATES: {stale}"


def test_same_name_same_point_check_bites():
    from gazetteer import Gazetteer
    from gazetteer.model import Place

    def place(pid, name, lat, parent=""):
        return Place(id=pid, name_en=name, name_ar="", feature_type="town", lat=lat, lon=16.0, precision_m=100,
                     source="test", parent_id=parent, country="LY")

    g = Gazetteer([place("t:a", "Al-Hawa", 31.0), place("t:b", "Hawa", 31.005), place("t:c", "Hawa", 31.0, "t:a"),
                   place("t:d", "Hawa", 31.5)])
    # a/b: same key ("hawa"), 0.55 km; c is a's child; d is 55 km away
    assert set(_same_name_same_point(g)) == {frozenset({"t:a", "t:b"}), frozenset({"t:b", "t:c"})}


def test_curated_layer_size_and_sources(gaz):
    curated = [p for p in gaz.places if p.layer == "curated"]
    assert len(curated) >= 80
    assert all(p.source and p.id.startswith("ly:") for p in curated)
    assert len([p for p in gaz.places if p.layer == "geonames"]) >= 100
    assert all(p.geonames_id for p in gaz.places if p.layer == "geonames")


def test_package_table_is_current():
    from gazetteer import build

    text = (Path(build.OUT)).read_text(encoding="utf-8")
    from gazetteer.store import render_table

    assert render_table(build.build()) == text, "gazetteer.tsv is stale: run `make gazetteer`"


# --- bad files ------------------------------------------------------------------------------

HEADER = "id,name_en,name_ar,feature_type,lat,lon,precision_m,source\n"


@pytest.mark.parametrize("body,match", [
    ("id,name_en,lat,lon\nx,Foo,1,2\n", "missing column"),
    (HEADER + "ly:a,A,أ,town,31,16,100,src\nly:a,B,ب,town,31,16,100,src\n", "row 3.*duplicate id"),
    (HEADER + "ly:a,A,أ,town,north,16,100,src\n", "row 2.*'lat'"),
    (HEADER + "ly:a,A,أ,town,131,16,100,src\n", "row 2.*swapped"),
    (HEADER + "ly:a,A,أ,spaceport,31,16,100,src\n", "row 2.*feature_type"),
    (HEADER + "ly:a,A,أ,town,31,16,100,\n", "row 2.*'source' is empty"),
    (HEADER + "ly:a,,,town,31,16,100,src\n", "row 2.*name_en or name_ar"),
])
def test_bad_tables_name_the_row(tmp_path, body, match):
    f = tmp_path / "bad.csv"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=match):
        read_table(f)
    with pytest.raises(ValueError):  # also a builtin ValueError
        Gazetteer.from_file(f)


def test_non_utf8_table(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_bytes(HEADER.encode() + "ly:a,A,سرت,town,31,16,100,src\n".encode("cp1256"))
    with pytest.raises(GazetteerDataError, match="not UTF-8"):
        read_table(f)


def test_lookup_falls_back_to_spelling_variants_with_a_lower_score():
    from gazetteer import Gazetteer

    gaz = Gazetteer.load(user=False)
    best = gaz.lookup("Gheryan")[0]
    assert best.place.id == "gn:2217362" and best.how in ("phonetic", "edit") and best.score < 0.75
    exact = gaz.lookup("Gharyan")[0]
    assert exact.place.id == "gn:2217362" and exact.score > best.score
    assert gaz.lookup("Qwertyuiop") == []


def test_buerat_is_buerat_al_hassun_not_an_old_name_of_tarhuna(gaz):
    # dropped_aliases.csv removes GeoNames' El-Buerat from Tarhuna: news names Buerat al-Hassun so
    assert gaz.resolve("Buerat").place.id == "ly:surt-buerat"
    assert gaz.resolve("البويرات").place.id == "ly:surt-buerat"
    assert gaz.resolve("Tarhuna").place.id == "gn:2210221"


def test_every_dropped_alias_is_gone_and_each_says_why(gaz):
    path = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "dropped_aliases.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for r in rows:
        assert r["reason"].strip()
        assert r["alias"] not in gaz.get(r["id"]).aliases


def test_a_dropped_alias_row_without_its_reason_is_refused_with_file_and_row(tmp_path, monkeypatch):
    import gazetteer.build as build

    (tmp_path / "dropped_aliases.csv").write_text("id,alias,reason\ngn:2210221,El-Buerat,\n", encoding="utf-8")
    monkeypatch.setattr(build, "DATA", tmp_path)
    with pytest.raises(GazetteerDataError, match=r"dropped_aliases\.csv, row 2: .*reason"):
        build._read_dropped()
