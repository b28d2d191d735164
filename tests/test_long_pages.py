"""Very long pages (a dump whose form feeds were lost): read in sections (`long_pages`), and the
head blocks' assignment in windows when both sides are large (`assign.windowed_pairs`). All
text here is made up."""
from __future__ import annotations

import random
import time
from collections import Counter

import pytest

import banmian.assign as assign
from banmian import long_pages
from banmian.invariant import input_chars, printed_chars
from banmian.model import new_lines
from banmian.pipeline import parse_text
from banmian.writers.json import page_to_dict

HEADER = "1999年3月8日 星期一"
HEAD = "山城新修一座石桥"
BODY = ["本报讯 记者王明报道：山城昨日新修的石桥正式通车，", "两岸村民从此不必绕行十里山路，", "赶集上学都方便了许多。",
        "  据介绍，这座石桥全长八十米，", "由当地施工队历时半年建成。"]


def made_page(n_pages: int, with_header: bool = True) -> list[str]:
    """Made-up dump pages run together, no form feeds: a header, then blocks of a head and
    its body, about 60 lines a page."""
    lines: list[str] = []
    for p in range(n_pages):
        if with_header:
            lines += [HEADER.replace("8日", f"{p % 28 + 1}日"), "", f"第{p % 12 + 1}版", ""]
        for k in range(8):
            lines += [f"{HEAD}{k}", ""] + BODY + [""]
    return lines


def test_a_normal_page_is_one_section():
    assert len(made_page(10)) <= long_pages.LONG_PAGE_LINES
    page = parse_text("\n".join(made_page(10)))[0]
    assert not any(r.startswith("page:section") for ln in page.lines for r in ln.reasons)


def test_a_long_page_is_cut_at_its_page_headers():
    raw = made_page(40)  # 40 x 60 lines: past LONG_PAGE_LINES
    assert len(raw) > long_pages.LONG_PAGE_LINES
    starts = long_pages.section_starts(new_lines(raw))
    headers = [i for i, t in enumerate(raw) if t.startswith("1999年")]
    assert [i for i, _ in starts] == headers[1:]
    assert {why for _, why in starts} == {long_pages.HEADER_REASON}


def test_a_long_page_without_headers_is_cut_at_blank_lines_then_at_length():
    raw = made_page(40, with_header=False)
    starts = long_pages.section_starts(new_lines(raw))
    assert starts and all(why == long_pages.BLANK_REASON for _, why in starts)
    assert all(raw[i - 1] == "" for i, _ in starts)
    bounds = [0] + [i for i, _ in starts] + [len(raw)]
    assert max(b - a for a, b in zip(bounds, bounds[1:])) <= long_pages.SECTION_LINES
    solid = [BODY[0]] * 2500  # no blank line anywhere: cut at the length
    starts = long_pages.section_starts(new_lines(solid))
    assert [i for i, _ in starts] == [1000, 2000] and {w for _, w in starts} == {long_pages.LENGTH_REASON}


def test_a_long_page_runs_the_stages_section_by_section(monkeypatch):
    """The stages see no page longer than a section; the parse gives one page, every character
    printed once, each section's first line saying why it was cut there."""
    import banmian.pipeline as pipeline
    seen: list[int] = []
    k = [s.__name__ for s in pipeline.STAGES].index("segment")  # a stage run section by section
    segment = pipeline.STAGES[k]

    def counting(page):
        seen.append(len(page.lines))
        return segment(page)
    counting.__name__ = "segment"
    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES[:k], counting, *pipeline.STAGES[k + 1:]])
    text = "\n".join(made_page(40)) + "\n"
    t0 = time.process_time()
    pages = parse_text(text)
    assert time.process_time() - t0 < 60  # generous: about 1 s in pure Python
    assert len(pages) == 1 and len(seen) == 40
    assert max(seen) <= long_pages.SECTION_LINES
    d = page_to_dict(pages[0])
    assert input_chars(text) == printed_chars(d)
    assert sum(long_pages.HEADER_REASON in ln.reasons for ln in pages[0].lines) == 39
    assert len(d["page"]["header"]) >= 40 and d["page"]["date"] == "1999-03-01"
    assert len(d["articles"]) >= 40 * 8 * 0.9


def test_the_articles_of_a_long_page_are_numbered_once_across_its_sections():
    """Each section numbers its articles from a1; the page the user gets numbers them on, and
    a line's `attached:` reason names the article by its number on the page."""
    page = parse_text("\n".join(made_page(40)) + "\n")[0]
    ids = [a.id for a in page.articles]
    assert len(ids) > 40 and ids == [f"a{n}" for n in range(1, len(ids) + 1)]
    named = {r.split(":", 1)[1] for ln in page.lines for r in ln.reasons if r.startswith(long_pages.ATTACHED)}
    assert named <= set(ids)


@pytest.mark.pure_python  # counts the compiled module's matrices
def test_large_assignments_are_solved_in_windows(monkeypatch):
    """Both sides past WINDOW_ABOVE with places given: no matrix larger than WINDOW_NODES (the
    whole assignment would be a 300 x 300 matrix), and where each block bids most for the
    article at its place the windows find that best assignment."""
    sizes: list[int] = []
    hungarian = assign._hungarian

    def counting(cost):
        sizes.append(len(cost))
        return hungarian(cost)
    monkeypatch.setattr(assign, "_hungarian", counting)
    r = random.Random(5)
    n = 300
    scores = {(k, i): 1.0 if k == i else round(r.uniform(0.1, 0.45), 2)
              for k in range(n) for i in range(max(0, k - 3), min(n, k + 4))}
    places = ({k: 10 * k for k in range(n)}, {i: 10 * i + 1 for i in range(n)})
    assert assign.windowed(scores)
    pairs = assign.max_weight_pairs(scores, places)
    assert sizes and max(sizes) <= assign.WINDOW_NODES
    assert sorted(pairs) == [(k, k) for k in range(n)]
    sizes.clear()
    small = {p: s for p, s in scores.items() if p[0] < 60 and p[1] < 60}
    assert not assign.windowed(small)  # 60 a side: the one matrix, as on every real page
    assert sorted(assign.max_weight_pairs(small, places)) == [(k, k) for k in range(60)]
    assert sizes == [60]


def test_windows_keep_pairs_within_one_run_of_places():
    scores = {(0, 0): 1.0, (1, 1): 1.0, (0, 1): 0.5, (2, 2): 1.0}
    places = ({0: 0, 1: 10, 2: 20}, {0: 1, 1: 11, 2: 21})
    parts = assign.windows(scores, places, size=4)
    assert parts == [{(0, 0): 1.0, (1, 1): 1.0, (0, 1): 0.5}, {(2, 2): 1.0}]
    assert Counter(len(p) for p in assign.windows(scores, places, size=2)) == Counter({1: 3})


@pytest.mark.pure_python  # turns the windows off in the compiled module
def test_the_headline_stage_assigns_a_page_of_many_blocks_in_windows(monkeypatch):
    """A 1,600-line page (read whole) of 200 headed pieces: the head blocks go to their
    articles in windows (`assign:windowed_long_page` on each), the same heads the one matrix
    gives."""
    text = "\n".join(made_page(25, with_header=False))
    assert text.count("\n") < long_pages.LONG_PAGE_LINES
    page = parse_text(text)[0]
    windowed = [a for a in page.articles if assign.WINDOWED_REASON in a.reasons]
    assert len(windowed) >= 170
    monkeypatch.setattr(assign, "WINDOW_ABOVE", 10**6)
    whole = parse_text(text)[0]
    assert not any(assign.WINDOWED_REASON in a.reasons for a in whole.articles)
    assert [a.headline for a in page.articles] == [a.headline for a in whole.articles]


def test_a_layout_dump_is_told_long_by_the_lines_it_becomes():
    """A -layout dump prints columns side by side: 1,200 rows of two columns are 2,400 lines
    once unlayout has taken them apart, past LONG_PAGE_LINES, and read in sections."""
    left = (BODY * 300)[:1200]
    rows = [f"{a:<20}{'':8}{b}" for a, b in zip(left, reversed(left))]
    assert len(rows) < long_pages.LONG_PAGE_LINES
    page = parse_text("\n".join(rows))[0]
    assert len(page.lines) > long_pages.LONG_PAGE_LINES
    assert any(r.startswith("page:section_at") for ln in page.lines for r in ln.reasons)
    assert input_chars("\n".join(rows)) == printed_chars(page_to_dict(page))
