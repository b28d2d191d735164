"""head_breaks: a head run is not cut between two lines of one headline broken inside a word or a
quotation; a body line closing a mark a head line left open is read on from it (made-up
headlines and openings)."""
from __future__ import annotations

from banmian.head_breaks import closes_open_mark, word_runs_across
from banmian.head_context import mark_word_split_pairs
from banmian.head_bigrams import bigram_keys
from banmian.head_units import split_by_content
from banmian.model import Line, Page, Source

# The first half of the headline recurs in one report's opening, the second half in the other's.
OPENINGS = [
    "城东三座跨河桥上月底封闭检修，附近居民改走西侧便道，出行时间比平时多了一倍。",
    "城西梁建成通车仪式昨天举行，这条新路连通了开发区和火车站，市民出行方便多了。",
]


def _line(no: int, text: str, kind: str = "head") -> Line:
    return Line(no=no, raw=text, text=text, kind=kind, reasons=[])


def _texts(blocks: list[list[Line]]) -> list[list[str]]:
    return [[ln.text for ln in b] for b in blocks]


def test_a_headline_broken_inside_a_word_is_not_cut_where_its_halves_recur_in_two_openings():
    """`城东三座跨河桥` / `梁建成通车`: the word `桥梁` runs across the break, so the two lines are
    one headline, however their words split between the openings."""
    top, under = _line(1, "城东三座跨河桥"), _line(2, "梁建成通车")
    assert word_runs_across(top, under, frozenset())
    openings = [bigram_keys(o) for o in OPENINGS]
    assert _texts(split_by_content([[top, under]], openings)) == [["城东三座跨河桥", "梁建成通车"]]


def test_a_blank_line_between_or_a_word_ending_at_the_break_leaves_the_cut_to_the_words():
    """A blank line between the two lines, or no word across the break: two articles' heads may
    meet there, the words decide."""
    top, under = _line(1, "城东三座跨河桥"), _line(3, "梁建成通车")
    assert not word_runs_across(top, under, frozenset({id(under)}))
    assert not word_runs_across(_line(1, "城东跨河大桥封闭"), _line(2, "城西新路通车"), frozenset())


def test_a_line_closing_a_mark_the_line_above_left_open_runs_on():
    """`话说“春` / `”又一年`: the quotation opened above closes below."""
    assert closes_open_mark("话说“春风", "”又一年")
    assert word_runs_across(_line(1, "话说“春风"), _line(2, "”又一年"), frozenset())
    assert not closes_open_mark("话说“春风”", "又一年")
    assert not closes_open_mark("话说春风", "”又一年")


def test_a_body_line_closing_a_head_lines_open_quotation_is_a_head_line():
    """pdftotext dumps (blank lines part blocks): `话说“春风` (head) over `”又一年` (read as body,
    opening mid-sentence) are one headline; a body line ending a clause is left alone."""
    blank = [_line(90 + k, "", "blank") for k in range(3)]
    head, rest = _line(1, "话说“春风"), _line(2, "”又一年", "body")
    body = _line(3, "城东三座跨河桥上月底封闭检修，附近居民改走便道。", "body")
    page = Page(lines=[blank[0], head, rest, body, blank[1], _line(4, "正文接着写。", "body"), blank[2]],
                source=Source(path="<test>"))
    mark_word_split_pairs(page)
    assert rest.kind == "head"
    assert "head:word_runs_on_from_head" in rest.reasons
