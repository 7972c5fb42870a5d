"""Where kharita writes: the one rule every command follows for its output files.

Every file a command writes goes through :func:`write_text`, :func:`write_bytes`
or :func:`atomic_path`, after :func:`refuse_inputs` has checked it against the
command's inputs.  The rule:

* ``-`` is standard output (for commands that write one file);
* an output that is also an input is refused (the input would be lost);
* a symlink is followed: the file it points to is replaced, the link stays a link;
* a regular file (or a new one) is written atomically: a temporary file in the
  target's folder, then :func:`os.replace`, so an interrupted write leaves the old
  file whole and never a partial one;
* a FIFO or a character device (``/dev/stdout``, ``/dev/null``…) is written in
  place, never replaced by a rename; a directory, a block device or a socket is
  refused.

Errors are :class:`geo.exc.InputError` (exit status 2) naming the file.

Temporary files live in a folder ``.<name>.kharita-<pid>-…`` beside the target;
one left by a killed run (its process is gone) is removed by the next write of
the same target (:func:`sweep_stale_temp`).

Locks
-----
Outputs that a run appends to for a long time (batch folders and JSON Lines
files) are held with :func:`output_lock`: a lock file beside the output holds the
owner's pid, host and start time, and an exclusive ``flock`` while the run lasts.
A second run into the same output refuses with a one-line error naming the
owner.  A lock file whose owner died (``kill -9``, a crash) is stale: the kernel
released its ``flock``, so the next run takes it over (and says so).

CSV cells
---------
:func:`csv_cell` and :func:`csv_uncell` are the CSV half of the rule (OWASP "CSV
injection"): a text cell that a spreadsheet would run as a formula, one starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, is written with a
single quote in front (``'=HYPERLINK(…)``), so spreadsheets show it as text.
Plain numbers (``-12``, ``+3.5``, ``-1e3``) are left alone: they are data, not
formulas.  A cell that already starts with quotes followed by such a character
gets one more quote, so :func:`csv_uncell` (used when kharita reads a CSV back)
removes exactly one and gives the original text for every value.

Examples
--------
>>> csv_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> csv_cell("-12.5"), csv_cell("سرت")
('-12.5', 'سرت')
>>> csv_uncell(csv_cell("'=1+1"))
"'=1+1"
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import socket
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from geo.exc import InputError

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows: pid files only
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "STDOUT",
    "atomic_path",
    "output_lock",
    "pid_alive",
    "sweep_stale_temp",
    "csv_cell",
    "csv_uncell",
    "goes_to_stdout",
    "is_stdout",
    "refuse_inputs",
    "same_file",
    "write_bytes",
    "write_text",
]

#: The output name that means standard output.
STDOUT = "-"

_FORMULA_RE = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED_FORMULA_RE = re.compile(r"^'+[=+\-@\t\r]")
_NUMBER_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


# --------------------------------------------------------------------------- CSV cells


def csv_cell(text: str) -> str:
    """A text cell safe from spreadsheet formula injection (see the module notes).

    Parameters
    ----------
    text
        The cell's text.

    Returns
    -------
    str
        ``text``, with a ``'`` in front when it starts (after any quotes) with
        ``= + - @``, a tab or a carriage return and is not a plain number.
    """
    if text and _FORMULA_RE.match(text) and not _NUMBER_RE.match(text):
        return "'" + text
    return text


def csv_uncell(text: str) -> str:
    """Undo :func:`csv_cell`: the text kharita wrote, from a cell of a CSV file.

    Parameters
    ----------
    text
        A cell as read from the file.

    Returns
    -------
    str
        ``text`` without its first character when that is a ``'`` followed by
        quotes and a formula character; otherwise ``text`` unchanged.
    """
    if text and text[0] == "'" and _QUOTED_FORMULA_RE.match(text):
        return text[1:]
    return text


# --------------------------------------------------------------------------- inputs


def is_stdout(path: str | os.PathLike | None) -> bool:
    """True when ``path`` is ``-`` (standard output)."""
    return path is not None and os.fspath(path) == STDOUT


def goes_to_stdout(path: str | os.PathLike | None) -> bool:
    """True when writing ``path`` writes standard output: ``-``, ``/dev/stdout`` or any other name of it.

    Commands then print their report on stderr, so that it does not mix with the data.
    """
    if path is None:
        return False
    if is_stdout(path):
        return True
    try:
        out, st = os.fstat(sys.stdout.fileno()), os.stat(path)
    except (OSError, ValueError, AttributeError):  # no real stdout (captured), or no such file
        return False
    return (out.st_dev, out.st_ino) == (st.st_dev, st.st_ino)


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when ``a`` and ``b`` name the same file (after symlinks, hard links, ``..``).

    ``-`` is never the same file as anything.
    """
    if is_stdout(a) or is_stdout(b):
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def _inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    real, top = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return real != top and top in real.parents


def refuse_inputs(output: str | os.PathLike | None, inputs: Iterable[str | os.PathLike | None], *,
                  read_suffixes: tuple[str, ...] = ()) -> None:
    """Refuse an output that is one of the inputs.

    Parameters
    ----------
    output
        The output file or folder (``None`` or ``-``: nothing to check).
    inputs
        The command's input files and folders (``None`` entries are ignored).
    read_suffixes
        Suffixes of the files the command reads inside an input *folder*
        (``(".txt",)`` for ``extract``): an existing such file there is an input too.

    Raises
    ------
    InputError
        The output is an input (names the file; exit status 2).
    """
    if output is None or is_stdout(output):
        return
    for src in inputs:
        if src is None or is_stdout(src):
            continue
        if same_file(output, src):
            raise InputError("output is also an input: refusing to overwrite it (choose another -o)",
                             path=os.fspath(output))
        if (read_suffixes and os.path.isdir(src) and Path(output).suffix.lower() in read_suffixes
                and os.path.exists(output) and _inside(output, src)):
            raise InputError(f"output is an input (a file of the input folder {os.fspath(src)}): refusing to "
                             "overwrite it (choose another -o)", path=os.fspath(output))


# --------------------------------------------------------------------------- destinations


def _destination(path: str | os.PathLike) -> tuple[str, Path | None]:
    """``(kind, target)``: ``stdout``, ``special`` (FIFO/character device, written in place) or ``file``.

    A ``file`` target is the real path (symlinks followed) of ``path``.
    """
    if is_stdout(path):
        return "stdout", None
    p = Path(path)
    try:
        st = os.stat(p)  # follows symlinks
    except FileNotFoundError:
        st = None
    except OSError as e:  # a symlink loop, a permission problem…
        raise InputError(f"cannot write here: {e.strerror}", path=str(p)) from None
    if st is not None:
        mode = st.st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a directory: give a file name", path=str(p))
        if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            return "special", p
        if not stat.S_ISREG(mode):
            raise InputError("is a block device or a socket, not a file: refusing to write to it", path=str(p))
    return "file", Path(os.path.realpath(p))


def _file_mode(target: Path) -> int:
    """Permissions for ``target``: those of the file it replaces, else 0666 minus the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _to_stdout(data: bytes) -> None:
    out = sys.stdout
    buf = getattr(out, "buffer", None)
    if buf is None:  # a text-only stream (rare): decode what kharita encoded
        out.write(data.decode("utf-8"))
        out.flush()
        return
    out.flush()
    buf.write(data)
    buf.flush()


def _copy_into(src: Path, target: Path) -> None:
    """Copy a finished temporary file into a FIFO or device, in place."""
    with src.open("rb") as fin, open(target, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)


def _write_error(path: str | os.PathLike, e: OSError) -> InputError:
    return InputError(f"cannot write: {e.strerror or e}", path=os.fspath(path))


# --------------------------------------------------------------------------- stale files and locks

_TEMP_TAG = ".kharita-"
_TEMP_RE = re.compile(r"^\..+\.kharita-(\d+)-")


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` exists on this machine (zombies included)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:
        return False
    return True


def _temp_prefix(name: str) -> str:
    return f".{name}{_TEMP_TAG}{os.getpid()}-"


def sweep_stale_temp(folder: str | os.PathLike[str], name: str | None = None) -> list[str]:
    """Remove temporary folders of killed kharita writes in ``folder``.

    Parameters
    ----------
    folder
        Where to look.
    name
        Only those of this target name (``None``: of every target).

    Returns
    -------
    list[str]
        Names removed.  Folders of a live process (another run writing now) are kept.
    """
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for e in entries:
        m = _TEMP_RE.match(e.name)
        if m is None or (name is not None and not e.name.startswith(f".{name}{_TEMP_TAG}")):
            continue
        if int(m.group(1)) != os.getpid() and not pid_alive(int(m.group(1))):
            try:
                if e.is_dir(follow_symlinks=False):
                    shutil.rmtree(e.path, ignore_errors=True)
                    removed.append(e.name)
            except OSError:
                pass
    return removed


def _owner(fd: int) -> str:
    try:
        raw = os.pread(fd, 512, 0).decode("utf-8", "replace").split()
    except OSError:
        return ""
    if len(raw) >= 1 and raw[0].isdigit():
        host = f" on {raw[1]}" if len(raw) > 1 else ""
        since = f", since {raw[2]}" if len(raw) > 2 else ""
        return f"pid {raw[0]}{host}{since}"
    return ""


def _owner_pid(fd: int) -> int | None:
    try:
        head = os.pread(fd, 64, 0).split()
    except OSError:
        return None
    return int(head[0]) if head and head[0].isdigit() else None


def _try_lock(lock: Path) -> tuple[int | None, str]:
    """``(fd, "")`` with the lock held, or ``(None, owner)`` when another live run holds it."""
    while True:
        if fcntl is not None:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                owner = _owner(fd)
                os.close(fd)
                return None, owner
            try:  # an owner that just finished unlinked the file we opened: lock the new one
                same = os.path.samestat(os.fstat(fd), os.stat(lock))
            except FileNotFoundError:
                same = False
            if same:
                return fd, ""
            os.close(fd)
            continue
        try:  # pragma: no cover - no flock: the pid decides
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            return fd, ""
        except FileExistsError:  # pragma: no cover
            fd = os.open(lock, os.O_RDWR)
            pid, owner = _owner_pid(fd), _owner(fd)
            os.close(fd)
            if pid is not None and pid_alive(pid):
                return None, owner
            os.unlink(lock)


@contextmanager
def output_lock(lock: str | os.PathLike, *, output: str | os.PathLike | None = None) -> Iterator[str | None]:
    """Hold the lock file ``lock`` of an output while the block runs.

    Parameters
    ----------
    lock
        The lock file (its folder must exist); removed when the block ends.
    output
        The output named in the error message (default: ``lock``).

    Yields
    ------
    str or None
        A note when a stale lock (its owner died) was taken over, else ``None``.

    Raises
    ------
    InputError
        Another live run holds the lock: "output is in use by another kharita run
        (pid N on HOST, since …)" (exit status 2).
    """
    lock = Path(lock)
    shown = os.fspath(output if output is not None else lock)
    try:
        fd, owner = _try_lock(lock)
    except OSError as e:
        raise InputError(f"cannot create the lock file {lock.name}: {e.strerror or e}", path=shown) from None
    if fd is None:
        raise InputError(f"output is in use by another kharita run ({owner or 'lock file ' + str(lock)}): "
                         "wait for it to finish or choose another -o", path=shown)
    stale = None
    previous = _owner(fd)
    if previous:
        stale = f"took over a stale lock ({previous}, no longer running)"
    try:
        since = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {socket.gethostname() or '-'} {since}\n".encode(), 0)
        os.fsync(fd)
    except OSError:
        pass
    try:
        yield stale
    finally:
        try:
            os.unlink(lock)
        except OSError:
            pass
        os.close(fd)


@contextmanager
def atomic_path(path: str | os.PathLike, *, suffix: str = "", parents: bool = True) -> Iterator[Path]:
    """A temporary path to write ``path``'s content to; put in place when the block ends.

    Parameters
    ----------
    path
        The output: a file (or a symlink to one), a FIFO or character device, or ``-``.
    suffix
        Suffix of the temporary file (writers such as GDAL choose the format by it).
    parents
        Create missing parent folders (otherwise a missing folder is an error).

    Yields
    ------
    pathlib.Path
        Where to write.  On a clean exit the file replaces the target atomically
        (regular files), is copied in place (FIFOs, devices) or to standard output
        (``-``); on an error nothing is changed and the temporary file is removed.

    Raises
    ------
    InputError
        A directory, block device or socket as ``path``, a missing folder with
        ``parents=False``, or a failed write (disk full…).
    """
    kind, target = _destination(path)
    if kind == "file":
        assert target is not None  # _destination gives a target for every kind but stdout
        parent = target.parent
        if not parent.is_dir():
            if not parents:
                raise InputError("output directory does not exist", path=str(Path(path).parent))
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise _write_error(parent, e) from None
        sweep_stale_temp(parent, target.name)
        try:
            tmpdir = tempfile.mkdtemp(prefix=_temp_prefix(target.name), dir=parent)
        except OSError as e:
            raise _write_error(path, e) from None
    else:
        tmpdir = tempfile.mkdtemp(prefix="kharita-out-")
    try:
        tmp = Path(tmpdir) / ("out" + suffix)
        yield tmp
        try:
            if kind == "file":
                assert target is not None
                os.chmod(tmp, _file_mode(target))
                os.replace(tmp, target)
            elif kind == "special":
                assert target is not None
                _copy_into(tmp, target)
            else:
                _to_stdout(tmp.read_bytes())
        except OSError as e:
            raise _write_error(path, e) from None
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def write_bytes(path: str | os.PathLike, data: bytes, *, parents: bool = True) -> None:
    """Write ``data`` to ``path`` by the module's rule (atomic, symlinks followed, ``-`` = stdout).

    Raises
    ------
    InputError
        See :func:`atomic_path`.
    """
    kind, target = _destination(path)
    try:
        if kind == "stdout":
            _to_stdout(data)
            return
        if kind == "special":
            assert target is not None  # _destination gives a target for every kind but stdout
            with open(target, "wb") as fh:
                fh.write(data)
            return
    except OSError as e:
        raise _write_error(path, e) from None
    with atomic_path(path, parents=parents) as tmp:
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as e:
            raise _write_error(path, e) from None


def write_text(path: str | os.PathLike, text: str, *, parents: bool = True) -> None:
    """Write ``text`` as UTF-8 (newlines as given) to ``path``; see :func:`write_bytes`."""
    write_bytes(path, text.encode("utf-8"), parents=parents)
