"""Ink of OCR'd lines on the page image (grey levels, pixels, y down): where a line's glyphs
really are inside the box the detector drew, and how heavy their strokes are."""
from __future__ import annotations

INK = 128  # grey level below which a pixel is ink
INK_ROW_SHARE = 0.004  # a pixel row is part of a line's ink when this share of its width is dark
# (a neighbouring line's descender grazing the box is not)
ROW_GAP = 0.15  # × box height: blank rows this thin inside a line's ink are inside its glyphs
COLUMN_GAP = 0.8  # × ink height: blank columns this wide part the line from a neighbour's glyph
# the box grazes (a column gutter is 1.2 em or more)


def _runs(mask) -> list[tuple[int, int]]:
    """(start, end) of the runs of True in a 1-D boolean array."""
    import numpy as np

    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.nonzero(edges == 1)[0].tolist(), np.nonzero(edges == -1)[0].tolist()))


def _around(runs: list[tuple[int, int]], centre: float, gap: float) -> tuple[int, int]:
    """The run nearest `centre`, joined with the runs on either side less than `gap` away."""
    i = min(range(len(runs)), key=lambda k: 0 if runs[k][0] <= centre < runs[k][1]
            else min(abs(runs[k][0] - centre), abs(runs[k][1] - centre)))
    lo, hi = i, i
    while lo > 0 and runs[lo][0] - runs[lo - 1][1] < gap:
        lo -= 1
    while hi + 1 < len(runs) and runs[hi + 1][0] - runs[hi][1] < gap:
        hi += 1
    return runs[lo][0], runs[hi][1]


CROSSING_MARGIN = 0.25  # × box height: ink that reaches this far above or below a line's box is
# not its glyphs but a shape crossing it (a picture's drawing runs on into the caption under it:
# dev pages 1, 2, 16 measured their captions 30–50% too tall and read them as headlines)


def without_crossing_shapes(gray, x0: int, t: int, x1: int, b: int, level: int = INK):
    """The ink mask (boolean: grey below `level`) of the box x0..x1, t..b less the connected
    shapes that run on `CROSSING_MARGIN` of its height beyond its top or bottom (the glyphs of
    the line inside are within the box; the detector pads it)."""
    import numpy as np

    h = gray.shape[0]
    margin = max(int(CROSSING_MARGIN * (b - t)), 2)
    wt, wb = max(t - margin, 0), min(b + margin, h)
    window = gray[wt:wb, x0:x1] < level
    inner = window[t - wt:b - wt]
    if not inner.any():
        return inner
    try:
        import cv2
    except ImportError:  # pragma: no cover - opencv comes with rapidocr-onnxruntime
        return inner
    n, labels = cv2.connectedComponents(window.astype(np.uint8), connectivity=8)
    if n <= 1:
        return inner
    edge = []
    if wt < t - 1:  # the window reaches above the box: shapes touching its top row cross the box
        edge.append(labels[0])
    if wb > b + 1:
        edge.append(labels[-1])
    crossing = np.unique(np.concatenate(edge)) if edge else np.array([], dtype=labels.dtype)
    crossing = crossing[crossing > 0]
    if not crossing.size:
        return inner
    return inner & ~np.isin(labels[t - wt:b - wt], crossing)


def ink_extent(gray, box, span: tuple[float, float] | None = None,
               skip: list[tuple[float, float]] = (), others=()) -> tuple[int, int, int, int] | None:
    """(x0, top, x1, bottom) of a line's ink inside its pixel box, or None when it is blank.
    The box may take in the edge of the line above or below (headlines set close: dev page 4)
    and of a neighbouring column's glyph: the rows kept are those around the box's middle, the
    columns those around `span` (where the engine put the characters) or the middle."""
    h, w = gray.shape
    x0, t, x1, b = max(int(box[0]), 0), max(int(box[1]), 0), min(int(box[2]) + 1, w), min(int(box[3]) + 1, h)
    if x1 <= x0 or b <= t:
        return None
    dark = gray[t:b, x0:x1] < INK
    for o in others:  # lines the box takes in the edge of (a byline under a headline: dev page 5)
        dark[max(int(o[1]) - t, 0):max(int(o[3]) + 1 - t, 0), max(int(o[0]) - x0, 0):max(int(o[2]) + 1 - x0, 0)] = False
    glyphs = dark & without_crossing_shapes(gray, x0, t, x1, b)  # rows: its glyphs only
    for a, z in skip:  # brackets reach above and below the other glyphs: their rows do not count
        glyphs[:, max(int(a) - x0, 0):max(int(z) - x0, 0)] = False
    if not glyphs.any():
        glyphs = dark
    rows = _runs(glyphs.sum(axis=1) >= max(1, INK_ROW_SHARE * (x1 - x0)))
    if not rows:
        return None
    top, bottom = _around(rows, (b - t) / 2, ROW_GAP * (b - t))
    cols = _runs(dark[top:bottom].any(axis=0))
    if not cols:
        return None
    centre = ((span[0] + span[1]) / 2 - x0) if span else (x1 - x0) / 2
    gap = COLUMN_GAP * (bottom - top)
    left, right = _around(cols, centre, gap)
    if span:  # keep every run that lies within the characters' span
        inside = [c for c in cols if c[0] >= span[0] - x0 - gap / 2 and c[1] <= span[1] - x0 + gap / 2]
        if inside:
            left, right = min(left, inside[0][0]), max(right, inside[-1][1])
    return (x0 + left, t + top, x0 + right, t + bottom)


LONG_RUN = 0.5  # × glyph height: a horizontal ink run this long is a stroke's length (一, a
# rule touching the line), not its width


def stroke_width(gray, ink) -> float:
    """Mean width of the vertical strokes relative to the glyph height: the ink (grey levels,
    so anti-aliased edges count in part) per horizontal crossing of a stroke, leaving out long
    runs. A bold face has thicker strokes."""
    import numpy as np

    x0, t, x1, b = ink
    sub = gray[t:b, x0:x1].astype(np.float32)
    h, w = sub.shape
    if not h or not w:
        return 0.0
    padded = np.pad(sub < INK, ((0, 0), (1, 1))).astype(np.int8).ravel()
    edges = np.diff(padded)
    starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    long = (ends - starts) > LONG_RUN * h
    mark = np.zeros(padded.size + 2, dtype=np.int32)  # +1/-1 at the ends of each long run, widened by a pixel
    np.add.at(mark, np.maximum(starts[long] - 1, 0), 1)
    np.add.at(mark, ends[long] + 2, -1)
    in_long = np.cumsum(mark)[1:padded.size + 1].reshape(h, w + 2)[:, 1:-1] > 0
    mass = float(((255.0 - sub) / 255.0)[~in_long].sum())
    return mass / max(int((~long).sum()), 1) / h
