"""headline_tails: a short headed report cut at a column's foot whose rest, printed right after
it at the next column's top, was threaded onto another report as its tail (the other report's
words come back in it): the tail repeats the opening's headline, not the other report's, and
goes back after the opening (made-up text in a pdftotext-like dump)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text
from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)


def full_lines(text: str) -> str:
    """The text cut to end on a full line of `column_lines` (10 characters, then 12 a line)."""
    return text[:10 + 12 * ((len(text) - 10) // 12)]


HEAD = "古镇老街焕发新活力"
OPENING = full_lines("本报讯（记者林文）春节前夕，记者来到城西的青石古镇，只见老街两旁挂满了红灯笼，游客们三五"
                     "成群，有的拍照留念，有的品尝小吃，到处洋溢着节日的喜庆气氛。镇里的干部说，今年来这里过年"
                     "的外地客人比往年多了不少，镇上的几家客栈早在一个月前就订满了，不少人家还腾出空房接待客人")
REST = ("住宿。三年前，这条古镇老街还是另一番模样：房屋破旧，路面坑洼，年轻人纷纷外出打工。后来请来专家"
        "做规划，修缮了一百多间老房子，引进手工作坊和特色餐馆，老街焕发了新的活力。")
OTHER_HEAD = "危旧房屋修缮工程启动"
OTHER = full_lines("市住建局昨天宣布，今年将修缮城区一百多间危旧房屋，改造破旧路面，请来专家做规划，引进手工"
                   "作坊和特色餐馆，让年轻人不再纷纷外出打工，修缮工程预计年底前完工，所需资金由市财政和社会各方共同")


def page(rest: str = REST):
    parts = [OTHER_HEAD, "", *column_lines(OTHER), "", HEAD, "", *column_lines(OPENING), "",
             *column_lines(rest, indent=0)]
    return {a.headline: a for a in parse_text("\n".join(parts) + "\n")[0].articles}


def test_the_tail_repeating_the_openings_headline_goes_back_after_it():
    got = page()
    assert got[HEAD].paragraphs[-1].endswith(REST) and not got[OTHER_HEAD].paragraphs[-1].endswith(REST)
    assert any(r.startswith("merge:tail_named_by_headline") for r in got[HEAD].reasons)


@pytest.mark.pure_python
def test_the_rule_off_leaves_the_tail_on_the_other_report(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(importlib.import_module("banmian.stages.headlines"), "TAILS_NAMED_BY_HEADLINES", False)
    got = page()
    assert got[OTHER_HEAD].paragraphs[-1].endswith(REST) and not got[HEAD].paragraphs[-1].endswith(REST)


def test_a_tail_not_repeating_the_headline_stays_where_it_was_threaded():
    other = REST.replace("古镇", "城区").replace("老街", "街道").replace("活力", "生机")
    got = page(other)
    assert got[OTHER_HEAD].paragraphs[-1].endswith(other)
    assert not any(r.startswith("merge:tail_named_by_headline") for a in got.values() for r in a.reasons)
