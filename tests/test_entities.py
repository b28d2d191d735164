"""Entity extraction on hand-written sentences: people with titles, places, organizations."""
from __future__ import annotations

import pytest

from banmian.entities import article_entities, find_entities, load_lexicon


def spans(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.text) for e in find_entities(text)}


def test_person_after_title_even_when_cut_in_pieces():
    people = article_entities(["村党支部书记周建国介绍，今年的收成很好。"])["people"]
    assert {"name": "周建国", "title": "书记"} in people


def test_known_people_places_and_organizations():
    got = spans("国务院总理李鹏今天在北京会见了日本客人。")
    assert ("nr", "李鹏") in got and ("ns", "北京") in got and ("nt", "国务院") in got


def test_surname_with_a_title_in_one_word():
    assert ("nr", "周") in spans("周总理一生为人民服务。")


def test_organization_ending_in_an_organization_word():
    assert ("nt", "中国人民银行") in spans("中国人民银行昨天宣布了新的利率。")


def test_common_words_are_not_places():
    assert not any(t == "ns" for t, _ in spans("两国领导人在城市和山区考察。"))


def test_entities_in_order_of_first_mention_without_repeats():
    ents = article_entities(["上海的工厂和北京的学校", "北京今年冬天很冷，上海也一样。"])
    assert ents["places"] == ["上海", "北京"]


def test_user_lexicon_adds_names(tmp_path):
    lex = tmp_path / "names.txt"
    lex.write_text("# known names\n欧阳明远 nr\n", encoding="utf-8")
    assert load_lexicon(str(lex)) == 1
    assert ("nr", "欧阳明远") in spans("昨天欧阳明远参观了展览。")


def test_user_lexicon_with_an_unknown_tag_is_refused(tmp_path):
    lex = tmp_path / "names.txt"
    lex.write_text("# known names\n欧阳明远 np\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: tag 'np' is not nr, ns or nt"):
        load_lexicon(str(lex))


def people(text: str) -> set[tuple[str, str | None]]:
    return {(e.text, e.title) for e in find_entities(text) if e.type == "nr"}


def test_a_noun_ending_like_an_office_is_a_title():
    assert ("冯春生", "国防部长") in people("国防部长冯春生今天说，部队已经出发。")


def test_surname_with_a_kin_word_is_the_name():
    assert ("朱", "师傅") in people("朱师傅每天都来修车。")


def test_familiar_name_with_lao():
    assert ("nr", "老张") in spans("老张说今年收成不错。")


def test_photo_credit_keeps_the_agency_and_cuts_the_mark():
    got = spans("（新华社记者王晓摄）")
    assert ("nr", "王晓") in got and ("nt", "新华社") in got and ("nr", "王晓摄") not in got


def test_foreign_name_in_parts_is_one_person():
    assert ("nr", "约翰·史密斯") in spans("美国国防部长约翰·史密斯今天抵达。")


def test_dateline_place_whatever_its_tag():
    got = spans("新华社开罗１月３日电埃及政府今天宣布")
    assert ("ns", "开罗") in got and ("nt", "新华社") in got


def test_place_glued_to_the_next_word():
    assert ("ns", "台湾") in spans("海峡两岸的台湾同胞都很关心。")


def test_direction_word_does_not_close_an_organization():
    got = spans("今天贵州南部有小雨。")
    assert ("ns", "贵州") in got and not any(t == "nt" for t, _ in got)


def test_dateline_word_opens_no_organization():
    got = spans("北京１２月３１日讯新华社记者报道")
    assert ("nt", "新华社") in got and ("ns", "北京") in got


def test_buildings_and_sites_are_places():
    assert ("ns", "北京音乐厅") in spans("音乐会在北京音乐厅举行。")
    assert ("ns", "东坡公园") in spans("他在东坡公园散步。")


def test_organization_with_a_resident_word_or_an_ordinal():
    assert ("nt", "中国驻南非大使馆") in spans("中国驻南非大使馆今天开馆。")
    assert ("nt", "北京市第一中学") in spans("北京市第一中学的学生")


def test_abbreviated_organization_after_a_place():
    assert ("nt", "北京市妇联") in spans("北京市妇联今天召开会议。")


def test_byline_paragraph_of_names():
    assert spans("本报记者王小明李大海") == {("nr", "王小明"), ("nr", "李大海")}


def test_credit_of_names_in_parentheses():
    got = spans("这些照片很受欢迎。（赵一鸣孙文华）")
    assert ("nr", "赵一鸣") in got and ("nr", "孙文华") in got
    assert {("nr", "张平"), ("nr", "刘海")} <= spans("（记者张平、刘海）")


def test_items_of_a_list_share_their_kind():
    assert ("ns", "延吉") in spans("列车经过哈尔滨、延吉、沈阳三个城市。")


def test_transliterated_name_person_or_place_by_context():
    assert ("利维", "外长") in people("以色列外长利维今天辞职。")
    assert ("ns", "莫斯科") in spans("会议在莫斯科举行。")


def test_a_name_keeps_its_kind_within_a_paragraph():
    got = [(e.text, e.type) for e in find_entities("外长利维今天辞职。内阁对利维的决定感到意外。")]
    assert got == [("利维", "nr"), ("利维", "nr")]


def test_place_name_with_its_unit_cut_off_or_glued():
    assert ("ns", "田庄乡") in spans("他回到了田庄乡。")
    assert ("ns", "马庄村") in spans("他来到马庄村。")


def test_everyday_words_are_no_names():
    assert not people("这是一家高科技企业。")
    assert not people("他寄来一张贺卡。")


def test_pair_of_country_abbreviations_is_no_place():
    from banmian.entity_place_words import plain_place

    assert not plain_place("中美", "ns") and plain_place("美国", "ns")


def test_organization_ends_inside_a_title_word():
    got = [(e.text, e.type, e.title) for e in find_entities("锡林市委书记王志强说")]
    assert got[0][:2] == ("锡林市委", "nt") and ("王志强", "nr", "市委书记") in got


def test_place_built_like_a_name():
    assert ("ns", "石家庄") in spans("他明天要去石家庄。")


def test_organization_word_the_dictionary_tags_a_verb():
    assert ("nt", "工商银行上海市分行") in spans("工商银行上海市分行今天开业。")


def places(text: str) -> set[str]:
    return {e.text for e in find_entities(text) if e.type == "ns"}


def test_known_country_or_city_is_a_place_whatever_its_tag():
    # jieba tags 约旦 an adverb, 阿根廷 a person, 合肥 a noun
    assert {"约旦", "阿根廷", "合肥"} <= places("约旦和阿根廷的客人来到合肥参观。")


def test_known_place_at_the_head_of_a_longer_word():
    assert "天津" in places("他每天都读《天津日报》。")
    assert "亚特兰大" in places("他获得亚特兰大奥运会冠军。")
    # one word of its own, or an event named after the place: no place inside
    assert not places("他擅长中国画。") and not places("这部电影讲述南昌起义的故事。")


def test_known_place_after_a_prefix_in_one_word():
    assert "北京" in places("第一次来到首都北京的学生很兴奋。")
    assert "苏联" in places("他是原苏联的专家。")


def test_rare_dictionary_place_needs_a_place_word_around_it():
    assert "沁源" in places("他在沁源工作了三年。")
    assert "沁源" in places("山西沁源的农民很勤劳。")
    assert not places("夕阳照在山坡上。")  # the dictionary tags 夕阳 a place


def test_transliteration_without_a_place_cue_is_no_place():
    assert "塔利班" not in places("他们反对塔利班的主张。")
    assert "厄尔尼诺" not in places("许多人担心厄尔尼诺带来灾害。")
    assert "科托努" in places("代表团今天抵达科托努。")


def test_place_before_an_everyday_word_ending_like_an_organization():
    got = spans("泰国当局今天宣布了新的措施。")
    assert ("ns", "泰国") in got and not any(t == "nt" for t, _ in got)
    assert spans("香港特别行政区成立了。") == {("ns", "香港特别行政区")}


def test_dictionary_place_after_a_title_is_the_name():
    # the dictionary tags 巴嘎班迪 a place; a known place after a title stays one
    assert ("巴嘎班迪", "总统") in people("蒙古总统巴嘎班迪访问了日本。")
    assert "中国" in places("他作为代表中国出席了会议。")


def test_tokens_have_the_taggers_words_and_tags():
    # `两国` is a dictionary word (ns) that the segmenter cuts in two when it stands alone:
    # its tag must still come from the text
    import rjieba

    from banmian.entity_tokens import Tokens, forget_words

    forget_words()
    for text in ["两国领导人在城市和山区考察。", "新华社开罗１月３日电 两国外长会谈，记者王晓东报道。", ""]:
        t = Tokens(text)
        assert [(w, t.tag(i)) for i, w in enumerate(t.words)] == rjieba.tag(text)
        assert t.starts == [0, *[sum(map(len, t.words[:k + 1])) for k in range(t.n)]]


def test_looks_are_an_entry_after_a_trigger_or_before_a_unit():
    """`entity_tokens.read_words` picks the tokens worth a look in its one loop: each token with
    an entry flag, after a title or dateline opener, or before a lone place unit, once, in order."""
    from banmian.entity_tokens import WordTables, look_marks, read_words
    from banmian.entity_flags import OPENER, PLACE, TITLE, UNIT_MARK

    def naive(flags):
        n = len(flags)
        return [i for i in range(n) if flags[i] & PLACE or (i and flags[i - 1] & (TITLE | OPENER))
                or (i + 1 < n and flags[i + 1] & UNIT_MARK)]

    for flags in [[], [0], [TITLE], [PLACE], [0, TITLE, 0, 0, UNIT_MARK], [UNIT_MARK, 0, OPENER],
                  [TITLE, UNIT_MARK], [TITLE, 0, UNIT_MARK], [PLACE, UNIT_MARK, UNIT_MARK], [OPENER, PLACE | UNIT_MARK],
                  [TITLE, PLACE, 0, PLACE | TITLE, UNIT_MARK, 0, 0, 0, 0, 0, 0, 0, TITLE]]:
        tables = WordTables()
        words = [f"词{k}" if k % 2 else chr(0x4E00 + k) for k in range(len(flags))]  # one- and two-character words
        for word, f in zip(words, flags):
            tables.flags[word] = look_marks(f)
            if len(word) == 1:
                tables.single[ord(word)] = look_marks(f)
        got, looks, starts = read_words(words, tables)
        assert looks == naive(flags), flags
        assert got == [look_marks(f) for f in flags]
        assert starts == [0, *[sum(map(len, words[:k + 1])) for k in range(len(words))]]


def test_list_marks_and_runs():
    from banmian.entity_agreement import list_marks, list_runs
    from banmian.entity_tokens import Tokens

    text = "哈尔滨、延吉、沈阳和大连、青岛都是城市、"
    t = Tokens(text)
    marks = list_marks(t, text)
    assert [t.words[k] for k in marks] == ["、"] * text.count("、")
    assert [(t.words[lo], t.words[hi]) for lo, hi in list_runs(t.n, marks)] == [("哈尔滨", "沈阳"), ("大连", "青岛")]
    assert list(list_runs(5, [0, 2])) == [(1, 3)]  # no item before a first mark
    assert list(list_runs(4, [1, 3])) == [(0, 2)]  # no item after a last mark


def test_tokens_keep_their_tables_when_another_parse_starts_them_over():
    from banmian.entity_tokens import Tokens, forget_flags

    t = Tokens("市长张建华昨天在城东主持会议。")
    forget_flags()  # as another thread would when the tables are full
    assert [t.tag(i) for i in range(t.n)] and t.pair(0)[0] == t.words[0]
    assert Tokens("市长张建华昨天在城东主持会议。").words == t.words


def test_marks_segmented_as_line_breaks_give_the_same_words():
    """`Tokens` segments the text with its commas and full stops as line breaks and puts the
    marks back (`entity_tokens.marks_as_breaks`, `read_words`): the words are rjieba's own,
    whatever marks, line breaks, carriage returns and spaces stand around them, and so are the
    flags and start offsets the tables give them."""
    import random

    import rjieba

    from banmian.entity_tokens import Tokens, marks_as_breaks

    assert marks_as_breaks("甲，乙。丙、") == "甲\n乙\n丙、"
    assert marks_as_breaks("甲\r，乙") == "甲\r，乙"  # `\r\n` would be one token
    pieces = ["，", "。", "、", "“", "”", "\n", "\r", " ", "\u3000", "a", "1", "中国", "李鹏", "说", "（", "）",
              "·", "\r\n", "乡", "北京市", "新华社", "记者"]
    rng = random.Random(7)
    texts = ["市长张建华昨天在城东主持会议，他说。", "，。\n，", "\n"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))) for _ in range(400)]
    for text in texts:
        t = Tokens(text)
        assert t.words == rjieba.cut(text), text
        again = Tokens(text)  # the words known now: the fast path
        assert (again.words, again.flags, again.looks, again.starts) == (t.words, t.flags, t.looks, t.starts), text
        assert again.starts[-1] == len(text)


def test_person_flags_say_what_the_cached_rules_say():
    """`entity_flags.person_flags` keeps `no_name_word` and `chinese_name_shape` of each word in
    its flags, for `entity_people.person_at` to read without a cached call."""
    from banmian.entity_tokens import Tokens
    from banmian.entity_flags import NAME_SHAPE, NO_NAME
    from banmian.entity_words import chinese_name_shape, no_name_word

    t = Tokens("省委书记周建国和李鹏、王晓东在中国人民银行总部出席委员会会议。")
    for i, word in enumerate(t.words):
        assert bool(t.flags[i] & NAME_SHAPE) == chinese_name_shape(word), word
        assert bool(t.flags[i] & NO_NAME) == no_name_word(word, t.tag(i)), word
    assert any(t.flags[i] & NAME_SHAPE for i in range(t.n)) and any(t.flags[i] & NO_NAME for i in range(t.n))


def test_list_vote_is_counters_first_two():
    """`entity_agreement.list_vote` gives `Counter.most_common`'s winner (the first to appear on a tie)
    and the runner-up's votes."""
    import random
    from collections import Counter

    from banmian.entity_agreement import list_vote

    rng = random.Random(3)
    for _ in range(3000):
        voters = [rng.choice(["nr", "ns", "nt"]) for _ in range(rng.randrange(1, 9))]
        common = Counter(voters).most_common()
        assert list_vote(voters) == (*common[0], common[1][1] if len(common) > 1 else 0), voters
