"""heads_tail: a subtitle's dash line closes its headline block (made-up tail lines)."""
from __future__ import annotations

from banmian.model import Line


def _shapes(texts: list[tuple[str, str]]) -> set[tuple[int, int]]:
    from banmian.stages.heads_tail import block_shapes

    tail = [Line(n, t, t, kind=k) for n, (t, k) in enumerate(texts)]
    starts, sizes = block_shapes(tail)
    return set(zip(starts.tolist(), sizes.tolist()))


def test_no_block_runs_on_past_a_subtitle_into_the_next_headline():
    """Under a line opening with a subtitle's dash only its block's byline may follow: the head
    line under it is the next article's headline, which opens a block of its own."""
    shapes = _shapes([("把春运办好", "head"), ("——铁路部门的经验", "head"), ("加开旅客列车", "head"),
                      ("郊区农民种植蔬菜大棚", "head")])
    assert (0, 2) in shapes and (0, 3) not in shapes and (0, 4) not in shapes
    assert (2, 1) in shapes and (2, 2) in shapes


def test_a_byline_or_a_speech_date_under_a_subtitle_stays_in_its_block():
    shapes = _shapes([("把春运办好", "head"), ("——铁路部门的经验", "head"), ("本报记者王大明", "byline"),
                      ("迈向新的一年", "head"), ("——市长的新年讲话", "head"), ("12月31日", "head")])
    assert (0, 3) in shapes and (0, 4) not in shapes
    assert (3, 3) in shapes
