"""geo.maps and `kharita map`: structure of the HTML, determinism, offline, input errors."""

from __future__ import annotations

import base64
import json
import re
import zlib
from pathlib import Path

import pytest

from conftest_browser import make_events
from geo.maps import _pack, event_map, records_from, render_html, save_map

REPO = Path(__file__).resolve().parents[1]


def _payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="[^"]+-data">(.*?)</script>', html, re.S)
    assert m, "no embedded event data"
    data = json.loads(m.group(1))
    if "z" in data:
        data = json.loads(zlib.decompress(base64.b64decode(data["z"])).decode("utf-8"))
    return data


@pytest.fixture(scope="module")
def events():
    return make_events()


@pytest.fixture(scope="module")
def offline_html(events):
    return render_html(events, offline=True, title="اختبار <script>window.__xss=9</script>")


def test_records_from_accepts_features_events_and_dicts(events):
    fc = {"type": "FeatureCollection", "features": [e.to_feature() for e in events]}
    a, b, c = records_from(fc), records_from(events), records_from([e.to_dict() for e in events])
    assert len(a) == len(b) == len(c) == len(events)
    assert [r["latitude"] for r in a] == [r["latitude"] for r in b] == [e.latitude for e in events]


def test_records_from_geodataframe(events):
    from geo import frame

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
    data = _payload(offline_html)
    assert data["basemap"]["features"] and any(f["properties"]["libya"] for f in data["basemap"]["features"])


def test_online_page_has_osm_tiles_and_no_jquery(events):
    html = render_html(events)
    assert "tile.openstreetmap.org" in html and "OpenStreetMap" in html
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()
    assert "basemap" not in _payload(html)


def test_compressed_and_plain_payloads_are_equal(events):
    plain = _payload(render_html(events, compress=False))
    packed = render_html(events, compress=True)
    assert '"z":' in packed
    assert _payload(packed) == plain


def test_claim_line_label_and_unlocated_claim():
    from geo.geodesy import inverse_km

    km, _ = inverse_km(32.8872, 13.1913, 31.2089, 16.5887)
    claim = {"anchor_lat": 32.8872, "anchor_lon": 13.1913, "subject_lat": 31.2089, "subject_lon": 16.5887,
             "claimed_km": 450, "geodesic_km": round(km, 1), "road_km": None, "verdict": "inconsistent",
             "explanation": "<b>x</b>"}
    data = _pack([], [claim, {"verdict": "unverifiable", "subject": "Nowhere"}])
    (c,) = data["C"]
    assert f"straight {km:.0f} km" in c["label"] and "claimed 450 km" in c["label"] and "road" not in c["label"]
    assert c["colour"] == "#d73027" and "<b>" not in c["popup"] and c["perm"]
    assert c["path"][0] == [3288720, 1319130] and c["path"][-1] == [3120890, 1658870]
    assert ["claims without both points", 1] in data["skipped"]


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
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [e.to_feature() for e in events]},
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
