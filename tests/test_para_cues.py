"""para_cues: paragraph starts the plain shape tests miss or mistake (made-up lines in a 12-em
column; a dump without blank lines unless a test adds them)."""
from __future__ import annotations

from banmian.model import Fragment, Line, Source
from banmian.para_cues import (AFTER_CLOSING_REASON, AFTER_COLON_REASON, BULLET_REASON, COMMA_RUNS_ON_REASON, COMPRESSED_INDENT_REASON,
                               CREDIT_CLOSES_REASON, HALF_WIDTH_SHORT_REASON, HALF_WIDTH_THEN_INDENT_REASON, ONE_EM_SHORT_REASON,
                               NOTE_ALONE_REASON, PICTURE_LABEL_REASON, SHORT_EXPLAINED_REASON, is_picture_label)
from banmian.pipeline import page_from_lines, run_stages
from banmian.stages import STAGES
from banmian.stages.paragraphs import INDENTED_OPENING_REASON, paragraphs

UP_TO_PARAGRAPHS = STAGES[: STAGES.index(paragraphs) + 1]

OPENING = ["　　市音乐厅去年一共上演", "了四百多场音乐会，比前年", "多出一百场，观众人数也创", "下了新的纪录，观众都说，"]
CLOSING = ["音乐厅今年还将举办三场新", "年音乐会，票价比去年有所", "降低，学生可以半价购票。"]


def starts(raw_lines: list[str]) -> dict[str, list[str]]:
    """Each body line's text and its paragraph reasons, for the lines that start a paragraph."""
    page = run_stages(page_from_lines(raw_lines, Source(path="<test>")), UP_TO_PARAGRAPHS)
    return {ln.text: [r for r in ln.reasons if r.startswith("paragraph")] for ln in page.lines if ln.para_start}


def reasons_of(raw_lines: list[str], text: str) -> list[str]:
    page = run_stages(page_from_lines(raw_lines, Source(path="<test>")), UP_TO_PARAGRAPHS)
    return next(ln.reasons for ln in page.lines if ln.text == text)


def test_a_first_line_one_em_short_with_its_marks_set_half_width_opens_a_paragraph():
    # the full line before ends a sentence; the next is one em short (not two) and ends in a mark
    lines = OPENING + ["这在音乐史上还是第一次。", "市民纷纷表示十分赞同，", *CLOSING]
    got = starts(lines)
    assert got.get("市民纷纷表示十分赞同，") == [COMPRESSED_INDENT_REASON]


def test_a_line_one_em_short_that_stops_mid_word_opens_no_paragraph():
    lines = OPENING + ["这在音乐史上还是第一次。", "市民们纷纷表示十分赞同", *CLOSING]
    assert "市民们纷纷表示十分赞同" not in starts(lines)


def test_a_line_short_only_by_its_digits_does_not_end_its_paragraph():
    # `1994年冬，风紧天寒。` measures two em short, its four digits counted half an em each
    lines = OPENING + ["音乐史上还是第一次。又如", "1994年冬，风紧天寒。", "音乐厅照常开门迎接观众，", *CLOSING]
    assert "音乐厅照常开门迎接观众，" not in starts(lines)
    assert HALF_WIDTH_SHORT_REASON in reasons_of(lines, "音乐厅照常开门迎接观众，")


def test_a_short_line_ending_in_a_comma_still_cuts_though_it_holds_digits():
    # under text cut short, the line ending in a comma is the next piece's opening clause
    # (`fragment_runs.opening_clause_at_comma`): the cut comes before it, not after it
    lines = OPENING + ["音乐史上还是第一次。又如", "12月14日上午11时，", "音乐厅照常开门迎接观众，", *CLOSING]
    got = starts(lines)
    assert "12月14日上午11时，" in got and "音乐厅照常开门迎接观众，" not in got


def test_an_indented_line_after_a_full_line_ending_in_a_colon_opens_a_paragraph():
    lines = OPENING + ["其做法有以下三条，如下：", "　　一、票价一律降三成，", *CLOSING]
    assert starts(lines).get("一、票价一律降三成，") == [AFTER_COLON_REASON]


def test_an_indented_bullet_opens_a_paragraph():
    lines = OPENING + ["音乐史上的第一次，还有以", "　　●支持本市青年音乐家", *CLOSING]
    assert starts(lines).get("●支持本市青年音乐家") == [BULLET_REASON]


def test_a_picture_label_is_a_paragraph_of_its_own():
    lines = OPENING + ["这在音乐史上还是第一次。", "图片：", "　　观众在音乐厅门前排队", *CLOSING]
    assert starts(lines).get("图片：") == [PICTURE_LABEL_REASON]
    assert is_picture_label(Line(1, "（A、B）", "（A、B）"))
    assert not is_picture_label(Line(1, "图片：观众在排队", "图片：观众在排队"))


def test_the_paragraphs_stage_tags_a_fragment_opening_one_em_short():
    # pdftotext: a column break (blank line) before the line
    lines = OPENING + ["这在音乐史上还是第一次。", "", "市民纷纷表示十分赞同，", *CLOSING]
    assert ONE_EM_SHORT_REASON in reasons_of(lines, "市民纷纷表示十分赞同，")


def _joined(last: str, end: str, first: str, start: str, reasons: list[str] | None = None) -> bool:
    """Whether a paragraph starts where reassemble joins a fragment opening with `first` after one
    ending with `last`."""
    from banmian.thread_beam import _join

    latest = Fragment(lines=[Line(no=1, raw="", text=last)], start="open", end=end, order=0)
    piece = Fragment(lines=[Line(no=3, raw="", text=first, reasons=list(reasons or []))], start=start, end="open", order=1)
    _join(latest, piece, "+0.00")
    return piece.first.para_start


def test_a_join_after_a_sentence_end_onto_a_line_one_em_short_starts_a_paragraph():
    assert _joined("音乐史上还是第一次的记录。", "maybe", "市民们纷纷表示，希望", "open", [ONE_EM_SHORT_REASON])
    assert not _joined("音乐史上还是第一次的记录。", "maybe", "市民们纷纷表示，希望", "open")
    assert not _joined("音乐史上还是第一次的记录，", "open", "市民们纷纷表示，希望", "open", [ONE_EM_SHORT_REASON])


def test_a_join_onto_a_picture_label_starts_a_paragraph():
    assert _joined("音乐史上还是第一次的记录。", "maybe", "图片：", "short")


def test_a_join_where_a_word_runs_across_the_break_starts_no_paragraph():
    # the line at the column's top measures indented, but `演奏员` runs on from the line before
    assert not _joined("下了新的纪录，音乐厅的演", "open", "奏员们今年还将", "indent")
    assert _joined("下了新的纪录，音乐厅今年", "open", "还将举办三场新", "indent")


def test_an_indented_opening_ending_a_sentence_over_a_full_line_ends_nothing():
    # after a blank line (a column break), a line two em short that ends a sentence, over a full
    # line: a paragraph's indented first line, not a short last one
    lines = OPENING + ["票价很低，场场座无虚席。", "", "怎样才能办得更好呢？", *CLOSING]
    assert "音乐厅今年还将举办三场新" not in starts(lines)
    assert INDENTED_OPENING_REASON in reasons_of(lines, "怎样才能办得更好呢？")


def test_a_line_two_em_short_by_its_digits_over_a_full_line_still_counts_its_digits():
    lines = OPENING + ["票价很低，场场座无虚席。", "", "1997年共办了几场呢？", *CLOSING]
    assert INDENTED_OPENING_REASON not in reasons_of(lines, "1997年共办了几场呢？")


def test_an_indented_line_after_a_full_line_closing_a_bracket_opens_a_paragraph():
    # a picture's credit fills the line; the next caption is indented and runs on
    lines = OPENING + ["观众排队购票（本报记者摄）", "　　市图书馆也延长了开", *CLOSING]
    assert starts(lines).get("市图书馆也延长了开") == [AFTER_CLOSING_REASON]


def test_a_bracketed_note_or_a_line_short_by_its_digits_after_a_closing_bracket_opens_none():
    lines = OPENING + ["观众排队购票（本报记者摄）", "　　（数码传真照片）", *CLOSING]
    assert "（数码传真照片）" not in starts(lines)
    lines = OPENING + ["多为家畜和家禽类（禽）", "数目达到148700多头，", *CLOSING]
    assert "数目达到148700多头，" not in starts(lines)


# a block of its own after a blank line: the dump separates blocks by blank lines (pdftotext)
APART = ["", "　　另据了解，本市各区县", "文化馆春节期间也将举办", "多场群众文艺演出活动。"]


def test_a_line_one_em_short_over_an_opening_quote_or_a_number_opens_no_paragraph():
    lines = OPENING + ["这在音乐史上还是第一次。", "市民纷纷表示十分赞同：", "“这是一件大好事啊。”大家", *CLOSING]
    assert starts(lines).get("市民纷纷表示十分赞同：") == [COMPRESSED_INDENT_REASON]  # no blank lines: as it was
    for under in ("“这是一件大好事啊。”大家", "1998年还将再办三场。"):
        lines = OPENING + ["这在音乐史上还是第一次。", "市民纷纷表示十分赞同：", under, *CLOSING, *APART]
        assert "市民纷纷表示十分赞同：" not in starts(lines)
        assert SHORT_EXPLAINED_REASON in reasons_of(lines, "市民纷纷表示十分赞同：")


def test_an_indented_line_ending_a_sentence_after_a_colon_is_a_last_line():
    lines = OPENING + ["其做法有以下三条，如下：", "大家一致同意这样做。", *CLOSING]
    assert "大家一致同意这样做。" not in starts(lines)


def test_a_short_line_ending_in_a_comma_ends_no_paragraph_where_blocks_are_apart():
    lines = OPENING + ["这在音乐史上还是第一次。", "　　演出季从1月26日，", "《音乐周报》还专门刊登了", *CLOSING]
    assert "《音乐周报》还专门刊登了" in starts(lines)  # no blank lines: a cut text's end, as it was
    lines += APART
    assert "《音乐周报》还专门刊登了" not in starts(lines)
    assert COMMA_RUNS_ON_REASON in reasons_of(lines, "《音乐周报》还专门刊登了")
    lines = OPENING + ["这在音乐史上还是第一次。", "　　演出季从1月26日，", "音乐周报还专门刊登了一", *CLOSING, *APART]
    assert "音乐周报还专门刊登了一" in starts(lines)  # no token pushed down under it: the line ends its paragraph


def test_a_very_short_line_ending_in_a_comma_still_ends_its_paragraph():
    lines = OPENING + ["这在音乐史上还是第一次。", "　　一是票价低，", "音乐厅今年还将举办三场新", *CLOSING[1:], *APART]
    assert "音乐厅今年还将举办三场新" in starts(lines)


def test_a_photo_credit_under_a_full_line_closes_the_description_where_blocks_are_apart():
    lines = OPENING + ["观众在音乐厅门前排队。", "（新华社记者张三摄）", *CLOSING]
    assert "（新华社记者张三摄）" in starts(lines)  # no blank lines: as it was
    lines += APART
    assert "（新华社记者张三摄）" not in starts(lines)
    assert CREDIT_CLOSES_REASON in reasons_of(lines, "（新华社记者张三摄）")


def test_a_line_short_by_its_digits_ends_its_paragraph_over_a_line_one_em_short():
    lines = OPENING + ["音乐史上还是第一次。又如", "1994年冬，风紧天寒。", "市民纷纷表示十分赞同，", *CLOSING]
    got = starts(lines).get("市民纷纷表示十分赞同，")
    assert got is not None and HALF_WIDTH_THEN_INDENT_REASON in got


def test_a_bracketed_note_alone_after_a_blank_line_is_tagged_and_a_join_onto_it_starts_a_paragraph():
    lines = OPENING + CLOSING + ["", "（张三李四）", *APART]
    assert NOTE_ALONE_REASON in reasons_of(lines, "（张三李四）")
    assert _joined("音乐史上还是第一次的记录。", "maybe", "（张三李四）", "short", [NOTE_ALONE_REASON])
    assert not _joined("音乐史上还是第一次的记录。", "maybe", "（张三李四）", "short")


def test_a_join_after_a_sentence_end_onto_an_indented_opening_ending_a_sentence_starts_a_paragraph():
    assert _joined("音乐史上还是第一次的记录。", "maybe", "怎样才能办得更好呢？", "short", [INDENTED_OPENING_REASON])
    assert not _joined("音乐史上还是第一次的记录。", "maybe", "怎样才能办得更好呢？", "short")
    assert not _joined("音乐史上还是第一次的记录，", "open", "怎样才能办得更好呢？", "short", [INDENTED_OPENING_REASON])
