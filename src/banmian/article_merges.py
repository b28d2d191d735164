"""Join one article of the page to another: the mechanics every merge rule shares.

A rule (`adjacent_splits`, `lead_rests`, `column_rests`, `quoted_pieces`, `digest_items`) decides
that a piece is the rest of an article; `merge_into` appends the piece's paragraphs, fragments
and lines to it, hands over a head or byline the article lacks and gives back to the leftovers
the piece's head and byline lines the article does not print (`release_unkept_heads`,
`release_dropped_byline`: else owned and printed nowhere); `drop_merged` then takes the merged
pieces out of the page and renumbers what is left. `move_pieces` moves an article's tail (its
pieces from one on) to another instead.
"""
from __future__ import annotations

from typing import Final

from banmian.model import Article, Fragment, Page
from banmian.rules.chars import strip_ws

HEAD_FIELDS: Final = ("kicker", "headline", "subtitle")


def has_head(article: Article) -> bool:
    """The headline stage gave the article a kicker, headline or subtitle."""
    return any(getattr(article, key) for key in HEAD_FIELDS)


def drop_merged(page: Page, groups: list[list[Fragment]], gone: dict[int, int]) -> None:
    """Drop the articles merged into another (`gone`: merged -> kept index) from `page.articles`
    and the article groups, and renumber the head blocks' owners and the article ids."""
    kept = [n for n in range(len(groups)) if n not in gone]
    new_index = {n: k for k, n in enumerate(kept)}
    new_index.update({n: new_index[m] for n, m in gone.items()})
    page.articles = [page.articles[n] for n in kept]
    page.scratch["article_groups"] = [groups[n] for n in kept]
    head_owner: dict[int, int] = page.scratch.get("head_owner", {})  # block -> article index
    page.scratch["head_owner"] = {k: new_index[i] for k, i in head_owner.items()}
    for n, a in enumerate(page.articles, start=1):
        a.id = f"a{n}"


RELEASED_REASON: Final = "headline:released_in_merge"
BYLINE_RELEASED_REASON: Final = "byline:released_in_merge"


def release_unkept_heads(page: Page, piece: Article, target: Article, own_head: dict | None = None) -> None:
    """The head lines `piece` holds whose text the merged `target`'s head does not print go back to
    the leftovers (`metadata.collect_unassigned`): a headed piece joining a headed article
    keeps one head, and a line of the other, owned by the article but printed nowhere, was lost
    (a pdftotext -layout page: a piece headed by a pull quote and a second head line joined its
    report, which had a kicker already). Each of the article's own head lines is read off the
    head first (a NUL in its place), then the piece's: a piece's line read only inside one of the
    article's own (`官员` in `…两名官员`), or a head printed twice, once over each copy of a text
    run twice, was taken for printed and lost (found by fuzzing). `own_head`: the article's head
    fields before the merge, its own lines read off those alone, the fields it took from the
    piece added after (its headline `通车` was read inside the kicker `城东大桥今天通车` it took, and
    the piece's line printed there was released and printed twice; found by fuzzing)."""
    fields = {key: getattr(target, key) for key in HEAD_FIELDS}
    own = fields if own_head is None else own_head
    taken = [text for key, text in fields.items() if text and text != own.get(key)]
    kept = strip_ws("".join(own.get(key) or "" for key in HEAD_FIELDS))
    _release_unprinted(page, piece, target, "head", kept, None, RELEASED_REASON, strip_ws("".join(taken)))


def release_dropped_byline(page: Page, piece: Article, target: Article) -> None:
    """A bylined piece joining a bylined article: the article keeps its byline, and the lines of
    the piece's go back to the leftovers, else owned and printed nowhere (found by fuzzing: a
    headless report bylined `本报记者…` took a piece's head, and the piece's byline was lost)."""
    if target.byline and piece.byline:
        _release_unprinted(page, piece, target, "byline", strip_ws(target.byline), strip_ws(piece.byline),
                           BYLINE_RELEASED_REASON)


def _release_unprinted(page: Page, piece: Article, target: Article, kind: str, kept: str, dropped: str | None,
                       why: str, taken: str = "") -> None:
    """The piece's lines of `kind` (printed in `dropped`, when given) that `kept`, the target's
    text, does not print once the target's own lines of that kind are read off it (`taken`,
    the text the target took from the piece, added after), are no longer owned. Each line found
    is read off (a NUL in its place), the longest first: two lines of one text printed once (a
    text run twice) are not both kept."""
    owner: dict[int, Article] = page.scratch.setdefault("owner", {})
    held = [ln for ln in page.lines if ln.kind == kind and (owner.get(id(ln)) is target or owner.get(id(ln)) is piece)]
    longest_first = sorted(held, key=lambda ln: -len(strip_ws(ln.text)))
    for ln in longest_first:
        if owner.get(id(ln)) is target:
            kept = kept.replace(strip_ws(ln.text), "\0", 1)
    if taken:
        kept = f"{kept}\0{taken}"
    for ln in longest_first:
        if owner.get(id(ln)) is not piece:
            continue
        text = strip_ws(ln.text)
        if text in kept:
            kept = kept.replace(text, "\0", 1)
        elif dropped is None or text in dropped:
            page.release(ln, piece)
            ln.because(why)


def merge_into(page: Page, target: Article, piece: Article, target_group: list[Fragment], group: list[Fragment],
               above: Fragment, reason: str) -> None:
    """Append `piece`'s paragraphs, fragments and lines to `target`; a head or byline `target`
    lacks comes with them. `reason` (the rule's, `merge:…`) is recorded on the target and on the
    piece's first line with the line it follows: `merge:…:after_line_N`."""
    target.paragraphs.extend(piece.paragraphs)
    target_group.extend(group)
    own_head = {key: getattr(target, key) for key in HEAD_FIELDS}
    if has_head(target) and piece.headline and not target.kicker:
        target.kicker = piece.headline  # a pull quote over the rest (`quoted_head`): the report's kicker
    elif not has_head(target):
        for key in HEAD_FIELDS:
            setattr(target, key, getattr(piece, key))
    release_dropped_byline(page, piece, target)
    if not target.byline:
        target.byline = piece.byline
    owner: dict[int, Article] = page.scratch.setdefault("owner", {})
    release_unkept_heads(page, piece, target, own_head)
    for line_id, art in list(owner.items()):
        if art is piece:
            owner[line_id] = target
    target.line_nos.extend(piece.line_nos)
    target.reasons.extend(piece.reasons)
    why = f"{reason}:after_line_{above.last.no}"
    target.because(why)
    group[0].first.because(why)


def move_pieces(page: Page, source: Article, group: list[Fragment], k: int, target: Article,
                target_group: list[Fragment], at: tuple[int, int], why: str) -> None:
    """Move `group[k:]` (`source`'s pieces from `k` on) after `target`'s pieces, with
    `source`'s paragraphs from `at` (paragraph, offset) on; a cut inside a paragraph whose
    first piece opens mid-sentence goes on in `target`'s last paragraph. The lines `source`
    holds go to `target`. `why` is recorded on `target` and on the first moved line."""
    p, off = at
    paras = source.paragraphs
    moved = [paras[p][off:], *paras[p + 1:]]
    paras[p:] = [paras[p][:off].rstrip()] if off else []
    if off and group[k].start == "open" and target.paragraphs:
        moved[0] = target.paragraphs.pop() + moved[0]
    target.paragraphs.extend(moved)
    tail = group[k:]
    del group[k:]
    target_group.extend(tail)
    owner: dict[int, Article] = page.scratch.setdefault("owner", {})
    for frag in tail:
        for ln in frag.lines:
            if owner.get(id(ln)) is source:
                page.move(ln, source, target)
            elif ln.no in source.line_nos:
                source.line_nos.remove(ln.no)
    target.because(why)
    tail[0].first.because(why)
