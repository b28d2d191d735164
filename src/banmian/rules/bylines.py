"""Lead-in bylines and datelines, and how to read reporters, outlet and place out of them.

A lead-in opens the first paragraph of an article and runs into the body with at most a space:
    本报讯 / 本报讯（本报记者 顾珠 贺俊）/ 本报讯（人民网·人民日报记者 韦妍磊）
    本报北京1月16日讯 记者赵志文报道： / 本报珀斯1月9日电记者许立群报道：
    新华社北京1月16日电（记者许基仁、李贺普）/ 据新华社北京电（记者马晓春）/ 本报大连电
    新华社北京十二月三十一日电（中央人民广播电台记者刘振英、新华社记者张宿堂）
    新华社达沃斯（瑞士）１月２９日电（记者X）/ 本报北京１月４日讯　记者X、Y报道：
A joint credit after 讯/电 that starts with another outlet (`…讯新华社记者X、本报记者Y报道：`) is
NOT taken: the dev gold keeps it as the start of the body. Own-staff tails are taken:
`记者X报道：`, `本报特约记者X报道：`, `本报驻X记者X报道：`, `记者X、通讯员Y报道：`.

`lead_in_byline` reads one at the start of a paragraph, `find_lead_in` one pushed off the start
by a glued-on headline, `reporters_in` / `outlet_of` read any byline (lead-in or byline line),
Dateline dates (`十二月三十一日`, `１月５日`) are read by `banmian.rules.dates`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from banmian.rules.names import SURNAMES_1, split_names
from banmian.rules.traditional import TRADITIONAL, both_scripts, fold

_SP: Final = r"[ \t\u3000]"  # real spaces kept by normalize, full-width U+3000 included
_HAN: Final = r"\u4e00-\u9fff"
# Patterns compiled once (a pattern built per call is looked up in `re`'s cache each time): what
# separates a credit's names, a byline's pieces, and a piece of Chinese characters only.
_CREDIT_SEPARATORS: Final = re.compile(rf"(?:{_SP}|[、，,])+")
_NAME_SEPARATORS: Final = re.compile(rf"(?:{_SP}|[、，,《》])+")
_HAN_RUN: Final = re.compile(rf"[{_HAN}·]+")
_NUM: Final = r"[0-9０-９一二三四五六七八九十〇○零两]"
# `1月16日`, `１２月３０日`, `十二月三十一日`, `１月２９电` (日 dropped), `３０日`, and a
# spurious extractor space left in (`1月 16日`).
_DATE: Final = rf"(?:{_NUM}{{1,3}}{_SP}?月{_SP}?{_NUM}{{1,3}}{_SP}?日?|{_NUM}{{1,3}}{_SP}?日)"
# Words that never sit in the place slot between an outlet and 讯/电 (`本报记者日前电话…`,
# `新华社记者刘建新中央人民广播电台…`, `新华社通讯员…`, `本报驻泰国记者…`).
_NOT_PLACE: Final = r"记者|报道|通讯|消息|综合|今天|昨天|日前|近日|最近|此间|发出|发表|发布|驻"
# A place: up to ten characters, with an optional bracketed country (`达沃斯（瑞士）`).
_PLACE: Final = rf"(?:(?!{_NOT_PLACE})[{_HAN}·]){{1,10}}?(?:[（(][{_HAN}]{{1,8}}[）)])?"
# Outlets a dateline can name.
OUTLETS: Final = ("新华社", "中新社", "本报", "人民日报", "本刊")
# A reporter's role word, with the paper's own prefixes: 记者, 本报记者, 特约记者, 本报特派记者,
# 本报驻美国记者, 通讯员, 实习生, 摄影记者.
_OWN_ROLE: Final = rf"(?:本报)?(?:特约|特派|驻[{_HAN}]{{1,6}}?|摄影)?(?:记者|通讯员|实习生)"
# One name: two to five characters that do not start like running text (`记者从海关总署…`).
_NAME: Final = rf"(?!从|在|近日|日前|今|昨|最近|获悉|了解|采访|报道)[{_HAN}·]{{2,5}}?"
_SEP: Final = rf"(?:{_SP}*[、，,]{_SP}*|{_SP}+)"
_NAMES: Final = rf"{_NAME}(?:{_SEP}{_NAME})*"
# The tail after 讯/电 when it opens with our own staff: `记者X报道：`, `记者 X、Y报道：`,
# `记者X、通讯员Y报道：`, `记者X，中国国际广播电台记者Y，新华社记者Z、W报道：`.
_ANY_ROLE: Final = rf"[{_HAN}·]{{0,10}}?(?:记者|通讯员|实习生)"
_TAIL: Final = rf"{_OWN_ROLE}{_SP}*{_NAMES}(?:{_SEP}{_ANY_ROLE}{_SP}*{_NAMES})*{_SP}*报道[：:]"
# A bracketed credit: anything naming a role (`记者 X Y`, `人民网·人民日报记者 X`,
# `中央人民广播电台记者X、新华社记者Y`, `实习生X、记者Y`) or a bare list of names (`汪洪洋、林志平`).
_CREDIT: Final = r"[^（）()\n]{0,30}?(?:记者|通讯员|实习生)[^（）()\n]{1,50}?" + rf"|{_NAMES}"

LEAD_IN_BYLINE: Final = re.compile(both_scripts(
    rf"(?P<lead>(?:(?P<ju>据)?(?P<outlet>{'|'.join(OUTLETS)})"
    rf"(?P<place>{_PLACE})??{_SP}*(?P<date>{_DATE})?{_SP}*(?P<kind>讯|专电|电))?"
    rf"(?:{_SP}*[（(](?P<credit>{_CREDIT})[）)])?"
    rf"(?:{_SP}*(?P<tail>{_TAIL}))?)"
))
# The characters a lead-in can open with: 据 or an outlet's first (`OUTLETS`), a space or bracket
# before a credit, a role word's first (`_OWN_ROLE`, a tail), each in both scripts. A text
# opening with any other reads no lead-in, known without running LEAD_IN_BYLINE.
_LEAD_FIRST: Final = frozenset(c for ch in "据新中本人 \t\u3000（(特驻摄记通实" for c in ch + TRADITIONAL.get(ch, ""))
# The same lead without a credit or tail, used when the bracket after 讯/电 is not a credit.
_BARE: Final = re.compile(both_scripts(
    rf"(?P<lead>(?P<ju>据)?(?P<outlet>{'|'.join(OUTLETS)})(?P<place>{_PLACE})??{_SP}*"
    rf"(?P<date>{_DATE})?{_SP}*(?P<kind>讯|专电|电))(?P<credit>)?(?P<tail>)?"
))
# 电 that starts a word, not a dateline: `本报大连电话…` is not `本报大连电`.
_DIAN_WORD: Final = re.compile(both_scripts(r"[话视报脑影台力器子网梯站厂信讯缆源池机线码气文告贺唁邀请令传汇]"))


def lead_in_byline(paragraph: str, pos: int = 0) -> re.Match | None:
    """The lead-in byline at the start of a first paragraph (or at `pos`), or None.

    Group `lead` is the byline as printed (no trailing space); `outlet`, `place`, `date`,
    `kind` (讯/电/专电), `credit` (inside the brackets) and `tail` (`记者X报道：`) its parts.
    """
    if paragraph[pos:pos + 1] not in _LEAD_FIRST:
        return None  # (an empty text too) LEAD_IN_BYLINE's lead would be empty
    return _lead_in_at(paragraph, pos)


# Texts whose lead-in is remembered (`_lead_in_at`, `find_lead_in`): an article's first
# paragraph is asked again by several stages (side bylines, photo digests, metadata: about four
# asks of each on the dev pdftotext pages, each a long regular expression's match), the same
# string each time, whose hash Python keeps.
LEAD_IN_CACHE: Final = 4096


@lru_cache(maxsize=LEAD_IN_CACHE)
def _lead_in_at(paragraph: str, pos: int) -> re.Match | None:
    """`lead_in_byline` past its first-character test (a match object is immutable: shared)."""
    m = LEAD_IN_BYLINE.match(paragraph, pos)
    if m and m.group("credit") and not _credit_ok(m.group("credit")):
        m = _BARE.match(paragraph, pos)
    if not m or not m.group("lead"):
        return None
    if m.group("kind") is None:  # a bare credit `（XX新闻·XX晚报记者 A B）` opening the text
        rest = paragraph[m.end("lead"):].strip()
        return m if m.group("credit") and _has_role(m.group("credit")) and rest else None
    place, date, kind = m.group("place"), m.group("date"), fold(m.group("kind"))
    if not date:
        if kind == "讯" and place:  # `本报通讯员…` is not `本报通` + 讯
            return None
        if kind != "讯" and fold(m.group("outlet")) in ("本报", "人民日报", "本刊") and not place:
            return None  # `本报电…`
        if place and len(place) > 6:
            return None
        if kind == "电" and not m.group("credit") and _DIAN_WORD.match(paragraph, m.end("kind")):
            return None
    return m


@lru_cache(maxsize=LEAD_IN_CACHE)
def find_lead_in(text: str, max_prefix: int = 60) -> re.Match | None:
    """A lead-in that a short headline-like prefix pushed off the start of a paragraph
    (`担负着打击走私违法活动本报北京1月16日讯 记者X报道：…`): the first one within
    `max_prefix` characters after text with no sentence punctuation, or None. The prefix is
    `text[:m.start("lead")]`; whether it is a headline is the caller's call."""
    for start in _LEAD_OPENING.finditer(text[:max_prefix + 3]):
        prefix = text[:start.start()]
        if re.search(r"[。！？；，]", prefix):  # running text, not a headline
            return None
        if prefix.rstrip().endswith(("（", "(")):  # `（本报珀斯1月7日电）`: a credit note
            continue
        m = lead_in_byline(text, start.start())
        if m and (m.group("date") or m.group("credit") or m.group("tail") or m.group("place") is None):
            return m
    return None


_LEAD_OPENING: Final = re.compile(both_scripts("据|新华社|中新社|本报"))


def _has_role(credit: str) -> bool:
    return bool(re.search("记者|通讯员|实习生", fold(credit)))


def _credit_ok(credit: str) -> bool:
    """A bracket after 讯/电 is a credit if it names a role (and is no photo credit), or lists
    two- to four-character names of which at least one reads as a name (`慎海雄、吕志强`)."""
    if _has_role(credit):
        return not fold(credit.rstrip()).endswith(("摄", "图"))
    pieces = [p for p in _CREDIT_SEPARATORS.split(credit.strip()) if p]
    return bool(pieces) and all(2 <= len(p) <= 4 for p in pieces) and any(split_names(p) for p in pieces)


# A role with whatever outlet precedes it, for reading reporters and the outlet.
ROLE: Final = re.compile(both_scripts(
    rf"(?P<org>(?:新华社|中新社|本报|人民日报)?(?:特约|特派|驻[{_HAN}]{{1,6}}?|摄影)?)"
    r"(?P<role>记者|通讯员|实习生)"
))
# How organisation names end (`中央人民广播电台`, `解放军报`, `人民网·人民日报`, `XX新闻`).
_ORG_END: Final[tuple[str, ...]] = ("社", "台", "报", "网", "刊", "站", "中心", "新闻", "杂志", "电视")
# Outlets that credit reporters next to ours in joint bylines.
KNOWN_ORGS: Final = ("中央人民广播电台", "中国国际广播电台", "国际广播电台", "中央电视台", "解放军报", "光明日报",
              "经济日报", "工人日报", "农民日报", "法制日报", "中国青年报", "中国国防报", "中国日报",
              "人民日报", "新华社", "中新社", "本报")


# A title or affiliation right before a name in a byline line (`社科院农发所副所长韩俊`,
# `国务院发展研究中心研究员X`, `中共X委员会书记X`, `湖南郴州市X`, `深圳机场集团公司X`).
_TITLE_END: Final = "长员授任师家席记市县区司厂院所局处部校会理心演裁监委"
_TITLED: Final = re.compile(rf"(?:[{_TITLE_END}]|编辑|主编)([{_HAN}·]{{2,4}})$")


def _split_loose(run: str) -> tuple[str, ...] | None:
    """`split_names`, then the same with the extra surnames: 3- then 2-character names."""
    got = split_names(run)
    if got is not None or not run:
        return got if run else ()
    for size in (3, 2):
        head = run[:size]
        if len(head) == size and head[0] in SURNAMES_1:
            rest = _split_loose(run[size:])
            if rest is not None:
                return (head,) + rest
    return None


def _names_in(segment: str, strict: bool = False) -> list[str]:
    """Names in a segment after a role: separated by spaces, 、 or ，, or run together.

    The outlet of the next role is dropped: a known one at the end of a piece
    (`贾永黄秋生中国国防报`), a piece after a separator that ends like an organisation
    (`刘振英、新华社`), or what follows the first name (`刘建新中央人民广播电台`). Outside
    `strict` mode a short unsplittable piece (`尕玛多吉`) is kept whole.
    """
    out: list[str] = []
    pieces = [p for p in _NAME_SEPARATORS.split(segment.strip()) if p]
    for i, piece in enumerate(pieces):
        known = next((o for o in KNOWN_ORGS if piece.endswith(o)), "")
        piece = piece[:len(piece) - len(known)]
        if not piece or (i > 0 and len(piece) >= 3 and piece.endswith(_ORG_END)):
            continue
        got = _split_loose(piece)
        if got is None and piece.endswith(_ORG_END):  # one name run into an unknown outlet
            got = next((_split_loose(piece[:k]) for k in (3, 2)
                        if len(piece) - k >= 2 and _split_loose(piece[:k])), ())
        if got is None and strict and i < len(pieces) - 1:
            continue  # `国家税务总局党组书记、副局长X`: the titles before the name
        if got is None and strict and (titled := _TITLED.search(piece)):  # `社科院农发所副所长韩俊`
            tail = titled.group(1)
            got = next((_split_loose(tail[-k:]) for k in (3, 2) if _split_loose(tail[-k:])), None)
            got = got or ((tail[-3:],) if len(tail) >= 3 else (tail,))  # `水利部部长钮茂生`
        short = 2 <= len(piece) <= (4 if not strict else 3) and _HAN_RUN.fullmatch(piece)
        if got is None and short and (not strict or len(pieces) == 1):  # `尕玛多吉`; a pen name `粒砂`
            got = (piece,)
        out.extend(got or ())
    return out


_SEGMENT_END: Final = re.compile(both_scripts(r"报道|[（）()：:。；]"))


@lru_cache(maxsize=1024)
def _byline_lead(byline: str) -> re.Match | None:
    """`lead_in_byline` of a whole byline, matched once for `reporters_in` and `outlet_of`,
    which the metadata stage asks of each article's byline in turn."""
    return lead_in_byline(byline)


def reporters_in(byline: str) -> list[str]:
    """Reporter names in a byline: after 记者/通讯员/实习生 (separated by spaces, 、 or ，, or run
    together), or a bracketed or bare list of names when no role is printed."""
    text = byline
    m = _byline_lead(text)
    if m and m.group("kind"):
        text = text[m.end("kind"):]  # the outlet, place and date hold no names
    roles = list(ROLE.finditer(text))
    names: list[str] = []
    for i, r in enumerate(roles):
        end = roles[i + 1].start() if i + 1 < len(roles) else len(text)
        seg = _SEGMENT_END.split(text[r.end():end])[0]
        names.extend(_names_in(seg))
    if not roles and m and m.group("credit"):  # a checked credit of bare names `（慎海雄、吕志强）`
        names.extend(_names_in(m.group("credit")))
    elif not roles:
        inner = re.findall(r"[（(]([^（）()]+)[）)]", text)
        for seg in inner or [text]:
            names.extend(_names_in(seg, strict=True))
    return list(dict.fromkeys(names))


def outlet_of(byline: str) -> str | None:
    """The outlet a byline names: 新华社 / 中新社 for their datelines, the credit inside the
    brackets of a 本报讯 (`人民网·人民日报`, `XX新闻·XX晚报`), else 本报; for a byline line the
    outlet before its first role (`本报记者` -> 本报, `中国国防报记者` -> 中国国防报)."""
    m = _byline_lead(byline)
    if m and fold(m.group("outlet") or "") in ("新华社", "中新社"):
        return m.group("outlet")
    if m:
        org = _org_before_role(m.group("credit") or "")
        return org or m.group("outlet")
    org = _org_before_role(byline)
    if org:
        return org
    folded = fold(byline)
    hits = [(folded.find(o), o) for o in OUTLETS if o in folded]
    if not hits:
        return None
    at, outlet = min(hits)
    return byline[at:at + len(outlet)]  # as printed


def _org_before_role(text: str) -> str | None:
    r = ROLE.search(text)
    if not r:
        return None
    head = re.split(r"[（(、，,\s]", text[:r.start()])[-1]
    org = (head + r.group("org")).strip()
    org = re.sub(both_scripts(rf"(?:特约|特派|驻[{_HAN}]{{1,6}}?|摄影)$"), "", org)
    return org or None


_TRAILING_CREDIT: Final = re.compile(r"[（(]([^（）()]{2,20})[）)]$")


def is_photo_credit(credit: str) -> bool:
    """A bracketed credit's text names a photographer (`周浩摄`, `崔建时摄`): it closes a
    picture's description, which stories print mid-article too, and its names (`崔建` +
    `时摄` when split) are not the article's authors (dev raw page 37: `…成本核算。（周浩摄）`
    cut a picture story's list of photos apart as if an author's credit closed a brief)."""
    return credit.rstrip().endswith(("摄", "攝"))


def ends_with_photo_credit(text: str) -> bool:
    """The text closes with a bracketed photo credit (`…合影。（新华社记者樊如钧摄）`)."""
    m = _TRAILING_CREDIT.search(text.rstrip())
    return m is not None and is_photo_credit(m.group(1))


def trailing_credit_names(paragraph: str) -> list[str]:
    """The author names of a brief's closing credit (`…（王某 李某）`), which stays in the text:
    only the names become `reporters`. Photo credits (`…摄`) and notes are not names."""
    m = _TRAILING_CREDIT.search(paragraph.rstrip())
    if not m or is_photo_credit(m.group(1)):
        return []
    names = split_names(m.group(1))
    return list(names) if names else []


def closing_dateline(paragraph: str) -> re.Match | None:
    """The dateline of a closing credit that says where and when the report was filed
    (`…重振声威。（本报莫斯科1月6日电）`, `（新华社北京1月13日电）`), as a `lead_in_byline`
    match inside the brackets, or None. A correspondent's report under a standalone byline
    (`本报驻俄罗斯记者X`) carries its dateline there (dev pages 17 and 25); the credit stays
    in the text."""
    text = paragraph.rstrip()
    m = _TRAILING_CREDIT.search(text)
    if not m:
        return None
    lead = lead_in_byline(text, m.start(1))
    return lead if lead and lead.group("date") and lead.end("lead") == m.end(1) else None
