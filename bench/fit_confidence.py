"""Fit the confidence model of `banmian.confidence` (CONFIDENCE_WEIGHTS).

    BANMIAN_SHARED=/work/sim/train python bench/fit_confidence.py [--pages 1-300] [--kinds pdftotext,raw,pymupdf]

One example per predicted article of every page and dump kind: its cues
(`banmian.confidence.confidence_features`) and whether it is right (`bench/confidence.py`:
paired with a gold article, body within a normalized edit distance of 0.05). Fits an
L2-regularised logistic regression (`bench/logistic.fit_logistic`, penalty 1e-3, every weight
but the bias), prints the weights as a dict ready to paste, and the fit's AUC and Brier score on
the pages fitted, per kind and overall. Tune on TRAIN only; measure VAL and dev with
bench/confidence.py.
"""
from __future__ import annotations

import argparse
import math
import pickle
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import TEXT_KINDS, ensure_importable, load_pages, parse_kinds, parse_range, skipped_without_data

ensure_importable()

from bench.confidence import page_examples, summary  # noqa: E402
from bench.logistic import L2, fit_logistic, print_weights  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", default="1-300", help="pages to fit on (default 1-300)")
    ap.add_argument("--kinds", default=",".join(TEXT_KINDS), help="dump kinds (default the three text dumps)")
    ap.add_argument("--l2", type=float, default=L2, help=f"L2 penalty (default {L2})")
    ap.add_argument("--cache", help="a pickle of the examples: read when it exists, else written")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    if args.cache and Path(args.cache).exists():
        by_kind = pickle.loads(Path(args.cache).read_bytes())
    else:
        pages = load_pages(parse_range(args.pages))
        by_kind = {kind: [(f, ok) for p in pages for _, ok, f in page_examples(p, kind, with_features=True)]
                   for kind in parse_kinds(args.kinds)}
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(by_kind))
    examples = [e for ex in by_kind.values() for e in ex]
    names = sorted(examples[0][0])
    weights = fit_logistic(examples, names, args.l2)
    print_weights("CONFIDENCE_WEIGHTS", weights)

    def prob(f: dict) -> float:
        return 1 / (1 + math.exp(-sum(weights[k] * f.get(k, 0.0) for k in names)))

    for kind, ex in [*by_kind.items(), ("all", examples)]:
        s = summary([prob(f) for f, _ in ex], [ok for _, ok in ex])
        print(f"{kind:10} pages {args.pages}: {s['n']} articles, right {s['base']:.3f}, AUC {s['auc']:.3f}, "
              f"Brier {s['brier']:.3f} (0.5: {s['brier_half']:.3f}, base rate: {s['brier_base']:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
