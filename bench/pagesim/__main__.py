"""python -m bench.pagesim --pages 40 --seed S --out DIR: simulated newspaper pages (PDF, gold
JSON, three text dumps) in the layout of the shared dev pages, from the People's Daily 1998
corpus (default dates 1998-01-21..31, apart from the dev pages' 01-01..20).

A set nobody has tuned on: every corpus date is taken by the dev pages (01-01..20), TRAIN
(01-21..26) or VAL (01-27..31), so a fresh set takes the dev dates and leaves out every corpus
page that a dev page draws an article from (--exclude-sources-of, repeatable):

    python -m bench.pagesim --pages 1500 --seed test-3 --dates 1998-01-01,1998-01-20 \\
        --exclude-sources-of ../shared --out ../sim/test3/data/pages-dev"""
from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from pathlib import Path

from bench.common import ensure_importable

ensure_importable()


def main(argv=None) -> int:
    from bench.pagesim import corpus
    from bench.pagesim import page as page_model

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=40, help="how many pages (default 40)")
    ap.add_argument("--seed", default="sim-1998-01", help="generator seed (a string)")
    ap.add_argument("--out", required=True, help="output folder (outside the repository)")
    ap.add_argument("--dates", default=",".join(corpus.DEFAULT_DATES),
                    help="first,last corpus date (default 1998-01-21,1998-01-31)")
    ap.add_argument("--start", type=int, default=1, help="number of the first page (default 1)")
    ap.add_argument("--exclude-sources-of", action="append", default=[], metavar="FOLDER",
                    help="leave out every corpus (date, page) that a gold page in FOLDER (page_*.gold.json, "
                         "or a shared folder holding data/pages-dev) draws an article from; repeatable")
    ap.add_argument("--draw-order", choices=page_model.DRAW_ORDERS,
                    help="make every page in this drawing order (default: each page draws one at random); "
                         "a fresh set of the pages a rule can fire on (bench/README, the merge rule)")
    a = ap.parse_args(argv)
    orders = page_model.DRAW_ORDERS
    if a.draw_order:
        page_model.DRAW_ORDERS = (a.draw_order,)
    try:
        return make_pages(a)
    finally:
        page_model.DRAW_ORDERS = orders


def make_pages(a: argparse.Namespace) -> int:
    """Make the pages `main`'s parsed arguments `a` ask for; the exit status."""
    from bench.pagesim import corpus
    from bench.pagesim.compose import build_page
    from bench.pagesim.render import missing_tools, width_of, write_dumps, write_pdf

    missing = missing_tools()
    if missing:
        print(f"pagesim: missing {', '.join(missing)} (run bench/pagesim/install.sh)", file=sys.stderr)
        return 2
    try:
        first, last = (d.strip() for d in a.dates.split(","))
        for d in (first, last):
            datetime.date.fromisoformat(d)
    except ValueError:
        print(f"pagesim: --dates wants FIRST,LAST as ISO dates, got {a.dates!r}", file=sys.stderr)
        return 2
    repo = Path(__file__).resolve().parents[2]
    if Path(a.out).resolve().is_relative_to(repo):
        print(f"pagesim: --out {a.out} is inside the repository; write pages elsewhere (corpus text)",
              file=sys.stderr)
        return 2
    if a.pages < 1:
        print("pagesim: --pages must be at least 1", file=sys.stderr)
        return 2
    try:
        drop = set().union(*(corpus.source_pages(Path(f)) for f in a.exclude_sources_of))
    except FileNotFoundError as e:
        print(f"pagesim: --exclude-sources-of: {e}", file=sys.stderr)
        return 2
    try:
        pages = corpus.load_pages(first, last)
    except FileNotFoundError as e:
        print(f"pagesim: {e}", file=sys.stderr)
        return 2
    if drop:
        kept = corpus.without_pages(pages, drop)
        print(f"pagesim: {len(pages)} corpus pages in range, {len(pages) - len(kept)} left out "
              f"(sources of {', '.join(a.exclude_sources_of)})", file=sys.stderr)
        pages = kept
    keys = sorted(k for k, v in pages.items() if sum(len("".join(r["paragraphs"])) for r in v) > 1500)
    if not keys:
        print(f"pagesim: no corpus pages between {first} and {last}", file=sys.stderr)
        return 2
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for n in range(a.start, a.start + a.pages):
        rng = random.Random(f"{a.seed}-{n}")
        date, pno = rng.choice(keys)
        same_day = [r for (d, p), v in pages.items() if d == date and p != pno for r in v]
        page_id = f"page_{n:04d}"
        spec, ops, gold = build_page(rng, pages[(date, pno)], same_day, date, pno, width_of, page_id, a.seed)
        pdf = out / f"{page_id}.pdf"
        write_pdf(pdf, spec, ops)
        write_dumps(pdf)
        (out / f"{page_id}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"pagesim: {page_id} {date} p{pno} {spec.cols} cols {len(gold['articles'])} articles "
              f"{spec.draw_order}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
