"""banmian export: JSON Lines, CSV, Parquet and ninjs files from the archive; filters, atomic
output, the command line; and the ninjs writer."""
from __future__ import annotations

import csv
import datetime
import io
import json
import os
import sys

import pytest

from banmian import cli
from banmian.archive import Filters, open_archive
from banmian.archive import export as export_mod
from banmian.archive.export import COLUMNS, export
from banmian.archive.query import QueryError
from banmian.errors import BadInput
from banmian.writers.ninjs import article_to_ninjs

SHA1, SHA2 = "1" * 64, "2" * 64
TRICKY = '市长说："今年再建3万亩,明年还要更多。"'  # an ASCII comma and quotes, for CSV quoting


def art(id_, headline, paragraphs, **fields) -> dict:
    """A schema article with every key, empty unless given."""
    out = {"id": id_, "kicker": None, "headline": headline, "subtitle": None, "byline": None,
           "reporters": [], "outlet": None, "dateline": None, "source": None, "source_line": None,
           "paragraphs": paragraphs, "captions": [], "jump": None, "continued_from": None,
           "entities": {"people": [], "places": [], "organizations": []}, "lines": [[1, 2]],
           "confidence": 0.9}
    out.update(fields)
    return out


def page(sha, date, label, articles, path) -> dict:
    return {"schema": "banmian.page/1",
            "source": {"path": path, "kind": "text", "encoding": "utf-8", "sha256": sha},
            "page": {"date": date, "label": label, "section": "要闻", "header": [], "index": 0},
            "articles": articles, "unassigned": []}


PAGE1 = page(SHA1, "2024-03-06", "A01", [
    art("a1", "江川新建高标准农田", ["3月5日，江川全市新建高标准农田2.3万亩。", TRICKY],
        kicker="春耕备耕有序推进", subtitle="累计建成12万亩", byline="本报讯（记者 王明 李华）",
        reporters=["王明", "李华"], outlet="本报",
        dateline={"text": "本报北京3月5日电", "place": "北京", "date": "2024-03-05"},
        entities={"people": [{"name": "周建国", "title": "书记"}], "places": ["江川", "城南镇"],
                  "organizations": ["江川市农业农村局"]}),
    art("a2", "白鹭湖湿地迎来越冬候鸟", ["入冬以来，白鹭湖湿地公园陆续迎来越冬候鸟。"],
        source="人民日报", source_line="据《人民日报》", captions=["湿地里的小天鹅。"]),
], "pages/2024-03-06.txt")
PAGE2 = page(SHA2, "2024-04-10", "A02", [
    art("a1", "城东公交枢纽本月底启用", ["记者日前从市交通运输局了解到，枢纽主体工程已经完工。"],
        byline="新华社记者 赵一鸣", reporters=["赵一鸣"], outlet="新华社",
        entities={"people": [], "places": ["城东"], "organizations": ["交通运输局"]}),
], "pages/2024-04-10.txt")
N = 3


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "archive.sqlite")
    store = open_archive(path)
    store.add_page(SHA1, PAGE1["source"]["path"], PAGE1)
    store.add_page(SHA2, PAGE2["source"]["path"], PAGE2)
    store.finish_file(SHA1, PAGE1["source"]["path"], "text", 1)
    store.close()
    return path


@pytest.fixture
def store(db):
    s = open_archive(db, readonly=True)
    yield s
    s.close()


def lines(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def leftovers(folder) -> list[str]:
    return [n for n in os.listdir(folder) if n.startswith(".banmian")]


# ---------------------------------------------------------------- formats

def test_jsonl(store, tmp_path):
    out = tmp_path / "out.jsonl"
    assert export(store, "jsonl", str(out)) == N
    assert "江川" in out.read_bytes().decode("utf-8")  # not \u-escaped
    recs = lines(out)
    assert [r["headline"] for r in recs] == ["江川新建高标准农田", "白鹭湖湿地迎来越冬候鸟", "城东公交枢纽本月底启用"]
    first = recs[0]
    assert first["date"] == "2024-03-05"  # the dateline date
    assert first["page_label"] == "A01" and first["page_date"] == "2024-03-06"
    assert first["source_path"] == "pages/2024-03-06.txt" and first["source_sha256"] == SHA1
    assert first["paragraphs"][1] == TRICKY and first["reporters"] == ["王明", "李华"]
    assert first["entities"]["people"] == [{"name": "周建国", "title": "书记"}]
    assert all(isinstance(r["article_id"], int) and isinstance(r["page_id"], int) for r in recs)


def test_csv_has_a_bom_and_round_trips_commas_quotes_and_newlines(store, tmp_path):
    out = tmp_path / "out.csv"
    assert export(store, "csv", str(out)) == N
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == COLUMNS
        rows = list(reader)
    assert len(rows) == N
    row = rows[0]
    assert row["text"] == "3月5日，江川全市新建高标准农田2.3万亩。\n" + TRICKY
    assert row["reporters"] == "王明、李华" and row["places"] == "江川、城南镇" and row["people"] == "周建国"
    assert (row["kicker"], row["subtitle"], row["dateline_place"], row["dateline_date"]) == (
        "春耕备耕有序推进", "累计建成12万亩", "北京", "2024-03-05")
    assert row["page_label"] == "A01" and row["outlet"] == "本报" and row["subtitle"] != ""
    assert rows[1]["source"] == "人民日报" and rows[1]["byline"] == ""


def test_parquet_has_the_csv_columns_with_list_columns(store, tmp_path, monkeypatch):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed: pip install 'banmian[parquet]'")
    monkeypatch.setattr(export_mod, "BATCH_ROWS", 2)  # several record batches
    out = tmp_path / "out.parquet"
    assert export(store, "parquet", str(out)) == N
    table = pq.read_table(out)
    assert tuple(table.column_names) == COLUMNS and table.num_rows == N
    rows = table.to_pylist()
    assert rows[0]["reporters"] == ["王明", "李华"] and rows[0]["places"] == ["江川", "城南镇"]
    assert rows[0]["text"].endswith("\n" + TRICKY) and rows[1]["people"] == []
    assert [r["article_id"] for r in rows] == sorted(r["article_id"] for r in rows)


def test_parquet_of_no_articles_is_an_empty_table(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed: pip install 'banmian[parquet]'")
    out = tmp_path / "none.parquet"
    assert export(store, "parquet", str(out), filters=Filters(outlet="没有这家")) == 0
    assert pq.read_table(out).num_rows == 0


NINJS_KEYS = {  # the properties ninjs 2.1 allows (ninjs-schema_2.1.json, unevaluatedProperties: false)
    "uri", "type", "representationtype", "profile", "version", "firstcreated", "versioncreated",
    "contentcreated", "embargoed", "pubstatus", "urgency", "copyrightholder", "copyrightnotice",
    "usageterms", "ednote", "language", "descriptions", "bodies", "headlines", "people",
    "organisations", "places", "subjects", "events", "objects", "infosources", "title", "by",
    "slugline", "located", "renditions", "associations", "altids", "trustindicators", "standard",
    "genres", "expires", "rightsinfo"}
ITEM_KEYS = {"headlines": {"role", "contenttype", "value"}, "descriptions": {"role", "contenttype", "value"},
             "bodies": {"role", "contenttype", "charcount", "wordcount", "value"},
             "people": {"name", "rel", "uri", "literal", "contactinfo"},
             "places": {"name", "rel", "uri", "literal", "contactinfo", "geojson"},
             "organisations": {"name", "rel", "uri", "literal", "symbols", "contactinfo"},
             "infosources": {"name", "role", "uri", "literal", "contactinfo"}, "altids": {"role", "value"}}


def assert_ninjs_2(obj: dict) -> None:
    assert set(obj) <= NINJS_KEYS, set(obj) - NINJS_KEYS
    assert obj["uri"].startswith("urn:banmian:article:") and obj["type"] == "text"
    assert set(obj["standard"]) == {"name", "version", "schema"} and obj["standard"]["version"].startswith("2.")
    for key, allowed in ITEM_KEYS.items():
        for item in obj.get(key, []):
            assert set(item) <= allowed, (key, item)
            assert all(isinstance(v, str) for k, v in item.items() if k != "charcount")
    for key in ("firstcreated", "contentcreated"):
        if key in obj:
            assert datetime.datetime.fromisoformat(obj[key]).tzinfo is not None


def test_ninjs(store, tmp_path):
    out = tmp_path / "out.ninjs"
    assert export(store, "ninjs", str(out)) == N
    objs = lines(out)
    assert len(objs) == N and len({o["uri"] for o in objs}) == N
    for obj in objs:
        assert_ninjs_2(obj)
        assert obj["language"] == "zh" and obj["headlines"][0]["role"] == "main"
    first, second, third = objs
    assert first["uri"] == f"urn:banmian:article:{SHA1}:0:a1"
    assert {h["role"]: h["value"] for h in first["headlines"]} == {
        "main": "江川新建高标准农田", "kicker": "春耕备耕有序推进", "subhead": "累计建成12万亩"}
    assert first["bodies"] == [{"role": "main", "contenttype": "text/plain", "charcount": len(
        "3月5日，江川全市新建高标准农田2.3万亩。" + TRICKY),
        "value": "3月5日，江川全市新建高标准农田2.3万亩。\n" + TRICKY}]
    assert first["by"] == "本报讯（记者 王明 李华）" and first["located"] == "北京"
    assert first["firstcreated"] == "2024-03-06T00:00:00+08:00"
    assert first["contentcreated"] == "2024-03-05T00:00:00+08:00"
    assert first["people"] == [{"name": "周建国", "rel": "mentions"}]
    assert first["organisations"] == [{"name": "江川市农业农村局", "rel": "mentions"}]
    assert "organizations" not in first and "infosources" not in first
    assert second["infosources"] == [{"name": "人民日报"}]
    assert second["descriptions"] == [{"role": "caption", "contenttype": "text/plain", "value": "湿地里的小天鹅。"}]
    assert "by" not in second and "people" not in second
    assert third["uri"] == f"urn:banmian:article:{SHA2}:0:a1" and third["by"] == "新华社记者 赵一鸣"


def test_article_to_ninjs_without_a_page():
    article = art("a5", "标题", ["正文一段。"], reporters=["王明", "李华"], kicker="引题")
    article.update({"article_id": 42, "date": "2024-05-01"})
    obj = article_to_ninjs(article)
    assert_ninjs_2(obj)
    assert obj["uri"] == "urn:banmian:article:42"
    assert obj["by"] == "王明、李华" and obj["firstcreated"] == "2024-05-01T00:00:00+08:00"
    assert [h["role"] for h in obj["headlines"]] == ["main", "kicker"]
    assert "contentcreated" not in obj and "located" not in obj
    with pytest.raises(ValueError):
        article_to_ninjs(art("a1", None, []))


# ---------------------------------------------------------------- filters and query

@pytest.mark.parametrize("query, filters, headlines", [
    (None, Filters(date_from="2024-04-01"), ["城东公交枢纽本月底启用"]),
    (None, Filters(date_to="2024-03-31", outlet="本报"), ["江川新建高标准农田"]),
    (None, Filters(person="周建国"), ["江川新建高标准农田"]),
    (None, Filters(page="A02"), ["城东公交枢纽本月底启用"]),
    ("湿地", None, ["白鹭湖湿地迎来越冬候鸟"]),
    ("完工 OR 农田", Filters(organization="交通运输局"), ["城东公交枢纽本月底启用"]),
])
def test_query_and_filters_restrict_the_export(store, tmp_path, query, filters, headlines):
    out = tmp_path / "out.jsonl"
    assert export(store, "jsonl", str(out), query=query, filters=filters) == len(headlines)
    assert [r["headline"] for r in lines(out)] == headlines


# ---------------------------------------------------------------- atomic output

class Exploding:
    """A store whose article stream fails after the first article."""

    def __init__(self, store):
        self.store = store

    def page(self, page_id):
        return self.store.page(page_id)

    def articles(self, query=None, filters=None):
        it = self.store.articles(query, filters)
        yield next(it)
        raise RuntimeError("disk on fire")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "ninjs", "parquet"])
def test_a_failure_midway_leaves_nothing_behind(store, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install 'banmian[parquet]'")
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(RuntimeError, match="disk on fire"):
        export(Exploding(store), fmt, str(out))
    assert not out.exists() and leftovers(tmp_path) == []
    out.write_text("old", encoding="utf-8")  # an existing file is left as it was
    with pytest.raises(RuntimeError):
        export(Exploding(store), fmt, str(out))
    assert out.read_text(encoding="utf-8") == "old" and leftovers(tmp_path) == []


def test_unwritable_targets_are_bad_input(store, tmp_path):
    with pytest.raises(BadInput, match="cannot write"):
        export(store, "jsonl", str(tmp_path / "no" / "such" / "folder" / "out.jsonl"))
    with pytest.raises(BadInput, match="directory"):
        export(store, "jsonl", str(tmp_path))
    with pytest.raises(BadInput, match="unknown export format"):
        export(store, "xml", str(tmp_path / "out.xml"))
    assert leftovers(tmp_path) == [] and not (tmp_path / "out.xml").exists()


def test_a_bad_query_leaves_nothing_behind(store, tmp_path):
    out = tmp_path / "out.jsonl"
    with pytest.raises(QueryError):
        export(store, "jsonl", str(out), query='"')
    assert not out.exists() and leftovers(tmp_path) == []


# ---------------------------------------------------------------- command line

def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "ninjs"])
def test_cli_export(capsys, db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    code, stdout, err = run(capsys, "export", "--db", db, "--format", fmt, "-o", str(out))
    assert code == 0 and stdout == ""
    assert err == f"banmian: exported {N} article(s) to {out}\n"
    with open(out, encoding="utf-8-sig", newline="") as fh:
        body = fh.read()
    assert body.count("江川新建高标准农田") == 1
    assert len(list(csv.reader(io.StringIO(body)))) == N + 1 if fmt == "csv" else len(body.splitlines()) == N


def test_cli_export_with_query_and_filters(capsys, db, tmp_path):
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "export", "农田 OR 湿地", "--db", db, "--to", "2024-03-31",
                       "--reporter", "王明", "-o", str(out))
    assert code == 0 and "exported 1 article(s)" in err
    assert [r["headline"] for r in lines(out)] == ["江川新建高标准农田"]


def test_cli_parquet(capsys, db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed: pip install 'banmian[parquet]'")
    out = tmp_path / "out.parquet"
    code, _, err = run(capsys, "export", "--db", db, "--format", "parquet", "-o", str(out), "--outlet", "新华社")
    assert code == 0 and "exported 1 article(s)" in err
    assert pq.read_table(out).column("headline").to_pylist() == ["城东公交枢纽本月底启用"]


def test_cli_parquet_without_pyarrow_is_one_line_exit_2(capsys, db, tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    out = tmp_path / "out.parquet"
    code, _, err = run(capsys, "export", "--db", db, "--format", "parquet", "-o", str(out))
    assert code == 2
    assert err.splitlines() == ["banmian: error: --format parquet needs pyarrow: pip install 'banmian[parquet]'"]
    assert not out.exists() and leftovers(tmp_path) == []


def test_cli_bad_format_and_missing_archive_exit_2(capsys, db, tmp_path):
    out = tmp_path / "out.xml"
    code, _, err = run(capsys, "export", "--db", db, "--format", "xml", "-o", str(out))
    assert code == 2 and "Traceback" not in err
    assert err.splitlines()[-1].startswith("banmian export: error: argument --format: invalid choice")
    code, _, err = run(capsys, "export", "--db", str(tmp_path / "missing.sqlite"), "-o", str(out))
    assert code == 2 and err.splitlines() == [f"banmian: error: no archive at {tmp_path / 'missing.sqlite'} "
                                              "(create one with banmian ingest)"]
    code, _, err = run(capsys, "export", "--db", db, "-o", str(tmp_path / "nope" / "out.jsonl"))
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("banmian: error: cannot write")
    assert not out.exists() and not (tmp_path / "missing.sqlite").exists()
