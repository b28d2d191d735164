"""The "nothing lost, nothing invented" invariant of docs/output-schema.md.

The non-whitespace characters of the input, as a multiset, must equal those of every printed
field of the output. Tests, the bench and debugging tools compare the two Counters below.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def _count(texts: Iterable[str | None]) -> Counter:
    counter: Counter = Counter()
    for text in texts:
        if text:
            counter.update(c for c in text if not c.isspace())
    return counter


def input_chars(text: str) -> Counter:
    """The multiset of non-whitespace characters of `text` (a leading BOM counts as whitespace).
    Only the first is dropped, as the reader drops it (`readers.text`): a U+FEFF further on (two
    dumps run together) is a character of the text, kept and printed (dropping every one made the
    output hold one character more than the input; found by fuzzing). Surrogate code points
    count as `parse_text` reads them (`readers.text.without_surrogates`: a lone one as U+FFFD)."""
    from banmian.readers.text import without_surrogates

    text = without_surrogates(text)
    return _count([text[1:] if text.startswith("\ufeff") else text])


def file_input_chars(path) -> Counter:
    """The multiset of non-whitespace characters of a text dump as banmian reads it: in its
    detected encoding, with each stray byte sequence of a UTF-8 dump read as one U+FFFD (which
    the output prints, so it counts like any other character)."""
    from banmian.readers.text import read_pages

    return _count(line for _, _, _, lines in read_pages(path) for line in lines)


def article_texts(article: dict) -> list[str]:
    """Every printed text of an article dict, in reading order: headline block, byline,
    paragraphs, captions, then jump, continuation and credit lines (what a search covers).
    Derived fields (`reporters`, `outlet`, `source`, `dateline`) repeat printed text: not here."""
    out = [article.get(k) for k in ("kicker", "headline", "subtitle", "byline")]
    out += article.get("paragraphs") or []
    out += article.get("captions") or []
    out += [article.get(k) for k in ("jump", "continued_from", "source_line")]
    return [t for t in out if t]


def printed_texts(page_dict: dict) -> Iterable[str | None]:
    """Every printed text of a page dict (schema "banmian.page/1")."""
    yield from page_dict.get("page", {}).get("header", [])
    for article in page_dict.get("articles", []):
        yield from article_texts(article)
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
