"""Reassemble: interleaved columns of two articles are threaded back by content and joins."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text

# the module, not the stage function of the same name that banmian.stages exports
reassemble_module = importlib.import_module("banmian.stages.reassemble")

RICE = ("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，"
        "水稻良种覆盖率超过九成，稻田灌溉设施全部完成改造，稻谷总产量比去年增长一成，"
        "农民种粮收入明显提高，种粮大户纷纷扩大水稻种植规模。")
FOOTBALL = ("昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，球迷在看台上齐声欢呼，"
            "主教练赛后表示球队的防守还需加强，前锋线的配合越来越默契，"
            "下一轮比赛球队将在客场迎战联赛领头羊，球员们信心十足。")


def column_lines(text: str, width: int = 12, indent: int = 2) -> list[str]:
    """Cut a paragraph into lines of a `width`-character column, the first one indented."""
    lines, first = [], width - indent
    lines.append(text[:first])
    rest = text[first:]
    while rest:
        lines.append(rest[:width])
        rest = rest[width:]
    return lines


def interleaved_page() -> str:
    """Article A's first column, B's first column, then A's and B's second columns."""
    a, b = column_lines(RICE), column_lines(FOOTBALL)
    half_a, half_b = 4, 4
    parts = ["全县水稻喜获丰收", "", *a[:half_a], "", "主队主场力克客队", "", *b[:half_b], "",
             *a[half_a:], "", *b[half_b:]]
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("width", [1, 8])
def test_interleaved_columns_are_threaded_back(monkeypatch, width):
    monkeypatch.setattr(reassemble_module, "BEAM_WIDTH", width)
    page = parse_text(interleaved_page())[0]
    bodies = ["".join(a.paragraphs) for a in page.articles]
    assert RICE in bodies and FOOTBALL in bodies, bodies
    heads = {a.headline for a in page.articles}
    assert heads == {"全县水稻喜获丰收", "主队主场力克客队"}


def test_every_fragment_is_in_exactly_one_thread_in_input_order():
    page = parse_text(interleaved_page())[0]
    seen = []
    for thread in page.scratch["threads"]:
        orders = [f.order for f in thread.fragments]
        assert orders == sorted(orders)
        seen.extend(orders)
    assert sorted(seen) == list(range(len(page.scratch["fragments"])))
