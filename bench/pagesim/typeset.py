"""Pure typesetting helpers of the page simulator: line breaking with kinsoku, justification,
column balancing. Widths are in em of the line's own font size (CJK = 1, half-width = 0.5)."""
from __future__ import annotations

from dataclasses import dataclass, field

# kinsoku: characters that may not start a line (closing punctuation) / end a line (opening)
NO_LINE_START = set("，。、；：？！）》」』”’〉】…—·%．,.;:?!)")
NO_LINE_END = set("（《「『“‘〈【")
FULLWIDTH_DIGIT_LETTER = {c: chr(ord(c) - 0xFEE0) for c in
                          "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
                          "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ％"}
DIGIT_GAP_EM = 0.22      # the small gap set before a digit run (extractors read it as a space)
MAX_PUSH_IN = 2          # closing marks pressed into a full line at most
MAX_OVERFLOW_EM = 1.0    # most a line may overfill (em) when marks are pressed in (dev pages: <= 1 em)


def to_halfwidth(text: str) -> str:
    """Full-width digits, Latin letters and ％ to half-width; all else as it is."""
    return "".join(FULLWIDTH_DIGIT_LETTER.get(c, c) for c in text)


def char_em(c: str) -> float:
    """Advance of one body character in em: half-width for ASCII, full for the rest."""
    return 0.5 if ord(c) < 0x2E80 and c not in "—…“”‘’·" else 1.0


@dataclass
class Cell:
    """One character as placed on a line: its advance in em and a gap (em) set before it."""

    ch: str
    em: float
    gap: float = 0.0
    font: str = "body"  # "body" or "bold" (an inline dateline printed in the head face)


@dataclass
class Line:
    cells: list[Cell]
    indent: float = 0.0          # em
    last: bool = False           # last line of its paragraph (set flush left, not spread)
    para_start: bool = False
    para_index: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(c.ch for c in self.cells)

    def natural_em(self) -> float:
        return sum(c.em + c.gap for c in self.cells) - (self.cells[0].gap if self.cells else 0.0)


def gap_before_digits(prev: str) -> bool:
    """A digit run gets the small gap only after an ideograph or a dash, never after an opening
    quote, bracket or enumeration comma (as on the dev pages)."""
    return "\u4e00" <= prev <= "\u9fff" or prev == "—"


def unbreakable(a: Cell, b: Cell) -> bool:
    """No line break between two half-width characters: a digit run or Latin word stays whole."""
    return a.ch.isascii() and b.ch.isascii() and not a.ch.isspace() and not b.ch.isspace()


def make_cells(text: str, rng_gap=None, bold_prefix: int = 0) -> list[Cell]:
    """Cells of a paragraph's text; `rng_gap()` says (True/False) whether a digit run that
    follows a non-digit gets the small gap; the first `bold_prefix` characters are head face."""
    cells: list[Cell] = []
    for i, c in enumerate(text):
        gap = 0.0
        if c.isdigit() and i > 0 and gap_before_digits(text[i - 1]) and rng_gap is not None and rng_gap():
            gap = DIGIT_GAP_EM
        cells.append(Cell(c, char_em(c), gap, "bold" if i < bold_prefix else "body"))
    return cells


def break_lines(cells: list[Cell], width_em: float, indent_em: float = 2.0) -> list[Line]:
    """Greedy line breaking with kinsoku. A line takes characters while they fit; closing marks
    that would start the next line are pressed in (at most MAX_PUSH_IN, if the line overfills by
    at most MAX_OVERFLOW_EM, taken up by negative tracking), else the last character is pushed to
    the next line; an opening mark never ends a line, a run of half-width characters is not split."""
    lines: list[Line] = []
    i, n = 0, len(cells)
    first = True
    while i < n:
        avail = width_em - (indent_em if first else 0.0)
        j, used = i, 0.0
        while j < n:
            w = cells[j].em + (cells[j].gap if j > i else 0.0)
            if used + w > avail + 1e-9 and j > i:
                break
            used += w
            j += 1
        if j < n:
            # press closing marks in, or push characters out
            k, extra = j, 0.0
            while k < n and cells[k].ch in NO_LINE_START and k - j < MAX_PUSH_IN:
                extra += cells[k].em
                k += 1
            if k > j and (k == n or cells[k].ch not in NO_LINE_START) and \
                    used + extra - avail <= MAX_OVERFLOW_EM + 1e-9:
                j = k
            else:
                while j - 1 > i and (cells[j].ch in NO_LINE_START if j < n else False):
                    j -= 1
            while j - 1 > i and cells[j - 1].ch in NO_LINE_END:
                j -= 1
            jj = j
            while jj - 1 > i and jj < n and unbreakable(cells[jj - 1], cells[jj]):
                jj -= 1
            if jj - 1 > i or not (jj < n and unbreakable(cells[jj - 1], cells[jj])):
                j = jj
        line = Line(cells[i:j], indent=indent_em if first else 0.0, para_start=first)
        if j >= n:
            line.last = True
        lines.append(line)
        first = False
        i = j
    return lines


def char_spacing(line: Line, width_em: float) -> float:
    """Tracking (em) between the characters of a line so that a non-last line fills the width
    exactly; 0 for a paragraph's last line (unless it overfills)."""
    n = len(line.cells)
    room = width_em - line.indent - line.natural_em()
    if n < 2 or (line.last and room >= 0):
        return 0.0
    return room / (n - 1)


def positions(line: Line, width_em: float) -> list[float]:
    """x of each character (em from the column's left edge) after justification."""
    tc = char_spacing(line, width_em)
    xs, x = [], line.indent
    for k, c in enumerate(line.cells):
        if k:
            x += c.gap
        xs.append(x)
        x += c.em + tc
    return xs


def balance(heights: list[float], tops: list[float], limit: float) -> tuple[list[list[int]], float]:
    """Deal items of the given heights, in order, to columns whose free space starts at `tops`
    (offsets from a common top) and ends at `limit`, so that the deepest column is as shallow as
    possible (columns balanced). Returns the item indices per column and the depth used; items
    that fit nowhere are left out (the article is cut)."""
    def fill(depth: float):
        cols: list[list[int]] = [[] for _ in tops]
        i = 0
        for c, top in enumerate(tops):
            y = top
            while i < len(heights) and y + heights[i] <= depth + 1e-6:
                cols[c].append(i)
                y += heights[i]
                i += 1
        return cols, i

    total = sum(heights)
    if not heights:
        return [[] for _ in tops], 0.0
    lo, hi = min(tops), limit
    cols, placed = fill(hi)
    if placed < len(heights):
        return cols, hi
    lo = max(lo, min(tops) + total / len(tops) - 1e-6)
    for _ in range(40):
        mid = (lo + hi) / 2
        if fill(mid)[1] == len(heights):
            hi = mid
        else:
            lo = mid
    cols, _ = fill(hi)
    depth = max((tops[c] + sum(heights[i] for i in col)) for c, col in enumerate(cols) if col)
    return cols, depth
