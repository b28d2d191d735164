"""Text of OCR'd lines put right: a detected line cut where it spans a column gutter, and the
punctuation the recogniser misreads in Chinese text (丶 for 、, a middle dot for 。, `一一` for a
dash, dots for an ellipsis, half-width brackets and quotes)."""
from __future__ import annotations

from banmian.readers.ocr_engines import OcrChar, OcrLine, is_vertical_box
from banmian.readers.ocr_ink import INK, _runs, ink_extent
from banmian.readers.ocr_sizes import em_wide, size_step

SPLIT_GAP = 1.0  # × the line's height: a wider blank between the glyphs of one detected line is
# a gutter (a caption and the next column's text read as one line: dev page 6)
GUTTER_GAP = 1.1  # × the line's height (at most the body's): a blank this wide that ends where a column of the page
# starts (`ColumnStarts`) is a gutter even beside punctuation, whose blank half em makes
# `PUNCT_GAP` ask for more (`李铁映给会议写来贺信，` + the next column's `光。`: dev pages 5, 6,
# 22, 24, 30, 36, 39; a comma's blank before a paragraph's indent is 0.8)
FUSED_HEIGHT = 1.8  # × the body's box height: a detected line no taller is body text, lines of
# neighbouring columns perhaps fused at two heights (a taller box): its gutters are measured against
# the body's height (at 150 dpi the detector fused whole rows across 1.4-em gutters, 26 px, into
# boxes 31-34 px tall, and no line of the second column started alone to mark it: dev page 24)
COLUMN_LINES = 3  # body lines starting at one x (within COLUMN_ALIGN) and near in height
COLUMN_ALIGN = 0.3  # (× body line height) make that x the start of a column ...
COLUMN_REACH = 12.0  # ... when they stand within this many body line heights above or below
COLUMN_TEXT = 6  # characters a detected line holds at least to count as a column's body line
THROUGH_LEADING = 1.0  # × body line height: the blank between a line and the column's lines right
# above and below it (a leading is a third to a half of it) ...
THROUGH_OVERLAP = 0.5  # ... or how far a fused line's taller box may reach into the line below
THROUGH_REACH = 4.0  # × body line height: the line reaches this far left of that column at least
# (lines of a paragraph indented 2 em, or bulleted, stand under and over a line that begins it)


class ColumnStarts:
    """Where the page's columns start: the left edges that several body lines near each other
    share (a detected line that spans a gutter reaches over one)."""

    def __init__(self, lines: list[OcrLine], body: float):
        self.body = body
        self.boxes = [ln.box for ln in lines
                      if len(ln.text) >= COLUMN_TEXT and abs(ln.box[3] - ln.box[1] - body) < 0.2 * body]
        self.lefts = sorted((b[0], b[1]) for b in self.boxes)

    def starts_at(self, x: float, y: float) -> bool:
        """Whether a column starts at x on a line at height y (pixels)."""
        from bisect import bisect_left, bisect_right

        tol, reach = COLUMN_ALIGN * self.body, COLUMN_REACH * self.body
        lo, hi = bisect_left(self.lefts, (x - tol, -1e18)), bisect_right(self.lefts, (x + tol, 1e18))
        return sum(abs(top - y) <= reach for _, top in self.lefts[lo:hi]) >= COLUMN_LINES

    def runs_through(self, box: tuple) -> float | None:
        """Where a column starts that runs on through a detected line, without a blank in it: the
        body lines right above and right below the line start at one x inside it, the one above
        ends where the line does (a caption run on into the next column's line, glyph against
        glyph: `…记者金丽琳` + `精力。另外，对于印度政`, dev page 24)."""
        body = self.body
        tol = COLUMN_ALIGN * body
        inside = [b for b in self.boxes if box[0] + THROUGH_REACH * body < b[0] < box[2] - body]
        above = [b for b in inside if 0 <= box[1] - b[3] < THROUGH_LEADING * body and abs(b[2] - box[2]) <= body]
        below = [b for b in inside if -THROUGH_OVERLAP * body <= b[1] - box[3] < THROUGH_LEADING * body]
        for a in above:
            if any(abs(b[0] - a[0]) <= tol for b in below):
                return a[0]
        return None


def split_at_gaps(line: OcrLine, gray=None, columns: ColumnStarts | None = None) -> list[OcrLine]:
    """A detected line cut where its ink (or, without the image, its characters) stands a
    gutter apart: a blank `SPLIT_GAP` wide (`PUNCT_GAP` beside punctuation), or `GUTTER_GAP`
    wide where `columns` says a column of the page starts; each piece gets the characters whose
    middles fall in it, and their box."""
    chars = line.chars
    if len(chars) < 2 or is_vertical_box(line.box):
        return [line]
    height = line.box[3] - line.box[1]
    if columns is not None and height <= FUSED_HEIGHT * columns.body:  # body lines fused at two heights
        height = min(height, columns.body)
    cuts = _ink_gaps(gray, line.box, SPLIT_GAP * height) if gray is not None else [
        (p.x1 + c.x0) / 2 for p, c in zip(chars, chars[1:]) if c.x0 - p.x1 > SPLIT_GAP * height]
    cuts = [x for x in cuts if not _squeezed_pair(chars, x) or _gap_at(gray, line.box, x) > PUNCT_GAP * height]
    gutters = [] if columns is None or gray is None else [
        (a + b) / 2 for a, b in _blank_spans(gray, line.box, GUTTER_GAP * min(height, columns.body))
        if columns.starts_at(b, line.box[1])]
    through = columns.runs_through(line.box) if columns is not None else None
    if through is not None:
        gutters.append(min(((p.x1 + c.x0) / 2 for p, c in zip(chars, chars[1:])), key=lambda x: abs(x - through)))
    step = size_step(line, gray)
    if step is not None:
        gutters.append(step)
    cuts = sorted(set(cuts) | set(gutters))
    if not cuts:
        return [line]
    pieces: list[list[OcrChar]] = [[] for _ in range(len(cuts) + 1)]
    for c in chars:
        pieces[sum(1 for x in cuts if (c.x0 + c.x1) / 2 > x)].append(c)
    out = []
    for cs in pieces:
        if cs:
            box = (cs[0].x0, line.box[1], cs[-1].x1, line.box[3])
            box = _fitted(gray, box) if gutters else box
            out.append(OcrLine("".join(c.text for c in cs), box, sum(c.confidence for c in cs) / len(cs), cs))
    return out


PIECE_PAD = 0.05  # × ink height: a piece's box reaches this far above and below its ink, as the
# detector pads a line's, when ...
PIECE_FIT = 0.8  # ... its ink (so padded) is less than this share of the box's height


def _fitted(gray, box: tuple) -> tuple:
    """A piece's box cut down to the rows of its own ink: the box of a line that spans a gutter
    is as tall as the two lines it fused, set at different heights, and a short piece sized by
    it passed for a headline (`划。`: dev page 38)."""
    if gray is None:
        return box
    ink = ink_extent(gray, box)
    if ink is None:
        return box
    pad = PIECE_PAD * (ink[3] - ink[1])
    top, bottom = max(box[1], ink[1] - pad), min(box[3], ink[3] + pad)
    if bottom - top > PIECE_FIT * (box[3] - box[1]):
        return box  # the box the detector drew fits the piece's ink
    return (box[0], top, box[2], bottom)


GUTTER_PASSES = 2  # the page's column starts are found again once the lines that hid a short
# column's start are cut (a line fused over three columns: dev page 39)


def cut_at_gutters(lines: list[OcrLine], gray, passes: int = GUTTER_PASSES) -> list[OcrLine]:
    """The detected lines cut where they span a gutter (`split_at_gaps`), against the column
    starts of the page found anew on each pass."""
    from banmian.readers.ocr_marks import body_height

    for _ in range(passes):
        columns = ColumnStarts(lines, body_height(lines))
        lines = [piece for ln in lines for piece in split_at_gaps(ln, gray, columns)]
    return lines


PUNCT_GAP = 1.8  # × line height: beside punctuation (，《) the blank must be this wide to be a gutter
OPENING = set("《“‘（(「『〈【")
CLOSING_OR_PAUSE = set("，。、：；！？”’）)」』〉】》")


def _squeezed_pair(chars: list[OcrChar], x: float) -> bool:
    """Whether the characters either side of x are punctuation whose ink leaves half an em blank
    (`，《`: dev page 1)."""
    left = [c for c in chars if (c.x0 + c.x1) / 2 <= x]
    right = [c for c in chars if (c.x0 + c.x1) / 2 > x]
    return bool(left and right) and (left[-1].text in CLOSING_OR_PAUSE or right[0].text in OPENING)


def _gap_at(gray, box, x: float) -> float:
    """Width of the blank stretch of a line's ink around x (0 when x is on ink)."""
    if gray is None:
        return float("inf")
    x0, t, x1, b = max(int(box[0]), 0), max(int(box[1]), 0), int(box[2]) + 1, int(box[3]) + 1
    runs = _runs(~(gray[t:b, x0:x1] < INK).any(axis=0))
    return next((float(r[1] - r[0]) for r in runs if r[0] <= x - x0 < r[1]), 0.0)


def _blank_spans(gray, box, width: float) -> list[tuple[int, int]]:
    """(start, end) x of every blank stretch wider than `width` between ink in a line's box."""
    x0, t, x1, b = max(int(box[0]), 0), max(int(box[1]), 0), int(box[2]) + 1, int(box[3]) + 1
    runs = _runs((gray[t:b, x0:x1] < INK).any(axis=0))
    return [(x0 + a[1], x0 + b_[0]) for a, b_ in zip(runs, runs[1:]) if b_[0] - a[1] > width]


def _ink_gaps(gray, box, width: float) -> list[float]:
    """x of the middle of every blank stretch wider than `width` between ink in a line's box."""
    return [(a + b) / 2 for a, b in _blank_spans(gray, box, width)]


# --- punctuation the recogniser confuses ------------------------------------------------------

RADICAL_DOT = "\u4e36"  # 丶, a dictionary radical, never running text: the recogniser's 、
LOW_DOTS = set("·°.")  # read for 。 when the mark is a ring (see `is_full_stop`)
FULL_STOP_EM = 0.18  # × line height: a 。 ring is about a quarter em across, a · dot a tenth (dev pages 2, 3)
RING_FILL = 0.7  # a ring's ink fills less of its box than a solid dot (π/4 = 0.79)
DASHES = set("—一-－─")  # a run of two or more holding a dash is a dash (——): `—一一` for ———
HALF_TO_FULL = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def is_full_stop(gray, ch: OcrChar, ink) -> bool:
    """Whether a dot the recogniser read as · or ° is a full stop 。: a ring at least
    `FULL_STOP_EM` of the line's height across (a middle dot is a small solid dot; fonts set 。
    low or, like dev page 3's, in the middle of the em). The mark is the largest blob inside its
    box that touches neither side (those are the neighbouring glyphs)."""
    try:
        import cv2
    except ImportError:  # pragma: no cover - opencv comes with rapidocr-onnxruntime
        return False
    import numpy as np

    if gray is None or ink is None:
        return False
    x0, x1 = max(int(ch.x0), 0), max(int(ch.x1), int(ch.x0) + 1)
    dark = (gray[ink[1]:ink[3], x0:x1] < INK).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    inner = [st for st in stats[1:n] if st[0] > 0 and st[0] + st[2] < dark.shape[1]]
    if not inner:
        return False
    x, y, w, h, area = max(inner, key=lambda st: st[4])
    return h >= FULL_STOP_EM * (ink[3] - ink[1]) and area <= RING_FILL * w * h


def dash_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of runs of two or more dash-like characters, at least one a real dash."""
    runs, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] in DASHES:
            j += 1
        if j - i >= 2 and any(ch != "一" for ch in text[i:j]):
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


ELLIPSIS_DOTS = set("·.…。")  # an ellipsis …… comes out as a run of dots (`···`, `…·`)


def dot_runs(text: list[str]) -> list[tuple[int, int]]:
    """(start, end) of runs of two or more dots, not all full stops, beside Chinese text."""
    runs, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] in ELLIPSIS_DOTS:
            j += 1
        near_cjk = (i and em_wide(text[i - 1])) or (j < len(text) and em_wide(text[j]))
        if j - i >= 2 and set(text[i:j]) != {"。"} and near_cjk:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def one_runs(text: list[str], chars: list[OcrChar], gray, ink) -> list[tuple[int, int]]:
    """(start, end) of runs of 一 that are a dash: three or more, or two whose ink runs on
    unbroken from one to the other (一一, a word, has a gap between its two glyphs)."""
    import numpy as np

    runs, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == "一":
            j += 1
        if j - i >= 3:
            runs.append((i, j))
        elif j - i == 2 and gray is not None and ink is not None:
            a = int((chars[i].x0 + chars[i].x1) / 2)
            z = int((chars[i + 1].x0 + chars[i + 1].x1) / 2)
            band = gray[ink[1]:ink[3], a:z] < INK
            if band.size and bool(np.all(band.any(axis=0))):
                runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _ink_joins(chars: list[OcrChar], i: int, j: int, gray, ink) -> bool:
    """Whether ink runs unbroken from the middle of character i to that of character j."""
    import numpy as np

    a, z = int((chars[i].x0 + chars[i].x1) / 2), int((chars[j].x0 + chars[j].x1) / 2)
    band = gray[ink[1]:ink[3], a:z] < INK
    return bool(band.size) and bool(np.all(band.any(axis=0)))


NUMERALS = set("〇零一二三四五六七八九十百千万亿两")
DASH_MARKS = DASHES - {"一"}  # dash-like marks that are never the numeral (— and the hyphens the
# recogniser reads for its ems: `—-一九九八` is —— and 一九九八, dev page 22)


def numerals_apart(text: list[str], chars: list[OcrChar], a: int, b: int, gray, ink) -> tuple[int, int]:
    """A dash run (a, b) less the 一 at its end that starts a number (`——一九九八`: a dash and
    the numeral, dev pages 15, 21, 22): after whole dashes, a blank between their ink, and a
    numeral after it. `—一` stays a dash, and so does `——一` before other text (body fonts leave
    a blank between the parts of a three-em dash ———: dev pages 6, 13, 18, 19)."""
    if gray is None or ink is None:
        return a, b
    if (b - a > 2 and b < len(text) and text[b] in NUMERALS and text[b - 1] == "一"
            and set(text[a:b - 1]) <= DASH_MARKS and not _ink_joins(chars, b - 2, b - 1, gray, ink)):
        b -= 1
    return a, b


LONG_DASH = 1.5  # × line height: a dash whose ink runs this long is the two-em dash ——


def long_dashes(text: list[str], chars: list[OcrChar], gray, ink) -> list[int]:
    """Positions of single dashes whose ink is two em long (the recogniser reads —— as —)."""
    import numpy as np

    out = []
    if gray is None or ink is None:
        return out
    height = ink[3] - ink[1]
    for i, t in enumerate(text):
        if t != "—" or (i and text[i - 1] == "—") or (i + 1 < len(text) and text[i + 1] == "—"):
            continue
        mid = int((chars[i].x0 + chars[i].x1) / 2)
        band = gray[ink[1]:ink[3], :] < INK
        rows = np.nonzero(band[:, mid])[0] if 0 <= mid < band.shape[1] else []
        if not len(rows):
            continue
        row = band[int(np.median(rows))]
        a = z = mid
        while a > 0 and row[a - 1]:
            a -= 1
        while z + 1 < len(row) and row[z + 1]:
            z += 1
        if z - a + 1 >= LONG_DASH * height:
            out.append(i)
    return out


RANGE_BEFORE = set("0123456789时日月年点")  # a range's first end: a number, a time or a date


def range_dashes(text: list[str]) -> None:
    """一 between a number (or a time, a date) and a number is the dash of a range: `5一7级`,
    `20时一1月16日` (dev pages 5, 29); an Arabic digit never follows the numeral 一."""
    for i in range(1, len(text) - 1):
        if text[i] == "一" and text[i - 1] in RANGE_BEFORE and text[i + 1] in "0123456789":
            text[i] = "—"


def straight_quotes(text: list[str]) -> None:
    """Straight quotes put right in place: a " beside Chinese text opens “, or closes ” the “
    open in the line, and so does a " after anything while a “ is open (`“007"`: dev page 27);
    a ' before a digit is the apostrophe of a year (`’97财金大势回眸`: dev page 35)."""
    last_quote = ""
    for i, t in enumerate(text):
        if t in "“”":
            last_quote = t
        elif t == '"' and (last_quote == "“" or (i and em_wide(text[i - 1]))
                           or (i + 1 < len(text) and em_wide(text[i + 1]))):
            text[i] = last_quote = "”" if last_quote == "“" else "“"
        elif t == "'" and i + 1 < len(text) and text[i + 1].isdigit():
            text[i] = "’"


def close_quotes(text: list[str]) -> None:
    """Quotes the recogniser turned the wrong way, put right in place: a “ while a “ is open in
    the line closes it (double quotes do not nest in Chinese; `“慈善之春“芭蕾舞`), and so does a
    ’ while a “ is open and no ‘ (`“金凤凰’`: dev pages 8, 27, 30)."""
    double = single = False
    for i, t in enumerate(text):
        if t == "“":
            text[i] = "”" if double else "“"
            double = not double
        elif t == "”":
            double = False
        elif t == "‘":
            single = True
        elif t == "’":
            if single:
                single = False
            elif double:
                text[i], double = "”", False


def correct_punctuation(line: OcrLine, gray) -> OcrLine:
    """Fix the recogniser's usual punctuation misreadings in Chinese text: 丶 for 、, · or ° for
    a low 。, `—一一` for a dash ———, half-width brackets and marks beside Chinese characters."""
    chars = list(line.chars)
    if not chars or len(chars) != len(line.text.replace(" ", "")):
        return line
    ink = ink_extent(gray, line.box) if gray is not None else None
    text = [c.text for c in chars]
    for i, c in enumerate(chars):
        if c.text == RADICAL_DOT:
            text[i] = "、"
        elif c.text in LOW_DOTS and not (c.text == "." and 0 < i < len(chars) - 1
                                         and text[i - 1].isalnum() and chars[i + 1].text.isalnum()):
            if is_full_stop(gray, c, ink):
                text[i] = "。"
        elif c.text in HALF_TO_FULL and ((i and em_wide(text[i - 1])) or (i + 1 < len(chars) and em_wide(chars[i + 1].text))):
            text[i] = HALF_TO_FULL[c.text]
    for a, b in dash_runs("".join(text)) + one_runs(text, chars, gray, ink):
        a, b = numerals_apart(text, chars, a, b, gray, ink)
        text[a:b] = ["—"] * (b - a)
    straight_quotes(text)
    close_quotes(text)
    range_dashes(text)
    new = [c._replace(text=t) for c, t in zip(chars, text)]
    for i in reversed(long_dashes(text, new, gray, ink)):  # one dash read for the two of ——
        half = (new[i].x0 + new[i].x1) / 2
        new[i:i + 1] = [new[i]._replace(x1=half), new[i]._replace(x0=half)]
    for a, b in reversed(dot_runs(text)):  # the run's span, halved between the two dots of ……
        first, last = new[a], new[b - 1]
        mid = (first.x0 + last.x1) / 2
        conf = min(c.confidence for c in new[a:b])
        new[a:b] = [first._replace(text="…", x1=mid, confidence=conf),
                    last._replace(text="…", x0=mid, confidence=conf)]
    if new == chars:
        return line
    return OcrLine("".join(c.text for c in new), line.box, line.confidence, new)
