"""Ordinal series: Chinese prose numbers the steps of an argument (首先 / 其次 / 再次, 一是 /
二是, 第一， / 第二，, 一、 / 二、, （一） / （二）, 其一 / 其二, 一来 / 二来), and the text holding
step N comes after the text holding step N-1 of the same series.

Two uses, both in the reassemble stage:

- `OrdinalTurns`, a link cue: a fragment whose first mark of a series is step N >= 2 goes on
  the thread whose last mark of that series is step N-1 (ORDINAL_FOLLOWS);
- `lift_earlier_steps`, before threading: pdftotext may print a column's blocks out of reading
  order, so that a block opening with step N comes before the block holding step N-1 (dev page
  4: `其次，导致了账外账…` printed before `公款送礼的危害是显而易见的。首先，…`); the later block
  is put back before it.
"""
from __future__ import annotations

import re
from typing import Final, NamedTuple

from banmian.model import Fragment
from banmian.rules.chars import bmp_table, strip_ws

_DIGITS: Final = "一二三四五六七八九十"
# what a step's mark may follow when it is not at the text's start (not `统一是`, `唯一、`,
# `之一来`): a clause mark
_CLAUSE_MARKS: Final = frozenset("。；：！？，”）;:!?,)")
# Every step mark, one pattern for all series (one scan of a text): 首先 / 其次 / 再次, 第一，,
# （一）, 其一，, 一是, 一、, 一来，. At most one alternative matches at a position, and none can
# start inside another's match after a clause mark, so one scan finds what a scan per series would.
_MARK: Final = re.compile(f"首先|其次|再次|第[{_DIGITS}][，、：,:]|[（(][{_DIGITS}][）)]|其[{_DIGITS}][，、：,:]"
                          f"|[{_DIGITS}][是、]|[一二三]来[，,]")
# Where a mark may start: one of the marks' first characters, before one of their second ones. A
# scan for it passes any other character at one test (the pattern opens with a character class),
# where a scan for _MARK tries each alternative at every character (five times the cost); the
# second character (a lookahead: no start is passed over) leaves a fifth of the first ones.
_MARK_START: Final = re.compile(f"[首其再第（({_DIGITS}](?=[先次{_DIGITS}是、来])")
# `_MARK_START` as two membership tables over the Basic Multilingual Plane (`mark_starts`): its
# first characters and the ones its lookahead asks for after them.
_MARK_FIRST_AT: Final = bmp_table(f"首其再第（({_DIGITS}")
_MARK_SECOND_AT: Final = bmp_table(f"先次{_DIGITS}是、来")
_STEP_WORDS: Final = {"首先": 1, "其次": 2, "再次": 3}
# series of a mark by its first character (the digit stands second) or else its second (the digit
# stands first)
_SERIES_BY_FIRST: Final = {"第": "diyi", "（": "paren", "(": "paren", "其": "qiyi"}
_SERIES_BY_SECOND: Final = {"是": "yishi", "、": "dun", "来": "yilai"}
# the series whose marks stand at the text's start or after a clause mark only (not `统一是`,
# `唯一、`, `之一来`); 首先 stands anywhere (`它首先符合国情`, dev page
# 31: it only ever opens a series), 其次 and 再次 do not
_AFTER_CLAUSE_SERIES: Final = frozenset(("diyi", "yishi", "dun", "yilai"))


# Log-odds a join gains when the fragment's first mark of a series is step N >= 2 and the
# thread's last mark of that series is step N-1. On dev pdftotext pages 1-40 (gold threading),
# of the continuing fragments whose first mark of a series is a step N >= 2, the own thread's
# last mark was step N-1 for 11 of 14, the other open threads' for none of 39. Dev pdftotext
# body_char_acc pages 1-20 / 21-40 (with `lift_earlier_steps`): 0: 0.8924 / 0.8695; 1: the same;
# 2, 3, 5: 0.9035 / 0.8695 (dev page 19: `…再次，…` went on another article's `一是 / 二是`
# thread). A penalty on the threads whose last step is not N-1 (-1: the same; -2, -3: 0.8952)
# did not help. Raw and PyMuPDF dumps unchanged (their fragments are cut at headlines only).
ORDINAL_FOLLOWS = 3.0
# How many fragments after a block opening with step N the block holding step N-1 may stand
# (dev page 4: the next one; the only lift on the 120 dev dumps of pages 1-40, body_char_acc of
# pdftotext pages 1-20 0.9026 -> 0.9035 with the cue, 0.8915 -> 0.8924 without).
LIFT_LOOKAHEAD: Final = 2
OPENING_WINDOW: Final = 8  # characters of a text `opens_later_step` looks at: a mark is at most 4 long
LIFT_REASON: Final = "ordinal:lifted_before_line_"  # + the line it now stands before, + `:series:step`


class Mark(NamedTuple):
    """One step mark in a text: where it stands, its series, its step number (1 = first)."""

    pos: int
    series: str
    step: int


def ordinal_marks(text: str) -> list[Mark]:
    """The step marks of the (space-free) text, in text order."""
    out = []
    end = 0  # where the last mark found ends: the next is looked for from there, as finditer does
    for pos in mark_starts(text):
        m = _MARK.match(text, pos) if pos >= end else None
        if m is None:
            continue
        word, end = m.group(), m.end()
        if word in _STEP_WORDS:
            series, step = "shouxian", _STEP_WORDS[word]
            if step > 1 and not _after_clause(text, pos):
                continue
        else:
            first_series = _SERIES_BY_FIRST.get(word[0])
            digit = word[1] if first_series else word[0]
            series = first_series or _SERIES_BY_SECOND[word[1]]
            if series in _AFTER_CLAUSE_SERIES and not _after_clause(text, pos):
                continue
            step = _DIGITS.index(digit) + 1
        out.append(Mark(pos, series, step))
    return out


def mark_starts(text: str) -> list[int]:
    """Where `_MARK_START` matches in the text, in order (what its `finditer` finds: each match
    is one character long, so it finds every position), by a loop over the code points that the
    compiled build runs natively, no one-character string made: speed alone (the regular
    expression's scan tests each character against its class at several times the cost; the
    fragments' texts of a page are scanned whole)."""
    out: list[int] = []
    n = len(text)
    if n < 2:
        return out
    prev = ord(text[0])
    for i in range(1, n):
        o = ord(text[i])
        if prev < 0x10000 and _MARK_FIRST_AT[prev] and o < 0x10000 and _MARK_SECOND_AT[o]:
            out.append(i - 1)
        prev = o
    return out


def _after_clause(text: str, pos: int) -> bool:
    """Position `pos` of `text` is its start or follows a clause mark."""
    return pos == 0 or text[pos - 1] in _CLAUSE_MARKS


def opens_later_step(text: str) -> bool:
    """The (space-free) text opens with step 2 or later of a series (`二是`, `其次`, `第三，`): it
    goes on an enumeration begun before it. On dev pages 1-40, 16 gold paragraphs open so, none
    of them an article's first."""
    if _MARK_START.match(text) is None:
        return False  # no mark can start it (most texts: one test, no scan)
    marks = ordinal_marks(text[:OPENING_WINDOW])
    return bool(marks) and marks[0].pos == 0 and marks[0].step >= 2


def first_steps(marks: list[Mark]) -> dict[str, int]:
    """Each series' first step in `marks`."""
    out: dict[str, int] = {}
    for m in marks:
        out.setdefault(m.series, m.step)
    return out


def last_steps(marks: list[Mark]) -> dict[str, int]:
    """Each series' last step in `marks`."""
    return {m.series: m.step for m in marks}


def step_follows(series: str, step: int, before: dict[str, int] | None) -> bool:
    """Step `step` of `series` comes right after what `before` (a text's `last_steps`) left."""
    return step >= 2 and before is not None and before.get(series) == step - 1


class OrdinalTurns:
    """The ordinal cue of a join (ORDINAL_FOLLOWS) for the fragments of one page: each
    fragment's first steps of 2 or more, and its last steps, found once."""

    __slots__ = ("later", "last")

    def __init__(self, texts: list[str]):
        """`texts`: the fragments' joined texts."""
        marks = [ordinal_marks(strip_ws(t)) for t in texts]
        self.later = [{s: k for s, k in first_steps(m).items() if k >= 2} for m in marks]
        self.last = [last_steps(m) for m in marks]

    def term(self, members: tuple[int, ...], i: int) -> float:
        """The log-odds fragment i's step marks add to its joining the thread of `members`:
        ORDINAL_FOLLOWS for each series whose step N the thread's last mark of it, N-1, leads up to."""
        total = 0.0
        for series, step in self.later[i].items():
            before = next((self.last[m] for m in reversed(members) if series in self.last[m]), None)
            if step_follows(series, step, before):
                total += ORDINAL_FOLLOWS
        return total


def fragment_marks(frag: Fragment) -> list[Mark]:
    """The step marks of the fragment's text."""
    return ordinal_marks(strip_ws("".join(ln.text for ln in frag.lines)))


def earlier_step_after(frags: list[Fragment], marks: list[list[Mark]], i: int) -> int | None:
    """The index of the block that holds the step before the one fragment i opens with, printed
    after it: fragment i's text opens with step N >= 2 of a series, no fragment before it holds
    step N-1 of that series, and one of the next LIFT_LOOKAHEAD fragments (the first after it
    with a mark of the series) ends its marks of the series at step N-1 with none as high as N,
    and is a whole block: it opens a paragraph (indented, no 上接 note) and ends a sentence."""
    if not marks[i] or marks[i][0].pos != 0 or marks[i][0].step < 2:
        return None
    series, step = marks[i][0].series, marks[i][0].step
    if any(m.series == series and m.step == step - 1 for ms in marks[:i] for m in ms):
        return None
    for j in range(i + 1, min(i + 1 + LIFT_LOOKAHEAD, len(frags))):
        own = [m.step for m in marks[j] if m.series == series]
        if not own:
            continue
        g = frags[j]
        whole = g.start == "indent" and g.end != "open" and not g.no_predecessor
        return j if whole and own[-1] == step - 1 and max(own) < step else None
    return None


def _opening(frag: Fragment) -> str:
    """The fragment's first OPENING_WINDOW characters, space-free (or all it has)."""
    text = ""
    for ln in frag.lines:
        text += strip_ws(ln.text)
        if len(text) >= OPENING_WINDOW:
            break
    return text


def lift_earlier_steps(frags: list[Fragment]) -> None:
    """Put each block holding step N-1 of a series that is printed after the block opening with
    step N (`earlier_step_after`) right before that block, in place, and number the fragments
    anew in their new order (`Fragment.order`). The lifted block's first line says so (LIFT_REASON)."""
    if not any(opens_later_step(_opening(f)) for f in frags):
        return  # what `earlier_step_after` looks for first, found without scanning whole blocks
    marks = [fragment_marks(f) for f in frags]
    moved = False
    for i in range(len(frags)):
        j = earlier_step_after(frags, marks, i)
        if j is None:
            continue
        g = frags.pop(j)
        frags.insert(i, g)
        marks.insert(i, marks.pop(j))
        first = marks[i + 1][0]
        g.first.because(f"{LIFT_REASON}{frags[i + 1].first.no}:{first.series}:{first.step - 1}")
        moved = True
    if moved:
        for k, f in enumerate(frags):
            f.order = k
