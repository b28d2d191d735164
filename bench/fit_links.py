"""Fit the link model of `banmian.link_model` on dev pages 1-40.

    python bench/fit_links.py        # print fitted weights and held-out ranking accuracy

Fragments are given to gold articles (a fragment belongs to the article whose body holds its
text); walking each page in input order along this gold threading, every fragment that does
not open its article is paired with every thread open at that point, labelled with whether
the thread is its own. Features come from the library's own `link_features`, so the printed
weights can be pasted into LINK_WEIGHTS. Needs numpy and scipy (the `bench` extra).
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

from banmian.link_model import LINK_WEIGHTS, link_features, logit  # noqa: E402
from banmian.model import Source  # noqa: E402
from banmian.pipeline import page_from_lines, run_stages  # noqa: E402
from banmian.similarity import Group  # noqa: E402
from banmian.stages import STAGES  # noqa: E402
from banmian.stages.paragraphs import paragraphs  # noqa: E402
from banmian.stages.reassemble import content_space, prepare_fragments  # noqa: E402

L2 = 1e-3


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def gold_owner(bodies: list[str], text: str) -> int:
    """The gold article whose body holds the fragment's text (-1 when unsure)."""
    for off in (0, 10, 20, 30, 45, 60):
        for size in (30, 15, 8):
            window = text[off : off + size]
            if len(window) < size:
                continue
            hits = [i for i, b in enumerate(bodies) if window in b]
            if len(hits) == 1:
                return hits[0]
    return -1


def page_examples(n: int) -> list[list[tuple[dict, bool]]]:
    """For each continuing fragment of dev page n: (features, is own thread) per open thread."""
    d = pages_dir()
    text = (d / f"page_{n:04d}.pdftotext.txt").read_text(encoding="utf-8")
    gold = json.loads((d / f"page_{n:04d}.gold.json").read_text(encoding="utf-8"))
    bodies = [_norm("".join(a["paragraphs"])) for a in gold["articles"]]
    upto = STAGES[: STAGES.index(paragraphs) + 1]
    page = run_stages(page_from_lines(text.split("\n"), Source(path=str(n))), upto)
    frags = prepare_fragments(page)
    space = content_space(frags)
    threads: dict[int, Group] = {}
    out = []
    for i, f in enumerate(frags):
        owner = gold_owner(bodies, _norm("".join(ln.text for ln in f.lines)))
        if owner < 0:
            continue
        if owner in threads and not f.no_predecessor:
            out.append([(link_features(frags[g.members[-1]], f, g, i), o == owner) for o, g in threads.items()])
        threads[owner] = threads[owner].plus(i) if owner in threads else Group(space, i)
    return out


def fit(groups: list[list[tuple[dict, bool]]], names: list[str]) -> np.ndarray:
    """L2-regularised logistic regression over all (fragment, thread) pairs."""
    pairs = [p for g in groups for p in g]
    X = np.array([[f.get(k, 0.0) for k in names] for f, _ in pairs])
    y = np.array([float(lab) for _, lab in pairs])
    reg = np.array([0.0 if k == "bias" else 1.0 for k in names])

    def loss(w):
        z = X @ w
        p = 1 / (1 + np.exp(-z))
        return np.mean(np.logaddexp(0, z) - y * z) + L2 * np.sum(reg * w * w) / 2, X.T @ (p - y) / len(y) + L2 * reg * w

    return minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x


def ranking_accuracy(groups, weights: dict) -> float:
    """Share of continuing fragments whose own thread gets the highest log-odds."""
    ok = 0
    for g in groups:
        best = max(range(len(g)), key=lambda k: sum(weights.get(n, 0.0) * v for n, v in g[k][0].items()))
        ok += g[best][1]
    return ok / max(len(groups), 1)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.parse_args(argv)
    if not data_available():
        print(f"skipped: shared data not found at {shared_dir()}")
        return 0
    dev = [g for n in range(1, DEV_LAST + 1) for g in page_examples(n)]
    held = [g for n in range(DEV_LAST + 1, 61) for g in page_examples(n)]
    names = sorted({k for g in dev for f, _ in g for k in f} | set(LINK_WEIGHTS))
    w = dict(zip(names, fit(dev, names)))
    print("LINK_WEIGHTS = {")
    for k in names:
        print(f'    "{k}": {w[k]:.3f},')
    print("}")
    for label, groups in (("dev 1-40", dev), ("held-out 41-60", held)):
        print(f"{label}: own thread ranked first for {ranking_accuracy(groups, w):.3f} of continuing fragments "
              f"(shipped weights {ranking_accuracy(groups, LINK_WEIGHTS):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
