"""OCR engines: a page image in, recognised lines out, each with its box, its characters' boxes
and per-character confidences (pixel coordinates, origin top-left, y down).

`RapidOcr` runs rapidocr-onnxruntime (Apache-2.0; PP-OCRv4 detection and recognition models
ship in its wheel, nothing is downloaded at run time): `pip install 'banmian[ocr]'`.
`Tesseract` runs the `tesseract` program with its `chi_sim` model (Debian: tesseract-ocr,
tesseract-ocr-chi-sim), when it is on PATH. Both give `OcrLine`s, which are plain data (JSON
round-trips them: `bench/ocr.py` caches engine output that way).
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from typing import NamedTuple

from banmian.errors import BadInput

ENGINES = ("rapidocr", "tesseract")
OCR_MAX_SIDE = 4500  # px handed to the detector: a broadsheet at 200 dpi is ~3100×4300, so body
# text keeps its ~26 px; rapidocr's own default (2000) shrank dev page 41's body to 15 px
TESSERACT_TIMEOUT_S = 1800  # one page: tesseract chi_sim took over 600 s on a 200-dpi broadsheet
# (dev page 41, one thread, a busy machine)


class OcrChar(NamedTuple):
    text: str
    x0: float
    y0: float  # top
    x1: float
    y1: float  # bottom
    confidence: float  # 0..1


class OcrLine(NamedTuple):
    """One recognised line: its text, box (x0, top, x1, bottom) in pixels, mean confidence,
    and its characters (every character of `text`, spaces excluded, in reading order)."""

    text: str
    box: tuple[float, float, float, float]
    confidence: float
    chars: list[OcrChar]


class OcrUnavailable(BadInput):
    """The OCR engine asked for is not installed."""


def line_from_json(obj) -> OcrLine:
    """An `OcrLine` back from its JSON form (lists in place of tuples)."""
    text, box, conf, chars = obj
    return OcrLine(text, tuple(box), conf, [OcrChar(*c) for c in chars])


VERTICAL_RATIO = 2.0  # a line box this many times taller than wide is a column of vertical text
# (two glyphs at least; rapidocr itself reads crops 1.5× taller than wide as columns)


def is_vertical_box(box) -> bool:
    """Whether a line box is a column of vertical text (tall and narrow)."""
    return (box[3] - box[1]) >= VERTICAL_RATIO * max(box[2] - box[0], 1.0)


def vertical_line(text: str, box, confs, score: float) -> OcrLine:
    """A column of vertical text: its characters spread evenly from top to bottom."""
    text = text.replace(" ", "")
    step = (box[3] - box[1]) / max(len(text), 1)
    confs = confs or [score] * len(text)
    chars = [OcrChar(ch, box[0], box[1] + i * step, box[2], box[1] + (i + 1) * step, float(c))
             for i, (ch, c) in enumerate(zip(text, confs))]
    return OcrLine(text, tuple(box), score, chars)


def _quad_box(quad) -> tuple[float, float, float, float]:
    xs = [float(p[0]) for p in quad]
    ys = [float(p[1]) for p in quad]
    return (min(xs), min(ys), max(xs), max(ys))


class RapidOcr:
    """rapidocr-onnxruntime, on `threads` CPU threads (1: the speed benchmark's one core)."""

    name = "rapidocr"

    def __init__(self, threads: int | None = None):
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError:
            raise OcrUnavailable("OCR needs rapidocr-onnxruntime: pip install 'banmian[ocr]'") from None
        n = threads if threads else -1
        self._engine = RapidOCR(max_side_len=OCR_MAX_SIDE, intra_op_num_threads=n, inter_op_num_threads=n)

    def __call__(self, rgb) -> list[OcrLine]:
        """Lines of an RGB image (a numpy array, height × width × 3). The recogniser reads a
        column of vertical text top to bottom itself (it turns tall crops a quarter); its
        characters are then spread evenly down the column."""
        result, _ = self._engine(rgb, return_word_box=True)
        return [self._line(row) for row in result or ()]

    @staticmethod
    def _line(row) -> OcrLine:
        quad, text, score = row[0], row[1], float(row[2])
        boxes, texts, confs = (row[3], row[4], row[5]) if len(row) >= 6 else ([], [], [])
        box = _quad_box(quad)
        if is_vertical_box(box):
            return vertical_line(text, box, confs if len(confs) == len(text.replace(" ", "")) else None, score)
        chars = []
        if len(texts) == len(boxes) == len(confs) and "".join(texts) == text.replace(" ", ""):
            chars = [OcrChar(t, *_quad_box(q), float(c)) for t, q, c in zip(texts, boxes, confs)]
        return OcrLine(text, box, score, chars)


class Tesseract:
    """The `tesseract` program with `chi_sim` (words and confidences from its TSV output)."""

    name = "tesseract"

    def __init__(self, threads: int | None = None, lang: str = "chi_sim", timeout: float = TESSERACT_TIMEOUT_S):
        self._timeout = timeout
        self._exe = shutil.which("tesseract")
        if not self._exe:
            raise OcrUnavailable("--ocr-engine tesseract needs the tesseract program "
                                 "(Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
        self._lang = lang
        self._env = dict(os.environ, OMP_THREAD_LIMIT=str(threads or 1))

    def __call__(self, rgb) -> list[OcrLine]:
        from PIL import Image

        buf = io.BytesIO()
        Image.fromarray(rgb).save(buf, format="PNG")
        try:
            proc = subprocess.run([self._exe, "stdin", "stdout", "-l", self._lang, "--psm", "3", "tsv"],
                                  input=buf.getvalue(), capture_output=True, timeout=self._timeout,
                                  env=self._env, check=False)
        except subprocess.TimeoutExpired:
            raise BadInput(f"tesseract took over {self._timeout:.0f} s on one page") from None
        if proc.returncode != 0:
            msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise BadInput(f"tesseract failed: {msg[-1] if msg else proc.returncode}")
        return tesseract_lines(proc.stdout.decode("utf-8", "replace"))


def tesseract_lines(tsv: str) -> list[OcrLine]:
    """`OcrLine`s from tesseract's TSV: words (level 5) grouped by block, paragraph and line;
    each word's box spread evenly over its characters (chi_sim words are a few characters)."""
    groups: dict[tuple, list[OcrChar]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        x, y, w, h = (float(row[k]) for k in ("left", "top", "width", "height"))
        conf = max(float(row.get("conf") or 0), 0.0) / 100
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        step = w / len(word)
        groups.setdefault(key, []).extend(
            OcrChar(ch, x + i * step, y, x + (i + 1) * step, y + h, conf) for i, ch in enumerate(word))
    lines = []
    for chars in groups.values():
        box = (min(c.x0 for c in chars), min(c.y0 for c in chars), max(c.x1 for c in chars), max(c.y1 for c in chars))
        lines.append(OcrLine("".join(c.text for c in chars), box, sum(c.confidence for c in chars) / len(chars), chars))
    return lines


def make_engine(name: str = "rapidocr", threads: int | None = None):
    """The OCR engine called `name` (rapidocr or tesseract); `OcrUnavailable` when not installed."""
    if name == "rapidocr":
        return RapidOcr(threads)
    if name == "tesseract":
        return Tesseract(threads)
    raise BadInput(f"unknown OCR engine {name!r} (choose from {', '.join(ENGINES)})")


def engine_available(name: str = "rapidocr") -> bool:
    """Whether the engine can run here (its package or program is installed)."""
    if name == "tesseract":
        return shutil.which("tesseract") is not None
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True
