"""The notebooks in ``notebooks/`` run top to bottom, offline, and their two forms agree.

Each notebook is a Jupytext pair: the percent-format ``.py`` is the source of truth and
the committed ``.ipynb`` carries the same cells without outputs.  Execution uses
``nbclient`` in the ``python3`` kernel with ``notebooks/`` as working folder; the kernel
gets proxy variables pointing nowhere and a first (injected, not committed) cell that
refuses every socket connection to a non-loopback address, so a notebook that reaches
for the network fails instead of passing by luck.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest

import jupytext  # noqa: E402  (test extras: a missing one must fail, not skip)
import nbclient  # noqa: E402
import nbformat  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PAIRS = sorted(p for p in NOTEBOOKS.glob("*.ipynb"))

#: Injected first cell: any socket connection leaving the machine raises.
NO_NETWORK_CELL = '''
import ipaddress as _ip, socket as _socket

def _kharita_local_only(address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str) or host in ("localhost", ""):
        return
    try:
        if _ip.ip_address(host.split("%")[0]).is_loopback:
            return
    except ValueError:
        pass
    raise OSError(f"network access blocked in notebook tests: {address!r}")

_kharita_connect = _socket.socket.connect
_kharita_connect_ex = _socket.socket.connect_ex

def _guarded_connect(self, address):
    if self.family in (_socket.AF_INET, _socket.AF_INET6):
        _kharita_local_only(address)
    return _kharita_connect(self, address)

def _guarded_connect_ex(self, address):
    if self.family in (_socket.AF_INET, _socket.AF_INET6):
        _kharita_local_only(address)
    return _kharita_connect_ex(self, address)

_socket.socket.connect = _guarded_connect
_socket.socket.connect_ex = _guarded_connect_ex
'''

#: Loading a remote script, stylesheet or tile from a map would need the network.
REMOTE_RESOURCE = re.compile(
    r"""<(?:script|link|img)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//"""
    r"""|\{s\}\.tile|tile\.openstreetmap|/\{z\}/\{x\}/\{y\}""",
    re.IGNORECASE,
)


def _cells(nb) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source.strip()) for c in nb.cells]


@pytest.fixture(scope="module")
def kernel_name() -> str:
    """The ``python3`` kernel spec, installed into the venv when missing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:  # pragma: no cover - depends on the machine
        import subprocess

        subprocess.run([sys.executable, "-m", "ipykernel", "install", "--sys-prefix"], check=True)
    return "python3"


@pytest.fixture
def offline_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Environment of the kernel: proxies to a closed port, no GUI backend."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "")
    monkeypatch.setenv("no_proxy", "")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))


def test_there_are_notebooks() -> None:
    assert len(PAIRS) >= 2, f"expected at least two notebooks in {NOTEBOOKS}"
    for source in NOTEBOOKS.glob("*.py"):
        if "jupytext:" in source.read_text(encoding="utf-8")[:400]:
            assert source.with_suffix(".ipynb").is_file(), f"{source.name} has no paired .ipynb"


@pytest.mark.parametrize("ipynb", PAIRS, ids=[p.stem for p in PAIRS])
def test_pair_in_sync(ipynb: Path) -> None:
    source = ipynb.with_suffix(".py")
    assert source.is_file(), f"{ipynb.name} has no paired {source.name}"
    from_py = jupytext.read(source)
    from_ipynb = nbformat.read(ipynb, as_version=4)
    assert _cells(from_ipynb) == _cells(from_py), (
        f"{ipynb.name} and {source.name} differ: run `jupytext --sync notebooks/{source.name}`"
    )
    assert from_ipynb.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"
    assert from_ipynb.metadata.get("kernelspec", {}).get("name") == "python3"
    for i, cell in enumerate(from_ipynb.cells):
        if cell.cell_type == "code":
            assert not cell.outputs, f"{ipynb.name} cell {i} is committed with outputs"
            assert cell.execution_count is None, f"{ipynb.name} cell {i} has an execution count"


@pytest.mark.parametrize("ipynb", PAIRS, ids=[p.stem for p in PAIRS])
def test_notebook_runs_offline(ipynb: Path, kernel_name: str, offline_env: None) -> None:
    nb = jupytext.read(ipynb.with_suffix(".py"))
    nb.cells.insert(0, nbformat.v4.new_code_cell(NO_NETWORK_CELL))
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name=kernel_name, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    code = [c for c in nb.cells[1:] if c.cell_type == "code"]
    assert code, f"{ipynb.name} has no code"
    assert all(c.execution_count for c in code), "every code cell ran"
    for c in code:
        for out in c.outputs:
            assert out.output_type != "error", f"{ipynb.name}: {out.get('ename')}: {out.get('evalue')}"
            page = html.unescape(out.get("data", {}).get("text/html", ""))
            hit = REMOTE_RESOURCE.search(page)
            assert hit is None, f"{ipynb.name} output loads a remote resource: {page[hit.start():hit.start() + 120]!r}"

    # a cell ending with event_map(...) shows the map inline
    maps = [c for c in code if c.source.strip().splitlines()[-1].startswith("event_map(")]
    for c in maps:
        shown = [o for o in c.outputs if "text/html" in o.get("data", {})]
        assert shown and "leaflet" in shown[0]["data"]["text/html"].lower(), f"{ipynb.name}: map not shown"


def test_network_guard_blocks_remote_connections(kernel_name: str, offline_env: None) -> None:
    """The injected guard really refuses a non-loopback connection (so the offline test can fail)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(NO_NETWORK_CELL),
        nbformat.v4.new_code_cell("import socket\nsocket.create_connection(('192.0.2.1', 80), timeout=0.1)"),
    ]
    client = nbclient.NotebookClient(nb, timeout=60, kernel_name=kernel_name)
    with pytest.raises(nbclient.exceptions.CellExecutionError, match="network access blocked"):
        client.execute()
