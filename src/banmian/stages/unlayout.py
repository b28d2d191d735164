"""Unlayout: read a `pdftotext -layout` dump column by column, as the other stages expect.

`pdftotext -layout` keeps the page's geometry in the text: each printed row is one line, and
the columns of the page stand side by side on it, padded with spaces to their positions
(`本报讯 广西壮族自        震区初雪夜        今天召开的中国社会科学`). Read line by line, every
line runs across several articles (dev pages: body_char_acc 0.11 on such dumps). This stage
finds such a page (`is_layout_dump`) and rewrites its lines as pdftotext's default mode prints
a page: the text of each column block, one printed line a line, the blocks separated by blank
lines, so the rest of the pipeline reads it like any pdftotext dump.

- A line cuts into *cells* at runs of two spaces or more (`cells_of`); single spaces stay inside
  a cell (`记者 王某`, `3月 5日`, `稳字当头 稳中求进`).
- A cell goes on the open block whose left edge it starts near (within COLUMN_TOLERANCE of the
  page's column pitch, `column_pitch`) and whose latest line stood at most a few rows above
  (`max_row_step`); else it opens a block. Columns of different articles print at different
  baselines, so a column's rows often alternate with its neighbour's: a block's step is 1 or 2
  rows, and it ends where the gap grows past twice its usual step.
- Blocks are read column by column: by the column edge they stand in (`column_of`: a centred
  headline goes with its column, not after it), then from the top (`reading_order`), what
  pdftotext's default mode does on a page of columns, its blocks interleaving where articles
  share columns; the reassemble stage threads them back into articles. Page header cells on
  the first rows (`is_header_text`) go first, as that mode prints them.

Every cell keeps its input line number (an article's `lines` name the rows it came from); a
blank separator line takes the number of the block's last line. Each cell line records
`unlayout:column_at_<left edge>`, and `unlayout:read_in_column_at_<edge>` when its block is
read in a column whose edge lies left of its own (`column_of`). A dump without such rows is
left alone.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.model import Line, Page
from banmian.rules.furniture import is_header_text

REASON: Final = "unlayout:column_at_"
IN_COLUMN: Final = "unlayout:read_in_column_at_"  # a block read in the column left of its edge
# Cells are cut at two spaces or more: the dumps of the other extractors print one space at
# most inside a line (`3月 5日`, `记者 王某 李某`), and two in a header's parts (`责编 孙融慧
# 校对 段翠梁`: two cells, both header text).
_CELL: Final = re.compile(r"\S+(?: \S+)*")
# A page is a -layout dump when this share of its non-blank lines holds two cells or more (a run
# of two spaces between text): sim and dev -layout pages hold 0.36 and more (median 0.67), their
# pdftotext, pdftotext -raw and PyMuPDF dumps 0.012 at most (TRAIN, VAL and dev, all three kinds).
# Leading spaces alone do not count: a dump that indents its paragraphs with spaces is no layout.
LAYOUT_SHARE: Final = 0.2
MIN_LAYOUT_LINES: Final = 5
_GAP: Final = re.compile(r"\S {2,}\S")
# A cell goes on a block whose left edge is within this share of the column pitch (sim TRAIN
# pages 1-100, pdftotext -layout, body_char_acc 1-40 / 41-100 with fixed tolerances in layout
# positions: 2: 0.690 / 0.696, 4: 0.808 / 0.817, 6: 0.815 / 0.826, 10: 0.834 / 0.824, 14: 0.824 /
# 0.815; the pitch is 17-21 positions there; 0.5 of it: 0.828 / 0.827, 0.6: 0.827 / 0.824).
# Cells of a column start up to a few positions right of its edge: an indented first line, a
# cell pushed by a wide one on its left.
COLUMN_TOLERANCE: Final = 0.5
DEFAULT_PITCH: Final = 20  # positions, when no row holds two cells
# A block takes a cell this many rows below its latest line at most, until it has a usual step
# (two steps: then twice its median step; TRAIN 1-100: a fixed 2 rows: 0.761 / 0.758, 3: 0.806
# / 0.788, 4: 0.807 / 0.806, 6: 0.800 / 0.787; twice the step: 0.808 / 0.817, three times:
# 0.809 / 0.796), never more than MAX_ROW_GAP.
FIRST_ROW_GAP: Final = 4
MIN_ROW_GAP: Final = 2
MAX_ROW_GAP: Final = 8
HEADER_ROWS: Final = 3  # rows at the page's top where header cells are looked for
# Blocks are read by the column they stand in, not by their own left edge: a headline centred
# over its columns, a short caption or a cell pushed right starts a few positions right of the
# column's edge, and sorted by that edge it went after every block of the column, below it
# included (its article's head read after the column's foot). The edges are those of blocks of
# this many cells or more (TRAIN 1-300, body_char_acc 1-40 / 41-300: by own left edge 0.8321 /
# 0.8098; by column, blocks of 2 cells: 0.8346 / 0.8256, 3: 0.8343 / 0.8250 (headline_acc 0.6346
# -> 0.6763 / 0.5917 -> 0.6490), 5: 0.8349 / 0.8236, 8: 0.8333 / 0.8235). Edges within the
# column tolerance of each other are one column (0.25 of the pitch: 0.8338 / 0.8241; none: 0.8378
# / 0.8179).
MIN_COLUMN_CELLS: Final = 3


class Block:
    """A column block: its cells (row, left position, text) top down, and its left edge."""

    __slots__ = ("cells", "left", "steps")

    def __init__(self, row: int, x: int, text: str) -> None:
        self.cells = [(row, x, text)]
        self.left = x
        self.steps: list[int] = []

    @property
    def first(self) -> int:
        return self.cells[0][0]

    @property
    def last(self) -> int:
        return self.cells[-1][0]

    def take(self, row: int, x: int, text: str) -> None:
        self.steps.append(row - self.last)
        self.cells.append((row, x, text))
        self.left = min(self.left, x)


def cells_of(raw: str) -> list[tuple[int, str]]:
    """The line's cells: (position, text) of each run of text between runs of two spaces or more."""
    return [(m.start(), m.group()) for m in _CELL.finditer(raw.expandtabs(8))]


def is_layout_dump(raws: list[str]) -> bool:
    """The page's lines print columns side by side at their positions (see LAYOUT_SHARE)."""
    if sum(1 for r in raws if "  " in r) < MIN_LAYOUT_LINES:
        return False  # every other dump, at the cost of a substring search a line
    rows = [r for r in raws if r.strip()]
    wide = sum(1 for r in rows if _GAP.search(r))
    return wide >= MIN_LAYOUT_LINES and wide >= LAYOUT_SHARE * len(rows)


def column_pitch(rows: list[list[tuple[int, str]]]) -> int:
    """The median distance between the starts of neighbouring cells of one row: a column's width
    and gutter, in layout positions."""
    gaps = sorted(b[0] - a[0] for cells in rows for a, b in zip(cells, cells[1:]))
    return gaps[len(gaps) // 2] if gaps else DEFAULT_PITCH


def max_row_step(block: Block) -> int:
    """How many rows below its latest line the block may take its next cell."""
    if len(block.steps) < 2:
        return FIRST_ROW_GAP
    usual = sorted(block.steps)[len(block.steps) // 2]
    return min(MAX_ROW_GAP, max(MIN_ROW_GAP, 2 * usual))


def column_blocks(rows: list[list[tuple[int, str]]], tolerance: float) -> list[Block]:
    """The page's column blocks, each cell on the nearest open block it continues (its left edge
    within `tolerance` positions of the cell's)."""
    open_blocks: list[Block] = []
    done: list[Block] = []
    for row, cells in enumerate(rows):
        for x, text in cells:
            best: Block | None = None
            for b in open_blocks:
                if b.last < row and row - b.last <= max_row_step(b) and abs(x - b.left) <= tolerance:
                    if best is None or abs(x - b.left) < abs(x - best.left):
                        best = b
            if best is None:
                open_blocks.append(Block(row, x, text))
            else:
                best.take(row, x, text)
        still: list[Block] = []
        for b in open_blocks:
            (still if row - b.last < MAX_ROW_GAP else done).append(b)
        open_blocks = still
    return done + open_blocks


def header_rows(rows: list[list[tuple[int, str]]]) -> set[int]:
    """The rows among the first HEADER_ROWS non-blank ones that hold page header text."""
    found: set[int] = set()
    seen = 0
    for row, cells in enumerate(rows):
        if not cells:
            continue
        seen += 1
        if seen > HEADER_ROWS:
            break
        if any(is_header_text(text) for _, text in cells):
            found.add(row)
    return found


def column_starts(blocks: list[Block], tolerance: float) -> list[int]:
    """The page's column edges: the left edges of the blocks of MIN_COLUMN_CELLS cells or more,
    those within `tolerance` of a smaller one folded into it."""
    starts: list[int] = []
    for left in sorted(b.left for b in blocks if len(b.cells) >= MIN_COLUMN_CELLS):
        if not starts or left - starts[-1] > tolerance:
            starts.append(left)
    return starts


def column_of(block: Block, starts: list[int]) -> int:
    """The column edge a block stands in: the last edge at or left of its own left edge (a
    headline centred over its columns, a caption, a pushed cell start right of the edge)."""
    edges = [s for s in starts if s <= block.left]
    return edges[-1] if edges else block.left


def reading_order(blocks: list[Block], starts: list[int]) -> list[Block]:
    """Column by column: by the column a block stands in (`column_of`), then from the top."""
    return sorted(blocks, key=lambda b: (column_of(b, starts), b.first))


def unlayout(page: Page) -> Page:
    """Rewrite a `pdftotext -layout` page as column blocks (see the module docstring)."""
    raws = [ln.raw for ln in page.lines]
    if not is_layout_dump(raws):
        return page
    rows = [cells_of(r) for r in raws]
    heads = header_rows(rows)
    lines: list[Line] = []
    for row in sorted(heads):
        for x, text in rows[row]:
            lines.append(_cell_line(page.lines[row].no, x, text))
    if lines:
        lines.append(Line(lines[-1].no, ""))
    body = [cells if row not in heads else [] for row, cells in enumerate(rows)]
    tolerance = COLUMN_TOLERANCE * column_pitch(body)
    blocks = column_blocks(body, tolerance)
    starts = column_starts(blocks, tolerance)
    for k, block in enumerate(reading_order(blocks, starts)):
        if k:
            lines.append(Line(page.lines[block.cells[0][0]].no, ""))
        column = column_of(block, starts)
        for row, x, text in block.cells:
            lines.append(_cell_line(page.lines[row].no, block.left, text))
            if column != block.left:
                lines[-1].because(f"{IN_COLUMN}{column}")
    page.lines = lines
    page.scratch["layout_dump"] = True
    return page


def _cell_line(no: int, left: int, text: str) -> Line:
    line = Line(no, text, text)
    line.because(f"{REASON}{left}")
    return line
