"""Lines of a PDF page: the body size and font, the header, captions, body columns, headline
blocks and byline lines, and which lines are column text (`banmian.stages.layout` uses these;
`banmian.layout.cells` cuts the column text into cells and chains them into articles)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import median

from banmian.geometry import union, x_overlap
from banmian.line_shape import WIDE_HEAD_REASON
from banmian.model import Box, Line, Page
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import CAPTION, CONTINUED, DATE, EDITORS, JUMP, SOURCE, STANDALONE_BYLINE, WEEKDAY
from banmian.rules.names import NAME_UNDER_HEADLINE_REASON

BODY_SIZE_BELOW = 0.04  # captions are 0.85× the body size and header lines 0.95× on pagesim pages
BODY_SIZE_ABOVE = 0.12  # pagesim grows the size by 0.02 pt per paragraph: +6% after 30 paragraphs (dev page 32)
HEADER_ZONE = 0.12  # share of the page height at its top where the header line and its rule sit
FULL_WIDTH_RULE = 0.7  # a rule spanning this share of the text width separates bands (or the header)
COLUMN_SLACK = 0.5  # em: a column line may start this much left of its column (hanging punctuation)
IN_COLUMN = 0.9  # share of a line's width inside a column for it to be that column's line
INDENT_EM = 2.0  # em: a paragraph's first-line indent
INDENT_MIN = 1.2  # em: a first-line indent is 2 em; squeezed punctuation never shifts a line by 1 em
MIN_COLUMN_LINES = 3  # a left edge shared by fewer full lines is not a column
HEAD_GAP = 1.0  # × the larger size: headline-block lines closer than this belong together
BYLINE_UNDER_HEAD = 2.5  # × body size: a byline line this close under a headline block joins it
CAPTION_OVERHANG = 2.0  # em of the caption size
CAPTION_GAP = 1.0  # × caption size: a caption line starts this close under its picture (or caption line)
CAPTION_ROW = 0.3  # × caption size: a line whose top is this close to a caption line's, beside it, is
# another piece of that caption line (a caption row the reader parted at a blank, its second piece
# `一笑。新华社记者金丽琳` taken for a headline that split an article: OCR dev page 24)
SAME_LINE_SIZE = 0.02  # sizes of two lines of one paragraph differ less than this
RUN_ON_STEP = 1.8  # × body size: a line this close under another may be its paragraph's run-on
NAME_SIZE_TOLERANCE = 0.012  # see is_name_size
NAME_LINE_MAX = 20  # characters: a byline of names is short
NAME_LINE_PUNCT = set("，。；：！？“”（）《》")


SENTENCE_END = ("。", "！", "？", "”", "…", "）", "：")


@dataclass(slots=True)
class Column:
    left: float
    right: float

    @property
    def box(self) -> Box:
        return (self.left, 0.0, self.right, 0.0)


@dataclass(slots=True)
class HeadBlock:
    """The kicker, headline, subtitle and byline lines printed together over an article."""

    lines: list[Line]
    box: Box

    @property
    def top(self) -> float:
        return self.box[3]


# --- sizes and fonts ---------------------------------------------------------------------

def body_size(lines: list[Line]) -> float:
    """The body text's font size: the size most characters are printed in."""
    counts: Counter = Counter()
    for ln in lines:
        counts[round(ln.font_size * 4) / 4] += len(ln.text)
    mode = counts.most_common(1)[0][0]
    return median(ln.font_size for ln in lines if abs(ln.font_size - mode) <= 0.25)


def is_body_size(line: Line, body: float) -> bool:
    return -BODY_SIZE_BELOW <= line.font_size / body - 1 <= BODY_SIZE_ABOVE


def body_font(lines: list[Line], body: float) -> str | None:
    counts = Counter(ln.font for ln in lines if is_body_size(ln, body) for _ in ln.text)
    return counts.most_common(1)[0][0] if counts else None


# --- page furniture ----------------------------------------------------------------------

def mark_header(page: Page, lines: list[Line]) -> None:
    """The header: the lines above a full-width rule near the top, or a top row that reads
    like one (a date, 星期X, 责编/校对)."""
    height = page.size[1] if page.size else max(ln.box[3] for ln in lines)
    text_w = max(ln.box[2] for ln in lines) - min(ln.box[0] for ln in lines)
    zone = height * (1 - HEADER_ZONE)
    rules = [r for r in page.rules if r[1] >= zone and (r[2] - r[0]) >= FULL_WIDTH_RULE * text_w]
    if rules:
        y = max(r[3] for r in rules)
        for ln in lines:
            if ln.box[1] >= y:
                ln.kind = "header"
                ln.because("header:above_rule")
        return
    top = max(ln.box[3] for ln in lines)
    row = [ln for ln in lines if ln.box[3] >= top - ln.font_size and ln.box[1] >= zone]
    if any(DATE.search(strip_ws(ln.text)) or WEEKDAY.search(ln.text) or EDITORS.search(ln.text) for ln in row):
        for ln in row:
            ln.kind = "header"
            ln.because("header:top_row")


def captions_size_or_opening(line: Line, body: float) -> bool:
    """A caption line's size (smaller than the body), or a caption's opening (`图为…`) at any
    size: a scan's caption printed over the top of a body line (the picture covering that
    column) is read by OCR as one line as tall as both, which measures as display type (dev
    page 6: `图为实行县乡领导包村。记者 朱宁冕干部包户责任制，是` cut its article in two)."""
    return line.font_size < body * (1 - BODY_SIZE_BELOW) or bool(CAPTION.match(strip_ws(line.text)))


def mark_captions(page: Page, lines: list[Line], body: float) -> dict[int, Box]:
    """Lines smaller than the body (or opening as captions do: `captions_size_or_opening`),
    printed right under a picture and within its width; returns
    each caption line's picture, keyed by `id(line)`."""
    pictures: dict[int, Box] = {}
    for pic in page.pictures:
        floor, row_top, row_floor = pic[1], None, pic[1]
        for ln in sorted(lines, key=lambda ln: -ln.box[3]):
            if ln.kind != "body" or not captions_size_or_opening(ln, body):
                continue
            slack = CAPTION_OVERHANG * ln.font_size  # a caption may be set wider than its picture (dev pages 24, 26)
            inside = ln.box[0] >= pic[0] - slack and ln.box[2] <= pic[2] + slack
            beside = row_top is not None and abs(ln.box[3] - row_top) <= CAPTION_ROW * ln.font_size
            if not beside:
                floor = row_floor
            if inside and (beside or floor - CAPTION_GAP * ln.font_size <= ln.box[3] <= floor + 2):
                ln.kind = "caption"
                ln.because("caption:under_picture")
                pictures[id(ln)] = pic
                if not beside:
                    row_top = ln.box[3]
                row_floor = min(row_floor, ln.box[1])
    return pictures


# --- columns -------------------------------------------------------------------------------

def commonest_are_indented(lines: list[Line], col_w: float, body: float) -> bool:
    """Whether lines of the commonest width are indented first lines: some line ends where one
    of them ends but starts two em further left (in a short text, a one-column brief, first
    lines can outnumber full ones)."""
    tol = 0.6 * body
    common = {(round(ln.box[0]), round(ln.box[2])) for ln in lines if abs((ln.box[2] - ln.box[0]) - col_w) <= tol}
    return any(abs(ln.box[2] - x1) <= tol and abs(ln.box[0] - (x0 - INDENT_EM * body)) <= tol
               for ln in lines for x0, x1 in common)


def find_columns(lines: list[Line], body: float) -> list[Column]:
    """Body columns from the left edges of full-width body lines."""
    widths = Counter(round(ln.box[2] - ln.box[0]) for ln in lines if len(ln.text) >= 4)
    if not widths:
        return []
    col_w = widths.most_common(1)[0][0]
    if commonest_are_indented(lines, col_w, body):
        col_w = round(col_w + INDENT_EM * body)
    lefts = sorted(ln.box[0] for ln in lines if abs((ln.box[2] - ln.box[0]) - col_w) <= 0.6 * body)
    groups: list[list[float]] = []
    for x in lefts:
        if groups and x - groups[-1][-1] <= 0.5 * body:
            groups[-1].append(x)
        else:
            groups.append([x])
    columns = [Column(median(g), median(g) + col_w) for g in groups if len(g) >= MIN_COLUMN_LINES]
    if not columns and groups:  # a short text (a one-column brief): its widest left edge group
        g = max(groups, key=len)
        columns = [Column(median(g), median(g) + col_w)]
    return columns


def column_of(line: Line, columns: list[Column], body: float) -> int | None:
    """The column a line fits in, if any: it starts at (or is indented from) the column's left
    edge and lies mostly inside it (a line printed a little larger sticks out on the right)."""
    slack = COLUMN_SLACK * body
    for i, col in enumerate(columns):
        inside = x_overlap(line.box, col.box) >= IN_COLUMN * (line.box[2] - line.box[0])
        if line.box[0] >= col.left - slack and inside:
            return i
    return None


# --- headline blocks -----------------------------------------------------------------------

def head_blocks(heads: list[Line]) -> list[HeadBlock]:
    """Group headline lines that sit close together and overlap horizontally."""
    heads = sorted(heads, key=lambda ln: -ln.box[3])
    blocks: list[list[Line]] = []
    for ln in heads:
        for block in blocks:
            last = block[-1]
            gap = last.box[1] - ln.box[3]
            if x_overlap(last.box, ln.box) > 0 and -0.5 * ln.font_size < gap < HEAD_GAP * max(last.font_size, ln.font_size):
                block.append(ln)
                break
        else:
            blocks.append([ln])
    return [HeadBlock(b, union(ln.box for ln in b)) for b in blocks]


def is_byline_text(text: str) -> bool:
    """Whether a whole line reads like a standalone byline (`本报记者 王某 李某`, `本报评论员`)."""
    return bool(STANDALONE_BYLINE.match(strip_ws(text).replace("、", "")))


def is_byline_line(line: Line, col: Column, body: float, font: str | None) -> bool:
    """A standalone byline inside a column: a display-font line that reads like one and stops
    short of the column's right edge."""
    return line.font != font and is_byline_text(line.text) and line.box[2] < col.right - body


def column_line_kind(line: Line, col: Column, body: float, font: str | None) -> str:
    """body, jump, continued, source or byline: what a line inside a column is."""
    text = strip_ws(line.text)
    if JUMP.match(text):
        return "jump"
    if CONTINUED.match(text):
        return "continued"
    if SOURCE.match(text) and line.box[0] > col.left + INDENT_MIN * body:
        return "source"
    if is_byline_line(line, col, body, font):
        return "byline"
    return "body"


def join_bylines(bylines: list[Line], blocks: list[HeadBlock], body: float) -> list[HeadBlock]:
    """Put each standalone byline line into the headline block right above it (or its own)."""
    for ln in sorted(bylines, key=lambda ln: -ln.box[3]):
        above = [b for b in blocks if x_overlap(b.box, ln.box) > 0 and 0 <= b.box[1] - ln.box[3] < BYLINE_UNDER_HEAD * body]
        if above:
            block = min(above, key=lambda b: b.box[1] - ln.box[3])
            block.lines.append(ln)
            block.box = union([block.box, ln.box])
        else:
            blocks.append(HeadBlock([ln], ln.box))
    return blocks


def absorb_name_lines(col_lines: dict[int, list[Line]], columns: list[Column], blocks: list[HeadBlock],
                      body: float, font: str | None) -> None:
    """A short display-font line without punctuation right under a headline block is its
    byline, even when it holds only a name (`劲驰`, dev page 11)."""
    for block in blocks:
        for c, lines in col_lines.items():
            if x_overlap(block.box, columns[c].box) <= 0:
                continue
            for ln in [ln for ln in lines if ln.box[3] < block.box[1]][:2]:
                if not is_name_line(ln, columns[c], block, body, font):
                    break
                ln.kind = "byline"
                ln.because(NAME_UNDER_HEADLINE_REASON)
                lines.remove(ln)
                block.lines.append(ln)
                block.box = union([block.box, ln.box])


def is_name_line(line: Line, col: Column, block: HeadBlock, body: float, font: str | None) -> bool:
    text = strip_ws(line.text)
    return (line.kind == "body" and line.font != font and block.box[1] - line.box[3] < BYLINE_UNDER_HEAD * body
            and line.box[2] < col.right - body and 0 < len(text) <= NAME_LINE_MAX
            and not any(ch in NAME_LINE_PUNCT for ch in text))


def place_lines(lines: list[Line], columns: list[Column], body: float, font: str | None):
    """Sort the page's remaining lines into column lines (per column) and headline lines."""
    col_lines: dict[int, list[Line]] = defaultdict(list)
    heads: list[Line] = []
    bylines: list[Line] = []
    for ln in lines:
        if ln.kind != "body":
            continue
        c = column_of(ln, columns, body) if is_body_size(ln, body) else None
        if c is None:
            if is_body_size(ln, body) and (is_byline_text(ln.text) or is_bare_name_line(ln, body, font)):
                ln.kind = "byline"
                ln.because("byline:standalone_line")
                bylines.append(ln)
                continue
            ln.kind = "head"
            ln.because("head:size" if not is_body_size(ln, body) else WIDE_HEAD_REASON)
            heads.append(ln)
            continue
        ln.kind = column_line_kind(ln, columns[c], body, font)
        if ln.kind == "byline":
            ln.because("byline:standalone_line")
            bylines.append(ln)
            continue
        if ln.kind != "body":
            ln.because(f"{ln.kind}:pattern")
        elif ln.box[0] - columns[c].left >= INDENT_MIN * body:
            ln.para_start = True
            ln.because("paragraph_start:indent")
        col_lines[c].append(ln)
    for c, cl in col_lines.items():
        cl.sort(key=lambda ln: -ln.box[3])
        i = 0
        while i < len(cl):
            j = i + 1  # lines i..j-1: a run of display-font lines of one size, none indented
            while j < len(cl) and display_run_continues(cl[j - 1], cl[j], font, body):
                j += 1
            if is_display_run(cl[i:j], cl[i - 1] if i else None, cl[j] if j < len(cl) else None,
                              columns[c], body, font):
                byline = j == i + 1 and is_name_size(cl[i], body) and not any(ch in NAME_LINE_PUNCT - {"、"} for ch in cl[i].text)
                for ln in cl[i:j]:
                    ln.kind = "byline" if byline else "head"
                    ln.because("byline:display_line_at_body_size" if byline else "head:display_font_in_column")
                    (bylines if byline else heads).append(ln)
            i = j
        cl[:] = [ln for ln in cl if ln.kind not in ("head", "byline")]
    return col_lines, heads, bylines


def is_bare_name_line(line: Line, body: float, font: str | None) -> bool:
    """A display-font line at the body size without sentence punctuation, short: a byline of
    names (`田有社`, centred under a two-column headline: dev page 4)."""
    text = strip_ws(line.text)
    return (line.font != font and is_name_size(line, body) and 0 < len(text) <= NAME_LINE_MAX
            and not any(ch in NAME_LINE_PUNCT - {"、"} for ch in text))


def is_name_size(line: Line, body: float) -> bool:
    """Printed at the body size itself: bylines are; headlines shrunk to a column are not quite
    (dev pages 2, 38: 0.98× and 1.06×)."""
    return abs(line.font_size / body - 1) <= NAME_SIZE_TOLERANCE


def display_run_continues(prev: Line, line: Line, font: str | None, body: float) -> bool:
    return (line.font != font and prev.font == line.font and not line.para_start
            and abs(prev.font_size - line.font_size) <= SAME_LINE_SIZE * line.font_size
            and prev.box[1] - line.box[1] <= RUN_ON_STEP * line.font_size)


def is_display_run(run: list[Line], above: Line | None, below: Line | None, col: Column, body: float,
                   font: str | None) -> bool:
    """Body-size lines in a column that are a headline, not text: printed in another font than
    the body, not indented, not the run-on of the line above, and not running on into the line
    below (short, or followed by an indented line, a gap, or a line of another size: dev page 38
    has a two-line headline in one column shrunk to near the body size)."""
    first, last = run[0], run[-1]
    if first.kind != "body" or first.font == font or first.para_start:
        return False
    if above is not None and above.kind == "body" and runs_on(above, first, col, body):
        return False
    if last.box[2] < col.right - 0.5 * body or below is None or below.para_start:
        return True
    return last.box[1] - below.box[1] > RUN_ON_STEP * body or abs(below.font_size / last.font_size - 1) > SAME_LINE_SIZE


def runs_on(above: Line, line: Line, col: Column, body: float) -> bool:
    """Whether `line` may continue the paragraph of the line `above` it."""
    close = above.box[1] - line.box[1] <= RUN_ON_STEP * body
    return close and above.box[2] >= col.right - body and not above.text.endswith(SENTENCE_END)
