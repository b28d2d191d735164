"""A paragraph's tokens for entity extraction: words, their dictionary tags and rule flags.

jieba's tagger is its segmenter plus a dictionary look-up of each word (`rjieba.tag` is
`rjieba.cut` and a tag per word), so a word always gets the same tag and the word alone keys its
flags (`entity_flags.pair_flags`, `entity_flags.person_flags`). Segmenting with `cut` and taking
tags and flags from per-word tables saves about a third of the tagger's cost on the words a run
has seen before; segmenting with commas and full stops as line breaks (`marks_as_breaks`) saves
rjieba building a new string for each of them.
"""
from __future__ import annotations

from itertools import filterfalse
from typing import Final

import rjieba

from banmian.entity_flags import (
    ENTRY,
    LOOK_BEFORE,
    LOOK_HERE,
    LOOK_NEXT,
    TRIGGER_NEXT,
    UNIT_MARK,
    pair_flags,
    person_flags,
)
from banmian.entity_place_words import known_place_head
from banmian.entity_words import _DICTIONARY_CACHES, dictionary_place, word_freq

MAX_FLAG_CACHE: Final = 200_000  # words remembered; the tables start over beyond this
# One-character words below this code point (every CJK ideograph of the basic plane and the
# punctuation: two in five tokens) also keep their flags in a list indexed by the code point,
# read without hashing the word (a new string object from the tagger each time)
SINGLE_LIMIT: Final = 0x10000
UNKNOWN: Final = -1  # a one-character word's entry in that list before it is learnt
# The two commonest marks of Chinese text (two thirds of the marks of the dev pages, a ninth of
# the tokens) are segmented as line breaks (`marks_as_breaks`): jieba segments apart at both and
# makes each a token of its own, so the words are the same, but a line break comes back from
# rjieba as Python's one shared "\n" where a mark comes back as a new string built from its UTF-8
# (some seven hundred instructions each); `read_words` puts the marks back. (The rarer marks save
# about what another `str.replace` costs: five marks measured no better than none.)
COMMA: Final = "，"
FULL_STOP: Final = "。"
COMMA_CODE: Final = 0xFF0C  # ord(COMMA)
BREAK: Final = 10  # ord("\n")


class WordTables:
    """The per-word tables: each word's flags (with its look marks) and its dictionary tag.

    Replaced, never cleared, when they grow past MAX_FLAG_CACHE words: a `Tokens` keeps the
    tables it was built with, so another thread starting over cannot pull a word from under it
    (Dask workers run several parses in threads)."""

    __slots__ = ("flags", "names", "single", "tags")

    def __init__(self) -> None:
        self.flags: dict[str, int] = {}
        self.single: list[int] = [UNKNOWN] * SINGLE_LIMIT  # flags of the one-character words, by code point
        self.tags: dict[str, str] = {}
        # `entity_words.name_in_word` of each word `entity_people.person_at` has read
        self.names: dict[str, tuple[int, int, str | None] | bool | None] = {}


_tables = WordTables()


def current_tables() -> WordTables:
    """The tables to learn new words into, started over when they are full."""
    global _tables
    if len(_tables.flags) > MAX_FLAG_CACHE:
        _tables = WordTables()
    return _tables


def forget_words() -> None:
    """Drop what was read from the dictionary (after words were added to it)."""
    forget_flags()
    for cached in _DICTIONARY_CACHES:
        cached.cache_clear()
    word_freq.cache_clear()
    dictionary_place.cache_clear()
    known_place_head.cache_clear()


def learn_words(text: str, words: list[str], tables: WordTables) -> None:
    """Tag and flag the words of `text` not yet in `tables`. A word tagged on its own that the
    segmenter keeps whole has the tag it has in the text; the rare word it cuts in pieces on its
    own (an HMM word) takes its tag from the whole text's tagging."""
    known, tags, single = tables.flags, tables.tags, tables.single
    text_tags = None
    for word in filterfalse(known.__contains__, words):
        if word in known:
            continue  # twice in the text
        alone = rjieba.tag(word)
        if len(alone) == 1:
            tag = alone[0][1]
        else:
            if text_tags is None:
                text_tags = dict(rjieba.tag(text))
            tag = text_tags[word]
        tags[word] = tag
        f = known[word] = look_marks(pair_flags(word, tag) | person_flags(word, tag))
        if len(word) == 1 and ord(word) < SINGLE_LIMIT:
            single[ord(word)] = f


def look_marks(f: int) -> int:
    """Flags with the marks of where the scan should look added (LOOK_HERE | …)."""
    return f | (LOOK_HERE if f & ENTRY else 0) | (LOOK_NEXT if f & TRIGGER_NEXT else 0) | (
        LOOK_BEFORE if f & UNIT_MARK else 0)


def forget_flags() -> None:
    """Start the per-word tables over."""
    global _tables
    _tables = WordTables()


def marks_as_breaks(text: str) -> str:
    """The text with its commas and full stops as line breaks, to segment (the text itself when
    it holds a carriage return, which jieba would join with a line break after it)."""
    if "\r" in text:
        return text
    return text.replace(COMMA, "\n").replace(FULL_STOP, "\n")


def read_words(words: list[str], tables: WordTables, text: str = "") -> tuple[list[int], list[int], list[int]]:
    """Each word's flags (KeyError for a word not in `tables`), the indices of the tokens worth
    a look (see `banmian.entities.find_entities`) and each word's start offset, then the text's
    end, in one loop the compiled build runs natively. A token is worth a look when it has an
    entry flag (LOOK_HERE), follows a trigger (the token before has LOOK_NEXT) or stands before
    a lone place unit (the token after has LOOK_BEFORE); most tokens have no look mark at all.
    With `text`, the text segmented as `marks_as_breaks(text)`: each line break of `words` is
    replaced by the text's character there (a mark put back)."""
    known, single = tables.flags, tables.single
    flags: list[int] = []
    looks: list[int] = []
    starts = [0]
    end = 0
    after_trigger = False  # the token before has LOOK_NEXT
    i = 0
    for word in words:
        k = len(word)
        o = ord(word) if k == 1 else SINGLE_LIMIT
        if o < SINGLE_LIMIT:
            if o == BREAK and text:
                o = ord(text[end])
                if o != BREAK:
                    words[i] = COMMA if o == COMMA_CODE else FULL_STOP
            f = single[o]
            if f == UNKNOWN:
                raise KeyError(word)
        else:
            f = known[word]
        flags.append(f)
        if f >= LOOK_HERE or after_trigger:  # (LOOK_HERE is the least look mark)
            if f & LOOK_BEFORE and i and (not looks or looks[-1] != i - 1):
                looks.append(i - 1)
            if f & LOOK_HERE or after_trigger:
                looks.append(i)
            after_trigger = bool(f & LOOK_NEXT)
        end += k
        starts.append(end)
        i += 1
    return flags, looks, starts


class Tokens:
    """A paragraph's tokens: words, their tags and flags (see LOOK_HERE), the tokens worth a
    look, and start offsets."""

    __slots__ = ("flags", "looks", "n", "names", "starts", "tags", "words")

    def __init__(self, text: str):
        words: list[str] = rjieba.cut(marks_as_breaks(text))
        tables = _tables
        try:
            flags, looks, starts = read_words(words, tables, text)
        except KeyError:  # words not seen yet (`words` partly put back: segment again)
            words = rjieba.cut(text)
            tables = current_tables()
            learn_words(text, words, tables)
            flags, looks, starts = read_words(words, tables)
        self.words = words
        self.flags = flags
        self.looks = looks  # the indices of the tokens worth a look, ascending
        self.tags = tables.tags
        self.names = tables.names
        self.starts = starts
        self.n = len(words)

    def tag(self, i: int) -> str:
        """The dictionary tag of the word at i."""
        return self.tags[self.words[i]]

    def pair(self, i: int) -> tuple[str, str]:
        """(word, tag) at i."""
        word = self.words[i]
        return word, self.tags[word]

    def word(self, i: int) -> str:
        """The word at i, or "" past either end."""
        return self.words[i] if 0 <= i < self.n else ""
