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
