"""Markdown: a `#` title per page, one `##` section per article, text as printed."""
from __future__ import annotations

from banmian.model import Article, Page


def _page_title(page: Page) -> str:
    meta = page.meta
    parts = [meta.label or f"page {page.index + 1}"]
    parts += [p for p in (meta.section, meta.date) if p]
    parts.append(page.source.path)
    return "# " + " · ".join(parts)


def article_to_markdown(article: Article) -> str:
    """One article: kicker (italic) above the `##` headline, subtitle, byline, body, credits."""
    blocks = []
    if article.kicker:
        blocks.append(f"*{article.kicker}*")
    blocks.append(f"## {article.headline or '(' + (article.id or 'untitled') + ')'}")
    if article.subtitle:
        blocks.append(f"**{article.subtitle}**")
    if article.continued_from:
        blocks.append(article.continued_from)
    if article.byline:
        blocks.append(f"_{article.byline}_")
    blocks.extend(article.paragraphs)
    blocks.extend(f"> {caption}" for caption in article.captions)
    if article.jump:
        blocks.append(article.jump)
    if article.source_line:
        blocks.append(article.source_line)
    return "\n\n".join(blocks)


def page_to_markdown(page: Page) -> str:
    """The whole page as Markdown; text not assigned to an article is listed at the end."""
    blocks = [_page_title(page)]
    if page.meta.header:
        blocks.append(" / ".join(page.meta.header))
    blocks.extend(article_to_markdown(a) for a in page.articles)
    if page.unassigned:
        items = "\n".join(f"- {u.kind}: {u.text}" for u in page.unassigned)
        blocks.append("## (unassigned)\n\n" + items)
    return "\n\n".join(blocks) + "\n"
