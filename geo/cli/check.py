"""``kharita check``: check the spatial claims of an article, or one claim.

An article's report lists claims only: a distance, direction or proximity asserted between
a named subject and an anchor (:func:`geo.claims.parse`).  Event locations ("strikes near
the air base") are not in it.

Exit status: 0 ok; 1 with ``--strict`` when a claim is inconsistent; 2 for bad
input (unreadable article, unknown ``--subject``, no claim in ``--claim``).
"""

from __future__ import annotations

import json

import click

__all__ = ["check", "format_table"]

_COLUMNS = ("claim", "subject", "anchor", "claimed", "straight km", "road km", "bearing", "verdict", "explanation")


def _cell(v: object, width: int) -> str:
    s = "" if v is None else str(v)
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def format_table(checked: list) -> str:
    """A plain-text report table of checked claims (one row per claim)."""
    widths = (40, 14, 14, 8, 11, 8, 8, 19, 0)
    lines = ["  ".join(c.ljust(w) if w else c for c, w in zip(_COLUMNS, widths))]
    for k in checked:
        c = k.claim
        claimed = f"{k.claimed_km:.0f}" if k.claimed_km is not None else (
            f"{c.distance_low_km:.0f}-{c.distance_high_km:.0f}" if c.distance_low_km is not None else "")
        row = (
            c.text,
            c.subject.name_en if c.subject else (c.subject_text or "—"),
            c.anchor.name_en if c.anchor else (c.anchor_text or "—"),
            claimed + (f" {c.direction}" if c.direction else ""),
            f"{k.geodesic_km:.0f}" if k.geodesic_km is not None else "",
            f"{k.road_km:.0f}" if k.road_km is not None else "",
            f"{k.bearing_deg:.0f}°" if k.bearing_deg is not None else "",
            k.verdict,
            k.explanation,
        )
        lines.append("  ".join(_cell(v, w).ljust(w) if w else _cell(v, 10_000) for v, w in zip(row, widths)))
    return "\n".join(lines)


@click.command("check")
@click.argument("article", required=False, type=click.Path(dir_okay=False))
@click.option("--claim", "claim_text", help='One claim to check, e.g. "450 km east of Tripoli".')
@click.option("--subject", help="The place the claim is about (name or id), e.g. Sirte.")
@click.option("--date", "date", help="Publication date of the article (YYYY-MM-DD), shown in the report.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of checked claims (sorted keys).")
@click.option("--strict", is_flag=True, help="Exit 1 if any claim is inconsistent.")
def check(article: str | None, claim_text: str | None, subject: str | None, date: str | None, as_json: bool, strict: bool) -> int:
    """Check spatial claims (distance, direction, proximity, containment) against the gazetteer.

    In an ARTICLE a claim relates a named subject to an anchor ("Sirte, 450 km east of
    Tripoli"); a phrase that only says where an event happened ("strikes near the air
    base") is an event location, left to `kharita extract`. With --claim the phrase is
    checked as given, its subject from the text or from --subject.

    \b
    Examples:
      kharita check article.txt
      kharita check --claim "450 km east of Tripoli" --subject Sirte
      kharita check --claim "Misrata, some 200 km east of Tripoli" --subject Misrata --json
    """
    from dataclasses import replace

    from gazetteer import Gazetteer
    from geo import claims as C
    from geo.exc import InputError

    if (article is None) == (claim_text is None):
        raise click.UsageError("give either ARTICLE or --claim (not both)")
    gaz = Gazetteer.default()
    if article is not None:
        from geo.text.document import read_document

        doc = read_document(article, date=date)
        parsed = C.parse(doc.text, gaz)
        header = f"{article}" + (f" ({doc.date})" if getattr(doc, "date", None) else "")
    else:
        assert claim_text is not None  # one of ARTICLE and --claim (checked above)
        if date:
            from geo.text.document import parse_date

            parse_date(date, path="--date")
        if not claim_text.strip():
            raise InputError("empty claim", field="--claim")
        # the user says this phrase is a claim and may name its subject with --subject
        parsed = C.parse(claim_text, gaz, require_subject=False)
        if not parsed:
            raise InputError(f"no spatial claim found in {claim_text!r} (try e.g. \"450 km east of Tripoli\")", field="--claim")
        header = f"claim {claim_text!r}"
        if subject:
            place = gaz.get(subject) if ":" in subject else None
            if place is None:
                res = gaz.resolve(subject)
                if res.place is None:
                    raise InputError(f"unknown subject {subject!r}: {res.reason or 'not in gazetteer'}", field="--subject")
                place = C.as_town(res.place, subject, gaz)
            parsed = [replace(c, subject=place, subject_text=subject) for c in parsed]
    from geo.cli import current_config

    checked = C.check_all(parsed, gaz, tolerances=current_config().claims.tolerances())
    if as_json:
        click.echo(json.dumps([k.to_dict() for k in checked], ensure_ascii=False, sort_keys=True, indent=2))
    else:
        click.echo(f"# {header}: {len(checked)} claim(s)")
        if checked:
            click.echo(format_table(checked))
    if strict and any(k.verdict == "inconsistent" for k in checked):
        return 1
    return 0
