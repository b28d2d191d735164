"""Pull quotes: a sentence of an article set large as a head line away from its headline.

The gold takes them for the article's kicker. A head line standing alone that repeats a clause
of exactly one article's body word for word is that article's, whoever's headline block it was
printed in (`headlines` asks here after its assignment).
"""
from __future__ import annotations

from typing import Final

from banmian.assign import max_weight_pairs
from banmian.body_texts import body_text
from banmian.model import HEAD_KINDS, Line, Page
from banmian.rules.chars import CLAUSE_BREAKS, strip_ws

PULL_QUOTE_REASON: Final = "headline:pull_quote"
# A pull quote is a sentence of an article set large away from its headline; one this short
# could be a headline that merely recurs in some body (`图片新闻`, `位尊不移公仆心`).
PULL_QUOTE_MIN_CHARS: Final = 8
# A pull quote ends where a clause of its body ends; a line stopping mid-word is a body line
# of a column cut short and read as a head line (dev page 20: `中国人民解放军副总` / 参谋长).


def pull_quotes(page: Page) -> dict[int, int]:
    """Head lines standing alone (no head or byline line right above or below) that repeat a
    clause of exactly one article's body word for word: id(line) -> that article's index.
    These are pull quotes, kickers in the gold (dev pdftotext page 13: `每天只需花几元钱` at
    the top of the page; page 29: `繁荣有中国特色的社会主义文化事业作出新的贡献` over a
    neighbour's headline, and taken into its block)."""
    bodies = [body_text(art) for art in page.articles]
    lines = page.lines
    out = {}
    for k, ln in enumerate(lines):
        if ln.kind != "head" or _beside_head(lines, k):
            continue
        t = strip_ws(ln.text)
        if len(t) < PULL_QUOTE_MIN_CHARS:
            continue
        holders = [i for i, body in enumerate(bodies) if quotes_clause(t, body)]
        if len(holders) == 1:
            out[id(ln)] = holders[0]
    return out


def _beside_head(lines: list[Line], k: int) -> bool:
    """A head or byline line stands right above or below line k."""
    return any(0 <= j < len(lines) and lines[j].kind in HEAD_KINDS for j in (k - 1, k + 1))


def quotes_clause(t: str, body: str, from_start: bool = False) -> bool:
    """`t` occurs in `body` where a clause ends: before a punctuation mark or at the end; with
    `from_start`, where one starts too: at the start or after a punctuation mark."""
    at = body.find(t)
    while at >= 0:
        end = at + len(t)
        starts = not from_start or at == 0 or body[at - 1] in CLAUSE_BREAKS
        if starts and (end == len(body) or body[end] in CLAUSE_BREAKS):
            return True
        at = body.find(t, at + 1)
    return False


def _quote_only(block: list[Line], i: int, quotes: dict[int, int]) -> bool:
    """Every head line of the block is a pull quote of article i, and no byline ties the block
    to its article as a headline (dev page 35: `苍蝇不叮无缝的蛋` / `丁坚铭李建兴`, the end of
    a headline that its body repeats)."""
    heads = [ln for ln in block if ln.kind == "head"]
    bylines = [ln for ln in block if ln.kind == "byline"]
    return bool(heads) and not bylines and all(quotes.get(id(ln)) == i for ln in heads)


def place_pull_quotes(blocks: list[list[Line]], owner: dict[int, int], quotes: dict[int, int],
                      scores: dict[tuple[int, int], float]) -> tuple[list[list[Line]], dict[int, int], list[Line]]:
    """Take pull quotes out of the blocks of other articles, and out of blocks that are an
    article's own quotes alone; the articles whose quotes were taken out and that hold no block
    then choose again among the blocks nobody took (dev page 5: `我国农业正经历着由传统农业向
    现代农业的转变` took its article's place before `信阳人` / `的眼光`). An article whose block
    was another's quote alone is left without one: letting it choose again cost bylines on dev
    pdftotext 1-20 (0.7578 -> 0.7516), headlines alike. Returns the blocks, their owners and
    the quotes taken out (each goes to its own article, `attach_pull_quotes`)."""
    loose: list[Line] = []
    out = []
    held = {id(ln) for k in owner for ln in blocks[k]}  # a leftover adopted stays listed too
    for k, block in enumerate(blocks):
        i = owner.get(k)
        if i is not None and _quote_only(block, i, quotes):
            take = [ln for ln in block if id(ln) in quotes]
        else:
            take = [ln for ln in block if id(ln) in quotes and quotes[id(ln)] != i
                    and (i is not None or id(ln) not in held)]
        loose.extend(take)
        gone = {id(ln) for ln in take}
        out.append([ln for ln in block if id(ln) not in gone] if take else block)
    owner = {k: i for k, i in owner.items() if any(ln.kind == "head" for ln in out[k])}
    choosing = {quotes[id(ln)] for ln in loose} - set(owner.values())
    # a leftover another block adopted (`adopt_adjacent_leftovers`) is still listed on its own:
    # not free (taken twice, its line was printed twice: a simulated page's kicker became a
    # second article's headline)
    kept = {id(ln) for k in owner for ln in out[k]}
    # nor is one holding a quote taken out of the block that adopted it (its line went to its
    # article as a kicker, and came back as its headline: printed twice; found by fuzzing)
    kept |= {id(ln) for ln in loose}
    free = {k for k, block in enumerate(out) if k not in owner and any(ln.kind == "head" for ln in block)
            and not any(id(ln) in kept for ln in block)}
    again = {(k, i): s for (k, i), s in scores.items() if k in free and i in choosing}
    owner.update(dict(max_weight_pairs(again)))
    return out, owner, loose


def attach_pull_quotes(page: Page, loose: list[Line], quotes: dict[int, int]) -> None:
    """Each pull quote taken out opens its article's head: its kicker, or its headline when
    the article has none."""
    for ln in loose:
        art = page.articles[quotes[id(ln)]]
        text = ln.text.strip()
        if art.headline is None and art.kicker is None:
            art.headline = text
        else:
            art.kicker = text if art.kicker is None else text + " " + art.kicker
        page.claim(ln, art)
        art.because(PULL_QUOTE_REASON)
        ln.because(PULL_QUOTE_REASON)
