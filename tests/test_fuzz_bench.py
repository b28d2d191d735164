"""bench/fuzz.py on made-up pages only (no shared data): a few seeded inputs pass, and a stage
made to raise is caught, saved and shrunk (so the harness can fail)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import fuzz, fuzz_inputs  # noqa: E402

SEED, INPUTS = 7, 40


def test_made_up_inputs_are_reproducible_and_pass(tmp_path):
    pools = fuzz_inputs.Pools({}, [fuzz.MADE_KIND])
    assert fuzz_inputs.make_input(SEED, 3, pools).text == fuzz_inputs.make_input(SEED, 3, pools).text
    report = fuzz.run(SEED, INPUTS, kinds=[fuzz.MADE_KIND], out=tmp_path, log=lambda m: None)
    assert report.inputs == INPUTS
    assert report.failures == 0, fuzz.table(report)
    assert not list(tmp_path.iterdir())  # no failure saved, and no input left running


def test_a_stage_that_raises_is_caught_saved_and_minimized(tmp_path):
    from banmian.stages import STAGES

    first = STAGES[0]

    def planted(page):
        if any("桥" in ln.raw for ln in page.lines):
            raise RuntimeError("planted bug")
        return first(page)
    STAGES[0] = planted  # the list the pipeline runs (banmian.stages is not compiled)
    try:
        report = fuzz.run(SEED, INPUTS, kinds=[fuzz.MADE_KIND], out=tmp_path, log=lambda m: None)
        saved = sorted(tmp_path.glob("fuzz-*.txt"))
        info = json.loads(saved[0].with_suffix(".json").read_text(encoding="utf-8"))
        smallest = fuzz.minimize(fuzz.read_text(saved[0]), info["signature"], seconds=60)
    finally:
        STAGES[0] = first
    assert report.failures > 0 and report.runs[fuzz.MADE_KIND, "crash"] == report.failures
    assert list(report.signatures) == ["crash RuntimeError pipeline.py:run_stages"]
    assert "crash" in fuzz.table(report)
    assert len(saved) == report.failures
    assert info["failure"] == "crash" and "planted bug" in info["detail"]
    assert smallest == "桥"
