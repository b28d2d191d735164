"""A headline's first line ending on a dash runs on into the line under it
(`line_shape.head_runs_on_by_dash`): no headline block ends on it, in the tail of headlines a
dump without blank lines prints after the bodies (`tail_blocks.opens_block`) nor in a run of
headlines cut by their words (`head_units.split_by_content`). Made-up lines."""
from __future__ import annotations

from banmian.head_bigrams import bigram_keys
from banmian.head_units import split_by_content
from banmian.line_shape import head_runs_on_by_dash
from banmian.model import Line
from banmian.pipeline import parse_text
from banmian.tail_blocks import opens_block

from test_heads_tail import BODIES


def _head(no: int, text: str, kind: str = "head") -> Line:
    return Line(no=no, raw=text, text=text, kind=kind)


def test_a_head_line_ending_on_a_dash_runs_on_unless_it_holds_clauses():
    assert head_runs_on_by_dash(_head(1, "岁末说丰收——"))
    assert not head_runs_on_by_dash(_head(1, "编造多宗事故，假报过几回——"))  # a subtitle into the body
    assert not head_runs_on_by_dash(_head(1, "岁末说丰收——", kind="body"))
    assert not head_runs_on_by_dash(_head(1, "岁末说丰收"))


def test_the_line_under_a_dash_line_opens_no_tail_block():
    tail = [_head(1, "四百多场音乐会"), _head(2, "岁末说丰收——"), _head(3, "农民种植蔬菜大棚")]
    assert opens_block(tail, 1)
    assert not opens_block(tail, 2)


def test_a_run_of_headlines_is_not_cut_after_a_dash_line():
    # the dash line's words recur in the first article's opening: by words alone it would close
    # the first headline block
    run = [_head(1, "音乐厅上演"), _head(2, "四百多场音乐会"), _head(3, "学生半价购票——"),
           _head(4, "农民种植蔬菜大棚"), _head(5, "冬天黄瓜卖得好")]
    openings = [bigram_keys("市音乐厅去年上演音乐会共四百多场，学生可以半价购票入场"),
                bigram_keys("郊区的农民今年种植的蔬菜大棚比去年多，冬天黄瓜卖得好")]
    units = split_by_content([run], openings)
    assert [[ln.text for ln in u] for u in units] == [["音乐厅上演", "四百多场音乐会"],
                                                       ["学生半价购票——", "农民种植蔬菜大棚", "冬天黄瓜卖得好"]]


def test_a_tail_headline_broken_at_its_dash_heads_one_article():
    heads = ["音乐厅上演", "四百多场音乐会", "岁末说丰收——", "农民种植蔬菜大棚", "春运期间铁路", "加开旅客列车"]
    page = parse_text("\n".join(BODIES + heads), entities=False)[0]
    assert [a.paragraphs[0][:4] for a in page.articles] == ["市音乐厅", "郊区的农", "铁路部门"]
    assert [a.headline for a in page.articles][:2] == ["音乐厅上演 四百多场音乐会", "岁末说丰收—— 农民种植蔬菜大棚"]
