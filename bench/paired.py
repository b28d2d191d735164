"""Paired comparison of two banmian trees on page sets: per-page differences, paired bootstrap.

    python bench/paired.py [--base main] [--branch .] [--kinds pdftotext[,raw,pymupdf]]
        [--sets dev1-40,dev41-60,train,val,test2 | NAME=FOLDER[:FIRST-LAST],...] [--sim DIR]
        [--draws 2000] [--seed 1] [--noise 20,40,120,300] [--cache DIR] [--json OUT]

A tree is a folder (a checkout or worktree: TREE/src/banmian and TREE/bench; its files as they
are, uncommitted edits included) or a git revision of this repository (`main`, a branch, a commit:
`git archive` of its src/banmian and bench into a temporary folder). --branch defaults to this
checkout, --base to the revision `main`. Each tree runs PURE (PYTHONPATH=TREE/src BANMIAN_PURE=1)
in a child process with its own bench/eval.py run_one and bench/metrics.py score_page: the per-page
scores bench/eval.py aggregates. They are cached (--cache, default bench/out/paired) by a hash of
the tree's src/banmian and bench/{eval,metrics,common}.py, the pages and the kind, so comparing
further branches against the same main costs one tree each.

COST: about 1 min a tree a kind for the 1,980 pages of dev + train + val + test2 on a quiet
machine (pure Python, one core); run nothing else heavy beside it on the shared 2 cores.

Sets: dev1-40, dev41-60, dev (the dev pages of --shared, default bench/common's shared folder:
$BANMIAN_SHARED or ../shared beside the repository); train, val, test2 or any NAME whose pages
are in SIM/NAME/data/pages-dev (--sim, default $BANMIAN_SIM; every page there); NAME=FOLDER or
NAME=FOLDER:FIRST-LAST (FOLDER holds page_NNNN.gold.json and its dumps, or data/pages-dev).
Pools: UNSEEN = the --unseen sets (default val,test2: simulated pages nobody tunes on) and
POOLED = train + UNSEEN, added when all their sets are in --sets.

Per set and metric: the base and branch figures (pages weighted by gold articles, as
bench/metrics.aggregate), the difference branch - base, its 95 % paired-bootstrap interval
resampling pages (--draws, --seed) and one resampling whole corpus pages (the simulated pages
made from one corpus page share its articles: the more honest interval there); `+`/`-`: the
interval lies wholly above / below 0. --noise N,...: how far an N-page set's difference strays
from POOLED's (a difference inside that band on an N-page set is noise).

MERGE RULE for a threading or segmentation change (accuracy): the UNSEEN interval of the target
metric above 0 (`+`); no metric clearly negative (`-`) on UNSEEN, test2 or dev41-60, for any kind;
dev1-40 and train reported (train is for tuning only: a rule found there gains more there). Make a
fresh test set (bench/README.md, "How large a difference is noise") when one has been used for
many decisions.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import REPO, TEXT_KINDS, parse_range, shared_dir  # noqa: E402
from bench.paired_stats import (aggregate_difference, cluster_interval, noise_band,  # noqa: E402
                                paired_arrays, paired_interval, verdict)

METRICS = {"body_char_acc": "body", "para_f1": "para", "article_exact": "exact", "headline_acc": "head",
           "headline_roles_acc": "roles", "byline_acc": "byline", "source_acc": "source"}
NOISE_METRICS = ("body_char_acc", "para_f1", "article_exact")
DEV_SETS = {"dev1-40": (1, 40), "dev41-60": (41, 60), "dev": (1, 60)}
HASHED_BENCH = ("bench/eval.py", "bench/metrics.py", "bench/common.py")  # what the worker runs of bench


class Usage(Exception):
    """A one-line error about the arguments or the trees: main prints it and exits 2."""


def gold_dir(folder: Path) -> Path | None:
    """The folder of gold pages that `folder` names: itself or its data/pages-dev."""
    for d in (folder, folder / "data" / "pages-dev"):
        if d.is_dir() and any(d.glob("page_*.gold.json")):
            return d.resolve()
    return None


def page_numbers(folder: Path) -> list[int]:
    return sorted(int(p.name[5:9]) for p in folder.glob("page_[0-9][0-9][0-9][0-9].gold.json"))


def set_spec(spec: str, shared: Path, sim: Path | None) -> tuple[str, Path, list[int]]:
    """(name, gold folder, page numbers) of one --sets item; Usage on anything unknown or missing."""
    if "=" in spec:
        name, rest = spec.split("=", 1)
        m = re.fullmatch(r"(.+?)(?::(\d+)-(\d+))?", rest)
        folder, rng = Path(m.group(1)).expanduser(), m.group(2) and (int(m.group(2)), int(m.group(3)))
    elif spec in DEV_SETS:
        name, folder, rng = spec, shared, DEV_SETS[spec]
    elif sim is not None:
        name, folder, rng = spec, sim / spec, None
    else:
        raise Usage(f"unknown set {spec!r} (dev1-40, dev41-60, dev; simulated sets need --sim or "
                    "$BANMIAN_SIM; or NAME=FOLDER[:FIRST-LAST])")
    if not name or name in ("POOLED", "UNSEEN"):
        raise Usage(f"set {spec!r}: give it a name other than POOLED or UNSEEN")
    gold = gold_dir(folder)
    if gold is None:
        raise Usage(f"set {name}: no gold pages (page_*.gold.json) in {folder} or {folder / 'data' / 'pages-dev'}")
    have = page_numbers(gold)
    pages = [n for n in have if rng is None or rng[0] <= n <= rng[1]]
    if not pages:
        raise Usage(f"set {name}: no pages {rng[0]}-{rng[1]} in {gold}")
    return name, gold, pages


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True)


def resolve_tree(spec: str, option: str, stack: contextlib.ExitStack) -> tuple[str, Path]:
    """(label, folder) of a tree: a checkout folder, or a git revision unpacked into a temporary
    folder (removed when `stack` closes)."""
    path = Path(spec).expanduser()
    if path.is_dir():
        if not (path / "src" / "banmian").is_dir() or not (path / "bench" / "eval.py").is_file():
            raise Usage(f"{option} {spec}: not a banmian checkout (no src/banmian or bench/eval.py)")
        path = path.resolve()
        return path.name, path
    done = git("rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}")
    if done.returncode != 0:
        raise Usage(f"{option} {spec}: no such folder, and no git revision of {REPO}")
    commit = done.stdout.decode().strip()
    tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"paired-{commit[:10]}-")))
    blob = git("archive", commit, "src/banmian", "bench")
    if blob.returncode != 0:
        raise Usage(f"{option} {spec}: git archive failed: {blob.stderr.decode().strip()[-200:]}")
    with tarfile.open(fileobj=io.BytesIO(blob.stdout)) as tar:
        tar.extractall(tmp, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(tmp)
    return spec if commit.startswith(spec) else f"{spec}@{commit[:7]}", tmp


def tree_hash(tree: Path) -> str:
    """Hash of what decides a tree's scores: src/banmian (without compiled files) and the bench
    modules the worker runs."""
    h = hashlib.sha256()
    for p in sorted((tree / "src" / "banmian").rglob("*")):
        if p.is_file() and p.suffix not in (".so", ".pyc") and p.name != "_compiled.txt":
            h.update(str(p.relative_to(tree)).encode() + b"\0" + p.read_bytes() + b"\0")
    for rel in HASHED_BENCH:
        h.update(rel.encode() + b"\0" + (tree / rel).read_bytes() + b"\0")
    return h.hexdigest()[:16]


WORKER = r"""
import json, sys
from pathlib import Path
tree, folder, pages, kind, out = sys.argv[1:6]
sys.path[:0] = [tree + "/src", tree]
import banmian
assert banmian.__file__.startswith(tree + "/src/"), banmian.__file__
from bench.common import load_folder
from bench.eval import run_one
res = {}
for p in load_folder(Path(folder), [int(x) for x in pages.split(",")]):
    r = run_one("banmian", kind, p)
    res[p.no] = {"scores": r.scores, "error": r.error, "invariant": r.invariant}
json.dump(res, open(out, "w"))
"""


def tree_scores(tree: Path, thash: str, name: str, folder: Path, pages: list[int], kind: str,
                cache: Path, quiet: bool) -> dict[int, dict]:
    """{page: {"scores", "error", "invariant"}} of banmian (pure) from `tree`, cached."""
    key = hashlib.sha256(f"{thash}|{folder}|{pages}|{kind}".encode()).hexdigest()[:20]
    path = cache / f"{kind}-{name}-{key}.json"
    if not path.exists():
        if not quiet:
            print(f"  running {tree} {kind} {name} ({len(pages)} pages)...", file=sys.stderr, flush=True)
        env = dict(os.environ, PYTHONPATH=str(tree / "src"), BANMIAN_PURE="1")
        env.pop("BANMIAN_SHARED", None)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        done = subprocess.run([sys.executable, "-c", WORKER, str(tree), str(folder), ",".join(map(str, pages)),
                               kind, str(tmp)], cwd=tree, env=env)
        if done.returncode != 0:  # its traceback is printed above
            tmp.unlink(missing_ok=True)
            raise Usage(f"tree {tree} failed on set {name}, {kind} (exit {done.returncode})")
        tmp.replace(path)
    return {int(k): v for k, v in json.loads(path.read_text()).items()}


def cluster_of(folder: Path, pages: list[int]) -> dict[int, str]:
    """page -> the corpus page it was made from (gold page date and number)."""
    out = {}
    for n in pages:
        g = json.loads((folder / f"page_{n:04d}.gold.json").read_text(encoding="utf-8")).get("page") or {}
        out[n] = f"{g.get('date')}-p{g.get('page_number')}"
    return out


def compare_set(base: dict, branch: dict, clusters: dict, draws: int, seed: int) -> dict:
    """Every metric's figures for one set (base, branch: page key -> run dict)."""
    b0 = {k: v["scores"] for k, v in base.items()}
    b1 = {k: v["scores"] for k, v in branch.items()}
    out = {}
    for m in METRICS:
        keys, w, a, b = paired_arrays(b0, b1, m)
        d = b - a
        m0, m1, diff = aggregate_difference(w, a, b)
        lo, hi = paired_interval(w, d, draws, seed)
        clo, chi = cluster_interval(w, d, [clusters[k] for k in keys], draws, seed)
        out[m] = dict(base=m0, branch=m1, diff=diff, lo=lo, hi=hi, cluster_lo=clo, cluster_hi=chi,
                      changed=int((d != 0).sum()), pages=len(keys), w=w, d=d)
    return out


def fmt(x: float | None, sign: bool = False) -> str:
    return "   -   " if x is None else f"{x:+.4f}" if sign else f"{x:7.4f}"


def print_set(name: str, base: dict, branch: dict, figs: dict, nclusters: int) -> None:
    errs = sum(bool(v["error"]) for v in branch.values()), sum(bool(v["error"]) for v in base.values())
    print(f"{name} ({len(base)} pages, {nclusters} corpus pages; errors branch/base {errs[0]}/{errs[1]})")
    print(f"  {'metric':7s} {'base':>7s} {'branch':>7s} {'diff':>8s}  {'95% (pages)':>19s}   "
          f"{'95% (corpus pages)':>19s}   changed")
    for m, f in figs.items():
        print(f"  {METRICS[m]:7s} {fmt(f['base'])} {fmt(f['branch'])} {fmt(f['diff'], True):>8s}  "
              f"[{f['lo']:+.4f}, {f['hi']:+.4f}]{verdict(f['lo'], f['hi']) or ' '}  "
              f"[{f['cluster_lo']:+.4f}, {f['cluster_hi']:+.4f}]{verdict(f['cluster_lo'], f['cluster_hi']) or ' '}"
              f"  {f['changed']:4d}")


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="bench/paired.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="main", help="base tree: a folder (checked first) or a git revision (default main)")
    ap.add_argument("--branch", default=str(REPO), help="branch tree: a folder or a git revision (default this checkout)")
    ap.add_argument("--kinds", default="pdftotext", help="dump kinds, comma-separated (default pdftotext)")
    ap.add_argument("--sets", help="sets, comma-separated (default train,val,test2,dev1-40,dev41-60 with --sim, "
                                   "else dev1-40,dev41-60)")
    ap.add_argument("--unseen", default="val,test2", help="the sets pooled as UNSEEN (default val,test2)")
    ap.add_argument("--sim", default=os.environ.get("BANMIAN_SIM"),
                    help="folder holding the simulated sets as NAME/data/pages-dev (default $BANMIAN_SIM)")
    ap.add_argument("--shared", default=None, help="shared folder of the dev sets (default bench/common's)")
    ap.add_argument("--draws", type=int, default=2000, help="bootstrap draws (default 2000)")
    ap.add_argument("--seed", type=int, default=1, help="bootstrap seed (default 1)")
    ap.add_argument("--noise", default="20,40,120,300", help="set sizes for the noise band ('' for none)")
    ap.add_argument("--cache", default=str(REPO / "bench" / "out" / "paired"), help="score cache folder")
    ap.add_argument("--json", help="write every figure here")
    ap.add_argument("--quiet", action="store_true", help="no progress lines")
    a = ap.parse_args(argv)
    if a.draws < 1:
        raise Usage("--draws must be at least 1")
    a.kind_list = [k.strip() for k in a.kinds.split(",") if k.strip()]
    bad = [k for k in a.kind_list if k not in TEXT_KINDS]
    if bad or not a.kind_list:
        raise Usage(f"--kinds {a.kinds!r}: choose from {', '.join(TEXT_KINDS)}")
    try:
        a.noise_sizes = [int(n) for n in a.noise.split(",") if n.strip()]
    except ValueError:
        raise Usage(f"--noise {a.noise!r}: want set sizes such as 20,40,120") from None
    if a.sim is not None and not Path(a.sim).expanduser().is_dir():
        raise Usage(f"--sim {a.sim}: no such folder")
    shared = Path(a.shared).expanduser() if a.shared else shared_dir()
    sim = Path(a.sim).expanduser() if a.sim else None
    if a.sets is None:
        a.sets = "train,val,test2,dev1-40,dev41-60" if sim else "dev1-40,dev41-60"
    a.specs = [set_spec(s.strip(), shared, sim) for s in a.sets.split(",") if s.strip()]
    names = [s[0] for s in a.specs]
    if len(set(names)) != len(names) or not names:
        raise Usage(f"--sets {a.sets!r}: give at least one set, each name once")
    a.unseen_sets = tuple(s for s in a.unseen.split(",") if s)
    return a


def pools(a: argparse.Namespace, names: list[str]) -> dict[str, tuple[str, ...]]:
    out = {}
    if a.unseen_sets and all(s in names for s in a.unseen_sets):
        out["UNSEEN"] = a.unseen_sets
        if "train" in names and "train" not in a.unseen_sets:
            out["POOLED"] = ("train", *a.unseen_sets)
    return out


def main(argv=None) -> int:
    try:
        return run(parse_args(argv))
    except Usage as e:
        print(f"paired: {e}", file=sys.stderr)
        return 2


def run(a: argparse.Namespace) -> int:
    cache = Path(a.cache)
    cache.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        (blabel, base), (label, branch) = (resolve_tree(a.base, "--base", stack),
                                           resolve_tree(a.branch, "--branch", stack))
        hashes = {base: tree_hash(base), branch: tree_hash(branch)}
        out: dict = {"base": blabel, "branch": label, "draws": a.draws, "seed": a.seed, "kinds": {}}
        for kind in a.kind_list:
            runs, clusters = {}, {}
            for name, folder, pages in a.specs:
                runs[name] = tuple(tree_scores(t, hashes[t], name, folder, pages, kind, cache, a.quiet)
                                   for t in (base, branch))
                clusters[name] = cluster_of(folder, pages)
            for pool, members in pools(a, list(runs)).items():
                runs[pool] = tuple({(s, k): v for s in members for k, v in runs[s][i].items()} for i in (0, 1))
                clusters[pool] = {(s, k): f"{s}:{c}" for s in members for k, c in clusters[s].items()}
            print(f"\n=== {label} - {blabel}, {kind} (paired bootstrap, {a.draws} draws, seed {a.seed}) ===")
            kout = out["kinds"][kind] = {}
            for name, (b0, b1) in runs.items():
                figs = compare_set(b0, b1, clusters[name], a.draws, a.seed)
                print_set(name, b0, b1, figs, len(set(clusters[name].values())))
                kout[name] = {m: {k: v for k, v in f.items() if k not in ("w", "d")} for m, f in figs.items()}
                if name == "POOLED" and a.noise_sizes:
                    print("  noise: an N-page set's difference around POOLED's (2.5..97.5 %)")
                    for m in NOISE_METRICS:
                        bands = {n: noise_band(figs[m]["w"], figs[m]["d"], n, a.draws, a.seed) for n in a.noise_sizes}
                        kout[name][m]["noise"] = bands
                        print(f"  {METRICS[m]:6s} " + "  ".join(f"N={n}: [{lo:+.4f}, {hi:+.4f}]"
                                                              for n, (lo, hi) in bands.items()))
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
