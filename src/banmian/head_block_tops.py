"""A headline block's first lines, read as body, over the head line its shape gave away.

A dump prints a headline block whole, in reading order, right over the lead-in that opens its
report (`新华社…电`, `本报讯`). The classifier may know the block's last
line by its shape (a short unpunctuated line, one wider than the column) and still read the
lines over it as body:
a headline line set as wide as the column measures as a full body line, and one a little
shorter as a paragraph's indented opening. Standing between a finished paragraph and that head
line, they were run on into the article above as its last paragraph, and the headline lost them
(simulated raw TRAIN pages 43, 63, 158: `乒乓球擂台赛首场半决赛` / `战罢刘国梁王晨取得决赛权` over
the head line `较为紧张的是第三局` over `本报浙江余姚1月24日电`). Body text under a finished
paragraph runs on into a body line; it does not stop short, without a mark, over a head line
that a lead-in follows. `head_context.mark_heads_above_lead_ins` takes such lines where they
stand right over the lead-in; this rule looks over the head line between. It runs last among
the context rules, so that the head and byline lines they find stand.
Simulated TRAIN 41-300 raw / PyMuPDF headline_acc .8389 / .8361 -> .8403 / .8375, exact
.7737 / .7868 -> .7751 / .7882 (pages 43, 63, 158 change, each for the better; 1-40 and
pdftotext unchanged); dev 41-60 raw / PyMuPDF head .8333 -> .8389, 1-40 unchanged; sim VAL
unchanged.
"""
from __future__ import annotations

from typing import Final

from banmian.line_shape import comma_marks, unfinished
from banmian.model import Line, Page
from banmian.rules.chars import ends_sentence, strip_ws
from banmian.rules.furniture import LEAD_IN_REASON
from banmian.similarity import bigrams, share_found
from banmian.tail_find import find_tail
from banmian.tier_cues import ITEM_BULLETS
from banmian.unpunctuated_heads import is_bracketed_note

MARKS_TOPS_OVER_LEAD_IN_HEADS = True  # switch (tests)
# One head line between the lead-in and the lines taken (a headline's last line or a subtitle),
# and at most two lines taken (a kicker or a headline's first lines). With two head lines between,
# the rule took 4 gold kicker lines on simulated TRAIN raw pages 1-300 and changed no page's
# output (other rules had them), but fired on body text cut short over a head block too
# (TRAIN PyMuPDF page 146: `（四）全国工商税收连续五` over a kicker and a headline over `诗云`).
MAX_HEAD_LINES_BETWEEN: Final = 1
MAX_TOP_LINES: Final = 2
# No comma-like mark in the lines taken: of the 153 lines a first cut (one mark allowed) took on
# simulated TRAIN raw and PyMuPDF pages 1-300, the 5 holding a comma were all body lines (a
# caption's or a lead-in's text cut short: `据澳联社报道，这一成`), no gold head line.
MAX_TOP_MARKS: Final = 0
TOP_REASON: Final = "head:top_over_lead_in_head"


def mark_tops_over_lead_in_heads(page: Page) -> None:
    """Body lines over a head line right above a lead-in line (`opens_report`,
    `top_run`) are that headline block's first lines, unless their words are the text's above
    (`reads_with_text_above`). Not in the body stream of a page printing its headlines last
    (`tail_find.find_tail`): a headline there stands in the tail."""
    if not MARKS_TOPS_OVER_LEAD_IN_HEADS:
        return
    lines = page.lines
    stream_stop: int | None = None
    looked = False
    for i, ln in enumerate(lines):
        if not opens_report(ln):
            continue
        k = i
        while k > 0 and i - k < MAX_HEAD_LINES_BETWEEN and lines[k - 1].kind == "head":
            k -= 1
        if k == i or (k > 0 and lines[k - 1].kind == "head"):
            continue
        if not looked:
            stream_stop, looked = find_tail(page), True
        if stream_stop is not None and i < stream_stop:
            continue
        run = top_run(lines, k)
        if run and reads_with_text_above(lines, k - len(run), i, run):
            continue
        for top in run:
            top.kind = "head"
            top.because(TOP_REASON)


# Text cut short at a column's foot (its rest printed elsewhere) may stand over the next
# article's headline just the same (dev raw page 37: `这件小事可以说明国` / `航从善如流接受乘客建
# 议` over `郑州我怎么对你说……` over `本报记者王慧敏`): its words are those of the text above,
# not of the report below. The lines are taken only where their character bigrams recur no more
# in the CONTEXT_CHARS of body text over them than in those under the anchor.
CONTEXT_CHARS: Final = 200


def opens_report(line: Line) -> bool:
    """A lead-in line. Not a byline line under a headline, though it names its writers as a
    lead-in does: an indented line over a head line over a byline is as likely a paragraph's
    opening at a column's foot (the `wide_heads` rule and its test keep it body), and the two
    simulated TRAIN pages a byline anchor gained (99: `银行信贷莫忘小企`, 232) both took such a line."""
    return line.kind == "body" and LEAD_IN_REASON in line.reasons


def reads_with_text_above(lines: list[Line], top: int, anchor: int, run: list[Line]) -> bool:
    """More of the run's bigrams recur in the body text over lines[top] than in the text under
    lines[anchor] (CONTEXT_CHARS each way): the run is that text's, cut short."""
    grams = bigrams("".join(ln.text for ln in run))
    return share_found(grams, _body_text(lines, top - 1, -1)) > share_found(grams, _body_text(lines, anchor, 1))


def _body_text(lines: list[Line], start: int, step: int) -> str:
    """About CONTEXT_CHARS of space-free body text from lines[start] on in direction `step`."""
    out: list[str] = []
    n = 0
    j = start
    while 0 <= j < len(lines) and n < CONTEXT_CHARS:
        if lines[j].kind == "body":
            t = strip_ws(lines[j].text)
            out.append(t)
            n += len(t)
        j += step
    return "".join(out if step > 0 else out[::-1])


def top_run(lines: list[Line], k: int) -> list[Line]:
    """The body lines right over lines[k] that finish no sentence and end on no clause mark
    (`line_shape.unfinished`) and open with no bullet (`tier_cues.ITEM_BULLETS`: a list item run
    on over a head line, simulated raw TRAIN page 236), at most MAX_TOP_LINES holding at most
    MAX_TOP_MARKS comma-like marks, when a finished paragraph (`ends_sentence`) or a line not of
    the body stands over them; else none (a paragraph running on into them)."""
    run: list[Line] = []
    j = k - 1
    while j >= 0 and len(run) <= MAX_TOP_LINES:
        ln = lines[j]
        t = strip_ws(ln.text)
        if (ln.kind != "body" or not t or not unfinished(t) or is_bracketed_note(ln) or LEAD_IN_REASON in ln.reasons
                or t[0] in ITEM_BULLETS):
            break
        run.append(ln)
        j -= 1
    if not run or len(run) > MAX_TOP_LINES or sum(comma_marks(ln.text) for ln in run) > MAX_TOP_MARKS:
        return []
    above = lines[j] if j >= 0 else None
    if above is not None and above.kind == "body" and above.text.strip() and not ends_sentence(above.text):
        return []
    return run
