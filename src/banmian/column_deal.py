"""The deal of a merged block's rows to its k columns (`stages.split_columns`).

pdftotext prints a merged block row by row from the top; a row holds the lines of some of the
columns that share a baseline, left to right. The deal is a beam search over the columns'
latest lines that maximises the sum, over every line, of:

- how well it reads on from its column's latest line (`columns.fit`), the words across the
  join taken from jieba's dictionary only: its HMM makes up words across wrong joins (on dev
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

from itertools import combinations
from math import inf

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
DEAL_STATES = 16
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

Ref = tuple[int, int] | None  # (row, part) of a column's latest line; None: an empty column
Column = tuple[Ref, int]  # a column's latest line and its row step to that line (0: none yet)


def is_aside(text: str) -> bool:
    """A line outside the text flow of its column: a photo credit or a jump line."""
    t = strip_ws(text)
    return bool(t) and any(p.match(t) for p in (F.CAPTION_CREDIT, F.JUMP, F.CONTINUED))


def deal_to_columns(rows: list[list[Line]], k: int, width: float) -> list[tuple[int, ...]]:
    """The columns (0 .. k-1, left to right) of each row's parts, in order, that maximise the
    score of the module docstring; a row of k parts goes to every column."""
    cues = [[line_cues(ln, width) for ln in parts] for parts in rows]
    aside = [[is_aside(ln.text) for ln in parts] for parts in rows]
    fits: dict[tuple[Ref, int, int], float] = {}

    def fit_after(ref: Ref, r: int, p: int) -> float:
        """`columns.fit` (no HMM) of part p of row r after the line at `ref` (each pair once)."""
        key = (ref, r, p)
        found = fits.get(key)
        if found is None:
            prev = rows[ref[0]][ref[1]]
            found = fits[key] = (join_score(prev.text, rows[r][p].text, hmm=not DICTIONARY_WORDS_ONLY)
                                 + layout_term(cues[ref[0]][ref[1]], cues[r][p]))
        return found

    def gain(column: Column, r: int, p: int) -> float:
        """The score of part p of row r going to `column`."""
        ref, step = column
        if ref is None:
            return 0.0
        rows_on = r - ref[0]
        value = fit_after(ref, r, p) - FAR_PENALTY * max(0, rows_on - FAR_ROWS)
        return value + RHYTHM_BONUS if rows_on == step else value

    start: tuple[Column, ...] = tuple((None, 0) for _ in range(k))
    states: dict[tuple[Column, ...], float] = {start: 0.0}
    back: list[dict[tuple[Column, ...], tuple[tuple[Column, ...], tuple[int, ...]]]] = []
    deals = {m: list(combinations(range(k), m)) for m in range(1, k + 1)}
    for r, parts in enumerate(rows):
        nxt: dict[tuple[Column, ...], float] = {}
        ptr: dict[tuple[Column, ...], tuple[tuple[Column, ...], tuple[int, ...]]] = {}
        # (column, part) -> (gain, the column after it): the states share most of their columns
        moves: dict[tuple[Column, int], tuple[float, Column]] = {}
        scored = [p for p in range(len(parts)) if not aside[r][p]]  # a credit line rides along
        for last, score in states.items():
            # each column's move for each scored part, looked up once per state
            table = []
            for column in last:
                row_moves = {}
                for p in scored:
                    move = moves.get((column, p))
                    if move is None:
                        ref = column[0]
                        move = moves[(column, p)] = (gain(column, r, p), ((r, p), r - ref[0] if ref else 0))
                    row_moves[p] = move
                table.append(row_moves)
            for chosen in deals[len(parts)]:
                value = score
                state = list(last)
                for p in scored:
                    c = chosen[p]
                    move = table[c][p]
                    value += move[0]
                    state[c] = move[1]
                key = tuple(state)
                if value > nxt.get(key, -inf):
                    nxt[key] = value
                    ptr[key] = (last, chosen)
        states = best_states(nxt, DEAL_STATES)
        back.append(ptr)
    return trace_back(states, back)
