"""classify: head against body for short lines (made-up lines in a 12-character column)."""
from __future__ import annotations

import pytest

from banmian.model import Source
from banmian.pipeline import page_from_lines
from banmian.stages.classify import classify
from banmian.stages.measure import measure
from banmian.stages.normalize import normalize

BODY = ["　　市里今年新建了三座跨河", "大桥，附近居民的出行时间缩", "短了一半，沿线的学校和医院", "也因此受益。"]


def kinds(raw_lines: list[str]) -> list[str]:
    page = classify(measure(normalize(page_from_lines(raw_lines, Source(path="<test>")))))
    return [ln.kind for ln in page.lines]


def reasons_of(raw_lines: list[str], i: int) -> list[str]:
    page = classify(measure(normalize(page_from_lines(raw_lines, Source(path="<test>")))))
    return page.lines[i].reasons


def test_a_short_line_ending_with_a_colon_above_a_headline_line_is_part_of_the_headline():
    got = kinds(BODY + ["", "《城东新桥》：", "出行时间缩短一半", ""] + BODY)
    assert got[5:7] == ["head", "head"]


def test_a_short_line_ending_with_a_colon_above_body_lines_stays_body():
    got = kinds(BODY + ["", "主要有以下几点：", "一是沿线新建了两个公交站，", "方便了附近的居民和学生。", ""] + BODY)
    assert got[5] == "body"


REPORT = ["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半，沿线的", "学校和医院也因此受益。"]  # 11 em


def test_the_line_above_a_letters_salutation_is_its_headline_even_a_column_wide():
    got = kinds(REPORT + ["", "城东新桥方便了居民出行", "编辑同志：", "　　我家住在城东，每天", "上班都要绕行很远的路，"])
    assert got[5] == "head"  # 11 em: as wide as the column
    assert got[6] == "body"


def test_salutations_are_recognised_alone_on_their_line():
    from banmian.rules.furniture import is_salutation

    assert is_salutation("编辑同志：") and is_salutation("记者同志:") and is_salutation("编辑部：")
    assert not is_salutation("编辑同志说：") and not is_salutation("同志：") and not is_salutation("编辑同志")


def test_a_letter_after_another_article_opens_an_article_of_its_own():
    from banmian.pipeline import parse_text

    letter = ["城东新桥方便了居民出行", "编辑同志：", "　　我家住在城东，每天", "上班都要绕行很远的路，", "现在终于方便了。"]
    page = parse_text("\n".join(REPORT + [""] + letter), entities=False)[0]
    assert [a.headline for a in page.articles] == [None, "城东新桥方便了居民出行"]
    assert page.articles[1].paragraphs[0] == "编辑同志："


def test_a_line_right_above_a_name_line_is_a_headline_even_as_wide_as_the_column():
    got = kinds(REPORT + ["", "城东三座新桥建成通车了", "张建华", "　　市里今年新建三座跨"] + REPORT[1:])
    assert got[5:7] == ["head", "byline"]


def test_a_body_line_running_on_into_the_line_above_a_name_keeps_body():
    # the line before runs on into it: a paragraph, so the line below is no byline's headline
    got = kinds(["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半沿线学校", "张建华"])
    assert got[2] == "body"


def test_a_short_name_under_a_headline_is_its_byline_but_a_headline_wrap_is_not():
    got = kinds(BODY + ["", "一张难忘的名片", "劲驰", ""] + BODY)
    assert got[5:7] == ["head", "byline"]
    got = kinds(BODY + ["", "我市首批新能源公", "交车", ""] + BODY)  # 公交车 runs across the break
    assert got[5:7] == ["head", "head"]


def test_a_name_closing_a_headline_broken_into_short_lines_is_its_byline():
    assert kinds(BODY + ["", "公财", "当公理", "厉佛灯", ""] + BODY)[5:8] == ["head", "head", "byline"]
    assert kinds(BODY + ["", "公财", "当公理", "须自律", ""] + BODY)[5:8] == ["head", "head", "head"]  # no surname


def test_a_reporters_photo_credit_under_a_caption_is_caption_not_a_headline():
    got = kinds(BODY + ["", "图为新建的城东大桥。", "记者 程平伟摄", ""] + BODY)
    assert got[5:7] == ["caption", "caption"]
    paragraph = ["　　市里今年新建了三座跨河", "记者在现场看到许多人拍摄", "大桥，附近居民的出行时间缩", "短了一半。"]
    assert kinds(paragraph + [""] + BODY)[1] == "body"  # a body line ending in 拍摄


def test_an_editor_credited_alone_mid_page_is_page_furniture():
    got = kinds(BODY + ["", "责任编辑：王晓明", ""] + BODY)
    assert got[5] == "header"


HEADER = ["1998年1月1日 星期四", "", "责编 刘明 校对 王芳", ""]


def test_a_page_label_printed_away_from_the_header_is_header():
    from banmian.pipeline import parse_text

    for label, (number, section) in (("7  社会", ("7", "社会")), ("10", ("10", None))):
        raw = HEADER + BODY + ["", label, ""] + BODY
        assert kinds(raw)[9] == "header"
        page = parse_text("\n".join(raw), entities=False)[0]
        assert (page.meta.label, page.meta.section) == (number, section)


def test_a_number_headline_stays_a_headline_where_the_header_has_its_label():
    assert kinds(["1998年1月1日 星期四", "A07  社会", ""] + BODY + ["", "10  大新闻", ""] + BODY)[8] == "head"
    assert kinds(BODY + ["", "10  大新闻", ""] + BODY)[5] == "head"  # no header at all


def test_function_characters_never_make_names():
    from banmian.rules.names import looks_like_names

    assert looks_like_names("张印东周庆新焦守云") and looks_like_names("王和平")
    assert not looks_like_names("温馨的贺卡")


def test_a_compound_surname_that_is_an_everyday_word_opens_no_name():
    from banmian.rules.names import looks_like_names

    assert not looks_like_names("东方情缘")
    assert looks_like_names("欧阳志远")


def test_a_short_clause_ended_line_above_a_headline_line_opens_the_headline():
    got = kinds(BODY + ["", "城建委、", "市交通局通知要求各区抓紧建设新桥", "　　市里今年新建了三座跨"] + BODY[1:])
    assert got[5:7] == ["head", "head"]


def test_a_dash_line_under_a_headline_is_its_subtitle_even_as_wide_as_the_column():
    got = kinds(BODY + ["", "扩大开放提高水平", "——五论今年经济的主要任务", "　　市里今年新建了三座跨"] + BODY[1:])
    assert got[5:7] == ["head", "head"]
    got = kinds(BODY[:2] + ["——城东的大桥最受欢迎。"] + BODY[2:])  # a dash inside a paragraph
    assert got[2] == "body"


LEAD = ["本报东京1月8日电 记者", "王某报道：日本六个在野", "党今天结成联盟，要求首", "相下台。"]


def test_unfinished_lines_between_a_finished_paragraph_and_a_lead_in_are_its_headline():
    got = kinds(REPORT + ["日本六在野党结盟要求", "首相下台不与他党合作"] + LEAD)
    assert got[4:7] == ["head", "head", "body"]


def test_lines_a_paragraph_runs_on_into_before_a_lead_in_stay_body():
    running = ["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半，沿线学"]
    got = kinds(running + ["校和医院也因此受益很多"] + LEAD)
    assert got[2:4] == ["body", "body"]


def test_unpunctuated_lines_between_a_finished_paragraph_and_an_indented_line_are_a_headline():
    indented = ["今年新建三座跨河大", "桥，附近居民的出行时间", "缩短了一半。"]  # 9 em: a 2-em indent
    got = kinds(REPORT + ["罗布泊可望找到淡水阿其", "克谷地勘查出淡水富存区"] + indented)
    assert got[4:6] == ["head", "head"]
    # the same lines followed by the rest of their paragraph are body
    got = kinds(REPORT + ["罗布泊可望找到淡水阿其", "克谷地勘查出淡水富存区", "，专家们正在做进一步的"] + indented)
    assert got[4:6] == ["body", "body"]


def test_a_short_line_closing_a_block_under_a_finished_sentence_opens_a_paragraph_in_blank_separated_dumps():
    block = REPORT + ["由城建委和交通局", ""]  # the paragraph goes on in the next column
    got = kinds(block + REPORT + [""] + REPORT)
    assert got[4] == "body"


def test_a_photo_credit_above_a_lead_in_stays_out_of_the_headline():
    got = kinds(REPORT + ["（新华社记者王某", "摄）"] + LEAD)
    assert got[4:6] == ["body", "body"]


def test_a_short_line_listing_clauses_is_body_not_a_headline():
    got = kinds(REPORT + ["", "同胞们、朋友们、女", "士们、先生们：", "　　今年是城东大桥建成"] + REPORT[1:])
    assert got[5] == "body"


def test_a_short_line_ending_a_quoted_clause_is_body():
    got = kinds(["　　第四项修改为“电力调", "度设施：电力调度场所、", "通信设施；”", "这一条增加一项作为"] + REPORT[1:])
    assert got[2] == "body"


def test_a_short_block_of_unpunctuated_full_lines_is_a_headline_where_blanks_separate_blocks():
    got = kinds(REPORT + ["", "泰铢贬值国际炒家兴风作", "经济联动东亚金融险象环", ""] + REPORT + [""] + REPORT)
    assert got[5:7] == ["head", "head"]


def test_a_byline_or_a_photo_credit_sets_off_an_unpunctuated_block_as_a_blank_line_does():
    block = ["泰铢贬值国际炒家兴风作", "经济联动东亚金融险象环"]
    got = kinds(REPORT + [""] + block + ["钟行"] + REPORT + [""] + REPORT)
    assert got[5:8] == ["head", "head", "byline"]
    got = kinds(REPORT + ["", "（新华社记者宋晓刚摄）"] + block + [""] + REPORT + [""] + REPORT)
    assert got[5:8] == ["caption", "head", "head"]


def test_a_full_width_block_without_clause_marks_over_a_byline_is_a_headline():
    # dev page 32: a headline with its dash subtitle, as wide as body lines, over its byline
    block = ["经济结构调整要锲而不舍—", "—三论今年经济工作任务"]
    got = kinds(REPORT + [""] + block + ["本报评论员", ""] + REPORT + [""] + REPORT)
    assert got[5:8] == ["head", "head", "byline"]
    # a headline trailing off on an ellipsis (dev page 37)
    got = kinds(REPORT + ["", "郑州我怎么对你说呀……", "本报记者王慧敏", ""] + REPORT + [""] + REPORT)
    assert got[5] == "head"


def test_a_full_width_line_without_clause_marks_over_another_headline_is_a_headline():
    # dev page 6: a kicker printed over another article's headline block
    got = kinds(REPORT + ["", "使救灾车队顺利通往灾区", "", "风雪运输线", "", "本报评论员", ""] + REPORT + [""] + REPORT)
    assert got[5] == "head"


def test_a_full_width_block_right_under_the_page_header_is_a_headline():
    # dev page 40: `第2版` over `从短缺走向平衡——菜篮` / `子工程建设十年述评（上）`
    block = ["从短缺走向平衡——菜篮", "子工程建设十年述评（上）"]
    got = kinds(["1998年1月20日 星期二", "", "第2版"] + block + ["", "石漫滩水库", "复建工程竣工", ""] + REPORT + [""] + REPORT)
    assert got[2] == "header" and got[3:5] == ["head", "head"]


def test_stacked_full_width_blocks_over_a_byline_are_all_headline_lines():
    # dev page 32: `原则上不新上一般工业项目` over the headline block over its byline
    block = ["经济结构调整要锲而不舍—", "—三论今年经济工作任务"]
    got = kinds(REPORT + ["", "原则上不新上一般工业项", ""] + block + ["本报评论员", ""] + REPORT + [""] + REPORT)
    assert got[5] == "head"


def test_a_short_full_width_block_stays_body_over_a_paragraph_or_with_a_clause_mark():
    over_paragraph = REPORT + ["", "使救灾车队顺利通往灾区", ""] + REPORT + [""] + REPORT
    assert kinds(over_paragraph)[5] == "body"
    with_comma = REPORT + ["", "使救灾车队顺利，通往灾区", "", "风雪运输线", "", "本报评论员", ""] + REPORT
    assert kinds(with_comma)[5] == "body"
    bracketed = REPORT + ["", "（一九九七年十二月三十", "一日）", "本报评论员", ""] + REPORT + [""] + REPORT
    assert kinds(bracketed)[5:7] == ["body", "body"]


def test_a_reporter_line_between_two_byline_lines_is_the_middle_of_the_byline():
    # dev page 6: a joint credit broken over three lines
    credit = ["新华社记者刘建新、中", "央人民广播电台记者胡", "训军本报记者郭嘉"]
    got = kinds(REPORT + [""] + credit + [""] + REPORT + [""] + REPORT)
    assert got[5:8] == ["byline", "byline", "byline"]


def test_letter_spaced_lines_are_closed_up_but_spaced_names_and_phrases_keep_their_spaces():
    from banmian.stages.normalize import close_letter_spacing

    assert close_letter_spacing("余 贵 、 熊 馥 琬 报 道 ： 张 庆") == "余贵、熊馥琬报道：张庆"
    assert close_letter_spacing("记者 王某 李某") == "记者 王某 李某"
    assert close_letter_spacing("稳字当头 稳中求进") == "稳字当头 稳中求进"
    assert close_letter_spacing("王 某 李 某") == "王 某 李 某"  # four characters: could be two names
    page = normalize(page_from_lines(["本报天津1月9日讯 记者", "余 贵 、 熊 馥 琬 报 道 ： 张 庆"], Source(path="<t>")))
    assert page.lines[1].text == "余贵、熊馥琬报道：张庆" and "normalize:letter_spaced" in page.lines[1].reasons


def cut_column(paragraphs: list[str], width: int) -> list[str]:
    """Paragraphs set in a `width`-character column, each first line indented two characters."""
    from test_reassemble import column_lines

    return [line for text in paragraphs for line in column_lines(text, width)]


def test_an_article_set_to_a_wider_measure_gets_its_own_column_width():
    para = "市里今年新建了三座跨河大桥，附近居民的出行时间缩短了一半，沿线的学校和医院也因此受益良多。"
    narrow = cut_column([para] * 8, 12)  # the page's measure: most lines
    wide = cut_column([para * 2] * 4, 18)  # a commentary across wider columns
    page = classify(measure(normalize(page_from_lines(narrow + [""] + wide, Source(path="<test>")))))
    assert page.column_width == 12
    lines = page.lines[len(narrow) + 1:]
    firsts = [ln for ln in lines if len(ln.text) == 16]  # the wide article's indented first lines
    assert firsts and all(ln.column_width == 18 for ln in lines)
    assert all(ln.kind == "body" and "body:indented_first_line" in ln.reasons for ln in firsts)
    assert all(not ln.column_width for ln in page.lines[:len(narrow) - 25])


def test_a_wider_article_is_read_as_body_not_as_headlines():
    from banmian.pipeline import parse_text

    para = "市里今年新建了三座跨河大桥，附近居民的出行时间缩短了一半，沿线的学校和医院也因此受益良多。"
    text = "\n".join(cut_column([para] * 8, 12) + [""] + cut_column([para * 2] * 4, 18))
    page = parse_text(text, entities=False)[0]
    assert not any(a.headline for a in page.articles)
    assert sum(len(a.paragraphs) for a in page.articles) >= 11


WIDE_HEAD = "市里三座跨河大桥今天全部建成通车"  # wider than the column: a headline line by itself


def test_a_column_wide_line_printed_right_against_a_headline_line_is_the_headlines():
    got = kinds(REPORT + ["", "附近居民出行时间缩短一", WIDE_HEAD, ""] + REPORT + [""] + REPORT)
    assert got[5:7] == ["head", "head"]
    got = kinds(REPORT + ["", WIDE_HEAD, "附近居民出行时间缩短一", ""] + REPORT + [""] + REPORT)
    assert got[5:7] == ["head", "head"]


def test_an_indented_opening_or_a_reporters_line_against_a_headline_stays_out_of_it():
    got = kinds(REPORT + ["", WIDE_HEAD, "　　市里今年新建三座", "跨河大桥附近居民的出行", ""] + REPORT + [""] + REPORT)
    assert got[5:8] == ["head", "body", "body"]
    got = kinds(REPORT + ["", WIDE_HEAD, "央人民广播电台记者胡训", ""] + REPORT + [""] + REPORT)
    assert got[5] == "head" and got[6] != "head"


PICTURE_STORY = ["连日来的暴雨造成美国得克", "萨斯州部分地区河水泛滥，泛", "区居民纷纷迁移到附近地区", "的高地。", "图为水灾地区的两位", "年轻人从住所收拾自己的简", "单物品，转移到安全地区。"]


@pytest.mark.pure_python
def test_an_indented_picture_description_is_a_body_paragraph_in_a_dump_without_blank_lines(monkeypatch):
    import importlib

    module = importlib.import_module("banmian.furniture_lines")
    assert kinds(PICTURE_STORY)[4:] == ["body", "body", "body"]
    monkeypatch.setattr(module, "opens_photo_paragraph", lambda line, nxt, width: False)
    assert kinds(PICTURE_STORY)[4:] == ["caption", "caption", "caption"]


def test_a_caption_as_wide_as_its_picture_stays_a_caption():
    caption = ["图为泛区居民纷纷迁移到附近地区的高地。记者 方波君摄"]
    assert kinds(PICTURE_STORY[:4] + caption + PICTURE_STORY[5:])[4] == "caption"


def test_a_letter_spaced_line_with_digits_is_closed_up_whole():
    # the digit-space rule alone would leave `新 华 社 北 京1月8日 电`, and no lead-in is seen
    from banmian.stages.normalize import close_letter_spacing, normalize

    assert close_letter_spacing("新 华 社 北 京 1 月 8 日 电") == "新华社北京1月8日电"
    page = normalize(page_from_lines(["新 华 社 北 京 1 月 8 日 电", "记者 王某 李某 2024年 3月 5日"], Source(path="<test>")))
    assert [ln.text for ln in page.lines] == ["新华社北京1月8日电", "记者 王某 李某2024年3月5日"]


@pytest.mark.pure_python
def test_a_bracketed_photo_credit_under_body_text_is_body(monkeypatch):
    import importlib

    module = importlib.import_module("banmian.furniture_lines")
    blockless = PICTURE_STORY + ["（新华社记者周确摄）"] + REPORT
    blocks = REPORT + [""] + PICTURE_STORY + ["（新华社记者周确摄）", ""] + REPORT  # blank lines between blocks
    at = {id(blockless): len(PICTURE_STORY), id(blocks): len(REPORT) + 1 + len(PICTURE_STORY)}
    for lines in (blockless, blocks):
        assert kinds(lines)[at[id(lines)]] == "body"
    assert kinds(REPORT + ["", "（新华社记者周确摄）", ""] + REPORT)[5] == "caption"  # set off: a caption's credit
    monkeypatch.setattr(module, "closes_photo_story", lambda text: False)
    for lines in (blockless, blocks):
        assert kinds(lines)[at[id(lines)]] == "caption"


def test_an_office_and_a_name_under_a_headline_is_the_signed_articles_byline():
    from banmian.rules.names import titled_name

    assert titled_name("市政府副秘书长、市交通局局长王建国") == "王建国"
    # a bank's or a company's head signs so too
    assert titled_name("市商业银行行长王建国") == "王建国" and titled_name("市电力公司总裁王建国") == "王建国"
    assert titled_name("全县水稻喜获丰收") is None and titled_name("优秀教师") is None
    got = kinds(["", "依法治市　从严治交", "市政府副秘书长、市交通局局长王建国", ""] + REPORT + [""] + REPORT)
    assert got[1:3] == ["head", "byline"]


def test_a_lone_line_ending_a_list_of_people_on_deng_is_body():
    got = kinds(REPORT + ["", "人事部部长宋德福等", ""] + REPORT + [""] + REPORT)
    assert got[5] == "body"


def test_an_indented_opening_right_above_a_jump_line_is_body_in_a_dump_without_blank_lines():
    # the paragraph goes on where the jump points; no blank lines anywhere (pdftotext -raw)
    got = kinds(REPORT * 3 + ["由城建委和交通局", "（下转第四版）"] + REPORT * 2)
    assert got[12:14] == ["body", "jump"]
    # in a blank-separated dump too, and with a blank line between it and the finished sentence
    got = kinds(REPORT + [""] + REPORT + [""] + REPORT + ["由城建委和交通局", "（下转第四版）", ""] + REPORT)
    assert got[14:16] == ["body", "jump"]
    got = kinds(REPORT + [""] + REPORT + [""] + REPORT + ["", "由城建委和交通局", "（下转第四版）", ""] + REPORT)
    assert got[15:17] == ["body", "jump"]
    # under an unfinished body line it stays a headline line
    got = kinds(REPORT + [""] + REPORT[:2] + ["", "由城建委和交通局", "（下转第四版）", ""] + REPORT)
    assert got[8] == "head"


def test_a_full_line_between_a_jump_line_and_a_wider_headline_line_is_the_headlines_in_a_dump_without_blank_lines():
    # `全县水稻种植面积创新高` fills the column and holds no mark; the jump line above it ends the text before
    got = kinds(REPORT * 3 + ["（下转第四版）", "全县水稻种植面积创新高", "农技人员深入田间指导农民科学育秧"] + REPORT * 2)
    assert got[12:15] == ["jump", "head", "head"]


def test_two_unpunctuated_lines_over_a_name_are_its_headline_even_inside_another_articles_text():
    # a headline and its author printed into the middle of another article's paragraph
    got = kinds(REPORT[:2] + ["城东三座新桥建成通车了", "沿河居民出行时间缩短了", "张建华"] + REPORT)
    assert got[2:5] == ["head", "head", "byline"]
    # one line with a mark is body text running on: the rule stays out
    got = kinds(["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半沿线学校", "张建华"])
    assert got[2] == "body"


def test_bullet_points_are_body_in_a_dump_without_blank_lines():
    # two summary points under a headline, the first broken over two lines; no blank lines
    points = ["●城东新建三座跨河大", "桥正式通车", "●沿河居民出行时间缩短"]
    got = kinds(REPORT * 2 + ["城东新桥通车了"] + points + REPORT * 2)
    assert got[9:12] == ["body", "body", "body"]
    # a full head line after a point's first line is another headline's, not the point's
    got = kinds(REPORT * 2 + ["●城东新建三座跨河大", "城西老街改造今日完工了", "城西老街改造今日完工了"] + REPORT * 2)
    assert got[8:10] == ["body", "head"]


def test_two_unpunctuated_lines_over_a_lead_in_are_its_headline_even_under_text_cut_short():
    cut_short = ["　　市里今年新建三座跨", "河大桥。附近居民的出行"]  # the paragraph goes on elsewhere
    got = kinds(cut_short + ["城东三座新桥建成通车了", "沿河居民出行时间缩短了"] + LEAD)
    assert got[1:4] == ["body", "head", "head"]


@pytest.mark.pure_python
def test_a_closing_signature_and_date_are_body(monkeypatch):
    import importlib

    from banmian.pipeline import parse_text

    from test_reassemble import column_lines

    classify_module = importlib.import_module("banmian.stages.classify")
    next_article = ["爱山爱水爱家乡爱祖国", "电视音乐节目准备展播",
                    *column_lines("本报上海1月15日讯　记者肖雁报道：以爱家乡、爱祖国为主题的电视音乐节目近年来"
                                  "在全国城市电视台勃然兴起。", indent=0)]
    letter = [*column_lines("电视文艺晚会作为一种形式已逐渐发展到九十年代的鼎盛时期，数量之多令人吃惊。"),
              *column_lines("以上意见，我盼望能引起社会的关注。"), "付林", "1998年 1月"]
    decree = [*column_lines("现发布《国务院关于修改〈电力设施保护条例〉的决定》，自发布之日起施行。"),
              "总理李鹏", "1998年1月7日"]
    for closing, last in ((letter, ["付林", "1998年1月"]), (decree, ["总理李鹏", "1998年1月7日"])):
        text = "\n".join(closing + next_article) + "\n"
        assert parse_text(text, entities=False)[0].articles[0].paragraphs[-2:] == last
        with monkeypatch.context() as m:
            m.setattr(classify_module, "mark_closing_signatures", lambda page: None)  # the rule off
            assert parse_text(text, entities=False)[0].articles[0].paragraphs[-2:] != last


@pytest.mark.pure_python
def test_a_signature_is_looked_for_only_over_a_closing_date(monkeypatch):
    """`mark_closing_signatures` asks for the date line (rare) before the signature (name
    rules, slower): a page without a closing date reads no line as a signature."""
    import importlib

    classify_module = importlib.import_module("banmian.stages.classify")
    asked = []
    monkeypatch.setattr(classify_module, "signature", lambda text: asked.append(text) or True)
    kinds(["　　以上意见，我盼望能引起社会的关注。", "付林", "来信照登"])
    assert asked == []
    kinds(["　　以上意见，我盼望能引起社会的关注。", "付林", "1998年 1月"])
    assert asked == ["付林"]


def test_signature():
    from banmian.rules.names import signature

    assert signature("付林") and signature("总理李鹏") and signature("国务院总理李鹏")
    assert not signature("电视文艺晚会也有忧") and not signature("总理")


def test_list_items_run_on_into_a_line_ending_with_a_semicolon_are_body_not_headlines():
    items = ["　　市里在三方面发力：", "新建三座跨河大桥", "和人行天桥；", "拓宽两条沿河道路", "和林荫小道；", "增设八个公交站点"]
    got = kinds(REPORT + items + ["和候车亭。"] + REPORT)
    assert got[5:11] == ["body"] * 6


def test_a_head_line_whose_word_runs_on_into_a_clause_ended_line_is_body():
    got = kinds(REPORT + ["新桥的意义主", "要有以下三点：", "　　一是缩短了出行时间，"] + REPORT[1:])
    assert got[4:6] == ["body", "body"]


def test_a_line_a_headline_word_runs_on_into_without_a_clause_mark_is_headline():
    got = kinds(REPORT + ["市里今年新建的三座跨河大桥全部建", "成通车两岸居民出行时间"] + REPORT)
    assert got[4:6] == ["head", "head"]


def test_two_unmarked_lines_over_a_lead_in_are_its_headline_under_a_long_run_of_cut_text():
    cut = ["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半，沿线的", "学校和医院也因此受益很"]
    got = kinds(cut + ["日本六在野党结盟要求", "首相下台不与他党合作"] + LEAD)
    assert got[4:7] == ["head", "head", "body"]


def test_a_colon_line_over_a_headline_line_under_a_finished_paragraph_opens_the_headline_without_blank_lines():
    got = kinds(REPORT + ["《城东新桥》：", "出行时间缩短一半"] + REPORT)
    assert got[4:6] == ["head", "head"]


def test_a_caption_closed_inside_a_line_gives_the_rest_of_the_line_back_to_the_body():
    """A dump without blank lines prints a caption and the next column's line on one baseline
    as one line (dev raw page 39): the caption ends where its sentence or credit does, and the
    rest of the line (a lead-in, an article's first paragraph) is body, not caption run on."""
    from banmian.furniture_lines import SPLIT_REASON, split_after_caption
    from banmian.model import Line

    lines = [Line(1, "", "图为湖边的候鸟。 本报讯 记者林海报"), Line(2, "", "道：湿地公园今年春天迎来")]
    assert split_after_caption(lines, 0)
    assert [ln.text for ln in lines] == ["图为湖边的候鸟。", "本报讯 记者林海报", "道：湿地公园今年春天迎来"]
    assert lines[1].no == 1 and SPLIT_REASON in lines[1].reasons
    credit = [Line(1, "", "者 林海摄 湿地公园今年春天")]
    assert split_after_caption(credit, 0) and [ln.text for ln in credit] == ["者 林海摄", "湿地公园今年春天"]
    whole = [Line(1, "", "图为湖边的候鸟。 新华社记者 林海摄")]  # the caption's own credit after a gap
    assert not split_after_caption(whole, 0) and len(whole) == 1


def test_a_caption_does_not_run_on_into_the_paragraph_printed_beside_it():
    from banmian.pipeline import parse_text

    text = "\n".join(["湖边湿地迎来候鸟", "图为湖边的候鸟。新华社记", "者 林海摄 湿地公园今年春天",
                      "迎来了第一批候鸟，园内新", "建的观鸟长廊已经完工，游", "客可以近距离观察候鸟。"])
    page = parse_text(text, entities=False)[0]
    body = "".join(p for a in page.articles for p in a.paragraphs)
    assert "湿地公园今年春天迎来了第一批候鸟" in body
    kinds = {ln.text: ln.kind for ln in page.lines}
    assert kinds["迎来了第一批候鸟，园内新"] == "body"


def test_a_reporter_line_under_an_unfinished_lead_in_is_the_lead_ins_next_line():
    """`本报北京 12月31 日讯` / `新华社记者陈雁、本报记` / `者何加正报道：在度过了…` (dev raw page 15):
    the reporter line goes on with the lead-in, it is no byline line of its own, and the lead-in
    line stays the article's opening, not a headline over it."""
    from banmian.furniture_lines import lead_in_goes_on
    from banmian.pipeline import parse_text

    assert lead_in_goes_on("本报北京 12月31 日讯") and not lead_in_goes_on("本报北京1月5日讯 记者林海报道：")
    assert not lead_in_goes_on("城东新建的三座跨河桥梁")
    text = "\n".join(["城东三座桥梁建成通车", "本报北京 12月31 日讯", "新华社记者陈雁、本报记", "者何加正报道：城东新建",
                      "的三座跨河桥梁已于上月", "底全部建成通车，附近居", "民出行时间缩短了一半。"])
    page = parse_text(text, entities=False)[0]
    kinds = [ln.kind for ln in page.lines]
    assert kinds == ["head", "body", "body", "body", "body", "body", "body"], kinds
    assert page.articles[0].headline == "城东三座桥梁建成通车"


def test_a_caption_cut_by_a_column_break_does_not_run_into_a_lead_in():
    """`图为水灾地区的两位` / `据新华社阿拉木图 1月7 日电…` (dev pdftotext page 24): the caption
    stops before the lead-in, which opens an article."""
    from banmian.pipeline import parse_text

    text = "\n".join(["湖边湿地的候鸟越来越多，", "观鸟的市民也越来越多。", "", "图为湖边湿地的两位",
                      "据新华社北京1月7日电 城", "东新建的三座跨河桥梁已", "于上月底全部建成通车。", ""])
    page = parse_text(text, entities=False)[0]
    assert [ln.kind for ln in page.lines[3:7]] == ["caption", "body", "body", "body"]


def test_an_opening_line_cut_between_a_number_and_its_unit_is_body_not_a_headline():
    # a dump without blank lines; the line after measures short for its digit, so only the
    # number running on into its unit (`共12` / `所，`) says the paragraph goes on
    lines = BODY + ["今年全市新建学校共12", "所，其中小学5所，中学", "有四所，都在城东。"] + BODY
    assert kinds(lines)[4:7] == ["body", "body", "body"]
    assert kinds(BODY + ["今年全市新建学校共计", "所，其中小学5所，中学", "有四所，都在城东。"] + BODY)[4] == "head"


def test_a_dash_line_standing_alone_is_a_subtitle_even_as_wide_as_the_column():
    """Dev page 35: `K线介绍`, blank, `——上海综合指数周K线图`, blank, a caption: no body line
    above or below, the line is no paragraph's."""
    got = kinds(BODY + ["", "城东新桥", "", "——本市重点工程建设进展综述", ""] + BODY)
    assert got[5] == "head" and got[7] == "head"
    got = kinds(BODY + ["", "——城东的大桥最受欢迎了。", ""] + BODY)  # a sentence: a paragraph's
    assert got[5] == "body"


def test_a_name_opening_a_block_over_a_headline_line_is_the_headlines_first_line():
    """Dev page 29: blank, `陈方安生`, `启程赴京`: a byline is printed under its headline."""
    got = kinds(BODY + ["", "张国成", "当选省劳动模范", ""] + BODY)
    assert got[5:7] == ["head", "head"]
    got = kinds(BODY + ["", "城东新桥今日通车", "张国成", ""] + BODY)  # under the headline: a byline
    assert got[5:7] == ["head", "byline"]


def test_a_two_character_line_opening_a_block_over_a_paragraphs_first_line_is_a_pen_name():
    """Dev page 31: blank, `粒砂`, `　　“爆竹声中一岁除…`: a name no surname list knows."""
    got = kinds(BODY + ["", "城东新桥", "", "粒砂"] + BODY)
    assert got[7] == "byline"
    # over a blank line, set off after a head block: a pen name too (`mark_pen_names_set_off`)
    got = kinds(BODY + ["", "城东新桥", "", "粒砂", ""] + BODY)
    assert got[7] == "byline"
    got = kinds(BODY + ["", "粒砂", ""] + BODY)  # set off after body text: left alone
    assert got[5] == "head"


def test_a_line_ending_on_an_ellipsis_right_above_a_name_line_is_its_headline():
    """Dev page 37: `郑州我怎么对你说……` set off by a blank line over `本报记者王慧敏`: a
    headline may end on an ellipsis."""
    got = kinds(REPORT + ["", "城东新桥你好吗……", "本报记者张建华", ""] + REPORT)
    assert got[len(REPORT) + 1:len(REPORT) + 3] == ["head", "byline"]


def test_a_block_of_two_unfinished_lines_set_off_over_a_byline_is_its_headline():
    """Dev page 29: `要有“拼”的精神` / `敢走别人没有走过的路`, blank, `中共伊克昭盟委员会书记邢云`,
    blank, the body: pdftotext prints the headline block apart from its byline."""
    got = kinds(REPORT + ["", "要有“闯”的劲头", "敢走别人没有走过的路", "", "市委书记王建国", ""] + REPORT)
    n = len(REPORT)
    assert got[n + 1:n + 5] == ["head", "head", "blank", "byline"]


def test_a_paragraphs_lines_set_off_over_a_byline_stay_body():
    """A block ending on a finished sentence, or running longer than a headline, is text."""
    got = kinds(REPORT + ["", "　　城东新建的三座大桥", "已经全部通车。", "", "市委书记王建国", ""] + REPORT)
    n = len(REPORT)
    assert got[n + 1:n + 3] == ["body", "body"]


def test_one_head_line_between_a_reporters_line_and_the_body_is_a_subhead_in_the_body():
    """A reporter's line stands under its headline: the head lines over it are the headline,
    the one line under it a subhead of the body (dev raw page 37: `房改：亮点不少`)."""
    lines = BODY + ["城东新桥建设纪实", "本报记者张建华", "新桥亮点不少"] + BODY
    got = kinds(lines)
    assert got[4:7] == ["head", "byline", "body"]
    assert "body:subhead_under_byline" in classify(measure(normalize(page_from_lines(lines, Source(path="<test>"))))).lines[6].reasons


def test_a_subhead_under_a_reporters_line_heads_its_own_paragraph_and_is_no_headline():
    from banmian.pipeline import parse_text

    farm = ["　　郊区农民今年种植的蔬", "菜大棚比去年多了一倍，冬天", "的黄瓜西红柿卖得很好，农民", "的收入增加了不少。"]
    text = "\n".join(BODY + ["农民种植蔬菜大棚", "本报记者张建华", "冬菜亮点不少"] + farm)
    article = parse_text(text, entities=False)[0].articles[-1]
    assert article.headline == "农民种植蔬菜大棚"
    assert article.paragraphs[:2] == ["冬菜亮点不少", "郊区农民今年种植的蔬菜大棚比去年多了一倍，冬天的黄瓜西红柿卖得很好，农民的收入增加了不少。"]


def test_a_name_alone_between_two_running_lines_is_a_byline_not_a_short_measuring_body_line():
    # a subtitle read as body, the author's name, then the text: three characters are no full
    # column line that measures short, so the name is no `body:between_body_lines`
    from banmian.pipeline import parse_text
    from banmian.writers.json import page_to_dict

    text = ("春季农机展销会开幕\n\n各地农户踊跃前来选购新型机\n周明远\n本月初，县里的春季农机展销\n"
            "会在城南广场开幕，前来参观\n选购的农户络绎不绝，场面十\n分热闹。\n")
    pg = parse_text(text, entities=False)[0]
    name = next(ln for ln in pg.lines if ln.text == "周明远")
    assert name.kind == "byline"
    assert [a["byline"] for a in page_to_dict(pg)["articles"]] == ["周明远"]


def test_an_office_signature_read_as_body_over_an_indented_paragraph_is_the_byline():
    from banmian.pipeline import parse_text
    from banmian.writers.json import page_to_dict

    text = ("春汛前加固堤防\n江城市水利局局长周明远\n今年春汛来得早，市\n里提前一个月开始加固堤\n"
            "防，全市干部群众齐上阵\n奋战了整整二十天。\n")
    arts = page_to_dict(parse_text(text, entities=False)[0])["articles"]
    assert [(a["headline"], a["byline"]) for a in arts] == [("春汛前加固堤防", "江城市水利局局长周明远")]


def test_running_text_broken_after_an_office_and_a_name_stays_body():
    # the next line measures short for its half-width digits, not for an indent
    from banmian.pipeline import parse_text

    text = ("春汛前加固堤防\n今年春汛来得早，市里提\n前一个月开始加固堤防。\n12月31日，中共江城\n"
            "市委书记、市长周明远\n在1998年防汛会上讲\n话，要求全市干部群众齐\n上阵奋战二十天。\n")
    pg = parse_text(text, entities=False)[0]
    assert next(ln for ln in pg.lines if ln.text.endswith("周明远")).kind == "body"


# A paragraph's indented first line at a column's foot, blank lines on both sides (pdftotext's
# column break), its text going on at the next column's top in a full line (13-em column).
FOOT_ABOVE = ["　　市里今年新建了三座跨河", "大桥，附近居民的出行时间缩", "短了一半，沿线的学校和医院", "也因此受益。", ""]
FOOT_OPENING = "　　新桥正式通车的那一天我"
FOOT_BELOW = ["", "们全家一起去桥上走了一走，", "看着桥下流过的河水心里十分", "高兴。"]


def test_a_lone_opening_at_a_column_foot_running_on_into_a_full_line_is_body():
    got = kinds(FOOT_ABOVE + [FOOT_OPENING] + FOOT_BELOW)
    assert got[5] == "body"


def test_a_lone_short_line_over_an_indented_opening_stays_a_headline():
    below = ["", "　　们全家一起去桥上走了一", "走，看着桥下流过的河水心里", "十分高兴。"]
    assert kinds(FOOT_ABOVE + ["新桥正式通车的那一天"] + below)[5] == "head"


def test_a_column_foot_opening_is_one_fragment_with_the_text_it_runs_on_into():
    from banmian.pipeline import parse_text

    page = parse_text("\n".join(FOOT_ABOVE + [FOOT_OPENING] + FOOT_BELOW), entities=False)[0]
    fragments = [[ln.no for ln in f.lines] for f in page.scratch["fragments"]]
    assert [6, 8, 9, 10] in fragments
    paragraphs = [p for a in page.articles for p in a.paragraphs]
    assert "新桥正式通车的那一天我们全家一起去桥上走了一走，看着桥下流过的河水心里十分高兴。" in paragraphs


# A paragraph's indented first line alone at a column's foot, under text that stops
# mid-sentence, whose paragraph goes on at a later column's top (`重` / `要成果`): body
# (heads_to_body.OPENING_READ_ON_REASON).
READ_ON_ABOVE = ["　　市里今年新建了三座跨河", "大桥，附近居民的出行时间缩", "短了一半，沿线的学校和医院", ""]
READ_ON_LONE = "　　这座新桥是城市建设的重"
READ_ON_TOP = ["", "也因此受益，许多家长不再为", "孩子上学的路程发愁，老人去", "医院看病也方便了许多。", ""]


def test_a_lone_opening_at_a_column_foot_read_on_at_a_later_column_top_is_body():
    got = kinds(READ_ON_ABOVE + [READ_ON_LONE] + READ_ON_TOP + ["要成果，市民对此十分满意，", "纷纷前来参观。"])
    assert got[4] == "body"
    assert "body:column_foot_opening_read_on" in reasons_of(
        READ_ON_ABOVE + [READ_ON_LONE] + READ_ON_TOP + ["要成果，市民对此十分满意，", "纷纷前来参观。"], 4)


def test_a_lone_line_no_column_top_reads_on_from_stays_a_headline():
    got = kinds(READ_ON_ABOVE + [READ_ON_LONE] + READ_ON_TOP + ["人们对此十分满意，纷纷前来", "参观。"])
    assert got[4] == "head"


def test_a_lone_line_after_a_colon_stays_a_headline():
    above = READ_ON_ABOVE[:2] + ["短了一半，主要有以下几点："]
    got = kinds(above + ["", READ_ON_LONE] + READ_ON_TOP + ["要成果，市民对此十分满意，", "纷纷前来参观。"])
    assert got[4] == "head"


# A two-line headline whose first line is centred (it measures short, like an indented first
# line), under a jump line, over its article's indented opening (13-em column).
CENTRED_HEAD = ["城东新桥今天正式通车", "沿线居民出行时间缩短一半"]
CENTRED_BELOW = ["　　本月初，城东新桥正式", "通车，附近居民的出行时间缩", "短了一半。"]


def test_a_centred_unpunctuated_block_over_an_indented_opening_is_a_headline():
    got = kinds(FOOT_ABOVE[:-1] + ["（下转第二版）", ""] + CENTRED_HEAD + CENTRED_BELOW)
    assert got[6:8] == ["head", "head"]
    assert got[8] == "body"


def test_a_centred_unpunctuated_block_past_blanks_over_a_lead_in_is_a_headline():
    lead_in = ["　　本报讯记者周明远报道：", "城东新桥今天正式通车，附近", "居民的出行时间缩短了一半。"]
    got = kinds(FOOT_ABOVE[:-1] + ["（下转第二版）", ""] + CENTRED_HEAD + [""] + lead_in)
    assert got[6:8] == ["head", "head"]


def test_the_same_block_under_body_text_stays_body():
    # a paragraph cut at a column's foot under a finished one, another paragraph's opening next
    got = kinds(FOOT_ABOVE + CENTRED_HEAD + [""] + CENTRED_BELOW)
    assert got[5:7] == ["body", "body"]


# A headline line may end on ！, ： or … and measure nearly a column (mark_clause_ended_heads_over_heads).
def test_a_clause_ended_line_over_a_headline_under_a_column_break_is_a_headline():
    got = kinds(REPORT[:3] + ["城东新桥建设的启示：", "好事办到群众心上", "张建华", "　　市里今年新建三座跨"] + REPORT[1:])
    assert got[3:6] == ["head", "head", "byline"]


def test_a_clause_ended_line_over_a_headline_under_the_top_of_a_block_is_a_headline():
    got = kinds(REPORT + ["", "城东新桥建成通车", "", "建桥工人们，辛苦了！", "三座大桥一年完工", "", "　　市里今年新建三座跨"] + REPORT[1:])
    assert got[7] == "head"


def test_a_clause_ended_line_under_a_finished_paragraph_stays_body():
    got = kinds(REPORT + ["三座新桥的位置见下图：", "三座新桥位置", "", "　　市里今年新建三座跨"] + REPORT[1:])
    assert got[4] == "body"


def test_a_clause_ended_line_set_off_from_the_headline_by_a_blank_stays_body():
    got = kinds(REPORT[:3] + ["城东新桥建设的启示：", "", "好事办到群众心上", "", "　　市里今年新建三座跨"] + REPORT[1:])
    assert got[3] == "body"


# A serial article's headline closes on its part mark (mark_series_part_heads).
def test_a_line_ending_on_a_series_part_mark_is_a_headline():
    got = kinds(REPORT + ["城东新桥建设纪事（上）", "　　市里今年新建三座跨"] + REPORT[1:])
    assert got[4] == "head"


def test_a_headline_broken_before_its_series_part_mark_is_a_headline_whole():
    got = kinds(REPORT + ["从绕行到直达——城东新", "桥建设十年纪事（下）", "　　市里今年新建三座跨"] + REPORT[1:])
    assert got[4:6] == ["head", "head"]


def test_a_series_part_mark_after_a_clause_stays_body():
    got = kinds(REPORT + ["文章分两篇刊出，这是（上）", "　　市里今年新建三座跨"] + REPORT[1:])
    assert got[4] == "body"


def test_a_short_unpunctuated_paragraph_end_a_word_runs_on_into_from_the_body_stays_body():
    """A paragraph may end without a mark (`…的高素` / `质的执纪执法队伍`): a dictionary word
    running on into it from the full body line above makes it body text, not a headline that
    would cut the article there (`wide_heads.mark_body_run_into_heads`)."""
    para = ["　　市里今年新建三座跨", "河大桥，附近居民的出行", "时间缩短了一半，沿线居", "民出行更方便"]
    got = kinds(REPORT + para + REPORT)
    assert got[7] == "body"
    assert "body:word_runs_on_from_body" in classify(measure(normalize(page_from_lines(
        REPORT + para + REPORT, Source(path="<test>"))))).lines[7].reasons


# A lone indented line at a column's foot whose last character jieba's HMM (no dictionary word)
# joins into a word with the first of the next column's top (`城建院` / `秦工程师`): it stops
# mid-phrase, a paragraph's first line carried on there, body (heads_to_body.OPENING_DANGLES_REASON).
DANGLES_LONE = "　　这座桥的设计者是城建院"
DANGLES_TOP = ["", "秦工程师，他带领的团队用了", "整整一年时间才完成了全部的", "设计工作。", ""]


def test_a_lone_opening_dangling_into_the_next_column_top_is_body():
    lines = READ_ON_ABOVE + [DANGLES_LONE] + DANGLES_TOP
    assert kinds(lines)[4] == "body"
    assert "body:column_foot_opening_dangles" in reasons_of(lines, 4)


def test_a_lone_line_ending_on_a_whole_word_over_a_column_top_stays_a_headline():
    top = ["", "他带领的团队用了整整一年时", "间才完成了全部的设计工作，", "市民对此十分满意。", ""]
    assert kinds(READ_ON_ABOVE + [DANGLES_LONE] + top)[4] == "head"


def test_a_lone_dangling_line_whose_text_recurs_on_the_page_stays_a_headline():
    quoted = ["　　据介绍，这座桥的设计者是", "城建院的一位老工程师。", ""]
    assert kinds(READ_ON_ABOVE + [DANGLES_LONE] + DANGLES_TOP + quoted)[4] == "head"
