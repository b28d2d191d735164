"""The archive at scale: ingest rate, search latency and 2-character recall on >= 100,000 articles.

    python bench/archive.py [--copies 32] [--queries 60] [--keep DIR] [--json OUT] [--corpus FILE]

Reads the People's Daily January 1998 corpus (3,148 articles; third-party research data, read
where it lies and never copied into the repository): `$BANMIAN_SHARED` or `../shared` beside
the repository, `data/peoples-daily-1998/articles.jsonl.gz`. Without it the script prints
`skipped: …` and exits 0.

1. Pages: every corpus (date, page) becomes one "banmian.page/1" page dict (articles with
   headline = title, the paragraphs, dateline date = the article date, outlet 本报 / 新华社 /
   中新社 when the dateline starts with it, else null). The corpus is replicated `--copies`
   times, copy k shifted by k months (1998-01, 1998-02, …; days past the month's end fall on
   its last day), and written as one JSON Lines file of pages per copy and date in a temporary
   folder. `banmian.archive.ingest.ingest` is timed over that folder in this process (one
   core): articles/s (target >= 1,000) and pages/s.
2. Search latency, warm (every query run once before the timed pass), `store.search(q,
   filters, limit=20)` as `banmian search --json` runs it (total count + 20 hits with snippets):
   p50/p95 in ms per class: 1-, 2-, 3-, 4-character terms (half frequent, half rare, taken from
   the folded corpus text), 2-term AND, quoted phrases (5–8 characters of corpus text) and
   2-character terms with a date-range or an outlet filter. Target p95 <= 50 ms.
3. Recall of 2-character terms: for `--recall-terms` terms, the ids `store.articles(term)`
   returns must equal the ids of the articles whose folded printed text (`fold` over
   `printed_fields`, fields joined by a line break) contains the term. Mismatches are listed
   ("missing": a substring the search does not find; "extra": found without the substring).
"""
from __future__ import annotations

import argparse
import calendar
import gzip
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/archive.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ensure_importable, shared_dir

ensure_importable()

TARGET_ARTICLES_PER_S = 1000.0
TARGET_P95_MS = 50.0
CJK = re.compile(r"[\u4e00-\u9fff]+")
OUTLETS = (("本报", "本报"), ("新华社", "新华社"), ("据新华社", "新华社"), ("中新社", "中新社"))


def corpus_path(arg: str | None) -> Path:
    return Path(arg) if arg else shared_dir() / "data" / "peoples-daily-1998" / "articles.jsonl.gz"


def load_corpus(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def outlet_of(dateline: str | None) -> str | None:
    for prefix, outlet in OUTLETS:
        if dateline and dateline.startswith(prefix):
            return outlet
    return None


def shift_date(iso: str, months: int) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    m0 = m - 1 + months
    y, m = y + m0 // 12, m0 % 12 + 1
    return f"{y:04d}-{m:02d}-{min(d, calendar.monthrange(y, m)[1]):02d}"


def corpus_pages(corpus: list[dict]) -> list[tuple[str, int, list[dict]]]:
    """(date, page number, corpus articles in order) for every corpus page."""
    by_page: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for art in corpus:
        by_page[(art["date"], art["page"])].append(art)
    return [(d, p, sorted(arts, key=lambda a: a["article"])) for (d, p), arts in sorted(by_page.items())]


def page_dict(date: str, number: int, arts: list[dict], index: int) -> dict:
    """One schema page (banmian.page/1) of a corpus page, dated `date`."""
    label = f"第{number}版"
    return {
        "schema": "banmian.page/1",
        "source": {"path": f"peoples-daily-{date}.txt", "kind": "text", "encoding": "utf-8", "sha256": None},
        "page": {"date": date, "label": label, "section": None, "header": [], "index": index},
        "articles": [{
            "id": f"a{n}", "kicker": None, "headline": a.get("title"), "subtitle": None, "byline": None,
            "reporters": [], "outlet": outlet_of(a.get("dateline")),
            "dateline": {"text": a.get("dateline") or "", "place": None, "date": date},
            "source": None, "source_line": None, "paragraphs": list(a.get("paragraphs") or []),
            "captions": [], "jump": None, "continued_from": None,
            "entities": {"people": [], "places": [], "organizations": []}, "lines": [], "confidence": 1.0,
        } for n, a in enumerate(arts, 1)],
        "unassigned": [],
    }


def write_pages(corpus: list[dict], copies: int, folder: Path) -> tuple[int, int, int]:
    """JSON Lines page files (one per copy and date) under `folder`; (files, pages, articles)."""
    pages = corpus_pages(corpus)
    files = n_pages = n_articles = 0
    for k in range(copies):
        by_date: dict[str, list[str]] = defaultdict(list)
        for date, number, arts in pages:
            day = shift_date(date, k)
            by_date[day].append(json.dumps(page_dict(day, number, arts, len(by_date[day])), ensure_ascii=False))
            n_pages += 1
            n_articles += len(arts)
        sub = folder / f"copy{k:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        for day, lines in by_date.items():
            (sub / f"{day}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            files += 1
    return files, n_pages, n_articles


# ------------------------------------------------------------------ query terms


def ngram_df(corpus: list[dict], fold) -> dict[int, Counter]:
    """Document frequency of every CJK n-gram (n = 1..4) in the folded corpus text."""
    from banmian.archive.sqlite import printed_fields

    df = {n: Counter() for n in (1, 2, 3, 4)}
    for a in corpus:
        art = {"headline": a.get("title"), "paragraphs": a.get("paragraphs") or []}
        seen: dict[int, set] = {n: set() for n in df}
        for text in printed_fields(art):
            for run in CJK.findall(fold(text)):
                for n in df:
                    seen[n].update(run[i:i + n] for i in range(len(run) - n + 1))
        for n, grams in seen.items():
            df[n].update(grams)
    return df


def ranked(df: Counter) -> list[str]:
    """Terms by falling document frequency, ties in character order (the same every run)."""
    return sorted(df, key=lambda t: (-df[t], t))


def pick_terms(df: Counter, count: int, rng: random.Random) -> list[str]:
    """Half frequent (the most common), half rare (document frequency 1-3), in random order."""
    ranked_terms = ranked(df)
    frequent = ranked_terms[: count // 2]
    rare = [t for t in ranked_terms if df[t] <= 3]
    rare = rng.sample(rare, min(count - len(frequent), len(rare)))
    out = frequent + rare
    rng.shuffle(out)
    return out


def phrases(corpus: list[dict], fold, count: int, rng: random.Random) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        a = rng.choice(corpus)
        runs = [r for p in a.get("paragraphs") or [] for r in CJK.findall(fold(p)) if len(r) >= 8]
        if runs:
            run = rng.choice(runs)
            n = rng.randint(5, 8)
            i = rng.randint(0, len(run) - n)
            out.append(f'"{run[i:i + n]}"')
    return out


def query_classes(corpus: list[dict], copies: int, count: int, seed: int = 1998) -> dict[str, list[tuple[str, object]]]:
    from banmian.archive import Filters
    from banmian.archive.query import fold

    rng = random.Random(seed)
    df = ngram_df(corpus, fold)
    terms = {n: pick_terms(df[n], count, rng) for n in df}
    mid2 = ranked(df[2])[200:3000]
    ranges = [(shift_date("1998-01-01", k), shift_date("1998-01-31", k)) for k in range(copies)]
    out: dict[str, list[tuple[str, object]]] = {
        f"{n}-char term": [(t, None) for t in terms[n]] for n in (1, 2, 3, 4)}
    out["2-term AND"] = [(f"{a} {b}", None) for a, b in (rng.sample(mid2, 2) for _ in range(count))]
    out['"phrase"'] = [(p, None) for p in phrases(corpus, fold, count, rng)]
    out["term + date range"] = [(t, Filters(date_from=lo, date_to=hi))
                                for t, (lo, hi) in zip(terms[2], (rng.choice(ranges) for _ in terms[2]))]
    out["term + outlet"] = [(t, Filters(outlet=rng.choice(["本报", "新华社"]))) for t in terms[2]]
    return out


# ------------------------------------------------------------------ measurements


def measure_ingest(folder: Path, db: Path) -> dict:
    from banmian.archive import open_archive
    from banmian.archive.ingest import ingest

    store = open_archive(str(db))
    t0, c0 = time.perf_counter(), time.process_time()
    report = ingest(store, [str(folder)])
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    counts = store.counts()
    store.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "articles_per_cpu_s": report.articles / cpu, "files": report.files, "pages": report.pages, "articles": report.articles,
            "failures": report.failures, "counts": counts, "db_bytes": db.stat().st_size,
            "articles_per_s": report.articles / seconds, "pages_per_s": report.pages / seconds}


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def measure_search(db: Path, classes: dict) -> dict:
    from banmian.archive import open_archive

    store = open_archive(str(db), readonly=True)
    out = {}
    for name, queries in classes.items():
        for q, f in queries:  # warm-up pass
            store.search(q, f, limit=20).to_dict()
        times, cpu, totals, slowest = [], [], [], (0.0, "")
        for q, f in queries:
            t0, c0 = time.perf_counter(), time.process_time()
            result = store.search(q, f, limit=20)
            result.to_dict()
            ms = (time.perf_counter() - t0) * 1000
            cpu.append((time.process_time() - c0) * 1000)
            times.append(ms)
            totals.append(result.total)
            slowest = max(slowest, (ms, q))
        out[name] = {"queries": len(times), "p50_ms": pct(times, 0.5), "p95_ms": pct(times, 0.95),
                     "max_ms": max(times), "cpu_p50_ms": pct(cpu, 0.5), "cpu_p95_ms": pct(cpu, 0.95), "slowest": slowest[1], "median_total": statistics.median(totals),
                     "max_total": max(totals)}
    store.close()
    return out


def measure_recall(db: Path, terms: list[str]) -> dict:
    from banmian.archive import open_archive
    from banmian.archive.query import fold
    from banmian.archive.sqlite import printed_fields

    store = open_archive(str(db), readonly=True)
    texts = {a["article_id"]: "\n".join(fold(t) for t in printed_fields(a)) for a in store.articles()}
    rows = []
    for term in terms:
        scan = {aid for aid, text in texts.items() if term in text}
        found = {a["article_id"] for a in store.articles(term)}
        missing, extra = scan - found, found - scan
        example = ""
        if missing or extra:
            aid = min(missing or extra)
            text = texts[aid]
            i = text.find(term) if missing else _loose_find(text, term)
            example = text[max(0, i - 6): i + 8].replace("\n", "⏎")
        rows.append({"term": term, "scan": len(scan), "search": len(found), "missing": len(missing),
                     "extra": len(extra), "example": example})
    store.close()
    return {"terms": len(rows), "articles": len(texts), "rows": rows,
            "mismatched_terms": [r for r in rows if r["missing"] or r["extra"]]}


def _loose_find(text: str, term: str) -> int:
    """Where `term`'s characters stand with only non-word characters between them."""
    m = re.search(r"\W*".join(map(re.escape, term)), text)
    return m.start() if m else 0


def recall_terms(corpus: list[dict], count: int, seed: int = 30) -> list[str]:
    from banmian.archive.query import fold

    rng = random.Random(seed)
    df = ngram_df(corpus, fold)[2]
    terms = ranked(df)
    frequent = terms[:10]
    middle = rng.sample(terms[10:2000], count // 3)
    rare = rng.sample([t for t in terms if df[t] <= 2], count - len(frequent) - len(middle))
    return frequent + middle + rare


# ------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=32, help="copies of the corpus, each a month later (default 32)")
    ap.add_argument("--queries", type=int, default=60, help="queries per class (default 60)")
    ap.add_argument("--recall-terms", type=int, default=40, help="2-character terms for the recall check")
    ap.add_argument("--keep", metavar="DIR", help="build the archive (and page files) in DIR and keep them")
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    ap.add_argument("--corpus", metavar="FILE", help="articles.jsonl.gz (default: the shared data folder)")
    args = ap.parse_args(argv)

    path = corpus_path(args.corpus)
    if not path.is_file():
        print(f"skipped: People's Daily corpus not found at {path}")
        return 0
    corpus = load_corpus(path)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="banmian-archive-bench-"))
    try:
        work.mkdir(parents=True, exist_ok=True)
        pages_dir, db = work / "pages", work / "archive.sqlite"
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            p.unlink(missing_ok=True)
        shutil.rmtree(pages_dir, ignore_errors=True)
        t0 = time.perf_counter()
        n_files, n_pages, n_articles = write_pages(corpus, args.copies, pages_dir)
        write_s = time.perf_counter() - t0
        print(f"wrote {n_files} page files ({n_pages} pages, {n_articles} articles) in {write_s:.1f} s; ingesting…",
              file=sys.stderr)
        ing = measure_ingest(pages_dir, db)
        classes = query_classes(corpus, args.copies, args.queries)
        lat = measure_search(db, classes)
        rec = measure_recall(db, recall_terms(corpus, args.recall_terms))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    ok_ingest = ing["articles_per_s"] >= TARGET_ARTICLES_PER_S and not ing["failures"] \
        and ing["counts"]["articles"] == n_articles
    print(f"archive bench: {args.copies} copies of the corpus ({len(corpus)} articles), sqlite "
          f"{__import__('sqlite3').sqlite_version}, one core")
    print(f"{'measure':<22} {'value':>14}  {'target':>12}  note")
    print(f"{'ingest articles/s':<22} {ing['articles_per_s']:>14,.0f}  {'>= 1,000':>12}  "
          f"{'ok' if ok_ingest else 'MISSED'}: {ing['counts']['articles']:,} of {n_articles:,} articles, "
          f"{ing['counts']['pages']:,} pages, {ing['files']:,} files in {ing['seconds']:.1f} s")
    print(f"{'ingest articles/cpu-s':<22} {ing['articles_per_cpu_s']:>14,.0f}  {'':>12}  "
          f"{ing['cpu_seconds']:.1f} s of CPU (wall clock minus waiting for other processes)")
    print(f"{'ingest pages/s':<22} {ing['pages_per_s']:>14,.1f}  {'':>12}  "
          f"archive {ing['db_bytes'] / 2**20:,.0f} MiB, {len(ing['failures'])} failed files")
    print()
    print(f"{'search (limit 20)':<22} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p95':>8}  "
          f"{'target':>8}  {'median/max total':>18}  slowest query")
    for name, r in lat.items():
        verdict = "ok" if r["p95_ms"] <= TARGET_P95_MS else "MISSED"
        print(f"{name:<22} {r['queries']:>4} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['max_ms']:>8.1f} "
              f"{r['cpu_p95_ms']:>8.1f}  {verdict:>8}  {r['median_total']:>8,.0f}/{r['max_total']:<9,}  {r['slowest']}")
    print()
    bad = rec["mismatched_terms"]
    print(f"recall, 2-character terms vs substring scan of folded printed text: {rec['terms']} terms over "
          f"{rec['articles']:,} articles, {len(bad)} mismatched")
    for r in bad:
        print(f"  {r['term']}: scan {r['scan']:,}, search {r['search']:,}, missing {r['missing']:,}, "
              f"extra {r['extra']:,}  e.g. …{r['example']}…")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "copies": args.copies, "corpus_articles": len(corpus), "files": n_files, "pages": n_pages,
            "articles": n_articles, "ingest": ing, "search": lat, "recall": rec}, ensure_ascii=False, indent=2),
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
