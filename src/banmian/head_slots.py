"""Head slots side by side: how pdftotext prints the heads of slots set next to each other, and
how the `headlines` stage takes them apart before it cuts runs into units.

pdftotext reads a band of heads by height, row by row: a neighbour slot's one-line headline set
level between the two lines of a broken headline comes between them (`interleaved_head_lines`),
the second lines of slots side by side follow the first lines in turn (`second_lines_in_turn`),
and where two slots' first lines share one input line (a row cut at the gutter by
`split_head_rows`) the line under the row is the second line of one of them
(`line_under_row_to_its_slot`), never the other part's tier (`beside_in_a_row`).
"""
from __future__ import annotations

from typing import Final

from banmian.head_bigrams import bigram_keys
from banmian.head_row_parts import row_part
from banmian.language import spanning_word
from banmian.line_shape import opens_with_dash
from banmian.model import Line
from banmian.rules.chars import has_clause_mark, strip_ws

# A head line taken out from between a headline's two lines (`interleaved_head_lines`).
INTERLEAVED_HEAD_REASON: Final = "headline:neighbour_line_between_broken_headline"
# At most this many lines of a neighbour's head between a broken headline's two lines: its
# one-line headline, or its two lines (simulated TRAIN page 120: `“眼睛闭合报` / `杭州吉祥` /
# `如意年味浓` / `警器”防瞌睡`, the second headline beside the first, a line lower).
MAX_INTERLEAVED_LINES: Final = 2
# Clause punctuation (`CLAUSE_MARKS`): a line holding one is a sentence (a body line read as head),
# not a headline's line broken mid-word (TRAIN page 130: `慰问信说，全国公安战` ... `线革命烈士…`);
# a headline may ask or exclaim, so `？！` do not count here.


def interleaved_head_lines(blocks: list[list[Line]]) -> list[list[Line]]:
    """Take out of a block the head lines printed between two head lines A and B of another
    headline (at most MAX_INTERLEAVED_LINES), as a block of their own set after it: a word runs
    across A and B (`spanning_word`, dictionary words only), none across A and the first line
    between nor the last and B. pdftotext reads two slots' heads side by side by height, so a
    neighbour's headline set level between the two lines of a broken headline comes between
    them (simulated TRAIN pdftotext page 20: `专家建议在乡镇` / `过年` / `企业推广清洁生产`; page
    124: `全国排球联赛战罢五轮河` / `解放军三总部举行` / `南男排上海女排仍居榜首`; page 6: the
    neighbour's line a part of the first line's row cut at the gutter). Kept in, the neighbour's
    line read as the headline's second line and the neighbour lost its head. Not where A and B
    are parts of one input line (a row of three slots' heads), nor where A was first read as a
    body line or A or B holds clause punctuation (`CLAUSE_MARKS`: body text), and only in dumps
    with blank lines (`separates_blocks`): raw and PyMuPDF dumps print no such run (TRAIN: the
    cue found no headline there, five wrong triples). TRAIN pdftotext: one line between, 12
    a headline's lines round a neighbour's, 6 others (a merged row), none a kicker over its
    headline; two lines between, 6 right, none wrong; dev 1-40: page 3 (two lines between)."""
    out: list[list[Line]] = []
    for block in blocks:
        keep: list[Line] = []
        taken: list[list[Line]] = []
        k = 0
        while k < len(block):
            gap = 0
            if keep:
                gap = next((g for g in range(1, MAX_INTERLEAVED_LINES + 1)
                            if k + g < len(block) and _between_broken(keep[-1], block[k:k + g], block[k + g])), 0)
            if gap:
                mids, after = block[k:k + gap], block[k + gap + 1:k + 2 * gap + 1]
                for ln in mids:
                    ln.because(INTERLEAVED_HEAD_REASON)
                if DEAL_SECOND_LINES and second_lines_in_turn(mids, after):
                    taken.extend([m, a] for m, a in zip(mids, after))
                    keep.append(block[k + gap])
                    block = block[:k + gap + 1] + block[k + 2 * gap + 1:]  # the second lines dealt
                else:
                    taken.append(mids)
                    keep.append(block[k + gap])
                k += gap + 1
                continue
            keep.append(block[k])
            k += 1
        out.append(keep)
        out.extend(taken)
    return out


# `second_lines_in_turn`: the second lines of slots side by side, printed in turn after the first.
DEAL_SECOND_LINES = True


def second_lines_in_turn(mids: list[Line], after: list[Line]) -> bool:
    """The head lines `after`, printed right after a broken headline's second line, are the
    second lines of the slots whose first lines `mids` stood between its two lines: slots side
    by side, pdftotext prints their heads row by row, each row's lines in turn (dev pdftotext
    page 3: `从评选最佳中` / `从单纯赞助` / `体育的产业` / `场球员想到的` / `到全面参与` / `定位要科学`,
    three slots' two-line headlines; simulated TRAIN pages 137, 265, 280: `河北部署下阶段抗震救灾工`
    … `作引导灾民恢复生产重建家园`). Only as many lines as `mids`, all head lines, none a dash
    subtitle and none a part of a head row cut at a gutter (`row_part`: there the line after is as
    often the first headline's own subtitle, TRAIN page 6: `致使一些比赛出现误判`)."""
    return (len(after) == len(mids) and all(ln.kind == "head" and not opens_with_dash(ln.text) for ln in after)
            and not any(row_part(ln) for ln in mids + after))


def _between_broken(a: Line, mids: list[Line], b: Line) -> bool:
    """`mids` stand between the two lines `a` and `b` of one broken headline (`interleaved_head_lines`)."""
    if not all(ln.kind == "head" for ln in [a, b] + mids) or a.no == b.no:
        return False
    ta, tb = strip_ws(a.text), strip_ws(b.text)
    if has_clause_mark(ta + tb) or any(r.startswith("body:") for r in a.reasons):
        return False
    return (spanning_word(ta, tb, hmm=False) is not None and spanning_word(ta, strip_ws(mids[0].text), hmm=False) is None
            and spanning_word(strip_ws(mids[-1].text), tb, hmm=False) is None)


# The lone head line under a head row cut at a gutter put after the row's left part
# (`line_under_row_to_its_slot`).
UNDER_ROW_REASON: Final = "headline:line_under_row_to_left_slot"


def line_under_row_to_its_slot(block: list[Line], openings: list[set[int]]) -> list[Line]:
    """The block with the head line N printed on the input line under a head row cut at a gutter
    into two parts (`split_head_rows`: P1 the left slot's line, P2 the right one's) moved up
    between them when N reads on from P1 more than from P2: the bigrams P1 + N finds in some
    article's opening beyond P1's own outnumber those P2 + N finds beyond P2's. Two slots' heads
    side by side share the row of their first lines, and the line under is the second line of
    one of them; printed after P2, N could only go with P2 or alone (`spans_two_slots` keeps P1
    and P2 apart; simulated TRAIN pdftotext page 277: `民政部慰问 湖州学先` / `三总部和武警`, the
    last with `湖州学先`, the left headline without its second line; pages 35, 81, 122, 165, 255
    alike). TRAIN: 10 moved right, 2 wrong (one a body line run, one its right slot's); TRAIN
    pdftotext headline_acc 0.6138 -> 0.6166. Dev 1-40: page 37 (`房改你真要改吗 俄官员会晤车臣领导人`
    / `全国可出售公房…`, right), the block left over before and after."""
    for i in range(len(block) - 2):
        p1, p2, n = block[i], block[i + 1], block[i + 2]
        if not (row_part(p1) == 1 and row_part(p2) == 2 and p1.no == p2.no and row_part(n) == 0
                and n.no == p1.no + 1 and p1.kind == p2.kind == n.kind == "head"):
            continue
        t1, t2, tn = strip_ws(p1.text), strip_ws(p2.text), strip_ws(n.text)
        if _reads_on_gain(t1, tn, openings) > _reads_on_gain(t2, tn, openings):
            n.because(UNDER_ROW_REASON)
            return block[:i + 1] + [n, p2] + block[i + 3:]
    return block


# `line_under_rows_to_its_slot`: the same for runs of rows dealt slot by slot.
UNDER_ROWS = True
# The lone head line under rows dealt slot by slot moved to its slot (`line_under_rows_to_its_slot`).
UNDER_ROWS_REASON: Final = "headline:line_under_rows_to_its_slot"


def line_under_rows_to_its_slot(block: list[Line], openings: list[set[int]]) -> list[Line]:
    """`line_under_row_to_its_slot` where the slots' lines over the line N stand slot by slot
    (`split_head_rows`: rows of parts, or lone first lines dealt over a row's parts, read a
    slot's lines, then the next slot's), at least one slot two lines deep: N, printed on the
    input line under the last row, goes after the slot whose last line it reads on from most
    (`_reads_on_gain`), where that beats the last slot, which it follows in print. Left there,
    it went to the right slot's head (simulated TRAIN pdftotext page 72: `——竞争演讲三道关`
    under `按照“公平、公开、公正”` / `原则湖北万名税官竞争上岗` beside `鞍山公安局` / `治安先治警`;
    page 215: `——一个地方的矿产资源管理搞得好不好` under two two-line headlines side by side).
    TRAIN pdftotext: 3 moved, all to their gold slot (page 220's two slots then
    given to each other's articles all the same; headline_acc 41-300 0.6727 -> 0.6741); sim VAL
    pdftotext 1-40 / 41-120 0.6136 / 0.6343 -> 0.6195 / 0.6375; dev 1-40 unchanged."""
    if not UNDER_ROWS:
        return block
    for k in range(2, len(block)):
        n = block[k]
        if n.kind != "head" or row_part(n) or not row_part(block[k - 1]):
            continue
        a = k
        while a > 0 and row_part(block[a - 1]) and block[a - 1].kind == "head":
            a -= 1
        run = block[a:k]
        slots: list[list[Line]] = []
        for ln in run:
            if slots and row_part(slots[-1][-1]) == row_part(ln):
                slots[-1].append(ln)
            else:
                slots.append([ln])
        parts = [row_part(s[0]) for s in slots]
        if (len(slots) < 2 or parts != sorted(set(parts)) or max(len(s) for s in slots) < 2
                or n.no != max(ln.no for ln in run) + 1):
            continue
        tn = strip_ws(n.text)
        gains = [_reads_on_gain(strip_ws(s[-1].text), tn, openings) for s in slots]
        best = max(range(len(slots)), key=lambda c: (gains[c], c))
        if best == len(slots) - 1 or gains[best] <= gains[-1]:
            continue
        n.because(UNDER_ROWS_REASON)
        at = a + sum(len(s) for s in slots[:best + 1])
        return block[:at] + [n] + block[at:k] + block[k + 1:]
    return block


def _reads_on_gain(top: str, under: str, openings: list[set[int]]) -> int:
    """How many more bigrams of `top` + `under` than of `top` alone the best opening holds."""
    def gain(t: str) -> int:
        keys = bigram_keys(t)
        return max((len(keys & o) for o in openings), default=0)
    return gain(top + under) - gain(top)


def beside_in_a_row(block: list[Line], leftover: list[Line]) -> bool:
    """The leftover and the block hold parts of one head row cut at a gutter (`split_head_rows`:
    the same input line, different parts): two slots' heads printed side by side, never one
    head's tiers, as `head_row_parts.spans_two_slots` has it for a unit. Adopted as a kicker or a
    subtitle (`adopt_adjacent_leftovers`), the neighbour slot's line was read into the head
    (simulated TRAIN pdftotext page 122: `武汉：燃气 乔石会见`, cut in two, `服务进万家` under it,
    the left part left over and taken back over the rest; page 277: `民政部慰问 湖州学先` /
    `三总部和武警`)."""
    rows = {(ln.no, row_part(ln)) for ln in block if row_part(ln)}
    return any(row_part(ln) and (ln.no, row_part(ln)) not in rows and any(ln.no == no for no, _ in rows)
               for ln in leftover)


# A leftover part of a cut head row joined to the one-line headline it was cut from
# (`row_part_rejoins`).
ROW_PART_REJOINED_REASON: Final = "headline:row_part_rejoins_its_headline"
# The two lines of one headline set in one slot run about as many characters each: at most this
# many apart (simulated TRAIN pdftotext: the six rejoined, all right, are 1 apart; with no such
# bound two more fired wrong, page 85 `19` / `联合国特委会负责人强调`, page 244 `最好的祝` under a
# 22-character headline).
ROW_PART_LENGTH_SLACK: Final = 1


def row_part_rejoins(held: list[Line], part: list[Line]) -> bool:
    """The leftover `part`, one head line cut off a head row at a gutter (`row_part`), is the
    other line of the one-line headline `held` its article holds: two slots' heads set side by
    side in a band, pdftotext prints them row by row and `split_head_rows` cuts each row at the
    gutter, so a headline's two lines can end up in different blocks, the one taken by its
    article, the other left over (simulated TRAIN pdftotext page 85: `俄积极支持建立多极世界` /
    `叶利钦说应加强独联体工作`; page 107: `巴解政治部主任卡杜米` / `表示需召开世界巴人大会`; pages 81,
    211, 277 with the part first). The two lines of one headline, set in one type size in one
    slot, run about as many characters (ROW_PART_LENGTH_SLACK); a subtitle, a kicker or a
    neighbour's headline seldom does. No dash subtitle. TRAIN pdftotext: fires 6 times, all
    right (headline_acc 41-300 0.6336 -> 0.6364), never in raw or PyMuPDF dumps (no cut rows);
    sim VAL pdftotext 1-40 0.5811 -> 0.5841; dev 1-40: never fires."""
    if len(held) != 1 or len(part) != 1:
        return False
    a, b = held[0], part[0]
    return (a.kind == b.kind == "head" and row_part(b) > 0 and not opens_with_dash(a.text)
            and not opens_with_dash(b.text)
            and abs(len(strip_ws(a.text)) - len(strip_ws(b.text))) <= ROW_PART_LENGTH_SLACK)
