"""Place heads (PDF pages): give each article the headline block and the jump, continuation,
credit and caption lines the layout stage found for it, telling kicker, headline and subtitle
apart by font size (the headline is the largest tier; a kicker stands above it, a subtitle
below)."""
from __future__ import annotations

from banmian.model import Line, Page
from banmian.stages.metadata import attach_line

SAME_SIZE = 0.01  # sizes within 1% are one size (a two-line headline is printed in one size)


def size_groups(lines: list[Line]) -> list[list[Line]]:
    """Consecutive lines (top to bottom) printed in the same font and size."""
    groups: list[list[Line]] = []
    for ln in lines:
        prev = groups[-1][-1] if groups else None
        if prev is not None and prev.font == ln.font and abs(prev.font_size - ln.font_size) <= SAME_SIZE * ln.font_size:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def headline_group(groups: list[list[Line]]) -> int:
    """Which size group is the headline: the only one of two lines (a headline wraps, a kicker or
    subtitle does not; dev page 38 has a kicker larger than its long headline), else the largest."""
    two_line = [i for i, g in enumerate(groups) if len(g) == 2]
    if len(two_line) == 1:
        return two_line[0]
    return max(range(len(groups)), key=lambda i: groups[i][0].font_size)


def head_fields(block: list[Line]) -> dict:
    """Kicker, headline, subtitle and byline of a headline block: the headline group, what
    stands above it (kicker) and below it (subtitle)."""
    out = {"kicker": None, "headline": None, "subtitle": None, "byline": None}
    lines = sorted(block, key=lambda ln: -ln.box[3])
    first_head = next((i for i, ln in enumerate(lines) if ln.kind != "byline"), len(lines))
    bylines = [ln for ln in lines[first_head:] if ln.kind == "byline"]  # one above the headline is a kicker
    heads = [ln for ln in lines if ln.kind != "byline" or ln not in bylines]
    if bylines:
        out["byline"] = " ".join(ln.text for ln in bylines)
    if not heads:
        return out
    groups = size_groups(heads)
    h = headline_group(groups)
    text = lambda gs: " ".join(ln.text for g in gs for ln in g) or None  # noqa: E731
    out["headline"] = text(groups[h:h + 1])
    out["kicker"] = text(groups[:h])
    out["subtitle"] = text(groups[h + 1:])
    return out


def place_heads(page: Page) -> Page:
    """Fill headline fields and attachments from `page.scratch["thread_extras"]` (PDF pages)."""
    extras = page.scratch.get("thread_extras")
    if not extras:
        return page
    for article, extra in zip(page.articles, extras):
        block = extra["head"]
        if block:
            for key, value in head_fields(block).items():
                setattr(article, key, value)
            page.claim_all(block, article)
            article.because("headline:block_above")
        for line in extra["attached"]:
            if attach_line(article, line):
                page.claim(line, article)
                line.because(f"attached:{article.id}")
    return page
