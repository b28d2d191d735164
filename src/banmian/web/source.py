"""The original of a stored page, when its file is still there: the numbered lines of a text
dump, or a PDF page rendered to PNG.

PDFium is not thread-safe (no two calls at once, not even on different documents), so every
use of it in the server, rendering here and PDF ingest in `upload.py`, holds `PDFIUM_LOCK`.
"""
from __future__ import annotations

import io
import os
import threading
from functools import lru_cache

from banmian.errors import BanmianError

PDFIUM_LOCK = threading.Lock()
IMAGE_WIDTH = 1200  # pixels: wide enough to read a broadsheet page zoomed in the browser
MAX_SCALE = 3.0


def original_file(page: dict, db_path: str) -> str | None:
    """The page's source file if it still exists: its stored path as it is, or (a relative
    path) next to the archive."""
    path = page.get("path") or (page.get("source") or {}).get("path")
    if not path:
        return None
    candidates = [path]
    if not os.path.isabs(path):
        candidates.append(os.path.join(os.path.dirname(os.path.abspath(db_path)), path))
    return next((p for p in candidates if os.path.isfile(p)), None)


def dump_lines(page: dict, db_path: str) -> list[tuple[int, str]] | None:
    """The (line number, text) input lines of a text-dump page, numbered as the parser numbered
    them; None when the file is gone, changed since it was ingested, or unreadable."""
    from banmian.readers.text import read_pages

    path = original_file(page, db_path)
    if path is None or page.get("kind") != "text":
        return None
    want_sha = (page.get("source") or {}).get("sha256")
    want_index = (page.get("page") or {}).get("index", 0)
    try:
        for source, index, first_no, lines in read_pages(path):
            if want_sha and source.sha256 != want_sha:
                return None
            if index == want_index:
                return list(enumerate(lines, first_no))
            if index > want_index:
                break
    except (BanmianError, OSError, UnicodeError):
        return None
    return None


def page_png(page: dict, db_path: str) -> bytes | None:
    """The PDF page rendered to PNG (about IMAGE_WIDTH pixels wide); None when the page is not
    from a PDF or its file is gone, changed or unreadable."""
    path = original_file(page, db_path)
    if path is None or page.get("kind") != "pdf":
        return None
    stat = os.stat(path)
    index = (page.get("page") or {}).get("index", 0)
    sha = (page.get("source") or {}).get("sha256")
    return _render(path, stat.st_mtime_ns, stat.st_size, sha, index)


@lru_cache(maxsize=8)
def _render(path: str, mtime_ns: int, size: int, sha: str | None, index: int) -> bytes | None:
    from banmian.readers.pdf import file_sha256, open_pdf

    try:
        if sha and file_sha256(path) != sha:
            return None
        with PDFIUM_LOCK:
            doc = open_pdf(path)
            try:
                if not 0 <= index < len(doc):
                    return None
                pdf_page = doc[index]
                scale = min(MAX_SCALE, IMAGE_WIDTH / max(pdf_page.get_width(), 1.0))
                bitmap = pdf_page.render(scale=scale)
                image = bitmap.to_pil().convert("RGB")
                bitmap.close()
                pdf_page.close()
            finally:
                doc.close()
    except (BanmianError, OSError, ValueError, RuntimeError):  # PdfiumError is a RuntimeError
        return None
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
