"""Words and tokens for entity extraction: what a word can be (a surname and given name, a
transliteration, a title, a dictionary place, an organization word…), as flags computed once
per word, and a paragraph's tokens with their flags (`Tokens`).

The scan in `banmian.entities` only looks at tokens whose flags say a rule can fire there, which
keeps extraction near the tagger's own speed.
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
from banmian.rules.places import (
    COUNTRY_ABBREVIATIONS,
    CUED_PLACE_MAX_FREQ,
    DATELINE_OPENERS,
    DATELINE_WORDS,
    GENERIC_PLACE_HEADS,
    NOT_ORG_TAGS,
    NOT_ORG_WORDS,
    NOT_PLACES,
    ORG_PART_TAGS,
    ORG_START_TAGS,
    ORG_START_WORDS,
    ORG_SUFFIXES,
    PLACE_ENDINGS,
    PLACE_GLUED_ENDINGS,
    PLACE_UNITS,
    RARE_PLACE_FREQ,
    UNIT_HEAD_MAX_FREQ,
    UNIT_WORD_MAX_FREQ,
    VENUE_SUFFIXES,
)
from banmian.rules.world_places import KNOWN_PLACES, PLACE_PREFIXES

PERSON_TAGS: Final = {"nr", "nrfg", "nrt"}
FAMILIAR_TAGS: Final = {"nr", "n", "a"}  # tags the dictionary gives `老张`, `小王`, `侯老`
# jieba's dictionary count above which a two-character word jieba tags as a name is mostly a
# common word (文明 6585, 顾客 1366, 范畴 925) rather than a name (李鹏 676, 乔石 182)
COMMON_WORD_FREQ: Final = 800
# A two-character word jieba tags as a name, starting with a common surname, with no title, list
# or speech verb around it: above this dictionary count it is mostly an everyday word (陈旧 327,
# 田野 361, 贺卡 84; names: 王刚 4, 刘华 1; limits of 100 and 30 measured worse on the tuning split)
BARE_NAME_MAX_FREQ: Final = 10
NAME_DOTS: Final = {"·", "•", "・"}  # the dot between the parts of a foreign name
ORG_INNER_WORDS: Final = {"驻"}  # `中国驻南非大使馆`
GLUED_HEAD_CHARS: Final = set("和与同经受对向跟给让被把由据")  # a word jieba glued before a name (`和李鹏`)
TITLE_BEFORE: Final = ""  # see `name_in_word`
SPLIT_UNITS: Final = {"乡", "镇", "村", "县"}  # units the dictionary leaves as words of their own
UNIT_CHARS: Final = frozenset(PLACE_UNITS)  # every unit is one character
CHINESE_DIGITS: Final = set("〇一二三四五六七八九十")
CJK_RE: Final = re.compile("[\u4e00-\u9fff]+")
# tags of words that are never part of a name (punctuation and digits, particles, adverbs…)
INERT_TAGS: Final = {"x", "uj", "ul", "uz", "ug", "ud", "uv", "u", "p", "c", "d", "m", "r", "f", "q", "y", "e", "o",
              "k", "mq", "rz", "df", "zg"}
# tags of words that start with a known place but name something else as a whole: an
# organization (`中国银行`), a place (`河北省张家口`: see `plain_place`), a person
HEADLESS_TAGS: Final = {"nt", "ns", "nr", "nrfg", "i"}  # and idioms (`大同小异`)
PREFIX_HEADS: Final = frozenset(p[0] for p in PLACE_PREFIXES)
MAX_KNOWN_PLACE_CHARS: Final = max(map(len, KNOWN_PLACES))
# events named after a place are one name (`南昌起义`, `西安事变`, `遵义会议`, `朝鲜战争`)
NAMED_EVENT_TAILS: Final = {"起义", "事变", "会议", "战争", "战役", "条约", "协定", "协议", "宣言", "事件", "暴动", "运动"}
LIGHT_TAGS: Final = {"v", "vn", "vd", "a", "ad", "an", "l", "i", "z"}  # see `pair_flags`

# Flags of a word (see `pair_flags`); a token without an entry flag, after a token that is
# neither a title nor a dateline opener and before no lone place unit, fires no rule.
PERSONISH: Final = 1  # a dictionary name or a word built like one
PLACE: Final = 2  # a dictionary place that is no everyday word
TITLE: Final = 4  # an office or role printed before a name
ORG_START: Final = 8  # may open an organization name
ORG_PART: Final = 16  # may stand inside an organization name
ORG_END: Final = 32  # closes an organization name
OPENER: Final = 64  # opens a dateline (`新华社`, `本报`): the next word may be its place
DOT: Final = 128  # the dot inside a foreign name
GLUED: Final = 256  # a place glued to the next word (`台湾同胞`)
UNIT: Final = 512  # a rare word ending in a place unit or naming a site (`马庄村`, `翠湖公园`)
ORG_WORD: Final = 1024  # a dictionary organization on its own
FOREIGN: Final = 2048  # a transliterated name tagged as a person: person or place by its context
NAME_PART: Final = 4096  # may be a part of a name in parts (`威廉` `·` `佩里`)
LIST_MARK: Final = 8192  # the mark between list items (`、`)
VENUE: Final = 16384  # a building or site (`…宾馆`, `…机场`): closes a place name as ORG_END an organization's
UNIT_MARK: Final = 32768  # a place unit on its own (`乡`, `村`): the word before it may be a place's name
PREFIXED: Final = 65536  # a known place after a prefix in one word (`首都北京`, `环渤海`)
CUED_PLACE: Final = 131072  # a rare dictionary place: a place only with a place word around it
# What the word alone says of a person's name (`person_flags`), read by `entity_people.person_at`
# from the flags rather than from cached calls at each of its seventy-odd calls a page
NO_NAME: Final = 262144  # a title or an organization word, no name whatever its context (`no_name_word`)
NAME_SHAPE: Final = 524288  # built like a Chinese name (`chinese_name_shape`)
TRIGGER_NEXT: Final = TITLE | OPENER  # flags that make the next token worth a look
# flags that start an entity
ENTRY: Final = PERSONISH | PLACE | ORG_START | GLUED | UNIT | ORG_WORD | FOREIGN | PREFIXED | CUED_PLACE
FLAG_LIMIT: Final = NAME_SHAPE << 1  # every flag value is below this
# Where the scan should look, kept in the top byte of a word's flags (see `look_marks`): a word's
# flags are below LOOK_HERE when it has no look mark (`entity_tokens.read_words`)
LOOK_HERE: Final = 1 << 24  # the word may start an entity (an ENTRY flag)
LOOK_NEXT: Final = 2 << 24  # the next word may (a title, a dateline opener)
LOOK_BEFORE: Final = 4 << 24  # the word before may (a lone place unit)
assert FLAG_LIMIT <= LOOK_HERE, "the rule flags must stay below the look marks' byte"


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
VENUE_ENDS: Final = Endings(VENUE_SUFFIXES)
GLUED_ENDS: Final = Endings(PLACE_GLUED_ENDINGS)
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


def pair_flags(word: str, tag: str) -> int:
    """What rules a (word, tag) pair can take part in, as PERSONISH | PLACE | … bits."""
    f = (TITLE if is_title(word, tag) else 0) | (OPENER if word in DATELINE_OPENERS else 0) | (
        DOT if word in NAME_DOTS else 0) | (LIST_MARK if word == "、" else 0) | (
        UNIT_MARK if word in SPLIT_UNITS else 0)
    if TRANSLIT.issuperset(word) or (tag in PERSON_TAGS and is_chinese(word)):
        f |= NAME_PART
    if tag == "m" and ordinal_like(word):
        f |= ORG_PART  # `北京市第一福利院`
    if word in KNOWN_PLACES:
        return f | known_place_flags(word)
    if place_prefix(word):
        return f | PREFIXED
    head = known_place_head(word) if len(word) > 2 and tag not in HEADLESS_TAGS else 0
    if head:
        if word[head:] in PLACE_UNITS:
            return f | known_place_flags(word)  # `大同市`, `合肥市`: a known place and its unit
        if not ends_organization(word, tag) and not VENUE_ENDS.match(word):
            return f | GLUED | ORG_START | ORG_PART  # `天津日报`, `中国围棋`, `科威特人`
    if tag in INERT_TAGS:
        return f
    person_tag = tag in PERSON_TAGS
    if person_tag or familiar_name(word, tag) or (word[0] in SURNAMES and person_like(word)):
        f |= PERSONISH
    if tag in LIGHT_TAGS:  # verbs, adjectives, idioms: in a name only as above, or inside an organization's
        return f | (ORG_PART if tag in ORG_PART_TAGS or word in ORG_INNER_WORDS or (tag == "a" and len(word) == 1)
                    else 0) | (ORG_END if word in ORG_SUFFIXES else 0)  # `分行`, `警署` (tagged verbs)
    if person_tag and foreign_name_shape(word) and (len(word) > 2 or not common_word(word)):
        f |= FOREIGN
    if tag == "ns" and plain_place(word, tag):
        f |= CUED_PLACE if len(word) == 2 and word_freq(word) < CUED_PLACE_MAX_FREQ else PLACE
    if (tag in ORG_START_TAGS or word in ORG_START_WORDS or f & FOREIGN) and word not in DATELINE_WORDS \
            and word not in DATELINE_OPENERS:  # `新华社莫斯科１月４日电`: the agency, then a place
        f |= ORG_START
    if tag in ORG_PART_TAGS or word in ORG_INNER_WORDS or (tag == "a" and len(word) == 1):
        f |= ORG_PART  # `中国驻南非大使馆`, `中国大马戏团`
    if ends_organization(word, tag):
        f |= ORG_END
    if tag != "nt" and GLUED_ENDS.match(word) and glued_place(word) is not None:
        f |= GLUED
    if word[-1] in UNIT_CHARS and unit_place(word, tag):
        f |= UNIT
    if person_tag and len(word) >= 3 and word.endswith(PLACE_ENDINGS):
        f |= UNIT  # `张家口`, `石家庄`: a place built like a name (`person_at` leaves it)
    if tag == "nt" and word not in NOT_ORG_WORDS:
        f |= ORG_WORD
    tail = VENUE_ENDS.match(word)
    if tail and tag not in NOT_ORG_TAGS and tag not in PERSON_TAGS:
        f |= VENUE
        if tag != "nt" and len(word) > tail + 1 and rare_named(word, tail):
            f |= UNIT  # `翠湖公园`: a rare word naming a site
    return f


def known_place_flags(word: str) -> int:
    """Flags of a country, region or city of the general-knowledge list (`约旦`, `开罗`,
    `阿根廷`): a place whatever the dictionary tags it (an adverb, nz, a person), which may
    open or stand inside an organization name (`约旦外交部`)."""
    f = PLACE | ORG_START | ORG_PART
    if ends_organization(word, "ns"):
        f |= ORG_END
    return f


def person_like(word: str) -> bool:
    """Whether a word the dictionary does not tag as a name may still hold one on its own:
    a surname with a title or kin word, a name joined to a title, a three-character name."""
    if surname_with_honorific(word) is not None:
        return True
    if word.endswith(NAME_TAILS):
        return True
    return len(word) >= 3 and chinese_name_shape(word)


def person_flags(word: str, tag: str) -> int:
    """The flags of what the word alone says of a person's name: NO_NAME, NAME_SHAPE."""
    return (NO_NAME if no_name_word(word, tag) else 0) | (NAME_SHAPE if name_shape(word) else 0)
