"""Caption lines under a picture (`banmian.layout.lines.mark_captions`)."""
from __future__ import annotations

from banmian.layout.lines import mark_captions
from banmian.model import Line, Page, Source

BODY = 10.0
PICTURE = (100.0, 500.0, 300.0, 650.0)  # x0, y0 (bottom), x1, y1 (top); PDF points


def _line(no: int, text: str, x0: float, top: float, x1: float, size: float = 8.5) -> Line:
    return Line(no, text, text, box=(x0, top - size, x1, top), font_size=size)


def _page(lines: list[Line]) -> Page:
    return Page(Source(path="p.pdf", kind="pdf", encoding=None, sha256=""), lines=lines, pictures=[PICTURE])


def test_caption_row_in_pieces_is_all_caption():
    """A caption row the reader parted at a blank (OCR dev page 24: `图为…的一` + `一笑。新华社记者金丽琳`)
    is caption in both pieces, and the credit line under it too; a body line beside it is not."""
    first = _line(1, "图为新德里媒体甚至认为索尼亚的一", 101.0, 498.0, 220.0)
    second = _line(2, "一笑。新华社记者金丽琳", 228.0, 498.0, 300.0)
    credit = _line(3, "摄", 101.0, 488.0, 108.0)
    body = _line(4, "精力。另外，对于印度政", 305.0, 499.0, 400.0, size=BODY)
    pictures = mark_captions(_page([first, second, credit, body]), [first, second, credit, body], BODY)
    assert [ln.kind for ln in (first, second, credit, body)] == ["caption", "caption", "caption", "body"]
    assert pictures[id(second)] == PICTURE


def test_a_line_below_the_caption_row_is_not_beside_it():
    """A small line a blank line under the caption is not taken into it."""
    caption = _line(1, "图为新德里媒体甚至认为索尼亚的一笑", 101.0, 498.0, 280.0)
    far = _line(2, "某某", 101.0, 470.0, 120.0)
    mark_captions(_page([caption, far]), [caption, far], BODY)
    assert (caption.kind, far.kind) == ("caption", "body")


def test_a_caption_opening_read_at_display_size_is_still_a_caption():
    """OCR reads a caption printed over a body line as one line as tall as both (dev page 6:
    `图为实行县乡领导包村。记者 朱宁冕干部包户责任制，是`): it opens as a caption does and
    stands right under its picture, so it is caption whatever its size; a body-size line that
    opens otherwise stays body."""
    fused = _line(1, "图为实行县乡领导包村。记者朱宁摄干部包户责任制，是", 101.0, 497.0, 299.0, size=17.0)
    mark_captions(_page([fused]), [fused], BODY)
    assert fused.kind == "caption"
    plain = _line(2, "实行县乡领导包村、党员干部包户责任制，是", 101.0, 497.0, 299.0, size=BODY)
    mark_captions(_page([plain]), [plain], BODY)
    assert plain.kind == "body"
