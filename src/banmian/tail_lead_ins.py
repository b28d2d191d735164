"""A lead-in the heads-tail alignment passed over: more often an item inside an article than
an article's start.

On a page printing every headline after all its bodies (`stages.heads_tail`, a whole tail, not
a prefix's), the alignment cuts the stream where the tail's blocks say articles open; a lead-in
byline (本报莫斯科1月20日电…, 新华社北京1月25日电) that opens a fragment is a start with a sign of
its own (`tail_align.LEAD_IN_BONUS`), so one the alignment did not cut at had no block of its
own to head it. The start model (`article_starts`) still opened an article at most of them, for
the lead-in's weight alone: on simulated raw TRAIN pages 1-300, of the 29 such lead-ins it
opened, 19 open a gold article (a brief the tail prints no headline for), 10 an item inside
one (a report of two dispatches under one headline, `俄积极支持建立多极世界` / `叶利钦说应加强独联体工作`
over `新华社莫斯科1月19日电…` and `本报莫斯科1月20日电…`; a digest's later dispatch). The two
part on the start model's log-odds: the 19 starts all score +0.80 or more, 8 of the 10 items
under +0.70 (the others +1.17, +2.20). Such a lead-in under PASSED_LEAD_IN_THRESHOLD opens no
article of its own (`thread_beam`: it goes on the thread before, PASSED_REASON), when its
fragment is no longer than a dispatch (MAX_ITEM_CHARS): joined, a long fragment took another
article printed after the dispatch along with it (TRAIN raw page 50: a continued piece's 310
characters under `本报莫斯科1月20日电…`). Simulated TRAIN 1-300: raw 6 pages changed, all better
(loss 69,014 -> 67,770 characters; heads_end body_char_acc 0.9210 -> 0.9247, heads_end_partial
0.9132 -> 0.9138), PyMuPDF loss 67,554 -> 66,310; false starts on heads-last raw pages 129 -> 122.
"""
from __future__ import annotations

from typing import Final

from banmian.model import PASSED_LEAD_INS_KEY, Fragment, Line, Page
from banmian.thread_rivals import fragment_chars

PASSED_KEY: Final = PASSED_LEAD_INS_KEY  # scratch: ids of those lead-ins' first lines
# Start log-odds a passed lead-in must pass to open an article (START_THRESHOLD elsewhere, -0.5).
# Simulated raw TRAIN 1-300 passed lead-ins the start model opened: gold starts +0.80 .. +3.56
# (19), items inside an article -1.23 .. +0.67 (8) and +1.17, +2.20.
PASSED_LEAD_IN_THRESHOLD: Final = 0.75
PASSED_REASON: Final = "roundup:lead_in_passed_by_heads_tail"
# A passed lead-in's fragment (to the next fragment's start) of at most this many characters: the
# dispatches inside an article on simulated raw TRAIN pages 1-300 run 33-397 characters to their
# fragment's end; the one longer (441, page 50) ran on into a continued piece of another article.
MAX_ITEM_CHARS: Final = 420


def short_item(frag: Fragment) -> bool:
    """The fragment holds no more text than a dispatch inside an article (MAX_ITEM_CHARS)."""
    return fragment_chars(frag) <= MAX_ITEM_CHARS


def mark_passed_lead_ins(page: Page, firsts: list[Line]) -> None:
    """Keep the first lines of the fragment-opening lead-ins the alignment of a whole tail passed
    over (`passed_lead_ins`) for `thread_beam` (`doubted_lead_in`)."""
    if firsts:
        page.scratch.setdefault(PASSED_KEY, set()).update(id(ln) for ln in firsts)


def doubted_lead_in(page: Page, frag: Fragment, logit: float) -> bool:
    """The fragment opens with a lead-in a whole tail's alignment passed over
    (`mark_passed_lead_ins`) and its start log-odds do not pass PASSED_LEAD_IN_THRESHOLD: it goes
    on the article before."""
    passed: set[int] | None = page.scratch.get(PASSED_KEY)
    return passed is not None and id(frag.first) in passed and logit <= PASSED_LEAD_IN_THRESHOLD
