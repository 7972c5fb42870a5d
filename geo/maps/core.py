"""Static Leaflet maps of events (and checked claims), online or fully offline.

With :mod:`geo.maps.page` (the folium elements and the render, imported only once the data is
packed), the only kharita code that uses folium.  A map is a :class:`folium.Map`
carrying one small script that draws the events from *columnar* data embedded
once in the page: repeated strings (places, types, actors, evidence sentences,
documents, dates) are stored once in lookup tables and referenced by index,
coordinates are integers (1e-5 degree), large payloads are deflate-compressed,
markers are drawn on a canvas and popup HTML is built on click.  All article
text is escaped by :func:`geo.maps.html.escape` before it enters the page.

No data ever becomes template source.  folium/branca compile the text of an
``Element(...)`` as a Jinja2 template, so article text (or a GeoJSON property,
a claim, a file name, a gazetteer name) placed there would be *run*:
``{{ 7*191 }}`` would print 1337 and ``{% … %}`` would crash the render.  Every
piece of markup kharita adds (the data payload, the draw call, the inlined
assets) is a :class:`_Raw` element, which is emitted verbatim and never
compiled, and the page title is a template *variable*.  Online maps load Leaflet
from a CDN with Subresource Integrity hashes (``integrity`` + ``crossorigin``).

Examples
--------
>>> from geo.maps import event_map, save_map              # doctest: +SKIP
>>> m = event_map(events, offline=True, title="Sirte")     # doctest: +SKIP
>>> save_map(m, "maps/sirte.html")                         # doctest: +SKIP
"""

from __future__ import annotations

import base64
import math
import os
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence, cast

from typing import TYPE_CHECKING

from geo.maps.offline import basemap_doc, leaflet_inline

from geo.maps.html import escape, guard_script, guard_script_utf8, needs_escape, script_json, unguarded_json
from geo.io.outputs import write_text

if TYPE_CHECKING:  # pragma: no cover
    import folium

__all__ = [
    "EVENT_STYLES",
    "LIBYA_BOUNDS",
    "event_map",
    "render_html",
    "save_map",
    "records_from",
]

#: ACLED event type -> (colour, marker shape, Arabic name).  Colour AND shape differ.
EVENT_STYLES: dict[str, tuple[str, str, str]] = {
    "Battles": ("#d62728", "circle", "معارك"),
    "Explosions/Remote violence": ("#ff7f0e", "star", "انفجارات / عنف عن بعد"),
    "Violence against civilians": ("#9467bd", "diamond", "عنف ضد المدنيين"),
    "Protests": ("#1f77b4", "square", "احتجاجات"),
    "Riots": ("#8c564b", "triangle", "أعمال شغب"),
    "Strategic developments": ("#2ca02c", "plus", "تطورات استراتيجية"),
}
_OTHER_STYLE = ("#7f7f7f", "hexagon", "أخرى")

#: [[south, west], [north, east]] of Libya, used when nothing is located.
LIBYA_BOUNDS = [[19.5, 9.3], [33.2, 25.2]]

#: Leaflet version of the online map's CDN files: that of the XStatic-Leaflet package, whose leaflet.js and
#: leaflet.css are byte-identical to npm's dist files (their sha256, WBkoXOwT… and kLaT2GOS…, are the ones
#: Leaflet's download page publishes for 1.9.3), so the Subresource Integrity hashes below are computed from
#: the package files (``tests/test_security.py`` checks them against the installed package).
LEAFLET_VERSION = "1.9.3"
_CDN = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist"
#: (url, SRI hash) of Leaflet's stylesheet and script on the CDN.
LEAFLET_CDN_CSS = (f"{_CDN}/leaflet.css", "sha384-o/2yZuJZWGJ4s/adjxVW71R+EO/LyCwdQfP5UWSgX/w87iiTXuvDZaejd3TsN7mf")
LEAFLET_CDN_JS = (f"{_CDN}/leaflet.js", "sha384-okbbMvvx/qfQkmiQKfd5VifbKZ/W8p1qIsWvE1ROPUfHWsDcC8/BnHohF7vPg2T6")

#: Embedded data larger than this (bytes of JSON) is deflate-compressed + base64.
COMPRESS_ABOVE = 256 * 1024
_SCALE = 1e5  # coordinates are stored as integers of 1e-5 degree (~1 m)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_URL_RE = re.compile(r"^https?://", re.IGNORECASE)
_DATA = Path(__file__).resolve().parents[1] / "data"


# --------------------------------------------------------------------------- input
def _num(v: Any) -> float | None:
    """Float or None (None, "", NaN and non-numbers become None)."""
    if v is None or v == "":
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _int_or_none(v: Any) -> int | None:
    f = _num(v)
    return None if f is None or math.isinf(f) else int(f)


def _str(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return ""
    return str(v)


def records_from(events: Any) -> list[dict]:
    """Normalise the accepted event inputs to a list of property dicts.

    Parameters
    ----------
    events
        A GeoJSON FeatureCollection (dict) of kharita features (:mod:`geo.io.geojson`), a list
        of such features, a list of :class:`geo.events.Event`, a list of event dicts, or a
        (Geo)DataFrame (``geo.io.frame.to_frame``).

    Returns
    -------
    list of dict
        One dict per event with at least ``latitude``/``longitude`` (``None``
        when the feature has no geometry).

    Raises
    ------
    geo.exc.GeoJSONError
        When a dict is not a FeatureCollection (or a Feature), or a feature is malformed.
    """
    from geo.exc import GeoJSONError
    from geo.io.geojson import feature_record, records_of

    if events is None:
        return []
    if hasattr(events, "to_dict") and hasattr(events, "columns"):  # (Geo)DataFrame
        return _records_from_frame(events)
    if isinstance(events, Mapping):
        return records_of(events)  # the GeoJSON codec reads features (copies: the caller's dicts stay as they are)
    from geo.events import EVENT_FIELDS, Event

    out = []
    for k, ev in enumerate(events, start=1):  # features numbered from 1, as read_events numbers them
        if isinstance(ev, Event):  # plain getattr: dataclasses.asdict deep-copies (slow at 100k)
            out.append({f: getattr(ev, f) for f in EVENT_FIELDS})
            continue
        if hasattr(ev, "to_dict") and hasattr(ev, "to_feature"):  # an Event-like object (a FusedEvent)
            out.append(ev.to_dict())
            continue
        if not isinstance(ev, Mapping):
            raise GeoJSONError(f"feature {k}: expected an object, got {type(ev).__name__}")
        out.append(feature_record(ev, k) if ev.get("type") == "Feature" else dict(ev))
    return out


def _records_from_frame(df: Any) -> list[dict]:
    geom_col = getattr(df, "_geometry_column_name", None) if hasattr(df, "geometry") else None
    rows = df.to_dict(orient="records")
    for r in rows:
        g = r.pop(geom_col, None) if geom_col else None
        if g is not None and not getattr(g, "is_empty", True) and getattr(g, "geom_type", "") == "Point":
            r.setdefault("latitude", g.y)
            r.setdefault("longitude", g.x)
            if _num(r.get("latitude")) is None or _num(r.get("longitude")) is None:
                r["latitude"], r["longitude"] = g.y, g.x
        for key, val in list(r.items()):
            if hasattr(val, "isoformat") and not isinstance(val, str):  # pandas Timestamp / date
                r[key] = val.isoformat()[:10] if key == "event_date" else val.isoformat()
    return rows


# --------------------------------------------------------------------------- packing
class _Table:
    """Insertion-ordered de-duplicating table: value -> index."""

    __slots__ = ("rows", "index")

    def __init__(self) -> None:
        self.rows: list = []
        self.index: dict = {}

    def add(self, value) -> int:
        i = self.index.get(value)
        if i is None:
            i = self.index[value] = len(self.rows)
            self.rows.append(value)
        return i


def _parse_wkt_ring(wkt: str) -> list[tuple[float, float]] | None:
    """Exterior ring ``[(lon, lat), ...]`` of a WKT POLYGON (None if not a polygon)."""
    m = re.match(r"^\s*POLYGON\s*\(\s*\(([^()]*)\)", wkt or "", re.IGNORECASE)
    if not m:
        return None
    ring = []
    for pair in m.group(1).split(","):
        parts = pair.split()
        if len(parts) < 2:
            return None
        try:
            x, y = float(parts[0]), float(parts[1])
        except ValueError:
            return None
        if not (-180 <= x <= 180 and -90 <= y <= 90):
            return None
        ring.append((x, y))
    return ring if len(ring) >= 3 else None


def _encode_ring(ring: Sequence[tuple[float, float]]) -> list[int]:
    out, px, py = [], 0, 0
    for x, y in ring:
        ix, iy = round(x * _SCALE), round(y * _SCALE)
        out += [ix - px, iy - py]
        px, py = ix, iy
    return out


def _verdict_colour(verdict: str) -> tuple[str, bool]:
    v = verdict.lower()
    if v.startswith("consistent_by_road") or v.startswith("consistent by road"):
        return "#1b7f9e", False
    if v.startswith(("inconsistent", "contradict", "false", "wrong", "implausible")):
        return "#d73027", True
    if v.startswith(("consistent", "true", "correct", "ok", "match")):
        return "#1a9850", False
    if v.startswith(("rough", "approx", "plausible", "partly", "partial", "loose")):
        return "#f08c00", False
    return "#6f6f6f", True


def _gazetteer_point(place_id: Any) -> tuple[float, float] | None:
    if not isinstance(place_id, str) or not place_id:
        return None
    try:
        from gazetteer import Gazetteer

        p = Gazetteer.default().get(place_id)
    except Exception:  # no gazetteer: the claim is counted as not drawn
        return None
    return None if p is None else (p.lat, p.lon)


def _claim_point(c: Mapping, role: str) -> tuple[float, float] | None:
    """``(lat, lon)`` of a claim's ``subject`` or ``anchor``.

    A claim checked by :func:`geo.claims.check` carries its places' points
    (``<role>_lat``/``<role>_lon`` in :meth:`~geo.claims.CheckedClaim.to_dict`), taken from
    the gazetteer that checked it: they are drawn as they are, with no gazetteer lookup, so
    a claim about a user overlay's place is drawn too.  A subject without a point is drawn
    at the point the claim located it at (``derived_lat``/``derived_lon``), if any.

    Claims files written before the points were serialised lack those keys; only for them
    (:func:`_legacy_claim_point`) is the point looked up again.
    """
    la, lo = f"{role}_lat", f"{role}_lon"
    if la in c or lo in c:
        lat, lon = _num(c.get(la)), _num(c.get(lo))
        if (lat is None or lon is None) and role == "subject":
            lat, lon = _num(c.get("derived_lat")), _num(c.get("derived_lon"))
    else:  # an older claims file, written before claims carried their points: only then look the place up
        lat, lon = _legacy_claim_point(c, role)
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _legacy_claim_point(c: Mapping, role: str) -> tuple[float | None, float | None]:
    """The point of a claim without ``<role>_lat``/``<role>_lon`` (an older claims file, or a hand-made one).

    Accepts ``<role>_latitude``/``<role>_longitude``, a nested ``{"lat", "lon"}`` object, the
    subject's ``derived_lat``/``derived_lon``, or else the *default* gazetteer's point of
    ``<role>_id`` (the old ``to_dict`` gave ids and names only; a place the default gazetteer
    lacks is then not drawn).
    """
    pairs = [(f"{role}_latitude", f"{role}_longitude")]
    if role == "subject":
        pairs.append(("derived_lat", "derived_lon"))
    for la, lo in pairs:
        lat, lon = _num(c.get(la)), _num(c.get(lo))
        if lat is not None and lon is not None:
            return lat, lon
    nested = c.get(role)
    if isinstance(nested, Mapping):
        lat = _num(nested.get("lat", nested.get("latitude")))
        lon = _num(nested.get("lon", nested.get("longitude")))
        if lat is not None and lon is not None:
            return lat, lon
    pt = _gazetteer_point(c.get(f"{role}_id"))
    return pt if pt else (None, None)


def _claim_name(c: Mapping, role: str) -> str:
    for key in (f"{role}_name", f"{role}_name_en", f"{role}_name_ar", role, f"{role}_text"):
        v = c.get(key)
        if isinstance(v, str) and v:
            return v
        if isinstance(v, Mapping):
            for k2 in ("name_en", "name", "name_ar"):
                if v.get(k2):
                    return str(v[k2])
    return ""


def _fmt_km(v: Any) -> str:
    f = _num(v)
    return "—" if f is None else (f"{f:.0f}" if f >= 100 else f"{f:.1f}")


def _pack_claims(claims: Iterable[Mapping] | None) -> tuple[list[dict], int]:
    """Claim lines for the page; returns (drawn, skipped count)."""
    from geo.geodesy import geod

    out, skipped = [], 0
    for c in claims or ():
        if hasattr(c, "to_dict"):
            c = c.to_dict()
        if not isinstance(c, Mapping):
            skipped += 1
            continue
        a, s = _claim_point(c, "anchor"), _claim_point(c, "subject")
        if a is None or s is None:
            skipped += 1
            continue
        verdict = _str(c.get("verdict")) or "unchecked"
        colour, dash = _verdict_colour(verdict)
        pts = geod().npts(a[1], a[0], s[1], s[0], 30) if a != s else []
        path = [a] + [(lat, lon) for lon, lat in pts] + [s]
        figures = [(k, _num(c.get(f))) for k, f in (("claimed", "claimed_km"), ("straight", "geodesic_km"),
                                                      ("road", "road_km"))]
        label = " · ".join([f"{k} {_fmt_km(v)} km" for k, v in figures if v is not None] + [verdict])
        rows = [
            ("Claim", c.get("text") or c.get("claim") or c.get("evidence")),
            ("Subject", _claim_name(c, "subject")),
            ("Anchor", _claim_name(c, "anchor")),
            ("Claimed", f"{_fmt_km(c.get('claimed_km'))} km {_str(c.get('direction'))}".strip()),
            ("Straight line", f"{_fmt_km(c.get('geodesic_km'))} km"),
            ("Road", f"{_fmt_km(c.get('road_km'))} km"),
            ("Bearing", "" if _num(c.get("bearing_deg")) is None else f"{_num(c.get('bearing_deg')):.0f}°"),
            ("Verdict", verdict),
            ("Explanation", c.get("explanation_en") or c.get("explanation")),
            ("الشرح", c.get("explanation_ar")),
        ]
        popup = "<table>" + "".join(
            f"<tr><th>{k}</th><td dir=\"auto\">{escape(v)}</td></tr>" for k, v in rows if _str(v)
        ) + "</table>"
        out.append(
            {
                "a": [round(a[0] * _SCALE), round(a[1] * _SCALE)],
                "s": [round(s[0] * _SCALE), round(s[1] * _SCALE)],
                "path": [[round(la * _SCALE), round(lo * _SCALE)] for la, lo in path],
                "colour": colour,
                "dash": dash,
                "label": escape(label),
                # only claims with a figure keep a permanent label (direction-only claims show it
                # on hover): labels of short, figure-less claims would hide the events they sit on
                "perm": verdict.lower() in ("consistent", "consistent_by_road", "inconsistent")
                and _num(c.get("claimed_km")) is not None,
                "popup": popup,
            }
        )
    return out, skipped


#: Event fields the page carries.
MAP_FIELDS = ("latitude", "longitude", "event_type", "sub_event_type", "actor1", "actor2", "place_name_en",
              "place_name_ar", "admin1", "place_id", "location", "doc_id", "source", "url", "language",
              "event_date", "time_precision", "date_note", "update_time", "evidence", "fatalities", "injuries",
              "geo_precision", "relation", "uncertainty_m", "uncertainty_wkt", "id")


class Columns(dict):
    """Event data as columns: field -> list of values (one per event), every :data:`MAP_FIELDS` key present.

    What :func:`columns_from` returns and :func:`event_map` draws; build it from records, features or an
    Arrow table without going through one dict per event.
    """

    n: int = 0

    @classmethod
    def of(cls, data: Mapping[str, Sequence], n: int) -> "Columns":
        out = cls()
        out.n = n
        none = [None] * n
        for f in MAP_FIELDS:
            col = data.get(f)
            out[f] = none if col is None else (col if isinstance(col, list) else list(col))
        return out


def columns_from(events: Any) -> Columns:
    """Columns of the accepted event inputs (see :func:`records_from`), or ``events`` if already columns."""
    if isinstance(events, Columns):
        return events
    return columns_of_records(records_from(events))


def columns_of_records(records: Sequence[Mapping]) -> Columns:
    """Columns of event records (:func:`records_from`, :func:`geo.io.geojson.loads_collection`)."""
    return Columns.of({f: [r.get(f) for r in records] for f in MAP_FIELDS}, len(records))


def _floats(col: list) -> "Any":
    """numpy float array of a column (None, "", NaN and non-numbers become NaN)."""
    import numpy as np

    try:
        return np.array(col, dtype=float)
    except (TypeError, ValueError):
        return np.array([math.nan if (f := _num(v)) is None else f for v in col], dtype=float)


def _ints(col: list) -> list:
    """Column as ints or None (what :func:`_int_or_none` gives, vectorised)."""
    import numpy as np

    arr = _floats(col)
    if np.isinf(arr).any():
        arr[np.isinf(arr)] = math.nan
    return [None if f != f else int(f) for f in arr.tolist()]


def _pack(records: Any, claims=None, towns: Sequence[tuple] = (), by: str = "type",
          districts: bool = False) -> dict:
    """Columnar, de-duplicated page data of the events (all strings escaped)."""
    import numpy as np

    cols_in = columns_from(records)
    S = _Table()
    seen: dict[Any, int] = {}

    def si(v: Any) -> int:
        i = seen.get(v) if v.__class__ is str else None
        if i is None:
            t = _str(v)
            i = S.add(escape(t)) if t else -1
            if v.__class__ is str:
                seen[v] = i
        return i

    def strings(col: list) -> list[int]:
        uniq = _distinct(col)
        if uniq is None:  # a list or dict in a text field: each as its text
            return [si(v) for v in col]
        if all(v.__class__ is str for v in uniq) and not needs_escape("\x01".join(uniq)):
            m: dict = {}  # si() of each, without escape() calls: none of them has anything to escape
            for v in uniq:
                i = seen.get(v)
                if i is None:
                    i = seen[v] = S.add(v) if v else -1
                m[v] = i
        else:
            m = {v: si(v) for v in uniq}
        return [m[v] for v in col]

    def tuples(table: _Table, make, *columns) -> list[int]:
        keys = list(zip(*columns))
        try:
            m = {k: table.add(make(*k)) for k in dict.fromkeys(keys)}
        except TypeError:  # a list or dict in a text field: as its text
            keys = [tuple(v if v is None or v.__class__ in (str, int, float) else _str(v) for v in k) for k in keys]
            m = {k: table.add(make(*k)) for k in dict.fromkeys(keys)}
        return [m[k] for k in keys]

    types: dict[str, int] = {}
    T: list[dict] = []
    for name, (colour, shape, ar) in EVENT_STYLES.items():
        types[name] = len(T)
        T.append({"name": escape(name), "name_ar": ar, "colour": colour, "shape": shape, "count": 0})

    # ---- which events are drawn
    lat, lon = _floats(cols_in["latitude"]), _floats(cols_in["longitude"])
    with np.errstate(invalid="ignore"):
        missing = np.isnan(lat) | np.isnan(lon)
        ok = ~missing & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    skipped = {"unresolved (no coordinates)": int(missing.sum()), "invalid coordinates": int((~ok & ~missing).sum())}
    keep = np.flatnonzero(ok).tolist()
    whole = len(keep) == cols_in.n
    c = cols_in if whole else {f: [v[k] for k in keep] for f, v in cols_in.items() if v is not None}
    n = len(keep)

    P, Dt, W, G, U = _Table(), _Table(), _Table(), _Table(), _Table()
    dates = sorted({d for d in (_str(v)[:10] for v in dict.fromkeys(cols_in["event_date"])) if _DATE_RE.match(d)})
    date_index = {d: i for i, d in enumerate(dates)}

    def doc_row(doc_id, source, url, language):
        url = _str(url)
        return (si(doc_id), si(source), si(url) if _SAFE_URL_RE.match(url) else -1, si(language or "ar"))

    def when_row(date, tp, note, update):
        date = _str(date)
        return (si(date), _int_or_none(tp) or 1, si(note), si(update), date_index.get(date[:10], -1))

    def geo_row(gp, relation, unc):
        unc = _num(unc)
        return (_int_or_none(gp) or 1, si(relation), 0 if unc is None else round(unc))

    def place_row(en, ar, admin1, pid):
        return (si(en), si(ar), si(admin1), si(pid))

    ts = []
    for et in c["event_type"]:
        et = et if et.__class__ is str else _str(et)
        ti = types.get(et)
        if ti is None:
            ti = types[et] = len(T)
            T.append({"name": escape(et or "Other"), "name_ar": _OTHER_STYLE[2] if not et else "",
                      "colour": _OTHER_STYLE[0], "shape": _OTHER_STYLE[1], "count": 0})
        ts.append(ti)
    for ti, k in zip(*np.unique(np.asarray(ts, dtype=np.int64), return_counts=True)) if ts else ():
        T[int(ti)]["count"] = int(k)
    # a document's source/url/language are taken from its first event
    first_doc: dict[str, int] = {}
    doc_keys = [_str(d) for d in c["doc_id"]]
    for k, d in enumerate(doc_keys):
        first_doc.setdefault(d, k)
    doc_index = {d: Dt.add(doc_row(d, c["source"][k], c["url"][k], c["language"][k])) for d, k in first_doc.items()}
    ds = [doc_index[d] for d in doc_keys]
    doc_counts = np.bincount(np.asarray(ds, dtype=np.int64), minlength=len(Dt.rows)).tolist() if ds else []
    ring_of: dict[str, int | None] = {}
    for wkt in dict.fromkeys(c["uncertainty_wkt"]):
        if wkt and isinstance(wkt, str):
            ring = _parse_wkt_ring(wkt)
            ring_of[wkt] = None if ring is None else U.add(tuple(_encode_ring(ring)))
    cols: dict[str, list] = {
        "y": np.round(lat[keep] * _SCALE).astype(np.int64).tolist(),
        "x": np.round(lon[keep] * _SCALE).astype(np.int64).tolist(),
        "t": ts,
        "k": strings(c["sub_event_type"]),
        "a": strings(c["actor1"]),
        "b": strings(c["actor2"]),
        "p": tuples(P, place_row, c["place_name_en"], c["place_name_ar"], c["admin1"], c["place_id"]),
        "l": strings(c["location"]),
        "d": ds,
        "w": tuples(W, when_row, c["event_date"], c["time_precision"], c["date_note"], c["update_time"]),
        "e": strings(c["evidence"]),
        "f": _ints(c["fatalities"]),
        "j": _ints(c["injuries"]),
        "g": tuples(G, geo_row, c["geo_precision"], c["relation"], c["uncertainty_m"]),
        "i": _escaped_all([_str(v) for v in c["id"]]),
    }
    claim_rows, claims_skipped = _pack_claims(claims)
    if claims_skipped:
        skipped["claims without both points"] = claims_skipped
    skipped_list: list[list[Any]] = [[k, v] for k, v in skipped.items() if v]
    town_rows = [
        [round(lat_ * _SCALE), round(lon_ * _SCALE), si(en), si(ar), rank] for _id, lat_, lon_, en, ar, rank in towns
    ]
    out = {
        "towns": town_rows,
        "n": n,
        "S": S.rows,
        "T": T,
        "P": [list(p) for p in P.rows],
        "D": [list(d) + [doc_counts[k]] for k, d in enumerate(Dt.rows)],
        "W": [list(w) for w in W.rows],
        "G": [list(g) for g in G.rows],
        "U": [list(u) for u in U.rows],
        "C": claim_rows,
        "dates": dates,
        "cols": cols,
        "skipped": skipped_list,
        "skipped_total": sum(v for _, v in skipped_list),
    }
    out["by"] = _colouring(by, cols, out, S)
    if districts:
        stats = district_stats(lat[keep], lon[keep], cols["f"])
        out["districts"] = [[s["events"], s["fatalities"]] for s in stats["districts"]]
        out["districts_outside"] = stats["outside"]
    return out


def _escaped_all(texts: list[str]) -> list[str]:
    """``[escape(t) for t in texts]``: one scan of them all when none has a character to escape (ids)."""
    return [escape(t) for t in texts] if needs_escape("\x01".join(texts)) else texts


def _distinct(col: list) -> list | None:
    """The distinct values of a column in first-seen order, or ``None`` unless all are str/int/float/bool/None."""
    try:
        uniq = list(dict.fromkeys(col))
    except TypeError:
        return None
    return uniq if all(v.__class__ in (str, int, float, bool) or v is None for v in uniq) else None


#: Colours of ``by="actor"`` (the most frequent actors; the rest are grey) and the ramp of ``by="date"``.
ACTOR_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                 "#bcbd22", "#393b79")
DATE_RAMP = ("#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154")  # viridis, early -> late
BY_CHOICES = ("type", "actor", "date")


def _colouring(by: str, cols: dict, data: dict, S: _Table) -> dict:
    """How markers are coloured: by event type (their style), by first actor, or by date."""
    if by not in BY_CHOICES:
        raise ValueError(f"by must be one of {', '.join(BY_CHOICES)}, not {by!r}")
    if by == "actor":
        counts: dict[int, int] = {}
        for a in cols["a"]:
            counts[a] = counts.get(a, 0) + 1
        ranked = sorted((k for k in counts if k >= 0), key=lambda k: (-counts[k], S.rows[k]))
        top = ranked[: len(ACTOR_COLOURS)]
        return {"kind": "actor", "keys": top, "colours": list(ACTOR_COLOURS[: len(top)]),
                "counts": [counts[k] for k in top], "other": len(cols["a"]) - sum(counts[k] for k in top),
                "other_colour": _OTHER_STYLE[0]}
    if by == "date":
        return {"kind": "date", "ramp": list(DATE_RAMP), "undated_colour": _OTHER_STYLE[0]}
    return {"kind": "type"}


# --------------------------------------------------------------------------- assets
def _asset_text(name: str) -> str:
    return (_DATA / "assets" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _basemap() -> dict:
    """The offline basemap (``geo/data/basemap/basemap.json``), district names escaped."""

    doc = dict(basemap_doc())
    doc["districts"] = [dict(d, name_en=escape(d["name_en"]), name_ar=escape(d["name_ar"]), id=escape(d["id"]))
                        for d in doc["districts"]]
    return doc


@lru_cache(maxsize=1)
def _basemap_json() -> str:
    return script_json(_basemap())


def _decode_ring(enc: Sequence[int], scale: float) -> "Any":
    import numpy as np

    return np.cumsum(np.asarray(enc, dtype=np.int64).reshape(-1, 2), axis=0) / scale


@lru_cache(maxsize=1)
def district_polygons() -> tuple:
    """``((id, name_en, name_ar, shapely MultiPolygon), ...)`` of the 22 districts, as the basemap draws them."""

    from shapely.geometry import MultiPolygon, Polygon

    doc = basemap_doc()
    out = []
    for d in doc["districts"]:
        polys = [Polygon(_decode_ring(p[0], doc["scale"]), [_decode_ring(r, doc["scale"]) for r in p[1:]])
                 for p in d["polys"]]
        out.append((d["id"], d["name_en"], d["name_ar"], MultiPolygon(polys)))
    return tuple(out)


def district_stats(lat: Any, lon: Any, fatalities: Sequence[int | None] | None = None) -> dict:
    """Events and reported fatalities per district polygon of the basemap.

    Parameters
    ----------
    lat, lon
        Event coordinates (sequences or arrays of the same length).
    fatalities
        Deaths per event (``None`` = not reported, counted as 0).

    Returns
    -------
    dict
        ``{"districts": [{"id", "name_en", "name_ar", "events", "fatalities"}, ...], "outside": n}``
        in basemap order; ``outside`` counts events in no district (abroad, at sea).
    """
    import numpy as np
    import shapely

    lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
    fat = np.zeros(len(lat)) if fatalities is None else np.array(
        [0 if f is None else f for f in fatalities], dtype=float)
    which = np.full(len(lat), -1, dtype=np.int64)
    for k, (_id, _en, _ar, geom) in enumerate(district_polygons()):
        todo = which < 0
        if not todo.any():
            break
        shapely.prepare(geom)
        inside = np.zeros(len(lat), dtype=bool)
        inside[todo] = shapely.contains_xy(geom, lon[todo], lat[todo])
        which[inside] = k
    rows = []
    for k, (id_, en, ar, _geom) in enumerate(district_polygons()):
        sel = which == k
        rows.append({"id": id_, "name_en": en, "name_ar": ar, "events": int(sel.sum()),
                     "fatalities": int(fat[sel].sum())})
    return {"districts": rows, "outside": int((which < 0).sum())}


#: (minimum zoom of a town's label, minimum distance in km to labels already shown at that zoom)
_LABEL_LEVELS = ((0, 120.0), (8, 35.0), (10, 0.0))


def _label_levels(towns: Sequence[tuple]) -> list[int]:
    """Zoom from which each town's label is shown: greedy by prominence, no crowding.

    ``towns`` rows are ``(priority, lat, lon, ...)``, most prominent first.  A town
    is labelled at the lowest level whose spacing (geodesic km) it respects.
    """
    from geo.geodesy import inverse_km

    levels: list[int] = []
    for k, t in enumerate(towns):
        for z, min_km in _LABEL_LEVELS:
            others = [j for j in range(k) if levels[j] <= z]
            if not others or min_km <= 0:
                levels.append(z)
                break
            d, _ = inverse_km([t[1]] * len(others), [t[2]] * len(others),
                              [towns[j][1] for j in others], [towns[j][2] for j in others])
            if float(min(d)) >= min_km:
                levels.append(z)
                break
    return levels


@lru_cache(maxsize=1)
def _basemap_towns() -> tuple[tuple, ...]:
    """Libyan capital, cities and towns from the gazetteer as ``(id, lat, lon, en, ar, label_zoom)``.

    Returns ``()`` when the gazetteer is unavailable (the map still draws without towns).
    """
    try:
        from gazetteer import Gazetteer

        places = Gazetteer.default().places
    except Exception:  # optional layer: never let it break a map
        return ()
    rank = {"capital": 0, "city": 1, "town": 2}
    chosen = sorted(
        (rank[p.feature_type], -(p.population or 0), p.id, p)
        for p in places
        if p.feature_type in rank and p.country == "LY"
    )
    rows = [(r, p.lat, p.lon, p) for r, _pop, _id, p in chosen]
    levels = _label_levels(rows)
    out = [(p.id, p.lat, p.lon, p.name_en, p.name_ar, z) for (_r, _la, _lo, p), z in zip(rows, levels)]
    return tuple(sorted(out))


#: Leaflet's files inlined (one implementation, shared with the review page: :mod:`geo.maps.offline`).
_leaflet_inline = leaflet_inline

#: Names that moved to :mod:`geo.maps.page` (the folium elements), still served from here.
_PAGE_NAMES = frozenset({"_Raw", "_Assets", "_EventLayer", "_stabilise", "_render"})


def __getattr__(name: str) -> Any:
    if name in _PAGE_NAMES:
        from geo.maps import page

        return getattr(page, name)
    raise AttributeError(f"module 'geo.maps.core' has no attribute {name!r}")


def _payload(data: dict, compress: bool | None) -> str:
    """The page data as :func:`~geo.maps.html.script_json` text, deflated (``{"z": base64}``) when
    ``compress``, or when ``None`` and the text is larger than :data:`COMPRESS_ABOVE`.

    A text to deflate is guarded on its UTF-8 bytes (:func:`~geo.maps.html.guard_script_utf8`): the same
    bytes as ``script_json(data).encode()``, without five passes over a 20 MB ``str``.
    """
    raw = unguarded_json(data)
    if compress or (compress is None and len(raw) > COMPRESS_ABOVE):  # (guarding only lengthens it)
        return _deflated(guard_script_utf8(raw.encode("utf-8")))
    text = guard_script(raw)
    if compress is None and len(text) > COMPRESS_ABOVE:
        return _deflated(text.encode("utf-8"))
    return text


#: bytes per piece of a parallel deflate (:func:`deflate`); fixed, so the stream does not depend on the cores
DEFLATE_PIECE = 1 << 22


def deflate(data: bytes, level: int = 5, *, piece: int = DEFLATE_PIECE, workers: int | None = None) -> bytes:
    """``data`` as one zlib stream (RFC 1950), its pieces deflated on several threads, the way pigz does.

    Each piece of ``piece`` bytes is deflated with the 32 KB before it as its dictionary and ends on a
    sync flush, so the pieces join into one stream that any inflater (``zlib.decompress``, the browser's
    ``DecompressionStream("deflate")``) reads, a few bytes per piece larger than one pass. zlib releases
    the GIL while it deflates, so two cores take about half the time. The bytes depend on ``level`` and
    ``piece`` only, never on ``workers``; data of one piece is exactly ``zlib.compress(data, level)``.
    """
    if len(data) <= piece:
        return zlib.compress(data, level)
    starts = range(0, len(data), piece)
    last = starts[-1]

    def one(start: int) -> bytes:
        c = (zlib.compressobj(level, zlib.DEFLATED, -15, zdict=data[max(0, start - 32768):start]) if start
             else zlib.compressobj(level, zlib.DEFLATED, -15))
        return c.compress(data[start:start + piece]) + c.flush(zlib.Z_FINISH if start == last else zlib.Z_SYNC_FLUSH)

    n = workers or min(len(starts), len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else
                       (os.cpu_count() or 1))
    if n > 1:
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(n) as pool:
            body = b"".join(pool.map(one, starts))
    else:
        body = b"".join(map(one, starts))
    # the zlib header of zlib.compress at this level (FLEVEL from the level, no dictionary), then the checksum
    flevel = 0 if level < 2 else 1 if level < 6 else 2 if level == 6 else 3
    cmf, flg = 0x78, flevel << 6
    flg |= 31 - (cmf * 256 + flg) % 31
    return bytes((cmf, flg)) + body + zlib.adler32(data).to_bytes(4, "big")


def _deflated(data: bytes) -> str:
    z = deflate(data, 5, piece=DEFLATE_PIECE)  # level 5: 7 % larger than level 6 in half the time
    # script_json({"z": ...}) written out: base64 has no character that JSON or the guard would escape
    return '{"z":"' + base64.b64encode(z).decode("ascii") + '"}'


def _cdn_leaflet() -> str:
    """``<link>``/``<script>`` of Leaflet on the CDN, with Subresource Integrity."""
    (css, css_sri), (js, js_sri) = LEAFLET_CDN_CSS, LEAFLET_CDN_JS
    return (f'<link rel="stylesheet" href="{css}" integrity="{css_sri}" crossorigin="anonymous">\n'
            f'<script src="{js}" integrity="{js_sri}" crossorigin="anonymous"></script>\n')


def _assets_head(offline: bool, heat: bool) -> str:
    """The page header block: Leaflet (inlined offline, from the CDN with SRI online), kharita's own JS/CSS
    and, for a density layer, Leaflet.heat (inlined: it is shipped in ``geo/data/assets``)."""
    head = _leaflet_inline() if offline else _cdn_leaflet()
    if heat:
        head += f"<script>{_asset_text('leaflet-heat.js')}</script>\n"
    head += f"<style>{_asset_text('kharita.css')}</style>\n<script>{_asset_text('kharita.js')}</script>\n"
    return head.removesuffix("\n")  # as a template gave it


def _layer_markup(uid: str, map_name: str, payload: str, options: Mapping[str, Any],
                  basemap: bool) -> tuple[str, str | None, str]:
    """``(data element, basemap element or None, draw call)`` of the event layer ``uid`` on map ``map_name``."""
    data_html = f'<script type="application/json" id="{uid}-data">{payload}</script>'
    opts = dict(options, uid=uid)
    base_html = None
    if basemap:
        base_html = f'<script type="application/json" id="{uid}-basemap">{_basemap_json()}</script>'
        opts["basemap_id"] = uid + "-basemap"
    return data_html, base_html, f"kharitaDraw({map_name}, {script_json(uid + '-data')}, {script_json(opts)});"


def _page_data(events: Any, claims: Iterable[Mapping] | None, offline: bool, time_slider: bool | None,
               title: str | None, compress: bool | None, by: str, heat: bool,
               choropleth: str | None) -> tuple[str, dict[str, Any]]:
    """The event layer's payload text and ``kharitaDraw`` options (what :func:`event_map` embeds)."""
    if choropleth not in (None, "events", "fatalities"):
        raise ValueError(f"choropleth must be 'events' or 'fatalities', not {choropleth!r}")
    data = _pack(events, claims, _basemap_towns() if offline else (), by=by, districts=choropleth is not None)
    text = _payload(data, compress)
    options: dict[str, Any] = {
        "title": escape(title) if title else "",
        "time_slider": time_slider,
        "radius": 6,
        "max_areas_shown": 2000,
        "max_claim_labels": 20,
        "max_doc_layers": 30,
        "max_expanded_overlays": 14,
        "max_fit_zoom": 12,
        "default_bounds": LIBYA_BOUNDS,
        "offline": offline,
    }
    if heat:
        options["heat"] = {"radius": 18, "blur": 15, "markers_above": 2000}
    if choropleth:
        options["choropleth"] = choropleth
    return text, options


# --------------------------------------------------------------------------- API
def event_map(
    events: Any,
    *,
    claims: Iterable[Mapping] | None = None,
    m: folium.Map | None = None,
    offline: bool = False,
    time_slider: bool | None = None,
    title: str | None = None,
    compress: bool | None = None,
    by: str = "type",
    heat: bool = False,
    choropleth: str | None = None,
) -> folium.Map:
    """Draw events (and checked distance claims) on a Leaflet map.

    Parameters
    ----------
    events
        FeatureCollection of kharita features (:mod:`geo.io.geojson`), list of
        :class:`geo.events.Event`, list of event dicts, an event GeoDataFrame,
        or :class:`Columns`.  Events without coordinates are not drawn but
        counted in the legend note.
    claims
        ``CheckedClaim.to_dict()`` records: each draws the anchor→subject line
        labelled with claimed, straight-line and road kilometres, coloured by verdict.
    m
        An existing map to draw on (its CDN links are removed when ``offline``).
    offline
        Inline every script, stylesheet and image, use no tile server and draw
        the bundled basemap (1:10m land, borders, the 22 districts labelled in
        Arabic and English, gazetteer towns) instead.
    time_slider
        Date range filter: ``None`` = when the events span more than one day.
    title
        Title of the page and the legend (escaped).
    compress
        Deflate the embedded data (``None`` = when it exceeds ``COMPRESS_ABOVE``).
    by
        Marker colour: ``"type"`` (event type, the default), ``"actor"`` (the ten
        most frequent first actors) or ``"date"`` (a ramp from first to last date).
        The marker shape always tells the event type.
    heat
        Add a density (heat) layer of the events (Leaflet.heat, inlined).  Over
        2,000 events the markers then start hidden (a layer switch shows them).
    choropleth
        ``"events"`` or ``"fatalities"``: shade the 22 district polygons by that
        count (both are in each district's tooltip and the switch).

    Returns
    -------
    folium.Map
        The map (``m`` if given).
    """
    text, options = _page_data(events, claims, offline, time_slider, title, compress, by, heat, choropleth)
    from branca.element import Figure

    from geo.maps.page import _Assets, _EventLayer, folium

    if m is None:
        m = folium.Map(
            location=[27.0, 17.5],
            zoom_start=6,
            tiles=None if offline else "OpenStreetMap",
            prefer_canvas=True,
            control_scale=True,
        )
    if offline:
        m.default_js = []
        m.default_css = []
        for key, child in list(m._children.items()):
            if isinstance(child, folium.TileLayer):
                del m._children[key]
    else:  # Leaflet comes from _Assets, with Subresource Integrity (folium's links have none)
        m.default_js = []
        m.default_css = []
    fig = m.get_root()
    if title and isinstance(fig, Figure):
        fig.title = escape(title)
    if "kharita_assets" not in m._children:
        m.add_child(_Assets(offline, heat), name="kharita_assets")
    else:
        assets = cast(_Assets, m._children["kharita_assets"])
        assets.offline, assets.heat = assets.offline or offline, assets.heat or heat
    m.add_child(_EventLayer(text, options, basemap=offline or choropleth is not None))
    return m


def render_html(events: Any, **kwargs: Any) -> str:
    """HTML text of :func:`event_map` (same keywords); byte-identical for the same input.

    A new map (no ``m``) is written without folium (:func:`_quick_html`: the same bytes, without importing
    folium and compiling its templates) when the installed folium and branca are the versions it reproduces.
    """
    html = None if "m" in kwargs else _quick_html(events, **kwargs)
    if html is not None:
        return html
    from geo.maps.page import _render

    return _render(event_map(events, **kwargs))


#: Versions of the packages whose page :func:`_quick_html` reproduces byte for byte (the page skeleton is
#: folium's ``Map`` and branca's ``Figure`` templates; the online tile layer is xyzservices' OpenStreetMap).
#: With any other version installed, pages are rendered by folium (``tests/test_maps.py`` compares both).
QUICK_PAGE_VERSIONS = {"folium": "0.20.0", "branca": "0.8.2"}
QUICK_TILES_VERSIONS = {"xyzservices": "2026.9.1"}


@lru_cache(maxsize=None)
def _installed_version(dist: str) -> str | None:
    """Version of an installed distribution, from its ``.dist-info`` folder name (no import, no metadata scan
    of every distribution); ``None`` when not found."""
    import importlib.util

    spec = importlib.util.find_spec(dist)
    if spec is None or not spec.submodule_search_locations:
        return None
    site = Path(next(iter(spec.submodule_search_locations))).parent
    found = [p.name[len(dist) + 1: -len(".dist-info")] for p in site.glob(f"{dist}-*.dist-info")]
    return found[0] if len(found) == 1 else None


def _quick_ok(offline: bool) -> bool:
    wanted = QUICK_PAGE_VERSIONS if offline else {**QUICK_PAGE_VERSIONS, **QUICK_TILES_VERSIONS}
    return all(_installed_version(d) == v for d, v in wanted.items())


#: folium 0.20's page around a new ``folium.Map(location=[27.0, 17.5], zoom_start=6, prefer_canvas=True,
#: control_scale=True)`` as :func:`geo.maps.page._render` gives it (ids in tree order, trailing spaces cut).
_QUICK_HEAD = """    <meta http-equiv="content-type" content="text/html; charset=UTF-8" />

            <meta name="viewport" content="width=device-width,
                initial-scale=1.0, maximum-scale=1.0, user-scalable=no" />
            <style>
                #map_0001 {
                    position: relative;
                    width: 100.0%;
                    height: 100.0%;
                    left: 0.0%;
                    top: 0.0%;
                }
                .leaflet-container { font-size: 1rem; }
            </style>

            <style>html, body {
                width: 100%;
                height: 100%;
                margin: 0;
                padding: 0;
            }
            </style>

            <style>#map {
                position:absolute;
                top:0;
                bottom:0;
                right:0;
                left:0;
                }
            </style>

            <script>
                L_NO_TOUCH = false;
                L_DISABLE_3D = false;
            </script>


"""
_QUICK_BODY = """</head>
<body>


            <div class="folium-map" id="map_0001" ></div>

"""
_QUICK_MAP = """</body>
<script>


            var map_0001 = L.map(
                "map_0001",
                {
                    center: [27.0, 17.5],
                    crs: L.CRS.EPSG3857,
                    ...{
  "zoom": 6,
  "zoomControl": true,
  "preferCanvas": true,
}

                }
            );
            L.control.scale().addTo(map_0001);



"""
_QUICK_TILES = """

            var tile_layer_0002 = L.tileLayer(
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                {
  "minZoom": 0,
  "maxZoom": 19,
  "maxNativeZoom": 19,
  "noWrap": false,
  "attribution": "\\u0026copy; \\u003ca href=\\"https://www.openstreetmap.org/copyright\\"\\u003eOpenStreetMap\\u003c/a\\u003e contributors",
  "subdomains": "abc",
  "detectRetina": false,
  "tms": false,
  "opacity": 1,
}

            );


            tile_layer_0002.addTo(map_0001);
"""


def _quick_html(events: Any, *, claims: Iterable[Mapping] | None = None, offline: bool = False,
                time_slider: bool | None = None, title: str | None = None, compress: bool | None = None,
                by: str = "type", heat: bool = False, choropleth: str | None = None) -> str | None:
    """The page of :func:`render_html` for a new map, written without folium; ``None`` (nothing done) when
    the installed folium/branca (xyzservices online) are not :data:`QUICK_PAGE_VERSIONS`."""
    if not _quick_ok(offline):
        return None
    text, options = _page_data(events, claims, offline, time_slider, title, compress, by, heat, choropleth)
    # tree order of the map's elements: figure 0000, map 0001, [tile layer 0002,] assets, event layer
    uid = "kharita_events_0003" if offline else "kharita_events_0004"
    data_html, base_html, draw = _layer_markup(uid, "map_0001", text, options, offline or choropleth is not None)
    parts = ["<!DOCTYPE html>\n<html>\n<head>\n", f"<title>{escape(title)}</title>\n" if title else "\n",
             _QUICK_HEAD, "    ", _assets_head(offline, heat), "\n", _QUICK_BODY, "    ", data_html, "\n"]
    if base_html is not None:
        parts += ["    ", base_html, "\n"]
    parts += [_QUICK_MAP, "" if offline else _QUICK_TILES, "\n    ", draw, "\n</script>\n</html>\n"]
    html = "".join(parts)
    return "\n".join(line.rstrip() for line in html.splitlines()) + "\n"  # as geo.maps.page._render cuts them


def save_map(m: folium.Map, path: str | os.PathLike) -> Path:
    """Write the map as UTF-8 by the rule of :mod:`geo.io.outputs`; returns the path.

    A file is written atomically (temp file + rename; a symlink is followed),
    a FIFO or device in place, and ``-`` goes to standard output.
    """
    from geo.maps.page import _render

    html = _render(m)
    write_text(path, html)
    return Path(path)
