"""Segment: turn each thread of fragments into an article with reflowed paragraphs.

The reassemble stage decided which fragments form one article's text and in what order, and
where paragraphs start; here the lines are joined: no space between CJK characters, one
between Latin words.
"""
from __future__ import annotations

from banmian.model import Article, Fragment, Page


def paragraphs_of(fragments: list[Fragment]) -> list[str]:
    """Reflow the lines of ordered fragments into paragraphs."""
    paras: list[str] = []
    for frag in fragments:
        for ln in frag.lines:
            if ln.para_start or not paras:
                paras.append(ln.text)
            else:
                paras[-1] = join_lines(paras[-1], ln.text)
    return paras


def join_lines(left: str, right: str) -> str:
    """Join two lines of one paragraph: no space between CJK, one between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return left + " " + right
    return left + right


def segment(page: Page) -> Page:
    """Build `page.articles` from the threads, in the order their first fragments appear."""
    threads = page.scratch.get("threads", [])
    articles = []
    for n, thread in enumerate(threads, start=1):
        art = Article(id=f"a{n}", paragraphs=paragraphs_of(thread.fragments))
        for frag in thread.fragments:
            for ln in frag.lines:
                page.claim(ln, art)
        art.because(thread.reason)
        articles.append(art)
    page.scratch["article_groups"] = [t.fragments for t in threads]
    page.articles = articles
    return page
