"""People in a paragraph's tokens: the context rules that tell a name (`省委书记周建国`,
`克林顿说`, `（武斌摄）`, `本报记者王小明李大海`) from a word built like one, and a transliterated
name that is a person from one that is a place (`外长利维`, `在莫斯科`)."""
from __future__ import annotations

from typing import Final

from banmian.entity_flags import DOT, FOREIGN, NAME_PART, NAME_SHAPE, NO_NAME, TITLE
from banmian.entity_tokens import Tokens
from banmian.entity_words import (
    BARE_NAME_MAX_FREQ,
    INERT_TAGS,
    PERSON_TAGS,
    TITLE_BEFORE,
    Entity,
    chinese_name_shape,
    common_word,
    foreign_name_shape,
    is_chinese,
    name_in_word,
    word_freq,
)
from banmian.rules.names import (
    COMMON_SURNAMES,
    COMPOUND_SURNAMES,
    GLUED_TAIL_CHARS,
    NAME_FOLLOWERS,
    NOT_PERSON_CHARS,
    PERSON_BEFORE,
    SURNAMES,
    TITLES,
    TRANSLIT,
    split_names,
)
from banmian.rules.places import PLACE_AFTER, PLACE_BEFORE

ODD_NAME_TAGS: Final = {"t", "nrt"}  # tags jieba's dictionary gives some names (周恩来 t)
# endings of transliterated place names (`伊拉克`, `哈萨克斯坦`, `爱尔兰`, `阿尔巴尼亚`) and of
# transliterated personal names (`波波夫`, `克林顿`, `玛丽娜`, `克瓦希涅夫斯基`): general knowledge
FOREIGN_PLACE_ENDINGS: Final[tuple[str, ...]] = ("拉克", "斯坦", "兰", "尼亚", "利亚", "维亚", "西亚", "嫩", "伯", "坦", "堡", "萨", "那",
                         "比克", "马里", "特岛", "加", "威特", "巴", "拉圭", "瓜")
FOREIGN_PERSON_ENDINGS: Final[tuple[str, ...]] = ("夫", "顿", "娜", "斯基", "娃", "姆", "森", "迪", "恩", "佐", "丁", "勒", "逊", "琳", "莉",
                          "特", "德", "尔", "斯")
NAME_CLOSERS: Final = {"", "报道", "摄", "说"}  # words after a byline or credit name (`记者王晓东报道`)
CREDIT_CLOSERS: Final = {"）", "摄", "作", "文"}  # `（祝谦）`, `（武斌摄）`: a name credited in parentheses
SUBJECT_BEFORE: Final = {"", "。", "，", "！", "？", "；", "：", "”"}  # the start of a clause…
SUBJECT_NEXT_TAGS: Final = {"d", "p"}  # … and an adverb or preposition after the word: its subject
SPEECH_VERBS: Final = {"说", "表示", "认为", "指出", "强调", "出席", "宣布", "介绍", "告诉", "会见", "称", "说道", "回忆"}
# dictionary count below which a place word before a speech verb is read as a name (see
# `speaking_name`)
SPEAKING_NAME_MAX_FREQ: Final = 50
VERB_TAGS: Final = {"v", "vn", "vd", "p", "c"}  # tags of words that are no piece of a name after a title
SURNAME_WORDS: Final = SURNAMES | COMPOUND_SURNAMES
GIVEN_NAME_CLOSERS: Final = {"、", "）", "摄", "报道", "等"}  # marks after a name in a list or credit
CREDIT_ROLES: Final = ("新华社记者", "本报记者", "特约记者", "记者", "通讯员")  # before a name in a credit
AGENCY: Final = "新华社"  # the news agency named in credits (an organization)
CREDIT_MARKS: Final = set("摄作画摘绘书")  # after a name in a credit (`（武斌摄）`)
LIST_ENDS: Final = {"、", "）"}  # marks after a name in a list or credit
FUNCTION_CHARS: Final = set("也都就又还才再已曾将被把对向从为以于并而但即则均亦仍在和与的了是")  # no name's last character
SENTENCE_STARTS: Final = {"", "。", "！", "？", "：", "“", "”"}
MAX_BYLINE_CHARS: Final = 12  # a paragraph this short made only of names is a byline or credit
MAX_CREDIT_CHARS: Final = 20  # the most characters between the parentheses of a credit
MAX_PART_TOKENS: Final = 3  # tokens of one part of a dotted name (`阿拉` `普`)


def name_context(t: Tokens, i: int) -> bool:
    """A title before or after the word, a name list around it, a speech verb after it, a
    credit in parentheses (`（祝谦）`), or the subject of a sentence (`，李鹏对…`, `。李鹏首先…`)."""
    words = t.words
    prev, nxt = words[i - 1] if i else "", words[i + 1] if i + 1 < t.n else ""
    return bool((i > 0 and t.flags[i - 1] & TITLE) or nxt in TITLES or prev == "、" or nxt == "、"
                or nxt in NAME_FOLLOWERS or (prev == "（" and nxt in CREDIT_CLOSERS)
                or next_to_name(t, i - 1) or next_to_name(t, i + 1)
                or (prev in SUBJECT_BEFORE and i + 1 < t.n and t.tag(i + 1) in SUBJECT_NEXT_TAGS))


def next_to_name(t: Tokens, k: int) -> bool:
    """Whether token k is a dictionary name of three characters (`江泽民` `李鹏` `乔石`: names run
    together in a list or byline)."""
    if not 0 <= k < t.n:
        return False
    word = t.words[k]
    return len(word) == 3 and t.flags[k] & NAME_SHAPE != 0 and t.tags[word] in PERSON_TAGS  # chinese_name_shape


def name_after_title(t: Tokens, i: int) -> int | None:
    """After a title, a name jieba cut in pieces (`书记` `周` `建国`): the index after the
    shortest run of one to three tokens from i that reads as surname + given name, none of
    them a function word or verb (not `时` `强调`, `和` `所有`)."""
    text = ""
    words, tags = t.words, t.tags
    for j in range(i, min(i + 3, t.n)):
        word = words[j]
        text += word
        if len(text) > 3 or tags[word] in INERT_TAGS or tags[word] in VERB_TAGS:
            return None
        if j > i and chinese_name_shape(text):
            return j + 1
    return None


def person_cue(t: Tokens, i: int) -> bool:
    """A title before the word, a speech verb, title or name list after it, or the subject of a
    sentence."""
    nxt = t.word(i + 1)
    return bool(i > 0 and t.flags[i - 1] & TITLE) or nxt in NAME_FOLLOWERS or nxt in TITLES or nxt == "、" \
        or (t.word(i - 1) in SUBJECT_BEFORE and i + 1 < t.n and t.tag(i + 1) in SUBJECT_NEXT_TAGS)


def place_cue(t: Tokens, i: int) -> bool:
    """A preposition or verb of place before the word, or a place noun or a date after it."""
    nxt = t.word(i + 1)
    return t.word(i - 1) in PLACE_BEFORE or nxt in PLACE_AFTER or nxt[:1].isdigit()


def person_not_place(t: Tokens, i: int) -> bool:
    """A transliterated name (`汤姆`, `莫斯科`) read as a person rather than a place: a title
    before it, a speech verb or title after it, else no place word around it and a person's
    ending (`…夫`, `…娜`) or the start of a sentence."""
    prev, nxt = t.word(i - 1), t.word(i + 1)
    if (i > 0 and t.flags[i - 1] & TITLE) or prev in PERSON_BEFORE:
        return True
    word = t.words[i]
    if prev in PLACE_BEFORE or nxt in PLACE_AFTER or nxt[:1].isdigit():
        return False
    if nxt in NAME_FOLLOWERS or (nxt in TITLES and not word.endswith(FOREIGN_PLACE_ENDINGS)):
        return True
    if word.endswith(FOREIGN_PLACE_ENDINGS):
        return False
    if word.endswith(FOREIGN_PERSON_ENDINGS):
        return True
    if len(word) >= 3 and (prev == "、" or nxt == "、"):
        return t.tag(i) != "nrt"  # lists of countries are mostly tagged nrt, of people nr
    return prev in SENTENCE_STARTS


def foreign_place(t: Tokens, i: int) -> bool:
    """A transliterated name read as a place (`在科托努`, `阿布哈兹问题`): with a place word
    around it, or a longer one with a place's ending (`…斯坦`) or in a list. Countries and
    large cities are known places (`banmian.rules.world_places`), so a transliteration with no
    such cue is mostly no place (`欧佩克`, `厄尔尼诺`, `塔利班`, `希拉克`)."""
    if person_not_place(t, i):
        return False
    word = t.words[i]
    return place_cue(t, i) or (len(word) > 2 and (
        word.endswith(FOREIGN_PLACE_ENDINGS) or t.word(i - 1) == "、" or t.word(i + 1) == "、"))


def speaking_name(word: str) -> bool:
    """A rare dictionary place that reads as a name (`邱明国`, `绍罗夫`): before a speech verb
    it is a person (countries speak too, but `美国`, `伊朗` are frequent words)."""
    return (chinese_name_shape(word) or foreign_name_shape(word)) and word_freq(word) <= SPEAKING_NAME_MAX_FREQ


def person_at(t: Tokens, i: int) -> tuple[int, int, str | None] | None:
    """A person's name at token i: (start offset, end offset, title printed before it), or None."""
    words, starts = t.words, t.starts
    word = words[i]
    tag = t.tags[word]
    f = t.flags[i]  # with what the word alone says of a name (`entity_flags.person_flags`)
    start, end = starts[i], starts[i + 1]
    title = words[i - 1] if i and t.flags[i - 1] & TITLE else None
    if f & NO_NAME:
        return None
    shaped = f & NAME_SHAPE != 0  # chinese_name_shape(word)
    if title is not None and not shaped:
        j = name_after_title(t, i)
        if j is not None:
            return start, starts[j], title
    names = t.names  # name_in_word of the words read so far
    if word in names:
        in_word = names[word]
    else:
        in_word = names[word] = name_in_word(word, tag)
    if in_word is not None:
        if isinstance(in_word, bool):  # False: a place built like a name
            return None
        lo, hi, own_title = in_word
        return start + lo, start + hi, title if own_title == TITLE_BEFORE else own_title
    person_tag = tag in PERSON_TAGS
    if person_tag:
        if len(word) == 2 and shaped:
            j = third_name_char(t, i)
            if j is not None:
                return start, starts[j], title
        if len(word) <= 2 and word in SURNAME_WORDS:
            j = given_name_after(t, i)
            if j is not None:
                return start, starts[j], title
    if f & FOREIGN and (len(word) > 2 or place_cue(t, i)):
        # `莫斯科`, `黎巴嫩`, `马尼拉` start with a surname too: a transliterated word is a
        # person or a place by its context, not by its first character
        return (start, foreign_name_end(t, i), title) if person_not_place(t, i) else None
    if shaped:
        nxt = words[i + 1] if i + 1 < t.n else ""
        if person_tag and (len(word) >= 3 or title is not None or (
                (name_context(t, i) and not common_word(word)) or (
                    word[0] in COMMON_SURNAMES and word_freq(word) <= BARE_NAME_MAX_FREQ))):
            return start, end, title
        if title and tag not in INERT_TAGS and tag not in VERB_TAGS and not common_word(word):
            return start, end, title  # not `主席关于…`
        if len(word) >= 3 and (nxt in TITLES or nxt in NAME_FOLLOWERS or tag in ODD_NAME_TAGS or (
                (nxt == "、" or (i and words[i - 1] == "、")) and not common_word(word))):
            return start, end, title
        if i and words[i - 1] == "（" and nxt in CREDIT_CLOSERS and not common_word(word):
            return start, end, None  # `（夏珺）`: an author's credit
    if f & FOREIGN and person_not_place(t, i) and (len(word) > 2 or person_cue(t, i)):
        return start, foreign_name_end(t, i), title
    if title is not None and (person_tag and len(word) >= 3 or foreign_name_shape(word)) and not common_word(word):
        return start, end, title  # `外长利维`: a title before a foreign name of any tag
    return None


def foreign_name_end(t: Tokens, i: int) -> int:
    """The end offset of a transliterated name that jieba cut in pieces of transliteration
    characters (`谢里` `丁`, `韦斯` `顿`): the name runs over them (up to MAX_PART_TOKENS)."""
    j = i + 1
    while j < t.n and j - i < MAX_PART_TOKENS and TRANSLIT.issuperset(t.words[j]):
        j += 1
    return t.starts[j]


def third_name_char(t: Tokens, i: int) -> int | None:
    """A two-character name the dictionary cut before its last character (`王晓` `东`,
    `李天` `华`) when that character is tagged a name too or a punctuation mark or `报道`/`摄`
    follows: the index after it."""
    if i + 1 >= t.n:
        return None
    ch = t.words[i + 1]
    tag = t.tags[ch]
    after = t.words[i + 2] if i + 2 < t.n else ""
    if tag in INERT_TAGS and after in LIST_ENDS and ch not in FUNCTION_CHARS:
        tag = "zg"  # `杨国` `顺` `、`: in a list, a character the dictionary reads as a word ends the name
    if len(ch) != 1 or tag in INERT_TAGS or ch in NOT_PERSON_CHARS or ch in GLUED_TAIL_CHARS \
            or not is_chinese(ch):
        return None
    if tag in PERSON_TAGS or after in NAME_CLOSERS or (
            i + 2 < t.n and t.tag(i + 2) == "x" and not after[:1].isalnum()):
        return i + 2  # `李天` `华` (the dictionary tags 华 a name too), `王晓` `东` `）`
    return None


def given_name_after(t: Tokens, i: int) -> int | None:
    """A surname on its own (`杨` `显明`, `丁` `俊杰`, `诸葛` `仓麟`) followed by a one- or
    two-character word and then a mark that ends a name in a list or credit (`、`, `）`, `摄`,
    `等`, a title): the index after the given name."""
    if i + 2 >= t.n:
        return None
    given, after = t.words[i + 1], t.words[i + 2]
    if not 1 <= len(given) <= 2 or t.tag(i + 1) in INERT_TAGS or t.flags[i + 1] & TITLE \
            or not is_chinese(given) or not NOT_PERSON_CHARS.isdisjoint(given):
        return None
    if after in GIVEN_NAME_CLOSERS or t.flags[i + 2] & TITLE:
        return i + 2
    return None


def dotted_name(t: Tokens, i: int) -> int | None:
    """A foreign or minority name in parts joined by `·` (`威廉·佩里`, `司马义·艾买提`), each
    part one or more tokens of transliteration characters (`丹尼尔·阿拉` `普` `·莫伊`): the
    index after its last part, or None."""
    end = name_part_end(t, i)
    dots = 0
    while end + 1 < t.n and t.flags[end] & DOT and t.flags[end + 1] & NAME_PART:
        end = name_part_end(t, end + 1)
        dots += 1
    return end if dots else None


def name_part_end(t: Tokens, j: int) -> int:
    """The index after the run of name-part tokens that starts at j (at most MAX_PART_TOKENS)."""
    k = j + 1
    while k < t.n and k - j < MAX_PART_TOKENS and t.flags[k] & NAME_PART:
        k += 1
    return k


def byline(text: str) -> list[Entity]:
    """A byline paragraph (`本报记者王小明李大海`, `新华社记者王大海`, `陈小明`): the agency, if
    named, and the people."""
    role = next((r for r in CREDIT_ROLES if text.startswith(r)), "")
    rest = text[len(role):]
    if len(rest) > MAX_BYLINE_CHARS:
        return []
    names = [Entity(e.start + len(role), e.end + len(role), "nr", e.text) for e in byline_names(rest)]
    if names and role.startswith(AGENCY):
        names.insert(0, Entity(0, len(AGENCY), "nt", AGENCY))
    return names


def byline_names(text: str) -> list[Entity]:
    """A line that is only names (`陈小明`, `王小明李大海`: a byline or credit): one
    person per name, split as bylines are (`banmian.rules.names.split_names`)."""
    names = split_names(text)
    if not names:
        return []
    out, pos = [], 0
    for name in names:
        pos = text.find(name, pos)
        out.append(Entity(pos, pos + len(name), "nr", name))
        pos += len(name)
    return out


def credit_names(text: str, found: list[Entity]) -> list[Entity]:
    """Credits of names only in parentheses (`（记者张三、李四）`, `…。（赵一鸣孙文华）`,
    `（新华社记者王晓摄）`): those names, in place of whatever the scan read there."""
    close = 0
    while True:
        open_at = text.find("（", close)
        close = text.find("）", open_at + 1) if open_at >= 0 else -1
        if close < 0:
            return found
        if close - open_at - 1 > MAX_CREDIT_CHARS:
            continue
        first, inner = open_at + 1, text[open_at + 1:close]
        role = next((r for r in CREDIT_ROLES if inner.startswith(r)), "")  # `（新华社记者王晓摄）`
        if not role and close != len(text) - 1:
            continue  # `（女）`, `（藏族）`: only a role or the end of the paragraph says credit
        first, inner = first + len(role), inner[len(role):]
        inner = inner[:-1] if inner[-1:] in CREDIT_MARKS else inner  # `摄`, `画`, `作`
        if not inner or not is_chinese(inner.replace("、", "")):
            continue
        names = byline_names(inner)
        if names:
            found = [e for e in found if e.end <= first or e.start >= close]  # `新华社` stays
            found += [Entity(first + e.start, first + e.end, "nr", "") for e in names]
            found.sort(key=lambda e: e.start)
