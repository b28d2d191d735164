"""Many readers at once: concurrent API clients against `banmian serve` on PostgreSQL.

    python bench/load.py [--db postgresql://…] [--clients 50] [--seconds 60] [--copies 1]
                         [--archive URL] [--json OUT]

Builds a fresh PostgreSQL database `banmian_load` on the server of `--db` (default
$BANMIAN_TEST_PG, set by `scripts/pg-test-server run`) from `--copies` copies of the People's
Daily corpus pages of `bench/archive.py` (or uses the archive at `--archive` as it is), starts
`banmian serve --db URL` on a free loopback port (one uvicorn process, the store's connection
pool), and runs `--clients` clients (asyncio + httpx, one connection each) for `--seconds`
seconds. Each client loops over a fixed, seeded mix of requests: searches (1- to 4-character
terms from the corpus; the API adds facets), article and page reads, the
date list and trends. Reported: requests, requests/s, p50/p95/p99/max latency per kind and
overall, and the error count (any status other than 200, or a failed request). Traffic goes to
127.0.0.1 only, bounded in time. Target: no errors; p95 reported.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/load.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.archive import corpus_path, load_corpus, ngram_df, pct, pick_terms, write_pages
from bench.common import ensure_importable

ensure_importable()

REQUEST_TIMEOUT_S = 30.0
TERMS_PER_LENGTH = 40


def build_archive(url: str, copies: int) -> tuple[str, int]:
    from banmian.archive import open_archive
    from banmian.archive.ingest import ingest
    from banmian.archive.postgres import fresh_database

    corpus = load_corpus(corpus_path(None))
    db = fresh_database(url, "banmian_load")
    with tempfile.TemporaryDirectory(prefix="banmian-load-") as tmp:
        write_pages(corpus, copies, Path(tmp))
        store = open_archive(db)
        try:
            report = ingest(store, [tmp])
        finally:
            store.close()
    return db, report.articles


def request_mix(db: str, seed: int = 60) -> list[tuple[str, str, dict]]:
    """(kind, path, params) requests, seeded: searches of corpus terms, reads of stored ids."""
    from banmian.archive import open_archive
    from banmian.archive.query import fold

    rng = random.Random(seed)
    corpus = load_corpus(corpus_path(None))
    df = ngram_df(corpus, fold)
    terms = [t for n in (1, 2, 3, 4) for t in pick_terms(df[n], TERMS_PER_LENGTH, rng)]
    store = open_archive(db, readonly=True)
    try:
        counts = store.counts()
        dates = [d for d, _ in store.dates()]
    finally:
        store.close()
    mix = []
    for i in range(400):
        r = rng.random()
        if r < 0.6:
            mix.append(("search", "/api/search", {"q": rng.choice(terms)}))  # with facets, as the API gives them
        elif r < 0.8:
            mix.append(("article", f"/api/articles/{rng.randint(1, counts['articles'])}", {}))
        elif r < 0.9:
            mix.append(("page", f"/api/pages/{rng.randint(1, counts['pages'])}", {}))
        elif r < 0.95:
            mix.append(("trend", "/api/trend", {"q": rng.choice(terms[TERMS_PER_LENGTH:])}))
        else:
            mix.append(("dates", "/api/dates" if i % 2 else f"/api/dates/{rng.choice(dates)}/pages", {}))
    return mix


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    import httpx

    proc = subprocess.Popen([sys.executable, "-m", "banmian", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"banmian serve exited: {proc.stderr.read()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/dates", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("banmian serve did not answer within 60 s")


async def client_loop(base: str, mix: list, offset: int, until: float, samples: dict, errors: dict) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S,
                                 limits=httpx.Limits(max_connections=1)) as client:
        i = offset
        while time.monotonic() < until:
            kind, path, params = mix[i % len(mix)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = await client.get(path, params=params)
                ok = r.status_code == 200 or (kind in ("article", "page") and r.status_code == 404)
                if not ok:
                    errors[f"{kind} {r.status_code}"] += 1
            except httpx.HTTPError as exc:
                errors[f"{kind} {type(exc).__name__}"] += 1
            samples[kind].append((time.perf_counter() - t0) * 1000)


async def run_clients(base: str, mix: list, clients: int, seconds: float) -> tuple[dict, dict, float]:
    samples: dict = defaultdict(list)
    errors: dict = defaultdict(int)
    t0 = time.monotonic()
    until = t0 + seconds
    await asyncio.gather(*(client_loop(base, mix, k * 7, until, samples, errors) for k in range(clients)))
    return samples, errors, time.monotonic() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="a postgresql:// URL of a server (default $BANMIAN_TEST_PG)")
    ap.add_argument("--archive", help="serve this existing postgresql:// archive instead of building one")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--copies", type=int, default=1, help="copies of the corpus to build (default 1: 3,148 articles)")
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args(argv)
    url = args.archive or args.db or os.environ.get("BANMIAN_TEST_PG")
    if not url:
        print("skipped: no PostgreSQL server (give --db or run under scripts/pg-test-server run)")
        return 0
    if not corpus_path(None).is_file():
        print(f"skipped: People's Daily corpus not found at {corpus_path(None)}")
        return 0
    if args.archive:
        db, articles = args.archive, None
    else:
        t0 = time.perf_counter()
        db, articles = build_archive(url, args.copies)
        print(f"built banmian_load: {articles:,} articles in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    mix = request_mix(db)
    port = free_port()
    server = start_server(db, port)
    try:
        samples, errors, wall = asyncio.run(run_clients(f"http://127.0.0.1:{port}", mix, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    everything = [ms for v in samples.values() for ms in v]
    n_err = sum(errors.values())
    print(f"load bench: {args.clients} clients for {wall:.0f} s against banmian serve on PostgreSQL "
          f"({articles if articles is not None else 'existing'} articles), one uvicorn process, {os.cpu_count()} "
          f"cores shared by clients, server and database (load average {os.getloadavg()[0]:.1f})")
    print(f"{'kind':<9} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in sorted(samples) + ["all"]:
        values = everything if kind == "all" else samples[kind]
        print(f"{kind:<9} {len(values):>9,} {pct(values, 0.5):>8.0f} {pct(values, 0.95):>8.0f} "
              f"{pct(values, 0.99):>8.0f} {max(values):>8.0f}")
    print(f"{len(everything) / wall:.1f} requests/s; errors: {n_err}" +
          (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(errors.items())) + ")" if n_err else ""))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "clients": args.clients, "seconds": wall, "articles": articles, "errors": dict(errors),
            "requests": len(everything), "p95_ms": pct(everything, 0.95),
            "per_kind": {k: {"n": len(v), "p50_ms": pct(v, 0.5), "p95_ms": pct(v, 0.95)} for k, v in samples.items()}},
            indent=2), encoding="utf-8")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
