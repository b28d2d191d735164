"""How banmian fares on text other extractors pull out of the dev pages' PDFs.

    python bench/extractor_dumps.py [--extractors all|NAME,...] [--pages 1-60]
                                    [--out /tmp/extractor-dumps] [--remake] [--per-page]

The dev pages ship three dumps (pdftotext, pdftotext -raw, PyMuPDF `get_text()`) and
bench/layout_dumps.py makes the fourth (`pdftotext -layout`); users hold others too. This script
makes each extractor's dump of every page's PDF (../shared/data/pages-dev/page_NNNN.pdf or
$BANMIAN_SHARED's) into --out (outside the repository; made once, --remake to make again), runs
banmian on the dump FILE as a user would (`banmian.pipeline.iter_pages`: encoding detection,
byte order mark, CR/CRLF line ends and form feeds included), scores it against the gold with
bench/metrics.py (the numbers of bench/eval.py) and checks the character-coverage invariant of
bench/eval.py against the text banmian decoded. Prints one row per (extractor, page split).

Extractors (the first four are bench/eval.py's kinds, for comparison):
  pdftotext       the shipped `pdftotext -enc UTF-8` dump
  raw             the shipped `pdftotext -raw` dump
  pymupdf         the shipped PyMuPDF `page.get_text()` dump
  layout          `pdftotext -layout` (bench/layout_dumps.py's cache)
  nopgbrk         `pdftotext -nopgbrk -enc UTF-8` (no form feed after the page)
  eol_dos         `pdftotext -eol dos -enc UTF-8` (CRLF line ends)
  eol_mac         `pdftotext -eol mac -enc UTF-8` (CR line ends)
  eol_crcrlf      eol_dos's dump written again in text mode on Windows (CR CR LF line ends)
  gbk             `pdftotext -enc GBK` (bytes in GBK, read by banmian's encoding detection)
  utf16           `pdftotext -enc UTF-16` (UTF-16 with its byte order mark)
  pdfium_range    pypdfium2 `PdfTextPage.get_text_range()` (CRLF line ends; what PDFium-based
                  viewers such as Chrome's copy on select-all + copy)
  pdfium_bounded  pypdfium2 `PdfTextPage.get_text_bounded()` (the whole page box)
  copy_utf8bom    pdfium_range's text saved as Windows Notepad saves UTF-8: byte order mark, CRLF
  copy_utf16le    the same saved as Notepad's "Unicode": UTF-16LE with its byte order mark
  mupdf_sort      PyMuPDF `page.get_text(sort=True)`
  mupdf_blocks    PyMuPDF text blocks, `"\\n".join(b[4] for b in page.get_text("blocks"))`
  mupdf_words     PyMuPDF `page.get_text("words")`, words of a line joined with a space, one
                  line a line
Cost: ~0.1-0.3 s a page and extractor (pure run); making the dumps ~1 s a page.
"""
from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/extractor_dumps.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (SPLIT_LABELS, DevPage, ensure_importable, load_pages, parse_range,
                          skipped_without_data, split_of)
from bench.eval import check_invariant, merge_page_dicts, render_table
from bench.metrics import aggregate, score_page

ensure_importable()

DEFAULT_OUT = Path("/tmp/extractor-dumps")
SHIPPED = ("pdftotext", "raw", "pymupdf")


def _pdftotext(*options: str):
    def make(pdf: Path) -> bytes:
        return subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True,
                              capture_output=True).stdout
    return make


def _pdfium(bounded: bool):
    def make(pdf: Path) -> bytes:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(pdf))
        try:
            tp = doc[0].get_textpage()
            return (tp.get_text_bounded() if bounded else tp.get_text_range()).encode("utf-8")
        finally:
            doc.close()
    return make


def _mupdf(how: str):
    def make(pdf: Path) -> bytes:
        import pymupdf

        with pymupdf.open(str(pdf)) as doc:
            page = doc[0]
            if how == "sort":
                text = page.get_text(sort=True)
            elif how == "blocks":
                text = "\n".join(b[4] for b in page.get_text("blocks") if b[6] == 0)
            else:  # words: (x0, y0, x1, y1, word, block_no, line_no, word_no)
                lines: dict[tuple[int, int], list[str]] = {}
                for w in page.get_text("words"):
                    lines.setdefault((w[5], w[6]), []).append(w[4])
                text = "".join(" ".join(ws) + "\n" for ws in lines.values())
        return text.encode("utf-8")
    return make


def _doubled_line_ends(pdf: Path) -> bytes:
    """pdftotext's dump with its CRLF line ends written once more through a text-mode file on
    Windows: CR CR LF, which reads as a blank line after every line."""
    return _pdftotext("-eol", "dos", "-enc", "UTF-8")(pdf).replace(b"\r\n", b"\r\r\n")


def _saved_as(codec: str, bom: bytes):
    """pypdfium2's text (CRLF line ends, as viewers copy it) saved by an editor in `codec` with `bom`."""
    def make(pdf: Path) -> bytes:
        return bom + _pdfium(False)(pdf).decode("utf-8").encode(codec)
    return make


EXTRACTORS = {
    "nopgbrk": _pdftotext("-nopgbrk", "-enc", "UTF-8"),
    "eol_dos": _pdftotext("-eol", "dos", "-enc", "UTF-8"),
    "eol_mac": _pdftotext("-eol", "mac", "-enc", "UTF-8"),
    "eol_crcrlf": _doubled_line_ends,
    "gbk": _pdftotext("-enc", "GBK"),
    "utf16": _pdftotext("-enc", "UTF-16"),
    "pdfium_range": _pdfium(False),
    "pdfium_bounded": _pdfium(True),
    "copy_utf8bom": _saved_as("utf-8", codecs.BOM_UTF8),
    "copy_utf16le": _saved_as("utf-16-le", codecs.BOM_UTF16_LE),
    "mupdf_sort": _mupdf("sort"),
    "mupdf_blocks": _mupdf("blocks"),
    "mupdf_words": _mupdf("words"),
}
ALL = (*SHIPPED, "layout", *EXTRACTORS)


def dump_file(name: str, page: DevPage, out: Path, remake: bool = False) -> Path:
    """The file of `page` as extractor `name` dumps it (made into `out` on first use)."""
    if name in SHIPPED or name == "layout":
        return page.dump_path(name)
    folder = hashlib.sha256(str(page.dir.resolve()).encode()).hexdigest()[:8]  # one per data set
    path = out / folder / name / f"{page.name}.txt"
    if remake or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(EXTRACTORS[name](page.dir / f"{page.name}.pdf"))
        tmp.replace(path)
    return path


def run_file(path: Path) -> tuple[dict, str, str]:
    """banmian's page dict of a dump file, the text it decoded (for the invariant), and the
    error it raised ("" when none)."""
    from banmian.pipeline import iter_pages
    from banmian.readers.text import read_pages
    from banmian.writers.json import page_to_dict

    try:
        text = "\n".join(ln for *_, lines in read_pages(str(path)) for ln in lines)
        return merge_page_dicts([page_to_dict(p) for p in iter_pages(str(path))]), text, ""
    except Exception as exc:  # scored as an empty page
        return {"articles": [], "unassigned": [], "page": {"header": []}}, "", f"{type(exc).__name__}: {exc}"


def evaluate(names: list[str], pages: list[DevPage], out: Path, remake: bool = False) -> list[dict]:
    """One record per (extractor, page): scores, invariant, error."""
    runs = []
    for name in names:
        for page in pages:
            pred, text, error = run_file(dump_file(name, page, out, remake))
            ok = check_invariant(text, pred)[0] if not error else False
            runs.append({"name": name, "page": page.no, "split": split_of(page.no),
                         "scores": score_page(page.gold, pred), "invariant": ok, "error": error})
    return runs


COLUMNS = (("body", "body_char_acc"), ("para", "para_f1"), ("exact", "article_exact"),
           ("head", "headline_acc"), ("byline", "byline_acc"), ("source", "source_acc"))


def format_table(runs: list[dict]) -> str:
    header = ["extractor", "pages", *(h for h, _ in COLUMNS), "invariant", "errors"]
    body = []
    keys = list(dict.fromkeys((r["name"], r["split"]) for r in runs))
    for name, split in keys:
        group = [r for r in runs if (r["name"], r["split"]) == (name, split)]
        agg = aggregate([r["scores"] for r in group])
        body.append([name, SPLIT_LABELS[split],
                     *("-" if agg[k] is None else f"{agg[k]:.4f}" for _, k in COLUMNS),
                     f"{sum(r['invariant'] for r in group)}/{len(group)}",
                     str(sum(bool(r["error"]) for r in group))])
    return render_table(header, body, left=2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extractors", default="all", help=f"comma list of {', '.join(ALL)} (default all)")
    ap.add_argument("--pages", default="1-60")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the dumps are made")
    ap.add_argument("--remake", action="store_true", help="make the dumps again")
    ap.add_argument("--per-page", action="store_true", help="also print body/head per page")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write every page's scores as JSON")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    names = list(ALL) if args.extractors == "all" else [x.strip() for x in args.extractors.split(",")]
    if bad := [n for n in names if n not in ALL]:
        raise SystemExit(f"unknown extractor(s) {bad}; choose from {', '.join(ALL)}")
    runs = evaluate(names, load_pages(parse_range(args.pages)), args.out, args.remake)
    if args.per_page:
        for r in runs:
            s = r["scores"]
            print(f"{r['name']:15s} {r['page']:3d} body {s['body_char_acc']} head {s['headline_acc']} "
                  f"inv {'ok' if r['invariant'] else 'FAIL'} {r['error']}")
    print(format_table(runs))
    if args.json:
        args.json.write_text(json.dumps(runs, ensure_ascii=False), encoding="utf-8")
    for r in [r for r in runs if r["error"]][:5]:
        print(f"  {r['name']} page {r['page']}: {r['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
