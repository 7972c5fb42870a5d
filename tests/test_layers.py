"""The light-import rule as a folder rule: text → events never loads geopandas, folium or shapely.

Every "light" module (the text → events path, and every module of ``gazetteer/``)
must import in a fresh interpreter with none of the heavy packages in
``sys.modules`` afterwards.  The whole ``kharita extract`` command is checked in
``test_cli_extract.py::test_extract_command_stays_light`` and ``geo.extract`` at
work in ``test_extract.py::test_extract_imports_no_heavy_libraries``.

Two rules are read from the source (``ast``, so imports inside functions count too): no module of
``gazetteer/`` imports ``geo``, and the text → events modules import nothing from the sub-packages
above them (``geo/claims``, ``geo/io``, ``geo/maps``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Packages the light layer must not load, not even through a guarded import.
HEAVY = ("geopandas", "folium", "shapely")

#: The text → events pipeline modules at the top of geo/ (a module added to that path belongs here too).
LIGHT_GEO = ("extract", "toponyms", "relative", "events", "nearness")

#: Whole folders that are light: every module in them, now and later (geo/text: documents, structure,
#: dates, numbers, the lexicon).
LIGHT_FOLDERS = ("gazetteer", "geo/text")


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
    assert len([m for m in light_modules() if m.startswith("geo.text")]) >= 7


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


# --------------------------------------------------------------------------- import rules read from the source

#: The text → events modules (the extraction half of geo/): none imports the layers above it.
EXTRACTION = ("extract", "toponyms", "relative", "events", "nearness",
              "text/lexicon", "text/numbers", "text/timeparse", "text/structure", "text/document", "text/spans",
              "text/__init__")

#: The sub-packages above the text → events path.
UPPER_LAYERS = ("geo.claims", "geo.io", "geo.maps")

#: Known breaches of the rule, each with its reason.  A breach that is mended makes its test pass, which
#: fails (strict xfail) until the entry is removed here.
KNOWN_BREACHES: dict[str, str] = {}


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Every module ``path`` imports, at top level or inside functions (``from geo import claims`` gives
    ``geo`` and ``geo.claims``).  Relative imports are resolved against the module's package."""
    package = path.relative_to(root).parts[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                mod = f"{base}.{node.module}" if node.module else base
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names if a.name != "*")
    return out


def _is_under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_imported_modules_reads_every_form(tmp_path):
    assert "gazetteer.exc" in imported_modules(ROOT / "geo" / "exc.py")
    probe = tmp_path / "pkg" / "probe.py"
    probe.parent.mkdir()
    probe.write_text("import geo.io.frame\nfrom geo import claims\ndef f():\n    from geo.maps.core import event_map\n"
                     "    from . import sibling\n    from .other import x\n", encoding="utf-8")
    assert {"geo.io.frame", "geo", "geo.claims", "geo.maps.core.event_map", "pkg.sibling", "pkg.other.x"} <= (
        imported_modules(probe, root=tmp_path))


@pytest.mark.parametrize("path", sorted((ROOT / "gazetteer").rglob("*.py")), ids=lambda p: p.name)
def test_gazetteer_never_imports_geo(path):
    """gazetteer/ sits below geo/: no module of it imports geo, not even inside a function."""
    bad = sorted(m for m in imported_modules(path) if _is_under(m, "geo"))
    assert not bad, f"gazetteer/{path.relative_to(ROOT / 'gazetteer')} imports {bad}"


@pytest.mark.parametrize("module", [
    pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BREACHES[m])) if m in KNOWN_BREACHES else m
    for m in EXTRACTION
])
def test_extraction_never_imports_the_upper_layers(module):
    """The text → events modules import nothing from geo.claims, geo.io or geo.maps."""
    path = ROOT / "geo" / f"{module}.py"
    assert path.is_file(), f"geo/{module}.py is gone: update EXTRACTION in {__file__}"
    bad = sorted(m for m in imported_modules(path) if any(_is_under(m, p) for p in UPPER_LAYERS))
    assert not bad, f"geo/{module}.py imports {bad}"


def test_the_upper_layers_are_packages():
    for pkg in UPPER_LAYERS + ("geo.cli",):
        assert (ROOT / Path(*pkg.split(".")) / "__init__.py").is_file(), pkg
