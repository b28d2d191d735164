"""Search on PostgreSQL with the semantics and ranking of the SQLite archive's FTS5 index.

An article is indexed as the same code-made tokens (`query.index_streams`): its bigram and
single-character streams, plus the outlet and month tokens of the `meta` column. PostgreSQL
holds them twice:

- `tokens`, a `tsvector` of every distinct token (no positions; `b…` bigram, `u…` single unit,
  `t…` meta token, so the three columns cannot collide), under a GIN index: it finds the
  articles holding all the tokens of a query, as FTS5's index does. PostgreSQL's own parser is
  never used (its `simple` configuration would only lower-case; the tokens are already folded).
- `bi` and `uni`, the streams as text with every token wrapped in spaces (` 北京  京市 `): a
  phrase matches where its tokens follow each other (`strpos`), as an FTS5 phrase does, and the
  number of times it occurs is the phrase frequency of BM25. No position limits (a tsvector keeps
  at most 256 positions of a lexeme, up to position 16,383).

Ranking is FTS5's `bm25()` recomputed term for term (k1 = 1.2, b = 0.75, every column weight 1,
document length = all tokens of the row, IDF per phrase from the rows holding it, clamped to
1e-6), in the same floating-point order, so ties and order come out as on SQLite.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

from banmian.archive.query import Term, parse_query, term_phrases

K1, B = 1.2, 0.75  # FTS5's bm25() constants (fts5_aux.c)
IDF_FLOOR = 1e-6  # FTS5 clamps a non-positive IDF (a phrase in over half the rows) to this
PREFIX = {"bi": "b", "uni": "u", "meta": "t"}  # tsvector lexeme prefix of each FTS5 column
MAX_LEXEME_BYTES = 2000  # PostgreSQL refuses a lexeme of 2 KB or more ("word is too long")


def spaced(tokens: list[str]) -> str:
    """A token stream as stored for phrase matching: every token wrapped in spaces."""
    return " " + "  ".join(tokens) + " " if tokens else ""


def lexeme(column: str, token: str) -> str:
    """The tsvector lexeme of a token of a column: its prefix and the token, or for a token too
    long for a lexeme (a run of Latin letters or digits over MAX_LEXEME_BYTES) its hash; the
    phrase check on the stored stream still compares the token itself."""
    out = PREFIX[column] + token
    if len(out.encode("utf-8")) > MAX_LEXEME_BYTES:
        out = PREFIX[column] + "#" + hashlib.sha1(token.encode("utf-8")).hexdigest()
    return out


def lexemes(bi: list[str], uni: list[str], meta: list[str]) -> list[str]:
    """The distinct tsvector lexemes of an article's three token streams."""
    return sorted({lexeme("bi", t) for t in set(bi)} | {lexeme("uni", t) for t in set(uni)}
                  | {lexeme("meta", t) for t in meta})


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def periodic(tokens: list[str]) -> bool:
    """Whether a phrase can overlap itself (`哈哈 哈哈` in `哈哈 哈哈 哈哈` occurs twice): then its
    occurrences are counted with a look-ahead, since `replace` counts non-overlapping ones."""
    return any(tokens[d:] == tokens[:-d] for d in range(1, len(tokens)))


@dataclass(slots=True)
class Phrase:
    """One FTS5 phrase: a column and its tokens (a term's run, or a filter's meta token)."""

    column: str
    tokens: list[str]

    def tsquery(self) -> str:
        return " & ".join(_quote(lexeme(self.column, t)) for t in dict.fromkeys(self.tokens))

    def condition(self, args: list) -> str:
        """SQL that is true where the phrase occurs in article `a`."""
        args.append(self.tsquery())
        sql = "a.tokens @@ %s::tsquery"
        if len(self.tokens) > 1:
            args.append(spaced(self.tokens))
            sql += f" AND strpos(a.{self.column}, %s) > 0"
        return sql

    def frequency(self, args: list) -> str:
        """SQL for the number of times the phrase occurs in article `a` (a float8)."""
        pattern = spaced(self.tokens)
        if self.column == "meta":  # a meta token is there once or not at all
            args.append(self.tsquery())
            return "(a.tokens @@ %s::tsquery)::int::float8"
        if periodic(self.tokens):
            args.append("(?=" + pattern + ")")
            return f"regexp_count(a.{self.column}, %s)::float8"
        # in bytes: octet_length reads a compressed value's size without decompressing it
        args += [pattern, len(pattern.encode("utf-8"))]
        return (f"((octet_length(a.{self.column}) - octet_length(replace(a.{self.column}, %s, ''))) "
                f"/ %s::int)::float8")


@dataclass(slots=True)
class TermSQL:
    """A query term: its phrases (all must match) and whether it excludes."""

    phrases: list[Phrase]
    negate: bool = False

    def condition(self, args: list) -> str:
        return "(" + " AND ".join(p.condition(args) for p in self.phrases) + ")"

    def tsquery(self) -> str:
        return "(" + " & ".join(p.tsquery() for p in self.phrases) + ")"


@dataclass(slots=True)
class Match:
    """A parsed query with its filter tokens, as SQL over `articles a` (see the module docstring).

    `clauses` are ANDed, the terms of a clause ORed; `extra` are the filters' meta phrases,
    each clause of alternatives ANDed (the outlet; the months of a date range)."""

    clauses: list[list[TermSQL]]
    extra: list[list[Phrase]] = field(default_factory=list)

    def tsquery(self) -> str:
        """The positive part as one tsquery, for the GIN index."""
        parts = ["(" + " | ".join(t.tsquery() for t in clause if not t.negate) + ")"
                 for clause in self.clauses if any(not t.negate for t in clause)]
        parts += ["(" + " | ".join(p.tsquery() for p in alts) + ")" for alts in self.extra]
        return " & ".join(parts)

    def condition(self, args: list) -> str:
        """SQL that is true for the articles matching (the index lookup first, then the exact
        phrase checks)."""
        args.append(self.tsquery())
        sql = ["a.tokens @@ %s::tsquery"]
        for clause in self.clauses:
            positive = [t for t in clause if not t.negate]
            if positive:
                sql.append("(" + " OR ".join(t.condition(args) for t in positive) + ")")
        for clause in self.clauses:
            sql += [f"NOT {t.condition(args)}" for t in clause if t.negate]
        for alts in self.extra:
            sql.append("(" + " OR ".join(p.condition(args) for p in alts) + ")")
        return " AND ".join(sql)

    def ranked_phrases(self) -> list[tuple[Phrase, TermSQL | None]]:
        """The phrases that can occur in a matching row, in the order FTS5 numbers the phrases of
        the MATCH expression (`query.match_expression`, then the filters'), each with the term
        that must match for it to count (a run of a term counts only when all runs match).
        Excluded terms never occur in a matching row and add nothing to the score."""
        out: list[tuple[Phrase, TermSQL | None]] = []
        for clause in self.clauses:
            for term in clause:
                if not term.negate:
                    out += [(p, term if len(term.phrases) > 1 else None) for p in term.phrases]
        out += [(p, None) for alts in self.extra for p in alts]
        return out


def build_match(query: str, outlet_token: str = "", months: list[str] | None = None) -> Match:
    """The `Match` of a query (raises `QueryError` as `parse_query` does), with an outlet token
    and month tokens (`sqlite.outlet_token`, `sqlite.months_between`) when the filters give them."""
    clauses = parse_query(query)
    match = Match([[_term(t) for t in clause] for clause in clauses])
    if outlet_token:
        match.extra.append([Phrase("meta", [outlet_token])])
    if months:
        match.extra.append([Phrase("meta", [m]) for m in months])
    return match


def _term(term: Term) -> TermSQL:
    return TermSQL([Phrase(column, tokens) for column, tokens in term_phrases(term)], term.negate)


def idf(rows: int, hits: int) -> float:
    """FTS5's IDF of a phrase found in `hits` of `rows` rows."""
    value = math.log((rows - hits + 0.5) / (hits + 0.5))
    return value if value > 0.0 else IDF_FLOOR


def bm25_sql(phrases: list[tuple[Phrase, TermSQL | None]], idfs: list[float], avgdl: float
             ) -> tuple[str, list, str, list]:
    """FTS5's bm25 score of article `a` (positive: higher is better) as (score SQL, its args,
    frequencies SQL, its args): the frequencies are the select list of a LATERAL subquery `fq`
    (`fq.f0`, `fq.f1`…) and the score sums their terms in FTS5's order, parenthesized as
    fts5Bm25Function computes them."""
    if not phrases:
        return "0.0::float8", [], "SELECT 0 AS f0", []
    k1p1 = K1 + 1.0  # computed here in doubles, as C does: a SQL literal would be numeric
    one_minus_b = 1 - B
    freq, freq_args, parts, args = [], [], [], []
    for i, ((phrase, term), weight) in enumerate(zip(phrases, idfs)):
        f_args: list = []
        f = phrase.frequency(f_args)
        if term is not None:
            cond_args: list = []
            f = f"(CASE WHEN {term.condition(cond_args)} THEN {f} ELSE 0::float8 END)"
            f_args = cond_args + f_args
        freq_args += f_args
        freq.append(f"{f} AS f{i}")
        args += [weight, k1p1, K1, one_minus_b, B, avgdl]
        parts.append(f"(%s::float8 * ((fq.f{i} * %s::float8) / (fq.f{i} + %s::float8 * "
                     f"(%s::float8 + %s::float8 * a.ntok::float8 / %s::float8))))")
    # OFFSET 0 keeps the subquery apart: flattened, each frequency would be computed twice
    return "(0.0::float8 + " + " + ".join(parts) + ")", args, "SELECT " + ", ".join(freq) + " OFFSET 0", freq_args

