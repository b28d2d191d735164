"""The index token streams of folded text, built with array operations.

`query.index_streams` defines the tokens: units (each letter alone, an ASCII word or number of
[0-9a-z] whole) in runs that punctuation, symbols and line ends separate (spaces and underscores
do not), the bigrams of each run and every unit. Building them string by string (a Python
object per unit and per bigram) was about a quarter of ingest CPU (bench/archive.py); here the
text is one array of code points, the units and run breaks are masks over it, and each stream
is gathered in one step and decoded once. `tests/test_archive.py` checks the result equals the
string-by-string reading (`query.segments` of each field) on hand-made and random text (the
same held for every article of the People's Daily corpus).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

BREAK, UNIT, SKIP = 0, 1, 2  # what a character does to a run of units
_BMP = 0x10000
_SPACE = 32


def char_class(ch: str) -> int:
    """UNIT for a letter or digit (regex `\\w` without `_`), SKIP for a space other than a line
    end or `_` (units read on over them), BREAK for anything else."""
    if ch.isalnum():
        return UNIT
    return SKIP if ch == "_" or (ch.isspace() and ch != "\n") else BREAK


@lru_cache(maxsize=1)
def _bmp_classes() -> np.ndarray:
    return np.array([char_class(chr(c)) for c in range(_BMP)], dtype=np.uint8)


def _classes(codes: np.ndarray) -> np.ndarray:
    table = _bmp_classes()
    if not codes.size or int(codes.max()) < _BMP:
        return table[codes]
    cls = table[np.minimum(codes, _BMP - 1)]
    for i in np.flatnonzero(codes >= _BMP):  # rare: characters beyond the BMP, one by one
        cls[i] = char_class(chr(codes[i]))
    return cls


def _gather(codes: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """codes[s:s + n] for each (s, n) of starts and lengths, concatenated."""
    ends = np.cumsum(lengths)
    return codes[np.arange(int(ends[-1]) if ends.size else 0) + np.repeat(starts - ends + lengths, lengths)]


def _spans(columns: list[np.ndarray | int], size: int) -> np.ndarray:
    """The columns (arrays of `size`, or one number for all) interleaved: row by row."""
    out = np.empty(size * len(columns), dtype=np.intp)
    for i, column in enumerate(columns):
        out[i::len(columns)] = column
    return out


def _text(codes: np.ndarray) -> str:
    return codes.astype(np.uint32, copy=False).tobytes().decode("utf-32-le", "surrogatepass")


def streams(folded: str) -> tuple[str, str]:
    """(bigram stream, unit stream) of folded text, tokens separated by one space."""
    codes = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls = _classes(codes)
    unit = cls == UNIT
    ascii_ = ((codes - 48) < 10) | ((codes - 97) < 26)  # [0-9a-z]; below 48 wraps round (uint32)
    word_lengths = None
    if ascii_.any():
        inside = np.empty_like(ascii_)
        inside[0], inside[1:] = False, ascii_[1:] & ascii_[:-1]  # an ASCII character after another: same word
        unit &= ~inside
        last = ascii_.copy()
        last[:-1] &= ~ascii_[1:]
        word_lengths = np.flatnonzero(last) - np.flatnonzero(ascii_ & ~inside) + 1
    starts = np.flatnonzero(unit)
    breaks = np.cumsum(cls == BREAK)[starts]
    pair = np.flatnonzero(breaks[1:] == breaks[:-1])  # unit i and i + 1 in one run
    if word_lengths is None:  # every unit one character: gather them directly
        uni = np.empty((starts.size, 2), dtype=np.uint32)
        uni[:, 0], uni[:, 1] = codes[starts], _SPACE
        bi = np.empty((pair.size, 3), dtype=np.uint32)
        bi[:, 0], bi[:, 1], bi[:, 2] = codes[starts[pair]], codes[starts[pair + 1]], _SPACE
        return _text(bi.ravel()[:-1]), _text(uni.ravel()[:-1])
    lengths = np.ones(starts.size, dtype=np.intp)
    lengths[ascii_[starts]] = word_lengths
    with_space = np.append(codes, np.uint32(_SPACE))  # index codes.size: the separator
    n, first, second = codes.size, starts[pair], starts[pair + 1]
    uni = _gather(with_space, _spans([starts, n], starts.size), _spans([lengths, 1], starts.size))
    bi = _gather(with_space, _spans([first, second, n], pair.size),
                 _spans([lengths[pair], lengths[pair + 1], 1], pair.size))
    return _text(bi[:-1]), _text(uni[:-1])
