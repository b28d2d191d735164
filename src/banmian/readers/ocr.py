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

from banmian.readers.ocr_drawings import drawings
from banmian.readers.ocr_engines import OcrChar, OcrLine, is_vertical_box
from banmian.readers.ocr_marks import edge_marks, lost_punctuation
from banmian.readers.ocr_punct import NUMERALS, correct_punctuation, cut_at_gutters
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


def runs_on(prev: tuple, m: Measured, size: float) -> bool:
    """Whether line `m` (of `size`) continues the line before it in the engine's order, `prev`
    = (measured, size): on its baseline, of its size, and touching it. Other detected lines
    start runs of their own (two headlines side by side, a gutter apart: dev pages 49, 51)."""
    a, a_size = prev
    if not a.line.text or not m.line.text:
        return False
    if abs(a_size - size) > RUN_ON_SIZE * max(a_size, size) or abs(a.bottom - m.bottom) > 0.3 * size:
        return False
    touch = RUN_ON_TOUCH
    if a.line.text[-1] in CLOSING_MARKS or m.line.text[0] in OPENING_MARKS:
        touch += RUN_ON_PUNCT
    return -0.5 * size < m.x0 - a.x1 < touch * size


def run_order(measured: list[Measured], sizes: list[float]) -> list[int]:
    """The lines in the engine's order, except that a line that runs on from another (`runs_on`)
    comes right after it, wherever the engine put it (the pieces of a headline line the detector
    cut at its brackets and dashes: dev page 8)."""
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
            if b.x0 > a.x1 + 1.0 * sizes[j]:
                break
            if runs_on((a, sizes[i]), b, sizes[j]):
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
    prev = None
    for k in run_order(measured, sizes):
        m, size = measured[k], sizes[k]
        if prev is None or not runs_on(prev, m, size):
            starts.append(len(chars))
        prev = (m, size)
        baseline = m.bottom - DESCENT_EM * size
        font = BOLD if m.bold else REGULAR
        for c in spread_chars(m.line, m.x0, m.x1):
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

