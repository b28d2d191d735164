"""bench/paired.py and bench/paired_stats.py (the paired bootstrap of two trees) on made-up
numbers and made-up trees, and bench/pagesim's --exclude-sources-of on a made-up corpus (plus one
page of the real corpus when it and the tools are present). No shared data needed."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import paired  # noqa: E402
from bench.paired_stats import (aggregate_difference, cluster_interval, noise_band,  # noqa: E402
                                paired_arrays, paired_interval, verdict, weighted_mean)

# ---------------------------------------------------------------- statistics on made-up numbers


def made_up_pages(n=60, seed=3):
    """Per-page weights and a difference that is mostly 0 with a few large moves (as a threading
    rule's: few pages changed, each a lot)."""
    rng = np.random.default_rng(seed)
    w = rng.integers(3, 15, n).astype(float)
    d = np.where(rng.random(n) < 0.2, rng.normal(0.02, 0.05, n), 0.0)
    return w, d


def test_the_interval_holds_the_aggregate_difference():
    w, d = made_up_pages()
    diff = weighted_mean(d, w)
    lo, hi = paired_interval(w, d, draws=2000, seed=1)
    assert lo < diff < hi
    clo, chi = cluster_interval(w, d, [i // 3 for i in range(len(d))], draws=2000, seed=1)
    assert clo < diff < chi


def test_a_constant_difference_is_its_own_interval():
    w = np.array([2.0, 5.0, 7.0, 1.0])
    for d, want in ((np.zeros(4), 0.0), (np.full(4, 0.01), 0.01)):
        for lo, hi in (paired_interval(w, d), cluster_interval(w, d, ["a", "a", "b", "c"])):
            assert lo == pytest.approx(want) and hi == pytest.approx(want)
        assert noise_band(w, d, 20) == pytest.approx((0.0, 0.0))
        assert verdict(*paired_interval(w, d)) == ("+" if want else "")


def test_one_page_a_cluster_gives_the_page_interval():
    w, d = made_up_pages()
    clusters = [f"c{i:03d}" for i in range(len(d))]  # sorted as the pages are
    assert cluster_interval(w, d, clusters, 500, 7) == paired_interval(w, d, 500, 7)


def test_pages_that_share_a_corpus_page_widen_the_cluster_interval():
    w, d = made_up_pages(20)
    w, d = np.repeat(w, 5), np.repeat(d, 5)  # each page five times: 100 pages, 20 independent
    lo, hi = paired_interval(w, d)
    clo, chi = cluster_interval(w, d, [i // 5 for i in range(100)])
    assert chi - clo > 1.5 * (hi - lo)


def test_the_noise_band_narrows_with_more_pages():
    w, d = made_up_pages(400)
    widths = [hi - lo for lo, hi in (noise_band(w, d, n) for n in (20, 80, 320))]
    assert widths[0] > widths[1] > widths[2] > 0
    lo, hi = noise_band(w, d, 40)
    assert lo < 0 < hi  # a band around the mean


def test_verdict_says_clearly_above_or_below():
    assert verdict(0.001, 0.01) == "+" and verdict(-0.01, -0.001) == "-"
    assert verdict(-0.001, 0.002) == "" and verdict(0.0, 0.002) == ""


def test_weighting_by_gold_articles_matches_metrics_aggregate():
    from bench.metrics import aggregate

    base = {1: {"gold_articles": 4, "body_char_acc": 0.9, "byline_acc": None},
            2: {"gold_articles": 10, "body_char_acc": 0.5, "byline_acc": 0.4},
            3: {"gold_articles": 1, "body_char_acc": 1.0, "byline_acc": 1.0}}
    branch = {1: {"gold_articles": 4, "body_char_acc": 0.95, "byline_acc": None},
              2: {"gold_articles": 10, "body_char_acc": 0.45, "byline_acc": 0.6},
              3: {"gold_articles": 1, "body_char_acc": 0.7, "byline_acc": 1.0}}
    for metric in ("body_char_acc", "byline_acc"):
        keys, w, a, b = paired_arrays(base, branch, metric)
        m0, m1, diff = aggregate_difference(w, a, b)
        want0, want1 = aggregate(list(base.values()))[metric], aggregate(list(branch.values()))[metric]
        assert (m0, m1) == (pytest.approx(want0), pytest.approx(want1))
        assert diff == pytest.approx(want1 - want0)
    assert paired_arrays(base, branch, "byline_acc")[0] == [2, 3]  # a None metric leaves its page out
    assert aggregate_difference([], [], []) == (None, None, None)


# ---------------------------------------------------------------- arguments and sets


def gold_folder(root: Path, n: int = 3, date: str = "1998-01-05") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(1, n + 1):
        gold = {"page": {"date": date, "page_number": i % 2 + 1}, "articles": [{}] * (i + 1)}
        (root / f"page_{i:04d}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


def run_main(capsys, *argv):
    code = paired.main(list(argv))
    return code, capsys.readouterr()


@pytest.mark.parametrize("argv, message", [
    (["--base", "/no/such/tree"], "--base /no/such/tree: no such folder, and no git revision"),
    (["--base", str(REPO), "--branch", "no-such-rev-xyz"], "--branch no-such-rev-xyz: no such folder, and no git revision"),
    (["--sets", "nosuchset"], "unknown set 'nosuchset'"),
    (["--sets", "x=/no/such/folder"], "set x: no gold pages"),
    (["--kinds", "pdf"], "--kinds 'pdf': choose from pdftotext, raw, pymupdf"),
    (["--sim", "/no/such/sim"], "--sim /no/such/sim: no such folder"),
    (["--noise", "x"], "--noise 'x'"),
])
def test_argument_errors_are_one_line(tmp_path, capsys, argv, message):
    sets = ["--sets", f"a={gold_folder(tmp_path / 'g')}"]
    code, out = run_main(capsys, *sets, *argv)
    assert code == 2
    assert out.err.startswith("paired: ") and message in out.err and out.err.count("\n") == 1


def test_a_folder_that_is_no_checkout(tmp_path, capsys):
    code, out = run_main(capsys, "--sets", f"a={gold_folder(tmp_path / 'g')}", "--base", str(tmp_path))
    assert code == 2 and "not a banmian checkout" in out.err


def test_sets_from_folders_ranges_and_the_sim_folder(tmp_path):
    gold_folder(tmp_path / "sim" / "test9" / "data" / "pages-dev", 5)
    flat = gold_folder(tmp_path / "flat", 4)
    a = paired.parse_args(["--sim", str(tmp_path / "sim"), "--sets", f"test9,b={flat}:2-3,val2={flat}",
                           "--unseen", "test9,val2"])
    assert [(name, pages) for name, _, pages in a.specs] == [("test9", [1, 2, 3, 4, 5]), ("b", [2, 3]),
                                                              ("val2", [1, 2, 3, 4])]
    assert paired.pools(a, ["test9", "b", "val2"]) == {"UNSEEN": ("test9", "val2")}
    assert paired.pools(a, ["train", "test9", "val2"])["POOLED"] == ("train", "test9", "val2")
    with pytest.raises(paired.Usage, match="no pages 7-9"):
        paired.parse_args(["--sets", f"b={flat}:7-9"])


FAKE_COMMON = '''
import json
from pathlib import Path
class Page:
    def __init__(self, no, gold):
        self.no, self.gold = no, gold
def load_folder(folder, numbers):
    return [Page(n, json.loads((folder / f"page_{n:04d}.gold.json").read_text())) for n in numbers
            if (folder / f"page_{n:04d}.gold.json").exists()]
'''
FAKE_EVAL = '''
import banmian
from bench.metrics import METRICS
class Run:
    pass
def run_one(system, kind, page):
    r = Run()
    n = len(page.gold["articles"])
    r.scores = {"gold_articles": n, **{m: banmian.SCORE(page.no) for m in METRICS}}
    r.error, r.invariant = None, True
    return r
'''


def fake_tree(root: Path, score: str) -> Path:
    """A checkout whose 'banmian' scores every page by the formula `score` of its number."""
    (root / "src" / "banmian").mkdir(parents=True)
    (root / "bench").mkdir()
    (root / "src" / "banmian" / "__init__.py").write_text(f"def SCORE(no):\n    return {score}\n")
    (root / "bench" / "__init__.py").write_text("")
    (root / "bench" / "common.py").write_text(FAKE_COMMON)
    (root / "bench" / "eval.py").write_text(FAKE_EVAL)
    metrics = ", ".join(repr(m) for m in paired.METRICS)
    (root / "bench" / "metrics.py").write_text(f"METRICS = ({metrics})\n")
    return root


def test_two_made_up_trees_end_to_end(tmp_path, capsys):
    base = fake_tree(tmp_path / "base", "0.5 + no / 100")
    branch = fake_tree(tmp_path / "branch", "0.5 + no / 100 + (0.1 if no % 2 else 0.0)")
    gold = gold_folder(tmp_path / "g", 6)
    out = tmp_path / "out.json"
    argv = ["--base", str(base), "--branch", str(branch), "--sets", f"a={gold},b={gold}:1-2",
            "--unseen", "a,b", "--cache", str(tmp_path / "cache"), "--json", str(out), "--quiet"]
    code, printed = run_main(capsys, *argv)
    assert code == 0, printed.err
    figs = json.loads(out.read_text())["kinds"]["pdftotext"]
    # odd pages (1, 3, 5: 2, 4 and 6 gold articles) gain 0.1; even ones (3, 5, 7 articles) none
    want = 0.1 * (2 + 4 + 6) / (2 + 3 + 4 + 5 + 6 + 7)
    body = figs["a"]["body_char_acc"]
    assert body["diff"] == pytest.approx(want) and body["changed"] == 3 and body["pages"] == 6
    assert body["lo"] <= want <= body["hi"] and body["lo"] >= 0.0
    assert figs["b"]["body_char_acc"]["diff"] == pytest.approx(0.1 * 2 / 5)
    assert figs["UNSEEN"]["body_char_acc"]["pages"] == 8 and "POOLED" not in figs
    assert "=== branch - base, pdftotext" in printed.out
    cached = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert len(cached) == 4  # two trees, two sets
    code, _ = run_main(capsys, *argv, "--branch", str(base))  # base against itself: cached, all 0
    assert code == 0 and len(list((tmp_path / "cache").iterdir())) == 4
    same = json.loads(out.read_text())["kinds"]["pdftotext"]
    for name in ("a", "b", "UNSEEN"):
        for f in same[name].values():
            assert f["diff"] == 0.0 and f["lo"] == 0.0 and f["hi"] == 0.0 and f["changed"] == 0


# ---------------------------------------------------------------- pagesim --exclude-sources-of


def made_up_corpus(path: Path) -> None:
    body = "这是一段为测试写的正文，" * 10
    rows = [{"date": date, "page": page, "title": f"标题{date}{page}{i}", "paragraphs": [body],
             "roles": ["body"], "dateline": None, "byline": None}
            for date in ("1998-01-02", "1998-01-03") for page in (1, 2, 3) for i in range(2)]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def test_exclude_sources_of_leaves_out_the_pages_gold_draws_from(tmp_path):
    from bench.pagesim import corpus

    made_up_corpus(tmp_path / "articles.jsonl.gz")
    pages = corpus.load_pages("1998-01-01", "1998-01-31", tmp_path / "articles.jsonl.gz")
    assert len(pages) == 6
    shared = tmp_path / "shared" / "data" / "pages-dev"
    shared.mkdir(parents=True)
    gold = {"articles": [{"src_id": "19980102-02-001"}, {"src_id": "19980103-01-004"}, {"src_id": None},
                         {"src_id": "x-1"}]}
    (shared / "page_0001.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    drop = corpus.source_pages(tmp_path / "shared")  # a shared folder or its pages folder
    assert drop == corpus.source_pages(shared) == {("1998-01-02", 2), ("1998-01-03", 1)}
    kept = corpus.without_pages(pages, drop)
    assert sorted(kept) == [("1998-01-02", 1), ("1998-01-02", 3), ("1998-01-03", 2), ("1998-01-03", 3)]
    with pytest.raises(FileNotFoundError, match="no gold pages"):
        corpus.source_pages(tmp_path / "nothing")


def test_one_real_page_draws_on_no_excluded_corpus_page(tmp_path):
    from bench.common import pages_dir
    from bench.pagesim import corpus
    from bench.pagesim.__main__ import main
    from bench.pagesim.render import missing_tools

    if missing_tools():
        pytest.skip(f"pagesim tools missing: {missing_tools()}")
    if not corpus.corpus_path().exists() or not any(pages_dir().glob("page_*.gold.json")):
        pytest.skip("corpus or dev pages not found (shared data)")
    out = tmp_path / "sim"
    assert main(["--pages", "2", "--seed", "test-x", "--dates", "1998-01-01,1998-01-20",
                 "--exclude-sources-of", str(pages_dir()), "--out", str(out)]) == 0
    drop = corpus.source_pages(pages_dir())
    assert drop and corpus.source_pages(out).isdisjoint(drop)
    forced = tmp_path / "forced"
    assert main(["--pages", "3", "--seed", "test-x", "--draw-order", "heads_end", "--out", str(forced)]) == 0
    orders = {json.loads(p.read_text(encoding="utf-8"))["layout"]["draw_order"] for p in forced.glob("page_*.gold.json")}
    assert orders == {"heads_end"}
    from bench.pagesim import page as page_model
    assert len(page_model.DRAW_ORDERS) == 4  # put back after the run
    assert main(["--pages", "1", "--out", str(out), "--exclude-sources-of", str(tmp_path / "none")]) == 2


def test_a_tree_that_fails_is_a_one_line_error(tmp_path, capsys):
    base = fake_tree(tmp_path / "base", "0.5")
    broken = fake_tree(tmp_path / "broken", "1 / 0")
    code, out = run_main(capsys, "--base", str(base), "--branch", str(broken), "--sets",
                         f"a={gold_folder(tmp_path / 'g')}", "--cache", str(tmp_path / "cache"), "--quiet")
    assert code == 2 and f"paired: tree {broken} failed on set a, pdftotext (exit 1)" in out.err
    assert not list((tmp_path / "cache").glob("*.tmp"))
