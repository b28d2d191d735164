"""The character bigrams a head block is scored with against the articles' openings: a text's
bigrams as integers (`bigram_keys`), each opening's, kept to those a head block can share
(`opening_keys`), the share of one set found in another (`share_in`) and a block's head text
(`head_text`). The headlines stage and its helpers (`head_units`, `head_places`, `head_slots`,
`side_heads`, `head_leftovers`, `headless_heads`) read them.
"""
from __future__ import annotations

from typing import Final

import numpy as np

from banmian.model import Line
from banmian.rules.chars import code_points, strip_ws

# Below this many characters a set comprehension builds `bigram_keys` faster than numpy
# (headline blocks); article openings (~400 characters) go through numpy.
NUMPY_BIGRAMS_FROM: Final = 64


def bigram_keys(text: str) -> set[int]:
    """The bigrams of `similarity.bigrams(text)` as integers (first code point << 21 | second): the same
    set, told apart the same way, but built in numpy (an article opening has ~400 bigrams)."""
    t = strip_ws(text)
    if len(t) < 2:
        return set()
    if len(t) < NUMPY_BIGRAMS_FROM:
        # `ord(t[i])`: the compiled build makes no one-character string (a loop over
        # `zip(t, t[1:])` made two a bigram, half of the call's cost; speed alone)
        keys: set[int] = set()
        prev = ord(t[0])
        for i in range(1, len(t)):
            o = ord(t[i])
            keys.add(prev << 21 | o)
            prev = o
        return keys
    cp = code_points(t).astype(np.int64)
    return set(((cp[:-1] << 21) | cp[1:]).tolist())


def opening_keys(openings: list[str], head_lines: list[Line]) -> list[set[int]]:
    """Each opening's `bigram_keys`, only those a headline block can share with it: both
    characters printed in `head_lines` (the lines blocks are made of). A block's bigrams pair
    its lines' characters, so every intersection with a block's bigrams (and whether there is
    one) is what the whole set gives, from sets a seventh of the size (dev pdftotext pages),
    much cheaper to build. A character beyond the Basic Multilingual Plane counts as printed
    (more bigrams kept than needed, never fewer)."""
    texts = [strip_ws(t) for t in openings]
    if not any(len(t) >= 2 for t in texts):
        return [set() for _ in texts]
    printed = np.zeros(0x10000, dtype=bool)
    printed[np.minimum(code_points("".join([ln.text for ln in head_lines])), 0xFFFF)] = True
    cp = code_points("".join(texts)).astype(np.int64)
    known = (cp > 0xFFFF) | printed[np.minimum(cp, 0xFFFF)]
    keys = (cp[:-1] << 21) | cp[1:]
    # the bigrams both of whose characters are printed (where they stand, and their keys as one
    # list), and each text's run of them: text i's bigrams are keys[starts[i]:ends[i]] (the key
    # at its end spans two texts). Speed alone: no array operations per opening.
    kept = np.flatnonzero(known[:-1] & known[1:])
    kept_keys = keys[kept].tolist()
    sizes = np.array([len(t) for t in texts])
    starts = np.cumsum(sizes) - sizes
    firsts = np.searchsorted(kept, starts).tolist()
    lasts = np.searchsorted(kept, starts + sizes - 1).tolist()
    return [set(kept_keys[a:b]) if len(t) >= 2 else set() for t, a, b in zip(texts, firsts, lasts)]


def share_in(part: set[int], whole: set[int]) -> float:
    """Share of the bigrams `part` found in `whole` (0 for an empty part)."""
    return len(part & whole) / len(part) if part else 0.0


def head_text(block: list[Line]) -> str:
    return "".join(ln.text for ln in block if ln.kind == "head")
