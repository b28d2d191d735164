"""The archive: ingest parsed pages, search them (Chinese full text), read and export them.

`open_archive(path)` gives the `Store` (see `store.py`) for a database; SQLite is the embedded
default, PostgreSQL (`postgresql://…`, `postgres.py`) implements the same interface.
"""
from __future__ import annotations

import os

from banmian.archive.store import Filters, Hit, SearchResult, Store

DEFAULT_DB = "banmian.sqlite"


def default_db() -> str:
    """The archive path when none is given: $BANMIAN_DB, else banmian.sqlite here."""
    return os.environ.get("BANMIAN_DB") or DEFAULT_DB


def open_archive(path: str | None = None, readonly: bool = False) -> Store:
    """Open (creating unless `readonly`) the archive at `path`: a SQLite file, or a
    PostgreSQL database named by a `postgresql://…` URL (`archive/postgres.py`)."""
    from banmian.archive.postgres import PostgresStore, is_url
    from banmian.archive.sqlite import SQLiteStore

    path = path or default_db()
    if is_url(path):
        return PostgresStore(path, readonly=readonly)
    return SQLiteStore(path, readonly=readonly)


def is_new_archive(path: str | None) -> bool:
    """`path` (None: the default) names a SQLite archive that does not exist yet. A PostgreSQL
    database exists before banmian writes to it, so it is never new."""
    from banmian.archive.postgres import is_url

    path = path or default_db()
    return not is_url(path) and not os.path.exists(path)


def drop_if_empty(path: str | None, new: bool, counts: dict) -> bool:
    """Remove the (closed) SQLite archive at `path` with its WAL and shared-memory files when this
    run created it (`new`) and stored nothing (`counts` of `Store.counts`): an ingest whose every
    file failed left an empty archive behind. True when removed."""
    if not new or counts.get("pages"):
        return False
    path = path or default_db()
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass
    return True


def trend_buckets(store: Store, query: str, by: str, filters: Filters) -> dict:
    """Matches of `query` per period, oldest first, as the API's /api/trend and `banmian search
    --by … --json` both give them: {"by", "total", "undated", "buckets": [{"period", "count"}]}.
    `total` counts the dated matches (those in buckets); `undated` the matches without a date,
    which no period holds (they were dropped without a word)."""
    counts, undated = store.trend_counts(query, by, filters)
    buckets = [{"period": p, "count": c} for p, c in counts]
    return {"by": by, "total": sum(b["count"] for b in buckets), "undated": undated, "buckets": buckets}


__all__ = ["Filters", "Hit", "SearchResult", "Store", "open_archive", "default_db", "trend_buckets", "DEFAULT_DB",
           "is_new_archive", "drop_if_empty"]
