"""Errors of the geo package.  Each also inherits the builtin it resembles.

:class:`KharitaError` is the one root of kharita's errors, gazetteer errors
included; it is defined in :mod:`gazetteer.exc` (which may not import ``geo``)
and re-exported here.  The CLI turns every :class:`KharitaError` into a one-line
message on stderr and exit status 2 (usage or input error); nothing reaches the
user as a traceback.
"""

from __future__ import annotations

from gazetteer.exc import KharitaError

__all__ = [
    "ConfigError",
    "DecodeError",
    "EmptyInputError",
    "GeoJSONError",
    "InputError",
    "KharitaError",
    "SchemaError",
]


class InputError(KharitaError, ValueError):
    """Bad input: the message names the file (and the line or row when known)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None, field: str | None = None):
        where = []
        if path is not None:
            where.append(str(path))
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__((": ".join([", ".join(where), message])) if where else message)
        self.path = path
        self.line = line
        self.field = field


class DecodeError(InputError, UnicodeError):
    """A text file could not be decoded (not UTF-8, UTF-16 with BOM, nor Windows-1256), or is binary."""


class EmptyInputError(InputError):
    """A file or record has no text."""


class GeoJSONError(InputError):
    """A file is not valid GeoJSON, or a feature in it is malformed."""


class SchemaError(InputError, KeyError):
    """A table lacks required columns, or a value has the wrong type."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return Exception.__str__(self)


class ConfigError(InputError):
    """The user's TOML configuration is invalid."""
