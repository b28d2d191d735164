"""subheads.mark_heads_run_on_from_body: in a dump that sets text blocks off by blank lines, a
head line filling the column right under a full body line that ends on no clause mark is that
sentence's next line (made-up lines; the column is 10 em wide)."""
from __future__ import annotations

import pytest

from banmian import subheads
from banmian.model import Line, Page, Source
from banmian.subheads import RUN_ON_FROM_BODY_REASON, mark_heads_run_on_from_body

WIDTH = 10.0


def _page(*rows: tuple[str, str, float], blank_after: bool = True) -> Page:
    rows = rows + (("", "blank", 0.0),) if blank_after else rows
    lines = [Line(no=i + 1, raw=t, text=t, kind=k, width=w) for i, (t, k, w) in enumerate(rows)]
    return Page(Source(path="p.txt"), lines=lines, column_width=WIDTH)


def _kinds(*rows: tuple[str, str, float], blank_after: bool = True) -> list[str]:
    page = _page(*rows, blank_after=blank_after)
    mark_heads_run_on_from_body(page)
    return [ln.kind for ln in page.lines if ln.kind != "blank"]


def test_a_full_head_line_under_a_running_sentence_is_body():
    page = _page(("河边新修的步道已经向", "body", 10.0), ("附近居民开放了整整两个", "head", 10.0),
                 ("多月份", "head", 3.0))
    mark_heads_run_on_from_body(page)
    assert [ln.kind for ln in page.lines] == ["body", "body", "head", "blank"]  # a short line is left
    assert RUN_ON_FROM_BODY_REASON in page.lines[1].reasons


def test_full_lines_run_on_one_after_another():
    got = _kinds(("河边新修的步道已经向", "body", 10.0), ("附近居民开放了整整两个", "head", 10.0),
                 ("多月份时间里游人不断而", "head", 9.5))
    assert got == ["body", "body", "body"]


@pytest.mark.pure_python  # monkeypatches a compiled module's constant
def test_the_rule_switched_off_keeps_the_head(monkeypatch):
    monkeypatch.setattr(subheads, "RUN_ON_FROM_BODY", False)
    got = _kinds(("河边新修的步道已经向", "body", 10.0), ("附近居民开放了整整两个", "head", 10.0))
    assert got == ["body", "head"]


def test_a_finished_clause_a_short_line_or_a_head_shape_keeps_the_head():
    assert _kinds(("河边新修的步道已开放，", "body", 10.0), ("附近居民每天都来散步走", "head", 10.0)) == ["body", "head"]
    assert _kinds(("河边新修的步道", "body", 6.0), ("附近居民每天都来散步走", "head", 10.0)) == ["body", "head"]
    assert _kinds(("河边新修的步道已经向", "body", 10.0), ("居民开放", "head", 4.0)) == ["body", "head"]
    assert _kinds(("河边新修的步道已经向", "body", 10.0), ("附近居民开放了整整两个月份", "head", 12.0)) == ["body", "head"]
    assert _kinds(("河边新修的步道已经向", "body", 10.0), ("——附近居民开放了两个", "head", 10.0)) == ["body", "head"]


def test_a_blank_line_between_or_a_dump_without_blank_lines_keeps_the_head():
    page = _page(("河边新修的步道已经向", "body", 10.0), ("", "blank", 0.0), ("附近居民开放了整整两个", "head", 10.0))
    mark_heads_run_on_from_body(page)
    assert page.lines[2].kind == "head"
    assert _kinds(("河边新修的步道已经向", "body", 10.0), ("附近居民开放了整整两个", "head", 10.0),
                  blank_after=False) == ["body", "head"]
