"""Segment: turn each thread of fragments into an article with reflowed paragraphs.

The reassemble stage decided which fragments form one article's text and in what order, and
where paragraphs start; here the lines are joined: no space between CJK characters, one
between Latin words.
"""
from __future__ import annotations

from banmian.model import Article, Fragment, Page


def paragraphs_of(fragments: list[Fragment]) -> list[str]:
    """Reflow the lines of ordered fragments into paragraphs."""
    paras: list[list[str]] = []  # each paragraph as its pieces, joined at the end
    tail = ""  # the paragraph's last non-empty line: what `join_lines` looks at
    for frag in fragments:
        for ln in frag.lines:
            text = ln.text
            if ln.para_start or not paras:
                paras.append([text])
                tail = text
                continue
            if line_separator(tail, text):
                paras[-1].append(" ")
            paras[-1].append(text)
            tail = text or tail
    return ["".join(pieces) for pieces in paras]


def line_separator(left: str, right: str) -> str:
    """What goes between two lines of one paragraph: one space between Latin words, else
    nothing (only the last character of `left` matters)."""
    if left and right and _ascii_letter(ord(left[len(left) - 1])) and _ascii_letter(ord(right[0])):
        return " "
    return ""


def _ascii_letter(c: int) -> bool:
    """The code point is an ASCII letter (`str.isascii() and str.isalpha()` of its character;
    read from code points, the compiled build makes no one-character string)."""
    return 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A


def join_lines(left: str, right: str) -> str:
    """Join two lines of one paragraph: no space between CJK, one between Latin words."""
    return left + line_separator(left, right) + right


def segment(page: Page) -> Page:
    """Build `page.articles` from the threads, in the order their first fragments appear."""
    threads = page.scratch.get("threads", [])
    articles = []
    for n, thread in enumerate(threads, start=1):
        art = Article(id=f"a{n}", paragraphs=paragraphs_of(thread.fragments))
        for frag in thread.fragments:
            page.claim_all(frag.lines, art)
        art.because(thread.reason)
        articles.append(art)
    page.scratch["article_groups"] = [t.fragments for t in threads]
    page.articles = articles
    return page
