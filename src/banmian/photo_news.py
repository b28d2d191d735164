"""A photo-news label printed away from its photos goes to them.

`图片新闻` is the label of a photo story: it heads one photo's caption text or a numbered
digest of several (`1、…` `2、…`), and shares no words with them, so only its place ties it to
them. pdftotext prints it where its line stands in the text flow, often far from the captions
and their text (dev page 3: `图片新闻` 40 lines above `连年的“暖冬”…`, printed under a caption
`图为几个年轻人在激战冰球。`; page 20: `图片新闻` among other headlines, the digest `1、日前在杭州
举行的西湖书市…` elsewhere): the assignment leaves it over. It goes to the article still without
a headline that is a photo story: a numbered digest (`roundups.opens_numbered_run`) or an
article printed right under caption lines, the nearest such one in the page (`place_photo_labels`).
Dev 1-40: fires on pdftotext pages 3 and 20, both right (the gold's `图片新闻` heads); pdftotext
headline_acc 1-20 up by two heads of 161 (+0.0124), the rest unchanged; raw and PyMuPDF: the labels stand over
their photos there and the assignment gives them already (no change).
"""
from __future__ import annotations

from typing import Final

from banmian.article_starts import lines_around
from banmian.model import Line, Page
from banmian.rules.bylines import lead_in_byline
from banmian.rules.chars import strip_ws
from banmian.stages.roundups import opens_numbered_run

# The labels of a photo story, whitespace stripped (dev pages 3, 10, 13, 20, 39: `图片新闻`,
# `图片 新闻`).
PHOTO_LABELS: Final = frozenset({"图片新闻", "新闻图片", "图片报道"})
PHOTO_LABEL_REASON: Final = "headline:photo_label"


def photo_label(block: list[Line]) -> Line | None:
    """The block's head line when that is its only one and a photo-news label."""
    heads = [ln for ln in block if ln.kind == "head"]
    return heads[0] if len(heads) == 1 and strip_ws(heads[0].text) in PHOTO_LABELS else None


def photo_stories(page: Page) -> list[int]:
    """Indices of the page's articles that are photo stories: a numbered digest, or printed
    right under caption lines (the nearest non-body lines above its first line)."""
    out = []
    groups = page.scratch.get("article_groups", [])
    for i, (article, fragments) in enumerate(zip(page.articles, groups)):
        before = lines_around(page, fragments[0], after=False) if fragments else []
        if numbered_digest(article.paragraphs) or (before and before[0].kind == "caption"):
            out.append(i)
    return out


def numbered_digest(paragraphs: list[str]) -> bool:
    """`roundups.opens_numbered_run` past a lead-in byline however long (dev page 20:
    `本报讯（记者 王元）1、日前在杭州举行的西湖书市…`)."""
    if not paragraphs:
        return False
    m = lead_in_byline(paragraphs[0])
    first = paragraphs[0][m.end("lead"):] if m is not None else paragraphs[0]
    return opens_numbered_run([first, *paragraphs[1:]])


def place_photo_labels(page: Page, blocks: list[list[Line]], headless: set[int],
                       pos: dict[int, int]) -> list[tuple[Line, int]]:
    """(label line, article index) for each photo-news label of a block no article took (the
    `blocks` left over), paired with the nearest photo story among the `headless` articles
    (`pos`: line positions), each article once."""
    stories = [i for i in photo_stories(page) if i in headless]
    groups = page.scratch.get("article_groups", [])
    out: list[tuple[Line, int]] = []
    for block in blocks:
        label = photo_label(block)
        if label is None or not stories:
            continue
        at = pos.get(id(label), 0)
        i = min(stories, key=lambda s: abs(pos.get(id(groups[s][0].first), 0) - at))
        stories.remove(i)
        out.append((label, i))
    return out
