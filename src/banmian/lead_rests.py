"""Put a report's rest, printed away from its opening, back after that opening.

pdftotext cuts a report's first column off from the next at a blank line; where the column
break falls at a paragraph's end, nothing at the break (no word or sentence spanning it) ties
the two, and the rest, printed elsewhere in the walk (often before the opening, or under a pull
quote), opens an article of its own on its new words (`article_start:content_change`) or under
a head line that is no headline of its own. The opening stays a short headed article: its
headline, its lead-in byline (`新华社北京1月21日电…`) and a paragraph or two ending a sentence
(`adjacent_splits.lead_over_rest` handles the rest printed right under it).

Two printed facts single these out: a report opening with a lead-in under its headline and
stopping at a paragraph's end within LEAD_MAX_CHARS is most often a cut-off opening (simulated
TRAIN pdftotext pages 1-300: of 160 such articles, 99 are the opening of a longer gold report,
43 a whole one, 18 no report's start); and a headless, bylineless piece opening an indented
paragraph (no lead-in, no continuation note) is most often a piece of another article (there:
318 of 437; 81 open a gold article). Which opening such a piece goes on is told by their words:
it goes on the opening it shares most (bigram cosine, REST_MIN_COSINE at least), when no other
such piece shares as much with that opening (one rest an opening). Vocabulary alone, between
any stray piece and any article, joined wrong pieces as often as right ones.
"""
from __future__ import annotations

from typing import Final

from banmian.adjacent_splits import (CONTENT_CHANGE_REASON, articles_under, body_chars, ends_on_credit, quoted_head,
                                     reads_on_below)
from banmian.article_merges import HEAD_FIELDS, drop_merged, has_head, merge_into
from banmian.body_texts import body_text
from banmian.head_tiers import quotes_body
from banmian.model import Article, Fragment, Page, page_line_index
from banmian.pull_quotes import quotes_clause
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import is_lead_in
from banmian.similarity import bigram_key_counts, bigrams, key_counts_cosine, share_found

# Sim TRAIN pdftotext pages 1-300 (rests joined that are pieces of the opening's gold article /
# not): openings of at most 150 characters and cosine 0.05: 46 / 14, 0.08: 43 / 6, 0.1: 39 / 5,
# 0.15: 25 / 4; at most 250 characters, 0.1: 46 / 8. Dev pdftotext pages 1-40, 150 characters and
# 0.1: fires on pages 5, 17, 20 (twice) and 39, each a rest of its opening's report (0.08: one
# wrong more). In the pipeline, sim pdftotext body_char_acc TRAIN 41-300 / VAL 41-120: 150 and
# 0.1: 0.8123 / 0.8000; 250 and 0.1: 0.8119 / 0.8007 (dev 1-40 0.9082 -> 0.9074); 150 and 0.08:
# 0.8125 / 0.8006.
LEAD_MAX_CHARS: Final = 150
LEAD_MAX_PIECES: Final = 2
REST_MIN_COSINE: Final = 0.1
REST_REASON: Final = "merge:rest_of_lead"
# The start reasons of a thread the start model opened on its own words or under head lines.
REST_OPENINGS: Final = ("article_start:content_change", "article_start:headline_before")
# A rest may also sit under a head line that is not its own: a subhead or pull quote of its
# report, a line of another article, another report's headline (sim TRAIN pdftotext page 10: the
# rest of `乔石会见贝宁总统` under `中国青年志愿者行动`, a subhead printed over it). Such a
# rest opened its thread weakly: the start model saw the head line above and little else (its
# log-odds below HEADED_REST_MAX_LOGIT), where a report's own opening under its headline scores
# higher. Sim TRAIN pdftotext 1-300, joins right (a piece of the opening's gold article) / wrong:
# bare rests alone 37 / 5; with headed rests, log-odds below 1.0 and cosine 0.15: 51 / 5 (new
# joins 15 / 1); cosine 0.1: 52 / 8; any log-odds and 0.15: 51 / 7. Dev pdftotext 1-40: pages 36
# and 40, both right. The head the report keeps is the one its joined text shares more
# (`settle_heads`): TRAIN 1-40 headline_acc 0.6442 (the opening's, always) -> 0.6474.
HEADED_REST_MAX_LOGIT: Final = 1.0
# Where the column break falls inside a paragraph, the opening stops on a line running to the
# column's edge, no sentence closed (`end` "open"), and its rest starts on a line flush with
# the column, no indent (`start` "open"); where it falls at a paragraph's end, the opening closes
# the paragraph and the rest opens an indented one (`rests_run_on`). Sim TRAIN pdftotext 1-300,
# joins right / wrong: 51 / 5 -> 59 / 5 (new joins 8 / 1: pages 13, 33, 64, 158, 196, 213 twice,
# 229, 283); dev pdftotext 1-40: page 39, right.
CUT_ENDS: Final = ("closed", "maybe", "open")
REST_STARTS: Final = ("indent", "open")
HEADED_REST_MIN_COSINE: Final = 0.15
HEADED_REST_REASON: Final = "merge:headed_rest_of_lead"


def cut_opening(article: Article, group: list[Fragment]) -> bool:
    """A report's opening cut off at a column break: a headline (not only a pull quote of its
    own body), a lead-in byline opening its text, at most LEAD_MAX_PIECES pieces and
    LEAD_MAX_CHARS characters, the last piece closing a paragraph or stopping inside one
    (`CUT_ENDS`, its rest `rests_run_on`), no closing credit."""
    if not group or not has_head(article) or quoted_head(article) or len(group) > LEAD_MAX_PIECES:
        return False
    return cut_lead_in(article, group)


def cut_lead_in(article: Article, group: list[Fragment]) -> bool:
    """`cut_opening` but for the head: a lead-in opening at most LEAD_MAX_PIECES pieces and
    LEAD_MAX_CHARS characters, stopping at a column break (`CUT_ENDS`), no closing credit."""
    if not group or len(group) > LEAD_MAX_PIECES:
        return False
    if group[-1].end not in CUT_ENDS or not is_lead_in(group[0].first.text):
        return False
    return body_chars(article) <= LEAD_MAX_CHARS and not ends_on_credit(article)


def stray_rest(article: Article, group: list[Fragment]) -> bool:
    """A piece that opened an article on its words or under head lines alone: it opens an
    indented paragraph or a column mid-paragraph (`REST_STARTS`) with no lead-in, has no byline,
    and no head other than a pull quote of its own body."""
    if not group or not article.reasons or not article.reasons[0].startswith(REST_OPENINGS):
        return False
    if article.byline or (has_head(article) and not quoted_head(article)):
        return False
    return group[0].start in REST_STARTS and not is_lead_in(group[0].first.text)


def start_logit_of(article: Article) -> float:
    """The start model's log-odds in the article's opening reason (`article_start:cue:+0.81`)."""
    tail = article.reasons[0].rsplit(":", 1)[-1] if article.reasons else ""
    try:
        return float(tail)
    except ValueError:
        return float("inf")


def headed_rest(article: Article, group: list[Fragment]) -> bool:
    """A piece that opened an article weakly (`HEADED_REST_MAX_LOGIT`) under head lines that
    are no pull quote of its own body: it opens as a `stray_rest` does, with no lead-in and no
    byline."""
    if not group or not article.reasons or not article.reasons[0].startswith(REST_OPENINGS):
        return False
    if article.byline or not has_head(article) or quoted_head(article):
        return False
    if start_logit_of(article) >= HEADED_REST_MAX_LOGIT:
        return False
    return group[0].start in REST_STARTS and not is_lead_in(group[0].first.text)


def head_of(article: Article) -> str:
    return "".join(getattr(article, key) or "" for key in HEAD_FIELDS)


def release_heads(page: Page, article: Article) -> None:
    """The head lines `article` holds go back to the leftovers (`metadata.collect_unassigned`)
    and its head fields are emptied."""
    for ln in page.lines:
        if ln.kind == "head":
            page.release(ln, article)
    for key in HEAD_FIELDS:
        setattr(article, key, None)


# `kicker_to_keeper`: the kicker of the head a joined report drops goes on as the kept head's kicker.
KEEP_QUOTED_KICKER = True
KEPT_KICKER_REASON: Final = "headline:kicker_kept_over_joined_rest"


def kicker_to_keeper(page: Page, keeper: Article, loser: Article, text: str) -> None:
    """The kicker lines of the head `loser` gives up (`settle_heads`) that repeat a whole clause
    of the joined report's `text` (`head_tiers.quotes_body`: a sentence of the report set large,
    a pull quote or kicker of its own) go on as `keeper`'s kicker when it has none: the head
    dropped is the rest's wrong one (its body lines read as a headline), not the quote of the
    report's own words printed over it (simulated TRAIN pdftotext page 271: `空运代理及国际多式联运业务`
    taken as a pull quote by a piece headed `中外代公司成立于`, the piece joined its opening
    `中外代成为世界最大远洋代理系统` and the quote was left over; TRAIN pdftotext 1-300 fires there
    alone, sim VAL and dev 1-40 never)."""
    if keeper.kicker or not loser.kicker:
        return
    moved = [ln for ln in page.held_lines(loser, "head")
             if ln.text.strip() and ln.text.strip() in loser.kicker and quotes_body(ln.text, text)]
    if not moved:
        return
    for ln in moved:
        page.move(ln, loser, keeper)
        ln.because(KEPT_KICKER_REASON)
    keeper.kicker = " ".join(ln.text.strip() for ln in moved)
    keeper.because(KEPT_KICKER_REASON)


def settle_heads(page: Page, target: Article, piece: Article) -> None:
    """Before a headed rest joins its opening: a dash subtitle alone goes on as the opening's
    subtitle, a headline quoting a clause of the joined text as its kicker (`merge_into`);
    otherwise the report keeps whichever head, the opening's or the rest's, the joined text
    shares more bigrams with, and the other's lines go back to the leftovers, but for a kicker
    quoting the joined text (`kicker_to_keeper`)."""
    if not has_head(target):
        return  # a headless opening takes the rest's head (`merge_into`)
    text = strip_ws("".join(target.paragraphs + piece.paragraphs))
    if not piece.kicker and not piece.headline and piece.subtitle and not target.subtitle:
        target.subtitle, piece.subtitle = piece.subtitle, None
        return
    if not piece.kicker and not piece.subtitle and piece.headline and quotes_clause(strip_ws(piece.headline), text):
        return
    if share_found(bigrams(head_of(piece)), text) > share_found(bigrams(head_of(target)), text):
        if KEEP_QUOTED_KICKER:
            kicker_to_keeper(page, piece, target, text)
        release_heads(page, target)
        for key in HEAD_FIELDS:
            setattr(target, key, getattr(piece, key))
            setattr(piece, key, None)
    else:
        if KEEP_QUOTED_KICKER:
            kicker_to_keeper(page, target, piece, text)
        release_heads(page, piece)


def headless_opening(article: Article, group: list[Fragment]) -> bool:
    """A `cut_lead_in` with no head at all: the headline stage gave its headline to the rest,
    printed under it away from the opening (sim TRAIN pdftotext page 122: `中宣部总政治部湖南省委
    联合举办报告会…` over the rest, its lead-in opening headless elsewhere). It takes a
    `headed_rest` only, whose head comes with it. Sim TRAIN pdftotext 1-300, joins right / wrong:
    59 / 5 -> 65 / 6 (pages 108, 122, 143, 147, 154, 300; wrong 164, a lead-in inside a report);
    with any start log-odds for the rest 66 / 10. Dev pdftotext 1-40: pages 29 and 40, right."""
    return not has_head(article) and cut_lead_in(article, group)


def rests_run_on(opening: list[Fragment], rest: list[Fragment]) -> bool:
    """The rest starts as the opening stops: mid-paragraph after an opening that stops on an open
    line, on an indented paragraph after one that closes its paragraph (`CUT_ENDS`)."""
    return (opening[-1].end == "open") == (rest[0].start == "open")


class Cosines:
    """`bigram_cosine` of the articles' texts as they stood (taken before any merge), each
    text counted and each pair computed only when first asked for (speed alone)."""

    def __init__(self, texts: dict[int, str]) -> None:
        self.texts = texts
        self.counts: dict[int, dict[int, int]] = {}
        self.pairs: dict[tuple[int, int], float] = {}

    def counts_of(self, n: int) -> dict[int, int]:
        found = self.counts.get(n)
        if found is None:
            found = self.counts[n] = bigram_key_counts(self.texts[n])
        return found

    def of(self, r: int, m: int) -> float:
        c = self.pairs.get((r, m))
        if c is None:
            c = self.pairs[(r, m)] = key_counts_cosine(self.counts_of(r), self.counts_of(m))
        return c


def rests_of_leads(page: Page) -> None:
    """Merge each `stray_rest` into the `cut_opening` whose text it shares most (REST_MIN_COSINE
    at least), when no other stray rest shares more with that opening. Runs after the
    headlines stage (and `adjacent_splits.merge_adjacent_splits`)."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    articles = page.articles
    if len(groups) != len(articles) or len(groups) < 2:
        return
    leads = [n for n, (a, g) in enumerate(zip(articles, groups)) if cut_opening(a, g) or headless_opening(a, g)]
    rests = [n for n, (a, g) in enumerate(zip(articles, groups)) if stray_rest(a, g)]
    headed = [n for n, (a, g) in enumerate(zip(articles, groups)) if n not in leads and headed_rest(a, g)]
    rests = sorted(rests + headed)
    if not leads or not rests:
        return
    cos = Cosines({n: body_text(articles[n]) for n in leads + rests})
    gone: dict[int, int] = {}
    for r in rests:
        fits = [m for m in leads if rests_run_on(groups[m], groups[r]) and (r in headed or has_head(articles[m]))]
        if not fits:
            continue
        best = max(fits, key=lambda m: cos.of(r, m))
        c = cos.of(r, best)
        if c < (HEADED_REST_MIN_COSINE if r in headed else REST_MIN_COSINE) or best in gone.values():
            continue
        if any(cos.of(x, best) >= c for x in rests if x != r):
            continue  # another stray piece shares as much with that opening
        if r in headed:
            settle_heads(page, articles[best], articles[r])
        if groups[r][0].start == "open" and articles[best].paragraphs and articles[r].paragraphs:
            # cut inside a paragraph: the rest's first paragraph goes on the opening's last
            articles[r].paragraphs[0] = articles[best].paragraphs.pop() + articles[r].paragraphs[0]
        # a pull quote the rest took goes with it as the report's kicker (`article_merges.merge_into`)
        why = HEADED_REST_REASON if r in headed else REST_REASON
        merge_into(page, articles[best], articles[r], groups[best], groups[r], groups[best][-1], f"{why}:{c:.2f}")
        gone[r] = best
    if gone:
        drop_merged(page, groups, gone)


# A lead-in report cut after its opening paragraph whose rest, printed right under it (an indented
# paragraph, blank lines only between: `adjacent_splits.reads_on_below`), took a head on its
# words (`headed_rest_under_lead`): `adjacent_splits.lead_over_rest` takes headless rests only,
# and `rests_of_leads` asks the two to share words (HEADED_REST_MIN_COSINE), which so short an
# opening seldom does. Dateline misses motivated it (bench/datelines.py): the gold paired with
# the rest, whose dateline was empty, its lead-in left on the opening. Sim TRAIN pdftotext
# 1-300: such rests under a one-piece lead-in opening of at most LEAD_MAX_CHARS, closing its
# paragraph: 6 of 6 the opening's report (pages 47, 108, 136, 153, 177; dev page 2 too). The
# report keeps the head its joined text shares more (`settle_heads`). In the pipeline (after
# `adjacent_splits.lead_runs_on`), pdftotext body / exact / byline: TRAIN 41-300 changes on pages
# 108 and 136 (both up: .8297 / .5559 / .8017 -> .8298 / .5563 / .8026), VAL 1-120 .8161 / .5692 /
# .7758 -> .8162 / .5702 / .7769, dev 1-40 page 2 (.9146 / .6656 / .8738 -> .9149 / .6656 / .8770).
HEADED_UNDER_REASON: Final = "merge:headed_rest_under_lead"


def headed_rest_under_lead(piece: Article, group: list[Fragment], target: Article, target_group: list[Fragment]) -> bool:
    """`piece` (its pieces `group`), opened on a content change, holds a head but no byline and
    no lead-in; `target` is one piece opening with a lead-in byline, at most LEAD_MAX_CHARS,
    closing no report with a credit."""
    if not piece.reasons or not piece.reasons[0].startswith(CONTENT_CHANGE_REASON):
        return False
    if not has_head(piece) or piece.byline or not group or is_lead_in(group[0].first.text):
        return False
    if len(target_group) != 1 or not is_lead_in(target_group[0].first.text) or ends_on_credit(target):
        return False
    return body_chars(target) <= LEAD_MAX_CHARS


def headed_rests_under_leads(page: Page) -> None:
    """Merge each `headed_rest_under_lead` into the opening printed right above it
    (`reads_on_below`), one rest an opening. Runs after `adjacent_splits.merge_adjacent_splits`,
    in dumps that part text blocks by blank lines."""
    groups: list[list[Fragment]] = page.scratch.get("article_groups", [])
    articles = page.articles
    if len(groups) != len(articles) or len(groups) < 2:
        return
    pos = page_line_index(page)
    under = articles_under(page, groups)
    gone: dict[int, int] = {}
    for n, (article, group) in enumerate(zip(articles, groups)):
        hit = under[n]
        if hit is None or hit[1] in gone or hit[1] in gone.values() or n in gone.values():
            continue
        above, m = hit
        if not reads_on_below(page, above, group[0], pos):
            continue
        if not headed_rest_under_lead(article, group, articles[m], groups[m]):
            continue
        settle_heads(page, articles[m], article)
        merge_into(page, articles[m], article, groups[m], group, above, HEADED_UNDER_REASON)
        gone[n] = m
    if gone:
        drop_merged(page, groups, gone)
