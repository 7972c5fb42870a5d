"""`kharita places lookup|reverse` and `kharita gazetteer import|info`."""

from __future__ import annotations

import json
import subprocess
import sys


def kharita(*args, **kw):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, **kw)


def test_lookup_json():
    r = kharita("places", "lookup", "سرت", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data[0]["id"] == "gn:2210554"
    assert {"id", "name_en", "name_ar", "feature_type", "lat", "lon", "score", "source"} <= set(data[0])


def test_lookup_table_latin():
    r = kharita("places", "lookup", "Qasr Bu Hadi")
    assert r.returncode == 0, r.stderr
    assert "Qasr Abu Hadi" in r.stdout.splitlines()[1]


def test_lookup_unknown_exit_1():
    r = kharita("places", "lookup", "Atlantis-of-the-sands")
    assert r.returncode == 1 and "no place" in r.stderr


def test_reverse_bad_coordinates_exit_2():
    r = kharita("places", "reverse", "95", "16")
    assert r.returncode == 2 and "swapped" in r.stderr and "Traceback" not in r.stderr


def test_gazetteer_import_cli(tmp_path):
    src = tmp_path / "mine.csv"
    src.write_text("name_en,lat,lon\nCLI Test Place,31,16\n", encoding="utf-8")
    user = tmp_path / "user.tsv"
    r = kharita("gazetteer", "import", str(src), "--user-table", str(user))
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stdout and user.exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("name_en,lat,lon\nX,999,16\n", encoding="utf-8")
    r = kharita("gazetteer", "import", str(bad), "--user-table", str(user))
    assert r.returncode == 2 and "row 2" in r.stderr and "Traceback" not in r.stderr
