"""``kharita check`` (geo.cli.check)."""

from __future__ import annotations

import json

import pytest
from pyproj import Geod

from geo.cli import main

GEOD = Geod(ellps="WGS84")


def run(capsys, *args):
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out = capsys.readouterr()
    return e.value.code, out.out, out.err


def test_one_claim_table(capsys):
    code, out, _ = run(capsys, "check", "--claim", "450 km east of Tripoli", "--subject", "Sirte")
    assert code == 0
    assert "consistent_by_road" in out and "Sirte" in out and "Tripoli" in out
    _, _, d = GEOD.inv(13.18733, 32.88743, 16.58866, 31.20892)
    assert f"{d / 1000:.0f}" in out


def test_one_claim_json_with_subject_in_the_text(capsys):
    code, out, _ = run(capsys, "check", "--claim", "Misrata, some 200 km east of Tripoli", "--subject", "Misrata", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert list(row) == sorted(row)
    for key in ("verdict", "claimed_km", "geodesic_km", "road_km", "bearing_deg", "direction", "explanation"):
        assert key in row
    assert row["verdict"] == "consistent_by_road" and row["subject_id"] == "gn:2214846"
    assert row["claimed_km"] == 200.0 and row["direction"] == "E" and row["hedge"] == "some"


def test_article_report(capsys, sample_ar_path):
    code, out, _ = run(capsys, "check", str(sample_ar_path), "--date", "2016-06-09", "--json")
    assert code == 0
    rows = json.loads(out)
    assert any(r["verdict"] == "consistent_by_road" and r["claimed_km"] == 450.0 for r in rows)
    code, out, _ = run(capsys, "check", str(sample_ar_path))
    assert code == 0 and "straight km" in out and "على بعد نحو 450 كلم شرق طرابلس" in out


def test_bundled_sample_report_lists_only_claims(capsys):
    """The report of geo/data/samples/sample-ar.txt: four claims; the event locations are not in it."""
    from geo.cli.run import sample_path

    code, out, _ = run(capsys, "check", str(sample_path()), "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["subject_id"], r["anchor_id"], r["claimed_km"], r["direction"]) for r in rows] == [
        ("ly:benghazi-ganfouda", "gn:88319", None, "W"),
        ("ly:misrata-abu-grein", "gn:2210554", 130.0, "W"),
        ("ly:surt-wadi-jaref", "gn:2210554", None, "SW"),
        ("gn:2210554", "gn:2210247", 450.0, "E"),
    ]
    # Ganfouda and Wadi Jaref have no published point (stored at their parent's): those two cannot be checked
    assert [r["verdict"] == "unverifiable" for r in rows] == [True, False, True, False]
    code, out, _ = run(capsys, "check", str(sample_path()))
    assert code == 0 and ": 4 claim(s)" in out
    for where in ("قرب قاعدة القرضابية الجوية", "في محيط مدينة سرت", "قرب بلدة هراوة"):
        assert where not in out


def test_a_given_claim_needs_no_subject_in_its_text(capsys):
    """--claim checks the phrase as given: with no subject at all, the claim locates one."""
    code, out, _ = run(capsys, "check", "--claim", "near Misrata", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["verdict"] == "unverifiable" and row["derived_wkt"].startswith("POLYGON")


def test_strict_exit_1_on_inconsistent(capsys):
    code, out, _ = run(capsys, "check", "--claim", "450 km west of Tripoli", "--subject", "Sirte", "--strict")
    assert code == 1 and "inconsistent" in out
    code, _, _ = run(capsys, "check", "--claim", "450 km west of Tripoli", "--subject", "Sirte")
    assert code == 0


@pytest.mark.parametrize(
    "args,needle",
    [
        (("--claim", "450 km east of Tripoli", "--subject", "Qwxzyville"), "unknown subject"),
        (("--claim", "nothing spatial here"), "no spatial claim"),
        (("--claim", "  "), "empty claim"),
        (("--claim", "450 km east of Tripoli", "--date", "not-a-date"), "date"),
    ],
)
def test_bad_input_exit_2(capsys, args, needle):
    code, out, err = run(capsys, "check", *args)
    assert code == 2
    assert needle in err and "Traceback" not in err


def test_bad_files_exit_2(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02\xff" * 50)
    for p in (empty, binary, tmp_path / "missing.txt"):
        code, _, err = run(capsys, "check", str(p))
        assert code == 2 and str(p.name) in err and "Traceback" not in err


def test_windows_1256_article(capsys, tmp_path):
    p = tmp_path / "cp1256.txt"
    p.write_bytes("تقع سرت على بعد نحو 450 كلم شرق طرابلس.".encode("cp1256"))
    code, out, _ = run(capsys, "check", str(p), "--json")
    assert code == 0 and json.loads(out)[0]["verdict"] == "consistent_by_road"


def test_unknown_anchor_is_reported_not_raised(capsys):
    code, out, _ = run(capsys, "check", "--claim", "Sirte, 450 km east of Qwxzyville", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["verdict"] == "unverifiable" and "Qwxzyville" in row["explanation"]


def test_usage_errors(capsys, sample_ar_path):
    code, _, err = run(capsys, "check")
    assert code == 2
    code, _, err = run(capsys, "check", str(sample_ar_path), "--claim", "x")
    assert code == 2
