"""Why is a byline or source wrong? Each gold article whose byline or source (as bench/metrics.py
compares them) banmian did not reproduce, put in one class.

    python bench/byline_errors.py --kinds pdftotext --pages 1-40           # counts, with page:index
    python bench/byline_errors.py --kinds pdftotext --pages 1-40 --show    # each case's values too

Articles are paired as the score pairs them (`metrics.match_articles`, Hungarian on bodies).
Classes, per field (byline: ``B``, source: ``S``), the first that fits:
  unmatched         the gold article matched no prediction (a body problem, not this field's; the
                    score counts it wrong for both fields, with or without a gold value)
  missed            predicted empty, gold not; ``(in body)`` / ``(in head)`` / ``(unassigned)`` /
                    ``(field of unmatched fragment)`` (a piece of the body cut off with the byline:
                    a segmentation problem; ``: the opening`` when that piece opens the gold body,
                    the lead cut off from the rest) / ``(field of matched neighbour)`` / ``(other body)``:
                    where the gold text went
  spurious          predicted a value where gold has none; ``(neighbour's)`` when it is another gold
                    article's value, ``(own body)`` when it is a line of the article's own gold body,
                    ``(own head)`` when it is the article's own gold head
  neighbour's       both non-empty, the prediction is another gold article's value
  prefix/suffix     both non-empty, one contains the other: ``pred longer`` / ``pred shorter`` with
                    the characters in excess or missing at the start / end
  differs           both non-empty, otherwise different
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.common import load_pages, parse_range, study_arg_parser  # noqa: E402
from bench.eval import run_one  # noqa: E402
from bench.metrics import body_paragraphs, head_text, match_articles, norm  # noqa: E402

FIELDS = {"byline": "B", "source": "S"}
SHOWN = 12  # characters of an excess / missing stretch shown in the class name
OPENING = 10  # a fragment whose first characters open the gold body holds the article's opening


def _stretch(longer: str, shorter: str) -> str:
    """Where `longer` holds `shorter`: "start +X" / "end +X" / "both" for the extra characters."""
    at = longer.find(shorter)
    head, tail = longer[:at], longer[at + len(shorter):]
    if head and tail:
        return "both ends"
    return f"start '{head[:SHOWN]}'" if head else f"end '{tail[:SHOWN]}'"


def where_missing(value: str, j: int, preds: list[dict], pred_bodies: list[str], unassigned: str,
                  matched: set[int], gold_body: str = "") -> str:
    """Where the gold value of a field that the matched prediction j left empty went: the whole
    value looked for first, then its first half ("~" marks a half found)."""
    for probe, mark in ((value, ""), (value[: max(2, len(value) // 2)], "~")):
        if probe in pred_bodies[j]:
            return "in body" + mark
        if probe in head_text(preds[j]):
            return "in head" + mark
        if probe in unassigned:
            return "unassigned" + mark
        holders = [k for k, p in enumerate(preds) if k != j and any(probe in norm(p.get(f)) for f in FIELDS)]
        if holders:
            who = "matched neighbour" if any(k in matched for k in holders) else "unmatched fragment"
            if who == "unmatched fragment" and any(pred_bodies[k][:OPENING] and gold_body.startswith(pred_bodies[k][:OPENING])
                                                   for k in holders):
                who += ": the opening"  # the lead cut off from the rest of the article
            return f"field of {who}" + mark
        if any(k != j and probe in head_text(p) for k, p in enumerate(preds)):
            return "neighbour's head" + mark
        if any(probe in b for k, b in enumerate(pred_bodies) if k != j):
            return "other body" + mark
    return "?"


def classify_field(field: str, i: int, j: int | None, gold: list[dict], preds: list[dict],
                   gold_bodies: list[str], pred_bodies: list[str], unassigned: str,
                   matched: set[int]) -> str | None:
    """The class of gold article i's `field` against prediction j, None when it is right."""
    g = norm(gold[i].get(field))
    if j is None:
        return "unmatched"
    p = norm(preds[j].get(field))
    if g == p:
        return None
    others = {norm(a.get(field)) for k, a in enumerate(gold) if k != i} - {""}
    if not p:
        return f"missed ({where_missing(g, j, preds, pred_bodies, unassigned, matched, gold_bodies[i])})"
    if not g:
        if p in others:
            return "spurious (neighbour's)"
        if p in gold_bodies[i]:
            return "spurious (own body)"
        if p in head_text(gold[i]):
            return "spurious (own head)"
        if any(p in b for b in gold_bodies):
            return "spurious (other body)"
        return "spurious (other)"
    if p in others:
        return "neighbour's"
    if g in p:
        return f"pred longer: {_stretch(p, g)}"
    if p in g:
        return f"pred shorter: {_stretch(g, p)}"
    return "differs"


def classify(gold_page: dict, pred: dict) -> list[tuple[int, str, str, str, str]]:
    """(gold index, field letter, class, gold value, predicted value) of each wrong field."""
    G, P = gold_page["articles"], pred.get("articles") or []
    gt = ["".join(body_paragraphs(a)) for a in G]
    pt = ["".join(body_paragraphs(a)) for a in P]
    m = match_articles(gt, pt)
    unassigned = "".join(norm(u.get("text")) for u in pred.get("unassigned") or [])
    out = []
    for i, g in enumerate(G):
        j = m.get(i)
        for field, letter in FIELDS.items():
            cls = classify_field(field, i, j, G, P, gt, pt, unassigned, set(m.values()))
            if cls is None:
                continue
            pv = "unmatched" if j is None else (P[j].get(field) or "")
            out.append((i, letter, cls, g.get(field) or "", pv))
    return out


def main(argv=None) -> int:
    ap = study_arg_parser(__doc__)
    ap.add_argument("--show", action="store_true", help="print each case's gold and predicted value")
    args = ap.parse_args(argv)
    for kind in args.kinds.split(","):
        counts: Counter = Counter()
        where_: dict[str, list[str]] = defaultdict(list)
        total = 0
        for page in load_pages(parse_range(args.pages)):
            run = run_one("banmian", kind, page)
            total += len(page.gold["articles"])
            for i, letter, cls, gv, pv in classify(page.gold, run.pred):
                key = f"{letter} {cls}"
                counts[key] += 1
                where_[key].append(f"{page.no}:{i}")
                if args.show:
                    print(f"{kind} page {page.no} gold {i} [{key}] gold={gv!r} pred={pv!r}")
        print(f"== {kind}, pages {args.pages}: {total} gold articles")
        for key in sorted(counts, key=lambda k: (k[0], -counts[k], k)):
            print(f"{counts[key]:4d} {key}: {' '.join(where_[key])}")
        for letter, field in ((v, k) for k, v in FIELDS.items()):
            n = sum(c for k, c in counts.items() if k.startswith(letter + " "))
            u = counts.get(f"{letter} unmatched", 0)
            print(f"{field}: {n} wrong ({u} unmatched, {n - u} matched)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
