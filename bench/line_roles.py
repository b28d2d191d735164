"""Each input line's role in the gold against the kind banmian gave it: a confusion table per dump kind.

    python bench/line_roles.py --kinds pdftotext,raw --pages 1-40      # the tables
    python bench/line_roles.py --kinds pdftotext --show head:body      # gold head lines banmian read as body

A line's gold role is found by looking its normalized text (NFKC, no whitespace) up in the gold
page's fields: kicker, headline (each printed headline line), subtitle, byline (a separate byline
line), body (a paragraph; an inline byline counts as the start of its first paragraph), caption,
source (the source credit line), jump, continued (上接 note), header. A line found in no field
(e.g. two columns merged on one pdftotext line) or in fields of two roles (a short line such as
"10") is left out and counted apart. Rows are gold roles, columns banmian's line kinds
(`page.lines[i].kind` after the whole pipeline, blank lines skipped). `--show GOLD:KIND` lists
the lines of one cell with page, line number and the reasons banmian recorded; GOLD may be a
role or `head` (kicker, headline or subtitle).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.common import load_pages, parse_kinds, parse_range, skipped_without_data  # noqa: E402
from bench.metrics import norm  # noqa: E402

ROLES = ("kicker", "headline", "subtitle", "byline", "body", "caption", "source", "jump", "continued", "header")
HEAD_ROLES = ("kicker", "headline", "subtitle")  # banmian's one `head` kind covers the three tiers
UNLOCATED, AMBIGUOUS = "(nowhere)", "(ambiguous)"


@dataclass
class RoledLine:
    """One non-blank input line: its gold role (or UNLOCATED/AMBIGUOUS) and banmian's kind."""

    page: int
    no: int
    text: str
    role: str
    kind: str
    reasons: list[str]


def gold_fields(gold: dict) -> list[tuple[str, str]]:
    """(role, normalized printed text) of every text field of a gold page."""
    out: list[tuple[str, str | None]] = []
    for a in gold.get("articles") or []:
        out += [("kicker", a.get("kicker")), ("subtitle", a.get("subtitle")),
                ("source", a.get("source_line")), ("jump", a.get("jump")), ("continued", a.get("continued_from"))]
        out += [("headline", h) for h in a.get("headline_lines") or []]
        paras = list(a.get("paragraphs") or [])
        if a.get("byline_position") == "inline_first_paragraph" and paras:
            paras[0] = (a.get("byline") or "") + paras[0]  # printed at the start of paragraph 1
        elif a.get("byline"):
            out.append(("byline", a.get("byline")))
        out += [("body", p) for p in paras]
    out += [("header", h) for h in (gold.get("page") or {}).get("header_lines") or []]
    for f in gold.get("furniture") or []:
        role = {"caption": "caption", "header": "header"}.get(f.get("type"))  # jumps: in the articles
        if role:
            out += [(role, t) for t in (f.get("lines") or [f.get("text")])]
    return [(role, norm(t)) for role, t in out if norm(t)]


def locate(text: str, fields: list[tuple[str, str]]) -> str:
    """The role of the normalized `text`: the one role with a field equal to it, else the one
    role whose fields contain it (a kicker that repeats a clause of its body is still a kicker);
    UNLOCATED or AMBIGUOUS else."""
    t = norm(text)
    if not t:
        return UNLOCATED
    for found in ({role for role, field in fields if t == field}, {role for role, field in fields if t in field}):
        if len(found) == 1:
            return found.pop()
        if found:
            return AMBIGUOUS
    return UNLOCATED


def roled_lines(page_no: int, path: Path, gold: dict) -> list[RoledLine]:
    """Every non-blank line banmian read from a dump, with its gold role and banmian's kind."""
    from banmian.pipeline import iter_pages

    fields = gold_fields(gold)
    out = []
    for page in iter_pages(str(path), entities=False):
        for line in page.lines:
            if line.blank or line.kind == "blank":
                continue
            out.append(RoledLine(page_no, line.no, line.text, locate(line.text, fields), line.kind, list(line.reasons)))
    return out


def matches(rl: RoledLine, gold: str, kind: str) -> bool:
    """Whether a line falls in the cell GOLD:KIND (`head` stands for any head tier)."""
    return (rl.role == gold or (gold == "head" and rl.role in HEAD_ROLES)) and rl.kind == kind


def print_table(kind: str, lines: list[RoledLine]) -> None:
    """The confusion table of one dump kind: gold roles down, banmian kinds across."""
    cells = Counter((rl.role, rl.kind) for rl in lines)
    kinds = sorted({rl.kind for rl in lines if rl.role in ROLES}, key=lambda k: (-sum(
        n for (r, kk), n in cells.items() if kk == k and r in ROLES), k))
    print(f"\n== {kind}: gold role (rows) vs banmian line kind (columns); {len(lines)} lines")
    print(f"{'gold':<12}" + "".join(f"{k:>10}" for k in kinds) + f"{'agree':>8}")
    for role in ROLES:
        row = [cells[(role, k)] for k in kinds]
        if not any(row):
            continue
        want = "head" if role in HEAD_ROLES else role
        total = sum(row)
        print(f"{role:<12}" + "".join(f"{n:>10}" for n in row) + f"{cells[(role, want)] / total:>8.0%}")
    skipped = Counter(rl.role for rl in lines if rl.role not in ROLES)
    print(f"left out: {skipped[UNLOCATED]} found nowhere, {skipped[AMBIGUOUS]} in fields of two roles")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kinds", default="pdftotext")
    ap.add_argument("--pages", default="1-40")
    ap.add_argument("--show", metavar="GOLD:KIND", help="list the lines of one cell, e.g. head:body")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    show = args.show.split(":", 1) if args.show else None
    if show and (len(show) != 2 or show[0] not in (*ROLES, "head")):
        raise SystemExit(f"--show wants GOLD:KIND with GOLD one of head, {', '.join(ROLES)}")
    pages = load_pages(parse_range(args.pages))
    for kind in parse_kinds(args.kinds):
        lines = [rl for p in pages for rl in roled_lines(p.no, p.dump_path(kind), p.gold)]
        print_table(kind, lines)
        if show:
            picked = [rl for rl in lines if matches(rl, *show)]
            print(f"-- {kind} {args.show}: {len(picked)} lines")
            for rl in picked:
                print(f"  {f'p{rl.page}:{rl.no}':<10} {rl.role:<9} {rl.text[:24]:<26} {'; '.join(rl.reasons)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
