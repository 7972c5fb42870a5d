"""Verdicts on spatial claims: :func:`check` (one claim) and :func:`check_arrays` (millions).

Checking (:func:`check`)
    Geodesic distance and initial bearing anchor→subject (:func:`geo.geodesy.inverse_km`),
    the road estimate (:func:`geo.claims.roads.road_km`), and a verdict: ``consistent``,
    ``consistent_by_road``, ``inconsistent`` or ``unverifiable``, with a one-line
    explanation in English and Arabic.  All tolerances live in :class:`Tolerances`.

    Distance and direction verdicts come from one vectorised kernel
    (``_verdict_kernel``), which :func:`check` calls on one row and
    :func:`check_arrays` on millions: the two cannot disagree.  "Near" has one
    rule too, :func:`near_limit_km` (measured from the anchor's edge), which
    :func:`geo.relative.locate` and :func:`geo.pytest_plugin.assert_near` call.

    Vague distances from a continent are checked against a documented point set
    (:data:`NEAREST_POINT_SETS`: Europe's points nearest Libya — Lampedusa, Malta,
    Sicily, Crete — when the gazetteer has them); otherwise they are unverifiable.

    When the subject is unknown the claim *locates* it: a derived point
    (:func:`geo.geodesy.destination`) and an uncertainty polygon (WKT).

Vectorised checks (:func:`check_arrays`, :func:`check_frame`) use numpy and
one ``Geod.inv`` call; without per-row road estimates they take
:data:`geo.claims.roads.FALLBACK_FACTOR` × geodesic as the road figure.  A hedge
reaches them as ``hedged`` (wider tolerance) and ``bound`` (:func:`hedge_bound`:
"more than" / "less than").

Claims come from :func:`geo.claims.parse.parse`.  Nothing here imports geopandas, folium or shapely.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np

from gazetteer.model import Place
from gazetteer.normalize import is_arabic
from geo.claims.parse import Claim, _default_gazetteer, parse
from geo.nearness import FEATURE_RADIUS_KM, NEAR_KM, NEAR_PRECISION_FACTOR, extent_km, near_limit_km
from geo.nearness import precision_km as _prec_km
from geo.geodesy import (
    bearing_to_compass,
    circle_lonlat,
    compass_to_bearing,
    destination,
    inverse_km,
    ring_to_wkt,
    sector_lonlat,
)

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = [
    "CheckedClaim",
    "Tolerances",
    "VERDICTS",
    "NEAREST_POINT_SETS",
    "FEATURE_RADIUS_KM",
    "check",
    "check_all",
    "check_arrays",
    "check_frame",
    "check_text",
    "extent_km",
    "hedge_bound",
    "near_limit_km",
]

VERDICTS = ("consistent", "consistent_by_road", "inconsistent", "unverifiable")
#: Verdict codes of :func:`check_arrays` (index into :data:`VERDICTS`).
CODE = {v: i for i, v in enumerate(VERDICTS)}

#: Anchor types with no meaningful point: distance/direction from them is unverifiable
#: unless a point set is documented for them.
AREAL_TYPES = frozenset({"continent", "region", "sea", "country", "district"})

#: Documented point sets for vague distances from areal anchors: the anchor's
#: ``name_en`` → names looked up in the gazetteer; the distance is measured to the
#: nearest of the points found.  Europe: the European land nearest Libya.
NEAREST_POINT_SETS: dict[str, tuple[str, ...]] = {
    "Europe": ("Lampedusa", "Malta", "Valletta", "Sicily", "Syracuse", "Crete", "Gavdos"),
}


@dataclass(frozen=True)
class Tolerances:
    """Every tolerance of the claim checker, with its default.

    Attributes
    ----------
    distance_rel
        Relative tolerance of a plain distance (±15 %).
    distance_rel_hedged
        Relative tolerance when hedged («نحو», "about": ±25 %).
    accept_between
        Also accept a claimed distance between the geodesic and the road estimate.
    abs_km
        Absolute slack added to every distance tolerance (rounding of small figures).
    direction_half_width_deg
        A claimed 8-wind direction accepts bearings within ± this of its centre
        (67.5°: a news "east" covers ENE…ESE and more).
    near_km, near_precision_factor
        "near": within ``max(near_km, near_precision_factor × precision)`` of the anchor's
        edge (its extent: the larger of its precision and a feature-type radius, e.g. 10 km
        for a city).
    centre_fraction
        «وسط», "central": within this fraction of the anchor's extent.
    derived_half_width_deg
        Half width of the sector drawn for a point located by a claim (one 8-wind sector).
    """

    distance_rel: float = 0.15
    distance_rel_hedged: float = 0.25
    accept_between: bool = True
    abs_km: float = 2.0
    direction_half_width_deg: float = 67.5
    near_km: float = NEAR_KM
    near_precision_factor: float = NEAR_PRECISION_FACTOR
    centre_fraction: float = 0.5
    derived_half_width_deg: float = 22.5

    def distance_tolerance(self, hedge: str | None) -> float:
        """Relative distance tolerance for a claim with or without a hedge."""
        return self.distance_rel_hedged if hedge else self.distance_rel


@dataclass(frozen=True)
class CheckedClaim:
    """A claim with its measured figures and verdict.

    ``tolerance`` describes what was accepted (e.g. ``"±25 % (hedged), E ±67.5°"``).
    ``derived_*`` are set when the claim locates an unknown subject.
    ``subject_lat``/``subject_lon`` and ``anchor_lat``/``anchor_lon`` are the points of the
    places the claim was checked against (``None`` when the place is unknown), taken from
    the gazetteer that checked it, so a map draws the claim without looking its places up
    again (a user overlay's place is drawn too).
    """

    claim: Claim
    verdict: str
    claimed_km: float | None = None
    geodesic_km: float | None = None
    road_km: float | None = None
    road_method: str | None = None
    bearing_deg: float | None = None
    direction: str | None = None
    measured_direction: str | None = None
    tolerance: str = ""
    explanation: str = ""
    explanation_en: str = ""
    explanation_ar: str = ""
    derived_lat: float | None = None
    derived_lon: float | None = None
    derived_wkt: str | None = None
    subject_lat: float | None = None
    subject_lon: float | None = None
    anchor_lat: float | None = None
    anchor_lon: float | None = None

    def to_dict(self) -> dict:
        """JSON-ready dict with sorted keys (figures rounded to 0.1 km / 0.1°; the places' points exact)."""
        c = self.claim

        def r(v: float | None) -> float | None:
            return None if v is None else round(float(v), 1)

        d = {
            "anchor": c.anchor.name_en if c.anchor else None,
            "anchor_id": c.anchor.id if c.anchor else None,
            "anchor_lat": self.anchor_lat,
            "anchor_lon": self.anchor_lon,
            "anchor_text": c.anchor_text,
            "bearing_deg": r(self.bearing_deg),
            "claimed_km": r(self.claimed_km),
            "derived_lat": None if self.derived_lat is None else round(self.derived_lat, 6),
            "derived_lon": None if self.derived_lon is None else round(self.derived_lon, 6),
            "derived_wkt": self.derived_wkt,
            "direction": self.direction,
            "end": c.end,
            "explanation": self.explanation,
            "explanation_ar": self.explanation_ar,
            "explanation_en": self.explanation_en,
            "geodesic_km": r(self.geodesic_km),
            "hedge": c.hedge,
            "kind": c.kind,
            "language": c.language,
            "measured_direction": self.measured_direction,
            "road_km": r(self.road_km),
            "road_method": self.road_method,
            "start": c.start,
            "subject": c.subject.name_en if c.subject else None,
            "subject_id": c.subject.id if c.subject else None,
            "subject_lat": self.subject_lat,
            "subject_lon": self.subject_lon,
            "subject_text": c.subject_text,
            "text": c.text,
            "tolerance": self.tolerance,
            "verdict": self.verdict,
        }
        return dict(sorted(d.items()))


# --------------------------------------------------------------------------- check

_AR_COMPASS = {
    "N": "شمال", "NE": "شمال شرق", "E": "شرق", "SE": "جنوب شرق", "S": "جنوب", "SW": "جنوب غرب",
    "W": "غرب", "NW": "شمال غرب", "C": "وسط",
}
_EN_COMPASS = {
    "N": "north", "NE": "north-east", "E": "east", "SE": "south-east", "S": "south", "SW": "south-west",
    "W": "west", "NW": "north-west", "C": "centre",
}
_HEDGE_EN_OF = {
    "نحو": "about", "حوالي": "about", "قرابه": "nearly", "زهاء": "some", "اكثر من": "more than",
    "اقل من": "less than", "ما يقارب": "nearly", "ما يزيد عن": "more than", "ما يزيد علي": "more than",
    "ما لا يقل عن": "at least",
}
_HEDGE_AR_OF = {
    "about": "نحو", "some": "زهاء", "nearly": "قرابة", "around": "حوالي", "roughly": "حوالي",
    "approximately": "حوالي", "almost": "قرابة", "more than": "أكثر من", "less than": "أقل من", "over": "أكثر من",
    "under": "أقل من", "at least": "ما لا يقل عن", "up to": "حتى", "just over": "أكثر بقليل من",
    "just under": "أقل بقليل من", "an estimated": "نحو",
}
_AR_VERDICT = {
    "consistent": "متسق", "consistent_by_road": "متسق بمسافة الطريق", "inconsistent": "غير متسق",
    "unverifiable": "لا يمكن التحقق",
}
_EN_VERDICT = {
    "consistent": "consistent", "consistent_by_road": "consistent by road", "inconsistent": "inconsistent",
    "unverifiable": "unverifiable",
}


def _name(p: Place | None, text: str, lang: str) -> str:
    if lang == "ar" and text and is_arabic(text):
        return text  # as written in the article
    if p is None:
        return text or ("?" if lang == "en" else "؟")
    if lang == "ar":
        return p.name_ar or p.name_en
    return p.name_en or p.name_ar


def _fmt(v: float | None) -> str:
    return "?" if v is None else f"{v:.0f}"


def _point_set(anchor: Place, gaz: Gazetteer) -> list[Place]:
    names = NEAREST_POINT_SETS.get(anchor.name_en, ())
    pts: dict[str, Place] = {}
    for nm in names:
        for cand in gaz.lookup(nm, limit=3):
            p = cand.place
            if cand.how in ("exact", "variant") and p.feature_type not in ("continent", "sea") and p.id != anchor.id:
                pts.setdefault(p.id, p)
                break
    return list(pts.values())


# --------------------------------------------------------------------------- the verdict kernel

#: Hedges that make a stated distance a lower bound ("more than 100 km") …
LOWER_BOUND_HEDGES = frozenset({"more than", "over", "at least", "just over", "اكثر من", "ما يزيد عن", "ما يزيد علي",
                                "ما لا يقل عن"})
#: … or an upper bound ("less than 50 km").  Every other hedge ("about", «نحو») widens a point figure.
UPPER_BOUND_HEDGES = frozenset({"less than", "under", "up to", "just under", "اقل من"})


def hedge_bound(hedge: str | None) -> int:
    """How a hedge reads a distance figure: ``1`` lower bound, ``-1`` upper bound, ``0`` a point figure.

    Parameters
    ----------
    hedge
        The claim's hedge as parsed (folded Arabic or English), or None.

    Returns
    -------
    int
        The ``bound`` code that :func:`check_arrays` takes.
    """
    h = (hedge or "").lower()
    return 1 if h in LOWER_BOUND_HEDGES else -1 if h in UPPER_BOUND_HEDGES else 0


#: Direction states of the kernel: no direction claimed (or nothing measured), too close to
#: measure a bearing, bearing within the tolerance, bearing beyond it.
DIR_NONE, DIR_TOO_CLOSE, DIR_AGREES, DIR_OFF = 0, 1, 2, 3

#: Outcomes of the verdict kernel, by code: (verdict, reason in English, reason in Arabic).
#: ``{tolerance_km}`` is filled in by :func:`check`.
OUTCOMES: tuple[tuple[str, str, str], ...] = (
    ("unverifiable", "nothing to measure", "لا شيء يقاس"),
    ("unverifiable", "too close to measure a direction", "المسافة أقصر من أن يقاس الاتجاه"),
    ("consistent", "the direction agrees", "الاتجاه يوافق"),
    ("inconsistent", "the direction disagrees", "الاتجاه لا يوافق"),
    ("consistent", "straight line agrees (lower bound)", "الخط المستقيم يوافق (حد أدنى)"),
    ("consistent_by_road", "road estimate agrees (lower bound)", "مسافة الطريق توافق (حد أدنى)"),
    ("inconsistent", "both figures are below the bound", "المسافتان أقل من الحد"),
    ("consistent_by_road", "within the bound", "ضمن الحد"),
    ("consistent", "within the bound", "ضمن الحد"),
    ("inconsistent", "straight line exceeds the bound", "الخط المستقيم يتجاوز الحد"),
    ("consistent_by_road", "the road estimate fits best", "مسافة الطريق هي الأقرب"),
    ("consistent", "the straight line fits", "الخط المستقيم يوافق"),
    ("consistent_by_road", "between straight line and road estimate", "بين الخط المستقيم ومسافة الطريق"),
    ("inconsistent", "off by more than {tolerance_km:.0f} km", "الفرق يتجاوز {tolerance_km:.0f} كم"),
)
_OUTCOME_VERDICT = np.array([CODE[v] for v, _en, _ar in OUTCOMES], dtype=np.int8)
(_NOTHING, _TOO_CLOSE, _DIR_AGREES, _DIR_OFF, _LOWER_GEO, _LOWER_ROAD, _LOWER_BELOW, _UPPER_ROAD, _UPPER_WITHIN,
 _UPPER_EXCEEDS, _ROAD_FITS, _GEO_FITS, _BETWEEN, _OFF) = range(len(OUTCOMES))


@dataclass(frozen=True)
class _Verdicts:
    """What the kernel returns, one array entry per row."""

    code: np.ndarray  # int8 index into VERDICTS
    outcome: np.ndarray  # int8 index into OUTCOMES (the distance or direction reason)
    direction_state: np.ndarray  # int8 DIR_* state of a claimed direction
    direction_off_deg: np.ndarray  # |measured − claimed bearing| (NaN: no direction claimed)
    tolerance_km: np.ndarray  # the accepted error on the figure


def _verdict_kernel(
    geodesic_km: np.ndarray,
    bearing_deg: np.ndarray,
    claimed_km: np.ndarray,
    claimed_bearing_deg: np.ndarray,
    road_km: np.ndarray,
    rel_tolerance: np.ndarray | float,
    slack_km: np.ndarray | float,
    bound: np.ndarray | int,
    tolerances: Tolerances,
) -> _Verdicts:
    """The one distance/direction verdict, over arrays: :func:`check` and :func:`check_arrays` both call it.

    Parameters
    ----------
    geodesic_km, bearing_deg
        Measured straight-line distance and initial bearing anchor→subject (NaN: not measurable).
    claimed_km
        The stated figure (NaN: no figure, a direction-only claim).
    claimed_bearing_deg
        Centre of the stated direction (NaN: none).
    road_km
        Road estimate (NaN: none known).
    rel_tolerance
        Relative tolerance of the figure (:meth:`Tolerances.distance_tolerance`).
    slack_km
        Absolute slack: ``abs_km`` plus the uncertainty of both points.  Also the distance under
        which no direction is measured.
    bound
        :func:`hedge_bound` codes: ``1`` "more than", ``-1`` "less than", ``0`` a point figure.
    tolerances
        ``direction_half_width_deg`` and ``accept_between`` (:class:`Tolerances`).

    Returns
    -------
    _Verdicts
        Verdict codes (:data:`CODE`), outcome codes (:data:`OUTCOMES`), direction states
        (``DIR_*``), direction error (deg) and the tolerance on the figure (km).
    """
    t = tolerances
    measured = np.isfinite(geodesic_km)
    has_km = np.isfinite(claimed_km)
    direction_off_deg = np.abs(np.mod(bearing_deg - claimed_bearing_deg + 180.0, 360.0) - 180.0)
    too_close = geodesic_km <= slack_km
    direction_state = np.where(
        measured & np.isfinite(claimed_bearing_deg),
        np.where(too_close, DIR_TOO_CLOSE, np.where(direction_off_deg > t.direction_half_width_deg, DIR_OFF, DIR_AGREES)),
        DIR_NONE,
    ).astype(np.int8)
    tolerance_km = rel_tolerance * np.where(has_km, claimed_km, 0.0) + slack_km
    geo_err_km = np.abs(claimed_km - geodesic_km)
    road_err_km = np.abs(claimed_km - road_km)
    # a point figure: the road estimate fits best, the straight line fits, or the figure lies between them
    between = t.accept_between & (claimed_km >= np.minimum(geodesic_km, road_km)) & (
        claimed_km <= np.maximum(geodesic_km, road_km))
    outcome = np.where(
        (road_err_km <= tolerance_km) & (road_err_km < geo_err_km), _ROAD_FITS,
        np.where(geo_err_km <= tolerance_km, _GEO_FITS, np.where(between, _BETWEEN, _OFF)),
    )
    bound = np.asarray(bound)
    if bound.any():  # bounds ("more than", "less than"); skipped when there are none
        lower, upper = bound > 0, bound < 0
        low_km, high_km = claimed_km - tolerance_km, claimed_km + tolerance_km
        outcome = np.where(lower, np.where(geodesic_km >= low_km, _LOWER_GEO, np.where(
            road_km >= low_km, _LOWER_ROAD, _LOWER_BELOW)), outcome)
        outcome = np.where(upper, np.where(geodesic_km <= high_km, np.where(
            (road_km <= high_km) & (geodesic_km > claimed_km), _UPPER_ROAD, _UPPER_WITHIN), _UPPER_EXCEEDS), outcome)
    direction_only = ~has_km
    if direction_only.any():  # the first four outcomes are the direction states
        outcome = np.where(direction_only, direction_state, outcome)
    outcome = np.where(measured, outcome, _NOTHING).astype(np.int8)
    # a figure with the wrong direction is wrong, whatever the figure
    code = np.where(has_km & (direction_state == DIR_OFF), CODE["inconsistent"], _OUTCOME_VERDICT[outcome])
    return _Verdicts(code.astype(np.int8, copy=False), outcome, direction_state, direction_off_deg, tolerance_km)


def _verdict_one(
    geodesic_km: float,
    bearing_deg: float,
    claimed_km: float,
    claimed_bearing_deg: float,
    road_km: float,
    rel_tolerance: float,
    slack_km: float,
    bound: int,
    tolerances: Tolerances,
) -> tuple[str, int, int, float, float]:
    """:func:`_verdict_kernel` on one row: ``(verdict, outcome, direction_state, direction_off_deg, tolerance_km)``."""
    v = _verdict_kernel(
        np.array([geodesic_km]), np.array([bearing_deg]), np.array([claimed_km]), np.array([claimed_bearing_deg]),
        np.array([road_km]), rel_tolerance, slack_km, bound, tolerances,
    )
    return (VERDICTS[int(v.code[0])], int(v.outcome[0]), int(v.direction_state[0]), float(v.direction_off_deg[0]),
            float(v.tolerance_km[0]))


def _direction_note(state: int, off_deg: float, t: Tolerances) -> tuple[bool | None, str, str]:
    """``(ok or None when unmeasurable, note_en, note_ar)`` of a kernel direction state."""
    if state == DIR_NONE:
        return True, "", ""
    if state == DIR_TOO_CLOSE:
        return None, OUTCOMES[1][1], OUTCOMES[1][2]
    ok = state == DIR_AGREES
    en = f"direction off by {off_deg:.0f}° ({'within' if ok else 'beyond'} ±{t.direction_half_width_deg:g}°)"
    ar = f"فرق الاتجاه {off_deg:.0f}° ({'ضمن' if ok else 'خارج'} ±{t.direction_half_width_deg:g}°)"
    return ok, en, ar


def check(claim: Claim, gazetteer: Gazetteer | None = None, *, tolerances: Tolerances = Tolerances()) -> CheckedClaim:
    """Check one claim: measured figures, verdict and a bilingual one-line explanation.

    Parameters
    ----------
    claim
        A :class:`Claim` (from :func:`parse`, or built by hand).
    gazetteer
        Used only for documented point sets of vague distances (default gazetteer
        when needed).
    tolerances
        See :class:`Tolerances`.

    Returns
    -------
    CheckedClaim
        Never raises for unknown places: the verdict is ``unverifiable`` with the
        reason in the explanation.
    """
    t = tolerances
    subj, anc = claim.subject, claim.anchor
    base: dict[str, Any] = dict(claim=claim, claimed_km=claim.distance_km, direction=claim.direction,
                                subject_lat=None if subj is None else float(subj.lat),
                                subject_lon=None if subj is None else float(subj.lon),
                                anchor_lat=None if anc is None else float(anc.lat),
                                anchor_lon=None if anc is None else float(anc.lon))

    def done(verdict: str, en: str, ar: str, **kw: Any) -> CheckedClaim:
        en_line = f"{en}: {_EN_VERDICT[verdict]}"
        ar_line = f"{ar}: {_AR_VERDICT[verdict]}"
        return CheckedClaim(
            **base, **kw, verdict=verdict, explanation_en=en_line, explanation_ar=ar_line,
            explanation=ar_line if claim.language == "ar" else en_line,
        )

    s_en, s_ar = _name(subj, claim.subject_text, "en"), _name(subj, claim.subject_text, "ar")
    a_en, a_ar = _name(anc, claim.anchor_text, "en"), _name(anc, claim.anchor_text, "ar")

    if anc is None:
        return done("unverifiable", f"anchor {claim.anchor_text!r} is not in the gazetteer",
                    f"المرجع «{claim.anchor_text}» غير موجود في المعجم الجغرافي")

    # ---- vague distances
    if claim.kind == "vague_distance":
        if subj is None:
            return done("unverifiable", f"no located subject for a vague distance from {a_en}",
                        f"لا يوجد مكان محدد لمسافة تقريبية من {a_ar}")
        if anc.feature_type in AREAL_TYPES:
            pts = _point_set(anc, gazetteer if gazetteer is not None else _default_gazetteer())
            if not pts:
                return done("unverifiable", f"{a_en} is a {anc.feature_type} with no documented point set",
                            f"{a_ar} منطقة واسعة بلا نقاط مرجعية موثقة")
            d, b = inverse_km([subj.lat] * len(pts), [subj.lon] * len(pts), [p.lat for p in pts], [p.lon for p in pts])
            i = int(np.argmin(d))
            km, ref = float(d[i]), pts[i]
            ref_txt_en, ref_txt_ar = f"nearest point of {a_en} ({ref.name_en})", f"أقرب نقطة من {a_ar} ({ref.name_ar or ref.name_en})"
        else:
            km, _b = inverse_km(anc.lat, anc.lon, subj.lat, subj.lon)
            ref_txt_en, ref_txt_ar = a_en, a_ar
        lo, hi = claim.distance_low_km or 0.0, claim.distance_high_km or math.inf
        ok = lo * (1 - t.distance_rel) <= km <= hi * (1 + t.distance_rel)
        en = f"{s_en} is {km:.0f} km from the {ref_txt_en}; claimed {lo:.0f}–{hi:.0f} km"
        ar = f"تبعد {s_ar} {km:.0f} كم عن {ref_txt_ar}؛ الادعاء {lo:.0f}–{hi:.0f} كم"
        return done("consistent" if ok else "inconsistent", en, ar, geodesic_km=km,
                    tolerance=f"range ±{t.distance_rel:.0%}")

    if anc.feature_type in AREAL_TYPES and claim.kind != "containment":
        return done("unverifiable", f"anchor {a_en} is a {anc.feature_type}: no point to measure from",
                    f"المرجع {a_ar} منطقة واسعة لا نقطة يقاس منها")

    # ---- unknown subject: the claim locates it
    if subj is None:
        return _derive(claim, anc, t, done, s_en, s_ar, a_en, a_ar)

    geo_km, bearing = inverse_km(anc.lat, anc.lon, subj.lat, subj.lon)
    measured = bearing_to_compass(bearing)
    figures = dict(geodesic_km=geo_km, bearing_deg=bearing, measured_direction=measured)
    slack_km = t.abs_km + _prec_km(subj) + _prec_km(anc)
    claimed_bearing = compass_to_bearing(claim.direction) if claim.direction not in (None, "C") else math.nan

    if claim.kind == "proximity":
        # measured from the anchor's edge: "near Sirte" / «قرب سرت» of a place 18 km from the city's centre point
        lim = near_limit_km(anc, subj, t)
        en = f"{s_en} is {geo_km:.1f} km from {a_en} (near = within {lim:.0f} km)"
        ar = f"تبعد {s_ar} {geo_km:.1f} كم عن {a_ar} (القرب: ضمن {lim:.0f} كم)"
        return done("consistent" if geo_km <= lim else "inconsistent", en, ar, **figures, tolerance=f"≤ {lim:.0f} km")

    if claim.kind == "containment" and anc.feature_type in ("district", "region"):
        return _areal_containment(claim, subj, anc, geo_km, figures, done, s_en, s_ar, a_en, a_ar,
                                  gazetteer if gazetteer is not None else _default_gazetteer())

    if claim.kind in ("containment", "direction"):
        # the direction alone goes through the same kernel as a figure with a direction
        verdict, _outcome, state, off_deg, _tol = _verdict_one(
            geo_km, bearing, math.nan, claimed_bearing, math.nan, 0.0, slack_km, 0, t)
        dir_ok, dir_note_en, dir_note_ar = _direction_note(state, off_deg, t)

    if claim.kind == "containment":
        ext = extent_km(anc)
        lim = ext * (t.centre_fraction if claim.direction == "C" else 1.0) + _prec_km(subj)
        inside = geo_km <= lim
        part_en = "the centre of " if claim.direction == "C" else ""
        part_ar = "وسط " if claim.direction == "C" else ""
        en = f"{s_en} is {geo_km:.1f} km from {a_en} ({part_en or 'extent '}≤ {lim:.1f} km)"
        ar = f"تبعد {s_ar} {geo_km:.1f} كم عن {part_ar}{a_ar} (الحد {lim:.1f} كم)"
        ok = inside and (claim.direction in (None, "C") or dir_ok is not False)
        if claim.direction not in (None, "C"):
            en += f", {dir_note_en}"
            ar += f"، {dir_note_ar}"
        return done("consistent" if ok else "inconsistent", en, ar, **figures, tolerance=f"≤ {lim:.1f} km")

    if claim.kind == "direction":
        en = f"{s_en} is {geo_km:.0f} km from {a_en} at bearing {bearing:.0f}° ({measured}); claimed {_EN_COMPASS.get(claim.direction or '', '?')}, {dir_note_en}"
        ar = f"تقع {s_ar} على بعد {geo_km:.0f} كم من {a_ar} باتجاه {bearing:.0f}° ({_AR_COMPASS[measured]})؛ الادعاء {_AR_COMPASS.get(claim.direction or '', '؟')}، {dir_note_ar}"
        return done(verdict, en, ar, **figures, tolerance=f"±{t.direction_half_width_deg:g}°")

    # ---- distance
    claimed = float(claim.distance_km or 0.0)
    road = None
    road_method = None
    if not subj.is_foreign and not anc.is_foreign:
        from geo.claims.roads import road_km as _road_km

        est = _road_km(anc.lat, anc.lon, subj.lat, subj.lon)
        road, road_method = est.km, est.method
    figures.update(road_km=road, road_method=road_method)
    rel = t.distance_tolerance(claim.hedge)
    verdict, outcome, state, off_deg, tol = _verdict_one(
        geo_km, bearing, claimed, claimed_bearing, math.nan if road is None else road, rel, slack_km,
        hedge_bound(claim.hedge), t)
    _v, how_en, how_ar = OUTCOMES[outcome]
    how_en, how_ar = how_en.format(tolerance_km=tol), how_ar.format(tolerance_km=tol)
    hedge_en = f"{_HEDGE_EN_OF.get(claim.hedge, claim.hedge)} " if claim.hedge else ""
    hedge_ar = f"{_HEDGE_AR_OF.get(claim.hedge, claim.hedge)} " if claim.hedge else ""
    dir_en = f" {_EN_COMPASS[claim.direction]}" if claim.direction else ""
    dir_ar = f" {_AR_COMPASS[claim.direction]}" if claim.direction else ""
    road_en = f", road ≈ {road:.0f} km" if road is not None else ""
    road_ar = f"، وبالطريق نحو {road:.0f} كم" if road is not None else ""
    en = (f"{s_en} is {geo_km:.0f} km in a straight line from {a_en}{road_en}, bearing {bearing:.0f}° ({measured}); "
          f"claimed {hedge_en}{claimed:.0f} km{dir_en}; {how_en}")
    ar = (f"تبعد {s_ar} عن {a_ar} {geo_km:.0f} كم في خط مستقيم{road_ar}، باتجاه {bearing:.0f}° ({_AR_COMPASS[measured]})؛ "
          f"الادعاء {hedge_ar}{claimed:.0f} كم{dir_ar}؛ {how_ar}")
    if claim.direction:
        _ok, dir_note_en, dir_note_ar = _direction_note(state, off_deg, t)
        en += f"; {dir_note_en}"
        ar += f"؛ {dir_note_ar}"
    return done(verdict, en, ar, **figures,
                tolerance=f"±{rel:.0%}{' (hedged)' if claim.hedge else ''} + {slack_km:.1f} km"
                + (f", {claim.direction} ±{t.direction_half_width_deg:g}°" if claim.direction else ""))


def _areal_containment(claim, subj, anc, geo_km, figures, done, s_en, s_ar, a_en, a_ar, gaz) -> CheckedClaim:
    """Containment in a district or region: a circle is too crude for a large area.

    District: the subject's ``admin1`` must be the district.  Region: the subject
    must be nearer to this region's point than to any other region of the same
    country (a Voronoi partition), ignoring regions nested in it or holding it.
    """
    if anc.feature_type == "district" and subj.admin1:
        ok = subj.admin1 == anc.id
        en = f"{s_en} is in district {subj.admin1} ({'the same as' if ok else 'not'} {a_en})"
        ar = f"{s_ar} تتبع {'' if ok else 'شعبية أخرى غير '}{a_ar}"
        return done("consistent" if ok else "inconsistent", en, ar, **figures, tolerance="admin1")
    cands = [p for p in getattr(gaz, "places", ()) if p.feature_type == anc.feature_type and p.country == anc.country
             and p.id != anc.id]
    peers = [anc]
    if cands:
        # a region nested in the anchor (or holding it) is not a rival: its circle lies inside the other's
        dd, _ = inverse_km([anc.lat] * len(cands), [anc.lon] * len(cands), [p.lat for p in cands], [p.lon for p in cands])
        for p, dk in zip(cands, np.atleast_1d(dd)):
            if dk * 1000.0 >= abs(p.precision_m - anc.precision_m):
                peers.append(p)
    d, _ = inverse_km([subj.lat] * len(peers), [subj.lon] * len(peers), [p.lat for p in peers], [p.lon for p in peers])
    d = np.atleast_1d(d)
    best = peers[int(np.argmin(d))]
    ok = best.id == anc.id
    en = f"{s_en} is {geo_km:.0f} km from the point of {a_en}; nearest {anc.feature_type}: {best.name_en}"
    ar = f"تبعد {s_ar} {geo_km:.0f} كم عن نقطة {a_ar}؛ أقرب منطقة: {best.name_ar or best.name_en}"
    return done("consistent" if ok else "inconsistent", en, ar, **figures, tolerance=f"nearest {anc.feature_type}")


def _derive(claim: Claim, anc: Place, t: Tolerances, done, s_en, s_ar, a_en, a_ar) -> CheckedClaim:
    """Locate an unknown subject from the claim: derived point and uncertainty polygon."""
    who_en = claim.subject_text or "the unlocated subject"
    who_ar = claim.subject_text or "المكان غير المحدد"
    if claim.kind == "distance" and claim.distance_km and claim.direction and claim.direction != "C":
        km = float(claim.distance_km)
        rel = t.distance_tolerance(claim.hedge)
        brg = compass_to_bearing(claim.direction)
        lat, lon = destination(anc.lat, anc.lon, brg, km)
        inner = max(0.0, km * (1 - rel) - _prec_km(anc)) * 1000.0
        outer = (km * (1 + rel) + _prec_km(anc)) * 1000.0
        wkt = ring_to_wkt(sector_lonlat(anc.lat, anc.lon, brg, t.derived_half_width_deg, inner, outer))
        en = f"{who_en} is not in the gazetteer; the claim places it {km:.0f} km {_EN_COMPASS[claim.direction]} of {a_en} (straight line) at {lat:.4f}, {lon:.4f}"
        ar = f"{who_ar} غير موجود في المعجم؛ الادعاء يضعه على بعد {km:.0f} كم {_AR_COMPASS[claim.direction]} {a_ar} عند {lat:.4f}، {lon:.4f}"
        return done("unverifiable", en, ar, derived_lat=lat, derived_lon=lon, derived_wkt=wkt,
                    tolerance=f"±{rel:.0%}, ±{t.derived_half_width_deg:g}°")
    if claim.kind in ("proximity", "containment"):
        if claim.kind == "proximity":
            r = near_limit_km(anc, None, t)  # the places a proximity check would accept
        else:
            r = extent_km(anc) * (t.centre_fraction if claim.direction == "C" else 1.0)
        if claim.kind == "containment" and claim.direction not in (None, "C"):
            brg = compass_to_bearing(claim.direction)
            lat, lon = destination(anc.lat, anc.lon, brg, r / 2)
            wkt = ring_to_wkt(sector_lonlat(anc.lat, anc.lon, brg, t.direction_half_width_deg, 0.0, r * 1000.0))
        else:
            lat, lon = anc.lat, anc.lon
            wkt = ring_to_wkt(circle_lonlat(anc.lat, anc.lon, r * 1000.0))
        en = f"no located subject; the claim places it within {r:.0f} km of {a_en}"
        ar = f"لا يوجد مكان محدد؛ الادعاء يضعه ضمن {r:.0f} كم من {a_ar}"
        return done("unverifiable", en, ar, derived_lat=lat, derived_lon=lon, derived_wkt=wkt, tolerance=f"≤ {r:.0f} km")
    en = f"no located subject for a claim about {a_en}"
    ar = f"لا يوجد مكان محدد للادعاء عن {a_ar}"
    return done("unverifiable", en, ar)


def check_all(claims: Iterable[Claim], gazetteer: Gazetteer | None = None, *, tolerances: Tolerances = Tolerances()) -> list[CheckedClaim]:
    """:func:`check` over many claims."""
    return [check(c, gazetteer, tolerances=tolerances) for c in claims]


def check_text(text: str, gazetteer: Gazetteer | None = None, *, tolerances: Tolerances = Tolerances()) -> list[CheckedClaim]:
    """Parse then check every claim of a text."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    return check_all(parse(text, gaz), gaz, tolerances=tolerances)


# --------------------------------------------------------------------------- vectorised


def check_arrays(
    anchor_lat,
    anchor_lon,
    subject_lat,
    subject_lon,
    claimed_km=None,
    claimed_bearing=None,
    *,
    hedged=None,
    bound=None,
    precision_km=None,
    road_km=None,
    tolerances: Tolerances = Tolerances(),
) -> dict[str, np.ndarray]:
    """Vectorised distance/direction checks over arrays of point pairs.

    Every row gets the verdict :func:`check` gives the same distance or direction claim:
    both call one verdict kernel.

    Parameters
    ----------
    anchor_lat, anchor_lon, subject_lat, subject_lon
        Equal-length arrays (degrees).  Out-of-range or NaN rows get ``unverifiable``.
    claimed_km
        Claimed distances (NaN = no distance claimed).
    claimed_bearing
        Claimed bearing in degrees (NaN = no direction claimed), e.g. from
        :func:`geo.geodesy.compass_to_bearing`.
    hedged
        Boolean array: the claim is hedged (wider tolerance).
    bound
        Integer array from :func:`hedge_bound`: ``1`` the figure is a lower bound ("more
        than"), ``-1`` an upper bound ("less than"), ``0`` (default) a point figure.
    precision_km
        Uncertainty of the two points together (km, default 0), added to the slack as
        :func:`check` adds both places' ``precision_m``.
    road_km
        Road estimates per row; default ``geo.claims.roads.FALLBACK_FACTOR × geodesic``.

    Returns
    -------
    dict
        ``geodesic_km``, ``bearing_deg``, ``road_km`` (float arrays), ``code``
        (int8 index into :data:`VERDICTS`) and ``verdict`` (object array of names).
    """
    from geo.geodesy import geod
    from geo.claims.roads import FALLBACK_FACTOR

    t = tolerances
    alat, alon, slat, slon = (np.asarray(v, dtype=float) for v in (anchor_lat, anchor_lon, subject_lat, subject_lon))
    n = alat.shape[0]
    valid = (
        np.isfinite(alat) & np.isfinite(alon) & np.isfinite(slat) & np.isfinite(slon)
        & (np.abs(alat) <= 90) & (np.abs(slat) <= 90) & (np.abs(alon) <= 180) & (np.abs(slon) <= 180)
    )
    z = np.where(valid, 1.0, np.nan)
    # fresh arrays (× z), so pyproj may work in place; no back azimuth needed.  Invalid rows
    # measure NaN, which the kernel reads as "nothing to measure".
    az, _baz, dist = geod().inv(alon * z, alat * z, slon * z, slat * z, inplace=True, return_back_azimuth=False)
    geo_km = np.asarray(dist) / 1000.0
    bearing = np.mod(np.asarray(az), 360.0)
    ckm = np.full(n, np.nan) if claimed_km is None else np.asarray(claimed_km, dtype=float)
    cbr = np.full(n, np.nan) if claimed_bearing is None else np.asarray(claimed_bearing, dtype=float)
    rel = t.distance_rel if hedged is None else np.where(np.asarray(hedged, dtype=bool), t.distance_rel_hedged, t.distance_rel)
    slack_km = t.abs_km if precision_km is None else t.abs_km + np.asarray(precision_km, dtype=float)
    bnd = 0 if bound is None else np.asarray(bound, dtype=np.int8)
    road = geo_km * FALLBACK_FACTOR if road_km is None else np.asarray(road_km, dtype=float)
    code = _verdict_kernel(geo_km, bearing, ckm, cbr, road, rel, slack_km, bnd, t).code
    return {
        "geodesic_km": geo_km,
        "bearing_deg": bearing,
        "road_km": road,
        "code": code,
        "verdict": np.asarray(VERDICTS, dtype=object)[code],
    }


def check_frame(df, *, tolerances: Tolerances = Tolerances()):
    """:func:`check_arrays` over a pandas DataFrame; returns a copy with result columns.

    Required columns: ``anchor_lat, anchor_lon, subject_lat, subject_lon``;
    optional: ``claimed_km``, ``claimed_bearing`` (or ``direction`` as compass
    names), ``hedged`` and ``bound`` (or ``hedge`` as the hedge words, which give
    both), ``precision_km``, ``road_km``.  Added: ``geodesic_km``, ``bearing_deg``,
    ``road_km``, ``verdict``.

    Raises
    ------
    geo.exc.SchemaError
        When a required column is missing.
    """
    from geo.exc import SchemaError

    need = ("anchor_lat", "anchor_lon", "subject_lat", "subject_lon")
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise SchemaError(f"missing columns {missing}", field=missing[0])

    def col(name: str, dtype: Any) -> np.ndarray | None:
        return df[name].to_numpy(dtype) if name in df.columns else None

    bearing = col("claimed_bearing", float)
    if bearing is None and "direction" in df.columns:
        bearing = np.array([compass_to_bearing(x) if isinstance(x, str) and x else np.nan for x in df["direction"]])
    hedged, bound = col("hedged", bool), col("bound", np.int8)
    if "hedge" in df.columns:
        words = [x if isinstance(x, str) and x else None for x in df["hedge"]]
        hedged = np.array([w is not None for w in words]) if hedged is None else hedged
        bound = np.array([hedge_bound(w) for w in words], dtype=np.int8) if bound is None else bound
    res = check_arrays(
        df["anchor_lat"].to_numpy(float), df["anchor_lon"].to_numpy(float),
        df["subject_lat"].to_numpy(float), df["subject_lon"].to_numpy(float),
        col("claimed_km", float), bearing, hedged=hedged, bound=bound,
        precision_km=col("precision_km", float), road_km=col("road_km", float), tolerances=tolerances,
    )
    out = df.copy()
    out["geodesic_km"] = res["geodesic_km"]
    out["bearing_deg"] = res["bearing_deg"]
    out["road_km"] = res["road_km"]
    out["verdict"] = res["verdict"]
    return out
