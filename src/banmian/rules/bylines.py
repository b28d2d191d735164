"""Lead-in bylines and datelines, and how to read reporters, outlet and place out of them."""
from __future__ import annotations

import re

_NUM = r"[0-9０-９一二三四五六七八九十〇零两]"
_DATE = rf"{_NUM}{{1,3}}月{_NUM}{{1,3}}日"
# 本报讯（记者 X）, 本报北京1月5日讯 记者X报道：, 新华社北京1月19日电（记者X）, 据新华社…电,
# 中新社…电; the bracketed credit and the `记者X报道：` tail are part of the byline.
LEAD_IN_BYLINE = re.compile(
    rf"^(?P<lead>(?P<ju>据)?(?P<outlet>新华社|中新社|本报|人民日报|本刊)"
    rf"(?P<place>[\u4e00-\u9fff]{{0,8}}?)\s*(?P<date>{_DATE})?\s*(?P<kind>讯|电|专电)"
    r"(?:\s*[（(](?P<credit>[^（）()]{1,60})[）)])?"
    r"(?:\s*(?P<tail>(?:本报)?(?:特约|驻[\u4e00-\u9fff]{1,6})?记者[^，。：:（）]{1,30}?报道[：:]))?)"
)
REPORTER_ROLE = re.compile(r"(?:本报|新华社|中新社)?(?:特约|驻[\u4e00-\u9fff]{1,6})?(?:记者|通讯员|实习生)")


def lead_in_byline(paragraph: str) -> re.Match | None:
    """The lead-in byline at the start of a first paragraph, or None."""
    m = LEAD_IN_BYLINE.match(paragraph)
    if not m:
        return None
    # `本报讯` must stand alone or be followed by its bracket; `本报北京…` needs a date.
    if m.group("outlet") in ("本报", "人民日报", "本刊") and m.group("kind") != "讯" and not m.group("date"):
        return None
    if m.group("place") and not m.group("date") and m.group("kind") == "讯":
        return None
    return m


def reporters_in(text: str) -> list[str]:
    """Reporter names in a byline: after 记者/通讯员, separated by spaces or 、."""
    from banmian.rules.names import split_names

    names: list[str] = []
    for part in REPORTER_ROLE.split(text)[1:]:
        part = re.split(r"报道|[）)：:，。]", part)[0]
        for chunk in re.split(r"[、\s]+", part.strip()):
            if not chunk:
                continue
            got = split_names(chunk)
            names.extend(got if got else [chunk])
    if not names:
        got = split_names(text.strip())
        names = list(got) if got else []
    return names


def outlet_of(byline: str) -> str | None:
    """The outlet a byline names: 本报, 新华社, or the `XX新闻·XX报` credit inside brackets."""
    m = re.search(r"[（(]([^（）()]*?)记者", byline)
    if m and m.group(1) and m.group(1) not in ("本报", "特约"):
        return m.group(1)
    for outlet in ("新华社", "中新社", "人民日报", "本报"):
        if outlet in byline:
            return outlet
    return None
