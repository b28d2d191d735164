"""adjacent_splits: a paragraph split off on a content change alone, printed right under the
last piece of an article (blank lines only between), goes back to it when the heads say so
(made-up text in a pdftotext-like dump)."""
from __future__ import annotations

from banmian.pipeline import parse_text
from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

# A whole report, not an opening piece: SHORT_PIECE_MAX_CHARS or more (short_piece_joins puts
# the indented paragraph under the column break after a shorter one).
RICE = ("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种"
        "覆盖率超过九成。县农业局表示，明年将继续推广水稻良种，扩大水稻机插秧面积，让更多"
        "种粮农民受益，全县的粮食产量有望再创新高。")
SCENE = ("傍晚时分，村头的小广场上亮起了路灯，几位老人坐在长椅上拉起了二胡，孩子们围着"
         "他们跑来跑去，广场边新开的小卖部里挤满了买东西的人。")
FOOTBALL = ("昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。"
            "主队主教练赛后表示，球队的防守还需加强，前锋线的配合越来越默契。")
DATE = "（二〇〇一年十二月三十一日）"
SPEECH = ("同志们、朋友们：新世纪的钟声即将敲响，我们满怀信心迎接新世纪。在新世纪里，我们要继续"
          "努力奋斗，建设更加美好的家园，让人民过上更加幸福的生活，迎接新世纪的到来。")


def articles(head: str, first: str, second: str, *tail: str):
    parts = [head, "", *column_lines(first), "", *column_lines(second), "", "主队主场力克客队", "",
             *column_lines(FOOTBALL), *tail]
    return parse_text("\n".join(parts) + "\n")[0].articles


def test_a_headless_paragraph_under_a_headed_article_is_left_apart():
    from banmian.short_piece_joins import SHORT_PIECE_MAX_CHARS
    assert len(RICE) >= SHORT_PIECE_MAX_CHARS
    # the merge asks for the head printed over the thread above to have gone to the piece
    got = articles("全县水稻喜获丰收", RICE, SCENE)
    assert got[0].headline == "全县水稻喜获丰收" and got[0].paragraphs == [RICE]
    assert not any(r.startswith("merge:reads_on_below") for a in got for r in a.reasons)


def test_a_paragraph_with_a_headline_of_its_own_stays_an_article():
    got = articles("全县水稻喜获丰收", RICE, SCENE, "", "村头广场亮起路灯")
    assert [a.headline for a in got] == ["全县水稻喜获丰收", "村头广场亮起路灯", "主队主场力克客队"]
    assert got[0].paragraphs == [RICE]


def test_the_head_over_a_date_line_taken_by_the_speech_under_it_joins_them():
    got = articles("满怀信心迎接新世纪", DATE, SPEECH)
    assert [a.headline for a in got] == ["满怀信心迎接新世纪", "主队主场力克客队"]
    assert got[0].paragraphs == [DATE, SPEECH]


def test_a_paragraph_headed_from_afar_stays_apart_from_a_headless_piece_above():
    # the piece above continues an article from another page (no head here); the paragraph's
    # headline is printed at the foot, over nothing of the piece above
    got = parse_text("\n".join(["（上接第一版）", "", *column_lines(RICE), "", *column_lines(SCENE), "",
                                "主队主场力克客队", "", *column_lines(FOOTBALL), "", "村头广场亮起路灯"]) + "\n")[0].articles
    assert [a.headline for a in got] == [None, "村头广场亮起路灯", "主队主场力克客队"]
    assert got[0].paragraphs == [RICE]


# lead_over_rest: a short headed opening, then a longer headless paragraph on other words
REST = ("傍晚时分，村头的小广场上亮起了路灯，几位老人坐在长椅上拉起了二胡，孩子们围着"
        "他们跑来跑去，广场边新开的小卖部里挤满了买东西的人。夜深了，远处工地上的灯火还亮着，"
        "推土机的轰鸣声一阵接着一阵，年轻的突击队员们说，要赶在封冻以前把这段渠道修好，"
        "让明年春天的河水顺顺当当流进每一块麦田，乡亲们听了都竖起了大拇指，连声叫好。")


def test_a_long_headless_piece_under_a_short_headed_opening_is_its_rest():
    got = articles("全县水稻喜获丰收", RICE, REST)
    assert [a.headline for a in got] == ["全县水稻喜获丰收", "主队主场力克客队"]
    assert "".join(got[0].paragraphs).endswith("连声叫好。")
    assert any(r.startswith("merge:rest_under_lead") for r in got[0].reasons)


def test_an_opening_closing_on_a_credit_is_a_whole_report():
    got = articles("全县水稻喜获丰收", RICE + "（农文）", REST)
    assert not any(r.startswith("merge:rest_under_lead") for a in got for r in a.reasons)


# lead_over_rest with a pull quote: the rest took a line quoting its own words for its headline
QUOTE = "要赶在封冻以前把这段渠道修好"


def test_a_pull_quote_over_the_rest_goes_with_it_as_the_kicker():
    got = articles("全县水稻喜获丰收", RICE, REST, "", QUOTE)
    assert [a.headline for a in got] == ["全县水稻喜获丰收", "主队主场力克客队"]
    assert got[0].kicker == QUOTE and "".join(got[0].paragraphs).endswith("连声叫好。")
    assert any(r.startswith("merge:rest_under_lead") for r in got[0].reasons)


def test_a_rest_headed_by_another_headline_stays_apart():
    got = articles("全县水稻喜获丰收", RICE, REST, "", QUOTE, "", "村头广场亮起路灯")
    assert [a.headline for a in got] == ["全县水稻喜获丰收", "村头广场亮起路灯", "主队主场力克客队"]


# subhead_under_lead: a headed, bylined opening, a one-line subhead, the first section under it
SUBHEAD = "夜里修渠忙"


def report_with_subhead(byline: str | None):
    parts = ["全县水稻喜获丰收", *([byline] if byline else []), "", *column_lines(RICE), "", SUBHEAD, "",
             *column_lines(REST), "", "主队主场力克客队", "", *column_lines(FOOTBALL)]
    return parse_text("\n".join(parts) + "\n")[0].articles


def test_a_subhead_under_a_bylined_opening_is_a_paragraph_of_its_report():
    got = report_with_subhead("本报记者王明")
    assert [a.headline for a in got] == ["全县水稻喜获丰收", "主队主场力克客队"]
    assert got[0].paragraphs[1] == SUBHEAD and "".join(got[0].paragraphs).endswith("连声叫好。")
    assert any(r.startswith("merge:subhead_under_lead") for r in got[0].reasons)


def test_a_headline_under_an_opening_without_byline_stays_a_headline():
    got = report_with_subhead(None)
    assert [a.headline for a in got] == ["全县水稻喜获丰收", SUBHEAD, "主队主场力克客队"]
