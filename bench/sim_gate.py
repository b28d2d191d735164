"""The gate's simulated pages: banmian on pages bench/pagesim makes, beside the 60 dev pages.

The dev pages are 40 to tune on and 20 held out; rules fitted to 40 pages can pass on the 20 and
still lose on other pages made the same way (a rule that gained on dev lost 0.01 body_char_acc on
both the held-out pages and these). So the gate also scores SIM_PAGES pages of a fixed seed
that nobody tunes on (the "VAL" set: seed SIM_SEED, corpus dates SIM_DATES, apart from the dev
pages' 01-01..20 and from the dates helpers study), aggregated over all of them per dump kind.

The pages are made once per version of the simulator and kept in a cache folder
(`$BANMIAN_SIM_CACHE`, default `~/.cache/banmian`), named after the seed, the page count and a
hash of bench/pagesim's sources; made into a temporary folder and renamed, so a cut run leaves
no half set. Without the simulator's tools (`make pagesim-tools`) or the corpus, `measure_sim`
says why and measures nothing: the dev-page gate still runs.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import TEXT_KINDS, load_pages
from bench.metrics import RATE_METRICS, aggregate

SIM_SEED = "val-1"
SIM_PAGES = 120
SIM_DATES = ("1998-01-27", "1998-01-31")
SIM_SPLIT = "sim"  # the floors file's split name for these pages
# The AUC of the articles' confidence, right vs wrong (bench/confidence.py): gated on these
# pages, which nobody tunes on (the model is fitted on TRAIN).
CONFIDENCE_METRIC = "confidence_auc"
PAGESIM_DIR = Path(__file__).resolve().with_name("pagesim")


def cache_root() -> Path:
    """Where made page sets are kept."""
    return Path(os.environ.get("BANMIAN_SIM_CACHE") or Path.home() / ".cache" / "banmian")


def simulator_hash() -> str:
    """A short hash of bench/pagesim's Python sources: a changed simulator makes a new set."""
    h = hashlib.sha256()
    for path in sorted(PAGESIM_DIR.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def sim_dir() -> Path:
    """The folder (in the dev layout: DIR/data/pages-dev) of this simulator's VAL set."""
    return cache_root() / f"pagesim-{SIM_SEED}-{SIM_PAGES}-{simulator_hash()}"


def complete(folder: Path) -> bool:
    pages = folder / "data" / "pages-dev"
    return all((pages / f"page_{n:04d}.{suffix}").exists()
               for n in range(1, SIM_PAGES + 1) for suffix in ("gold.json", *(f"{k}.txt" for k in TEXT_KINDS)))


def why_not() -> str | None:
    """Why the simulated pages cannot be made here, or None."""
    from bench.entities import corpus_path
    from bench.pagesim.render import missing_tools

    missing = missing_tools()
    if missing:
        return f"missing {', '.join(missing)} (make pagesim-tools)"
    if not corpus_path().exists():
        return f"corpus not found at {corpus_path()}"
    return None


def make_pages() -> Path:
    """The VAL set's folder, made first when the cache lacks it (about 20 s)."""
    target = sim_dir()
    if complete(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="pagesim-", dir=target.parent))
    try:
        out = work / "data" / "pages-dev"
        cmd = [sys.executable, "-m", "bench.pagesim", "--pages", str(SIM_PAGES), "--seed", SIM_SEED,
               "--out", str(out), "--dates", ",".join(SIM_DATES)]
        proc = subprocess.run(cmd, cwd=PAGESIM_DIR.parents[1], capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"pagesim failed: {proc.stderr.strip().splitlines()[-1:]}")
        if target.exists():
            shutil.rmtree(target)
        work.rename(target)
        for old in target.parent.glob(f"pagesim-{SIM_SEED}-{SIM_PAGES}-*"):  # made by older simulators
            if old != target:
                shutil.rmtree(old, ignore_errors=True)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return target


def measure_sim() -> dict:
    """{kind: {"sim": {metric: value}}} over the VAL set for each text dump kind (and its
    runs' errors and invariant under "sim_errors"/"sim_invariant"), or {} when the pages
    cannot be made here (after saying why)."""
    from bench.confidence import confidence_auc
    from bench.eval import evaluate

    reason = why_not()
    if reason:
        print(f"simulated pages: skipped, {reason}")
        return {}
    folder = make_pages()
    pages = load_pages(list(range(1, SIM_PAGES + 1)), shared=folder)
    runs = evaluate(list(TEXT_KINDS), pages, ["banmian"])
    out: dict = {}
    print(f"simulated pages ({SIM_PAGES}, seed {SIM_SEED}, {folder}):")
    print("kind       " + "  ".join(f"{m[:12]:>12s}" for m in (*RATE_METRICS, CONFIDENCE_METRIC)))
    gold = {p.no: p.gold for p in pages}
    for kind in TEXT_KINDS:
        scores = aggregate([r.scores for r in runs if r.kind == kind and r.scores])
        vals = {m: scores[m] for m in RATE_METRICS if scores.get(m) is not None}
        auc = confidence_auc([(gold[r.page], r.pred) for r in runs if r.kind == kind and not r.error])
        if auc is not None:
            vals[CONFIDENCE_METRIC] = auc
        out[kind] = {SIM_SPLIT: vals}
        print(f"{kind:10s} " + "  ".join(f"{vals.get(m, float('nan')):12.4f}" for m in (*RATE_METRICS, CONFIDENCE_METRIC)))
    out["sim_errors"] = sum(bool(r.error) for r in runs)
    out["sim_invariant_failures"] = sum(not r.invariant for r in runs)
    return out
