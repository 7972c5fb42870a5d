"""Score kharita on the annotated development corpus (``benchmarks/corpus``).

Run ``make eval`` (or ``python benchmarks/eval_corpus.py``). Prints, per split and language:

* toponym recall, precision and F1, mention level: a gold mention is found when a resolved
  Libyan mention overlaps it and its point lies within the gold tolerance;
* every miss with its reason: ``not in gazetteer`` (no feature near the gold point carries the
  name), ``spelling`` (a feature is near the gold point but the name as written does not reach it),
  ``not recognised`` (the gazetteer knows the name, the text matcher did not take it),
  ``resolved wrongly`` (taken, but placed elsewhere or abroad), ``unresolved`` (taken, left
  unresolved);
* event recall: type + place, and type + place + date; date accuracy on dated events found (the exact
  day, and "date@prec": the day to the gold's own precision, a week or a month);
  actor1 and fatality agreement on events found.

The figures live here, not in test assertions. ``--split heldout`` is for the end of a piece of
work only: tune on ``dev``.

Options: ``--split dev|heldout|all`` (default dev), ``--lang ar|en``, ``--misses`` (list them),
``--json`` (machine-readable), ``--sources`` (rewrite ``corpus/SOURCES.md`` from the gold files),
``--splits`` (rewrite ``corpus/splits.json``: a passage's split is fixed by a hash of its id),
``--ids id,id`` (a few passages only), ``--corpus DIR`` (another corpus of the same layout).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from gazetteer.geodesy import haversine_km  # noqa: E402  (the project's one distance formula)

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"

# Letters that may stand before an Arabic name without being part of it (proclitics).
_AR_PROCLITIC = "وفبكل"
_AR_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


# --------------------------------------------------------------------------- corpus
@dataclass
class Passage:
    id: str
    text: str
    gold: dict
    split: str = "dev"

    @property
    def lang(self) -> str:
        return self.gold.get("lang", "ar" if self.id.startswith("ar") else "en")


def load_corpus(root: Path = CORPUS, ids: Iterable[str] | None = None) -> list[Passage]:
    """Every passage with a text and a gold file, in id order, with its split."""
    splits_path = root / "splits.json"
    splits = json.loads(splits_path.read_text("utf-8")) if splits_path.exists() else {}
    split_of = {pid: name for name, members in splits.items() for pid in members}
    wanted = set(ids) if ids else None
    out = []
    for gold_path in sorted((root / "gold").glob("*.json")):
        pid = gold_path.stem
        if wanted is not None and pid not in wanted:
            continue
        text_path = root / "texts" / f"{pid}.txt"
        if not text_path.exists():
            continue
        gold = json.loads(gold_path.read_text("utf-8"))
        out.append(Passage(pid, text_path.read_text("utf-8"), gold, split_of.get(pid) or split_for(pid)))
    return out


def _is_letter(ch: str) -> bool:
    return bool(_AR_LETTER.match(ch) or _LATIN_LETTER.match(ch))


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Spans of ``surface`` in ``text`` that are whole words.

    Before the surface only a non-letter or Arabic proclitics (و ف ب ك ل, and «ال» after ل) may
    stand; after it a non-letter, or for Latin the possessive. Matching is case-sensitive for
    Latin (a name is capitalised) except for an all-lowercase surface.
    """
    spans = []
    if not surface:
        return spans
    arabic = bool(_AR_LETTER.search(surface))
    flags = 0 if (arabic or surface != surface.lower()) else re.IGNORECASE
    for m in re.finditer(re.escape(surface), text, flags):
        s, e = m.start(), m.end()
        # left edge
        i = s
        if arabic:
            while i > 0 and text[i - 1] in _AR_PROCLITIC and (s - i) < 3:
                i -= 1
            if i > 0 and _is_letter(text[i - 1]):
                continue
        elif s > 0 and _is_letter(text[s - 1]):
            continue
        # right edge
        if e < len(text) and _is_letter(text[e]):
            if arabic:
                continue
            if not text[e:].startswith(("s ", "s,", "s.")) or text[e - 1] == "s":
                continue
        spans.append((s, e))
    return spans


@dataclass
class GoldMention:
    start: int
    end: int
    surface: str
    place: dict


def gold_mentions(p: Passage) -> tuple[list[GoldMention], list[tuple[int, int]], list[tuple[int, int]]]:
    """(Libyan mentions, foreign spans, ignored spans) of a passage."""
    mentions: list[GoldMention] = []
    for place in p.gold.get("places", []):
        spans = occurrences(p.text, place["surface"])
        keep = place.get("occurrences")
        if keep:
            spans = [sp for k, sp in enumerate(spans, 1) if k in set(keep)]
        for s, e in spans:
            mentions.append(GoldMention(s, e, place["surface"], place))
    # a surface inside a longer gold surface ("Tripoli" in "Tripoli International Airport") is not
    # a mention of its own
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[GoldMention] = []
    for m in mentions:
        if any(k.start <= m.start and m.end <= k.end and (k.end - k.start) > (m.end - m.start) for k in kept):
            continue
        kept.append(m)
    foreign = [sp for s in p.gold.get("foreign", []) for sp in occurrences(p.text, s)]
    ignore = [sp for s in p.gold.get("ignore", []) for sp in occurrences(p.text, s)]
    return kept, foreign, ignore


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --------------------------------------------------------------------------- scoring
@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    ev_gold: int = 0
    ev_type_place: int = 0
    ev_type_place_date: int = 0
    ev_dated_found: int = 0
    ev_date_right: int = 0
    ev_date_within: int = 0
    ev_actor_named: int = 0
    ev_actor_filled: int = 0
    ev_actor_right: int = 0
    ev_fat_given: int = 0
    ev_fat_right: int = 0
    ev_predicted: int = 0
    ev_misses: list[dict] = field(default_factory=list)
    date_misses: list[dict] = field(default_factory=list)
    actor_misses: list[dict] = field(default_factory=list)
    fat_misses: list[dict] = field(default_factory=list)
    passages: int = 0

    def add(self, other: "Tally") -> None:
        for k, v in vars(other).items():
            if isinstance(v, list):
                getattr(self, k).extend(v)
            else:
                setattr(self, k, getattr(self, k) + v)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _miss_reason(gaz: Any, g: GoldMention, overlapping: list) -> str:
    if any(m.status == "context" and m.place is not None for m in overlapping):
        return "resolved wrongly"
    if any(m.status == "context" for m in overlapping):
        return "read as context"
    for m in overlapping:
        if m.status == "resolved" or m.status == "foreign":
            return "resolved wrongly"
    for m in overlapping:
        if m.status == "unresolved":
            return "unresolved"
    lat, lon, tol = g.place["lat"], g.place["lon"], float(g.place.get("tol_km", 5))
    try:
        cands = gaz.lookup(g.surface, limit=20)
    except Exception:  # noqa: BLE001 - a lookup error is a miss reason too
        cands = []
    for c in cands:
        pl = c.place
        if haversine_km(pl.lat, pl.lon, lat, lon) <= tol + pl.precision_m / 1000:
            return "not recognised"
    near = [pl for pl in gaz.places if pl.country == "LY" and haversine_km(pl.lat, pl.lon, lat, lon) <= min(tol, 5.0)
            and pl.feature_type not in {"district", "country", "region"}]
    if near and g.place.get("kind", "") in {"", "town", "city", "village"} and any(
        pl.feature_type in {"town", "city", "village", "capital"} for pl in near
    ):
        return "spelling"
    return "not in gazetteer"


_ACTOR_STOP = {"the", "of", "forces", "force", "and", "al", "el", "libya", "libyan", "militia", "militias",
               "group", "groups", "armed", "قوات", "ال", "و", "ليبيا", "الليبي", "الليبية"}


def _actor_tokens(s: str) -> set[str]:
    toks = set()
    for t in re.findall(r"[\w\u0600-\u06FF]+", s.lower()):
        if t.startswith("ال") and len(t) > 4:
            t = t[2:]
        if t.isascii() and len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]  # "rebels" and "rebel", "loyalists" and "loyalist" name one actor
        if t not in _ACTOR_STOP and len(t) > 1:
            toks.add(t)
    return toks


def _acronym(s: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", s) if w[0].isupper() or len(w) > 3).upper()


def _acled_name(predicted: str) -> str:
    """The ACLED-style label the lexicon gives a predicted actor ('' for pattern actors)."""
    try:
        from geo.text.lexicon import default_lexicon

        a = default_lexicon().actor(predicted)
    except Exception:  # noqa: BLE001 - the scorer works without the lexicon
        a = None
    return (a or {}).get("acled_name", "")


def _aliases(predicted: str) -> list[str]:
    """The names the lexicon knows the predicted actor by (every row of its id), none for the generic
    placeholders ("Libyan forces", "Unidentified armed group"), whose aliases say nothing of who."""
    try:
        from geo.text.lexicon import default_lexicon

        lex = default_lexicon()
    except Exception:  # noqa: BLE001
        return []
    a = lex.actor(predicted)
    if not a or a.get("id") in ("libyan_forces", "unidentified") or a.get("generic"):
        return []
    return [n for e in lex.actors if e.get("id") == a.get("id") and not e.get("affiliation")
            for n in (e.get("en") or []) + (e.get("ar") or [])]


def actors_agree(gold: str, predicted: str) -> bool:
    """Loose agreement of two actor names (the predicted one also by its ACLED label): shared
    content words, or one is the other's acronym; or all the words of one of the names the lexicon
    knows the predicted actor by appear in the gold label ("Forces of Khalifa Haftar" = the LNA,
    whose names include "Khalifa Haftar's forces")."""
    if not gold or not predicted:
        return False
    acled = _acled_name(predicted)
    if acled and acled != predicted and _names_agree(gold, acled):
        return True
    if _names_agree(gold, predicted):
        return True
    g = _actor_tokens(gold)
    return any((toks := _actor_tokens(n)) and toks <= g for n in _aliases(predicted))


def _names_agree(gold: str, predicted: str) -> bool:
    g, p = _actor_tokens(gold), _actor_tokens(predicted)
    if g & p:
        return True
    gu, pu = gold.replace(" ", ""), predicted.replace(" ", "")
    return bool((gu.isupper() and gu in _acronym(predicted)) or (pu.isupper() and pu in _acronym(gold)))


def within_precision(got: str, gold: str, precision: int | None) -> bool:
    """Whether a predicted date agrees with a gold date to the gold's own precision.

    A gold date known to the day (precision 1, or none given) must be the same day; one known to the week
    (2) within 7 days; one known to the month (3) in the same month. Annotators code a month by its 1st or
    its 15th, a week by any of its days: "date acc" counts only the exact day, this counts what the gold
    asserts.

    >>> within_precision("2014-05-01", "2014-05-15", 3), within_precision("2014-05-01", "2014-05-15", 1)
    (True, False)
    >>> within_precision("2014-05-09", "2014-05-15", 2), within_precision("2014-05-07", "2014-05-15", 2)
    (True, False)
    """
    try:
        a, b = _dt.date.fromisoformat(got[:10]), _dt.date.fromisoformat(gold[:10])
    except ValueError:
        return False
    if precision == 3:
        return (a.year, a.month) == (b.year, b.month)
    if precision == 2:
        return abs((a - b).days) <= 7
    return a == b


def score_passage(p: Passage, gaz: Any, result: Any) -> Tally:
    """Compare one passage's extraction result with its gold file."""
    t = Tally(passages=1)
    golds, foreign, ignore = gold_mentions(p)
    preds = list(result.mentions)
    used_pred: set[int] = set()
    for g in golds:
        over = [m for m in preds if _overlaps((m.start, m.end), (g.start, g.end))]
        hit = None
        for m in over:
            # any mention that names the right place counts, whatever its use («معركة البريقة»: a
            # context word, still the town); only located mentions can be false positives below
            if m.place is not None and m.status in ("resolved", "context"):
                d = haversine_km(m.place.lat, m.place.lon, g.place["lat"], g.place["lon"])
                if d <= float(g.place.get("tol_km", 5)):
                    hit = m
                    break
        if hit is not None:
            t.tp += 1
            used_pred.add(id(hit))
        else:
            t.fn += 1
            got = [f"{m.text}→{m.place.name_en if m.place else ''} ({m.status})" for m in over]
            t.misses.append({"id": p.id, "surface": g.surface, "at": g.start, "reason": _miss_reason(gaz, g, over),
                             "got": got})
    for m in preds:
        if m.status != "resolved" or id(m) in used_pred or m.relation == "same_as":
            continue  # «المدينة»/"the city" refer back to a named place: coreference, not a toponym
        span = (m.start, m.end)
        if any(_overlaps(span, (g.start, g.end)) for g in golds):
            t.fp += 1  # wrong place on a gold span: already a miss, also a false positive
            t.false_positives.append({"id": p.id, "text": m.text, "at": m.start, "place": m.place.name_en,
                                      "why": "wrong place"})
            continue
        if any(_overlaps(span, sp) for sp in ignore):
            continue
        t.fp += 1
        why = "foreign place mapped into Libya" if any(_overlaps(span, sp) for sp in foreign) else "not a place"
        t.false_positives.append({"id": p.id, "text": m.text, "at": m.start, "place": m.place.name_en, "why": why})

    # events
    places = {pl["surface"]: pl for pl in p.gold.get("places", [])}
    events = list(result.events)
    t.ev_predicted = len(events)
    for ge in p.gold.get("events", []):
        t.ev_gold += 1
        pl = places.get(ge.get("place") or "")
        cands = []
        for e in events:
            if e.event_type != ge.get("event_type") or e.latitude is None or pl is None:
                continue
            d = haversine_km(e.latitude, e.longitude, pl["lat"], pl["lon"])
            if d <= max(float(pl.get("tol_km", 5)), 5.0) + (e.uncertainty_m or 0) / 1000 * 0:
                cands.append(e)
        if not cands:
            t.ev_misses.append({"id": p.id, "type": ge.get("event_type"), "place": ge.get("place"),
                                "date": ge.get("date"),
                                "got": sorted({f"{e.event_type}@{e.location}" for e in events})[:6]})
            continue
        t.ev_type_place += 1
        gdate = ge.get("date")
        best = next((e for e in cands if gdate and e.event_date == gdate), cands[0])
        if gdate:
            t.ev_dated_found += 1
            if best.event_date and within_precision(best.event_date, gdate, ge.get("time_precision")):
                t.ev_date_within += 1
            if best.event_date == gdate:
                t.ev_date_right += 1
                t.ev_type_place_date += 1
            else:
                t.date_misses.append({"id": p.id, "type": ge.get("event_type"), "place": ge.get("place"), "gold": gdate,
                                      "got": best.event_date, "note": best.date_note, "evidence": best.evidence[:90]})
        if ge.get("actor1") and not any(actors_agree(ge["actor1"], e.actor1) or actors_agree(ge["actor1"], e.actor2)
                                        for e in cands):
            t.actor_misses.append({"id": p.id, "gold": ge["actor1"], "got": sorted({e.actor1 for e in cands})})
        if ge.get("fatalities") is not None and not any(e.fatalities == ge["fatalities"] for e in cands):
            t.fat_misses.append({"id": p.id, "gold": ge["fatalities"], "got": sorted({str(e.fatalities) for e in cands})})
        if ge.get("actor1"):
            t.ev_actor_named += 1
            if best.actor1:
                t.ev_actor_filled += 1
            if any(actors_agree(ge["actor1"], e.actor1) or actors_agree(ge["actor1"], e.actor2) for e in cands):
                t.ev_actor_right += 1
        if ge.get("fatalities") is not None:
            t.ev_fat_given += 1
            if any(e.fatalities == ge["fatalities"] for e in cands):
                t.ev_fat_right += 1
    return t


def evaluate(passages: list[Passage], gaz: Any = None) -> dict[tuple[str, str], Tally]:
    """Tallies keyed by (split, language), plus ("all", language) and (split, "all")."""
    import geo.extract as ex
    from gazetteer import Gazetteer

    gaz = gaz or Gazetteer.load(user=False)
    out: dict[tuple[str, str], Tally] = {}
    for p in passages:
        res = ex.extract_result(p.text, date=p.gold.get("doc_date"), doc_id=p.id, gazetteer=gaz, language=p.lang)
        t = score_passage(p, gaz, res)
        for key in ((p.split, p.lang), (p.split, "all"), ("all", p.lang), ("all", "all")):
            out.setdefault(key, Tally()).add(t)
    return out


def summary(t: Tally) -> dict[str, float | int]:
    return {
        "passages": t.passages,
        "toponym_recall": round(t.recall, 3),
        "toponym_precision": round(t.precision, 3),
        "toponym_f1": round(t.f1, 3),
        "tp": t.tp, "fp": t.fp, "fn": t.fn,
        "events_gold": t.ev_gold,
        "event_recall_type_place": round(_ratio(t.ev_type_place, t.ev_gold), 3),
        "event_recall_type_place_date": round(_ratio(t.ev_type_place_date, t.ev_gold), 3),
        "date_accuracy": round(_ratio(t.ev_date_right, t.ev_dated_found), 3),
        "date_within_precision": round(_ratio(t.ev_date_within, t.ev_dated_found), 3),
        "actor1_filled": round(_ratio(t.ev_actor_filled, t.ev_actor_named), 3),
        "actor1_right": round(_ratio(t.ev_actor_right, t.ev_actor_named), 3),
        "fatalities_right": round(_ratio(t.ev_fat_right, t.ev_fat_given), 3),
        "events_predicted": t.ev_predicted,
    }


def write_sources(passages: list[Passage], path: Path = CORPUS / "SOURCES.md") -> None:
    lines = [
        "# Sources of the development corpus",
        "",
        "Generated by `python benchmarks/eval_corpus.py --sources` from `gold/*.json`. Each passage is",
        "copied verbatim from the page named (reference markers and page furniture removed) and keeps",
        "that page's licence: Wikipedia text is CC BY-SA 4.0 (its authors are listed in the page",
        "history at the address given), Wikinews CC BY 2.5, US federal government works are in the",
        "public domain, UK government statements are under the Open Government Licence v3.0 and Hansard",
        "under the Open Parliament Licence v3.0, EU statements under the Commission's reuse decision",
        "2011/833/EU (reuse authorised, source acknowledged), French foreign-ministry communiqués under the site's",
        "terms (official statements freely reusable with the source named). The licence column names each passage's.",
        "The annotations (`gold/`) are the kharita maintainers' work (MIT).",
        "",
        "| id | split | title | source | licence | date | region | period |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for p in passages:
        g = p.gold
        src = g.get("url", "")
        if g.get("read_at") and g.get("read_at") != src:
            src += f" (read at {g['read_at']})"
        cells = [p.id, p.split, g.get("title", ""), src, g.get("licence", ""), g.get("source_date") or "",
                 g.get("region", ""), g.get("period", "")]
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    path.write_text("\n".join(lines) + "\n", "utf-8")


def split_for(pid: str) -> str:
    """The split of a passage, fixed by its id alone (so adding passages never moves old ones)."""
    import hashlib

    return "dev" if int(hashlib.sha1(pid.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def write_splits(root: Path = CORPUS) -> dict[str, list[str]]:
    ids = sorted(p.stem for p in (root / "gold").glob("*.json"))
    splits = {"dev": [i for i in ids if split_for(i) == "dev"], "heldout": [i for i in ids if split_for(i) == "heldout"]}
    (root / "splits.json").write_text(json.dumps(splits, indent=1) + "\n", "utf-8")
    return splits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    ap.add_argument("--lang", choices=["ar", "en"])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sources", action="store_true")
    ap.add_argument("--splits", action="store_true", help="rewrite corpus/splits.json (split fixed by each id's hash)")
    ap.add_argument("--ids", default="")
    ap.add_argument("--corpus", default=str(CORPUS))
    a = ap.parse_args(argv)
    root = Path(a.corpus)
    ids = [s for s in a.ids.split(",") if s] or None
    passages = load_corpus(root, ids)
    if a.splits:
        sp = write_splits(root)
        print(f"wrote {root / 'splits.json'}: {len(sp['dev'])} dev, {len(sp['heldout'])} held-out")
        return 0
    if a.sources:
        write_sources(passages, root / "SOURCES.md")
        print(f"wrote {root / 'SOURCES.md'} ({len(passages)} passages)")
        return 0
    if a.split != "all":
        passages = [p for p in passages if p.split == a.split]
    if a.lang:
        passages = [p for p in passages if p.lang == a.lang]
    if not passages:
        print("no passages", file=sys.stderr)
        return 2
    res = evaluate(passages)
    keys = sorted(k for k in res if k[0] == (a.split if a.split != "all" else "all"))
    if a.json:
        print(json.dumps({f"{s}/{l}": summary(res[(s, l)]) for s, l in keys}, indent=1, sort_keys=True))
        return 0
    cols = ["passages", "toponym_recall", "toponym_precision", "toponym_f1", "event_recall_type_place",
            "event_recall_type_place_date", "date_accuracy", "date_within_precision", "actor1_filled", "actor1_right",
            "fatalities_right"]
    short = ["n", "top R", "top P", "top F1", "ev T+P", "ev T+P+D", "date acc", "date@prec", "act fill", "act ok",
             "fat ok"]
    print(f"{'split/lang':<12}" + "".join(f"{c:>10}" for c in short))
    for k in keys:
        s = summary(res[k])
        print(f"{k[0] + '/' + k[1]:<12}" + "".join(f"{s[c]:>10}" for c in cols))
    if a.misses:
        for k in keys:
            if k[1] == "all":
                continue
            t = res[k]
            from collections import Counter

            print(f"\n== {k[0]}/{k[1]}: misses by reason", dict(Counter(m["reason"] for m in t.misses)))
            for m in t.misses:
                print(f"  miss {m['id']:<6} {m['surface']!r:<32} {m['reason']:<18} {', '.join(m['got'])}")
            for f in t.false_positives:
                print(f"  FP   {f['id']:<6} {f['text']!r:<32} {f['why']:<18} → {f['place']}")
            for e in t.ev_misses:
                print(f"  event {e['id']:<6} {e['type']} @ {e['place']} {e['date']}  got: {'; '.join(e['got'])}")
            for e in t.date_misses:
                print(f"  date  {e['id']:<6} {e['type']} @ {e['place']} gold {e['gold']} got {e['got']} ({e['note']}) «{e['evidence']}»")
            for e in t.actor_misses:
                print(f"  actor {e['id']:<6} gold {e['gold']!r} got {e['got']}")
            for e in t.fat_misses:
                print(f"  fatal {e['id']:<6} gold {e['gold']} got {e['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
