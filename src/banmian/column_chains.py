"""Column chains: read back in column order a thread whose two columns pdftotext printed row by row.

pdftotext cuts an article's columns into blocks at paragraph gaps and may print the blocks of
two side-by-side columns of one article interleaved by height, not column after column
(simulated TRAIN pdftotext page 11, a two-column report: left blocks L1 L2, right R1 R2, left
L3, right R3, left L4, right R4 on the PDF, each left block beside the right one at its
height). The reassemble stage keeps a thread's fragments in input order, so the thread reads
L1 L2 R1 R2 L3 R3 L4 R4 where the article reads L1 L2 L3 L4 R1 R2 R3 R4.

Layout facts tell the columns apart in the text alone:
- each column's blocks keep their order in the dump (a column is printed top to bottom), so the
  article is the thread's fragments split into two chains, each in input order, the first
  (holding the thread's first fragment) read before the second;
- where the interleaving breaks reading order, the breaks show (`thread_order.bad_break`: text
  starting mid-sentence after a finished paragraph, an indented paragraph after a sentence
  stopping mid-way), and the first chain's last piece stops mid-sentence where the second's
  first piece goes on (the column break);
- an article's columns are balanced: the two columns side by side hold the same number of lines
  (`side_by_side`);
- pdftotext prints the left of two blocks that share a height first (`printed_side_by_side`):
  a right-column piece printed before a left-column piece stands above it.

`split_columns_back` takes the split into two chains that leaves the fewest bad breaks (on a
tie, the one keeping most fragments after the one printed before them), when it leaves at least
MIN_BREAKS_MENDED fewer than the input order and the chains stand side by side so.

Sim TRAIN pdftotext (300 pages), body_char_acc pages 1-40 / 41-300: without it 0.8262 / 0.8035;
with it 0.8296 / 0.8042 (11 pages change, 8 up: threads of TRAIN pages 11, 17, 72, 125, 246
and 263 now read in gold order; 3 down, page 15 by 0.03: of a three-column article whose last
two columns interleave, the wrong one of two pieces starting mid-sentence taken for the right
column's top, a split as balanced and with as few bad breaks as the true one). Without the `printed_side_by_side` test 0.8227 / 0.8029
(two-chain splits with balanced line counts alone are as often wrong as right); a split that
need not be balanced nor printed side by side, or scored by the link model's join log-odds
along the order instead of the bad breaks, lost more than it gained. Dev pages 1-40: the five
pdftotext threads of dev pages printed so (pages 5, 24, 30, 33, 34) fail its tests (their
column break after a finished sentence, or no bad break mended): it changes nothing there.
"""
from __future__ import annotations

from typing import Final

from banmian.model import Fragment
from banmian.stages.reorder import MID_SENTENCE_STARTS, goes_on_paragraph
from banmian.thread_order import bad_break

REASON: Final = "column_chains:after_line_"
# Figures below: sim TRAIN pdftotext body_char_acc pages 1-40 / 41-300 (0.8296 / 0.8042 with the
# values kept). Threads of more fragments are left alone (the split is searched over all
# 2^(n-1) ways): 8: 0.8287 / 0.8040, 10: 0.8300 / 0.8041, 14: 0.8296 / 0.8037.
MAX_FRAGMENTS: Final = 12
# The split must mend at least this many bad breaks (net of those it makes); 1: 0.8296 / 0.8042
# with exact lower (0.5047 against 0.5061 on 41-300).
MIN_BREAKS_MENDED: Final = 2
# Lines two columns side by side may differ by (a subhead, a paragraph gap, a last line short):
# 1: 0.8316 / 0.8041, 3: 0.8296 / 0.8040.
BALANCE_SLACK: Final = 2
# Lines two blocks may share in height and still be printed right column first (paragraph gaps
# shift a column's blocks against the line count): 0: 0.8296 / 0.8041, 2: 0.8296 / 0.8046.
SIDE_BY_SIDE_SLACK: Final = 1


def side_by_side(first: list[Fragment], second: list[Fragment]) -> bool:
    """The first chain's last column and the second chain's first column stand side by side as
    pdftotext prints two balanced columns of one article: the first chain may hold earlier
    columns, printed whole before, and the second later ones, printed whole after (pieces printed
    after the first chain's last). The last column is a tail of the first chain taking in every
    piece printed after the second chain's first; the column beside it a head of the second
    taking in every piece printed before the first chain's last; the two hold as many lines
    (within BALANCE_SLACK: an article's columns are filled alike) and are
    `printed_side_by_side`."""
    after = next((k for k, f in enumerate(first) if f.order > second[0].order), None)
    if after is None:
        return False
    before = max(k for k, g in enumerate(second) if g.order < first[-1].order)
    tail = 0
    for k in range(len(first) - 1, -1, -1):
        tail += len(first[k].lines)
        if k > after:
            continue
        head = 0
        for m, g in enumerate(second):
            head += len(g.lines)
            if m < before:
                continue
            if abs(tail - head) <= BALANCE_SLACK and printed_side_by_side(first[k:], second[: m + 1]):
                return True
            if head > tail + BALANCE_SLACK:
                break
    return False


def breaks(frags: list[Fragment]) -> int:
    """The `bad_break`s between consecutive fragments."""
    return sum(bad_break(a, b) for a, b in zip(frags, frags[1:]))


def printed_side_by_side(column: list[Fragment], second: list[Fragment]) -> bool:
    """The input order is one pdftotext prints two columns side by side in: no piece of the
    second column comes before a piece of the first (`column`) whose lines stand beside its own
    by more than SIDE_BY_SIDE_SLACK lines (pdftotext prints the left of two blocks that share a
    height first). Heights are counted in lines from each column's top."""
    spans = []
    top = 0
    for f in column:
        spans.append((f.order, top, top + len(f.lines)))
        top += len(f.lines)
    top = 0
    for g in second:
        bottom = top + len(g.lines)
        for order, a, b in spans:
            if g.order < order and min(b, bottom) - max(a, top) > SIDE_BY_SIDE_SLACK:
                return False
        top = bottom
    return True


def kept_joins(frags: list[Fragment]) -> int:
    """How many fragments follow the one printed right before them."""
    return sum(1 for a, b in zip(frags, frags[1:]) if b.order == a.order + 1)


def best_split(frags: list[Fragment]) -> tuple[list[Fragment], list[Fragment]] | None:
    """The split of `frags` into two chains (each in input order, the first holding frags[0])
    whose concatenation leaves the fewest bad breaks, at least MIN_BREAKS_MENDED fewer than
    `frags`; the column break between them (first's last, second's first) mid-sentence and the
    two chains `side_by_side`; on a tie the most `kept_joins`, then the fewest fragments moved.
    None if there is none."""
    n = len(frags)
    old = breaks(frags)
    if n < 4 or n > MAX_FRAGMENTS or old < MIN_BREAKS_MENDED:
        return None
    best: tuple[tuple[int, int, int], list[Fragment], list[Fragment]] | None = None
    for mask in range(1, 1 << (n - 1)):
        first = [frags[0]] + [frags[k] for k in range(1, n) if not mask >> (k - 1) & 1]
        second = [frags[k] for k in range(1, n) if mask >> (k - 1) & 1]
        if len(first) < 2 or first[-1].no_successor:
            continue
        if first[-1].end != "open" or second[0].start not in MID_SENTENCE_STARTS:
            continue
        new = breaks(first + second)
        if old - new < MIN_BREAKS_MENDED:
            continue
        if not side_by_side(first, second):
            continue
        key = (new, -kept_joins(first + second), bin(mask).count("1"))
        if best is None or key < best[0]:
            best = (key, first, second)
    return None if best is None else (best[1], best[2])


def split_columns_back(frags: list[Fragment]) -> bool:
    """Put a thread's fragments `frags` (in place) in the order of `best_split`, if any; each
    fragment that now follows another than before says so (`column_chains:after_line_35`)."""
    split = best_split(frags)
    if split is None:
        return False
    order = split[0] + split[1]
    before = {id(b): a for a, b in zip(frags, frags[1:])}
    for a, b in zip(order, order[1:]):
        if before.get(id(b)) is not a:
            b.first.para_start = not goes_on_paragraph(a, b)
            b.first.because(f"{REASON}{a.last.no}")
    frags[:] = order
    return True
