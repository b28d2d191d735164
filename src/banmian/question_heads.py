"""A headline that asks or exclaims, told from a body line by the headline matter under it.

Classify reads a line ending with a question or exclamation mark as the end of a sentence, so a
body line (`body:clause_end`), however short. A headline may end so (`外国人怎么过年？`,
`周日，让我们志愿服务去！`): set off above (a blank line, the page's head, or a headline line
right over it, or furniture), with headline matter right under it (a dash subtitle, a headline
or byline line, a letter's salutation, a lead-in opening the body: `本报讯`, `新华社…电`), it is
the headline, not a one-line paragraph opening its own body.
"""
from __future__ import annotations

from typing import Final

from banmian.line_shape import CLAUSE_END_REASON, opens_with_dash
from banmian.model import Line, Page
from banmian.rules import furniture as F
from banmian.rules.chars import strip_closers, strip_ws

# Sim TRAIN pdftotext (pages 1-300): of the lines ending with `？`/`！` right under a blank line
# or a head line and right over headline matter, the printed headline lines (`环球虎年？` over the
# pen name `仁杰`, `外国人怎么过年？` over `——即格里高利历来纪年的`) had been read as their own
# article's first body line (head_errors "head text in its body", "line(s) missing -> B"); no
# gold body line stood so. A body line ending so lies under more of its paragraph, or over the
# next paragraph, not over a subtitle, a byline or a lead-in. TRAIN head_errors: pdftotext 756 ->
# 744 wrong heads, raw 419 -> 415; headline_acc pages 41-300 pdftotext 0.6955 -> 0.7030.
QUESTION_HEAD_REASON: Final = "head:question_over_head_matter"
# The marks a headline line may end with that classify reads as a sentence end.
HEAD_SENTENCE_ENDS: Final = "？！?!"
# Kinds of the line under it that are headline matter.
HEAD_MATTER_KINDS: Final = ("head", "byline")
# Kinds of the line above it that set it off from a body above: a blank line, a headline line,
# or furniture that ends the text above as a blank line would (the raw dump has no blank lines:
# `图为……摄` / `现代人，何处是家乡？` / `——流动中的乡情和亲情`, TRAIN raw page 172).
SET_OFF_KINDS: Final = ("blank", "header", "head", "caption", "jump", "continued", "source")
# The reason of a head line read on into the body line under it (head_context.mark_word_split_pairs).
RUN_ON_REASON: Final = "body:word_runs_on_into_body"


def _set_off_above(above: Line | None) -> bool:
    return above is None or not above.text.strip() or above.kind in SET_OFF_KINDS


def _head_matter(below: Line) -> bool:
    t = strip_ws(below.text)
    if not t:
        return False
    return (below.kind in HEAD_MATTER_KINDS or opens_with_dash(t) or F.is_salutation(t)
            or F.LEAD_IN_REASON in below.reasons)


def _asks(text: str) -> bool:
    """The line ends with a question or exclamation mark, maybe inside closing quotes (`『哪种米好吃？』`)."""
    t = strip_closers(text.rstrip())
    return bool(t) and t[-1] in HEAD_SENTENCE_ENDS


def _run_on_from(above: Line) -> bool:
    """A short head line the headline's last line was read on from (`外国人怎` / `么过年？`)."""
    return above.kind == "body" and RUN_ON_REASON in above.reasons


def mark_question_heads(page: Page) -> int:
    """A body line ending with a question or exclamation mark (classify's `body:clause_end`),
    set off above and with headline matter right under it, is a headline line; so is such a
    line with the line it was read on from (`body:word_runs_on_into_body`), a two-line block set
    off above, under which a blank line may stand as well."""
    lines = page.lines
    n = len(lines)
    marked = 0
    for i in range(n):
        ln = lines[i]
        if ln.kind != "body" or CLAUSE_END_REASON not in ln.reasons or not _asks(ln.text):
            continue
        above = lines[i - 1] if i else None
        below = lines[i + 1] if i + 1 < n else None
        if above is not None and _run_on_from(above):
            top = lines[i - 2] if i > 1 else None
            if _set_off_above(top) and (below is None or not below.text.strip() or _head_matter(below)):
                for line in (above, ln):
                    line.kind = "head"
                    line.because(QUESTION_HEAD_REASON)
                marked += 1
        elif below is not None and _set_off_above(above) and _head_matter(below):
            ln.kind = "head"
            ln.because(QUESTION_HEAD_REASON)
            marked += 1
    return marked
