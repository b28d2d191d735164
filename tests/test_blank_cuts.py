"""head_units._split_points: a run of head lines is cut at a blank line where the words tie
(made-up headlines and openings)."""
from __future__ import annotations

from banmian.model import Line
from banmian.head_bigrams import bigram_keys
from banmian.head_units import split_by_content

OPENINGS = ["城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。",
            "湖滨湿地公园今年春天迎来第一批候鸟，园内新建的观鸟长廊已经完工，游客可以近距离观鸟。"]


def _line(no: int, text: str, kind: str = "head", *reasons: str) -> Line:
    return Line(no=no, raw=text, text=text, kind=kind, reasons=list(reasons))


def _texts(blocks: list[list[Line]]) -> list[list[str]]:
    return [[ln.text for ln in b] for b in blocks]


def test_a_run_is_cut_at_a_blank_line_where_the_words_tie():
    """Dev page 15: `挂起红灯迎新年`, blank, `李鹏在北` / `京考察企业`, both sides' words in one
    opening: the words tie, the blank line cuts. Not under a line wider than the column (a kicker
    or pull quote over its headline, page 25), nor where no blank line stands."""
    openings = [bigram_keys(o) for o in OPENINGS]
    top, main = _line(1, "城东新建"), _line(3, "桥梁建成通车")  # 3 and 4 bigrams of the bridges' opening
    assert _texts(split_by_content([[top, main]], openings, frozenset({id(main)}))) == [["城东新建"], ["桥梁建成通车"]]
    assert "headline:unit_set_off_by_blank_line" in main.reasons
    assert _texts(split_by_content([[top, main]], openings)) == [["城东新建", "桥梁建成通车"]]
    wide = _line(1, "城东新建", "head", "head:wider_than_column")
    assert _texts(split_by_content([[wide, main]], openings, frozenset({id(main)}))) == [["城东新建", "桥梁建成通车"]]



def test_a_line_no_opening_repeats_is_not_cut_off_at_a_blank_line():
    """Dev page 32: `总理李鹏`, blank, `1998年1月7日`: nothing ties the date to an article."""
    openings = [bigram_keys(o) for o in OPENINGS]
    top, date = _line(1, "城东新建"), _line(3, "1998年1月7日")
    assert _texts(split_by_content([[top, date]], openings, frozenset({id(date)}))) == [["城东新建", "1998年1月7日"]]
