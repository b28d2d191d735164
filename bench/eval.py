"""Evaluate banmian, the naive baselines and the peers on the dev pages, per input kind and
page split.

    python bench/eval.py [--kinds pdftotext,raw,pymupdf,pdf] [--pages 1-60]
                         [--systems banmian,naive_blocks,naive_page,pymupdf4llm,unstructured,pdfplumber]
                         [--json OUT] [--per-page]
    python bench/eval.py --match PAGE [--kinds ...]     # article pairing of one page

For every input kind and page, runs banmian (`parse_text` on a dump, the PDF path on the PDF,
then `page_to_dict`), the naive baselines of bench/baselines.py (on dumps) and the peers of
bench/peers.py (on PDFs, when installed), scores each output against the gold page with
bench/metrics.py (the numbers of shared/tools/score.py), and prints one table with a row per
(system, kind, page split): "dev 1–40" and "held-out 41–60", with each system's pages/s
measured in this run. Also checks banmian's character-coverage invariant on every page.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/eval.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (KINDS, SPLIT_LABELS, DevPage, data_available, ensure_importable,
                          load_pages, pages_dir, parse_kinds, parse_range, split_of)
from bench.baselines import BASELINES
from bench.metrics import aggregate, body_paragraphs, head_text, match_articles, score_page
from bench.peers import PEERS

ensure_importable()

PEER_NAMES = tuple(PEERS)  # bench/peers.py (imports no peer library), on PDFs only
SYSTEMS = ("banmian", *BASELINES, *PEER_NAMES)


def runs_on(system: str, kind: str) -> bool:
    """Whether a system reads that kind of input (baselines read dumps, peers read PDFs)."""
    if system in PEER_NAMES:
        return kind == "pdf"
    return system == "banmian" or kind not in ("pdf", "ocr")


def peer_function(system: str):
    """The peer's fn(pdf_path) -> page dict, or raise ImportError saying why it is unavailable."""
    from bench import peers

    why = peers.available(system)
    if why:
        raise ImportError(why)
    return peers.PEERS[system]
PRINTED_ARTICLE_FIELDS = ("kicker", "headline", "subtitle", "byline", "jump", "continued_from",
                          "source_line")
PRINTED_ARTICLE_LISTS = ("paragraphs", "captions")


# --- running banmian -------------------------------------------------------------------------

def load_banmian():
    """Return banmian's (parse_text, page_to_dict), or raise ImportError with the reason."""
    from banmian.pipeline import parse_text
    from banmian.writers.json import page_to_dict

    return parse_text, page_to_dict


def merge_page_dicts(dicts: list[dict]) -> dict:
    """One page dict from several (a dump that banmian split into more than one page)."""
    if len(dicts) == 1:
        return dicts[0]
    merged = json.loads(json.dumps(dicts[0])) if dicts else {"page": {"header": []}}
    merged["articles"] = [a for d in dicts for a in d.get("articles") or []]
    merged["unassigned"] = [u for d in dicts for u in d.get("unassigned") or []]
    merged.setdefault("page", {})["header"] = [h for d in dicts
                                               for h in (d.get("page") or {}).get("header") or []]
    return merged


def run_banmian_pdf(path: str) -> tuple[dict, int]:
    """banmian's page dict for a one-page PDF (the PDF path), and how many pages it read."""
    from banmian.pipeline import iter_pdf_pages
    from banmian.writers.json import page_to_dict

    dicts = [page_to_dict(p) for p in iter_pdf_pages(path)]
    return merge_page_dicts(dicts), len(dicts)


def pdf_text(path: str) -> str:
    """The characters of a PDF's text layer (what the invariant compares the output with)."""
    from banmian.readers.pdf import read_pdf

    return "".join(c.text for page in read_pdf(path) for c in page.chars if not c.generated)


def run_banmian(text: str, path: str) -> tuple[dict, int]:
    """banmian's page dict for one dump, and how many pages banmian found in it."""
    parse_text, page_to_dict = load_banmian()
    pages = parse_text(text, path=path)
    return merge_page_dicts([page_to_dict(p) for p in pages]), len(pages)


# --- the character-coverage invariant --------------------------------------------------------

def printed_texts(pred: dict):
    """Every printed text of a page dict: header lines, article fields, unassigned texts."""
    yield from (pred.get("page") or {}).get("header") or []
    for art in pred.get("articles") or []:
        for k in PRINTED_ARTICLE_FIELDS:
            if art.get(k):
                yield art[k]
        for k in PRINTED_ARTICLE_LISTS:
            yield from art.get(k) or []
    for u in pred.get("unassigned") or []:
        yield u.get("text") or ""


def _chars(texts) -> Counter:
    return Counter(ch for t in texts for ch in t if not ch.isspace())


def local_input_chars(text: str) -> Counter:
    """Multiset of the non-whitespace characters of the input."""
    return _chars([text])


def local_printed_chars(pred: dict) -> Counter:
    """Multiset of the non-whitespace characters of every printed field of a page dict."""
    return _chars(printed_texts(pred))


def invariant_functions():
    """(input_chars, printed_chars, origin): banmian.invariant's if it has them, else local ones."""
    try:
        from banmian import invariant as inv
        return inv.input_chars, inv.printed_chars, "banmian.invariant"
    except (ImportError, AttributeError):
        return local_input_chars, local_printed_chars, "bench (local)"


def check_invariant(text: str, pred: dict) -> tuple[bool, str]:
    """Whether the page's characters are all printed exactly once; a short diff when not."""
    input_chars, printed_chars, _ = invariant_functions()
    a, b = Counter(input_chars(text)), Counter(printed_chars(pred))
    if a == b:
        return True, ""
    lost, extra = a - b, b - a
    show = lambda c: "".join(ch * n for ch, n in c.most_common(8))[:20]  # noqa: E731
    return False, f"lost {sum(lost.values())} ({show(lost)}) extra {sum(extra.values())} ({show(extra)})"


# --- one evaluation run ----------------------------------------------------------------------

@dataclass
class PageRun:
    """The result of one system on one page dump."""

    system: str
    kind: str
    page: int
    split: str
    scores: dict
    seconds: float = 0.0
    invariant: bool | None = None
    invariant_diff: str = ""
    error: str = ""
    pages_found: int = 1
    traceback: str = ""
    pred: dict = field(default_factory=dict, repr=False)


def empty_prediction() -> dict:
    return {"articles": [], "unassigned": [], "page": {"header": []}}


def run_one(system: str, kind: str, page: DevPage) -> PageRun:
    """Run `system` on one input of `page` and score it (errors are recorded, not raised)."""
    path = str(page.dump_path(kind))
    text = pdf_text(path) if kind == "pdf" else "" if kind == "ocr" else page.dump_text(kind)
    run = PageRun(system, kind, page.no, split_of(page.no), {})
    fn = peer_function(system) if system in PEER_NAMES else None
    t0 = time.perf_counter()
    try:
        if system == "banmian" and kind == "ocr":  # the OCR engine's output is cached (bench/ocr_cache.py)
            from bench.ocr import ocr_run
            run.pred, text = ocr_run(page.no)
        elif system == "banmian" and kind == "pdf":
            run.pred, run.pages_found = run_banmian_pdf(path)
        elif system == "banmian":
            run.pred, run.pages_found = run_banmian(text, path)
        elif fn is not None:
            run.pred = fn(path)
        else:
            run.pred = BASELINES[system](text, path)
    except Exception as exc:  # a crash scores as an empty page and is reported
        run.error = f"{type(exc).__name__}: {exc}"
        run.pred = empty_prediction()
        run.traceback = traceback.format_exc()
    run.seconds = time.perf_counter() - t0
    if system == "banmian" and not run.error:
        run.invariant, run.invariant_diff = check_invariant(text, run.pred)
    run.scores = score_page(page.gold, run.pred)
    return run


def usable_systems(systems, kinds) -> list[str]:
    """The systems that can run here; a line on stderr for each one that cannot, and why."""
    out = []
    for system in systems:
        if not any(runs_on(system, k) for k in kinds):
            continue
        try:
            load_banmian() if system == "banmian" else peer_function(system) if system in PEER_NAMES else None
        except ImportError as exc:
            print(f"skipped {system}: {exc}", file=sys.stderr)
            continue
        out.append(system)
    return out


def evaluate(kinds, pages: list[DevPage], systems=SYSTEMS) -> list[PageRun]:
    """Run and score every (system, kind, page) the system can read."""
    runs = []
    systems = usable_systems(systems, kinds)
    for kind in kinds:
        for system in systems:
            if runs_on(system, kind):
                if system in PEER_NAMES and pages:  # a warm-up call: imports and model loading
                    run_one(system, kind, pages[0])
                runs.extend(run_one(system, kind, p) for p in pages)
    return runs


# --- summaries -------------------------------------------------------------------------------

def summarize(runs: list[PageRun]) -> list[dict]:
    """One row per (system, kind, split): aggregated metrics, errors, invariant, pages/s."""
    rows = []
    keys = []
    for r in runs:
        if (r.system, r.kind, r.split) not in keys:
            keys.append((r.system, r.kind, r.split))
    for system, kind, split in keys:
        group = [r for r in runs if (r.system, r.kind, r.split) == (system, kind, split)]
        row = {"system": system, "kind": kind, "split": split, **aggregate([r.scores for r in group])}
        secs = sum(r.seconds for r in group)
        row["pages_per_s"] = len(group) / secs if secs else None
        row["errors"] = sum(bool(r.error) for r in group)
        checked = [r.invariant for r in group if r.invariant is not None]
        row["invariant_ok"] = sum(checked) if system == "banmian" else None
        rows.append(row)
    return rows


def find_row(rows: list[dict], system: str, kind: str, split: str) -> dict | None:
    """The summary row of (system, kind, split), or None."""
    return next((r for r in rows if (r["system"], r["kind"], r["split"]) == (system, kind, split)), None)


COLUMNS = [  # (header, row key, format)
    ("body_char", "body_char_acc", "{:.4f}"), ("para_f1", "para_f1", "{:.4f}"),
    ("exact", "article_exact", "{:.4f}"), ("head", "headline_acc", "{:.4f}"),
    ("roles", "headline_roles_acc", "{:.4f}"), ("byline", "byline_acc", "{:.4f}"),
    ("reporters", "reporters_acc", "{:.4f}"), ("source", "source_acc", "{:.4f}"),
    ("extra_chars", "extra_chars", "{:d}"),
]
LEGEND = ("body_char=body_char_acc exact=article_exact head=headline_acc "
          "roles=headline_roles_acc byline/reporters/source=*_acc; pred/gold = article counts; "
          "pages/s = the system's own call per page in this run (banmian: parse + to_dict); "
          "reporters '-' = gold has no reporters field")


def _fmt(fmt: str, v) -> str:
    return "-" if v is None else fmt.format(v)


def display_width(s: str) -> int:
    """Terminal columns of `s` (CJK wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int, left: bool) -> str:
    fill = " " * max(width - display_width(s), 0)
    return s + fill if left else fill + s


def render_table(header: list[str], body: list[list[str]], left: int = 3) -> str:
    """Left-align the first `left` columns, right-align the rest; one line per row."""
    widths = [max(display_width(x) for x in col) for col in zip(header, *body)]
    lines = []
    for cells in [header, ["-" * w for w in widths], *body]:
        out = [_pad(c, w, i < left) for i, (c, w) in enumerate(zip(cells, widths))]
        lines.append("  ".join(out).rstrip())
    return "\n".join(lines)


def format_summary(rows: list[dict]) -> str:
    """The main table: rows = (system, kind, split), columns = metrics."""
    header = ["system", "dump", "pages", *(h for h, _, _ in COLUMNS), "pred/gold", "pages/s", "errors"]
    body = []
    for r in rows:
        body.append([r["system"], r["kind"], f"{SPLIT_LABELS[r['split']]} ({r['pages']})",
                     *(_fmt(f, r[k]) for _, k, f in COLUMNS),
                     f"{r['pred_articles']}/{r['gold_articles']}",
                     _fmt("{:.1f}", r["pages_per_s"]),
                     str(r["errors"])])
    return render_table(header, body) + "\n" + LEGEND


def speeds(runs: list[PageRun], kind: str = "pdf") -> dict[str, float]:
    """Pages per second of each system on one kind, over every page of this run."""
    out = {}
    for system in dict.fromkeys(r.system for r in runs if r.kind == kind):
        group = [r for r in runs if r.system == system and r.kind == kind]
        secs = sum(r.seconds for r in group)
        if secs:
            out[system] = len(group) / secs
    return out


def format_speed(runs: list[PageRun]) -> str:
    """One line comparing banmian's PDF path with each peer on the same PDFs, in this run."""
    pps = speeds(runs)
    if "banmian" not in pps or len(pps) < 2:
        return ""
    parts = [f"{name} {v:.2f} pages/s (banmian {pps['banmian'] / v:.1f}x)" for name, v in pps.items() if name != "banmian"]
    return f"speed on the same PDFs, this run: banmian {pps['banmian']:.2f} pages/s; " + "; ".join(parts)


def format_invariant(runs: list[PageRun]) -> str:
    """One line: on how many pages (per kind) banmian's character-coverage invariant holds."""
    _, _, origin = invariant_functions()
    parts = []
    for kind in dict.fromkeys(r.kind for r in runs if r.system == "banmian"):
        group = [r for r in runs if r.system == "banmian" and r.kind == kind]
        parts.append(f"{kind} {sum(bool(r.invariant) for r in group)}/{len(group)}")
    if not parts:
        return "invariant: banmian not run"
    failing = [f"{r.kind}:{r.page}" for r in runs if r.system == "banmian" and not r.invariant]
    tail = f"; failing: {' '.join(failing[:12])}{' …' if len(failing) > 12 else ''}" if failing else ""
    return f"invariant (input chars == printed chars, via {origin}) holds on: {', '.join(parts)}{tail}"


def format_errors(runs: list[PageRun], limit: int = 5) -> str:
    """The first few exceptions banmian or a baseline raised, or ""."""
    bad = [r for r in runs if r.error]
    if not bad:
        return ""
    lines = [f"{len(bad)} run(s) raised an exception (scored as empty pages):"]
    lines += [f"  {r.system} {r.kind} page {r.page}: {r.error}" for r in bad[:limit]]
    return "\n".join(lines)


def per_page_badness(r: PageRun) -> tuple:
    """Sort key, worst first: body_char_acc, then para_f1, then headline_acc."""
    s = r.scores
    return tuple(s.get(k) if s.get(k) is not None else 1.0
                 for k in ("body_char_acc", "para_f1", "headline_acc"))


def format_per_page(runs: list[PageRun], system: str = "banmian") -> str:
    """Per-page table of one system, worst page first."""
    mine = sorted((r for r in runs if r.system == system), key=per_page_badness)
    header = ["page", "dump", "split", *(h for h, _, _ in COLUMNS), "pred/gold", "matched", "ms", "inv"]
    body = []
    for r in mine:
        s = r.scores
        inv = "-" if r.invariant is None else ("ok" if r.invariant else "FAIL " + r.invariant_diff)
        body.append([f"{r.page:04d}", r.kind, r.split, *(_fmt(f, s[k]) for _, k, f in COLUMNS),
                     f"{s['pred_articles']}/{s['gold_articles']}", str(s["matched"]),
                     f"{r.seconds * 1000:.0f}", inv if not r.error else "ERROR " + r.error[:60]])
    return f"per page ({system}, worst first):\n" + render_table(header, body)


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[:n - 1] + "…"


def format_matches(page: DevPage, run: PageRun) -> str:
    """How banmian's articles of one page dump paired with the gold ones (for --match)."""
    from rapidfuzz.distance import Levenshtein

    G, P = page.gold["articles"], run.pred.get("articles") or []
    gb, pb = [body_paragraphs(a) for a in G], [body_paragraphs(a) for a in P]
    gt, pt = ["".join(x) for x in gb], ["".join(x) for x in pb]
    m = match_articles(gt, pt)
    header = ["gold", "gold head", "paras", "chars", "pred", "pred head", "paras", "chars", "edits",
              "head", "body"]
    body = []
    for i, g in enumerate(G):
        j = m.get(i)
        if j is None:
            body.append([str(i), _clip(head_text(g), 14), str(len(gb[i])), str(len(gt[i])),
                         "-", "", "", "", "", "", "unmatched"])
            continue
        p = P[j]
        body.append([str(i), _clip(head_text(g), 14), str(len(gb[i])), str(len(gt[i])),
                     str(p.get("id") or j), _clip(head_text(p), 14), str(len(pb[j])), str(len(pt[j])),
                     str(Levenshtein.distance(gt[i], pt[j])),
                     "ok" if head_text(g) == head_text(p) else "x",
                     "exact" if gb[i] == pb[j] else ""])
    extra = [f"  {P[j].get('id') or j}: {_clip(head_text(P[j]), 14)!r} {len(pt[j])} chars "
             f"{_clip(pt[j], 30)!r}" for j in range(len(P)) if j not in m.values()]
    out = [f"page {page.no:04d} {run.kind}: {json.dumps(run.scores, ensure_ascii=False)}",
           render_table(header, body, left=2)]
    if extra:
        out.append("unmatched predictions:\n" + "\n".join(extra))
    return "\n".join(out)


def to_json(rows: list[dict], runs: list[PageRun]) -> dict:
    """Everything measured, for --json."""
    pages = []
    for r in runs:
        d = asdict(r)
        d.pop("pred")
        pages.append(d)
    return {"rows": rows, "pages": pages}


# --- CLI -------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kinds", default=",".join(KINDS),
                    help="input kinds: the three dumps and pdf (default: all), layout (the PDF through "
                         "`pdftotext -layout`, made and cached by bench/layout_dumps.py), or ocr (the PDF rendered at "
                         "200 dpi and read by OCR; slow unless bench/ocr_cache.py has cached the engine's output)")
    ap.add_argument("--pages", default="1-60", help="page numbers, e.g. 1-60 or 1-5,41")
    ap.add_argument("--systems", default=",".join(SYSTEMS),
                    help=f"systems to run (default: {','.join(SYSTEMS)})")
    ap.add_argument("--json", metavar="OUT", help="write rows and per-page results as JSON")
    ap.add_argument("--per-page", action="store_true", help="also print banmian per page, worst first")
    ap.add_argument("--match", type=int, metavar="PAGE",
                    help="only show how banmian's articles of PAGE pair with the gold ones")
    return ap


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if not data_available():
        print(f"skipped: shared data not found at {pages_dir()} (set BANMIAN_SHARED)")
        return 0
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise SystemExit(f"unknown system(s) {unknown}; choose from {', '.join(SYSTEMS)}")
    if args.match is not None:
        pages = load_pages([args.match])
        if not pages:
            raise SystemExit(f"no gold for page {args.match}")
        for kind in parse_kinds(args.kinds):
            print(format_matches(pages[0], run_one("banmian", kind, pages[0])) + "\n")
        return 0
    pages = load_pages(parse_range(args.pages))
    runs = evaluate(parse_kinds(args.kinds), pages, systems)
    rows = summarize(runs)
    if args.per_page and any(r.system == "banmian" for r in runs):
        print(format_per_page(runs) + "\n")
    print(format_summary(rows))
    speed = format_speed(runs)
    if speed:
        print(speed)
    print(format_invariant(runs))
    errors = format_errors(runs)
    if errors:
        print(errors)
    if args.json:
        Path(args.json).write_text(json.dumps(to_json(rows, runs), ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        sys.exit(0)
