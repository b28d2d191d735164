"""Shared helpers of the bench scripts: where the data is, which pages, how to read them."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXT_KINDS = ("pdftotext", "raw", "pymupdf")  # extractor dumps of each page
KINDS = (*TEXT_KINDS, "pdf")  # "pdf": the page's PDF itself
LAYOUT_KIND = "layout"  # the page's PDF through `pdftotext -layout` (bench/layout_dumps.py); needs pdftotext
OCR_KIND = "ocr"  # the page's PDF rendered to a 200-dpi image and read by OCR (bench/ocr.py); opt-in, not gated
DEV_LAST = 40  # pages 1..40 are "dev", 41..60 "held-out" (do not tune on those)
SPLITS = ("dev", "heldout")
SPLIT_LABELS = {"dev": "dev 1–40", "heldout": "held-out 41–60"}


def ensure_importable() -> None:
    """Put the repository root (for `bench`) and its src/ (for `banmian`) first on sys.path: a
    bench script always measures the checkout it belongs to, whatever PYTHONPATH or the
    virtualenv holds (to measure another revision, run that revision's own bench scripts, or
    bench/speed_ab.py and bench/same_output.py, which load it beside this one)."""
    for p in (REPO, REPO / "src"):
        if str(p) not in sys.path:
            sys.path.insert(0, str(p))


def shared_dir() -> Path:
    """The shared/ folder: $BANMIAN_SHARED, else the `shared` folder beside the repository."""
    env = os.environ.get("BANMIAN_SHARED")
    return Path(env).expanduser().resolve() if env else REPO.parent / "shared"


def pages_dir(shared: Path | None = None) -> Path:
    """The dev pages folder inside shared/."""
    return (shared or shared_dir()) / "data" / "pages-dev"


def data_available(shared: Path | None = None) -> bool:
    """Whether the dev pages (gold files) are present."""
    d = pages_dir(shared)
    return d.is_dir() and any(d.glob("page_*.gold.json"))


def parse_range(spec: str) -> list[int]:
    """Parse a page list such as "1-60", "3", "1-5,41,50-52" into sorted page numbers."""
    out: set[int] = set()
    for part in spec.split(","):
        part = part.strip().replace("–", "-")
        if not part:
            continue
        if "-" in part:
            lo, hi = (int(x) for x in part.split("-", 1))
            out.update(range(lo, hi + 1))
        else:
            out.add(int(part))
    return sorted(out)


def parse_kinds(spec: str) -> list[str]:
    """Parse "pdftotext,raw" into dump kinds, rejecting unknown ones."""
    kinds = [k.strip() for k in spec.split(",") if k.strip()]
    bad = [k for k in kinds if k not in (*KINDS, LAYOUT_KIND, OCR_KIND)]
    if bad:
        raise SystemExit(f"unknown dump kind(s) {bad}; choose from {', '.join((*KINDS, LAYOUT_KIND, OCR_KIND))}")
    if LAYOUT_KIND in kinds:
        from bench.layout_dumps import missing_tool

        if why := missing_tool():
            raise SystemExit(f"kind {LAYOUT_KIND}: {why}")
    return kinds


def split_of(page_no: int) -> str:
    """'dev' for pages 1..40, 'heldout' for 41..60."""
    return "dev" if page_no <= DEV_LAST else "heldout"


@dataclass
class DevPage:
    """One dev page: its number, gold dict and the path of each dump kind."""

    no: int
    gold: dict
    dir: Path

    @property
    def name(self) -> str:
        return f"page_{self.no:04d}"

    def dump_path(self, kind: str) -> Path:
        """The page's file of a kind: its PDF for "pdf", its `pdftotext -layout` dump for "layout"
        (made from the PDF and cached), else the extractor dump."""
        if kind == LAYOUT_KIND:
            from bench.layout_dumps import layout_dump

            return layout_dump(self.dir / f"{self.name}.pdf")
        return self.dir / (f"{self.name}.pdf" if kind == "pdf" else f"{self.name}.{kind}.txt")

    def dump_text(self, kind: str) -> str:
        return self.dump_path(kind).read_text(encoding="utf-8")


def load_pages(numbers: list[int], shared: Path | None = None) -> list[DevPage]:
    """Load the gold of the requested pages that exist (missing numbers are skipped)."""
    return load_folder(pages_dir(shared), numbers)


def load_folder(folder: Path, numbers: list[int]) -> list[DevPage]:
    """The pages of a folder in the dev layout (page_NNNN.gold.json and its dumps) among
    `numbers`, those that exist."""
    out = []
    for no in numbers:
        gold_path = folder / f"page_{no:04d}.gold.json"
        if gold_path.exists():
            out.append(DevPage(no, json.loads(gold_path.read_text(encoding="utf-8")), folder))
    return out


def floor2(x: float) -> float:
    """Round down to 2 decimals (tolerating float noise: 0.57 stays 0.57)."""
    import math

    return math.floor(x * 100 + 1e-9) / 100


def no_data_message() -> str | None:
    """The line a bench prints (then exits 0) when the shared data is missing, else None."""
    return None if data_available() else f"skipped: shared data not found at {pages_dir()}"


def skipped_without_data() -> bool:
    """Print the skip line and say True when the shared data is missing (the bench exits 0)."""
    message = no_data_message()
    if message:
        print(message)
    return message is not None


def study_arg_parser(doc: str, kinds: str | None = "pdftotext"):
    """The argument parser of a dev-page study script (the first paragraph of its docstring as
    help): --kinds (dump kinds, comma-separated; left out when `kinds` is None) and --pages
    (dev pages, default 1-40: the tuning pages)."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    if kinds is not None:
        ap.add_argument("--kinds", default=kinds, help=f"dump kinds, comma-separated (default {kinds})")
    ap.add_argument("--pages", default="1-40", help="dev pages, e.g. 1-40 (default)")
    return ap


def render_arg_parser(doc: str, pages: str):
    """The argument parser of a bench that renders dev PDFs to images (its docstring as help):
    --pages (default `pages`), --dpi and --jpeg (the rendering passed through JPEG at that quality)."""
    import argparse

    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", default=pages)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--jpeg", type=int, default=None, metavar="Q")
    return ap
