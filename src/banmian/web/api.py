"""The JSON API under /api (OpenAPI at /api/openapi.json, docs at /api/docs).

Every error has one shape, `{"error": {"code", "message"}}` (see `errors.py`); reads open the
archive read-only; `POST /api/ingest` (see `upload.py`) is the one write.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import RedirectResponse

from banmian.archive import Filters, Store, trend_buckets
from banmian.archive.query import check_query
from banmian.web.deps import MAX_ID, MAX_OFFSET, get_store, search_filters
from banmian.web.errors import error_doc
from banmian.web.schemas import (
    DatePagesResponse,
    DatesResponse,
    SearchResponse,
    TrendResponse,
)

router = APIRouter(prefix="/api", responses=error_doc(404, 422, 503))

QueryText = Annotated[str, Query(
    description='the search: terms separated by spaces must all match; "…" quotes a phrase; '
                "OR between terms matches either; -term excludes")]
StoreDep = Annotated[Store, Depends(get_store)]
FiltersDep = Annotated[Filters, Depends(search_filters)]


@router.get("", include_in_schema=False)
def api_root() -> RedirectResponse:
    """/api itself: the interactive docs."""
    return RedirectResponse("/api/docs")


@router.get("/search", response_model=SearchResponse, responses=error_doc(400), tags=["search"],
            summary="Search articles")
def api_search(q: QueryText, store: StoreDep, filters: FiltersDep,
               limit: Annotated[int, Query(ge=1, le=100, description="results per page")] = 20,
               offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="results to skip")] = 0) -> dict:
    """Articles matching `q` and the filters, best first, with highlighted snippets, the total
    number of matches and facets (the most frequent outlets, reporters, people, places and
    organizations among all matches)."""
    check_query(q)
    return store.search(q, filters, limit=limit, offset=offset, facets=True).to_dict()


@router.get("/trend", response_model=TrendResponse, responses=error_doc(400), tags=["search"],
            summary="Matches per period")
def api_trend(q: QueryText, store: StoreDep, filters: FiltersDep,
              by: Annotated[Literal["day", "week", "month", "year"], Query()] = "month") -> dict:
    """How many articles match `q` (and the filters) per day, week, month or year, oldest first."""
    check_query(q)
    return trend_buckets(store, q, by, filters)


@router.get("/articles/{article_id}", response_model=dict[str, Any], tags=["read"], summary="One article")
def api_article(article_id: Annotated[int, Path(ge=1, le=MAX_ID)], store: StoreDep) -> dict:
    """One article as in the page JSON schema (banmian.page/1), with its `article_id`,
    `page_id`, `date` and `ord` (position on the page)."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return article


@router.get("/pages/{page_id}", response_model=dict[str, Any], tags=["read"], summary="One page")
def api_page(page_id: Annotated[int, Path(ge=1, le=MAX_ID)], store: StoreDep) -> dict:
    """One page as `banmian parse` wrote it (schema banmian.page/1), each article with its
    `article_id`; for a PDF page, `image` is the URL of its rendering."""
    page = store.page(page_id)
    if page is None:
        raise HTTPException(404, f"no page {page_id}")
    if page.get("kind") == "pdf":
        page["image"] = f"/pages/{page_id}/image.png"
    return page


@router.get("/dates", response_model=DatesResponse, tags=["read"], summary="Dates with pages")
def api_dates(store: StoreDep) -> dict:
    """Every page date with its number of pages, newest first."""
    return {"dates": [{"date": d, "pages": n} for d, n in store.dates()]}


@router.get("/dates/{date}/pages", response_model=DatePagesResponse, tags=["read"], summary="Pages of a date")
def api_date_pages(date: Annotated[str, Path(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")],
                   store: StoreDep) -> dict:
    """The pages of one date (label, section, number of articles); 404 when there are none."""
    pages = store.pages_on(date)
    if not pages:
        raise HTTPException(404, f"no pages dated {date}")
    return {"date": date, "pages": pages}
