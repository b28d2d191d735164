"""Seconds and peak RSS to parse ONE very long page (a dump whose form feeds were lost).

    python bench/long_page.py [--sizes 500,1000,2000,4000,8000] [--kinds pdftotext,raw,made]
                              [--no-entities] [--json OUT]
    python bench/speed.py --long-page 500,1000,2000,4000,8000     # the same table
    python bench/long_page.py --agree [--sizes 8000] [--kinds pdftotext,raw,pymupdf]

A page of N lines is built (a) from the dev pdftotext dumps, (b) from the dev raw dumps, each
concatenated in page order with the form feeds removed and cut at N lines, or (c) from made-up
lines (`fuzz_inputs.made_up_lines`, seeded). Each (kind, N) runs in its own child process:
`parse_text` + `page_to_dict`, its wall seconds, seconds per 1,000 lines, the child's peak RSS
(from os.wait4, the interpreter and imports included) and whether the character-coverage
invariant holds (`banmian.invariant`). `--agree` tells instead how much of what the pages
read one by one (form feeds kept) the long page gives alike: the share of their articles
found in the long page's output with the same body, and with the same body and head. It measures the `banmian` the interpreter imports
(PYTHONPATH=src BANMIAN_PURE=1: this checkout's pure sources).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/long_page.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO, data_available, pages_dir

DEFAULT_SIZES = (500, 1000, 2000, 4000, 8000)
DEFAULT_KINDS = ("pdftotext", "raw", "made")
MADE_SEED = 0


def long_lines(kind: str, n: int) -> list[str]:
    """N lines of one page: dev dumps of `kind` run together (form feeds dropped), cycled; or
    made-up lines."""
    lines: list[str] = []
    if kind == "made":
        from bench.fuzz_inputs import made_up_lines
        r = random.Random(f"long/{MADE_SEED}")
        while len(lines) < n:
            lines += made_up_lines(r) + [""]
        return lines[:n]
    files = sorted(pages_dir().glob(f"page_*.{kind}.txt"))
    if not files:
        raise SystemExit(f"no {kind} dumps in {pages_dir()}")
    while len(lines) < n:
        for f in files:
            lines += f.read_text(encoding="utf-8").replace("\f", "\n").splitlines()
            if len(lines) >= n:
                break
    return lines[:n]


CHILD = (
    "import json, sys, time\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "from bench.long_page import long_lines\n"
    "from banmian.pipeline import parse_text\n"
    "from banmian.writers.json import page_to_dict\n"
    "from banmian.invariant import input_chars, printed_chars\n"
    "text = '\\n'.join(long_lines(sys.argv[2], int(sys.argv[3]))) + '\\n'\n"
    "t = time.perf_counter()\n"
    "pages = parse_text(text, entities=sys.argv[4] == '1')\n"
    "dicts = [page_to_dict(p) for p in pages]\n"
    "s = time.perf_counter() - t\n"
    "from collections import Counter\n"
    "got = Counter()\n"
    "for d in dicts: got.update(printed_chars(d))\n"
    "ok = input_chars(text) == got\n"
    "print(json.dumps({'seconds': s, 'pages': len(pages), 'invariant': ok}))\n"
)


def measure(kind: str, n: int, entities: bool = True) -> dict:
    """Parse one N-line page of `kind` in a child process: seconds, peak RSS MB, invariant."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(REPO), kind, str(n), "1" if entities else "0"],
                            stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        return {"kind": kind, "lines": n, "error": f"exit status {status}"}
    row = json.loads(out.strip().splitlines()[-1])
    return {"kind": kind, "lines": n, **row, "s_per_1000": row["seconds"] * 1000 / n,
            "peak_rss_mb": usage.ru_maxrss / 1024}


def format_rows(rows: list[dict]) -> str:
    out = [f"{'kind':10} {'lines':>6} {'s':>8} {'s/1000 lines':>13} {'peak MB':>8}  invariant"]
    for r in rows:
        if "error" in r:
            out.append(f"{r['kind']:10} {r['lines']:>6}  {r['error']}")
            continue
        out.append(f"{r['kind']:10} {r['lines']:>6} {r['seconds']:8.2f} {r['s_per_1000']:13.3f} "
                   f"{r['peak_rss_mb']:8.0f}  {'holds' if r['invariant'] else 'BROKEN'}")
    return "\n".join(out)


def run(sizes, kinds, entities: bool = True) -> list[dict]:
    rows = []
    for kind in kinds:
        if kind != "made" and not data_available():
            print(f"skipped {kind}: shared data not found at {pages_dir()}")
            continue
        for n in sizes:
            rows.append(measure(kind, n, entities))
            print(format_rows(rows[-1:]).splitlines()[-1], flush=True)
    return rows


def agreement(kind: str, n: int) -> dict:
    """The dev dumps of `kind`, whole pages up to N lines, parsed page by page and as one long
    page: the share of the per-page articles the long page reads with the same body (and head)."""
    from banmian.pipeline import parse_text
    from banmian.writers.json import page_to_dict
    texts: list[str] = []
    total = 0
    for f in sorted(pages_dir().glob(f"page_*.{kind}.txt")):
        t = f.read_text(encoding="utf-8").replace("\f", "\n")
        if total + t.count("\n") > n:
            break
        texts.append(t)
        total += t.count("\n")

    def keys(text: str) -> list[tuple]:
        return [("".join(a["paragraphs"]), a["kicker"], a["headline"], a["subtitle"])
                for p in parse_text(text) for a in page_to_dict(p)["articles"]]
    per = [k for t in texts for k in keys(t)]
    long = keys("".join(texts))
    bodies, whole = {k[0] for k in long}, set(long)
    return {"kind": kind, "lines": total, "pages": len(texts), "articles": len(per), "long_articles": len(long),
            "same_body": sum(k[0] in bodies for k in per) / max(1, len(per)),
            "same_body_head": sum(k in whole for k in per) / max(1, len(per))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="page lengths in lines")
    ap.add_argument("--kinds", default=",".join(DEFAULT_KINDS), help="pdftotext, raw (dev dumps), made")
    ap.add_argument("--no-entities", action="store_true", help="without the entity stage")
    ap.add_argument("--json", metavar="OUT", help="write the rows as JSON")
    ap.add_argument("--agree", action="store_true", help="instead: the long page against the pages one by one")
    a = ap.parse_args(argv)
    if a.agree:
        kinds = [k for k in a.kinds.split(",") if k != "made"] if a.kinds != ",".join(DEFAULT_KINDS) else ["pdftotext", "raw", "pymupdf"]
        sizes = [int(x) for x in a.sizes.split(",")] if a.sizes != ",".join(map(str, DEFAULT_SIZES)) else [8000]
        for kind in kinds:
            for n in sizes:
                r = agreement(kind, n)
                print(f"{kind:10} {r['lines']:>6} lines, {r['pages']} pages: {r['articles']} articles one by one, "
                      f"{r['long_articles']} as one page; same body {r['same_body']:.3f}, same body and head {r['same_body_head']:.3f}")
        return 0
    import banmian
    compiled = getattr(banmian, "COMPILED", None)
    print(f"banmian from {Path(banmian.__file__).parent} (compiled: {compiled}); one page per child process")
    print(format_rows([]))
    t = time.perf_counter()
    rows = run([int(x) for x in a.sizes.split(",")], a.kinds.split(","), not a.no_entities)
    print(f"total {time.perf_counter() - t:.0f} s")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0 if all(r.get("invariant") for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
