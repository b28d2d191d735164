"""Reorder: put a fragment printed before the text it continues after that text.

The reassemble stage threads fragments in input order, and within a thread keeps them so. But
pdftotext sometimes prints an article's columns out of order: the body's later column before
its lead-in column (dev page 40: `算管理或财政专户管理的，…` printed before `据新华社北京1月19
日电…未纳入预`), or one column of a story before the one it continues (dev page 5: `京大学数学
力学系…` before `…1956年毕业于北`; page 20: `央电视台在《新闻联播》…` before `…进行了介绍。中`).
The fragment that starts mid-sentence then opens a thread of its own (an article no gold article
matches) or sits in its thread after a fragment it does not continue.

Where the evidence is strong, such a fragment is moved right after the fragment it continues
(`continues`): that one stops mid-sentence, and a dictionary word spans the break whose two
characters stand side by side elsewhere on the page (`link_model.page_word`, the join cue of
log-odds 6: a name or term of the article, `预` / `算`), while no word spans the fragment's
present join. A fragment moved to another thread takes with it what went on from it
(`moved_with`); one moved inside its thread goes alone. Each moved fragment's first line
says what it now follows (REORDER_REASON).

A column's last few lines printed before the column they finish (`early_pairs`) are moved on
other evidence: they sit after a closed paragraph or open a thread, the later fragment's open
end found no partner, and the break between them cuts a dictionary word in two.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Final

from banmian.language import break_cuts_word, spanning_word
from banmian.link_model import fragment_text, page_word
from banmian.model import Fragment
from banmian.para_cues import NOTE_ALONE_REASON, ONE_EM_SHORT_REASON, is_picture_label
from banmian.stages.paragraphs import CUT_SHORT_REASON, INDENTED_OPENING_REASON

if TYPE_CHECKING:  # reassemble imports this module
    from banmian.stages.reassemble import Thread

# On a moved fragment's first line, with the line it now follows and why:
# `reorder:after_line_263:page_word:预算`.
REORDER_REASON: Final = "reorder:after_line_"
# ... when the fragment is a continuation printed early (`early_pairs`):
# `reorder:after_line_369:printed_early:交通工具`.
EARLY_REASON: Final = "printed_early"
# A continuation printed early is a column's last lines: at most this many. On dev pdftotext
# pages 1-40 the five pairs `early_pairs` finds without it have 1, 3, 3, 11 and 21 lines: the
# 21-line one is not a gold join (page 6, -0.116 body_char_acc on the page); the 11-line one is
# (page 29) but moving it took text from the predicted article matching its gold one to another
# piece of it (page body_char_acc 0.8498 -> 0.8390).
EARLY_MAX_LINES: Final = 4
MID_SENTENCE_STARTS: Final = ("open", "short")  # `Fragment.start` kinds that may go on a sentence


def reads_on(latest: Fragment, frag: Fragment) -> bool:
    """`frag` goes on the paragraph `latest` ends: `latest` stops at full width and `frag` starts
    mid-sentence, or `frag` is the rest of text cut short right after `latest` in the input.
    Not where `frag` opens with a paragraph's own cue that its start kind does not show
    (`opens_own_paragraph`)."""
    return (latest.end in ("open", "maybe") and frag.start in MID_SENTENCE_STARTS
            and not opens_own_paragraph(latest, frag)) or (
        frag.order == latest.order + 1 and CUT_SHORT_REASON in frag.first.reasons)


def goes_on_paragraph(latest: Fragment, frag: Fragment) -> bool:
    """No paragraph starts where `frag` is joined after `latest`: it reads on (`reads_on`), or a
    word runs on across the break (`word_runs_on`), unless `frag` opens with a bracketed note
    alone (`para_cues.NOTE_ALONE_REASON`, set by the paragraphs stage). What a join sets
    `para_start` by; the reordering's own tests (`left_open`) ask `reads_on` alone."""
    return (reads_on(latest, frag) or word_runs_on(latest, frag)) and NOTE_ALONE_REASON not in frag.first.reasons


def word_runs_on(latest: Fragment, frag: Fragment) -> bool:
    """`latest` stops mid-word at full width (its end "open") and a dictionary word spans the
    break into `frag`, whose first line measures indented: no paragraph breaks inside a word,
    so the line measures short for another reason (digits, a mark set half-width at a column's
    top). On dev pdftotext 1-40, three joins of the gold's (pages 8, 11, 13: `优秀年` / `轻干部`,
    `流露着兴` / `奋。`, `这起偷` / `税额`) started a paragraph; no gold paragraph starts after a
    full line ending mid-word where such a word spans the break, in any dump."""
    return latest.end == "open" and frag.start == "indent" and not frag.forced_start \
        and spanning_word(latest.last.text, frag.first.text, hmm=False) is not None


def opens_own_paragraph(latest: Fragment, frag: Fragment) -> bool:
    """`frag`'s first line opens a paragraph after `latest` though it measures (nearly) full or
    short: a picture label (`para_cues.is_picture_label`), or, after a full line ending a
    sentence (`latest.end` "maybe"), an indent whose marks are set half-width (the paragraphs
    stage's `para_cues.ONE_EM_SHORT_REASON`: at a column break, dev pdftotext pages 1, 7, 8,
    20, 34) or an indented first line ending a sentence over a full line (the paragraphs stage's
    `INDENTED_OPENING_REASON`: it ends nothing, so it opens a paragraph; sim TRAIN pdftotext
    pages 42, 78, 99, all three such joins there gold paragraph starts, read on)."""
    return is_picture_label(frag.first) or (latest.end == "maybe" and (
        ONE_EM_SHORT_REASON in frag.first.reasons or INDENTED_OPENING_REASON in frag.first.reasons))


def word_across(latest: Fragment, frag: Fragment) -> str | None:
    """A word spanning the break from `latest`'s last line to `frag`'s first (jieba, HMM words too)."""
    return spanning_word(latest.last.text, frag.first.text)


def continues(latest: Fragment, frag: Fragment, page_text: str) -> bool:
    """`frag` surely goes on the sentence `latest` stops in: `latest` ends mid-sentence, `frag`
    starts so, and a dictionary word spans the break whose two characters stand side by side
    elsewhere on the page (`page_word`; `page_text` is the page's `fragment_text`).

    On dev pdftotext pages 1-40, of the 5,466 pairs of a fragment stopping mid-sentence at
    full width and one starting mid-sentence, 76 of the 324 gold joins show such a word, and 16
    of the 5,142 others (one more an HMM word only: `一` / `想去中国看看`, dev page 23). Where
    `sole_pairs` and `stays` leave a move, the six moves on dev all join what the gold joins
    (pages 3, 5, 16, 20, 31, 40)."""
    return may_end_join(latest) and may_start_join(frag) and page_word_joins(latest, frag, page_text)


def page_word_joins(latest: Fragment, frag: Fragment, page_text: str) -> bool:
    """The word test of `continues`, for fragments that may end and start a join: a dictionary
    word spans the break and its two characters stand side by side in `page_text`."""
    left, right = latest.last.text, frag.first.text
    return spanning_word(left, right, hmm=False) is not None and page_word(left, right, page_text)


def may_end_join(latest: Fragment) -> bool:
    """The fragment stops mid-sentence, and no jump line or source credit closes it."""
    return latest.end == "open" and not latest.no_successor


def may_start_join(frag: Fragment) -> bool:
    """The fragment starts mid-sentence, and no continuation note (上接) opens it."""
    return frag.start in MID_SENTENCE_STARTS and not frag.no_predecessor


def stays(before: Fragment | None, frag: Fragment) -> bool:
    """The fragment's present place has its own evidence: a word spans the break from the
    fragment before it in its thread, or that fragment stands right before it in the input and
    stops mid-sentence (dev page 10: `…全年将上演一百零六` / `场。每个双休日下午`, whose `一场`
    would join `…身陷晚会不能自拔，上一`)."""
    if before is None:
        return False
    if word_across(before, frag) is not None:
        return True
    return before.order == frag.order - 1 and before.end == "open"


def sole_pairs(frags: list[Fragment], threads: list[Thread], page_text: str) -> list[tuple[Fragment, Fragment]]:
    """The (latest, frag) pairs where `frag` surely continues `latest` (`continues`) but does
    not follow it now, nor `stays` where it is, and neither fragment is in another such pair:
    a fragment with two candidates, or two fragments wanting one, is left where it is. In
    input order of `frag`."""
    before: dict[int, Fragment | None] = {}
    for t in threads:
        for k, f in enumerate(t.fragments):
            before[id(f)] = t.fragments[k - 1] if k else None
    # `continues`, its join tests once per fragment: most fragments can be on one side only
    lasts = [g for g in frags if may_end_join(g)]
    pairs = [(g, f) for f in frags if may_start_join(f) and not stays(before.get(id(f)), f)
             for g in lasts if g is not f and g is not before.get(id(f)) and page_word_joins(g, f, page_text)]
    count: dict[int, int] = {}
    for g, f in pairs:
        count[id(g)] = count.get(id(g), 0) + 1
        count[id(f)] = count.get(id(f), 0) + 1
    return [(g, f) for g, f in pairs if count[id(g)] == 1 and count[id(f)] == 1]


def misplaced_start(before: Fragment | None) -> bool:
    """A fragment that starts mid-sentence sits where no sentence runs on into it: it opens its
    thread, or the fragment before it in its thread ends a paragraph (a short last line)."""
    return before is None or before.end == "closed"


def left_open(g: Fragment, after: Fragment | None) -> bool:
    """`g` stops mid-sentence and what follows it in its thread (if anything) does not go on
    its sentence (`reads_on`): its open end found no partner."""
    return may_end_join(g) and (after is None or not reads_on(g, after))


def early_pairs(frags: list[Fragment], threads: list[Thread]) -> list[tuple[Fragment, Fragment, str]]:
    """The (latest, frag, word) triples where `frag` is a continuation printed early: pdftotext
    printed a column's last line(s) before the column they finish (dev page 4: `望、置办年货等
    “友情出演”…` before `…都是打着过节看`; page 26: `有很高的外汇储备。` before `…中国具`), so
    the beam, which joins a fragment only to text printed before it, put `frag` after a closed
    paragraph or on a thread of its own (`misplaced_start`). `frag` has at most EARLY_MAX_LINES
    lines, `latest` is printed after it, its open end found no partner (`left_open`), and the
    break between them cuts a dictionary word in two (`language.break_cuts_word`); neither is
    in another such pair.

    On dev pdftotext pages 1-40, 16 such (fragment, later open fragment) pairs have a
    dictionary word across the break; with the later one left open and the word cut (not
    `精` / `致辞。`, page 2), 5 fragments have one candidate: 4 are gold joins, 1 not (page 6:
    `…“历` / `任贝宁…`, 21 lines, whose `历` goes on as `史纪实`); one with two candidates
    (page 34) stays. With EARLY_MAX_LINES, 3 moves, all gold joins (pages 4, 26, 39)."""
    before: dict[int, Fragment | None] = {}
    after: dict[int, Fragment | None] = {}
    for t in threads:
        for k, f in enumerate(t.fragments):
            before[id(f)] = t.fragments[k - 1] if k else None
            after[id(f)] = t.fragments[k + 1] if k + 1 < len(t.fragments) else None
    heads = [f for f in frags if id(f) in before and len(f.lines) <= EARLY_MAX_LINES and may_start_join(f)
             and misplaced_start(before[id(f)])]
    tails = [g for g in frags if id(g) in after and left_open(g, after[id(g)])]
    triples = [(g, f, word) for f in heads for g in tails
               if g.order > f.order and (word := break_cuts_word(g.last.text, f.first.text)) is not None]
    count: dict[int, int] = {}
    for g, f, _ in triples:
        count[id(g)] = count.get(id(g), 0) + 1
        count[id(f)] = count.get(id(f), 0) + 1
    return [(g, f, w) for g, f, w in triples if count[id(g)] == 1 and count[id(f)] == 1]


def reorder_threads(frags: list[Fragment], threads: list[Thread], page_text: str | None = None) -> list[Thread]:
    """The threads with each fragment that surely continues a fragment it does not follow now
    (`sole_pairs`) moved right after that fragment, with what went on from it (`moved_with`).
    A thread left empty is dropped. `page_text`: the fragments' `fragment_text`, when the
    caller has it (the reassemble stage's `JoinLogits` joined it)."""
    if page_text is None:
        page_text = fragment_text(frags)
    for g, f in sole_pairs(frags, threads, page_text):
        home = _thread_of(threads, f)
        host = _thread_of(threads, g)
        if home is None or host is None:
            continue
        j = _index(host.fragments, g)
        after = host.fragments[j + 1] if j + 1 < len(host.fragments) else None
        if after is not None and word_across(g, after) is not None:
            continue  # g goes on in another fragment
        _move(home, host, moved_with(home, host, f), g, f"page_word:{word_across(g, f)}")
    for g, f, word in early_pairs(frags, threads):
        home, host = _thread_of(threads, f), _thread_of(threads, g)
        if home is not None and host is not None:
            _move(home, host, moved_with(home, host, f), g, f"{EARLY_REASON}:{word}")
    return [t for t in threads if t.fragments]


def moved_with(home: Thread, host: Thread, f: Fragment) -> list[Fragment]:
    """What moves with `f` from its thread `home` into thread `host`: the whole thread when `f`
    opens it (it opened no article: its fragments went on from `f`); else `f` and the fragments
    after it that go on its last sentence, each stopping and the next starting mid-sentence
    (dev page 3: `达也是在和这种理念结合…通过赞助` / `希望传达什么样的信息给消费…`; on dev page 31
    the fragment after `民之中。`, a closed paragraph, is another article's); `f` alone inside
    its own thread."""
    if home is host:
        return [f]
    k = _index(home.fragments, f)
    if k == 0:
        return list(home.fragments)
    moved = [f]
    for nxt in home.fragments[k + 1:]:
        if moved[-1].end != "open" or nxt.start not in MID_SENTENCE_STARTS:
            break
        moved.append(nxt)
    return moved


def _index(frags: list[Fragment], frag: Fragment) -> int:
    """The fragment's position in the list, by identity (fragments compare equal by value)."""
    return next(k for k, x in enumerate(frags) if x is frag)


def _thread_of(threads: list[Thread], frag: Fragment) -> Thread | None:
    """The thread holding the fragment (by identity), if any."""
    return next((t for t in threads if any(x is frag for x in t.fragments)), None)


def _move(home: Thread, host: Thread, moved: list[Fragment], g: Fragment, why: str) -> None:
    """Take `moved` out of `home` and put it right after `g` in `host`, mending the paragraph
    starts at the seams (`reads_on`; a thread's first fragment starts one); `why` goes in the
    reason on the first moved line."""
    k = _index(home.fragments, moved[0])
    del home.fragments[k:k + len(moved)]
    _mend(home.fragments, k)
    j = _index(host.fragments, g) + 1
    host.fragments[j:j] = moved
    f = moved[0]
    f.first.because(f"{REORDER_REASON}{g.last.no}:{why}")
    _mend(host.fragments, j)
    _mend(host.fragments, j + len(moved))


def _mend(frags: list[Fragment], k: int) -> None:
    """Set whether fragment k of a thread starts a paragraph, after the fragment now before it."""
    if k < len(frags):
        frags[k].first.para_start = k == 0 or not goes_on_paragraph(frags[k - 1], frags[k])
