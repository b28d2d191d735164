"""The join score: does text read on across a break?

Used to choose which fragment continues which, and whether two head lines are one headline.
Words come from jieba's dictionary as shipped in rjieba (MIT); nothing is learned from the
evaluation corpus.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Final

import rjieba

from banmian.rules.chars import CJK_PUNCT, CLOSERS, OPENERS, bmp_table, is_cjk, strip_ws

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


def words_after_spanning_word(left: str, right: str) -> list[str] | None:
    """The dictionary words (no HMM) `right` holds after the word that spans the break from
    `left` (`历` / `史选择` -> ["选择"]), None when no word spans it (`spanning_word`)."""
    a = strip_ws(left)[-JOIN_CONTEXT:]
    if not a or cut_spanning_word(a, strip_ws(right)[:JOIN_CONTEXT], False) is None:
        return None
    pos, cut, out, crossed = 0, len(a), [], False
    for word in rjieba.cut(a + strip_ws(right), False):
        end = pos + len(word)
        if crossed:
            out.append(word)
        elif pos < cut < end:
            crossed = True
        pos = end
    return out if crossed else None


# The scores of `join_score`: a mark at the break that only a mid-sentence break shows, and a
# word across it. Final: the compiled build reads them where they are used (speed alone).
MARK_SCORE: Final = 1.0
WORD_SCORE: Final = 1.5
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
    """The join scores (no HMM) of breaks between texts of one list. A word is looked for only
    where a CJK character stands on both sides of a break, and the contexts of all such breaks
    of a call are segmented at once (`half_scores`). Plain loops over the breaks, characters
    read as code points against tables (`ord(text[i])`: the compiled build makes no
    one-character string) and scores counted in half points (small integers, no float boxed):
    the compiled build runs them natively, where array operations cost more in per-call
    overhead than a page's few hundred breaks take (`unweave` scores every line of a page)."""

    __slots__ = ("texts",)

    def __init__(self, texts: list[str]):
        self.texts = texts

    def half_marks(self, lefts: list[int], rights: list[int]) -> list[int]:
        """The mark part of the score of each break texts[l] | texts[r] (no word looked for),
        in half points: a lower bound of its join score, at no segmentation cost."""
        texts = self.texts
        out: list[int] = []
        for l, r in zip(lefts, rights):
            a, b = texts[l], texts[r]
            out.append(HALF_MARK if a and b and mark_at_break(a, b) else 0)
        return out

    def half_scores(self, lefts: list[int], rights: list[int]) -> list[int]:
        """The join score of each break texts[l] | texts[r], in half points. Whether a
        dictionary word of CJK characters spans a break (a CJK character on either side) comes
        from one segmentation: the break contexts (`context_run_back`, `context_run_ahead`) are
        run together with a line break between pairs, which jieba never joins across, so each
        is cut as on its own, at a fraction of the cost of a call per pair."""
        texts = self.texts
        out: list[int] = []
        looked: list[int] = []  # the breaks a word is looked for at (indexes into out)
        cuts: list[int] = []  # where each of them stands in the text cut: its right character
        parts: list[str] = []  # each break's two contexts and a line break after them
        pos = 0
        for l, r in zip(lefts, rights):
            a, b = texts[l], texts[r]
            if not a or not b:
                out.append(0)
                continue
            out.append(HALF_MARK if mark_at_break(a, b) else 0)
            if is_cjk_code(ord(a[len(a) - 1])) and is_cjk_code(ord(b[0])):
                back, ahead = context_run_back(a), context_run_ahead(b)
                looked.append(len(out) - 1)
                cuts.append(pos + back)
                parts.append(a[len(a) - back:])
                parts.append(b[:ahead])
                parts.append("\n")
                pos += back + ahead + 1
        if parts:
            parts.pop()  # no line break after the last break's contexts
            spanned = spanning_breaks(rjieba.cut("".join(parts), False), cuts)
            for k, hit in zip(looked, spanned):
                if hit:
                    out[k] += HALF_WORD
        return out

    def scores(self, lefts: list[int], rights: list[int]) -> list[float]:
        """The join score of each break texts[l] | texts[r] (`half_scores` halved: the same
        floats, every score a multiple of half a point)."""
        return [h * 0.5 for h in self.half_scores(lefts, rights)]


# The scores in half points (`Breaks`): MARK_SCORE and WORD_SCORE doubled.
HALF_MARK: Final = 2
HALF_WORD: Final = 3


def mark_at_break(a: str, b: str) -> bool:
    """`a` (not empty) ends with an opening bracket or `b` (not empty) opens with a closing
    one or a comma (`join_score`'s marks), read as code points."""
    o, p = ord(a[len(a) - 1]), ord(b[0])
    return (o < 0x10000 and _OPENER_BMP[o] != 0) or (p < 0x10000 and _MID_START_BMP[p] != 0)


def is_cjk_code(o: int) -> bool:
    """`rules.chars.is_cjk` of a code point."""
    return (0x3400 <= o <= 0x9FFF) or (0xF900 <= o <= 0xFAFF) or (0x20000 <= o <= 0x2FFFF)


def context_run_back(text: str) -> int:
    """How many of the text's last characters decide whether a word spans a break after it:
    of the JOIN_CONTEXT last ones (as `spanning_word` gives the segmenter), those back to a
    mark or a space (BLOCK_ENDS), beyond which jieba segments apart. A quarter fewer characters
    and a third fewer words (each a new Python string) to segment on the dev pages."""
    n = len(text)
    k = 0
    while k < JOIN_CONTEXT and k < n:
        o = ord(text[n - 1 - k])
        if o < 0x10000 and _BLOCK_END_BMP[o] != 0:
            break
        k += 1
    return k


def context_run_ahead(text: str) -> int:
    """`context_run_back` for a break before the text: its first characters up to a mark or a
    space, at most JOIN_CONTEXT."""
    n = len(text)
    k = 0
    while k < JOIN_CONTEXT and k < n:
        o = ord(text[k])
        if o < 0x10000 and _BLOCK_END_BMP[o] != 0:
            break
        k += 1
    return k


# Characters jieba's segmenter never puts in a word, whose sides it segments apart (they end its
# blocks of word characters: CJK ideographs, ASCII letters and digits, `+#&._%-`): CJK
# punctuation and white space. Checked in tests/test_language.py.
BLOCK_ENDS: Final = frozenset(CJK_PUNCT | set(" \t\n\r\x0b\x0c\u3000"))
# Membership tables of the marks `mark_at_break` and the context runs read (all within the
# Basic Multilingual Plane: tests/test_language.py).
_OPENER_BMP: Final = bmp_table(OPENERS)
_MID_START_BMP: Final = bmp_table(MID_SENTENCE_START)
_BLOCK_END_BMP: Final = bmp_table(BLOCK_ENDS)


def spanning_breaks(words: list[str], breaks: list[int]) -> list[bool]:
    """For each break (an offset, ascending, into the text `words` segment): whether a word of
    CJK characters starts before it and ends after it."""
    out = [False] * len(breaks)
    k, n = 0, len(breaks)
    start = 0
    for word in words:
        end = start + len(word)
        while k < n and breaks[k] < end:  # the word holds the character right of break k
            out[k] = start < breaks[k] and all_cjk(word)
            k += 1
        if k == n:
            break
        start = end
    return out


def all_cjk(word: str) -> bool:
    """Every character of the word is a CJK one (`rules.chars.is_cjk`), read as code points."""
    for i in range(len(word)):
        if not is_cjk_code(ord(word[i])):
            return False
    return True
