"""Thread build: the beam's chosen threading (`thread_beam`) as `Thread`s, with each fragment's
paragraph start and the reason of each choice on its first line: an opening's start reason, a
join's link log-odds against what opening a new thread scored (`reassemble:after_line_35:
+2.41:new-0.53`), with `:rival_content` where the rival cue raised it (`thread_rivals`) and
`:reads_on` where the fragment goes on its paragraph (`reorder.goes_on_paragraph`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from banmian.article_starts import start_reason
from banmian.link_model import LINK_WEIGHTS, JoinLogits, QuoteBalance
from banmian.model import Fragment
from banmian.ordinals import OrdinalTurns
from banmian.similarity import Group, GroupMaker
from banmian.stages.reorder import goes_on_paragraph
from banmian.thread_rivals import RIVAL_CONTENT_BONUS, RIVAL_LONE_REASON, RIVAL_MISMATCH_REASON, RivalCues


@dataclass(slots=True)
class Thread:
    """An article's body text: its fragments in reading order, and why it opened."""

    fragments: list[Fragment] = field(default_factory=list)
    reason: str = ""


def new_thread_logit(logits: list[float], quotes: QuoteBalance, i: int) -> float:
    """The log-odds of fragment i opening a thread: the start model's, and its closing quote
    marks (nothing is open on a new thread); the beam adds the offset."""
    return logits[i] + quotes.new_thread_term(i)


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


def build_threads(chosen: tuple[Group, ...], frags: list[Fragment], feats: list[dict], logits: list[float],
                  scorer: Scorer) -> list[Thread]:
    """The chosen hypothesis (`chosen`: its threads' groups) as threads, with paragraph starts
    and reasons on the lines: a join's reason gives its link log-odds (with the rival cue's
    term) and what opening a new thread scored instead (`reassemble:after_line_35:+2.41:new-0.53`),
    and `:rival_content` when the rival cue raised it (`thread_rivals`)."""
    threads = []
    for ti, group in enumerate(chosen):
        first, *rest = group.members
        t = Thread(fragments=[frags[first]], reason=start_reason(feats[first], logits[first]))
        frags[first].first.para_start = True
        frags[first].first.because(t.reason)
        for n, k in enumerate(rest, 1):
            link, rival = scorer.link(group.members[:n], k), ""
            if scorer.rivals.weak[k]:
                link, rival = rival_link(chosen, ti, k, link, scorer)
            score = f"{link:+.2f}:new{new_thread_logit(logits, scorer.quotes, k) + scorer.offset:+.2f}{rival}"
            _join(t.fragments[-1], frags[k], score)
            t.fragments.append(frags[k])
        threads.append(t)
    return threads


def rival_link(chosen: tuple[Group, ...], ti: int, k: int, link: float, scorer: Scorer) -> tuple[float, str]:
    """The link log-odds of fragment k joining thread ti of the chosen hypothesis plus the
    rival cue's term (`thread_rivals`), weighed against the threads as they stood before k,
    and its tag."""
    before = [(n, tuple(m for m in g.members if m < k)) for n, g in enumerate(chosen)]
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
