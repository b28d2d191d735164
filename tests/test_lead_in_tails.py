"""classify.mark_lead_in_tails: a short line carrying a lead-in on to its end is body, not a
headline; head_context.mark_heads_above_lead_ins: a lead-in line over another lead-in is no
headline either (made-up text in raw-like dumps)."""
from __future__ import annotations

from banmian.pipeline import parse_text
from columns_text import flush_lines  # noqa: E402  (pytest puts tests/ on sys.path)

BODY_TEXT = ("全市今年新建的三座桥梁已于上月底全部通车，附近居民出行时间缩短了一半，沿线学校和医院也因此受益。"
                   "交通部门表示，今年还将新修两条道路。")
BODY = flush_lines(BODY_TEXT)


def test_a_line_ending_the_lead_in_keeps_the_report_dated():
    text = "\n".join(["1998年1月22日 星期四", "本报1月21日讯 记者", "王立报道： 一、通车", "　　" + BODY[0][:9], *flush_lines(BODY_TEXT[9:])]) + "\n"
    page = parse_text(text, page_date="1998-01-22")[0]
    report = next(a for a in page.articles if any("交通部门" in p for p in a.paragraphs))
    assert report.dateline is not None and report.dateline.date == "1998-01-21"
    assert any("body:lead_in_tail" in ln.reasons for ln in page.lines)


# head_context.mark_heads_above_lead_ins: a lead-in line over another lead-in opens a report of its
# own (or the same one), not the lower lead-in's headline.
OTHER = flush_lines("湖滨湿地公园今年春天迎来了二十多种候鸟，比去年多出五种，园方新设了两处观鸟台。")


def _lead_in_under(top: list[str]) -> str:
    return "\n".join(["1998年1月22日 星期四", *top, "新华社北京1月21日", "电" + BODY[0], *BODY[1:]]) + "\n"


def test_a_lead_in_left_over_a_jump_line_is_no_headline():
    page = parse_text(_lead_in_under([*OTHER, "（下转第二版）", "据新华社长沙1月20日"]), page_date="1998-01-22")[0]
    stray = next(ln for ln in page.lines if ln.text == "据新华社长沙1月20日")
    assert stray.kind == "body" and "body:lead_in_over_lead_in" in stray.reasons
    assert not any("长沙" in (a.headline or "") for a in page.articles)
    report = next(a for a in page.articles if any("交通部门" in p for p in a.paragraphs))
    assert report.dateline is not None and report.dateline.date == "1998-01-21"


def test_a_lead_in_with_its_note_over_a_lead_in_is_no_headline():
    page = parse_text(_lead_in_under(["本报讯（附图片1张）"]), page_date="1998-01-22")[0]
    note = next(ln for ln in page.lines if ln.text == "本报讯（附图片1张）")
    assert note.kind == "body" and "body:lead_in_over_lead_in" in note.reasons
    assert not any("本报讯" in (a.headline or "") for a in page.articles)
