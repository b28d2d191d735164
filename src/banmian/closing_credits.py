"""Closing credits that end a report: a cue of an article change inside a run of body lines.

A report may close with its dispatch dateline in brackets after its last sentence
(`…良好开端。（本报华盛顿1月23日电）`, `…老习惯了。”（本报纽约电）`) or with its reporter's
credit (`…的知音。”（本报记者罗华）`). Nothing of the same article follows such a credit: in a
dump without blank lines the next paragraph opens another article (dumps that print articles
back to back, `-raw` and PyMuPDF). Photo credits (`（新华社记者黄文摄）`) are not these: a
picture's description may come before the report it goes with.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.model import Line
from banmian.para_cues import is_picture_label
from banmian.rules.bylines import lead_in_byline
from banmian.rules.chars import is_cjk, strip_ws

# The bracketed note that closes a paragraph, after a sentence's end (a lone dateline line
# under a correspondent's byline opens the report instead: `（本报加拉加斯1月19日电）` alone).
CLOSING_NOTE: Final = re.compile(r"[。！？…”’]([（(])([^（）()]{2,24})[）)]$")
# A reporter's credit: outlet and `记者`, then a name of two to four characters, no photo.
REPORTER_CREDIT: Final = re.compile(r"^(?:本报|新华社|本刊)?(?:驻[^（）()]{1,8})?记者[\u4e00-\u9fff]{2,4}$")
PHOTO_CREDIT_ENDS: Final = ("摄", "摄影")  # a picture's credit (`（新华社记者黄文摄）`): its description may go on
CLOSING_CREDIT_REASON: Final = "article_start:after_closing_credit"


def closing_note(text: str) -> re.Match[str] | None:
    """The bracketed note closing `text` after its last sentence (CLOSING_NOTE; group 2 inside
    the brackets), unless it is a photo credit (`…摄`)."""
    m = CLOSING_NOTE.search(text)
    return m if m is not None and not m.group(2).endswith(PHOTO_CREDIT_ENDS) else None


def last_paragraph(lines: list[Line]) -> str:
    """The space-free text of the last paragraph of `lines` (from its last marked start)."""
    k = max((i for i, ln in enumerate(lines) if ln.para_start), default=0)
    return "".join(strip_ws(ln.text) for ln in lines[k:])


# A piece whose last paragraph closes with a bracketed note after its last sentence (a photo's
# credit `…的活儿。（新华社记者李刚摄）`, a pointer `…（见下图）`, a name credit) has finished its
# sentence: a piece that opens mid-sentence does not read on from it (`link_model`'s
# noted_then_open weight). Sim TRAIN pdftotext 1-300: of the threads' joins after a piece closed by
# a photo credit or a picture pointer, 4 put another article's text after a photo story (pages 8,
# 186, 289, 297: `…（新华社记者李刚摄）` / `装饰得一片辉煌：武汉市…`), 3 joined their own (all
# three indented or a lead-in, which the weight leaves alone), 4 unclear. A caption under a
# picture label (`图片：`) inside a report is left out: the report's columns go on after it
# (dev page 28, with it: one exact article lost).
def ends_on_note(lines: list[Line]) -> bool:
    """The last paragraph of `lines` closes with a bracketed note after a finished sentence
    (CLOSING_NOTE, photo credits included), and is no picture's caption set under a picture
    label (`图片：`) inside a report, whose columns go on after it (dev page 28)."""
    if not lines or lines[-1].text.rstrip()[-1:] not in "）)":
        return False
    k = max((i for i, ln in enumerate(lines) if ln.para_start), default=0)
    if k and is_picture_label(lines[k - 1]):
        return False
    return CLOSING_NOTE.search(last_paragraph(lines)) is not None


def closes_report(lines: list[Line]) -> bool:
    """The last paragraph of `lines` closes with a dispatch dateline (`（本报X1月2日电）`, a
    `lead_in_byline` filling the brackets) or a reporter's credit (`（本报记者X）`) after its
    last sentence: the report ends there."""
    if not lines or lines[-1].text.rstrip()[-1:] not in "）)":
        return False  # cheap test first
    text = last_paragraph(lines)
    m = closing_note(text)
    if m is None:
        return False
    note = m.group(2)
    lead = lead_in_byline(text, m.start(2))
    if lead is not None and lead.group("kind") is not None and lead.end("lead") == m.end(2):
        return True
    return bool(REPORTER_CREDIT.match(note))


# A credit note closing a report's last paragraph in a dump with blank lines (pdftotext's): a
# name in brackets (`…本次赛事。（张春启）`, `…（罗军陈志安）`), no photo credit
# (`closing_note`), no jump/serial note, no dateline (names only: CJK, no digits).
# Nothing of the same article follows it. On the simulated TRAIN pdftotext pages 1-150
# (`bench/misplaced.py --joins`) 15 of 227 wrong-article joins put a piece after such a
# fragment. `reassemble.prepare_fragments` sets `no_successor` (the link model's closed_by_jump weight). Sim TRAIN pdftotext
# 1-40 / 41-300 body .8351/.8087 -> .8423/.8095; dev pdftotext 1-20 .9212 -> .9218 (21-40 same).
CREDIT_NOTE_MAX: Final = 12
CREDIT_NOTE_SKIP: Final = ("转", "续", "见", "图", "注", "附")


def closes_on_name_credit(lines: list[Line]) -> bool:
    """The last paragraph of `lines` closes with a bracketed name credit after its last sentence
    (`…有着积极意义。（章文）`; CREDIT_NOTE_MAX characters at most, all CJK, none of
    CREDIT_NOTE_SKIP): the report ends there, nothing of it follows."""
    if not lines or lines[-1].text.rstrip()[-1:] not in "）)":
        return False
    m = closing_note(last_paragraph(lines))
    if m is None:
        return False
    return name_credit(strip_ws(m.group(2)))


def name_credit(note: str) -> bool:
    """The space-free text inside a credit's brackets is names alone: CREDIT_NOTE_MAX characters
    at most, all CJK, none of CREDIT_NOTE_SKIP."""
    return (len(note) <= CREDIT_NOTE_MAX and all(is_cjk(c) for c in note)
            and not any(w in note for w in CREDIT_NOTE_SKIP))


# A name credit printed in a line of its own, the paragraph stage taking it for a paragraph of its
# own (`…义诊病人1．2万人次。` / `（周俊峰杨灵生）`): `closes_on_name_credit` reads the last paragraph
# only, and finds no finished sentence before the bracket there. On the simulated TRAIN pdftotext
# pages 1-300, 3 fragments so closed had another article's piece joined after them (pages 93,
# 189, 278: `（周俊峰杨灵生）` over `子弟兵送` / `医到乡村`, another brief's headline absorbed as a
# subhead). A reader's signature so (`（江苏读者郝友好）`) is followed by the editor's reply, a
# part of the same article (TRAIN pages 231, 284): not a credit that closes it; nor a picture's
# (`（新华社发美联社照片）`, dev page 10, between two numbered items of picture news).
# `reassemble.prepare_fragments` sets `no_successor`: sim TRAIN pdftotext body_char_acc 1-40 /
# 41-300 .8598 / .8209 -> .8598 / .8211 (article_exact .5428 -> .5442), sim VAL pdftotext 1-40 /
# 41-120 .8120 / .8046 -> .8187 / .8046; dev pdftotext 1-40 unchanged (fires on pages 6 and 10).
LONE_CREDIT_SKIP: Final = ("读者", "来信", "照片")


def closes_on_lone_name_credit(lines: list[Line]) -> bool:
    """The last paragraph of `lines` is a bracketed name credit alone (as `closes_on_name_credit`
    reads one, LONE_CREDIT_SKIP aside), printed under a line that ends a sentence
    (SENTENCE_END_MARKS): the report ends there, nothing of it follows."""
    if len(lines) < 2 or lines[-1].text.rstrip()[-1:] not in "）)":
        return False
    k = max((i for i, ln in enumerate(lines) if ln.para_start), default=0)
    if k == 0 or strip_ws(lines[k - 1].text)[-1:] not in SENTENCE_END_MARKS:
        return False
    note = "".join(strip_ws(ln.text) for ln in lines[k:])
    if len(note) < 4 or note[0] not in "（(" or any(w in note for w in LONE_CREDIT_SKIP):
        return False
    inner = note[1:-1]
    return not inner.endswith(PHOTO_CREDIT_ENDS) and name_credit(inner)


# A report's dispatch dateline in brackets closes it in a paragraph of its own too
# (`…扭转油价下跌的趋势。` / `（本报加拉加斯1月19日电）`), in pdftotext dumps often after a blank
# line, a fragment of its own. Every bracketed `…电）` dateline in the gold bodies of the sim
# TRAIN pages 1-300 (26) and dev pages 1-40 (3) ends its article; on TRAIN pdftotext 4 pieces of
# other articles followed such a paragraph in a thread (pages 89, 115, 201, 277).
# `reassemble.closes_on_dateline` sets `no_successor`: TRAIN pdftotext body_char_acc 1-300
# .8149 -> .8155, article_exact .5195 -> .5207 (pages 89, 115, 201, 234); dev 1-40 unchanged.
# `closes_report` there too (the dateline or a reporter's credit in the last sentence's
# paragraph) lost: .8155 -> .8152 (pages 154, 234).
def lone_dispatch_dateline(text: str) -> bool:
    """The space-free `text` is a bracketed dispatch dateline alone (`（本报莫斯科1月18日电）`:
    a `lead_in_byline` with its kind, 讯/电, filling the brackets)."""
    if len(text) < 4 or text[0] not in "（(" or text[-1] not in "）)":
        return False
    lead = lead_in_byline(text, 1)
    return lead is not None and lead.group("kind") is not None and lead.end("lead") == len(text) - 1


def ends_on_dispatch_dateline(lines: list[Line], before: Line | None) -> bool:
    """The last paragraph of `lines` is a `lone_dispatch_dateline` after a finished sentence: the
    line before it in `lines`, else `before` (the last line of the text printed right before a
    fragment that holds the dateline alone), ends in a sentence mark (SENTENCE_END_MARKS)."""
    if not lines or lines[-1].text.rstrip()[-1:] not in "）)":
        return False  # cheap test first
    k = max((i for i, ln in enumerate(lines) if ln.para_start), default=0)
    if not lone_dispatch_dateline("".join(strip_ws(ln.text) for ln in lines[k:])):
        return False
    prev = lines[k - 1] if k > 0 else before
    return prev is not None and strip_ws(prev.text)[-1:] in SENTENCE_END_MARKS


SENTENCE_END_MARKS: Final = "。！？”’…"
