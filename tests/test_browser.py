"""The reader in a real browser: Debian's chromium, headless, driven by Playwright, against
`banmian serve`'s app run by uvicorn on a free local port over a one-article archive.

Skipped when playwright or /usr/bin/chromium is missing (`make browser-test` installs both and
then requires the test to run). Screenshots: bench/out/browser-search.png and
bench/out/browser-article.png (bench/out/ is git-ignored).
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
OUT = Path(__file__).resolve().parent.parent / "bench" / "out"
HEADLINE = "滨江步道全线贯通"
PARAGRAPHS = ["经过两年建设，全长十二公里的滨江步道昨日全线贯通，市民可以沿江步行或骑行。",
              "步道沿线新建了三座观景平台和六处驿站，夜间照明也已同步完工。",
              "市园林局表示，下一步将在步道两侧种植乡土树种，打造城市生态廊道。"]


def _unavailable(reason: str) -> None:
    """Skip, or fail when the browser test is required (`make browser-test`)."""
    if os.environ.get("BANMIAN_BROWSER_TEST") == "required":
        pytest.fail(f"browser test required but {reason}", pytrace=False)
    pytest.skip(f"{reason}; run `make browser-test` to install it", allow_module_level=True)


try:
    from playwright.sync_api import sync_playwright
except ImportError:
    _unavailable("playwright is not installed (the `test` extra)")
if not os.access(CHROMIUM, os.X_OK):
    _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
uvicorn = pytest.importorskip("uvicorn", reason="banmian serve needs uvicorn (a banmian dependency)")

from banmian.archive import open_archive  # noqa: E402
from banmian.web.app import create_app  # noqa: E402


@pytest.fixture
def archive(tmp_path) -> str:
    """An archive holding one article, written by hand as page JSON."""
    art = {"id": "a1", "kicker": "城市建设", "headline": HEADLINE, "subtitle": None,
           "byline": "本报记者 陈晨", "reporters": ["陈晨"], "outlet": "本报", "dateline": None,
           "source": None, "source_line": None, "paragraphs": PARAGRAPHS, "captions": [],
           "jump": None, "continued_from": None,
           "entities": {"people": [], "places": ["滨江"], "organizations": ["市园林局"]},
           "lines": [], "confidence": 1.0}
    page = {"schema": "banmian.page/1",
            "source": {"path": "browser.txt", "kind": "text", "encoding": None, "sha256": "b" * 64},
            "page": {"date": "2024-04-18", "label": "A03", "section": "城建", "header": [], "index": 0},
            "articles": [art], "unassigned": []}
    db = str(tmp_path / "browser.sqlite")
    store = open_archive(db)
    store.add_page("b" * 64, "browser.txt", page)
    store.close()
    return db


@pytest.fixture
def server(archive):
    """The app served by uvicorn in a background thread on a free local port; yields its URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(archive), log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 10 s")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        sock.close()


def test_search_then_read_the_article_in_chromium(server):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.set_default_timeout(15_000)
            page.goto(server + "/")
            page.fill("form.bigsearch input[name=q]", "步道")
            page.press("form.bigsearch input[name=q]", "Enter")
            page.wait_for_url("**/search?q=*")
            hits = page.locator("ol.hits li.hit")
            assert hits.count() == 1
            assert hits.first.locator("a.headline").inner_text() == HEADLINE
            assert "步道" in hits.first.locator("p.snippet mark").first.inner_text()
            assert page.locator("figure.trend svg rect").count() >= 1
            page.screenshot(path=str(OUT / "browser-search.png"), full_page=True)

            hits.first.locator("a.headline").click()
            page.wait_for_url("**/articles/*")
            assert page.locator("h1.headline").inner_text() == HEADLINE
            assert page.locator("article .body p").all_inner_texts() == PARAGRAPHS
            assert page.locator(".kicker").first.inner_text() == "城市建设"
            page.screenshot(path=str(OUT / "browser-article.png"), full_page=True)
        finally:
            browser.close()
    assert (OUT / "browser-search.png").stat().st_size > 0
