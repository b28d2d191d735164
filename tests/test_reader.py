"""The text reader: encodings, line ends, form feeds, line numbers, errors, streaming."""
from __future__ import annotations

import codecs
import hashlib
import os
import json
import subprocess
import sys
import time
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.errors import BadInput
from banmian.readers import text as reader
from banmian.readers import encoding
from banmian.readers.encoding import StrayBytesWarning, detect_encoding
from banmian.readers.text import read_pages, split_pages

SIMPLIFIED = "本报讯（记者 王某）3月 5日，江川市召开会议。\n全市新建农田 2.3万亩，\n镕𠀀€——“引号”《书名》\n"
TRADITIONAL = "臺灣新聞報導，這是一篇關於經濟發展的文章。\n記者 王大明 報導：市政府今天宣布，\n"


def write(tmp_path, data: bytes, name: str = "page.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def pages_of(path, **kw):
    return [(index, first, lines) for _, index, first, lines in read_pages(path, **kw)]


def source_of(path):
    return next(iter(read_pages(path)))[0]


# ---------------------------------------------------------------- split_pages rules

@pytest.mark.parametrize(
    "text, expected",
    [
        ("", [(0, 1, [])]),
        ("\ufeff", [(0, 1, [])]),
        ("a", [(0, 1, ["a"])]),
        ("a\n", [(0, 1, ["a"])]),
        ("a\n\nb\n", [(0, 1, ["a", "", "b"])]),
        # pdftotext: every page ends with a form feed; no empty page after the last one
        ("a\nb\n\n\fc\nd\n\n\f", [(0, 1, ["a", "b", ""]), (1, 4, ["c", "d", ""])]),
        ("a\n\f\n\n", [(0, 1, ["a"])]),
        # text on both sides of a form feed: both pieces keep that line's number
        ("a\nb\fc\nd", [(0, 1, ["a", "b"]), (1, 2, ["c", "d"])]),
        # a form feed at the end of a line: the next page starts on the next line
        ("a\f\nb\n", [(0, 1, ["a"]), (1, 2, ["b"])]),
        # an empty page in the middle is kept
        ("a\f\fb", [(0, 1, ["a"]), (1, 1, []), (2, 1, ["b"])]),
        ("a\n\f\n\n\fb", [(0, 1, ["a"]), (1, 3, [""]), (2, 4, ["b"])]),
        # CRLF and CR are line ends; BOM dropped
        ("\ufeffa\r\nb\rc\r\n\r\nd", [(0, 1, ["a", "b", "c", "", "d"])]),
        # a trailing page holding text is kept
        ("a\fb\n", [(0, 1, ["a"]), (1, 1, ["b"])]),
    ],
)
def test_split_pages_rules(text, expected):
    assert split_pages(text) == expected


def test_line_numbers_count_over_the_whole_file():
    text = "".join(f"p{p}l{i}\n" for p in range(3) for i in range(5))
    text = text.replace("p1l0", "\fp1l0").replace("p2l0", "\fp2l0")
    pages = split_pages(text)
    assert [p[1] for p in pages] == [1, 6, 11]
    for _, first, lines in pages:
        for offset, line in enumerate(lines):
            assert int(line.rsplit("l", 1)[1]) == offset  # line "pXlI" is the I-th of its page
    flat = [(first + i, line) for _, first, lines in pages for i, line in enumerate(lines)]
    assert flat == list(enumerate(text.replace("\f", "").splitlines(), 1))


def test_other_separators_stay_inside_lines():
    assert split_pages("a\u2028b\x0bc\n") == [(0, 1, ["a\u2028b\x0bc"])]


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize(
    "text, encode, expected_encoding",
    [
        (SIMPLIFIED, lambda t: t.encode("utf-8"), "utf-8"),
        (SIMPLIFIED, lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED, lambda t: t.encode("gb18030"), "gb18030"),
        (TRADITIONAL, lambda t: t.encode("big5"), "big5"),
        (SIMPLIFIED, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
        (SIMPLIFIED, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        (SIMPLIFIED, lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (SIMPLIFIED, lambda t: t.encode("utf-16-be"), "utf-16-be"),
        ("plain ASCII 123\n", lambda t: t.encode("ascii"), "utf-8"),
    ],
)
def test_encodings_are_detected_and_decoded(tmp_path, text, encode, expected_encoding):
    data = encode(text)
    path = write(tmp_path, data)
    src = source_of(path)
    assert src.encoding == expected_encoding
    assert src.kind == "text" and src.path == path
    assert src.sha256 == hashlib.sha256(data).hexdigest()
    assert pages_of(path) == split_pages(text)


def test_traditional_text_in_gb18030_stays_gb18030(tmp_path):
    # Traditional characters are in GB18030 too; GB18030 bytes must not be read as Big5.
    path = write(tmp_path, TRADITIONAL.encode("gb18030"))
    assert source_of(path).encoding == "gb18030"
    assert pages_of(path) == split_pages(TRADITIONAL)


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16-le", "utf-16"])
def test_crlf_cr_and_form_feeds_in_each_encoding(tmp_path, codec):
    text = "头版\r\n\r\n第一行 12\r\f第二页\r\n继续\r\n\f"
    path = write(tmp_path, text.encode(codec))
    assert pages_of(path) == [(0, 1, ["头版", "", "第一行 12"]), (1, 4, ["第二页", "继续"])]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("中文报讯记者王某ab 12。，“”\n\r\f\t")), max_size=200),
    codec=st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-16-be"]),
    chunk_size=st.integers(min_value=1, max_value=17),
    bom=st.booleans(),
)
def test_streaming_equals_split_pages(tmp_path_factory, text, codec, chunk_size, bom):
    """Whatever the chunk boundaries (mid-character, mid-CRLF), streaming gives split_pages."""
    text = "本报讯（记者 王某）江川市召开会议。\n" + text  # enough text to detect the encoding
    data = text.encode(codec)
    if bom:
        data = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
                "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"") + data
    path = tmp_path_factory.mktemp("s") / "page.txt"
    path.write_bytes(data)
    assert pages_of(str(path), chunk_size=chunk_size) == split_pages(text)


def test_detect_encoding_prefers_utf8_for_utf8_with_a_bad_byte():
    data = "江川市召开会议全面部署".encode("utf-8") + b"\xff" + "工作".encode("utf-8")
    assert detect_encoding(data, True, "x.txt") == "utf-8"  # one stray byte: read as U+FFFD
    too_many = data + b"\xff" * encoding.STRAY_FEW
    with pytest.raises(BadInput, match=r"cannot decode bytes at offset 33 as utf-8"):
        detect_encoding(too_many, True, "x.txt")


# GB18030 accepts these bytes (a cut 书 before UTF-8 书记...): read as GB18030, pages of rare hanzi
CUT_UTF8 = b"\xe4\xb8" + "书记 讲话 农业 会议 今年 经济\n".encode()


def test_utf8_with_a_stray_byte_is_utf8_with_a_warning(tmp_path):
    CUT_UTF8.decode("gb18030")  # the trap: GB18030 decodes it cleanly
    path = write(tmp_path, CUT_UTF8)
    with pytest.warns(StrayBytesWarning) as caught:
        assert source_of(path).encoding == "utf-8"
        assert pages_of(path) == [(0, 1, ["\ufffd书记 讲话 农业 会议 今年 经济"])]
    assert str(caught[0].message) == (f"{path}: 1 stray byte sequence(s) not valid UTF-8, each read as "
                                       "U+FFFD; the first at byte 0")


def test_utf8_with_a_bom_and_a_stray_byte_is_utf8_with_a_warning(tmp_path):
    path = write(tmp_path, codecs.BOM_UTF8 + "江川市召开会议".encode()[:-1] + "\n全面部署".encode())
    with pytest.warns(StrayBytesWarning, match="1 stray byte.* at byte 21$"):
        assert pages_of(path) == [(0, 1, ["江川市召开会\ufffd", "全面部署"])]


@pytest.mark.parametrize("text", ["江川", TRADITIONAL, SIMPLIFIED.replace("€", "")])
def test_gb18030_and_big5_are_not_taken_for_utf8_with_stray_bytes(tmp_path, text):
    # a short GB18030 file has fewer invalid UTF-8 sequences than STRAY_FEW, but its UTF-8 reading
    # holds no valid hanzi
    for codec in ("gb18030", "big5"):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("error", StrayBytesWarning)
            assert detect_encoding(data, True, "x.txt") == codec or (codec, text) == ("big5", "江川")


def test_stray_bytes_give_way_to_a_more_plausible_8bit_reading():
    cut = "书记讲话".encode() + b"\xff"
    common = "的一是不了在人有我他中大上个们"
    assert encoding._utf8_beats_8bit(cut, True, (None, None))
    assert encoding._utf8_beats_8bit(cut, True, ("涓书枃", None))
    assert not encoding._utf8_beats_8bit(cut, True, (common, None))
    assert not encoding._utf8_beats_8bit("江川".encode() + b"\xff", True, (None, None))  # too few good hanzi


def test_a_stray_byte_no_codec_reads_names_every_failure(tmp_path):
    # a short UTF-8 file with bad bytes early: the error was "cannot decode … as gb18030" alone
    path = write(tmp_path, "江".encode() + b"\xff\xfe\xfd" * 3 + "川市召开会议".encode())
    with pytest.raises(BadInput) as err:
        list(read_pages(path))
    assert str(err.value) == (f"{path}: cannot decode: not valid UTF-8 at byte 3, nor GB18030 (byte 2) nor "
                              "Big5 (byte 2); without a BOM or NUL bytes it is not UTF-16 either")


@pytest.mark.parametrize("data, says", [
    (b'{\n  "schema": "banmian.page/1",\n  "articles": []\n}\n', "is banmian's page JSON, not a text dump: "
     "`banmian ingest {path}` stores it in an archive as it is"),
    (b'\xef\xbb\xbf {"schema": "banmian.article/1"}\n{"schema": "banmian.article/1"}\n',
     "is banmian's article JSON Lines (parse --format jsonl), not a text dump: parse the source again, "
     "or ingest the page JSON of --format json"),
    (b'\n  [1, 2, {"a": "\xe6\xb1\x9f"}]', "is JSON, not a text dump: banmian parse reads text dumps, PDFs and "
     "page images"),
    (b'{"a": 1}\n{"a": 2', "is JSON, not a text dump: banmian parse reads text dumps, PDFs and page images"),
])
def test_json_is_refused_as_a_dump(tmp_path, data, says):
    path = write(tmp_path, data, "page.json")
    with pytest.raises(BadInput) as err:
        list(read_pages(path))
    assert str(err.value) == f"{path} " + says.format(path=path)


@pytest.mark.parametrize("text", ["[责任编辑：王某]\n正文。\n", "{江川}\n", "[1] 注释\n"])
def test_a_dump_opening_with_a_bracket_is_still_a_dump(tmp_path, text):
    assert pages_of(write(tmp_path, text.encode()))[0][2] == text.splitlines()


# ---------------------------------------------------------------- errors

def test_missing_path(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(BadInput) as err:
        list(read_pages(missing))
    assert str(err.value) == f"no such file: {missing}"


def test_directory(tmp_path):
    with pytest.raises(BadInput) as err:
        list(read_pages(str(tmp_path)))
    assert str(err.value) == f"{tmp_path} is a directory"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # NULs everywhere, both parities
        b"\x7fELF\x02\x01\x01\x00\x00\x00" + os.urandom(64),
        b"\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f\x10\x11\x12",  # mostly control characters
        "正文".encode() + b"\x00" + "正文".encode(),  # one NUL in UTF-8 text
        b"hello\x00world\x00abc\n",  # ASCII with NULs: as UTF-16, a line of rare hanzi
        b"page one\x00\x00 of the dump\x00 ends here\n" * 3,
    ],
)
def test_binary(tmp_path, data):
    path = write(tmp_path, data, "blob.bin")
    with pytest.raises(BadInput) as err:
        list(read_pages(path))
    assert str(err.value) == f"{path} looks binary, not a text dump"


@pytest.mark.parametrize("name, meant", [("scan.PNG", "an image"), ("page.pdf", "a PDF")])
def test_binary_named_as_an_image_or_pdf_says_so(tmp_path, name, meant):
    path = write(tmp_path, bytes(range(256)) * 4, name)
    with pytest.raises(BadInput) as err:
        list(read_pages(path))
    assert str(err.value) == f"{path} looks binary, not a text dump, and is not {meant} banmian can read"


def test_nul_after_the_detection_sample_is_binary(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "SAMPLE", 64)
    path = write(tmp_path, ("正文内容\n" * 20).encode() + b"\x00\x00")
    with pytest.raises(BadInput, match="looks binary"):
        list(read_pages(path, chunk_size=16))


def test_pdf(tmp_path):
    path = write(tmp_path, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "page.pdf")
    with pytest.raises(BadInput) as err:
        list(read_pages(path))
    assert str(err.value) == f"{path} is a PDF, not a text dump (banmian parse reads PDFs by their content)"


@pytest.mark.parametrize("chunk_size", [1, 5, 64, 1 << 20])
def test_undecodable_utf8_reports_the_byte_offset(tmp_path, monkeypatch, chunk_size):
    monkeypatch.setattr(reader, "SAMPLE", 40)  # the bad bytes lie beyond the detection sample
    good = ("江川市召开会议\n" * 4).encode("utf-8")  # 88 bytes
    cut = b"\xe4\xb8" + "好".encode()  # a truncated sequence, then a good character: 5 bytes
    path = write(tmp_path, good + cut)
    with pytest.warns(StrayBytesWarning, match="1 stray byte.* at byte 88$"):
        assert pages_of(path, chunk_size=chunk_size)[0][2][-1] == "\ufffd好"
    path = write(tmp_path, good + cut * (encoding.STRAY_FEW + 1))  # one over the allowance
    with pytest.raises(BadInput) as err:
        list(read_pages(path, chunk_size=chunk_size))
    assert str(err.value) == f"{path}: cannot decode bytes at offset {88 + 5 * encoding.STRAY_FEW} as utf-8"


def test_undecodable_gb18030_reports_the_byte_offset(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "SAMPLE", 30)
    good = ("江川市召开会议\n" * 4).encode("gb18030")  # 60 bytes
    path = write(tmp_path, good + b"\xff\xff" + "好".encode("gb18030"))
    with pytest.raises(BadInput) as err:
        list(read_pages(path, chunk_size=7))
    assert str(err.value) == f"{path}: cannot decode bytes at offset 60 as gb18030"


def test_truncated_file_at_end(tmp_path):
    path = write(tmp_path, "江川市召开会议".encode() + b"\xe4")
    with pytest.warns(StrayBytesWarning, match="1 stray byte.* at byte 21$"):
        assert pages_of(path) == [(0, 1, ["江川市召开会议\ufffd"])]


def test_empty_file_is_one_empty_page(tmp_path):
    path = write(tmp_path, b"")
    (src, index, first, lines), = list(read_pages(path))
    assert (index, first, lines) == (0, 1, [])
    assert src.sha256 == hashlib.sha256(b"").hexdigest()


# ---------------------------------------------------------------- streaming in bounded memory

PAGE_LINES = [
    "2024年 3月 6日 星期三", "", "A05", "",
    *["江川市今年新建高标准农田 2.3万亩，累计建成 12万亩。"[i % 7:][:12] for i in range(120)],
]

# Runs in a child process so that its peak RSS measures the reader alone. Reading the whole
# file at once would need far more than the limit (the text alone is ~35 MB as str, its lines
# well over 100 MB as Python objects).
STREAM_CHILD = r"""
import json, resource, sys
from banmian.readers.text import read_pages
path, expected = sys.argv[1], json.loads(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count, first_expected, encoding = 0, 1, None
for src, index, first, lines in read_pages(path):
    assert index == count and first == first_expected, (index, count, first, first_expected)
    assert lines == expected
    first_expected += len(expected)
    count += 1
    encoding = src.encoding
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
print(json.dumps({"pages": count, "encoding": encoding, "growth": (after - before) * scale}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="uses resource.getrusage")
def test_a_50_mb_dump_streams_page_by_page_in_bounded_memory(tmp_path):
    page = ("\n".join(PAGE_LINES) + "\n\f").encode("gb18030")
    copies = (50 << 20) // len(page) + 1
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        for _ in range(copies // 100):
            f.write(page * 100)
        f.write(page * (copies % 100))
    assert path.stat().st_size >= 50 << 20
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", STREAM_CHILD, str(path), json.dumps(PAGE_LINES)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["pages"] == copies
    assert result["encoding"] == "gb18030"
    assert result["growth"] < 40 << 20, f"peak RSS grew by {result['growth'] / 2**20:.1f} MiB"
    assert time.monotonic() - started < 30


def test_pages_are_yielded_before_the_file_is_decoded(tmp_path):
    """The first page comes out after one chunk, not after the whole file."""
    page = ("\n".join(PAGE_LINES) + "\n\f").encode("utf-8")
    path = write(tmp_path, page * 200)
    decoded = []
    original = reader.PageSplitter.feed

    def spy(self, text, final=False):
        decoded.append(len(text))
        return original(self, text, final)

    reader.PageSplitter.feed = spy
    try:
        pages = read_pages(path, chunk_size=4096)
        next(pages)
        assert sum(decoded) < 3 * 4096
        pages.close()
    finally:
        reader.PageSplitter.feed = original
