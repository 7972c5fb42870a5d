"""The light-import rule as a folder rule: text → events never loads geopandas, folium or shapely.

Every "light" module (the text → events path, and every module of ``gazetteer/``)
must import in a fresh interpreter with none of the heavy packages in
``sys.modules`` afterwards.  The whole ``kharita extract`` command is checked in
``test_cli_extract.py::test_extract_command_stays_light`` and ``geo.extract`` at
work in ``test_extract.py::test_extract_imports_no_heavy_libraries``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Packages the light layer must not load, not even through a guarded import.
HEAVY = ("geopandas", "folium", "shapely")

#: The text → events modules of geo/ (a module added to that path belongs here too).
LIGHT_GEO = ("extract", "toponyms", "lexicon", "numbers", "timeparse", "structure", "document", "relative",
             "events")

#: Whole folders that are light: every module in them, now and later.
LIGHT_FOLDERS = ("gazetteer",)


def light_modules() -> list[str]:
    mods = [f"geo.{m}" for m in LIGHT_GEO]
    for folder in LIGHT_FOLDERS:
        for f in sorted((ROOT / folder).rglob("*.py")):
            parts = f.relative_to(ROOT).with_suffix("").parts
            mods.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return mods


def test_the_list_names_real_modules():
    for m in LIGHT_GEO:
        assert (ROOT / "geo" / f"{m}.py").is_file(), f"geo/{m}.py is gone: update LIGHT_GEO in {__file__}"
    assert len([m for m in light_modules() if m.startswith("gazetteer")]) >= 10


_PROBE = """
import importlib, sys
importlib.import_module({module!r})
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
if heavy:
    sys.exit("importing {module} loads " + ", ".join(heavy))
"""


@pytest.mark.parametrize("module", light_modules())
def test_light_module_imports_nothing_heavy(module):
    r = subprocess.run([sys.executable, "-c", _PROBE.format(module=module, heavy=HEAVY)], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr.strip().splitlines()[-1] if r.stderr.strip() else r
