"""Logistic regression for the bench's model-fitting scripts (fit_starts.py, fit_links.py)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from bench.common import pages_dir

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
    """Parse the command line, then the examples of the pages to fit on and of the pages to
    report on (`page_examples(n, folder, kind)` returns a list per page): by default dev pages
    1-40 and held-out 41-60 of the shared pdftotext dumps. Options choose the folder (one in
    the dev layout, such as a bench/pagesim set), the dump kind and both page lists. Returns
    (fit examples, report examples, fit label, report label), or None, after saying so, without
    the data."""
    import argparse

    from bench.common import DEV_LAST, TEXT_KINDS, parse_range, shared_dir

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--dir", help="folder of pages in the dev layout (default: the shared dev pages)")
    ap.add_argument("--kind", default="pdftotext", choices=TEXT_KINDS, help="dump kind (default pdftotext)")
    ap.add_argument("--pages", default=f"1-{DEV_LAST}", help=f"pages to fit on (default 1-{DEV_LAST})")
    ap.add_argument("--report", default=f"{DEV_LAST + 1}-60",
                    help=f"pages to report on besides, '' for none (default {DEV_LAST + 1}-60)")
    a = ap.parse_args(argv)
    folder = Path(a.dir) if a.dir else pages_dir()
    if not folder.is_dir() or not any(folder.glob("page_*.gold.json")):
        print(f"skipped: pages not found at {folder if a.dir else shared_dir()}")
        return None
    fit_pages, report_pages = parse_range(a.pages), parse_range(a.report)
    have = [n for n in fit_pages + report_pages if (folder / f"page_{n:04d}.gold.json").exists()]
    fit = [ex for n in fit_pages if n in have for ex in page_examples(n, folder, a.kind)]
    report = [ex for n in report_pages if n in have for ex in page_examples(n, folder, a.kind)]
    where = f" ({a.kind}{', ' + str(folder) if a.dir else ''})"
    return fit, report, f"pages {a.pages}{where}", f"pages {a.report}{where}"
