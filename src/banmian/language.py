"""The join score: does text read on across a break?

Used to choose which fragment continues which, and whether two head lines are one headline.
Words come from jieba's dictionary as shipped in rjieba (MIT); nothing is learned from the
evaluation corpus.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import rjieba

from banmian.rules.chars import CLOSERS, OPENERS, cjk_mask, code_points, is_cjk

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


def join_scores_between(texts: list[str], lefts: list[int], rights: list[int]) -> list[float]:
    """`join_score(texts[l], texts[r], hmm=False)` for each l, r of `lefts`, `rights`, from one
    segmentation: the break contexts (JOIN_CONTEXT characters a side) of the pairs a word can
    span are run together with a line break between pairs, which jieba never joins across, so
    each is cut as on its own, at a fraction of the cost of a call per pair (`unweave` scores
    every line of a page twice). Each text's ends are taken once, however many pairs it is in;
    the tests on the characters at each break are vectorised (numpy)."""
    if not lefts:
        return []
    tails = [t[-JOIN_CONTEXT:] for t in texts]
    heads = [t[:JOIN_CONTEXT] for t in texts]
    left, right = np.array(lefts), np.array(rights)
    last = code_points("".join([a[-1:] or " " for a in tails]))  # " ": an empty text, no score
    first = code_points("".join([b[:1] or " " for b in heads]))
    nonempty = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) > 0
    both = nonempty[left] & nonempty[right]
    marks = both & (np.isin(last, _OPENER_CODES)[left] | np.isin(first, _MID_SENTENCE_START_CODES)[right])
    scores = np.where(marks, MARK_SCORE, 0.0)
    # only pairs with a CJK character on both sides of the break can have a word across it
    spans = np.flatnonzero(both & cjk_mask(last)[left] & cjk_mask(first)[right])
    if len(spans):
        # list indexes: plain ints index lists faster than numpy ones
        spanned = _spanned_breaks([tails[k] for k in left[spans].tolist()], [heads[k] for k in right[spans].tolist()])
        scores[spans[spanned]] += WORD_SCORE
    return scores.tolist()


_OPENER_CODES = np.array(sorted(map(ord, OPENERS)), dtype=np.uint32)
_MID_SENTENCE_START_CODES = np.array(sorted(map(ord, _MID_SENTENCE_START)), dtype=np.uint32)


def _spanned_breaks(lefts: list[str], rights: list[str]) -> np.ndarray:
    """Whether a dictionary word of CJK characters spans the break of each (left, right) pair
    (none empty): one jieba cut (no HMM) of the pairs joined by line breaks."""
    joined = "\n".join([a + b for a, b in zip(lefts, rights)])
    left_len = np.fromiter(map(len, lefts), dtype=np.int64, count=len(lefts))
    right_len = np.fromiter(map(len, rights), dtype=np.int64, count=len(rights))
    starts = np.concatenate(([0], np.cumsum(left_len + right_len + 1)[:-1]))
    breaks = starts + left_len
    words = rjieba.cut(joined, False)
    word_ends = np.cumsum(np.fromiter(map(len, words), dtype=np.int64, count=len(words)))
    after = np.searchsorted(word_ends, breaks, side="right")  # the word holding each break's right character
    word_start = np.concatenate(([0], word_ends))[after]
    word_end = word_ends[after]
    # a word spans the break when it starts before it (it then ends after it); all its characters CJK
    not_cjk = np.concatenate(([0], np.cumsum(~cjk_mask(code_points(joined)))))
    return (word_start < breaks) & (not_cjk[word_end] == not_cjk[word_start])
