"""head_block_tops.mark_tops_over_lead_in_heads: the first lines of a headline block that
measure as body (set as wide as the column) over the block's last line, which its shape gave
away, right above a lead-in, are head lines (made-up lines in a 12-em column, no blank lines)."""
from __future__ import annotations

import pytest

import banmian.head_block_tops as head_block_tops
from banmian.pipeline import parse_text

FIRST = ["新华社北京1月5日电", "（记者王明）本市今天举行了", "一次大型的冬季长跑比赛活动，",
         "共有三千多名市民参加了这次", "比赛，场面十分热闹而且欢快。", "　　比赛从早上八点开始，一直",
         "进行到中午才全部结束，参赛", "的市民都说今后还要再来参加。"]
# The headline: a line an indent short of the column (no mark), then a subtitle wider than the
# column, which its shape reads as head.
TOPS = ["南部山区冬麦喜获丰收"]
LAST = "全区农民冬季收入比去年明显增加"
SECOND = ["本报讯", "记者李华报道：今年南部山区", "农民种植的小麦面积比去年有", "了较大的增加，全区农民的冬",
          "季收入也随之明显提高，许多", "村民都盖起了新房子，日子越", "过越红火了。"]


def _page():
    return parse_text("\n".join(FIRST + TOPS + [LAST] + SECOND), entities=False)[0]


def test_full_width_lines_over_a_head_line_over_a_lead_in_open_its_headline():
    page = _page()
    kinds = {ln.text.strip(): ln.kind for ln in page.lines}
    assert [kinds[t] for t in TOPS] == ["head"]
    assert any(head_block_tops.TOP_REASON in ln.reasons for ln in page.lines)
    assert TOPS[0] in "".join(filter(None, (page.articles[-1].kicker, page.articles[-1].headline)))


@pytest.mark.pure_python
def test_without_the_rule_the_lines_stay_body(monkeypatch):
    monkeypatch.setattr(head_block_tops, "MARKS_TOPS_OVER_LEAD_IN_HEADS", False)
    page = _page()
    kinds = {ln.text.strip(): ln.kind for ln in page.lines}
    assert [kinds[t] for t in TOPS] == ["body"]
