"""Textual cues that tell a head block's tiers apart when the dump gives no font sizes.

A kicker or a subtitle is a tier of its own; a headline printed over two lines is one tier.
Without sizes the lines' text and lengths are what is left:

- a headline broken over two lines is broken to balance: its second line is as long as its
  first or one character longer (`balanced_pair`);
- a line ending in a colon, a dash or an opening quotation mark or bracket runs on into the
  next (`ends_running_on`): the headline goes on after it (`东南亚金融危机的启示：` / `苍蝇不叮无缝的蛋`);
- the kickers and subtitles the body repeats are whole clauses of it, repeated from a clause's
  start to its end (`quotes_whole_clause`), where a headline line the body repeats is often a
  piece of a clause (`继续做好价格工作` in `…要继续做好价格工作，…`);
- a line at least twice as long as a short complete line over it is a subtitle
  (`long_subtitle_under`).

Measured on the gold of dev pages 1-40 (`headline_lines`, kicker, subtitle): of the two-line
heads 124 are one headline, 16 a kicker and a headline, 24 a headline and a subtitle; of the
three-line heads 38 a two-line headline and a subtitle, 30 a kicker over a two-line headline.
"""
from __future__ import annotations

from typing import Final

from banmian.pull_quotes import quotes_clause
from banmian.rules.chars import strip_ws

# A bullet opens an item, and so a clause, though no punctuation mark stands before it
# (dev page 30: the kicker `●实施『巾帼扶贫行动』两年来`, printed in the body after `…脱贫`).
ITEM_BULLETS: Final = "●○◆◇■□★☆▲△"
DASHES: Final = "—－-"


def balanced_pair(first: str, second: str) -> bool:
    """Two head lines are one headline broken to balance: the second is as long as the first
    or one character longer (a centred headline's characters halved, the odd one below).
    Dev 1-40 gold, neighbouring head lines: 187 of the 199 pairs within a headline are set so,
    2 of the 54 kicker-headline pairs, 8 of the 70 headline-subtitle pairs (all under a
    two-line headline whose own pair is balanced too; none in a two-line head)."""
    a, b = len(strip_ws(first)), len(strip_ws(second))
    return 0 < a <= b <= a + 1


# What a head line ends with when the headline runs on into the next line: a colon before
# what it announces, a dash before what it explains (dev 1-40 gold: 7 of the 199 headline lines
# followed by another end so, pages 3, 9, 11, 32, 34, 35 x2; none of 54 kickers and none of the
# 70 lines over a subtitle).
RUN_ON_ENDS: Final[tuple[str, ...]] = ("：", ":", "—", "－")


# An opening quotation mark or bracket at a head line's end: the quoted or bracketed words go on
# in the next line, of the same headline (`克鲁吉荣膺“` / `马可·波罗奖”`). Gold of dev 1-40 and
# sim TRAIN 1-300: 13 head lines end so (dev pages 1, 4, 9, 12; TRAIN 110, 122, 123, 129, 180,
# 203, 233), every one followed by its headline's next line; TRAIN 180 and 203 were cut into a
# headline and a subtitle (the body repeats the second line).
OPENING_MARKS: Final[tuple[str, ...]] = ("“", "‘", "《", "（", "(", "『", "「", "〈")
_RUNNING_ON_ENDS: Final[tuple[str, ...]] = RUN_ON_ENDS + OPENING_MARKS  # what `ends_running_on` asks


def ends_running_on(text: str) -> bool:
    """The head line ends in a colon or a dash, or opens a quotation or bracket
    (`OPENING_MARKS`): the headline runs on into the next line."""
    return strip_ws(text).endswith(_RUNNING_ON_ENDS)


def quotes_whole_clause(text: str, body: str) -> bool:
    """`body` repeats `text` as a whole clause: from a clause's start (the body's start or
    after a punctuation mark) to its end (before one, or the body's end). Dev 1-40 gold: 100 of
    the 101 kickers and subtitles the body repeats are whole clauses (the other opens with a
    bullet, printed in the body after a clause's last character), 4 of the 11 headline lines
    it repeats."""
    t = strip_ws(text).lstrip(DASHES)
    return bool(t) and quotes_clause(t, body, from_start=t[0] not in ITEM_BULLETS)


# A second head line at least this many times as long as the first is a subtitle under a
# short headline (dev 1-40 gold, two-line heads, with `long_subtitle_under`'s other conditions:
# 7 of 24 headline + subtitle, 1 of 124 one headline, 0 of 16 kicker + headline; without its
# guards 3 more headlines: two broken after an enumeration comma, one whose second line ends
# in a dash).
LONG_SUBTITLE_RATIO: Final = 2.0
# What a headline line that the next line completes ends with: an enumeration comma
# (`国家防总、` / `水利部通知…`) besides a colon or a dash.
UNFINISHED_ENDS: Final[tuple[str, ...]] = ("、", "，", ",") + RUN_ON_ENDS


def long_subtitle_under(first: str, second: str) -> bool:
    """The second head line is a subtitle under a short headline: at least twice as long as a
    first line that does not end unfinished (`论精心部署` / `使我们的决策和部署更加符合时代潮流`).
    A line ending in a colon or a dash runs on: not the head's last tier (dev page 6: a
    headline's second line ending `…假“伤”过若干回——`)."""
    a, b = strip_ws(first), strip_ws(second)
    return (bool(a) and len(b) >= LONG_SUBTITLE_RATIO * len(a) and not a.endswith(UNFINISHED_ENDS)
            and not ends_running_on(b))


# What a head line ends with when it is a titled feature's headline carrying its own bracketed
# date span (`明天气象预报（1月24日20时—1月25日20时）` over `天气趋势分析`): the headline's first line,
# not a kicker. Gold of sim TRAIN 1-300 and dev 1-40: no kicker ends in a closing bracket, 16
# headline lines over another headline line do (TRAIN pages 1, 13, 51, 106, 165, 237, ...; dev 5, 36);
# without this the much shorter second line read as the headline under a kicker.
CLOSING_BRACKETS: Final[tuple[str, ...]] = ("）", ")")


def ends_in_bracket(text: str) -> bool:
    """The head line ends in a closing bracket: a headline's line, never a kicker."""
    return strip_ws(text).endswith(CLOSING_BRACKETS)
