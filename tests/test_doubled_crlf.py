"""CR CR LF, the line end of a CRLF file written again through a text-mode file on Windows, is one
line end: the lines keep their blank lines and gain none (made-up text)."""
from __future__ import annotations

import pytest

from banmian.pipeline import parse_text
from banmian.readers.text import read_pages, split_pages

LINES = ["本报讯 城东新建的图书馆昨", "天正式开馆。", "", "　　开馆第一天就有三千多", "名读者前来借书。"]


def test_split_pages_reads_cr_cr_lf_as_one_line_end():
    assert split_pages("\r\r\n".join(LINES) + "\r\r\n\f") == [(0, 1, LINES)]


def test_lone_cr_and_crlf_are_read_as_before():
    assert split_pages("a\rb\r\nc\r\n\r\nd\r\re") == [(0, 1, ["a", "b", "c", "", "d", "", "e"])]


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 5, 7, 1 << 20])
def test_streamed_file_split_between_the_crs_reads_the_same(tmp_path, chunk_size):
    path = tmp_path / "doubled.txt"
    path.write_bytes(("\r\r\n".join(LINES) + "\r\r\n").encode("utf-8"))
    assert [lines for *_, lines in read_pages(str(path), chunk_size=chunk_size)] == [LINES]


def test_a_doubled_dump_parses_as_the_dump_itself():
    text = "\n".join(LINES) + "\n"
    doubled = text.replace("\n", "\r\r\n")
    assert [a.paragraphs for a in parse_text(doubled, entities=False)[0].articles] == \
        [a.paragraphs for a in parse_text(text, entities=False)[0].articles]
