"""Head blocks by how heads are printed (made-up headlines, openings and captions): a kicker
set off over its headline, a photo story's head over its caption, the two slots of a head row."""
from __future__ import annotations

from banmian.head_bigrams import bigram_keys
from banmian.head_row_parts import spans_two_slots
from banmian.head_units import split_by_content
from banmian.model import Line, Page, Source
from banmian.head_leftovers import SPANNING_KICKER_REASON, adopt_adjacent_leftovers, set_off_kicker
from banmian.head_places import HEAD_OVER_CAPTION_REASON, head_over_caption

OPENINGS = [
    "城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。",
    "湖滨湿地公园今年春天迎来第一批候鸟，园内新建的观鸟长廊已经完工，游客可以近距离观鸟。",
]


def _line(text: str, kind: str = "head", *reasons: str, no: int = 0) -> Line:
    return Line(no=no, raw=text, text=text, kind=kind, reasons=list(reasons))


def _blank() -> Line:
    return _line("", "blank")


def _texts(blocks: list[list[Line]]) -> list[list[str]]:
    return [[ln.text for ln in b] for b in blocks]


def _page(lines: list[Line]) -> Page:
    return Page(lines=lines, source=Source(path="<test>"))


def test_a_wide_line_set_off_over_a_headline_is_its_kicker_though_another_opening_shares_its_words():
    """The kicker's words (`跨河桥梁建成通车`) recur in the other report's opening, not in its own:
    set off by a blank line over the headline and wider than the column, it is still that
    headline's kicker."""
    kicker = _line("跨河桥梁建成通车之后市民出行更方便", "head", "head:wider_than_column")
    main = _line("湿地公园迎来候鸟")
    page = _page([kicker, _blank(), main])
    openings = [bigram_keys(o) for o in OPENINGS]
    got = adopt_adjacent_leftovers(page, [[kicker], [main]], {1: 1}, openings)
    assert _texts(got)[1] == [kicker.text, "湿地公园迎来候鸟"]
    assert SPANNING_KICKER_REASON in kicker.reasons


def test_a_wide_line_without_a_blank_line_or_a_narrow_one_stays_apart():
    """No blank line between (a raw dump) or a line no wider than the column: the other opening's
    words still keep it apart."""
    openings = [bigram_keys(o) for o in OPENINGS]
    main = _line("湿地公园迎来候鸟")
    wide = _line("跨河桥梁建成通车之后市民出行更方便", "head", "head:wider_than_column")
    got = adopt_adjacent_leftovers(_page([wide, main]), [[wide], [main]], {1: 1}, openings)
    assert _texts(got)[1] == ["湿地公园迎来候鸟"]
    narrow = _line("跨河桥梁建成通车")
    got = adopt_adjacent_leftovers(_page([narrow, _blank(), main]), [[narrow], [main]], {1: 1}, openings)
    assert _texts(got)[1] == ["湿地公园迎来候鸟"]


def test_a_part_of_a_cut_head_row_is_no_spanning_kicker():
    part = _line("跨河桥梁建成通车之后", "head", "head:wider_than_column", "split_head_rows:part_2_of_2")
    main = _line("湿地公园迎来候鸟")
    pos = {id(part): 0, id(main): 2}
    assert not set_off_kicker([part], [main], pos)


def test_a_head_over_a_caption_over_a_lead_in_is_right_before_the_report():
    head = _line("城南灯会开幕")
    caption = _line("图为市民在灯会上观灯。", "caption")
    first = _line("本报讯 记者林海报道：", "body", "body:lead_in")
    assert head_over_caption([caption, head], first, blank_above=True) is head
    assert HEAD_OVER_CAPTION_REASON in head.reasons


def test_no_head_over_a_caption_without_a_lead_in_a_blank_line_or_a_caption():
    head = _line("城南灯会开幕")
    caption = _line("图为市民在灯会上观灯。", "caption")
    lead = _line("本报讯 记者林海报道：", "body", "body:lead_in")
    rest = _line("灯会上的花灯引来众多市民。", "body", "body:full_width")
    assert head_over_caption([caption, head], rest, blank_above=True) is None
    assert head_over_caption([caption, head], lead, blank_above=False) is None
    assert head_over_caption([head], lead, blank_above=True) is None


def test_a_head_unit_never_holds_two_slots_of_one_head_row():
    """A head row cut at a gutter into a left and a right part, both lines of both slots sharing
    words with one opening: still two units, the left slot's and the right slot's."""
    opening = [bigram_keys("城东桥梁通车湖滨湿地候鸟归来。")]
    left1 = _line("城东桥梁", "head", "split_head_rows:part_1_of_2", no=7)
    left2 = _line("通车", "head", "split_head_rows:part_1_of_2", no=8)
    right1 = _line("湖滨湿地", "head", "split_head_rows:part_2_of_2", no=7)
    right2 = _line("候鸟归来", "head", "split_head_rows:part_2_of_2", no=8)
    assert spans_two_slots([left2, right1]) and not spans_two_slots([left1, left2])
    got = split_by_content([[left1, left2, right1, right2]], opening)
    assert _texts(got) == [["城东桥梁", "通车"], ["湖滨湿地", "候鸟归来"]]


def test_a_leftover_head_line_running_on_under_a_block_in_one_text_block_is_taken():
    """A pdftotext page (blank lines set text blocks apart): the headline's second line, printed
    right under its first with no blank line between, goes with it though the other report's
    opening shares its words; set off by a blank line it stays apart."""
    from banmian.head_leftovers import RUNS_ON_REASON

    openings = [bigram_keys(o) for o in OPENINGS]
    main, second = _line("湿地公园迎来候鸟"), _line("三座跨河桥梁建成")
    page = _page([_blank(), main, second, _blank()])
    got = adopt_adjacent_leftovers(page, [[main], [second]], {0: 1}, openings)
    assert _texts(got)[0] == ["湿地公园迎来候鸟", "三座跨河桥梁建成"]
    assert RUNS_ON_REASON in second.reasons
    main, second = _line("湿地公园迎来候鸟"), _line("三座跨河桥梁建成")
    page = _page([_blank(), main, _blank(), second])
    assert _texts(adopt_adjacent_leftovers(page, [[main], [second]], {0: 1}, openings))[0] == ["湿地公园迎来候鸟"]


def test_a_line_first_read_as_body_or_a_raw_dump_does_not_run_on():
    openings = [bigram_keys(o) for o in OPENINGS]
    main = _line("湿地公园迎来候鸟")
    second = _line("三座跨河桥梁建成", "head", "body:full_width", "head:against_headline")
    page = _page([_blank(), main, second, _blank()])
    assert _texts(adopt_adjacent_leftovers(page, [[main], [second]], {0: 1}, openings))[0] == ["湿地公园迎来候鸟"]
    main, second = _line("湿地公园迎来候鸟"), _line("三座跨河桥梁建成")
    page = _page([main, second])  # no blank line anywhere: a raw dump
    assert _texts(adopt_adjacent_leftovers(page, [[main], [second]], {0: 1}, openings))[0] == ["湿地公园迎来候鸟"]


def test_a_pull_quote_is_no_set_off_kicker():
    """A wide line repeating a clause of one article's body is that article's pull quote
    (`pull_quotes`), placed there: adopted over the headline under it too, it would be printed
    twice."""
    wide = _line("跨河桥梁建成通车之后市民出行更方便", "head", "head:wider_than_column")
    main = _line("湿地公园迎来候鸟")
    pos = {id(wide): 0, id(main): 2}
    assert set_off_kicker([wide], [main], pos)
    assert not set_off_kicker([wide], [main], pos, {id(wide): 0})
