"""tail_lead_ins: on a page printing every headline after all its bodies, a lead-in the tail's
alignment passed over (no block heads it) opens no article unless the start model is sure of
it: a report of two dispatches under one headline stays one article (made-up text in a dump
without blank lines)."""
from __future__ import annotations

import importlib

import pytest

from banmian.model import Fragment, Line, Page, Source
from banmian.pipeline import parse_text
from banmian.tail_lead_ins import PASSED_LEAD_IN_THRESHOLD, PASSED_REASON, doubted_lead_in, mark_passed_lead_ins
from columns_text import column_lines, flush_lines  # noqa: E402  (pytest puts tests/ on sys.path)


def _indented(text: str) -> list[str]:
    return column_lines(text, width=11, indent=2)


SECOND_DISPATCH = "本报南京1月6日电 记者王林报道：苏北各县上万名农民冒着严寒修河堤、挖水渠，新修的水库塘坝提前开工。"
BODIES = [
    *_indented("铁路部门今天宣布，春运期间将加开三百多趟旅客列车，方便旅客回家过年。"),
    *_indented("铁道部的负责人说，今年春运客流预计比去年增加一成，各地车站都做好了准备。"),
    *flush_lines("新华社南京1月5日电 江苏省今天召开全省水利工作会议，部署今年冬春农田水利建设任务。"),
    *_indented("会议提出，今年全省要新修水库塘坝五百多座，加固河堤一千多公里，改善灌溉面积三百万亩。"),
    *_indented("省里的负责人说，农田水利是农业的命脉，各地要早动手、早安排，确保工程质量。"),
    *flush_lines(SECOND_DISPATCH),
    *_indented("技术员说，今年的河堤加固工程质量比往年好，灌溉面积将有较大增加。"),
]
# two headlines for two articles: the second dispatch has none of its own
HEADS = ["春运期间铁路", "加开旅客列车", "江苏召开全省", "水利工作会议"]


def _page():
    return parse_text("\n".join(BODIES + HEADS) + "\n", entities=False)[0]


def test_a_dispatch_no_tail_block_heads_goes_on_the_article_before():
    page = _page()
    arts = page.articles
    assert [a.headline for a in arts] == ["春运期间铁路 加开旅客列车", "江苏召开全省 水利工作会议"]
    assert any(p.startswith("本报南京1月6日电") for p in arts[1].paragraphs)
    assert arts[1].paragraphs[-1].startswith("技术员说")
    assert [ln.text[:4] for ln in page.lines if PASSED_REASON in ln.reasons] == ["本报南京"]


@pytest.mark.pure_python
def test_the_rule_off_opens_an_unheaded_article_at_the_dispatch(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(importlib.import_module("banmian.stages.heads_tail"), "PASSED_LEAD_INS", False)
    page = _page()
    assert len(page.articles) == 3 and page.articles[2].headline is None
    assert page.articles[2].paragraphs[0].startswith("苏北各县")
    assert not any(PASSED_REASON in ln.reasons for ln in page.lines)


def test_only_a_marked_lead_in_under_the_threshold_is_doubted():
    first = Line(1, SECOND_DISPATCH[:11], SECOND_DISPATCH[:11])
    other = Line(2, "新华社北京1月5日电 铁路", "新华社北京1月5日电 铁路")
    page = Page(source=Source(path="<test>"), lines=[first, other])
    frag, unmarked = Fragment([first]), Fragment([other])
    mark_passed_lead_ins(page, [first])
    assert doubted_lead_in(page, frag, PASSED_LEAD_IN_THRESHOLD - 0.3)
    assert not doubted_lead_in(page, frag, PASSED_LEAD_IN_THRESHOLD + 0.3)  # the start model is sure enough
    assert not doubted_lead_in(page, unmarked, -1.0)


def test_only_a_fragment_as_short_as_a_dispatch_is_an_item():
    from banmian.tail_lead_ins import MAX_ITEM_CHARS, short_item

    line = "农民冒着严寒修河堤挖水渠"
    n = MAX_ITEM_CHARS // len(line)
    assert short_item(Fragment([Line(k, line, line) for k in range(n)]))
    assert not short_item(Fragment([Line(k, line, line) for k in range(n + 1)]))


@pytest.mark.parametrize("travel", ["pickle", "deepcopy"])
def test_the_marks_survive_a_page_moved_between_heads_tail_and_reassemble(travel: str):
    """heads_tail marks the passed lead-ins by line identity for reassemble; a page pickled to
    another process (or deep-copied) between the two stages keeps them (`model.Page.__getstate__`)."""
    import copy
    import pickle

    from banmian.pipeline import page_from_lines, run_stages
    from banmian.stages import STAGES
    from banmian.tail_lead_ins import PASSED_KEY
    from banmian.writers.json import page_to_dict

    lines = ("\n".join(BODIES + HEADS) + "\n").split("\n")
    cut = [s.__name__ for s in STAGES].index("heads_tail") + 1
    expected = page_to_dict(run_stages(page_from_lines(lines, Source(path="<test>")), STAGES))
    moved = run_stages(page_from_lines(lines, Source(path="<test>")), STAGES[:cut])
    moved = pickle.loads(pickle.dumps(moved)) if travel == "pickle" else copy.deepcopy(moved)
    assert {moved.lines[i].text[:4] for i, ln in enumerate(moved.lines) if id(ln) in moved.scratch[PASSED_KEY]} == {"本报南京"}
    assert page_to_dict(run_stages(moved, STAGES[cut:])) == expected
