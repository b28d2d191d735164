"""quoted_pieces: a piece of a report printed away from it under a pull quote (a line quoting
the piece's own words), which took the quote for its headline, goes back into the report whose
text it shares; the quote becomes the report's kicker (made-up text in a pdftotext-like dump)."""
from __future__ import annotations

import pytest

import banmian.quoted_pieces as quoted_pieces
from banmian.pipeline import parse_text
from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

RICE = ("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种"
        "覆盖率超过九成。县农业局表示，明年将继续推广水稻良种，扩大水稻机插秧面积。")
FOOTBALL = ("昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。"
            "主队主教练赛后表示，球队的防守还需加强，前锋线的配合越来越默契。")
# the report's later paragraph, printed after another article, under a line quoting it; it
# shares enough words with the report (bigram cosine 0.34) but too few for reassemble to join it
QUOTE = "收割机开进了村里的稻田"
PIECE = ("秋收时节，十几台" + QUOTE + "，乡亲们忙着晾晒新谷，今年水稻良种的亩产比去年高出一成，"
         "农技人员说，全县水稻种植面积明年还要扩大。")
# a piece sharing fewer words (cosine 0.13, under QUOTED_PIECE_MIN_COSINE)
LOOSE = ("秋收时节，十几台" + QUOTE + "，乡亲们忙着晾晒新谷，今年水稻良种的亩产比去年高出一成，"
         "村里的粮站前排起了长队。")


def page(piece: str = PIECE, quote: str = QUOTE):
    parts = ["全县水稻喜获丰收", "", *column_lines(RICE), "", "主队主场力克客队", "", *column_lines(FOOTBALL),
             "", quote, "", *column_lines(piece)]
    return parse_text("\n".join(parts) + "\n")[0].articles


@pytest.fixture
def rule_off(monkeypatch):
    monkeypatch.setattr(quoted_pieces, "QUOTED_PIECES", False)


def test_a_piece_under_a_pull_quote_goes_back_into_its_report():
    got = page()
    assert [a.headline for a in got] == ["全县水稻喜获丰收", "主队主场力克客队"]
    assert got[0].kicker == QUOTE
    assert got[0].paragraphs[-1] == PIECE
    assert any(r.startswith(quoted_pieces.QUOTED_PIECE_REASON) for r in got[0].reasons)


@pytest.mark.pure_python  # monkeypatches a compiled module's constant
def test_without_the_rule_the_quote_heads_a_report_of_its_own(rule_off):
    got = page()
    assert [a.headline for a in got] == ["全县水稻喜获丰收", "主队主场力克客队", QUOTE]


def test_a_piece_sharing_few_words_with_the_report_stays_apart():
    got = page(LOOSE)
    assert [a.headline for a in got] == ["全县水稻喜获丰收", "主队主场力克客队", QUOTE]
