"""Headline tiers: a head block's lines told apart as kicker (引题), headline (主题), subtitle
(副题) and byline (`split_tiers`), by their shape, by whether a word runs across two lines, and
by what the article's body repeats (the cues of `banmian.tier_cues`).
"""
from __future__ import annotations

from typing import Final

from banmian.language import number_runs_on, spanning_word
from banmian.model import Line
from banmian.rules.chars import strip_ws
from banmian.tier_cues import (DASHES, balanced_pair, ends_in_bracket, ends_running_on, long_subtitle_under,
                               quotes_whole_clause)

# the main headline under a kicker (dev 1-40, three dumps: 17 kicker + headline, 1 headline).
KICKER_LENGTH_RATIO: Final = 0.7


def kicker_over_headline(first: str, second: str) -> bool:
    """Two head lines are a kicker and a shorter headline, not one headline broken in two:
    no dictionary word runs across the break, nor a number into its unit (`151封举报信，要价151`
    / `万元`, sim TRAIN pdftotext pages 73, 108, 273, once `name_lines.mark_names_run_on_from_heads`
    has read `万元` as a head line), and the second is much shorter (`如今我已长大成人` / `凝眸岁月`).
    A first line ending in a closing bracket is a headline's (`tier_cues.ends_in_bracket`)."""
    a, b = strip_ws(first), strip_ws(second)
    return (len(b) <= KICKER_LENGTH_RATIO * len(a) and not spanning_word(a, b) and not ends_running_on(a)
            and not number_runs_on(a, b) and not ends_in_bracket(a))


# A third head line this much longer than both above it is a subtitle under a two-line headline
# (dev 1-40, three dumps: 7 such subtitles, never a kicker's block).
SUBTITLE_LENGTH_RATIO: Final = 1.4


# A kicker is a sentence of its article set large (`body_quoted_tiers`): gold of sim TRAIN 1-300
# and dev 1-40, two-line heads whose second line is much shorter (`kicker_over_headline`): the
# body repeats the first line in 83 of 86 kickers (TRAIN) and 12 of 13 (dev), in none of the 37
# headlines so broken (TRAIN; dev: 1, a forecast's, `ends_in_bracket`), which read as a kicker
# over a headline (`经贸委中国经济效益纵深行组委会推出管理培训工程` / `向培训要人才向管理要效益`,
# TRAIN pages 48, 64; `全国贫困地区农村基层组织建设研讨班形成共识` / `加强基层组织建设关键在县市委`,
# TRAIN 180, 227, 256, 277). The 4 kickers the body does not repeat are all of articles cut off
# (TRAIN 114, 143, 150; dev 31, whose `如今我已长大成人` is printed in the part on page A3), so the
# rule is asked only of an article the page prints whole: no jump line (`下转`) after it, and a
# body at least this long.
UNREPEATED_KICKER_MIN_BODY: Final = 60
# recorded on the article (`split_tiers`' "why") when its two head lines are read as one headline so
UNREPEATED_FIRST_REASON: Final = "headline:first_line_unrepeated_by_body"


# A jump line after the article (`continued`) leaves its body here a part, but the part printed
# under the head is the article's opening, where a kicker's sentence is drawn from; an opening
# this long that nowhere repeats the first of two head lines tells as well as a whole body does.
# Sim TRAIN 1-300, two head lines of a continued article shaped as a kicker over a headline
# (`kicker_over_headline`) whose first line the body here does not repeat: in each dump 7 one
# headline, all read as a kicker over a headline (pages 48, 53, 80, 91 or 256, 180, 227, 235;
# openings of 218-1153 characters), and 1 kicker (page 150, `还精心组织了迎春灯会和灯展`, an
# opening of 218); at this length 6 of the 7 headlines are put right, wrong tier splits raw
# 32 -> 26. Dev 1-40: the one such kicker (page 31, `如今我已长大成人`, printed in the part on
# page A3) has an opening of 154 characters.
UNREPEATED_KICKER_MIN_OPENING: Final = 250
# recorded on the article when its two head lines are read as one headline so
UNREPEATED_BY_OPENING_REASON: Final = "headline:first_line_unrepeated_by_long_opening"


def long_opening(body: str, continued: bool) -> bool:
    """The article's body printed here tells whether a head line is a sentence of it: the whole
    article (no jump line after it), or a `continued` article's opening long enough to hold its
    kicker's sentence (`UNREPEATED_KICKER_MIN_OPENING`)."""
    return not continued or len(body) >= UNREPEATED_KICKER_MIN_OPENING


def unrepeated_by_body(first: str, body: str) -> bool:
    """The article's body (long enough to tell, `UNREPEATED_KICKER_MIN_BODY`) nowhere repeats
    the head line `first`: a headline's first line, not a kicker."""
    t = strip_ws(first).lstrip(DASHES)
    return len(body) >= UNREPEATED_KICKER_MIN_BODY and bool(t) and t not in body


def subtitle_under_headline(heads: list[str]) -> bool:
    """Three head lines are a two-line headline and a longer subtitle (`摩托送餐` / `风行开罗` /
    `由于快餐不仅受到埃及上班族的青睐`): the third is much longer than the first two."""
    a, b, c = (len(strip_ws(h)) for h in heads[:3])
    return c >= SUBTITLE_LENGTH_RATIO * max(a, b)


# A head line this short that its body repeats may be a headline's word or two (`吃派饭`,
# `北京音乐`); the kickers and subtitles the body repeats run longer (dev 1-40 gold: 101 of 124
# kickers and subtitles repeat a body clause, 88 of them 8 characters or more, 14 of 6-7).
# `body_quoted_tiers` on dev 1-40 pdftotext: 13 articles' tiers put right (pages 4, 5, 10, 11,
# 18 x3, 25, 30, 33, 34, 36, 38 x2), 1 put wrong (page 6: both lines of `继续做好价格工作` /
# `着力促进结构调整` are the headline, the body repeats the first); headline_roles_acc 1-20 /
# 21-40 pdftotext 0.6335 / 0.6539 -> 0.6708 / 0.6987, raw 0.7515 / 0.7692 -> 0.8199 / 0.8462,
# PyMuPDF 0.7702 / 0.7756 -> 0.8385 / 0.8526; nothing else moves. The clause repeated whole
# (`tier_cues.quotes_whole_clause`, from a clause's start too) put page 6 right, and raw and
# PyMuPDF page 5 (`朝鲜驻华大使` / `举行新年宴会`, the body `…举行新年宴会，…` mid-clause).
QUOTED_TIER_MIN_CHARS: Final = 6


def quotes_body(text: str, body: str) -> bool:
    """The head line `text` repeats a whole clause of the article's `body` word for word (and
    is not too short to be a headline's word)."""
    t = strip_ws(text).lstrip(DASHES)
    return len(t) >= QUOTED_TIER_MIN_CHARS and quotes_whole_clause(t, body)


def reads_on_in(first: str, second: str, body: str) -> bool:
    """Two head lines read on as one text of the body, the first ends in a colon or a dash
    (`tier_cues.ends_running_on`), or a dictionary word runs across the break: one headline
    broken in two (`湿地公园今年春天` / `迎来第一批候鸟`; `乔石等观看世` / `界华人书画展`,
    whose end the body repeats), not a headline and a tier."""
    a, b = strip_ws(first), strip_ws(second)
    return (a + b) in body or ends_running_on(a) or spanning_word(a, b, hmm=False) is not None


def body_quoted_tiers(heads: list[str], body: str) -> tuple[str | None, list[str], str | None]:
    """Kicker, headline lines and subtitle of a block's head lines told apart by what the body
    repeats: a kicker or subtitle is a sentence of the article set large (its first or last
    line, word for word a clause of the body), the headline is not (`花园洋房的代价` /
    `更换小楼的外墙贴面`: a headline and a subtitle, no two-line headline). A first or last
    line is a tier of its own only when the line next to it is not repeated too (two lines
    both repeated are one headline's) and the two do not read on as one text of the body
    (`reads_on_in`); the headline keeps one or two lines. Returns (None,
    heads, None) when no line is told apart."""
    if len(heads) < 2 or not body:
        return None, heads, None
    quoted = [quotes_body(h, body) for h in heads]
    lo, hi = 0, len(heads)
    kicker = subtitle = None
    if quoted[0] and not quoted[1] and not reads_on_in(heads[0], heads[1], body):
        kicker, lo = heads[0], 1
    if hi - lo >= 2 and quoted[-1] and not quoted[-2] and not reads_on_in(heads[-2], heads[-1], body):
        subtitle, hi = heads[-1], hi - 1
    if (kicker is None and subtitle is None) or not 1 <= hi - lo <= 2:
        return None, heads, None
    return kicker, heads[lo:hi], subtitle


def balanced_over_subtitle(heads: list[str]) -> bool:
    """Three head lines are a headline broken to balance over a subtitle: the first two balance
    (`tier_cues.balanced_pair`) and the third is not shorter than the second (`离别三十六年` /
    `梦想终于成真` / `不知流过多少泪`). Dev 1-40 gold, three-line heads: 30 of 38 headline +
    subtitle, 2 of 30 kicker + headline (a kicker over a headline whose first line is as long has
    a shorter third line: `春耕备耕有序推进` / `江川新建高标准农田` / `累计达12万亩`, the head of the
    made-up examples/demo_page.txt, not a dev page's)."""
    a, b, c = (strip_ws(h) for h in heads[:3])
    return balanced_pair(a, b) and len(c) >= len(b)


def runs_across(first: str, second: str) -> bool:
    """The headline runs on from one line into the next: a word spans the break, or the first
    ends in a colon or a dash (`tier_cues.ends_running_on`)."""
    return spanning_word(first, second) is not None or ends_running_on(first)


def split_tiers(block: list[Line], body: str = "", continued: bool = False) -> dict:
    """Kicker, headline, subtitle and byline of one block, as printed. `body`: the article's
    text (whitespace stripped), whose repeated sentences tell a kicker or subtitle apart
    (`body_quoted_tiers`). Else the lines' text and lengths (`banmian.tier_cues`): a last line
    opening with a dash is the subtitle unless the dash was broken across the lines (`…锲而不舍—`
    / `—三论…`); of two lines, a much shorter second is the headline under a kicker, a second at
    least twice as long a subtitle (`long_subtitle_under`); of three, the first two are the
    headline over a subtitle when they run on (a word across the break, a colon or dash at the
    first's end) or balance over a third line not shorter (`balanced_over_subtitle`).
    Dev 1-40 wrong tier splits of the right lines (bench/head_errors.py), pdftotext | raw |
    PyMuPDF: 10 | 11 | 11 -> 4 | 2 | 2 with these cues and `quotes_whole_clause`. Two lines
    whose first the body does not repeat are one headline (`unrepeated_by_body`) unless the
    article is `continued` on another page (a jump line after it) and its body here, a part,
    is too short an opening to tell (`long_opening`)."""
    bylines = [ln.text for ln in block if ln.kind == "byline"]
    heads = [ln.text for ln in block if ln.kind == "head"]
    out = {"kicker": None, "headline": None, "subtitle": None, "byline": " ".join(bylines) or None}
    if heads and heads[-1].startswith(("—", "－", "--")) and not (len(heads) > 1 and ends_running_on(heads[-2])):
        out["subtitle"] = heads.pop()
    if not heads:
        return out
    kicker, middle, subtitle = body_quoted_tiers(heads, body) if out["subtitle"] is None else (None, heads, None)
    if kicker is not None or subtitle is not None:
        out["kicker"], out["headline"], out["subtitle"] = kicker, " ".join(middle), subtitle
        return out
    if len(heads) == 1:
        out["headline"] = heads[0]
    elif len(heads) == 2 and kicker_over_headline(heads[0], heads[1]) and long_opening(
            body, continued) and unrepeated_by_body(heads[0], body):
        out["headline"] = " ".join(heads)
        out["why"] = UNREPEATED_BY_OPENING_REASON if continued else UNREPEATED_FIRST_REASON
    elif len(heads) == 2 and kicker_over_headline(heads[0], heads[1]):
        out["kicker"], out["headline"] = heads
    elif len(heads) == 2 and out["subtitle"] is None and long_subtitle_under(heads[0], heads[1]):
        out["headline"], out["subtitle"] = heads
    elif len(heads) == 2:
        out["headline"] = " ".join(heads)
    else:
        if ((runs_across(heads[0], heads[1]) or subtitle_under_headline(heads) or balanced_over_subtitle(heads))
                and not runs_across(heads[1], heads[2])):
            out["headline"] = " ".join(heads[:2])
            rest = heads[2:]
            out["subtitle"] = " ".join(rest) if out["subtitle"] is None else " ".join(rest + [out["subtitle"]])
        else:
            out["kicker"] = heads[0]
            out["headline"] = " ".join(heads[1:3])
            if len(heads) > 3:
                extra = " ".join(heads[3:])
                out["subtitle"] = extra if out["subtitle"] is None else extra + " " + out["subtitle"]
    return out
