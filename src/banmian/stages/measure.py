"""Measure: each line's width in em, the page's body column width and each stretch's.

The column width is the most common width among longer lines: in a page most lines are full
body lines, justified to the column (their width varies by at most an em with punctuation
compression). A page may set some articles to another measure (a commentary across wider
columns, briefs in narrow ones): where the lines around a line clearly vote for another width,
the line gets that stretch's width (`line.column_width`); elsewhere the page's holds.
"""
from __future__ import annotations

from collections import Counter
from typing import Final, cast

from banmian.line_shape import FULL_SLACK
from banmian.model import Page
from banmian.rules.chars import text_ems

# Lines shorter than this (in em) never vote for the column width: headlines, names, labels.
MIN_VOTING_WIDTH: Final = 6.0


def width_votes(widths: list[float]) -> Counter:
    """The votes for the column width: the longer lines' widths rounded to half an em (halves
    to even, as `round` and numpy's `round` do: `half_ems`), counted as integers in the order
    they first appear, each key made a float once (speed alone: an integer hashes at a fraction
    of a float's cost, and the compiled build runs the loop natively)."""
    halves: dict[int, int] = {}
    for w in widths:
        if w >= MIN_VOTING_WIDTH:
            k = half_ems(w)
            halves[k] = halves.get(k, 0) + 1
    return Counter({k / 2: c for k, c in halves.items()})


def half_ems(width: float) -> int:
    """`round(width * 2)` for a width of at least zero, halves to even, without the call to the
    builtin (speed alone: the compiled build calls `round` as a Python function, several times
    the cost of the rest of `width_votes`' loop, which numpy's array version had paid per page).
    `x - int(x)` is exact for a non-negative float, so the comparisons with 0.5 are too."""
    x = width * 2
    k = int(x)
    rest = x - k
    if rest > 0.5 or (rest == 0.5 and k % 2 == 1):
        k += 1
    return k


def column_width(widths: list[float], votes: Counter | None = None) -> float:
    """The body column width: the mode of the longer line widths, rounded to half an em
    (`votes`: their `width_votes`, when already counted)."""
    votes = width_votes(widths) if votes is None else votes
    if not votes:
        return max(widths, default=0.0)
    (mode, count), *_ = votes.most_common(1)
    # Justified lines with compressed punctuation measure half an em over the mode as often as
    # at it (dev pages: slack 0 and 0.5 both common); take the wider when it is nearly as common.
    if votes.get(mode + 0.5, 0) >= 0.6 * count:
        mode += 0.5
    return mode


# A stretch is the non-blank lines within this many on either side of a line; it has its own
# column width when at least STRETCH_MIN_VOTES of its longer lines vote for one at least
# STRETCH_MIN_WIDER em wider than the page's (an indented line of one measure must not look full
# in the other) or STRETCH_MIN_NARROWER em narrower (the page's indented first lines measure two
# em less, and pile up at that width). The dev pages are set to one measure: there the page's
# width holds.
STRETCH_RADIUS: Final = 25
STRETCH_MIN_VOTES: Final = 15
STRETCH_MIN_WIDER: Final = 2.0
STRETCH_MIN_NARROWER: Final = 3.0


def _another_measure(width: float, page_width: float, slack: float = 0.0) -> bool:
    """Whether `width` is another measure than the page's, within `slack` em."""
    return width >= page_width + STRETCH_MIN_WIDER - slack or width <= page_width - STRETCH_MIN_NARROWER + slack


def stretch_widths(widths: list[float], page_width: float, page_votes: Counter | None = None) -> list[float]:
    """For each width (of non-blank lines, in order), its stretch's column width, or 0.0 where
    the page's holds: the votes of the lines within STRETCH_RADIUS, counted as `column_width`
    counts them. Window totals come from running sums; only lines whose window the page's width
    does not hold and many lines of another measure share are voted on (`page_votes`: the
    widths' `width_votes`, when already counted)."""
    n = len(widths)
    page_votes = width_votes(widths) if page_votes is None else page_votes
    if not any(c + page_votes.get(k - 0.5, 0) >= STRETCH_MIN_VOTES
               for k, c in page_votes.items() if _another_measure(k, page_width, 0.5)):
        return [0.0] * n  # no other measure is common enough anywhere on the page: the common case
    # each line's key (its width rounded to half an em), whether it votes, and the running counts
    # of the voting lines, of those at the page's width and of those of another measure: the
    # window totals of line i are run[hi] - run[lo], lo = max(0, i - STRETCH_RADIUS), hi =
    # min(n, i + STRETCH_RADIUS + 1). A loop the compiled build runs natively (speed alone: the
    # same integers and floats as numpy's arrays, whose calls cost more on a page's lines)
    key_list: list[float] = []
    voting_list: list[bool] = []
    run_total, run_held, run_far = [0], [0], [0]
    total = held = far = 0
    for w in widths:
        k = half_ems(w) / 2
        v = w >= MIN_VOTING_WIDTH
        key_list.append(k)
        voting_list.append(v)
        if v:
            total += 1
            if abs(k - page_width) <= 0.5:
                held += 1
            if _another_measure(k, page_width, 0.5):
                far += 1
        run_total.append(total)
        run_held.append(held)
        run_far.append(far)
    out = [0.0] * n
    for i in range(n):
        a, b = max(0, i - STRETCH_RADIUS), min(n, i + STRETCH_RADIUS + 1)
        votes = run_total[b] - run_total[a]
        if not (votes >= STRETCH_MIN_VOTES and (run_held[b] - run_held[a]) * 2 < votes
                and run_far[b] - run_far[a] >= STRETCH_MIN_VOTES):
            continue
        window = [k for k, v in zip(key_list[a:b], voting_list[a:b]) if v]
        local = column_width(window, Counter(window))  # `width_votes(window)`, see the note below
        if _another_measure(local, page_width) and sum(1 for k in window if local - 0.5 <= k <= local) >= STRETCH_MIN_VOTES:
            out[i] = local
    return _settle_edges(widths, out, page_width)


# `width_votes(window)` of a stretch's window (`stretch_widths`) is `Counter(window)`: its keys
# are rounded to half an em already and all vote (at least MIN_VOTING_WIDTH), so rounding again
# keeps each as it is, and both count the keys in the order they first appear (the order
# `column_width`'s `most_common` breaks ties by). Speed alone: no numpy calls per line.


def _settle_edges(widths: list[float], out: list[float], page_width: float) -> list[float]:
    """Where a window straddles two measures, a line full in one measure belongs to it; a
    shorter line (an indented first line, a paragraph's last) to its nearest full line's."""
    if not any(out):
        return out
    full: list[float | None] = [None] * len(widths)  # the measure a line is full in: 0.0 for the page's
    for i, (w, local) in enumerate(zip(widths, out)):
        if abs(w - page_width) <= FULL_SLACK:
            full[i] = 0.0
        elif local and abs(w - local) <= FULL_SLACK:
            full[i] = local
    settled: list[float] = []
    for i, local in enumerate(out):
        if not local or full[i] is not None:
            settled.append(cast(float, full[i]) if local else 0.0)
            continue
        near = [(abs(j - i), j > i, full[j]) for j in range(max(0, i - 3), min(len(out), i + 4)) if full[j] is not None]
        settled.append(cast(float, min(near, key=lambda t: (t[0], not t[1]))[2]) if near else local)
    return settled


def measure(page: Page) -> Page:
    """Set `line.width` for every line, `page.column_width` and, where a stretch is set to
    another measure, `line.column_width`."""
    for line, width in zip(page.lines, text_ems([ln.text for ln in page.lines])):
        line.width = width
    texts = [ln for ln in page.lines if ln.text]
    widths = [ln.width for ln in texts]
    votes = width_votes(widths)
    page.column_width = column_width(widths, votes)
    for line, local in zip(texts, stretch_widths(widths, page.column_width, votes)):
        if local:
            line.column_width = local
            line.because(f"measure:stretch_column:{local:g}em")
    return page
