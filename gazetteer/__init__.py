"""kharita's offline Libyan gazetteer.

>>> from gazetteer import Gazetteer
>>> Gazetteer.default().resolve("وبسرت").place.name_en
'Sirte'
"""

from gazetteer.core import Gazetteer
from gazetteer.exc import (
    AmbiguousPlace,
    CoordinateError,
    GazetteerDataError,
    GazetteerError,
    PlaceNotFound,
)
from gazetteer.model import Candidate, Context, Place, Resolution

__all__ = [
    "AmbiguousPlace",
    "Candidate",
    "Context",
    "CoordinateError",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "Place",
    "PlaceNotFound",
    "Resolution",
]
