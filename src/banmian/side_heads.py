"""Side-by-side head blocks: deal the stanzas of a head run to the two headlines printed in turn.

Two articles' head blocks set side by side share their rows: pdftotext prints the two
headlines, then the subtitle or byline of the one and of the other, each row a text block of
its own (blank lines between), so the run reads block A's headline, block B's headline, A's
next tier, B's next tier, ... (dev pdftotext page 7: `军中走出的虎`, `珊瑚滩上种菜王`,
`洪虎手上磨出一把血泡` / `张印东周庆新焦守云`, `卢永华`; page 19: `警惕，又到公款送礼时`,
`一封下级对` / `上级的表扬信`, `田有社`, `保卫处陈洪顺处长两次来南召` / `胡延奇郑斌杨书浩`;
page 31: `唱国歌与写杂文`, `温馨的贺卡`, `胡昭衡`; page 35: `深化改革` / `防范风险`,
`改革平稳发展——` / `’97财金大势回眸`, `注意掌握调控力度`). Cut where the words change
article (`head_units.split_by_content`) such a run gives one article the other's headline and
its own subtitle or byline another's.

A run of three or more stanzas (groups of head lines set apart by blank lines) is dealt in
turn, odd stanzas to one block and even to the other, when its first two stanzas are head
lines alone (no byline), the head stanzas of each turn name one article (`_article_of`: its
opening repeats their words most, `MIN_STANZA_GAIN` bigrams or more), the two turns two
different ones, no head stanza of a turn prefers the other turn's article, every stanza after
the first two is a byline alone or names its turn's article, and no byline stands inside a
block. The first stanza may name none (page 7: `军中走出的虎` shares no word with its opening)
unless it is much longer than the second (a kicker over its headline). Dev 1-40 pdftotext: runs
dealt on pages 2, 4, 7, 12 (two), 17, 19, 31, 35, each as the gold sets the heads; heads put
right on pages 7 (two), 12, 19, 31 (two), 35 (two), a byline on page 4. Raw and PyMuPDF dumps
print no blank lines: the rule never fires there.
"""
from __future__ import annotations

from typing import Final

from banmian.head_tiers import KICKER_LENGTH_RATIO
from banmian.head_bigrams import bigram_keys
from banmian.model import Line
from banmian.rules.chars import strip_ws

DEAL_REASON: Final = "headline:dealt_side_by_side"
# A headline stanza must share this many bigrams with an article's opening to name its article
# (two: a headline's two-character word and one more; one shared bigram is chance, dev 1-40
# pdftotext: `温馨的贺卡` shares `贺卡` and more with its own article's opening, page 31).
MIN_STANZA_GAIN: Final = 2
# At most this many stanzas in a dealt run: two blocks of headline, subtitle and byline rows
# (dev pages 7 and 19 hold four).
MAX_STANZAS: Final = 6
# A first stanza whose words no opening repeats (dev page 7: `军中走出的虎`, its article's
# opening `宁洪虎朝我们面前一站…` shares none) is dealt only when the second is no more than
# KICKER_LENGTH_RATIO (`head_tiers`) as long (`_kicker_length`): much shorter, the second is a
# headline under its kicker.


def stanzas(run: list[Line], pos: dict[int, int]) -> list[list[Line]]:
    """The lines of a head run (page order) in groups printed together: a new group where any
    line (a blank one) stands between two of them."""
    out: list[list[Line]] = []
    for ln in run:
        if out and pos[id(ln)] == pos[id(out[-1][-1])] + 1:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _heads_only(stanza: list[Line]) -> bool:
    return all(ln.kind == "head" for ln in stanza)


def _byline_only(stanza: list[Line]) -> bool:
    return all(ln.kind == "byline" for ln in stanza)


def _gains(stanza: list[Line], openings: list[set[int]]) -> list[int]:
    keys = bigram_keys("".join(ln.text for ln in stanza if ln.kind == "head"))
    return [len(keys & o) for o in openings]


def _article_of(gains: list[int]) -> int:
    """The article whose opening repeats the most of a stanza's bigrams, at least
    MIN_STANZA_GAIN and more than any other's; -1 when none does."""
    if not gains:
        return -1
    best = max(gains)
    if best < MIN_STANZA_GAIN or gains.count(best) > 1:
        return -1
    return gains.index(best)


def deal(run_stanzas: list[list[Line]], openings: list[set[int]]) -> tuple[list[Line], list[Line]] | None:
    """The two blocks of a run printed in turn (odd stanzas, even stanzas), or None when the
    run does not read as two head blocks side by side (module docstring)."""
    if not 3 <= len(run_stanzas) <= MAX_STANZAS:
        return None
    first, second = run_stanzas[0], run_stanzas[1]
    if not (_heads_only(first) and _heads_only(second)):
        return None
    if _article_of(_gains(first, openings)) == -1 and _kicker_length(first, second):
        return None
    blocks: list[list[Line]] = [[], []]
    gains: list[list[list[int]]] = [[], []]  # each turn's head stanzas' gains
    for m, stanza in enumerate(run_stanzas):
        block = blocks[m % 2]
        if block and block[-1].kind == "byline":  # a byline closes its block
            return None
        block.extend(stanza)
        if not _byline_only(stanza):
            gains[m % 2].append(_gains(stanza, openings))
    arts = [_turn_article(gains[0]), _turn_article(gains[1])]
    if -1 in arts or arts[0] == arts[1]:
        return None
    for turn in (0, 1):  # no head stanza of a turn prefers the other turn's article
        own, other = arts[turn], arts[1 - turn]
        if any(g[other] > g[own] for g in gains[turn]):
            return None
    for m, stanza in enumerate(run_stanzas[2:], start=2):  # a later head stanza names its turn's
        if not _byline_only(stanza) and _article_of(_gains(stanza, openings)) != arts[m % 2]:
            return None
    return blocks[0], blocks[1]


def _turn_article(turn_gains: list[list[int]]) -> int:
    """The one article the head stanzas of a turn name (`_article_of`), -1 when they name none
    or two."""
    named = {_article_of(g) for g in turn_gains} - {-1}
    return named.pop() if len(named) == 1 else -1


def _kicker_length(first: list[Line], second: list[Line]) -> bool:
    """The second stanza is much shorter than the first: a headline under its kicker
    (`head_tiers.KICKER_LENGTH_RATIO`), not a neighbour's headline."""
    a = len(strip_ws("".join(ln.text for ln in first)))
    b = len(strip_ws("".join(ln.text for ln in second)))
    return b <= KICKER_LENGTH_RATIO * a


def deal_side_by_side(blocks: list[list[Line]], pos: dict[int, int], lines: list[Line],
                      openings: list[set[int]]) -> tuple[list[list[Line]], set[int]]:
    """The head blocks (page order) with each run of them printed as two side-by-side head
    blocks in turn (`deal`) replaced by its two blocks, the one ending where the run ends
    last; and the ids of the blocks so made (not to be cut again). `pos`: line id -> index
    in `lines` (the page's lines)."""
    runs: list[list[list[Line]]] = []
    for block in blocks:
        if runs and block and runs[-1][-1]:
            i, j = pos[id(runs[-1][-1][-1])], pos[id(block[0])]
            if i < j and all(ln.kind == "blank" for ln in lines[i + 1:j]):
                runs[-1].append(block)
                continue
        runs.append([block])
    out: list[list[Line]] = []
    made: set[int] = set()
    for run in runs:
        flat = [ln for block in run for ln in block]
        dealt = deal(stanzas(flat, pos), openings) if flat else None
        if dealt is None:
            out.extend(run)
            continue
        a, b = dealt
        pair = [a, b] if pos[id(a[-1])] < pos[id(b[-1])] else [b, a]
        for block in pair:
            for ln in block:
                ln.because(DEAL_REASON)
            made.add(id(block))
            out.append(block)
    return out, made
