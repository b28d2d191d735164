"""Measure: each line's width in em and the page's body column width.

The column width is the most common width among longer lines: in a page most lines are full
body lines, justified to the column (their width varies by at most an em with punctuation
compression).
"""
from __future__ import annotations

from collections import Counter

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


def measure(page: Page) -> Page:
    """Set `line.width` for every line and `page.column_width`."""
    for line, width in zip(page.lines, text_ems([ln.text for ln in page.lines])):
        line.width = width
    page.column_width = column_width([ln.width for ln in page.lines if ln.text])
    return page
