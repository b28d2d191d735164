"""Shards: the unit of work of a batch run, and the pure function a worker runs on one.

The input files are split, in order, into shards of about `SHARD_PAGES` pages (whole files: a
file is never split). A worker parses a shard's files (`run_shard`) and writes its pages and
articles as Parquet under the shards folder, partitioned by date (pages) and date/outlet
(articles), Hive style, so the folder is also a dataset other tools read:

    SHARDS/pages/date=1998-01-09/00003-1a2b3c4d5e.parquet
    SHARDS/articles/date=1998-01-09/outlet=本报/00003-1a2b3c4d5e.parquet
    SHARDS/_shards/00003-1a2b3c4d5e.json      the completion marker, written last

Every file is written atomically (a temporary file renamed), the marker after all the shard's
Parquet files: a shard is finished exactly when its marker exists. A worker that dies mid-shard
leaves no marker; the shard runs again and overwrites its own files (the names are the shard's),
so every page is stored once. A shard's id is its place in the plan and a hash of its files'
paths, sizes and modification times: a rerun over the same files skips the finished shards.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import time
import traceback
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from urllib.parse import quote

from banmian.archive.ingest import expand, file_pages
from banmian.atomic import atomic_path
from banmian.errors import BadInput, BanmianError, debug_enabled, internal_error

SHARD_PAGES = 64  # pages per shard: ~1 s of parsing on one core, small enough to balance 2-N workers
MARKERS = "_shards"
PLAN = "plan.json"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # Hive's (and pyarrow's) name for a missing value
MARKER_SCHEMA = "banmian.shard/1"
JSON_SUFFIXES = (".json", ".jsonl")


@dataclass(slots=True)
class Shard:
    """Files parsed together by one worker, in input order."""

    id: str
    files: list[str]
    pages: int  # estimated (see `estimate_pages`), for progress and sizing only


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise BadInput("batch runs write Parquet and need pyarrow: pip install 'banmian[batch]'") from None
    return pyarrow


def estimate_pages(path: str) -> int:
    """About how many pages a file holds: the non-blank form-feed pages of a dump, lines for JSON Lines,
    the page count of a PDF (1 when it cannot be read: the worker reports the failure)."""
    from banmian.readers.pdf import is_pdf

    try:
        if is_pdf(path):
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(path)
            try:
                return max(len(doc), 1)
            finally:
                doc.close()
        with open(path, "rb") as fh:
            data = fh.read()
    except Exception:  # noqa: BLE001 - an estimate; the worker reports what is wrong
        return 1
    if path.lower().endswith(".jsonl"):
        return max(sum(1 for line in data.splitlines() if line.strip()), 1)
    if path.lower().endswith(".json"):
        return 1
    return max(sum(1 for part in data.split(b"\x0c") if part.strip()), 1)  # a trailing form feed ends a page


def plan(paths: list[str], shard_pages: int = SHARD_PAGES, missing: list[str] | None = None) -> list[Shard]:
    """The shards of the input paths (files, folders, globs as `banmian ingest` takes them):
    consecutive files, about `shard_pages` pages each. A path that names nothing is added to
    `missing` when that list is given, else raises `BadInput`."""
    if shard_pages < 1:
        raise BadInput(f"--shard-pages must be 1 or more, not {shard_pages}")
    files = [os.path.abspath(f) for f in expand(paths, missing)]
    groups: list[tuple[list[str], int]] = []
    current: list[str] = []
    pages = 0
    for f in files:
        current.append(f)
        pages += estimate_pages(f)
        if pages >= shard_pages:
            groups.append((current, pages))
            current, pages = [], 0
    if current:
        groups.append((current, pages))
    width = max(5, len(str(len(groups))))
    return [Shard(f"{n:0{width}d}-{_files_hash(fs)}", fs, p) for n, (fs, p) in enumerate(groups)]


def _files_hash(files: list[str]) -> str:
    h = hashlib.sha256()
    for f in files:
        try:
            st = os.stat(f)
            h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        except OSError:
            h.update(f"{f}\0missing\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:10]


def marker_path(out_dir: str, shard_id: str) -> str:
    return os.path.join(out_dir, MARKERS, shard_id + ".json")


def read_marker(out_dir: str, shard_id: str) -> dict | None:
    """The completion marker of a shard, or None when the shard is not finished."""
    try:
        with open(marker_path(out_dir, shard_id), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def finished(out_dir: str) -> list[dict]:
    """The markers of every finished shard in a shards folder, in plan order."""
    folder = os.path.join(out_dir, MARKERS)
    if not os.path.isdir(folder):
        return []
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json") and not name.startswith("."):
            marker = read_marker(out_dir, name[:-5])
            if marker and marker.get("schema") == MARKER_SCHEMA:
                out.append(marker)
    return out


def write_plan(out_dir: str, shards: list[Shard]) -> None:
    """Record the plan (which shard holds which files) in the shards folder."""
    os.makedirs(out_dir, exist_ok=True)
    with atomic_path(os.path.join(out_dir, PLAN)) as tmp:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"shards": [asdict(s) for s in shards]}, fh, ensure_ascii=False, indent=1)


@dataclass(slots=True)
class _Rows:
    pages: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)


def _file_rows(path: str, page_date: str | None, rows: _Rows, seq: int) -> tuple[dict, int]:
    """Parse one file into page and article rows (kept up to a failure, as `ingest` keeps the
    pages stored before one); (its file entry, next seq)."""
    from banmian.readers.pdf import file_sha256, is_pdf

    entry = {"path": path, "sha256": None, "kind": None, "pages": 0, "ok": False, "error": None, "internal": False}
    try:
        entry["sha256"] = sha = file_sha256(path)
        is_json = path.lower().endswith(JSON_SUFFIXES)
        entry["kind"] = "pdf" if is_pdf(path) else "json" if is_json else "text"
        for n, page in enumerate(file_pages(path, page_date)):
            info = page.get("page") or {}
            index = n if is_json else info.get("index", 0)  # as `ingest` keys pages
            arts = page.get("articles") or []
            rows.pages.append({"seq": seq, "file_sha256": sha, "path": path, "kind": (page.get("source") or {}).get("kind"),
                               "page_index": index, "date": info.get("date"), "label": info.get("label"),
                               "section": info.get("section"), "articles": len(arts),
                               "page_json": json.dumps({k: v for k, v in page.items() if k != "articles"},
                                                       ensure_ascii=False)})
            for ord_, art in enumerate(arts):
                rows.articles.append({"seq": seq, "ord": ord_, "file_sha256": sha, "page_index": index,
                                      "date": (art.get("dateline") or {}).get("date") or info.get("date"),
                                      "outlet": art.get("outlet"), "kicker": art.get("kicker"),
                                      "headline": art.get("headline"),
                                      "article_json": json.dumps(art, ensure_ascii=False)})
            seq += 1
            entry["pages"] += 1
        entry["ok"] = True
    except BanmianError as exc:
        entry["error"] = str(exc)
    except (OSError, UnicodeDecodeError) as exc:
        entry["error"] = f"cannot read: {getattr(exc, 'strerror', None) or exc}"
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the shard
        if debug_enabled():
            traceback.print_exc()
        entry["error"] = internal_error(exc)
        entry["internal"] = True  # a bug in banmian, not bad input: the run exits 1
    return entry, seq


def partition(value: str | None) -> str:
    """A Hive partition value: percent-encoded (a `/` in an outlet stays one folder)."""
    return quote(value, safe="") if value else NULL_PARTITION


def _write_partitions(out_dir: str, table: str, rows: list[dict], keys: tuple[str, ...], shard_id: str) -> list[str]:
    """Write rows as one Parquet file per partition; the relative paths written."""
    pa = _pyarrow()
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        groups[tuple(row[k] for k in keys)].append(row)
    written = []
    for values, group in sorted(groups.items(), key=lambda kv: [v or "" for v in kv[0]]):
        rel = os.path.join(table, *(f"{k}={partition(v)}" for k, v in zip(keys, values)), shard_id + ".parquet")
        path = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with atomic_path(path) as tmp:
            pa.parquet.write_table(pa.Table.from_pylist(group), tmp, compression="zstd")
        written.append(rel)
    return written


def run_shard(shard: Shard, out_dir: str, page_date: str | None = None) -> dict:
    """Parse one shard's files and write its Parquet files and completion marker (see the
    module docstring); returns the marker. A finished shard is not run again: its marker is
    returned with `"skipped": True`. Per-file failures are listed in the marker, not raised."""
    done = read_marker(out_dir, shard.id)
    if done is not None:
        return {**done, "skipped": True}
    t0, cpu0 = time.monotonic(), time.process_time()
    rows = _Rows()
    files, seq = [], 0
    for path in shard.files:
        entry, seq = _file_rows(path, page_date, rows, seq)
        files.append(entry)
    outputs = _write_partitions(out_dir, "pages", rows.pages, ("date",), shard.id)
    outputs += _write_partitions(out_dir, "articles", rows.articles, ("date", "outlet"), shard.id)
    marker = {"schema": MARKER_SCHEMA, "shard": shard.id, "files": files, "pages": len(rows.pages),
              "articles": len(rows.articles), "outputs": outputs,
              "failures": [[f["path"], f["error"]] for f in files if not f["ok"]],
              "internal": [f["path"] for f in files if f["internal"]],
              "seconds": round(time.monotonic() - t0, 3), "cpu_seconds": round(time.process_time() - cpu0, 3),
              "worker": f"{socket.gethostname()}:{os.getpid()}"}
    path = marker_path(out_dir, shard.id)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(marker, fh, ensure_ascii=False)
    return {**marker, "skipped": False}


def read_shard(out_dir: str, marker: dict) -> list[tuple[dict, str, str, int]]:
    """The pages of a finished shard, in input order: (schema page dict with its articles,
    file sha256, path, page index as `ingest` keys it)."""
    pa = _pyarrow()
    pages: dict[int, dict] = {}
    articles: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for rel in marker["outputs"]:
        file = pa.parquet.ParquetFile(os.path.join(out_dir, rel))  # not read_table: no dataset machinery
        if rel.startswith("pages" + os.sep):
            for row in file.read(["seq", "file_sha256", "path", "page_index", "page_json"]).to_pylist():
                pages[row["seq"]] = row
        else:
            for row in file.read(["seq", "ord", "article_json"]).to_pylist():
                articles[row["seq"]].append((row["ord"], row["article_json"]))
    out = []
    for seq in sorted(pages):
        row = pages[seq]
        page = json.loads(row["page_json"])
        page["articles"] = [json.loads(a) for _, a in sorted(articles.get(seq, []))]
        out.append((page, row["file_sha256"], row["path"], row["page_index"]))
    return out
