"""The --explain table: every input line of a page with its kind, paragraph mark, owner and the
stages' reasons, then each article's reasons."""
from __future__ import annotations

import unicodedata

from banmian.model import Page, line_ranges


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, width: int) -> str:
    """Cut `text` to `width` display columns (CJK counts 2, "…" marks a cut) and pad it."""
    if _width(text) > width:
        out, used = [], 0
        for c in text:
            if used + _width(c) > width - 1:
                break
            out.append(c)
            used += _width(c)
        text = "".join(out) + "…"
    return text + " " * max(0, width - _width(text))


def _ranges(numbers) -> str:
    return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in line_ranges(numbers))


def explain_page(page: Page) -> str:
    """A readable table of every input line of `page` and where it went, with reasons."""
    unassigned: dict[int, list[str]] = {}
    for item in page.unassigned:
        for n in item.line_nos:
            unassigned.setdefault(n, []).append(f"~{item.kind}")
    text_w = 26
    out = [f"== {page.source.path} · page {page.index + 1} (index {page.index}) ==",
           f"{'line':>6}  {'kind':<9} ¶ {'article':<9} {fit('text', text_w)} reasons"]
    for line in page.lines:
        article = page.owner_of(line)  # by identity: the parts of a split line share a number
        owner = article.id if article else ",".join(dict.fromkeys(unassigned.get(line.no, []))) or "-"
        text = line.raw.replace("\t", " ")
        out.append(
            f"{line.no:>6}  {line.kind:<9} {'¶' if line.para_start else ' '} {owner:<9} "
            f"{fit(text, text_w)} {'; '.join(line.reasons)}".rstrip()
        )
    out.append("")
    out.append("articles:" if page.articles else "articles: none")
    for article in page.articles:
        title = article.headline or (article.paragraphs[0][:16] + "…" if article.paragraphs else "")
        out.append(f"  {article.id:<5} lines {_ranges(article.line_nos) or '-'}  "
                   f"confidence {article.confidence:.2f}  {title}".rstrip())
        for reason in article.reasons:
            out.append(f"        - {reason}")
    if page.unassigned:
        out.append("unassigned:")
        for item in page.unassigned:
            out.append(f"  {item.kind:<9} lines {_ranges(item.line_nos) or '-'}  {item.text[:30]}")
    return "\n".join(out) + "\n\n"

