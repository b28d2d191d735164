"""Read born-digital PDF pages: characters with their boxes, font sizes and fonts, plus the
ruling lines and picture boxes drawn on the page (through pypdfium2, Apache-2.0/BSD).

Geometry stays plain data: a `Char` is a named tuple, a box is ``(x0, y0, x1, y1)`` in PDF
points with the origin at the bottom left. Errors reach the user as `BadInput` with one line
saying what is wrong: not a PDF, encrypted, corrupt, no pages, no text layer (OCR needed).
"""
from __future__ import annotations

import ctypes
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from banmian.errors import BadInput
from banmian.model import Box

RULE_MAX_THICKNESS = 3.0  # pt: a path thinner than this and wider than it is tall is a ruling line
RULE_MIN_LENGTH = 30.0  # pt: shorter strokes are ornaments, not article separators
INSIDE_SHARE = 0.3  # a drawn shape with this much of its area on a bigger picture is part of it
NO_PAGES_SCAN = 1 << 20  # bytes read to look for an empty page tree
SKIPPED = set("\r\n\x00\ufffe\uffff")  # line ends pdfium adds, and placeholders
PICTURE_MIN_SIDE = 20.0  # pt: a filled path or image at least this big both ways is a picture


class Char(NamedTuple):
    """One character as printed: its text, left/right edge, baseline, font size and font."""

    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float
    font: str
    generated: bool  # a space pdfium inferred from a gap, not a character of the text layer
    confidence: float = 1.0  # OCR'd pages: how sure the engine was of this character (0..1)


@dataclass(slots=True)
class PdfPage:
    """What banmian reads off one PDF page."""

    number: int  # 1-based page number in the file
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Box] = field(default_factory=list)
    pictures: list[Box] = field(default_factory=list)
    ocr: str | None = None  # the OCR engine that read the page (a scan), else None
    line_starts: list[int] = field(default_factory=list)  # OCR'd pages: where in `chars` each line
    # the engine detected starts (`banmian.geometry.group_lines` starts a run there)


def is_pdf(path: str) -> bool:
    """Whether the file starts like a PDF (``%PDF-`` within its first kilobyte)."""
    head = file_head(path)
    return head is not None and b"%PDF-" in head


# The bytes `is_pdf` looks at (`is_image` looks at fewer of them).
PDF_HEAD_BYTES = 1024


def file_head(path: str) -> bytes | None:
    """The file's first PDF_HEAD_BYTES bytes (all of a shorter file), None when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return fh.read(PDF_HEAD_BYTES)
    except OSError:
        return None


def file_sha256(path: str) -> str:
    """The file's SHA-256, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pdfium():
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError as exc:  # pragma: no cover - pypdfium2 is a default dependency
        raise BadInput(f"reading PDFs needs pypdfium2 ({exc})") from None
    return pdfium, raw


def open_pdf(path: str):
    """Open a PDF with pypdfium2, turning every failure into a one-line `BadInput`."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise BadInput(f"{name} is a directory")
    if not os.path.exists(name):
        raise BadInput(f"no such file: {name}")
    pdfium, raw = _pdfium()
    try:
        doc = pdfium.PdfDocument(name)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise BadInput(f"{name} is an encrypted PDF; decrypt it first (e.g. qpdf --decrypt)") from None
        if _declares_no_pages(name):  # pdfium refuses a document whose page tree is empty
            raise BadInput(f"{name} is a PDF with no pages") from None
        raise BadInput(f"{name} is not a readable PDF: the file is corrupt or truncated") from None
    except OSError as exc:
        raise BadInput(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(doc) == 0:
        doc.close()
        raise BadInput(f"{name} is a PDF with no pages")
    return doc


_COUNT = re.compile(rb"/Count\s+(\d+)")


def _declares_no_pages(path: str) -> bool:
    """Whether an (unloadable) PDF's page tree says it holds no page (pdfium does not tell
    this apart from corruption; its last error code is not reset between documents)."""
    with open(path, "rb") as fh:
        counts = _COUNT.findall(fh.read(NO_PAGES_SCAN))
    return bool(counts) and all(int(c) == 0 for c in counts)


def page_numbers(spec: str | None, count: int | None, name: str = "input") -> list[int]:
    """1-based page numbers from a `--pages` spec such as "2-5,7" (all pages when None).

    `count` None means the page count is not known yet (a streamed text dump): the spec is
    only checked for form; the caller checks the highest page once the file is read.
    """
    if not spec:
        return list(range(1, (count or 0) + 1))
    out: set[int] = set()
    for part in spec.replace("–", "-").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            lo, _, hi = part.partition("-")
            first, last = int(lo), int(hi or lo)
        except ValueError:
            raise BadInput(f"bad page range {part!r} (use e.g. 2-5,7)") from None
        if first < 1 or last < first:
            raise BadInput(f"bad page range {part!r} (pages count from 1, e.g. 2-5,7)")
        if count is not None and last > count:
            raise BadInput(f"{name} has {count} page(s); cannot read pages {part}")
        out.update(range(first, last + 1))
    if not out:
        raise BadInput(f"bad page range {spec!r} (use e.g. 2-5,7)")
    return sorted(out)


def _font_name(raw, obj, cache: dict, buf) -> str:
    key = ctypes.cast(obj, ctypes.c_void_p).value
    name = cache.get(key)
    if name is None:
        name = ""
        font = raw.FPDFTextObj_GetFont(obj) if obj else None
        if font:
            n = raw.FPDFFont_GetBaseFontName(font, buf, len(buf))
            name = buf.raw[: max(n - 1, 0)].decode("utf-8", "replace")
        cache[key] = name
    return name


def read_chars(raw, textpage) -> list[Char]:
    """Every character of a text page with its geometry, in the text layer's order."""
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", "replace")
    x, y = ctypes.c_double(), ctypes.c_double()
    rect = raw.FS_RECTF()
    buf = ctypes.create_string_buffer(256)
    fonts: dict = {}
    out: list[Char] = []
    get_origin, get_size = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetFontSize
    get_box, generated, get_obj = raw.FPDFText_GetLooseCharBox, raw.FPDFText_IsGenerated, raw.FPDFText_GetTextObject
    for i, ch in enumerate(text):
        if ch in SKIPPED:
            continue
        get_origin(textpage, i, x, y)
        get_box(textpage, i, rect)
        out.append(Char(ch, rect.left, rect.right, y.value, get_size(textpage, i),
                        _font_name(raw, get_obj(textpage, i), fonts, buf), bool(generated(textpage, i))))
    return out


def read_drawings(page, raw) -> tuple[list[Box], list[Box]]:
    """Ruling lines and picture boxes among the page's path and image objects (top level)."""
    rules, pictures = [], []
    x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
    handle = page.raw
    for i in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE):  # not inside form XObjects
            continue
        if not raw.FPDFPageObj_GetBounds(obj, x0, y0, x1, y1):
            continue
        box = (x0.value, y0.value, x1.value, y1.value)
        w, h = box[2] - box[0], box[3] - box[1]
        if kind == raw.FPDF_PAGEOBJ_PATH and h <= RULE_MAX_THICKNESS and w >= RULE_MIN_LENGTH:
            rules.append(box)
        elif w >= PICTURE_MIN_SIDE and h >= PICTURE_MIN_SIDE:
            pictures.append(box)
    return rules, _outermost(pictures)


def _ocr_pages(doc, numbers: list[int], name: str, engine_name: str) -> Iterator[PdfPage]:
    """The pages of an image-only PDF, read by OCR; a one-line error when it is not installed."""
    from banmian.readers.ocr import ocr_pdf_page
    from banmian.readers.ocr_engines import OcrUnavailable, make_engine

    try:
        engine = make_engine(engine_name)
    except OcrUnavailable as exc:
        raise BadInput(f"{name} has no text layer (a scanned or image-only PDF): {exc}") from None
    for number in numbers:
        page = doc[number - 1]
        try:
            yield ocr_pdf_page(page, number, engine)
        finally:
            page.close()


def _outermost(boxes: list[Box]) -> list[Box]:
    """Drop boxes lying mostly inside a bigger one (the shapes drawn within a picture frame,
    some of them reaching out of it: dev page 24)."""
    def area(b: Box) -> float:
        return max(b[2] - b[0], 0.0) * max(b[3] - b[1], 0.0)

    def within(a: Box, b: Box) -> bool:
        w = min(a[2], b[2]) - max(a[0], b[0])
        h = min(a[3], b[3]) - max(a[1], b[1])
        return a is not b and area(b) > area(a) and w > 0 and h > 0 and w * h >= INSIDE_SHARE * area(a)
    return [a for a in boxes if not any(within(a, b) for b in boxes)]


def read_pdf(path: str, pages: str | None = None, ocr_engine: str = "rapidocr") -> Iterator[PdfPage]:
    """Stream the pages of a PDF (all, or those of a `--pages` spec such as "2-5").

    A PDF with no text layer on any page read (a scan) is read by OCR (`ocr_engine`, see
    `banmian.readers.ocr`). Raises `BadInput` for a missing, encrypted, corrupt or empty PDF,
    and for a scan when the OCR engine is not installed.
    """
    name = os.fspath(path)
    _, raw = _pdfium()
    doc = open_pdf(name)
    try:
        wanted = page_numbers(pages, len(doc), name)
        pending: list[PdfPage] | None = []  # leading pages without text, held back until one has text
        for number in wanted:
            page = doc[number - 1]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    chars = read_chars(raw, textpage)
                finally:
                    textpage.close()
                rules, pictures = read_drawings(page, raw)
            finally:
                page.close()
            pdf_page = PdfPage(number, width, height, chars, rules, pictures)
            if pending is None:
                yield pdf_page
            elif any(not c.generated and not c.text.isspace() for c in chars):
                yield from pending
                yield pdf_page
                pending = None
            else:
                pending.append(pdf_page)
        if pending is not None:
            yield from _ocr_pages(doc, [p.number for p in pending], name, ocr_engine)
    finally:
        doc.close()
