"""``kharita review``: the analyst's review page, and exported decisions applied in Python."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("review")
@click.argument("events", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The review page (.html; default: <events>.review.html), or with --apply the reviewed events "
                   "(.geojson or .csv with review status and audit; .parquet/.gpkg carry the schema only).")
@click.option("--apply", "decisions_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Apply a decisions file exported by the page instead of writing a page.")
@click.option("--drop-rejected", is_flag=True, help="With --apply: leave rejected events out (the page's 'omit rejected').")
@click.option("--title", default=None, help="Title of the page (default: the events file's name).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@click.option("--screenshot", "screenshot_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write a PNG of the page from headless Chromium (needs Playwright: the test extras).")
def review(events: Path, output: Path | None, decisions_path: Path | None, drop_rejected: bool, title: str | None,
           open_page: bool, screenshot_path: Path | None) -> int:
    """Review EVENTS (an event file, fused or not) in one offline HTML page, or apply its decisions.

    The page shows every event beside a map: accept (a), reject (r), edit, drag the
    point, pick another gazetteer place, merge and split.  Decisions stay in the
    browser and export as a decisions file, GeoJSON and an ACLED-style CSV with a
    review status and an audit column.  --apply replays a decisions file with the
    same rules.

    \b
    Examples:
      kharita review events.geojson -o review.html --open
      kharita review --apply decisions.json events.geojson -o reviewed.geojson
      kharita review --apply decisions.json events.geojson -o reviewed.csv --drop-rejected
    """
    from geo.maps import review as rv
    from geo.io.outputs import goes_to_stdout, refuse_inputs

    if decisions_path is not None:
        if output is None:
            raise click.UsageError("--apply needs -o/--output (the reviewed events file)")
        refuse_inputs(output, [events, decisions_path])
        records = rv.load_review_events(events)
        ops = rv.load_decisions(decisions_path)
        raw = json.loads(decisions_path.read_text(encoding="utf-8-sig"))
        state = rv.apply_decisions(records, ops, drop_rejected=drop_rejected)
        if isinstance(raw, dict) and raw.get("dataset") and raw["dataset"] != rv._dataset_key(records):
            click.echo(f"kharita: warning: {decisions_path} was exported from another events file "
                       f"({raw['dataset']}); every decision applied all the same", err=True)
        rv.write_reviewed(state, output)
        outs = state.output(drop_rejected)
        by = {s: sum(1 for e, _ in outs if e.status == s) for s in rv.STATUSES}
        click.echo(f"{output}: {len(ops)} decisions applied to {len(records)} events; {len(outs)} written "
                   f"({by['accepted']} accepted, {by['rejected']} rejected, {by['pending']} pending)",
                   err=True)
        return 0
    if screenshot_path is not None and goes_to_stdout(output):
        raise click.UsageError("--screenshot needs the page in a file, not standard output")
    html = output or events.with_name(events.stem + ".review.html")
    refuse_inputs(html, [events])
    records = rv.load_review_events(events)
    rv.write_review(records, html, title=title or events.name)
    click.echo(f"{html}: review page of {len(records)} events", err=True)
    if screenshot_path is not None:
        refuse_inputs(screenshot_path, [events, html])
        rv.screenshot(html, screenshot_path)
        click.echo(f"screenshot: {screenshot_path}", err=True)
    if open_page and not goes_to_stdout(html):
        import webbrowser

        webbrowser.open(Path(html).resolve().as_uri())
    if not goes_to_stdout(html):
        click.echo(str(html))
    return 0
