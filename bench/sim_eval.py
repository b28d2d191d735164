"""Dev pages against simulated ones (bench/pagesim or any folder in the dev layout): dump
statistics (blank lines, lines per block, interleaved blocks, digit spaces) and banmian's scores
per dump kind, side by side.

    python bench/sim_eval.py --dir /tmp/sim --pages 1-40 [--dev-pages 1-40] [--kinds pdftotext,raw,pymupdf]
    python bench/sim_eval.py --dir /tmp/sim --stats-only

Never point --dev-pages at the held-out pages 41-60."""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import DevPage, ensure_importable, load_folder, pages_dir, parse_kinds, parse_range  # noqa: E402

ensure_importable()

CJK_BEFORE_DIGIT = re.compile(r"[\u4e00-\u9fff，。、“”（）《》：；]( ?)[0-9]")
SCORE_KEYS = ("body_char_acc", "para_f1", "article_exact", "headline_acc", "byline_acc", "source_acc")


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def article_texts(gold: dict) -> list[str]:
    out = []
    for a in gold["articles"]:
        parts = [a.get("kicker"), *(a.get("headline_lines") or []), a.get("subtitle"), a.get("byline"),
                 *a["paragraphs"], a.get("jump"), a.get("continued_from"), a.get("source_line")]
        out.append(_norm("".join(p for p in parts if p)))
    return out


def line_article(line: str, texts: list[str]) -> int | None:
    """The one gold article whose printed text holds this dump line (None: none or several)."""
    t = _norm(line)
    if len(t) < 4:
        return None
    hits = [i for i, x in enumerate(texts) if t in x]
    return hits[0] if len(hits) == 1 else None


def dump_stats(pages: list[DevPage], kind: str) -> dict:
    lines_total = blank = blocks = block_lines = 0
    switches = assigned = 0
    sp = nosp = 0
    within_switch = within_pairs = 0
    seams = articles = 0
    for p in pages:
        text = p.dump_text(kind)
        texts = article_texts(p.gold)
        lines = text.replace("\f", "").split("\n")
        lines_total += len(lines)
        blank += sum(1 for x in lines if not x.strip())
        cur: list[str] = []
        bl: list[list[str]] = []
        for x in lines + [""]:
            if x.strip():
                cur.append(x)
            elif cur:
                bl.append(cur)
                cur = []
        blocks += len(bl)
        block_lines += sum(len(b) for b in bl)
        prev = None
        for b in bl:
            ids = [line_article(x, texts) for x in b]
            ids_known = [i for i in ids if i is not None]
            for u, v in zip(ids_known, ids_known[1:]):
                within_pairs += 1
                within_switch += u != v
            if not ids_known:
                continue
            art = max(set(ids_known), key=ids_known.count)
            if prev is not None:
                assigned += 1
                switches += art != prev
            prev = art
        # bare seams: a body line of one article right after a body line of another, nothing
        # (head, byline, caption, jump) between them
        bodies = [_norm("".join(a["paragraphs"])) for a in p.gold["articles"]]
        prev_body = None
        for x in lines:
            t = _norm(x)
            if not t:
                continue
            hits = [i for i, b in enumerate(bodies) if len(t) >= 4 and t in b]
            in_other = len(t) >= 4 and any(t in o for o in others_of(p.gold))
            if len(hits) == 1 and not in_other:
                if prev_body is not None and prev_body != hits[0]:
                    seams += 1
                prev_body = hits[0]
            elif len(t) >= 4 and not hits:
                prev_body = None
        articles += len(p.gold["articles"])
        for m in CJK_BEFORE_DIGIT.finditer(text):
            if m.group(1):
                sp += 1
            else:
                nosp += 1
    return {"blank_share": blank / max(1, lines_total), "lines_per_block": block_lines / max(1, blocks),
            "block_switch": switches / max(1, assigned), "line_switch": within_switch / max(1, within_pairs),
            "digit_space": sp / max(1, sp + nosp), "lines_per_page": lines_total / max(1, len(pages)),
            "bare_seams_per_article": seams / max(1, articles)}


def others_of(gold: dict) -> list[str]:
    """Printed texts other than body paragraphs (heads, bylines, captions, jumps, header)."""
    out = []
    for a in gold["articles"]:
        out += [_norm(x) for x in (a.get("kicker"), *(a.get("headline_lines") or []), a.get("subtitle"),
                                   a.get("byline"), a.get("jump"), a.get("continued_from"), a.get("source_line")) if x]
    for f in gold["furniture"]:
        out += [_norm(x) for x in (f.get("lines") or [f.get("text")]) if x]
    return out


def gold_stats(pages: list[DevPage]) -> dict:
    arts = [a for p in pages for a in p.gold["articles"]]
    n = max(1, len(arts))
    return {"articles_per_page": len(arts) / max(1, len(pages)),
            "truncated": sum(a["truncated"] for a in arts) / n,
            "jump": sum(bool(a.get("jump")) for a in arts) / n,
            "continued": sum(bool(a.get("continued_from")) for a in arts) / n,
            "byline": sum(bool(a.get("byline")) for a in arts) / n,
            "inline_byline": sum(a.get("byline_position") == "inline_first_paragraph" for a in arts) / n,
            "kicker": sum(bool(a.get("kicker")) for a in arts) / n,
            "subtitle": sum(bool(a.get("subtitle")) for a in arts) / n,
            "two_line_head": sum(len(a.get("headline_lines") or []) == 2 for a in arts) / n,
            "pictures_per_article": sum(f["type"] == "picture" for p in pages for f in p.gold["furniture"]) / n,
            "paragraphs_per_article": sum(len(a["paragraphs"]) for a in arts) / n,
            "body_chars_per_page": sum(len("".join(a["paragraphs"])) for a in arts) / max(1, len(pages))}


def banmian_scores(pages: list[DevPage], kind: str) -> dict:
    from bench.eval import run_banmian
    from bench.metrics import aggregate, score_page

    res = []
    for p in pages:
        pred, _ = run_banmian(p.dump_text(kind), str(p.dump_path(kind)))
        res.append(score_page(p.gold, pred))
    return aggregate(res)


def fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", required=True, help="folder of simulated pages (dev layout)")
    ap.add_argument("--pages", default="1-40", help="simulated page numbers (default 1-40)")
    ap.add_argument("--dev-pages", default="1-40", help="dev pages to compare with (default 1-40)")
    ap.add_argument("--kinds", default="pdftotext,raw,pymupdf")
    ap.add_argument("--stats-only", action="store_true", help="dump and gold statistics, no banmian run")
    ap.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    a = ap.parse_args(argv)
    dev_numbers = parse_range(a.dev_pages)
    if any(n > 40 for n in dev_numbers):
        raise SystemExit("--dev-pages: pages 41-60 are held out; compare with 1-40 only")
    dev = load_folder(pages_dir(), dev_numbers)
    sim = load_folder(Path(a.dir), parse_range(a.pages))
    if not sim:
        raise SystemExit(f"no pages (page_NNNN.gold.json) in {a.dir}")
    if not dev:
        print(f"skipped dev side: shared data not found at {pages_dir()}", file=sys.stderr)
    kinds = parse_kinds(a.kinds)
    rows: list[tuple[str, object, object]] = []
    gd, gs = gold_stats(dev) if dev else {}, gold_stats(sim)
    for k in gs:
        rows.append((f"gold {k}", gd.get(k), gs[k]))
    for kind in kinds:
        sd, ss = dump_stats(dev, kind) if dev else {}, dump_stats(sim, kind)
        for k in ss:
            if kind != "pdftotext" and k in ("blank_share", "lines_per_block", "block_switch"):
                continue
            rows.append((f"{kind} {k}", sd.get(k), ss[k]))
    if not a.stats_only:
        for kind in kinds:
            print(f"sim_eval: banmian on {kind} ...", file=sys.stderr)
            bd = banmian_scores(dev, kind) if dev else {}
            bs = banmian_scores(sim, kind)
            for k in SCORE_KEYS:
                rows.append((f"banmian {kind} {k}", bd.get(k), bs.get(k)))
    w = max(len(r[0]) for r in rows)
    print(f"{'figure':<{w}}  {'dev ' + a.dev_pages:>10}  {'sim ' + a.pages:>10}")
    for name, d, s in rows:
        print(f"{name:<{w}}  {fmt(d):>10}  {fmt(s):>10}")
    if a.json:
        Path(a.json).write_text(json.dumps([{"figure": n, "dev": d, "sim": s} for n, d, s in rows], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
