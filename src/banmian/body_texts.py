"""An article's body text as the scorer compares it, kept while its paragraphs stay the same.

The headline stage's rules ask for the same article's text again and again (`pull_quotes` and
`scrap_pieces` for every article, `_apply`, `adjacent_splits.quoted_head` for each rule that
weighs an article, `quoted_pieces.report_of`): on the dev pdftotext pages 2,556 asks a pass for
642 distinct texts, each a join and a scan of the whole body. Speed alone: the same strings.
"""
from __future__ import annotations

from typing import Final

from banmian.model import Article
from banmian.rules.chars import strip_ws

# Articles whose texts are kept (a few pages' worth); the table starts over past it.
BODY_TEXTS_KEPT: Final = 256
# `body_text`'s texts by the article's identity, with the article and its paragraphs (the very
# string objects: an article whose paragraphs are the same objects has the same text; the
# article held, its identity is not another's while kept).
_BODY_TEXTS: Final[dict[int, tuple[Article, tuple[str, ...], str]]] = {}


def body_text(article: Article) -> str:
    """The article's paragraphs run together, white space left out (how the scorer compares);
    the text found before while the article holds the same paragraph strings in the same order."""
    paragraphs = article.paragraphs
    key = id(article)
    kept = _BODY_TEXTS.get(key)
    if kept is not None:
        held, parts, text = kept
        if held is article and len(parts) == len(paragraphs):
            same = True
            for a, b in zip(parts, paragraphs):
                if a is not b:
                    same = False
                    break
            if same:
                return text
    text = strip_ws("".join(paragraphs))
    if len(_BODY_TEXTS) >= BODY_TEXTS_KEPT:
        _BODY_TEXTS.clear()
    _BODY_TEXTS[key] = (article, tuple(paragraphs), text)
    return text
