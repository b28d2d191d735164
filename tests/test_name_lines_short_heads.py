"""name_lines: a name-like short line under a long kicker line is a headline's first line, not a
pen name, when the head line under it is as short and a byline stands right under that (a
headline in large type broken into two short lines; made-up lines, a dump without blank lines,
an 11 em column)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text
from columns_text import BIRDS  # noqa: E402  (pytest puts tests/ on sys.path)

BRIDGES = ["　　城东新建的三座跨河", "桥梁已于上月底全部通", "车，附近居民出行时间缩", "短了一半。新桥通车以后，",
           "沿线的学校和医院也因此", "受益。"]
PAGE = [*BRIDGES, "湿地公园今年春天来了许多远方的客人", "湖畔", "迎候鸟", "本报记者张国成", *BIRDS]


def birds() -> tuple[str | None, str | None]:
    page = parse_text("\n".join(PAGE), entities=False)[0]
    art = next(a for a in page.articles if "".join(a.paragraphs).startswith("湖滨湿地"))
    return art.headline, art.byline


def test_two_short_head_lines_over_a_byline_are_one_headline():
    """Sim TRAIN raw pages 119, 133, 145: `迎新年` / `送海神` / `吴志华` under a long kicker."""
    headline, byline = birds()
    assert headline is not None and "湖畔" in headline and "迎候鸟" in headline
    assert byline == "本报记者张国成"


@pytest.mark.pure_python
def test_the_rule_off_reads_the_first_short_line_as_a_pen_name(monkeypatch):
    name_lines = importlib.import_module("banmian.name_lines")
    monkeypatch.setattr(name_lines, "_short_head_over_byline", lambda lines, k: False)
    headline, _ = birds()
    assert headline is not None and "湖畔" not in headline
