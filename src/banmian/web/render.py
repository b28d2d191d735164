"""Rendering helpers of the reader: the Jinja2 environment (autoescaping every value), URLs
with query strings, pagination, the trend chart's bars and the colouring of a page's lines."""
from __future__ import annotations

import os
from itertools import groupby
from urllib.parse import urlencode

from markupsafe import Markup, escape
from starlette.templating import Jinja2Templates

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES_DIR = os.path.join(HERE, "templates")
STATIC_DIR = os.path.join(HERE, "static")
COLOURS = 10  # article colours on a page (CSS classes c0…c9), repeated past ten articles
FACET_KINDS = ("outlet", "reporter", "person", "place", "organization")
FACET_TITLES = {"outlet": "媒体 outlet", "reporter": "记者 reporter", "person": "人物 person",
                "place": "地点 place", "organization": "机构 organization"}
CHART_WIDTH, CHART_HEIGHT, CHART_LABEL = 640, 120, 18
MAX_BAR_WIDTH = 40.0
CHART_HEADROOM = 14  # room above the tallest bar for its count
MAX_MONTH_BARS = 120  # a longer span is drawn per year
CHART_PAD = 48  # room right of the bars for the last label


def query_url(path: str, params: dict, **changes) -> str:
    """`path` with the query string of `params` updated by `changes` (None or "" drop a key)."""
    merged = {**params, **changes}
    kept = [(k, v) for k, v in merged.items() if v not in (None, "")]
    return path + ("?" + urlencode(kept) if kept else "")


templates = Jinja2Templates(directory=TEMPLATES_DIR)  # autoescapes .html templates
templates.env.trim_blocks = templates.env.lstrip_blocks = True
templates.env.globals.update(query_url=query_url, FACET_KINDS=FACET_KINDS, FACET_TITLES=FACET_TITLES,
                             COLOURS=COLOURS)


def pagination(total: int, limit: int, offset: int) -> dict:
    """First and last result shown and the offsets of the previous and next pages (None at
    either end)."""
    return {"first": offset + 1 if total > offset else 0, "last": min(offset + limit, total),
            "total": total, "prev": max(offset - limit, 0) if offset > 0 else None,
            "next": offset + limit if offset + limit < total else None}


def group_dates(dates: list[tuple[str, int]]) -> list[tuple[str, list[tuple[str, int]]]]:
    """Dates (newest first) grouped by month: [("2024-03", [(date, pages), …]), …]."""
    return [(month, list(items)) for month, items in groupby(dates, key=lambda d: d[0][:7])]


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last and len(out) <= MAX_MONTH_BARS:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def chart_series(buckets: list[tuple[str, int]]) -> tuple[str, list[tuple[str, int]]]:
    """("month", monthly counts) with the months without a match as zeros; over a span of more
    than MAX_MONTH_BARS months, ("year", yearly counts) likewise."""
    counts = {b: c for b, c in buckets if b}
    if not counts:
        return "month", []
    try:
        months = _months_between(min(counts), max(counts))
        if len(months) <= MAX_MONTH_BARS:
            return "month", [(m, counts.get(m, 0)) for m in months]
        years: dict[str, int] = {}
        for bucket, count in counts.items():
            years[bucket[:4]] = years.get(bucket[:4], 0) + count
        first, last = int(min(years)), int(max(years))
        return "year", [(str(y), years.get(str(y), 0)) for y in range(first, last + 1)]
    except ValueError:  # a bucket that is not YYYY-MM: draw what there is
        return "month", sorted(counts.items())


def trend_chart(buckets: list[tuple[str, int]]) -> dict | None:
    """An inline SVG bar chart of monthly match counts (yearly over long spans): each bar's
    x, y, width, height, period and count, and which periods get a label under the axis
    (about eight)."""
    unit, series = chart_series(buckets)
    if not series:
        return None
    top = max(c for _, c in series) or 1
    step = CHART_WIDTH / len(series)
    bar_w = min(max(step * 0.8, 1.0), MAX_BAR_WIDTH)
    label_every = max(1, round(len(series) / 8))
    bars = []
    for i, (period, count) in enumerate(series):
        h = (CHART_HEIGHT - CHART_HEADROOM) * count / top
        bars.append({"x": round(i * step, 2), "y": round(CHART_HEIGHT - h, 2), "w": round(bar_w, 2),
                     "h": round(h, 2), "label": period, "count": count,
                     "show_label": i % label_every == 0, "show_count": len(series) <= 24 and count > 0})
    return {"bars": bars, "unit": unit, "plot": CHART_WIDTH, "width": CHART_WIDTH + CHART_PAD,
            "height": CHART_HEIGHT + CHART_LABEL, "axis": CHART_HEIGHT, "top": top,
            "total": sum(c for _, c in series)}


def line_owners(articles: list[dict]) -> dict[int, int]:
    """Input line number → position of the article built from it (from the articles' `lines`)."""
    owners: dict[int, int] = {}
    for pos, art in enumerate(articles):
        for span in art.get("lines") or []:
            if isinstance(span, (list, tuple)) and len(span) == 2:
                first, last = int(span[0]), int(span[1])
                for no in range(first, min(last, first + 100_000) + 1):
                    owners.setdefault(no, pos)
    return owners


def dump_rows(lines: list[tuple[int, str]], articles: list[dict]) -> list[dict]:
    """The dump's lines for the page view: number, text, the owning article's position (None
    for headers and unassigned lines) and whether the line starts that article (an anchor)."""
    owners = line_owners(articles)
    seen: set[int] = set()
    rows = []
    for no, text in lines:
        pos = owners.get(no)
        rows.append({"no": no, "text": text, "art": pos, "first": pos is not None and pos not in seen})
        if pos is not None:
            seen.add(pos)
    return rows


def article_place(article: dict) -> str:
    """Where and when, for the article view: the dateline as printed, else its place and date."""
    dateline = article.get("dateline") or {}
    return dateline.get("text") or " ".join(x for x in (dateline.get("place"), dateline.get("date")) if x)


def marked_paragraphs(paragraphs: list[str], marks: list[dict]) -> list[Markup]:
    """The paragraphs as HTML with each character OCR read with low confidence (`low_confidence`
    of an OCR'd article: char, offset in its line, confidence, context) in a <mark>: found where
    its context stands in a paragraph (the context holds up to LOW_CONFIDENCE_CONTEXT characters
    before the character; a context not found marks nothing)."""
    from banmian.pipeline import LOW_CONFIDENCE_CONTEXT

    found: list[dict[int, float]] = [{} for _ in paragraphs]
    for m in marks:
        before = min(m.get("offset", 0), LOW_CONFIDENCE_CONTEXT)
        for k, para in enumerate(paragraphs):
            at = para.find(m.get("context") or "\0")
            if at >= 0 and para[at + before:at + before + 1] == m.get("char"):
                found[k][at + before] = m.get("confidence", 0.0)
                break
    out = []
    for para, where in zip(paragraphs, found):
        html = "".join(
            f'<mark class="lowconf" title="OCR confidence {where[i]:.2f}">{escape(c)}</mark>' if i in where
            else str(escape(c)) for i, c in enumerate(para)) if where else str(escape(para))
        out.append(Markup(html))
    return out
