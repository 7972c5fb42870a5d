"""The user configuration: a TOML file of actors, extra place names, tolerances and defaults.

Where it is read from (first that applies):

1. the ``path`` argument (``kharita --config FILE``);
2. ``$KHARITA_CONFIG``;
3. ``$XDG_CONFIG_HOME/kharita/config.toml`` (``~/.config/kharita/config.toml``).

An explicit file (1, 2) must exist; the default file (3) is optional.

Sections (all optional; ``docs/config.md`` documents every key)::

    [[actors]]      name, aliases, kind (state | non_state | external | civilians), acled_name
    [[places]]      id + aliases (names for an existing gazetteer place), or a new place:
                    name_en / name_ar (or name), lat, lon, feature_type, source, aliases,
                    precision_m, country, parent_id, id
    [claims]        tolerances of the claim checker (fields of geo.claims.Tolerances)
                    and road_detour_factor
    [extract]       date, source, jobs, engine, format: defaults of ``kharita extract``
                    (``date`` also of ``kharita run``), given to click as its
                    ``default_map``, so a flag on the command line always wins

Every problem is a :class:`geo.exc.ConfigError` whose message names the file, the
line when it can be found, and the key path, e.g.
``config.toml, line 12: [[actors]] #2: 'kind' must be one of state, non_state,
external, civilians (got 'rebels')``.  Unknown keys are errors, with a "did you
mean" hint; so are keys kharita used to accept but would not act on
(``[extract] language``).  Every accepted key is used.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from geo.exc import ConfigError

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = [
    "ACTOR_KINDS",
    "ActorConfig",
    "ClaimsConfig",
    "Config",
    "ExtractConfig",
    "PlaceConfig",
    "apply_place_aliases",
    "default_config_path",
    "load_config",
    "parse_config",
]

#: Allowed values of ``[[actors]] kind``.
ACTOR_KINDS: tuple[str, ...] = ("state", "non_state", "external", "civilians")
#: ``[extract]`` choices: the same as those of ``kharita extract --engine`` / ``--format``.
_ENGINES = ("local", "dask")
_FORMATS = ("geojson", "jsonl", "parquet", "gpkg", "csv")

_SECTIONS = ("actors", "places", "claims", "extract")
_ACTOR_KEYS = ("name", "aliases", "kind", "acled_name")
_PLACE_KEYS = (
    "id", "aliases", "name", "name_en", "name_ar", "lat", "lon", "feature_type", "source",
    "precision_m", "country", "parent_id",
)
_EXTRACT_KEYS = ("date", "source", "jobs", "engine", "format")
#: Keys once accepted but never acted on: rejected with the reason rather than silently ignored.
_EXTRACT_REJECTED = {
    "language": "kharita detects the language of each document from its script (Arabic or English); "
                "remove the key",
}


@dataclass(frozen=True)
class ActorConfig:
    """One actor: canonical ``name``, ``aliases`` found in text, ``kind``, optional ACLED name."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "non_state"
    acled_name: str = ""
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PlaceConfig:
    """Extra names for a gazetteer place (``is_new`` false), or a new place (``is_new`` true)."""

    id: str
    aliases: tuple[str, ...] = ()
    is_new: bool = False
    name_en: str = ""
    name_ar: str = ""
    lat: float | None = None
    lon: float | None = None
    feature_type: str = ""
    source: str = ""
    precision_m: float = 1000.0
    country: str = "LY"
    parent_id: str = ""
    line: int | None = field(default=None, compare=False)
    index: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ClaimsConfig:
    """Overrides of :class:`geo.claims.Tolerances` (only keys given in the file) and the road detour factor."""

    overrides: tuple[tuple[str, Any], ...] = ()
    road_detour_factor: float | None = None

    def tolerances(self) -> Any:
        """A :class:`geo.claims.Tolerances` with the overrides applied."""
        from geo.claims import Tolerances

        return Tolerances(**dict(self.overrides))


@dataclass(frozen=True)
class ExtractConfig:
    """Defaults of ``kharita extract`` (``None``: not set in the file).

    ``engine`` and ``format`` take the values of the command's ``--engine`` and
    ``--format``; ``jobs`` is ``--jobs`` (>= 1).
    """

    date: _dt.date | None = None
    source: str | None = None
    jobs: int | None = None
    engine: str | None = None
    format: str | None = None


@dataclass(frozen=True)
class Config:
    """A validated user configuration (empty when no file exists)."""

    actors: tuple[ActorConfig, ...] = ()
    places: tuple[PlaceConfig, ...] = ()
    claims: ClaimsConfig = ClaimsConfig()
    extract: ExtractConfig = ExtractConfig()
    path: str = ""

    def actor_aliases(self) -> dict[str, ActorConfig]:
        """Every actor name and alias (casefolded) → its actor."""
        out: dict[str, ActorConfig] = {}
        for a in self.actors:
            for n in (a.name, *a.aliases):
                out.setdefault(n.casefold(), a)
        return out


# --------------------------------------------------------------------------- locating lines


class _Locator:
    """Best-effort line numbers of keys in the TOML text (tomllib gives none)."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(?:#.*)?$")

    def __init__(self, text: str):
        self.lines = text.splitlines()
        # (line number, table name, is_array) of each header
        self.headers: list[tuple[int, str, bool]] = []
        for i, line in enumerate(self.lines, start=1):
            m = self._HEADER.match(line)
            if m:
                self.headers.append((i, m.group(2).strip().strip("\"'"), m.group(1) == "[["))

    def table(self, name: str, index: int | None = None) -> tuple[int, int] | None:
        """``(first line, last line)`` of table ``name`` (the ``index``-th array item, 1-based)."""
        count = 0
        for j, (ln, tname, is_array) in enumerate(self.headers):
            if tname != name:
                continue
            count += 1
            if index is None or count == index:
                end = self.headers[j + 1][0] - 1 if j + 1 < len(self.headers) else len(self.lines)
                return ln, end
        return None

    def key(self, key: str, table: str | None = None, index: int | None = None) -> int | None:
        """Line of ``key = …`` inside a table (or the table header line when the key is not found)."""
        if table is None:
            first = 1
            last = self.headers[0][0] - 1 if self.headers else len(self.lines)
        else:
            span = self.table(table, index)
            if span is None:
                return None
            first, last = span
        pat = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for i in range(first, last + 1):
            if pat.match(self.lines[i - 1]):
                return i
        return first if table is not None else None


# --------------------------------------------------------------------------- validation helpers


class _Ctx:
    def __init__(self, path: str, text: str):
        self.path = path
        self.loc = _Locator(text)

    def error(self, where: str, message: str, line: int | None) -> ConfigError:
        return ConfigError(f"{where}: {message}" if where else message, path=self.path, line=line)


def _did_you_mean(key: str, allowed: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(allowed)})"


def _check_keys(ctx: _Ctx, where: str, d: dict, allowed: tuple[str, ...], table: str | None, index: int | None) -> None:
    for k in d:
        if k not in allowed:
            raise ctx.error(where, f"unknown key {k!r}{_did_you_mean(k, allowed)}", ctx.loc.key(k, table, index))


def _type_name(v: Any) -> str:
    return {str: "a string", int: "an integer", float: "a number", bool: "a boolean", list: "an array",
            dict: "a table"}.get(type(v), type(v).__name__)


def _string(ctx: _Ctx, where: str, d: dict, key: str, table: str | None, index: int | None,
            required: bool = False, default: str = "") -> str:
    if key not in d:
        if required:
            line = (ctx.loc.table(table, index) or (None,))[0] if table else None
            raise ctx.error(where, f"missing required key {key!r}", line)
        return default
    v = d[key]
    if not isinstance(v, str):
        raise ctx.error(where, f"{key!r} must be a string, got {_type_name(v)}", ctx.loc.key(key, table, index))
    if required and not v.strip():
        raise ctx.error(where, f"{key!r} must not be empty", ctx.loc.key(key, table, index))
    return v.strip()


def _strings(ctx: _Ctx, where: str, d: dict, key: str, table: str | None, index: int | None) -> tuple[str, ...]:
    if key not in d:
        return ()
    v = d[key]
    line = ctx.loc.key(key, table, index)
    if isinstance(v, str):
        raise ctx.error(where, f"{key!r} must be an array of strings, e.g. {key} = [{v!r}]", line)
    if not isinstance(v, list):
        raise ctx.error(where, f"{key!r} must be an array of strings, got {_type_name(v)}", line)
    out: list[str] = []
    for i, s in enumerate(v, start=1):
        if not isinstance(s, str) or not s.strip():
            raise ctx.error(where, f"{key!r} item {i} must be a non-empty string, got {s!r}", line)
        if s.strip() not in out:
            out.append(s.strip())
    return tuple(out)


def _number(ctx: _Ctx, where: str, d: dict, key: str, table: str | None, index: int | None,
            *, lo: float | None = None, hi: float | None = None) -> float | None:
    if key not in d:
        return None
    v = d[key]
    line = ctx.loc.key(key, table, index)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ctx.error(where, f"{key!r} must be a number, got {_type_name(v)} {v!r}", line)
    v = float(v)
    if not math.isfinite(v):
        raise ctx.error(where, f"{key!r} must be finite, got {v}", line)
    if (lo is not None and v < lo) or (hi is not None and v > hi):
        rng = f"[{lo if lo is not None else '-inf'}, {hi if hi is not None else 'inf'}]"
        raise ctx.error(where, f"{key!r} must be in {rng}, got {v:g}", line)
    return v


def _choice(ctx: _Ctx, where: str, d: dict, key: str, allowed: tuple[str, ...], table: str | None,
            index: int | None, default: str | None) -> str | None:
    if key not in d:
        return default
    v = d[key]
    if not isinstance(v, str) or v not in allowed:
        got = repr(v) if isinstance(v, str) else f"{_type_name(v)} {v!r}"
        raise ctx.error(where, f"{key!r} must be one of {', '.join(allowed)} (got {got})", ctx.loc.key(key, table, index))
    return v


def _slug(name: str) -> str:
    s = re.sub(r"[\W_]+", "-", name.strip().lower()).strip("-")
    return s or "place"


# --------------------------------------------------------------------------- sections


def _actors(ctx: _Ctx, raw: Any) -> tuple[ActorConfig, ...]:
    if not isinstance(raw, list):
        raise ctx.error("", "'actors' must be an array of tables: write [[actors]] before each actor",
                        ctx.loc.key("actors"))
    out: list[ActorConfig] = []
    seen: dict[str, str] = {}
    for i, a in enumerate(raw, start=1):
        where = f"[[actors]] #{i}"
        if not isinstance(a, dict):
            raise ctx.error(where, f"must be a table, got {_type_name(a)}", None)
        _check_keys(ctx, where, a, _ACTOR_KEYS, "actors", i)
        name = _string(ctx, where, a, "name", "actors", i, required=True)
        aliases = _strings(ctx, where, a, "aliases", "actors", i)
        kind = _choice(ctx, where, a, "kind", ACTOR_KINDS, "actors", i, None)
        if kind is None:
            raise ctx.error(where, f"missing required key 'kind' (one of {', '.join(ACTOR_KINDS)})",
                            (ctx.loc.table("actors", i) or (None,))[0])
        acled = _string(ctx, where, a, "acled_name", "actors", i)
        for n in (name, *aliases):
            k = n.casefold()
            if k in seen and seen[k] != name:
                raise ctx.error(where, f"name {n!r} is already used by actor {seen[k]!r}",
                                ctx.loc.key("aliases" if n != name else "name", "actors", i))
            seen[k] = name
        out.append(ActorConfig(name=name, aliases=aliases, kind=kind, acled_name=acled,
                               line=(ctx.loc.table("actors", i) or (None,))[0]))
    return tuple(out)


def _places(ctx: _Ctx, raw: Any) -> tuple[PlaceConfig, ...]:
    from gazetteer.exc import CoordinateError, check_lat_lon
    from gazetteer.model import FEATURE_TYPES

    if not isinstance(raw, list):
        raise ctx.error("", "'places' must be an array of tables: write [[places]] before each place",
                        ctx.loc.key("places"))
    out: list[PlaceConfig] = []
    ids: set[str] = set()
    for i, p in enumerate(raw, start=1):
        where = f"[[places]] #{i}"
        if not isinstance(p, dict):
            raise ctx.error(where, f"must be a table, got {_type_name(p)}", None)
        header = (ctx.loc.table("places", i) or (None,))[0]
        _check_keys(ctx, where, p, _PLACE_KEYS, "places", i)
        aliases = _strings(ctx, where, p, "aliases", "places", i)
        new = any(k in p for k in ("lat", "lon", "feature_type", "name", "name_en", "name_ar"))
        if not new:
            pid = _string(ctx, where, p, "id", "places", i, required=True)
            if not aliases:
                raise ctx.error(where, f"place {pid!r}: give 'aliases' (extra names), or lat/lon/name/feature_type "
                                       "for a new place", header)
            out.append(PlaceConfig(id=pid, aliases=aliases, line=header, index=i))
            continue
        name = _string(ctx, where, p, "name", "places", i)
        name_en = _string(ctx, where, p, "name_en", "places", i)
        name_ar = _string(ctx, where, p, "name_ar", "places", i)
        if name:
            from gazetteer.normalize import is_arabic

            if is_arabic(name):
                name_ar = name_ar or name
            else:
                name_en = name_en or name
        if not (name_en or name_ar):
            raise ctx.error(where, "a new place needs a 'name' (or 'name_en' / 'name_ar')", header)
        for k in ("lat", "lon", "feature_type", "source"):
            if k not in p:
                raise ctx.error(where, f"new place {name_en or name_ar!r}: missing required key {k!r}", header)
        lat = _number(ctx, where, p, "lat", "places", i)
        lon = _number(ctx, where, p, "lon", "places", i)
        assert lat is not None and lon is not None  # both keys are there (checked above)
        try:
            check_lat_lon(lat, lon)
        except (CoordinateError, ValueError) as e:
            raise ctx.error(where, str(e), ctx.loc.key("lat", "places", i)) from None
        ftype = _choice(ctx, where, p, "feature_type", tuple(sorted(FEATURE_TYPES)), "places", i, None)
        source = _string(ctx, where, p, "source", "places", i, required=True)
        prec = _number(ctx, where, p, "precision_m", "places", i, lo=0.0)
        country = _string(ctx, where, p, "country", "places", i, default="LY").upper()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            raise ctx.error(where, f"'country' must be an ISO 3166-1 alpha-2 code like 'LY', got {country!r}",
                            ctx.loc.key("country", "places", i))
        pid = _string(ctx, where, p, "id", "places", i) or f"user:{_slug(name_en or name_ar)}"
        out.append(PlaceConfig(
            id=pid, aliases=aliases, is_new=True, name_en=name_en, name_ar=name_ar, lat=lat, lon=lon,
            feature_type=ftype or "", source=source, precision_m=prec if prec is not None else 1000.0,
            country=country, parent_id=_string(ctx, where, p, "parent_id", "places", i), line=header, index=i,
        ))
    for pc in out:
        if pc.is_new:
            if pc.id in ids:
                raise ctx.error(f"[[places]] #{pc.index}", f"id {pc.id!r} is used by two new places", pc.line)
            ids.add(pc.id)
    return tuple(out)


def _claims(ctx: _Ctx, raw: Any) -> ClaimsConfig:
    from geo.claims import Tolerances

    where = "[claims]"
    if not isinstance(raw, dict):
        raise ctx.error("", "'claims' must be a table: write [claims]", ctx.loc.key("claims"))
    fields = {f.name: f for f in dataclasses.fields(Tolerances)}
    allowed = tuple(fields) + ("road_detour_factor",)
    _check_keys(ctx, where, raw, allowed, "claims", None)
    defaults = Tolerances()
    overrides: list[tuple[str, Any]] = []
    for k, v in raw.items():
        if k == "road_detour_factor":
            continue
        default = getattr(defaults, k)
        line = ctx.loc.key(k, "claims", None)
        if isinstance(default, bool):
            if not isinstance(v, bool):
                raise ctx.error(where, f"{k!r} must be true or false, got {_type_name(v)} {v!r}", line)
            overrides.append((k, v))
            continue
        hi = 180.0 if k.endswith("_deg") else (1.0 if k in ("centre_fraction",) else None)
        num = _number(ctx, where, raw, k, "claims", None, lo=0.0, hi=hi)
        assert num is not None  # k is a key of raw
        if k.startswith("distance_rel") and num >= 1.0:
            raise ctx.error(where, f"{k!r} is a fraction (0.15 = ±15 %), got {num:g}", line)
        overrides.append((k, num))
    detour = _number(ctx, where, raw, "road_detour_factor", "claims", None, lo=1.0, hi=3.0)
    return ClaimsConfig(overrides=tuple(sorted(overrides)), road_detour_factor=detour)


def _extract(ctx: _Ctx, raw: Any) -> ExtractConfig:
    where = "[extract]"
    if not isinstance(raw, dict):
        raise ctx.error("", "'extract' must be a table: write [extract]", ctx.loc.key("extract"))
    for k, why in _EXTRACT_REJECTED.items():
        if k in raw:
            raise ctx.error(where, f"{k!r} is not a setting: {why}", ctx.loc.key(k, "extract", None))
    _check_keys(ctx, where, raw, _EXTRACT_KEYS, "extract", None)
    if raw.get("engine") == "process":
        raise ctx.error(where, "'engine' must be one of local, dask (got 'process': the engine of one machine's "
                               "processes is called 'local', as in --engine local)",
                        ctx.loc.key("engine", "extract", None))
    date = raw.get("date")
    if date is not None:
        line = ctx.loc.key("date", "extract", None)
        if isinstance(date, _dt.datetime):
            date = date.date()
        elif isinstance(date, str):
            try:
                date = _dt.date.fromisoformat(date.strip())
            except ValueError:
                raise ctx.error(where, f"'date' must be YYYY-MM-DD, got {date!r}", line) from None
        elif not isinstance(date, _dt.date):
            raise ctx.error(where, f"'date' must be a date (2016-06-09), got {_type_name(date)}", line)
    jobs = None
    if "jobs" in raw:
        v = raw["jobs"]
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise ctx.error(where, f"'jobs' must be an integer >= 1, as --jobs (leave it out for the default: "
                                   f"every core from 32 documents on), got {v!r}",
                            ctx.loc.key("jobs", "extract", None))
        jobs = v
    src = _string(ctx, where, raw, "source", "extract", None) if "source" in raw else None
    return ExtractConfig(
        date=date,
        source=src,
        jobs=jobs,
        engine=_choice(ctx, where, raw, "engine", _ENGINES, "extract", None, None),
        format=_choice(ctx, where, raw, "format", _FORMATS, "extract", None, None),
    )


# --------------------------------------------------------------------------- loading


def default_config_path() -> Path:
    """``$KHARITA_CONFIG``, else ``$XDG_CONFIG_HOME/kharita/config.toml`` (``~/.config/…``)."""
    env = os.environ.get("KHARITA_CONFIG")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "kharita" / "config.toml"


_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_config(text: str, path: str = "<config>") -> Config:
    """Validate TOML ``text`` (named ``path`` in messages) into a :class:`Config`.

    Raises
    ------
    ConfigError
        TOML syntax errors (with tomllib's line) and every validation problem.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = _TOML_LINE.search(msg)
        line = int(m.group(1)) if m else None
        msg = _TOML_LINE.sub("", msg).strip()
        col = f" (column {m.group(2)})" if m else ""
        raise ConfigError(f"TOML syntax error: {msg}{col}", path=path, line=line) from None
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise ConfigError("TOML nested too deeply to be a configuration", path=path) from None
    ctx = _Ctx(path, text)
    for k in data:
        if k not in _SECTIONS:
            hint = _did_you_mean(k, _SECTIONS)
            raise ctx.error("", f"unknown section {k!r}{hint}", ctx.loc.key(k) or (ctx.loc.table(k) or (None,))[0])
    return Config(
        actors=_actors(ctx, data["actors"]) if "actors" in data else (),
        places=_places(ctx, data["places"]) if "places" in data else (),
        claims=_claims(ctx, data["claims"]) if "claims" in data else ClaimsConfig(),
        extract=_extract(ctx, data["extract"]) if "extract" in data else ExtractConfig(),
        path=path,
    )


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Load and validate the user configuration.

    Parameters
    ----------
    path
        A TOML file (``--config``).  ``None``: ``$KHARITA_CONFIG`` (must exist when set),
        else the default file, which may be absent (an empty :class:`Config` then).

    Raises
    ------
    ConfigError
        Missing explicit file, undecodable file, TOML syntax errors, invalid values.
    """
    explicit = path is not None or bool(os.environ.get("KHARITA_CONFIG"))
    p = Path(path) if path is not None else default_config_path()
    if not p.is_file():
        if explicit:
            raise ConfigError("no such config file" if not p.exists() else "not a file", path=str(p))
        return Config()
    data = p.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConfigError(f"not UTF-8 (byte {e.start}); save the config as UTF-8", path=str(p)) from None
    return parse_config(text, str(p))


def apply_place_aliases(gaz: Gazetteer, config: Config) -> Gazetteer:
    """A new gazetteer with the config's extra aliases and new places merged in.

    Parameters
    ----------
    gaz
        A :class:`gazetteer.Gazetteer` (not modified).
    config
        A loaded :class:`Config`.

    Returns
    -------
    gazetteer.Gazetteer
        ``gaz`` itself when the config has no ``[[places]]``.

    Raises
    ------
    ConfigError
        An alias entry names a place id the gazetteer does not have (with a hint).
    """
    if not config.places:
        return gaz
    from gazetteer import Gazetteer
    from gazetteer.model import Place

    changed: dict[str, Place] = {}
    for pc in config.places:
        where = f"[[places]] #{pc.index}"
        if pc.is_new:
            parent = gaz.get(pc.parent_id) if pc.parent_id else None
            if pc.parent_id and parent is None:
                raise ConfigError(f"{where}: no gazetteer place with parent_id {pc.parent_id!r}",
                                  path=config.path or None, line=pc.line)
            district = gaz.district_of(parent) if parent is not None else None
            changed[pc.id] = Place(
                id=pc.id, name_en=pc.name_en, name_ar=pc.name_ar, feature_type=pc.feature_type,
                lat=cast(float, pc.lat), lon=cast(float, pc.lon),  # set for every new place
                precision_m=pc.precision_m, source=pc.source, parent_id=pc.parent_id,
                country=pc.country, admin1=district.id if district is not None else "", aliases=pc.aliases,
                layer="user",
            )
            continue
        base = changed.get(pc.id) or gaz.get(pc.id)
        if base is None:
            close = difflib.get_close_matches(pc.id, [p.id for p in gaz.places], n=1, cutoff=0.8)
            hint = f" (did you mean {close[0]!r}?)" if close else " (see `kharita places search NAME` for ids)"
            raise ConfigError(f"{where}: no gazetteer place with id {pc.id!r}{hint}", path=config.path or None,
                              line=pc.line)
        extra = tuple(a for a in pc.aliases if a not in base.names)
        changed[pc.id] = dataclasses.replace(base, aliases=base.aliases + extra)
    return Gazetteer([*gaz.places, *changed.values()])
