"""``kharita gazetteer …`` commands."""

from __future__ import annotations

import json

import click


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Manage the gazetteer.

    \b
    Examples:
      kharita gazetteer import my-places.csv      # CSV overlay: name_en/name_ar, lat, lon, …
      kharita gazetteer import LY.txt             # a GeoNames country dump
      kharita gazetteer import acled-export.csv   # an ACLED export: its locations and spellings
      kharita gazetteer info
    """


@gazetteer_group.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--user-table", type=click.Path(dir_okay=False), default=None,
              help="Overlay file to write (default: $KHARITA_USER_GAZETTEER or ~/.local/share/kharita/user-gazetteer.tsv).")
def gazetteer_import(path: str, user_table: str | None) -> int:
    """Merge a CSV overlay, a GeoNames dump (LY.txt) or an ACLED export into your user gazetteer.

    The format is detected from the file. An ACLED export adds one place per Libyan location
    (ACLED's coordinates, district from admin1); a location that is already a gazetteer place
    under another spelling adds that spelling as an alias instead; other countries' rows are
    skipped and counted. Package files are never edited; bad rows (coordinates out of range,
    outside Libya, not numbers) stop the import with a message naming the file and the row,
    exit status 2. See docs/gazetteer.md.

    \b
    Examples:
      kharita gazetteer import my-places.csv      # columns: name_en/name_ar, lat, lon [, feature_type, aliases…]
      kharita gazetteer import LY.txt             # GeoNames country dump (19 tab-separated columns)
      kharita gazetteer import acled-export.csv   # ACLED export (location, latitude, longitude, admin1, …)
    """
    from gazetteer import settings
    from gazetteer.exc import GazetteerDataError
    from gazetteer.importer import import_file
    from geo.exc import InputError
    from geo.io.outputs import refuse_inputs

    refuse_inputs(user_table or settings.user_table_path(), [path])
    try:
        report = import_file(path, user_table=user_table)
    except GazetteerDataError as e:
        raise InputError(str(e)) from None
    click.echo(report.summary())
    return 0


@gazetteer_group.command("info")
@click.option("--json", "as_json", is_flag=True)
def gazetteer_info(as_json: bool) -> int:
    """Counts per layer and feature type, and where the user overlay lives.

    \b
    Examples:
      kharita gazetteer info
      kharita gazetteer info --json
    """
    from collections import Counter

    from gazetteer import Gazetteer, settings

    g = Gazetteer.default()
    info = {
        "places": len(g),
        "by_layer": dict(sorted(Counter(p.layer for p in g.places).items())),
        "by_type": dict(sorted(Counter(p.feature_type for p in g.places).items())),
        "user_table": str(settings.user_table_path()),
    }
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, sort_keys=True, indent=2))
    else:
        for k, v in info.items():
            click.echo(f"{k}: {v}")
    return 0
