"""PyMuPDF prints the half-width characters of a justified line each followed by a space: a
figure's digits stand apart (`1 9 9 7`), and a lead-in's date (`新华社3月1 4日电`) is then no
lead-in. `normalize` closes a run of single digits set one space apart into one figure."""
from banmian.pipeline import parse_text
from banmian.rules.bylines import lead_in_byline
from banmian.stages.normalize import close_spaced_figures, normalize_text


def test_spaced_date_in_a_lead_in_is_closed_up():
    line = normalize_text("新华社3 月1 4 日电（记者 某甲）本市今天")
    assert line == "新华社3月14日电（记者 某甲）本市今天"
    m = lead_in_byline(line)
    assert m is not None and m.group("lead") == "新华社3月14日电（记者 某甲）"


def test_spaced_figure_with_point_and_percent():
    assert normalize_text("比上年增长1 2 . 5 % ，其中") == "比上年增长12.5%，其中"
    assert close_spaced_figures("共有3 0 0多家") == "共有300多家"


def test_figures_apart_are_kept():
    assert normalize_text("3 2002年3月1日 星期五") == "3 2002年3月1日 星期五"  # a page number, then the date
    assert close_spaced_figures("第12 34号") == "第12 34号"
    assert close_spaced_figures("A05 2002年") == "A05 2002年"


def test_lead_in_with_spaced_date_gives_the_byline():
    text = "\n".join([
        "某市举办冬季长跑",
        "新华社某市3 月1 4 日电",
        "（记者 某甲）本市今天举行冬季长跑，",
        "三千多名市民参加了比赛，年龄最大",
        "的七十多岁，最小的只有六岁。",
    ]) + "\n"
    (page,) = parse_text(text)
    bylines = [a.byline for a in page.articles]
    assert "新华社某市3月14日电（记者 某甲）" in bylines, bylines
