"""bench/loose_gains.py: a merge's characters mended on a made-up page and its gold."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for p in (REPO, REPO / "tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from columns_text import column_lines  # noqa: E402
from test_lead_rests import FOOTBALL, FOOTBALL2, HEAD, LEAD, REST, SNOW  # noqa: E402

from bench.loose_gains import page_rows  # noqa: E402

OPENING = LEAD.split("）", 1)[1]  # no lead-in: lead_rests leaves the rest alone, loose_pieces weighs it


def floors(**kw) -> argparse.Namespace:
    a = dict(top=1, min_prob=0.6, min_cos=0.1, min_margin=0.03, adj_cos=0.05, adj_margin=0.0)
    return argparse.Namespace(**{**a, **kw})


def write_page(folder: Path, rest_owner: str) -> None:
    lines = [HEAD, "", *column_lines(OPENING), "", "主队主场力克客队", "", *column_lines(FOOTBALL), "",
             "北方多地迎来降雪", "", *column_lines(SNOW), "", *column_lines(FOOTBALL2), "", *column_lines(REST)]
    (folder / "page_0001.pdftotext.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rice = [OPENING, REST] if rest_owner == "rice" else [OPENING]
    articles = [{"headline": HEAD, "paragraphs": rice},
                {"headline": "主队主场力克客队", "paragraphs": [FOOTBALL, FOOTBALL2]},
                {"headline": "北方多地迎来降雪", "paragraphs": [SNOW]}]
    if rest_owner != "rice":
        articles.append({"headline": None, "paragraphs": [REST]})
    (folder / "page_0001.gold.json").write_text(json.dumps({"articles": articles}, ensure_ascii=False), encoding="utf-8")


def test_a_merge_into_its_own_article_mends_the_rest(tmp_path):
    write_page(tmp_path, "rice")
    [row] = page_rows(tmp_path, 1, floors())
    # before, the rest alone matched the report (it is the longer part): the opening was lost
    assert row["same"] and row["piece_matched"] and row["gain"] == len(OPENING)


def test_a_merge_of_an_article_of_its_own_costs_it(tmp_path):
    write_page(tmp_path, "itself")
    [row] = page_rows(tmp_path, 1, floors())
    assert not row["same"] and row["piece_matched"] and row["gain"] < 0


def test_floors_above_the_candidate_try_nothing(tmp_path):
    write_page(tmp_path, "rice")
    assert page_rows(tmp_path, 1, floors(min_prob=0.99)) == []
