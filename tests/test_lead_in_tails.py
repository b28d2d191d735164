"""classify.mark_lead_in_tails: a short line carrying a lead-in on to its end is body, not a
headline (made-up text in a raw-like dump)."""
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
