"""heads_tail: a digest's items and a quoted kicker, a signature read as body in the tail, and
a plain paragraph start cut just before the paragraph that holds a headline's words (made-up
lines)."""
from __future__ import annotations

from banmian.model import Line


def _lines(rows):
    return [Line(n, t, t, kind=kind) for n, (t, kind) in enumerate(rows)]


def test_an_item_whose_opening_a_block_opening_tail_line_quotes_is_no_digest_item():
    """A tail line that may open a block, printed word for word in an item's opening, is a
    kicker quoting that item's own article (`quoting_items`); a digest headline's second line,
    broken inside a word, opens no block and tells nothing."""
    from banmian.stages.heads_tail import quoting_items

    first = "据新华社东京1月5日电 日本央行今天宣布维持利率不变。" * 4
    second = "新华社汉城1月5日电 据有关部门预测，由于受到国际市场油价下跌影响，韩国出口将放慢。" + "韩国政府表示将采取措施。" * 6
    text = first + second
    spans = [(0, len(first)), (len(first), len(text))]
    kicker = _lines([("东亚经济快讯", "head"), ("日央行维持利率不变", "head"),
                     ("由于受到国际市场油价下跌影响", "head"), ("韩国出口放慢", "head")])
    assert quoting_items(spans, kicker, text) == {1}
    # the quoted line runs on from the line above inside a word (`市场`): no block opens at it
    run_on = _lines([("东亚经济快讯日央行维持利率不变受国际市", "head"), ("场油价下跌影响韩国出口", "head")])
    text = first + "新华社汉城1月5日电 国际市场油价下跌影响韩国出口。" + "韩国政府表示将采取措施。" * 6
    assert quoting_items([(0, len(first)), (len(first), len(text))], run_on, text) == set()


def test_a_tail_body_line_that_is_an_office_and_a_name_is_a_byline():
    """After the stream every line is a headline block's: a body line that is an office and a
    name (`reread_signatures`) is a signed article's byline and closes its block."""
    from banmian.stages.heads_tail import TAIL_SIGNATURE_REASON, reread_signatures

    tail = _lines([("继承传统", "head"), ("勇于创新", "head"), ("市艺术研究所所长王明", "body"),
                   ("振兴京剧是一个系统工程", "body")])
    reread_signatures(tail)
    assert [ln.kind for ln in tail] == ["head", "head", "byline", "body"]
    assert TAIL_SIGNATURE_REASON in tail[2].reasons


def test_a_plain_start_cut_a_paragraph_early_loses_to_the_paragraph_holding_the_headline():
    """A plain paragraph start's opening runs on over the next paragraph start; the block's
    words found only past it count PAST_PARAGRAPH_WEIGHT, so the cut goes to the start of the
    paragraph that holds them, not to the short closing paragraph of the article before."""
    from banmian.tail_align import Candidate, align

    first = "市音乐厅去年一共上演了四百多场音乐会，观众人数创下新纪录。" * 8
    closing = "大家都说今年的演出很精彩。"
    second = "郊区农民种植蔬菜大棚，冬天黄瓜卖得好，收入增加了不少。" * 6
    text = first + closing + second
    cands = [Candidate(0, 0, 0, 2.0, True, False), Candidate(0, 1, len(first), -4.0, False, False),
             Candidate(0, 2, len(first) + len(closing), -4.0, False, False)]
    tail = _lines([("音乐厅上演", "head"), ("四百多场音乐会", "head"), ("农民种植蔬菜大棚", "head"),
                   ("冬天黄瓜卖得好", "head")])
    assert align(cands, text, tail) == [(0, 0, 2), (2, 2, 4)]
