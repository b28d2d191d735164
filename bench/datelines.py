"""Dateline dates on the dev pages: does every dated article get the right ISO date?

    python bench/datelines.py [--kinds pdftotext,pdf] [--pages 1-60]

For each gold article whose byline carries a date (`本报北京1月8日讯`, `新华社…1月7日电`), the
expected date is that date resolved against the gold page date (`banmian.rules.dates.resolve`,
the rule the issue states); banmian's article paired with it (as in `bench/metrics.py`) must
carry it in `dateline.date`. Unpaired gold articles count as misses. Pages that print no header
(so no page date) are left out: the bar holds "when the page date is known".
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import data_available, ensure_importable, load_pages, pages_dir, parse_kinds, parse_range  # noqa: E402

ensure_importable()

from bench.eval import run_banmian, run_banmian_pdf  # noqa: E402
from bench.metrics import body_paragraphs, match_articles, norm  # noqa: E402


def expected_dates(gold: dict) -> dict[int, str]:
    """{gold article index: ISO date} for the articles whose byline holds a date."""
    from banmian.rules.bylines import lead_in_byline
    from banmian.rules.dates import resolve

    out = {}
    for i, art in enumerate(gold["articles"]):
        m = lead_in_byline(art.get("byline") or "")
        if m and m.group("date"):
            iso = resolve(m.group("date"), gold["page"]["date"])
            if iso:
                out[i] = iso
    return out


def check(kind: str, page) -> tuple[int, int, list[str]]:
    """(right, dated, misses) for one page and input kind."""
    path = str(page.dump_path(kind))
    pred = run_banmian_pdf(path)[0] if kind == "pdf" else run_banmian(page.dump_text(kind), path)[0]
    gold = page.gold
    want = expected_dates(gold) if gold.get("has_header") else {}  # the page date is known
    pairs = match_articles([norm("".join(body_paragraphs(a))) for a in gold["articles"]],
                           [norm("".join(body_paragraphs(a))) for a in pred["articles"]])
    right, misses = 0, []
    for i, iso in want.items():
        j = pairs.get(i)
        got = ((pred["articles"][j].get("dateline") or {}).get("date")) if j is not None else "unpaired"
        if got == iso:
            right += 1
        else:
            misses.append(f"page {page.no} article {i}: want {iso}, got {got}")
    return right, len(want), misses


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kinds", default="pdftotext,pdf")
    ap.add_argument("--pages", default="1-60")
    args = ap.parse_args(argv)
    if not data_available():
        print(f"skipped: shared data not found at {pages_dir()} (set BANMIAN_SHARED)")
        return 0
    pages = load_pages(parse_range(args.pages))
    print("kind       dated  right  share")
    for kind in parse_kinds(args.kinds):
        right = dated = 0
        misses: list[str] = []
        for page in pages:
            r, d, m = check(kind, page)
            right, dated, misses = right + r, dated + d, misses + m
        print(f"{kind:<9}  {dated:5d}  {right:5d}  {right / dated if dated else 0:.4f}")
        for line in misses[:10]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
