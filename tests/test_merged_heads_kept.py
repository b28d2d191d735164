"""A headed piece joining a headed article (`article_merges.merge_into`) keeps one head: the
piece's head lines the article's head does not print go back to the leftovers, never lost."""
from __future__ import annotations

from banmian.article_merges import RELEASED_REASON, merge_into
from banmian.model import Article, Fragment, Line, Page, Source
from banmian.stages.metadata import metadata


def _line(no: int, text: str, kind: str) -> Line:
    return Line(no, text, text, kind=kind)


def test_a_merged_piece_s_second_head_line_goes_to_the_leftovers():
    kicker = _line(1, "一座新桥连起两岸", "head")
    headline = _line(2, "城东大桥今天通车", "head")
    quote = _line(5, "市民步行过桥只需五分钟", "head")  # the piece's head: a quote of its body
    second = _line(6, "沿岸新修了步道和码头", "head")  # a second head line the piece holds
    body1 = _line(3, "城东大桥今天上午正式通车，", "body")
    body2 = _line(7, "市民步行过桥只需五分钟。", "body")
    page = Page(source=Source(path="t.txt", kind="text", encoding=None, sha256=""),
                lines=[kicker, headline, body1, quote, second, body2])
    report = Article(id="a1", kicker=kicker.text, headline=headline.text, paragraphs=[body1.text])
    piece = Article(id="a2", headline=quote.text, subtitle=second.text, paragraphs=[body2.text])
    page.articles = [report, piece]
    page.claim_all([kicker, headline, body1], report)
    page.claim_all([quote, second, body2], piece)
    merge_into(page, report, piece, [Fragment([body1])], [Fragment([body2])], Fragment([body1]), "merge:test")
    page.articles = [report]
    owner = page.scratch["owner"]
    printed = "".join(getattr(report, k) or "" for k in ("kicker", "headline", "subtitle"))
    for ln in (quote, second):  # the report has a kicker already: neither fits its head
        assert ln.text not in printed
        assert id(ln) not in owner and RELEASED_REASON in ln.reasons
    metadata(page)
    assert {u.text for u in page.unassigned} >= {quote.text, second.text}
