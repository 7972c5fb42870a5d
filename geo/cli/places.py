"""``kharita places …`` commands (``places find`` lives in :mod:`geo.cli.extract`)."""

from __future__ import annotations

import json

import click

from geo.cli import LazyGroup
from geo.exc import InputError


@click.group(cls=LazyGroup, lazy={"find": "geo.cli.extract:places_find"})
def places() -> None:
    """Look up place names, or list the place mentions of an article.

    \b
    Examples:
      kharita places lookup سرت
      kharita places lookup "Qasr Bu Hadi" --json
      kharita places find article.txt --json
    """


#: Longest name ``places lookup`` accepts (the longest gazetteer names have about 80 characters).
MAX_NAME_CHARS = 200


def check_place_name(name: str) -> None:
    """Refuse a query that cannot be a place name: empty, too long, or not valid Unicode.

    Raises
    ------
    geo.exc.InputError
        With a one-line message (exit status 2).
    """
    if not name.strip():
        raise InputError("empty place name", field="NAME")
    if len(name) > MAX_NAME_CHARS:
        raise InputError(f"place name too long ({len(name)} characters, at most {MAX_NAME_CHARS}): give a place "
                         "name, not a text (`kharita places find FILE` lists the places of a text)", field="NAME")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(f"place name is not valid Unicode (character {e.start})", field="NAME") from None


@places.command("lookup")
@click.argument("name")
@click.option("--limit", default=10, show_default=True, help="Most candidates to show.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of candidates, best first.")
def places_lookup(name: str, limit: int, as_json: bool) -> int:
    """Ranked gazetteer candidates for NAME (Arabic or Latin script).

    Exit status 1 when nothing matches.

    \b
    Examples:
      kharita places lookup سرت
      kharita places lookup "Qasr Bu Hadi" --json
    """
    from gazetteer import Gazetteer

    check_place_name(name)
    if limit < 1:
        raise InputError(f"--limit must be at least 1, got {limit}", field="--limit")
    cands = Gazetteer.default().lookup(name, limit=limit)
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in cands], ensure_ascii=False, indent=2, sort_keys=True))
        return 0 if cands else 1
    if not cands:
        click.echo(f"no place matches {name!r}", err=True)
        return 1
    rows = [("score", "id", "name_en", "name_ar", "type", "lat", "lon", "matched")]
    for c in cands:
        p = c.place
        rows.append((f"{c.score:.3f}", p.id, p.name_en, p.name_ar, p.feature_type, f"{p.lat:.5f}",
                     f"{p.lon:.5f}", f"{c.matched} ({c.how})"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
    return 0


@places.command("reverse")
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@click.option("--json", "as_json", is_flag=True)
def places_reverse(lat: float, lon: float, as_json: bool) -> int:
    """Nearest gazetteer feature to LAT LON (degrees).

    \b
    Examples:
      kharita places reverse 31.21 16.59
      kharita places reverse 32.1 20.07 --json
    """
    from gazetteer import Gazetteer
    from gazetteer.exc import CoordinateError

    try:
        place, km = Gazetteer.default().reverse(lat, lon)
    except CoordinateError as e:
        raise click.BadParameter(str(e)) from None
    if as_json:
        click.echo(json.dumps({**place.to_dict(), "distance_km": round(km, 3)}, ensure_ascii=False, sort_keys=True))
    else:
        click.echo(f"{place.id}  {place.name_en}  {place.name_ar}  {place.feature_type}  {km:.1f} km")
    return 0
