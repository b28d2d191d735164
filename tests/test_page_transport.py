"""A page can travel between stages: pickled to another process (a distributed runner) or
deep-copied, it comes back with the same output as a page that never left."""
from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from banmian.model import Source
from banmian.pipeline import page_from_lines, run_stages
from banmian.stages import STAGES
from banmian.writers.json import page_to_dict

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo_page.txt"


def _page():
    return page_from_lines(DEMO.read_text(encoding="utf-8").split("\n"), Source(path=str(DEMO)))


@pytest.mark.parametrize("travel", [lambda p: pickle.loads(pickle.dumps(p)), copy.deepcopy], ids=["pickle", "deepcopy"])
def test_a_page_moved_between_any_two_stages_gives_the_same_output(travel):
    expected = page_to_dict(run_stages(_page(), STAGES))
    for cut in range(1, len(STAGES)):
        moved = travel(run_stages(_page(), STAGES[:cut]))
        assert page_to_dict(run_stages(moved, STAGES[cut:])) == expected, STAGES[cut].__name__
