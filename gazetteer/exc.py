"""Errors raised by the gazetteer, and :class:`KharitaError`, the root of every kharita error.

Each error also inherits the builtin it resembles, so callers can catch
``LookupError`` or ``ValueError`` without importing kharita (geopy style).

The root lives here, not in :mod:`geo.exc`, because ``gazetteer/`` must not
import ``geo``; :mod:`geo.exc` re-exports it and builds its own errors on it.
The CLI turns every :class:`KharitaError` into exit status 2 with a one-line
message naming the file and the line or row.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousPlace",
    "CoordinateError",
    "GazetteerDataError",
    "GazetteerError",
    "KharitaError",
    "PlaceNotFound",
    "check_lat_lon",
]


class KharitaError(Exception):
    """Root of every error kharita raises on purpose (gazetteer and geo alike): a usage or input error."""


class GazetteerError(KharitaError):
    """Base class of every gazetteer error."""


class GazetteerDataError(GazetteerError, ValueError):
    """A gazetteer file is malformed: missing columns, bad coordinates, duplicate ids.

    The message names the file and the row (1-based, header = row 1).
    """

    def __init__(self, message: str, *, path: str | None = None, row: int | None = None):
        where = ""
        if path is not None:
            where = f"{path}"
            if row is not None:
                where += f", row {row}"
            where += ": "
        super().__init__(where + message)
        self.path = path
        self.row = row


class PlaceNotFound(GazetteerError, LookupError):
    """No place matches the name (raised by the strict ``lookup_one``/``get_strict`` contracts)."""


class AmbiguousPlace(GazetteerError, LookupError):
    """Several places match and the context does not decide between them."""

    def __init__(self, message: str, candidates: tuple = ()):  # noqa: D107
        super().__init__(message)
        self.candidates = candidates


class CoordinateError(GazetteerError, ValueError):
    """Latitude/longitude out of range (with a hint when they look swapped)."""


def check_lat_lon(lat: float | str, lon: float | str) -> tuple[float, float]:
    """Validate a (lat, lon) pair and return it as floats.

    Raises
    ------
    CoordinateError
        When either value is not a finite number or is out of range. A latitude
        over 90 whose longitude would be a valid latitude gets a "swapped lat/lon?" hint.
    """
    try:
        lat_f = float(lat)
        lon_f = float(lon)
    except (TypeError, ValueError) as e:
        raise CoordinateError(f"coordinates must be numbers, got lat={lat!r}, lon={lon!r}") from e
    if lat_f != lat_f or lon_f != lon_f or lat_f in (float("inf"), float("-inf")) or lon_f in (
        float("inf"),
        float("-inf"),
    ):
        raise CoordinateError(f"coordinates must be finite, got lat={lat!r}, lon={lon!r}")
    if not -90.0 <= lat_f <= 90.0:
        hint = " (swapped lat/lon?)" if -90.0 <= lon_f <= 90.0 and -180.0 <= lat_f <= 180.0 else ""
        raise CoordinateError(f"latitude {lat_f} out of range [-90, 90]{hint}")
    if not -180.0 <= lon_f <= 180.0:
        raise CoordinateError(f"longitude {lon_f} out of range [-180, 180]")
    return lat_f, lon_f
