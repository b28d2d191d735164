"""The PostgreSQL archive against a real server: the same results as SQLite (ids, totals, BM25
scores, facets, trends, pages, exports) on the same pages, the CLI and the web app on a
`postgresql://` URL, many readers at once through the pool, and one-line errors.

The server is the one `scripts/pg-test-server run` starts for `make test` (its URL in
$BANMIAN_TEST_PG); without it every test here skips and says so."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from banmian import cli
from banmian.archive import Filters, open_archive
from banmian.archive.ingest import ingest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_archive import article, page, sample_pages, write_jsonl  # noqa: E402

URL = os.environ.get("BANMIAN_TEST_PG")
pytest.importorskip("psycopg", reason="the PostgreSQL archive needs psycopg (pip install '.[postgres]')")


def server_url() -> str:
    if not URL:
        pytest.skip("PostgreSQL tests skipped: no server (make test starts one with scripts/pg-test-server; "
                    "or set BANMIAN_TEST_PG=postgresql://…)")
    from banmian.archive.postgres import fresh_database
    from banmian.errors import BadInput

    try:
        fresh_database(URL, "banmian_probe")
    except BadInput as exc:
        pytest.skip(f"PostgreSQL tests skipped: the server at $BANMIAN_TEST_PG is not reachable ({exc})")
    return URL


def extra_pages() -> list[dict]:
    """Pages for the corners of ranking: repeated characters (overlapping phrase matches), a
    term cut by punctuation, Latin words and numbers, traditional characters, no outlet."""
    return [
        page("2024-04-01", "B01", [
            article("哈哈哈哈大笑", ["观众哈哈哈哈笑个不停，哈哈哈。", "人人都说天天向上，常常常常。"], outlet="新华社"),
            article("GDP增长6.5%", ["2024年GDP增长6.5%，CPI上涨2%。", "iPhone 与 iPad 销量上升。"]),
        ], index=0, path="extra.txt"),
        page("2024-04-02", "B02", [
            article("北京，上海双城记", ["北京上海两地合作，北京市与上海市签约。", "北京、上海、广州。"], outlet="本报",
                    reporters=["王明"], people=["周建国"], places=["北京"]),
            article("農業經濟觀察", ["臺灣農業經濟穩定，北京經濟論壇召開。"], outlet="本報"),
        ], index=1, path="extra.txt"),
        page(None, "B03", [  # undated: in no trend period, counted apart
            article("北京胡同故事", ["北京老城胡同的冬天。"], outlet="本报"),
        ], index=2, path="extra.txt"),
    ]


QUERIES = [
    ("北京", None), ("京", None), ("北京市", None), ("经济 发展", None), ('"经济发展"', None),
    ("北京 OR 上海", None), ("北京 -上海", None), ("北京 -上海市", None), ("经济 OR 北京，上海", None),
    ("北京，上海", None), ("哈哈哈", None), ("哈哈", None), ("哈", None), ("常常常", None), ("gdp", None),
    ("6.5", None), ("iphone OR ipad", None), ("臺灣", None), ("经济", Filters(outlet="本报")),
    ("经济", Filters(outlet="本報")), ("北京", Filters(date_from="2024-01-01", date_to="2024-04-30")),
    ("北京", Filters(date_from="2024-04-02")), ("北京", Filters(reporter="王明")), ("北京", Filters(page="B02")),
    ("北京", Filters(person="周建国", place="北京")), ("不存在的词", None), ("观众 -哈哈", None),
]


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """The same pages ingested into SQLite and into a fresh PostgreSQL database."""
    from banmian.archive.postgres import fresh_database

    url = fresh_database(server_url(), "banmian_t_store")
    folder = tmp_path_factory.mktemp("pg")
    files = [str(write_jsonl(folder / f"s{i}.jsonl", pages)) for i, pages in enumerate(sample_pages())]
    files.append(str(write_jsonl(folder / "extra.jsonl", extra_pages())))
    sq, pg = open_archive(str(folder / "a.sqlite")), open_archive(url)
    for store in (sq, pg):
        report = ingest(store, files)
        assert report.failures == [] and report.articles > 10
    yield sq, pg, url
    sq.close()
    pg.close()


def test_search_gives_the_same_ids_totals_and_scores(stores):
    sq, pg, _ = stores
    nonzero = 0
    for q, f in QUERIES:
        a, b = sq.search(q, f, limit=50), pg.search(q, f, limit=50)
        assert (a.total, [h.article_id for h in a.hits]) == (b.total, [h.article_id for h in b.hits]), (q, f)
        assert [h.score for h in a.hits] == pytest.approx([h.score for h in b.hits], rel=1e-12, abs=1e-12), (q, f)
        assert [h.snippet for h in a.hits] == [h.snippet for h in b.hits]
        nonzero += a.total > 0
    assert nonzero >= len(QUERIES) - 2  # the queries find something: the comparison is not empty


def test_overlapping_phrase_occurrences_count_as_on_sqlite(stores):
    sq, pg, _ = stores
    # 哈哈哈 occurs at overlapping places; its score depends on counting all of them
    a, b = sq.search("哈哈哈"), pg.search("哈哈哈")
    assert a.total == b.total == 1 and a.hits[0].score == pytest.approx(b.hits[0].score, rel=1e-12)


def test_limit_offset_facets_and_trend(stores):
    sq, pg, _ = stores
    for q in ("北京", "经济"):
        for offset in (0, 1, 2):
            a, b = sq.search(q, limit=1, offset=offset), pg.search(q, limit=1, offset=offset)
            assert [h.article_id for h in a.hits] == [h.article_id for h in b.hits]
        fa, fb = sq.search(q, facets=True).facets, pg.search(q, facets=True).facets
        assert {k: sorted(map(tuple, v)) for k, v in fa.items()} == {k: sorted(map(tuple, v)) for k, v in fb.items()}
        for by in ("day", "week", "month", "year"):
            assert sq.trend(q, by) == pg.trend(q, by) != []
            assert sq.trend_counts(q, by) == pg.trend_counts(q, by)
    assert sq.trend_counts("北京", "month")[1] == pg.trend_counts("北京", "month")[1] == 1


def test_reading_pages_articles_dates_and_exports(stores):
    sq, pg, _ = stores
    assert sq.counts() == pg.counts()
    assert sq.dates() == pg.dates()
    for date, _ in sq.dates():
        assert sq.pages_on(date) == pg.pages_on(date)
        for entry in sq.pages_on(date):
            assert sq.page(entry["page_id"]) == pg.page(entry["page_id"])
    assert list(sq.articles()) == list(pg.articles())
    assert list(sq.articles("北京", Filters(outlet="本报"))) == list(pg.articles("北京", Filters(outlet="本报")))
    assert pg.article(10**9) is None and pg.page(10**9) is None


def test_a_second_ingest_adds_nothing(stores, tmp_path):
    _, pg, _ = stores
    before = pg.counts()
    files = [str(write_jsonl(tmp_path / "extra.jsonl", extra_pages()))]
    report = ingest(pg, files)
    assert report.skipped == 1 and pg.counts() == before


def test_many_readers_at_once_through_the_pool(stores):
    sq, _, url = stores
    expected = {q: [h.article_id for h in sq.search(q).hits] for q in ("北京", "经济", "哈哈", "上海")}

    def reader(i: int) -> bool:
        q = list(expected)[i % len(expected)]
        store = open_archive(url, readonly=True)
        try:
            return [h.article_id for h in store.search(q).hits] == expected[q]
        finally:
            store.close()

    with ThreadPoolExecutor(16) as pool:
        assert all(pool.map(reader, range(200)))


def test_cli_search_and_web_api_on_a_url(stores, capsys):
    sq, _, url = stores
    assert cli.main(["search", "北京", "--db", url, "--json"]) == 0
    import json

    out = json.loads(capsys.readouterr().out)
    assert [r["article_id"] for r in out["results"]] == [h.article_id for h in sq.search("北京").hits]

    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from banmian.web.app import create_app

    client = TestClient(create_app(url))
    data = client.get("/api/search", params={"q": "经济", "outlet": "本报"}).json()
    assert data["total"] == sq.search("经济", Filters(outlet="本报")).total > 0
    art = client.get(f"/api/articles/{data['results'][0]['article_id']}")
    assert art.status_code == 200 and art.json()["headline"]
    assert client.get("/").status_code == 200


def test_unreachable_server_and_missing_archive_are_one_line_errors(stores, capsys):
    from banmian.archive.postgres import fresh_database

    _, _, url = stores
    assert cli.main(["search", "北京", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("banmian: error: cannot connect to postgresql://") and err.count("\n") == 1
    empty = fresh_database(url, "banmian_t_empty")
    assert cli.main(["search", "北京", "--db", empty]) == 2
    assert "no archive at" in capsys.readouterr().err


def test_password_is_not_printed():
    from banmian.archive.postgres import redact

    assert redact("postgresql://u:secret@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"


def test_serve_command_starts_on_postgres(stores, tmp_path):
    """`banmian serve --db postgresql://…` answers over HTTP (a real uvicorn process)."""
    import socket
    import time

    httpx = pytest.importorskip("httpx")
    sq, _, url = stores
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "banmian", "serve", "--db", url, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/search", params={"q": "北京"}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] == sq.search("北京").total
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_past_the_ranking_limit_both_list_the_newest_first(stores, monkeypatch):
    import banmian.archive.postgres as pgmod
    import banmian.archive.sqlite as sqmod

    sq, pg, _ = stores
    ranked = [h.article_id for h in pg.search("北京").hits]
    monkeypatch.setattr(sqmod, "RANK_MAX_MATCHES", 1)
    monkeypatch.setattr(pgmod, "RANK_MAX_MATCHES", 1)
    for q in ("北京", "经济 OR 上海"):
        a, b = sq.search(q), pg.search(q)
        assert a.total == b.total > 1
        assert [h.article_id for h in a.hits] == [h.article_id for h in b.hits] == sorted(
            [h.article_id for h in b.hits], reverse=True)
    assert [h.article_id for h in pg.search("北京").hits] != ranked or len(ranked) < 2


def test_a_token_too_long_for_a_lexeme_is_stored_and_found(stores, tmp_path):
    from banmian.archive.postgres import fresh_database

    _, _, url = stores
    long_word = "x" * 2500 + "1"  # one Latin unit over PostgreSQL's 2 KB lexeme limit
    pages = [page("2024-06-01", "C01", [article("长词", [f"代码 {long_word} 结束。", "其他内容。"])], path="long.txt")]
    files = [str(write_jsonl(tmp_path / "long.jsonl", pages))]
    sq, pg = open_archive(str(tmp_path / "l.sqlite")), open_archive(fresh_database(url, "banmian_t_long"))
    try:
        for store in (sq, pg):
            assert ingest(store, files).failures == []
        # the stored lexemes are exactly the computed ones (PostgreSQL mangles a lexeme of
        # 2 KB or more without a word: its length wraps around at 2,048)
        from banmian.archive.pgquery import lexemes
        from banmian.archive.query import index_streams
        from banmian.invariant import article_texts

        bi, uni = (x.split() for x in index_streams(article_texts(pages[0]["articles"][0])))
        stored = pg.db.execute("SELECT tsvector_to_array(tokens) FROM articles").fetchone()[0]
        assert sorted(stored) == lexemes(bi, uni, ["m202406"])  # the month token; no outlet
        for q in ("代码", "结束 其他", "x" * 400):  # a query holds at most 500 characters
            a, b = sq.search(q), pg.search(q)
            assert a.total == b.total == (0 if q.startswith("x") else 1) and [h.score for h in a.hits] == pytest.approx([h.score for h in b.hits])
    finally:
        sq.close()
        pg.close()
