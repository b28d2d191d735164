"""The model-fitting scripts' page options (bench/logistic.dev_and_heldout)."""
import json

import pytest

pytest.importorskip("scipy")

from bench.logistic import dev_and_heldout  # noqa: E402


def _folder(tmp_path, numbers):
    for n in numbers:
        (tmp_path / f"page_{n:04d}.gold.json").write_text(json.dumps({"articles": []}), encoding="utf-8")
    return tmp_path


def test_pages_report_and_kind_choose_the_examples(tmp_path):
    d = _folder(tmp_path, [1, 2, 3, 5])
    seen = []

    def examples(n, folder, kind):
        seen.append((n, folder, kind))
        return [(n, kind)]

    fit, report, fit_label, report_label = dev_and_heldout(
        examples, "t", ["--dir", str(d), "--pages", "1-3", "--report", "4-5", "--kind", "raw"])
    assert fit == [(1, "raw"), (2, "raw"), (3, "raw")]
    assert report == [(5, "raw")]  # page 4 has no gold file in the folder
    assert {f for _, f, _ in seen} == {d}
    assert "1-3" in fit_label and "raw" in fit_label and "4-5" in report_label


def test_empty_report_and_default_kind(tmp_path):
    d = _folder(tmp_path, [1, 2])
    fit, report, _, _ = dev_and_heldout(lambda n, folder, kind: [kind], "t", ["--dir", str(d), "--pages", "1-2", "--report", ""])
    assert fit == ["pdftotext", "pdftotext"] and report == []


def test_missing_folder_says_skipped(tmp_path, capsys):
    assert dev_and_heldout(lambda n, folder, kind: [], "t", ["--dir", str(tmp_path / "none")]) is None
    assert "skipped" in capsys.readouterr().out
