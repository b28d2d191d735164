"""Scanned pages: page images and image-only PDFs read by OCR into the PDF path's layout.

The OCR runs on a few small images the tests render themselves from a dev PDF (one article of
dev page 1 at 200 dpi; glyphs cut from it and stacked as vertical text); they skip when the
shared data or rapidocr-onnxruntime is missing. Hostile images (blank, a photo without text,
20,000 × 20,000 px, a truncated TIFF) and the pure helpers need neither.
"""
from __future__ import annotations

import io
import json
import struct
import sys
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from banmian import cli  # noqa: E402
from banmian.errors import BadInput  # noqa: E402
from banmian.model import Source  # noqa: E402
from banmian.pipeline import PDF_STAGES, page_from_pdf, run_stages  # noqa: E402
from banmian.readers import ocr_engines  # noqa: E402
from banmian.readers.image import load_images  # noqa: E402
from banmian.readers.ocr import correct_punctuation, is_vertical_page, ocr_page, turn_line  # noqa: E402
from banmian.readers.ocr_engines import OcrChar, OcrLine, engine_available, tesseract_lines  # noqa: E402
from banmian.readers.ocr_sizes import snap_sizes  # noqa: E402
from banmian.writers.json import page_to_dict  # noqa: E402

Image = pytest.importorskip("PIL.Image")
np = pytest.importorskip("numpy")

DEV_PDF = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages-dev" / "page_0001.pdf"
ARTICLE_LINES = (4, 34)  # dev page 1's first article (its headline and two columns), PDF path line numbers
DPI = 200
needs_dev = pytest.mark.skipif(not DEV_PDF.exists(), reason=f"shared dev data not found at {DEV_PDF}")
needs_ocr = pytest.mark.skipif(not engine_available("rapidocr"),
                               reason="rapidocr-onnxruntime not installed (pip install 'banmian[ocr]')")


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("banmian: error: "), err
    return lines[0]


# --- images rendered from the dev PDF -------------------------------------------------------

@pytest.fixture(scope="module")
def dev_article():
    """(the crop of dev page 1's first article as a 200-dpi RGB image, that article as the PDF
    path reads it from the text layer, the PDF lines of the crop)."""
    if not DEV_PDF.exists():
        pytest.skip(f"shared dev data not found at {DEV_PDF}")
    import pypdfium2 as pdfium

    from banmian.pipeline import iter_pdf_pages

    page = next(iter_pdf_pages(str(DEV_PDF)))
    truth = page_to_dict(page)["articles"][0]
    lines = [ln for ln in page.lines if ARTICLE_LINES[0] <= ln.no <= ARTICLE_LINES[1]]
    x0, y0 = min(ln.box[0] for ln in lines) - 6, min(ln.box[1] for ln in lines) - 6
    x1, y1 = max(ln.box[2] for ln in lines) + 6, max(ln.box[3] for ln in lines) + 6
    doc = pdfium.PdfDocument(str(DEV_PDF))
    try:
        pdf_page = doc[0]
        height = pdf_page.get_size()[1]
        k = DPI / 72
        img = pdf_page.render(scale=k).to_pil().convert("RGB")
        pdf_page.close()
    finally:
        doc.close()
    crop = img.crop((int(x0 * k), int((height - y1) * k), int(x1 * k), int((height - y0) * k)))
    return crop, truth, [(ln, (ln.box[0] - x0) * k, (y1 - ln.box[3]) * k) for ln in lines]


def similarity(a: str, b: str) -> float:
    """1 − normalised edit distance."""
    from rapidfuzz.distance import Levenshtein  # the bench extra, installed by make test

    return 1 - Levenshtein.normalized_distance(a, b)


@pytest.fixture(scope="module")
def parsed_tiff(dev_article, tmp_path_factory):
    """`banmian parse` on a two-page TIFF: the article crop, then a blank page (one OCR run)."""
    if not engine_available("rapidocr"):
        pytest.skip("rapidocr-onnxruntime not installed (pip install 'banmian[ocr]')")
    crop = dev_article[0]
    path = tmp_path_factory.mktemp("ocr") / "scan.tif"
    blank = Image.new("RGB", (400, 300), "white")
    crop.save(path, save_all=True, append_images=[blank], dpi=(DPI, DPI), compression="tiff_deflate")
    code = cli.main(["parse", str(path), "--no-entities", "-o", str(path.with_suffix(".jsonl"))])
    assert code == 0
    return [json.loads(x) for x in path.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()]


@needs_dev
@needs_ocr
def test_image_reads_as_the_pdf_does(parsed_tiff, dev_article):
    first, blank = parsed_tiff
    truth = dev_article[1]
    assert first["source"]["kind"] == "image" and first["source"]["ocr"] == "rapidocr"
    assert [first["page"]["index"], blank["page"]["index"]] == [0, 1]
    assert len(first["articles"]) == 1
    art = first["articles"][0]
    assert art["headline"] == truth["headline"]
    assert len(art["paragraphs"]) == len(truth["paragraphs"])
    assert similarity("".join(art["paragraphs"]), "".join(truth["paragraphs"])) >= 0.97
    assert blank["articles"] == [] and blank["unassigned"] == []


@needs_dev
@needs_ocr
def test_low_confidence_field_points_into_the_text(parsed_tiff):
    art = parsed_tiff[0]["articles"][0]
    assert isinstance(art["low_confidence"], list)
    lo, hi = art["lines"][0][0], art["lines"][-1][1]
    for mark in art["low_confidence"]:
        assert lo <= mark["line"] <= hi and 0 <= mark["confidence"] < 0.8
        assert mark["char"] in mark["context"]


@needs_dev
@needs_ocr
def test_image_only_pdf_is_read_by_ocr(dev_article, tmp_path, capsys):
    crop, truth, _ = dev_article
    path = tmp_path / "scan.pdf"
    crop.save(path, resolution=DPI)
    code, out, err = run(capsys, "parse", path, "--no-entities")
    assert code == 0, err
    page = json.loads(out)
    assert page["source"]["kind"] == "pdf" and page["source"]["ocr"] == "rapidocr"
    assert [a["headline"] for a in page["articles"]] == [truth["headline"]]


def vertical_image(dev_article, columns: int = 3, per_column: int = 8):
    """Glyphs of the article's body lines cut from the crop and stacked as vertical text:
    columns right to left, each read top to bottom; returns the image and its text in order."""
    crop, _, lines = dev_article
    glyphs = []
    for ln, left, top in lines[2:]:
        size = ln.font_size * DPI / 72
        text = ln.text.replace(" ", "")
        if not all(ord(ch) > 0x2E7F for ch in text):  # half-width characters: skip the line
            continue
        step = (ln.box[2] - ln.box[0]) * DPI / 72 / len(text)
        for i, ch in enumerate(text):
            if "\u4e00" <= ch <= "\u9fff":
                box = (round(left + i * step), round(top), round(left + i * step + size), round(top + size * 1.05))
                glyphs.append((ch, crop.crop(box)))
        if len(glyphs) >= columns * per_column:
            break
    cell = glyphs[0][1].size[0]
    gap = cell
    img = Image.new("RGB", (gap + columns * (cell + gap), 2 * cell + per_column * int(cell * 1.1)), "white")
    text = ""
    for c in range(columns):
        x = img.size[0] - (c + 1) * (cell + gap)
        for r in range(per_column):
            ch, glyph = glyphs[c * per_column + r]
            img.paste(glyph, (x, cell + r * int(cell * 1.1)))
            text += ch
    return img, text


@needs_dev
@needs_ocr
def test_vertical_text_reads_top_to_bottom_right_to_left(dev_article, tmp_path, capsys):
    img, text = vertical_image(dev_article)
    path = tmp_path / "vertical.png"
    img.save(path, dpi=(DPI, DPI))
    code, out, err = run(capsys, "parse", path, "--no-entities")
    assert code == 0, err
    page = json.loads(out)
    got = "".join("".join(a["paragraphs"]) + "".join(filter(None, (a["headline"], a["kicker"], a["subtitle"])))
                  for a in page["articles"]) + "".join(u["text"] for u in page["unassigned"])
    assert similarity(got.replace(" ", ""), text) >= 0.8, (got, text)


# --- images that hold no page ----------------------------------------------------------------

@needs_ocr
def test_blank_image_and_photo_give_no_articles(tmp_path, capsys):
    blank = tmp_path / "blank.png"
    Image.new("RGB", (600, 800), "white").save(blank)
    photo = tmp_path / "photo.jpg"
    yy, xx = np.mgrid[0:600, 0:800]
    rgb = np.stack([(xx * 255 / 800), (yy * 255 / 600), 128 + 100 * np.sin(xx / 40.0) * np.cos(yy / 30.0)], axis=-1)
    Image.fromarray(rgb.clip(0, 255).astype("uint8")).save(photo, quality=90)
    for path in (blank, photo):
        code, out, err = run(capsys, "parse", path, "--no-entities")
        assert code == 0, err
        assert json.loads(out)["articles"] == []


def png_header_only(path: Path, width: int, height: int) -> None:
    """A PNG that declares width × height (8-bit grey) and holds one compressed row: decoding it
    would need width × height bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" + b"\xff" * width)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def test_huge_image_is_refused_before_decoding(tmp_path, capsys):
    path = tmp_path / "huge.png"
    png_header_only(path, 20_000, 20_000)
    code, _, err = run(capsys, "parse", path)
    assert code == 2
    assert "too large" in one_error_line(err) and "Mpx" in err


def test_truncated_tiff_is_one_line(tmp_path, capsys):
    buf = io.BytesIO()
    Image.new("RGB", (500, 400), "white").save(buf, format="TIFF")
    path = tmp_path / "cut.tif"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 3])
    code, _, err = run(capsys, "parse", path)
    assert code == 2
    assert "truncated or corrupt" in one_error_line(err)


@pytest.mark.parametrize("name, data, says", [
    ("bad.tif", b"II*\x00" + b"x" * 28, "no image format banmian reads (PNG, JPEG, TIFF…) recognises it; the file "
     "is corrupt, truncated or of another format"),
    ("bad.png", b"\x89PNG\r\n\x1a\n" + b"x" * 28, "the file is truncated or corrupt"),
])
def test_a_broken_image_is_said_in_plain_words(tmp_path, capsys, name, data, says):
    # it said `(UnidentifiedImageError)`, `(OSError)`, and a broken TIFF's EXIF warning made a second line
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = run(capsys, "parse", path)
    assert code == 2
    assert one_error_line(err) == f"banmian: error: {path} is not a readable image: {says}"


def test_missing_engine_is_one_line(tmp_path, capsys, monkeypatch):
    def unavailable(name="rapidocr", threads=None):
        raise ocr_engines.OcrUnavailable("OCR needs rapidocr-onnxruntime: pip install 'banmian[ocr]'")
    monkeypatch.setattr(ocr_engines, "make_engine", unavailable)
    png = tmp_path / "page.png"
    Image.new("RGB", (300, 200), "white").save(png)
    pdf = tmp_path / "scan.pdf"
    Image.new("RGB", (300, 200), "white").save(pdf)
    for path, expect in ((png, "OCR needs rapidocr-onnxruntime"), (pdf, "has no text layer (a scanned or image-only PDF)")):
        code, _, err = run(capsys, "parse", path)
        assert code == 2
        assert expect in one_error_line(err)


def test_multi_page_tiff_frames_and_resolution(tmp_path):
    path = tmp_path / "pages.tif"
    Image.new("RGB", (60, 40), "white").save(path, save_all=True, append_images=[Image.new("RGB", (30, 20), "black")],
                                             dpi=(300, 300))
    got = [(n, rgb.shape, dpi) for n, rgb, dpi in load_images(str(path))]
    assert got == [(1, (40, 60, 3), 300.0), (2, (20, 30, 3), 300.0)]
    assert [n for n, _, _ in load_images(str(path), [2])] == [2]
    with pytest.raises(BadInput):
        list(load_images(str(path), [3]))


# --- the pure parts ---------------------------------------------------------------------------

def hand_line(text: str, x: float, top: float, size: float, conf=None) -> OcrLine:
    """An OCR line set solid from x, one em per character."""
    conf = conf or [0.99] * len(text)
    chars = [OcrChar(ch, x + i * size, top, x + (i + 1) * size, top + size, c) for i, (ch, c) in enumerate(zip(text, conf))]
    return OcrLine(text, (x, top, x + len(text) * size, top + size), sum(conf) / len(conf), chars)


def test_low_confidence_characters_are_marked_on_their_article():
    size = 28
    text = ["春节前夕城东新区的居民们迎来了好消息新建的社区图", "书馆正式开放藏书三万余册每天开放十二小时。"]
    lines = [hand_line("社区图书馆开放", 40, 40, 2 * size)]
    lines += [hand_line(t, 40, 200 + i * 40, size, [0.4 if (i, j) == (1, 8) else 0.99 for j in range(len(t))])
              for i, t in enumerate(text)]
    page = run_stages(page_from_pdf(ocr_page(lines, None, 200), Source("x.png", kind="image")), PDF_STAGES)
    out = page_to_dict(page)
    marks = [m for a in out["articles"] for m in a["low_confidence"]] + [m for u in out["unassigned"] for m in u["low_confidence"]]
    assert [(m["char"], m["offset"], m["confidence"], m["context"]) for m in marks] == [("三", 8, 0.4, "开放藏书三万余册每")]


def test_punctuation_corrections():
    def fixed(text: str) -> str:
        return correct_punctuation(hand_line(text, 0, 0, 20), None).text
    assert fixed("北京丶上海") == "北京、上海"
    assert fixed("石油公司—一一中国") == "石油公司———中国"
    assert fixed("一一对应") == "一一对应"  # two 一, no dash: a word
    assert fixed("他说···好") == "他说……好"
    assert fixed("记者(王某)报道") == "记者（王某）报道"
    assert fixed("增长2.3万") == "增长2.3万"
    assert fixed("乔石观看“慈善之春“芭蕾舞") == "乔石观看“慈善之春”芭蕾舞"  # double quotes do not nest
    assert fixed("蓝天“金凤凰’") == "蓝天“金凤凰”"
    assert fixed("他说‘好’，“走”") == "他说‘好’，“走”"
    assert fixed("东海将有5一7级风") == "东海将有5—7级风" and fixed("20时一1月16日") == "20时—1月16日"
    assert fixed("统一1个标准") == "统一1个标准"  # 一 after a word is the numeral
    assert fixed('“007"与冷战思维') == "“007”与冷战思维"  # a straight quote closes the open “ after a digit
    assert fixed("'97财金大势回眸") == "’97财金大势回眸"  # the apostrophe of a year
    assert fixed("it's") == "it's"


def test_a_line_without_character_boxes_gets_them_and_its_corrections():
    line = hand_line('河西走廊"创建纪实', 40, 40, 60)
    line = OcrLine(line.text, line.box, line.confidence, [])  # the engine gave no character boxes
    lines = [line] + [hand_line("城东新区的居民们迎来了好消息新建的社区图书馆", 40, 200 + i * 30, 20) for i in range(6)]
    page = ocr_page(lines, None, 200)
    assert "".join(c.text for c in page.chars).startswith("河西走廊“创建纪实")


def test_sizes_snap_to_tiers_face_by_face():
    sizes = [26.0, 26.8, 25.3, 22.0, 60.0, 63.0]
    snapped = snap_sizes(sizes, [20, 20, 20, 5, 5, 5], [False, False, False, True, True, True])
    assert snapped[:3] == [26.0, 26.0, 26.0]  # the weighted median of the densest window
    assert snapped[3] == 22.0 and snapped[4] == snapped[5] == 60.0  # bold sizes apart from regular ones


def test_vertical_page_turns_a_quarter():
    col = OcrLine("春节前夕", (900, 100, 930, 220), 0.9,
                  [OcrChar(ch, 900, 100 + 30 * i, 930, 130 + 30 * i, 0.9) for i, ch in enumerate("春节前夕")])
    assert is_vertical_page([col]) and not is_vertical_page([hand_line("春节前夕", 0, 0, 30)])
    turned = turn_line(col, width=1000)
    assert turned.box == (100, 70, 220, 100)  # down the column → left to right; right edge → top
    assert [c.x0 for c in turned.chars] == [100, 130, 160, 190]


def test_tesseract_tsv_lines():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t10\t20\t60\t30\t91.5\t春节前\n"
           "5\t1\t1\t1\t1\t2\t75\t20\t20\t30\t40\t夕\n"
           "5\t1\t1\t1\t2\t1\t10\t60\t40\t30\t88\t城东\n")
    lines = tesseract_lines(tsv)
    assert [ln.text for ln in lines] == ["春节前夕", "城东"]
    assert lines[0].chars[1].x0 == 30 and lines[0].chars[3].confidence == 0.4


@needs_ocr
def test_ingest_finds_page_images_in_a_folder_and_records_their_kind(tmp_path):
    from banmian.archive import open_archive
    from banmian.archive.ingest import ingest

    folder = tmp_path / "scans"
    folder.mkdir()
    Image.new("RGB", (600, 800), "white").save(folder / "blank.png")
    store = open_archive(str(tmp_path / "a.sqlite"))
    try:
        report = ingest(store, [str(folder)])
        assert report.files == 1 and report.failures == []
        assert store.db.execute("SELECT kind FROM files").fetchone()[0] == "image"
    finally:
        store.close()


def test_a_shape_crossing_a_caption_box_is_not_its_ink():
    from banmian.readers.ocr_ink import ink_extent

    gray = np.full((200, 400), 255, dtype=np.uint8)
    for i in range(10):  # ten glyphs, 20 px tall, rows 100..120
        gray[100:120, 20 + 30 * i:40 + 30 * i:3] = 0
    box = (15, 95, 330, 125)
    assert ink_extent(gray, box)[1::2] == (100, 120)
    for y in range(40, 112):  # a picture's diagonal stroke runs down into the caption's box
        gray[y, 100 + y:106 + y] = 0
    top, bottom = ink_extent(gray, box)[1::2]
    assert (top, bottom) == (100, 120)


def test_detected_lines_side_by_side_are_runs_of_their_own():
    size = 60  # two headlines a gutter apart on one baseline (0.6 em), and one line cut at a bracket
    lines = [hand_line("添华南虎", 40, 40, size), hand_line("院打分", 40 + 4.6 * size, 40, size),
             hand_line("关开展", 40, 200, size), hand_line("『三优』", 40 + 3.6 * size, 200, size)]
    page = ocr_page(lines, None, 200)
    from banmian.geometry import group_lines

    texts = [pl.text.replace(" ", "") for pl in group_lines(page.chars, page.line_starts)]
    assert texts == ["添华南虎", "院打分", "关开展『三优』"]
    assert len(group_lines(page.chars)) == 2  # without the engine's lines the headlines would join


def test_marks_left_out_by_the_detector_are_named_by_shape():
    from banmian.readers.ocr_marks import name_mark

    assert name_mark("是体育品牌", "L", 0.52, 0.56, 2.0, 1) == "——"  # a two-em bar at mid-height
    assert name_mark("张名片", "L", 0.42, 0.51, 0.8, 1) == "一"  # one em beside a glyph: the numeral
    assert name_mark("一越南的经济", "L", 0.47, 0.50, 0.82, 1) == "—"  # beside a dash read as 一: a dash
    assert name_mark("人情债”越来越", "L", 0.11, 0.35, 0.22, 2) == "“"
    assert name_mark("论“从当地实际出发", "R", 0.12, 0.36, 0.19, 2) == "”"
    assert name_mark("兵妈妈』做红", "L", 0.0, 0.5, 0.16, 1) == "『"
    assert name_mark("人民子弟兵》", "L", 0.1, 0.9, 0.3, 1) == "《"  # a tall mark: the half the line lacks
    assert name_mark("人民子弟兵", "L", 0.1, 0.9, 0.3, 1) is None  # ... and nothing without it
    assert name_mark("人情债”越来越", "L", 0.11, 0.35, 0.22, 2, display=False) is None  # body lines: dashes only
    assert name_mark("是体育品牌", "L", 0.52, 0.56, 5.0, 1) is None  # a rule, not a dash
    assert name_mark("电脑治了“说情风", "L", 0.52, 0.53, 1.08, 6) is None  # a dotted rule
    assert name_mark("百万保险骗赔案", "L", 0.08, 0.13, 0.1, 1) is None  # a speck, not a quote


def test_a_dash_outside_the_detected_box_is_put_back():
    from banmian.readers.ocr_marks import edge_marks

    size = 40
    gray = np.full((200, 800), 255, dtype=np.uint8)
    line = hand_line("是体育品牌", 200, 60, size)
    for i in range(5):  # glyph-like ink inside each character's em
        gray[62:98, 204 + i * size:236 + i * size:4] = 0
    gray[79:83, 112:192] = 0  # a two-em dash left of the box, at mid-height
    body = [hand_line("城东新区的居民们迎来了好消息", 20, 150 + 0, 20)]
    out = edge_marks([line] + body, gray)
    assert out[0].text == "——是体育品牌" and out[0].box[0] <= 112
    assert out[1].text == body[0].text


class _Line:
    """A stand-in for `banmian.readers.ocr_sizes.Measured` (the attributes the sizing rules read)."""

    def __init__(self, text, x0, x1, bottom, size, stroke=0.08, sure=True, bold=False):
        self.line = OcrLine(text, (x0, bottom - size, x1, bottom), 1.0, [])
        self.x0, self.x1, self.top, self.bottom = x0, x1, bottom - size, bottom
        self.size, self.stroke, self.sure, self.bold = size, stroke, sure, bold
        self.measured, self.inherited = True, False


def test_short_bold_names_are_told_by_the_pages_own_strokes():
    from banmian.readers.ocr_sizes import BOLD_STROKE, bold_threshold

    body = [_Line("春节前夕城东新区", 0, 200, 30 * i, 25, stroke=0.076) for i in range(1, 20)]
    assert bold_threshold(body) == pytest.approx(0.076 * 1.15)
    heavy = [_Line("春节前夕城东新区", 0, 200, 30 * i, 25, stroke=0.092) for i in range(1, 20)]
    assert BOLD_STROKE < bold_threshold(heavy) == pytest.approx(0.092 * 1.15)  # a low resolution's heavy body


def test_a_page_whose_lines_all_measure_heavy_raises_its_bold_threshold():
    from banmian.readers.ocr_sizes import BOLD_OVER_MEDIAN, BOLD_STROKE, long_threshold

    body = [_Line("春节前夕城东新区", 0, 200, 30 * i, 25, stroke=0.076) for i in range(1, 20)]
    assert long_threshold(body) == BOLD_STROKE  # 200 dpi: the fixed threshold
    low_res = [_Line("春节前夕城东新区", 0, 200, 30 * i, 19, stroke=0.089) for i in range(1, 20)]
    assert long_threshold(low_res) == pytest.approx(BOLD_OVER_MEDIAN * 0.089)  # 150 dpi: the body's 0.089 is not bold


def test_a_short_headline_end_takes_the_size_of_its_line():
    from banmian.readers.ocr_sizes import join_headline_ends

    head = _Line("有形的壮大——", 100, 700, 300, 94, bold=True)
    end = _Line("调整", 860, 1060, 300, 106, sure=False)
    body = _Line("春节前夕城东新区", 100, 400, 600, 26, sure=False)
    join_headline_ends([head, end, body], 26)
    assert end.size == 94 and end.bold and body.size == 26


def test_a_numeral_after_a_dash_stays_a_numeral():
    gray = np.full((60, 260), 255, dtype=np.uint8)
    gray[24:27, 2:78] = 0  # ——
    gray[24:27, 86:114] = 0  # 一, apart
    gray[8:44, 126:156:3] = 0  # 九
    gray[8:44, 166:196:3] = 0  # 八
    line = hand_line("——一九八", 0, 6, 40)
    assert correct_punctuation(line, gray).text == "——一九八"
    gray[24:27, 78:86] = 0  # the bar runs on into the third: a three-em dash
    assert correct_punctuation(line, gray).text == "———九八"


def test_a_pair_of_glyphs_is_measured_by_its_ink_unless_flat():
    from banmian.readers.ocr_sizes import is_name_pair

    assert is_name_pair("潘跃") and is_name_pair("姜 铮")
    assert not is_name_pair("一张") and not is_name_pair("贺。") and not is_name_pair("新华社")


def test_a_paragraphs_last_two_glyphs_are_sized_by_their_ink_but_take_a_neighbours_face():
    from banmian.readers.ocr_sizes import Measured, is_glyph_pair, is_name_pair

    assert is_glyph_pair("补偿。”") and is_glyph_pair("潘跃") and not is_glyph_pair("一张。")
    assert is_glyph_pair("“Youarewelcome”等套") and not is_glyph_pair("补偿了")  # Latin beside them
    assert not is_name_pair("补偿。”")
    gray = np.full((120, 200), 255, dtype=np.uint8)
    gray[40:66:2, 22:46] = 0  # 补 and 偿, 26 px of ink in a box 42 px tall (the marks pad it)
    gray[40:66:2, 50:74] = 0
    line = hand_line("补偿。”", 20, 32, 28)
    line = OcrLine(line.text, (20, 32, 132, 74), 1.0, line.chars)
    m = Measured(line, gray)
    assert not m.sure and abs(m.size - 26 / 0.91) < 2  # the ink's size, not the box's 41


def test_a_quote_opened_on_a_headlines_first_line_closes_on_the_next():
    lines = [hand_line("“可持续发展与", 40, 40, 60), hand_line("环境保护“研讨会", 40, 110, 60),
             hand_line("春节前夕城东新区的居民们迎来了好消息“新", 40, 400, 20)]
    page = ocr_page(lines, None, 200)
    text = "".join(c.text for c in page.chars)
    assert "环境保护”研讨会" in text and "好消息“新" in text


def test_the_pieces_of_a_headline_line_join_whatever_the_engines_order():
    size = 60  # the engine gave `活动综述` before the bracketed piece it runs on from
    lines = [hand_line("关开展", 40, 40, size), hand_line("活动综述", 40 + 11.1 * size, 40, size),
             hand_line("春节前夕", 40, 300, 20), hand_line("『三优一满意』", 40 + 3.6 * size, 40, size)]
    page = ocr_page(lines, None, 200)
    from banmian.geometry import group_lines

    texts = [pl.text.replace(" ", "") for pl in group_lines(page.chars, page.line_starts)]
    assert "关开展『三优一满意』活动综述" in texts


def test_a_mark_the_recogniser_skipped_is_read_from_its_ink():
    from banmian.readers.ocr_marks import lost_punctuation

    size = 30
    gray = np.full((80, 400), 255, dtype=np.uint8)
    glyphs = [0, 1, 2, 3, 5, 6, 7, 8]  # 四川评书 、 湖北评书: the fifth em holds the mark
    for k in glyphs:
        gray[12:40, 12 + k * size:36 + k * size:3] = 0
    for d in range(6):  # 、: a short stroke down to the right, low in the em
        gray[30 + d:32 + d, 4 * size + 14 + d:4 * size + 17 + d] = 0
    chars = [OcrChar(ch, 10 + k * size, 10, 10 + (k + 1) * size, 10 + size, 0.99)
             for ch, k in zip("四川评书湖北评书", glyphs)]
    line = OcrLine("四川评书湖北评书", (10, 10, 10 + 9 * size, 10 + size), 0.99, chars)
    assert lost_punctuation(line, gray).text == "四川评书、湖北评书"
    gray[:, 4 * size + 10:5 * size + 10] = 255  # a blank em: nothing to add
    assert lost_punctuation(line, gray).text == "四川评书湖北评书"
    for d in range(6):  # ，: a tail down to the left
        gray[30 + d:32 + d, 4 * size + 22 - d:4 * size + 25 - d] = 0
    assert lost_punctuation(line, gray).text == "四川评书，湖北评书"


def test_two_one_glyphs_in_a_display_line_are_a_dash_but_stay_a_word_in_body_text():
    lines = [hand_line("标志我国电信与世界同步", 40, 40, 60), hand_line("一一这意味着已实现产业化", 40, 110, 60)]
    lines += [hand_line("代表们一一握手致意城东新区的居民们迎来了", 40, 300 + i * 30, 20) for i in range(6)]
    page = ocr_page(lines, None, 200)
    text = "".join(c.text for c in page.chars)
    assert "——这意味着" in text and text.count("一一握手") == 6


def test_a_line_over_a_gutter_is_cut_where_a_column_starts():
    from banmian.readers.ocr_punct import ColumnStarts, split_at_gaps

    size = 20
    gray = np.full((400, 700), 255, dtype=np.uint8)
    column = [hand_line("春节前夕城东新区的居", 320, 40 + i * 30, size) for i in range(4)]  # a column starts at 320
    for ln in column:
        for c in ln.chars:
            gray[int(c.y0) + 2:int(c.y1) - 2, int(c.x0) + 2:int(c.x1) - 2:3] = 0
    # `写来贺信，` at 200..300 then `光。` of the next column at 320, a gutter 1.8 em wide after the comma,
    # the detector's box as tall as the two lines it fused, set 12 px apart
    fused = hand_line("写来贺信，光。", 200, 180, size)
    xs = [200, 220, 240, 260, 280, 320, 340]
    chars = [c._replace(x0=x, x1=x + size) for c, x in zip(fused.chars, xs)]
    for c in chars[:4]:
        gray[182:198, int(c.x0) + 2:int(c.x1) - 2:3] = 0
    gray[194:198, 282:286] = 0  # ，low in its em, its right half blank
    gray[194:210, 322:338:3] = 0  # 光, lower
    gray[204:208, 344:350] = 0  # 。
    fused = OcrLine(fused.text, (200, 180, 360, 212), 1.0, chars)
    assert [p.text for p in split_at_gaps(fused, gray)] == ["写来贺信，光。"]  # a comma's blank: no cut
    pieces = split_at_gaps(fused, gray, ColumnStarts(column + [fused], size))
    assert [p.text for p in pieces] == ["写来贺信，", "光。"]
    assert pieces[1].box[1] >= 192  # the piece's box holds its own ink's rows, not the fused box's


def test_a_caption_run_on_into_the_next_columns_line_is_cut_where_that_column_runs_through():
    from banmian.readers.ocr_punct import ColumnStarts, split_at_gaps

    size = 20
    above = hand_line("需要一段时间来恢复体力、", 400, 100, size)  # the column at 400..640
    below = hand_line("坛的翻云覆雨、纷繁冗杂的", 400, 160, size)
    fused = hand_line("图为新德里媒体甚至认为索尼亚记者金琳精力。另外，对于印度政", 40, 130, size)
    columns = ColumnStarts([above, below, fused], size)
    assert [p.text for p in split_at_gaps(fused, None, columns)] == [
        "图为新德里媒体甚至认为索尼亚记者金琳", "精力。另外，对于印度政"]
    indented = hand_line("●人民币不贬值是中国对亚洲金", 360, 130, size)  # bullets hang 2 em
    columns = ColumnStarts([above, below, indented], size)
    assert len(split_at_gaps(indented, None, columns)) == 1


def test_a_skipped_mark_set_about_the_middle_of_the_em_is_read_too():
    from banmian.readers.ocr_marks import lost_punctuation

    size = 30
    glyphs = [0, 1, 2, 3, 5, 6, 7, 8]
    chars = [OcrChar(ch, 10 + k * size, 10, 10 + (k + 1) * size, 10 + size, 0.99)
             for ch, k in zip("四川评书湖北评书", glyphs)]
    line = OcrLine("四川评书湖北评书", (10, 10, 10 + 9 * size, 10 + size), 0.99, chars)
    for middle, want in ((24, "四川评书、湖北评书"), (18, "四川评书湖北评书")):  # ink rows 12..40
        gray = np.full((80, 400), 255, dtype=np.uint8)
        for k in glyphs:
            gray[12:40, 12 + k * size:36 + k * size:3] = 0
        for d in range(6):  # 、 centred at `middle`: 0.43 of the ink's height, or 0.21 (a quote's place)
            gray[middle - 3 + d:middle - 1 + d, 4 * size + 14 + d:4 * size + 17 + d] = 0
        assert lost_punctuation(line, gray).text == want


def test_a_skipped_full_stop_after_a_closing_quote_or_per_cent_sign_is_read_too():
    from banmian.readers.ocr_marks import lost_punctuation

    size = 30

    def ring(gray, x):  # 。: a ring low in the em
        gray[32:40, x:x + 8] = 0
        gray[34:38, x + 2:x + 6] = 255

    # `两全其美”` + 。 in the box past the recognised characters (the line's end: dev pages 4, 19)
    gray = np.full((80, 400), 255, dtype=np.uint8)
    for k in range(4):
        gray[12:40, 12 + k * size:36 + k * size:3] = 0
    gray[12:20, 4 * size + 12:4 * size + 20] = 0  # ”: top left of its em
    ring(gray, 5 * size + 12)
    chars = [OcrChar(ch, 10 + k * size, 10, 10 + (k + 1) * size, 10 + size, 0.99) for k, ch in enumerate("两全其美”")]
    line = OcrLine("两全其美”", (10, 10, 10 + 6 * size, 10 + size), 0.99, chars)
    assert lost_punctuation(line, gray).text == "两全其美”。"
    # `增长2.8%` + 。 + `出口`: the blank after the per cent sign holds it (dev pages 36, 38)
    gray = np.full((80, 400), 255, dtype=np.uint8)
    ems = [0, 1, 2, 3, 5, 6]
    for k in ems:
        gray[12:40, 12 + k * size:36 + k * size:3] = 0
    ring(gray, 4 * size + 12)
    chars = [OcrChar(ch, 10 + k * size, 10, 10 + (k + 1) * size, 10 + size, 0.99) for ch, k in zip("增长2%出口", ems)]
    line = OcrLine("增长2%出口", (10, 10, 10 + 7 * size, 10 + size), 0.99, chars)
    assert lost_punctuation(line, gray).text == "增长2%。出口"


def test_a_numeral_after_a_dash_read_with_a_hyphen_stays_a_numeral():
    from banmian.readers.ocr_punct import numerals_apart

    size = 20
    gray = np.full((40, 200), 255, dtype=np.uint8)
    gray[18:21, 2:38] = 0  # —— in two strokes, the second read as a hyphen
    gray[18:21, 46:58] = 0  # 一, a blank before it
    line = hand_line("—-一九九八", 0, 8, size)
    text = [c.text for c in line.chars]
    assert numerals_apart(text, line.chars, 0, 3, gray, (0, 8, 120, 28)) == (0, 2)


def inked_line(gray, text: str, x: int, top: int, size: int) -> OcrLine:
    """`hand_line`, with glyph-like ink drawn inside each character's em on `gray`."""
    for i in range(len(text)):
        gray[top + 2:top + size - 2, x + 4 + i * size:x + size - 4 + i * size:4] = 0
    return hand_line(text, x, top, size)


def test_a_dash_drawn_in_grey_only_is_put_back_too():
    from banmian.readers.ocr_marks import edge_marks

    size = 40
    gray = np.full((200, 800), 255, dtype=np.uint8)
    line = inked_line(gray, "是体育品牌", 200, 60, size)
    gray[80:81, 112:192] = 150  # a thin two-em dash, anti-aliased to grey
    body = [hand_line("城东新区的居民们迎来了好消息", 20, 150, 20)]
    assert edge_marks([line] + body, gray)[0].text == "——是体育品牌"


def test_a_dash_is_not_joined_to_the_grey_fringe_of_the_next_columns_line():
    from banmian.readers.ocr_marks import edge_marks

    size = 40
    gray = np.full((200, 900), 255, dtype=np.uint8)
    line = inked_line(gray, "过若干回", 200, 60, size)
    gray[79:81, 362:432] = 0  # —— after the line
    nxt = hand_line("以国家利益为重", 446, 50, 30)  # the next column's line, its box a blank 14 px on
    gray[52:78, 444:446] = 170  # the grey fringe of its first glyph, just out of its box
    body = [hand_line("城东新区的居民们迎来了好消息", 20, 150, 20)]
    assert edge_marks([line, nxt] + body, gray)[0].text == "过若干回——"


def test_a_line_fused_over_three_columns_is_cut_at_both_gutters():
    from banmian.readers.ocr_punct import cut_at_gutters

    size = 20
    gray = np.full((300, 700), 255, dtype=np.uint8)
    lines = [inked_line(gray, "春节前夕城东新区的居", 316, 20 + i * 30, size) for i in range(3)]  # column 2
    xs = [100 + i * size for i in range(10)] + [316 + i * size for i in range(11)] + [556 + i * size for i in range(6)]
    for k, end in enumerate("来来来，"):  # over columns 1-3, blanks 1.6 em wide: wide enough beside a glyph
        text = "一二三四五六七八九。城东新区的居民们迎来" + end + "好消息新建的"  # (`SPLIT_GAP`), not beside 。，
        top = 130 + k * 30
        chars = [OcrChar(ch, x, top, x + size, top + size, 1.0) for ch, x in zip(text, xs)]
        for c in chars:
            if c.text in "。，":
                gray[top + 12:top + 16, int(c.x0) + 4:int(c.x0) + 8] = 0
            else:
                gray[top + 2:top + size - 2, int(c.x0) + 4:int(c.x1) - 4:4] = 0
        lines.append(OcrLine(text, (100, top, 676, top + size), 1.0, chars))
    last = [ln.text for ln in cut_at_gutters(lines, gray) if ln.box[1] >= 220]
    assert last == ["一二三四五六七八九。", "城东新区的居民们迎来，", "好消息新建的"]  # column 3 shows once 1-2 are cut
    assert [ln.text for ln in cut_at_gutters(lines, gray, passes=1) if ln.box[1] >= 220] == [
        "一二三四五六七八九。", "城东新区的居民们迎来，好消息新建的"]


def _glyphs(gray, x: float, top: float, size: int, n: int) -> None:
    """Glyph-like ink (vertical strokes) in n ems from x, rows top..top + size."""
    for i in range(n):
        gray[int(top) + 2:int(top) + size - 2, int(x) + i * size + 3:int(x) + (i + 1) * size - 3:2] = 0


def test_pieces_of_a_line_across_glyphs_the_recogniser_left_out_are_one_line():
    from banmian.geometry import group_lines

    size, gray = 30, np.full((400, 900), 255, dtype=np.uint8)
    rows = [("城东新区的", "民们迎来了好消息", 1), ("新建的社区图", "书馆正式开放", 0)]
    lines = []
    for k, (a, b, lost) in enumerate(rows):
        top, x = 60 + 50 * k, 40 + len(a) * size + lost * size  # a glyph left out, or a gutter-less join
        _glyphs(gray, 40, top, size, len(a) + lost + len(b))
        lines += [hand_line(a, 40, top, size), hand_line(b, x, top, size)]
    lost_one = hand_line("春节前夕城东", 40, 160, size)  # one detected line, its 4th glyph left out
    _glyphs(gray, 40, 160, size, 7)
    lines.append(OcrLine("春节前城东", lost_one.box, 0.99, [c for c in lost_one.chars if c.text != "夕"]))
    _glyphs(gray, 40, 210, size, 4)  # two lines a gutter apart, and two with a picture between them
    _glyphs(gray, 40 + 6 * size, 210, size, 4)
    lines += [hand_line("城东新区", 40, 210, size), hand_line("居民们迎", 40 + 6 * size, 210, size)]
    _glyphs(gray, 40, 260, size, 4)
    _glyphs(gray, 40 + 5 * size, 260, size, 4)
    gray[200:295, 40 + 4 * size:40 + 5 * size] = 120  # the picture runs on above the line
    lines += [hand_line("城东新区", 40, 260, size), hand_line("居民们迎", 40 + 5 * size, 260, size)]
    _glyphs(gray, 40, 310, size, 4)  # ... and two with another, smaller line between them
    gray[318:334, 168:202] = 0
    _glyphs(gray, 210, 310, size, 4)
    lines += [hand_line("城东新区", 40, 310, size), hand_line("社区", 165, 316, 20), hand_line("居民们迎", 210, 310, size)]
    page = ocr_page(lines, np.stack([gray] * 3, axis=2), 200)
    texts = [pl.text.replace(" ", "") for pl in group_lines(page.chars, page.line_starts)]
    assert texts == ["城东新区的民们迎来了好消息", "新建的社区图书馆正式开放", "春节前城东",
                     "城东新区", "居民们迎", "城东新区", "居民们迎", "城东新区", "社区", "居民们迎"]


def test_a_line_whose_first_or_last_glyph_was_left_out_keeps_its_edges():
    from banmian.geometry import group_lines

    size, gray = 30, np.full((300, 700), 255, dtype=np.uint8)
    _glyphs(gray, 40, 60, size, 8)  # the recogniser read glyphs 2..7 of 8: first and last left out
    _glyphs(gray, 40, 110, size, 8)  # a line read whole, with another line a gutter to its right
    _glyphs(gray, 40 + 9.5 * size, 110, size, 3)
    lines = [hand_line("东新区的居民", 40 + size, 60, size), hand_line("城东新区的居民们", 40, 110, size),
             hand_line("迎来了", 40 + 9.5 * size, 110, size)]
    page = ocr_page(lines, np.stack([gray] * 3, axis=2), 200)
    px = [(round(pl.box[0] * 200 / 72), round(pl.box[2] * 200 / 72)) for pl in group_lines(page.chars, page.line_starts)]
    assert abs(px[0][0] - 40 - 3) <= 2 and abs(px[0][1] - (40 + 8 * size - 3)) <= 2  # the ink's edges
    assert abs(px[1][1] - (40 + 8 * size - 3)) <= 2 and len(px) == 3  # the gutter's blank is not a glyph


def test_body_lines_fused_at_two_heights_are_cut_at_the_gutter():
    from banmian.readers.ocr_punct import ColumnStarts, split_at_gaps

    size, gray = 20, np.full((200, 600), 255, dtype=np.uint8)
    _glyphs(gray, 40, 40, size, 10)  # two columns' lines, 26 px apart, the second set 4 px lower
    _glyphs(gray, 40 + 10 * size + 26, 44, size, 10)
    left, right = hand_line("美国依然对伊朗采取敌对", 40, 40, size), hand_line("纪而美国的对外政策依然", 266, 44, size)
    fused = OcrLine(left.text + right.text, (38, 34, 468, 70), 0.99, left.chars + right.chars)  # 36 px tall
    body = [hand_line("城东新区的居民们迎来了", 40, 100 + 24 * i, size) for i in range(3)]
    columns = ColumnStarts([fused] + body, size)
    assert [p.text for p in split_at_gaps(fused, gray, columns)] == [left.text, right.text]
    brackets = hand_line("哥德巴赫猜想》。四十多年来", 40, 150, size)  # 》。 leave an em blank between them
    _glyphs(gray, 40, 150, size, 13)
    gray[150:170, 40 + 6 * size + 5:40 + 7 * size + 10] = 255  # 》's blank right half and 。's blank top
    assert len(split_at_gaps(brackets, gray, columns)) == 1


def test_the_body_band_widens_by_a_pixel_or_two_on_small_glyphs():
    from banmian.readers.ocr_sizes import BODY_BAND, body_band

    assert body_band(40.0) == BODY_BAND  # large glyphs (300 dpi): the band itself
    lo, hi = body_band(19.8)  # 150 dpi: a body line's ink two pixels short (16 px of 18.0) is body text
    assert lo <= 16 / (0.91 * 19.8) and hi == BODY_BAND[1]
