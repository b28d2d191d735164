"""Named entities of article text: people (with their titles), places and organizations.

rjieba (MIT, ships jieba's dictionary) segments and tags the text; rules then keep the tags
that hold up and add what the dictionary cannot know:

- people: dictionary names (`nr`) that start with a Chinese surname or read as a foreign name;
  new names after a title (`省委书记X`, `市长X`) or in a list of names (`A、B、C出席`);
- places: dictionary places (`ns`) and a place with its unit (`X省`, `X县`, `X村`);
- organizations: dictionary organizations (`nt`) and runs of words that end in an
  organization word (`…委员会`, `…局`, `…公司`, `…大学`).

`find_entities` gives mention spans (for evaluation against gold spans); `article_entities`
the schema's per-article lists. A user lexicon (`load_lexicon`) adds known names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import rjieba

from banmian.rules.names import COMPOUND_SURNAMES, SURNAMES, TITLES, TRANSLIT

ORG_SUFFIXES = (
    "委员会", "常委会", "代表大会", "人民政府", "政府", "办公厅", "办公室", "国务院", "中央", "总局", "管理局", "局",
    "部", "厅", "署", "委", "院", "研究所", "研究院", "研究中心", "中心", "大学", "学院", "中学", "小学", "学校",
    "公司", "集团", "银行", "协会", "学会", "联合会", "总会", "基金会", "商会", "工会", "党", "团", "军区", "军",
    "报社", "电台", "电视台", "通讯社", "出版社", "杂志社", "社", "医院", "法院", "检察院", "组织", "联盟", "厂",
    "所", "队", "处", "科", "站", "馆", "会")
# words an organization name can be built of, by tag (nouns, places, abbreviations, names…)
ORG_PART_TAGS = {"n", "ns", "nt", "nz", "j", "vn", "nr", "b", "an", "ng", "nrt"}
PLACE_UNITS = ("省", "市", "县", "区", "州", "镇", "乡", "村", "盟", "旗", "岛", "湾", "港")
# common nouns jieba's dictionary tags as places
NOT_PLACES = {"两国", "各国", "全国", "我国", "本国", "外国", "中外", "国内", "国外", "海外", "三国", "两岸", "大国",
              "城市", "山区", "海关", "东西", "英雄", "上市", "新建", "普及", "治安", "城乡", "农村", "边疆", "内地",
              "上岗", "美丽", "海洋", "新鲜", "大都", "城镇", "喜庆", "新春", "大桥", "回国", "高原", "大街", "商城",
              "新村", "福利", "太阳", "古城", "大江", "珍藏", "西南", "东北", "西北", "东南", "华北", "华东", "华南"}
PERSON_TAGS = {"nr", "nrfg", "nrt"}
NAME_TAILS = ("同志", "主席", "总理", "委员长", "书记")  # not 理论/思想: `邓小平理论` is no mention
ODD_NAME_TAGS = {"t", "nz", "nrt"}  # tags jieba's dictionary gives some names (周恩来 t)
PLACE_ENDINGS = tuple("口庄屯营堡店集镇湾沟坪坝岭峪泊庙寨桥岗")
# jieba's dictionary count above which a two-character word jieba tags as a name is mostly a
# common word (文明 6585, 顾客 1366, 范畴 925) rather than a name (李鹏 676, 乔石 182)
COMMON_WORD_FREQ = 800
# the commonest surnames: a two-character word jieba tags as a name and starting with one of
# these is a name even without a title around it (rarer surnames are also common words' first
# characters: 文明, 高水平)
COMMON_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾韦邹孟熊秦邱尹薛闫段侯龙史陶黎贺顾郝龚邵钱覃戴孔汤倪")
PLACE_TAGS = {"ns"}
# words that often follow a person's name (speech and meeting verbs, honorifics)
NAME_FOLLOWERS = {"说", "表示", "指出", "强调", "认为", "会见", "同志", "先生", "女士", "等", "在", "和", "与", "也",
                  "还", "曾", "一行", "夫妇", "主持", "出席", "讲话", "介绍", "告诉", "提出", "宣布"}
NOT_PERSON_CHARS = set("的了在是和与及或说等着过")  # function characters never in a given name
MAX_ORG_CHARS = 20


@dataclass(slots=True)
class Entity:
    """One mention: character span in the text, type (nr person, ns place, nt organization)."""

    start: int
    end: int
    type: str
    text: str
    title: str | None = None  # a person's title printed before the name (`省委书记`)


def tagged(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, tag) of every token rjieba finds."""
    out, pos = [], 0
    for word, tag in rjieba.tag(text):
        out.append((pos, pos + len(word), word, tag))
        pos += len(word)
    return out


def surname_of(word: str) -> str | None:
    """The surname a word starts with (compound surnames first), if any."""
    if word[:2] in COMPOUND_SURNAMES:
        return word[:2]
    return word[0] if word and word[0] in SURNAMES else None


def chinese_name_shape(word: str) -> bool:
    """Surname + one or two given-name characters, none of them a function character."""
    sur = surname_of(word)
    return (sur is not None and 1 <= len(word) - len(sur) <= 2
            and not any(ch in NOT_PERSON_CHARS for ch in word[len(sur):]))


def foreign_name_shape(word: str) -> bool:
    return len(word) >= 2 and all(ch in TRANSLIT for ch in word)


@lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """Whether jieba's dictionary counts the word often enough to be an everyday word."""
    return rjieba.suggest_freq(word) > COMMON_WORD_FREQ


def name_context(toks, i: int) -> bool:
    """A title before or after the word, a name list around it, or a speech verb after it."""
    prev = toks[i - 1][2] if i else ""
    nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
    return prev in TITLES or nxt in TITLES or prev == "、" or nxt == "、" or nxt in NAME_FOLLOWERS


def name_after_title(toks, i: int) -> int | None:
    """After a title, a name jieba cut in pieces (`书记` `周` `建国`): the end offset of the
    shortest run of one to three tokens from i that reads as surname + given name."""
    if not i or toks[i - 1][2] not in TITLES:
        return None
    text = ""
    for j in range(i, min(i + 3, len(toks))):
        text += toks[j][2]
        if len(text) > 3:
            return None
        if j > i and chinese_name_shape(text):
            return toks[j][1]
    return None


def person_at(toks, i: int) -> tuple[int, str | None] | None:
    """A person's name at token i: (end offset, title printed before it), or None."""
    start, end, word, tag = toks[i]
    title = toks[i - 1][2] if i and toks[i - 1][2] in TITLES else None
    if tag not in PERSON_TAGS and title is None and (word[0] not in SURNAMES or len(word) > 4):
        return None  # the common case, decided cheaply
    if word in TITLES or len(word) > 2 and word.endswith(ORG_SUFFIXES):
        return None
    pieced = name_after_title(toks, i)
    if pieced is not None and not chinese_name_shape(word):
        return pieced, title
    sur = surname_of(word)
    if sur and word[len(sur):] in TITLES and tag in PERSON_TAGS:  # `周总理`: the surname is the name
        return start + len(sur), word[len(sur):]
    for tail in NAME_TAILS:  # `邓小平同志`: a name the dictionary joined to the word after it
        if word.endswith(tail) and chinese_name_shape(word[: -len(tail)]):
            return end - len(tail), title
    if len(word) >= 3 and word.endswith(PLACE_ENDINGS):
        return None  # `张家口`, `石家庄`: a place built like a name
    nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
    if chinese_name_shape(word):
        if tag in PERSON_TAGS and (len(word) >= 3 or title is not None or (
                (name_context(toks, i) or word[0] in COMMON_SURNAMES) and not common_word(word))):
            return end, title
        if title or (len(word) >= 3 and (nxt in TITLES or nxt in NAME_FOLLOWERS or tag in ODD_NAME_TAGS)):
            return end, title
    if foreign_name_shape(word) and len(word) >= 3 and tag in PERSON_TAGS and name_context(toks, i):
        return end, title
    return None


def foreign_place(toks, i: int) -> bool:
    """A transliterated name jieba tags as a person but with nothing around it that says
    person (`伊拉克`, `莫斯科`): in news text such a name is mostly a place."""
    word, tag = toks[i][2], toks[i][3]
    return tag in PERSON_TAGS and foreign_name_shape(word) and len(word) >= 2 and not name_context(toks, i)


def find_entities(text: str) -> list[Entity]:
    """Person, place and organization mentions of `text`, in order, not overlapping."""
    toks = tagged(text)
    found: list[Entity] = []
    i = 0
    while i < len(toks):
        start, end, word, tag = toks[i]
        org = org_run(toks, i)
        if org is not None:
            j, org_end = org
            found.append(Entity(start, org_end, "nt", text[start:org_end]))
            i = j
            continue
        person = person_at(toks, i)
        if person is not None:
            found.append(Entity(start, person[0], "nr", text[start:person[0]], person[1]))
        elif (tag in PLACE_TAGS and len(word) >= 2 and word not in NOT_PLACES) or foreign_place(toks, i):
            end2 = end
            if i + 1 < len(toks) and toks[i + 1][2] in PLACE_UNITS:
                end2 = toks[i + 1][1]
                i += 1
            found.append(Entity(start, end2, "ns", text[start:end2]))
        elif tag == "nt":
            found.append(Entity(start, end, "nt", word))
        i += 1
    return found


def org_run(toks, i: int) -> tuple[int, int] | None:
    """An organization name starting at token i: a run of name-like words that ends in an
    organization word; returns (index after it, end offset)."""
    if toks[i][3] not in ("ns", "nt", "nz", "j") and toks[i][2] not in ("国家", "中国", "中央", "全国"):
        return None
    best = None
    j = i
    while j < len(toks) and toks[j][1] - toks[i][0] <= MAX_ORG_CHARS:
        word, tag = toks[j][2], toks[j][3]
        if j > i and tag not in ORG_PART_TAGS and not word.endswith(ORG_SUFFIXES):
            break
        if j > i and word.endswith(ORG_SUFFIXES):
            best = (j + 1, toks[j][1])
        j += 1
    return best


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
    default nr). Returns how many entries were added."""
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            tag = parts[1] if len(parts) > 1 and re.fullmatch(r"n[rst]", parts[1]) else "nr"
            rjieba.add_word(parts[0], 10_000, tag)
            n += 1
    return n
