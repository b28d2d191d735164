"""JSON Lines records: one article per line, with its page's fields copied in."""
from __future__ import annotations

from collections.abc import Iterator

from banmian.model import Page
from banmian.writers.json import article_to_dict

SCHEMA = "banmian.article/1"


def page_to_jsonl_records(page: Page) -> Iterator[dict]:
    """Yield one dict per article: page context first (prefixed keys), then the article fields.

    The page context keys are `source_path`, `source_sha256`, `page_index`, `page_date`,
    `page_label` and `page_section`; they are prefixed because an article has its own `source`
    (the credited outlet).
    """
    src, meta = page.source, page.meta
    context = {
        "schema": SCHEMA,
        "source_path": src.path,
        "source_sha256": src.sha256,
        "page_index": page.index,
        "page_date": meta.date,
        "page_label": meta.label,
        "page_section": meta.section,
    }
    for article in page.articles:
        yield {**context, **article_to_dict(article)}
