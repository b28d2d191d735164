"""A piece closed by a bracketed note after a finished sentence (a photo's credit, a pointer to a
picture) is not read on by a piece that opens mid-sentence (`link_model`'s noted_then_open)."""
from __future__ import annotations

import pytest

from banmian.closing_credits import ends_on_note
from banmian.pipeline import parse_text

PHOTO_STORY = ("　　春节前夕，市青年志愿者服务队的队员们走进城东敬老院，为老人们打扫房间、理发、\n"
               "表演文艺节目，老人们脸上露出了开心的笑容，连声称赞这些年轻人。{note}\n")
OPEN_PIECE = ("主队主教练赛后表示，球队的防守还需加强，前锋线的配合越来越默契，足球联赛下一轮\n"
              "比赛主队将在客场迎战联赛领头羊，主队球员们信心十足。\n")


def _fragment(texts: list[str], start: str, end: str, order: int):
    from banmian.model import Fragment, Line

    return Fragment(lines=[Line(no=order, raw=t, text=t) for t in texts], start=start, end=end, order=order)


@pytest.mark.parametrize("last, noted", [
    ("连声称赞这些年轻人。（本报记者王平摄）", True),  # a photo's credit
    ("连声称赞这些年轻人。（见下图）", True),  # a pointer to the picture
    ("连声称赞这些年轻人（本报记者王平摄）", False),  # no finished sentence before it
    ("连声称赞这些年轻人。", False),  # no note
])
def test_a_note_after_a_finished_sentence_closes_the_piece(last, noted):
    assert ends_on_note(_fragment(["　　春节前夕，队员们走进敬老院，", last], "indent", "closed", 0).lines) is noted


def test_a_caption_under_a_picture_label_inside_a_report_does_not_close_it():
    frag = _fragment(["　　运动员们今天比赛顺利。", "图片：", "运动员在比赛中。（本报记者王平摄）"], "indent", "closed", 0)
    frag.lines[1].para_start = frag.lines[2].para_start = True
    assert not ends_on_note(frag.lines)


def test_a_piece_opening_mid_sentence_weighs_less_on_a_noted_piece():
    from banmian.link_model import LINK_WEIGHTS, JoinLogits

    noted = _fragment(["　　队员们走进敬老院，", "老人们连声称赞。（本报记者王平摄）"], "indent", "closed", 0)
    plain = _fragment(["　　队员们走进敬老院，", "老人们连声称赞。"], "indent", "closed", 0)
    rest = _fragment(["比赛主队将在客场迎战联赛领头羊。"], "open", "closed", 1)
    indented = _fragment(["　　比赛主队将在客场迎战联赛领头羊。"], "indent", "closed", 1)
    loss = JoinLogits([plain, rest]).logit(0, 1) - JoinLogits([noted, rest]).logit(0, 1)
    assert LINK_WEIGHTS["noted_then_open"] < 0 and loss == pytest.approx(-LINK_WEIGHTS["noted_then_open"])
    assert JoinLogits([plain, indented]).logit(0, 1) == JoinLogits([noted, indented]).logit(0, 1)


@pytest.mark.pure_python
def test_a_piece_opening_mid_sentence_after_a_credited_photo_story_opens_another_article(monkeypatch):
    """pdftotext: a photo story closed by its credit, a blank line, then an unindented piece:
    with the rule the piece opens an article of its own; without it, it goes on the story."""
    import banmian.link_model as link_model

    text = PHOTO_STORY.format(note="（本报记者王平摄）") + "\n" + OPEN_PIECE

    def articles() -> int:
        return len(parse_text(text, entities=False)[0].articles)

    assert articles() == 2
    monkeypatch.setattr(link_model, "_NOTED_THEN_OPEN_WEIGHT", 0.0)
    assert articles() == 1
