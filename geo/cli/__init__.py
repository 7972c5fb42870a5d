"""The ``kharita`` command line.

Subcommands are loaded lazily (each lives in its own module, ``geo.cli.<command>``), so
``kharita extract`` never imports geopandas or folium.

Exit codes: 0 ok; 1 findings (e.g. inconsistent claims with ``--strict``);
2 usage or input errors (the message names the file and line); 70 an internal
error (a bug: one line, the traceback with ``KHARITA_DEBUG=1``).
"""

from __future__ import annotations

import importlib
import sys

import click

# command path -> "module:attribute"
_COMMANDS: dict[str, str] = {
    "run": "geo.cli.run:run",
    "extract": "geo.cli.extract:extract",
    "check": "geo.cli.check:check",
    "map": "geo.cli.map:map_cmd",
    "places": "geo.cli.places:places",
    "gazetteer": "geo.cli.gazetteer:gazetteer_group",
    "acled": "geo.cli.acled:acled",
    "events": "geo.cli.events:events",
    "review": "geo.cli.review:review",
    "fuse": "geo.cli.fuse:fuse_cmd",
}

_HELP = {
    "run": "Extract, check and map an article in one go (default: the bundled sample).",
    "extract": "Turn articles into events (GeoJSON, GeoParquet, JSON Lines…).",
    "check": "Check spatial claims (distance, direction, proximity) in an article or one claim.",
    "map": "Draw events (and claims) on a static Leaflet HTML map.",
    "places": "Look up place names in the gazetteer, or list place mentions in an article.",
    "gazetteer": "Manage the gazetteer: import a user CSV overlay or a GeoNames dump.",
    "acled": "Read ACLED exports into kharita's event frame.",
    "events": "Convert event files between GeoJSON, GeoParquet, GeoPackage and CSV.",
    "review": "Review events in one offline page (accept, edit, move, merge, split), or apply its decisions.",
    "fuse": "Merge events from different articles that report the same incident.",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when invoked."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._lazy))

    def get_command(self, ctx: click.Context, name: str):
        if name in self._lazy:
            mod, attr = self._lazy[name].split(":")
            try:
                return getattr(importlib.import_module(mod), attr)
            except (ImportError, AttributeError) as e:  # a command not built yet
                raise click.ClickException(f"command {name!r} is unavailable: {e}") from e
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _HELP.get(name, "")) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def install_config(path: str | None):
    """Load the user config (``--config``, ``$KHARITA_CONFIG`` or ``~/.config/kharita/config.toml``) and apply it.

    Extra place aliases and places go into the default gazetteer, extra actors into
    the default lexicon, the road detour factor into :mod:`geo.claims.roads`; claim
    tolerances are read by ``kharita check`` from the returned
    :class:`geo.config.Config`, and the ``[extract]`` defaults become click
    defaults (:func:`config_default_map`).  Invalid files raise :class:`geo.exc.ConfigError`.
    """
    from geo.config import load_config

    cfg = load_config(path)
    if cfg.places:
        from gazetteer import Gazetteer
        from geo.config import apply_place_aliases

        Gazetteer.set_default(apply_place_aliases(Gazetteer.default(), cfg))
    if cfg.actors:
        from geo.text import lexicon

        lexicon.set_default_lexicon(lexicon.load_lexicon(extra_actors=[
            {"name": a.name, "kind": a.kind, "acled_name": a.acled_name or a.name,
             "ar": [x for x in (a.name, *a.aliases) if any("\u0600" <= c <= "\u06ff" for c in x)],
             "en": [x for x in (a.name, *a.aliases) if not any("\u0600" <= c <= "\u06ff" for c in x)]}
            for a in cfg.actors
        ]))
    if cfg.claims.road_detour_factor is not None:
        from geo.claims import roads

        roads.FALLBACK_FACTOR = float(cfg.claims.road_detour_factor)
    return cfg


def config_default_map(cfg) -> dict[str, dict[str, object]]:
    """The click ``default_map`` of a :class:`geo.config.Config`: ``{command: {parameter: default}}``.

    ``[extract]`` keys become the defaults of ``kharita extract`` (``date`` also of
    ``kharita run``).  Click uses a default only when the flag is not given, so an
    explicit flag always wins, and checks it like a typed value.
    """
    ex = cfg.extract
    date = ex.date.isoformat() if ex.date is not None else None
    extract = {"date": date, "source": ex.source, "jobs": ex.jobs, "engine": ex.engine, "fmt": ex.format}
    out: dict[str, dict[str, object]] = {}
    if any(v is not None for v in extract.values()):
        out["extract"] = {k: v for k, v in extract.items() if v is not None}
    if date is not None:
        out["run"] = {"date": date}
    return out


def current_config():
    """The :class:`geo.config.Config` loaded for this command (an empty one outside the CLI).

    Its ``extract`` section is empty: those defaults already reached the commands
    as click defaults (:func:`config_default_map`), and applying them again would
    override explicit flags.
    """
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    cfg = (root.obj or {}).get("config") if root is not None and isinstance(root.obj, dict) else None
    if cfg is None:
        from geo.config import Config

        cfg = Config()
    return cfg


@click.group(cls=LazyGroup, lazy=_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kharita")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, envvar="KHARITA_CONFIG",
              help="User config TOML (actors, place aliases, tolerances, extract defaults); default "
                   "~/.config/kharita/config.toml when it exists.")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """kharita (خريطة): offline, Arabic-first conflict-news geoparsing for Libya.

    \b
    Examples:
      kharita run                                  # the bundled sample article → offline map
      kharita extract article.txt --date 2016-06-09 -o events.geojson
      kharita places lookup سرت
      kharita check --claim "450 km east of Tripoli" --subject Sirte
      kharita map events.geojson --offline -o maps/events.html
      kharita --config my.toml extract article.txt
    """
    import dataclasses

    from geo.config import ExtractConfig

    ctx.ensure_object(dict)
    cfg = install_config(config_path)
    defaults = config_default_map(cfg)
    for cmd, values in (ctx.default_map or {}).items():  # a default_map given by a caller beats the file
        defaults[cmd] = {**defaults.get(cmd, {}), **values}
    ctx.default_map = defaults
    ctx.obj["config"] = dataclasses.replace(cfg, extract=ExtractConfig())


def _one_line(e: BaseException) -> str:
    """The message of ``e`` on one line (a multi-line message would read as several errors)."""
    return " / ".join(part.strip() for part in str(e).splitlines() if part.strip())


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: every :class:`~geo.exc.KharitaError` becomes exit status 2 and one line.

    Commands may return an ``int``: it becomes the exit status.
    """
    from geo.exc import KharitaError

    try:
        rv = cli.main(args=argv, prog_name="kharita", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except (KharitaError, OSError) as e:  # every kharita error (gazetteer ones too) names its file and line
        click.echo(f"kharita: error: {_one_line(e)}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except Exception as e:  # noqa: BLE001 - a bug: say so in one line, keep the traceback for developers
        import os

        if os.environ.get("KHARITA_DEBUG"):
            raise
        click.echo(f"kharita: internal error: {type(e).__name__}: {_one_line(e)} "
                   "(set KHARITA_DEBUG=1 for the traceback; please report it)", err=True)
        sys.exit(70)
    else:
        # a command may return an int exit status (1 = findings with --strict)
        sys.exit(rv if isinstance(rv, int) else 0)
