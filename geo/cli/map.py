"""``kharita map``: draw an events GeoJSON (and a claims report) on a static HTML map."""

from __future__ import annotations

from pathlib import Path

import click

from geo.exc import InputError


def _read_json(path: Path):
    """A JSON file as Python data: read as every event file is (:func:`geo.io.geojson.read_text`), parsed with
    the one set of one-line errors (:func:`geo.io.geojson.parse_json`)."""
    from geo.io.geojson import parse_json, read_text

    return parse_json(read_text(path), str(path))


def load_claims(path: Path) -> list[dict]:
    """Claims report: a JSON list of claim dicts, or an object with a ``claims`` list."""
    data = _read_json(path)
    if isinstance(data, dict):
        data = data.get("claims")
    if not isinstance(data, list):
        raise InputError("expected a JSON list of claims (or an object with a 'claims' list)", path=str(path))
    return data


def load_columns(path: Path):
    """Event columns of an events file: GeoJSON (default), GeoParquet, GeoPackage or CSV (by suffix).

    GeoParquet is read column by column with pyarrow (no GeoDataFrame, no per-row dicts); GeoPackage and
    CSV go through :func:`geo.io.frame.read_events`.
    """
    from geo.maps import columns_from

    suffix = path.suffix.lower()
    if suffix in (".parquet", ".geoparquet"):
        return _parquet_columns(path)
    if suffix in (".gpkg", ".csv"):
        from geo.io.frame import read_events

        if not path.exists():
            raise InputError("events file not found", path=str(path))
        return columns_from(read_events(path))
    from geo.io.geojson import check_records, read_collection
    from geo.maps.core import columns_of_records

    records = read_collection(path)  # the GeoJSON codec: structure errors name the file and the feature
    check_records(records, str(path))  # drawable values: finite numbers, ISO dates
    return columns_of_records(records)


def _parquet_columns(path: Path):
    import pyarrow.parquet as pq

    from geo.io.schema import FIELD_TO_COL  # (geo.io.frame would import pandas)
    from geo.maps import MAP_FIELDS, Columns

    if not path.exists():
        raise InputError("events file not found", path=str(path))
    try:
        import pyarrow as pa

        schema = pq.read_schema(path)  # (pq.read_table would import pyarrow.dataset, and with it pandas)
        present = set(schema.names)
        wanted = {FIELD_TO_COL.get(f, f) for f in MAP_FIELDS} | set(MAP_FIELDS)
        if not {"latitude", "longitude"} <= present:
            wanted.add("geometry")
        # text columns read as dictionaries: each distinct value decoded once, not once a row (but not the
        # ids and evidence sentences, nearly one a row: a dictionary of them costs more than it saves)
        unique = {FIELD_TO_COL.get("id", "id"), "id", FIELD_TO_COL.get("evidence", "evidence"), "evidence"}
        text = [f.name for f in schema if f.name in wanted and f.name not in unique
                and (pa.types.is_string(f.type) or pa.types.is_large_string(f.type))]
        table = pq.ParquetFile(path, read_dictionary=text).read(columns=sorted(wanted & present),
                                                                 use_threads=False)
    except Exception as e:  # noqa: BLE001 - pyarrow raises several types for a bad file
        raise InputError(f"not a readable Parquet file ({e})", path=str(path)) from None
    names = set(table.column_names)
    if not ({"latitude", "longitude"} <= names or "geometry" in names):
        raise InputError("no geometry column and no latitude/longitude columns: not an events file",
                         path=str(path))
    data = {}
    for f in MAP_FIELDS:
        col = FIELD_TO_COL.get(f, f)
        if col in names:
            data[f] = _pylist(table.column(col))
        elif f in names:
            data[f] = _pylist(table.column(f))
    if ("latitude" not in data or "longitude" not in data) and "geometry" in names:
        import numpy as np
        import shapely

        wkb = table.column("geometry").to_numpy(zero_copy_only=False)
        pts = shapely.from_wkb(wkb, on_invalid="ignore")  # a corrupt value becomes None: found and named below
        present_wkb = table.column("geometry").is_valid().to_numpy(zero_copy_only=False)
        bad = np.flatnonzero(shapely.is_missing(pts) & present_wkb).tolist()
        if bad:
            raise InputError(f"row {bad[0]}: geometry is not valid WKB"
                             + (f" ({len(bad) - 1} more rows too)" if len(bad) > 1 else ""), path=str(path))
        data["longitude"], data["latitude"] = shapely.get_x(pts).tolist(), shapely.get_y(pts).tolist()
    return Columns.of(data, table.num_rows)


def _pylist(col) -> list:
    """``col.to_pylist()`` of an Arrow column; a dictionary column's values are made once per distinct value
    (the list holds the same ``str`` object for every row of a value, as equal as ``to_pylist``'s)."""
    import pyarrow as pa

    if not pa.types.is_dictionary(col.type):
        return col.to_pylist()
    import numpy as np

    out: list = []
    for chunk in col.chunks:
        values = np.array(chunk.dictionary.to_pylist() + [None], dtype=object)  # the last one: null
        ind = chunk.indices  # read from its buffers: Arrow's own conversions would import pandas
        validity, data = ind.buffers()[:2]
        idx = np.frombuffer(data, dtype=f"<i{ind.type.bit_width // 8}")[ind.offset: ind.offset + len(ind)]
        if ind.null_count:
            bits = np.unpackbits(np.frombuffer(validity, dtype=np.uint8), bitorder="little")
            idx = np.where(bits[ind.offset: ind.offset + len(ind)].astype(bool), idx, len(values) - 1)
        out += values[idx].tolist()
    return out


@click.command("map")
@click.argument("events", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--claims", "claims_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Checked claims (JSON list from `kharita check`) to draw as lines.")
@click.option("--offline", is_flag=True, help="Self-contained file: no CDN, no tiles; bundled basemap.")
@click.option("--time-slider/--no-time-slider", default=None,
              help="Date range filter (default: when events span more than one day).")
@click.option("--title", default=None, help="Title of the map page.")
@click.option("--by", "by", type=click.Choice(["type", "actor", "date"]), default="type", show_default=True,
              help="Marker colour: event type, first actor (the ten most frequent) or date.")
@click.option("--heat", is_flag=True, help="Add a density (heat) layer; over 2,000 events markers start hidden.")
@click.option("--choropleth", type=click.Choice(["events", "fatalities"]), default=None,
              help="Shade the 22 districts by event count or by fatalities.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="HTML file to write (- for standard output); never one of the inputs.")
def map_cmd(events: Path, claims_path: Path | None, offline: bool, time_slider: bool | None,
            title: str | None, by: str, heat: bool, choropleth: str | None, output: Path) -> int:
    """Draw EVENTS (GeoJSON FeatureCollection of kharita events, or a .parquet/.gpkg/.csv events file) on a
    Leaflet map.

    \b
    Examples:
      kharita map events.geojson -o maps/events.html
      kharita map events.geojson --claims claims.json --offline -o maps/events-offline.html
      kharita map events.geojson --offline -o - > events.html
      kharita map events.parquet --by actor --heat -o maps/density.html
      kharita map events.geojson --choropleth fatalities --offline -o maps/districts.html"""
    import gc

    from geo.maps import render_html
    from geo.io.outputs import goes_to_stdout, refuse_inputs, write_text

    refuse_inputs(output, [events, claims_path])
    gc_was_on = gc.isenabled()
    gc.disable()  # a one-shot command that makes no garbage cycles: the collector would rescan millions of values
    try:
        cols = load_columns(events)
        claims = load_claims(claims_path) if claims_path else None
        # the page of event_map + save_map, written without importing folium when the versions allow
        html = render_html(cols, claims=claims, offline=offline, time_slider=time_slider,
                           title=title or events.stem, by=by, heat=heat, choropleth=choropleth)
        write_text(output, html)
        del html
    finally:
        if gc_was_on:
            gc.enable()
    path = Path(output)
    from gazetteer.exc import CoordinateError, check_lat_lon
    from geo.maps.core import _floats

    lat, lon = _floats(cols["latitude"]), _floats(cols["longitude"])
    with __import__("numpy").errstate(invalid="ignore"):
        located_mask = ~(lat != lat) & ~(lon != lon)
        suspect = located_mask & ~((abs(lat) <= 90) & (abs(lon) <= 180))
    located, invalid = int(located_mask.sum()), []
    for k in suspect.nonzero()[0].tolist():  # only the few out of range need the full check and message
        try:
            check_lat_lon(float(lat[k]), float(lon[k]))
        except CoordinateError as e:
            invalid.append(f"feature {k}: {e}")
    located -= len(invalid)
    click.echo(f"{path}: {located} of {cols.n} events drawn"
               + (f", {len(claims)} claims" if claims else "") + (" (offline)" if offline else ""), err=True)
    for msg in invalid:
        click.echo(f"  not drawn: {events}: {msg}", err=True)
    if not goes_to_stdout(output):  # else the HTML itself went to standard output
        click.echo(str(path))
    return 0
