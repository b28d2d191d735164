"""Sizes and faces of OCR lines: each line's glyph height and stroke measured on the image, then
snapped to the page's tiers (body, caption, headline sizes), so the layout can tell them apart.

Glyph heights measured in pixels jitter by a few percent with the glyphs a line holds; a bold
face (heavier strokes) stands for the display font of a PDF. Short lines (a byline's names, a
headline's last glyphs) are measured with care or take the size of the line they belong to.
"""
from __future__ import annotations

import math
from statistics import median

from banmian.readers.ocr_engines import OcrChar, OcrLine
from banmian.readers.ocr_ink import ink_extent, stroke_width

INK_EM = 0.91  # glyph ink height / font size, body face (dev pages 1–3: 0.91–0.92)
INK_EM_BOLD = 0.96  # the same, bold display face (dev pages 1–3: 0.93–0.99): bylines and captions
# in it measured 5% too large against the body and passed for body text
TALL_MARKS = set("（）()《》「」『』“”‘’【】〈〉")  # brackets and quotes: taller than the glyphs
DESCENT_EM = 0.1  # × size: the baseline sits this far above the ink's bottom
MIN_INK_GLYPHS = 3  # a line with fewer ideographs is sized by its box (一、。 have little height)
BOX_EM = 1.02  # OCR line box height / font size, for lines too short to measure their ink (dev
# pages 1–12 score lower with 0.98 or 1.1)
SIZE_TIER = 0.06  # sizes within 6% of a tier's middle (of one face) are that size:
# a line's ink height depends on its glyphs (0.87–1.0 em for body lines of dev pages 1–3, one
# pixel is 4%); captions are 0.85× the body, in the bold face
BOLD_STROKE = 0.094  # stroke width / glyph height (`stroke_width`) above which a line is bold
# (dev pages 1–3 at body size: body face 0.067–0.091, display face 0.096–0.143, two at 0.081, 0.086)
DISPLAY_SIZE = 1.3  # × body size: lines this large are headlines, set in the display face


def _ideographs(text: str) -> int:
    return sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")


INTRUDER = 0.8  # a line whose box is less than this share of a line's box height and reaches into it
# holds the ink where the boxes overlap (detection boxes are padded in proportion to their height)


def intruders(line: OcrLine, lines: list[OcrLine]) -> list:
    """Boxes of the smaller lines that reach into a line's box from above or below (their
    middle outside it): the ink there is theirs (a byline under a headline: dev page 5)."""
    t, b = line.box[1], line.box[3]
    return [o.box for o in lines if o is not line and o.box[2] > line.box[0] and o.box[0] < line.box[2]
            and o.box[3] > t and o.box[1] < b and not t <= (o.box[1] + o.box[3]) / 2 <= b
            and o.box[3] - o.box[1] < INTRUDER * (b - t)]


FLAT_GLYPHS = set("一二三工上下土士千干亏之乙了丁")  # ideographs much shorter or lower than the em


PAIR_MARKS = set("，。、：；！？”’）」』》“‘（「『《")  # punctuation beside a pair of glyphs (`is_glyph_pair`)


def is_glyph_pair(text: str) -> bool:
    """Two ideographs, neither of them flat, with nothing but punctuation or Latin letters and
    digits beside them: their ink is as tall as a longer line's (`补偿。”`, a paragraph's last
    line, and `“Youarewelcome”等套`, sized by their boxes, which the marks make taller than the
    glyphs, passed for headlines: dev pages 32, 37); their strokes are too few to tell the face
    (`易事。`: dev page 24)."""
    text = text.replace(" ", "")
    glyphs = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    return (len(glyphs) == 2 and not set(glyphs) & FLAT_GLYPHS
            and all(ch in PAIR_MARKS or ch.isascii() for ch in text if ch not in glyphs))


def is_name_pair(text: str) -> bool:
    """Two ideographs alone (a byline's name, a headline's last glyphs), neither of them flat
    (`潘跃` sized by its box passed for the subtitle over it: dev pages 10, 30)."""
    return len(text.replace(" ", "")) == 2 and is_glyph_pair(text)


class Measured:
    """One OCR line measured on the image (pixels): ink box, size, boldness; `sure` when the
    line has glyphs enough for its size and weight to be measured. The face (`set_face`) is
    told once the page's strokes are known."""

    __slots__ = ("line", "x0", "x1", "top", "bottom", "size", "bold", "sure", "pair", "inherited", "stroke", "measured")

    def __init__(self, line: OcrLine, gray, others=()):
        self.line = line
        self.inherited = False
        span = (line.chars[0].x0, line.chars[-1].x1) if line.chars else None
        skip = [(c.x0, c.x1) for c in line.chars if c.text in TALL_MARKS]
        ink = ink_extent(gray, line.box, span, skip, others) if gray is not None else None
        self.sure = _ideographs(line.text) >= MIN_INK_GLYPHS or is_name_pair(line.text)
        self.pair = is_glyph_pair(line.text)  # sized by its ink, but takes a neighbour's face
        self.measured = ink is not None
        self.x0, self.top, self.x1, self.bottom = ink if ink is not None else line.box
        self.stroke = stroke_width(gray, ink) if ink is not None else 0.0
        self.set_face(BOLD_STROKE)

    def set_face(self, threshold: float) -> None:
        """Bold when the strokes are heavier than `threshold`; the size from the ink's height
        in that face (or from the box when the line is too short or was not measured)."""
        box = self.line.box
        self.bold = self.measured and self.stroke > threshold
        if self.measured and (self.sure or self.pair):
            self.size = (self.bottom - self.top) / (INK_EM_BOLD if self.bold else INK_EM)
        else:
            self.size = (box[3] - box[1]) / BOX_EM


BOLD_OVER_BODY = 1.15  # strokes this much heavier than the page's typical line are bold, when that
# is below `BOLD_STROKE`, in a line of at most `NAME_CHARS`: a byline of two or three names at body
# size in the display face measures 0.089–0.094 where the page's body lines measure 0.076
# (dev pages 5, 7, 8, 11, 19); a long body line may reach 0.089 (dev page 10) and is left to
# `BOLD_STROKE`
NAME_CHARS = 6


BOLD_OVER_MEDIAN = 1.2  # strokes this much heavier than the page's median line are bold when that
# is above `BOLD_STROKE`: a width fixed at 200 dpi does not hold at a lower resolution, where the
# glyphs' grey fringe is a larger share of their height (at 150 dpi dev body lines measure 0.082–
# 0.091 and one in eight passed 0.094: read as headlines in the display face, they cut articles
# apart, dev pages 1, 9, 18, 24); at 200 dpi the dev pages' medians (0.075–0.078) keep `BOLD_STROKE`


def _median_stroke(measured: list[Measured]) -> float | None:
    from statistics import median

    strokes = [m.stroke for m in measured if m.measured and m.sure]
    return median(strokes) if strokes else None


def long_threshold(measured: list[Measured]) -> float:
    """The stroke width above which a line of this page is bold: `BOLD_STROKE`, or more on a
    page whose lines all measure heavier (`BOLD_OVER_MEDIAN` × the median of the lines long
    enough to measure, most of them body text: a low resolution)."""
    med = _median_stroke(measured)
    return max(BOLD_STROKE, BOLD_OVER_MEDIAN * med) if med is not None else BOLD_STROKE


def bold_threshold(measured: list[Measured]) -> float:
    """The stroke width above which a short line of this page is bold: `long_threshold`, or less
    on a page whose lines are lighter (`BOLD_OVER_BODY` × the median of the lines long enough to
    measure, most of them body text)."""
    med = _median_stroke(measured)
    top = long_threshold(measured)
    return min(top, BOLD_OVER_BODY * med) if med is not None else top


SENTENCE_ENDS = ("。", "！", "？", "”", "…", "）", "』", "」")
SHORT_LINE_LIKE = 0.25  # a short line's box-height size is this close to its neighbour's


def inherit_short_lines(measured: list[Measured]) -> None:
    """A line of one or two glyphs (a paragraph's last line; `致辞。` run on to the top of the
    next column, under a headline: dev page 2) takes the size and weight of the nearest line
    above or below it in its column whose size is about that of its box."""
    def gap(a: Measured, m: Measured) -> float:
        return m.top - a.bottom if a.bottom <= m.top + 1 else a.top - m.bottom

    for m in measured:
        if m.sure:
            continue
        if m.line.text.endswith(SENTENCE_ENDS):  # a paragraph's last glyphs, not a byline's name
            m.bold = False
        near = [a for a in measured if a.sure and a is not m and min(a.x1, m.x1) - max(a.x0, m.x0) > 0
                and -1 <= gap(a, m) < a.size and abs(a.size / m.size - 1) <= SHORT_LINE_LIKE]
        if near:
            a = min(near, key=lambda a: gap(a, m))
            m.size, m.bold, m.inherited = a.size, a.bold or m.bold, True  # a bold name keeps its face


def tiers(sizes: list[float], weights: list[int], tol: float) -> list[float]:
    """Each size replaced by its tier's weighted median. Tiers are found densest first: the
    window of sizes within `tol` (relative) of some size that holds the most weight is a tier;
    its sizes are taken out and the next densest window is looked for (anchoring a tier on
    one line's size split dev page 5's body, all 10.5 pt, into 10.3 and 10.7)."""
    import numpy as np

    out = list(sizes)
    left = sorted(range(len(sizes)), key=lambda i: sizes[i])
    while left:
        vals = np.array([sizes[i] for i in left])
        cum = np.concatenate(([0], np.cumsum([weights[i] for i in left])))
        lo = np.searchsorted(vals, vals / (1 + tol), side="left")
        hi = np.searchsorted(vals, vals * (1 + tol), side="right")
        k = int(np.argmax(cum[hi] - cum[lo]))
        members = left[lo[k]:hi[k]]
        order = sorted(members, key=lambda i: sizes[i])
        half, acc = sum(weights[i] for i in order) / 2, 0
        for i in order:
            acc += weights[i]
            if acc >= half:
                median = sizes[i]
                break
        for i in members:
            out[i] = median
        left = left[:lo[k]] + left[hi[k]:]
    return out


def snap_sizes(sizes: list[float], weights: list[int], faces: list[bool] | None = None) -> list[float]:
    """Sizes snapped to the page's tiers (`tiers`), face by face (a bold caption is 0.85× the
    body size but its ink is taller)."""
    faces = faces or [False] * len(sizes)
    out = list(sizes)
    for face in set(faces):
        idx = [i for i, f in enumerate(faces) if f == face]
        for i, v in zip(idx, tiers([sizes[i] for i in idx], [weights[i] for i in idx], SIZE_TIER)):
            out[i] = v
    return out


def body_tier(sizes: list[float], weights: list[int]) -> float:
    """The size most characters are printed in."""
    totals: dict[float, int] = {}
    for size, w in zip(sizes, weights):
        totals[size] = totals.get(size, 0) + w
    return max(totals, key=totals.get) if totals else 0.0


NAME_AT_BODY = (0.9, 1.1)  # the same for a bold pair of glyphs (a name), whose ink jitters more
# (one pixel is 4%; `姜铮` measured 1.062× the body: dev page 23)
BOLD_AT_BODY = (0.93, 1.06)  # a bold line measured this close to the body size is at the body
# size (a byline, a jump line measured at 0.947: dev page 3); captions, 0.85×, measure 0.86–0.90


RUN_GAP = 0.7  # × size: lines stacked this close (a column's leading, a headline's two lines) ...
RUN_LIKE = 0.15  # ... and this close in measured size, in one face, are printed in one size


def smooth_runs(measured: list[Measured]) -> None:
    """Lines stacked one under the other in one face and about one size (the lines of a column,
    the two lines of a headline) take their run's median size: one line's glyphs say little
    (`灾后第` and `一顿热饭` of one headline measured 14% apart: dev page 5)."""
    parent = list(range(len(measured)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    order = sorted(range(len(measured)), key=lambda i: measured[i].top)
    for k, i in enumerate(order):
        a = measured[i]
        for j in order[k + 1:]:
            b = measured[j]
            if b.top - a.bottom > RUN_GAP * max(a.size, b.size):
                break
            overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
            if (b.top >= a.bottom - 1 and overlap > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0) and a.bold == b.bold
                    and abs(a.size / b.size - 1) <= RUN_LIKE):
                parent[find(j)] = find(i)
    groups: dict[int, list[Measured]] = {}
    for i, m in enumerate(measured):
        groups.setdefault(find(i), []).append(m)
    for group in groups.values():
        if len(group) > 1:
            sizes = sorted(m.size for m in group if m.sure) or sorted(m.size for m in group)
            for m in group:
                m.size = sizes[len(sizes) // 2]


SHORT_AT_BODY = (0.75, 1.4)  # a line of one or two glyphs with no neighbour to take its size from,
# its box this close to the body size, is body text (`贺。` ending a column: dev page 5)
BODY_BAND = (0.9, 1.12)  # a regular-face line measured this close to the body size is body text:
# the layout tells body lines by size within −4%..+12%, finer than glyph heights measure
INK_JITTER_PX = 2.5  # pixels: a glyph height measures up to two whole pixels short (the light top
# or bottom row of anti-aliased strokes) of the body's, itself a median between whole pixels: a
# larger share of a smaller image (at 150 dpi body lines of 16 px against the body's 18.0 measured
# 0.888x, outside `BODY_BAND`, and passed for headlines: dev page 21; at 200 dpi the band's lower
# end moves from 0.90 to 0.896)


def body_band(body: float) -> tuple[float, float]:
    """`BODY_BAND`, its lower end widened to `INK_JITTER_PX` of the body's ink height (`body` in
    pixels) on small glyphs."""
    return min(BODY_BAND[0], 1 - INK_JITTER_PX / (INK_EM * body)), BODY_BAND[1]


SIDE_GAP = 2.5  # × size: a headline line this close beside a short one on its baseline is the rest
# of its printed line (`调整` after `有形的壮大——`, the detector cut at the dash: dev page 12)


def join_headline_ends(measured: list[Measured], body: float) -> None:
    """A display-size line of one or two glyphs (sized by its box) takes the size of a measured
    headline line beside it on its baseline, when the two are about one size."""
    for m in measured:
        if m.sure or m.inherited or m.size < DISPLAY_SIZE * body:
            continue
        beside = [a for a in measured if a.sure and a.bold and abs(a.bottom - m.bottom) < 0.3 * a.size
                  and abs(a.size / m.size - 1) <= SHORT_LINE_LIKE
                  and -1 <= max(m.x0 - a.x1, a.x0 - m.x1) < SIDE_GAP * a.size]
        if beside:
            a = min(beside, key=lambda a: max(m.x0 - a.x1, a.x0 - m.x1))
            m.size, m.bold, m.inherited = a.size, True, True


def page_sizes(measured: list[Measured]) -> list[float]:
    """Each line's size: lines much larger than the body are set bold (headlines are in the
    display face, whatever their strokes measure); regular lines about the body size, and
    bold ones `BOLD_AT_BODY`, get the body size itself; the rest snap to tiers, face by face."""
    weights = [max(len(m.line.text), 1) for m in measured]
    body = body_tier(snap_sizes([m.size for m in measured], weights), weights)
    for m in measured:
        if not m.sure and not m.inherited and SHORT_AT_BODY[0] <= m.size / body <= SHORT_AT_BODY[1]:
            m.size = body
        if not m.bold and m.size >= DISPLAY_SIZE * body:
            m.bold = True
            if m.measured and m.sure:  # its ink height is the display face's (`INK_EM_BOLD`)
                m.size *= INK_EM / INK_EM_BOLD
    join_headline_ends(measured, body)
    smooth_runs(measured)
    raw = [m.size for m in measured]
    regular = [i for i, m in enumerate(measured) if not m.bold]
    body = body_tier(tiers([raw[i] for i in regular], [weights[i] for i in regular], SIZE_TIER),
                     [weights[i] for i in regular]) or body
    sizes = snap_sizes(raw, weights, [m.bold for m in measured])
    out = []
    for m, r, size in zip(measured, raw, sizes):
        lo, hi = (NAME_AT_BODY if is_name_pair(m.line.text) else BOLD_AT_BODY) if m.bold else body_band(body)
        out.append(body if lo <= r / body <= hi else size)
    return out


def measure_lines(lines: list[OcrLine], gray) -> tuple[list[Measured], list[float]]:
    """Each line measured on the image, and its size on the page's tiers."""
    measured = [Measured(ln, gray, intruders(ln, lines)) for ln in lines]
    short, long = bold_threshold(measured), long_threshold(measured)
    for m in measured:
        if len(m.line.text.replace(" ", "")) <= NAME_CHARS:
            m.set_face(short)
        elif long != BOLD_STROKE:
            m.set_face(long)
    inherit_short_lines(measured)
    return measured, page_sizes(measured)


def em_wide(ch: str) -> bool:
    """An ideograph or full-width mark: set one em apart, unlike half-width digits and letters."""
    return "\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


# Two headline blocks set side by side, their lines on one baseline and a few points apart, are
# read as one line (dev page 51: `中医研究院博士鄢良通关记` + `通医院耳鼻喉疾病专家董现明`, the
# second twice the size); their glyphs step from one size to the other.
SIZE_STEP = 1.4  # the characters' pitch on one side of a cut this many times the other's ...
SIZE_STEP_INK = 1.15  # ... and the ink this many times taller: two sizes, not letter-spacing
SIZE_STEP_SIDE = 4  # ideographs a side holds at least (a pitch measured over three gaps or more)


def _steps(chars: list[OcrChar]) -> list[tuple[int, float]]:
    """(i, log of the distance from character i's left edge to the next one's) for neighbouring
    ideographs: the pitch the type is set at."""
    return [(i, math.log(c.x0 - p.x0)) for i, (p, c) in enumerate(zip(chars, chars[1:]))
            if em_wide(p.text) and em_wide(c.text) and c.x0 > p.x0]


def _spread(values: list[float]) -> float:
    m = median(values)
    return sum(abs(v - m) for v in values)


def size_step(line: OcrLine, gray) -> float | None:
    """x where a detected line steps from one type size to another, or None: the cut that leaves
    the pitch most even on each side (each measured over `SIZE_STEP_SIDE` ideographs at least),
    where the pitch on one side is `SIZE_STEP` times the other's and the ink `SIZE_STEP_INK`
    times as tall."""
    chars = line.chars
    if gray is None or len(chars) < 2 * SIZE_STEP_SIDE:
        return None
    steps = _steps(chars)
    best = None
    for k in range(SIZE_STEP_SIDE, len(chars) - SIZE_STEP_SIDE + 1):
        left = [v for i, v in steps if i < k - 1]
        right = [v for i, v in steps if i >= k]
        if len(left) < SIZE_STEP_SIDE - 1 or len(right) < SIZE_STEP_SIDE - 1:
            continue
        cost = _spread(left) + _spread(right)
        if best is None or cost < best[0]:
            best = (cost, k, abs(median(left) - median(right)))
    if best is None or best[2] < math.log(SIZE_STEP):
        return None
    k = best[1]
    x = (chars[k - 1].x1 + chars[k].x0) / 2
    inks = [ink_extent(gray, (a, line.box[1], b, line.box[3])) for a, b in ((line.box[0], x), (x, line.box[2]))]
    if None in inks:
        return None
    heights = sorted(i[3] - i[1] for i in inks)
    return x if heights[0] > 0 and heights[1] / heights[0] >= SIZE_STEP_INK else None
