"""`kharita --config FILE`: the user config reaches the gazetteer, the lexicon and the claim checker."""

from __future__ import annotations

import json
import subprocess
import sys


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
