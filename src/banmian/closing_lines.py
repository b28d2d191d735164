"""A report's closing line printed on its own: the cue of `adjacent_splits.closing_line_under`.

pdftotext parts a report's last short paragraph (a closing sentence, a writer's or photographer's
credit in brackets) from the text above at a blank line, and the start model opens an article on
it (`article_start:content_change`) that gets no head. A paragraph that carries on its report
repeats the report's names and terms; a short line that shares no such mark with any article of
the page (no bigram printed only by it and one other article, `unmarked`) is no other report's
either, and goes with the report printed right above it.

Motivation and figures (the twentieth session; bench/paired.py): of the headless pieces so
printed under a headed report on sim TRAIN pdftotext pages 1-300 (55 in all), merging every one gave the gold reading
for 28 and cost body .8438 -> .8402; a content cue for the longer ones (more shared marks with the
report above than with any other article) was right on TRAIN but lost TEST2 body (-0.0007) and
source; short unmarked lines alone gain (TRAIN 1-300 exact .5776 -> .5785; paired UNSEEN
body +0.0001, para +0.0005, exact +0.0015, nothing down).
"""
from __future__ import annotations

from typing import Final

from banmian.body_texts import body_text
from banmian.model import Article
from banmian.similarity import bigrams

# The longest piece taken for a closing line (TRAIN fires: credits of 8-9 characters, closing
# sentences of 10-25); a longer headless piece sharing no mark is no one's for sure.
CLOSING_MAX_CHARS: Final = 30


def _marks(text: str) -> set[str]:
    """The text's bigrams (`similarity.bigrams`) of CJK characters or digits."""
    return {b for b in bigrams(text) if all(ch.isdigit() or "\u4e00" <= ch <= "\u9fff" for ch in b)}


def unmarked(articles: list[Article], piece: Article) -> bool:
    """`piece` (one of `articles`, the page's) is at most CLOSING_MAX_CHARS long and prints no
    bigram (`_marks`) that exactly one other article prints too (a bigram is printed where it
    is a substring of the space-free body text: no other article's bigrams are built)."""
    text = body_text(piece)
    if len(text) > CLOSING_MAX_CHARS:
        return False
    others = [body_text(a) for a in articles if a is not piece]
    return all(sum(1 for t in others if mark in t) != 1 for mark in _marks(text))
