"""The archive's one interface: what ingest, search, the web app and exports may ask of any
storage (SQLite today; PostgreSQL later implements the same methods)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(slots=True)
class Filters:
    """Restrictions on articles; None means no restriction."""

    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    outlet: str | None = None
    page: str | None = None  # page label as printed (`A05`, `第3版`)
    reporter: str | None = None
    person: str | None = None
    place: str | None = None
    organization: str | None = None

    def names(self) -> list[tuple[str, str]]:
        """(kind, name) pairs an article must carry."""
        pairs = [("reporter", self.reporter), ("person", self.person), ("place", self.place),
                 ("organization", self.organization)]
        return [(k, v) for k, v in pairs if v]


@dataclass(slots=True)
class Hit:
    """One search result: the article's id, place and headline, and a highlighted snippet."""

    article_id: int
    page_id: int
    date: str | None
    page_label: str | None
    outlet: str | None
    kicker: str | None
    headline: str | None
    snippet: str  # HTML: escaped text with <mark>…</mark> around the hits
    score: float

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "page_id": self.page_id, "date": self.date,
                "page": self.page_label, "outlet": self.outlet, "kicker": self.kicker,
                "headline": self.headline, "snippet": self.snippet, "score": self.score}


@dataclass(slots=True)
class SearchResult:
    total: int  # every matching article, not only this page of results
    hits: list[Hit] = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # {"outlet": [[name, count], …], …} when asked

    def to_dict(self) -> dict:
        return {"total": self.total, "results": [h.to_dict() for h in self.hits], "facets": self.facets}


class Store(Protocol):
    """Storage of pages and articles with full-text search."""

    def file_done(self, sha256: str) -> bool: ...
    def has_page(self, sha256: str, page_index: int) -> bool: ...
    def add_page(self, sha256: str, path: str, page: dict, index: int | None = None) -> int: ...
    def add_pages(self, sha256: str, path: str, pages: list[tuple[dict, int | None]]) -> int: ...
    def finish_file(self, sha256: str, path: str, kind: str, pages: int) -> None: ...
    def search(self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0,
               facets: bool = False) -> SearchResult: ...
    def trend(self, query: str, by: str = "month", filters: Filters | None = None) -> list[tuple[str, int]]: ...
    def trend_counts(self, query: str, by: str = "month",
                     filters: Filters | None = None) -> tuple[list[tuple[str, int]], int]: ...
    def article(self, article_id: int) -> dict | None: ...
    def page(self, page_id: int) -> dict | None: ...
    def dates(self) -> list[tuple[str, int]]: ...
    def pages_on(self, date: str) -> list[dict]: ...
    def articles(self, query: str | None = None, filters: Filters | None = None) -> Iterator[dict]: ...
    def counts(self) -> dict: ...
    def close(self) -> None: ...
