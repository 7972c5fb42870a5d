"""Tests of geo.io.acled (ACLED import) and of the ``kharita acled import`` command."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from geo.io.acled import OLD_EVENT_TYPES, AcledReport, load_acled, old_types_markdown, parse_acled_date, read_acled
from geo.exc import DecodeError, EmptyInputError, SchemaError
from geo.io.frame import COLUMNS, SCHEMA, from_frame, read_events
from gazetteer.model import Place

FIX = Path(__file__).parent / "fixtures"
CURRENT = FIX / "acled-current-sample.csv"
OLD = FIX / "acled-2016-sample.csv"
ROOT = Path(__file__).resolve().parents[1]


class FakeGaz:
    """A small gazetteer with the documented API used by the importer (places, reverse, district_of)."""

    def __init__(self):
        d = lambda code, en, ar, lat, lon, *al: Place(f"adm1:LY.{code}", en, ar, "district", lat, lon, 80000, "test", aliases=al)  # noqa: E731
        self.districts = [
            d(76, "Surt", "سرت", 30.2, 17.0, "Sirt", "Sirte District"),
            d(72, "Misratah", "مصراتة", 31.5, 15.0, "Misrata"),
            d(69, "Banghazi", "بنغازي", 32.1, 20.1, "Benghazi"),
            d(77, "Tripoli", "طرابلس", 32.85, 13.2, "Tarabulus"),
            d(81, "Al Jafarah", "الجفارة", 32.5, 13.0, "Aljfara"),
            d(83, "Al Wahat", "الواحات", 29.0, 21.5),
        ]
        towns = [
            ("Sirte", 31.2089, 16.5887, 76), ("Abu Grein", 31.4462, 15.2531, 72), ("Benghazi", 32.1167, 20.0667, 69),
            ("Tripoli", 32.8872, 13.1913, 77), ("Tajura", 32.8819, 13.3508, 77), ("Al Aziziyah", 32.5311, 13.0175, 81),
            ("Ajdabiya", 30.7554, 20.2263, 83), ("Bin Jawad", 30.8133, 18.0822, 76), ("Misrata", 32.3754, 15.0925, 72),
            ("Kufra", 24.1814, 23.2856, 0), ("Ghat", 24.9647, 10.1728, 0), ("Sabha", 27.0377, 14.4283, 0),
            ("Tobruk", 32.0836, 23.9764, 0), ("Zuwara", 32.9312, 12.0820, 0), ("Murzuq", 25.9155, 13.9184, 0),
            ("Ubari", 26.5903, 12.7805, 0), ("Ghadames", 30.1337, 9.5007, 0), ("Derna", 32.7670, 22.6367, 0),
            ("Jalu", 29.0331, 21.5482, 83), ("Hun", 29.1268, 15.9477, 0), ("Nalut", 31.8685, 10.9812, 0),
            ("Brak", 27.5496, 14.2714, 0),
        ]
        self.towns = [
            Place(f"t:{n}", n, "", "town", lat, lon, 3000, "test", admin1=f"adm1:LY.{c}" if c else "")
            for n, lat, lon, c in towns
        ]
        self.tunis = Place("t:Ben Gardane", "Ben Gardane", "", "town", 33.1378, 11.2197, 3000, "test", country="TN")
        self.places = tuple(self.districts + self.towns + [self.tunis])
        self._by_id = {p.id: p for p in self.places}

    def reverse(self, lat, lon):
        from geo.geodesy import nearest_index

        pts = [p for p in self.places if p.feature_type != "district"]
        i, km = nearest_index(lat, lon, np.array([p.lat for p in pts]), np.array([p.lon for p in pts]))
        return pts[i], km

    def district_of(self, place):
        if place.feature_type == "district":
            return place
        return self._by_id.get(place.admin1)


@pytest.fixture(scope="module")
def gaz():
    return FakeGaz()


@pytest.fixture(scope="module")
def current(gaz) -> AcledReport:
    return load_acled(CURRENT, gaz=gaz)


@pytest.fixture(scope="module")
def old(gaz) -> AcledReport:
    return load_acled(OLD, gaz=gaz)


def by_id(rep: AcledReport) -> dict:
    return {r.event_id_cnty: r for r in rep.frame.itertuples()}


def problems_of(rep: AcledReport, eid_line: int) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in rep.problems if p.row == eid_line]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "raw, iso",
    [("2016-06-09", "2016-06-09"), ("09 June 2016", "2016-06-09"), ("09/06/2016", "2016-06-09"),
     ("9-June-2016", "2016-06-09"), ("9-Jun-16", "2016-06-09"), ("2016-06-09T00:00:00", "2016-06-09"),
     ("31/02/2016", None), ("", None), ("yesterday", None)],
)
def test_parse_acled_date(raw, iso):
    assert parse_acled_date(raw) == iso


# ---------------------------------------------------------------- current layout


def test_current_layout_every_row_kept_with_schema(current):
    assert current.layout == "current"
    rows = sum(1 for _ in CURRENT.open(encoding="utf-8")) - 1
    assert current.rows_read == rows == 10
    g = current.frame
    assert list(g.columns) == [*COLUMNS, "geometry"]
    for c in SCHEMA:
        assert str(g[c.name].dtype) == c.dtype


def test_current_good_rows(current):
    r = by_id(current)
    a = r["LBY7001"]
    assert (a.event_date, a.event_type, a.sub_event_type, a.country, a.fatalities) == ("2016-06-09", "Battles", "Armed clash", "LY", 3)
    assert (a.latitude, a.longitude, a.geometry.x) == (31.2089, 16.5887, 16.5887)
    assert a.admin1 == "Surt"  # "Sirt" is an alias of the Surt district
    assert a.evidence == a.notes and "Ouagadougou" in a.notes
    assert a.source == "Libya Observer; Al Wasat" and a.language == "" and a.doc_id == "LBY7001"
    assert r["LBY7002"].admin1 == "Misratah" and r["LBY7002"].fatalities == 0
    assert r["LBY7003"].admin1 == "Banghazi" and '"for the third day"' in r["LBY7003"].notes
    assert r["LBY7004"].time_precision == 2 and r["LBY7004"].geo_precision == 3


def test_current_bad_coordinates_reported_and_unresolved(current):
    r = by_id(current)
    lines = {p.row: p for p in current.problems}
    # LBY7004 (line 5) empty coords, LBY7005 (line 6) 0,0, LBY7006 (line 7) out of range,
    # LBY7007 (line 8) swapped inside the valid range, LBY7008 (line 9) not a number
    expect = {5: "missing coordinates", 6: "0,0", 7: "swapped lat/lon?", 8: "swapped lat/lon?", 9: "'north' is not a number"}
    for line, text in expect.items():
        assert text in lines[line].message, (line, lines[line])
    for eid in ("LBY7004", "LBY7005", "LBY7006", "LBY7007", "LBY7008"):
        assert r[eid].geometry is None and np.isnan(r[eid].latitude), eid
    assert current.unresolved == 5
    assert lines[9].field == "latitude"


def test_current_other_problems(current):
    msgs = problems_of(current, 10)  # LBY7009: impossible date, bad fatalities
    assert ("event_date", "unreadable date '31/02/2016'") in msgs
    assert any(f == "fatalities" and "'unknown'" in m for f, m in msgs)
    r = by_id(current)["LBY7009"]
    assert pd.isna(r.event_date) and pd.isna(r.fatalities)
    assert by_id(current)["LBY7008"].admin1 == "Al Jafarah"  # Aljfara alias, even without coordinates


def test_foreign_row_keeps_its_admin1(current):
    t = by_id(current)["TUN2001"]
    assert (t.country, t.admin1, t.latitude) == ("TN", "Medenine", 33.1378)


def test_rows_with_problems_count(current):
    assert current.rows_with_problems == 6
    s = current.summary()
    assert s["rows_read"] == 10 and s["unresolved"] == 5
    assert json.loads(json.dumps(s)) == s


# ---------------------------------------------------------------- 2016 layout


def test_old_layout_detected_and_types_mapped(old):
    assert old.layout == "2016" and old.rows_read == 7
    r = by_id(old)
    assert (r["LBY5001"].event_type, r["LBY5001"].sub_event_type) == ("Battles", "Armed clash")
    assert r["LBY5001"].event_date == "2016-06-09" and r["LBY5002"].event_date == "2016-06-09"
    assert (r["LBY5002"].event_type, r["LBY5002"].sub_event_type) == ("Explosions/Remote violence", "")
    assert r["LBY5003"].event_type == "Riots"  # INTER1 5 = rioters
    assert r["LBY5004"].event_type == "Protests"  # INTER1 6 = protesters
    assert (r["LBY5005"].event_type, r["LBY5005"].sub_event_type) == ("Strategic developments", "Headquarters or base established")
    for eid in ("LBY5001", "LBY5003", "LBY5005"):
        assert "[ACLED 2016 event type:" in r[eid].notes
        assert "[ACLED" not in r[eid].evidence
    assert "Riots/Protests" in r["LBY5003"].notes


def test_old_admin1_pre2007_names_resolved_by_coordinates(old):
    r = by_id(old)
    assert r["LBY5001"].admin1 == "Surt"
    assert r["LBY5003"].admin1 == "Banghazi"  # "Al Hizam Al Akhdar"
    assert r["LBY5004"].admin1 == "Tripoli"  # "Tajura wa an Nawahi al Arba"
    assert r["LBY5005"].admin1 == "Al Wahat"  # "Ajdabiya"
    adm = [p for p in old.problems if p.field == "admin1"]
    assert {p.row for p in adm} == {4, 5, 6}
    assert "Al Hizam Al Akhdar" in adm[0].message


def test_old_missing_latitude_and_unknown_type(old):
    r = by_id(old)
    assert r["LBY5006"].geometry is None
    assert ("latitude", "missing coordinates; row kept unresolved") in problems_of(old, 7)
    assert any(f == "event_type" and "Battle-Something else" in m for f, m in problems_of(old, 8))
    assert r["LBY5007"].event_type == "Battle-Something else"


def test_lower_case_headers_and_semicolons(tmp_path, gaz):
    lines = OLD.read_text(encoding="utf-8").splitlines()
    p = tmp_path / "lower.csv"
    p.write_text("\n".join([lines[0].lower(), *lines[1:]]) + "\n", encoding="utf-8")
    assert from_frame(load_acled(p, gaz=gaz).frame) == from_frame(load_acled(OLD, gaz=gaz).frame)
    import csv

    q = tmp_path / "semi.csv"
    with OLD.open(encoding="utf-8", newline="") as fi, q.open("w", encoding="utf-8", newline="") as fo:
        csv.writer(fo, delimiter=";").writerows(csv.reader(fi))
    assert from_frame(load_acled(q, gaz=gaz).frame) == from_frame(load_acled(OLD, gaz=gaz).frame)


def test_without_gazetteer_admin1_kept(tmp_path):
    rep = load_acled(OLD, gaz=None)
    assert by_id(rep)["LBY5003"].admin1 == "Al Hizam Al Akhdar"
    assert not [p for p in rep.problems if p.field == "admin1"]


# ---------------------------------------------------------------- bad files


def test_missing_required_columns_named(tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("event_id_cnty,event_date,location\nX1,2016-06-09,Sirte\n", encoding="utf-8")
    with pytest.raises(SchemaError) as ei:
        load_acled(p, gaz=None)
    msg = str(ei.value)
    assert "m.csv" in msg and "event_type" in msg and "latitude" in msg and "longitude" in msg


def test_empty_binary_and_cp1256(tmp_path):
    p = tmp_path / "e.csv"
    p.write_bytes(b"")
    with pytest.raises(EmptyInputError):
        load_acled(p, gaz=None)
    p.write_bytes(b"\x00\x01PK\x03\x04" * 50)
    with pytest.raises(DecodeError, match="binary"):
        load_acled(p, gaz=None)
    # a Windows-1256 export (re-saved by a spreadsheet) is read as such, and said so
    p.write_bytes("event_id_cnty,event_date,event_type,location,latitude,longitude\nX,2016-06-09,Battles,سرت,31.2,16.6\n".encode("cp1256"))
    rep = load_acled(p, gaz=None)
    assert list(rep.frame["location"]) == ["سرت"]
    assert [(x.row, x.field) for x in rep.problems if x.field == "encoding"] == [(1, "encoding")]
    # Latin-1 French is no Arabic: a clear error
    p.write_bytes("event_id_cnty,event_date,event_type,location,latitude,longitude\nX,2016-06-09,Battles,pénétré à Syrte été,31.2,16.6\n".encode("latin-1"))
    with pytest.raises(DecodeError, match="UTF-8"):
        load_acled(p, gaz=None)


def test_read_acled_frame_carries_problems():
    g = read_acled(CURRENT, gaz=None)
    assert len(g) == 10 and g.attrs["acled_layout"] == "current"
    assert any(p[1] == "latitude" for p in g.attrs["acled_problems"])


def test_docs_carry_old_type_table():
    assert old_types_markdown() in (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert len(OLD_EVENT_TYPES) >= 8


def test_real_gazetteer_districts_match_acled_spellings():
    from gazetteer import Gazetteer

    gaz = Gazetteer.load(user=False)
    assert [p for p in gaz.places if p.feature_type == "district"]
    rep = load_acled(CURRENT, gaz=gaz)
    r = by_id(rep)
    surt = gaz.district_of(gaz.get("gn:2210554")) if gaz.get("gn:2210554") else None
    if surt is not None:
        assert r["LBY7001"].admin1 == surt.name_en  # ACLED "Sirt"
    assert not [p for p in rep.problems if p.field == "admin1" and p.row in (2, 3, 4)]


# ---------------------------------------------------------------- CLI


def test_cli_acled_import(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import geo.io.acled as acled_mod
    from geo.cli.acled import acled

    monkeypatch.setattr(acled_mod, "_default_gazetteer", lambda: FakeGaz())
    out = tmp_path / "ev.geojson"
    res = CliRunner().invoke(acled, ["import", str(OLD), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "7 rows read" in res.output and "line 7" in res.output and "latitude" in res.output
    g = read_events(out)
    assert len(g) == 7 and set(g.event_id_cnty) == {f"LBY500{i}" for i in range(1, 8)}
    res = CliRunner().invoke(acled, ["import", str(CURRENT), "--json"])
    assert res.exit_code == 0, res.output
    s = json.loads(res.output)
    assert s["rows_read"] == 10 and s["unresolved"] == 5
    res = CliRunner().invoke(acled, ["import", str(CURRENT), "--strict"], standalone_mode=False)
    assert res.return_value == 1
    res = CliRunner().invoke(acled, ["import", str(CURRENT)], standalone_mode=False)
    assert res.return_value == 0


def test_cli_acled_import_bad_file_exit_2(tmp_path):
    from geo.cli import main

    p = tmp_path / "m.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SystemExit) as ei:
        main(["acled", "import", str(p)])
    assert ei.value.code == 2


def test_read_events_on_acled_export_hints_at_import():
    with pytest.raises(SchemaError, match="acled import"):
        read_events(CURRENT)


def test_cli_events_convert(tmp_path):
    from click.testing import CliRunner

    from geo.cli.events import events
    from geo.io.frame import write_events

    rep = load_acled(OLD, gaz=None)
    src = write_events(rep.frame, tmp_path / "a.geojson")
    res = CliRunner().invoke(events, ["convert", str(src), str(tmp_path / "a.gpkg")])
    assert res.exit_code == 0, res.output
    assert from_frame(read_events(tmp_path / "a.gpkg")) == from_frame(rep.frame)
