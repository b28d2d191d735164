"""The reader: server-rendered pages to browse the archive by date and page, read articles and
search. Every value is autoescaped by the templates except search snippets, which the store
has already escaped (with <mark> around the hits)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from banmian.archive import Filters, Store
from banmian.archive.query import QueryError, check_query
from banmian.web.deps import (
    MAX_ID,
    MAX_OFFSET,
    WebConfig,
    config,
    get_store,
    search_filters,
)
from banmian.web.render import (
    article_place,
    dump_rows,
    group_dates,
    marked_paragraphs,
    pagination,
    templates,
    trend_chart,
)
from banmian.web.source import dump_lines, original_file, page_png

PAGE_SIZE = 20

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
PageId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> Response:
    """Home: the search box and every date with its number of pages, grouped by month."""
    return templates.TemplateResponse(request, "home.html", {
        "months": group_dates(store.dates()), "counts": store.counts()})


@router.get("/dates/{date}", response_class=HTMLResponse)
def date_view(request: Request, date: Annotated[str, Path(pattern=r"^\d{4}-\d{2}-\d{2}$")],
              store: StoreDep) -> Response:
    """The pages of one date, each with its headlines, and links to the dates around it."""
    pages = store.pages_on(date)
    if not pages:
        raise HTTPException(404, f"no pages dated {date}")
    for entry in pages:
        page = store.page(entry["page_id"]) or {}
        entry["headlines"] = [(a.get("article_id"), a.get("headline") or a.get("kicker") or "（无标题）")
                              for a in page.get("articles") or []]
    dates = [d for d, _ in store.dates()]
    pos = dates.index(date) if date in dates else -1
    newer = dates[pos - 1] if pos > 0 else None
    older = dates[pos + 1] if 0 <= pos < len(dates) - 1 else None
    return templates.TemplateResponse(request, "date.html", {
        "date": date, "pages": pages, "newer": newer, "older": older})


@router.get("/pages/{page_id}", response_class=HTMLResponse)
def page_view(request: Request, page_id: PageId, store: StoreDep,
              cfg: Annotated[WebConfig, Depends(config)]) -> Response:
    """A page: its articles in reading order beside the original (the dump's lines coloured
    per article, or the PDF page's image), or beside the articles' text when the original
    file is gone."""
    page = store.page(page_id)
    if page is None:
        raise HTTPException(404, f"no page {page_id}")
    articles = page.get("articles") or []
    lines = dump_lines(page, cfg.db_path) if page.get("kind") == "text" else None
    has_image = page.get("kind") == "pdf" and original_file(page, cfg.db_path) is not None
    return templates.TemplateResponse(request, "page.html", {
        "page": page, "info": page.get("page") or {}, "articles": articles,
        "rows": dump_rows(lines, articles) if lines else None, "has_image": has_image})


@router.get("/pages/{page_id}/image.png")
def page_image(page_id: PageId, store: StoreDep, cfg: Annotated[WebConfig, Depends(config)]) -> Response:
    """The PDF page rendered to PNG (404 for a text page or a PDF no longer there)."""
    page = store.page(page_id)
    if page is None:
        raise HTTPException(404, f"no page {page_id}")
    png = page_png(page, cfg.db_path)
    if png is None:
        raise HTTPException(404, f"no image of page {page_id}: not a PDF page, or its PDF is gone")
    return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=3600"})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_view(request: Request, article_id: Annotated[int, Path(ge=1, le=MAX_ID)],
                 store: StoreDep) -> Response:
    """One article: kicker, headline, subtitle, byline, dateline, paragraphs, captions, source,
    and its names as links to searches filtered by them."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    page = store.page(article["page_id"]) or {}
    siblings = [a.get("article_id") for a in page.get("articles") or []]
    pos = siblings.index(article_id) if article_id in siblings else -1
    marks = article.get("low_confidence") or []
    return templates.TemplateResponse(request, "article.html", {
        "a": article, "info": page.get("page") or {}, "place": article_place(article),
        "paragraphs": marked_paragraphs(article.get("paragraphs") or [], marks), "marks": len(marks),
        "prev_id": siblings[pos - 1] if pos > 0 else None,
        "next_id": siblings[pos + 1] if 0 <= pos < len(siblings) - 1 else None})


def filter_params(q: str, f: Filters) -> dict:
    """The query-string parameters of a search (the names the API and the form use)."""
    return {"q": q, "from": f.date_from, "to": f.date_to, "outlet": f.outlet, "page": f.page,
            "reporter": f.reporter, "person": f.person, "place": f.place, "organization": f.organization}


@router.get("/search", response_class=HTMLResponse)
def search_view(request: Request, store: StoreDep, filters: Annotated[Filters, Depends(search_filters)],
                q: str = "", offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    """Search results with snippets, pagination, facets and a chart of matches per month (with
    how many matches have no date, so are in no bar); a query banmian cannot run is explained
    on the page (status 400)."""
    params = filter_params(q, filters)
    context = {"q": q, "params": params, "filters": {k: v for k, v in params.items() if k != "q" and v},
               "result": None, "error": None, "chart": None}
    if not q.strip():
        return templates.TemplateResponse(request, "search.html", context)
    try:
        check_query(q)
        result = store.search(q, filters, limit=PAGE_SIZE, offset=offset, facets=True)
        counts, undated = store.trend_counts(q, "month", filters)
    except QueryError as exc:
        context["error"] = str(exc)
        return templates.TemplateResponse(request, "search.html", context, status_code=400)
    # matches without a date are in no bar: say how many, or the bars seem to lose them
    context.update(result=result, chart=trend_chart(counts), undated=undated,
                   pages=pagination(result.total, PAGE_SIZE, offset))
    return templates.TemplateResponse(request, "search.html", context)
