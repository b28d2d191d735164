"""Readers turn a source (a text dump today; PDFs and images later) into raw page lines.

`text.read_pages` streams a text dump page by page; `text.split_pages` splits text already in
memory. Both follow the same page-break and line-numbering rules (see `banmian.readers.text`).
"""
from banmian.readers.text import read_pages, split_pages

__all__ = ["read_pages", "split_pages"]
