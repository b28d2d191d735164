"""What a head block's place is worth in the headlines stage's assignment: the bonus of a block
that runs on into its article's lead-in, no bonus by place alone over a piece opening
mid-paragraph or over a scrap of text, no block for a piece printed under its continuation line,
and the least bid for a block of one article's pull quotes standing away from it (pdftotext).
"""
from __future__ import annotations

from typing import Final

from banmian.body_texts import body_text
from banmian.model import Article, Fragment, Line
from banmian.rules.furniture import LEAD_IN_REASON


def on_its_lead_in(lines: list[Line], pos: dict[int, int], block: list[Line], first: Line) -> bool:
    """The block opens a text block of pdftotext's (a blank line above it) and runs on, no
    blank line between, into `first`, an article's first line opening with a lead-in: the
    headline and the dateline of one report printed as one block."""
    i, j = pos.get(id(block[0])), pos.get(id(block[-1]))
    return (i is not None and j is not None and 0 < i and j + 1 < len(lines) and lines[i - 1].kind == "blank"
            and lines[j + 1] is first and LEAD_IN_REASON in first.reasons)


def under_continued_line(lines: list[Line], pos: dict[int, int], first: Line) -> bool:
    """The line above `first` (an article's first line), blank lines aside, is a continuation
    line (`（上接第三版）`): the rest of a report begun on another page, printed without a head of
    its own; the gold never gives one a headline (simulated TRAIN: 118 continued pieces, dev
    1-40: 16, none headed). Scored like the others, such a piece took a neighbour's block by
    content (TRAIN page 228: `五好家庭创建` / `活动协调会召开`; pages 55, 59, 64, 108, 277 alike).
    Not where a head line stands between (TRAIN page 228: `（上接A10版）`, blank, `证券机构`, a
    headed report under the line, which is another piece's). TRAIN pdftotext: 17 pieces so
    flagged held a block, 14 a continued piece's; dev 1-40: 13 flagged, none held one. Asked of
    pdftotext dumps only (`separates_blocks`), where a blank line sets a text block off: asked of
    raw and PyMuPDF dumps it lost heads (dev 1-40 raw headline_acc 1-20 0.9068 -> 0.9006, 21-40
    0.9423 -> 0.9295; VAL raw 0.7345 -> 0.7304)."""
    at = pos.get(id(first), 0) - 1
    while at >= 0 and lines[at].kind == "blank":
        at -= 1
    return at >= 0 and lines[at].kind == "continued"


# The reason an article records when a block right over it gets no adjacency bonus.
MID_PARAGRAPH_REASON: Final = "headline:no_place_bonus_mid_paragraph"


def mid_paragraph_pieces(groups: list[list[Fragment]]) -> set[int]:
    """The articles whose first piece opens mid-paragraph (`start` "open": a line flush with
    the column, no indent, where pdftotext cut a column off at a blank line). A headline is
    printed over a report's first paragraph, which opens indented or with a lead-in; a head
    block standing right over a line that runs on a paragraph is another report's, printed
    above a column the walk cut. Given by place alone (no word of the block in the piece's
    opening) such blocks were another article's or a fragment's: simulated TRAIN pdftotext
    1-300, 17 pieces opening mid-paragraph held a block by place alone, none the whole right
    head of their gold article (10 pieces no gold article matched, 6 a wrong head, 1 a part of
    the right one); with the bonus withheld, TRAIN headline_acc 41-300 0.6229 -> 0.6262, VAL
    1-40 / 41-120 0.5782 / 0.6057 -> 0.5811 / 0.6089. Asked of pdftotext dumps only
    (`separates_blocks`): raw and PyMuPDF dumps mark no column cut by a blank line, and there a
    head block stands over such a piece as often as its own (asked of them too, sim VAL 1-40
    headline_acc raw 0.7227 -> 0.7168, PyMuPDF 0.7316 -> 0.7257). Dev 1-40 pdftotext: fires on
    pages 5, 22, 29, 32, 37 and 40, changes no score."""
    return {i for i, group in enumerate(groups) if group and group[0].start == "open"}


# At most this many characters of text (white space left out) make a scrap. Sim TRAIN pdftotext
# headline_acc 1-40 / 41-300 (0.6827 / 0.6401 without the rule): 25: 0.6891 / 0.6439; 40:
# 0.6891 / 0.6457; 60: 0.6923 / 0.6443; 100: 0.6923 / 0.6453 (article_exact down one).
SCRAP_MAX_CHARS: Final = 40
# The reason an article records when a block right over it gets no adjacency bonus.
SCRAP_REASON: Final = "headline:no_place_bonus_scrap"


def scrap_pieces(articles: list[Article]) -> set[int]:
    """The articles holding at most SCRAP_MAX_CHARS characters of text: a line or two. A report
    under a headline runs on for a paragraph at least; a scrap under a head block is most
    often a piece split off a report (a column's last line or two, a credit, a byline or a head
    line read as text) that opened an article of its own, and the block over it belongs to the
    report the scrap was split from, or to a neighbour. Given by place alone (no word of the
    block in the scrap) such blocks were rarely its own: simulated TRAIN pdftotext 1-300, of
    the headed articles of at most 40 characters, 95 matched no gold article (72 held another
    gold article's head lines) and 12 held the right head of the gold article they matched.
    With the bonus withheld the block goes by its words: TRAIN headline_acc changes on 17 pages
    (16 up, 1 down: a head line read as text under its own first line; one byline lost on page
    23). Asked of pdftotext dumps only (`separates_blocks`), as `mid_paragraph_pieces`."""
    return {i for i, art in enumerate(articles) if len(body_text(art)) <= SCRAP_MAX_CHARS}


# The reason on the lines of such a block.
QUOTE_BLOCK_REASON: Final = "headline:pull_quote_block_bids_least"


def quote_block_score(block: list[Line], k: int, quotes: dict[int, int], adjacent: dict[int, int]) -> int | None:
    """The article whose pull quotes (`pull_quotes.pull_quotes`) are all the block's head lines,
    with no byline, when the block stands away from it (not right before it, `adjacent`): the
    assignment scores the block MIN_OVERLAP for that article and nothing for the others. A pull
    quote repeats a clause of its article word for word, so by content it outbid the article's
    own headline block, which went to a neighbour and took that one's place (simulated TRAIN
    pdftotext page 160: `我们向读者致衷心的祝福` over `新春祝愿`, the headline sent to a report
    sharing `新春`; pages 21, 107, 146, 166, 228, 267, 283, 299 alike). The quote goes to its
    article as its kicker all the same (`place_pull_quotes`); scored the least, it still holds
    the article when no other block bids for it, and a neighbour leftover still joins it
    (`adopt_adjacent_leftovers`). Right before its article it keeps its score: there the quote
    is the article's kicker printed over the body, its headline set above (TRAIN page 185:
    `中央经济工作会议指出`). TRAIN pdftotext 1-300: 17 heads put right, 2 lost (a line read as a
    head outbid the headline: pages 143, 288), 3 bylines right; dev 1-40 pdftotext: fires on 19
    pages, changes no score. Asked of pdftotext dumps only (`separates_blocks`), where a blank line
    sets a quote off as a text block of its own: in raw dumps it fired twice on TRAIN (pages 97,
    126, nothing changed) and never on dev, and in raw and PyMuPDF dumps of simulated VAL it cost
    one head."""
    heads = [ln for ln in block if ln.kind == "head"]
    owners = {quotes.get(id(ln)) for ln in heads}
    if not heads or any(ln.kind == "byline" for ln in block) or len(owners) != 1:
        return None
    i = owners.pop()
    if i is None or adjacent.get(i) == k:
        return None
    for ln in heads:
        ln.because(QUOTE_BLOCK_REASON)
    return i
