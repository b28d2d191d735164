"""The archive: ingest (dumps, page JSON, folders, globs, failures, resume after kill -9), search
(terms, phrases, OR, exclusion, filters, folding, snippets, hostile queries), trends, and reads
while an ingest writes. Self-written text only; every archive lives in tmp_path."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from banmian import cli
from banmian.archive import Filters, open_archive
from banmian.archive.ingest import expand, file_pages, ingest, json_pages
from banmian.archive.query import MAX_QUERY_CHARS, QueryError
from banmian.errors import BadInput
from banmian.readers.pdf import file_sha256

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo_page.txt"


# ---------------------------------------------------------------- page JSON helpers


def article(headline, paragraphs, outlet=None, reporters=(), people=(), places=(), orgs=(), dateline=None):
    return {"id": "a1", "kicker": None, "headline": headline, "subtitle": None, "byline": None,
            "reporters": list(reporters), "outlet": outlet, "dateline": dateline, "source": None,
            "source_line": None, "paragraphs": list(paragraphs), "captions": [], "jump": None,
            "continued_from": None,
            "entities": {"people": [{"name": p, "title": None} for p in people], "places": list(places),
                         "organizations": list(orgs)},
            "lines": [], "confidence": 1.0}


def page(date, label, articles, index=0, path="page.txt"):
    for n, a in enumerate(articles, 1):
        a["id"] = f"a{n}"
    return {"schema": "banmian.page/1", "source": {"path": path, "kind": "text", "encoding": "utf-8", "sha256": None},
            "page": {"date": date, "label": label, "section": None, "header": [], "index": index},
            "articles": articles, "unassigned": []}


def write_jsonl(path: Path, pages: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages), encoding="utf-8")
    return path


A1 = "北京经济稳步发展"
A2 = "上海举办国际电影节"
A3 = "臺灣農業經濟觀察"  # traditional characters, as printed
A4 = "手机市场观察"
A5 = "冬季运动会开幕"
A6 = "北京冬季供暖保障"
A7 = "经济发展的新动能"


def sample_pages() -> list[list[dict]]:
    """Seven articles on four pages in three files; the first file holds two pages that both say
    `index` 0 (what `banmian parse a.txt b.txt` writes: each file's pages count from 0)."""
    p1 = page("2024-01-05", "A01", [
        article(A1, ["本报讯（记者 王小明）北京市统计局发布数据，全市经济总量继续增长，增速达到5.2%。",
                     "市长李华表示，今年将继续推进高质量发展。"],
                outlet="本报", reporters=["王小明"], people=["李华"], places=["北京"], orgs=["北京市统计局"]),
        article(A2, ["新华社上海1月5日电（记者 陈静）第二十届上海国际电影节今天开幕，来自四十个国家的影片参展。"],
                outlet="新华社", reporters=["陈静"], places=["上海"]),
    ], path="a.txt")
    p2 = page("2024-01-20", "A02", [
        article(A3, ["今年農業生產穩定，糧食價格保持平穩。"], places=["臺灣"]),
        article(A4, ["新款iPhone 15销量上升，5G手机占比超过七成。",
                     "业内人士认为，COVID-19疫情之后市场逐步恢复，2023年出货量为2.8亿部。"],
                outlet="本报", reporters=["赵一鸣"]),
    ], path="b.txt")
    p3 = page("2024-02-03", "A01", [
        article(A5, ["本报哈尔滨2月3日电（记者 王小明）第十四届全国冬季运动会今天在哈尔滨开幕。",
                     "网页上出现<script>alert(1)</script>代码，运动会官网已经修复。"],
                outlet="本报", reporters=["王小明"], people=["张伟"], places=["哈尔滨"]),
        article(A6, ["新华社北京2月2日电 北京市今冬供暖运行平稳，居民室温普遍达标。"], outlet="新华社",
                places=["北京"], dateline={"text": "新华社北京2月2日电", "place": "北京", "date": "2024-02-02"}),
    ])
    p4 = page("2024-03-10", "A03", [
        article(A7, ["经济发展需要新动能，科技创新是关键。"], outlet="本报"),
    ])
    return [[p1, p2], [p3], [p4]]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("sample")
    for n, pages in enumerate(sample_pages(), 1):
        write_jsonl(root / "in" / f"{n:02d}.jsonl", pages)
    db = str(root / "archive.sqlite")
    store = open_archive(db)
    report = ingest(store, [str(root / "in")])
    store.close()
    assert report.failures == []
    return db


@pytest.fixture
def store(sample_db):
    s = open_archive(sample_db, readonly=True)
    yield s
    s.close()


def found(store, query, filters=None) -> set[str]:
    result = store.search(query, filters, limit=100)
    assert result.total == len(result.hits)
    return {h.headline for h in result.hits}


def run_cli(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- ingest


def test_text_dump_ingest_and_reingest_is_a_noop(tmp_path):
    src = tmp_path / "in" / "demo_page.txt"
    src.parent.mkdir()
    shutil.copy(DEMO, src)
    db = str(tmp_path / "a.sqlite")
    store = open_archive(db)
    first = ingest(store, [str(src)])
    assert (first.files, first.skipped, first.pages, first.articles, first.failures) == (1, 0, 1, 3, [])
    counts = store.counts()
    assert counts == {"files": 1, "pages": 1, "articles": 3}
    again = ingest(store, [str(src)])
    assert (again.files, again.skipped, again.pages, again.articles, again.failures) == (0, 1, 0, 0, [])
    assert store.counts() == counts
    result = store.search("农田")
    assert result.total == 1
    assert result.hits[0].headline == "江川新建高标准农田 累计达12万亩"
    assert (result.hits[0].date, result.hits[0].page_label, result.hits[0].outlet) == ("2024-03-06", "A05", "本报")
    store.close()


def test_a_resumed_ingest_counts_only_the_pages_it_stored(tmp_path, capsys):
    src = tmp_path / "two.txt"
    page = DEMO.read_text(encoding="utf-8").rstrip("\f\n") + "\n"
    src.write_text(page + "\f" + page, encoding="utf-8")
    db = tmp_path / "a.sqlite"
    store = open_archive(str(db))
    first_page = next(file_pages(str(src)))
    store.add_pages(file_sha256(str(src)), str(src), [(first_page, None)])  # as a killed run left it
    store.close()
    code, _, err = run_cli(capsys, "ingest", src, "--db", db)
    assert code == 0, err
    assert err.startswith("banmian: ingested 1 file(s), 1 pages, 3 articles in ")
    assert err.rstrip().endswith("holds 6 articles on 2 pages")


def test_pages_of_one_jsonl_file_with_the_same_index_are_all_kept(tmp_path):
    # `banmian parse a.txt b.txt` writes both files' first pages with index 0 into one stream
    pages = sample_pages()[0]
    assert [p["page"]["index"] for p in pages] == [0, 0]
    path = write_jsonl(tmp_path / "two.jsonl", pages)
    store = open_archive(str(tmp_path / "a.sqlite"))
    report = ingest(store, [str(path)])
    assert (report.pages, report.articles) == (2, 4)
    assert store.counts() == {"files": 1, "pages": 2, "articles": 4}
    assert [store.page(i)["page"]["index"] for i in (1, 2)] == [0, 0]  # stored as written
    assert ingest(store, [str(path)]).skipped == 1
    assert store.counts() == {"files": 1, "pages": 2, "articles": 4}
    store.close()


def test_folder_and_glob_are_expanded(tmp_path, capsys):
    root = tmp_path / "in"
    write_jsonl(root / "b.jsonl", sample_pages()[1])
    write_jsonl(root / "sub" / "a.jsonl", sample_pages()[2])
    shutil.copy(DEMO, root / "sub" / "demo.txt")
    (root / "notes.md").write_text("不是版面", encoding="utf-8")
    assert expand([str(root)]) == [str(root / "b.jsonl"), str(root / "sub" / "a.jsonl"), str(root / "sub" / "demo.txt")]
    assert expand([str(root / "**" / "*.jsonl")]) == [str(root / "b.jsonl"), str(root / "sub" / "a.jsonl")]
    # a file named twice (folder and glob) is ingested once
    assert expand([str(root / "sub"), str(root / "sub" / "*.jsonl")]) == [str(root / "sub" / "a.jsonl"),
                                                                           str(root / "sub" / "demo.txt")]

    store = open_archive(str(tmp_path / "glob.sqlite"))
    report = ingest(store, [str(root / "**" / "*.jsonl")])
    assert (report.files, report.pages, report.articles) == (2, 2, 3)
    store.close()

    code, _, err = run_cli(capsys, "ingest", root, "--db", tmp_path / "folder.sqlite")
    assert code == 0, err
    store = open_archive(str(tmp_path / "folder.sqlite"), readonly=True)
    assert store.counts() == {"files": 3, "pages": 3, "articles": 6}
    store.close()


def test_a_path_that_names_nothing_makes_no_archive(tmp_path, capsys):
    db = tmp_path / "new.sqlite"
    code, _, err = run_cli(capsys, "ingest", tmp_path / "missing.txt", "--db", db)
    assert code == 2
    assert err == f"banmian: error: no such file, folder or glob match: {tmp_path / 'missing.txt'}\n"
    assert not db.exists()


@pytest.mark.parametrize("engine", [[], ["--engine", "local", "--workers", "1"]])
def test_a_missing_path_is_one_line_and_the_other_files_are_ingested_whole(tmp_path, capsys, engine):
    if engine:
        pytest.importorskip("pyarrow", reason="batch runs write Parquet")
    root = tmp_path / "in"
    good = [write_jsonl(root / "1-good.jsonl", sample_pages()[1]), root / "2-demo.txt"]
    shutil.copy(DEMO, good[1])
    missing, no_glob = tmp_path / "missing.txt", tmp_path / "none-*.txt"
    db = tmp_path / "a.sqlite"
    code, _, err = run_cli(capsys, "ingest", good[0], missing, no_glob, good[1], "--db", db, *engine)
    assert code == 2  # it stopped the batch, nothing ingested
    assert err.splitlines()[-2:] == [f"banmian: failed: {missing}: no such file, folder or glob match",
                                     f"banmian: failed: {no_glob}: no such file, folder or glob match"]
    # the other files are in, whole: the archive of those files alone, and a rerun adds nothing
    code, _, err = run_cli(capsys, "ingest", *good, "--db", tmp_path / "alone.sqlite")
    assert code == 0
    counts = {}
    for name in ("a.sqlite", "alone.sqlite"):
        store = open_archive(str(tmp_path / name), readonly=True)
        counts[name] = store.counts()
        store.close()
    assert counts["a.sqlite"] == counts["alone.sqlite"] == {"files": 2, "pages": 2, "articles": 5}
    code, _, err = run_cli(capsys, "ingest", *good, "--db", db)
    assert code == 0 and "ingested 0 file(s), 0 pages" in err and "2 file(s) already in" in err
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


@pytest.mark.parametrize("engine", [[], ["--engine", "local", "--workers", "1"]])
def test_every_file_failing_makes_no_archive(tmp_path, capsys, engine):
    root = tmp_path / "in"
    root.mkdir()
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "other.json").write_text('{"schema": "something/else"}', encoding="utf-8")
    db = tmp_path / "new.sqlite"
    code, _, err = run_cli(capsys, "ingest", root, "--db", db, *engine)
    assert code == 2
    assert f"no archive made at {db} (nothing stored)" in err
    assert [p.name for p in tmp_path.iterdir() if p.name in ("new.sqlite", "new.sqlite-wal", "new.sqlite-shm")] == []
    # an archive that was there before stays, whatever fails
    DEMO_DB = tmp_path / "old.sqlite"
    run_cli(capsys, "ingest", DEMO, "--db", DEMO_DB)
    code, _, err = run_cli(capsys, "ingest", root, "--db", DEMO_DB, *engine)
    assert code == 2 and DEMO_DB.exists() and f"archive {DEMO_DB} holds" in err


def test_article_json_lines_are_refused_with_a_hint(tmp_path):
    arts = tmp_path / "articles.jsonl"
    arts.write_text(json.dumps({"schema": "banmian.article/1", "id": "a1"}) + "\n", encoding="utf-8")
    with pytest.raises(BadInput, match="an article of parse --format jsonl"):
        list(json_pages(str(arts)))


def test_a_bad_file_fails_alone(tmp_path, capsys):
    root = tmp_path / "in"
    write_jsonl(root / "1-good.jsonl", sample_pages()[1])
    (root / "2-broken.json").write_text('{"schema": "banmian.page/1",\n "page": ', encoding="utf-8")
    (root / "3-binary.txt").write_bytes(bytes(range(256)) * 8)
    shutil.copy(DEMO, root / "4-demo.txt")
    (root / "5-other.json").write_text('{"schema": "something/else"}', encoding="utf-8")
    db = tmp_path / "a.sqlite"
    code, _, err = run_cli(capsys, "ingest", root, "--db", db)
    assert code == 2
    lines = err.splitlines()
    assert "Traceback" not in err
    assert lines[0].startswith("banmian: ingested 2 file(s), 2 pages, 5 articles in ")
    assert lines[0].endswith(f"archive {db} holds 5 articles on 2 pages")
    failed = lines[1:]
    assert [line.split(": ")[2] for line in failed] == [str(root / n) for n in ("2-broken.json", "3-binary.txt", "5-other.json")]
    assert all(line.startswith("banmian: failed: ") for line in failed)
    assert "not banmian page JSON" in failed[0] and "not a banmian.page/1 page" in failed[2]
    store = open_archive(str(db), readonly=True)
    assert store.counts() == {"files": 2, "pages": 2, "articles": 5}
    store.close()
    # the rerun skips the good files and fails the bad ones again, adding nothing
    code, _, err = run_cli(capsys, "ingest", root, "--db", db)
    assert code == 2
    assert err.splitlines()[0].startswith("banmian: ingested 0 file(s), 0 pages, 0 articles in ")
    assert len(err.splitlines()) == 4


def test_a_bug_on_one_file_exits_1_and_the_other_files_are_ingested(tmp_path, capsys, monkeypatch):
    from banmian import pipeline

    def buggy(path, *args, **kwargs):
        if path.endswith("2-bug.txt"):
            raise KeyError("column_widths")
        yield from real(path, *args, **kwargs)

    real = pipeline.iter_pages
    monkeypatch.setattr(pipeline, "iter_pages", buggy)
    monkeypatch.delenv("BANMIAN_DEBUG", raising=False)
    root = tmp_path / "in"
    write_jsonl(root / "1-good.jsonl", sample_pages()[1])
    shutil.copy(DEMO, root / "2-bug.txt")
    (root / "3-binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "4-demo.txt").write_text(DEMO.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # other content
    db = tmp_path / "a.sqlite"
    code, _, err = run_cli(capsys, "ingest", root, "--db", db)
    assert code == 1  # a bug, even beside bad input (exit 2 was all it said)
    assert "Traceback" not in err
    assert err.splitlines()[1:] == [
        f"banmian: failed: {root / '2-bug.txt'}: internal error: a bug in banmian (KeyError: 'column_widths'); "
        "rerun with BANMIAN_DEBUG=1 to see the traceback",
        f"banmian: failed: {root / '3-binary.txt'}: {root / '3-binary.txt'} looks binary, not a text dump"]
    store = open_archive(str(db), readonly=True)
    assert store.counts()["files"] == 2  # the files before and after the bug
    store.close()
    # BANMIAN_DEBUG=1 shows the traceback of the failed file
    monkeypatch.setenv("BANMIAN_DEBUG", "1")
    code, _, err = run_cli(capsys, "ingest", root, "--db", db)
    assert code == 1 and "Traceback" in err and "KeyError: 'column_widths'" in err
    assert err.splitlines()[-2].endswith("(KeyError: 'column_widths')")


def test_archive_path_with_uri_characters(tmp_path, capsys):
    # read-only opens go through an SQLite URI: ? # % and spaces in the path must stay the path
    folder = tmp_path / "档案 #1"
    folder.mkdir()
    db = folder / "a?b%20c.sqlite"
    assert run_cli(capsys, "ingest", DEMO, "--db", db)[0] == 0
    code, out, err = run_cli(capsys, "search", "农田", "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out)["total"] == 1
    assert {p.name for p in folder.iterdir()} <= {db.name, db.name + "-shm", db.name + "-wal"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["档案 #1"]  # no stray file at a cut-off path


# ---------------------------------------------------------------- kill -9 and concurrent reads

BULK_FILES = 360


def bulk_page(i: int) -> dict:
    """A page of three articles of self-written text, different for every i."""
    day = f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
    arts = []
    for k in range(3):
        n = i * 3 + k
        arts.append(article(
            f"第{n}期农田建设简报",
            [f"本报讯 第{n}号简报：全市第{n % 17 + 1}批高标准农田改造工程完工，新增灌溉面积{n % 9 + 1}万亩，"
             f"沟渠路配套，机耕道路延长{n % 13 + 2}公里。" * 3,
             f"村党支部书记介绍，农田改造后灌溉用水节省约{n % 5 + 2}成，亩均产量提高{n % 40 + 10}公斤，"
             f"合作社计划明年再建{n % 7 + 1}处育秧中心。" * 3,
             f"市农业农村局表示，下一步将重点推进丘陵地区第{n % 11 + 1}片农田建设。"],
            outlet="本报" if n % 2 else "新华社", reporters=[f"记者{n % 10}"]))
    return page(day, f"A{i % 8 + 1:02d}", arts, path=f"bulk{i}.txt")


@pytest.fixture(scope="module")
def bulk(tmp_path_factory):
    """A folder of many small page files and the archive an uninterrupted ingest makes of it."""
    root = tmp_path_factory.mktemp("bulk")
    folder = root / "pages"
    for i in range(BULK_FILES):
        write_jsonl(folder / f"{i:04d}.jsonl", [bulk_page(i)])
    db = root / "whole.sqlite"
    store = open_archive(str(db))
    report = ingest(store, [str(folder)])
    store.close()
    assert report.failures == [] and report.articles == 3 * BULK_FILES
    return folder, db


def ingest_process(folder, db) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "banmian", "ingest", str(folder), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def snapshot(db) -> tuple[dict, list[tuple]]:
    store = open_archive(str(db), readonly=True)
    try:
        content = sorted((a["headline"], tuple(a["paragraphs"]), a["date"], a["outlet"]) for a in store.articles())
        return store.counts(), content
    finally:
        store.close()


def pages_in(db) -> int:
    if not os.path.exists(db):
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM pages").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError:  # the schema is not there yet
        return 0


def test_kill_9_mid_ingest_then_rerun_gives_the_same_archive(bulk, tmp_path):
    folder, whole = bulk
    db = tmp_path / "killed.sqlite"
    proc = ingest_process(folder, db)
    deadline = time.monotonic() + 30
    while pages_in(db) < 40 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the ingest ended before it could be killed: make the folder bigger"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial, _ = snapshot(db)
    assert 40 <= partial["pages"] < BULK_FILES
    assert partial["articles"] == 3 * partial["pages"]  # whole pages only

    proc = ingest_process(folder, db)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert f"holds {3 * BULK_FILES} articles on {BULK_FILES} pages" in err

    counts, content = snapshot(db)
    whole_counts, whole_content = snapshot(whole)
    assert counts == whole_counts == {"files": BULK_FILES, "pages": BULK_FILES, "articles": 3 * BULK_FILES}
    assert len(set(content)) == len(content) == 3 * BULK_FILES
    assert content == whole_content
    a, b = open_archive(str(db), readonly=True), open_archive(str(whole), readonly=True)
    for q in ("农田", "第100期", '"灌溉面积3万亩"', "育秧 -丘陵"):
        assert a.search(q).total == b.search(q).total
    assert a.search("第1000期").total == 1
    a.close(), b.close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")
    con.close()


def test_searches_succeed_while_an_ingest_writes(bulk, tmp_path):
    folder, _ = bulk
    db = tmp_path / "live.sqlite"
    open_archive(str(db)).close()  # the schema exists before the first search
    proc = ingest_process(folder, db)
    reader = open_archive(str(db), readonly=True)
    totals, during = [], 0
    while proc.poll() is None:
        result = reader.search("农田 简报", Filters(outlet="本报"), limit=5)
        fresh = open_archive(str(db), readonly=True)  # a new connection each time too
        trend = fresh.trend("农田", "month")
        counts = fresh.counts()
        fresh.close()
        totals.append(result.total)
        assert counts["articles"] % 3 == 0  # whole pages only
        assert sum(n for _, n in trend) <= counts["articles"]
        during += 1
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert during >= 5
    assert totals == sorted(totals)  # pages appear whole and in order, never vanish
    assert any(0 < t < 3 * BULK_FILES // 2 for t in totals)  # some searches saw a part of the ingest
    assert reader.search("农田 简报", Filters(outlet="本报")).total == 3 * BULK_FILES // 2
    reader.close()


# ---------------------------------------------------------------- search


def test_counts_of_the_sample(store):
    assert store.counts() == {"files": 3, "pages": 4, "articles": 7}


def test_one_two_and_longer_terms(store):
    assert found(store, "京") == {A1, A6}
    assert found(store, "季") == {A5, A6}
    assert found(store, "经济") == {A1, A3, A7}
    assert found(store, "北京市") == {A1, A6}
    assert found(store, "冬季运动会") == {A5}
    assert found(store, "统计局发布数据") == {A1}
    assert found(store, "北京统计局") == set()
    assert found(store, "京冬") == {A6}  # the headline 北京冬季供暖保障
    assert found(store, "西藏") == set()


def test_phrases_and_and(store):
    assert found(store, "经济 发展") == {A1, A7}  # both terms, anywhere
    assert found(store, '"经济发展"') == {A7}  # the phrase itself
    assert found(store, '"上海 国际电影节"') == {A2}  # a space inside quotes is a word break
    assert found(store, "北京 冬季 供暖") == {A6}


def test_or_and_exclusion(store):
    assert found(store, "电影节 OR 供暖") == {A2, A6}
    assert found(store, "电影节 OR 供暖 OR 运动会") == {A2, A5, A6}
    assert found(store, "北京 -供暖") == {A1}
    assert found(store, '经济 -"经济发展"') == {A1, A3}
    assert found(store, "开幕 -哈尔滨 -电影") == set()
    assert found(store, "本报 电影节 OR 运动会") == {A5}


def test_filters(store):
    assert found(store, "经济", Filters(date_from="2024-01-01", date_to="2024-01-31")) == {A1, A3}
    assert found(store, "经济", Filters(date_from="2024-02-01")) == {A7}
    assert found(store, "经济", Filters(date_to="2024-01-05")) == {A1}
    # the dateline's date wins over the page's (A6: page 2024-02-03, dateline 2024-02-02)
    assert found(store, "北京", Filters(date_from="2024-02-03")) == set()
    assert found(store, "北京", Filters(outlet="新华社")) == {A6}
    assert found(store, "北京", Filters(outlet="本报")) == {A1}
    assert found(store, "本报", Filters(reporter="王小明")) == {A1, A5}
    assert found(store, "开幕", Filters(reporter="王小明")) == {A5}
    assert found(store, "开幕") == {A2, A5}
    assert found(store, "发展", Filters(person="李华")) == {A1}
    assert found(store, "冬季", Filters(place="北京")) == {A6}
    assert found(store, "观察", Filters(place="臺灣")) == {A3}
    assert found(store, "数据", Filters(organization="北京市统计局")) == {A1}
    assert found(store, "开幕", Filters(page="A01")) == {A2, A5}
    assert found(store, "开幕", Filters(page="A01", date_from="2024-02-01", outlet="本报", reporter="王小明")) == {A5}


def test_latin_words_and_numbers(store):
    assert found(store, "iphone") == {A4}
    assert found(store, "iPhone 15") == {A4}
    assert found(store, "ｉＰｈｏｎｅ") == {A4}  # full-width letters fold to half-width
    assert found(store, "iphon") == set()  # Latin words are matched whole
    assert found(store, "5G") == {A4}
    assert found(store, "covid") == {A4}
    assert found(store, "COVID-19") == {A4}
    assert found(store, "2023年") == {A4}
    assert found(store, "2.8亿") == {A4}
    assert found(store, "5.2") == {A1}
    assert found(store, "1月5日") == {A2}


def test_traditional_and_simplified_match_each_other(store):
    assert found(store, "經濟") == {A1, A3, A7}
    assert found(store, "农业") == {A3}
    assert found(store, "台湾") == {A3}
    assert found(store, "粮食价格") == {A3}
    hit = store.search("经济").hits
    a3 = next(h for h in hit if h.headline == A3)
    assert a3.snippet == "臺灣農業<mark>經濟</mark>觀察今年農業生產穩定，糧食價格保持平穩。"  # shown as printed


def test_snippets_mark_hits_and_escape_html(store):
    [hit] = store.search("代码").hits
    assert hit.headline == A5
    assert hit.snippet == ("…日电（记者 王小明）第十四届全国冬季运动会今天在哈尔滨开幕。网页上出现"
                           "&lt;script&gt;alert(1)&lt;/script&gt;<mark>代码</mark>，运动会官网已经修复。")
    assert "<script>" not in hit.snippet
    [hit] = store.search("运动会").hits
    assert hit.snippet.count("<mark>运动会</mark>") == 2
    assert hit.snippet.startswith("冬季<mark>运动会</mark>开幕本报哈尔滨")
    [hit] = store.search("script").hits
    assert "&lt;<mark>script</mark>&gt;" in hit.snippet
    assert "&lt;/<mark>script</mark>&gt;" in hit.snippet


def test_total_counts_every_match_and_limit_offset_page_through(store):
    first = store.search("本报", limit=1)
    second = store.search("本报", limit=1, offset=1)
    assert first.total == second.total == 2  # printed in A1 (本报讯) and A5 (本报哈尔滨) only
    assert len(first.hits) == len(second.hits) == 1
    assert {first.hits[0].headline, second.hits[0].headline} == {A1, A5}
    assert store.search("本报", limit=1, offset=2).hits == []


@pytest.mark.parametrize("query", ["AND", "NOT", "NEAR", "经济 AND 发展", "NOT 经济", "经济 NOT 发展"])
def test_fts_operator_words_are_plain_text(store, query):
    # banmian's syntax has no AND/NOT: they are words to look for, and no article has them
    assert store.search(query).total == 0


@pytest.mark.parametrize("query, expected", [
    ("经济*", {A1, A3, A7}), ("(经济)", {A1, A3, A7}), ("^经济", {A1, A3, A7}), ("bi:经济", set()),
    ("uni:京", set()), ("经济:", {A1, A3, A7}), ("NEAR(北京 供暖)", set()), ("北京 (供暖)", {A6}),
    ('-"供暖" 北京', {A1}), ("北京 OR", {A1, A6}), ("OR 北京", {A1, A6}), ("- 北京", {A1, A6}),
    ("'北京'", {A1, A6}), ("北京;DROP TABLE articles", set()),
])
def test_fts_syntax_characters_are_text(store, query, expected):
    assert found(store, query) == expected


@pytest.mark.parametrize("query, message", [
    ("", "empty query: give at least one term to look for"),
    ("   ", "empty query: give at least one term to look for"),
    ("( ) * : ^", "empty query: give at least one term to look for"),
    ("OR", "empty query: give at least one term to look for"),
    ('""', "empty query: give at least one term to look for"),
    ("-北京", "only exclusions (-term): give at least one term to look for"),
    ('"', 'unbalanced quotes in query: close every " you open'),
    ('"北京', 'unbalanced quotes in query: close every " you open'),
    ('北京" "经济"', 'unbalanced quotes in query: close every " you open'),
    ("经" * 10_000, f"query too long (10000 characters; at most {MAX_QUERY_CHARS})"),
    (" ".join(["北京"] * 33), "too many terms (at most 32)"),
])
def test_bad_queries_raise_query_error(store, query, message):
    calls = [lambda: store.search(query), lambda: store.trend(query)]
    if query:  # articles("") is every article (exports without a query)
        calls.append(lambda: list(store.articles(query)))
    for call in calls:
        with pytest.raises(QueryError) as exc:
            call()
        assert str(exc.value) == message
        assert "\n" not in str(exc.value)


@pytest.mark.parametrize("query", ['"北京', "经" * 10_000, "( ) * : ^", '"'])
def test_cli_bad_query_exits_2_with_one_line(sample_db, capsys, query):
    for extra in ([], ["--json"], ["--by", "month"]):
        code, out, err = run_cli(capsys, "search", query, "--db", sample_db, *extra)
        assert code == 2
        assert out == ""
        assert len(err.splitlines()) == 1 and err.startswith("banmian: error: "), err


def test_cli_search_json(sample_db, capsys):
    code, out, err = run_cli(capsys, "search", "经济", "--db", sample_db, "--json", "--to", "2024-01-31")
    assert code == 0, err
    data = json.loads(out)
    assert data["total"] == 2
    assert {r["headline"] for r in data["results"]} == {A1, A3}
    assert set(data["results"][0]) == {"article_id", "page_id", "date", "page", "outlet", "kicker", "headline",
                                       "snippet", "score"}


# ---------------------------------------------------------------- trends


def test_trend_per_month_and_day(store):
    assert store.trend("经济", "month") == [("2024-01", 2), ("2024-03", 1)]
    assert store.trend("经济", "day") == [("2024-01-05", 1), ("2024-01-20", 1), ("2024-03-10", 1)]
    assert store.trend("北京", "day") == [("2024-01-05", 1), ("2024-02-02", 1)]
    assert store.trend("北京", "month") == [("2024-01", 1), ("2024-02", 1)]
    assert store.trend("开幕", "month", Filters(outlet="本报")) == [("2024-02", 1)]
    assert store.trend("本报", "year") == [("2024", 2)]
    assert store.trend("西藏", "month") == []
    with pytest.raises(QueryError, match="--by must be one of day, week, month, year, not 'hour'"):
        store.trend("经济", "hour")


def test_cli_trend(sample_db, capsys):
    code, out, err = run_cli(capsys, "search", "经济", "--db", sample_db, "--by", "month", "--json")
    assert code == 0, err
    # the shape of the API's /api/trend
    assert json.loads(out) == {"by": "month", "total": 3, "undated": 0,
                               "buckets": [{"period": "2024-01", "count": 2}, {"period": "2024-03", "count": 1}]}


def test_trend_counts_undated_matches(tmp_path, capsys):
    # undated articles were dropped from the trend without a word
    pages = [page(None, "A01", [article("经济无日期", ["经济稳定。"]), article("经济再无日期", ["经济好。"])], index=0),
             page("2024-01-05", "A02", [article("经济有日期", ["经济发展。"])], index=1)]
    db = tmp_path / "u.sqlite"
    run_cli(capsys, "ingest", write_jsonl(tmp_path / "u.jsonl", pages), "--db", db)
    store = open_archive(str(db))
    assert store.trend_counts("经济", "month") == ([("2024-01", 1)], 2)
    assert store.trend("经济", "month") == [("2024-01", 1)]
    store.close()
    code, out, _ = run_cli(capsys, "search", "经济", "--db", db, "--by", "month", "--json")
    assert json.loads(out) == {"by": "month", "total": 1, "undated": 2, "buckets": [{"period": "2024-01", "count": 1}]}
    code, out, _ = run_cli(capsys, "search", "经济", "--db", db, "--by", "month")
    assert out.splitlines()[-1].split() == ["undated", "2", "(no", "date:", "in", "no", "month)"]


def test_hits_best_first_with_facets(store):
    result = store.search("经济", facets=True)
    assert result.total == 3
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert [h.headline for h in store.search("经济", limit=2).hits + store.search("经济", limit=2, offset=2).hits] == \
        [h.headline for h in result.hits]
    assert result.facets["outlet"] == [["本报", 2]]
    assert sorted(map(tuple, result.facets["place"])) == [("北京", 1), ("臺灣", 1)]
    assert result.facets["reporter"] == [["王小明", 1]]
    assert result.facets["person"] == [["李华", 1]]
    filtered = store.search("经济", Filters(outlet="本报"), facets=True)
    assert (filtered.total, filtered.facets["outlet"]) == (2, [["本报", 2]])
    assert {h.headline for h in filtered.hits} == {A1, A7}


# ---------------------------------------------------------------- fast paths at scale


def test_one_token_totals_come_from_the_vocabulary_and_equal_a_count(store):
    from banmian.archive.query import parse_query, single_token

    assert single_token(parse_query("北京")) == ("北京", "bi")
    assert single_token(parse_query("京")) == ("京", "uni")
    assert single_token(parse_query("北京市")) is None and single_token(parse_query("北京 上海")) is None
    for query in ("北京", "经济", "京", "冬"):
        clauses, expr = store._match(query)
        counted = store.db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expr,)).fetchone()[0]
        assert store.search(query).total == counted == store._vocab_total(clauses)


def test_a_term_in_very_many_articles_lists_the_newest_first(store, monkeypatch):
    import banmian.archive.sqlite as sq

    by_rank = store.search("北京", limit=100)
    monkeypatch.setattr(sq, "RANK_MAX_MATCHES", 1)
    by_id = store.search("北京", limit=100)
    assert by_id.total == by_rank.total == 2
    assert [h.article_id for h in by_id.hits] == sorted((h.article_id for h in by_rank.hits), reverse=True)


def test_outlet_filter_rides_in_the_index(store):
    assert found(store, "北京", Filters(outlet="新华社")) == {A6}
    assert found(store, "北京", Filters(outlet="本报")) == {A1}
    assert found(store, "北京", Filters(outlet="人民日报")) == set()


def test_bigrams_do_not_cross_punctuation(tmp_path):
    db = str(tmp_path / "p.sqlite")
    s = open_archive(db)
    s.add_page("x" * 64, "p.txt", page("2024-01-01", "A01", [article("标题", ["去年，是丰收年。"])]))
    assert s.search("年是").total == 0  # `年，是`: no bigram across the comma
    assert s.search("去年").total == 1 and s.search('"去年，是"').total == 1
    s.close()


def streams_by_segments(texts: list[str]) -> tuple[str, str]:
    """The index streams read string by string: `segments` of each folded field."""
    from banmian.archive.query import fold, segments

    bi, uni = [], []
    for text in texts:
        for us in segments(fold(text.replace("\n", " "))):
            uni += us
            bi += [a + b for a, b in zip(us, us[1:])]
    return " ".join(bi), " ".join(uni)


STREAM_CASES = [
    ["北京市长", "去年，是丰收年。"], ["2024年1月5日", "GDP增长5.2%", "ab cd_ef  北 京"],
    ["第1000期", "ＡＢＣ１２３　京", "萬與"], ["x", "", "。，"], ["𠀀𠀁中", "a\U0001F600b 𠀀1"],
    ["Ⅻ①²", "İstanbul straße", "K線"], ["line\nbreak", "tab\there"],
]


def test_index_streams_equal_the_segments_of_each_field():
    import random

    from banmian.archive.query import index_streams

    rng = random.Random(5)
    alphabet = list("北京市年是abcxyz019_ \t，。、.-!?（）\u3000ＡＢ１２éÉ萬與·'\"«»\u2028\x1cǅİß①²\u0301𠀀\U0001F600")
    cases = STREAM_CASES + [["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
                             for _ in range(rng.randint(0, 3))] for _ in range(3000)]
    for texts in cases:
        assert index_streams(texts) == streams_by_segments(texts), texts
    assert index_streams(["2024年，GDP增长"]) == ("2024年 gdp增 增长", "2024 年 gdp 增 长")


def test_fold_is_nfkc_of_the_whole_text():
    import random
    import unicodedata

    from banmian.archive.query import fold

    rng = random.Random(7)
    alphabet = list("北京萬與abcXYZ019 ，。（）\u3000ＡＢ１２…℃Ⅱ⑵①㎡︰ｶﾞﾟﾊ\u0308\u0301öÅ㍿ｄﬁ²")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert fold(text) == fold(unicodedata.normalize("NFKC", text)), text
    assert fold("２０日…℃Ⅱ") == "20日...°cii"


def test_an_archive_of_another_format_is_refused_with_one_line(tmp_path):
    db = tmp_path / "old.sqlite"
    open_archive(str(db)).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema'")
    con.commit()
    con.close()
    with pytest.raises(BadInput, match="schema 4.*ingest the files into a new archive"):
        open_archive(str(db))


def test_date_range_months_prune_but_days_decide(store):
    from banmian.archive.sqlite import months_between

    assert months_between("2023-11-20", "2024-02-03") == ["m202311", "m202312", "m202401", "m202402"]
    assert months_between("2024-03-01", "2024-01-01") == []
    assert months_between("1990-01-01", "2024-01-01") == []  # too many months: SQL alone
    assert found(store, "北京", Filters(date_from="2024-01-05", date_to="2024-02-02")) == {A1, A6}
    assert found(store, "北京", Filters(date_from="2024-01-06", date_to="2024-02-01")) == set()
