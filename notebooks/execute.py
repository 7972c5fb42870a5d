"""Re-sync the paired notebooks and execute them, keeping executed copies out of git.

Usage (from the repository root; ``make notebooks`` runs ``--sync``)::

    python notebooks/execute.py                 # run every notebooks/*.py pair
    python notebooks/execute.py --sync          # rewrite each .ipynb from its .py, then run
    python notebooks/execute.py --sync --no-run # only rewrite the .ipynb files
    python notebooks/execute.py notebooks/02_corpus.py --out out/notebooks

``--sync`` writes each ``.ipynb`` from its ``.py`` without outputs and with cell ids
derived from the cell content, so regenerating an unchanged notebook changes nothing
and a diff shows only the cells that changed.

Each notebook is read from its Jupytext ``.py`` source (the source of truth), run top
to bottom with ``nbclient`` in the ``python3`` kernel with ``notebooks/`` as working
folder, and written with its outputs to ``--out`` (``out/notebooks`` by default, which
git ignores).  The committed ``.ipynb`` files stay without outputs.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def paired_sources(folder: Path = HERE) -> list[Path]:
    """The Jupytext percent-format sources in ``folder`` (files starting with a jupytext header)."""
    found = []
    for path in sorted(folder.glob("*.py")):
        head = path.read_text(encoding="utf-8")[:400]
        if "jupytext:" in head and "formats: ipynb,py:percent" in head:
            found.append(path)
    return found


def sync_pair(source: Path) -> bool:
    """Rewrite the ``.ipynb`` next to ``source`` from the ``.py`` (no outputs, stable cell ids).

    Parameters
    ----------
    source
        A Jupytext percent-format ``.py`` file.

    Returns
    -------
    bool
        True if the ``.ipynb`` was created or changed.
    """
    import jupytext

    nb = jupytext.read(source)
    seen: set[str] = set()
    for cell in nb.cells:
        digest = hashlib.sha1(f"{cell.cell_type}\n{cell.source}".encode("utf-8")).hexdigest()
        cell_id, n = digest[:8], 1
        while cell_id in seen:  # identical cells: suffix keeps ids unique and stable
            cell_id, n = f"{digest[:8]}-{n}", n + 1
        seen.add(cell_id)
        cell["id"] = cell_id
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    text = jupytext.writes(nb, fmt="ipynb").rstrip("\n") + "\n"
    target = source.with_suffix(".ipynb")
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True


def execute(source: Path, out_dir: Path, timeout: int = 600) -> Path:
    """Run one notebook source and write the executed ``.ipynb`` to ``out_dir``.

    Parameters
    ----------
    source
        A Jupytext ``.py`` (percent format) or ``.ipynb`` file.
    out_dir
        Folder for the executed copy (created if missing).
    timeout
        Seconds allowed per cell.

    Returns
    -------
    Path
        The executed notebook.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        A cell failed; the message names the cell and the error.
    """
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    nb = jupytext.read(source)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(source.parent)}}
    )
    client.execute()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (source.stem + ".ipynb")
    nbformat.write(nb, target)
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit code (0 ok, 2 nothing to run)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="sources to run (default: every pair in notebooks/)")
    ap.add_argument("--out", type=Path, default=Path("out") / "notebooks", help="folder for executed copies")
    ap.add_argument("--sync", action="store_true", help="rewrite each .ipynb from its .py first")
    ap.add_argument("--no-run", action="store_true", help="do not execute")
    args = ap.parse_args(argv)
    sources = args.notebooks or paired_sources()
    if not sources:
        print("no paired notebooks found", file=sys.stderr)
        return 2
    if args.sync:
        for source in sources:
            changed = sync_pair(source)
            print(f"{source.with_suffix('.ipynb')}: {'updated' if changed else 'in sync'}")
    if args.no_run:
        return 0
    for source in sources:
        t0 = time.perf_counter()
        target = execute(source, args.out)
        print(f"{source} -> {target} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
