"""Classify: give every line a kind.

Kinds: blank, header, jump, continued, caption, source, byline, head (a line of a headline
block: kicker, headline or subtitle; the headlines stage tells the tiers apart) and body.
Patterns decide furniture and credits; the shape of a chunk (a run of non-blank lines) decides
head against body: body lines are justified to the column width, a paragraph's first line is
indented two em, and kinsoku forbids a body line to end with an opening bracket.
"""
from __future__ import annotations

from banmian.language import spanning_word
from banmian.model import Line, Page
from banmian.rules import furniture as F
from banmian.rules.chars import CJK_PUNCT, CLOSERS, OPENERS, SENTENCE_FINAL, ends_sentence, is_cjk, strip_ws
from banmian.rules.names import looks_like_names

# A body line narrower than the column by more than this (em) is short: an indented first line
# or a paragraph's last line. Dev dumps: middle lines measure -1.0..+1.0 em from the column.
FULL_SLACK = 1.0
# An indented first line is this much narrower than the column (2 em indent; dev: 1.5..3.5).
INDENT_MIN, INDENT_MAX = 1.5, 3.5
# Wider than the column by more than this even with all punctuation compressed: a line spanning
# columns (headline, caption). Dev page 2: two-line headline `世界游泳锦标赛再传捷报吴艳` is
# 13 em over a 12 em column and carries no punctuation, so it cannot be a justified body line.
WIDE_MIN_EXCESS = 0.75
CLAUSE_END = set("，。、；：？！…")
# A short line holding this many comma-like marks is a clause list, not a headline.
CLAUSE_MARKS_IN_BODY = 2
BODY_START_FORBIDDEN = CLOSERS | CLAUSE_END  # kinsoku: a body line never starts with these


BLANK_SHARE_MIN = 0.02  # share of blank lines above which a dump separates blocks by them


def separates_blocks(page: Page) -> bool:
    """Whether the dump separates text blocks by blank lines (pdftotext's default mode does;
    `pdftotext -raw` and PyMuPDF do not)."""
    blanks = sum(1 for ln in page.lines if ln.kind == "blank")
    return blanks >= BLANK_SHARE_MIN * max(len(page.lines), 1)


def slack(line: Line, width: float) -> float:
    """How much narrower than the column the line is, in em (negative when wider)."""
    return width - line.width


def _chunks(lines: list[Line]) -> list[list[Line]]:
    out, cur = [], []
    for ln in lines:
        if ln.kind != "body" or not ln.text:
            if cur:
                out.append(cur)
                cur = []
            continue
        cur.append(ln)
    if cur:
        out.append(cur)
    return out


def mark_blank_and_header(page: Page) -> None:
    """Blank lines; header lines at the top of the page (date, page label, editors)."""
    seen = 0
    in_header = True
    for ln in page.lines:
        text = ln.text
        if not text or text.isspace():  # `ln.blank`, spelled out: this runs for every line
            ln.kind = "blank"
            continue
        seen += 1
        near_top = in_header and seen <= F.HEADER_NEAR_TOP
        if not near_top and not F.may_be_strong_header(text):
            in_header = False  # cheap test first: most lines are body text
            continue
        t = strip_ws(text)
        if near_top and F.is_header_text(t):
            ln.kind = "header"
            ln.because("header:pattern")
        elif F.is_strong_header_text(t):
            ln.kind = "header"
            ln.because("header:editors_or_date")
        else:
            in_header = False


def mark_patterns(page: Page) -> None:
    """Jump and continuation lines, captions, source credits, standalone bylines."""
    for ln in page.lines:
        if ln.kind != "body" or not F.may_be_furniture(ln.text):
            continue
        found = F.furniture_kind(strip_ws(ln.text))
        if found:
            ln.kind = found[0]
            ln.because(found[1])


_NO_PUNCT = str.maketrans("", "", "".join(CJK_PUNCT))


def min_width(line: Line) -> float:
    """The line's width with every CJK punctuation mark compressed to half an em."""
    return squeezed(line.text, line.width)


def squeezed(text: str, width: float) -> float:
    """`width` (the text's em width) with every CJK punctuation mark compressed to half an em."""
    return width - 0.5 * (len(text) - len(text.translate(_NO_PUNCT)))


def ends_clause(t: str) -> bool:
    """The line ends a clause: a comma-like mark or a sentence end, maybe behind closing marks
    (dev page 32: `设施；”` closes a quoted clause of a law's text)."""
    if t[-1] in CLAUSE_END:
        return True
    if t[-1] not in CLOSERS:
        return False
    return ends_sentence(t) or t.rstrip("".join(CLOSERS))[-1:] in CLAUSE_END


def _body_clue(ln: Line) -> str | None:
    """A clue in the line itself that it is body text, or None."""
    t = ln.text
    if F.is_lead_in(t):
        return "body:lead_in"
    if ends_clause(t):
        return "body:clause_end"
    if t[0] in BODY_START_FORBIDDEN:
        return "body:starts_mid_sentence"
    if t[-1] in CLOSERS and (t[-1] in "）)" or ends_sentence(t)):
        # `（附图片1张）`, `（新华社记者樊如钧` / `摄）`: bracketed notes are body paragraphs
        return "body:bracket_end"
    return None


def _has_inner_clause_mark(text: str) -> bool:
    """A comma-like mark inside the line with a clause after it: body prose, not a headline."""
    for i, ch in enumerate(text[:-3]):
        if ch in "，、；" and i >= 2:
            return True
    return False


def _opens_bracket(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def classify_chunk(chunk: list[Line], width: float) -> None:
    """Decide head or body for each line of one chunk, in place."""
    n = len(chunk)
    wide_from = width + WIDE_MIN_EXCESS  # wider than this even when compressed: spans columns
    for i, ln in enumerate(chunk):
        t = ln.text
        nxt = chunk[i + 1] if i + 1 < n else None
        if t[-1] in OPENERS:
            ln.kind = "head"
            ln.because("head:ends_with_opener")
            continue
        clue = _body_clue(ln)
        if not clue and nxt is not None and ("（" in t or "(" in t) and _opens_bracket(t) and _body_clue(nxt) == "body:bracket_end":
            clue = "body:bracket_continues"
        wide = ln.width > wide_from and min_width(ln) > wide_from
        if wide and clue not in ("body:clause_end", "body:lead_in"):
            ln.kind = "head"
            ln.because("head:wider_than_column")
            continue
        if clue:
            ln.because(clue)
            continue
        s = slack(ln, width)
        prev = chunk[i - 1] if i else None
        if s <= FULL_SLACK:
            if n == 1 and nxt is None and prev is None and s > 0.5:
                ln.kind = "head"
                ln.because("head:alone_not_full")
            else:
                ln.because("body:full_width")
            continue
        # short line with no punctuation at its end: body only as a paragraph's indented first
        # line followed by more of the paragraph (a full line, or a last line ending it), not
        # by another indented line (dev page 1: headline `中影中唱组建VCD生产线` over the
        # indented `由全国影视、音像行业`)
        follows_body = nxt is not None and nxt.text[-1] not in OPENERS and (
            slack(nxt, width) <= FULL_SLACK or ends_sentence(nxt.text)
        )
        prev_closed = prev is None or prev.kind != "body" or ends_sentence(prev.text) or slack(prev, width) > FULL_SLACK
        nxt_indented = nxt is not None and INDENT_MIN <= slack(nxt, width) and not ends_sentence(nxt.text)
        if INDENT_MIN <= s <= INDENT_MAX and follows_body and prev_closed and not nxt_indented:
            ln.because("body:indented_first_line")
            continue
        if INDENT_MIN <= s <= INDENT_MAX and nxt is None and prev_closed and _has_inner_clause_mark(t):
            # dev page 3: `那么，为什么柯达会赞助` opens a paragraph at the foot of a column
            ln.because("body:indented_first_line_at_column_foot")
            continue
        if follows_body and prev is not None and prev.kind == "body" and not prev_closed:
            # dev page 8: `文明单位956个，文明窗口` measures short (digits) between two body lines
            ln.because("body:between_body_lines")
            continue
        if sum(1 for ch in t if ch in "，、；") >= CLAUSE_MARKS_IN_BODY:
            # raw dev page 22: `同胞们、朋友们、女` / `士们、先生们：` opens a speech
            ln.because("body:clause_marks")
            continue
        if looks_like_names(t):
            ln.kind = "byline"
            ln.because("byline:names")
        else:
            ln.kind = "head"
            ln.because("head:short_unpunctuated")


def mark_colon_heads(chunk: list[Line], width: float) -> None:
    """A chunk's short first line that ends with a colon, right above a headline line, is the
    headline's first line (dev page 9: `《百年恩来》：` / `要说的太多，太多`), not a body line
    announcing a list."""
    if len(chunk) < 2:
        return
    first, nxt = chunk[0], chunk[1]
    t = first.text.rstrip()
    if (first.kind == "body" and t[-1] in "：:" and slack(first, width) > INDENT_MAX
            and nxt.kind == "head"):
        first.kind = "head"
        first.because("head:colon_above_headline")


def mark_clause_ended_heads(chunk: list[Line], width: float) -> None:
    """A short line ending with a comma-like mark right above a headline line is the headline's
    first line (dev page 16: `国家防总、` over `水利部通知要求各地全力以赴…`): in body text only a
    paragraph's last line is short, and a paragraph does not end on a comma."""
    for i, (ln, nxt) in enumerate(zip(chunk, chunk[1:])):
        if nxt.kind != "head" or ln.kind != "body":
            continue
        t = ln.text.rstrip()
        if t[-1] not in "，、；" or slack(ln, width) <= FULL_SLACK:
            continue
        prev = chunk[i - 1] if i else None
        if prev is None or ends_sentence(strip_ws(prev.text)) or prev.kind != "body":
            ln.kind = "head"
            ln.because("head:clause_mark_above_headline")


def mark_dash_subtitles(chunk: list[Line]) -> None:
    """A line opening with a dash right under a headline line, with no sentence end in it, is
    the subtitle (dev page 32: `——三论今年经济工作主要任务` as wide as the column)."""
    for above, ln in zip(chunk, chunk[1:]):
        if above.kind == "head" and ln.kind == "body" and ln.text.lstrip().startswith(("—", "－")):
            t = strip_ws(ln.text)
            if not ends_clause(t) and not any(ch in SENTENCE_FINAL for ch in t):
                ln.kind = "head"
                ln.because("head:dash_under_headline")


def mark_heads_above_salutations(chunk: list[Line]) -> None:
    """The line right above a letter's salutation (`编辑同志：`), without punctuation at its end,
    is the letter's headline, however wide (dev page 10: `专题综艺晚会不能成风` is a column wide)."""
    for prev, ln in zip(chunk, chunk[1:]):
        if ln.text.rstrip()[-1:] not in "：:":
            continue  # cheap test first: a salutation ends with a colon
        if prev.kind == "body" and not ends_clause(prev.text.rstrip()) and F.is_salutation(strip_ws(ln.text)):
            prev.kind = "head"
            prev.because("head:above_salutation")


def mark_heads_above_bylines(page: Page) -> None:
    """A body line right above a byline line (no blank between) that neither ends a clause nor
    holds a sentence end, and that no body line runs into, is the last line of a headline block
    (dev page 37: the subtitle `——这句北京话的寓意` over `赵浩生`; page 14: a headline as wide
    as the column over `张国成`). Body text runs on into the next line; a byline follows only a
    headline or a finished paragraph."""
    lines = page.lines
    for i in range(1, len(lines)):
        if lines[i].kind != "byline":
            continue
        above = lines[i - 1]
        if above.kind != "body" or not above.text.strip() or "body:lead_in" in above.reasons:
            continue
        t = strip_ws(above.text)
        if ends_clause(t) or any(ch in SENTENCE_FINAL for ch in t):
            continue
        before = lines[i - 2] if i >= 2 else None
        if before is not None and before.kind == "body" and before.text.strip() and not ends_sentence(strip_ws(before.text)):
            continue  # a paragraph runs on into the line: the line below is no byline's
        above.kind = "head"
        above.because("head:above_byline")


# Headline blocks run to four lines (kicker, a two-line headline, subtitle) and hold at most one
# comma-like mark (`警惕，又到公款送礼时`); body lines hold one every line or two.
MAX_HEAD_RUN = 4
MAX_HEAD_RUN_MARKS = 1
# Two lines in a row without any mark: one seldom in body text, two a headline's shape.
MIN_UNPUNCTUATED_RUN = 2
_PUNCT_MARKS = frozenset(CJK_PUNCT) | frozenset(",.;:?!()")


def _inner_marks(text: str) -> int:
    return sum(1 for ch in text if ch in "，、；")


def _unfinished_run_above(lines: list[Line], i: int) -> list[Line]:
    """The body lines right above line i that hold no sentence end and end on no clause mark,
    nearest first, when a finished paragraph, a blank line, page furniture or the top of the
    page stands above them (else none: a paragraph runs on into them)."""
    run: list[Line] = []
    j = i - 1
    while j >= 0 and len(run) <= MAX_HEAD_RUN:
        ln = lines[j]
        t = strip_ws(ln.text)
        if ln.kind != "body" or not t or ends_clause(t) or any(ch in SENTENCE_FINAL for ch in t) or _is_bracketed_note(ln):
            break
        run.append(ln)
        j -= 1
    if not run or len(run) > MAX_HEAD_RUN or sum(_inner_marks(strip_ws(ln.text)) for ln in run) > MAX_HEAD_RUN_MARKS:
        return []
    above = lines[j] if j >= 0 else None
    if above is None or above.kind != "body" or not above.text.strip() or ends_sentence(strip_ws(above.text)):
        return run
    return []


def _is_bracketed_note(line: Line) -> bool:
    """A line of a bracketed note (`（新华社记者樊如钧` / `摄）`): a photo credit, not a headline."""
    return "body:bracket_end" in line.reasons or "body:bracket_continues" in line.reasons


def mark_heads_above_lead_ins(page: Page) -> None:
    """Lines right above a lead-in byline (`本报东京1月8日电…`, `据新华社…电`) that finish no
    sentence, between it and a finished paragraph, are the article's headline block (raw dump of
    dev page 24: `日本六在野党结盟要求` / `桥本下台不与小泽合作`): a lead-in opens an article,
    so what stands right before it is the end of another article or its own headline."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind != "body" or "body:lead_in" not in ln.reasons:
            continue
        for head in _unfinished_run_above(lines, i):
            head.kind = "head"
            head.because("head:above_lead_in")


def mark_unpunctuated_blocks(page: Page) -> None:
    """Where blank lines separate blocks, a block of two to four full lines without a single
    mark is a headline (dev page 33: `泰铢贬值国际炒家兴风作浪` / `经济联动东亚金融险象环生`
    between a cut lead-in and the next column): a column piece of body text that short and
    unpunctuated is rare."""
    if not separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    i = 0
    while i < len(lines):
        if lines[i].text.strip():
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _unpunctuated_full_line(lines[j], width):
            j += 1
        closed = j == len(lines) or not lines[j].text.strip()
        if closed and MIN_UNPUNCTUATED_RUN <= j - i - 1 <= MAX_HEAD_RUN:
            for ln in lines[i + 1:j]:
                ln.kind = "head"
                ln.because("head:unpunctuated_block")
        i = j if j > i + 1 else i + 1


def _opens_paragraph(line: Line | None, width: float) -> bool:
    """What follows a run can open a paragraph: an indented line going on, a lead-in, or no
    body line at all (a blank, a caption, a headline, the end of the page)."""
    if line is None or line.kind != "body" or not line.text.strip():
        return True
    t = strip_ws(line.text)
    return "body:lead_in" in line.reasons or (INDENT_MIN <= slack(line, width) <= INDENT_MAX and not ends_sentence(t))


def _unpunctuated_full_line(line: Line, width: float) -> bool:
    """A body line at least as wide as the column, without a single punctuation mark."""
    t = line.text
    return (line.kind == "body" and bool(t.strip()) and slack(line, width) <= FULL_SLACK
            and not any(ch in _PUNCT_MARKS for ch in t) and "body:lead_in" not in line.reasons)


def mark_unpunctuated_runs_between_paragraphs(page: Page) -> None:
    """Lines without a single punctuation mark between a paragraph's short last line and the
    next paragraph's opening (an indented line, a lead-in, a caption or a blank) are a headline
    block (raw dump of dev page 29: `罗布泊可望找到淡水阿其` / `克谷地勘查出淡水富存区` after
    `游队都必须雇载水专车。`): a paragraph's first line is indented, and body lines seldom run
    two without a mark."""
    lines, width = page.lines, page.column_width
    i = 1
    while i < len(lines):
        prev = lines[i - 1]
        pt = strip_ws(prev.text)
        if not (prev.kind == "body" and pt and ends_sentence(pt)):
            i += 1
            continue
        j = i
        while j < len(lines) and j - i < MAX_HEAD_RUN and _unpunctuated_full_line(lines[j], width):
            j += 1
        run = lines[i:j]
        if len(run) >= MIN_UNPUNCTUATED_RUN and _opens_paragraph(lines[j] if j < len(lines) else None, width):
            for ln in run:
                ln.kind = "head"
                ln.because("head:unpunctuated_between_paragraphs")
        i = max(j, i + 1)


# A pen name or a rare-surname name under its headline (`劲驰`, `元也`, `洪左君`) is two or three
# characters; a headline's own last line that short reads on from the line above.
PEN_NAME_CHARS = (2, 3)
HEADLINE_ABOVE_MIN_CHARS = 4


def mark_names_under_headlines(page: Page) -> None:
    """A two- or three-character line closing a headline block, right under a longer headline
    line, with no dictionary word running across the break, is the author's name (dev page 11:
    `一张名片` / `劲驰`; page 10: `又有特殊意义` / `元也`), not the headline's last line."""
    lines = page.lines
    for i in range(1, len(lines)):
        ln, above = lines[i], lines[i - 1]
        if ln.kind != "head" or above.kind != "head":
            continue
        t = strip_ws(ln.text)
        if not (PEN_NAME_CHARS[0] <= len(t) <= PEN_NAME_CHARS[1] and all(is_cjk(ch) for ch in t)):
            continue
        if len(strip_ws(above.text)) < HEADLINE_ABOVE_MIN_CHARS:
            continue
        if i + 1 < len(lines) and lines[i + 1].kind == "head":
            continue  # inside a block: a headline's line
        if spanning_word(strip_ws(above.text), t):
            continue
        ln.kind = "byline"
        ln.because("byline:name_under_headline")


def extend_captions(page: Page) -> None:
    """A caption runs on to the following lines of its chunk until its sentence or credit ends."""
    lines = page.lines
    for i, ln in enumerate(lines):
        if ln.kind != "caption" or "caption:continued" in ln.reasons:
            continue
        j = i
        while not _caption_closed(lines[j].text) and j + 1 < len(lines) and lines[j + 1].kind in ("body", "caption"):
            j += 1
            if lines[j].kind == "body":
                lines[j].kind = "caption"
                lines[j].because("caption:continued")


def _caption_closed(text: str) -> bool:
    t = strip_ws(text)
    return ends_sentence(t) or t.endswith(("摄", "摄）", "摄)", "）", ")"))


def mark_openings_at_column_foot(page: Page) -> None:
    """Where blank lines separate blocks, a short line closing a block right under a finished
    sentence is a paragraph's indented first line at the foot of a column, carried on in the
    next (dev page 12: `由国家技术监督局和中国` under `通74条地方查询终端。`): pdftotext sets a
    headline off from the body by a blank line."""
    if not separates_blocks(page):
        return
    lines, width = page.lines, page.column_width
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if ln.kind != "head" or "head:short_unpunctuated" not in ln.reasons or lines[i + 1].text.strip():
            continue
        above = lines[i - 1]
        if above.kind == "body" and ends_sentence(strip_ws(above.text)) and INDENT_MIN <= slack(ln, width) <= INDENT_MAX:
            ln.kind = "body"
            ln.because("body:indented_first_line_at_column_foot")


def classify(page: Page) -> Page:
    """Set `line.kind` for every line of the page."""
    mark_blank_and_header(page)
    mark_patterns(page)
    extend_captions(page)
    for chunk in _chunks(page.lines):
        classify_chunk(chunk, page.column_width)
        mark_colon_heads(chunk, page.column_width)
        mark_clause_ended_heads(chunk, page.column_width)
        mark_dash_subtitles(chunk)
        mark_heads_above_salutations(chunk)
    mark_heads_above_bylines(page)
    mark_heads_above_lead_ins(page)
    mark_unpunctuated_runs_between_paragraphs(page)
    mark_unpunctuated_blocks(page)
    mark_names_under_headlines(page)
    mark_openings_at_column_foot(page)
    return page
