"""bench/speed_ab.py: an earlier revision's package loads beside today's under another name."""
from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs git and the repository")
def test_the_base_revision_is_extracted_as_a_package_of_its_own(tmp_path, monkeypatch):
    import bench.base_build
    from bench.speed_ab import BASE_NAME, extract_base

    monkeypatch.setattr(bench.base_build, "CACHE", tmp_path)
    src = extract_base("HEAD", compile=False)  # the build itself takes minutes: not tested here
    pkg = src / BASE_NAME
    texts = [p.read_text(encoding="utf-8") for p in pkg.rglob("*.py")]
    assert texts and not any("from banmian." in t or "import banmian\n" in t for t in texts)
    # the build's module list names the renamed package, so its extensions would be BASE_NAME's
    setup = (src.parent / "setup.py").read_text(encoding="utf-8")
    assert f'f"{BASE_NAME}/{{name}}.py"' in setup and '"banmian/' not in setup
    assert bench.base_build.tree_compiled(src, BASE_NAME).startswith("pure Python")
    assert extract_base("HEAD", compile=False) == src  # cached by commit
    sys.path.insert(0, str(src))
    try:
        base = importlib.import_module(f"{BASE_NAME}.rules.chars")
        assert base.__file__.startswith(str(src)) and base.text_em("城东") == 2.0
    finally:
        sys.path.remove(str(src))


def test_a_revision_git_does_not_know_is_a_clean_error(capsys):
    from bench.speed_ab import main

    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and the repository")
    from bench.common import data_available

    if not data_available():
        pytest.skip("needs the shared dev pages")
    assert main(["--base", "no-such-revision-xyz"]) == 2
    assert "git no-such-revision-xyz failed" in capsys.readouterr().err


def test_how_a_side_runs_follows_the_environment(monkeypatch):
    from bench.base_build import tree_compiled

    monkeypatch.setenv("BANMIAN_PURE", "1")
    assert tree_compiled(REPO / "src") == "pure Python (BANMIAN_PURE is set)"


def test_one_tree_s_table_puts_the_dearest_step_first_and_sums_to_the_total():
    from bench.speed_ab import stage_table

    rows = stage_table({"cheap": 1.0, "dear": 4.0}).splitlines()
    assert rows[0].startswith("dear") and "80.0%" in rows[0]
    assert rows[1].startswith("cheap") and "20.0%" in rows[1]
    assert rows[-1].startswith("total") and "5.000" in rows[-1] and "pages/s 200.0" in rows[-1]


def test_one_tree_s_runner_times_every_stage(tmp_path):
    from banmian.stages import STAGES
    from bench.speed_ab import runner

    page = tmp_path / "page_0001.pdftotext.txt"
    page.write_text("城东大桥今天通车\n\n本报讯（记者 林晓）城东新建的大桥\n今天上午正式通车。\n", encoding="utf-8")
    spent = runner("banmian", [page], entities=True)()
    assert {stage.__name__ for stage in STAGES} <= set(spent)
    assert {"read", "json", "page_from_lines"} <= set(spent) and sum(spent.values()) > 0
