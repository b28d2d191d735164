"""The join score: does text read on across a break?

Used to choose which fragment continues which, and whether two head lines are one headline.
Words come from jieba's dictionary as shipped in rjieba (MIT); nothing is learned from the
evaluation corpus.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Final

import numpy as np
import rjieba

from banmian.rules.chars import CJK_PUNCT, CLOSERS, OPENERS, cjk_mask, code_points, is_cjk, strip_ws

# Characters on each side of the break given to the segmenter: enough for a 4-character word.
JOIN_CONTEXT: Final = 4


# What may follow a number cut at a column break: more digits, a decimal point, a per cent
# sign, a unit or counter.
NUMBER_GOES_ON: Final = frozenset("0123456789.%元万亿年月日个人名家吨台辆项所种次倍岁米亩")


def number_runs_on(left: str, right: str) -> bool:
    """`left` ends with a digit and `right` opens with what may follow it (NUMBER_GOES_ON)."""
    a, b = left.rstrip(), right.lstrip()
    return bool(a) and bool(b) and a[-1].isdigit() and a[-1].isascii() and b[0] in NUMBER_GOES_ON


def spanning_word(left: str, right: str, hmm: bool = True) -> str | None:
    """The word that crosses the break between `left` and `right`, if any.

    `两辆比亚` + `迪12米` -> "比亚迪". Only words of CJK characters count. With `hmm` (what the
    fitted link and start models were fitted with) jieba's HMM may also make up a word of
    characters its dictionary does not pair (`湖` + `岁的` -> "湖岁"); without it only
    dictionary words count, the cleaner cue where nothing was fitted on the other (`unweave`).
    """
    return cut_spanning_word(left[-JOIN_CONTEXT:], right[:JOIN_CONTEXT], hmm)


@lru_cache(maxsize=65536)
def cut_spanning_word(a: str, b: str, hmm: bool) -> str | None:
    """`spanning_word` on the characters next to the break, `a` and `b` (the cache key: whole
    lines rarely repeat, their ends do, across stages)."""
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


def break_cuts_word(left: str, right: str) -> str | None:
    """The dictionary word (no HMM) the break between `left` and `right` cuts in two: one spans
    the break, and `right`, cut on its own, opens with a character that stands alone (`交通工` /
    `具分别`: `具` is no word's start there). Not so when `right` opens with a word of its own
    that merely pairs with the character before the break (`十五大精` / `致辞。`: `精致`)."""
    word = spanning_word(left, right, hmm=False)
    if word is None:
        return None
    first = next(iter(rjieba.cut(strip_ws(right)[:JOIN_CONTEXT], False)), "")
    return word if len(first) == 1 else None


# The scores of `join_score`: a mark at the break that only a mid-sentence break shows, and a
# word across it.
MARK_SCORE, WORD_SCORE = 1.0, 1.5
MID_SENTENCE_START: Final = CLOSERS | set("，、；：。？！")


def join_score(left: str, right: str, hmm: bool = True) -> float:
    """A score for `right` continuing `left` directly: positive when it reads on.

    +1.5 when a dictionary word spans the break; +1 when `left` ends with an opening bracket
    or `right` starts with a closing one or a comma (kinsoku: such breaks are mid-sentence).
    """
    if not left or not right:
        return 0.0
    score = 0.0
    if left[-1] in OPENERS or right[0] in MID_SENTENCE_START:
        score += MARK_SCORE
    if spanning_word(left, right, hmm):
        score += WORD_SCORE
    return score


def join_scores_between(texts: list[str], lefts: list[int], rights: list[int]) -> list[float]:
    """`join_score(texts[l], texts[r], hmm=False)` for each l, r of `lefts`, `rights`
    (`Breaks(texts).scores`)."""
    return Breaks(texts).scores(lefts, rights)


class Breaks:
    """The join scores (no HMM) of breaks between texts of one list, each text's ends looked
    at once however many breaks and calls it is in, the tests on the characters at each break
    vectorised (numpy): the texts' code points are read once, run together, and every
    character a break needs is gathered from them (no string is built per text or break)."""

    __slots__ = ("texts", "lengths", "starts", "points", "nonempty", "opener_end", "mid_start", "cjk_end", "cjk_start")

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        self.starts = np.cumsum(self.lengths) - self.lengths  # where each text starts in `points`
        # the texts' code points run together, then a space: an empty text's first and last
        # character (a space is of no class)
        self.points = np.append(code_points("".join(texts)), np.uint32(ord(" ")))
        self.nonempty = self.lengths > 0
        space = len(self.points) - 1
        first = self.points[np.where(self.nonempty, self.starts, space)]
        last = self.points[np.where(self.nonempty, self.starts + self.lengths - 1, space)]
        self.opener_end = _OPENER_TABLE[np.minimum(last, 0xFFFF)]
        self.mid_start = MID_SENTENCE_START_TABLE[np.minimum(first, 0xFFFF)]
        self.cjk_end, self.cjk_start = cjk_mask(last), cjk_mask(first)

    def mark_scores(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The mark part of the score of each break texts[l] | texts[r] (no word looked for): a
        lower bound of its join score, at no segmentation cost."""
        # both texts non-empty (an empty one's " " is neither an opener nor a mid-sentence start)
        marks = (self.opener_end[left] & self.nonempty[right]) | (self.mid_start[right] & self.nonempty[left])
        return np.where(marks, MARK_SCORE, 0.0)

    def scores(self, lefts: list[int], rights: list[int]) -> list[float]:
        """The join score of each break texts[l] | texts[r]; a word is looked for (`spanned`)
        only where a CJK character stands on both sides of the break."""
        if not lefts:
            return []
        left, right = np.array(lefts), np.array(rights)
        scores = self.mark_scores(left, right)
        spans = np.flatnonzero(self.cjk_end[left] & self.cjk_start[right])
        if len(spans):
            scores[spans[self.spanned(left[spans], right[spans])]] += WORD_SCORE
        return scores.tolist()

    def spanned(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Whether a dictionary word of CJK characters spans each break texts[l] | texts[r]
        (a CJK character on either side), from one segmentation: the break contexts
        (`context_runs`) are run together with a line break between pairs, which jieba never
        joins across, so each is cut as on its own, at a fraction of the cost of a call per
        pair (`unweave` scores every line of a page)."""
        left_len, right_len = self.context_runs(left, right)
        size = left_len + right_len + 1  # a pair's characters and the line break after them
        at = np.cumsum(size) - size  # where each pair starts in the text cut
        pair = np.repeat(np.arange(len(left)), size)  # the pair of each character of that text
        offset = np.arange(len(pair)) - at[pair]
        from_left = self.starts[left] + self.lengths[left] - left_len
        source = np.where(offset < left_len[pair], from_left[pair] + offset,
                          self.starts[right][pair] + offset - left_len[pair])
        points = self.points[source]  # (a line break's source is any character: replaced next)
        points[offset == size[pair] - 1] = ord("\n")
        points = points[:-1]  # no line break after the last pair
        text = points.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
        breaks = at + left_len  # where each break stands in the text: its right character
        return np.array(spanning_breaks(rjieba.cut(text, False), breaks.tolist()), dtype=bool)

    def context_runs(self, left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """How many characters of each break's context decide whether a word spans it: of the
        JOIN_CONTEXT characters on each side (as `spanning_word` gives the segmenter), those
        up to a mark or a space (BLOCK_ENDS), beyond which jieba segments apart. A quarter fewer
        characters and a third fewer words (each a new Python string) to segment on the dev
        pages. The texts of `left` and `right` end and open with a word character."""
        k = np.arange(JOIN_CONTEXT)
        space = len(self.points) - 1  # a space (a block end) stands in for what lies past a text
        back = (self.starts[left] + self.lengths[left] - 1)[:, None] - k  # the left text's last characters, back from its end
        back = np.where(k < self.lengths[left][:, None], back, space)
        ahead = np.where(k < self.lengths[right][:, None], self.starts[right][:, None] + k, space)
        return _run_length(self.points[back]), _run_length(self.points[ahead])


# Characters jieba's segmenter never puts in a word, whose sides it segments apart (they end its
# blocks of word characters: CJK ideographs, ASCII letters and digits, `+#&._%-`): CJK
# punctuation and white space. Checked in tests/test_language.py.
BLOCK_ENDS: Final = frozenset(CJK_PUNCT | set(" \t\n\r\x0b\x0c\u3000"))


def _run_length(points: np.ndarray) -> np.ndarray:
    """For each row of code points, how many come before the first BLOCK_ENDS character (all
    of them when none is one)."""
    ends = _BLOCK_END_TABLE[np.minimum(points, 0xFFFF)]
    return np.where(ends.any(axis=1), ends.argmax(axis=1), points.shape[1])


def spanning_breaks(words: list[str], breaks: list[int]) -> list[bool]:
    """For each break (an offset, ascending, into the text `words` segment): whether a word of
    CJK characters starts before it and ends after it."""
    out = [False] * len(breaks)
    k, n = 0, len(breaks)
    start = 0
    for word in words:
        end = start + len(word)
        while k < n and breaks[k] < end:  # the word holds the character right of break k
            out[k] = start < breaks[k] and all(is_cjk(c) for c in word)
            k += 1
        if k == n:
            break
        start = end
    return out


def _code_table(chars) -> np.ndarray:
    """A lookup table over the Basic Multilingual Plane: True at the code points of `chars`."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


_OPENER_TABLE: Final = _code_table(OPENERS)
_BLOCK_END_TABLE: Final = _code_table(BLOCK_ENDS)
MID_SENTENCE_START_TABLE: Final = _code_table(MID_SENTENCE_START)
