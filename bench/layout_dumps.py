"""`pdftotext -layout` dumps of the pages' PDFs: the input kind "layout" of bench/eval.py and
the gate.

Many archives hold dumps made with `pdftotext -layout`, which prints a page's columns side by
side at their positions (the `unlayout` stage reads them back column by column). The dev and
simulated pages ship pdftotext's default, -raw and PyMuPDF dumps only, so this module makes
the -layout dump of a page's PDF with the pdftotext on the PATH and caches it under
~/.cache/banmian/layout-dumps (or $BANMIAN_CACHE/layout-dumps), keyed by the PDF's sha256 and
pdftotext's version, written atomically.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

LAYOUT_KIND = "layout"
CACHE = Path(os.environ.get("BANMIAN_CACHE", Path.home() / ".cache" / "banmian")) / "layout-dumps"


def missing_tool() -> str | None:
    """Why -layout dumps cannot be made here, or None when they can."""
    if shutil.which("pdftotext") is None:
        return "pdftotext not found (poppler-utils; `make pagesim-tools` installs it)"
    return None


@lru_cache(maxsize=1)
def pdftotext_version() -> str:
    """The first line pdftotext -v prints (its version goes into the cache key)."""
    out = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    return (out.stderr or out.stdout).splitlines()[0].strip() if (out.stderr or out.stdout) else "unknown"


def layout_dump(pdf: Path) -> Path:
    """The cached `pdftotext -layout` dump of `pdf` (UTF-8), made on first use."""
    key = hashlib.sha256(pdf.read_bytes() + pdftotext_version().encode()).hexdigest()[:24]
    out = CACHE / f"{pdf.stem}-{key}.layout.txt"
    if not out.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=CACHE, suffix=".part")
        os.close(fd)
        try:
            subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), tmp], check=True,
                           capture_output=True)
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return out
