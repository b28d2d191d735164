"""Roundups: datelined items under one headline that names them are one article."""
from __future__ import annotations

import importlib

import pytest

import banmian.digest_items as digest_items
from banmian.pipeline import parse_text

from test_reassemble import column_lines

roundups = importlib.import_module("banmian.stages.roundups")

JAKARTA = ("据新华社雅加达1月14日电　印度尼西亚总统苏哈托今天在这里会见来访客人时说，印尼将通过"
           "经济改革克服目前所面临的各种困难，经济改革的措施将陆续出台。")
MANILA = ("据新华社马尼拉1月15日电　最近五个交易日以来，菲律宾外汇市场上比索持续走强，菲律宾"
          "股票市场也止跌回升，汇市股市双双反弹。")
OTHER = ("据新华社东京1月14日电　日本大藏省今天公布的统计数字显示，去年十一月份日本的进口"
         "继续减少，汽车和电子产品出口较大幅度增加。")


def dump(parts: list[list[str]]) -> str:
    """A dump without blank lines (pdftotext -raw), its lines cut at a 12-character column."""
    return "\n".join(line for part in parts for line in part) + "\n"


def bodies(text: str) -> list[str]:
    return ["".join(a.paragraphs) for a in parse_text(text, entities=False)[0].articles]


@pytest.mark.pure_python
def test_items_a_headline_names_are_one_article(monkeypatch):
    text = dump([["东亚经济传真", "苏哈托强调经济改革", "菲律宾汇市股市反弹"],
                 column_lines(JAKARTA, indent=0), column_lines(MANILA, indent=0)])
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 1, bodies(text)
    art = page.articles[0]
    assert art.byline.startswith("据新华社雅加达1月14日电")  # the first item's lead-in, as the gold
    assert any(p.startswith("据新华社马尼拉1月15日电") for p in art.paragraphs)
    monkeypatch.setattr(roundups, "MIN_NAMED_BIGRAMS", 100)  # the rule off: one article per item
    assert len(parse_text(text, entities=False)[0].articles) == 2


def test_an_item_the_headline_does_not_name_stays_apart():
    text = dump([["东亚经济传真", "苏哈托强调经济改革"],
                 column_lines(JAKARTA, indent=0), column_lines(OTHER, indent=0)])
    assert len(parse_text(text, entities=False)[0].articles) == 2


def test_named_items_need_words_the_first_item_does_not_share():
    from banmian.model import Line

    block = [Line(no=1, raw="", text="苏哈托强调经济改革", kind="head")]
    first, echo = JAKARTA[13:], "苏哈托强调经济改革的讲话受到各方关注。"  # the same words again
    assert roundups.named_items(block, [first, echo]) == [0]
    block2 = block + [Line(no=2, raw="", text="菲律宾汇市股市反弹", kind="head")]
    assert roundups.named_items(block2, [first, MANILA[13:]]) == [0, 1]


# A dump that prints every headline after all the bodies (tests/test_heads_tail.py): a digest of
# two datelined items, then three articles, then the headlines in the same order.
DIGEST = [
    "据新华社雅加达1月14日电", "印度尼西亚总统苏哈托今天", "说，印尼将通过经济改革克", "服目前面临的各种困难。",
    "据新华社马尼拉1月15日电", "最近五个交易日以来，菲律", "宾外汇市场比索持续走强，", "汇市股市双双反弹。",
]
DIGEST_HEADS = ["东亚经济传真苏哈托强调经", "济改革菲律宾汇市股市反弹"]


@pytest.mark.pure_python
def test_a_digest_under_one_tail_headline_is_one_article(monkeypatch):
    from test_heads_tail import BODIES, HEADS

    text = "\n".join(DIGEST + BODIES + DIGEST_HEADS + HEADS)
    page = parse_text(text, entities=False)[0]
    assert [a.paragraphs[0][:4] for a in page.articles] == ["印度尼西", "市音乐厅", "郊区的农", "铁路部门"]
    digest = page.articles[0]
    assert digest.headline.replace(" ", "") == "".join(DIGEST_HEADS)
    assert digest.byline.startswith("据新华社雅加达1月14日电")
    assert any(p.startswith("据新华社马尼拉1月15日电") for p in digest.paragraphs)
    monkeypatch.setattr(roundups, "MIN_NAMED_BIGRAMS", 100)  # the rule off: an article per item
    assert len(parse_text(text, entities=False)[0].articles) == 5


MANILA_MORE = "与此同时，菲律宾股票市场也止跌回升，股票交易所综合指数在三个交易日内回升一百六十八点。"


@pytest.mark.pure_python
def test_a_digest_whose_columns_come_apart_is_one_article(monkeypatch):
    # a dump with blank lines: the Manila item's second paragraph printed before its first
    text = "\n".join(["东亚经济传真", "苏哈托强调经济改革", "菲律宾汇市股市反弹", "",
                      *column_lines(JAKARTA, indent=0), "", *column_lines(MANILA_MORE), "",
                      *column_lines(MANILA, indent=0)]) + "\n"
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 1, bodies(text)
    assert page.articles[0].byline.startswith("据新华社雅加达1月14日电")
    monkeypatch.setattr(roundups, "MIN_NAMED_BIGRAMS", 100)  # the rule off
    # and the later catch (`digest_items`: the item goes under the headline its host took) off too
    monkeypatch.setattr(digest_items, "DIGEST_ITEMS", False)
    assert len(parse_text(text, entities=False)[0].articles) > 1


@pytest.mark.pure_python
def test_items_over_the_headline_printed_under_them_are_one_article(monkeypatch):
    # a raw dump may print a digest's headline under its items (dev raw page 33)
    trains = column_lines("新华社北京1月5日电　铁路部门今天宣布，春运期间将加开三百多趟旅客列车，方便旅客回家过年。", indent=0)
    text = dump([column_lines(JAKARTA, indent=0), column_lines(MANILA, indent=0),
                 ["东亚经济传真", "苏哈托强调经济改革", "菲律宾汇市股市反弹", "春运期间铁路", "加开旅客列车"], trains])
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 2, bodies(text)
    assert any(p.startswith("据新华社马尼拉1月15日电") for p in page.articles[0].paragraphs)
    monkeypatch.setattr(roundups, "roundup_span", lambda page, threads, run: [])  # the rule off
    assert len(parse_text(text, entities=False)[0].articles) == 3


# Numbered picture news (`图片观新：电脑时代` over `1、…（王定昶摄）` `2、…`): a dump with blank
# lines cuts the items apart, and another article may stand between them (dev pdftotext page 37).
PICTURE_ITEMS = ["1、杭州开通人才查询系统网络。（王定昶摄）", "2、水城钢铁公司职工自费买电脑进行成本核算。（周浩摄）",
                 "3、民航飞行动态监控系统投入运行。（王呈选摄）"]
REPORT = ("国家医药管理局日前进行的全国医疗器械注册情况抽查，让记者活生生地看到了什么叫无证医疗"
          "器械。上海一家工厂的产品都未经过注册，年销售额达五十万元。")


def picture_page(items: list[str]) -> str:
    """The digest's first items, a report with its headline, then the digest's last item."""
    parts = [["图片观新：电脑时代"]]
    for item in items[:-1]:
        parts += [column_lines(item), [""]]
    parts += [["无证医疗器械威胁群众健康", ""], column_lines(REPORT), [""], column_lines(items[-1])]
    return dump(parts)


@pytest.mark.pure_python
def test_numbered_items_are_one_article(monkeypatch):
    text = picture_page(PICTURE_ITEMS)
    page = parse_text(text, entities=False)[0]
    digest = [a for a in page.articles if a.headline == "图片观新：电脑时代"]
    assert len(page.articles) == 2 and len(digest) == 1, bodies(text)
    assert digest[0].paragraphs == PICTURE_ITEMS
    monkeypatch.setattr(roundups, "merge_numbered", lambda threads: threads)  # the rule off
    # and `adjacent_splits`, which joins a headless item printed right under the digest's last piece
    monkeypatch.setattr(importlib.import_module("banmian.stages.headlines"), "merge_adjacent_splits", lambda page: None)
    assert len(parse_text(text, entities=False)[0].articles) == 4


def test_an_item_out_of_the_numbered_run_stays_apart():
    items = [PICTURE_ITEMS[0], PICTURE_ITEMS[2]]  # `3、` after `1、`: no item 2 between
    assert len(parse_text(picture_page(items), entities=False)[0].articles) == 3


def test_opens_numbered_run():
    assert roundups.opens_numbered_run(["本报讯 1、1月14日，新芬党领导人…", "（新华社发）", "2、1月15日，…"])
    assert not roundups.opens_numbered_run(["岁末年初，首都舞台话剧演出不断。", "1、图为剧照。", "2、图为剧照。"])
    assert not roundups.opens_numbered_run(["1、杭州开通人才查询系统网络。"])


def test_opens_item():
    assert roundups.opens_item("本报讯 1、1月14日，", 1)
    assert not roundups.opens_item("11、杭州开通人才查询系统网络。", 1)


@pytest.mark.pure_python
def test_a_stretch_without_a_head_block_is_not_read_for_items(monkeypatch):
    """`merge_digest_stretches` asks first whether a head block stands over the stretch (the
    cheap test): without one, no thread of it is read for a dateline."""
    from banmian.model import Fragment, Line, Page, Source
    from banmian.stages.reassemble import Thread

    frags = [Fragment(lines=[Line(no=k, raw=text, text=text)], order=k) for k, text in enumerate([JAKARTA, MANILA])]
    threads = [Thread(fragments=[f]) for f in frags]
    monkeypatch.setattr(roundups, "body_stretches", lambda page, frags: [([], frags)])

    def read(fragments):
        raise AssertionError("a stretch without a head block was read for items")
    monkeypatch.setattr(roundups, "opens_datelined", read)
    assert roundups.merge_digest_stretches(Page(source=Source(path="<test>"), lines=[]), threads, frags) == threads


def _item_runs(first_item: str, monkeypatch=None) -> list[list[int]]:
    """`item_runs` over a digest headline, two datelined items (blank lines between blocks, as
    pdftotext prints them), each fragment a thread of its own."""
    from banmian.stages.reassemble import Thread

    parts = [["东亚经济传真", "苏哈托强调经济改革", "菲律宾汇市股市反弹"], column_lines(first_item, indent=0),
             column_lines(MANILA, indent=0)]
    page = parse_text("\n\n".join("\n".join(part) for part in parts) + "\n", entities=False)[0]
    frags = page.scratch["fragments"]
    assert len(frags) == 2
    return roundups.item_runs(page, [Thread(fragments=[f]) for f in frags], frags)


@pytest.mark.pure_python
def test_an_item_cut_off_mid_sentence_before_a_lead_in_starts_no_run_of_items(monkeypatch):
    """Text that stops mid-sentence at a full line before the next lead-in goes on elsewhere:
    the two reports are not a digest's items printed back to back."""
    assert _item_runs(JAKARTA) == [[0, 1]]
    cut = JAKARTA[:len(JAKARTA) - len(JAKARTA) % 12]  # full lines only, the last one mid-sentence
    assert cut[-1] not in "，。、"
    assert _item_runs(cut) == []
    monkeypatch.setattr(roundups, "finishes_item", lambda frag: True)  # the rule off
    assert _item_runs(cut) == [[0, 1]]


# Two reports back to back (my own text): the later report's subtitle shares a few words with
# the earlier report's opening (`全国政协委员`), all of them words the later's opening holds too.
VISIT = "据新华社北京1月20日电　全国政协委员视察团今天结束了在南方三省为期十天的视察。"
TEA = "本报北京1月21日讯　全国政协今天举行迎春茶话会，邀请已故全国政协委员的夫人共贺新春。"


@pytest.mark.pure_python
def test_a_headline_naming_the_item_before_by_shared_words_alone_names_no_two(monkeypatch):
    from banmian.model import Line

    unit = [Line(no=1, raw="", text="邀请已故全国政协委员夫人共贺新春", kind="head")]
    assert len(roundups.named_bigrams(unit, VISIT)) >= roundups.MIN_NAMED_BIGRAMS  # the earlier is named...
    assert not roundups.names_two(unit, [VISIT, TEA])  # ...by no word of its own: no digest headline
    digest = [Line(no=1, raw="", text="东亚经济传真苏哈托强调经", kind="head"),
              Line(no=2, raw="", text="济改革菲律宾汇市股市反弹", kind="head")]
    assert roundups.names_two(digest, [JAKARTA, MANILA])  # a digest's headline names each by its own
    monkeypatch.setattr(roundups, "MIN_OWN_BIGRAMS", 0)  # the rule off
    assert roundups.names_two(unit, [VISIT, TEA])


@pytest.mark.pure_python
def test_two_reports_under_their_own_stacked_headlines_stay_apart(monkeypatch):
    # each report's headline over the pair, a blank line between the two: two reports, no digest
    # (simulated TRAIN pdftotext pages 10, 254); one headline naming both is a digest (the first test)
    text = dump([["菲律宾汇市股市反弹", "", "苏哈托强调经济改革"],
                 column_lines(JAKARTA, indent=0), [""], column_lines(MANILA, indent=0)])
    assert len(parse_text(text, entities=False)[0].articles) == 2, bodies(text)
    monkeypatch.setattr(roundups, "one_headline", lambda block, after, texts: True)  # the rule off
    assert len(parse_text(text, entities=False)[0].articles) == 1


def test_one_headline_parts_a_block_at_blank_lines_and_side_by_side_heads():
    from banmian.model import Line

    texts = [JAKARTA[13:], MANILA[13:]]
    # nearest the items first: a headline of two lines one under the other names both items
    digest = [Line(no=5, raw="", text="菲律宾汇市股市反弹", kind="head"),
              Line(no=4, raw="", text="苏哈托强调经济改革", kind="head")]
    assert roundups.one_headline(digest, False, texts)
    # a blank line between (dump line 4 empty): two reports' headlines
    apart = [Line(no=5, raw="", text="菲律宾汇市股市反弹", kind="head"),
             Line(no=3, raw="", text="苏哈托强调经济改革", kind="head")]
    assert not roundups.one_headline(apart, False, texts)
    # printed side by side on one dump line, cut apart into two head lines
    beside = [Line(no=4, raw="", text="菲律宾汇市股市反弹", kind="head"),
              Line(no=4, raw="", text="苏哈托强调经济改革", kind="head")]
    assert not roundups.one_headline(beside, False, texts)


# Two digests back to back in a heads tail (my own text): a window of head lines runs from the
# first digest's headline into the second's, which names the second digest's first item too.
CAIRO = "据新华社开罗1月10日电　埃及政府今天宣布，将在尼罗河上游兴建一座大型水电站，预计三年建成。"
NAIROBI = "据新华社内罗毕1月10日电　肯尼亚茶叶出口去年创下新纪录，出口收入比前年增长两成。"
BANGKOK = "据新华社曼谷1月11日电　泰国中央银行今天决定下调基准利率，以刺激国内消费需求。"
HANOI = "据新华社河内1月11日电　越南咖啡产量今年预计大幅增长，出口价格保持稳定。"
YANGON = "据新华社仰光1月11日电　缅甸政府宣布开放北部边境口岸，发展边境贸易往来。"


@pytest.mark.pure_python
def test_an_item_opening_the_next_digest_is_no_item_of_the_one_before(monkeypatch):
    from banmian.model import Line

    first = [Line(no=1, raw="", text="埃及兴建大型水电站肯尼亚茶叶出口创纪录", kind="head")]
    kicker = [Line(no=2, raw="", text="泰国央行下调基准利率", kind="head")]
    second = [Line(no=3, raw="", text="越南咖啡产量大幅增长缅甸开放边境口岸", kind="head")]
    windows = [[first, kicker], [kicker, second], [second]]
    texts = [[CAIRO, NAIROBI, BANGKOK, HANOI, YANGON]]
    # the Bangkok item opens the second digest: Nairobi, Hanoi and Yangon are later items
    assert roundups.items_in_stream(texts, windows) == [(0, 1), (0, 3), (0, 4)]
    monkeypatch.setattr(roundups, "next_digest_at", lambda texts, windows, n: n)  # the rule off
    assert roundups.items_in_stream(texts, windows) == [(0, 1), (0, 2), (0, 4)]
