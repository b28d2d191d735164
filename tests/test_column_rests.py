"""column_rests: a headless piece printed right under a report's last column is that report's
next column when the two share words, and far more than the piece shares with any other article
(made-up text)."""
from __future__ import annotations

from banmian.column_rests import column_rest, rests_under_columns
from banmian.model import Article, Fragment, new_lines

REPORT = ["全县今年推广水稻良种，种植面积达到十二万亩，水稻良种覆盖率超过九成，农民增收明显。",
          "县农业局组织技术人员深入田间，指导农民科学育秧，推广机插秧技术。"]
NEXT = "明年全县将继续推广水稻良种，扩大机插秧面积，让更多种粮农民增收受益。"
OTHER = "昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。"


def report(paragraphs: list[str], headline: str | None = "全县水稻喜获丰收") -> tuple[Article, list[Fragment]]:
    art = Article(headline=headline, paragraphs=list(paragraphs),
                  reasons=["article_start:lead_in:+2.00" if headline else "article_start:content_change:-1.50"])
    frags = [Fragment(lines=new_lines([p]), start="indent", end="closed") for p in paragraphs]
    return art, frags


def piece(text: str) -> Article:
    return Article(paragraphs=[text], reasons=["article_start:content_change:-1.50"])


def test_a_piece_sharing_the_reports_words_is_its_next_column():
    target, group = report(REPORT)
    assert column_rest(piece(NEXT), target, group)


def test_a_neighbours_paragraph_is_not():
    target, group = report(REPORT)
    assert not column_rest(piece(OTHER), target, group)


def test_a_piece_sharing_words_only_with_the_reports_last_piece_is_not():
    # the report's last piece is itself a stray paragraph of the neighbour the piece continues
    target, group = report([REPORT[0], OTHER])
    assert not column_rest(piece("主队主教练赛后表示，下半场两个进球让球迷齐声欢呼，球队还需加强防守。"), target, group)


def test_a_report_closed_by_a_credit_takes_no_further_column():
    target, group = report([REPORT[0], REPORT[1] + "（王明）"])
    assert not column_rest(piece(NEXT), target, group)


def test_a_piece_much_longer_than_the_report_is_a_report_of_its_own():
    target, group = report([REPORT[0]])
    assert not column_rest(piece(NEXT * 3), target, group)


def test_a_stray_rest_takes_no_further_column():
    target, group = report(REPORT, headline=None)
    assert not column_rest(piece(NEXT), target, group)


def stray(text: str) -> Article:
    """A piece the start model opened on its words: headless, bylineless."""
    return Article(paragraphs=[text], reasons=["article_start:content_change:-1.50"])


def page_with(pieces: list[tuple[Article, list[str]]]):
    """A page whose articles are printed one under the other, one indented text block each
    paragraph closing, blank lines between (as pdftotext parts column blocks)."""
    from banmian.model import Line, Page, Source
    lines: list[Line] = []
    groups, frags = [], []
    for art, paras in pieces:
        group = []
        for p in paras:
            if lines:
                lines.append(Line(len(lines) + 1, "", "", kind="blank"))
            ln = Line(len(lines) + 1, p, p)
            lines.append(ln)
            f = Fragment(lines=[ln], start="indent", end="closed", order=len(frags))
            group.append(f)
            frags.append(f)
        groups.append(group)
    pg = Page(source=Source(path="<test>", kind="text", encoding=None, sha256=""), lines=lines,
              articles=[a for a, _ in pieces])
    pg.scratch["article_groups"] = groups
    pg.scratch["fragments"] = frags
    return pg


def test_the_next_column_printed_under_the_report_goes_back_after_it():
    head, _ = report(REPORT)
    pg = page_with([(head, REPORT), (stray(NEXT), [NEXT]), (piece(OTHER), [OTHER])])
    rests_under_columns(pg)
    assert len(pg.articles) == 2 and pg.articles[0].paragraphs == [*REPORT, NEXT]


def test_a_piece_sharing_as_much_with_another_article_stays_apart():
    head, _ = report(REPORT)
    rival = "明年全县将继续推广水稻良种，县里的种粮大户也要扩大机插秧面积。"
    pg = page_with([(head, REPORT), (stray(NEXT), [NEXT]), (piece(rival), [rival])])
    rests_under_columns(pg)
    assert len(pg.articles) == 3
