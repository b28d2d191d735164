"""Pages built by hand as the headlines stage leaves them, for the merges of `adjacent_splits`:
a headed article, a piece printed right under it (blank lines between), another headed article."""
from __future__ import annotations

from banmian.model import Article, Fragment, Line, Page, Source


def stacked_page(top: Article, piece: Article, other: Article, first_end: str = "closed",
                 piece_start: str = "indent") -> Page:
    """Seven lines: `top`'s headline and its one paragraph, a blank line, `piece`'s one paragraph,
    a blank line, `other`'s headline and paragraph; one fragment (and one article group) per
    paragraph line, `first_end` ending the top one and `piece_start` opening the piece's."""
    texts = [top.headline, top.paragraphs[0], "", piece.paragraphs[0], "", other.headline, other.paragraphs[0]]
    kinds = ["head", "body", "blank", "body", "blank", "head", "body"]
    lines = [Line(no=k + 1, raw=t or "", text=t or "", kind=kind) for k, (t, kind) in enumerate(zip(texts, kinds))]
    frags = [Fragment([lines[1]], start="indent", end=first_end), Fragment([lines[3]], start=piece_start, end="closed"),
             Fragment([lines[6]], start="indent", end="closed")]
    page = Page(source=Source(path="-"), lines=lines, articles=[top, piece, other])
    page.scratch["fragments"] = frags
    page.scratch["article_groups"] = [[frags[0]], [frags[1]], [frags[2]]]
    return page


def merged_articles(page: Page) -> list[Article]:
    """The page's articles after `adjacent_splits.merge_adjacent_splits`."""
    from banmian.adjacent_splits import merge_adjacent_splits
    merge_adjacent_splits(page)
    return page.articles
