"""The `kharita` command group: every command documents itself with examples; every kharita error is exit 2."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from gazetteer.exc import GazetteerDataError, PlaceNotFound
from geo.cli import cli
from geo.exc import InputError


def _commands(group: click.Group, ctx: click.Context, prefix=()):
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, ctx, (*prefix, name))
        else:
            yield (*prefix, name)


COMMANDS = sorted(_commands(cli, click.Context(cli)))


def test_all_subcommands_are_there():
    top = {c[0] for c in COMMANDS}
    assert {"run", "extract", "check", "map", "places", "gazetteer", "acled", "events"} <= top


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_has_examples(path):
    r = CliRunner().invoke(cli, [*path, "--help"])
    assert r.exit_code == 0, r.output
    assert "Examples:" in r.output and "kharita " in r.output.split("Examples:", 1)[1]


# --- one error root: every error kharita raises on purpose is exit 2 and one line ----------------

def test_one_error_root():
    import gazetteer
    import gazetteer.exc as gexc
    import geo.exc as exc

    assert exc.KharitaError is gexc.KharitaError
    for cls in (exc.InputError, exc.DecodeError, exc.EmptyInputError, exc.GeoJSONError, exc.SchemaError,
                exc.ConfigError, gexc.GazetteerError, gexc.GazetteerDataError, gexc.PlaceNotFound,
                gexc.AmbiguousPlace, gexc.CoordinateError, gazetteer.GazetteerDataError):
        assert issubclass(cls, exc.KharitaError), cls
    # each still inherits the builtin it resembles (geopy style)
    assert issubclass(gexc.GazetteerDataError, ValueError) and issubclass(gexc.PlaceNotFound, LookupError)
    assert issubclass(exc.ConfigError, ValueError) and issubclass(exc.SchemaError, KeyError)


def kharita(*args, env=None):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def _one_error_line(r, *needles):
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kharita: error: "), r.stderr
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    for n in needles:
        assert n in lines[0], (n, lines[0])


BAD_OVERLAY = "id\tname_en\tfeature_type\tlat\tlon\tsource\nuser:x\tX\ttown\t95\t20\tsurvey\n"


def test_malformed_user_gazetteer_with_config_is_exit_2(tmp_path):
    """A broken overlay used to reach the user as "internal error … please report it", exit 70."""
    overlay = tmp_path / "user-gazetteer.tsv"
    overlay.write_text(BAD_OVERLAY, encoding="utf-8")
    cfg = tmp_path / "c.toml"  # [[places]] makes the config merge into the default gazetteer, which loads the overlay
    cfg.write_text('[[places]]\nid = "gn:2210554"\naliases = ["Sirtopolis"]\n', encoding="utf-8")
    env = {"KHARITA_USER_GAZETTEER": str(overlay)}
    _one_error_line(kharita("--config", str(cfg), "places", "lookup", "سرت", env=env), str(overlay), "row 2",
                    "latitude 95.0")
    _one_error_line(kharita("places", "lookup", "سرت", env=env), str(overlay), "row 2")


def test_malformed_config_place_table_is_exit_2(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[[places]]\nname = "X"\nlat = 95\nlon = 20\nfeature_type = "town"\nsource = "s"\n',
                   encoding="utf-8")
    _one_error_line(kharita("--config", str(cfg), "places", "lookup", "سرت"), str(cfg), "line 3", "latitude")


def test_gazetteer_import_of_a_malformed_file_is_exit_2(tmp_path):
    bad = tmp_path / "mine.csv"
    bad.write_text("name_en,lat,lon\nFoo,31,16\nBar,north,16\n", encoding="utf-8")
    r = kharita("gazetteer", "import", str(bad), "--user-table", str(tmp_path / "u.tsv"))
    _one_error_line(r, str(bad), "row 3")
    assert not (tmp_path / "u.tsv").exists()


@pytest.mark.parametrize("error,status,text", [
    (GazetteerDataError("bad row", path="g.tsv", row=4), 2, "kharita: error: g.tsv, row 4: bad row"),
    (PlaceNotFound("no place named Xanadu"), 2, "kharita: error: no place named Xanadu"),
    (InputError("two\nlines", path="a.txt", line=3), 2, "kharita: error: a.txt, line 3: two / lines"),
    # a bare KeyError is a bug, not the user's mistake: no longer passed off as a usage error
    (KeyError("x"), 70, "kharita: internal error: KeyError"),
], ids=["gazetteer-data", "place-not-found", "input-two-lines", "bug"])
def test_error_mapping(monkeypatch, capsys, error, status, text):
    import geo.cli.gazetteer
    from geo.cli import main

    def boom(**kw):
        raise error

    monkeypatch.delenv("KHARITA_DEBUG", raising=False)
    monkeypatch.setattr(geo.cli.gazetteer.gazetteer_info, "callback", boom)
    with pytest.raises(SystemExit) as ei:
        main(["gazetteer", "info"])
    assert ei.value.code == status
    err = capsys.readouterr().err
    assert err.startswith(text) and err.count("\n") == 1, err


def test_run_summary_says_where_dates_came_from(tmp_path):
    """No document date, but the text dates its event: the summary says so, not "date unknown"."""
    art = tmp_path / "a.txt"
    art.write_text("قتل 5 أشخاص في اشتباكات بمدينة الزاوية يوم 12 مايو 2023.\n", encoding="utf-8")
    r = kharita("run", str(art), "--offline", "-o", str(tmp_path / "a.html"))
    assert r.returncode == 0, r.stderr
    assert "events dated 2023-05-12 from the text" in r.stderr and "unknown" not in r.stderr
    r = kharita("run", str(art), "--date", "2023-05-13", "--offline", "-o", str(tmp_path / "b.html"))
    assert "document date 2023-05-13" in r.stderr
