"""Span sets with constant-time overlap queries, so every stage stays linear in the text.

A document can hold thousands of mentions; asking "does this span overlap one already taken?"
by scanning a list makes a stage quadratic (a 100 KB page of repeated names took seconds).
:class:`SpanIndex` buckets spans by position: a query looks only at the buckets its span
touches. Spans are short (a name, a phrase), so each touches one or two buckets.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

__all__ = ["SpanIndex"]


class SpanIndex:
    """Half-open character spans ``[start, end)`` with fast overlap and containment queries.

    >>> ix = SpanIndex([(10, 20)])
    >>> ix.overlaps(15, 30), ix.overlaps(20, 25), ix.contains(12, 18), ix.covers_point(19)
    (True, False, True, True)
    """

    __slots__ = ("_bucket", "_buckets", "_n")

    def __init__(self, spans: Iterable[tuple[int, int]] = (), bucket: int = 64) -> None:
        self._bucket = bucket
        self._buckets: dict[int, list[tuple[int, int]]] = defaultdict(list)
        self._n = 0
        for s, e in spans:
            self.add(s, e)

    def __len__(self) -> int:
        return self._n

    def _keys(self, start: int, end: int) -> range:
        return range(start // self._bucket, max(end - 1, start) // self._bucket + 1)

    def add(self, start: int, end: int) -> None:
        """Add one span."""
        k0 = start // self._bucket
        k1 = (end - 1) // self._bucket if end > start else k0  # max(end - 1, start), without a call
        if k0 == k1:  # the usual case, a span inside one bucket: no range object
            self._buckets[k0].append((start, end))
        else:
            for k in range(k0, k1 + 1):
                self._buckets[k].append((start, end))
        self._n += 1

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span shares a character with ``[start, end)``."""
        k0 = start // self._bucket
        k1 = (end - 1) // self._bucket if end > start else k0  # max(end - 1, start), without a call
        buckets = self._buckets
        for k in (k0,) if k0 == k1 else range(k0, k1 + 1):
            for s, e in buckets.get(k, ()):
                if s < end and start < e:
                    return True
        return False

    def contains(self, start: int, end: int) -> bool:
        """True when some span holds all of ``[start, end)``."""
        for s, e in self._buckets.get(start // self._bucket, ()):
            if s <= start and end <= e:
                return True
        return False

    def covers_point(self, pos: int) -> bool:
        """True when some span holds the character at ``pos``."""
        for s, e in self._buckets.get(pos // self._bucket, ()):
            if s <= pos < e:
                return True
        return False
