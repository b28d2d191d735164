"""Dates in newspaper text (`rules/dates.py`): parse, resolve against the page date, and page
dates in file names. All text is invented for these tests."""
from __future__ import annotations

import pytest

from banmian.rules.dates import date_from_filename, parse_date, resolve, whole_date

# ------------------------------------------------------------------ parse_date

@pytest.mark.parametrize("text,expected", [
    # full dates, in every digit form
    ("1998年1月9日", (1998, 1, 9)),
    ("１９９８年１月９日", (1998, 1, 9)),
    ("一九九八年一月九日", (1998, 1, 9)),
    ("二〇〇〇年二月二十九日", (2000, 2, 29)),
    ("一九九○年十月一日", (1990, 10, 1)),
    ("二零零一年十二月三十一日", (2001, 12, 31)),
    ("1998 年 1 月 9 日", (1998, 1, 9)),
    ("会议于1998年3月12日在江城开幕。", (1998, 3, 12)),
    # ISO-like
    ("1998-01-09", (1998, 1, 9)),
    ("1998.1.9", (1998, 1, 9)),
    ("1998/1/9", (1998, 1, 9)),
    ("１９９８．１．９", (1998, 1, 9)),
    ("截至2001-12-31，", (2001, 12, 31)),
    # month and day
    ("1月5日", (None, 1, 5)),
    ("1月 5日", (None, 1, 5)),
    ("１２月３０日", (None, 12, 30)),
    ("十二月三十一日", (None, 12, 31)),
    ("一月八日", (None, 1, 8)),
    ("1月5号", (None, 1, 5)),
    ("2月29日", (None, 2, 29)),  # year unknown: may be a leap year
    ("新华社江城１月２９电", (None, 1, 29)),  # dateline that dropped 日
    ("１月２９", (None, 1, 29)),
    ("本报北京1月16日讯", (None, 1, 16)),
    # day only
    ("5日", (None, None, 5)),
    ("３０日", (None, None, 30)),
    ("二十日", (None, None, 20)),
    ("三十一日", (None, None, 31)),
    ("十日", (None, None, 10)),
    ("十一日", (None, None, 11)),
    ("江城市八日召开会议", (None, None, 8)),
    # year and month
    ("1997年12月", (1997, 12, None)),
    ("一九九七年十二月底", (1997, 12, None)),
    # the first date wins
    ("1月5日和2月6日", (None, 1, 5)),
    ("5日至1998年2月6日", (None, None, 5)),
    # a rejected candidate is skipped whole, the next valid one is taken
    ("13月1日后的1月5日", (None, 1, 5)),
    # two-digit years are not years
    ("98年1月9日", (None, 1, 9)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "", "没有日期的句子", "13月1日", "十三月五日", "0月5日", "32日", "三十二日", "0日",
    "2月30日", "4月31日", "1998年2月29日", "1998年13月", "1998-13-01", "1998-02-30", "1998.1.95",
    "1998-01/09",  # mixed separators
    "1月", "十二月", "1998年", "一九九八年", "123日", "100日元", "5日元", "星期日", "日本",
    "5号楼", "二一日", "〇十日", "3.1.4", "1234.5.6",
])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


# ------------------------------------------------------------------ resolve

@pytest.mark.parametrize("text,page,expected", [
    # full dates are themselves, with or without a page date
    ("1998年1月9日", "1998-01-05", "1998-01-09"),
    ("1998年1月9日", None, "1998-01-09"),
    ("1996-06-30", "1998-01-05", "1996-06-30"),
    ("一九九七年十二月三十一日", None, "1997-12-31"),
    # month and day: the page's year, last year if the month is later than the page's
    ("1月3日", "1998-01-05", "1998-01-03"),
    ("1月5日", "1998-01-05", "1998-01-05"),
    ("1月20日", "1998-01-05", "1998-01-20"),  # same month, later day: still this year
    ("12月30日", "1998-01-05", "1997-12-30"),
    ("２月１０日", "1998-01-05", "1997-02-10"),
    ("１２月３０日", "1998-01-05", "1997-12-30"),
    ("新华社江城十二月三十一日电", "1998-01-02", "1997-12-31"),
    ("本报北京1月 8日讯 记者", "1998-01-09", "1998-01-08"),
    ("6月1日", "1998-07-01", "1998-06-01"),
    ("2月29日", "2000-03-01", "2000-02-29"),
    ("2月29日", "1998-03-01", None),  # no such day in 1998
    # a bare day: the page's month, the month before if later than the page's day
    ("3日", "1998-01-05", "1998-01-03"),
    ("5日", "1998-01-05", "1998-01-05"),
    ("30日", "1998-01-05", "1997-12-30"),
    ("三十日", "1998-01-05", "1997-12-30"),
    ("３１日", "1998-05-02", None),  # April has no 31st
    ("28日", "1998-03-01", "1998-02-28"),
    ("29日", "1998-03-01", None),  # non-leap: no 29 February
    ("29日", "2000-03-01", "2000-02-29"),  # leap year
    ("30日", "1998-03-01", None),
    ("30日", "2000-03-01", None),
    ("1日", "1998-03-01", "1998-03-01"),
    ("31日", "1998-08-15", "1998-07-31"),
    # relative words
    ("今天", "1998-01-05", "1998-01-05"),
    ("今日上午", "1998-01-05", "1998-01-05"),
    ("昨天", "1998-01-05", "1998-01-04"),
    ("昨日", "1998-01-05", "1998-01-04"),
    ("前天", "1998-01-05", "1998-01-03"),
    ("大前天", "1998-01-05", "1998-01-02"),
    ("明天", "1998-01-05", "1998-01-06"),
    ("明日", "1998-01-05", "1998-01-06"),
    ("昨天", "1998-01-01", "1997-12-31"),
    ("明天", "1998-12-31", "1999-01-01"),
    ("前天", "2000-03-01", "2000-02-28"),
    ("前天", "1998-03-01", "1998-02-27"),
    ("明天", "2000-02-28", "2000-02-29"),
    ("昨天", "1998-03-01", "1998-02-28"),
    # month and year prefixes
    ("上月20日", "1998-01-05", "1997-12-20"),
    ("上个月5日", "1998-06-20", "1998-05-05"),
    ("上月29日", "2000-03-10", "2000-02-29"),
    ("上月29日", "1998-03-10", None),
    ("上月三十一日", "1998-05-10", None),  # April has 30 days
    ("本月3日", "1998-01-05", "1998-01-03"),
    ("本月20日", "1998-01-05", "1998-01-20"),  # explicitly this month: no rollback
    ("本月 二十日", "1998-01-05", "1998-01-20"),
    ("去年12月30日", "1998-01-05", "1997-12-30"),
    ("去年1月5日", "1998-01-05", "1997-01-05"),
    ("去年十月一日", "1998-06-05", "1997-10-01"),
    ("去年2月29日", "2001-03-01", "2000-02-29"),
    ("前年3月1日", "1998-06-05", "1996-03-01"),
    ("今年3月1日", "1998-01-05", "1998-03-01"),  # explicitly this year: no rollback
    # the first phrase naming a day wins
    ("本报北京1月8日电 昨天，江城下雪。", "1998-01-09", "1998-01-08"),
    ("昨天（1月8日）江城下雪", "1998-01-10", "1998-01-09"),
    ("1997年12月全省完成计划，1月3日通报", "1998-01-05", "1998-01-03"),  # 1997年12月 names no day
    ("去年12月全省完成计划", "1998-01-05", None),
    # full-width and stray spaces
    ("１月 ５日", "1998-01-05", "1998-01-05"),
])
def test_resolve(text, page, expected):
    assert resolve(text, page) == expected


@pytest.mark.parametrize("text,page", [
    ("没有日期", "1998-01-05"),
    ("", "1998-01-05"),
    ("1997年12月", "1998-01-05"),
    ("1月5日", None),  # partial without a page date
    ("5日", None),
    ("今天", None),
    ("上月20日", None),
    ("去年12月30日", None),
    ("1月5日", "不是日期"),  # an unreadable page date counts as none
    ("13月1日", "1998-01-05"),
    ("32日", "1998-01-05"),
    ("前天津市长来访", "1998-01-05"),  # 前天津: "former Tianjin", not 前天
    ("5日元", "1998-01-05"),
])
def test_resolve_none(text, page):
    assert resolve(text, page) is None


# ------------------------------------------------------------------ date_from_filename

@pytest.mark.parametrize("path,expected", [
    ("rmrb_19980109_p01.txt", "1998-01-09"),
    ("1998-01-09.pdf", "1998-01-09"),
    ("page-1998_01_09-A3.txt", "1998-01-09"),
    ("19980109-12.txt", "1998-01-09"),
    ("1998.01.09.txt", "1998-01-09"),
    ("scan-1998-1-9.txt", "1998-01-09"),
    ("2000-02-29.txt", "2000-02-29"),
    ("/data/1997/rmrb_19980109_p01.txt", "1998-01-09"),
    ("/data/19971231/rmrb_19980109.txt", "1998-01-09"),  # the directory's date is not read
    (r"C:\scans\rmrb_19980109.txt", "1998-01-09"),
    ("19971231_to_19980109.txt", "1998-01-09"),  # the last one
    ("19980109_19981340.txt", "1998-01-09"),  # the last plausible one
    ("rmrb_２０９９１２３１.txt", "2099-12-31"),
    ("19000101.txt", "1900-01-01"),
])
def test_date_from_filename(path, expected):
    assert date_from_filename(path) == expected


@pytest.mark.parametrize("path", [
    "page_0042.txt", "123456789012.txt", "1998010901.txt", "x119980109.txt", "rmrb_19981301.txt",
    "19980230.txt", "1999-02-29.txt", "18991231.txt", "21000101.txt", "1998-01.txt",
    "1998-01_09.txt", "19980000.txt", "readme.txt", "", "/scans/19980109/page_0042.txt",
    r"C:\scans\19980109\p1.txt", "20001.txt",
])
def test_date_from_filename_none(path):
    assert date_from_filename(path) is None


# ------------------------------------------------------------------ the older dateline helpers

@pytest.mark.parametrize("text,expected", [
    # every form `bylines.month_day` reads, as (year, month, day)
    ("1月16日", (None, 1, 16)), ("１２月３０日", (None, 12, 30)), ("十二月三十一日", (None, 12, 31)),
    ("一月八日", (None, 1, 8)), ("二十日", (None, None, 20)), ("１月２９", (None, 1, 29)),
    ("1月 16日", (None, 1, 16)), ("３０日", (None, None, 30)),
])
def test_covers_month_day_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("1998年 1月", (1998, 1, None)), ("1998年1月7日", (1998, 1, 7)), ("一九九八年一月", (1998, 1, None)),
    ("1月7日", None), ("1998年", None), ("1998年1月7日电", None), ("1998年13月", None),
])
def test_whole_date(text, expected):
    assert whole_date(text) == expected
