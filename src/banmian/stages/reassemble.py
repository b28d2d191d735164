"""Reassemble: put fragments of interleaved columns back in reading order, as threads.

pdftotext walks a page column by column, so the columns of articles stacked in one slot
interleave (dev pages 7, 8): article A's first column, article B's first column, A's second
column... The fragments are prepared (`prepare_fragments`: cut at picture notes, marked where
a jump, credit or dateline closes them or a 上接 note opens them), then threaded in input order
by a beam search (`thread_beam`: each fragment opens a new thread, an article, or goes on the
thread it continues best), and the threads finished: subheads between two pieces of one
thread made its paragraphs (`thread_subheads.absorb_subheads`).

Within a thread, fragments keep input order: the walk meets an article's columns in order
(84% of dev articles have their fragments in input order). Where it does not, `reorder` moves
a fragment printed before the text it continues after that text, on strong evidence; and
before threading, `ordinals.lift_earlier_steps` puts a block holding step N-1 of an
enumeration back before the block opening with step N that pdftotext printed first.
"""
from __future__ import annotations

from typing import Final

from banmian.article_starts import indented_head_shares, lines_around
from banmian.closing_credits import closes_on_lone_name_credit, closes_on_name_credit, ends_on_dispatch_dateline
from banmian.language import spanning_word
from banmian.link_model import JoinLogits
from banmian.model import Fragment, Page, page_line_index
from banmian.ordinals import lift_earlier_steps
from banmian.rules.chars import strip_ws
from banmian.stages.roundups import merge_roundups
from banmian.fragment_cuts import split_at_picture_notes
from banmian.line_shape import separates_blocks
from banmian.short_piece_joins import join_short_pieces
from banmian.stages.reorder import reorder_threads
from banmian.thread_beam import content_space, thread_fragments
from banmian.thread_order import order_threads
from banmian.thread_subheads import absorb_subheads
from banmian.column_chains import split_columns_back
# moved to thread_beam and thread_subheads; still imported from here (layout, reorder, thread_order,
# adjacent_splits)
from banmian.thread_beam import Thread as Thread
from banmian.thread_subheads import SUBHEAD_MAX_LINES as SUBHEAD_MAX_LINES, to_body_lines as to_body_lines

# Read back in column order a thread whose two columns pdftotext printed side by side, block by
# block (`column_chains`): sim VAL pdftotext body_char_acc 1-40 / 41-120 0.7804 / 0.7912 ->
# 0.7849 / 0.7923; dev pages 1-40 unchanged (it does not fire there).
COLUMN_CHAINS = True
# Join an article's short opening piece and the indented paragraph a column break cut from it
# (`short_piece_joins`): sim TRAIN pdftotext 1-300 body_char_acc / article_exact .8304 / .5545 ->
# .8320 / .5553, VAL 1-120 .8102 / .5599 -> .8114 / .5640.
SHORT_PIECE_JOINS = True


def neighbour_kinds(page: Page, frag: Fragment, after: bool) -> list[str]:
    """Kinds of the non-blank, non-body lines directly after (or before) a fragment."""
    return [ln.kind for ln in lines_around(page, frag, after)]


def next_to_kind(page: Page, frag: Fragment, after: bool, kind: str, other: str) -> bool:
    """A line of kind `kind` or `other` among `neighbour_kinds(page, frag, after)`, read off the
    lines themselves (no list of kinds made: asked twice of every fragment)."""
    for ln in lines_around(page, frag, after):
        k = ln.kind
        if k == kind or k == other:
            return True
    return False


def prepare_fragments(page: Page) -> list[Fragment]:
    """Index the lines (unless the paragraphs stage did: `page_line_index`), cut fragments
    where a paragraph closed by a picture note opens an article
    (`fragment_cuts.split_at_picture_notes`, in dumps without blank lines: after `heads_tail`,
    whose alignment it would upset), and mark fragments a jump/credit closes or a 上接 note
    opens (unless the fragment reads on from the one before: `note_printed_away`); put a block
    holding step N-1 of an ordinal series that is printed after the block opening with step N
    back before it (`ordinals.lift_earlier_steps`)."""
    page.scratch["line_index"] = page_line_index(page)
    frags: list[Fragment] = page.scratch.get("fragments", [])
    blocks = separates_blocks(page)
    if not blocks:
        frags = page.scratch["fragments"] = split_at_picture_notes(frags, page.column_width)
    for i, f in enumerate(frags):
        f.no_successor = next_to_kind(page, f, True, "jump", "source")
        if blocks and not f.no_successor and closes_on_name_credit(f.lines):
            f.no_successor = True
            f.last.because(CREDIT_CLOSE_REASON)
        if blocks and not f.no_successor and closes_on_lone_name_credit(f.lines):
            f.no_successor = True
            f.last.because(LONE_CREDIT_CLOSE_REASON)
        if blocks and not f.no_successor and closes_on_dateline(page, frags, i):
            f.no_successor = True
            f.last.because(DATELINE_CLOSE_REASON)
        f.no_predecessor = next_to_kind(page, f, False, "continued", "continued")
        if f.no_predecessor and i and note_printed_away(frags[i - 1], f):
            f.no_predecessor = False
            f.first.because(NOTE_AWAY_REASON)
    lift_earlier_steps(frags)
    return frags


NOTE_AWAY_REASON: Final = "continued:note_printed_away"
DATELINE_CLOSE_REASON: Final = "closed:dateline_ends_report"


def closes_on_dateline(page: Page, frags: list[Fragment], i: int) -> bool:
    """Fragment i ends on a report's bracketed dispatch dateline after a finished sentence
    (`closing_credits.ends_on_dispatch_dateline`): its own, or, when it holds the dateline alone
    with only blank lines before it, the fragment before's (pdftotext printed a column break
    between the last sentence and the dateline: sim TRAIN pages 115, 201, 277)."""
    f = frags[i]
    before = frags[i - 1].last if i and not lines_around(page, f, after=False) else None
    return ends_on_dispatch_dateline(f.lines, before)
CREDIT_CLOSE_REASON: Final = "closed:credit_ends_report"
LONE_CREDIT_CLOSE_REASON: Final = "closed:lone_credit_ends_report"
def note_printed_away(prev: Fragment, frag: Fragment) -> bool:
    """A continuation note (上接) stands before `frag`, but `frag` reads on from the fragment
    just before the note: that one stops inside a word and `frag` finishes it (dictionary
    words only). pdftotext prints a band's note where its block falls in its reading order,
    which may be inside another article's column (dev page 18: `据了解，去年我国的国` /
    `（上接第一版）` / `债发行工作…`, the note its neighbour's). On dev pdftotext pages 1-40, 1 of
    14 fragments after a note so; the other 13 open with an indented paragraph."""
    return (prev.end == "open" and frag.start == "open"
            and spanning_word(strip_ws(prev.last.text), strip_ws(frag.first.text), hmm=False) is not None)


def reassemble(page: Page) -> Page:
    """Thread the page's fragments (`page.scratch["threads"]`), a fragment printed before the
    text it continues moved after it (`reorder.reorder_threads`), two pieces printed row by
    row swapped (`thread_order`), two columns printed side by side read one after the other
    (`column_chains`), a roundup's items on one thread (`roundups.merge_roundups`)."""
    frags = prepare_fragments(page)
    space = content_space(frags)
    joins = JoinLogits(frags, space.texts)  # its page text serves the reordering too
    shares = indented_head_shares(page, frags, space.texts)  # the beam's and the short pieces' (once)
    threads = reorder_threads(frags, thread_fragments(page, frags, space, joins, shares), joins.text)
    if SHORT_PIECE_JOINS and separates_blocks(page):
        threads = join_short_pieces(page, frags, threads, space.texts, shares)
    order_threads(threads)
    if COLUMN_CHAINS:
        for t in threads:
            split_columns_back(t.fragments)
    absorb_subheads(page, threads)
    page.scratch["threads"] = merge_roundups(page, threads)
    return page
