"""Writing a page's drawing operations as a PDF with reportlab (embedded TrueType subsets of
AR PL UMing CN for the body, WenQuanYi Zen Hei for heads), and its three text dumps."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

BODY_FONT = ("UMingCN", "/usr/share/fonts/truetype/arphic/uming.ttc", 0)
HEAD_FONT = ("WenQuanYiZenHei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)
_REGISTERED = False


def missing_tools() -> list[str]:
    """What the simulator needs and this machine lacks (see bench/pagesim/install.sh)."""
    out = []
    for _, path, _ in (BODY_FONT, HEAD_FONT):
        if not Path(path).exists():
            out.append(path)
    if not shutil.which("pdftotext"):
        out.append("pdftotext (poppler-utils)")
    for mod in ("reportlab", "pymupdf"):
        try:
            __import__(mod)
        except ImportError:
            out.append(f"python module {mod}")
    return out


def register_fonts() -> None:
    global _REGISTERED
    if _REGISTERED:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, path, idx in (BODY_FONT, HEAD_FONT):
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=idx))
    _REGISTERED = True


def font_name(key: str) -> str:
    return BODY_FONT[0] if key == "body" else HEAD_FONT[0]


_WCACHE: dict = {}


def width_of(text: str, font: str, size: float) -> float:
    """Advance width of text in points (size 1.0: in em)."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    total = 0.0
    for ch in text:
        k = (ch, font)
        w = _WCACHE.get(k)
        if w is None:
            w = _WCACHE[k] = pdfmetrics.stringWidth(ch, font_name(font), 1.0)
        total += w
    return total * size


def write_pdf(path: Path, spec, ops) -> None:
    from reportlab.pdfgen import canvas

    register_fonts()
    c = canvas.Canvas(str(path), pagesize=(spec.width, spec.height), invariant=1, pageCompression=1)
    c.setTitle("pagesim page")
    for o in ops:
        if o.kind == "text":
            c.setFillGray(0)
            c.setFont(font_name(o.font), o.size)
            if o.tc:
                c.drawString(o.x, spec.height - o.y, o.text, charSpace=o.tc)
            else:
                c.drawString(o.x, spec.height - o.y, o.text)
        elif o.kind == "rect":
            c.setFillGray(0.77)
            c.rect(o.x, o.y, o.w, o.h, stroke=0, fill=1)
        elif o.kind == "rule":
            c.setLineWidth(o.h or 0.5)
            c.line(o.x, o.y, o.x + o.w, o.y)
    c.showPage()
    c.save()


def write_dumps(pdf: Path) -> None:
    """page.pdftotext.txt (default mode), page.raw.txt (-raw), page.pymupdf.txt (get_text())."""
    stem = str(pdf)[:-4]
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), stem + ".pdftotext.txt"], check=True)
    subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), stem + ".raw.txt"], check=True)
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:
        text = "".join(p.get_text() for p in doc)
    Path(stem + ".pymupdf.txt").write_text(text, encoding="utf-8")
