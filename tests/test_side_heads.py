"""side_heads: two articles' head blocks printed side by side, their rows in turn (a headline
of each, then a subtitle or byline of each), are dealt back to two blocks (made-up pages of an
11 em column and made-up lines)."""
from __future__ import annotations

from banmian.model import Line
from banmian.pipeline import parse_text
from banmian.side_heads import DEAL_REASON, bigram_keys, deal, deal_side_by_side, stanzas
from columns_text import BIRDS  # noqa: E402  (pytest puts tests/ on sys.path)

BRIDGES = ["　　城东新建的三座跨河", "桥梁已于上月底全部通", "车，附近居民出行时间缩", "短了一半。新桥通车以后，",
           "沿线的学校和医院也因此", "受益。"]


def _articles(lines: list[str]) -> dict[str, tuple[str, str | None]]:
    """Each article's head (kicker, headline and subtitle, spaces dropped) and byline, keyed by
    its body's first four characters."""
    page = parse_text("\n".join(lines), entities=False)[0]
    return {"".join(a.paragraphs)[:4]: ("".join((a.kicker or "") + (a.headline or "") + (a.subtitle or "")).replace(" ", ""),
                                         a.byline) for a in page.articles}


def test_rows_of_two_head_blocks_printed_in_turn_are_dealt_to_their_articles():
    """Dev page 7: `军中走出的虎`, `珊瑚滩上种菜王`, `洪虎手上磨出一把血泡` / `张印东周庆新焦守云`,
    `卢永华`, then the body of the second headline's article: the first and third rows are one
    block's, the second and fourth the other's."""
    got = _articles(["城东三座跨河桥梁通车", "", "湿地公园迎来候鸟", "", "居民出行时间缩短了一半", "张国成", "",
                     "李明华", "", *BIRDS, "", *BRIDGES])
    assert got["湖滨湿地"] == ("湿地公园迎来候鸟", "李明华")
    assert got["城东新建"] == ("城东三座跨河桥梁通车居民出行时间缩短了一半", "张国成")


def _line(no: int, text: str, kind: str = "head") -> Line:
    return Line(no=no, raw=text, text=text, kind=kind, reasons=[])


def _run(texts: list[str | tuple[str, str]]) -> tuple[list[Line], dict[int, int]]:
    """Lines of a head run ("" a blank line, (text, kind) a line of that kind) and their
    positions."""
    lines = []
    for no, t in enumerate(texts, start=1):
        text, kind = t if isinstance(t, tuple) else (t, "blank" if t == "" else "head")
        lines.append(_line(no, text, kind))
    return lines, {id(ln): k for k, ln in enumerate(lines)}


OPENINGS = [bigram_keys("".join(BIRDS)), bigram_keys("".join(BRIDGES))]


def test_stanzas_are_the_groups_set_apart_by_blank_lines():
    lines, pos = _run(["湿地公园", "迎来候鸟", "", "城东桥梁通车", "", ("张国成", "byline")])
    heads = [ln for ln in lines if ln.kind != "blank"]
    assert [[ln.text for ln in s] for s in stanzas(heads, pos)] == [["湿地公园", "迎来候鸟"], ["城东桥梁通车"], ["张国成"]]


def test_a_byline_row_goes_to_the_headline_of_its_turn():
    """Dev page 31: `唱国歌与写杂文`, `温馨的贺卡`, `胡昭衡` (the first headline's), then the
    first one's body."""
    lines, pos = _run(["湿地公园迎来候鸟", "", "城东三座桥梁通车", "", ("张国成", "byline")])
    heads = [ln for ln in lines if ln.kind != "blank"]
    got = deal(stanzas(heads, pos), OPENINGS)
    assert got is not None
    assert [[ln.text for ln in b] for b in got] == [["湿地公园迎来候鸟", "张国成"], ["城东三座桥梁通车"]]


def test_one_articles_kicker_headline_and_subtitle_set_apart_are_not_dealt():
    """Rows whose words all recur in one article's opening are one block's tiers."""
    lines, pos = _run(["今年候鸟种类比去年多", "", "湿地公园迎来候鸟", "", "观鸟长廊已经完工"])
    heads = [ln for ln in lines if ln.kind != "blank"]
    assert deal(stanzas(heads, pos), OPENINGS) is None


def test_a_third_row_naming_the_wrong_turns_article_is_not_dealt():
    """The third row's words recur in the second headline's article: the rows are not in turn
    (a headline, then another headline with its subtitle)."""
    lines, pos = _run(["湿地公园迎来候鸟", "", "城东三座桥梁通车", "", "居民出行时间缩短了一半"])
    heads = [ln for ln in lines if ln.kind != "blank"]
    assert deal(stanzas(heads, pos), OPENINGS) is None


def test_a_first_row_naming_nothing_much_longer_than_the_second_is_a_kicker():
    lines, pos = _run(["春风吹过城市的每一个角落带来新气象", "", "湿地公园迎来候鸟", "", "居民出行时间缩短了一半"])
    heads = [ln for ln in lines if ln.kind != "blank"]
    assert deal(stanzas(heads, pos), OPENINGS) is None


def test_deal_side_by_side_replaces_the_run_and_keeps_the_block_ending_it_last():
    lines, pos = _run(["城东三座桥梁通车", "", "湿地公园迎来候鸟", "", "居民出行时间缩短了一半",
                       ("张国成", "byline"), "", ("李明华", "byline")])
    blocks = [[lines[0], lines[2], lines[4], lines[5]], [lines[7]]]  # head_blocks: a byline closes a block
    out, made = deal_side_by_side(blocks, pos, lines, OPENINGS)
    assert [[ln.text for ln in b] for b in out] == [["城东三座桥梁通车", "居民出行时间缩短了一半", "张国成"],
                                                    ["湿地公园迎来候鸟", "李明华"]]
    assert made == {id(b) for b in out}
    assert all(DEAL_REASON in ln.reasons for b in out for ln in b)


def test_a_byline_row_after_two_headlines_goes_to_the_first_whatever_body_follows():
    """Dev page 4: `警惕，又到` / `公款送礼时`, `过好『` / `廉政节』`, `田有社`, then the body of
    `过好『廉政节』`: the name is the first headline's, printed on its row after both."""
    got = _articles([*BIRDS, "", "湿地公园迎来候鸟", "", "城东三座桥梁通车", "", "张国成", "", *BRIDGES])
    assert got["湖滨湿地"] == ("湿地公园迎来候鸟", "张国成")
    assert got["城东新建"] == ("城东三座桥梁通车", None)
