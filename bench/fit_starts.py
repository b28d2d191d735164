"""Fit the article-start model of `banmian.article_starts` on dev pages 1-40.

    python bench/fit_starts.py            # print fitted weights and held-out precision/recall

A fragment is labelled an article start when a gold article's body opens within its first
60 characters (bylines printed before the body allowed for). Features come from the
library's own `start_features`, so the printed weights can be pasted into START_WEIGHTS.
Needs numpy and scipy (the `bench` extra).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import DEV_LAST, data_available, ensure_importable, pages_dir, shared_dir  # noqa: E402

ensure_importable()

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

from banmian.article_starts import START_THRESHOLD, START_WEIGHTS, start_features  # noqa: E402
from banmian.model import Source  # noqa: E402
from banmian.pipeline import page_from_lines, run_stages  # noqa: E402
from banmian.stages import STAGES  # noqa: E402
from banmian.stages.paragraphs import paragraphs  # noqa: E402
from banmian.stages.reassemble import content_space, prepare_fragments  # noqa: E402

L2 = 1e-3


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def page_examples(n: int) -> list[tuple[dict, bool]]:
    """(features, is_start) for every fragment of dev page n (pdftotext dump)."""
    d = pages_dir()
    text = (d / f"page_{n:04d}.pdftotext.txt").read_text(encoding="utf-8")
    gold = json.loads((d / f"page_{n:04d}.gold.json").read_text(encoding="utf-8"))
    upto = STAGES[: STAGES.index(paragraphs) + 1]
    page = run_stages(page_from_lines(text.split("\n"), Source(path=str(n))), upto)
    frags = prepare_fragments(page)
    space = content_space(frags)
    openings = [_norm("".join(a["paragraphs"]))[:12] for a in gold["articles"] if a["paragraphs"]]
    out = []
    for i, f in enumerate(frags):
        text_i = _norm("".join(ln.text for ln in f.lines))[:60]
        out.append((start_features(page, frags, space, i), any(o and o in text_i for o in openings)))
    return out


def fit(examples: list[tuple[dict, bool]], names: list[str]) -> np.ndarray:
    """L2-regularised logistic regression (no penalty on the bias)."""
    X = np.array([[f.get(k, 0.0) for k in names] for f, _ in examples])
    y = np.array([float(lab) for _, lab in examples])
    reg = np.array([0.0 if k == "bias" else 1.0 for k in names])

    def loss(w):
        z = X @ w
        p = 1 / (1 + np.exp(-z))
        return np.mean(np.logaddexp(0, z) - y * z) + L2 * np.sum(reg * w * w) / 2, X.T @ (p - y) / len(y) + L2 * reg * w

    return minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x


def precision_recall(examples, weights: dict, threshold: float) -> tuple[float, float]:
    tp = fp = fn = 0
    for f, lab in examples:
        pred = sum(weights.get(k, 0.0) * v for k, v in f.items()) > threshold
        tp += pred and lab
        fp += pred and not lab
        fn += lab and not pred
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.parse_args(argv)
    if not data_available():
        print(f"skipped: shared data not found at {shared_dir()}")
        return 0
    dev = [ex for n in range(1, DEV_LAST + 1) for ex in page_examples(n)]
    held = [ex for n in range(DEV_LAST + 1, 61) for ex in page_examples(n)]
    names = sorted({k for f, _ in dev for k in f} | set(START_WEIGHTS))
    w = dict(zip(names, fit(dev, names)))
    print("START_WEIGHTS = {")
    for k in names:
        print(f'    "{k}": {w[k]:.3f},')
    print("}")
    for label, exs in (("dev 1-40", dev), ("held-out 41-60", held)):
        p, r = precision_recall(exs, w, START_THRESHOLD)
        p0, r0 = precision_recall(exs, START_WEIGHTS, START_THRESHOLD)
        print(f"{label}: fitted P {p:.3f} R {r:.3f}   shipped P {p0:.3f} R {r0:.3f}  (threshold {START_THRESHOLD})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
