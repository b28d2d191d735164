"""A head block printed right over a piece that opens mid-paragraph (a full line, no indent,
`head_bids.mid_paragraph_pieces`) or over a scrap of text (a line or two, `head_bids.scrap_pieces`),
sharing none of its words, is not that piece's by place alone: made-up reports in a
pdftotext-like dump (blank lines between text blocks)."""
from __future__ import annotations

import sys

import pytest

from banmian.head_bids import MID_PARAGRAPH_REASON, SCRAP_MAX_CHARS, SCRAP_REASON, mid_paragraph_pieces, scrap_pieces
from banmian.model import Article, Fragment, Line
from banmian.pipeline import parse_text

WIDTH = 24  # characters a full line holds


def _para(text: str, indent: bool = True) -> list[str]:
    text = ("　　" if indent else "") + text
    return [text[k:k + WIDTH] for k in range(0, len(text), WIDTH)]


def _dump(piece: list[str]) -> str:
    """A headline, then `piece`, then a headed report, then a report the headline belongs to: it
    shares a few of the headline's words, the piece none."""
    return "\n".join(
        ["湿地候鸟观赏季节到来", ""]
        + piece
        + ["", "城东三座跨河大桥建成通车", ""]
        + _para("本报讯 记者李明报道：城东新建的三座跨河桥梁已于上月底全部建成通车，"
                "附近居民到市中心的出行时间缩短了一半。")
        + _para("桥梁全长二千四百米，双向六车道，设计时速六十公里，两侧各有人行道和自行车道，"
                "大桥采用了新型抗震结构，可抵御八级地震。")
        + [""]
        + _para("本报讯 记者王芳报道：湖滨湿地公园今年春天迎来第一批候鸟，"
                "白鹭、野鸭等二十余种水禽在园中栖息觅食。")
        + _para("公园管理处介绍，近年来水质逐年改善，园内新建的长廊已经完工，"
                "游客可以近距离看到它们，今年已观测到三千多只。")
        + [""])


# A piece cut off mid-paragraph from a photo caption printed elsewhere (its first line runs full width).
DUMP = _dump(_para("物馆展出的三百多件青铜器和陶瓷中，有一半是首次公开亮相，"
                   "其中十余件来自城西的古墓群。（张华摄）", indent=False))
# A scrap split off another report: one short paragraph.
SCRAP_DUMP = _dump(_para("展品均由市民捐赠。"))


def _heads(dump: str = DUMP) -> dict[str, str | None]:
    page = parse_text(dump)[0]
    return {"".join(a.paragraphs).strip()[:4]: a.headline for a in page.articles}


def test_a_head_over_a_mid_paragraph_piece_sharing_no_words_goes_by_its_words():
    heads = _heads()
    assert heads["湖滨湿地"] == "湿地候鸟观赏季节到来"
    assert heads["物馆展出"] is None
    assert heads["城东新建"] == "城东三座跨河大桥建成通车"
    piece = next(a for a in parse_text(DUMP)[0].articles if "".join(a.paragraphs).startswith("物馆"))
    assert MID_PARAGRAPH_REASON in piece.reasons


@pytest.mark.pure_python
def test_without_the_rule_the_piece_takes_the_head_by_place(monkeypatch):
    module = sys.modules["banmian.stages.headlines"]
    monkeypatch.setattr(module, "PLACE_NEEDS_PARAGRAPH_START", False)
    heads = _heads()
    assert heads["物馆展出"] == "湿地候鸟观赏季节到来"
    assert heads["湖滨湿地"] is None


def test_only_pieces_opening_on_a_full_line_count():
    line = Line(no=1, raw="文字", text="文字", kind="body")
    groups = [[Fragment(lines=[line], start="open")], [Fragment(lines=[line], start="indent")],
              [Fragment(lines=[line], start="short")], []]
    assert mid_paragraph_pieces(groups) == {0}


def test_a_head_over_a_scrap_sharing_no_words_goes_by_its_words():
    heads = _heads(SCRAP_DUMP)
    assert heads["湖滨湿地"] == "湿地候鸟观赏季节到来"
    assert heads["展品均由"] is None
    assert heads["城东新建"] == "城东三座跨河大桥建成通车"
    scrap = next(a for a in parse_text(SCRAP_DUMP)[0].articles if "".join(a.paragraphs).strip().startswith("展品"))
    assert SCRAP_REASON in scrap.reasons


@pytest.mark.pure_python
def test_without_the_rule_the_scrap_takes_the_head_by_place(monkeypatch):
    module = sys.modules["banmian.stages.headlines"]
    monkeypatch.setattr(module, "PLACE_NEEDS_MORE_THAN_SCRAP", False)
    heads = _heads(SCRAP_DUMP)
    assert heads["展品均由"] == "湿地候鸟观赏季节到来"
    assert heads["湖滨湿地"] is None


def test_only_articles_of_a_line_or_two_are_scraps():
    short, long_ = Article(paragraphs=["　　展品均由市民捐赠。"]), Article(paragraphs=["字" * (SCRAP_MAX_CHARS + 1)])
    assert scrap_pieces([short, long_, Article()]) == {0, 2}
