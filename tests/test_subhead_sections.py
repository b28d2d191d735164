"""subhead_sections: a report's section printed under its subhead goes back into the report
printed right before it (made-up text)."""
from __future__ import annotations

from banmian.model import Article, Fragment, Line, Page, Source
from banmian.subhead_sections import subhead_sections_to_their_reports, subhead_shaped

HEAD = "各地把温暖送进困难职工家"
A = "春节将至，各地纷纷走访慰问困难职工，把党和政府的温暖送到困难职工家中。"
B = "云南省总工会日前拨出专款，走访慰问全省困难职工，为困难职工家中送去米面和过冬衣物。"
FOOT = "昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。"
ALOOF = "市图书馆新春期间延长开放时间，读者可在每天晚上九点前借还图书。"


def page_of(subhead: str, section: str = B, report_end: str = "closed") -> Page:
    """A report (head, one piece), a section under `subhead` printed right after it, a football
    report; each article's head lines claimed, its pieces in print order."""
    texts = [("head", HEAD), ("body", A), ("head", subhead), ("body", section), ("head", "主队主场获胜"), ("body", FOOT)]
    lines = [Line(n + 1, t, t, kind=k) for n, (k, t) in enumerate(texts)]
    arts = [Article(headline=HEAD, paragraphs=[A], reasons=["article_start:lead_in:+2.00", "headline:before_article:1.00"]),
            Article(headline=subhead, paragraphs=[section], reasons=["article_start:lead_in:+2.00", "headline:before_article:1.25"]),
            Article(headline="主队主场获胜", paragraphs=[FOOT], reasons=["article_start:headline_before:+1.00", "headline:before_article:0.50"])]
    pg = Page(source=Source(path="<test>", kind="text", encoding=None, sha256=""), lines=lines, articles=arts)
    groups = []
    for k, art in enumerate(arts):
        pg.claim(lines[2 * k], art)
        pg.claim(lines[2 * k + 1], art)
        groups.append([Fragment(lines=[lines[2 * k + 1]], start="indent", end=report_end if k == 0 else "closed", order=k)])
    pg.scratch["article_groups"] = groups
    return pg


def test_a_section_under_its_subhead_goes_back_into_the_report():
    pg = page_of("云南")
    subhead_sections_to_their_reports(pg)
    assert [a.headline for a in pg.articles] == [HEAD, "主队主场获胜"]
    assert pg.articles[0].paragraphs == [A, "云南", B]
    assert pg.lines[2].kind == "body" and pg.scratch["owner"][id(pg.lines[2])] is pg.articles[0]
    assert any(r.startswith("merge:subhead_section") for r in pg.articles[0].reasons)


def test_a_headline_that_says_more_than_a_subhead_keeps_its_article():
    pg = page_of("云南省总工会拨专款慰问困难职工")
    subhead_sections_to_their_reports(pg)
    assert len(pg.articles) == 3


def test_no_section_follows_a_piece_cut_mid_sentence():
    pg = page_of("云南", report_end="open")
    subhead_sections_to_their_reports(pg)
    assert len(pg.articles) == 3


def test_a_section_on_other_words_stays_apart():
    pg = page_of("书香", section=ALOOF)
    subhead_sections_to_their_reports(pg)
    assert len(pg.articles) == 3 and pg.articles[1].headline == "书香"


def test_subhead_shapes():
    for text in ("云南", "二", "三、建立自己的装备和仪器制造工业", "（一）农村从业人员", "第一章总则", "“向改革要警力”"):
        assert subhead_shaped(text), text
    for text in ("云南省总工会拨专款", "回眸九七年的中国经济", "“向改革要警力”的做法"):
        assert not subhead_shaped(text), text
