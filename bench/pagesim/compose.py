"""A whole page: header, bands, slots, stacked articles, gold."""
from __future__ import annotations

import datetime
import random

from bench.pagesim import synth
from bench.pagesim.page import (HEADER_SCALE, STACK_GAP, MARGIN, Op, Placer, Spec, cut_bands, make_continuation,
                                make_spec, prepare_story)

CONTINUATION_SHARE = 0.08
MIN_STACK_LINES = 12
STACK_WEIGHTS = (0.7, 0.22, 0.06, 0.02)  # articles per slot (dev pages: 155/50/13/3 slots)
EXTRA_STACK_LINES = 12
PICTURE_MIN_LINES = 16  # a picture only in a slot at least this deep
# share of slots (by width in columns) whose last article is chosen to fit rather than to fill
# (dev pages: articles of 1, 2, 3, 4 columns are cut 64, 50, 18, 28 % of the time; only the
# last article of a slot is ever cut)
FIT_SHARE = (0.55, 0.7, 0.85, 0.8)


def build_page(rng: random.Random, stories_src: list[dict], extra_src: list[dict], date: str,
               page_no: int, width_of, page_id: str, seed: str) -> tuple[Spec, list[Op], dict]:
    spec = make_spec(rng)
    weekday = datetime.date.fromisoformat(date).weekday()
    head = synth.header(rng, date, weekday, page_no)
    meta = {"label_style": head["label_style"], "page_no": page_no}
    placer = Placer(rng, spec, width_of, meta)
    pool = list(stories_src)
    rng.shuffle(pool)
    extra = list(extra_src)
    rng.shuffle(extra)

    def next_story(min_chars: float = 0.0, fit: bool = False):
        """The next corpus article; for the last article of a slot (min_chars > 0) the longest
        one that fits when `fit`, else the first one long enough to fill the slot, else the
        longest (slots are filled, not left blank)."""
        src_list = pool if pool else extra
        if not src_list:
            return None
        pick = 0
        if min_chars:
            sizes = [len("".join(r["paragraphs"])) for r in src_list]
            fitting = [i for i, n in enumerate(sizes) if min_chars * 0.6 <= n <= min_chars * 0.95]
            long_enough = [i for i, n in enumerate(sizes) if n >= min_chars]
            if fit and fitting:
                pick = max(fitting, key=sizes.__getitem__)
            else:
                pick = long_enough[0] if long_enough else max(range(len(sizes)), key=sizes.__getitem__)
        return prepare_story(rng, src_list.pop(pick), date)

    ops: list[Op] = []
    articles: list[dict] = []
    art_ops: list[list[Op]] = []
    for b, (btop, bbottom, widths) in enumerate(cut_bands(rng, spec)):
        c0 = 0
        for w in widths:
            top = btop + (0.6 * spec.leading if b else 0.0)
            k = rng.choices([1, 2, 3, 4], STACK_WEIGHTS)[0]
            placed = 0
            while top < bbottom - MIN_STACK_LINES * spec.leading * 0.5:
                room_chars = (bbottom - top) / spec.leading * spec.colw_em * w * 0.8
                st = next_story(room_chars if placed + 1 >= k else 0.0, rng.random() < FIT_SHARE[w - 1])
                if st is None:
                    break
                if placed == 0 and rng.random() < CONTINUATION_SHARE and len(st.paragraphs) > 1:
                    st = make_continuation(rng, st, head["label_style"], page_no)
                st.__dict__["_pic_ok"] = bbottom - top > PICTURE_MIN_LINES * spec.leading
                st.__dict__["_pic_max"] = (bbottom - top) * 0.35
                _, probe, natural = placer.place(st, len(articles), c0, w, top, 1e9, dry=True)
                left = k - placed  # articles still meant for this slot, this one included
                limit = bbottom
                if left > 1 and natural < bbottom - MIN_STACK_LINES * spec.leading:
                    limit = natural + 1.0  # an article with another under it is never cut (dev pages)
                elif natural < bbottom - EXTRA_STACK_LINES * spec.leading and (pool or extra):
                    limit = natural + 1.0  # much room left: one more article
                    k += 1 if k < 4 else 0
                a_ops, gold, depth = placer.place(st, len(articles), c0, w, top, limit)
                if not gold["paragraphs"]:
                    meta["jumps"] = [j for j in meta.get("jumps", []) if j["article"] != len(articles)]
                    break
                x0, x1 = spec.col_x(c0), spec.col_x(c0 + w - 1) + spec.colw
                gold.update({"bbox": [round(x0, 1), round(spec.height - bbottom, 1), round(x1, 1),
                                      round(spec.height - top, 1)], "band": b, "src_id": st.src["id"]})
                articles.append(gold)
                art_ops.append(a_ops)
                placed += 1
                top = depth - 0.25 * spec.leading + STACK_GAP * spec.leading
                if top < bbottom - MIN_STACK_LINES * spec.leading * 0.5:
                    y = top - 0.45 * spec.leading
                    a_ops.append(Op("rule", "body", len(articles) - 1, x=x0, y=spec.height - y, w=x1 - x0))
                if limit >= bbottom or placed >= k:
                    break
            c0 += w
    # header
    head_ops: list[Op] = []
    furniture: list[dict] = []
    if spec.has_header:
        hs = round(spec.size * HEADER_SCALE, 2)
        parts = head["header_lines"]
        yb = 42.0
        for k, t in enumerate(parts):
            wt = width_of(t, "head", hs)
            x = MARGIN if k == 0 else (spec.width / 2 - wt / 2 if k == 1 else spec.width - MARGIN - wt)
            head_ops.append(Op("text", "header", -1, "head", hs, x, yb, t))
        head_ops.append(Op("rule", "header", -1, x=MARGIN, y=spec.height - 48.0, w=spec.width - 2 * MARGIN, h=1.2))
        furniture.append({"type": "header", "text": "  ".join(parts), "parts": parts,
                          "bbox": [MARGIN, round(spec.height - 48.0, 1), round(spec.width - MARGIN, 1),
                                   round(spec.height - 33.4, 1)]})
    jumps = {j["article"]: j for j in meta.get("jumps", [])}
    for i, a in enumerate(articles):
        if i in jumps:
            furniture.append(jumps[i])
        pic = a.pop("_pic", None)
        if pic:
            furniture.append({"type": "picture", "article": i, "bbox": [round(v, 1) for v in pic["picture"]]})
            furniture.append({"type": "caption", "article": i, "text": "".join(pic["lines"]),
                              "lines": pic["lines"], "bbox": [round(v, 1) for v in pic["caption"]]})
    # draw order
    order = spec.draw_order
    k_partial = rng.randint(1, max(1, len(articles) - 1))
    heads = [[o for o in a if o.role == "head"] for a in art_ops]
    bodies = [[o for o in a if o.role == "body"] for a in art_ops]
    pics = [[o for o in a if o.role == "picture"] for a in art_ops]
    ops = list(head_ops)
    late: list[Op] = []
    for i in range(len(art_ops)):
        if order == "natural":
            ops += heads[i] + bodies[i] + pics[i]
        elif order == "body_first":
            ops += bodies[i] + heads[i] + pics[i]
        elif order == "heads_end" or (order == "heads_end_partial" and i < k_partial):
            ops += bodies[i] + pics[i]
            late += heads[i]
        else:
            ops += heads[i] + bodies[i] + pics[i]
    ops += late
    page = {k: v for k, v in head.items() if k != "label_style"}
    if not spec.has_header:
        page["header_lines"] = None
    keys = ["index", "src_id", "kicker", "headline", "headline_lines", "subtitle", "byline", "byline_position",
            "source", "source_line", "paragraphs", "continued_from", "jump", "truncated", "synthetic_fields",
            "columns", "headline_mode", "bbox", "band"]
    arts = []
    for i, a in enumerate(articles):
        a["index"] = i
        arts.append({k: a[k] for k in keys if k in a})
    gold = {"page_id": page_id, "generator": "pagesim", "seed": seed,
            "page": page, "has_header": spec.has_header,
            "layout": {"columns": spec.cols, "body_font_size": spec.size, "leading": spec.leading,
                       "column_width_em": spec.colw_em, "gutter_pt": spec.gutter,
                       "page_size_pt": [spec.width, spec.height], "draw_order": spec.draw_order},
            "articles": arts, "furniture": furniture}
    return spec, ops, gold
