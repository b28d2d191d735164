"""head_units.without_one_article_cuts: two units of a head run whose words both recur most in
one article's opening are that article's head, not two (made-up headlines and openings)."""
from __future__ import annotations

import importlib

import pytest

from banmian.head_bigrams import bigram_keys
from banmian.head_units import ONE_ARTICLE_REASON, best_opening, split_by_content
from banmian.model import Line

OPENINGS = ["城东新建的三座跨河桥梁已于上月底全部建成通车，附近居民到市中心的出行时间缩短了一半。",
            "湖滨湿地公园今年春天迎来第一批候鸟，园内新建的观鸟长廊已经完工，游客可以近距离观鸟。"]
KICKER_OVER_HEADLINE = ["湖滨湿地公园今年春天迎来第一批候鸟", "湿地公园迎来", "第一批候鸟"]
TWO_ARTICLES = ["城东新建的三座桥梁全部建成通车", "湿地公园迎来", "第一批候鸟"]


def _run(texts: list[str]) -> list[Line]:
    return [Line(no=i, raw=t, text=t, kind="head", reasons=[]) for i, t in enumerate(texts, 1)]


def _split(texts: list[str], blank_before: int | None = None) -> list[list[str]]:
    lines = _run(texts)
    after_blank = frozenset({id(lines[blank_before])}) if blank_before is not None else frozenset()
    openings = [bigram_keys(o) for o in OPENINGS]
    return [[ln.text for ln in unit] for unit in split_by_content([lines], openings, after_blank)]


def test_a_kicker_quoting_its_opening_stays_over_its_headline():
    assert _split(KICKER_OVER_HEADLINE) == [KICKER_OVER_HEADLINE]


def test_two_articles_heads_are_still_cut():
    assert _split(TWO_ARTICLES) == [TWO_ARTICLES[:1], TWO_ARTICLES[1:]]


def test_a_blank_line_keeps_its_cut():
    assert _split(KICKER_OVER_HEADLINE, blank_before=1) == [KICKER_OVER_HEADLINE[:1], KICKER_OVER_HEADLINE[1:]]


def test_the_best_opening_is_one_or_none():
    openings = [bigram_keys(o) for o in OPENINGS]
    assert best_opening(_run(["湿地公园迎来"]), openings) == 1
    assert best_opening(_run(["年货"]), openings) == -1  # no shared bigram
    assert best_opening(_run(["新建"]), openings) == -1  # a tie: both openings hold it


def test_the_join_is_recorded():
    lines = _run(KICKER_OVER_HEADLINE)
    split_by_content([lines], [bigram_keys(o) for o in OPENINGS])
    assert ONE_ARTICLE_REASON in lines[1].reasons


@pytest.mark.pure_python
def test_the_rule_off_cuts_the_kicker_off(monkeypatch):
    head_units = importlib.import_module("banmian.head_units")
    monkeypatch.setattr(head_units, "ONE_ARTICLE_UNITS_JOIN", False)
    assert _split(KICKER_OVER_HEADLINE) == [KICKER_OVER_HEADLINE[:1], KICKER_OVER_HEADLINE[1:]]
