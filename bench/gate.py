"""The quick quality gate: banmian on all 60 dev pages must not fall below bench/floors.json.

    python bench/gate.py            # check; exit 1 listing every metric below its floor
    python bench/gate.py --update   # raise floors to today's measurements (never lowers one)

Runs banmian (no baselines) on the pdftotext, raw and pymupdf dumps of pages 1–60, their PDFs
and, where pdftotext is installed, the PDFs' `pdftotext -layout` dumps (kind "layout",
bench/layout_dumps.py; skipped, saying why, without it), aggregates per dump kind and split ("dev" 1–40, "heldout" 41–60) as bench/eval.py does, and compares with
the floors; then on the simulated pages of bench/sim_gate.py (split "sim", every rate metric of
each text dump kind; skipped, saying why, where the simulator's tools are missing, or with
`--no-sim`; there the AUC of the articles' confidence is gated too, `confidence_auc`). Checked: every metric present in floors.json for that kind and split (all rate
metrics for pdftotext and pdf, body_char_acc for raw, pymupdf and layout), plus "invariant_pages": for each dump
kind, the number of pages on which the character-coverage invariant holds. Any exception raised
by banmian on a page also fails the gate. Without the shared data it prints "skipped: …" and
exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/gate.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import KINDS, LAYOUT_KIND, SPLITS, data_available, floor2, load_pages, pages_dir, parse_range
from bench.eval import (evaluate, find_row, format_errors, format_invariant, format_summary,
                        load_banmian, summarize)
from bench.layout_dumps import missing_tool
from bench.metrics import RATE_METRICS
from bench.sim_gate import SIM_SPLIT, measure_sim

FLOORS_PATH = Path(__file__).resolve().with_name("floors.json")
GATED = {"pdftotext": RATE_METRICS, "raw": ("body_char_acc",), "pymupdf": ("body_char_acc",), "pdf": RATE_METRICS,
         LAYOUT_KIND: ("body_char_acc",)}
FLOORED_KINDS = (*KINDS, LAYOUT_KIND)
TIME_BUDGET_S = 60
EPS = 1e-9


def measure(runs) -> dict:
    """Gated measurements: {kind: {split: {metric: value}}, "invariant_pages": min over kinds}."""
    rows = summarize(runs)
    out: dict = {}
    for kind, metrics in GATED.items():
        for split in SPLITS:
            row = find_row(rows, "banmian", kind, split)
            if row is None:
                continue
            vals = {m: row[m] for m in metrics if row[m] is not None}
            out.setdefault(kind, {})[split] = vals
    per_kind = [sum(bool(r.invariant) for r in runs if r.kind == k) for k in GATED if any(r.kind == k for r in runs)]
    out["invariant_pages"] = min(per_kind) if per_kind else 0
    return out


ENTITY_SPLIT = "tune"  # the gate checks the tuning split; bench/entities.py reports the test split


def measure_entities() -> dict:
    """{"entities": {type: F1}} on the corpus tuning split, or {} without the corpus."""
    from bench import entities

    if not entities.corpus_path().exists():
        print(f"entities: skipped, corpus not found at {entities.corpus_path()}")
        return {}
    row = entities.evaluate(ENTITY_SPLIT)
    print(entities.format_table([row]))
    return {"entities": {t: round(row[t]["f1"], 6) for t in entities.TYPES.values()}}


def below_floors(measured: dict, floors: dict) -> list[str]:
    """One message per floored metric that is missing or below its floor."""
    msgs = []
    for kind, floor in (floors.get("entities") or {}).items():
        value = measured.get("entities", {}).get(kind)
        if value is not None and value < floor - EPS:
            msgs.append(f"entities {kind} F1: {value:.4f} < floor {floor:.2f}")
    for kind in FLOORED_KINDS:
        if kind == LAYOUT_KIND and kind not in measured:
            continue  # no pdftotext here to make the -layout dumps (main said so)
        for split, metric_floors in (floors.get(kind) or {}).items():
            if split == SIM_SPLIT and SIM_SPLIT not in measured.get(kind, {}):
                continue  # the simulated pages could not be made here (measure_sim said why)
            for metric, floor in metric_floors.items():
                value = measured.get(kind, {}).get(split, {}).get(metric)
                if value is None:
                    msgs.append(f"{kind} {split} {metric}: not measured (floor {floor:.2f})")
                elif value < floor - EPS:
                    msgs.append(f"{kind} {split} {metric}: {value:.4f} < floor {floor:.2f}")
    inv_floor = floors.get("invariant_pages")
    if inv_floor is not None and measured["invariant_pages"] < inv_floor:
        msgs.append(f"invariant holds on {measured['invariant_pages']} pages (fewest over dump "
                    f"kinds) < floor {inv_floor}")
    return msgs


def raised_floors(measured: dict, floors: dict) -> tuple[dict, list[str]]:
    """Floors raised to the measurements rounded down to 2 decimals; never lowered."""
    new = json.loads(json.dumps(floors))
    changes = []
    for kind in GATED:
        for split, vals in measured.get(kind, {}).items():
            slot = new.setdefault(kind, {}).setdefault(split, {})
            for metric, value in vals.items():
                old, cand = slot.get(metric), floor2(value)
                if old is None or cand > old + EPS:
                    slot[metric] = cand
                    changes.append(f"{kind} {split} {metric}: {old} -> {cand:.2f}")
    for kind, value in measured.get("entities", {}).items():
        old, cand = new.setdefault("entities", {}).get(kind), floor2(value)
        if old is None or cand > old + EPS:
            new["entities"][kind] = cand
            changes.append(f"entities {kind} F1: {old} -> {cand:.2f}")
    old_inv = new.get("invariant_pages")
    if old_inv is None or measured["invariant_pages"] > old_inv:
        new["invariant_pages"] = measured["invariant_pages"]
        changes.append(f"invariant_pages: {old_inv} -> {measured['invariant_pages']}")
    return new, changes


def load_floors(path: Path) -> dict:
    """The floors file, or {} when it does not exist yet."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save_floors(path: Path, floors: dict) -> None:
    """Write floors in a stable, reviewable layout (kinds in order, metrics in order)."""
    order = list(RATE_METRICS)
    out = {}
    for kind in FLOORED_KINDS:
        if kind in floors:
            out[kind] = {s: dict(sorted(floors[kind][s].items(), key=lambda kv: order.index(kv[0])
                                        if kv[0] in order else len(order)))
                         for s in (*SPLITS, SIM_SPLIT) if s in floors[kind]}
    out.update({k: v for k, v in floors.items() if k not in FLOORED_KINDS})
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="banmian quality gate (see bench/README.md)")
    ap.add_argument("--update", action="store_true",
                    help="raise floors to current measurements (rounded down), never lower them")
    ap.add_argument("--floors", type=Path, default=FLOORS_PATH, help="floors file")
    ap.add_argument("--no-sim", action="store_true", help="skip the simulated pages (bench/sim_gate.py)")
    args = ap.parse_args(argv)

    if not data_available():
        print(f"skipped: shared data not found at {pages_dir()} (set BANMIAN_SHARED)")
        return 0
    try:
        load_banmian()
    except ImportError as exc:
        print(f"gate FAILED: banmian cannot be imported: {exc}")
        return 1

    t0 = time.perf_counter()
    kinds = list(GATED)
    if why := missing_tool():
        kinds.remove(LAYOUT_KIND)
        print(f"{LAYOUT_KIND}: skipped, {why}")
    runs = evaluate(kinds, load_pages(parse_range("1-60")), ["banmian"])
    elapsed = time.perf_counter() - t0
    print(format_summary(summarize(runs)))
    print(format_invariant(runs))
    errors = format_errors(runs)
    if errors:
        print(errors)
    print(f"gate run took {elapsed:.1f} s (budget {TIME_BUDGET_S} s)"
          + ("  WARNING: over budget" if elapsed > TIME_BUDGET_S else ""))

    measured = measure(runs)
    measured.update(measure_entities())
    sim: dict = {}
    if not args.no_sim:
        t0 = time.perf_counter()
        sim = measure_sim()
        if sim:
            print(f"simulated pages took {time.perf_counter() - t0:.1f} s")
        for kind in GATED:
            if kind in sim:
                measured.setdefault(kind, {}).update(sim[kind])
    floors = load_floors(args.floors)
    if args.update:
        new, changes = raised_floors(measured, floors)
        save_floors(args.floors, new)
        print("floors raised:\n  " + "\n  ".join(changes) if changes else "floors unchanged")
        floors = new

    problems = below_floors(measured, floors)
    if any(r.error for r in runs):
        problems.append(f"banmian raised on {sum(bool(r.error) for r in runs)} page dump(s)")
    if sim.get("sim_errors"):
        problems.append(f"banmian raised on {sim['sim_errors']} simulated page dump(s)")
    if sim.get("sim_invariant_failures"):
        problems.append(f"the invariant fails on {sim['sim_invariant_failures']} simulated page dump(s)")
    if problems:
        print(f"gate FAILED ({args.floors.name}):\n  " + "\n  ".join(problems))
        return 1
    print(f"gate passed: every metric at or above its floor in {args.floors.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
