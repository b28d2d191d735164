"""Entity extraction on hand-written sentences: people with titles, places, organizations."""
from __future__ import annotations

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
