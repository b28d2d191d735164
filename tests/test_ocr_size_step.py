"""A detected OCR line that steps from one type size to another is cut there
(`banmian.readers.ocr_sizes.size_step`): two headline blocks set side by side, their lines a few
points apart on one baseline."""
from __future__ import annotations

import pytest

from banmian.readers.ocr_engines import OcrChar, OcrLine
from banmian.readers.ocr_punct import split_at_gaps
from banmian.readers.ocr_sizes import size_step

np = pytest.importorskip("numpy")

TOP, BOTTOM = 10, 60  # the fused box, pixels


def _set(gray, text: str, x: float, pitch: float, ink: int) -> list[OcrChar]:
    """Glyphs `ink` px tall (bottom-aligned at 55), `pitch` px apart from x, drawn into `gray`."""
    chars = []
    for i, ch in enumerate(text):
        x0 = x + i * pitch
        w = int(ink * 0.9)
        gray[55 - ink:55, int(x0):int(x0) + w:2] = 0
        chars.append(OcrChar(ch, x0, TOP, x0 + w, BOTTOM, 0.99))
    return chars


def _fused(parts) -> tuple[OcrLine, np.ndarray]:
    gray = np.full((80, 1200), 255, dtype=np.uint8)
    chars = [c for text, x, pitch, ink in parts for c in _set(gray, text, x, pitch, ink)]
    text = "".join(c.text for c in chars)
    return OcrLine(text, (chars[0].x0, TOP, chars[-1].x1, BOTTOM), 0.99, chars), gray


def test_a_small_headline_and_a_large_one_on_one_baseline_are_cut_apart():
    line, gray = _fused([("中医研究院博士通关记", 10, 26, 20), ("通医院耳鼻喉疾病专家", 280, 46, 40)])
    assert [p.text for p in split_at_gaps(line, gray)] == ["中医研究院博士通关记", "通医院耳鼻喉疾病专家"]


def test_letter_spacing_that_changes_is_no_size_step():
    """Wider pitch at the same ink height: one headline, letter-spaced in part."""
    line, gray = _fused([("中医研究院博士通关记", 10, 26, 30), ("通医院耳鼻喉疾病专家", 280, 46, 30)])
    assert size_step(line, gray) is None
    assert len(split_at_gaps(line, gray)) == 1


def test_one_size_throughout_is_not_cut():
    line, gray = _fused([("中医研究院博士通关记通医院耳鼻喉疾病专家", 10, 26, 20)])
    assert size_step(line, gray) is None


def test_half_width_digits_in_a_line_are_no_step():
    """Digits are set at half the pitch of ideographs, at their height: not another size."""
    line, gray = _fused([("去年全市产值达", 10, 26, 20), ("4000", 192, 13, 20), ("多万元带动农民致富", 244, 26, 20)])
    assert size_step(line, gray) is None
