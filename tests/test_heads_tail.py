"""heads_tail: a dump without blank lines that prints every headline after all the bodies
(made-up lines in an 11-em column)."""
from __future__ import annotations

from banmian.pipeline import parse_text
from banmian.stages import STAGES
from banmian.stages.heads_tail import heads_tail

# Three articles' bodies back to back; the second opens without a lead-in byline, on the
# heels of the first, which is cut short (`音乐厅的经理说，这`). Then their headlines, in the same order.
# No headline line repeats a clause of its body word for word (one that did would read as a
# subtitle: `head_tiers.body_quoted_tiers`).
BODIES = [
    "本报讯 市音乐厅去年一共", "上演音乐会共四百多场，比", "前年多出一百场，观众人数", "也创下了新的纪录。",
    "　　音乐厅今年还将举办三", "场新年音乐会，票价比去年", "有所降低，学生可以半价购", "票入场。",
    "　　演出的乐团来自全国各", "地，有交响乐团也有民族乐", "团，曲目既有古典名曲也有", "新创作的作品。",
    "　　不少市民说，到音乐厅", "听一场音乐会已经成为过年", "的新习惯，孩子们也喜欢跟", "着家长一起来。",
    "　　音乐厅去年还修缮了演", "奏大厅，更换了座椅和灯光", "音响设备，听众坐得更舒服", "了，音乐厅的经理说，这",
    "　　郊区的农民今年种植的", "蔬菜大棚比去年多了一倍，", "冬天的黄瓜西红柿卖得很好", "，农民的收入增加了不少。",
    "　　种植大棚的农民说，明", "年还要再多建一些大棚，把", "冬天的蔬菜卖到城里去。",
    "　　县里的技术员常到村里", "教农民管理大棚，防治病虫", "害，控制棚里的温度和湿度", "，产量一年比一年高。",
    "　　村里还办起了合作社，", "统一收购农民的蔬菜，再用", "冷藏车运到附近的几个城市", "，价格也比以前稳定多了。",
    "　　去年全村人均收入比前", "年增加了三成，不少农民盖", "起了新房，买了新的农机。",
    "新华社北京1月5日电 铁路", "部门今天宣布，春运期间将", "加开三百多趟旅客列车，方", "便旅客回家过年。",
]
HEADS = ["音乐厅上演", "四百多场音乐会", "农民种植蔬菜大棚", "冬天黄瓜卖得好", "春运期间铁路", "加开旅客列车"]


def test_aligned_tail_blocks_cut_the_stream_and_head_their_articles():
    page = parse_text("\n".join(BODIES + HEADS), entities=False)[0]
    assert [a.paragraphs[0][:4] for a in page.articles] == ["市音乐厅", "郊区的农", "铁路部门"]
    assert [a.headline for a in page.articles] == ["音乐厅上演 四百多场音乐会", "农民种植蔬菜大棚 冬天黄瓜卖得好",
                                                    "春运期间铁路 加开旅客列车"]


def test_the_stage_runs_after_paragraphs_and_before_reassemble():
    names = [s.__name__ for s in STAGES]
    assert names.index("paragraphs") < names.index(heads_tail.__name__) < names.index("reassemble")


def _page_up_to_paragraphs(raw_lines):
    from banmian.model import Source
    from banmian.pipeline import page_from_lines, run_stages
    from banmian.stages.paragraphs import paragraphs

    return run_stages(page_from_lines(raw_lines, Source(path="<test>")), STAGES[: STAGES.index(paragraphs) + 1])


def test_no_tail_where_headlines_stand_over_their_bodies_or_blank_lines_separate_blocks():
    from banmian.tail_find import find_tail

    assert find_tail(_page_up_to_paragraphs(BODIES + HEADS)) is not None
    natural = HEADS[:2] + BODIES[:20] + HEADS[2:4] + BODIES[20:38] + HEADS[4:] + BODIES[38:]
    assert find_tail(_page_up_to_paragraphs(natural)) is None
    blank_lines = [x for ln in BODIES for x in (ln, "")] + HEADS
    # (find_tail itself refuses a page parted by blank lines; stream_blanks, after classify, reads
    # this one without them: tests/test_stream_blanks.py)
    assert find_tail(_page_up_to_classify(blank_lines)) is None


def _page_up_to_classify(raw_lines):
    from banmian.model import Source
    from banmian.pipeline import page_from_lines, run_stages
    from banmian.stages.classify import classify

    return run_stages(page_from_lines(raw_lines, Source(path="<test>")), STAGES[: STAGES.index(classify) + 1])


def test_a_headline_broken_inside_a_word_or_a_dash_line_opens_no_block():
    from banmian.model import Line
    from banmian.tail_blocks import opens_block

    tail = [Line(1, t, t, kind="head") for t in ("东亚经济传真苏哈托强调经", "济改革菲律宾汇市股市反弹", "——实事求是的思想路线", "春运期间铁路")]
    assert [opens_block(tail, j) for j in range(4)] == [True, False, False, True]


def test_an_article_keeps_one_aligned_block_and_no_block_text_is_lost():
    from banmian.model import Article, Line, Page, Source
    from banmian.stages.headlines import headlines

    body = [Line(n, t, t, kind="body") for n, t in enumerate(["春运期间铁路部门加开列车，", "旅客列车今天起陆续开行。"], 1)]
    heads = [Line(n, t, t, kind="head") for n, t in enumerate(["春运期间铁路", "加开旅客列车"], 3)]
    page = Page(source=Source(path="<test>"), lines=body + heads)
    article = Article(id="a1", paragraphs=["".join(ln.text for ln in body)])
    page.articles = [article]
    page.claim_all(body, article)
    page.scratch["tail_blocks"] = [([heads[0]], body[0]), ([heads[1]], body[1])]  # both in a1
    headlines(page)
    fields = " ".join(t for t in (article.kicker, article.headline, article.subtitle, article.byline) if t)
    # a line an article holds is printed in its fields; one it does not is printed as unassigned
    assert all(ln.text in fields for ln in heads if page.owner_of(ln) is article)
    assert heads[0].text in fields


def test_a_block_whose_words_recur_only_late_in_its_article_still_heads_it():
    """A feature's headline may echo its closing paragraph, not its opening: the block goes to
    the paragraph start where the new topic opens (REST_WEIGHT), not to a later one whose
    opening happens to repeat the words (and whose text just before repeats them too)."""
    from banmian.model import Line
    from banmian.tail_align import Candidate, align

    first = "市音乐厅去年一共上演了四百多场音乐会，观众人数创下新纪录。" * 4
    opening = "郊区今年的天气很冷，村里的道路也修好了，孩子们上学方便多了。" * 8
    middle = "村民说今年的新变化真不少，农民种植蔬菜大棚，冬天黄瓜卖得好。"
    closing = "说起今年的收成，大家都说农民种植蔬菜大棚，冬天黄瓜卖得好。" * 2
    text = first + opening + middle + closing
    starts = [0, len(first), len(first) + len(opening) + len(middle)]
    cands = [Candidate(0, 0, starts[0], 2.0, True, False), Candidate(0, 1, starts[1], -4.0, False, False),
             Candidate(0, 2, starts[2], -4.0, False, False)]
    heads = [("音乐厅上演", "head"), ("四百多场音乐会", "head"), ("本报记者王明", "byline"),  # a byline closes a block
             ("农民种植蔬菜大棚", "head"), ("冬天黄瓜卖得好", "head")]
    tail = [Line(n, t, t, kind=kind) for n, (t, kind) in enumerate(heads)]
    assert align(cands, text, tail) == [(0, 0, 3), (1, 3, 5)]


def test_a_byline_under_a_headline_line_opens_no_block_but_one_under_a_byline_does():
    """Dev raw page 3: `评世界女板跳水大势` / `本报记者许立群`: alone, the byline was the block
    of the next segment; two bylines in a row are two articles'."""
    from banmian.model import Line
    from banmian.tail_blocks import block_shapes, opens_block

    kinds = [("春运期间铁路", "head"), ("本报记者王明", "byline"), ("本报记者李华", "byline"),
             ("经济结构调整要锲而不舍", "body"), ("本报评论员", "byline")]
    tail = [Line(n, t, t, kind=kind) for n, (t, kind) in enumerate(kinds)]
    assert [opens_block(tail, j) for j in range(5)] == [True, False, True, True, False]
    starts, sizes = block_shapes(tail)
    assert (1, 1) not in set(zip(starts.tolist(), sizes.tolist()))


def test_a_report_after_its_credited_picture_opens_no_segment_of_the_tail():
    """A picture's lead-in with its note broken over two lines (`（附图` / `片1张）`), its
    credited description, then the report with its own lead-in: one article under one
    two-line headline, not two articles each under one of its lines (dev raw page 21)."""
    picture = [
        "新华社北京1月1日电 领导", "同志与万名首都各界群众一", "起在北京辞旧迎新（附图", "片1张）",
        "　　领导同志与首都群众一", "起欣赏了北京举行的新年音", "乐会的精彩节目。这是演出", "结束后同演出人员合影。",
        "（新华社记者樊如钧", "摄）",
        "本报北京12月31日讯 记者", "报道：新年音乐会今晚在人", "民大会堂举行，乐团演奏了", "多首中外名曲，观众掌声不",
        "断，气氛热烈。",
        "　　音乐会由市文化局主办", "，已经连续举办了十二年，", "成为首都群众迎接新年的一", "项传统活动。",
    ]
    page = parse_text("\n".join(BODIES + picture + HEADS + ["北京举行", "新年音乐会"]), entities=False)[0]
    assert [a.headline for a in page.articles][-1] == "北京举行 新年音乐会"
    assert page.articles[-1].paragraphs[0].startswith("领导同志") and len(page.articles) == 4


def test_two_headline_blocks_are_not_merged_into_one_of_more_than_three_lines():
    """A headline block holds at most three lines besides its byline (EXTRA_LINE_COST): a
    second article's headline whose words recur only late in its text still heads it instead
    of running on the block of the article before."""
    from banmian.model import Line
    from banmian.tail_align import Candidate, align

    first = "市音乐厅去年一共上演了四百多场音乐会，观众人数创下新纪录。" * 4
    second = "郊区今年的天气很冷，村里的道路也修好了，大家出门方便多了。" * 8 + "孩子们笑了。"
    text = first + second
    cands = [Candidate(0, 0, 0, 2.0, True, False), Candidate(1, 0, len(first), 2.0, False, False)]
    heads = [("新年好消息", "head"), ("音乐厅上演", "head"), ("四百多场音乐会", "head"),
             ("孩子欢笑", "head"), ("本报记者王明", "byline")]
    tail = [Line(n, t, t, kind=kind) for n, (t, kind) in enumerate(heads)]
    assert align(cands, text, tail) == [(0, 0, 3), (1, 3, 5)]


def test_a_block_left_over_between_signed_starts_opens_a_plain_paragraph_start():
    """The tail's blocks tell how many articles the stream holds: a short title whose words
    recur in its article's opening too little to pay CUT_COST still opens the plain paragraph
    start it matches when no start with a sign of its own (a fragment start, a lead-in) stands
    between it and the segment before; it is not merged with the block before. The cut is made
    sure (`no_signed_start_between`), one past a fragment start is not."""
    from banmian.model import Line
    from banmian.tail_align import Candidate, align, no_signed_start_between

    first = "市音乐厅去年一共上演了四百多场音乐会，观众人数创下新纪录。" * 8
    second = "冬季长跑比赛昨天在城东公园举行，三千名市民参加。" + "天气很冷，大家热情很高，跑完全程的人都领到了纪念品。" * 4
    third = "郊区今年的农民种植蔬菜大棚，冬天黄瓜卖得好，收入增加了不少。" * 4
    text = first + second + third
    cands = [Candidate(0, 0, 0, 2.0, True, False), Candidate(0, 1, len(first), -4.0, False, False),
             Candidate(0, 2, len(first) + 25, -4.0, False, False),
             Candidate(1, 0, len(first) + len(second), 2.0, False, False)]
    heads = [("音乐厅上演", "head"), ("四百多场音乐会", "head"), ("冬季长跑比赛", "head"), ("城东公园举行", "head"),
             ("农民种植蔬菜大棚", "head"), ("本报记者王明", "byline")]
    tail = [Line(n, t, t, kind=kind) for n, (t, kind) in enumerate(heads)]
    assert align(cands, text, tail) == [(0, 0, 2), (1, 2, 4), (3, 4, 6)]
    assert no_signed_start_between(cands, 0, 1)
    signed = [Candidate(0, 0, 0, 2.0, True, False), Candidate(1, 0, 10, 2.0, False, False),
              Candidate(1, 1, 20, -4.0, False, False)]
    assert not no_signed_start_between(signed, 0, 2)


def test_a_plain_starts_block_words_are_looked_for_only_up_to_the_next_signed_start():
    """A headline's words found past a start with a sign of its own (here a restart after text
    cut short) are likely the next article's: they must not pull a cut up to the plain
    paragraph start right after the segment before (dev raw page 8, `rest_ends`)."""
    from banmian.tail_align import Candidate, opening_ends, rest_ends

    cands = [Candidate(0, 0, 0, 2.0, True, False), Candidate(0, 1, 10, -4.0, False, False),
             Candidate(0, 2, 20, 0.0, False, False), Candidate(0, 3, 30, -4.0, False, False)]
    stops = opening_ends(cands, 40)
    assert stops == [40, 40, 40, 40]
    assert rest_ends(cands, stops) == [40, 20, 40, 40]


def test_a_kicker_naming_a_speaker_an_open_quote_and_a_dated_line_run_on_into_the_line_under_them():
    """A head line ending on a reporting verb (`…强调`) is a kicker whose headline follows; one
    that leaves a title mark open runs on; a document's date in parentheses stays under its
    title: no tail block opens under the first two, nor at the third."""
    from banmian.model import Line
    from banmian.tail_blocks import opens_block

    texts = ["市长在全市会议上强调", "抓好春运安全工作", "话剧《春天的", "故事》今晚上演",
             "市政府工作报告", "（一九九八年一月五日）", "——新任部长说明", "农民种植蔬菜大棚"]
    tail = [Line(n, t, t, kind="head") for n, t in enumerate(texts)]
    assert [opens_block(tail, j) for j in range(len(tail))] == [True, False, True, False, True, False, False, True]


def test_a_subhead_in_the_stream_of_a_page_printing_its_headlines_last_opens_no_article():
    """On a page whose headlines all stand in the tail, a short head line inside the body
    stream where the alignment cut nothing is a subhead, even over text sharing no words with
    the text before it (`reassemble.heads_printed_last`)."""
    subhead = ["山里的新学校", "　　山那边的孩子们过去上", "学要走两个钟头的路，冬天", "天不亮就得出门，路上又滑",
               "又冷，家长们很担心。", "　　去年秋天新学校盖好以", "后，孩子们走十分钟就到了", "教室，老师也从城里请来了",
               "好几位。"]
    page = parse_text("\n".join(BODIES[:38] + subhead + BODIES[38:] + HEADS), entities=False)[0]
    assert [a.headline for a in page.articles] == ["音乐厅上演 四百多场音乐会", "农民种植蔬菜大棚 冬天黄瓜卖得好",
                                                    "春运期间铁路 加开旅客列车"]
    assert page.articles[1].paragraphs[-3] == "山里的新学校"


def test_a_tail_line_read_as_names_that_cannot_be_a_byline_is_a_head_line():
    """A line read as a byline for its names is a head line where a surname and an office
    stand in it, `同志` or a dash opens the line under it, or (longer than one name) a dictionary word
    runs on into that line; a one-name byline over a headline opening a word with it stays."""
    from banmian.model import Line
    from banmian.stages.heads_tail import reread_names

    texts = [("市长会见外宾", "head"), ("李市长看望", "byline"), ("环卫工人", "head"), ("王大明", "byline"),
             ("同志逝世", "head"), ("沙河镇开", "byline"), ("展卫生评比", "head"), ("严平", "byline"),
             ("江主席会见外宾", "head"), ("东盟", "byline"), ("——十国的共同声明", "head")]
    tail = [Line(n, t, t, kind=k) for n, (t, k) in enumerate(texts)]
    for ln in tail:
        if ln.kind == "byline":
            ln.because("byline:names")
    reread_names(tail)
    assert [ln.kind for ln in tail if ln.text in ("李市长看望", "王大明", "沙河镇开", "严平", "东盟")] == [
        "head", "head", "head", "byline", "head"]


def test_a_block_may_run_on_past_a_names_line_at_a_cost_but_not_past_a_press_byline():
    """A line read as a byline for its names alone does not close a block: the block may run on
    past it (costing SOFT_RUN_ON_COST) or open at it with more lines; a press byline closes it."""
    from banmian.model import Line
    from banmian.tail_blocks import SOFT_RUN_ON_COST, block_shapes, soft_costs

    texts = [("春运期间铁路", "head"), ("高山岭", "byline"), ("加开旅客列车", "head"), ("本报记者王大明", "byline"),
             ("农民种植蔬菜大棚", "head")]
    tail = [Line(n, t, t, kind=k) for n, (t, k) in enumerate(texts)]
    tail[1].because("byline:names")
    tail[3].because("byline:press")
    starts, sizes = block_shapes(tail)
    shapes = list(zip(starts.tolist(), sizes.tolist()))
    assert (0, 4) in shapes and (0, 5) not in shapes and (1, 1) not in shapes and (1, 3) in shapes
    costs = dict(zip(shapes, soft_costs(tail, starts, sizes).tolist()))
    assert costs[(0, 2)] == 0 and costs[(0, 4)] == SOFT_RUN_ON_COST and costs[(1, 3)] == SOFT_RUN_ON_COST


def test_a_names_line_under_a_subtitle_closes_its_block():
    """Under a subtitle's dash line, a names line is the block's byline: no block runs on past it."""
    from banmian.model import Line
    from banmian.tail_blocks import block_shapes

    texts = [("把春运办好", "head"), ("——铁路部门的经验", "head"), ("高山岭", "byline"), ("加开旅客列车", "head")]
    tail = [Line(n, t, t, kind=k) for n, (t, k) in enumerate(texts)]
    tail[2].because("byline:names")
    starts, sizes = block_shapes(tail)
    shapes = set(zip(starts.tolist(), sizes.tolist()))
    assert (0, 3) in shapes and (0, 4) not in shapes


def test_a_block_closing_on_a_byline_does_not_head_a_segment_opening_with_a_lead_in():
    """A report opening with a dispatch lead-in names its writers there, so no byline stands
    under its headline (LEAD_IN_BYLINE_COST): the byline and the headline line above it are
    the next article's block, which opens at a plain paragraph start, not a run-on of the
    lead-in report's block whose words recur late in its long segment."""
    from banmian.model import Line
    from banmian.tail_align import Candidate, align

    first = "市音乐厅去年一共上演了四百多场音乐会，观众人数创下新纪录。" * 8
    second = "郊区今年的天气很冷，可是村里的道路修好了，大家出门方便多了。" * 3
    text = first + second
    # (the third line one character shorter than the second: no balanced pair, tail_pairs)
    heads = [("音乐厅上演", "head"), ("四百多场音乐会", "head"), ("乡村道路修好", "head"), ("王明", "byline")]
    tail = [Line(n, t, t, kind=kind) for n, (t, kind) in enumerate(heads)]
    lead_in = [Candidate(0, 0, 0, 8.0, True, False), Candidate(0, 1, len(first), -4.0, False, False)]
    assert align(lead_in, text, tail) == [(0, 0, 2), (1, 2, 4)]


def test_a_byline_line_left_out_of_every_block_costs_more_than_a_head_line():
    from banmian.model import Line
    from banmian.tail_align import BYLINE_SKIP_COST, SKIP_COST, skip_costs

    tail = [Line(1, "音乐厅上演", "音乐厅上演", kind="head"), Line(2, "王明", "王明", kind="byline")]
    assert skip_costs(tail).tolist() == [0.0, SKIP_COST, SKIP_COST + BYLINE_SKIP_COST]
    assert BYLINE_SKIP_COST > SKIP_COST


def test_a_longer_word_made_up_across_two_head_lines_does_not_join_them():
    """A word jieba's HMM makes up of more than MAX_MADE_UP_WORD characters across the break
    (`如海话`) joins two headlines' ends: the second line opens a block of its own. A
    dictionary word or a two-character made-up one (a name cut in two) still joins them."""
    from banmian.model import Line
    from banmian.tail_blocks import head_word_across, opens_block

    assert not head_word_across("灯火如海", "话说春节")
    assert head_word_across("围棋新秀常", "昊夺冠")
    assert head_word_across("城市交通工", "具更新换代")
    tail = [Line(n, t, t, kind="head") for n, t in enumerate(["元宵灯火如海", "话说春节", "围棋新秀常", "昊夺冠"])]
    assert [opens_block(tail, j) for j in range(4)] == [True, True, True, False]


def test_a_prefix_article_opening_at_a_plain_paragraph_start_gets_its_own_segment():
    """On a page printing only its first articles' headlines last (the third article's headline
    stands over its body, so the tail heads the stream's prefix), an article of the prefix that
    opens at a plain paragraph start (no lead-in, after a finished sentence) is cut from the
    article before where its tail block's words recur, paying `tail_align.PREFIX_CUT_COST`: its
    block is not run into the block before and its text not read on as the first article."""
    from banmian.stages.heads_tail import PREFIX_PLAIN_START_REASON

    first = BODIES[:19] + ["了，听众都很满意。"]
    third = ["春节前后返乡的人多", "春运期间铁路", "加开旅客列车"] + BODIES[38:]
    tail = ["音乐厅去年上演", "四百多场音乐会", "郊区农民的蔬菜大棚", "冬天黄瓜卖得好"]
    page = parse_text("\n".join(first + BODIES[20:38] + third + tail), entities=False)[0]
    assert [a.paragraphs[0][:4] for a in page.articles] == ["市音乐厅", "郊区的农", "铁路部门"]
    assert [a.headline for a in page.articles][:2] == ["音乐厅去年上演 四百多场音乐会", "郊区农民的蔬菜大棚 冬天黄瓜卖得好"]
    assert PREFIX_PLAIN_START_REASON in page.lines[20].reasons


def test_a_prefix_closing_on_one_head_line_keeps_its_plain_paragraph_starts_shut():
    """A prefix closing on a lone head line (as often a subhead inside its last article) does not
    let the tail's blocks open plain paragraph starts; one closing on a headline and its byline does."""
    from banmian.model import Line
    from banmian.stages.heads_tail import closes_on_head_block

    rows = [("了，听众都很满意。", "body"), ("冬天的菜市场", "head"), ("　　郊区的农民今年种植", "body"),
            ("拜年的方向", "head"), ("王明", "byline"), ("　　拜年，确乎是老祖宗", "body")]
    lines = [Line(n, t, t, kind=kind) for n, (t, kind) in enumerate(rows)]
    assert not closes_on_head_block(lines, 1)
    assert closes_on_head_block(lines, 3)
