"""``kharita events …`` commands: ``kharita events convert``.

Heavy libraries (geopandas, pyogrio) are imported inside the command functions.
"""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["events"]


@click.group("events")
def events() -> None:
    """Event files: convert between GeoJSON, GeoParquet, GeoPackage and CSV."""


@events.command("convert")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--fill-admin1", is_flag=True, help="Fill empty admin1 from the gazetteer district of place_id.")
@click.option("--format", "fmt", type=click.Choice(["geojson", "parquet", "gpkg", "csv"]), default=None,
              help="Format of TARGET (default: from its suffix; needed when TARGET is - for standard output).")
def convert(source: Path, target: Path, fill_admin1: bool, fmt: str | None) -> int:
    """Read SOURCE and write TARGET (formats from the suffixes), losslessly.

    TARGET must not be SOURCE; - is standard output (with --format).

    \b
    Examples:
      kharita events convert events.geojson events.parquet
      kharita events convert events.parquet events.gpkg --fill-admin1
      kharita events convert events.parquet - --format csv > events.csv
    """
    from geo.io.frame import fill_admin1 as _fill
    from geo.io.frame import read_events, write_events
    from geo.io.outputs import goes_to_stdout, refuse_inputs

    refuse_inputs(target, [source])
    g = read_events(source)
    if fill_admin1:
        g = _fill(g)
    write_events(g, target, format=fmt)
    click.echo(f"wrote {len(g)} events to {target}", err=goes_to_stdout(target))
    return 0
