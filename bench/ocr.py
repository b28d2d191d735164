"""Scanned pages: banmian's OCR path on the dev PDFs rendered to page images.

    python bench/ocr.py [--engines rapidocr,tesseract] [--pages 1-60] [--dpi 200] [--jpeg Q] [--per-page]
    python bench/ocr_cache.py --engine rapidocr --pages 41-60,1-40     # fill the cache first

Each dev PDF is rendered with pypdfium2 at DPI (200) and read by an OCR engine; what the engine
recognised, with the seconds and peak memory it took, is cached by bench/ocr_cache.py (one child
process per page, one thread). This script lays the cached lines out exactly as `banmian parse
page.png` does (`banmian.readers.ocr.ocr_page` on the same rendering, then the PDF stages) and
prints:

- per engine and split (dev 1–40, held-out 41–60): the metrics of bench/metrics.py against the
  gold articles (segmentation and recognition together);
- recognition alone, apart from segmentation: the character error rate of the text lines (each
  printed line of the PDF's text layer against the OCR characters whose centres fall in its
  box, in reading order: edits / characters), for all lines and for body-size lines, and the
  share of characters marked low-confidence;
- speed and memory: the engine's seconds per page on one thread, model loading apart, the
  layout's seconds per page, and the peak RSS per page (child process).
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from statistics import mean, median

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (SPLIT_LABELS, ensure_importable, load_pages, pages_dir, render_arg_parser,
                          parse_range, skipped_without_data, split_of)
from bench.metrics import aggregate, score_page

ensure_importable()

from bench.ocr_cache import cache_path, render_image  # noqa: E402


def render_rgb(no: int, dpi: int, jpeg: int | None = None):
    """The dev PDF page rendered as bench/ocr_cache.py renders it (RGB array)."""
    import numpy as np

    return np.asarray(render_image(pages_dir() / f"page_{no:04d}.pdf", dpi, jpeg))


def cached(engine: str, no: int, dpi: int, jpeg: int | None = None) -> dict | None:
    path = cache_path(engine, no, dpi, jpeg)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def parse_cached(data: dict, rgb, dpi: int, path: str):
    """banmian's parsed Page from cached engine output and the image it read (what
    `banmian parse page.png` computes after the engine call)."""
    from banmian.model import Source
    from banmian.pipeline import PDF_STAGES, _prepare, page_from_pdf, run_stages
    from banmian.readers.ocr import ocr_page
    from banmian.readers.ocr_engines import line_from_json

    lines = [line_from_json(x) for x in data["lines"]]
    pdf_page = ocr_page(lines, rgb, dpi, 1, data["engine"])
    page = page_from_pdf(pdf_page, Source(path=path, kind="image", encoding=None, sha256=""))
    _prepare(page, None, True)
    return run_stages(page, PDF_STAGES), pdf_page


def ocr_prediction(no: int, engine: str = "rapidocr", dpi: int = 200) -> dict | None:
    """The page dict of banmian's OCR path on dev page `no` from the cache (None if not cached)."""
    from banmian.writers.json import page_to_dict

    data = cached(engine, no, dpi)
    if data is None:
        return None
    page, _ = parse_cached(data, render_rgb(no, dpi), dpi, f"page_{no:04d}.png")
    return page_to_dict(page)


def ocr_run(no: int, engine: str = "rapidocr", dpi: int = 200) -> tuple[dict, str]:
    """(page dict, the recognised characters) of banmian's OCR path on dev page `no` rendered at
    `dpi`: the engine's cached output (bench/ocr_cache.py) when there is one, else the engine
    run now (about a minute a page on one core)."""
    from banmian.readers.ocr_engines import make_engine
    from banmian.writers.json import page_to_dict

    rgb = render_rgb(no, dpi)
    data = cached(engine, no, dpi)
    if data is None:
        lines = make_engine(engine)(rgb)
        data = {"engine": engine, "lines": [[ln.text, list(ln.box), ln.confidence, [list(c) for c in ln.chars]]
                                            for ln in lines]}
    page, pdf_page = parse_cached(data, rgb, dpi, f"page_{no:04d}.png")
    return page_to_dict(page), "".join(c.text for c in pdf_page.chars)


# --- recognition alone -----------------------------------------------------------------------

def edit_distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein  # the bench extra

    return Levenshtein.distance(a, b)


def line_cer(no: int, pdf_page_ocr) -> dict:
    """Edits and characters of every text-layer line of the PDF against the OCR characters
    inside its box (so segmentation plays no part)."""
    from banmian.geometry import group_lines
    from banmian.readers.pdf import read_pdf

    truth = next(read_pdf(str(pages_dir() / f"page_{no:04d}.pdf")))
    lines = group_lines(truth.chars)
    sizes = Counter(round(pl.size) for pl in lines for _ in pl.text)
    body = sizes.most_common(1)[0][0] if sizes else 0
    buckets: dict[int, list] = {i: [] for i in range(len(lines))}
    boxes = [pl.box for pl in lines]
    for c in pdf_page_ocr.chars:
        cx, cy = (c.x0 + c.x1) / 2, c.y + 0.38 * c.size
        for i, b in enumerate(boxes):
            if b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1:
                buckets[i].append(c)
                break
    out = {"edits": 0, "chars": 0, "body_edits": 0, "body_chars": 0}
    placed = sum(len(v) for v in buckets.values())
    for i, pl in enumerate(lines):
        want = pl.text.replace(" ", "")
        got = "".join(c.text for c in sorted(buckets[i], key=lambda c: c.x0) if not c.text.isspace())
        e = edit_distance(want, got)
        out["edits"] += e
        out["chars"] += len(want)
        if round(pl.size) == body:
            out["body_edits"] += e
            out["body_chars"] += len(want)
    out["stray"] = len([c for c in pdf_page_ocr.chars if not c.text.isspace()]) - placed  # OCR chars outside every line
    return out


# --- the run ---------------------------------------------------------------------------------

def run(engines: list[str], numbers: list[int], dpi: int, per_page: bool, jpeg: int | None = None) -> int:
    from banmian.readers.ocr import LOW_CONFIDENCE
    from banmian.writers.json import page_to_dict

    pages = load_pages(numbers)
    results: dict = {}
    for engine in engines:
        for p in pages:
            data = cached(engine, p.no, dpi, jpeg)
            if data is None:
                continue
            rgb = render_rgb(p.no, dpi, jpeg)
            t0 = time.perf_counter()
            page, pdf_page = parse_cached(data, rgb, dpi, f"page_{p.no:04d}.png")
            pred = page_to_dict(page)
            layout_s = time.perf_counter() - t0
            scores = score_page(p.gold, pred)
            cer = line_cer(p.no, pdf_page)
            chars = [c for c in pdf_page.chars if not c.text.isspace()]
            low = sum(c.confidence < LOW_CONFIDENCE for c in chars)
            results.setdefault(engine, []).append({
                "no": p.no, "split": split_of(p.no), "scores": scores, "cer": cer, "low": low,
                "nchars": len(chars), "ocr_s": data["ocr_s"], "ocr_cpu_s": data.get("ocr_cpu_s"),
                "load_s": data["load_s"], "layout_s": layout_s,
                "rss_mb": data["peak_rss_kb"] / 1024, "image": data["image"]})
            if per_page:
                s = scores
                print(f"{engine} page {p.no:2d}: body {s['body_char_acc']:.3f} para {s['para_f1']:.3f} "
                      f"exact {s['article_exact']:.3f} head {s['headline_acc']:.3f} "
                      f"line CER {cer['edits'] / max(cer['chars'], 1):.4f} "
                      f"arts {s['pred_articles']}/{s['gold_articles']}", flush=True)
    if not results:
        print("no cached OCR output: run bench/ocr_cache.py first")
        return 0
    print_tables(results)
    return 0


def print_tables(results: dict) -> None:
    from bench.eval import render_table

    header = ["engine", "pages", "body_char", "para_f1", "exact", "head", "roles", "byline", "source",
              "pred/gold", "line CER", "body-line CER", "low-conf"]
    body = []
    for engine, rows in results.items():
        for split in ("dev", "heldout"):
            group = [r for r in rows if r["split"] == split]
            if not group:
                continue
            agg = aggregate([r["scores"] for r in group])
            edits = sum(r["cer"]["edits"] for r in group)
            chars = sum(r["cer"]["chars"] for r in group)
            bedits = sum(r["cer"]["body_edits"] for r in group)
            bchars = sum(r["cer"]["body_chars"] for r in group)
            low = sum(r["low"] for r in group) / max(sum(r["nchars"] for r in group), 1)
            f = lambda k: "-" if agg[k] is None else f"{agg[k]:.4f}"  # noqa: E731
            body.append([engine, f"{SPLIT_LABELS[split]} ({len(group)})", f("body_char_acc"), f("para_f1"),
                         f("article_exact"), f("headline_acc"), f("headline_roles_acc"), f("byline_acc"),
                         f("source_acc"), f"{agg['pred_articles']}/{agg['gold_articles']}",
                         f"{edits / max(chars, 1):.4f}", f"{bedits / max(bchars, 1):.4f}", f"{low:.4f}"])
    print(render_table(header, body, left=2))
    print("line CER: recognition alone (each text-layer line vs the OCR characters in its box); "
          "low-conf: share of characters marked low-confidence")
    print()
    header = ["engine", "pages", "OCR s/page (1 thread, wall)", "median", "OCR CPU s/page", "model load s",
              "layout s/page", "peak RSS MB/page (mean, max)", "image px (median)"]
    body = []
    for engine, rows in results.items():
        ocr = [r["ocr_s"] for r in rows]
        cpu = [r["ocr_cpu_s"] for r in rows if r["ocr_cpu_s"] is not None]
        rss = [r["rss_mb"] for r in rows]
        px = median(r["image"][0] * r["image"][1] for r in rows) / 1e6
        body.append([engine, str(len(rows)), f"{mean(ocr):.1f}", f"{median(ocr):.1f}",
                     f"{mean(cpu):.1f} ({len(cpu)} pages)" if cpu else "-",
                     f"{mean(r['load_s'] for r in rows):.2f}", f"{mean(r['layout_s'] for r in rows):.2f}",
                     f"{mean(rss):.0f}, {max(rss):.0f}", f"{px:.1f} Mpx"])
    print(render_table(header, body, left=2))
    print("wall-clock seconds depend on what else the machine runs; CPU seconds are one core's work")


def main(argv=None) -> int:
    ap = render_arg_parser(__doc__, "1-60")
    ap.add_argument("--engines", default="rapidocr,tesseract")
    ap.add_argument("--per-page", action="store_true")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    return run([e for e in args.engines.split(",") if e], parse_range(args.pages), args.dpi, args.per_page,
               args.jpeg)


if __name__ == "__main__":
    sys.exit(main())
