"""bench/peers.py: the heading-as-article-start readings, and each peer on one dev PDF.

The conversion tests need neither the peer packages nor the data. The last test runs every
peer that is installed (`pip install '.[peers]'`, see bench/peers.py) on one dev page and skips,
saying why, when a peer or the shared data is absent.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import peers  # noqa: E402
from bench.common import data_available, pages_dir  # noqa: E402

SMALL_PAGE = "page_0044.pdf"  # the dev page with the least text: the quickest run


def heads_and_paras(articles: list[dict]) -> list[tuple]:
    return [(a["headline"], a["paragraphs"]) for a in articles]


# --- Markdown -> articles --------------------------------------------------------------------

def test_markdown_headings_start_articles_and_blocks_are_paragraphs():
    md = ("1998年1月7日 星期三\n\n"
          "## 栀子丰收 栀农犯愁\n\n"
          "素称“金栀之乡”的湖\n北长阳土家族自治县\n\n"
          "目前，除一些小商贩\n收购少量的栀子外。\n\n"
          "###### 走出交通肇 事后的误区 ######\n"
          "本报香港1月6日讯 记\n者沈芳仁报道：\n")
    assert heads_and_paras(peers.markdown_to_articles(md)) == [
        (None, ["1998年1月7日 星期三"]),
        ("栀子丰收 栀农犯愁",
         ["素称“金栀之乡”的湖北长阳土家族自治县", "目前，除一些小商贩收购少量的栀子外。"]),
        ("走出交通肇 事后的误区", ["本报香港1月6日讯 记者沈芳仁报道："]),
    ]


def test_markdown_bold_lines_emphasis_bullets_and_rules():
    md = ("**整行粗体的标题**\n\n"
          "有**加粗**和 _斜体_ 的\n- 列表项\n\n"
          "---\n"
          "`代码`之后\n\n"
          "#\n"
          "空标题下的段落\n")
    assert heads_and_paras(peers.markdown_to_articles(md)) == [
        ("整行粗体的标题", ["有加粗和 斜体 的列表项", "代码之后"]),
        (None, ["空标题下的段落"]),
    ]


def test_markdown_edge_cases():
    assert peers.markdown_to_articles("") == []
    assert peers.markdown_to_articles("\n\n  \n") == []
    # a heading with nothing under it is still an article (the reading is literal)
    assert heads_and_paras(peers.markdown_to_articles("# 引题\n# 主题\n正文")) == [
        ("引题", []), ("主题", ["正文"])]
    # not headings: no space after '#', seven '#', a bold phrase inside a line
    md = "#话题\n####### 七个\n**半行**粗体\n"
    assert heads_and_paras(peers.markdown_to_articles(md)) == [
        (None, ["#话题####### 七个半行粗体"])]


# --- elements -> articles --------------------------------------------------------------------

def test_elements_titles_start_articles_body_categories_are_paragraphs():
    elements = [
        ("Header", "1998年1月7日 星期三"), ("UncategorizedText", "（上接A1版）"),
        ("Title", "栀子丰收 栀农犯愁"), ("NarrativeText", "素称“金栀之乡”的湖 北长阳"),
        ("PageNumber", "10"), ("Text", "目前"), ("ListItem", "一是"), ("Footer", "（下转A3版）"),
        ("Image", "图"), ("FigureCaption", "图为"), ("NarrativeText", "  "),
        ("Title", "走出误区"), ("Title", ""), ("UncategorizedText", "本报讯"),
    ]
    assert heads_and_paras(peers.elements_to_articles(elements)) == [
        (None, ["（上接A1版）"]),
        ("栀子丰收 栀农犯愁", ["素称“金栀之乡”的湖 北长阳", "目前", "一是"]),
        ("走出误区", []),
        (None, ["本报讯"]),
    ]
    assert peers.elements_to_articles([("Header", "x"), ("Footer", "y")]) == []


def test_page_dict_is_schema_shaped_for_a_pdf():
    arts = peers.elements_to_articles([("Title", "标题"), ("NarrativeText", "正文")])
    page = peers.pdf_page_dict("标题\n\n正文", "/x/page.pdf", arts)
    assert page["source"]["kind"] == "pdf" and page["source"]["path"] == "/x/page.pdf"
    assert len(page["source"]["sha256"]) == 64
    assert [a["id"] for a in page["articles"]] == ["a1"]
    assert set(arts[0]) >= {"kicker", "headline", "subtitle", "byline", "paragraphs", "source"}


def test_available_reasons(monkeypatch):
    assert "unknown peer" in peers.available("nope")
    monkeypatch.setitem(peers._NEEDS, "pymupdf4llm", ("no_such_module_for_banmian",))
    reason = peers.available("pymupdf4llm")
    assert reason and "no_such_module_for_banmian" in reason and ".[peers]" in reason
    assert "\n" not in reason


# --- the peers on a real page ----------------------------------------------------------------

RUN_PEERS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bench.peers import PEERS, available
pdf, target, names = sys.argv[2], sys.argv[3], sys.argv[4:]
results = {}
for name in names:
    reason = available(name)
    results[name] = {"skip": reason} if reason else {"page": PEERS[name](pdf)}
open(target, "w", encoding="utf-8").write(json.dumps(results))
"""


@pytest.fixture(scope="module")
def peer_runs(tmp_path_factory):
    """The peers started on the small page, one process per library, the processes in parallel
    (importing unstructured alone takes ~5 s: this keeps the whole file under 10 s)."""
    pdf = pages_dir() / SMALL_PAGE
    if not (data_available() and pdf.exists()):
        yield {}
        return
    out = tmp_path_factory.mktemp("peers")
    by_library: dict[tuple, list[str]] = {}
    for name in peers.PEERS:
        by_library.setdefault(peers._NEEDS[name], []).append(name)
    runs = {}
    for i, names in enumerate(by_library.values()):
        target = out / f"run{i}.json"
        proc = subprocess.Popen([sys.executable, "-c", RUN_PEERS, str(REPO), str(pdf), str(target),
                                 *names], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        runs.update({name: (proc, target) for name in names})
    yield runs
    for proc, _ in runs.values():
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("name", list(peers.PEERS))
def test_peer_runs_on_a_dev_pdf(name, peer_runs):
    if not peer_runs:
        pytest.skip(f"shared data not found at {pages_dir()} (set BANMIAN_SHARED)")
    proc, target = peer_runs[name]
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    result = json.loads(target.read_text(encoding="utf-8"))[name]
    if "skip" in result:
        pytest.skip(f"peer {name} not installed: {result['skip']}")
    page = result["page"]
    assert page["source"]["kind"] == "pdf"
    assert any(a["paragraphs"] and all(p.strip() for p in a["paragraphs"])
               for a in page["articles"])
