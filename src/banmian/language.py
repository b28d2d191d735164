"""The join score: does text read on across a break?

Used to choose which fragment continues which, and whether two head lines are one headline.
Words come from jieba's dictionary as shipped in rjieba (MIT); nothing is learned from the
evaluation corpus.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

import rjieba

from banmian.rules.chars import CLOSERS, OPENERS, is_cjk

# Characters on each side of the break given to the segmenter: enough for a 4-character word.
JOIN_CONTEXT = 4


def spanning_word(left: str, right: str, hmm: bool = True) -> str | None:
    """The word that crosses the break between `left` and `right`, if any.

    `两辆比亚` + `迪12米` -> "比亚迪". Only words of CJK characters count. With `hmm` (what the
    fitted link and start models were fitted with) jieba's HMM may also make up a word of
    characters its dictionary does not pair (`湖` + `岁的` -> "湖岁"); without it only
    dictionary words count, the cleaner cue where nothing was fitted on the other (`unweave`).
    """
    return _spanning_word(left[-JOIN_CONTEXT:], right[:JOIN_CONTEXT], hmm)


@lru_cache(maxsize=65536)
def _spanning_word(a: str, b: str, hmm: bool) -> str | None:
    """`spanning_word` on the characters next to the break (the cache key: whole lines rarely
    repeat, their ends do, across stages)."""
    if not a or not b or not is_cjk(a[-1]) or not is_cjk(b[0]):
        return None
    pos = 0
    cut = len(a)
    for word in rjieba.cut(a + b, hmm):
        end = pos + len(word)
        if pos < cut < end and len(word) >= 2 and all(is_cjk(c) for c in word):
            return word
        pos = end
        if pos >= cut:
            break
    return None


# The scores of `join_score`: a mark at the break that only a mid-sentence break shows, and a
# word across it.
MARK_SCORE, WORD_SCORE = 1.0, 1.5
_MID_SENTENCE_START = CLOSERS | set("，、；：。？！")


def join_score(left: str, right: str, hmm: bool = True) -> float:
    """A score for `right` continuing `left` directly: positive when it reads on.

    +1.5 when a dictionary word spans the break; +1 when `left` ends with an opening bracket
    or `right` starts with a closing one or a comma (kinsoku: such breaks are mid-sentence).
    """
    if not left or not right:
        return 0.0
    score = 0.0
    if left[-1] in OPENERS or right[0] in _MID_SENTENCE_START:
        score += MARK_SCORE
    if spanning_word(left, right, hmm):
        score += WORD_SCORE
    return score


def join_scores(pairs: list[tuple[str, str]]) -> list[float]:
    """`join_score(left, right, hmm=False)` of every pair, from one segmentation: the break
    contexts (JOIN_CONTEXT characters a side) of the pairs a word can span are run together with
    a line break between pairs, which jieba never joins across, so each is cut as on its own, at
    a fraction of the cost of a call per pair (`unweave` scores every line of a page twice)."""
    scores = [MARK_SCORE if left and right and (left[-1] in OPENERS or right[0] in _MID_SENTENCE_START) else 0.0
              for left, right in pairs]
    # only pairs with a CJK character on both sides of the break can have a word across it
    spans = [(k, left[-JOIN_CONTEXT:], right[:JOIN_CONTEXT]) for k, (left, right) in enumerate(pairs)
             if left and right and is_cjk(left[-1]) and is_cjk(right[0])]
    if not spans:
        return scores
    joined = "\n".join([a + b for _, a, b in spans])
    word_ends = list(accumulate(map(len, rjieba.cut(joined, False))))
    at_word_end = set(word_ends)
    pos = 0
    for k, a, b in spans:
        e = pos + len(a)
        pos = e + len(b) + 1
        if e in at_word_end:
            continue  # the break falls between words
        i = bisect_right(word_ends, e)
        word = joined[word_ends[i - 1] if i else 0:word_ends[i]]
        if len(word) >= 2 and all(is_cjk(c) for c in word):
            scores[k] += WORD_SCORE
    return scores
