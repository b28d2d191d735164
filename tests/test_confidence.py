"""confidence: each article's probability of being right, from the cues the stages recorded
(made-up text and reasons)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from banmian.confidence import GEOMETRY_CONFIDENCE, confidence, confidence_features
from banmian.model import Article, Line, Page, Source
from banmian.pipeline import parse_text
from banmian.writers.json import dumps, page_to_dict
from columns_text import BRIDGES_LEAD_IN, column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CLEAN = ("本报讯 城东新建的三座桥梁已于上月底全部通车，附近居民出行时间缩短了一半。新桥通车以后，"
         "沿线的学校和医院也因此受益，周边商铺的生意也比往年红火了许多。")
PIECES = ["湿地公园管理处介绍，今年候鸟的种类比去年多了十几种，", "游客可以在新建的观鸟长廊近距离观察候鸟，",
          "管理处还请来志愿者为游客讲解候鸟的习性。"]


def made_up_page(kind: str = "text") -> tuple[Page, Article, Article]:
    """A page of two articles: a clean one-piece headed and bylined report opened by a lead-in,
    and a headless one the threading joined from three pieces on weak cues (link scores below
    the new-thread scores), printed apart."""
    page = Page(source=Source(path="made-up", kind=kind))
    clean = Article(id="a1", headline="城东三座新桥通车", byline="本报讯", paragraphs=[CLEAN],
                    reasons=["article_start:lead_in:+4.20", "headline:before_article:1.60", "byline:lead_in:本报讯"])
    pieced = Article(id="a2", paragraphs=["".join(PIECES)], reasons=["article_start:content_change:-1.40"])
    page.articles = [clean, pieced]
    no = 1
    for text in column_lines(CLEAN):
        line = Line(no, text, text)
        page.lines.append(line)
        page.claim(line, clean)
        no += 1
    for k, piece in enumerate(PIECES):
        no += 5  # other text stands between the pieces
        for i, text in enumerate(column_lines(piece, indent=0)):
            line = Line(no, text, text)
            if i == 0 and k:
                line.because(f"reassemble:after_line_{no - 6}:-0.30:new+0.50")
            page.lines.append(line)
            page.claim(line, pieced)
            no += 1
    return page, clean, pieced


def test_a_clean_headed_bylined_article_scores_above_a_headless_one_joined_on_weak_cues():
    page, clean, pieced = made_up_page()
    confidence(page)
    assert clean.confidence > pieced.confidence
    assert 0.0 <= pieced.confidence <= clean.confidence <= 1.0
    assert confidence_features(page, pieced)["joins"] > 0 and confidence_features(page, clean)["joins"] == 0
    assert confidence_features(page, pieced)["weak_join"] > confidence_features(page, clean)["weak_join"]


def test_values_stay_in_0_1_whatever_the_reasons_say():
    page, clean, pieced = made_up_page()
    clean.reasons += ["article_start:lead_in:+900.00", "headline:before_article:1e9"]
    pieced.reasons += ["article_start:x:-1e9", "merge:a:b", "headline:before_article:not-a-number"]
    pieced.headline = None
    confidence(page)
    for art in page.articles:
        assert isinstance(art.confidence, float) and 0.0 <= art.confidence <= 1.0


def test_pages_rebuilt_from_geometry_get_their_paths_constant():
    page, clean, pieced = made_up_page(kind="pdf")
    confidence(page)
    assert clean.confidence == pieced.confidence == GEOMETRY_CONFIDENCE["pdf"]
    page.scratch["ocr"] = "rapidocr"
    confidence(page)
    assert clean.confidence == GEOMETRY_CONFIDENCE["ocr"]


def test_the_json_field_is_a_rounded_float():
    text = "\n".join(["城东三座新桥通车", "", *BRIDGES_LEAD_IN, ""]) + "\n"
    page = parse_text(text)[0]
    arts = json.loads(dumps(page_to_dict(page)))["articles"]
    assert arts
    for art in arts:
        assert isinstance(art["confidence"], float) and 0.0 <= art["confidence"] <= 1.0
        assert round(art["confidence"], 3) == art["confidence"]


def test_same_output_can_leave_confidence_out():
    from bench.same_output import without_confidence

    a = '{"articles":[{"id":"a1","confidence":0.5,"reasons":["x"]},{"confidence":0.123,"reasons":[]}]}'
    b = '{"articles":[{"id":"a1","confidence":0.871,"reasons":["x"]},{"confidence":1.0,"reasons":[]}]}'
    assert a != b and without_confidence(a) == without_confidence(b)
    assert without_confidence(a.replace('"a1"', '"a2"')) != without_confidence(b)
