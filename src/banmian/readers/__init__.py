"""Readers turn a source into raw page material: a text dump into page lines (`text`), a PDF
into characters with boxes, sizes and fonts (`pdf`), a page image or a scanned PDF into the same
characters by OCR (`image`, `ocr`).

`text.read_pages` streams a text dump page by page; `text.split_pages` splits text already in
memory. Both follow the same page-break and line-numbering rules (see `banmian.readers.text`).
"""
from banmian.readers.text import read_pages, split_pages

__all__ = ["read_pages", "split_pages"]
