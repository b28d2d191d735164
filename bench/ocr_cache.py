"""Run an OCR engine over dev pages rendered to PNG, one child process per page, and cache what
it recognised (bench/out/ocr/ENGINE/page_NNNN.json) with the time and peak memory it took.

    python bench/ocr_cache.py [--engine rapidocr|tesseract] [--pages 41-60,1-40] [--dpi 200] [--jpeg Q] [--force]

Each page: render the PDF with pypdfium2 at DPI to a PNG (with --jpeg Q, passed through JPEG at
quality Q first: a scan's compression artefacts, cached apart under ENGINE-DPI-jpegQ), then, in a
fresh child process on one thread, read the PNG as `banmian parse page.png` would and run the engine on it. The child
records the engine's wall-clock and CPU seconds (model loading excluded; loading is recorded
apart; CPU seconds are what one core needs, whatever else the machine runs) and its peak RSS
(for tesseract, the peak of the tesseract process too). bench/ocr.py reads the cache and
scores the pipeline on it; a cached page is not run again unless --force.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO, ensure_importable, pages_dir, parse_range, render_arg_parser, skipped_without_data

ensure_importable()

CACHE = REPO / "bench" / "out" / "ocr"


def cache_path(engine: str, no: int, dpi: int, jpeg: int | None = None) -> Path:
    return CACHE / (f"{engine}-{dpi}" + (f"-jpeg{jpeg}" if jpeg else "")) / f"page_{no:04d}.json"


def render_image(pdf: Path, dpi: int, jpeg: int | None = None):
    """Page 1 of a PDF rendered at `dpi`, as an RGB PIL image; with `jpeg`, as it comes back
    from JPEG at that quality."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        img = page.render(scale=dpi / 72).to_pil().convert("RGB")
        page.close()
    finally:
        doc.close()
    if jpeg:
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=jpeg)
        img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return img


def render_png(pdf: Path, out: Path, dpi: int, jpeg: int | None = None) -> tuple[int, int]:
    """Render page 1 of a PDF to an RGB PNG at `dpi` (tagged with it); returns its size."""
    img = render_image(pdf, dpi, jpeg)
    img.save(out, dpi=(dpi, dpi))
    return img.size


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child(png: str, engine_name: str, out: str) -> None:
    """In the child process: load the engine, read the image, recognise, write JSON."""
    from banmian.readers.image import load_images
    from banmian.readers.ocr_engines import make_engine

    t0 = time.perf_counter()
    engine = make_engine(engine_name, threads=1)
    t1 = time.perf_counter()
    number, rgb, dpi = next(iter(load_images(png)))
    t2 = time.perf_counter()
    cpu0 = time.process_time() + _children_cpu()
    lines = engine(rgb)
    t3 = time.perf_counter()
    cpu = time.process_time() + _children_cpu() - cpu0  # CPU seconds (tesseract runs as a child)
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    Path(out).write_text(json.dumps({
        "engine": engine_name, "image": list(rgb.shape[:2][::-1]), "dpi": dpi,
        "load_s": t1 - t0, "read_s": t2 - t1, "ocr_s": t3 - t2, "ocr_cpu_s": cpu,
        "peak_rss_kb": max(self_rss, kids_rss),
        "lines": [[ln.text, list(ln.box), ln.confidence, [list(c) for c in ln.chars]] for ln in lines],
    }, ensure_ascii=False), encoding="utf-8")


def run_page(no: int, engine: str, dpi: int, tmp: Path, jpeg: int | None = None) -> dict:
    pdf = pages_dir() / f"page_{no:04d}.pdf"
    png = tmp / f"page_{no:04d}.png"
    render_png(pdf, png, dpi, jpeg)
    out = cache_path(engine, no, dpi, jpeg)
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_suffix(".part")
    env = dict(os.environ, OMP_NUM_THREADS="1", OMP_THREAD_LIMIT="1")
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(png), engine, str(part)], env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0 or not part.exists():
        raise SystemExit(f"page {no}: OCR child failed (status {status})")
    data = json.loads(part.read_text(encoding="utf-8"))
    data["child_peak_rss_kb"] = usage.ru_maxrss
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    part.unlink()
    png.unlink()
    return data


def main(argv=None) -> int:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
        return 0
    ap = render_arg_parser(__doc__, "41-60,1-40")
    ap.add_argument("--engine", default="rapidocr")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    order = []
    for part in args.pages.split(","):  # keep the order given (held-out pages first by default)
        order += [n for n in parse_range(part) if n not in order]
    with tempfile.TemporaryDirectory() as tmp:
        for no in order:
            if cache_path(args.engine, no, args.dpi, args.jpeg).exists() and not args.force:
                continue
            d = run_page(no, args.engine, args.dpi, Path(tmp), args.jpeg)
            print(f"page {no:2d}: {d['image'][0]}×{d['image'][1]} px, {len(d['lines'])} lines, "
                  f"ocr {d['ocr_s']:.1f} s ({d['ocr_cpu_s']:.1f} CPU s), load {d['load_s']:.1f} s, peak {d['peak_rss_kb'] / 1024:.0f} MB",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
