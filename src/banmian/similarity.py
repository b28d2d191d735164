"""Content similarity of text pieces on one page: TF-IDF weighted character bigrams.

Pieces of one article share its names and terms (`石学海`, `双拥`); pieces of different
articles rarely do. IDF is computed over the page's own pieces, so nothing is learned from
any corpus. `ContentSpace` keeps the Gram matrix of the pieces, so the cosine of a piece with
any group of pieces (an article so far) costs a few additions, not a pass over vectors.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from operator import mul
from typing import Final, cast

import numpy as np

from banmian.rules.chars import CJK_PUNCT, code_points, strip_ws


def bigram_counts(text: str) -> Counter:
    """Character bigrams of the text, punctuation and spaces left out."""
    chars = [c for c in text if c not in CJK_PUNCT and not c.isspace()]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


def bigram_cosine(a: str, b: str) -> float:
    """`counts_cosine(bigram_counts(a), bigram_counts(b))`: the bigrams as integers (first code
    point << 21 | second) and the same integer sums, so the same float. Texts up to
    COSINE_LOOP_CHARS long count in a dictionary (the compiled build's own loop), longer ones in
    numpy (topic-shift windows, 200 characters each; whole articles)."""
    if len(a) > COSINE_LOOP_CHARS or len(b) > COSINE_LOOP_CHARS:
        return _numpy_bigram_cosine(a, b)
    return key_counts_cosine(bigram_key_counts(a), bigram_key_counts(b))


def key_counts_cosine(ca: dict[int, int], cb: dict[int, int]) -> float:
    """`bigram_cosine` of two texts from their `bigram_key_counts` (a text compared with
    several others is counted once)."""
    if len(cb) < len(ca):
        ca, cb = cb, ca
    dot = 0
    for k, v in ca.items():
        w = cb.get(k, 0)
        if w:
            dot += v * w
    na = 0
    for v in ca.values():
        na += v * v
    nb = 0
    for v in cb.values():
        nb += v * v
    return dot / (na * nb) ** 0.5 if na and nb else 0.0


# Speed alone: the length up to which `bigram_cosine` counts a text's bigrams in a loop rather
# than in numpy, whose calls (unique, intersect1d) cost as much as a loop over some thousand
# characters; both give the same integers.
COSINE_LOOP_CHARS: Final = 1000


def bigram_key_counts(text: str) -> dict[int, int]:
    """The counts of `_bigram_key_array(text)`'s integers, by a loop over the code points."""
    counts: dict[int, int] = {}
    # each key boxed once for both dictionary operations (`_unit_gains` holds keys so too)
    boxed = cast(dict[object, int], counts)
    prev = -1
    for i in range(len(text)):  # `ord(text[i])`: the compiled build makes no one-character string
        o = ord(text[i])
        if _COUNT_SKIP_BMP[o if o < 0xFFFF else 0xFFFF]:
            continue
        if prev >= 0:
            k: object = (prev << 21) | o
            boxed[k] = boxed.get(k, 0) + 1
        prev = o
    return counts


def _numpy_bigram_cosine(a: str, b: str) -> float:
    """`bigram_cosine` in numpy."""
    ka, ca = np.unique(_bigram_key_array(a), return_counts=True)
    kb, cb = np.unique(_bigram_key_array(b), return_counts=True)
    _, ia, ib = np.intersect1d(ka, kb, assume_unique=True, return_indices=True)
    dot = int((ca[ia] * cb[ib]).sum())
    na, nb = int((ca * ca).sum()), int((cb * cb).sum())
    return dot / (na * nb) ** 0.5 if na and nb else 0.0


def _bigram_key_array(text: str) -> np.ndarray:
    """The bigrams of `bigram_counts(text)`, in text order, as integers."""
    cp = code_points(text)
    cp = cp[~COUNT_SKIP[np.minimum(cp, 0xFFFF)]].astype(np.int64)
    return (cp[:-1] << 21) | cp[1:]


# Whitespace (`str.isspace`, as `str.split` and so `strip_ws` take it; all of it below U+3001):
# a lookup table over the Basic Multilingual Plane.
_WHITESPACE: Final = np.zeros(0x10000, dtype=bool)
_WHITESPACE[[o for o in range(0x3001) if chr(o).isspace()]] = True
# The characters `bigram_counts` drops: CJK punctuation and whitespace (also `bigram_tables`).
COUNT_SKIP: Final = _WHITESPACE.copy()
COUNT_SKIP[[ord(c) for c in CJK_PUNCT]] = True
# The same as bytes, read by `ord(ch)` in the compiled build (`bigram_key_counts`).
_COUNT_SKIP_BMP: Final = COUNT_SKIP.astype(np.uint8).tobytes()


def counts_cosine(a: Counter, b: Counter) -> float:
    """Cosine of two count vectors (0 when either is empty). The counts are integers, so the
    sums are exact in any order."""
    dot = sum([a[k] * b[k] for k in a.keys() & b.keys()])
    na, nb = sum(map(mul, a.values(), a.values())), sum(map(mul, b.values(), b.values()))
    return dot / (na * nb) ** 0.5 if na and nb else 0.0


def bigrams(text: str) -> set[str]:
    """The set of character bigrams of the text, whitespace removed."""
    t = strip_ws(text)
    return {t[k:k + 2] for k in range(len(t) - 1)}  # the compiled build's own loop: no call per bigram


def block_overlap(block, text: str) -> float:
    """Share of the head-line bigrams of a headline block (a list of lines) that occur in `text`."""
    return share_found(bigrams("".join([ln.text for ln in block if ln.kind == "head"])), strip_ws(text))


def share_found(part: set[str], whole: str) -> float:
    """Share of the bigrams `part` found in the space-free text `whole` (0 for an empty part):
    the same as the share of `part` in bigrams(whole), since a bigram is one of the text's
    bigrams exactly when it occurs in it, and a few substring tests beat building the set."""
    return sum(1 for b in part if b in whole) / len(part) if part else 0.0


# Characters bigrams skip: a lookup table over the Basic Multilingual Plane.
_SKIP: Final = np.zeros(0x10000, dtype=bool)
_SKIP[[ord(c) for c in CJK_PUNCT | set(" \t\u3000\r\n\f\v")]] = True


def _piece_bigrams(texts: list[str], kept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(piece, bigram) of every bigram of every text, in text order, the characters the table
    `kept` (`_keep_table`) does not keep dropped first; a bigram packs its two code points in
    21 bits each and spans no two texts."""
    cp = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    keep = kept.take(cp)  # one lookup of the code points as they are: speed alone
    piece = np.repeat(np.arange(len(texts), dtype=np.int64), [len(t) for t in texts])[keep]
    cp = cp[keep].astype(np.int64)
    same = piece[:-1] == piece[1:]
    return piece[1:][same], ((cp[:-1] << 21) | cp[1:])[same]


def _keep_table(skip: np.ndarray) -> np.ndarray:
    """The characters a skip table over the Basic Multilingual Plane keeps, over all of Unicode
    (one beyond it kept as U+FFFF is: neither space nor punctuation), so a text's code points
    index it as they are (`_piece_bigrams`; speed alone: no clipping, no negation)."""
    keep = np.full(0x110000, not skip[0xFFFF], dtype=bool)
    keep[:0x10000] = ~skip
    return keep


_KEEP_NOT_WHITESPACE: Final = _keep_table(_WHITESPACE)  # `bigrams`' characters
_KEEP_NOT_SKIP: Final = _keep_table(_SKIP)  # `_bigram_table`'s characters


def bigram_shares(parts: list[str], wholes: list[str]) -> list[list[float]]:
    """shares[w][p]: the share of the bigrams of parts[p] (`bigrams`) found in wholes[w], 0 for
    a part without any: `share_found(bigrams(part), strip_ws(whole))` for every pair, from a
    few array operations (the counts are integers, so the same floats)."""
    found, sizes = bigrams_found(parts, wholes)
    return np.divide(found, sizes, out=np.zeros_like(found), where=sizes > 0).tolist()


def bigrams_found(parts: list[str], wholes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(found, sizes): found[w, p] is how many distinct bigrams of parts[p] (`bigrams`) occur in
    wholes[w]; sizes[p] how many parts[p] has."""
    part_of, part_keys = _piece_bigrams(parts, _KEEP_NOT_WHITESPACE)
    whole_of, whole_keys = _piece_bigrams(wholes, _KEEP_NOT_WHITESPACE)
    keys, key_id = np.unique(part_keys, return_inverse=True)
    if not len(keys):
        return np.zeros((len(wholes), len(parts))), np.zeros(len(parts))
    in_part = np.zeros((len(keys), len(parts)))
    in_part[key_id, part_of] = 1.0
    # the wholes' (bigram, whole) entries in bigram order, and each part bigram's run of them:
    # searching the few part bigrams among the many sorted entries, not the other way round
    entries = np.sort((whole_keys << 21) | whole_of)
    first = np.searchsorted(entries, keys << 21)
    runs = np.searchsorted(entries, (keys + 1) << 21) - first
    at = np.arange(runs.sum()) + np.repeat(first - (np.cumsum(runs) - runs), runs)
    in_whole = np.zeros((len(wholes), len(keys)))
    in_whole[entries[at] & ((1 << 21) - 1), np.repeat(np.arange(len(keys)), runs)] = 1.0
    return in_whole @ in_part, in_part.sum(axis=0)


def _bigram_table(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(piece, bigram id, count) for every distinct bigram of every piece, vectorised.

    The same bigrams as `bigram_counts`: punctuation and spaces are dropped first, so the
    characters around them pair up; no bigram spans two pieces. Each key packs (first char,
    second char, piece) in 21 bits each, so one sort orders the entries by bigram and the
    bigram ids are a running count; within a piece, entries stay in bigram order.
    """
    piece, bigram = _piece_bigrams(texts, _KEEP_NOT_SKIP)
    keys = (bigram << 21) | piece
    if not len(keys):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    uniq, counts = np.unique(keys, return_counts=True)
    bigram = uniq >> 21
    starts = np.empty(len(uniq), dtype=bool)  # first entry of each distinct bigram
    starts[0] = True
    np.not_equal(bigram[1:], bigram[:-1], out=starts[1:])
    return uniq & ((1 << 21) - 1), np.cumsum(starts) - 1, counts.astype(np.float64)


class ContentSpace:
    """TF-IDF bigram vectors of a page's pieces and their Gram matrix (dot products)."""

    def __init__(self, texts: list[str]):
        n = len(texts)
        self.size = n
        self.texts = texts
        rows, cols, counts = _bigram_table(texts)
        if not len(rows):  # no bigrams at all: every dot product is 0
            self.gram = np.zeros((n, n))
            self.cells: list[list[float]] = self.gram.tolist()
            return
        df = np.bincount(cols)
        entry_df = df[cols]
        # the IDF of each document frequency 0..n, looked up per entry: the same logs of the
        # same quotients, a few dozen of them rather than one per entry
        idf = np.log((n + 1) / (np.arange(n + 1) + 0.5))
        w = counts * idf[entry_df]
        # Off the diagonal only bigrams shared by two pieces count: a small dense product.
        shared = entry_df >= 2
        multi = df >= 2
        compact = np.cumsum(multi) - 1
        m = np.zeros((n, int(multi.sum())))
        m[rows[shared], compact[cols[shared]]] = w[shared]
        self.gram = m @ m.T
        self.gram[np.diag_indices(n)] = np.bincount(rows, weights=w * w, minlength=n)
        self.cells = self.gram.tolist()  # plain floats: faster than numpy for single cells

    def cosine(self, i: int, members: Iterable[int]) -> float:
        """Cosine of piece i with the sum of the pieces in `members` (i itself excluded)."""
        others = [k for k in members if k != i]
        if not others:
            return 0.0
        g = self.cells
        row = g[i]
        # plain loops, summed in the order sum() would: the groups hold at most a few pieces
        dot = 0.0
        for k in others:
            dot += row[k]
        if dot <= 0:
            return 0.0
        norm2 = 0.0
        for a in others:
            ga = g[a]
            for b in others:
                norm2 += ga[b]
        return dot / math.sqrt(row[i] * norm2)


class Group:
    """A group of pieces (an article so far), scored against new pieces in O(1).

    Immutable but for a beam search's scratch (`scored_for`, `score`): `plus` returns a new
    group, so the hypotheses of a beam search share groups.
    `dots` holds the dot product with the group's summed vector of every piece from `offset`
    on, its last member's index (plain floats, the Gram rows of its pieces added up: a group is
    scored many times more often than one is made, and a list item is read sooner than a numpy
    one); pieces are added and scored in order, after the group's last member, so the products
    of the pieces before it are not kept (half the additions of a new group on average; asked
    for one, `cosine` adds them up in the same order). `norm2` is the summed vector's squared
    norm.
    """

    __slots__ = ("space", "dots", "offset", "norm2", "members", "scored_for", "score", "children")

    def __init__(self, space: ContentSpace, first: int, base: Group | None = None):
        """The group of piece `first` alone, or with `base`: base's pieces and then `first`."""
        self.space = space
        row = space.cells[first]
        if base is None:
            self.members: tuple[int, ...] = (first,)
            self.dots: list[float] = row  # shared with the space: neither is ever changed
            self.offset: int = 0
            self.norm2: float = row[first]
        else:
            before, shift = base.dots, base.offset
            self.norm2 = base.norm2 + 2 * base.dot(first) + row[first]
            if first >= shift:
                self.dots = [before[k - shift] + row[k] for k in range(first, len(row))]
            else:  # a piece before base's last member (never so in the beam)
                self.dots = [base.dot(k) + row[k] for k in range(first, len(row))]
            self.offset = first
            self.members = base.members + (first,)
        # scratch of a beam search (`thread_beam.score_threads`): the piece the group was last
        # scored against (-1: none yet) and that score, read as a field, not looked up by group
        self.scored_for: int = -1
        self.score: float = 0.0
        # `GroupMaker.plus`'s groups made from this one, by the piece added (None until one is):
        # looked up by a small integer, not by a new tuple of the members hashed whole
        self.children: dict[int, Group] | None = None

    def plus(self, i: int) -> Group:
        """A new group: this one with piece i added (this one is left as it is)."""
        return Group(self.space, i, self)

    def dot(self, i: int) -> float:
        """The dot product of piece i with the group's summed vector."""
        if i >= self.offset:
            return self.dots[i - self.offset]
        cells = self.space.cells  # a piece before the last member: the rows added as `dots` were
        dot = cells[self.members[0]][i]
        for m in self.members[1:]:
            dot = dot + cells[m][i]
        return dot

    def cosine(self, i: int) -> float:
        """Cosine of piece i (not a member) with the group's summed vector."""
        dot = self.dots[i - self.offset] if i >= self.offset else self.dot(i)
        if dot <= 0:
            return 0.0
        return dot / math.sqrt(self.space.cells[i][i] * self.norm2)


class GroupMaker:
    """Makes the groups of one content space, each once per members: the hypotheses of a beam
    search that reach the same group by different paths share one object, so each is scored
    once per piece (its scores are the same either way, summed in the same order).

    The groups made are kept here, not on the space (a group holds its space: no cycle).
    """

    __slots__ = ("made", "space")

    def __init__(self, space: ContentSpace):
        self.space = space
        self.made: dict[tuple[int, ...], Group] = {}

    def single(self, first: int) -> Group:
        """The group of piece `first` alone."""
        found = self.made.get((first,))
        if found is None:
            found = self.made[(first,)] = Group(self.space, first)
        return found

    def plus(self, group: Group, i: int) -> Group:
        """`group.plus(i)`. Asked again for the same group and piece (the beam extends the threads
        its hypotheses share alike, fragment after fragment), it finds the group among `group`'s
        children by the piece alone: the same object `made` holds for those members (a group's
        members are its parent's and then the piece, and each is made once), without a tuple of
        the members built and hashed per ask (speed alone)."""
        children = group.children
        if children is None:
            children = group.children = {}
        found = children.get(i)
        if found is None:
            members = group.members + (i,)
            found = self.made.get(members)
            if found is None:
                found = group.plus(i)
                self.made[members] = found
            children[i] = found
        return found
