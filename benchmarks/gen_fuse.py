"""Test sets for cross-article fusion (``geo.fuse``), with known truth.

Two sets, each a list of :class:`~geo.events.Event` and ``truth``: event id → incident label.

* :func:`corpus_set`: the development corpus's gold events (``benchmarks/corpus/gold``), one
  event per annotated event, at the annotated point (radius ``tol_km``).  Different passages
  about the same incident (ar-01/en-08 Tripoli airport, ar-02/en-03 Zawiya, ar-11/en-07 Bani
  Walid, ar-16/ar-29 Zintan, ar-20/en-24 Bin Jawad, Derna, Ajdabiya…) share a label by the hand
  list :data:`SAME_INCIDENT`; every other event is its own incident.
* :func:`generated_set`: real gold events perturbed into several reports each, as a news week
  does: place spelling (clitics, transliterations, English/Arabic), another gazetteer entry a
  little off the point or only the district, a toll that rises from report to report or is
  missing, the date a day late (or early) within its precision, actors swapped, dropped or
  suffixed, sub-type missing; reports of one source passage's incidents share round-up
  documents.  Hard negatives are added: the same place and type a few days later, the same day
  with other actors, a town 25–60 km away the same day.  ``scale`` repeats the incidents at other
  dates for the 100k benchmark.

Deterministic for a given seed.  Used by ``benchmarks/bench_fuse.py`` and ``tests/test_fuse.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from pathlib import Path

from geo.events import Event, event_id

CORPUS = Path(__file__).resolve().parent / "corpus"

#: Gold events (``doc#index`` in the gold file's ``events``) that report one incident.
SAME_INCIDENT: tuple[tuple[str, ...], ...] = (
    ("ar-01#0", "en-08#0", "en-87#0"),   # Tripoli International Airport, 13 July 2014
    ("ar-02#0", "en-03#1"),   # Zawiya retaken by Gaddafi forces, 10 March 2011
    ("ar-02#1", "en-03#2"),   # Zuwara (no date)
    ("ar-02#2", "en-03#3", "en-94#1"),   # Zawiya, week of 15 June 2011 (en-94: the Zawiya skirmish from 11 June)
    ("ar-11#0", "en-07#0"),   # Bani Walid taken (no date)
    ("ar-11#1", "en-07#1"),   # Bani Walid abduction, July 2012
    ("ar-16#1", "ar-29#0"),   # Zintan–Mashashiya clashes, June 2012 (Shgega / Zintan)
    ("ar-16#0", "ar-29#1"),   # army deployed to end them (Mizda / Zintan area)
    ("ar-17#1", "en-18#2"),   # French air strikes at Benghazi, 19 March 2011 (no date in ar-17)
    ("ar-18#0", "ar-28#1"),   # Ajdabiya taken by the rebels, 18/19 February 2011
    ("ar-18#2", "en-27#3", "ar-39#0"),   # Ajdabiya retaken, 26 March 2011
    ("ar-27#3", "en-27#0"),   # Ajdabiya protesters shot, 16–17 February 2011
    ("ar-20#1", "en-24#0"),   # Bin Jawad, 6 March 2011
    ("ar-75#3", "en-24#2"),   # rebels back in Bin Jawad, 27 March 2011
    ("ar-76#1", "en-24#3"),   # loyalists drive the rebels out of Bin Jawad, 29 March 2011
    ("ar-41#0", "en-113#0"),   # Ajdabiya held against the loyalists' attacks of mid-April 2011 (en-113: "in April 2011")
    ("en-48#0", "en-114#0"),   # the ISIS attack on the High National Elections Commission in Tripoli, 2 May 2018
    ("ar-34#0", "en-18#1"),   # loyalist assault on Benghazi, 19 March 2011
    ("ar-34#1", "en-18#0"),   # loyalist shelling of Benghazi, 19 March 2011
    ("en-02#0", "ar-39#1"),   # coalition strikes on loyalist armour at Ajdabiya, 25–26 March 2011
    ("ar-09#0", "en-39#0"),   # Sabha clashes (Abu Seif militia and Tebu), from 25 March 2012
    ("ar-04#0", "en-43#0", "en-49#0"),   # the LNA's offensive on Tripoli, April 2019
    ("ar-24#0", "en-40#0", "en-59#1"),   # Operation Dignity's first day in Benghazi, 16 May 2014
    ("ar-25#0", "en-22#0", "en-86#0"),   # Derna, May 2018
    ("en-22#3", "en-31#1", "ar-43#1"),   # Derna, Shura Council against IS, June 2015
    ("ar-42#0", "en-10#0", "en-56#2"),   # Zliten police-camp truck bomb, 7 January 2016
    ("ar-43#0", "en-22#2"),   # IS takes over Derna, October 2014
    ("ar-13#0", "en-50#0"),   # al-Qubbah bombings, 20 February 2015
    ("en-09#0", "en-52#0"),   # Tebu–Tuareg fighting in Ubari begins, autumn 2014 (September in en-09, October in en-52)
    ("en-09#1", "en-52#3"),   # Ubari ceasefire agreement (Doha), 23 November 2015
    ("ar-10#0", "en-53#0"),   # protesters shot at Gharghour, Tripoli, 15 November 2013 (coded as a protest and as an attack)
    ("ar-24#1", "en-59#2"),   # Haftar's air strikes on Benghazi, 16 May 2014
    ("ar-24#2", "en-59#3"),   # the same day's clashes in Benghazi's southern districts (Sidi Faraj, Hawari)
    ("en-40#1", "en-54#4", "en-88#3"),   # the General National Congress stormed, Tripoli, 18 May 2014 (en-88: "violence
    #                                        between groups, especially in Tripoli in May", the quarter's summary of it)
    ("en-44#0", "en-55#0"),   # oil tanker bombed off Derna, 4/5 January 2015
    ("ar-12#1", "en-55#1"),   # Corinthia hotel attack, Tripoli, 27 January 2015
    ("en-29#0", "en-55#2"),   # fighting for Sirte, mid-March 2015
    ("en-45#0", "en-56#4"),   # first US air strikes on Sirte, 1 August 2016
    ("en-65#0", "ar-48#0"),   # clashes in Tripoli, 27 August 2022 (one UK statement in English and Arabic)
    ("en-36#0", "en-64#0", "en-91#0"),   # the Brak al-Shati air base raid, 18 May 2017
    ("en-06#0", "en-68#1", "ar-79#1"),   # the fall of Tripoli, August 2011
    ("ar-31#0", "en-70#2", "ar-78#1"),   # rebels drive Gaddafi forces out of Misrata's districts and break its siege, May 2011
    ("en-74#0", "ar-54#2"),   # protesters shot at in Tripoli, 23 August 2020 (the article in English and Arabic)
    ("en-74#1", "ar-54#0"),   # protests in Misrata, 23 August 2020
    ("en-74#2", "ar-54#1"),   # protests in Zawiya, 23 August 2020
    ("en-74#3", "ar-54#3"),   # protesters abducted in Tripoli, 23 August 2020
    ("en-03#0", "ar-59#0"),   # fighting in Zawiya, 24 February 2011
    ("en-71#4", "ar-56#1"),   # loyalist forces enter Kufra, 28 April 2011
    ("en-69#1", "ar-66#1"),   # the bombardment of Misrata in May 2011: the month's summary and the port shelled 1–2 May
    ("ar-67#1", "en-05#2"),   # fighting for Sabha, 25 August 2011 ("late August")
    ("ar-70#1", "en-19#0", "en-126#0"),   # the attack on the US mission in Benghazi, 11 September 2012
    ("en-11#0", "en-80#0"),   # the US air strike on the IS camp near Sabratha, 19 February 2016
    ("en-14#0", "en-76#0"),   # the air strike on the Tajoura detention centre, 2–3 July 2019
    ("ar-46#0", "en-82#1"),   # the car bomb in Benghazi that killed UN staff, 10 August 2019
    ("en-57#2", "en-81#0"),   # the mass graves of Tarhuna found in June 2020
    ("en-08#1", "en-87#1", "en-107#2"),  # Tripoli International Airport taken by Libya Dawn, 23–24 August 2014
    #                                      (en-107: "fighting reportedly centered around the airport for several weeks")
    ("ar-50#0", "en-86#3"),   # the air strikes on Derna that killed 15 civilians, October 2017
    ("en-41#1", "en-87#2"),   # the fight for Benina airport, August–October 2014 (told in September as going on)
    ("en-05#0", "ar-73#0"),   # Qatrun taken by the rebels, July 2011 (17 July; «في يوليو 2011 … لفترة وجيزة»)
    ("en-05#1", "ar-73#1"),   # Qatrun retaken by Gaddafi's forces, 23 July 2011
    ("ar-67#3", "en-105#1"),  # the battle in which anti-Gaddafi forces took Sabha, from 19 September 2011
    ("en-77#0", "en-105#0"),  # the LNA's offensive that took Sabha, late January 2019
    ("en-107#1", "en-111#0"), # the air strikes on Tripoli of the night of 17–18 August 2014
    ("en-109#0", "en-123#0"), # Gaddafi's forces retake Brega, 13 March 2011
    ("ar-64#0", "en-123#1"),  # Brega in Gaddafi's forces' hands, the rebels gone towards Ajdabiya, 15 March 2011
    ("ar-64#1", "en-123#2"),  # the fighting at Ajdabiya, 15 March 2011
    ("en-47#0", "ar-81#0"),   # the double car bomb at the Bayaat al-Radwan mosque in Benghazi, 23 January 2018
    ("en-04#1", "en-119#2"),   # Al-Qawalish taken by the rebels, 6 July 2011
    ("en-69#0", "ar-78#0"),   # the battle of Zliten, 21 July 2011
    ("en-34#1", "en-122#0"),   # Tawergha captured by anti-Gaddafi forces, August 2011
    ("ar-15#0", "en-121#0"),   # the Murzuq air strike, 4-5 August 2019
    ("en-60#0", "en-120#0"),   # the Mizdah massacre of migrants, 27 May 2020
)

_CLITICS = ("ب", "و", "وب", "ف")


def _gold() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "gold").glob("*.json"))]


def _place(g: dict, surface: str) -> dict | None:
    for p in g.get("places", []):
        if p.get("surface") == surface and p.get("lat") is not None:
            return p
    return None


def _event(doc: str, k: int, ev: dict, place: dict | None, *, location: str | None = None, lat=None, lon=None,
           radius_m: float | None = None, geo_precision: int = 1, place_id: str | None = None,
           source: str = "", url: str = "", language: str = "") -> Event:
    name = place.get("name", "") if place else ""
    lat = place["lat"] if lat is None and place else lat
    lon = place["lon"] if lon is None and place else lon
    radius = radius_m if radius_m is not None else (float(place.get("tol_km") or 5) * 1000 if place else None)
    loc = location if location is not None else ev.get("place") or ""
    return Event(
        id=event_id(doc, k, k + 1, "fuse-test"), doc_id=doc, event_date=ev.get("date"),
        time_precision=int(ev.get("time_precision") or 1), date_note="gold", update_time=None,
        event_type=ev.get("event_type") or "", sub_event_type=ev.get("sub_event_type") or "",
        actor1=ev.get("actor1") or "", actor2=ev.get("actor2") or "", location=loc,
        place_id=place_id if place_id is not None else (f"gold:{name}" if name else ""),
        place_name_en=name, place_name_ar="", admin1="", country="LY" if lat is not None else "",
        latitude=lat, longitude=lon, geo_precision=geo_precision, relation="",
        uncertainty_m=radius if lat is not None else None, uncertainty_wkt=None,
        fatalities=ev.get("fatalities"), injuries=None, source=source, url=url, language=language,
        evidence=ev.get("evidence") or "", span_start=k, span_end=k + 1, notes="",
    )


def _canonical_actor(name: str, language: str = "en") -> str:
    """The lexicon's name for an annotator's actor ("Gaddafi forces" → "Gaddafi loyalist forces"), as extraction names it."""
    from geo.text.lexicon import find_actors

    if not name:
        return ""
    found = find_actors(name, language)
    return found[0].name if found else name


def corpus_set() -> tuple[list[Event], dict[str, str]]:
    """The gold events of the development corpus and their incident labels (module notes).

    Annotators name actors freely ("Gaddafi forces", "Military Forces of Libya (1969-2011)"),
    so actors are first given the names the extractor's lexicon gives them.
    """
    label = {}
    for group in SAME_INCIDENT:
        for key in group:
            label[key] = group[0]
    events, truth = [], {}
    for g in _gold():
        for i, ev in enumerate(g.get("events", [])):
            key = f"{g['id']}#{i}"
            ev = dict(ev, actor1=_canonical_actor(ev.get("actor1") or ""), actor2=_canonical_actor(ev.get("actor2") or ""))
            e = _event(g["id"], i, ev, _place(g, ev.get("place") or ""), source=g.get("title", ""),
                       url=g.get("url", ""), language=g.get("lang", ""))
            events.append(e)
            truth[e.id] = label.get(key, key)
    return events, truth


def _km(a: dict, b: dict) -> float:
    dy = (a["lat"] - b["lat"]) * 111.0
    dx = (a["lon"] - b["lon"]) * 111.0 * math.cos(math.radians(a["lat"]))
    return math.hypot(dx, dy)


def _base_incidents() -> list[tuple[str, dict, dict]]:
    """(source doc, gold event, its place) for the dated, placed gold events that are distinct incidents.

    The later member of a :data:`SAME_INCIDENT` group is left out (it is the same incident),
    and so is an event of the same type as a kept one within a week and 30 km (a city and
    its district the same day: which incident a report means is not known).
    """
    later = {k for group in SAME_INCIDENT for k in group[1:]}
    out: list[tuple[str, dict, dict]] = []
    for g in _gold():
        for i, ev in enumerate(g.get("events", [])):
            p = _place(g, ev.get("place") or "")
            if p is None or not ev.get("date") or not ev.get("event_type") or f"{g['id']}#{i}" in later:
                continue
            if _clashes(ev["event_type"], ev["date"], int(ev.get("time_precision") or 1), p, out):
                continue
            out.append((g["id"], ev, p))
    return out


def _span(date: str, precision: int) -> tuple[int, int]:
    d = dt.date.fromisoformat(date)
    if precision >= 3:
        return d.replace(day=1).toordinal(), d.replace(day=1).toordinal() + 30
    half = 3 if precision == 2 else 0
    return d.toordinal() - half, d.toordinal() + half


def _clashes(etype: str, date: str, precision: int, place: dict, bases: list[tuple[str, dict, dict]]) -> bool:
    """True when an incident of this type, date and place could not be told from one of ``bases``."""
    lo, hi = _span(date, precision)
    for _, o, op in bases:
        olo, ohi = _span(o["date"], int(o.get("time_precision") or 1))
        if o["event_type"] == etype and max(lo - ohi, olo - hi) <= 7 and _km(op, place) <= 30:
            return True
    return False


def _offset(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    b = math.radians(bearing_deg)
    return (lat + km * math.cos(b) / 111.0, lon + km * math.sin(b) / (111.0 * math.cos(math.radians(lat))))


def _spelling(rng: random.Random, surface: str, name: str) -> str:
    r = rng.random()
    if r < 0.3 or not name:
        return (rng.choice(_CLITICS) + surface) if any("\u0600" <= c <= "\u06ff" for c in surface) else surface
    if r < 0.6:
        return name
    if r < 0.8:
        return "al-" + name if not name.lower().startswith(("al", "el")) else name[3:].strip("- ")
    return name.replace("i", "ee", 1).replace("a", "ah", 1) if rng.random() < 0.5 else name.upper()


def _wildcard(actor: str) -> bool:
    return actor.casefold().startswith(("civilians", "unidentified", "protesters", "rioters"))


def _shift(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def _report(rng: random.Random, doc: str, k: int, ev: dict, place: dict, n: int, toll: int | None,
            day: str, keep_actor1: bool) -> Event:  # keep_actor1: a hard negative, its parties and town named
    """One perturbed report (the ``n``-th of its incident) of a gold event."""
    ev = dict(ev)
    prec = int(ev.get("time_precision") or 1)
    if prec == 1:
        ev["date"] = _shift(day, 0 if n == 0 else rng.choices((0, 1, -1), (0.55, 0.35, 0.10))[0])
    elif prec == 2:
        ev["date"] = _shift(day, rng.randint(-2, 2))
    else:
        ev["date"] = day
    a1, a2 = ev.get("actor1") or "", ev.get("actor2") or ""
    r = rng.random()
    if r < 0.2 and a2:
        a1, a2 = a2, a1
    elif r < 0.4:
        a2 = ""
    elif r < 0.5 and not keep_actor1:
        a1 = a2 = ""
    elif r < 0.6 and a1 and "(" not in a1:
        a1 = f"{a1} (Libya)"
    if keep_actor1 and not a1:
        a1, a2 = a2, a1
    ev["actor1"], ev["actor2"] = a1, a2
    if rng.random() < 0.2:
        ev["sub_event_type"] = ""
    ev["fatalities"] = None if toll is None or rng.random() < 0.25 else toll + 2 * n + rng.randint(0, 1) * n
    loc = _spelling(rng, ev.get("place") or "", place.get("name", ""))
    lat, lon = place["lat"], place["lon"]
    radius = max(2000.0, float(place.get("tol_km") or 5) * 500)
    pid, gp = None, 1
    r = rng.random()
    if r < 0.25:  # another gazetteer entry for the same place, a little off the point
        lat, lon = _offset(lat, lon, rng.uniform(0.2, 0.8) * radius / 1000, rng.uniform(0, 360))
        pid = f"alt:{place.get('name', '')}:{k % 3}"
    elif r < 0.35 and not keep_actor1:  # only the district is named
        lat, lon = _offset(lat, lon, rng.uniform(3, 15), rng.uniform(0, 360))
        radius, gp, pid, loc = 40_000.0, 3, f"adm:{place.get('name', '')}", f"district of {place.get('name', '')}"
    ev["evidence"] = f"{loc}: {ev.get('sub_event_type') or ev['event_type']} ({ev['fatalities']} killed)"
    return _event(doc, k, ev, place, location=loc, lat=lat, lon=lon, radius_m=radius, geo_precision=gp,
                  place_id=pid, source=rng.choice(("Libya Observer", "Al Wasat", "Libya Herald", "Reuters", "")),
                  url=f"https://example.org/{doc}")


def generated_set(seed: int = 7, scale: int = 1, years: int = 12) -> tuple[list[Event], dict[str, str]]:
    """Perturbed reports of real incidents and hard negatives, with the incident of each event.

    Parameters
    ----------
    seed
        Random seed (the set is a function of it).
    scale
        Copies of the incident set; copies after the first move each incident to a random
        other date within ``years`` years and a random point in Libya (for the 100k benchmark).
    years
        Span of the dates of the copies.
    """
    rng = random.Random(seed)
    base = _base_incidents()
    events: list[Event] = []
    truth: dict[str, str] = {}
    slot: dict[str, int] = {}

    def doc_of(src: str, copy: int, n: int) -> tuple[str, int]:
        doc = f"gen{copy}-{src}-r{n}"
        slot[doc] = slot.get(doc, -1) + 1
        return doc, slot[doc]

    def add(label: str, src: str, copy: int, ev: dict, place: dict, day: str, reports: int, keep_actor1: bool):
        toll = ev.get("fatalities")
        if toll is None and rng.random() < 0.5:
            toll = rng.randint(1, 12)
        for n in range(reports):
            doc, k = doc_of(src, copy, n)
            e = _report(rng, doc, k, ev, place, n, toll, day, keep_actor1)
            events.append(e)
            truth[e.id] = label

    for copy in range(scale):
        for b, (src, ev, place) in enumerate(base):
            day = ev["date"] if copy == 0 else _shift(ev["date"], rng.randint(-365 * years // 2, 365 * years // 2))
            if copy:  # another date, and another point in Libya (the copy's "town")
                place = dict(place, lat=rng.uniform(24.0, 33.0), lon=rng.uniform(10.0, 25.0),
                             name=f"{place.get('name', '')} {copy}")
            if int(ev.get("time_precision") or 1) == 3:
                day = day[:8] + "01"
            label = f"c{copy}-i{b}"
            add(label, src, copy, ev, place, day, rng.choice((1, 2, 2, 3, 3, 4, 5)), False)
            r = rng.random()
            prec = int(ev.get("time_precision") or 1)
            if r < 0.2:  # the same place and type, days (or a month) later
                gap = {1: rng.randint(4, 10), 2: rng.randint(11, 18)}.get(prec, rng.randint(35, 60))
                after = _shift(day, gap)
                if copy == 0 and _clashes(ev["event_type"], after, prec, place, base):
                    continue
                add(label + "-later", src, copy, ev, place, after[:8] + "01" if prec == 3 else after,
                    rng.randint(1, 2), True)
            elif r < 0.35 and ev.get("actor1") and not _wildcard(ev["actor1"]):  # the same day and place, other parties
                other = dict(ev, actor1=f"Armed group {b % 7} of the south", actor2="Rival clan militia")
                add(label + "-others", src, copy, other, place, day, rng.randint(1, 2), True)
            elif r < 0.5:  # a town 25–60 km away, the same day
                lat, lon = _offset(place["lat"], place["lon"], rng.uniform(25, 60), rng.uniform(0, 360))
                near = dict(place, lat=lat, lon=lon, name=f"{place.get('name', '')} outskirts", tol_km=3)
                add(label + "-near", src, copy, dict(ev, place="قرية مجاورة"), near, day, rng.randint(1, 2), True)
    return events, truth


def pairwise_scores(clusters: list[list[str]] | list[tuple[str, ...]], truth: dict[str, str]) -> dict[str, float]:
    """Pairwise precision and recall of clusters of event ids against incident labels.

    A predicted pair is two events in one cluster; a true pair two events of one incident.
    """
    from collections import Counter

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    pred = sum(pairs(len(c)) for c in clusters)
    tp = sum(pairs(n) for c in clusters for n in Counter(truth[i] for i in c).values())
    true = sum(pairs(n) for n in Counter(truth.values()).values())
    return {
        "pred_pairs": pred, "true_pairs": true, "tp": tp,
        "precision": tp / pred if pred else 1.0, "recall": tp / true if true else 1.0,
    }
