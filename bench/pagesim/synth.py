"""Invented names, bylines, kickers and header text of the page simulator (own word lists, no
corpus text)."""
from __future__ import annotations

import random
import re

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力国林斌宁鹏飞波志新春海云峰雪梅松岩江河山东晨晓光荣"
CITIES = ["北京", "上海", "天津", "广州", "南京", "武汉", "成都", "西安", "沈阳", "杭州", "济南", "长沙", "昆明", "兰州"]
PAPERS = ["经济日报", "光明日报", "工人日报", "农民日报", "法制日报", "中国青年报", "科技日报", "解放日报"]
SECTIONS = ["要闻", "国内新闻", "国际", "经济", "社会", "理论", "文化", "体育", "读者来信", "教育·科技", "综合新闻"]
WEEKDAYS = "一二三四五六日"
CN_DIGITS = "〇一二三四五六七八九"


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def cn_number(n: int) -> str:
    """12 -> 十二, 4 -> 四 (page numbers in 第X版)."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def md(date: str) -> str:
    _, m, d = date.split("-")
    return f"{int(m)}月{int(d)}日"


def synthetic_byline(rng: random.Random, date: str) -> tuple[str, str | None]:
    """(byline or "", source) in one of the styles of the dev pages' generator; a source credit
    (据《XX日报》 at the end) is returned as ("", paper)."""
    style = rng.randrange(6)
    if style == 0:
        return f"本报讯（记者 {name(rng)}）", None
    if style == 1:
        return f"本报讯（{rng.choice(['通讯员', '实习生', '特约'])}记者 {name(rng)}）", None
    if style == 2:
        place = rng.choice(CITIES) if rng.random() < 0.5 else ""
        return f"本报{place}{md(date)}讯 记者{name(rng)}报道：", None
    if style == 3:
        place = rng.choice(CITIES) if rng.random() < 0.5 else ""
        return f"新华社{place}{md(date)}电（记者 {name(rng)}）", None
    if style == 4:
        return "本报讯", None
    return "", rng.choice(PAPERS)


def clause(rng: random.Random, paragraphs: list[str], lo: int = 6, hi: int = 20) -> str | None:
    """A clause of the article (text between punctuation marks) of lo..hi characters."""
    parts = [p for para in paragraphs for p in re.split(r"[，。；：！？、“”（）《》]", para)
             if lo <= len(p) <= hi and not re.search(r"[A-Za-z0-9 ]|摄|记者|新华社|本报", p)]
    return rng.choice(parts) if parts else None


def header(rng: random.Random, date: str, weekday: int, page_no: int) -> dict:
    """The page header fields as the dev gold writes them."""
    _, m, d = date.split("-")
    date_text = f"{date[:4]}年{int(m)}月{int(d)}日"
    style = rng.randrange(3)
    label = [f"A{page_no:02d}", f"第{page_no}版", str(page_no)][style]
    section = rng.choice(SECTIONS) if rng.random() < 0.75 else None
    editor, proof = name(rng), name(rng)  # the gold names a proofreader even when not printed
    eds = f"责编 {editor}  校对 {proof}" if rng.random() < 0.8 else f"责任编辑：{editor}"
    parts = [f"{date_text} 星期{WEEKDAYS[weekday]}", label + (f"  {section}" if section else ""), eds]
    order = rng.choice([(0, 1, 2), (1, 0, 2), (0, 2, 1)])
    return {"date": date, "date_text": date_text, "weekday": f"星期{WEEKDAYS[weekday]}",
            "page_label": label, "page_number": page_no, "section": section, "editor": editor,
            "proofreader": proof, "header_lines": [parts[i] for i in order], "label_style": style}


def jump_text(rng: random.Random, label_style: int, page_no: int, kind: str) -> str:
    """（下转第四版） / （上接A3版）: another page than this one."""
    other = rng.choice([n for n in range(1, 13) if n != page_no])
    where = f"A{other}版" if label_style == 0 else f"第{cn_number(other)}版"
    return f"（{kind}{where}）"
