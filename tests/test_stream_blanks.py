"""stream_blanks: a dump in drawing order that parts its blocks by blank lines (PyMuPDF's text
blocks joined by newlines) and prints every headline after the bodies is read as a dump without
blank lines (made-up lines in a 12-em column)."""
from __future__ import annotations

from banmian.line_shape import separates_blocks
from banmian.model import Source
from banmian.pipeline import page_from_lines, parse_text, run_stages
from banmian.stages import STAGES
from banmian.stages.classify import classify
from banmian.stages.stream_blanks import STREAM_REASON, stream_blanks

# Three reports, each paragraph and the heads' blocks followed by a blank line; the first report
# is cut short (`…说，这`), the second opens without a lead-in. The headlines come last, in the
# order of the bodies.
FIRST = ["本报讯 城东新建的图书馆昨", "天正式开馆，馆内藏书二十", "多万册，阅览座位一千多个。", "",
         "　　图书馆每天早上八点开", "门，晚上九点闭馆，周末也", "照常开放，市民凭身份证就", "能免费办理借书证。", "",
         "　　开馆第一天就有三千多", "名读者前来参观借书，不少", "家长带着孩子一起来，图书", "馆的工作人员高兴地说，这", ""]
SECOND = ["　　河边的老街今年完成了", "改造，街面铺上了青石板，", "两旁的老房子也修缮一新。", "",
          "　　改造后的老街吸引了很", "多游客，街上的小吃店和手", "工艺品店的生意都很红火。", "",
          "　　住在老街的居民都说，", "老街比以前干净漂亮多了。", ""]
THIRD = ["新华社上海1月6日电 今年", "第一艘远洋货轮今天从港口", "起航，驶往欧洲，船上装满", "了出口的机电产品。", ""]
HEADS = [["城东图书馆", "正式开馆", ""], ["河边老街", "改造一新", ""], ["远洋货轮", "今日起航", ""]]
HEADS_LAST = FIRST + SECOND + THIRD + [x for block in HEADS for x in block]
HEADS_OVER_BODIES = HEADS[0] + FIRST + HEADS[1] + SECOND + HEADS[2] + THIRD


def _classified(raw_lines):
    return run_stages(page_from_lines(raw_lines, Source(path="<test>")), STAGES[: STAGES.index(classify) + 1])


def test_heads_last_page_with_blank_lines_is_read_without_them():
    assert separates_blocks(_classified(HEADS_LAST))
    page = stream_blanks(_classified(HEADS_LAST))
    assert not any(ln.kind == "blank" or not ln.raw.strip() for ln in page.lines)
    assert not separates_blocks(page)
    assert all(STREAM_REASON in ln.reasons for ln in page.lines)
    assert [ln.no for ln in page.lines] == [no for no, raw in enumerate(HEADS_LAST, 1) if raw]  # input numbers kept


def test_the_page_is_read_as_the_same_text_without_blank_lines():
    def read(lines):
        page = parse_text("\n".join(lines), entities=False)[0]
        return [(a.headline, a.paragraphs) for a in page.articles], page

    with_blanks, page = read(HEADS_LAST)
    assert with_blanks == read([x for x in HEADS_LAST if x])[0]
    assert [h for h, _ in with_blanks] == ["城东图书馆 正式开馆", "河边老街 改造一新", "远洋货轮 今日起航"]
    heads = [ln for ln in page.lines if ln.text in ("城东图书馆", "河边老街", "远洋货轮")]
    assert all("headline:heads_tail_block" in ln.reasons for ln in heads)  # the heads tail read them


def test_a_page_in_reading_order_keeps_its_blank_lines():
    page = stream_blanks(_classified(HEADS_OVER_BODIES))
    assert separates_blocks(page)
    assert any(ln.kind == "blank" for ln in page.lines)
    assert not any(STREAM_REASON in ln.reasons for ln in page.lines)


def test_the_stage_runs_after_classify_and_before_the_heads_tail():
    names = [s.__name__ for s in STAGES]
    assert names.index("classify") < names.index("stream_blanks") < names.index("heads_tail")
