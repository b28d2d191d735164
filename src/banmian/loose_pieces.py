"""Loose pieces: put a headless, bylineless piece back into the article it belongs to.

pdftotext cuts a page's columns at blank lines, and the reassemble stage opens an article
wherever a piece reads like a new one (a new paragraph on new words, a head block above it).
Many such pieces are no article: a report's next column, or its later paragraphs, printed
away from it. The rules before this one (`adjacent_splits`, `lead_rests`, `column_rests`,
`headline_rests`, `headline_tails`) put a piece back on one strong cue each; this one weighs
the weak cues together in a logistic model fitted on simulated pages (`bench/fit_loose.py`):

- words: the piece's bigram cosine with the article, how far it beats every other article's
  (`cos_margin`), whether the article is the one it shares most with (`cos_top`);
- print order: how many pieces stand between the article's last piece printed before it and
  the piece (`gap`, `adj`: right after);
- the join there: an open end (`prev_open`), an open start (`p_open`), a break no article
  prints (`bad`: `thread_order.bad_break`);
- what each is: the piece's opening cue and start log-odds (`p_cc`, `p_hb`, `p_logit`), the two
  lengths, the article's head and byline.

A piece goes to the article it most likely belongs to when that likelihood reaches
LOOSE_MIN_PROB and the two share words enough (LOOSE_MIN_COSINE, LOOSE_MIN_MARGIN; fewer for a
piece printed right after one of the article's pieces, LOOSE_MIN_COSINE_ADJACENT); it goes
where print order puts it among the article's pieces (`in_print_order`:
on sim TRAIN pdftotext, of the merged pieces placed for sure in their gold article, print
order put 38 in the gold place and 14 not; appended after the article, 25 and 27). One step: a
piece that takes another takes no part in a merge itself, and nothing goes after a piece a
credit or jump line closes (`closes_report`).
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Final

from banmian.article_merges import drop_merged, has_head, merge_into
from banmian.bigram_tables import CountCosines
from banmian.body_texts import body_text
from banmian.caption_starts import CAPTION_START_REASON
from banmian.closing_credits import closing_note, last_paragraph
from banmian.lead_rests import REST_OPENINGS, start_logit_of
from banmian.model import Article, Fragment, Page
from banmian.rules.furniture import is_lead_in
from banmian.stages.reorder import goes_on_paragraph
from banmian.stages.segment import paragraphs_of
from banmian.thread_order import bad_break

REASON: Final = "merge:loose_piece"
CONTENT_CHANGE: Final = "article_start:content_change"
HEADLINE_BEFORE: Final = "article_start:headline_before"
MID_SENTENCE_STARTS: Final = ("open", "short")
# Fitted by `python bench/fit_loose.py` on sim TRAIN pdftotext pages 1-300 (486 pieces, 5,922
# piece-article pairs, 612 the piece's own article by the gold), with one more feature then,
# whether the piece is printed before all of the article (weight 1.075): such pairs are no
# longer asked (see LOOSE_MIN_PROB).
LOOSE_WEIGHTS: Final = {
    "adj": 0.325,
    "bad": 0.216,
    "bias": 0.833,
    "cos": 2.042,
    "cos_margin": 2.313,
    "cos_top": 2.389,
    "gap": -0.571,
    "p_cc": 0.376,
    "p_hb": 0.719,
    "p_len": -0.110,
    "p_logit": -0.147,
    "p_open": -0.404,
    "prev_open": -0.324,
    "t_byline": 0.324,
    "t_head": -0.963,
    "t_len": -0.284,
}
# The likelihood a merge needs, and the words the two must share (bigram cosine at least
# LOOSE_MIN_COSINE, LOOSE_MIN_MARGIN above the piece's best with any third article): the model
# weighs print order and the joins enough to merge pieces of unrelated reports (sim TRAIN page
# 125: a finance piece into an essay on traditional culture; page 200: a weightlifting report's
# piece into a newspaper notice). Chars a merge mends in all (merges, for the worse) at the best
# article by the model, sim TRAIN pdftotext 1-300 / sim VAL 1-120: 0.7 alone +3,420 (63, 13) /
# +1,020 (22, 6); 0.6 alone +5,809 (107, 27) / -1,935 (36, 13); 0.6 with both floors +3,808
# (52, 12) / +684 (10, 2); 0.7 with both +961 (31, 6) / +773 (9, 1). A piece printed before all
# of the article is put in none: the model liked such merges (its own article by the gold as
# often as not), but they cost more characters than they mended (sim TRAIN at 0.6: 66 merges,
# -93 characters in all, 32 of them for the worse).
LOOSE_MIN_PROB: Final = 0.6
LOOSE_MIN_COSINE: Final = 0.1
LOOSE_MIN_MARGIN: Final = 0.03
# A piece printed right after one of the article's pieces (`adj`) needs fewer shared words: the
# rest of a report cut from its opening at a column break often shares few bigrams with a short
# opening (sim TRAIN pages 4, 120, 195: cosine 0.04, the next piece in print). Still at least
# LOOSE_MIN_COSINE_ADJACENT, and no less than with any third article. The merges these floors add
# (each alone, at the likeliest article; `ADJ_COS=0.05 ADJ_MARGIN=0 bench/loose_gains.py`): sim
# TRAIN pdftotext 1-300, 11 merges mending 1,194 characters in all, 2 for the worse; TRAIN2
# 1-600, 28 merges, +2,041, 5 for the worse (without the 0.05 floor: +1,573 / +1,835, 5 / 10 for
# the worse).
LOOSE_MIN_COSINE_ADJACENT: Final = 0.05
LOOSE_MIN_MARGIN_ADJACENT: Final = 0.0
LOGIT_CLIP: Final = 6.0  # a start log-odds counts up to this much either way
GAP_CAP: Final = 99  # pieces between, as far as `gap` counts


def loose_piece(article: Article, group: list[Fragment]) -> bool:
    """A piece with no byline and no head that opened an article on its words or under head
    lines alone (`lead_rests.REST_OPENINGS`), not on a lead-in: one that may be another
    article's text. (One opened by a continuation note, under a caption, … is an article of its
    own, as the made-up pages of tests/test_headless_continuations.py and test_caption_starts.py
    show.) (A piece headed by a pull quote of its own body is `quoted_pieces`' to
    place: given to this rule too, it went to reports it shared few words with, as
    tests/test_quoted_pieces.py's made-up page shows.)"""
    if not group or article.byline or has_head(article) or not article.reasons:
        return False
    if not article.reasons[0].startswith(REST_OPENINGS):  # a continuation (上接), …
        return False
    if CAPTION_START_REASON in group[0].first.reasons:  # a photo story's text under its caption
        return False
    return not is_lead_in(group[0].first.text)


def pair_features(piece: Article, group: list[Fragment], target: Article, target_group: list[Fragment],
                  cos: float, best_other: float, top: bool) -> dict[str, float]:
    """The model's features for `piece` (its pieces `group`) going into `target`, some of whose
    pieces are printed before it: `cos` their bigram cosine, `best_other` the piece's best
    cosine with any third article, `top` whether `target` is the article it shares most with."""
    first = group[0]
    prev = max((f for f in target_group if f.order < first.order), key=lambda f: f.order)
    gap = first.order - prev.order
    opening = piece.reasons[0] if piece.reasons else ""
    return {
        "adj": 1.0 if gap == 1 else 0.0,
        "bad": float(bad_break(prev, first)),
        "cos": cos,
        "cos_margin": cos - best_other,
        "cos_top": 1.0 if top else 0.0,
        "gap": math.log1p(min(gap, GAP_CAP)),
        "p_cc": 1.0 if opening.startswith(CONTENT_CHANGE) else 0.0,
        "p_hb": 1.0 if opening.startswith(HEADLINE_BEFORE) else 0.0,
        "p_len": math.log1p(len(body_text(piece))),
        "p_logit": max(-LOGIT_CLIP, min(LOGIT_CLIP, start_logit_of(piece))),
        "p_open": 1.0 if first.start in MID_SENTENCE_STARTS else 0.0,
        "prev_open": 1.0 if prev.end == "open" else 0.0,
        "t_byline": 1.0 if target.byline else 0.0,
        "t_head": 1.0 if has_head(target) else 0.0,
        "t_len": math.log1p(len(body_text(target))),
    }


def merge_probability(features: dict[str, float]) -> float:
    """The fitted model's likelihood that the piece is the article's text."""
    z = LOOSE_WEIGHTS["bias"] + sum(LOOSE_WEIGHTS[k] * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-z))


def piece_pairs(page: Page) -> Iterator[tuple[int, int, dict[str, float]]]:
    """(piece, article, features) for each loose piece of the page and each other article."""
    articles = page.articles
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    pieces = [n for n, (piece, group) in enumerate(zip(articles, groups)) if loose_piece(piece, group)]
    if not pieces:
        return  # many pages: no article's words counted
    table = CountCosines([body_text(a) for a in articles])
    for n in pieces:
        piece, group = articles[n], groups[n]
        cos = table.cosines(n)
        cos[n] = -1.0
        top = max(range(len(cos)), key=cos.__getitem__)
        for m, (target, target_group) in enumerate(zip(articles, groups)):
            if m == n or not target_group or target_group[0].order > group[0].order:
                continue  # a piece printed before all of an article (see LOOSE_MIN_PROB) goes into none
            best_other = max((c for k, c in enumerate(cos) if k not in (n, m)), default=0.0)
            yield n, m, pair_features(piece, group, target, target_group, cos[m], best_other, m == top)


def best_targets(page: Page) -> list[tuple[int, int, float]]:
    """(piece, article, likelihood) for each loose piece of the page: the article it most
    likely belongs to, the likelihood 0 where the two share too few words."""
    best: dict[int, tuple[int, int, float, dict[str, float]]] = {}
    for n, m, features in piece_pairs(page):
        p = merge_probability(features)
        if n not in best or p > best[n][2]:
            best[n] = (n, m, p, features)
    return [(n, m, p if shares_enough(features) else 0.0) for n, m, p, features in best.values()]


def shares_enough(features: dict[str, float]) -> bool:
    """The piece shares words enough with the article, and more than with any third (fewer
    where it is printed right after one of the article's pieces)."""
    if features["adj"]:
        return features["cos"] >= LOOSE_MIN_COSINE_ADJACENT and features["cos_margin"] >= LOOSE_MIN_MARGIN_ADJACENT
    return features["cos"] >= LOOSE_MIN_COSINE and features["cos_margin"] >= LOOSE_MIN_MARGIN


def closes_report(frag: Fragment) -> bool:
    """A jump line, a source credit or a closing credit (`closing_credits.closing_note`: `（新华社）`,
    `（王明）`) ends the piece: nothing of its report follows it here (and a credit closing an
    article's last paragraph is where the metadata stage reads its source)."""
    return frag.no_successor or closing_note(last_paragraph(frag.lines)) is not None


def in_print_order(target: Article, target_group: list[Fragment], size: int, at: int) -> None:
    """Move the `size` pieces just appended to `target_group` to index `at` (where print order
    puts them), set where paragraphs start at the two new joins, and reflow `target`'s
    paragraphs from its pieces (`segment.paragraphs_of`: the caller made sure they were built
    so)."""
    moved = target_group[-size:]
    del target_group[-size:]
    target_group[at:at] = moved
    if at:
        moved[0].first.para_start = not goes_on_paragraph(target_group[at - 1], moved[0])
    after = target_group[at + size]
    after.first.para_start = not goes_on_paragraph(moved[-1], after)
    target.paragraphs = paragraphs_of(target_group)


def merge_loose_pieces(page: Page) -> None:
    """Merge each loose piece into the article it most likely belongs to (`best_targets`) when
    that likelihood reaches LOOSE_MIN_PROB, the likeliest first; an article that took a piece is
    merged into none, a merged piece takes none."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    articles = page.articles
    if len(groups) != len(articles) or len(groups) < 2:
        return
    taking: set[int] = set()
    gone: dict[int, int] = {}
    for n, m, p in sorted(best_targets(page), key=lambda t: -t[2]):
        if p < LOOSE_MIN_PROB or n in taking or m in gone:
            continue
        if merge_piece(page, groups, n, m, f"{REASON}:{p:.2f}"):
            taking.add(m)
            gone[n] = m
    if gone:
        drop_merged(page, groups, gone)


def merge_piece(page: Page, groups: list[list[Fragment]], n: int, m: int, why: str) -> bool:
    """Merge article `n` (a loose piece) into article `m` where print order puts it among `m`'s
    pieces, unless a credit or jump line closes the piece before it, or the piece itself with
    more of `m` after it (`closes_report`); True when merged. The caller drops `n` from the
    page (`drop_merged`)."""
    articles = page.articles
    target, target_group, group = articles[m], groups[m], groups[n]
    at = sum(1 for f in target_group if f.order < group[0].order)
    if closes_report(target_group[at - 1]) or (at < len(target_group) and closes_report(group[-1])):
        return False
    as_built = paragraphs_of(target_group) == target.paragraphs and paragraphs_of(group) == articles[n].paragraphs
    above = target_group[at - 1] if at else target_group[-1]
    merge_into(page, target, articles[n], target_group, group, above, why)
    if as_built and at < len(target_group) - len(group):
        in_print_order(target, target_group, len(group), at)
    return True
