"""Per-page tables of character bigrams, found once for many comparisons (speed alone: the
same integers as `similarity`'s one-by-one functions, so the same floats):

- `bigram_shares`: the share of each head line's bigrams found in each fragment's opening
  (`article_starts.head_shares`), by native loops;
- `CountCosines`: the bigram count cosine (`similarity.key_counts_cosine` of
  `similarity.bigram_key_counts`) of one text with every other of a list, from one array table
  of all their counts (`quoted_pieces.report_of`: a piece against every headed article).
"""
from __future__ import annotations

import numpy as np

from banmian.rules.chars import code_points, strip_ws
from banmian.similarity import _COUNT_SKIP


def bigram_shares(parts: list[str], wholes: list[str]) -> list[list[float]]:
    """shares[w][p]: the share of the bigrams of parts[p] (`bigrams`) found in wholes[w], 0 for
    a part without any: `share_found(bigrams(part), strip_ws(whole))` for every pair (the
    counts of `bigrams_found`: the same integers, so the same floats). By loops the compiled
    build runs natively, not array operations (a page's head lines against its fragments'
    openings: a few dozen short parts, a few thousand characters of wholes, where numpy's
    per-call cost was most of the work): each part's bigrams found once, indexed by the parts
    holding them; each whole read once, a bigram looked up only where both its characters
    stand in some part (`_printed_in`: most do not)."""
    holders: dict[int, list[int]] = {}
    sizes: list[int] = []
    for p, part in enumerate(parts):
        own = _bigram_set(strip_ws(part))
        sizes.append(len(own))
        for key in own:
            held = holders.get(key)
            if held is None:
                holders[key] = [p]
            else:
                held.append(p)
    printed = _printed_in(parts)
    out: list[list[float]] = []
    for whole in wholes:
        found = [0] * len(parts)
        if holders:
            _count_found(strip_ws(whole), holders, printed, found)
        out.append([f / n if n else 0.0 for f, n in zip(found, sizes)])
    return out


def _bigram_set(t: str) -> set[int]:
    """The distinct bigrams of a space-free text as integers (first code point << 21 | second)."""
    own: set[int] = set()
    if len(t) < 2:
        return own
    prev = ord(t[0])
    for i in range(1, len(t)):
        o = ord(t[i])
        own.add(prev << 21 | o)
        prev = o
    return own


def _printed_in(parts: list[str]) -> bytes:
    """A membership table over the Basic Multilingual Plane of the characters the parts print
    (a character beyond it is always looked up: `_count_found`)."""
    table = bytearray(0x10000)
    for part in parts:
        for i in range(len(part)):
            o = ord(part[i])
            if o < 0x10000:
                table[o] = 1
    return bytes(table)


def _count_found(t: str, holders: dict[int, list[int]], printed: bytes, found: list[int]) -> None:
    """Add 1 to found[p] for each distinct bigram of the space-free text t that part p holds
    (`holders`: the parts holding each bigram, in part order)."""
    seen: set[int] = set()
    prev = -1  # the character before when it stands in some part (-1: it does not)
    for i in range(len(t)):
        o = ord(t[i])
        if o >= 0x10000 or printed[o]:
            if prev >= 0:
                key = prev << 21 | o
                if key not in seen:
                    held = holders.get(key)
                    if held is not None:
                        seen.add(key)
                        for p in held:
                            found[p] += 1
            prev = o
        else:
            prev = -1



class CountCosines:
    """`key_counts_cosine(bigram_key_counts(texts[n]), bigram_key_counts(texts[k]))` for a text n
    and every k, from one table of every text's bigram counts (each text counted once, in
    array operations, not a dictionary update per bigram: whole articles hold hundreds). The
    dot products and squared norms are integer sums (exact in float64), so the same floats."""

    __slots__ = ("bounds", "counts", "keys", "norms", "pieces")

    def __init__(self, texts: list[str]) -> None:
        cp = code_points("".join(texts)).astype(np.int64)
        piece = np.repeat(np.arange(len(texts), dtype=np.int64), [len(t) for t in texts])
        kept = ~_COUNT_SKIP[np.minimum(cp, 0xFFFF)]  # the characters `bigram_key_counts` counts
        cp, piece = cp[kept], piece[kept]
        same = piece[:-1] == piece[1:]  # no bigram spans two texts
        # (text << 42) | bigram: one sort orders the entries by text, then by bigram
        uniq, counts = np.unique((piece[1:][same] << 42) | ((cp[:-1] << 21) | cp[1:])[same], return_counts=True)
        self.pieces = uniq >> 42
        self.keys = uniq & ((1 << 42) - 1)
        self.counts = counts.astype(np.int64)
        self.norms: list[int] = [int(v) for v in np.bincount(self.pieces, weights=(self.counts * self.counts).astype(np.float64),
                                                            minlength=len(texts)).tolist()]
        # text n's entries are [bounds[n], bounds[n + 1])
        self.bounds: list[int] = np.searchsorted(self.pieces, np.arange(len(texts) + 1)).tolist()

    def cosines(self, n: int) -> list[float]:
        """The count cosine of text n with each text (itself included)."""
        a, b = self.bounds[n], self.bounds[n + 1]
        size = len(self.norms)
        if a == b:
            return [0.0] * size
        own_keys, own_counts = self.keys[a:b], self.counts[a:b]
        at = np.minimum(np.searchsorted(own_keys, self.keys), b - a - 1)
        hit = own_keys[at] == self.keys
        dots = np.bincount(self.pieces[hit], weights=(self.counts[hit] * own_counts[at[hit]]).astype(np.float64),
                           minlength=size).tolist()
        na = self.norms[n]
        out: list[float] = []
        for d, nb in zip(dots, self.norms):
            out.append(int(d) / (na * nb) ** 0.5 if na and nb else 0.0)
        return out
