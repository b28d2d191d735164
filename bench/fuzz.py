"""Fuzz the text path: perturbed dumps and made-up pages through `parse_text` + the JSON writer.

    python bench/fuzz.py [--seed 0] [--inputs 200] [--seconds S] [--kinds pdftotext,raw,pymupdf,layout,made]
                         [--max-mutations 3] [--time-limit 30] [--out bench/out/fuzz] [--minimize]
                         [--memory-limit 8] [--without surrogate]
    python bench/fuzz.py --replay bench/out/fuzz/fuzz-0-17.txt [--minimize]

Each input is made from (seed, index) alone (`random.Random(f"{seed}/{index}")`), so a run is
reproducible and any input can be made again. An input is a dump of one kind (pdftotext,
raw, pymupdf: the dev pages of `../shared/data/pages-dev`, and of the set $BANMIAN_SHARED
names when set; layout: their PDFs' `pdftotext -layout` dumps by bench/layout_dumps.py, when
pdftotext is installed) or a tiny made-up page (`made`, no data needed), often sliced to a
few lines, then put through 1..--max-mutations random perturbations (lines and blocks
dropped, repeated, swapped, cut and joined; other pages spliced in; furniture lines inserted;
odd characters: form feeds, tabs, U+3000, zero-width and combining marks, emoji, RTL text,
lone surrogates...; very long lines, 1-line and 5000-line pages).

Checks on each input: `parse_text` and `page_to_dict` raise nothing (`crash`); every
non-whitespace character of the input is printed exactly once (`invariant`,
banmian.invariant); the writer's JSON encodes as UTF-8 and reads back equal (`json`); the
input takes less than --time-limit seconds per page (`timeout`: a hang is a bug). A failing
input is written to --out as fuzz-SEED-INDEX.txt (UTF-8; a lone surrogate as its
surrogatepass bytes) with a .json beside it (origin, perturbations, failure); --minimize
shrinks it (ddmin over lines, then over each line's characters, keeping the failure's
signature) into fuzz-SEED-INDEX.min.txt. A table of inputs and failures per kind ends the
run; the exit status is 1 when anything failed.

It tests the `banmian` the interpreter imports: run it with PYTHONPATH=src BANMIAN_PURE=1 for
this checkout's sources, or from another checkout's venv for that build (the header says
which, and whether it is compiled). Dump text is read from the shared folder at run time and
never kept; without that folder the dump kinds are skipped with a message.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for `bench` (banmian: as installed)

from bench.common import LAYOUT_KIND, REPO, TEXT_KINDS, pages_dir  # noqa: E402

MADE_KIND = "made"  # tiny made-up pages (no data needed)
ALL_KINDS = (*TEXT_KINDS, LAYOUT_KIND, MADE_KIND)
OUTCOMES = ("crash", "invariant", "json", "timeout")
DEFAULT_INPUTS = 200
DEFAULT_TIME_LIMIT = 30.0  # seconds per page; dev pages take well under 1 s, 5000-line pages a few
SLICE_SHARE = 0.6  # share of dump inputs first cut to a 10-150 line slice (small pages fail more clearly)
HUGE_PAGE_LINES = 5000
DEFAULT_OUT = REPO / "bench" / "out" / "fuzz"
PROGRESS_SECONDS = 60  # a progress line this often
# Address space of the run (RLIMIT_AS): a blow-up raises MemoryError (a crash), or aborts the
# compiled build ("fatal: out of memory"; see RUNNING). 4 GB aborted a 10,000-line page whose
# peak RSS is 0.8 GB (address space counts every reservation).
DEFAULT_MEMORY_GB = 8.0
# Written before each input ("SEED INDEX"), removed after the run: a run killed on an input
# (an abort, the OOM killer) names it; `--seed SEED --start INDEX --inputs 1` makes it again.
RUNNING = "running"

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


# --- the checks ----------------------------------------------------------------------------------


class PageTimeout(BaseException):
    """Raised by the alarm when an input runs past its time limit (a BaseException, so that no
    `except Exception` of the code under test swallows it)."""


@dataclass
class Outcome:
    kind: str  # "" (passed) or one of OUTCOMES
    detail: str = ""
    signature: str = ""
    seconds: float = 0.0


def _raise_timeout(*_):
    raise PageTimeout()


def _crash_signature(exc: BaseException) -> str:
    """The exception type and the innermost banmian frame it came through."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "banmian" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "?"
    return f"crash {type(exc).__name__} {where}"


def check_json(dicts: list[dict]) -> str:
    """Why the writer's JSON of the pages is not valid UTF-8 JSON that reads back equal ('' if it is)."""
    from banmian.writers.json import dumps

    def no_constant(name):
        raise ValueError(f"{name} is not JSON")
    for d in dicts:
        try:
            text = dumps(d)
            text.encode("utf-8")
            if json.loads(text, parse_constant=no_constant) != d:
                return "JSON does not read back equal"
        except (ValueError, TypeError, UnicodeError) as exc:
            return f"{type(exc).__name__}: {exc}"
    return ""


def check_invariant(text: str, dicts: list[dict]) -> str:
    """Why the printed characters differ from the input's ('' when they are the same multiset)."""
    from banmian.invariant import input_chars, printed_chars

    want, got = input_chars(text), Counter()
    for d in dicts:
        got.update(printed_chars(d))
    if want == got:
        return ""
    lost, extra = want - got, got - want
    show = lambda c: "".join(ch * n for ch, n in c.most_common(8))[:20]  # noqa: E731
    return f"lost {sum(lost.values())} ({show(lost)!r}) extra {sum(extra.values())} ({show(extra)!r})"


def page_count(text: str) -> int:
    return text.count("\f") + 1


def check_text(text: str, time_limit: float = DEFAULT_TIME_LIMIT) -> Outcome:
    """Run one input through parse_text and the writer, and check it (see the module doc)."""
    from banmian.pipeline import parse_text
    from banmian.writers.json import page_to_dict

    t0 = time.perf_counter()
    alarm = time_limit > 0 and hasattr(signal, "setitimer") and _in_main_thread()
    if alarm:
        old = signal.signal(signal.SIGALRM, _raise_timeout)
        signal.setitimer(signal.ITIMER_REAL, time_limit * page_count(text))
    try:
        dicts = [page_to_dict(p) for p in parse_text(text, entities=True)]
    except PageTimeout:
        return Outcome("timeout", f"over {time_limit:g} s a page", "timeout", time.perf_counter() - t0)
    except Exception as exc:
        return Outcome("crash", traceback.format_exc(), _crash_signature(exc), time.perf_counter() - t0)
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    seconds = time.perf_counter() - t0
    if why := check_invariant(text, dicts):
        return Outcome("invariant", why, "invariant", seconds)
    if why := check_json(dicts):
        return Outcome("json", why, f"json {why.split(':')[0]}", seconds)
    return Outcome("", "", "", seconds)


def _in_main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


# --- shrinking -----------------------------------------------------------------------------------


def ddmin(items: list, fails, deadline: float) -> list:
    """A smaller list on which `fails` still holds (Zeller's ddmin, complements only)."""
    n = 2
    while len(items) >= 2 and time.monotonic() < deadline:
        chunk = max(1, len(items) // n)
        for i in range(0, len(items), chunk):
            cand = items[:i] + items[i + chunk:]
            if cand and fails(cand):
                items, n = cand, max(n - 1, 2)
                break
        else:
            if chunk == 1:
                break
            n = min(len(items), n * 2)
    return items


def minimize(text: str, signature: str, time_limit: float = DEFAULT_TIME_LIMIT, seconds: float = 300) -> str:
    """The input shrunk, over lines then each line's characters, keeping `signature`."""
    deadline = time.monotonic() + seconds

    def same(t: str) -> bool:
        return check_text(t, time_limit).signature == signature
    lines = ddmin(text.split("\n"), lambda L: same("\n".join(L)), deadline)
    for i in range(len(lines)):
        if len(lines[i]) > 1:
            def fails(cs, i=i):
                return same("\n".join(lines[:i] + ["".join(cs)] + lines[i + 1:]))
            lines[i] = "".join(ddmin(list(lines[i]), fails, deadline))
    return "\n".join(lines)


# --- a run ---------------------------------------------------------------------------------------


def write_text(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogatepass")


def save_failure(out: Path, case: Input, outcome: Outcome, time_limit: float, shrink: bool) -> Path:
    """Write the failing input and what is known of it; with `shrink`, its minimized form too."""
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"fuzz-{case.seed}-{case.index}"
    write_text(stem.with_suffix(".txt"), case.text)
    info = {"seed": case.seed, "index": case.index, "kind": case.kind, "origin": case.origin,
            "mutations": case.mutations, "failure": outcome.kind, "signature": outcome.signature,
            "detail": outcome.detail[-3000:]}
    stem.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=True, indent=1), encoding="utf-8")
    if shrink:
        write_text(stem.with_suffix(".min.txt"), minimize(case.text, outcome.signature, time_limit))
    return stem.with_suffix(".txt")


@dataclass
class Report:
    runs: Counter = field(default_factory=Counter)  # (kind, outcome or "ok") -> inputs
    signatures: dict = field(default_factory=dict)  # signature -> [count, first file]
    seconds: float = 0.0
    slowest: tuple = (0.0, "")

    @property
    def inputs(self) -> int:
        return sum(self.runs.values())

    @property
    def failures(self) -> int:
        return sum(n for (_, o), n in self.runs.items() if o != "ok")


def run(seed: int = 0, inputs: int | None = DEFAULT_INPUTS, seconds: float | None = None,
        kinds: list[str] | tuple[str, ...] = ALL_KINDS, max_mutations: int = 3,
        time_limit: float = DEFAULT_TIME_LIMIT, out: Path = DEFAULT_OUT, shrink: bool = False,
        start: int = 0, without: tuple[str, ...] = (), log=print) -> Report:
    """Make and check inputs start, start+1, ... of run `seed` until `inputs` are done or
    `seconds` have passed; failures are logged as they come and saved to `out`. `without`:
    classes of ODD characters left out (e.g. "surrogate", to fuzz a build older than its fix)."""
    dumps, skipped = dump_pools(list(kinds))
    for message in skipped:
        log(message)
    usable = [k for k in kinds if k in dumps or k == MADE_KIND]
    report = Report()
    if not usable:
        log("skipped: no input kind available")
        return report
    pools = Pools(dumps, usable, {k: v for k, v in ODD.items() if k not in without})
    t0 = next_note = time.monotonic()
    index = start
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    while (inputs is None or index - start < inputs) and (seconds is None or time.monotonic() - t0 < seconds):
        (out / RUNNING).write_text(f"{seed} {index}\n", encoding="utf-8")
        case = make_input(seed, index, pools, max_mutations)
        outcome = check_text(case.text, time_limit)
        report.runs[case.kind, outcome.kind or "ok"] += 1
        if outcome.seconds > report.slowest[0]:
            report.slowest = (outcome.seconds, f"{seed}/{index}")
        if outcome.kind:
            path = save_failure(out, case, outcome, time_limit, shrink)
            report.signatures.setdefault(outcome.signature, [0, str(path)])[0] += 1
            log(f"FAIL {seed}/{index} {outcome.signature} ({case.origin} {' '.join(case.mutations)}) -> {path}")
        index += 1
        if time.monotonic() >= next_note + PROGRESS_SECONDS:
            next_note = time.monotonic()
            log(f"# {report.inputs} inputs, {report.failures} failed, {next_note - t0:.0f} s")
    (out / RUNNING).unlink(missing_ok=True)
    report.seconds = time.monotonic() - t0
    return report


def table(report: Report) -> str:
    """Inputs run and failures, per input kind, then each failure signature."""
    kinds = sorted({k for k, _ in report.runs})
    head = f"{'kind':<10}{'inputs':>8}{'ok':>8}" + "".join(f"{o:>11}" for o in OUTCOMES)
    rows = [head]
    for kind in kinds + ["all"]:
        def n(o, kind=kind):
            return sum(v for (k, oo), v in report.runs.items() if oo == o and kind in (k, "all"))
        total = sum(n(o) for o in ("ok", *OUTCOMES))
        rows.append(f"{kind:<10}{total:>8}{n('ok'):>8}" + "".join(f"{n(o):>11}" for o in OUTCOMES))
    rows.append(f"{report.inputs} inputs in {report.seconds:.0f} s; slowest {report.slowest[0]:.1f} s "
                f"(input {report.slowest[1]}); {report.failures} failed")
    rows += [f"  {c:>5}  {sig}  e.g. {path}" for sig, (c, path) in
             sorted(report.signatures.items(), key=lambda x: -x[1][0])]
    return "\n".join(rows)


def limit_memory(gb: float) -> None:
    """Cap the process's address space (the machine is shared): an input that blows up then
    fails with MemoryError, saved like any crash, instead of taking the machine's memory."""
    if gb > 0:
        import resource
        cap = int(gb * 2 ** 30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.getrlimit(resource.RLIMIT_AS)[1]))


def which_banmian() -> str:
    import banmian
    from banmian._compiled import pure_reason

    why = pure_reason()
    return f"banmian {Path(banmian.__file__).parent} ({'compiled' if why is None else 'pure: ' + why})"


def replay(paths: list[str], time_limit: float, shrink: bool) -> int:
    """Check saved inputs again (after a fix); with `shrink`, minimize each that still fails."""
    failed = 0
    for p in map(Path, paths):
        text = read_text(p)
        outcome = check_text(text, time_limit)
        print(f"{p}: {outcome.signature or 'ok'} ({outcome.seconds:.2f} s)")
        if outcome.kind:
            failed += 1
            print(outcome.detail.rstrip())
            if shrink:
                small = minimize(text, outcome.signature, time_limit)
                write_text(p.with_suffix(".min.txt"), small)
                print(f"minimized to {p.with_suffix('.min.txt')}: {small!r}")
    return 1 if failed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0, help="the run's seed (default 0)")
    ap.add_argument("--inputs", type=int, help=f"inputs to run (default {DEFAULT_INPUTS} unless --seconds)")
    ap.add_argument("--seconds", type=float, help="stop after this many seconds")
    ap.add_argument("--start", type=int, default=0, help="index of the first input (default 0)")
    ap.add_argument("--kinds", default=",".join(ALL_KINDS), help="input kinds (default: all available)")
    ap.add_argument("--max-mutations", type=int, default=3, help="perturbations per input, at most (default 3)")
    ap.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, help="seconds a page may take")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for failing inputs")
    ap.add_argument("--minimize", action="store_true", help="shrink each failing input")
    ap.add_argument("--memory-limit", type=float, default=DEFAULT_MEMORY_GB,
                    help=f"GB of address space for the run, 0: no limit (default {DEFAULT_MEMORY_GB:g})")
    ap.add_argument("--without", default="", help=f"odd-character classes to leave out, of {', '.join(ODD)}")
    ap.add_argument("--replay", nargs="+", metavar="FILE", help="check saved inputs instead of making new ones")
    args = ap.parse_args(argv)
    limit_memory(args.memory_limit)
    print(which_banmian(), flush=True)
    if args.replay:
        return replay(args.replay, args.time_limit, args.minimize)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    if bad := [k for k in kinds if k not in ALL_KINDS]:
        ap.error(f"unknown kind(s) {bad}; choose from {', '.join(ALL_KINDS)}")
    inputs = args.inputs if args.inputs is not None or args.seconds is not None else DEFAULT_INPUTS
    report = run(args.seed, inputs, args.seconds, kinds, args.max_mutations, args.time_limit, args.out,
                 args.minimize, args.start, tuple(args.without.split(",")), log=lambda m: print(m, flush=True))
    print(table(report))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
