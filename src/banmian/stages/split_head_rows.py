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
from itertools import permutations
from typing import Final

from banmian.language import spanning_word
from banmian.line_shape import opens_with_dash, separates_blocks
from banmian.model import Line, Page
from banmian.rules.chars import CLAUSE_MARKS, is_cjk, text_em
from banmian.rules.furniture import LEAD_IN_REASON, furniture_kind, is_lead_in
from banmian.rules.names import NAMES_REASON, looks_like_names
from banmian.stages.normalize import normalize_text
from banmian.stages.split_columns import MAX_MERGED_PARTS, may_be_gutter

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
    """The parts of a head line cut at the spaces between CJK runs, or None when it holds none
    or more than MAX_MERGED_PARTS (no page sets more slots side by side; the dev and simulated
    dumps' head rows have 2 to 5 parts): a run of text cut into hundreds of parts made as many
    head blocks, and their assignment to articles (`assign`, cubic in the blocks) took 15 s
    in pure Python (fuzzing: a 4,758-character line).

    A gap beside Latin letters or digits is a word space (`ATM 交换机`), and one between a
    role and a name is a credit's (`记者 程平伟摄`): neither is cut. A part after one that opens
    a lead-in may be a lone character, the lead-in's next (`本报北京1月21日讯 记`: `lead_in_parts`
    puts them together again)."""
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
    if not 2 <= len(parts) <= MAX_MERGED_PARTS or any(len(p) < MIN_PART_CHARS and not is_lead_in(q)
                                                        for q, p in zip(["", *parts], parts)):
        return None
    return parts


# The reason on each part of a split row: `split_head_rows:part_2_of_3` (`head_row_parts.row_part`).
PART_REASON: Final = "split_head_rows:part_"


# Kinds of a whole-line note a head row's part may be: `pdftotext -raw` runs a `（上接第六版）` note
# and the kicker under it into one line (simulated TRAIN raw pages 76, 222, 247), and the note,
# left a head line, became the continued article's headline.
NOTE_KINDS: Final = ("jump", "continued")


def part_lines(line: Line, parts: list[str]) -> list[Line]:
    """New head lines for the parts of a head row; they keep its input line number. A part
    naming people is a byline, a jump or continuation note that note (`furniture_kind`)."""
    out = []
    for i, text in enumerate(parts):
        name = looks_like_names(text)
        note = furniture_kind(text)
        kind = note[0] if note is not None and note[0] in NOTE_KINDS else "byline" if name else "head"
        part = Line(no=line.no, raw=text, text=text, width=text_em(text), kind=kind,
                    reasons=list(line.reasons), column_width=line.column_width)
        part.because(f"{PART_REASON}{i + 1}_of_{len(parts)}")
        if kind in NOTE_KINDS and note is not None:
            part.because(note[1])
        elif name:
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


# `first_lines_over_row`: the lone head lines right over a cut head row, one per part, are the
# first lines of its slots' headlines, each dealt to the part it reads on into.
FIRST_LINES_OVER_ROW = True
# The reason on a lone head line dealt to a part of the cut head row under it (`first_lines_over_row`).
FIRST_LINE_REASON: Final = "split_head_rows:first_line_over_row"
# At most this many slots side by side (the permutations tried grow as its factorial).
MAX_ROW_SLOTS: Final = 4


def first_lines_over_row(lines: list[Line], row: Line, count: int) -> list[Line] | None:
    """The last `count` lines of `lines` (the lines printed right over `row`), dealt to the
    `count` parts of the head row `row` (`head_row_parts`), when they are lone head lines, one
    per part, with no head line over them: the first lines of slots' two-line headlines set side
    by side. Their heads in different type sizes, the first lines stand on different baselines
    and pdftotext prints them one by one, top one first, whatever slot each is in, then the
    second lines level on one row left to right (simulated TRAIN pdftotext page 83: `过大年啦` /
    `国际海洋学院` / `上海旅游市场火 为中外合作搭桥`; page 300: `中汇：现代中` / `文汇报喜` /
    `庆六十华诞 药的一方新绿`, the top line the right slot's; page 280, three slots). Left so,
    the first lines read as one headline or as kickers and the slots' heads went to their
    neighbours. Each first line goes to the part a dictionary word runs on into across the
    break (`spanning_word`: `文汇报喜` / `庆六十华诞`), then to the part nearest its length (one
    headline's two lines run about as long), then in print order; the lines come back as the
    parts of a row printed over it (`part_lines`), so later stages keep the slots apart.
    TRAIN pdftotext 1-300: 10 such rows (pages 72, 83, 107, 120, 137, 220, 242, 268, 280,
    300), all dealt as the gold heads have them, and two rows cut through a body line (pages
    122, 242), the first lines kept apart from it; headline_acc TRAIN 41-300 0.6685 -> 0.6727,
    sim VAL pdftotext 41-120 0.6312 -> 0.6343 (byline 0.7631 -> 0.7663), all else unchanged;
    never in raw or PyMuPDF dumps, nor on dev 1-40."""
    if not FIRST_LINES_OVER_ROW or count > MAX_ROW_SLOTS or len(lines) < count:
        return None
    firsts = lines[len(lines) - count:]
    if not all(_lone_first_line(ln) for ln in firsts):
        return None
    if len(lines) > count and lines[len(lines) - count - 1].kind not in OVER_FIRST_LINES:
        return None
    if [ln.no for ln in firsts] != list(range(row.no - count, row.no)):
        return None
    parts = head_row_parts(row.text) or []
    texts = [ln.text.strip() for ln in firsts]
    best: tuple[int, float, int] | None = None
    deal: tuple[int, ...] = tuple(range(count))
    for order in permutations(range(count)):
        spans = sum(spanning_word(texts[s], parts[j], hmm=False) is not None for j, s in enumerate(order))
        slack = sum(abs(text_em(texts[s]) - text_em(parts[j])) for j, s in enumerate(order))
        moved = sum(s != j for j, s in enumerate(order))
        key = (-spans, slack, moved)
        if best is None or key < best:
            best, deal = key, order
    out = []
    for j, s in enumerate(deal):
        line = firsts[s]
        line.kind = "head"
        line.because(f"{PART_REASON}{j + 1}_of_{count}")
        line.because(FIRST_LINE_REASON)
        out.append(line)
    return out


# What may stand right over the first lines (`first_lines_over_row`): a blank line or the page's
# header; over a head or body line they may be a kicker's or a paragraph's tail (TRAIN page 110:
# `本报北京1月22日讯` / `查是本月12日至19日以日` over a row cut through body text).
OVER_FIRST_LINES: Final = frozenset({"blank", "header"})
# Clause punctuation, with a question or exclamation mark: a line holding one is a sentence, no
# headline's first line (TRAIN page 130:
# `慰问信说，全国公安战` over a row cut through body text).
LINE_CLAUSE_MARKS: Final = CLAUSE_MARKS + "？！"


def _lone_first_line(line: Line) -> bool:
    """A line that may be a headline's first line over a cut head row: a head line (or one read
    as body: TRAIN page 72, `按照“公平、公开、公正”` / `鞍山公安局`, taken for body lines as wide as
    the column), no part of a cut row, no gap of its own, no subtitle's dash, no clause mark."""
    text = line.text.strip()
    return (line.kind in ("head", "body") and not any(r.startswith(PART_REASON) for r in line.reasons)
            and bool(text) and len(_GAP.split(line.raw.strip())) == 1 and not opens_with_dash(text)
            and not any(c in LINE_CLAUSE_MARKS for c in text))


# `lead_in_parts`: a head row's part that opens a lead-in byline or dateline, and the parts after
# it, are body lines.
LEAD_IN_PARTS = True
# The reason on a head row's part read as a lead-in's line (`lead_in_parts`).
LEAD_IN_PART_REASON: Final = "split_head_rows:lead_in_part"


def lead_in_parts(parts: list[Line]) -> None:
    """The parts of one cut head row from the first that opens a lead-in (`is_lead_in`) on are
    put back together as one body line, the lead-in's first line: `pdftotext -raw` runs a
    headline's last line and the first line of the report under it into one line, the report's
    lead-in cut at the column's width (simulated TRAIN raw page 13: `名单反映了统一战线新形势新特点
    新华社北京1月23日` over `电外交部发言人朱邦造今`; page 49: `筹备工作进展顺利 本报 1月 21日讯 记者`
    over `郝志华报道：由北京棋院、`, the gap after `讯` the lead-in's own). Left head lines, the
    lead-in went to the headline and its report opened headless and dateless on `电…`. TRAIN raw
    1-300: 12 such rows, each part from the one cut on a report's lead-in (in 9 a gold byline's
    first line, two of them ending on a lone `记`, `head_row_parts`; one `本报讯` run on into its
    report's first words; one with the first lines of its report's three columns; one two
    reports' lead-ins side by side); none in the PyMuPDF or pdftotext dumps of TRAIN. Not in
    dumps that part blocks by blank lines (`separates_blocks`): pdftotext prints a lead-in on a
    line of its own, and the two rows of sim VAL pdftotext holding one (pages 12, 79) are lines
    of several columns run together, a headline's last among them (VAL body -0.0001 with them).
    A run of several cut rows is left alone: its parts are printed column by column, the
    lead-in's away from its row."""
    start = next((k for k, part in enumerate(parts) if part.kind == "head" and is_lead_in(part.text)), None)
    if start is None:
        return
    first = parts[start]
    text = " ".join(part.text for part in parts[start:])
    line = Line(no=first.no, raw=" ".join(part.raw for part in parts[start:]), text=text, width=text_em(text),
                kind="body", reasons=[r for r in first.reasons if not r.startswith(PART_REASON)],
                column_width=first.column_width)
    line.because(LEAD_IN_PART_REASON)
    line.because(LEAD_IN_REASON)
    parts[start:] = [line]


def split_head_rows(page: Page) -> Page:
    """Cut the page's head rows into their headlines (see the module docstring)."""
    lines = page.lines
    blocks = separates_blocks(page)
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
        else:
            firsts = first_lines_over_row(out, lines[i], len(parts))
            if firsts is not None:
                del out[len(out) - len(parts):]
                rows.insert(0, firsts)
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
        if LEAD_IN_PARTS and len(rows) == 1 and not blocks:
            lead_in_parts(rows[0])
        out.extend(part for column in zip(*rows) for part in column)
    page.lines = out
    return page
