"""Where do articles start? A small logistic model over cues of each fragment.

Cues (`start_features`): what stands right before the fragment (a headline block, a byline
line), what opens it (a lead-in byline 本报讯/新华社…电, a continuation note 上接), how it
begins (an indented paragraph start or mid-sentence), how the fragment before it ends, how
much the headline block's words recur in its opening (and a headline's printed far away), and how much its content differs from
the fragments just before it (an article start shares little with the article before).

The weights were fitted on dev pages 1-40 by `bench/fit_starts.py` (logistic regression,
L2 1e-3); on held-out pages 41-60 the decision at START_THRESHOLD has precision 0.83 and
recall 0.82 for fragments that open a gold article (refit after the split_columns stage).

Refits on the simulated TRAIN set (bench/pagesim, seed train-1, 300 pages: `python
bench/fit_starts.py --dir /work/sim/train/data/pages-dev --pages 1-300 --report '' --kind K`)
gain a little there and lose on dev: pdftotext, TRAIN body_char_acc 0.7991 -> 0.8011, dev pages
1-20 / 21-40 0.9168 / 0.8846 -> 0.8972 / 0.8595 (at threshold 0: 0.8059 on TRAIN, 0.8976 / 0.8582
on dev; a joint fit with the dev pages weighted 7 times: 0.7993 on TRAIN, 0.8952 / 0.8562 on dev);
raw weights for dumps without blank lines (tried as weights of their own), TRAIN raw 0.9150 ->
0.9168, dev raw 1-20 0.9878 -> 0.9863 (article_exact 0.8571 -> 0.8447). Kept.
"""
from __future__ import annotations

from typing import Final, cast

from banmian.model import Fragment, Line, Page
from banmian.rules.furniture import is_lead_in, is_salutation
from banmian.rules.names import office_signature
from banmian.similarity import ContentSpace, bigram_shares, block_overlap

START_WEIGHTS: Final = {
    "bias": -0.596,
    "ev_none": -2.135,
    "ev_headline_before": -0.855,
    "ev_lead_in": 1.336,
    "ev_continued_from": 1.351,
    "ev_byline_before": 0.303,
    "start_indent": 1.123,
    "start_open": -0.336,
    "start_short": -0.788,
    "prev_none": 1.023,
    "prev_closed": -0.733,
    "prev_maybe": -0.556,
    "prev_open": 0.265,
    "headline_overlap": 1.562,
    "far_headline_overlap": 0.4,  # set on dev 1-40 with the others kept (a refit gave 0.66 and cost pdftotext)
    "multi_line_headline": 0.850,
    "cos_prev": -1.518,  # per 0.1 of cosine with the three fragments before
    "cos_next": 0.616,  # per 0.1 of cosine with the three fragments after
}
# Logit; dev 1-40: P 0.78 R 0.77, held-out 41-60: P 0.83 R 0.82. Sim TRAIN pdftotext
# body_char_acc: -1: 0.7888, -0.5: 0.7991, 0: 0.8012, 0.5: 0.8034, 1: 0.8032 (raw unchanged), but
# dev 1-20 / 21-40: 0: 0.9176 / 0.8833, source_acc 0.9876 / 0.9615 -> 0.9814 / 0.9551; 0.5:
# 0.9128 / 0.8833: kept.
START_THRESHOLD = -0.5
CONTEXT: Final = 3  # fragments before/after compared with a candidate start
FAR_HEAD_MIN_CHARS: Final = 4  # shorter head lines share bigrams with any text by chance
OPENING_CHARS = 200  # a fragment's opening, where a headline's words are looked for


def lines_around(page: Page, frag: Fragment, after: bool) -> list[Line]:
    """The non-blank, non-body lines directly after (or before) a fragment, nearest first.

    Needs `page.scratch["line_index"]` (set by `reassemble.prepare_fragments`); cached per page.
    """
    key = 2 * id(frag) + (1 if after else 0)  # one integer, not a tuple: a cheaper key to hash
    # typed: the compiled build's own dict ops; got, not `setdefault(…, {})`: no empty dict
    # made and dropped on each of the page's thousands of asks
    cache: dict[int, list[Line]] | None = page.scratch.get("lines_around")
    if cache is None:
        cache = page.scratch["lines_around"] = {}
    found = cache.get(key)
    if found is None:
        found = cache[key] = _lines_around(page, frag, after)
    return found


def _lines_around(page: Page, frag: Fragment, after: bool) -> list[Line]:
    index: dict[int, int] = page.scratch["line_index"]  # typed: native integers in the compiled build
    lines = page.lines
    step = 1 if after else -1
    j = index[id(frag.last if after else frag.first)] + step
    out = []
    while 0 <= j < len(lines) and lines[j].kind != "body":
        if lines[j].kind != "blank":
            out.append(lines[j])
        j += step
    return out


def start_evidence(frag: Fragment, before: list[Line], heads: list[Line]) -> str:
    """The strongest cue around the fragment's start (the `ev_` feature): continued_from,
    lead_in, headline_before, byline_before or none."""
    if frag.no_predecessor:
        return "continued_from"
    if is_lead_in(frag.first.text) or is_salutation(frag.first.text):
        return "lead_in"  # a letter's salutation opens it as a lead-in opens a report
    if frag.start == "indent" and heads:
        return "headline_before"
    if frag.start == "indent" and any(ln.kind == "byline" for ln in before):
        return "byline_before"
    return "none"


def page_head_lines(page: Page) -> list[Line]:
    """The page's head lines long enough to count, cached per page."""
    found = page.scratch.get("far_head_lines")
    if found is None:
        found = page.scratch["far_head_lines"] = [
            ln for ln in page.lines if ln.kind == "head" and len(ln.text) >= FAR_HEAD_MIN_CHARS
        ]
    return found


def head_shares(page: Page, texts: list[str]) -> list[list[float]]:
    """For each fragment text, the share of each `page_head_lines` line's bigrams found in its
    opening (one array computation for all the texts)."""
    return bigram_shares([ln.text for ln in page_head_lines(page)], [t[:OPENING_CHARS] for t in texts])


def indented_head_shares(page: Page, frags: list[Fragment], texts: list[str]) -> dict[int, list[float]]:
    """`head_shares` of the fragments that open indented, by fragment index (`texts[i]`: fragment
    i's lines joined): only theirs count (`start_features`' far_headline_overlap), two thirds of
    the fragments of the dev pdftotext pages."""
    indented = [i for i, f in enumerate(frags) if f.start == "indent"]
    return dict(zip(indented, head_shares(page, [texts[i] for i in indented])))


def far_headline_overlap(page: Page, heads: list[Line], shares: list[float]) -> float:
    """The largest share of a head line's bigrams found in a fragment's opening (`shares`: its
    row of `head_shares`), over the page's head lines not printed right before the fragment:
    headlines grouped far away (dev page 19: `警惕，又到公款送礼时` at the top, its article
    `春节将至，公款送礼…` under a caption far below)."""
    near = {id(ln) for ln in heads}
    best = 0.0  # shares are never negative
    for ln, share in zip(page_head_lines(page), shares):
        # only a share above the best so far can change it: most are 0, no identity looked up
        if share > best and id(ln) not in near:
            best = share
    return best


def start_features(page: Page, frags: list[Fragment], space: ContentSpace, i: int,
                   shares: dict[int, list[float]] | None = None) -> dict[str, float]:
    """The cues of fragment i, as named features (the keys of START_WEIGHTS).

    `space` holds the fragments' texts (`space.texts[i]` is fragment i's lines joined); `shares`
    is their `indented_head_shares`, found once for all the fragments (else here).
    """
    f = frags[i]
    if f.start == "indent" and shares is None:
        shares = indented_head_shares(page, frags, space.texts)
    before = lines_around(page, f, after=False)
    heads = [ln for ln in before if ln.kind == "head"]
    ev = start_evidence(f, before, heads)
    feats = {
        "bias": 1.0,
        f"ev_{ev}": 1.0,
        f"start_{f.start}": 1.0,
        f"prev_{frags[i - 1].end if i else 'none'}": 1.0,
        "headline_overlap": block_overlap(heads, space.texts[i][:OPENING_CHARS]) if heads else 0.0,
        "multi_line_headline": 1.0 if len(heads) > 1 else 0.0,
        "far_headline_overlap": far_headline_overlap(page, heads, cast(dict[int, list[float]], shares)[i]) if f.start == "indent" else 0.0,
        "cos_prev": 10 * space.cosine(i, range(max(0, i - CONTEXT), i)),
        "cos_next": 10 * space.cosine(i, range(i + 1, min(len(frags), i + 1 + CONTEXT))),
    }
    return feats


def sure_start(page: Page, frag: Fragment, logit: float) -> bool:
    """The fragment opens an article whatever else the page says: a `firm_start`, or its start
    log-odds pass START_THRESHOLD."""
    return firm_start(page, frag) or logit > START_THRESHOLD


def firm_start(page: Page, frag: Fragment) -> bool:
    """The fragment opens an article by a sign printed with it, not by the start model's
    weighing: a continuation note (上接) opens it, `stages.heads_tail` aligned a headline block
    to it, it opens with a letter's salutation (`编辑同志：`, however close its topic to the text
    before: dev raw page 10), with a lead-in byline right under headline lines
    (`lead_in_under_headline`), or right under an office-holder's signature (`under_signature`)."""
    return (frag.no_predecessor or frag.forced_start or is_salutation(frag.first.text)
            or lead_in_under_headline(page, frag) or under_signature(page, frag)
            or under_headline_and_picture(page, frag))


# The lines that may stand between a headline and its picture's caption, nearest first
# (`under_headline_and_picture`): the headline block's own lines and the article's byline.
HEADED_PICTURE_KINDS: Final = frozenset(("head", "byline", "header"))


def under_headline_and_picture(page: Page, frag: Fragment) -> bool:
    """The fragment opens indented right under a picture's caption, and over the caption stand
    headline lines (with the byline, perhaps the page header) and nothing else: a headline, its
    picture, then the article's first paragraph, the way a page prints an illustrated article's
    opening. Where pdftotext printed that opening after another article's finished text with
    little content change the link model kept it on that article's thread (sim TRAIN pdftotext
    pages 3, 66, 98, 153, 187, 198, 276: `…迎接市民们的到来。` / `图为国际象棋和围棋…` /
    `北京市举办大规` / `模少年儿童棋赛` / indented `由北京棋院、北京晓…`; 10 such joins on pages
    1-300 were article starts, 1 was not; TRAIN body_char_acc 0.8137 -> 0.8149, article_exact
    0.5167 -> 0.5195; it does not fire on dev pdftotext pages 1-40). A caption over the headline
    lines too (another picture's: sim TRAIN page 192, the one join that was right) leaves it to
    the model."""
    if frag.start != "indent":
        return False
    before = lines_around(page, frag, after=False)
    k = 0
    while k < len(before) and before[k].kind == "caption":
        k += 1
    rest = before[k:]
    return k > 0 and any(ln.kind == "head" for ln in rest) and all(ln.kind in HEADED_PICTURE_KINDS for ln in rest)


def lead_in_under_headline(page: Page, frag: Fragment) -> bool:
    """The fragment opens with a lead-in byline (`据新华社北京1月12日电`) and headline lines
    stand right before it: an article's own opening, however close its topic to the text
    before (dev page 20: `迟浩田会见美国前国防部长` over its lead-in, after an article on the
    same visit). On dev pdftotext pages 1-40, 122 of 125 such fragments open a gold article."""
    return is_lead_in(frag.first.text) and any(ln.kind == "head" for ln in lines_around(page, frag, after=False))


def under_signature(page: Page, frag: Fragment) -> bool:
    """The fragment starts a paragraph right under an office-holder's signature line
    (`office_signature`): a signed speech or article opens there, however close its topic to the
    text before. pdftotext may print the signature and its text apart from their headline, after
    another article on the same subject (dev page 21: `中共中央总书记、国家主席江泽民` over
    `（一九九七年十二月三十一日）…`, the New Year speech, after a commentary on the Party's
    work, whose content cosine kept the speech on the commentary's thread). On dev pages 1-40,
    all 5 such fragments open their gold article (pdftotext pages 21, 29, 35; raw and PyMuPDF
    page 35)."""
    before = lines_around(page, frag, after=False)
    return (frag.start == "indent" and bool(before) and before[0].kind == "byline"
            and office_signature(before[0].text))


def start_logit(feats: dict[str, float]) -> float:
    """The model's log-odds that the fragment opens an article."""
    logit = 0.0  # added up in the features' order, as sum() over them would
    for k, v in feats.items():
        logit += START_WEIGHTS.get(k, 0.0) * v
    return logit


def start_reason(feats: dict[str, float], logit: float) -> str:
    """A short reason naming the strongest cue, for --explain."""
    ev = next((k[3:] for k in feats if k.startswith("ev_")), "none")
    return f"article_start:{ev if ev != 'none' else 'content_change'}:{logit:+.2f}"
