"""``kharita fuse``: reports of the same incident across articles become one event.

The rules are :mod:`geo.fusion`'s; the fused fields are documented in
``docs/schema.md`` ("Fused events").  Reading and writing go through
:mod:`geo.io.frame` (geopandas, loaded when the command runs).
"""

from __future__ import annotations

import json

import click

__all__ = ["fuse_cmd", "write_fused_output"]


def write_fused_output(fused, output: str | None, fmt: str | None) -> str:
    """Write fused events to ``output`` (``None``/``-``: standard output, GeoJSON by default).

    Returns the name to report (``<stdout>`` for standard output).
    """
    from geo.fusion import write_fused
    from geo.io.outputs import is_stdout

    if not output or is_stdout(output):
        write_fused(fused, "-", format=fmt or "geojson")
        return "<stdout>"
    write_fused(fused, output, format=fmt)
    return output


def summary_line(s: dict) -> str:
    """One line for stderr: events in and out, fused events, disputed tolls."""
    return (f"{s['events_in']} event(s) in, {s['events_out']} out: {s['fused_events']} fused event(s) from "
            f"{s['reports_fused']} report(s); {s['toll_disagreements']} with disagreeing tolls")


@click.command("fuse")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", default=None, type=click.Path(path_type=str),
              help="Fused events: .geojson, .parquet, .gpkg or .csv (default or -: GeoJSON on standard output). "
                   "Never one of the inputs.")
@click.option("--format", "fmt", type=click.Choice(["geojson", "parquet", "gpkg", "csv"]), default=None,
              help="Output format (default: from the -o suffix).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stderr.")
def fuse_cmd(inputs, output, fmt, as_json) -> int:
    """Fuse events from different documents that describe the same incident.

    INPUTS are event files (GeoJSON, GeoParquet, GeoPackage, CSV), read together.
    Each output event lists the ids of the events merged into it (merged_ids), their
    documents, sources, urls and evidence sentences; the toll is the highest reported,
    and toll_disagreement says when reports differ.  Every input event is in exactly one
    output event.

    \b
    Examples:
      kharita fuse events.geojson -o fused.geojson
      kharita fuse week1.geojson week2.parquet -o fused.parquet --json
    """
    from geo.io.frame import from_frame, read_events
    from geo.fusion import fuse_events, fusion_summary
    from geo.io.outputs import refuse_inputs

    refuse_inputs(output, inputs)
    events = []
    for p in inputs:
        events.extend(from_frame(read_events(p)))
    fused = fuse_events(events)
    s = fusion_summary(len(events), fused)
    s["output"] = write_fused_output(fused, output, fmt)
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, sort_keys=True, indent=1), err=True)
    else:
        click.echo(f"{summary_line(s)} -> {s['output']}", err=True)
    return 0
