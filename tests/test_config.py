"""Tests of geo.config: the TOML user configuration and its validation messages."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.config import (
    ACTOR_KINDS,
    Config,
    ExtractConfig,
    apply_place_aliases,
    default_config_path,
    load_config,
    parse_config,
)
from geo.exc import ConfigError, InputError

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "config.example.toml"


def write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def error_of(tmp_path: Path, text: str) -> str:
    p = write(tmp_path, text)
    with pytest.raises(ConfigError) as ei:
        load_config(p)
    assert isinstance(ei.value, InputError)
    assert str(ei.value).startswith(str(p))
    return str(ei.value)


# --------------------------------------------------------------------------- valid files
def test_example_file_loads():
    cfg = load_config(EXAMPLE)
    assert [a.kind for a in cfg.actors] == ["non_state", "state", "external", "civilians"]
    assert cfg.actors[0].acled_name == "Islamic State (Libya)"
    assert cfg.actor_aliases()["داعش"].name == "Islamic State"
    assert cfg.actor_aliases()["isis"].name == "Islamic State"
    assert [p.is_new for p in cfg.places] == [False, True]
    new = cfg.places[1]
    assert (new.id, new.feature_type, new.precision_m) == ("user:sirte-zafran-roundabout", "roundabout", 300.0)
    assert cfg.extract.date == dt.date(2016, 6, 9)
    assert (cfg.extract.jobs, cfg.extract.engine, cfg.extract.format) == (2, "local", "jsonl")
    assert cfg.claims.road_detour_factor == 1.3
    tol = cfg.claims.tolerances()
    assert tol.distance_rel == 0.15 and tol.near_km == 15.0


def test_claims_override_reaches_tolerances(tmp_path):
    from geo.claims import Tolerances

    cfg = load_config(write(tmp_path, "[claims]\nnear_km = 25\naccept_between = false\n"))
    tol = cfg.claims.tolerances()
    assert tol.near_km == 25.0 and tol.accept_between is False
    assert tol.distance_rel == Tolerances().distance_rel  # untouched keys keep their default


def test_no_default_file_is_empty_config(tmp_path, monkeypatch):
    monkeypatch.delenv("KHARITA_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert default_config_path() == tmp_path / "xdg" / "kharita" / "config.toml"
    assert load_config() == Config()


def test_env_variable_is_used_and_must_exist(tmp_path, monkeypatch):
    p = write(tmp_path, "[extract]\nsource = 'Libya Herald'\n")
    monkeypatch.setenv("KHARITA_CONFIG", str(p))
    assert load_config().extract.source == "Libya Herald"
    monkeypatch.setenv("KHARITA_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="missing.toml: no such config file"):
        load_config()


def test_date_accepts_string(tmp_path):
    assert load_config(write(tmp_path, "[extract]\ndate = '2016-06-10'\n")).extract.date == dt.date(2016, 6, 10)


# --------------------------------------------------------------------------- errors
def test_bad_actor_kind_names_entry_key_and_line(tmp_path):
    msg = error_of(tmp_path, """\
        [[actors]]
        name = "A"
        kind = "state"

        [[actors]]
        name = "B"
        aliases = ["b"]
        kind = "rebels"
        """)
    assert msg.endswith(
        "line 8: [[actors]] #2: 'kind' must be one of state, non_state, external, civilians (got 'rebels')"
    )


def test_toml_syntax_error_has_line(tmp_path):
    msg = error_of(tmp_path, "[claims]\nnear_km = 10\ndistance_rel = = 0.2\n")
    assert ", line 3: TOML syntax error" in msg


def test_unknown_key_did_you_mean(tmp_path):
    msg = error_of(tmp_path, "[claims]\nnear_km = 10\ndistanse_rel = 0.2\n")
    assert "line 3: [claims]: unknown key 'distanse_rel' (did you mean 'distance_rel'?)" in msg


def test_unknown_section_did_you_mean(tmp_path):
    msg = error_of(tmp_path, "[[actor]]\nname = 'x'\n")
    assert "line 1: unknown section 'actor' (did you mean 'actors'?)" in msg


def test_unknown_key_without_close_match_lists_allowed(tmp_path):
    msg = error_of(tmp_path, "[extract]\nzzz = 1\n")
    assert "unknown key 'zzz' (allowed: date, source, jobs, engine, format)" in msg


def test_missing_required_actor_keys(tmp_path):
    assert "[[actors]] #1: missing required key 'name'" in error_of(tmp_path, "[[actors]]\nkind = 'state'\n")
    assert "[[actors]] #1: missing required key 'kind'" in error_of(tmp_path, "[[actors]]\nname = 'x'\n")


def test_aliases_must_be_array(tmp_path):
    msg = error_of(tmp_path, "[[actors]]\nname = 'x'\nkind = 'state'\naliases = 'y'\n")
    assert "line 4: [[actors]] #1: 'aliases' must be an array of strings" in msg


def test_alias_shared_by_two_actors(tmp_path):
    msg = error_of(tmp_path, """\
        [[actors]]
        name = "A"
        kind = "state"
        aliases = ["X"]
        [[actors]]
        name = "B"
        kind = "non_state"
        aliases = ["x"]
        """)
    assert "[[actors]] #2: name 'x' is already used by actor 'A'" in msg


def test_wrong_type_of_tolerance(tmp_path):
    msg = error_of(tmp_path, "[claims]\nnear_km = 'ten'\n")
    assert "line 2: [claims]: 'near_km' must be a number, got a string 'ten'" in msg
    msg = error_of(tmp_path, "[claims]\ndistance_rel = 15\n")
    assert "is a fraction" in msg
    msg = error_of(tmp_path, "[claims]\ndirection_half_width_deg = 400\n")
    assert "must be in [0.0, 180.0]" in msg


def test_place_out_of_range_coordinates(tmp_path):
    msg = error_of(tmp_path, """\
        [[places]]
        name = "X"
        lat = 31.2
        lon = 196.6
        feature_type = "town"
        source = "me"
        """)
    assert "line 3: [[places]] #1:" in msg
    msg = error_of(tmp_path, """\
        [[places]]
        name = "X"
        lat = 95.0
        lon = 16.6
        feature_type = "town"
        source = "me"
        """)
    assert "swapped" in msg or "latitude" in msg


def test_new_place_missing_key_and_bad_type(tmp_path):
    msg = error_of(tmp_path, "[[places]]\nname = 'X'\nlat = 31.0\nlon = 16.0\nsource = 's'\n")
    assert "[[places]] #1: new place 'X': missing required key 'feature_type'" in msg
    msg = error_of(tmp_path, "[[places]]\nname = 'X'\nlat = 31.0\nlon = 16.0\nsource = 's'\nfeature_type = 'castle'\n")
    assert "line 6: [[places]] #1: 'feature_type' must be one of" in msg and "(got 'castle')" in msg


def test_alias_entry_needs_aliases(tmp_path):
    assert "give 'aliases'" in error_of(tmp_path, "[[places]]\nid = 'gn:2210554'\n")


def test_section_of_wrong_shape(tmp_path):
    assert "'actors' must be an array of tables" in error_of(tmp_path, "[actors]\nname = 'x'\n")
    assert "'claims' must be a table" in error_of(tmp_path, "claims = 3\n")


def test_bad_extract_values(tmp_path):
    assert "'jobs' must be an integer >= 1" in error_of(tmp_path, "[extract]\njobs = -1\n")
    assert "'date' must be YYYY-MM-DD" in error_of(tmp_path, "[extract]\ndate = '9 June 2016'\n")
    assert "'engine' must be one of local, dask (got 'spark')" in error_of(tmp_path, "[extract]\nengine = 'spark'\n")
    assert "'format' must be one of geojson, jsonl, parquet, gpkg, csv (got 'xml')" in error_of(
        tmp_path, "[extract]\nformat = 'xml'\n")


def test_every_extract_key_is_read(tmp_path):
    cfg = load_config(write(tmp_path, """\
        [extract]
        date = 2016-06-09
        source = "Libya Herald"
        jobs = 3
        engine = "dask"
        format = "parquet"
        """))
    assert cfg.extract == ExtractConfig(date=dt.date(2016, 6, 9), source="Libya Herald", jobs=3, engine="dask",
                                        format="parquet")


@pytest.mark.parametrize("body,line,expected", [
    # parsed once and never read: now an error that says why
    ("language = 'ar'", 3, "[extract]: 'language' is not a setting: kharita detects the language of each document"),
    # the CLI has no "process" engine: it used to be accepted and ignored
    ("engine = 'process'", 3, "[extract]: 'engine' must be one of local, dask (got 'process': the engine of one "
                              "machine's processes is called 'local'"),
    # --jobs starts at 1; 0 ("all cores") only ever worked in batch mode
    ("jobs = 0", 3, "[extract]: 'jobs' must be an integer >= 1, as --jobs (leave it out for the default"),
])
def test_extract_keys_the_cli_would_ignore_are_rejected(tmp_path, body, line, expected):
    msg = error_of(tmp_path, f"# user config\n[extract]\n{body}\n")
    assert f"config.toml, line {line}: {expected}" in msg


def test_not_utf8_and_missing_file(tmp_path):
    p = tmp_path / "c.toml"
    p.write_bytes("[extract]\nsource = 'ليبيا'\n".encode("cp1256"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(p)
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")


@settings(max_examples=40, deadline=None)
@given(kind=st.text(min_size=1, max_size=12).filter(lambda k: k not in ACTOR_KINDS and '"' not in k and "\\" not in k
                                                    and all(c.isprintable() for c in k)))
def test_any_other_kind_is_rejected(kind):
    with pytest.raises(ConfigError, match="'kind' must be one of"):
        parse_config(f'[[actors]]\nname = "x"\nkind = "{kind}"\n', "c.toml")


# --------------------------------------------------------------------------- gazetteer overlay
def test_apply_place_aliases(gaz):
    cfg = load_config(EXAMPLE)
    g2 = apply_place_aliases(gaz, cfg)
    assert g2 is not gaz
    sirte = g2.get("gn:2210554")
    assert "سرت الساحلية" in sirte.aliases and set(gaz.get("gn:2210554").aliases) < set(sirte.aliases)
    assert "سرت الساحلية" not in gaz.get("gn:2210554").aliases  # original untouched
    assert g2.resolve("سرت الساحلية").place.id == "gn:2210554"
    new = g2.get("user:sirte-zafran-roundabout")
    assert new.layer == "user" and new.admin1 == gaz.district_of(gaz.get("gn:2210554")).id
    assert g2.resolve("دوار الزعفران").place.id == new.id
    assert len(g2.places) == len(gaz.places) + 1


def test_apply_unknown_place_id(gaz, tmp_path):
    cfg = load_config(write(tmp_path, "[[places]]\nid = 'gn:221055'\naliases = ['x']\n"))
    with pytest.raises(ConfigError, match=r"line 1: \[\[places\]\] #1: no gazetteer place with id 'gn:221055'"):
        apply_place_aliases(gaz, cfg)


def test_apply_without_places_returns_same(gaz):
    assert apply_place_aliases(gaz, Config()) is gaz
