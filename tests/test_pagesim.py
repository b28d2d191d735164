"""bench/pagesim's pure typesetting helpers (line breaking with kinsoku, justification, column
balancing) on text written for the test, and one generated page when the corpus and the tools
are present (skipped otherwise)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.pagesim.typeset import (NO_LINE_END, NO_LINE_START, balance, break_lines,  # noqa: E402
                                   char_spacing, make_cells, positions, to_halfwidth)


def lines_of(text: str, width: float = 6.0, indent: float = 2.0):
    return break_lines(make_cells(text), width, indent)


def test_lines_keep_all_text_and_fit():
    text = "我们今天去公园散步，看见很多孩子在草地上放风筝，大家都很高兴。"
    lines = lines_of(text)
    assert "".join(ln.text for ln in lines) == text
    assert lines[0].indent == 2.0 and all(ln.indent == 0.0 for ln in lines[1:])
    assert lines[-1].last and not any(ln.last for ln in lines[:-1])


def test_kinsoku_no_closing_mark_starts_a_line_no_opening_mark_ends_one():
    text = "他说：“明天见。”她笑了，“好啊！”然后《新书》、《旧报》都放在桌上。（完）"
    for width in (4.0, 5.0, 6.0, 7.0):
        lines = lines_of(text, width, 0.0)
        assert "".join(ln.text for ln in lines) == text
        for ln in lines[1:]:
            assert ln.text[0] not in NO_LINE_START, (width, ln.text)
        for ln in lines[:-1]:
            assert ln.text[-1] not in NO_LINE_END, (width, ln.text)


def test_closing_marks_are_pressed_in_with_a_small_squeeze():
    # six characters fill the line; the comma after them is pressed in, not sent to the next line
    lines = lines_of("一二三四五六，七八九", 6.0, 0.0)
    assert lines[0].text == "一二三四五六，"
    assert abs(char_spacing(lines[0], 6.0) + 1 / 6) < 1e-9  # 1 em taken up by 6 gaps
    # two marks would overfill by 2 em: the last character goes to the next line instead
    lines = lines_of("一二三四五六。”七八九", 6.0, 0.0)
    assert lines[0].text == "一二三四五" and lines[1].text.startswith("六。”")


def test_digit_runs_are_not_broken():
    text = "会议在2026年举行，共有12345人参加，比去年多了678人。"
    for width in (5.0, 6.0, 7.0, 8.0):
        lines = lines_of(text, width, 0.0)
        for a, b in zip(lines, lines[1:]):
            assert not (a.text[-1].isdigit() and b.text[0].isdigit()), (width, a.text, b.text)


def test_digit_gap_only_after_ideographs():
    cells = make_cells("共有12人、3组“4号”和5个", lambda: True)
    gaps = {c.ch: c.gap for c in cells if c.ch.isdigit()}
    assert gaps["1"] > 0 and gaps["5"] > 0  # after 有 and 和
    assert gaps["3"] == 0 and gaps["4"] == 0  # after 、 and “


def test_justified_lines_end_at_the_column_edge():
    text = "这是一段用来检验两端对齐的文字，除了最后一行以外每一行都应该正好排满整个栏宽。"
    width = 7.5
    for ln in lines_of(text, width):
        xs = positions(ln, width)
        end = xs[-1] + ln.cells[-1].em
        if ln.last:
            assert end <= width + 1e-9
        else:
            assert abs(end - width) < 1e-9


def test_halfwidth_conversion():
    assert to_halfwidth("１９９８年ＮＥＣ占５０％，１．５") == "1998年NEC占50%，1．5"


def test_balance_spreads_lines_evenly_and_cuts_what_does_not_fit():
    cols, depth = balance([10.0] * 9, [0.0, 0.0, 0.0], 1000.0)
    assert [len(c) for c in cols] == [3, 3, 3] and abs(depth - 30.0) < 1e-6
    cols, depth = balance([10.0] * 7, [0.0, 0.0], 1000.0)
    assert [len(c) for c in cols] == [4, 3]
    assert [i for c in cols for i in c] == list(range(7))  # reading order kept
    cols, depth = balance([10.0] * 9, [0.0, 0.0], 40.0)  # 2 x 4 lines fit: one is cut
    assert sum(len(c) for c in cols) == 8 and depth <= 40.0


def test_balance_with_a_column_starting_lower():
    # the first column starts under a 20-pt head block, the second at the top
    cols, depth = balance([10.0] * 6, [20.0, 0.0], 1000.0)
    assert [len(c) for c in cols] == [2, 4] and abs(depth - 40.0) < 1e-6


def test_one_generated_page(tmp_path):
    from bench.pagesim import corpus
    from bench.pagesim.render import missing_tools

    if missing_tools():
        pytest.skip(f"pagesim tools missing: {missing_tools()}")
    if not corpus.corpus_path().exists():
        pytest.skip("corpus not found")
    from bench.pagesim.__main__ import main

    assert main(["--pages", "1", "--seed", "test", "--out", str(tmp_path)]) == 0
    gold = json.loads((tmp_path / "page_0001.gold.json").read_text(encoding="utf-8"))
    assert gold["generator"] == "pagesim" and gold["articles"]
    for kind in ("pdftotext", "raw", "pymupdf"):
        assert (tmp_path / f"page_0001.{kind}.txt").stat().st_size > 500
    raw = "".join((tmp_path / "page_0001.raw.txt").read_text(encoding="utf-8").split())
    for a in gold["articles"]:
        for p in a["paragraphs"]:
            # each paragraph's start is printed (the dumps hold every typeset character)
            assert "".join(p.split())[:6] in raw


def test_a_joint_credit_after_the_dateline_stays_in_the_paragraph():
    from bench.pagesim.page import own_part

    # the dev gold's byline stops at 讯/电 when another outlet's reporter comes first
    assert own_part("本报南昌1月3日讯新华社记者甲乙、本报记者丙丁报道：") == "本报南昌1月3日讯"
    assert own_part("本报长沙1月3日电新华社记者甲乙、本报记者丙丁报道：") == "本报长沙1月3日电"
    for whole in ("本报南昌1月3日讯记者甲乙报道：", "新华社南昌1月3日电（记者甲乙）", "本报讯",
                  "新华社南昌1月3日电（中央人民广播电台记者甲乙、新华社记者丙丁）",
                  "本报南昌1月3日讯本报特约记者甲乙报道："):
        assert own_part(whole) == whole
