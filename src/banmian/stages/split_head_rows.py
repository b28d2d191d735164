"""Split head rows: undo headline lines where pdftotext printed neighbouring headlines as one.

Headlines of slots side by side share a baseline, and pdftotext prints them on one line, the
two separated by a space (dev page 37: `房改你真要改吗 俄官员会晤车臣领导人`, the headlines of
two articles; page 27: `与冷战思维 张武扬`, a headline's last line beside another article's
byline). A head line holding a space between two runs of CJK text is cut there, each part a
head line of its own (it keeps the line's input number). A run of such lines, each cut into
the same number of parts, is rebuilt as pdftotext would have printed the headlines had it read
them one by one: the left parts, then the right ones (page 29: `无情冰雪锁藏北救援物资八方
邮电部发行《戊` over `来那曲灾区牧民喜获燃料粮食 寅年》特种邮票`).

No printed headline line of the dev pages holds a space of its own; where one does (a poetic
pause), its parts stay next to each other and the headlines stage keeps them in one block.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.model import Line, Page
from banmian.rules.chars import is_cjk, text_em
from banmian.rules.names import NAMES_REASON, looks_like_names
from banmian.stages.normalize import normalize_text
from banmian.stages.split_columns import may_be_gutter

# A part shorter than this is no headline of its own (a stray mark or a lone character).
MIN_PART_CHARS: Final = 2
# Marks a headline's last line may end with before the gutter: a question or exclamation, a
# closing quote or bracket (sim TRAIN pdftotext page 119: `外国人怎 感受` over `么过年？ 啤酒节`,
# two headlines side by side whose second row was left whole, so both bylines under the row went
# to the wrong headline; page 73: `安”去！ 龙腾虎跃迎新春`). No head line of TRAIN 1-300 or dev
# 1-40 holds such a mark and a space before more CJK text but these two rows.
ROW_END_MARKS: Final = frozenset("？！”』」）》")
_GAP: Final = re.compile(r"\s+")


def head_row_parts(text: str) -> list[str] | None:
    """The parts of a head line cut at the spaces between CJK runs, or None when it holds none.

    A gap beside Latin letters or digits is a word space (`ATM 交换机`), and one between a
    role and a name is a credit's (`记者 程平伟摄`): neither is cut."""
    pieces = _GAP.split(text.strip())
    if len(pieces) < 2:
        return None
    parts = [pieces[0]]
    for piece in pieces[1:]:
        left = parts[-1]
        if (is_cjk(left[-1]) or left[-1] in ROW_END_MARKS) and is_cjk(piece[0]) and may_be_gutter(left, piece):
            parts.append(piece)
        else:
            parts[-1] = f"{left} {piece}"
    if len(parts) < 2 or any(len(p) < MIN_PART_CHARS for p in parts):
        return None
    return parts


# The reason on each part of a split row: `split_head_rows:part_2_of_3` (`head_units.row_part`).
PART_REASON: Final = "split_head_rows:part_"


def part_lines(line: Line, parts: list[str]) -> list[Line]:
    """New head lines for the parts of a head row; they keep its input line number."""
    out = []
    for i, text in enumerate(parts):
        name = looks_like_names(text)
        part = Line(no=line.no, raw=text, text=text, width=text_em(text), kind="byline" if name else "head",
                    reasons=list(line.reasons), column_width=line.column_width)
        part.because(f"{PART_REASON}{i + 1}_of_{len(parts)}")
        if name:
            part.because(NAMES_REASON)
        out.append(part)
    return out


# `row_neighbour_parts`: a head line next to a cut head row is cut at its one gap even beside a
# digit, a Latin letter or a mark.
LOOSE_ROW_NEIGHBOURS = True
# The reason on a line cut as a cut head row's neighbour (`row_neighbour_parts`).
ROW_NEIGHBOUR_REASON: Final = "split_head_rows:row_neighbour"


def row_neighbour_parts(line: Line, count: int) -> list[str] | None:
    """The parts of a head line printed right over or under a head row cut into `count` parts,
    cut at its gaps (printed, `raw`) when it holds exactly `count` - 1 of them, each part at
    least MIN_PART_CHARS long. Two slots' headlines side by side run row by row, and a row's
    gap may fall beside a digit, a Latin letter or a mark where `head_row_parts` sees a word
    space (simulated TRAIN pdftotext page 229: `沈阳军区举办迎 1998世界杯足` over `新春体育游艺赛
    球赛快报6月创办`; page 63: `研制成功 2个“自然之肾”遍布华夏` under a cut row; page 299:
    `大杨集团通过ISO 威尼斯的`; page 12: `《朗朗星空》： 贝尔曼终`; page 171: `金桔伴佳节
    ——船上升起风帆`). Left whole, the row read as one slot's headline line and the neighbour
    lost its line. TRAIN pdftotext 1-300: fires on 6 rows (pages 12, 63, 171, 202, 229, 299),
    each left part a gold head line; lines beside no cut row (`ISO 9001`) and body lines (a
    dateline's `新华社北京 1月20日`) untouched; never in raw or PyMuPDF dumps, nor on dev 1-40.
    headline_acc TRAIN pdftotext 1-40 / 41-300 0.6795 / 0.6364 -> 0.6827 / 0.6401, sim VAL
    pdftotext 1-40 0.5841 -> 0.5900, all else unchanged."""
    if line.kind != "head":
        return None
    pieces = _GAP.split(line.raw.strip())
    if len(pieces) != count or any(len(p) < MIN_PART_CHARS for p in pieces):
        return None
    if not all(may_be_gutter(a, b) for a, b in zip(pieces, pieces[1:])):
        return None
    return [normalize_text(p) for p in pieces]


def _neighbour_row(line: Line, count: int) -> list[Line] | None:
    parts = row_neighbour_parts(line, count) if LOOSE_ROW_NEIGHBOURS else None
    if parts is None:
        return None
    cut = part_lines(line, parts)
    for part in cut:
        part.because(ROW_NEIGHBOUR_REASON)
    return cut


def split_head_rows(page: Page) -> Page:
    """Cut the page's head rows into their headlines (see the module docstring)."""
    lines = page.lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        parts = head_row_parts(lines[i].text) if lines[i].kind == "head" else None
        if parts is None:
            out.append(lines[i])
            i += 1
            continue
        rows = [part_lines(lines[i], parts)]
        above = _neighbour_row(out[-1], len(parts)) if out and head_row_parts(out[-1].text) is None else None
        if above is not None:
            out.pop()
            rows.insert(0, above)
        i += 1
        while i < len(lines) and lines[i].kind == "head":
            more = head_row_parts(lines[i].text)
            if more is None:
                loose = _neighbour_row(lines[i], len(parts))
                if loose is not None:
                    rows.append(loose)
                    i += 1
                break
            if len(more) != len(parts):
                break
            rows.append(part_lines(lines[i], more))
            i += 1
        out.extend(part for column in zip(*rows) for part in column)
    page.lines = out
    return page
