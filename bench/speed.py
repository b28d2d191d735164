"""Speed and memory of banmian on text dumps (targets: >= 200 pages/s on one core; RSS flat).

    python bench/speed.py [--repeats 3] [--sizes 60,6000] [--no-memory] [--no-entities] [--json OUT] [--check]
    python bench/speed.py --long-page [500,1000,2000,4000,8000] [--long-kinds pdftotext,raw,made]

1. Throughput, in this process (one core): `iter_pages` + `page_to_dict` + `json.dumps` over
   the 60 dev pdftotext dumps, repeated; reports the best and the median pass.
2. Memory: builds multi-page dumps (the dev pdftotext dumps concatenated, form-feed separated,
   repeated to 60 and 6,000 pages) in a temporary folder and runs
   `banmian parse FILE --format jsonl -o /dev/null` (with `--no-entities` when given) in a
   child process (the console script next to this Python, else `python -m banmian.cli`, else
   an equivalent inline loop), reading the child's peak RSS from os.wait4 and its pages/s end
   to end (start-up included). RSS is "flat" when the largest file's peak is within 20 % of
   the smallest's.
3. `--long-page [SIZES]`, instead of 1 and 2: one page of N lines (dev dumps run together with
   their form feeds dropped, or made-up lines), each in a child process: seconds, seconds per
   1,000 lines, peak RSS, the character invariant (bench/long_page.py).

`--check` exits 1 when a target is missed (by default the script only reports).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/speed.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO, data_available, ensure_importable, pages_dir

ensure_importable()

TARGET_PAGES_PER_S = 200.0
FLAT_RATIO = 1.2
INLINE_EQUIVALENT = (
    "import json, sys\n"
    "from banmian.pipeline import iter_pages\n"
    "from banmian.writers.json import page_to_dict\n"
    "with open('/dev/null', 'w', encoding='utf-8') as out:\n"
    "    for page in iter_pages(sys.argv[1], entities=sys.argv[2] == '1'):\n"
    "        d = page_to_dict(page)\n"
    "        arts = d.get('articles') or [{}]\n"
    "        for a in arts:\n"
    "            out.write(json.dumps({**a, 'page': d.get('page')}, ensure_ascii=False) + '\\n')\n"
)


def dev_dumps(kind: str = "pdftotext") -> list[Path]:
    """The dev dumps of one kind, in page order."""
    return sorted(pages_dir().glob(f"page_*.{kind}.txt"))


# --- throughput ------------------------------------------------------------------------------

def one_pass(files: list[Path], entities: bool = True) -> tuple[int, float]:
    """Parse every file to JSON once; (pages, seconds). With the collector's threshold raised
    as `banmian parse` raises it (`pipeline.batch_gc`): without it the collector's passes over
    the pages' many small objects cost about a third of the time (ninth session: 80 against
    110-120 pages/s in one process), and the figure would not be the command's."""
    from banmian.pipeline import batch_gc, iter_pages
    from banmian.writers.json import page_to_dict

    n, t0 = 0, time.perf_counter()
    with batch_gc():
        for f in files:
            for page in iter_pages(str(f), entities=entities):
                json.dumps(page_to_dict(page), ensure_ascii=False)
                n += 1
    return n, time.perf_counter() - t0


def throughput(files: list[Path], repeats: int, entities: bool = True) -> dict:
    """Pages/s over `repeats` passes (after one warm-up pass): best and median."""
    one_pass(files[:3], entities)  # warm-up: imports, compiled regexes
    rates, pages = [], 0
    for _ in range(repeats):
        pages, secs = one_pass(files, entities)
        rates.append(pages / secs)
    return {"pages": pages, "repeats": repeats, "best_pages_per_s": max(rates),
            "median_pages_per_s": statistics.median(rates)}


# --- memory ----------------------------------------------------------------------------------

def build_dump(files: list[Path], n_pages: int, dest: Path) -> Path:
    """Write `n_pages` pages (the files cycled, each ending in a form feed) to `dest`."""
    texts = [f.read_text(encoding="utf-8") for f in files]
    texts = [t if t.endswith("\f") else t + "\f" for t in texts]
    with dest.open("w", encoding="utf-8") as out:
        for i in range(n_pages):
            out.write(texts[i % len(texts)])
    return dest


def parse_command(path: Path, entities: bool = True) -> tuple[list[str], str]:
    """The command that parses `path` to JSONL into /dev/null (`--no-entities` unless
    `entities`), and a label for it."""
    script = Path(sys.executable).with_name("banmian")
    args = ["parse", str(path), "--format", "jsonl", "-o", os.devnull] + ([] if entities else ["--no-entities"])
    if script.exists():
        return [str(script), *args], "banmian console script"
    if importlib.util.find_spec("banmian.cli") is not None:
        return [sys.executable, "-m", "banmian.cli", *args], "python -m banmian.cli"
    return [sys.executable, "-c", INLINE_EQUIVALENT, str(path), "1" if entities else "0"], "inline iter_pages loop (no CLI)"


def run_measured(cmd: list[str]) -> tuple[int, float, float, str]:
    """Run `cmd`; (exit status, seconds, peak RSS in MB of that child, stderr tail)."""
    src = str(REPO / "src")  # banmian importable even when not installed
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])))
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        secs = time.perf_counter() - t0
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-600:]
    return proc.returncode, secs, usage.ru_maxrss / 1024, tail  # ru_maxrss is KiB on Linux


def memory(files: list[Path], sizes: list[int], entities: bool = True) -> tuple[list[dict], str]:
    """Peak RSS and speed of the parse command for each multi-page dump size."""
    rows, label = [], ""
    with tempfile.TemporaryDirectory(prefix="banmian-speed-") as tmp:
        for n in sizes:
            path = build_dump(files, n, Path(tmp) / f"dump_{n}.txt")
            cmd, label = parse_command(path, entities)
            rc, secs, rss, tail = run_measured(cmd)
            rows.append({"pages": n, "seconds": secs, "pages_per_s": n / secs, "peak_rss_mb": rss,
                         "exit": rc, "stderr": tail if rc else ""})
            path.unlink()
    return rows, label


# --- report ----------------------------------------------------------------------------------

def format_report(tp: dict, mem: list[dict], label: str, entities: bool = True) -> str:
    flag = "" if entities else " --no-entities"
    lines = [f"throughput (one process, iter_pages + page_to_dict + json.dumps, {tp['pages']} "
             f"pdftotext pages x {tp['repeats']}, entities {'on' if entities else 'off'}): best {tp['best_pages_per_s']:.1f} pages/s, "
             f"median {tp['median_pages_per_s']:.1f} pages/s (target >= {TARGET_PAGES_PER_S:.0f})"]
    if mem:
        lines.append(f"\nmemory and end to end ({label}, --format jsonl{flag} -o /dev/null):")
        lines.append(f"{'pages':>7}  {'seconds':>8}  {'pages/s':>8}  {'peak RSS MB':>11}  exit")
        for r in mem:
            lines.append(f"{r['pages']:>7}  {r['seconds']:>8.2f}  {r['pages_per_s']:>8.1f}  "
                         f"{r['peak_rss_mb']:>11.1f}  {r['exit']}")
            if r["stderr"]:
                lines.append("   stderr: " + r["stderr"].strip().replace("\n", "\n           "))
        lines.append(f"RSS flat: {'yes' if rss_flat(mem) else 'NO'} "
                     f"(largest/smallest peak {rss_ratio(mem):.2f}, limit {FLAT_RATIO})")
    return "\n".join(lines)


def rss_ratio(mem: list[dict]) -> float:
    """Peak RSS of the largest dump over that of the smallest."""
    by_size = sorted(mem, key=lambda r: r["pages"])
    return by_size[-1]["peak_rss_mb"] / max(by_size[0]["peak_rss_mb"], 1e-9)


def rss_flat(mem: list[dict]) -> bool:
    return all(r["exit"] == 0 for r in mem) and rss_ratio(mem) <= FLAT_RATIO


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="banmian speed and memory benchmark")
    ap.add_argument("--repeats", type=int, default=3, help="throughput passes over the 60 pages")
    ap.add_argument("--sizes", default="60,6000", help="page counts of the memory test files")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory test")
    ap.add_argument("--json", metavar="OUT", help="write the measurements as JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--no-entities", action="store_true", help="without the entity stage (throughput and the parse runs)")
    ap.add_argument("--long-page", metavar="SIZES", nargs="?", const="500,1000,2000,4000,8000",
                    help="instead: seconds per 1,000 lines of ONE page of N lines (bench/long_page.py; "
                         "default sizes 500,1000,2000,4000,8000)")
    ap.add_argument("--long-kinds", default="pdftotext,raw,made", help="with --long-page: the pages' kinds")
    args = ap.parse_args(argv)
    if args.long_page:
        from bench import long_page
        return long_page.main(["--sizes", args.long_page, "--kinds", args.long_kinds]
                              + (["--no-entities"] if args.no_entities else [])
                              + (["--json", args.json] if args.json else []))
    if not data_available():
        print(f"skipped: shared data not found at {pages_dir()} (set BANMIAN_SHARED)")
        return 0
    files = dev_dumps()
    tp = throughput(files, args.repeats, entities=not args.no_entities)
    mem, label = ([], "") if args.no_memory else memory(files, [int(x) for x in args.sizes.split(",")],
                                                         entities=not args.no_entities)
    print(format_report(tp, mem, label, entities=not args.no_entities))
    if args.json:
        Path(args.json).write_text(json.dumps({"throughput": tp, "memory": mem}, indent=1))
    missed = tp["best_pages_per_s"] < TARGET_PAGES_PER_S or (mem and not rss_flat(mem))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
