"""wide_heads: headline lines as wide as the column told from body lines by the page around them
(made-up lines; an 11-character column, no blank lines unless a test says so)."""
from __future__ import annotations

from banmian.model import Source
from banmian.pipeline import page_from_lines
from banmian.stages.classify import classify
from banmian.stages.measure import measure
from banmian.stages.normalize import normalize
from banmian.wide_heads import repeated_on_page

# a column's text cut short (its last line runs on into the next column), and a finished one
CUT = ["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半，沿线的", "学校和医院也因此受益很"]
REPORT = ["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半，沿线的", "学校和医院也因此受益。"]
LEAD = ["本报讯 记者王某报道：城", "东新桥通车一个月来，城东", "新桥日均车流两万辆，比", "预计多出三成。"]


def kinds(raw_lines: list[str]) -> list[str]:
    page = classify(measure(normalize(page_from_lines(raw_lines, Source(path="<test>")))))
    return [ln.kind for ln in page.lines]


def test_a_full_line_over_a_headline_that_the_article_repeats_is_its_kicker():
    got = kinds(CUT + ["城东新桥日均车流两万辆", "新桥通车", "缓解拥堵"] + LEAD)
    assert got[4:8] == ["head", "head", "head", "body"]
    # the same line, its words nowhere else on the page: a body line cut at the column's foot
    got = kinds(CUT + ["城东新桥车流超出了预计", "新桥通车", "缓解拥堵"] + LEAD)
    assert got[4] == "body"


def test_a_repeat_counts_only_away_from_the_line_itself_and_up_to_a_clause_end():
    page = "甲乙丙丁戊己庚辛壬癸，其余"
    assert not repeated_on_page("甲乙丙丁戊己庚辛", 0, page)  # only its own place
    assert repeated_on_page("甲乙丙丁戊己庚辛壬癸", 0, "甲乙丙丁戊己庚辛壬癸" + page)
    assert not repeated_on_page("乙丙丁戊己庚辛壬", 0, "乙丙丁戊己庚辛壬" + page)  # stops mid-clause
    assert not repeated_on_page("甲乙丙丁", 0, "甲乙丙丁" + page)  # too short to tell


def test_a_wide_line_between_a_finished_paragraph_and_a_headline_over_a_byline_opens_the_headline():
    got = kinds(REPORT + ["城东新桥今天通车运营", "市里三座跨河大桥今天全部建成通车", "王某"] + REPORT)
    assert got[4:7] == ["head", "head", "byline"]
    # a short (indented) line there opens a paragraph at the column's foot
    got = kinds(REPORT + ["　　城东新桥今天通车", "市里三座跨河大桥今天全部建成通车", "王某"] + REPORT)
    assert got[4] == "body"


def test_a_line_ending_on_a_dash_joins_the_head_line_next_to_it():
    got = kinds(CUT + ["桥头上，两岸居民同庆——", "新桥通车记", "王某"] + REPORT)
    assert got[4:7] == ["head", "head", "byline"]
    got = kinds(REPORT + ["", "城建成就回眸——", "’98城东新桥通车", ""] + REPORT)  # indented, under the dash
    assert got[5:7] == ["head", "head"]
    # a dash between two numbers inside a paragraph
    got = kinds(REPORT[:2] + ["时间缩短一半，1997年—", "1998年沿线学校受益。"] + REPORT)
    assert got[2:4] == ["body", "body"]


def test_a_bracketed_time_span_closing_a_line_is_a_forecasts_headline():
    got = kinds(CUT + ["明天天气预报（3月2", "日8时—3日8时）", "今明两天天气展望"] + REPORT)
    assert got[4:7] == ["head", "head", "head"]
    got = kinds(CUT + ["据统计，新桥（3月2", "日—3日）"] + REPORT)  # a clause mark: a note in the text
    assert got[4:6] == ["body", "body"]


def test_a_line_a_word_runs_on_from_into_a_head_line_is_that_headlines():
    got = kinds(CUT + ["城东口岸贸易增长去年进", "出口额比上年多出三成还要多"] + LEAD)
    assert got[4:6] == ["head", "head"]
    got = kinds(CUT + ["城东口岸贸易增长，去年", "出口额比上年多出三成还要多"] + LEAD)  # a clause mark
    assert got[4] == "body"


def test_a_dash_line_without_a_sentence_end_is_a_subtitle_even_inside_body_text():
    got = kinds(REPORT[:2] + ["——伴着欢快的锣鼓声"] + REPORT[2:])
    assert got[2] == "head"


def test_a_line_against_a_headlines_second_line_found_by_a_word_across_the_break_is_the_headlines():
    # a 12-character column: the head's second line measures as an indented paragraph opening
    body = ["　　市里今年新建了三座跨", "河大桥，附近居民的出行时", "间缩短了一半，沿线的学校", "和医院也因此受益。"]
    got = kinds(body + ["", "市政府关于修订《环境", "保护管理办法》的通知", "城东市人民政府第三号令", ""] + body + [""] + body)
    assert got[5:8] == ["head", "head", "head"]
