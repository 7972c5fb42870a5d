"""Tests of geo.text.document: decoding, reading files and JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text.document import _INVISIBLE, Document, decode_bytes, detect_language, iter_documents, read_document
from geo.exc import DecodeError, EmptyInputError, InputError

FIXTURE = Path(__file__).parent / "fixtures" / "sirte-live-2016-ar.txt"
AR = "سيطرت قوات حكومة الوفاق على ميناء سرت يوم الخميس."


# --- decode_bytes -------------------------------------------------------------


@pytest.mark.parametrize(
    "data, enc",
    [
        (AR.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + AR.encode("utf-8"), "utf-8-sig"),
        (AR.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + AR.encode("utf-16-be"), "utf-16"),
        (AR.encode("cp1256"), "cp1256"),
    ],
)
def test_decode_encodings(data, enc):
    text, got = decode_bytes(data)
    assert text == AR
    assert got == enc


def test_decode_newlines_normalised():
    text, _ = decode_bytes("سطر\r\nثان\rثالث\n".encode())
    assert text == "سطر\nثان\nثالث\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", "\ufeff  \n".encode("utf-8"), "  ".encode("utf-16")])
def test_decode_empty(data):
    with pytest.raises(EmptyInputError, match="empty"):
        decode_bytes(data, path="x.txt")


def test_decode_binary_names_path():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(DecodeError, match=r"^img\.txt: binary"):
        decode_bytes(png, path="img.txt")


def test_decode_control_bytes_binary():
    with pytest.raises(DecodeError, match="control"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"abc")


def test_decode_latin1_is_not_arabic():
    # Latin-1 French: not UTF-8, and as cp1256 it is not Arabic -> clear error
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode_bytes("Les forces ont pénétré à Syrte, été".encode("latin-1"), path="fr.txt")


_cp1256_letters = st.sampled_from([chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(_cp1256_letters, min_size=1, max_size=8), min_size=1, max_size=12))
def test_decode_roundtrip_cp1256(words):
    text = " ".join(words)
    data = text.encode("cp1256")
    got, enc = decode_bytes(data)
    assert got == text
    # two-letter words could happen to be valid UTF-8 only if a byte were 0x80-0xBF; letters here are not
    assert enc == "cp1256"


_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85") | st.just("\n"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip().strip(_INVISIBLE).strip())  # what the decoder calls empty: see _check_not_empty


@settings(max_examples=60, deadline=None)
@given(_text)
def test_decode_roundtrip_utf8(text):
    got, enc = decode_bytes(text.encode("utf-8"))
    assert got == text
    assert enc in {"utf-8", "utf-8-sig"}


@settings(max_examples=60, deadline=None)
@given(_text)
def test_decode_roundtrip_utf16(text):
    got, enc = decode_bytes(text.encode("utf-16"))
    assert got == text
    assert enc == "utf-16"


# --- detect_language ---------------------------------------------------------


def test_detect_language():
    assert detect_language(AR) == "ar"
    assert detect_language("GNA forces entered Sirte on Thursday") == "en"
    assert detect_language("قال الناطق باسم LNA إن") == "ar"
    assert detect_language("12:30 -- 45", default="ar") == "ar"


# --- read_document / iter_documents --------------------------------------------


def test_read_fixture():
    doc = read_document(FIXTURE, date="2016-06-09")
    assert isinstance(doc, Document)
    assert doc.id == "sirte-live-2016-ar"
    assert doc.source == "sirte-live-2016-ar.txt"
    assert doc.date == dt.date(2016, 6, 9)
    assert doc.language == "ar"
    assert doc.encoding == "utf-8"
    assert "سرت" in doc.text and "\r" not in doc.text


def test_read_cp1256_file(tmp_path):
    f = tmp_path / "win.txt"
    f.write_bytes(AR.encode("cp1256"))
    doc = read_document(f, source="wire")
    assert doc.text == AR and doc.encoding == "cp1256" and doc.source == "wire"


def test_read_errors(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 3_000_000)
    with pytest.raises(InputError, match=r"file too large \(3 MB > 2 MB\): split it or pass --max-mb"):
        read_document(big, max_bytes=2 * 1_048_576)
    with pytest.raises(InputError, match="bad date"):
        read_document(FIXTURE, date="9 June")


def test_read_large_file_without_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(("قصف على سرت. " * 4000 + "\n").encode() * 60)  # ~6 MB
    with pytest.raises(InputError, match="too large"):
        read_document(big, max_bytes=1_048_576)
    assert len(read_document(big, max_bytes=None).text) > 3_000_000


def test_iter_documents_mixed(tmp_path):
    d = tmp_path / "dir"
    (d / "sub").mkdir(parents=True)
    (d / "b.txt").write_text("English text about Sirte.", encoding="utf-8")
    (d / "sub" / "a.txt").write_text(AR, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "ignored.md").write_text("not read", encoding="utf-8")
    jl = tmp_path / "batch.jsonl"
    jl.write_text(
        "\n".join(
            [
                json.dumps({"id": "r1", "text": AR, "date": "2016-06-08", "url": "http://x"}, ensure_ascii=False),
                "{not json",
                json.dumps({"id": "r3"}),
                "",
                json.dumps({"text": "Fighting in Benghazi.", "source": "wire"}),
                json.dumps({"id": "r6", "text": "x", "date": "June 8"}),
            ]
        ),
        encoding="utf-8",
    )
    out = list(iter_documents([d, jl, tmp_path / "nope.txt"], date=dt.date(2016, 6, 9)))
    docs = [o for o in out if isinstance(o, Document)]
    errs = [o for o in out if isinstance(o, InputError)]
    assert [x.id for x in docs] == ["b", "a", "r1", "batch-5"]
    assert docs[1].language == "ar" and docs[0].language == "en"
    assert docs[2].date == dt.date(2016, 6, 8) and docs[2].url == "http://x"
    assert docs[3].date == dt.date(2016, 6, 9) and docs[3].source == "wire"
    msgs = [str(e) for e in errs]
    assert any("empty.txt" in m and "empty" in m for m in msgs)
    assert any("batch.jsonl, line 2" in m and "bad JSON" in m for m in msgs)
    assert any("batch.jsonl, line 3" in m and "no text" in m for m in msgs)
    assert any("line 6" in m and "bad date" in m for m in msgs)
    assert any("nope.txt" in m and "no such file" in m for m in msgs)
    assert len(out) == len(docs) + len(errs) == 9


def test_header_date_line_sets_document_date(tmp_path):
    from geo.text.document import header_date, read_document

    f = tmp_path / "a.txt"
    f.write_text("التاريخ: 2016-06-09\n\nاشتباكات في سرت الخميس.\n", encoding="utf-8")
    assert read_document(f).date.isoformat() == "2016-06-09"
    # an explicit date wins over the header
    assert read_document(f, date="2016-06-10").date.isoformat() == "2016-06-10"
    assert header_date("Date: ٢٠١٦-٠٦-٠٩\nbody") is not None
    assert header_date("body first\nno date here") is None
    assert header_date("Date: 2016-13-45") is None
