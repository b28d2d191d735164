"""column_deal: the cues that deal a merged block's lines to its columns. Each fixture is made
up (11 em columns) and is dealt wrongly with its cue turned off."""
from __future__ import annotations

import pytest

import banmian.column_deal as CD
from banmian.column_deal import deal_to_columns
from banmian.model import Line
from banmian.rules.chars import text_em

WIDTH = 11.0
# full lines in the middle of a paragraph; no dictionary word joins any two of them
FULL = ["城东新建的三座桥梁已于", "上月底全部通车，附近居", "沿线还种下了一排排的树", "每到傍晚都有许多人散步",
        "附近的商店也比往常热闹", "不少家庭会带着孩子出门"]


def line(text: str) -> Line:
    return Line(no=1, raw=text, text=text, width=text_em(text))


def deal(rows: list[list[str]], k: int) -> list[tuple[int, ...]]:
    return deal_to_columns([[line(t) for t in r] for r in rows], k, WIDTH)


@pytest.mark.pure_python
def test_a_word_made_up_by_the_hmm_does_not_join_a_line_to_a_column(monkeypatch):
    # jieba's HMM makes `湖岁` of the left column's last character and the lone line's first;
    # the right column's full line in mid-sentence is what the lone line reads on from
    rows = [["昨天下午他去了湖", FULL[0]], ["岁的孩子们都在河边玩耍"]]
    assert deal(rows, 2)[1] == (1,)
    monkeypatch.setattr(CD, "DICTIONARY_WORDS_ONLY", False)
    assert deal(rows, 2)[1] == (0,)


@pytest.mark.pure_python
def test_a_lone_line_goes_to_the_column_that_keeps_its_row_step(monkeypatch):
    # the right column shows in every row (its lone lines pinned by a word across the join),
    # the left one every other row; the neutral lone line keeps the right column's step
    rows = [["居民们都说这是一件大好", "新的学校是中华人民共"], ["和国成立以来本地最大的"],
            [FULL[0], "一所学校，设有图书馆和"], ["体育馆，明年开始招收新"], [FULL[1], FULL[2]], [FULL[3]]]
    assert deal(rows, 2)[5] == (1,)
    monkeypatch.setattr(CD, "RHYTHM_BONUS", 0.0)
    assert deal(rows, 2)[5] == (0,)  # a tie: the leftmost column


@pytest.mark.pure_python
def test_a_column_paused_for_many_rows_does_not_take_a_line_on_layout_alone(monkeypatch):
    # the left column ended a paragraph five rows up; the right one goes on row after row
    # (pinned by words); an indented line would follow a paragraph's end by layout alone
    rows = [["桥梁通车了。", "新的学校是中华人民共"], ["和国成立以来本地最大的"], ["一所学校，设有图书馆和"],
            ["体育馆，明年开始招收新"], ["生，学校的老师大多是年"], ["　　市里还计划明年"]]
    assert deal(rows, 2)[5] == (1,)
    monkeypatch.setattr(CD, "FAR_PENALTY", 0.0)
    assert deal(rows, 2)[5] == (0,)


@pytest.mark.pure_python
def test_a_photo_credit_alone_does_not_break_its_column(monkeypatch):
    # a credit line printed alone between two lines of the right column (pinned to it by a
    # word across the join): unscored, it does not become that column's latest line, and the
    # right column reads on from its text past it; scored, it is dealt into the text
    rows = [["居民们都说这是一件大好", "新的学校是中华人民共"], ["和国成立以来本地最大的"], ["记者 王明摄"], [FULL[0]], [FULL[1]]]
    assert deal(rows, 2) == [(0, 1), (1,), (0,), (1,), (1,)]
    monkeypatch.setattr(CD, "is_aside", lambda text: False)
    assert deal(rows, 2) == [(0, 1), (1,), (1,), (1,), (1,)]
