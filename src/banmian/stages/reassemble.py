"""Reassemble: put fragments of interleaved columns back in reading order, as threads.

pdftotext walks a page column by column, so the columns of articles stacked in one slot
interleave (dev pages 7, 8): article A's first column, article B's first column, A's second
column... Each fragment, in input order, either opens a new thread (an article) or goes on
the thread it continues best; a beam search keeps the BEAM_WIDTH best partial threadings so
that a later fragment can undo an early wrong choice:

- does it open an article? `article_starts` weighs a headline block or byline before it, a
  lead-in byline (本报讯, 新华社…电) or continuation note (上接) opening it, and how little it
  shares with the text just before;
- which thread does it continue? content (shared names and terms: TF-IDF bigram cosine),
  order (the thread holding the fragment just before it in the input), and the join: a
  fragment that starts mid-sentence continues a thread whose latest fragment stops
  mid-sentence, better when a dictionary word spans the join (`language`).

Within a thread, fragments keep input order: the walk meets an article's columns in order
(84% of dev articles have their fragments in input order).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from banmian.article_starts import START_THRESHOLD, lines_around, start_features, start_logit, start_reason
from banmian.language import join_score
from banmian.model import Fragment, Line, Page, line_positions
from banmian.similarity import ContentSpace, Group

# Scores are in cosine units (0..1 similarity of a fragment with a thread's text), tuned by
# coordinate search on dev pages 1-40 (body_char_acc + 0.3 para_f1 + 0.3 article_exact).
ADJACENT_BONUS = 0.18  # the thread holding the fragment just before in the input
SENTENCE_FIT = 0.04  # mid-sentence start after a mid-sentence stop
SENTENCE_MISFIT = 0.15  # mid-sentence start after a paragraph end, or the reverse
JOIN_WEIGHT = 0.15  # per point of `language.join_score` across the join
# Below START_THRESHOLD a fragment may still open an article when it fits no thread well:
# opening one scores START_SCALE times its start log-odds above WEAK_START_THRESHOLD.
WEAK_START_THRESHOLD = -4.0
START_SCALE = 0.1
SURE_START_SCORE = 10.0  # a sure start is the only choice; its score does not rank hypotheses
# Partial threadings kept by the beam search (dev 1-40 body_char_acc: 1 (greedy) 0.716,
# 4: 0.738, 8: 0.751, 16: 0.755, 32: 0.757; held-out 41-60: 0.698, 0.722, 0.729, 0.728, 0.726)
BEAM_WIDTH = 8
BEAM_MARGIN = 0.25  # hypotheses this far below the best are dropped (dev: same result as none at 0.2+)


@dataclass(slots=True)
class Thread:
    """An article's body text: its fragments in reading order, and why it opened."""

    fragments: list[Fragment] = field(default_factory=list)
    reason: str = ""


def neighbour_kinds(page: Page, frag: Fragment, after: bool) -> list[str]:
    """Kinds of the non-blank, non-body lines directly after (or before) a fragment."""
    return [ln.kind for ln in lines_around(page, frag, after)]


def sentence_fit(latest: Fragment, frag: Fragment) -> float:
    """Does `frag` read on after a thread's latest fragment, as far as sentences go?"""
    if latest.no_successor:
        return -1.0  # a jump line or a source credit closed the article
    if frag.start in ("open", "short"):
        join = JOIN_WEIGHT * join_score(latest.last.text, frag.first.text)
        if latest.end == "open":
            return SENTENCE_FIT + join
        if latest.end == "closed":
            return -SENTENCE_MISFIT + (SENTENCE_MISFIT if frag.start == "short" else 0.0)
        return join
    if latest.end == "open":
        return -SENTENCE_MISFIT
    return 0.0


def content_space(frags: list[Fragment]) -> ContentSpace:
    """The fragments' TF-IDF bigram space, IDF over the page's own fragments."""
    return ContentSpace([_text(f) for f in frags])


def prepare_fragments(page: Page) -> list[Fragment]:
    """Index the lines and mark fragments a jump/credit closes or a 上接 note opens."""
    page.scratch["line_index"] = line_positions(page.lines)
    frags: list[Fragment] = page.scratch.get("fragments", [])
    for f in frags:
        f.no_successor = any(k in ("jump", "source") for k in neighbour_kinds(page, f, after=True))
        f.no_predecessor = "continued" in neighbour_kinds(page, f, after=False)
    return frags


@dataclass(frozen=True, slots=True)
class Hypothesis:
    """One way of threading the fragments seen so far, with its summed score."""

    score: float
    threads: tuple[Group, ...]  # each thread's fragments (as content-space indexes) and content
    holder: tuple[int, ...]  # the thread index of each fragment so far


def thread_fragments(page: Page, frags: list[Fragment]) -> list[Thread]:
    """Thread the fragments in input order by a beam search over the choices.

    Each fragment opens a thread (an article) or continues one. A fragment whose start
    log-odds pass START_THRESHOLD, or that a 上接 note opens, always opens one; otherwise each
    thread is scored (content cosine + `sentence_fit` after its latest fragment + the
    adjacency bonus) against opening a new one, worth START_SCALE
    times its start log-odds above WEAK_START_THRESHOLD. Keeping the BEAM_WIDTH best partial
    threadings, not only the best, lets a later fragment undo an early wrong choice.
    """
    space = content_space(frags)
    feats = [start_features(page, frags, space, i) for i in range(len(frags))]
    logits = [start_logit(f) for f in feats]
    beam = [Hypothesis(0.0, (), ())]
    for i, f in enumerate(frags):
        sure_start = f.no_predecessor or logits[i] > START_THRESHOLD
        new_score = START_SCALE * (logits[i] - WEAK_START_THRESHOLD) if logits[i] > WEAK_START_THRESHOLD else None
        scored: dict[int, float] = {}  # hypotheses share most threads: score each group once
        fits: dict[int, float] = {}  # and many threads end with the same fragment
        options = []
        for h in beam:
            if sure_start or not h.threads:
                options.append((h.score + SURE_START_SCORE, h, -1))
                continue
            prev = h.holder[i - 1]
            for ti, group in enumerate(h.threads):
                s = scored.get(id(group))
                if s is None:
                    latest = group.members[-1]
                    fit = fits.get(latest)
                    if fit is None:
                        fit = fits[latest] = sentence_fit(frags[latest], f)
                    s = scored[id(group)] = group.cosine(i) + fit
                options.append((h.score + s + (ADJACENT_BONUS if ti == prev else 0.0), h, ti))
            if new_score is not None:
                options.append((h.score + new_score, h, -1))
        options.sort(key=lambda o: -o[0])  # stable: on a tie the earlier option (a join) wins
        floor = options[0][0] - BEAM_MARGIN
        beam = [extend(h, ti, i, space, total) for total, h, ti in options[:BEAM_WIDTH] if total >= floor]
    return build_threads(beam[0], frags, feats, logits)


def extend(h: Hypothesis, ti: int, i: int, space: ContentSpace, score: float) -> Hypothesis:
    """Hypothesis h with fragment i opening a thread (ti == -1) or joining thread ti."""
    if ti == -1:
        threads = h.threads + (Group(space, i),)
        ti = len(threads) - 1
    else:
        threads = h.threads[:ti] + (h.threads[ti].plus(i),) + h.threads[ti + 1 :]
    return Hypothesis(score, threads, h.holder + (ti,))


def build_threads(h: Hypothesis, frags: list[Fragment], feats: list[dict], logits: list[float]) -> list[Thread]:
    """The chosen hypothesis as threads, with paragraph starts and reasons on the lines."""
    threads = []
    for group in h.threads:
        first, *rest = group.members
        t = Thread(fragments=[frags[first]], reason=start_reason(feats[first], logits[first]))
        frags[first].first.para_start = True
        frags[first].first.because(t.reason)
        for k in rest:
            _join(t.fragments[-1], frags[k], 0.0)
            t.fragments.append(frags[k])
        threads.append(t)
    return threads


def _join(latest: Fragment, f: Fragment, score: float) -> None:
    reads_on = latest.end in ("open", "maybe") and f.start in ("open", "short")
    f.first.para_start = not reads_on
    f.first.because(f"reassemble:after_line_{latest.last.no}:{score:.2f}" + (":reads_on" if reads_on else ""))


def _text(f: Fragment) -> str:
    return "".join(ln.text for ln in f.lines)


def absorb_subheads(page: Page, threads: list[Thread]) -> None:
    """A lone short head line between two pieces of one thread is a subhead paragraph.

    Articles carry unpunctuated one-line paragraphs (`换个思路找出路`, dev page 30) that look
    like one-line headlines; when the text before and after it reads as one article, the
    line is that article's paragraph.
    """
    where: dict[int, tuple[Thread, int]] = {}
    for t in threads:
        for i, f in enumerate(t.fragments):
            where[f.order] = (t, i)
    frags: list[Fragment] = page.scratch.get("fragments", [])
    for f, g in zip(frags, frags[1:]):
        between = lines_around(page, f, after=True)
        if len(between) != 1 or between[0].kind != "head" or g.order not in where or f.order not in where:
            continue
        (tf, i), (tg, j) = where[f.order], where[g.order]
        if tf is not tg or j != i + 1 or g.start != "indent" or f.end == "open":
            continue
        line = between[0]
        line.kind = "body"
        line.para_start = True
        line.because("body:subhead_inside_article")
        sub = Fragment(lines=[line], start="indent", end="closed", order=f.order)
        tf.fragments.insert(j, sub)
        g.first.para_start = True


def reassemble(page: Page) -> Page:
    """Thread the page's fragments (`page.scratch["threads"]`)."""
    frags = prepare_fragments(page)
    threads = thread_fragments(page, frags)
    absorb_subheads(page, threads)
    page.scratch["threads"] = threads
    return page
