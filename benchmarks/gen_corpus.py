"""Generate a synthetic corpus of Libyan conflict news for scale benchmarks.

Each article is built from template sentences (Arabic, and English for about one
article in five) that name gazetteer places, event triggers (clashes, air
strikes, shelling…), actors and casualty counts, plus neutral filler
sentences.  The output is deterministic for a given ``--seed``.

Usage::

    python benchmarks/gen_corpus.py 2000 /tmp/corpus.jsonl          # one JSON Lines file
    python benchmarks/gen_corpus.py 500 /tmp/corpus-dir --format txt   # a folder of .txt files

JSON Lines records are ``{"id", "text", "date", "source", "url"}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

#: (English, Arabic) names of places the gazetteer knows.
PLACES: tuple[tuple[str, str], ...] = (
    ("Sirte", "سرت"), ("Benghazi", "بنغازي"), ("Tripoli", "طرابلس"), ("Misrata", "مصراتة"),
    ("Derna", "درنة"), ("Ajdabiya", "أجدابيا"), ("Sabha", "سبها"), ("Zawiya", "الزاوية"),
    ("Ras Lanuf", "راس لانوف"), ("Brega", "البريقة"), ("Bani Walid", "بني وليد"), ("Gharyan", "غريان"),
    ("Tobruk", "طبرق"), ("Kufra", "الكفرة"), ("Sabratha", "صبراتة"), ("Zliten", "زليتن"),
    ("Ubari", "أوباري"), ("Al Bayda", "البيضاء"),
)
ACTORS_AR = ("قوات البنيان المرصوص", "تنظيم داعش", "قوات الجيش الوطني", "مجلس شورى ثوار بنغازي", "قوات حرس المنشآت النفطية")
ACTORS_EN = ("Government of National Accord forces", "Islamic State militants", "the Libyan National Army",
             "the Benghazi Revolutionaries Shura Council", "the Petroleum Facilities Guard")
NUMBERS_AR = ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "عشرة", "12", "15", "اثنين")
DIRS_AR = ("شرق", "غرب", "جنوب", "شمال")
DIRS_EN = ("east", "west", "south", "north")

EVENT_AR = (
    "اندلعت اشتباكات عنيفة بين {a1} و{a2} في مدينة {p}، ما أسفر عن مقتل {n} أشخاص.",
    "شنت طائرات حربية غارات جوية على مواقع {a2} في {p} صباح اليوم.",
    "تعرضت أحياء في {p} لقصف مدفعي عنيف أدى إلى إصابة {n} مدنيين.",
    "قالت مصادر طبية إن {n} من عناصر {a1} قتلوا في اشتباكات قرب {p}.",
    "سيطرت {a1} على منطقة تبعد نحو {k} كيلومترا {d} {p} بعد معارك مع {a2}.",
    "انفجرت سيارة مفخخة عند بوابة {p} مما أدى إلى سقوط {n} قتلى.",
    "تواصلت المواجهات في {p} لليوم الثالث على التوالي بين {a1} و{a2}.",
)
FILLER_AR = (
    "وأكد المتحدث باسم {a1} أن العمليات مستمرة.",
    "ودعت الأمم المتحدة جميع الأطراف إلى ضبط النفس.",
    "وتشهد ليبيا فوضى أمنية منذ سقوط نظام معمر القذافي عام 2011.",
    "ولم يتسن التحقق من هذه المعلومات من مصدر مستقل.",
)
EVENT_EN = (
    "Heavy clashes broke out between {a1} and {a2} in {p}, killing {n} people.",
    "Warplanes carried out air strikes on {a2} positions in {p} on Thursday.",
    "Artillery shelling hit residential areas of {p}, wounding {n} civilians.",
    "{a1} took control of an area about {k} km {d} of {p} after fighting {a2}.",
    "A car bomb exploded at a checkpoint near {p}, killing {n}.",
)
FILLER_EN = (
    "A spokesman for {a1} said operations would continue.",
    "The United Nations called on all sides to exercise restraint.",
    "Libya has been in turmoil since the fall of Muammar Gaddafi in 2011.",
)


def article(i: int, seed: int = 0) -> dict:
    """The ``i``-th article of the corpus (a JSON Lines record)."""
    rng = random.Random(seed * 1_000_003 + i)
    english = rng.random() < 0.2
    day = dt.date(2016, 5, 1) + dt.timedelta(days=rng.randrange(240))
    sentences = []
    for _ in range(rng.randint(3, 8)):
        pen, par = rng.choice(PLACES)
        a1, a2 = rng.sample(range(len(ACTORS_AR)), 2)
        is_event = rng.random() < 0.6
        if english:
            tpl = rng.choice(EVENT_EN if is_event else FILLER_EN)
            s = tpl.format(a1=ACTORS_EN[a1], a2=ACTORS_EN[a2], p=pen, n=rng.randint(2, 20), k=rng.randint(5, 60),
                           d=rng.choice(DIRS_EN))
            s = s[0].upper() + s[1:]
        else:
            tpl = rng.choice(EVENT_AR if is_event else FILLER_AR)
            s = tpl.format(a1=ACTORS_AR[a1], a2=ACTORS_AR[a2], p=par, n=rng.choice(NUMBERS_AR), k=rng.randint(5, 60),
                           d=rng.choice(DIRS_AR))
        sentences.append(s)
    paras = []
    while sentences:
        k = rng.randint(1, 3)
        paras.append(" ".join(sentences[:k]))
        sentences = sentences[k:]
    return {
        "id": f"gen-{seed}-{i:07d}",
        "text": "\n\n".join(paras),
        "date": day.isoformat(),
        "source": "synthetic",
        "url": f"https://example.org/news/{seed}/{i}",
    }


def generate(n: int, seed: int = 0) -> Iterator[dict]:
    """Yield ``n`` articles (streamed: constant memory)."""
    for i in range(n):
        yield article(i, seed)


def write_corpus(n: int, out: str | Path, *, seed: int = 0, fmt: str = "jsonl") -> Path:
    """Write ``n`` articles to ``out`` (a ``.jsonl`` file, or a folder of ``.txt`` files for ``fmt='txt'``)."""
    out = Path(out)
    if fmt == "txt":
        out.mkdir(parents=True, exist_ok=True)
        for rec in generate(n, seed):
            (out / f"{rec['id']}.txt").write_text(rec["text"] + "\n", encoding="utf-8")
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for rec in generate(n, seed):
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", help="output .jsonl file, or folder with --format txt")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    args = ap.parse_args(argv)
    path = write_corpus(args.n, args.out, seed=args.seed, fmt=args.format)
    print(f"wrote {args.n} articles to {path}")


if __name__ == "__main__":
    main()
