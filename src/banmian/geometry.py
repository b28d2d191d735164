"""Geometry helpers for pages read from PDFs: characters into printed lines, and small pure
functions on boxes ``(x0, y0, x1, y1)`` (PDF points, origin bottom-left, y grows upwards).
"""
from __future__ import annotations

from collections import Counter
from statistics import median

from banmian.model import Box
from banmian.readers.pdf import Char

SAME_BASELINE = 0.3  # × font size: characters whose baselines differ less sit on one line
TOUCHING = 0.25  # × font size: runs joined side by side touch (headlines of two slots may stand a gutter apart)
SAME_SIZE = 0.1  # runs joined side by side must be printed in about one size (dev page 19)
BACKSTEP = 0.5  # × font size: a character this far left of the previous one starts a new run
WORD_GAP = 0.9  # × font size: a wider gap ends a line (column gutters are ≥ 1.2 em on pagesim pages)
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


def group_lines(chars: list[Char], starts=()) -> list[PrintedLine]:
    """Group characters, in text-layer order, into printed lines.

    A run ends where the baseline moves, where a gap wider than a gutter opens, or where the
    text steps back to the left; runs that sit side by side on one baseline are then joined
    (the text layer may interleave lines: dev page 35). Generated spaces (gaps pdfium turned
    into spaces) are dropped; gaps are measured again when a line's text is built. `starts`:
    indices of characters that start a run whatever their place (on an OCR'd page, where each
    line the engine detected starts: two headlines side by side are two runs, as in a PDF's
    text layer, and join only if they touch).
    """
    runs: list[list[Char]] = []
    cur: list[Char] = []
    starts = set(starts)
    for i, ch in enumerate(chars):
        if ch.generated:
            continue
        if cur and i not in starts and _continues(cur[-1], ch):
            cur.append(ch)
            continue
        if cur:
            runs.append(cur)
        cur = [ch]
    if cur:
        runs.append(cur)
    return [PrintedLine(cs) for cs in _join_side_by_side(runs) if any(not c.text.isspace() for c in cs)]


def _continues(prev: Char, ch: Char, gap: float = WORD_GAP) -> bool:
    size = max(ch.size, prev.size)
    return abs(ch.y - prev.y) < SAME_BASELINE * min(ch.size, prev.size) and -BACKSTEP * size < ch.x0 - prev.x1 < gap * size


def _join_side_by_side(runs: list[list[Char]]) -> list[list[Char]]:
    """Join runs where one ends right where another starts on the same baseline."""
    by_row: dict[int, list[list[Char]]] = {}
    out: list[list[Char]] = []
    for run in runs:
        key = round(run[0].y)
        for k in (key - 1, key, key + 1):
            for other in by_row.get(k, ()):
                if abs(other[0].size - run[0].size) > SAME_SIZE * max(other[0].size, run[0].size):
                    continue
                if _continues(other[-1], run[0], TOUCHING):
                    other.extend(run)
                    break
                if _continues(run[-1], other[0], TOUCHING):
                    other[:0] = run
                    break
            else:
                continue
            break
        else:
            by_row.setdefault(key, []).append(run)
            out.append(run)
    return out


def x_overlap(a: Box, b: Box) -> float:
    """Length of the horizontal overlap of two boxes (0 when apart)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0]))


def width(box: Box) -> float:
    return box[2] - box[0]


def covers_x(outer: Box, inner: Box, share: float = 0.5) -> bool:
    """Whether `outer` spans at least `share` of `inner`'s width."""
    return x_overlap(outer, inner) >= share * max(width(inner), 1e-6)


def union(boxes) -> Box:
    """The smallest box holding all `boxes`."""
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
