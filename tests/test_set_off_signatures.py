"""A signature line (an office or press title and a name) standing as a block of its own in a
dump that parts blocks by blank lines is its article's byline (`name_lines.mark_set_off_signatures`),
though it fills the column and reads as body. Made-up lines, a pdftotext-like dump."""
from __future__ import annotations

from banmian.name_lines import SET_OFF_SIGNATURE_REASON
from banmian.pipeline import parse_text

# The paragraph's first line is two characters short of the column: its indent.
BODY = ["市里今年新建了三座跨河大", "桥，附近居民的出行时间缩短了", "一半，沿线的学校和医院也因此", "受益。",
        "", "据介绍，新桥全长八百米，双向", "六车道，设计时速六十公里，总", "投资约四亿元，明年夏天通车。"]
OTHER = ["", "冬季长跑吸引众多市民", "", "本报讯 昨天上午，两千多名市民", "参加了在滨江公园举行的冬季长",
         "跑活动，年龄最大的已有七十岁", "，最小的只有六岁。"]


def _bridge_article(lines: list[str]):
    page = parse_text("\n".join(lines), entities=False)[0]
    return page, next(a for a in page.articles if a.headline == "新桥带来新变化")


def test_signature_under_headline_over_indented_line_is_the_byline():
    """A press title too (`高级编辑`): right under the headline, over the paragraph's indented line."""
    page, art = _bridge_article(OTHER + ["", "新桥带来新变化", "市文化研究所高级编辑王建国"] + BODY)
    assert art.byline == "市文化研究所高级编辑王建国"
    assert art.paragraphs[0].startswith("市里今年")
    line = next(ln for ln in page.lines if ln.text == "市文化研究所高级编辑王建国")
    assert SET_OFF_SIGNATURE_REASON in line.reasons


def test_signature_between_blank_lines_is_the_byline():
    """As wide as the column, between blank lines: not the running text of the report above."""
    page, art = _bridge_article(OTHER + ["", "新桥带来新变化", "", "市文化艺术研究所副所长王建国", ""] + BODY)
    assert art.byline == "市文化艺术研究所副所长王建国"
    assert all("王建国" not in p for a in page.articles for p in a.paragraphs)


def test_running_text_ending_on_an_office_and_a_name_stays_body():
    """The line runs on from the one above and its sentence goes on after the column break."""
    run = ["", "冬季长跑吸引众多市民", "", "本报讯 昨天上午，两千多名市民", "参加了在滨江公园举行的冬季长",
           "跑活动，市体育局副局长王建国", "", "为获奖选手颁发了奖杯和证书，", "年龄最大的选手已有七十岁。"]
    page = parse_text("\n".join(run + ["", "新桥带来新变化"] + BODY), entities=False)[0]
    line = next(ln for ln in page.lines if "王建国" in ln.text)
    assert line.kind == "body" and SET_OFF_SIGNATURE_REASON not in line.reasons
    assert any("副局长王建国为获奖选手" in p for a in page.articles for p in a.paragraphs)
