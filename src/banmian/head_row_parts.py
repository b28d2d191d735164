"""The parts of a head row cut at a gutter by `split_head_rows` (a row's input line cut into parts
1, 2, ..., the heads of slots printed side by side): which part a line is (`row_part`), a cut
right at the gutter (`right_of_gutter`), and a unit holding two slots' parts (`spans_two_slots`).
"""
from __future__ import annotations

from banmian.model import Line
from banmian.stages.split_head_rows import PART_REASON


def spans_two_slots(unit: list[Line]) -> bool:
    """The unit holds two parts of head rows cut at a gutter (`split_head_rows`: a row's input
    lines cut into parts 1, 2, ..., the left parts printed first): the heads of two slots printed
    side by side, never one headline. Such a unit is no unit (`_split_points`): simulated TRAIN page 44, `联合国特委会负责人
    强调` / `伊应无条件允许武器核查` beside `韦德里纳外长访华前` / `表示希望增进法中合作`, one unit
    given to one article, the other article headless; pages 16, 122, 244 alike). TRAIN pdftotext
    heads wrong 1025 -> 1023 of 2460 (some now left over instead of taken by the neighbour);
    dev 1-40: changes no head."""
    return len({row_part(ln) for ln in unit} - {0}) > 1


def row_part(line: Line) -> int:
    """Which part (1, 2, ...) of a head row cut by `split_head_rows` the line is; 0 if none."""
    for reason in line.reasons:
        if reason.startswith(PART_REASON):
            return int(reason[len(PART_REASON):].split("_", 1)[0])
    return 0


def right_of_gutter(above: Line, line: Line) -> bool:
    """`line` is the first right-hand part of a head row (or run of rows) cut at a gutter by
    `split_head_rows`, `above` the last left-hand one: the heads of two slots side by side,
    printed by pdftotext on one line. A cut there costs nothing (`_unit_cost`): two slots'
    headlines are two units wherever the words do not tie them harder (dev page 1:
    `十八台作品在京亮` / `观众评论获奖影片` beside `石学海：牵`, the three one unit and the
    right head's second line `着骆驼闯影坛` with them, its article headless; simulated TRAIN page
    16: `扩大对外交流 确立京剧改`, one headline). Dev pdftotext pages 1-40: changes heads on
    pages 1 (put right), 5, 6, 25, 37 (wrong before and after); TRAIN headline_acc 0.5711 ->
    0.5797."""
    k = row_part(line)
    return k >= 2 and row_part(above) == k - 1
