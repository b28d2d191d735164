"""Page reconstruction metrics: a reimplementation of shared/tools/score.py.

Definitions (shared/docs/metrics.md), all on text after NFKC normalization with every whitespace
character removed:

- an article's *body* is its non-empty paragraphs; a byline printed at the start of the first
  paragraph is stripped from it (on both the gold and the predicted side);
- gold and predicted articles are paired by a minimum-cost (Hungarian) assignment on the
  normalized Levenshtein distance of their bodies; a pair counts only if its cost is < 0.6;
- ``body_char_acc`` = 1 - sum(min(edit distance, gold length)) / total gold length, an unmatched
  gold article counting its whole length; ``extra_chars`` = body characters of unmatched
  predictions;
- ``para_f1`` = F1 of paragraph-boundary offsets, the predicted ones mapped onto the gold body
  through the Levenshtein opcodes;
- ``article_exact``, ``headline_acc`` (kicker+headline+subtitle concatenated),
  ``headline_roles_acc`` (each tier in its own field), ``byline_acc``, ``source_acc`` = share of
  gold articles whose matched prediction agrees; ``reporters_acc`` = same set of reporter names,
  over gold articles that carry a ``reporters`` field (None when none does).

`score_page` returns exactly the keys and the 4-decimal rounding of score.py, so the two can be
compared number for number (tests/test_bench_metrics.py does). `aggregate` combines pages.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz.distance import Levenshtein
from scipy.optimize import linear_sum_assignment

MATCH_MAX_COST = 0.6
HEAD_FIELDS = ("kicker", "headline", "subtitle")
RATE_METRICS = (
    "body_char_acc", "para_f1", "article_exact", "headline_acc", "headline_roles_acc",
    "byline_acc", "reporters_acc", "source_acc",
)
COUNT_METRICS = ("gold_articles", "pred_articles", "matched", "extra_chars")
_WS = re.compile(r"\s+")


# --- text ----------------------------------------------------------------------------------

def norm(s: str | None) -> str:
    """NFKC-normalize `s` and drop all whitespace; None or "" give ""."""
    if not s:
        return ""
    return _WS.sub("", unicodedata.normalize("NFKC", s))


def body_paragraphs(article: dict) -> list[str]:
    """The article's normalized non-empty paragraphs, a leading byline stripped from the first."""
    paras = [p for p in (norm(x) for x in article.get("paragraphs") or []) if p]
    byline = norm(article.get("byline"))
    if paras and byline and paras[0].startswith(byline):
        paras[0] = paras[0][len(byline):]
    return [p for p in paras if p]


def head_text(article: dict) -> str:
    """Kicker, headline and subtitle concatenated (normalized)."""
    return norm("".join(article.get(k) or "" for k in HEAD_FIELDS))


def reporter_set(article: dict) -> list[str]:
    """The article's reporter names, normalized and sorted."""
    return sorted(norm(x) for x in article.get("reporters") or [])


# --- matching ------------------------------------------------------------------------------

def match_articles(gold_bodies: Sequence[str], pred_bodies: Sequence[str]) -> dict[int, int]:
    """Pair gold with predicted bodies: Hungarian assignment on normalized edit distance.

    Returns {gold index: pred index} for the assigned pairs whose cost is below 0.6.
    """
    if not gold_bodies or not pred_bodies:
        return {}
    cost = np.array([[Levenshtein.normalized_distance(g, p) for p in pred_bodies]
                     for g in gold_bodies])
    rows, cols = linear_sum_assignment(cost)
    return {int(i): int(j) for i, j in zip(rows, cols) if cost[i, j] < MATCH_MAX_COST}


# --- paragraph boundaries ------------------------------------------------------------------

def boundaries(paras: Sequence[str]) -> set[int]:
    """Offsets in the concatenated body where a paragraph (other than the first) starts."""
    out, pos = set(), 0
    for p in paras[:-1]:
        pos += len(p)
        out.add(pos)
    return out


def map_boundaries(src: str, dst: str, offsets: Iterable[int]) -> set[int]:
    """Map offsets in `src` onto `dst` through the Levenshtein opcodes (first block wins)."""
    offsets = set(offsets)
    if src == dst:
        return offsets
    ops = Levenshtein.opcodes(src, dst)
    out = set()
    for b in offsets:
        for _tag, i1, i2, j1, j2 in ops:
            if i1 <= b <= i2:
                out.add(j1 + min(b - i1, j2 - j1))
                break
    return out


def boundary_counts(gold_paras, pred_paras, gold_body: str, pred_body: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of the paragraph boundaries of one matched pair."""
    gold_b = boundaries(gold_paras)
    pred_b = map_boundaries(pred_body, gold_body, boundaries(pred_paras))
    return len(gold_b & pred_b), len(pred_b - gold_b), len(gold_b - pred_b)


def f1(tp: int, fp: int, fn: int) -> float:
    """F1 from counts; 1.0 when there is nothing to find and nothing found."""
    return 2 * tp / (2 * tp + fp + fn) if (tp + fp + fn) else 1.0


# --- one page ------------------------------------------------------------------------------

def _share(flags: list[bool], n: int) -> float:
    return round(sum(flags) / n, 4)


def body_error(gold_body: str, pred_body: str) -> int:
    """The characters a matched pair costs body_char_acc: their edit distance, capped at the
    gold body's length."""
    return min(Levenshtein.distance(gold_body, pred_body), len(gold_body))


def score_page(gold: dict, pred: dict) -> dict:
    """Score one predicted page (schema JSON dict) against its gold page.

    Same keys, values and rounding as shared/tools/score.py. A gold page without articles
    (which score.py cannot score) gives None rates and weighs nothing in `aggregate`.
    """
    G = gold.get("articles") or []
    P = pred.get("articles") or []
    gb = [body_paragraphs(g) for g in G]
    pb = [body_paragraphs(p) for p in P]
    gt = ["".join(x) for x in gb]
    pt = ["".join(x) for x in pb]
    m = match_articles(gt, pt)
    out = dict(gold_articles=len(G), pred_articles=len(P), matched=len(m))
    out["extra_chars"] = sum(len(pt[j]) for j in range(len(P)) if j not in set(m.values()))
    if not G:
        out.update({k: None for k in RATE_METRICS})
        return out

    total = sum(len(x) for x in gt)
    err = sum(body_error(gt[i], pt[m[i]]) if i in m else len(gt[i])
              for i in range(len(G)))
    tp = fp = fn = 0
    for i in range(len(G)):
        if i not in m:
            fn += len(boundaries(gb[i]))
            continue
        a, b, c = boundary_counts(gb[i], pb[m[i]], gt[i], pt[m[i]])
        tp, fp, fn = tp + a, fp + b, fn + c

    def agree(same) -> list[bool]:
        return [i in m and same(G[i], P[m[i]]) for i in range(len(G))]

    reps = [i in m and reporter_set(G[i]) == reporter_set(P[m[i]])
            for i in range(len(G)) if "reporters" in G[i]]
    n = len(G)
    out.update(
        body_char_acc=round(1 - err / max(total, 1), 4),
        para_f1=round(f1(tp, fp, fn), 4),
        article_exact=_share([i in m and gb[i] == pb[m[i]] for i in range(n)], n),
        headline_acc=_share(agree(lambda g, p: head_text(g) == head_text(p)), n),
        headline_roles_acc=_share(agree(lambda g, p: all(norm(g.get(k)) == norm(p.get(k))
                                                         for k in HEAD_FIELDS)), n),
        byline_acc=_share(agree(lambda g, p: norm(g.get("byline")) == norm(p.get("byline"))), n),
        reporters_acc=round(sum(reps) / len(reps), 4) if reps else None,
        source_acc=_share(agree(lambda g, p: norm(g.get("source")) == norm(p.get("source"))), n),
    )
    # keep score.py's key order
    order = ("gold_articles", "pred_articles", "matched", "body_char_acc", "extra_chars",
             "para_f1", "article_exact", "headline_acc", "headline_roles_acc", "byline_acc",
             "reporters_acc", "source_acc")
    return {k: out[k] for k in order}


# --- many pages ----------------------------------------------------------------------------

def _weighted(results: Sequence[dict], key: str) -> float | None:
    """Mean of `key` over pages that have it, each page weighted by its gold article count."""
    pairs = [(r[key], r["gold_articles"]) for r in results if r.get(key) is not None]
    weight = sum(w for _, w in pairs)
    if not weight:
        return None
    return sum(v * w for v, w in pairs) / weight


def aggregate(results: Sequence[dict]) -> dict:
    """Combine per-page `score_page` results.

    Rates are averaged weighting each page by its number of gold articles (reporters_acc only
    over the pages where it is defined); counts (articles, matched, extra_chars) are summed and
    ``pages`` tells how many pages went in.
    """
    out: dict = {"pages": len(results)}
    for key in COUNT_METRICS:
        out[key] = sum(r.get(key) or 0 for r in results)
    for key in RATE_METRICS:
        out[key] = _weighted(results, key)
    return out
