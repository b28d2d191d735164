"""bench/speed.py: the end-to-end parse runs and the report follow --no-entities."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.speed import format_report, parse_command, run_measured  # noqa: E402

TP = {"pages": 60, "repeats": 1, "best_pages_per_s": 210.0, "median_pages_per_s": 200.0}


def test_the_parse_command_leaves_entities_out_only_when_asked(tmp_path):
    page = tmp_path / "p.txt"
    assert "--no-entities" not in parse_command(page)[0]
    assert "--no-entities" in parse_command(page, entities=False)[0]


def test_the_report_says_whether_entities_ran():
    mem = [{"pages": 60, "seconds": 1.0, "pages_per_s": 60.0, "peak_rss_mb": 80.0, "exit": 0, "stderr": ""}]
    off = format_report(TP, mem, "x", entities=False)
    assert "entities off" in off and "--no-entities" in off
    on = format_report(TP, mem, "x")
    assert "entities on" in on and "--no-entities" not in on


def test_the_parse_command_runs_without_entities(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("本报讯 这是一篇很短的报道。\n", encoding="utf-8")
    rc, _, rss, tail = run_measured(parse_command(page, entities=False)[0])
    assert rc == 0, tail
    assert rss > 0


def test_the_long_page_row_parses_one_made_up_page_of_n_lines():
    """bench/speed.py --long-page (bench/long_page.py): one page of N made-up lines in a child
    process, its seconds per 1,000 lines and the character invariant."""
    from bench.long_page import format_rows, long_lines, measure
    assert len(long_lines("made", 300)) == 300
    row = measure("made", 300)
    assert row["lines"] == 300 and row["pages"] == 1 and row["invariant"]
    assert row["s_per_1000"] == row["seconds"] * 1000 / 300 and row["peak_rss_mb"] > 0
    assert "holds" in format_rows([row])
