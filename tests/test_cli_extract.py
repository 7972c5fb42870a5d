"""``kharita extract`` and ``kharita places find``: outputs, summaries and bad input (never a traceback)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from geo.cli import main

FIX = Path(__file__).parent / "fixtures"
ARTICLE = FIX / "sirte-live-2016-ar.txt"


def run(argv, capsys):
    with pytest.raises(SystemExit) as ei:
        main(argv)
    out, err = capsys.readouterr()
    return ei.value.code, out, err


def test_extract_geojson_to_file(tmp_path, capsys):
    out = tmp_path / "ev.geojson"
    code, stdout, err = run(["extract", str(ARTICLE), "--date", "2016-06-09", "-o", str(out)], capsys)
    assert code == 0, err
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and fc["features"]
    f = fc["features"][0]
    assert f["type"] == "Feature" and list(f["properties"]) == sorted(f["properties"])
    if f["geometry"] is not None:
        lon, lat = f["geometry"]["coordinates"]
        assert (lat, lon) == (f["properties"]["latitude"], f["properties"]["longitude"])
    assert "event(s)" in err and "Battles" in err
    assert not list(tmp_path.glob(".*.tmp"))  # atomic write left no temp file


def test_extract_stdout_and_jsonl(tmp_path, capsys):
    code, stdout, _ = run(["extract", str(ARTICLE), "--date", "2016-06-09"], capsys)
    assert code == 0 and json.loads(stdout)["type"] == "FeatureCollection"
    out = tmp_path / "ev.jsonl"
    code, _, _ = run(["extract", str(ARTICLE), "--date", "2016-06-09", "-o", str(out)], capsys)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert code == 0 and lines and all(json.loads(x)["event_type"] for x in lines)


def test_extract_directory_with_bad_files_reports_them(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(ARTICLE, d / "good.txt")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    code, stdout, err = run(["extract", str(d), "--date", "2016-06-09", "--json"], capsys)
    assert code == 1  # some inputs failed
    summary = json.loads(err)
    failed = {Path(x["file"]).name for x in summary["failed"]}
    assert failed == {"empty.txt", "binary.txt"}
    assert summary["documents"] == 1 and summary["events"] > 0
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\x03" * 100, "مرحبا".encode("utf-16-le") + b"\xff\xfe\x00\xd8"],
    ids=["empty", "binary", "undecodable"],
)
def test_unreadable_single_file_exits_2(tmp_path, capsys, content):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    code, _, err = run(["extract", str(p)], capsys)
    assert code == 2
    assert "bad.txt" in err and "Traceback" not in err


def test_huge_file_is_refused_clearly(tmp_path, capsys):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.write(("اشتباكات في سرت. " * 64).encode() * 30_000)  # ~50 MB
    assert p.stat().st_size > 45_000_000
    code, _, err = run(["extract", str(p)], capsys)
    assert code == 2 and "huge.txt" in err and "large" in err


def test_missing_file_and_bad_date(tmp_path, capsys):
    code, _, err = run(["extract", str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and "nope.txt" in err
    code, _, err = run(["extract", str(ARTICLE), "--date", "09/06/2016"], capsys)
    assert code == 2 and "date" in err.lower()


def test_text_without_places(tmp_path, capsys):
    p = tmp_path / "plain.txt"
    p.write_text("قال المتحدث إن الاجتماع كان مثمرا.\n", encoding="utf-8")
    code, stdout, err = run(["extract", str(p)], capsys)
    assert code == 0 and json.loads(stdout)["features"] == []


def test_places_find_json(capsys):
    code, stdout, _ = run(["places", "find", str(ARTICLE), "--json"], capsys)
    assert code == 0
    rows = json.loads(stdout)
    text = ARTICLE.read_text(encoding="utf-8")
    assert rows
    for r in rows:
        assert {"text", "start", "end", "status", "reason", "place_id", "name_en", "lat", "lon"} <= set(r)
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["status"] in {"resolved", "foreign", "context", "unresolved"}
    ids = {r["place_id"] for r in rows}
    assert {"gn:2210554", "gn:88319", "ly:sirte-taqrift-camp"} <= ids


def test_extract_command_stays_light(tmp_path):
    """The whole `kharita extract` command loads neither geopandas, folium, shapely nor pandas."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from geo.cli import main\n"
        f"sys.argv = ['kharita', 'extract', {str(FIX / 'libya-report-en.txt')!r}, '--date', '2016-06-09',"
        f" '-o', {str(tmp_path / 'x.geojson')!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = [m for m in ('geopandas', 'folium', 'shapely', 'pandas', 'pyarrow') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
