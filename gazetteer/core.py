"""The offline gazetteer: lookup, context-aware resolution and reverse geocoding.

Package data are loaded lazily (``importlib.resources``) and indices are built
once.  Two lookup contracts, pycountry style: :meth:`Gazetteer.get` never raises
(returns ``default``), :meth:`Gazetteer.lookup_id` / :meth:`Gazetteer.lookup_one`
raise :class:`LookupError` subclasses.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING, Iterable, Iterator

from gazetteer import settings
from gazetteer.exc import AmbiguousPlace, PlaceNotFound, check_lat_lon
from gazetteer.model import FEATURE_RANK, Candidate, Context, Place, Resolution, Status
from gazetteer.normalize import (
    is_arabic,
    name_key,
    skeleton_key,
    split_proclitics,
    variant_keys,
)
from gazetteer.store import read_table
from gazetteer.geodesy import haversine_km

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Gazetteer"]

_AREAL = frozenset({"continent", "country", "region", "sea", "district"})


def _head_stripped(key: str) -> list[str]:
    """Keys with a generic head noun removed («مدينة سرت» → «سرت», "town of Sirte" → "sirte")."""
    out = []
    words = key.split(" ")
    if len(words) >= 2:
        if words[0] in settings.HEAD_NOUNS_AR or words[0] in settings.HEAD_NOUNS_EN:
            out.append(" ".join(words[1:]))
        if len(words) >= 3 and " ".join(words[:2]) in settings.HEAD_NOUNS_EN:
            out.append(" ".join(words[2:]))
        if words[-1] in settings.TAIL_NOUNS_EN:
            out.append(" ".join(words[:-1]))
    return [name_key(k) for k in out if k]


class Gazetteer:
    """An in-memory gazetteer built from one or more place tables.

    Parameters
    ----------
    places
        The features.  Later duplicates of an id replace earlier ones (a user
        overlay overrides package rows).
    """

    _default: "Gazetteer | None" = None
    _default_lock = threading.Lock()

    def __init__(self, places: Iterable[Place]):
        by_id: dict[str, Place] = {}
        for p in places:
            by_id[p.id] = p
        self._by_id = by_id
        self.places: tuple[Place, ...] = tuple(sorted(by_id.values(), key=lambda p: p.id))
        self._lookup_cache: dict[tuple[str, int], tuple[Candidate, ...]] = {}
        self._resolve_cache: dict[tuple[str, Context], Resolution] = {}
        self._ancestor_ids: dict[str, frozenset[str]] = {}

    # ------------------------------------------------------------------ loading
    @classmethod
    def default(cls) -> "Gazetteer":
        """The package gazetteer plus the user overlay (cached; built once per process)."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls.load()
        return cls._default

    @classmethod
    def set_default(cls, gazetteer: "Gazetteer") -> None:
        """Install ``gazetteer`` as the process default (e.g. with a user config's extra aliases)."""
        with cls._default_lock:
            cls._default = gazetteer

    @classmethod
    def reset_default(cls) -> None:
        """Forget the cached default (after importing into the user overlay)."""
        with cls._default_lock:
            cls._default = None

    @classmethod
    def load(cls, *, user: bool = True, extra: Iterable[str | os.PathLike] = ()) -> "Gazetteer":
        """Load the package table, then the user overlay (if ``user``), then ``extra`` tables."""
        ref = resources.files("gazetteer") / "data" / settings.PACKAGE_TABLE
        places = read_table(f"gazetteer/data/{settings.PACKAGE_TABLE}", text=ref.read_text(encoding="utf-8"),
                            delimiter="\t")
        if user:
            upath = settings.user_table_path()
            if upath.exists():
                places += read_table(upath, layer_default="user")
        for path in extra:
            places += read_table(path, layer_default="user")
        return cls(places)

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> "Gazetteer":
        """A gazetteer of one table file only (TSV or CSV with the standard columns)."""
        return cls(read_table(path))

    # ------------------------------------------------------------------ indices
    @cached_property
    def _exact(self) -> dict[str, tuple[tuple[str, str, str], ...]]:
        """key → ((place_id, matched name, how), …) for exact and rule-variant keys."""
        idx: dict[str, dict[str, tuple[str, str, str]]] = defaultdict(dict)
        for p in self.places:
            for n in p.names:
                k = name_key(n)
                if k and p.id not in idx[k]:
                    idx[k][p.id] = (p.id, n, "exact")
            # a final «ا»/«ة» spelling variant only for Libyan places that are not areas: «ليبية» is the adjective
            fv = p.country == settings.DEFAULT_COUNTRY and p.feature_type not in _AREAL
            for n in p.names:
                for v in variant_keys(n, final_vowel=fv):
                    if v and p.id not in idx[v]:
                        idx[v][p.id] = (p.id, n, "variant")
        return {k: tuple(v.values()) for k, v in idx.items()}

    @cached_property
    def _skeleton(self) -> dict[str, tuple[tuple[str, str], ...]]:
        idx: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        for p in self.places:
            for n in p.names:
                s = skeleton_key(n)
                if len(s) >= settings.MIN_SKELETON_LEN and p.id not in idx[s]:
                    idx[s][p.id] = (p.id, n)
        return {k: tuple(v.values()) for k, v in idx.items()}

    @cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        kids: dict[str, list[str]] = defaultdict(list)
        for p in self.places:
            if p.parent_id:
                kids[p.parent_id].append(p.id)
        return {k: tuple(sorted(v)) for k, v in kids.items()}

    @cached_property
    def _point_arrays(self) -> tuple[list[Place], np.ndarray, np.ndarray]:
        import numpy as np

        pts = [p for p in self.places if p.feature_type not in _AREAL]
        return pts, np.array([p.lat for p in pts]), np.array([p.lon for p in pts])

    def index_keys(self) -> dict[str, tuple[str, ...]]:
        """Every indexed name key (incl. rule variants) → ids of the places that bear it.

        Meant for building text matchers (e.g. an Aho-Corasick automaton); keys are
        :func:`gazetteer.normalize.name_key` forms.
        """
        return {k: tuple(sorted({t[0] for t in v})) for k, v in self._exact.items()}

    # ------------------------------------------------------------------ basic access
    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._by_id

    def get(self, place_id: str, default: Place | None = None) -> Place | None:
        """The place with this id, or ``default`` (never raises)."""
        return self._by_id.get(place_id, default)

    def lookup_id(self, place_id: str) -> Place:
        """The place with this id; raises :class:`PlaceNotFound` (a ``LookupError``)."""
        try:
            return self._by_id[place_id]
        except KeyError:
            raise PlaceNotFound(f"no place with id {place_id!r}") from None

    def parent(self, place: Place | str) -> Place | None:
        p = self._coerce(place)
        return self._by_id.get(p.parent_id) if p and p.parent_id else None

    def ancestors(self, place: Place | str) -> list[Place]:
        """Parent, grandparent… (nearest first; stops on cycles)."""
        out: list[Place] = []
        seen: set[str] = set()
        p = self._coerce(place)
        while p is not None and p.parent_id and p.parent_id not in seen:
            seen.add(p.parent_id)
            p = self._by_id.get(p.parent_id)
            if p is not None:
                out.append(p)
        return out

    def ancestor_ids(self, place_id: str) -> frozenset[str]:
        """Ids of the places holding ``place_id`` (its :meth:`ancestors`), computed once per place."""
        ids = self._ancestor_ids.get(place_id)
        if ids is None:
            ids = self._ancestor_ids[place_id] = frozenset(a.id for a in self.ancestors(place_id))
        return ids

    def children(self, place_id: str | Place) -> list[Place]:
        pid = place_id.id if isinstance(place_id, Place) else place_id
        return [self._by_id[c] for c in self._children.get(pid, ())]

    def district_of(self, place: Place | str) -> Place | None:
        """The Libyan district (shabiya) holding ``place`` (itself if it is one)."""
        p = self._coerce(place)
        if p is None:
            return None
        if p.feature_type == "district":
            return p
        if p.admin1:
            return self._by_id.get(p.admin1)
        for a in self.ancestors(p):
            if a.feature_type == "district":
                return a
        return None

    def _coerce(self, place: Place | str | None) -> Place | None:
        if place is None or isinstance(place, Place):
            return place
        return self._by_id.get(place)

    # ------------------------------------------------------------------ lookup
    def lookup(self, name: str, limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a name (best first); ``[]`` when nothing matches.

        Matching tiers (score before prominence weighting): exact key 1.0, rule
        variant (Libyan «بو», joined forms) 0.95, with Arabic proclitics removed
        («وبسرت») 0.9, with a generic head noun removed («مدينة سرت», "town of X")
        0.9, consonant skeleton (Tagrifet ~ Taqrift) 0.75, and last a named
        sub-phrase of a longer phrase («مركز واغادوغو للمؤتمرات») 0.7 × √(share of
        words kept).  The score is then
        weighted by country (Libya first) and prominence so ties rank sensibly.
        """
        if not isinstance(name, str):
            return []
        cached = self._lookup_cache.get((name, limit))
        if cached is not None:
            return list(cached)
        result = self._lookup(name, limit)
        if len(self._lookup_cache) < 100_000:
            self._lookup_cache[(name, limit)] = tuple(result)
        return result

    def _lookup(self, name: str, limit: int) -> list[Candidate]:
        key = name_key(name)
        if not key:
            return []
        found: dict[str, tuple[float, str, str]] = {}

        def add(k: str, quality: float, how_override: str | None = None) -> None:
            for pid, matched, how in self._exact.get(k, ()):
                q = quality if how == "exact" else min(quality, settings.SCORE_VARIANT)
                h = how_override or how
                if pid not in found or found[pid][0] < q:
                    found[pid] = (q, matched, h)

        add(key, settings.SCORE_EXACT)
        if is_arabic(key):
            first, _, rest = key.partition(" ")
            for prefix, stem in split_proclitics(first)[1:]:
                add(name_key((stem + " " + rest).strip()), settings.SCORE_CLITIC, "clitic")
        for k in _head_stripped(key):
            add(k, settings.SCORE_HEAD, "head")
            if is_arabic(k):
                first, _, rest = k.partition(" ")
                for prefix, stem in split_proclitics(first)[1:]:
                    add(name_key((stem + " " + rest).strip()), settings.SCORE_HEAD * settings.SCORE_CLITIC, "head")
        if not found:
            for k in [key, *_head_stripped(key)]:
                s = skeleton_key(k)
                if len(s) >= settings.MIN_SKELETON_LEN:
                    for pid, matched in self._skeleton.get(s, ()):
                        if pid not in found:
                            found[pid] = (settings.SCORE_SKELETON, matched, "skeleton")
        if not found:
            self._add_partial(key, found)
        if not found:
            # last: a spelling variant («Gheryan» for Gharyan, a mistyped letter in a long Arabic name),
            # reported as such with a lower score (gazetteer.fuzzy)
            from gazetteer.fuzzy import FuzzyIndex

            fh = FuzzyIndex.of(self).match(name)
            if fh is not None:
                for pid in fh.ids:
                    found[pid] = (settings.SCORE_SKELETON * fh.score, fh.name, fh.how)
        cands = []
        for pid, (q, matched, how) in found.items():
            p = self._by_id[pid]
            cands.append(Candidate(place=p, score=q * self._prior(p), matched=matched, how=how))
        cands.sort(key=lambda c: (-c.score, FEATURE_RANK.get(c.place.feature_type, 12), -c.place.population, c.place.id))
        return cands[:limit]

    def _add_partial(self, key: str, found: dict[str, tuple[float, str, str]]) -> None:
        """Longest contiguous sub-phrases of a multi-word name that are names themselves.

        «مركز واغادوغو للمؤتمرات» finds «واغادوغو»; "Sirte University campus" finds
        "Sirte University".  Scored ``SCORE_PARTIAL`` × the share of words kept.
        """
        words = key.split(" ")
        n = len(words)
        for size in range(n - 1, 0, -1):
            for i in range(0, n - size + 1):
                sub = " ".join(words[i : i + size])
                k = name_key(sub)
                hits = list(self._exact.get(k, ()))
                if is_arabic(sub):
                    first, _, rest = sub.partition(" ")
                    for _prefix, stem in split_proclitics(first)[1:]:
                        hits += self._exact.get(name_key((stem + " " + rest).strip()), ())
                if len(k) < 3:
                    continue
                q = settings.SCORE_PARTIAL * (size / n) ** 0.5
                for pid, matched, _how in hits:
                    if pid not in found:
                        found[pid] = (q, matched, "partial")
            if found:
                return

    @staticmethod
    def _prior(p: Place, country: str = settings.DEFAULT_COUNTRY) -> float:
        """Country and prominence weight in (0.8, 1]: the context country first, bigger features first."""
        w = 1.0 if p.country == country else settings.FOREIGN_WEIGHT
        rank = FEATURE_RANK.get(p.feature_type, 12)
        return w * (1.0 - 0.004 * rank) * settings.TYPE_WEIGHT.get(p.feature_type, 1.0)

    def lookup_one(self, name: str) -> Place:
        """The best place for ``name``; raises :class:`PlaceNotFound` or :class:`AmbiguousPlace`."""
        res = self.resolve(name)
        if res.status == "unknown" or res.place is None:
            raise PlaceNotFound(res.reason)
        if res.status == "ambiguous":
            raise AmbiguousPlace(res.reason, res.candidates)
        return res.place

    # ------------------------------------------------------------------ resolution
    def resolve(self, name: str, context: Context | None = None) -> Resolution:
        """Pick one place for ``name`` using ``context``; say so when unsure.

        Context evidence, added to each candidate's lookup score:

        * the candidate lies under a place named in ``context.parent_ids`` or
          ``context.near`` (+``settings.BONUS_PARENT``);
        * geodesic proximity to the nearest ``context.near`` place (up to
          +``settings.BONUS_NEAR`` within ``settings.NEAR_KM``, fading to 0 at
          ``settings.FAR_KM``);
        * the candidate's country equals ``context.country`` (Libya by default)
          (+``settings.BONUS_COUNTRY``).

        The result is ``ambiguous`` when the two best distinct candidates are
        within ``settings.AMBIGUITY_MARGIN`` and far apart, ``foreign`` when the
        winner is outside Libya, ``unknown`` when nothing matches.
        """
        ctx = context or Context()
        ck = (name, ctx)
        hit = self._resolve_cache.get(ck)
        if hit is not None:
            return hit
        res = self._resolve(name, ctx)
        if len(self._resolve_cache) < 100_000:
            self._resolve_cache[ck] = res
        return res

    def _resolve(self, name: str, ctx: Context) -> Resolution:
        cands = self.lookup(name, limit=25)
        if not cands:
            return Resolution(name, "unknown", None, f"no gazetteer entry matches {name!r}", ())
        scored = sorted(
            ((self._context_score(c, ctx), c) for c in cands),
            key=lambda t: (-t[0], FEATURE_RANK.get(t[1].place.feature_type, 12), -t[1].place.population, t[1].place.id),
        )
        best_score, best = scored[0]
        reason = f"{best.how} match of {best.matched!r}"
        status: Status = "foreign" if best.place.is_foreign else "resolved"
        if len(scored) > 1:
            second_score, second = scored[1]
            related = self._related(best.place, second.place)
            if best_score - second_score < settings.AMBIGUITY_MARGIN and not related:
                km = haversine_km(best.place.lat, best.place.lon, second.place.lat, second.place.lon)
                if km > settings.SAME_PLACE_KM:
                    return Resolution(
                        name, "ambiguous", best.place,
                        f"{len(scored)} candidates; {best.place.id} and {second.place.id} score alike "
                        f"({best_score:.2f} vs {second_score:.2f}) and lie {km:.0f} km apart",
                        tuple(c for _, c in scored[:5]),
                    )
            reason += f"; preferred over {second.place.id} ({second_score:.2f} < {best_score:.2f})"
        return Resolution(name, status, best.place, reason, tuple(c for _, c in scored[:5]))

    def _related(self, a: Place, b: Place) -> bool:
        if a.parent_id == b.id or b.parent_id == a.id:
            return True
        return any(x.id == b.id for x in self.ancestors(a)) or any(x.id == a.id for x in self.ancestors(b))

    def _context_score(self, cand: Candidate, ctx: Context) -> float:
        p = cand.place
        # re-weight the match quality by the context's country instead of the default one
        score = cand.score / self._prior(p) * self._prior(p, ctx.country)
        anc_ids = {a.id for a in self.ancestors(p)}
        ctx_ids = set(ctx.parent_ids) | {q.id for q in ctx.near}
        if anc_ids & ctx_ids:
            score += settings.BONUS_PARENT
        if ctx.near:
            # a scoring heuristic: the spherical distance (±0.5 %) is plenty and 50× cheaper
            dmin = min(haversine_km(p.lat, p.lon, q.lat, q.lon) for q in ctx.near)
            if dmin <= settings.NEAR_KM:
                score += settings.BONUS_NEAR
            elif dmin < settings.FAR_KM:
                score += settings.BONUS_NEAR * (settings.FAR_KM - dmin) / (settings.FAR_KM - settings.NEAR_KM)
        if p.country == ctx.country:
            score += settings.BONUS_COUNTRY
        return score

    # ------------------------------------------------------------------ reverse
    def reverse(self, lat: float, lon: float) -> tuple[Place, float]:
        """Nearest point feature (not a country/district/region) and its geodesic distance in km."""
        lat, lon = check_lat_lon(lat, lon)
        from gazetteer.geodesy import nearest_index

        pts, lats, lons = self._point_arrays
        i, km = nearest_index(lat, lon, lats, lons)
        return pts[i], km

    # ------------------------------------------------------------------ user overlay
    @staticmethod
    def import_file(path: str | os.PathLike, *, user_table: str | os.PathLike | None = None) -> "ImportReport":
        """Merge a CSV overlay or a GeoNames country dump (``LY.txt``) into the user table.

        See :func:`gazetteer.importer.import_file`.
        """
        from gazetteer.importer import import_file

        return import_file(path, user_table=user_table)


from gazetteer.importer import ImportReport  # noqa: E402  (re-export for type hints)
