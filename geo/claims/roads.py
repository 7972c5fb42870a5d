"""Road-distance estimates on a small network of Libya's main roads.

News distances between towns are usually *by road*: Sirte is about 371 km from
Tripoli in a straight line but "about 450 km" by the coastal highway.  This
module estimates road distances without a routing engine.

Data (``geo/data/roads/``, one source per row):

* ``waypoints.csv`` — towns on the main roads (``id, name_en, name_ar, lat,
  lon, gazetteer_id, source``); coordinates from GeoNames where the town is in
  GeoNames cities500, otherwise the cited point of the research note.
* ``edges.csv`` — road legs between consecutive waypoints (``a, b, road,
  detour_factor, source``).

Rule (calibrated in ``gazetteer-research.md`` §5): road ≈ 1.07 × the sum of
the geodesic legs between ordered waypoints; against nine published figures
the residuals are −7.4 % … +3.4 % (:data:`CALIBRATION_RESIDUAL`).  The
shortest path is found with networkx on weights ``geodesic leg km × edge
factor``.  An end point off the network joins its :data:`STUB_NEIGHBOURS`
nearest waypoints by a geodesic stub × :data:`STUB_FACTOR`.  Where no road is
known — an end point farther than :data:`MAX_STUB_KM` from every waypoint, or
both end points closest to the same waypoint (a local trip) — the estimate is
:data:`FALLBACK_FACTOR` × geodesic (method ``"detour_factor"``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from gazetteer.exc import GazetteerDataError, check_lat_lon
from geo.geodesy import inverse_km

__all__ = [
    "CALIBRATION_RESIDUAL",
    "FALLBACK_FACTOR",
    "MAX_STUB_KM",
    "STUB_FACTOR",
    "STUB_NEIGHBOURS",
    "RoadEstimate",
    "Waypoint",
    "road_graph",
    "road_km",
    "waypoints",
]

DATA_DIR = Path(__file__).parent.parent / "data" / "roads"

#: Multiplier of the geodesic where no road is known (research note §5).
FALLBACK_FACTOR: float = 1.25
#: Multiplier of the geodesic stub from an off-network point to a waypoint.
STUB_FACTOR: float = 1.25
#: Beyond this distance (km) from every waypoint a point is "off the network".
MAX_STUB_KM: float = 150.0
#: How many nearest waypoints an off-network point may join.
STUB_NEIGHBOURS: int = 3
#: Worst residual of the calibrated rule against independent published figures
#: (published / estimate − 1 ranges from −7.4 % to +3.4 %).
CALIBRATION_RESIDUAL: float = 0.075


@dataclass(frozen=True, slots=True)
class Waypoint:
    """A town on the road network."""

    id: str
    name_en: str
    name_ar: str
    lat: float
    lon: float
    gazetteer_id: str
    source: str


@dataclass(frozen=True, slots=True)
class RoadEstimate:
    """A road-distance estimate.

    Attributes
    ----------
    km
        Estimated road distance in kilometres.
    path
        Waypoint ids followed (empty for ``detour_factor``).
    method
        ``"network"`` (shortest path on the road network) or ``"detour_factor"``
        (:data:`FALLBACK_FACTOR` × geodesic).
    geodesic_km
        The straight-line (WGS84 geodesic) distance, for comparison.
    """

    km: float
    path: tuple[str, ...]
    method: str
    geodesic_km: float

    def to_dict(self) -> dict:
        return {"geodesic_km": self.geodesic_km, "km": self.km, "method": self.method, "path": list(self.path)}


def _read_csv(name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    path = DATA_DIR / name
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise GazetteerDataError(f"missing columns {missing}", path=str(path), row=1)
        rows = list(reader)
    for i, row in enumerate(rows, start=2):
        if not (row.get("source") or "").strip():
            raise GazetteerDataError("row has no source", path=str(path), row=i)
    return rows


@lru_cache(maxsize=1)
def waypoints() -> dict[str, Waypoint]:
    """The road waypoints by id (read once)."""
    out: dict[str, Waypoint] = {}
    path = DATA_DIR / "waypoints.csv"
    for i, row in enumerate(_read_csv("waypoints.csv", ("id", "name_en", "name_ar", "lat", "lon", "gazetteer_id", "source")), start=2):
        try:
            lat, lon = check_lat_lon(row["lat"], row["lon"])
        except ValueError as e:
            raise GazetteerDataError(str(e), path=str(path), row=i) from e
        if row["id"] in out:
            raise GazetteerDataError(f"duplicate waypoint id {row['id']!r}", path=str(path), row=i)
        out[row["id"]] = Waypoint(row["id"], row["name_en"], row["name_ar"], lat, lon, row["gazetteer_id"], row["source"])
    return out


@lru_cache(maxsize=1)
def road_graph():
    """The road network as a ``networkx.Graph`` (built once).

    Nodes are waypoint ids; each edge has ``km`` (geodesic leg), ``factor``,
    ``weight = km × factor``, ``road`` and ``source``.
    """
    import networkx as nx

    wps = waypoints()
    g = nx.Graph()
    for w in wps.values():
        g.add_node(w.id, lat=w.lat, lon=w.lon)
    path = DATA_DIR / "edges.csv"
    for i, row in enumerate(_read_csv("edges.csv", ("a", "b", "road", "detour_factor", "source")), start=2):
        a, b = row["a"], row["b"]
        if a not in wps or b not in wps:
            raise GazetteerDataError(f"edge {a}–{b} names an unknown waypoint", path=str(path), row=i)
        try:
            factor = float(row["detour_factor"])
        except ValueError as e:
            raise GazetteerDataError(f"bad detour_factor {row['detour_factor']!r}", path=str(path), row=i) from e
        if not 1.0 <= factor <= 3.0:
            raise GazetteerDataError(f"detour_factor {factor} outside [1, 3]", path=str(path), row=i)
        km, _ = inverse_km(wps[a].lat, wps[a].lon, wps[b].lat, wps[b].lon)
        g.add_edge(a, b, km=km, factor=factor, weight=km * factor, road=row["road"], source=row["source"])
    return g


@lru_cache(maxsize=1)
def _coords() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    wps = waypoints()
    ids = tuple(wps)
    return ids, np.array([wps[i].lat for i in ids]), np.array([wps[i].lon for i in ids])


@lru_cache(maxsize=256)
def _from(source: str) -> tuple[dict[str, float], dict[str, list[str]]]:
    import networkx as nx

    return nx.single_source_dijkstra(road_graph(), source, weight="weight")


def _nearest(lat: float, lon: float, k: int) -> list[tuple[str, float]]:
    ids, lats, lons = _coords()
    d, _ = inverse_km(np.full(len(ids), lat), np.full(len(ids), lon), lats, lons)
    order = np.argsort(d, kind="stable")[:k]
    return [(ids[int(i)], float(d[int(i)])) for i in order]


def road_km(lat1: float, lon1: float, lat2: float, lon2: float) -> RoadEstimate:
    """Estimated road distance between two points in Libya.

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        WGS84 degrees.

    Returns
    -------
    RoadEstimate
        ``method="network"`` with the waypoint path when both points are within
        :data:`MAX_STUB_KM` of the network and closest to different waypoints;
        otherwise ``method="detour_factor"`` (:data:`FALLBACK_FACTOR` × geodesic).

    Raises
    ------
    gazetteer.exc.CoordinateError
        For coordinates out of range or not finite.
    """
    lat1, lon1 = check_lat_lon(lat1, lon1)
    lat2, lon2 = check_lat_lon(lat2, lon2)
    geo_km, _ = inverse_km(lat1, lon1, lat2, lon2)
    near1 = _nearest(lat1, lon1, STUB_NEIGHBOURS)
    near2 = _nearest(lat2, lon2, STUB_NEIGHBOURS)
    fallback = RoadEstimate(FALLBACK_FACTOR * geo_km, (), "detour_factor", geo_km)
    if near1[0][1] > MAX_STUB_KM or near2[0][1] > MAX_STUB_KM or near1[0][0] == near2[0][0]:
        return fallback
    best: tuple[float, tuple[str, ...]] | None = None
    for w1, s1 in near1:
        if s1 > MAX_STUB_KM:
            continue
        dist, paths = _from(w1)
        for w2, s2 in near2:
            if s2 > MAX_STUB_KM or w2 not in dist:
                continue
            total = STUB_FACTOR * s1 + dist[w2] + STUB_FACTOR * s2
            if best is None or total < best[0] - 1e-9:
                best = (total, tuple(paths[w2]))
    if best is None:
        return fallback
    return RoadEstimate(best[0], best[1], "network", geo_km)
