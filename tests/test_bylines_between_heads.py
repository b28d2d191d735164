"""A byline left unclaimed between an article's head and its text, in pdftotext's reading order,
is that article's (`near_bylines.bylines_between_heads_and_texts`): made-up pages built line by
line, each line's kind and article set as the stages before would have set them."""
from __future__ import annotations

from banmian.model import Article, Line, Page, Source
from banmian.near_bylines import BETWEEN_HEAD_AND_TEXT_REASON, bylines_between_heads_and_texts

# kind, text, article (index into the page's articles, None: no article holds the line)
BRIDGES_HEAD = ("head", "新桥通车方便出行", 0)
BIRDS_HEAD = ("head", "湿地公园迎来候鸟", 1)
BIRDS_TEXT = [("body", "　　湖滨湿地公园今年春天", 1), ("body", "迎来第一批候鸟，园内新", 1),
              ("body", "建的观鸟长廊已经完工。", 1)]
BYLINE = ("byline", "本报记者王明", None)
CAPTION = ("caption", "图为湖边的观鸟长廊。", 1)
BRIDGES_TEXT = [("body", "　　城东新建的三座桥梁已", 0), ("body", "于上月底全部通车，附近", 0),
                ("body", "居民出行时间缩短了一半。", 0)]
BLANK = ("blank", "", None)


def build(rows: list[tuple[str, str, int | None]], bodies: int = 2) -> tuple[Page, list[Article]]:
    """A page of `rows` whose articles hold the lines marked with their index."""
    lines = [Line(no, text, text, kind=kind) for no, (kind, text, _) in enumerate(rows, 1)]
    articles = [Article(id=f"a{i}") for i in range(bodies)]
    page = Page(source=Source(path="<test>"), lines=lines)
    page.articles = articles
    for ln, (_, _, owner) in zip(lines, rows):
        if owner is not None:
            page.claim(ln, articles[owner])
            if ln.kind == "body":
                articles[owner].paragraphs.append(ln.text.strip())
    return page, articles


# The head block placed far from its text (by its words): the bridges headline, the birds report
# with its own head and a caption, the byline, then the bridges report's text.
FAR_HEAD = [BRIDGES_HEAD, BLANK, BIRDS_HEAD, BLANK, *BIRDS_TEXT, BLANK, BYLINE, BLANK, CAPTION, BLANK, *BRIDGES_TEXT]


def test_byline_between_head_and_text_goes_to_that_article():
    page, (bridges, birds) = build(FAR_HEAD)
    bylines_between_heads_and_texts(page)
    assert bridges.byline == "本报记者王明"
    assert BETWEEN_HEAD_AND_TEXT_REASON in bridges.reasons
    assert birds.byline is None
    assert page.owner_of(page.lines[FAR_HEAD.index(BYLINE)]) is bridges


def test_two_bylines_between_leave_both():
    rows = [BRIDGES_HEAD, BLANK, BIRDS_HEAD, BLANK, *BIRDS_TEXT, BLANK, BYLINE, BLANK, ("byline", "李华", None),
            BLANK, *BRIDGES_TEXT]
    page, (bridges, _) = build(rows)
    bylines_between_heads_and_texts(page)
    assert bridges.byline is None


def test_byline_between_two_articles_heads_and_texts_is_left():
    """The byline stands between the bridges head and text and also between the birds head and
    text (the birds text printed after it): no one article is shown."""
    rows = [BRIDGES_HEAD, BLANK, BIRDS_HEAD, BLANK, BYLINE, BLANK, *BIRDS_TEXT, BLANK, *BRIDGES_TEXT]
    page, (bridges, birds) = build(rows)
    bylines_between_heads_and_texts(page)
    assert bridges.byline is None and birds.byline is None


def test_article_with_a_byline_or_a_lead_in_takes_none():
    page, (bridges, _) = build(FAR_HEAD)
    bridges.byline = "赵文"
    bylines_between_heads_and_texts(page)
    assert bridges.byline == "赵文"
    page, (bridges, _) = build(FAR_HEAD)
    bridges.paragraphs[0] = "本报讯 城东新建的三座桥梁已"
    bylines_between_heads_and_texts(page)
    assert bridges.byline is None


def test_dump_without_blank_lines_is_left():
    """raw and PyMuPDF dumps (no blank lines) read no text blocks: the rule stays off."""
    page, (bridges, _) = build([row for row in FAR_HEAD if row is not BLANK])
    bylines_between_heads_and_texts(page)
    assert bridges.byline is None
