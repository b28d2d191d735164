"""Fit the link model of `banmian.link_model` on dev pages 1-40 (or on --pages of --dir).

    python bench/fit_links.py        # print fitted weights and held-out ranking accuracy
    python bench/fit_links.py --dir /work/sim/train/data/pages-dev --pages 1-300 --report '' [--kind raw]

Fragments are given to gold articles (a fragment belongs to the article whose body holds its
text); walking each page in input order along this gold threading, every fragment that does
not open its article is paired with every thread open at that point, labelled with whether
the thread is its own. Features come from the library's own `link_features`, so the printed
weights can be pasted into LINK_WEIGHTS. Needs numpy and scipy (the `bench` extra).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import ensure_importable  # noqa: E402

ensure_importable()

from bench.logistic import dev_and_heldout, fit_logistic, norm_text, print_weights  # noqa: E402

from banmian.link_model import LINK_WEIGHTS, fragment_text, link_features  # noqa: E402
from banmian.model import Source  # noqa: E402
from banmian.pipeline import page_from_lines, run_stages  # noqa: E402
from banmian.similarity import Group  # noqa: E402
from banmian.stages import STAGES  # noqa: E402
from banmian.stages.paragraphs import paragraphs  # noqa: E402
from banmian.stages.reassemble import content_space, prepare_fragments  # noqa: E402

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


def page_examples(n: int, d: Path, kind: str = "pdftotext") -> list[list[tuple[dict, bool]]]:
    """For each continuing fragment of page n in folder d (its `kind` dump): (features, is own
    thread) per open thread."""
    text = (d / f"page_{n:04d}.{kind}.txt").read_text(encoding="utf-8")
    gold = json.loads((d / f"page_{n:04d}.gold.json").read_text(encoding="utf-8"))
    bodies = [norm_text("".join(a["paragraphs"])) for a in gold["articles"]]
    upto = STAGES[: STAGES.index(paragraphs) + 1]
    page = run_stages(page_from_lines(text.split("\n"), Source(path=str(n))), upto)
    frags = prepare_fragments(page)
    space = content_space(frags)
    page_text = fragment_text(frags)
    threads: dict[int, Group] = {}
    out = []
    for i, f in enumerate(frags):
        owner = gold_owner(bodies, norm_text("".join(ln.text for ln in f.lines)))
        if owner < 0:
            continue
        if owner in threads and not f.no_predecessor:
            out.append([(link_features(frags[g.members[-1]], f, g, i, page_text), o == owner) for o, g in threads.items()])
        threads[owner] = threads[owner].plus(i) if owner in threads else Group(space, i)
    return out


def ranking_accuracy(groups, weights: dict) -> float:
    """Share of continuing fragments whose own thread gets the highest log-odds."""
    ok = 0
    for g in groups:
        best = max(range(len(g)), key=lambda k: sum(weights.get(n, 0.0) * v for n, v in g[k][0].items()))
        ok += g[best][1]
    return ok / max(len(groups), 1)


def main(argv=None) -> int:
    splits = dev_and_heldout(page_examples, __doc__.splitlines()[0], argv)
    if splits is None:
        return 0
    dev, held, dev_label, held_label = splits
    names = sorted({k for g in dev for f, _ in g for k in f} | set(LINK_WEIGHTS))
    w = fit_logistic([p for g in dev for p in g], names)
    print_weights("LINK_WEIGHTS", w)
    for label, groups in ((dev_label, dev), (held_label, held)):
        if not groups:
            continue
        print(f"{label}: own thread ranked first for {ranking_accuracy(groups, w):.3f} of continuing fragments "
              f"(shipped weights {ranking_accuracy(groups, LINK_WEIGHTS):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
