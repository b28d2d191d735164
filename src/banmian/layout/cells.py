"""Cells of a PDF page's columns and how they chain into articles: each column is cut at
ruling lines, headline blocks and wide gaps; the cells under a headline block form its
article; cells no block covers join the article beside them; articles come in reading order."""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from banmian.geometry import covers_x, union, x_overlap
from banmian.layout.lines import FULL_WIDTH_RULE, SENTENCE_END, Column, HeadBlock
from banmian.model import Box, Line, Page
from banmian.rules.bylines import lead_in_byline
from banmian.similarity import bigram_counts, counts_cosine

HEAD_COVERS = 0.25  # share of a column's width a headline block must span to stand over it (dev page 8:
# a headline centred over two columns covers half of each)
LIFT_MAX_LINES = 3  # a subtitle or byline above the first paragraph has at most this many lines
WHITESPACE_BREAK = 2.6  # × leading: a vertical gap this wide between two column lines separates articles


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
    sims = [(counts_cosine(bigram_counts(cell_text([c])), left_bag), counts_cosine(bigram_counts(cell_text([c])), right_bag))
            for c in run]
    return max(valid, key=lambda k: (sum(sl for sl, _ in sims[:k]) + sum(sr for _, sr in sims[k:]), k))


def beside(art: PdfArticle, col: int, run: list[Cell], columns: list[Column], leading: float) -> bool:
    """Whether a headline block with no text under it stands over column `col`, beside the run
    (a picture under the headline, its text in the next column: dev pages 5, 26)."""
    return (art.head is not None and not art.cells and 0 <= col < len(columns) and block_covers(art.head, columns[col])
            and run[-1].lines[-1].box[1] - leading <= art.head.box[1] and art.head.top <= run[0].top + 2 * leading)


def ends_short(cell: Cell, nxt: Cell, foot: float, leading: float, pictures: list[Box]) -> bool:
    """Whether an article that ends with `cell` stops there rather than running on into `nxt`
    (the next column): text fills a column before it moves on, or, set in balanced columns, ends
    level with the next, so a column whose text stops a blank above what closes it (the page's
    lowest text line at the foot), level with nothing, and with no picture under it, is the
    article's last (OCR dev page 9: the headline over the text beside it hidden by a picture)."""
    last = cell.lines[-1].box[1]
    floor = max(cell.bottom, foot)
    blank = WHITESPACE_BREAK * leading
    if last - floor <= blank or abs(last - nxt.lines[-1].box[1]) <= blank:
        return False
    return not any(x_overlap(p, cell.lines[-1].box) > 0 and floor - 1 <= p[3] <= last + 1 for p in pictures)


def left_article(run: list[Cell], cells: list[Cell], articles: list[PdfArticle], columns: list[Column],
                 leading: float, foot: float, pictures: list[Box]) -> PdfArticle | None:
    """The article just left of a run that the run could continue: its last cell is in the
    nearest column to the left holding text at that height (a picture may fill the columns in
    between: dev page 21), ends at the same place and does not stop short (`ends_short`), or it
    is a headline with no text beside it."""
    first = run[0]
    lo, hi = first.lines[-1].box[1], first.top
    near = [c for c in cells if c.column < first.column and c.lines[-1].box[1] <= hi and c.top >= lo]
    if near:
        c = max(near, key=lambda c: c.column)
        if (c.article is not None and c.article.cells[-1] is c and same_bottom(c, first, leading)
                and not ends_short(c, first, foot, leading, pictures)):
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


def open_to_lead_in(art: PdfArticle | None, after_run: bool) -> PdfArticle | None:
    """`art` if a run that opens with a dateline lead may join it, else None. A lead opens an
    article's text: the run continues no article on its left that has text already, and goes
    before no article on its right whose text opens with a lead of its own (OCR dev page 2: a
    headline hidden under a picture left its article's three columns between two such)."""
    if art is None or not art.cells:
        return art
    return art if after_run and not opens_with_lead_in(art.cells[0]) else None


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
                leading: float, pictures: list[Box] = ()) -> list[PdfArticle]:
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
    foot = min((c.lines[-1].box[1] for c in cells), default=0.0)
    for run in uncovered_runs(rest, leading):
        left = left_article(run, cells, articles, columns, leading, foot, pictures)
        right = right_article(run, articles, columns, leading)
        if opens_with_lead_in(run[0]):
            left, right = open_to_lead_in(left, False), open_to_lead_in(right, True)
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


# --- reading order and captions ----------------------------------------------------------

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
