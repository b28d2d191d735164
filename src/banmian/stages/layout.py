"""Layout (PDF pages): tell the kinds of lines apart by size, font and place; find the body
columns; cut each column into cells at ruling lines, headline blocks and wide gaps; chain the
cells into articles in reading order.

Text-dump pages (no line boxes) pass through untouched. The output is what the text path's
reassemble stage gives: ``page.scratch["threads"]`` (each article's cells as fragments, in
reading order) plus ``page.scratch["thread_extras"]`` (each thread's headline block and the
jump, continuation, credit and caption lines that belong to it), so the shared `segment` and
`metadata` stages finish the job.
"""
from __future__ import annotations

from collections import defaultdict

from banmian.layout.cells import (Cell, band_rules, bound_cells, caption_owner, chain_cells, lift_head_lines,
                                  reading_order, separators, split_cells, typical_leading)
from banmian.layout.lines import (absorb_name_lines, body_font, body_size, find_columns, head_blocks,
                                  is_body_size, join_bylines, mark_captions, mark_header, place_lines)
from banmian.model import Fragment, Line, Page
from banmian.stages.reassemble import Thread


def layout(page: Page) -> Page:
    """Rebuild the page's articles from line geometry (PDF pages only)."""
    lines = [ln for ln in page.lines if ln.box is not None and not ln.blank]
    if not lines:
        return page
    body = body_size(lines)
    font = body_font(lines, body)
    mark_header(page, lines)
    pictures = mark_captions(page, lines, body)
    candidates = [ln for ln in lines if ln.kind == "body" and is_body_size(ln, body)]
    columns = find_columns(candidates, body)
    col_lines, heads, bylines = place_lines(lines, columns, body, font)
    blocks = join_bylines(bylines, head_blocks(heads), body)
    absorb_name_lines(col_lines, columns, blocks, body, font)
    leading = typical_leading(col_lines, body)
    cells: list[Cell] = []
    for c, clines in sorted(col_lines.items()):
        seps = separators(columns[c], blocks, page.rules)
        found = split_cells(c, clines, seps, leading, page.pictures)
        bound_cells(found, seps)
        cells.extend(found)
    articles = reading_order(chain_cells(cells, blocks, columns, body, leading, page.pictures), columns, band_rules(page, lines))
    lift_head_lines(articles)
    captions: dict[int, list[Line]] = defaultdict(list)
    for ln in lines:
        if id(ln) in pictures:
            owner = caption_owner(ln, pictures[id(ln)], cells)
            if owner is not None:
                captions[id(owner)].append(ln)
    threads, extras = [], []
    for art in articles:
        frags = [Fragment(cell.body) for cell in art.cells if cell.body]
        threads.append(Thread(frags, art.reason))
        attached = [ln for cell in art.cells for ln in cell.lines if ln.kind != "body"]
        extras.append({"head": art.head.lines if art.head else [], "attached": attached + captions[id(art)]})
    page.scratch["threads"] = threads
    page.scratch["thread_extras"] = extras
    page.scratch["layout"] = {"columns": columns, "blocks": blocks, "cells": cells, "articles": articles}
    return page
