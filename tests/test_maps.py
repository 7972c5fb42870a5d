"""geo.maps and `kharita map`: structure of the HTML, determinism, offline, input errors."""

from __future__ import annotations

import base64
import json
import re
import zlib
from pathlib import Path

import pytest

from conftest_browser import make_events
from geo.io.geojson import event_to_feature
from geo.maps import event_map, records_from, render_html, save_map
from geo.maps.core import _pack

REPO = Path(__file__).resolve().parents[1]


def _payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="[^"]+-data">(.*?)</script>', html, re.S)
    assert m, "no embedded event data"
    data = json.loads(m.group(1))
    if "z" in data:
        data = json.loads(zlib.decompress(base64.b64decode(data["z"])).decode("utf-8"))
    return data


def _basemap_of(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="[^"]+-basemap">(.*?)</script>', html, re.S)
    assert m, "no embedded basemap"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def events():
    return make_events()


@pytest.fixture(scope="module")
def offline_html(events):
    return render_html(events, offline=True, title="اختبار <script>window.__xss=9</script>")


def test_records_from_accepts_features_events_and_dicts(events):
    fc = {"type": "FeatureCollection", "features": [event_to_feature(e) for e in events]}
    a, b, c = records_from(fc), records_from(events), records_from([e.to_dict() for e in events])
    assert len(a) == len(b) == len(c) == len(events)
    assert [r["latitude"] for r in a] == [r["latitude"] for r in b] == [e.latitude for e in events]


def test_records_from_geodataframe(events):
    from geo.io import frame

    gdf = frame.to_frame(events)
    recs = records_from(gdf)
    located = [r for r in recs if r.get("latitude") is not None and r["latitude"] == r["latitude"]]
    assert len(located) == sum(e.latitude is not None for e in events)


@pytest.mark.parametrize("bad", [
    {"type": "Feature"},
    {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "LineString"}}]},
    {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1]}}]},
    {"type": "FeatureCollection", "features": ["not a feature"]},
])
def test_malformed_geojson_is_a_clear_error(bad):
    from geo.exc import GeoJSONError

    with pytest.raises(GeoJSONError):
        records_from(bad)


def test_packing_stores_repeated_strings_once(events):
    many = [e for e in events for _ in range(20)]
    data = _pack(records_from(many))
    located = sum(e.latitude is not None for e in events)
    assert data["n"] == 20 * located
    assert all(len(col) == data["n"] for col in data["cols"].values())
    assert len(data["S"]) == len(set(data["S"]))                  # each string once
    assert sum("Military Forces of Libya" in s for s in data["S"]) == 1
    assert data["skipped"] == [["unresolved (no coordinates)", 40]]


def test_out_of_range_coordinates_are_counted_not_drawn(events):
    recs = records_from(events)
    recs[0] = dict(recs[0], latitude=95.0)
    data = _pack(recs)
    assert ["invalid coordinates", 1] in data["skipped"]
    assert data["n"] == sum(e.latitude is not None for e in events) - 1


def test_article_text_is_escaped_everywhere(offline_html):
    for probe in ("<script>window.__xss", "<img src=x", "onerror=\"", "javascript:window", "${window"):
        assert probe not in offline_html
    data = _payload(offline_html)
    assert all("<" not in s for s in data["S"])
    assert "&lt;script&gt;window.__xss=1" in "".join(data["S"])
    assert all(d[2] == -1 or data["S"][d[2]].startswith("https://") for d in data["D"])  # no javascript: URL


def test_render_is_deterministic(events):
    a = render_html(events, offline=True)
    b = render_html(list(events), offline=True)
    assert a == b
    c = render_html(events, offline=False, claims=[{"subject_lat": 31.2, "subject_lon": 16.6,
                                                      "anchor_lat": 32.9, "anchor_lon": 13.2, "verdict": "consistent"}])
    assert c == render_html(events, offline=False, claims=[{"subject_lat": 31.2, "subject_lon": 16.6,
                                                              "anchor_lat": 32.9, "anchor_lon": 13.2,
                                                              "verdict": "consistent"}])


def test_offline_page_is_self_contained(offline_html):
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']?(https?:)?//", offline_html)
    assert "jquery" not in offline_html.lower() and "bootstrap" not in offline_html.lower()
    assert "tile.openstreetmap.org" not in offline_html
    assert "Leaflet 1.9" in offline_html and "data:image/png;base64," in offline_html
    base = _basemap_of(offline_html)
    assert len(base["districts"]) == 22 and base["land"] and base["borders"]
    assert "basemap" not in _payload(offline_html)  # the event payload stays small: plain or compressed alone


def test_online_page_has_osm_tiles_and_no_jquery(events):
    html = render_html(events)
    assert "tile.openstreetmap.org" in html and "OpenStreetMap" in html
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()
    assert "basemap" not in _payload(html) and "-basemap" not in html


def test_compressed_and_plain_payloads_are_equal(events):
    plain = _payload(render_html(events, compress=False))
    packed = render_html(events, compress=True)
    assert '"z":' in packed
    assert _payload(packed) == plain


def test_claim_line_label_and_unlocated_claim():
    from pyproj import Geod

    # the expected figure comes from pyproj directly, not from the product's geo.geodesy
    km = Geod(ellps="WGS84").inv(13.1913, 32.8872, 16.5887, 31.2089)[2] / 1000.0
    claim = {"anchor_lat": 32.8872, "anchor_lon": 13.1913, "subject_lat": 31.2089, "subject_lon": 16.5887,
             "claimed_km": 450, "geodesic_km": round(km, 1), "road_km": None, "verdict": "inconsistent",
             "explanation": "<b>x</b>"}
    data = _pack([], [claim, {"verdict": "unverifiable", "subject": "Nowhere"}])
    (c,) = data["C"]
    assert f"straight {km:.0f} km" in c["label"] and "claimed 450 km" in c["label"] and "road" not in c["label"]
    assert c["colour"] == "#d73027" and "<b>" not in c["popup"] and c["perm"]
    assert c["path"][0] == [3288720, 1319130] and c["path"][-1] == [3120890, 1658870]
    assert ["claims without both points", 1] in data["skipped"]


def test_claim_about_an_overlay_place_is_drawn_from_its_own_points():
    """A claim checked with another gazetteer (a user overlay's place the default gazetteer lacks) is drawn from
    the points the checked claim carries; an older claims record (ids only) falls back to the default gazetteer."""
    import json

    from gazetteer import Gazetteer
    from gazetteer.model import Place
    from geo.claims import check_text

    place = Place(id="user:test-qasr", name_en="Qasr Zawiyat al-Test", name_ar="قصر زاوية التجربة",
                  feature_type="village", lat=31.05, lon=17.05, precision_m=500, source="test", layer="user")
    assert Gazetteer.default().get(place.id) is None
    gaz = Gazetteer([*Gazetteer.load(user=False).places, place])
    (checked,) = check_text("Qasr Zawiyat al-Test, about 60 km east of Sirte.", gaz)
    sirte = gaz.get(checked.claim.anchor.id)
    assert (checked.subject_lat, checked.subject_lon) == (31.05, 17.05)
    assert (checked.anchor_lat, checked.anchor_lon) == (sirte.lat, sirte.lon)
    record = json.loads(json.dumps(checked.to_dict()))  # as `kharita check --json` / `kharita run` write it
    assert record["subject_id"] == place.id and record["subject_lat"] == 31.05 and record["anchor_lon"] == sirte.lon
    for claims in ([checked], [record]):
        data = _pack([], claims)
        assert len(data["C"]) == 1 and not any(k == "claims without both points" for k, _n in data["skipped"])
        (c,) = data["C"]
        assert c["s"] == [3105000, 1705000] and c["a"] == [round(sirte.lat * 1e5), round(sirte.lon * 1e5)]
    html = render_html([], claims=[record], offline=True)
    assert len(_payload(html)["C"]) == 1
    # a claims file from before the points were written: looked up in the default gazetteer, which lacks the place
    legacy = {k: v for k, v in record.items() if k not in ("subject_lat", "subject_lon", "anchor_lat", "anchor_lon")}
    data = _pack([], [legacy])
    assert data["C"] == [] and ["claims without both points", 1] in data["skipped"]
    legacy_known = dict(legacy, subject_id=sirte.id)  # ids the default gazetteer has: still drawn, by lookup
    assert len(_pack([], [legacy_known])["C"]) == 1


def test_event_map_reuses_a_given_map_and_save_map_writes_atomically(tmp_path, events):
    import folium

    m0 = folium.Map(tiles=None)
    m = event_map(events, m=m0, offline=True)
    assert m is m0
    out = save_map(m, tmp_path / "sub" / "x.html")
    assert out.read_text(encoding="utf-8") == save_map(m, tmp_path / "y.html").read_text(encoding="utf-8")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["x.html"]


def test_cli_map_writes_offline_html_and_reports_bad_input(tmp_path, events, capsys):
    from geo.cli import main

    src = tmp_path / "events.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [event_to_feature(e) for e in events]},
                              ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "m.html"
    with pytest.raises(SystemExit) as ex:
        main(["map", str(src), "--offline", "-o", str(out)])
    assert ex.value.code == 0 and out.exists()
    assert _payload(out.read_text(encoding="utf-8"))["n"] == 5
    for name, content in [("empty.geojson", b""), ("bin.geojson", b"\x00\xff\xfe\x89PNG"),
                          ("bad.geojson", b'{"type": "FeatureCollection", "features": [}'),
                          ("cp1256.geojson", "{\"a\": \"سرت\"}".encode("cp1256")),
                          ("line.geojson", b'{"type": "FeatureCollection", "features": [{"type": "Feature", '
                                           b'"geometry": {"type": "LineString", "coordinates": []}}]}')]:
        bad = tmp_path / name
        bad.write_bytes(content)
        with pytest.raises(SystemExit) as ex:
            main(["map", str(bad), "-o", str(tmp_path / "never.html")])
        assert ex.value.code == 2, name
        err = capsys.readouterr().err
        assert "kharita: error:" in err and name in err and "Traceback" not in err
    assert not (tmp_path / "never.html").exists()


def test_sample_map_is_current(tmp_path):
    """maps/sample.html is what `make maps` (kharita run --offline) renders today."""
    from geo.cli import main

    committed = REPO / "maps" / "sample.html"
    assert committed.exists(), "maps/sample.html is missing: run `make maps`"
    fresh = tmp_path / "sample.html"
    with pytest.raises(SystemExit) as ex:
        main(["run", "--offline", "-o", str(fresh)])
    assert ex.value.code in (0, 1)
    assert fresh.read_bytes() == committed.read_bytes(), "maps/sample.html is stale: run `make maps`"


def test_cli_map_reports_impossible_coordinates(tmp_path):
    import json
    import subprocess
    import sys

    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [16.5, 131.2]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [16.59, 31.2]}, "properties": {}},
    ]}
    src = tmp_path / "ev.geojson"
    src.write_text(json.dumps(fc), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "geo", "map", str(src), "-o", str(tmp_path / "m.html")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "1 of 2 events drawn" in r.stderr
    assert "feature 0" in r.stderr and "swapped lat/lon" in r.stderr


# --------------------------------------------------------------------------- basemap, districts, purposes
BASEMAP = REPO / "geo" / "data" / "basemap" / "basemap.json"
CITIES = {"Tripoli": ("gn:2210247", "adm1:LY.77"), "Benghazi": ("gn:88319", "adm1:LY.69"),
          "Misrata": ("gn:2214846", "adm1:LY.72")}
SETTLED = {"capital", "city", "town", "village", "neighbourhood", "area"}


def _decode(enc, scale):
    import numpy as np

    return np.cumsum(np.asarray(enc, dtype=np.int64).reshape(-1, 2), axis=0) / scale


def basemap_shapes():
    """(land incl. Libya, {district id: polygon}) decoded from the committed basemap, independently of geo.maps."""
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.ops import unary_union

    doc = json.loads(BASEMAP.read_text(encoding="utf-8"))
    poly = lambda p: Polygon(_decode(p[0], doc["scale"]), [_decode(r, doc["scale"]) for r in p[1:]])  # noqa: E731
    districts = {d["id"]: MultiPolygon([poly(p) for p in d["polys"]]) for d in doc["districts"]}
    land = unary_union([poly(p) for p in doc["land"]] + list(districts.values()))
    return land, districts


def city_places() -> dict[str, list[dict]]:
    """Gazetteer towns and neighbourhoods whose parent chain reaches Tripoli, Benghazi or Misrata."""
    import csv

    with (REPO / "gazetteer" / "data" / "gazetteer.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    by_id = {r["id"]: r for r in rows}
    out: dict[str, list[dict]] = {c: [] for c in CITIES}
    for r in rows:
        if r["feature_type"] not in SETTLED:
            continue
        chain, p = set(), r
        while p is not None and p["id"] not in chain:
            chain.add(p["id"])
            p = by_id.get(p["parent_id"])
        for city, ids in CITIES.items():
            if chain & set(ids):
                out[city].append(r)
    return out


def test_basemap_is_compact_and_has_the_22_districts_named_from_the_gazetteer():
    import csv

    from shapely.geometry import Point

    assert BASEMAP.stat().st_size < 200_000, "basemap grew: check the simplification"
    doc = json.loads(BASEMAP.read_text(encoding="utf-8"))
    assert "public domain" in doc["source"] and "Natural Earth 1:10m" in doc["source"]
    with (REPO / "gazetteer" / "data" / "districts.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert {d["id"] for d in doc["districts"]} == set(rows) and len(rows) == 22
    _land, districts = basemap_shapes()
    for d in doc["districts"]:
        r = rows[d["id"]]
        assert (d["name_en"], d["name_ar"]) == (r["name_en"], r["name_ar"])
        geom = districts[d["id"]]
        assert geom.is_valid and geom.contains(Point(float(r["lon"]), float(r["lat"]))), d["id"]  # holds its seat
        assert geom.contains(Point(d["label"][1], d["label"][0]))
    ids = sorted(districts)
    for k, a in enumerate(ids):  # a coverage: districts do not overlap
        for b in ids[k + 1:]:
            assert districts[a].intersection(districts[b]).area < 1e-5, (a, b)  # slivers of simplification only


@pytest.mark.parametrize("city", sorted(CITIES))
def test_city_places_fall_on_land(city):
    """Every gazetteer town/neighbourhood of the city lies on the basemap's land (1:10m coast), not at sea."""
    from shapely.geometry import Point

    land, _districts = basemap_shapes()
    places = city_places()[city]
    assert len(places) >= 10
    at_sea = [(r["id"], r["lat"], r["lon"]) for r in places if not land.contains(Point(float(r["lon"]), float(r["lat"])))]
    assert at_sea == []


def test_coastal_towns_west_of_tripoli_are_on_land():
    """The regression the 1:10m basemap fixes: towns west of Tripoli (Zawiya, Sabratha, Zuwara) are on land."""
    from shapely.geometry import Point

    land, _ = basemap_shapes()
    for lat, lon in ((32.7571, 12.7276), (32.7933, 12.4885), (32.9312, 12.0820)):  # Zawiya, Sabratha, Zuwara
        assert land.contains(Point(lon, lat))


def test_district_stats_match_the_frame(events):
    """The choropleth's counts are those of a spatial join of the event frame with the district polygons."""
    import geopandas as gpd

    from geo.io import frame

    many = [e for e in events for _ in range(3)] + [e for e in events[:1]]
    gdf = frame.to_frame(many)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    _land, districts = basemap_shapes()
    polys = gpd.GeoDataFrame({"district": list(districts)}, geometry=list(districts.values()), crs="EPSG:4326")
    joined = gpd.sjoin(gdf, polys, predicate="within", how="left")
    expect_n = joined.groupby("district").size().to_dict()
    expect_f = joined.groupby("district")["fatalities"].sum().to_dict()
    data = _pack(many, districts=True)
    doc = json.loads(BASEMAP.read_text(encoding="utf-8"))
    got = {d["id"]: tuple(v) for d, v in zip(doc["districts"], data["districts"])}
    assert len(got) == 22
    for did, (n, f) in got.items():
        assert n == expect_n.get(did, 0) and f == int(expect_f.get(did, 0)), did
    assert sum(n for n, _ in got.values()) + data["districts_outside"] == data["n"]
    assert sum(n for n, _ in got.values()) == int(joined["district"].notna().sum()) > 0


def test_colour_by_actor_and_date(events):
    data = _pack(events, by="actor")
    by = data["by"]
    assert by["kind"] == "actor" and [data["S"][k] for k in by["keys"]][0] == "Military Forces of Libya"
    assert by["counts"][0] == 4 and by["other"] == 0 and len(by["colours"]) == len(by["keys"])
    assert _pack(events, by="date")["by"]["kind"] == "date" and _pack(events)["by"] == {"kind": "type"}
    with pytest.raises(ValueError):
        _pack(events, by="colour")
    with pytest.raises(ValueError):
        event_map(events, choropleth="deaths")


def test_heat_asset_is_inlined_only_when_asked(events):
    plain = render_html(events, offline=True)
    heat = render_html(events, offline=True, heat=True)
    assert "simpleheat" not in plain and "L.heatLayer=function" in heat and "simpleheat" in heat
    assert not re.search(r"<script[^>]+src=", heat)
    online = render_html(events, heat=True, choropleth="events")
    assert "L.heatLayer=function" in online and len(_basemap_of(online)["districts"]) == 22
    assert len(_payload(online)["districts"]) == 22


def test_columns_from_features_records_and_frames_agree(events):
    from geo.io import frame
    from geo.maps import columns_from

    fc = {"type": "FeatureCollection", "features": [event_to_feature(e) for e in events]}
    a = _pack(columns_from(fc))
    b = _pack([e.to_dict() for e in events])
    c = _pack(frame.to_frame(events))
    assert a["n"] == b["n"] == c["n"] == 5
    strings = lambda d: sorted(d["S"])  # noqa: E731 - same strings, table order may differ by input
    assert strings(a) == strings(b) == strings(c)
    assert a == b


def test_cli_map_reads_geoparquet_and_draws_the_same(tmp_path, events):
    from geo.io import frame
    from geo.cli import main

    src = tmp_path / "ev.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [event_to_feature(e) for e in events]},
                              ensure_ascii=False), encoding="utf-8")
    pq = tmp_path / "ev.parquet"
    frame.write_events(frame.to_frame(events), pq)
    pages = {}
    for path in (src, pq):
        out = tmp_path / f"{path.suffix[1:]}.html"
        with pytest.raises(SystemExit) as ex:
            main(["map", str(path), "--by", "date", "--heat", "--choropleth", "fatalities", "--offline",
                  "--title", "t", "-o", str(out)])
        assert ex.value.code == 0
        pages[path.suffix] = _payload(out.read_text(encoding="utf-8"))
    g, p = pages[".geojson"], pages[".parquet"]
    assert g["n"] == p["n"] == 5 and g["districts"] == p["districts"] and g["by"] == p["by"] == {
        "kind": "date", "ramp": g["by"]["ramp"], "undated_colour": "#7f7f7f"}
    assert sorted(g["cols"]["i"]) == sorted(p["cols"]["i"])
    with pytest.raises(SystemExit) as ex:
        main(["map", str(tmp_path / "missing.parquet"), "-o", str(tmp_path / "x.html")])
    assert ex.value.code == 2


def test_cli_map_bad_parquet_is_one_line_error_naming_file_and_row(tmp_path, capsys):
    import pyarrow as pa
    import pyarrow.parquet as pq
    import shapely

    from geo.cli import main

    good = shapely.to_wkb(shapely.Point(13.2, 32.9))
    cases = {
        "empty.parquet": None,
        "junk.parquet": b"PAR1 this is not a parquet file PAR1",
        "plain.parquet": pa.table({"a": [1, 2]}),
        "wkb.parquet": pa.table({"geometry": [good, None, b"zz", b"\x01\x01"], "event_type": ["Battles"] * 4}),
    }
    want = {"empty.parquet": "not a readable Parquet file", "junk.parquet": "not a readable Parquet file",
            "plain.parquet": "no geometry column and no latitude/longitude columns",
            "wkb.parquet": "row 2: geometry is not valid WKB (1 more rows too)"}
    for name, content in cases.items():
        path = tmp_path / name
        if content is None:
            path.write_bytes(b"")
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            pq.write_table(content, path)
        with pytest.raises(SystemExit) as ex:
            main(["map", str(path), "-o", str(tmp_path / "x.html")])
        err = capsys.readouterr().err.strip()
        assert ex.value.code == 2, (name, err)
        assert err.count("\n") == 0 and name in err and want[name] in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


def _folium_page(events, **kw) -> str:
    from geo.maps.page import _render

    return _render(event_map(events, **kw))


@pytest.mark.parametrize("kw", [
    {}, {"offline": True}, {"offline": True, "title": "T & <b>'x'</b> \"q\" {{ 7*191 }}"},
    {"heat": True, "by": "actor", "title": "حرب"}, {"choropleth": "events", "time_slider": False},
    {"offline": True, "by": "date", "heat": True, "choropleth": "fatalities", "compress": True},
    {"offline": True, "compress": False},
])
def test_page_without_folium_is_folium_page_byte_for_byte(events, kw):
    """render_html writes a new map's page without folium (what `kharita map` uses): the same bytes as
    folium's render, for every option; with other folium/branca/xyzservices versions it is folium's."""
    import geo.maps.core as core

    claims = [{"anchor_lat": 31.2, "anchor_lon": 16.6, "subject_lat": 31.0, "subject_lon": 16.9,
               "verdict": "consistent", "claimed_km": 30, "text": "<script>x</script>"}]
    for evs in (events, make_events() * 40):  # small (plain JSON) and large (deflated) payloads
        want = _folium_page(evs, claims=claims, **kw)
        quick = core._quick_html(evs, claims=claims, **kw)
        if core._quick_ok(kw.get("offline", False)):
            assert quick == want
        else:  # another version installed: the page comes from folium
            assert quick is None
        assert render_html(evs, claims=claims, **kw) == want


def test_page_without_folium_stands_down_for_other_versions(events, monkeypatch):
    import geo.maps.core as core

    monkeypatch.setitem(core.QUICK_PAGE_VERSIONS, "folium", "0.0.0")
    assert core._quick_html(events, offline=True) is None
    assert render_html(events, offline=True) == _folium_page(events, offline=True)


def test_guard_on_utf8_bytes_matches_script_json():
    from geo.maps.html import guard_script_utf8, script_json, unguarded_json

    cases = [{"S": [], "a": 1}, {"S": ["x", ""], "b": [1, {"z": 1, "a": "q"}]}, {"S": ['a"b'], "T": 1},
             {"S": ["ع", "x\\y"]}, {"S": ["a", "b\x1f"]}, {"S": [1, "a"]}, {"n": 1},
             {"S": ["</script>", "\u2028", "&amp;"], "Z": None}]
    for d in cases:
        assert guard_script_utf8(unguarded_json(d).encode()) == script_json(d).encode()


def test_parquet_text_columns_read_as_dictionaries_give_to_pylist():
    import pyarrow as pa

    from geo.cli.map import _pylist

    for vals in (["a", None, "b", "a"] * 5, [None] * 3, ["x"], ["q", "r", None, "q", None, "z", "r", "q", None]):
        d = pa.array(vals).dictionary_encode()
        col = pa.chunked_array([d, pa.array(vals[::-1]).dictionary_encode().slice(1), d.slice(3, 4)])
        assert _pylist(col) == col.to_pylist() == vals + vals[::-1][1:] + vals[3:7]
    plain = pa.chunked_array([pa.array([1, None, 3])])
    assert _pylist(plain) == [1, None, 3]


def test_cli_map_imports_no_folium_pandas_or_shapely(tmp_path, events):
    """`kharita map` of GeoJSON or GeoParquet in a fresh process loads none of the heavy libraries."""
    import subprocess
    import sys

    from geo.io import frame

    pq = tmp_path / "ev.parquet"
    frame.write_events(frame.to_frame(events), pq)
    gj = tmp_path / "ev.geojson"
    gj.write_text(json.dumps({"type": "FeatureCollection", "features": [event_to_feature(e) for e in events]},
                             ensure_ascii=False), encoding="utf-8")
    probe = ("import sys; from geo.cli import main\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('folium', 'branca', 'jinja2', 'pandas', 'geopandas', 'shapely',"
             " 'pyarrow.dataset') if m in sys.modules))")
    for src in (gj, pq):
        out = subprocess.run([sys.executable, "-c", probe, "map", str(src), "--offline", "-o",
                              str(tmp_path / "m.html")], capture_output=True, text=True, check=True)
        assert out.stdout.strip().splitlines()[-1] == "[]", (src, out.stdout, out.stderr)


# --- the parallel deflate of large payloads ------------------------------------------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402

from geo.maps.core import deflate  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=200_000) | st.text(alphabet="سرت بنغازي {}\":,0123456789", max_size=120_000).map(str.encode),
       piece=st.integers(min_value=1, max_value=70_000), level=st.integers(min_value=0, max_value=9))
def test_deflate_is_one_zlib_stream_whatever_the_pieces(data: bytes, piece: int, level: int) -> None:
    z = deflate(data, level, piece=piece, workers=2)
    assert zlib.decompress(z) == data
    assert z[:2] == zlib.compress(b"", level)[:2]  # the header zlib itself writes at that level
    assert deflate(data, level, piece=piece, workers=1) == z  # the bytes never depend on the threads
    if len(data) <= piece:
        assert z == zlib.compress(data, level)


def test_deflate_in_pieces_costs_almost_nothing_in_size() -> None:
    # each piece starts from the 32 KB before it, so repetitive map data compresses as in one pass
    rows = [f'{{"id":"ev-{i:05d}","lat":{30 + i % 97 / 100},"place":"سرت","type":"Battles"}}' for i in range(60_000)]
    data = ",".join(rows).encode()
    one = zlib.compress(data, 5)
    parts = deflate(data, 5, piece=len(data) // 6)
    assert zlib.decompress(parts) == data
    assert len(parts) < len(one) * 1.01
    cold = b"".join(zlib.compress(data[i:i + len(data) // 6], 5) for i in range(0, len(data), len(data) // 6))
    assert len(parts) < len(cold)  # pieces without the dictionary would lose more
