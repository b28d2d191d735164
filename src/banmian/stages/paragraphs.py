"""Paragraphs: cut body lines into fragments and mark where paragraphs start.

Blank lines are not trusted: the extractor prints one at every column break too. A paragraph
starts at a line when the line before it ends the paragraph (it is short) or ends a sentence
and this line is indented by two em. The fragments come from `fragment_runs.fragments_of`; in
a dump without blank lines they are cut again where the topic shifts or a credit closes the
text before (`fragment_cuts.split_at_topic_shifts`).
"""
from __future__ import annotations

from typing import Final

from banmian.language import spanning_word
from banmian.line_shape import BODY_START_FORBIDDEN, FULL_SLACK, INDENT_MIN, is_indented, separates_blocks, slack
from banmian.heads_to_body import SUBHEAD_UNDER_BYLINE_REASON
from banmian.model import Fragment, Line, Page, line_positions
from banmian.para_cues import (AFTER_CLOSING_REASON, AFTER_COLON_REASON, BULLET_REASON, COMMA_RUNS_ON_REASON, COMPRESSED_INDENT_REASON,
                               CREDIT_CLOSES_REASON, HALF_WIDTH_SHORT_REASON, HALF_WIDTH_THEN_INDENT_REASON, NOTE_ALONE_REASON, ONE_EM_SHORT_REASON,
                               PICTURE_LABEL_REASON, SHORT_EXPLAINED_REASON, compressed_indent, credit_closes_description, half_width_runs_on,
                               indent_after_closing, indent_after_colon, is_note_alone, is_picture_label, one_em_short, opens_bullet, short_at_comma,
                               short_by_half_width, short_explained)
from banmian.rules.chars import ends_sentence
from banmian.rules.furniture import is_lead_in
from banmian.similarity import bigrams
from banmian.stages.classify import CLOSING_REASON
from banmian.fragment_runs import (OPENING_CLAUSE_REASON, PARAGRAPH_END_MARKS, _unclosed, end_kind, ends_paragraph, fragments_of,
                                   opening_clause_at_comma, restarts_after_cut, start_kind)
from banmian.fragment_cuts import HEAD_MIN_CHARS, split_at_topic_shifts
# moved to fragment_runs and fragment_cuts; still imported from here (heads_tail, reorder, tail_align)
from banmian.fragment_runs import CUT_SHORT_REASON as CUT_SHORT_REASON
from banmian.fragment_cuts import cut_fragments as cut_fragments, report_after_picture as report_after_picture
from banmian.fragment_cuts import restart_reason as restart_reason

DROP_CAP_MAX: Final = 2  # characters on a drop cap's line (`我` / `们在…`)


# A paragraph's indented first line may end a sentence right at the column's edge (`穷则思变，
# 但如何变？` over a full `灵寿决策者们从…`): read as a short last line it started a paragraph at
# the full line under it. A full line opens no paragraph (an opening is indented), so an
# indented line ending a sentence over a full one, its slack not explained by half-width
# characters (`short_by_half_width`), is the first line of a paragraph going on: it ends nothing
# (whether it opens a paragraph, the join of its fragment decides). Sim TRAIN
# pdftotext pages 2, 42, 80, 99, 101, 102 (spurious `short_previous_line` starts).
INDENTED_OPENING_REASON: Final = "paragraph:indented_opening_runs_on"


def opening_runs_on(first: Line, second: Line, width: float) -> bool:
    """`first` is indented two em and ends a sentence, `second` under it is full, and the
    slack is not that of half-width characters."""
    return (is_indented(first, width) and ends_sentence(first.text) and slack(second, width) <= FULL_SLACK
            and not short_by_half_width(first, second, width))


def opens_after_cut_at_comma(prev: Line, line: Line, width: float) -> bool:
    """`line` is an opening clause ending at a comma (`fragment_runs.opening_clause_at_comma`)
    after text cut short (`restarts_after_cut`): the first line of a paragraph going on, not a
    last line, so the full line under it opens nothing."""
    return opening_clause_at_comma(line, width) and restarts_after_cut(prev, line, width)


def is_drop_cap(line: Line, nxt: Line) -> bool:
    """A line of one or two characters, no punctuation, whose word runs on into the next line:
    an article's first character set large (a drop cap), printed on a line of its own
    (`我` / `们在司法实践中发现，`), not a paragraph's last line."""
    t = line.text.strip()
    return len(t) <= DROP_CAP_MAX and t[-1] not in PARAGRAPH_END_MARKS and bool(spanning_word(t, nxt.text, False))


def mark_starts(frag: Fragment, width: float, blocks: bool = False) -> None:
    """Mark paragraph starts inside one fragment (its first line by its start kind). `blocks`:
    the dump separates blocks by blank lines (`separates_blocks`), so the lines of a fragment
    stand one under the other, and the cues read off that (`short_at_comma`,
    `credit_closes_description`, `short_explained`) hold."""
    first = frag.first
    first.para_start = frag.start == "indent"
    if first.para_start:
        first.because("paragraph_start:indent" if not is_lead_in(first.text) else "paragraph_start:lead_in")
    para_first = first.para_start
    if not para_first and len(frag.lines) > 1 and opening_runs_on(first, frag.lines[1], width):
        para_first = True  # its slack is its indent: it ends nothing (the join decides its start)
        first.because(INDENTED_OPENING_REASON)
    lead = is_lead_in(first.text)  # inside a lead-in byline: its lines measure short
    for k in range(1, len(frag.lines)):
        prev, ln = frag.lines[k - 1], frag.lines[k]
        if CLOSING_REASON in ln.reasons:  # a signature under the last sentence: a paragraph of its own
            ln.para_start = True
            ln.because("paragraph_start:closing_signature")
        elif SUBHEAD_UNDER_BYLINE_REASON in prev.reasons:  # a subhead is a paragraph of its own
            ln.para_start = True
            ln.because("paragraph_start:after_subhead")
        elif is_picture_label(ln):  # `图片：`, `（A、B）`: a paragraph of its own
            ln.para_start = True
            ln.because(PICTURE_LABEL_REASON)
        elif lead:
            ln.because("paragraph:after_lead_in")
        elif is_drop_cap(prev, ln):
            ln.because("paragraph:after_drop_cap")
        elif ends_paragraph(prev, width, para_first):
            if half_width_runs_on(prev, ln, width):  # digits measured short: the paragraph runs on
                ln.because(HALF_WIDTH_SHORT_REASON)
            elif blocks and short_at_comma(prev, ln, width):  # no paragraph ends on a comma
                ln.because(COMMA_RUNS_ON_REASON)
            else:
                ln.para_start = True
                ln.because("paragraph_start:short_previous_line")
                if short_by_half_width(prev, ln, width):
                    ln.because(HALF_WIDTH_THEN_INDENT_REASON)
        elif blocks and credit_closes_description(prev, ln, width):
            ln.because(CREDIT_CLOSES_REASON)
        elif ends_sentence(prev.text):  # then an indent or a lead-in starts a paragraph
            if is_indented(ln, width):
                ln.para_start = True
                ln.because("paragraph_start:indent_after_sentence_end")
            elif is_lead_in(ln.text):
                ln.para_start = True
                ln.because("paragraph_start:lead_in")
            elif compressed_indent(prev, ln, width):
                if blocks and short_explained(frag.lines[k + 1] if k + 1 < len(frag.lines) else None):
                    ln.because(SHORT_EXPLAINED_REASON)
                else:
                    ln.para_start = True
                    ln.because(COMPRESSED_INDENT_REASON)
        elif indent_after_colon(prev, ln, width):
            ln.para_start = True
            ln.because(AFTER_COLON_REASON)
        elif opens_bullet(ln, width):
            ln.para_start = True
            ln.because(BULLET_REASON)
        elif indent_after_closing(prev, ln, width):
            ln.para_start = True
            ln.because(AFTER_CLOSING_REASON)
        lead = is_lead_in(ln.text) if ln.para_start else (lead and _unclosed(prev.text) and not ln.para_start)
        para_first = ln.para_start
        if not para_first and opens_after_cut_at_comma(prev, ln, width):
            para_first = True  # its slack is its indent: it ends nothing (a cut or the join decides its start)
            ln.because(OPENING_CLAUSE_REASON)


def after_headline(page: Page, frag: Fragment, index: dict[int, int]) -> bool:
    """The fragment comes right after a headline block: it opens its article's first paragraph.

    Dev page 7: `每逢节假日或有客人来，` under its headline is an indented first line that
    measures full because its comma is compressed.
    """
    j = index[id(frag.first)] - 1
    while j >= 0 and page.lines[j].kind == "blank":
        j -= 1
    return j >= 0 and page.lines[j].kind in ("head", "byline")


def paragraphs(page: Page) -> Page:
    """Build the page's fragments (in `page.scratch["fragments"]`) and mark paragraph starts;
    index the page's lines (`page.scratch["line_index"]`: no later stage adds, drops or moves a
    line)."""
    width = page.column_width
    frags = fragments_of(page)
    blocks = separates_blocks(page)
    index = page.scratch["line_index"] = line_positions(page.lines)  # the later stages' too (`page_line_index`)
    for f in frags:
        f.start = start_kind(f, width)
        nearly_indented = slack(f.first, width) >= INDENT_MIN - 0.5 and f.first.text[0] not in BODY_START_FORBIDDEN
        if f.start != "indent" and nearly_indented and after_headline(page, f, index):
            f.start = "indent"
            f.first.because("paragraph_start:after_headline")
        f.end = end_kind(f, width)
        if one_em_short(f.first, width):  # a join after a sentence end starts a paragraph here (`reorder.reads_on`)
            f.first.because(ONE_EM_SHORT_REASON)
        if blocks and is_note_alone(f.first):  # a join starts a paragraph here (`reorder.goes_on_paragraph`)
            f.first.because(NOTE_ALONE_REASON)
        mark_starts(f, width, blocks)
    if not blocks:
        heads = [bigrams(ln.text) for ln in page.lines if ln.kind == "head" and len(ln.text) >= HEAD_MIN_CHARS]
        frags = split_at_topic_shifts(frags, width, heads)
    page.scratch["fragments"] = frags
    return page
