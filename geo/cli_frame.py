"""``kharita acled …`` (ACLED import) and ``kharita events convert`` commands.

Heavy libraries (geopandas, pyogrio) are imported inside the command functions.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["acled", "events"]


@click.group("acled")
def acled() -> None:
    """Read ACLED exports into kharita's event frame."""


@acled.command("import")
@click.argument("export", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the events: .geojson, .parquet, .gpkg or .csv.")
@click.option("--format", "fmt", type=click.Choice(["geojson", "parquet", "gpkg", "csv"]), default=None,
              help="Output format (default: from the suffix of --output).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-gazetteer", is_flag=True, help="Keep ACLED's admin1 names as written.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any row has a problem.")
def import_cmd(export: Path, output: Path | None, fmt: str | None, as_json: bool, no_gazetteer: bool, strict: bool) -> int:
    """Import an ACLED CSV EXPORT (current or 2016 layout).

    Prints rows read and every problem (CSV line, field, reason); rows with missing or
    impossible coordinates are kept as unresolved rows, never dropped.

    \b
    Examples:
      kharita acled import export.csv -o maps/acled.geojson
      kharita acled import export.csv --json --strict     # exit 1 when any row has a problem
    """
    from geo.acled import load_acled
    from geo.frame import write_events

    rep = load_acled(export, gaz=None if no_gazetteer else "default")
    if output is not None:
        write_events(rep.frame, output, format=fmt)
    s = rep.summary()
    if output is not None:
        s["output"] = str(output)
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, sort_keys=True, indent=2))
    else:
        click.echo(
            f"{export}: {s['rows_read']} rows read ({rep.layout} layout); "
            f"{s['rows_with_problems']} rows with problems; {s['unresolved']} unresolved (no coordinates)"
        )
        for p in rep.problems:
            click.echo(f"  line {p.row}  {p.field}: {p.message}")
        if s["problems_by_field"]:
            click.echo("problems by field: " + ", ".join(f"{k} {v}" for k, v in s["problems_by_field"].items()))
        if output is not None:
            click.echo(f"wrote {len(rep.frame)} events to {output}")
    return 1 if strict and rep.problems else 0


@click.group("events")
def events() -> None:
    """Event files: convert between GeoJSON, GeoParquet, GeoPackage and CSV."""


@events.command("convert")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--fill-admin1", is_flag=True, help="Fill empty admin1 from the gazetteer district of place_id.")
def convert(source: Path, target: Path, fill_admin1: bool) -> int:
    """Read SOURCE and write TARGET (formats from the suffixes), losslessly.

    \b
    Examples:
      kharita events convert events.geojson events.parquet
      kharita events convert events.parquet events.gpkg --fill-admin1
    """
    from geo.frame import fill_admin1 as _fill
    from geo.frame import read_events, write_events

    g = read_events(source)
    if fill_admin1:
        g = _fill(g)
    write_events(g, target)
    click.echo(f"wrote {len(g)} events to {target}")
    return 0
