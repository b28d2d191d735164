"""Headlines: group head lines into blocks, attach each block to its article, split tiers.

A block directly before an article's first line is that article's. The other blocks (printed
far away, often grouped at the end or the top of the page text) go to the articles still
without a headline by content overlap: a headline's words recur in its article's opening.
Within a block: name lines are the byline, a line opening with a dash is the subtitle, and of
the rest two lines that read on across the break (a word spans it) are one headline.
"""
from __future__ import annotations

from banmian.assign import max_weight_pairs
from banmian.language import spanning_word
from banmian.model import Article, Line, Page
from banmian.rules.chars import strip_ws

HEAD_KINDS = {"head", "byline"}
# Minimum share of a block's character bigrams found in an article's opening to attach it.
MIN_OVERLAP = 0.25
OPENING_CHARS = 400  # how much of an article's text a headline is compared with
# A headline block printed away from its article is evidence for an article start at a
# paragraph whose opening shares at least this much of the block's character bigrams.
MIN_ORPHAN_OVERLAP = 0.5
ORPHAN_OPENING_CHARS = 120
ORPHAN_EVIDENCE = 1.0  # times the overlap


def head_blocks(page: Page) -> list[list[Line]]:
    """Runs of head and byline lines; blank lines may stand between the lines of one block.

    A byline closes its block: headlines grouped at the top of a page run on one after the
    other, each with its byline under it (dev page 11: `一张名片` `劲驰` `东方情缘` `冯向杰`).
    """
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for ln in page.lines:
        if ln.kind in HEAD_KINDS:
            if ln.kind == "head" and cur and cur[-1].kind == "byline":
                blocks.append(cur)
                cur = []
            cur.append(ln)
        elif ln.kind != "blank" and cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def bigrams(text: str) -> set[str]:
    t = strip_ws(text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


def block_overlap(block: list[Line], text: str) -> float:
    """Share of the block's head-line bigrams that occur in `text`."""
    b = bigrams("".join(ln.text for ln in block if ln.kind == "head"))
    if not b:
        return 0.0
    return len(b & bigrams(text)) / len(b)


def overlap(block: list[Line], article: Article) -> float:
    """Share of the block's bigrams that occur in the article's opening."""
    return block_overlap(block, "".join(article.paragraphs)[:OPENING_CHARS])


def orphan_headline_evidence(page: Page, frags: list) -> dict[int, tuple[float, str]]:
    """Evidence that a fragment opens an article whose headline block is printed elsewhere.

    Each headline block that does not stand right before a paragraph start is paired, by a
    global assignment on content overlap, with a fragment that opens a paragraph.
    """
    from banmian.stages.reassemble import lines_around

    attached = set()
    candidates = []
    for f in frags:
        before = lines_around(page, f, after=False)
        if f.start == "indent" and before and before[0].kind in HEAD_KINDS:
            attached.add(before[0].no)
        elif f.start == "indent":
            candidates.append(f)
    orphans = [b for b in head_blocks(page) if b[-1].no not in attached and any(ln.kind == "head" for ln in b)]
    scores = {}
    for bi, block in enumerate(orphans):
        for f in candidates:
            text = "".join(ln.text for ln in f.lines)[:ORPHAN_OPENING_CHARS]
            score = block_overlap(block, text)
            if score >= MIN_ORPHAN_OVERLAP:
                scores[(bi, f.order)] = score
    return {
        order: (ORPHAN_EVIDENCE * scores[(bi, order)], f"article_start:orphan_headline:{scores[(bi, order)]:.2f}")
        for bi, order in max_weight_pairs(scores)
    }


def split_tiers(block: list[Line]) -> dict:
    """Kicker, headline, subtitle and byline of one block, as printed."""
    bylines = [ln.text for ln in block if ln.kind == "byline"]
    heads = [ln.text for ln in block if ln.kind == "head"]
    out = {"kicker": None, "headline": None, "subtitle": None, "byline": " ".join(bylines) or None}
    if heads and heads[-1].startswith(("—", "－", "--")):
        out["subtitle"] = heads.pop()
    if not heads:
        return out
    if len(heads) == 1:
        out["headline"] = heads[0]
    elif len(heads) == 2:
        out["headline"] = " ".join(heads)
    else:
        if spanning_word(heads[0], heads[1]) and not spanning_word(heads[1], heads[2]):
            out["headline"] = " ".join(heads[:2])
            rest = heads[2:]
            out["subtitle"] = " ".join(rest) if out["subtitle"] is None else " ".join(rest + [out["subtitle"]])
        else:
            out["kicker"] = heads[0]
            out["headline"] = " ".join(heads[1:3])
            if len(heads) > 3:
                extra = " ".join(heads[3:])
                out["subtitle"] = extra if out["subtitle"] is None else extra + " " + out["subtitle"]
    return out


def _apply(article: Article, block: list[Line], why: str) -> None:
    tiers = split_tiers(block)
    for key in ("kicker", "headline", "subtitle", "byline"):
        setattr(article, key, tiers[key])
    article.line_nos.extend(ln.no for ln in block)
    article.because(why)
    for ln in block:
        ln.because(why)


def headlines(page: Page) -> Page:
    """Attach headline blocks to articles; leftover blocks go to `page.unassigned`."""
    from banmian.stages.reassemble import lines_around

    groups = page.scratch.get("article_groups", [])
    blocks = head_blocks(page)
    owner: dict[int, int] = {}  # block index -> article index
    why: dict[int, str] = {}
    block_ending_at = {blk[-1].no: k for k, blk in enumerate(blocks)}
    for i, group in enumerate(groups):
        before = lines_around(page, group[0], after=False)[::-1]
        heads = [ln for ln in before if ln.kind in HEAD_KINDS]
        if heads and heads[-1].no in block_ending_at:
            k = block_ending_at[heads[-1].no]
            owner[k], why[k] = i, "headline:before_article"
    taken = set(owner.values())
    pairs = []
    for k, blk in enumerate(blocks):
        if k in owner:
            continue
        for i, art in enumerate(page.articles):
            if i not in taken:
                pairs.append((overlap(blk, art), k, i))
    pairs.sort(reverse=True)
    for score, k, i in pairs:
        if score < MIN_OVERLAP or k in owner or i in taken:
            continue
        owner[k], why[k] = i, f"headline:content_overlap:{score:.2f}"
        taken.add(i)
    for k, i in owner.items():
        _apply(page.articles[i], blocks[k], why[k])
    page.scratch["head_blocks"] = blocks
    page.scratch["head_owner"] = owner
    return page
