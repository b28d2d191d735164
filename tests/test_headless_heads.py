"""headless_heads: a head block the assignment left over goes to the headless article whose
opening is printed next after it (a caption between), not to one opening mid-paragraph or under
a continuation line. Made-up lines."""
from __future__ import annotations

from banmian.headless_heads import leftovers_over_next_openings
from banmian.model import Article, Fragment, Line, Page, Source, page_line_index


def _page(start: str, continued: bool = False) -> tuple[Page, list[list[Line]]]:
    texts = [("城东三座桥", "head"), ("建成通车", "head"), ("图为新建的跨河大桥。", "caption"), ("", "blank")]
    if continued:
        texts.append(("（上接第三版）", "continued"))
    texts += [("本报讯 城东新建的三座", "body"), ("跨河桥梁已于上月底全部建", "body"), ("成通车。", "body")]
    lines = [Line(no=n + 1, raw=t, text=t, kind=k) for n, (t, k) in enumerate(texts)]
    page = Page(source=Source(path="<test>"), lines=lines)
    body = [ln for ln in lines if ln.kind == "body"]
    page.articles = [Article(id="a1", paragraphs=["".join(ln.text for ln in body)])]
    page.scratch["article_groups"] = [[Fragment(lines=body, start=start, end="closed")]]
    return page, [lines[:2]]


def test_a_leftover_goes_to_the_headless_opening_printed_next():
    page, blocks = _page("indent")
    out = leftovers_over_next_openings(page, blocks, {}, 1000, page_line_index(page))
    assert out == [(blocks[0], 0)]


def test_not_to_a_piece_opening_mid_paragraph():
    page, blocks = _page("open")
    assert leftovers_over_next_openings(page, blocks, {}, 1000, page_line_index(page)) == []


def test_not_to_a_piece_under_a_continuation_line():
    page, blocks = _page("indent", continued=True)
    assert leftovers_over_next_openings(page, blocks, {}, 1000, page_line_index(page)) == []


def test_not_when_the_article_has_a_head():
    page, blocks = _page("indent")
    page.articles[0].headline = "另一标题"
    assert leftovers_over_next_openings(page, blocks, {}, 1000, page_line_index(page)) == []


def test_not_a_block_of_text_lines_read_as_heads():
    page, blocks = _page("indent")
    blocks[0][1].text = "建成通车，附近居民"
    assert leftovers_over_next_openings(page, blocks, {}, 1000, page_line_index(page)) == []


def test_of_two_blocks_over_one_article_the_one_its_opening_repeats():
    page, blocks = _page("indent")
    other = Line(no=3, raw="暖冬送炭", text="暖冬送炭", kind="head")
    page.lines.insert(2, other)  # nearer the opening, but sharing none of its words
    out = leftovers_over_next_openings(page, [[other]] + blocks, {}, 1000, page_line_index(page))
    assert out == [(blocks[0], 0)]


# signed_leftovers_over_headless_reports: a leftover head block ending with a reporter's line
# goes to the first headless report printed after it, past a neighbour's text. Made-up lines.

import pytest  # noqa: E402

from banmian import headless_heads  # noqa: E402
from banmian.headless_heads import signed_leftovers_over_headless_reports  # noqa: E402


def _signed_page(byline_reason: str = "byline:reporter_line") -> tuple[Page, list[list[Line]]]:
    texts = [("山村来了", "head"), ("流动图书车", "head"), ("本报记者林远", "byline"), ("", "blank"),
             ("河湾大桥", "head"), ("", "blank"),
             ("城东新建的跨河大桥昨天", "body"), ("通车，两岸居民往来方便。", "body"), ("", "blank"),
             ("一辆满载新书的汽车开进", "body"), ("了偏远的石门村，村民们", "body"), ("争相借阅。", "body")]
    lines = [Line(no=n + 1, raw=t, text=t, kind=k) for n, (t, k) in enumerate(texts)]
    lines[2].reasons.append(byline_reason)
    page = Page(source=Source(path="<test>"), lines=lines)
    bridge, books = lines[6:8], lines[9:12]
    page.articles = [Article(id="a1", headline="河湾大桥", paragraphs=["".join(ln.text for ln in bridge)]),
                     Article(id="a2", paragraphs=["".join(ln.text for ln in books)])]
    page.scratch["article_groups"] = [[Fragment(lines=bridge, start="indent", end="closed")],
                                      [Fragment(lines=books, start="indent", end="closed")]]
    page.claim_all(lines[4:5] + bridge, page.articles[0])
    page.claim_all(books, page.articles[1])
    return page, [lines[:3], lines[4:5]]


def test_a_signed_leftover_goes_past_a_neighbours_text_to_the_headless_report():
    page, blocks = _signed_page()
    assert signed_leftovers_over_headless_reports(page, blocks, page_line_index(page)) == [(blocks[0], 1)]


def test_not_a_block_ending_with_a_bare_name():
    page, blocks = _signed_page("byline:names")
    assert signed_leftovers_over_headless_reports(page, blocks, page_line_index(page)) == []


def test_not_to_a_report_that_has_a_byline():
    page, blocks = _signed_page()
    page.articles[1].byline = "本报记者王平"
    assert signed_leftovers_over_headless_reports(page, blocks, page_line_index(page)) == []


def test_not_to_a_report_opening_with_a_lead_in():
    page, blocks = _signed_page()
    page.articles[1].paragraphs = ["本报讯 " + page.articles[1].paragraphs[0]]
    assert signed_leftovers_over_headless_reports(page, blocks, page_line_index(page)) == []


@pytest.mark.pure_python  # monkeypatches a module constant: the compiled build inlines it
def test_the_rule_switched_off(monkeypatch):
    page, blocks = _signed_page()
    monkeypatch.setattr(headless_heads, "SIGNED_LEFTOVERS", False)
    assert signed_leftovers_over_headless_reports(page, blocks, page_line_index(page)) == []


# leftovers_near_headless_reports: a head block still left over goes to the headless report
# printed near it whose opening repeats its words most, before or after it. Made-up lines.

from banmian.headless_heads import leftovers_near_headless_reports  # noqa: E402


def _near_page(gap: int = 0) -> tuple[Page, list[list[Line]]]:
    texts = [("本报讯 城东新建的三座", "body"), ("跨河桥梁已于上月底全部建", "body"), ("成通车。", "body")]
    texts += [("", "blank")] * (gap + 1)
    texts += [("城东三座桥", "head"), ("建成通车", "head"), ("", "blank")]
    lines = [Line(no=n + 1, raw=t, text=t, kind=k) for n, (t, k) in enumerate(texts)]
    page = Page(source=Source(path="<test>"), lines=lines)
    body = lines[:3]
    page.articles = [Article(id="a1", paragraphs=["".join(ln.text for ln in body)])]
    page.scratch["article_groups"] = [[Fragment(lines=body, start="indent", end="closed")]]
    page.claim_all(body, page.articles[0])
    block = [ln for ln in lines if ln.kind == "head"]
    return page, [block]


def test_a_leftover_printed_after_its_reports_opening_goes_to_it():
    page, blocks = _near_page()
    assert leftovers_near_headless_reports(page, blocks, 1000, page_line_index(page)) == [(blocks[0], 0)]


def test_not_to_a_report_printed_far_from_the_block():
    page, blocks = _near_page(gap=headless_heads.NEAR_LINES)
    assert leftovers_near_headless_reports(page, blocks, 1000, page_line_index(page)) == []


def test_not_a_block_sharing_too_few_words():
    page, blocks = _near_page()
    blocks[0][0].text, blocks[0][1].text = "暖冬送炭", "情满山乡"
    assert leftovers_near_headless_reports(page, blocks, 1000, page_line_index(page)) == []


def test_not_a_block_holding_a_byline():
    page, blocks = _near_page()
    blocks[0][1].kind = "byline"
    assert leftovers_near_headless_reports(page, blocks, 1000, page_line_index(page)) == []


def test_not_to_a_report_that_has_a_head():
    page, blocks = _near_page()
    page.articles[0].headline = "另一标题"
    assert leftovers_near_headless_reports(page, blocks, 1000, page_line_index(page)) == []


@pytest.mark.pure_python  # monkeypatches a module constant: the compiled build inlines it
def test_the_near_rule_switched_off(monkeypatch):
    page, blocks = _near_page()
    monkeypatch.setattr(headless_heads, "NEAR_LEFTOVERS", False)
    assert leftovers_near_headless_reports(page, blocks, 1000, page_line_index(page)) == []
