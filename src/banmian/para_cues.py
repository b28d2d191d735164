"""Cues of a paragraph start that the plain shape tests (a short line before, an indent after a
sentence end) miss or mistake: the few layout facts the paragraphs stage (`mark_starts`) and
the joins of reassemble and reorder (`reorder.reads_on`) both ask about.

Counts are of the boundaries `bench/para_errors.py` lists on dev pages 1-40, inside matched
articles whose text stands in order around them.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.heads_to_body import opens_with_bullet
from banmian.line_shape import CLAUSE_END, FULL_SLACK, INDENT_MIN, INDENT_MAX, slack
from banmian.model import Line
from banmian.rules.bylines import ends_with_photo_credit
from banmian.rules.chars import CLOSERS, bmp_table, ends_sentence, strip_ws

# A paragraph's first line is indented two em, but where it holds punctuation set half-width
# (the line-end mark always, often one more) it measures only one em short: `找不到菜，只好自
# 己种。` after `…岛上没有。`, `北京市副市长林文漪、` after `…18支中外名曲。`. A line at most
# this short, ending in a mark, after a full line that ends a sentence, opens a paragraph. On dev
# 1-40 such lines open a gold paragraph 6 times of 8 in pdftotext (pages 1, 6, 7, 8, 20, 34;
# not on pages 1 and 29) and 7 of 9 in the raw and PyMuPDF dumps (page 2 too).
COMPRESSED_INDENT_MIN: Final = FULL_SLACK
LINE_END_MARKS: Final = CLAUSE_END | CLOSERS
COMPRESSED_INDENT_REASON: Final = "paragraph_start:compressed_indent"


# On a fragment's first line of that shape (the paragraphs stage sets it): where reassemble or
# reorder joins the fragment after a full line ending a sentence, a paragraph starts there.
ONE_EM_SHORT_REASON: Final = "paragraph:one_em_short_ending_in_mark"


def one_em_short(line: Line, width: float) -> bool:
    """The line measures at least COMPRESSED_INDENT_MIN em short but less than an indent, and
    ends in a mark: the shape of an indented first line with its marks set half-width."""
    s = slack(line, width)
    return COMPRESSED_INDENT_MIN <= s < INDENT_MIN and line.text.rstrip()[-1:] in LINE_END_MARKS


def compressed_indent(prev: Line, line: Line, width: float) -> bool:
    """`line` is a paragraph's first line with its marks set half-width (`one_em_short`) after
    a full line `prev` that ends a sentence."""
    return one_em_short(line, width) and slack(prev, width) <= FULL_SLACK and ends_sentence(prev.text)


# A line one em short after a full line ending a sentence (`compressed_indent`) may also have
# run short because the line under it opens with a token that is never broken and went down
# whole: an opening quote or bracket, which may not end a line (`杭州市民满怀喜悦地说：` /
# `“今年杭州年味浓。”`), or a number (`建筑业产值连年快速增长，` / `1994年28．9亿元，`); then it
# opens nothing. Sim TRAIN pdftotext 1-300: of 37 compressed-indent starts 18 were the gold's;
# this cue takes 7 of the 19 wrong ones (pages 51, 100, 158, 232, 243, 260, 276) and 2 right
# ones (pages 41, 290); sim VAL pdftotext 1-40 para .8228 -> .8234, exact .5280 -> .5310 with
# it. (A line ending a sentence itself, read as a paragraph's last line, was tried too: TRAIN 5
# wrong starts fewer, dev page 1 one, but VAL 1-40 para .8234 -> .8230, exact .5310 -> .5280;
# left out.) Where blank
# lines separate blocks only (`paragraphs.mark_starts`): in the raw and PyMuPDF dumps such
# starts also open the next article of a run printed back to back, for the topic-shift cut (sim
# VAL raw para .9256 -> .9236 with it there).
PUSHED_TOKEN_FIRST: Final = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ“‘（《「『【〔(]")
SHORT_EXPLAINED_REASON: Final = "paragraph:one_em_short_over_pushed_token"


def short_explained(nxt: Line | None) -> bool:
    """The line `nxt` (under a line one em short) opens with a number, a Latin letter or an
    opening mark (PUSHED_TOKEN_FIRST): a token the line above could not end with or break."""
    return nxt is not None and PUSHED_TOKEN_FIRST.match(nxt.text.lstrip()) is not None


# Digits and Latin letters count half an em each in a line's measure but are printed wider
# (proportional figures, letter spacing), so a line holding them measures short without ending
# its paragraph: `1994年深冬，风紧天寒。`, `…以20%的强劲势头递增。`, `绵延300公里的柔波旁。`,
# each followed by a full line in the gold's same paragraph (dev pdftotext pages 8, 11, 12; raw
# 11, 12). A line ending a sentence short by no more than this per such character, followed by
# a full line, ends nothing: on dev 1-40 no gold paragraph start inside a matched article follows
# such a line in any dump. A short line ending in a comma is left alone: there the text was cut
# short and another article opens (dev raw page 5: `1月14日上午11时，` / `张北县大河乡的一个小山`,
# the comma line its first: `fragment_runs.opening_clause_at_comma`).
HALF_WIDTH_SPREAD: Final = 0.5
_HALF_WIDTH: Final = re.compile(r"[0-9A-Za-z%.]")
HALF_WIDTH_SHORT_REASON: Final = "paragraph:short_by_half_width_chars"


# A line short by its half-width characters (`short_by_half_width`) still ends its paragraph
# when the line under it has the shape of a first line with its marks set half-width
# (`one_em_short`: `安置下岗职工4200多人。` / `市经委在制定和实施兼并、`): the two shorts read
# together as a last line and an indent (sim TRAIN pdftotext pages 65, 67, 266, all three such
# pairs there; dev 1-40 none in any dump).
HALF_WIDTH_THEN_INDENT_REASON: Final = "paragraph_start:short_line_then_compressed_indent"


def half_width_runs_on(prev: Line, line: Line, width: float) -> bool:
    """`prev` measures short only by its half-width characters (`short_by_half_width`) and
    `line` under it is not one em short ending in a mark (`one_em_short`)."""
    return short_by_half_width(prev, line, width) and not one_em_short(line, width)


def short_by_half_width(prev: Line, line: Line, width: float) -> bool:
    """`prev` ends a sentence and measures short only by its half-width characters
    (HALF_WIDTH_SPREAD each), and `line` after it is full: one paragraph runs on."""
    if slack(line, width) > FULL_SLACK or not ends_sentence(prev.text):
        return False
    n = len(_HALF_WIDTH.findall(prev.text))
    return n > 0 and slack(prev, width) <= HALF_WIDTH_SPREAD * n


# A full line ending in a colon introduces what follows (`作如下修改：`, `大致有如下几种：`,
# `有如下几个特点：`): an indented line after it opens the first item, a paragraph (dev raw and
# PyMuPDF pages 9, 32, 36: 4 of 4 gold paragraph starts; pdftotext page 32).
COLON_MARKS: Final[tuple[str, ...]] = ("：", ":")
AFTER_COLON_REASON: Final = "paragraph_start:indent_after_colon"


def indent_after_colon(prev: Line, line: Line, width: float) -> bool:
    """`prev` is a full line ending in a colon and `line` is indented two em and ends no
    sentence: a line ending one measures short as the last line of a paragraph going on
    (`…我们可以预言：` / `虎年掀起“水浒浪”。`, `…满怀喜悦地说：` / `“今年杭州年味浓。”`: sim TRAIN
    pdftotext pages 23, 51, 158, 165, 184, 208, 232, 243, all 8 such starts wrong; the gold's
    starts after a colon open a list's item or a speech, `（一）故意伤害案（轻`, `这次会议是八届全国`,
    dev page 32 `1．“第二十六条违反本`)."""
    return indent_after_full_line_ending(prev, line, width, COLON_MARKS) and not ends_sentence(line.text)


def indent_after_full_line_ending(prev: Line, line: Line, width: float, marks: tuple[str, ...]) -> bool:
    """`prev` is a full line ending in one of `marks` and `line` is indented two em (asked
    first: most lines are not, and it costs no string made or compared)."""
    return (INDENT_MIN <= slack(line, width) <= INDENT_MAX and prev.text.rstrip().endswith(marks)
            and slack(prev, width) <= FULL_SLACK)


# A full line ending in a closing bracket or a semicolon closes a unit that needs no sentence
# mark: a picture's credit `（新华社记者周确摄）` before the next picture's caption, a law's
# note `（…会议通过）` before its text, an item of a list `…住宅案；`. An indented line after it
# that runs on (ends no sentence: not a short last line) opens the next paragraph (sim TRAIN raw
# pages 35, 73, 124, 152, 259: missed starts after a full line with no sentence end), unless it
# is a bracketed note itself (dev page 6 `（数码传真照片）` under a credit) or measures short by its
# digits (dev raw page 24 `…养殖家畜（禽）` over `数目达到148700多头…`).
CLOSING_MARKS: Final[tuple[str, ...]] = ("）", ")", "；", ";")
AFTER_CLOSING_REASON: Final = "paragraph_start:indent_after_closing_mark"


def indent_after_closing(prev: Line, line: Line, width: float) -> bool:
    """`prev` is a full line ending in a closing bracket or a semicolon and `line` is indented
    two em and ends no sentence."""
    return (indent_after_full_line_ending(prev, line, width, CLOSING_MARKS) and not ends_sentence(line.text)
            and not line.text.rstrip().endswith(CLOSING_MARKS) and not spread_by_half_width(line, width))


def spread_by_half_width(line: Line, width: float) -> bool:
    """The line's slack is no more than HALF_WIDTH_SPREAD per half-width character in it."""
    return slack(line, width) <= HALF_WIDTH_SPREAD * len(_HALF_WIDTH.findall(line.text))


# A picture's label printed on a line of its own, `图片：` or a bracketed key to the pictures
# `（A、B）`, is a paragraph of the gold's own (the pictures' description follows): on dev 1-40
# pdftotext pages 5, 15, 21, 22 and raw page 2 too it ran on from the full sentence before it.
PICTURE_LABEL: Final = re.compile(r"^(?:(?:图片|照片)[：:]|[（(][A-Z](?:[、,，][A-Z])*[）)])$")
PICTURE_LABEL_REASON: Final = "paragraph_start:picture_label"


# The first and last characters of a PICTURE_LABEL match: a line opening or ending otherwise
# (nearly every line: this is asked of each line of every fragment) is none, known without
# copying the text or running the regex.
PICTURE_LABEL_FIRST: Final = frozenset("图照（(")
PICTURE_LABEL_LAST: Final = frozenset("：:）)")
_LABEL_FIRST_AT: Final = bmp_table(PICTURE_LABEL_FIRST)  # (both sets within the Basic Multilingual Plane)
_LABEL_LAST_AT: Final = bmp_table(PICTURE_LABEL_LAST)


def is_picture_label(line: Line) -> bool:
    """The line is a picture label alone (PICTURE_LABEL)."""
    t = line.text.strip()  # (its ends are no spaces: removing the spaces inside keeps them)
    if not t:
        return False
    first, last = ord(t[0]), ord(t[len(t) - 1])  # code points: no one-character strings made
    if not (first < 0x10000 and _LABEL_FIRST_AT[first]) or not (last < 0x10000 and _LABEL_LAST_AT[last]):
        return False
    return bool(PICTURE_LABEL.match(t.replace(" ", "")))


# A bullet (`●`) on an indented line opens the next point of a list whose points need not end
# in a mark (dev raw and PyMuPDF page 2: `…对亚洲金融稳定作出的贡献` / `●支持香港特区政府捍`;
# every indented bullet line on dev 1-40 opens a gold paragraph).
BULLET_REASON: Final = "paragraph_start:bullet"


def opens_bullet(line: Line, width: float) -> bool:
    """The line opens with a bullet and is indented two em."""
    return opens_with_bullet(line.text) and INDENT_MIN <= slack(line, width) <= INDENT_MAX


# A paragraph closes on a sentence's end, not on a comma: a line ending in `，` or `、` that
# measures short, by less than half its column (COMMA_SHORT_MAX_SHARE), over a line opening
# with a token that could not be broken and went down whole (`short_explained`: a number,
# `面值分别为50分、100分、` / `150分和200分。`, or an opening mark, `1997年1月26日，` /
# `《青岛晚报》一版刊登了`) ends nothing. Sim TRAIN pdftotext 1-300: 8 spurious starts so (pages
# 1, 30, 49, 73, 83, 132, 174, 176), no gold paragraph start after such a line; dev 1-40 none
# either. Without the token under it the rule cost a gold start on sim VAL (para 41-120 .8213
# -> .8209), so it is left there. Shorter lines are left alone: a list's items (dev page 35:
# `化，` over `金融调控更加灵活，`). Where blank lines separate blocks only
# (`paragraphs.mark_starts`): in the raw dumps a short line ending in a comma is where an
# article was cut short and the next one runs on (dev raw page 5: `1月14日上午11时，`).
COMMA_MARKS: Final = frozenset("，、,")
COMMA_SHORT_MAX_SHARE: Final = 0.5
COMMA_RUNS_ON_REASON: Final = "paragraph:short_line_ends_at_comma"


def short_at_comma(prev: Line, line: Line, width: float) -> bool:
    """`prev` ends in a comma (COMMA_MARKS) and measures short by less than COMMA_SHORT_MAX_SHARE
    of its column, and `line` under it opens with a pushed-down token (`short_explained`)."""
    return (prev.text.rstrip()[-1:] in COMMA_MARKS and short_explained(line)
            and slack(prev, width) < COMMA_SHORT_MAX_SHARE * (prev.column_width or width))


# A picture's photo credit (`（新华社记者李学仁摄）`) printed right under the description's last
# line, no blank line between, closes that paragraph, though it measures as an indent (sim TRAIN
# pdftotext pages 54, 128, 192, 212, 286, 287, dev page 29: spurious starts; no gold paragraph
# starts at such a line after a full line ending a sentence on TRAIN 1-300 or dev 1-40). Set
# apart by a blank line it is a paragraph of its own (dev page 2 `（新华社记者宋晓刚摄）`), so only
# where blank lines separate blocks (`paragraphs.mark_starts`): the raw dump of dev page 2 has
# no blank line to tell.
CREDIT_CLOSES_REASON: Final = "paragraph:photo_credit_closes_description"
CREDIT_OPENERS: Final = ("（", "(")


def credit_closes_description(prev: Line, line: Line, width: float) -> bool:
    """`line` is a bracketed photo credit alone and `prev` a full line ending a sentence."""
    if not opens_credit_bracket(line.text):  # cheap test first: it is asked of most lines
        return False
    return slack(prev, width) <= FULL_SLACK and ends_sentence(prev.text) and ends_with_photo_credit(strip_ws(line.text))


# A bracketed note alone at the head of a fragment (`（傅文）`, `（赵相如陈平）`, `（浙江石秀山）`:
# an author's credit set apart under the report's last line, after a blank line) is a paragraph
# of its own where a join puts it after a full line ending a sentence: sim TRAIN pdftotext
# 1-300, every such note after a blank line is a gold paragraph (25; 4 read on, pages 31, 134,
# 172, 191), dev 1-40 all 5. One printed right under the text, no blank line, often closes the
# paragraph instead (`paragraphs.mark_starts` decides those by shape). The paragraphs stage
# tags a fragment's first line so (NOTE_ALONE_REASON), `reorder.goes_on_paragraph` reads it.
NOTE_ALONE: Final = re.compile(r"^[（(][^（）()]{1,24}[）)]$")
NOTE_ALONE_REASON: Final = "paragraph:bracketed_note_alone"


def is_note_alone(line: Line) -> bool:
    """The line is a bracketed note alone (NOTE_ALONE)."""
    return opens_credit_bracket(line.text) and NOTE_ALONE.match(strip_ws(line.text)) is not None


def opens_credit_bracket(text: str) -> bool:
    """The text opens (after white space) with one of CREDIT_OPENERS, read as a code point: no
    one-character string made (`text.lstrip()[:1] in CREDIT_OPENERS`, asked of most lines)."""
    t = text.lstrip()
    if not t:
        return False
    first = ord(t[0])
    return first == _FULL_WIDTH_OPEN or first == _ASCII_OPEN


_FULL_WIDTH_OPEN: Final = ord(CREDIT_OPENERS[0])
_ASCII_OPEN: Final = ord(CREDIT_OPENERS[1])
