"""Heads tail: a dump that prints every headline after all the bodies, cut in step.

Some PDFs draw every article's body first and all the headline blocks last (`-raw` and
PyMuPDF dumps keep that order; no blank lines tell anything apart). The dump is then one long
stream of body text, article after article, and a tail of headline blocks in the same order
as the bodies. Articles without a lead-in byline (本报讯, 新华社…电) run into the one before
(dev raw page 21: `（一九九七年十二月三十一日）` under a cut-short article), and nothing
in the stream says where one ends.

Both orders are the same, so the stream is cut into articles and the tail into blocks
together (`align`, a monotone alignment by dynamic programming): block k heads segment k,
and a block's words recur in its segment's opening. The chosen cuts with a sign of an
article start of their own (a lead-in, a fragment start, text cut short before them) become
sure starts for `reassemble`, and `headlines` gives each block to the article its segment
opens. Only dumps without blank lines are looked at. A page may print only its first
articles' headlines last, the others over their bodies: the tail is then aligned with the
stream's opening stretch before its first headline (`find_prefix_tail`).
"""
from __future__ import annotations

import re
from typing import Final

import numpy as np

from banmian.language import spanning_word
from banmian.line_shape import head_runs_on_by_dash, is_indented, mark_dash_run_ons, opens_with_dash
from banmian.model import HEAD_KINDS, Fragment, Line, Page, page_line_index
from banmian.rules.chars import strip_ws
from banmian.rules.furniture import is_lead_in
from banmian.rules.names import NAME_UNDER_HEADLINE_REASON, NAMES_REASON, SURNAME_TITLES, SURNAMES_1, office_signature
from banmian.similarity import bigrams_found
from banmian.head_tiers import subtitle_under_headline
from banmian.tier_cues import balanced_pair
from banmian.stages.paragraphs import cut_fragments, end_kind, report_after_picture, restart_reason
from banmian.stages.roundups import ITEM_REASON, items_in_stream, tail_windows
from banmian.tail_pairs import balanced_cut_costs
from banmian.tail_find import CLAUSE_MARKS, ENDS_STREAM, OPENING_CHARS, find_prefix_tail, find_tail

PARTIAL_KEY: Final = "heads_tail_prefix"  # scratch flag: the tail heads a prefix only
# A report may open with its points in bullets over its lead-in: that lead-in opens no article
# of a prefix (`without_summed_up_lead_ins`; dev raw and PyMuPDF page 2).
SUMMARY_BULLET: Final = "●"
# A block's bigrams found only further on in its segment (up to the next fragment or lead-in,
# `opening_ends`) count this much: a feature's headline may echo its last paragraph, not its
# opening (dev raw page 8: `无悔的选择` over an article opening `12日下午，北京龙都宾馆…` and
# closing `…开始他们新的无悔的选择。`). Dev raw headline_acc 1-20 / 21-40: 0: 0.795 / 0.808,
# 0.3: 0.814 / 0.846, 0.4-0.8: 0.826 / 0.846, 1: 0.826 / 0.833 (body 0.9869 -> 0.9763).
REST_WEIGHT: Final = 0.5
# A plain paragraph start's (no `has_own_sign`) opening runs on over the paragraph starts after
# it; the block's bigrams found there only past the next one count this much: a plain start
# cut just before the paragraph that holds a headline's words (`接受这次调查的德国企业…` over
# `奥里诺科钢铁公司是委内瑞拉…`, for `委大力吸引外资` / `本报驻委内瑞拉记者管彦忠`) tied with the start of
# that paragraph and, the earlier, won (simulated raw TRAIN pages 9, 84, 107, 278: the cut
# one paragraph early; 174 the other way: `王振昌` / `小康功臣` over a feature naming him in its
# second paragraph). TRAIN raw / PyMuPDF heads_end body_char_acc 0.9045 / 0.9096 -> 0.9069 /
# 0.9121 at 0.9 (0.95 alike; 0.75: 0.9016 / 0.9068; 0: 0.9027 / 0.9079); dev 1-40 unchanged.
PAST_PARAGRAPH_WEIGHT: Final = 0.9
# A block's words found in the text just before a paragraph start count against a cut there:
# an article's headline recurs in all its paragraphs, so a cut inside it matches too
# (dev raw page 21: `世界人口增长形势依然严峻专` / `家预计本世纪内将超过60亿` cut in two).
BEFORE_WEIGHT: Final = 1.0
# A block must earn this many of its bigrams in its segment's opening (head_units.UNIT_COST).
UNIT_COST: Final = 3.0
MAX_BLOCK_LINES: Final = 6  # kicker, two-line headline, two-line subtitle, byline
# A tail line earns at most this many bigrams: a kicker or subtitle may be a clause taken
# from the middle of its article (`有许多深层次的矛盾和问题有待克服和解决`, dev raw page 21),
# which matches that paragraph whole and would cut the article there.
LINE_GAIN_CAP: Final = 6.0
# A segment opening with a lead-in byline, as most reports do. Its headline's words often
# come only in the second paragraph (dev raw page 3: `从单纯赞助` / `到全面参与` over a lead-in
# and a quote), so the cut must not slide there. Dev raw body_char_acc pages 1-20 / 21-40
# (CUT_COST 3): 1: 0.9553 / 0.9448, 3: 0.9594 / 0.9455, 6: 0.9588 / 0.9481, 8-10: 0.9649 / 0.9481.
LEAD_IN_BONUS: Final = 8.0
# One where `paragraphs` already cut the stream (a topic shift, a credit) or a non-body line
# stands before it. Dev raw headline_acc 1-40: 0: 0.7129, 1-2: 0.7161, 3: 0.7192 (body alike).
FRAGMENT_START_BONUS: Final = 2.0
RESTART_BONUS: Final = 0.0  # one after text cut short or a closing credit (`restart_reason`)
# A segment at any other paragraph start: most open no article (dev raw with LEAD_IN_BONUS 8:
# 3 and 5 alike; with 3: 2: 0.9488, 4: 0.9525, 6: 0.9547 over pages 1-40).
CUT_COST: Final = 4.0
# ...but only where the segment before it passed over a start with a sign of its own
# (`has_own_sign`): the tail's blocks tell how many articles the stream holds, in the same
# order, so a block left over between two signed starts must open one of the plain starts
# between them (and the cut is made sure, `no_signed_start_between`). Paying CUT_COST there,
# a short title whose words do not recur in its opening was merged with the block before
# (simulated raw pages: `东亚金融动` / `荡引发的思考` / `东亚金融风暴及影响` / `谷源洋`, the
# second article opening `进入90年代，全球爆发了三次金融风暴` at a plain paragraph start; 55
# of 86 TRAIN pages with a tail held fewer blocks than articles). A plain start's block words
# are then looked for only up to the next signed start (`rest_ends`): found further on, they
# pulled the cut up to the first plain start after the segment before (dev raw page 8:
# `无悔的选择` to the second paragraph of the article before). Simulated raw heads_end
# body_char_acc TRAIN 0.8541 -> 0.8765, VAL 0.8454 -> 0.8544; dev raw and PyMuPDF 1-40 unchanged.
NO_BLOCK_COST: Final = 6.0  # a segment without a headline block (none but a continuation, 上接)
SKIP_COST: Final = 1.0  # a tail line left out of every block
# ...a byline line this much: every byline in the tail closes some article's block; skipped,
# a byline that LEAD_IN_BYLINE_COST keeps off a lead-in segment's block was dropped rather than
# given a block of its own over the plain start where its article opens (simulated raw TRAIN
# pages 9 and 107: `中亚：美欧大国瞩目` / `本报记者严正孙勇军`).
BYLINE_SKIP_COST: Final = 2.0
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
# A head line that leaves a quote or a title mark open runs on into the line under it
# (`1998年：难以忘却的日子《` / `共产党宣言》发表一百五十周年`, simulated raw TRAIN page 50, cut
# into two blocks there); of 21 such tail lines on TRAIN heads-last pages none ends its block;
# on dev raw/PyMuPDF tails it fires on pages 6, 8 and 32, rightly (output unchanged).
PAIRED_MARKS: Final = (("《", "》"), ("“", "”"), ("『", "』"), ("「", "」"), ("（", "）"), ("‘", "’"))
# A document's date in parentheses under its title (`（一九九八年一月二十二日）`) is the title
# block's last line, never a block of its own (TRAIN pages 81 and 126 cut the block there).
DATE_LINE: Final = re.compile(r"[（(][一二三四五六七八九十〇○零\d]+年[^（）()]*[）)]")
# A tail line read as a byline for its names (`byline:names`) is a head line where it cannot be
# a byline: a byline never runs a dictionary word into the line under it (simulated raw TRAIN
# pages 132, 239, 285: `石家庄开` / `展专项治理`, `张北尚义震` / `区现场报道`), a name never has
# `同志` printed under it in a byline (TRAIN 247: `邓永清` / `同志逝世`), nor a subtitle's dash
# line (TRAIN 254: `欧盟` / `——的人道主义援助`; in no dump of TRAIN 1-300 or dev 1-40 does a
# gold byline stand over a line opening with `同志` or a dash), and a byline prints
# a full name, never a surname and an office (TRAIN 130: `江主席会见` / `英外交大臣`). Read as
# bylines they closed the block above and lost the next block's headline. A one-name line
# (`严平` / `江主席会见美国防部长`, a byline) may run into the next headline by chance, so the
# word cue asks for a line longer than one name.
NAME_RUN_ON_MIN_CHARS: Final = 4
COMRADE: Final = "同志"
TAIL_NAME_REASON: Final = "head:tail_line_not_a_byline"
TAIL_SIGNATURE_REASON: Final = "byline:tail_office_signature"
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
# A tail line printed word for word in the stream is a clause its article's text holds, set as
# a kicker or a subtitle (`以对中国的友好深情和眷恋之意` over `北京电视台：` / `春节播出不停机`,
# simulated raw TRAIN pages 102, 177, 222, 226; dev raw page 21 `有许多深层次的矛盾和问题有待
# 克服和解决`): its block heads the segment that holds that text. A block holding it aligned
# with a segment opening after the text, or a segment opening before the text with the line
# in a block before, pays QUOTED_COST. Shorter lines may be a headline's words recurring.
MIN_QUOTED_CHARS: Final = 8
QUOTED_COST: Final = 4.0
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
TAIL_REASON: Final = "article_start:heads_tail_block"
HEADLINE_REASON: Final = "headline:heads_tail_block"
HEAD_REASON: Final = "head:in_heads_tail_block"


class Candidate:
    """A paragraph start in the stream where a segment may open."""

    __slots__ = ("bonus", "continued", "frag", "k", "offset", "sure")

    def __init__(self, frag: int, k: int, offset: int, bonus: float, sure: bool, continued: bool):
        self.frag, self.k, self.offset, self.bonus = frag, k, offset, bonus
        self.sure = sure  # a segment opens here: the stream's start, or after a jump or 上接 line
        self.continued = continued  # a continuation note (上接) opens it: it has no headline


def candidates(page: Page, frags: list[Fragment], tail_start: int) -> tuple[list[Candidate], str]:
    """The stream's paragraph starts (each fragment's first line, and every marked paragraph
    start inside one) and the stream's space-free text. The report printed right after its
    picture's credited description (`paragraphs.report_after_picture`) opens no segment: the
    picture and the report are one article under one headline, which would otherwise be cut
    in two at the report's lead-in, each line of a two-line headline taken for a headline of
    its own (dev raw and PyMuPDF page 21: `北京举行` / `新年音乐会`; the only such report on a
    heads-last page of dev 1-40; body_char_acc pages 21-40 raw 0.9909 -> 0.9934, PyMuPDF
    0.9862 -> 0.9887, the rest unchanged)."""
    pos = page_line_index(page)
    width = page.column_width
    out: list[Candidate] = []
    texts: list[str] = []
    offset = 0
    prev_end = -1
    for fi, f in enumerate(frags):
        if pos[id(f.first)] >= tail_start:
            break
        first = pos[id(f.first)]
        between = [ln.kind for ln in page.lines[prev_end + 1:first]]
        continued = "continued" in between
        sure = fi == 0 or continued or any(kind in ENDS_STREAM for kind in between)
        prev_end = pos[id(f.last)]
        after_picture = fi > 0 and not between and report_after_picture(frags[fi - 1], f)
        for k, ln in enumerate(f.lines):
            bonus = None if k == 0 and after_picture else start_bonus(f, k, width)
            if bonus is not None:
                out.append(Candidate(fi, k, offset, bonus, sure and k == 0, continued and k == 0))
            t = strip_ws(ln.text)
            texts.append(t)
            offset += len(t)
    return out, "".join(texts)


def start_bonus(f: Fragment, k: int, width: float) -> float | None:
    """What line k of fragment f being an article's first line scores, or None where no
    article can start (inside a paragraph)."""
    ln = f.lines[k]
    if is_lead_in(ln.text) and (k == 0 or ln.para_start):
        return LEAD_IN_BONUS
    if k == 0:
        return FRAGMENT_START_BONUS
    prev = f.lines[k - 1]
    # (`restart_reason` asks for an indented line or a credit line before: tested first, cheaply)
    if (prev.text.lstrip()[:1] in "（(" or is_indented(ln, width)) and restart_reason(prev, ln, width):
        return RESTART_BONUS
    return -CUT_COST if ln.para_start else None


def soft_byline(tail: list[Line], k: int) -> bool:
    """Tail line k was read as a byline for its names alone (SOFT_BYLINE_REASONS), and not under
    a subtitle's dash line: the subtitle is a headline block's last tier, so a names line under
    it is the block's byline (simulated raw TRAIN page 111: `——才取得了良好的社会效果` / `章雯`,
    the block ran on into the next one's kicker)."""
    line = tail[k]
    return (line.kind == "byline" and any(r in line.reasons for r in SOFT_BYLINE_REASONS)
            and not (k > 0 and opens_with_dash(strip_ws(tail[k - 1].text))))


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


def closed_by_subtitle(tail: list[Line], k: int, nxt: int) -> bool:
    """Tail line k opens with a subtitle's dash and line nxt, under it, is no byline nor a
    dated line (DATE_LINE, SPEECH_DATE): the subtitle is its block's last head line
    (SUBTITLE_CLOSES)."""
    if not SUBTITLE_CLOSES or tail[k].kind not in ("head", "body") or not opens_with_dash(strip_ws(tail[k].text)):
        return False
    below = strip_ws(tail[nxt].text)
    return tail[nxt].kind != "byline" and not DATE_LINE.fullmatch(below) and not SPEECH_DATE.fullmatch(below)


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


def unquoted_tier_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray, text: str) -> np.ndarray:
    """UNQUOTED_TIER_COST for each line of a block shape past its second that is an
    `unquoted_tier`."""
    flags = np.array([unquoted_tier(tail, k, text) for k in range(len(tail))], dtype=np.int64)
    cum = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(flags)])
    inner = cum[starts + sizes] - cum[np.minimum(starts + 2, starts + sizes)]
    return UNQUOTED_TIER_COST * inner


def soft_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """SOFT_RUN_ON_COST for each names line (`soft_byline`) a block holds before its last line."""
    soft = np.array([soft_byline(tail, k) for k in range(len(tail))], dtype=np.int64)
    cum = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(soft)])
    return SOFT_RUN_ON_COST * (cum[starts + sizes - 1] - cum[starts])


def opening_ends(cands: list[Candidate], length: int) -> list[int]:
    """Where each candidate's opening stops: at the next one that opens a fragment or a
    lead-in, likely another article's start, whose words are not this opening's (dev raw page
    39: `从评选最佳中` / `场球员想到的` went to the lead-in of a brief just before its article,
    whose opening read on into it). Dev raw headline_acc 1-40: 0.7161 unclipped, 0.7256
    clipped at lead-ins and sure starts only, 0.7382 at fragment starts too; body alike."""
    ends = []
    nxt = length
    for c in reversed(cands):
        ends.append(nxt)
        if c.k == 0 or c.bonus >= LEAD_IN_BONUS:
            nxt = c.offset
    return ends[::-1]


def rest_ends(cands: list[Candidate], opening_stops: list[int]) -> list[int]:
    """Where each candidate's text searched for its block's words ends (`opening_ends`), a
    plain paragraph start's (no `has_own_sign`) also at the next start with a sign of its
    own: a headline's words found past one are likely the next article's (CUT_COST)."""
    out = []
    nxt = opening_stops[-1] if opening_stops else 0
    for c, stop in zip(reversed(cands), reversed(opening_stops)):
        out.append(stop if has_own_sign(c) else min(stop, nxt))
        if has_own_sign(c):
            nxt = c.offset
    return out[::-1]


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
    unchanged. Two bylines in a row are two articles' (`headlines.head_blocks`)."""
    return j > 0 and tail[j].kind == "byline" and tail[j - 1].kind != "byline"


def extra_line_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """What each block shape (`block_shapes`: tail[starts[i]:starts[i] + sizes[i]]) costs for
    its lines beyond BLOCK_PLAIN_LINES, its closing byline not counted (EXTRA_LINE_COST each)."""
    plain = [size - (1 if tail[j + size - 1].kind == "byline" else 0) for j, size in zip(starts.tolist(), sizes.tolist())]
    return EXTRA_LINE_COST * np.maximum(0, np.array(plain, dtype=np.int64) - BLOCK_PLAIN_LINES)


def byline_end_costs(tail: list[Line], starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """LEAD_IN_BYLINE_COST for each block shape closing on a byline line: what it costs
    aligned with a segment that opens with a lead-in, which prints no byline of its own."""
    last = np.array([ln.kind == "byline" for ln in tail], dtype=np.float64)
    return LEAD_IN_BYLINE_COST * last[starts + sizes - 1] if len(starts) else np.zeros(0)


def skip_costs(tail: list[Line]) -> np.ndarray:
    """skipped[j]: what leaving tail[:j] out of every block costs (SKIP_COST a line, a byline
    line BYLINE_SKIP_COST)."""
    per = [BYLINE_SKIP_COST if ln.kind == "byline" else SKIP_COST for ln in tail]
    return np.concatenate([np.zeros(1), np.cumsum(np.array(per, dtype=np.float64))])


def _skip_forward(vals: np.ndarray, skipped: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """best[j] = max over k <= j of vals[k] - (skipped[j] - skipped[k]) (`skip_costs`), and that k."""
    idx = np.arange(len(vals))
    lifted = vals + skipped
    best = np.maximum.accumulate(lifted)
    src = np.maximum.accumulate(np.where(lifted >= best, idx, 0))
    return best - skipped, src


def align(cands: list[Candidate], text: str, tail: list[Line]) -> list[tuple[int, int, int]]:
    """The best monotone alignment: a list of segments (candidate index, first tail line,
    end of its block; first == end for a segment without a block).

    Each segment opens at a candidate (the first at the stream's start; a sure one always
    opens one) and scores its block's bigrams found in its opening (and REST_WEIGHT of those
    found only further on, up to the next fragment or lead-in), less UNIT_COST, plus the
    candidate's bonus (at a plain paragraph start: -CUT_COST where the segment before passed
    over a start with a sign of its own, else nothing; its block's words are looked for only up
    to the next such start, `rest_ends`); a segment without a block costs NO_BLOCK_COST unless a continuation
    note (上接) opens it, a tail line in no block SKIP_COST. Block scores add up each line's
    bigrams found, so the dynamic programme needs only each line against each opening.
    """
    n, m = len(cands), len(tail)
    parts = [ln.text for ln in tail]
    opening_stops = opening_ends(cands, len(text))
    opening, _ = bigrams_found(parts, [text[c.offset:min(c.offset + OPENING_CHARS, e)] for c, e in zip(cands, opening_stops)])
    own, _ = bigrams_found(parts, [text[c.offset:min(c.offset + OPENING_CHARS, e, s)]
                                   for c, e, s in zip(cands, opening_stops, paragraph_ends(cands))])
    opening = own + PAST_PARAGRAPH_WEIGHT * (opening - own)
    whole, _ = bigrams_found(parts, [text[c.offset:e] for c, e in zip(cands, rest_ends(cands, opening_stops))])
    after = opening + REST_WEIGHT * (whole - opening)
    before, _ = bigrams_found(parts, [text[max(0, c.offset - OPENING_CHARS):c.offset] for c in cands])
    gain = np.minimum(after - BEFORE_WEIGHT * before, LINE_GAIN_CAP)  # gain[c, t]
    quoted = quoted_at(parts, text)
    offsets = np.array([c.offset for c in cands], dtype=np.int64)
    gain -= QUOTED_COST * (quoted[None, :] < offsets[:, None])  # its text lies before the segment
    # placed[c, j]: tail[:j]'s quoted lines whose text lies at or after candidate c's opening
    placed = QUOTED_COST * np.concatenate([np.zeros((n, 1)), np.cumsum(
        (quoted[None, :] >= offsets[:, None]) & (quoted[None, :] < len(text)), axis=1)], axis=1)
    slots = np.array([is_slot(ln) for ln in tail], dtype=bool)
    gain[:, slots] = 0.0  # a continuation note earns no words
    cum = np.concatenate([np.zeros((n, 1)), np.cumsum(gain, axis=1)], axis=1)
    starts, sizes = block_shapes(tail)  # the possible blocks tail[j:j + L], as two arrays
    ends = starts + sizes
    shape_cost = (extra_line_costs(tail, starts, sizes) + soft_costs(tail, starts, sizes)
                  + unquoted_tier_costs(tail, starts, sizes, text) + balanced_cut_costs(tail, starts))
    slot_shape = slots[starts] & (sizes == 1)
    shape_cost = np.where(slot_shape, -UNIT_COST, shape_cost)  # a note's block: as one that earned its UNIT_COST
    byline_cost = byline_end_costs(tail, starts, sizes)
    skipped = skip_costs(tail)
    neg = -np.inf
    start_col = np.array([0.0] + [neg] * m)
    rbest, rsrc_k = _skip_forward(start_col, skipped)
    rsrc_c = np.full(m + 1, -1)
    raw_best, raw_c = rbest, rsrc_c  # best score so far per tail column, and its segment
    near_best, near_c = rbest, rsrc_c  # the same over segments since the last signed start
    nbest, nsrc_k, nsrc_c = rbest, rsrc_k, rsrc_c
    back = []  # per candidate: its block start per end column, and the sources it was scored against
    cols = np.arange(m + 1)
    by_size = np.full((MAX_BLOCK_LINES, m + 1), neg)  # a block's score by its size and end
    for c, cand in enumerate(cands):
        row = rbest - placed[c] - (0.0 if cand.continued else NO_BLOCK_COST)  # its bonus goes with a block
        signed = has_own_sign(cand)
        if signed:
            base, bonus, bsrc_c, bsrc_k = rbest - placed[c], cand.bonus, rsrc_c, rsrc_k
        else:  # a plain start pays CUT_COST only where its segment passed over a signed start
            far = rbest - CUT_COST
            near = nbest > far
            base, bonus = np.where(near, nbest, far) - placed[c], 0.0
            bsrc_c, bsrc_k = np.where(near, nsrc_c, rsrc_c), np.where(near, nsrc_k, rsrc_k)
        by_size.fill(neg)
        cost = shape_cost + byline_cost if cand.bonus >= LEAD_IN_BONUS else shape_cost
        if not signed:  # a continued piece opens where a sign of its own says an article starts
            cost = np.where(slot_shape, np.inf, cost)
        by_size[sizes - 1, ends] = base[starts] + cum[c, ends] - cum[c, starts] - cost
        size = by_size.argmax(axis=0)  # ties: the smaller block
        block = by_size[size, cols] - UNIT_COST + bonus
        take = block > row
        row = np.where(take, block, row)
        j0 = np.where(take, cols - size - 1, cols)
        back.append((j0, take, rsrc_c, rsrc_k, bsrc_c, bsrc_k))
        if cand.sure:  # no segment runs on across a sure start
            raw_best, raw_c = row, np.full(m + 1, c)
        else:
            better = row > raw_best
            raw_best, raw_c = np.where(better, row, raw_best), np.where(better, c, raw_c)
        if cand.sure or signed:
            near_best, near_c = row, np.full(m + 1, c)
        else:
            better = row > near_best
            near_best, near_c = np.where(better, row, near_best), np.where(better, c, near_c)
        rbest, rsrc_k = _skip_forward(raw_best, skipped)
        rsrc_c = raw_c[rsrc_k]
        nbest, nsrc_k = _skip_forward(near_best, skipped)
        nsrc_c = near_c[nsrc_k]
    # walk back from the end: every tail line consumed or skipped
    segments = []
    c, j = int(rsrc_c[m]), int(rsrc_k[m])
    while c >= 0:
        j0s, took, src_c, src_k, bsrc_c, bsrc_k = back[c]
        start = int(j0s[j])
        segments.append((c, start, j))
        if took[j]:
            c, j = int(bsrc_c[start]), int(bsrc_k[start])
        else:
            c, j = int(src_c[start]), int(src_k[start])
    return segments[::-1]


def paragraph_ends(cands: list[Candidate]) -> list[int]:
    """Where each plain paragraph start's (no `has_own_sign`) own paragraph ends: at the next
    candidate (PAST_PARAGRAPH_WEIGHT); a large number for any other."""
    far = 1 << 62
    return [cands[i + 1].offset if i + 1 < len(cands) and not has_own_sign(c) else far
            for i, c in enumerate(cands)]


def quoted_at(parts: list[str], text: str) -> np.ndarray:
    """Where each tail line's text stands in the stream, for a line of at least
    MIN_QUOTED_CHARS found there exactly once (`QUOTED_COST`); len(text) + 1 for any other."""
    out = np.full(len(parts), len(text) + 1, dtype=np.int64)
    for t, part in enumerate(parts):
        q = strip_ws(part)
        if len(q) >= MIN_QUOTED_CHARS:
            at = text.find(q)
            if at >= 0 and text.find(q, at + 1) < 0:
                out[t] = at
    return out


def signed_starts(cands: list[Candidate]) -> list[Candidate]:
    """The stream's first candidate and those with a sign of their own (`has_own_sign`): in a
    prefix (`find_prefix_tail`) a plain paragraph start opens no segment. The prefix's articles
    need not all have their headlines in the tail (dev PyMuPDF page 10: `专题综艺晚会不能成风`
    aligned with `其实，我们这么大的一个国家，有些专题式的综艺晚会…` inside the article before)."""
    return [c for i, c in enumerate(cands) if i == 0 or has_own_sign(c)]


def without_summed_up_lead_ins(cands: list[Candidate], text: str) -> list[Candidate]:
    """The candidates less a lead-in right after a candidate opening with a summary bullet
    (SUMMARY_BULLET): a report may open with its points in bullets, its lead-in under them
    (dev raw and PyMuPDF page 2: `●人民币不贬值是中国对亚洲金融稳定作出的贡献●…` /
    `本报北京一月十六日讯`); it opens no article of its own."""
    return [c for i, c in enumerate(cands)
            if i == 0 or not (c.bonus >= LEAD_IN_BONUS and text.startswith(SUMMARY_BULLET, cands[i - 1].offset))]


def cut_at(page: Page, frags: list[Fragment], cands: list[Candidate], starts: list[int]) -> list[Fragment]:
    """The fragments cut at the chosen candidates (`starts`), each piece opening at one made a
    sure start (`Fragment.forced_start`)."""
    cuts: dict[int, set[int]] = {}
    for c in starts:
        cuts.setdefault(cands[c].frag, set()).add(cands[c].k)
    return cut_fragments(frags, cuts, page.column_width, TAIL_REASON)


def has_own_sign(cand: Candidate) -> bool:
    """An aligned cut here is made a sure start: something besides the block says an article
    may start (not a plain paragraph start, where the block's words may merely recur: dev
    PyMuPDF page 39 `那么，为什么柯达会赞…` inside its article). Forcing every aligned cut:
    dev raw / PyMuPDF body_char_acc 0.9567 / 0.9566; these only: 0.9567 / 0.9575."""
    return cand.bonus > -CUT_COST


def no_signed_start_between(cands: list[Candidate], prev: int, c: int) -> bool:
    """No candidate with a sign of its own (`has_own_sign`) stands between the segments
    opening at candidates prev and c: the plain paragraph start c is where the stream must
    be cut for the block aligned with it (`align`: such a cut costs no CUT_COST)."""
    return not any(has_own_sign(cands[i]) for i in range(prev + 1, c))


def heads_tail(page: Page) -> Page:
    """On a page whose head lines come after all its bodies (`find_tail`), cut the stream
    where the aligned headline blocks say articles start (sure starts for `reassemble`, where
    `has_own_sign`), make the tail's body lines in blocks head lines, and keep each block with
    its segment's first line (`page.scratch["tail_blocks"]`, for `headlines`). On a page that
    prints only its first articles' headlines last (`find_prefix_tail`) the tail is aligned with
    the stream's prefix, at starts with a sign of their own (`signed_starts`)."""
    found = find_tail(page)
    if found is not None:
        start = stream_stop = found
    else:  # a page printing only its first articles' headlines last: the tail heads the prefix
        prefix = find_prefix_tail(page)
        if prefix is None:
            return page
        start, stream_stop = prefix
        page.scratch[PARTIAL_KEY] = True
    frags = page.scratch.get("fragments", [])
    cands, text = candidates(page, frags, stream_stop)
    tail = tail_lines(page, start)
    reread_names(tail)
    reread_signatures(tail)
    if not cands:
        return page
    cands = without_roundup_items(page, frags, cands, text, tail)
    if stream_stop != start:
        cands = without_summed_up_lead_ins(signed_starts(cands), text)
    segments = without_slots(align(cands, text, tail), tail)
    opening = {c: frags[cands[c].frag].lines[cands[c].k] for c, _, _ in segments}
    blocks = [(tail[a:b], opening[c]) for c, a, b in segments if b > a]
    in_blocks = {id(ln) for block, _ in blocks for ln in block}
    chosen = [c for c, _, _ in segments]
    sure_cuts = [c for p, c in zip(chosen, chosen[1:]) if has_own_sign(cands[c]) or no_signed_start_between(cands, p, c)]
    frags = cut_at(page, frags, cands, sure_cuts)
    page.scratch["fragments"] = without_lines(page, frags, in_blocks)
    soft = {id(ln) for k, ln in enumerate(tail) if soft_byline(tail, k)}
    for block, _ in blocks:
        for ln in block[:-1]:
            if id(ln) in soft:
                ln.kind = "head"
                ln.because(SOFT_REASON)
        mark_dash_run_ons(block)
        for ln in block:
            if ln.kind == "body":
                ln.kind, ln.para_start = "head", False
                ln.because(HEAD_REASON)
    page.scratch["tail_blocks"] = blocks
    return page


def without_roundup_items(page: Page, frags: list[Fragment], cands: list[Candidate], text: str,
                          tail: list[Line]) -> list[Candidate]:
    """The candidates less the lead-ins of a digest's later items (`roundups.items_in_stream`:
    a tail block names them with the item before), whose first lines go in
    `page.scratch["roundup_items"]` for `reassemble` to keep them on the digest's thread."""
    runs: list[list[int]] = []  # lead-in fragment starts back to back, as candidate indexes
    starts = [i for i, c in enumerate(cands) if c.k == 0]
    after_lead_in = False
    for i in starts:
        lead_in = cands[i].bonus >= LEAD_IN_BONUS
        if lead_in and after_lead_in and not cands[i].sure:
            runs[-1].append(i)
        elif lead_in:
            runs.append([i])
        after_lead_in = lead_in
    runs = [r for r in runs if len(r) > 1]
    ends = {i: cands[starts[n + 1]].offset if n + 1 < len(starts) else len(text) for n, i in enumerate(starts)}
    texts = [[text[cands[i].offset:ends[i]] for i in r] for r in runs]
    quoting = [quoting_items([(cands[i].offset, ends[i]) for i in r], tail, text) for r in runs]
    drop = {runs[r][k] for r, k in items_in_stream(texts, tail_windows(tail, opens_block)) if k not in quoting[r]}
    if not drop:
        return cands
    marked = page.scratch.setdefault("roundup_items", set())
    for i in drop:
        first = frags[cands[i].frag].first
        marked.add(id(first))
        first.because(ITEM_REASON)
    return [c for i, c in enumerate(cands) if i not in drop]


def quoting_items(spans: list[tuple[int, int]], tail: list[Line], text: str) -> set[int]:
    """The items (`spans`: each one's stretch of the stream's text) whose opening
    (OPENING_CHARS) holds word for word a tail line that may open a block (`quoted_at`,
    `opens_block`): a kicker quoting its own article, which is then no digest's item, though a
    digest's headline over the items before names it too (simulated raw TRAIN page 9:
    `东亚经济传真日将再向印尼提供援助` / `菲又降低经济增长目标…` / `由于受亚洲地区金融危机和国际
    市场铜` / `拉美地区经` / `济增长将放慢`, the third line quoting the opening of the next report,
    `新华社里约热内卢…电`; also TRAIN 130). A digest headline's second line (`不与企业争利政府搞好服` /
    `务天津塘沽区成为投资热点`) opens no block."""
    where = [int(q) for j, q in enumerate(quoted_at([ln.text for ln in tail], text))
             if q < len(text) and opens_block(tail, j)]
    return {k for k, (a, b) in enumerate(spans) if any(a <= w < min(b, a + OPENING_CHARS) for w in where)}


def not_a_byline(line: Line, below: Line | None) -> bool:
    """A line read as a byline for its names (NAMES_REASON) that is a head line (see
    NAME_RUN_ON_MIN_CHARS): a surname and an office in it, `同志` or a dash opening the line under it, or
    a dictionary word running on into that line."""
    t = strip_ws(line.text)
    if t[:1] in SURNAMES_1 and t[1:].startswith(tuple(SURNAME_TITLES)):
        return True
    if below is None or below.kind not in ("head", "body"):
        return False
    nxt = strip_ws(below.text)
    return nxt.startswith(COMRADE) or opens_with_dash(nxt) or (
        len(t) >= NAME_RUN_ON_MIN_CHARS and spanning_word(t, nxt, hmm=False) is not None)


def reread_names(tail: list[Line]) -> None:
    """Make the tail's lines read as bylines for their names that cannot be bylines
    (`not_a_byline`) head lines: a byline closes a headline block, these open or go on one."""
    for k, ln in enumerate(tail):
        if ln.kind == "byline" and NAMES_REASON in ln.reasons and not_a_byline(ln, tail[k + 1] if k + 1 < len(tail) else None):
            ln.kind = "head"
            ln.because(TAIL_NAME_REASON)


def reread_signatures(tail: list[Line]) -> None:
    """Make the tail's body lines that are an office and a name and nothing else
    (`rules.names.office_signature`: `北京艺术研究所所长周传家`) bylines: after the stream every
    line is a headline block's, and such a line is a signed article's byline under its
    headline, read as body for its full width (`name_lines.mark_signatures` rereads head lines
    only). Read as body, it was no block's end and two blocks ran together (simulated raw TRAIN
    page 84)."""
    for ln in tail:
        if ln.kind == "body" and office_signature(ln.text):
            ln.kind = "byline"
            ln.because(TAIL_SIGNATURE_REASON)


def tail_lines(page: Page, start: int) -> list[Line]:
    """The tail's head and byline lines, and its body lines (head lines the classifier took
    for body: `在十五大精神指引下` / `胜利前进——元旦献辞`; dev raw page 32: the last line,
    `中华人民共和国国务院令`), but
    not body lines right after the stream's last body line that lead the tail: the rest of
    a text cut short (dev raw page 28: `成体育产业法律的建设制`; after a jump line, dev page 8:
    `共建花开千万里——甘肃“河西千` is a headline)."""
    lines = page.lines
    first = start
    if start > 0 and lines[start - 1].kind == "body":
        while lines[first].kind not in HEAD_KINDS:  # `find_tail` saw head lines after `start`
            first += 1
    return [ln for ln in lines[first:] if ln.kind in HEAD_KINDS or ln.kind == "body"
            or (CONTINUATION_SLOTS and ln.kind == CONTINUED_KIND)]


# A page printing every headline last prints a continued piece's continuation note (`（上接第五版）`)
# in the tail too, where the piece's headline block would stand: the note holds that piece's slot
# in the tail's order. Left out of the tail, the pieces after it were aligned one block off, a
# continued piece taking the next article's headline (simulated raw TRAIN heads-last pages 2, 107,
# 134, 188, 211, 214, 221, 231: `匈捷将按期加入北约` / `（上接第五版）` / `日本三党合` / `并为民政党`, the
# continued piece under `利维是在他领导的桥党` given `匈捷将按期加入北约`; the gold never heads a
# continued piece). The note is kept in the tail as a block of its own (`block_shapes`), which
# scores like a block that earned its UNIT_COST, only for a segment opening at a start with a sign
# of its own (`has_own_sign`: a fragment start, a lead-in; at a plain paragraph start it cut an
# article in two, TRAIN raw page 18), and heads nothing (`without_slots`). TRAIN raw 41-300:
# headline_acc 0.7817 -> 0.7891, exact 0.7547 -> 0.7575, byline 0.8841 -> 0.8869, body 0.9368 ->
# 0.9369 (1-40: page 2, two notes in one tail, loses two heads: 0.7885 -> 0.7853); sim VAL raw
# 1-40 / 41-120 headline 0.7640 / 0.7631 -> 0.7729 / 0.7695, body 41-120 0.9201 -> 0.9222; dev
# 1-40 unchanged.
CONTINUATION_SLOTS = True  # switch (tests)
CONTINUED_KIND: Final = "continued"


def is_slot(line: Line) -> bool:
    """A continuation note standing in the heads tail (CONTINUATION_SLOTS)."""
    return line.kind == CONTINUED_KIND


def without_slots(segments: list[tuple[int, int, int]], tail: list[Line]) -> list[tuple[int, int, int]]:
    """The segments, a continuation note's block (`is_slot`) made no block: its segment has no
    headline."""
    return [(c, b, b) if b == a + 1 and is_slot(tail[a]) else (c, a, b) for c, a, b in segments]


def without_lines(page: Page, frags: list[Fragment], gone: set[int]) -> list[Fragment]:
    """The fragments less the lines in `gone` (by identity), empty ones dropped: body lines
    the alignment put in a headline block (they stand after the stream, so they form whole
    fragments of their own or end one, whose end is then told anew)."""
    out = []
    for f in frags:
        keep = [ln for ln in f.lines if id(ln) not in gone]
        if len(keep) < len(f.lines):
            if not keep:
                continue
            f.lines = keep
            f.end = end_kind(f, page.column_width)
        out.append(f)
    for i, f in enumerate(out):
        f.order = i
    return out


def tail_owners(page: Page) -> list[tuple[list[Line], int]]:
    """The aligned tail blocks (`heads_tail`), each with the index of the article its
    segment's first line went to. Where two segments went to one article (a cut that was not
    made sure, `has_own_sign`, and `reassemble` did not make), the article keeps the first
    block; the other is left to `headlines`' own assignment, so that no block's text is lost."""
    index = {id(a): i for i, a in enumerate(page.articles)}
    out = []
    headed = set()
    for block, first in page.scratch.get("tail_blocks", []):
        article = page.owner_of(first)
        if article is not None and id(article) not in headed:
            headed.add(id(article))
            out.append((block, index[id(article)]))
    return out
