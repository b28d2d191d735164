"""Test helper: made-up paragraphs cut into column lines as a dump prints them."""
from __future__ import annotations

# Made-up column lines (an 11 em column) several tests print as articles.
BIRDS = ["　　湖滨湿地公园今年春天", "迎来第一批候鸟，园内新", "建的观鸟长廊已经完工，", "游客可以在这里近距离观",
         "察候鸟。湿地公园管理处", "介绍，今年候鸟的种类比", "去年多了十几种。"]
BRIDGES_LEAD_IN = ["　　本报讯 城东新建的三", "座桥梁已于上月底全部通", "车，附近居民出行时间缩",
                   "短了一半。新桥通车以后，", "沿线的学校和医院也因此", "受益。"]
MARKET_LEAD_IN = ["　　本报讯 西城农贸市场", "改造工程昨天完工，新市", "场设摊位三百多个，菜价",
                  "保持平稳。市场管理方表", "示，今后将延长营业时间。"]


def column_lines(text: str, width: int = 12, indent: int = 2) -> list[str]:
    """Cut a paragraph into lines of a `width`-character column, the first one indented;
    kinsoku: a line never starts with a comma, full stop or closing bracket (it stays on the line
    above) and never ends on an opening bracket or quote (it goes to the line below)."""
    lines, size = [], width - indent
    while text:
        cut = min(size, len(text))
        while cut < len(text) and text[cut] in "，。、）”":
            cut += 1
        while 1 < cut < len(text) and text[cut - 1] in "（“":
            cut -= 1
        lines.append(text[:cut])
        text, size = text[cut:], width
    return lines



def flush_lines(text: str) -> list[str]:
    """Cut a paragraph into the lines of an 11-character column, none indented (dumps without
    blank lines, where a paragraph's indent is not printed)."""
    return column_lines(text, width=11, indent=0)


# Made-up reports printed flush (no indent) in an 11 em column, for dumps without blank lines
# that print each body before its headline block (test_bodies_first, test_framed_bodies_first).
FLUSH_BRIDGE = flush_lines("城东三座新桥上月底全部通车，附近居民出行时间缩短了一半，沿线学校和医院也因此受益。")
FLUSH_BIRDS = flush_lines("湖滨湿地公园今年春天迎来了二十多种候鸟，比去年多出五种，园方新设了两处观鸟台。")
FLUSH_MARKET = flush_lines("老街的早市天不亮就热闹起来，菜农挑着刚摘的青菜赶来，买菜的人排起了长队。")


def heads_by_opening(text: str) -> dict[str, str | None]:
    """Each article's headline, keyed by the first four characters of its body."""
    from banmian.pipeline import parse_text
    return {a.paragraphs[0][:4]: a.headline for a in parse_text(text, entities=False)[0].articles}


# Made-up reports cut into a 12-character column as a pdftotext dump prints them, set above and
# below a block under test (test_balanced_pairs, test_marked_head_blocks).
BRIDGES_12 = column_lines("城东三座新桥上月底全部通车，附近居民出行时间缩短了一半，沿线商店客流大增。")
BIRDS_12 = column_lines("湖滨湿地公园今年春天迎来了二十多种候鸟，比去年多出五种，园方新设了两处观鸟台。")


def kinds_of(text: str) -> dict[str, str]:
    """Each non-blank line's kind after the pipeline, by its stripped text."""
    from banmian.pipeline import parse_text

    page = parse_text(text, entities=False)[0]
    return {ln.text.strip(): ln.kind for ln in page.lines if ln.text.strip()}
