"""split_head_rows: a head line holding two neighbouring headlines is cut into them (made-up
pages, an 11 em column)."""
from __future__ import annotations

from banmian.invariant import diff, input_chars, printed_chars
from banmian.pipeline import parse_text
from banmian.stages.split_head_rows import head_row_parts
from banmian.writers.json import page_to_dict
from columns_text import BIRDS  # noqa: E402  (pytest puts tests/ on sys.path)

BRIDGES = ["　　本报讯 城东新建的三", "座桥梁已于上月底全部通", "车，附近居民出行时间缩", "短了一半。新桥通车以后，",
           "沿线的学校和医院也因此", "受益。"]  # a lead-in: the bridges' article opens here


def headlines(text: str) -> dict[str, str | None]:
    """Each article's headline, keyed by its body's first four characters."""
    page = parse_text(text, entities=False)[0]
    assert diff(input_chars(text), printed_chars(page_to_dict(page))) == {}
    return {"".join(a.paragraphs)[:4]: a.headline for a in page.articles}


def test_two_headlines_printed_on_one_line_go_to_their_own_articles():
    text = "\n".join(["湿地公园迎来候鸟 城东三座桥梁通车", "", *BIRDS, "", *BRIDGES])
    assert headlines(text) == {"湖滨湿地": "湿地公园迎来候鸟", "城东新建": "城东三座桥梁通车"}


def test_two_rows_of_side_by_side_headlines_are_read_headline_by_headline():
    # (no headline line repeats a clause of its body word for word: that would read as a
    # subtitle, `head_tiers.body_quoted_tiers`)
    text = "\n".join(["湿地公园迎来第一批 城东新建的三座桥梁", "候鸟观鸟长廊完工 上月底已全部通车", "", *BIRDS, "", *BRIDGES])
    got = headlines(text)
    assert got["湖滨湿地"].replace(" ", "") == "湿地公园迎来第一批候鸟观鸟长廊完工"
    assert got["城东新建"].replace(" ", "") == "城东新建的三座桥梁上月底已全部通车"


def test_word_spaces_and_credits_are_not_cut():
    assert head_row_parts("ATM 交换机通过鉴定") is None  # beside Latin letters: a word space
    assert head_row_parts("记者 程平伟摄") is None  # a role and a name
    assert head_row_parts("新年 春") is None  # a lone character is no headline
    assert head_row_parts("房改你真要改吗 俄官员会晤车臣领导人") == ["房改你真要改吗", "俄官员会晤车臣领导人"]


def test_a_name_beside_a_headline_line_is_a_byline():
    """pdftotext prints a byline beside the last line of the headline next to it (dev page 27:
    `与冷战思维 张武扬`): the name part is a byline, the other a head line."""
    from banmian.model import Line, Page, Source
    from banmian.stages.split_head_rows import split_head_rows

    row = Line(no=1, raw="湿地公园迎来候鸟 张国成", text="湿地公园迎来候鸟 张国成", kind="head")
    page = split_head_rows(Page(Source(path="p.txt"), lines=[row]))
    assert [(ln.text, ln.kind) for ln in page.lines] == [("湿地公园迎来候鸟", "head"), ("张国成", "byline")]


def test_a_row_part_ending_with_a_question_mark_is_cut_at_the_gutter():
    """Sim TRAIN pdftotext page 119: the second row of two side-by-side headlines, the left one
    ending with `？` (`split_head_rows.ROW_END_MARKS`); a mark before a non-CJK token is no gutter."""
    from banmian.stages.split_head_rows import head_row_parts

    assert head_row_parts("么过年？ 啤酒节") == ["么过年？", "啤酒节"]
    assert head_row_parts("游园会”去！ 迎新春") == ["游园会”去！", "迎新春"]
    assert head_row_parts("谨防“骗局” “热血铸就”") is None


def _rows(*texts: str) -> list[tuple[str, str]]:
    from banmian.model import Line, Page, Source
    from banmian.stages.normalize import normalize_text
    from banmian.stages.split_head_rows import split_head_rows

    lines = [Line(no=i + 1, raw=t, text=normalize_text(t), kind="head") for i, t in enumerate(texts)]
    page = split_head_rows(Page(Source(path="p.txt"), lines=lines))
    return [(ln.text, ln.kind) for ln in page.lines]


def test_a_row_under_a_cut_row_is_cut_at_a_gap_beside_a_digit():
    """Sim TRAIN pdftotext page 229: two slots' two-line headlines side by side, the right one's
    first line opening with a digit (`row_neighbour_parts`): the row over the cut one is cut too,
    and the lines are read slot by slot."""
    got = _rows("城东举办迎 2026年湿地", "新春候鸟摄影赛 公园开园在即")
    assert [t for t, _ in got] == ["城东举办迎", "新春候鸟摄影赛", "2026年湿地", "公园开园在即"]


def test_a_row_over_a_cut_row_with_a_dash_part_is_cut():
    """Sim TRAIN pdftotext page 171: the right slot's subtitle (a dash) under its headline, the
    left slot's second line beside it."""
    got = _rows("城东满城 湿地迎候鸟", "桥梁通车 ——三座新桥方便居民")
    assert [t for t, _ in got] == ["城东满城", "桥梁通车", "湿地迎候鸟", "——三座新桥方便居民"]


def test_a_lone_line_with_a_digit_gap_is_not_cut():
    """No cut row beside it: `ISO 9001` stays one headline line."""
    assert len(_rows("城东公司通过ISO 9001认证")) == 1


def test_lone_first_lines_over_a_cut_row_go_to_the_parts_they_read_on_into():
    """Sim TRAIN pdftotext pages 83, 280, 300: two slots' two-line headlines side by side, the
    first lines printed one by one (the right slot's on top), the second lines on one row
    (`first_lines_over_row`): each first line is put over the part a word runs on into."""
    got = _rows("湖滨公园候", "城东大桥通", "车典礼举行 鸟数量创新高")
    assert [t for t, _ in got] == ["城东大桥通", "车典礼举行", "湖滨公园候", "鸟数量创新高"]


def test_first_lines_over_a_row_fall_back_on_their_lengths_then_print_order():
    """No word runs across: each first line goes to the part nearest its length, then in order."""
    got = _rows("城东新建的三座大桥", "湖滨公园", "已于上月底全部通车 迎来候鸟")
    assert [t for t, _ in got] == ["城东新建的三座大桥", "已于上月底全部通车", "湖滨公园", "迎来候鸟"]
    got = _rows("湖滨公园", "城东新建的三座大桥", "迎来候鸟 已于上月底全部通车")
    assert [t for t, _ in got] == ["湖滨公园", "迎来候鸟", "城东新建的三座大桥", "已于上月底全部通车"]


def test_a_sentence_over_a_cut_row_is_no_first_line():
    """A line holding clause punctuation is body text, not a headline's first line."""
    got = _rows("居民说，湖滨公园候", "城东大桥通", "车典礼举行 鸟数量创新高")
    assert [t for t, _ in got][:2] == ["居民说，湖滨公园候", "城东大桥通"]


# A raw dump (`pdftotext -raw`, no blank lines) where the headline's last line and the first line
# of the report under it, its lead-in cut at the column's width, were run into one line.
RAW_ROW_PAGE = ["城东三座新桥", "今日全部建成通车 本报北京1月5日讯 记者", "李明报道：城东新建的三座桥",
                "梁已于今天全部通车，附近居", "民出行的时间缩短了一半。新", "桥通车以后，沿线的学校和医",
                "院也因此受益。"]


def test_a_lead_in_run_into_a_head_row_opens_the_report_under_it():
    page = parse_text("\n".join(RAW_ROW_PAGE), path="p.txt", page_date="1998-01-06", entities=False)[0]
    assert diff(input_chars("\n".join(RAW_ROW_PAGE)), printed_chars(page_to_dict(page))) == {}
    [art] = [a for a in page.articles if a.paragraphs]
    assert art.headline.replace(" ", "") == "城东三座新桥今日全部建成通车"
    assert art.byline.replace(" ", "") == "本报北京1月5日讯记者李明报道："
    assert art.dateline is not None and art.dateline.date == "1998-01-05"
    assert "".join(art.paragraphs).startswith("城东新建的三座桥")


def test_a_lead_in_part_of_a_head_row_is_one_body_line():
    from banmian.model import Line, Page, Source
    from banmian.stages.split_head_rows import LEAD_IN_PART_REASON, split_head_rows

    row = Line(no=1, raw="今日全部建成通车 本报1月5日讯 记者", text="今日全部建成通车 本报1月5日讯 记者", kind="head")
    page = split_head_rows(Page(Source(path="p.txt"), lines=[row]))
    assert [(ln.text, ln.kind) for ln in page.lines] == [("今日全部建成通车", "head"), ("本报1月5日讯 记者", "body")]
    assert LEAD_IN_PART_REASON in page.lines[1].reasons


def test_a_lone_character_after_a_lead_in_part_is_the_lead_ins_next():
    """A lone character is no headline (`MIN_PART_CHARS`), but after a lead-in's part it is the
    lead-in's own next character, cut off at the column's width."""
    from banmian.model import Line, Page, Source
    from banmian.stages.split_head_rows import split_head_rows

    assert head_row_parts("——城东区委员 本报北京1月5日讯 记") == ["——城东区委员", "本报北京1月5日讯", "记"]
    assert head_row_parts("城东新桥 记") is None
    row = Line(no=1, raw="——城东区委员 本报北京1月5日讯 记", text="——城东区委员 本报北京1月5日讯 记", kind="head")
    page = split_head_rows(Page(Source(path="p.txt"), lines=[row]))
    assert [(ln.text, ln.kind) for ln in page.lines] == [("——城东区委员", "head"), ("本报北京1月5日讯 记", "body")]
