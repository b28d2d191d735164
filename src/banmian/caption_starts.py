"""Caption starts: an indented paragraph printed right under a picture's caption, after another
piece's finished text, more likely opens an article than goes on the text before the picture.

pdftotext prints a page box by box: an article's picture (its caption, `图为…`, perhaps a photo
credit) stands over the article's opening, so a caption between a piece that finishes its
paragraph or sentence and an indented paragraph is most often the border between two articles.
The link model's adjacency weight kept such an opening on the thread just before when the two
texts shared few words either way (wrong-article joins in `bench/misplaced.py`). Where headline
lines stand over the caption too, `article_starts.under_headline_and_picture` already makes the
fragment a firm start; this is the case with nothing but the caption between the two texts.

On the simulated TRAIN pdftotext pages 1-150, of the threaded fragments that open indented with
only caption lines between them and the piece before, 9 were joined to another article's
thread (7 of them opening their gold article) and 5 rightly to their own. The cue raises the
start model's log-odds by CAPTION_START_BONUS (`thread_beam`), which takes most such fragments
past START_THRESHOLD (a start); one the start model reads as going on (log-odds under -3.5) is
still weighed by the beam. Not where the caption's words recur more in the text above
(`caption_above`: the picture is that text's) nor under a report's short lead-in opening
(`lead_in_opening`).
"""
from __future__ import annotations

from typing import Final

from banmian.article_starts import lines_around
from banmian.model import Fragment, Line, Page
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import is_lead_in
from banmian.similarity import bigrams, share_found

# Log-odds added to the start model's for such a fragment (`opens_under_caption`). Sim TRAIN
# pdftotext body_char_acc 1-40 / 41-300 (off: .8581 / .8330), before the two guards below: 2:
# .8657 / .8347 (byline 41-300 .8101 -> .8091), 3 and 5: .8659 / .8360 (byline .8091); with
# them, 3: .8657 / .8357 (byline .8101). Raising only the beam's new-thread option, not the
# START_THRESHOLD test: 3: .8657 / .8345, 5: .8657 / .8353, byline 41-300 .8096 both.
CAPTION_START_BONUS: Final = 3.0
CAPTION_START_REASON: Final = "article_start:under_caption_after_text"
# How the piece before must end: a finished paragraph ("closed") or sentence ("maybe").
FINISHED_ENDS: Final = ("closed", "maybe")
# Fragments on either side whose text the caption's words are looked for in (`caption_above`): a
# caption describes its own article's picture, so it shares more words with that article's text.
# Sim TRAIN pdftotext pages 1-300: of the 13 pages the cue changed without this test, the two
# whose caption shared more with the text above (pages 22, 198) lost (page 198 a byline).
CAPTION_CONTEXT: Final = 3
# A lead-in paragraph of at most this many lines is a report's opening (`lead_in_opening`). Sim
# TRAIN pdftotext pages 1-300 without the guard: pages 43 (a right join broken) and 171 lost,
# byline 41-300 .8101 -> .8096; with it .8101.
LEAD_OPENING_LINES: Final = 8


def opens_under_caption(page: Page, frags: list[Fragment], texts: list[str], i: int) -> bool:
    """Fragment i opens an indented paragraph, only caption lines stand between it and the text
    before, and fragment i-1 (the text before) finishes its paragraph or sentence (`texts`: the
    fragments' `link_model.joined_texts`)."""
    f = frags[i]
    if i == 0 or f.start != "indent" or frags[i - 1].end not in FINISHED_ENDS or lead_in_opening(frags[i - 1]):
        return False
    before = lines_around(page, f, after=False)
    return bool(before) and all(ln.kind == "caption" for ln in before) and not caption_above(texts, i, before)


def lead_in_opening(frag: Fragment) -> bool:
    """The fragment is a report's opening: it opens with a lead-in byline (`本报…电`) on at most
    LEAD_OPENING_LINES lines. A report's picture is printed under its lead-in paragraph as often
    as over it, and the text under the caption is that report's rest (sim TRAIN page 43:
    `本报浙江余姚1月24日电…闯入决赛。` / `图为…` / `奥运会男单冠军刘国梁没…`)."""
    return len(frag.lines) <= LEAD_OPENING_LINES and is_lead_in(frag.first.text)


def caption_above(texts: list[str], i: int, caption: list[Line]) -> bool:
    """The caption's character bigrams recur more in the CAPTION_CONTEXT fragments before
    fragment i than in fragment i and the ones after it (`texts`: the fragments' joined texts):
    the picture is the text above's."""
    words = bigrams(strip_ws("".join(ln.text for ln in caption)))
    above = strip_ws("".join(texts[max(0, i - CAPTION_CONTEXT):i]))
    below = strip_ws("".join(texts[i:i + CAPTION_CONTEXT]))
    return share_found(words, above) > share_found(words, below)


def caption_start_bonuses(page: Page, frags: list[Fragment], texts: list[str]) -> list[float]:
    """CAPTION_START_BONUS for each fragment that `opens_under_caption`, else 0 (`texts`: the
    fragments' joined texts, as the beam's content space holds them)."""
    return [CAPTION_START_BONUS if opens_under_caption(page, frags, texts, i) else 0.0 for i in range(len(frags))]
