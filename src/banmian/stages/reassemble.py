"""Reassemble: put fragments of interleaved columns back in reading order, as threads.

pdftotext walks a page column by column, so the columns of articles stacked in one slot
interleave (dev pages 7, 8): article A's first column, article B's first column, A's second
column... Each fragment, in input order, either opens a new thread (an article) or goes on
the thread it continues best:

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
# it does when its start log-odds above WEAK_START_THRESHOLD, times START_SCALE, beat its
# best thread score.
WEAK_START_THRESHOLD = -4.0
START_SCALE = 0.1


@dataclass(slots=True)
class Thread:
    """An article's body text so far: fragments in reading order, and a content profile."""

    fragments: list[Fragment] = field(default_factory=list)
    content: Group | None = None
    reason: str = ""

    @property
    def latest(self) -> Fragment:
        return self.fragments[-1]


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


def thread_fragments(page: Page, frags: list[Fragment]) -> list[Thread]:
    """Decide the article starts, then give every other fragment, in input order, to the
    thread it continues best."""
    space = content_space(frags)
    threads: list[Thread] = []
    holder: dict[int, Thread] = {}
    for i, f in enumerate(frags):
        feats = start_features(page, frags, space, i)
        logit = start_logit(feats)
        best, best_score = None, float("-inf")
        if logit <= START_THRESHOLD and not f.no_predecessor:
            best, best_score = best_thread(threads, i, f, holder.get(f.order - 1))
        if best is not None and logit > WEAK_START_THRESHOLD and best_score < START_SCALE * (logit - WEAK_START_THRESHOLD):
            best = None  # a likely start that fits no article well
        if best is None:
            t = Thread(fragments=[f], content=Group(space, i), reason=start_reason(feats, logit))
            f.first.para_start = True
            f.first.because(t.reason)
            threads.append(t)
            holder[f.order] = t
            continue
        _join(best.latest, f, best_score)
        best.fragments.append(f)
        best.content.add(i)
        holder[f.order] = best
    return threads


def best_thread(threads: list[Thread], i: int, f: Fragment, prev_thread: Thread | None) -> tuple[Thread | None, float]:
    """The thread fragment `f` (piece i of the content space) continues best, and its score;
    the first of equal scores wins. `prev_thread` holds the fragment just before `f`."""
    best, best_score = None, float("-inf")
    for t in threads:
        s = t.content.cosine(i) + sentence_fit(t.fragments[-1], f)
        if t is prev_thread:
            s += ADJACENT_BONUS
        if s > best_score:
            best, best_score = t, s
    return best, best_score


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
