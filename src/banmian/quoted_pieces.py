"""Put a piece headed only by a pull quote back into the article whose text it shares.

pdftotext prints a pull quote (a clause of an article set large away from its headline; the
gold's kicker or subtitle) as a block of its own, and the piece of text printed under it opens
an article of its own there: the headline stage gives it the quote for its headline
(`adjacent_splits.quoted_head`). The rest of the report, with its real headline, is another
article, so the gold head is cut in two (bench/head_errors.py: "line(s) missing -> F", "missing
F + extra"), and the body too.

Sim TRAIN pdftotext pages 1-300: 61 articles are headed by one such line alone. 11 are a whole
report (no other prediction holds its text, or the gold headline is the quote); 50 are a piece
of a report another prediction holds, 38 of them headed. Of the headed articles, the one whose
body shares the most character bigrams with the piece is that report 33 times of 38; asking a
cosine of at least QUOTED_PIECE_MIN_COSINE and QUOTED_PIECE_MIN_RATIO times the runner-up's
keeps 16 of them and 1 wrong (a TRAIN page 193 piece, two reports on bank credit). With the guards
below the rule fires on 11 TRAIN pages (7, 22, 83, 88, 146, 176, 177, 193, 204, 246, 263), each
time joining the report whose headline the gold gives the quote (its kicker 7 times, its
subtitle 3, page 263's gold head leaves it out); the quote becomes the report's kicker (of the
gold's kickers and subtitles that quote their body on TRAIN, 382 are kickers and 208 subtitles).
Where the piece goes in the report (`opens_first`) is the weak part: pdftotext prints a report's
pieces in no fixed order round a pull quote; a piece going on mid-sentence, or one that would
follow a report breaking off mid-sentence, is left apart (their place in it is not told).
Only dumps that part text blocks by blank lines (`separates_blocks`): sim TRAIN raw and PyMuPDF
body fell (raw 1-40 .9433 -> .9389) when the rule ran there.
"""
from __future__ import annotations

from typing import Final

from banmian.adjacent_splits import quoted_head
from banmian.article_merges import drop_merged, has_head, merge_into
from banmian.bigram_tables import CountCosines
from banmian.body_texts import body_text
from banmian.line_shape import separates_blocks
from banmian.model import Article, Fragment, Page
from banmian.rules.furniture import is_lead_in

QUOTED_PIECE_REASON: Final = "merge:quoted_piece_to_its_report"
# Cosine of character bigrams between the piece's body and the report's, and the margin over
# the next headed article: sim TRAIN pdftotext 1-300, 16 right merges, 1 wrong (module doc).
QUOTED_PIECE_MIN_COSINE: Final = 0.15
QUOTED_PIECE_MIN_RATIO: Final = 2.0
# A piece this long under a pull quote is a whole report whose headline went elsewhere, not a
# piece of another (dev pdftotext page 22: a 1206-character New Year address, 1190 characters
# of another address beside it, both on one theme).
QUOTED_PIECE_MAX_CHARS: Final = 1000
QUOTED_PIECES = True  # switch (tests turn it off to see the rule's effect)


def quoted_piece(article: Article) -> bool:
    """The article's head is one printed line that only quotes its own body: a pull quote."""
    return quoted_head(article) and " " not in (article.headline or "").strip()


def opens_first(piece: list[Fragment], report: list[Fragment]) -> bool:
    """The piece's text goes before the report's: it opens with a lead-in byline and the report
    does not, or neither or both do and the piece is printed first (pdftotext's reading order)."""
    lead_piece, lead_report = is_lead_in(piece[0].first.text), is_lead_in(report[0].first.text)
    if lead_piece != lead_report:
        return lead_piece
    return piece[0].first.no < report[0].first.no


def report_of(page: Page, n: int, texts: list[str], taken: set[int], table: CountCosines | None = None) -> int | None:
    """The headed article (not itself headed by a quote alone, not in `taken`) whose body is
    clearly the closest to article n's, or None. `table`: the articles' bigram counts
    (`bigram_tables.CountCosines` of `texts`, each body counted once a page, not once a pair)."""
    if table is None:
        table = CountCosines(texts)
    cosines = table.cosines(n)
    sims = sorted(((cosines[k], k) for k, art in enumerate(page.articles)
                   if k != n and has_head(art) and not quoted_head(art) and texts[k]), reverse=True)
    if not sims:
        return None
    best, k = sims[0]
    runner = sims[1][0] if len(sims) > 1 else 0.0
    if best < QUOTED_PIECE_MIN_COSINE or best < QUOTED_PIECE_MIN_RATIO * runner or k in taken:
        return None
    return k


def quoted_pieces_to_their_reports(page: Page) -> None:
    """Merge each article headed by a pull quote alone (`quoted_piece`) into the report whose
    text it shares (`report_of`); its quote becomes the report's kicker. One step: a report
    takes one piece. Runs after the headlines stage's merges, on `page.articles` and their
    fragments (`page.scratch["article_groups"]`)."""
    if not QUOTED_PIECES or not separates_blocks(page):
        return
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    if len(groups) != len(page.articles) or len(groups) < 2:
        return
    if not any(quoted_piece(art) for art in page.articles):
        return  # most pages: no piece headed by a quote alone, no body text joined
    texts = [body_text(art) for art in page.articles]
    taken: set[int] = set()
    gone: dict[int, int] = {}
    table: CountCosines | None = None  # made at the first piece that asks
    for n, article in enumerate(page.articles):
        if n in taken or not groups[n] or not quoted_piece(article) or len(texts[n]) > QUOTED_PIECE_MAX_CHARS:
            continue
        if groups[n][0].start == "open":
            continue  # text going on mid-sentence: where it goes in the report is not told (TRAIN pages 43, 158)
        if table is None:
            table = CountCosines(texts)
        m = report_of(page, n, texts, taken, table)
        if m is None:
            continue
        report = page.articles[m]
        if (report.kicker and report.subtitle) or (report.byline and article.byline):
            continue  # no tier left for the quote; two credits, two reports
        quote, kicked = article.headline, report.kicker
        piece_first = opens_first(groups[n], groups[m])
        if not piece_first and groups[m][-1].end == "open":
            continue  # the report breaks off mid-sentence: its text goes on elsewhere (dev page 13)
        if kicked:
            report.subtitle = quote  # the report has its kicker: the quote is its subtitle
        # (set before the merge, which hands back to the leftovers the piece's head lines the
        # report's head does not print)
        merge_into(page, report, article, groups[m], groups[n], groups[m][-1], QUOTED_PIECE_REASON)
        k = len(article.paragraphs)
        if piece_first:
            report.paragraphs[:] = report.paragraphs[-k:] + report.paragraphs[:-k]
        taken.update((n, m))
        gone[n] = m
    if gone:
        drop_merged(page, groups, gone)
