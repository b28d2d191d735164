"""Why is a matched article's head wrong? Each gold article whose kicker+headline+subtitle banmian
did not reproduce, put in one class.

    python bench/head_errors.py --kinds pdftotext --pages 1-40          # counts, with page:index
    python bench/head_errors.py --kinds pdftotext --pages 7 --show      # each case's tiers too

Classes (the first that fits):
  1 tiers         the right lines, split into kicker / headline / subtitle wrongly (roles only)
  2 ...           some lines missing, or extra ones: where the missing gold lines went
                  (F the head of a predicted article no gold article matched: a fragment of the
                  body cut off with the headline; O the head of another matched article;
                  U left unassigned; B this article's body; b another body) and what the extra
                  lines are (a neighbour's head line, a body line)
  3 other block   no head line of its own: another matched article holds its lines (O)
  3f fragment     no head line of its own: an unmatched fragment holds them (a body split)
  4 left over     no head, its block left unassigned
  5 in body       no head, its lines read as body
  6 unmatched     the gold article matched no prediction (a body problem)
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.common import load_pages, parse_range, study_arg_parser  # noqa: E402
from bench.eval import run_one  # noqa: E402
from bench.metrics import HEAD_FIELDS, body_paragraphs, head_text, match_articles, norm  # noqa: E402

NO_HEAD = {"F": "3f head went with an unmatched fragment (body split)", "O": "3 another article took the block",
           "U": "4 block left over", "B": "5 head text in its body", "b": "5 head text in another body"}


def gold_units(article: dict) -> list[str]:
    """The gold head's printed lines (kicker, headline lines, subtitle), normalized."""
    out = [article.get("kicker")] + list(article.get("headline_lines") or []) + [article.get("subtitle")]
    return [u for u in (norm(x) for x in out) if u]


def where(unit: str, j: int, preds: list[dict], bodies: list[str], matched: set[int], unassigned: str) -> str:
    """Where a gold head line missing from prediction j went (a letter of the legend)."""
    others = [(k, head_text(p)) for k, p in enumerate(preds) if k != j]
    if any(unit in h and k not in matched for k, h in others):
        return "F"
    if any(unit in h for _, h in others):
        return "O"
    if unit in unassigned:
        return "U"
    if unit in bodies[j]:
        return "B"
    return "b" if any(unit in t for t in bodies) else "?"


def classify(gold: dict, pred: dict) -> list[tuple[int, str, str]]:
    """(gold index, class, detail) for every gold article of a page whose head is wrong."""
    G, P = gold["articles"], pred.get("articles") or []
    gt = ["".join(body_paragraphs(a)) for a in G]
    pt = ["".join(body_paragraphs(a)) for a in P]
    m = match_articles(gt, pt)
    matched = set(m.values())
    unassigned = "".join(norm(u.get("text")) for u in pred.get("unassigned") or [])
    out = []
    for i, g in enumerate(G):
        j = m.get(i)
        if j is None:
            if head_text(g):
                out.append((i, "6 article unmatched", ""))
            continue
        p = P[j]
        gh, ph = head_text(g), head_text(p)
        detail = f"gold {[g.get(k) for k in HEAD_FIELDS]} pred {[p.get(k) for k in HEAD_FIELDS]}"
        if gh == ph:
            if any(norm(g.get(k)) != norm(p.get(k)) for k in HEAD_FIELDS):
                out.append((i, "1 right lines, wrong tier split", detail))
            continue
        missing = [u for u in gold_units(g) if u not in ph]
        locs = "".join(sorted({where(u, j, P, pt, matched, unassigned) for u in missing}))
        rest = ph
        for u in gold_units(g):
            rest = rest.replace(u, "", 1)
        extra = ""
        if rest:
            if any(rest[:4] in head_text(o) for k, o in enumerate(G) if k != i):
                extra = "neighbour head"
            elif rest[:6] in gt[i]:
                extra = "own body line"
            elif any(rest[:6] in t for t in gt):
                extra = "other body line"
            else:
                extra = "other"
        if not ph:
            cls = NO_HEAD.get(locs[:1], "4 ?")
        elif not missing:
            cls = f"2 extra line ({extra})"
        elif extra:
            cls = f"2 missing {locs} + extra ({extra})"
        else:
            cls = f"2 line(s) missing -> {locs}"
        out.append((i, cls, detail))
    return out


def main(argv=None) -> int:
    ap = study_arg_parser(__doc__)
    ap.add_argument("--show", action="store_true", help="print each case's gold and predicted tiers")
    args = ap.parse_args(argv)
    if "," in args.kinds:
        ap.error("--kinds: one dump kind (pdftotext, raw or pymupdf)")
    counts: Counter = Counter()
    where_: dict[str, list[str]] = defaultdict(list)
    total = 0
    for page in load_pages(parse_range(args.pages)):
        run = run_one("banmian", args.kinds, page)
        total += len(page.gold["articles"])
        for i, cls, detail in classify(page.gold, run.pred):
            counts[cls] += 1
            where_[cls].append(f"{page.no}:{i}")
            if args.show:
                print(f"page {page.no} gold {i} [{cls}] {detail}")
    print("F fragment head, O another matched article's head, U unassigned, B own body, b another body, ? not found")
    for cls in sorted(counts):
        print(f"{counts[cls]:4d} {cls}: {' '.join(where_[cls])}")
    print(f"{sum(counts.values())} wrong of {total} gold articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
