"""Heads tail: the blocks a tail of head lines may be cut into, and what each block costs.

A page printing every headline after all the bodies (`stages.heads_tail`) leaves a tail of
headline blocks with no blank lines between them. `block_shapes` lists every block tail[j:j + L]
the alignment (`tail_align.align`) may take: a block opens only at a line that may open one
(`opens_block`: not a subtitle's dash line, not under a kicker naming who speaks, nor inside a
word or a quote running on), and a byline closes it, as a subtitle's dash line does its head
lines (`closed_by_subtitle`). A continuation note (上接) standing in the tail is a block of its
own (`is_slot`). Each shape pays for lines past a plain block's (`extra_line_costs`), a names
line inside it (`soft_costs`), a line that is the next article's headline (`unquoted_tier_costs`),
and, aligned with a lead-in segment, a closing byline (`byline_end_costs`).
"""
from __future__ import annotations

import re
from typing import Final

import numpy as np

from banmian.head_tiers import subtitle_under_headline
from banmian.language import spanning_word
from banmian.line_shape import head_runs_on_by_dash, opens_with_dash
from banmian.model import Line
from banmian.rules.chars import PAIRED_MARKS, strip_ws
from banmian.rules.names import NAME_UNDER_HEADLINE_REASON, NAMES_REASON
from banmian.tail_find import CLAUSE_MARKS
from banmian.tier_cues import balanced_pair

MAX_BLOCK_LINES: Final = 6  # kicker, two-line headline, two-line subtitle, byline
# A headline block holds at most three lines besides its byline (a kicker or a subtitle and a
# headline of one or two lines, or a two-line headline and a subtitle); each further line costs
# EXTRA_LINE_COST, so that two blocks are not merged into one where the second's words recur in
# no opening (simulated raw pages: `城镇“巾帼建功` / `”活动开创新局面` / `盼实现两岸政治谈判` /
# `郭平坦`, two articles' headlines; 31 of 86 heads-last pages of the TRAIN set held one block
# fewer than articles). Dev raw and PyMuPDF 1-40 unchanged at 1.0 (2.0 cost headline_acc);
# simulated TRAIN 1-300 raw headline_acc 0.7044 -> 0.7104, VAL 0.7015 -> 0.7066.
BLOCK_PLAIN_LINES: Final = 3
EXTRA_LINE_COST: Final = 1.0
# A head line ending on a reporting verb with no clause mark is a kicker naming who speaks:
# the headline under it says what (`温家宝在湖北农村调研时强调` / `坚定信心继续发展农业好形势`),
# so no block ends under it. Splitting there cut a kicker from its headline on simulated raw
# TRAIN pages 126, 259, 279 (`联合国特委会负责人强调` / `伊应无条件允许武器核查`); of 48 gold head
# lines so ending on TRAIN pages 1-300 (4 on dev 1-40), 3 end their block, all subtitles
# (two opening with a dash, left out here). `说` is left out: `白内障病因有新说` is a headline.
# Fires on dev raw/PyMuPDF tails of pages 6 (`罗总统呼吁`) and 17, both rightly (output unchanged).
# A longer word the HMM makes up across the break of two head lines is no word: it joined two
# headlines' ends (`缤纷灯如海` / `话说『好`: `如海话`, simulated raw TRAIN page 18; `盼雪` /
# `峭岩`, TRAIN 135; `书云玉琴` / `加两大银行合并`, TRAIN 186), and the second could open no
# block, so it went with the block above. Of 21 such made-up words across tail head lines on
# TRAIN raw pages 1-300, the 2-character ones are mostly real (`常昊`, `五国`, `华茂`, `墙里`).
# Sim VAL raw / PyMuPDF headline_acc +0.002 / +0.004, byline_acc +0.001 / +0.003; dev 1-40 unchanged.
MAX_MADE_UP_WORD: Final = 2
REPORTING_VERBS: Final = ("强调", "指出", "表示", "认为", "宣布", "提出", "呼吁", "要求")
# A document's date in parentheses under its title (`（一九九八年一月二十二日）`) is the title
# block's last line, never a block of its own (TRAIN pages 81 and 126 cut the block there).
DATE_LINE: Final = re.compile(r"[（(][一二三四五六七八九十〇○零\d]+年[^（）()]*[）)]")
# A tail line read as a byline for its names alone (these reasons, no press title) may still be a
# head line: a short headline line that reads as names or a pen name (`莫斯科申办` / `夏季奥运会`,
# `王振昌` / `小康功臣`, `苍岩山` / `太行多裸岩无木`, simulated raw TRAIN pages 144, 174, 116).
# Such a line does not close a block: a block may run on past it (or open at it, not alone) for
# SOFT_RUN_ON_COST, and the line is then a head line. TRAIN raw heads_end headline_acc (pages
# labelled 41+ by eval) 0: 0.6749, 0.5: 0.6714 (body -0.002), 1: 0.6784 (body -0.002),
# 1.5: 0.6819, 2: 0.6801, 3-4: 0.6749; byline_acc 0.8207 -> 0.8225 at 2, body alike.
SOFT_BYLINE_REASONS: Final = (NAMES_REASON, NAME_UNDER_HEADLINE_REASON)
SOFT_RUN_ON_COST: Final = 2.0
SOFT_REASON: Final = "head:tail_names_line_in_block"
# A report opening with a dispatch lead-in (本报北京…讯 记者…报道, 新华社…电) names its writers
# there: no byline stands under its headline (of 2460 gold articles on simulated TRAIN pages
# 1-300 and 313 on dev pages 1-40, none has both). A block closing on a byline line aligned
# with a lead-in segment is two articles' blocks run together, the second's article opening
# at a plain paragraph start of the segment (simulated raw TRAIN pages 5, 9, 107:
# `城镇“巾帼建功` / `”活动开创新局面` / `盼实现两岸政治谈判` / `郭平坦` over a report opening
# `本报北京1月22日讯`, the commentary under `郭平坦` opening `江泽民主席《为促进祖…` after
# its last paragraph). Such a block pays LEAD_IN_BYLINE_COST.
LEAD_IN_BYLINE_COST: Final = 6.0
# A line opening with a subtitle's dash is its block's last head line: only the block's byline
# (or a dated line, DATE_LINE, SPEECH_DATE) stands under it. Of the gold head blocks of simulated
# TRAIN pages 1-300, 210 of 210 dash-opened lines are their block's last head line; of dev pages
# 1-40, 21 of 22 (page 21: a date `12月31日` under `——一九九八年新年讲话`). A block running on past
# one took the next article's headline (TRAIN raw pages 83, 128, 170, 205, 243, 293: `——合作共事的
# 亲密同志和朋友` / `中法外长举行会谈`), which then headed no article. TRAIN headline_acc raw
# heads_end / heads_end_partial 0.7531 / 0.7133 -> 0.7547 / 0.7151, PyMuPDF 0.7328 / 0.7007 ->
# 0.7344 / 0.7025 (body raw heads_end 0.9101 -> 0.9095: page 188's byline `铁木尔·达瓦买提`, read
# as a head line, no longer runs on under its subtitle); dev 1-40 and VAL unchanged.
SUBTITLE_CLOSES: Final = True
# ...or the day a speech was given, printed bare under its title's dash line (dev raw page 21:
# `迈向充满希望的新世纪` / `——一九九八年新年讲话` / `12月31日`).
SPEECH_DATE: Final = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
# A plain subtitle under a headline broken to balance over two lines (`tier_cues.balanced_pair`)
# is mostly a sentence of its article set large, printed in its text, or much longer than the
# headline's lines (`head_tiers.subtitle_under_headline`); a line under such a headline that is
# neither is the next article's headline, which a block took for nothing as its third line
# (simulated raw TRAIN pages 59, 136: `澳用亚硝化` / `螺处理污水` / `委大力吸引外资`; 171:
# `《塑造未来》探` / `索可持续发展之路` / `绿色的呼唤`; 170, 175, 231). A block holding it past its
# second line pays UNQUOTED_TIER_COST (`unquoted_tier`). Not a line right over a printed line
# that may open a block (a kicker over the next headline, so the line closes a block: dev raw
# page 28, `大众体育是体` / `育产业的根源` / `国家没有资金投入` / `或对体育项目和体育市场的认识不够`),
# nor the tail's last line (dev raw page 32: `中华人民共和国国务院令`). TRAIN raw heads_end /
# heads_end_partial body_char_acc 0.9095 / 0.9095 -> 0.9109 / 0.9104, headline_acc 0.7547 /
# 0.7151 -> 0.7672 / 0.7240; PyMuPDF body 0.9147 / 0.9075 -> 0.9160 / 0.9085, headline 0.7344 /
# 0.7025 -> 0.7469 / 0.7115 (cost 1: 8 TRAIN raw headlines gained, not 13, body alike; 6: 12). Without the length guard (TRAIN
# 107, 110, 235, 254: true subtitles the stream does not print) sim VAL PyMuPDF lost two headlines.
UNQUOTED_TIER_COST: Final = 3.0
MIN_TIER_QUOTE_CHARS: Final = 4  # a shorter line may be found in the stream by chance
# A continuation note (上接) kept in the tail (`stages.heads_tail.CONTINUATION_SLOTS`): a block of its own.
CONTINUED_KIND: Final = "continued"


def block_shapes(tail: list[Line]) -> tuple[np.ndarray, np.ndarray]:
    """(starts, sizes): every block tail[j:j + L] the tail may be cut into, L up to
    MAX_BLOCK_LINES; a block opens only where `opens_block` lets it (or, not alone, at a names
    line, `soft_byline`), and a byline closes it, a names line only where the block ends there."""
    starts, sizes = [], []
    for j in range(len(tail)):
        opens = opens_block(tail, j)
        if not opens and not soft_byline(tail, j):
            continue
        for size in range(1, min(MAX_BLOCK_LINES, len(tail) - j) + 1):
            if size > 1 and (closed_by_subtitle(tail, j + size - 2, j + size - 1)
                             or is_slot(tail[j]) or is_slot(tail[j + size - 1])):
                break  # a continuation note is a block of its own
            if size == 1 and not opens:
                continue
            starts.append(j)
            sizes.append(size)
            if tail[j + size - 1].kind == "byline" and not soft_byline(tail, j + size - 1):
                break
    return np.array(starts, dtype=np.int64), np.array(sizes, dtype=np.int64)


def soft_byline(tail: list[Line], k: int) -> bool:
    """Tail line k was read as a byline for its names alone (SOFT_BYLINE_REASONS), and not under
    a subtitle's dash line: the subtitle is a headline block's last tier, so a names line under
    it is the block's byline (simulated raw TRAIN page 111: `——才取得了良好的社会效果` / `章雯`,
    the block ran on into the next one's kicker)."""
    line = tail[k]
    return (line.kind == "byline" and any(r in line.reasons for r in SOFT_BYLINE_REASONS)
            and not (k > 0 and opens_with_dash(strip_ws(tail[k - 1].text))))


def closed_by_subtitle(tail: list[Line], k: int, nxt: int) -> bool:
    """Tail line k opens with a subtitle's dash and line nxt, under it, is no byline nor a
    dated line (DATE_LINE, SPEECH_DATE): the subtitle is its block's last head line
    (SUBTITLE_CLOSES)."""
    if not SUBTITLE_CLOSES or tail[k].kind not in ("head", "body") or not opens_with_dash(strip_ws(tail[k].text)):
        return False
    below = strip_ws(tail[nxt].text)
    return tail[nxt].kind != "byline" and not DATE_LINE.fullmatch(below) and not SPEECH_DATE.fullmatch(below)


def opens_block(tail: list[Line], j: int) -> bool:
    """Tail line j may open a headline block: not a subtitle's dash line, not the second
    line of a headline broken inside a word (`head_word_across`; dev raw page 26: `东亚经济传真苏哈托强调经` /
    `济改革菲律宾汇市股市反弹`, whose second line names another dispatch of the roundup), and
    not a byline under a headline line (`byline_under_its_headline`), nor the line under a head
    line ending on a dash (`line_shape.head_runs_on_by_dash`) or on a reporting verb
    (`names_a_speaker`) or leaving a quote open (`leaves_a_mark_open`), nor a dated line in
    parentheses (DATE_LINE)."""
    text = tail[j].text
    if opens_with_dash(text) or byline_under_its_headline(tail, j):
        return False
    if j > 0 and (head_runs_on_by_dash(tail[j - 1]) or names_a_speaker(tail[j - 1])
                  or leaves_a_mark_open(tail[j - 1]) or DATE_LINE.fullmatch(strip_ws(text))):
        return False
    return j == 0 or tail[j - 1].kind != "head" or not head_word_across(strip_ws(tail[j - 1].text), strip_ws(text))


def head_word_across(upper: str, lower: str) -> bool:
    """A word runs across the break between two head lines: a dictionary word, or one jieba's
    HMM makes up of at most MAX_MADE_UP_WORD characters (a name or compound the dictionary
    lacks: `东洋证券杯围棋赛首轮常` / `昊遭淘汰…`, `中亚：五` / `国联合图强`)."""
    word = spanning_word(upper, lower)
    return word is not None and (len(word) <= MAX_MADE_UP_WORD or spanning_word(upper, lower, hmm=False) is not None)


def names_a_speaker(line: Line) -> bool:
    """A head line (or one the classifier took for body) ending on a reporting verb
    (REPORTING_VERBS), not opening with a dash and holding no clause mark: a kicker whose
    headline follows."""
    t = strip_ws(line.text)
    return (line.kind in ("head", "body") and t.endswith(REPORTING_VERBS) and not opens_with_dash(t)
            and CLAUSE_MARKS.isdisjoint(t))


# A head line that leaves a quote or a title mark open runs on into the line under it
# (`1998年：难以忘却的日子《` / `共产党宣言》发表一百五十周年`, simulated raw TRAIN page 50, cut
# into two blocks there); of 21 such tail lines on TRAIN heads-last pages none ends its block;
# on dev raw/PyMuPDF tails it fires on pages 6, 8 and 32, rightly (output unchanged).
def leaves_a_mark_open(line: Line) -> bool:
    """The line holds more opening than closing marks of a pair (PAIRED_MARKS)."""
    t = line.text
    return any(t.count(o) > t.count(c) for o, c in PAIRED_MARKS)


def byline_under_its_headline(tail: list[Line], j: int) -> bool:
    """Tail line j is a byline printed under a line of a headline (any tail line but another
    byline): that headline's block's last line, never a block of its own. Alone, a reporter's
    line stood for the block of a segment that had none, the reporter's name recurring in its
    lead-in or its words anywhere (dev raw and PyMuPDF page 3: `再立潮头看何人——` / `评世界
    女板跳水大势` / `本报记者许立群` given to the next article; page 32: `本报评论员` under
    `…要锲而不舍—` / `—三论今年经济工作主要任务`, head lines the classifier took for body).
    Dev raw and PyMuPDF byline_acc 1-20 / 21-40: 0.9441 / 0.9231 -> 0.9565 / 0.9295, the rest
    unchanged. Two bylines in a row are two articles' (`head_blocks.head_blocks`)."""
    return j > 0 and tail[j].kind == "byline" and tail[j - 1].kind != "byline"


def is_slot(line: Line) -> bool:
    """A continuation note standing in the heads tail (CONTINUATION_SLOTS)."""
    return line.kind == CONTINUED_KIND


def unquoted_tier(tail: list[Line], k: int, text: str) -> bool:
    """Tail line k stands under two head lines broken to balance (`tier_cues.balanced_pair`:
    one headline), may open a block (`opens_block`), opens with no dash, is not much longer
    than the headline's lines (`head_tiers.subtitle_under_headline`) and is not printed word
    for word in the stream (`text`, `quoted_line`); nor is it the tail's last line or over a
    printed line that may open a block (`quoted_opener`): no subtitle of that headline, but the
    next article's headline (UNQUOTED_TIER_COST)."""
    if k < 2 or any(tail[i].kind not in ("head", "body") for i in (k - 2, k - 1, k)):
        return False
    t = strip_ws(tail[k].text)
    if opens_with_dash(t) or not balanced_pair(tail[k - 2].text, tail[k - 1].text) or not opens_block(tail, k):
        return False
    if k + 1 == len(tail) or quoted_opener(tail, k + 1, text):
        return False
    if subtitle_under_headline([tail[k - 2].text, tail[k - 1].text, tail[k].text]):
        return False
    return not quoted_line(t, text)


def quoted_line(t: str, text: str) -> bool:
    """The stream prints the (space-free) line `t` word for word, and it is not too short to be
    found by chance (MIN_TIER_QUOTE_CHARS)."""
    return len(t) >= MIN_TIER_QUOTE_CHARS and text.find(t) >= 0


def quoted_opener(tail: list[Line], k: int, text: str) -> bool:
    """Tail line k may open a block and the stream prints it (`quoted_line`): a kicker over
    the next headline, so the line above it closes a block."""
    return opens_block(tail, k) and quoted_line(strip_ws(tail[k].text), text)


def extra_line_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """What each block shape (`block_shapes`: tail[starts[i]:starts[i] + sizes[i]]) costs for
    its lines beyond BLOCK_PLAIN_LINES, its closing byline not counted (EXTRA_LINE_COST each)."""
    plain = [size - (1 if tail[j + size - 1].kind == "byline" else 0) for j, size in zip(starts.tolist(), sizes.tolist())]
    return EXTRA_LINE_COST * np.maximum(0, np.array(plain, dtype=np.int64) - BLOCK_PLAIN_LINES)


def soft_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """SOFT_RUN_ON_COST for each names line (`soft_byline`) a block holds before its last line."""
    soft = np.array([soft_byline(tail, k) for k in range(len(tail))], dtype=np.int64)
    cum = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(soft)])
    return SOFT_RUN_ON_COST * (cum[starts + sizes - 1] - cum[starts])


def unquoted_tier_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray, text: str) -> np.ndarray:
    """UNQUOTED_TIER_COST for each line of a block shape past its second that is an
    `unquoted_tier`."""
    flags = np.array([unquoted_tier(tail, k, text) for k in range(len(tail))], dtype=np.int64)
    cum = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(flags)])
    inner = cum[starts + sizes] - cum[np.minimum(starts + 2, starts + sizes)]
    return UNQUOTED_TIER_COST * inner


def byline_end_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """LEAD_IN_BYLINE_COST for each block shape closing on a byline line: what it costs
    aligned with a segment that opens with a lead-in, which prints no byline of its own."""
    last = np.array([ln.kind == "byline" for ln in tail], dtype=np.float64)
    return LEAD_IN_BYLINE_COST * last[starts + sizes - 1] if len(starts) else np.zeros(0)
