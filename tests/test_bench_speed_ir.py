"""bench/speed_ir.py: the instructions read from a valgrind output file, and the warm pass."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.speed_ir import instructions_in, warm_pass_per_page  # noqa: E402

# invented outputs, shaped as cachegrind's and callgrind's files
CACHEGRIND_OUT = """desc: I1 cache: none
cmd: python x.py
events: Ir
fl=x.c
fn=main
3 120
4 80
summary: 200
"""
CALLGRIND_OUT = """version: 1
events: Ir Dr
fn=(1) main
5 300 7
totals: 9300 41
summary: 9300 41
"""


def test_the_total_is_read_from_cachegrind_and_callgrind_files():
    assert instructions_in(CACHEGRIND_OUT) == 200
    assert instructions_in(CALLGRIND_OUT) == 9300


def test_a_file_without_a_total_is_refused():
    with pytest.raises(ValueError):
        instructions_in("events: Ir\nfn=main\n3 120\n")


def test_the_warm_pass_is_the_extra_of_the_long_run_per_pass_and_page():
    assert warm_pass_per_page(one=1000, many=1600, passes=4, pages=10) == 20.0
