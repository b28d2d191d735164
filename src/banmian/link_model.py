"""Does a fragment continue a thread? A small logistic model over the cues of the join.

Cues (`link_features`): the fragment's content cosine with the thread so far, how the thread's
latest fragment ends and the fragment begins (mid-sentence, paragraph end, indent), the join
score across the break (`language.join_score`: a dictionary word spanning it, kinsoku), a word
across the break that the page prints whole elsewhere (`page_word`), whether the latest
fragment stands right before it in the input or how far back, and whether a jump line or
source credit closed the thread.

The weights were fitted on dev pages 1-40 by `bench/fit_links.py` (logistic regression, L2
1e-3) over every (fragment, thread) pair of the gold threading, the label telling whether the
thread is the fragment's own (`page_word` was set afterwards, the others kept); its own
thread then ranks first for 90.8% of continuing fragments on dev and 90.0% on held-out pages
41-60 (90.2% and 89.8% without `page_word`). The reassemble stage adds these log-odds along a
threading.

A refit on the simulated TRAIN set (bench/pagesim, seed train-1, 300 pdftotext pages: `python
bench/fit_links.py --dir /work/sim/train/data/pages-dev --pages 1-300 --report ''`) ranks the own
thread first for 90.7% of continuing fragments there against 91.3% for these weights, and lowers
TRAIN body_char_acc (0.7991 with these; the refit 0.7868, the refit with the four hand-set
weights below kept 0.7946): kept. The four hand-set weights were re-tried there one at a time
(figures: TRAIN pdftotext body_char_acc); the values kept are the best or within 0.0015 of it.
"""
from __future__ import annotations

from typing import Final, cast

from banmian.language import (JOIN_CONTEXT, MARK_SCORE, MID_SENTENCE_START, WORD_SCORE, cut_spanning_word,
                              join_score, number_runs_on, spanning_word)
from banmian.closing_credits import ends_on_note
from banmian.model import Fragment
from banmian.rules.chars import OPENERS, is_cjk, strip_ws
from banmian.similarity import Group

LINK_WEIGHTS: Final = {
    "bias": -2.974,
    "cos": 3.704,  # per 0.1 of cosine with the thread's text
    # per point of language.join_score. Set by hand over the fitted 0.635, the others kept:
    # dev pdftotext body_char_acc 1-20 / 21-40 (with closed_by_jump -4): 0.635: 0.8671 / 0.8299,
    # 1: 0.8671 / 0.8263, 1.5: 0.8718 / 0.8332, 2: 0.8706 / 0.8330, 3: 0.8675 / 0.8356, 4: 0.8662 / 0.8290.
    # Sim TRAIN: 0.5: 0.7965, 1: 0.7963, 1.5: 0.7991, 2: 0.7970, 3: 0.7934.
    "join": 1.5,
    "adjacent": 2.765,  # the thread's latest fragment is the one just before in the input
    "d2_3": -0.023,  # ... or 2-3 fragments back
    "d4_6": -0.914,
    "d7p": -1.827,
    # a jump line or source credit closed the thread. Set by hand over the fitted -1.684 (the
    # fit weighs each link alone; the beam weighs it against opening a thread): on dev
    # pdftotext pages 1-40, 64 of 69 fragments a jump or source line closes end their gold
    # article. Body_char_acc 1-20 / 21-40: -1.684: 0.8483 / 0.8195; -4, -8, -20: 0.8629 / 0.8284.
    # Sim TRAIN: -1.5: 0.7911, -2.5: 0.7947, -4: 0.7991, -6: 0.7990.
    "closed_by_jump": -4.0,
    # a word spans the break and its two characters at the break stand side by side elsewhere
    # on the page (a name or term of the article: `尉健` / `行`). Set by hand, the others kept:
    # on dev pdftotext pages 1-40, of the breaks between a fragment that stops mid-sentence and
    # one that starts so, 24.5 % of the true joins show it and 0.25 % of the others (log
    # likelihood ratio 4.6; a word alone 0.3); body_char_acc pages 1-20 / 21-40: 0: 0.8390 /
    # 0.7938, 3: 0.8446 / 0.8004, 4: 0.8446 / 0.8017, 6 and 8: 0.8468 / 0.8017.
    # Sim TRAIN: 1: 0.7997, 3: 0.8005, 6: 0.7991, 8: 0.7985 (3 is below 6 on dev: kept).
    "page_word": 6.0,
    # a number cut at the break: the latest fragment ends with a digit and this one opens with
    # a digit or a unit (`人均 58.57` / `元，`). Set by hand: on dev pdftotext pages 1-40 (gold
    # threading) 5 continuing fragments show it on their own thread and none of 284 others.
    # Sim TRAIN: 0: 0.7990, 1.5: 0.7993, 3: 0.7991, 5: 0.7982.
    "number_runs_on": 3.0,
    # `sibling_columns`: set by hand, the others kept. Sim TRAIN pdftotext body_char_acc pages
    # 1-40 / 41-300 (0: 0.8296 / 0.8042): 2: 0.8344 / 0.8044, 3: 0.8332 / 0.8048, 4.5: 0.8261 /
    # 0.8039 (3 lowers dev pages 1-20 para_f1 0.9080 -> 0.9063).
    "same_lines": 2.0,
    # a piece that opens mid-sentence after a piece closed by a bracketed note after a finished
    # sentence (`closing_credits.ends_on_note`: `…的活儿。（新华社记者李刚摄）`, `…（见下图）`).
    # Set by hand, the others kept. Sim TRAIN pdftotext 1-40 / 41-300 body_char_acc .8598 /
    # .8294 -> .8598 / .8299, article_exact .5801 / .5540 -> .5801 / .5554 (pages 107, 186, 234);
    # sim VAL 1-40 / 41-120 .8201 / .8118 -> .8218 / .8128, exact .5664 / .5660 -> .5664 / .5692;
    # -0.5: TRAIN 41-300 .8295 / .5545; -1: as -1.5; -2: VAL 1-40 exact -1; -3: VAL 41-120
    # .8100 / .5676, dev 21-40 exact -1; asked of a "short" start too: VAL 1-40 and dev 21-40
    # exact -1 each. Dev pdftotext 1-40: page 22 changes
    # (no metric); raw and PyMuPDF unchanged.
    "noted_then_open": -1.5,
    "fit_closed_indent": 0.262,  # latest fragment's end _ this fragment's start
    "fit_closed_open": -0.814,
    "fit_closed_short": -0.092,
    "fit_maybe_indent": 0.155,
    "fit_maybe_open": 0.153,
    "fit_maybe_short": -0.134,
    "fit_open_indent": -0.415,
    "fit_open_open": 0.447,
    "fit_open_short": 0.437,
}


def fragment_text(frags: list[Fragment], texts: list[str] | None = None) -> str:
    """The fragments' texts, whitespace dropped, joined by a NUL: two characters stand side by
    side inside one of the fragments when they are a substring of it (one `strip_ws` pass over
    the page, a quarter of a regex `\\s+` substitution's cost; a set of the page's bigrams cost
    0.7 ms a page). `texts`: the fragments' texts (`joined_texts`), when already joined."""
    if texts is None:
        texts = joined_texts(frags)
    return strip_ws("\x00".join(texts))


def joined_texts(frags: list[Fragment]) -> list[str]:
    """Each fragment's lines joined as they are: the text the reassemble stage weighs (its
    content space, its joins' page words, its quote balance), joined once a page."""
    return ["".join([ln.text for ln in f.lines]) for f in frags]


def page_word(left: str, right: str, text: str) -> bool:
    """A word spans the break between `left` and `right`, and the two characters at the break
    stand side by side in `text` (`fragment_text` of the page)."""
    a, b = strip_ws(left), strip_ws(right)
    return bool(a) and bool(b) and a[-1] + b[0] in text and spanning_word(left, right) is not None


def join_features(latest: Fragment, frag: Fragment, text: str | None = None) -> dict[str, float]:
    """The cues of putting `frag` right after `latest` that do not depend on content; `text`
    is the page's `fragment_text` (by default that of the two fragments)."""
    feats = {
        "bias": 1.0,
        "join": join_score(latest.last.text, frag.first.text),
        f"fit_{latest.end}_{frag.start}": 1.0,
    }
    distance = distance_feature(frag.order - latest.order)
    if distance:
        feats[distance] = 1.0
    if latest.no_successor:
        feats["closed_by_jump"] = 1.0
    if text is None:
        text = fragment_text([latest, frag])
    if page_word(latest.last.text, frag.first.text, text):
        feats["page_word"] = 1.0
    if number_runs_on(latest.last.text, frag.first.text):
        feats["number_runs_on"] = 1.0
    if sibling_columns(latest, frag):
        feats["same_lines"] = 1.0
    if frag.start == "open" and ends_on_note(latest.lines):
        feats["noted_then_open"] = 1.0
    return feats


# Sibling columns of one article hold as many lines as each other: a column of an article set in
# several columns is cut off at the article's foot, and the next column opens at its top, so a
# piece that ends mid-sentence and the piece that carries its sentence on are as long as each
# other (the last column may be shorter). On the simulated TRAIN pdftotext pages 1-60 (gold
# threading), of the fragments of 4 lines or more that open mid-sentence and continue a thread
# that stops mid-sentence while another open-ended thread stands, 29.5% are as long as their own
# thread's latest fragment against 4.5% of the rival threads' latest fragments; dev pdftotext
# pages 1-40: 23.7% against 2.9%. The wrong-article joins this mends (`bench/misplaced.py`): an
# open fragment put on the wrong one of several threads left open at a column foot.
# Only where `latest` stands two fragments back or more: the cue picks among threads left open,
# it does not join a fragment to the one just before it, which the adjacency weight favours
# already (dev pdftotext page 33: two 10-line pieces of two articles side by side, the second
# opening on a quotation, joined so; 4 lines or more: 3 and 5 gave the same TRAIN figures).
# Sim TRAIN pdftotext 1-40 / 41-300 with the adjacent fragment too: 0.8350 / 0.8049, dev 21-40
# source_acc 0.9615 -> 0.9551; with the fragment starting open after any end: 0.8291 / 0.8047;
# after an open end or before an open start: 0.8249 / 0.8049.
SIBLING_MIN_LINES: Final = 4


def sibling_columns(latest: Fragment, frag: Fragment) -> bool:
    """`latest` stops mid-sentence and `frag`, two fragments on or more, opens mid-sentence, both
    SIBLING_MIN_LINES lines or more and as many lines as each other: two columns of one article,
    side by side."""
    return (latest.end == "open" and frag.start == "open" and frag.order - latest.order > 1
            and len(frag.lines) >= SIBLING_MIN_LINES and len(latest.lines) == len(frag.lines))


def distance_feature(d: int) -> str | None:
    """The feature naming how far back (d fragments) the latest fragment stands, if any."""
    if d == 1:
        return "adjacent"
    if 2 <= d <= 3:
        return "d2_3"
    if 4 <= d <= 6:
        return "d4_6"
    if d >= 7:
        return "d7p"
    return None


# The `fit_{end}_{start}` weights by (end, start): no key to format per join.
_FIT_WEIGHTS: Final = {tuple(k.split("_")[1:]): w for k, w in LINK_WEIGHTS.items() if k.startswith("fit_")}


def join_logit(latest: Fragment, frag: Fragment) -> float:
    """`logit(join_features(latest, frag))`, without building the feature dict
    (`JoinLogits`, for two fragments)."""
    return JoinLogits([latest, frag]).logit(0, 1)


class JoinLogits:
    """`join_logit` between fragments of one page: what each fragment brings to a join (its
    ends' characters and classes, its end or start kind, its order) looked up once, not per
    join (the beam search scores ~230 joins a page).

    The same terms (weight times value; every value but the join score is 1.0) added up in the
    order sum() adds them, so the result is bit-identical (tests/test_fast_paths.py).
    """

    __slots__ = ("tails", "heads", "mark_end", "mark_start", "cjk_end", "cjk_start", "text", "pairs", "fit_rows",
                 "fit_cols", "orders", "closed", "digit_end", "number_start", "open_sizes", "open_starts", "size",
                 "words", "noted", "open_start")

    def __init__(self, frags: list[Fragment], texts: list[str] | None = None):
        """`texts`: the fragments' `joined_texts`, when already joined."""
        lasts = [f.last.text for f in frags]
        firsts = [f.first.text for f in frags]
        # `language.join_score` in parts: the break's mark, then a word across it
        self.tails = [t[-JOIN_CONTEXT:] for t in lasts]
        self.heads = [t[:JOIN_CONTEXT] for t in firsts]
        self.mark_end = [bool(t) and t[-1] in OPENERS for t in lasts]
        self.mark_start = [bool(t) and t[0] in MID_SENTENCE_START for t in firsts]
        self.cjk_end = [bool(t) and is_cjk(t[-1]) for t in lasts]
        self.cjk_start = [bool(t) and is_cjk(t[0]) for t in firsts]
        self.text = fragment_text(frags, texts)
        # the two characters a join of fragment j to fragment i puts side by side: last_j + first_i
        self.pairs = ([strip_ws(t)[-1:] for t in lasts], [strip_ws(t)[:1] for t in firsts])
        # the fit weight's row (by end kind) and column (by start kind), the orders, the closing jumps
        self.fit_rows = [_FIT_ROWS.get(f.end, _NO_FIT) for f in frags]
        self.fit_cols = [_FIT_COLUMN.get(f.start, len(_FIT_STARTS)) for f in frags]
        self.orders = [f.order for f in frags]
        self.closed = [f.no_successor for f in frags]
        # `number_runs_on` in parts: a digit at the end, what may follow one at the start
        self.digit_end = [number_runs_on(t, "0") for t in lasts]
        self.number_start = [number_runs_on("0", t) for t in firsts]
        # `sibling_columns` in parts: the line count of a fragment that ends open (0 if not), of
        # one that starts open and is long enough (-1 if not)
        self.open_sizes = [len(f.lines) if f.end == "open" else 0 for f in frags]
        self.open_starts = [len(f.lines) if f.start == "open" and len(f.lines) >= SIBLING_MIN_LINES else -1
                            for f in frags]
        # the word part of each join looked at (`join_parts`), by j * size + i: the beam asks for
        # most joins again (57 % of the asks on the dev pdftotext pages), speed alone
        self.size = len(frags)
        self.words: dict[int, int] = {}
        self.noted = [ends_on_note(f.lines) for f in frags]
        self.open_start = [f.start == "open" for f in frags]

    def join_parts(self, j: int, i: int) -> tuple[float, bool]:
        """`language.join_score` of fragment j's last line and fragment i's first, and whether
        the join makes a `page_word`."""
        tail, head = self.tails[j], self.heads[i]
        if not tail or not head:
            return 0.0, False
        score = 0.0
        if self.mark_end[j] or self.mark_start[i]:
            score += MARK_SCORE
        word = False
        if self.cjk_end[j] and self.cjk_start[i]:
            key = j * self.size + i
            found = self.words.get(key)
            if found is None:  # 0: no word spans the break; 1: one does; 2: one does, a page word
                found = 0
                if cut_spanning_word(tail, head, True):
                    found = 2 if self.pairs[0][j] + self.pairs[1][i] in self.text else 1
                self.words[key] = found
            if found:
                score += WORD_SCORE
                word = found == 2
        return score, word

    def logit(self, j: int, i: int) -> float:
        """`join_logit(frags[j], frags[i])`: the terms of `join_features`, each looked up in a
        table made once per page."""
        score, word = self.join_parts(j, i)
        total = _BIAS + _JOIN_WEIGHT * score
        total += self.fit_rows[j][self.fit_cols[i]]
        d = self.orders[i] - self.orders[j]
        if d > 0:
            total += _DISTANCE_WEIGHTS[d] if d < len(_DISTANCE_WEIGHTS) else _FAR_WEIGHT
        if self.closed[j]:
            total += _CLOSED_WEIGHT
        if word:
            total += _PAGE_WORD_WEIGHT
        if self.digit_end[j] and self.number_start[i]:
            total += _NUMBER_WEIGHT
        if d > 1 and self.open_sizes[j] == self.open_starts[i]:
            total += _SAME_LINES_WEIGHT
        if self.noted[j] and self.open_start[i]:
            total += _NOTED_THEN_OPEN_WEIGHT
        return total


# `JoinLogits.logit`'s tables: the fit weight of each end kind (a row) by start kind (a column,
# the last one for a start kind without a weight: 0.0, as `_FIT_WEIGHTS.get` gives); the
# distance weight of d = 1..6 fragments back (`distance_feature`), and of anything further.
_FIT_STARTS: Final = sorted({start for _, start in _FIT_WEIGHTS})
_FIT_COLUMN: Final = {start: k for k, start in enumerate(_FIT_STARTS)}
_FIT_ROWS: Final = {end: [_FIT_WEIGHTS.get((end, start), 0.0) for start in _FIT_STARTS] + [0.0]
             for end, _ in _FIT_WEIGHTS}
_NO_FIT: Final = [0.0] * (len(_FIT_STARTS) + 1)
_DISTANCE_WEIGHTS: Final = [0.0] + [LINK_WEIGHTS[cast(str, distance_feature(d))] for d in range(1, 7)]
_FAR_WEIGHT: Final = LINK_WEIGHTS[cast(str, distance_feature(7))]
_BIAS: Final = LINK_WEIGHTS["bias"]
_JOIN_WEIGHT: Final = LINK_WEIGHTS["join"]
_CLOSED_WEIGHT: Final = LINK_WEIGHTS["closed_by_jump"]
_NOTED_THEN_OPEN_WEIGHT: Final = LINK_WEIGHTS["noted_then_open"]
_PAGE_WORD_WEIGHT: Final = LINK_WEIGHTS["page_word"]
_NUMBER_WEIGHT: Final = LINK_WEIGHTS["number_runs_on"]
_SAME_LINES_WEIGHT: Final = LINK_WEIGHTS["same_lines"]


# Quotes across a join: a fragment whose first closing mark of a pair comes before any opening
# one (`”`, `』`, `》`) closes what an earlier fragment opened. On dev pdftotext pages 1-40
# (gold threading), of 21 continuing fragments that open so, the own thread held an unclosed
# opening mark of that pair for 21, the other open threads for 2 of 71. Not the single quotes
# (`’` led 6 continuing fragments, their own thread held an open `‘` for one, and one article
# starts with it) nor round brackets (none on dev).
QUOTE_PAIRS: Final = (("“", "”"), ("『", "』"), ("《", "》"))
# Log-odds (about those counts' likelihood ratios): the thread holds the opening mark the
# fragment closes; it holds none open (nor does a new thread). Dev pdftotext body_char_acc pages
# 1-20 / 21-40: without the cue 0.8480 / 0.8190; 1 / -0.5: 0.8526 / 0.8204; 2 / -1 to 5 / -1.5
# (and 3 / 0, 3 / -3): 0.8522 / 0.8204; raw and PyMuPDF dumps unchanged.
QUOTE_CLOSES: Final = 3.0
QUOTE_UNOPENED: Final = -1.5


def leading_closers(text: str) -> tuple[int, ...]:
    """The QUOTE_PAIRS (by index) whose closing mark comes in `text` before any opening one."""
    out = []
    for k, (opening, closing) in enumerate(QUOTE_PAIRS):
        c = text.find(closing)
        if c >= 0:
            o = text.find(opening)
            if o < 0 or c < o:
                out.append(k)
    return tuple(out)


class QuoteBalance:
    """The quote cue of a join (QUOTE_CLOSES / QUOTE_UNOPENED) for the fragments of one page:
    each fragment's leading closers and its balance of opening over closing marks per pair,
    found once; a thread's balance is the sum over its members."""

    __slots__ = ("closers", "balance")

    def __init__(self, frags: list[Fragment], texts: list[str] | None = None):
        """`texts`: the fragments' `joined_texts`, when already joined."""
        if texts is None:
            texts = joined_texts(frags)
        self.closers = [leading_closers(t) for t in texts]
        # the QUOTE_PAIRS' balances spelled out (no generator per text: speed alone)
        self.balance: list[tuple[int, ...]] = [
            (t.count("“") - t.count("”"), t.count("『") - t.count("』"), t.count("《") - t.count("》")) for t in texts]

    def term(self, members: tuple[int, ...], i: int) -> float:
        """The log-odds fragment i's closing marks add to its joining the thread of `members`."""
        closers = self.closers[i]
        if not closers:
            return 0.0
        balance = self.balance
        return sum(QUOTE_CLOSES if sum(balance[m][k] for m in members) > 0 else QUOTE_UNOPENED for k in closers)

    def new_thread_term(self, i: int) -> float:
        """What fragment i's closing marks add to its opening a thread (nothing is open there)."""
        return QUOTE_UNOPENED * len(self.closers[i])


def link_features(latest: Fragment, frag: Fragment, thread: Group, i: int,
                  text: str | None = None) -> dict[str, float]:
    """All cues of fragment `frag` (piece i of the content space) continuing `thread`."""
    feats = join_features(latest, frag, text)
    feats["cos"] = 10 * thread.cosine(i)
    return feats


def logit(feats: dict[str, float]) -> float:
    """The model's log-odds that the thread is the fragment's own."""
    return sum(LINK_WEIGHTS.get(k, 0.0) * v for k, v in feats.items())
