"""Inputs found by fuzzing the text path (shuffled, cut, spliced dumps): no traceback, and every
character of the input printed exactly once. Texts are made up, shaped like the failing inputs."""
from __future__ import annotations

from banmian.head_bigrams import bigram_keys
from banmian.head_units import split_by_content
from banmian.invariant import input_chars, printed_chars
from banmian.model import Line
from banmian.pipeline import parse_text
from banmian.writers.json import page_to_dict


def _parses_keeping_every_character(text: str) -> None:
    pages = parse_text(text)
    printed = sum((printed_chars(page_to_dict(p)) for p in pages), start=input_chars(""))
    assert printed == input_chars(text)


def test_seven_head_lines_of_one_text_block_are_one_unit():
    """head_units._split_points: seven head lines one under the other, no cut allowed between
    (`one_text_block`), made a first unit longer than MAX_UNIT_LINES: IndexError on its gains."""
    texts = ["城东新建三座桥梁", "年底前全部通车", "湖滨湿地公园", "迎来第一批候鸟", "观鸟长廊完工", "游客近距离观鸟",
             "市民周末出游"]
    run = [Line(no=i + 1, raw=t, text=t, kind="head") for i, t in enumerate(texts)]
    openings = [bigram_keys("城东新建的三座桥梁年底前全部通车"), bigram_keys("湖滨湿地公园迎来第一批候鸟")]
    assert [[ln.text for ln in u] for u in split_by_content([run], openings, frozenset(), True)] == [texts]


def test_a_column_cut_into_short_head_like_lines_parses():
    """The same, from text: a column's lines cut short (a -layout dump read at random widths)."""
    _parses_keeping_every_character("湖\n滨湿地公园·\n今年春天迎来\n第一批候鸟园内\n观鸟长廊已经\n完工游客可\n以近\n \n"
                                    "鸟。而今年，\n")


def test_a_pull_quote_adopted_by_a_block_is_printed_once():
    """pull_quotes.place_pull_quotes: a head line left over, adopted by the block under it (and
    still listed on its own), both lines quoting the article's body: taken out of the adopting
    block as the kicker, its own listing was then free to become the headline: printed twice."""
    _parses_keeping_every_character("\n城东新建跨河大桥\n\n城东新建跨河大桥\n本报2\n城东新建跨河大\n桥，方便居民出\n")


def test_a_bom_inside_the_text_is_a_character_printed():
    """invariant.input_chars dropped every U+FEFF, the reader only a leading one: a dump run on
    into another (its BOM mid-text) printed one character more than the input held."""
    assert input_chars("\ufeff甲\ufeff乙") == input_chars("甲\ufeff乙") != input_chars("甲乙")
    _parses_keeping_every_character("\ufeff城东新建跨河大桥\n\n\ufeff本报讯 城东新建的三座桥梁已于上月底全部建成通车。\n")


def test_a_dash_subtitle_given_to_a_headless_report_is_not_overwritten():
    """headless_heads.waiting_headless: a report given a leftover dash line alone (its subtitle,
    `leftovers_over_next_openings`) still counted as headless, and a signed leftover block
    (`signed_leftovers_over_headless_reports`) then set its tiers over it: the dash line was
    claimed and printed nowhere."""
    _parses_keeping_every_character("城东游、古镇游、休\n本报记者王明\n\n月气\n条航线、0多家\n——平平安安过新年\n来。")


def test_strip_ws_removes_a_line_separator_inside_the_text():
    """rules.chars.strip_ws took a text holding no space, tab or U+3000 and not stripped at its
    ends for one holding no white space: a U+2028 (or a no-break space) inside it stayed."""
    from banmian.rules.chars import strip_ws
    assert strip_ws("1\u20289") == strip_ws("1 9") == "19"
    assert strip_ws("甲\xa0乙") == "甲乙" and strip_ws("甲乙") == "甲乙"


def test_a_merged_head_line_holding_a_line_separator_is_kept():
    """article_merges.release_unkept_heads: the head a headless report took from its merged
    piece prints `今天 1\\u20289`; the line `1\\u20289` looked missing from it (`strip_ws` above),
    went back to the leftovers and was printed twice."""
    from banmian.article_merges import RELEASED_REASON, merge_into
    from banmian.model import Article, Fragment, Page, Source
    top, under = Line(1, "今天", "今天", kind="head"), Line(2, "1\u20289", "1\u20289", kind="head")
    body1, body2 = Line(3, "城东大桥今天上午正式通车，", "城东大桥今天上午正式通车，", kind="body"), \
        Line(4, "市民步行过桥只需五分钟。", "市民步行过桥只需五分钟。", kind="body")
    page = Page(source=Source(path="t.txt", kind="text", encoding=None, sha256=""), lines=[top, under, body1, body2])
    report = Article(id="a1", paragraphs=[body1.text])
    piece = Article(id="a2", headline="今天 1\u20289", paragraphs=[body2.text])
    page.articles = [report, piece]
    page.claim_all([body1], report)
    page.claim_all([top, under, body2], piece)
    merge_into(page, report, piece, [Fragment([body1])], [Fragment([body2])], Fragment([body1]), "merge:test")
    assert report.headline == "今天 1\u20289"
    assert RELEASED_REASON not in under.reasons and page.scratch["owner"][id(under)] is report


def _merged(report_heads: dict[str, str], piece_head: str) -> tuple[Line, list[str]]:
    """A piece headed by one line (`piece_head`) merged into a report headed `report_heads`: the
    piece's head line and the reasons it records."""
    from banmian.article_merges import merge_into
    from banmian.model import Article, Fragment, Page, Source
    own = [Line(i, t, t, kind="head") for i, t in enumerate(report_heads.values(), start=1)]
    head = Line(5, piece_head, piece_head, kind="head")
    body1 = Line(4, "城东大桥今天上午正式通车，", "城东大桥今天上午正式通车，", kind="body")
    body2 = Line(6, "市民步行过桥只需五分钟。", "市民步行过桥只需五分钟。", kind="body")
    page = Page(source=Source(path="t.txt", kind="text", encoding=None, sha256=""), lines=own + [body1, head, body2])
    report = Article(id="a1", paragraphs=[body1.text], **report_heads)
    piece = Article(id="a2", headline=piece_head, paragraphs=[body2.text])
    page.articles = [report, piece]
    page.claim_all(own + [body1], report)
    page.claim_all([head, body2], piece)
    merge_into(page, report, piece, [Fragment([body1])], [Fragment([body2])], Fragment([body1]), "merge:test")
    return head, head.reasons


def test_a_merged_piece_s_head_line_read_inside_the_report_s_head_is_released():
    """article_merges.release_unkept_heads looked for the piece's head lines in the report's
    whole head: a short line (`通车`) inside the report's own headline, or the same head printed
    over both copies of a text run twice, was taken for printed and lost."""
    from banmian.article_merges import RELEASED_REASON
    for piece_head in ("通车", "城东大桥今天通车"):
        _, reasons = _merged({"kicker": "一座新桥连起两岸", "headline": "城东大桥今天通车"}, piece_head)
        assert RELEASED_REASON in reasons
    _, reasons = _merged({"headline": "城东大桥今天通车"}, "通车")  # taken as the report's kicker
    assert RELEASED_REASON not in reasons
    _, reasons = _merged({}, "通车")  # the headless report takes the piece's head
    assert RELEASED_REASON not in reasons


def test_a_merged_piece_s_byline_goes_to_the_leftovers_when_the_report_keeps_its_own():
    """article_merges.release_dropped_byline: a headless report bylined `本报记者王明` took the head
    of the piece merged into it and kept its own byline; the piece's byline line was lost."""
    _parses_keeping_every_character("的热闹事\n\n本报记者王明\n饭。\n\n随着春节的临近，城\n里人如何过年也就成为市民\n"
                                    "的热闹事。在刚过去的一年\n东乡便利的交通和较好的环\n东京记者李华\n本报讯")
    from banmian.article_merges import BYLINE_RELEASED_REASON, merge_into
    from banmian.model import Article, Fragment, Page, Source
    own, other = Line(1, "本报记者王明", "本报记者王明", kind="byline"), Line(4, "东京记者李华", "东京记者李华", kind="byline")
    body1 = Line(2, "城东大桥今天上午正式通车，", "城东大桥今天上午正式通车，", kind="body")
    body2 = Line(3, "市民步行过桥只需五分钟。", "市民步行过桥只需五分钟。", kind="body")
    page = Page(source=Source(path="t.txt", kind="text", encoding=None, sha256=""), lines=[own, body1, body2, other])
    report = Article(id="a1", byline=own.text, paragraphs=[body1.text])
    piece = Article(id="a2", byline=other.text, paragraphs=[body2.text])
    page.articles = [report, piece]
    page.claim_all([own, body1], report)
    page.claim_all([body2, other], piece)
    merge_into(page, report, piece, [Fragment([body1])], [Fragment([body2])], Fragment([body1]), "merge:test")
    assert report.byline == own.text
    assert BYLINE_RELEASED_REASON in other.reasons and id(other) not in page.scratch["owner"]
    assert BYLINE_RELEASED_REASON not in own.reasons


def test_two_head_lines_of_one_text_printed_once_are_not_both_kept():
    """article_merges._release_unprinted: a piece headed by two lines of one text (a block run
    twice) joined a report taking one of them as its kicker; both lines read as printed, one
    was lost. Each line found is read off the head."""
    from banmian.article_merges import RELEASED_REASON, merge_into
    from banmian.model import Article, Fragment, Page, Source
    own = Line(1, "城东大桥今天通车", "城东大桥今天通车", kind="head")
    first, second = (Line(no, "一座新桥连起两岸", "一座新桥连起两岸", kind="head") for no in (3, 4))
    body1 = Line(2, "城东大桥今天上午正式通车，", "城东大桥今天上午正式通车，", kind="body")
    body2 = Line(5, "市民步行过桥只需五分钟。", "市民步行过桥只需五分钟。", kind="body")
    page = Page(source=Source(path="t.txt", kind="text", encoding=None, sha256=""),
                lines=[own, body1, first, second, body2])
    report = Article(id="a1", headline=own.text, paragraphs=[body1.text])
    piece = Article(id="a2", kicker=first.text, headline=second.text, paragraphs=[body2.text])
    page.articles = [report, piece]
    page.claim_all([own, body1], report)
    page.claim_all([first, second, body2], piece)
    merge_into(page, report, piece, [Fragment([body1])], [Fragment([body2])], Fragment([body1]), "merge:test")
    assert report.kicker == second.text
    assert [RELEASED_REASON in ln.reasons for ln in (own, first, second)].count(True) == 1


def test_a_line_of_an_ellipsis_alone_over_a_byline_parses():
    """line_shape.ends_clause indexed the last character of an empty text: a body line `……`
    over a byline line, stripped of its ellipsis (`head_context.mark_heads_above_bylines`)."""
    from banmian.line_shape import ends_clause
    assert not ends_clause("")
    _parses_keeping_every_character("……\n本报记者王明\n城东新建的三座桥梁已于上月底全部建成通车。\n")


def test_a_row_part_another_block_adopted_does_not_rejoin_a_headline():
    """head_leftovers.rejoin_row_parts: a leftover row part adopted by the block next to it
    (`adopt_adjacent_leftovers` keeps it listed on its own too) joined the one-line headline
    of the article it scored best for as well: printed in both blocks."""
    from banmian.head_leftovers import ROW_PART_REJOINED_REASON, rejoin_row_parts
    held = Line(no=1, raw="城东新建跨河大桥", text="城东新建跨河大桥", kind="head")
    part = Line(no=3, raw="湖滨湿地迎来候鸟", text="湖滨湿地迎来候鸟", kind="head")
    part.because("split_head_rows:part_2_of_2")
    other = Line(no=4, raw="观鸟长廊完工", text="观鸟长廊完工", kind="head")
    blocks = [[held], [part], [part, other]]  # block 1 adopted into block 2
    pos = {id(held): 0, id(part): 2, id(other): 3}
    out = rejoin_row_parts(blocks, {0: 0, 2: 1}, {(1, 0): 0.5, (0, 0): 0.4, (2, 1): 0.4}, pos)
    assert out[0] == [held] and ROW_PART_REJOINED_REASON not in part.reasons
    free = rejoin_row_parts([[held], [part]], {0: 0}, {(1, 0): 0.5, (0, 0): 0.4}, pos)
    assert free[0] == [held, part]  # the rule itself still holds


def test_an_adopted_dash_subtitle_moves_out_of_the_block_that_adopted_it():
    """head_leftovers.dash_subtitles_to_quoted_bodies moved a dash subtitle out of its leftover
    listing first, and left it in the block that had adopted it (`adopt_adjacent_leftovers`):
    the line stood in two heads. Found reading the code beside `rejoin_row_parts` (above)."""
    from banmian.head_leftovers import dash_subtitles_to_quoted_bodies

    def head(no: int, text: str) -> Line:
        return Line(no=no, raw=text, text=text, kind="head")
    sub, top, other = head(1, "——附近居民出行时间缩短一半"), head(3, "城东新建跨河大桥"), head(5, "湖滨湿地迎来候鸟")
    bodies = ["城东新建的桥梁通车了。", "湿地公园迎来候鸟，附近居民出行时间缩短一半，游客增多。"]
    out = dash_subtitles_to_quoted_bodies([[sub], [sub, top], [other]], {1: 0, 2: 1}, bodies)
    assert out[1] == [top] and out[2] == [other, sub]


def test_surrogates_in_a_str_are_read_as_a_file_would_be():
    """parse_text hashed `text.encode("utf-8")`: a lone surrogate in a str (made with
    errors="surrogateescape", or JSON "\\ud800"; never from a file, which is decoded) raised
    UnicodeEncodeError. A lone one now reads as U+FFFD, a pair as the character it encodes, and
    the JSON is valid UTF-8."""
    import json

    from banmian.writers.json import dumps
    text = "城东新建跨河大桥\n\n本报讯 城东新建的三座\ud800桥梁已于上月底\udc80全部建成通车\ud83c\udf09。\n"
    _parses_keeping_every_character(text)
    assert input_chars(text) == input_chars(text.replace("\ud800", "\ufffd").replace("\udc80", "\ufffd")
                                            .replace("\ud83c\udf09", "\U0001f309"))
    out = "".join(dumps(page_to_dict(p)) for p in parse_text(text))
    assert json.loads(out.encode("utf-8"))["schema"] == "banmian.page/1"
    assert out.count("\ufffd") == 2 and "\U0001f309" in out


_COLUMN_LINES = ["城东新建的三座桥梁已于上月底全部建成", "湖滨湿地公园今年春天迎来第一批候鸟，", "园内新建的观鸟长廊已经完工，游客可以"]


def test_a_line_cut_into_more_parts_than_a_page_has_columns_is_no_merged_row():
    """split_columns.best_cut: a run of text cut into 40 column-wide parts made a merged block of
    40 columns, and `column_deal` tried every choice of columns for each row of 3 parts (a
    4,758-character line cut into 366 parts never ended)."""
    from banmian.stages.split_columns import MAX_MERGED_PARTS, best_cut

    assert len(best_cut(" ".join(_COLUMN_LINES), 18.0) or []) == 3
    assert best_cut(" ".join(_COLUMN_LINES * 14), 18.0) is None and 3 * 14 > MAX_MERGED_PARTS
    row = " ".join(_COLUMN_LINES)
    _parses_keeping_every_character("\n".join(["城东新建跨河大桥", ""] + _COLUMN_LINES * 12 + [row] * 6
                                              + [" ".join(_COLUMN_LINES[1:] * 20)] + [row] * 4) + "\n")


def test_a_head_line_cut_into_more_parts_than_slots_is_no_head_row():
    """split_head_rows.head_row_parts: a long head line of short CJK runs cut into 377 parts
    made 377 head blocks, and their assignment to 7 articles (`assign`, cubic in the larger
    side) took 15 s (pure Python)."""
    from banmian.stages.split_head_rows import head_row_parts

    assert head_row_parts("城东新建跨河大桥 湖滨湿地迎来候鸟") == ["城东新建跨河大桥", "湖滨湿地迎来候鸟"]
    assert head_row_parts(" ".join(["城东新区", "湖滨湿地"] * 6)) is None
    _parses_keeping_every_character("城东新建跨河大桥\n\n" + " ".join(["城东新区", "湖滨湿地"] * 60) + "\n\n"
                                    + "\n".join(_COLUMN_LINES * 3) + "\n")


def test_a_report_s_own_head_line_is_read_off_its_own_head_not_the_kicker_it_takes():
    """article_merges.release_unkept_heads: a report headed `通车` took a merged piece's head
    `城东大桥今天通车` as its kicker; its own line `通车` was read off inside that kicker
    (`城东大桥今天\\0通车`), the piece's line looked unprinted and went to the leftovers: printed
    twice (as the kicker and unassigned)."""
    from banmian.article_merges import RELEASED_REASON
    head, reasons = _merged({"headline": "通车"}, "城东大桥今天通车")
    assert RELEASED_REASON not in reasons


def test_an_assignment_with_one_long_side_is_quick_and_best():
    """assign.max_weight_pairs: 955 head blocks (a -layout row run on for 39,196 characters, cut
    into blocks) and 2 articles made a 955 x 955 matrix for a cubic algorithm: 96 s in pure
    Python. The long side keeps the best partners of the other's nodes (`best_partners`): the
    same best total, at once (600 x 2: about 8 s in pure Python before)."""
    import random
    import time

    from banmian.assign import max_weight_pairs

    def total(pairs, scores):
        return sum(scores[p] for p in pairs)
    r = random.Random(3)
    scores = {(a, b): round(r.uniform(-0.2, 1.0), 2) for a in range(600) for b in (0, 1)}
    best = max([scores[a, 0] + scores[c, 1] for a in range(600) for c in range(600) if a != c]
               + [scores[a, b] for a in range(600) for b in (0, 1)] + [0.0])
    t0 = time.process_time()
    pairs = max_weight_pairs(scores)
    assert time.process_time() - t0 < 1.0
    assert len({a for a, _ in pairs}) == len(pairs) == len({b for _, b in pairs})
    assert abs(total(pairs, scores) - best) < 1e-9
    flipped = {(b, a): s for (a, b), s in scores.items()}
    assert abs(total(max_weight_pairs(flipped), flipped) - best) < 1e-9
