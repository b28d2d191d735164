"""Rival threads: a fragment need not go on the thread just before it when that join is bare.

pdftotext walks a page column by column, so a column of one article is often printed right
after a column of another; the link model's adjacency prior (`link_model`, "adjacent") then
puts the fragment on the wrong thread. On dev pdftotext pages 1-40, of 26 fragments the
reassemble stage joined to another article's thread while their own thread was open, 21 went
on the thread of the fragment just before, 14 of them across a bare mid-sentence break: the
fragment before stops mid-sentence, this one starts so, and no dictionary word or mark spans
the break (`weak_adjacent_join`). The break itself then says nothing, and the order alone is
weak evidence: a thread whose content is clearly closer to the fragment (TF-IDF bigram cosine
more than RIVAL_COSINE_MARGIN above the adjacent thread's) gains RIVAL_CONTENT_BONUS
(`RivalCues.rivals`), weighed against the other threads of one threading, unless the adjacent
thread has just opened (RIVAL_MIN_LATEST) on a short or mid-sentence piece
(`settled_opening`: a long piece opening on a paragraph start has text enough). A fragment
that starts mid-sentence right after finished text (`mismatched_adjacent_join`) weighs the
threads left open mid-sentence so too.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from banmian.model import Fragment
from banmian.para_cues import ONE_EM_SHORT_REASON
from banmian.rules.chars import strip_ws

# On dev pdftotext pages 1-40, of the fragments joined to the thread just before across a bare
# mid-sentence break with some other thread's cosine this much higher: margin 0.02: 6 wrong
# joins and 6 right ones, 0.03: 6 and 2, 0.04: 4 and 1 (a bare break alone, without a rival,
# flips nothing but opens new threads: a penalty of 1 on it broke 14 right joins and mended
# none). In the beam (bonus 2.5), body_char_acc pages 1-20 / 21-40: off 0.9047 / 0.8694;
# 0.035: 0.9176 / 0.8824, 0.04: 0.9164 / 0.8811, 0.05: 0.9164 / 0.8826 (before RIVAL_MIN_LATEST). A guard on the
# adjacent thread's length (60-250 characters: a short thread's cosine is small) lost the
# 21-40 gain; asking the rival thread to stop mid-sentence too lost it as well.
RIVAL_COSINE_MARGIN: Final = 0.04
# Log-odds, about the adjacency weight less the bare join's (margin 0.04), pages 1-20 / 21-40:
# bonus 1.5: 0.9082 / 0.8724, 2: 0.9082 / 0.8813, 2.5: 0.9164 / 0.8811, 3: 0.9151 / 0.8824;
# para_f1, article_exact, headline, byline and source no lower on either half from 2 to 3.
# Sim TRAIN (bench/pagesim, seed train-1, 300 pdftotext pages): 1.5: 0.7964, 2: 0.7988, 2.5:
# 0.7991, 3: 0.7995, 3.5: 0.7995.
RIVAL_CONTENT_BONUS: Final = 2.5
# The latest thread must hold this many fragments: a thread that fragment i-1 has just opened
# has too little text for its cosine to say anything, and the bonus would reward a threading
# that opens a stray thread there only to hop back past it (examples/demo_page.txt: a column
# of the lead article opened a thread of its own, the next column went back to the lead;
# dev page 12: a lone lead-in lost its text so). Body_char_acc pages 1-20 / 21-40: 1: 0.9164 /
# 0.8811, 2: 0.9164 / 0.8789 (article_exact 21-40: 0.5577 / 0.5449, the value without the cue);
# with 2, bonus 2 to 3 and margin 0.03 to 0.05 all keep every figure of both halves at or above
# the values without the cue.
RIVAL_MIN_LATEST: Final = 2
# ... but a thread opened by one long piece has text enough for its cosine to count: on the
# simulated TRAIN pdftotext pages, an article's column (35 lines, opened under its headline,
# page 1) took the next column of the article printed before it, which stopped mid-sentence
# there with a closer cosine, as its own (RIVAL_MIN_LATEST kept the cue off after a thread of
# one piece). A lone piece counts as RIVAL_MIN_LATEST when it holds RIVAL_LONE_CHARS characters
# or more and opens on a paragraph start: one that opens mid-sentence is itself a suspect
# opening, the stray thread the cue would reward hopping back past (TRAIN page 135: the middle
# of three 50-line columns of one article). Then the rival thread's latest piece must stop
# mid-sentence too and hold RIVAL_TAIL_CHARS characters or more: a two-line piece ending open
# is most often a headline read as body (TRAIN page 47), its cosine noise. Sim TRAIN
# pdftotext body_char_acc 1-40 / 41-300: off 0.8486 / 0.8142, 80: 0.8523 / 0.8145 (page 13
# lost 0.15), 120: 0.8506 / 0.8148, 150 and 250: 0.8497 / 0.8142-0.8143; TAIL 0 with 150
# lost pages 47 (0.98 -> 0.90), 40 and 60 kept it.
RIVAL_LONE_CHARS: Final = 120
RIVAL_TAIL_CHARS: Final = 40
RIVAL_LONE_REASON: Final = ":after_lone_opening"


def fragment_chars(frag: Fragment) -> int:
    """The fragment's characters, whitespace left out."""
    return sum(len(strip_ws(ln.text)) for ln in frag.lines)


def settled_opening(frag: Fragment) -> bool:
    """A thread of this one piece counts as settled (RIVAL_MIN_LATEST): it holds
    RIVAL_LONE_CHARS characters or more and opens on a paragraph start, not mid-sentence."""
    return frag.start != "open" and fragment_chars(frag) >= RIVAL_LONE_CHARS


def weak_adjacent_join(prev: Fragment, frag: Fragment, join_score: float) -> bool:
    """`frag` starts mid-sentence right after `prev`, which stops mid-sentence, and nothing
    spans the break (`join_score`: `language.join_score` of the two, 0 without a word or mark)."""
    return prev.end == "open" and frag.start == "open" and join_score == 0.0


# A fragment that starts mid-sentence (a full line, no indent) right after one that closes a
# paragraph or a sentence (`mismatched_adjacent_join`) does not read on from it either: the
# break is a column break into another article's text, and the sentence it carries on is one
# some other thread left open. Then the rivals are the threads whose latest piece stops
# mid-sentence (`RivalCues.rivals`; content as for a bare break: RIVAL_COSINE_MARGIN, bonus
# RIVAL_CONTENT_BONUS). On the simulated TRAIN pdftotext pages 1-300, joins of a piece in one
# predicted article by how the piece before ends / how it starts, right / wrong: closed / open
# 219 / 39 (3,851 characters wrong), maybe / open 114 / 25 (1,968); of the 64 wrong ones 5 open
# a gold article, 42 carry on another article's text (20 of the 27 whose gold predecessor piece
# was found: one that stops mid-sentence), 17 unplaced.
# The piece before must hold MISMATCH_MIN_LINES lines: one short line ending a paragraph is
# often a paragraph's tail or a label (`图片：`, `的。`, `参加了会见。`) cut off at a column foot,
# and the mid-sentence start after it was the fragment's own continuation (dev pdftotext pages
# 5 and 20 lost 0.013 and 0.007 body_char_acc without the guard). TRAIN pdftotext
# body_char_acc 1-40 / 41-300: 0.8545 / 0.8163 -> 0.8566 / 0.8188 (after a closed paragraph
# only: 0.8558 / 0.8191; any piece before: 0.8566 / 0.8185; rivals stopping mid-sentence on
# RIVAL_TAIL_CHARS or more: 0.8569 / 0.8172; any rival, not only those stopping mid-sentence:
# 0.8561 / 0.8195 but dev 1-20 / 21-40 0.9242 / 0.8985 -> 0.9132 / 0.8775, page 30 cut up by the
# bonus's cascade through the beam).
# A content margin of 0.03 for these alone: TRAIN 0.8566 / 0.8212, sim VAL better, but dev
# pdftotext 1-20 para_f1 0.9176 -> 0.9148 (0.02: TRAIN 0.8591 / 0.8211): RIVAL_COSINE_MARGIN kept.
MISMATCH_ENDS: Final = ("closed", "maybe")
MISMATCH_MIN_LINES: Final = 2
RIVAL_MISMATCH_REASON: Final = ":after_finished_text"


def mismatched_adjacent_join(prev: Fragment, frag: Fragment) -> bool:
    """`frag` starts mid-sentence right after `prev`, which closes a paragraph or a sentence
    (MISMATCH_ENDS) on MISMATCH_MIN_LINES lines or more; after a closed paragraph, not a first
    line that is a paragraph opening with its marks set half-width (`compressed_opening`)."""
    return (frag.start == "open" and prev.end in MISMATCH_ENDS and len(prev.lines) >= MISMATCH_MIN_LINES
            and not (prev.end == "closed" and compressed_opening(frag)))


# ... but a first line one em short that ends in a mark (`para_cues.one_em_short`, marked
# ONE_EM_SHORT_REASON by the paragraphs stage) is an indented paragraph opening whose marks were
# set half-width, not text cut mid-sentence: after finished text it goes on the thread just
# before. On the simulated TRAIN pdftotext pages 1-150, of the 83 joins the cue made after
# finished text, 62 are right (gold order), 17 wrong; the 12 onto a first line so shaped are
# all wrong (3 into another article, 6 out of order in their own, 3 unplaced), and in 6 of them
# the fragment just before is the one the gold text reads on from.
COMPRESSED_OPENING_REASON: Final = "reassemble:compressed_opening_after_finished_text"


def compressed_opening(frag: Fragment) -> bool:
    """The fragment's first line is one em short and ends in a mark (ONE_EM_SHORT_REASON): an
    indented opening measured short of its indent; COMPRESSED_OPENING_REASON goes on it."""
    if ONE_EM_SHORT_REASON not in frag.first.reasons:
        return False
    frag.first.because(COMPRESSED_OPENING_REASON)
    return True


class RivalCues:
    """The rival-content cue for the fragments of one page: `weak[i]` tells whether fragment i
    follows the one before across a bare break; `rivals` names the threads that gain
    RIVAL_CONTENT_BONUS."""

    __slots__ = ("weak", "frags", "settled", "open_tail", "mismatch", "open_end")

    def __init__(self, frags: Sequence[Fragment], join_scores: Callable[[int, int], float]):
        """`join_scores(j, i)`: the join score of fragment i after fragment j."""
        # `mismatched_adjacent_join`s, and the rest of the weak breaks (`weak_adjacent_join`)
        self.mismatch = [i > 0 and mismatched_adjacent_join(frags[i - 1], f) for i, f in enumerate(frags)]
        self.weak = [self.mismatch[i] or (i > 0 and weak_adjacent_join(frags[i - 1], f, join_scores(i - 1, i)))
                     for i, f in enumerate(frags)]
        self.open_end = [f.end == "open" for f in frags]
        self.frags = frags
        # `settled_opening` and the open-tail test of each fragment, -1 until first asked for
        # (speed alone: most fragments are never asked)
        self.settled = [-1] * len(frags)
        self.open_tail = [-1] * len(frags)

    def settled_at(self, i: int) -> bool:
        """`settled_opening` of fragment i."""
        if self.settled[i] < 0:
            self.settled[i] = 1 if settled_opening(self.frags[i]) else 0
        return self.settled[i] == 1

    def open_tail_at(self, i: int) -> bool:
        """Fragment i stops mid-sentence on RIVAL_TAIL_CHARS characters or more."""
        if self.open_tail[i] < 0:
            f = self.frags[i]
            self.open_tail[i] = 1 if f.end == "open" and fragment_chars(f) >= RIVAL_TAIL_CHARS else 0
        return self.open_tail[i] == 1

    def lone(self, members: Sequence[int]) -> bool:
        """A thread of these members (fragment indexes) is one `settled_opening` piece."""
        return len(members) == 1 and self.settled_at(members[0])

    def rivals(self, n: int, latest: int, latest_size: int, i: int, cosine: Callable[[int], float],
               lone: bool = False, tail: Callable[[int], int] | None = None) -> list[int]:
        """The threads (of `n`; `latest`: the index of the one holding fragment i-1, or -1, and
        `latest_size` its number of fragments) whose cosine with fragment i (`cosine(k)`) passes
        the latest thread's by RIVAL_COSINE_MARGIN, when fragment i follows fragment i-1 across a
        bare break and the latest thread holds RIVAL_MIN_LATEST fragments or more, or is `lone`
        (`RivalCues.lone`; `tail(k)`: thread k's latest fragment, which must then stop
        mid-sentence on RIVAL_TAIL_CHARS characters or more); after a `mismatched_adjacent_join`,
        whatever the latest thread's size, those whose latest fragment stops mid-sentence."""
        if not self.weak[i] or latest < 0:
            return []
        if self.mismatch[i]:  # after finished text: the threads left open mid-sentence
            if tail is None:
                return []
            floor = cosine(latest) + RIVAL_COSINE_MARGIN
            return [k for k in range(n) if k != latest and self.open_end[tail(k)] and cosine(k) > floor]
        if latest_size < RIVAL_MIN_LATEST:
            if not lone or tail is None:
                return []
            floor = cosine(latest) + RIVAL_COSINE_MARGIN
            return [k for k in range(n) if k != latest and self.open_tail_at(tail(k)) and cosine(k) > floor]
        floor = cosine(latest) + RIVAL_COSINE_MARGIN
        return [k for k in range(n) if k != latest and cosine(k) > floor]
