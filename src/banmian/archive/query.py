"""Chinese full-text search terms: folding, index tokens, query parsing, snippets.

SQLite's FTS5 tokenizers do not cut Chinese into words, and its trigram tokenizer finds nothing
for two-character terms (SQLite 3.40). So banmian makes the tokens itself: every article's text
is folded (traditional to simplified characters with OpenCC when installed, NFKC, lower case)
and indexed twice, as overlapping character bigrams (`北京市` → `北京 京市`) and as single
characters. A term of two or more characters is the phrase of its bigrams; a one-character term
looks in the single characters. Latin words and numbers are kept whole in both streams.

Query syntax (what `banmian search` and the API accept): terms separated by spaces must all
match; `"…"` quotes a phrase (spaces inside kept as word breaks); `OR` between terms matches
either; `-term` excludes. Anything else is text: FTS5's own operators cannot be injected,
because only tokens banmian made reach the MATCH expression.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from banmian.errors import BanmianError

MAX_QUERY_CHARS = 500  # a longer query is a mistake (or an attack), not a search
MAX_TERMS = 32
SNIPPET_CHARS = 60  # characters of context on each side of the first hit

# Where the compatibility characters a newspaper prints live: general punctuation (…), letterlike
# symbols (℃), Roman and circled numbers, the ideographic space, full-width forms (２０日).
_COMPAT_RANGES = ((0x2000, 0x2BFF), (0x3000, 0x33FF), (0xFE30, 0xFFEF))
_PUNCT = re.compile(r"[^\w\s]+")  # punctuation and symbols end a run of units
_ASCII_WORD = re.compile(r"[0-9a-z]")
_UNIT = re.compile(r"[0-9a-z]+|[^\W_]")  # an ASCII word or number whole, any other letter alone


class QueryError(BanmianError):
    """A search query banmian cannot run (empty, too long, unbalanced quotes…)."""

    exit_code = 2


@lru_cache(maxsize=1)
def _converter():
    try:
        import opencc
    except ImportError:  # folding is for matching only; without OpenCC, matching is exact
        return None
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _compat() -> tuple[re.Pattern, dict[int, str]]:
    """Runs of the characters of _COMPAT_RANGES that NFKC changes, and each one's NFKC form."""
    table = {c: unicodedata.normalize("NFKC", chr(c)) for lo, hi in _COMPAT_RANGES for c in range(lo, hi + 1)}
    table = {c: n for c, n in table.items() if n != chr(c)}
    return re.compile("[" + "".join(re.escape(chr(c)) for c in table) + "]+"), table


def _nfkc(text: str) -> str:
    """NFKC of text. Each compatibility character replaced by its own NFKC form is NFKC of the
    whole text whenever the result is normalized (checked, else the whole text is normalized):
    NFKC of a whole article was 4% of ingest instructions (the corpus: 7% of its articles print
    …; bench/archive.py under cachegrind)."""
    runs, table = _compat()
    text = runs.sub(lambda m: m.group().translate(table), text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """The form text is matched in: simplified characters, NFKC (full-width → half-width),
    lower case. Stored and shown text is never folded."""
    conv = _converter()
    if not unicodedata.is_normalized("NFKC", text):  # a quick check; most text is
        text = _nfkc(text)
    text = text.lower()
    return conv.convert(text) if conv is not None else text


def units(text: str) -> list[str]:
    """The matching units of folded text: each CJK character alone, Latin words and numbers
    whole; punctuation and spaces dropped."""
    return _UNIT.findall(text)


def segments(folded: str) -> list[list[str]]:
    """The units of folded text in runs that punctuation separates (spaces do not: a headline
    printed with a space still reads on)."""
    out = []
    for part in _PUNCT.split(folded):
        if part.isascii() or not _ASCII_WORD.search(part):  # all Latin, or no Latin word: quick
            us = _UNIT.findall(part) if part.isascii() else list("".join(part.split()).replace("_", ""))
        else:
            us = _UNIT.findall(part)
        if us:
            out.append(us)
    return out


def index_streams(texts: list[str]) -> tuple[str, str]:
    """(bigram stream, unigram stream) of an article's printed fields, for the FTS columns.

    Bigrams never cross from one field (or paragraph) to the next, nor over punctuation, so a
    phrase (two or more units: at least one bigram spanning each join) cannot match across a
    boundary (`年，是` gives no bigram `年是`).
    """
    from banmian.archive.streams import streams  # numpy: imported when ingesting, not to search

    # one fold for the whole article (OpenCC and NFKC cost per call); "\n" survives folding and
    # ends a run; the streams are those of `segments` of each line (archive/streams.py)
    return streams(fold("\n".join(t.replace("\n", " ") for t in texts)))


@dataclass(frozen=True, slots=True)
class Term:
    text: str  # folded units separated by spaces, runs between punctuation by " | "
    negate: bool = False


def parse_query(query: str) -> list[list[Term]]:
    """The query as clauses joined by AND, each a list of alternatives joined by OR.

    Raises `QueryError` (one line) for an empty, overlong or unbalanced query.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    if query.count('"') % 2:
        raise QueryError('unbalanced quotes in query: close every " you open')
    parts = re.findall(r'-?"[^"]*"|\S+', query)
    clauses: list[list[Term]] = []
    pending_or = False
    for part in parts:
        if part == "OR":
            pending_or = bool(clauses)
            continue
        negate = part.startswith("-") and len(part) > 1
        raw = part[1:] if negate else part
        raw = raw[1:-1] if raw.startswith('"') else raw
        folded = " | ".join(" ".join(seg) for seg in segments(fold(raw)))
        if not folded:
            continue  # only punctuation or FTS syntax characters: nothing to match
        term = Term(folded, negate)
        if pending_or and clauses and not negate:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = False
    if not clauses:
        raise QueryError("empty query: give at least one term to look for")
    if all(t.negate for c in clauses for t in c):
        raise QueryError("only exclusions (-term): give at least one term to look for")
    if sum(len(c) for c in clauses) > MAX_TERMS:
        raise QueryError(f"too many terms (at most {MAX_TERMS})")
    return clauses


def term_phrases(term: Term) -> list[tuple[str, list[str]]]:
    """The phrases of one term, all of which must match: (column, index tokens) for each run
    between punctuation; a single unit (one character, or one Latin word or number) is looked
    up in the `uni` column, a longer run is the phrase of its bigrams in the `bi` column."""
    out = []
    for run in term.text.split(" | "):
        us = run.split(" ")
        out.append(("uni", us) if len(us) == 1 else ("bi", [a + b for a, b in zip(us, us[1:])]))
    return out


def term_expression(term: Term) -> str:
    """The FTS5 expression of one term over the `bi` and `uni` columns (see `term_phrases`)."""
    parts = [f'{column} : "{" ".join(tokens)}"' for column, tokens in term_phrases(term)]
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def single_token(clauses: list[list[Term]]) -> tuple[str, str] | None:
    """(token, column) when the query is one term that is one index token (one unit, or two
    units: one bigram), else None."""
    if len(clauses) != 1 or len(clauses[0]) != 1 or clauses[0][0].negate or " | " in clauses[0][0].text:
        return None
    us = clauses[0][0].text.split(" ")
    if len(us) == 1:
        return us[0], "uni"
    return (us[0] + us[1], "bi") if len(us) == 2 else None


def match_expression(clauses: list[list[Term]]) -> str:
    """The FTS5 MATCH expression of parsed clauses (only tokens banmian made, quoted)."""
    positive = []
    negative = []
    for clause in clauses:
        alts = [term_expression(t) for t in clause if not t.negate]
        if alts:
            positive.append("(" + " OR ".join(alts) + ")")
        negative += [term_expression(t) for t in clause if t.negate]
    expr = " AND ".join(positive)
    for neg in negative:
        expr += f" NOT {neg}"
    return expr


def needles(clauses: list[list[Term]]) -> list[str]:
    """The folded strings to highlight (positive terms, spaces between units removed)."""
    return [part.replace(" ", "") for c in clauses for t in c if not t.negate for part in t.text.split(" | ")]


def snippet(text: str, clauses: list[list[Term]], width: int = SNIPPET_CHARS) -> str:
    """An HTML-escaped excerpt of `text` around the first hit, hits wrapped in <mark>."""
    folded = fold(text)
    if len(folded) != len(text):  # folding changed the length: highlight in the folded text
        text = folded
    hits = []
    for needle in needles(clauses):
        for m in re.finditer(re.escape(needle), folded):
            hits.append((m.start(), m.end()))
    if not hits:
        return html.escape(text[: 2 * width]) + ("…" if len(text) > 2 * width else "")
    hits.sort()
    lo = max(hits[0][0] - width, 0)
    hi = min(hits[0][1] + width, len(text))
    out, pos = [], lo
    for s, e in hits:
        if s < pos or e > hi:
            continue
        out.append(html.escape(text[pos:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:hi]))
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(text) else "")


_OPERATOR_WORD = re.compile(r"(?:^|\s)(AND|NOT|NEAR)(?=\s|$)")


def check_query(query: str) -> None:
    """Refuse, with a `QueryError`, full-text-search syntax that banmian's query language does
    not have and would otherwise read as plain words: the operators AND, NOT and NEAR and
    parentheses outside quotes. (The store itself refuses empty, overlong and unbalanced
    queries.)"""
    parse_query(query)  # the store's own checks first: empty, overlong, unbalanced quotes
    outside = re.sub(r'"[^"]*"', " ", query)
    if _OPERATOR_WORD.search(outside):
        raise QueryError('AND, NOT and NEAR are not query operators: terms separated by spaces must '
                         'all match, OR matches either, -term excludes (quote a word to find it: "AND")')
    if "(" in outside or ")" in outside:
        raise QueryError('parentheses do not group terms: terms separated by spaces must all match, '
                         'OR matches either, -term excludes (quote text to find it: "(完)")')
