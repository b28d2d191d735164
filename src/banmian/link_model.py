"""Does a fragment continue a thread? A small logistic model over the cues of the join.

Cues (`link_features`): the fragment's content cosine with the thread so far, how the thread's
latest fragment ends and the fragment begins (mid-sentence, paragraph end, indent), the join
score across the break (`language.join_score`: a dictionary word spanning it, kinsoku), whether
the latest fragment stands right before it in the input or how far back, and whether a jump
line or source credit closed the thread.

The weights were fitted on dev pages 1-40 by `bench/fit_links.py` (logistic regression, L2
1e-3) over every (fragment, thread) pair of the gold threading, the label telling whether the
thread is the fragment's own; its own thread then ranks first for 89.4% of continuing
fragments on dev and 89.3% on held-out pages 41-60. The reassemble stage adds these log-odds
along a threading.
"""
from __future__ import annotations

from banmian.language import join_score
from banmian.model import Fragment
from banmian.similarity import Group

LINK_WEIGHTS = {
    "bias": -2.974,
    "cos": 3.704,  # per 0.1 of cosine with the thread's text
    "join": 0.635,  # per point of language.join_score
    "adjacent": 2.765,  # the thread's latest fragment is the one just before in the input
    "d2_3": -0.023,  # ... or 2-3 fragments back
    "d4_6": -0.914,
    "d7p": -1.827,
    "closed_by_jump": -1.684,  # a jump line or source credit closed the thread
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


def join_features(latest: Fragment, frag: Fragment) -> dict[str, float]:
    """The cues of putting `frag` right after `latest` that do not depend on content."""
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
    return feats


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


def join_logit(latest: Fragment, frag: Fragment) -> float:
    """`logit(join_features(latest, frag))`, without building the feature dict.

    The same terms (weight times value; every value but the join score is 1.0) added up in the
    order sum() adds them, so the result is bit-identical (tests/test_fast_paths.py).
    """
    total = LINK_WEIGHTS["bias"] + LINK_WEIGHTS["join"] * join_score(latest.last.text, frag.first.text)
    total += _FIT_WEIGHTS.get((latest.end, frag.start), 0.0)
    distance = distance_feature(frag.order - latest.order)
    if distance:
        total += LINK_WEIGHTS[distance]
    if latest.no_successor:
        total += LINK_WEIGHTS["closed_by_jump"]
    return total


# The `fit_{end}_{start}` weights by (end, start): no key to format per join.
_FIT_WEIGHTS = {tuple(k.split("_")[1:]): w for k, w in LINK_WEIGHTS.items() if k.startswith("fit_")}


def link_features(latest: Fragment, frag: Fragment, thread: Group, i: int) -> dict[str, float]:
    """All cues of fragment `frag` (piece i of the content space) continuing `thread`."""
    feats = join_features(latest, frag)
    feats["cos"] = 10 * thread.cosine(i)
    return feats


def logit(feats: dict[str, float]) -> float:
    """The model's log-odds that the thread is the fragment's own."""
    return sum(LINK_WEIGHTS.get(k, 0.0) * v for k, v in feats.items())
