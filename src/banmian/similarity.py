"""Content similarity of text pieces on one page: TF-IDF weighted character bigrams.

Pieces of one article share its names and terms (`石学海`, `双拥`); pieces of different
articles rarely do. IDF is computed over the page's own pieces, so nothing is learned from
any corpus. `ContentSpace` keeps the Gram matrix of the pieces, so the cosine of a piece with
any group of pieces (an article so far) costs a few additions, not a pass over vectors.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from banmian.rules.chars import CJK_PUNCT


def bigram_counts(text: str) -> Counter:
    """Character bigrams of the text, punctuation and spaces left out."""
    chars = [c for c in text if c not in CJK_PUNCT and not c.isspace()]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


class ContentSpace:
    """TF-IDF bigram vectors of a page's pieces and their Gram matrix (dot products)."""

    def __init__(self, texts: list[str]):
        counts = [bigram_counts(t) for t in texts]
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, c in enumerate(counts):
            for k, v in c.items():
                rows.append(i)
                cols.append(vocab.setdefault(k, len(vocab)))
                vals.append(v)
        n = len(texts)
        self.size = n
        self.gram = np.zeros((n, n))
        if not rows:
            return
        rows_a = np.asarray(rows, dtype=np.int64)
        cols_a = np.asarray(cols, dtype=np.int64)
        df = np.bincount(cols_a, minlength=len(vocab))
        w = np.asarray(vals, dtype=np.float64) * np.log((n + 1) / (df[cols_a] + 0.5))
        # Off the diagonal only bigrams shared by two pieces count: a small dense product.
        shared = df[cols_a] >= 2
        compact = np.cumsum(df >= 2) - 1
        m = np.zeros((n, int((df >= 2).sum())))
        m[rows_a[shared], compact[cols_a[shared]]] = w[shared]
        self.gram = np.dot(m, m.T)
        self.gram[np.diag_indices(n)] = np.bincount(rows_a, weights=w * w, minlength=n)

    def cosine(self, i: int, members) -> float:
        """Cosine of piece i with the sum of the pieces in `members` (i itself excluded)."""
        members = [k for k in members if k != i]
        if not members:
            return 0.0
        g = self.gram
        dot = g[i, members].sum()
        norm2 = g[np.ix_(members, members)].sum()
        return float(dot / math.sqrt(g[i, i] * norm2)) if dot > 0 else 0.0


class Group:
    """A growing group of pieces (an article so far), scored against new pieces in O(1)."""

    __slots__ = ("space", "dots", "norm2", "members")

    def __init__(self, space: ContentSpace, first: int):
        self.space = space
        self.members = [first]
        self.dots = space.gram[:, first].copy()  # dot of every piece with the group's sum
        self.norm2 = float(space.gram[first, first])

    def add(self, i: int) -> None:
        self.norm2 += 2 * float(self.dots[i]) + float(self.space.gram[i, i])
        self.dots += self.space.gram[:, i]
        self.members.append(i)

    def cosine(self, i: int) -> float:
        """Cosine of piece i (not a member) with the group's summed vector."""
        dot = float(self.dots[i])
        if dot <= 0:
            return 0.0
        return dot / math.sqrt(float(self.space.gram[i, i]) * self.norm2)
