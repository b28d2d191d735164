"""Ruling lines and pictures of a page image, found in what is left once its text is masked."""
from __future__ import annotations

from banmian.readers.ocr_ink import INK, _runs

RULE_MIN_PT = 30.0  # a dark horizontal stroke at least this long (pt) is a ruling line ...
RULE_MAX_PT = 3.0  # ... when no thicker than this
PICTURE_MIN_PT = 20.0  # a non-white region at least this big both ways, text masked, is a picture
PAPER = 235  # grey level above which a pixel is blank paper (pictures are tinted)
PICTURE_FILL = 0.3  # share of its box a picture's tinted pixels fill (stray specks do not)


def drawings(gray, text_boxes, scale: float) -> tuple[list, list]:
    """Ruling lines and picture boxes (pixels, x0, top, x1, bottom) of the image with the text
    lines masked; `scale` is pixels per point. Empty without OpenCV."""
    try:
        import cv2
    except ImportError:  # pragma: no cover - opencv comes with rapidocr-onnxruntime
        return [], []
    import numpy as np

    dark = (gray < INK).astype(np.uint8)
    tinted = (gray < PAPER).astype(np.uint8)
    for x0, t, x1, b in text_boxes:
        dark[int(t):int(b) + 1, int(x0):int(x1) + 1] = 0
        tinted[int(t):int(b) + 1, int(x0):int(x1) + 1] = 0
    length = max(int(RULE_MIN_PT * scale), 2)
    strokes = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    rules = []
    n, _, stats, _ = cv2.connectedComponentsWithStats(strokes, connectivity=8)
    for x, y, w, h, _area in stats[1:n]:
        if h <= RULE_MAX_PT * scale:
            rules.append((float(x), float(y), float(x + w), float(y + h)))
            tinted[y:y + h, x:x + w] = 0
    pictures = []
    side = PICTURE_MIN_PT * scale
    n, labels, stats, _ = cv2.connectedComponentsWithStats(tinted, connectivity=8)
    for i, (x, y, w, h, area) in enumerate(stats[1:n], 1):
        if w >= side and h >= side and area >= PICTURE_FILL * w * h:
            for box in frames(labels[y:y + h, x:x + w] == i, side):
                pictures.append((float(x + box[0]), float(y + box[1]), float(x + box[2]), float(y + box[3])))
    return rules, pictures


VALLEY = 0.5  # a run of columns (rows) that a region's pixels fill less than half as much as its
# fullest column (row) parts two pictures that shapes drawn over their edges joined (dev page 6)


def frames(mask, side: float, depth: int = 3) -> list[tuple[int, int, int, int]]:
    """The picture frames in a region: split at valleys across it, then trimmed (`frame_of`)."""
    import numpy as np

    for axis in (0, 1):  # columns, then rows
        fill = mask.mean(axis=axis)
        low = fill < VALLEY * fill.max()
        inner = [(a, b) for a, b in _runs(low) if a > 0 and b < len(low) and b - a >= 2]
        if inner and depth:
            a, b = max(inner, key=lambda r: r[1] - r[0])
            out = []
            parts = ((0, a), (b, len(low)))
            for lo, hi in parts:
                sub = mask[:, lo:hi] if axis == 0 else mask[lo:hi, :]
                for f in frames(sub, side, depth - 1):
                    out.append((f[0] + lo, f[1], f[2] + lo, f[3]) if axis == 0 else (f[0], f[1] + lo, f[2], f[3] + lo))
            return out
    box = frame_of(mask)
    ok = box is not None and box[2] - box[0] >= side and box[3] - box[1] >= side and np.any(mask)
    return [box] if ok else []


FRAME_FILL = 0.5  # a picture's frame: the rows and columns its pixels fill at least half of


def frame_of(mask) -> tuple[int, int, int, int] | None:
    """The rectangle of a picture's pixels without what sticks out of it (shapes drawn over the
    frame's edge reach into the next column and over the caption: dev page 2)."""
    import numpy as np

    rows = np.nonzero(mask.mean(axis=1) >= FRAME_FILL)[0]
    cols = np.nonzero(mask.mean(axis=0) >= FRAME_FILL)[0]
    if not len(rows) or not len(cols):
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1
