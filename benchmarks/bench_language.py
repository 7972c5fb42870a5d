"""Throughput of the language layer: split_sentences + find_triggers + find_actors.

Run: ``PYTHONPATH=. .venv/bin/python benchmarks/bench_language.py [n_docs]``.
The corpus is generated from template sentences (Arabic and English) so it is
reproducible; the figure printed is sentences per second on this machine.
"""

from __future__ import annotations

import random
import sys
import time

from geo.text.lexicon import default_lexicon, find_actors, find_triggers
from geo.text.structure import split_sentences

AR = [
    "أعلنت قوات حكومة الوفاق الوطني الليبية {day} أنها دخلت مدينة {city}، حيث تدور معارك مع عناصر تنظيم داعش.",
    "وقال المتحدث إن سلاح الجو الليبي نفذ {n} غارات جوية على مواقع للتنظيم قرب {city}.",
    "وأسفرت المواجهات عن مقتل {n} وإصابة {m} آخرين.",
    "سيطرت القوات التابعة لحكومة الوفاق على معسكر قرب {city} بعد قصف مدفعي عنيف.",
    "ويسيطر التنظيم منذ حزيران/يونيو 2015 على {city}.",
]
EN = [
    "GNA forces entered {city} on {day}, clashing with Islamic State fighters.",
    "An air strike killed {n} people and wounded {m} near {city}, officials said.",
    "LNA artillery shelled positions held by the Benghazi Revolutionaries Shura Council.",
]
CITIES = ["سرت", "بنغازي", "طرابلس", "درنة", "Sirte", "Benghazi", "Derna"]
DAYS = ["الخميس", "الأربعاء", "Thursday", "Monday"]


def corpus(n_docs: int, seed: int = 0) -> list[str]:
    rnd = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        lines = []
        for k in range(12):
            tpl = rnd.choice(AR if rnd.random() < 0.7 else EN)
            lines.append(tpl.format(city=rnd.choice(CITIES), day=rnd.choice(DAYS), n=rnd.randint(1, 20), m=rnd.randint(1, 40)))
            if k == 5:
                lines.append("تحديث - 19:44 تغ")
        docs.append("\n\n".join(lines))
    return docs


def main(n_docs: int = 200) -> None:
    docs = corpus(n_docs)
    t0 = time.perf_counter()
    default_lexicon()
    t_load = time.perf_counter() - t0
    n_sent = n_trig = n_act = 0
    t0 = time.perf_counter()
    for doc in docs:
        for s in split_sentences(doc):
            n_sent += 1
            n_trig += len(find_triggers(s.text, s.language))
            n_act += len(find_actors(s.text, s.language))
    dt = time.perf_counter() - t0
    print(f"lexicon load: {t_load * 1000:.0f} ms")
    print(f"{n_docs} docs, {n_sent} sentences, {n_trig} triggers, {n_act} actors in {dt:.2f} s")
    print(f"{n_sent / dt:,.0f} sentences/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
