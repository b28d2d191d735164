"""The deal of a merged block's rows to its k columns (`stages.split_columns`).

pdftotext prints a merged block row by row from the top; a row holds the lines of some of the
columns that share a baseline, left to right. The deal is a beam search over the columns'
latest lines that maximises the sum, over every line, of:

- how well it reads on from its column's latest line (`language.join_score` plus
  `columns.layout_term`), the words across the join taken from jieba's dictionary only: its HMM makes up words across wrong joins (on dev
  pages 6, 24, 36 the right line out-scores every other line of the 8 rows above for 131 of
  165 lines with the HMM, 146 without);
- RHYTHM_BONUS when the column keeps its row step: a column's lines have a constant pitch, so
  it shows in every row, or every other row where two baseline grids alternate, and a line
  that keeps that step is more likely its own than one that breaks it;
- -FAR_PENALTY for each row beyond FAR_ROWS since the column's latest line: a column does not
  pause for long in the middle of a block.

A photo credit or jump line alone in its row (`is_aside`) goes to a column unscored, and the
column reads on past it: its latest line stays the one before (dev page 24: a credit left
alone between a caption merged with a body line and that body line's next line broke the
column's row step, and the column was dealt in two pieces).
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from operator import itemgetter
from typing import Final, NamedTuple

from banmian.columns import best_states, layout_term, line_cues, trace_back
from banmian.language import join_score
from banmian.model import Line
from banmian.rules import furniture as F
from banmian.rules.chars import strip_ws

# Words across a join from jieba's dictionary only (no HMM; see the module docstring).
DICTIONARY_WORDS_ONLY = True
# States (the columns' latest lines and row steps) kept per row. 16: on dev 1-40 the same body
# scores as 64 but for page 6's five-column block (0.8144 with 64, 0.8085 with 16, its para_f1
# up), pdftotext halves 1-20 / 21-40 0.8919 / 0.8688 -> 0.8915 / 0.8688, at 2.5 times less time
# (the deal of the dev and held-out blocks: 3.7 -> 1.5 ms a page on average; 64 states made the
# text path about a fifth slower). Page 6's score swings by up to 0.2 with the weights below:
# its headlines and kickers are printed inside the block, and where they are dealt moves whole
# articles.
DEAL_STATES: Final = 16
# A line that keeps its column's row step (dev page 24: the right column alone in every row,
# then every other row beside the two left ones; dev page 6: two columns of one article every
# other row beside a third). 0.3 and 1 score lower on page 6 or 36. A known bias: between two
# streams that alternate row by row with nothing else to tell them apart, it rewards dealing
# both to one column (then shown in every row) as much as keeping them apart (each every
# other row): dev page 6 still mixes two columns that way over about 15 rows.
RHYTHM_BONUS = 0.5
# Rows a column may pause for (every other row, and one more for a paragraph gap), then the
# penalty for each further row: dev pages 6, 24, 36: the gold's next line is 1 row down 99
# times, 2 rows 53 times, 3 rows 9 times, 4 rows 4 times.
FAR_ROWS, FAR_PENALTY = 2, 0.5


def is_aside(text: str) -> bool:
    """A line outside the text flow of its column: a photo credit or a jump line."""
    t = strip_ws(text)
    return bool(t) and any(p.match(t) for p in (F.CAPTION_CREDIT, F.JUMP, F.CONTINUED))


class DealPlan(NamedTuple):
    """One deal of a row's parts to columns, ready for `deal_to_columns`' inner loop."""

    chosen: tuple[int, ...]  # the column of each part, left to right
    new_state: Callable[[list], tuple]  # the new state's columns, taken from a state's pool
    gain_at: tuple[int, ...]  # where the scored parts' gains are (c * m + p), in the parts' order


def deal_plans(k: int, m: int, scored: tuple[int, ...]) -> list[DealPlan]:
    """Every deal of a row of m parts (those in `scored` scored, the others riding along and
    leaving their column as it was) to k columns, in `combinations`' order. A state's pool
    holds its k columns, then at k + c*m + p column c's state after taking part p."""
    out = []
    for chosen in combinations(range(k), m):
        source = list(range(k))
        for p in scored:
            source[chosen[p]] = k + chosen[p] * m + p
        new_state = itemgetter(*source) if k > 1 else (lambda pool, i=source[0]: (pool[i],))
        out.append(DealPlan(chosen, new_state, tuple(chosen[p] * m + p for p in scored)))
    return out


def deal_to_columns(rows: list[list[Line]], k: int, width: float) -> list[tuple[int, ...]]:
    """The columns (0 .. k-1, left to right) of each row's parts, in order, that maximise the
    score of the module docstring; a row of k parts goes to every column."""
    cues = [[line_cues(ln, width) for ln in parts] for parts in rows]
    texts = [[ln.text for ln in parts] for parts in rows]
    aside = [[is_aside(t) for t in row_texts] for row_texts in texts]
    hmm = not DICTIONARY_WORDS_ONLY
    # A column (its latest line at row `row`, part `part`, and its row step `step` to it) is
    # the integer 1 + (row * k + part) * span + step, 0 for an empty one: a state is a tuple
    # of k small integers, quick to hash and compare (nested tuples were most of the work).
    span = len(rows) + 1
    # the fit of each (latest line, row, part) as one integer key, (ref * rows + r) * k + p
    # (ref < rows * k, p < k): cheaper to hash than a tuple
    fits: dict[int, float] = {}
    n_rows = len(rows)

    def move(column: int, r: int, p: int) -> tuple[float, int]:
        """The score of part p of row r going to `column`, and the column after it; the fit
        (`language.join_score`, no HMM, plus `columns.layout_term`) of each pair of lines is
        worked out once."""
        line = (r * k + p) * span + 1
        if not column:
            return 0.0, line
        ref, step = divmod(column - 1, span)
        key = (ref * n_rows + r) * k + p
        value = fits.get(key)
        if value is None:
            ref_row, ref_part = divmod(ref, k)
            value = fits[key] = (join_score(texts[ref_row][ref_part], texts[r][p], hmm=hmm)
                                 + layout_term(cues[ref_row][ref_part], cues[r][p]))
        rows_on = r - ref // k
        value = value - FAR_PENALTY * max(0, rows_on - FAR_ROWS)
        return (value + RHYTHM_BONUS if rows_on == step else value), line + rows_on

    start: tuple[int, ...] = (0,) * k
    states: dict[tuple[int, ...], float] = {start: 0.0}
    back: list[dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]]] = []
    plans: dict[tuple[int, tuple[int, ...]], list[DealPlan]] = {}
    for r, parts in enumerate(rows):
        m = len(parts)
        scored = tuple(p for p in range(m) if not aside[r][p])  # a credit line rides along
        plan = plans.get((m, scored))
        if plan is None:
            plan = plans[(m, scored)] = deal_plans(k, m, scored)
        # the (column, part) pairs some deal uses: part p of m goes to a column in p .. k-m+p
        feasible = [(c, p, c * m + p) for p in scored for c in range(p, k - m + p + 1)]
        nxt: dict[tuple[int, ...], float] = {}
        ptr: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        # column * k + part -> (gain, the column after it): the states share most of their columns
        moves: dict[int, tuple[float, int]] = {}
        for last, score in states.items():
            # the state's columns, then each (column, part)'s column after the move at k + c*m + p
            pool: list = [*last, *([None] * (k * m))]
            gains = [0.0] * (k * m)
            for c, p, at in feasible:
                column = last[c]
                found = moves.get(column * k + p)
                if found is None:
                    found = moves[column * k + p] = move(column, r, p)
                gains[at], pool[k + at] = found
            for chosen, new_state, gain_at in plan:
                value = score
                for at in gain_at:  # in the parts' order, as the sum always was
                    value += gains[at]
                key = new_state(pool)
                old = nxt.get(key)  # (not a bound method kept: the compiled build gets natively)
                if old is None or value > old:
                    nxt[key] = value
                    ptr[key] = (last, chosen)
        states = best_states(nxt, DEAL_STATES)
        back.append(ptr)
    return trace_back(states, back)
