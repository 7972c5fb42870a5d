"""``kharita map``: draw an events GeoJSON (and a claims report) on a static HTML map."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geo.exc import DecodeError, EmptyInputError, GeoJSONError, InputError


def _read_json(path: Path, what: str):
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} file not found", path=str(path)) from None
    if not raw.strip():
        raise EmptyInputError(f"{what} file is empty", path=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DecodeError(f"not UTF-8 JSON (byte {e.start}); is it binary or Windows-1256?", path=str(path)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise GeoJSONError(f"invalid JSON: {e.msg}", path=str(path), line=e.lineno) from None


def load_claims(path: Path) -> list[dict]:
    """Claims report: a JSON list of claim dicts, or an object with a ``claims`` list."""
    data = _read_json(path, "claims")
    if isinstance(data, dict):
        data = data.get("claims")
    if not isinstance(data, list):
        raise InputError("expected a JSON list of claims (or an object with a 'claims' list)", path=str(path))
    return data


@click.command("map")
@click.argument("events", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--claims", "claims_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Checked claims (JSON list from `kharita check`) to draw as lines.")
@click.option("--offline", is_flag=True, help="Self-contained file: no CDN, no tiles; bundled basemap.")
@click.option("--time-slider/--no-time-slider", default=None,
              help="Date range filter (default: when events span more than one day).")
@click.option("--title", default=None, help="Title of the map page.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="HTML file to write (- for standard output); never one of the inputs.")
def map_cmd(events: Path, claims_path: Path | None, offline: bool, time_slider: bool | None,
            title: str | None, output: Path) -> int:
    """Draw EVENTS (GeoJSON FeatureCollection of kharita events) on a Leaflet map.

    \b
    Examples:
      kharita map events.geojson -o maps/events.html
      kharita map events.geojson --claims claims.json --offline -o maps/events-offline.html
      kharita map events.geojson --offline -o - > events.html"""
    from geo.maps import event_map, records_from, save_map
    from geo.outputs import goes_to_stdout, refuse_inputs

    refuse_inputs(output, [events, claims_path])
    data = _read_json(events, "events")
    try:
        records = records_from(data)
    except GeoJSONError as e:
        raise GeoJSONError(str(e), path=str(events)) from None
    claims = load_claims(claims_path) if claims_path else None
    m = event_map(records, claims=claims, offline=offline, time_slider=time_slider,
                  title=title or events.stem)
    path = save_map(m, output)
    from gazetteer.exc import CoordinateError, check_lat_lon

    located, invalid = 0, []
    for k, r in enumerate(records):
        if r.get("latitude") is None or r.get("longitude") is None:
            continue
        try:
            check_lat_lon(r["latitude"], r["longitude"])
            located += 1
        except CoordinateError as e:
            invalid.append(f"feature {k}: {e}")
    click.echo(f"{path}: {located} of {len(records)} events drawn"
               + (f", {len(claims)} claims" if claims else "") + (" (offline)" if offline else ""), err=True)
    for msg in invalid:
        click.echo(f"  not drawn: {events}: {msg}", err=True)
    if not goes_to_stdout(output):  # else the HTML itself went to standard output
        click.echo(str(path))
    return 0
