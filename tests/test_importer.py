"""User overlays: CSV and GeoNames country dump (LY.txt format) imports."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, GazetteerDataError
from gazetteer.importer import detect_format, import_file


def test_geonames_dump_import(tmp_path, sample_ar_path):
    dump = sample_ar_path.parent / "geonames-LY-sample.txt"
    user = tmp_path / "user.tsv"
    rep = import_file(dump, user_table=user)
    assert rep.format == "geonames" and rep.added == 2 and rep.updated == 1
    g = Gazetteer.load(user=False, extra=[user])
    wadi = g.resolve("وادي التجربة").place
    assert wadi.id == "gn:9990001" and wadi.feature_type == "wadi" and wadi.admin1 == "adm1:LY.76"
    hayy = g.lookup_id("gn:9990002")
    assert hayy.feature_type == "neighbourhood"
    # an existing GeoNames row keeps its package aliases and gains the new one
    sirte = g.lookup_id("gn:2210554")
    assert "Sirtica" in sirte.aliases and g.resolve("Sirtica").place.id == "gn:2210554"
    assert g.resolve("سرت").place.id == "gn:2210554"


def test_csv_overlay_import_merges_and_is_idempotent(tmp_path):
    src = tmp_path / "mine.csv"
    src.write_text("name_en,name_ar,lat,lon,feature_type,aliases\n"
                   "Test Checkpoint,بوابة الاختبار,31.15,16.50,junction,Checkpoint 27|بوابة 27\n", encoding="utf-8")
    user = tmp_path / "user.tsv"
    r1 = import_file(src, user_table=user)
    r2 = import_file(src, user_table=user)
    assert r1.added == 1 and r2.updated == 1 and r1.ids == r2.ids
    g = Gazetteer.load(user=False, extra=[user])
    p = g.resolve("بوابة 27").place
    assert p.id.startswith("user:") and p.layer == "user" and "mine.csv" in p.source


def test_default_gazetteer_reads_user_overlay(tmp_path, monkeypatch):
    user = tmp_path / "overlay.tsv"
    monkeypatch.setenv("KHARITA_USER_GAZETTEER", str(user))
    src = tmp_path / "mine.csv"
    src.write_text("name_en,lat,lon\nOverlay Test Place,30.5,15.5\n", encoding="utf-8")
    Gazetteer.import_file(src)
    try:
        assert Gazetteer.default().resolve("Overlay Test Place").ok
    finally:
        Gazetteer.reset_default()


@pytest.mark.parametrize("content,match", [
    (b"", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    ("name_en,lat,lon\nفلان,31,16\n".encode("cp1256"), "not UTF-8"),
    (b"name_en,lat\nA,31\n", "missing column"),
    (b"name_en,lat,lon\nA,31,216\n", "row 2"),
    (b"1\t2\t3\n", "missing column"),
])
def test_bad_import_files(tmp_path, content, match):
    f = tmp_path / "bad.csv"
    f.write_bytes(content)
    with pytest.raises(GazetteerDataError, match=match):
        import_file(f, user_table=tmp_path / "u.tsv")
    assert not (tmp_path / "u.tsv").exists()


def test_bad_geonames_row_named(tmp_path):
    f = tmp_path / "LY.txt"
    good = "1\tA\tA\t\t31\t16\tP\tPPL\tLY\t\t76\t\t\t\t0\t\t1\tAfrica/Tripoli\t2020-01-01\n"
    f.write_text(good + good.replace("31", "3x1", 1).replace("1\t", "2\t", 1), encoding="utf-8")
    assert detect_format(f.read_text()) == "geonames"
    with pytest.raises(GazetteerDataError, match="row 2"):
        import_file(f, user_table=tmp_path / "u.tsv")


# --------------------------------------------------------------------------- ACLED exports
from pathlib import Path  # noqa: E402

from gazetteer.importer import ALIAS_KM, read_acled_locations  # noqa: E402
from gazetteer.store import ALIAS_LAYER, AliasRow, read_overlay, read_table, render_table  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
_ACLED_HEADER = ("event_id_cnty,event_date,country,iso,admin1,admin2,admin3,location,latitude,longitude,"
                 "geo_precision,fatalities\n")
_ACLED_ROWS = [
    "A1,2019-01-01,Libya,434,Misrata,Misrata,,Bu Grayn,31.4497,15.2550,1,0",         # Abu Grein, new spelling
    "A2,2019-01-02,Libya,434,Sirt,Sirt,,Qaryat Al Tajriba,31.2049,16.1000,1,0",      # a new village …
    "A3,2019-01-03,Libya,434,Sirt,Sirt,,Qaryat al-Tajriba,31.2051,16.1000,1,2",      # … twice, across a rounding edge
    "A4,2019-01-04,Libya,434,Sirt,Sirt,,Wadi Testing,30.9000,16.9000,2,0",           # precision 2: an area
    "A5,2019-01-05,Libya,434,Sirt,Sirt,,Sirte - Hay Testing,31.2000,16.5800,1,0",    # City - Quarter
    "A6,2019-01-06,Libya,434,Al Hizam Al Akhdar,Benghazi,,Testville,32.0500,20.1500,1,0",  # 2001-07 admin1
    "A7,2019-01-07,Libya,434,Aljfara,Suq Al Khamis,,Suq Al Khamis,32.5600,13.0900,1,0",    # its admin2: a town
    "A8,2019-01-08,Libya,434,Tripoli,Tajura,,Tajourra,32.8817,13.3506,1,0",          # Tajura, new spelling
    "A9,2019-01-09,Libya,434,Tripoli,Tajura,,Tajoura,32.8817,13.3506,1,0",           # Tajura, known spelling
    "T1,2019-01-09,Tunisia,788,Medenine,Ben Guerdane,,Ben Gardane,33.1378,11.2197,1,0",
]


def _acled_file(tmp_path, rows=_ACLED_ROWS, name="acled-test.csv"):
    f = tmp_path / name
    f.write_text(_ACLED_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return f


def test_acled_2016_fixture_locations_are_all_known(tmp_path):
    user = tmp_path / "user.tsv"
    rep = import_file(FIXTURES / "acled-2016-sample.csv", user_table=user)
    # Sirte, Abu Grein, Benghazi, Tajura, Ajdabiya are gazetteer places under ACLED's spelling;
    # Bin Jawad has no latitude
    assert rep.format == "acled" and (rep.added, rep.updated, rep.aliased) == (0, 0, 0)
    assert rep.known == 5 and rep.skipped == {"no coordinates": 1}
    assert "5 already known" in rep.summary() and "1 no coordinates" in rep.summary()
    assert read_table(user) == []


def test_acled_current_fixture_without_its_bad_rows(tmp_path):
    lines = (FIXTURES / "acled-current-sample.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    bad = {6, 7, 8, 9}  # 0,0 / 96.5,31.1 / swapped Sirte / "north"
    f = tmp_path / "acled-current-clean.csv"
    f.write_text("".join(ln for i, ln in enumerate(lines, start=1) if i not in bad), encoding="utf-8")
    groups, skipped = read_acled_locations(f.read_text(encoding="utf-8"), path=str(f))
    assert skipped == {"not in Libya": 1, "no coordinates": 1}  # Ben Gardane; Sirte - Harawa
    assert {g.surface for g in groups} == {"Sirte", "Abu Grein", "Benghazi - Souq al-Hout", "Al Aziziyah"}
    rep = import_file(f, user_table=tmp_path / "user.tsv")
    assert rep.added == 0 and rep.known == 4  # Souq al-Hout is a curated market of Benghazi


@pytest.mark.parametrize("line,match", [
    (6, r"row 6: Libyan row with latitude 0, longitude 0: outside Libya \(missing coordinates written as 0\?\)"),
    (7, r"row 7: latitude 96.5 out of range \[-90, 90\] \(swapped lat/lon\?\)"),
    (8, r"row 8: .*latitude 16.5887, longitude 31.2089: outside Libya \(swapped lat/lon\?\)"),
    (9, r"row 9: coordinate 'north' is not a number"),
])
def test_acled_bad_coordinates_name_file_and_line(tmp_path, line, match):
    lines = (FIXTURES / "acled-current-sample.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    f = tmp_path / "acled-bad.csv"
    # keep the header, the good rows before the bad one, and the bad one, on its own line number
    for i in range(6, line):
        lines[i - 1] = lines[1]  # earlier bad rows replaced by a good one
    f.write_text("".join(lines[:line]), encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=match) as err:
        import_file(f, user_table=tmp_path / "u.tsv")
    assert str(err.value).startswith(str(f)) and "\n" not in str(err.value)
    assert not (tmp_path / "u.tsv").exists()


def test_acled_overlay_rows_aliases_parents(tmp_path):
    user = tmp_path / "user.tsv"
    rep = import_file(_acled_file(tmp_path), user_table=user)
    assert rep.skipped == {"not in Libya": 1}
    assert rep.known == 0 and rep.aliased == 2 and sorted(rep.alias_ids) == ["gn:2210394", "ly:misrata-abu-grein"]
    assert sorted(rep.ids) == ["user:acled-hay-testing", "user:acled-qaryat-al-tajriba", "user:acled-suq-al-khamis",
                               "user:acled-testville", "user:acled-wadi-testing"]
    rows, alias_rows = read_overlay(user)
    by_id = {p.id: p for p in rows}
    village = by_id["user:acled-qaryat-al-tajriba"]
    assert (village.feature_type, village.admin1, village.parent_id) == ("village", "adm1:LY.76", "adm1:LY.76")
    assert village.source == "ACLED export acled-test.csv, 2 events" and village.aliases == ("Qaryat al-Tajriba",)
    assert by_id["user:acled-wadi-testing"].feature_type == "area"
    hay = by_id["user:acled-hay-testing"]
    assert (hay.name_en, hay.feature_type, hay.parent_id, hay.admin1) == (
        "Hay Testing", "neighbourhood", "gn:2210554", "adm1:LY.76")
    assert by_id["user:acled-testville"].admin1 == "adm1:LY.69"  # old admin1 name: district at the point
    assert by_id["user:acled-suq-al-khamis"].feature_type == "town"
    assert {a.id: a.aliases for a in alias_rows} == {"gn:2210394": ("Tajourra",),
                                                    "ly:misrata-abu-grein": ("Bu Grayn",)}
    # Tajourra and Tajoura (already known) merged: one location of 2 events
    assert {a.id: a.source for a in alias_rows} == {"gn:2210394": "ACLED export acled-test.csv, 2 events",
                                                   "ly:misrata-abu-grein": "ACLED export acled-test.csv, 1 event"}
    # the table holds alias rows, not copies of the package places
    assert "\talias\t" in user.read_text(encoding="utf-8") and "gn:2210394\tTājūrā" not in user.read_text()

    g = Gazetteer.load(user=False, extra=[user])
    assert g.resolve("Bu Grayn").place.id == "ly:misrata-abu-grein"
    assert g.resolve("Tajourra").place.id == "gn:2210394"
    tajura = g.lookup_id("gn:2210394")
    assert tajura.layer == "geonames" and tajura.lat == Gazetteer.load(user=False).lookup_id("gn:2210394").lat
    assert g.resolve("Qaryat al Tajriba").place.id == "user:acled-qaryat-al-tajriba"
    # no ACLED location duplicates a gazetteer place
    assert not any(p.id.startswith("user:acled-") and p.name_en in ("Tajourra", "Bu Grayn") for p in g.places)


def test_acled_import_is_idempotent(tmp_path):
    user = tmp_path / "user.tsv"
    f = _acled_file(tmp_path)
    import_file(f, user_table=user)
    first = user.read_text(encoding="utf-8")
    rep = import_file(f, user_table=user)
    assert rep.added == 0 and rep.updated == 5 and rep.aliased == 2
    assert user.read_text(encoding="utf-8") == first


def test_acled_import_keeps_own_rows_and_reuses_no_far_id(tmp_path):
    user = tmp_path / "user.tsv"
    own = tmp_path / "mine.csv"
    own.write_text("id,name_en,lat,lon,feature_type\nuser:my-camp,Camp Grayn,31.0,16.0,camp\n", encoding="utf-8")
    import_file(own, user_table=user)
    rows = ["B1,2019-02-01,Libya,434,Sirt,Sirt,,Camp Grain,31.001,16.001,1,0",        # the user's camp: alias
            "B2,2019-02-02,Libya,434,Sirt,Sirt,,Testville,31.5,17.5,1,0",              # not the Benghazi one
            "B3,2019-02-03,Libya,434,Benghazi,Benghazi,,Testville,32.05,20.15,1,0"]
    import_file(_acled_file(tmp_path, rows, "second.csv"), user_table=user)
    places, alias_rows = read_overlay(user)
    by_id = {p.id: p for p in places}
    assert alias_rows == [] and "Camp Grain" in by_id["user:my-camp"].aliases
    tv = sorted(p.id for p in places if p.name_en == "Testville")
    assert len(tv) == 2 and tv[0] == "user:acled-testville" and tv[1].startswith("user:acled-testville-")


def test_acled_names_within_alias_km_merge(tmp_path):
    rows = ["C1,2019-03-01,Libya,434,Sirt,Sirt,,Gharbiyat,31.10,16.20,2,0",
            "C2,2019-03-02,Libya,434,Sirt,Sirt,,Gharbiyat,31.12,16.21,1,0",
            "C3,2019-03-03,Libya,434,Sirt,Sirt,,Gharbiyat,31.60,16.60,1,0"]
    assert ALIAS_KM < 55
    rep = import_file(_acled_file(tmp_path, rows), user_table=tmp_path / "u.tsv")
    assert rep.added == 2
    places = read_table(tmp_path / "u.tsv")
    first = next(p for p in places if p.id == "user:acled-gharbiyat")
    assert first.feature_type == "village" and first.source.endswith("2 events")  # the best precision wins


def test_alias_rows_in_user_tables(tmp_path):
    t = tmp_path / "u.tsv"
    t.write_text(render_table([], [AliasRow("gn:2210554", ("Sirtica Nova",), "test"),
                                   AliasRow("gn:999999999", ("Gone",), "test")]), encoding="utf-8")
    places = read_table(t)  # the stale alias row (no such place any more) is ignored
    assert [p.id for p in places] == ["gn:2210554"] and places[0].layer == "geonames"
    assert "Sirtica Nova" in places[0].aliases and "Sirte" == places[0].name_en
    g = Gazetteer.load(user=False, extra=[t])
    assert g.resolve("Sirtica Nova").place.id == "gn:2210554" and len(g) == len(Gazetteer.load(user=False))
    t.write_text(render_table([]).rstrip("\n") + "\n" + "\t".join(
        ["gn:2210554", *[""] * 11, ALIAS_LAYER, "", "test"]) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match="row 2: alias row: column 'aliases' is empty"):
        read_table(t)


def test_detect_acled_format():
    assert detect_format((FIXTURES / "acled-2016-sample.csv").read_text(encoding="utf-8")) == "acled"
    assert detect_format((FIXTURES / "acled-current-sample.csv").read_text(encoding="utf-8")) == "acled"
    assert detect_format("name_en,lat,lon\nA,31,16\n") == "csv"


def test_acled_import_cli(tmp_path):
    import subprocess
    import sys

    def kharita(*args):
        return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True)

    user = tmp_path / "user.tsv"
    r = kharita("gazetteer", "import", str(_acled_file(tmp_path)), "--user-table", str(user))
    assert r.returncode == 0, r.stderr
    assert "acled, 5 added, 0 updated, 2 alias rows, 0 already known; skipped 1 not in Libya" in r.stdout
    r = kharita("gazetteer", "import", str(FIXTURES / "acled-current-sample.csv"), "--user-table", str(user))
    err = r.stderr.strip()
    assert r.returncode == 2 and "Traceback" not in r.stderr and len(err.splitlines()) == 1
    assert "acled-current-sample.csv, row 6" in err and "outside Libya" in err
