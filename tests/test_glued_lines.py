"""glued_lines: a `pdftotext -raw` line holding a paragraph's last line and the next paragraph's
first line (or a `（上接…）` note and a lead-in) is cut in two (made-up lines in a 12-em column)."""
from __future__ import annotations

import pytest

from banmian import stages
from banmian.model import Line
from banmian.pipeline import parse_text
from banmian.stages.glued_lines import GLUED_REASON, glued_parts
from banmian.stages.split_head_rows import part_lines

# Two reports in a dump without blank lines; paragraphs' first lines are 10 em (indented), the
# others 12 em. The second paragraph of the first report opens on the line its first paragraph
# ends on, as pdftotext -raw sometimes prints them.
HEAD_1 = ["城东图书馆正式开馆"]
BODY_1 = ["本报讯城东新建的图书", "馆昨天正式开馆，馆内藏书", "二十多万册，阅览座位一千", "多个，还设有电子阅览室。",
          "图书馆每天早上八点", "开门，晚上九点闭馆，周末", "也照常开放，市民凭身份证", "就能免费办理借书证。"]
HEAD_2 = ["河边老街改造一新"]
BODY_2 = ["河边的老街今年完成", "了改造，街面铺上了青石板", "两旁的老房子也修缮一新。",
          "改造后的老街吸引了", "很多游客，小吃店和手工艺", "品店的生意都很红火。"]
APART = HEAD_1 + BODY_1 + HEAD_2 + BODY_2
# `多个，还设有电子阅览室。` and `图书馆每天早上八点` printed as one line, a space between them.
GLUED = HEAD_1 + BODY_1[:3] + ["多个，还设有电子阅览室。 图书馆每天早上八点"] + BODY_1[5:] + HEAD_2 + BODY_2


def _articles(lines):
    page = parse_text("\n".join(lines), entities=False)[0]
    return [(a.headline, a.paragraphs) for a in page.articles], page


def test_a_glued_line_reads_as_the_two_lines_printed_apart():
    apart, _ = _articles(APART)
    glued, page = _articles(GLUED)
    assert glued == apart
    assert apart[0][1][1].startswith("图书馆每天早上八点")  # the second paragraph opens there
    parts = [ln for ln in page.lines if any(r.startswith(GLUED_REASON) for r in ln.reasons)]
    assert [ln.text for ln in parts] == ["多个，还设有电子阅览室。", "图书馆每天早上八点"]
    assert len({ln.no for ln in parts}) == 1  # both keep the input line number


def test_a_letter_spaced_line_is_no_glued_line():
    spaced = " ".join("还设有电子阅览室。图书馆每天早上八点")  # every character followed by a space
    lines = HEAD_1 + BODY_1[:3] + [spaced] + BODY_1[5:] + HEAD_2 + BODY_2
    page = parse_text("\n".join(lines), entities=False)[0]
    assert not any(r.startswith(GLUED_REASON) for ln in page.lines for r in ln.reasons)


def test_without_the_stage_the_glued_line_is_misread(monkeypatch):
    monkeypatch.setattr(stages, "STAGES", [s for s in stages.STAGES if s.__name__ != "glued_lines"])
    monkeypatch.setattr("banmian.pipeline.STAGES", stages.STAGES, raising=False)
    apart, _ = _articles(APART)
    assert _articles(GLUED)[0] != apart


@pytest.mark.parametrize("raw, parts", [
    ("还设有电子阅览室。 图书馆每天早上八点", ("还设有电子阅览室。", "图书馆每天早上八点")),
    ("工作。” 新华社北京1月5日电", ("工作。”", "新华社北京1月5日电")),
    ("（上接第二版） 据新华社北京1月12", ("（上接第二版）", "据新华社北京1月12")),
])
def test_cut(raw, parts):
    assert glued_parts(raw, 12.0) == parts


@pytest.mark.parametrize("raw", [
    "今年工作如何？ 明年的打算",  # a question: two headlines side by side
    "（上接第二版） 农村传授实用技术",  # a 上接 note over a headline's line
    "。 同志们辛苦了大家好啊",  # a stray full stop
    "完成。 很好",  # as wide as one line of the column
    "馆内藏书二十多万册， 阅览座位一千多",  # no sentence's end before the gap
    "成交额达到100亿元。 Hong Kong",  # nothing but Latin after the gap
])
def test_left_whole(raw):
    assert glued_parts(raw, 12.0) is None


def test_a_note_in_a_head_row_is_that_note_not_a_headline():
    # pdftotext -raw runs a continuation note and the kicker under it into one line; the line is
    # cut as a head row (no lead-in after the note), and the note's part is a note again
    row = Line(no=7, raw="（上接第二版） 深入农村传授实用技术", text="（上接第二版） 深入农村传授实用技术", kind="head")
    parts = part_lines(row, ["（上接第二版）", "深入农村传授实用技术"])
    assert [p.kind for p in parts] == ["continued", "head"]
    assert "continued:上接" in parts[0].reasons
    assert [p.kind for p in part_lines(row, ["（下转第四版）", "王小明"])] == ["jump", "byline"]
