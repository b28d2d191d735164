"""Put a report's rest back after its cut-off opening when the opening's headline names it.

pdftotext walks a page column by column. A report whose first column closes at a paragraph's
end leaves a short headed article behind (its headline, often a lead-in byline, a paragraph or
two), and the rest, further on in the walk, opens an article of its own on its new words
(`article_start:content_change`) or under a head line that went elsewhere. `lead_rests`,
`adjacent_splits` and `column_rests` join such rests when the two bodies share words or the rest
is printed right under its opening; what they leave are rests whose words differ from a short
opening's (a feature turning to a scene, a report to a quote).

The headline summarises the whole report: its words come back in the rest even when the
opening's body words do not (`head_share`). That alone is no proof, for a short whole report's
headline shares words with its neighbours too; what tells a cut-off opening from a whole short
report is what pdftotext prints after it (`ends_at_column_foot`): a cut-off opening stops at a
column's foot, and the walk goes on at the next column's top (body text or a page header
after the blank line), where a whole report is followed by its closing credit or jump
line (no blank line between) or by the next report's headline in the same column.

Simulated TRAIN pdftotext pages 1-300, after every other rule (pairs of a headed opening of at
most 400 characters, closing no report with a credit, and a later headless, bylineless piece
opened on its words, each the other's best by the headline's share; right = the piece is the
text that follows the opening in the gold article): share 0.2 and over, any next line 16 right
/ 12 wrong; next line at a column's top 12 / 3 (wrong ones whose opening was a whole gold
report: 1); 0.3: 7 / 1; 0.15: 15 / 8; headed pieces too, 0.2: 15 / 7. In the pipeline (joins
whose two sides stand in a row in one gold article / not): TRAIN 12 / 3 (12 / 4 with a caption
taken for a column's top); it fires on none of dev pdftotext pages 1-40.
"""
from __future__ import annotations

from typing import Final

from banmian.adjacent_splits import body_chars, ends_on_credit, quoted_head
from banmian.article_merges import drop_merged, has_head, merge_into
from banmian.body_texts import body_text
from banmian.lead_rests import REST_OPENINGS, head_of, rests_run_on
from banmian.model import Article, Fragment, Page, page_line_index
from banmian.rules.furniture import is_lead_in
from banmian.rules.chars import strip_ws
from banmian.similarity import bigrams, share_found

# A headed article this short (body characters) may be a report's cut-off opening. Sim TRAIN
# pdftotext 1-300: of the headed articles of at most 400 characters that begin a gold report,
# 398 are cut from their rest and 920 whole. In the pipeline, joins right / wrong and body_char_acc
# of pages 41-300 (a caption then taken for a column's top too): 400: 13 / 5, .8420; 350: 12 / 5; 300: 12 / 4, .8419; 250: 10 / 2, .8415; 200:
# 7 / 2 (main .8406). Over 350 a whole report of one speaker at a forum took the next speaker's
# words under a headline that went elsewhere (dev pdftotext page 39, 352 characters: para_f1
# 1-40 .9105 -> .9085, under the gate's floor).
OPENING_MAX_CHARS: Final = 300
# Share of the opening's headline bigrams (kicker, headline and subtitle) found in the rest's
# body. Sim TRAIN pdftotext 1-300, right / wrong joins (see the module's docstring): 0.15:
# 15 / 8, 0.2: 12 / 3, 0.25: 8 / 3, 0.3: 7 / 1.
HEAD_IN_REST_MIN_SHARE: Final = 0.2
# The kinds of the first line after the blank lines that follow a cut-off opening: the next
# column's top (body text, or a page header printed above it). Sim TRAIN pdftotext 1-300, headed
# articles of at most 400 characters that begin a gold report, cut / whole: next line body or
# header after a blank 181 / 163; a caption after a blank 22 / 36 (a picture's caption, and the
# photo report under it, `caption_starts`: tests/test_caption_starts.py); a head after a blank
# 138 / 326; a jump or credit line with no blank between 18 / 284.
COLUMN_TOP_KINDS: Final = ("body", "header")
REASON: Final = "merge:rest_named_by_headline"


def head_share(head: str, text: str) -> float:
    """Share of the head's bigrams found among the text's."""
    return share_found(bigrams(head), strip_ws(text))


def ends_at_column_foot(page: Page, last: Fragment, pos: dict[int, int]) -> bool:
    """After `last`'s last line come one or more blank lines and then a line of COLUMN_TOP_KINDS:
    the walk went on at the next column's top (`pos`: line positions)."""
    lines = page.lines
    k = pos[id(last.last)] + 1
    start = k
    while k < len(lines) and lines[k].kind == "blank":
        k += 1
    return k > start and k < len(lines) and lines[k].kind in COLUMN_TOP_KINDS


def cut_off_opening(page: Page, article: Article, group: list[Fragment], pos: dict[int, int]) -> bool:
    """A headed article (not only a pull quote of its own body) of at most OPENING_MAX_CHARS,
    closed by no credit, jump line or source, that stops at a column's foot."""
    if not group or not has_head(article) or quoted_head(article) or group[-1].no_successor:
        return False
    if body_chars(article) > OPENING_MAX_CHARS or ends_on_credit(article):
        return False
    return ends_at_column_foot(page, group[-1], pos)


def headless_rest(article: Article, group: list[Fragment]) -> bool:
    """A piece that opened an article on its words or under head lines that went elsewhere
    (`lead_rests.REST_OPENINGS`), holding no head, no byline and no lead-in."""
    if not group or not article.reasons or not article.reasons[0].startswith(REST_OPENINGS):
        return False
    if has_head(article) or article.byline or not body_text(article):
        return False
    return not is_lead_in(group[0].first.text)


def cut_off_openings(page: Page) -> tuple[list[list[Fragment]], list[int]]:
    """The page's article groups (`page.scratch["article_groups"]`) and the indexes of its
    `cut_off_opening` articles (none when the groups do not match the articles one to one, or
    the page holds fewer than two)."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    articles = page.articles
    if len(groups) != len(articles) or len(groups) < 2:
        return groups, []
    pos = page_line_index(page)
    return groups, [n for n, (a, g) in enumerate(zip(articles, groups)) if cut_off_opening(page, a, g, pos)]


def rests_named_by_headlines(page: Page) -> None:
    """Merge each `headless_rest` into the `cut_off_opening` printed before it whose headline
    shares most with it (HEAD_IN_REST_MIN_SHARE at least), when that opening's headline shares
    no more with any other such piece; the rest starts as the opening stops
    (`lead_rests.rests_run_on`). Runs after the other rest rules of the headline stage, in dumps
    that part text blocks by blank lines."""
    groups, openings = cut_off_openings(page)
    articles = page.articles
    rests = [n for n, (a, g) in enumerate(zip(articles, groups)) if n not in openings and headless_rest(a, g)]
    if not openings or not rests:
        return
    texts = {r: body_text(articles[r]) for r in rests}
    scores: dict[tuple[int, int], float] = {}
    for m in openings:
        head = head_of(articles[m])
        for r in rests:
            if groups[r][0].order > groups[m][-1].order and rests_run_on(groups[m], groups[r]):
                scores[(m, r)] = head_share(head, texts[r])
    best_rest: dict[int, tuple[int, int]] = {}
    best_opening: dict[int, tuple[int, int]] = {}
    for (m, r), s in scores.items():
        if m not in best_rest or s > scores[best_rest[m]]:
            best_rest[m] = (m, r)
        if r not in best_opening or s > scores[best_opening[r]]:
            best_opening[r] = (m, r)
    gone: dict[int, int] = {}
    for m, pair in sorted(best_rest.items()):
        r = pair[1]
        s = scores[pair]
        if s < HEAD_IN_REST_MIN_SHARE or best_opening[r] != pair or m in gone:
            continue
        target, piece = articles[m], articles[r]
        if groups[r][0].start == "open" and target.paragraphs and piece.paragraphs:
            # cut inside a paragraph: the rest's first paragraph goes on the opening's last
            piece.paragraphs[0] = target.paragraphs.pop() + piece.paragraphs[0]
        merge_into(page, target, piece, groups[m], groups[r], groups[m][-1], f"{REASON}:{s:.2f}")
        gone[r] = m
    if gone:
        drop_merged(page, groups, gone)
