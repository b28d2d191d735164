"""Dates in Chinese newspaper text: read them, resolve them against the page date, find a page
date in a file name. Pure functions, standard library only.

    parse_date("新华社北京十二月三十一日电")        -> (None, 12, 31)
    resolve("12月30日", "1998-01-05")              -> "1997-12-30"
    resolve("昨天", "1998-01-01")                  -> "1997-12-31"
    date_from_filename("rmrb_19980109_p01.txt")    -> "1998-01-09"
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Final, cast

# Full-width digits and ISO separators map one-for-one to ASCII, so a position in the
# translated text is the same position in the original.
_HALF: Final = str.maketrans("０１２３４５６７８９．－／", "0123456789.-/")
# Chinese digits as printed in dates: both forms of zero (〇 U+3007, ○ U+25CB) and 零 occur.
_CN_DIGIT: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_CN: Final = "〇○零一二三四五六七八九十"
# One stray space the text extractor leaves around 年/月/日 (`1月 5日`); never more, so that
# numbers from neighbouring table cells are not joined into a date.
_SP: Final = r"[ \t\u3000]?"
# A month or day number: 1-2 ASCII digits or 1-3 Chinese numerals (`三十一`), never starting
# in the middle of a longer number (`113月` is no `13月`).
_N: Final = rf"(?:(?<![0-9])[0-9]{{1,2}}|(?<![{_CN}])[{_CN}]{{1,3}})"
# A year: four digits (`1998`, `一九九八`); two-digit years (`98年`) are not read as years.
_Y: Final = rf"(?:(?<![0-9])[0-9]{{4}}|(?<![{_CN}])[〇○零一二三四五六七八九]{{4}})"
# Alternatives in the order they are tried at one position. ISO-like forms need years
# 1900-2099 because dotted numbers (`1234.5.6`) are otherwise too easily taken for dates.
# `月D` without 日 only right before 电/讯 or at the end (`１月２９电`, as datelines drop 日).
# 号 is accepted after a month only: a bare `5号` is a number (`5号楼`), not a day. `日元` is
# yen, not a day.
_DATE: Final = re.compile(
    rf"(?<![0-9])(?P<iy>19[0-9]{{2}}|20[0-9]{{2}})(?P<sep>[-./])(?P<im>[0-9]{{1,2}})"
    rf"(?P=sep)(?P<id>[0-9]{{1,2}})(?![0-9])"
    rf"|(?P<y>{_Y}){_SP}年{_SP}(?P<ym>{_N}){_SP}月(?:{_SP}(?P<yd>{_N}){_SP}[日号])?"
    rf"|(?P<m>{_N}){_SP}月{_SP}(?P<md>{_N})(?:{_SP}[日号]|(?={_SP}(?:专?电|讯)|$))"
    rf"|(?P<d>{_N}){_SP}日(?!元)"
)
# Days relative to the page date. 前天 not before 津: `前天津市长` is "the former mayor of Tianjin".
_REL_DAYS: Final = {"大前天": -3, "前天": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "明日": 1}
# Prefixes that fix the month (then a bare day follows) or the year (then month and day follow).
_REL_MONTH: Final = {"上个月": -1, "上月": -1, "本月": 0}
_REL_YEAR: Final = {"前年": -2, "去年": -1, "今年": 0}
_REL: Final = re.compile(r"(?P<word>大前天|前天(?!津)|昨天|昨日|今天|今日|明天|明日)"
                  r"|(?P<pre>上个月|上月|本月|前年|去年|今年)")
# Longest month when the year is unknown: February may be a leap-year February.
_MAX_DAY: Final = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Page dates in file names: 8 digits, or year, month, day with one repeated separator.
# Digit runs longer than 8 are not dates (`1998010901` is date + page, or an id).
_FILE_DATE: Final = re.compile(
    r"(?<![0-9])(?P<y>19[0-9]{2}|20[0-9]{2})"
    r"(?:(?P<sep>[-_.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})|(?P<m8>[0-9]{2})(?P<d8>[0-9]{2}))"
    r"(?![0-9])"
)

Ymd = tuple[int | None, int | None, int | None]


def _number(tok: str) -> int | None:
    """`12`, `三十一`, `十`, `二十`, `五` -> int; None for what is no number (`二一`)."""
    if tok.isdigit():
        return int(tok)
    if "十" in tok:
        tens, _, ones = tok.partition("十")
        t = _CN_DIGIT.get(tens) if tens else 1
        o = _CN_DIGIT.get(ones) if ones else 0
        return None if not t or o is None else t * 10 + o
    return _CN_DIGIT.get(tok) if len(tok) == 1 else None


def _year(tok: str) -> int | None:
    """`1998` or `一九九八` -> 1998; None for a year below 1000 (`〇〇九八`)."""
    y = int(tok) if tok.isdigit() else int("".join(str(_CN_DIGIT[c]) for c in tok))
    return y if y >= 1000 else None


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is None:
        return True
    if m is None:
        return 1 <= d <= 31
    return 1 <= d <= (calendar.monthrange(y, m)[1] if y is not None else _MAX_DAY[m])


def _convert(m: re.Match) -> Ymd | None:
    """(year, month, day) of one `_DATE` match, or None if a number is no number or impossible."""
    if m["iy"]:
        ymd: tuple = (int(m["iy"]), int(m["im"]), int(m["id"]))
    elif m["y"]:
        ymd = (_year(m["y"]), _number(m["ym"]), _number(m["yd"]) if m["yd"] else None)
        if ymd[0] is None or ymd[1] is None or (m["yd"] and ymd[2] is None):
            return None
    elif m["m"]:
        ymd = (None, _number(m["m"]), _number(m["md"]))
        if None in ymd[1:]:
            return None
    else:
        ymd = (None, None, _number(m["d"]))
        if ymd[2] is None:
            return None
    return ymd if _valid(*ymd) else None


def _candidates(text: str) -> Iterator[tuple[int, Ymd]]:
    """(start, (y, m, d)) of each valid date in text; a rejected match is skipped whole, so
    `13月1日` never yields `3月1日`."""
    for m in _DATE.finditer(text):
        ymd = _convert(m)
        if ymd is not None:
            yield m.start(), ymd


def parse_date(text: str) -> Ymd | None:
    """(year, month, day) of the first date written in `text`, unknown parts None; or None.

    Reads `1998年1月9日`, `１９９８年１月９日`, `一九九八年一月九日`, `二〇〇〇年…`, `1月5日` /
    `1月 5日` / `1月5号` -> (None, 1, 5), `十二月三十一日`, `5日` / `三十一日` -> (None, None, d),
    `1997年12月` -> (1997, 12, None), `１月２９电` (dateline without 日), and `1998-01-09`,
    `1998.1.9`, `1998/1/9`. Impossible dates (`13月1日`, `32日`, `2月30日`, `1998年2月29日`)
    are skipped and the search goes on. A bare month (`1月`) or year is no date.
    """
    return next((ymd for _, ymd in _candidates(text.translate(_HALF))), None)


def whole_date(text: str) -> Ymd | None:
    """(year, month, day) when `text` is one date with its year and nothing else, spaces
    aside (`1998年 1月`, `1998年1月7日`: a letter's or decree's closing date); else None."""
    m = _DATE.fullmatch("".join(text.split()).translate(_HALF))
    return _convert(m) if m and m.group("y") else None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _last_month(page: date) -> date:
    return page.replace(day=1) - timedelta(days=1)


def _relative(text: str, page: date) -> tuple[int, str | None] | None:
    """(start, ISO or None) of the first relative phrase (`昨天`, `上月5日`, `去年12月30日`)."""
    for m in _REL.finditer(text):
        if m["word"]:
            return m.start(), (page + timedelta(days=_REL_DAYS[m["word"]])).isoformat()
        pos = m.end() + (text[m.end():m.end() + 1] in " \t\u3000")
        after = _DATE.match(text, pos)
        ymd = _convert(after) if after else None
        if ymd is None or ymd[0] is not None or ymd[2] is None:
            continue  # `去年12月`, `本月中旬`: a prefix with no day after it
        pre = m["pre"]
        if pre in _REL_MONTH and ymd[1] is None:
            base = _last_month(page) if _REL_MONTH[pre] else page
            return m.start(), _iso(base.year, base.month, ymd[2])
        if pre in _REL_YEAR and ymd[1] is not None:
            return m.start(), _iso(page.year + _REL_YEAR[pre], ymd[1], ymd[2])
    return None


def resolve(text: str, page_date: str | None) -> str | None:
    """The ISO date (`YYYY-MM-DD`) of the first date phrase in `text` that names a day, read
    against `page_date` (ISO; an unreadable one counts as None).

    A full date is itself. `M月D日` takes the page's year, or the year before if M is later
    than the page's month. A bare `D日` takes the page's month, or the month before if D is
    later than the page's day. `今天/今日` is the page date, `昨天/昨日` -1, `前天` -2,
    `大前天` -3, `明天/明日` +1; `上月D日` / `上个月D日` / `本月D日` fix the month,
    `去年M月D日` / `前年…` / `今年…` the year. None when there is no such phrase, when it
    needs the page date and there is none, or when the day does not exist (`30日` on March 1).
    """
    try:
        page = date.fromisoformat(page_date) if page_date else None
    except ValueError:
        page = None
    t = text.translate(_HALF)
    absolute = next(((s, ymd) for s, ymd in _candidates(t) if ymd[2] is not None), None)
    relative = _relative(t, page) if page else None
    if relative and (absolute is None or relative[0] <= absolute[0]):
        return relative[1]
    if absolute is None:
        return None
    y, m, d = absolute[1]
    day = cast(int, d)  # an absolute date has its day (the filter above)
    if y is not None:
        return _iso(y, cast(int, m), day)
    if page is None:
        return None
    if m is not None:
        return _iso(page.year - (m > page.month), m, day)
    base = _last_month(page) if day > page.day else page
    return _iso(base.year, base.month, day)


def date_from_filename(path: str) -> str | None:
    """The page date (ISO) in a file's base name: `rmrb_19980109_p01.txt`, `1998-01-09.pdf`,
    `page-1998_01_09-A3.txt`, `19980109-12.txt` -> `1998-01-09`. Years 1900-2099 and real
    days only; the last such date if several; None otherwise (`page_0042.txt`,
    `123456789012.txt`). Directories are ignored, `/` and `\\` both separate them."""
    name = re.split(r"[\\/]", path.translate(_HALF))[-1]
    found = None
    for m in _FILE_DATE.finditer(name):
        iso = _iso(int(m["y"]), int(m["m"] or m["m8"]), int(m["d"] or m["d8"]))
        found = iso or found
    return found
