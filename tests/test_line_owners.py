"""Which article holds which input line: `Page.claim`, `release` and `move` keep the owner map
and each article's `line_nos` in step (the JSON's `lines` ranges and the leftovers come from
them)."""
from __future__ import annotations

from banmian.model import Article, Line, Page, Source


def _page_with(n: int) -> Page:
    return Page(source=Source(path="owners.txt"), lines=[Line(no=i + 1, raw=f"行{i + 1}", text=f"行{i + 1}") for i in range(n)])


def test_move_takes_a_line_from_one_article_to_another():
    page = _page_with(3)
    a, b = Article(id="a1"), Article(id="a2")
    page.claim_all(page.lines, a)
    page.move(page.lines[1], a, b)
    assert page.owner_of(page.lines[1]) is b
    assert a.line_nos == [1, 3] and b.line_nos == [2]


def test_move_from_the_leftovers_claims_the_line():
    page = _page_with(2)
    b = Article(id="a2")
    page.move(page.lines[0], None, b)
    assert page.owner_of(page.lines[0]) is b and b.line_nos == [1]


def test_release_gives_back_only_a_line_the_article_holds():
    page = _page_with(2)
    a, b = Article(id="a1"), Article(id="a2")
    page.claim(page.lines[0], a)
    page.claim(page.lines[1], b)
    page.release(page.lines[1], a)  # b's line: a cannot give it back
    assert page.owner_of(page.lines[1]) is b and b.line_nos == [2]
    page.release(page.lines[0], a)
    assert page.owner_of(page.lines[0]) is None and a.line_nos == []
