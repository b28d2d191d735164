"""How well split_columns deals the lines of merged blocks to columns, against the gold.

    python bench/column_deal.py --pages 1-40            # per block: good / bad column joins
    python bench/column_deal.py --pages 6 --show        # each column's lines, gold-labelled

Every part of a merged block (a line alone or a part of a cut line) that is found once in the
gold bodies (at least MIN_CHARS characters) is labelled with its gold article and offset. Two
found parts that follow each other in a rebuilt column make a *good* join when the gold reads
the second right after the first (up to GAP_SLACK characters between), else a *bad* one. This
measures the deal of lines to columns alone, before any later stage moves them (pdftotext).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.common import load_pages, parse_range, study_arg_parser  # noqa: E402
from bench.metrics import body_paragraphs, norm  # noqa: E402

MIN_CHARS = 4
GAP_SLACK = 2


def label(text: str, gold: list[str]):
    """(article, start, end) of `text` in the gold bodies when found there once, else None."""
    t = norm(text)
    if len(t) < MIN_CHARS or sum(g.count(t) for g in gold) != 1:
        return None
    for a, g in enumerate(gold):
        if t in g:
            o = g.find(t)
            return a, o, o + len(t)
    return None


def block_columns(no: int):
    """[(first, last, k, columns)] of the merged blocks of dev page `no` (pdftotext)."""
    from banmian.model import Page, Source
    from banmian.pipeline import page_from_lines
    from banmian.stages.measure import measure
    from banmian.stages.normalize import normalize
    import importlib
    S = importlib.import_module("banmian.stages.split_columns")

    dev = load_pages([no])[0]
    text = dev.dump_text("pdftotext")
    page = page_from_lines(text.split("\n"), Source(path="x", kind="text", encoding=None, sha256=""), 1, 0)
    page = measure(normalize(page))
    out = []
    for first, last, merged in S.merged_blocks(page):
        rows = [S.split_line(ln, merged[i]) if i in merged else [ln] for i, ln in enumerate(page.lines[first:last + 1], first)]
        k = max(len(r) for r in rows)
        out.append((page.lines[first].no, page.lines[last].no, k, S.assign(rows, k, page.column_width)))
    return dev, out


def main(argv=None) -> int:
    ap = study_arg_parser(__doc__, kinds=None)
    ap.add_argument("--show", action="store_true", help="print each column's lines, gold-labelled")
    args = ap.parse_args(argv)
    total_good = total_bad = 0
    for no in parse_range(args.pages):
        dev, blocks = block_columns(no)
        gold = ["".join(body_paragraphs(a)) for a in dev.gold["articles"]]
        for first, last, k, cols in blocks:
            good = bad = 0
            for c, col in enumerate(cols):
                prev = None
                if args.show:
                    print(f"p{no} lines {first}-{last} column {c + 1}/{k}")
                for ln in col:
                    lab = label(ln.text, gold)
                    if args.show:
                        tag = f"a{lab[0]}@{lab[1]}" if lab else "-"
                        print(f"   {ln.no:4d} {tag:>9}  {ln.text}")
                    if lab is None:
                        continue
                    if prev is not None:
                        if prev[0] == lab[0] and 0 <= lab[1] - prev[2] <= GAP_SLACK:
                            good += 1
                        else:
                            bad += 1
                            if args.show:
                                print("        ^ bad join")
                    prev = lab
            print(f"p{no} lines {first}-{last} k={k}: good {good} bad {bad}")
            total_good += good
            total_bad += bad
    print(f"total: good {total_good} bad {total_bad}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
