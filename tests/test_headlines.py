"""headlines: a run of several articles' head lines is split where its words change article
(made-up headlines and openings)."""
from __future__ import annotations

import importlib

import pytest

from banmian.model import Line
from banmian.head_bigrams import bigram_keys
from banmian.head_units import split_by_content
from columns_text import BRIDGES_LEAD_IN  # noqa: E402  (pytest puts tests/ on sys.path)

OPENINGS = [
    "城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。",
    "湖滨湿地公园今年春天迎来第一批候鸟，园内新建的观鸟长廊已经完工，游客可以近距离观鸟。",
]


def head(text: str) -> Line:
    return Line(no=0, raw=text, text=text, kind="head")


def texts(blocks) -> list[list[str]]:
    return [[ln.text for ln in b] for b in blocks]


def split(lines: list[Line]) -> list[list[str]]:
    return texts(split_by_content([lines], [bigram_keys(o) for o in OPENINGS]))


def test_a_line_sharing_no_words_goes_with_the_headline_under_it():
    # `节日特刊专版` opens no article: a kicker of the birds' headline, not of the bridges'
    got = split([head("三座跨河桥梁建成通车"), head("节日特刊专版"), head("湿地公园迎来候鸟"), head("观鸟长廊已经完工")])
    assert got == [["三座跨河桥梁建成通车"], ["节日特刊专版", "湿地公园迎来候鸟", "观鸟长廊已经完工"]]


def test_a_dash_subtitle_stays_with_the_headline_above_it():
    got = split([head("三座跨河桥梁建成通车"), head("——节日特刊专版"), head("湿地公园迎来候鸟")])
    assert got == [["三座跨河桥梁建成通车", "——节日特刊专版"], ["湿地公园迎来候鸟"]]


def test_lines_of_one_article_stay_together():
    got = split([head("三座跨河桥梁建成通车"), head("居民出行时间缩短一半")])
    assert got == [["三座跨河桥梁建成通车", "居民出行时间缩短一半"]]


def test_two_articles_headlines_in_one_run_are_split():
    got = split([head("三座跨河桥梁建成通车"), head("湿地公园迎来候鸟")])
    assert got == [["三座跨河桥梁建成通车"], ["湿地公园迎来候鸟"]]


def test_a_short_line_sharing_a_few_words_with_another_article_does_not_split_a_block():
    # `湿地公园` shares three bigrams with the birds' opening: not enough to stand alone
    got = split([head("三座跨河桥梁建成通车"), head("湿地公园")])
    assert got == [["三座跨河桥梁建成通车", "湿地公园"]]


def test_a_headline_broken_by_a_neighbours_line_is_one_block():
    from banmian.head_blocks import join_broken_headlines

    first, second = Line(no=10, raw="", text="李岚清会", kind="head"), Line(no=12, raw="", text="见法国客人", kind="head")
    assert texts(join_broken_headlines([[first], [second]])) == [["李岚清会", "见法国客人"]]
    far = Line(no=30, raw="", text="见法国客人", kind="head")  # too far away to be its line
    assert texts(join_broken_headlines([[first], [far]])) == [["李岚清会"], ["见法国客人"]]
    other = Line(no=12, raw="", text="湿地公园迎来候鸟", kind="head")  # no word runs across
    assert texts(join_broken_headlines([[first], [other]])) == [["李岚清会"], ["湿地公园迎来候鸟"]]


def tiers(*lines: str) -> tuple:
    from banmian.head_tiers import split_tiers

    got = split_tiers([head(t) for t in lines])
    return got["kicker"], got["headline"], got["subtitle"]


def test_a_much_shorter_second_line_is_the_headline_under_a_kicker():
    assert tiers("如今我已长大成人离开家乡", "凝眸岁月") == ("如今我已长大成人离开家乡", "凝眸岁月", None)
    # a word runs across the break: one headline in two lines
    assert tiers("我市首批新能源公", "交车") == (None, "我市首批新能源公 交车", None)
    assert tiers("城东三座大桥", "建成通车了") == (None, "城东三座大桥 建成通车了", None)


def test_a_much_longer_third_line_is_a_subtitle_under_a_two_line_headline():
    assert tiers("摩托送餐", "风行开罗", "由于快餐不仅受到上班族的青睐") == (None, "摩托送餐 风行开罗", "由于快餐不仅受到上班族的青睐")
    assert tiers("国大党多次敦请她出任党主席", "六年沉默", "一鸣惊人") == ("国大党多次敦请她出任党主席", "六年沉默 一鸣惊人", None)


def _page_of(lines: list[Line]):
    from banmian.model import Page, Source

    return Page(lines=lines, source=Source(path="<test>"))


def test_an_unassigned_block_right_above_an_assigned_one_becomes_its_kicker():
    from banmian.head_leftovers import adopt_adjacent_leftovers

    kicker, blank, main = head("节日特刊专版"), Line(no=0, raw="", text="", kind="blank"), head("湿地公园迎来候鸟")
    page = _page_of([kicker, blank, main])
    openings = [bigram_keys(o) for o in OPENINGS]
    got = adopt_adjacent_leftovers(page, [[kicker], [main]], {1: 1}, openings)
    assert texts(got)[1] == ["节日特刊专版", "湿地公园迎来候鸟"]
    assert "headline:leftover_next_to_block" in kicker.reasons


def test_a_leftover_block_another_article_repeats_or_holding_a_byline_stays_apart():
    from banmian.head_leftovers import adopt_adjacent_leftovers

    other, main = head("三座跨河桥梁建成"), head("湿地公园迎来候鸟")
    openings = [bigram_keys(o) for o in OPENINGS]
    got = adopt_adjacent_leftovers(_page_of([other, main]), [[other], [main]], {1: 1}, openings)
    assert texts(got)[1] == ["湿地公园迎来候鸟"]
    kicker, name = head("节日特刊专版"), Line(no=0, raw="林海", text="林海", kind="byline")
    got = adopt_adjacent_leftovers(_page_of([kicker, name, main]), [[kicker, name], [main]], {1: 1}, openings)
    assert texts(got)[1] == ["湿地公园迎来候鸟"]


@pytest.mark.pure_python
def test_the_block_over_a_numbered_digest_is_its_headline(monkeypatch):
    import importlib

    from banmian.pipeline import parse_text

    from test_reassemble import column_lines

    headlines = importlib.import_module("banmian.stages.headlines")
    # `图片新闻` shares `新闻` and `图片` with the unheaded article above; the digest under it
    # shares nothing with its label (dev raw page 10)
    top = "新闻图片的采编工作近年来有了长足进步，各地报纸纷纷开辟图片专版，读者反映良好。"
    item1 = "本报讯　1、1月14日，新芬党领导人亚当斯在北爱尔兰首府贝尔法斯特参加了葬礼。（新华社发美联社照片）"
    item2 = "2、1月15日，两位日本青年等候在东京都涩谷公会堂前准备参加即将举行的“成人式”。（新华社记者陈建力摄）"
    text = "\n".join([*column_lines(top), "图片新闻", *column_lines(item1, indent=0), *column_lines(item2)]) + "\n"
    assert [a.headline for a in parse_text(text, entities=False)[0].articles] == [None, "图片新闻"]
    monkeypatch.setattr(headlines, "DIGEST_ADJACENT_BONUS", headlines.ADJACENT_BLOCK_BONUS)  # the rule off
    assert [a.headline for a in parse_text(text, entities=False)[0].articles] == ["图片新闻", None]


def test_a_continuation_note_between_a_kicker_and_its_headline_keeps_them_one_block():
    """pdftotext prints a continued article's `（上接第一版）` between its kicker and headline."""
    from banmian.head_blocks import head_blocks
    from banmian.model import Page, Source

    lines = [Line(no=1, raw="", text="城东三座桥梁建成通车", kind="head"),
             Line(no=2, raw="", text="（上接第一版）", kind="continued"),
             Line(no=3, raw="", text="居民出行时间缩短一半", kind="head"),
             Line(no=4, raw="", text="城东新建的三座跨河桥梁已于上月底全部建成通车。", kind="body")]
    page = Page(Source(path="p.txt", kind="text", encoding=None, sha256=""), lines=lines)
    assert texts(head_blocks(page)) == [["城东三座桥梁建成通车", "居民出行时间缩短一半"]]
    lines[1].kind = "body"  # any other line between them parts the two
    assert texts(head_blocks(page)) == [["城东三座桥梁建成通车"], ["居民出行时间缩短一半"]]


@pytest.mark.pure_python
def test_a_headline_whose_words_come_late_in_its_article_still_finds_it(monkeypatch):
    """An essay's headline words may come only well into it (dev pages 11 and 23: `东方情缘`):
    the blocks printed after both bodies go to the articles whose first OPENING_CHARS
    characters repeat them."""
    headlines_module = importlib.import_module("banmian.stages.headlines")  # not the stage function
    from banmian.pipeline import parse_text
    from tests.test_reassemble import column_lines

    a = "那年春天我们一起走过许多地方，看过许多风景，也结识了许多朋友。" * 15 + "这就是我的东方情缘。"
    b = "每天清晨，公园里的老人们都会来到湖边散步，呼吸新鲜的空气。" * 15 + "今年的湿地候鸟成群结队。"
    page = "\n".join([*column_lines(a), "", *column_lines(b), "", "我的东方情缘", "", "湿地候鸟成群", ""]) + "\n"

    def heads() -> list:
        return [art.headline for art in parse_text(page, entities=False)[0].articles]

    assert heads() == ["我的东方情缘", "湿地候鸟成群"]
    monkeypatch.setattr(headlines_module, "OPENING_CHARS", 400)
    assert heads() != ["我的东方情缘", "湿地候鸟成群"]


# --- pull quotes: a sentence of an article set large away from its headline -----------------

BRIDGES = OPENINGS[0]
BIRDS = OPENINGS[1]  # holds the clause `今年春天迎来第一批候鸟` (then a comma)


def _body(text: str) -> Line:
    return Line(no=0, raw=text, text=text, kind="body")


def _blank() -> Line:
    return Line(no=0, raw="", text="", kind="blank")


def _headed_page(lines: list[Line], bodies: list[str]):
    from banmian.model import Article

    page = _page_of(lines)
    page.articles = [Article(paragraphs=[b]) for b in bodies]
    return page


def test_a_head_line_repeating_a_clause_of_one_body_is_that_articles_pull_quote():
    from banmian.pull_quotes import pull_quotes

    quote = head("今年春天迎来第一批候鸟")
    page = _headed_page([_body("正文一行。"), quote, _body("正文又一行。")], [BRIDGES, BIRDS])
    assert pull_quotes(page) == {id(quote): 1}


def test_a_pull_quote_stands_alone_ends_a_clause_and_is_long_enough():
    from banmian.pull_quotes import pull_quotes

    # beside another head line it is a line of a headline block
    quote = head("今年春天迎来第一批候鸟")
    page = _headed_page([quote, head("湿地公园迎来候鸟")], [BRIDGES, BIRDS])
    assert pull_quotes(page) == {}
    # a body line cut mid-clause read as a head line (dev page 20: `中国人民解放军副总`)
    cut = head("湖滨湿地公园今年春天迎")
    page = _headed_page([_body("正文。"), cut, _body("正文。")], [BRIDGES, BIRDS])
    assert pull_quotes(page) == {}
    short = head("第一批候鸟")
    page = _headed_page([_body("正文。"), short, _body("正文。")], [BRIDGES, BIRDS])
    assert pull_quotes(page) == {}


def test_an_article_whose_only_block_is_its_pull_quote_takes_its_headline_too():
    """Dev page 5: `我国农业正经历着由传统农业向现代农业的转变` at the top of the page, the
    article's own headline `信阳人` / `的眼光` far below: the quote matched the article's opening
    best and took its one block."""
    from banmian.stages.headlines import headlines

    quote, main = head("今年春天迎来第一批候鸟"), head("观鸟长廊完工")
    lines = [quote, _body("别处的正文。"), _blank(), main, _body("别处的正文。")]
    page = headlines(_headed_page(lines, [BRIDGES, BIRDS]))
    birds = page.articles[1]
    assert (birds.kicker, birds.headline) == ("今年春天迎来第一批候鸟", "观鸟长廊完工")
    assert "headline:pull_quote" in quote.reasons


def test_a_pull_quote_in_a_neighbours_block_goes_to_its_own_article():
    """Dev page 29: `繁荣有中国特色的社会主义文化事业作出新的贡献` printed over another
    article's headline `松花江上冰帆扬` and taken into its block."""
    from banmian.pull_quotes import place_pull_quotes

    quote, other = head("今年春天迎来第一批候鸟"), head("三座跨河桥梁建成通车")
    blocks, owner, loose = place_pull_quotes([[quote, other]], {0: 0}, {id(quote): 1}, {})
    assert [[ln.text for ln in b] for b in blocks] == [["三座跨河桥梁建成通车"]]
    assert owner == {0: 0} and loose == [quote]


def test_a_pull_quote_with_a_byline_under_it_stays_its_articles_headline():
    """Dev page 35: `苍蝇不叮无缝的蛋` / `丁坚铭李建兴`, the end of a headline its body repeats."""
    from banmian.pull_quotes import place_pull_quotes

    quote, name = head("今年春天迎来第一批候鸟"), Line(no=0, raw="林海", text="林海", kind="byline")
    blocks, owner, loose = place_pull_quotes([[quote, name]], {0: 1}, {id(quote): 1}, {})
    assert owner == {0: 1} and loose == [] and blocks == [[quote, name]]


def test_a_pull_quote_adopted_into_its_articles_block_is_not_taken_twice():
    """A leftover block adopted by its neighbour (`adopt_adjacent_leftovers`) stays listed,
    unowned: its quote is already printed with the block that adopted it."""
    from banmian.pull_quotes import place_pull_quotes

    quote, main = head("今年春天迎来第一批候鸟"), head("湿地公园迎来候鸟")
    blocks, owner, loose = place_pull_quotes([[quote], [quote, main]], {1: 1}, {id(quote): 1}, {})
    assert loose == [] and owner == {1: 1}


def test_a_blank_line_inside_a_run_is_a_cut_where_the_words_change_article():
    """pdftotext sets one headline's lines apart from the next by a blank line (dev page 29:
    `中共代表团` / `出访非洲三国`, blank, `无情冰雪锁藏北…`): two lines each sharing two bigrams
    with a different article's opening are cut there, though neither earns UNIT_COST alone."""
    first, second = head("桥梁通车"), head("迎来候鸟")
    openings = [bigram_keys(o) for o in OPENINGS]
    assert texts(split_by_content([[first, second]], openings)) == [["桥梁通车", "迎来候鸟"]]
    got = split_by_content([[first, second]], openings, frozenset({id(second)}))
    assert texts(got) == [["桥梁通车"], ["迎来候鸟"]]


def test_a_byline_beside_a_headline_is_not_kept_with_it():
    """pdftotext prints a byline of the headline above after the headline beside it, on one
    line cut by `split_head_rows` (dev page 27: `“007”` / `与冷战思维 张武扬`, the name the
    first headline's): the name is a unit of its own (`side_by_side_bylines` gives it to the
    headline above), not the byline of the unit it was printed beside."""
    first, second = head("桥梁通车"), head("迎来候鸟")
    name = Line(no=0, raw="林海", text="林海", kind="byline")
    second.because("split_head_rows:part_1_of_2")
    name.because("split_head_rows:part_2_of_2")
    openings = [bigram_keys(o) for o in OPENINGS]
    got = split_by_content([[first, second, name]], openings, frozenset({id(second)}))
    assert texts(got) == [["桥梁通车"], ["迎来候鸟"], ["林海"]]


def test_a_head_with_its_byline_under_it_is_cut_off_by_a_blank_line():
    """pdftotext prints the heads of two slots side by side one after the other, the right one
    with its byline on the line under it: set off by a blank line from a two-line head, that
    unit costs nothing; under a single line (a kicker) it is still charged."""
    openings = [bigram_keys(o) for o in OPENINGS]

    def name() -> Line:
        return Line(no=0, raw="林海", text="林海", kind="byline")

    top, low, right, byline = head("城东桥梁"), head("全部通车"), head("迎来候鸟"), name()
    got = split_by_content([[top, low, right, byline]], openings, frozenset({id(right)}))
    assert texts(got) == [["城东桥梁", "全部通车"], ["迎来候鸟", "林海"]]
    kicker, right, byline = head("桥梁通车"), head("迎来候鸟"), name()
    got = split_by_content([[kicker, right, byline]], openings, frozenset({id(right)}))
    assert texts(got) == [["桥梁通车", "迎来候鸟", "林海"]]


def test_the_two_parts_of_a_head_row_cut_at_a_gutter_are_two_units():
    """pdftotext prints the heads of two slots side by side on one line (`扩大对外交流 确立京剧改`
    style); `split_head_rows` cuts it into parts, and the cut between the left and the right
    part costs nothing: two lines each sharing two bigrams with a different article's opening
    are two units, though neither earns UNIT_COST alone (without a gutter they stay one)."""
    left, right = head("桥梁通车"), head("迎来候鸟")
    left.because("split_head_rows:part_1_of_2")
    right.because("split_head_rows:part_2_of_2")
    openings = [bigram_keys(o) for o in OPENINGS]
    assert texts(split_by_content([[head("桥梁通车"), head("迎来候鸟")]], openings)) == [["桥梁通车", "迎来候鸟"]]
    assert texts(split_by_content([[left, right]], openings)) == [["桥梁通车"], ["迎来候鸟"]]


def test_only_a_right_part_after_a_left_one_is_a_gutter():
    from banmian.head_row_parts import right_of_gutter

    first, second = head("桥梁通车"), head("迎来候鸟")
    first.because("split_head_rows:part_2_of_2")
    second.because("split_head_rows:part_2_of_2")
    assert not right_of_gutter(first, second) and not right_of_gutter(head("桥梁"), second)


def test_headlines_cut_runs_at_blank_lines_where_the_words_change_article():
    from banmian.stages.headlines import headlines

    lines = [head("桥梁通车"), _blank(), head("迎来候鸟"), _body("别处的正文。")]
    page = headlines(_headed_page(lines, [BRIDGES, BIRDS]))
    assert [a.headline for a in page.articles] == ["桥梁通车", "迎来候鸟"]


def test_leftover_blocks_in_a_row_under_an_assigned_one_are_all_adopted():
    """Dev page 28: a pull quote, blank, `充分发挥体育` / `中介公司作用`, blank, the subtitle
    `最大限度地发挥体育中介公司的作用`: each leftover joins the block grown above it."""
    from banmian.head_leftovers import adopt_adjacent_leftovers

    main, middle, sub = head("湿地公园迎来候鸟"), head("节日特刊专版"), head("——春季观鸟指南")
    page = _page_of([main, _blank(), middle, _blank(), sub])
    openings = [bigram_keys(o) for o in OPENINGS]
    got = adopt_adjacent_leftovers(page, [[main], [middle], [sub]], {0: 1}, openings)
    assert texts(got)[0] == ["湿地公园迎来候鸟", "节日特刊专版", "——春季观鸟指南"]


def test_a_dash_subtitle_sharing_no_words_does_not_dilute_its_headlines():
    """Dev page 35: `K线介绍` over `——上海综合指数周K线图`: the block is scored by the better of
    its words with and without the subtitle, so it still reaches its article."""
    from banmian.stages.headlines import headlines

    lines = [head("桥梁通车"), head("——本市今年春季重点工程建设进展情况综述"), _body("别处的正文。")]
    page = headlines(_headed_page(lines, [BRIDGES, BIRDS]))
    bridges = page.articles[0]
    assert (bridges.headline, bridges.subtitle) == ("桥梁通车", "——本市今年春季重点工程建设进展情况综述")


NEWS = ["　　市电视台新闻中心今天", "发布消息，新的演播大楼", "将于明年春天投入使用，", "届时全市观众可以收看更",
        "多的本地节目。"]  # its opening holds `新闻`


def _headlines_of(lines: list[str]) -> dict[str, str | None]:
    from banmian.pipeline import parse_text

    page = parse_text("\n".join(lines), entities=False)[0]
    return {"".join(a.paragraphs)[:4]: a.headline for a in page.articles}


def test_a_block_running_on_into_a_lead_in_is_that_reports_headline():
    """Dev page 39: blank, `图片新闻`, `本报讯（中国经济网记者…）`, one text block of
    pdftotext's: the label went to a report whose opening holds `新闻`."""
    got = _headlines_of([*NEWS, "", "图片新闻", *BRIDGES_LEAD_IN])
    assert got == {"市电视台": None, "城东新建": "图片新闻"}
    # a blank line between it and the lead-in, or none above it (dumps without blank lines):
    # the words decide
    assert _headlines_of([*NEWS, "", "图片新闻", "", *BRIDGES_LEAD_IN])["市电视台"] == "图片新闻"
    assert _headlines_of([*NEWS, "图片新闻", *BRIDGES_LEAD_IN])["市电视台"] == "图片新闻"


def test_an_article_holding_a_dash_subtitle_alone_takes_a_leftover_headline_over_it():
    """Dev page 40: `——仅这个市双桥区的5个乡镇` took its article's one block, `承德：科技` /
    `良种作年礼` was left over: it goes over the subtitle, the best-scored leftover first."""
    from banmian.head_tiers import split_tiers
    from banmian.head_leftovers import headlines_over_lone_subtitles

    sub, top, bottom, weak = head("——春季观鸟指南"), head("湿地公园"), head("迎来候鸟"), head("候鸟")
    blocks = [[top, bottom], [sub], [weak]]
    got = headlines_over_lone_subtitles(blocks, {1: 1}, {(0, 1): 0.6, (2, 1): 0.3, (1, 1): 0.2})
    assert texts(got) == [[], ["湿地公园", "迎来候鸟", "——春季观鸟指南"], ["候鸟"]]
    tiers = split_tiers(got[1])
    assert (tiers["headline"], tiers["subtitle"]) == ("湿地公园 迎来候鸟", "——春季观鸟指南")


def test_a_leftover_holding_a_byline_or_a_block_with_a_headline_takes_nothing():
    from banmian.head_leftovers import headlines_over_lone_subtitles

    sub, name = head("——春季观鸟指南"), Line(no=0, raw="林海", text="林海", kind="byline")
    blocks = [[head("湿地公园迎来候鸟"), name], [sub]]
    assert headlines_over_lone_subtitles(blocks, {1: 1}, {(0, 1): 0.6}) == blocks  # another's, by its byline
    blocks = [[head("湿地公园迎来候鸟")], [head("观鸟长廊完工"), sub]]
    assert headlines_over_lone_subtitles(blocks, {1: 1}, {(0, 1): 0.6}) == blocks  # already headed


def test_headlines_give_a_lone_subtitles_article_its_headline_too():
    from banmian.stages.headlines import headlines

    lines = [head("湿地公园迎来候鸟"), _body("别处的正文。"), head("——园内新建的观鸟长廊已经完工"), _body("别处的正文。")]
    birds = headlines(_headed_page(lines, [BRIDGES, BIRDS])).articles[1]
    assert (birds.headline, birds.subtitle) == ("湿地公园迎来候鸟", "——园内新建的观鸟长廊已经完工")


BIRDS_TEXT = ["　　湖滨湿地公园今年春天", "迎来第一批候鸟，园内新", "建的观鸟长廊已经完工，", "游客可以在这里近距离观",
              "察候鸟。湿地公园管理处", "介绍，今年候鸟的种类比", "去年多了十几种。"]
LEAD_IN_REPORT = ["　　据新华社北京1月7日电", "（记者李文云）城东新建的", "三座跨河桥梁已于上月底",
                  "全部通车，附近居民出行", "时间缩短了一半。"]


def test_a_byline_right_under_its_headline_stays_with_it_though_its_words_open_another_report():
    """Dev page 24: `六年沉默一鸣惊人` / `索尼亚步入印政坛` / `本报记者李文云` over a caption
    and `据新华社新德里…`: the reporter's name in the report's lead-in cut the byline off its
    headline, and it went to the report under it."""
    from banmian.pipeline import parse_text

    lines = [*BIRDS_TEXT, "", "湿地公园迎来候鸟", "本报记者李文云", "", "图为新桥通车的情景。", "", *LEAD_IN_REPORT]
    page = parse_text("\n".join(lines), entities=False)[0]
    got = {a.paragraphs[0][:4]: (a.headline, a.byline) for a in page.articles}
    assert got["湖滨湿地"] == ("湿地公园迎来候鸟", "本报记者李文云")
    assert got["城东新建"][1].startswith("据新华社")


def _page_with(lines: list[Line], owners: list[int | None], bylines=(None,)):
    from banmian.model import Article, Page, Source

    arts = [Article(paragraphs=["正文。"], byline=b) for b in bylines]
    page = Page(Source(path="p.txt"), lines=lines, articles=arts)
    for ln, i in zip(lines, owners):
        if i is not None:
            page.claim(ln, arts[i])
    return page, arts


def _ln(no: int, text: str, kind: str) -> Line:
    return Line(no=no, raw=text, text=text, kind=kind)


def test_a_leftover_byline_goes_to_the_headline_right_above_it_only():
    """Right under a head line (no blank line between) a byline is that headline's; set off
    by a blank line it is not (`side_bylines` and `attach_near_bylines` decide), and an article
    with a byline keeps it."""
    from banmian.near_bylines import bylines_under_their_headlines

    lines = [_ln(1, "湿地公园迎来候鸟", "head"), _ln(2, "本报记者李文云", "byline")]
    page, (art,) = _page_with(lines, [0, None])
    bylines_under_their_headlines(page)
    assert art.byline == "本报记者李文云" and page.owner_of(lines[1]) is art

    lines = [_ln(1, "湿地公园迎来候鸟", "head"), _ln(2, "", "blank"), _ln(3, "本报记者李文云", "byline")]
    page, (art,) = _page_with(lines, [0, None, None])
    bylines_under_their_headlines(page)
    assert art.byline is None and page.owner_of(lines[2]) is None

    lines = [_ln(1, "湿地公园迎来候鸟", "head"), _ln(2, "本报记者李文云", "byline")]
    page, (art,) = _page_with(lines, [0, None], bylines=("张国成",))
    bylines_under_their_headlines(page)
    assert art.byline == "张国成" and page.owner_of(lines[1]) is None


def _page_before_headlines():
    """examples/demo_page.txt run through the stages before `headlines`."""
    from pathlib import Path

    from banmian.pipeline import page_from_lines, run_stages
    from banmian.model import Source
    from banmian.stages import STAGES

    demo = Path(__file__).resolve().parents[1] / "examples" / "demo_page.txt"
    raw = demo.read_text(encoding="utf-8").splitlines()
    page = page_from_lines(raw, Source(path="demo", kind="text", encoding=None, sha256=""))
    headlines_module = importlib.import_module("banmian.stages.headlines")
    return run_stages(page, STAGES[:STAGES.index(headlines_module.headlines)]), headlines_module


@pytest.mark.pure_python
def test_headlines_reuse_the_paragraphs_stage_line_index(monkeypatch):
    """No stage after paragraphs adds or moves a line, so the headline stage reads the line
    index the paragraphs stage built (`model.page_line_index`) rather than building it again."""
    page, headlines_module = _page_before_headlines()
    model = importlib.import_module("banmian.model")
    built = []
    real = model.line_positions

    def counted(lines):
        built.append(len(lines))
        return real(lines)

    for name in ("banmian.model", "banmian.stages.headlines", "banmian.side_bylines"):
        monkeypatch.setattr(importlib.import_module(name), "line_positions", counted, raising=False)
    headlines_module.headlines(page)
    assert built == []
    assert page.articles


def test_page_line_index_is_built_where_missing_or_stale():
    """A page the paragraphs stage never indexed (or whose lines changed since) is indexed afresh."""
    from banmian.model import page_line_index

    page, _ = _page_before_headlines()
    assert page_line_index(page) is page.scratch["line_index"]
    page.lines = page.lines[1:]
    assert page_line_index(page) == {id(ln): i for i, ln in enumerate(page.lines)}
    del page.scratch["line_index"]
    assert page_line_index(page) == {id(ln): i for i, ln in enumerate(page.lines)}


BODY = "湖滨湿地公园今年春天迎来第一批候鸟，园内新建的观鸟长廊已经完工。管理处表示，游客可以近距离观鸟。"


def body_tiers(*lines: str) -> tuple:
    from banmian.rules.chars import strip_ws
    from banmian.head_tiers import split_tiers

    got = split_tiers([head(t) for t in lines], strip_ws(BODY))
    return got["kicker"], got["headline"], got["subtitle"]


def test_a_last_line_the_body_repeats_is_a_subtitle_not_a_headlines_second_line():
    assert body_tiers("湖滨候鸟今春归来", "园内新建的观鸟长廊已经完工") == (None, "湖滨候鸟今春归来", "园内新建的观鸟长廊已经完工")
    # without the body: one headline in two lines (the second not twice as long as the first,
    # `tier_cues.long_subtitle_under`)
    assert tiers("湖滨候鸟今春归来", "园内新建的观鸟长廊已经完工") == (None, "湖滨候鸟今春归来 园内新建的观鸟长廊已经完工", None)


def test_a_first_line_the_body_repeats_is_a_kicker_over_the_headline():
    got = body_tiers("游客可以近距离观鸟", "湿地公园春来候鸟")
    assert got == ("游客可以近距离观鸟", "湿地公园春来候鸟", None)
    # without the body: one headline in two lines (the second not much shorter)
    assert tiers("游客可以近距离观鸟", "湿地公园春来候鸟") == (None, "游客可以近距离观鸟 湿地公园春来候鸟", None)


def test_two_lines_reading_on_as_one_text_of_the_body_stay_one_headline():
    got = body_tiers("湿地公园今年春天", "迎来第一批候鸟")
    assert got == (None, "湿地公园今年春天 迎来第一批候鸟", None)


def test_a_word_running_across_the_break_keeps_one_headline_though_the_body_repeats_its_end():
    from banmian.head_tiers import split_tiers

    body = "今年春天，很多人都去参观世界名画珍品展览，展厅内人头攒动。"
    got = split_tiers([head("市民踊跃参观世"), head("界名画珍品展览")], body)
    assert (got["kicker"], got["headline"], got["subtitle"]) == (None, "市民踊跃参观世 界名画珍品展览", None)


def test_an_article_holding_a_sentence_of_its_body_alone_takes_a_leftover_headline_over_it():
    from banmian.rules.chars import strip_ws
    from banmian.head_tiers import split_tiers
    from banmian.head_leftovers import headlines_over_lone_subtitles

    body = strip_ws(BODY)
    quote, top = head("园内新建的观鸟长廊已经完工"), head("候鸟归来")
    blocks = [[top], [quote]]
    got = headlines_over_lone_subtitles(blocks, {1: 0}, {(0, 0): 0.3, (1, 0): 0.5}, [body])
    assert texts(got) == [[], ["候鸟归来", "园内新建的观鸟长廊已经完工"]]
    tiers = split_tiers(got[1], body)
    assert (tiers["headline"], tiers["subtitle"]) == ("候鸟归来", "园内新建的观鸟长廊已经完工")
    # a headline line the body does not repeat takes nothing
    other = [[top], [head("湿地观鸟好去处")]]
    assert texts(headlines_over_lone_subtitles(other, {1: 0}, {(0, 0): 0.3, (1, 0): 0.5}, [body])) == texts(other)


WETLAND_ARTICLE = ["　　湖滨湿地今年春天迎", "来第一批过境的候鸟，园", "内新建的观鸟长廊已经完", "工，游客可以近距离观鸟。",
         "管理处表示，长廊免费开", "放。"]


def test_a_block_over_a_photo_caption_is_the_headline_of_the_article_under_the_caption():
    """A photo under the headline and its byline: its caption stands between them and the
    body; the block is still the one right before the article (its words share nothing)."""
    got = _headlines_of([*NEWS, "", "春风又绿江南岸", "张明", "图为湿地公园里的候鸟。", "", *WETLAND_ARTICLE])
    assert got["湖滨湿地"] == "春风又绿江南岸"


@pytest.mark.pure_python
def test_a_dash_subtitle_goes_to_the_article_whose_body_repeats_it(monkeypatch):
    """pdftotext prints a band's heads in a jumble: a neighbour's dash subtitle set off under a
    headline is read into its block; the report whose body repeats its words takes it
    (`head_leftovers.dash_subtitles_to_quoted_bodies`)."""
    from banmian import head_leftovers
    from banmian.pipeline import parse_text

    from columns_text import column_lines

    bridges = "本报讯　城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。市建委负责人说，今年还将动工两座新桥。"
    birds = "本报讯　湖滨湿地公园今年春天迎来第一批候鸟，园内的观鸟长廊已经完工，游客可以近距离观赏候鸟。公园管理处说，候鸟将停留到四月中旬。"
    text = "\n".join(["三座桥梁建成通车", "", "——观鸟长廊已经完工", "", *column_lines(bridges), "",
                      "湿地公园迎来候鸟", "", *column_lines(birds)]) + "\n"
    got = [(a.headline, a.subtitle) for a in parse_text(text, entities=False)[0].articles]
    assert got == [("三座桥梁建成通车", None), ("湿地公园迎来候鸟", "——观鸟长廊已经完工")]
    monkeypatch.setattr(head_leftovers, "SUBTITLES_TO_QUOTED_BODIES", False)  # the rule off
    got = [(a.headline, a.subtitle) for a in parse_text(text, entities=False)[0].articles]
    assert got == [("三座桥梁建成通车", "——观鸟长廊已经完工"), ("湿地公园迎来候鸟", None)]


def test_a_quoted_dash_subtitle_stays_with_the_article_holding_its_block():
    """The subtitle its own block's article repeats, or that several bodies repeat, stays put."""
    from banmian.head_leftovers import dash_subtitles_to_quoted_bodies

    main, sub, other = head("湿地公园迎来候鸟"), head("——观鸟长廊已经完工"), head("三座桥梁建成通车")
    bodies = ["城东三座桥梁建成通车", "园内的观鸟长廊已经完工，游客可以近距离观鸟"]
    owner = {0: 0, 1: 1}
    got = dash_subtitles_to_quoted_bodies([[other], [main, sub]], owner, bodies)
    assert texts(got) == [["三座桥梁建成通车"], ["湿地公园迎来候鸟", "——观鸟长廊已经完工"]]
    got = dash_subtitles_to_quoted_bodies([[other, sub], [main]], owner, bodies + ["观鸟长廊已经完工了"])
    assert texts(got) == [["三座桥梁建成通车", "——观鸟长廊已经完工"], ["湿地公园迎来候鸟"]]
    got = dash_subtitles_to_quoted_bodies([[other, sub], [main]], owner, bodies)
    assert texts(got) == [["三座桥梁建成通车"], ["湿地公园迎来候鸟", "——观鸟长廊已经完工"]]
    assert "headline:dash_subtitle_to_quoted_body" in sub.reasons
