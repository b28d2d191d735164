"""A word's rule flags for entity extraction: what rules a word can take part in (a name, a
place, an organization's start, part or end, a dateline opener…), as bits computed once per
word (`pair_flags`, `person_flags`), and where the scan should look (the look marks).

The scan in `banmian.entities` only looks at tokens whose flags say a rule can fire there, which
keeps extraction near the tagger's own speed.
"""
from __future__ import annotations

from typing import Final

from banmian.entity_place_words import (
    ends_organization,
    glued_place,
    known_place_head,
    ordinal_like,
    place_prefix,
    plain_place,
    rare_named,
    unit_place,
)
from banmian.entity_words import (
    INERT_TAGS,
    PERSON_TAGS,
    Endings,
    chinese_name_shape,
    common_word,
    familiar_name,
    foreign_name_shape,
    is_chinese,
    is_title,
    name_shape,
    no_name_word,
    surname_with_honorific,
    word_freq,
)
from banmian.rules.names import NAME_TAILS, SURNAMES, TRANSLIT
from banmian.rules.places import (
    CUED_PLACE_MAX_FREQ,
    DATELINE_OPENERS,
    DATELINE_WORDS,
    NOT_ORG_TAGS,
    NOT_ORG_WORDS,
    ORG_PART_TAGS,
    ORG_START_TAGS,
    ORG_START_WORDS,
    ORG_SUFFIXES,
    PLACE_ENDINGS,
    PLACE_GLUED_ENDINGS,
    PLACE_UNITS,
    VENUE_SUFFIXES,
)
from banmian.rules.world_places import KNOWN_PLACES
NAME_DOTS: Final = {"·", "•", "・"}  # the dot between the parts of a foreign name
ORG_INNER_WORDS: Final = {"驻"}  # `中国驻南非大使馆`
SPLIT_UNITS: Final = {"乡", "镇", "村", "县"}  # units the dictionary leaves as words of their own
UNIT_CHARS: Final = frozenset(PLACE_UNITS)  # every unit is one character
# tags of words that start with a known place but name something else as a whole: an
# organization (`中国银行`), a place (`河北省张家口`: see `plain_place`), a person
HEADLESS_TAGS: Final = {"nt", "ns", "nr", "nrfg", "i"}  # and idioms (`大同小异`)
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
VENUE_ENDS: Final = Endings(VENUE_SUFFIXES)
GLUED_ENDS: Final = Endings(PLACE_GLUED_ENDINGS)


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
