"""Bylines of headlines printed side by side: which headline of a run each byline is under.

pdftotext prints headlines set side by side one after the other, and the bylines under them
after all of them (dev page 24: `切戒傲慢` … `摩托送餐` / `风行开罗` …, then `张祝基`, then
`本报驻埃及记者朱梦魁`, the first the byline of the first headline), or beside the last line of
the headline next to it (page 27: `与冷战思维 张武扬`, the byline of `走近米` / `兰大教堂`
printed above), or under a row of two headlines printed on one line (page 39: `汪大昭` under
`从评选最佳中 企业赞助体` / `场球员想到的 育的着眼点`, the left one's). A byline printed right
under a head line (no blank line between) is that headline's; the bylines set off from the
head lines above them go, in order, to the run's articles still without one, in the order
their headlines were printed (`headlines` asks here after its assignment, which gave such a
byline to the headline printed last). A lone byline set off by a blank line is the ordinary
byline under its own headline unless something shows headlines side by side: it stands on a
row with a head line or under one, or right above an article opening with a lead-in (page 17:
`本报驻俄罗斯记者许宏治` over `新华社莫斯科1月6日电…`), which is never that article's, or the
headline assignment gave it to an article opening with a lead-in (page 6: `本报评论员`).
"""
from __future__ import annotations

from typing import Final

from banmian.article_starts import lines_around
from banmian.head_row_parts import row_part
from banmian.model import HEAD_KINDS, INSIDE_BLOCK_KINDS, Article, Line, Page, page_line_index
from banmian.pull_quotes import PULL_QUOTE_REASON
from banmian.rules.bylines import find_lead_in, lead_in_byline

REASON: Final = "byline:side_by_side_headlines"


def head_runs(lines: list[Line]) -> list[list[Line]]:
    """Runs of head and byline lines; blank lines and continuation notes may stand inside."""
    runs: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        if ln.kind in HEAD_KINDS or (cur and ln.kind in INSIDE_BLOCK_KINDS):
            cur.append(ln)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [[ln for ln in run if ln.kind in HEAD_KINDS] for run in runs]


def set_off(lines: list[Line], k: int) -> bool:
    """The byline lines[k] is set off from the head line above: a blank line stands between,
    or that line is a part of a row of headlines (`split_head_rows`), the byline printed beside
    it on the row or under the row."""
    if k == 0:
        return False
    above = lines[k - 1]
    return above.kind == "blank" or (above.kind == "head" and _split_part(above))


def _beside_or_displaced(page: Page, k: int, below: dict[int, Article]) -> bool:
    """A lone byline at lines[k] shows headlines stood side by side: it was printed on one row
    with a head line or under a row of them, or the article printed right under it opens with
    a lead-in, so it is not that article's, or is another than the one whose head line stands
    nearest above it (`under_another_head`) (`below`: id of the line right above an article's
    first line, or of the byline over its caption -> that article)."""
    lines = page.lines
    under = below.get(id(lines[k]))
    return lines[k - 1].kind == "head" or (under is not None and (
        has_lead_in(under) or under_another_head(page, k, under)))


def under_another_head(page: Page, k: int, under: Article) -> bool:
    """The article printed right under the byline at lines[k] is not the one holding the
    nearest head line above it: the head blocks above stand side by side and pdftotext put
    the left one's body (and its byline) after all of them (sim TRAIN pdftotext page 4:
    `招标：节省的不…` / `首批12万纱锭…`, then `本报记者费伟伟`, a caption and the first
    one's body: the byline is the first headline's)."""
    lines = page.lines
    for j in range(k - 1, -1, -1):
        if lines[j].kind == "head":
            owner = page.owner_of(lines[j])
            return owner is not None and owner is not under
        if lines[j].kind not in ("blank", "byline"):
            return False
    return False


def _held_by_lead_in(page: Page, line: Line) -> bool:
    """The byline line was given (with a headline block) to an article opening with a lead-in,
    which never keeps one (`has_lead_in`): it is another headline's of the run (dev page 6:
    `位尊不移公仆心`, `风雪运输线`, then `本报评论员`, the first one's; the block
    `风雪运输线` / `本报评论员` went to the `本报讯` report under `风雪运输线`)."""
    owner = page.owner_of(line)
    return owner is not None and has_lead_in(owner)


def _split_part(line: Line) -> bool:
    return row_part(line) > 0


def has_lead_in(article: Article) -> bool:
    """The article's first paragraph opens with a lead-in byline (the gold never has both)."""
    first = article.paragraphs[0] if article.paragraphs else ""
    return bool(first and (lead_in_byline(first) or find_lead_in(first)))


def side_by_side_bylines(page: Page) -> None:
    """Give the bylines set off under a run of several articles' headlines to those articles
    (see the module docstring). A run with more such bylines than articles waiting for one is
    left as it is."""
    lines = page.lines
    pos = page_line_index(page)
    below = articles_below(page)
    for run in head_runs(lines):
        owners = [page.owner_of(ln) for ln in run]
        heads = by_last_head_line([a for ln, a in zip(run, owners)
                                   if ln.kind == "head" and a is not None
                                   and PULL_QUOTE_REASON not in ln.reasons])  # printed away from its headline: no order
        if len(heads) < 2:
            continue
        loose = [ln for ln in run if ln.kind == "byline" and set_off(lines, pos[id(ln)])]
        if not loose:
            continue
        under = {id(a) for ln, a in zip(run, owners) if ln.kind == "byline" and a is not None and ln not in loose}
        waiting = [a for a in heads if id(a) not in under and not has_lead_in(a)]
        if len(loose) > len(waiting) or not (len(loose) > 1 or _beside_or_displaced(page, pos[id(loose[0])], below)
                                             or _held_by_lead_in(page, loose[0])):
            continue
        _move(page, list(zip(loose, waiting)))


def articles_below(page: Page) -> dict[int, Article]:
    """id of the line printed right above each article's first line (blank lines skipped)
    -> that article."""
    out = {}
    for article, fragments in zip(page.articles, page.scratch.get("article_groups", [])):
        before = lines_around(page, fragments[0], after=False) if fragments else []
        if before:
            out[id(before[0])] = article
            over = line_over_captions(before)
            if over is not None:
                out.setdefault(id(over), article)
    return out


def line_over_captions(before: list[Line]) -> Line | None:
    """The line printed over the caption lines that open `before` (nearest first), if any
    caption stands there: a photo between a head block and its body."""
    k = 0
    while k < len(before) and before[k].kind == "caption":
        k += 1
    return before[k] if 0 < k < len(before) else None


def by_last_head_line(articles: list[Article]) -> list[Article]:
    """The distinct articles of a run's head lines (page order), ordered by where each one's
    head lines end: a kicker dealt to one headline printed before the other headline (sim
    TRAIN pdftotext page 184: `但如果在度的把握上不妥`, `美国经济增` / `长特点和成因`,
    `制约美经济扩` / `展的深层次问题`, then two bylines, the first the first headline's) does not
    put its article first."""
    return list(reversed(_distinct(list(reversed(articles)))))


def _distinct(articles: list[Article]) -> list[Article]:
    seen, out = set(), []
    for a in articles:
        if id(a) not in seen:
            seen.add(id(a))
            out.append(a)
    return out


def _move(page: Page, pairs: list[tuple[Line, Article]]) -> None:
    """Give each byline line its article; every article touched has its byline rebuilt from
    the byline lines it holds, in page order."""
    touched: list[Article] = []
    for ln, art in pairs:
        old = page.owner_of(ln)
        if old is art:
            continue
        if old is not None:
            touched.append(old)
        page.move(ln, old, art)
        ln.because(REASON)
        art.because(REASON)
        touched.append(art)
    for art in _distinct(touched):
        held = [ln.text for ln in page.lines if ln.kind == "byline" and page.owner_of(ln) is art]
        art.byline = " ".join(held) or None
