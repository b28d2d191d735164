"""The statistics of bench/paired.py, pure functions on per-page scores (numpy only).

A set's figure is the pages' mean weighted by gold articles (bench/metrics.aggregate), so the
difference of two trees' figures is the weighted mean of the per-page differences. Its 95 %
interval comes from a paired bootstrap: resample pages (or whole clusters of pages) with
replacement, and take each draw's weighted mean difference.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

LEVEL = 95.0  # the intervals' coverage, in per cent


def paired_arrays(base: Mapping, branch: Mapping, metric: str) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
    """(keys, weights, base scores, branch scores) of the pages both sides scored on `metric`:
    `base` and `branch` map a page key to score_page's dict (which holds gold_articles); pages
    where either side's metric is None (a metric with no gold article) are left out, as
    metrics.aggregate leaves them out."""
    keys = [k for k in base if k in branch and base[k].get(metric) is not None
            and branch[k].get(metric) is not None]
    w = np.array([base[k]["gold_articles"] for k in keys], float)
    a = np.array([base[k][metric] for k in keys], float)
    b = np.array([branch[k][metric] for k in keys], float)
    return keys, w, a, b


def weighted_mean(values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray) -> float | None:
    """The mean of `values` weighted by `weights` (None when the weights sum to 0)."""
    v, w = np.asarray(values, float), np.asarray(weights, float)
    total = w.sum()
    return float((v * w).sum() / total) if total else None


def aggregate_difference(w, a, b) -> tuple[float | None, float | None, float | None]:
    """(base figure, branch figure, branch - base): weighted means of the page scores."""
    base, branch = weighted_mean(a, w), weighted_mean(b, w)
    return base, branch, None if base is None or branch is None else branch - base


def _percentiles(boot: np.ndarray) -> tuple[float, float]:
    lo, hi = np.percentile(boot, [(100 - LEVEL) / 2, 100 - (100 - LEVEL) / 2])
    return float(lo), float(hi)


def paired_interval(w, d, draws: int = 2000, seed: int = 1) -> tuple[float, float]:
    """95 % paired-bootstrap interval of the weighted mean of the per-page differences `d`
    (weights `w`): `draws` resamplings of the pages with replacement, seeded."""
    w, d = np.asarray(w, float), np.asarray(d, float)
    if not len(d):
        return float("nan"), float("nan")
    idx = np.random.default_rng(seed).integers(0, len(d), size=(draws, len(d)))
    ws = w[idx]
    return _percentiles((ws * d[idx]).sum(1) / np.maximum(ws.sum(1), 1e-300))


def cluster_interval(w, d, clusters: Sequence, draws: int = 2000, seed: int = 1) -> tuple[float, float]:
    """The same interval resampling whole clusters (clusters[i] names page i's cluster: the
    corpus page a simulated page was made from, whose articles its sibling pages share), so
    pages that are not independent draws are not counted as such."""
    w, d = np.asarray(w, float), np.asarray(d, float)
    names = sorted(set(clusters), key=str)
    if not names:
        return float("nan"), float("nan")
    pos = {c: i for i, c in enumerate(names)}
    cw, cd = np.zeros(len(names)), np.zeros(len(names))
    for c, wi, di in zip(clusters, w, d):
        cw[pos[c]] += wi
        cd[pos[c]] += wi * di
    idx = np.random.default_rng(seed).integers(0, len(names), size=(draws, len(names)))
    return _percentiles(cd[idx].sum(1) / np.maximum(cw[idx].sum(1), 1e-300))


def noise_band(w, d, n: int, draws: int = 2000, seed: int = 1) -> tuple[float, float]:
    """The spread of the difference an n-page set drawn from these pages would show: the 2.5 and
    97.5 percentiles of n-page bootstrap means, minus the mean of all pages. A difference inside
    it on an n-page set is noise for a change with this per-page spread."""
    w, d = np.asarray(w, float), np.asarray(d, float)
    if not len(d):
        return float("nan"), float("nan")
    idx = np.random.default_rng(seed).integers(0, len(d), size=(draws, n))
    ws = w[idx]
    lo, hi = _percentiles((ws * d[idx]).sum(1) / np.maximum(ws.sum(1), 1e-300))
    mean = weighted_mean(d, w) or 0.0
    return lo - mean, hi - mean


def verdict(lo: float, hi: float) -> str:
    """'+' when the interval lies wholly above 0, '-' wholly below (clearly negative), else ''."""
    return "+" if lo > 0 else "-" if hi < 0 else ""
