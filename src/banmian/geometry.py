"""Geometry helpers for pages read from PDFs: characters into printed lines, and small pure
functions on boxes ``(x0, y0, x1, y1)`` (PDF points, origin bottom-left, y grows upwards).
"""
from __future__ import annotations

from collections import Counter
from statistics import median

from banmian.model import Box
from banmian.readers.pdf import Char

SAME_BASELINE = 0.3  # × font size: characters whose baselines differ less sit on one line
WORD_GAP = 0.9  # × font size: a wider gap ends a line (column gutters are ≥ 1.2 em on pagesim pages)
BACKSTEP = 0.5  # × font size: a character this far left of the previous one starts a new line
SPACE_GAP = 0.45  # × font size: a gap this wide inside a line prints as one space
ASCENT, DESCENT = 0.88, 0.12  # × font size: a line's box above and below its baseline


class PrintedLine:
    """The characters of one printed line, left to right, and what they add up to."""

    __slots__ = ("chars", "text", "box", "size", "font", "baseline")

    def __init__(self, chars: list[Char]):
        self.chars = chars
        self.size = median(c.size for c in chars)
        self.baseline = median(c.y for c in chars)
        self.text = _line_text(chars, self.size)
        self.font = Counter(c.font for c in chars if not c.text.isspace()).most_common(1)[0][0]
        x0 = min(c.x0 for c in chars)
        x1 = max(c.x1 for c in chars)
        self.box = (x0, self.baseline - DESCENT * self.size, x1, self.baseline + ASCENT * self.size)


def _line_text(chars: list[Char], size: float) -> str:
    """The characters' text, with one space where a real space or a visible gap stands."""
    out: list[str] = []
    prev: Char | None = None
    for c in chars:
        if c.text.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            if prev is not None and out and out[-1] != " " and c.x0 - prev.x1 > SPACE_GAP * size:
                out.append(" ")
            out.append(c.text)
            prev = c
    return "".join(out).strip()


def group_lines(chars: list[Char]) -> list[PrintedLine]:
    """Group characters, in text-layer order, into printed lines.

    A line ends where the baseline moves, where a gap wider than a gutter opens, or where the
    text steps back to the left. Generated spaces (gaps pdfium turned into spaces) are dropped;
    gaps are measured again when the line's text is built.
    """
    lines: list[list[Char]] = []
    cur: list[Char] = []
    for ch in chars:
        if ch.generated:
            continue
        if cur:
            prev = cur[-1]
            size = max(ch.size, prev.size)
            if abs(ch.y - prev.y) < SAME_BASELINE * size and -BACKSTEP * size < ch.x0 - prev.x1 < WORD_GAP * size:
                cur.append(ch)
                continue
            lines.append(cur)
        cur = [ch]
    if cur:
        lines.append(cur)
    return [PrintedLine(cs) for cs in lines if any(not c.text.isspace() for c in cs)]


def x_overlap(a: Box, b: Box) -> float:
    """Length of the horizontal overlap of two boxes (0 when apart)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0]))


def width(box: Box) -> float:
    return box[2] - box[0]


def mid_y(box: Box) -> float:
    return (box[1] + box[3]) / 2


def covers_x(outer: Box, inner: Box, share: float = 0.5) -> bool:
    """Whether `outer` spans at least `share` of `inner`'s width."""
    return x_overlap(outer, inner) >= share * max(width(inner), 1e-6)


def union(boxes) -> Box:
    """The smallest box holding all `boxes`."""
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
