"""PostgreSQL vs SQLite: the same archive must give the same results (ids and totals).

    python bench/pg_parity.py [--db postgresql://…] [--copies 2] [--json OUT]

Builds the same archive twice from the People's Daily corpus pages of `bench/archive.py`
(`--copies` copies, each a month later), once in SQLite and once in a fresh PostgreSQL database
(`banmian_parity` on the server of `--db`, else of $BANMIAN_TEST_PG, which
`scripts/pg-test-server run` sets), with the same ingest of the same files. Then 50 fixed
queries (seeded: 1-, 2-, 3- and 4-character terms, two-term AND, phrases, a term with a date
range, a term with an outlet, OR, exclusion) run on both as `banmian search --json` runs them
(limit 20, and the next 20); a query agrees when the totals and the ordered article ids of both
result pages are equal. BM25 scores are compared too (the largest difference is printed), and
the PostgreSQL archive's 2-character recall is checked as `bench/archive.py` checks SQLite's
(the articles found for 40 terms equal those whose folded printed text holds the term).
Without the corpus or a server it prints `skipped: …` and exits 0; exit 1 when a query differs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/pg_parity.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.archive import (corpus_path, load_corpus, measure_recall, ngram_df, query_classes, ranked,
                           recall_terms, write_pages)
from bench.common import ensure_importable

ensure_importable()

PER_CLASS = 5  # 8 classes of bench/archive.py x 5 + 10 OR/exclusion queries = 50
EXTRA = 10
RECALL_TERMS = 40


def fixed_queries(corpus: list[dict], copies: int, seed: int = 1998) -> list[tuple[str, object]]:
    """The 50 queries: PER_CLASS of each class of bench/archive.py, then OR and exclusion."""
    from banmian.archive.query import fold

    out = [q for qs in query_classes(corpus, copies, PER_CLASS, seed).values() for q in qs[:PER_CLASS]]
    rng = random.Random(seed + 1)
    mid2 = ranked(ngram_df(corpus, fold)[2])[100:2000]
    for i in range(EXTRA):
        a, b = rng.sample(mid2, 2)
        out.append((f"{a} OR {b}" if i % 2 == 0 else f"{a} -{b}", None))
    return out


def run(store, queries) -> list[dict]:
    out = []
    for q, f in queries:
        first, second = store.search(q, f, limit=20), store.search(q, f, limit=20, offset=20)
        out.append({"total": first.total, "ids": [h.article_id for h in first.hits + second.hits],
                    "scores": [h.score for h in first.hits + second.hits]})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="a postgresql:// URL of a server (default $BANMIAN_TEST_PG)")
    ap.add_argument("--copies", type=int, default=2, help="copies of the corpus (default 2: 6,296 articles)")
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args(argv)
    url = args.db or os.environ.get("BANMIAN_TEST_PG")
    if not url:
        print("skipped: no PostgreSQL server (give --db or run under scripts/pg-test-server run)")
        return 0
    path = corpus_path(None)
    if not path.is_file():
        print(f"skipped: People's Daily corpus not found at {path}")
        return 0
    from banmian.archive import open_archive
    from banmian.archive.ingest import ingest
    from banmian.archive.postgres import fresh_database

    corpus = load_corpus(path)
    work = Path(tempfile.mkdtemp(prefix="banmian-parity-"))
    try:
        write_pages(corpus, args.copies, work / "pages")
        stores, seconds = {}, {}
        pg_url = fresh_database(url, "banmian_parity")
        for name, db in (("sqlite", str(work / "a.sqlite")), ("postgres", pg_url)):
            store = open_archive(db)
            t0 = time.perf_counter()
            report = ingest(store, [str(work / "pages")])
            seconds[name] = time.perf_counter() - t0
            print(f"{name}: ingested {report.articles:,} articles in {seconds[name]:.1f} s", file=sys.stderr)
            stores[name] = store
        queries = fixed_queries(corpus, args.copies)
        results = {}
        for name, store in stores.items():
            t0 = time.perf_counter()
            results[name] = run(store, queries)
            seconds[name + "_queries"] = time.perf_counter() - t0
        counts = {name: s.counts() for name, s in stores.items()}
        for s in stores.values():
            s.close()
        recall = measure_recall(pg_url, recall_terms(corpus, RECALL_TERMS))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows, bad = [], 0
    for (q, f), a, b in zip(queries, results["sqlite"], results["postgres"]):
        same = a["total"] == b["total"] and a["ids"] == b["ids"]
        drift = max((abs(x - y) for x, y in zip(a["scores"], b["scores"])), default=0.0)
        bad += not same
        rows.append({"query": q, "filters": str(f) if f else "", "total": a["total"], "pg_total": b["total"],
                     "same": same, "score_drift": drift})
    print(f"pg parity: {args.copies} copies, {counts['sqlite']['articles']:,} articles "
          f"(postgres {counts['postgres']['articles']:,}); {len(queries)} queries, limit 20 + next 20")
    print(f"{'query':<28} {'filters':<44} {'sqlite':>8} {'pg':>8}  ids  score drift")
    for r in rows:
        flt = r["filters"].replace("Filters(", "").replace(")", "")
        flt = ", ".join(p for p in flt.split(", ") if not p.endswith("=None"))
        print(f"{r['query']:<28} {flt[:44]:<44} {r['total']:>8,} {r['pg_total']:>8,}  "
              f"{'same' if r['same'] else 'DIFF'} {r['score_drift']:.1e}")
    drift = max(r["score_drift"] for r in rows)
    print(f"{len(rows) - bad}/{len(rows)} queries give the same totals and ids; largest score difference "
          f"{drift:.1e}; query time sqlite {seconds['sqlite_queries']:.2f} s, postgres "
          f"{seconds['postgres_queries']:.2f} s (100 searches each)")
    bad_recall = recall["mismatched_terms"]
    print(f"PostgreSQL recall, 2-character terms vs a substring scan of the folded printed text: "
          f"{recall['terms']} terms over {recall['articles']:,} articles, {len(bad_recall)} mismatched")
    for r in bad_recall:
        print(f"  {r['term']}: scan {r['scan']:,}, search {r['search']:,}")
    bad += len(bad_recall)
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "recall": recall, "seconds": seconds, "counts": counts},
                                              ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
