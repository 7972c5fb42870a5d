"""Tests of geo.io.frame: schema, round-trips through every format, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.events import EVENT_FIELDS, Event, event_id
from geo.exc import EmptyInputError, GeoJSONError, InputError, SchemaError
from geo.io.frame import (
    COLUMNS,
    SCHEMA,
    fill_admin1,
    from_frame,
    read_events,
    restore_schema,
    schema_markdown,
    to_frame,
    uncertainty_series,
    write_events,
)

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ["geojson", "parquet", "gpkg", "csv"]


def make_event(**kw) -> Event:
    base = dict(
        id=event_id("doc-1", 10, 14, "Battles"),
        doc_id="doc-1",
        event_date="2016-06-09",
        time_precision=1,
        date_note="document date",
        update_time="14:05",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Libya (2016-2021) Government of National Accord",
        actor2="Islamic State (Libya)",
        location="وسط سرت",
        place_id="ly:sirte-ouagadougou-centre",
        place_name_en="Ouagadougou Conference Centre",
        place_name_ar="مجمع واغادوغو",
        admin1="",
        country="LY",
        latitude=31.2,
        longitude=16.58,
        geo_precision=2,
        relation="centre_of",
        uncertainty_m=1500.0,
        uncertainty_wkt="POLYGON ((16.5 31.1, 16.6 31.1, 16.6 31.3, 16.5 31.1))",
        fatalities=None,
        injuries=4,
        source="Al Wasat",
        url="https://example.org/a?b=1&c=<2>",
        language="ar",
        evidence="اشتباكات عنيفة قرب مجمع واغادوغو",
        span_start=10,
        span_end=14,
        notes="trigger اشتباكات",
    )
    base.update(kw)
    return Event(**base)


def unresolved(**kw) -> Event:
    return make_event(
        id="ev-unresolved", place_id="", place_name_en="", place_name_ar="", country="", latitude=None,
        longitude=None, uncertainty_m=None, uncertainty_wkt=None, geo_precision=3, **kw,
    )


def sort_key(e: Event):
    return (e.event_date is None, e.event_date or "", e.doc_id, e.span_start, e.id)


# ---------------------------------------------------------------- schema


def test_schema_covers_every_event_field_once():
    assert sorted(c.field for c in SCHEMA) == sorted(EVENT_FIELDS)
    assert len(set(COLUMNS)) == len(COLUMNS)


def test_acled_names_where_acled_has_one():
    acled = {"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
             "admin1", "country", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"}
    assert acled <= set(COLUMNS)
    assert {c.name for c in SCHEMA if c.acled} == acled


def test_docs_schema_is_generated_from_schema():
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert schema_markdown() in doc


def test_to_frame_dtypes_order_crs():
    g = to_frame([make_event(), unresolved()])
    assert list(g.columns) == [*COLUMNS, "geometry"]
    assert g.crs.to_epsg() == 4326
    for c in SCHEMA:
        assert str(g[c.name].dtype) == c.dtype, c.name
    # unresolved stays as a row, with a null geometry and NaN coordinates
    assert len(g) == 2
    row = g[g.event_id_cnty == "ev-unresolved"].iloc[0]
    assert row.geometry is None and np.isnan(row.latitude)
    pt = g[g.event_id_cnty != "ev-unresolved"].geometry.iloc[0]
    assert (pt.x, pt.y) == (16.58, 31.2)  # lon, lat order


def test_rows_sorted_deterministically_missing_dates_last():
    evs = [
        make_event(id="c", event_date=None),
        make_event(id="b", event_date="2016-06-10"),
        make_event(id="a2", event_date="2016-06-09", span_start=20),
        make_event(id="a1", event_date="2016-06-09", span_start=5),
    ]
    g = to_frame(evs)
    assert g.event_id_cnty.tolist() == ["a1", "a2", "b", "c"]
    assert to_frame(reversed(evs)).equals(g)


def test_to_frame_rejects_non_events():
    with pytest.raises(TypeError, match="item 0"):
        to_frame([{"id": "x"}])


def test_from_frame_inverse_and_empty():
    evs = [make_event(), unresolved()]
    assert from_frame(to_frame(evs)) == sorted(evs, key=sort_key)
    g = to_frame([])
    assert len(g) == 0 and list(g.columns) == [*COLUMNS, "geometry"]
    assert from_frame(g) == []


def test_uncertainty_series():
    g = to_frame([make_event(), unresolved()])
    u = uncertainty_series(g)
    assert u.crs.to_epsg() == 4326
    assert u.iloc[0].geom_type == "Polygon" and u.iloc[1] is None


# ---------------------------------------------------------------- round-trips

_specials = st.sampled_from(
    [
        "", "<script>alert('x')</script>", "\u200fسرت\u200e", 'قال "مصدر"، قرب سرت', "line1\nline2\r\nline3\r",
        "a,b;c\tb", "'single'", "عين زارة\u200f", "=1+1", "null", "NaN", "0012", " padded ",
    ]
)
_text = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=25), _specials
)
_nonempty = _text.filter(lambda s: s != "")
_coord = st.one_of(
    st.none(),
    st.tuples(
        st.one_of(st.floats(-90, 90, allow_nan=False), st.sampled_from([-90.0, 90.0, 0.0, 1e-300])),
        st.one_of(st.floats(-180, 180, allow_nan=False), st.sampled_from([-180.0, 180.0, 0.0])),
    ),
)


@st.composite
def events(draw) -> Event:
    xy = draw(_coord)
    d = {f: draw(_text) for f in EVENT_FIELDS}
    d.update(
        id=draw(st.text(alphabet="abcdef0123456789-", min_size=1, max_size=8)),
        event_date=draw(st.one_of(st.none(), st.dates().map(lambda x: x.isoformat()))),
        update_time=draw(st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M")))),
        uncertainty_wkt=draw(st.one_of(st.none(), _nonempty)),
        time_precision=draw(st.integers(1, 3)),
        geo_precision=draw(st.integers(1, 3)),
        span_start=draw(st.integers(0, 2**40)),
        span_end=draw(st.integers(0, 2**40)),
        fatalities=draw(st.one_of(st.none(), st.integers(0, 10**6))),
        injuries=draw(st.one_of(st.none(), st.integers(0, 10**6))),
        uncertainty_m=draw(st.one_of(st.none(), st.floats(0, 1e12, allow_nan=False))),
        latitude=None if xy is None else xy[0],
        longitude=None if xy is None else xy[1],
    )
    return Event(**d)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(evs=st.lists(events(), max_size=4))
def test_round_trip_lossless(tmp_path, fmt, evs):
    path = tmp_path / f"events.{fmt}"
    write_events(evs, path)
    back = from_frame(read_events(path))
    assert back == sorted(evs, key=sort_key)
    assert sorted(os.listdir(tmp_path)) == [path.name]  # no temp leftovers


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_frame_equal(tmp_path, fmt):
    g = to_frame([make_event(), unresolved(), make_event(id="z", fatalities=0, latitude=-90.0, longitude=180.0)])
    path = write_events(g, tmp_path / f"x.{fmt}")
    back = read_events(path)
    pd.testing.assert_frame_equal(pd.DataFrame(back.drop(columns="geometry")), pd.DataFrame(g.drop(columns="geometry")))
    assert back.geometry.equals(g.geometry) and back.crs == g.crs


def test_explicit_format_overrides_suffix(tmp_path):
    p = write_events([make_event()], tmp_path / "events.txt", format="geojson")
    assert json.loads(p.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert len(read_events(p, format="json")) == 1


def _legacy_feature(e) -> dict:
    """A feature as the removed ``Event.to_feature`` wrote it: Event field names (``id``), no ``kharita_schema``."""
    geom = None if e.latitude is None else {"type": "Point", "coordinates": [e.longitude, e.latitude]}
    return {"type": "Feature", "id": e.id, "geometry": geom, "properties": e.to_dict()}


def test_geojson_with_event_field_names_is_readable(tmp_path):
    """Files of the older `kharita extract` dialect (Event field names, spaced layout) still read."""
    evs = [make_event(), unresolved()]
    p = tmp_path / "f.geojson"
    p.write_text(json.dumps({"type": "FeatureCollection", "features": [_legacy_feature(e) for e in evs]}), encoding="utf-8")
    assert from_frame(read_events(p)) == sorted(evs, key=sort_key)


def test_csv_with_wkt_only_geometry(tmp_path):
    p = write_events([make_event(), unresolved()], tmp_path / "e.csv")
    df = pd.read_csv(p, dtype=str, keep_default_na=False).drop(columns=["latitude", "longitude"])
    q = tmp_path / "wkt.csv"
    df.to_csv(q, index=False)
    g = read_events(q)
    assert g.latitude.tolist()[0] == 31.2 and np.isnan(g.latitude.tolist()[1])


def test_csv_latlon_win_over_stale_wkt(tmp_path):
    p = write_events([make_event()], tmp_path / "e.csv")
    text = p.read_text(encoding="utf-8").replace(",31.2,16.58,", ",32.0,15.0,")
    p.write_text(text, encoding="utf-8")
    g = read_events(p)
    assert (g.latitude[0], g.longitude[0], g.geometry[0].y) == (32.0, 15.0, 32.0)


def test_atomic_write_keeps_old_file_on_error(tmp_path, monkeypatch):
    import geo.io.frame as fr

    p = write_events([make_event()], tmp_path / "e.csv")
    before = p.read_bytes()

    def boom(gdf, tmp):
        Path(tmp).write_text("partial", encoding="utf-8")
        raise RuntimeError("disk full")

    monkeypatch.setattr(fr, "_write_csv", boom)
    with pytest.raises(RuntimeError):
        write_events([make_event(), unresolved()], p)
    assert p.read_bytes() == before
    assert os.listdir(tmp_path) == ["e.csv"]


def test_gpkg_layer_named_events(tmp_path):
    import pyogrio

    p = write_events([make_event()], tmp_path / "e.gpkg")
    assert [n for n, _ in pyogrio.list_layers(p)] == ["events"]


# ---------------------------------------------------------------- bad input


def _fc(*features) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _feature(geom, **props):
    p = make_event().to_dict()
    p.update(props)
    return {"type": "Feature", "geometry": geom, "properties": p}


@pytest.mark.parametrize(
    "content, match",
    [
        ("this is not json", "not JSON"),
        ('{"type": "Topology"}', "not GeoJSON: expected a FeatureCollection or a Feature, got 'Topology'"),
        ("[1, 2]", "not GeoJSON.*got 'list'"),
        ('{"type": "FeatureCollection"}', "features"),
        (_fc(_feature({"coordinates": [16.5, 31.2]})), "feature 1: geometry has no 'type'"),
        (_fc(_feature(None), _feature({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})), "feature 2: geometry must be a Point"),
        (_fc(_feature({"type": "Point", "coordinates": ["x", 31]})), "feature 1: Point coordinates"),
        (_fc(_feature({"type": "Point", "coordinates": [31.2, 96.58]})), r"feature 1: latitude 96.58 .*swapped"),
        (_fc(_feature({"type": "Point", "coordinates": [190.0, 31.2]})), "feature 1: longitude 190"),
        (_fc({"type": "Feature", "properties": {}}), "no 'geometry' member"),
    ],
)
def test_bad_geojson(tmp_path, content, match):
    p = tmp_path / "bad.geojson"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(GeoJSONError, match=match) as ei:
        read_events(p)
    assert "bad.geojson" in str(ei.value)


def test_null_geometry_is_unresolved_row(tmp_path):
    p = tmp_path / "n.geojson"
    p.write_text(_fc(_feature(None, latitude=None, longitude=None)), encoding="utf-8")
    g = read_events(p)
    assert len(g) == 1 and g.geometry[0] is None and np.isnan(g.latitude[0])


def test_geojson_bad_property_type_names_feature_and_field(tmp_path):
    p = tmp_path / "t.geojson"
    p.write_text(_fc(_feature(None, latitude=None, longitude=None), _feature(None, latitude=None, longitude=None, fatalities="many")), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"field 'fatalities'.*feature 2.*'many'"):
        read_events(p)


@pytest.mark.parametrize("bad", [2**70, "1e400", True, "3.5", [1]])
def test_geojson_impossible_numbers(tmp_path, bad):
    p = tmp_path / "n.geojson"
    p.write_text(_fc(_feature(None, latitude=None, longitude=None, span_start=bad)), encoding="utf-8")
    with pytest.raises(SchemaError, match="field 'span_start'.*feature 1"):
        read_events(p)


def test_geojson_missing_columns(tmp_path):
    p = tmp_path / "m.geojson"
    p.write_text(_fc({"type": "Feature", "geometry": None, "properties": {"id": "x"}}), encoding="utf-8")
    with pytest.raises(SchemaError, match="missing column.*event_date"):
        read_events(p)


def test_csv_missing_columns_named(tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("event_id_cnty,event_date,latitude,longitude\nx,2016-01-01,31,16\n", encoding="utf-8")
    with pytest.raises(SchemaError) as ei:
        read_events(p)
    msg = str(ei.value)
    assert "m.csv" in msg and "event_type" in msg and "fatalities" in msg and "latitude" not in msg.split(":")[-1]


def test_csv_bad_value_names_line_and_field(tmp_path):
    p = write_events([make_event(id="a", span_start=1), make_event(id="b", span_start=2)], tmp_path / "e.csv")
    lines = p.read_text(encoding="utf-8").splitlines()
    cols = lines[0].split(",")
    cells = lines[2].split(",")
    cells[cols.index("latitude")] = "north"
    lines[2] = ",".join(cells)
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"field 'latitude'.*line 3.*'north'"):
        read_events(p)


def test_csv_out_of_range_coordinates(tmp_path):
    p = write_events([make_event()], tmp_path / "e.csv")
    p.write_text(p.read_text(encoding="utf-8").replace(",31.2,16.58,", ",316.58,31.2,"), encoding="utf-8")
    with pytest.raises(GeoJSONError, match=r"line 2.*latitude 316.58"):
        read_events(p)


def test_csv_ragged_row(tmp_path):
    p = write_events([make_event()], tmp_path / "e.csv")
    p.write_text(p.read_text(encoding="utf-8") + "a,b,c\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="line 3: 3 fields"):
        read_events(p)


@pytest.mark.parametrize("fmt", FORMATS)
def test_garbage_and_empty_files(tmp_path, fmt):
    p = tmp_path / f"g.{fmt}"
    p.write_bytes(b"\x00\x01\x02garbage\xff" * 10)
    with pytest.raises(InputError) as ei:
        read_events(p)
    assert f"g.{fmt}" in str(ei.value)
    p.write_bytes(b"")
    with pytest.raises(EmptyInputError):
        read_events(p)


def test_windows_1256_csv_is_a_clear_error(tmp_path):
    p = tmp_path / "w.csv"
    p.write_bytes("event_id_cnty,location\nx,سرت\n".encode("cp1256"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_events(p)


def test_unknown_suffix_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="suffix"):
        write_events([make_event()], tmp_path / "e.xlsx")
    with pytest.raises(InputError, match="unknown format"):
        read_events(tmp_path / "e.csv", format="xlsx")
    with pytest.raises(InputError, match="no such file"):
        read_events(tmp_path / "nope.geojson")


def test_projected_gpkg_is_converted_to_wgs84(tmp_path):
    import pyogrio

    g = to_frame([make_event(), unresolved()]).to_crs("EPSG:32633")  # UTM 33N, metres
    p = tmp_path / "utm.gpkg"
    pyogrio.write_dataframe(g, p, layer="events")
    back = read_events(p)
    assert back.crs.to_epsg() == 4326
    assert back.latitude[0] == pytest.approx(31.2, abs=1e-9) and back.longitude[0] == pytest.approx(16.58, abs=1e-9)
    assert back.geometry[1] is None


def test_frame_with_polygon_geometry_rejected():
    from shapely.geometry import Polygon

    g = to_frame([make_event()])
    g.loc[0, "geometry"] = Polygon([(0, 0), (1, 0), (1, 1)])
    with pytest.raises(GeoJSONError, match="row 1: geometry must be a Point"):
        restore_schema(g)


# ---------------------------------------------------------------- admin1


class FakeGaz:
    """Just the documented Gazetteer methods fill_admin1 uses."""

    def __init__(self):
        from gazetteer.model import Place

        self.surt = Place("adm1:LY.76", "Surt", "سرت", "district", 30.5, 17.5, 50000, "test")
        self.sirte = Place("gn:2210554", "Sirte", "سرت", "city", 31.2, 16.58, 3000, "test", admin1="adm1:LY.76")
        self.rome = Place("gn:3169070", "Rome", "روما", "capital", 41.9, 12.5, 5000, "test", country="IT")

    def get(self, pid, default=None):
        return {p.id: p for p in (self.surt, self.sirte, self.rome)}.get(pid, default)

    def district_of(self, place):
        return self.surt if place.admin1 == "adm1:LY.76" else None


def test_fill_admin1_from_district():
    evs = [
        make_event(id="a", place_id="gn:2210554"),
        make_event(id="b", place_id="gn:3169070"),  # abroad: no district
        make_event(id="c", place_id="gn:0"),  # unknown id
        make_event(id="d", place_id="gn:2210554", admin1="Kept"),
        unresolved(),
    ]
    g = fill_admin1(to_frame(evs), gaz=FakeGaz())
    got = dict(zip(g.event_id_cnty, g.admin1))
    assert got == {"a": "Surt", "b": "", "c": "", "d": "Kept", "ev-unresolved": ""}
    assert str(g.admin1.dtype) == "string"


def test_fill_admin1_real_gazetteer():
    gz = pytest.importorskip("gazetteer")
    if not hasattr(gz, "Gazetteer"):
        pytest.skip("gazetteer.Gazetteer not built yet")
    gaz = gz.Gazetteer.default()
    sirte = gaz.get("gn:2210554")
    if sirte is None:
        pytest.skip("Sirte not in the gazetteer data yet")
    g = fill_admin1(to_frame([make_event(place_id="gn:2210554")]), gaz=gaz)
    d = gaz.district_of(sirte)
    assert g.admin1[0] == (d.name_en if d else "")
