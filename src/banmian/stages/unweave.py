"""Unweave: undo stretches where pdftotext printed two columns' lines alternately.

When two neighbouring columns sit close and their baselines are offset (two articles set side
by side, each on its own grid), pdftotext reads them as one block and prints their lines in
order of height: a line of one column, a line of the other, and so on, sometimes for dozens of
lines, blank lines of either column's paragraph gaps in between. `split_columns` handles the
same reading when baselines coincide and lines merge; here no line is merged, so the only
evidence is how the text reads: each line reads on from the line two before it, not from the
one just before.

A stretch is found by windows of WINDOW non-blank lines in which the mean join score (does
the text read on across the break?) of every line after the one two before beats the mean
join score after the one just before by ALT_GAIN_MIN. Only the language counts here: the
layout terms of `fit` (a full line after a full line) favour any reading that skips over a
paragraph's or an article's end. The stretch's lines are then dealt to two streams by a
Viterbi search for the best total fit, and printed stream by stream, a blank line between (as
`split_columns` rebuilds a block). Both use jieba's dictionary words only (no HMM guesses).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import numpy as np

from banmian.language import Breaks, join_scores_between
from banmian.model import Line, Page
from banmian.columns import deal_to_two

# Non-blank lines per window, set on synthetic interleavings of two column stretches of
# different articles of dev pages 1-40 (`bench/unweave.py`; no dev dump interleaves lines
# without merging some): 12 lines, about one short column's worth, is the size measured
# below; shorter woven stretches (five lines on one held-out page) go unread.
WINDOW: Final = 12
# Mean join-score gain of "reads on from two lines before" over "from the line before" that
# flags a window. On those synthetic windows 71 % gain more than 0.3; of the windows of the
# in-order dev dumps (all three kinds) only some on pages 24 and 36 do, where lines of
# `split_columns`' merged blocks alternate too (0.2 flags 10 dev pages).
ALT_GAIN_MIN: Final = 0.3
# Lines that join the stretch on each side of the flagged windows: windows can miss where
# the alternation starts and ends by a few lines; the Viterbi search keeps in-order lines
# together, so taking a few too many costs nothing.
MARGIN: Final = 3
# The alternation prior of the deal to two streams (`columns.deal_to_two`): a tie (no
# dictionary word either way) goes on alternating; once one column has gone on alone, to
# staying (a column's short last line, tests/test_unweave.py). `bench/unweave.py`: on 111
# synthetic interleavings of dev pages 1-40, 0.1 keeps 91 % of the true line-to-line links
# (0.0: 90 %, 0.3: 91 %; without this stage 42 %); larger, it deals lines read in order to
# alternate streams (dev page 36).
SWITCH_BONUS: Final = 0.1


def window_gains(lines: list[Line]) -> list[float]:
    """For each start k, the mean join-score gain of alternating over in-order reading of
    lines[k:k+WINDOW]."""
    n = len(lines)
    if n < WINDOW:
        return []
    texts = [ln.text for ln in lines]
    # both readings' breaks in one call: each line after the one before, and after the one two before
    scores = join_scores_between(texts, [*range(n - 1), *range(n - 2)], [*range(1, n), *range(2, n)])
    seq = window_sums([0.0] + scores[:n - 1], 1)
    alt = window_sums([0.0, 0.0] + scores[n - 1:], 2)
    return (alt / (WINDOW - 2) - seq / (WINDOW - 1)).tolist()


def window_sums(scores: list[float] | np.ndarray, skip: int) -> np.ndarray:
    """For each start k, the sum of scores[k + skip:k + WINDOW], as differences of a running
    sum (every join score is a multiple of half a point, so the sums are exact)."""
    running = np.concatenate(([0.0], np.cumsum(scores)))
    k = np.arange(len(scores) - WINDOW + 1)
    return running[k + WINDOW] - running[k + skip]


def flagged_windows(lines: list[Line]) -> list[int]:
    """The starts k of the windows whose gain (`window_gains`) beats ALT_GAIN_MIN, at about
    half the cost: the alternating reading is scored first, and the in-order reading's words
    are looked for only in the windows that would still be flagged if none of its breaks had
    one (its mark scores alone are a lower bound, which leaves one window in a hundred).
    Window sums in half points (`Breaks.half_scores`, exact integers), each gain the same
    division and subtraction of the same sums as `window_gains`' arrays: the same floats."""
    n = len(lines)
    if n < WINDOW:
        return []
    breaks = Breaks([ln.text for ln in lines])
    alt = half_window_sums([0, 0] + breaks.half_scores([*range(n - 2)], [*range(2, n)]), 2)
    seq = [0] + breaks.half_marks([*range(n - 1)], [*range(1, n)])
    maybe = _beating(alt, half_window_sums(seq, 1), range(len(alt)))
    if not maybe:
        return []
    # the in-order breaks of those windows, scored in full (seq[i + 1]: line i to line i + 1);
    # other windows' sums are not read
    before = sorted({k + j for k in maybe for j in range(WINDOW - 1)})
    for i, half in zip(before, breaks.half_scores(before, [i + 1 for i in before])):
        seq[i + 1] = half
    return _beating(alt, half_window_sums(seq, 1), maybe)


def _beating(alt: list[int], seq: list[int], starts: Iterable[int]) -> list[int]:
    """The window starts of `starts` whose gain beats ALT_GAIN_MIN: the mean score of the
    alternating reading less the in-order one's, from their window sums in half points (each
    halved exactly, then divided as `window_gains` divides)."""
    return [k for k in starts if alt[k] * 0.5 / (WINDOW - 2) - seq[k] * 0.5 / (WINDOW - 1) > ALT_GAIN_MIN]


def half_window_sums(halves: list[int], skip: int) -> list[int]:
    """For each start k, the sum of halves[k + skip:k + WINDOW] (`window_sums` in integers),
    by a sliding sum."""
    if len(halves) < WINDOW:
        return []
    total = 0
    for h in halves[skip:WINDOW]:
        total += h
    out = [total]
    for k in range(1, len(halves) - WINDOW + 1):
        total += halves[k + WINDOW - 1] - halves[k + skip - 1]
        out.append(total)
    return out


def woven_stretches(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) indexes into `lines` (non-blank lines) of stretches read alternately."""
    out: list[tuple[int, int]] = []
    for k in flagged_windows(lines):
        first, last = max(0, k - MARGIN), min(len(lines) - 1, k + WINDOW - 1 + MARGIN)
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def two_streams(lines: list[Line], width: float) -> list[int]:
    """The stream (0 or 1) of each line: the best deal of the lines to two columns, the
    alternation prior on, dictionary words only."""
    return [c for (c,) in deal_to_two([[ln] for ln in lines], width, hmm=False, alternation_bonus=SWITCH_BONUS)]


def untouched_runs(lines: list[Line]) -> list[list[int]]:
    """Indexes of the non-blank lines, in runs that no line rebuilt by `split_columns` cuts:
    its blocks are already read column by column, and reading them again undoes that (dev
    page 6)."""
    runs: list[list[int]] = [[]]
    for k, ln in enumerate(lines):
        text = ln.text
        if not text or text.isspace():  # `ln.blank`, spelled out: this runs for every line
            continue
        if ln.reasons and any(r.startswith("split_columns:") for r in ln.reasons):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(k)
    return [r for r in runs if r]


def unweave(page: Page) -> Page:
    """Rebuild each stretch of alternately printed lines stream by stream."""
    width = page.column_width
    lines = list(page.lines)
    stretches = [(where[first], where[last])
                 for where in untouched_runs(lines)
                 for first, last in woven_stretches([lines[k] for k in where])]
    for lo, hi in reversed(stretches):
        region = lines[lo:hi + 1]
        text_lines = [ln for ln in region if not ln.blank]
        streams = two_streams(text_lines, width)
        if len(set(streams)) < 2:
            continue
        lines[lo:hi + 1] = _rebuild(region, dict(zip(map(id, text_lines), streams)))
    page.lines = lines
    return page


def _rebuild(region: list[Line], stream_of: dict[int, int]) -> list[Line]:
    """The region's lines stream by stream; a blank line goes with the line after it (a
    paragraph gap of that line's column)."""
    out: list[list[Line]] = [[], []]
    pending: list[Line] = []
    for ln in region:
        if ln.blank:
            pending.append(ln)
            continue
        s = stream_of[id(ln)]
        ln.because(f"unweave:stream_{s + 1}_of_2")
        out[s].extend(pending)
        out[s].append(ln)
        pending = []
    out[1].extend(pending)
    gap = Line(no=out[1][0].no if out[1] else region[-1].no, raw="", text="")  # holds no characters
    gap.because("unweave:column_break")
    return out[0] + [gap] + out[1]
