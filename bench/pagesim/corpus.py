"""The People's Daily 1998 corpus as the page simulator reads it (nothing of it is stored in the
repository: it is read from the shared data folder at run time)."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from bench.common import shared_dir
from bench.pagesim.typeset import to_halfwidth

DEFAULT_DATES = ("1998-01-21", "1998-01-31")  # dev pages use 01-01..01-20
PHOTO_CREDIT = re.compile(r"^（[^（）]{2,40}摄[^（）]{0,10}）$")


MIN_BODY_CHARS = 80  # dev pages hold almost no article under 60 characters (2 of 317, both cut)


def typesettable(r: dict) -> bool:
    """An article the simulator sets: a body of some length that is not a table (mostly short
    lines such as stock lists)."""
    body = [p for p, role in zip(r["paragraphs"], r["roles"]) if role not in ("headline_cont", "byline")]
    if sum(len(p) for p in body) < MIN_BODY_CHARS:
        return False
    short = sum(1 for role in r["roles"] if role == "short_line")
    return short <= len(r["roles"]) / 2


def corpus_path() -> Path:
    return shared_dir() / "data" / "peoples-daily-1998" / "articles.jsonl.gz"


def load_pages(first: str, last: str, path: Path | None = None) -> dict[tuple[str, int], list[dict]]:
    """Corpus articles dated first..last (inclusive, ISO dates), grouped by (date, page), each
    with digits/letters made half-width; only articles with a title and a body."""
    p = path or corpus_path()
    if not p.exists():
        raise FileNotFoundError(f"corpus not found at {p} (set BANMIAN_SHARED)")
    pages: dict[tuple[str, int], list[dict]] = {}
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if not (first <= r["date"] <= last) or not r.get("title") or not typesettable(r):
                continue
            r = dict(r)
            r["title"] = to_halfwidth(r["title"])
            r["paragraphs"] = [to_halfwidth(x) for x in r["paragraphs"]]
            r["dateline"] = to_halfwidth(r["dateline"]) if r.get("dateline") else None
            r["byline"] = to_halfwidth(r["byline"]) if r.get("byline") else None
            pages.setdefault((r["date"], r["page"]), []).append(r)
    return pages


def gold_folder(folder: Path) -> Path:
    """The folder of gold pages (page_NNNN.gold.json) that `folder` names: itself, or its
    data/pages-dev when it is a shared folder (the layout BANMIAN_SHARED points to)."""
    folder = Path(folder)
    for d in (folder, folder / "data" / "pages-dev"):
        if d.is_dir() and any(d.glob("page_*.gold.json")):
            return d
    raise FileNotFoundError(f"no gold pages (page_*.gold.json) in {folder} or {folder / 'data' / 'pages-dev'}")


def source_pages(folder: Path) -> set[tuple[str, int]]:
    """Every corpus (date, page) that a gold page in `folder` draws an article from, read from
    its articles' src_id ("YYYYMMDD-PP-NNN": corpus date, page, article)."""
    out: set[tuple[str, int]] = set()
    for path in sorted(gold_folder(folder).glob("page_*.gold.json")):
        for a in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            parts = (a.get("src_id") or "").split("-")
            if len(parts) >= 2 and parts[0].isdigit() and len(parts[0]) == 8 and parts[1].isdigit():
                out.add((f"{parts[0][:4]}-{parts[0][4:6]}-{parts[0][6:]}", int(parts[1])))
    return out


def without_pages(pages: dict[tuple[str, int], list[dict]], drop: set[tuple[str, int]]
                  ) -> dict[tuple[str, int], list[dict]]:
    """`pages` (as load_pages gives them) without the corpus pages in `drop`: neither a page's
    main articles nor its same-day filler can then come from them."""
    return {k: v for k, v in pages.items() if k not in drop}
