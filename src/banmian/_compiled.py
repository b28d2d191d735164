"""Whether banmian runs its mypyc-compiled modules or pure Python (see setup.py).

The build compiles the text path's modules to C extensions that sit beside their .py files
and writes `_compiled.txt`: each compiled module and the SHA-256 of the source it was built
from. Python would import an extension before its source, even a stale one (an editable
install whose sources were edited or checked out since the build), and compiled modules call
each other directly, so one stale module cannot be swapped alone. Hence, before any other
banmian module is imported: when BANMIAN_PURE is set, when there is no manifest, or when a
source or an extension differs from the manifest, a finder loads every `banmian.*` module
from its source, and banmian runs as pure Python (same output, slower). `COMPILED` says
which; `PURE_REASON` why not.
"""
from __future__ import annotations

import hashlib
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, SOURCE_SUFFIXES, FileFinder, SourceFileLoader
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "_compiled.txt"
FALLBACK = PACKAGE_DIR / "_build_fallback.txt"  # setup.py: why the last build stayed pure


def build_fallback() -> str | None:
    """Why the last build fell back to pure Python although mypyc was installed
    (`mypyc: …` or `c-compiler: …`), or None."""
    try:
        return FALLBACK.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def mypyc_refused() -> str | None:
    """The recorded fallback when mypy or mypyc refused the sources (a bug in them, unlike a
    machine without a C compiler: `c-compiler: …`), else None."""
    fallback = build_fallback()
    return fallback if fallback and fallback.startswith("mypyc:") else None


def pure_reason() -> str | None:
    """Why the compiled modules may not run, or None when they may."""
    if os.environ.get("BANMIAN_PURE"):
        return "BANMIAN_PURE is set"
    fallback = build_fallback()
    if fallback:
        return f"the last build fell back ({fallback})"
    try:
        entries = [line.split() for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        return "not compiled"
    for module, digest in entries:
        base = PACKAGE_DIR.parent.joinpath(*module.split("."))
        try:
            source = base.with_suffix(".py").read_bytes()
        except OSError:
            return f"{module}: source missing"
        if hashlib.sha256(source).hexdigest() != digest:
            return f"{module}: source changed since the build (rebuild: make build)"
        if not any(base.with_name(base.name + suffix).exists() for suffix in EXTENSION_SUFFIXES):
            return f"{module}: extension missing"
    listed = {module for module, _ in entries}
    for path in PACKAGE_DIR.rglob("*.so"):  # one left from a build of another module list
        module = ".".join(path.relative_to(PACKAGE_DIR.parent).parts).split(".cpython-")[0].removesuffix(".so")
        if module not in listed:
            return f"{module}: extension not of this build (rebuild: make build)"
    return None


class SourceOnlyFinder:
    """A meta path finder that finds `banmian.*` modules as .py sources only."""

    @staticmethod
    def find_spec(fullname: str, path=None, target=None):
        if not fullname.startswith("banmian.") or not path:
            return None
        for entry in path:
            spec = FileFinder(entry, (SourceFileLoader, SOURCE_SUFFIXES)).find_spec(fullname)
            if spec is not None:
                return spec
        return None


PURE_REASON = pure_reason()
COMPILED = PURE_REASON is None
if not COMPILED and not any(isinstance(f, SourceOnlyFinder) for f in sys.meta_path):
    sys.meta_path.insert(0, SourceOnlyFinder())
