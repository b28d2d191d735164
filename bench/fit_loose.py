"""Fit the loose-piece model of `banmian.loose_pieces` (LOOSE_WEIGHTS) on simulated pages.

    python bench/fit_loose.py --dir /work/sim/train/data/pages-dev --pages 1-300 --report ''
    python bench/fit_loose.py --dir /work/sim/val/data/pages-dev --pages 1-120 --report '' --check

Each page is parsed through the headlines stage with the merge itself turned off; every loose
piece (`loose_piece`) is paired with every other article, labelled with whether the two hold
the same gold article's text (the gold article holding most of each one's 8-character chunks).
Prints the fitted weights, ready to paste, and for each threshold how many pieces the shipped
and fitted weights would merge, how many into their own article, and the characters moved
wrongly. `--check` fits nothing and reports the shipped weights alone. Needs numpy and scipy
(the `bench` extra). The dev pages serve to report only: fit on simulated pages.
"""
from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import ensure_importable  # noqa: E402

ensure_importable()

from bench.body_losses import chunks  # noqa: E402
from bench.logistic import dev_and_heldout, fit_logistic, norm_text, print_weights  # noqa: E402

from banmian.body_texts import body_text  # noqa: E402
from banmian.loose_pieces import LOOSE_WEIGHTS, piece_pairs  # noqa: E402
from banmian.model import Page, Source  # noqa: E402
from banmian.pipeline import page_from_lines, run_stages  # noqa: E402
from banmian.stages import STAGES, headlines  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def gold_article(text: str, bodies: list[str]) -> int:
    """The gold article holding most of `text`'s chunks found in one gold body only (-1: none)."""
    votes: Counter[int] = Counter()
    for piece in chunks(text):
        hits = [i for i, b in enumerate(bodies) if piece in b]
        if len(hits) == 1:
            votes[hits[0]] += 1
    return votes.most_common(1)[0][0] if votes else -1


def page_before_merges(text: str, n: int) -> Page:
    """Page `n` (a dump's text) through the headlines stage, loose pieces left as they are."""
    module = sys.modules["banmian.stages.headlines"]
    kept, module.LOOSE_PIECES = module.LOOSE_PIECES, False
    try:
        return run_stages(page_from_lines(text.split("\n"), Source(path=str(n))), STAGES[: STAGES.index(headlines) + 1])
    finally:
        module.LOOSE_PIECES = kept


def page_examples(n: int, d: Path, kind: str = "pdftotext") -> list[list[tuple[dict, bool, int]]]:
    """For each loose piece of page n: (features, same gold article, piece chars) per article."""
    text = (d / f"page_{n:04d}.{kind}.txt").read_text(encoding="utf-8")
    gold = json.loads((d / f"page_{n:04d}.gold.json").read_text(encoding="utf-8"))
    bodies = [norm_text("".join(a.get("paragraphs") or [])) for a in gold["articles"]]
    page = page_before_merges(text, n)
    owners = [gold_article(norm_text(body_text(a)), bodies) for a in page.articles]
    by_piece: dict[int, list[tuple[dict, bool, int]]] = defaultdict(list)
    for p, t, features in piece_pairs(page):
        same = owners[p] >= 0 and owners[p] == owners[t]
        by_piece[p].append((dict(features, bias=1.0), same, len(body_text(page.articles[p]))))
    return list(by_piece.values())


def merges(pieces, weights: dict, threshold: float) -> tuple[int, int, int]:
    """(merges, right ones, characters moved wrongly) when each piece goes to its likeliest
    article at `threshold`."""
    done = right = wrong_chars = 0
    for options in pieces:
        z, same, chars = max((sum(weights.get(k, 0.0) * v for k, v in f.items()), same, chars)
                             for f, same, chars in options)
        if 1 / (1 + math.exp(-z)) < threshold:
            continue
        done += 1
        right += same
        wrong_chars += 0 if same else chars
    return done, right, wrong_chars


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in argv
    if check:
        argv.remove("--check")
    splits = dev_and_heldout(page_examples, __doc__.splitlines()[0], argv)
    if splits is None:
        return 0
    fit, report, fit_label, report_label = splits
    shipped = dict(LOOSE_WEIGHTS)
    fitted = None
    if not check:
        names = sorted(shipped)
        fitted = fit_logistic([(f, same) for options in fit for f, same, _ in options], names)
        print_weights("LOOSE_WEIGHTS", fitted)
    print(f"{'pages':40} weights   threshold  pieces  merges  right  wrong chars")
    for label, pieces in ((fit_label, fit), (report_label, report)):
        for name, w in (("shipped", shipped), ("fitted", fitted)):
            if not pieces or w is None:
                continue
            for th in THRESHOLDS:
                done, right, wrong = merges(pieces, w, th)
                print(f"{label[:40]:40} {name:8}  {th:9.1f}  {len(pieces):6}  {done:6}  {right:5}  {wrong:11}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
