"""One error shape for every failure.

Under /api every error is JSON: `{"error": {"code": <HTTP status>, "message": "<one line>"}}`.
The statuses: 400 a query banmian cannot run (or an upload it cannot ingest, or any other
bad input a request meets: `BadInput`), 401 a write
without the right token, 403 a write to a read-only archive, 404 an unknown id or route,
405 a wrong method, 413 an upload too large, 422 a parameter that fails validation (wrong type,
out of range, bad date), 503 the archive cannot be opened, 500 a bug in banmian (never user
input; an upload that hits one too).
The reader's pages answer the same statuses with an HTML page carrying the same message.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from banmian.archive.query import QueryError
from banmian.errors import BadInput, BanmianError

MAX_MESSAGE_CHARS = 500


class ErrorBody(BaseModel):
    code: int
    message: str


class ErrorResponse(BaseModel):
    """The body of every API error."""

    error: ErrorBody


def error_doc(*codes: int) -> dict:
    """OpenAPI `responses` entries documenting `codes` with the one error shape."""
    return {code: {"model": ErrorResponse, "description": "error"} for code in codes}


def one_line(text: object) -> str:
    """`text` as one line of at most MAX_MESSAGE_CHARS characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= MAX_MESSAGE_CHARS else line[: MAX_MESSAGE_CHARS - 1] + "…"


def is_api(request: Request) -> bool:
    """Whether `request` is for the JSON API (errors as JSON) rather than the reader (HTML)."""
    path = request.url.path
    return path == "/api" or path.startswith("/api/")


def error_response(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    """The error `status` with `message`: the JSON shape under /api, an HTML page elsewhere."""
    message = one_line(message)
    if is_api(request):
        return JSONResponse({"error": {"code": status, "message": message}}, status_code=status,
                            headers=headers)
    from banmian.web.render import templates

    return templates.TemplateResponse(request, "error.html", {"code": status, "message": message},
                                      status_code=status, headers=headers)


def validation_message(exc: RequestValidationError) -> str:
    """The validation errors of a request as one line: `limit: Input should be ≤ 100; …`."""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body", "header")]
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    """Route every exception through `error_response`."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, validation_message(exc))

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(BanmianError)
    async def banmian_error(request: Request, exc: BanmianError) -> Response:
        if isinstance(exc, BadInput):  # the request's input, named in the message: not a bug
            return error_response(request, 400, str(exc))
        return error_response(request, 500, f"internal error: {exc}")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # the type only: the exception's text may hold paths or SQL; the server log has it all
        return error_response(request, 500, f"internal error: a bug in banmian ({type(exc).__name__})")
