"""What every route needs: the app's settings, a read-only store per request, the search
filters of the query string, and the query check shared by the API and the reader."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query, Request

from banmian.archive import Filters, Store, open_archive
from banmian.errors import BanmianError

DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"  # empty allowed: an HTML form sends blank fields
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id is a 404, not an overflow
MAX_OFFSET = 10**9


@dataclass
class WebConfig:
    """Settings of one app: the archive, the write token (None: read-only) and the writer lock."""

    db_path: str
    write_token: str | None = None
    uploads_dir: str = ""
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def config(request: Request) -> WebConfig:
    """The `WebConfig` of the app serving `request`."""
    return request.app.state.banmian


def get_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request (SQLite in WAL mode: readers never wait for the
    writer), closed when the request is done."""
    try:
        store = open_archive(config(request).db_path, readonly=True)
    except BanmianError as exc:
        raise HTTPException(503, f"archive unavailable: {exc}") from None
    try:
        yield store
    finally:
        store.close()


def _blank_none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(name: str, value: str | None) -> str | None:
    """A blank date as None; a date of the right form but not on the calendar (2024-13-01)
    is a 422, as the command line refuses it, not a filter that matches nothing."""
    value = _blank_none(value)
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise HTTPException(422, f"{name}: not a date (YYYY-MM-DD): {value!r}") from None
    return value


def search_filters(
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE_PATTERN,
                                           description="first date, YYYY-MM-DD (inclusive)")] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE_PATTERN,
                                         description="last date, YYYY-MM-DD (inclusive)")] = None,
    outlet: Annotated[str | None, Query(description="outlet as printed, e.g. 本报, 新华社")] = None,
    page: Annotated[str | None, Query(description="page label as printed, e.g. A05")] = None,
    reporter: Annotated[str | None, Query(description="a reporter's name")] = None,
    person: Annotated[str | None, Query(description="a person named in the article")] = None,
    place: Annotated[str | None, Query(description="a place named in the article")] = None,
    organization: Annotated[str | None, Query(description="an organization named in the article")] = None,
) -> Filters:
    """The search filters of the query string (blank fields mean no restriction)."""
    return Filters(date_from=_date("from", date_from), date_to=_date("to", date_to),
                   outlet=_blank_none(outlet), page=_blank_none(page), reporter=_blank_none(reporter),
                   person=_blank_none(person), place=_blank_none(place),
                   organization=_blank_none(organization))
