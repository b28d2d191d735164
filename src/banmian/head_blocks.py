"""The page's head blocks for the headlines stage: runs of head and byline lines (a byline closes
its block), and a block joined to the one just before it when a word of that block's last
headline line runs on into its first, a neighbour's line printed between them (pdftotext).
"""
from __future__ import annotations

from typing import Final

from banmian.language import spanning_word
from banmian.model import HEAD_KINDS, INSIDE_BLOCK_KINDS, Line, Page
from banmian.rules.chars import strip_ws


def head_blocks(page: Page, taken: frozenset[int] = frozenset()) -> list[list[Line]]:
    """Runs of head and byline lines; blank lines may stand between the lines of one block.

    A byline closes its block: headlines grouped at the top of a page run on one after the
    other, each with its byline under it (dev page 11: `一张名片` `劲驰` `东方情缘` `冯向杰`);
    two byline lines in a row are two articles' (page 7: `张印东周庆新焦守云` `卢永华`).
    Lines in `taken` (by identity: blocks already placed) belong to no block.
    """
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for ln in page.lines:
        if ln.kind in HEAD_KINDS and id(ln) not in taken:
            if cur and cur[-1].kind == "byline":
                blocks.append(cur)
                cur = []
            cur.append(ln)
        elif ln.kind not in INSIDE_BLOCK_KINDS and cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


# pdftotext prints a line of a neighbour between a headline's two lines (dev page 20: `李岚清会`,
# a lead-in of the next column, `见法国客人`): the lines stay one block across this many input
# lines when a dictionary word runs across.
MAX_BROKEN_HEAD_GAP: Final = 3


def join_broken_headlines(blocks: list[list[Line]]) -> list[list[Line]]:
    """Join a block to the one just before it when its first line continues a word of that
    block's last headline line (`李岚清会` + `见法国客人`), a few input lines apart."""
    out: list[list[Line]] = []
    for block in blocks:
        if out:
            last = out[-1][-1]
            first = block[0]
            if (last.kind == "head" and first.kind == "head" and 0 < first.no - last.no <= MAX_BROKEN_HEAD_GAP
                    and spanning_word(strip_ws(last.text), strip_ws(first.text), hmm=False)):
                out[-1] = out[-1] + block
                for ln in block:
                    ln.because("headline:continues_word_across_a_neighbour")
                continue
        out.append(block)
    return out
