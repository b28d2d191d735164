"""bench/line_roles.py: locating a dump line's text among the fields of an invented mini gold."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.line_roles import AMBIGUOUS, UNLOCATED, RoledLine, gold_fields, locate, matches  # noqa: E402

MINI_GOLD = {
    "page": {"header_lines": ["2001年3月4日 星期日", "7"]},
    "articles": [
        {"kicker": "春风吹过小河边", "headline_lines": ["柳树发芽", "燕子归来"], "subtitle": "——记一个村庄的早春",
         "byline": "本报记者 林小木", "byline_position": "under_headline",
         "paragraphs": ["春风吹过小河边，柳树发芽了。村里的孩子 7点就到河边看燕子。", "第二段很短。"],
         "jump": "（下转第7版）", "continued_from": None, "source_line": None},
        {"kicker": None, "headline_lines": None, "subtitle": None, "byline": "本报讯（记者 王一）",
         "byline_position": "inline_first_paragraph", "paragraphs": ["今天下雨。"],
         "jump": None, "continued_from": "（上接第一版）", "source_line": "据《晚报》"},
    ],
    "furniture": [{"type": "caption", "text": "图为河边的柳树。", "lines": ["图为河边的", "柳树。"]},
                  {"type": "jump", "text": "（上接第一版）"}],
}


def test_each_field_gives_its_role():
    fields = gold_fields(MINI_GOLD)
    assert locate("燕子归来", fields) == "headline"
    assert locate("——记一个村庄的早春", fields) == "subtitle"
    assert locate("本报记者 林小木", fields) == "byline"
    assert locate("村里的孩子 7点就到", fields) == "body"  # a part of a paragraph, spaces dropped
    assert locate("图为河边的", fields) == "caption"
    assert locate("（下转第7版）", fields) == "jump"
    assert locate("（上接第一版）", fields) == "continued"  # the furniture jump note is not a jump
    assert locate("据《晚报》", fields) == "source"
    assert locate("2001年3月4日  星期日", fields) == "header"


def test_inline_byline_is_the_start_of_the_first_paragraph():
    assert locate("本报讯（记者 王一）今天", gold_fields(MINI_GOLD)) == "body"


def test_exact_field_wins_over_a_body_that_repeats_it():
    fields = gold_fields(MINI_GOLD)
    assert locate("春风吹过小河边", fields) == "kicker"  # equal to the kicker, inside paragraph 1
    assert locate("春风吹过", fields) == AMBIGUOUS  # part of both: left out
    assert locate("7", fields) == "header"  # equal to a header line, also in the body text
    assert locate("不在这一版上", fields) == UNLOCATED
    assert locate("  ", fields) == UNLOCATED


def test_head_stands_for_any_tier_in_show():
    line = RoledLine(1, 3, "燕子归来", "headline", "body", [])
    assert matches(line, "head", "body") and matches(line, "headline", "body")
    assert not matches(line, "head", "head") and not matches(line, "kicker", "body")
