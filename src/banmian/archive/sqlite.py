"""The SQLite archive: pages, articles, names and an FTS5 index of bigrams and characters.

WAL mode, so readers (search, the web app) keep working while one ingest writes; each page is
one transaction, so an interrupted ingest (even `kill -9`) leaves whole pages only, and a
rerun skips what is there (files by content hash, pages by (hash, index)).
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import NamedTuple
from urllib.parse import quote

from banmian.archive.query import (QueryError, fold, index_streams, match_expression, parse_query,
                                   single_token, snippet, units)
from banmian.archive.reads import SharedReads
from banmian.archive.store import Filters, Hit, SearchResult
from banmian.errors import BadInput
from banmian.invariant import article_texts as printed_fields

SCHEMA_VERSION = "5"  # 2: fts `meta` column (outlet tokens), vocabulary table; 3: page_json without
# articles; 4: month tokens in `meta`; 5: the `ascii` tokenizer (FTS_TOKENIZER)
# A term found in more articles than this lists them most recently ingested first instead of by
# BM25: ranking scores every match (about 1 µs each; 94,000 for 的 in the 100k bench archive).
RANK_MAX_MATCHES = 20_000
FTS_AUTOMERGE = 16  # FTS5's default is 4; 150 corpus files: 885 -> 1,131 articles/s, searches within target
MAX_RANGE_MONTHS = 120  # a longer date range is checked on the articles only (too many tokens)
BUSY_TIMEOUT_MS = 30_000  # a reader or second writer waits this long for the one writer
TREND_FORMATS = {"day": "%Y-%m-%d", "week": "%Y-W%W", "month": "%Y-%m", "year": "%Y"}
MMAP_BYTES = 1 << 30  # reads through memory mapping: filtered searches visit many article rows
# The index only ever sees tokens banmian made (`query.index_streams`, `query.match_expression`):
# folded, separated by spaces. `ascii` splits them on ASCII spaces and punctuation and keeps every
# other character; `unicode61` looked up each character's Unicode class and case and cost a quarter
# of the index writes (bench/archive.py) for the same tokens.
FTS_TOKENIZER = "ascii"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT PRIMARY KEY, path TEXT, kind TEXT, pages INTEGER, status TEXT, ingested_at TEXT);
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY, file_sha256 TEXT NOT NULL, page_index INTEGER NOT NULL, path TEXT,
    kind TEXT, date TEXT, label TEXT, section TEXT, page_json TEXT NOT NULL,
    UNIQUE (file_sha256, page_index));
CREATE INDEX IF NOT EXISTS pages_date ON pages (date);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL REFERENCES pages (id), ord INTEGER NOT NULL,
    date TEXT, outlet TEXT, kicker TEXT, headline TEXT, article_json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE INDEX IF NOT EXISTS articles_page ON articles (page_id);
CREATE TABLE IF NOT EXISTS names (article_id INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS names_lookup ON names (kind, name, article_id);
CREATE INDEX IF NOT EXISTS names_article ON names (article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (bi, uni, meta, content='', tokenize='{FTS_TOKENIZER}');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab (fts, 'col');
"""


def outlet_token(outlet: str | None) -> str:
    """The index token of an outlet (`本报` -> `o本报`), so an outlet filter joins the full-text
    match instead of looking up every matching article."""
    return "o" + "".join(units(fold(outlet))) if outlet else ""


def month_token(date: str | None) -> str:
    """The index token of an article's month (`1998-01-09` -> `m199801`), so a date range joins
    the full-text match as the months it spans."""
    return f"m{date[:4]}{date[5:7]}" if date and len(date) >= 7 else ""


def months_between(date_from: str, date_to: str) -> list[str]:
    """Month tokens from one date's month to another's (inclusive), or [] for an open or
    reversed range or one longer than MAX_RANGE_MONTHS."""
    try:
        y, m, y2, m2 = int(date_from[:4]), int(date_from[5:7]), int(date_to[:4]), int(date_to[5:7])
    except ValueError:
        return []
    out = []
    while (y, m) <= (y2, m2) and len(out) <= MAX_RANGE_MONTHS:
        out.append(f"m{y:04d}{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out if len(out) <= MAX_RANGE_MONTHS else []


def article_names(article: dict) -> list[tuple[str, str]]:
    """(kind, name) rows of an article: reporters and entities."""
    rows = [("reporter", r) for r in article.get("reporters") or []]
    ents = article.get("entities") or {}
    rows += [("person", p["name"]) for p in ents.get("people") or [] if p.get("name")]
    rows += [("place", p) for p in ents.get("places") or []]
    rows += [("organization", o) for o in ents.get("organizations") or []]
    return rows


class ArticleRows(NamedTuple):
    article: tuple  # date, outlet, kicker, headline, article JSON
    names: list[tuple[str, str]]
    index: tuple[str, str, str]  # the fts columns bi, uni, meta


def article_rows(art: dict, page_date: str | None) -> ArticleRows:
    """What one article adds to the archive's tables (its id and page aside)."""
    date = (art.get("dateline") or {}).get("date") or page_date
    bi, uni = index_streams(printed_fields(art))
    meta = f"{outlet_token(art.get('outlet'))} {month_token(date)}".strip()
    return ArticleRows((date, art.get("outlet"), art.get("kicker"), art.get("headline"),
                        json.dumps(art, ensure_ascii=False)), article_names(art), (bi, uni, meta))


class SQLiteStore(SharedReads):
    """The archive in one SQLite file (see the module docstring)."""

    def __init__(self, path: str, readonly: bool = False):
        self.path = path
        if readonly and not os.path.exists(path):
            raise BadInput(f"no archive at {path} (create one with banmian ingest)")
        uri = f"file:{quote(path)}?mode=ro" if readonly else path  # quoted: a path may hold ? # %
        try:
            self.db = sqlite3.connect(uri, uri=readonly, timeout=BUSY_TIMEOUT_MS / 1000,
                                      isolation_level=None, check_same_thread=False)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.db.executescript(SCHEMA.format(FTS_TOKENIZER=FTS_TOKENIZER))
                if self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,)).rowcount:
                    # merge index segments in bigger batches: ingest 1.1-1.3x faster (bench/archive.py)
                    self.db.execute(f"INSERT INTO fts (fts, rank) VALUES ('automerge', {FTS_AUTOMERGE})")
                found = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0]
                if found != SCHEMA_VERSION:
                    raise BadInput(f"archive {path} was made by another banmian version (schema {found}, "
                                   f"this one writes {SCHEMA_VERSION}): ingest the files into a new archive")
            else:
                self.db.execute("SELECT 1 FROM articles LIMIT 1")
        except sqlite3.DatabaseError as exc:
            raise BadInput(f"cannot open archive {path}: {exc}") from None

    # --- writing (one writer: banmian ingest) -------------------------------------------------

    def add_page(self, sha256: str, path: str, page: dict, index: int | None = None) -> int:
        """Store one parsed page (a schema page dict) and its articles in one transaction;
        returns the number of articles stored (0 when the page was already there). `index` is
        the page's place in the ingested file (what a rerun skips by); default `page.index`."""
        return self.add_pages(sha256, path, [(page, index)])

    def add_pages(self, sha256: str, path: str, pages: list[tuple[dict, int | None]]) -> int:
        """Store several pages of one file in one transaction (each page whole: none is ever
        partly stored); returns the number of articles stored. Pages already there are skipped."""
        built = []
        for page, index in pages:
            info = page.get("page") or {}
            index = info.get("index", 0) if index is None else index
            if not self.has_page(sha256, index):  # checked again in the transaction: rows are built outside it
                built.append((page, index, [article_rows(art, info.get("date")) for art in page.get("articles") or []]))
        if not built:
            return 0
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            stored = sum(self._insert_page(sha256, path, *b) for b in built)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return stored

    def _insert_page(self, sha256: str, path: str, page: dict, index: int, rows: list[ArticleRows]) -> int:
        """The rows of one page, inside the writer's open transaction; its number of articles."""
        if self.has_page(sha256, index):
            return 0
        db = self.db
        info = page.get("page") or {}
        cur = db.execute(
            "INSERT INTO pages (file_sha256, page_index, path, kind, date, label, section, page_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (sha256, index, path, (page.get("source") or {}).get("kind"), info.get("date"),
             info.get("label"), info.get("section"),
             json.dumps({k: v for k, v in page.items() if k != "articles"}, ensure_ascii=False)))
        page_id = cur.lastrowid
        # the ids SQLite would give one by one (the one writer holds the lock), so that each
        # table takes the page's rows in one statement
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
        db.executemany("INSERT INTO articles (id, page_id, ord, date, outlet, kicker, headline, article_json) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [(first + n, page_id, n, *r.article) for n, r in enumerate(rows)])
        db.executemany("INSERT INTO names VALUES (?, ?, ?)",
                       [(first + n, kind, name) for n, r in enumerate(rows) for kind, name in r.names])
        db.executemany("INSERT INTO fts (rowid, bi, uni, meta) VALUES (?, ?, ?, ?)",
                       [(first + n, *r.index) for n, r in enumerate(rows)])
        return len(rows)

    def finish_file(self, sha256: str, path: str, kind: str, pages: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, 'done', ?)",
                        (sha256, path, kind, pages, datetime.now(timezone.utc).isoformat(timespec="seconds")))

    # --- reading ------------------------------------------------------------------------------

    def _match(self, query: str, filters: Filters | None = None):
        """Parsed clauses and the MATCH expression, with the outlet filter as an index token."""
        clauses = parse_query(query)
        expr = match_expression(clauses)
        if filters is not None and filters.outlet:
            expr = f'({expr}) AND meta : "{outlet_token(filters.outlet)}"'
        if filters is not None and filters.date_from and filters.date_to:
            months = months_between(filters.date_from, filters.date_to)
            if months:  # prunes the match to those months; the exact dates are checked in SQL
                expr = f"({expr}) AND meta : ({' OR '.join(months)})"
        return clauses, expr

    def _vocab_total(self, clauses) -> int | None:
        """The number of articles holding a one-token query, from the index vocabulary (no
        match to walk), or None for any other query."""
        token = single_token(clauses)
        if token is None:
            return None
        row = self.db.execute("SELECT doc FROM fts_vocab WHERE term = ? AND col = ?", token).fetchone()
        return row[0] if row else 0

    def search(self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0,
               facets: bool = False) -> SearchResult:
        """Articles matching `query` and `filters`, best first (BM25), with snippets."""
        clauses, expr = self._match(query, filters)
        where, args = self._where(filters, outlet_in_match=True)
        base = f"FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ? AND {where}"
        # Without filters the index alone answers (each indexed row is an article: both are
        # written in one transaction). Matches are ranked as (id, score) pairs and only the
        # shown rows are read whole: sorting whole rows would read every match's JSON.
        matches = "FROM fts WHERE fts MATCH ?" if where == "1" else base
        # `parse_query` refused what cannot run and `expr` holds only tokens banmian made: an
        # error from SQLite below is a bug (or a broken archive), never the query's fault
        # the vocabulary knows one token's articles, not those of one outlet
        total = self._vocab_total(clauses) if where == "1" and not (filters and filters.outlet) else None
        if total is None:
            total = self.db.execute(f"SELECT count(*) {matches}", [expr, *args]).fetchone()[0]
        by_rank = total <= RANK_MAX_MATCHES
        order, outer = ("score, id", "m.score, m.id") if by_rank else ("id DESC", "m.id DESC")
        score = "bm25(fts)" if by_rank else "0.0"
        ranked = f"SELECT fts.rowid AS id, {score} AS score {matches} ORDER BY {order} LIMIT ? OFFSET ?"
        rows = self.db.execute(
            f"SELECT a.id, a.page_id, a.date, a.outlet, a.kicker, a.headline, a.article_json, m.score, p.label "
            f"FROM ({ranked}) m JOIN articles a ON a.id = m.id JOIN pages p ON p.id = a.page_id "
            f"ORDER BY {outer}",
            [expr, *args, limit, offset]).fetchall()
        hits = []
        for aid, pid, date, outlet, kicker, headline, art_json, score, label in rows:
            text = "".join(printed_fields(json.loads(art_json)))
            hits.append(Hit(aid, pid, date, label, outlet, kicker, headline, snippet(text, clauses), -score))
        result = SearchResult(total, hits)
        if facets:
            result.facets = self._facets(base, [expr, *args])
        return result

    def trend(self, query: str, by: str = "month", filters: Filters | None = None) -> list[tuple[str, int]]:
        """How many articles match per day, week, month or year, oldest first."""
        return self.trend_counts(query, by, filters)[0]

    def trend_counts(self, query: str, by: str = "month",
                     filters: Filters | None = None) -> tuple[list[tuple[str, int]], int]:
        """`trend`, and how many matching articles have no (ISO) date and so are in no period."""
        if by not in TREND_FORMATS:
            raise QueryError(f"--by must be one of {', '.join(TREND_FORMATS)}, not {by!r}")
        _, expr = self._match(query, filters)
        where, args = self._where(filters, outlet_in_match=True)
        rows = self.db.execute(
            f"SELECT strftime('{TREND_FORMATS[by]}', a.date) AS bucket, count(*) FROM fts "
            f"JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ? AND {where} "
            f"GROUP BY bucket ORDER BY bucket", [expr, *args]).fetchall()
        return [tuple(r) for r in rows if r[0]], sum(n for bucket, n in rows if not bucket)

    def articles(self, query: str | None = None, filters: Filters | None = None) -> Iterator[dict]:
        """Every matching article (all of them without a query), oldest first, for exports."""
        where, args = self._where(filters)
        if query:
            _, expr = self._match(query)
            sql = (f"SELECT a.id FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ? AND {where} "
                   "ORDER BY a.date, a.id")
            args = [expr, *args]
        else:
            sql = f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.date, a.id"
        for (aid,) in self.db.execute(sql, args).fetchall():
            yield self.article(aid)

    def close(self) -> None:
        self.db.close()
