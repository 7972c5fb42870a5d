"""geo.maps.html: the escaping every piece of article text goes through."""

from __future__ import annotations

import html as stdlib_html
import json

from hypothesis import given, strategies as st

from geo.maps.html import escape, script_json

_RAW_FORBIDDEN = set("<>\"'`$\\\n\r\u2028\u2029\x00")


@given(st.text())
def test_escape_round_trips_through_html_decoding(s):
    assert stdlib_html.unescape(escape(s)) == s.replace("\x00", "\ufffd")


@given(st.text())
def test_escape_leaves_no_active_character(s):
    out = escape(s)
    assert not (set(out) & _RAW_FORBIDDEN)
    # every '&' starts an entity that we wrote
    assert all(part.split(";", 1)[0].lstrip("#").isalnum() for part in out.split("&")[1:])


def test_escape_payloads_for_html_and_js_contexts():
    assert escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape('"><img src=x onerror=alert(1)>').startswith("&quot;&gt;&lt;img")
    assert escape("`${document.cookie}`") == "&#96;&#36;{document.cookie}&#96;"
    assert escape("a\\'b\nc") == "a&#92;&#39;b&#10;c"
    assert escape(None) == "" and escape(3) == "3"
    assert escape("سرت") == "سرت"  # Arabic untouched


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=5), kids, max_size=4),
                    max_leaves=12))
def test_script_json_round_trips_and_cannot_close_the_script(obj):
    text = script_json(obj)
    assert json.loads(text) == obj
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text


def test_script_json_is_sorted_and_keeps_arabic_as_utf8():
    assert script_json({"b": 1, "a": "سرت"}) == '{"a":"سرت","b":1}'
