"""A small maximum-weight assignment (Hungarian algorithm), pure Python.

Used to pair fragment ends with fragment starts and headline blocks with articles: a global
choice, not a greedy one, so one strong pair does not steal the partner of two good ones.
"""
from __future__ import annotations

from typing import Final

INF: Final = float("inf")
# Above this many nodes on one side (the dev and simulated pages' assignments have at most 29
# head blocks or articles a side), the larger side keeps only the nodes among the best
# partners of some node of the other (`best_partners`): the matrix is square, the larger side
# long, and the algorithm cubic in it (fuzzing: 955 head blocks cut from one 39,196-character
# line, 2 articles: 96 s in pure Python).
PRUNE_ABOVE: Final = 64
# Above this many nodes on a side after that pruning, when the caller gives each node its
# place on the page (`places`), the assignment is solved in windows (`windowed_pairs`): both
# sides large is a page of thousands of lines (a whole issue with its form feeds lost), where
# the one matrix took 26 of 33 s on a made-up 4,000-line page (pure, profiled). The dev,
# simulated TRAIN and VAL pages (three dump kinds) have at most 29 nodes a side (measured):
# five times that, so normal pages never take the windowed path.
WINDOW_ABOVE: Final = 150
# Nodes of both sides together in one window, consecutive by place (about 128 a side: four
# times the largest real page's 29): a window's matrix takes about 0.08 s in pure Python.
WINDOW_NODES: Final = 256
WINDOWED_REASON: Final = "assign:windowed_long_page"


def max_weight_pairs(scores: dict[tuple[int, int], float],
                     places: tuple[dict[int, int], dict[int, int]] | None = None) -> list[tuple[int, int]]:
    """Pairs (a, b) maximising the summed score; each a and each b used at most once.

    `scores` holds only the allowed pairs; a pair with no entry is not allowed. Pairs with a
    score <= 0 are never chosen (leaving both sides unpaired is worth 0). `places`: each left
    and right node's place on the page (a line number), for `windowed_pairs` on huge inputs.
    """
    scores = pruned(scores)
    left = sorted({a for a, _ in scores})
    right = sorted({b for _, b in scores})
    if not left or not right:
        return []
    if places is not None and max(len(left), len(right)) > WINDOW_ABOVE:
        return windowed_pairs(scores, places)
    n = max(len(left), len(right))
    # Square cost matrix for minimisation; forbidden or non-positive pairs cost 0 (= unpaired).
    cost = [[0.0] * n for _ in range(n)]
    li = {a: i for i, a in enumerate(left)}
    ri = {b: j for j, b in enumerate(right)}
    for (a, b), s in scores.items():
        if s > 0:
            cost[li[a]][ri[b]] = -s
    match = _hungarian(cost)
    out = []
    for i, j in enumerate(match):
        if i < len(left) and j < len(right) and scores.get((left[i], right[j]), 0) > 0:
            out.append((left[i], right[j]))
    return out


def pruned(scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """`scores` without the larger side's nodes outside `best_partners`, when that side has
    more than PRUNE_ABOVE nodes and the other fewer."""
    left = {a for a, _ in scores}
    right = {b for _, b in scores}
    if max(len(left), len(right)) > PRUNE_ABOVE and len(left) != len(right):
        side = 0 if len(left) > len(right) else 1
        keep = best_partners(scores, side, min(len(left), len(right)))
        scores = {pair: s for pair, s in scores.items() if pair[side] in keep}
    return scores


def windowed(scores: dict[tuple[int, int], float]) -> bool:
    """`max_weight_pairs` with places takes the windowed path on these scores."""
    kept = pruned(scores)
    return max(len({a for a, _ in kept}), len({b for _, b in kept})) > WINDOW_ABOVE


def windows(scores: dict[tuple[int, int], float], places: tuple[dict[int, int], dict[int, int]],
            size: int = WINDOW_NODES) -> list[dict[tuple[int, int], float]]:
    """The pairs of `scores` cut into windows: every node of both sides in place order (ties:
    left before right, then by node), runs of `size` nodes; a pair is kept when both its
    nodes fall in one run, and lost when its nodes are in two."""
    nodes = sorted([(places[0].get(a, 0), 0, a) for a in {a for a, _ in scores}]
                   + [(places[1].get(b, 0), 1, b) for b in {b for _, b in scores}])
    run = {(side, node): k // size for k, (_, side, node) in enumerate(nodes)}
    out: dict[int, dict[tuple[int, int], float]] = {}
    for (a, b), s in scores.items():
        w = run[(0, a)]
        if w == run[(1, b)]:
            out.setdefault(w, {})[(a, b)] = s
    return [out[w] for w in sorted(out)]


def windowed_pairs(scores: dict[tuple[int, int], float],
                   places: tuple[dict[int, int], dict[int, int]]) -> list[tuple[int, int]]:
    """`max_weight_pairs` of each window (`windows`), together: linear in the nodes, the best
    pairs within each window (a pair across two windows is lost)."""
    return [pair for part in windows(scores, places) for pair in max_weight_pairs(part)]


def best_partners(scores: dict[tuple[int, int], float], side: int, count: int) -> set[int]:
    """The nodes of one side (0: left, 1: right) among the `count` best positive partners
    (ties: the lower node) of some node of the other side. With `count` the other side's size,
    some best assignment uses no other node: were a node of the other side paired outside its
    `count` best, one of those would be unpaired (the others pair at most count - 1 of them),
    and taking it instead scores no less."""
    by_other: dict[int, list[tuple[float, int]]] = {}
    for pair, s in scores.items():
        if s > 0:
            by_other.setdefault(pair[1 - side], []).append((-s, pair[side]))
    return {node for cands in by_other.values() for _, node in sorted(cands)[:count]}


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Row -> column assignment minimising total cost of a square matrix (O(n^3))."""
    n = len(cost)
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = INF
            j1 = 0
            row = cost[i0 - 1]
            for j in range(1, n + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            # A step of 0 changes no value (at most a zero's sign, which no comparison tells
            # apart): skipped, no float made anew (two steps in three on the dev pages' blocks).
            if delta != 0.0:
                for j in range(n + 1):  # spelled out, not `+=` on an item: the compiled build keeps floats unboxed
                    if used[j]:
                        k = p[j]
                        u[k] = u[k] + delta
                        v[j] = v[j] - delta
                    else:
                        minv[j] = minv[j] - delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    match = [0] * n
    for j in range(1, n + 1):
        if p[j]:
            match[p[j] - 1] = j - 1
    return match
