"""The FastAPI application: the reader (HTML), the JSON API under /api and the static files."""
from __future__ import annotations

import os

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from banmian import __version__
from banmian.archive import open_archive
from banmian.errors import BadInput
from banmian.web import api, reader, upload
from banmian.web.deps import WebConfig
from banmian.web.errors import install_handlers
from banmian.web.render import STATIC_DIR, TEMPLATES_DIR

DESCRIPTION = """Search and read a banmian archive of Chinese newspaper articles.

Every error is `{"error": {"code": <HTTP status>, "message": "<one line>"}}`: 400 a query
that cannot be run (or an upload that cannot be ingested), 401/403 a write without the right
token or to a read-only archive, 404 an unknown id or route, 413 an upload too large,
422 a parameter that fails validation, 503 the archive cannot be opened, 500 a bug in banmian
(never the request's fault: an upload that hits one is a 500 too).
Lists take `limit` (1–100, default 20) and `offset`."""


def uploads_dir(db_path: str) -> str:
    """Where uploaded files are kept: a folder next to the archive (for a PostgreSQL archive,
    `banmian.uploads` in the working folder)."""
    from banmian.archive.postgres import is_url

    return os.path.abspath("banmian.uploads" if is_url(db_path) else db_path + ".uploads")


def prepare_archive(db_path: str, write_token: str | None) -> None:
    """Check the archive before serving: create it when writes are allowed, else make sure it
    opens read-only. Raises `BadInput` (one line) when it cannot be used."""
    if write_token is not None and not write_token.strip():
        raise BadInput("--write-token must not be empty")
    if not os.path.isdir(TEMPLATES_DIR) or not os.path.isdir(STATIC_DIR):
        raise BadInput(f"the web reader's templates are missing from {os.path.dirname(TEMPLATES_DIR)}")
    store = open_archive(db_path, readonly=write_token is None)
    store.close()


def create_app(db_path: str, write_token: str | None = None) -> FastAPI:
    """The web app over the archive at `db_path`: read-only unless `write_token` is given, in
    which case `POST /api/ingest` accepts uploads carrying it. Raises `BadInput` when the
    archive cannot be opened (a read-only one must exist)."""
    prepare_archive(db_path, write_token)
    app = FastAPI(title="banmian archive", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.banmian = WebConfig(db_path=db_path, write_token=write_token or None,
                                  uploads_dir=uploads_dir(db_path))
    install_handlers(app)
    app.include_router(api.router)
    app.include_router(upload.router)
    app.include_router(reader.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    add_docs(app)
    return app


def add_docs(app: FastAPI) -> None:
    """`/api/docs`: the API described from its OpenAPI document, rendered here so it works in a
    reading room without internet; `/api/docs/swagger`: Swagger UI (loads its script from a CDN)."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import HTMLResponse

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> str:
        return api_docs_html(app.openapi())

    @app.get("/api/docs/swagger", include_in_schema=False)
    def swagger():
        return get_swagger_ui_html(openapi_url="/api/openapi.json", title="banmian API")


def api_docs_html(spec: dict) -> str:
    """A plain HTML page listing every operation of an OpenAPI document with its parameters."""
    from html import escape

    rows = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = ", ".join(
                f"<code>{escape(p['name'])}</code>{'' if not p.get('required') else '*'}"
                for p in op.get("parameters", []))
            rows.append(f"<tr><td><b>{escape(method.upper())}</b></td><td><code>{escape(path)}</code></td>"
                        f"<td>{escape(op.get('summary') or '')}<br><small>{params}</small></td></tr>")
    info = spec.get("info", {})
    return ("<!doctype html><html><head><meta charset='utf-8'><title>banmian API</title>"
            "<link rel='stylesheet' href='/static/style.css'></head><body><main>"
            f"<h1>{escape(info.get('title', 'API'))} {escape(str(info.get('version', '')))}</h1>"
            "<p>Every error is <code>{\"error\": {\"code\", \"message\"}}</code>. The full description: "
            "<a href='/api/openapi.json'>/api/openapi.json</a>; interactive: "
            "<a href='/api/docs/swagger'>Swagger UI</a> (needs internet).</p>"
            "<table>" + "".join(rows) + "</table></main></body></html>")
