"""Where a run of head lines may not be cut: between two lines of one broken headline.

A headline set in a narrow slot breaks wherever the line is full, often inside a word
(`江主席与克` / `雷库总统会谈`, `中直机关纪检工` / `作会议在京举行`, dev page 20 `李岚清会` /
`见法国客人`). Two articles' headlines printed one after the other meet at a headline's end,
where a word does not run on. `head_units.split_by_content` cuts a run where the words change
article, and the two halves of a broken word share few bigrams with one opening alike, so
it cut such headlines in two (the second half given to a neighbour or to a body fragment).
"""
from __future__ import annotations

from typing import Final

from banmian.language import spanning_word
from banmian.model import Line
from banmian.rules.chars import PAIRED_MARKS, strip_ws

# `word_runs_across`: no unit of a head run starts on a line that finishes a dictionary word the
# head line right above it (no blank line between) began. Simulated TRAIN page 9: `东亚金融危机
# 不影响我开放政` / `策德企业对其在华投资感到满意` cut between `政` and `策`, the second half
# given to another article; pages 31, 59, 153 alike. With the marks of `head_context.
# mark_word_split_pairs` (MARKS_RUN_ON_FROM_HEAD): TRAIN headline_acc pdftotext 1-40 / 41-300
# 0.6731 / 0.6322 -> 0.6795 / 0.6336, raw 0.7853 / 0.7779 -> 0.7885 / 0.7798, PyMuPDF 0.7853 /
# 0.7761 -> 0.7885 / 0.7770, nothing else moves; dev 1-40 unchanged in all three dumps.
KEEP_BROKEN_WORDS: Final = True
# What a cut there costs in `head_units._split_points`: more than any unit earns, so it is made
# only where no other split exists (a run of more than MAX_UNIT_LINES lines each running on).
BROKEN_WORD_CUT_COST: Final = 1000.0


def word_runs_across(above: Line, line: Line, after_blank: frozenset[int]) -> bool:
    """`line` continues a dictionary word (no HMM guesses) begun at the end of the head line
    `above`, or closes a mark of a pair `above` left open, printed right under it with no
    blank line between: one headline broken inside a word or a quotation, never a cut between
    two articles' heads."""
    if not KEEP_BROKEN_WORDS or above.kind != "head" or line.kind != "head" or id(line) in after_blank:
        return False
    top, under = strip_ws(above.text), strip_ws(line.text)
    return spanning_word(top, under, hmm=False) is not None or closes_open_mark(top, under)


def closes_open_mark(top: str, under: str) -> bool:
    """`top` holds more opening than closing marks of a pair (`rules.chars.PAIRED_MARKS`), `under`
    more closing than opening: one headline's two lines (TRAIN page 153: `昔日『冰球沙皇` /
    `』今朝认罪服法`, cut at the bracket, the second line given to the next article)."""
    return any(top.count(o) > top.count(c) and under.count(c) > under.count(o) for o, c in PAIRED_MARKS)
