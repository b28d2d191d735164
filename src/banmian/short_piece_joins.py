"""Join a short opening piece to the indented paragraph printed right after it.

pdftotext walks a page column by column. Where a column break falls at a paragraph's end, the
next column opens with an indented paragraph and nothing printed between (no headline, byline,
caption or note: blank lines only), and the beam search (`thread_beam`) may open a new thread
there, the new paragraph's topic being unlike the little text before. When the thread the
fragment before closes is shorter than SHORT_PIECE_MAX_CHARS it is no whole report but an
article's opening piece cut by the column break, and the indented paragraph goes on with it,
unless a headline on the page repeats its opening words (HEADED_OPENING_SHARE): then it is that
headline's article, printed away from its headline (two short reports under headline lines
printed side by side: tests/test_side_bylines.py, after dev page 24).
"""
from __future__ import annotations

from typing import Final

from banmian.article_starts import firm_start, head_shares, lines_around
from banmian.fragment_runs import in_lead_in
from banmian.model import Fragment, Page
from banmian.stages.roundups import item_number_of
from banmian.thread_beam import Thread

# A thread this short (characters of its lines) is an article's opening piece, not a whole
# report. Sim TRAIN pdftotext 1-300 (threads opened by an indented paragraph under nothing but
# a column break, after a thread ending on a finished paragraph): right joins / wrong 72 / 15 at
# 100 characters (body_char_acc .8304 -> .8323, article_exact .5545 -> .5557), 99 / 28 at 150,
# 111 / 33 at 200 (source_acc .9317 -> .9285), 61 / 13 at 80 (body .8314); under no length
# limit 153 / 84 (body .8156: a wrong join merges two whole articles). With the headline and
# item-number tests below: TRAIN .8320 / .5553, VAL 1-120 .8102 / .5599 -> .8114 / .5640; fires
# on dev pdftotext pages 2, 8, 12, 13, 20, 25, 26, 31, 37 (1-20 body .9242 -> .9253, 21-40
# .8985 -> .9001).
SHORT_PIECE_MAX_CHARS: Final = 100
# A head line with this share of its bigrams in the paragraph's opening is its own headline
# (`article_starts.head_shares`). Sim TRAIN pdftotext 1-300, the joins above at 100 characters:
# 72 right / 15 wrong -> 55 / 10 (body .8323 -> .8321, source .9321 -> .9333); VAL 1-120 body
# .8110 -> .8113, article_exact .5630 both.
HEADED_OPENING_SHARE: Final = 0.5
SHORT_PIECE_REASON: Final = "continues:short_piece_before_column_break"


def thread_chars(thread: Thread) -> int:
    """The characters of a thread's lines."""
    return sum(len(ln.text) for f in thread.fragments for ln in f.lines)


def opens_under_column_break(page: Page, frags: list[Fragment], i: int) -> bool:
    """Fragment i opens an indented paragraph with only blank lines before it (no head, byline,
    caption or note), no lead-in byline, no item number (`2、`: a numbered digest's item, which
    `roundups.merge_numbered` puts with its items: tests/test_roundups.py) and no firm start
    (`article_starts.firm_start`)."""
    f = frags[i]
    return (i > 0 and f.start == "indent" and not lines_around(page, f, after=False)
            and not in_lead_in(f, 0) and item_number_of(f.first.text) is None and not firm_start(page, f))


def headed_elsewhere(page: Page, text: str, row: list[float] | None = None) -> bool:
    """A head line of the page has HEADED_OPENING_SHARE of its bigrams or more in `text`'s
    opening (`row`: the text's `head_shares` row, when the caller has it)."""
    if row is None:
        row = head_shares(page, [text])[0]
    return max(row, default=0.0) >= HEADED_OPENING_SHARE


def join_short_pieces(page: Page, frags: list[Fragment], threads: list[Thread], texts: list[str],
                      shares: dict[int, list[float]] | None = None) -> list[Thread]:
    """Put each thread opened under a column break (`opens_under_column_break`) after the
    thread whose last fragment is the one printed just before, when that fragment ends a
    paragraph (not mid-sentence), nothing closes it (`no_successor`: a jump, credit or
    dateline), that thread is shorter than SHORT_PIECE_MAX_CHARS and no headline on the page
    repeats the opening (`headed_elsewhere`; `texts[i]`: fragment i's lines joined; `shares`: the
    `indented_head_shares` of those texts the beam found, when given, not found again). Dumps with blank lines
    only (the caller's test): elsewhere a fragment always has a non-body line before it."""
    index = {id(f): n for n, f in enumerate(frags)}
    holder = {id(f): t for t in threads for f in t.fragments}
    for t in list(threads):
        o = t.fragments[0]
        i = index[id(o)]
        if not opens_under_column_break(page, frags, i):
            continue
        prev = frags[i - 1]
        tp = holder[id(prev)]
        if tp is t or tp.fragments[-1] is not prev or prev.end == "open" or prev.no_successor:
            continue
        if thread_chars(tp) >= SHORT_PIECE_MAX_CHARS or headed_elsewhere(page, texts[i], None if shares is None else shares.get(i)):
            continue
        tp.fragments = tp.fragments + t.fragments
        for f in t.fragments:
            holder[id(f)] = tp
        threads.remove(t)
        o.first.para_start = True
        o.first.because(SHORT_PIECE_REASON)
    return threads
