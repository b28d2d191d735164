"""Named entities of article text: people (with their titles), places and organizations.

rjieba (MIT, ships jieba's dictionary) segments and tags the text; rules then keep the tags
that hold up and add what the dictionary cannot know:

- people (`banmian.entity_people`): dictionary names (`nr`) that start with a Chinese surname or
  read as a foreign name; names after a title (`省委书记X`, `市长X`), in a list (`A、B、C出席`), in
  a byline or credit (`本报记者X`, `（X摄）`); a surname before a title or kin word (`周总理`,
  `朱师傅`: the surname is the name); `老张`, `侯老`; foreign names in parts (`威廉·佩里`);
- places: countries, regions and cities known by general knowledge (`banmian.rules.world_places`:
  `约旦`, `开罗`, whatever the dictionary tags them), also at the head of a longer word (`天津日报`,
  `中国围棋`) or after a prefix (`首都北京`, `环渤海`); dictionary places (`ns`) that are no everyday
  word (a rare two-character one only with a place word around it: `在沁源`), a place with its unit (`X省`,
  `X县`, `X村`), rare words ending in a unit, buildings and sites (`…宾馆`, `…机场`), the place
  of a dateline (`新华社开罗１月３日电`), a place glued to the next word (`台湾同胞`, `英国人`),
  transliterated names read as places;
- organizations: dictionary organizations (`nt`) and runs of words that end in an
  organization word (`…委员会`, `…局`, `…公司`, `…妇联`).

Within a paragraph a name keeps one kind (`repeated_names`) and the items of a list share one
(`even_lists`; both in `banmian.entity_agreement`). Flags computed once per word (`banmian.entity_flags`) let the scan skip the
many tokens no rule can start at, which keeps extraction near the tagger's own speed.

`find_entities` gives mention spans (for evaluation against gold spans); `article_entities`
the schema's per-article lists. A user lexicon (`load_lexicon`) adds known names.
"""
from __future__ import annotations

from typing import Final, cast

import rjieba

from banmian.entity_people import (
    CREDIT_ROLES,
    MAX_BYLINE_CHARS,
    SPEECH_VERBS,
    VERB_TAGS,
    byline,
    credit_names,
    dotted_name,
    foreign_place,
    person_at,
    place_cue,
    speaking_name,
)
from banmian.entity_agreement import LIST_MIN_VOTES, even_lists, list_marks, repeated_names
from banmian.entity_tokens import Tokens, forget_words
from banmian.entity_flags import (
    CUED_PLACE,
    DOT,
    FOREIGN,
    GLUED,
    NAME_PART,
    OPENER,
    ORG_END,
    ORG_PART,
    ORG_START,
    ORG_WORD,
    PERSONISH,
    PLACE,
    PREFIXED,
    TITLE,
    UNIT,
    UNIT_MARK,
    VENUE,
)
from banmian.entity_place_words import glued_place, org_before_title, place_prefix
from banmian.entity_words import CHINESE_DIGITS, INERT_TAGS, Entity, common_word, is_chinese
from banmian.rules.places import PLACE_UNITS
from banmian.rules.world_places import KNOWN_PLACES

__all__ = ["Entity", "article_entities", "find_entities", "load_lexicon"]

MAX_ORG_CHARS: Final = 20


def find_entities(text: str) -> list[Entity]:
    """Person, place and organization mentions of `text`, in order, not overlapping."""
    if len(text) <= MAX_BYLINE_CHARS + len(CREDIT_ROLES[0]) and is_chinese(text):
        names = byline(text)
        if names:
            return names
    t = Tokens(text)
    flags = t.flags
    found: list[Entity] = []
    at: dict[int, Entity] = {}  # token index -> the one-token entity there
    nxt = 0
    for i in t.looks:  # a token with an entry flag, after a trigger or before a lone place unit
        if i < nxt:
            continue  # inside the entity found last
        got = entity_at(t, i, flags[i], flags[i - 1] if i else 0)
        if got is None:
            continue
        ent, nxt = got
        found.append(ent)
        if nxt == i + 1:
            at[i] = ent
    if len(at) >= LIST_MIN_VOTES and "、" in text:  # else no list has the votes to even it
        marks = list_marks(t, text)
        if marks:
            found = even_lists(t, found, at, marks)
    if "（" in text:
        found = credit_names(text, found)
    if found:
        for ent in found:
            ent.text = text[ent.start:ent.end]
        found = repeated_names(t, text, found)
    return found


def entity_at(t: Tokens, i: int, f: int, prevf: int) -> tuple[Entity, int] | None:
    """The entity starting at token i and the index after it, or None."""
    starts = t.starts
    start, end = starts[i], starts[i + 1]
    n = t.n
    nextf = t.flags[i + 1] if i + 1 < n else 0
    if prevf & OPENER and dateline_place(t, i):
        return Entity(start, end, "ns", ""), i + 1
    if nextf & UNIT_MARK and unit_name(t, i):
        return Entity(start, starts[i + 2], "ns", ""), i + 2  # `田庄` `乡`, `凹底` `镇`
    if f & NAME_PART and nextf & (DOT | NAME_PART) and i + 2 < n:
        j = dotted_name(t, i)
        if j is not None:
            return Entity(start, starts[j], "nr", ""), j
    if f & ORG_START and nextf & ORG_GOES_ON:
        run = org_run(t, i)
        if run is not None:
            return Entity(start, run[1], run[2], ""), run[0]
    if not (f & LATER_ENTRY or prevf & TITLE):
        return None  # (a third of the looks: an ORG_START word that opens no organization)
    if f & PREFIXED:
        return Entity(start + place_prefix(t.words[i]), end, "ns", ""), i + 1
    if f & GLUED:
        k = cast(int, glued_place(t.words[i]))  # GLUED: the word starts with a place
        return Entity(start, start + k, "ns", ""), i + 1
    if f & PERSONISH or prevf & TITLE:
        person = person_at(t, i)
        if person is not None:
            j = i + 1
            while j < n and starts[j] < person[1]:
                j += 1  # a name in pieces (`书记` `周` `建国`) ends past token i
            return Entity(person[0], person[1], "nr", "", person[2]), j
    words = t.words
    if f & PLACE:
        nxt = words[i + 1] if i + 1 < n else ""
        if nxt in SPEECH_VERBS and speaking_name(words[i]):
            return Entity(start, end, "nr", ""), i + 1  # `罗明说`: the dictionary's place is a person
        if prevf & TITLE and titled_place_name(words[i]):
            return Entity(start, end, "nr", "", words[i - 1]), i + 1  # `总统巴嘎班迪`
        if nxt in PLACE_UNIT_SET:
            return Entity(start, starts[i + 2], "ns", ""), i + 2
        return Entity(start, end, "ns", ""), i + 1
    if f & FOREIGN and foreign_place(t, i) or f & CUED_PLACE and cued_place(t, i):
        if i + 1 < n and words[i + 1] in PLACE_UNIT_SET:
            return Entity(start, starts[i + 2], "ns", ""), i + 2
        return Entity(start, end, "ns", ""), i + 1
    if f & ORG_WORD:
        return Entity(start, end, "ns" if f & VENUE else "nt", ""), i + 1
    if f & UNIT:
        return Entity(start, end, "ns", ""), i + 1
    return None


# The flags `entity_at` reads after an organization's chance: a token with none of them, after
# no title, starts no entity
LATER_ENTRY: Final = PREFIXED | GLUED | PERSONISH | PLACE | FOREIGN | CUED_PLACE | ORG_WORD | UNIT
PLACE_UNIT_SET: Final = frozenset(PLACE_UNITS)


def titled_place_name(word: str) -> bool:
    """A dictionary place printed right after a title is the person's name (`总统巴嘎班迪`),
    unless it is a known place or ends in a place unit (`代表中国`, `市长平安县`)."""
    return word not in KNOWN_PLACES and word[-1] not in PLACE_UNITS


def cued_place(t: Tokens, i: int) -> bool:
    """A rare dictionary place with a place word around it: a preposition or verb of place
    before it or a place noun after it (`place_cue`), a unit after it (`沁源县`), or a place
    next to it (`山西沁源`, `沁源、沁县`)."""
    if place_cue(t, i) or t.word(i + 1) in PLACE_UNITS:
        return True
    before = t.flags[i - 2] if i > 1 and t.words[i - 1] == "、" else t.flags[i - 1] if i else 0
    after = t.flags[i + 2] if i + 2 < t.n and t.words[i + 1] == "、" else t.flags[i + 1] if i + 1 < t.n else 0
    return bool((before | after) & (PLACE | CUED_PLACE | UNIT))


# The flags of a token an organization name can go on onto (`org_run`'s first step): a token
# whose next token has none opens no name, and `entity_at` skips the call (two in three
# ORG_START tokens of the dev pages).
ORG_GOES_ON: Final = VENUE | ORG_END | TITLE | ORG_PART


def org_run(t: Tokens, i: int) -> tuple[int, int, str] | None:
    """An organization name starting at token i: a run of name-like words that ends in an
    organization word (`中国驻南非大使馆`, or in a title word that starts with one: `锡林` `市委书记`),
    or a place name ending in a building or site (`广元市长城宾馆`); returns the index of the
    token after it (the title word's own index when the name ends inside it), the end offset and
    the type (nt or ns)."""
    best = None
    starts, flags, n = t.starts, t.flags, t.n
    j = i + 1
    limit = starts[i] + MAX_ORG_CHARS
    while j < n and starts[j + 1] <= limit:
        f = flags[j]
        if f & VENUE:
            best = j + 1, starts[j + 1], "ns"
        elif f & ORG_END:
            best = j + 1, starts[j + 1], "nt"
        elif f & TITLE and org_before_title(t.words[j]):
            return j, starts[j] + org_before_title(t.words[j]), "nt"  # `锡林` `市委书记`: 锡林市委
        elif not f & ORG_PART:
            break
        j += 1
    return best


def unit_name(t: Tokens, i: int) -> bool:
    """A name before a place unit the dictionary cut off (`田庄` `乡`, `孙家庄` `乡`): one to
    three Chinese characters, no everyday word, no function word or verb."""
    word, tag = t.pair(i)
    return (1 <= len(word) <= 3 and tag not in INERT_TAGS and tag not in VERB_TAGS and is_chinese(word)
            and not t.flags[i] & TITLE and not common_word(word))


def dateline_place(t: Tokens, i: int) -> bool:
    """The place of a dateline: the word between `新华社`/`本报` and the date
    (`新华社开罗１月３日电`), whatever the dictionary tags it."""
    if i + 1 >= t.n:
        return False
    word, nxt = t.words[i], t.words[i + 1]
    return 2 <= len(word) <= 8 and (nxt[:1].isdigit() or nxt[:1] in CHINESE_DIGITS) and not t.flags[i] & TITLE


def article_entities(paragraphs: list[str]) -> dict:
    """The schema's `entities` of an article: people with titles, places and organizations,
    each once, in order of first mention."""
    people: dict[str, str | None] = {}
    places: dict[str, None] = {}
    orgs: dict[str, None] = {}
    for para in paragraphs:
        for e in find_entities(para):
            if e.type == "nr":
                if e.text not in people or (people[e.text] is None and e.title):
                    people[e.text] = e.title
            elif e.type == "ns":
                places.setdefault(e.text)
            else:
                orgs.setdefault(e.text)
    return {"people": [{"name": n, "title": t} for n, t in people.items()],
            "places": list(places), "organizations": list(orgs)}


def load_lexicon(path: str) -> int:
    """Add a user lexicon to the tagger: one entry a line, `word [tag]` (tag nr, ns or nt;
    default nr; a jieba user dictionary's frequency before the tag is ignored). Returns how
    many entries were added; raises ValueError for another tag (a typo would silently make a
    place or an organization a person)."""
    n = 0
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            tags = [p for p in parts[1:] if not p.isdigit()]
            tag = tags[0] if tags else "nr"
            if tag not in ("nr", "ns", "nt"):
                raise ValueError(f"line {no}: tag {tag!r} is not nr, ns or nt")
            rjieba.add_word(parts[0], 10_000, tag)
            n += 1
    if n:  # the dictionary changed: what was read from it is stale
        forget_words()
    return n
