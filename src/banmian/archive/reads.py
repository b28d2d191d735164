"""The reads SQLite and PostgreSQL archives answer with the same SQL: a stored article or page,
the page dates, a day's pages, the counts. Written with `?` placeholders; a store whose driver
wants `%s` (psycopg) sets PLACEHOLDER."""
from __future__ import annotations

import json

from banmian.archive.store import Filters

FACET_LIMIT = 10  # values per facet


class SharedReads:
    """Mixed into `SQLiteStore` and `PostgresStore`, which hold a connection in `self.db`."""

    PLACEHOLDER = "?"

    def _rows(self, sql: str, args=()):
        """Run a query written with `?` placeholders; its cursor."""
        return self.db.execute(sql if self.PLACEHOLDER == "?" else sql.replace("?", self.PLACEHOLDER), args)

    def _first(self, sql: str, args=()):
        return self._rows(sql, args).fetchone()

    def _where(self, filters: Filters | None, outlet_in_match: bool = False) -> tuple[str, list]:
        """SQL conditions on articles `a` for the filters (the outlet left out when the full-text
        match carries it), in this store's placeholders."""
        f = filters or Filters()
        ph = self.PLACEHOLDER
        sql, args = [], []
        for column, op, value in (("a.date", ">=", f.date_from), ("a.date", "<=", f.date_to),
                                  ("a.outlet", "=", None if outlet_in_match else f.outlet)):
            if value:
                sql.append(f"{column} {op} {ph}")
                args.append(value)
        if f.page:
            sql.append(f"a.page_id IN (SELECT id FROM pages WHERE label = {ph})")
            args.append(f.page)
        for kind, name in f.names():
            sql.append(f"a.id IN (SELECT article_id FROM names WHERE kind = {ph} AND name = {ph})")
            args += [kind, name]
        return (" AND ".join(sql) or "TRUE"), args

    def _facets(self, base: str, args: list) -> dict:
        """The most frequent outlets and names among the articles of `SELECT a.id {base}`."""
        ids = f"SELECT a.id {base}"
        out = {"outlet": self.db.execute(
            f"SELECT outlet, count(*) c FROM articles WHERE id IN ({ids}) AND outlet IS NOT NULL "
            f"GROUP BY outlet ORDER BY c DESC, outlet LIMIT {FACET_LIMIT}", args).fetchall()}
        for kind in ("reporter", "person", "place", "organization"):
            out[kind] = self.db.execute(
                f"SELECT name, count(*) c FROM names WHERE kind = {self.PLACEHOLDER} AND article_id IN ({ids}) "
                f"GROUP BY name ORDER BY c DESC, name LIMIT {FACET_LIMIT}", [kind, *args]).fetchall()
        return {k: [list(r) for r in v] for k, v in out.items()}

    def file_done(self, sha256: str) -> bool:
        row = self._first("SELECT status FROM files WHERE sha256 = ?", (sha256,))
        return bool(row) and row[0] == "done"

    def has_page(self, sha256: str, page_index: int) -> bool:
        return self._first("SELECT 1 FROM pages WHERE file_sha256 = ? AND page_index = ?",
                           (sha256, page_index)) is not None

    def article(self, article_id: int) -> dict | None:
        """One stored article with its place: article_id, page_id, date, ord."""
        row = self._first("SELECT article_json, page_id, date, ord FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        art = json.loads(row[0])
        art.update({"article_id": article_id, "page_id": row[1], "date": row[2], "ord": row[3]})
        return art

    def page(self, page_id: int) -> dict | None:
        """One stored page with its articles in order (each with its article_id)."""
        row = self._first("SELECT page_json, path, kind FROM pages WHERE id = ?", (page_id,))
        if row is None:
            return None
        page = json.loads(row[0])  # the page without its articles: they are stored once, below
        page["articles"] = []
        for aid, art_json in self._rows("SELECT id, article_json FROM articles WHERE page_id = ? ORDER BY ord",
                                        (page_id,)):
            art = json.loads(art_json)
            art["article_id"] = aid
            page["articles"].append(art)
        page.update({"page_id": page_id, "path": row[1], "kind": row[2]})
        return page

    def dates(self) -> list[tuple[str, int]]:
        """Every page date with its number of pages, newest first."""
        return [tuple(r) for r in self._rows(
            "SELECT date, count(*) FROM pages WHERE date IS NOT NULL GROUP BY date ORDER BY date DESC")]

    def pages_on(self, date: str) -> list[dict]:
        """The pages of one date, by label (unlabelled first), with their numbers of articles."""
        return [{"page_id": r[0], "label": r[1], "section": r[2], "articles": r[3]} for r in self._rows(
            "SELECT p.id, p.label, p.section, (SELECT count(*) FROM articles a WHERE a.page_id = p.id) "
            "FROM pages p WHERE p.date = ? ORDER BY p.label NULLS FIRST, p.id", (date,))]

    def counts(self) -> dict:
        """Files done, pages and articles in the archive."""
        return {"files": self._first("SELECT count(*) FROM files WHERE status = 'done'")[0],
                "pages": self._first("SELECT count(*) FROM pages")[0],
                "articles": self._first("SELECT count(*) FROM articles")[0]}
