"""Reading input documents: bytes → text, files and JSON Lines → :class:`Document`.

Decoding is deliberately simple and explicit (no third-party detector):

1. a byte-order mark decides (UTF-8 BOM → ``utf-8-sig``, UTF-16 LE/BE BOM → ``utf-16``);
2. otherwise binary data (NUL bytes, many control bytes) is refused;
3. strict UTF-8 is tried;
4. then Windows-1256 (``cp1256``), accepted only when the result is mostly
   Arabic letters; anything else is a :class:`~geo.exc.DecodeError`.

Newlines are normalised to ``\\n``.  Errors name the file (and the line of a
JSON Lines file); :func:`iter_documents` yields them instead of raising so a
batch never stops on one bad file.
"""

from __future__ import annotations

import re

import datetime as _dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.exc import DecodeError, EmptyInputError, InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "decode_bytes",
    "detect_language",
    "iter_documents",
    "parse_date",
    "read_document",
]

#: Files larger than this are refused by :func:`read_document` unless ``max_bytes`` is raised.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

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
        Document id: the file name stem, or the ``id`` of a JSON Lines record.
    text
        Decoded text, newlines normalised to ``\\n``.
    date
        Publication date if known (used to resolve "Thursday", "yesterday"…).
    source, url
        Provenance; ``source`` defaults to the file name.
    encoding
        Encoding the bytes were decoded with (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1256``).
    path
        File the document came from ("" if none).
    language
        ``'ar'`` or ``'en'`` (:func:`detect_language`).
    """

    id: str
    text: str
    date: _dt.date | None
    source: str
    url: str
    encoding: str
    path: str
    language: str


_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u066e-\u06d3\u0750-\u077f\ufb50-\ufefc]")
_LATIN_LETTER_RE = re.compile("[A-Za-z]")


def _script_counts(text: str) -> tuple[int, int]:
    """(Arabic letters, ASCII letters) of ``text``."""
    return len(_ARABIC_LETTER_RE.findall(text)), len(_LATIN_LETTER_RE.findall(text))


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


def decode_bytes(data: bytes, *, path: str = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes of an article.

    Parameters
    ----------
    data
        The file content.
    path
        Named in error messages.

    Returns
    -------
    tuple[str, str]
        ``(text, encoding)`` with newlines normalised to ``\\n``.

    Raises
    ------
    EmptyInputError
        No bytes, or only whitespace.
    DecodeError
        Binary data, or bytes that are neither UTF-8 (with or without BOM),
        UTF-16 with a BOM, nor Windows-1256 Arabic.
    """
    if not data or not data.strip():
        raise EmptyInputError("empty input (no text, only whitespace)", path=path)
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = ""
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise DecodeError(f"invalid {encoding} at byte {e.start}: {e.reason}", path=path) from None
        if "\x00" in text:
            raise DecodeError("binary data (NUL characters)", path=path)
        text = _normalise_newlines(text)
        _check_not_empty(text, path)
        return text, encoding
    why = _looks_binary(data)
    if why:
        raise DecodeError(f"{why}: not a text file", path=path)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = f"not UTF-8 (invalid byte 0x{data[e.start]:02x} at offset {e.start})"
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise DecodeError(f"{utf8_error}, nor Windows-1256", path=path) from None
        ar, la = _script_counts(text)
        if ar == 0 or ar < la:
            raise DecodeError(
                f"{utf8_error}; as Windows-1256 it is not Arabic text ({ar} Arabic vs {la} Latin letters): "
                "re-save the file as UTF-8",
                path=path,
            ) from None
        encoding = "cp1256"
    text = _normalise_newlines(text)
    _check_not_empty(text, path)
    return text, encoding


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
        try:
            return _dt.date.fromisoformat(s[:10])
        except ValueError:
            pass
    raise InputError(f"bad date {value!r} (expected YYYY-MM-DD)", path=path or None, line=line, field="date")


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
    head = "\n".join([ln for ln in text.splitlines() if ln.strip()][:max_lines])
    m = _HEADER_DATE_RE.search(head.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    if not m:
        return None
    try:
        if m.group(1):
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _dt.date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
    except ValueError:
        return None


def _size_error(path: str, size: int, max_bytes: int) -> InputError:
    mb = size / 1_048_576
    lim = max_bytes / 1_048_576
    return InputError(f"file too large ({mb:.0f} MB > {lim:.0f} MB): split it or pass --max-mb", path=path)


def read_document(
    path: str | os.PathLike,
    *,
    date: _dt.date | str | None = None,
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one text file as a :class:`Document`.

    Parameters
    ----------
    path
        A text file (UTF-8, UTF-16 with BOM or Windows-1256).
    date
        Publication date (``date`` or ISO string).
    source
        Source label; defaults to the file name.
    max_bytes
        Refuse larger files (``None``: no limit).

    Raises
    ------
    InputError
        Missing file, directory, too large; :class:`DecodeError` / :class:`EmptyInputError`
        for undecodable or empty content.
    """
    p = Path(path)
    sp = str(p)
    if p.is_dir():
        raise InputError("is a directory, not a document (pass the files, or use iter_documents)", path=sp)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file", path=sp) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=sp) from None
    if max_bytes is not None and size > max_bytes:
        raise _size_error(sp, size, max_bytes)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=sp) from None
    text, encoding = decode_bytes(data, path=sp)
    doc_date = parse_date(date, path=sp)
    if doc_date is None:
        doc_date = header_date(text)
    return Document(
        id=p.stem,
        text=text,
        date=doc_date,
        source=source if source is not None else p.name,
        url="",
        encoding=encoding,
        path=sp,
        language=detect_language(text, default="ar"),
    )


def _iter_jsonl(
    p: Path, date: _dt.date | None, source: str | None
) -> Iterator[Document | InputError]:
    sp = str(p)
    try:
        fh = p.open("rb")
    except OSError as e:
        yield InputError(f"cannot read: {e.strerror or e}", path=sp)
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield DecodeError(f"not UTF-8 (invalid byte at offset {e.start} of the line)", path=sp, line=lineno)
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield InputError(f"bad JSON: {e.msg} (column {e.colno})", path=sp, line=lineno)
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
            text = _normalise_newlines(text)
            if not text.strip().strip(_INVISIBLE).strip():
                yield EmptyInputError("record text is empty", path=sp, line=lineno, field="text")
                continue
            try:
                rec_date = parse_date(rec.get("date"), path=sp, line=lineno)
            except InputError as e:
                yield e
                continue
            rid = rec.get("id")
            yield Document(
                id=str(rid) if rid not in (None, "") else f"{p.stem}-{lineno}",
                text=text,
                date=rec_date if rec_date is not None else date,
                source=str(rec.get("source") or source or p.name),
                url=str(rec.get("url") or ""),
                encoding="utf-8",
                path=f"{sp}:{lineno}",
                language=detect_language(text, default="ar"),
            )


def iter_documents(
    paths: Iterable[str | os.PathLike],
    *,
    date: _dt.date | str | None = None,
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Read many inputs; yield a :class:`Document` or an :class:`InputError` per item.

    Parameters
    ----------
    paths
        Files or directories.  A directory means every ``*.txt`` under it (sorted,
        recursive); ``.jsonl``/``.jsonlines`` files hold one record per line
        ``{"id", "text", "date", "source", "url"}`` (a record's date overrides ``date``);
        other files are read as text.
    date, source, max_bytes
        As for :func:`read_document`.

    Yields
    ------
    Document or InputError
        Errors are yielded, not raised, so one bad file never stops a batch.
    """
    try:
        default_date = parse_date(date)
    except InputError as e:
        yield e
        return
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(q for q in p.rglob("*.txt") if q.is_file())
            if not files:
                yield InputError("directory has no *.txt files", path=str(p))
            for q in files:
                try:
                    yield read_document(q, date=default_date, source=source, max_bytes=max_bytes)
                except InputError as e:
                    yield e
        elif p.suffix.lower() in _JSONL_SUFFIXES:
            if not p.exists():
                yield InputError("no such file", path=str(p))
                continue
            yield from _iter_jsonl(p, default_date, source)
        else:
            try:
                yield read_document(p, date=default_date, source=source, max_bytes=max_bytes)
            except InputError as e:
                yield e
