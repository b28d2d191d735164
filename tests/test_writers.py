"""Writers: the JSON schema exactly, line ranges, Markdown and JSON Lines."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from banmian.model import Article, Dateline, Page, PageMeta, Source, Unassigned
from banmian.writers import page_to_dict, page_to_jsonl_records, page_to_markdown
from banmian.writers.json import dumps

SCHEMA_DOC = Path(__file__).resolve().parents[2] / "shared" / "docs" / "output-schema.md"

TOP_KEYS = ["schema", "source", "page", "articles", "unassigned"]
SOURCE_KEYS = ["path", "kind", "encoding", "sha256"]
PAGE_KEYS = ["date", "label", "section", "header"]
EXTRA_PAGE_KEYS = ["index"]
ARTICLE_KEYS = ["id", "kicker", "headline", "subtitle", "byline", "reporters", "outlet", "dateline",
                "source", "source_line", "paragraphs", "captions", "jump", "continued_from", "entities",
                "lines", "confidence"]
EXTRA_ARTICLE_KEYS = ["reasons"]
UNASSIGNED_KEYS = ["kind", "text", "lines"]


def full_page() -> Page:
    article = Article(
        id="a1", kicker="春耕备耕有序推进", headline="江川新建高标准农田 累计达12万亩", subtitle="——全市耕地四成已改造",
        byline="本报讯（记者 林晓 许文）", reporters=["林晓", "许文"], outlet="本报",
        dateline=Dateline(text="本报江川3月5日讯", place="江川", date="2024-03-05"),
        source="江川日报", source_line="据《江川日报》", paragraphs=["第一段。", "第二段。"],
        captions=["图为农田。"], jump="（下转A6版）", continued_from="（上接第一版）",
        entities={"people": [{"name": "周建国", "title": "村党支部书记"}, "林晓"], "places": ["江川市"]},
        line_nos=[9, 3, 4, 5, 12, 4, 11], confidence=0.75, reasons=["article_start:first"],
    )
    brief = Article(id="a2", paragraphs=["简讯。"], line_nos=[20])
    return Page(
        source=Source(path="p.txt", kind="text", encoding="gb18030", sha256="ab" * 32),
        meta=PageMeta(date="2024-03-06", label="A05", section="城市新闻", header=["2024年3月6日 星期三", "A05"]),
        articles=[article, brief],
        unassigned=[Unassigned(kind="fragment", text="孤立的一行", line_nos=[30, 31, 33])],
        index=2,
    )


def test_page_dict_has_exactly_the_schema_keys_in_order():
    d = page_to_dict(full_page())
    assert list(d) == TOP_KEYS
    assert d["schema"] == "banmian.page/1"
    assert list(d["source"]) == SOURCE_KEYS
    assert list(d["page"]) == PAGE_KEYS + EXTRA_PAGE_KEYS
    for article in d["articles"]:
        assert list(article) == ARTICLE_KEYS + EXTRA_ARTICLE_KEYS
        assert list(article["entities"]) == ["people", "places", "organizations"]
    assert list(d["unassigned"][0]) == UNASSIGNED_KEYS


def test_page_dict_values():
    d = page_to_dict(full_page())
    assert d["source"] == {"path": "p.txt", "kind": "text", "encoding": "gb18030", "sha256": "ab" * 32}
    assert d["page"] == {"date": "2024-03-06", "label": "A05", "section": "城市新闻",
                         "header": ["2024年3月6日 星期三", "A05"], "index": 2}
    a1, a2 = d["articles"]
    assert a1["lines"] == [[3, 5], [9, 9], [11, 12]]  # sorted, deduplicated, collapsed
    assert a1["dateline"] == {"text": "本报江川3月5日讯", "place": "江川", "date": "2024-03-05"}
    assert a1["entities"]["people"] == [{"name": "周建国", "title": "村党支部书记"}, {"name": "林晓", "title": None}]
    assert a1["entities"]["organizations"] == []
    assert a1["confidence"] == 0.75 and isinstance(a1["confidence"], float)
    assert a1["reasons"] == ["article_start:first"]
    assert a2 == {
        "id": "a2", "kicker": None, "headline": None, "subtitle": None, "byline": None, "reporters": [],
        "outlet": None, "dateline": None, "source": None, "source_line": None, "paragraphs": ["简讯。"],
        "captions": [], "jump": None, "continued_from": None,
        "entities": {"people": [], "places": [], "organizations": []}, "lines": [[20, 20]],
        "confidence": 0.5, "reasons": [],
    }
    assert d["unassigned"] == [{"kind": "fragment", "text": "孤立的一行", "lines": [[30, 31], [33, 33]]}]


def test_page_dict_is_json_and_independent_of_the_page():
    page = full_page()
    d = page_to_dict(page)
    assert json.loads(dumps(d)) == d
    assert "江川" in dumps(d) and "\\u" not in dumps(d)
    assert "\n" not in dumps(d) and "\n" in dumps(d, pretty=True)
    d["articles"][0]["paragraphs"].append("x")
    d["page"]["header"].append("x")
    assert page.articles[0].paragraphs == ["第一段。", "第二段。"] and len(page.meta.header) == 2


@pytest.mark.skipif(not SCHEMA_DOC.exists(), reason="shared docs not available")
def test_keys_match_the_schema_document():
    doc = SCHEMA_DOC.read_text(encoding="utf-8")
    block = re.search(r"```\n(\{.*?\n\})\n```", doc, re.S).group(1)
    documented = set(re.findall(r'"([a-z_0-9]+)":', block))
    d = page_to_dict(full_page())
    produced = set(d) | set(d["source"]) | set(d["page"]) | set(d["articles"][0]) | set(d["unassigned"][0])
    produced |= set(d["articles"][0]["entities"]) | set(d["articles"][0]["dateline"])
    produced |= set(d["articles"][0]["entities"]["people"][0])
    assert documented <= produced
    assert produced - documented == set(EXTRA_ARTICLE_KEYS) | set(EXTRA_PAGE_KEYS)


def test_jsonl_records():
    page = full_page()
    records = list(page_to_jsonl_records(page))
    assert [r["id"] for r in records] == ["a1", "a2"]
    articles = page_to_dict(page)["articles"]
    for record, article in zip(records, articles):
        assert record["schema"] == "banmian.article/1"
        assert record["source_path"] == "p.txt" and record["source_sha256"] == "ab" * 32
        assert (record["page_index"], record["page_date"], record["page_label"], record["page_section"]) == (
            2, "2024-03-06", "A05", "城市新闻")
        assert {k: record[k] for k in article} == article
        assert json.loads(dumps(record)) == record


def test_jsonl_of_a_page_without_articles_is_empty():
    assert list(page_to_jsonl_records(Page(source=Source(path="x")))) == []


def test_markdown():
    md = page_to_markdown(full_page())
    lines = md.splitlines()
    assert lines[0] == "# A05 · 城市新闻 · 2024-03-06 · p.txt"
    heading = lines.index("## 江川新建高标准农田 累计达12万亩")
    assert lines[heading - 2] == "*春耕备耕有序推进*"  # kicker above the headline
    body = "\n".join(lines[heading:])
    for text in ("——全市耕地四成已改造", "本报讯（记者 林晓 许文）", "第一段。", "第二段。", "图为农田。",
                 "（下转A6版）", "（上接第一版）", "据《江川日报》"):
        assert text in body
    assert body.index("第一段。") < body.index("第二段。") < body.index("据《江川日报》")
    assert "## (a2)" in md and "简讯。" in md
    assert "孤立的一行" in md
    assert md.count("\n## ") == 3  # two articles and the unassigned section


def test_pretty_json_keeps_line_ranges_on_one_line():
    d = page_to_dict(full_page())
    d["articles"][1]["paragraphs"] = ["[\n1,\n2\n]"]  # a string that looks like a pair stays intact
    pretty = dumps(d, pretty=True)
    assert "[3, 5],\n" in pretty and "[11, 12]\n" in pretty
    assert json.loads(pretty) == d
