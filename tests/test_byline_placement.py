"""Where a byline goes, four facts of how pdftotext prints an author's line (made-up pages, an
11 em column, blank lines between text blocks): an office-holder's signature is never carried
to a head block above a lead-in report (`far_bylines.signs_text_below`); a byline run on into a
later paragraph does not displace the one run on into the article's opening
(`near_bylines.heads_own_opening`); a two-character head line set off as its own text block
after a head block is a pen name (`name_lines.mark_pen_names_set_off`); a short line run on
under a dash subtitle is the author's name (`name_lines.mark_names_under_subtitles`)."""
from __future__ import annotations

import importlib

import pytest

from banmian.pipeline import parse_text
from columns_text import BIRDS, BRIDGES_LEAD_IN, MARKET_LEAD_IN  # noqa: E402  (pytest puts tests/ on sys.path)



def parsed(lines: list[str]):
    page = parse_text("\n".join(lines), entities=False)[0]
    return page, {"".join(a.paragraphs)[:4]: a.byline for a in page.articles}


# An office-holder's signature printed right before a lead-in report, a headline waiting above.
SIGNED = ["湿地公园迎来候鸟", "", *BIRDS, "", "城东三座桥梁通车", *BRIDGES_LEAD_IN, "", "市园林局副局长张国成", "",
          *MARKET_LEAD_IN]


def test_an_office_signature_over_a_lead_in_report_is_not_carried_above():
    page, got = parsed(SIGNED)
    assert got["湖滨湿地"] is None
    assert any(u.text == "市园林局副局长张国成" for u in page.unassigned)


@pytest.mark.pure_python
def test_the_signature_rule_off_carries_it_to_the_head_above(monkeypatch):
    far = importlib.import_module("banmian.far_bylines")
    monkeypatch.setattr(far, "signs_text_below", lambda line: False)
    assert parsed(SIGNED)[1]["湖滨湿地"] == "市园林局副局长张国成"


PEN = ["湿地公园迎来候鸟", "", "青禾", "", *BIRDS]


def test_a_two_character_line_set_off_after_a_head_block_is_a_pen_name():
    page, got = parsed(PEN)
    assert got["湖滨湿地"] == "青禾"
    assert page.articles[0].headline == "湿地公园迎来候鸟"


@pytest.mark.pure_python
def test_the_pen_name_rule_off_reads_it_as_a_head_line(monkeypatch):
    name_lines = importlib.import_module("banmian.name_lines")
    monkeypatch.setattr(name_lines, "mark_pen_names_set_off", lambda page: None)
    head_context = importlib.import_module("banmian.head_context")
    monkeypatch.setattr(head_context, "mark_pen_names_set_off", lambda page: None)
    assert parsed(PEN)[1]["湖滨湿地"] != "青禾"


def test_a_two_character_headline_after_a_page_header_stays_a_headline():
    """A short headline standing alone opens a slot: after the page header, not a pen name."""
    page, _ = parsed(["第5版 城市", "", "候鸟", "", *BIRDS])
    assert page.articles[0].headline == "候鸟" and page.articles[0].byline is None


BRIDGES = ["　　城东新建的三座桥梁已", "于上月底全部通车，附近", "居民出行时间缩短了一半。", "新桥通车以后，沿线的学",
           "校和医院也因此受益。"]
# Sim TRAIN pdftotext pages 4, 182: a headline, its dash subtitle and a pen name run on under it.
SUBTITLED = [*BRIDGES, "", "湿地公园迎来候鸟", "——今春候鸟种类比去年多", "青禾", "", *BIRDS]


def test_a_short_line_under_a_dash_subtitle_is_the_byline():
    page, got = parsed(SUBTITLED)
    assert got["湖滨湿地"] == "青禾"
    art = next(a for a in page.articles if a.byline == "青禾")
    assert art.headline == "湿地公园迎来候鸟" and art.subtitle == "——今春候鸟种类比去年多"


@pytest.mark.pure_python
def test_the_subtitle_rule_off_reads_the_name_as_a_head_line(monkeypatch):
    head_context = importlib.import_module("banmian.head_context")
    monkeypatch.setattr(head_context, "mark_names_under_subtitles", lambda page: None)
    assert parsed(SUBTITLED)[1]["湖滨湿地"] != "青禾"


def test_a_byline_run_on_into_the_opening_heads_it():
    """`heads_own_opening`: the head block's byline run on into the article's first line is the
    article's own (sim TRAIN page 291, where a reporter line over a later paragraph took its
    place); a byline set off from the opening by a blank line is not."""
    near_bylines = importlib.import_module("banmian.near_bylines")
    page, _ = parsed(["湿地公园迎来候鸟", "赵文", *BIRDS])
    owner = page.scratch["owner"]
    assert page.articles[0].byline == "赵文"
    assert near_bylines.heads_own_opening(page, owner, page.articles[0])
    page, _ = parsed(PEN)
    assert not near_bylines.heads_own_opening(page, page.scratch["owner"], page.articles[0])


def _metadata_of(paragraphs: list[str], headline: str | None):
    from banmian.model import Article, Page, Source
    from banmian.stages.metadata import metadata

    page = Page(source=Source(path="<test>", kind="text", encoding=None, sha256=""))
    art = Article(headline=headline, paragraphs=list(paragraphs), line_nos=[1])
    page.articles.append(art)
    metadata(page)
    return page, art


LEAD_IN_PARAGRAPHS = ["城东三座桥梁通车", "本报讯 城东新建的三座桥梁已于上月底全部通车，附近居民出行时间缩短了一半。"]


def test_a_head_paragraph_over_a_lead_in_is_a_head_line():
    """Sim TRAIN pdftotext pages 32, 282: the headline read as a paragraph over the lead-in."""
    page, art = _metadata_of(LEAD_IN_PARAGRAPHS, None)
    assert art.byline == "本报讯" and art.headline == "城东三座桥梁通车"
    assert art.paragraphs[0].startswith("城东新建")
    page, art = _metadata_of(LEAD_IN_PARAGRAPHS, "新桥")
    assert art.byline == "本报讯" and art.headline == "新桥"
    assert [u.text for u in page.unassigned] == ["城东三座桥梁通车"]


def test_a_bracketed_note_or_running_text_over_a_lead_in_stays_in_the_body():
    for first in ("（附图片1张）", "今年，城东新建了三座桥梁。"):
        _, art = _metadata_of([first, LEAD_IN_PARAGRAPHS[1]], "新桥")
        assert art.byline is None and art.paragraphs[0] == first


@pytest.mark.pure_python
def test_the_head_paragraph_rule_off_leaves_the_lead_in_in_the_body(monkeypatch):
    metadata_stage = importlib.import_module("banmian.stages.metadata")
    monkeypatch.setattr(metadata_stage, "split_head_paragraph", lambda page, article: None)
    _, art = _metadata_of(LEAD_IN_PARAGRAPHS, None)
    assert art.byline is None
