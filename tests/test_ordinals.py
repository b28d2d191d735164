"""Ordinal series: step N of an enumeration (首先 / 其次, 一是 / 二是…) follows step N-1."""
from __future__ import annotations

import importlib

import pytest

from banmian.model import Fragment, Line
from banmian.pipeline import parse_text
from test_reassemble import FOOTBALL, WEATHER, column_lines

ordinals = importlib.import_module("banmian.ordinals")
# the module, not the stage function of the same name that banmian.stages exports
reassemble_module = importlib.import_module("banmian.stages.reassemble")
fragment_cuts = importlib.import_module("banmian.fragment_cuts")

# An article whose middle block (首先) pdftotext prints after the block that goes on from it (其次).
SORTING_OPENING = "垃圾分类工作开展一年来，全市居民的参与率明显提高，街道社区的分类设施也逐步完善。"
SORTING_FIRST = "垃圾分类的好处是多方面的。首先，它减少了填埋的垃圾总量，延长了填埋场的使用年限。"
SORTING_SECOND = ("其次，分出的厨余垃圾可以制成有机肥料，用于城郊的蔬菜基地。再次，可回收物进入再生资源"
                  "市场，带动了回收行业的发展。")

# A notice in three numbered blocks; another article's column stands before the third.
NOTICE_ONE = "春节临近，市纪委向各单位发出通知，提出几点要求。一是不得用公款购买年货，不得突击花钱。"
NOTICE_TWO = "二是不得借节日之机收受礼金，各单位要严格执行有关规定。"
NOTICE_THREE = "三是节日期间要安排好值班，确保各项工作正常运转。"


def _fragment(texts: list[str], start: str, end: str, order: int) -> Fragment:
    return Fragment(lines=[Line(no=order, raw=t, text=t) for t in texts], start=start, end=end, order=order)


def _steps(text: str) -> list[tuple[str, int]]:
    return [(m.series, m.step) for m in ordinals.ordinal_marks(text)]


def test_step_marks_of_each_series():
    assert _steps("首先，要讲清道理。其次，要做出样子。再次，要常抓不懈。") == [
        ("shouxian", 1), ("shouxian", 2), ("shouxian", 3)]
    assert _steps("它首先符合实际。") == [("shouxian", 1)]  # 首先 anywhere: it only opens a series
    assert _steps("要求有三：一是守规矩；二是讲效率；三是重服务。") == [("yishi", 1), ("yishi", 2), ("yishi", 3)]
    assert _steps("第一，统一思想；第二，落实责任。") == [("diyi", 1), ("diyi", 2)]
    assert _steps("（一）总体要求（二）主要任务") == [("paren", 1), ("paren", 2)]
    assert _steps("其一，成本低；其二，见效快。") == [("qiyi", 1), ("qiyi", 2)]
    # not steps: inside a word, or a count
    assert _steps("标准统一是前提，第一次会议在唯一、专门的场地举行。") == []


def test_a_later_step_opening_a_text_points_back():
    assert ordinals.opens_later_step("二是加强监督。")
    assert ordinals.opens_later_step("第三，完善制度。")
    assert not ordinals.opens_later_step("一是加强监督。")  # a series may start anywhere
    assert not ordinals.opens_later_step("统一是前提。")
    assert fragment_cuts.refers_back("二是加强监督。")


def test_the_ordinal_term_rewards_the_thread_whose_last_step_leads_up():
    one_two = _fragment(["要求如下。一是守规矩；二是讲效", "率。"], "indent", "closed", 0)
    other = _fragment(["球队在下半场体能下降。"], "indent", "closed", 1)
    restart = _fragment(["一是守规矩；二是讲效率；三是重", "服务。"], "indent", "closed", 2)
    third = _fragment(["三是重服务，各单位要抓好落实。"], "open", "closed", 3)
    turns = ordinals.OrdinalTurns(["".join(ln.text for ln in f.lines) for f in (one_two, other, restart, third)])
    assert turns.term((0,), 3) == ordinals.ORDINAL_FOLLOWS > 0.0
    assert turns.term((1,), 3) == 0.0
    assert turns.term((0, 2), 3) == 0.0  # the thread's last step is 3: no step 3 after it
    assert turns.term((0,), 1) == 0.0  # a fragment with no step mark


def _notice_page() -> str:
    return "\n".join(["节前廉政提醒", "", *column_lines(NOTICE_ONE), "", *column_lines(NOTICE_TWO), "",
                      "主队主场力克客队", "", *column_lines(FOOTBALL), "", *column_lines(NOTICE_THREE), ""]) + "\n"


def _bodies(text: str) -> dict[str | None, list[str]]:
    return {a.headline: a.paragraphs for a in parse_text(text, entities=False)[0].articles}


@pytest.mark.pure_python
def test_the_next_step_goes_on_the_article_holding_the_step_before(monkeypatch):
    """The third block stands right after the football report, which it shares no more words
    with than with the notice: its `三是` takes it to the notice, whose last step is `二是`."""
    bodies = _bodies(_notice_page())
    assert bodies["节前廉政提醒"] == [NOTICE_ONE, NOTICE_TWO, NOTICE_THREE]
    assert bodies["主队主场力克客队"] == [FOOTBALL]
    monkeypatch.setattr(ordinals, "ORDINAL_FOLLOWS", 0.0)
    assert _bodies(_notice_page())["节前廉政提醒"] == [NOTICE_ONE, NOTICE_TWO]


@pytest.mark.pure_python
def test_a_block_opening_with_a_later_step_opens_no_article(monkeypatch):
    """Without the ordinal cue the third block still goes on some article (here the one just
    before it); with `二是`/`三是` not pointing back it opened one of its own."""
    monkeypatch.setattr(ordinals, "ORDINAL_FOLLOWS", 0.0)
    bodies = _bodies(_notice_page())
    assert not any(ps and ps[0].startswith("三是") for ps in bodies.values())
    monkeypatch.setattr(fragment_cuts, "opens_later_step", lambda text: False)
    # `adjacent_splits` would join it too (a headless paragraph right under a headed article)
    monkeypatch.setattr(importlib.import_module("banmian.stages.headlines"), "merge_adjacent_splits", lambda page: None)
    bodies = _bodies(_notice_page())
    assert any(ps and ps[0].startswith("三是") for ps in bodies.values())


def _sorting_page() -> str:
    """The `其次` block printed before the `首先` one, as pdftotext reads a column's blocks out of order."""
    return "\n".join(["垃圾分类见成效", "", *column_lines(SORTING_OPENING), "", *column_lines(SORTING_SECOND, indent=0),
                      "", *column_lines(SORTING_FIRST), "", "未来三天晴到多云", "", *column_lines(WEATHER)]) + "\n"


@pytest.mark.pure_python
def test_the_block_holding_the_step_before_is_put_back_before_the_next_step(monkeypatch):
    page = parse_text(_sorting_page(), entities=False)[0]
    sorting = next(a for a in page.articles if a.headline == "垃圾分类见成效")
    assert sorting.paragraphs == [SORTING_OPENING, SORTING_FIRST, SORTING_SECOND]
    lifted = [ln for ln in page.lines if any(r.startswith(ordinals.LIFT_REASON) for r in ln.reasons)]
    assert [ln.text for ln in lifted] == [column_lines(SORTING_FIRST)[0]]
    orders = [f.order for f in page.scratch["fragments"]]
    assert orders == list(range(len(orders)))
    monkeypatch.setattr(reassemble_module, "lift_earlier_steps", lambda frags: None)
    assert _bodies(_sorting_page())["垃圾分类见成效"] == [SORTING_OPENING, SORTING_SECOND, SORTING_FIRST]


@pytest.mark.parametrize("case", ["step_before_earlier", "not_whole", "holds_the_step_too", "too_far"])
def test_no_block_is_lifted_without_the_whole_pattern(case):
    opening = _fragment(["垃圾分类工作开展一年来。"], "indent", "closed", 0)
    second = _fragment(["其次，厨余垃圾制成肥料。"], "open", "closed", 1)
    first = _fragment(["好处是多方面的。首先，减少", "了填埋量。"], "indent", "closed", 2)
    frags = [opening, second, first]
    if case == "step_before_earlier":
        frags[0] = _fragment(["首先，居民参与率提高了。"], "indent", "closed", 0)
    elif case == "not_whole":
        frags[2] = _fragment(["好处是多方面的。首先，减少", "了填埋量。"], "open", "closed", 2)
    elif case == "holds_the_step_too":
        frags[2] = _fragment(["首先，减少填埋量；其次，省", "了土地。"], "indent", "closed", 2)
    else:
        frags[2:2] = [_fragment(["市民纷纷点赞。"], "indent", "closed", 2), _fragment(["效果明显。"], "indent", "closed", 3)]
    before = [id(f) for f in frags]
    ordinals.lift_earlier_steps(frags)
    assert [id(f) for f in frags] == before
    if case == "not_whole":  # the same fragments with a whole block: lifted
        frags[2] = first
        ordinals.lift_earlier_steps(frags)
        assert frags == [opening, first, second] and [f.order for f in frags] == [0, 1, 2]
