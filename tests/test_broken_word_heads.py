"""head_leftovers.rejoin_broken_words: a head line left over that a dictionary word runs into from
an article's one-line headline (or out of it into the headline) is that headline's other line
(made-up headlines)."""
from __future__ import annotations

import pytest

from banmian import head_leftovers
from banmian.head_leftovers import rejoin_broken_words
from banmian.model import Article, Line, Page, Source


def _page(held: list[tuple[str, str]], loose: list[str]) -> Page:
    """A page whose articles each hold one head line (headline, line text) and whose `loose`
    head lines nobody holds."""
    lines = [Line(no=k + 1, raw=t, text=t, kind="head") for k, t in enumerate([t for _, t in held] + loose)]
    page = Page(source=Source(path="<test>"), lines=lines)
    for (headline, _), ln in zip(held, lines):
        art = Article(headline=headline)
        page.articles.append(art)
        page.claim(ln, art)
    return page


HELD = [("城东新建跨河大", "城东新建跨河大"), ("湿地公园迎来候鸟", "湿地公园迎来候鸟")]


def test_a_leftover_a_word_runs_into_joins_the_headline():
    page = _page(HELD, ["桥今天通车"])
    rejoin_broken_words(page)
    assert [a.headline for a in page.articles] == ["城东新建跨河大 桥今天通车", "湿地公园迎来候鸟"]
    assert page.owner_of(page.lines[2]) is page.articles[0]
    assert "headline:leftover_broken_word_rejoined" in page.lines[2].reasons


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_leftover(monkeypatch):
    monkeypatch.setattr(head_leftovers, "BROKEN_WORDS_REJOINED", False)
    held = HELD
    page = _page(held, ["桥今天通车"])
    rejoin_broken_words(page)
    assert [a.headline for a in page.articles] == ["城东新建跨河大", "湿地公园迎来候鸟"]
    assert page.owner_of(page.lines[2]) is None


def test_a_leftover_printed_under_its_second_line_goes_over_it():
    page = _page([("水管网改造完成", "水管网改造完成")], ["老城区的自来"])
    rejoin_broken_words(page)
    assert page.articles[0].headline == "老城区的自来 水管网改造完成"


def test_no_join_for_a_dash_line_a_short_line_or_two_lengths_apart():
    for loose in ["桥——今天通车", "桥通车", "桥今天正式建成通车迎来第一批市民"]:
        page = _page([("城东新建跨河大", "城东新建跨河大")], [loose])
        rejoin_broken_words(page)
        assert page.articles[0].headline == "城东新建跨河大", loose
        assert page.owner_of(page.lines[1]) is None


def test_no_join_when_two_headlines_could_take_the_leftover():
    page = _page([("城东新建跨河大", "城东新建跨河大"), ("城西新建跨江大", "城西新建跨江大")], ["桥今天通车"])
    rejoin_broken_words(page)
    assert [a.headline for a in page.articles] == ["城东新建跨河大", "城西新建跨江大"]
