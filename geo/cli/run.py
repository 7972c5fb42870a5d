"""``kharita run``: extract → check → map in one go (the main job).

With no ARTICLE it runs on the bundled sample article, which is what
``make demo`` does.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

import click

SAMPLE = "sample-ar.txt"


def sample_path() -> Path:
    """Path of the bundled sample article (package data)."""
    return Path(str(resources.files("geo") / "data" / "samples" / SAMPLE))


def _outputs(output: Path | None, article: Path) -> tuple[Path, Path, Path]:
    html = output or Path("out") / f"{article.stem}.html"
    stem = html.with_suffix("")
    return html, stem.with_name(stem.name + ".events.geojson"), stem.with_name(stem.name + ".claims.json")


@click.command("run")
@click.argument("article", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD",
              help="Document date (weekday names resolve against it).")
@click.option("--offline/--online", default=True, show_default=True,
              help="Self-contained map (inlined Leaflet, bundled basemap) or OpenStreetMap tiles.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Map HTML to write (default: out/<article>.html); the events GeoJSON and the "
                   "claims report are written beside it.")
def run(article: Path | None, date: str | None, offline: bool, output: Path | None) -> int:
    """Extract events from ARTICLE, check its spatial claims and draw both on a map.

    Without ARTICLE, the bundled sample article is used. Prints a summary, then the
    path of the map as the last line.

    \b
    Examples:
      kharita run
      kharita run article.txt --date 2016-06-09 -o out/article.html
    """
    from geo.claims import check_text
    from geo.text.document import read_document
    from geo.extract import extract_document
    from geo.exc import InputError
    from geo.io.geojson import dumps_collection
    from geo.io.outputs import is_stdout, refuse_inputs, write_text

    if is_stdout(output):
        raise InputError("run writes a map, an events file and a claims file: give a file name, not -", path="-")
    path = article or sample_path()
    html, events_path, claims_path = _outputs(output, path)
    for out in (html, events_path, claims_path):
        refuse_inputs(out, [path])
    doc = read_document(path, date=date)
    result = extract_document(doc)
    checked = check_text(doc.text)

    write_text(events_path, dumps_collection(result.events))
    claims = [c.to_dict() for c in checked]
    write_text(claims_path, json.dumps(claims, ensure_ascii=False, sort_keys=True, indent=1) + "\n")

    from geo.maps import event_map, save_map

    m = event_map(result.events, claims=claims, offline=offline, title=doc.id)
    save_map(m, html)

    by_type = Counter(e.event_type for e in result.events)
    located = sum(1 for e in result.events if e.latitude is not None)
    click.echo(f"{path.name}: {len(result.events)} events ({located} located), {_date_summary(doc.date, result.events)}",
               err=True)
    for t, n in sorted(by_type.items()):
        click.echo(f"  {n:3d}  {t}", err=True)
    verdicts = Counter(c.verdict for c in checked)
    click.echo("claims: " + (", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())) or "none"), err=True)
    for c in checked:
        click.echo(f"  [{c.verdict}] {c.explanation_en}", err=True)
    unresolved = [(m.text, why) for m, why in result.unused if m.status == "unresolved"]
    if unresolved:
        click.echo("unresolved places: " + "; ".join(f"{t} ({why})" for t, why in unresolved), err=True)
    click.echo(f"events: {events_path}", err=True)
    click.echo(f"claims: {claims_path}", err=True)
    click.echo(f"map{' (offline)' if offline else ''}:", err=True)
    click.echo(str(html.resolve()))
    return 0


def _date_summary(doc_date, events) -> str:
    """What the run knew about dates: the document date, or the dates the text itself gave."""
    if doc_date is not None:
        return f"document date {doc_date.isoformat()}"
    dated = sorted({e.event_date for e in events if e.event_date})
    undated = sum(1 for e in events if not e.event_date)
    parts = []
    if dated:
        span = dated[0] if len(dated) == 1 else f"{dated[0]} … {dated[-1]}"
        parts.append(f"no document date; events dated {span} from the text")
    if undated:
        parts.append(f"{undated} event(s) undated (relative dates need a document date: --date)")
    return "; ".join(parts) or "no document date"
