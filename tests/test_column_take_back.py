"""column_rests.take_back_next_columns: a report's next column, printed right under the report's
last piece, that the threads put after another article's piece stopping mid-sentence goes back
after the report (made-up text)."""
from __future__ import annotations

from banmian.column_rests import take_back_next_columns
from banmian.model import Article, Fragment, Line, Page, Source
from banmian.stages.segment import paragraphs_of

OPENING = ["本报讯 县里今天召开冬季防火工作会议，部署", "各乡镇的防火检查。"]
REST = ["会议要求各村逐户排查火灾隐患，", "春节前完成整改。"]
CUT = ["邻县今天举行春节联欢会，来自各乡", "镇的演员带来了精彩的节目，全场观"]
ASIDE = ["市图书馆新年期间照常开放，读者", "可以凭证借阅各类新书。"]


class Printer:
    """Lines printed one block after the other, a blank line between blocks, as pdftotext parts
    column blocks."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.frags: list[Fragment] = []

    def block(self, texts: list[str], start: str, end: str) -> Fragment:
        if self.lines:
            self.lines.append(Line(len(self.lines) + 1, "", "", kind="blank"))
        lines = [Line(len(self.lines) + k + 1, t, t) for k, t in enumerate(texts)]
        lines[0].para_start = start == "indent"
        self.lines.extend(lines)
        frag = Fragment(lines=lines, start=start, end=end, order=len(self.frags))
        self.frags.append(frag)
        return frag


def page_of(cut_end: str = "open", opening_end: str = "closed", opening: list[str] | None = None) -> Page:
    """The cut piece of a neighbour, an aside, the report's opening, then the report's next
    column right under it, which the threads put after the neighbour's cut piece."""
    pr = Printer()
    cut = pr.block(CUT, "indent", cut_end)
    aside = pr.block(ASIDE, "indent", "closed")
    lead = pr.block(opening or OPENING, "indent", opening_end)
    rest = pr.block(REST, "indent", "closed")
    groups = [[lead], [cut, rest], [aside]]
    arts = [Article(headline=h, paragraphs=paragraphs_of(g), reasons=["article_start:lead_in:+2.00"])
            for h, g in zip(["县里部署冬季防火", "邻县欢度春节", None], groups)]
    page = Page(source=Source(path="<test>", kind="text", encoding=None, sha256=""), lines=pr.lines, articles=arts)
    page.scratch["article_groups"] = groups
    page.scratch["fragments"] = pr.frags
    for art, g in zip(arts, groups):
        for f in g:
            page.claim_all(f.lines, art)
    return page


def test_the_next_column_goes_back_after_the_report_printed_over_it():
    page = page_of()
    take_back_next_columns(page)
    report, neighbour = page.articles[0], page.articles[1]
    assert report.paragraphs == ["".join(OPENING), "".join(REST)]
    assert neighbour.paragraphs == ["".join(CUT)]
    assert [len(g) for g in page.scratch["article_groups"]] == [2, 1, 1]
    assert page.owner_of(page.scratch["article_groups"][0][1].first) is report
    assert any(r.startswith("merge:next_column_taken_back") for r in report.reasons)


def test_a_column_after_a_piece_closing_its_paragraph_stays():
    page = page_of(cut_end="closed")
    take_back_next_columns(page)
    assert page.articles[1].paragraphs == ["".join(CUT), "".join(REST)]


def test_a_report_stopping_on_a_full_line_takes_no_column():
    page = page_of(opening_end="maybe")
    take_back_next_columns(page)
    assert page.articles[0].paragraphs == ["".join(OPENING)]


def test_a_lone_line_takes_no_column():
    page = page_of(opening=["各乡镇的防火检查。"])
    take_back_next_columns(page)
    assert page.articles[0].paragraphs == ["各乡镇的防火检查。"]
