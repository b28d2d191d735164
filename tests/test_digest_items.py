"""digest_items: a digest's later datelined item, printed away from its headline and left a
headless article of its own, goes back under the headline that names it along with the item the
headline went to (made-up text in a pdftotext-like dump)."""
from __future__ import annotations

import pytest

import banmian.digest_items as digest_items
from banmian.pipeline import parse_text
from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

# a digest's headline naming two wire items, each by words of its own
DIGEST_HEAD = "海外经济简讯甲国央行下调利率乙国出口大幅增长"
FIRST_ITEM = ("新华社甲城1月5日电 甲国央行今天宣布下调利率零点五个百分点，这是该行一年来"
              "第三次下调利率，分析人士认为此举有助于稳定市场。")
SECOND_ITEM = ("新华社乙城1月6日电 乙国海关今天公布的数字显示，去年乙国出口大幅增长，"
               "增长幅度为近十年来最高，电子产品和农产品出口增长最快。")
# a home brief's lead-in (本报讯) opens a report of its own, not a digest's item
HOME_ITEM = ("本报讯 乙国海关今天公布的数字显示，去年乙国出口大幅增长，"
             "增长幅度为近十年来最高，电子产品和农产品出口增长最快。")
FOOTBALL = ("昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。"
            "主队主教练赛后表示，球队的防守还需加强，前锋线的配合越来越默契。")


def page(second: str = SECOND_ITEM):
    parts = [DIGEST_HEAD, "", *column_lines(FIRST_ITEM), "", "主队主场力克客队", "", *column_lines(FOOTBALL),
             "", *column_lines(second)]
    return parse_text("\n".join(parts) + "\n")[0].articles


def texts(articles) -> list[str]:
    return ["".join("".join(p.split()) for p in a.paragraphs) for a in articles]


@pytest.fixture
def rule_off(monkeypatch):
    monkeypatch.setattr(digest_items, "DIGEST_ITEMS", False)


def test_a_digest_item_printed_away_goes_under_the_headline_naming_it():
    got = page()
    assert [a.headline for a in got] == [DIGEST_HEAD, "主队主场力克客队"]
    assert "".join(SECOND_ITEM.split()) in texts(got)[0]
    assert texts(got)[0].index("甲国央行") < texts(got)[0].index("乙国海关")
    assert any(r.startswith(digest_items.DIGEST_ITEM_REASON) for r in got[0].reasons)


@pytest.mark.pure_python  # monkeypatches a compiled module's constant
def test_without_the_rule_the_item_is_a_headless_article_of_its_own(rule_off):
    got = page()
    assert [a.headline for a in got] == [DIGEST_HEAD, "主队主场力克客队", None]


def test_a_home_brief_stays_apart():
    got = page(HOME_ITEM)
    assert len(got) == 3


def test_named_places_tell_which_item_the_headline_names_first():
    first = "".join(FIRST_ITEM.split())
    second = "".join(SECOND_ITEM.split())
    at_host, at_item = digest_items.named_places(DIGEST_HEAD, first, second)
    assert at_host < at_item
    assert digest_items.named_places("主队主场力克客队", first, second) is None
