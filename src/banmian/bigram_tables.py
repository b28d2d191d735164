"""A page's table of character bigram counts, found once for many comparisons (speed alone: the
same integers as `similarity`'s one-by-one functions, so the same floats): `CountCosines`, the
bigram count cosine (`similarity.key_counts_cosine` of `similarity.bigram_key_counts`) of one
text with every other of a list, from one array table of all their counts
(`quoted_pieces.report_of`: a piece against every headed article).
"""
from __future__ import annotations

import numpy as np

from banmian.rules.chars import code_points
from banmian.similarity import COUNT_SKIP


class CountCosines:
    """`key_counts_cosine(bigram_key_counts(texts[n]), bigram_key_counts(texts[k]))` for a text n
    and every k, from one table of every text's bigram counts (each text counted once, in
    array operations, not a dictionary update per bigram: whole articles hold hundreds). The
    dot products and squared norms are integer sums (exact in float64), so the same floats."""

    __slots__ = ("bounds", "counts", "keys", "norms", "pieces")

    def __init__(self, texts: list[str]) -> None:
        cp = code_points("".join(texts)).astype(np.int64)
        piece = np.repeat(np.arange(len(texts), dtype=np.int64), [len(t) for t in texts])
        kept = ~COUNT_SKIP[np.minimum(cp, 0xFFFF)]  # the characters `bigram_key_counts` counts
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
