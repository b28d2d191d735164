"""Scanned pages: OCR lines become the characters, ruling lines and pictures that the PDF path's
geometry reads (`banmian.geometry.group_lines`, `banmian.stages.layout`).

An engine (`banmian.readers.ocr_engines`) gives lines with boxes, characters and confidences in
pixels. Here each line is measured on the image itself — its ink: the left and right edges of
its glyphs and their height, which give its size (glyph height) and baseline — and its
characters are spread between those edges as the engine placed them. Sizes are then snapped to
the page's tiers (`banmian.readers.ocr_sizes`), since glyph heights measured in pixels jitter by
a few percent and the layout tells body, caption and headline lines apart by size. A bold face
(heavier strokes) stands for the display font of a PDF. Ruling lines and pictures are found in what is left of the image
once the text is masked. Coordinates become PDF points (origin bottom-left) at the image's
resolution.

A page whose text stands mostly in columns of vertical text (traditional layouts) is turned a
quarter: read top to bottom and right to left, its columns become lines read left to right and
top to bottom, and its bands become columns, so the same layout reads it.
"""
from __future__ import annotations

from collections.abc import Iterator

from banmian.geometry import WORD_GAP
from banmian.readers.ocr_drawings import drawings
from banmian.readers.ocr_engines import OcrChar, OcrLine, is_vertical_box
from banmian.readers.ocr_ink import _runs, without_crossing_shapes
from banmian.readers.ocr_marks import MARK_INK, edge_marks, lost_punctuation
from banmian.readers.ocr_punct import NUMERALS, SPLIT_GAP, correct_punctuation, cut_at_gutters
from banmian.readers.ocr_sizes import DESCENT_EM, DISPLAY_SIZE, RUN_GAP, Measured, body_tier, measure_lines
from banmian.readers.pdf import Char, PdfPage, _outermost

BOLD, REGULAR = "ocr-bold", "ocr-regular"
LOW_CONFIDENCE = 0.8  # characters recognised with less confidence are marked in the output
TEXT_MASK_PAD = 0.3  # em: text is masked this far around its ink before pictures are looked for
# (the anti-aliased grey fringe of glyphs, lighter than INK, would join a caption to its picture)
VERTICAL_PAGE = 0.5  # share of a page's characters in vertical lines that makes it a vertical page


def with_chars(line: OcrLine) -> OcrLine:
    """The line with a box for each of its characters: the engine's, or, when it gave none (or
    not one a character), the box spread by width (ideographs 1, others ½), so that the
    corrections made character by character reach it too (`走廊"创建纪实`, a headline line the
    engine gave no character boxes: dev page 8)."""
    text = line.text.replace(" ", "")
    if not text or len(line.chars) == len(text):
        return line
    weights = [1.0 if ord(ch) > 0x2E7F else 0.5 for ch in text]
    total = sum(weights) or 1.0
    pos, chars = line.box[0], []
    step = (line.box[2] - line.box[0]) / total
    for ch, w in zip(text, weights):
        chars.append(OcrChar(ch, pos, line.box[1], pos + w * step, line.box[3], line.confidence))
        pos += w * step
    return OcrLine(line.text, line.box, line.confidence, chars)


def spread_chars(line: OcrLine, x0: float, x1: float) -> list[OcrChar]:
    """The line's characters placed between the ink edges x0..x1: the engine's character boxes
    (`with_chars`) stretched onto them."""
    chars = with_chars(line).chars
    lo, hi = chars[0].x0, chars[-1].x1
    scale = (x1 - x0) / (hi - lo) if hi > lo else 1.0
    return [c._replace(x0=x0 + (c.x0 - lo) * scale, x1=x0 + (c.x1 - lo) * scale) for c in chars]


# --- vertical pages --------------------------------------------------------------------------

def is_vertical_page(lines: list[OcrLine]) -> bool:
    """Whether most characters stand in columns of vertical text."""
    total = sum(len(ln.text) for ln in lines)
    vertical = sum(len(ln.text) for ln in lines if is_vertical_box(ln.box) and len(ln.text) > 1)
    return total > 0 and vertical > VERTICAL_PAGE * total


def turn_line(line: OcrLine, width: float) -> OcrLine:
    """A line of a vertical page in the page turned a quarter: x ← y (down the column), y ←
    distance from the right edge (columns right to left become lines top to bottom)."""
    def turn(x0, y0, x1, y1):
        return (y0, width - x1, y1, width - x0)

    chars = [OcrChar(c.text, *turn(c.x0, c.y0, c.x1, c.y1), c.confidence) for c in line.chars]
    return OcrLine(line.text, turn(*line.box), line.confidence, chars)


def turn_gray(gray):
    """The grey image turned as `turn_line` turns boxes (the right edge on top)."""
    import numpy as np

    return np.ascontiguousarray(np.rot90(gray, k=1))


# --- lines into runs ------------------------------------------------------------------------

RUN_ON_TOUCH = 0.25  # × size: a detected line this close after the previous one on its baseline
# continues it (the PDF path joins text-layer runs that touch: `banmian.geometry.TOUCHING`) ...
RUN_ON_PUNCT = 0.5  # ... and this much more beside punctuation, whose ink leaves half its em
# blank (`关开展` + `『三优一满意』` of one headline: dev page 8)
RUN_ON_SIZE = 0.1  # the two are printed in about one size (`banmian.geometry.SAME_SIZE`)
OPENING_MARKS = set("《“‘（(「『〈【")
CLOSING_MARKS = set("，。、：；！？”’）)」』〉】》")


def same_row(prev: tuple, m: Measured, size: float) -> bool:
    """Whether line `m` (of `size`) stands on the baseline of `prev` = (measured, size), in
    about its size."""
    a, a_size = prev
    if not a.line.text or not m.line.text:
        return False
    return abs(a_size - size) <= RUN_ON_SIZE * max(a_size, size) and abs(a.bottom - m.bottom) <= 0.3 * size


def runs_on(prev: tuple, m: Measured, size: float) -> bool:
    """Whether line `m` (of `size`) continues the line before it in the engine's order, `prev`
    = (measured, size): on its baseline, of its size, and touching it. Other detected lines
    start runs of their own (two headlines side by side, a gutter apart: dev pages 49, 51)."""
    if not same_row(prev, m, size):
        return False
    a = prev[0]
    touch = RUN_ON_TOUCH
    if a.line.text[-1] in CLOSING_MARKS or m.line.text[0] in OPENING_MARKS:
        touch += RUN_ON_PUNCT
    return -0.5 * size < m.x0 - a.x1 < touch * size


LOST_REACH = 8.0  # × size: two pieces of one printed line this far apart, with ink between them,
# are one line whose glyphs there the recogniser left out (`至，编辑部`, five glyphs: dev page 4)
LOST_INK = 0.3  # share of the blank's pixel columns that hold ink: glyphs fill most of theirs; a
# column rule in a gutter fills a few
LOST_MIN = RUN_ON_TOUCH  # × size: a narrower blank is left to `runs_on` (`团——` and `一小白鹭`,
# 0.38 em apart across a dash lighter than `INK`: dev page 10)
LOST_DENSE = 0.6  # share of the blank's pixels that are ink above which it is a picture over the
# text, not glyphs (glyphs fill 0.2–0.3 with their fringe: dev page 5, where a picture drawn over a
# line also crosses the gutter beside it)
FULL_ROW = 0.95  # a pixel row inked over this share of the blank is a rule or a picture's edge
# crossing it (a glyph the blank holds leaves a margin either side)


def left_out(gray, x0: float, x1: float, top: float, bottom: float, size: float) -> bool:
    """Whether the blank x0..x1 between two pieces of a line (rows top..bottom) holds glyphs the
    recogniser left out: marks' ink (`MARK_INK`) over `LOST_INK` of its width and no stretch
    as wide as a gutter (`SPLIT_GAP`, what `cut_at_gutters` cuts at), not so dense as a
    picture (`LOST_DENSE`); shapes that run on above or below the line (a picture's edge: dev
    page 5) and rows inked all across (`FULL_ROW`, a rule) are left aside."""
    if gray is None or x1 - x0 < LOST_MIN * size:
        return False
    t, b = int(top), int(bottom) + 1
    if gray[t:b, int(x0):int(x1)].size == 0 or (gray[t:b, int(x0):int(x1)] < MARK_INK).mean() > LOST_DENSE:
        return False
    inked = _glyph_columns(gray, x0, x1, top, bottom)
    widest = max((e - s for s, e in _runs(~inked)), default=0)
    return inked.mean() >= LOST_INK and widest < SPLIT_GAP * size


def lost_between(prev: tuple, m: Measured, size: float, gray, others: list[Measured] = ()) -> bool:
    """Whether line `m` continues `prev` = (measured, size) on its row across glyphs the
    recogniser left out (`left_out`): a rare ideograph (`圪`, `赝`, `镕`: dev pages 5, 9, 15) or
    a dash drawn lighter than `INK` (`20%—25%`: dev page 12) stands between them, so the two
    pieces were read as two lines, the first ending short and the second indented (a paragraph
    break twice). No other line (`others`) stands between them (a headline between two
    others on its row: dev page 1)."""
    a = prev[0]
    top, bottom = min(a.top, m.top), max(a.bottom, m.bottom)
    return (m.x0 - a.x1 <= LOST_REACH * size and same_row(prev, m, size)
            and left_out(gray, a.x1, m.x0, top, bottom, size)
            and not any(o.x0 < m.x0 and o.x1 > a.x1 and o.top < bottom and o.bottom > top
                        for o in others if o is not a and o is not m))


def _glyph_columns(gray, x0: float, x1: float, top: float, bottom: float):
    """Which pixel columns of x0..x1 hold glyph ink on the rows top..bottom (marks' ink, less the
    shapes that run on above or below and the rows inked all across: see `left_out`)."""
    t, b = int(top), int(bottom) + 1
    dark = without_crossing_shapes(gray, int(x0), t, int(x1), b, MARK_INK)
    return dark[dark.mean(axis=1) < FULL_ROW].any(axis=0)


def lost_edge(m: Measured, size: float, gray, others: list[Measured], side: int) -> float | None:
    """Where a line's glyphs really begin (`side` −1) or end (+1) when the recogniser left out
    the first or last of them (`团——` before `一小白鹭`, `嗬` before `！少说`: dev pages 7, 10, read
    as an indented line, a paragraph break): ink beside the line, within `LOST_REACH`, no blank
    in it as wide as a gutter (`SPLIT_GAP`) and no other line there; None when there is none."""
    if gray is None:
        return None
    row = [o for o in others if o is not m and o.top < m.bottom and o.bottom > m.top]
    if side < 0:
        lo = max([m.x0 - LOST_REACH * size, 0.0] + [o.x1 for o in row if o.x0 < m.x0])
        hi = m.x0
    else:
        lo = m.x1
        hi = min([m.x1 + LOST_REACH * size, float(gray.shape[1])] + [o.x0 for o in row if o.x1 > m.x1])
    if hi - lo < LOST_MIN * size:
        return None
    runs = _runs(_glyph_columns(gray, lo, hi, m.top, m.bottom))
    edge = hi - lo if side < 0 else 0
    for a, z in (reversed(runs) if side < 0 else runs):
        if (edge - z if side < 0 else a - edge) >= SPLIT_GAP * size:
            break
        edge = a if side < 0 else z
    x = lo + edge
    span = (x, m.x0) if side < 0 else (m.x1, x)
    return x if left_out(gray, span[0], span[1], m.top, m.bottom, size) else None


def _blank(x0: float, x1: float, m: Measured) -> OcrChar:
    """A space where glyphs were left out, x0..x1 on line `m` (confidence 0)."""
    return OcrChar(" ", x0, m.top, x1, m.bottom, 0.0)


def with_blanks(chars: list[OcrChar], m: Measured, size: float, gray) -> list[OcrChar]:
    """A line's characters with a space wherever glyphs were left out between two of them
    (`left_out`) as wide as a word gap (`banmian.geometry.WORD_GAP`): the gap would otherwise
    end the printed line there (`大` `村委` either side of
    a lost `圪` became two lines: dev page 5)."""
    out = chars[:1]
    for c in chars[1:]:
        p = out[-1]
        if c.x0 - p.x1 >= WORD_GAP * size and left_out(gray, p.x1, c.x0, m.top, m.bottom, size):
            out.append(_blank(p.x1, c.x0, m))
        out.append(c)
    return out


def run_order(measured: list[Measured], sizes: list[float], gray=None) -> list[int]:
    """The lines in the engine's order, except that a line that runs on from another (`runs_on`,
    or across glyphs left out: `lost_between`) comes right after it, wherever the engine put it
    (the pieces of a headline line the detector cut at its brackets and dashes: dev page 8)."""
    n = len(measured)
    follower: dict[int, int] = {}
    led: set[int] = set()
    from bisect import bisect_left

    by_left = sorted(range(n), key=lambda i: measured[i].x0)
    lefts = [measured[i].x0 for i in by_left]
    reach = max(sizes, default=0.0)
    for i in range(n):
        a = measured[i]
        best = None
        for j in by_left[bisect_left(lefts, a.x1 - 0.5 * reach):]:
            b = measured[j]
            if j == i or j in led or b.x0 < a.x1 - 0.5 * sizes[j]:
                continue
            if b.x0 > a.x1 + (LOST_REACH if gray is not None else 1.0) * sizes[j]:
                break
            if runs_on((a, sizes[i]), b, sizes[j]) or lost_between((a, sizes[i]), b, sizes[j], gray, measured):
                best = j
                break
        if best is not None:
            follower[i] = best
            led.add(best)
    order, seen = [], set()
    for i in range(n):
        if i in led or i in seen:
            continue
        while i is not None and i not in seen:
            order.append(i)
            seen.add(i)
            i = follower.get(i)
    order += [i for i in range(n) if i not in seen]  # a chain closed on itself
    return order


# --- the page --------------------------------------------------------------------------------

def _open_double(text: str) -> bool:
    """Whether the line ends inside a double quote (more “ than ” after the last ”)."""
    last_close = text.rfind("”")
    return "“" in text[last_close + 1:]


def close_quotes_across(measured: list[Measured], sizes: list[float]) -> None:
    """A line of a headline whose line above (one size and face, stacked under it) ends inside
    a “: its first double quote closes it (`“可持续发展与环境保护` / `“研讨会`: dev page 30;
    double quotes do not nest in Chinese)."""
    order = sorted(range(len(measured)), key=lambda i: measured[i].top)
    for k, i in enumerate(order):
        a = measured[i]
        if not _open_double(a.line.text):
            continue
        for j in order[k + 1:]:
            b = measured[j]
            if b.top - a.bottom > RUN_GAP * sizes[i]:
                break
            if (sizes[j] == sizes[i] and b.bold == a.bold and b.top >= a.bottom - 1
                    and min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)):
                text = b.line.text
                q = min((text.find(c) for c in "“”" if c in text), default=-1)
                if q >= 0 and text[q] == "“":
                    b.line = _with_char(b.line, q, "”")
                break


def display_dashes(measured: list[Measured], sizes: list[float]) -> None:
    """In a display-size line (a headline, a subtitle), two 一 in a row with no numeral beside
    them are the two-em dash —— (`一一这意味着该技术已实现产业化`: dev page 40): the display
    face leaves a gap between the dash's two ems, so the ink test of `ocr_punct.one_runs`
    cannot join them; the word 一一 (one by one) is body text's."""
    body = body_tier(sizes, [len(m.line.text) for m in measured])
    for m, size in zip(measured, sizes):
        if not body or size < DISPLAY_SIZE * body or "一一" not in m.line.text:
            continue
        text = m.line.text.replace(" ", "")
        for i in range(len(text) - 1):
            if text[i:i + 2] != "一一" or text[i - 1:i] in NUMERALS or text[i + 2:i + 3] in NUMERALS:
                continue
            if text[i - 1:i] == "一" or text[i + 2:i + 3] == "一":
                continue  # a longer run: ocr_punct's
            m.line = _with_char(_with_char(m.line, i, "—"), i + 1, "—")


def _with_char(line: OcrLine, pos: int, ch: str) -> OcrLine:
    """The line with the character at `pos` of its text (spaces apart) replaced by `ch`."""
    text = line.text.replace(" ", "")
    chars = list(line.chars)
    if len(chars) == len(text):
        chars[pos] = chars[pos]._replace(text=ch)
    k = -1
    out = []
    for c in line.text:
        if c != " ":
            k += 1
        out.append(ch if k == pos and c != " " else c)
    return OcrLine("".join(out), line.box, line.confidence, chars)


def ocr_page(lines: list[OcrLine], rgb, dpi: float, number: int = 1, engine_name: str = "rapidocr") -> PdfPage:
    """A `PdfPage` (characters with confidences, rules, pictures; points, origin bottom-left)
    from an engine's lines and the image they were read from."""
    import numpy as np

    gray = rgb.mean(axis=2).astype(np.uint8) if rgb is not None and rgb.ndim == 3 else rgb
    lines = [ln for ln in lines if ln.text.strip()]
    if gray is not None:
        height_px, width_px = gray.shape
    else:  # lines without their image (tests): the page just holds them
        height_px = max((ln.box[3] for ln in lines), default=0) + 1
        width_px = max((ln.box[2] for ln in lines), default=0) + 1
    if lines and is_vertical_page(lines):
        lines = [turn_line(ln, width_px) for ln in lines]
        gray = turn_gray(gray) if gray is not None else None
        height_px, width_px = width_px, height_px
    pt = 72.0 / dpi  # points per pixel
    lines = edge_marks([with_chars(ln) for ln in lines], gray)
    lines = [correct_punctuation(lost_punctuation(ln, gray), gray) for ln in cut_at_gutters(lines, gray)]
    measured, sizes = measure_lines(lines, gray)
    close_quotes_across(measured, sizes)
    display_dashes(measured, sizes)
    rules, pictures = ([], [])
    if gray is not None:
        pad = [TEXT_MASK_PAD * size for size in sizes]
        boxes = [(m.x0 - d, m.top - d, m.x1 + d, m.bottom + d) for m, size, d in zip(measured, sizes, pad)]
        rules, pictures = drawings(gray, boxes, 1 / pt)
    chars: list[Char] = []
    starts: list[int] = []
    order = run_order(measured, sizes, gray)
    joined = [""] * len(order)  # how the line continues the one before it: touching, or across lost glyphs
    for n in range(1, len(order)):
        prev, k = (measured[order[n - 1]], sizes[order[n - 1]]), order[n]
        if runs_on(prev, measured[k], sizes[k]):
            joined[n] = "touching"
        elif lost_between(prev, measured[k], sizes[k], gray, measured):
            joined[n] = "lost"
    for n, k in enumerate(order):
        m, size = measured[k], sizes[k]
        placed = with_blanks(spread_chars(m.line, m.x0, m.x1), m, size, gray)
        if not joined[n]:
            starts.append(len(chars))
            lead = lost_edge(m, size, gray, measured, -1)
            if lead is not None:
                placed.insert(0, _blank(lead, m.x0, m))
        elif joined[n] == "lost" and m.x0 - measured[order[n - 1]].x1 >= WORD_GAP * size:
            placed.insert(0, _blank(measured[order[n - 1]].x1, m.x0, m))
        if n + 1 == len(order) or not joined[n + 1]:
            tail = lost_edge(m, size, gray, measured, 1)
            if tail is not None:
                placed.append(_blank(m.x1, tail, m))
        baseline = m.bottom - DESCENT_EM * size
        font = BOLD if m.bold else REGULAR
        for c in placed:
            chars.append(Char(c.text, c.x0 * pt, c.x1 * pt, (height_px - baseline) * pt, size * pt, font, False,
                              c.confidence))

    def flip(b):
        return (b[0] * pt, (height_px - b[3]) * pt, b[2] * pt, (height_px - b[1]) * pt)
    return PdfPage(number, width_px * pt, height_px * pt, chars, [flip(r) for r in rules],
                   _outermost([flip(p) for p in pictures]), ocr=engine_name, line_starts=starts)


def read_image(path: str, pages: str | None = None, engine=None, engine_name: str = "rapidocr") -> Iterator[PdfPage]:
    """OCR each page of an image file (PNG, JPEG, TIFF incl. multi-page) into a `PdfPage`.

    Raises `BadInput` for an unreadable, oversized or truncated image and `OcrUnavailable` when
    the engine is not installed.
    """
    from banmian.readers.image import image_page_count, load_images
    from banmian.readers.ocr_engines import make_engine
    from banmian.readers.pdf import page_numbers

    wanted = page_numbers(pages, image_page_count(path), str(path)) if pages else None
    engine = engine or make_engine(engine_name)
    for number, rgb, dpi in load_images(path, wanted):
        yield ocr_page(engine(rgb), rgb, dpi, number, engine.name)


SCAN_DPI = 200.0  # image-only PDF pages are rendered at this resolution for OCR


def ocr_pdf_page(page, number: int, engine) -> PdfPage:
    """OCR one pypdfium2 page (an image-only PDF page) rendered at `SCAN_DPI`; coordinates in
    the page's own points."""
    import numpy as np

    rgb = np.asarray(page.render(scale=SCAN_DPI / 72).to_pil().convert("RGB"))
    return ocr_page(engine(rgb), rgb, SCAN_DPI, number, engine.name)


def low_confidence(chars: list[Char]) -> list[tuple[int, Char]]:
    """(position among the non-space characters, char) of those below `LOW_CONFIDENCE`."""
    out = []
    i = 0
    for c in chars:
        if c.text.isspace():
            continue
        if c.confidence < LOW_CONFIDENCE:
            out.append((i, c))
        i += 1
    return out

