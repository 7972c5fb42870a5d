"""Reading input documents: bytes → text, files and JSON Lines → :class:`Document`.

Decoding is deliberately simple and explicit (no third-party detector), and it
is the one decoder of kharita's text inputs (articles, JSON Lines records, ACLED
exports and event files all go through :func:`decode_text`):

1. a byte-order mark decides (UTF-8 BOM → ``utf-8-sig``, UTF-16 LE/BE BOM → ``utf-16``);
2. UTF-16 without a BOM (NUL bytes on every other position) is decoded as
   such, with a note saying so;
3. otherwise binary data (NUL bytes, many control bytes) is refused;
4. strict UTF-8 is tried on the whole file;
5. when that fails the file is decoded *line by line*: lines that are UTF-8
   stay UTF-8; a line of mostly valid UTF-8 with a few stray bytes keeps its
   text and gets U+FFFD for the stray bytes; the other lines are Windows-1256
   (``cp1256``) when that gives Arabic text, else (in a UTF-8 file, or for a
   handful of bytes: at most 3, or one per thousand) U+FFFD too.  Every line that needed a
   fallback is named in :attr:`Decoded.notes` (and in :attr:`Document.notes`),
   so a half UTF-8, half Windows-1256 file is never turned into mojibake
   silently.  A file with no UTF-8 at all that is not Arabic as Windows-1256 is
   a :class:`~geo.exc.DecodeError`.

Newlines are normalised to ``\\n``.  Errors name the file (and the line of a
JSON Lines file); :func:`iter_documents` yields them instead of raising so a
batch never stops on one bad file or record.  Inputs must be regular files
(a FIFO or a device would block or never end): ``-`` reads standard input.
Folders are walked with every unreadable sub-folder, symlink loop and special
file reported as an error of its own.
"""

from __future__ import annotations

import re

import datetime as _dt
import errno
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from geo.exc import DecodeError, EmptyInputError, InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "Decoded",
    "Document",
    "DocumentIds",
    "corpus_files",
    "decode_bytes",
    "decode_text",
    "detect_language",
    "display_path",
    "iter_documents",
    "parse_date",
    "read_document",
]

#: Files larger than this are refused by :func:`read_document` unless ``max_bytes`` is raised.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: The input name that means standard input.
STDIN = "-"

_JSONL_SUFFIXES = {".jsonl", ".jsonlines", ".ndjson"}
_ALLOWED_CONTROLS = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
# zero-width and bidi characters that make a "whitespace-only" text look non-empty
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@dataclass(frozen=True)
class Document:
    """One input article.

    Attributes
    ----------
    id
        Document id: the file name stem, or the ``id`` of a JSON Lines record
        (made unique by :class:`DocumentIds` in batch runs).
    text
        Decoded text, newlines normalised to ``\\n``.
    date
        Publication date if known (used to resolve "Thursday", "yesterday"…).
    source, url
        Provenance; ``source`` defaults to the file name.
    encoding
        Encoding the bytes were decoded with (``utf-8``, ``utf-8-sig``, ``utf-16``,
        ``utf-16-le``/``utf-16-be`` without BOM, ``cp1256``, or ``utf-8+cp1256`` for a
        file whose lines mix both).
    path
        File the document came from ("" if none), printable (undecodable bytes of a
        file name shown as ``\\xNN``); ``path:line`` for a JSON Lines record.
    language
        ``'ar'`` or ``'en'`` (:func:`detect_language`).
    notes
        Warnings about the input: lines that needed a decoding fallback, a renamed id.
    """

    id: str
    text: str
    date: _dt.date | None
    source: str
    url: str
    encoding: str
    path: str
    language: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decoded:
    """The result of :func:`decode_text`.

    Attributes
    ----------
    text
        The text, newlines normalised to ``\\n``.
    encoding
        See :attr:`Document.encoding`.
    notes
        One line per fallback taken ("not UTF-8 on lines 3-5: decoded as Windows-1256").
    fallbacks
        ``(line, how)`` per line that needed one (``how``: ``"cp1256"`` or ``"replaced"``),
        for readers that report per row.
    """

    text: str
    encoding: str
    notes: tuple[str, ...] = ()
    fallbacks: tuple[tuple[int, str], ...] = ()


_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u066e-\u06d3\u0750-\u077f\ufb50-\ufefc]")
_LATIN_LETTER_RE = re.compile("[A-Za-z]")
_NOT_ARABIC_RE = re.compile("[^\u0621-\u064a\u066e-\u06d3\u0750-\u077f\ufb50-\ufefc]+")  # runs of other characters
_NOT_LATIN_RE = re.compile("[^A-Za-z]+")
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


@lru_cache(maxsize=4)  # split_sentences and the reader both ask for a whole document's counts
def _script_counts(text: str) -> tuple[int, int]:
    """(Arabic letters, ASCII letters) of ``text``."""
    # the length less the runs of other characters: a few runs, where findall makes a list of every letter
    n = len(text)
    return n - sum(map(len, _NOT_ARABIC_RE.findall(text))), n - sum(map(len, _NOT_LATIN_RE.findall(text)))


def detect_language(text: str, default: str = "en") -> str:
    """Guess the language of ``text`` by counting letters of each script.

    Parameters
    ----------
    text
        Any text.
    default
        Returned when the text has no Arabic or Latin letters at all.

    Returns
    -------
    str
        ``'ar'`` when Arabic letters are at least as many as Latin ones, else ``'en'``.
    """
    ar, la = _script_counts(text)
    if ar == 0 and la == 0:
        return default
    return "ar" if ar >= la else "en"


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` as printable text: bytes of a file name that are not UTF-8 shown as ``\\xNN``.

    Such names reach Python as lone surrogates, which no UTF-8 output (a manifest,
    a JSON report, an event id) can hold.
    """
    s = os.fspath(path)
    if isinstance(s, bytes):
        return s.decode("utf-8", "backslashreplace")
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        try:
            return os.fsencode(s).decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return s.encode("utf-8", "backslashreplace").decode("utf-8")


def _lone_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate of ``text`` (valid JSON, not valid Unicode), else None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_not_empty(text: str, path: str) -> None:
    if not text.strip().strip(_INVISIBLE).strip():
        raise EmptyInputError("empty input (no text, only whitespace)", path=path)


def _looks_binary(data: bytes) -> str | None:
    if b"\x00" in data:
        return "binary data (NUL bytes)"
    sample = data[:65536]
    ctrl = sum(1 for b in sample if b < 0x20 and b not in _ALLOWED_CONTROLS) + sample.count(0x7F)
    if ctrl > max(2, len(sample) // 100):
        return f"binary data ({ctrl} control bytes in the first {len(sample)} bytes)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``'utf-16-le'``/``'utf-16-be'`` when the bytes look like UTF-16 text without a byte-order mark.

    The high byte of every character of Latin or Arabic text is 0x00 or 0x06; so
    one byte of each pair is nearly always one of those, and the other never 0x00.
    """
    sample = data[: 1 << 14]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    for high, low, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if low.count(0) == 0 and high.count(0) > 0 and high.count(0) + high.count(6) >= 0.9 * len(high):
            return name
    return None


def _line_list(lines: list[int]) -> str:
    """``line 3`` / ``lines 3-5, 9`` (the first ten ranges, then how many more lines)."""
    ranges: list[list[int]] = []
    for n in lines:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    shown = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in ranges[:10])
    more = sum(b - a + 1 for a, b in ranges[10:])
    if more:
        shown += f" and {more} more"
    return ("line " if len(lines) == 1 else "lines ") + shown


def _offset_line(data: bytes, offset: int) -> tuple[int, int]:
    """(line, column) of a byte offset, both from 1."""
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _classify_line(raw: bytes) -> tuple[str, str | None]:
    """``(kind, text)`` of one line that may not be UTF-8.

    ``kind`` is ``utf-8`` (strict UTF-8), ``stray`` (mostly valid UTF-8 with a few
    invalid bytes: those become U+FFFD) or ``legacy`` (text ``None``: another
    encoding, decided for all such lines together).
    """
    try:
        return "utf-8", raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    s = raw.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE_RE.findall(s))
    good = sum(1 for ch in s if ord(ch) > 0x7F) - bad
    if good > 0 and good >= bad:
        return "stray", _ESCAPED_BYTE_RE.sub("\ufffd", s)
    return "legacy", None


def _stray_count(raws: list[bytes]) -> int:
    """Bytes of ``raws`` that are not part of valid UTF-8."""
    return sum(len(_ESCAPED_BYTE_RE.findall(r.decode("utf-8", "surrogateescape"))) for r in raws)


def _legacy_text(raws: list[bytes], strict: bool = False) -> list[str] | None:
    """Windows-1256 text of some lines, or None when that is not Arabic text.

    Most of the bytes beyond ASCII must become Arabic letters (so Latin-1 French,
    whose accented letters Windows-1256 keeps, is not taken), and at least three
    of them when the rest of the file is UTF-8 (``strict``: a stray byte or two
    there is more likely damage than another encoding).
    """
    texts = [r.decode("cp1256", "replace") for r in raws]
    beyond = sum(1 for t in texts for ch in t if ord(ch) > 0x7F)
    ar = sum(len(_ARABIC_LETTER_RE.findall(t)) + sum(t.count(p) for p in "،؛؟ـ") for t in texts)
    need = 3 if strict else min(3, beyond)
    return texts if beyond and ar >= need and 2 * ar > beyond else None


def _decode_lines(data: bytes, path: str, first_error: UnicodeDecodeError) -> Decoded:
    """Decode a file that is not UTF-8 as a whole, line by line (see the module notes)."""
    raws = data.split(b"\n")
    out: list[str | None] = []
    legacy: list[int] = []
    stray: list[int] = []
    utf8_beyond_ascii = False
    for i, raw in enumerate(raws):
        kind, text = _classify_line(raw)
        out.append(text)
        if kind == "legacy":
            legacy.append(i)
        elif kind == "stray":
            stray.append(i)
        elif not raw.isascii():
            utf8_beyond_ascii = True
    notes: list[str] = []
    encoding = "utf-8"
    if legacy:
        texts = _legacy_text([raws[i] for i in legacy], strict=utf8_beyond_ascii or bool(stray))
        if texts is not None:
            for i, t in zip(legacy, texts):
                out[i] = t
            if utf8_beyond_ascii or stray:
                encoding = "utf-8+cp1256"
                notes.append(f"not UTF-8 on {_line_list([i + 1 for i in legacy])}: decoded as Windows-1256")
            else:
                encoding = "cp1256"
        elif not (utf8_beyond_ascii or stray) and _stray_count([raws[i] for i in legacy]) > max(3, len(data) // 1000):
            ar, la = _script_counts(data.decode("cp1256", "replace"))
            raise DecodeError(
                f"not UTF-8 (invalid byte 0x{data[first_error.start]:02x} at offset {first_error.start}, line "
                f"{_offset_line(data, first_error.start)[0]}); as Windows-1256 it is not Arabic text ({ar} Arabic "
                f"vs {la} Latin letters): re-save the file as UTF-8",
                path=path,
            )
        else:
            for i in legacy:
                out[i] = raws[i].decode("utf-8", "replace")
            stray = sorted(stray + legacy)
    if stray:
        n = _stray_count([raws[i] for i in stray])
        notes.append(f"{n} byte(s) that are not UTF-8 on {_line_list([i + 1 for i in stray])}: replaced by U+FFFD")
    fallbacks = sorted([(i + 1, "replaced") for i in stray]
                       + ([(i + 1, "cp1256") for i in legacy] if encoding != "utf-8" else []))
    return Decoded("\n".join(out), encoding, tuple(notes), tuple(fallbacks))  # type: ignore[arg-type]


def decode_text(data: bytes, *, path: str = "<bytes>", mixed: bool = True, newlines: bool = True,
                controls: bool = False) -> Decoded:
    """Decode raw bytes of a text input (an article, a CSV export, a JSON file).

    Parameters
    ----------
    data
        The file content.
    path
        Named in error messages.
    mixed
        Decode a file that is not UTF-8 as a whole line by line, with reported
        fallbacks (see the module notes).  ``False``: such a file is an error
        naming the line and column of the first bad byte (for JSON and other
        data files, which must be UTF-8).
    newlines
        Normalise ``\r\n`` and ``\r`` to ``\n`` (``False`` for CSV files, whose quoted
        cells may hold a carriage return).
    controls
        Accept control characters (data files whose text cells may hold any);
        otherwise many of them mean a binary file.

    Returns
    -------
    Decoded
        Text with newlines normalised to ``\\n``, the encoding, and notes.

    Raises
    ------
    EmptyInputError
        No bytes, or only whitespace.
    DecodeError
        Binary data, or bytes that are neither UTF-8 (with or without BOM),
        UTF-16, nor Windows-1256 Arabic.
    """
    if not data or not data.strip():
        raise EmptyInputError("empty input (no text, only whitespace)", path=path)
    notes: tuple[str, ...] = ()
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data) or ""
        if encoding:
            notes = (f"no byte-order mark: decoded as UTF-16 {encoding[-2:].upper()}",)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            if encoding == "utf-8-sig" and mixed:
                return _finish(_decode_lines(data[3:], path, e), path, newlines)
            where = f"line {_offset_line(data, e.start)[0]}, byte {e.start}" if encoding == "utf-8-sig" else f"byte {e.start}"
            raise DecodeError(f"invalid {encoding} at {where}: {e.reason}", path=path) from None
        if "\x00" in text or (not controls
                               and len(_CONTROL_RE.findall(text[:65536])) > max(2, len(text[:65536]) // 100)):
            raise DecodeError("binary data (NUL or control characters)", path=path)
        return _finish(Decoded(text, encoding, notes), path, newlines)
    why = _looks_binary(data) if not controls else ("binary data (NUL bytes)" if b"\x00" in data else None)
    if why:
        raise DecodeError(f"{why}: not a text file", path=path)
    try:
        return _finish(Decoded(data.decode("utf-8"), "utf-8"), path, newlines)
    except UnicodeDecodeError as e:
        if not mixed:
            line, col = _offset_line(data, e.start)
            raise DecodeError(f"not UTF-8 (invalid byte 0x{data[e.start]:02x} at line {line}, column {col}): "
                              "re-save the file as UTF-8", path=path) from None
        return _finish(_decode_lines(data, path, e), path, newlines)


def _finish(d: Decoded, path: str, newlines: bool = True) -> Decoded:
    text = _normalise_newlines(d.text) if newlines else d.text
    _check_not_empty(text, path)
    return Decoded(text, d.encoding, d.notes, d.fallbacks)


def decode_bytes(data: bytes, *, path: str = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes of an article: ``(text, encoding)`` of :func:`decode_text` (notes dropped).

    Raises
    ------
    EmptyInputError, DecodeError
        As :func:`decode_text`.
    """
    d = decode_text(data, path=path)
    return d.text, d.encoding


_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def parse_date(value: object, *, path: str = "", line: int | None = None) -> _dt.date | None:
    """Turn ``None``, a :class:`datetime.date`/``datetime`` or an ISO string into a date.

    Raises
    ------
    InputError
        A string that is not an ISO date (``YYYY-MM-DD``, optionally followed by a time).
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if _ISO_DATE_RE.fullmatch(s):
            try:
                return _dt.date.fromisoformat(s[:10])
            except ValueError:
                pass
    shown = value if not isinstance(value, str) or len(value) <= 40 else value[:40] + "…"
    raise InputError(f"bad date {shown!r} (expected YYYY-MM-DD)", path=path or None, line=line, field="date")


_HEADER_DATE_RE = re.compile(
    r"^\s*(?:التاريخ|تاريخ النشر|نشر في|بتاريخ|date|published|posted|dateline)\s*[:：\-–]?\s*"
    r"(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.](\d{1,2})[/.](\d{4}))\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def header_date(text: str, max_lines: int = 5) -> _dt.date | None:
    """Publication date from a labelled dateline near the top.

    «التاريخ: 2016-06-09», "Published: 09/06/2016" (day first), Arabic-Indic digits
    too; only the first ``max_lines`` non-empty lines are looked at. An explicit
    date given by the caller always wins over this.
    """
    head_lines: list[str] = []
    for ln in text[:65536].splitlines():
        if ln.strip():
            head_lines.append(ln[:200])
            if len(head_lines) >= max_lines:
                break
    head = "\n".join(head_lines)
    m = _HEADER_DATE_RE.search(head.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    if not m:
        return None
    try:
        if m.group(1):
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _dt.date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
    except ValueError:
        return None


def _mb(n: int) -> str:
    mb = n / 1_048_576
    return f"{mb:.0f} MB" if mb >= 1 else f"{mb:.2g} MB"


def _size_error(path: str, size: int, max_bytes: int) -> InputError:
    return InputError(f"file too large ({_mb(size)} > {_mb(max_bytes)}): split it or pass --max-mb", path=path)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _stat_input(p: Path, sp: str) -> os.stat_result:
    """``os.stat`` of an input, as an :class:`InputError` naming the problem."""
    try:
        return os.stat(p)
    except FileNotFoundError:
        if os.path.islink(p):
            raise InputError("broken symlink (its target does not exist)", path=sp) from None
        raise InputError("no such file", path=sp) from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError("symlink loop: cannot be read", path=sp) from None
        raise InputError(f"cannot read: {e.strerror or e}", path=sp) from None


def _refuse_special(st: os.stat_result, sp: str) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{_kind(st.st_mode)}, not a regular file: refusing to read it (it may never end); "
                         "give - to read standard input", path=sp)


def _read_limited(fh: Any, max_bytes: int | None, sp: str) -> bytes:
    data: bytes = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise _size_error(sp, len(data), max_bytes)
    return data


def read_document(
    path: str | os.PathLike[str],
    *,
    date: _dt.date | str | None = None,
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one text file as a :class:`Document`.

    Parameters
    ----------
    path
        A text file (UTF-8, UTF-16 or Windows-1256, see :func:`decode_text`), or
        ``-`` for standard input (id ``stdin``).
    date
        Publication date (``date`` or ISO string).
    source
        Source label; defaults to the file name.
    max_bytes
        Refuse larger files (``None``: no limit).

    Raises
    ------
    InputError
        Missing file, directory, FIFO or device, too large; :class:`DecodeError` /
        :class:`EmptyInputError` for undecodable or empty content.
    """
    if os.fspath(path) == STDIN:
        sp, stem, name = "<stdin>", "stdin", "stdin"
        data = _read_limited(sys.stdin.buffer, max_bytes, sp)
    else:
        p = Path(path)
        sp = display_path(p)
        stem, name = display_path(p.stem), display_path(p.name)
        st = _stat_input(p, sp)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory, not a document (pass the files, or use iter_documents)", path=sp)
        _refuse_special(st, sp)
        if max_bytes is not None and st.st_size > max_bytes:
            raise _size_error(sp, st.st_size, max_bytes)
        try:
            with open(p, "rb") as fh:
                data = _read_limited(fh, max_bytes, sp)
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", path=sp) from None
    decoded = decode_text(data, path=sp)
    doc_date = parse_date(date, path=sp)
    if doc_date is None:
        doc_date = header_date(decoded.text)
    notes = decoded.notes
    if os.fspath(path) != STDIN and stem != Path(path).stem:
        notes += (f"file name is not UTF-8: document id {stem!r}",)
    return Document(
        id=stem,
        text=decoded.text,
        date=doc_date,
        source=source if source is not None else name,
        url="",
        encoding=decoded.encoding,
        path=sp,
        language=detect_language(decoded.text, default="ar"),
        notes=notes,
    )


# --------------------------------------------------------------------------- folders


def corpus_files(folder: str | os.PathLike[str], suffix: str = ".txt") -> Iterator[Path | InputError]:
    """The ``*.txt`` files under ``folder`` (sorted, recursive, symlinks followed), and what could not be read.

    Yields a :class:`~pathlib.Path` per regular file, and an :class:`InputError` per
    sub-folder that cannot be listed, symlink loop, broken ``*.txt`` symlink or
    ``*.txt`` that is not a regular file (a FIFO would block the batch forever).
    """
    top = Path(folder)
    try:
        st = os.stat(top)
    except OSError as e:
        yield InputError(f"cannot read folder: {e.strerror or e}", path=display_path(top))
        return
    ancestors = {(st.st_dev, st.st_ino): top}
    for parent in Path(os.path.realpath(top)).parents:  # a link up out of the corpus is a loop too
        try:
            pst = os.stat(parent)
        except OSError:
            continue
        ancestors.setdefault((pst.st_dev, pst.st_ino), parent)
    yield from _walk(top, ancestors, suffix)


def _walk(folder: Path, ancestors: dict[tuple[int, int], Path], suffix: str) -> Iterator[Path | InputError]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield InputError(f"cannot read folder: {e.strerror or e}: skipped", path=display_path(folder))
        return
    for entry in entries:
        p = Path(entry.path)
        try:
            st = os.stat(entry.path)
        except OSError as e:
            if e.errno == errno.ELOOP:
                yield InputError("symlink loop: skipped", path=display_path(p))
            elif entry.name.endswith(suffix):
                why = "broken symlink" if entry.is_symlink() else f"cannot read: {e.strerror or e}"
                yield InputError(f"{why}: skipped", path=display_path(p))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield InputError(f"symlink loop (leads back to {display_path(ancestors[key])}): skipped",
                                 path=display_path(p))
                continue
            yield from _walk(p, {**ancestors, key: p}, suffix)
        elif entry.name.endswith(suffix):
            if stat.S_ISREG(st.st_mode):
                yield p
            else:
                yield InputError(f"{_kind(st.st_mode)}, not a regular file: skipped", path=display_path(p))


# --------------------------------------------------------------------------- JSON Lines


def _record_field(rec: dict[str, Any], key: str, sp: str, lineno: int) -> str | InputError:
    """A text field of a record, or the error that makes the record unusable."""
    v = rec.get(key)
    if v is None:
        return ""
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        return InputError(f"{key} must be a string, got {type(v).__name__}", path=sp, line=lineno, field=key)
    s = v if isinstance(v, str) else str(v)
    i = _lone_surrogate(s)
    if i is not None:
        return InputError(f"lone surrogate {s[i]!r} at character {i}: not valid Unicode text", path=sp,
                          line=lineno, field=key)
    return s


def _iter_jsonl(
    p: Path, date: _dt.date | None, source: str | None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[Document | InputError]:
    sp = display_path(p)
    try:
        st = _stat_input(p, sp)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory, not a JSON Lines file", path=sp)
        _refuse_special(st, sp)
        fh = p.open("rb")
    except InputError as e:
        yield e
        return
    except OSError as e:
        yield InputError(f"cannot read: {e.strerror or e}", path=sp)
        return
    stem = display_path(p.stem)
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline() if max_bytes is None else fh.readline(max_bytes + 1)
            except OSError as e:
                yield InputError(f"cannot read: {e.strerror or e}", path=sp, line=lineno + 1)
                return
            if not raw:
                break
            lineno += 1
            if max_bytes is not None and len(raw) > max_bytes and not raw.endswith(b"\n"):
                while True:  # skip the rest of the record without holding it in memory
                    rest = fh.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield InputError(f"record too large (more than {_mb(max_bytes)}): split it or pass --max-mb",
                                 path=sp, line=lineno)
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            kind, line = _classify_line(raw.rstrip(b"\r\n"))
            notes: tuple[str, ...] = ()
            if kind == "legacy":
                legacy = _legacy_text([raw])
                if legacy is None:
                    yield DecodeError("not UTF-8, nor Windows-1256 Arabic: re-save the file as UTF-8", path=sp,
                                      line=lineno)
                    continue
                line, notes = legacy[0], ("record is not UTF-8: decoded as Windows-1256",)
            elif kind == "stray":
                notes = ("record has bytes that are not UTF-8: replaced by U+FFFD",)
            try:
                rec = json.loads(cast(str, line))  # None only for "legacy", decoded above
            except json.JSONDecodeError as e:
                yield InputError(f"bad JSON: {e.msg} (column {e.colno})", path=sp, line=lineno)
                continue
            except RecursionError:
                yield InputError("bad JSON: nested too deeply", path=sp, line=lineno)
                continue
            if not isinstance(rec, dict):
                yield InputError(f"expected a JSON object, got {type(rec).__name__}", path=sp, line=lineno)
                continue
            text = rec.get("text")
            if text is None:
                yield InputError("record has no text", path=sp, line=lineno, field="text")
                continue
            if not isinstance(text, str):
                yield InputError(f"text must be a string, got {type(text).__name__}", path=sp, line=lineno, field="text")
                continue
            fields = {k: _record_field(rec, k, sp, lineno) for k in ("text", "id", "source", "url")}
            bad = next((v for v in fields.values() if isinstance(v, InputError)), None)
            if bad is not None:
                yield bad
                continue
            text = _normalise_newlines(text)
            if not text.strip().strip(_INVISIBLE).strip():
                yield EmptyInputError("record text is empty", path=sp, line=lineno, field="text")
                continue
            try:
                rec_date = parse_date(rec.get("date"), path=sp, line=lineno)
            except InputError as e:
                yield e
                continue
            rid = cast(str, fields["id"])  # no field is an InputError past the check above
            yield Document(
                id=rid if rid != "" else f"{stem}-{lineno}",
                text=text,
                date=rec_date if rec_date is not None else date,
                source=str(fields["source"] or source or display_path(p.name)),
                url=str(fields["url"]),
                encoding="utf-8" if kind != "legacy" else "cp1256",
                path=f"{sp}:{lineno}",
                language=detect_language(text, default="ar"),
                notes=notes,
            )


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    date: _dt.date | str | None = None,
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Read many inputs; yield a :class:`Document` or an :class:`InputError` per item.

    Parameters
    ----------
    paths
        Files or directories, or ``-`` (standard input, one text).  A directory means
        every ``*.txt`` under it (sorted, recursive, see :func:`corpus_files`);
        ``.jsonl``/``.jsonlines`` files hold one record per line
        ``{"id", "text", "date", "source", "url"}`` (a record's date overrides ``date``);
        other files are read as text.
    date, source
        As for :func:`read_document`.
    max_bytes
        Refuse larger text files and larger JSON Lines records (``None``: no limit).

    Yields
    ------
    Document or InputError
        Errors are yielded, not raised, so one bad file or record never stops a batch.
        Ids are not made unique here: see :class:`DocumentIds`.
    """
    try:
        default_date = parse_date(date)
    except InputError as e:
        yield e
        return
    for path in paths:
        if os.fspath(path) == STDIN:
            try:
                yield read_document(STDIN, date=default_date, source=source, max_bytes=max_bytes)
            except InputError as e:
                yield e
            continue
        p = Path(path)
        if p.is_dir():
            n = 0
            for q in corpus_files(p):
                if isinstance(q, InputError):
                    yield q
                    continue
                n += 1
                try:
                    yield read_document(q, date=default_date, source=source, max_bytes=max_bytes)
                except InputError as e:
                    yield e
            if not n:
                yield InputError("directory has no *.txt files", path=display_path(p))
        elif p.suffix.lower() in _JSONL_SUFFIXES:
            yield from _iter_jsonl(p, default_date, source, max_bytes)
        else:
            try:
                yield read_document(p, date=default_date, source=source, max_bytes=max_bytes)
            except InputError as e:
                yield e


# --------------------------------------------------------------------------- unique ids


def _key(*parts: str) -> int:
    h = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(h.digest())


class DocumentIds:
    """Makes document ids unique, deterministically, in input order.

    Two records with the same id and the same text are one document: the later is
    dropped.  A later record with an id already used by another text gets the
    first free id ``<id>~2``, ``<id>~3``… (so its events get their own event ids,
    and a resumed run, which sees the inputs in the same order, gives the same ids).
    Memory: two small integers per document.

    Examples
    --------
    >>> ids = DocumentIds()
    >>> d = Document("a", "x", None, "", "", "utf-8", "f.jsonl:1", "en")
    >>> ids.admit(d)[0].id, ids.admit(replace(d, text="y"))[0].id, ids.admit(d)[0]
    ('a', 'a~2', None)
    """

    def __init__(self) -> None:
        self._texts: dict[int, int] = {}  # key of a used id -> key of its text
        self._pairs: set[int] = set()  # key of (original id, text) of every admitted document
        self._next: dict[int, int] = {}  # key of an original id -> next suffix to try

    def admit(self, doc: Document) -> tuple[Document | None, str | None]:
        """``(document to use, warning)``: the document (renamed if needed), or ``None`` for a duplicate."""
        tk = _key("text", doc.text)
        ik = _key("id", doc.id)
        pair = _key("pair", doc.id, str(tk))
        if pair in self._pairs:
            return None, f"duplicate of an earlier document {doc.id!r} (same id, same text): skipped"
        self._pairs.add(pair)
        if ik not in self._texts:
            self._texts[ik] = tk
            return doc, None
        n = self._next.get(ik, 2)
        while True:
            new = f"{doc.id}~{n}"
            nk = _key("id", new)
            n += 1
            if nk not in self._texts:
                break
        self._next[ik] = n
        self._texts[nk] = tk
        return (replace(doc, id=new),
                f"document id {doc.id!r} is already used by another text: renamed {new!r} (event ids stay unique)")
