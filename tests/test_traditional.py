"""A traditional-character page is read as its simplified original is: page furniture (editors,
the jump line, the source credit), the lead-in and the byline line are recognised in either
script. The page is examples/demo_page.txt with its characters turned traditional by hand
(no conversion library)."""
from __future__ import annotations

from pathlib import Path

import pytest

from banmian.pipeline import iter_source_pages
from banmian.rules import furniture as F
from banmian.rules.bylines import lead_in_byline, outlet_of, reporters_in
from banmian.writers.json import page_to_dict

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo_page.txt"
# simplified -> traditional for every character of the demo page that differs
_S = ("责编晓岚对陈备进农计达报讯记许从业获来标准亩积镇桥机间党书国绍沟节约过产负关点区争东枢纽启赵鸣运输体经"
      "划于总筑设条线发车个并动处后换铁号离缩转鹭湿鸟园续鹅监测数两时请惊扰类据闻观万内将陆")
_T = ("責編曉嵐對陳備進農計達報訊記許從業獲來標準畝積鎮橋機間黨書國紹溝節約過產負關點區爭東樞紐啟趙鳴運輸體經"
      "劃於總築設條線發車個並動處後換鐵號離縮轉鷺濕鳥園續鵝監測數兩時請驚擾類據聞觀萬內將陸")
TO_TRADITIONAL = str.maketrans(dict(zip(_S, _T)))
TO_SIMPLIFIED = str.maketrans(dict(zip(_T, _S)))


def parse(path) -> dict:
    page, = iter_source_pages(str(path), entities=False)
    return page_to_dict(page)


def shape(page: dict, fold=lambda s: s) -> list:
    """What the page was read as: each article's headline, byline, jump, source, paragraphs and
    lines, the header and the unassigned lines, in simplified characters."""
    def f(value):
        return fold(value) if isinstance(value, str) else value
    return [
        [[f(a["kicker"]) for a in page["articles"]], f(page["page"]["label"]), page["page"]["date"], [f(h) for h in page["page"]["header"]]],
        [[f(a["headline"]), f(a["byline"]), [f(r) for r in a["reporters"]], f(a["outlet"]), a["jump"] and f(str(a["jump"])),
          f(a["source"]), [f(p) for p in a["paragraphs"]], a["lines"]] for a in page["articles"]],
        [f(str(u)) for u in page["unassigned"]],
    ]


def test_the_mapping_is_one_for_one():
    assert len(_S) == len(_T) == len(set(_S)) == len(set(_T))


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
def test_a_traditional_page_reads_as_its_simplified_original(tmp_path, encoding):
    trad = DEMO.read_text(encoding="utf-8").translate(TO_TRADITIONAL)
    assert "責編 周曉嵐 校對 陳立" in trad and "（下轉A6版）" in trad and "據《江川日報》" in trad
    path = tmp_path / "trad.txt"
    path.write_text(trad, encoding=encoding)
    simplified, traditional = parse(DEMO), parse(path)
    assert traditional["source"]["encoding"] == encoding
    assert shape(traditional, lambda s: s.translate(TO_SIMPLIFIED)) == shape(simplified)
    # and it keeps its own characters: nothing is converted in the output
    assert traditional["articles"][0]["headline"] == "江川新建高標準農田 累計達12萬畝"


@pytest.mark.parametrize("line", ["責編周曉嵐校對陳立", "責任編輯：趙影秋", "2024年3月6日星期三"])
def test_traditional_header_lines(line):
    assert F.is_header_text(line) and F.is_strong_header_text(line)


@pytest.mark.parametrize("line, kind", [
    ("（下轉A6版）", "jump"), ("（上接A1版）", "continued"), ("據《江川日報》", "source"), ("（據新華社電）", "source"),
    ("（新華社記者周家國攝）", "caption"), ("記者程平偉攝", "caption"), ("圖為市民在公園觀鳥", "caption"),
    ("本報記者趙一鳴", "byline"),
])
def test_traditional_furniture_lines(line, kind):
    assert F.furniture_kind(line)[0] == kind


def test_traditional_lead_ins():
    assert F.is_lead_in("本報訊（記者林曉許文）3月5日") and F.is_lead_in("新華社北京1月16日電")
    m = lead_in_byline("本報訊（記者 林曉 許文）3月5日，記者從江川市")
    assert m and m.group("lead") == "本報訊（記者 林曉 許文）"
    assert reporters_in(m.group("lead")) == ["林曉", "許文"]
    assert outlet_of("本報記者 趙一鳴") == "本報"
    assert outlet_of("新華社北京1月16日電（記者許基仁）") == "新華社"
