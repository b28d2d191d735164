"""The compiled build and the tests that patch module attributes.

mypyc-compiled modules (setup.py) call each other's functions directly and keep some module
constants in C, so a test that patches a compiled module's attribute (`monkeypatch.setattr(
module, "rule", ...)`, to turn a rule off) would not see its patch take effect. Such a test
is marked `pure_python`: it is skipped when banmian runs compiled, and `make test` runs the
marked tests again in a pure-Python process (BANMIAN_PURE=1). A test that patches a compiled
module without the mark fails, saying so.
"""
from __future__ import annotations

import sys
from importlib.machinery import EXTENSION_SUFFIXES
from types import ModuleType

import pytest

import banmian

PURE_REASON = "patches a compiled module: run with BANMIAN_PURE=1 (make test does)"


def is_compiled(target: object) -> bool:
    """Whether `target` (a module, or a dotted name whose module part is imported) is a module
    loaded from a C extension."""
    if isinstance(target, str):
        target = sys.modules.get(target.rpartition(".")[0])
    return isinstance(target, ModuleType) and str(getattr(target, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "pure_python: the test patches module attributes (see tests/conftest.py)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if banmian.COMPILED:
        for item in items:
            if item.get_closest_marker("pure_python"):
                item.add_marker(pytest.mark.skip(reason=PURE_REASON))


@pytest.fixture(autouse=True)
def _no_patching_compiled_modules(request: pytest.FixtureRequest):
    """Fail a test that patches a compiled module without being marked `pure_python` (any
    MonkeyPatch's setattr, `monkeypatch.context()`'s too)."""
    if not banmian.COMPILED or request.node.get_closest_marker("pure_python"):
        yield
        return
    setattr_ = pytest.MonkeyPatch.setattr

    def checked_setattr(self, target, *args, **kwargs):
        if is_compiled(target):
            name = target if isinstance(target, str) else f"{target.__name__}.{args[0]}"
            pytest.fail(f"{request.node.nodeid} patches {name} of a compiled module: mark it "
                        f"@pytest.mark.pure_python (tests/conftest.py)")
        return setattr_(self, target, *args, **kwargs)

    pytest.MonkeyPatch.setattr = checked_setattr
    try:
        yield
    finally:
        pytest.MonkeyPatch.setattr = setattr_
