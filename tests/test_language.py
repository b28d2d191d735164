"""language: the join score of a break, per break and along a chain of lines."""
from __future__ import annotations

from banmian.language import MARK_SCORE, WORD_SCORE, join_score, join_scores_between, spanning_word


def test_a_dictionary_word_across_the_break_scores():
    assert spanning_word("两辆比亚", "迪12米") == "比亚迪"
    assert join_score("今年春天，市园林部", "门在湖滨湿地公园新建了", hmm=False) == WORD_SCORE
    assert join_score("已经完工。", "游客可以在这里", hmm=False) == 0.0


def test_without_the_hmm_only_dictionary_words_count():
    # jieba's HMM pairs `湖` and `岁` into a made-up word; its dictionary does not
    assert spanning_word("12月18日，湖", "岁的叶莲美", hmm=True) is not None
    assert spanning_word("12月18日，湖", "岁的叶莲美", hmm=False) is None


def test_marks_that_only_a_mid_sentence_break_shows_score():
    assert join_score("他说：“", "我们明天出发", hmm=False) == MARK_SCORE
    assert join_score("出发的时间", "，是明天早上", hmm=False) == MARK_SCORE


def test_batch_scores_agree_with_the_score_of_each_break():
    pages = [
        ["今年春天，市园林部", "门在湖滨湿地公园新建了", "一条观鸟长廊，长廊全长", "，一千二百米", "“沿途设置了",
         "十二个观测平台和六块科", "普展板。", "", "12月18日，湖", "岁的叶莲美", "两辆比亚", "迪12米"],
        ["今年春天，市园林部", "门在湖滨湿地公园新建了", "", "“沿途设置了", "十二个观测平台和六块科", "普展板。", "两辆比亚",
         "迪12米"],
    ]
    for lines in pages:
        n = len(lines)
        lefts, rights = [*range(n - 1), *range(n - 2)], [*range(1, n), *range(2, n)]
        assert join_scores_between(lines, lefts, rights) == [join_score(lines[a], lines[b], hmm=False)
                                                             for a, b in zip(lefts, rights)]
    assert join_scores_between(lines, [], []) == []


def test_jieba_segments_apart_at_block_ends():
    # `Breaks.spanned` cuts each break's context at BLOCK_ENDS: the segmenter must cut the text
    # on either side of such a character as on its own
    import rjieba

    from banmian.language import BLOCK_ENDS
    for c in sorted(BLOCK_ENDS):
        for a, b in [("中国", "人民"), ("两辆比亚", "迪车"), ("总统", "巴嘎"), ("ab", "12"), ("观测", "平台")]:
            assert rjieba.cut(a + c + b, False) == rjieba.cut(a, False) + [c] + rjieba.cut(b, False)


def test_batch_scores_with_marks_and_spaces_near_the_break():
    # contexts cut short at a mark or a space on either side of the break, or not at all
    lines = ["他说：“两辆比亚", "迪，12米", "“比亚", "迪”车", "市园林部", "门 在湖滨", "，观测平", "台。", "十二个观测平台和六块科",
             "普展板", "（记者 林晓 许", "文）3月5日", "已经完工。", "游客可以", "a比亚", "迪b", "一、二、三观", "测站"]
    n = len(lines)
    lefts = [a for a in range(n) for b in range(n)]
    rights = [b for a in range(n) for b in range(n)]
    assert join_scores_between(lines, lefts, rights) == [join_score(lines[a], lines[b], hmm=False)
                                                         for a, b in zip(lefts, rights)]
