"""Head leftovers: blocks the `headlines` stage's assignment left over, joined to an assigned one.

The assignment gives each article one block, so a kicker or subtitle whose words its article's
opening does not repeat is left over. One printed right above or below an assigned block, only
blank lines between, is its kicker or subtitle (`adopt_adjacent_leftovers`; a wide line set off
over a headline, `set_off_kicker`; a leftover run on in one pdftotext text block,
`runs_on_in_text_block`); the headline over an article whose block is a lone subtitle is the
leftover its opening repeats most (`headlines_over_lone_subtitles`); a leftover part of a head
row cut at a gutter rejoins the one-line headline it was cut from (`rejoin_row_parts`), and so
does a leftover line a word runs across into from such a headline (`rejoin_broken_words`).
"""
from __future__ import annotations

from typing import Final

from banmian.head_breaks import closes_open_mark
from banmian.head_slots import ROW_PART_REJOINED_REASON, beside_in_a_row, row_part_rejoins
from banmian.head_tiers import quotes_body
from banmian.head_bigrams import bigram_keys, head_text
from banmian.head_row_parts import row_part
from banmian.language import spanning_word
from banmian.line_shape import WIDE_HEAD_REASON, opens_with_dash
from banmian.model import Article, Line, Page, page_line_index
from banmian.rules.chars import has_clause_mark, strip_ws


def adopt_adjacent_leftovers(page: Page, blocks: list[list[Line]], owner: dict[int, int],
                             openings: list[set[int]], quotes: dict[int, int] | None = None) -> list[list[Line]]:
    """An unassigned block printed right above an assigned one, only blank lines between, is
    its kicker; one right below it, its subtitle (dev page 40: `承德：科技` / `良种作年礼` over
    `——仅这个市双桥区的5个乡镇`; raw dumps print a block's tiers as separate runs). The
    assignment gives each article one block, so a tier whose words the article's opening does
    not repeat is left over. A block holding a byline, or whose words another article's opening
    repeats more, is another article's and stays apart (dev page 40: `承德：科技` / `良种作年礼`
    printed under `去年国债发行兑` / `付工作顺利结束`). Leftovers in a row are taken one after
    the other, the block growing (dev page 28: a pull quote, blank, `充分发挥体育` / `中介公司
    作用`, blank, the subtitle `最大限度地发挥体育中介公司的作用`)."""
    pos = page_line_index(page)
    lines = page.lines

    def blank_between(a: Line, b: Line) -> bool:
        i, j = pos[id(a)], pos[id(b)]
        return i < j and all(ln.kind == "blank" for ln in lines[i + 1:j])

    out = [list(b) for b in blocks]
    taken = set()
    blanks = any(ln.kind == "blank" for ln in lines)  # a pdftotext dump: text blocks set apart
    for k in sorted(owner):
        for step in (-1, 1):
            m = k + step
            while 0 <= m < len(blocks) and m not in owner and m not in taken:
                a, b = out[k], blocks[m]
                if any(ln.kind == "byline" for ln in b) or (ROW_SLOTS_APART and beside_in_a_row(a, b)) or (
                        fits_another(b, owner[k], openings) and not (m < k and set_off_kicker(b, a, pos, quotes))
                        and not (blanks and runs_on_in_text_block(a, b, m < k, pos))):
                    break
                if m < k and blank_between(b[-1], a[0]):
                    out[k] = list(b) + a
                    if set_off_kicker(b, a, pos, quotes):
                        b[0].because(SPANNING_KICKER_REASON)
                elif m > k and a[-1].kind != "byline" and blank_between(a[-1], b[0]):
                    out[k] = a + list(b)
                else:
                    break
                taken.add(m)
                for ln in b:
                    ln.because("headline:leftover_next_to_block")
                m += step
    return out


# `beside_in_a_row`: a leftover beside the block in a head row cut at a gutter stays apart.
ROW_SLOTS_APART = True


# A spanning head line taken over the block under it as its kicker (`spanning_kicker`).
SPANNING_KICKER_REASON: Final = "headline:spanning_kicker_over_block"


def spanning_kicker(block: list[Line]) -> bool:
    """The block is one head line wider than the column (`line_shape.WIDE_HEAD_REASON`),
    no dash subtitle: printed over a headline, it spans that headline's slot and is its kicker,
    whatever other openings share its words (simulated TRAIN page 1: `经受住了包括东南亚金融危机
    冲击在内的各种考验`, blank, `江主席会见` / `英外交大臣`, the kicker left over because another
    report's opening holds `金融危机`; pages 13, 21, 47, 150 alike, TRAIN pdftotext heads wrong
    1027 -> 1022 of 2460). Not a part of a head row cut at a gutter (`row_part`): that is one
    slot's headline beside another's (TRAIN page 81: `东洋证券杯围棋赛首轮常`). Dev 1-40: changes
    no head."""
    return (len(block) == 1 and block[0].kind == "head" and WIDE_HEAD_REASON in block[0].reasons
            and not opens_with_dash(block[0].text) and not row_part(block[0]))


# A leftover printed in one pdftotext text block with an assigned head block taken into it
# (`runs_on_in_text_block`).
RUNS_ON_REASON: Final = "headline:runs_on_in_text_block"


def runs_on_in_text_block(block: list[Line], leftover: list[Line], above: bool, pos: dict[int, int]) -> bool:
    """The leftover head lines run on from `block` (above it when `above`) with no blank line
    between: pdftotext sets one headline's lines apart from others' by blank lines, so they are
    one text block, one head, whatever other openings share the leftover's words
    (`split_by_content` cut it off on them: simulated TRAIN page 81, `江泽民在中纪委二次全会上
    发表重要讲话强调` / `毫不放松继续推进党风廉政建设和反腐败斗争`, the second line left over;
    page 37 alike). Asked only of pdftotext dumps (a page holding blank lines) and of head lines
    read as such from the start: no part of a cut head row (two slots side by side, `row_part`)
    and no line first read as body (dev page 2: two body lines read as a head over a headline
    ran on into it and took it)."""
    i, j = (pos[id(leftover[-1])], pos[id(block[0])]) if above else (pos[id(block[-1])], pos[id(leftover[0])])
    clean = all(ln.kind == "head" and not row_part(ln) and not any(r.startswith("body:") for r in ln.reasons)
                for ln in leftover + block)
    if j == i + 1 and clean:
        for ln in leftover:
            ln.because(RUNS_ON_REASON)
        return True
    return False


def set_off_kicker(block: list[Line], under: list[Line], pos: dict[int, int],
                   quotes: dict[int, int] | None = None) -> bool:
    """`block` is a `spanning_kicker` set off by a blank line over the block `under` it, as
    pdftotext prints a kicker over its headline. Raw and PyMuPDF dumps hold no blank lines:
    there a wide line over a headline is as often the end of the slot above (simulated TRAIN raw
    pages 60, 180: heads put wrong when this was asked of raw dumps too). Not a pull quote
    (`quotes`, `pull_quotes.pull_quotes`: it goes to the article whose body it repeats; adopted
    here too it was printed twice, TRAIN page 300)."""
    return (spanning_kicker(block) and pos[id(under[0])] - pos[id(block[-1])] > 1
            and not (quotes and id(block[0]) in quotes))


def fits_another(block: list[Line], i: int, openings: list[set[int]]) -> bool:
    """Another article's opening repeats more of the block's words than article i's."""
    keys = bigram_keys(head_text(block))
    own = len(keys & openings[i])
    return any(len(keys & o) > own for j, o in enumerate(openings) if j != i)


def headlines_over_lone_subtitles(blocks: list[list[Line]], owner: dict[int, int],
                                  scores: dict[tuple[int, int], float],
                                  bodies: list[str] | None = None) -> list[list[Line]]:
    """An article whose block is a dash subtitle alone takes, as the headline over it, the
    leftover block its opening repeats most (one a score in `scores` allows): a subtitle
    stands under a headline, and the assignment gives an article one block (dev page 40:
    `——仅这个市双桥区的5个乡镇` took its article's place, `承德：科技` / `良种作年礼` printed
    far above it was left over; page 30: `杨丽华：蓝` / `天“金凤凰”` over `——他们吃在天上`).
    A leftover holding a byline is another article's. With `bodies` (the articles' texts,
    whitespace stripped), a block whose head lines all repeat a clause of the article's body
    (`quotes_body`: a kicker's or subtitle's sentence, not a headline) counts as a lone
    subtitle too, the leftover going over it wherever it was printed (dev page 24: `继续偏袒以色列`
    took its article's place, `切戒傲慢` printed above it was left over; page 14: `不能放开手脚`
    printed above its headline `开罗萍水几人家`). Dev 1-40 pdftotext: fires on pages 6, 14, 24, 35,
    two heads put right (14, 24), two wrong before and after (6: a neighbour's headline; 35: a
    body line read as a head line). Returns the blocks, the leftovers taken emptied."""
    out = [list(b) for b in blocks]
    held = {id(ln) for k in owner for ln in out[k]}
    for k, i in owner.items():
        heads = [ln for ln in out[k] if ln.kind == "head"]
        if not heads or not all(opens_with_dash(ln.text) or (bodies is not None and quotes_body(ln.text, bodies[i]))
                                for ln in heads):
            continue
        free = [(scores[(m, i)], m) for m, b in enumerate(out) if m not in owner and (m, i) in scores and b
                and any(ln.kind == "head" for ln in b) and not any(ln.kind == "byline" or id(ln) in held for ln in b)]
        if not free:
            continue
        m = max(free)[1]
        out[k] = out[m] + out[k]
        held.update(id(ln) for ln in out[m])
        for ln in out[m]:
            ln.because("headline:over_lone_subtitle")
        out[m] = []
    return out


# `row_part_rejoins`: a leftover part of a cut head row joins the one-line headline it was cut from
# (simulated TRAIN pdftotext page 85: `叶利钦说应加强独联体工作` left over under `俄积极支持建立多极世界`).
ROW_PARTS_REJOINED = True


def rejoin_row_parts(blocks: list[list[Line]], owner: dict[int, int], scores: dict[tuple[int, int], float],
                     pos: dict[int, int]) -> list[list[Line]]:
    """Each leftover block that `row_part_rejoins` the one-line block of the article it scores
    best for joins it, the two lines in the order printed. Returns the blocks, the leftovers
    taken emptied."""
    out = [list(b) for b in blocks]
    block_of = {i: k for k, i in owner.items()}
    # a leftover another block adopted (`adopt_adjacent_leftovers`) is still listed on its own: not
    # free (rejoined, its line was printed in both blocks; found by fuzzing)
    held = {id(ln) for k in owner for ln in blocks[k]}
    bids: dict[int, list[tuple[float, int]]] = {}  # each block's (score, article): one pass, not one per leftover
    for (mm, i), s in scores.items():
        bids.setdefault(mm, []).append((s, i))
    for m, b in enumerate(blocks):
        if m in owner or not b or any(id(ln) in held for ln in b):
            continue
        best = max(bids.get(m, ()), default=None)
        if best is None or best[1] not in block_of:
            continue
        k = block_of[best[1]]
        if not row_part_rejoins(out[k], b):
            continue
        out[k] = sorted(out[k] + b, key=lambda ln: pos.get(id(ln), 0))
        for ln in b:
            ln.because(ROW_PART_REJOINED_REASON)
        out[m] = []
    return out


# A dash subtitle moved to the article whose body repeats it (`dash_subtitles_to_quoted_bodies`).
QUOTED_SUBTITLE_REASON: Final = "headline:dash_subtitle_to_quoted_body"
# A subtitle line's words, past its dash, this many characters or more: shorter ones
# (`——综述`) may recur in any body.
QUOTED_SUBTITLE_MIN_CHARS: Final = 6
# Switch for `dash_subtitles_to_quoted_bodies` (tests turn it off).
SUBTITLES_TO_QUOTED_BODIES = True


def dash_subtitles_to_quoted_bodies(blocks: list[list[Line]], owner: dict[int, int],
                                    bodies: list[str]) -> list[list[Line]]:
    """A dash subtitle (`——比上年翻了一番`) whose words past the dash exactly one article's body
    repeats word for word, not its block owner's, is that article's subtitle: it goes under the
    head lines of the block that article holds. A subtitle quotes a clause of its own report
    (simulated TRAIN: 169 of 206 gold dash subtitles, none another article's; dev 1-40: 13 of
    17); pdftotext prints the heads of a band in a jumble, so a neighbour's subtitle set off
    under a headline was read into that headline's block (`拉美地区经` / `济增长将放慢`, blank,
    `——由于亚洲金融形势继续恶化`) or left over. Only into a block with no dash subtitle of its
    own, and not out of a leftover block holding a byline (a signed block is placed whole later,
    `headless_heads.signed_leftovers_over_headless_reports`: moved, TRAIN page 73 split a
    report); an assigned block left with no line loses its article. Asked of dumps with blank
    lines only (the caller; raw TRAIN: 4 subtitles moved to articles whose headline was wrong
    anyway, 1 taken from the right one). Simulated TRAIN pdftotext 1-40 / 41-300 headline_acc
    0.7308 / 0.6955 -> 0.7372 / 0.6974 (roles alike), byline 41-300 0.8068 -> 0.8063 (page
    234: `side_by_side_bylines` deals the bylines in a row of blocks that changed order); dev
    1-40: page 30 right, nothing else moves."""
    holder_block = {i: k for k, i in owner.items()}
    out = [list(b) for b in blocks]
    # a leftover another block adopted (`adopt_adjacent_leftovers`) is still listed on its own:
    # its line moves out of the adopting block, else it stayed there too (printed twice)
    held = {id(ln) for k in owner for ln in blocks[k]}
    for k, block in enumerate(blocks):
        for ln in block:
            if ln.kind != "head" or not opens_with_dash(ln.text) or (k not in owner and id(ln) in held):
                continue
            words = strip_ws(ln.text).lstrip("—-－")
            if len(words) < QUOTED_SUBTITLE_MIN_CHARS:
                continue
            holders = [i for i, body in enumerate(bodies) if words in body]
            if len(holders) != 1 or holders[0] == owner.get(k) or holders[0] not in holder_block:
                continue
            to = holder_block[holders[0]]
            here = out[k]
            if (k not in owner and any(x.kind == "byline" for x in here)) or any(
                    x.kind == "head" and opens_with_dash(x.text) for x in out[to]):
                continue
            here.remove(ln)
            if k in owner and not here:  # its only line was another article's subtitle
                del holder_block[owner.pop(k)]
            heads = [n for n, x in enumerate(out[to]) if x.kind == "head"]
            out[to].insert(heads[-1] + 1 if heads else len(out[to]), ln)
            ln.because(QUOTED_SUBTITLE_REASON)
    return out


# `rejoin_broken_words`: a leftover head line that one headline's other line runs into by a word.
# Simulated TRAIN pdftotext (head_errors, 1-300): 15 matched articles held one line of a two-line
# headline while the other line was left unassigned (`确立京剧改` / `革的指导理论` split at a
# gutter and printed five lines apart; `场起狼烟` taken, `美电信市` left over, printed 27 lines
# below); in 5 of them a dictionary word (`改革`, `市场`, `桑普拉斯`) or an open quote spans the
# break, and the two lines, set in one size in one slot, run about as many characters. Fires
# TRAIN 7 times (6 right, 1 on a headline wrong already: `今年铁路营销战略` / `家宝宋健看望五院士`),
# VAL 3 (all right), dev 2 (page 50 right, page 47 wrong already): headline_acc TRAIN 1-40 / 41-300
# 0.7372 / 0.7062 -> 0.7436 / 0.7081 (roles alike), VAL 1-40 0.6224 -> 0.6254, dev 41-60 (held
# out) 0.7111 -> 0.7167; nothing else moves, raw and PyMuPDF dumps never (not called there).
BROKEN_WORDS_REJOINED: Final = True
BROKEN_WORD_REJOINED_REASON: Final = "headline:leftover_broken_word_rejoined"
# Both lines this many characters at least: a word across two short lines (`货运` / `车这样开`)
# is often chance.
BROKEN_WORD_MIN_CHARS: Final = 4
# The two lines of one broken headline differ by at most this many characters.
BROKEN_WORD_LENGTH_SLACK: Final = 2


def _plain_head(ln: Line) -> bool:
    """A head line long enough, holding no clause mark and no dash: a line ending on a dash runs
    on into a dash subtitle or a headline's second part (TRAIN page 206: `让您买票不再难` over
    `听编图者说——访`, a word `难听` read across)."""
    t = strip_ws(ln.text)
    return (ln.kind == "head" and len(t) >= BROKEN_WORD_MIN_CHARS and "—" not in t
            and not has_clause_mark(t))


def broken_word_side(held: Line, part: Line) -> int:
    """+1 when `part` is the line under `held` in one broken headline (a dictionary word begun at
    `held`'s end runs into `part`, or `part` closes a mark `held` left open), -1 when it is the
    line over it (a word runs from `part` into `held`), 0 when neither."""
    if not (_plain_head(held) and _plain_head(part)):
        return 0
    a, b = strip_ws(held.text), strip_ws(part.text)
    if abs(len(a) - len(b)) > BROKEN_WORD_LENGTH_SLACK:
        return 0
    if spanning_word(a, b, hmm=False) is not None or closes_open_mark(a, b):
        return 1
    if spanning_word(b, a, hmm=False) is not None or closes_open_mark(b, a):
        return -1
    return 0


def rejoin_broken_words(page: Page) -> None:
    """Each head line no article holds that is the other line of exactly one article's one-line
    headline (`broken_word_side`) joins that headline, over or under it as the word runs. Run
    after every pass that places leftovers (pdftotext dumps: the caller)."""
    if not BROKEN_WORDS_REJOINED:
        return
    # one pass over the page's head lines: those each article holds, those nobody holds
    free: list[Line] = []
    holds: dict[int, list[Line]] = {}
    for ln in page.lines:
        if ln.kind == "head":
            owner = page.owner_of(ln)
            if owner is None:
                free.append(ln)
            else:
                holds.setdefault(id(owner), []).append(ln)
    if not free:
        return
    held: list[tuple[Article, Line]] = []
    for art in page.articles:
        if art.headline is None or len(art.headline.split()) != 1:
            continue
        key = strip_ws(art.headline)
        mine = [ln for ln in holds.get(id(art), []) if strip_ws(ln.text) == key]
        if len(mine) == 1:
            held.append((art, mine[0]))
    if not held:
        return
    for part in free:
        fits = [(art, side) for art, ln in held if (side := broken_word_side(ln, part))]
        if len(fits) != 1:
            continue
        art, side = fits[0]
        h, t = (art.headline or "").strip(), part.text.strip()
        art.headline = f"{h} {t}" if side > 0 else f"{t} {h}"
        page.claim(part, art)
        art.because(BROKEN_WORD_REJOINED_REASON)
        part.because(BROKEN_WORD_REJOINED_REASON)
        held = [(a, ln) for a, ln in held if a is not art]
