"""Roundups: several short datelined reports printed under one headline are one article.

A digest (`东亚经济传真` over `据新华社马尼拉1月15日电…` / `据新华社东京1月14日电…` /
`据新华社汉城1月15日电…`) prints its items back to back, each opened by a lead-in byline, the
strongest article-start cue there is; so `reassemble` opens a thread at every item. The gold
keeps the digest as one article whose paragraphs hold every item with its lead-in.

Briefs printed one after another also open with lead-ins, each under a headline of its own, so
a lead-in after a finished article is no sign of a roundup by itself (a rule that joined every
such dateline to the article before cost held-out pages). The positive sign looked for here is
the headline naming the items: a digest's headline strings the items' topics together
(`苏哈托强调经济改革` / `菲律宾汇市股市反弹` / `日国际收支盈余增加`), so one head block next to a
run of lead-in items finds its words in the openings of two or more of them, the first among
them. Three layouts:

- items back to back, the block right above the first or right under the last (`roundup_span`,
  in `merge_roundups`): the items from the first to the last one named are one article (down
  to the block, when it is printed under the items);
- a column stretch under the block, its columns come apart (`merge_digest_stretches`): the
  threads lying wholly in it are one article;
- a page that prints all its heads after its bodies (`items_in_stream`, asked by
  `stages.heads_tail`): the named items are no segment starts of its alignment.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.article_starts import lines_around
from banmian.model import Fragment, Line, Page
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import is_lead_in
from banmian.similarity import bigrams

# A head block names an item when this many of its distinct bigrams occur in the item's opening.
# On dev pages 1-40 the items of the roundups (pages 24, 26, 33) find 5 or more of their
# headline's bigrams; a headline over two neighbouring briefs on one theme (`李岚清会见美国客人`
# over a `温家宝会见西班牙客人` brief, dev page 20) finds 2 (会见, 客人).
MIN_NAMED_BIGRAMS = 4
# Only the head lines nearest the run are its headline (a caption between is passed over: dev
# pdftotext page 33): `lines_around` runs on over a stack of other articles' headlines (a raw
# dump that prints its heads in a row: dev raw page 39, where eight headlines together named
# every brief after them). A roundup headline is at most a kicker or subtitle and a headline
# of two lines.
MAX_HEAD_LINES: Final = 3
# A headline names two items of a digest each by words of its own: the earlier item too by at
# least this many bigrams the later's opening lacks (`names_two`). A report's subtitle naming its
# own report by many words and the report before by a few that report shares (`邀请已故党外全国
# 政协委员…` over a lead-in report, the report before it naming `全国政协委员` too: simulated raw
# and PyMuPDF TRAIN page 205) is no digest's headline: the report was dropped as a segment start
# and ran into the one before. TRAIN raw / PyMuPDF body_char_acc 0.9340 / 0.9358 -> 0.9361 /
# 0.9379 (pages 41-300; 1-40 unchanged), sim VAL raw / PyMuPDF pages 41-120 body 0.9167 / 0.9170 -> 0.9200 /
# 0.9203 (exact, headline, byline +0.003), dev 1-40 unchanged. At 4, TRAIN page 8 (an editor's
# note `编者按：…` over its report's lead-in, one article, whose headline names both by one
# bigram apart) came apart, and sim VAL pages 1-40 lost a headline and two bylines.
MIN_OWN_BIGRAMS: Final = 1
ITEM_OPENING_CHARS: Final = 200  # how much of an item's text its headline's words are looked for in
# A digest's items are named by one printed headline: this many of them (the first among them) by
# head lines printed one under the other, each on the dump line next to the one before (`one_headline`).
# Two reports' own headlines stacked over their bodies name one item each, from lines a blank line
# or a byline apart or printed side by side on one dump line: simulated TRAIN pdftotext pages 10,
# 44, 85, 254 (`本报巴黎1月19日电…` under `韦德里纳外长访华前` beside `伊应无条件允许武器核查`)
# and 109 (`in_digest_stretch`) merged such reports; the right joins (TRAIN pdftotext 40, 133, 178,
# raw/PyMuPDF 11, 21, 48, 112, 133, 154, 203, 242; dev 24, 26, 33) find one headline naming two.
MIN_ITEMS_ONE_HEADLINE: Final = 2
ROUNDUP_REASON: Final = "roundup:item_named_by_headline"
DIGEST_REASON: Final = "roundup:in_digest_stretch"
ITEM_REASON: Final = "roundup:item_named_by_tail_headline"
NUMBERED_REASON: Final = "roundup:numbered_item"
# A numbered item of picture news (`2、水城钢铁公司职工自费买电脑…（周浩摄）`), its number at the
# start of its first line; the item before it may print a lead-in first (`本报讯 1、1月14日，`).
ITEM_NUMBER: Final = re.compile(r"^(\d{1,2})、")
ASCII_DIGITS: Final = frozenset("0123456789")  # `[0-9]`: what may not stand before an item's number
NUMBER_SEARCH_CHARS: Final = 8  # how far into a paragraph's first line the item before's number is looked for


def _text(frags: list[Fragment]) -> str:
    return "".join(strip_ws(ln.text) for f in frags for ln in f.lines)


def item_runs(page: Page, threads: list, frags: list[Fragment]) -> list[list[int]]:
    """Runs of threads (as indexes into `threads`) printed back to back: each one after the
    first opens with a lead-in byline at the fragment right after the last fragment of the one
    before, which `finishes_item`, with no line but blank ones between (no headline, caption or
    byline of its own)."""
    holder = {}
    for ti, t in enumerate(threads):
        for f in t.fragments:
            holder[f.order] = ti
    runs: list[list[int]] = []
    for ti in sorted(range(len(threads)), key=lambda k: threads[k].fragments[0].order):
        first = threads[ti].fragments[0]
        prev = first.order - 1
        before = holder.get(prev)
        follows = (before is not None and before != ti and runs and runs[-1][-1] == before
                   and threads[before].fragments[-1].order == prev and finishes_item(frags[prev])
                   and is_lead_in(strip_ws(first.first.text))
                   and not lines_around(page, frags[prev], after=True))
        if follows:
            runs[-1].append(ti)
        else:
            runs.append([ti])
    return [r for r in runs if len(r) > 1]


def finishes_item(frag: Fragment) -> bool:
    """The fragment before a lead-in can close a roundup's item: it does not stop mid-sentence
    at full width (`Fragment.end` "open"). A digest prints its items whole, back to back; text
    cut off before a lead-in goes on elsewhere, an article that pdftotext broke off at a column
    end before another's opening (sim TRAIN pdftotext pages 109, 226: `…与财政预算拨款一起，统一`
    / `据新华社武汉1月21日电…`, two reports merged as a roundup; every roundup item of dev
    pdftotext pages 1-40 follows a finished sentence). TRAIN pdftotext body_char_acc 1-300
    .8155 -> .8158 (page 226); raw, PyMuPDF, dev 1-40 and sim VAL unchanged."""
    return frag.end != "open"


def heads_next_to(page: Page, threads: list, run: list[int]) -> list[tuple[list[Line], bool]]:
    """The head blocks right before the run's first item and right after its last one (a raw
    dump may print a digest's headline under its items: dev raw page 33), each with whether
    it stands after the run."""
    blocks = []
    for frag, after in ((threads[run[0]].fragments[0], False), (threads[run[-1]].fragments[-1], True)):
        heads = [ln for ln in lines_around(page, frag, after) if ln.kind == "head"][:MAX_HEAD_LINES]
        if heads:
            blocks.append((heads, after))
    return blocks


def named_bigrams(block: list[Line], text: str) -> set[str]:
    """The head block's bigrams found in an item's opening."""
    opening = text[:ITEM_OPENING_CHARS]
    return {b for b in bigrams("".join(ln.text for ln in block)) if b in opening}


def opens_datelined(frags: list[Fragment]) -> bool:
    """The item opens with a lead-in byline, or with a picture note and then one (`（附图片1张）`
    over `新华社安曼1月7日电…`, dev raw page 24, the note a fragment of its own)."""
    return any(is_lead_in(strip_ws(ln.text)) for ln in [ln for f in frags[:2] for ln in f.lines][:2])


def named_items(block: list[Line], texts: list[str]) -> list[int]:
    """The items (by index into `texts`) the block names: the first, when the block's words
    are found in its opening, and each later one whose opening holds MIN_NAMED_BIGRAMS of the
    block's bigrams not found in the first's: another part of the headline names it (a
    headline over one article also finds its words in a brief on the same theme after it:
    dev raw page 21, `李鹏在北京考察企业` and a `新年音乐会` report)."""
    first = named_bigrams(block, texts[0])
    if len(first) < MIN_NAMED_BIGRAMS:
        return []
    return [0] + [k for k in range(1, len(texts)) if len(named_bigrams(block, texts[k]) - first) >= MIN_NAMED_BIGRAMS]


def one_headline(block: list[Line], after: bool, texts: list[str]) -> bool:
    """One headline of the block (its lines each on the dump line next to the one before,
    counted away from the items: `after` the block stands under them) names
    MIN_ITEMS_ONE_HEADLINE of the items, the first among them (`named_items`); a block of
    several reports' headlines (a blank line or byline between them, or printed side by side on
    one dump line) names each report from its own headline."""
    step = 1 if after else -1
    units: list[list[Line]] = []
    for ln in block:
        if units and ln.no == units[-1][-1].no + step:
            units[-1].append(ln)
        else:
            units.append([ln])
    return any(len(named_items(u, texts)) >= MIN_ITEMS_ONE_HEADLINE for u in units)


def roundup_span(page: Page, threads: list, run: list[int]) -> list[int]:
    """The items of the run one head block names, when it names the first item and at least
    one more: from the first to the last one named, or, under a block printed after the run,
    every item down to the block (they stand between the digest's first item and its
    headline: dev raw page 33, two `本报汉城…电` items closing a digest whose headline names
    only the four before them); else []."""
    if not opens_datelined(threads[run[0]].fragments):
        return []
    texts = [_text(threads[ti].fragments) for ti in run]
    for block, after in heads_next_to(page, threads, run):
        hits = named_items(block, texts)
        if len(hits) >= 2 and one_headline(block, after, texts):
            return run if after else run[: hits[-1] + 1]
    return []


def item_number_of(text: str) -> int | None:
    """The number the text opens with (`2、`), if any."""
    m = ITEM_NUMBER.match(strip_ws(text))
    return int(m.group(1)) if m else None


def opens_item(text: str, number: int) -> bool:
    """The text opens with item `number` (`1、`), maybe after a lead-in (`本报讯 1、`); `11、`
    is no item 1."""
    t = strip_ws(text)[:NUMBER_SEARCH_CHARS]
    mark = f"{number}、"
    at = t.find(mark)
    while at >= 0:  # `(?<![0-9]){number}、` as a regex, without building a pattern per number
        if at == 0 or t[at - 1] not in ASCII_DIGITS:
            return True
        at = t.find(mark, at + 1)
    return False


def holds_item(thread, number: int) -> bool:
    """A paragraph of the thread opens with item `number` (`opens_item`)."""
    first = thread.fragments[0].first
    return any((ln.para_start or ln is first) and opens_item(ln.text, number)
               for f in thread.fragments for ln in f.lines)


def opens_numbered_run(paragraphs: list[str]) -> bool:
    """The first paragraph opens with item 1 (`opens_item`) and a later one with item 2
    (`2、…`): an article that is a numbered digest (`图片新闻` over `本报讯 1、…` `2、…`)."""
    return (bool(paragraphs) and opens_item(paragraphs[0], 1)
            and any(item_number_of(p) == 2 for p in paragraphs[1:]))


def absorb(host, item, reason: str, in_order: bool = False) -> None:
    """Thread `item`'s fragments go on `host`, after its own or (`in_order`) among them in input
    order; the item's first line opens a paragraph, `reason` on it."""
    first = item.fragments[0].first
    first.para_start = True
    first.because(reason)
    host.fragments.extend(item.fragments)
    if in_order:
        host.fragments.sort(key=lambda f: f.order)


def merge_numbered(threads: list) -> list:
    """The threads with each one that opens with a numbered item (`2、`, 2 or more) joined to
    the nearest thread before it holding the item before (`1、`): numbered picture news under
    one headline (`图片新闻`, `图片观新：电脑时代`: dev pdftotext pages 10, 37), whose items
    a column break or a caption cuts apart."""
    order = sorted(range(len(threads)), key=lambda k: threads[k].fragments[0].order)
    gone: set[int] = set()
    for n, ti in enumerate(order):
        number = item_number_of(threads[ti].fragments[0].first.text)
        if number is None or number < 2:
            continue
        host = next((tj for tj in reversed(order[:n]) if tj not in gone and holds_item(threads[tj], number - 1)), None)
        if host is None:
            continue
        absorb(threads[host], threads[ti], NUMBERED_REASON, in_order=True)
        gone.add(ti)
    return [t for ti, t in enumerate(threads) if ti not in gone]


def merge_roundups(page: Page, threads: list) -> list:
    """The threads with each roundup's items (`roundup_span`, then `merge_digest_stretches`)
    joined into its first item's thread, every item keeping its lead-in as a paragraph start,
    and numbered items joined to the item before (`merge_numbered`)."""
    frags: list[Fragment] = page.scratch.get("fragments", [])
    gone: set[int] = set()
    for run in item_runs(page, threads, frags):
        span = roundup_span(page, threads, run)
        for ti in span[1:]:
            absorb(threads[span[0]], threads[ti], ROUNDUP_REASON)
            gone.add(ti)
    return merge_numbered(merge_digest_stretches(page, [t for ti, t in enumerate(threads) if ti not in gone], frags))


def body_stretches(page: Page, frags: list[Fragment]) -> list[tuple[list[Line], list[Fragment]]]:
    """Each stretch of body and blank lines, with the head lines nearest above it (at most
    MAX_HEAD_LINES, captions between passed over) and its fragments in input order."""
    index = page.scratch["line_index"]
    out: list[tuple[list[Line], list[Fragment]]] = []
    last = -2  # the position of the last line of the stretch being filled
    for f in frags:
        start = index[id(f.first)]
        between = [ln for ln in page.lines[last + 1:start] if ln.kind != "blank"]
        if out and not between:
            out[-1][1].append(f)
        else:
            heads = [ln for ln in lines_around(page, f, after=False) if ln.kind == "head"][:MAX_HEAD_LINES]
            out.append((heads, [f]))
        last = index[id(f.last)]
    return out


def merge_digest_stretches(page: Page, threads: list, frags: list[Fragment]) -> list:
    """Where one column stretch of body text (no headline, caption or byline inside) stands
    under a head block that names two or more of the datelined items opening its fragments,
    the first of them among them (`named_items`), the threads lying wholly in the stretch are
    one digest, in the order they start. In a dump with blank lines the digest's columns come
    apart and interleave (dev pdftotext page 26: the Tokyo item's middle before the Manila
    item), so its items are not threads back to back."""
    holder = {id(f): ti for ti, t in enumerate(threads) for f in t.fragments}
    gone: set[int] = set()
    for heads, stretch in body_stretches(page, frags):
        if not heads:
            continue  # no head block to name the items: asked first, the cheap test
        inside = {id(f) for f in stretch}
        whole = sorted({holder[id(f)] for f in stretch
                        if all(id(g) in inside for g in threads[holder[id(f)]].fragments)} - gone,
                       key=lambda ti: threads[ti].fragments[0].order)
        items = [ti for ti in whole if opens_datelined(threads[ti].fragments)]
        if len(items) < 2 or items[0] != whole[0]:
            continue
        texts = [_text(threads[ti].fragments) for ti in items]
        if len(named_items(heads, texts)) < 2 or not one_headline(heads, False, texts):
            continue
        for ti in whole[1:]:
            absorb(threads[whole[0]], threads[ti], DIGEST_REASON)
            gone.add(ti)
    return [t for ti, t in enumerate(threads) if ti not in gone]


def named_run(texts: list[str], windows: list[list[list[Line]]]) -> int:
    """How many items from the first on (texts, back to back) one head block among `windows`
    names without a gap (`named_items`), where one headline of the block (`names_two`) names
    two of them by itself; 1 when none does."""
    best = 1
    for units in windows:
        hits = named_items([ln for unit in units for ln in unit], texts)
        n = 0
        while n < len(hits) and hits[n] == n:
            n += 1
        if n > best and any(names_two(unit, texts[:n]) for unit in units):
            best = n
    return best


def names_two(unit: list[Line], texts: list[str]) -> bool:
    """One headline (a line, or two broken inside a word) names two of the items, each by
    MIN_NAMED_BIGRAMS bigrams, the later by ones the earlier lacks (`东亚经济传真苏哈托强调经` /
    `济改革菲律宾汇市股市反弹`), the earlier by MIN_OWN_BIGRAMS the later lacks. A heads tail
    prints the briefs' one-line headlines in the briefs' order, so a window of its lines names
    brief after brief, a line each (dev raw pages 20, 21, 28, 39); a digest's headline strings
    its items together."""
    found = [named_bigrams(unit, t) for t in texts]
    hits = [f for f in found if len(f) >= MIN_NAMED_BIGRAMS]
    return any(len(later - hits[0]) >= MIN_NAMED_BIGRAMS and len(hits[0] - later) >= MIN_OWN_BIGRAMS
               for later in hits[1:])


def tail_windows(tail: list[Line], opens) -> list[list[list[Line]]]:
    """Every run of up to MAX_HEAD_LINES head lines of a heads tail that may open a block
    (`opens(tail, j)`), cut into its headlines (a line and the lines after it that open no
    block): the headlines a digest's items may stand under."""
    out = []
    for j in range(len(tail)):
        if not opens(tail, j):
            continue
        units: list[list[Line]] = []
        for k in range(j, min(j + MAX_HEAD_LINES, len(tail))):
            if tail[k].kind != "head":
                break
            if k == j or opens(tail, k):
                units.append([])
            units[-1].append(tail[k])
            out.append([list(u) for u in units])
    return out


def unheaded(text: str, windows: list[list[list[Line]]]) -> bool:
    """No head block among `windows` finds MIN_NAMED_BIGRAMS of its bigrams in the item's
    opening: the item has no headline of its own anywhere in the tail."""
    return all(len(named_bigrams([ln for unit in units for ln in unit], text)) < MIN_NAMED_BIGRAMS
               for units in windows)


def next_digest_at(texts: list[str], windows: list[list[list[Line]]], n: int) -> int:
    """How many of the `n` items one tail block names from the first on (`named_run`) are its
    digest's: the first later item that opens a named run of its own reaching past the `n`
    starts another digest. A window of MAX_HEAD_LINES lines runs over into the next headline
    (`东亚金融危机不影响我开放政` / `策德企业对其在华投资感到满意` naming two items, then
    `东亚经济传真日将再向印尼提供援助` naming the third), whose own digest names the items
    after it too (`菲又降低经济增长目标…`): simulated raw and PyMuPDF TRAIN page 59, the
    third item joined to the digest before and its headline handed to a paragraph of the
    second. A digest's later items named by its own headline end with it (dev raw page 26).
    TRAIN pages 41-300 raw body/exact/byline .9364/.7519/.8827 -> .9367/.7528/.8831, PyMuPDF
    .9381/.7649/.8925 -> .9385/.7658/.8929 (page 59); dev 1-40 and sim VAL output unchanged."""
    for k in range(1, n):
        if k + named_run(texts[k:], windows) > n:
            return k
    return n


def items_in_stream(runs: list[list[str]], windows: list[list[list[Line]]]) -> list[tuple[int, int]]:
    """For a page that prints its heads after all its bodies (`stages.heads_tail`): among runs
    of lead-in items back to back (each run its items' texts), the items one tail block names
    along with the item just before (a digest: dev raw page 26, `东亚经济传真…` naming four
    `据新华社…电` items), and the items right after those that no tail block names at all (no
    headline of their own: the same digest's two `本报汉城…电` items), as (run, item) pairs.
    Those are no segment starts of the alignment, which would otherwise hand each item a block
    and every later block to the wrong article."""
    out = []
    for r, texts in enumerate(runs):
        s = 0
        while s < len(texts) - 1:
            n = next_digest_at(texts[s:], windows, named_run(texts[s:], windows))
            if n > 1:
                while s + n < len(texts) and unheaded(texts[s + n], windows):
                    n += 1
            out += [(r, k) for k in range(s + 1, s + n)]
            s += n
    return out
