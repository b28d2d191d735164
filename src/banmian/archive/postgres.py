"""The PostgreSQL archive: the tables, search semantics and results of the SQLite archive
(`sqlite.py`), on a server that many readers use at once.

`--db postgresql://USER@HOST:PORT/DB` (psycopg 3, `pip install 'banmian[postgres]'`). The same
tables (files, pages, articles, names) with the same ids: ids are given as SQLite gives them
(one more than the largest), one writer at a time (a table lock per page, as SQLite's one
writer), so loading the same pages in the same order gives the same ids on both. Search: see
`pgquery.py` (code-made bigrams in a `tsvector` with a GIN index, FTS5's BM25 recomputed).
Connections come from one pool per URL and process (psycopg_pool): a store borrows one for its
life (`close` gives it back), so the web app's store per request costs no new connection.
"""
from __future__ import annotations

import contextlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from datetime import date as Date, datetime, timezone
from urllib.parse import urlsplit, urlunsplit

from banmian.archive.pgquery import Match, bm25_sql, build_match, idf, lexemes, spaced
from banmian.archive.query import QueryError, index_streams, parse_query, snippet
from banmian.archive.sqlite import (RANK_MAX_MATCHES, TREND_FORMATS, article_names,
                                    month_token, months_between, outlet_token)
from banmian.archive.reads import SharedReads
from banmian.archive.store import Filters, Hit, SearchResult
from banmian.errors import BadInput
from banmian.invariant import article_texts as printed_fields

SCHEMA_VERSION = "pg-1"
POOL_MAX = 40  # connections per URL and process: `banmian serve` answers from a thread pool of 40
POOL_MIN = 1
CONNECT_TIMEOUT_S = 10.0  # a server that does not answer by then is an error, not a hang
GETCONN_TIMEOUT_S = 30.0  # a request waits this long for a free connection under load
META_TOKEN = re.compile(r"[^\W_]+")  # how FTS5's unicode61 tokenizer cuts the meta column
INDEX_BUILD_MEMORY = "256MB"  # for the one GIN build after a bulk load (PostgreSQL's default: 64MB)
SCHEMA_LOCK = 0x62616E6D  # pg_advisory_xact_lock key: one process creates the tables

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT PRIMARY KEY, path TEXT, kind TEXT, pages INTEGER, status TEXT, ingested_at TEXT);
CREATE TABLE IF NOT EXISTS pages (
    id BIGINT PRIMARY KEY, file_sha256 TEXT NOT NULL, page_index INTEGER NOT NULL, path TEXT,
    kind TEXT, date TEXT COLLATE "C", label TEXT COLLATE "C", section TEXT, page_json TEXT NOT NULL,
    UNIQUE (file_sha256, page_index));
CREATE INDEX IF NOT EXISTS pages_date ON pages (date);
CREATE INDEX IF NOT EXISTS pages_label ON pages (label);
CREATE TABLE IF NOT EXISTS articles (
    id BIGINT PRIMARY KEY, page_id BIGINT NOT NULL REFERENCES pages (id), ord INTEGER NOT NULL,
    date TEXT COLLATE "C", outlet TEXT COLLATE "C", kicker TEXT, headline TEXT, article_json TEXT NOT NULL,
    bi TEXT NOT NULL, uni TEXT NOT NULL, ntok INTEGER NOT NULL, tokens TSVECTOR NOT NULL);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE INDEX IF NOT EXISTS articles_page ON articles (page_id);
CREATE INDEX IF NOT EXISTS articles_tokens ON articles USING gin (tokens);
CREATE TABLE IF NOT EXISTS names (article_id BIGINT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS names_lookup ON names (kind, name, article_id);
CREATE INDEX IF NOT EXISTS names_article ON names (article_id);
CREATE TABLE IF NOT EXISTS totals (
    one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one), rows BIGINT NOT NULL, tokens BIGINT NOT NULL);
INSERT INTO totals VALUES (TRUE, 0, 0) ON CONFLICT DO NOTHING;
"""

_POOLS: dict = {}
_POOLS_LOCK = threading.Lock()
HITS_CACHE_SIZE = 4096  # phrases whose row counts (for the IDF) a process remembers
_HITS: OrderedDict = OrderedDict()  # (url, rows, tokens, column, phrase tokens) -> rows holding the phrase
_HITS_LOCK = threading.Lock()


def is_url(db: str | None) -> bool:
    """Whether `--db` names a PostgreSQL server rather than a SQLite file."""
    return bool(db) and db.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without its password, for messages (anything else as it is)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _modules():
    try:
        import psycopg
        import psycopg_pool
    except ImportError:
        raise BadInput("a postgresql:// archive needs psycopg: pip install 'banmian[postgres]'") from None
    return psycopg, psycopg_pool


def pool(url: str):
    """The connection pool of `url` in this process (opened on first use). Raises `BadInput`
    when the server cannot be reached."""
    psycopg, psycopg_pool = _modules()
    with _POOLS_LOCK:
        p = _POOLS.get(url)
        if p is None:
            try:  # once directly: a refused connection fails at once (a pool would retry until its timeout)
                psycopg.connect(url, connect_timeout=int(CONNECT_TIMEOUT_S)).close()
            except psycopg.Error as exc:
                raise BadInput(f"cannot connect to {redact(url)}: {_first_line(exc)}") from None
            p = psycopg_pool.ConnectionPool(url, min_size=POOL_MIN, max_size=POOL_MAX, open=False,
                                            kwargs={"autocommit": True, "connect_timeout": int(CONNECT_TIMEOUT_S)},
                                            name="banmian")
            try:
                p.open(wait=True, timeout=CONNECT_TIMEOUT_S)
            except (psycopg_pool.PoolTimeout, psycopg.Error) as exc:
                p.close()
                raise BadInput(f"cannot connect to {redact(url)}: {_first_line(exc)}") from None
            _POOLS[url] = p
        return p


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def article_row(page_id: int, aid: int, ord_: int, date: str | None, art: dict) -> tuple[tuple, list[tuple]]:
    """(articles row, names rows) of one article, with its index streams and tokens."""
    bi, uni = (s.split() for s in index_streams(printed_fields(art)))
    meta = META_TOKEN.findall(f"{outlet_token(art.get('outlet'))} {month_token(date)}")
    row = (aid, page_id, ord_, date, art.get("outlet"), art.get("kicker"), art.get("headline"),
           json.dumps(art, ensure_ascii=False), spaced(bi), spaced(uni), len(bi) + len(uni) + len(meta),
           " ".join(lexemes(bi, uni, meta)))  # one string, split by the server: lexemes hold no space
    return row, [(aid, k, n) for k, n in article_names(art)]


class PostgresStore(SharedReads):
    """The archive in a PostgreSQL database (see the module docstring)."""

    PLACEHOLDER = "%s"  # psycopg's

    def __init__(self, url: str, readonly: bool = False):
        self.url = url
        self.pool = pool(url)
        psycopg, psycopg_pool = _modules()
        try:
            self.db = self.pool.getconn(timeout=GETCONN_TIMEOUT_S)
        except psycopg_pool.PoolTimeout:
            raise BadInput(f"no free connection to {redact(url)} within {GETCONN_TIMEOUT_S:.0f} s") from None
        try:
            if readonly:
                found = self._schema_version()
                if found is None:
                    raise BadInput(f"no archive at {redact(url)} (create one with banmian ingest or banmian load)")
            else:
                with self.db.transaction():
                    self.db.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                    self.db.execute(SCHEMA)
                    self.db.execute("INSERT INTO meta VALUES ('schema', %s) ON CONFLICT DO NOTHING", (SCHEMA_VERSION,))
                found = self._schema_version()
            if found != SCHEMA_VERSION:
                raise BadInput(f"archive {redact(url)} was made by another banmian version (schema {found}, "
                               f"this one writes {SCHEMA_VERSION}): load the files into a new database")
        except psycopg.Error as exc:
            self.close()
            raise BadInput(f"cannot open archive {redact(url)}: {_first_line(exc)}") from None
        except BaseException:
            self.close()
            raise

    def _schema_version(self) -> str | None:
        if self.db.execute("SELECT to_regclass('meta') IS NOT NULL AND to_regclass('articles') IS NOT NULL"
                           ).fetchone()[0]:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            return row[0] if row else None
        return None

    def _one(self, sql: str, args=()):
        return self.db.execute(sql, args).fetchone()

    # --- writing (one writer at a time: a table lock per page) --------------------------------

    def add_page(self, sha256: str, path: str, page: dict, index: int | None = None) -> int:
        """Store one parsed page and its articles in one transaction, with ids as SQLite gives
        them; returns the number of articles stored (0 when the page was already there)."""
        info = page.get("page") or {}
        if index is None:
            index = info.get("index", 0)
        arts = page.get("articles") or []
        with self.db.transaction():
            # one writer at a time, as on SQLite: the ids below are the next ones
            self.db.execute("LOCK TABLE pages IN SHARE ROW EXCLUSIVE MODE")
            if self.has_page(sha256, index):
                return 0
            page_id = self._one("SELECT coalesce(max(id), 0) + 1 FROM pages")[0]
            self.db.execute(
                "INSERT INTO pages (id, file_sha256, page_index, path, kind, date, label, section, page_json) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (page_id, sha256, index, path, (page.get("source") or {}).get("kind"), info.get("date"),
                 info.get("label"), info.get("section"),
                 json.dumps({k: v for k, v in page.items() if k != "articles"}, ensure_ascii=False)))
            if arts:
                first = self._one("SELECT coalesce(max(id), 0) + 1 FROM articles")[0]
                rows, names = [], []
                for ord_, art in enumerate(arts):
                    date = (art.get("dateline") or {}).get("date") or info.get("date")
                    row, art_names = article_row(page_id, first + ord_, ord_, date, art)
                    rows.append(row)
                    names += art_names
                with self.db.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO articles (id, page_id, ord, date, outlet, kicker, headline, article_json, "
                        "bi, uni, ntok, tokens) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                        "array_to_tsvector(string_to_array(%s, ' ')))", rows)
                    if names:
                        cur.executemany("INSERT INTO names VALUES (%s, %s, %s)", names)
                self.db.execute("UPDATE totals SET rows = rows + %s, tokens = tokens + %s",
                                (len(rows), sum(r[10] for r in rows)))
        return len(arts)

    def add_pages(self, sha256: str, path: str, pages: list[tuple[dict, int | None]]) -> int:
        """Several pages of one file in one transaction (each page's own is a savepoint in it)."""
        with self.db.transaction():
            return sum(self.add_page(sha256, path, page, index) for page, index in pages)

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Loading many pages (`banmian load`): into an empty archive, without the GIN index,
        which is built once at the end — keeping it up page by page was half the load time
        (3,148 articles: 24.7 s with, 12.2 s without). After a crash the next writer's schema
        step builds it again (CREATE INDEX IF NOT EXISTS)."""
        if not self._one("SELECT NOT EXISTS (SELECT 1 FROM articles)")[0]:
            yield
            return
        self.db.execute("DROP INDEX IF EXISTS articles_tokens")
        try:
            yield
        finally:
            self.db.execute(f"SET maintenance_work_mem = '{INDEX_BUILD_MEMORY}'")
            self.db.execute("CREATE INDEX IF NOT EXISTS articles_tokens ON articles USING gin (tokens)")
            self.db.execute("RESET maintenance_work_mem")

    def finish_file(self, sha256: str, path: str, kind: str, pages: int) -> None:
        self.db.execute(
            "INSERT INTO files VALUES (%s, %s, %s, %s, 'done', %s) ON CONFLICT (sha256) DO UPDATE SET "
            "path = excluded.path, kind = excluded.kind, pages = excluded.pages, status = 'done', "
            "ingested_at = excluded.ingested_at",
            (sha256, path, kind, pages, datetime.now(timezone.utc).isoformat(timespec="seconds")))

    # --- reading ------------------------------------------------------------------------------

    def _match(self, query: str, filters: Filters | None = None) -> Match:
        """The parsed query with the outlet and the months of a date range as index tokens, as
        `SQLiteStore._match` adds them to the MATCH expression."""
        months = []
        if filters is not None and filters.date_from and filters.date_to:
            months = months_between(filters.date_from, filters.date_to)
        outlet = outlet_token(filters.outlet) if filters is not None and filters.outlet else ""
        return build_match(query, outlet, months)

    def _bm25(self, match: Match) -> tuple[str, list, str, list]:
        """The bm25 SQL of a match, with each phrase's IDF over the whole archive (as FTS5
        counts the rows holding each phrase)."""
        rows, tokens = self._one("SELECT rows, tokens FROM totals")
        phrases = match.ranked_phrases()
        idfs = []
        for phrase, _ in phrases:
            # the archive's totals are in the key: any page added makes the entries stale
            key = (self.url, rows, tokens, phrase.column, tuple(phrase.tokens))
            with _HITS_LOCK:
                hits = _HITS.get(key)
            if hits is None:
                args: list = []
                cond = phrase.condition(args)
                hits = self._one(f"SELECT count(*) FROM articles a WHERE {cond}", args)[0]
                with _HITS_LOCK:
                    _HITS[key] = hits
                    if len(_HITS) > HITS_CACHE_SIZE:
                        _HITS.popitem(last=False)
            idfs.append(idf(rows, hits))
        return bm25_sql(phrases, idfs, tokens / rows if rows else 1.0)

    def search(self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0,
               facets: bool = False) -> SearchResult:
        """Articles matching `query` and `filters`, best first (BM25, as on SQLite), with snippets."""
        match = self._match(query, filters)
        cond_args: list = []
        cond = match.condition(cond_args)
        where, where_args = self._where(filters, outlet_in_match=True)
        base = f"FROM articles a WHERE {cond} AND {where}"
        base_args = cond_args + where_args
        total = self._one(f"SELECT count(*) {base}", base_args)[0]
        if total <= RANK_MAX_MATCHES:
            score, score_args, freq, freq_args = self._bm25(match)
            ranked = (f"SELECT a.id, {score} AS score FROM articles a CROSS JOIN LATERAL ({freq}) fq "
                      f"WHERE {cond} AND {where} ORDER BY score DESC, a.id LIMIT %s OFFSET %s")
            ranked_args = score_args + freq_args + base_args + [limit, offset]
            order = "m.score DESC, m.id"
        else:  # as SQLite: the newest ingested first, unranked
            ranked = f"SELECT a.id, 0.0::float8 AS score {base} ORDER BY a.id DESC LIMIT %s OFFSET %s"
            ranked_args = base_args + [limit, offset]
            order = "m.id DESC"
        rows = self.db.execute(
            f"SELECT a.id, a.page_id, a.date, a.outlet, a.kicker, a.headline, a.article_json, m.score, p.label "
            f"FROM ({ranked}) m JOIN articles a ON a.id = m.id JOIN pages p ON p.id = a.page_id ORDER BY {order}",
            ranked_args).fetchall()
        clauses = parse_query(query)
        hits = []
        for aid, pid, date, outlet, kicker, headline, art_json, score, label in rows:
            text = "".join(printed_fields(json.loads(art_json)))
            hits.append(Hit(aid, pid, date, label, outlet, kicker, headline, snippet(text, clauses), score))
        result = SearchResult(total, hits)
        if facets:
            result.facets = self._facets(base, base_args)
        return result

    def trend(self, query: str, by: str = "month", filters: Filters | None = None) -> list[tuple[str, int]]:
        """How many articles match per day, week, month or year, oldest first (SQLite's
        `strftime` buckets)."""
        return self.trend_counts(query, by, filters)[0]

    def trend_counts(self, query: str, by: str = "month",
                     filters: Filters | None = None) -> tuple[list[tuple[str, int]], int]:
        """`trend`, and how many matching articles have no (ISO) date and so are in no period."""
        if by not in TREND_FORMATS:
            raise QueryError(f"--by must be one of {', '.join(TREND_FORMATS)}, not {by!r}")
        args: list = []
        cond = self._match(query, filters).condition(args)
        where, where_args = self._where(filters, outlet_in_match=True)
        counts: dict = {}
        for day, n in self.db.execute(
                f"SELECT a.date, count(*) FROM articles a WHERE {cond} AND {where} "
                f"GROUP BY a.date", args + where_args):
            key = bucket(day, TREND_FORMATS[by])
            counts[key] = counts.get(key, 0) + n
        undated = counts.pop(None, 0)
        return sorted(counts.items()), undated

    def articles(self, query: str | None = None, filters: Filters | None = None) -> Iterator[dict]:
        """Every matching article (all of them without a query), oldest first, for exports."""
        where, args = self._where(filters)
        if query:
            cond_args: list = []
            cond = self._match(query).condition(cond_args)
            sql = f"SELECT a.id FROM articles a WHERE {cond} AND {where} ORDER BY a.date NULLS FIRST, a.id"
            args = cond_args + args
        else:
            sql = f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.date NULLS FIRST, a.id"
        for (aid,) in self.db.execute(sql, args).fetchall():
            yield self.article(aid)

    def close(self) -> None:
        db, self.db = getattr(self, "db", None), None
        if db is not None:
            self.pool.putconn(db)


def bucket(day: str | None, fmt: str) -> str | None:
    """SQLite's `strftime(fmt, day)` for an ISO date (None for anything else)."""
    try:
        return Date.fromisoformat(day).strftime(fmt) if day and len(day) == 10 else None
    except ValueError:
        return None


def fresh_database(url: str, name: str) -> str:
    """Drop and create the database `name` on the server of `url`; its URL (tests, benchmarks)."""
    psycopg, _ = _modules()
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise BadInput(f"not a plain database name: {name!r}")
    parts = urlsplit(url)
    new = urlunsplit(parts._replace(path="/" + name))
    with _POOLS_LOCK:
        stale = _POOLS.pop(new, None)
    with _HITS_LOCK:  # a new database at the same URL may reach the same totals
        _HITS.clear()
    if stale is not None:
        stale.close()
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=int(CONNECT_TIMEOUT_S)) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
    except psycopg.Error as exc:
        raise BadInput(f"cannot create database {name} on {redact(url)}: {_first_line(exc)}") from None
    return new
