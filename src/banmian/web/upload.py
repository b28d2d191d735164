"""`POST /api/ingest`: upload a text dump, PDF or page JSON and ingest it into the archive.

Allowed only when the server was started with a write token, for requests that carry it
(`Authorization: Bearer <token>`): without a token configured the answer is 403, with a
missing or wrong one 401. Uploads are kept next to the archive (`<db>.uploads/<hash>/<name>`),
so the reader can show the original page; one lock lets one upload write at a time, while
searches go on (WAL). An upload that cannot be ingested is a 400, or a 500 when it hit a bug in
banmian (not the file's fault).

The multipart body is parsed here with the standard library (the upload is one file part), so
the server needs no multipart package.
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import re
import tempfile
from email.message import Message
from email.parser import HeaderParser
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from banmian.archive import open_archive
from banmian.archive.ingest import SOURCE_SUFFIXES, IngestReport, ingest
from banmian.errors import DEBUG_ENV, debug_enabled
from banmian.web.deps import DATE_PATTERN, WebConfig, config
from banmian.web.errors import error_doc
from banmian.web.schemas import IngestResponse
from banmian.web.source import PDFIUM_LOCK

MAX_UPLOAD_BYTES = 200 * 2**20  # a whole newspaper issue as one PDF fits
MAX_NAME_CHARS = 120

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", responses=error_doc(422, 503))
bearer = HTTPBearer(auto_error=False, description="the token given to banmian serve --write-token")

UPLOAD_DOC = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "a text dump (.txt), a PDF or banmian page JSON (.json, .jsonl)"}},
}}}}}


def check_token(cfg: WebConfig, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Refuse a write: 403 when the archive is read-only, 401 without the right bearer token."""
    if not cfg.write_token:
        raise HTTPException(403, "read-only archive: start banmian serve with --write-token to allow uploads")
    given = (credentials.credentials if credentials else "").encode("utf-8")
    if not hmac.compare_digest(given, cfg.write_token.encode("utf-8")):
        raise HTTPException(401, "missing or wrong token: send the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request, limit: int = MAX_UPLOAD_BYTES) -> bytes:
    """The request body, refusing (413) one over `limit` bytes before reading it all."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload too large (at most {limit // 2**20} MiB)")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"upload too large (at most {limit // 2**20} MiB)")
        chunks.append(chunk)
    return b"".join(chunks)


def multipart_file(body: bytes, content_type: str) -> tuple[str, bytes]:
    """(file name, content) of the upload's file part (the one named `file`, else the first
    with a file name). Raises HTTPException 400 for anything else."""
    header = Message()
    header["content-type"] = content_type or ""
    boundary = header.get_boundary()
    if header.get_content_type() != "multipart/form-data" or not boundary:
        raise HTTPException(400, "send the file as multipart/form-data with a part named file")
    found: list[tuple[str | None, str, bytes]] = []
    for chunk in (b"\r\n" + body).split(b"\r\n--" + boundary.encode("latin-1"))[1:]:
        if chunk.startswith(b"--"):
            break
        head, sep, content = chunk.partition(b"\r\n\r\n")
        if not sep:
            continue
        part = HeaderParser().parsestr(head.decode("utf-8", "replace").lstrip(" \t\r\n"))
        filename = part.get_filename()
        if filename is not None:
            found.append((part.get_param("name", header="content-disposition"), filename, content))
    if not found:
        raise HTTPException(400, "no file in the upload: send a multipart part named file")
    _, filename, content = next((f for f in found if f[0] == "file"), found[0])
    if not content:
        raise HTTPException(400, f"the uploaded file {safe_name(filename)} is empty")
    return filename, content


def safe_name(filename: str) -> str:
    """A file name safe to store: the base name only, no control characters or leading dots,
    at most MAX_NAME_CHARS characters (keeping the suffix)."""
    name = os.path.basename(filename.replace("\\", "/"))
    name = re.sub(r"[\x00-\x1f\x7f/]", "", name).lstrip(". ").strip() or "upload"
    stem, suffix = os.path.splitext(name)
    return stem[: MAX_NAME_CHARS - len(suffix[:16])] + suffix[:16]


def stored_name(filename: str, content: bytes) -> str:
    """`safe_name`, with a suffix banmian reads (.pdf, .json, .txt) added when it has none."""
    name = safe_name(filename)
    if name.lower().endswith(SOURCE_SUFFIXES):
        return name
    if b"%PDF-" in content[:1024]:  # as banmian.readers.pdf.is_pdf tells a PDF
        return name + ".pdf"
    return name + (".json" if content.lstrip().startswith(b"{") else ".txt")


def save_upload(cfg: WebConfig, filename: str, content: bytes) -> tuple[str, bool]:
    """Write the upload to `<uploads>/<hash>/<name>` (atomically); (path, whether it is new)."""
    folder = os.path.join(cfg.uploads_dir, hashlib.sha256(content).hexdigest()[:16])
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, stored_name(filename, content))
    is_new = not os.path.exists(path)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path, is_new


def discard(path: str) -> None:
    """Remove a saved upload that could not be ingested (and its folder when empty)."""
    with contextlib.suppress(OSError):
        os.unlink(path)
        os.rmdir(os.path.dirname(path))


def ingest_locked(cfg: WebConfig, path: str, page_date: str | None) -> IngestReport:
    """Ingest one saved upload as the server's only writer (PDFs also hold the PDFium lock)."""
    from banmian.readers.pdf import is_pdf

    with cfg.write_lock, (PDFIUM_LOCK if is_pdf(path) else contextlib.nullcontext()):
        store = open_archive(cfg.db_path)
        try:
            return ingest(store, [path], page_date=page_date)
        finally:
            store.close()


def upload_failed(name: str, reason: str, bug: bool) -> HTTPException:
    """The error for an upload that could not be ingested: 400 for bad input, 500 when it hit
    a bug in banmian (`reason` says so), which the server log records too (its traceback with
    BANMIAN_DEBUG=1)."""
    message = f"cannot ingest {name}: {reason}"
    if not bug:
        return HTTPException(400, message)
    hint = "" if debug_enabled() else f"; start banmian serve with {DEBUG_ENV}=1 to log its traceback"
    log.error("%s%s", message, hint)
    return HTTPException(500, message)


@router.post("/ingest", response_model=IngestResponse, responses=error_doc(400, 401, 403, 413, 500),
             openapi_extra=UPLOAD_DOC, tags=["write"], summary="Upload and ingest a file")
async def api_ingest(request: Request, cfg: Annotated[WebConfig, Depends(config)],
                     credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
                     date: Annotated[str | None, Query(pattern=DATE_PATTERN,
                                                       description="page date (YYYY-MM-DD) when the page "
                                                                   "does not print one")] = None) -> dict:
    """Upload one file (multipart part `file`: a text dump, a PDF or banmian page JSON) and
    ingest it. Needs `Authorization: Bearer <token>` and a server started with --write-token.
    A file already in the archive (same content) is skipped."""
    check_token(cfg, credentials)
    body = await read_body(request)
    filename, content = multipart_file(body, request.headers.get("content-type", ""))
    path, is_new = await run_in_threadpool(save_upload, cfg, filename, content)
    report = await run_in_threadpool(ingest_locked, cfg, path, date or None)
    if report.failures:
        if is_new:
            discard(path)
        raise upload_failed(safe_name(filename), report.failures[0][1].replace(path, safe_name(filename)),
                            bool(report.internal))
    return {"file": safe_name(filename), "files": report.files, "skipped": report.skipped,
            "pages": report.pages, "articles": report.articles, "seconds": round(report.seconds, 3)}
