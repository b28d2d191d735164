"""Normalize: strip line ends and remove spurious spaces beside half-width digits and letters.

Extractors print a gap before many digit runs as a space (`3月 5日`, `迎来 10周年`). A space is
spurious when it stands between a CJK character or CJK punctuation and a half-width
alphanumeric. Spaces between CJK characters (`记者 王某 李某`, `稳字当头 稳中求进`) and between
Latin words are real and kept. A line printed letter-spaced (a space after every character:
`余 贵 、 熊 馥 琬 报 道 ：`, how some extractors render a justified short line) is closed up.
"""
from __future__ import annotations

import re
from typing import Final

from banmian.model import Page

_CJK: Final = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019"
# A run of spaces between a CJK character (or CJK punctuation) and a half-width letter or digit,
# either way round: `(?<=[CJK])[ \t\u3000]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%.])[ \t\u3000]+(?=[CJK])`,
# written to open with the run's first space and look back past it, so that the regex engine
# scans for a space (its first character class) instead of trying the lookbehinds at every
# character: the same matches (tests/test_fast_paths.py), a fifth of the cost on long lines.
_SPURIOUS: Final = re.compile(rf"[ \t\u3000](?:(?<=[{_CJK}][ \t\u3000])[ \t\u3000]*(?=[0-9A-Za-z])"
                              rf"|(?<=[0-9A-Za-z%.][ \t\u3000])[ \t\u3000]*(?=[{_CJK}]))")


# Every character of the line, CJK or punctuation, followed by one space: at least five of them
# (dev raw page 3: `余 贵 、 熊 馥 琬 报 道 ： 张 庆`); names spaced apart (`记者 王某 李某`)
# have two or more characters between spaces.
# Digits count as letters there (dev raw page 38: the lead-in `新 华 社 北 京 1 月 8 日 电`, which
# the digit-space rule alone would leave as `新 华 社 北 京1月8日 电`).
_LETTER_SPACED: Final = re.compile(rf"[{_CJK}0-9](?: [{_CJK}0-9]){{4,}}")


def close_letter_spacing(text: str) -> str:
    """The line without its letter-spacing, when every character is followed by a space."""
    if _LETTER_SPACED.fullmatch(text):
        return text.replace(" ", "")
    return text


# PyMuPDF prints the half-width characters of a justified line each followed by a space
# (dev PyMuPDF pages 21, 36, 38: `发表1 9 9 8 年新年讲话`, `总值的5 0 . 4 % 。`), a figure's digits
# then stand apart from each other, which the CJK-beside-digit rule above leaves: a lead-in's date
# read `新华社1月2 1日电` was no lead-in (sim TRAIN PyMuPDF pages 17, 83, 105, 172, 264, 281:
# the byline left in the body). A run of single digits (and a figure's `.` / `%`) each set one
# space apart is one figure; `2 1998年` (a page number before a date) and `12 34` are not such a run.
_SPACED_FIGURE: Final = re.compile(r"(?<![0-9A-Za-z.%])[0-9](?: [0-9.%])+(?![0-9A-Za-z])")
_DIGIT_SPACE_DIGIT: Final = re.compile(r"[0-9] [0-9]")


def _closed_up(m: re.Match[str]) -> str:
    return m.group().replace(" ", "")


def close_spaced_figures(text: str) -> str:
    """`text` with each figure printed letter-spaced (`1 9 9 7`, `5 0 . 4 %`) closed up."""
    if not _DIGIT_SPACE_DIGIT.search(text):
        return text  # no two digits a space apart: nearly every line
    return _SPACED_FIGURE.sub(_closed_up, text)


def _drop_spurious_spaces(text: str) -> str:
    """Remove the spurious spaces of an already stripped line."""
    if " " not in text and "\t" not in text and "\u3000" not in text:
        return text  # nothing to remove: most lines
    return close_spaced_figures(_SPURIOUS.sub("", text))


def normalize_text(raw: str) -> str:
    """One line's printed text: outer whitespace stripped, spurious digit spaces removed."""
    return _drop_spurious_spaces(raw.strip())


def normalize(page: Page) -> Page:
    """Fill `line.text` for every line of the page."""
    for line in page.lines:
        stripped = line.raw.strip()
        if " " not in stripped and "\t" not in stripped and "\u3000" not in stripped:
            line.text = stripped  # no space to drop or close: most lines
            continue
        if " " in stripped:
            closed = close_letter_spacing(stripped)
            if closed != stripped:
                line.text = closed
                line.because("normalize:letter_spaced")
                continue
        line.text = _drop_spurious_spaces(stripped)
        if line.text != stripped:
            line.because("normalize:digit_space")
        if " " in line.text:
            closed = close_letter_spacing(line.text)
            if closed != line.text:
                line.text = closed
                line.because("normalize:letter_spaced")
    return page
