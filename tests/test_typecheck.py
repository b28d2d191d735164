"""The modules setup.py compiles with mypyc type-check clean.

mypyc refuses a module mypy rejects, and the build then falls back to pure Python for the whole
text path (slower, and silently so: `make build` only prints "pure Python"). Checking here makes
a wrong annotation fail the suite instead (a merged module once reused a loop variable with
another type and the build fell back)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def compiled_modules() -> list[str]:
    """The paths of setup.py's COMPILED list (read from its syntax tree: importing setup.py runs
    setup())."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "COMPILED" for t in node.targets):
            names = node.value.generators[0].iter  # [f"banmian/{name}.py" for name in (...)]
            return [f"banmian/{c.value}.py" for c in names.elts]
    raise AssertionError("setup.py has no COMPILED list")


def test_compiled_list_names_existing_modules():
    mods = compiled_modules()
    assert len(mods) > 40
    missing = [m for m in mods if not (ROOT / "src" / m).exists()]
    assert not missing


def test_compiled_modules_type_check():
    pytest.importorskip("mypy", reason="mypy not installed (pip install -e '.[test]')")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--ignore-missing-imports",
                           *compiled_modules()], cwd=ROOT / "src", capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]


def test_last_build_did_not_fall_back_on_mypyc():
    """A build where mypy or mypyc refused the sources runs everything as pure Python; setup.py
    records why (banmian/_build_fallback.txt). That is a bug in the sources: fail. A machine
    without a C compiler or Python headers (`c-compiler: …`) is not: skip, saying so."""
    from banmian import _compiled

    assert _compiled.mypyc_refused() is None, f"make build fell back to pure Python: {_compiled.mypyc_refused()}"
    fallback = _compiled.build_fallback()
    if fallback:
        pytest.skip(f"built as pure Python on this machine: {fallback}")


def test_pure_reason_names_the_build_fallback(tmp_path, monkeypatch):
    from banmian import _compiled

    monkeypatch.delenv("BANMIAN_PURE", raising=False)
    marker = tmp_path / "_build_fallback.txt"
    monkeypatch.setattr(_compiled, "FALLBACK", marker)
    assert _compiled.build_fallback() is None
    marker.write_text("mypyc: should have been handled in Tuple/List/Set/DictExpr\n", encoding="utf-8")
    assert _compiled.build_fallback().startswith("mypyc: should have been handled")
    assert _compiled.mypyc_refused() == _compiled.build_fallback()
    marker.write_text("c-compiler: command 'gcc' failed\n", encoding="utf-8")
    assert _compiled.mypyc_refused() is None
    marker.write_text("mypyc: should have been handled in Tuple/List/Set/DictExpr\n", encoding="utf-8")
    assert "the last build fell back (mypyc:" in _compiled.pure_reason()
