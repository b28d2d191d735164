"""The page model shared by every reader, stage and writer.

A reader builds a `Page` of `Line`s; each stage takes the page and returns it refined. Every
decision a stage makes is recorded as a short reason string on the line or article it concerns
(``"paragraph_start:indent"``), so ``--explain`` can show why a line went where it did.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points (origin bottom-left)
LineRange = list[int]  # [first, last], 1-based input line numbers


HEAD_KINDS: Final = ("head", "byline")  # the kinds of a headline block's lines
# Lines that may stand between the lines of one block: blanks, and a continuation note, which
# pdftotext prints between a continued article's kicker and headline (dev page 22:
# `李鹏在北京考察企业` / `（上接第一版）` / `向广大职工祝贺新年，…`).
INSIDE_BLOCK_KINDS: Final = ("blank", "continued")


@dataclass(slots=True)
class Line:
    """One printed line as the reader saw it.

    `raw` is the line exactly as in the input (without its line break); `text` is the line after
    normalization (spurious spaces removed). `no` is the 1-based line number within the input
    file (page breaks do not restart the count).
    """

    no: int
    raw: str
    text: str = ""
    width: float = 0.0  # in em, measured on `text`
    kind: str = "body"  # blank|body|header|head|byline|source|caption|jump|continued
    para_start: bool = False  # a paragraph starts at this line (body lines only)
    reasons: list[str] = field(default_factory=list)
    box: Box | None = None  # geometry, when the reader has it
    font_size: float | None = None
    font: str | None = None  # the font most of the line is printed in (PDF pages)
    column_width: float = 0.0  # width in em of the column around the line, when it differs from the page's

    # Written out, not generated: mypyc leaves a dataclass's generated __init__ an interpreted
    # function, and a page makes hundreds of lines (the compiled build runs this one natively,
    # three times faster). The same parameters and defaults as the fields above.
    def __init__(self, no: int, raw: str, text: str = "", width: float = 0.0, kind: str = "body",
                 para_start: bool = False, reasons: list[str] | None = None, box: Box | None = None,
                 font_size: float | None = None, font: str | None = None, column_width: float = 0.0) -> None:
        self.no = no
        self.raw = raw
        self.text = text
        self.width = width
        self.kind = kind
        self.para_start = para_start
        self.reasons = [] if reasons is None else reasons
        self.box = box
        self.font_size = font_size
        self.font = font
        self.column_width = column_width

    def __reduce__(self) -> tuple:
        """Pickled (and deep-copied) as its constructor's arguments: the compiled class's
        `__new__` runs `__init__`, so pickle's default, an empty object filled in after, fails
        there (pages travel between processes in batch runs)."""
        return (Line, (self.no, self.raw, self.text, self.width, self.kind, self.para_start, self.reasons,
                       self.box, self.font_size, self.font, self.column_width))

    @property
    def blank(self) -> bool:
        return not self.text or self.text.isspace()

    def because(self, reason: str) -> None:
        """Record why a stage decided something about this line."""
        self.reasons.append(reason)


def new_lines(raw_lines: list[str], first_no: int = 1) -> list[Line]:
    """A reader's raw lines (no line breaks) as Lines numbered from `first_no`, their text the raw
    text until normalized. Made here: the compiled build calls Line's constructor natively, where
    a caller run as pure Python goes through the type (twice the cost per line)."""
    return [Line(no, raw, raw) for no, raw in enumerate(raw_lines, first_no)]


@dataclass(slots=True)
class Dateline:
    text: str
    place: str | None = None
    date: str | None = None  # YYYY-MM-DD

    def to_dict(self) -> dict:
        return {"text": self.text, "place": self.place, "date": self.date}


@dataclass(slots=True)
class Article:
    """One reconstructed article. Field meanings follow docs/output-schema.md."""

    id: str = ""
    kicker: str | None = None
    headline: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    reporters: list[str] = field(default_factory=list)
    outlet: str | None = None
    dateline: Dateline | None = None
    source: str | None = None
    source_line: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    jump: str | None = None
    continued_from: str | None = None
    entities: dict = field(default_factory=lambda: {"people": [], "places": [], "organizations": []})
    line_nos: list[int] = field(default_factory=list)  # every input line used, in any order
    confidence: float = 0.5
    reasons: list[str] = field(default_factory=list)

    # Written out, not generated, as Line's (the pipeline makes tens of articles a page); None
    # stands for a field's fresh default_factory value.
    def __init__(self, id: str = "", kicker: str | None = None, headline: str | None = None,
                 subtitle: str | None = None, byline: str | None = None, reporters: list[str] | None = None,
                 outlet: str | None = None, dateline: Dateline | None = None, source: str | None = None,
                 source_line: str | None = None, paragraphs: list[str] | None = None,
                 captions: list[str] | None = None, jump: str | None = None, continued_from: str | None = None,
                 entities: dict | None = None, line_nos: list[int] | None = None, confidence: float = 0.5,
                 reasons: list[str] | None = None) -> None:
        self.id = id
        self.kicker = kicker
        self.headline = headline
        self.subtitle = subtitle
        self.byline = byline
        self.reporters = [] if reporters is None else reporters
        self.outlet = outlet
        self.dateline = dateline
        self.source = source
        self.source_line = source_line
        self.paragraphs = [] if paragraphs is None else paragraphs
        self.captions = [] if captions is None else captions
        self.jump = jump
        self.continued_from = continued_from
        self.entities = {"people": [], "places": [], "organizations": []} if entities is None else entities
        self.line_nos = [] if line_nos is None else line_nos
        self.confidence = confidence
        self.reasons = [] if reasons is None else reasons

    def __reduce__(self) -> tuple:
        """Pickled as its constructor's arguments (see `Line.__reduce__`)."""
        return (Article, (self.id, self.kicker, self.headline, self.subtitle, self.byline, self.reporters,
                          self.outlet, self.dateline, self.source, self.source_line, self.paragraphs,
                          self.captions, self.jump, self.continued_from, self.entities, self.line_nos,
                          self.confidence, self.reasons))

    def because(self, reason: str) -> None:
        self.reasons.append(reason)


@dataclass(slots=True)
class Unassigned:
    kind: str  # header|caption|headline|fragment|other
    text: str
    line_nos: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Source:
    path: str
    kind: str = "text"  # text|pdf|image
    encoding: str | None = None
    sha256: str = ""


@dataclass(slots=True)
class PageMeta:
    date: str | None = None
    label: str | None = None
    section: str | None = None
    header: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Page:
    """A page being reconstructed: the reader fills `lines`, the stages fill the rest."""

    source: Source
    lines: list[Line] = field(default_factory=list)
    meta: PageMeta = field(default_factory=PageMeta)
    articles: list[Article] = field(default_factory=list)
    unassigned: list[Unassigned] = field(default_factory=list)
    index: int = 0  # position of this page within its source file (form-feed separated)
    column_width: float = 0.0  # typical body line width in em, set by the measure stage
    size: tuple[float, float] | None = None  # width, height in PDF points (PDF pages)
    rules: list[Box] = field(default_factory=list)  # ruling lines drawn on the page (PDF pages)
    pictures: list[Box] = field(default_factory=list)  # picture frames (PDF pages)
    scratch: dict = field(default_factory=dict)  # stage-to-stage data that is not output

    def claim(self, line: Line, article: Article) -> None:
        """Record that `article` holds `line` (lines are told apart by identity: a line split
        in two keeps its input line number on both parts)."""
        owner: dict[int, Article] = self.scratch.setdefault("owner", {})  # typed: the compiled build's own dict ops
        owner[id(line)] = article
        article.line_nos.append(line.no)

    def claim_all(self, lines: list[Line], article: Article) -> None:
        """`claim` each of `lines`, in order."""
        owner: dict[int, Article] = self.scratch.setdefault("owner", {})
        for line in lines:
            owner[id(line)] = article
        article.line_nos.extend([line.no for line in lines])

    def held_lines(self, article: Article, kind: str) -> list[Line]:
        """The lines of `kind` that `article` holds, in page order."""
        owner: dict[int, Article] = self.scratch.setdefault("owner", {})
        return [ln for ln in self.lines if ln.kind == kind and owner.get(id(ln)) is article]

    def release(self, line: Line, article: Article) -> None:
        """`article` gives `line` back to the leftovers (`metadata.collect_unassigned`), if it
        holds it."""
        owner: dict[int, Article] = self.scratch.setdefault("owner", {})
        if owner.get(id(line)) is article:
            del owner[id(line)]
            if line.no in article.line_nos:
                article.line_nos.remove(line.no)

    def move(self, line: Line, old: Article | None, new: Article) -> None:
        """`new` takes `line` from `old` (None: from the leftovers)."""
        if old is not None and line.no in old.line_nos:
            old.line_nos.remove(line.no)
        self.claim(line, new)

    def owner_of(self, line: Line) -> Article | None:
        """The article holding `line`, if any."""
        owner: dict[int, Article] = self.scratch.get("owner", {})
        return owner.get(id(line))

    # A page may travel between stages (a pickle to another process, a deep copy): object
    # identities change on the way, so the scratch maps keyed by `id(line)` go as line
    # positions and come back keyed by the new lines' identities; caches keyed by identity
    # are dropped (the stages rebuild them on demand).
    def __getstate__(self) -> dict:
        state = {name: getattr(self, name) for name in _PAGE_FIELDS}
        scratch = {k: v for k, v in self.scratch.items() if k not in _IDENTITY_CACHES}
        position = line_positions(self.lines)
        for key in _IDENTITY_KEYED:
            if key in scratch:
                scratch[key] = {position[k]: v for k, v in scratch[key].items() if k in position}
        for key in _IDENTITY_SETS:
            if key in scratch:
                scratch[key] = {position[k] for k in scratch[key] if k in position}
        state["scratch"] = scratch
        return state

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        lines = self.lines
        for key in _IDENTITY_KEYED:
            if key in self.scratch:
                self.scratch[key] = {id(lines[i]): v for i, v in self.scratch[key].items()}
        for key in _IDENTITY_SETS:
            if key in self.scratch:
                self.scratch[key] = {id(lines[i]) for i in self.scratch[key]}


# Scratch maps keyed by `id(line)` (carried across a pickle as positions in `page.lines`) and
# caches keyed by identity (dropped).
_IDENTITY_KEYED: Final = ("owner", "line_index")
# Scratch sets of `id(line)` (carried likewise): the digest items and the lead-ins the heads-tail
# alignment passed over, which `heads_tail` marks for `reassemble`.
ROUNDUP_ITEMS_KEY: Final = "roundup_items"
PASSED_LEAD_INS_KEY: Final = "heads_tail_passed_lead_ins"
_IDENTITY_SETS: Final = (ROUNDUP_ITEMS_KEY, PASSED_LEAD_INS_KEY)
_IDENTITY_CACHES: Final = ("lines_around", "far_head_lines")


_PAGE_FIELDS: Final = tuple(Page.__dataclass_fields__)


def line_positions(lines: list[Line]) -> dict[int, int]:
    """Each line's position in `lines`, keyed by identity (`id(line)`): the parts of a split
    line share its number, so numbers cannot tell lines apart. (A comprehension: the compiled
    build runs it as a native loop, where `dict(zip(map(id, ...)))` is generic calls per line.)"""
    return {id(line): i for i, line in enumerate(lines)}


def page_line_index(page: Page) -> dict[int, int]:
    """`line_positions(page.lines)` as the paragraphs stage indexed it (`page.scratch
    ["line_index"]`, read-only): no later stage adds, drops or moves a line, so the stages after
    it need not index the page again; built afresh where it is missing or no longer covers the
    page (a stage run alone)."""
    index = page.scratch.get("line_index")
    if index is None or len(index) != len(page.lines):
        return line_positions(page.lines)
    return index


def line_ranges(numbers: Iterable[int]) -> list[LineRange]:
    """Collapse line numbers into sorted [first, last] ranges: {3,4,5,9} -> [[3,5],[9,9]]."""
    out: list[LineRange] = []
    # sorted with their repeats: the loop passes over a repeat (n == last), no set made
    ordered: list[int] = sorted(numbers)
    if not ordered:
        return out
    first = last = ordered[0]
    for n in ordered:  # (each range's ends held as native integers till it closes)
        if n > last + 1:
            out.append([first, last])
            first = n
        last = n
    out.append([first, last])
    return out


@dataclass(slots=True)
class Fragment:
    """A run of consecutive body lines: one column piece of one article.

    `start` tells how its first line begins: "open" (mid-paragraph: a full line), "indent" (a
    paragraph's indented first line) or "short" (a lone short line that may end a paragraph).
    `end` tells how its last line ends: "open" (mid-sentence at full width), "closed" (a short
    last line ending a paragraph) or "maybe" (a full line ending a sentence).
    """

    lines: list[Line]
    start: str = "open"
    end: str = "open"
    order: int = 0  # position among the page's fragments, in input order
    no_successor: bool = False  # a jump line or source credit closes it
    no_predecessor: bool = False  # a continuation note (上接) opens it
    forced_start: bool = False  # it opens an article whatever the rest says (stages.heads_tail)

    # Written out, not generated, as Line's (the paragraphs and reassemble stages make a page's
    # fragments afresh).
    def __init__(self, lines: list[Line], start: str = "open", end: str = "open", order: int = 0,
                 no_successor: bool = False, no_predecessor: bool = False, forced_start: bool = False) -> None:
        self.lines = lines
        self.start = start
        self.end = end
        self.order = order
        self.no_successor = no_successor
        self.no_predecessor = no_predecessor
        self.forced_start = forced_start

    def __reduce__(self) -> tuple:
        """Pickled as its constructor's arguments (see `Line.__reduce__`)."""
        return (Fragment, (self.lines, self.start, self.end, self.order, self.no_successor, self.no_predecessor,
                           self.forced_start))

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]
