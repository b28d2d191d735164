"""Response models of the JSON API (they shape the OpenAPI document at /api/openapi.json)."""
from __future__ import annotations

from pydantic import BaseModel, Field


class SearchHit(BaseModel):
    article_id: int
    page_id: int
    date: str | None
    page: str | None = Field(description="page label as printed, e.g. A05")
    outlet: str | None
    kicker: str | None
    headline: str | None
    snippet: str = Field(description="HTML: escaped text with <mark>…</mark> around the hits")
    score: float = Field(description="relevance (BM25, higher is better)")


class SearchResponse(BaseModel):
    total: int = Field(description="every matching article, not only this page of results")
    results: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]] = Field(
        description="top names among all matches: "
                    "{outlet|reporter|person|place|organization: [[name, count], …]}")


class TrendBucket(BaseModel):
    period: str = Field(description="2024-03-06 (day), 2024-W09 (week), 2024-03 (month) or 2024 (year)")
    count: int


class TrendResponse(BaseModel):
    by: str
    total: int  # dated matches, the sum of the buckets
    undated: int  # matches without a date, in no bucket
    buckets: list[TrendBucket]


class DateEntry(BaseModel):
    date: str
    pages: int


class DatesResponse(BaseModel):
    dates: list[DateEntry] = Field(description="newest first")


class PageEntry(BaseModel):
    page_id: int
    label: str | None
    section: str | None
    articles: int


class DatePagesResponse(BaseModel):
    date: str
    pages: list[PageEntry]


class IngestResponse(BaseModel):
    file: str = Field(description="the uploaded file's name")
    files: int = Field(description="1 when the file was ingested now")
    skipped: int = Field(description="1 when the same file (by content) was already in the archive")
    pages: int
    articles: int
    seconds: float
