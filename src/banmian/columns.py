"""Reading lines into columns: how well a line continues a column, and the best deal of a
run of lines to two columns.

The fit (`language.join_score` plus `layout_term`) is shared by `column_deal` (the deal of blocks where pdftotext merged neighbouring
columns' lines to their k columns, for `stages.split_columns`) and `stages.unweave`
(stretches where it printed two columns' lines alternately: `deal_to_two`).
"""
from __future__ import annotations

from operator import itemgetter
from typing import Final, NamedTuple

from banmian.language import join_score
from banmian.line_shape import FULL_SLACK, INDENT_MAX, INDENT_MIN
from banmian.model import Line
from banmian.rules import furniture as F
from banmian.rules.chars import ends_sentence, strip_ws

# Fit of a line after a column's latest line: a paragraph's last line is followed by an
# indented first line, a line inside a paragraph by a full one (dev page 36: the lines alone
# between merged rows are a paragraph's first line in one column and a full line in the other).
CLOSED_THEN_INDENT, CLOSED_THEN_FULL = 1.0, -1.0
# ... and rarely by a paragraph of one short line (a column's last line `和数量。` goes back to
# its own column, not after the other column's paragraph end: tests/test_unweave.py).
CLOSED_THEN_SHORT: Final = -0.5
OPEN_THEN_FULL, OPEN_THEN_INDENT = 1.0, -0.5

# States (the two columns' latest lines) kept per row of `deal_to_two`: the best few, as in a
# beam search; all of them made the deal quadratic in a block's rows (100-row merged blocks
# on dev pages cost 5,000 fits). 16: the same dev 1-40 scores as all of them, and 90.4 % of
# the links kept on bench/unweave.py (all: 90.8 %, 32: 90.3 %, 64: 90.6 %).
DEAL_STATES: Final = 16

Ref = tuple[int, int] | None  # (row, part) of a column's latest line; None: an empty column


# How a column's latest line ends, for the line after it (`LineCues.ending`).
CLOSED: Final = "closed"
OPEN: Final = "open"


class LineCues(NamedTuple):
    """The layout cues of a line in a column: how it ends as the latest line (a paragraph's last
    line: CLOSED; a full line inside a paragraph: OPEN; else None), and the layout term of the
    line continuing a column whose latest line ended CLOSED or OPEN."""

    ending: str | None
    after_closed: float
    after_open: float


def line_cues(line: Line, width: float) -> LineCues:
    """The layout cues of `line` (a paragraph's last line is followed by an indented first line,
    a line inside a paragraph by a full one)."""
    slack = width - line.width
    indent = INDENT_MIN <= slack <= INDENT_MAX or bool(F.LEAD_IN.match(strip_ws(line.text)))
    if slack > FULL_SLACK and ends_sentence(line.text):  # a paragraph's last line
        ending = CLOSED
    elif slack <= FULL_SLACK and not ends_sentence(line.text):  # inside a paragraph
        ending = OPEN
    else:
        ending = None
    after_closed = CLOSED_THEN_INDENT if indent else CLOSED_THEN_FULL if slack <= FULL_SLACK else CLOSED_THEN_SHORT
    after_open = OPEN_THEN_FULL if slack <= FULL_SLACK else OPEN_THEN_INDENT if indent else 0.0
    return LineCues(ending, after_closed, after_open)


def layout_term(prev: LineCues, line: LineCues) -> float:
    """The layout part of a line's fit after another: the term of a line with cues `line`
    after one with cues `prev`."""
    if prev.ending == CLOSED:
        return line.after_closed
    return line.after_open if prev.ending == OPEN else 0.0


def best_states(scores: dict, n: int) -> dict:
    """The n best-scoring states of a beam row (all when there are no more), best first on ties
    kept in their order."""
    if len(scores) <= n:
        return scores
    return dict(sorted(scores.items(), key=itemgetter(1), reverse=True)[:n])


def trace_back(states: dict, back: list[dict]) -> list[tuple[int, ...]]:
    """The choices of each row on the path to the best final state; back[r] maps a state to
    (the state before it, the choice of row r)."""
    state = max(states, key=lambda s: states[s])
    choices: list[tuple[int, ...]] = [()] * len(back)
    for r in range(len(back) - 1, -1, -1):
        state, choices[r] = back[r][state]
    return choices


def deal_to_two(rows: list[list[Line]], width: float, hmm: bool = True,
                alternation_bonus: float = 0.0) -> list[tuple[int, ...]]:
    """The columns (0 = left, 1 = right) of each row's parts that maximise the total fit of
    every line after its column's previous line: a row of two parts goes left and right, a
    row of one to either column (Viterbi over the two columns' latest lines).

    `alternation_bonus` is added when a line goes on alternating (its column's latest line
    is two rows back, the other column's one row back) and taken off when it goes back to a
    column that has paused for longer: inside a stretch read alternately, alternation is the
    prior, but once one column goes on alone, staying is.
    """
    cues = [[line_cues(ln, width) for ln in parts] for parts in rows]
    fits: dict[tuple[Ref, int, int], float] = {}

    def fit_after(ref: Ref, r: int, p: int) -> float:
        """How well part p of row r reads on from the line at `ref`: the words across the join
        (`language.join_score`) plus the layout term (`layout_term`); each pair scored once."""
        if ref is None:
            return 0.0
        key = (ref, r, p)
        found = fits.get(key)
        if found is None:
            prev = rows[ref[0]][ref[1]]
            found = fits[key] = (join_score(prev.text, rows[r][p].text, hmm)
                                 + layout_term(cues[ref[0]][ref[1]], cues[r][p]))
        return found

    def row_of(ref: Ref) -> int:
        return -1 if ref is None else ref[0]

    states: dict[tuple[Ref, Ref], float] = {(None, None): 0.0}
    back: list[dict[tuple[Ref, Ref], tuple[tuple[Ref, Ref], tuple[int, ...]]]] = []
    for r, parts in enumerate(rows):
        nxt: dict[tuple[Ref, Ref], float] = {}
        ptr: dict[tuple[Ref, Ref], tuple[tuple[Ref, Ref], tuple[int, ...]]] = {}
        for last, score in states.items():
            moves: list[tuple[tuple[Ref, Ref], float, tuple[int, ...]]]
            if len(parts) == 2:
                gain = fit_after(last[0], r, 0) + fit_after(last[1], r, 1)
                moves = [(((r, 0), (r, 1)), score + gain, (0, 1))]
            else:
                moves = []
                for c in (0, 1):
                    value = score + fit_after(last[c], r, 0)
                    if alternation_bonus and row_of(last[c]) < r - 1:  # a switch
                        alternates = row_of(last[c]) == r - 2 and row_of(last[1 - c]) == r - 1
                        value += alternation_bonus if alternates else -alternation_bonus
                    state: tuple[Ref, Ref] = ((r, 0), last[1]) if c == 0 else (last[0], (r, 0))
                    moves.append((state, value, (c,)))
            for state, value, chosen in moves:
                if value > nxt.get(state, float("-inf")):
                    nxt[state], ptr[state] = value, (last, chosen)
        states = best_states(nxt, DEAL_STATES)
        back.append(ptr)
    return trace_back(states, back)
