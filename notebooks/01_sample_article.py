# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # One article, end to end
#
# This notebook walks one real Arabic report (a live blog from Sirte, 9 June 2016)
# through kharita: which place names the gazetteer finds in it, which events come
# out, the distance and direction claims and whether they hold, and a map.
# Everything runs offline.

# %%
import sys
from pathlib import Path

import pandas as pd


def find_root(start: Path) -> Path:
    """The repository root: the first folder upwards holding ``pyproject.toml`` and ``geo/``."""
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "geo").is_dir():
            return folder
    raise FileNotFoundError(f"no kharita checkout above {start}")


ROOT = find_root(Path.cwd().resolve())
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ARTICLE = ROOT / "tests" / "fixtures" / "sirte-live-2016-ar.txt"
DATE = "2016-06-09"
pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 160)

# %% [markdown]
# ## The article
#
# `read_document` decodes the file (UTF-8, UTF-16 or Windows-1256) and detects the
# language. The publication date lets words such as "yesterday" be placed in time.

# %%
from geo.text.document import read_document

doc = read_document(ARTICLE, date=DATE)
print(doc.id, doc.date, doc.language, doc.encoding, f"{len(doc.text):,} characters")
print(doc.text[:400])

# %% [markdown]
# ## Gazetteer hits
#
# Every place name found in the text, with what the resolver made of it:
# `resolved` (a Libyan place), `foreign` (abroad), `context` (a place word that is
# not a location here, such as part of an organisation's name) or `unresolved`.
# The `reason` column says why.

# %%
from gazetteer import Gazetteer
from geo.extract import extract_document

gaz = Gazetteer.default()
result = extract_document(doc, gazetteer=gaz)

mentions = pd.DataFrame([m.to_dict() for m in result.mentions])
mentions = mentions[["start", "text", "status", "place_id", "name_en", "lat", "lon", "relation", "reason"]]
mentions

# %%
mentions["status"].value_counts()

# %% [markdown]
# Mentions that no event uses, and why (context words, foreign places, sentences
# without an event):

# %%
unused = pd.DataFrame(
    [{"start": m.start, "text": m.text, "status": m.status, "why_unused": why} for m, why in result.unused]
)
unused

# %% [markdown]
# ## Events
#
# The events as a GeoDataFrame (`geo.io.frame.to_frame`), one row per event, with
# ACLED-like columns. Only the key columns are shown.

# %%
from geo.io.frame import to_frame

events = to_frame(result.events)
key_columns = [
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
    "place_id", "relation", "geo_precision", "uncertainty_m", "fatalities", "geometry",
]
print(f"{len(events)} events, CRS {events.crs}")
events[[c for c in key_columns if c in events.columns]]

# %%
events.groupby(["event_type", "sub_event_type"]).size().rename("events").to_frame()

# %% [markdown]
# ## Claims report
#
# Distances and directions stated in the text ("30 km east of Sirte") are measured
# on the ellipsoid, and by road where a road path is known, then given a verdict.

# %%
from geo.claims import check_text

checked = check_text(doc.text, gaz)
claims = pd.DataFrame([c.to_dict() for c in checked])
claim_columns = [
    "text", "subject", "anchor", "verdict", "claimed_km", "geodesic_km", "road_km",
    "bearing_deg", "direction", "explanation",
]
claims[[c for c in claim_columns if c in claims.columns]] if len(claims) else claims

# %%
claims["verdict"].value_counts() if len(claims) else "no claims found"

# %% [markdown]
# ## Map
#
# Events and checked claims on one map. `offline=True` inlines Leaflet and draws
# a bundled basemap, so no tile server is contacted.

# %%
from geo.maps import event_map

event_map(events, claims=[c.to_dict() for c in checked], offline=True, title=f"{doc.id} ({DATE})")
