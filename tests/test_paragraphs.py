"""paragraphs: fragments and paragraph starts (made-up lines in an 11-em column)."""
from __future__ import annotations

import pytest

from banmian.model import Source
from banmian.pipeline import page_from_lines, run_stages
from banmian.stages import STAGES
from banmian.stages.paragraphs import paragraphs

UP_TO_PARAGRAPHS = STAGES[: STAGES.index(paragraphs) + 1]

# Two briefs on one topic back to back, as a dump without blank lines prints them.
FIRST = ["　　市音乐厅去年一共上演", "了四百多场音乐会，比前年", "多出一百场，观众人数也创", "下了新的纪录。（文同）"]
SECOND = ["　　音乐厅今年还将举办三", "场新年音乐会，票价比去年", "有所降低，学生可以半价购", "票入场。"]


def fragments(raw_lines: list[str]):
    page = run_stages(page_from_lines(raw_lines, Source(path="<test>")), UP_TO_PARAGRAPHS)
    return [[ln.text for ln in f.lines] for f in page.scratch["fragments"]]


def test_an_authors_closing_credit_ends_a_fragment_in_a_dump_without_blank_lines():
    got = fragments(FIRST + SECOND)
    assert len(got) == 2
    assert got[0][-1].endswith("（文同）") and got[1][0].startswith("音乐厅今年")


def test_a_closing_note_that_names_nobody_does_not_cut():
    first = FIRST[:-1] + ["下了新的纪录。（附图片）"]
    assert len(fragments(first + SECOND)) == 1


def test_a_letters_salutation_opens_an_article_in_a_dump_without_blank_lines():
    from banmian.pipeline import parse_text

    report = [ln.replace("（文同）", "") for ln in FIRST]
    letter = ["编辑同志：", "　　我们都是音乐厅的老观", "众，希望新年音乐会能多演", "一些民族音乐作品。"]
    assert len(fragments(report + letter)) == 2
    page = parse_text("\n".join(report + letter), entities=False)[0]
    assert [a.paragraphs[0][:5] for a in page.articles] == ["市音乐厅去", "编辑同志："]


def test_a_drop_cap_on_a_line_of_its_own_does_not_end_a_paragraph():
    # pdftotext prints the large first character as a line of its own inside the column
    # (here after the lead-in byline that opens the article)
    lines = ["本报北京1月6日讯 记者林海报道：", "我", "们在湖滨湿地公园看到了", "第一批候鸟，园内新建的观", "鸟长廊已经完工。"]
    page = run_stages(page_from_lines(FIRST + [""] + lines, Source(path="<test>")), UP_TO_PARAGRAPHS)
    starts = [ln.text for ln in page.lines if ln.para_start]
    assert "们在湖滨湿地公园看到了" not in starts
    assert any("paragraph:after_drop_cap" in ln.reasons for ln in page.lines)


def test_a_short_last_line_that_ends_a_word_still_ends_its_paragraph():
    from banmian.stages.paragraphs import is_drop_cap
    from banmian.model import Line

    assert is_drop_cap(Line(1, "我", "我"), Line(2, "们在湖滨", "们在湖滨"))
    assert not is_drop_cap(Line(1, "量。", "量。"), Line(2, "我们在湖滨", "我们在湖滨"))
    assert not is_drop_cap(Line(1, "湖滨", "湖滨"), Line(2, "。我们", "。我们"))


# A page whose blocks are separated by blank lines, as pdftotext prints them.
BLOCK_ABOVE = ["　　市音乐厅去年一共上演", "了四百多场音乐会，比前年", "多出一百场，观众人数也创"]
LEAD_IN_BLOCK = ["本报讯　新建的市图书馆昨", "天正式开馆，读者可以凭身", "份证免费办理借书证。"]


def test_a_lead_in_after_a_line_broken_off_at_the_column_end_starts_a_fragment():
    got = fragments(FIRST + [""] + BLOCK_ABOVE + LEAD_IN_BLOCK + ["", "下了新的纪录。"])
    assert ["本报讯　新建的市图书馆昨", "天正式开馆，读者可以凭身", "份证免费办理借书证。"] in got


def test_a_lead_in_after_a_byline_line_ending_in_a_mark_stays_in_its_fragment():
    # a byline the lead-in goes on (`华社记者周志方、赵秀娟，` / `本报记者李舫报道：`); a plain
    # text line stopping at a comma is cut (`lead_in_after_clause`, tests below)
    above = BLOCK_ABOVE[:-1] + ["本报记者周明、通讯员赵华，"]
    got = fragments(FIRST + [""] + above + LEAD_IN_BLOCK)
    assert not any(block[0].startswith("本报讯") for block in got)


def test_a_second_outlets_lead_in_goes_on_the_byline_in_a_dump_without_blank_lines():
    # `byline_goes_on`: a dump without blank lines cuts before every lead-in, but not under an
    # open lead-in paragraph stopping at a comma: the byline names a second outlet's reporters
    report = ["本报江川一月五日讯新", "华社记者周明、赵华，", "本报记者王丽报道：市音乐厅",
              "去年一共上演了四百多场音", "乐会，观众人数创下纪录。"]
    got = fragments(FIRST + report)
    assert got[-1][:3] == report[:3]
    assert "fragment:lead_in_continues_byline" in run_stages(
        page_from_lines(FIRST + report, Source(path="<test>")), UP_TO_PARAGRAPHS).lines[len(FIRST) + 2].reasons


@pytest.mark.pure_python
def test_an_indented_line_after_text_cut_short_starts_another_article(monkeypatch):
    # a dump without blank lines: the first article stops mid-sentence at a full line (its slot
    # ended, no jump line), the next article's indented first line follows
    import importlib

    from test_reassemble import FOOTBALL, RICE, column_lines

    cut, other = column_lines(RICE)[:10], column_lines(FOOTBALL, indent=3)  # `昨晚进行的足球联赛`
    got = fragments(cut + other)
    assert got == [cut, other]
    for name in ("banmian.fragment_runs", "banmian.fragment_cuts"):  # the run cut and the topic cut
        monkeypatch.setattr(importlib.import_module(name), "restarts_after_cut", lambda prev, line, width: False)
    assert len(fragments(cut + other)) == 1


@pytest.mark.pure_python
def test_a_credit_on_a_line_of_its_own_stays_with_the_text_before_it(monkeypatch):
    import importlib

    module = importlib.import_module("banmian.fragment_cuts")
    report = [ln.replace("（文同）", "") for ln in FIRST] + ["（张育宾段建勋岳林）"]
    other = ["据统计，去年全市新建", "公园绿地一百二十公顷，新", "栽树木三十多万株，城市绿", "化覆盖率达到四成。"]
    got = fragments(report + other)
    assert [f[-1] for f in got] == ["（张育宾段建勋岳林）", "化覆盖率达到四成。"]
    monkeypatch.setattr(module, "is_lone_credit", lambda text: False)
    assert "（张育宾段建勋岳林）" not in [f[-1] for f in fragments(report + other)]


@pytest.mark.pure_python
def test_text_cut_short_needs_only_a_weak_topic_change_to_cut(monkeypatch):
    import importlib

    from test_reassemble import FOOTBALL, RICE, column_lines

    module = importlib.import_module("banmian.fragment_cuts")
    # a digit on the opening line may spread it short (`short_by_itself`): the cut shape alone
    # does not cut there (`cut_short_in_block`), the topic change decides
    cut, other = column_lines(RICE)[:10], column_lines("昨晚8时" + FOOTBALL[2:], indent=3)
    monkeypatch.setattr(module, "bigram_cosine", lambda a, b: 0.025)  # some words in common
    assert len(fragments(cut + other)) == 2
    monkeypatch.setattr(module, "RESTART_MAX_COSINE", module.SHIFT_MAX_COSINE)
    assert len(fragments(cut + other)) == 1


@pytest.mark.pure_python
def test_a_short_opening_paragraph_is_not_cut_off_its_article(monkeypatch):
    # an article's opening paragraph right under its headline shares few bigrams with anything
    import importlib

    from test_reassemble import FOOTBALL, column_lines

    module = importlib.import_module("banmian.fragment_cuts")
    opening = column_lines("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种覆盖率超过九成。")
    rest = column_lines(FOOTBALL)
    assert len(fragments(opening + rest)) == 1
    monkeypatch.setattr(module, "SHIFT_MIN_BEFORE_CHARS", module.SHIFT_MIN_CHARS)
    assert len(fragments(opening + rest)) == 2


@pytest.mark.pure_python
def test_a_short_opening_after_a_cut_is_not_cut_off_its_article(monkeypatch):
    # a dump without blank lines: one article, then another whose short opening paragraph is
    # followed by its next paragraph; the topic shifts at both paragraph starts
    import importlib

    from test_reassemble import FOOTBALL, RICE, WEATHER, column_lines

    module = importlib.import_module("banmian.fragment_cuts")
    first, opening, rest = column_lines(RICE), column_lines(FOOTBALL.split("。")[0] + "。"), column_lines(WEATHER)
    monkeypatch.setattr(module, "bigram_cosine", lambda a, b: 0.0)
    assert fragments(first + opening + rest) == [first, opening + rest]
    monkeypatch.setattr(module, "opening_too_short", lambda chars: False)
    assert fragments(first + opening + rest) == [first, opening, rest]


def test_a_photo_credit_kept_as_body_still_ends_its_run():
    story = ["连日来的暴雨造成美国得", "克萨斯州部分地区河水泛滥，", "泛区居民纷纷迁移到附近地", "区的高地。", "（新华社记者周确摄）"]
    got = fragments(story + SECOND)
    assert [f[-1] for f in got] == ["（新华社记者周确摄）", SECOND[-1]]


@pytest.mark.pure_python
def test_a_weak_topic_shift_cuts_only_where_a_head_line_could_head_the_piece(monkeypatch):
    # a change of scene inside an essay shares few words with the text before, as another
    # article does; but another article has a headline whose words recur in its opening
    import importlib

    from test_reassemble import FOOTBALL, RICE, column_lines

    module = importlib.import_module("banmian.fragment_cuts")
    text = column_lines(RICE) + column_lines(FOOTBALL)
    monkeypatch.setattr(module, "bigram_cosine", lambda a, b: 0.015)  # a weak shift
    assert len(fragments(text)) == 1
    assert len(fragments(text + ["足球联赛主队获胜"])) == 2  # the headline printed at the page's end
    monkeypatch.setattr(module, "UNHEADED_SHIFT_MAX_COSINE", module.SHIFT_MAX_COSINE)
    assert len(fragments(text)) == 2


@pytest.mark.pure_python
def test_shifts_topic_by_restart_and_head_lines(monkeypatch):
    import importlib

    from banmian.similarity import bigrams
    from test_reassemble import FOOTBALL, RICE

    module = importlib.import_module("banmian.fragment_cuts")
    # five of the seven bigrams of `足球联赛主队获胜` recur in FOOTBALL, few of `水稻良种覆盖率`
    headed, unheaded = [bigrams("足球联赛主队获胜")], [bigrams("水稻良种覆盖率")]
    monkeypatch.setattr(module, "bigram_cosine", lambda a, b: 0.03)
    assert module.shifts_topic(module.AFTER_CUT_REASON, RICE, FOOTBALL, [])
    assert not module.shifts_topic(None, RICE, FOOTBALL, headed)
    monkeypatch.setattr(module, "bigram_cosine", lambda a, b: 0.015)
    assert module.shifts_topic(None, RICE, FOOTBALL, headed)
    assert not module.shifts_topic(None, RICE, FOOTBALL, unheaded)
    monkeypatch.setattr(module, "bigram_cosine", lambda a, b: 0.005)
    assert module.shifts_topic(None, RICE, FOOTBALL, unheaded)


# Where blank lines separate blocks (pdftotext), a column break printed without a blank line:
# a full line stopping inside a word, then another article's indented opening (no indent
# spaces, as pdftotext prints it: two em short of the 12 em column).
MUSIC = ["　　市音乐厅去年一共上演", "了四百多场音乐会，比前年", "多出一百场，观众人数也创", "下了新的纪录，音乐厅的演"]
BRIDGES = ["城东新建的三座桥梁已", "于上月底全部通车，附近居", "民出行时间缩短了一半。"]
TRAFFIC = ["", "　　市交通局表示，明年还将", "新建两座桥梁，方便市民出", "行。"]


def test_text_cut_short_inside_a_block_ends_a_fragment_where_blank_lines_separate_blocks():
    got = fragments(MUSIC + BRIDGES + TRAFFIC)
    assert [f[0] for f in got] == ["市音乐厅去年一共上演", "城东新建的三座桥梁已", "市交通局表示，明年还将"]


def test_a_line_spread_by_a_number_or_a_dash_that_did_not_fit_is_not_cut_short():
    number = [BRIDGES[0], "10月底全部通车，附近居民", "出行时间缩短了一半。"]
    dash = [BRIDGES[0], "桥———三座桥梁全部通车，", "附近居民出行时间缩短了一半。"]
    for bridges in (number, dash):
        assert [f[0] for f in fragments(MUSIC + bridges + TRAFFIC)] == ["市音乐厅去年一共上演", "市交通局表示，明年还将"]


def test_a_piece_cut_short_joined_back_to_the_piece_before_opens_no_paragraph():
    from banmian.model import Fragment, Line
    from banmian.fragment_runs import CUT_SHORT_REASON
    from banmian.thread_beam import _join

    def joined(reasons: list[str]) -> bool:
        # no word runs across the break (that alone reads on: `reorder.word_runs_on`)
        latest = Fragment(lines=[Line(no=1, raw="", text="下了新的纪录，音乐厅今年")], start="open", end="open", order=0)
        piece = Fragment(lines=[Line(no=2, raw="", text="还将举办三场新", reasons=list(reasons))], start="indent",
                         end="closed", order=1)
        _join(latest, piece, "+0.00")
        return piece.first.para_start

    assert joined([CUT_SHORT_REASON]) is False
    assert joined([]) is True


@pytest.mark.pure_python
def test_a_paragraph_that_refers_back_is_not_cut_at_a_topic_shift(monkeypatch):
    # `那是…`, `这次…`: an article's opening does not point back to text it has not given
    import importlib

    from test_reassemble import FOOTBALL, RICE, column_lines

    module = importlib.import_module("banmian.fragment_cuts")
    monkeypatch.setattr(module, "bigram_cosine", lambda a, b: 0.0)
    first, back, fresh = column_lines(RICE), column_lines("那是" + FOOTBALL), column_lines(FOOTBALL)
    assert fragments(first + back) == [first + back]
    assert fragments(first + fresh) == [first, fresh]


def test_a_paragraph_of_photo_credits_alone_closes_its_picture_story():
    """A picture story is short (no topic shift may cut it) and ends with its credits
    (`（周文广摄）（新华社稿）`, dev raw page 5): the text after them opens another article."""
    from banmian.model import Line
    from banmian.pipeline import parse_text
    from banmian.fragment_cuts import closes_with_photo_credit

    def para(*texts):
        return [Line(i, t, t, para_start=i == 0) for i, t in enumerate(texts)]

    assert closes_with_photo_credit(para("　　湖边湿地迎来候鸟。") + para("（林海摄）（新华", "社稿）"))
    assert not closes_with_photo_credit(para("（林海摄）湖边湿地迎来候鸟。"))
    from tests.test_reassemble import column_lines

    story = column_lines("一月五日，湖滨湿地公园迎来了今年第一批越冬的候鸟。") + ["（林海摄）（新华", "社稿）"]
    report = column_lines("城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。")
    page = parse_text("\n".join(story + report), entities=False)[0]
    assert len(page.articles) == 2 and page.articles[1].paragraphs[0].startswith("城东新建")


def test_photo_credits_before_the_next_numbered_item_of_a_digest_do_not_cut_it():
    """`1、…（新华社记者王定昶摄）` / `2、…`: the credits close an item, not the digest (dev page 20)."""
    from tests.test_reassemble import column_lines

    one = "1、一月五日，湖滨湿地公园迎来了今年第一批越冬的候鸟，观鸟的市民在湖边架起了长焦镜头。"
    two = "2、城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。"
    credits = column_lines("（新华社记者林海摄）（新华社稿）")  # two lines: no lone credit line
    lines = column_lines(one) + credits + column_lines(two) + credits
    page = run_stages(page_from_lines(lines, Source(path="<test>")), STAGES[: STAGES.index(paragraphs) + 1])
    firsts = [f.first.text for f in page.scratch["fragments"]]
    assert not any(t.startswith("2、") for t in firsts), firsts
    story = column_lines("一月五日，湖滨湿地公园迎来了今年第一批越冬的候鸟。") + credits
    report = column_lines("城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。")
    page = run_stages(page_from_lines(story + report, Source(path="<test>")), STAGES[: STAGES.index(paragraphs) + 1])
    assert page.scratch["fragments"][-1].first.text.startswith("城东")  # the credits close the story


def test_text_cut_short_ends_a_fragment_in_a_dump_without_blank_lines_too():
    """An article cut off at the foot of its box runs straight into the next (dev raw page 32)."""
    got = fragments(MUSIC + BRIDGES + TRAFFIC[1:])
    assert [f[0] for f in got] == ["市音乐厅去年一共上演", "城东新建的三座桥梁已"]


def test_a_line_ending_in_a_dash_or_a_bullet_point_after_a_full_line_is_not_cut_short():
    """A dash at a line's end leads into the next line; a bullet opens the next point of a
    list whose points carry no closing mark (dev raw pages 19 and 2)."""
    dash = MUSIC[:-1] + ["下了新的纪录，音乐厅———"]
    bullet = ["●城东新建的三座桥梁"] + BRIDGES[1:]
    for before, after in ((dash, BRIDGES), (MUSIC, bullet)):
        for blank in ([], [""]):
            got = fragments(before + blank + after)
            assert [f[0] for f in got][:1] == ["市音乐厅去年一共上演"] and len(got) == 1 + len(blank), got


@pytest.mark.parametrize("closing", [["下了新纪录。（本报维也纳", "1月9日电）"], ["下了新纪录。（本报维也纳", "电）"],
                                     ["下了新纪录。（本报记者王", "某某）"]])
def test_a_reports_closing_dateline_or_reporter_credit_ends_a_fragment(closing):
    """A report closing with its dispatch dateline or its reporter's credit after its last
    sentence ends there: in a dump without blank lines the next paragraph opens another article,
    however close its topic (`closing_credits.closes_report`)."""
    first = FIRST[:-1] + closing
    got = fragments(first + SECOND)
    assert len(got) == 2 and got[1][0].startswith("音乐厅今年")


def test_a_photo_credit_or_a_lone_dateline_line_is_no_reports_close():
    from banmian.closing_credits import closes_report
    from banmian.model import Line

    def lines(*texts):
        return [Line(no=i, raw=t, text=t, para_start=i == 0) for i, t in enumerate(texts)]

    assert closes_report(lines("观众人数也创下了新的纪", "录。（本报记者王某某摄）")) is False
    assert closes_report(lines("（本报维也纳1月9日电）")) is False
    assert closes_report(lines("观众人数也创下了新的纪", "录。（本报维也纳1月9日电）")) is True


# A full line stopping at a comma mid-sentence, then another report's lead-in with no blank
# line between: pdftotext printed a column break there (sim TRAIN pdftotext pages 50, 115).
COMMA_FOOT = MUSIC[:-1] + ["下了新的纪录，音乐厅今年，"]
REPORT = ["　　新华社上海1月5日电", "城东新建的三座桥梁已于上", "月底全部通车，附近居民出行", "时间缩短了一半。"]


def test_a_lead_in_under_a_full_line_stopping_at_a_comma_ends_a_fragment_where_blank_lines_separate_blocks():
    got = fragments(COMMA_FOOT + REPORT + TRAFFIC)
    assert [f[0] for f in got] == ["市音乐厅去年一共上演", "新华社上海1月5日电", "市交通局表示，明年还将"], got


def test_a_lead_in_under_a_byline_or_a_sentence_end_does_not_cut():
    byline = MUSIC[:-1] + ["本报记者王明、特约记者李华，"]  # a byline the lead-in goes on
    sentence = MUSIC[:-1] + ["下了新的纪录，观众很满意。"]  # a roundup's next item
    for before in (byline, sentence):
        got = fragments(before + REPORT + TRAFFIC)
        assert not any(f[0].startswith("新华社上海") for f in got), got


def test_text_cut_short_before_an_opening_date_or_item_number_ends_a_fragment():
    """Digits measure unevenly, but a line opening with a date or an item number under a full
    line stopping inside a word opens another piece (sim TRAIN pdftotext `…举措。在` /
    `1月23日，首都军民迎`)."""
    for opening in ("1月5日，城东新建的三", "2、城东新建的三座桥"):
        dated = [opening, "座桥梁全部通车，附近居民", "出行时间缩短了一半。"]
        got = fragments(MUSIC + dated + TRAFFIC)
        assert [f[0] for f in got] == ["市音乐厅去年一共上演", opening, "市交通局表示，明年还将"], got
    ended = ["1月5日，城东新建的桥。"] + BRIDGES[1:]  # ends a sentence: no opening line of a paragraph
    assert len(fragments(MUSIC + ended + TRAFFIC)) == 2


def test_a_full_line_broken_mid_word_after_a_paragraphs_short_last_line_ends_a_fragment():
    """No paragraph opens on a full line: under a short line ending a sentence, a line that fills
    the column and stops inside a word goes on text printed elsewhere (a column break pdftotext
    printed without a blank line)."""
    ended = MUSIC[:-1] + ["下了新的纪录。"]
    resumed = ["别的桥梁已全部通车，附近居", "民出行时间缩短了一半。"]
    got = fragments(ended + resumed + TRAFFIC)
    assert [f[0] for f in got] == ["市音乐厅去年一共上演", "别的桥梁已全部通车，附近居", "市交通局表示，明年还将"], got
    digits = MUSIC[:-1] + ["下了新的纪录99次。"]  # digits measure unevenly: maybe an indented one-liner
    assert len(fragments(digits + resumed + TRAFFIC)) == 2
    assert len(fragments(ended + resumed)) == 1  # no blank lines: line widths are less even


def test_an_opening_clause_ending_at_a_comma_after_text_cut_short_opens_the_next_piece():
    """No paragraph ends on a comma, and text cut short stops on a full line: a line a whole
    indent short ending in a comma under such a line is the next piece's indented first line
    (its digits may set it an em shorter still), so the full line under it opens nothing and a
    segment may open at it (`restart_reason`); a line only 1.5 em short is spread by digits."""
    from banmian.fragment_cuts import AFTER_CUT_REASON, restart_reason

    rest = ["新建的三座桥梁已于上月底", "全部通车，附近居民出行时", "间缩短了一半。"]  # (MUSIC: a 12-em column)
    for opening in ("1998年的初夏以来，", "去年以来，城东一带，"):
        page = run_stages(page_from_lines(MUSIC + [opening] + rest, Source(path="<test>")), UP_TO_PARAGRAPHS)
        at = {ln.text: ln for ln in page.lines}
        assert not at[rest[0]].para_start, opening
        assert restart_reason(at[MUSIC[-1]], at[opening], page.column_width) == AFTER_CUT_REASON
    spread = "有627户已摘掉贫困帽子，"  # 1.5 em short: a middle line spread by its digits
    page = run_stages(page_from_lines(MUSIC + [spread] + rest, Source(path="<test>")), UP_TO_PARAGRAPHS)
    at = {ln.text: ln for ln in page.lines}
    assert restart_reason(at[MUSIC[-1]], at[spread], page.column_width) is None
