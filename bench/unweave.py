"""How well `stages.unweave` reads alternately printed columns again, on synthetic
interleavings made from the dev pages' pdftotext dumps (no dev dump interleaves lines without
merging some, so the stage is measured on made ones).

    python bench/unweave.py [--pages 1-40] [--seed 7] [--bonus 0,0.05,0.1,0.3]

For each page, up to three times: two stretches of lines (blank lines inside allowed) that
each belong to one gold article, of different articles, cut to a random length of at least
8 lines, are woven line by line (the first starting 0-2 lines ahead), placed after the six
lines before the first stretch in the dump, and run through normalize, measure,
split_columns and unweave. Printed: the share of the true line-to-line links (a non-blank
line followed by its successor in its stretch) that the output keeps, with the stage off and
with each alternation bonus.
"""
from __future__ import annotations

import argparse
import importlib
import random
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import data_available, ensure_importable, load_pages, pages_dir, parse_range

ensure_importable()

from banmian.model import Source  # noqa: E402
from banmian.pipeline import page_from_lines  # noqa: E402
from banmian.stages.measure import measure  # noqa: E402
from banmian.stages.normalize import normalize  # noqa: E402
from banmian.stages.split_columns import split_columns  # noqa: E402

unweave_module = importlib.import_module("banmian.stages.unweave")
MIN_STRETCH = 10  # lines of one article in a row, blank lines inside included
MIN_CUT = 8
CONTEXT = 6


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def stretches(raw: list[str], bodies: list[str]) -> list[tuple[int, int, int]]:
    """(article, first, last) of runs of lines whose text only one gold body holds."""
    owner = []
    for ln in raw:
        s = _norm(ln)
        hits = [k for k, b in enumerate(bodies) if s and s in b]
        owner.append(hits[0] if len(hits) == 1 else (-2 if not s else -1))
    out, k = [], 0
    while k < len(raw):
        if owner[k] < 0:
            k += 1
            continue
        e = k
        while e + 1 < len(raw) and (owner[e + 1] == owner[k]
                                    or (owner[e + 1] == -2 and e + 2 < len(raw) and owner[e + 2] == owner[k])):
            e += 1
        if e - k + 1 >= MIN_STRETCH:
            out.append((owner[k], k, e))
        k = e + 1
    return out


def make_cases(numbers: list[int], seed: int) -> list[tuple[list[str], list[str], list[str]]]:
    """(page lines to parse, first stretch, second stretch) for each synthetic interleaving."""
    rng = random.Random(seed)
    cases = []
    for page in load_pages(numbers):
        bodies = [_norm("".join(a["paragraphs"])) for a in page.gold["articles"]]
        raw = page.dump_text("pdftotext").split("\n")
        found = stretches(raw, bodies)
        for _ in range(3):
            if len(found) < 2:
                break
            a, b = rng.sample(found, 2)
            if a[0] == b[0]:
                continue
            first, second = raw[a[1]:a[2] + 1], raw[b[1]:b[2] + 1]
            first = first[:rng.randint(MIN_CUT, len(first))]
            second = second[:rng.randint(MIN_CUT, len(second))]
            ahead = rng.randint(0, 2)
            woven, i, j = first[:ahead], ahead, 0
            while i < len(first) or j < len(second):
                if j < len(second):
                    woven.append(second[j])
                    j += 1
                if i < len(first):
                    woven.append(first[i])
                    i += 1
            cases.append((raw[max(0, a[1] - CONTEXT):a[1]] + woven + [""], first, second))
    return cases


def links(lines: list[str]) -> set[tuple[str, str]]:
    text = [ln for ln in lines if ln.strip()]
    return set(zip(text, text[1:]))


def kept_links(cases, stage_on: bool) -> float:
    """Share of the stretches' line-to-line links the output keeps."""
    kept = total = 0
    for lines, first, second in cases:
        page = split_columns(measure(normalize(page_from_lines(lines, Source(path="<synthetic>")))))
        if stage_on:
            page = unweave_module.unweave(page)
        truth = links(first) | links(second)
        kept += len(truth & links([ln.raw for ln in page.lines]))
        total += len(truth)
    return kept / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", default="1-40")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bonus", default="0,0.05,0.1,0.3", help="alternation bonuses to try")
    args = ap.parse_args(argv)
    if not data_available():
        print(f"skipped: shared data not found at {pages_dir()}")
        return 0
    cases = make_cases(parse_range(args.pages), args.seed)
    shipped = unweave_module.SWITCH_BONUS
    print(f"{len(cases)} synthetic interleavings from pages {args.pages} (seed {args.seed})\n")
    print("setting                  links kept")
    print("-----------------------  ----------")
    print(f"{'unweave off':23s}  {kept_links(cases, False):10.3f}")
    for bonus in [float(x) for x in args.bonus.split(",")]:
        unweave_module.SWITCH_BONUS = bonus
        mark = " (shipped)" if bonus == shipped else ""
        print(f"{'bonus ' + str(bonus) + mark:23s}  {kept_links(cases, True):10.3f}")
    unweave_module.SWITCH_BONUS = shipped
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
