"""Debugging aid for PDF pages: draw what the layout stage found over the rendered page —
body columns, headline blocks, each article's cells numbered in reading order, captions,
header and leftovers — so a wrong result can be seen at a glance (`banmian debug`)."""
from __future__ import annotations

import os

from banmian.atomic import atomic_path
from banmian.errors import BadInput
from banmian.model import Box, Page

DEFAULT_SCALE = 1.5  # pixels per PDF point: legible body text at 9–10 pt
PALETTE = [(220, 50, 47), (38, 139, 210), (133, 153, 0), (211, 54, 130), (42, 161, 152),
           (181, 137, 0), (108, 113, 196), (203, 75, 22)]
KIND_COLOURS = {"header": (120, 120, 120), "caption": (150, 80, 200), "jump": (0, 0, 0),
                "continued": (0, 0, 0), "source": (0, 0, 0)}


def _to_px(box: Box, height: float, scale: float) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    return (x0 * scale, (height - y1) * scale, x1 * scale, (height - y0) * scale)


def draw_layout(page: Page, image, scale: float):
    """Draw `page`'s layout (columns, blocks, cells in reading order) over its rendering."""
    from PIL import ImageDraw

    height = page.size[1]
    found = page.scratch.get("layout") or {}
    draw = ImageDraw.Draw(image, "RGBA")
    for col in found.get("columns", []):
        draw.rectangle(_to_px((col.left, 0, col.right, height), height, scale), fill=(38, 139, 210, 18))
    for ln in page.lines:
        colour = KIND_COLOURS.get(ln.kind)
        if colour and ln.box:
            draw.rectangle(_to_px(ln.box, height, scale), outline=colour + (200,), width=1)
    for n, art in enumerate(found.get("articles", []), 1):
        colour = PALETTE[(n - 1) % len(PALETTE)]
        centres = []
        if art.head is not None:
            draw.rectangle(_to_px(art.head.box, height, scale), outline=colour + (255,), width=3)
            draw.text(_to_px(art.head.box, height, scale)[:2], f"a{n} head", fill=colour + (255,))
        for k, cell in enumerate(art.cells, 1):
            box = (min(ln.box[0] for ln in cell.lines), cell.lines[-1].box[1],
                   max(ln.box[2] for ln in cell.lines), cell.top)
            px = _to_px(box, height, scale)
            draw.rectangle(px, outline=colour + (255,), fill=colour + (28,), width=2)
            draw.text((px[0] + 3, px[1] + 3), f"a{n}.{k}", fill=colour + (255,))
            centres.append(((px[0] + px[2]) / 2, (px[1] + px[3]) / 2))
        if len(centres) > 1:
            draw.line(centres, fill=colour + (200,), width=2)
    for ln in page.lines:
        if ln.box and page.owner_of(ln) is None and ln.kind not in ("header", "blank"):
            draw.rectangle(_to_px(ln.box, height, scale), outline=(255, 0, 0, 255), width=2)
    return image


def render_debug(path: str, out: str, page_number: int = 1, scale: float = DEFAULT_SCALE) -> int:
    """Parse page `page_number` of the PDF at `path` and write the drawing as PNG to `out`
    (atomically). Returns the number of articles drawn."""
    import pypdfium2 as pdfium

    from banmian.pipeline import iter_pdf_pages
    from banmian.readers.pdf import is_pdf, open_pdf

    if not is_pdf(path):
        if not os.path.exists(path):
            raise BadInput(f"no such file: {path}")
        raise BadInput(f"{path} is not a PDF: banmian debug draws PDF pages")
    page = next(iter_pdf_pages(path, pages=str(page_number)))
    doc = open_pdf(path)
    try:
        image = doc[page_number - 1].render(scale=scale).to_pil().convert("RGB")
    except pdfium.PdfiumError as exc:
        raise BadInput(f"cannot render page {page_number} of {path}: {exc}") from None
    finally:
        doc.close()
    draw_layout(page, image, scale)
    with atomic_path(out, suffix=".png") as tmp:
        image.save(tmp, format="PNG")
    return len(page.articles)
