"""Kickers and subtitles left over though their article is headed (made-up text): the kicker
of a head a joined report drops goes on as the kept head's (`lead_rests.kicker_to_keeper`); a
names line run on under the headline goes back to the head when a lead-in gives the byline
(`metadata.byline_back_to_head`)."""
from __future__ import annotations

import importlib

import pytest

from banmian import lead_rests
from banmian.model import Article, Line, Page, Source

metadata = importlib.import_module("banmian.stages.metadata")  # the module (the package exports the stage)

BODY = ("入冬以来，全县各村修路架桥，处处一派繁忙热闹景象。"
        "县里还组织技术人员下乡指导，农民纷纷点赞。")


def line(no: int, text: str, kind: str = "head") -> Line:
    return Line(no=no, raw=text, text=text, kind=kind)


def page_of(lines: list[Line], articles: list[Article]) -> Page:
    return Page(source=Source(path="<test>"), lines=lines, articles=articles)


def joined_page():
    quote = line(1, "县里还组织技术人员下乡指导")
    wrong = line(3, "乡村新貌")  # the rest's head: not the report's
    keeper = Article(headline="全县修路架桥", paragraphs=["入冬以来，全县各村修路架桥。"])
    rest = Article(kicker=quote.text, headline=wrong.text,
                   paragraphs=["县里还组织技术人员下乡指导，农民纷纷点赞。"])
    page = page_of([quote, line(2, "", "blank"), wrong], [keeper, rest])
    page.claim(quote, rest)
    page.claim(wrong, rest)
    return page, keeper, rest, quote, wrong


def test_the_quoted_kicker_of_a_dropped_head_goes_to_the_kept_one():
    page, keeper, rest, quote, wrong = joined_page()
    lead_rests.settle_heads(page, keeper, rest)
    assert keeper.headline == "全县修路架桥" and keeper.kicker == "县里还组织技术人员下乡指导"
    assert page.owner_of(quote) is keeper and page.owner_of(wrong) is None


@pytest.mark.pure_python
def test_without_the_rule_the_quoted_kicker_is_left_over(monkeypatch):
    monkeypatch.setattr(lead_rests, "KEEP_QUOTED_KICKER", False)
    page, keeper, rest, quote, wrong = joined_page()
    lead_rests.settle_heads(page, keeper, rest)
    assert keeper.kicker is None and page.owner_of(quote) is None


def test_a_kicker_not_quoting_the_report_stays_with_the_dropped_head():
    quote = line(1, "天南地北皆是春")
    keeper = Article(headline="全县修路架桥")
    loser = Article(kicker=quote.text, headline="别的")
    page = page_of([quote], [keeper, loser])
    page.claim(quote, loser)
    lead_rests.kicker_to_keeper(page, keeper, loser, BODY)
    assert keeper.kicker is None and page.owner_of(quote) is loser


def lead_in_page(under: str):
    head = line(1, "全县修路")
    names = line(2, under, "byline")
    body = line(3, "新华社南昌1月5日电（记者王明）入冬以来，全县各村修路架桥。", "body")
    art = Article(headline="全县修路", byline=under, paragraphs=[body.text])
    page = page_of([head, names, body], [art])
    for ln in (head, names, body):
        page.claim(ln, art)
    return page, art


def test_a_names_line_under_the_headline_goes_back_to_it_when_a_lead_in_credits_the_report():
    page, art = lead_in_page("架桥忙")
    metadata.split_lead_in(page, art)
    assert art.headline == "全县修路 架桥忙" and not page.unassigned
    assert art.byline and art.byline.startswith("新华社")


def test_an_office_and_a_name_under_the_headline_is_its_subtitle():
    page, art = lead_in_page("江西省副省长王大明")
    metadata.split_lead_in(page, art)
    assert art.subtitle == "江西省副省长王大明" and art.headline == "全县修路" and not page.unassigned


def test_a_press_credit_under_the_headline_stays_left_over():
    page, art = lead_in_page("本报记者王大明")
    metadata.split_lead_in(page, art)
    assert art.headline == "全县修路" and [u.text for u in page.unassigned] == ["本报记者王大明"]


@pytest.mark.pure_python
def test_without_the_rule_the_names_line_is_left_over(monkeypatch):
    monkeypatch.setattr(metadata, "HEAD_LINES_BACK", False)
    page, art = lead_in_page("架桥忙")
    metadata.split_lead_in(page, art)
    assert art.headline == "全县修路" and [u.text for u in page.unassigned] == ["架桥忙"]
