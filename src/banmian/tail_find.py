"""Where a page's heads tail starts: the end of the body stream in a dump that prints every
headline after all the bodies (`find_tail`), or only its first articles' headlines
(`find_prefix_tail`), and head lines read as body where a text closes before them (`trailing_heads`,
`heads_before_captions`). Used by the heads_tail stage (`stages/heads_tail.py`)."""
from __future__ import annotations

from typing import Final

from banmian.line_shape import separates_blocks
from banmian.model import HEAD_KINDS, Line, Page
from banmian.rules.chars import CLAUSE_MARKS as BASE_CLAUSE_MARKS
from banmian.rules.chars import ends_sentence, strip_ws
from banmian.rules.furniture import is_lead_in
from banmian.rules.names import office_signature
from banmian.similarity import bigrams_found

ENDS_STREAM: Final = ("jump", "source")  # lines printed at an article's end
# any clause or sentence mark, enumeration commas too
CLAUSE_MARKS: Final = frozenset(BASE_CLAUSE_MARKS + "、！？")
# The tail must hold this many head lines, and the stream before it at most this share of
# the tail's: on dev raw and PyMuPDF pages 1-40 the 13 pages that print (nearly) all heads
# last hold 6-31 head lines after their last body sentence and 0-3 before it; every other
# page holds at most 5 after it and 6-36 before.
MIN_TAIL_HEADS: Final = 4
# A headline asking a question or crying out (`环球虎年？`) may be read as body for its mark;
# standing alone among the tail's head lines it is no end of the stream (simulated raw and
# PyMuPDF TRAIN pages 58, 119, 171: `对交通事故调` / `解不服怎么办？` between two headlines, and
# no tail was found). A stream's last article never prints a body this short under a headline.
MAX_ISLAND_LINES: Final = 2
# Some pages print only their first articles' headlines last: the stream opens with those
# articles' bodies (the prefix, at least MIN_PREFIX_LINES body lines before the first head run
# without a sentence's inner mark, BODY_MARKS), the other articles follow under their own
# headlines, and a tail of at least MIN_TAIL_HEADS head lines comes last (dev raw/PyMuPDF pages
# 2, 10, 18, 25, 31, 35, 40 hold 2-8 head lines after their last body sentence, and 37-474 body
# lines before their first head line; simulated heads_end_partial pages). The tail is then
# aligned with the prefix alone (`find_prefix_tail`). Simulated TRAIN raw heads_end_partial
# headline_acc 0.6989 -> 0.7083; VAL raw/PyMuPDF body 0.9161/0.9164 -> 0.9190/0.9193; dev
# raw/PyMuPDF headline_acc 0.9180/0.9337 -> 0.9243/0.9464 (pages 2, 10, 35).
MIN_PREFIX_LINES: Final = 30
BODY_MARKS: Final = frozenset("，；。")
MAX_STREAM_HEAD_SHARE: Final = 0.5
OPENING_CHARS = 200  # how much of a segment's text a block is compared with


def ends_stream(line: Line) -> bool:
    """The line may be the body stream's last: a jump or source line, or a body line holding
    a clause mark. Head lines the classifier took for body hold none (`在十五大精神指引下`,
    `12月31日`), unlike the text of an article cut short (dev raw page 28: `系；为规范体育市场，促`)."""
    return line.kind in ENDS_STREAM or (line.kind == "body" and not CLAUSE_MARKS.isdisjoint(line.text))


def head_island(lines: list[Line], i: int) -> bool:
    """lines[i] is a body line in a run of at most MAX_ISLAND_LINES body lines with a head or
    byline line right before the run and a head line right after it: a headline the classifier
    took for body for its question or exclamation mark (`外国人怎` / `么过年？`, `环球虎年？`),
    not the body stream's end, which closes an article's whole text."""
    if lines[i].kind != "body":
        return False
    a = i
    while a > 0 and lines[a - 1].kind == "body":
        a -= 1
    b = i
    while b + 1 < len(lines) and lines[b + 1].kind == "body":
        b += 1
    return (b - a + 1 <= MAX_ISLAND_LINES and a > 0 and lines[a - 1].kind in HEAD_KINDS
            and b + 1 < len(lines) and lines[b + 1].kind == "head")


def find_tail(page: Page) -> int | None:
    """Where the heads tail starts in `page.lines` (the line after the stream's last line,
    `ends_stream`, not in a `head_island`), or None when the page does not print its heads
    last: too few head lines after it, or too many before."""
    return None if separates_blocks(page) else tail_start(page.lines)


def tail_start(lines: list[Line]) -> int | None:
    """`find_tail` on `lines`, whatever the page's blank lines."""
    end = stream_end(lines)
    tail = sum(1 for ln in lines[end + 1:] if ln.kind in HEAD_KINDS)
    if tail < MIN_TAIL_HEADS:
        return None
    stream = sum(1 for ln in lines[:end + 1] if ln.kind in HEAD_KINDS)
    return end + 1 if stream <= MAX_STREAM_HEAD_SHARE * tail else None


def stream_end(lines: list[Line]) -> int:
    """The index of the body stream's last line (`ends_stream`, not in a `head_island`), -1 if none."""
    end = len(lines) - 1
    while end >= 0 and (not ends_stream(lines[end]) or head_island(lines, end)):
        end -= 1
    return end


# A dump without blank lines that prints a headline after its body (a page printing each body
# before its headline, or its first articles' headlines last) may close on head lines the
# classifier took for body for their width (`中组部组织专家赴海南休假`, as wide as a column).
# Standing after the body stream's last line (`stream_end`), they hold no clause mark; where that
# line closes its text (a jump line, or the end of a sentence, `rules.chars.ends_sentence`: not
# text cut short, `…尤其要` / `注重抓好贫困地区和困难`) they are head lines, unless bracketed (a
# closing credit, `（赵相如陈平）`), a lead-in opening the next report (`据新华社北京1月25日电…`,
# simulated TRAIN raw page 45) or an office and a name (a signed article's byline,
# `文化部艺术局副局长戴英禄`, `heads_tail.reread_signatures`, TRAIN page 214), or leading a heads
# tail (`tail_lines` leaves those to the stream: dev raw page 39, `与这十大伙伴的贸易总额为`
# after `…45.1亿美元。`, the rest of a text cut short). Simulated TRAIN raw and PyMuPDF pages 39,
# 52, 53, 64, 166, 196 (PyMuPDF 279 too): `俄积极支持建立多极世界` / `叶利钦说应加强独联体工作`
# after `（下转A7版）`, the first article's headline, read on as the last article's body. TRAIN
# 41-300 headline_acc raw .7942 -> .7994, PyMuPDF .7896 -> .7966, exact .7579 / .7705 -> .7598 /
# .7724, body up; byline alike (page 85: a block now heads a fragment of a split article). Sim VAL
# 41-120 headline_acc raw .7822 -> .7886, PyMuPDF .7901 -> .7965, nothing else moves (VAL 1-40
# unchanged); fires on no dev page 1-40.
TRAILING_HEAD_REASON: Final = "head:after_closed_stream"
_BRACKETS_OPEN: Final = ("（", "(")
_BRACKETS_CLOSE: Final = ("）", ")")


def trailing_heads(page: Page) -> list[Line]:
    """The body lines after the body stream's last line (`stream_end`) where that line closes
    its text (a jump line or a sentence's end) and they are not bracketed, a lead-in nor an office
    and a name: head lines the classifier took for body (TRAILING_HEAD_REASON); not those leading
    a heads tail (at least MIN_TAIL_HEADS head lines after the stream), which may be the rest of a
    text cut short (`stages.heads_tail.tail_lines`). None on a dump with blank lines."""
    if separates_blocks(page):
        return []
    lines = page.lines
    end = stream_end(lines)
    if end < 0 or not (lines[end].kind == "jump" or ends_sentence(strip_ws(lines[end].text))):
        return []
    after = lines[end + 1:]
    leading = sum(1 for ln in after if ln.kind in HEAD_KINDS) >= MIN_TAIL_HEADS  # before a heads tail
    out = []
    for ln in after:
        leading = leading and ln.kind not in HEAD_KINDS
        if ln.kind == "body" and not leading and unmarked_head_line(ln):
            out.append(ln)
    return out


def unmarked_head_line(line: Line) -> bool:
    """A line that may be a head line read as body: not empty nor bracketed (a closing credit), not
    a lead-in, not an office and a name (see TRAILING_HEAD_REASON)."""
    t = strip_ws(line.text)
    return (bool(t) and not t.startswith(_BRACKETS_OPEN) and not t.endswith(_BRACKETS_CLOSE)
            and not is_lead_in(t) and not office_signature(t))


# A page printing each body before its headline draws an article's text, its headline block, then
# its picture's caption; the text closes on a jump line where the article goes on elsewhere. The
# lines between a jump line and a caption, holding no clause mark (CLAUSE_MARKS), are then that
# article's head lines read as body for their width (simulated TRAIN raw and PyMuPDF body-first
# pages 60, 157, 210 x2, 217: `（下转第十一版）` / `公安部呼吁社会各界采` / `取有力措施预防特大火灾` /
# `要害部位的消防安全检查` / `图为采取有力措施。`, read on as the next article's opening; of such
# runs after a jump line on TRAIN 1-300 every one ending at a caption is a head block; none on dev 1-40).
CAPTION_KIND: Final = "caption"
HEAD_BEFORE_CAPTION_REASON: Final = "head:between_jump_and_caption"


def heads_before_captions(page: Page) -> list[Line]:
    """The clause-free body lines (`unmarked_head_line`) standing between a jump line and a
    caption line, the whole run: head lines (HEAD_BEFORE_CAPTION_REASON). None on a dump with
    blank lines."""
    if separates_blocks(page):
        return []
    lines = page.lines
    out: list[Line] = []
    for i, ln in enumerate(lines):
        if ln.kind != "jump":
            continue
        j = i + 1
        while j < len(lines) and lines[j].kind == "body" and CLAUSE_MARKS.isdisjoint(lines[j].text):
            j += 1
        run = lines[i + 1:j]
        if run and j < len(lines) and lines[j].kind == CAPTION_KIND and all(unmarked_head_line(x) for x in run):
            out += run
    return out


def opens_head_run(lines: list[Line], i: int) -> bool:
    """lines[i] opens a run of head and byline lines none of which holds a sentence's inner
    mark (BODY_MARKS: body text taken for head lines, `临走，吴书记把市总`)."""
    if lines[i].kind not in HEAD_KINDS or (i > 0 and lines[i - 1].kind in HEAD_KINDS):
        return False
    j = i
    while j < len(lines) and lines[j].kind in HEAD_KINDS:
        if not BODY_MARKS.isdisjoint(lines[j].text):
            return False
        j += 1
    return True


def find_prefix_tail(page: Page) -> tuple[int, int] | None:
    """(tail start, prefix end) on a page that prints the headlines of its first articles last
    and the rest over their bodies: a tail of at least MIN_TAIL_HEADS head lines after the
    stream, and a stream opening with at least MIN_PREFIX_LINES body lines before its first
    head line (the prefix, whose articles the tail's blocks head); None on any other page."""
    return None if separates_blocks(page) else prefix_tail(page.lines)


def prefix_tail(lines: list[Line]) -> tuple[int, int] | None:
    """`find_prefix_tail` on `lines`, whatever the page's blank lines."""
    end = stream_end(lines)
    if sum(1 for ln in lines[end + 1:] if ln.kind in HEAD_KINDS) < MIN_TAIL_HEADS:
        return None
    first = next((i for i in range(end + 1) if opens_head_run(lines, i)), end + 1)
    if first > end or sum(1 for ln in lines[:first] if ln.kind == "body") < MIN_PREFIX_LINES:
        return None
    return (end + 1, first) if heads_the_body_after(lines, first) else None


def heads_the_body_after(lines: list[Line], first: int) -> bool:
    """The head run at lines[first] shares more bigrams with the body text after it than with
    the body text before it: it heads the next article, printed over its body. A page printing
    each body before its own headline (the run closing the prefix's one article, whose
    headline the tail then is not) is not a page printing its first headlines last."""
    j = first
    while j < len(lines) and lines[j].kind in HEAD_KINDS:
        j += 1
    run = "".join(strip_ws(ln.text) for ln in lines[first:j])
    before = "".join(strip_ws(ln.text) for ln in lines[:first] if ln.kind == "body")[-OPENING_CHARS:]
    after = "".join(strip_ws(ln.text) for ln in lines[j:j + 40] if ln.kind == "body")[:OPENING_CHARS]
    found, _ = bigrams_found([run], [before, after])
    return bool(found[1, 0] >= found[0, 0])
