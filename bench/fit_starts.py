"""Fit the article-start model of `banmian.article_starts` on dev pages 1-40 (or on --pages of --dir).

    python bench/fit_starts.py            # print fitted weights and held-out precision/recall
    python bench/fit_starts.py --dir /work/sim/train/data/pages-dev --pages 1-300 --report '' [--kind raw]

A fragment is labelled an article start when a gold article's body opens within its first
60 characters (bylines printed before the body allowed for). Features come from the
library's own `start_features`, so the printed weights can be pasted into START_WEIGHTS (one set
for every dump kind: --kind fits on another kind's dumps).
Needs numpy and scipy (the `bench` extra).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import ensure_importable  # noqa: E402

ensure_importable()

from bench.logistic import dev_and_heldout, fit_logistic, norm_text, print_weights  # noqa: E402

from banmian.article_starts import START_THRESHOLD, START_WEIGHTS, indented_head_shares, start_features  # noqa: E402
from banmian.model import Source  # noqa: E402
from banmian.pipeline import page_from_lines, run_stages  # noqa: E402
from banmian.stages import STAGES  # noqa: E402
from banmian.stages.paragraphs import paragraphs  # noqa: E402
from banmian.stages.reassemble import content_space, prepare_fragments  # noqa: E402

def page_examples(n: int, d: Path, kind: str = "pdftotext") -> list[tuple[dict, bool]]:
    """(features, is_start) for every fragment of page n in folder d (its `kind` dump)."""
    text = (d / f"page_{n:04d}.{kind}.txt").read_text(encoding="utf-8")
    gold = json.loads((d / f"page_{n:04d}.gold.json").read_text(encoding="utf-8"))
    upto = STAGES[: STAGES.index(paragraphs) + 1]
    page = run_stages(page_from_lines(text.split("\n"), Source(path=str(n))), upto)
    frags = prepare_fragments(page)
    space = content_space(frags)
    openings = [norm_text("".join(a["paragraphs"]))[:12] for a in gold["articles"] if a["paragraphs"]]
    shares = indented_head_shares(page, frags, space.texts)
    out = []
    for i, f in enumerate(frags):
        text_i = norm_text("".join(ln.text for ln in f.lines))[:60]
        out.append((start_features(page, frags, space, i, shares), any(o and o in text_i for o in openings)))
    return out


def precision_recall(examples, weights: dict, threshold: float) -> tuple[float, float]:
    tp = fp = fn = 0
    for f, lab in examples:
        pred = sum(weights.get(k, 0.0) * v for k, v in f.items()) > threshold
        tp += pred and lab
        fp += pred and not lab
        fn += lab and not pred
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def main(argv=None) -> int:
    splits = dev_and_heldout(page_examples, __doc__.splitlines()[0], argv)
    if splits is None:
        return 0
    dev, held, dev_label, held_label = splits
    names = sorted({k for f, _ in dev for k in f} | set(START_WEIGHTS))
    w = fit_logistic(dev, names)
    print_weights("START_WEIGHTS", w)
    for label, exs in ((dev_label, dev), (held_label, held)):
        if not exs:
            continue
        p, r = precision_recall(exs, w, START_THRESHOLD)
        p0, r0 = precision_recall(exs, START_WEIGHTS, START_THRESHOLD)
        print(f"{label}: fitted P {p:.3f} R {r:.3f}   shipped P {p0:.3f} R {r0:.3f}  (threshold {START_THRESHOLD})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
