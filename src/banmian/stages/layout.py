"""Layout (PDF pages): tell the kinds of lines apart by size, font and place; find the body
columns; cut each column into cells at ruling lines, headline blocks and wide gaps; chain the
cells into articles in reading order.

Text-dump pages (no line boxes) pass through untouched. The output is what the text path's
reassemble stage gives: ``page.scratch["threads"]`` (each article's cells as fragments, in
reading order) plus ``page.scratch["thread_extras"]`` (each thread's headline block and the
jump, continuation, credit and caption lines that belong to it), so the shared `segment` and
`metadata` stages finish the job.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

from banmian.geometry import covers_x, union, x_overlap
from banmian.model import Box, Fragment, Line, Page
from banmian.rules.bylines import lead_in_byline
from banmian.rules.chars import strip_ws
from banmian.similarity import bigram_counts
from banmian.rules.furniture import CONTINUED, DATE, EDITORS, JUMP, SOURCE, STANDALONE_BYLINE, WEEKDAY
from banmian.stages.reassemble import Thread

BODY_SIZE_BELOW = 0.04  # captions are 0.85× the body size and header lines 0.95× on pagesim pages
BODY_SIZE_ABOVE = 0.12  # pagesim grows the size by 0.02 pt per paragraph: +6% after 30 paragraphs (dev page 32)
HEADER_ZONE = 0.12  # share of the page height at its top where the header line and its rule sit
FULL_WIDTH_RULE = 0.7  # a rule spanning this share of the text width separates bands (or the header)
COLUMN_SLACK = 0.5  # em: a column line may start this much left of its column (hanging punctuation)
IN_COLUMN = 0.9  # share of a line's width inside a column for it to be that column's line
INDENT_EM = 2.0  # em: a paragraph's first-line indent
INDENT_MIN = 1.2  # em: a first-line indent is 2 em; squeezed punctuation never shifts a line by 1 em
MIN_COLUMN_LINES = 3  # a left edge shared by fewer full lines is not a column
HEAD_COVERS = 0.25  # share of a column's width a headline block must span to stand over it (dev page 8:
# a headline centred over two columns covers half of each)
HEAD_GAP = 1.0  # × the larger size: headline-block lines closer than this belong together
BYLINE_UNDER_HEAD = 2.5  # × body size: a byline line this close under a headline block joins it
CAPTION_OVERHANG = 2.0  # em of the caption size
CAPTION_GAP = 1.0  # × caption size: a caption line starts this close under its picture (or caption line)
SAME_LINE_SIZE = 0.02  # sizes of two lines of one paragraph differ less than this
RUN_ON_STEP = 1.8  # × body size: a line this close under another may be its paragraph's run-on
NAME_SIZE_TOLERANCE = 0.012  # see is_name_size
NAME_LINE_MAX = 20  # characters: a byline of names is short
NAME_LINE_PUNCT = set("，。；：！？“”（）《》")
LIFT_MAX_LINES = 3  # a subtitle or byline above the first paragraph has at most this many lines
WHITESPACE_BREAK = 2.6  # × leading: a vertical gap this wide between two column lines separates articles


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


@dataclass(slots=True)
class Cell:
    """A run of lines of one column between two separators: one column piece of an article."""

    column: int
    lines: list[Line]
    top_head: HeadBlock | None = None  # the headline block right above, if any
    bottom: float = 0.0  # y of what closes the cell below (a rule, a block, the page foot)
    article: "PdfArticle | None" = None

    @property
    def top(self) -> float:
        return self.lines[0].box[3]

    @property
    def body(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kind == "body"]


@dataclass(slots=True)
class PdfArticle:
    head: HeadBlock | None
    cells: list[Cell] = field(default_factory=list)
    reason: str = ""


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


def mark_captions(page: Page, lines: list[Line], body: float) -> dict[int, Box]:
    """Lines smaller than the body, printed right under a picture and within its width; returns
    each caption line's picture, keyed by `id(line)`."""
    pictures: dict[int, Box] = {}
    for pic in page.pictures:
        floor = pic[1]
        for ln in sorted(lines, key=lambda ln: -ln.box[3]):
            if ln.kind != "body" or ln.font_size >= body * (1 - BODY_SIZE_BELOW):
                continue
            slack = CAPTION_OVERHANG * ln.font_size  # a caption may be set wider than its picture (dev pages 24, 26)
            inside = ln.box[0] >= pic[0] - slack and ln.box[2] <= pic[2] + slack
            if inside and floor - CAPTION_GAP * ln.font_size <= ln.box[3] <= floor + 2:
                ln.kind = "caption"
                ln.because("caption:under_picture")
                pictures[id(ln)] = pic
                floor = ln.box[1]
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
                ln.because("byline:name_under_headline")
                lines.remove(ln)
                block.lines.append(ln)
                block.box = union([block.box, ln.box])


def is_name_line(line: Line, col: Column, block: HeadBlock, body: float, font: str | None) -> bool:
    text = strip_ws(line.text)
    return (line.kind == "body" and line.font != font and block.box[1] - line.box[3] < BYLINE_UNDER_HEAD * body
            and line.box[2] < col.right - body and 0 < len(text) <= NAME_LINE_MAX
            and not any(ch in NAME_LINE_PUNCT for ch in text))


# --- cells ---------------------------------------------------------------------------------

def typical_leading(col_lines: dict[int, list[Line]], body: float) -> float:
    """The usual baseline-to-baseline distance inside a column."""
    steps = [a.box[1] - b.box[1] for lines in col_lines.values() for a, b in zip(lines, lines[1:])]
    steps = [s for s in steps if 0 < s < 3 * body]
    return median(steps) if steps else 1.4 * body


def block_covers(block: HeadBlock, col: Column) -> bool:
    """Whether a headline block stands over a column."""
    return x_overlap(block.box, col.box) >= min(HEAD_COVERS * (col.right - col.left), 0.5 * (block.box[2] - block.box[0]))


def separators(col: Column, blocks: list[HeadBlock], rules: list[Box]) -> list[tuple[float, float, HeadBlock | None]]:
    """(bottom, top, block or None) of the rules and headline blocks crossing a column."""
    seps = [(r[1], r[3], None) for r in rules if covers_x(r, col.box)]
    seps += [(b.box[1], b.box[3], b) for b in blocks if block_covers(b, col)]
    return seps


def split_cells(c: int, lines: list[Line], seps, leading: float, pictures: list[Box]) -> list[Cell]:
    """Cut one column's lines (top to bottom) into cells at separators and at wide gaps that
    no picture fills."""
    cells: list[Cell] = []
    for ln in lines:
        if cells:
            prev = cells[-1].lines[-1]
            crossed = any(ln.box[3] - 1 <= (s[0] + s[1]) / 2 <= prev.box[1] + 1 for s in seps)
            gap = (prev.box[1] - ln.box[1] > WHITESPACE_BREAK * leading
                   and not any(x_overlap(p, ln.box) > 0 and ln.box[3] - 1 <= p[3] and p[1] <= prev.box[1] + 1
                               for p in pictures))
            closed = prev.kind in ("jump", "source")
            if not (crossed or gap or closed or ln.kind == "continued"):
                cells[-1].lines.append(ln)
                continue
        cells.append(Cell(c, [ln]))
    return cells


def lift_head_lines(articles: list[PdfArticle]) -> None:
    """Lines before the first indented line of an article that opens right under its headline
    block belong to the block (an article starts with a paragraph: dev page 2 prints a subtitle
    in the body font and size)."""
    for art in articles:
        cell = art.cells[0] if art.cells else None
        if cell is None or art.head is None or cell.top_head is not art.head:
            continue
        k = next((i for i, ln in enumerate(cell.lines) if ln.para_start or ln.kind != "body"), len(cell.lines))
        if 0 < k < len(cell.lines) and k <= LIFT_MAX_LINES:
            block = cell.top_head
            for ln in cell.lines[:k]:
                ln.kind = "head"
                ln.because("head:above_first_paragraph")
                block.lines.append(ln)
            block.box = union([block.box, *(ln.box for ln in cell.lines[:k])])
            del cell.lines[:k]


def bound_cells(cells: list[Cell], seps) -> None:
    """Set each cell's headline block above (when nothing else is nearer) and its bottom."""
    for i, cell in enumerate(cells):
        above_prev = cells[i - 1].lines[-1].box[1] if i else None
        above = [s for s in seps if (s[0] + s[1]) / 2 >= cell.top - 1]
        nearest = min(above, key=lambda s: s[0], default=None)
        if nearest is not None and nearest[2] is not None and (above_prev is None or nearest[0] < above_prev):
            cell.top_head = nearest[2]
        below = [s[1] for s in seps if (s[0] + s[1]) / 2 <= cell.lines[-1].box[1] + 1]
        if i + 1 < len(cells):
            below.append(cells[i + 1].top)
        cell.bottom = max(below, default=0.0)


# --- chaining cells into articles ------------------------------------------------------------

def same_bottom(a: Cell, b: Cell, leading: float) -> bool:
    return abs(a.bottom - b.bottom) <= 1.5 * leading


def starts_paragraph(cell: Cell) -> bool:
    body = cell.body
    return bool(body) and body[0].para_start


def ends_open(cell: Cell, col: Column, body_size_: float) -> bool:
    """Whether the cell's text runs on: its last line is full and ends mid-sentence."""
    body = cell.body
    if not body or cell.lines[-1].kind != "body":
        return False
    last = body[-1]
    return last.box[2] >= col.right - body_size_ and not last.text.endswith(SENTENCE_END)


def uncovered_runs(rest: list[Cell], leading: float) -> list[list[Cell]]:
    """Group cells no headline block covers into runs of adjacent columns whose text runs on."""
    runs: list[list[Cell]] = []
    for cell in sorted(rest, key=lambda c: (c.column, -c.top)):
        for run in runs:
            last = run[-1]
            if (last.column == cell.column - 1 and same_bottom(last, cell, leading)
                    and cell.lines[0].kind != "continued"):
                run.append(cell)
                break
        else:
            runs.append([cell])
    return runs


def cell_text(cells: list[Cell]) -> str:
    return "".join(ln.text for c in cells for ln in c.body)


def cosine(a: Counter, b: Counter) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    na, nb = sum(v * v for v in a.values()), sum(v * v for v in b.values())
    return dot / (na * nb) ** 0.5 if na and nb else 0.0


def opens_with_lead_in(cell: Cell) -> bool:
    """Whether the cell's text opens with a dateline lead (`新华社北京1月16日电…`)."""
    head = "".join(ln.text for ln in cell.body[:3])
    return bool(cell.body) and lead_in_byline(head) is not None


def boundary_ok(prev: Cell, nxt: Cell, columns: list[Column], body: float) -> bool:
    """Whether an article may end after `prev` and another start at `nxt`: a paragraph starts
    at `nxt`, and `prev` closes its sentence or `nxt` opens with a dateline lead (a truncated
    article stops mid-sentence without a jump line: dev page 2)."""
    return starts_paragraph(nxt) and (not ends_open(prev, columns[prev.column], body) or opens_with_lead_in(nxt))


def split_run(run: list[Cell], left: PdfArticle | None, right: PdfArticle | None, columns: list[Column],
              body: float) -> int:
    """How many cells of an uncovered run go to the article on the left (the rest go right).

    A run between two articles whose headline blocks cover only part of their columns (a
    headline over the left columns of one, over the right columns of the other: dev page 8)
    splits where one paragraph ends and another starts; among such places, the one whose cells
    read most like the text of the article they join. A headline with no text yet takes at
    least one cell.
    """
    if right is None:
        return len(run)
    if left is None:
        return 0
    lo, hi = (0 if left.cells else 1), (len(run) if right.cells else len(run) - 1)
    if lo > hi:
        return len(run)
    ks = list(range(lo, hi + 1))

    def boundary(k: int) -> bool:  # may `left` end before run[k] (k == len(run): before `right`)?
        prev = run[k - 1] if k else left.cells[-1]
        nxt = run[k] if k < len(run) else right.cells[0]
        return boundary_ok(prev, nxt, columns, body)

    valid = [k for k in ks if boundary(k)] or ks
    left_bag, right_bag = (bigram_counts(cell_text(a.cells) + "".join(ln.text for ln in (a.head.lines if a.head else [])))
                           for a in (left, right))
    sims = [(cosine(bigram_counts(cell_text([c])), left_bag), cosine(bigram_counts(cell_text([c])), right_bag))
            for c in run]
    return max(valid, key=lambda k: (sum(sl for sl, _ in sims[:k]) + sum(sr for _, sr in sims[k:]), k))


def beside(art: PdfArticle, col: int, run: list[Cell], columns: list[Column], leading: float) -> bool:
    """Whether a headline block with no text under it stands over column `col`, beside the run
    (a picture under the headline, its text in the next column: dev pages 5, 26)."""
    return (art.head is not None and not art.cells and 0 <= col < len(columns) and block_covers(art.head, columns[col])
            and run[-1].lines[-1].box[1] - leading <= art.head.box[1] and art.head.top <= run[0].top + 2 * leading)


def left_article(run: list[Cell], cells: list[Cell], articles: list[PdfArticle], columns: list[Column],
                 leading: float) -> PdfArticle | None:
    """The article just left of a run that the run could continue: its last cell is in the
    nearest column to the left holding text at that height (a picture may fill the columns in
    between: dev page 21) and ends at the same place, or it is a headline with no text beside it."""
    first = run[0]
    lo, hi = first.lines[-1].box[1], first.top
    near = [c for c in cells if c.column < first.column and c.lines[-1].box[1] <= hi and c.top >= lo]
    if near:
        c = max(near, key=lambda c: c.column)
        if c.article is not None and c.article.cells[-1] is c and same_bottom(c, first, leading):
            return c.article
    return next((a for a in articles if beside(a, first.column - 1, run, columns, leading)), None)


def right_article(run: list[Cell], articles: list[PdfArticle], columns: list[Column], leading: float):
    """The headed article just right of a run whose body could begin with the run: its first
    cell lies under its headline block in the next column, or it is a headline with no text
    beside the run."""
    col = run[-1].column + 1
    for art in articles:
        if art.head is not None and art.cells:
            c = art.cells[0]
            if c.column == col and c.top_head is art.head and same_bottom(c, run[-1], leading):
                return art
    return next((a for a in articles if beside(a, col, run, columns, leading)), None)


def attach(art: PdfArticle | None, cells: list[Cell], why: str) -> None:
    """Append cells to an article, noting why once."""
    if art is None or not cells:
        return
    if why and not art.reason.endswith(why):
        art.reason += why
    art.cells.extend(cells)
    for c in cells:
        c.article = art


def chain_cells(cells: list[Cell], blocks: list[HeadBlock], columns: list[Column], body: float,
                leading: float) -> list[PdfArticle]:
    """Articles: each headline block with the cells under it, then the uncovered runs attached
    to the article on their left (headline over the left columns) or right (over the right)."""
    articles: list[PdfArticle] = []
    for block in blocks:
        under = sorted((c for c in cells if c.top_head is block), key=lambda c: c.column)
        art = PdfArticle(block, under, "article:under_headline")
        for c in under:
            c.article = art
        articles.append(art)
    rest = [c for c in cells if c.article is None]
    for run in uncovered_runs(rest, leading):
        left = left_article(run, cells, articles, columns, leading)
        right = right_article(run, articles, columns, leading)
        if run[0].lines[0].kind == "continued":  # a continuation opens its own article (dev page 20)
            left = PdfArticle(None, [], "article:continued_note")
            articles.append(left)
            attach(left, run[:1], "")
            run = run[1:]
        elif left is None and right is None:
            left = PdfArticle(None, [], "article:no_headline")
            articles.append(left)
        k = split_run(run, left, right, columns, body)
        attach(left, run[:k], "+cells_right_of_headline" if left is not None and left.head else "")
        if k < len(run):
            right.cells[:0] = run[k:]
            right.reason += "+cells_left_of_headline"
            for c in run[k:]:
                c.article = right
    return [art for art in articles if art.cells]


# --- the stage -------------------------------------------------------------------------------

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
            ln.because("head:size" if not is_body_size(ln, body) else "head:wider_than_column")
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


def band_rules(page: Page, lines: list[Line]) -> list[float]:
    """y of the full-width rules that separate bands (the header rule excluded)."""
    x0, x1 = min(ln.box[0] for ln in lines), max(ln.box[2] for ln in lines)
    body_top = max((ln.box[3] for ln in lines if ln.kind != "header"), default=0.0)
    return [r[1] for r in page.rules if (r[2] - r[0]) >= FULL_WIDTH_RULE * (x1 - x0) and r[1] < body_top]


def article_top(art: PdfArticle) -> float:
    return art.head.top if art.head else max(c.top for c in art.cells)


def reading_order(articles: list[PdfArticle], columns: list[Column], bands: list[float]) -> list[PdfArticle]:
    """Bands top to bottom, then columns left to right, then stacked articles top to bottom."""
    def key(art: PdfArticle):
        top = article_top(art)
        left = min((c.column for c in art.cells), default=0)
        if art.head and not art.cells:
            left = min((i for i, col in enumerate(columns) if covers_x(art.head.box, col.box)), default=0)
        return (sum(1 for y in bands if y > top), left, -top)
    return sorted(articles, key=key)


def caption_owner(line: Line, picture: Box, cells: list[Cell]) -> PdfArticle | None:
    """The article whose column text lies nearest the caption's picture."""
    lo, hi = line.box[1], picture[3]
    best, best_d = None, float("inf")
    for cell in cells:
        col_box = (cell.lines[0].box[0], 0, cell.lines[0].box[2], 0)
        if cell.article is None or x_overlap(col_box, picture) <= 0:
            continue
        c_lo, c_hi = cell.lines[-1].box[1], cell.top
        d = max(0.0, lo - c_hi, c_lo - hi)
        if d < best_d:
            best, best_d = cell.article, d
    return best


def layout(page: Page) -> Page:
    """Rebuild the page's articles from line geometry (PDF pages only)."""
    lines = [ln for ln in page.lines if ln.box is not None and not ln.blank]
    if not lines:
        return page
    body = body_size(lines)
    font = body_font(lines, body)
    mark_header(page, lines)
    pictures = mark_captions(page, lines, body)
    candidates = [ln for ln in lines if ln.kind == "body" and is_body_size(ln, body)]
    columns = find_columns(candidates, body)
    col_lines, heads, bylines = place_lines(lines, columns, body, font)
    blocks = join_bylines(bylines, head_blocks(heads), body)
    absorb_name_lines(col_lines, columns, blocks, body, font)
    leading = typical_leading(col_lines, body)
    cells: list[Cell] = []
    for c, clines in sorted(col_lines.items()):
        seps = separators(columns[c], blocks, page.rules)
        found = split_cells(c, clines, seps, leading, page.pictures)
        bound_cells(found, seps)
        cells.extend(found)
    articles = reading_order(chain_cells(cells, blocks, columns, body, leading), columns, band_rules(page, lines))
    lift_head_lines(articles)
    captions: dict[int, list[Line]] = defaultdict(list)
    for ln in lines:
        if id(ln) in pictures:
            owner = caption_owner(ln, pictures[id(ln)], cells)
            if owner is not None:
                captions[id(owner)].append(ln)
    threads, extras = [], []
    for art in articles:
        frags = [Fragment(cell.body) for cell in art.cells if cell.body]
        threads.append(Thread(frags, art.reason))
        attached = [ln for cell in art.cells for ln in cell.lines if ln.kind != "body"]
        extras.append({"head": art.head.lines if art.head else [], "attached": attached + captions[id(art)]})
    page.scratch["threads"] = threads
    page.scratch["thread_extras"] = extras
    page.scratch["layout"] = {"columns": columns, "blocks": blocks, "cells": cells, "articles": articles}
    return page
