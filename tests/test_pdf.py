"""The PDF path: reader errors, the geometry layout on pages typeset by tests/pdfgen.py, the
CLI (`parse` on PDFs, `--pages`, `debug`), and one dev PDF when the shared data is there."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
pytest.importorskip("fontTools", reason="the test PDFs are built with fontTools (the `test` extra)")

from pdfgen import DISPLAY_FONT, PdfBuilder  # noqa: E402

from banmian import cli  # noqa: E402
from banmian.errors import BadInput  # noqa: E402
from banmian.invariant import input_chars, printed_chars  # noqa: E402
from banmian.model import Line  # noqa: E402
from banmian.pipeline import iter_pdf_pages  # noqa: E402
from banmian.readers.pdf import page_numbers, read_pdf  # noqa: E402
from banmian.stages.place_heads import head_fields  # noqa: E402
from banmian.writers.json import page_to_dict  # noqa: E402

SIZE, LEADING, COL_EM = 10.0, 14.0, 12  # body size, baseline step, column width in em
COLS = [40.0, 180.0, 320.0]  # left edges: 12 em columns, 2 em gutters
TOP = 700.0

A_PARAS = ["本报讯（记者 王小明）春节前夕，城东新区的居民们迎来了好消息：新建的社区图书馆正式开放，藏书三万余册，每天开放十二小时。",
           "图书馆负责人介绍，馆内设有少儿阅览区、报刊区和自习区，周末还将举办读书会和讲座，欢迎市民前来借阅。",
           "不少居民表示，家门口有了图书馆，孩子们放学后有了好去处，老人们也可以在这里读书看报，生活更加充实。"]
B_PARAS = ["近日，市农业部门组织专家深入田间地头，为种植户讲解冬季大棚蔬菜的管理技术，帮助农民增收致富。",
           "专家们提醒，寒潮来临前要及时加固棚膜，夜间注意保温，白天适当通风，防止病害发生。"]
C_PARAS = ["记者从市交通局获悉，今年全市将新开通公交线路八条，优化调整线路十五条，方便群众出行。",
           "新线路主要服务于新建居民区和工业园区，高峰时段发车间隔将缩短到五分钟以内，市民出行将更加便捷，等车时间也会明显减少，受到沿线居民的普遍欢迎和好评，大家纷纷点赞"]


def typeset(b: PdfBuilder, paragraphs: list[str], boxes: list[tuple[float, float, float]],
            size: float = SIZE, width_em: int = COL_EM) -> list[tuple[float, float, float]]:
    """Set paragraphs into column boxes (left x, top baseline, lowest baseline) like a
    newspaper: 2-em first-line indent, full lines, a short last line; returns the boxes' used
    extents (left, top, last baseline)."""
    lines: list[tuple[str, bool]] = []
    for para in paragraphs:
        first, rest = para[: width_em - 2], para[width_em - 2:]
        lines.append((first, True))
        lines += [(rest[i:i + width_em], False) for i in range(0, len(rest), width_em)]
    used, k = [], 0
    for left, top, bottom in boxes:
        y = top
        while k < len(lines) and y >= bottom:
            text, indent = lines[k]
            b.text(left + (2 * size if indent else 0), y, text, size)
            y -= LEADING
            k += 1
        used.append((left, top, y + LEADING))
    assert k == len(lines), "the boxes are too small for the text"
    return used


def demo_page(tmp_path: Path, name: str = "page.pdf") -> str:
    """A page with a header, article A (headline over columns 0-1, a subtitle, a lead-in byline)
    stacked over article C (a jump line), and article B in column 2 (a byline line, a picture
    with a caption, a source credit)."""
    b = PdfBuilder(480, 760)
    b.text(40, 735, "2024年3月5日 星期二", 9, DISPLAY_FONT).text(300, 735, "第3版 城市", 9, DISPLAY_FONT)
    b.rule(38, 728, 442, 1.2)
    b.text(60, 690, "城东新区社区图书馆开放", 22, DISPLAY_FONT)
    b.text(70, 668, "藏书三万余册每天开放十二小时", 12)
    typeset(b, A_PARAS, [(COLS[0], 645, 520), (COLS[1], 645, 520)])
    b.rule(38, 505, 302, 0.8)
    b.text(60, 475, "公交新线路将开通", 22, DISPLAY_FONT)
    used = typeset(b, C_PARAS, [(COLS[0], 450, 330), (COLS[1], 450, 380)])
    b.text(COLS[1] + 50, used[1][2] - LEADING, "（下转第二版）", SIZE, DISPLAY_FONT)  # right-aligned
    b.text(COLS[2], 690, "专家进棚传技术", 17, DISPLAY_FONT)
    b.text(COLS[2] + 20, 668, "本报记者 李红", SIZE, DISPLAY_FONT)
    b.picture(COLS[2], 560, COLS[2] + 120, 650)
    b.text(COLS[2], 546, "图为专家在大棚里讲解。", 8.5, DISPLAY_FONT)
    used = typeset(b, B_PARAS, [(COLS[2], 525, 300)])
    b.text(COLS[2] + 50, used[0][2] - LEADING, "据《农民日报》", SIZE)
    return b.save(tmp_path / name)


def parse_one(path: str) -> dict:
    pages = [page_to_dict(p) for p in iter_pdf_pages(path)]
    assert len(pages) == 1
    return pages[0]


# --- layout -------------------------------------------------------------------------------

def test_demo_page_articles_in_reading_order(tmp_path):
    page = parse_one(demo_page(tmp_path))
    heads = [a["headline"] for a in page["articles"]]
    assert heads == ["城东新区社区图书馆开放", "公交新线路将开通", "专家进棚传技术"]
    a, c, b = page["articles"]
    assert a["subtitle"] == "藏书三万余册每天开放十二小时" and a["kicker"] is None
    assert a["byline"] == "本报讯（记者 王小明）"
    assert a["reporters"] == ["王小明"]
    assert a["paragraphs"] == [A_PARAS[0].replace("本报讯（记者 王小明）", "")] + A_PARAS[1:]
    assert c["paragraphs"] == C_PARAS and c["jump"] == "（下转第二版）"
    assert b["paragraphs"] == B_PARAS
    assert b["byline"] == "本报记者 李红"
    assert b["captions"] == ["图为专家在大棚里讲解。"]
    assert (b["source"], b["source_line"]) == ("农民日报", "据《农民日报》")
    assert page["page"]["date"] == "2024-03-05" and page["page"]["label"] == "第3版"
    assert page["source"]["kind"] == "pdf"


def test_demo_page_loses_nothing(tmp_path):
    path = demo_page(tmp_path)
    page = parse_one(path)
    text = "".join(c.text for p in read_pdf(path) for c in p.chars if not c.generated)
    assert printed_chars(page) == input_chars(text)
    assert page["unassigned"] == []


def test_headline_over_part_of_its_columns(tmp_path):
    """Two articles share a band: L's headline stands over column 0 only, R's over column 2 only;
    the uncovered column 1 is L's (its text runs on from column 0) — and when column 1 starts a
    new article with a dateline lead instead, it is R's first column."""
    def page(col1_starts_r: bool) -> dict:
        b = PdfBuilder(480, 760)
        b.text(COLS[0], 690, "左边的标题", 20, DISPLAY_FONT)
        b.text(COLS[2], 690, "右边的标题", 20, DISPLAY_FONT)
        left = A_PARAS[:2] if col1_starts_r else A_PARAS
        typeset(b, left, [(COLS[0], 665, 500)] + ([] if col1_starts_r else [(COLS[1], 700, 500)]))
        right = ["新华社北京3月4日电" + C_PARAS[0], C_PARAS[1]] if col1_starts_r else C_PARAS
        boxes = [(COLS[1], 700, 600), (COLS[2], 665, 400)] if col1_starts_r else [(COLS[2], 665, 400)]
        typeset(b, right, boxes)
        return parse_one(b.save(tmp_path / f"split{col1_starts_r}.pdf"))

    runs_on = page(False)
    assert [a["headline"] for a in runs_on["articles"]] == ["左边的标题", "右边的标题"]
    assert runs_on["articles"][0]["paragraphs"][-1] == A_PARAS[-1]
    starts_r = page(True)
    left, right = starts_r["articles"]
    assert left["paragraphs"] == [A_PARAS[0].replace("本报讯（记者 王小明）", ""), A_PARAS[1]]
    assert right["headline"] == "右边的标题" and right["byline"] == "新华社北京3月4日电"
    assert right["paragraphs"] == C_PARAS


def test_a_run_opening_with_a_lead_starts_its_own_article(tmp_path):
    """Column 1 has no headline over it (a picture hid it from OCR: dev page 2) and opens with a
    dateline lead between two headed articles, L's text in column 0 and R's, opening with its
    own lead, in column 2: it is an article of its own, neither L's continuation nor R's start."""
    b = PdfBuilder(480, 760)
    b.text(COLS[0], 690, "左边的标题", 20, DISPLAY_FONT)
    b.text(COLS[2], 690, "右边的标题", 20, DISPLAY_FONT)
    typeset(b, A_PARAS, [(COLS[0], 665, 400)])
    middle = ["新华社北京3月4日电" + B_PARAS[0], B_PARAS[1]]
    typeset(b, middle, [(COLS[1], 665, 400)])
    typeset(b, ["本报讯" + C_PARAS[0], C_PARAS[1]], [(COLS[2], 665, 400)])
    page = parse_one(b.save(tmp_path / "three.pdf"))
    assert [a["headline"] for a in page["articles"]] == ["左边的标题", None, "右边的标题"]
    assert page["articles"][1]["byline"] == "新华社北京3月4日电"
    assert page["articles"][1]["paragraphs"] == B_PARAS


def test_a_column_that_stops_short_ends_its_article(tmp_path):
    """L's text stops high in column 0, a blank under it; column 1, no headline over it (a
    picture hid it from OCR: dev page 9), runs on much lower: a new article, not L's next
    column. Set in balanced columns (both ending level), or over a picture, column 1 is L's."""
    def page(layout: str) -> dict:
        b = PdfBuilder(480, 760)
        b.text(COLS[0], 690, "左边的标题", 20, DISPLAY_FONT)
        if layout == "balanced":
            typeset(b, A_PARAS, [(COLS[0], 665, 560), (COLS[1], 665, 560)])
        elif layout == "picture":
            typeset(b, A_PARAS, [(COLS[0], 665, 610), (COLS[1], 665, 400)])
            b.picture(COLS[0], 530, COLS[0] + 120, 595)
        else:
            typeset(b, A_PARAS[:1], [(COLS[0], 665, 560)])
            typeset(b, B_PARAS + C_PARAS, [(COLS[1], 665, 400)])
        return parse_one(b.save(tmp_path / f"{layout}.pdf"))

    short = page("short")
    assert [a["headline"] for a in short["articles"]] == ["左边的标题", None]
    assert short["articles"][1]["paragraphs"] == B_PARAS + C_PARAS
    for layout in ("balanced", "picture"):
        runs_on = page(layout)
        assert [a["headline"] for a in runs_on["articles"]] == ["左边的标题"], layout
        assert runs_on["articles"][0]["paragraphs"][1:] == A_PARAS[1:], layout


def line(text: str, size: float, top: float, kind: str = "head") -> Line:
    return Line(0, text, text, kind=kind, box=(0, top - size, 100, top), font_size=size)


@pytest.mark.parametrize("sizes, expect", [
    ([30], {"headline": "甲"}),
    ([30, 30], {"headline": "甲 乙"}),
    ([14, 30], {"kicker": "甲", "headline": "乙"}),
    ([30, 14], {"headline": "甲", "subtitle": "乙"}),
    ([14, 30, 30, 12], {"kicker": "甲", "headline": "乙 丙", "subtitle": "丁"}),
    ([13, 9, 9], {"kicker": "甲", "headline": "乙 丙"}),  # a long headline shrunk below its kicker
])
def test_head_fields_by_size_groups(sizes, expect):
    block = [line(t, s, 500 - 40 * i) for i, (t, s) in enumerate(zip("甲乙丙丁", sizes))]
    got = {k: v for k, v in head_fields(block).items() if v}
    assert got == expect


def test_byline_above_the_headline_is_a_kicker():
    block = [line("本报记者 李红", 10, 500, kind="byline"), line("标题", 30, 460)]
    assert head_fields(block) == {"kicker": "本报记者 李红", "headline": "标题", "subtitle": None, "byline": None}


# --- reader errors and page selection -------------------------------------------------------

def test_page_numbers():
    assert page_numbers(None, 3) == [1, 2, 3]
    assert page_numbers("3,1-2", 5) == [1, 2, 3]
    for bad in ("0", "4", "2-1", "x"):
        with pytest.raises(BadInput):
            page_numbers(bad, 3)


def empty_pdf(tmp_path) -> str:
    b = PdfBuilder()
    b.pages = []
    return b.save(tmp_path / "empty.pdf")


@pytest.mark.parametrize("make, message", [
    (lambda d: PdfBuilder().text(50, 700, "标题", 20).save(d / "enc.pdf", encrypt=True),
     "is an encrypted PDF; decrypt it first"),
    (lambda d: (d / "bad.pdf").write_bytes(demo_bytes()[:900]) and str(d / "bad.pdf"),
     "is not a readable PDF: the file is corrupt or truncated"),
    (empty_pdf, "is a PDF with no pages"),
])  # an image-only PDF is read by OCR, or refused when no engine is installed: tests/test_ocr.py
def test_bad_pdfs_are_one_line_exit_2(tmp_path, capsys, make, message):
    path = make(tmp_path)
    out_file = tmp_path / "out.json"
    code = cli.main(["parse", path, "-o", str(out_file)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.count("\n") == 1 and message in captured.err and "Traceback" not in captured.err
    assert not out_file.exists()


def demo_bytes() -> bytes:
    b = PdfBuilder()
    typeset(b, A_PARAS, [(COLS[0], 645, 100)])
    return b.to_bytes()


def test_pages_option_selects_pdf_pages(tmp_path, capsys):
    b = PdfBuilder(480, 760)
    b.text(COLS[0], 690, "第一页的标题", 20, DISPLAY_FONT)
    typeset(b, A_PARAS[:1], [(COLS[0], 665, 100)])
    b.new_page().text(COLS[0], 690, "第二页的标题", 20, DISPLAY_FONT)
    typeset(b, B_PARAS[:1], [(COLS[0], 665, 100)])
    path = b.save(tmp_path / "two.pdf")
    assert cli.main(["parse", path]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["articles"][0]["headline"] for x in lines] == ["第一页的标题", "第二页的标题"]
    assert cli.main(["parse", path, "--pages", "2"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["articles"][0]["headline"] == "第二页的标题" and page["page"]["index"] == 1
    assert cli.main(["parse", path, "--pages", "3"]) == 2
    assert "has 2 page(s); cannot read pages 3" in capsys.readouterr().err


# --- debug drawing ----------------------------------------------------------------------------

def test_debug_draws_a_png(tmp_path, capsys):
    path = demo_page(tmp_path)
    out = tmp_path / "layout.png"
    assert cli.main(["debug", path, "-o", str(out), "--scale", "1"]) == 0
    assert "drew 3 article(s)" in capsys.readouterr().err
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    with Image.open(out) as im:
        assert im.size == (480, 760)
        colours = im.getcolors(maxcolors=1 << 20)
    assert len(colours) > 10  # the page and the drawing, not a blank image


def test_debug_refuses_text_dumps(tmp_path, capsys):
    dump = tmp_path / "page.txt"
    dump.write_text("标题\n正文。\n", encoding="utf-8")
    out = tmp_path / "x.png"
    assert cli.main(["debug", str(dump), "-o", str(out)]) == 2
    assert "is not a PDF: banmian debug draws PDF pages" in capsys.readouterr().err
    assert not out.exists()


# --- a real dev page ------------------------------------------------------------------------

DEV_PDF = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages-dev" / "page_0042.pdf"


@pytest.mark.skipif(not DEV_PDF.exists(), reason=f"shared dev data not found at {DEV_PDF}")
def test_dev_page_matches_its_gold():
    gold = json.loads(DEV_PDF.with_name("page_0042.gold.json").read_text(encoding="utf-8"))
    page = parse_one(str(DEV_PDF))
    want = {a["headline"]: "".join(a["paragraphs"]) for a in gold["articles"]}
    got = {a["headline"]: "".join(a["paragraphs"]) for a in page["articles"]}
    assert got == want


def test_a_short_one_column_text_is_one_article(tmp_path):
    """Few lines, no headline, no rules: the indented first lines outnumber the full ones, and
    the column is still the full lines' width."""
    b = PdfBuilder(480, 760)
    typeset(b, A_PARAS + B_PARAS, [(40, 700, 60)], width_em=30)
    page = parse_one(b.save(tmp_path / "brief.pdf"))
    assert len(page["articles"]) == 1 and page["unassigned"] == []
    art = page["articles"][0]
    assert art["byline"] == "本报讯（记者 王小明）"
    assert art["paragraphs"] == [A_PARAS[0].replace("本报讯（记者 王小明）", ""), *A_PARAS[1:], *B_PARAS]


def test_a_single_line_of_text(tmp_path):
    page = parse_one(PdfBuilder().text(50, 700, "正文只有一行。", 10).save(tmp_path / "one.pdf"))
    assert [a["paragraphs"] for a in page["articles"]] == [["正文只有一行。"]]
