"""Content similarity of text pieces on one page: TF-IDF weighted character bigrams.

Pieces of one article share its names and terms (`石学海`, `双拥`); pieces of different
articles rarely do. IDF is computed over the page's own pieces, so nothing is learned from
any corpus.
"""
from __future__ import annotations

import math
from collections import Counter

from banmian.rules.chars import CJK_PUNCT


def bigram_counts(text: str) -> Counter:
    """Character bigrams of the text, punctuation and spaces left out."""
    chars = [c for c in text if c not in CJK_PUNCT and not c.isspace()]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


def idf_of(pieces: list[Counter]) -> dict[str, float]:
    """Inverse document frequency of each bigram over the pieces of a page."""
    df: Counter = Counter()
    for p in pieces:
        df.update(p.keys())
    n = len(pieces)
    return {k: math.log((n + 1) / (v + 0.5)) for k, v in df.items()}


def weigh(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    """TF-IDF vector of a piece."""
    return {k: v * idf.get(k, 1.0) for k, v in counts.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    num = sum(v * b.get(k, 0.0) for k, v in a.items())
    if not num:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return num / (na * nb)


def add_into(profile: dict[str, float], vec: dict[str, float]) -> None:
    """Add a piece's vector into an article profile, in place."""
    for k, v in vec.items():
        profile[k] = profile.get(k, 0.0) + v
