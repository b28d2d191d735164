"""Does a short line look like a person's name, or several names run together?

Bylines under a headline are often bare names (`张斌`, `张印东周庆新焦守云`). A name is a
common surname followed by one or two characters; the surname list is general knowledge of
Chinese names, not drawn from any corpus.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from banmian.rules.chars import WHITE_SPACE_AT, bmp_table, strip_ws

SURNAMES_2: Final = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯", "端木"}
SURNAMES_1: Final = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝扈"
    "傅萧阎赖鹿果乐郄郗归戎衡胥储帅支练揭晋原逄冀隆粟荆蔺庹竺屠羊尉薄"
)
# Function characters never inside a Chinese name (`温馨的贺卡` is no `温馨的` + `贺卡`); 和 is
# left out: it is a surname and a given-name character (`王和平`).
NOT_IN_NAMES: Final = set("的了是在着过说等与及或")
# Compound surnames that are far more often an everyday word opening a headline (`东方情缘`,
# `东方明珠`): a line starting with one is no byline of names (dev page 11).
WORDLIKE_COMPOUND_SURNAMES: Final = {"东方"}
MAX_NAMES_RUN: Final = 5  # `新华社记者蔡晖贾永新华社通讯员张应银樊增民`-style runs hold up to ~4 names


def _is_cjk_only(text: str) -> bool:
    return all(0x4E00 <= ord(c) <= 0x9FFF for c in text)


@lru_cache(maxsize=4096)
def split_names(text: str) -> tuple[str, ...] | None:
    """Split `text` into 2–4-character names each starting with a surname, or None.

    `张印东周庆新焦守云` -> ("张印东", "周庆新", "焦守云"). Spaces and 、 separate names too.
    Prefers 3-character names, then 2; 4 only after a compound surname (欧阳…).
    """
    parts = [p for p in text.replace("、", " ").split() if p]
    out: list[str] = []
    for part in parts:
        if not _is_cjk_only(part):
            return None
        got = _split_run(part)
        if got is None:
            return None
        out.extend(got)
    return tuple(out) if out and len(out) <= MAX_NAMES_RUN * max(1, len(parts)) else None


@lru_cache(maxsize=4096)
def _split_run(run: str) -> tuple[str, ...] | None:
    if not run:
        return ()
    for size in (3, 2, 4):
        head = run[:size]
        if len(head) < size or not _starts_with_surname(head) or not NOT_IN_NAMES.isdisjoint(head):
            continue
        if size == 4 and head[:2] not in SURNAMES_2:
            continue  # four-character names are compound-surname names; `高原老兵` is a headline
        rest = _split_run(run[size:])
        if rest is not None:
            return (head,) + rest
    return None


def _starts_with_surname(name: str) -> bool:
    if name[:2] in SURNAMES_2:
        return len(name) >= 3 and name[:2] not in WORDLIKE_COMPOUND_SURNAMES
    return name[0] in SURNAMES_1


def looks_like_names(text: str) -> bool:
    """A short line made only of personal names (one or several, run together or spaced)."""
    t = text.strip()
    if not t or len(t.replace(" ", "")) > 16:
        return False
    return split_names(t) is not None


# Rarer surnames of the Hundred Family Surnames (general knowledge; not those that open many
# everyday words, such as 国, 都, 经, 公, 全, 由). Entity extraction reads
# them as surnames (`洪秀全`, `谈迁`: names with these surnames were missed); byline splitting keeps
# to SURNAMES_1, where a headline made of rarer surname characters is too often not names.
RARE_SURNAMES: Final = set(
    "洪慕谈计奚钮昝班云满贝燕丰习银丘郁杭裘惠皮伏茅闻阚邴鄢晁墨井弓"
    "宓蓬郜邰仝栗厉储鞠笪琚郦逯桓仉督乜钭隗漆酆晏索卓蔚"
)
SURNAMES: Final = SURNAMES_1 | RARE_SURNAMES
COMPOUND_SURNAMES: Final = SURNAMES_2
# Titles printed right before a name (`总理李鹏`, `市委书记王某`); general knowledge of Chinese
# offices and press roles.
TITLES: Final = {
    "主席", "副主席", "总理", "副总理", "总书记", "书记", "副书记", "常委", "委员", "国务委员", "秘书长",
    "副秘书长", "部长", "副部长", "省长", "副省长", "市长", "副市长", "县长", "副县长", "区长", "乡长",
    "镇长", "村长", "主任", "副主任", "局长", "副局长", "厅长", "副厅长", "处长", "科长", "院长", "副院长",
    "校长", "副校长", "所长", "总统", "副总统", "首相", "总督", "国王", "王储", "亲王", "大使", "公使",
    "领事", "参赞", "外长", "外交部长", "司令", "司令员", "政委", "军长", "师长", "团长", "将军", "上将",
    "中将", "少将", "大校", "上校", "记者", "通讯员", "实习生", "编辑", "主编", "总编辑", "社长", "台长",
    "教授", "副教授", "研究员", "院士", "博士", "董事长", "总经理", "经理", "厂长", "会长", "理事长",
    "议长", "发言人", "代表", "顾问", "主持人", "同志", "先生", "女士", "夫人", "总干事", "特使",
    "委员长", "首席", "选手", "名将", "教练", "运动员", "队员", "演员", "歌手", "作家", "画家",
    "学者", "专家", "诗人", "大臣", "本报记者", "新华社记者", "特约记者", "老师", "教师", "书法家",
    "行长", "副行长", "总裁", "副总裁",
}
# How a title word ends (`国防部长`, `外交部长`, `副总经理`, `歌唱家`, `指挥家`): a noun with one of
# these endings printed right before a name is a title too (see `is_title`).
TITLE_ENDINGS: Final = ("长", "书记", "主席", "总理", "记者", "主任", "委员", "总统", "大使", "首相", "经理", "家",
                 "员", "教授", "代表", "秘书", "司令", "将军", "国王", "大臣", "编辑", "干事")
# nouns with such an ending that are no title (`国家计委`: no name after 国家)
NOT_TITLES: Final = {"国家", "大家", "人家", "全家", "老家", "农家", "东家", "回家", "成员", "人员", "官员", "党员",
              "动员", "全员", "成长", "增长", "延长", "擅长", "生长", "漫长", "助长", "特长", "专长", "家长"}
# Kin words and honorifics after a surname (`朱师傅`, `韩老师`, `何大爷`): the surname alone is
# the name, as for a title (`周总理`).
HONORIFICS: Final = {"师傅", "老师", "大爷", "大娘", "大妈", "阿姨", "大姐", "大哥", "大夫", "奶奶", "爷爷", "老伯",
              "大叔", "大婶", "老汉", "小姐", "太太", "大嫂", "老板", "总", "老先生", "先生", "女士", "同志"}
# Characters of transliterated foreign names (`克林顿`, `阿尔希波夫`): general knowledge of the
# standard transliteration table.
TRANSLIT: Final = set(
    "阿埃艾爱安昂奥巴拔白拜班邦保鲍贝本比彼毕宾波伯博布步采查彻楚茨达戴丹道德迪蒂丁东杜敦多厄恩尔法范菲"
    "费芬丰冯佛夫弗福盖甘冈高戈哥格古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰捷金久卡凯坎康考柯科克肯库夸奎昆"
    "拉莱赖兰朗劳勒雷蕾里利莉丽连廖列林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅美门蒙米敏明莫墨姆穆纳娜乃奈南内尼"
    "涅宁纽努诺欧帕潘庞佩彭皮珀普齐奇恰乔切钦琼丘萨塞赛桑瑟森沙莎山尚舍什施史舒斯松苏索塔泰坦汤特提廷"
    "通图托瓦万旺威韦维温沃乌武西希锡夏谢辛休修雅亚扬耶伊因英尤于约泽扎詹兹卓佐茹"
    "顿翁若廷娃蒂妮娅黛勃罗契科纳赞祖霍穆默凡嫩"
)
# Characters that end everyday nouns and place names (`许可证`, `严重性`, `李宁牌`, `公开栏`,
# `平安县`): a three-character word ending in one is no surname + given name
NOUN_ENDINGS: Final = set("性率证牌奖栏带族卡队区馆堂楼赛感器机费量式型界者化线场厂店室局委县乡镇村省市州")
# Function characters never in a given name
NOT_PERSON_CHARS: Final = set("的了在是和与及或说等着过")
# A name the dictionary joined to the next word's first character (`王晓摄`, `李明为`, `张华家`)
GLUED_TAIL_CHARS: Final = set("摄作为对因迎家说等在和与也是被把将称讲题书绘")
# Words a name is joined to in one dictionary word (`邓小平同志`); not 理论/思想: `邓小平理论`
# is no mention
NAME_TAILS: Final[tuple[str, ...]] = ("同志", "主席", "总理", "委员长", "书记")
# Titles after which a surname is the whole name (`周总理`, `江主席`), whatever the tag
SURNAME_TITLES: Final = {"总理", "主席", "总书记", "委员长", "书记", "部长", "省长", "市长", "县长", "主任", "局长", "厂长",
                  "校长", "院长", "经理", "教授", "大使", "司令", "政委", "处长", "科长", "所长", "队长", "村长"}
# Words that often follow a person's name (speech and meeting verbs, honorifics)
NAME_FOLLOWERS: Final = {"说", "表示", "指出", "强调", "认为", "会见", "同志", "先生", "女士", "等", "在", "和", "与", "也",
                  "还", "曾", "一行", "夫妇", "主持", "出席", "讲话", "介绍", "告诉", "提出", "宣布"}
# A transliterated word after these is a person (`小汤姆`, `名将罗纳尔多`)
PERSON_BEFORE: Final = {"小", "老", "名将", "夫人", "总统", "总理", "国王"}
# The commonest surnames: a two-character word jieba tags as a name and starting with one of
# these is a name even without a title around it (rarer surnames are also common words' first
# characters: 文明, 高水平)
COMMON_SURNAMES: Final = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
                      "任沈姚卢姜崔钟谭陆汪范廖贾韦邹孟熊秦邱尹薛闫段侯龙史陶黎贺顾郝龚邵钱覃戴孔汤倪")


# Titles that name an office an author signs with (`财政部部长兼国家税务总局局长刘仲藜`): not
# the forms of address and trades a headline may end on (`同志`, `选手`, `作家`).
# Offices an author signs with that `TITLES` (the words entities read as titles) lacks: an arts
# body's director and a party group's member (sim TRAIN pdftotext pages 84, 214, 244, 248:
# `上海京剧院艺术总监黎中城`, `中国剧协党组成员石宏图` under their headlines were read as the
# headline's last line, the byline missed).
SIGNING_OFFICES: Final = ("总监", "党组成员")
_SIGNING_TITLES: Final = sorted(
    [t for t in TITLES if t not in {"同志", "先生", "女士", "夫人", "选手", "名将", "运动员", "队员", "演员", "歌手",
                                    "作家", "画家", "学者", "专家", "诗人", "老师", "教师", "书法家", "代表", "顾问",
                                    "主持人"}] + list(SIGNING_OFFICES),
    key=len, reverse=True)
_TITLED_NAME: Final = re.compile(r"^[\u4e00-\u9fff、·]{2,30}?(?:" + "|".join(_SIGNING_TITLES) + r")([\u4e00-\u9fff]{2,3})$")
# An office list (`、` between) whose first office is a signing one: the last title before the
# name may then be any (`大连海富集团总裁、戏迷代表何来生`, sim TRAIN pdftotext pages 244, 248:
# `代表` alone ends headlines too, after `总裁、` it is one more office of the signer).
_LISTED_OFFICES: Final = re.compile(r"^[\u4e00-\u9fff·]{2,30}?(?:" + "|".join(_SIGNING_TITLES) + r")、[\u4e00-\u9fff]{0,10}?(?:"
                                    + "|".join(sorted(TITLES, key=len, reverse=True)) + r")([\u4e00-\u9fff]{2,3})$")
TITLED_NAME_MAX_CHARS: Final = 32  # the longest dev signature: three offices and a name, 27 characters
# The last characters of the titles the two patterns above read right before the name: with
# `ends_on_titled_name` a test of two characters that most lines fail, before the patterns,
# whose lazy prefix tries every title at every character (8,000 instructions a line).
_TITLE_LAST_CHARS: Final = frozenset(t[-1] for t in [*_SIGNING_TITLES, *TITLES])


# SURNAMES_1 and _TITLE_LAST_CHARS by code point: `ends_on_titled_name` runs on every body line
# (`name_lines.mark_set_off_signatures`), and a CJK character taken out of a line as a string
# costs an allocation each time (about 1,000 instructions a call against a few dozen).
_SURNAME_1_AT: Final = bmp_table(SURNAMES_1)
_TITLE_LAST_AT: Final = bmp_table(_TITLE_LAST_CHARS)


def ends_on_titled_name(text: str) -> bool:
    """Whether the line may end on a title and a name the way `titled_name` reads one: its last
    two or three characters other than white space open with a surname of SURNAMES_1, right
    after a title's last character. `titled_name` finds a name only where this holds (its
    patterns' name is the space-free line's last two or three characters, after a title, and
    must open with such a surname), so it skips the patterns where it does not. Read back from
    the line's end by code point, without making the space-free copy (`strip_ws`)."""
    c2 = c3 = c4 = -1  # the second, third and fourth last non-space code points
    found = 0
    i = len(text) - 1
    while i >= 0 and found < 4:
        o = ord(text[i])
        i -= 1
        if o < 0x10000 and WHITE_SPACE_AT[o] == 1:
            continue
        if found == 1:
            c2 = o
        elif found == 2:
            c3 = o
        elif found == 3:
            c4 = o
        found += 1
    if found > 2 and _code_in(c2, _SURNAME_1_AT, SURNAMES_1) and _code_in(c3, _TITLE_LAST_AT, _TITLE_LAST_CHARS):
        return True
    return found > 3 and _code_in(c3, _SURNAME_1_AT, SURNAMES_1) and _code_in(c4, _TITLE_LAST_AT, _TITLE_LAST_CHARS)


def _code_in(o: int, table: bytes, chars: set[str] | frozenset[str]) -> bool:
    """Whether the code point is one of `chars`, read from its Basic Multilingual Plane `table`."""
    return table[o] == 1 if o < 0x10000 else chr(o) in chars


def titled_name(text: str) -> str | None:
    """The name of a line that is an office and a person's name (`中共中央总书记、国家主席江泽民`,
    `中共伊克昭盟委员会书记邢云`): a signed article's byline under its headline. None otherwise."""
    if not ends_on_titled_name(text):
        return None  # (most lines: no space-free copy of the line made)
    t = strip_ws(text)
    if len(t) > TITLED_NAME_MAX_CHARS:
        return None
    m = _TITLED_NAME.match(t) or _LISTED_OFFICES.match(t)
    return m.group(1) if m and m.group(1)[0] in SURNAMES_1 else None


# Titles a newspaper's own staff sign with (`titled_name` reads them as offices too). A reporter's line may stand over another article's
# column (dev pages 25, 33: `本报记者许立群` over a later column of the article its headline opens
# further down); an office-holder signs only the text printed under the signature.
PRESS_TITLES: Final[tuple[str, ...]] = ("记者", "通讯员", "实习生", "编辑", "主编")


def office_signature(text: str) -> bool:
    """The line is an office and a person's name (`中共中央总书记、国家主席江泽民`,
    `中共伊克昭盟委员会书记邢云`), not a press title and a name (`本报记者许立群`)."""
    name = titled_name(text)
    if name is None:
        return False
    return not strip_ws(text)[: -len(name)].endswith(PRESS_TITLES)


def signature(text: str) -> bool:
    """A line that signs a letter or a decree: names (`付林`) or an office and a name
    (`总理李鹏`, `国务院总理李鹏`)."""
    t = strip_ws(text)
    if looks_like_names(t) or titled_name(t):
        return True
    title = next((x for x in _SIGNING_TITLES if t.startswith(x)), None)
    return title is not None and looks_like_names(t[len(title):])


# The reasons a line is read as a byline for its names: alone on its line
# (`classify`, `split_head_rows`), or right under a headline (`name_lines`, `layout.lines`).
NAMES_REASON: Final = "byline:names"
NAME_UNDER_HEADLINE_REASON: Final = "byline:name_under_headline"
