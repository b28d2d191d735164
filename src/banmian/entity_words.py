"""Words for entity extraction: the dictionary's tags and counts of a word, the mention
(`Entity`), and what a word alone says of a person's name (a surname and given name, a
transliteration, a title, a surname with an honorific…).

What a word says of a place or an organization is in `banmian.entity_place_words`; the flags
computed once per word from both, which the scan in `banmian.entities` reads, in
`banmian.entity_flags`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import rjieba

from banmian.rules.names import (
    COMMON_SURNAMES,
    COMPOUND_SURNAMES,
    GLUED_TAIL_CHARS,
    HONORIFICS,
    NAME_TAILS,
    NOT_PERSON_CHARS,
    NOT_TITLES,
    NOUN_ENDINGS,
    SURNAME_TITLES,
    SURNAMES,
    TITLE_ENDINGS,
    TITLES,
    TRANSLIT,
)
from banmian.rules.places import NOT_ORG_WORDS, ORG_SUFFIXES, PLACE_ENDINGS

PERSON_TAGS: Final = {"nr", "nrfg", "nrt"}
FAMILIAR_TAGS: Final = {"nr", "n", "a"}  # tags the dictionary gives `老张`, `小王`, `侯老`
# jieba's dictionary count above which a two-character word jieba tags as a name is mostly a
# common word (文明 6585, 顾客 1366, 范畴 925) rather than a name (李鹏 676, 乔石 182)
COMMON_WORD_FREQ: Final = 800
# A two-character word jieba tags as a name, starting with a common surname, with no title, list
# or speech verb around it: above this dictionary count it is mostly an everyday word (陈旧 327,
# 田野 361, 贺卡 84; names: 王刚 4, 刘华 1; limits of 100 and 30 measured worse on the tuning split)
BARE_NAME_MAX_FREQ: Final = 10
GLUED_HEAD_CHARS: Final = set("和与同经受对向跟给让被把由据")  # a word jieba glued before a name (`和李鹏`)
TITLE_BEFORE: Final = ""  # see `name_in_word`
CHINESE_DIGITS: Final = set("〇一二三四五六七八九十")
CJK_RE: Final = re.compile("[\u4e00-\u9fff]+")
# tags of words that are never part of a name (punctuation and digits, particles, adverbs…)
INERT_TAGS: Final = {"x", "uj", "ul", "uz", "ug", "ud", "uv", "u", "p", "c", "d", "m", "r", "f", "q", "y", "e", "o",
              "k", "mq", "rz", "df", "zg"}


@dataclass(slots=True)
class Entity:
    """One mention: character span in the text, type (nr person, ns place, nt organization)."""

    start: int
    end: int
    type: str
    text: str
    title: str | None = None  # a person's title printed before the name (`省委书记`)

    # Written out, not generated (as model.Line's): mypyc leaves a dataclass's generated
    # __init__ interpreted, and a page finds about a hundred mentions.
    def __init__(self, start: int, end: int, type: str, text: str, title: str | None = None) -> None:
        self.start = start
        self.end = end
        self.type = type
        self.text = text
        self.title = title

    def __reduce__(self) -> tuple:
        """Pickled as its constructor's arguments (see `model.Line.__reduce__`)."""
        return (Entity, (self.start, self.end, self.type, self.text, self.title))


_DICTIONARY_CACHES: list = []  # see `dictionary_cache`


def dictionary_cache(fn):
    """`fn` (a function of a word that reads jieba's dictionary) with its results cached until
    `forget_words`."""
    cached = lru_cache(maxsize=65536)(fn)
    _DICTIONARY_CACHES.append(cached)
    return cached


def is_chinese(text: str) -> bool:
    """Whether every character is a CJK ideograph."""
    return CJK_RE.fullmatch(text) is not None


class Endings:
    """A set of word endings, matched by set look-ups of the word's last characters (faster
    than `str.endswith` with a long tuple)."""

    __slots__ = ("ends", "last", "sizes")

    def __init__(self, endings):
        self.ends = frozenset(endings)
        self.sizes = sorted({len(e) for e in self.ends})
        self.last = frozenset(e[-1] for e in self.ends)

    def match(self, word: str) -> int:
        """The length of the shortest ending the word has (0 if none); the word itself counts."""
        if word[-1:] not in self.last:
            return 0
        ends = self.ends
        for k in self.sizes:
            if k <= len(word) and word[-k:] in ends:
                return k
        return 0


ORG_ENDS: Final = Endings(ORG_SUFFIXES)
TITLE_ENDS: Final = Endings(TITLE_ENDINGS)
NOT_ORG_ENDS: Final = Endings(NOT_ORG_WORDS)


def surname_of(word: str) -> str | None:
    """The surname a word starts with (compound surnames first), if any."""
    if word[:2] in COMPOUND_SURNAMES:
        return word[:2]
    return word[0] if word and word[0] in SURNAMES else None


@lru_cache(maxsize=65536)
def chinese_name_shape(word: str) -> bool:
    """Surname + one or two given-name characters, none of them a function character."""
    return name_shape(word)


def name_shape(word: str) -> bool:
    """`chinese_name_shape` uncached (for `person_flags`, once per word: the cache stays as small
    as the rules' own calls make it, which the garbage collector walks through)."""
    sur = surname_of(word)
    return (sur is not None and 1 <= len(word) - len(sur) <= 2
            and is_chinese(word[len(sur):]) and NOT_PERSON_CHARS.isdisjoint(word[len(sur):])
            and not (len(word) == 3 and word[2] in NOUN_ENDINGS))


@lru_cache(maxsize=65536)
def foreign_name_shape(word: str) -> bool:
    """Every character one of the transliteration table's (`克林顿`, `莫斯科`)."""
    return len(word) >= 2 and TRANSLIT.issuperset(word)


@lru_cache(maxsize=65536)
def word_freq(word: str) -> int:
    """jieba's dictionary count of the word."""
    return rjieba.suggest_freq(word)


def common_word(word: str) -> bool:
    """Whether jieba's dictionary counts the word often enough to be an everyday word."""
    return word_freq(word) > COMMON_WORD_FREQ


@lru_cache(maxsize=65536)
def dictionary_place(word: str) -> bool:
    """Whether jieba's dictionary holds the word as one place (`台湾`, `英国`)."""
    got = rjieba.tag(word)
    return len(got) == 1 and got[0][1] == "ns"


def is_title(word: str, tag: str) -> bool:
    """An office or role printed before a name: a known title or a noun ending like one
    (`国防部长`, `副总经理`, `指挥家`)."""
    return word in TITLES or bool(tag == "n" and len(word) >= 2 and TITLE_ENDS.match(word)
                                  and word not in NOT_TITLES)


def surname_with_honorific(word: str) -> int | None:
    """`朱师傅`, `韩老师`, `周总理`: the length of the surname that is the whole name."""
    sur = surname_of(word)
    if sur and (word[len(sur):] in HONORIFICS or word[len(sur):] in SURNAME_TITLES):
        return len(sur)
    return None


def familiar_name(word: str, tag: str) -> bool:
    """`老张`, `小王`, `侯老`: a surname with 老 or 小, a name as a whole (not `古老`, `小康`)."""
    if len(word) != 2 or tag not in FAMILIAR_TAGS:
        return False
    if word[0] in "老小":
        sur = word[1]
    elif word[1] == "老":
        sur = word[0]
    else:
        return False
    return sur in COMMON_SURNAMES and not common_word(word)


def name_with_tail(word: str) -> int | None:
    """A name jieba joined to the next character (`王晓摄`, `李明为`, `汤姆说`): the name's length."""
    if len(word) >= 3 and word[-1] in GLUED_TAIL_CHARS:
        stem = word[:-1]
        if chinese_name_shape(stem) or foreign_name_shape(stem):
            return len(stem)
    return None


@dictionary_cache
def name_before_tail(word: str, tag: str) -> int:
    """`邓小平同志`, `江泽民主席`: the length of a name the dictionary joined to a title or
    `同志` after it (0 if none), not an everyday word before it (`党委书记`)."""
    for tail in NAME_TAILS:
        stem = word[: -len(tail)]
        if word.endswith(tail) and chinese_name_shape(stem) and (
                tag in PERSON_TAGS or word_freq(stem) <= BARE_NAME_MAX_FREQ):
            return len(stem)
    return 0


def no_name_word(word: str, tag: str) -> bool:
    """A title or an organization word (`书记`, `…委员会`) is no name, whatever its context."""
    return word in TITLES or bool(len(word) > 2 and ORG_ENDS.match(word) and tag not in PERSON_TAGS)


def name_in_word(word: str, tag: str) -> tuple[int, int, str | None] | bool | None:
    """What the word alone says of a name in it, whatever stands around it: (start, end of the
    name within the word, its title, TITLE_BEFORE for the one printed before the word), False
    for a place built like a name, None when the context decides. Read once per word
    (`entity_tokens.WordTables.names`)."""
    honor = surname_with_honorific(word)
    if honor is not None:
        return 0, honor, word[honor:]  # `周总理`
    if familiar_name(word, tag):
        return 0, len(word), TITLE_BEFORE  # `老张`
    named = name_before_tail(word, tag)
    if named:
        return 0, named, TITLE_BEFORE  # `邓小平同志`
    if len(word) >= 3 and word.endswith(PLACE_ENDINGS):
        return False  # `张家口`, `石家庄`: a place built like a name
    if tag in PERSON_TAGS:
        glued = name_with_tail(word)
        if glued is not None:
            return 0, glued, TITLE_BEFORE  # `王晓摄`
        if len(word) >= 3 and word[0] in GLUED_HEAD_CHARS and (
                chinese_name_shape(word[1:]) or foreign_name_shape(word[1:])):
            return 1, len(word), None  # `和李鹏`, `同汤姆`: a word glued before the name
    return None


