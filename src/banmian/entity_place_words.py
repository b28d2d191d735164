"""Place and organization words for entity extraction: what a word alone says of a place (a
rare dictionary place, a word ending in a place unit, a known place at the head of a longer word
or after a prefix) or of an organization (a word that closes its name, an organization word
before a title).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Final

from banmian.entity_words import (
    CHINESE_DIGITS,
    NOT_ORG_ENDS,
    ORG_ENDS,
    PERSON_TAGS,
    chinese_name_shape,
    dictionary_place,
    foreign_name_shape,
    word_freq,
)
from banmian.rules.names import SURNAME_TITLES, TITLES
from banmian.rules.places import (
    COUNTRY_ABBREVIATIONS,
    GENERIC_PLACE_HEADS,
    NOT_ORG_TAGS,
    NOT_ORG_WORDS,
    NOT_PLACES,
    ORG_SUFFIXES,
    PLACE_GLUED_ENDINGS,
    PLACE_UNITS,
    RARE_PLACE_FREQ,
    UNIT_HEAD_MAX_FREQ,
    UNIT_WORD_MAX_FREQ,
)
from banmian.rules.world_places import KNOWN_PLACES, PLACE_PREFIXES
PREFIX_HEADS: Final = frozenset(p[0] for p in PLACE_PREFIXES)
MAX_KNOWN_PLACE_CHARS: Final = max(map(len, KNOWN_PLACES))
# events named after a place are one name (`南昌起义`, `西安事变`, `遵义会议`, `朝鲜战争`)
NAMED_EVENT_TAILS: Final = {"起义", "事变", "会议", "战争", "战役", "条约", "协定", "协议", "宣言", "事件", "暴动", "运动"}


def plain_place(word: str, tag: str) -> bool:
    """A dictionary place (`ns`) that is no everyday word and no pair of country abbreviations."""
    if tag != "ns" or len(word) < 2 or word in NOT_PLACES:
        return False
    if len(word) == 2 and word[0] in COUNTRY_ABBREVIATIONS and word[1] in COUNTRY_ABBREVIATIONS:
        return False
    if word.startswith(GENERIC_PLACE_HEADS):
        return False
    return len(word) > 2 or word_freq(word) >= RARE_PLACE_FREQ


def unit_place(word: str, tag: str) -> bool:
    """A rare word ending in a place unit (`平安县`, `马庄村`), whatever the dictionary tags it."""
    return (len(word) >= 3 and word.endswith(PLACE_UNITS) and tag not in NOT_ORG_TAGS and tag != "ns"
            and rare_named(word, 1))


def rare_named(word: str, tail: int) -> bool:
    """A rare word whose part before its last `tail` characters (a unit, a kind of site) is no
    everyday word either: `马庄村`, `翠湖公园`, not `警务区`, `重点县`, `儿童公园`."""
    return (not word.startswith(GENERIC_PLACE_HEADS) and not ORG_ENDS.match(word)
            and word_freq(word) <= UNIT_WORD_MAX_FREQ and word_freq(word[:-tail]) <= UNIT_HEAD_MAX_FREQ)


def glued_place(word: str) -> int | None:
    """`台湾同胞`, `英国人`, `日本首相`, `天津日报`: the length of the place the word starts with."""
    for ending in PLACE_GLUED_ENDINGS:
        head = word[: -len(ending)]
        if word.endswith(ending) and len(head) >= 2 and (
                head in KNOWN_PLACES or (dictionary_place(head) and head not in NOT_PLACES)):  # not `外国人`
            return len(word) - len(ending)
    return known_place_head(word) or None


def place_prefix(word: str) -> int:
    """`首都北京`, `原苏联`, `环渤海`: the length of the prefix before a known place that makes up
    the rest of the word (0 if none)."""
    if word[:1] not in PREFIX_HEADS:
        return 0
    for prefix in PLACE_PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in KNOWN_PLACES:
            return len(prefix)
    return 0


@lru_cache(maxsize=65536)
def known_place_head(word: str) -> int:
    """The length of the longest known place a longer word starts with (`中国围棋` 2,
    `亚特兰大奥运会` 4), 0 if none."""
    for k in range(min(len(word) - 1, MAX_KNOWN_PLACE_CHARS), 1, -1):
        if word[:k] in KNOWN_PLACES:
            rest = word[k:]
            if len(rest) == 1 and rest not in PLACE_UNITS:
                return 0  # `中国画`, `蒙古族`, `三明治`, `大理石`: one word, not a place and a word
            if len(rest) > 1 and (rest in NAMED_EVENT_TAILS or word_freq(rest) == 0):
                return 0  # `南昌起义`, `西安事变`; `哈密尔顿`: no place and a word
            return k
    return 0


def ends_organization(word: str, tag: str) -> bool:
    """Whether a word closes an organization name (`…委员会`, `…局`, `外交部`), not an everyday
    word that happens to end the same way (`社会`, `南部`, `部署`)."""
    if NOT_ORG_ENDS.match(word):
        return False  # `社会`, `经济社会`
    if tag == "nt" or word in ORG_SUFFIXES:
        return True  # `福州市新华书店`, `驻马店分行` (the dictionary tags 分行 a verb)
    k = ORG_ENDS.match(word)
    # a name ends in a one-character organization word only by chance (`赵文军`, `莫斯科`)
    return bool(k) and tag not in NOT_ORG_TAGS and not (
        tag in PERSON_TAGS and k == 1 and (chinese_name_shape(word) or foreign_name_shape(word)))


@lru_cache(maxsize=4096)
def org_before_title(word: str) -> int:
    """`市委书记`, `人大主任`, `医院院长`: the length of the organization word a title word starts
    with (0 if none)."""
    for k in range(2, len(word) - 1):
        if (word[k:] in TITLES or word[k:] in SURNAME_TITLES) and ORG_ENDS.match(word[:k]) \
                and word[:k] not in NOT_ORG_WORDS:
            return k
    return 0


def ordinal_like(word: str) -> bool:
    """`第一`, `五十五`: a number inside an organization's name (`北京市第一福利院`)."""
    return all(ch in CHINESE_DIGITS or ch in "第百" for ch in word)
