"""Where does banmian put characters in the wrong place? Bad joins inside predicted articles,
with the stage that made each.

    python bench/misplaced.py --kinds pdftotext --pages 1-40           # summary by cause
    python bench/misplaced.py --kinds pdftotext --pages 7 --joins      # every bad join of page 7

A *bad join* is two body lines that follow each other in a predicted article's body while the
gold does not put the second right after the first. Only lines that can be found for sure are
used: at least MIN_CHARS characters, once in the predicted body and once in all the gold bodies
together (short and repeated lines are skipped, and the text between two found lines must match
the gold's gap). So the counts miss text moved in whole paragraphs between unfound lines (a
column printed in reverse order costs many edits but shows as a few joins) and text no
article took (orphans, `extra_chars`).

Each bad join is `wrong_article` (the two lines belong to different gold articles) or `order`
(same gold article, wrong order), and is laid to a stage by the reasons on its lines:
`split_columns` (either line is a part of a line split into columns), `unweave`, `reorder` (the
second line was moved there), `thread_order`, `column_chains` (a column read back after the
other), `reassemble_join` (the second line opens a fragment the
reassemble stage joined to the thread, or a line between them does), `uncut` (the two lines
stand in one fragment, in input order: a column break the paragraphs stage did not cut), else
`other` (e.g. a roundup's items put on one thread). `+start` marks joins whose second line
opens its gold article (a missed article start).
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.common import load_pages, parse_range, study_arg_parser  # noqa: E402
from bench.metrics import body_paragraphs, match_articles, norm  # noqa: E402

MIN_CHARS = 6  # shorter lines recur by chance (`广。`, `的手艺。`)
GAP_SLACK = 2  # characters the gold gap may differ from the predicted one (punctuation kept apart)


class BadJoin(NamedTuple):
    page: int
    article: str  # the predicted article's id
    first: int  # input line numbers of the two lines
    second: int
    kind: str  # wrong_article | order
    cause: str  # the stage (see the module docstring), `+start` for a missed start
    left: str  # the two lines' normalized texts
    right: str


def cause_of(page, first, second) -> str:
    """The stage a bad join of lines `first` then `second` is laid to (the lines from the one
    after `first` through `second` in the input, when `second` comes later: a short line
    between may be the one that opened the joined fragment)."""
    both = first.reasons + second.reasons
    if any(r.startswith("split_columns:") for r in both):
        return "split_columns"
    if any(r.startswith("unweave:") for r in both):
        return "unweave"
    span = [second]
    if second.no > first.no:
        span = [ln for ln in page.lines if first.no < ln.no <= second.no and page.owner_of(ln) is page.owner_of(second)]
    reasons = [r for ln in span for r in ln.reasons]
    if any(r.startswith("reorder:") for r in reasons):
        return "reorder"
    if any(r.startswith("thread_order:") for r in second.reasons):
        return "thread_order"
    if any(r.startswith("column_chains:") for r in second.reasons):
        return "column_chains"
    if any(r.startswith("reassemble:") for r in reasons):
        return "reassemble_join"
    if second.no > first.no:
        return "uncut"
    return "other"


def bad_joins(no: int, kind: str) -> list[BadJoin]:
    """The bad joins of one dev page's dump of `kind`."""
    from banmian.pipeline import parse_text
    from banmian.writers.json import page_to_dict

    dev = load_pages([no])[0]
    page = parse_text(dev.dump_text(kind), path=str(dev.dump_path(kind)), entities=False)[0]
    pred = page_to_dict(page)
    gold = ["".join(body_paragraphs(a)) for a in dev.gold["articles"]]
    bodies = ["".join(body_paragraphs(a)) for a in pred["articles"]]
    out = []
    for art, body in zip(page.articles, bodies):
        found = []
        for ln in page.lines:
            t = norm(ln.text)
            if ln.kind != "body" or len(t) < MIN_CHARS or page.owner_of(ln) is not art or body.count(t) != 1:
                continue
            hits = [(g, s.find(t)) for g, s in enumerate(gold) if s.count(t) == 1]
            if len(hits) == 1 and sum(s.count(t) for s in gold) == 1:
                found.append((body.find(t), ln, t, hits[0]))
        found.sort(key=lambda x: x[0])
        for (p1, l1, t1, (g1, o1)), (p2, l2, t2, (g2, o2)) in zip(found, found[1:]):
            gap = p2 - (p1 + len(t1))
            if g1 == g2 and abs(o2 - (o1 + len(t1)) - gap) <= GAP_SLACK:
                continue
            cause = cause_of(page, l1, l2) + ("+start" if o2 == 0 else "")
            out.append(BadJoin(no, art.id, l1.no, l2.no, "wrong_article" if g1 != g2 else "order", cause, t1, t2))
    return out


def main(argv=None) -> int:
    ap = study_arg_parser(__doc__)
    ap.add_argument("--joins", action="store_true", help="also list every bad join")
    args = ap.parse_args(argv)
    for kind in args.kinds.split(","):
        counts: Counter = Counter()
        pages: dict[tuple[str, str], set[int]] = defaultdict(set)
        for no in parse_range(args.pages):
            for j in bad_joins(no, kind):
                counts[(j.kind, j.cause)] += 1
                pages[(j.kind, j.cause)].add(no)
                if args.joins:
                    print(f"{kind} p{no} {j.article} {j.first}->{j.second} {j.kind}:{j.cause} "
                          f"…{j.left[-10:]} | {j.right[:10]}…")
        print(f"{kind} pages {args.pages}: {sum(counts.values())} bad joins")
        for (k, cause), n in counts.most_common():
            print(f"  {n:4d}  {k:<13} {cause:<22} pages {','.join(map(str, sorted(pages[(k, cause)])))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
