"""Paragraphs, sentences, live-blog sections and photo captions.

:func:`split_sentences` walks the text line by line (a non-empty line is a
paragraph), recognises live-blog update headers («تحديث - 19:44 تغ»,
"UPDATE: 5:15 pm GMT"…), which open a new *section* whose sentences carry the
header's GMT time, marks caption lines, and splits the rest at sentence-final
punctuation.  Offsets always point into the text given, so
``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.text.document import detect_language

__all__ = ["Sentence", "parse_update_header", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document.

    Attributes
    ----------
    text
        The sentence, without surrounding whitespace.
    start, end
        Offsets into the document text (``text[start:end] == self.text``).
    paragraph
        Index (0-based) of the paragraph (non-empty, non-header line).
    section
        Index of the live-blog section: 0 before the first update header, then 1, 2…
    update_time
        ``HH:MM`` (24 h, GMT) of the section's update header, or ``None``.
    is_caption
        The line looks like a photo caption or a heading, not running text.
    language
        ``'ar'`` or ``'en'`` of the paragraph.
    part
        How many section headings («خلفية», "Background", "The battle": a short line between paragraphs of
        running text) stand above the sentence: the part of an article it belongs to.
    is_title
        The sentence is the article's title: a short unpunctuated first line with running text after it
        («مقتل ثلاثة في اشتباكات بغريان», "Eight killed in Sabha clashes"), which sums up what the body tells.
    """

    text: str
    start: int
    end: int
    paragraph: int
    section: int
    update_time: str | None
    is_caption: bool
    language: str
    part: int = 0
    is_title: bool = False


# characters stripped around lines and sentences: whitespace (incl. NBSP) and bidi/zero-width marks
_STRIP = " \t\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000" \
    "\ufeff\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x85]+")

_D = "0-9\u0660-\u0669\u06f0-\u06f9"
_TIME = rf"(?P<h>[{_D}]{{1,2}})\s*[:.\u066b]\s*(?P<m>[{_D}]{{2}})"
_AR_TZ = (
    r"(?P<tz>تغ|ت\.غ\.?|ت\s*غ|غرينتش|جرينتش|بتوقيت\s+(?:غرينتش|غرينيتش|جرينتش|غرينش)|gmt|GMT|UTC"
    r"|(?P<local>بتوقيت\s+(?:ليبيا|طرابلس|بنغازي)|بالتوقيت\s+المحلي|(?:ب)?التوقيت\s+الليبي))?"
)
_AR_HEADER = re.compile(
    rf"^[\(\[]?\s*(?:آخر\s+|اخر\s+)?(?:تحديث|التحديث)\s*(?:[-–—:|]\s*)?(?:في\s+|عند\s+)?(?:الساعة\s+|الساعه\s+)?"
    rf"{_TIME}\s*(?P<ampm>ص|م|صباحا|مساء|مساءً)?\s*{_AR_TZ}\s*[\)\]]?\s*[-–—:|]?"
)
_EN_HEADER = re.compile(
    rf"^[\(\[]?\s*(?:last\s+)?(?:update[ds]?)\s*(?:at\s+)?(?:[-–—:|]\s*)?(?:at\s+)?{_TIME}\s*"
    r"(?P<ampm>am|pm|a\.m\.|p\.m\.)?\s*(?P<tz>gmt|utc|z|(?P<local>libya\s+time|local\s+time|lt))?\s*[\)\]]?\s*[-–—:|]?",
    re.IGNORECASE,
)
_DIGIT_TABLE = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_LIBYA_UTC_OFFSET_H = 2  # Libya keeps Eastern European Time (UTC+2) all year

_TERMINATORS = ".!?؟؛۔…"
_CLOSERS = "\"'»”’)]›"
_QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›", "(": ")", "[": "]"}
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "brig", "adm", "cmdr", "sen",
    "rep", "gov", "pres", "st", "mt", "no", "vs", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "approx", "km", "u.s", "u.n", "u.k",
    "a.m", "p.m", "al", "ft", "fig", "jr", "sr", "dept", "est",
}
#: Words an English sentence after "… the U.S." starts with (a capitalised name after "U.S." goes on the name).
_SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "it", "he", "she", "they", "we", "i", "you", "this",
    "that", "these", "those", "there", "but", "and", "or", "so", "yet", "however", "meanwhile", "after", "before",
    "during", "since", "while", "when", "as", "if", "although", "though", "its", "their", "his", "her", "our", "no",
    "one", "two", "three", "some", "many", "most", "all", "both", "each", "such", "other", "also", "then", "later",
    "earlier", "according", "officials", "last", "next", "following", "despite", "with", "without", "until",
})
_CAPTION_MARK = re.compile(r"أرشيف|ارشيف|صورة|صوره|archive|file\s+photo|\bphoto\b|\bAFP\b|\bReuters\b|\bGetty", re.IGNORECASE)
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def parse_update_header(line: str) -> tuple[str, int] | None:
    """Recognise a live-blog update header at the start of ``line``.

    Returns
    -------
    tuple[str, int] or None
        ``("HH:MM", end)`` with the time in 24 h GMT (Libyan local time converted,
        am/pm resolved) and the offset where the header ends in ``line``; ``None``
        when the line does not start with a header.
    """
    m = _AR_HEADER.match(line) or _EN_HEADER.match(line)
    if not m:
        return None
    h = int(m.group("h").translate(_DIGIT_TABLE))
    mi = int(m.group("m").translate(_DIGIT_TABLE))
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm in {"pm", "م", "مساء", "مساءً"} and h < 12:
        h += 12
    elif ampm in {"am", "ص", "صباحا"} and h == 12:
        h = 0
    if m.group("local"):
        h -= _LIBYA_UTC_OFFSET_H
    if not (0 <= h + (24 if h < 0 else 0) <= 23 and 0 <= mi <= 59):
        return None
    h %= 24
    return f"{h:02d}:{mi:02d}", m.end()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _is_boundary(line: str, i: int) -> bool:
    """Is the terminator at ``line[i]`` the end of a sentence (ignoring quotes)?"""
    ch = line[i]
    n = len(line)
    nxt = line[i + 1] if i + 1 < n else ""
    if ch in "؟؛۔":
        return True
    if ch == ".":
        prev = line[i - 1] if i > 0 else ""
        if prev.isdigit() and nxt.isdigit():
            return False  # 3.5
        if nxt and not nxt.isspace() and nxt not in _CLOSERS and nxt not in _TERMINATORS:
            # "www.x.com", "U.S." inner dots; Arabic "جملة.جملة" without space still splits
            return bool(prev) and not prev.isascii() and not nxt.isascii() and nxt.isalpha()
        # abbreviation / initial before the dot
        j = i
        while j > 0 and (line[j - 1].isalpha() or line[j - 1] == ".") and line[j - 1].isascii():
            j -= 1
        word = line[j:i].lower()
        if word and (word in _ABBREV or re.fullmatch(r"[a-z](?:\.[a-z])*", word)):
            # "U.S. forces" is not a boundary; "… the U.S. The next" is, when a capital follows
            k = i + 1
            while k < n and line[k].isspace():
                k += 1
            if k >= n:
                return True
            follower = line[k]
            if word in {"u.s", "u.n", "u.k", "etc", "a.m", "p.m"} and follower.isupper() and follower.isascii():
                # "U.S. Africa Command", "U.N. Support Mission": a name goes on; "the U.S. The next day": a
                # sentence starts, with one of the words sentences start with
                nxt_word = _WORD_RE.match(line, k)
                return word not in {"u.s", "u.n", "u.k"} or (nxt_word is not None
                                                            and nxt_word.group().lower() in _SENTENCE_STARTERS)
            return False
        k = i + 1
        while k < n and line[k].isspace():
            k += 1
        if k < n and line[k].isascii() and line[k].islower():
            return False  # "… approx. five" / lower-case continuation
        return True
    if ch in "!?…":
        return not nxt or nxt.isspace() or nxt in _CLOSERS or nxt in _TERMINATORS
    return False


#: The characters :func:`_split_line` acts on: quotes and brackets (opening and closing) and terminators.
_SPLIT_CHARS = frozenset(_QUOTE_PAIRS) | frozenset(_QUOTE_PAIRS.values()) | frozenset('"' + _TERMINATORS + "»”")
_SPLIT_CHARS_RE = re.compile("[" + re.escape("".join(sorted(_SPLIT_CHARS))) + "]")


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence spans inside one line (offsets relative to the line)."""
    spans: list[tuple[int, int]] = []
    start = 0
    stack: list[str] = []
    ascii_quote = False
    n = len(line)
    i = 0
    while i < n:
        ch = line[i]
        if ch not in _SPLIT_CHARS:
            # the loop does nothing on other characters: jump to the next one it acts on
            nxt_m = _SPLIT_CHARS_RE.search(line, i)
            if nxt_m is None:
                break
            i = nxt_m.start()
            ch = line[i]
        if ch in _QUOTE_PAIRS:
            stack.append(_QUOTE_PAIRS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch == '"':
            ascii_quote = not ascii_quote
        elif ch in _TERMINATORS and not stack and not ascii_quote and _is_boundary(line, i):
            j = i + 1
            while j < n and (line[j] in _TERMINATORS or (line[j] in _CLOSERS and line[j] != '"')):
                if line[j] in _CLOSERS and stack:
                    stack.pop()
                j += 1
            spans.append((start, j))
            start = j
            i = j
            continue
        i += 1
        # a sentence ending inside a quote: «… انتهى.» followed by more text
        if (
            i < n
            and i >= 2
            and line[i - 1] in "»”\""
            and line[i - 2] in _TERMINATORS
            and not stack
            and not (line[i - 1] == '"' and ascii_quote)
            and (i == n or line[i].isspace())
        ):
            spans.append((start, i))
            start = i
    if start < n:
        spans.append((start, n))
    return _capped(spans, line)


#: The longest sentence (characters) the pipeline reads as one; real ones stay under about 800. A longer run of text
#: with no full stop (a hostile one-line input) is cut at its clause marks, so the work per sentence stays bounded.
MAX_SENTENCE_CHARS = 2000


def _capped(spans: list[tuple[int, int]], line: str) -> list[tuple[int, int]]:
    """``spans`` with each one longer than :data:`MAX_SENTENCE_CHARS` cut into pieces no longer than it, at the
    last clause mark («؛», «،», ";", ",") in its second half, else the last space, else where the cap falls."""
    if all(b - a <= MAX_SENTENCE_CHARS for a, b in spans):
        return spans
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > MAX_SENTENCE_CHARS:
            lo, hi = a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS
            cut = max(line.rfind(mark, lo, hi) for mark in ";؛،,") + 1
            if cut <= a:
                cut = line.rfind(" ", lo, hi) + 1
            if cut <= a:
                cut = hi
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def _ends_with_terminator(s: str) -> bool:
    s = s.rstrip(_STRIP + _CLOSERS)
    return bool(s) and s[-1] in _TERMINATORS + ":"


def _captionish(s: str) -> bool:
    return len(_WORD_RE.findall(s)) < 15 and not _ends_with_terminator(s)


def split_sentences(text: str) -> list[Sentence]:
    """Split a document into sentences with paragraph, section and caption information.

    Parameters
    ----------
    text
        Document text (``\\n`` newlines preferred; ``\\r\\n``, NBSP, tabs and bidi marks are tolerated).

    Returns
    -------
    list[Sentence]
        In document order; update-header lines are not sentences.
    """
    doc_lang = detect_language(text, default="ar")
    # pass 1: lines -> (start, end, header_time, header_end)
    lines: list[tuple[int, int, tuple[str, int] | None]] = []
    for m in _LINE_RE.finditer(text):
        s, e = _strip_span(text, m.start(), m.end())
        if s >= e:
            continue
        lines.append((s, e, parse_update_header(text[s:e])))
    # content part of each line (after a header, if any)
    content: list[tuple[int, int, str | None]] = []  # start, end, header time opening a section here
    for s, e, hdr in lines:
        if hdr is None:
            content.append((s, e, None))
            continue
        hs, he = _strip_span(text, s + hdr[1], e)
        content.append((hs, he, hdr[0]))
    # captions: short unpunctuated lines next to another such line, or with a photo/archive mark
    body = [(s, e) for s, e, _ in content if s < e]
    captionish = [_captionish(text[s:e]) for s, e in body]
    is_caption: dict[int, bool] = {}
    is_heading: set[int] = set()
    for k, (s, e) in enumerate(body):
        line = text[s:e]
        # a section heading: one or two words on a line of their own, no digit, between paragraphs of
        # running text («الهجوم», "Aftermath"): it names the section, it reports nothing (a first line
        # is the title, which may name the event)
        heading = captionish[k] and len(_WORD_RE.findall(line)) <= 2 and not any(ch.isdigit() for ch in line) \
            and 0 < k < len(body) - 1
        cap = captionish[k] and (
            bool(_CAPTION_MARK.search(line))
            or (k + 1 < len(body) and captionish[k + 1])
            or (k > 0 and captionish[k - 1] and is_caption.get(body[k - 1][0], False))
            or heading
        )
        is_caption[s] = cap
        if heading and not _CAPTION_MARK.search(line):
            is_heading.add(s)
    # the title: the first line when it is short and unpunctuated and the text goes on below it
    title_start = body[0][0] if len(body) > 1 and captionish[0] and not _CAPTION_MARK.search(text[body[0][0]:body[0][1]]) else -1
    out: list[Sentence] = []
    section = 0
    update: str | None = None
    paragraph = -1
    part = 0
    for s, e, hdr_time in content:
        if hdr_time is not None:
            section += 1
            update = hdr_time
        if s >= e:
            continue
        paragraph += 1
        if s in is_heading:
            part += 1
        line = text[s:e]
        lang = detect_language(line, default=doc_lang)
        cap = is_caption.get(s, False)
        spans = [(0, len(line))] if cap else _split_line(line)
        for a, b in spans:
            a2, b2 = _strip_span(text, s + a, s + b)
            if a2 >= b2 or not any(ch.isalnum() for ch in text[a2:b2]):
                continue
            out.append(Sentence(text[a2:b2], a2, b2, paragraph, section, update, cap, lang, part, s == title_start))
    return out
