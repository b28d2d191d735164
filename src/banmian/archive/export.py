"""Export archived articles to a file: JSON Lines, CSV, Parquet or IPTC ninjs (JSON Lines).

Articles stream from the store one at a time (oldest first); Parquet is written in record
batches. The output appears atomically: everything goes to a temporary file in the target's
folder, which replaces the target only when the export is complete; on any error nothing is
left behind and an existing target is untouched.
"""
from __future__ import annotations

import csv
import json
from collections import OrderedDict
from collections.abc import Iterator

from banmian.atomic import atomic_path
from banmian.errors import BadInput
from banmian.writers.ninjs import article_to_ninjs

FORMATS = ("jsonl", "csv", "parquet", "ninjs")
SCHEMA = "banmian.article/1"
COLUMNS = ("article_id", "date", "page_id", "page_label", "outlet", "kicker", "headline", "subtitle",
           "byline", "reporters", "dateline_place", "dateline_date", "source", "text", "people",
           "places", "organizations")
LIST_COLUMNS = ("reporters", "people", "places", "organizations")
JOIN = "、"  # the Chinese enumeration comma joins names in a CSV cell
BATCH_ROWS = 1000  # articles per Parquet record batch
PAGE_CACHE = 64  # pages kept for the page context of the next articles


class _Pages:
    """The page context of articles (schema page dicts without their articles), the most
    recently used few kept, since one page's articles mostly come together."""

    def __init__(self, store, size: int = PAGE_CACHE):
        self.store, self.size = store, size
        self.cache: OrderedDict[int, dict | None] = OrderedDict()

    def get(self, page_id: int | None) -> dict | None:
        if page_id is None:
            return None
        if page_id in self.cache:
            self.cache.move_to_end(page_id)
            return self.cache[page_id]
        page = self.store.page(page_id)
        if page is not None:
            page = {k: v for k, v in page.items() if k not in ("articles", "unassigned")}
        self.cache[page_id] = page
        if len(self.cache) > self.size:
            self.cache.popitem(last=False)
        return page


def _records(store, query, filters) -> Iterator[tuple[dict, dict | None]]:
    pages = _Pages(store)
    for article in store.articles(query or None, filters):
        if article is not None:  # None: gone between the id list and the read
            yield article, pages.get(article.get("page_id"))


def jsonl_record(article: dict, page: dict | None) -> dict:
    """An archived article as one JSON Lines record: its archive ids and page context first
    (as `banmian parse --format jsonl`: `source_path`, `page_label`…), then the stored fields."""
    page = page or {}
    info, source = page.get("page") or {}, page.get("source") or {}
    head = {"schema": SCHEMA, "article_id": article.get("article_id"), "page_id": article.get("page_id"),
            "ord": article.get("ord"), "date": article.get("date"),
            "source_path": page.get("path") or source.get("path"), "source_sha256": source.get("sha256"),
            "page_index": info.get("index"), "page_date": info.get("date"), "page_label": info.get("label"),
            "page_section": info.get("section")}
    rest = {k: v for k, v in article.items() if k not in head}
    return {**head, **rest}


def flat_row(article: dict, page: dict | None) -> dict:
    """The CSV/Parquet columns of an article (`COLUMNS`); name columns are lists here."""
    dateline = article.get("dateline") or {}
    entities = article.get("entities") or {}
    people = [p.get("name") if isinstance(p, dict) else p for p in entities.get("people") or []]
    return {
        "article_id": article.get("article_id"), "date": article.get("date"), "page_id": article.get("page_id"),
        "page_label": ((page or {}).get("page") or {}).get("label"),
        **{k: article.get(k) for k in ("outlet", "kicker", "headline", "subtitle", "byline")},
        "reporters": list(article.get("reporters") or []),
        "dateline_place": dateline.get("place"), "dateline_date": dateline.get("date"),
        "source": article.get("source"), "text": "\n".join(article.get("paragraphs") or []),
        "people": [p for p in people if p], "places": list(entities.get("places") or []),
        "organizations": list(entities.get("organizations") or []),
    }


def _write_lines(records, path: str, to_dict) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for article, page in records:
            fh.write(json.dumps(to_dict(article, page), ensure_ascii=False, separators=(",", ":")) + "\n")
            n += 1
    return n


def _write_csv(records, path: str) -> int:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; CRLF rows, and
    fields with commas, quotes or newlines quoted (the csv module's Excel dialect)."""
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for article, page in records:
            row = flat_row(article, page)
            writer.writerow({k: JOIN.join(v) if k in LIST_COLUMNS else v for k, v in row.items()})
            n += 1
    return n


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise BadInput("--format parquet needs pyarrow: pip install 'banmian[parquet]'") from None
    return pyarrow


def _parquet_schema(pa):
    ints = ("article_id", "page_id")
    return pa.schema([(c, pa.int64() if c in ints else pa.list_(pa.string()) if c in LIST_COLUMNS
                       else pa.string()) for c in COLUMNS])


def _write_parquet(records, path: str) -> int:
    """The CSV columns; reporters, people, places and organizations as list<string> columns."""
    pa = _pyarrow()
    schema = _parquet_schema(pa)
    n, batch = 0, []
    with pa.parquet.ParquetWriter(path, schema, compression="zstd") as writer:
        for article, page in records:
            batch.append(flat_row(article, page))
            n += 1
            if len(batch) >= BATCH_ROWS:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                batch = []
        if batch or n == 0:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
    return n


def check_format(fmt: str) -> None:
    """Raise `BadInput` for an unknown export format, or for parquet without pyarrow."""
    if fmt not in FORMATS:
        raise BadInput(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        _pyarrow()


def export(store, fmt: str, out_path: str, query: str | None = None, filters=None) -> int:
    """Write the articles of `store` matching `query` (a search, optional) and `filters` (a
    `Filters`, optional) to `out_path` in `fmt` (one of `FORMATS`), atomically; returns the
    number of articles written.

    jsonl: one `jsonl_record` a line; csv: `COLUMNS`, UTF-8 with BOM (see `_write_csv`);
    parquet: the same columns, name lists as list columns (needs pyarrow); ninjs: one IPTC
    ninjs 2.1 object a line (`banmian.writers.ninjs`). Raises `BadInput` for an unknown format,
    a missing pyarrow or an unwritable path.
    """
    check_format(fmt)  # fail before anything is written
    with atomic_path(out_path) as tmp:
        records = _records(store, query, filters)
        if fmt == "jsonl":
            return _write_lines(records, tmp, jsonl_record)
        if fmt == "ninjs":
            return _write_lines(records, tmp, article_to_ninjs)
        if fmt == "csv":
            return _write_csv(records, tmp)
        return _write_parquet(records, tmp)
