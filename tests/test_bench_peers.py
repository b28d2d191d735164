"""bench/peers.py: the heading-as-article-start readings, and each peer on one dev PDF.

The conversion tests need neither the peer packages nor the data (the pdfplumber test on a PDF
made by tests/pdfgen.py needs pdfplumber and fontTools, and skips without them). The last test runs every
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
from pdfgen import DISPLAY_FONT, PdfBuilder  # noqa: E402  (pytest puts tests/ on sys.path)

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


# --- sized lines -> articles (pdfplumber) ---------------------------------------------------

def sized(text: str, size: float, top: float, page: int = 0, body: float = 10.0):
    return peers.SizedLine(text, size, top, top + size, body, page)


def test_sized_lines_large_lines_start_articles_gaps_split_paragraphs():
    lines = [
        sized("1998年1月7日 星期三", 10, 20),
        sized("栀子丰收", 24, 50), sized("栀农犯愁", 24, 76),       # one headline on two lines
        sized("素称“金栀之乡”的湖", 10, 110), sized("北长阳土家族自治县", 10, 122),
        sized("目前，除一些小商贩", 10, 142),                       # gap 10 = PARA_GAP body sizes
        sized("收购少量的栀子外。", 10, 154),
        sized("   ", 10, 170),
        sized("走出误区", 18, 190),
        sized("本报讯 记", 10, 212), sized("者报道：", 10, 224),
    ]
    assert heads_and_paras(peers.sized_lines_to_articles(lines)) == [
        (None, ["1998年1月7日 星期三"]),
        ("栀子丰收栀农犯愁", ["素称“金栀之乡”的湖北长阳土家族自治县", "目前，除一些小商贩收购少量的栀子外。"]),
        ("走出误区", ["本报讯 记者报道："]),
    ]


def test_sized_lines_heading_threshold_and_pages():
    # 1.2 times the body size is not "clearly larger"; HEADING_RATIO times it is
    assert not peers.is_heading(sized("小标题", 12, 0))
    assert peers.is_heading(sized("标题", 10 * peers.HEADING_RATIO, 0))
    assert not peers.is_heading(sized("无字号", 30, 0, body=0.0))
    # a new page ends the block and the headline: nothing runs on across pages
    lines = [sized("上页标题", 20, 500), sized("上页正文", 10, 530),
             sized("下页正文", 10, 20, page=1), sized("下页标题", 20, 40, page=1)]
    # the heading of page 1 directly after a heading of page 0 still starts its own article
    lines2 = [sized("上页标题", 20, 500), sized("下页标题", 20, 20, page=1), sized("正文", 10, 50, page=1)]
    assert heads_and_paras(peers.sized_lines_to_articles(lines)) == [
        ("上页标题", ["上页正文", "下页正文"]), ("下页标题", [])]
    assert heads_and_paras(peers.sized_lines_to_articles(lines2)) == [
        ("上页标题", []), ("下页标题", ["正文"])]
    assert peers.sized_lines_to_articles([]) == []


def test_most_common_size_rounds_and_breaks_ties_upwards():
    assert peers.most_common_size([9.2000001, 9.19999, 9.3, 24.8]) == 9.2
    assert peers.most_common_size([9.2, 9.3]) == 9.3
    assert peers.most_common_size([]) == 0.0


class FakePlumberPage:
    """What plumber_lines reads of a pdfplumber page: `chars` and `extract_text_lines`."""

    def __init__(self, lines):
        self._lines = [{"text": t, "top": top, "bottom": top + sizes[0],
                        "chars": [{"size": s} for s in sizes]} for t, top, sizes in lines]
        self.chars = [c for ln in self._lines for c in ln["chars"]]

    def extract_text_lines(self, strip=True, return_chars=True):
        assert strip and return_chars
        return self._lines


def test_plumber_lines_take_the_pages_body_size_and_each_lines_common_size():
    page = FakePlumberPage([("大标题", 10, [30, 30, 30]), ("正文一行", 50, [9.2, 9.2, 9.3, 9.2]),
                            ("正文 混排", 62, [9.2, 9.2, 20, 9.2])])
    lines = peers.plumber_lines(page, 3)
    assert [(ln.text, ln.size, ln.body, ln.page) for ln in lines] == [
        ("大标题", 30, 9.2, 3), ("正文一行", 9.2, 9.2, 3), ("正文 混排", 9.2, 9.2, 3)]
    assert [peers.is_heading(ln) for ln in lines] == [True, False, False]


def test_pdfplumber_page_on_a_generated_pdf(tmp_path):
    pytest.importorskip("pdfplumber")
    pytest.importorskip("fontTools")
    pdf = (PdfBuilder()
           .text(40, 760, "栀子丰收", size=24, font=DISPLAY_FONT)
           .text(40, 730, "素称金栀之乡的湖北")
           .text(40, 717, "长阳土家族自治县。")
           .text(40, 690, "目前除一些小商贩外")  # a gap of an empty line: a new paragraph
           .text(40, 640, "走出误区", size=18, font=DISPLAY_FONT)
           .text(40, 615, "本报讯记者报道。")
           .save(tmp_path / "page.pdf"))
    page = peers.pdfplumber_page(pdf)
    assert page["source"]["kind"] == "pdf" and len(page["source"]["sha256"]) == 64
    assert heads_and_paras(page["articles"]) == [
        ("栀子丰收", ["素称金栀之乡的湖北长阳土家族自治县。", "目前除一些小商贩外"]),
        ("走出误区", ["本报讯记者报道。"]),
    ]


def test_pdfplumber_unavailable_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import pdfplumber now fails
    reason = peers.available("pdfplumber")
    assert reason and reason.startswith("pdfplumber needs pdfplumber") and ".[peers]" in reason
    assert "\n" not in reason


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
