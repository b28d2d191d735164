"""Headline runs cut into units: where a run of head lines printed together holds several
articles' headlines, the cut that earns the most character bigrams of the articles' openings
(`split_by_content`; the bigram sets it is scored with are `head_bigrams`', the parts of a head
row cut at a gutter `head_row_parts`').

pdftotext and raw dumps print a band's headlines, or all of a page's, as one run; the
`headlines` stage cuts it here before giving each unit to its article.
"""
from __future__ import annotations

import re
from typing import Final, cast

from banmian.head_bigrams import bigram_keys
from banmian.head_breaks import BROKEN_WORD_CUT_COST, word_runs_across
from banmian.head_context import AGAINST_HEADLINE_REASON
from banmian.head_row_parts import right_of_gutter, row_part, spans_two_slots
from banmian.line_shape import WIDE_HEAD_REASON, head_runs_on_by_dash, mark_dash_run_ons, opens_with_dash
from banmian.model import Line
from banmian.rules.chars import strip_ws

# A unit of a headline run must earn this many bigrams found in an article's opening to stand
# on its own (dev 1-40, head + byline accuracy over the three dumps: 2 and 3 alike, 5 worse).
UNIT_COST: Final = 3.0
MAX_UNIT_LINES: Final = 6  # kicker, two-line headline, two-line subtitle, byline
# What a unit set off from the one before by a blank line costs: nothing. pdftotext prints one
# headline's lines as one text block and sets blocks apart by blank lines, so a blank line
# inside a run is a cut wherever the words on its two sides recur in different articles'
# openings (dev page 29: `中共代表团` / `出访非洲三国`, blank, `无情冰雪锁藏北救援物资八方` / …).
# Dev pdftotext headline_acc 1-20 / 21-40 at 3 (UNIT_COST): 0.6460 / 0.6026; 1-1.5: 0.6460 /
# 0.6282 (byline 21-40 0.7180 -> 0.7308); 0-0.5: 0.6522 / 0.6539 (bylines unchanged; charging a
# unit holding a byline nothing too loses bylines, 21-40 0.7180 -> 0.7051). Raw and PyMuPDF
# dumps hold no blank lines.
BLANK_CUT_COST: Final = 0.0


# Whitespace `strip_ws` may keep inside a text (it removes all of it only from a text holding a
# space, a tab or an ideographic space): with none, a unit's text strips to its lines' stripped.
_RARE_SPACE: Final = re.compile(r"[^\S \t\u3000]")


def _unit_gains(block: list[Line], openings: list[set[int]]) -> list[list[int]]:
    """gains[a][m]: the most bigrams of the text of `block[a:a + m + 1]` (a unit of at most
    MAX_UNIT_LINES lines) found in any one article's opening. A unit's bigrams are the shorter
    unit's, the new line's own and the pair across the line break: each line's are found once,
    and each opening's count of a unit is the shorter unit's plus its bigrams new to the unit."""
    if _RARE_SPACE.search("".join([ln.text for ln in block])):
        return _unit_gains_joined(block, openings)
    texts = [strip_ws(ln.text) for ln in block]
    own = [bigram_keys(t) for t in texts]
    gains = []
    n_open = len(openings)
    # key -> the openings holding it, found once per key: a unit starting at each line meets the
    # same keys again (up to MAX_UNIT_LINES times), and most keys are in few of the openings
    holders: dict[object, list[int]] = {}
    for a in range(len(block)):
        keys: set[int] = set()
        found = [0] * n_open  # the unit's bigrams found in each opening so far
        best = 0  # the most of them (0 without openings, as max's default)
        last = ""  # the unit's last character so far
        row: list[int] = []
        for t, t_keys in zip(texts[a:a + MAX_UNIT_LINES], own[a:a + MAX_UNIT_LINES]):
            if t:
                # only the bigrams new to the unit change its counts: each is looked for once
                # (held as objects: the compiled build boxes no integer to look one up)
                new: list[object] = [k for k in cast(set[object], t_keys) if k not in keys]
                if last:
                    cross = ord(last) << 21 | ord(t[0])
                    if cross not in keys and cross not in t_keys:
                        new.append(cross)
                if new:
                    keys.update(cast(list[int], new))
                    for k in new:
                        held = holders.get(k)
                        if held is None:
                            held = holders[k] = [j for j in range(n_open) if k in cast(set[object], openings[j])]
                        for j in held:
                            got = found[j] + 1
                            found[j] = got
                            if got > best:
                                best = got
                last = t[-1]
            row.append(best)
        gains.append(row)
    return gains


def _unit_gains_joined(block: list[Line], openings: list[set[int]]) -> list[list[int]]:
    """`_unit_gains`, each unit's text joined and its bigrams found anew."""
    def gain(lines: list[Line]) -> int:
        keys = bigram_keys("".join(ln.text for ln in lines))
        return max((len(keys & o) for o in openings), default=0)
    return [[gain(block[a:b]) for b in range(a + 1, min(len(block), a + MAX_UNIT_LINES) + 1)]
            for a in range(len(block))]


def _split_points(block: list[Line], openings: list[set[int]], after_blank: frozenset[int] = frozenset(),
                  blank_parted: bool = False) -> list[int]:
    """Where units start in the block: the split that earns the most opening bigrams, less
    UNIT_COST per unit (BLANK_CUT_COST for one opening on a line in `after_blank`, ids of lines
    right under a blank line, unless it holds a byline: `_unit_cost`). Of splits earning the
    same, the one with fewest cuts where no blank line stands, then most head units set off by
    a blank line (`_cut_kind`), then longer last units (a kicker sharing no words goes with the
    headline under it); a dash line (a subtitle) never starts a unit, and none ends on a head
    line ending on a dash (`line_shape.head_runs_on_by_dash`). A cut inside a word or a quotation
    broken over two lines (`head_breaks.word_runs_across`) costs BROKEN_WORD_CUT_COST."""
    n = len(block)
    whole = bigram_keys("".join(ln.text for ln in block))
    openings = [o for o in openings if not whole.isdisjoint(o)]  # the articles the run may hold
    gains = _unit_gains(block, openings)
    slotted = any(row_part(ln) for ln in block)  # holds parts of a cut head row (`spans_two_slots`)
    # a cut before block[a] would part one headline broken inside a word or a quotation
    broken = [a > 0 and word_runs_across(block[a - 1], block[a], after_blank) for a in range(n)]
    # a cut before block[a] would part two head lines of one text block of pdftotext's
    glued = [blank_parted and ONE_TEXT_BLOCK_HEADS and not slotted and a > 0
             and one_text_block(block[a - 1], block[a], after_blank)
             for a in range(n)]
    for ln, kept in zip(block, glued):
        if kept:
            ln.because(ONE_TEXT_BLOCK_REASON)
    best: list[tuple[float, int, int]] = [(0.0, 0, 0)] + [(float("-inf"), 0, 0)] * n
    start = [0] * (n + 1)
    for b in range(1, n + 1):
        for a in range(max(0, b - MAX_UNIT_LINES), b):
            if a > 0 and (opens_with_dash(block[a].text) or head_runs_on_by_dash(block[a - 1])):
                continue
            if slotted and spans_two_slots(block[a:b]):
                continue
            if glued[a]:
                continue
            v = best[a][0] + gains[a][b - a - 1] - _unit_cost(block, a, b, after_blank)
            if broken[a]:
                v -= BROKEN_WORD_CUT_COST
            plain, set_off = _cut_kind(block, a, b, gains[a][b - a - 1], after_blank)
            ranked = (v, best[a][1] - plain, best[a][2] + set_off)
            if ranked > best[b]:
                best[b], start[b] = ranked, a
    cuts, b = [], n
    while b > 0:
        cuts.append(start[b])
        b = start[b]
    cuts.sort()
    # the first unit is never set off (`_cut_kind`), and it alone may run past MAX_UNIT_LINES (its
    # gain never counted): where every cut in reach of a line is barred (seven head lines of one
    # text block, `one_text_block`), `start` keeps 0 (found by fuzzing: IndexError on gains)
    for a, b in zip(cuts, cuts[1:] + [n]):
        if a > 0 and _cut_kind(block, a, b, gains[a][b - a - 1], after_blank)[1]:
            block[a].because(SET_OFF_REASON)
    return cuts


# `one_text_block`: in dumps that part text blocks by blank lines (pdftotext's), two head lines
# printed one right under the other, no blank line between, are never cut apart by content.
ONE_TEXT_BLOCK_HEADS = True  # switch (tests)
ONE_TEXT_BLOCK_REASON: Final = "headline:no_cut_inside_text_block"


def one_text_block(above: Line, line: Line, after_blank: frozenset[int]) -> bool:
    """`above` and `line` are head lines printed on consecutive input lines, no blank line
    between (`line` not in `after_blank`), neither a part of a head row cut at a gutter
    (`row_part`): one text block of pdftotext's. pdftotext sets each text block off by a blank
    line and prints one headline's lines, and a kicker or a subtitle set right against it, as
    one block; two slots' heads side by side come as the parts of a cut row, and heads one over
    the other are two blocks. Cut by content (`_split_points`), such a pair was most often one
    head parted: the article's body split elsewhere, its split-off opening repeating one line's
    words took that line (simulated TRAIN pdftotext page 126: `江泽民在中纪委二次全会上发表重要
    讲话强调` / `毫不放松继续推进党风廉政建设和反腐败斗争`, the first line given to the piece
    quoting it; pages 9, 11, 35, 51, 59, 84, 92, 177, 254 alike). TRAIN 1-300: such content
    cuts parted one gold head 24 times, two heads 4 times. A body line taken for a head line
    only for standing against a headline (`head_context.AGAINST_HEADLINE_REASON`) may be the
    last line of a column run on into a neighbour's headline (dev page 2: `罗斌代表迟浩田在招待
    会上` over `李铁映在全国体委主任会议上强调`): a cut there stays free. Raw and PyMuPDF dumps
    print no blank lines, so no block is told there; nor in a run holding parts of a cut head row
    (`split_head_rows`), whose lines under the row may be either slot's (TRAIN page 8:
    `会主任回良玉当选安徽省省长` over `张家港开展文明市民教育`, two slots' second lines).
    TRAIN pdftotext: heads up on pages 36, 61, 63, 84, 92, 103, 126, 254, 259, none down;
    headline_acc 41-300 0.6802 -> 0.6839 (1-40 0.7051 -> 0.7083); sim VAL pdftotext 1-40 /
    41-120 0.6195 / 0.6439 -> 0.6254 / 0.6502 (article_exact 41-120 0.5723 -> 0.5707, one
    article); raw, PyMuPDF and dev 1-40 unchanged."""
    return (above.kind == "head" and line.kind == "head" and id(line) not in after_blank
            and line.no == above.no + 1 and row_part(above) == 0 and row_part(line) == 0
            and AGAINST_HEADLINE_REASON not in above.reasons and AGAINST_HEADLINE_REASON not in line.reasons)


# A head line wider than the column spans the headline's slot under it: set off over a headline
# by a blank line it is that headline's kicker or pull quote (dev page 25: `必须认真抓好重点项目布局
# 工作`, blank, `中国体育试行承包制田径` / `游泳奥运夺金任务分配到省`), not a headline of its own.
SET_OFF_REASON: Final = "headline:unit_set_off_by_blank_line"


def _cut_kind(block: list[Line], a: int, b: int, gain: int, after_blank: frozenset[int]) -> tuple[int, int]:
    """(plain, set_off) of a cut before block[a] opening the unit block[a:b] that earns `gain`:
    plain 1 where no blank line stands over a head line there (or a byline opens the unit),
    set_off 1 where a blank line sets the unit off, it holds no byline and earns bigrams, and
    the line above is no line wider than the column (WIDE_HEAD_REASON). They break ties of
    worth (`_split_points`): pdftotext prints one headline's lines as one text block, so words
    shared alike (a head line both of whose sides' words one opening repeats, `挂起红灯迎新年`
    over `李鹏在北` / `京考察企业`, dev page 15, the first a photo's headline) leave the cut
    where the blank line is. A kicker so cut off is left over and goes back over its headline
    (`adopt_adjacent_leftovers`); a byline set off under headlines is another headline's
    (`side_by_side_bylines`), and a line no opening repeats (a date, `1998年1月7日`, page 32)
    holds nothing to part. Dev pdftotext 1-40: cuts on pages 1, 7, 15, 21, 24, 29, 30; the
    kickers and subtitles cut off went back; heads put right on pages 15 (two) and 30, none
    put wrong; headline_acc 1-20 / 21-40 0.7329 / 0.7628 -> 0.7453 / 0.7692, bylines unchanged.
    Raw and PyMuPDF dumps hold no blank lines."""
    if a == 0:
        return 0, 0
    blank = id(block[a]) in after_blank and block[a].kind == "head"
    set_off = (blank and gain > 0 and not any(ln.kind == "byline" for ln in block[a:b])
               and WIDE_HEAD_REASON not in block[a - 1].reasons)
    return int(not blank), int(set_off)


def _unit_cost(block: list[Line], a: int, b: int, after_blank: frozenset[int]) -> float:
    """What the unit block[a:b] costs: BLANK_CUT_COST when a blank line sets it off from the
    line before, unless it holds a byline; else UNIT_COST. pdftotext prints two headlines side
    by side one after the other and the first one's byline after both, with the second (dev
    page 27: `“007”` / `与冷战思维` beside `张武扬`, the name the headline above's, page 31):
    such a unit is a unit only where its words say so. A cut at a head row's gutter
    (`right_of_gutter`) costs BLANK_CUT_COST too, and so does a unit set off by a blank line
    from a head of two lines or more, that is a head with its byline on its own line under it
    (`closed_by_own_byline`)."""
    if a > 0 and id(block[a]) in after_blank and not any(ln.kind == "byline" for ln in block[a:b]):
        return BLANK_CUT_COST
    if a > 0 and right_of_gutter(block[a - 1], block[a]):
        return BLANK_CUT_COST
    if (a >= 2 and id(block[a]) in after_blank and closed_by_own_byline(block[a:b])
            and id(block[a - 1]) not in after_blank):
        return BLANK_CUT_COST
    return UNIT_COST


def closed_by_own_byline(unit: list[Line]) -> bool:
    """The unit is head lines with one byline printed on its own input line under them, its
    last line: a headline with its byline, as a slot's head is printed. Set off by a blank line
    from a head of two lines or more above (`_unit_cost`), it costs no more than a unit holding
    no byline: pdftotext prints the heads of slots side by side one after the other, each with
    the byline under it (simulated TRAIN page 2: `包户扶贫` / `重在『扶』`, blank, `发展县域经济`
    / `要有科学方略` / `山西省交口县县长李来福`, the left head's byline after both; page 22
    alike), and charging the second unit UNIT_COST kept the two heads one block, the left one's
    article headless. A single line set off above is the headline's kicker, not a head of its
    own (TRAIN pages 79, 119, 241, 271, 291: `国际国内的许多金融风险事件`, blank, `信息时代金` /
    `融风险防范` / `秦池江`; cutting there lost those heads and bylines). A byline cut off a head
    row (`row_part`) is printed beside, not under, its head and may be the head above's (dev page
    27: `与冷战思维 张武扬`, the name `走近米` / `兰大教堂`'s): still charged. Dev pages 1-40:
    changes no output; TRAIN / VAL pdftotext headline_acc 0.5797 / 0.5527 -> 0.5821 / 0.5558,
    byline_acc 0.7175 / 0.7015 -> 0.7187 / 0.7035."""
    return (len(unit) >= 2 and unit[0].kind == "head" and unit[-1].kind == "byline" and row_part(unit[-1]) == 0
            and not any(ln.kind == "byline" for ln in unit[:-1]))


def split_by_content(blocks: list[list[Line]], openings: list[set[int]],
                     after_blank: frozenset[int] = frozenset(), blank_parted: bool = False) -> list[list[Line]]:
    """Split runs that hold several articles' headlines where the words change article.

    pdftotext and raw dumps print a band's headlines, or all of a page's, as one run (raw dump
    of dev page 5: `胡宁同志逝世` `乔石等观看世` `界华人书画展` `帐篷里的婚礼`). The run is cut
    into units so that each unit's words recur in one article's opening as much as possible,
    a unit costing UNIT_COST bigrams (one set off by a blank line nothing: `_unit_cost`); a
    unit that matches nothing stays with its neighbour, and two whose words come most from one
    opening stay one unit (`without_one_article_cuts`). `after_blank`: ids of the lines right
    under a blank line; `blank_parted`: the dump sets text blocks off by blank lines
    (`one_text_block`).
    """
    out: list[list[Line]] = []
    for block in blocks:
        if len(block) < 2 or not openings:
            out.append(block)
            continue
        cuts = _split_points(block, openings, after_blank, blank_parted)
        if ONE_ARTICLE_UNITS_JOIN:
            cuts = without_one_article_cuts(block, cuts, openings, after_blank)
        cuts = cuts + [len(block)]
        for a, b in zip(cuts, cuts[1:]):
            if b > a:
                mark_dash_run_ons(block[a:b])
                out.append(block[a:b])
    return out


# Two units of a run of head lines whose words both recur most in one and the same article's
# opening are that article's head, cut in two: a kicker quoting its article over a two-line
# headline (simulated raw TRAIN page 88: `北京市少年儿童棋类新星大赛是京城传统比赛` / `北京市举办大规` /
# `模少年儿童棋赛`; 92, 159, 161, 166 alike), a headline over its subtitle (`各民主党派中央全国` /
# `工商联机关共话新春` / `各民主党派中央`, 181). `_split_points` scores each unit against its own best
# opening, so the words the two share counted twice and paid the cut's UNIT_COST; one article takes
# one unit (`headlines`), so the other unit went to a neighbour (its head then wrong too) or was left
# over. The cut is dropped where no blank line stands (a blank line cuts pdftotext's head rows and
# its set-off kickers on purpose, `_cut_kind`), nor between two slots of a head row
# (`spans_two_slots`; with that guard TRAIN pdftotext 41-300 .6797 -> .6802 and sim VAL raw
# 41-120 one headline more than the figures below). Fires on TRAIN raw 50 times, pdftotext 24; dev
# 1-40 raw and PyMuPDF pages 2, 16, 36 (`所以我觉得对体育的定位一定要科学` / `体育的产业` /
# `定位要科学`), pdftotext 6, 28, all outputs unchanged. headline_acc TRAIN raw 1-40 / 41-300
# .8141 / .8166 -> .8205 / .8226, PyMuPDF .8141 / .8147 -> .8205 / .8208, pdftotext 41-300 .6778
# -> .6797 (byline up, body, para, exact unchanged); sim VAL raw 1-40 / 41-120 .7935 / .8060 ->
# .7994 / .8092, PyMuPDF .8053 / .8156 -> .8112 / .8204, pdftotext unchanged; dev 1-40 unchanged.
ONE_ARTICLE_UNITS_JOIN = True  # switch (tests)
ONE_ARTICLE_REASON: Final = "headline:unit_joined_same_opening"


def best_opening(lines: list[Line], openings: list[set[int]]) -> int:
    """The one opening that holds the most of the lines' bigrams, or -1 (none, or a tie)."""
    keys = bigram_keys("".join(ln.text for ln in lines))
    got = [len(keys & o) for o in openings]
    top = max(got, default=0)
    return got.index(top) if top > 0 and got.count(top) == 1 else -1


def without_one_article_cuts(block: list[Line], cuts: list[int], openings: list[set[int]],
                             after_blank: frozenset[int]) -> list[int]:
    """The cuts (unit starts) less those between two units whose words both come most from one
    article's opening (`best_opening`), with no blank line there and not between two slots of a
    head row (`spans_two_slots`)."""
    out = cuts[:1]
    ends = cuts[1:] + [len(block)]
    for i in range(1, len(cuts)):
        a = cuts[i]
        prev = block[out[-1]:a]
        unit = block[a:ends[i]]
        j = best_opening(prev, openings)
        if (id(block[a]) not in after_blank and j >= 0 and j == best_opening(unit, openings)
                and not spans_two_slots(prev + unit)):
            block[a].because(ONE_ARTICLE_REASON)
            continue
        out.append(a)
    return out
