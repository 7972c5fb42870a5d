"""The ``kharita`` command line.

Subcommands are loaded lazily (each lives in its own ``geo.cli_*`` module), so
``kharita extract`` never imports geopandas or folium.

Exit codes: 0 ok; 1 findings (e.g. inconsistent claims with ``--strict``);
2 usage or input errors (the message names the file and line).
"""

from __future__ import annotations

import importlib
import sys

import click

# command path -> "module:attribute"
_COMMANDS: dict[str, str] = {
    "run": "geo.cli_run:run",
    "extract": "geo.cli_extract:extract",
    "check": "geo.cli_check:check",
    "map": "geo.cli_map:map_cmd",
    "places": "geo.cli_places:places",
    "gazetteer": "geo.cli_places:gazetteer_group",
    "acled": "geo.cli_frame:acled",
    "events": "geo.cli_frame:events",
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


@click.group(cls=LazyGroup, lazy=_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kharita")
def cli() -> None:
    """kharita (خريطة): offline, Arabic-first conflict-news geoparsing for Libya.

    \b
    Examples:
      kharita run                                  # the bundled sample article → offline map
      kharita extract article.txt --date 2016-06-09 -o events.geojson
      kharita places lookup سرت
      kharita check --claim "450 km east of Tripoli" --subject Sirte
      kharita map events.geojson --offline -o maps/events.html
    """


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: kharita errors become exit status 2 with a clear message.

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
    except (KharitaError, LookupError) as e:
        click.echo(f"kharita: error: {e}", err=True)
        sys.exit(2)
    except OSError as e:
        click.echo(f"kharita: error: {e}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    else:
        # a command may return an int exit status (1 = findings with --strict)
        sys.exit(rv if isinstance(rv, int) else 0)
