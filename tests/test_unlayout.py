"""`pdftotext -layout` dumps: columns printed side by side at their positions are read back
column by column (`stages.unlayout`)."""
from __future__ import annotations

from banmian.model import Page, Source, new_lines
from banmian.pipeline import parse_text
from banmian.stages.unlayout import IN_COLUMN, REASON, cells_of, column_pitch, is_layout_dump, unlayout

LEFT_HEAD = "城东大桥今天通车"
LEFT = ["本报讯 城东大桥今天", "上午正式通车，全长一", "千二百米，连起两岸的", "新旧城区。", "  市民步行过桥只需五",
        "分钟，公交线路随之调", "整。"]
RIGHT_HEAD = "西湖公园新添花展"
RIGHT = ["本报讯 西湖公园今天", "起举办春季花展，展出", "各地名花三百多种。", "  花展持续到四月底，",
         "门票价格不变，老人儿", "童免费入园。"]


def layout_page(header: str | None = None) -> list[str]:
    """Two one-column articles side by side, as pdftotext -layout prints them: the right column
    starts at position 24, its rows padded with spaces."""
    rows = [f"{LEFT_HEAD:<24}{RIGHT_HEAD}", ""]
    for k in range(max(len(LEFT), len(RIGHT))):
        left = LEFT[k] if k < len(LEFT) else ""
        rows.append(f"{left:<24}{RIGHT[k]}" if k < len(RIGHT) else left)
    return ([header, ""] if header else []) + rows


def page_of(raws: list[str]) -> Page:
    return Page(source=Source(path="t.txt", kind="text", encoding=None, sha256=""), lines=new_lines(raws))


def test_cells_cut_at_two_spaces_or_more_only():
    assert cells_of("记者 王某 李某   3月 5日") == [(0, "记者 王某 李某"), (11, "3月 5日")]


def test_a_layout_page_is_told_from_a_dump_of_columns_one_after_another():
    assert is_layout_dump(layout_page())
    assert not is_layout_dump([LEFT_HEAD, ""] + LEFT + ["", RIGHT_HEAD, ""] + RIGHT)


def test_columns_are_read_one_after_the_other_keeping_line_numbers():
    raws = layout_page()
    page = unlayout(page_of(raws))
    texts = [ln.raw for ln in page.lines]
    assert texts[texts.index("本报讯 城东大桥今天"):texts.index("整。") + 1] == [t.strip() for t in LEFT]
    assert texts[texts.index("本报讯 西湖公园今天"):texts.index("童免费入园。") + 1] == [t.strip() for t in RIGHT]
    assert texts.index("整。") < texts.index("本报讯 西湖公园今天")  # the left column first
    right_first = next(ln for ln in page.lines if ln.raw == "本报讯 西湖公园今天")
    assert right_first.no == 3 and right_first.reasons[-1].startswith(REASON)
    assert sorted("".join(raws).replace(" ", "")) == sorted("".join(ln.raw for ln in page.lines).replace(" ", ""))


def test_an_ordinary_dump_is_left_alone():
    raws = [LEFT_HEAD, ""] + LEFT
    page = page_of(raws)
    before = [(ln.no, ln.raw) for ln in page.lines]
    assert [(ln.no, ln.raw) for ln in unlayout(page).lines] == before


def test_header_cells_go_first():
    page = unlayout(page_of(layout_page(header="1998年1月9日 星期五" + " " * 30 + "第2版")))
    assert [ln.raw for ln in page.lines[:2]] == ["1998年1月9日 星期五", "第2版"]


def test_the_pitch_is_the_usual_distance_between_cells_of_a_row():
    assert column_pitch([cells_of(r) for r in layout_page()]) == 24


def test_a_layout_dump_parses_into_its_two_articles():
    [page] = parse_text("\n".join(layout_page()) + "\n", entities=False)
    heads = sorted(a.headline for a in page.articles)
    assert heads == sorted([LEFT_HEAD, RIGHT_HEAD])
    left = next(a for a in page.articles if a.headline == LEFT_HEAD)
    assert "".join(left.paragraphs).startswith("城东大桥今天上午正式通车")
    assert left.paragraphs[-1].endswith("公交线路随之调整。")


def test_paragraphs_indented_with_spaces_are_no_layout():
    raws = []
    for k in range(6):
        raws += ["  " + LEFT[1], LEFT[2], LEFT[3], ""]
    assert not is_layout_dump(raws)


LOW_HEAD = "河滨步道亮灯"
LOW = ["本报讯 河滨步道今晚", "起亮灯，沿河三公里装", "上新式路灯一千余盏。"]


def test_a_headline_starting_right_of_its_column_edge_is_read_above_its_text():
    """The right column holds a second article below the first, its headline centred: 14
    positions right of the column's edge (more than the column tolerance, so it stands as a
    block of its own). Read by its own left edge it went after the whole column, its text
    included; read by the column it stands in, it comes between the two articles."""
    rows = [f"{LEFT_HEAD:<24}{RIGHT_HEAD}", ""]
    for k in range(len(RIGHT)):
        rows.append(f"{LEFT[k]:<24}{RIGHT[k]}")
    rows += ["", "", f"{'':<38}{LOW_HEAD}", ""]
    rows += [f"{'':<24}{t}" for t in LOW]
    lines = unlayout(page_of(rows)).lines
    texts = [ln.raw for ln in lines]
    assert lines[texts.index(LOW_HEAD)].reasons[-1] == f"{IN_COLUMN}24"
    assert texts.index("童免费入园。") < texts.index(LOW_HEAD) < texts.index(LOW[0])
    assert texts.index(LOW[-1]) == len(texts) - 1
