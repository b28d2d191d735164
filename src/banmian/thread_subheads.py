"""Thread subheads: one or two head lines between two pieces of one article's text.

While threading (`thread_beam`), the text after such lines goes on the thread before them when
both sides share vocabulary (`continues_past_subhead`: a subhead inside an article, or body
lines taken for head lines, not a headline before another article); once the threads are
built, `absorb_subheads` makes the lines a subhead paragraph of the thread, or runs them on as
body lines where the text runs across them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Final

from banmian.article_starts import lines_around
from banmian.closing_credits import closing_note, last_paragraph
from banmian.fragment_runs import ends_paragraph
from banmian.line_shape import WIDE_HEAD_REASON, separates_blocks
from banmian.model import Fragment, Line, Page
from banmian.para_cues import one_em_short
from banmian.rules.chars import HEAD_DASHES, strip_ws
from banmian.rules.furniture import is_lead_in
from banmian.similarity import bigram_cosine

if TYPE_CHECKING:
    from banmian.thread_beam import Thread


# Text on both sides of one short head line: on dev raw pages 1-40, with no lead-in after it,
# the bigram cosine of 300 characters each side is at most 0.088 across an article change and
# 0.10-0.22 for 9 of 17 subheads and mistaken body lines inside an article (body_char_acc pages
# 1-20 / 21-40: 0.9447 / 0.9235 -> 0.9494 / 0.9235; 0.08: 0.9420, 0.12: 0.9495, 0.15: 0.9473).
# Two head lines: one article change at 0.104, three two-line subheads at 0.17-0.33 (allowing
# them: 0.9494 / 0.9235 -> 0.9494 / 0.9274).
SUBHEAD_WINDOW: Final = 300
SUBHEAD_MIN_COSINE = 0.1
SUBHEAD_MAX_LINES = 2
# A head line holding one of these is body text taken for a head line (`heads_printed_last`):
# simulated raw TRAIN page 141, `消息公布后，加拉加` at the end of an article before another.
INNER_SENTENCE_MARKS: Final = frozenset("，；。！？")
# `continues_past_subhead` in dumps with blank lines (pdftotext) too, where the text before the
# head lines stops mid-sentence (`subhead_asked`): head lines there between two pieces of one
# article's text had the text after them open an article under them as under a headline (dev
# pdftotext pages 4, 30).
SUBHEAD_IN_BLOCK_DUMPS = True


def subhead_asked(prev: Fragment, blockless: bool) -> bool:
    """Is `continues_past_subhead` asked of the fragment after `prev`? In a dump without blank
    lines always; in one with blank lines (pdftotext's, SUBHEAD_IN_BLOCK_DUMPS) where `prev`
    stops mid-sentence at full width: the head lines then stand inside an article's text,
    whatever they are (a body line taken for a head line: dev page 4 `…如今，` / `这里实行了———`;
    another article's headline that pdftotext prints inside this article's column: page 29
    `…自然和人文景` / `罗布泊可望找到淡水阿其` / `克谷地勘查出淡水富存区` / `观的同时…`), and the text
    after them that shares the text before's vocabulary goes on with it. It was asked of dumps
    without blank lines only, and on dev pdftotext pages 1-40 it holds at 5 breaks so (pages 4,
    10, 29, 30, 37), the text after the lines in the gold article of the text before each time
    (body_char_acc pages 1-20 / 21-40: 0.9165 / 0.8789 -> 0.9168 / 0.8820 with
    `paragraph_tail_line`). After a finished sentence the lines may be a headline over another
    article on the same subject, which the text-similarity test cannot tell from a subhead: not
    asked there (6 such breaks on dev pdftotext, 5 of which the beam joins without it)."""
    return blockless or (SUBHEAD_IN_BLOCK_DUMPS and prev.end == "open")


# `one_line_subhead_break` is not taken where the text before ends on a question: a question
# closing the text right before a short head line is, on the simulated TRAIN pdftotext pages, as
# often a headline's question read as body (`企业破产厂长“破产”吗？` over its subtitle, `……怎么过年？`
# over a byline's stray name) as a section's last sentence: 5 of 8 wrong joins there, 5 of 83
# right ones (one subhead, five times). Asking `continues_past_subhead` at such breaks in
# pdftotext dumps too (after a finished sentence) joined 78 subheads on TRAIN but failed the
# held-out gate (pdftotext byline and source): not done there.
QUESTION_ENDS: Final = ("？", "?", "？”", "?”")
ONE_LINE_SUBHEAD_REASON: Final = "head:short_unpunctuated"


def one_line_subhead_break(page: Page, prev: Fragment, frag: Fragment) -> bool:
    """One short unpunctuated head line alone between `prev`, closed on a finished sentence
    that is not a question (QUESTION_ENDS), and `frag`, opening indented: a one-line subhead's
    shape (`subhead_min_cosine`)."""
    if prev.end == "open" or frag.start != "indent":
        return False
    if strip_ws(prev.last.text).endswith(QUESTION_ENDS):
        return False
    around = lines_around(page, frag, after=False)
    return len(around) == 1 and ONE_LINE_SUBHEAD_REASON in around[0].reasons


# `subhead_min_cosine` in a dump without blank lines at a `one_line_subhead_break` whose text
# before closes on no bracketed credit (`closing_credits.closing_note`: `…有着积极意义。（章文）`,
# the end of a report, dev raw pages 1 and 33, each over another article's headline). Sim TRAIN
# raw (300 pages), such breaks: cosine >= 0.1: 90 subheads, no article change; >= 0.05: 112
# subheads (`好心上当` … under a story of their own), none; >= 0.03: 118 and 2 article changes.
# Dev raw pages 1-40: the same five subheads at 0.05 as at 0.1, no article change. (pdftotext
# keeps SUBHEAD_MIN_COSINE: two article changes on dev pages 1-40 measure 0.07 and 0.088 there.)
SUBHEAD_LOW_COSINE: Final = 0.05


def subhead_min_cosine(page: Page, prev: Fragment, frag: Fragment) -> float:
    """The cosine `continues_past_subhead` asks of the texts either side of the head lines:
    SUBHEAD_LOW_COSINE at an uncredited `one_line_subhead_break` in a dump without blank lines,
    SUBHEAD_MIN_COSINE elsewhere."""
    if (not separates_blocks(page) and one_line_subhead_break(page, prev, frag)
            and closing_note(last_paragraph(prev.lines)) is None):
        return SUBHEAD_LOW_COSINE
    return SUBHEAD_MIN_COSINE


# A `one_line_subhead_break` (a short unpunctuated line between a finished sentence and an
# indented paragraph) may open a section of the article before as well as another article:
# pdftotext sets a one-line subhead, a short paragraph of its own, apart by blank lines as it does
# a headline, and the text under it opened an article under it (`subhead_in_series` tells the
# first). Sim TRAIN pdftotext pages 1-300, such breaks with no lead-in under them: 56 inside a gold
# article, 26 at an article change. Not a break whose line opens on a dash, a subtitle's lead
# (SUBTITLE_OPENERS; dev pdftotext page 8 `——使机关面貌一新` over another article), nor one after
# a bracketed credit (`closing_note`, dev page 1 `…有着积极意义。（章文）`). Asking
# `continues_past_subhead` at these breaks (cosine 0.05) joined 30 subheads on TRAIN and none of
# its article changes, but on dev page 33 took an article's own headline, printed after a
# paragraph of its text, for a subhead, and on sim VAL pdftotext it lost byline_acc .7613 ->
# .7593 and source_acc .9143 -> .9132 (at cosine 0.1: no change on VAL): not done.
SUBTITLE_OPENERS: Final = HEAD_DASHES


def section_subhead_break(page: Page, prev: Fragment, frag: Fragment) -> bool:
    """A `one_line_subhead_break` before `frag` whose line does not open on a dash (a subtitle's
    lead, SUBTITLE_OPENERS), whose text before closes on no bracketed credit (`closing_note`) and
    whose text after opens with no lead-in: the line may head a section of the article before."""
    if not one_line_subhead_break(page, prev, frag) or is_lead_in(frag.first.text):
        return False
    line = lines_around(page, frag, after=False)[0]
    if strip_ws(line.text).startswith(SUBTITLE_OPENERS):
        return False
    return closing_note(last_paragraph(prev.lines)) is None


# Subheads come in series: an article cut into sections prints one short line over each, while
# articles under one-line headlines stand apart, each under its lead-in or byline. Where the next
# (or the last) break in the dump with lines standing in it (a column turn holds none) is a
# `section_subhead_break` too, each line heads a section of one article, whatever the texts around
# it share (`subhead_in_series`). Sim TRAIN pdftotext pages 1-300: 11 such breaks, all inside a
# gold article (`为家庭主厨` / `美容美发登门` / `旅游摄影`; `无声的命令` / `生与死的搏斗`;
# `天津年货年味浓` / `呼和浩特塞北瓜果香`), 8 of them under SUBHEAD_LOW_COSINE; no article
# change. Dev pdftotext 1-40: none (output unchanged). With SERIES_MIN_COSINE, sim VAL pdftotext
# body_char_acc .8096 -> .8102, headline_acc .6229 -> .6250, the rest within .0002 (without it:
# byline_acc .7613 -> .7603); TRAIN body_char_acc .8271 -> .8303, para_f1 .8372 -> .8411.
SUBHEAD_SERIES = True
# The texts either side of a line in series still share some vocabulary: a bigram cosine of at
# least this (`texts_around`). Two short headlines in a row over reports without byline (a report
# under a subhead, then another under its one-line headline) read as a series, the second report
# on another subject: cosine 0.0099 in tests/test_adjacent_splits.py (`主队主场力克客队` over a
# football report after a rice harvest). TRAIN series lines at 0.02 or more: 7 of the 11 (the
# other four 0.0-0.017), dev none.
SERIES_MIN_COSINE = 0.02


def subhead_in_series(page: Page, frags: list[Fragment], i: int) -> bool:
    """Is the break before fragment i a `section_subhead_break` with the next or the last break
    that has lines between its fragments such a break too (SUBHEAD_SERIES)? The fragment then goes
    on the thread of the one before (`thread_beam`), and `absorb_subheads` makes the line a
    subhead paragraph."""
    if not SUBHEAD_SERIES or not section_subhead_break(page, frags[i - 1], frags[i]):
        return False
    if bigram_cosine(*texts_around(frags[i - 1], frags[i])) < SERIES_MIN_COSINE:
        return False
    for step in (1, -1):
        j = i + step
        while 1 <= j < len(frags) and not lines_around(page, frags[j], after=False):
            j += step
        if 1 <= j < len(frags) and section_subhead_break(page, frags[j - 1], frags[j]):
            return True
    return False


def continues_past_subhead(page: Page, prev: Fragment, frag: Fragment) -> bool:
    """One or two short head lines stand between two fragments
    whose texts share vocabulary: a subhead inside an article (dev raw page 9: `“假”字了得`
    between two paragraphs on forged art; page 38: `铸就“黄金人”，提前两` / `年实现运行管理自主化`)
    or body lines taken for head lines, not a headline before another article, which shares
    little with the text before it. The fragment goes on the thread of the one before
    (`absorb_subheads` then makes the subhead a paragraph). A line wider than the column is a
    headline; a lead-in opens an article whatever the topic.

    Asked of dumps with blank lines too where the text before stops mid-sentence
    (`subhead_asked`)."""
    if is_lead_in(frag.first.text):
        return False
    around = lines_around(page, frag, after=False)
    if not 1 <= len(around) <= SUBHEAD_MAX_LINES or any(ln.kind != "head" or WIDE_HEAD_REASON in ln.reasons for ln in around):
        return False
    if heads_printed_last(page) and not any(INNER_SENTENCE_MARKS.intersection(ln.text) for ln in around):
        return True
    return bigram_cosine(*texts_around(prev, frag)) >= subhead_min_cosine(page, prev, frag)


def texts_around(prev: Fragment, frag: Fragment) -> tuple[str, str]:
    """The last SUBHEAD_WINDOW characters of `prev` and the first of `frag`, whose bigram cosine
    tells whether they read as one article."""
    before = "".join(strip_ws(ln.text) for ln in prev.lines)[-SUBHEAD_WINDOW:]
    after = "".join(strip_ws(ln.text) for ln in frag.lines)[:SUBHEAD_WINDOW]
    return before, after


def heads_printed_last(page: Page) -> bool:
    """The page prints its headlines after all its bodies (`heads_tail` aligned a tail of
    headline blocks): one or two head lines inside the body stream where `heads_tail` cut
    nothing are a subhead or body lines taken for head lines, whatever the text on either
    side shares. On simulated raw TRAIN pages whose tail was aligned, 47 such breaks go on
    with the article before (16 of them with a cosine under SUBHEAD_MIN_COSINE: subheads
    `美容美发登门`, `贪心上当` over a new story of the same article), 3 open one (2 on pages
    that print some headlines over their bodies); dev raw page 20 holds one, inside its article.
    Not where a line between holds a sentence mark (INNER_SENTENCE_MARKS): body text taken for a
    head line, which may end the article before. Not on a page whose tail heads only the
    stream's first articles (`tail_find.find_prefix_tail`): the rest print their headlines over
    their bodies (simulated VAL raw body_char_acc 0.9190 with this, 0.9159 without)."""
    return bool(page.scratch.get("tail_blocks")) and not page.scratch.get("heads_tail_prefix")


def absorb_subheads(page: Page, threads: list[Thread]) -> None:
    """One or two head lines (SUBHEAD_MAX_LINES) between two pieces of one thread are a
    subhead paragraph (dev raw page 38: `铸就“黄金人”，提前两` / `年实现运行管理自主化`; the
    gold keeps subheads as paragraphs).

    Articles carry unpunctuated one-line paragraphs (`换个思路找出路`, dev page 30) that look
    like one-line headlines; when the text before and after it reads as one article, the
    line is that article's paragraph. Where the text runs across the lines instead (the piece
    before stops mid-sentence, or the piece after starts mid-sentence), in a dump without blank
    lines, they are body lines where they stand (`_run_on_lines`).
    """
    where: dict[int, tuple[Thread, int]] = {}
    for t in threads:
        for i, f in enumerate(t.fragments):
            where[f.order] = (t, i)
    frags: list[Fragment] = page.scratch.get("fragments", [])
    blockless = not separates_blocks(page)  # where blank lines part blocks, a head line there is another article's
    for f, g in zip(frags, frags[1:]):
        between = lines_around(page, f, after=True)
        if not 1 <= len(between) <= SUBHEAD_MAX_LINES or any(ln.kind != "head" for ln in between):
            continue
        if g.order not in where or f.order not in where:
            continue
        (tf, i), (tg, j) = where[f.order], where[g.order]
        if tf is not tg or j != i + 1:
            continue
        if f.end == "open" or not _opens_under_subhead(g, page.column_width):
            if blockless and (f.end == "open" or g.start == "open"):
                _run_on_lines(tf, g, between, f.order, ends_paragraph(f.lines[-1], page.column_width, len(f.lines) == 1))
            elif paragraph_tail_line(f, g, between):
                _run_on_lines(tf, g, between, f.order, False, PARAGRAPH_TAIL_REASON)
            continue
        to_body_lines(between, "body:subhead_inside_article", True)
        sub = Fragment(lines=between, start="indent", end="closed", order=f.order)
        tf.fragments.insert(_position(tf.fragments, g), sub)
        g.first.para_start = True


RUN_ON_REASON = "body:runs_on_across_head_line"


# Head lines that finish a paragraph across a blank line in a dump with blank lines
# (`paragraph_tail_line`): at most this many. Dev pdftotext pages 4 and 37 (`…如今，` /
# `这里实行了———` / indented `江西省…`; `…威胁` / `群众健康` / indented `国家医药管理局…`): the
# line was left over once its two neighbours were joined, lost from the body (pages 1-20 para_f1
# 0.9065 -> 0.9080 with SUBHEAD_IN_BLOCK_DUMPS on). Two lines
# there are a headline (dev pages 10, 29, 30: another article's, printed inside the column).
PARAGRAPH_TAIL_LINES = 1
PARAGRAPH_TAIL_REASON: Final = "body:paragraph_tail_across_head_line"


def paragraph_tail_line(f: Fragment, g: Fragment, between: list[Line]) -> bool:
    """Head lines (at most PARAGRAPH_TAIL_LINES, none wider than the column) between two pieces
    of one thread, the piece before stopping mid-sentence and the piece after opening indented:
    the line is the short last line of the paragraph the piece before leaves open, taken for a
    headline's shape where blank lines stand round it (`absorb_subheads` asks it of dumps with
    blank lines; those without run such lines on in any case)."""
    return (len(between) <= PARAGRAPH_TAIL_LINES and f.end == "open" and g.start == "indent"
            and not any(WIDE_HEAD_REASON in ln.reasons for ln in between))


def _run_on_lines(thread: Thread, g: Fragment, between: list[Line], order: int, after_paragraph: bool,
                  reason: str = RUN_ON_REASON) -> None:
    """Head lines between two pieces of one thread where the text runs across them (the piece
    before stops mid-sentence, or the piece after starts mid-sentence) are body lines of the
    paragraph they stand in, not a subhead: the classifier took them for a headline's shape
    (dev raw and PyMuPDF page 37: `…是任何语言都不能比拟的。` / `我 听 惯 了` (letter-spaced) /
    `“Youarewelcome”等套`, and `…未取得注册证，威胁` / `群众健康` / `国家医药管理局日前`,
    both left over as headlines). They go in where they stand, opening a paragraph only after
    a line that ends one (`after_paragraph`, `fragment_runs.ends_paragraph`: a short line ending in
    a mark; page 18: `灌溉农田5万多亩。` / `石 漫 滩 水 库 初 建 于` / `1951年，是新中国成立`). Only in
    dumps without blank lines: in pdftotext's, a thread runs across other articles' headlines
    (dev pdftotext 1-20 headline_acc 0.7826 -> 0.7578 with it there); there only a
    `paragraph_tail_line` goes in so (`reason`: PARAGRAPH_TAIL_REASON)."""
    to_body_lines(between, reason, after_paragraph)
    thread.fragments.insert(_position(thread.fragments, g), Fragment(lines=between, start="open", end="open", order=order))


def to_body_lines(lines: list[Line], reason: str, opens_paragraph: bool) -> None:
    """Head lines read back as body lines of the text they stand in (a subhead, lines the text
    runs across), the first opening a paragraph when `opens_paragraph`; each records `reason`."""
    for k, line in enumerate(lines):
        line.kind, line.para_start = "body", opens_paragraph and k == 0
        line.because(reason)


def _opens_under_subhead(frag: Fragment, width: float) -> bool:
    """The piece under a subhead opens as a paragraph does: indented, or one em short and
    ending in a mark (`para_cues.one_em_short`: an indented first line whose marks are set
    half-width, which the paragraph stage takes for an opening after a finished sentence too).
    Dev raw and PyMuPDF page 30: `扶贫要扶志，更要扶智。` under the subhead `智力扶贫强素质`,
    which went to another article's headline, the two pieces joined without it."""
    return frag.start == "indent" or one_em_short(frag.first, width)


def _position(fragments: list[Fragment], frag: Fragment) -> int:
    """Where `frag` stands in `fragments` now (by identity). `absorb_subheads` reads the
    threads' positions once, before its insertions: each subhead put in shifts the thread's
    later pieces one place on, so an article's second subhead went in one place too early,
    right after the first (dev raw and PyMuPDF page 18: `十年耕耘` then `十年收获`, both before
    the text the first one heads)."""
    for k, f in enumerate(fragments):
        if f is frag:
            return k
    raise ValueError("fragment not in its thread")
