"""Thread beam: thread a page's fragments in input order by a beam search, into `Thread`s.

Each fragment, in input order, either opens a new thread (an article) or goes on the thread it
continues best; the beam keeps the BEAM_WIDTH best partial threadings so that a later fragment
can undo an early wrong choice:

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
  the one just before (`thread_rivals`); text read on past a subhead goes on the thread
  before it (`thread_subheads`).

The chosen threading becomes threads (`thread_build.build_threads`), with paragraph starts and
each choice's reason on the lines.
"""
from __future__ import annotations

from typing import Final

from operator import itemgetter

from banmian.article_starts import (START_THRESHOLD, firm_start, indented_head_shares, lines_around, start_features,
                                    start_logit)
from banmian.caption_starts import CAPTION_START_REASON, caption_start_bonuses
from banmian.fragment_cuts import last_two_lines, refers_back, report_after_picture
from banmian.fragment_runs import in_lead_in
from banmian.line_shape import separates_blocks
from banmian.link_model import LINK_WEIGHTS, JoinLogits, QuoteBalance, joined_texts
from banmian.model import ROUNDUP_ITEMS_KEY, Fragment, Page
from banmian.ordinals import OrdinalTurns
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import ends_with_picture_note
from banmian.similarity import ContentSpace, Group, GroupMaker
from banmian.tail_lead_ins import PASSED_REASON, doubted_lead_in
from banmian.thread_rivals import RIVAL_CONTENT_BONUS, RivalCues
from banmian.thread_subheads import continues_past_subhead, subhead_asked, subhead_in_series
# the chosen threading made threads (`Thread`, `_join` still imported from here: tests, reassemble, short pieces)
from banmian.thread_build import Scorer, Thread as Thread, _join as _join, build_threads, new_thread_logit

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
SURE_START_SCORE: Final = 10.0  # a sure start is the only choice; its score does not rank hypotheses
NO_NEW_THREAD: Final = float("-inf")  # the start log-odds of a fragment that cannot open an article
# Partial threadings kept by the beam search (dev 1-40 pdftotext body_char_acc with the link
# model: 4: 0.771, 8: 0.788, 16: 0.779; the greedy choice was 0.716 with the earlier scores).
# Sim TRAIN (300 pdftotext pages): 4: 0.7945, 8: 0.7991, 12: 0.7998, 16: 0.8000 (raw, PyMuPDF
# unchanged); BEAM_MARGIN 2: 0.7983, 3: 0.7991, 4.5: 0.7988 (2 and 4.5 lower dev 1-20).
BEAM_WIDTH = 8
BEAM_MARGIN: Final = 3.0  # log-odds: hypotheses this far below the best are dropped
# Raise the start log-odds of an indented paragraph printed right under a picture's caption after
# another piece's finished text (`caption_starts`; pdftotext dumps only): wrong-article joins on
# the simulated TRAIN pdftotext pages (`bench/misplaced.py`).
CAPTION_STARTS = True
TOTAL: Final = itemgetter(0)  # an option (total score, hypothesis, thread index)'s total: the sort key


def content_space(frags: list[Fragment]) -> ContentSpace:
    """The fragments' TF-IDF bigram space, IDF over the page's own fragments (`space.texts`:
    their `joined_texts`)."""
    return ContentSpace(joined_texts(frags))


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
                     joins: JoinLogits | None = None, shares: dict[int, list[float]] | None = None) -> list[Thread]:
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
    if shares is None:
        shares = indented_head_shares(page, frags, space.texts)
    feats = [start_features(page, frags, space, i, shares) for i in range(len(frags))]
    logits = [start_logit(f) for f in feats]
    blockless = not separates_blocks(page)  # a scan of the page's lines: once, not per fragment
    bonuses = [0.0] * len(frags) if blockless or not CAPTION_STARTS else caption_start_bonuses(page, frags, space.texts)
    logits = [x + b for x, b in zip(logits, bonuses)]
    offset = NEW_THREAD_OFFSET_NO_BLANKS if blockless else NEW_THREAD_OFFSET
    groups = GroupMaker(space)  # hypotheses share the groups they reach alike
    if joins is None:
        joins = JoinLogits(frags, space.texts)
    quotes = QuoteBalance(frags, space.texts)
    ordinals = OrdinalTurns(space.texts)
    rivals = RivalCues(frags, lambda j, k: joins.join_parts(j, k)[0])
    open_ends = [f.end == "open" and not f.no_successor for f in frags]  # `dangling_terms`
    beam = [Hypothesis(0.0, (), -1)]
    roundup_items = page.scratch.get(ROUNDUP_ITEMS_KEY, set())
    for i, f in enumerate(frags):
        goes_on = False
        if i == 0 or firm_start(page, f):
            sure, join = True, False
        elif id(f.first) in roundup_items:
            sure, join = False, True  # a digest's later item (`heads_tail`): its lead-in opens no article
        elif doubted_lead_in(page, f, logits[i]):
            sure, join = False, True  # a lead-in no block of a whole heads tail heads (`tail_lead_ins`)
            f.first.because(PASSED_REASON)
        elif blockless and ends_with_picture_note(last_two_lines(frags[i - 1])):
            sure, join = False, True  # the note closes an article's opening matter: its text follows
        elif blockless and report_after_picture(frags[i - 1], f):
            sure, join = False, True
        elif ((subhead_asked(frags[i - 1], blockless) and continues_past_subhead(page, frags[i - 1], f))
              or subhead_in_series(page, frags, i)):
            sure, join = False, True  # however strong the start model's case (a subhead is a headline's shape)
        else:
            goes_on = points_back(page, f)
            sure = logits[i] > START_THRESHOLD and not goes_on
            join = not sure and continues_lead_in(page, frags[i - 1], f)
        if sure:
            options = [(h.score + SURE_START_SCORE, h, -1) for h in beam]
        elif join:
            # the only choice: the thread of the fragment just before
            score_threads(beam, joins, quotes, i, ordinals)
            options = [(h.score + h.threads[h.latest].score, h, h.latest) for h in beam]
        else:
            new_logit = NO_NEW_THREAD if goes_on else new_thread_logit(logits, quotes, i)
            score_threads(beam, joins, quotes, i, ordinals)
            options = near_best_options(beam, new_logit, offset, rivals if rivals.weak[i] else None, i,
                                        dangling_terms(beam, open_ends, frags, joins, i))
        options.sort(key=TOTAL, reverse=True)  # stable: on a tie the earlier option (a join) wins
        floor = options[0][0] - BEAM_MARGIN
        beam = [extend(h, ti, i, groups, total) for total, h, ti in options[:BEAM_WIDTH] if total >= floor]
    threads = build_threads(beam[0].threads, frags, feats, logits, Scorer(joins, quotes, groups, offset, ordinals, rivals))
    if any(bonuses):  # the opening the caption cue raised says so
        at = {id(f): k for k, f in enumerate(frags)}
        for t in threads:
            if bonuses[at[id(t.fragments[0])]]:
                t.fragments[0].first.because(CAPTION_START_REASON)
    return threads


def points_back(page: Page, frag: Fragment) -> bool:
    """The fragment opens with a word pointing back to text before it (`fragment_cuts.refers_back`:
    这, 他, 因此, 同时…, or a later step of an enumeration: 二是, 第三，) and no head line stands right over it: it goes on with an article,
    it does not open one. Of the dev gold paragraphs of 20 characters or more, 1 of 303 first
    paragraphs opens so (an essay under its own headline: `那是1995年的1月中旬…`, dev raw page
    23, whence the head line) and 74 of 888 later ones; pdftotext cuts such a paragraph off at
    a blank line (dev page 29: `同时，以各种名义进入广东各地…`, a thread of its own)."""
    if any(ln.kind == "head" for ln in lines_around(page, frag, after=False)):
        return False
    return refers_back(strip_ws(frag.first.text))


# A thread left stopping mid-sentence wants the fragment that carries its sentence on: where a
# fragment opens mid-line (start "open") right after a fragment that finished its sentence (end
# "closed" or "maybe"), and another thread of the hypothesis stops mid-sentence (end "open", no
# jump or credit closing it) with a dictionary word or mark across the break to the fragment
# (`language.join_score` > 0), joining the thread just before scores this much less. The
# adjacency weight (`link_model`) sent such fragments to the thread just before: on sim TRAIN
# pdftotext pages 1-300 (gold threading), of fragments opening mid-line after a finished
# sentence, the thread just before is their own for 229 of 251 when no other thread stops
# mid-sentence, for 283 of 544 when one does. Sim TRAIN pdftotext body_char_acc / article_exact
# (0: 0.8304 / 0.5545): -0.5: 0.8311 / 0.5549, -1: 0.8312 / 0.5553, -2: 0.8302 / 0.5557, -3:
# 0.8288 / 0.5533; without the join condition -0.3: 0.8325 / 0.5545, but it sends dev page 4's
# `以上这些教训可谓惨痛。` (a sentence opening a column) to a thread of its own (dev 1-20 exact
# 0.6832 -> 0.6770); penalising the new thread alike (only the other threads gain): -0.3: 0.8320.
DANGLING_END: Final = -1.0


def dangling_terms(beam: list[Hypothesis], open_ends: list[bool], frags: list[Fragment], joins: JoinLogits,
                   i: int) -> list[float] | None:
    """Per hypothesis of the beam, what DANGLING_END takes off fragment i joining the thread just
    before it (None when fragment i does not open mid-line after a finished sentence, or no
    hypothesis gets the term: `near_best_options` then takes its quicker path, same options);
    `open_ends`: each fragment stops mid-sentence, no jump or credit closing it."""
    if i == 0 or frags[i].start != "open" or frags[i - 1].end == "open":
        return None
    out = []
    for h in beam:
        term = 0.0
        for k, group in enumerate(h.threads):
            latest = group.members[-1]
            if k != h.latest and open_ends[latest] and joins.join_parts(latest, i)[0] > 0:
                term = DANGLING_END
                break
        out.append(term)
    # no term anywhere: None, the same options from `near_best_options`' quicker path
    return out if DANGLING_END in out else None


def near_best_options(beam: list[Hypothesis], new_logit: float, offset: float,
                      rivals: RivalCues | None = None, i: int = -1,
                      dangling: list[float] | None = None) -> list[tuple[float, Hypothesis, int]]:
    """The options (total score, hypothesis, thread index or -1 for a new thread) of
    continuing each thread of each hypothesis (each thread's `score_threads` score, plus RIVAL_CONTENT_BONUS on the `rivals` of
    fragment i when given: they weigh a thread against the hypothesis's other threads) or
    opening a new one (the start log-odds `new_logit` plus `offset`), in that order, leaving
    out those the beam drops anyway: more than BEAM_MARGIN below the best (dev pdftotext
    pages: 42 options a fragment, 8 of them near). `dangling`: each hypothesis's `dangling_terms`
    on its thread just before fragment i, when given."""
    if rivals is not None or dangling is not None:
        return _near_best_with_rivals(beam, new_logit, offset, rivals, i, dangling)
    # two passes over the threads' scores (a field each), no list of totals made: the best of
    # them all, then the options near it, each total the same sum as the first pass found
    best = NO_NEW_THREAD
    for h in beam:
        score = h.score
        best = max(best, score + new_logit + offset)
        for group in h.threads:  # max of two: a comparison in the compiled build, not a call
            best = max(best, score + group.score)
    floor = best - BEAM_MARGIN
    options = []
    for h in beam:
        score = h.score
        ti = 0
        for group in h.threads:
            total = score + group.score
            if total >= floor:
                options.append((total, h, ti))
            ti += 1
        new = score + new_logit + offset
        if new >= floor:
            options.append((new, h, -1))
    return options


def _near_best_with_rivals(beam: list[Hypothesis], new_logit: float, offset: float, rivals: RivalCues | None,
                           i: int, dangling: list[float] | None = None) -> list[tuple[float, Hypothesis, int]]:
    """`near_best_options` with the rival cue (`rivals`, when given) weighing the threads of each
    hypothesis, and the `dangling_terms` (when given) on each one's thread just before."""
    rows = []  # each hypothesis's totals, found once: the best is the max of them all
    best = NO_NEW_THREAD
    for n, h in enumerate(beam):
        score, threads = h.score, h.threads
        totals = [score + group.score for group in threads]
        if dangling is not None and h.latest >= 0:
            totals[h.latest] += dangling[n]
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
                  ordinals: OrdinalTurns | None = None) -> list[Group]:
    """The link log-odds of fragment i continuing each thread of the beam, with the quote cue
    (`quotes`) and the ordinal cue (`ordinals`, when given: `ordinals.OrdinalTurns`), set as
    each thread's `score` (its `scored_for` set to i); the threads scored, each once.

    Hypotheses share most threads, so each thread is scored once (a group scored for i
    already is skipped: a field read, not a dict lookup); and many threads end with the same
    fragment, so each join (`joins`, the page's `link_model.JoinLogits`) is scored once. Each
    score depends only on its thread, so the order they are scored in does not matter.
    """
    cos_weight = LINK_WEIGHTS["cos"] * 10  # the cosine term is (weight * 10) * cosine
    scored: list[Group] = []
    seen = [_UNSCORED] * i  # the join logit of each fragment before i as a thread's latest
    for h in beam:
        for group in h.threads:
            if group.scored_for == i:
                continue  # an earlier hypothesis's thread too
            group.scored_for = i
            latest = group.members[-1]
            join = seen[latest]
            if join != join:  # NaN: not scored yet
                join = seen[latest] = joins.logit(latest, i)
            group.score = join + cos_weight * group.cosine(i)
            scored.append(group)
    if quotes.closers[i]:  # rare: most fragments close nothing they did not open
        for group in scored:
            group.score += quotes.term(group.members, i)
    if ordinals is not None and ordinals.later[i]:  # rare too: a step 2 or later of a series
        for group in scored:
            group.score += ordinals.term(group.members, i)
    return scored


_UNSCORED: Final = float("nan")  # `score_threads`' mark of a join not scored yet (a logit is never NaN)


def extend(h: Hypothesis, ti: int, i: int, groups: GroupMaker, score: float) -> Hypothesis:
    """Hypothesis h with fragment i opening a thread (ti == -1) or joining thread ti."""
    if ti == -1:
        threads = h.threads + (groups.single(i),)
        ti = len(threads) - 1
    else:
        changed = list(h.threads)  # one copy, not two slices and two concatenations
        changed[ti] = groups.plus(changed[ti], i)
        threads = tuple(changed)
    return Hypothesis(score, threads, ti)
