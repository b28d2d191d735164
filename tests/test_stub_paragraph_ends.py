"""subheads.mark_stub_paragraph_ends: a one-character head line that a word runs on into from
the head line over it is a paragraph's last line, both lines body (made-up lines)."""
from __future__ import annotations

from banmian.model import Line, Page, Source
from banmian.subheads import mark_stub_paragraph_ends


def _kinds(*rows: tuple[str, str]) -> list[str]:
    lines = [Line(no=i + 1, raw=t, text=t, kind=k) for i, (t, k) in enumerate(rows)]
    page = Page(Source(path="p.txt"), lines=lines)
    mark_stub_paragraph_ends(page)
    return [ln.kind for ln in page.lines]


def test_a_stub_finishing_a_word_over_it_is_a_paragraph_end():
    got = _kinds(("今年要全面落实各项任", "head"), ("务", "head"), ("", "blank"))
    assert got == ["body", "body", "blank"]


def test_no_word_across_a_short_line_or_a_dash_run_keeps_the_head():
    assert _kinds(("城东湿地公园", "head"), ("新", "head"))[:2] == ["head", "head"]  # no word runs across
    assert _kinds(("我听", "head"), ("惯", "head")) == ["head", "head"]  # a line one character a line
    assert _kinds(("——继续提速———追求快", "head"), ("捷", "head")) == ["head", "head"]  # a subtitle
    assert _kinds(("今年要全面落实各项任", "body"), ("务", "head")) == ["body", "head"]  # over it body: left
