"""Paired speed comparison: the text path of an earlier revision against the working tree, in one
process, per stage, in CPU time; without --base, where the working tree's time goes.

    python bench/speed_ab.py [--base REV] [--kind pdftotext] [--rounds 6] [--entities]

The shared VM's speed swings by up to 2x between minutes (CPU time too), so two separate runs of
bench/speed.py do not compare. Here the revision's `src/banmian` (taken with `git archive`, renamed,
and compiled with its own setup.py unless --pure-base: bench/base_build.py, cached by commit; the
output says whether each side runs compiled) is loaded beside today's package under another name, and the two run alternately over the 60 dev
dumps; each stage's CPU milliseconds per page are the minimum over the rounds, and the total is
the best pass. Reading, every stage and JSON writing are timed; entities only with --entities;
"free" is the time taken to free the page before (its lines, articles and scratch), which would
otherwise count as page_from_lines' (a third to a half of it). Without --base the working tree
runs alone and the table lists its steps dearest first, each with its share of the total.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.base_build import base_tree, tree_compiled
from bench.common import REPO, ensure_importable, pages_dir, skipped_without_data

ensure_importable()

BASE_NAME = "banmian_base"


def extract_base(rev: str, compile: bool = True) -> Path:
    """`src/banmian` of `rev` as the package BASE_NAME, its imports renamed and compiled with its
    own setup.py when it can be (bench/base_build.py; cached by commit): the folder to put on the
    path."""
    return base_tree(REPO, rev, package=BASE_NAME, compile=compile)


def runner(package: str, files: list[Path], entities: bool):
    """A function making one timed pass of `package` over the files: CPU ms per page by stage."""
    def mod(name):
        return __import__(f"{package}.{name}", fromlist=["x"])

    stages, pipeline, read_pages = mod("stages").STAGES, mod("pipeline"), mod("readers.text").read_pages
    page_to_dict = mod("writers.json").page_to_dict
    clock = time.process_time

    def one_pass() -> dict[str, float]:
        spent: dict[str, float] = defaultdict(float)
        page = None
        for f in files:
            t0 = clock()
            items = list(read_pages(str(f)))
            spent["read"] += clock() - t0
            for src, index, first_no, raw in items:
                t0 = clock()
                page = None  # the page before is freed here, not inside the next page_from_lines
                spent["free"] += clock() - t0
                t0 = clock()
                page = pipeline.page_from_lines(raw, src, first_no, index)
                pipeline._prepare(page, None, entities)
                spent["page_from_lines"] += clock() - t0
                for stage in stages:
                    t0 = clock()
                    page = stage(page)
                    spent[stage.__name__] += clock() - t0
                t0 = clock()
                json.dumps(page_to_dict(page), ensure_ascii=False)
                spent["json"] += clock() - t0
        return {k: 1000 * v / len(files) for k, v in spent.items()}
    return one_pass


def compare(base: str, kind: str, rounds: int, entities: bool, pure_base: bool = False) -> None:
    files = sorted(pages_dir().glob(f"page_*.{kind}.txt"))
    base_src = extract_base(base, compile=not pure_base)
    built = {"base": tree_compiled(base_src, BASE_NAME), "now": tree_compiled(REPO / "src")}
    sys.path.insert(0, str(base_src))
    runs = {"base": runner(BASE_NAME, files, entities), "now": runner("banmian", files, entities)}
    for run in runs.values():
        run()  # warm caches and imports
    best: dict[str, dict[str, float]] = {}
    total = {"base": float("inf"), "now": float("inf")}
    for i in range(rounds):
        for name in (("base", "now") if i % 2 == 0 else ("now", "base")):
            got = runs[name]()
            best[name] = got if name not in best else {k: min(best[name][k], got[k]) for k in got}
            total[name] = min(total[name], sum(got.values()))
    print(f"base {base}: {built['base']}; now (working tree): {built['now']}")
    if built["base"] != built["now"]:
        print("warning: one side compiled, the other not: the difference measures the build too")
    print(f"{'stage':16s} {'base':>8s} {'now':>8s}   CPU ms/page, min over {rounds} alternating passes "
          f"({kind}, base {base}{', entities' if entities else ''})")
    for k in best["base"]:
        print(f"{k:16s} {best['base'][k]:8.3f} {best['now'].get(k, 0.0):8.3f}")
    print(f"{'total (best pass)':16s} {total['base']:8.3f} {total['now']:8.3f}   "
          f"pages/s {1000 / total['base']:.1f} -> {1000 / total['now']:.1f}")


def stage_table(best: dict[str, float]) -> str:
    """One tree's steps, dearest first: CPU ms a page and share of the total, then the total."""
    total = sum(best.values()) or 1e-12
    rows = [f"{k:16s} {v:8.3f} {v / total:6.1%}" for k, v in sorted(best.items(), key=lambda kv: -kv[1])]
    return "\n".join(rows + [f"{'total':16s} {total:8.3f} {1.0:6.1%}   pages/s {1000 / total:.1f}"])


def profile(kind: str, rounds: int, entities: bool) -> None:
    """Where the working tree's time goes: each step's minimum over `rounds` passes."""
    files = sorted(pages_dir().glob(f"page_*.{kind}.txt"))
    run = runner("banmian", files, entities)
    run()  # warm caches and imports
    best: dict[str, float] = {}
    for _ in range(rounds):
        got = run()
        best = got if not best else {k: min(best[k], got[k]) for k in got}
    print(f"working tree: {tree_compiled(REPO / 'src')}")
    print(f"{'step':16s} {'ms/page':>8s} {'share':>6s}   CPU, min over {rounds} passes ({kind}"
          f"{', entities' if entities else ''})")
    print(stage_table(best))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", help="the git revision to compare with (a commit, tag or branch); "
                    "without it, the working tree's steps alone")
    ap.add_argument("--kind", default="pdftotext", choices=("pdftotext", "raw", "pymupdf"))
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--entities", action="store_true", help="run the entity stage too")
    ap.add_argument("--pure-base", action="store_true", help="do not compile the base (pure Python)")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    if args.base is None:
        profile(args.kind, args.rounds, args.entities)
        return 0
    try:
        compare(args.base, args.kind, args.rounds, args.entities, args.pure_base)
    except subprocess.CalledProcessError as err:
        print(f"error: git {args.base} failed: {err.stderr.decode(errors='replace').strip()}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
