"""Measure: each line's width in em, the page's body column width and each stretch's.

The column width is the most common width among longer lines: in a page most lines are full
body lines, justified to the column (their width varies by at most an em with punctuation
compression). A page may set some articles to another measure (a commentary across wider
columns, briefs in narrow ones): where the lines around a line clearly vote for another width,
the line gets that stretch's width (`line.column_width`); elsewhere the page's holds.
"""
from __future__ import annotations

from collections import Counter

from banmian.line_shape import FULL_SLACK
from banmian.model import Page
from banmian.rules.chars import text_ems

# Lines shorter than this (in em) never vote for the column width: headlines, names, labels.
MIN_VOTING_WIDTH = 6.0


def column_width(widths: list[float]) -> float:
    """The body column width: the mode of the longer line widths, rounded to half an em."""
    votes = Counter(round(w * 2) / 2 for w in widths if w >= MIN_VOTING_WIDTH)
    if not votes:
        return max(widths, default=0.0)
    (mode, count), *_ = votes.most_common(1)
    # Justified lines with compressed punctuation measure half an em over the mode as often as
    # at it (dev pages: slack 0 and 0.5 both common); take the wider when it is nearly as common.
    if votes.get(mode + 0.5, 0) >= 0.6 * count:
        mode += 0.5
    return mode


# A stretch is the non-blank lines within this many on either side of a line; it has its own
# column width when at least STRETCH_MIN_VOTES of its longer lines vote for one that differs from
# the page's by STRETCH_MIN_DIFF em or more (two em: an indented line of one measure must not
# look full in the other). The dev pages are set to one measure: there the page's width holds.
STRETCH_RADIUS = 25
STRETCH_MIN_VOTES = 15
STRETCH_MIN_DIFF = 2.0


def stretch_widths(widths: list[float], page_width: float) -> list[float]:
    """For each width (of non-blank lines, in order), its stretch's column width, or 0.0 where
    the page's holds. A sliding window of votes, as `column_width` counts them."""
    keys = [round(w * 2) / 2 if w >= MIN_VOTING_WIDTH else None for w in widths]
    page_keys = {page_width - 0.5, page_width, page_width + 0.5}
    votes: Counter = Counter()
    total = on_page = 0  # votes in the window, and those for the page's width
    n = len(keys)
    out = [0.0] * n
    lo = hi = 0  # the window is keys[lo:hi]
    for i in range(n):
        while hi < n and hi <= i + STRETCH_RADIUS:
            k = keys[hi]
            if k is not None:
                votes[k] += 1
                total += 1
                on_page += k in page_keys
            hi += 1
        while lo < i - STRETCH_RADIUS:
            k = keys[lo]
            if k is not None:
                votes[k] -= 1
                total -= 1
                on_page -= k in page_keys
            lo += 1
        if total < STRETCH_MIN_VOTES or on_page * 2 >= total:
            continue  # too few lines, or the page's width holds most of them: the common case
        local = column_width([k for k, c in votes.items() for _ in range(c)])
        if abs(local - page_width) >= STRETCH_MIN_DIFF and votes[local] + votes.get(local - 0.5, 0) >= STRETCH_MIN_VOTES:
            out[i] = local
    return _settle_edges(widths, out, page_width)


def _settle_edges(widths: list[float], out: list[float], page_width: float) -> list[float]:
    """Where a window straddles two measures, a line full in one measure belongs to it; a
    shorter line (an indented first line, a paragraph's last) to its nearest full line's."""
    if not any(out):
        return out
    full = [None] * len(widths)  # the measure a line is full in: 0.0 for the page's
    for i, (w, local) in enumerate(zip(widths, out)):
        if abs(w - page_width) <= FULL_SLACK:
            full[i] = 0.0
        elif local and abs(w - local) <= FULL_SLACK:
            full[i] = local
    settled = []
    for i, local in enumerate(out):
        if not local or full[i] is not None:
            settled.append(full[i] if local else 0.0)
            continue
        near = [(abs(j - i), j > i, full[j]) for j in range(max(0, i - 3), min(len(out), i + 4)) if full[j] is not None]
        settled.append(min(near, key=lambda t: (t[0], not t[1]))[2] if near else local)
    return settled


def measure(page: Page) -> Page:
    """Set `line.width` for every line, `page.column_width` and, where a stretch is set to
    another measure, `line.column_width`."""
    for line, width in zip(page.lines, text_ems([ln.text for ln in page.lines])):
        line.width = width
    page.column_width = column_width([ln.width for ln in page.lines if ln.text])
    texts = [ln for ln in page.lines if ln.text]
    for line, local in zip(texts, stretch_widths([ln.width for ln in texts], page.column_width)):
        if local:
            line.column_width = local
            line.because(f"measure:stretch_column:{local:g}em")
    return page
