"""Does a short line look like a person's name, or several names run together?

Bylines under a headline are often bare names (`张斌`, `张印东周庆新焦守云`). A name is a
common surname followed by one or two characters; the surname list is general knowledge of
Chinese names, not drawn from any corpus.
"""
from __future__ import annotations

from functools import lru_cache

SURNAMES_2 = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯", "端木"}
SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝扈"
    "傅萧阎赖鹿果乐郄郗归戎衡胥储帅支练揭晋原逄冀隆粟荆蔺庹竺屠羊尉薄"
)
MAX_NAMES_RUN = 5  # `新华社记者蔡晖贾永新华社通讯员张应银樊增民`-style runs hold up to ~4 names


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
        if len(head) < size or not _starts_with_surname(head):
            continue
        if size == 4 and head[:2] not in SURNAMES_2:
            continue  # four-character names are compound-surname names; `高原老兵` is a headline
        rest = _split_run(run[size:])
        if rest is not None:
            return (head,) + rest
    return None


def _starts_with_surname(name: str) -> bool:
    if name[:2] in SURNAMES_2:
        return len(name) >= 3
    return name[0] in SURNAMES_1


def looks_like_names(text: str) -> bool:
    """A short line made only of personal names (one or several, run together or spaced)."""
    t = text.strip()
    if not t or len(t.replace(" ", "")) > 16:
        return False
    return split_names(t) is not None


SURNAMES = SURNAMES_1
COMPOUND_SURNAMES = SURNAMES_2
# Titles printed right before a name (`总理李鹏`, `市委书记王某`); general knowledge of Chinese
# offices and press roles.
TITLES = {
    "主席", "副主席", "总理", "副总理", "总书记", "书记", "副书记", "常委", "委员", "国务委员", "秘书长",
    "副秘书长", "部长", "副部长", "省长", "副省长", "市长", "副市长", "县长", "副县长", "区长", "乡长",
    "镇长", "村长", "主任", "副主任", "局长", "副局长", "厅长", "副厅长", "处长", "科长", "院长", "副院长",
    "校长", "副校长", "所长", "总统", "副总统", "首相", "总督", "国王", "王储", "亲王", "大使", "公使",
    "领事", "参赞", "外长", "外交部长", "司令", "司令员", "政委", "军长", "师长", "团长", "将军", "上将",
    "中将", "少将", "大校", "上校", "记者", "通讯员", "实习生", "编辑", "主编", "总编辑", "社长", "台长",
    "教授", "副教授", "研究员", "院士", "博士", "董事长", "总经理", "经理", "厂长", "会长", "理事长",
    "议长", "发言人", "代表", "顾问", "主持人", "同志", "先生", "女士", "夫人", "总干事", "特使",
}
# Characters of transliterated foreign names (`克林顿`, `阿尔希波夫`): general knowledge of the
# standard transliteration table.
TRANSLIT = set(
    "阿埃艾爱安昂奥巴拔白拜班邦保鲍贝本比彼毕宾波伯博布步采查彻楚茨达戴丹道德迪蒂丁东杜敦多厄恩尔法范菲"
    "费芬丰冯佛夫弗福盖甘冈高戈哥格古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰捷金久卡凯坎康考柯科克肯库夸奎昆"
    "拉莱赖兰朗劳勒雷蕾里利莉丽连廖列林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅美门蒙米敏明莫墨姆穆纳娜乃奈南内尼"
    "涅宁纽努诺欧帕潘庞佩彭皮珀普齐奇恰乔切钦琼丘萨塞赛桑瑟森沙莎山尚舍什施史舒斯松苏索塔泰坦汤特提廷"
    "通图托瓦万旺威韦维温沃乌武西希锡夏谢辛休修雅亚扬耶伊因英尤于约泽扎詹兹卓佐茹"
)
