"""How well does `Article.confidence` predict which rebuilt articles are right?

    python bench/confidence.py [--kinds pdftotext,raw,pymupdf] [--pages 1-40,41-60] [--bins 5]
    BANMIAN_SHARED=/work/sim/val python bench/confidence.py --pages 1-120

An article is RIGHT when a gold article is paired with it (`bench/metrics.match_articles`, the
scorer's matching) and their bodies (`metrics.body_paragraphs`, joined) differ by a normalized
Levenshtein distance of at most RIGHT_MAX_DISTANCE; an unpaired prediction is wrong.

For every dump kind and page range (comma-separated ranges are separate rows) prints: the
articles, the share right (base rate), the AUC of `confidence` (right vs wrong), its Brier
score beside the Brier score of the constant 0.5 (banmian's old stub) and of the base rate
itself (the best constant, known only after the fact), then a reliability table: predicted
bins against the observed share right. Kinds: the three dumps, "layout", "pdf" (the PDF
path; its confidence is a constant, so its AUC is 0.5).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import TEXT_KINDS, ensure_importable, load_pages, parse_kinds, parse_range, skipped_without_data

ensure_importable()

from bench.metrics import body_paragraphs, match_articles  # noqa: E402

RIGHT_MAX_DISTANCE = 0.05  # normalized body edit distance of a right article to its gold one


def right_flags(gold: dict, pred: dict) -> list[bool]:
    """For each predicted article of a page dict, whether it is right (see the docstring)."""
    from rapidfuzz.distance import Levenshtein

    gt = ["".join(body_paragraphs(g)) for g in gold.get("articles") or []]
    pt = ["".join(body_paragraphs(p)) for p in pred.get("articles") or []]
    m = match_articles(gt, pt)
    right = [False] * len(pt)
    for i, j in m.items():
        right[j] = Levenshtein.normalized_distance(gt[i], pt[j]) <= RIGHT_MAX_DISTANCE
    return right


def parsed_page(page, kind: str):
    """banmian's parsed Page of a dev page's dump (or PDF), entities off."""
    from banmian.pipeline import iter_pages, iter_pdf_pages

    path = str(page.dump_path(kind))
    pages = iter_pdf_pages(path, entities=False) if kind == "pdf" else iter_pages(path, entities=False)
    return next(iter(pages))


def page_examples(page, kind: str, with_features: bool = False) -> list[tuple[float, bool, dict]]:
    """(confidence, right, features or {}) of every predicted article of a dev page."""
    from banmian.confidence import confidence_features, join_cues, page_level
    from banmian.writers.json import page_to_dict

    parsed = parsed_page(page, kind)
    flags = right_flags(page.gold, page_to_dict(parsed))
    if not with_features:
        return [(art.confidence, ok, {}) for art, ok in zip(parsed.articles, flags)]
    cues = join_cues(parsed)
    level = page_level(parsed, cues)
    return [(art.confidence, ok, confidence_features(parsed, art, cues, level)) for art, ok in zip(parsed.articles, flags)]


def auc(scores: list[float], labels: list[bool]) -> float | None:
    """Area under the ROC curve (ties count half); None without both classes."""
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):  # average ranks over ties
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos_ranks = sum(r for r, y in zip(ranks, labels) if y)
    return (pos_ranks - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def confidence_auc(pages: list[tuple[dict, dict]]) -> float | None:
    """The AUC of the articles' `confidence` (right vs wrong) over (gold, predicted) page dicts."""
    scores, labels = [], []
    for gold, pred in pages:
        scores += [float(a.get("confidence", 0.5)) for a in pred.get("articles") or []]
        labels += right_flags(gold, pred)
    return auc(scores, labels)


def brier(scores: list[float], labels: list[bool]) -> float:
    return sum((s - y) ** 2 for s, y in zip(scores, labels)) / max(len(scores), 1)


def summary(scores: list[float], labels: list[bool]) -> dict:
    """AUC, Brier scores (model, 0.5, base rate) and the base rate."""
    base = sum(labels) / max(len(labels), 1)
    return {"n": len(labels), "base": base, "auc": auc(scores, labels), "brier": brier(scores, labels),
            "brier_half": brier([0.5] * len(labels), labels), "brier_base": brier([base] * len(labels), labels)}


def reliability(scores: list[float], labels: list[bool], bins: int) -> list[tuple[str, int, float, float]]:
    """(bin, articles, mean predicted, share right) per equal-width bin of the predictions."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = [(s, y) for s, y in zip(scores, labels) if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if sel:
            rows.append((f"{lo:.1f}-{hi:.1f}", len(sel), sum(s for s, _ in sel) / len(sel),
                         sum(y for _, y in sel) / len(sel)))
    return rows


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kinds", default=",".join(TEXT_KINDS), help="dump kinds (default the three text dumps)")
    ap.add_argument("--pages", default="1-40,41-60", help="page ranges, each its own row (default 1-40,41-60)")
    ap.add_argument("--bins", type=int, default=5, help="reliability bins (default 5)")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    kinds, ranges = parse_kinds(args.kinds), [r for r in args.pages.split(",") if r.strip()]
    results = []
    for kind in kinds:
        for spec in ranges:
            ex = [e for p in load_pages(parse_range(spec)) for e in page_examples(p, kind)]
            scores, labels = [e[0] for e in ex], [e[1] for e in ex]
            results.append((kind, spec, summary(scores, labels), reliability(scores, labels, args.bins)))
    print(f"{'kind':10} {'pages':8} {'arts':>5} {'right':>6} {'AUC':>6} {'Brier':>6} {'B(0.5)':>6} {'B(base)':>7}")
    for kind, spec, s, _ in results:
        print(f"{kind:10} {spec:8} {s['n']:5d} {s['base']:6.3f} {fmt(s['auc']):>6} {s['brier']:6.3f} "
              f"{s['brier_half']:6.3f} {s['brier_base']:7.3f}")
    print("\nreliability (predicted bin: articles, mean predicted, share right)")
    for kind, spec, _, rel in results:
        print(f"{kind:10} {spec:8} " + "  ".join(f"{b}: {n} {p:.2f}/{o:.2f}" for b, n, p, o in rel))
    return 0


if __name__ == "__main__":
    sys.exit(main())
