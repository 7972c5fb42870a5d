"""Gazetteer settings in one place: scores, context bonuses, paths, generic nouns."""

from __future__ import annotations

import os
from pathlib import Path

#: Compiled package table under ``gazetteer/data/``.
PACKAGE_TABLE = "gazetteer.tsv"

#: Country a text is assumed to be about unless context says otherwise.
DEFAULT_COUNTRY = "LY"

# Lookup tiers (match quality before the country/prominence prior).
SCORE_EXACT = 1.0
SCORE_VARIANT = 0.95
SCORE_CLITIC = 0.9
SCORE_HEAD = 0.9
SCORE_SKELETON = 0.75
SCORE_PARTIAL = 0.7
MIN_SKELETON_LEN = 4

#: Prior weight of a place outside the default country.
FOREIGN_WEIGHT = 0.85

#: Extra prior per feature type: a district shares its seat's name («بنغازي»), and news
#: naming it plainly means the city; districts are named as «شعبية X» / "X district".
TYPE_WEIGHT = {"district": 0.96}

# Context bonuses used by ``Gazetteer.resolve``.
BONUS_PARENT = 0.3
BONUS_NEAR = 0.25
BONUS_COUNTRY = 0.1
NEAR_KM = 50.0
FAR_KM = 300.0
#: Two best candidates closer than this in score are "ambiguous" (unless related or co-located).
AMBIGUITY_MARGIN = 0.03
#: Candidates this close together are the same place for ambiguity purposes.
SAME_PLACE_KM = 25.0

#: Generic head nouns that may precede a name («مدينة سرت», «معسكر تاقرفت» is a name of its own).
HEAD_NOUNS_AR = frozenset(
    {"مدينه", "بلده", "قريه", "منطقه", "شعبيه", "بلديه", "حي", "محافظه", "ولايه", "دوله", "عاصمه"}
)
HEAD_NOUNS_EN = frozenset(
    {"city", "town", "village", "district", "region", "area", "municipality", "city of", "town of",
     "village of", "district of", "region of", "area of", "the city of", "the town of"}
)
TAIL_NOUNS_EN = frozenset({"city", "town", "district", "region", "area"})


def user_table_path() -> Path:
    """Where ``kharita gazetteer import`` keeps the user's overlay.

    ``$KHARITA_USER_GAZETTEER`` if set, else ``$XDG_DATA_HOME/kharita/user-gazetteer.tsv``
    (``~/.local/share/kharita/user-gazetteer.tsv``).
    """
    env = os.environ.get("KHARITA_USER_GAZETTEER")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kharita" / "user-gazetteer.tsv"
