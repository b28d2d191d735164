"""The web reader and JSON API (`banmian serve`), through FastAPI's TestClient over small
archives built in tmp_path from hand-written pages."""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs fastapi (a banmian dependency)")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx (the `test` extra)")

from fastapi.testclient import TestClient  # noqa: E402

from banmian.archive import open_archive  # noqa: E402
from banmian.archive.ingest import ingest  # noqa: E402
from banmian.web.app import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "demo_page.txt"
TOKEN = "s3cret-token"
XSS = "<script>alert(1)</script>"
WETLAND_BY_MONTH = {"2024-01-15": 1, "2024-03-06": 2, "2024-05-10": 25}  # articles saying 湿地


def article(headline: str, paragraphs: list[str], **extra) -> dict:
    """An article dict of the page schema (banmian.page/1) with the fields the store reads."""
    art = {"id": "a1", "kicker": None, "headline": headline, "subtitle": None, "byline": None,
           "reporters": [], "outlet": "本报", "dateline": None, "source": None, "source_line": None,
           "paragraphs": paragraphs, "captions": [], "jump": None, "continued_from": None,
           "entities": {"people": [], "places": [], "organizations": []}, "lines": [], "confidence": 1.0}
    art.update(extra)
    return art


def page(date: str, label: str, articles: list[dict], kind: str = "text", path: str = "hand.txt",
         index: int = 0, sha: str | None = None) -> dict:
    for n, art in enumerate(articles, 1):
        art["id"] = f"a{n}"
    return {"schema": "banmian.page/1",
            "source": {"path": path, "kind": kind, "encoding": None, "sha256": sha or "0" * 64},
            "page": {"date": date, "label": label, "section": "要闻", "header": [], "index": index},
            "articles": articles, "unassigned": []}


def add(store, pg: dict) -> None:
    sha = hashlib.sha256(json.dumps(pg, ensure_ascii=False).encode()).hexdigest()
    store.add_page(sha, pg["source"]["path"], pg)


@pytest.fixture
def db(tmp_path) -> str:
    """An archive of three dates: a farmland article, an article whose text holds markup, and
    28 articles about wetlands spread over January, March and May 2024."""
    path = str(tmp_path / "web.sqlite")
    store = open_archive(path)
    farm = article("江川新建高标准农田", ["今年以来全市新建高标准农田2.3万亩。", "村党支部书记周建国介绍，灌溉用水节省约三成。"],
                   kicker="春耕备耕有序推进", byline="本报讯（记者 林晓）", reporters=["林晓"],
                   entities={"people": [{"name": "周建国", "title": "书记"}], "places": ["江川"],
                             "organizations": ["江川市农业农村局"]})
    markup = article(f"标题{XSS}注入", [f"警惕{XSS}脚本注入的文字", "湿地保护区里的第二段。"])
    add(store, page("2024-03-06", "A05", [farm, markup, article("湿地公园开园", ["城西湿地公园今天开园。"])]))
    add(store, page("2024-01-15", "A01", [article("冬季湿地观鸟", ["湿地迎来越冬候鸟。"])]))
    add(store, page("2024-05-10", "A08", [article(f"湿地简讯{n}", [f"第{n}处湿地完成修复。"]) for n in range(25)]))
    store.close()
    return path


@pytest.fixture
def client(db) -> TestClient:
    return TestClient(create_app(db))


def assert_error(resp, code: int) -> str:
    """The response is the one JSON error shape with `code`; returns its message."""
    assert resp.status_code == code, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    message = body["error"]["message"]
    assert isinstance(message, str) and message and "\n" not in message
    return message


def test_search_api_finds_the_article_with_a_highlighted_snippet(client):
    resp = client.get("/api/search", params={"q": "农田"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["total"] == 1
    hit = body["results"][0]
    assert hit["headline"] == "江川新建高标准农田" and hit["date"] == "2024-03-06" and hit["page"] == "A05"
    assert "<mark>农田</mark>" in hit["snippet"]
    assert body["facets"]["person"] == [["周建国", 1]]


def test_search_page_shows_snippets_facets_and_trend_chart(client):
    resp = client.get("/search", params={"q": "农田"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    html = resp.text
    assert "江川新建高标准农田" in html and "<mark>农田</mark>" in html
    assert "周建国" in html and "person=" in html  # a facet link filtering by the person
    assert "<svg" in html and "<rect" in html and "2024-03: 1" in html


def test_facet_filter_narrows_the_search(client):
    assert client.get("/api/search", params={"q": "湿地", "person": "周建国"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "灌溉", "person": "周建国"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "湿地", "from": "2024-05-01"}).json()["total"] == 25


def test_article_page_shows_headline_paragraphs_and_entity_links(client):
    aid = client.get("/api/search", params={"q": "农田"}).json()["results"][0]["article_id"]
    resp = client.get(f"/articles/{aid}")
    assert resp.status_code == 200
    html = resp.text
    assert '<h1 class="headline">江川新建高标准农田</h1>' in html
    assert "<p>今年以来全市新建高标准农田2.3万亩。</p>" in html
    assert "<p>村党支部书记周建国介绍，灌溉用水节省约三成。</p>" in html
    assert "春耕备耕有序推进" in html and "本报讯（记者 林晓）" in html
    assert "/search?q=%E5%91%A8%E5%BB%BA%E5%9B%BD&amp;person=%E5%91%A8%E5%BB%BA%E5%9B%BD" in html


def test_markup_in_article_text_is_escaped_everywhere(client):
    hit = client.get("/api/search", params={"q": "脚本注入"}).json()["results"][0]
    assert XSS not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    pages = [f"/articles/{hit['article_id']}", f"/pages/{hit['page_id']}", "/search?q=脚本注入",
             "/dates/2024-03-06"]
    for url in pages:
        html = client.get(url).text
        assert XSS not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR NOT (", "*", "x" * 10_000, "", "-农田"])
def test_bad_queries_are_400_with_one_error_shape(client, query):
    assert_error(client.get("/api/search", params={"q": query}), 400)
    assert_error(client.get("/api/trend", params={"q": query}), 400)


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR NOT (", "*", "x" * 10_000])
def test_bad_queries_get_a_friendly_html_message(client, query):
    resp = client.get("/search", params={"q": query})
    assert resp.status_code == 400 and resp.headers["content-type"].startswith("text/html")
    assert "无法搜索 Cannot search:" in resp.text and 'role="alert"' in resp.text


def test_unknown_ids_and_routes_are_404_json_errors(client):
    assert "no article 999" in assert_error(client.get("/api/articles/999"), 404)
    assert_error(client.get("/api/pages/999"), 404)
    assert_error(client.get("/api/dates/1999-01-01/pages"), 404)
    assert_error(client.get("/api/no/such/route"), 404)
    assert client.get("/articles/999").status_code == 404  # the reader answers with an HTML page
    assert "no article 999" in client.get("/articles/999").text


def test_invalid_parameters_are_422_with_the_same_shape(client):
    assert "limit" in assert_error(client.get("/api/search", params={"q": "湿地", "limit": 101}), 422)
    assert_error(client.get("/api/search", params={"q": "湿地", "limit": 0}), 422)
    assert_error(client.get("/api/search", params={"q": "湿地", "offset": -1}), 422)
    assert_error(client.get("/api/search", params={"q": "湿地", "from": "May 2024"}), 422)
    assert "not a date" in assert_error(client.get("/api/search", params={"q": "湿地", "to": "2024-13-01"}), 422)
    assert_error(client.get("/api/search"), 422)  # q is required
    assert_error(client.get("/api/articles/abc"), 422)
    assert_error(client.get("/api/articles/" + "9" * 30), 422)
    assert_error(client.get("/api/trend", params={"q": "湿地", "by": "decade"}), 422)
    assert_error(client.post("/api/search", params={"q": "湿地"}), 405)


def test_pagination_with_limit_and_offset(client):
    first = client.get("/api/search", params={"q": "湿地", "limit": 10}).json()
    assert first["total"] == 28 and len(first["results"]) == 10
    seen = {h["article_id"] for h in first["results"]}
    for offset in (10, 20):
        more = client.get("/api/search", params={"q": "湿地", "limit": 10, "offset": offset}).json()
        assert more["total"] == 28
        seen |= {h["article_id"] for h in more["results"]}
    assert len(seen) == 28
    assert client.get("/api/search", params={"q": "湿地", "offset": 28}).json()["results"] == []
    html = client.get("/search", params={"q": "湿地", "offset": 20}).text
    assert "21–28" in html and 'rel="prev"' in html and 'rel="next"' not in html


def test_trend_counts_per_month(client):
    body = client.get("/api/trend", params={"q": "湿地", "by": "month"}).json()
    assert body["buckets"] == [{"period": "2024-01", "count": 1}, {"period": "2024-03", "count": 2},
                               {"period": "2024-05", "count": 25}]
    assert body["total"] == 28 and body["undated"] == 0
    years = client.get("/api/trend", params={"q": "湿地", "by": "year"}).json()["buckets"]
    assert years == [{"period": "2024", "count": 28}]


def test_search_page_says_how_many_matches_have_no_date(db):
    store = open_archive(db)
    add(store, page(None, "A02", [article("湿地无日期", ["无日期的湿地报道。"]), article("湿地又一篇", ["湿地。"])],
                    path="undated.txt"))
    store.close()
    client = TestClient(create_app(db))
    assert client.get("/api/trend", params={"q": "湿地"}).json()["undated"] == 2
    html = client.get("/search", params={"q": "湿地"}).text
    assert "<rect" in html and "2 matches have no date (not in the chart)" in html
    one = client.get("/search", params={"q": "无日期"}).text  # its only match is undated: no chart
    assert "<svg" not in one and "1 match has no date</p>" in one
    assert "no date" not in client.get("/search", params={"q": "农田"}).text


def test_browse_dates_and_pages(client):
    dates = client.get("/api/dates").json()["dates"]
    assert [d["date"] for d in dates] == ["2024-05-10", "2024-03-06", "2024-01-15"]
    pages = client.get("/api/dates/2024-03-06/pages").json()["pages"]
    assert pages[0]["label"] == "A05" and pages[0]["articles"] == 3
    page_json = client.get(f"/api/pages/{pages[0]['page_id']}").json()
    assert page_json["schema"] == "banmian.page/1" and len(page_json["articles"]) == 3
    home = client.get("/").text
    assert "/dates/2024-05-10" in home and "2024-01" in home
    day = client.get("/dates/2024-03-06").text
    assert "江川新建高标准农田" in day and f"/pages/{pages[0]['page_id']}" in day


def test_openapi_document_is_served(client):
    doc = client.get("/api/openapi.json").json()
    for path in ("/api/search", "/api/trend", "/api/articles/{article_id}", "/api/pages/{page_id}",
                 "/api/dates", "/api/dates/{date}/pages", "/api/ingest"):
        assert path in doc["paths"], path
    assert "ErrorResponse" in doc["components"]["schemas"]
    assert "422" in doc["paths"]["/api/search"]["get"]["responses"]
    assert "HTTPValidationError" not in json.dumps(doc["paths"])  # every error has the one shape
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "<code>/api/search</code>" in docs.text and "<code>q</code>" in docs.text
    assert "<script" not in docs.text and "https://" not in docs.text  # nothing from a CDN: works offline
    assert client.get("/api/docs/swagger").status_code == 200


def test_page_view_colours_the_dump_lines_of_each_article(tmp_path):
    dump = tmp_path / "demo_page.txt"
    shutil.copy(DEMO, dump)
    db = str(tmp_path / "demo.sqlite")
    store = open_archive(db)
    assert ingest(store, [str(dump)]).articles == 3
    store.close()
    client = TestClient(create_app(db))
    html = client.get("/pages/1").text
    assert '<div class="ln art c0" data-art="0" id="a0"><span class="no">7</span>春耕备耕有序推进</div>' in html
    assert 'class="ln art c1"' in html and 'class="ln art c2"' in html
    assert '<div class="ln"><span class="no">1</span>2024年3月6日 星期三</div>' in html  # header: no colour
    dump.unlink()  # the original is gone: the page shows the articles' text instead
    html = client.get("/pages/1").text
    assert "原始文件已不在" in html and 'class="block art c0"' in html and "江川新建高标准农田" in html


def test_pdf_page_is_rendered_to_png(tmp_path):
    pytest.importorskip("fontTools", reason="the test PDF is built with fontTools (the `test` extra)")
    sys.path.insert(0, str(Path(__file__).parent))
    from pdfgen import PdfBuilder

    pdf = PdfBuilder().text(40, 700, "冰川融化加速引发关注", size=20).save(tmp_path / "p.pdf")
    sha = hashlib.sha256(Path(pdf).read_bytes()).hexdigest()
    db = str(tmp_path / "pdf.sqlite")
    store = open_archive(db)
    store.add_page(sha, pdf, page("2024-02-02", "A01", [article("冰川融化", ["冰川融化加速。"])], kind="pdf",
                                  path=pdf, sha=sha))
    store.close()
    client = TestClient(create_app(db))
    assert '<img class="pdfpage" src="/pages/1/image.png"' in client.get("/pages/1").text
    resp = client.get("/pages/1/image.png")
    assert resp.status_code == 200 and resp.headers["content-type"] == "image/png"
    assert resp.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert client.get("/api/pages/1").json()["image"] == "/pages/1/image.png"


# --- writes ---------------------------------------------------------------------------------

def upload(client, name: str, content: bytes, token: str | None = TOKEN):
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return client.post("/api/ingest", files={"file": (name, content)}, headers=headers)


def test_writes_are_refused_on_a_read_only_archive(client):
    message = assert_error(upload(client, "demo_page.txt", DEMO.read_bytes()), 403)
    assert "read-only" in message


def test_writes_need_the_right_token(db):
    client = TestClient(create_app(db, write_token=TOKEN))
    resp = upload(client, "demo_page.txt", DEMO.read_bytes(), token="wrong")
    assert_error(resp, 401)
    assert resp.headers["www-authenticate"] == "Bearer"
    assert_error(upload(client, "demo_page.txt", DEMO.read_bytes(), token=None), 401)
    assert client.get("/api/search", params={"q": "公交枢纽"}).json()["total"] == 0


def test_an_upload_with_the_token_is_ingested_and_found(db):
    client = TestClient(create_app(db, write_token=TOKEN))
    resp = upload(client, "版面 demo_page.txt", DEMO.read_bytes())
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["file"] == "版面 demo_page.txt"
    assert (body["files"], body["skipped"], body["pages"], body["articles"]) == (1, 0, 1, 3)
    hits = client.get("/api/search", params={"q": "公交枢纽"}).json()
    assert hits["total"] == 1 and hits["results"][0]["headline"] == "城东公交枢纽本月底启用"
    # the upload is kept next to the archive, so the page view shows the dump's lines
    assert 'class="ln art c1"' in client.get(f"/pages/{hits['results'][0]['page_id']}").text
    again = upload(client, "again.txt", DEMO.read_bytes()).json()
    assert (again["files"], again["skipped"], again["articles"]) == (0, 1, 0)


def test_an_uploaded_page_json_is_ingested(db):
    client = TestClient(create_app(db, write_token=TOKEN))
    pg = page("2024-06-01", "B02", [article("冰川融化加速", ["高山冰川融化速度加快。"])])
    resp = upload(client, "page.json", json.dumps(pg, ensure_ascii=False).encode())
    assert resp.status_code == 200 and resp.json()["articles"] == 1
    assert client.get("/api/search", params={"q": "冰川"}).json()["total"] == 1


def test_a_bad_upload_is_400_and_leaves_no_trace(db, tmp_path):
    client = TestClient(create_app(db, write_token=TOKEN))
    message = assert_error(upload(client, "bad.json", b'{"schema": "other"}'), 400)
    assert "bad.json" in message and str(tmp_path) not in message
    assert_error(upload(client, "empty.txt", b""), 400)
    not_multipart = client.post("/api/ingest", content=b"raw", headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(not_multipart, 400)
    uploads = Path(db + ".uploads")
    assert not uploads.exists() or not any(p.is_file() for p in uploads.rglob("*"))


def test_an_upload_that_hits_a_bug_is_500_saying_so_and_logged(db, monkeypatch, caplog):
    from banmian.archive import ingest as ingest_module

    def buggy(path, page_date=None):
        raise KeyError("label")
        yield

    monkeypatch.setattr(ingest_module, "file_pages", buggy)
    monkeypatch.delenv("BANMIAN_DEBUG", raising=False)
    client = TestClient(create_app(db, write_token=TOKEN))
    message = assert_error(upload(client, "demo_page.txt", DEMO.read_bytes()), 500)  # was 400, as bad input
    assert message == "cannot ingest demo_page.txt: internal error: a bug in banmian (KeyError: 'label')"
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        message + "; start banmian serve with BANMIAN_DEBUG=1 to log its traceback"]
    uploads = Path(db + ".uploads")
    assert not uploads.exists() or not any(p.is_file() for p in uploads.rglob("*"))


def test_a_bug_under_a_search_is_500_saying_so_not_a_bad_query(db, monkeypatch):
    from banmian.archive import sqlite as sqlite_store

    made = sqlite_store.match_expression
    monkeypatch.setattr(sqlite_store, "match_expression", lambda clauses: made(clauses) + ' AND "')
    client = TestClient(create_app(db), raise_server_exceptions=False)
    message = assert_error(client.get("/api/search", params={"q": "湿地"}), 500)  # was 400 "cannot run query"
    assert message == "internal error: a bug in banmian (OperationalError)"
    page = client.get("/search", params={"q": "湿地"})
    assert page.status_code == 500 and "a bug in banmian" in page.text


def test_searches_work_while_a_writer_holds_the_archive(db, client):
    writer = open_archive(db)
    writer.db.execute("BEGIN IMMEDIATE")  # an ingest in the middle of writing a page
    try:
        writer.db.execute("DELETE FROM articles")  # not committed: readers still see every article
        assert client.get("/api/search", params={"q": "湿地"}).json()["total"] == 28
        assert client.get("/").status_code == 200
    finally:
        writer.db.execute("ROLLBACK")
        writer.close()


def test_a_missing_archive_is_a_one_line_error(tmp_path):
    from banmian.errors import BadInput

    with pytest.raises(BadInput, match="no archive"):
        create_app(str(tmp_path / "missing.sqlite"))
    with pytest.raises(BadInput, match="must not be empty"):
        create_app(str(tmp_path / "missing.sqlite"), write_token="")
    create_app(str(tmp_path / "new.sqlite"), write_token=TOKEN)  # writes allowed: created
    assert (tmp_path / "new.sqlite").exists()


def test_the_reader_marks_characters_ocr_read_with_low_confidence(tmp_path):
    path = str(tmp_path / "ocr.sqlite")
    store = open_archive(path)
    # as pipeline.low_confidence_marks gives them: the offset in the line, 4 characters before
    marks = [{"line": 3, "char": "鹭", "offset": 9, "confidence": 0.41, "context": "园迎来白鹭<栖息。"},
             {"line": 4, "char": "湖", "offset": 9, "confidence": 0.5, "context": "不在文中的湖"}]
    ocr = article("湿地来了白鹭", ["城西湿地公园迎来白鹭<栖息。"], low_confidence=marks)
    add(store, page("2024-04-02", "A03", [ocr], kind="image"))
    store.close()
    html = TestClient(create_app(path)).get("/articles/1").text
    assert '<mark class="lowconf" title="OCR confidence 0.41">鹭</mark>&lt;栖息' in html
    assert "湖</mark>" not in html  # a context not in the text marks nothing
    assert "2 个字符识别置信度低" in html


def test_marked_paragraphs_escape_and_mark_the_right_place():
    from banmian.web.render import marked_paragraphs

    got = marked_paragraphs(["甲乙丙丁甲乙", "<b>"], [{"char": "甲", "offset": 4, "confidence": 0.3, "context": "甲乙丙丁甲乙"}])
    assert str(got[0]) == '甲乙丙丁<mark class="lowconf" title="OCR confidence 0.30">甲</mark>乙'
    assert str(got[1]) == "&lt;b&gt;"


def test_bad_input_met_under_a_request_is_a_400_and_a_bug_a_500(db):
    from banmian.errors import BadInput, BanmianError

    app = create_app(db)

    def bad_input():
        raise BadInput("the page date 1998-13-01 is not a date")

    def bug():
        raise BanmianError("the archive's schema is newer than this banmian")

    app.add_api_route("/api/test-bad-input", bad_input)
    app.add_api_route("/api/test-bug", bug)
    client = TestClient(app, raise_server_exceptions=False)
    r = client.get("/api/test-bad-input")
    assert r.status_code == 400
    assert r.json() == {"error": {"code": 400, "message": "the page date 1998-13-01 is not a date"}}
    r = client.get("/api/test-bug")
    assert r.status_code == 500 and r.json()["error"]["message"].startswith("internal error: ")
