"""Reassemble: put fragments of interleaved columns back in reading order, as threads.

pdftotext walks a page column by column, so the columns of articles stacked in one slot
interleave (dev pages 7, 8): article A's first column, article B's first column, A's second
column... Each fragment, in input order, either opens a new thread (an article) or goes on
the thread it continues best; a beam search keeps the BEAM_WIDTH best partial threadings so
that a later fragment can undo an early wrong choice:

- does it open an article? `article_starts` weighs a headline block or byline before it, a
  lead-in byline (本报讯, 新华社…电) or continuation note (上接) opening it, and how little it
  shares with the text just before;
- which thread does it continue? `link_model` weighs content (shared names and terms:
  TF-IDF bigram cosine), order (the thread holding the fragment just before it in the input,
  or how far back its latest fragment is), and the join: a fragment that starts mid-sentence
  continues a thread whose latest fragment stops mid-sentence, better when a dictionary word
  spans the join (`language`); a fragment whose first step of an enumeration is step N (三是,
  其次) goes on the thread whose last step of it is N-1 (`ordinals`); across a bare
  mid-sentence break (no word or mark spans it) a thread of clearly closer content outbids
  the one just before (`thread_rivals`).

Within a thread, fragments keep input order: the walk meets an article's columns in order
(84% of dev articles have their fragments in input order). Where it does not, `reorder` moves
a fragment printed before the text it continues after that text, on strong evidence; and
before threading, `ordinals.lift_earlier_steps` puts a block holding step N-1 of an
enumeration back before the block opening with step N that pdftotext printed first.
"""
from __future__ import annotations

from typing import Final

from dataclasses import dataclass, field
from operator import itemgetter

from banmian.article_starts import (START_THRESHOLD, firm_start, indented_head_shares, lines_around, start_features,
                                    start_logit, start_reason)
from banmian.closing_credits import closes_on_lone_name_credit, closes_on_name_credit, closing_note, ends_on_dispatch_dateline, last_paragraph
from banmian.language import spanning_word
from banmian.link_model import LINK_WEIGHTS, JoinLogits, QuoteBalance, joined_texts
from banmian.model import Fragment, Line, Page, page_line_index
from banmian.ordinals import OrdinalTurns, lift_earlier_steps
from banmian.para_cues import one_em_short
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import ends_with_picture_note, is_lead_in
from banmian.stages.roundups import merge_roundups
from banmian.fragment_cuts import last_two_lines, refers_back, report_after_picture, split_at_picture_notes
from banmian.fragment_runs import ends_paragraph, in_lead_in
from banmian.line_shape import separates_blocks
from banmian.stages.reorder import goes_on_paragraph, reorder_threads
from banmian.thread_order import order_threads
from banmian.column_chains import split_columns_back
from banmian.similarity import ContentSpace, Group, GroupMaker, bigram_cosine
from banmian.thread_rivals import RIVAL_CONTENT_BONUS, RIVAL_LONE_REASON, RIVAL_MISMATCH_REASON, RivalCues

# Opening a new thread scores the start model's log-odds plus this; continuing one, the link
# model's log-odds. Tuned on dev pages 1-40 (body_char_acc 1.5: 0.754, 2: 0.781, 2.5: 0.788,
# 3: 0.771, 4: 0.719). Re-tried on the simulated TRAIN set (bench/pagesim, seed train-1, 300
# pdftotext pages): 1.5: 0.7857, 2: 0.7932, 2.5: 0.7991, 3: 0.7928, 3.5: 0.7840.
NEW_THREAD_OFFSET: Final = 2.5
# Dumps without blank lines (pdftotext -raw, PyMuPDF) cut fragments only at headline and other
# non-body lines, so a fragment opens an article far more often (dev 1-40, raw dumps: 2.5:
# 0.664, 5: 0.722, 7: 0.749, 9: 0.741, 12: 0.737; after the headline-context rules of classify,
# raw / pymupdf: 5.5: 0.907 / 0.910, 7: 0.916 / 0.919, 8: 0.924 / 0.925, 9: 0.922 / 0.925,
# 10: 0.917 / 0.920). Sim TRAIN (300 pages) raw / pymupdf: 6: 0.9137 / 0.9155, 7: 0.9138 / 0.9153,
# 8: 0.9150 / 0.9166, 9: 0.9162 / 0.9178, 10: 0.9154 / 0.9176; 9 leaves dev 1-40 unchanged but
# gives sim VAL (120 pages) 0.9088 / 0.9090 against 0.9092 / 0.9099 for 8: kept.
NEW_THREAD_OFFSET_NO_BLANKS: Final = 8.0
# Text on both sides of one short head line: on dev raw pages 1-40, with no lead-in after it,
# the bigram cosine of 300 characters each side is at most 0.088 across an article change and
# 0.10-0.22 for 9 of 17 subheads and mistaken body lines inside an article (body_char_acc pages
# 1-20 / 21-40: 0.9447 / 0.9235 -> 0.9494 / 0.9235; 0.08: 0.9420, 0.12: 0.9495, 0.15: 0.9473).
# Two head lines: one article change at 0.104, three two-line subheads at 0.17-0.33 (allowing
# them: 0.9494 / 0.9235 -> 0.9494 / 0.9274).
SUBHEAD_WINDOW: Final = 300
SUBHEAD_MIN_COSINE = 0.1
SUBHEAD_MAX_LINES = 2
# A head line holding one of these is body text taken for a head line (`heads_printed_last`):
# simulated raw TRAIN page 141, `消息公布后，加拉加` at the end of an article before another.
INNER_SENTENCE_MARKS: Final = frozenset("，；。！？")
# `continues_past_subhead` in dumps with blank lines (pdftotext) too, where the text before the
# head lines stops mid-sentence (`subhead_asked`): head lines there between two pieces of one
# article's text had the text after them open an article under them as under a headline (dev
# pdftotext pages 4, 30).
SUBHEAD_IN_BLOCK_DUMPS = True
# Read back in column order a thread whose two columns pdftotext printed side by side, block by
# block (`column_chains`): sim VAL pdftotext body_char_acc 1-40 / 41-120 0.7804 / 0.7912 ->
# 0.7849 / 0.7923; dev pages 1-40 unchanged (it does not fire there).
COLUMN_CHAINS = True
SURE_START_SCORE: Final = 10.0  # a sure start is the only choice; its score does not rank hypotheses
NO_NEW_THREAD: Final = float("-inf")  # the start log-odds of a fragment that cannot open an article
# Partial threadings kept by the beam search (dev 1-40 pdftotext body_char_acc with the link
# model: 4: 0.771, 8: 0.788, 16: 0.779; the greedy choice was 0.716 with the earlier scores).
# Sim TRAIN (300 pdftotext pages): 4: 0.7945, 8: 0.7991, 12: 0.7998, 16: 0.8000 (raw, PyMuPDF
# unchanged); BEAM_MARGIN 2: 0.7983, 3: 0.7991, 4.5: 0.7988 (2 and 4.5 lower dev 1-20).
BEAM_WIDTH = 8
BEAM_MARGIN: Final = 3.0  # log-odds: hypotheses this far below the best are dropped
TOTAL: Final = itemgetter(0)  # an option (total score, hypothesis, thread index)'s total: the sort key


@dataclass(slots=True)
class Thread:
    """An article's body text: its fragments in reading order, and why it opened."""

    fragments: list[Fragment] = field(default_factory=list)
    reason: str = ""


def neighbour_kinds(page: Page, frag: Fragment, after: bool) -> list[str]:
    """Kinds of the non-blank, non-body lines directly after (or before) a fragment."""
    return [ln.kind for ln in lines_around(page, frag, after)]


def content_space(frags: list[Fragment]) -> ContentSpace:
    """The fragments' TF-IDF bigram space, IDF over the page's own fragments (`space.texts`:
    their `joined_texts`)."""
    return ContentSpace(joined_texts(frags))


def prepare_fragments(page: Page) -> list[Fragment]:
    """Index the lines (unless the paragraphs stage did: `page_line_index`), cut fragments
    where a paragraph closed by a picture note opens an article
    (`paragraphs.split_at_picture_notes`, in dumps without blank lines: after `heads_tail`,
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
        f.no_successor = any(k in ("jump", "source") for k in neighbour_kinds(page, f, after=True))
        if blocks and not f.no_successor and closes_on_name_credit(f.lines):
            f.no_successor = True
            f.last.because(CREDIT_CLOSE_REASON)
        if blocks and not f.no_successor and closes_on_lone_name_credit(f.lines):
            f.no_successor = True
            f.last.because(LONE_CREDIT_CLOSE_REASON)
        if blocks and not f.no_successor and closes_on_dateline(page, frags, i):
            f.no_successor = True
            f.last.because(DATELINE_CLOSE_REASON)
        f.no_predecessor = "continued" in neighbour_kinds(page, f, after=False)
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


class Hypothesis:
    """One way of threading the fragments seen so far, with its summed score.

    A slotted class (the beam search makes thousands per page): the compiled build makes and
    reads it as a C struct.
    """

    __slots__ = ("score", "threads", "latest")

    def __init__(self, score: float, threads: tuple[Group, ...], latest: int) -> None:
        self.score = score
        self.threads = threads  # each thread's fragments (as content-space indexes) and content
        self.latest = latest  # the thread index of the latest fragment (-1 before the first)


def thread_fragments(page: Page, frags: list[Fragment], space: ContentSpace | None = None,
                     joins: JoinLogits | None = None) -> list[Thread]:
    """Thread the fragments in input order by a beam search over the choices (`space`, `joins`:
    the fragments' `content_space` and `JoinLogits`, when the caller built them already).

    Each fragment opens a thread (an article) or continues one. A firm start
    (`article_starts.firm_start`: a 上接 note, a heads-tail cut, a letter's salutation, a
    lead-in under headline lines, a paragraph under an office-holder's signature, a paragraph
    closed by a picture note) always opens one; in a
    dump without blank lines the text after a picture note (`（附图片1张）`: it closes an
    article's opening matter) and the report after the picture's credited description
    (`report_after_picture`), and text read on past a subhead (`continues_past_subhead`, when
    `subhead_asked`),
    always continue the thread of the fragment before, even where the start model's log-odds pass START_THRESHOLD (a subhead has a
    headline's shape: dev raw pages 4 and 37, three subheads the model read as headlines);
    a fragment that opens pointing back (`points_back`) goes on some thread, never opens one;
    else log-odds past START_THRESHOLD open a thread, and the rest of a lead-in cut by a column
    break continues the one before; otherwise continuing each thread
    scores the link model's log-odds (`link_model`, with the quote cue, the ordinal cue
    `ordinals.OrdinalTurns` and the rival-content cue `thread_rivals.RivalCues`) and opening a
    new one scores the start model's log-odds plus NEW_THREAD_OFFSET (NEW_THREAD_OFFSET_NO_BLANKS in a dump without blank lines). A threading's score is the sum of its choices;
    keeping the BEAM_WIDTH best partial threadings, not only the best, lets a later fragment
    undo an early wrong choice.
    """
    if space is None:
        space = content_space(frags)
    shares = indented_head_shares(page, frags, space.texts)
    feats = [start_features(page, frags, space, i, shares) for i in range(len(frags))]
    logits = [start_logit(f) for f in feats]
    blockless = not separates_blocks(page)  # a scan of the page's lines: once, not per fragment
    offset = NEW_THREAD_OFFSET_NO_BLANKS if blockless else NEW_THREAD_OFFSET
    groups = GroupMaker(space)  # hypotheses share the groups they reach alike
    if joins is None:
        joins = JoinLogits(frags, space.texts)
    quotes = QuoteBalance(frags, space.texts)
    ordinals = OrdinalTurns(space.texts)
    rivals = RivalCues(frags, lambda j, k: joins.join_parts(j, k)[0])
    beam = [Hypothesis(0.0, (), -1)]
    roundup_items = page.scratch.get("roundup_items", set())
    for i, f in enumerate(frags):
        goes_on = False
        if i == 0 or firm_start(page, f):
            sure, join = True, False
        elif id(f.first) in roundup_items:
            sure, join = False, True  # a digest's later item (`heads_tail`): its lead-in opens no article
        elif blockless and ends_with_picture_note(last_two_lines(frags[i - 1])):
            sure, join = False, True  # the note closes an article's opening matter: its text follows
        elif blockless and report_after_picture(frags[i - 1], f):
            sure, join = False, True
        elif subhead_asked(frags[i - 1], blockless) and continues_past_subhead(page, frags[i - 1], f):
            sure, join = False, True  # however strong the start model's case (a subhead is a headline's shape)
        else:
            goes_on = points_back(page, f)
            sure = logits[i] > START_THRESHOLD and not goes_on
            join = not sure and continues_lead_in(page, frags[i - 1], f)
        if sure:
            options = [(h.score + SURE_START_SCORE, h, -1) for h in beam]
        elif join:
            # the only choice: the thread of the fragment just before
            scores = score_threads(beam, joins, quotes, i, ordinals)
            options = [(h.score + scores[h.threads[h.latest]], h, h.latest) for h in beam]
        else:
            new_logit = NO_NEW_THREAD if goes_on else new_thread_logit(logits, quotes, i)
            options = near_best_options(beam, score_threads(beam, joins, quotes, i, ordinals), new_logit, offset,
                                        rivals if rivals.weak[i] else None, i)
        options.sort(key=TOTAL, reverse=True)  # stable: on a tie the earlier option (a join) wins
        floor = options[0][0] - BEAM_MARGIN
        beam = [extend(h, ti, i, groups, total) for total, h, ti in options[:BEAM_WIDTH] if total >= floor]
    return build_threads(beam[0], frags, feats, logits, Scorer(joins, quotes, groups, offset, ordinals, rivals))


def new_thread_logit(logits: list[float], quotes: QuoteBalance, i: int) -> float:
    """The log-odds of fragment i opening a thread: the start model's, and its closing quote
    marks (nothing is open on a new thread); the beam adds the offset."""
    return logits[i] + quotes.new_thread_term(i)


def points_back(page: Page, frag: Fragment) -> bool:
    """The fragment opens with a word pointing back to text before it (`paragraphs.refers_back`:
    这, 他, 因此, 同时…, or a later step of an enumeration: 二是, 第三，) and no head line stands right over it: it goes on with an article,
    it does not open one. Of the dev gold paragraphs of 20 characters or more, 1 of 303 first
    paragraphs opens so (an essay under its own headline: `那是1995年的1月中旬…`, dev raw page
    23, whence the head line) and 74 of 888 later ones; pdftotext cuts such a paragraph off at
    a blank line (dev page 29: `同时，以各种名义进入广东各地…`, a thread of its own)."""
    if any(ln.kind == "head" for ln in lines_around(page, frag, after=False)):
        return False
    return refers_back(strip_ws(frag.first.text))


def subhead_asked(prev: Fragment, blockless: bool) -> bool:
    """Is `continues_past_subhead` asked of the fragment after `prev`? In a dump without blank
    lines always; in one with blank lines (pdftotext's, SUBHEAD_IN_BLOCK_DUMPS) where `prev`
    stops mid-sentence at full width: the head lines then stand inside an article's text,
    whatever they are (a body line taken for a head line: dev page 4 `…如今，` / `这里实行了———`;
    another article's headline that pdftotext prints inside this article's column: page 29
    `…自然和人文景` / `罗布泊可望找到淡水阿其` / `克谷地勘查出淡水富存区` / `观的同时…`), and the text
    after them that shares the text before's vocabulary goes on with it. It was asked of dumps
    without blank lines only, and on dev pdftotext pages 1-40 it holds at 5 breaks so (pages 4,
    10, 29, 30, 37), the text after the lines in the gold article of the text before each time
    (body_char_acc pages 1-20 / 21-40: 0.9165 / 0.8789 -> 0.9168 / 0.8820 with
    `paragraph_tail_line`). After a finished sentence the lines may be a headline over another
    article on the same subject, which the text-similarity test cannot tell from a subhead: not
    asked there (6 such breaks on dev pdftotext, 5 of which the beam joins without it)."""
    return blockless or (SUBHEAD_IN_BLOCK_DUMPS and prev.end == "open")


# `one_line_subhead_break` is not taken where the text before ends on a question: a question
# closing the text right before a short head line is, on the simulated TRAIN pdftotext pages, as
# often a headline's question read as body (`企业破产厂长“破产”吗？` over its subtitle, `……怎么过年？`
# over a byline's stray name) as a section's last sentence: 5 of 8 wrong joins there, 5 of 83
# right ones (one subhead, five times). Asking `continues_past_subhead` at such breaks in
# pdftotext dumps too (after a finished sentence) joined 78 subheads on TRAIN but failed the
# held-out gate (pdftotext byline and source): not done there.
QUESTION_ENDS: Final = ("？", "?", "？”", "?”")
ONE_LINE_SUBHEAD_REASON: Final = "head:short_unpunctuated"


def one_line_subhead_break(page: Page, prev: Fragment, frag: Fragment) -> bool:
    """One short unpunctuated head line alone between `prev`, closed on a finished sentence
    that is not a question (QUESTION_ENDS), and `frag`, opening indented: a one-line subhead's
    shape (`subhead_min_cosine`)."""
    if prev.end == "open" or frag.start != "indent":
        return False
    if strip_ws(prev.last.text).endswith(QUESTION_ENDS):
        return False
    around = lines_around(page, frag, after=False)
    return len(around) == 1 and ONE_LINE_SUBHEAD_REASON in around[0].reasons


# `subhead_min_cosine` in a dump without blank lines at a `one_line_subhead_break` whose text
# before closes on no bracketed credit (`closing_credits.closing_note`: `…有着积极意义。（章文）`,
# the end of a report, dev raw pages 1 and 33, each over another article's headline). Sim TRAIN
# raw (300 pages), such breaks: cosine >= 0.1: 90 subheads, no article change; >= 0.05: 112
# subheads (`好心上当` … under a story of their own), none; >= 0.03: 118 and 2 article changes.
# Dev raw pages 1-40: the same five subheads at 0.05 as at 0.1, no article change. (pdftotext
# keeps SUBHEAD_MIN_COSINE: two article changes on dev pages 1-40 measure 0.07 and 0.088 there.)
SUBHEAD_LOW_COSINE: Final = 0.05


def subhead_min_cosine(page: Page, prev: Fragment, frag: Fragment) -> float:
    """The cosine `continues_past_subhead` asks of the texts either side of the head lines:
    SUBHEAD_LOW_COSINE at an uncredited `one_line_subhead_break` in a dump without blank lines,
    SUBHEAD_MIN_COSINE elsewhere."""
    if (not separates_blocks(page) and one_line_subhead_break(page, prev, frag)
            and closing_note(last_paragraph(prev.lines)) is None):
        return SUBHEAD_LOW_COSINE
    return SUBHEAD_MIN_COSINE


def continues_past_subhead(page: Page, prev: Fragment, frag: Fragment) -> bool:
    """One or two short head lines stand between two fragments
    whose texts share vocabulary: a subhead inside an article (dev raw page 9: `“假”字了得`
    between two paragraphs on forged art; page 38: `铸就“黄金人”，提前两` / `年实现运行管理自主化`)
    or body lines taken for head lines, not a headline before another article, which shares
    little with the text before it. The fragment goes on the thread of the one before
    (`absorb_subheads` then makes the subhead a paragraph). A line wider than the column is a
    headline; a lead-in opens an article whatever the topic.

    Asked of dumps with blank lines too where the text before stops mid-sentence
    (`subhead_asked`)."""
    if is_lead_in(frag.first.text):
        return False
    around = lines_around(page, frag, after=False)
    if not 1 <= len(around) <= SUBHEAD_MAX_LINES or any(ln.kind != "head" or "head:wider_than_column" in ln.reasons for ln in around):
        return False
    if heads_printed_last(page) and not any(INNER_SENTENCE_MARKS.intersection(ln.text) for ln in around):
        return True
    before = "".join(strip_ws(ln.text) for ln in prev.lines)[-SUBHEAD_WINDOW:]
    after = "".join(strip_ws(ln.text) for ln in frag.lines)[:SUBHEAD_WINDOW]
    return bigram_cosine(before, after) >= subhead_min_cosine(page, prev, frag)


def heads_printed_last(page: Page) -> bool:
    """The page prints its headlines after all its bodies (`heads_tail` aligned a tail of
    headline blocks): one or two head lines inside the body stream where `heads_tail` cut
    nothing are a subhead or body lines taken for head lines, whatever the text on either
    side shares. On simulated raw TRAIN pages whose tail was aligned, 47 such breaks go on
    with the article before (16 of them with a cosine under SUBHEAD_MIN_COSINE: subheads
    `美容美发登门`, `贪心上当` over a new story of the same article), 3 open one (2 on pages
    that print some headlines over their bodies); dev raw page 20 holds one, inside its article.
    Not where a line between holds a sentence mark (INNER_SENTENCE_MARKS): body text taken for a
    head line, which may end the article before. Not on a page whose tail heads only the
    stream's first articles (`tail_find.find_prefix_tail`): the rest print their headlines over
    their bodies (simulated VAL raw body_char_acc 0.9190 with this, 0.9159 without)."""
    return bool(page.scratch.get("tail_blocks")) and not page.scratch.get("heads_tail_prefix")


def near_best_options(beam: list[Hypothesis], scores: dict[Group, float], new_logit: float, offset: float,
                      rivals: RivalCues | None = None, i: int = -1) -> list[tuple[float, Hypothesis, int]]:
    """The options (total score, hypothesis, thread index or -1 for a new thread) of
    continuing each thread of each hypothesis (`scores`, plus RIVAL_CONTENT_BONUS on the `rivals` of
    fragment i when given: they weigh a thread against the hypothesis's other threads) or
    opening a new one (the start log-odds `new_logit` plus `offset`), in that order, leaving
    out those the beam drops anyway: more than BEAM_MARGIN below the best (dev pdftotext
    pages: 42 options a fragment, 8 of them near)."""
    rows = []  # each hypothesis's totals, found once: the best is the max of them all
    best = NO_NEW_THREAD
    for h in beam:
        score, threads = h.score, h.threads
        totals = [score + scores[group] for group in threads]
        if rivals is not None:
            latest = threads[h.latest].members
            for k in rivals.rivals(len(threads), h.latest, len(latest), i, lambda k: threads[k].cosine(i),
                                   rivals.lone(latest), lambda k: threads[k].members[-1]):  # called at once: this h
                totals[k] += RIVAL_CONTENT_BONUS
        new = score + new_logit + offset
        best = max(best, new)
        for total in totals:  # max of two: a comparison in the compiled build, not a call
            best = max(best, total)
        rows.append((h, totals, new))
    floor = best - BEAM_MARGIN
    options = []
    for h, totals, new in rows:
        options += [(total, h, ti) for ti, total in enumerate(totals) if total >= floor]
        if new >= floor:
            options.append((new, h, -1))
    return options


def continues_lead_in(page: Page, prev: Fragment, frag: Fragment) -> bool:
    """`frag` starts mid-sentence right after a fragment that stops inside a lead-in byline,
    with only a column break between (`本报讯（记者 林晓 许` / `文）3月5日，记者从江川市` /
    blank): a lead-in is always followed by its own article's text. (With a line between, as
    a joint credit on dev page 15, the order is not that simple.)"""
    if prev.end != "open" or frag.start not in ("open", "short") or not in_lead_in(prev, len(prev.lines) - 1):
        return False
    if lines_around(page, frag, after=False):
        return False
    # a lead-in cut inside its bracket goes on with the bracket's close (dev page 33: not
    # `本报讯（记者 潘洁纨` / `泰铢贬值国际炒家兴风作浪`, a headline line)
    tail, head = prev.last.text, frag.first.text
    unclosed = tail.count("（") + tail.count("(") > tail.count("）") + tail.count(")")
    return not unclosed or "）" in head or ")" in head


def score_threads(beam: list[Hypothesis], joins: JoinLogits, quotes: QuoteBalance, i: int,
                  ordinals: OrdinalTurns | None = None) -> dict[Group, float]:
    """The link log-odds of fragment i continuing each thread of the beam, with the quote cue
    (`quotes`) and the ordinal cue (`ordinals`, when given: `ordinals.OrdinalTurns`).

    Hypotheses share most threads, so each thread is scored once (a group hashes by
    identity); and many threads end with the same fragment, so each join (`joins`, the
    page's `link_model.JoinLogits`) is scored once. Each score depends only on its thread, so
    the order they are scored in does not matter.
    """
    cos_weight = LINK_WEIGHTS["cos"] * 10  # the cosine term is (weight * 10) * cosine
    scores: dict[Group, float] = {}
    seen: dict[int, float] = {}
    for h in beam:
        for group in h.threads:
            if group in scores:
                continue  # an earlier hypothesis's thread too
            latest = group.members[-1]
            join = seen.get(latest)
            if join is None:
                join = seen[latest] = joins.logit(latest, i)
            scores[group] = join + cos_weight * group.cosine(i)
    if quotes.closers[i]:  # rare: most fragments close nothing they did not open
        for group in scores:
            scores[group] += quotes.term(group.members, i)
    if ordinals is not None and ordinals.later[i]:  # rare too: a step 2 or later of a series
        for group in scores:
            scores[group] += ordinals.term(group.members, i)
    return scores


def extend(h: Hypothesis, ti: int, i: int, groups: GroupMaker, score: float) -> Hypothesis:
    """Hypothesis h with fragment i opening a thread (ti == -1) or joining thread ti."""
    if ti == -1:
        threads = h.threads + (groups.single(i),)
        ti = len(threads) - 1
    else:
        threads = h.threads[:ti] + (groups.plus(h.threads[ti], i),) + h.threads[ti + 1 :]
    return Hypothesis(score, threads, ti)


class Scorer:
    """What scored the beam's choices, kept to say in each join's reason what it scored."""

    __slots__ = ("joins", "quotes", "groups", "offset", "ordinals", "rivals")

    def __init__(self, joins: JoinLogits, quotes: QuoteBalance, groups: GroupMaker, offset: float,
                 ordinals: OrdinalTurns, rivals: RivalCues) -> None:
        self.joins = joins
        self.quotes = quotes
        self.groups = groups  # every thread the beam scored, by its members
        self.offset = offset
        self.ordinals = ordinals
        self.rivals = rivals

    def link(self, members: tuple[int, ...], i: int) -> float:
        """The link log-odds of fragment i going on after the thread of `members`."""
        return (self.joins.logit(members[-1], i) + LINK_WEIGHTS["cos"] * 10 * self.groups.made[members].cosine(i)
                + self.quotes.term(members, i) + self.ordinals.term(members, i))


def build_threads(h: Hypothesis, frags: list[Fragment], feats: list[dict], logits: list[float],
                  scorer: Scorer) -> list[Thread]:
    """The chosen hypothesis as threads, with paragraph starts and reasons on the lines: a
    join's reason gives its link log-odds (with the rival cue's term) and what opening a new
    thread scored instead (`reassemble:after_line_35:+2.41:new-0.53`), and `:rival_content`
    when the rival cue raised it (`thread_rivals`)."""
    threads = []
    for ti, group in enumerate(h.threads):
        first, *rest = group.members
        t = Thread(fragments=[frags[first]], reason=start_reason(feats[first], logits[first]))
        frags[first].first.para_start = True
        frags[first].first.because(t.reason)
        for n, k in enumerate(rest, 1):
            link, rival = scorer.link(group.members[:n], k), ""
            if scorer.rivals.weak[k]:
                link, rival = rival_link(h, ti, k, link, scorer)
            score = f"{link:+.2f}:new{new_thread_logit(logits, scorer.quotes, k) + scorer.offset:+.2f}{rival}"
            _join(t.fragments[-1], frags[k], score)
            t.fragments.append(frags[k])
        threads.append(t)
    return threads


def rival_link(h: Hypothesis, ti: int, k: int, link: float, scorer: Scorer) -> tuple[float, str]:
    """The link log-odds of fragment k joining thread ti of the chosen hypothesis plus the
    rival cue's term (`thread_rivals`), weighed against the threads as they stood before k,
    and its tag."""
    before = [(n, tuple(m for m in g.members if m < k)) for n, g in enumerate(h.threads)]
    before = [(n, members) for n, members in before if members]
    threads = [members for _, members in before]
    at = [n for n, _ in before].index(ti)
    latest = next((x for x, members in enumerate(threads) if k - 1 in members), -1)
    space = scorer.groups.space
    size = len(threads[latest]) if latest >= 0 else 0
    lone = size == 1 and scorer.rivals.lone(threads[latest])
    if at not in scorer.rivals.rivals(len(threads), latest, size, k, lambda x: space.cosine(k, threads[x]),
                                      lone, lambda x: threads[x][-1]):
        return link, ""
    after_text = RIVAL_MISMATCH_REASON if scorer.rivals.mismatch[k] else ""
    return link + RIVAL_CONTENT_BONUS, ":rival_content" + (RIVAL_LONE_REASON if lone else "") + after_text


def _join(latest: Fragment, f: Fragment, score: str) -> None:
    goes_on = goes_on_paragraph(latest, f)
    f.first.para_start = not goes_on
    f.first.because(f"reassemble:after_line_{latest.last.no}:{score}" + (":reads_on" if goes_on else ""))


def absorb_subheads(page: Page, threads: list[Thread]) -> None:
    """One or two head lines (SUBHEAD_MAX_LINES) between two pieces of one thread are a
    subhead paragraph (dev raw page 38: `铸就“黄金人”，提前两` / `年实现运行管理自主化`; the
    gold keeps subheads as paragraphs).

    Articles carry unpunctuated one-line paragraphs (`换个思路找出路`, dev page 30) that look
    like one-line headlines; when the text before and after it reads as one article, the
    line is that article's paragraph. Where the text runs across the lines instead (the piece
    before stops mid-sentence, or the piece after starts mid-sentence), in a dump without blank
    lines, they are body lines where they stand (`_run_on_lines`).
    """
    where: dict[int, tuple[Thread, int]] = {}
    for t in threads:
        for i, f in enumerate(t.fragments):
            where[f.order] = (t, i)
    frags: list[Fragment] = page.scratch.get("fragments", [])
    blockless = not separates_blocks(page)  # where blank lines part blocks, a head line there is another article's
    for f, g in zip(frags, frags[1:]):
        between = lines_around(page, f, after=True)
        if not 1 <= len(between) <= SUBHEAD_MAX_LINES or any(ln.kind != "head" for ln in between):
            continue
        if g.order not in where or f.order not in where:
            continue
        (tf, i), (tg, j) = where[f.order], where[g.order]
        if tf is not tg or j != i + 1:
            continue
        if f.end == "open" or not _opens_under_subhead(g, page.column_width):
            if blockless and (f.end == "open" or g.start == "open"):
                _run_on_lines(tf, g, between, f.order, ends_paragraph(f.lines[-1], page.column_width, len(f.lines) == 1))
            elif paragraph_tail_line(f, g, between):
                _run_on_lines(tf, g, between, f.order, False, PARAGRAPH_TAIL_REASON)
            continue
        to_body_lines(between, "body:subhead_inside_article", True)
        sub = Fragment(lines=between, start="indent", end="closed", order=f.order)
        tf.fragments.insert(_position(tf.fragments, g), sub)
        g.first.para_start = True


RUN_ON_REASON = "body:runs_on_across_head_line"


# Head lines that finish a paragraph across a blank line in a dump with blank lines
# (`paragraph_tail_line`): at most this many. Dev pdftotext pages 4 and 37 (`…如今，` /
# `这里实行了———` / indented `江西省…`; `…威胁` / `群众健康` / indented `国家医药管理局…`): the
# line was left over once its two neighbours were joined, lost from the body (pages 1-20 para_f1
# 0.9065 -> 0.9080 with SUBHEAD_IN_BLOCK_DUMPS on). Two lines
# there are a headline (dev pages 10, 29, 30: another article's, printed inside the column).
PARAGRAPH_TAIL_LINES = 1
PARAGRAPH_TAIL_REASON: Final = "body:paragraph_tail_across_head_line"


def paragraph_tail_line(f: Fragment, g: Fragment, between: list[Line]) -> bool:
    """Head lines (at most PARAGRAPH_TAIL_LINES, none wider than the column) between two pieces
    of one thread, the piece before stopping mid-sentence and the piece after opening indented:
    the line is the short last line of the paragraph the piece before leaves open, taken for a
    headline's shape where blank lines stand round it (`absorb_subheads` asks it of dumps with
    blank lines; those without run such lines on in any case)."""
    return (len(between) <= PARAGRAPH_TAIL_LINES and f.end == "open" and g.start == "indent"
            and not any("head:wider_than_column" in ln.reasons for ln in between))


def _run_on_lines(thread: Thread, g: Fragment, between: list[Line], order: int, after_paragraph: bool,
                  reason: str = RUN_ON_REASON) -> None:
    """Head lines between two pieces of one thread where the text runs across them (the piece
    before stops mid-sentence, or the piece after starts mid-sentence) are body lines of the
    paragraph they stand in, not a subhead: the classifier took them for a headline's shape
    (dev raw and PyMuPDF page 37: `…是任何语言都不能比拟的。` / `我 听 惯 了` (letter-spaced) /
    `“Youarewelcome”等套`, and `…未取得注册证，威胁` / `群众健康` / `国家医药管理局日前`,
    both left over as headlines). They go in where they stand, opening a paragraph only after
    a line that ends one (`after_paragraph`, `paragraphs.ends_paragraph`: a short line ending in
    a mark; page 18: `灌溉农田5万多亩。` / `石 漫 滩 水 库 初 建 于` / `1951年，是新中国成立`). Only in
    dumps without blank lines: in pdftotext's, a thread runs across other articles' headlines
    (dev pdftotext 1-20 headline_acc 0.7826 -> 0.7578 with it there); there only a
    `paragraph_tail_line` goes in so (`reason`: PARAGRAPH_TAIL_REASON)."""
    to_body_lines(between, reason, after_paragraph)
    thread.fragments.insert(_position(thread.fragments, g), Fragment(lines=between, start="open", end="open", order=order))


def to_body_lines(lines: list[Line], reason: str, opens_paragraph: bool) -> None:
    """Head lines read back as body lines of the text they stand in (a subhead, lines the text
    runs across), the first opening a paragraph when `opens_paragraph`; each records `reason`."""
    for k, line in enumerate(lines):
        line.kind, line.para_start = "body", opens_paragraph and k == 0
        line.because(reason)


def _opens_under_subhead(frag: Fragment, width: float) -> bool:
    """The piece under a subhead opens as a paragraph does: indented, or one em short and
    ending in a mark (`para_cues.one_em_short`: an indented first line whose marks are set
    half-width, which the paragraph stage takes for an opening after a finished sentence too).
    Dev raw and PyMuPDF page 30: `扶贫要扶志，更要扶智。` under the subhead `智力扶贫强素质`,
    which went to another article's headline, the two pieces joined without it."""
    return frag.start == "indent" or one_em_short(frag.first, width)


def _position(fragments: list[Fragment], frag: Fragment) -> int:
    """Where `frag` stands in `fragments` now (by identity). `absorb_subheads` reads the
    threads' positions once, before its insertions: each subhead put in shifts the thread's
    later pieces one place on, so an article's second subhead went in one place too early,
    right after the first (dev raw and PyMuPDF page 18: `十年耕耘` then `十年收获`, both before
    the text the first one heads)."""
    for k, f in enumerate(fragments):
        if f is frag:
            return k
    raise ValueError("fragment not in its thread")


def reassemble(page: Page) -> Page:
    """Thread the page's fragments (`page.scratch["threads"]`), a fragment printed before the
    text it continues moved after it (`reorder.reorder_threads`), two pieces printed row by
    row swapped (`thread_order`), two columns printed side by side read one after the other
    (`column_chains`), a roundup's items on one thread (`roundups.merge_roundups`)."""
    frags = prepare_fragments(page)
    space = content_space(frags)
    joins = JoinLogits(frags, space.texts)  # its page text serves the reordering too
    threads = reorder_threads(frags, thread_fragments(page, frags, space, joins), joins.text)
    order_threads(threads)
    if COLUMN_CHAINS:
        for t in threads:
            split_columns_back(t.fragments)
    absorb_subheads(page, threads)
    page.scratch["threads"] = merge_roundups(page, threads)
    return page
