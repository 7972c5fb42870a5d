"""Units of distance as news writes them, in one table.

The claims parser converts a stated distance to kilometres with :data:`UNIT_KM`; the toponym rules
recognise that a distance is stated («على بعد 40 كلم عن …», "30 miles from …") with the same
patterns (:data:`UNIT_AR_RE`, :data:`UNIT_EN_RE`), so a unit one of them knows the other knows too.

Forms are written folded, as :func:`geo.text.numbers.fold_same_length` and the claims fold leave them
(«اميال» for «أميال»), lower case; a space inside a form may be left out («كيلومتر», «كيلو متر»).
"""

from __future__ import annotations

__all__ = ["UNIT_KM", "UNIT_AR_RE", "UNIT_EN_RE", "km_per_unit"]

_MILE_KM = 1.609344

#: Kilometres per unit, by folded form.
UNIT_KM: dict[str, float] = {
    # Arabic
    "كيلو مترات": 1.0, "كيلو مترا": 1.0, "كيلو متر": 1.0, "كلم": 1.0, "كم": 1.0,
    "اميال": _MILE_KM, "ميلا": _MILE_KM, "ميل": _MILE_KM,
    "امتار": 0.001, "مترا": 0.001, "متر": 0.001, "م": 0.001,
    # English
    "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0, "kms": 1.0, "km": 1.0,
    "miles": _MILE_KM, "mile": _MILE_KM, "mi": _MILE_KM,
    "metres": 0.001, "meters": 0.001, "metre": 0.001, "meter": 0.001, "m": 0.001,
}


def _alternation(forms: list[str]) -> str:
    # longest first, so that "kilometres" is not read as "kilometre" + "s"; an inner space is optional
    return "(?:" + "|".join(f.replace(" ", " ?") for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


#: The Arabic units, as a regular expression (no group).
UNIT_AR_RE = _alternation([f for f in UNIT_KM if not f.isascii()])
#: The English units, as a regular expression (no group).
UNIT_EN_RE = _alternation([f for f in UNIT_KM if f.isascii()])


def km_per_unit(form: str) -> float:
    """Kilometres per ``form`` (folded; an Arabic form may drop its inner space), 1.0 for an unknown form."""
    f = form.lower()
    return UNIT_KM.get(f) or UNIT_KM.get(f.replace("كيلومت", "كيلو مت"), 1.0)
