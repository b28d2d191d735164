"""Put a digest's datelined item back under the headline that names it with the item it went to.

A roundup (`东亚经济传真泰内阁批准工业改革计划菲央行采取措施降低利率…`) prints several short
dispatches under one headline, each opened by its own lead-in (`新华社马尼拉1月22日电…`), the
strongest article-start cue there is, so `reassemble` opens a thread at each item.
`stages.roundups` joins the items again where the headline stands right next to a run of them;
in pdftotext's dumps a band's headlines print in a jumble above its bodies and the items of one
digest fall in different columns, so the headline often stands next to none of them. The
headlines stage then gives the digest's headline to one item (its words are that item's), and
the other items are left headless articles of their own.

Sim TRAIN pdftotext pages 1-300 (main c8cc688): 104 threads open on a lead-in that goes on in a
gold article (85 gold articles, 26 distinct source articles; a roundup article comes out exact
once). Plain adjacency is no cue: of the lead-in threads printed right under another thread that
ends a sentence, 35 go on that thread and 90 open a gold article or go elsewhere; kept headless by
the headlines stage, 22 and 16. The cue kept is the headline: a headed, datelined article whose
headline names its own opening and the headless item's by words of each (`named_places`,
the test of `roundups.names_two`). Among headless lead-in articles 8 of 10 such pairs are one
gold article; the wrong two, and the right ones that came out worse (the merged text read out
of order), are what `dispatch_item`, `datelined` and `in_print_order` leave out. As built the
rule joins 4 items on TRAIN pages 9 and 54 (two digests, `东亚经济传真…`, `东亚金融危机不影响…`),
all right: pdftotext body_char_acc 1-40 .8671 -> .8683, 41-300 .8372 -> .8377; sim VAL pdftotext
41-120 .8179 -> .8190 (one page, aggregate only); dev pages and raw / PyMuPDF dumps unchanged
(it fires on none).
"""
from __future__ import annotations

from typing import Final

from banmian.article_merges import drop_merged, has_head, merge_into
from banmian.body_texts import body_text
from banmian.line_shape import separates_blocks
from banmian.model import Article, Fragment, Page
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import is_lead_in
from banmian.similarity import bigrams
from banmian.stages.roundups import ITEM_OPENING_CHARS, MIN_NAMED_BIGRAMS, MIN_OWN_BIGRAMS

DIGEST_ITEM_REASON: Final = "merge:digest_item_named_by_headline"
# A wire dispatch's lead-in (`新华社马尼拉1月22日电`, `本报汉城1月21日电`) closes on 电 within this
# many characters. A reporter's byline (`本报记者…`, also a lead-in) opens features, no digest
# items (sim TRAIN pages 62, 93, 137: a feature's piece whose headline named both pieces); a home
# news lead-in (`本报讯`, `本报北京1月22日讯`) opens a report of its own or a section of a long one
# (sim TRAIN pages 126, 257, 265: a headline naming both a report's lead and its 本报讯 section, and
# two 本报讯 briefs whose headlines pdftotext printed into each other).
DISPATCH_MAX_CHARS: Final = 30
DISPATCH_MARK: Final = "电"
# A digest's items are short: sim TRAIN pdftotext digests' items hold 38 to 375 characters; a
# longer dispatch under a headline naming it is a report's own section (sim TRAIN page 259: a
# 1562-character speech report after its 本报 lead).
ITEM_MAX_CHARS: Final = 400
DIGEST_ITEMS = True  # switch (tests turn it off to see the rule's effect)
# A topic named in a headline: NAMING_RUN bigrams or more, each at most NAMING_GAP characters
# after the one before (sim TRAIN pages 9, 54, 59: each item's topic a run of 4 to 9 bigrams).
NAMING_RUN: Final = 3
NAMING_GAP: Final = 2
HEAD_FIELDS: Final = ("kicker", "headline", "subtitle")


def opening_of(article: Article) -> str:
    """The article's byline and text run together (white space out), its first
    ITEM_OPENING_CHARS characters: where a headline's words are looked for."""
    return (strip_ws(article.byline or "") + body_text(article))[:ITEM_OPENING_CHARS]


def datelined(article: Article) -> bool:
    """The article opens on a wire dispatch's lead-in (DISPATCH_MARK within DISPATCH_MAX_CHARS)."""
    text = opening_of(article)
    return is_lead_in(text) and DISPATCH_MARK in text[:DISPATCH_MAX_CHARS]


def dispatch_item(article: Article) -> bool:
    """A headless article of at most ITEM_MAX_CHARS opening on a dispatch lead-in (`datelined`)."""
    return not has_head(article) and len(body_text(article)) <= ITEM_MAX_CHARS and datelined(article)


def head_of(article: Article) -> str:
    return strip_ws("".join(getattr(article, key) or "" for key in HEAD_FIELDS))


def named_places(head: str, host: str, item: str) -> tuple[int, int] | None:
    """Where the headline names the host's opening and where the item's (`first_run` of the
    positions in the headline of the bigrams each one's opening holds and the other's lacks), when it
    names both by words of their own: the item by MIN_NAMED_BIGRAMS bigrams the host's opening
    lacks, the host by MIN_OWN_BIGRAMS the item's lacks and by MIN_NAMED_BIGRAMS in all
    (`roundups.names_two`); else None. A digest's headline strings its items' topics one after
    the other, in the items' order."""
    words = set(bigrams(head))
    on_host = {b for b in words if b in host}
    on_item = {b for b in words if b in item}
    host_own, item_own = on_host - on_item, on_item - on_host
    if len(on_host) < MIN_NAMED_BIGRAMS or len(item_own) < MIN_NAMED_BIGRAMS or len(host_own) < MIN_OWN_BIGRAMS:
        return None
    places = []
    for own in (host_own, item_own):
        at = [k for k in range(len(head) - 1) if head[k:k + 2] in own]
        places.append(first_run(at))
    return places[0], places[1]


def first_run(at: list[int]) -> int:
    """The first position of the first run of NAMING_RUN positions or more, each at most
    NAMING_GAP after the one before (a topic's words, not a bigram met by chance: `经济` of
    `东亚经济传真` found in a later item's opening, sim TRAIN page 54); the first position when
    there is no such run."""
    start = 0
    for k in range(1, len(at) + 1):
        if k == len(at) or at[k] - at[k - 1] > NAMING_GAP:
            if k - start >= NAMING_RUN:
                return at[start]
            start = k
    return at[0]


def digest_hosts(page: Page, groups: list[list[Fragment]]) -> dict[int, tuple[int, bool]]:
    """Each dispatch item (`dispatch_item`) whose one host is found, as item -> (host, whether
    the item goes first): a headed, datelined article whose headline names both
    (`named_places`), the item first when the headline names it first, and only where
    pdftotext printed the two in that order too (`in_print_order`). An article taken as a host
    is no item; a host takes the items of one digest only."""
    arts = page.articles
    openings = [opening_of(a) for a in arts]
    heads = [head_of(a) for a in arts]
    dated = [datelined(a) for a in arts]  # a digest's first item is a dispatch too
    out: dict[int, tuple[int, bool]] = {}
    for n, art in enumerate(arts):
        if not groups[n] or not dispatch_item(art):
            continue
        hosts = [(k, places) for k in range(len(arts)) if k != n and heads[k] and dated[k] and groups[k]
                 for places in [named_places(heads[k], openings[k], openings[n])] if places is not None]
        if len(hosts) != 1:
            continue
        k, (at_host, at_item) = hosts[0]
        first = at_item < at_host
        if k not in out and in_print_order(groups[n], groups[k]) == first:
            out[n] = (k, first)
    return {n: hit for n, hit in out.items() if n not in {k for k, _ in out.values()}}


def in_print_order(item: list[Fragment], host: list[Fragment]) -> bool:
    """pdftotext printed the item's first line before the host's. Where it printed a digest's
    items out of the order its headline names them (sim TRAIN page 59, the second item over
    the first, whose article held a third item's text already), the merged digest reads out of
    order and came out worse than its pieces: the item is left alone."""
    return item[0].first.no < host[0].first.no


def digest_items_to_their_heads(page: Page) -> None:
    """Merge each digest item into its host (`digest_hosts`), before or after its text. Only
    dumps that part text blocks by blank lines (`separates_blocks`: pdftotext's)."""
    if not DIGEST_ITEMS or not separates_blocks(page):
        return
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    if len(groups) != len(page.articles) or len(groups) < 2:
        return
    hits = digest_hosts(page, groups)
    for n in sorted(hits, key=lambda n: groups[n][0].first.no):
        k, first = hits[n]
        host, item = page.articles[k], page.articles[n]
        own = list(host.paragraphs)
        merge_into(page, host, item, groups[k], groups[n], groups[k][-1], DIGEST_ITEM_REASON)
        if first:
            host.paragraphs = host.paragraphs[len(own):] + own
            groups[k].sort(key=lambda f: f.first.no)
    if hits:
        drop_merged(page, groups, {n: k for n, (k, _) in hits.items()})
