"""Entities: people (with titles), places and organizations of each article, from its
headline block and paragraphs (see `banmian.entities`)."""
from __future__ import annotations

from banmian.entities import article_entities
from banmian.model import Page


def entities(page: Page) -> Page:
    """Fill `article.entities` for every article of the page."""
    if page.scratch.get("skip_entities"):
        return page
    for art in page.articles:
        texts = [t for t in (art.kicker, art.headline, art.subtitle) if t] + art.paragraphs
        art.entities = article_entities(texts)
    return page
