"""A paragraph's tokens for entity extraction: words, their dictionary tags and rule flags.

jieba's tagger is its segmenter plus a dictionary look-up of each word (`rjieba.tag` is
`rjieba.cut` and a tag per word), so a word always gets the same tag and the word alone keys its
flags (`entity_words.pair_flags`). Segmenting with `cut` and taking tags and flags from per-word
tables saves about a third of the tagger's cost on the words a run has seen before.
"""
from __future__ import annotations

from array import array
from itertools import filterfalse
from operator import itemgetter
from typing import Final

import rjieba

from banmian.entity_words import (_DICTIONARY_CACHES, ENTRY, FLAGS_TYPECODE, LOOK_BEFORE, LOOK_HERE, LOOK_NEXT,
                                  TRIGGER_NEXT, UNIT_MARK, dictionary_place, known_place_head, pair_flags, word_freq)

MAX_FLAG_CACHE: Final = 200_000  # words remembered; the tables start over beyond this


class WordTables:
    """The per-word tables: each word's flags (with its look marks) and its dictionary tag.

    Replaced, never cleared, when they grow past MAX_FLAG_CACHE words: a `Tokens` keeps the
    tables it was built with, so another thread starting over cannot pull a word from under it
    (Dask workers run several parses in threads)."""

    __slots__ = ("flags", "tags")

    def __init__(self) -> None:
        self.flags: dict[str, int] = {}
        self.tags: dict[str, str] = {}


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
    known, tags = tables.flags, tables.tags
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
        known[word] = look_marks(pair_flags(word, tag))


def look_marks(f: int) -> int:
    """Flags with the marks of where the scan should look added (LOOK_HERE | …)."""
    return f | (LOOK_HERE if f & ENTRY else 0) | (LOOK_NEXT if f & TRIGGER_NEXT else 0) | (
        LOOK_BEFORE if f & UNIT_MARK else 0)


def forget_flags() -> None:
    """Start the per-word tables over."""
    global _tables
    _tables = WordTables()


def flags_of(words: list[str], flags: dict[str, int]) -> array:
    """Each word's flags (KeyError for a word not in `flags`), as an array: looked up by one
    `itemgetter` call over all the words, a fifth faster than a look-up call per word, and
    filled from a sequence of known length (faster than from an iterator)."""
    if len(words) > 1:
        return array(FLAGS_TYPECODE, itemgetter(*words)(flags))
    return array(FLAGS_TYPECODE, [flags[w] for w in words])  # itemgetter of one word gives no tuple


class Tokens:
    """A paragraph's tokens: words, their tags and flags (an array, see LOOK_HERE), and start
    offsets."""

    __slots__ = ("flags", "n", "starts", "tags", "words")

    def __init__(self, text: str):
        words: list[str] = rjieba.cut(text)
        tables = _tables
        try:
            flags = flags_of(words, tables.flags)
        except KeyError:  # words not seen yet
            tables = current_tables()
            learn_words(text, words, tables)
            flags = flags_of(words, tables.flags)
        self.words = words
        self.flags = flags
        self.tags = tables.tags
        starts = [0]  # each word's start offset, then the text's end (a loop the compiled build runs natively)
        end = 0
        for word in words:
            end += len(word)
            starts.append(end)
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
