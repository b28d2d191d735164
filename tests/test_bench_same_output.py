"""bench/same_output.py: an earlier revision's JSON, as the working tree would write it."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs git and the repository")
def test_the_base_package_writes_the_schema_name_unrenamed(tmp_path, monkeypatch):
    import bench.base_build
    from bench.same_output import writer
    from bench.speed_ab import BASE_NAME, extract_base

    monkeypatch.setattr(bench.base_build, "CACHE", tmp_path)
    src = extract_base("HEAD", compile=False)
    sys.path.insert(0, str(src))
    try:
        got = writer(BASE_NAME)(REPO / "examples" / "demo_page.txt", False)
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m.split(".")[0] == BASE_NAME]:
            del sys.modules[name]  # other tests load their own base package under the same name
    assert got.startswith('{"schema":"banmian.page/1"') and BASE_NAME not in got
