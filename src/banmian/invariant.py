"""The "nothing lost, nothing invented" invariant of docs/output-schema.md.

The non-whitespace characters of the input, as a multiset, must equal those of every printed
field of the output. Tests, the bench and debugging tools compare the two Counters below.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

# Article fields that hold text as printed on the page (derived fields such as `reporters`,
# `outlet`, `source` or `dateline` repeat printed text and are not counted).
PRINTED_SCALAR_FIELDS = ("kicker", "headline", "subtitle", "byline", "jump", "continued_from", "source_line")
PRINTED_LIST_FIELDS = ("paragraphs", "captions")


def _count(texts: Iterable[str | None]) -> Counter:
    counter: Counter = Counter()
    for text in texts:
        if text:
            counter.update(c for c in text if not c.isspace())
    return counter


def input_chars(text: str) -> Counter:
    """The multiset of non-whitespace characters of `text` (a BOM counts as whitespace)."""
    return _count([text.replace("\ufeff", "")])


def printed_texts(page_dict: dict) -> Iterable[str | None]:
    """Every printed text of a page dict (schema "banmian.page/1"), in output order."""
    yield from page_dict.get("page", {}).get("header", [])
    for article in page_dict.get("articles", []):
        for name in PRINTED_SCALAR_FIELDS:
            yield article.get(name)
        for name in PRINTED_LIST_FIELDS:
            yield from article.get(name) or []
    for item in page_dict.get("unassigned", []):
        yield item.get("text")


def printed_chars(page_dict: dict) -> Counter:
    """The multiset of non-whitespace characters of every printed field of a page dict."""
    return _count(printed_texts(page_dict))


def diff(expected: Counter, got: Counter) -> dict[str, dict[str, int]]:
    """What `got` lacks and what it adds compared with `expected` ({} when they are equal)."""
    out = {}
    lost, invented = expected - got, got - expected
    if lost:
        out["lost"] = dict(lost)
    if invented:
        out["invented"] = dict(invented)
    return out
