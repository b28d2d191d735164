"""Which paragraph boundaries does banmian miss or add, and what did the dump look like there?

    python bench/para_errors.py --kinds pdftotext --pages 1-40            # counts per class
    python bench/para_errors.py --kinds pdftotext --pages 1-40 --show     # every boundary
    python bench/para_errors.py --pages 1-40 --show missed:join/blank/indent/prev_full_end

For each gold article paired with a predicted one (`metrics.match_articles`, as the scorer
pairs them), the paragraph boundaries of the two bodies are compared as `metrics.para_f1`
does (the predicted ones mapped onto the gold body). A *missed* boundary is one the gold has
and banmian lacks, a *spurious* one banmian has and the gold lacks. Only boundaries whose
surrounding text stands in the same order on both sides count (WINDOW characters each side
equal in the gold and the predicted body around the boundary): a boundary inside a bad join
is a reassembly error, not a paragraph error, and is left out. The left-out ones are counted
apart: `article_edge` where the predicted article starts or ends right at the gold boundary
(or the spurious one sits at the gold article's edge: the text before or after went to another
article, an article-start error), `out_of_order` for the rest.

Each counted boundary is classed by what the dump showed between the line that opens the
paragraph (or would) and the text line before it in the article:

- where: `inner` (both lines in one fragment of the paragraphs stage) or `join` (the line opens
  a fragment reassemble joined on: the decision is reassemble's `_join` / reorder's `reads_on`);
- gap: `adjacent` (the next input line), `blank` (only blank lines between: a column break or a
  block gap), `jump` (other text between: a column break elsewhere on the page);
- this line: `indent` (about two em short), `full`, `short` (shorter than an indent);
- the line before: `prev_short` (short by more than FULL_SLACK), `prev_full_end` (full, ends a
  sentence), `prev_full_open` (full, runs on).

`--show` prints each boundary: page, `…12 chars before|12 after…`, the class, the two lines'
slack in em, and banmian's reasons on the line (paragraph, fragment and reassemble ones).
`--show CLASS` prints only boundaries whose `kind:class` starts with CLASS.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.common import load_pages, parse_range, study_arg_parser  # noqa: E402
from bench.metrics import body_paragraphs, boundaries, map_boundaries, match_articles, norm  # noqa: E402

WINDOW = 6  # characters each side of a boundary that must read the same in gold and prediction
CONTEXT = 12  # characters each side shown by --show
REASON_PREFIXES = ("paragraph", "fragment", "reassemble", "reorder", "article_start", "body:")


class Boundary(NamedTuple):
    page: int
    kind: str  # missed | spurious
    cls: str
    before: str
    after: str
    detail: str


def _same_around(a: str, pa: int, b: str, pb: int) -> bool:
    """WINDOW characters each side of offset pa in a equal those around pb in b."""
    lo = min(WINDOW, pa, pb)
    hi = min(WINDOW, len(a) - pa, len(b) - pb)
    return lo > 0 and hi > 0 and a[pa - lo:pa + hi] == b[pb - lo:pb + hi]


def _line_at(body: str, offset: int, lines: list, starts: dict[int, int]):
    """The article line whose normalized text starts at `offset` of the predicted body, and
    the one before it in the article (None, None when the offset falls inside a line)."""
    k = starts.get(offset)
    if k is None:
        return None, None
    return lines[k], (lines[k - 1] if k > 0 else None)


def _article_lines(page, art, body: str):
    """The article's body lines in thread order, each with its offset in the predicted body
    (found by text, in order; lines not found are left out)."""
    lines, starts, pos = [], {}, 0
    owner = [t for t in page.scratch.get("threads", [])]
    ordered = [ln for t in owner for f in t.fragments for ln in f.lines if page.owner_of(ln) is art]
    for ln in ordered:
        t = norm(ln.text)
        if not t:
            continue
        at = body.find(t, pos)
        if at < 0 or at - pos > 40:  # a byline stripped or a line elsewhere: keep looking from here
            continue
        starts[at] = len(lines)
        lines.append(ln)
        pos = at + len(t)
    return lines, starts


def classify(page, ln, prev, frag_first: set[int]) -> tuple[str, str]:
    """The class of a boundary at line `ln` after `prev` (see the module docstring) and a detail string."""
    from banmian.line_shape import FULL_SLACK, INDENT_MIN, is_indented, slack
    from banmian.rules.chars import ends_sentence

    width = page.column_width
    where = "join" if id(ln) in frag_first else "inner"
    idx = page.scratch["line_index"]
    a, b = idx[id(prev)], idx[id(ln)]
    between = page.lines[a + 1:b] if b > a else None
    if between is not None and not between:
        gap = "adjacent"
    elif between is not None and all(x.blank for x in between):
        gap = "blank"
    else:
        gap = "jump"
    s = slack(ln, width)
    shape = "indent" if is_indented(ln, width) else ("full" if s < INDENT_MIN else "short")
    ps = slack(prev, width)
    if ps > FULL_SLACK:
        before = "prev_short"
    else:
        before = "prev_full_end" if ends_sentence(prev.text) else "prev_full_open"
    reasons = [r for r in ln.reasons if r.startswith(REASON_PREFIXES)]
    detail = f"slack {s:+.1f} prev {ps:+.1f} lines {prev.no}->{ln.no} [{'; '.join(reasons)}]"
    return f"{where}/{gap}/{shape}/{before}", detail


def page_boundaries(no: int, kind: str) -> tuple[list[Boundary], Counter]:
    """The counted boundary errors of one dev page's dump of `kind`, and how many were left out
    (`article_edge`, `out_of_order`)."""
    from banmian.pipeline import parse_text
    from banmian.writers.json import page_to_dict

    dev = load_pages([no])[0]
    page = parse_text(dev.dump_text(kind), path=str(dev.dump_path(kind)), entities=False)[0]
    pred = page_to_dict(page)
    gp = [body_paragraphs(a) for a in dev.gold["articles"]]
    pp = [body_paragraphs(a) for a in pred["articles"]]
    gt, pt = ["".join(x) for x in gp], ["".join(x) for x in pp]
    frag_first = {id(f.first) for t in page.scratch.get("threads", []) for f in t.fragments}
    out, skipped = [], Counter()
    for gi, pi in match_articles(gt, pt).items():
        g, p = gt[gi], pt[pi]
        gold_b = boundaries(gp[gi])
        pred_raw = boundaries(pp[pi])
        pred_to_gold = {b: next(iter(map_boundaries(p, g, [b])), None) for b in pred_raw}
        mapped = {v for v in pred_to_gold.values() if v is not None}
        lines, starts = _article_lines(page, page.articles[pi], p)
        cases = [("missed", gb, next(iter(map_boundaries(g, p, [gb])), None)) for gb in sorted(gold_b - mapped)]
        cases += [("spurious", gb, pb) for pb, gb in sorted(pred_to_gold.items()) if gb not in gold_b]
        for what, gb, pb in cases:
            if gb is None or pb is None or not _same_around(g, gb, p, pb):
                edge = (pb in (0, len(p))) if what == "missed" else (gb in (0, len(g)))
                skipped[f"{what}:{'article_edge' if edge else 'out_of_order'}"] += 1
                continue
            ln, prev = _line_at(p, pb, lines, starts)
            if ln is None or prev is None:
                cls, detail = "mid_line", ""
            else:
                cls, detail = classify(page, ln, prev, frag_first)
            out.append(Boundary(no, what, cls, g[max(0, gb - CONTEXT):gb], g[gb:gb + CONTEXT], detail))
    return out, skipped


def main(argv=None) -> int:
    ap = study_arg_parser(__doc__)
    ap.add_argument("--show", nargs="?", const="", default=None, help="list boundaries (of classes starting with this)")
    args = ap.parse_args(argv)
    for kind in args.kinds.split(","):
        counts: Counter = Counter()
        pages: dict[str, set[int]] = defaultdict(set)
        skipped: Counter = Counter()
        for no in parse_range(args.pages):
            found, sk = page_boundaries(no, kind)
            skipped += sk
            for b in found:
                key = f"{b.kind}:{b.cls}"
                counts[key] += 1
                pages[key].add(no)
                if args.show is not None and key.startswith(args.show):
                    print(f"{kind} p{no} {key}  …{b.before}|{b.after}…  {b.detail}")
        by_kind = Counter()
        for key, n in counts.items():
            by_kind[key.split(":")[0]] += n
        left_out = ", ".join(f"{k} {n}" for k, n in sorted(skipped.items()))
        print(f"{kind} pages {args.pages}: missed {by_kind['missed']}, spurious {by_kind['spurious']}"
              f" (left out, text not in order around them: {left_out})")
        for key, n in counts.most_common():
            ps = sorted(pages[key])
            print(f"  {n:4d}  {key:<48} pages {','.join(map(str, ps[:12]))}{'…' if len(ps) > 12 else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
