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

Second round. pdftotext (poppler) orders blocks by a topological sort (a block above another
it overlaps in x comes first; one left of another comes first unless a block spanning both
stands between), done depth first, so the interleaving follows the blocks' heights only
roughly:
- the two columns' blocks are printed one after another, nothing of another article amid
  them (`printed_together`, allowing MAX_FOREIGN pieces: a piece of the article may have gone
  to another thread);
- where `printed_side_by_side` finds no split, a right block whose top stands above a left one's
  may have been printed first though the two share many lines, a left one level with it not
  (`printed_by_tops`, TOP_ORDER);
- an article of three columns may be printed so too, all three or the last two interleaved
  (`best_three_split`, THREE_COLUMNS).
Of the threads of 4+ fragments lying in one gold article on sim TRAIN pdftotext (837), 92 were
out of order before the first round, 87 after it, 82 after the second (TRAIN pages 22, 42, 235,
289 and 295 now in order, none out of order that was not). Of those left, most have gold orders
that mend no bad break (column breaks after a finished sentence, or a `(maybe, open)` join that
is a true one) or are no two- or three-chain split of the input at all (a piece printed before
the text it follows, the last two pieces swapped): line counts alone (equal-height pairs of
pieces printed alternately) moved more threads out of gold order than into it (25 against 16).
Tried and left out: among splits leaving as few bad breaks, the one whose columns hold the
likest number of lines (mends TRAIN page 15, TRAIN 1-40 body 0.8303 -> 0.8324, but VAL 41-120
0.7937 -> 0.7924, measured before `printed_by_tops`); mending one bad break where the columns
balance (more threads worse than better).
"""
from __future__ import annotations

from itertools import product
from typing import Callable, Final

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
# Pieces of other threads the input may print amid the two columns of a split (from the second
# chain's first piece to the first chain's last, `printed_together`): TRAIN pages 42 and 196 had
# a one-line piece of a thread taken for a column's end, with 14 and 4 pieces of other articles
# printed amid its "columns". Sim pdftotext
# body_char_acc / para_f1, VAL pages 1-40: no limit 0.7849 / 0.8222, 1: 0.7850 / 0.8228, 0: 0.7830
# / 0.8222 (a true split with a piece of the article gone to another thread amid its columns);
# TRAIN unchanged at four places.
MAX_FOREIGN: Final = 1
# Where no split stands side by side as `printed_side_by_side` asks, try one printed by the tops of
# its pieces (`printed_by_tops`): pdftotext printed a right-column block whose top stands above a
# left one's before it though the two share many lines (TRAIN pages 235, 289, 295, each column's
# pieces of 13-21 lines). Sim pdftotext, without / with it: TRAIN 41-300 body_char_acc 0.8042 /
# 0.8050, para_f1 0.8161 / 0.8166, article_exact 0.5056 / 0.5070; VAL 41-120 body 0.7937 / 0.7945,
# para 0.8178 / 0.8185, exact 0.5326 / 0.5342; pages 1-40 of both unchanged. As the only test it
# lost more than it gained (TRAIN pages 180, 206 and 221 moved wrongly where
# `printed_side_by_side` finds the true split or none).
TOP_ORDER = True
# Lines a left piece printed before a right one may stand lower (`printed_by_tops`); a right piece
# printed first must stand higher, by a line at least: level with the left one, pdftotext prints
# the left first (letting it print level or a line lower split dev pdftotext page 33's thread of
# one column, a piece starting mid-sentence after a finished paragraph taken for a column top
# beside the one printed before it: dev 21-40 body 0.8892 -> 0.8886). 0: the same figures; 2
# and 4: TRAIN 41-300 body 0.8048.
TOPS_SLACK: Final = 1
# Read a thread as three chains (`best_three_split`) where no two-chain split does: an article of
# three columns printed side by side block by block (sim TRAIN page 22: tops of the first two
# columns, the first's bottom, the third's top, the second's bottom, ...). The search runs over
# 3^(n-1) ways: threads of more fragments are left alone. Sim pdftotext, without / with
# it: TRAIN 1-40 body_char_acc 0.8296 / 0.8303, article_exact 0.5256 / 0.5288; TRAIN 41-300 and
# VAL unchanged (it fires on page 22 alone); 8: the same figures.
THREE_COLUMNS = True
MAX_THREE_FRAGMENTS: Final = 7


Printed = Callable[[list[Fragment], list[Fragment]], bool]


def side_by_side(first: list[Fragment], second: list[Fragment], printed: Printed | None = None) -> bool:
    """The first chain's last column and the second chain's first column stand side by side as
    pdftotext prints two balanced columns of one article: the first chain may hold earlier
    columns, printed whole before, and the second later ones, printed whole after (pieces printed
    after the first chain's last). The last column is a tail of the first chain taking in every
    piece printed after the second chain's first; the column beside it a head of the second
    taking in every piece printed before the first chain's last; the two hold as many lines
    (within BALANCE_SLACK: an article's columns are filled alike) and were `printed` so
    (`printed_side_by_side` unless told, or `printed_by_tops`)."""
    printed_so = printed_side_by_side if printed is None else printed
    after = next((k for k, f in enumerate(first) if f.order > second[0].order), None)
    if after is None:
        return False
    # a chain is in reading order, not input order: its last piece may be printed before the
    # second chain's first though an earlier piece of it was printed after (a -layout dump's
    # columns read back, sim TRAIN page 73 crashed here); nothing of the second printed before it
    before = max((k for k, g in enumerate(second) if g.order < first[-1].order), default=-1)
    if before < 0:
        return False
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
            if abs(tail - head) <= BALANCE_SLACK and printed_so(first[k:], second[: m + 1]):
                return True
            if head > tail + BALANCE_SLACK:
                break
    return False


def printed_together(frags: list[Fragment], first: list[Fragment], second: list[Fragment]) -> bool:
    """pdftotext prints the blocks of two columns side by side one after another: every fragment
    the input holds from the second chain's first piece to the first chain's last is one of the
    thread's `frags` (no piece of another article printed amid the two columns)."""
    mine = {f.order for f in frags}
    return sum(o not in mine for o in range(second[0].order, first[-1].order + 1)) <= MAX_FOREIGN


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


def best_split(frags: list[Fragment], printed: Printed | None = None,
               fallback: Printed | None = None) -> tuple[list[Fragment], list[Fragment]] | None:
    """The split of `frags` into two chains (each in input order, the first holding frags[0])
    whose concatenation leaves the fewest bad breaks, at least MIN_BREAKS_MENDED fewer than
    `frags`; the column break between them (first's last, second's first) mid-sentence and the
    two chains `side_by_side` (as `printed`) and `printed_together`; on a tie the most
    `kept_joins`, then the fewest fragments moved. None if there is none; where there is none
    and a `fallback` is given, the best split side by side as printed so (one pass over the
    splits for both)."""
    n = len(frags)
    old = breaks(frags)
    if n < 4 or n > MAX_FRAGMENTS or old < MIN_BREAKS_MENDED:
        return None
    best: tuple[tuple[int, int, int], list[Fragment], list[Fragment]] | None = None
    second_best: tuple[tuple[int, int, int], list[Fragment], list[Fragment]] | None = None
    for mask in range(1, 1 << (n - 1)):
        first = [frags[0]] + [frags[k] for k in range(1, n) if not mask >> (k - 1) & 1]
        second = [frags[k] for k in range(1, n) if mask >> (k - 1) & 1]
        if len(first) < 2 or not column_break(first, second):
            continue
        new = breaks(first + second)
        if old - new < MIN_BREAKS_MENDED:
            continue
        if not printed_together(frags, first, second):
            continue
        key = (new, -kept_joins(first + second), bin(mask).count("1"))
        if best is not None and key >= best[0]:
            continue
        if side_by_side(first, second, printed):
            best = (key, first, second)
        elif (fallback is not None and best is None and (second_best is None or key < second_best[0])
              and side_by_side(first, second, fallback)):
            second_best = (key, first, second)
    chosen = best if best is not None else second_best
    return None if chosen is None else (chosen[1], chosen[2])


def column_break(column: list[Fragment], following: list[Fragment]) -> bool:
    """`column`'s last piece stops mid-sentence and `following`'s first goes on with it."""
    return not column[-1].no_successor and column[-1].end == "open" and following[0].start in MID_SENTENCE_STARTS


def interleaved(column: list[Fragment], following: list[Fragment], frags: list[Fragment]) -> bool | None:
    """Whether `following` was printed side by side with `column` (its first piece printed
    before `column`'s last), None where it was but not as two columns of one article are
    (`side_by_side`, `printed_together`)."""
    if following[0].order > column[-1].order:
        return False
    if side_by_side(column, following) and printed_together(frags, column, following):
        return True
    return None


def best_three_split(frags: list[Fragment]) -> list[Fragment] | None:
    """The order of `frags` as three chains (each in input order, the first holding frags[0],
    read one after the other) that leaves the fewest bad breaks, at least MIN_BREAKS_MENDED fewer
    than `frags`, where each chain's last piece stops mid-sentence and the next chain's first
    goes on with it, and a chain printed side by side with the one before it stands beside it as
    two columns of one article do (`interleaved`; at least one does); on a tie the most
    `kept_joins`. None if there is none or `frags` has more than MAX_THREE_FRAGMENTS."""
    n = len(frags)
    old = breaks(frags)
    if n < 5 or n > MAX_THREE_FRAGMENTS or old < MIN_BREAKS_MENDED:
        return None
    best: tuple[tuple[int, int], list[Fragment]] | None = None
    for assign in product(range(3), repeat=n - 1):
        chains: list[list[Fragment]] = [[frags[0]], [], []]
        for k, chain in enumerate(assign):
            chains[chain].append(frags[k + 1])
        a, b, c = chains
        if not b or not c or not column_break(a, b) or not column_break(b, c):
            continue
        order = a + b + c
        new = breaks(order)
        if old - new < MIN_BREAKS_MENDED:
            continue
        ab, bc = interleaved(a, b, frags), interleaved(b, c, frags)
        if ab is None or bc is None or not (ab or bc):
            continue
        key = (new, -kept_joins(order))
        if best is None or key < best[0]:
            best = (key, order)
    return None if best is None else best[1]


def split_columns_back(frags: list[Fragment]) -> bool:
    """Put a thread's fragments `frags` (in place) in the order of `best_split`, if any, else of
    the `best_split` `printed_by_tops` (TOP_ORDER), else of `best_three_split` (THREE_COLUMNS);
    each fragment that now follows another than before says so (`column_chains:after_line_35`)."""
    split = best_split(frags, None, printed_by_tops if TOP_ORDER else None)
    if split is not None:
        order = split[0] + split[1]
    else:
        three = best_three_split(frags) if THREE_COLUMNS else None
        if three is None:
            return False
        order = three
    before = {id(b): a for a, b in zip(frags, frags[1:])}
    for a, b in zip(order, order[1:]):
        if before.get(id(b)) is not a:
            b.first.para_start = not goes_on_paragraph(a, b)
            b.first.because(f"{REASON}{a.last.no}")
    frags[:] = order
    return True


def printed_by_tops(column: list[Fragment], second: list[Fragment]) -> bool:
    """The input order is one pdftotext may print two columns side by side in, by the tops of
    their pieces: a piece of the second column printed before one of the first (`column`) stands
    higher, a piece of the first printed before one of the second no more than TOPS_SLACK lines
    lower. Heights are counted in lines from each column's top."""
    tops = []
    top = 0
    for f in column:
        tops.append((f.order, top))
        top += len(f.lines)
    top = 0
    for g in second:
        for order, t in tops:
            if (g.order < order and top >= t) or (g.order > order and t > top + TOPS_SLACK):
                return False
        top += len(g.lines)
    return True
