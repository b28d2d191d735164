"""Fragment cuts: where a fragment of a dump without blank lines is cut again at a paragraph start.

In a dump without blank lines (pdftotext -raw, PyMuPDF) a fragment may run across article
changes. `split_at_topic_shifts` (called by the paragraphs stage) cuts it where the topic
shifts (bigram cosine of the text either side), where the paragraph before closes with an
author's or a report's credit or is a picture story's photo credits alone, and after text cut
short; `split_at_picture_notes` (called by reassemble) cuts it where a paragraph closed by a
picture note (`（附图片1张）`) opens an article; `cut_fragments` makes the cuts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from banmian.closing_credits import CLOSING_CREDIT_REASON, closes_report
from banmian.fragment_runs import end_kind, restarts_after_cut, start_kind
from banmian.model import Fragment, Line
from banmian.ordinals import opens_later_step
from banmian.para_cues import AFTER_CLOSING_REASON
from banmian.rules.bylines import ends_with_photo_credit, trailing_credit_names
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import ends_with_picture_note, is_lead_in
from banmian.similarity import bigram_cosine, share_found
from banmian.stages.roundups import item_number_of

# set by split_at_topic_shifts where a line ends the text before it: text cut short, a credit
AFTER_CUT_REASON: Final = "paragraph_start:after_cut_text"
AFTER_CREDIT_REASON: Final = "paragraph_start:after_credit"
# Topic shifts (split_at_topic_shifts), on dev raw 1-40: windows of 200 characters each side;
# cosine below 0.02 (0.01: body 0.890, 0.02: 0.894, 0.03: 0.892, 0.06: 0.849).
SHIFT_WINDOW: Final = 200
SHIFT_MAX_COSINE: Final = 0.02
# ... but only where a head line of the page could head the new piece: most of its bigrams
# (HEADED_MIN_SHARE) recur in the piece's opening (HEAD_OPENING characters). With no such head
# line the cut needs a stronger shift (UNHEADED_SHIFT_MAX_COSINE): on dev raw 1-40, of the cuts
# at cosine 0.0075-0.02, one opened a gold article (page 5 `张北县大河乡…`, whose head line
# recurs whole in it) and 12 split essays and reports at a change of scene (page 14
# `一天下午，我们驾车…`, page 37 `最令我痛心的是…`); the unheaded true starts sat at 0-0.005.
# Dev raw body_char_acc pages 1-20 / 21-40 (share 0.67): all at 0.02: 0.9500 / 0.9276; 0.005:
# 0.9594 / 0.9350; 0.0075: 0.9572 / 0.9340; 0.01: 0.9544 / 0.9330 (0.0025: 0.9397 / 0.9235);
# 0.0075 rather than 0.005 keeps a margin to the true starts at 0.0042-0.0049 (false ones from
# 0.0051). Share at cosine 0.01: 0.2-0.5: 0.9544 / 0.9310, 0.67: 0.9544 / 0.9330 (page 4
# `看来，党员干部…` and page 38 `市委副书记…` share half of a head line); a wider headed cut
# (0.025, 0.03) cost both.
UNHEADED_SHIFT_MAX_COSINE = 0.0075
HEADED_MIN_SHARE: Final = 0.67
HEAD_OPENING: Final = 200
HEAD_MIN_CHARS: Final = 4  # shorter head lines share bigrams with any text by chance
SHIFT_MIN_CHARS: Final = 40
# The text before a topic shift, from the start of its run, must be longer: an article's opening
# paragraphs right under its headline are short and share few bigrams with anything (dev raw
# page 31: `近些年来，生活中必不可少的便是逛农贸市场。` cut off its own article). Dev raw body_char_acc
# pages 1-20 / 21-40: 40: 0.9429 / 0.9211, 60: 0.9437 / 0.9219, 80-90: 0.9444 / 0.9219, 100:
# 0.9444 / 0.9230, 120-160: 0.944 / 0.9199 (PyMuPDF the same up to 100, then apart).
SHIFT_MIN_BEFORE_CHARS = 100
# Text cut short (`restarts_after_cut`) is evidence of an article change by itself, so a weaker
# topic change confirms it. Dev raw 1-40 body_char_acc (windows read without spaces) 0.02:
# 0.9292, 0.025: 0.9287, 0.03-0.04: 0.9322, 0.05: 0.9364; the middle of the plateau, between
# the article change of dev page 33 (cosine 0.030) and the paragraph of page 11 whose digits
# make its first line measure short (0.040).
RESTART_MAX_COSINE = 0.035


def topic_cosine(before: str, after: str) -> float:
    """The bigram cosine of the windows each side of a paragraph start: near 0 where the text
    after shares almost no character bigrams with the text before, an article change inside a
    run of lines (TextTiling's idea, on bigrams); 1.0 (no shift) where either side is too
    short to tell."""
    if len(before) < SHIFT_MIN_BEFORE_CHARS or len(after) < SHIFT_MIN_CHARS:
        return 1.0
    return bigram_cosine(before[-SHIFT_WINDOW:], after[:SHIFT_WINDOW])


def is_lone_credit(text: str) -> bool:
    """The line is only a bracketed author credit (`（张育宾段建勋岳林才）`): it closes the
    text before it, so no article starts there (dev raw page 8)."""
    t = text.strip()
    return t[:1] in "（(" and bool(trailing_credit_names(t))


def restart_reason(prev: Line, line: Line, width: float) -> str | None:
    """Why `line`, not marked as a paragraph start, starts one after `prev` that ends a text:
    a closing credit line (AFTER_CREDIT_REASON) or text cut short (AFTER_CUT_REASON)."""
    if is_lone_credit(prev.text):
        return AFTER_CREDIT_REASON
    return AFTER_CUT_REASON if restarts_after_cut(prev, line, width) else None


def could_be_headed(opening: str, heads: Sequence[set[str]]) -> bool:
    """Some head line of the page (`heads`: each line's bigrams) has most of its bigrams in the
    space-free `opening`: it could be the headline of a piece starting there."""
    opening = opening[:HEAD_OPENING]
    return any(share_found(h, opening) >= HEADED_MIN_SHARE for h in heads)


def shifts_topic(restart: str | bool | None, before: str, after: str, heads: Sequence[set[str]]) -> bool:
    """Whether a candidate cut between `before` and `after` is made for the change of topic:
    below RESTART_MAX_COSINE after text cut short, below SHIFT_MAX_COSINE where a head line
    could head the piece after it, else below the stricter UNHEADED_SHIFT_MAX_COSINE (a change
    of scene inside an essay shares as few words with the text before as another article, but
    no headline was printed for it). Head lines are looked at only when the cosine needs them."""
    cosine = topic_cosine(before, after)
    if restart == AFTER_CUT_REASON:
        return cosine < RESTART_MAX_COSINE
    return cosine < UNHEADED_SHIFT_MAX_COSINE or (cosine < SHIFT_MAX_COSINE and could_be_headed(after, heads))


# Pronouns, demonstratives and connectives that point back to the text before (这, 那, 他们,
# 此外, 但, 因此...). Of the dev gold paragraphs of 20 characters or more (pages 1-40), 1 of 303
# first paragraphs of an article opens with one and 74 of 888 later ones: an article's opening
# does not point back to what it has not said.
BACK_REFERENCES: Final[tuple[str, ...]] = ("那", "这", "他", "她", "它", "此", "其", "但", "而", "因此", "所以", "然而", "另外", "同时",
                   "对此", "为此", "于是", "不过", "可是", "随后", "接着")


def refers_back(text: str) -> bool:
    """The (space-free) text opens with a word pointing back to text before it
    (`BACK_REFERENCES`), or with a later step of an enumeration (`ordinals.opens_later_step`:
    `二是`, `第三，`): a paragraph that goes on with the text before, whatever its topic."""
    return text.startswith(BACK_REFERENCES) or opens_later_step(text)


def opening_too_short(chars_since_cut: int) -> bool:
    """The piece since the run's last cut (`chars_since_cut` characters) is shorter than
    SHIFT_MIN_BEFORE_CHARS, so no topic shift cuts it: an article's opening paragraphs after a
    cut are as short, and share as few bigrams with what follows, as those right under its
    headline (dev raw page 31: `近些年来，生活中必不可少的便是逛农贸市场。…` cut off its
    article after a cut at its own start; page 20: `与此同时，大同、运…`, 43 characters after
    text cut short). Dev raw / PyMuPDF body_char_acc pages 1-20 and 21-40, counted from the run
    start only: 0.9575 / 0.9340, 0.9594 / 0.9338; from the last cut, at 50 characters:
    0.9587 / 0.9340, 0.9607 / 0.9338; at 100: 0.9587 / 0.9350, 0.9607 / 0.9348; at 150:
    0.9595 / 0.9344, 0.9614 / 0.9341; at 250, raw: 0.9388 / 0.9344."""
    return chars_since_cut < SHIFT_MIN_BEFORE_CHARS


# A paragraph of photo credits alone (`（周文广摄）（新华社稿）`) closes a picture story: on dev
# pages 1-40, 7 of 11 such gold paragraphs end their article; the others come before a lead-in
# (an article of picture and report) or before the next numbered item of a digest (`2、…`,
# dev page 20: no cut there).
PHOTO_CREDITS_ONLY: Final = re.compile(r"^(?:[（(][^（）()]{0,20}(?:摄|攝|稿)[）)])+$")


def closes_with_photo_credit(lines: list[Line]) -> bool:
    """The last paragraph of `lines` is photo credits alone (PHOTO_CREDITS_ONLY): also those
    over two lines, which classify's one-line `body:photo_credit` (a run end in `fragments_of`)
    does not take."""
    if not lines or lines[-1].text.rstrip()[-1:] not in "）)":
        return False  # cheap test first: asked at every paragraph start of a dump without blanks
    k = max((i for i, ln in enumerate(lines) if ln.para_start), default=0)
    return bool(PHOTO_CREDITS_ONLY.match("".join(strip_ws(ln.text) for ln in lines[k:])))


def split_at_topic_shifts(frags: list[Fragment], width: float, heads: Sequence[set[str]] = ()) -> list[Fragment]:
    """In a dump without blank lines, cut fragments at paragraph starts where the topic shifts
    (dev raw 1-40 body_char_acc 0.872 -> 0.894) or where the paragraph before closes with an
    author's credit (`（文同）`: a brief or commentary ends there; dev raw page 10) or is a
    picture story's photo credits alone (`closes_with_photo_credit`), so the
    start model can weigh an article start there. A line after a lone credit line, or after
    text cut short (`restart_reason`), is a candidate too, and a lone credit line never opens
    a piece (dev raw 1-40 body_char_acc 0.9240 -> 0.9273). A topic shift with no head line
    (`heads`, each line's bigrams) that could head the piece after it needs a stronger shift
    (`shifts_topic`), and none cuts a piece still too short since the last cut
    (`opening_too_short`). A paragraph closed by a report's dispatch dateline or reporter's
    credit (`closing_credits.closes_report`: `…（本报华盛顿1月23日电）`) ends the piece whatever
    the topic: simulated raw pages 1-300 hold 6 such closings inside runs, all article ends
    (dev 1-40 none)."""
    out: list[Fragment] = []
    for f in frags:
        cur: list[Line] = []
        texts = [strip_ws(ln.text) for ln in f.lines]  # spaces would break bigrams (`发 表 1 9 9 8`)
        text_after = "".join(texts)
        pos = cut = 0
        for ln, text in zip(f.lines, texts):
            # a start after a closing bracket may still be another article's (a picture story's
            # credit closes it): sim TRAIN raw body .9263 without this, .9270 with (main .9271)
            restart = bool(cur) and (not ln.para_start or AFTER_CLOSING_REASON in ln.reasons) and restart_reason(cur[-1], ln, width)
            report_end = bool(cur) and (ln.para_start or bool(restart)) and closes_report(cur)
            if cur and (ln.para_start or restart) and not is_lone_credit(ln.text) and (
                    report_end or trailing_credit_names(cur[-1].text)
                    or (closes_with_photo_credit(cur) and item_number_of(text) is None)
                    or (not opening_too_short(pos - cut) and not refers_back(text)
                                                            and shifts_topic(restart, text_after[:pos], text_after[pos:], heads))):
                out.append(Fragment(lines=cur))
                cur = []
                cut = pos
                if restart:
                    ln.para_start = True
                    ln.because(restart)
                if report_end:
                    ln.because(CLOSING_CREDIT_REASON)
            cur.append(ln)
            pos += len(text)
        out.append(Fragment(lines=cur))
    for i, f in enumerate(out):
        f.order = i
        f.start = start_kind(f, width)
        f.end = end_kind(f, width)
    return out


def last_two_lines(frag: Fragment) -> str:
    """The fragment's last two lines, space-free: where a note or credit cut by a line break ends."""
    return "".join(strip_ws(ln.text) for ln in frag.lines[-2:])


def report_after_picture(picture: Fragment, frag: Fragment) -> bool:
    """`picture` holds a picture note and closes with the picture's description and its photo
    credit, and `frag` opens with a lead-in: the report the picture was printed with (dev raw page 15: `…辞旧迎新（附图片1张）`,
    `党和国家领导人…合影。（新华社记者樊如钧摄）`, then `本报北京12月31日讯…`, one article in the
    gold, as on pages 21 and 22)."""
    return (is_lead_in(frag.first.text) and ends_with_photo_credit(last_two_lines(picture))
            and holds_picture_note(picture))


def holds_picture_note(frag: Fragment) -> bool:
    """Some line of the fragment closes with a picture note, also one broken over two lines
    (dev raw and PyMuPDF page 21: `范代表一起辞旧迎新（附` / `图片 1 张）`)."""
    texts = [strip_ws(ln.text) for ln in frag.lines]
    return any(ends_with_picture_note(a + b) for a, b in zip([""] + texts, texts))


PICTURE_NOTE_REASON: Final = "article_start:picture_note"


def split_at_picture_notes(frags: list[Fragment], width: float) -> list[Fragment]:
    """In a dump without blank lines, a paragraph closed by a picture note (`（附图片1张）`,
    `rules.furniture.ends_with_picture_note`) is an article's opening matter: the fragment is
    cut where the paragraph starts, and the piece from there opens an article
    (`Fragment.forced_start`; dev raw page 22: `江泽民李鹏乔石朱镕…一起辞旧迎新（附图片1张）`
    run on from the article before)."""
    cuts: dict[int, set[int]] = {}
    for fi, f in enumerate(frags):
        if not any("附" in ln.text for ln in f.lines):  # cheap test first: most fragments hold no note
            continue
        starts = [k for k, ln in enumerate(f.lines) if k == 0 or ln.para_start] + [len(f.lines)]
        at = {a for a, b in zip(starts, starts[1:])
              if ends_with_picture_note("".join(strip_ws(ln.text) for ln in f.lines[a:b]))}
        if at:
            cuts[fi] = at
    return cut_fragments(frags, cuts, width, PICTURE_NOTE_REASON)


def cut_fragments(frags: list[Fragment], cuts: dict[int, set[int]], width: float, reason: str) -> list[Fragment]:
    """The fragments cut before the lines `cuts[i]` (indexes into fragment i's lines), in order
    and renumbered: each piece opening at a cut is a sure start (`Fragment.forced_start`) with
    `reason` on its first line; a new piece gets its start and end kinds."""
    out: list[Fragment] = []
    for fi, f in enumerate(frags):
        at = cuts.get(fi)
        if not at:
            out.append(f)
            continue
        bounds = sorted(at | {0}) + [len(f.lines)]
        for a, b in zip(bounds, bounds[1:]):
            piece = f if (a, b) == (0, len(f.lines)) else Fragment(lines=f.lines[a:b])
            if piece is not f:
                piece.start, piece.end = start_kind(piece, width), end_kind(piece, width)
            if a in at:
                piece.forced_start = True
                piece.first.para_start = True
                piece.first.because(reason)
            out.append(piece)
    for i, f in enumerate(out):
        f.order = i
    return out
