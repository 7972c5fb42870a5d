"""Event triggers, actors, organisation names and demonyms (ACLED taxonomy).

The word lists live in ``geo/data/lexicon/*.json`` and are loaded once, lazily.
Matching runs on :func:`gazetteer.normalize.normalize_with_offsets` output, so it
tolerates diacritics, hamza and ta-marbuta spellings, accepts Arabic proclitics
(:data:`gazetteer.normalize.PROCLITICS`: «و»، «ب»، «لل»…) and a small set of
inflectional suffixes, and maps every match back to offsets in the original text.
Overlapping matches are resolved longest first.

Public API: :func:`find_triggers`, :func:`find_actors`, :func:`org_spans`,
:func:`demonyms`, :func:`territory_sub_event`, :func:`attack_event`,
:func:`load_lexicon`.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

from gazetteer.normalize import is_arabic, normalize, normalize_with_offsets, split_proclitics
from geo.exc import ConfigError

__all__ = [
    "ActorMention",
    "Lexicon",
    "Trigger",
    "attack_event",
    "default_lexicon",
    "set_default_lexicon",
    "demonyms",
    "find_actors",
    "find_triggers",
    "load_lexicon",
    "org_spans",
    "territory_sub_event",
]

ACTOR_KINDS = ("state", "non_state", "external", "civilians")
_AR_SUFFIXES = ("", "ه", "ها", "هم", "هما", "ا", "ان", "ين", "ون", "ات", "ت", "تا", "وا", "ي", "نا", "يه", "يا")
_AR_DEMONYM_SUFFIXES = ("", "ه", "ون", "ين", "تان", "تين", "ان", "يه", "يين", "يون")
_EN_SUFFIXES = ("", "s", "es", "ed", "d", "ing", "'s")
_CUE_WINDOW = 7
_DEFINITE = re.compile(r"^[وف]?(?:[بكل]?ال|لل)")  # words either side of a weak trigger searched for a cue


@dataclass(frozen=True)
class Trigger:
    """An event trigger word in text.

    Attributes
    ----------
    event_type, sub_event_type
        ACLED taxonomy for ``kind`` ("" when the context decides: ``territory`` → actor,
        ``statement`` → no event by itself).
    word
        The text as written (``text[start:end]``).
    start, end
        Offsets in the text.
    kind
        clash, fighting, territory, air, shelling, explosive, suicide, attack, abduction,
        protest, statement, disrupted_weapons, headquarters (or a user kind).
    """

    event_type: str
    sub_event_type: str
    word: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class ActorMention:
    """An actor named in text.

    Attributes
    ----------
    name
        Canonical name ("GNA forces", "Islamic State"…).
    start, end
        Offsets in the text.
    kind
        ``state``, ``non_state``, ``external`` or ``civilians``.
    acled_name
        ACLED-style actor label.
    actor_id
        Lexicon id (``gna``, ``lna``, ``is``…).
    anaphoric
        Found through an anaphor («التنظيم»، "the group") resolved to an actor named before.
    org
        The name contains a place word («مجلس شورى ثوار بنغازي»، "Libya Dawn").
    """

    name: str
    start: int
    end: int
    kind: str
    acled_name: str = ""
    actor_id: str = ""
    anaphoric: bool = False
    org: bool = False


# --- the matcher --------------------------------------------------------------------


def _accepted(word: str) -> set[str]:
    """Forms under which a (normalised) pattern word is accepted as a stem."""
    out = {word}
    if is_arabic(word) and word.startswith("ال") and len(word) >= 4:
        out.add(word[2:])
    return out


@lru_cache(maxsize=131072)
def _stems(word: str, suffixes: tuple[str, ...]) -> frozenset[str]:
    """Candidate stems of a normalised text word: proclitics and suffixes removed (cached)."""
    return frozenset(_stems_uncached(word, suffixes))


def _stems_uncached(word: str, suffixes: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    if is_arabic(word):
        for _pro, rest in split_proclitics(word):
            out.add("=" + rest)  # for patterns matched without suffixes
            for suf in suffixes:
                if not suf:
                    out.add(rest)
                elif rest.endswith(suf) and len(rest) - len(suf) >= 3:
                    out.add(rest[: -len(suf)])
    else:
        out.add(word)
        out.add("=" + word)
        for suf in _EN_SUFFIXES[1:]:
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                out.add(word[: -len(suf)])
                if suf in {"ed", "ing"}:
                    out.add(word[: -len(suf)] + "e")
    return out


def _is_acronym(pattern: str) -> bool:
    letters = [c for c in pattern if c.isalpha()]
    return bool(letters) and all(c.isascii() and c.isupper() for c in letters)


#: English group nouns a town's militia is also named by: "Misratan militias" are "Misratan militiamen" and
#: "Misratan gunmen" too (added when the lexicon names the militias and not these)
_EN_MILITIA_VARIANTS = ("militiamen", "gunmen")


#: Plural craft and weapon nouns of a force whose singular names the same force ("Turkish frigates" → "a Turkish
#: frigate shelled …", "LNA drones" → "an LNA drone struck …")
_EN_CRAFT_PLURALS = {"frigates": "frigate", "warships": "warship", "drones": "drone", "jets": "jet", "warplanes": "warplane",
                     "helicopters": "helicopter", "gunboats": "gunboat", "fighter jets": "fighter jet"}


def _en_variants(names: list[str]) -> list[str]:
    """Aliases implied by an actor's English names (see :data:`_EN_MILITIA_VARIANTS`, :data:`_EN_CRAFT_PLURALS`),
    none it already has."""
    have = {n.lower() for n in names}
    out = []

    def add(alias: str) -> None:
        if alias.lower() not in have:
            have.add(alias.lower())
            out.append(alias)

    for n in names:
        if n.endswith(" militias"):
            for v in _EN_MILITIA_VARIANTS:
                add(n[: -len("militias")] + v)
        head, _, last = n.rpartition(" ")
        if head and last in _EN_CRAFT_PLURALS:
            add(f"{head} {_EN_CRAFT_PLURALS[last]}")
    return out


#: Sound plurals in the construct state, accusative/genitive («مسلحي مصراتة») and nominative («مسلحو مصراتة»)
_AR_CONSTRUCT_PLURALS = {"مسلحي": "مسلحو", "مقاتلي": "مقاتلو", "منتسبي": "منتسبو", "مجندي": "مجندو", "مؤيدي": "مؤيدو",
                         "موالي": "موالو", "مناصري": "مناصرو"}


def _ar_variants(names: list[str]) -> list[str]:
    """The nominative construct of an actor's Arabic names that begin with a sound plural («مسلحو مصراتة» for
    «مسلحي مصراتة»), none it already has."""
    have = set(names)
    out = []
    for n in names:
        first, _, rest = n.partition(" ")
        if rest and first in _AR_CONSTRUCT_PLURALS:
            alias = _AR_CONSTRUCT_PLURALS[first] + " " + rest
            if alias not in have:
                have.add(alias)
                out.append(alias)
    return out


@dataclass
class _Matcher:
    """Multi-word pattern matcher over normalised words.

    Latin patterns written in capitals ("IS", "GNA", "US") only match that exact spelling.
    """

    suffixes: tuple[str, ...] = _AR_SUFFIXES
    index: dict[str, list[tuple[tuple[frozenset[str], ...], int, int]]] = field(default_factory=dict)
    exact: dict[int, str] = field(default_factory=dict)  # pattern id -> spelling required
    n_patterns: int = 0
    # stems of a word (a cached frozenset) -> index entries they hit; cleared when patterns are added
    _cands: dict[frozenset[str], tuple[Any, ...]] = field(default_factory=dict, repr=False)

    def add(self, pattern: str, payload: int, case_sensitive: bool = False, exact: bool = False) -> None:
        """Register ``pattern``; ``exact``: its words take proclitics but no suffixes."""
        words = normalize(pattern).split()
        if not words:
            return
        pid = self.n_patterns
        self.n_patterns += 1
        if case_sensitive or _is_acronym(pattern):
            self.exact[pid] = pattern
        self._cands.clear()
        acc = tuple(frozenset(("=" if exact else "") + f for f in _accepted(w)) for w in words)
        for first in acc[0]:
            self.index.setdefault(first, []).append((acc, payload, pid))

    def find(self, text: str, words: Sequence[tuple[str, int, int]], stems: Sequence[frozenset[str]],
             overlapping: bool = False) -> list[tuple[int, int, int]]:
        """Matches as ``(first_word, last_word_exclusive, payload)``, longest first, non-overlapping
        (``overlapping``: every match, in text order — cue words, where each payload counts)."""
        found: set[tuple[int, int, int]] = set()
        cache = self._cands
        nw = len(words)
        for i, st in enumerate(stems):
            entry = cache.get(st)
            if entry is None:
                entry = self._candidates(st)
                if len(cache) < 200_000:
                    cache[st] = entry
            singles, by_second = entry
            if not singles and not by_second:
                continue
            cands: Iterable[Any] = singles
            if by_second and i + 1 < nw:
                # patterns of several words are looked up by their second word too: «قوات» and
                # "forces" begin hundreds of names, the next word tells which few can match
                nxt = [by_second[s2] for s2 in stems[i + 1] if s2 in by_second]
                if len(nxt) == 1:  # one group holds each pattern once: nothing to deduplicate
                    cands = (*singles, *nxt[0])
                elif nxt:
                    cands = (*singles, *dict.fromkeys(e for group in nxt for e in group))
            if cands:
                for acc, payload, pid in cands:
                    n = len(acc)
                    if i + n > nw:
                        continue
                    # the words after the second each take the pattern's word (``isdisjoint``: no new set)
                    if n > 2 and any(stems[i + k].isdisjoint(acc[k]) for k in range(2, n)):
                        continue
                    if pid in self.exact:
                        span = text[words[i][1]:words[i + n - 1][2]]
                        want = self.exact[pid]
                        if _NON_WORD_RE.sub("", span) != _NON_WORD_RE.sub("", want):
                            continue
                    found.add((i, i + n, payload))
        if overlapping:
            return sorted(found)
        order = sorted(found, key=lambda m: (-(m[1] - m[0]), -(words[m[1] - 1][2] - words[m[0]][1]), m[0], m[2]))
        taken: set[int] = set()
        out = []
        for a, b, p in order:
            if not taken.isdisjoint(range(a, b)):
                continue
            taken.update(range(a, b))
            out.append((a, b, p))
        return sorted(out)


    def _candidates(self, st: frozenset[str]) -> tuple[tuple[Any, ...], dict[str, tuple[Any, ...]]]:
        """Patterns whose first word takes one of the stems ``st``: (one-word patterns, {second-word
        stem: longer patterns})."""
        allc = tuple(dict.fromkeys(e for stem in st for e in self.index.get(stem, ())))
        singles = tuple(e for e in allc if len(e[0]) == 1)
        by_second: dict[str, list[Any]] = {}
        for e in allc:
            if len(e[0]) > 1:
                for s2 in e[0][1]:
                    by_second.setdefault(s2, []).append(e)
        return singles, {k: tuple(v) for k, v in by_second.items()}


_NON_WORD_RE = re.compile(r"\W")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[str, int, int], ...]:
    """Normalised words of ``text`` with their original offsets (cached: every finder asks)."""
    return tuple(_words_uncached(text))


def _words_uncached(text: str) -> list[tuple[str, int, int]]:
    norm, offs = normalize_with_offsets(text)
    out = []
    pos = 0
    for w in norm.split(" "):
        if w:
            s = offs[pos]
            e = offs[pos + len(w) - 1] + 1
            out.append((w, s, e))
        pos += len(w) + 1
    return out


# --- the lexicon -----------------------------------------------------------------------


@dataclass
class Lexicon:
    """Compiled word lists (build with :func:`load_lexicon`)."""

    kinds: dict[str, tuple[str, str]]
    triggers: list[dict[str, Any]]
    cues: dict[str, dict[str, list[str]]]
    actors: list[dict[str, Any]]
    org_prefixes: dict[str, list[str]]
    demonyms: dict[str, dict[str, list[str]]]
    _m: dict[str, _Matcher] = field(default_factory=dict, repr=False)
    _by_name: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        m = self._m
        for key in ("trig", "cue", "actor", "org", "demonym"):
            m[key] = _Matcher()
        m["demonym"].suffixes = _AR_DEMONYM_SUFFIXES
        for i, t in enumerate(self.triggers):
            for p in t.get("ar", []) + t.get("en", []):
                m["trig"].add(p, i, exact=bool(t.get("exact")))
        # a cue word may serve several kinds ("port": a closure, a handover): one pattern, a set of kinds
        kinds_of: dict[str, set[str]] = {}
        spelling: dict[str, str] = {}
        for ck in sorted(self.cues):
            for p in self.cues[ck].get("ar", []) + self.cues[ck].get("en", []):
                key = normalize(p)
                spelling.setdefault(key, p)
                kinds_of.setdefault(key, set()).add(ck)
        self._cue_kinds = [frozenset(ks) for ks in kinds_of.values()]
        for ci, key in enumerate(kinds_of):
            m["cue"].add(spelling[key], ci)
        for i, a in enumerate(self.actors):
            for p in a.get("ar", []) + a.get("en", []) + _en_variants(a.get("en", [])) + _ar_variants(a.get("ar", [])):
                m["actor"].add(p, i)
            for p in a.get("case_sensitive", []):
                m["actor"].add(p, i, case_sensitive=True)
            for key in (a["name"], a.get("acled_name", ""), a.get("id", "")):
                if key:
                    self._by_name.setdefault(key.lower(), a)
        for i, p in enumerate(self.org_prefixes.get("ar", []) + self.org_prefixes.get("en", [])):
            m["org"].add(p, i)
        self._n_org_ar = len(self.org_prefixes.get("ar", []))
        self._demonym_iso: list[str] = []
        self._demonym_not = set()
        for iso, langs in sorted(self.demonyms.items()):
            if iso.startswith("_"):
                continue
            self._demonym_not |= {normalize(w) for w in langs.get("not_ar", [])}
            for p in langs.get("ar", []) + langs.get("en", []):
                m["demonym"].add(p, len(self._demonym_iso))
                self._demonym_iso.append(iso)

    def actor(self, name: str) -> dict[str, Any] | None:
        """Actor entry by canonical name, ACLED name or id (case-insensitive)."""
        return self._by_name.get((name or "").strip().lower())

    def person_words(self) -> frozenset[str]:
        """Lower-cased names of the people the actors' names are led by ("pro-Gaddafi forces", "forces loyal
        to Khalifa Haftar", "Gaddafi loyalists"): such a word found alone is a person,
        not a misspelt place (a town or tribe that names a force, "Warshefana forces", is no person)."""
        words = getattr(self, "_person_words", None)
        if words is None:
            words = frozenset(
                w.lower() for a in self.actors for p in a.get("en", []) + a.get("case_sensitive", [])
                for m in _PERSON_IN_ALIAS_RE.finditer(p) for w in m.groups() if w)
            object.__setattr__(self, "_person_words", words)
        return words


_PERSON_IN_ALIAS_RE = re.compile(
    r"\bpro-([A-Z][a-z][\w-]+)|\bloyal\s+to\s+(?:[A-Z][a-z][\w-]*\s+)*([A-Z][a-z][\w-]+)"
    r"|\b([A-Z][a-z][\w-]+)\s+(?:loyalists|supporters)\b")


def _data(name: str) -> dict[str, Any]:
    with resources.files("geo.data.lexicon").joinpath(name).open("r", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
        return data


def _validate(entries: Iterable[dict[str, Any]] | None, what: str, required: tuple[str, ...],
              kinds: Iterable[str] = ()) -> list[dict[str, Any]]:
    out = []
    for i, e in enumerate(entries or ()):
        label = f"{what}[{i}]"
        if not isinstance(e, dict):
            raise ConfigError(f"{label}: expected a table/dict, got {type(e).__name__}")
        label += f" ({e.get('name') or e.get('kind') or e.get('id') or '?'!s})"
        for k in required:
            if k not in e or e[k] in (None, ""):
                raise ConfigError(f"{label}: missing key {k!r}")
        pats = [p for lang in ("ar", "en") for p in (e.get(lang) or [])]
        if not pats:
            raise ConfigError(f"{label}: needs at least one pattern in 'ar' or 'en'")
        if not all(isinstance(p, str) and normalize(p) for p in pats):
            raise ConfigError(f"{label}: patterns must be non-empty strings")
        if kinds and str(e.get("kind")) not in kinds:
            raise ConfigError(f"{label}: kind must be one of {', '.join(kinds)}, got {e.get('kind')!r}")
        out.append(dict(e))
    return out


def load_lexicon(extra_actors: list[dict[str, Any]] | None = None,
                 extra_triggers: list[dict[str, Any]] | None = None) -> Lexicon:
    """Build a lexicon from the package data plus user entries.

    Parameters
    ----------
    extra_actors
        Entries ``{"name", "kind", "ar": [...], "en": [...]}`` (optional ``id``,
        ``acled_name``, ``org``, ``case_sensitive``); kind is one of ``state``,
        ``non_state``, ``external``, ``civilians``.
    extra_triggers
        Entries ``{"kind", "ar"/"en"}``, plus ``event_type`` and ``sub_event_type`` when
        the kind is new.

    Raises
    ------
    ConfigError
        An entry lacks a key, has no pattern or a bad kind (the message names the entry).
    """
    tdata = _data("triggers.json")
    adata = _data("actors.json")
    kinds = {k: (v[0], v[1]) for k, v in tdata["kinds"].items()}
    triggers = list(tdata["triggers"])
    user_triggers: list[dict[str, Any]] = []
    for e in _validate(extra_triggers, "extra_triggers", ("kind",)):
        if e["kind"] not in kinds:
            for k in ("event_type", "sub_event_type"):
                if k not in e:
                    raise ConfigError(f"extra_triggers ({e['kind']}): new kind needs {k!r}")
            kinds[e["kind"]] = (e["event_type"], e["sub_event_type"])
        user_triggers.append(e)
    triggers = user_triggers + triggers  # user entries first: they win ties, as user actors do
    actors = list(adata["actors"])
    # the Libyan actors of 2011–2024, each row with its source (actors-libya.json)
    if resources.files("geo.data.lexicon").joinpath("actors-libya.json").is_file():
        actors += [{k: v for k, v in e.items() if k != "source"} for e in _data("actors-libya.json")["actors"]]
    for e in _validate(extra_actors, "extra_actors", ("name", "kind"), ACTOR_KINDS):
        e.setdefault("id", e["name"].lower().replace(" ", "_"))
        e.setdefault("acled_name", e["name"])
        actors.insert(0, e)  # user entries first: they win ties
    return Lexicon(kinds, triggers, tdata["cues"], actors, adata.get("org_prefixes", {}), _data("demonyms.json"))


_DEFAULT_LEXICON: Lexicon | None = None


def default_lexicon() -> Lexicon:
    """The lexicon in use: the package one (built once), or what :func:`set_default_lexicon` installed."""
    global _DEFAULT_LEXICON
    if _DEFAULT_LEXICON is None:
        _DEFAULT_LEXICON = load_lexicon()
    return _DEFAULT_LEXICON


def set_default_lexicon(lexicon: Lexicon | None) -> None:
    """Install ``lexicon`` as the default (``None`` goes back to the package lexicon)."""
    global _DEFAULT_LEXICON
    _DEFAULT_LEXICON = lexicon


def _prepare(text: str, lex: Lexicon, key: str) -> tuple[Sequence[tuple[str, int, int]], Sequence[frozenset[str]]]:
    words = _words(text)
    sufs = lex._m[key].suffixes
    return words, _stems_of(text, sufs)


@lru_cache(maxsize=64)
def _stems_of(text: str, suffixes: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The stems of every word of ``text`` (cached: the trigger and actor finders read the same
    sentence, and the organisation spans the same document twice, with the same suffixes)."""
    return tuple([_stems(w, suffixes) for w, _, _ in _words(text)])


# --- triggers ------------------------------------------------------------------------


def find_triggers(text: str, language: str = "ar", *, lexicon: Lexicon | None = None,
                  context_kind: str = "") -> list[Trigger]:
    """Event trigger words in ``text`` (a sentence), in text order.

    Weak words («قصف»، «استهدفت»، «ضربات»، "strikes") take their kind from a cue
    within a few words («سلاح الجو» → air strike, «من البحر»/"artillery" → shelling);
    without a cue they fall back to the entry's default or are dropped.

    Parameters
    ----------
    text
        A sentence.
    language
        ``'ar'`` or ``'en'`` (both scripts are matched whatever the value).
    lexicon
        A lexicon from :func:`load_lexicon` (default: the package one).
    context_kind
        The kind the text's section was about ('air' after a report of air strikes): a weak
        word with no cue of its own and no default takes it when the entry accepts it ("Many
        strikes went after armoured forces outside Ajdabiya").
    """
    lex = lexicon or default_lexicon()
    words, stems = _prepare(text, lex, "trig")
    cues = lex._m["cue"].find(text, words, stems, overlapping=True)
    out = []
    inherited: list[Trigger] = []  # weak words that took the section's kind
    for a, b, p in lex._m["trig"].find(text, words, stems):
        entry = lex.triggers[p]
        kind = entry["kind"]
        from_context = False
        if "cues" in entry:
            best = None
            for ca, cb, cp in cues:
                fits = [k for k in entry["cues"] if k in lex._cue_kinds[cp]]
                if not fits or (ca < b and cb > a):
                    continue
                dist = a - cb if cb <= a else ca - b
                if dist <= _CUE_WINDOW and (best is None or dist < best[0]):
                    best = (dist, fits[0])
            kind = best[1] if best else entry.get("default")
            if kind is None and context_kind in entry["cues"]:
                kind, from_context = context_kind, True
            if kind is None:
                continue
        et, st = lex.kinds.get(kind, ("", ""))
        et = entry.get("event_type", et) if kind == entry["kind"] else et
        st = entry.get("sub_event_type", st) if kind == entry["kind"] else st
        s, e = words[a][1], words[b - 1][2]
        out.append(Trigger(et, st, text[s:e], s, e, kind))
        if from_context:
            inherited.append(out[-1])
    if inherited and any(t.event_type == "Explosions/Remote violence" and t.kind != context_kind and t not in inherited
                         for t in out):
        # «… إثر هجوم انتحاري استهدف بوابة»: a sentence that names its own blow of another kind («انتحاري») tells
        # what its weak word («استهدف») was; the section's air strikes do not (a sentence of air strikes keeps its
        # weak words: «نفذت عدة ضربات جوية… استهداف تجمع … واستهداف بوابة …»)
        out = [t for t in out if t not in inherited]
    return out


def territory_sub_event(actor1: str, *, lexicon: Lexicon | None = None) -> str:
    """ACLED sub-event of a change of territory, decided by who took it.

    ``"Government regains territory"`` when ``actor1`` (canonical name, ACLED name or
    id) is a state force, else ``"Non-state actor overtakes territory"``.
    """
    lex = lexicon or default_lexicon()
    a = lex.actor(actor1)
    if a is not None and a["kind"] == "state":
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def attack_event(target_kind: str) -> tuple[str, str]:
    """(event_type, sub_event_type) of an attack: civilians targeted → violence against civilians."""
    if target_kind == "civilians":
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


# --- actors, organisations, demonyms ---------------------------------------------------


def find_actors(
    text: str,
    language: str = "ar",
    *,
    seen: Iterable[str] = (),
    lexicon: Lexicon | None = None,
    patterns: bool = True,
) -> list[ActorMention]:
    """Actors named in ``text``, in text order.

    Longer names win («الجيش الليبي التابع لحكومة الوفاق» is the GNA, not the LNA);
    an affiliation phrase right after a force («القوات الليبية التابعة لحكومة
    السراج»، "forces loyal to the GNA") turns it into the affiliated actor.  Anaphors
    («التنظيم»، "the group") count only when their actor was named before in
    ``text`` or is in ``seen`` (ids or names of actors from earlier sentences), and are
    flagged ``anaphoric=True``.  With ``patterns`` (the default), actors the lexicon does
    not know are named by general patterns (:func:`pattern_actors`).
    """
    lex = lexicon or default_lexicon()
    words, stems = _prepare(text, lex, "actor")
    prior = {s.lower() for s in seen}
    out: list[ActorMention] = []
    for a, b, p in lex._m["actor"].find(text, words, stems):
        e = lex.actors[p]
        s, t = words[a][1], words[b - 1][2]
        if b - a >= 2 and _DEFINITE.match(words[a][0]) and _AR_LETTER_RE.match(words[a][0]) \
                and not _definite_head_alias(e, words[a][0]):
            # «دخلت القوات الزاوية» (the forces entered Zawiya) is no «قوات الزاوية» (Zawiya's forces): a
            # construct's head takes no article
            continue
        anaph = e.get("anaphoric_of")
        if anaph:
            ant = lex.actor(anaph)
            names = {anaph.lower()} | ({ant["name"].lower()} if ant else set())
            if not (prior & names or any(m.actor_id == anaph and not m.anaphoric for m in out)):
                continue
        mention = ActorMention(e["name"], s, t, e["kind"], e.get("acled_name", ""), e.get("id", ""), bool(anaph),
                               bool(e.get("org")))
        if e.get("affiliation"):
            if out and out[-1].kind in {"state", "non_state"} and not text[out[-1].end:s].strip():
                prev = out.pop()
                mention = ActorMention(e["name"], prev.start, t, e["kind"], e.get("acled_name", ""), e.get("id", ""))
            else:
                # "forces loyal to the GNA" without a named force: the phrase names the actor
                pass
        out.append(mention)
    if patterns:
        # a generic word («مسلحون», "gunmen") gives way to a pattern that names the group
        specific = [(m.start, m.end) for m in out if m.actor_id not in _GENERIC_ACTORS]
        found = pattern_actors(text, language, lex, specific)
        if found:
            # (also one the pattern begins inside: "armed groups backing his rival Bashagha" is his forces, from
            # "armed" on)
            kept = []
            for m in out:
                f = next((f for f in found if f.start < m.end and m.start < f.end), None) \
                    if m.actor_id in _GENERIC_ACTORS else next(
                        (f for f in found if f.start <= m.start and m.end <= f.end and f.actor_id == m.actor_id), None)
                if f is None:
                    kept.append(m)
                elif m.start < f.start:
                    found[found.index(f)] = dataclasses.replace(f, start=m.start)
            out = kept
            out.extend(found)
        out.sort(key=lambda m: m.start)
    # "ISIL gunmen", "gunmen from IS", «مسلحون من داعش»: the generic word is the named group's men
    merged: list[ActorMention] = []
    for m in out:
        last = merged[-1] if merged else None
        if last is not None and m.actor_id in _GENERIC_ACTORS and last.actor_id not in _GENERIC_ACTORS \
                and last.kind in {"state", "non_state", "external"} and _OWN_MEN_GAP.match(text[last.end:m.start]):
            merged[-1] = dataclasses.replace(last, end=m.end)
            continue
        if last is not None and last.actor_id in _GENERIC_ACTORS and m.actor_id not in _GENERIC_ACTORS \
                and m.kind in {"state", "non_state", "external"} and _MEN_OF_GAP.match(text[last.end:m.start]):
            merged[-1] = dataclasses.replace(m, start=last.start)
            continue
        merged.append(m)
    return merged


def _definite_head_alias(entry: dict[str, Any], word: str) -> bool:
    """True when one of the entry's Arabic names starts with ``word`` as a definite word («الكتائب الزاوية»)."""
    bare = _DEFINITE.sub("", normalize(word))
    return any(_DEFINITE.match(first) is not None and _DEFINITE.sub("", first) == bare
               for first in (normalize(n).split(" ", 1)[0] for n in entry.get("ar", ())))


_OWN_MEN_GAP = re.compile(r"^[\s\-‐]*$")
_MEN_OF_GAP = re.compile(
    r"^\s+(?:from|of|belonging\s+to|loyal\s+to|affiliated\s+(?:with|to)|linked\s+to|allied\s+(?:to|with)|aligned\s+with|"
    r"من(?:\s+(?:قبيلة|قبيلتي|قبيلتين|قبائل|مكون|مكوني))?|ينتمون\s+(?:إلى|الى)|(?:ال)?(?:تابعين|تابعون|موالين|موالون)"
    r"(?:\s+ل)?)\s*(?:the\s+)?$",
    re.IGNORECASE)

#: Lexicon actors that only say "armed men": a pattern naming the group wins over them.
GENERIC_ACTOR_IDS = frozenset({"unidentified", "libyan_forces"})
_GENERIC_ACTORS = GENERIC_ACTOR_IDS


# --- actors the lexicon does not know: general patterns ----------------------------------
_CAP = r"(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*|el-[A-Z][\w'’\-]*)"
_EN_NAME = rf"{_CAP}(?:\s+(?:al-|el-|bin\s+|ibn\s+|of\s+)?{_CAP}){{0,4}}"
_EN_LOYAL_RE = re.compile(
    rf"\b(?i:forces|fighters|militias?|militiamen|troops|units|gunmen|members|groups?|brigades?|coalition|alliance|"
    rf"factions?|those|others)\s+"
    rf"(?:loyal\s+to|affiliated\s+(?:with|to)|allied\s+(?:to|with)|aligned\s+(?:to|with)|backing|supporting|"
    rf"linked\s+to|belonging\s+to|under(?:\s+the\s+(?:command|leadership)\s+of)?|led\s+by|headed\s+by|"
    rf"commanded\s+by)\s+"
    rf"(?:the\s+)?(?i:(?:renegade|rogue|eastern|eastern-based|Libyan|military|strongman|commander|general|gen\.|"
    rf"field\s+marshal|marshal|warlord|retired|former|ex-|self-styled|self-declared|dissident|army|colonel|col\.|"
    rf"brigadier|brig\.|major|maj\.|lieutenant|lt\.|late|ousted|deposed|leader|dictator|[A-Z]\w+-based|"
    # "armed groups backing his rival Fathi Bashagha", "loyal to Prime Minister Dbeibah"
    rf"his|her|their|rival|prime\s+minister|premier|interim|president|speaker)\s*)*"
    rf"(?P<x>{_EN_NAME})"
)
_EN_AND_LEADER_RE = re.compile(r"\s+and\s+(?:to\s+)?(?P<y>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_EN_UNIT_RE = re.compile(
    rf"\b(?:the\s+)?(?P<x>(?:\d{{1,3}}(?:st|nd|rd|th)?|{_CAP})(?:\s+{_CAP}){{0,3}})\s+"
    rf"(?P<head>Brigade|Battalion|Regiment|Division|Militia|Force|Apparatus|Group|Front)s?\b"
)
# "the pro-Islamist Al-Kani brigade", "the Nawasi militia": news writes the head in lower case after a capitalised name
_EN_UNIT_LOWER_RE = re.compile(
    rf"\b(?i:the)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<x>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?P<head>brigade|battalion|militia)s?\b"
)
_EN_FROM_RE = re.compile(rf"\b(?i:militias?|fighters|forces|gunmen|armed\s+groups?|militiamen)\s+(?:from|of)\s+"
                         rf"(?:the\s+(?:town|city)\s+of\s+)?(?P<x>{_CAP}(?:\s+{_CAP})?)")
_AR_W = r"[\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0640]+"
_AR_PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن"})
#: «القوات الموالية», «الكتائب الموالية» standing alone: no «لـ…» (nor «له», «لها») names whom they are loyal to
_AR_BARE_LOYAL_RE = re.compile(
    r"(?:(?<=[\s«(])|^)(?P<head>[وب]?(?:ال)?(?:قوات|كتائب)\s+(?:ال)?موالية)(?=[\s.,،؛:»)]|$)(?![\s«]*(?:ل|ل\S+)(?:\s|$))"
    r"(?!\s+(?:ل|لل)\S)")
# "Haftar-aligned forces", "Kikli-led militias", "Gaddafi-loyal troops": the compound adjective says the same
# ("-backed" does not: who backs a force is not the force)
_EN_COMPOUND_LOYAL_RE = re.compile(
    rf"\b(?:the\s+)?(?P<x>{_CAP})-(?i:aligned|allied|affiliated|loyal|linked|led)\s+"
    rf"(?i:forces|fighters|militias?|militiamen|troops|units|gunmen|groups?|brigades?|armed\s+groups?)\b"
)
_AR_LOYAL_RE = re.compile(
    rf"(?:(?<=\s)|^)(?P<head>(?:[وب]?(?:ال)?|لل)(?:قوات|عناصر|مسلح(?:ون|ين|و)|مقاتل(?:ون|ين|و)|مهاجم(?:ون|ين|و)|نشطاء|ناشطين|ميليشيات|مليشيات|"
    rf"كتائب|مجموعات|مجموعة|تشكيلات|وحدات|أخرى|اخرى|أخريات))\s+"
    rf"(?:(?:مسلحة\s+)?(?:تابعة|التابعة|موالية|الموالية|تابعين|موالين|التابعين|الموالين|تابعون|موالون|التابعون|الموالون|"
    rf"تتبع|مؤيدة|المؤيدة|مؤيدين|المؤيدين|مؤيدون|المؤيدون|مبايعين|المبايعين|"
    # «مجموعات مسلحة داعمة لفتحي باشاغا»: backing
    rf"داعمة|الداعمة|داعمين|الداعمين|داعمون|الداعمون)\s+"
    rf"(?:ل(?:ـ\s*)?|إلى\s+|الى\s+)"
    # «القوات المحسوبة على حفتر»: counted as his
    rf"|(?:مسلحة\s+)?(?:محسوبة|المحسوبة|محسوبين|المحسوبين|محسوبون|المحسوبون)\s+(?:على|علي)\s+)"
    rf"(?P<x>{_AR_W}(?:\s+{_AR_W}){{0,2}})"
)
_AR_TITLES = r"(?:العقيد|المشير|اللواء|الفريق|العميد|الرائد|النقيب|المقدم|القائد|آمر|امر|الشيخ|الزعيم|الرئيس)"
# «قوات العقيد معمر القذافي»، «كتائب المشير حفتر»: a force named after its titled commander
_AR_TITLED_RE = re.compile(
    rf"(?:(?<=\s)|^)[وب]?(?P<head>(?:ال)?(?:قوات|قوة|كتائب|ميليشيات|مليشيات|عناصر|أنصار|انصار|مسلحو|مقاتلو|مجموعة|"
    rf"مجموعات|جماعة|جماعات))\s+"
    rf"(?:(?:التي\s+)?(?:يقودها|يقوده|تقودها|يتزعمها|تتزعمها|بقيادة|بإمرة|بامرة|بزعامة)\s+(?:{_AR_TITLES}\s+)?|{_AR_TITLES}\s+)(?:(?:المتقاعد|السابق)\s+)?"
    rf"(?P<x>{_AR_W}(?:\s+{_AR_W}){{0,2}})"
)
# «مسلحون من الزنتان»، «ميليشيات من مدينة مصراتة»: armed men named after their town
_AR_FROM_RE = re.compile(
    rf"(?:(?<=\s)|^)[وب]?(?P<head>(?:ال)?(?:مسلحون|مسلحين|مقاتلون|مقاتلين|ميليشيات|مليشيات|كتائب|ثوار|قوات|مجموعات مسلحة))\s+"
    rf"من\s+(?:مدينة\s+|مدينه\s+|بلدة\s+|منطقة\s+)?(?P<x>{_AR_W})"
)
_AR_LETTER_RE = re.compile(r"[\u0621-\u064a]")
_LATIN_LOWER_RE = re.compile(r"[a-z]")
_AR_TITLE_HINT_RE = re.compile(_AR_TITLES + r"|يقود|تقود|يتزعم|تتزعم|بقيادة|بإمرة|بامرة|بزعامة")
_AR_ORDINALS = ("الأول", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                "العاشر", "الحادي", "الثاني عشر")
_AR_UNIT_RE = re.compile(
    # «للكتيبة 55», «للواء 444»: لـ before the article, whose alif is not written
    rf"(?:(?<=\s)|^)[وب]?(?P<lil>لل|ل(?=لواء))?(?P<head>(?:ال)?(?:لواء|كتيبة|كتيبه|الكتيبة|اللواء))\s+"
    rf"(?P<x>\d{{1,3}}|(?:{'|'.join(_AR_ORDINALS)})[ةه]?(?:\s+عشر[ةه]?)?(?![\u0621-\u064a])|{_AR_W}(?:\s+{_AR_W}){{0,2}})"
)
# words after «كتيبة»/"Brigade" that end the name: prepositions, verbs of the sentence
_AR_NAME_STOP = {"في", "من", "على", "علي", "إلى", "الى", "عن", "مع", "بعد", "قبل", "التي", "الذي", "و", "قرب", "بين",
                 "ضد", "خلال", "داخل", "وسط", "جنوب", "شمال", "شرق", "غرب", "أن", "ان", "قد", "لم", "كما"}
# nouns that begin a place after a unit's name: «كتيبة الأوفياء مطار طرابلس» → «كتيبة الأوفياء»
_AR_NAME_STOP |= {"يقودها", "يقوده", "تقودها", "بقيادة", "التابعة", "الموالية", "التابع", "الموالي",
                  "المتواجد", "المتواجدة", "المنعقد", "المنعقدة", "المتمركز", "المتمركزة", "ومقره", "ومقرها",
                  "مطار", "مدينة", "مدينه", "منطقة", "معسكر", "قاعدة", "ميناء", "بلدة", "مقر", "حي", "طريق", "بوابة",
                  "مستشفى", "جسر", "ضاحية", "شارع", "ميدان", "ساحة"}
_AR_NAME_STOP_N = frozenset(normalize(v) for v in _AR_NAME_STOP)
_AR_NOT_ORIGINS_N = frozenset(normalize(v) for v in (
    "مواقع", "المواقع", "المدينة", "البلدة", "المنطقة", "الداخل", "الخارج", "جهة", "جانب", "طرف", "الجيش", "الشرطة",
    "المحور", "محاور", "الجنوب", "الشمال", "الشرق", "الغرب", "العاصمة", "السكان", "الأهالي", "بينهم", "بينها",
    # «مسلحين من قبيلتي أولاد سليمان والتبو»: the tribes are named after the noun, by the lexicon
    "قبيلة", "قبيلتي", "قبيلتين", "قبائل", "القبائل", "عائلة", "عائلتي", "مكون", "مكوني"))
_AR_UNIT_HEADS_N = frozenset(normalize(v) for v in ("كتيبة", "الكتيبة", "لواء", "اللواء", "كتائب", "الكتائب", "سرية",
                                                       "السرية", "ميليشيا", "مليشيا", "قوة", "القوة", "جهاز", "غرفة"))
# head nouns of an armed party; after «و» inside a name they begin a second party
_AR_PARTY_HEADS_N = frozenset(normalize(v) for v in (
    "قوات", "القوات", "مجموعات", "المجموعات", "مجموعة", "المجموعة", "مسلحين", "المسلحين", "مسلحون", "ميليشيات",
    "الميليشيات", "مليشيات", "المليشيات", "كتائب", "الكتائب", "كتيبة", "الكتيبة", "عناصر", "مقاتلين", "مقاتلون",
    "تشكيلات", "التشكيلات", "وحدات", "ثوار", "الثوار", "أخرى", "اخرى"))
_EN_NOT_NAMES = {"The", "A", "An", "This", "That", "Libyan", "Libya", "Armed", "Special", "Security", "Joint", "New"}


def _verbal_noun_after_bi(w: str) -> bool:
    """«بالهجوم»، «بقصف»، «باقتحام»: «ب» before a definite noun or an event word ends a name;
    a surname that happens to begin with «ب» («باشاغا»، «بلحاج») does not."""
    return w.startswith("بال") or bool(find_triggers(w[1:], "ar"))


def _ar_loyal_matches(text: str) -> Iterator[re.Match[str]]:
    """:data:`_AR_LOYAL_RE` matches; the search resumes after each match's trimmed name, so the second party of
    «قوات موالية للدبيبة وأخرى موالية لباشاغا» is found though the first match's words ran into it."""
    pos = 0
    while (m := _AR_LOYAL_RE.search(text, pos)) is not None:
        yield m
        x = _trim_ar_name(m["x"])
        pos = min(m.end(), m.start("x") + len(x)) if x else m.end()
        pos = max(pos, m.start() + 1)


def _trim_ar_name(x: str) -> str:
    """The name words of «كتيبة X …»: up to a preposition, or a word with «ب» before a verbal noun."""
    out: list[str] = []
    for w in x.split():
        if normalize(w) in _AR_NAME_STOP_N or (w.startswith("ب") and len(w) >= 5 and out and _verbal_noun_after_bi(w)):
            break
        if find_triggers(w, "ar"):
            break  # «الكتيبة اقتحمت المدينة»: the sentence's verb, not the unit's name
        if out and w.startswith("و") and normalize(w[1:]) in _AR_PARTY_HEADS_N:
            break  # «… للحكومة ومجموعات مسلحة»: «و» + a party's head noun begins the second party
        out.append(w)
    return " ".join(out)


_WORD_AT_RE = re.compile(r"\s*\S+")


def _name_end(text: str, start: int, words: list[str], lookup: Callable[[list[str]], ActorMention | None],
              name: str, default: int) -> int:
    """Where the name of actor ``name`` ends: after the fewest of ``words`` (the words written from ``start``)
    that ``lookup`` still reads as that actor («قوات بقيادة خليفة حفتر هاجمت المطار»: after «حفتر», so the
    verb is the sentence's, not part of the name); ``default`` when no prefix does."""
    for j in range(1, len(words) + 1):
        k = lookup(words[:j])
        if k is not None and k.name == name:
            pos = start
            for _ in range(j):
                w = _WORD_AT_RE.match(text, pos)
                if w is None:
                    return default
                pos = w.end()
            return pos
    return default


def _known(text: str, lex: Lexicon, language: str) -> ActorMention | None:
    hits = [m for m in find_actors(text, language, lexicon=lex, patterns=False) if not m.anaphoric]
    return hits[0] if hits else None


def pattern_actors(text: str, language: str, lex: Lexicon, taken: list[tuple[int, int]]) -> list[ActorMention]:
    """Actors the lexicon lacks, named by a general pattern, as written.

    "forces loyal to Khalifa Haftar" (→ the lexicon actor the name belongs to, else
    "Forces loyal to X"), «قوات تابعة لـX», "the 444th Brigade", «اللواء السابع», «كتيبة X»,
    "militias from Zintan" (→ "Zintan militia"). Spans already taken by lexicon actors are left alone.
    """
    out: list[ActorMention] = []

    def free(a: int, b: int, inner: int | None = None) -> bool:
        """No actor found yet overlaps ``a:b`` (``inner``: one lying wholly in ``inner:b`` may, the name the
        phrase is loyal to: «مجموعات مسلحة داعمة لحكومة الوفاق» is the GNA's, whose name the lexicon found)."""
        return all(b <= s or a >= e or inner is not None and inner <= s and e <= b
                   for s, e in taken + [(m.start, m.end) for m in out])

    def add(name: str, a: int, b: int) -> None:
        if name and free(a, b):
            out.append(ActorMention(name, a, b, "non_state", name, "", False, False))

    low = text.lower()
    def has(*ws: str) -> bool:  # cheap guards before each pattern
        return any(map(low.__contains__, ws))
    en = bool(_LATIN_LOWER_RE.search(low))
    ar = bool(_AR_LETTER_RE.search(text))
    for m in (_EN_LOYAL_RE.finditer(text) if en and has("loyal", "affiliated", "allied", "aligned", "backing",
                                                            "supporting", "linked", "belonging", "under", "led by",
                                                            "headed by", "commanded") else ()):
        x = m["x"]
        known = _known(x, lex, "en") or _known(x.split()[-1] + " forces", lex, "en") \
            or _known("forces loyal to " + x.split()[-1], lex, "en")
        if known is not None:
            if free(m.start(), m.end()):
                out.append(ActorMention(known.name, m.start(), m.end(), known.kind, known.acled_name, known.actor_id))
            # "forces loyal to Dbeibah and Bashagha": the second leader's forces are the other party
            y = _EN_AND_LEADER_RE.match(text, m.end())
            other = _known("forces loyal to " + y["y"].split()[-1], lex, "en") if y else None
            if y is not None and other is not None and other.name != known.name and free(y.start("y"), y.end("y")):
                out.append(ActorMention(other.name, y.start("y"), y.end("y"), other.kind, other.acled_name,
                                        other.actor_id))
        elif x.split()[0] not in _EN_NOT_NAMES:
            add(f"Forces loyal to {x}", m.start(), m.end())
    for m in (_EN_UNIT_RE.finditer(text) if en and has("brigade", "battalion", "regiment", "division", "militia",
                                                           "force", "apparatus", "group", "front") else ()):
        x = m["x"]
        if x.split()[0] in _EN_NOT_NAMES and len(x.split()) == 1:
            continue
        add(f"{x} {m['head']}", m.start("x"), m.end())
    for m in (_EN_UNIT_LOWER_RE.finditer(text) if en and has("brigade", "battalion", "militia") else ()):
        x = m["x"]
        if x.split()[0] in _EN_NOT_NAMES or x.lower() in _EN_NOT_NAMES or re.search(r"-[a-z]", x) \
                or x.lower().endswith(("ist", "ian", "an", "ese", "ish", "ic", "ern")):
            continue  # ("the Islamist-leaning militia", "the Libyan militia": what kind, not which)
        add(f"{x} {m['head'].capitalize()}", m.start("x"), m.end())
    for m in (_EN_FROM_RE.finditer(text) if en and (" from " in low or " of " in low) else ()):
        # "forces from Misrata" are the town's known forces when the lexicon names them ("Misrata forces")
        known = _known(f"{m['x']} forces", lex, "en") or _known(f"{m['x']} militias", lex, "en")
        if known is not None and known.actor_id not in _GENERIC_ACTORS:
            if free(m.start(), m.end()):
                out.append(ActorMention(known.name, m.start(), m.end(), known.kind, known.acled_name, known.actor_id))
            continue
        add(f"{m['x']} militia", m.start(), m.end())
    for m in (_EN_COMPOUND_LOYAL_RE.finditer(text) if en and "-" in text else ()):
        x = m["x"]
        if x in _EN_NOT_NAMES or x.lower() in _EN_NOT_NAMES:
            continue
        known = _known(x + " forces", lex, "en") or _known("forces loyal to " + x, lex, "en")
        if known is not None:
            if free(m.start(), m.end()):
                out.append(ActorMention(known.name, m.start(), m.end(), known.kind, known.acled_name, known.actor_id))
        elif not x.lower().endswith(("ist", "ian", "ese", "ish", "ic", "ern")):
            # (a person's name; "Islamist-aligned", "Egyptian-led", "Western-allied" name no one)
            add(f"Forces loyal to {x}", m.start(), m.end())
    for m in (_ar_loyal_matches(text) if ar and has("تابع", "موال", "مؤيد", "مبايع", "تتبع", "داعم", "محسوب") else ()):
        x = _trim_ar_name(m["x"])
        if not x or x in _AR_PRONOUN_SUFFIXES:
            continue  # «القوات الموالية له»: loyal to someone named before, not to a party called «ه»
        if text[m.start("x") - 2:m.start("x")] == "لل" or (x.startswith("ل") and text[m.start("x") - 1] == "ل"):
            # لـ + «ال…» is written «لل…»: «للحكومة» = لـ + «الحكومة» (the article lost its alif); a noun that
            # itself begins with «ل» loses one lam too: «للواء السابع» = لـ + «اللواء السابع»
            x = ("ال" if x.startswith("لواء") else "ا") + x
        ws = x.split()

        def loyal_to(ws: list[str]) -> ActorMention | None:
            return _known(" ".join(ws), lex, "ar") or next(
                (k for i in range(len(ws)) for k in (_known(f"{h} {' '.join(ws[i:])}", lex, "ar") for h in ("قوات", "حكومة"))
                 if k is not None), None)

        known = loyal_to(ws)
        if known is not None:
            end = _name_end(text, m.start("x"), ws, loyal_to, known.name, m.end())
            # the name the lexicon found there ends the phrase (it reads «لحكومة» with its «لـ»)
            inner = m.start("x") - 3
            end = max([end] + [e for s, e in taken if inner <= s < end])
            if free(m.start("head"), end, inner):
                out.append(ActorMention(known.name, m.start("head"), end, known.kind, known.acled_name, known.actor_id))
            continue
        unit = _AR_UNIT_RE.match(x)
        # «قوات موالية للمجلس العسكري»: لـ before «ال» is written «لل»
        add(x if unit else (f"قوات موالية ل{x[1:]}" if x.startswith("ال") else f"قوات موالية لـ{x}"),
            m.start("head"), m.end("x"))
    for m in (_AR_BARE_LOYAL_RE.finditer(text) if ar and has("موالي") else ()):
        # «القوات الموالية» with no «لـ…» after it: the forces loyal to the government of the day (in 2011,
        # Gaddafi's: the generic state forces are named after their time when the event is dated)
        state = _known("القوات الليبية", lex, "ar")
        if state is not None and free(m.start("head"), m.end("head")):
            out.append(ActorMention(state.name, m.start("head"), m.end("head"), state.kind, state.acled_name,
                                    state.actor_id))
    for m in (_AR_TITLED_RE.finditer(text) if ar and _AR_TITLE_HINT_RE.search(text) else ()):
        words = _trim_ar_name(m["x"]).split()
        head = m["head"].lstrip("وب")
        known = None
        for i in range(len(words)):
            known = _known(f"{head} {' '.join(words[i:])}", lex, "ar") or _known(f"قوات {words[-1]}", lex, "ar")
            if known is not None:
                break
        for j in range(len(words) - 1, 0, -1) if known is None else ():
            # «مجموعة يقودها حفتر هاجمت المطار»: the commander's name is the first words, the verb follows
            known = _known(f"قوات {' '.join(words[:j])}", lex, "ar") or _known(f"قوات {words[j - 1]}", lex, "ar")
            if known is not None:
                words = words[:j]
                break
        if known is not None:
            end = _name_end(text, m.start("x"), words, lambda ws: _known(f"{head} {' '.join(ws)}", lex, "ar")
                            or _known(f"قوات {' '.join(ws)}", lex, "ar"), known.name, m.end())
            if free(m.start("head"), end):
                out.append(ActorMention(known.name, m.start("head"), end, known.kind, known.acled_name, known.actor_id))
        elif words:
            add(f"{head} {' '.join(words)}", m.start("head"), m.start("x") + len(" ".join(words)))
    for m in (_AR_FROM_RE.finditer(text) if ar and " من " in text else ()):
        x = m["x"]
        if normalize(x) in _AR_NAME_STOP_N or normalize(x) in _AR_PARTY_HEADS_N or len(x) < 3 \
                or normalize(x) in _AR_UNIT_HEADS_N or normalize(x) in _AR_NOT_ORIGINS_N \
                or (x.endswith(("ها", "هم", "هما")) and len(x) > 4):
            # «انسحبت القوات من مواقعها», «من جهتها»: where from, not whose men
            continue  # «مسلحون من كتيبة شهداء أبو سليم»: men of a unit the unit pattern names, not of a town
        known = _known(f"قوات {x}", lex, "ar") or _known(f"ميليشيات {x}", lex, "ar")
        if known is not None and known.actor_id not in _GENERIC_ACTORS:
            if free(m.start("head"), m.end()):  # «قوات من مصراتة»: the town's known forces
                out.append(ActorMention(known.name, m.start("head"), m.end(), known.kind, known.acled_name, known.actor_id))
            continue
        add(f"{m['head'].lstrip('وب')} من {x}", m.start("head"), m.end())
    for m in (_AR_UNIT_RE.finditer(text) if ar and ("لواء" in text or "كتيب" in text) else ()):
        x = m["x"]
        head = m["head"]
        numbered = x[:1].isdigit() or any(x.startswith(o) for o in _AR_ORDINALS)
        if m["lil"] and (numbered or m["lil"] == "لل") and not head.startswith("ال"):
            head = "ال" + head  # «للكتيبة 55» is لـ + «الكتيبة 55»
        if head.lstrip("وب") in {"لواء", "اللواء"} and not numbered:
            continue  # «اللواء خليفة حفتر»: a rank, not a brigade
        if head.lstrip("وب").startswith("ال") and not numbered:
            continue  # «حذرت الكتيبة المسلحين»: the battalion told of before and the verb's object; a name
            # follows the head without the article («كتيبة الفاروق») or is a number («الكتيبة 166»)
        x = x if x[:1].isdigit() or any(x.startswith(o) for o in _AR_ORDINALS) else _trim_ar_name(x)
        if not x:
            continue
        known = _known(f"{head} {x}", lex, "ar") if m["lil"] else None
        if known is not None:  # «للواء 444 قتال»: the brigade the lexicon knows, once its article is back
            if free(m.start("head"), m.start("x") + len(x)):
                out.append(ActorMention(known.name, m.start("head"), m.start("x") + len(x), known.kind, known.acled_name,
                                        known.actor_id))
            continue
        add(f"{head} {x}", m.start("head"), m.start("x") + len(x))
    return out


def org_spans(text: str, language: str = "ar", *, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """Spans of organisation names that contain a place word.

    Named organisations flagged ``org`` in the actor data («مجلس شورى ثوار بنغازي»،
    "Libya Dawn") and head-word patterns: Arabic head + next word («غرفة عمليات سرت»،
    «كتيبة شهداء»…), English previous word + head ("Sirte Operations Room").  Part B
    suppresses place matches inside them.
    """
    lex = lexicon or default_lexicon()
    words, stems = _prepare(text, lex, "actor")
    spans = [(m.start, m.end) for m in find_actors(text, language, lexicon=lex, patterns=False) if m.org]
    heads = lex.org_prefixes.get("ar", [])
    for a, b, p in lex._m["org"].find(text, words, stems):
        arabic = p < lex._n_org_ar
        if arabic and _DEFINITE.match(words[a][0]) and not normalize(heads[p]).startswith("ال"):
            continue  # «القوات التابعة…» is not «قوات مصراتة»: an indefinite head governs the place
        if arabic and b < len(words):
            spans.append((words[a][1], words[b][2]))
        elif not arabic and a > 0 and text[words[a - 1][1]:words[a - 1][2]][:1].isupper():
            # the capitalised words before the head belong to the name: "Benghazi Defence Brigades"
            first = a - 1
            while first > 0 and a - first < 4:
                prev = text[words[first - 1][1]:words[first - 1][2]]
                if not prev[:1].isupper() or prev.lower() in ("the", "a", "an") \
                        or text[words[first - 1][2]:words[first][1]].strip():
                    break
                first -= 1
            spans.append((words[first][1], words[b - 1][2]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def demonyms(text: str, language: str = "ar", *, lexicon: Lexicon | None = None) -> list[tuple[str, int, int]]:
    """Nationality adjectives: ``(country_iso2, start, end)`` («الليبية» → LY, "American" → US).

    Country names are not demonyms («ليبيا» is not matched); English ones must be capitalised.
    """
    lex = lexicon or default_lexicon()
    words, stems = _prepare(text, lex, "demonym")
    self_not = lex._demonym_not
    out = []
    for a, b, p in lex._m["demonym"].find(text, words, stems):
        s, e = words[a][1], words[b - 1][2]
        span = text[s:e]
        if not is_arabic(span) and not span[:1].isupper():
            continue
        if b - a == 1 and any(rest in self_not for _pro, rest in split_proclitics(words[a][0]) if "ال" not in _pro):
            continue  # a country name spelt like the adjective («سورية»)
        out.append((lex._demonym_iso[p], s, e))
    return out
