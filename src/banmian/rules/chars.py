"""Character classes and the em-width of printed text."""
from __future__ import annotations

import re
from typing import Final

import numpy as np

# Punctuation that may be compressed to half an em (标点挤压); counted at its full em here,
# which is how the dev dumps' full lines measure (see bench: slack of middle lines is 0..0.5 em).
CJK_PUNCT: Final = set("，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕—…·－～")
# where a clause of running text starts or ends: beside a punctuation mark
CLAUSE_BREAKS: Final = CJK_PUNCT | set(",.;:?!")
# The dashes of a head line run on into the next one (`——三论…` opening a subtitle, a kicker
# ending on `—`); a hyphen-minus is not one.
HEAD_DASHES: Final[tuple[str, ...]] = ("—", "－")
# Marks that close a clause inside a sentence: a line holding one reads as running text, not as a
# headline's line (modules that also count `？！` or enumeration commas add them to this set).
CLAUSE_MARKS: Final = "，。；："
# A paragraph, a sentence or a clause can end after these.
SENTENCE_FINAL: Final = set("。！？…")
CLOSERS: Final = set("”’）》」』】〕)")
# Marks that come in pairs, (opening, closing): a line leaving one open runs on into the next.
PAIRED_MARKS: Final = (("《", "》"), ("“", "”"), ("『", "』"), ("「", "」"), ("（", "）"), ("‘", "’"))
OPENERS: Final = set("“‘（《「『【〔(")


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (or a full-width form) that takes one em."""
    o = ord(ch)
    return (0x3400 <= o <= 0x9FFF) or (0xF900 <= o <= 0xFAFF) or (0x20000 <= o <= 0x2FFFF)


def cjk_mask(codes: np.ndarray) -> np.ndarray:
    """`is_cjk` of each code point of an array (vectorised; the same ranges)."""
    return (((codes >= 0x3400) & (codes <= 0x9FFF)) | ((codes >= 0xF900) & (codes <= 0xFAFF))
            | ((codes >= 0x20000) & (codes <= 0x2FFFF)))


def code_points(text: str) -> np.ndarray:
    """The code points of a text as an array (one per Python character, so indexes agree)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def char_em(ch: str) -> float:
    """Width of one printed character in em."""
    if ch == " " or ch == "\t":
        return 0.0
    if ord(ch) < 0x2000 and ch not in CJK_PUNCT:
        return 0.5  # half-width digit, Latin letter, ASCII punctuation
    return 1.0


# Characters that take half an em: ASCII other than space and tab, and U+0080..U+1FFF except
# CJK punctuation (of which only `·` lies in that range).
_HALF_WIDTH: Final = re.compile("[\x00-\x08\x0a-\x1f!-\u00b6\u00b8-\u1fff]")


def text_em(text: str) -> float:
    """Width of a line in em (spaces count nothing: they are extractor gaps)."""
    spaces = text.count(" ") + text.count("\t")
    if text.isascii():
        half = len(text) - spaces
    else:
        half = len(_HALF_WIDTH.findall(text))
    return len(text) - spaces - 0.5 * half


# Twice `char_em` of each code point below U+2000 (0, 1 or 2; from U+2000 on every character
# takes one em, two halves, as in `text_em`): the lookup table of `text_ems`.
_HALF_EMS_BELOW_2000: Final = bytes(int(2 * char_em(chr(o))) for o in range(0x2000))


def text_ems(texts: list[str]) -> list[float]:
    """`text_em` of each text, for many texts at once (a page's lines): the same floats.

    One table lookup per character, read as a code point (`ord(text[i])`: the compiled build
    makes no one-character string), summed in half ems as integers and halved at the end (every
    width is a multiple of half an em, so the sums are exact). A plain loop: the compiled build
    runs it natively, at a fraction of the array version's per-call overhead on a page's lines.
    """
    table = _HALF_EMS_BELOW_2000
    out: list[float] = []
    for text in texts:
        half = 0
        for i in range(len(text)):
            o = ord(text[i])
            half += table[o] if o < 0x2000 else 2
        out.append(half * 0.5)
    return out


_TRAILING_CREDIT: Final = re.compile(r"[（(][^（）()]{1,16}[）)]$")


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence: 。！？… possibly followed by closing quotes/brackets
    or by a bracketed author credit (`颂歌。（秦杰向兵）`)."""
    n = len(text)
    if not n:
        return False
    last = ord(text[n - 1])  # the compiled build reads the code point: no one-character string made
    kind = _END_KINDS[last] if last < 0x10000 else _OTHER_END
    if kind == _OTHER_END:
        return False  # the common case: nothing to strip off the end, and no sentence-final mark
    if kind == _FINAL_END:
        return True
    return ends_sentence_stripping(text)  # a closer or a space at the end


def bmp_table(chars) -> bytes:
    """A membership table over the Basic Multilingual Plane: 1 at the code points of `chars`
    (theirs beyond it are left to the caller), read by `ord(text[i])` in the compiled build,
    which makes no one-character string."""
    table = bytearray(0x10000)
    for c in chars:
        if ord(c) < 0x10000:
            table[ord(c)] = 1
    return bytes(table)


def in_bmp_table(code: int, table: bytes) -> bool:
    """The code point (-1 for none) is marked in a `bmp_table`; one beyond the Basic
    Multilingual Plane never is (for tables whose characters all lie in it)."""
    return 0 <= code < 0x10000 and table[code] == 1


# What the last character of a text is to `ends_sentence`, by code point over the Basic
# Multilingual Plane (above it: none of these): a SENTENCE_FINAL mark, a CLOSERS one or white
# space (`str.isspace`: stripped first), or another character.
_OTHER_END: Final = 0
_FINAL_END: Final = 1
_STRIP_END: Final = 2


def _end_kinds() -> bytes:
    """The table of `ends_sentence`'s end kinds (white space: all of it below U+3001)."""
    table = bytearray(0x10000)  # _OTHER_END
    for o in range(0x3001):
        if chr(o).isspace():
            table[o] = _STRIP_END
    for c in CLOSERS:
        table[ord(c)] = _STRIP_END
    for c in SENTENCE_FINAL:
        table[ord(c)] = _FINAL_END
    return bytes(table)


_END_KINDS: Final = _end_kinds()


def ends_sentence_stripping(text: str) -> bool:
    """`ends_sentence` the long way: strip spaces, a trailing credit and closers first."""
    t = text.rstrip()
    if t[-1:] in ("）", ")"):
        t2 = _TRAILING_CREDIT.sub("", t)
        if t2 != t and t2 and (t2[-1] in SENTENCE_FINAL or t2[-1] in CLOSERS):
            t = t2
    t = strip_closers(t)
    return bool(t) and t[-1] in SENTENCE_FINAL


def strip_closers(text: str) -> str:
    """The text without the closing quotes and brackets it ends with (`『哪种米好吃？』` -> `『哪种米好吃？`)."""
    while text and text[-1] in CLOSERS:
        text = text[:-1]
    return text


def strip_ws(text: str) -> str:
    """The text with all whitespace removed (how the scorer compares). The short way when the
    text holds none: no white space but the ASCII space is printable (`str.isprintable`), which
    catches a line separator or a no-break space inside the text too; asking only for a space,
    a tab, U+3000 and white space at the ends left `1<U+2028>9` whole while `战 1<U+2028>9` lost it,
    and a head line that its head printed looked missing from it (found by fuzzing)."""
    if " " not in text and text.isprintable():
        return text
    return "".join(text.split())


# White space as `str.split` and `str.strip` read it (every such character lies in the Basic
# Multilingual Plane), by code point.
WHITE_SPACE_AT: Final = bmp_table([chr(o) for o in range(0x10000) if chr(o).isspace()])


def last_code_point(text: str) -> int:
    """The code point of the text's last character other than white space (`text.rstrip()[-1]`),
    -1 when there is none, read without a stripped copy or a one-character string."""
    i = len(text) - 1
    while i >= 0:
        o = ord(text[i])
        if o >= 0x10000 or WHITE_SPACE_AT[o] == 0:
            return o
        i -= 1
    return -1


def first_code_point(text: str) -> int:
    """The code point of the text's first character other than white space (`text.lstrip()[0]`),
    -1 when there is none (`last_code_point` from the other end)."""
    n = len(text)
    i = 0
    while i < n:
        o = ord(text[i])
        if o >= 0x10000 or WHITE_SPACE_AT[o] == 0:
            return o
        i += 1
    return -1


def is_round_closer(code: int) -> bool:
    """The code point is a closing round bracket, full-width `）` or half-width `)`."""
    return code == 0xFF09 or code == 0x29


def has_clause_mark(text: str) -> bool:
    """The text holds one of CLAUSE_MARKS (`unpunctuated_heads.holds_clause_mark` looks for the
    wider set of head clause marks)."""
    for ch in text:
        if ch in CLAUSE_MARKS:
            return True
    return False
