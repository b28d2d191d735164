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
