"""Peer systems: what a user would run instead of banmian on a born-digital newspaper PDF page.

No peer knows about newspaper articles, so each is read the simplest sensible way:
*a heading starts an article*. The heading's text is the article's `headline`; the text up to
the next heading gives its `paragraphs`; text before the first heading is an article without
headline. Kickers, subtitles, bylines and sources are never found.

- `pymupdf4llm`: `pymupdf4llm.to_markdown(path)`, as installed (pymupdf4llm 2.x runs its ONNX
  layout model by default). Headings are `#`… lines (pymupdf4llm picks the level from the font
  size) and, should it emit them, whole-line bold `**…**` lines; paragraphs are the blank-line
  separated blocks, the lines of a block joined with nothing between them (Chinese needs no
  space at a line break), Markdown emphasis stripped.
- `pymupdf4llm_classic`: the same with `pymupdf4llm.use_layout(False)`, the font-size heuristic
  of pymupdf4llm before its layout model (and what it falls back to without `pymupdf.layout`).
- `unstructured`: `partition_pdf(filename=path, strategy="fast")` (pdfminer's text, element
  types from heuristics that use spaCy's `en_core_web_sm`): a `Title` element starts an
  article, `NarrativeText`/`Text`/`ListItem`/`UncategorizedText` elements are its paragraphs,
  every other element (`Header`, `Footer`, `PageNumber`, …) is dropped.
- `pdfplumber`: the lines of `page.extract_text()` (pdfplumber's default, `layout=False`; taken
  from `page.extract_text_lines()`, which gives the same lines with their characters). pdfplumber
  has no headings, so a user picks them by size: the page's body size is its most common
  character size, and a line whose own most common size is at least `HEADING_RATIO` times that
  is a heading; consecutive heading lines are one headline (pdfplumber gives lines, where the
  Markdown tools already give a heading's lines as one `#` line). Paragraphs are blocks of
  lines split where the vertical gap between two lines is at least `PARA_GAP` body sizes (an
  empty line's height: the blank-line rule of the other readings), lines joined with nothing
  between them.

Install: `pip install '.[peers]'`, then `pip install --no-deps unstructured-inference` (current
unstructured imports it even for strategy="fast", and its own dependencies would bring torch and
transformers) and the spaCy model `en_core_web_sm` (unstructured downloads it on first use, and
without it silently returns no element). pdfplumber needs nothing more. pymupdf/pymupdf4llm are
AGPL: keep them out of the default dependencies.
"""
from __future__ import annotations

import contextlib
import importlib
import io
import importlib.util
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

from bench.baselines import empty_article, page_dict

INSTALL_HINT = "pip install '.[peers]'"

# --- Markdown -> articles (pymupdf4llm) ------------------------------------------------------

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*$")
_RULE = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_EMPHASIS = re.compile(r"\*\*|__|~~|`")
_SINGLE = re.compile(r"(?<![*_\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*_\w])")


def strip_markdown(text: str) -> str:
    """`text` without Markdown emphasis markers (bold, italic, strike-through, code)."""
    return _SINGLE.sub(r"\2", _EMPHASIS.sub("", text)).strip()


def markdown_heading(line: str) -> str | None:
    """The heading text if `line` is an ATX heading (`## …`) or a whole-line bold, else None."""
    m = _HEADING.match(line)
    if m:
        return strip_markdown(m.group(1) or "")
    m = _BOLD_LINE.match(line)
    return strip_markdown(m.group(2)) if m else None


def markdown_to_articles(md: str) -> list[dict]:
    """Schema articles from Markdown, each heading starting an article (see the module doc)."""
    arts: list[tuple[str | None, list[str]]] = [(None, [])]
    block: list[str] = []

    def end_block() -> None:
        text = "".join(block)
        if text:
            arts[-1][1].append(text)
        block.clear()

    for line in md.splitlines():
        heading = markdown_heading(line)
        if heading is not None:
            end_block()
            arts.append((heading or None, []))
        elif not line.strip() or _RULE.match(line):
            end_block()
        else:
            block.append(strip_markdown(_BULLET.sub("", line)))
    end_block()
    if not arts[0][1]:
        arts.pop(0)
    return _articles(arts)


# --- elements -> articles (unstructured) -----------------------------------------------------

BODY_CATEGORIES = frozenset({"NarrativeText", "Text", "ListItem", "UncategorizedText"})


def elements_to_articles(elements: Iterable[tuple[str, str]]) -> list[dict]:
    """Schema articles from (category, text) pairs: a `Title` starts an article, body categories
    add a paragraph to the current one, anything else is dropped."""
    arts: list[tuple[str | None, list[str]]] = [(None, [])]
    for category, text in elements:
        text = (text or "").strip()
        if category == "Title":
            arts.append((text or None, []))
        elif category in BODY_CATEGORIES and text:
            arts[-1][1].append(text)
    if not arts[0][1]:
        arts.pop(0)
    return _articles(arts)


# --- sized lines -> articles (pdfplumber) ---------------------------------------------------

# A heading is a line at least this many times the body size. Chosen a priori, not on the gold:
# body text on one page is set in sizes a few tenths of a point apart (9.2 and 9.3 pt), which
# must not count as larger; a quarter larger is the smallest step a reader sees as display type.
HEADING_RATIO = 1.25
# A vertical gap of at least this many body sizes (an empty line) ends a paragraph block: the
# blank-line rule of the naive baseline, as pdfplumber's text has no blank lines.
PARA_GAP = 1.0
SIZE_DECIMALS = 1  # sizes compared to 0.1 pt: pdfminer gives them with float noise


class SizedLine(NamedTuple):
    """One line of pdfplumber's text: its characters' most common size, its vertical extent
    (top-down PDF points), the body size of its page and the page's index."""
    text: str
    size: float
    top: float
    bottom: float
    body: float
    page: int = 0


def most_common_size(sizes: Iterable[float]) -> float:
    """The most common of `sizes`, rounded to SIZE_DECIMALS (the larger one on a tie); 0.0 if none."""
    counts = Counter(round(s, SIZE_DECIMALS) for s in sizes)
    return max(counts, key=lambda s: (counts[s], s)) if counts else 0.0


def is_heading(line: SizedLine) -> bool:
    """Whether the line's type is clearly larger than its page's body size."""
    return line.body > 0 and line.size >= HEADING_RATIO * line.body


def starts_block(line: SizedLine, prev: SizedLine | None) -> bool:
    """Whether a body line opens a new paragraph block: first line, new page or a wide gap."""
    return (prev is None or line.page != prev.page
            or line.top - prev.bottom >= PARA_GAP * line.body)


def sized_lines_to_articles(lines: Iterable[SizedLine]) -> list[dict]:
    """Schema articles from sized lines, heading lines starting an article (see the module doc)."""
    arts: list[list] = [[None, []]]
    block: list[str] = []
    prev: SizedLine | None = None

    def end_block() -> None:
        if block:
            arts[-1][1].append("".join(block))
        block.clear()

    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if is_heading(line):
            end_block()
            if prev is not None and is_heading(prev) and prev.page == line.page:
                arts[-1][0] += text
            else:
                arts.append([text, []])
        else:
            if starts_block(line, prev):
                end_block()
            block.append(text)
        prev = line
    end_block()
    if not arts[0][1]:
        arts.pop(0)
    return _articles([(h, p) for h, p in arts])


def _articles(arts: list[tuple[str | None, list[str]]]) -> list[dict]:
    out = []
    for i, (headline, paragraphs) in enumerate(arts, 1):
        art = empty_article(i, paragraphs)
        art["headline"] = headline
        out.append(art)
    return out


def pdf_page_dict(text: str, path: str, articles: list[dict]) -> dict:
    """A schema page dict for a PDF: `text` (what the peer extracted) gives the hash."""
    page = page_dict(text, path, articles)
    page["source"]["kind"] = "pdf"
    return page


# --- the peers -------------------------------------------------------------------------------

def _pymupdf4llm(path: str, layout: bool | None) -> dict:
    import pymupdf4llm

    if layout is not None and getattr(pymupdf4llm, "_use_layout", False) != layout:
        pymupdf4llm.use_layout(layout)
    with contextlib.redirect_stdout(io.StringIO()):  # it prints "RapidOCR is missing" on stdout
        md = pymupdf4llm.to_markdown(path)
    return pdf_page_dict(md, path, markdown_to_articles(md))


def pymupdf4llm_page(path: str) -> dict:
    """pymupdf4llm's Markdown of the PDF page (default mode: layout model), read as articles."""
    return _pymupdf4llm(path, layout=True if _layout_installed() else None)


def pymupdf4llm_classic_page(path: str) -> dict:
    """pymupdf4llm's Markdown without its layout model (font-size headings), read as articles."""
    return _pymupdf4llm(path, layout=False)


def _layout_installed() -> bool:
    return importlib.util.find_spec("pymupdf.layout") is not None


def _quiet_unstructured() -> None:
    # no telemetry ping, no advertisement on every call (set before unstructured is imported)
    for var, value in (("DO_NOT_TRACK", "true"), ("SCARF_NO_ANALYTICS", "true"),
                       ("UNSTRUCTURED_DISABLE_NOTICE", "1")):
        os.environ.setdefault(var, value)


def unstructured_page(path: str) -> dict:
    """unstructured's `partition_pdf(strategy="fast")` elements of the page, read as articles."""
    _quiet_unstructured()
    from unstructured.partition.pdf import partition_pdf

    pairs = [(el.category, str(el)) for el in partition_pdf(filename=path, strategy="fast")]
    text = "\n\n".join(t for _, t in pairs)
    return pdf_page_dict(text, path, elements_to_articles(pairs))


def plumber_lines(page, index: int = 0) -> list[SizedLine]:
    """The lines of a pdfplumber page's `extract_text()`, each with its size and the page's body
    size."""
    body = most_common_size(c["size"] for c in page.chars)
    return [SizedLine(ln["text"], most_common_size(c["size"] for c in ln["chars"]),
                      ln["top"], ln["bottom"], body, index)
            for ln in page.extract_text_lines(strip=True, return_chars=True)]


def pdfplumber_page(path: str) -> dict:
    """pdfplumber's text lines of the PDF, larger lines read as headlines (see the module doc)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        lines = [ln for i, page in enumerate(pdf.pages) for ln in plumber_lines(page, i)]
    text = "\n".join(ln.text for ln in lines)
    return pdf_page_dict(text, path, sized_lines_to_articles(lines))


PEERS: dict[str, Callable[[str], dict]] = {
    "pymupdf4llm": pymupdf4llm_page,
    "pymupdf4llm_classic": pymupdf4llm_classic_page,
    "unstructured": unstructured_page,
    "pdfplumber": pdfplumber_page,
}

# modules each peer needs; unstructured fails *silently* (no element) without pikepdf or the model
_NEEDS = {
    "pymupdf4llm": ("pymupdf4llm",),
    "pymupdf4llm_classic": ("pymupdf4llm",),
    "unstructured": ("unstructured.partition.pdf", "pikepdf", "en_core_web_sm"),
    "pdfplumber": ("pdfplumber",),
}
_HINTS = {
    "unstructured_inference": "pip install --no-deps unstructured-inference",
    "en_core_web_sm": "python -m spacy download en_core_web_sm",
}


def available(name: str) -> str | None:
    """None if peer `name` can run here, else a one-line reason with the install command."""
    if name not in PEERS:
        return f"unknown peer {name!r}; choose from {', '.join(PEERS)}"
    if name == "unstructured":
        _quiet_unstructured()
    for module in _NEEDS[name]:
        try:
            if module == "en_core_web_sm":  # a spaCy model: installed is enough, no need to load
                if importlib.util.find_spec(module) is None:
                    raise ModuleNotFoundError(f"No module named {module!r}", name=module)
            else:
                importlib.import_module(module)
        except ImportError as exc:
            missing = (getattr(exc, "name", None) or module).split(".")[0]
            hint = _HINTS.get(missing, INSTALL_HINT)
            return f"{name} needs {missing} ({type(exc).__name__}: {exc}); {hint}"
    return None
