"""Logistic regression for the bench's model-fitting scripts (fit_starts.py, fit_links.py)."""
from __future__ import annotations

import re
import unicodedata

import numpy as np
from scipy.optimize import minimize

L2 = 1e-3  # penalty on every weight but the bias


def fit_logistic(examples: list[tuple[dict, bool]], names: list[str], l2: float = L2) -> dict[str, float]:
    """Weights (by feature name) of an L2-regularised logistic regression on (features, label)."""
    X = np.array([[f.get(k, 0.0) for k in names] for f, _ in examples])
    y = np.array([float(lab) for _, lab in examples])
    reg = np.array([0.0 if k == "bias" else 1.0 for k in names])

    def loss(w):
        z = X @ w
        p = 1 / (1 + np.exp(-z))
        return np.mean(np.logaddexp(0, z) - y * z) + l2 * np.sum(reg * w * w) / 2, X.T @ (p - y) / len(y) + l2 * reg * w

    return dict(zip(names, minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x))


def print_weights(title: str, weights: dict[str, float]) -> None:
    """Print weights as a Python dict literal, ready to paste into the library."""
    print(f"{title} = {{")
    for k in sorted(weights):
        print(f'    "{k}": {weights[k]:.3f},')
    print("}")


def norm_text(s: str) -> str:
    """NFKC, all whitespace removed: how the scorer compares text."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def dev_and_heldout(page_examples, description: str, argv=None):
    """Parse the (empty) command line, then examples of dev pages 1-40 and held-out 41-60
    (`page_examples(n)` returns a list per page); None, after saying so, without the data."""
    import argparse

    from bench.common import DEV_LAST, data_available, shared_dir

    argparse.ArgumentParser(description=description).parse_args(argv)
    if not data_available():
        print(f"skipped: shared data not found at {shared_dir()}")
        return None
    dev = [ex for n in range(1, DEV_LAST + 1) for ex in page_examples(n)]
    held = [ex for n in range(DEV_LAST + 1, 61) for ex in page_examples(n)]
    return dev, held
