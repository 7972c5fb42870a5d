"""How kharita's Latin matching survives the spellings news uses for Libyan places it knows.

Run ``python benchmarks/eval_spelling.py`` (``--sample N``, ``--seed S``, ``--misses``). For a seeded
sample of the gazetteer's Libyan towns and villages, each name is respelt by the transliteration
choices English news makes for one Arabic name (q written g, u written ou, a final -ah dropped or
added, a doubled letter single, e for i, al- written el- or dropped, y written i), and each respelling is
read in a plain sentence ("Clashes erupted in <name> on Monday."): recall is the share resolved to the
place respelt. Arabic names the same way (article dropped or added, «ة» as «ه», hamza dropped, two
neighbouring letters swapped, one dropped), after a cue word («في مدينة X») and bare. False positives: capitalised ordinary words and people's names in the same sentence
frame that resolve to any Libyan place. Figures only, nothing asserted.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gazetteer import Gazetteer  # noqa: E402
from geo.toponyms import find_mentions  # noqa: E402

#: One respelling rule each: (name, pattern, replacement); a rule that changes nothing gives no variant.
RULES: tuple[tuple[str, str, str], ...] = (
    ("q as g", r"q", "g"),
    ("u as ou", r"(?<!o)u", "ou"),
    ("ou as u", r"ou", "u"),
    ("final -ah as -a", r"ah\b", "a"),
    ("final -a as -ah", r"(?<=[^aeiouh])a\b", "ah"),
    ("doubled letter single", r"([a-z])\1", r"\1"),
    ("i as e", r"(?<=[^aeiou])i(?=[^aeiou])", "e"),
    ("al- as el-", r"\bAl[- ]", "El-"),
    ("article dropped", r"^(?:Al|El|Ar|As|Az|Ash|An)[- ]", ""),
    ("y as i", r"(?<=[^aeiou])y(?=[aeiou])", "i"),
)

#: Arabic respellings: (name, function of the name); a function that changes nothing gives no variant.
AR_RULES = (
    ("article dropped", lambda n: n[2:] if n.startswith("ال") and len(n) > 5 else n),
    ("article added", lambda n: "ال" + n if not n.startswith("ال") and " " not in n else n),
    ("ta marbuta as ha", lambda n: re.sub("ة$", "ه", n)),
    ("hamza dropped", lambda n: n.replace("أ", "ا").replace("إ", "ا")),
    # a typo inside the name (not its first letters, which the fuzzy match keeps): two neighbouring letters
    # swapped, or one dropped (one-word names of 6+ letters)
    ("letters swapped", lambda n: n[:-4] + n[-3] + n[-4] + n[-2:] if len(n) >= 6 and " " not in n else n),
    ("letter dropped", lambda n: n[:-3] + n[-2:] if len(n) >= 6 and " " not in n else n),
)
#: Arabic frames: after a cue word (fuzzy matching is allowed) and bare (it is not: exact spellings only).
AR_FRAMES = (("after a cue", "اندلعت اشتباكات في مدينة {} يوم الاثنين."), ("bare", "اندلعت اشتباكات في {} يوم الاثنين."))

#: Capitalised words that are no Libyan place in this frame: ordinary words, people, foreign places.
NOT_PLACES = ("Civil", "Wagner", "Haftar", "Sarraj", "Monday", "Council", "Dignity", "Dawn", "Shield", "Brigade",
              "Ghanem", "Salame", "Mohamed", "Ahmed", "Khalifa", "Omar", "Hassan", "Rescue", "Liberty", "Unity",
              "Gaddafi", "Seif", "Bashagha", "Dbeibah", "Serraj", "Mitiga Airways", "Marines", "Cairo", "Tunis")


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("‘", "'")


def respellings(name: str) -> list[tuple[str, str]]:
    """(rule, variant) for every rule that changes ``name``; a variant equal to the name is left out."""
    out: list[tuple[str, str]] = []
    for rule, pat, rep in RULES:
        v = re.sub(pat, rep, name, count=1)
        if v != name and v[:1].isupper() and (rule, v) not in out:
            out.append((rule, v))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    gaz = Gazetteer.load(user=False)
    towns = sorted((p for p in gaz.places if p.country == "LY" and p.feature_type in ("city", "town", "village")
                    and p.name_en and "(" not in p.name_en and len(p.name_en) >= 5), key=lambda p: p.id)
    rng = random.Random(args.seed)
    sample = rng.sample(towns, min(args.sample, len(towns)))
    per_rule: dict[str, list[int]] = {}
    misses: list[str] = []
    for p in sample:
        for rule, v in respellings(_plain(p.name_en)):
            found = [m for m in find_mentions(f"Clashes erupted in {v} on Monday.", gaz) if m.place is not None]
            ok = any(m.place.id == p.id for m in found)  # type: ignore[union-attr]
            per_rule.setdefault(rule, [0, 0])[0] += ok
            per_rule[rule][1] += 1
            if not ok:
                misses.append(f"  {p.name_en!r} as {v!r} ({rule}): {[(m.text, m.place.id) for m in found]}")  # type: ignore[union-attr]
    ar_towns = sorted((p for p in gaz.places if p.country == "LY" and p.feature_type in ("city", "town", "village")
                       and len(p.name_ar) >= 4), key=lambda p: p.id)
    ar_rule: dict[tuple[str, str], list[int]] = {}
    for p in rng.sample(ar_towns, min(args.sample, len(ar_towns))):
        for rule, f in AR_RULES:
            v = f(p.name_ar)
            if v == p.name_ar:
                continue
            for frame_name, frame in AR_FRAMES:
                ok = any(m.place is not None and m.place.id == p.id for m in find_mentions(frame.format(v), gaz))
                ar_rule.setdefault((rule, frame_name), [0, 0])[0] += ok
                ar_rule[(rule, frame_name)][1] += 1
                if not ok:
                    misses.append(f"  {p.name_ar!r} as {v!r} ({rule}, {frame_name})")
    fp = [(w, m.text, m.place.id) for w in NOT_PLACES  # type: ignore[union-attr]
          for m in find_mentions(f"Clashes erupted in {w} on Monday.", gaz)
          if m.place is not None and m.place.country == "LY" and m.status == "resolved"]
    ok_all = sum(a for a, _ in per_rule.values())
    n_all = sum(b for _, b in per_rule.values())
    print(f"respellings of {len(sample)} towns: recall {ok_all}/{n_all} = {ok_all / max(1, n_all):.3f}")
    for rule, (a, b) in sorted(per_rule.items()):
        print(f"  {rule:<24} {a:>4}/{b:<4} {a / b:.3f}")
    print("Arabic respellings (after a cue word / bare):")
    for (rule, frame_name), (a, b) in sorted(ar_rule.items()):
        print(f"  {rule:<18} {frame_name:<12} {a:>4}/{b:<4} {a / b:.3f}")
    print(f"false positives on {len(NOT_PLACES)} capitalised non-places: {len(fp)} {fp}")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
