"""Reassemble: put fragments of interleaved columns back in reading order, as threads.

pdftotext walks a page column by column, so the columns of articles stacked in one slot
interleave (dev pages 7, 8): article A's first column, article B's first column, A's second
column... Each fragment, in input order, either goes on an existing thread (an article's text
so far) or starts a new one. A fragment that starts mid-sentence continues a thread whose
latest fragment stops mid-sentence; the choice among threads weighs several cues:

- the join: does a dictionary word span it, does kinsoku forbid the break (`language`);
- content: the fragment shares names and terms with the thread (TF-IDF bigram cosine);
- order: the thread that holds the fragment just before it in the input;
- evidence for a new article: a headline block or byline right before it, a lead-in byline
  (本报讯, 新华社…电) or a continuation note (上接) opening it.

Within a thread, fragments keep input order: the walk meets an article's columns in order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from banmian.language import join_score
from banmian.model import Fragment, Line, Page
from banmian.rules.furniture import LEAD_IN
from banmian.similarity import add_into, bigram_counts, cosine, idf_of, weigh

# Scores are in cosine units (0..1 similarity of a fragment with a thread's text).
# Tuned on dev pages 1-40 with `bench/tune.py`; see the commit that set them.
ADJACENT_BONUS = 0.18  # the thread holding the fragment just before in the input
SENTENCE_FIT = 0.04  # mid-sentence start after a mid-sentence stop
SENTENCE_MISFIT = 0.15  # mid-sentence start after a paragraph end, or the reverse
JOIN_WEIGHT = 0.15  # per point of `language.join_score` across the join
NEW_THREAD_BASE = 0.0
HEADLINE_EVIDENCE = 0.5
LONE_HEAD_LINE_EVIDENCE = 0.2  # one short head line may be a subhead inside an article
BYLINE_EVIDENCE = 0.45
LEAD_IN_EVIDENCE = 1.0
CONTINUED_EVIDENCE = 2.0  # `（上接第一版）` always opens an article
# While fewer articles are open than the page has headline blocks, any paragraph start may
# open one of the missing articles (dev page 11: headlines all printed at the top).
HEADLINE_BUDGET_EVIDENCE = 0.2


@dataclass(slots=True)
class Thread:
    """An article's body text so far: fragments in reading order, and a content profile."""

    fragments: list[Fragment] = field(default_factory=list)
    profile: dict = field(default_factory=dict)
    reason: str = ""

    @property
    def latest(self) -> Fragment:
        return self.fragments[-1]


def lines_around(page: Page, frag: Fragment, after: bool) -> list[Line]:
    """The non-blank, non-body lines directly after (or before) a fragment, nearest first."""
    index = page.scratch["line_index"]
    step = 1 if after else -1
    j = index[(frag.last if after else frag.first).no] + step
    out = []
    while 0 <= j < len(page.lines) and page.lines[j].kind != "body":
        if page.lines[j].kind != "blank":
            out.append(page.lines[j])
        j += step
    return out


def neighbour_kinds(page: Page, frag: Fragment, after: bool) -> list[str]:
    """Kinds of the non-blank, non-body lines directly after (or before) a fragment."""
    return [ln.kind for ln in lines_around(page, frag, after)]


def start_evidence(page: Page, frag: Fragment) -> tuple[float, str]:
    """How strongly the input says an article starts at this fragment, and why."""
    if frag.no_predecessor:
        return CONTINUED_EVIDENCE, "article_start:continued_from"
    if LEAD_IN.match(frag.first.text.replace(" ", "")):
        return LEAD_IN_EVIDENCE, "article_start:lead_in"
    if frag.start != "indent":
        return 0.0, ""
    before = lines_around(page, frag, after=False)
    kinds = [ln.kind for ln in before]
    if "head" in kinds:
        heads = [ln for ln in before if ln.kind == "head"]
        weight = HEADLINE_EVIDENCE if len(heads) > 1 or "byline" in kinds else LONE_HEAD_LINE_EVIDENCE
        return weight, "article_start:headline_before"
    if "byline" in kinds:
        return BYLINE_EVIDENCE, "article_start:byline_before"
    return 0.0, ""


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


def thread_fragments(page: Page, frags: list[Fragment], extra_evidence: dict[int, tuple[float, str]]) -> list[Thread]:
    """Assign each fragment, in input order, to a thread or start a new one."""
    idf = idf_of([bigram_counts(_text(f)) for f in frags])
    vecs = [weigh(bigram_counts(_text(f)), idf) for f in frags]
    threads: list[Thread] = []
    holder: dict[int, Thread] = {}
    from banmian.stages.headlines import head_blocks

    budget = sum(1 for b in head_blocks(page) if any(ln.kind == "head" for ln in b))
    for f, vec in zip(frags, vecs):
        evidence, why = start_evidence(page, f)
        more = extra_evidence.get(f.order)
        if more and more[0] > evidence:
            evidence, why = more
        if not evidence and f.start == "indent" and len(threads) < budget:
            evidence, why = HEADLINE_BUDGET_EVIDENCE, "article_start:headline_budget"
        best, best_score = None, float("-inf")
        prev_thread = holder.get(f.order - 1)
        if not f.no_predecessor:
            for t in threads:
                s = cosine(vec, t.profile) + sentence_fit(t.latest, f)
                if t is prev_thread:
                    s += ADJACENT_BONUS
                if s > best_score:
                    best, best_score = t, s
        if best is None or (evidence and NEW_THREAD_BASE + evidence > best_score):
            t = Thread(fragments=[f], profile=dict(vec), reason=why or "article_start:first")
            f.first.para_start = True
            f.first.because(t.reason)
            threads.append(t)
            holder[f.order] = t
            continue
        _join(best.latest, f, best_score)
        best.fragments.append(f)
        add_into(best.profile, vec)
        holder[f.order] = best
    return threads


def _join(latest: Fragment, f: Fragment, score: float) -> None:
    reads_on = latest.end in ("open", "maybe") and f.start in ("open", "short")
    f.first.para_start = not reads_on
    f.first.because(f"reassemble:after_line_{latest.last.no}:{score:.2f}" + (":reads_on" if reads_on else ""))


def _text(f: Fragment) -> str:
    return "".join(ln.text for ln in f.lines)


def reassemble(page: Page) -> Page:
    """Thread the page's fragments (`page.scratch["threads"]`)."""
    page.scratch["line_index"] = {ln.no: i for i, ln in enumerate(page.lines)}
    frags: list[Fragment] = page.scratch.get("fragments", [])
    for f in frags:
        f.no_successor = any(k in ("jump", "source") for k in neighbour_kinds(page, f, after=True))
        f.no_predecessor = "continued" in neighbour_kinds(page, f, after=False)
    from banmian.stages.headlines import orphan_headline_evidence

    extra = orphan_headline_evidence(page, frags)
    page.scratch["threads"] = thread_fragments(page, frags, extra)
    return page
