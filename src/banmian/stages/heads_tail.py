"""Heads tail: a dump that prints every headline after all the bodies, cut in step.

Some PDFs draw every article's body first and all the headline blocks last (`-raw` and
PyMuPDF dumps keep that order; no blank lines tell anything apart). The dump is then one long
stream of body text, article after article, and a tail of headline blocks in the same order
as the bodies. Articles without a lead-in byline (本报讯, 新华社…电) run into the one before
(dev raw page 21: `（一九九七年十二月三十一日）` under a cut-short article), and nothing
in the stream says where one ends.

Both orders are the same, so the stream is cut into articles and the tail into blocks
together (`tail_align.align`, a monotone alignment by dynamic programming): block k heads segment k,
and a block's words recur in its segment's opening. The chosen cuts with a sign of an
article start of their own (a lead-in, a fragment start, text cut short before them) become
sure starts for `reassemble`, and `headlines` gives each block to the article its segment
opens. Only dumps without blank lines are looked at. A page may print only its first
articles' headlines last, the others over their bodies: the tail is then aligned with the
stream's opening stretch before its first headline (`find_prefix_tail`).

The tail's start is found in `tail_find`, its possible blocks and their costs are `tail_blocks`',
the stream's segment starts and the alignment `tail_align`'s; this module reads the tail's lines,
makes the cuts and marks the blocks.
"""
from __future__ import annotations

from typing import Final

from banmian.language import spanning_word
from banmian.line_shape import mark_dash_run_ons, opens_with_dash
from banmian.model import HEAD_KINDS, ROUNDUP_ITEMS_KEY, Fragment, Line, Page
from banmian.rules.chars import strip_ws
from banmian.rules.names import NAMES_REASON, SURNAME_TITLES, SURNAMES_1, office_signature
from banmian.stages.paragraphs import cut_fragments, end_kind
from banmian.stages.roundups import ITEM_REASON, items_in_stream, tail_windows
from banmian.tail_align import LEAD_IN_BONUS, Candidate, align, candidates, has_own_sign, no_signed_start_between, quoted_at
from banmian.tail_blocks import CONTINUED_KIND, SOFT_REASON, is_slot, opens_block, soft_byline
from banmian.tail_lead_ins import mark_passed_lead_ins, short_item
from banmian.tail_find import HEAD_BEFORE_CAPTION_REASON, OPENING_CHARS, TRAILING_HEAD_REASON, find_prefix_tail, find_tail, heads_before_captions, trailing_heads
from banmian.tail_pairs import ADOPTED_REASON, adopt_names_lines
from banmian.tail_units import mark_two_unit_cuts, two_units_in_play

PARTIAL_KEY: Final = "heads_tail_prefix"  # scratch flag: the tail heads a prefix only
# A report may open with its points in bullets over its lead-in: that lead-in opens no article
# of a prefix (`without_summed_up_lead_ins`; dev raw and PyMuPDF page 2).
SUMMARY_BULLET: Final = "●"
# A tail line read as a byline for its names (`byline:names`) is a head line where it cannot be
# a byline: a byline never runs a dictionary word into the line under it (simulated raw TRAIN
# pages 132, 239, 285: `石家庄开` / `展专项治理`, `张北尚义震` / `区现场报道`), a name never has
# `同志` printed under it in a byline (TRAIN 247: `邓永清` / `同志逝世`), nor a subtitle's dash
# line (TRAIN 254: `欧盟` / `——的人道主义援助`; in no dump of TRAIN 1-300 or dev 1-40 does a
# gold byline stand over a line opening with `同志` or a dash), and a byline prints
# a full name, never a surname and an office (TRAIN 130: `江主席会见` / `英外交大臣`). Read as
# bylines they closed the block above and lost the next block's headline. A one-name line
# (`严平` / `江主席会见美国防部长`, a byline) may run into the next headline by chance, so the
# word cue asks for a line longer than one name.
NAME_RUN_ON_MIN_CHARS: Final = 4
COMRADE: Final = "同志"
TAIL_NAME_REASON: Final = "head:tail_line_not_a_byline"
TAIL_SIGNATURE_REASON: Final = "byline:tail_office_signature"
TAIL_REASON: Final = "article_start:heads_tail_block"
PREFIX_PLAIN_START_REASON: Final = "article_start:heads_tail_prefix_plain_start"  # tail_align.PREFIX_CUT_COST
# A prefix's plain paragraph starts open segments (`tail_align.PREFIX_CUT_COST`) only where the
# prefix closes on a head run of this many lines (`closes_on_head_block`). On 300 simulated pages
# drawing their first headlines last (made for this study, seed rawseg-P, TRAIN's corpus dates;
# not VAL or TEST2) the rule changed 18 pages: the 9 better all close on 2-3 lines, 6 of the 8
# worse on one line (a subhead: `天津年货年味浓`, `从里到外顺应市场`, `各部门共同“施工”`).
MIN_PREFIX_HEAD_LINES: Final = 2
HEADLINE_REASON: Final = "headline:heads_tail_block"
HEAD_REASON: Final = "head:in_heads_tail_block"


def heads_tail(page: Page) -> Page:
    """On a page whose head lines come after all its bodies (`find_tail`), cut the stream
    where the aligned headline blocks say articles start (sure starts for `reassemble`, where
    `has_own_sign`), make the tail's body lines in blocks head lines, and keep each block with
    its segment's first line (`page.scratch["tail_blocks"]`, for `headlines`). On a page that
    prints only its first articles' headlines last (`find_prefix_tail`) the tail is aligned with
    the stream's prefix, a plain paragraph start there paying `tail_align.PREFIX_CUT_COST`
    (`mark_prefix_plain_starts`). Body lines after
    a stream that closes its text are made head lines first (`mark_trailing_heads`)."""
    if TRAILING_HEADS:
        mark_trailing_heads(page)
    found = find_tail(page)
    if found is not None:
        start = stream_stop = found
    else:  # a page printing only its first articles' headlines last: the tail heads the prefix
        prefix = find_prefix_tail(page)
        if prefix is None:
            return page
        start, stream_stop = prefix
        page.scratch[PARTIAL_KEY] = True
    frags = page.scratch.get("fragments", [])
    cands, text = candidates(page, frags, stream_stop)
    tail = tail_lines(page, start)
    reread_names(tail)
    reread_signatures(tail)
    if not cands:
        return page
    cands = without_roundup_items(page, frags, cands, text, tail)
    partial = stream_stop != start  # the tail heads the prefix only
    plain = partial and closes_on_head_block(page.lines, stream_stop)
    if partial:
        cands = without_summed_up_lead_ins(cands if plain else signed_starts(cands), text)
    segments = without_slots(align(cands, text, tail, prefix=partial), tail)
    segments, adopted = adopt_names_lines(segments, tail, [cands[c].bonus >= LEAD_IN_BONUS for c, _, _ in segments])
    for k in adopted:
        tail[k].kind = "head"
        tail[k].because(ADOPTED_REASON)
    if two_units_in_play(tail):
        mark_two_unit_cuts(segments, without_slots(align(cands, text, tail, prefix=partial, two_units=False), tail), tail)
    opening = {c: frags[cands[c].frag].lines[cands[c].k] for c, _, _ in segments}
    blocks = [(tail[a:b], opening[c]) for c, a, b in segments if b > a]
    in_blocks = {id(ln) for block, _ in blocks for ln in block}
    chosen = [c for c, _, _ in segments]
    sure_cuts = [c for p, c in zip(chosen, chosen[1:]) if has_own_sign(cands[c]) or no_signed_start_between(cands, p, c)]
    if plain:
        mark_prefix_plain_starts(frags, cands, sure_cuts)
    if not partial and PASSED_LEAD_INS:
        mark_passed_lead_ins(page, [frags[cands[c].frag].lines[0] for c in passed_lead_ins(cands, chosen)
                                    if short_item(frags[cands[c].frag])])
    frags = cut_at(page, frags, cands, sure_cuts)
    page.scratch["fragments"] = without_lines(page, frags, in_blocks)
    soft = {id(ln) for k, ln in enumerate(tail) if soft_byline(tail, k)}
    for block, _ in blocks:
        for ln in block[:-1]:
            if id(ln) in soft:
                ln.kind = "head"
                ln.because(SOFT_REASON)
        mark_dash_run_ons(block)
        for ln in block:
            if ln.kind == "body":
                ln.kind, ln.para_start = "head", False
                ln.because(HEAD_REASON)
    page.scratch["tail_blocks"] = blocks
    return page


TRAILING_HEADS = True  # switch for `mark_trailing_heads` (tests)
HEADS_BEFORE_CAPTIONS = True  # switch for `tail_find.heads_before_captions` (tests)
PASSED_LEAD_INS = True  # switch for `tail_lead_ins` (tests)


def passed_lead_ins(cands: list[Candidate], chosen: list[int]) -> list[int]:
    """The candidates that open a fragment with a lead-in (LEAD_IN_BONUS; not a sure start, the
    stream's first or one after a jump) where the alignment opened no segment: no block of the
    tail heads them (`tail_lead_ins`; only a fragment as short as a dispatch is marked, `short_item`)."""
    opened = set(chosen)
    return [i for i, c in enumerate(cands) if i not in opened and c.k == 0 and not c.sure and c.bonus >= LEAD_IN_BONUS]


def mark_trailing_heads(page: Page) -> None:
    """Make the body lines after a stream that closes its text (`tail_find.trailing_heads`) and
    those between a jump line and a caption (`tail_find.heads_before_captions`) head lines, and
    take them out of the stream's fragments."""
    found = [(ln, TRAILING_HEAD_REASON) for ln in trailing_heads(page)]
    if HEADS_BEFORE_CAPTIONS:
        found += [(ln, HEAD_BEFORE_CAPTION_REASON) for ln in heads_before_captions(page)]
    if not found:
        return
    for ln, reason in found:
        if ln.kind == "body":  # a line both rules find is marked once
            ln.kind, ln.para_start = "head", False
            ln.because(reason)
    page.scratch["fragments"] = without_lines(page, page.scratch.get("fragments", []), {id(ln) for ln, _ in found})


def signed_starts(cands: list[Candidate]) -> list[Candidate]:
    """The stream's first candidate and those with a sign of their own (`has_own_sign`): in a
    prefix (`find_prefix_tail`) closing on a lone head line (`closes_on_head_block`) a plain
    paragraph start opens no segment. The prefix's articles need not all have their headlines in
    the tail (dev PyMuPDF page 10: `专题综艺晚会不能成风` aligned with `其实，我们这么大的一个国家，
    有些专题式的综艺晚会…` inside the article before)."""
    return [c for i, c in enumerate(cands) if i == 0 or has_own_sign(c)]


def closes_on_head_block(lines: list[Line], stop: int) -> bool:
    """The head run closing a prefix (at lines[stop], `find_prefix_tail`) holds at least
    MIN_PREFIX_HEAD_LINES head or byline lines: a headline block over the next article. Where
    it is one line, it is as often a subhead inside the prefix's last article (`天津年货年味浓` over
    `春节临近，天津市场上年…`, the prefix closing early: the tail's later blocks then have no
    article in it and took plain paragraph starts of the articles before)."""
    run = 0
    while stop + run < len(lines) and lines[stop + run].kind in HEAD_KINDS:
        run += 1
    return run >= MIN_PREFIX_HEAD_LINES


def mark_prefix_plain_starts(frags: list[Fragment], cands: list[Candidate], cuts: list[int]) -> None:
    """Give PREFIX_PLAIN_START_REASON to the first line of each segment the alignment of a
    prefix (`find_prefix_tail`) opened at a plain paragraph start (no `has_own_sign`; it paid
    `tail_align.PREFIX_CUT_COST`)."""
    for c in cuts:
        if not has_own_sign(cands[c]):
            frags[cands[c].frag].lines[cands[c].k].because(PREFIX_PLAIN_START_REASON)


def without_summed_up_lead_ins(cands: list[Candidate], text: str) -> list[Candidate]:
    """The candidates less a lead-in right after a candidate opening with a summary bullet
    (SUMMARY_BULLET): a report may open with its points in bullets, its lead-in under them
    (dev raw and PyMuPDF page 2: `●人民币不贬值是中国对亚洲金融稳定作出的贡献●…` /
    `本报北京一月十六日讯`); it opens no article of its own."""
    return [c for i, c in enumerate(cands)
            if i == 0 or not (c.bonus >= LEAD_IN_BONUS and text.startswith(SUMMARY_BULLET, cands[i - 1].offset))]


def without_roundup_items(page: Page, frags: list[Fragment], cands: list[Candidate], text: str,
                          tail: list[Line]) -> list[Candidate]:
    """The candidates less the lead-ins of a digest's later items (`roundups.items_in_stream`:
    a tail block names them with the item before), whose first lines go in
    `page.scratch["roundup_items"]` for `reassemble` to keep them on the digest's thread."""
    runs: list[list[int]] = []  # lead-in fragment starts back to back, as candidate indexes
    starts = [i for i, c in enumerate(cands) if c.k == 0]
    after_lead_in = False
    for i in starts:
        lead_in = cands[i].bonus >= LEAD_IN_BONUS
        if lead_in and after_lead_in and not cands[i].sure:
            runs[-1].append(i)
        elif lead_in:
            runs.append([i])
        after_lead_in = lead_in
    runs = [r for r in runs if len(r) > 1]
    ends = {i: cands[starts[n + 1]].offset if n + 1 < len(starts) else len(text) for n, i in enumerate(starts)}
    texts = [[text[cands[i].offset:ends[i]] for i in r] for r in runs]
    quoting = [quoting_items([(cands[i].offset, ends[i]) for i in r], tail, text) for r in runs]
    drop = {runs[r][k] for r, k in items_in_stream(texts, tail_windows(tail, opens_block)) if k not in quoting[r]}
    if not drop:
        return cands
    marked = page.scratch.setdefault(ROUNDUP_ITEMS_KEY, set())
    for i in drop:
        first = frags[cands[i].frag].first
        marked.add(id(first))
        first.because(ITEM_REASON)
    return [c for i, c in enumerate(cands) if i not in drop]


def quoting_items(spans: list[tuple[int, int]], tail: list[Line], text: str) -> set[int]:
    """The items (`spans`: each one's stretch of the stream's text) whose opening
    (OPENING_CHARS) holds word for word a tail line that may open a block (`quoted_at`,
    `opens_block`): a kicker quoting its own article, which is then no digest's item, though a
    digest's headline over the items before names it too (simulated raw TRAIN page 9:
    `东亚经济传真日将再向印尼提供援助` / `菲又降低经济增长目标…` / `由于受亚洲地区金融危机和国际
    市场铜` / `拉美地区经` / `济增长将放慢`, the third line quoting the opening of the next report,
    `新华社里约热内卢…电`; also TRAIN 130). A digest headline's second line (`不与企业争利政府搞好服` /
    `务天津塘沽区成为投资热点`) opens no block."""
    where = [int(q) for j, q in enumerate(quoted_at([ln.text for ln in tail], text))
             if q < len(text) and opens_block(tail, j)]
    return {k for k, (a, b) in enumerate(spans) if any(a <= w < min(b, a + OPENING_CHARS) for w in where)}


def cut_at(page: Page, frags: list[Fragment], cands: list[Candidate], starts: list[int]) -> list[Fragment]:
    """The fragments cut at the chosen candidates (`starts`), each piece opening at one made a
    sure start (`Fragment.forced_start`)."""
    cuts: dict[int, set[int]] = {}
    for c in starts:
        cuts.setdefault(cands[c].frag, set()).add(cands[c].k)
    return cut_fragments(frags, cuts, page.column_width, TAIL_REASON)


def without_slots(segments: list[tuple[int, int, int]], tail: list[Line]) -> list[tuple[int, int, int]]:
    """The segments, a continuation note's block (`is_slot`) made no block: its segment has no
    headline."""
    return [(c, b, b) if b == a + 1 and is_slot(tail[a]) else (c, a, b) for c, a, b in segments]


def without_lines(page: Page, frags: list[Fragment], gone: set[int]) -> list[Fragment]:
    """The fragments less the lines in `gone` (by identity), empty ones dropped: body lines
    the alignment put in a headline block (they stand after the stream, so they form whole
    fragments of their own or end one, whose end is then told anew)."""
    out = []
    for f in frags:
        keep = [ln for ln in f.lines if id(ln) not in gone]
        if len(keep) < len(f.lines):
            if not keep:
                continue
            f.lines = keep
            f.end = end_kind(f, page.column_width)
        out.append(f)
    for i, f in enumerate(out):
        f.order = i
    return out


def not_a_byline(line: Line, below: Line | None) -> bool:
    """A line read as a byline for its names (NAMES_REASON) that is a head line (see
    NAME_RUN_ON_MIN_CHARS): a surname and an office in it, `同志` or a dash opening the line under it, or
    a dictionary word running on into that line."""
    t = strip_ws(line.text)
    if t[:1] in SURNAMES_1 and t[1:].startswith(tuple(SURNAME_TITLES)):
        return True
    if below is None or below.kind not in ("head", "body"):
        return False
    nxt = strip_ws(below.text)
    return nxt.startswith(COMRADE) or opens_with_dash(nxt) or (
        len(t) >= NAME_RUN_ON_MIN_CHARS and spanning_word(t, nxt, hmm=False) is not None)


def reread_names(tail: list[Line]) -> None:
    """Make the tail's lines read as bylines for their names that cannot be bylines
    (`not_a_byline`) head lines: a byline closes a headline block, these open or go on one."""
    for k, ln in enumerate(tail):
        if ln.kind == "byline" and NAMES_REASON in ln.reasons and not_a_byline(ln, tail[k + 1] if k + 1 < len(tail) else None):
            ln.kind = "head"
            ln.because(TAIL_NAME_REASON)


def reread_signatures(tail: list[Line]) -> None:
    """Make the tail's body lines that are an office and a name and nothing else
    (`rules.names.office_signature`: `北京艺术研究所所长周传家`) bylines: after the stream every
    line is a headline block's, and such a line is a signed article's byline under its
    headline, read as body for its full width (`name_lines.mark_signatures` rereads head lines
    only). Read as body, it was no block's end and two blocks ran together (simulated raw TRAIN
    page 84)."""
    for ln in tail:
        if ln.kind == "body" and office_signature(ln.text):
            ln.kind = "byline"
            ln.because(TAIL_SIGNATURE_REASON)


def tail_lines(page: Page, start: int) -> list[Line]:
    """The tail's head and byline lines, and its body lines (head lines the classifier took
    for body: `在十五大精神指引下` / `胜利前进——元旦献辞`; dev raw page 32: the last line,
    `中华人民共和国国务院令`), but
    not body lines right after the stream's last body line that lead the tail: the rest of
    a text cut short (dev raw page 28: `成体育产业法律的建设制`; after a jump line, dev page 8:
    `共建花开千万里——甘肃“河西千` is a headline)."""
    lines = page.lines
    first = start
    if start > 0 and lines[start - 1].kind == "body":
        while lines[first].kind not in HEAD_KINDS:  # `find_tail` saw head lines after `start`
            first += 1
    return [ln for ln in lines[first:] if ln.kind in HEAD_KINDS or ln.kind == "body"
            or (CONTINUATION_SLOTS and ln.kind == CONTINUED_KIND)]


# A page printing every headline last prints a continued piece's continuation note (`（上接第五版）`)
# in the tail too, where the piece's headline block would stand: the note holds that piece's slot
# in the tail's order. Left out of the tail, the pieces after it were aligned one block off, a
# continued piece taking the next article's headline (simulated raw TRAIN heads-last pages 2, 107,
# 134, 188, 211, 214, 221, 231: `匈捷将按期加入北约` / `（上接第五版）` / `日本三党合` / `并为民政党`, the
# continued piece under `利维是在他领导的桥党` given `匈捷将按期加入北约`; the gold never heads a
# continued piece). The note is kept in the tail as a block of its own (`tail_blocks.block_shapes`), which
# scores like a block that earned its UNIT_COST, only for a segment opening at a start with a sign
# of its own (`has_own_sign`: a fragment start, a lead-in; at a plain paragraph start it cut an
# article in two, TRAIN raw page 18), and heads nothing (`without_slots`). TRAIN raw 41-300:
# headline_acc 0.7817 -> 0.7891, exact 0.7547 -> 0.7575, byline 0.8841 -> 0.8869, body 0.9368 ->
# 0.9369 (1-40: page 2, two notes in one tail, loses two heads: 0.7885 -> 0.7853); sim VAL raw
# 1-40 / 41-120 headline 0.7640 / 0.7631 -> 0.7729 / 0.7695, body 41-120 0.9201 -> 0.9222; dev
# 1-40 unchanged.
CONTINUATION_SLOTS = True  # switch (tests)


def tail_owners(page: Page) -> list[tuple[list[Line], int]]:
    """The aligned tail blocks (`heads_tail`), each with the index of the article its
    segment's first line went to. Where two segments went to one article (a cut that was not
    made sure, `has_own_sign`, and `reassemble` did not make), the article keeps the first
    block; the other is left to `headlines`' own assignment, so that no block's text is lost."""
    index = {id(a): i for i, a in enumerate(page.articles)}
    out = []
    headed = set()
    for block, first in page.scratch.get("tail_blocks", []):
        article = page.owner_of(first)
        if article is not None and id(article) not in headed:
            headed.add(id(article))
            out.append((block, index[id(article)]))
    return out
