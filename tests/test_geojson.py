"""geo.io.geojson: the one GeoJSON dialect of event files, written and read the same way everywhere."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.events import Event, event_id
from geo.exc import GeoJSONError, SchemaError
from geo.io import geojson as gj
from geo.io.frame import from_frame, read_events, to_frame, write_events

FIXTURES = Path(__file__).parent / "fixtures"


def kharita(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=cwd)


# --------------------------------------------------------------------------- one writer, byte for byte


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """`kharita extract` of Arabic and English texts, undated (so some events have no date) and dated."""
    d = tmp_path_factory.mktemp("extract")
    corpus = d / "corpus"
    corpus.mkdir()
    for p in [*sorted((FIXTURES / "corpus" / "texts").glob("*.txt")), FIXTURES / "libya-report-en.txt",
              FIXTURES / "sirte-live-2016-ar.txt"]:
        (corpus / p.name).write_bytes(p.read_bytes())
    out = d / "a.geojson"
    r = kharita("extract", str(corpus), "-o", str(out))
    assert r.returncode == 0, r.stderr
    return out


def test_extract_and_write_events_write_the_same_bytes(extracted, tmp_path):
    a = extracted.read_bytes()
    events = [gj.feature_to_event(f) for f in json.loads(a)["features"]]
    assert len(events) > 20
    assert any(e.event_date is None for e in events) and any(e.event_date for e in events)
    assert any(e.update_time for e in events)
    shuffled = list(events)
    random.Random(7).shuffle(shuffled)
    b = write_events(shuffled, tmp_path / "b.geojson").read_bytes()
    c = write_events(to_frame(shuffled), tmp_path / "c.geojson").read_bytes()
    assert a == b == c
    assert gj.dumps_collection(shuffled).encode("utf-8") == a
    # the writers' fast composition is the plain encoding of the features
    assert gj.dumps_features(gj.event_to_feature(e) for e in gj.sorted_events(shuffled)).encode("utf-8") == a
    # and back: the frame reads the file into the same events
    assert from_frame(read_events(extracted)) == events


def test_run_writes_the_dialect_too(tmp_path):
    out = tmp_path / "s.html"
    r = kharita("run", "--offline", "-o", str(out))
    assert r.returncode == 0, r.stderr
    written = (tmp_path / "s.events.geojson").read_bytes()
    events = from_frame(read_events(tmp_path / "s.events.geojson"))
    assert write_events(events, tmp_path / "again.geojson").read_bytes() == written


def test_layout_of_the_dialect(extracted):
    text = extracted.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == '{"features":['
    assert lines[-2] == '],"kharita_schema":"events/1","type":"FeatureCollection"}' and lines[-1] == ""
    feats = [json.loads(x.rstrip(",")) for x in lines[1:-2]]  # one feature per line
    doc = json.loads(text)
    assert feats == doc["features"] and list(doc) == ["features", "kharita_schema", "type"]
    for f in feats:
        assert list(f) == ["geometry", "id", "properties", "type"] and f["type"] == "Feature"
        p = f["properties"]
        assert list(p) == sorted(p) and "event_id_cnty" in p and "id" not in p and f["id"] == p["event_id_cnty"]
        if f["geometry"] is None:
            assert p["latitude"] is None and p["longitude"] is None
        else:
            assert f["geometry"] == {"coordinates": [p["longitude"], p["latitude"]], "type": "Point"}
            assert isinstance(p["latitude"], float)
        assert p["event_date"] is None or len(p["event_date"]) == 10
    assert "\\u0" not in text  # UTF-8, not escapes
    assert [gj.sort_key(f["properties"]) for f in feats] == sorted(gj.sort_key(f["properties"]) for f in feats)


def test_empty_collection():
    text = gj.dumps_collection([])
    assert text == '{"features":[\n],"kharita_schema":"events/1","type":"FeatureCollection"}\n'
    assert gj.loads_collection(text) == []


def test_values_are_put_in_the_frames_forms(tmp_path):
    """"" for an optional text is null, None for a text is "", an integral coordinate a float: as the frame holds them."""
    e = _event(event_date="", update_time="", uncertainty_wkt="", actor2=None, latitude=31, longitude=16,
               uncertainty_m=500, fatalities=3.0)
    p = gj.event_to_feature(e)["properties"]
    assert (p["event_date"], p["update_time"], p["uncertainty_wkt"], p["actor2"]) == (None, None, None, "")
    assert (p["latitude"], p["longitude"], p["uncertainty_m"], p["fatalities"]) == (31.0, 16.0, 500.0, 3)
    assert type(p["fatalities"]) is int
    assert gj.dumps_collection([e]).encode() == write_events([e], tmp_path / "x.geojson").read_bytes()


def test_fused_file_is_the_dialect_with_extra_properties(tmp_path):
    from geo.fusion import fuse_events, read_fused, write_fused

    a = _event(doc_id="a", id=event_id("a", 1, 5), source="Libya Herald")
    b = _event(doc_id="b", id=event_id("b", 1, 5), source="Al Wasat", fatalities=4)
    fused = fuse_events([a, b])
    path = write_fused(fused, tmp_path / "f.geojson")
    text = path.read_text(encoding="utf-8")
    assert text.endswith('],"kharita_fused":1,"kharita_schema":"events/1","type":"FeatureCollection"}\n')
    doc = json.loads(text)
    assert doc["features"] == [f.to_feature() for f in fused]
    got = read_fused(path)
    assert got["merged_ids"].tolist() == [list(f.merged_ids) for f in fused]
    # the plain events of a fused file are what write_events writes, property for property
    plain = json.loads(write_events([f.event for f in fused], tmp_path / "p.geojson").read_text(encoding="utf-8"))
    assert [{k: v for k, v in f["properties"].items() if k not in fused[0].extras()} for f in doc["features"]] == [
        f["properties"] for f in plain["features"]]


# --------------------------------------------------------------------------- every reader, both dialects


def _legacy_text(events) -> str:
    """The older `kharita extract` dialect: Event field names (``id``), spaced separators, no kharita_schema."""
    feats = []
    for e in events:
        geom = None if e.latitude is None else {"type": "Point", "coordinates": [e.longitude, e.latitude]}
        feats.append(json.dumps({"type": "Feature", "id": e.id, "geometry": geom, "properties": e.to_dict()},
                                ensure_ascii=False, sort_keys=True))
    return '{"features": [\n' + ",\n".join(feats) + '\n], "type": "FeatureCollection"}\n'


@pytest.mark.parametrize("dialect", ["current", "legacy"])
def test_every_reader_reads_both_dialects_alike(tmp_path, dialect):
    from geo.cli.map import load_columns
    from geo.fusion import read_fused
    from geo.maps import columns_from
    from geo.maps.review import load_review_events
    from geo.pytest_plugin import _event_rows

    events = [_event(), _event(id="ev-b", doc_id="b", latitude=None, longitude=None, event_date=None,
                               evidence="قال شاهد «اشتباكات» في سرت"), _event(id="ev-c", doc_id="c", latitude=32.1,
                                                                             longitude=20.07)]
    text = gj.dumps_collection(events) if dialect == "current" else _legacy_text(events)
    path = tmp_path / "e.geojson"
    path.write_text(text, encoding="utf-8")
    want = {e.id: (e.latitude, e.longitude, e.evidence) for e in events}

    def seen(rows):
        return {r["id"]: (r["latitude"], r["longitude"], r["evidence"]) for r in rows}

    assert seen(gj.read_collection(path)) == want
    assert seen(e.to_dict() for e in from_frame(read_events(path))) == want
    cols = load_columns(path)
    assert seen({f: cols[f][i] for f in cols} for i in range(cols.n)) == want
    cols = columns_from(json.loads(text))
    assert seen({f: cols[f][i] for f in cols} for i in range(cols.n)) == want
    assert seen(load_review_events(path)) == want
    assert set(read_fused(path)["merged_ids"].map(tuple)) == {(i,) for i in want}
    assert seen(_event_rows(path)) == want


def test_errors_name_the_file_and_the_line_or_feature(tmp_path):
    p = tmp_path / "bad.geojson"
    p.write_text('{"features": [\n{"type": "Feature"},\n{"type": "Feature", "geometry": null, nope}\n]}', encoding="utf-8")
    with pytest.raises(GeoJSONError, match=r"bad\.geojson, line 3: not JSON") as ei:
        gj.read_collection(p)
    assert "\n" not in str(ei.value)
    p.write_text(gj.dumps_collection([_event()]).replace('"type":"Point"', '"type":"Polygon"'), encoding="utf-8")
    with pytest.raises(GeoJSONError, match=r"bad\.geojson, field 'geometry': feature 1: geometry must be a Point"):
        read_events(p)
    p.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null}, 3]}', encoding="utf-8")
    with pytest.raises(GeoJSONError, match=r"bad\.geojson: feature 2: not a Feature object"):
        gj.read_collection(p)


def test_a_null_geometry_is_unresolved_whatever_the_properties_say():
    f = gj.event_to_feature(_event())
    f["geometry"] = None
    rec = gj.feature_record(f)
    assert rec["latitude"] is None and rec["longitude"] is None
    f["properties"]["latitude"] = float("inf")
    with pytest.raises(GeoJSONError, match="not a finite number"):
        gj.feature_record(f)


def test_writer_refuses_half_a_point():
    with pytest.raises(GeoJSONError, match="longitude missing"):
        gj.dumps_collection([_event(longitude=None)])
    with pytest.raises(GeoJSONError, match="out of range"):
        gj.event_to_feature(_event(latitude=95.0))


def test_feature_to_event_needs_the_schema():
    f = gj.event_to_feature(_event())
    del f["properties"]["actor1"]
    with pytest.raises(SchemaError, match="actor1"):
        gj.feature_to_event(f)


# --------------------------------------------------------------------------- round trip (hypothesis)


def _event(**kw) -> Event:
    base = dict(id=event_id("doc-1", 10, 14, "Battles"), doc_id="doc-1", event_date="2016-06-09", time_precision=1,
                date_note="document date", update_time="14:05", event_type="Battles", sub_event_type="Armed clash",
                actor1="GNA forces", actor2="Islamic State", location="سرت", place_id="gn:2210554",
                place_name_en="Sirte", place_name_ar="سرت", admin1="Sirte", country="LY", latitude=31.20892,
                longitude=16.58866, geo_precision=1, relation="", uncertainty_m=10000.0,
                uncertainty_wkt="POLYGON ((16.5 31.2, 16.6 31.2, 16.6 31.3, 16.5 31.2))", fatalities=None,
                injuries=2, source="Al Wasat", url="", language="ar", evidence="اشتباكات في سرت", span_start=10,
                span_end=14, notes="trigger 'اشتباكات'")
    base.update(kw)
    return Event(**base)


#: Arabic, Latin, digits, punctuation, quotes, newlines and a few other scripts' letters.
_ALPHABET = st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs", "Cc"))
_TEXT = st.text(_ALPHABET, max_size=40) | st.text(st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىة ًٌٍَُِّ،؛؟«»")), max_size=30)
_OPT_TEXT = st.none() | _TEXT.filter(bool)
_INT = st.integers(-(2**63), 2**63 - 1)
_COUNT = st.none() | st.integers(0, 10**6)


@st.composite
def events(draw) -> Event:
    located = draw(st.booleans())
    lat = draw(st.floats(-90, 90, allow_nan=False)) if located else None
    lon = draw(st.floats(-180, 180, allow_nan=False)) if located else None
    return Event(
        id=draw(_TEXT), doc_id=draw(_TEXT),
        event_date=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        time_precision=draw(st.integers(1, 3)), date_note=draw(_TEXT),
        update_time=draw(st.none() | st.times().map(lambda t: t.strftime("%H:%M"))),
        event_type=draw(_TEXT), sub_event_type=draw(_TEXT), actor1=draw(_TEXT), actor2=draw(_TEXT),
        location=draw(_TEXT), place_id=draw(_TEXT), place_name_en=draw(_TEXT), place_name_ar=draw(_TEXT),
        admin1=draw(_TEXT), country=draw(_TEXT), latitude=lat, longitude=lon, geo_precision=draw(st.integers(1, 3)),
        relation=draw(_TEXT),
        uncertainty_m=draw(st.none() | st.floats(0, 1e7, allow_nan=False, allow_infinity=False)),
        uncertainty_wkt=draw(_OPT_TEXT), fatalities=draw(_COUNT), injuries=draw(_COUNT), source=draw(_TEXT),
        url=draw(_TEXT), language=draw(st.sampled_from(["ar", "en", ""])), evidence=draw(_TEXT),
        span_start=draw(_INT), span_end=draw(_INT), notes=draw(_TEXT),
    )


@settings(max_examples=300, deadline=None)
@given(ev=events())
def test_event_feature_event_is_identity(ev):
    assert gj.feature_to_event(gj.event_to_feature(ev)) == ev
    (rec,) = gj.loads_collection(gj.dumps_collection([ev]))
    assert rec["id"] == ev.id and rec["latitude"] == ev.latitude and rec["longitude"] == ev.longitude
    (feat,) = json.loads(gj.dumps_collection([ev]))["features"]
    assert gj.feature_to_event(feat) == ev


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=st.lists(events(), max_size=6))
def test_the_frame_writer_and_reader_agree_with_the_codec(tmp_path_factory, evs):
    path = tmp_path_factory.mktemp("rt") / "e.geojson"
    write_events(evs, path)
    assert path.read_text(encoding="utf-8") == gj.dumps_collection(evs)
    assert from_frame(read_events(path)) == gj.sorted_events(evs)


def test_the_codec_is_light():
    """`kharita extract -o x.geojson` writes through the codec without numpy, pandas or shapely."""
    code = ("import sys, geo.io.geojson, geo.io.schema\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'pandas', 'pyarrow', 'shapely', "
            "'geopandas', 'folium'})\n"
            "assert not heavy, heavy\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
