"""Patterns for page furniture and credits: header lines, jump lines, captions, source credits,
standalone bylines. Each pattern matches a whole (normalized, space-free) line."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from banmian.rules.chars import WHITE_SPACE_AT, bmp_table, ends_sentence, first_code_point, in_bmp_table
from banmian.rules.traditional import both_scripts, fold

DATE: Final = re.compile(r"(\d{4}|[一二三四五六七八九〇零]{4})年\d{1,2}月\d{1,2}日")
WEEKDAY: Final = re.compile(r"星期[一二三四五六日天]")
PAGE_LABEL: Final = re.compile(r"^(?:[A-H]\d{1,2}|\d{1,2}|第[一二三四五六七八九十百\d]+版)(?:[\u4e00-\u9fff·]{0,8})?$")
EDITORS: Final = re.compile(both_scripts(r"(责编|责任编辑|编辑|校对|美编|版式|审读)[:：]?"))
# A page label printed away from the rest of the header (pdftotext reads the header's right
# end after the articles below it: dev pages 27, 30, 31, 33, 35, 39): a page number alone or
# with its section, the two apart as printed (`7  社会`, `10`).
STRAY_PAGE_LABEL: Final = re.compile(r"^\d{1,2}(?:\s+[\u4e00-\u9fff·]{2,6})?$")
HEADER_NEAR_TOP: Final = 6  # non-blank lines at the top of a page that may be header lines

JUMP: Final = re.compile(both_scripts(r"^[（(]下转[^（）()]{1,12}[）)]$"))
CONTINUED: Final = re.compile(r"^[（(]上接[^（）()]{1,12}[）)]$")
CAPTION_CREDIT: Final = re.compile(both_scripts(r"^[（(]?[^，。；（）()]{0,16}摄[）)]?$"))  # `记者 石园华摄`, `（新华社记者周家国摄）`
CAPTION: Final = re.compile(both_scripts(
    r"^(图为|图：|上图|下图|左图|右图|[（(](压题照片|资料图片|新华社记者\S{0,8}摄|\S{0,12}摄)[^（）()]{0,20}[）)]$)"))
SOURCE: Final = re.compile(both_scripts(r"^[（(]?据《([^《》]{1,20})》[^，。]{0,6}[）)]?$"))
# A news agency or the paper itself credited in brackets, alone on its line or closing an
# article's last paragraph: `（新华社）`, `（据新华社电）`, `（本报专电）`. Not `（新华社稿）`,
# which closes a photo's caption (dev page 5: the gold gives those no source).
AGENCY_CREDIT: Final = re.compile(both_scripts(r"[（(]据?(新华社|中新社|本报)(?:专电|电)?[）)]$"))


def source_name(t: str) -> str | None:
    """The credited source of a (space-free) credit: `人民日报` of `据《人民日报》`, `新华社` of
    `（据新华社电）`, `本报` of `（本报专电）`; None for anything else."""
    m = SOURCE.match(t)
    if m:
        return m.group(1)
    m = AGENCY_CREDIT.fullmatch(t)
    return m.group(1) if m else None


def trailing_source(paragraph: str) -> str | None:
    """The agency credited at the end of a paragraph (`…受益。（新华社）`), which stays in the
    text, or None."""
    m = AGENCY_CREDIT.search(paragraph.rstrip())
    return m.group(1) if m else None
_ROLE: Final = r"(本报|新华社|中新社|人民日报|经济日报|光明日报)(特约|驻[\u4e00-\u9fff]{1,6})?(记者|通讯员|评论员|实习生|特派记者)"
_NAMES: Final = r"[\u4e00-\u9fff·]{2,4}(?:[、 ][\u4e00-\u9fff·]{2,4}){0,5}"
# `本报记者 王某`, `本报评论员`, `新华社记者蔡晖贾永新华社通讯员张应银樊增民`
STANDALONE_BYLINE: Final = re.compile(both_scripts(rf"^(?:{_ROLE}\s*(?:[\u4e00-\u9fff·、 ]{{2,16}})?)+$"))


def page_label_in(t: str) -> str | None:
    """What is left of a space-free header line without its date and weekday, when that is a
    page label with or without its section (`A05城市新闻`); else None."""
    rest = WEEKDAY.sub("", DATE.sub("", t))
    return rest if rest and PAGE_LABEL.match(rest) else None


def is_header_text(t: str) -> bool:
    """A page header line: the date, the page label, editors."""
    return bool(DATE.search(t) and (WEEKDAY.search(t) or len(t) < 24)) or bool(PAGE_LABEL.match(t)) or bool(
        EDITORS.match(t)
    ) or bool(WEEKDAY.fullmatch(t))


# Lead-in bylines and datelines that open a first paragraph: 本报讯, 本报北京1月5日讯,
# 新华社北京1月19日电, 据新华社…电, 中新社…电.
LEAD_IN: Final = re.compile(both_scripts(
    r"^(据)?(本报|新华社|中新社|人民日报|本刊)[^，。；]{0,14}?(讯|电)|^本报讯|^(本报|新华社)(特约|驻\S{1,6})?记者"
    # a lead-in cut by the line end before its 讯/电: `新华社济南1月13` / `日电 …`
    r"|^(据)?(本报|新华社|中新社)[\u4e00-\u9fff]{0,8}?([0-9]{1,2}|[一二三四五六七八九十]{1,3})"
    r"(月(([0-9]{1,2}|[一二三四五六七八九十]{1,3})日?)?)?$"
))

# A letter to the editor opens with its salutation on a line of its own; the line opens an
# article as a lead-in does, and the line above it is the letter's headline (dev pages 4, 10).
SALUTATION: Final = re.compile(both_scripts(r"^(编辑|记者|编辑部)(同志|老师)?(们)?[：:]$"))


def is_salutation(text: str) -> bool:
    """The (space-free) line is a letter's salutation alone: `编辑同志：`."""
    return len(text) <= 8 and text[-1:] in "：:" and bool(SALUTATION.match(text))


# The note the paper prints after an article's opening matter (its title line, subtitle or
# summary) for the pictures that go with it: `（附图片1张）`. On dev pages 1-40 the gold holds
# it 9 times: 6 closing the article's first paragraph (or being it), 1 its subtitle, 1 after
# its summary bullets; the text closed by it belongs to the article that follows.
PICTURE_NOTE_END: Final = re.compile(both_scripts(r"[（(]附图片?[0-9一二三四五六七八九十]{1,2}[张幅][）)]$"))


def ends_with_picture_note(text: str) -> bool:
    """The (space-free) text ends with a picture note: `…辞旧迎新（附图片1张）`."""
    return text[-1:] in "）)" and bool(PICTURE_NOTE_END.search(text[-12:]))


# A page label with its section, recognisable anywhere: `A03 社会`, `第6版 综合新闻`.
SECTION_LABEL: Final = re.compile(r"^(?:[A-H]\d{1,2}|第[一二三四五六七八九十百\d]+版)[\u4e00-\u9fff·]{0,8}$")


def may_be_strong_header(text: str) -> bool:
    """Cheap test on a line's text (whitespace and all): False when `is_strong_header_text`
    of its space-free form is sure to be False."""
    if len(text) <= STRONG_HEADER_SCAN_MAX:
        return _may_be_strong_header_scanned(text)
    if "责" in text or "責" in text or "校" in text or "星" in text:
        return True
    t = text.lstrip()
    return bool(t) and _first_in(_STRONG_HEADER_FIRST_AT, t)


_STRONG_HEADER_FIRST: Final = set("ABCDEFGH第")
_STRONG_HEADER_FIRST_AT: Final = bmp_table(_STRONG_HEADER_FIRST)
# The characters `may_be_strong_header` looks for anywhere in the line, by code point.
_STRONG_HEADER_MARK_AT: Final = bmp_table("责責校星")
# Up to this many characters `may_be_strong_header` reads the line's code points in one loop,
# which the compiled build runs natively (it asks every line of a page), rather than search the
# line four times and strip it.
STRONG_HEADER_SCAN_MAX: Final = 32


def _may_be_strong_header_scanned(text: str) -> bool:
    """`may_be_strong_header` in one loop over the code points: one of `责責校星` anywhere, or
    a first character other than white space among `_STRONG_HEADER_FIRST`."""
    first = -1  # the first code point other than white space
    for i in range(len(text)):
        o = ord(text[i])
        if o < 0x10000:
            if _STRONG_HEADER_MARK_AT[o] == 1:
                return True
            if first < 0 and WHITE_SPACE_AT[o] == 0:
                first = o
        elif first < 0:
            first = o
    return in_bmp_table(first, _STRONG_HEADER_FIRST_AT)


def _first_in(table: bytes, text: str) -> bool:
    """The (non-empty) text's first character is one of a `bmp_table`'s, read by its code point
    (no one-character string made; the tables of this module hold no character beyond the
    Basic Multilingual Plane)."""
    return in_bmp_table(ord(text[0]), table)


# One editor credited alone, anywhere on the page (dev page 36: `责任编辑：赵影秋` between the
# headlines of the lower band): the label, a colon and a name.
EDITOR_LINE: Final = re.compile(both_scripts(r"^(责任编辑|责编|美编|校对)[:：][\u4e00-\u9fff·]{2,4}$"))


def is_strong_header_text(t: str) -> bool:
    """Header text recognisable anywhere in the page: editors, a date with its weekday, a
    lettered page label (`A03社会`)."""
    if not ("责" in t or "責" in t or "校" in t or "星期" in t or t[:1] in "ABCDEFGH第"):
        return False  # cheap test first: most lines are body text
    editors = EDITORS.match(t) and re.search(r"(校对|责编)", fold(t)) and not t.endswith(("：", ":"))
    return bool(editors) or bool(EDITOR_LINE.match(t)) or bool(DATE.search(t) and WEEKDAY.search(t)) or bool(SECTION_LABEL.match(t))


# Every LEAD_IN alternative opens with one of these characters (据, 本报/本刊, 新华社, 中新社,
# 人民日报): other lines need no regex.
LEAD_IN_FIRST: Final = set("据據本新中人")
_LEAD_IN_FIRST_AT: Final = bmp_table(LEAD_IN_FIRST)


# The reason the classify stage records on a body line that opens with a lead-in (`is_lead_in`);
# later stages ask for it rather than test the text again.
LEAD_IN_REASON: Final = "body:lead_in"
# A reporter's line standing alone (`本报记者 X`, `新华社记者X`): a byline (`furniture_kind`).
REPORTER_LINE_REASON: Final = "byline:reporter_line"


def is_lead_in(text: str) -> bool:
    """The (space-free) line opens with a lead-in byline or dateline."""
    if not text or not (_first_in(_LEAD_IN_FIRST_AT, text) or ord(text[0]) == 0x20):
        return False  # cheap test first: most lines open otherwise
    return _matches_lead_in(text)


@lru_cache(maxsize=8192)
def _matches_lead_in(text: str) -> bool:
    return bool(LEAD_IN.match(text.replace(" ", "")))


# First characters that can open a jump, continuation, source or caption line, or a
# standalone byline: other lines skip those patterns.
_PATTERN_FIRST: Final = set("（(据據图圖上下左右本新中人经經光")


# `记者 程平伟摄` under a caption credits its photo (dev pdftotext pages 3, 12, 21): a credit
# may open with 记者 as well as with a bracket or an outlet; a role and a name of up to four
# characters make it (longer, it is a body line that happens to end in 拍摄).
_CREDIT_FIRST: Final = "记記"
_FURNITURE_FIRST_AT: Final = bmp_table(_PATTERN_FIRST | set(_CREDIT_FIRST))  # `may_be_furniture`'s first characters
REPORTER_CREDIT_MAX_CHARS: Final = 8


def may_be_furniture(text: str) -> bool:
    """Cheap test on a line's text (whitespace and all): False when `furniture_kind` of its
    space-free form is sure to be None (its first printed character opens no pattern)."""
    first = first_code_point(text)  # `text.lstrip()[0]`, no stripped copy made
    return in_bmp_table(first, _FURNITURE_FIRST_AT)


def _reporter_photo_credit(t: str) -> bool:
    """`记者程平伟摄` (space-free): a reporter's photo credit on its own line."""
    t = fold(t)
    return t.startswith("记者") and t.endswith("摄") and len(t) <= REPORTER_CREDIT_MAX_CHARS


def furniture_kind(t: str) -> tuple[str, str] | None:
    """(kind, reason) for a whole-line jump, continuation, source credit, caption or
    standalone byline; None for anything else. `t` is the line without whitespace."""
    if not t or (t[0] not in _PATTERN_FIRST and not _reporter_photo_credit(t)):
        return None
    if JUMP.match(t):
        return "jump", "jump:下转"
    if CONTINUED.match(t):
        return "continued", "continued:上接"
    if SOURCE.match(t):
        return "source", "source:据《》"
    if AGENCY_CREDIT.fullmatch(t):
        return "source", "source:agency_credit"
    if CAPTION.match(t):
        return "caption", "caption:pattern"
    if t.endswith(("摄", "攝")) and CAPTION_CREDIT.match(t):
        # `本报记者 薛琼摄` alone on its line credits a photo, not the article (dev page 30)
        return "caption", "caption:photo_credit"
    if STANDALONE_BYLINE.match(t) and not ends_sentence(t):
        return "byline", REPORTER_LINE_REASON
    return None
