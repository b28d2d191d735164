"""Where body_char_acc loses its characters: whole gold articles no prediction matched, and,
in the matched ones, text taken from other articles and text gone elsewhere.

    python bench/body_losses.py --kinds pdftotext --pages 1-40
    BANMIAN_SHARED=/work/sim/train python bench/body_losses.py --pages 1-300

Gold and predicted articles are paired as the scorer pairs them (`metrics.match_articles`).
`unmatched` is the text of the gold articles no prediction matched (each counts in full, as
in body_char_acc); `edits` the capped edit distance of the matched pairs (the rest of the
loss). The matched pairs' text is then read in CHUNK-character pieces, which tell where the
edits come from:

- `foreign`: pieces of a matched prediction that are another gold article's text;
- `stray`: pieces of a matched prediction found in no gold body (head or byline text read as
  body, text cut across a join);
- `missing→unmatched`: pieces of a matched gold article its prediction lacks that another
  prediction holds, one no gold article matched (the article split: a piece of it left as an
  article of its own);
- `missing→matched`: ... that a prediction matched to another gold article holds (taken by a
  neighbour);
- `missing→nowhere`: ... that no predicted body holds (read as a head, byline or caption, or
  left unassigned).

Each is a share of all gold body characters. A piece counts once, so small overlaps by chance
(a chunk that recurs) blur the split a little; the totals `unmatched` and `edits` are exact.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.common import load_pages, parse_range, study_arg_parser  # noqa: E402
from bench.metrics import body_error, body_paragraphs, match_articles  # noqa: E402

CHUNK = 8  # characters a piece of text is found by (shorter ones recur by chance across articles)
CLASSES = ("unmatched", "edits", "foreign", "stray", "missing→unmatched", "missing→matched", "missing→nowhere")


def chunks(text: str) -> list[str]:
    """`text` cut into CHUNK-character pieces (a shorter tail left out)."""
    return [text[k:k + CHUNK] for k in range(0, len(text) - CHUNK + 1, CHUNK)]


def body_losses(gold: dict, pred: dict) -> Counter:
    """Characters of one page's gold bodies per loss class (CLASSES), and `gold` (all of them)."""
    gt = ["".join(body_paragraphs(a)) for a in gold.get("articles") or []]
    pt = ["".join(body_paragraphs(a)) for a in pred.get("articles") or []]
    pairs = match_articles(gt, pt)
    matched_preds = set(pairs.values())
    out: Counter = Counter(gold=sum(len(g) for g in gt))
    for i, g in enumerate(gt):
        if i not in pairs:
            out["unmatched"] += len(g)
            continue
        p = pt[pairs[i]]
        out["edits"] += body_error(g, p)
        for piece in chunks(p):
            if piece not in g:
                out["foreign" if any(piece in other for other in gt) else "stray"] += CHUNK
        for piece in chunks(g):
            if piece in p:
                continue
            holders = [j for j, other in enumerate(pt) if piece in other]
            if not holders:
                out["missing→nowhere"] += CHUNK
            elif any(j not in matched_preds for j in holders):
                out["missing→unmatched"] += CHUNK
            else:
                out["missing→matched"] += CHUNK
    return out


def main(argv=None) -> int:
    from bench.eval import run_one

    ap = study_arg_parser(__doc__)
    args = ap.parse_args(argv)
    pages = load_pages(parse_range(args.pages))
    if not pages:
        print(f"no pages {args.pages} found (BANMIAN_SHARED names the folder holding data/pages-dev)")
        return 1
    print(f"{'kind':10} {'pages':>5} " + " ".join(f"{c:>17}" for c in CLASSES))
    for kind in args.kinds.split(","):
        total: Counter = Counter()
        for page in pages:
            total.update(body_losses(page.gold, run_one("banmian", kind, page).pred))
        shares = [total[c] / max(total["gold"], 1) for c in CLASSES]
        print(f"{kind:10} {len(pages):5} " + " ".join(f"{s:17.4f}" for s in shares))
    print("shares of all gold body characters: 1 - unmatched - edits is the body accuracy of the pages' "
          "characters pooled (body_char_acc weighs each page by its gold articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
