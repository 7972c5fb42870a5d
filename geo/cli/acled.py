"""``kharita acled …`` commands: ACLED import.

Heavy libraries (geopandas, pyogrio) are imported inside the command functions.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["acled"]


@click.group("acled")
def acled() -> None:
    """Read ACLED exports into kharita's event frame."""


@acled.command("import")
@click.argument("export", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the events: .geojson, .parquet, .gpkg or .csv (- with --format: standard output; "
                   "the summary then goes to stderr).")
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
    from geo.io.acled import load_acled
    from geo.io.frame import write_events
    from geo.io.outputs import goes_to_stdout, refuse_inputs

    refuse_inputs(output, [export])
    err = goes_to_stdout(output)  # the events go to standard output: the report goes to stderr
    rep = load_acled(export, gaz=None if no_gazetteer else "default")
    if output is not None:
        write_events(rep.frame, output, format=fmt)
    s = rep.summary()
    if output is not None:
        s["output"] = str(output)
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, sort_keys=True, indent=2), err=err)
    else:
        click.echo(
            f"{export}: {s['rows_read']} rows read ({rep.layout} layout); "
            f"{s['rows_with_problems']} rows with problems; {s['unresolved']} unresolved (no coordinates)", err=err
        )
        for p in rep.problems:
            click.echo(f"  line {p.row}  {p.field}: {p.message}", err=err)
        if s["problems_by_field"]:
            click.echo("problems by field: " + ", ".join(f"{k} {v}" for k, v in s["problems_by_field"].items()),
                       err=err)
        if output is not None:
            click.echo(f"wrote {len(rep.frame)} events to {output}", err=err)
    return 1 if strict and rep.problems else 0
