"""`kharita --config FILE`: the user config reaches the gazetteer, the lexicon, the claim checker and,
as click defaults that explicit flags override, `kharita extract`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest


def kharita(*args, env=None):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, env=env)


CONFIG = """
[[actors]]
name = "Test Brigade"
aliases = ["كتيبة الاختبار"]
kind = "non_state"

[[places]]
id = "gn:2210554"
aliases = ["Sirtopolis"]

[claims]
distance_rel = 0.01
distance_rel_hedged = 0.01
accept_between = false
"""


def test_config_applies_to_commands(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    r = kharita("--config", str(cfg), "places", "lookup", "Sirtopolis", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["id"] == "gn:2210554"
    assert kharita("places", "lookup", "Sirtopolis").returncode == 1  # without the config: unknown

    art = tmp_path / "a.txt"
    art.write_text("اندلعت اشتباكات بين كتيبة الاختبار وعناصر داعش في سرت الخميس.", encoding="utf-8")
    r = kharita("--config", str(cfg), "extract", str(art), "--date", "2016-06-09")
    assert r.returncode == 0, r.stderr
    actors = {f["properties"]["actor1"] for f in json.loads(r.stdout)["features"]} | {
        f["properties"]["actor2"] for f in json.loads(r.stdout)["features"]}
    assert "Test Brigade" in actors

    # 420 km vs 371 km straight and ~453 km by road: within the default tolerance, not within 1 %
    claim = ["check", "--claim", "Sirte, 420 km east of Tripoli", "--json"]
    assert json.loads(kharita(*claim).stdout)[0]["verdict"].startswith("consistent")
    assert json.loads(kharita("--config", str(cfg), *claim).stdout)[0]["verdict"] == "inconsistent"


def test_bad_config_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[claims]\ndistance_rell = 0.1\n", encoding="utf-8")
    r = kharita("--config", str(bad), "places", "lookup", "سرت")
    assert r.returncode == 2 and "line 2" in r.stderr and "distance_rel" in r.stderr and "Traceback" not in r.stderr
    r = kharita("--config", str(tmp_path / "missing.toml"), "places", "lookup", "سرت")
    assert r.returncode == 2 and "no such config file" in r.stderr


# --------------------------------------------------------------------------- [extract] → click defaults

def _extract_kwargs(monkeypatch, tmp_path, config: str | None, *args: str) -> dict:
    """The arguments click hands to `kharita extract` (the command itself is not run)."""
    from click.testing import CliRunner

    import geo.cli.extract
    from geo.cli import cli

    monkeypatch.delenv("KHARITA_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-xdg"))  # no developer config leaks in
    seen: dict = {}
    monkeypatch.setattr(geo.cli.extract.extract, "callback", lambda **kw: seen.update(kw) or 0)
    head = []
    if config is not None:
        cfg = tmp_path / "config.toml"
        cfg.write_text(config, encoding="utf-8")
        head = ["--config", str(cfg)]
    r = CliRunner().invoke(cli, [*head, "extract", "a.txt", *args])
    assert r.exit_code == 0, r.output
    return seen


EXTRACT_CONFIG = """
[extract]
date = 2016-06-09
source = "Libya Herald"
jobs = 3
engine = "dask"
format = "parquet"
"""


#: What `kharita extract` receives with EXTRACT_CONFIG and no flags (click parameter names).
CONFIG_KW = {"date": "2016-06-09", "source": "Libya Herald", "jobs": 3, "engine": "dask", "fmt": "parquet"}


def test_extract_defaults_come_from_the_config(monkeypatch, tmp_path):
    none = _extract_kwargs(monkeypatch, tmp_path, None)
    assert {k: none[k] for k in CONFIG_KW} == {"date": None, "source": None, "jobs": None, "engine": "local",
                                               "fmt": None}
    kw = _extract_kwargs(monkeypatch, tmp_path, EXTRACT_CONFIG)
    assert {k: kw[k] for k in CONFIG_KW} == CONFIG_KW


@pytest.mark.parametrize("flags,key,value", [
    (["--date", "2017-01-02"], "date", "2017-01-02"),
    (["--source", "Reuters"], "source", "Reuters"),
    (["--jobs", "1"], "jobs", 1),
    (["--engine", "local"], "engine", "local"),  # used to be overridden by the config's engine
    (["--format", "geojson"], "fmt", "geojson"),
])
def test_explicit_flag_beats_the_config(monkeypatch, tmp_path, flags, key, value):
    kw = _extract_kwargs(monkeypatch, tmp_path, EXTRACT_CONFIG, *flags)
    assert kw[key] == value
    rest = {k: v for k, v in CONFIG_KW.items() if k != key}  # the other keys keep the config's defaults
    assert {k: kw[k] for k in rest} == rest


def test_config_choices_are_the_flags_choices():
    """Config and CLI cannot drift: every [extract] key is a parameter of `kharita extract` with the same values."""
    import click

    from geo import config as C
    from geo.cli import config_default_map
    from geo.cli.extract import extract
    from geo.cli.run import run

    params = {p.name: p for p in extract.params}
    full = C.Config(extract=C.ExtractConfig(date=dt.date(2016, 6, 9), source="s", jobs=2, engine="dask",
                                            format="csv"))
    dm = config_default_map(full)
    assert set(dm) == {"extract", "run"}
    assert set(dm["extract"]) <= set(params), set(dm["extract"]) - set(params)
    assert len(dm["extract"]) == len(C._EXTRACT_KEYS)  # every accepted key is handed to the command
    assert set(dm["run"]) <= {p.name for p in run.params}
    assert tuple(params["engine"].type.choices) == C._ENGINES
    assert tuple(params["fmt"].type.choices) == C._FORMATS
    assert isinstance(params["jobs"].type, click.IntRange) and params["jobs"].type.min == 1


def test_config_engine_and_explicit_engine_end_to_end(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[extract]\nengine = "dask"\ndate = 2016-06-09\nsource = "Config Source"\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("اشتباكات في سرت.", encoding="utf-8")
    # the config's engine is used: dask is batch mode and refuses standard output
    r = kharita("--config", str(cfg), "extract", str(art))
    assert r.returncode == 2 and "batch mode" in r.stderr
    # an explicit --engine local wins; date and source still come from the config
    r = kharita("--config", str(cfg), "extract", str(art), "--engine", "local")
    assert r.returncode == 0, r.stderr
    props = json.loads(r.stdout)["features"][0]["properties"]
    assert (props["event_date"], props["source"]) == ("2016-06-09", "Config Source")
    r = kharita("--config", str(cfg), "extract", str(art), "--engine", "local", "--date", "2016-06-12",
                "--source", "Flag Source")
    props = json.loads(r.stdout)["features"][0]["properties"]
    assert (props["event_date"], props["source"]) == ("2016-06-12", "Flag Source")


def test_rejected_extract_key_is_exit_2_one_line(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[extract]\nlanguage = "ar"\n', encoding="utf-8")
    r = kharita("--config", str(cfg), "places", "lookup", "سرت")
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert f"{cfg}, line 2: [extract]: 'language' is not a setting" in r.stderr


def test_run_date_defaults_to_the_config_date(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import geo.cli.run
    from geo.cli import cli

    seen: dict = {}
    monkeypatch.setattr(geo.cli.run.run, "callback", lambda **kw: seen.update(kw) or 0)
    cfg = tmp_path / "c.toml"
    cfg.write_text("[extract]\ndate = 2016-06-09\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["--config", str(cfg), "run"]).exit_code == 0
    assert seen["date"] == "2016-06-09"
    assert CliRunner().invoke(cli, ["--config", str(cfg), "run", "--date", "2016-06-10"]).exit_code == 0
    assert seen["date"] == "2016-06-10"
