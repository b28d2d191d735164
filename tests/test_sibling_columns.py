"""The link model's sibling-column cue: a piece that opens mid-sentence goes on the thread left
open by a piece as long as it (two columns of one article, side by side)."""
from __future__ import annotations

import pytest

from banmian.link_model import LINK_WEIGHTS, SIBLING_MIN_LINES, JoinLogits, join_features, logit, sibling_columns
from banmian.model import Fragment, Line


def piece(lines: int, start: str, end: str, order: int, word: str = "某") -> Fragment:
    """A fragment of `lines` full lines of invented filler text."""
    texts = [f"{word}甲乙丙丁戊己庚辛壬癸{k}" for k in range(lines)]
    return Fragment(lines=[Line(no=order * 100 + k, raw=t, text=t) for k, t in enumerate(texts)],
                    start=start, end=end, order=order)


def test_a_piece_as_long_as_an_open_thread_two_back_is_its_sibling_column():
    long_a = piece(6, "indent", "open", 0, "甲")
    short_b = piece(3, "indent", "open", 1, "乙")
    other = piece(2, "indent", "closed", 2, "丙")
    cont = piece(6, "open", "open", 3, "丁")
    assert sibling_columns(long_a, cont)
    assert not sibling_columns(short_b, cont)
    assert not sibling_columns(other, cont)  # a closed end
    assert not sibling_columns(other, piece(6, "open", "open", 3))  # adjacent: left to the adjacency weight
    assert not sibling_columns(piece(6, "open", "open", 0), piece(6, "indent", "open", 2))  # an indented start
    small = SIBLING_MIN_LINES - 1
    assert not sibling_columns(piece(small, "open", "open", 0), piece(small, "open", "open", 2))


def test_the_sibling_column_outscores_a_rival_thread_otherwise_alike():
    frags = [piece(6, "indent", "open", 0, "甲"), piece(4, "indent", "open", 1, "乙"),
             piece(2, "indent", "closed", 2, "丙"), piece(6, "open", "open", 3, "丁")]
    joins = JoinLogits(frags)
    # both open threads stand two or three fragments back (d2_3): the sibling's length decides
    assert LINK_WEIGHTS["same_lines"] > 0
    assert joins.logit(0, 3) - joins.logit(1, 3) == pytest.approx(LINK_WEIGHTS["same_lines"])



def test_join_logits_add_the_sibling_cue_as_the_features_do():
    frags = [piece(5, "indent", "open", 0), piece(5, "open", "open", 1), piece(5, "open", "open", 2),
             piece(2, "open", "open", 3), piece(5, "open", "maybe", 4), piece(5, "open", "open", 5)]
    joins = JoinLogits(frags)
    for j in range(len(frags)):
        for i in range(j + 1, len(frags)):
            feats = join_features(frags[j], frags[i], joins.text)
            assert joins.logit(j, i) == logit(feats)
            assert ("same_lines" in feats) == sibling_columns(frags[j], frags[i])
