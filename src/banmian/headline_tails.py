"""Take a cut-off opening's rest back from the article it was wrongly threaded onto.

`headline_rests` gives a short headed report cut at a column's foot its rest when the rest
opened an article of its own. Just as often the reassemble stage threaded the rest onto another
article instead: the next column's top reads on after that article's last piece as well as
after the opening, and the other article won (`reassemble:…:rival_content:reads_on`). The rest
is then a tail of that article, from one of its later pieces to its end.

What tells it is the walk itself: pdftotext goes on at the next column's top, so the piece
printed right after the opening (`Fragment.order` one more than the opening's last) is where its
rest would be. When that piece sits inside another article, not at its start, and the text from
it to that article's end holds the opening's headline words (HEAD_IN_REST_MIN_SHARE, as
`headline_rests`) more than its present article's own headline's, the tail goes to the opening.

Simulated TRAIN pdftotext 1-300, after every other rule (headed articles of at most 400
characters that begin a gold report and are cut from their rest, 264 placed: the rest opens an
article of its own 93 (`headline_rests`' class, printed before the opening 29, carrying a head of
its own 38), lies inside another article 79 (inside a headed one 60), not found in one piece 92). The piece printed right after a cut-off opening, inside
another article, its tail sharing 0.2 of the opening's headline and more than its own
article's headline: 15 right (2 of them carrying other text at their end) / 2 wrong; 0.1:
17 / 3; 0.3: 12 / 2; without the adjacency (any later piece of another article): 16 / 68;
without the own-headline cue: 15 / 5. In the pipeline 14 / 2, and 14 / 1 with MIN_SHARED_BIGRAMS.
"""
from __future__ import annotations

from typing import Final

from banmian.article_merges import move_pieces
from banmian.headline_rests import HEAD_IN_REST_MIN_SHARE, cut_off_openings, head_share
from banmian.lead_rests import head_of, rests_run_on
from banmian.model import Article, Fragment, Page
from banmian.similarity import bigrams
from banmian.stages.segment import paragraphs_of

REASON: Final = "merge:tail_named_by_headline"
# Characters of the tail's first paragraph looked for in its article's paragraphs to find where
# the tail starts (long enough to be unique in one article, short enough to end before any
# credit a later rule stripped).
SPLIT_KEY_CHARS: Final = 24
# Headline bigrams the tail must hold at least, whatever their share: a headline of two or three
# characters shares one by chance. Sim TRAIN pdftotext 1-300, in the pipeline: the right joins
# share 4 to 35, the wrong ones 1 (a four-character headline, 1 of its 3) and 8; 2, 3 or 4: 14
# right / 1 wrong (1: 14 / 2).
MIN_SHARED_BIGRAMS: Final = 3


def tail_text(group: list[Fragment], start: int) -> str:
    """The lines of `group`'s pieces from `start` on, run together."""
    return "".join(ln.text for frag in group[start:] for ln in frag.lines)


def next_piece(groups: list[list[Fragment]], order: int) -> tuple[int, int] | None:
    """(article, piece index) of the fragment printed at `order`, when it is not its article's
    first piece (a later piece threaded onto another article)."""
    for q, group in enumerate(groups):
        for i, frag in enumerate(group):
            if frag.order == order:
                return (q, i) if i > 0 else None
    return None


def split_point(paras: list[str], tail: list[str], opens_paragraph: bool) -> tuple[int, int] | None:
    """(paragraph, offset) in `paras` where the paragraphs `tail` start, or None when they cannot
    be found where they should stand (the last len(tail) paragraphs)."""
    p = len(paras) - len(tail)
    key = tail[0][:SPLIT_KEY_CHARS] if tail else ""
    if not key or p < 0 or p >= len(paras):
        return None
    if opens_paragraph:
        return (p, 0) if p > 0 and paras[p].startswith(key) else None
    off = paras[p].rfind(key)
    return (p, off) if off > 0 else None


def take_tail(page: Page, target: Article, piece: Article, groups: list[list[Fragment]], m: int, q: int, i: int,
              reason: str) -> bool:
    """Move `piece`'s pieces from `i` on (paragraphs, fragments and lines) after `target`'s;
    False, and nothing moved, when its paragraphs cannot be cut there."""
    moved_frags = groups[q][i:]
    first = moved_frags[0].first
    at = split_point(piece.paragraphs, paragraphs_of(moved_frags), bool(first.para_start))
    if at is None or not target.paragraphs:
        return False
    move_pieces(page, piece, groups[q], i, target, groups[m], at, f"{reason}:after_line_{groups[m][-1].last.no}")
    return True


def tails_named_by_headlines(page: Page) -> None:
    """Give each `cut_off_opening` the tail of another article that starts with the piece printed
    right after it, when that tail reads on from it (`lead_rests.rests_run_on`) and holds
    HEAD_IN_REST_MIN_SHARE of its headline's bigrams at least (MIN_SHARED_BIGRAMS in number), more
    than of its own article's headline. Runs after `headline_rests.rests_named_by_headlines`, in dumps that part text blocks
    by blank lines."""
    groups, openings = cut_off_openings(page)
    articles = page.articles
    touched: set[int] = set()
    for m in openings:
        found = next_piece(groups, groups[m][-1].order + 1)
        if found is None or found[0] == m or m in touched or found[0] in touched:
            continue
        q, i = found
        if not rests_run_on(groups[m], groups[q][i:]):
            continue
        tail = tail_text(groups[q], i)
        head = head_of(articles[m])
        share = head_share(head, tail)
        own = head_share(head_of(articles[q]), tail)
        if share < HEAD_IN_REST_MIN_SHARE or share <= own:
            continue
        if len(bigrams(head) & bigrams(tail)) < MIN_SHARED_BIGRAMS:
            continue
        if take_tail(page, articles[m], articles[q], groups, m, q, i, f"{REASON}:{share:.2f}"):
            touched.update((m, q))
