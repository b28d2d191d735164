"""The fast paths added for speed give exactly what the plain definitions give."""
from __future__ import annotations

import itertools
import math
import random

import pytest

from banmian.model import Fragment, Line
from banmian.rules.chars import char_em, strip_ws, text_em
from banmian.rules.furniture import LEAD_IN, is_lead_in
from banmian.similarity import ContentSpace, Group, GroupMaker
from banmian.similarity import bigrams, block_overlap
from banmian.head_bigrams import share_in
from banmian.stages.segment import join_lines, paragraphs_of

ALPHABET = list("ab Z9 \t\u3000中国记者本报讯新华社据人，。·—“”é\u00b7\u1fff\u2000ｱ（）") + ["\x01", "\x7f"]


def random_texts(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12))) for _ in range(n)
    ]


def test_text_em_is_the_sum_of_char_widths():
    for text in random_texts(3000) + ["", "abc", "中文", "a·b", "\u1fff\u2000"]:
        assert text_em(text) == sum(char_em(c) for c in text), text


def test_every_bmp_character_measures_as_char_em():
    for o in range(0x10000):
        c = chr(o)
        if 0xD800 <= o <= 0xDFFF:
            continue
        assert text_em("中" + c) == 1.0 + char_em(c), hex(o)


def test_is_lead_in_matches_the_pattern():
    texts = random_texts(3000, seed=1) + ["本报讯 记者", " 新华社北京1月5日电", "据新华社电", "中新社北京", "人民日报"]
    for text in texts:
        assert is_lead_in(text) == bool(LEAD_IN.match(text.replace(" ", ""))), text


def test_block_overlap_is_the_share_of_shared_bigrams():
    rng = random.Random(2)
    for text in random_texts(300, seed=3):
        block = [Line(no=1, raw=t, text=t, kind=rng.choice(["head", "byline"])) for t in random_texts(3, seed=len(text))]
        part = bigrams("".join(ln.text for ln in block if ln.kind == "head"))
        assert block_overlap(block, text) == share_in(part, bigrams(text))


def _paragraphs_by_joining(fragments: list[Fragment]) -> list[str]:
    paras: list[str] = []
    for frag in fragments:
        for ln in frag.lines:
            if ln.para_start or not paras:
                paras.append(ln.text)
            else:
                paras[-1] = join_lines(paras[-1], ln.text)
    return paras


def test_paragraphs_of_joins_like_join_lines():
    rng = random.Random(4)
    words = ["", "abc", "Xyz", "中文", "word1", "。", "a", "中b"]
    for _ in range(500):
        frags = []
        for _ in range(rng.randrange(1, 4)):
            lines = [Line(no=1, raw="", text=rng.choice(words)) for _ in range(rng.randrange(1, 5))]
            for ln in lines:
                ln.para_start = rng.random() < 0.3
            frags.append(Fragment(lines=lines))
        assert paragraphs_of(frags) == _paragraphs_by_joining(frags)


def test_group_cosine_matches_numpy_gram():
    texts = ["中国记者本报讯", "记者本报讯新华社", "新华社据人中国", "abc中国", "本报讯记者"]
    space = ContentSpace(texts)
    group = Group(space, 0)
    for i in (1, 3):
        group = group.plus(i)
    g = space.gram
    dots = g[:, 0] + g[:, 1] + g[:, 3]
    norm2 = float(g[0, 0])  # the same additions, in the same order, on numpy scalars
    norm2 += 2 * float(g[1, 0]) + float(g[1, 1])
    norm2 += 2 * float(g[3, 0] + g[3, 1]) + float(g[3, 3])
    for i in (2, 4):
        expected = 0.0 if dots[i] <= 0 else float(dots[i]) / math.sqrt(float(g[i, i]) * norm2)
        assert group.cosine(i) == expected


def test_group_keeps_the_sums_of_adding_every_gram_row():
    # the products before a group's last member are not kept; asked for, they are the same sums
    rng = random.Random(11)
    pieces = ["中国", "记者", "本报讯", "新华社", "abc", "据人", "经济", "改革"]
    for _ in range(200):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 5))) for _ in range(rng.randrange(2, 8))]
        space = ContentSpace(texts)
        order = rng.sample(range(len(texts)), rng.randrange(1, len(texts) + 1))
        group = Group(space, order[0])
        dots, norm2 = list(space.cells[order[0]]), space.cells[order[0]][order[0]]
        for k in order[1:]:
            group = group.plus(k)
            norm2 = norm2 + 2 * dots[k] + space.cells[k][k]
            dots = [a + b for a, b in zip(dots, space.cells[k])]
        assert group.norm2 == norm2
        for i in range(len(texts)):
            assert group.dot(i) == dots[i]
            if i not in order:
                expected = 0.0 if dots[i] <= 0 else dots[i] / math.sqrt(space.cells[i][i] * norm2)
                assert group.cosine(i) == expected


def test_cheap_furniture_and_header_tests_never_reject_a_match():
    from banmian.rules.chars import strip_ws
    from banmian.rules.furniture import furniture_kind, is_strong_header_text, may_be_furniture, may_be_strong_header

    rng = random.Random(5)
    pieces = ["（", "下转", "第二版", "）", " ", "\u3000", "据《", "人民日报", "》", "责编", "校对", "星", "期",
              "一", "A03", "社会", "1998年1月9日", "图为", "摄", "本报记者", "记者", "王某", "新华社", "中"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6))) for _ in range(5000)]
    for text in texts:
        t = strip_ws(text)
        if furniture_kind(t) is not None:
            assert may_be_furniture(text), text
        if t and is_strong_header_text(t):
            assert may_be_strong_header(text), text


def test_cheap_body_clue_test_never_rejects_a_clue():
    from banmian.stages.classify import _body_clue, text_clue

    rng = random.Random(13)
    pieces = ["本报讯", "新华社", "据", "人民", "中", "国", "，", "。", "、", "；", "：", "？", "！", "…", "）", ")",
              "”", "》", "（", "(", "“", "a", "1", " ", "（新华社记者王某摄）"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6))) for _ in range(5000)]
    for text in texts:
        assert _body_clue(Line(1, text, text)) == text_clue(text), text


def test_ends_sentence_fast_path():
    from banmian.rules.chars import ends_sentence, ends_sentence_stripping as slow

    rng = random.Random(6)
    pieces = ["颂歌", "。", "！", "”", "）", "（秦杰向兵", ")", " ", "\u3000", "…", "，", "a"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6)))
        assert ends_sentence(text) == slow(text), text


def test_bigram_keys_are_the_bigrams_as_numbers():
    from banmian.head_bigrams import bigram_keys

    for text in random_texts(2000, seed=7) + ["", "a", "中", "中国", "𠀀𠀁 𠀀𠀁"]:
        assert bigram_keys(text) == {ord(b[0]) << 21 | ord(b[1]) for b in bigrams(text)}, text
    for text in random_texts(300, seed=8):  # long texts: the numpy path
        text = text * 12
        assert bigram_keys(text) == {ord(b[0]) << 21 | ord(b[1]) for b in bigrams(text)}, text


def test_text_ems_is_text_em_of_each_text():
    from banmian.rules.chars import text_ems

    extra = ["", " ", "\t", "a·b", "\u1fff\u2000", "𠀀中 1", chr(0x1FFF) + chr(0x2000) + "\x00"]
    texts = random_texts(3000, seed=9) + extra + ["".join(chr(c) for c in range(0x1F80, 0x2080))]
    widths = text_ems(texts)
    assert widths == [text_em(t) for t in texts]
    assert all(type(w) is float for w in widths)
    assert text_ems([]) == []


def test_content_space_cosine_sums_like_sum():
    rng = random.Random(10)
    texts = ["".join(rng.choice("中国记者本报新华社据人双拥石学海") for _ in range(rng.randrange(0, 30))) for _ in range(25)]
    space = ContentSpace(texts)
    g = space.cells
    for i in range(len(texts)):
        for lo in range(len(texts)):
            members = [k for k in range(lo, min(len(texts), lo + 4)) if k != i]
            dot = sum([g[i][k] for k in members])
            want = 0.0 if not members or dot <= 0 else dot / math.sqrt(g[i][i] * sum([g[a][b] for a in members for b in members]))
            assert space.cosine(i, range(lo, min(len(texts), lo + 4))) == want


def test_start_logit_is_the_weighted_sum():
    from banmian.article_starts import START_WEIGHTS, start_logit

    rng = random.Random(11)
    names = list(START_WEIGHTS) + ["ev_unknown"]
    for _ in range(500):
        feats = {k: rng.choice([1.0, 0.0, rng.uniform(-10, 10)]) for k in rng.sample(names, 6)}
        assert start_logit(feats) == sum(START_WEIGHTS.get(k, 0.0) * v for k, v in feats.items())


def test_line_positions_by_identity():
    from banmian.model import line_positions

    lines = [Line(3, "a", "a"), Line(3, "b", "b"), Line(4, "", "")]
    assert line_positions(lines) == {id(ln): i for i, ln in enumerate(lines)}


def test_content_space_gram_matches_plain_tfidf():
    """The vectorised Gram matrix equals dot products of plain TF-IDF bigram dictionaries."""
    import math
    from collections import Counter

    from banmian.similarity import ContentSpace, bigram_counts

    rng = random.Random(11)
    alphabet = "中国人民日报记者本报讯北京上海经济发展，。、“”（）　 ab12"
    for _ in range(30):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60))) for _ in range(rng.randrange(1, 8))]
        counts = [bigram_counts(t) for t in texts]
        df = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(texts)
        vecs = [{k: v * math.log((n + 1) / (df[k] + 0.5)) for k, v in c.items()} for c in counts]
        gram = ContentSpace(texts).gram
        for i in range(n):
            for j in range(n):
                want = sum(v * vecs[j].get(k, 0.0) for k, v in vecs[i].items())
                assert math.isclose(gram[i][j], want, rel_tol=1e-9, abs_tol=1e-9), (texts, i, j)


def _random_fragment(rng: random.Random, order: int) -> Fragment:
    texts = ["", "两辆比亚", "迪12米", "（", "）记者", "，本报", "abc", "中国记者", "新华社。", "讯"]
    lines = [Line(no=1, raw="", text=rng.choice(texts)) for _ in range(rng.randrange(1, 3))]
    return Fragment(lines=lines, start=rng.choice(["open", "indent", "short"]),
                    end=rng.choice(["open", "closed", "maybe"]), order=order,
                    no_successor=rng.random() < 0.3)


def test_join_logit_is_the_logit_of_join_features():
    from banmian.link_model import join_features, join_logit, logit

    rng = random.Random(6)
    for _ in range(3000):
        latest = _random_fragment(rng, rng.randrange(0, 12))
        frag = _random_fragment(rng, rng.randrange(0, 12))
        assert join_logit(latest, frag) == logit(join_features(latest, frag))


def test_score_threads_scores_each_thread_as_the_plain_definition():
    from banmian.link_model import LINK_WEIGHTS, JoinLogits, QuoteBalance, join_features, logit
    from banmian.thread_beam import Hypothesis, extend, score_threads

    rng = random.Random(7)
    for _ in range(200):
        n = rng.randrange(2, 9)
        frags = [_random_fragment(rng, k) for k in range(n)]
        space = ContentSpace(["".join(ln.text for ln in f.lines) for f in frags])
        groups = GroupMaker(space)
        beam = [Hypothesis(0.0, (), -1)]
        i = rng.randrange(1, n)
        for k in range(i):  # a few random threadings of fragments 0..i-1, sharing threads
            beam = [extend(h, rng.choice(range(-1, len(h.threads))) if h.threads else -1, k, groups, 0.0)
                    for h in beam for _ in range(2)][:6]
        quotes = QuoteBalance(frags)
        scored = score_threads(beam, JoinLogits(frags), quotes, i)
        # every thread of the beam scored once, its score set on it
        assert len(scored) == len({id(g) for g in scored}) == len({id(g) for h in beam for g in h.threads})
        for h in beam:
            for group in h.threads:
                plain = logit(join_features(frags[group.members[-1]], frags[i]))
                assert group.scored_for == i
                assert group.score == (plain + LINK_WEIGHTS["cos"] * 10 * group.cosine(i)
                                       + quotes.term(group.members, i))


def test_bigram_cosine_is_the_cosine_of_bigram_counts():
    from banmian.similarity import bigram_cosine, bigram_counts, counts_cosine

    alphabet = list("中国记者本报讯，。、“”（）ab1 \t\u3000\n\x0b\x1c\u00a0\u2028\u2000\U00020000")
    rng = random.Random(12)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(3000)]
    for a, b in zip(texts, texts[1:]):
        assert bigram_cosine(a, b) == counts_cosine(bigram_counts(a), bigram_counts(b)), (a, b)


def test_unit_gains_are_the_gains_of_the_joined_text():
    from banmian.model import Line
    from banmian.head_bigrams import bigram_keys
    from banmian.head_units import MAX_UNIT_LINES, _unit_gains

    rng = random.Random(9)
    texts = random_texts(400, seed=10) + ["", " ", "中", "国 家"]
    for _ in range(300):
        block = [Line(k, t, t) for k, t in enumerate(rng.choices(texts, k=rng.randrange(1, 9)))]
        openings = [bigram_keys("".join(rng.choices(texts, k=30))) for _ in range(rng.randrange(0, 4))]
        gains = _unit_gains(block, openings)
        for a in range(len(block)):
            for b in range(a + 1, min(len(block), a + MAX_UNIT_LINES) + 1):
                keys = bigram_keys("".join(ln.text for ln in block[a:b]))
                assert gains[a][b - a - 1] == max((len(keys & o) for o in openings), default=0)


def test_org_run_starts_only_before_a_token_a_name_goes_on_onto():
    from banmian.entities import ORG_GOES_ON, org_run
    from banmian.entity_tokens import Tokens
    from banmian.entity_flags import ORG_START

    rng = random.Random(17)
    pieces = ["中国", "驻", "南非", "大使馆", "北京市", "第一", "福利院", "锡林", "市委书记", "广元市", "长城", "宾馆",
              "国务院", "办公厅", "，", "今天", "召开", "会议", "人民", "银行", "委员会", "研究所", "的", "和"]
    for _ in range(800):
        t = Tokens("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10))))
        for i in range(t.n):
            if t.flags[i] & ORG_START and not (i + 1 < t.n and t.flags[i + 1] & ORG_GOES_ON):
                assert org_run(t, i) is None, (t.words, i)


def test_control_count_is_the_regex_count():
    import re

    from banmian.readers.encoding import CONTROLS, count_controls

    pattern = re.compile("[" + "".join(re.escape(c) for c in CONTROLS) + "]")
    rng = random.Random(18)
    alphabet = ALPHABET + [chr(c) for c in range(32)] + ["\ud800", "\U00020000", "\u2028", "\x85"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 20)))
        assert count_controls(text) == len(pattern.findall(text)), repr(text)


def test_join_tables_from_joined_texts_match_their_own_joining():
    """JoinLogits and QuoteBalance given the page's `joined_texts` (reassemble joins each
    fragment's lines once) are the tables they build joining the lines themselves."""
    from banmian.link_model import JoinLogits, QuoteBalance, fragment_text, joined_texts

    rng = random.Random(19)
    for _ in range(300):
        frags = [_random_fragment(rng, k) for k in range(rng.randrange(1, 8))]
        for f in frags:
            f.lines += [Line(no=2, raw="", text=t) for t in rng.sample(["“引", "语”", " 空 格 ", "《书》", "\t"], 2)]
        texts = joined_texts(frags)
        assert texts == ["".join(ln.text for ln in f.lines) for f in frags]
        assert fragment_text(frags, texts) == fragment_text(frags)
        fast, plain = JoinLogits(frags, texts), JoinLogits(frags)
        fields = getattr(JoinLogits, "__slots__", None) or JoinLogits.__mypyc_attrs__  # compiled: no __slots__
        assert all(getattr(fast, k) == getattr(plain, k) for k in fields)
        fast_q, plain_q = QuoteBalance(frags, texts), QuoteBalance(frags)
        assert (fast_q.closers, fast_q.balance) == (plain_q.closers, plain_q.balance)


def test_opening_keys_share_with_any_block_what_the_whole_sets_share():
    """`head_bigrams.opening_keys` keeps of each opening's `bigram_keys` those whose characters are
    printed in the head lines, so every block's bigrams meet them as they meet the whole set."""
    from banmian.head_bigrams import bigram_keys, opening_keys
    from banmian.head_units import _unit_gains

    rng = random.Random(20)
    alphabet = ALPHABET + ["\U00020000", "\U0002000b", "\n"]
    for _ in range(400):
        heads = [Line(no=1, raw="", text="".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8))))
                 for _ in range(rng.randrange(0, 6))]
        openings = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 90))) for _ in range(rng.randrange(0, 5))]
        fast, whole = opening_keys(openings, heads), [bigram_keys(t) for t in openings]
        printed = {c for ln in heads for c in ln.text}
        assert fast == [{k for k in w if all(c in printed or ord(c) > 0xFFFF for c in (chr(k >> 21), chr(k & 0x1FFFFF)))}
                        for w in whole]
        for a in range(len(heads)):
            for b in range(a + 1, len(heads) + 1):
                keys = bigram_keys("".join(ln.text for ln in heads[a:b]))
                assert [len(keys & o) for o in fast] == [len(keys & o) for o in whole]
                assert [keys.isdisjoint(o) for o in fast] == [keys.isdisjoint(o) for o in whole]
        assert _unit_gains(heads, fast) == _unit_gains(heads, whole)


@pytest.mark.pure_python
def test_width_votes_round_and_count_as_round_does(monkeypatch):
    """`measure.width_votes` rounds by `half_ems`, not by a `round` call per line: the same keys
    as `round(w * 2) / 2` (halves to even), counted in the same order (`most_common` breaks ties
    by it)."""
    import importlib
    from collections import Counter

    from banmian.stages.measure import MIN_VOTING_WIDTH, width_votes

    def per_line(*args):
        raise AssertionError("a round call per line")
    with monkeypatch.context() as m:
        m.setattr(importlib.import_module("banmian.stages.measure"), "round", per_line, raising=False)
        assert width_votes([12.0, 12.25, 3.0]) == Counter({12.0: 2})
    rng = random.Random(21)
    for _ in range(2000):
        widths = [rng.choice([rng.randrange(0, 60) / 4, rng.uniform(0, 20), 5.75, 6.0, 6.25, 12.75])
                  for _ in range(rng.randrange(0, 30))]
        plain = Counter(round(w * 2) / 2 for w in widths if w >= MIN_VOTING_WIDTH)
        assert list(width_votes(widths).items()) == list(plain.items()), widths


def test_half_ems_rounds_halves_to_even_as_round_does():
    from banmian.stages.measure import half_ems

    rng = random.Random(22)
    widths = [k / 4 for k in range(400)] + [rng.uniform(0, 60) for _ in range(20000)] + [2.0 ** 52, 1e300]
    for w in widths:
        assert half_ems(w) == round(w * 2), w


def test_read_words_looks_up_each_word():
    """`entity_tokens.read_words` gives each word's flags in order, one-character words read from
    the table by code point and the others from the dictionary, as a look-up per word does, and a
    KeyError for a word unknown (one character or more)."""
    import pytest

    from banmian.entity_tokens import SINGLE_LIMIT, WordTables, read_words

    rng = random.Random(22)
    tables = WordTables()
    for w in ["中国", "记者", "，", "北", "a", "\U00020000", "京城"]:
        tables.flags[w] = rng.randrange(0, 1 << 24)
        if len(w) == 1 and ord(w) < SINGLE_LIMIT:
            tables.single[ord(w)] = tables.flags[w]
    for _ in range(500):
        words = [rng.choice(list(tables.flags)) for _ in range(rng.randrange(0, 6))]
        assert read_words(words, tables)[0] == [tables.flags[w] for w in words]
    for words in (["新词"], ["中国", "新"], ["\U00020001"]):
        with pytest.raises(KeyError):
            read_words(words, tables)


def test_ordinal_marks_scan_finds_what_finditer_finds():
    """`ordinals.ordinal_marks` looks for a mark only where one of its first characters stands
    (`_MARK_START`) and from where the last mark ended: the same marks as a `_MARK.finditer`
    over the whole text, kept or dropped by the same rules."""
    from banmian import ordinals

    def plain(text: str) -> list[ordinals.Mark]:
        out = []
        for m in ordinals._MARK.finditer(text):
            word, pos = m.group(), m.start()
            if word in ordinals._STEP_WORDS:
                series, step = "shouxian", ordinals._STEP_WORDS[word]
            else:
                series = ordinals._SERIES_BY_FIRST.get(word[0]) or ordinals._SERIES_BY_SECOND[word[1]]
                step = ordinals._DIGITS.index(word[1] if word[0] in ordinals._SERIES_BY_FIRST else word[0]) + 1
            after_clause = pos == 0 or text[pos - 1] in ordinals._CLAUSE_MARKS
            if after_clause or series == "shouxian" and step == 1 or series in ("paren", "qiyi"):
                out.append(ordinals.Mark(pos, series, step))
        return out

    alphabet = list("首先其次再第（()）一二三四五六七八九十是、来，,：:。；中文x")
    rng = random.Random(23)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert ordinals.ordinal_marks(text) == plain(text), text


def test_ends_sentence_reads_the_last_character_as_its_one_character_string_would():
    from banmian.rules.chars import CLOSERS, SENTENCE_FINAL, ends_sentence, ends_sentence_stripping

    def by_string(text: str) -> bool:  # ends_sentence as it read the last character before
        last = text[-1:]
        if last and last not in CLOSERS and not last.isspace():
            return last in SENTENCE_FINAL
        return ends_sentence_stripping(text)

    rng = random.Random(13)
    pool = sorted(CLOSERS | SENTENCE_FINAL) + [" ", "\u3000", "\t", "\x85", "\u2028", "a", "中", "\U00020000",
                                               "（秦杰）", "(AP)", "。”"]
    texts = random_texts(300, seed=14) + ["".join(rng.choices(pool, k=rng.randrange(0, 6))) for _ in range(5000)]
    for text in texts:
        assert ends_sentence(text) == by_string(text), text


def test_body_clue_first_test_reads_code_points_as_the_sets_would():
    from banmian.stages.classify import _CLUE_FIRST, _CLUE_LAST, _body_clue, text_clue

    rng = random.Random(15)
    pool = sorted(_CLUE_LAST | _CLUE_FIRST) + ["中", "a", "\U00020000", " ", "。"]
    texts = [t for t in random_texts(300, seed=16) if t]
    texts += ["".join(rng.choices(pool, k=rng.randrange(1, 6))) for _ in range(3000)]
    for text in texts:
        want = text_clue(text) if text[-1] in _CLUE_LAST or text[0] in _CLUE_FIRST else None
        assert _body_clue(Line(0, text, text)) == want, text


def test_first_character_tables_answer_as_the_sets_do():
    from banmian.para_cues import PICTURE_LABEL, PICTURE_LABEL_FIRST, PICTURE_LABEL_LAST, is_picture_label
    from banmian.rules import furniture as F

    rng = random.Random(17)
    pool = sorted(F.LEAD_IN_FIRST | F._PATTERN_FIRST | F._STRONG_HEADER_FIRST | set(F._CREDIT_FIRST)
                  | PICTURE_LABEL_FIRST | PICTURE_LABEL_LAST) + ["中", "a", "\U00020000", " ", "\u3000", "责", "：", "图"]
    texts = random_texts(300, seed=18) + [""]
    texts += ["".join(rng.choices(pool, k=rng.randrange(1, 7))) for _ in range(4000)]
    for text in texts:
        first = text[:1]
        assert F.is_lead_in(text) == (F._matches_lead_in(text) if first in F.LEAD_IN_FIRST or first == " " else False)
        lead = text.lstrip()[:1]
        assert F.may_be_furniture(text) == (lead in F._PATTERN_FIRST or (lead != "" and lead in F._CREDIT_FIRST))
        assert F.may_be_strong_header(text) == ("责" in text or "責" in text or "校" in text or "星" in text
                                               or lead in F._STRONG_HEADER_FIRST)
        t = text.strip()
        assert is_picture_label(Line(0, text, text)) == (
            bool(t) and t[0] in PICTURE_LABEL_FIRST and t[-1] in PICTURE_LABEL_LAST
            and bool(PICTURE_LABEL.match(t.replace(" ", ""))))


def test_line_ends_and_separators_read_from_code_points_as_from_characters():
    from banmian.line_shape import CLAUSE_END, ends_clause
    from banmian.rules.chars import CLOSERS, ends_sentence
    from banmian.stages.segment import line_separator

    rng = random.Random(19)
    pool = sorted(CLAUSE_END | CLOSERS) + ["中", "a", "Z", "é", "1", "\U00020000", " ", "。”", "ｂ"]
    texts = [t for t in random_texts(300, seed=20) if t]
    texts += ["".join(rng.choices(pool, k=rng.randrange(1, 6))) for _ in range(4000)]
    for text in texts:
        want = text[-1] in CLAUSE_END or (text[-1] in CLOSERS and (
            ends_sentence(text) or text.rstrip("".join(CLOSERS))[-1:] in CLAUSE_END))
        assert ends_clause(text) == want, text
    for left, right in zip(texts, texts[1:] + [""]):
        letters = (left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii()
                   and right[0].isalpha())
        assert line_separator(left, right) == (" " if letters else "")


def test_ends_with_opener_reads_the_last_code_point_as_its_character():
    from banmian.rules.chars import OPENERS
    from banmian.stages.classify import _ends_with_opener

    rng = random.Random(21)
    pool = sorted(OPENERS) + ["中", "a", "\U00020000", " ", "）", "”"]
    for _ in range(3000):
        text = "".join(rng.choices(pool, k=rng.randrange(1, 5)))
        assert _ends_with_opener(text) == (text[-1] in OPENERS), text


def test_end_kinds_table_is_the_sets_and_white_space_over_the_whole_bmp():
    from banmian.rules.chars import _END_KINDS, _FINAL_END, _OTHER_END, _STRIP_END, CLOSERS, SENTENCE_FINAL

    for o in range(0x10000):
        c = chr(o)
        want = _FINAL_END if c in SENTENCE_FINAL else _STRIP_END if c in CLOSERS or c.isspace() else _OTHER_END
        assert _END_KINDS[o] == want, hex(o)


def test_remembered_lead_ins_are_those_found_afresh():
    from banmian.rules.bylines import _lead_in_at, find_lead_in, lead_in_byline

    texts = ["本报北京3月2日讯 记者王某报道：今天", "新华社上海5月1日电（记者李某、张某）今天", "据新华社电 某地",
             "春风又绿江南本报讯（通讯员赵某）今年", "本报通讯员钱某", "（本报珀斯1月7日电）", "今天，本报讯", ""]
    for _ in range(2):  # asked again: the remembered answer
        for t in texts:
            fresh = _lead_in_at.__wrapped__(t, 0) if t[:1] else None
            got = lead_in_byline(t)
            assert (got is None) == (fresh is None) and (got is None or got.group(0) == fresh.group(0)), t
            again = find_lead_in.__wrapped__(t)
            found = find_lead_in(t)
            assert (found is None) == (again is None) and (found is None or found.span() == again.span()), t


def test_titled_name_precheck_never_rejects_a_name_the_patterns_read():
    from banmian.rules import names

    def by_patterns(text: str) -> str | None:
        t = "".join(text.split())
        if len(t) > names.TITLED_NAME_MAX_CHARS:
            return None
        m = names._TITLED_NAME.match(t) or names._LISTED_OFFICES.match(t)
        return m.group(1) if m and m.group(1)[0] in names.SURNAMES_1 else None

    rng = random.Random(21)
    titles = sorted(names.TITLES) + list(names.SIGNING_OFFICES)
    surnames = sorted(names.SURNAMES_1)[:40]
    filler = list("中共市委会省国家局院、· 甲乙丙丁") + surnames[:8]
    found = 0
    for _ in range(20000):
        parts = []
        for _ in range(rng.randrange(0, 5)):
            pick = rng.random()
            if pick < 0.3:
                parts.append(rng.choice(titles))
            elif pick < 0.5:
                parts.append(rng.choice(surnames) + "".join(rng.choice(filler) for _ in range(rng.randrange(0, 3))))
            else:
                parts.append("".join(rng.choice(filler) for _ in range(rng.randrange(0, 6))))
        text = "".join(parts)
        assert names.titled_name(text) == by_patterns(text), text
        found += by_patterns(text) is not None
    assert found > 100  # the fixtures exercise the names, not only the rejections
    assert names.titled_name("国务院总理李鹏") == "李鹏"


def test_spurious_space_pattern_matches_as_the_lookbehind_first_one():
    import importlib
    import re
    normalize = importlib.import_module("banmian.stages.normalize")
    cjk = normalize._CJK
    plain = re.compile(rf"(?<=[{cjk}])[ \t\u3000]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%.])[ \t\u3000]+(?=[{cjk}])")
    rng = random.Random(22)
    alphabet = list("中国年月日　、。，（）“”…— \t\u3000\u3000  1234abcXYZ%.-_")
    changed = 0
    for _ in range(40000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16)))
        assert normalize._SPURIOUS.sub("", text) == plain.sub("", text), repr(text)
        assert [m.span() for m in normalize._SPURIOUS.finditer(text)] == [m.span() for m in plain.finditer(text)]
        changed += plain.sub("", text) != text
    assert changed > 1000


def test_opens_item_finds_what_the_number_pattern_finds():
    import re

    from banmian.rules.chars import strip_ws
    from banmian.stages.roundups import NUMBER_SEARCH_CHARS, opens_item
    rng = random.Random(23)
    alphabet = list("0123456789、１２本报讯 中")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16)))
        number = rng.randrange(0, 30)
        want = re.search(rf"(?<![0-9]){number}、", strip_ws(text)[:NUMBER_SEARCH_CHARS]) is not None
        assert opens_item(text, number) == want, (text, number)


def test_break_tables_hold_every_character_of_their_sets():
    from banmian.language import (_BLOCK_END_BMP, _MID_START_BMP, _OPENER_BMP, BLOCK_ENDS, MID_SENTENCE_START,
                                  OPENERS)
    for table, chars in ((_OPENER_BMP, OPENERS), (_MID_START_BMP, MID_SENTENCE_START), (_BLOCK_END_BMP, BLOCK_ENDS)):
        assert all(ord(c) < 0x10000 for c in chars)  # the tables cover the sets whole
        assert {chr(o) for o in range(0x10000) if table[o]} == set(chars)


def test_half_window_sums_are_the_window_sums_doubled():
    import importlib
    unweave = importlib.import_module("banmian.stages.unweave")
    rng = random.Random(24)
    for _ in range(300):
        halves = [rng.choice((0, 2, 3, 5)) for _ in range(rng.randrange(0, 40))]
        for skip in (1, 2):
            want = (unweave.window_sums([h * 0.5 for h in halves], skip) * 2).tolist() if len(halves) >= unweave.WINDOW else []
            assert unweave.half_window_sums(halves, skip) == want


def test_json_text_is_the_standard_compact_dump():
    import json

    from banmian.writers.json import dumps
    obj = {"a": [1, 2.5, None, True, "中文\"\\\n"], "b": {"c": [], "d": {}}, "e": "x" * 3}
    assert dumps(obj) == json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def test_bigram_cosine_loop_and_numpy_give_the_plain_cosine():
    from banmian.similarity import _numpy_bigram_cosine, bigram_cosine, bigram_counts, bigram_key_counts, counts_cosine, key_counts_cosine
    rng = random.Random(7)
    texts = random_texts(400, seed=3) + ["", "中", "中国", "\U00020000中\U00020000中", "\ud800中国"]
    texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(900, 1300))) for _ in range(6)]
    for a, b in zip(texts, texts[1:] + texts[:1]):
        plain = counts_cosine(bigram_counts(a), bigram_counts(b))
        assert bigram_cosine(a, b) == plain == _numpy_bigram_cosine(a, b), (a, b)
        assert bigram_cosine(a, a) == counts_cosine(bigram_counts(a), bigram_counts(a))
        assert key_counts_cosine(bigram_key_counts(a), bigram_key_counts(b)) == plain


def test_rival_cues_asked_lazily_give_the_plain_tests():
    from banmian.thread_rivals import RIVAL_TAIL_CHARS, RivalCues, fragment_chars, settled_opening
    rng = random.Random(11)
    frags = [Fragment(lines=[Line(no=k, raw=t, text=t) for k, t in enumerate(random_texts(rng.randrange(1, 30), seed=n))],
                      start=rng.choice(["open", "indent", "flush"]), end=rng.choice(["open", "closed", "maybe"]))
             for n in range(60)]
    cues = RivalCues(frags, lambda j, i: 0.0)
    for i in rng.sample(range(60), 60) * 2:  # any order, asked twice
        f = frags[i]
        assert cues.settled_at(i) == settled_opening(f)
        assert cues.open_tail_at(i) == (f.end == "open" and fragment_chars(f) >= RIVAL_TAIL_CHARS)
        assert cues.lone([i]) == settled_opening(f)


def test_mark_starts_are_where_the_mark_start_pattern_matches():
    from banmian.ordinals import _MARK_START, mark_starts
    rng = random.Random(21)
    chars = list("首其再第（(一二三十先次是、来，。中文a 1") + ["\U00020000"]
    texts = ["", "一", "一是", "首先其次", "第一、二是三来", "（一）(二)其三", "\U00020000一是"]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randrange(0, 40))) for _ in range(3000)]
    for text in texts:
        assert mark_starts(text) == [m.start() for m in _MARK_START.finditer(text)], text


def test_join_parts_asked_again_give_the_same_parts():
    from banmian.link_model import JoinLogits
    rng = random.Random(5)
    words = ["比亚", "迪公司", "中国", "人民", "经济", "发展", "（", "），", "记者", "报道。"]
    frags = [Fragment(lines=[Line(no=k, raw=t, text=t) for k, t in
                             enumerate("".join(rng.choice(words) for _ in range(rng.randrange(1, 6))) for _ in range(3))])
             for _ in range(25)]
    fresh = [[JoinLogits(frags).join_parts(j, i) for i in range(25)] for j in range(25)]
    joins = JoinLogits(frags)
    for _ in range(2):  # asked twice, in another order
        for j, i in rng.sample([(j, i) for j in range(25) for i in range(25)], 625):
            assert joins.join_parts(j, i) == fresh[j][i]


def test_punct_marks_count_what_the_pattern_finds():
    from banmian.line_shape import _CJK_PUNCT_MARK, punct_marks
    from banmian.rules.chars import CJK_PUNCT
    assert all(ord(c) < 0x10000 for c in CJK_PUNCT)
    for text in random_texts(3000, seed=4) + ["", "，。、", "\U00020000，", "".join(sorted(CJK_PUNCT))]:
        assert punct_marks(text) == len(_CJK_PUNCT_MARK.findall(text)), text


def test_opens_credit_bracket_is_the_first_character_test():
    from banmian.para_cues import CREDIT_OPENERS, opens_credit_bracket
    for text in random_texts(3000, seed=6) + ["", " ", "（", "(", " （a", "\u3000(", "）", "a("]:
        assert opens_credit_bracket(text) == (text.lstrip()[:1] in CREDIT_OPENERS), text


def test_indent_after_full_line_ending_asks_the_same_three_tests():
    from banmian.line_shape import FULL_SLACK, INDENT_MAX, INDENT_MIN, slack
    from banmian.para_cues import CLOSING_MARKS, COLON_MARKS, indent_after_full_line_ending
    rng = random.Random(8)
    texts = ["记者报道：", "会议通过）", "住宅案；", "中文", "", "a：  "]
    for _ in range(3000):
        prev = Line(no=0, raw="", text=rng.choice(texts), width=rng.uniform(0, 14))
        line = Line(no=1, raw="", text=rng.choice(texts), width=rng.uniform(0, 14))
        width = rng.choice([12.0, 13.5])
        for marks in (COLON_MARKS, CLOSING_MARKS):
            plain = (prev.text.rstrip().endswith(marks) and slack(prev, width) <= FULL_SLACK
                     and INDENT_MIN <= slack(line, width) <= INDENT_MAX)
            assert indent_after_full_line_ending(prev, line, width, marks) == plain


def test_far_headline_overlap_is_the_largest_share_of_a_far_head_line():
    from banmian.article_starts import FAR_HEAD_MIN_CHARS, far_headline_overlap, page_head_lines
    from banmian.model import Page, Source
    rng = random.Random(9)
    for _ in range(300):
        lines = [Line(no=k, raw="", text="标题文字" * rng.randrange(0, 3), kind=rng.choice(["head", "body"]))
                 for k in range(rng.randrange(0, 12))]
        page = Page(source=Source(path="<test>", kind="text", encoding=None, sha256=""), lines=lines)
        heads = [ln for ln in lines if rng.random() < 0.3]
        far = page_head_lines(page)
        assert all(ln.kind == "head" and len(ln.text) >= FAR_HEAD_MIN_CHARS for ln in far)
        shares = [rng.choice([0.0, 0.0, 0.25, 0.5, 1.0]) for _ in far]
        plain = max([s for ln, s in zip(far, shares) if not any(ln is h for h in heads)], default=0.0)
        assert far_headline_overlap(page, heads, shares) == plain


def test_opening_keys_of_empty_and_one_character_openings():
    from banmian.head_bigrams import bigram_keys, opening_keys
    heads = [Line(no=1, raw="", text="中国人民经济发展")]
    for openings in (["", "中国人民"], ["中", "国人民", ""], ["", "", "经济发展中国"], ["人民经济", "发", "展中国"]):
        printed = set(heads[0].text)
        want = [{k for k in bigram_keys(t) if chr(k >> 21) in printed and chr(k & 0x1FFFFF) in printed}
                for t in openings]
        assert opening_keys(openings, heads) == want, openings


def test_ends_on_titled_name_reads_its_tables_as_the_sets():
    from banmian.rules.names import _TITLE_LAST_CHARS, SURNAMES_1, ends_on_titled_name

    def plain(t: str) -> bool:
        n = len(t)
        if n > 2 and t[n - 2] in SURNAMES_1 and t[n - 3] in _TITLE_LAST_CHARS:
            return True
        return n > 3 and t[n - 3] in SURNAMES_1 and t[n - 4] in _TITLE_LAST_CHARS

    rng = random.Random(1)
    chars = sorted(SURNAMES_1)[:40] + sorted(_TITLE_LAST_CHARS)[:40] + list("，。ab9") + ["\U00020000"] + [" ", "\u3000"]
    texts = ["".join(rng.choice(chars) for _ in range(rng.randrange(0, 8))) for _ in range(5000)]
    texts += ["市长李明", "书记王强国", "记者\U00020000", "\U00020000王明"]
    hits = 0
    for t in texts:
        assert ends_on_titled_name(t) == plain(strip_ws(t)), t  # white space is skipped
        hits += plain(strip_ws(t))
    assert hits > 100


def test_quote_balance_counts_each_quote_pair():
    """`link_model.QuoteBalance.balance`, spelled out pair by pair, is each QUOTE_PAIRS pair's
    opening marks less its closing ones."""
    from banmian.link_model import QUOTE_PAIRS, QuoteBalance

    texts = random_texts(300, seed=32) + ["“『《》』”", "”“", "《《》"]
    frags = [Fragment(lines=[Line(no=1, raw=t, text=t)]) for t in texts]
    assert QuoteBalance(frags).balance == [tuple(t.count(o) - t.count(c) for o, c in QUOTE_PAIRS) for t in texts]



def test_form_feed_lines_are_the_pieces_holding_one():
    """`readers.text.form_feed_lines` finds the split pieces holding a form feed, among the
    first `count` (the splitter's complete lines), as a loop over the pieces does."""
    from banmian.readers.text import form_feed_lines

    rng = random.Random(33)
    for _ in range(3000):
        text = "".join(rng.choice("ab王\n\f\r") for _ in range(rng.randrange(0, 30)))
        parts = text.split("\n")
        for count in (len(parts) - 1, len(parts), rng.randrange(0, len(parts) + 1)):
            assert form_feed_lines(text, count) == [k for k, p in enumerate(parts[:count]) if "\f" in p], repr(text)


def test_utf8_control_bytes_count_its_control_characters():
    """A UTF-8 chunk's control bytes are the control characters its text decodes to, read with
    stray bytes (`read_pages` counts them on the bytes), its held-back end included or not."""
    import codecs

    from banmian.readers.encoding import STRAY_ERRORS, count_control_bytes, count_controls

    rng = random.Random(34)
    alphabet = ALPHABET + [chr(c) for c in range(32)] + ["\x7f", "\U00020000"]
    for _ in range(2000):
        data = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 20))).encode("utf-8")
        if data and rng.random() < 0.5:  # a stray byte, or a character cut at the end
            k = rng.randrange(0, len(data))
            data = data[:k] + rng.choice([b"\xff", b"\xe7", b"\xe7\x8e"]) + data[k:]
        decoder = codecs.getincrementaldecoder("utf-8")(STRAY_ERRORS)
        text = decoder.decode(data, False) + decoder.decode(b"", True)
        assert count_control_bytes(data) == count_controls(text), data


def test_hungarian_skipping_zero_steps_still_finds_a_cheapest_assignment():
    """`assign._hungarian` leaves the potentials alone on a step of 0 (most steps, the cost
    matrices being mostly zeros): it still returns a permutation of least total cost, checked
    against every permutation of small matrices shaped like the stage's (mostly zeros)."""
    from banmian.assign import _hungarian

    rng = random.Random(35)
    for _ in range(600):
        n = rng.randrange(1, 7)
        cost = [[rng.choice([0.0, 0.0, 0.0, -0.5, -1.0, -round(rng.random(), 2), -rng.random()]) for _ in range(n)]
                for _ in range(n)]
        got = _hungarian(cost)
        assert sorted(got) == list(range(n)), cost
        best = min(sum(cost[i][j] for i, j in enumerate(perm)) for perm in itertools.permutations(range(n)))
        assert sum(cost[i][j] for i, j in enumerate(got)) == pytest.approx(best), cost


def test_count_cosines_are_the_count_cosines_one_pair_at_a_time():
    from banmian.bigram_tables import CountCosines
    from banmian.similarity import bigram_key_counts, key_counts_cosine
    rng = random.Random(33)
    chars = ALPHABET + ["\U00020000", "\U0010ffff", "\u2028", "\ud800", "\uffff"]
    for _ in range(300):
        texts = ["".join(rng.choice(chars) for _ in range(rng.randrange(0, 60))) for _ in range(rng.randrange(1, 7))]
        table = CountCosines(texts)
        for n, text in enumerate(texts):
            assert table.cosines(n) == [key_counts_cosine(bigram_key_counts(text), bigram_key_counts(t)) for t in texts]
    table = CountCosines(["银行信贷稳步增长", "", "信贷增长"])
    assert table.cosines(1) == [0.0, 0.0, 0.0] and table.cosines(0)[2] > 0.0

