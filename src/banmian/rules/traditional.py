"""Traditional forms of the characters that page furniture, credits and lead-ins are spelt
with, so that a Big5 or traditional page is read as a simplified one is.

The patterns of `furniture` and `bylines` are written in simplified characters;
`both_scripts(pattern)` lets each such character match its traditional form too
(`责编` -> `[责責][编編]`), and `fold(text)` turns those traditional characters back for plain
string tests (`startswith("记者")`). Only the characters of these words are listed: this is no
general converter (a traditional `責編 周曉嵐 校對 陳立` was read as a headline).
"""
from __future__ import annotations

import re
from typing import Final

# simplified -> traditional, for the characters of furniture words, outlets, roles, credits
_PAIRS: Final = (
    "责責 编編 辑輯 对對 审審 读讀 转轉 据據 摄攝 图圖 为為 资資 压壓 题題 华華 记記 报報 专專 电電 "
    "讯訊 约約 驻駐 员員 评評 论論 实實 习習 张張 经經 济濟 闻聞 话話 视視 脑腦 网網 站站 厂廠 缆纜 "
    "池池 机機 线線 码碼 气氣 贺賀 请請 传傳 汇匯 从從 获獲 访訪 综綜 发發 术術 广廣 播播 台臺 "
    "军軍 国國 际際 青青 农農 们們 关關 联聯 讲講 时時"
)
TRADITIONAL: Final = {p[0]: p[1] for p in _PAIRS.split() if p[0] != p[1]}
_FOLD: Final = str.maketrans({t: s for s, t in TRADITIONAL.items()})
# any of those traditional characters: most texts hold none, and a regex search finds that far
# faster than `translate` (a mapping lookup per character) copies the text
_TRADITIONAL_CHAR: Final = re.compile("[" + "".join(sorted(TRADITIONAL.values())) + "]")


def fold(text: str) -> str:
    """`text` with the traditional characters of `TRADITIONAL` turned simplified (one for one,
    so offsets stay)."""
    if _TRADITIONAL_CHAR.search(text) is None:
        return text
    return text.translate(_FOLD)


def both_scripts(pattern: str) -> str:
    """The regex `pattern` (simplified) with each character of `TRADITIONAL` matching its
    traditional form too: `[责責]` outside a character class, both inside one."""
    out: list[str] = []
    in_class = escaped = False
    for c in pattern:
        trad = TRADITIONAL.get(c)
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        elif trad:
            out.append(c + trad if in_class else f"[{c}{trad}]")
            continue
        out.append(c)
    return "".join(out)
