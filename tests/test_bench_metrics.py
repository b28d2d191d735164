"""bench/metrics.py must give the numbers of the reference scorer shared/tools/score.py.

The agreement tests run score.py as a subprocess on several dev pages, for banmian's output, for
the naive baselines' output and for perturbed copies of the gold (which exercise every metric,
including headline/byline/source and paragraph boundaries). They skip when the shared data is
absent (shared/ beside the repository, or $BANMIAN_SHARED). The other tests need no data.
"""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import metrics  # noqa: E402
from bench.baselines import blocks, naive_blocks, naive_page  # noqa: E402
from bench.common import floor2, parse_range  # noqa: E402

SHARED = Path(os.environ.get("BANMIAN_SHARED") or Path(__file__).resolve().parents[2] / "shared")
PAGES_DIR = SHARED / "data" / "pages-dev"
SCORE_PY = SHARED / "tools" / "score.py"
AGREEMENT_PAGES = (1, 7, 18, 33, 41, 56)

needs_shared = pytest.mark.skipif(
    not (SCORE_PY.exists() and PAGES_DIR.is_dir()),
    reason=f"shared data not found at {SHARED} (set BANMIAN_SHARED to the shared/ folder)")


# --- hand-checked cases (no data needed) -----------------------------------------------------

def art(paragraphs, **fields):
    return {"paragraphs": paragraphs, **fields}


def test_perfect_prediction_scores_one():
    gold = {"articles": [art(["第一段。", "第二段。"], headline="标题", byline="本报讯"),
                         art(["另一篇文章的正文。"], kicker="引题", headline="主题")]}
    s = metrics.score_page(gold, copy.deepcopy(gold))
    assert s["matched"] == 2 and s["extra_chars"] == 0
    for k in ("body_char_acc", "para_f1", "article_exact", "headline_acc", "headline_roles_acc",
              "byline_acc", "source_acc"):
        assert s[k] == 1.0, k
    assert s["reporters_acc"] is None  # gold has no reporters field


def test_norm_nfkc_and_whitespace():
    assert metrics.norm("１９９８年 1月\u3000\n") == "1998年1月"
    assert metrics.norm(None) == ""


def test_byline_stripped_from_first_paragraph():
    gold = art(["本报讯（记者 王某）今天开会。"], byline="本报讯（记者 王某）")
    assert metrics.body_paragraphs(gold) == ["今天开会。"]
    # prediction without the byline in its paragraph matches exactly
    pred = {"articles": [art(["今天开会。"], byline="本报讯（记者王某）")]}
    s = metrics.score_page({"articles": [gold]}, pred)
    assert s["article_exact"] == 1.0 and s["byline_acc"] == 1.0


def test_unmatched_gold_counts_fully_and_extra_counted():
    gold = {"articles": [art(["甲" * 10]), art(["乙" * 30])]}
    pred = {"articles": [art(["甲" * 10]), art(["丙丁" * 5])]}
    s = metrics.score_page(gold, pred)
    assert s["matched"] == 1
    assert s["body_char_acc"] == round(1 - 30 / 40, 4)
    assert s["extra_chars"] == 10


def test_paragraph_boundaries_mapped_through_edits():
    gold = {"articles": [art(["一二三四五", "六七八九十", "甲乙丙丁戊"])]}
    # one boundary right (after an insertion), one missing, one spurious
    pred = {"articles": [art(["一二三X四五六七八九十", "甲乙", "丙丁戊"])]}
    s = metrics.score_page(gold, pred)
    tp, fp, fn = 1, 1, 1
    assert s["para_f1"] == round(2 * tp / (2 * tp + fp + fn), 4)
    assert metrics.map_boundaries("abXcd", "abcd", {3}) == {2}


def test_headline_roles():
    gold = {"articles": [art(["正文内容在这里。"], kicker="引", headline="主", subtitle="副")]}
    pred = {"articles": [art(["正文内容在这里。"], headline="引主副")]}
    s = metrics.score_page(gold, pred)
    assert s["headline_acc"] == 1.0 and s["headline_roles_acc"] == 0.0


def test_aggregate_weights_by_gold_articles():
    r1 = {"gold_articles": 1, "pred_articles": 2, "matched": 1, "extra_chars": 5,
          **{k: 1.0 for k in metrics.RATE_METRICS}}
    r2 = {"gold_articles": 3, "pred_articles": 3, "matched": 3, "extra_chars": 0,
          **{k: 0.0 for k in metrics.RATE_METRICS}, "reporters_acc": None}
    agg = metrics.aggregate([r1, r2])
    assert agg["body_char_acc"] == pytest.approx(0.25)
    assert agg["reporters_acc"] == 1.0  # only page 1 has it
    assert agg["extra_chars"] == 5 and agg["gold_articles"] == 4 and agg["pages"] == 2


def test_baselines_shape():
    text = "标题\n\n第一段第一行\n第一段第二行\n\n第二段\n\f"
    assert blocks(text) == ["标题", "第一段第一行第一段第二行", "第二段"]
    nb, npg = naive_blocks(text), naive_page(text)
    assert [a["paragraphs"] for a in nb["articles"]] == [["标题"], ["第一段第一行第一段第二行"], ["第二段"]]
    assert len(npg["articles"]) == 1 and len(npg["articles"][0]["paragraphs"]) == 3
    assert all(a["headline"] is None for a in nb["articles"])


def test_floor2_and_ranges():
    assert floor2(0.57) == 0.57 and floor2(0.5799) == 0.57 and floor2(1.0) == 1.0
    assert parse_range("1-3,41,5") == [1, 2, 3, 5, 41]


def test_gate_floors_never_lowered():
    from bench.gate import below_floors, raised_floors

    floors = {"pdftotext": {"dev": {"body_char_acc": 0.8, "para_f1": 0.5}}, "invariant_pages": 60}
    measured = {"pdftotext": {"dev": {"body_char_acc": 0.7, "para_f1": 0.6789}},
                "invariant_pages": 59}
    new, changes = raised_floors(measured, floors)
    assert new["pdftotext"]["dev"] == {"body_char_acc": 0.8, "para_f1": 0.67}
    assert new["invariant_pages"] == 60 and len(changes) == 1
    problems = below_floors(measured, new)
    assert len(problems) == 2 and any("body_char_acc" in p for p in problems)


def test_local_invariant_counts_every_printed_field():
    from bench.eval import local_input_chars, local_printed_chars

    text = "头版 1\n标题\n本报讯 正文。\n图片说明\n"
    pred = {"page": {"header": ["头版 1"]},
            "articles": [{"headline": "标题", "byline": "本报讯", "paragraphs": ["正文。"],
                          "captions": []}],
            "unassigned": [{"kind": "caption", "text": "图片说明"}]}
    assert local_input_chars(text) == local_printed_chars(pred)
    pred["articles"][0]["paragraphs"] = ["正文。。"]
    assert local_input_chars(text) != local_printed_chars(pred)


# --- agreement with score.py on dev pages ----------------------------------------------------

def perturb(gold: dict) -> dict:
    """A deterministic imperfect prediction from the gold: every metric gets hits and misses."""
    arts = []
    for i, g in enumerate(gold["articles"]):
        a = {k: g.get(k) for k in ("kicker", "headline", "subtitle", "byline", "source",
                                   "paragraphs")}
        paras = list(a["paragraphs"])
        if i % 4 == 1 and len(paras) > 1:  # two paragraphs merged, a few characters lost
            paras[:2] = [paras[0] + paras[1][3:]]
        elif i % 4 == 2:  # byline left in the text, headline tiers in the wrong field
            paras[:1] = [(a["byline"] or "") + " " + (paras[0] if paras else "")]
            a["headline"] = "".join(x or "" for x in (a["kicker"], a["headline"], a["subtitle"]))
            a["kicker"] = a["subtitle"] = None
        elif i % 4 == 3:  # headline garbled, source lost, long articles cut in two
            a["headline"] = (a["headline"] or "") + "》"
            a["source"] = None
            if len(paras) > 2:
                arts.append({"headline": None, "paragraphs": paras[len(paras) // 2:]})
                paras = paras[:len(paras) // 2]
        a["paragraphs"] = paras
        arts.append(a)
    arts.append({"headline": "噪声", "paragraphs": ["责编 某某 校对 某某", "图为示意图"]})
    return {"articles": arts}


def reference_scores(gold_path: Path, preds: list[dict], tmp: Path) -> list[dict]:
    """score.py's numbers for each prediction (one subprocess each, two at a time)."""
    def run(i_pred):
        i, pred = i_pred
        p = tmp / f"pred_{i}.json"
        p.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run([sys.executable, str(SCORE_PY), str(gold_path), str(p)],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout)
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(run, enumerate(preds)))


def banmian_prediction(text: str, path: str) -> dict:
    from bench.eval import run_banmian

    return run_banmian(text, path)[0]


@needs_shared
@pytest.mark.parametrize("page_no", AGREEMENT_PAGES)
def test_agrees_with_score_py(page_no, tmp_path):
    name = f"page_{page_no:04d}"
    gold_path = PAGES_DIR / f"{name}.gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    cases = {"perturbed gold": perturb(gold)}
    for kind in ("pdftotext", "raw") if page_no % 2 else ("pdftotext", "pymupdf"):
        dump = PAGES_DIR / f"{name}.{kind}.txt"
        text = dump.read_text(encoding="utf-8")
        cases[f"banmian {kind}"] = banmian_prediction(text, str(dump))
        cases[f"naive_blocks {kind}"] = naive_blocks(text, str(dump))
    cases["naive_page pdftotext"] = naive_page((PAGES_DIR / f"{name}.pdftotext.txt").read_text(
        encoding="utf-8"))
    refs = reference_scores(gold_path, list(cases.values()), tmp_path)
    for (label, pred), ref in zip(cases.items(), refs):
        assert metrics.score_page(gold, pred) == ref, f"{name} {label}"


@needs_shared
def test_perturbed_gold_exercises_metrics():
    """Guard against a vacuous agreement test: the perturbed pages score strictly between 0 and 1."""
    gold = json.loads((PAGES_DIR / "page_0007.gold.json").read_text(encoding="utf-8"))
    s = metrics.score_page(gold, perturb(gold))
    for k in ("body_char_acc", "para_f1", "article_exact", "headline_acc", "headline_roles_acc"):
        assert 0 < s[k] < 1, (k, s)
    assert s["extra_chars"] > 0


def test_gate_simulated_pages_floors():
    from bench.gate import below_floors, raised_floors

    floors = {"pdftotext": {"dev": {"body_char_acc": 0.5}, "sim": {"body_char_acc": 0.78}}, "invariant_pages": 1}
    base = {"pdftotext": {"dev": {"body_char_acc": 0.6}}, "invariant_pages": 1}
    # simulated pages not made here (no tools): their floors are not checked
    assert below_floors(base, floors) == []
    low = copy.deepcopy(base)
    low["pdftotext"]["sim"] = {"body_char_acc": 0.70}
    assert below_floors(low, floors) == ["pdftotext sim body_char_acc: 0.7000 < floor 0.78"]
    high = copy.deepcopy(base)
    high["pdftotext"]["sim"] = {"body_char_acc": 0.8123}
    new, _ = raised_floors(high, floors)
    assert new["pdftotext"]["sim"]["body_char_acc"] == 0.81
