"""Ingest: parse text dumps and PDFs (files, folders, globs) into the archive.

Pages are stored several at a time, each page whole (up to COMMIT_PAGES pages, or what
COMMIT_SECONDS of parsing gave, per transaction: SQLite's full-text index writes and merges a
segment per transaction); a file is marked done once all its pages are in.
A rerun skips done files (same content hash) and pages already stored, so an interrupted
ingest resumes without duplicates or losses. A file that fails is reported at the end and the
batch goes on. Page JSON written by `banmian parse` (`.json`, `.jsonl`) is ingested as it is.
"""
from __future__ import annotations

import glob
import json
import os
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from banmian.errors import BadInput, BanmianError, debug_enabled, internal_error

# What a folder is searched for: dumps, PDFs, page JSON and page images (read by OCR)
SOURCE_SUFFIXES = (".txt", ".pdf", ".json", ".jsonl", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
# At most this many pages per transaction, or what was parsed in COMMIT_SECONDS (readers see new
# pages that late; a crash loses that much work, redone on resume). Ingest of 18,888 articles
# (bench page JSON, one core): a page per transaction 851 articles per CPU-second, 8: 1,012,
# 32: 1,036, 128: 1,285.
COMMIT_PAGES = 128
COMMIT_SECONDS = 1.0
NO_MATCH = "no such file, folder or glob match"


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    skipped: int = 0  # files already in the archive
    pages: int = 0
    articles: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    internal: list[str] = field(default_factory=list)  # the failed paths that hit a bug, not bad input
    seconds: float = 0.0


def expand(paths: list[str], missing: list[str] | None = None) -> list[str]:
    """Files named, found in folders (recursively, by suffix) or matched by globs, in order,
    each once. A path that is none of these is added to `missing` when that list is given,
    else raises `BadInput`."""
    out: dict[str, None] = {}
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in sorted(os.walk(p)):
                for n in sorted(names):
                    if n.lower().endswith(SOURCE_SUFFIXES):
                        out.setdefault(os.path.join(root, n))
        elif os.path.exists(p):
            out.setdefault(p)
        else:
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                if missing is None:
                    raise BadInput(f"{NO_MATCH}: {p}")
                missing.append(p)
            for m in matches:
                if os.path.isfile(m):
                    out.setdefault(m)
    return list(out)


def json_pages(path: str) -> Iterator[dict]:
    """Page dicts of a `banmian parse` JSON or JSON Lines file."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        docs = [json.loads(text)] if text.lstrip().startswith("{") and "\n{" not in text.strip() else \
            [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}: not banmian page JSON ({exc.msg} at line {exc.lineno})") from None
    for n, doc in enumerate(docs):
        if not isinstance(doc, dict) or doc.get("schema") != "banmian.page/1":
            hint = " (an article of parse --format jsonl: ingest takes the pages of --format json)" \
                if isinstance(doc, dict) and doc.get("schema") == "banmian.article/1" else ""
            raise BadInput(f"{path}: object {n + 1} is not a banmian.page/1 page{hint}")
        yield doc


def file_pages(path: str, page_date: str | None = None) -> Iterator[dict]:
    """The page dicts of one source file: parsed dumps and PDFs, or stored page JSON."""
    if path.lower().endswith((".json", ".jsonl")):
        yield from json_pages(path)
        return
    from banmian.pipeline import iter_source_pages
    from banmian.writers.json import page_to_dict

    for page in iter_source_pages(path, page_date=page_date):
        yield page_to_dict(page)


def ingest(store, paths: list[str], page_date: str | None = None,
           progress: Callable[[IngestReport, int, int], None] | None = None) -> IngestReport:
    """Ingest every file of `paths` into `store`; `progress(report, bytes_done, bytes_total)`
    is called after each page and file."""
    from banmian.readers.image import is_image
    from banmian.readers.pdf import file_sha256, is_pdf

    files = expand(paths)
    sizes = {f: os.path.getsize(f) for f in files}
    total, done = sum(sizes.values()), 0
    report = IngestReport()
    t0 = time.monotonic()
    for path in files:
        try:
            sha = file_sha256(path)
            if store.file_done(sha):
                report.skipped += 1
            else:
                n = 0
                is_json = path.lower().endswith((".json", ".jsonl"))
                pending: list[tuple[dict, int | None]] = []
                since = time.monotonic()

                def flush() -> None:
                    report.articles += store.add_pages(sha, path, pending)
                    report.pages += len(pending)
                    pending.clear()
                    if progress:
                        report.seconds = time.monotonic() - t0
                        progress(report, done, total)

                for n, page in enumerate(file_pages(path, page_date), 1):
                    # a page is keyed by its place in this file: page JSON of several parsed files
                    # repeats `page.index` (each file's pages count from 0)
                    pending.append((page, n - 1 if is_json else None))
                    if len(pending) >= COMMIT_PAGES or time.monotonic() - since >= COMMIT_SECONDS:
                        flush()
                        since = time.monotonic()
                if pending:
                    flush()
                kind = ("pdf" if is_pdf(path) else "json" if is_json else "image" if is_image(path) else "text")
                store.finish_file(sha, path, kind, n)
                report.files += 1
        except BanmianError as exc:
            report.failures.append((path, str(exc)))
        except (OSError, UnicodeDecodeError) as exc:
            report.failures.append((path, f"cannot read: {getattr(exc, 'strerror', None) or exc}"))
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            if debug_enabled():
                traceback.print_exc()
            report.failures.append((path, internal_error(exc)))
            report.internal.append(path)
        done += sizes[path]
        report.seconds = time.monotonic() - t0
        if progress:
            progress(report, done, total)
    return report
