"""The fuzzer's inputs (bench/fuzz.py): dumps and made-up pages, and the perturbations put on them.

An input is made from (seed, index) alone (`make_input`): a dump of one kind from the dev pages
(and the set $BANMIAN_SHARED names), a `pdftotext -layout` dump, or a tiny made-up page
(`made_up_lines`), often sliced to a few lines, then put through random perturbations, each a
function (rng, lines, pools) -> lines: lines and blocks dropped, repeated, swapped, cut and
joined; other pages spliced in; furniture lines inserted; odd characters (`ODD`); very long
lines, 1-line and 5000-line pages. Dump text is read at run time and never kept.
"""
from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import LAYOUT_KIND, REPO, pages_dir

MADE_KIND = "made"  # tiny made-up pages (no data needed)
SLICE_SHARE = 0.6  # share of dump inputs first cut to a 10-150 line slice (small pages fail more clearly)
HUGE_PAGE_LINES = 5000

# --- the input pools -----------------------------------------------------------------------------


def shared_sets() -> list[Path]:
    """The pages folders to read dumps from: ../shared's dev pages, and $BANMIAN_SHARED's."""
    folders = [pages_dir(REPO.parent / "shared")]
    if os.environ.get("BANMIAN_SHARED"):
        folders.append(pages_dir())
    return [f for i, f in enumerate(folders) if f.is_dir() and f not in folders[:i]]


def dump_pools(kinds: list[str]) -> tuple[dict[str, list[Path]], list[str]]:
    """Per dump kind the files to perturb (for layout: the PDFs, dumped when drawn), and a
    message for each kind skipped (no shared data, no pdftotext)."""
    pools: dict[str, list[Path]] = {}
    skipped = []
    folders = shared_sets()
    for kind in kinds:
        if kind == MADE_KIND:
            continue
        if not folders:
            skipped.append(f"skipped {kind}: shared data not found at {pages_dir(REPO.parent / 'shared')}")
            continue
        if kind == LAYOUT_KIND:
            from bench.layout_dumps import missing_tool
            if why := missing_tool():
                skipped.append(f"skipped {kind}: {why}")
                continue
        pattern = "page_*.pdf" if kind == LAYOUT_KIND else f"page_*.{kind}.txt"
        files = [p for f in folders for p in sorted(f.glob(pattern))]
        if files:
            pools[kind] = files
        else:
            skipped.append(f"skipped {kind}: no {pattern} in {', '.join(map(str, folders))}")
    return pools, skipped


_TEXTS: dict[Path, list[str]] = {}


def dump_lines(kind: str, path: Path) -> list[str]:
    """The lines of a dump (form feeds read as line breaks: one page), cached for the run."""
    if path not in _TEXTS:
        if kind == LAYOUT_KIND:
            from bench.layout_dumps import layout_dump
            path_read = layout_dump(path)
        else:
            path_read = path
        _TEXTS[path] = path_read.read_text(encoding="utf-8", errors="replace").replace("\f", "\n").split("\n")
    return _TEXTS[path]


# Made-up line shapes (text written for this harness): heads, body lines, bylines, jumps, credits
HEADS = ["城东新建跨河大桥", "湖滨湿地迎来候鸟", "——市民出行更方便", "一座新桥连起两岸", "新区建设三年变样",
         "“菜篮子”工程见成效", "图片新闻", "短评", "桥", "今日谈", "春耕时节农机忙"]
BODY = ["城东新建的三座桥梁已于上月底全部建成通车，", "附近居民到市中心的出行时间缩短了一半。",
        "本报讯 记者王明报道：城东新区", "据新华社北京1月9日电", "新华社记者李华摄", "湖滨湿地公园今年春天迎来第一批候鸟，",
        "园内新建的观鸟长廊已经完工。", "（下转第二版）", "（上接第一版）", "据《人民日报》", "本报记者王明",
        "（本报记者李华）", "本报讯", "1998年1月9日 星期五", "人民日报", "第2版", "……", "…", "——", "。", "，",
        "（", "）", "“", "”", "1", "A", "■", "●", "图为新建成的跨河大桥。", "（完）", "责任编辑：张三", "  ", "", "", ""]
INSERTS = ["（下转第二版）", "（上接第一版）", "据《人民日报》", "本报讯", "（下转第4版）", "（上接第1版）",
           "本报记者 张三", "新华社北京1月9日电", "（本报记者 李四）", "人民日报", "1998年1月9日 星期五",
           "第2版", "责任编辑：王五", "图为", "——", "（完）", "  ", "\t", "。", "", "据新华社电"]


def made_up_lines(r: random.Random) -> list[str]:
    """A tiny page of 1-25 made-up lines of the shapes above, some indented or run together."""
    lines = []
    for _ in range(r.randint(1, 25)):
        c = r.random()
        if c < 0.25:
            lines.append(r.choice(HEADS))
        elif c < 0.9:
            lines.append(r.choice(BODY))
        else:
            s = r.choice(BODY + HEADS)
            i = r.randint(0, len(s))
            lines.append(s[:i] if r.random() < .5 else s[i:])
        if r.random() < 0.1:
            lines[-1] = " " * r.randint(1, 40) + lines[-1]
        if r.random() < 0.05:
            lines[-1] += " " * r.randint(2, 20) + r.choice(BODY + HEADS)
    return lines


@dataclass
class Pools:
    """Where inputs come from: the dump files per kind, and the kinds drawn from."""

    dumps: dict[str, list[Path]]
    kinds: list[str]
    odd: dict[str, list[str]] = field(default_factory=lambda: dict(ODD))  # odd-character classes used

    def draw(self, r: random.Random) -> tuple[str, str, list[str]]:
        """(kind, origin, lines) of a page drawn at random."""
        kind = r.choice(self.kinds)
        if kind == MADE_KIND:
            return kind, MADE_KIND, made_up_lines(r)
        path = r.choice(self.dumps[kind])
        return kind, f"{path.parent.parent.parent.name}/{path.name}", list(dump_lines(kind, path))

    def other(self, r: random.Random) -> list[str]:
        """The lines of another page to splice in."""
        return self.draw(r)[2]


# --- perturbations: each takes (rng, lines, pools) and returns new lines -------------------------


def blocks(lines: list[str]) -> list[list[str]]:
    """The runs of non-blank lines."""
    out: list[list[str]] = [[]]
    for ln in lines:
        if ln.strip():
            out[-1].append(ln)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def join_blocks(bs: list[list[str]]) -> list[str]:
    return [ln for b in bs for ln in b + [""]]


def m_slice(r, L, P):
    if len(L) < 20:
        return L
    n = r.randint(10, min(len(L), 150))
    s = r.randint(0, len(L) - n)
    return L[s:s + n]


def m_tiny(r, L, P):
    n = r.randint(1, 8)
    s = r.randint(0, max(0, len(L) - n))
    return L[s:s + n]


def m_shuffle_blocks(r, L, P):
    bs = blocks(L)
    r.shuffle(bs)
    return join_blocks(bs)


def m_drop_lines(r, L, P):
    p = r.choice([0.05, 0.2, 0.5])
    return [ln for ln in L if r.random() > p]


def m_dup_lines(r, L, P):
    return [x for ln in L for x in ([ln, ln] if r.random() < 0.1 else [ln])]


def swap_items(r, items, most):
    """`items` copied with 1..`most` random pairs swapped."""
    items = list(items)
    for _ in range(r.randint(1, most)):
        if len(items) < 2:
            break
        i, j = r.randrange(len(items)), r.randrange(len(items))
        items[i], items[j] = items[j], items[i]
    return items


def m_swap_lines(r, L, P):
    return swap_items(r, L, 20)


def m_drop_blocks(r, L, P):
    return join_blocks([b for b in blocks(L) if r.random() > 0.3])


def m_dup_blocks(r, L, P):
    return join_blocks([x for b in blocks(L) for x in ([b, list(b)] if r.random() < 0.2 else [b])])


def m_swap_blocks(r, L, P):
    return join_blocks(swap_items(r, blocks(L), 5))


def m_concat_other(r, L, P):
    other = P.other(r)
    h1 = L[: len(L) // 2] if r.random() < 0.5 else L[len(L) // 2:]
    h2 = other[len(other) // 2:] if r.random() < 0.5 else other[: len(other) // 2]
    return h1 + h2 if r.random() < 0.5 else h2 + h1


def m_mix_pages(r, L, P):
    ob = blocks(P.other(r))
    out = []
    for b in blocks(L):
        out.append(b)
        if ob and r.random() < 0.2:
            o = r.choice(ob)
            s = r.randrange(len(o))
            out.append(o[s:s + r.randint(1, 8)])
    return join_blocks(out)


def m_cut_widths(r, L, P):
    w = r.randint(3, 30)
    return [x for ln in L for x in ([ln[i:i + w] for i in range(0, len(ln), w)]
                                     if len(ln) > w and r.random() < 0.7 else [ln])]


def m_join_lines(r, L, P):
    out: list[str] = []
    for ln in L:
        if out and r.random() < 0.2:
            out[-1] += ln
        else:
            out.append(ln)
    return out


def m_insert_furniture(r, L, P):
    L = list(L)
    for _ in range(r.randint(1, 10)):
        s, i, mode = r.choice(INSERTS), r.randint(0, len(L)), r.random()
        if mode < 0.5 or i == len(L):
            L.insert(i, s)
        else:
            L[i] = L[i] + s if mode < 0.75 else s + L[i]
    return L


def m_no_blanks(r, L, P):
    return [ln for ln in L if ln.strip()]


def m_blanks_everywhere(r, L, P):
    return [x for ln in L for x in (ln, "")]


def m_reverse_columns(r, L, P):
    """Reverse the cells of -layout rows, else the order of the blocks."""
    if sum("   " in ln.strip() for ln in L) > len(L) * 0.2:
        return ["   ".join(reversed(re.split(r"\s{2,}", ln.strip()))) for ln in L]
    return join_blocks(list(reversed(blocks(L))))


def m_heads_to_end(r, L, P):
    def short(b):
        return len(b) <= 2 and all(len(x.strip()) < 25 for x in b)
    bs = blocks(L)
    return join_blocks([b for b in bs if not short(b)] + [b for b in bs if short(b)])


def m_reverse_lines(r, L, P):
    return list(reversed(L))


def m_strip_or_indent(r, L, P):
    c = r.random()
    if c < 0.33:
        return [ln.strip() for ln in L]
    if c < 0.66:
        return ["  " + ln if r.random() < 0.3 else ln for ln in L]
    return [ln + "   " if r.random() < 0.3 else ln for ln in L]


def m_layout_shift(r, L, P):
    """Shift lines right by spaces (as -layout does), or squeeze runs of spaces."""
    if r.random() < 0.5:
        return [" " * r.randint(0, 60) + ln if r.random() < 0.3 else ln for ln in L]
    n = r.randint(1, 3)
    return [re.sub(r" {2,}", " " * n, ln) for ln in L]


def m_punct_noise(r, L, P):
    return [_insert_at(r, ln, r.choice("，。：；“”《》（）、—…·●■◆★ 0123456789ABab")) if ln and r.random() < 0.1
            else ln for ln in L]


def _insert_at(r: random.Random, line: str, piece: str) -> str:
    i = r.randint(0, len(line))
    return line[:i] + piece + line[i:]


# Characters and short strings that are odd in a dump: BOM, line and page separators, spaces of
# every width, zero-width and format characters, combining marks, emoji sequences, RTL text and
# bidi controls, compatibility forms NFKC rewrites, astral ideographs, lone surrogates.
ODD = {
    "control": ["\ufeff", "\r", "\r\n", "\x0b", "\x00", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028",
                "\u2029", "\x07", "\x7f", "\ufffd", "\ufffe", "\uffff"],
    "space": ["\u3000", "　　", "\xa0", "\u2002", "\u2003", "\u2009", "\u200a", "\u205f", "\u1680", "\t", "\t\t"],
    "zero_width": ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\xad", "\u180e", "\u034f"],
    "combining": ["\u0301", "\u0308\u0301", "\u20dd", "\u3099", "\u309a", "e\u0301", "\u0345", "\u1dc0"],
    "emoji": ["🌉", "👍🏽", "👨\u200d👩\u200d👧", "🇨🇳", "❤\ufe0f", "1\ufe0f\u20e3", "🀄", "\U0001faf6"],
    "rtl": ["\u202e", "\u202b", "\u200f", "\u2067", "\u2069", "שלום", "مرحبا", "\u202eمرحبا\u202c", "ב1ג"],
    "compat": ["ＡＢＣ", "１２３", "㈠", "⑴", "ﬁ", "℃", "Ⅻ", "ｶﾞ", "豈", "⺁", "㊣", "¼", "\u2f00", "︵", "﹏"],
    "astral": ["𠀀", "𪚥", "\U00030000", "\U000f0000", "\U0010fffd"],
    "surrogate": ["\ud800", "\udfff", "\udc80", "\ud83c"],
}


def m_odd_chars(r, L, P):
    """Odd characters of one class (or all) inserted in a share of the lines."""
    pool = [s for group in P.odd.values() for s in group] if r.random() < 0.3 else r.choice(list(P.odd.values()))
    share = r.choice([0.05, 0.2, 1.0])
    return [_insert_at(r, ln, r.choice(pool)) if r.random() < share else ln for ln in L]


def m_odd_lines(r, L, P):
    """Lines of only punctuation, digits, Latin letters, spaces or odd characters inserted."""
    alphabets = ["，。：；“”《》（）、—…·●■◆★！？", "0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz",
                 ".,;:!?-()[]/'\"", " \t\u3000", "".join(s for g in P.odd.values() for s in g)]
    L = list(L)
    for _ in range(r.randint(1, 12)):
        alphabet = r.choice(alphabets)
        line = "".join(r.choice(alphabet) for _ in range(r.choice([1, 2, 5, 20, 80])))
        L.insert(r.randint(0, len(L)), line)
    return L


def m_whitespace_swap(r, L, P):
    """Spaces turned into U+3000 or tabs, or tabs/U+3000 put between every character of some lines."""
    c = r.random()
    if c < 0.4:
        ws = r.choice(["\u3000", "\t", "\xa0"])
        return [ln.replace(" ", ws) for ln in L]
    ws = r.choice(["\t", "\u3000", " "])
    return [ws.join(ln) if r.random() < 0.2 else ln for ln in L]


def m_formfeeds_everywhere(r, L, P):
    """Form feeds between many lines and inside some (many pages, empty pages)."""
    out = []
    for ln in L:
        if r.random() < 0.1 and ln:
            ln = _insert_at(r, ln, "\f")
        out.append(ln)
        if r.random() < 0.3:
            out.append("\f" * r.randint(1, 3))
    return out


def m_long_lines(r, L, P):
    """Very long lines: a run of lines (or the whole page) joined, or a line repeated."""
    if r.random() < 0.5 and L:
        i = r.randrange(len(L))
        return L[:i] + [L[i] * r.randint(50, 500)] + L[i + 1:]
    n = r.randint(20, max(20, len(L)))
    s = r.randint(0, max(0, len(L) - n))
    sep = r.choice(["", " ", "   "])
    return L[:s] + [sep.join(L[s:s + n])] + L[s + n:]


def m_one_line(r, L, P):
    """The page as one line: its lines joined, or just one of them."""
    if r.random() < 0.5 or not L:
        return ["".join(x.strip() for x in L)]
    return [r.choice(L)]


def m_huge_page(r, L, P):
    """A page of HUGE_PAGE_LINES lines: other pages run on after this one, no form feed."""
    L = list(L)
    while len(L) < HUGE_PAGE_LINES:
        L += P.other(r)
    return L[:HUGE_PAGE_LINES]


MUTATIONS = [m_slice, m_tiny, m_shuffle_blocks, m_drop_lines, m_dup_lines, m_swap_lines, m_drop_blocks,
             m_dup_blocks, m_swap_blocks, m_concat_other, m_mix_pages, m_cut_widths, m_join_lines,
             m_insert_furniture, m_no_blanks, m_blanks_everywhere, m_reverse_columns, m_heads_to_end,
             m_reverse_lines, m_strip_or_indent, m_layout_shift, m_punct_noise,
             m_odd_chars, m_odd_chars, m_odd_chars, m_odd_lines, m_odd_lines, m_whitespace_swap,
             m_formfeeds_everywhere, m_long_lines, m_one_line]
RARE = [m_huge_page]  # slow ones: drawn with RARE_SHARE
RARE_SHARE = 0.01


@dataclass
class Input:
    seed: int
    index: int
    kind: str
    origin: str
    mutations: list[str]
    text: str


def make_input(seed: int, index: int, pools: Pools, max_mutations: int = 3) -> Input:
    """Input `index` of run `seed`: a drawn page, perhaps sliced, then perturbed."""
    r = random.Random(f"{seed}/{index}")
    kind, origin, L = pools.draw(r)
    names = []
    if kind != MADE_KIND and r.random() < SLICE_SHARE:
        L, names = m_slice(r, L, pools), ["m_slice"]
    for _ in range(r.randint(1, max_mutations)):
        m = r.choice(RARE) if r.random() < RARE_SHARE else r.choice(MUTATIONS)
        L = m(r, L, pools)
        names.append(m.__name__)
    return Input(seed, index, kind, origin, names, "\n".join(L) + ("\n" if r.random() < 0.9 else ""))
