"""Mentions of a paragraph that agree on their kind, after the scan of `banmian.entities`: within
a paragraph a name keeps one kind (`repeated_names`: `克林顿总统…克林顿的`), and the items of a
list `A、B、C` share one (`even_lists`: `哈尔滨、延吉、沈阳`, `巴金、冰心`), found by the list marks
(`list_marks`, `list_runs`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Final

from banmian.entity_flags import ORG_END, TITLE
from banmian.entity_tokens import Tokens
from banmian.entity_words import INERT_TAGS, Entity, common_word, is_chinese
LIST_MIN_VOTES: Final = 2  # items of a list that must agree before the others take their kind
LIST_NOT_TAGS: Final = {"v", "vn", "a", "ad", "an", "l", "i", "t", "s", "b", "z"}  # no names in a list of these


def repeated_names(t: Tokens, text: str, found: list[Entity]) -> list[Entity]:
    """One name, one kind within a paragraph: a word that is a person or a place found
    elsewhere in the paragraph (`克林顿总统…克林顿的`) is that person or place wherever it
    stands as a token of its own, and a name read both ways takes the kind most of its
    mentions have. The entities of `found` carry their text."""
    kinds: dict[str, list[str]] = {}
    for e in found:
        if e.type != "nt":
            seen = kinds.get(e.text)
            if seen is None:
                kinds[e.text] = [e.type]
            else:
                seen.append(e.type)
    names = {}
    for name, types in kinds.items():
        mixed = types.count(types[0]) != len(types)
        if mixed or (len(name) >= 2 and text.count(name) > len(types)):
            names[name] = max(("nr", "ns"), key=types.count) if mixed else types[0]
    if not names:
        return found
    for e in found:
        if e.type != "nt" and e.text in names:
            e.type = names[e.text]
    covered = sorted((e.start, e.end) for e in found)
    added = False
    for name, kind in names.items():
        pos = text.find(name)
        while pos >= 0:
            k = bisect_right(t.starts, pos) - 1  # the token starting at pos, if one does
            if t.starts[k] == pos and t.words[k] == name and not inside(covered, pos):
                found.append(Entity(pos, pos + len(name), kind, name))
                added = True
            pos = text.find(name, pos + len(name))
    if added:
        found.sort(key=lambda e: e.start)
    return found


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether pos falls within one of the sorted (start, end) spans."""
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def even_lists(t: Tokens, found: list[Entity], at: dict[int, Entity], marks: list[int]) -> list[Entity]:
    """Items of a list `A、B、C` are of one kind: an item between list marks that no rule read
    takes the kind of the others (`哈尔滨、延吉、沈阳`), and an item read as the other kind turns
    (`巴金、冰心`), when at least LIST_MIN_VOTES more items are of that kind than of the other.
    `marks`: the token indices of the list marks (`list_marks`)."""
    added = False
    covered, before = None, len(found)  # the spans found before, sorted once a list needs them
    for lo, hi in list_runs(t.n, marks):
        items = range(lo, hi + 1, 2)
        voters = [at[k].type for k in items if k in at]
        if len(voters) < LIST_MIN_VOTES:
            continue  # too few items read to out-vote anything
        kind, votes, runner_up = list_vote(voters)
        if kind == "nt" or votes < LIST_MIN_VOTES or votes < runner_up + LIST_MIN_VOTES:
            continue
        if covered is None:
            covered = sorted((e.start, e.end) for e in found[:before])
        for k in items:
            if k not in at and list_item(t, k) and not inside(covered, t.starts[k]):
                found.append(Entity(t.starts[k], t.starts[k + 1], kind, ""))
                added = True
            elif k in at and at[k].type != kind and at[k].type != "nt" and at[k].title is None:
                at[k].type = kind  # `巴金` (ns in the dictionary) in a list of writers
    if added:
        found.sort(key=lambda e: e.start)
    return found


def list_vote(voters: list[str]) -> tuple[str, int, int]:
    """The kind most items of a list are read as (the first of them to appear on a tie), its
    votes and the next kind's (0 if none): `Counter(voters).most_common()`'s first two counts,
    without building a Counter (Python code the compiled build calls back into)."""
    counts: dict[str, int] = {}
    for v in voters:
        counts[v] = counts.get(v, 0) + 1
    kind, votes, runner_up = "", 0, 0
    for k, c in counts.items():
        if c > votes:
            kind, votes, runner_up = k, c, votes
        elif c > runner_up:
            runner_up = c
    return kind, votes, runner_up


def list_marks(t: Tokens, text: str) -> list[int]:
    """The token indices of the list marks `、` of the text (each is a token of its own), found
    with `str.find` rather than by comparing every word."""
    out = []
    pos = text.find("、")
    while pos >= 0:
        k = bisect_left(t.starts, pos)
        if t.starts[k] == pos and t.words[k] == "、":
            out.append(k)
        pos = text.find("、", pos + 1)
    return out


def list_runs(n: int, marks: list[int]):
    """(first, last) token index of each run `X、Y、…、Z` of single tokens, among n tokens
    with list marks at the token indices `marks` (ascending)."""
    is_mark = set(marks)
    hi = -1
    for k in marks:
        if k < hi + 2:
            continue  # the first item (index 0) or inside the last run
        if k >= n - 1:
            return
        lo = hi = k - 1
        while hi + 2 < n and hi + 1 in is_mark:
            hi += 2
        yield lo, hi


def list_item(t: Tokens, k: int) -> bool:
    """A token that may be a name in a list: two to five Chinese characters, no everyday word,
    not a title, a place noun or a function word."""
    word, tag = t.words[k], t.tag(k)
    return (2 <= len(word) <= 5 and tag not in INERT_TAGS and tag not in LIST_NOT_TAGS
            and not t.flags[k] & (TITLE | ORG_END) and is_chinese(word)
            and not common_word(word))
