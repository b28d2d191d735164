"""The per-line fast paths (code-point loops in place of searches and stripped copies) give
exactly what the plain definitions give."""
from __future__ import annotations

import random

from banmian.model import line_ranges
from banmian.rules import furniture as F
from banmian.rules import names as N
from banmian.rules.chars import WHITE_SPACE_AT, first_code_point, is_round_closer, last_code_point, strip_ws
from banmian.stages.classify import _is_colon
from banmian.wide_heads import _LEADING_DASH_AT, LEADING_DASHES

# white space of every kind str.split knows, CJK, marks, a character beyond the Basic Plane
ALPHABET = (list("王李刘张局长部书记总理主席责任编辑校对星期第AB1a、·。）)—－：:")
            + [" ", "\t", "\u3000", "\xa0", "\n", "\r", "\x0b", "\x1c", "\u2002", "\u2028", "\U00020000"])
SIGNATURES = ["国务院总理李鹏", "市委书记王大同", "部长 刘一平", "局长\xa0张三", "总经理、工会主席李四", "书记王 "]


def random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 40)))
        if rng.random() < 0.3:
            text = text[:rng.randrange(0, 6)] + rng.choice(SIGNATURES)
        out.append(text)
    return out


def test_white_space_table_is_str_isspace():
    for o in range(0x10000):
        assert (WHITE_SPACE_AT[o] == 1) == chr(o).isspace(), hex(o)


def plain_titled_name(text: str) -> str | None:
    t = strip_ws(text)
    if len(t) > N.TITLED_NAME_MAX_CHARS:  # the patterns alone, without the prefilter
        return None
    m = N._TITLED_NAME.match(t) or N._LISTED_OFFICES.match(t)
    return m.group(1) if m and m.group(1)[0] in N.SURNAMES_1 else None


def test_titled_name_prefilter_drops_no_name():
    texts = random_texts(5000, seed=2) + SIGNATURES
    found = 0
    for text in texts:
        assert N.titled_name(text) == plain_titled_name(text), repr(text)
        found += plain_titled_name(text) is not None
    assert found > 100  # the fixtures hold names to find


def plain_may_be_strong_header(text: str) -> bool:
    if "责" in text or "責" in text or "校" in text or "星" in text:
        return True
    t = text.lstrip()
    return bool(t) and t[0] in F._STRONG_HEADER_FIRST


def test_may_be_strong_header_matches_its_definition():
    for text in random_texts(5000, seed=3) + ["", "  第3版", "A03 社会", "\U00020000", " 星"]:
        assert F.may_be_strong_header(text) == plain_may_be_strong_header(text), repr(text)


def test_last_code_point_reads_the_stripped_end():
    for text in random_texts(5000, seed=4) + ["", " \n", "（注）  ", "——"]:
        end = last_code_point(text)
        stripped = text.rstrip()
        assert end == (ord(stripped[-1]) if stripped else -1), repr(text)
        assert is_round_closer(end) == stripped.endswith(("）", ")"))
        assert (0 <= end < 0x10000 and _LEADING_DASH_AT[end] == 1) == stripped.endswith(LEADING_DASHES)
        assert _is_colon(end) == (stripped != "" and stripped[-1] in "：:")
        assert (end != -1) == bool(text.strip())
        lstripped = text.lstrip()
        assert first_code_point(text) == (ord(lstripped[0]) if lstripped else -1), repr(text)


def test_may_be_furniture_matches_its_definition():
    for text in random_texts(5000, seed=6) + ["", " ", "  图为", "（新华社记者摄）", "\U00020000"]:
        t = text.lstrip()
        assert F.may_be_furniture(text) == (bool(t) and F._first_in(F._FURNITURE_FIRST_AT, t)), repr(text)


def plain_line_ranges(numbers: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return out


def test_line_ranges_matches_its_definition():
    rng = random.Random(5)
    for _ in range(3000):
        numbers = [rng.randrange(1, 50) for _ in range(rng.randrange(0, 25))]
        assert line_ranges(numbers) == plain_line_ranges(numbers), numbers
