"""Escaping of untrusted text (article text, names, actors…) for HTML maps.

Every piece of article-derived text that reaches a map goes through
:func:`escape` (text placed into HTML markup, attributes or JavaScript string
literals — folium 0.20 copies tooltip and popup text into a JS template string
unescaped) or :func:`script_json` (structured data embedded in a ``<script>``
element).  Nothing here imports folium.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["escape", "needs_escape", "script_json", "unguarded_json", "guard_script", "guard_script_utf8"]

# Characters that are active in HTML text/attributes or in JS '…', "…" and `…`
# literals, replaced by numeric character references (which are inert in JS
# strings and decode back to the character in HTML).
_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "`": "&#96;",
    "$": "&#36;",
    "\\": "&#92;",
    "\n": "&#10;",
    "\r": "&#13;",
    "\u2028": "&#8232;",
    "\u2029": "&#8233;",
    "\x00": "\ufffd",
}
_ACTIVE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")


def escape(text: Any) -> str:
    """Escape text for HTML text, quoted attributes and JS string/template literals.

    Parameters
    ----------
    text
        Any value; ``None`` becomes ``""``, other non-strings are ``str()``-ed.

    Returns
    -------
    str
        Text whose HTML rendering shows exactly the input, with no ``< > & " '``,
        backtick, ``$``, backslash or line terminator left raw, so it cannot open
        a tag, close an attribute, end a JS string or start a ``${…}``
        substitution.  (NUL, never meaningful in text, becomes U+FFFD.)

    Examples
    --------
    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    if text is None:
        return ""
    text = str(text)
    if _ACTIVE.search(text) is None:  # the common case: nothing to do (str.translate is slow on Arabic)
        return text
    return _ACTIVE.sub(lambda m: _ESCAPES[m.group()], text)


def needs_escape(text: str) -> bool:
    """Whether :func:`escape` would change ``text`` (a ``str``)."""
    return _ACTIVE.search(text) is not None


def script_json(obj: Any) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element.

    Keys are sorted (deterministic output), non-ASCII text is kept as UTF-8
    (Arabic costs 2 bytes a letter, not 6), and ``< > &`` plus U+2028/U+2029 are
    written as ``\\uXXXX`` escapes so that no ``</script>`` or ``<!--`` can
    appear.  ``NaN``/``Infinity`` are refused (they are not JSON).
    """
    return guard_script(unguarded_json(obj))


def unguarded_json(obj: Any) -> str:
    """The JSON text of :func:`script_json` before :func:`guard_script`: not yet safe in a page."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def guard_script(text: str) -> str:
    """JSON text made safe inside ``<script>``: ``< > &`` and U+2028/U+2029 as ``\\uXXXX`` escapes."""
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


#: :func:`guard_script`'s replacements on UTF-8 bytes (none of these byte sequences occurs inside another
#: character's encoding, so ``guard_script_utf8(t.encode()) == guard_script(t).encode()``).
_GUARD_UTF8 = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"),
               ("\u2028".encode(), b"\\u2028"), ("\u2029".encode(), b"\\u2029"))


def guard_script_utf8(data: bytes) -> bytes:
    """:func:`guard_script` on UTF-8 encoded JSON (faster on a large payload than on the ``str``)."""
    for raw, esc in _GUARD_UTF8:
        data = data.replace(raw, esc)
    return data
