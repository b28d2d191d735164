"""Nothing lost, nothing invented: the non-whitespace characters of the input, as a multiset,
equal those of every printed field of the output (docs/output-schema.md, "Invariants").

The property runs the real pipeline (whatever its stages do today) on random page-like text.
"""
from __future__ import annotations

import os
import tempfile
import warnings
from collections import Counter

from hypothesis import assume, example, HealthCheck, given, settings
from hypothesis import strategies as st

from banmian.errors import BadInput
from banmian.invariant import diff, file_input_chars, input_chars, printed_chars
from banmian.pipeline import iter_pages, parse_text
from banmian.readers.encoding import StrayBytesWarning
from banmian.writers.json import page_to_dict

# ---------------------------------------------------------------- the helpers themselves


def test_input_chars_ignores_whitespace_and_bom():
    assert input_chars("\ufeff3月 5日\u3000甲\t乙\r\n\f丙 ") == Counter("3月5日甲乙丙")


def test_printed_chars_counts_printed_fields_only():
    page = {
        "page": {"date": "2024-03-06", "label": "A05", "section": "要闻", "header": ["A05 要闻"]},
        "articles": [{
            "id": "a1", "kicker": "引", "headline": "主 题", "subtitle": "副", "byline": "本报讯（记者 王某）",
            "reporters": ["王某"], "outlet": "本报", "source": "人民日报", "source_line": "据《人民日报》",
            "dateline": {"text": "本报讯", "place": None, "date": None},
            "paragraphs": ["正文。", "二段"], "captions": ["图"], "jump": "（下转A3版）", "continued_from": None,
            "entities": {"people": [{"name": "王某", "title": None}], "places": ["北京"], "organizations": []},
        }],
        "unassigned": [{"kind": "fragment", "text": "残 片", "lines": [[9, 9]]}],
    }
    expected = Counter("A05要闻引主题副本报讯（记者王某）据《人民日报》正文。二段图（下转A3版）残片")
    assert printed_chars(page) == expected


def test_diff_names_lost_and_invented_characters():
    assert diff(Counter("甲乙乙"), Counter("甲乙丙")) == {"lost": {"乙": 1}, "invented": {"丙": 1}}
    assert diff(Counter("甲"), Counter("甲")) == {}


# ---------------------------------------------------------------- page-like text

HANZI = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
         "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
         "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
         "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
         "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
         "江川镇村湖园鸟候湿桥旋耕渠灌溉亩臺灣這們說關於經濟發")
PUNCT = "。，、；：？！“”‘’《》（）——…·"
NAMES = ["王某", "李某", "林晓", "许文", "赵一鸣", "周建国", "陈立"]

hanzi = st.text(alphabet=HANZI, min_size=1, max_size=6)
name = st.sampled_from(NAMES)
number = st.one_of(st.integers(0, 99999).map(str), st.builds("{}.{}".format, st.integers(0, 99), st.integers(0, 9)))

body_line = st.text(alphabet=HANZI + PUNCT, min_size=8, max_size=16)
digit_line = st.builds(lambda a, n, u, b: f"{a} {n}{u}{b}", hanzi, number, st.sampled_from(["万亩", "月", "日", "年", "%", "辆", ""]), hanzi)
date_line = st.builds(lambda m, d, rest: f"{m}月 {d}日，{rest}", st.integers(1, 12), st.integers(1, 31), hanzi)
header_line = st.one_of(
    st.builds(lambda y, m, d, w: f"{y}年{m}月{d}日 星期{w}", st.integers(1990, 2030), st.integers(1, 12),
              st.integers(1, 31), st.sampled_from("一二三四五六日")),
    st.builds("A{:02d}".format, st.integers(1, 24)),
    st.builds("第{}版".format, st.integers(1, 24)),
    st.builds("责编 {} 校对 {}".format, name, name),
)
byline_line = st.one_of(
    st.builds(lambda a, b, rest: f"本报讯（记者 {a} {b}）{rest}", name, name, hanzi),
    st.builds("本报记者 {}".format, name),
    st.builds(lambda m, d, a: f"新华社北京{m}月{d}日电（记者 {a}）", st.integers(1, 12), st.integers(1, 31), name),
)
headline_line = st.text(alphabet=HANZI, min_size=4, max_size=12)
furniture_line = st.one_of(
    st.builds("据《{}》".format, st.sampled_from(["人民日报", "江川日报", "光明日报"])),
    st.sampled_from(["（下转A3版）", "（上接第一版）", "（下转第2版）"]),
)
blank_line = st.sampled_from(["", "", " ", "\u3000", "\t"])
odd_line = st.text(max_size=12)  # anything at all, now and then

line = st.one_of(
    body_line, body_line, body_line, digit_line, date_line, header_line, byline_line, headline_line,
    furniture_line, blank_line, blank_line, odd_line,
)
page_lines = st.lists(line, max_size=50)


@st.composite
def page_text(draw):
    """One or more pages of lines, LF or CRLF, pages separated by form feeds."""
    pages = draw(st.lists(page_lines, min_size=1, max_size=3))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    text = "\f".join(newline.join(lines) for lines in pages)
    if draw(st.booleans()):
        text += newline + "\f"
    return text


def output_chars(pages) -> Counter:
    total: Counter = Counter()
    for page in pages:
        total += printed_chars(page_to_dict(page))
    return total


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text())
def test_nothing_lost_nothing_invented(text):
    pages = parse_text(text)
    assert diff(input_chars(text), output_chars(pages)) == {}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text(), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
@example("\x00", "utf-8")  # found in a fresh clone: a NUL makes the file binary
def test_nothing_lost_nothing_invented_through_the_file_reader(text, encoding):
    text = "本报讯（记者 王某）江川市召开会议。\n" + text  # enough text to detect the encoding
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # a random character the encoding cannot hold
    fd, path = tempfile.mkstemp(suffix=".txt")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        pages = list(iter_pages(path))
    except BadInput as exc:  # control characters (a NUL) rightly make the reader call it binary
        assert "looks binary" in str(exc)
        assert any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text)
        return
    finally:
        os.unlink(path)
    assert diff(input_chars(text), output_chars(pages)) == {}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text(), st.integers(0, 10_000), st.sampled_from([b"\xff", b"\xe4\xb8", b"\x80"]))
def test_stray_bytes_in_utf8_are_counted_as_the_u_fffd_they_are_read_as(text, where, stray):
    """A UTF-8 dump with a stray byte is read with U+FFFD in its place: the input characters are
    those of that reading (the file's bytes decoded with errors="replace"), U+FFFD included."""
    assume(not any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text))  # binary: refused
    data = ("本报讯（记者 王某）江川市召开会议。\n" + text).encode()
    where = where % (len(data) + 1)
    data = data[:where] + stray + data[where:]
    fd, path = tempfile.mkstemp(suffix=".txt")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", StrayBytesWarning)
            pages = list(iter_pages(path))
            expected = file_input_chars(path)
    finally:
        os.unlink(path)
    assert expected == input_chars(data.decode("utf-8", "replace")) and expected["\ufffd"] >= 1
    assert diff(expected, output_chars(pages)) == {}
