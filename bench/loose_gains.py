"""What each merge of `banmian.loose_pieces` would mend: the page's body error before and after it.

    python bench/loose_gains.py --dir /work/sim/train2/data/pages-dev --pages 1-600 --json OUT.json
        [--top 1] [--min-prob 0.6] [--min-cos 0.1] [--min-margin 0.03] [--adj-cos 0.05] [--adj-margin 0]

Each page is parsed through the headlines stage with the merge itself turned off. For each loose
piece, its `--top` likeliest articles (by the fitted model) that pass the floors given here (the
shipped LOOSE_MIN_* constants by default) are tried one at a time (`merge_piece` on a copy of the
page) and scored against the gold: characters mended (the capped edit of `bench/metrics`, summed
over the page's gold articles), whether the two are the same gold article's text, whether the
piece or the article matched a gold article on its own. Prints the merges, the characters mended
in all and the merges for the worse; `--json` writes one row per merge tried. A study tool for
the simulated study sets (TRAIN, TRAIN2): never tune on a test set.
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import ensure_importable, parse_range  # noqa: E402

ensure_importable()

import banmian.loose_pieces as lp  # noqa: E402
from banmian.article_merges import drop_merged  # noqa: E402
from banmian.body_texts import body_text  # noqa: E402
from banmian.model import Page  # noqa: E402
from bench.fit_loose import gold_article, page_before_merges  # noqa: E402
from bench.logistic import norm_text  # noqa: E402
from bench.metrics import body_error, body_paragraphs, match_articles  # noqa: E402


def page_error(page: Page, gold_bodies: list[str]) -> tuple[int, set[int]]:
    """(the page's body error in characters, the predicted articles matched to a gold one)."""
    pred = ["".join(body_paragraphs({"paragraphs": a.paragraphs, "byline": a.byline})) for a in page.articles]
    pairs = match_articles(gold_bodies, pred)
    return sum(body_error(g, pred[pairs[i]]) if i in pairs else len(g) for i, g in enumerate(gold_bodies)), set(pairs.values())


def passes(features: dict[str, float], prob: float, a: argparse.Namespace) -> bool:
    """The candidate passes the floors asked for (those of a piece printed right after its article
    when `adj`)."""
    cos, margin = (a.adj_cos, a.adj_margin) if features["adj"] else (a.min_cos, a.min_margin)
    return prob >= a.min_prob and features["cos"] >= cos and features["cos_margin"] >= margin


def page_rows(folder: Path, n: int, a: argparse.Namespace) -> list[dict]:
    """One row per merge tried on page `n`."""
    gold = json.loads((folder / f"page_{n:04d}.gold.json").read_text(encoding="utf-8"))
    gold_bodies = ["".join(body_paragraphs(g)) for g in gold["articles"]]
    if not gold_bodies:
        return []
    page = page_before_merges((folder / f"page_{n:04d}.pdftotext.txt").read_text(encoding="utf-8"), n)
    before, matched = page_error(page, gold_bodies)
    bodies = [norm_text("".join(g.get("paragraphs") or [])) for g in gold["articles"]]
    owners = [gold_article(norm_text(body_text(art)), bodies) for art in page.articles]
    by_piece: dict[int, list[tuple[float, int, dict]]] = defaultdict(list)
    for p, t, features in lp.piece_pairs(page):
        by_piece[p].append((lp.merge_probability(features), t, features))
    rows = []
    for p, options in by_piece.items():
        for prob, t, features in sorted(options, key=lambda o: -o[0])[: a.top]:
            if not passes(features, prob, a):
                continue
            trial = copy.deepcopy(page)
            groups = trial.scratch["article_groups"]
            if not lp.merge_piece(trial, groups, p, t, "trial"):
                continue
            drop_merged(trial, groups, {p: t})
            rows.append({"page": n, "piece": p, "article": t, "prob": round(prob, 4), "features": features,
                         "gain": before - page_error(trial, gold_bodies)[0],
                         "same": owners[p] >= 0 and owners[p] == owners[t],
                         "piece_matched": p in matched, "article_matched": t in matched,
                         "piece_chars": len(body_text(page.articles[p]))})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", required=True, type=Path, help="folder of page_NNNN.gold.json and .pdftotext.txt")
    ap.add_argument("--pages", required=True, help="page numbers, e.g. 1-300")
    ap.add_argument("--json", type=Path, help="write the rows here")
    ap.add_argument("--top", type=int, default=1, help="likeliest articles tried per piece (default 1)")
    ap.add_argument("--min-prob", type=float, default=lp.LOOSE_MIN_PROB)
    ap.add_argument("--min-cos", type=float, default=lp.LOOSE_MIN_COSINE)
    ap.add_argument("--min-margin", type=float, default=lp.LOOSE_MIN_MARGIN)
    ap.add_argument("--adj-cos", type=float, default=lp.LOOSE_MIN_COSINE_ADJACENT)
    ap.add_argument("--adj-margin", type=float, default=lp.LOOSE_MIN_MARGIN_ADJACENT)
    a = ap.parse_args(argv)
    rows = [row for n in parse_range(a.pages) for row in page_rows(a.dir, n, a)]
    if a.json:
        a.json.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    print(f"{'merges':>7} {'same article':>13} {'chars mended':>13} {'for the worse':>14}")
    print(f"{len(rows):7} {sum(r['same'] for r in rows):13} {sum(r['gain'] for r in rows):13} "
          f"{sum(r['gain'] < 0 for r in rows):14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
