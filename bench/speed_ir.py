"""Instructions per page: an earlier revision against the working tree, counted by valgrind.

    python bench/speed_ir.py --base REV [--entities] [--passes 2] [--tool cachegrind]

The shared machine's wall and CPU timings swing by 20-40 %, too much to see a change of a few
per cent; the instructions a pass executes do not. For the working tree's `src` and for `REV`'s
`src/banmian` (taken with `git archive` and compiled with its own setup.py like the working tree,
cached by commit: bench/base_build.py; a few minutes the first time), a child Python runs under
valgrind (`cachegrind`, without its cache simulation, or `callgrind`) with PYTHONHASHSEED=0 and
parses the 60 dev pdftotext dumps (`pipeline.iter_pages`, then `writers.json.dumps`), entities
off unless --entities, once and then N times (--passes); the instructions of one warm pass per
page are the difference of the two counts over N-1 passes and the pages, imports, dictionary
loads and the first pass's caches thus left out. Prints both figures, their ratio (now/base) and
whether each side ran compiled (the working tree runs compiled only after its own build, `make
build`; --pure-base leaves the base uncompiled, to compare with a pure working tree).
Needs `valgrind` on the PATH; one valgrind run of a pass takes about a minute.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--child":
    # the measured child: `--child SRC PAGES_DIR PASSES ENTITIES`; SRC first on the path, so the
    # revision's package is the one imported, whatever PYTHONPATH holds
    _, _, _src, _pages, _passes, _ent = sys.argv
    sys.path.insert(0, _src)
    from banmian.pipeline import iter_pages
    from banmian.writers.json import dumps, page_to_dict

    _files = sorted(Path(_pages).glob("page_*.pdftotext.txt"))
    for _ in range(int(_passes)):
        for _f in _files:
            for _page in iter_pages(str(_f), entities=_ent == "1"):
                dumps(page_to_dict(_page))
    sys.exit(0)

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.base_build import base_tree, tree_compiled  # noqa: E402
from bench.common import REPO, pages_dir, skipped_without_data  # noqa: E402

KIND = "pdftotext"
# the line of the counts' total in an output file: "summary: N" (cachegrind), "totals: N"
# (callgrind), the first event being Ir, the instructions executed
TOTAL_LINE = re.compile(r"^(?:summary|totals):\s+(\d+)", re.MULTILINE)


def instructions_in(out_text: str) -> int:
    """The instructions (Ir, the first event) of a cachegrind or callgrind output file's text;
    the summary line is the last one of its kind in the file."""
    found = TOTAL_LINE.findall(out_text)
    if not found:
        raise ValueError("no 'summary:' or 'totals:' line in the valgrind output")
    return int(found[-1])


def warm_pass_per_page(one: int, many: int, passes: int, pages: int) -> float:
    """Instructions of one warm pass per page: the extra of an N-pass run over a 1-pass run."""
    return (many - one) / (passes - 1) / pages


def count(src: Path, passes: int, entities: bool, tool: str, scratch: Path) -> int:
    """Instructions of a child parsing the dev dumps `passes` times with the package under `src`."""
    out = scratch / f"{tool}.out"
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    cmd = ["valgrind", f"--tool={tool}", f"--{tool}-out-file={out}"]
    if tool == "cachegrind":
        cmd.append("--cache-sim=no")
    cmd += [sys.executable, str(Path(__file__).resolve()), "--child", str(src), str(pages_dir()),
            str(passes), "1" if entities else "0"]
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    total = instructions_in(out.read_text(encoding="utf-8", errors="replace"))
    out.unlink()
    return total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the git revision to compare with (a commit, tag or branch)")
    ap.add_argument("--entities", action="store_true", help="run the entity stage too")
    ap.add_argument("--passes", type=int, default=2, help="passes of the long run (at least 2)")
    ap.add_argument("--tool", default="cachegrind", choices=("cachegrind", "callgrind"))
    ap.add_argument("--pure-base", action="store_true", help="do not compile the base (pure Python)")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    if shutil.which("valgrind") is None:
        print("error: valgrind not found on the PATH", file=sys.stderr)
        return 2
    if args.passes < 2:
        ap.error("--passes must be at least 2")
    pages = len(list(pages_dir().glob(f"page_*.{KIND}.txt")))
    per_page = {}
    try:
        base_src = base_tree(REPO, args.base, compile=not args.pure_base)
    except subprocess.CalledProcessError as err:
        print(f"error: git {args.base} failed: {err.stderr.decode(errors='replace').strip()}", file=sys.stderr)
        return 2
    runs = {"base": tree_compiled(base_src), "now": tree_compiled(REPO / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for name, src in (("base", base_src), ("now", REPO / "src")):
            one = count(src, 1, args.entities, args.tool, scratch)
            many = count(src, args.passes, args.entities, args.tool, scratch)
            per_page[name] = warm_pass_per_page(one, many, args.passes, pages)
    print(f"instructions per page, one warm pass over {pages} {KIND} dumps "
          f"(entities {'on' if args.entities else 'off'}, {args.tool}, {args.passes} - 1 passes)")
    print(f"base {args.base} ({runs['base']}): {per_page['base']:,.0f}")
    print(f"now (working tree, {runs['now']}): {per_page['now']:,.0f}")
    if runs["base"] != runs["now"]:
        print("warning: one side compiled, the other not: the ratio measures the build too")
    print(f"ratio now/base: {per_page['now'] / per_page['base']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
