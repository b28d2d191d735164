"""Marks the text detector leaves out at the ends of a line: a dash (——) before a subtitle or
inside a headline, an opening or closing quote or bracket, a lone 一. The detector draws its
boxes around runs of glyphs; a thin bar or a small mark that stands apart at a line's end
falls outside the box and is never recognised (dev pages 3, 6, 8, 11–15, 19–22: `——` lost
before subtitles and in headlines, `“` `』` `《` at a headline's ends).

The ink just beside a line's box, outside every detected box, is read by its shape alone: a
thin bar at mid-height is a dash (one per em of its length) or, one em long beside a glyph,
一; a small mark in the top part of the line is a quote; a tall narrow mark a bracket, named
by the mark of the pair the line already holds.
"""
from __future__ import annotations

from banmian.readers.ocr_engines import OcrChar, OcrLine, is_vertical_box
from banmian.readers.ocr_ink import INK, _runs, ink_extent

REACH = 2.6  # × ink height: how far beside a line's ink a left-out mark is looked for (—— is 2 em)
NEAR = 0.6  # × ink height: the mark starts at most this far from the line's ink (a gap, a
# punctuation's blank half em)
MARK_GAP = 0.5  # × ink height: blank columns narrower than this inside the mark are inside it
ROW_PAD = 0.1  # × ink height: rows this far above and below the line's ink are looked at
MIN_WIDTH = 0.1  # × ink height: narrower ink beside a box is a glyph's edge the box cut
# Dash: a bar no taller than DASH_THICK, its middle within DASH_MIDDLE of the ink's height.
DASH_THICK = 0.12
DASH_MIDDLE = (0.4, 0.65)
DASH_EM = 0.91  # ink height / em (`banmian.readers.ocr.INK_EM`): a dash is one em long
DASH_MIN = 0.6  # × ink height: a shorter bar is not a dash (a rule's end, a stroke)
DASH_MAX = 3.2  # × ink height: a longer one is a rule
# Quote: a mark within the top QUOTE_BOTTOM of the ink, at most QUOTE_WIDE wide.
QUOTE_TOP = 0.2
QUOTE_BOTTOM = 0.42
QUOTE_WIDE = 0.45
QUOTE_TALL = 0.15  # a quote is a fifth of the height or more (0.23–0.24 on dev pages 19, 41, 50);
# a speck at the top is not one (dev page 6)
# Corner bracket 『 (opening: the top half) or 』 (closing: the bottom half), at most CORNER_WIDE.
CORNER_HALF = (0.4, 0.65)
CORNER_WIDE = 0.45
# Angle bracket or parenthesis: a narrow mark over most of the ink's height.
TALL = (0.3, 0.7)  # its top above the first, its bottom below the second share of the height
TALL_WIDE = 0.5

MARK_INK = 192  # grey level below which a pixel beside a line is a mark's ink: lighter than `INK`,
# since a dash a pixel thick is drawn in grey only (min 147: `——是体育品牌`, dev page 3)
FRINGE = 2  # pixels: the grey fringe of the glyphs a box holds reaches this far out of its sides
# (read as ink at `MARK_INK`, it joined a dash to the next column's line: `若干回——`, dev page 6;
# and the dash's em a box cut in half is the box's: `——-一九九八` read `———-一`, dev page 22)
DISPLAY_LINE = 1.2  # × the body's box height: only lines this tall get quotes and brackets back
# (headlines, kickers, subtitles; beside a body line, ink outside the boxes is mostly the cut
# edge of a glyph in the next column, read as ‘ or 『: dev pages 10, 20)

PAIRS = {"“": "”", "‘": "’", "『": "』", "「": "」", "《": "》", "（": "）", "〈": "〉"}
DASH_LIKE = set("—一-－─")


def _unmatched_closer(text: str, opener: str, closer: str) -> bool:
    depth = 0
    for ch in text:
        if ch == opener:
            depth += 1
        elif ch == closer:
            if depth == 0:
                return True
            depth -= 1
    return False


def _unmatched_opener(text: str, opener: str, closer: str) -> bool:
    return _unmatched_closer(text[::-1], closer, opener)


def name_mark(line_text: str, side: str, top: float, bottom: float, width: float, pieces: int,
              display: bool = True) -> str | None:
    """The text of a left-out mark from its shape relative to the line's ink (top, bottom and
    width as shares of the ink height; `pieces`: its connected parts) and the side it stands
    on ("L" before the line, "R" after it), or None when the shape says nothing sure. Only
    dashes beside lines that are not `display` lines (see `DISPLAY_LINE`)."""
    middle = (top + bottom) / 2
    if bottom - top <= DASH_THICK and DASH_MIDDLE[0] <= middle <= DASH_MIDDLE[1]:
        if not DASH_MIN <= width <= DASH_MAX:
            return None
        n = max(1, round(width * DASH_EM))
        if pieces > n + 1:  # a dotted or broken rule, not dashes (a dash is one stroke or two)
            return None
        edge = line_text[0] if side == "L" else line_text[-1]
        if n == 1 and edge not in DASH_LIKE:
            return "一"  # one em beside a glyph: the numeral (`一张名片`: dev page 11)
        return "—" * n
    if not display:
        return None
    if top <= QUOTE_TOP and QUOTE_TALL <= bottom - top and bottom <= QUOTE_BOTTOM and width <= QUOTE_WIDE:
        single = pieces == 1
        if side == "L":
            if _unmatched_closer(line_text, "‘", "’"):
                return "‘"
            return "‘" if single and not _unmatched_closer(line_text, "“", "”") else "“"
        if _unmatched_opener(line_text, "‘", "’"):
            return "’"
        return "’" if single and not _unmatched_opener(line_text, "“", "”") else "”"
    if width <= CORNER_WIDE and side == "L" and top <= QUOTE_TOP and CORNER_HALF[0] <= bottom <= CORNER_HALF[1]:
        return "「" if _unmatched_closer(line_text, "「", "」") else "『"
    if width <= CORNER_WIDE and side == "R" and bottom >= 1 - QUOTE_TOP and CORNER_HALF[0] <= 1 - top <= CORNER_HALF[1]:
        return "」" if _unmatched_opener(line_text, "「", "」") else "』"
    if width <= TALL_WIDE and top <= TALL[0] and bottom >= TALL[1]:
        for opener, closer in PAIRS.items():  # only a bracket the line holds the other half of
            if opener in "《（〈" and side == "L" and _unmatched_closer(line_text, opener, closer):
                return opener
            if opener in "《（〈" and side == "R" and _unmatched_opener(line_text, opener, closer):
                return closer
    return None


def _mark_columns(cols: list[tuple[int, int]], side: str, start: int, gap: float, near: float):
    """The run of ink columns nearest the line (start: the column next to its ink) and those
    less than `gap` beyond it, or None when the nearest is farther than `near`."""
    if side == "L":
        cols = cols[::-1]
        if start - cols[0][1] > near:
            return None
        lo, hi = cols[0]
        for c in cols[1:]:
            if lo - c[1] >= gap:
                break
            lo = c[0]
        return lo, hi
    if cols[0][0] - start > near:
        return None
    lo, hi = cols[0]
    for c in cols[1:]:
        if c[0] - hi >= gap:
            break
        hi = c[1]
    return lo, hi


def edge_marks(lines: list[OcrLine], gray) -> list[OcrLine]:
    """The lines with the marks left out at their ends put back (`name_mark`): ink beside a
    line's ink, outside every detected box, becomes characters at either end of it."""
    try:
        import cv2
    except ImportError:  # pragma: no cover - opencv comes with rapidocr-onnxruntime
        return lines
    import numpy as np

    if gray is None or not lines:
        return lines
    free = gray < MARK_INK
    for ln in lines:
        b = ln.box
        free[max(int(b[1]), 0):int(b[3]) + 1, max(int(b[0]) - FRINGE, 0):int(b[2]) + 1 + FRINGE] = False
    body = body_height(lines)
    out = []
    for ln in lines:
        if not ln.chars or is_vertical_box(ln.box) or len(ln.chars) != len(ln.text.replace(" ", "")):
            out.append(ln)
            continue
        ink = ink_extent(gray, ln.box, (ln.chars[0].x0, ln.chars[-1].x1))
        if ink is None:
            out.append(ln)
            continue
        x0, t, x1, b = ink
        h = b - t
        rt, rb = max(int(t - ROW_PAD * h), 0), min(int(b + ROW_PAD * h) + 1, gray.shape[0])
        before, after = [], []
        for side in ("L", "R"):
            a, z = (max(int(x0 - REACH * h), 0), x0) if side == "L" else (x1, min(int(x1 + REACH * h), gray.shape[1]))
            if z <= a:
                continue
            region = free[rt:rb, a:z]
            cols = _runs(region.any(axis=0))
            if not cols:
                continue
            span = _mark_columns(cols, side, z - a if side == "L" else 0, MARK_GAP * h, NEAR * h)
            if span is None or span[1] - span[0] < MIN_WIDTH * h:
                continue
            mark = region[:, span[0]:span[1]]
            rows = np.nonzero(mark.any(axis=1))[0]
            pieces = cv2.connectedComponents(mark.astype(np.uint8), connectivity=8)[0] - 1
            top, bottom = (rows[0] + rt - t) / h, (rows[-1] + 1 + rt - t) / h
            text = name_mark(ln.text, side, top, bottom, (span[1] - span[0]) / h, pieces,
                             ln.box[3] - ln.box[1] >= DISPLAY_LINE * body)
            if not text or _already_there(ln.text, side, text):
                continue
            free[rt:rb, a + span[0]:a + span[1]] = False  # the mark is this line's, not its neighbour's
            left, right = a + span[0], a + span[1]
            step = (right - left) / len(text)
            chars = [OcrChar(ch, left + i * step, ln.box[1], left + (i + 1) * step, ln.box[3], 0.5)
                     for i, ch in enumerate(text)]
            (before if side == "L" else after).extend(chars)
        if before or after:
            chars = before + list(ln.chars) + after
            box = (min(ln.box[0], chars[0].x0), ln.box[1], max(ln.box[2], chars[-1].x1), ln.box[3])
            text = "".join(c.text for c in before) + ln.text + "".join(c.text for c in after)
            ln = OcrLine(text, box, ln.confidence, chars)
        out.append(ln)
    return out


def body_height(lines: list[OcrLine]) -> float:
    """The box height most characters are detected in (the body's)."""
    heights = sorted((ln.box[3] - ln.box[1], len(ln.text)) for ln in lines)
    half, acc = sum(w for _, w in heights) / 2, 0
    for h, w in heights:
        acc += w
        if acc >= half:
            return h
    return 0.0


def _already_there(line_text: str, side: str, mark: str) -> bool:
    """Whether the line already ends (starts) with this kind of mark: the ink beside it is then
    the part of the mark the engine's box left out, not another one."""
    edge = line_text[0] if side == "L" else line_text[-1]
    if mark[0] in DASH_LIKE or mark == "一":
        return False
    return edge in PAIRS or edge in PAIRS.values() or edge in "\"'()"


# --- punctuation the recogniser left out inside a line ------------------------------------------

LOST_GAP = 0.5  # × line height: a blank this wide between two recognised glyphs may hold a mark
LOST_SMALL = 0.45  # × line height: the mark is no taller and no wider than this ...
LOST_LOW = 0.4  # ... and its middle sits below this share of the line's height (、，。 sit low in
# the em; some faces set 、 about its middle, at 0.48: `四川评书、湖北评书`, dev page 10)
LOST_MIN = 0.08  # × line height: smaller specks are noise
TRAIL_PAD = 0.3  # × line height: a mark at the line's end may reach this far out of its box
RING_HOLE_PX = 2  # a mark with a hole of this many pixels or more is a ring: 。
CLOSERS = set("”’』」》）%‰")  # ，。、 follow these as they follow a glyph (`“两全其美”。`, `增长2.8%。`:
# the mark skipped after them at a line's end, dev pages 4, 12, 19, 25, 29, 32, 35, 36, 38)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _takes_mark(ch: str) -> bool:
    """Whether a skipped 、，。 may follow `ch` inside a line: a Chinese character, a letter or
    digit, or a closing quote, bracket or per cent sign."""
    return ch.isalnum() or _is_han(ch) or ch in CLOSERS


def _mark_at(gray, x0: int, x1: int, top: int, bottom: int):
    """The one small low mark in columns x0..x1 of the rows top..bottom (its text), or None."""
    import cv2
    import numpy as np

    h = bottom - top
    if x1 - x0 < 2 or h < 8:
        return None
    dark = (gray[top:bottom, x0:x1] < INK).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    blobs = [k for k in range(1, n) if stats[k][4] >= 3]
    if len(blobs) != 1:
        return None
    x, y, w, bh, _area = stats[blobs[0]]
    if x == 0 or x + w >= x1 - x0:  # touches a neighbouring glyph
        return None
    if not (LOST_MIN * h <= max(w, bh) <= LOST_SMALL * h) or (y + bh / 2) < LOST_LOW * h:
        return None
    ys, xs = np.nonzero(labels == blobs[0])
    blob = np.pad((labels[y:y + bh, x:x + w] == blobs[0]).astype(np.uint8), 1)
    m, _, back, _ = cv2.connectedComponentsWithStats(1 - blob, connectivity=4)
    if any(st[4] >= RING_HOLE_PX for st in back[2:m]):  # blank inside the mark, apart from the outside
        return "。"
    cov = float(np.mean((xs - xs.mean()) * (ys - ys.mean())))
    return "、" if cov > 0 else "，"


def lost_punctuation(line: OcrLine, gray) -> OcrLine:
    """The line with the small low marks (、，。) the recogniser skipped between two of its glyphs
    put back: a blank half an em wide between recognised characters holding one mark in the low
    half of the line (`四川评书、湖北评书` read `四川评书湖北评书`: dev pages 10, 13)."""
    if gray is None or len(line.chars) < 2 or is_vertical_box(line.box) or len(line.chars) != len(line.text.replace(" ", "")):
        return line
    try:
        import cv2  # noqa: F401
    except ImportError:  # pragma: no cover
        return line
    ink = ink_extent(gray, line.box, (line.chars[0].x0, line.chars[-1].x1))
    if ink is None:
        return line
    top, bottom = ink[1], ink[3]
    h = bottom - top
    out = [line.chars[0]]
    added = False
    for prev, c in zip(line.chars, line.chars[1:]):
        if c.x0 - prev.x1 >= LOST_GAP * h and prev.text not in DASH_LIKE and c.text not in DASH_LIKE:
            mark = _mark_at(gray, int(prev.x1), int(c.x0), top, bottom)
            if mark and _takes_mark(prev.text):
                out.append(OcrChar(mark, prev.x1, prev.y0, c.x0, prev.y1, 0.5))
                added = True
        out.append(c)
    last = line.chars[-1]
    if line.box[2] - last.x1 >= LOST_GAP * h and (_is_han(last.text) or last.text in CLOSERS):
        # the line's end: the box holds the mark the recogniser left out (`结合本地区、`: dev page 2)
        mark = _mark_at(gray, int(last.x1), int(line.box[2] + TRAIL_PAD * h), top, bottom)
        if mark:
            out.append(OcrChar(mark, last.x1, last.y0, max(line.box[2], last.x1 + 1), last.y1, 0.5))
            added = True
    if not added:
        return line
    return OcrLine("".join(ch.text for ch in out), line.box, line.confidence, out)
