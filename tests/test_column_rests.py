"""column_rests.column_rest (switched off in the pipeline, `stages.headlines.REST_UNDER_COLUMNS`):
a headless piece printed right under a report's last column is that report's next column when
the two share words (made-up text)."""
from __future__ import annotations

from banmian.column_rests import column_rest
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
