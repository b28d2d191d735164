"""One simulated page: parameters, bands and slots, the articles' head blocks, pictures and
balanced bodies; the result is a list of drawing operations and the gold dict."""
from __future__ import annotations

import datetime
import random
import re
from dataclasses import dataclass, field

from bench.pagesim import synth
from bench.pagesim.corpus import PHOTO_CREDIT
from bench.pagesim.typeset import Line, balance, break_lines, char_spacing, make_cells, positions

MARGIN = 28.0
PICTURE_NOTE = re.compile(r"附图片|（图片）|摄）|^图[①-⑩0-9]")
PARA_EXTRA = 0.18       # extra leading before a paragraph's first line (em of body size)
PARA_SIZE_STEP = 0.02   # font-size step per paragraph (pt), cycling over 5 paragraphs
CAPTION_SCALE = 0.85
SYNTHETIC_BYLINE_SHARE = 0.45  # articles without a corpus byline or dateline given an invented one or a source
CAPTION_SHARE = 0.4      # articles given a picture (some lack the room: ~0.32 printed, as on dev)
DIGIT_GAP_SHARE = 0.55   # digit runs after an ideograph set with the small gap (dev: 45 % read as a space)
HEADER_SCALE = 0.95
# head-block geometry measured on dev pages 1-40 (baseline steps in the line's own size)
HEAD_FIRST = 1.25        # first head line's baseline below the article top
HEAD_AFTER_KICKER = 1.33
HEAD_LINE_STEP = 1.25
SUBTITLE_STEP = 1.4
BYLINE_STEP = 1.55
BODY_STEP = 1.9          # body's first baseline below the head block's last (body size)
STACK_GAP = 0.96         # last baseline of an article to the top of the next one (leadings)
DRAW_ORDERS = ("natural", "body_first", "heads_end", "heads_end_partial")


@dataclass
class Op:
    """One drawing operation: a text run (font 'body'|'head', size, x, y (PDF, baseline), text,
    tracking in pt) or a shape ('rect' grey box, 'rule')."""

    kind: str            # "text" | "rect" | "rule"
    role: str            # head | body | picture | header
    article: int = -1
    font: str = "body"
    size: float = 0.0
    x: float = 0.0
    y: float = 0.0
    text: str = ""
    tc: float = 0.0
    w: float = 0.0
    h: float = 0.0


@dataclass
class Spec:
    cols: int
    colw_em: float
    size: float
    leading: float
    gutter: float
    nlines: int
    has_header: bool
    draw_order: str
    width: float = 0.0
    height: float = 0.0
    top: float = 0.0      # top-down y where the content starts
    bottom: float = 0.0   # top-down y where the content ends

    @property
    def colw(self) -> float:
        return self.colw_em * self.size

    def col_x(self, c: int) -> float:
        return MARGIN + c * (self.colw + self.gutter)



# A corpus dateline whose credit after 讯/电 opens with another outlet (`本报北京1月12日讯新华社
# 记者X、本报记者Y报道：`): the dev gold's byline stops at 讯/电 and the credit stays in the
# paragraph (dev pages 8, 12, 16, 38); an own-staff tail (`讯记者X报道：`) or a bracketed credit
# is part of the byline.
JOINT_CREDIT = re.compile(r"^([^讯电]*[讯电])(?![（(]|记者|本报|特约|通讯员|实习生)(\S+?记者.*)$")


def own_part(dateline: str) -> str:
    """The part of a corpus dateline the gold gives as the byline (`JOINT_CREDIT`)."""
    m = JOINT_CREDIT.match(dateline)
    return m.group(1) if m else dateline

def make_spec(rng: random.Random) -> Spec:
    size = rng.choice([9.0, 9.25, 9.5, 9.75, 10.0, 10.25, 10.5])
    s = Spec(cols=rng.randint(4, 8), colw_em=rng.choice([11.0, 11.5, 12.0, 12.5, 13.0]), size=size,
             leading=round(size * rng.uniform(1.28, 1.45), 2), gutter=round(size * rng.uniform(1.2, 2.0), 1),
             nlines=rng.randint(70, 110), has_header=rng.random() < 0.8, draw_order=rng.choice(DRAW_ORDERS))
    s.width = round(2 * MARGIN + s.cols * s.colw + (s.cols - 1) * s.gutter, 1)
    s.top = 58.0 if s.has_header else MARGIN
    s.bottom = s.top + (s.nlines + 0.4) * s.leading
    s.height = round(s.bottom + MARGIN + 0.8 * size, 1)
    return s


# --- article content -------------------------------------------------------------------------

@dataclass
class Story:
    """What one article prints: head fields, paragraphs (inline byline apart), caption text."""

    src: dict
    headline_lines: list[str]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    byline_position: str | None = None
    inline_sep: str = ""
    source: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    caption: str | None = None
    synthetic: list[str] = field(default_factory=list)
    continued_from: str | None = None
    first_indent: bool = True


def prepare_story(rng: random.Random, r: dict, date: str) -> Story:
    paras = list(r["paragraphs"])
    roles = list(r["roles"])
    title = r["title"]
    st = Story(src=r, headline_lines=[title])
    credit = None
    keep = []
    for k, (p, role) in enumerate(zip(paras, roles)):
        if k == 0 and role == "headline_cont":
            if len(p) <= 24 and not PICTURE_NOTE.search(p):
                st.headline_lines = [title, p]
            continue  # a photo marker or long second line is not printed
        if k <= 1 and role == "subtitle":
            st.subtitle = p
            continue
        if k <= 2 and role == "byline" and st.byline is None and not keep:
            st.byline, st.byline_position = p, "under_headline"
            continue
        if PHOTO_CREDIT.match(p):
            credit = p
            continue
        keep.append(p)
    paras = keep or [title]
    dl = r.get("dateline")
    if st.byline is None and dl and paras[0].startswith(dl) and len(paras[0]) > len(dl) + 4:
        by = own_part(dl)
        rest = paras[0][len(by):]
        m = re.match(r"^(.*?[讯电])(记者.*)$", by)
        if m and rng.random() < 0.5:
            by = m.group(1) + " " + m.group(2)
        st.byline, st.byline_position = by, "inline_first_paragraph"
        st.inline_sep = " " if rng.random() < 0.3 else ""
        paras[0] = rest.lstrip()
    elif st.byline is None and rng.random() < SYNTHETIC_BYLINE_SHARE:
        by, paper = synth.synthetic_byline(rng, date)
        if by:
            st.byline, st.byline_position = by, "inline_first_paragraph"
            st.inline_sep = " " if rng.random() < 0.3 else ""
            st.synthetic.append("byline")
        else:
            st.source = paper
            st.synthetic.append("source")
    st.paragraphs = paras
    # invented kickers and subtitles are clauses of the first paragraphs (dev: 94 % of kickers are
    # found in the printed body, median 16 characters; subtitles median 11; rarely both)
    if rng.random() < 0.2:
        k = synth.clause(rng, paras[:2], 10, 24)
        if k:
            st.kicker = k
            st.synthetic.append("kicker")
    if st.subtitle is None and rng.random() < (0.04 if st.kicker else 0.27):
        k = synth.clause(rng, paras[:3], 6, 16)
        if k and k != st.kicker:
            st.subtitle = ("——" + k) if rng.random() < 0.4 else k
            st.synthetic.append("subtitle")
    if rng.random() < CAPTION_SHARE:
        # as on dev pages: the corpus photo credit as it stands, or 图为<a clause>。 with an
        # invented credit (新华社记者 X摄) four times in ten
        if r.get("photo_note") and credit and rng.random() < 0.5:
            st.caption = credit
        else:
            k = synth.clause(rng, paras[:3], 6, 26)
            st.caption = f"图为{k}。" if k else None
            if st.caption:
                if rng.random() < 0.4:
                    st.caption += f"{rng.choice(['新华社记者', '本报记者', '记者'])} {synth.name(rng)}摄"
                st.synthetic.append("caption")
    return st


def make_continuation(rng: random.Random, st: Story, label_style: int, page_no: int) -> Story:
    """The rest of an article whose start was printed on another page: no head, starts at a
    later paragraph or at a sentence inside one."""
    paras = st.paragraphs
    cut = []
    for pi, p in enumerate(paras):
        for m in re.finditer(r"。(?=.)", p):
            if pi or m.end() > 20:
                cut.append((pi, m.end()))
        if pi:
            cut.append((pi, 0))
    c = Story(src=st.src, headline_lines=[])
    c.continued_from = synth.jump_text(rng, label_style, page_no, "上接")
    if cut:
        pi, off = rng.choice(cut[: max(1, len(cut) // 2)])
        c.paragraphs = [paras[pi][off:]] + paras[pi + 1:]
        c.first_indent = off == 0
    else:
        c.paragraphs = paras
    c.source = st.source if st.source and "source" in st.synthetic else None
    c.synthetic = [s for s in st.synthetic if s == "source"]
    return c


# --- head-face width ---------------------------------------------------------------------------

def head_em(text: str, width_of) -> float:
    return width_of(text, "head", 1.0)


def split_headline(text: str) -> list[str]:
    """Two headline lines cut at the middle, the second the longer (as on dev pages: 灾后第 /
    一顿热饭), wherever that falls, even inside a word or a bracket."""
    h = len(text) // 2
    return [text[:h], text[h:]]


# --- placing an article in a slot ------------------------------------------------------------

class Placer:
    def __init__(self, rng: random.Random, spec: Spec, width_of, meta: dict):
        self.rng, self.s, self.width_of, self.meta = rng, spec, width_of, meta

    def body_lines(self, st: Story, byline_inline: bool) -> list[Line]:
        if "_lines" in st.__dict__:
            return st.__dict__["_lines"]
        out: list[Line] = []
        st.__dict__["_lines"] = out
        s = self.s
        for k, p in enumerate(st.paragraphs):
            text, bold = p, 0
            if k == 0 and byline_inline and st.byline:
                text = st.byline + st.inline_sep + p
                bold = len(st.byline)
            cells = make_cells(text, lambda: self.rng.random() < DIGIT_GAP_SHARE, bold)
            for c in cells:
                c.em = self.width_of(c.ch, "head" if c.font == "bold" else "body", 1.0)
            indent = 2.0 if (k > 0 or st.first_indent) else 0.0
            lines = break_lines(cells, s.colw_em, indent)
            for ln in lines:
                ln.para_index = k
            out.extend(lines)
        return out

    def place(self, st: Story, idx: int, c0: int, ncols: int, top: float, limit: float,
              dry: bool = False) -> tuple[list[Op], dict, float]:
        """Lay article `st` into columns c0..c0+ncols-1 from `top` (top-down) to at most
        `limit`; returns its ops, gold fields and the depth (top-down y) it reached."""
        s, rng = self.s, self.rng
        ops: list[Op] = []
        x0 = s.col_x(c0)
        full_w = ncols * s.colw + (ncols - 1) * s.gutter
        # head block columns
        mode = None
        hc0, hcn = c0, ncols
        if not st.continued_from:
            mode = "top"
            if ncols >= 3 and st.__dict__.setdefault("_mode_roll", rng.random()) < 0.3:
                hcn = ncols - 1 if ncols == 3 else rng.choice([ncols - 1, ncols - 2])
                mode = rng.choice(["top_left", "top_right"])
                hc0 = c0 if mode == "top_left" else c0 + ncols - hcn
        hx = s.col_x(hc0)
        hw = hcn * s.colw + (hcn - 1) * s.gutter
        centred = st.__dict__.setdefault("_centred", rng.random() < 0.5)
        y = top
        last = [None]  # baseline (top-down) of the last head-block line

        def head_line(text: str, font: str, size: float, align_centre: bool, step: float):
            """One head-block line; `step` (in its own size) from the previous line's baseline,
            or 1.25 of its size below the article top for the first (as measured on dev pages)."""
            w = self.width_of(text, font, size)
            x = hx + max(0.0, (hw - w) / 2) if align_centre else hx
            base = top + HEAD_FIRST * size if last[0] is None else last[0] + step * size
            ops.append(Op("text", "head", idx, font, size, x, base, text))
            last[0] = base

        if st.continued_from:
            head_line(st.continued_from, "head", s.size, False, 0.0)
        else:
            if st.kicker:
                ks = st.__dict__.setdefault("_ks", round(s.size * rng.uniform(1.1, 1.45), 4))
                kf = st.__dict__.setdefault("_kf", "body" if rng.random() < 0.6 else "head")
                head_line(st.kicker, kf, min(ks, hw / max(1.0, self.width_of(st.kicker, kf, 1.0))), centred, 0.0)
            lines = st.headline_lines
            hs = st.__dict__.setdefault("_hs", s.size * rng.uniform(2.0, 4.5))  # dev: 2.0-4.5 x body
            if len(lines) == 1 and (self.width_of(lines[0], "head", hs) > hw or
                                    (len(lines[0]) > 7 and st.__dict__.setdefault("_two", rng.random() < 0.15))):
                lines = split_headline(lines[0])
            widest = max(self.width_of(t, "head", 1.0) for t in lines)
            size = min(hs, hw / max(widest, 1.0))
            for k, t in enumerate(lines):
                head_line(t, "head", size, centred, HEAD_AFTER_KICKER if k == 0 else HEAD_LINE_STEP)
            st.headline_lines = lines
            if st.subtitle:
                ss = st.__dict__.setdefault("_ss", round(s.size * rng.uniform(1.2, 1.5), 4))
                sf = st.__dict__.setdefault("_sf", "body" if rng.random() < 0.4 else "head")
                head_line(st.subtitle, sf, min(ss, hw / max(1.0, self.width_of(st.subtitle, sf, 1.0))), centred,
                          SUBTITLE_STEP)
            if st.byline and st.byline_position == "under_headline":
                head_line(st.byline, "head", min(s.size, hw / max(1.0, self.width_of(st.byline, "head", 1.0))),
                          centred, BYLINE_STEP)
        # the first body baseline BODY_STEP below the head block's last one
        y = last[0] + BODY_STEP * s.size - 0.75 * s.leading
        # picture and caption over the head columns
        pic = None
        if st.caption and st.__dict__.get("_pic_ok", True):
            ph = round(hw * st.__dict__.setdefault("_pr", rng.uniform(0.2, 0.65)), 1)
            ph = min(ph, st.__dict__.get("_pic_max", ph))
            cs = s.size * CAPTION_SCALE
            cap_cells = make_cells(st.caption)
            for c in cap_cells:
                c.em = self.width_of(c.ch, "head", 1.0)
            cap_lines = [ln.text for ln in break_lines(cap_cells, hw / cs, 0.0)]
            ptop = last[0] + 1.33 * s.size
            ops.append(Op("rect", "picture", idx, x=hx, y=s.height - ptop - ph, w=hw, h=ph))
            yy = ptop + ph + 0.05 * cs
            for t in cap_lines:
                yy += 1.25 * cs
                ops.append(Op("text", "picture", idx, "head", cs, hx, yy, t))
            cap_bottom = yy + 0.5 * cs
            pic = {"picture": [hx, s.height - ptop - ph, hx + hw, s.height - ptop],
                   "caption": [hx, s.height - cap_bottom, hx + hw, s.height - ptop - ph],
                   "lines": cap_lines}
            y = yy + 2.15 * s.size - 0.75 * s.leading
        # body
        lines = self.body_lines(st, st.byline_position == "inline_first_paragraph")
        extra = PARA_EXTRA * s.size
        heights = [s.leading + (extra if ln.para_start and i else 0.0) for i, ln in enumerate(lines)]
        tops = []
        for c in range(ncols):
            under_head = hc0 <= c0 + c < hc0 + hcn
            tops.append((y if under_head else top) - top)
        tail = [s.leading] if st.source else []  # source line after the last paragraph
        cols, depth = balance(heights + tail, tops, limit - top)
        placed = sum(1 for col in cols for i in col if i < len(heights))
        truncated = placed < len(heights)
        jump = None
        if truncated:
            if st.__dict__.setdefault("_jump", rng.random() < 0.5):
                jump = synth.jump_text(rng, self.meta["label_style"], self.meta["page_no"], "下转")
                cols, depth = balance(heights, tops, limit - top - s.leading)
            placed = sum(1 for col in cols for i in col if i < len(heights))
            cols = [[i for i in col if i < placed] for col in cols]
        elif tail and not any(len(heights) in col for col in cols):
            st.source = None
        if dry:
            return [], {"truncated": truncated}, top + depth
        # ops for the body
        para_text: dict[int, list[str]] = {}
        col_bottoms = []
        for c, col in enumerate(cols):
            yy = top + tops[c]
            cx = s.col_x(c0 + c)
            for n, i in enumerate(col):
                if i >= len(lines):  # source line
                    yy += s.leading
                    t = f"据《{st.source}》"
                    w = self.width_of(t, "body", s.size)
                    ops.append(Op("text", "body", idx, "body", s.size, cx + s.colw - w, yy - 0.25 * s.leading, t))
                    continue
                ln = lines[i]
                yy += heights[i] if n else s.leading
                base = yy - 0.25 * s.leading
                size = round(s.size + PARA_SIZE_STEP * (ln.para_index % 5), 2)
                self.line_ops(ops, ln, idx, cx, base, size)
                para_text.setdefault(ln.para_index, []).append(ln.text)
            col_bottoms.append(yy)
        if jump:
            jc = max((c for c, col in enumerate(cols) if col), default=ncols - 1)
            jy = col_bottoms[jc] + s.leading
            w = self.width_of(jump, "head", s.size)
            jx = s.col_x(c0 + jc) + s.colw - w
            ops.append(Op("text", "body", idx, "head", s.size, jx, jy - 0.25 * s.leading, jump))
            col_bottoms[jc] = jy
            self.meta.setdefault("jumps", []).append(
                {"type": "jump", "text": jump, "article": idx,
                 "bbox": [round(jx, 1), round(s.height - jy - 0.1 * s.size, 1), round(s.col_x(c0 + jc) + s.colw, 1),
                          round(s.height - jy + 1.1 * s.size, 1)]})
        paragraphs = []
        for k in sorted(para_text):
            t = "".join(para_text[k])
            if k == 0 and st.byline_position == "inline_first_paragraph" and st.byline:
                t = t[len(st.byline):]
                t = t[len(st.inline_sep):] if st.inline_sep and t.startswith(st.inline_sep) else t
            paragraphs.append(t)
        gold = {
            "kicker": st.kicker, "headline": " ".join(st.headline_lines) if st.headline_lines else None,
            "headline_lines": list(st.headline_lines), "subtitle": st.subtitle, "byline": st.byline,
            "byline_position": st.byline_position if st.byline else None,
            "source": st.source if (st.source and not truncated) else None,
            "source_line": f"据《{st.source}》" if (st.source and not truncated) else None,
            "paragraphs": paragraphs, "continued_from": st.continued_from, "jump": jump,
            "truncated": truncated, "synthetic_fields": [f for f in st.synthetic
                                                         if f != "source" or not truncated],
            "columns": [c0, c0 + ncols - 1],
        }
        if mode:
            gold["headline_mode"] = mode
        if pic:
            gold["_pic"] = pic
        depth_y = max([y] + col_bottoms)
        return ops, gold, depth_y

    def line_ops(self, ops: list[Op], ln: Line, idx: int, cx: float, base: float, size: float) -> None:
        """A justified body line as text runs: a new run at each digit gap and face change."""
        s = self.s
        xs = positions(ln, s.colw_em)
        tc = char_spacing(ln, s.colw_em) * size
        run_start = 0
        cells = ln.cells
        for k in range(1, len(cells) + 1):
            if k == len(cells) or cells[k].gap or cells[k].font != cells[run_start].font:
                text = "".join(c.ch for c in cells[run_start:k])
                font = "head" if cells[run_start].font == "bold" else "body"
                ops.append(Op("text", "body", idx, font, size, cx + xs[run_start] * size, base, text, tc))
                run_start = k


# --- the page ----------------------------------------------------------------------------------

def cut_bands(rng: random.Random, spec: Spec) -> list[tuple[float, float, list[int]]]:
    """Bands (top, bottom top-down, slot widths in columns)."""
    nb = rng.choice([1, 1, 2, 2, 2, 3, 3, 4])
    nb = min(nb, max(1, spec.nlines // 22))
    cuts = sorted(rng.sample(range(18, spec.nlines - 17), nb - 1)) if nb > 1 else []
    edges = [0] + cuts + [spec.nlines]
    bands = []
    for a, b in zip(edges, edges[1:]):
        widths, left = [], spec.cols
        while left:
            w = min(left, rng.choice([1, 2, 2, 3, 3, 4]))
            widths.append(w)
            left -= w
        rng.shuffle(widths)
        top = spec.top + a * spec.leading
        bottom = spec.top + b * spec.leading + (0.4 * spec.leading if b == spec.nlines else 0.0)
        bands.append((top, bottom, widths))
    return bands
