"""Execute the paired notebooks and keep executed copies out of the repository.

Usage (from the repository root; ``make notebooks`` runs it)::

    python notebooks/execute.py                 # every notebooks/*.py pair
    python notebooks/execute.py notebooks/02_corpus.py --out out/notebooks

Each notebook is read from its Jupytext ``.py`` source (the source of truth), run top
to bottom with ``nbclient`` in the ``python3`` kernel with ``notebooks/`` as working
folder, and written with its outputs to ``--out`` (``out/notebooks`` by default, which
git ignores).  The committed ``.ipynb`` files stay without outputs.
"""

from __future__ import annotations

import argparse
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
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="sources to run (default: every pair in notebooks/)")
    ap.add_argument("--out", type=Path, default=Path("out") / "notebooks", help="folder for executed copies")
    args = ap.parse_args(argv)
    sources = args.notebooks or paired_sources()
    if not sources:
        print("no paired notebooks found", file=sys.stderr)
        return 2
    for source in sources:
        t0 = time.perf_counter()
        target = execute(source, args.out)
        print(f"{source} -> {target} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
