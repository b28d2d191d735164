"""The page JSON of docs/output-schema.md ("banmian.page/1").

Field names and order follow the schema exactly; the additions are `reasons` on each article
(the decisions recorded by the stages, shown by ``--explain``) and, on OCR'd pages only,
`source.ocr` and `low_confidence` (see `add_ocr_fields`).
"""
from __future__ import annotations

import json
import re
from typing import Final

from banmian.model import Article, Page, line_ranges

SCHEMA = "banmian.page/1"
# In indented output, keep each [first, last] line range on one line. JSON strings never hold
# a raw newline, so this can only match number pairs.
_PAIR = re.compile(r"\[\n\s*(-?\d+),\n\s*(-?\d+)\n\s*\]")


def _people(people) -> list[dict]:
    """People as [{"name", "title"}]; a bare string is a name without title."""
    out = []
    for person in people or []:
        if isinstance(person, str):
            out.append({"name": person, "title": None})
        elif len(person) == 2 and "name" in person and "title" in person:  # the common case: no copy
            out.append({"name": person["name"], "title": person["title"]})
        else:
            item = dict(person)
            item.setdefault("title", None)
            out.append({"name": item.pop("name", None), "title": item.pop("title"), **item})
    return out


def entities_to_dict(entities: dict | None) -> dict:
    """Entities with the three schema keys always present."""
    entities = entities or {}
    return {
        "people": _people(entities.get("people")),
        "places": list(entities.get("places") or []),
        "organizations": list(entities.get("organizations") or []),
    }


def article_to_dict(article: Article) -> dict:
    """One article as a schema dict (plus `reasons`)."""
    return {
        "id": article.id,
        "kicker": article.kicker,
        "headline": article.headline,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "reporters": list(article.reporters),
        "outlet": article.outlet,
        "dateline": article.dateline.to_dict() if article.dateline is not None else None,
        "source": article.source,
        "source_line": article.source_line,
        "paragraphs": list(article.paragraphs),
        "captions": list(article.captions),
        "jump": article.jump,
        "continued_from": article.continued_from,
        "entities": entities_to_dict(article.entities),
        "lines": line_ranges(article.line_nos),
        "confidence": float(article.confidence),
        "reasons": list(article.reasons),
    }


def page_to_dict(page: Page) -> dict:
    """A parsed page as the schema's JSON object (a plain dict, ready for json.dumps)."""
    src, meta = page.source, page.meta
    out = {
        "schema": SCHEMA,
        "source": {"path": src.path, "kind": src.kind, "encoding": src.encoding, "sha256": src.sha256},
        "page": {
            "date": meta.date,
            "label": meta.label,
            "section": meta.section,
            "header": list(meta.header),
            "index": page.index,  # position of the page in its file (form-feed separated)
        },
        "articles": [article_to_dict(a) for a in page.articles],
        "unassigned": [
            {"kind": u.kind, "text": u.text, "lines": line_ranges(u.line_nos)} for u in page.unassigned
        ],
    }
    if page.scratch.get("ocr"):
        add_ocr_fields(out, page)
    return out


def add_ocr_fields(out: dict, page: Page) -> None:
    """An OCR'd page (additions to the schema): the engine in `source.ocr`, and on each article
    and unassigned item `low_confidence`, the characters of its lines the engine was unsure of
    (`{"line", "char", "offset", "confidence", "context"}`; offset among the line's
    non-space characters)."""
    marks = page.scratch.get("low_confidence", {})
    out["source"]["ocr"] = page.scratch["ocr"]

    def of(line_nos) -> list[dict]:
        return [{"line": no, **m} for no in sorted(set(line_nos)) for m in marks.get(no, ())]
    for d, article in zip(out["articles"], page.articles):
        d["low_confidence"] = of(article.line_nos)
    for d, item in zip(out["unassigned"], page.unassigned):
        d["low_confidence"] = of(item.line_nos)


def dumps(obj, pretty: bool = False) -> str:
    """JSON text, never ASCII-escaped: indented when `pretty`, else one compact line."""
    if pretty:
        return _PAIR.sub(r"[\1, \2]", json.dumps(obj, ensure_ascii=False, indent=2))
    return _COMPACT.encode(obj)


# `json.dumps(obj, ensure_ascii=False, separators=(",", ":"))`'s encoder, made once (dumps with
# any keyword builds a new one per call); encoding leaves it as it was, so threads may share it.
# Without the circular-reference check (a dictionary entry set and deleted per list and dict):
# the same text for the trees `page_to_dict` builds, which share no container with themselves.
_COMPACT: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
