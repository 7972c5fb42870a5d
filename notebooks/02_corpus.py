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
# # A corpus of articles
#
# Many articles at once: how many events per day and per type, a map you can
# filter by date, and a side-by-side with an ACLED-format file.
#
# The articles are synthetic: `benchmarks/gen_corpus.py` writes short Arabic and
# English reports from template sentences over gazetteer places. Their dates are
# spread over the days covered by the ACLED file so the two can be compared.

# %%
import importlib.util
import io
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed; figures are shown as PNG images
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image


def find_root(start: Path) -> Path:
    """The repository root: the first folder upwards holding ``pyproject.toml`` and ``geo/``."""
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "geo").is_dir():
            return folder
    raise FileNotFoundError(f"no kharita checkout above {start}")


ROOT = find_root(Path.cwd().resolve())
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

N_ARTICLES = 200
MATCH_KM = 25.0  # an ACLED event this close (geodesic), on the same day, counts as a match
ACLED_FILE = ROOT / "tests" / "fixtures" / "acled-current-sample.csv"
pd.set_option("display.width", 160)

# %% [markdown]
# ## The ACLED-format reference
#
# `read_acled` keeps every row; rows whose coordinates or dates cannot be used stay
# in the frame without a geometry, and the problems are listed.

# %%
from geo.io.acled import read_acled

acled = read_acled(ACLED_FILE)
print(f"{len(acled)} rows, {acled['latitude'].notna().sum()} with coordinates")
pd.DataFrame(acled.attrs["acled_problems"], columns=["row", "field", "problem"])

# %%
acled[["event_id_cnty", "event_date", "event_type", "location", "latitude", "longitude"]]

# %% [markdown]
# ## The corpus
#
# Each article gets a date in the ACLED file's date range (round robin), then is
# run through the extractor. The gazetteer is loaded once and shared.

# %%
spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "benchmarks" / "gen_corpus.py")
gen_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen_corpus)

acled_days = pd.to_datetime(acled["event_date"].dropna())
days = pd.date_range(acled_days.min(), acled_days.max(), freq="D")
articles = []
for i, record in enumerate(gen_corpus.generate(N_ARTICLES, seed=5)):
    record = dict(record, date=days[i % len(days)].date().isoformat())
    articles.append(record)
print(f"{len(articles)} articles over {len(days)} days ({days[0].date()} to {days[-1].date()})")
print(articles[0]["text"][:300])

# %%
from gazetteer import Gazetteer
from geo.extract import extract_result
from geo.io.frame import to_frame

gaz = Gazetteer.default()
all_events = []
errors = []
for record in articles:
    res = extract_result(
        record["text"], record["date"], record["source"], doc_id=record["id"], gazetteer=gaz, url=record["url"]
    )
    all_events.extend(res.events)
    errors.extend(f"{record['id']}: {e}" for e in res.errors)

events = to_frame(all_events)
print(f"{len(events)} events from {events['doc_id'].nunique()} articles; {len(errors)} extraction problems")
events[["event_date", "event_type", "sub_event_type", "location", "latitude", "longitude", "fatalities"]].head(10)

# %% [markdown]
# ## Events per day and type

# %%
per_day = (
    events.dropna(subset=["event_date"])
    .groupby(["event_date", "event_type"])
    .size()
    .unstack("event_type", fill_value=0)
    .sort_index()
)
per_day

# %%
fig, ax = plt.subplots(figsize=(9, 4))
per_day.plot.bar(stacked=True, ax=ax, width=0.8)
ax.set_xlabel("event date")
ax.set_ylabel("events")
ax.set_title(f"Events extracted from {len(articles)} articles")
ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
fig.tight_layout()
png = io.BytesIO()
fig.savefig(png, format="png", dpi=80)
plt.close(fig)
Image(png.getvalue())

# %% [markdown]
# ## Extracted events and ACLED, type by type

# %%
by_type = pd.concat(
    {
        "extracted": events["event_type"].value_counts(),
        "acled": acled["event_type"].value_counts(),
    },
    axis=1,
).fillna(0).astype(int).sort_index()
by_type

# %% [markdown]
# ## Nearest ACLED event on the same day
#
# For every extracted event with a date and coordinates, the closest ACLED event of
# the same day, measured on the WGS84 ellipsoid (`geo.geodesy.inverse_km`, never in
# raw degrees). It counts as a match within `MATCH_KM` kilometres.

# %%
from geo.geodesy import inverse_km

ours = events.dropna(subset=["event_date", "latitude", "longitude"])
ours = pd.DataFrame(ours[["event_id_cnty", "event_date", "event_type", "location", "latitude", "longitude"]])
ref = pd.DataFrame(acled.dropna(subset=["event_date", "latitude", "longitude"]))
ref = ref[["event_id_cnty", "event_date", "event_type", "location", "latitude", "longitude"]]

pairs = ours.merge(ref, on="event_date", suffixes=("", "_acled"))
pairs["km"], _ = inverse_km(
    pairs["latitude"].to_numpy(float), pairs["longitude"].to_numpy(float),
    pairs["latitude_acled"].to_numpy(float), pairs["longitude_acled"].to_numpy(float),
)
nearest = pairs.loc[pairs.groupby("event_id_cnty")["km"].idxmin()]
nearest = ours.merge(
    nearest[["event_id_cnty", "event_id_cnty_acled", "location_acled", "event_type_acled", "km"]],
    on="event_id_cnty", how="left",
)
nearest["match"] = nearest["km"] <= MATCH_KM
nearest["km"] = nearest["km"].round(1)
print(
    f"{int(nearest['match'].sum())} of {len(nearest)} located events have an ACLED event "
    f"within {MATCH_KM:g} km on the same day"
)
nearest.sort_values(["event_date", "km"]).head(15)

# %%
nearest["same_type"] = nearest["match"] & (nearest["event_type_acled"] == nearest["event_type"])
summary = nearest.groupby("event_type").agg(
    events=("event_id_cnty", "size"),
    matched=("match", "sum"),
    matched_same_type=("same_type", "sum"),
    median_km=("km", "median"),
)
summary

# %% [markdown]
# ## Map with a time slider
#
# All located events; the slider filters them by date. Offline: Leaflet is inlined
# and the basemap is bundled.

# %%
from geo.maps import event_map

event_map(events, offline=True, time_slider=True, title=f"{len(articles)} synthetic articles")
