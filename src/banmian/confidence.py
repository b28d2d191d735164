"""How sure is banmian of an article? A small logistic model over the cues the stages recorded.

`Article.confidence` estimates the probability that the article is RIGHT: a gold article is
paired with it (the scorer's Hungarian matching, `bench/metrics.match_articles`) and their
bodies (NFKC, whitespace removed, a leading byline stripped) differ by a normalized edit
distance of at most 0.05. It is meant for ranking what to check by hand.

The cues (`confidence_features`) are read from the reasons the stages wrote on the article and
on the lines it holds, so the stage decides nothing and changes nothing but the number:

- the start model's log-odds (`article_start:lead_in:+3.80`);
- the joins of its thread (`reassemble:after_line_N:+x:new-y`): how many, and the weakest
  margin of a join's link score over the score of opening a new thread there;
- merges of pieces after the threading (`merge:…`), and how many separate runs of input lines
  it holds;
- the headline: none, or how it was assigned, with the assignment's score
  (`headline:before_article:s`, `headline:after_article:s`, `headline:content_overlap:s`);
- a byline, captions, the body's length and paragraphs;
- the page: its joins per article (high on pdftotext dumps, which print columns cut and
  interleaved; near 0 on raw and PyMuPDF dumps), its share of headless articles, its articles.

Pages rebuilt from geometry (PDF text layers and OCR) have none of these cues (no threading,
no start model): they get a constant per path, the observed share of right articles (see
`GEOMETRY_CONFIDENCE`).
"""
from __future__ import annotations

import math
from typing import Final

from banmian.model import Article, Page, line_ranges

# Fitted by bench/fit_confidence.py (L2 logistic regression, penalty 1e-3, every weight but the
# bias) on the 8339 articles banmian rebuilds from the simulated TRAIN pages 1-300, dumps
# pdftotext, raw and pymupdf (BANMIAN_SHARED=/work/sim/train; right: 50.0 %, 81.2 %, 81.6 %).
# On those pages: AUC 0.822 / 0.787 / 0.787 (all 0.839), Brier 0.171 / 0.121 / 0.120 against
# 0.250 / 0.152 / 0.150 for each kind's base rate. Tried and left out (AUC within 0.002, or a
# weight near 0): how the start was found (lead-in, change of content), joins read on, heads
# printed last (raw and PyMuPDF), a head given without its place bonus, lines of suspect kinds
# (`paragraph_start:after_headline`), products of each cue with the page's joins (+0.003 to
# 0.007 AUC for twice the weights), and an article ending mid-sentence (simulated gold articles
# cut at a page's end often do). The page's joins per article tell a pdftotext dump from the
# others; the -layout dumps (none in TRAIN) are read as pdftotext's once `unlayout` ran.
CONFIDENCE_WEIGHTS: Final = {
    "bias": -0.522,
    "start": 0.144,  # per unit of the start model's log-odds
    "headless": -0.746,
    "head_before": 0.331,  # per unit of `headline:before_article`'s score
    "head_after": 1.223,  # per unit of `headline:after_article`'s (pages printing bodies first)
    "head_overlap": -0.414,  # per unit of `headline:content_overlap`'s (a head found by its words)
    "byline": 0.499,
    "joins": 0.581,  # per unit of log(1 + joins of its thread)
    "weak_join": -0.130,  # per unit the weakest join's margin falls below MARGIN_CLIP
    "merges": -0.270,  # per unit of log(1 + merges)
    "pieces": -0.274,  # per unit of log(number of separate runs of input lines)
    "log_chars": 0.683,  # per unit of log(1 + body characters)
    "short": -0.521,  # under SHORT_CHARS body characters
    "paras": -0.683,  # per unit of log(1 + paragraphs)
    "captions": 0.522,
    "page_joins": -0.932,  # per unit of log(1 + the page's joins per article)
    "page_headless": -1.896,  # the page's share of headless articles
    "page_articles": -0.492,  # per unit of log(the page's articles)
}

# Clips of the numeric cues (values beyond them tell nothing more).
START_CLIP: Final = 6.0  # start-model log-odds, clipped to [-START_CLIP, START_CLIP]
MARGIN_CLIP: Final = 6.0  # a join's link score over its new-thread score, likewise
HEAD_SCORE_CLIP: Final = 2.0  # the headline assignment's score
# The ways `stages.headlines` assigns a head block, each recorded with its score: right before
# the article, right after it (pages printing bodies first), or by words alone.
HEAD_ASSIGNMENTS: Final = ("before_article", "after_article", "content_overlap")
SHORT_CHARS: Final = 80  # a body shorter than this is often a piece of another article

# Pages rebuilt from geometry (a PDF's text layer; OCR of a scan or image) have none of the text
# path's cues (no threading, no start model): a constant per path, its observed share of right
# articles. PDF: 317 of the 318 articles of dev PDFs 1-40 (held-out 41-60: 179 of 180;
# `python bench/confidence.py --kinds pdf`). OCR (rapidocr, the dev PDFs rendered at 200 dpi,
# bench/ocr.py; about a minute a page, so five pages): 41 of the 41 articles of dev pages 1-5,
# taken as (41 + 1) / (41 + 2) = 0.98 (Laplace's rule: a misread character or two per hundred
# makes an article wrong, and five pages cannot show that rate). Held-out pages 41-43: 27 of 27.
GEOMETRY_CONFIDENCE: Final = {"pdf": 0.99, "ocr": 0.98}

DECIMALS: Final = 3  # the JSON carries the number rounded so


def _number(text: str) -> float | None:
    """A reason's signed number (`+3.80`, `-0.05`, `0.77`), None when it is not one."""
    try:
        return float(text)
    except ValueError:
        return None


def _clip(x: float, bound: float) -> float:
    return max(-bound, min(bound, x))


def join_cues(page: Page) -> dict[int, tuple[int, float]]:
    """Per article (by `id`): how many joins its thread made and how far the weakest join's
    margin (link score over new-thread score) falls below MARGIN_CLIP, from the
    `reassemble:after_line_N:+x:new-y` reasons of its lines."""
    out: dict[int, tuple[int, float]] = {}
    for line in page.lines:
        for r in line.reasons:
            if not r.startswith("reassemble:after_line_"):
                continue
            parts = r.split(":")
            if len(parts) < 4 or not parts[3].startswith("new"):
                continue
            link, new = _number(parts[2]), _number(parts[3][3:])
            owner = page.owner_of(line)
            if link is None or new is None or owner is None:
                continue
            joins, weak = out.get(id(owner), (0, 0.0))
            out[id(owner)] = (joins + 1, max(weak, MARGIN_CLIP - _clip(link - new, MARGIN_CLIP)))
    return out


def page_level(page: Page, cues: dict[int, tuple[int, float]]) -> tuple[float, float, float]:
    """The page's own cues, the same for each of its articles: log(1 + joins per article), the
    share of headless articles, log(articles). `cues`: the page's `join_cues`."""
    arts = max(len(page.articles), 1)
    page_joins = sum(c[0] for c in cues.values())
    return (math.log1p(page_joins / arts), sum(a.headline is None for a in page.articles) / arts, math.log(arts))


def confidence_features(page: Page, article: Article, cues: dict[int, tuple[int, float]] | None = None,
                        level: tuple[float, float, float] | None = None) -> dict[str, float]:
    """The cues of `article` (see the module docstring), by name: the model's inputs. `cues`:
    the page's `join_cues`, and `level` its `page_level`, when already found."""
    start: float | None = None
    head_score = 0.0
    head_after = 0.0
    head_overlap = 0.0
    merges = 0
    for r in article.reasons:
        parts = r.split(":")
        if parts[0] == "article_start" and len(parts) >= 3 and start is None:
            value = _number(parts[2])
            if value is not None:  # the first: the start model's word on the article's opening
                start = _clip(value, START_CLIP)
        elif parts[0] == "headline" and len(parts) >= 3 and parts[1] in HEAD_ASSIGNMENTS:
            value = _number(parts[2])
            if value is not None and not (head_score or head_after or head_overlap):
                if parts[1] == "before_article":
                    head_score = min(value, HEAD_SCORE_CLIP)
                elif parts[1] == "after_article":
                    head_after = min(value, HEAD_SCORE_CLIP)
                else:
                    head_overlap = min(value, HEAD_SCORE_CLIP)
        elif parts[0] == "merge":
            merges += 1
    if cues is None:
        cues = join_cues(page)
    if level is None:
        level = page_level(page, cues)
    joins, weak = cues.get(id(article), (0, 0.0))
    chars = sum(len(p) for p in article.paragraphs)
    return {
        "bias": 1.0,
        "start": start or 0.0,
        "headless": float(article.headline is None),
        "head_before": head_score,
        "head_after": head_after,
        "head_overlap": head_overlap,
        "byline": float(article.byline is not None),
        "joins": math.log1p(joins),
        "weak_join": weak,
        "merges": math.log1p(merges),
        "log_chars": math.log1p(chars),
        "short": float(chars < SHORT_CHARS),
        "pieces": math.log1p(len(line_ranges(article.line_nos)) - 1) if article.line_nos else 0.0,
        "paras": math.log1p(len(article.paragraphs)),
        "captions": float(bool(article.captions)),
        "page_joins": level[0],
        "page_headless": level[1],
        "page_articles": level[2],
    }


def article_confidence(page: Page, article: Article, weights: dict[str, float] = CONFIDENCE_WEIGHTS,
                       cues: dict[int, tuple[int, float]] | None = None,
                       level: tuple[float, float, float] | None = None) -> float:
    """The model's probability that `article` is right, in [0, 1]."""
    z = sum(weights.get(k, 0.0) * v for k, v in confidence_features(page, article, cues, level).items())
    return 1.0 / (1.0 + math.exp(-_clip(z, 30.0)))


def confidence(page: Page) -> Page:
    """Set every article's `confidence` (rounded to DECIMALS); nothing else changes. Pages
    rebuilt from geometry get their path's constant."""
    if page.source.kind != "text":
        constant = GEOMETRY_CONFIDENCE["ocr" if page.scratch.get("ocr") else "pdf"]
        for art in page.articles:
            art.confidence = constant
        return page
    cues = join_cues(page)
    level = page_level(page, cues)
    for art in page.articles:
        art.confidence = round(article_confidence(page, art, cues=cues, level=level), DECIMALS)
    return page
