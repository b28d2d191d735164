"""head_units.one_text_block: in a dump that sets text blocks off by blank lines (pdftotext's),
two head lines printed right one under the other are one head, never cut apart by content
(made-up headlines and openings)."""
from __future__ import annotations

import pytest

import banmian.head_units as head_units
from banmian.head_context import AGAINST_HEADLINE_REASON
from banmian.head_bigrams import bigram_keys
from banmian.head_units import ONE_TEXT_BLOCK_REASON, split_by_content
from banmian.model import Line
from banmian.stages.split_head_rows import PART_REASON

# The body split in two: the first piece quotes the headline's first line, the rest its second.
OPENINGS = ["市长在全市交通工作会议上强调，城东新建的三座桥梁要在年底前通车。",
            "加快城东道路建设方便居民出行，工程队日夜施工，附近居民纷纷前来参观。"]


def _line(no: int, text: str, *reasons: str) -> Line:
    return Line(no=no, raw=text, text=text, kind="head", reasons=list(reasons))


def _texts(blocks: list[list[Line]]) -> list[list[str]]:
    return [[ln.text for ln in b] for b in blocks]


def _openings() -> list[set[int]]:
    return [bigram_keys(o) for o in OPENINGS]


def test_two_head_lines_of_one_text_block_stay_one_unit():
    """Simulated TRAIN page 126: `江泽民在中纪委二次全会上发表重要讲话强调` over `毫不放松继续推进…`,
    no blank line between, the split-off opening quoting the first line took it."""
    top, under = _line(1, "市长在全市交通工作会议上强调"), _line(2, "加快城东道路建设方便居民出行")
    assert _texts(split_by_content([[top, under]], _openings(), frozenset(), True)) == [[top.text, under.text]]
    assert ONE_TEXT_BLOCK_REASON in under.reasons


def test_cut_where_the_dump_prints_no_blank_lines():
    """Raw and PyMuPDF dumps tell no text blocks: the words cut as before."""
    top, under = _line(1, "市长在全市交通工作会议上强调"), _line(2, "加快城东道路建设方便居民出行")
    assert _texts(split_by_content([[top, under]], _openings())) == [[top.text], [under.text]]


def test_cut_at_a_blank_line_or_a_gap_in_print():
    top, under = _line(1, "市长在全市交通工作会议上强调"), _line(3, "加快城东道路建设方便居民出行")
    assert _texts(split_by_content([[top, under]], _openings(), frozenset({id(under)}), True)) == [[top.text], [under.text]]
    apart = _line(4, "加快城东道路建设方便居民出行")  # lines of a neighbour printed between
    assert _texts(split_by_content([[top, apart]], _openings(), frozenset(), True)) == [[top.text], [apart.text]]


def test_cut_beside_a_line_read_as_head_against_a_headline_or_a_row_part():
    """Dev page 2: a column's last line read as a head line against the headline under it."""
    top = _line(1, "市长在全市交通工作会议上强调", AGAINST_HEADLINE_REASON)
    under = _line(2, "加快城东道路建设方便居民出行")
    assert _texts(split_by_content([[top, under]], _openings(), frozenset(), True)) == [[top.text], [under.text]]
    part = _line(1, "市长在全市交通工作会议上强调", f"{PART_REASON}1_of_2")
    assert _texts(split_by_content([[part, under]], _openings(), frozenset(), True)) == [[part.text], [under.text]]


@pytest.mark.pure_python
def test_switched_off_the_words_cut(monkeypatch):
    monkeypatch.setattr(head_units, "ONE_TEXT_BLOCK_HEADS", False)
    top, under = _line(1, "市长在全市交通工作会议上强调"), _line(2, "加快城东道路建设方便居民出行")
    assert _texts(split_by_content([[top, under]], _openings(), frozenset(), True)) == [[top.text], [under.text]]
