"""Thread order: put back in reading order two pieces of a thread that pdftotext printed swapped.

The reassemble stage keeps a thread's fragments in input order (`reorder` moves a few on
strong evidence). But where blank lines cut an article's columns into pieces, pdftotext may
read the pieces row by row rather than column by column: the top of the next column (a piece
starting mid-sentence) comes before the bottom of this one (a piece opening a paragraph that
runs on into it). The thread then reads

    p (ends a paragraph) / a (starts mid-sentence) / b (indented, stops mid-sentence) / n

where the article reads p / b / a / n: b's open sentence goes on in a, and each piece starts
as the one before it ends. `swap_printed_late` swaps such a pair (b printed right after a in
the input) where the swap leaves fewer breaks that no article prints (`bad_break`: a sentence
stopping mid-way before an indented paragraph, a paragraph ending before text that starts
mid-sentence). Each moved piece's first line says what it now follows
(`thread_order:after_line_35:breaks_2_0`, the bad breaks before and after the swap).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Final

from banmian.model import Fragment
from banmian.stages.reorder import MID_SENTENCE_STARTS, goes_on_paragraph

if TYPE_CHECKING:  # reassemble imports this module
    from banmian.stages.reassemble import Thread

REASON: Final = "thread_order:after_line_"
# (end, start) kinds of a break that no article prints: a sentence stopping mid-way before an
# indented paragraph; a paragraph or sentence ended before text that starts mid-sentence. On
# TRAIN sim pdftotext pages 1-300 (threads lying in one gold article), 98 of 4,331 pairs
# (open, indent) are true joins, 220 of 2,594 (closed, open), 131 of 973 (maybe, open); the
# joins (open, open) 1,639 of 3,189.
BAD_BREAKS: Final = frozenset({("open", "indent"), ("closed", "open"), ("maybe", "open")})
SENTENCE_ENDS: Final = ("closed", "maybe")  # `Fragment.end` kinds that end a sentence


def bad_break(before: Fragment, after: Fragment) -> int:
    """1 when `after` cannot go on right after `before` by how they end and start, else 0."""
    return 1 if (before.end, after.start) in BAD_BREAKS else 0


def order_threads(threads: list[Thread]) -> None:
    """Swap the pairs printed row by row in each thread (`swap_printed_late`)."""
    for t in threads:
        if len(t.fragments) >= 4:
            swap_printed_late(t.fragments)


def swap_printed_late(frags: list[Fragment]) -> int:
    """Swap each a, b of a thread's fragments `frags` (in place) where b stands right after a
    in the input too, b stops mid-sentence and a starts so (b's sentence goes on in a), the
    fragment before a ends a sentence (`SENTENCE_ENDS`), neither is the thread's first or last,
    and the swap leaves fewer `bad_break`s around them; the number of swaps.

    On TRAIN sim pdftotext pages 1-300, of the 28 threads it changes, 23 put more fragments
    right after their gold predecessor and 3 fewer (net +57 such joins of 5,290). Asking it of
    a pair ending the thread too changed 51 more, 10 for the better and 40 for the worse (the
    last piece's open end there is an article cut short or a piece gone to another thread);
    after a fragment stopping mid-sentence, it broke a join a word spans (dev pdftotext page
    33: `…深切情` / `意。…`)."""
    swaps = 0
    k = 1
    while k + 2 < len(frags):
        p, a, b, n = frags[k - 1], frags[k], frags[k + 1], frags[k + 2]
        if (b.order == a.order + 1 and b.end == "open" and not b.no_successor and a.start in MID_SENTENCE_STARTS
                and p.end in SENTENCE_ENDS):
            old = bad_break(p, a) + bad_break(a, b) + bad_break(b, n)
            new = bad_break(p, b) + bad_break(b, a) + bad_break(a, n)
            if new < old:
                frags[k], frags[k + 1] = b, a
                why = f"breaks_{old}_{new}"
                _placed(p, b, why)
                _placed(b, a, why)
                n.first.para_start = not goes_on_paragraph(a, n)
                swaps += 1
                k += 2
                continue
        k += 1
    return swaps


def _placed(before: Fragment, frag: Fragment, why: str) -> None:
    """`frag` now follows `before`: whether it starts a paragraph, and the reason."""
    frag.first.para_start = not goes_on_paragraph(before, frag)
    frag.first.because(f"{REASON}{before.last.no}:{why}")
