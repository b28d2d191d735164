"""Naive baselines: what a user gets from a page dump without banmian.

Both split the dump into *blocks* at blank lines (a line with only whitespace or form feeds) and
join the lines of a block with nothing in between (Chinese needs no space at a line break).
Neither finds headlines, bylines or sources.

- `naive_blocks`: every block is an article with one paragraph. On pdftotext dumps this gives
  many short "articles" (a block is usually one paragraph); on raw/pymupdf dumps, which have no
  blank lines, the whole page is one article with one paragraph.
- `naive_page`: the whole page is one article whose paragraphs are the blocks.

Both return schema-shaped dicts (shared/docs/output-schema.md), scored like banmian's output.
"""
from __future__ import annotations

import hashlib


def blocks(text: str) -> list[str]:
    """The blank-line separated blocks of `text`, each block's stripped lines joined."""
    out, cur = [], []
    for line in text.replace("\f", "\n").splitlines():
        s = line.strip()
        if s:
            cur.append(s)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def empty_article(idx: int, paragraphs: list[str]) -> dict:
    """A schema article with only paragraphs filled in."""
    return {
        "id": f"a{idx}", "kicker": None, "headline": None, "subtitle": None, "byline": None,
        "reporters": [], "outlet": None, "dateline": None, "source": None, "source_line": None,
        "paragraphs": paragraphs, "captions": [], "jump": None, "continued_from": None,
        "entities": {"people": [], "places": [], "organizations": []}, "lines": [],
        "confidence": 0.0,
    }


def page_dict(text: str, path: str, articles: list[dict]) -> dict:
    """A schema page dict around `articles`."""
    return {
        "schema": "banmian.page/1",
        "source": {"path": path, "kind": "text", "encoding": "utf-8",
                   "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
        "page": {"date": None, "label": None, "section": None, "header": []},
        "articles": articles,
        "unassigned": [],
    }


def naive_blocks(text: str, path: str = "<string>") -> dict:
    """Each blank-line block is one article with one paragraph, no headline."""
    arts = [empty_article(i, [b]) for i, b in enumerate(blocks(text), 1)]
    return page_dict(text, path, arts)


def naive_page(text: str, path: str = "<string>") -> dict:
    """The whole page is one article; its paragraphs are the blank-line blocks."""
    bl = blocks(text)
    return page_dict(text, path, [empty_article(1, bl)] if bl else [])


BASELINES = {"naive_blocks": naive_blocks, "naive_page": naive_page}
