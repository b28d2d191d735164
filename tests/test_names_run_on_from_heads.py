"""A line read as a byline for its names run on under a head line that runs a dictionary word or
a number into it is the head's last line (`name_lines.mark_names_run_on_from_heads`), and the
two lines are one headline, not a kicker over a short headline (`head_tiers.kicker_over_headline`).
Made-up pages: a head block, a blank line, an article (an 11 em column)."""
from __future__ import annotations

import importlib

import pytest

from banmian.language import words_after_spanning_word
from banmian.pipeline import parse_text
from columns_text import BIRDS  # noqa: E402  (pytest puts tests/ on sys.path)


def article(head: list[str]):
    return parse_text("\n".join(["", *head, "", *BIRDS]), entities=False)[0].articles[0]


WORD_RUN_ON = ["湿地公园见证城市的历", "史变迁"]
NUMBER_RUN_ON = ["湿地公园今年投资12", "万元"]
NAME = ["湿地公园迎来候鸟", "王浦安"]


def test_a_word_run_on_into_a_names_line_keeps_it_in_the_headline():
    art = article(WORD_RUN_ON)
    assert art.byline is None
    assert "".join(art.headline.split()) == "湿地公园见证城市的历史变迁"


def test_a_number_run_on_into_its_unit_keeps_one_headline():
    art = article(NUMBER_RUN_ON)
    assert art.byline is None and art.kicker is None
    assert "".join(art.headline.split()) == "湿地公园今年投资12万元"


def test_a_name_whose_surname_pairs_with_the_line_above_stays_a_byline():
    """`海王` spans the break, but `浦`, `安` are no words: a name, not the headline's words."""
    assert words_after_spanning_word("湿地公园迎来候鸟", "王浦安") in (None, ["浦", "安"])
    art = article(NAME)
    assert art.byline == "王浦安" and art.headline == "湿地公园迎来候鸟"


def test_the_words_after_the_spanning_word():
    assert words_after_spanning_word("见证城市的历", "史变迁") == ["变迁"]
    assert words_after_spanning_word("湿地公园", "迎来") is None


@pytest.mark.pure_python
def test_the_rule_off_reads_the_names_line_as_a_byline(monkeypatch):
    head_context = importlib.import_module("banmian.head_context")
    monkeypatch.setattr(head_context, "mark_names_run_on_from_heads", lambda page: None)
    assert article(WORD_RUN_ON).byline == "史变迁"
    assert article(NUMBER_RUN_ON).byline == "万元"


@pytest.mark.pure_python
def test_the_number_cue_off_splits_a_kicker(monkeypatch):
    tiers = importlib.import_module("banmian.head_tiers")
    monkeypatch.setattr(tiers, "number_runs_on", lambda a, b: False)
    # the body does not repeat the first line, which alone reads it as the headline's too
    # (`head_tiers.unrepeated_by_body`): off as well, to see the number cue's work
    monkeypatch.setattr(tiers, "unrepeated_by_body", lambda first, body: False)
    assert article(NUMBER_RUN_ON).kicker == "湿地公园今年投资12"
