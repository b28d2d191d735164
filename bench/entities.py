"""Entity extraction against the People's Daily 1998 gold spans: precision, recall and F1 per
type, and speed.

    python bench/entities.py [--split tune|test|all] [--limit N] [--errors TYPE] [--json OUT]

Reads `../shared/data/peoples-daily-1998/annotations.jsonl.gz` (one paragraph per line with gold
entity spans: nr person, ns place, nt organisation), runs `banmian.entities.find_entities` on
each paragraph's text and counts exact span matches (same start, end and type), and times the
extraction in CPU seconds (a first pass, caches cold, and the best of WARM_PASSES warm ones). Articles of
1998-01-01..20 are the tuning split, 01-21..31 the test split (report it; do not tune on it).
The corpus is only measured against: nothing built from it goes into banmian.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ensure_importable, shared_dir  # noqa: E402

ensure_importable()

TYPES = {"nr": "person", "ns": "place", "nt": "organization"}
WARM_PASSES = 3  # warm passes timed; the fastest counts
SPLITS = {"tune": ("1998-01-01", "1998-01-20"), "test": ("1998-01-21", "1998-01-31"),
          "all": ("1998-01-01", "1998-01-31")}


def corpus_path() -> Path:
    return shared_dir() / "data" / "peoples-daily-1998" / "annotations.jsonl.gz"


def paragraphs(split: str, limit: int | None = None):
    """(text, gold spans {(start, end, type)}) of the split's paragraphs."""
    lo, hi = SPLITS[split]
    with gzip.open(corpus_path(), "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            d = json.loads(line)
            aid = d["article_id"]
            date = f"{aid[:4]}-{aid[4:6]}-{aid[6:8]}"
            if lo <= date <= hi:
                yield d["text"], {(e["start"], e["end"], e["type"]) for e in d["entities"] if e["type"] in TYPES}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def warm_pass(find_entities, data) -> float:
    """CPU seconds of one pass of `find_entities` over the paragraphs."""
    t0 = time.process_time()
    for text, _ in data:
        find_entities(text)
    return time.process_time() - t0


def evaluate(split: str, limit: int | None = None, errors: str | None = None) -> dict:
    """Counts and scores per type over a split, with the extraction's characters per second."""
    from banmian.entities import find_entities

    data = list(paragraphs(split, limit))
    # CPU seconds of this process, not wall-clock: the speed of one core, whatever else runs
    t0 = time.process_time()
    found = [find_entities(text) for text, _ in data]
    cold = time.process_time() - t0
    # again, warm: per-word rule flags are cached the first time a word is seen, which a long
    # run (millions of characters) pays once per word of its vocabulary; the best of WARM_PASSES,
    # as other processes on a shared machine only ever slow a pass down (caches, shared cores)
    secs = min(warm_pass(find_entities, data) for _ in range(WARM_PASSES))
    counts = {t: Counter() for t in TYPES}
    missed, wrong = Counter(), Counter()
    for (text, gold), ents in zip(data, found):
        pred = {(e.start, e.end, e.type) for e in ents}
        for t in TYPES:
            g = {s for s in gold if s[2] == t}
            p = {s for s in pred if s[2] == t}
            counts[t]["tp"] += len(g & p)
            counts[t]["fp"] += len(p - g)
            counts[t]["fn"] += len(g - p)
            if errors == t:
                missed.update(text[s:e] for s, e, _ in g - p)
                wrong.update(text[s:e] for s, e, _ in p - g)
    chars = sum(len(text) for text, _ in data)
    out = {"split": split, "paragraphs": len(data), "chars": chars, "chars_per_s": chars / secs if secs else None,
           "cold_chars_per_s": chars / cold if cold else None}
    for t, c in counts.items():
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        out[TYPES[t]] = {"precision": p, "recall": r, "f1": f, "gold": c["tp"] + c["fn"], "pred": c["tp"] + c["fp"]}
    if errors:
        out["missed"] = missed.most_common(40)
        out["wrong"] = wrong.most_common(40)
    return out


def format_table(rows: list[dict]) -> str:
    lines = ["split  type          precision  recall  f1      gold   pred",
             "-----  ------------  ---------  ------  ------  -----  -----"]
    for row in rows:
        for t in TYPES.values():
            s = row[t]
            lines.append(f"{row['split']:<5}  {t:<12}  {s['precision']:9.4f}  {s['recall']:6.4f}  {s['f1']:6.4f}"
                         f"  {s['gold']:5d}  {s['pred']:5d}")
    for row in rows:
        lines.append(f"{row['split']}: {row['paragraphs']} paragraphs, {row['chars']:,} chars, "
                     f"{row['chars_per_s'] / 1e6:.2f} M chars/s (find_entities, CPU time of one core, best warm pass; "
                     f"first pass, caches cold: {row['cold_chars_per_s'] / 1e6:.2f})")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=[*SPLITS, "both"], default="both")
    ap.add_argument("--limit", type=int, help="read only the first N paragraphs of the corpus")
    ap.add_argument("--errors", choices=list(TYPES), help="also list the commonest misses and false hits of a type")
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args(argv)
    if not corpus_path().exists():
        print(f"skipped: corpus not found at {corpus_path()} (set BANMIAN_SHARED)")
        return 0
    splits = ["tune", "test"] if args.split == "both" else [args.split]
    rows = [evaluate(s, args.limit, args.errors) for s in splits]
    print(format_table(rows))
    for row in rows:
        if args.errors:
            print(f"{row['split']} missed:", row["missed"])
            print(f"{row['split']} wrong:", row["wrong"])
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
