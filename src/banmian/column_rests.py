"""Put a report's next column back under the column it continues, where pdftotext printed it.

pdftotext prints a report's columns one text block after the other. Where a column ends at a
paragraph's end and the next one opens an indented paragraph on new words, nothing spans the
break, and the start model opens an article on the new column (`article_start:content_change`):
a headless, bylineless piece printed right under the last piece of the report it continues,
blank lines alone between. `adjacent_splits.merge_adjacent_splits` puts such a piece back only
where the heads say so or the report above is a cut-off lead; a headless piece under a longer
headed report was left apart, since the next column down is as often a neighbour's paragraph
(sim TRAIN pdftotext pages 1-300: of 92 headless, bylineless pieces so placed under a thread
closing a paragraph, 60 read on from it in the gold, 32 are another report's or an article's
start).

What tells them apart is that a report's columns speak of one thing: a piece continuing the
report above shares some of its words (bigram cosine at least REST_MIN_COSINE), with the report
before its last piece too (that last piece may itself be a neighbour's stray paragraph), and
shares them with that report well above any other article of the page (REST_OVER_OTHERS): a
neighbour's paragraph, or a new report on the same topic, shares as much with its own report or
a third one. Placement is by the printed order alone: the piece goes after the report's last
piece, right above it.

Words decide here, the print only proposes: without REST_OVER_OTHERS the rule joined, on sim
VAL, a neighbour's piece and a headless true start (each a whole article lost), and so it is
kept strict; it fires on 3 sim TRAIN pages (49, 127, 146), one sim VAL page, no dev page 1-40.
"""
from __future__ import annotations

from typing import Final

from banmian.adjacent_splits import articles_under, ends_on_credit, reads_on_below
from banmian.article_merges import drop_merged, merge_into, move_pieces
from banmian.body_texts import body_text
from banmian.lead_rests import stray_rest
from banmian.model import Article, Fragment, Page, page_line_index
from banmian.stages.segment import paragraphs_of
from banmian.rules.chars import strip_ws
from banmian.similarity import bigram_key_counts, key_counts_cosine

# Sim TRAIN pdftotext pages 1-300, headless bylineless indented pieces right under a thread's
# last piece that closes a paragraph (the piece reads on from it in the gold / another report's
# text / a gold article's start): any cosine 60 / 32 / 5; cosine 0.02: 36 / 9 / 2; 0.04: 19 / 0
# / 1; 0.07: 13 / 0 / 0.
REST_MIN_COSINE: Final = 0.04
# A piece much longer than the report above it is no column of that report but a report of its
# own under a photo credit or a short item (sim TRAIN page 291: 1976 characters under 977, the
# gold's own article, body .88 -> .46 when merged; page 37: 508 under 447 is the report's next
# column). Sim TRAIN pdftotext 41-300 body .8115 with no cap, 1.0: .8125, 1.5: .8127; pages
# 1-40 .8480, .8431, .8476.
REST_MAX_RATIO: Final = 1.5
# The report above must share the piece's words well above any other article on the page (its
# cosine at least REST_OVER_OTHERS times each other's): a neighbour's piece or a new report on
# the same topic as the report above shares as much with its own report or a third one. Sim
# pdftotext body, TRAIN 1-40 / 41-300 | VAL 1-40 / 41-120, without it: .8484 / .8132 | .7869 /
# .7919 (VAL: one neighbour's piece and one headless true start joined); 1.0 (the report above
# the one sharing most): .8484 / .8129 | .7945 / .7942 (the true start still joined); 1.4: .8439
# / .8127 | .7945 / .8000 (TRAIN pages 49, 127, 146, VAL one page, each the gold reading); 2.0:
# TRAIN page 127 lost.
REST_OVER_OTHERS: Final = 1.4
REST_REASON: Final = "merge:next_column_under"


def column_rest(piece: Article, target: Article, target_group: list[Fragment]) -> bool:
    """`piece` (a `lead_rests.stray_rest`) is the next column of `target`: `target` is no stray
    rest itself (sim TRAIN page 141: a headless start under another headless start, both on one
    topic), does not close on a credit (a report's last word), the piece is at most
    REST_MAX_RATIO times its length, and the two share words (REST_MIN_COSINE)."""
    if ends_on_credit(target) or stray_rest(target, target_group):
        return False
    text, above = body_text(piece), body_text(target)
    if not text or not above or len(text) > REST_MAX_RATIO * len(above):
        return False
    proper = strip_ws("".join(ln.text for f in target_group[:-1] for ln in f.lines)) or above
    own = bigram_key_counts(text)
    return (key_counts_cosine(own, bigram_key_counts(above)) >= REST_MIN_COSINE
            and key_counts_cosine(own, bigram_key_counts(proper)) >= REST_MIN_COSINE)


def most_shared(piece: Article, target: Article, articles: list[Article]) -> bool:
    """`piece` shares at least REST_OVER_OTHERS times as many words (bigram cosine) with
    `target` as with each other article of `articles` (the page's)."""
    own = bigram_key_counts(body_text(piece))
    best = key_counts_cosine(own, bigram_key_counts(body_text(target)))
    return all(best >= REST_OVER_OTHERS * key_counts_cosine(own, bigram_key_counts(body_text(a)))
               for a in articles if a is not piece and a is not target)


def rests_under_columns(page: Page) -> None:
    """Merge each stray rest (`lead_rests.stray_rest`) printed right under another thread's last
    piece, which closes a paragraph (`adjacent_splits.reads_on_below`), into that thread when
    `column_rest` says they are one report and no other article shares its words as much
    (`most_shared`). One step, as `merge_adjacent_splits`: an article
    grown so takes no further piece, a merged piece takes none. Runs after `rests_of_leads`."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    articles = page.articles
    if len(groups) != len(articles) or len(groups) < 2:
        return
    pos: dict[int, int] | None = None  # line positions (the paragraphs stage's index), when a stray rest first needs them
    under = articles_under(page, groups)
    merged: set[int] = set()
    gone: dict[int, int] = {}
    for n, (article, group) in enumerate(zip(articles, groups)):
        if n in merged or not stray_rest(article, group):
            continue
        hit = under[n]
        if hit is None or hit[1] in merged:
            continue
        above, m = hit
        if pos is None:
            pos = page_line_index(page)
        if not reads_on_below(page, above, group[0], pos):
            continue
        if not column_rest(article, articles[m], groups[m]):
            continue
        if not most_shared(article, articles[m], articles):
            continue
        merge_into(page, articles[m], article, groups[m], group, above, REST_REASON)
        merged.update((n, m))
        gone[n] = m
    if gone:
        drop_merged(page, groups, gone)


# A report's next column, printed right under its last one (blank lines alone between), that the
# threads gave to another article after a piece stopping mid-sentence (`taken_column`): the report
# above closes a paragraph on a short last line and the column opens an indented one, which reads
# on; the piece the column went after stops on a full line closing no sentence (`end` "open"),
# whose next line must go on flush (no indent) at the top of a column, so the column is not its
# sequel. Sim TRAIN pdftotext pages 1-300, columns so placed (the gold reads on from the report
# above / from the piece it went after / neither): 15 / 0 / 4 (a report stopping on a full line
# ending a sentence, `end` "maybe", 3 / 0 / 3 more: left out); sim VAL 1-120: 6 / 0 / 1; dev
# pdftotext 1-40: none (with "maybe", page 33, wrong). A lone line over the column (OPENING_MIN_LINES)
# or a report printed right after the piece the column went after is that piece's own sequel, cut
# off by a misread line (sim TRAIN page 5: `生了较好的影响。`, the last line of a paragraph, read as
# an indented one: the piece, the line and the column are one run; pages 108, 126, 264, 277, 294).
# The pieces the column's thread ran on with after it go with it (moving the column alone: sim
# TRAIN pdftotext body 1-40 .8598 -> .8593, tail with it .8640). Where the column sits first in its
# thread, `adjacent_splits.merge_adjacent_splits` and `rests_under_columns` decide.
TAKE_BACK_REASON: Final = "merge:next_column_taken_back"
OPENING_MIN_LINES: Final = 2


def taken_column(page: Page, above: Fragment, frag: Fragment, before: Fragment, pos: dict[int, int]) -> bool:
    """`frag` opens an indented paragraph right under `above`, which closes one on a short last
    line (`end` "closed"), blank lines alone between (`adjacent_splits.reads_on_below`), and its thread put it after `before`, a piece
    stopping mid-sentence on a full line (`end` "open"), whose sequel starts flush."""
    return before.end == "open" and above.end == "closed" and reads_on_below(page, above, frag, pos)


def move_tail(page: Page, target: Article, target_group: list[Fragment], source: Article, group: list[Fragment],
              k: int, above: Fragment) -> bool:
    """Move `group[k:]` (the pieces from `k` on) and their paragraphs from `source` to the end of
    `target`; False (nothing moved) where `source`'s paragraphs do not end with those pieces' own
    (a later stage reshaped them)."""
    moved = paragraphs_of(group[k:])
    if not moved or len(moved) >= len(source.paragraphs) or source.paragraphs[-len(moved):] != moved:
        return False
    move_pieces(page, source, group, k, target, target_group, (len(source.paragraphs) - len(moved), 0),
                f"{TAKE_BACK_REASON}:after_line_{above.last.no}")
    return True


def take_back_next_columns(page: Page) -> None:
    """Give each report the column printed right under its last piece that another thread took
    after a piece stopping mid-sentence (`taken_column`), with the pieces that thread ran on with
    after it. One step: an article that gave or took pieces takes and gives no more. Runs after
    `rests_under_columns`, in dumps that part text blocks by blank lines."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    articles = page.articles
    if len(groups) != len(articles) or len(groups) < 2:
        return
    frags: list[Fragment] = page.scratch.get("fragments", [])
    at: dict[int, int] = {id(f): k for k, f in enumerate(frags)}
    where: dict[int, tuple[int, int]] = {id(f): (m, k) for m, g in enumerate(groups) for k, f in enumerate(g)}
    pos: dict[int, int] | None = None
    touched: set[int] = set()
    for n, group in enumerate(groups):
        if n in touched or not group:
            continue
        k = at.get(id(group[-1]))
        if k is None or k + 1 >= len(frags):
            continue
        frag = frags[k + 1]
        hit = where.get(id(frag))
        if hit is None or hit[0] == n or hit[1] == 0 or hit[0] in touched:
            continue
        m, j = hit
        if pos is None:
            pos = page_line_index(page)
        before = groups[m][j - 1]
        if len(group[-1].lines) < OPENING_MIN_LINES or at.get(id(before)) == at.get(id(group[0]), -1) - 1:
            continue  # a lone line, or a report printed right after `before`: `before`'s own sequel
        if not taken_column(page, group[-1], frag, before, pos):
            continue
        if move_tail(page, articles[n], group, articles[m], groups[m], j, group[-1]):
            touched.update((n, m))
