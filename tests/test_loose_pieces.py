"""loose_pieces: a headless, bylineless piece goes into the article a fitted model says it most
likely belongs to, placed where print order puts it (made-up text)."""
from __future__ import annotations

from banmian.loose_pieces import (LOOSE_MIN_PROB, best_targets, in_print_order, loose_piece, merge_loose_pieces,
                                  merge_probability, pair_features)
from banmian.model import Article, Fragment, Line, Page, Source

REPORT = ["全县今年推广水稻良种，种植面积达到十二万亩，水稻良种覆盖率超过九成，农民增收明显。",
          "县农业局组织技术人员深入田间，指导农民科学育秧，推广机插秧技术。"]
NEXT = "明年全县将继续推广水稻良种，扩大机插秧面积，让更多种粮农民增收受益。"
OTHER = ["昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。",
         "主队主教练赛后表示，球队还需加强防守，下一轮将客场挑战联赛领头羊。"]
ALOOF = "市图书馆新春期间延长开放时间，读者可在每天晚上九点前借还图书。"


def article(headline: str | None, paragraphs: list[str]) -> Article:
    return Article(headline=headline, paragraphs=list(paragraphs),
                   reasons=["article_start:headline_before:+1.00" if headline else "article_start:content_change:-1.50"])


def page_of(printed: list[tuple[int, str]], articles: list[Article]) -> Page:
    """A page printing `printed` (article index, paragraph) in that order, one indented block
    closing a paragraph each, blank lines between, the articles' pieces in print order."""
    lines: list[Line] = []
    groups: list[list[Fragment]] = [[] for _ in articles]
    frags = []
    for n, (k, text) in enumerate(printed):
        if lines:
            lines.append(Line(len(lines) + 1, "", "", kind="blank"))
        ln = Line(len(lines) + 1, text, text)
        ln.para_start = True
        lines.append(ln)
        frag = Fragment(lines=[ln], start="indent", end="closed", order=n)
        groups[k].append(frag)
        frags.append(frag)
    pg = Page(source=Source(path="<test>", kind="text", encoding=None, sha256=""), lines=lines, articles=articles)
    pg.scratch["article_groups"] = groups
    pg.scratch["fragments"] = frags
    return pg


def test_a_piece_printed_after_a_neighbour_goes_back_into_the_report_it_continues():
    arts = [article("全县水稻喜获丰收", REPORT), article("主队主场获胜", OTHER), article(None, [NEXT])]
    pg = page_of([(0, REPORT[0]), (0, REPORT[1]), (1, OTHER[0]), (1, OTHER[1]), (2, NEXT)], arts)
    merge_loose_pieces(pg)
    assert [a.headline for a in pg.articles] == ["全县水稻喜获丰收", "主队主场获胜"]
    assert pg.articles[0].paragraphs == [*REPORT, NEXT]
    assert any(r.startswith("merge:loose_piece:") for r in pg.articles[0].reasons)


def test_a_piece_sharing_no_words_stays_an_article():
    arts = [article("全县水稻喜获丰收", REPORT), article("主队主场获胜", OTHER), article(None, [ALOOF])]
    pg = page_of([(0, REPORT[0]), (0, REPORT[1]), (1, OTHER[0]), (1, OTHER[1]), (2, ALOOF)], arts)
    [(piece, _, p)] = best_targets(pg)
    assert piece == 2 and p < LOOSE_MIN_PROB
    merge_loose_pieces(pg)
    assert len(pg.articles) == 3


def test_shared_words_raise_the_likelihood():
    arts = [article("全县水稻喜获丰收", REPORT), article(None, [NEXT]), article(None, [ALOOF])]
    pg = page_of([(0, REPORT[0]), (0, REPORT[1]), (1, NEXT), (2, ALOOF)], arts)
    groups = pg.scratch["article_groups"]
    sharing = pair_features(arts[1], groups[1], arts[0], groups[0], 0.4, 0.0, True)
    aloof = pair_features(arts[2], groups[2], arts[0], groups[0], 0.0, 0.0, False)
    assert merge_probability(sharing) > merge_probability(aloof)


def test_a_piece_with_a_byline_or_head_is_no_loose_piece():
    group = [Fragment(lines=[Line(1, NEXT, NEXT)], start="indent", end="closed")]
    assert loose_piece(article(None, [NEXT]), group)
    assert not loose_piece(article("明年再推良种", [NEXT]), group)
    signed = article(None, [NEXT])
    signed.byline = "本报记者 王明"
    assert not loose_piece(signed, group)


def test_a_piece_printed_between_the_reports_pieces_goes_between_them():
    arts = [article(None, REPORT), article(None, [NEXT])]
    pg = page_of([(0, REPORT[0]), (1, NEXT), (0, REPORT[1])], arts)
    target, group = arts[0], pg.scratch["article_groups"][0]
    group.extend(pg.scratch["article_groups"][1])  # as merge_into appends them
    in_print_order(target, group, 1, 1)
    assert target.paragraphs == [REPORT[0], NEXT, REPORT[1]]


def test_a_piece_printed_before_all_of_a_report_goes_into_none():
    arts = [article(None, [NEXT]), article("全县水稻喜获丰收", REPORT), article("主队主场获胜", OTHER)]
    pg = page_of([(0, NEXT), (1, REPORT[0]), (1, REPORT[1]), (2, OTHER[0]), (2, OTHER[1])], arts)
    assert [t for _, t, _ in best_targets(pg)] == []
    merge_loose_pieces(pg)
    assert len(pg.articles) == 3


def test_a_piece_printed_amid_a_report_goes_where_it_was_printed():
    arts = [article("全县水稻喜获丰收", REPORT), article(None, [NEXT]), article("主队主场获胜", OTHER)]
    pg = page_of([(0, REPORT[0]), (1, NEXT), (2, OTHER[0]), (0, REPORT[1]), (2, OTHER[1])], arts)
    merge_loose_pieces(pg)
    assert pg.articles[0].paragraphs == [REPORT[0], NEXT, REPORT[1]]


def test_nothing_goes_after_a_credit_closing_the_report():
    closed = [REPORT[0], REPORT[1] + "（新华社）"]
    arts = [article("全县水稻喜获丰收", closed), article("主队主场获胜", OTHER), article(None, [NEXT])]
    pg = page_of([(0, closed[0]), (0, closed[1]), (1, OTHER[0]), (1, OTHER[1]), (2, NEXT)], arts)
    assert [t for _, t, p in best_targets(pg) if p >= LOOSE_MIN_PROB] == [0]  # the model would merge it
    merge_loose_pieces(pg)
    assert len(pg.articles) == 3 and pg.articles[0].paragraphs == closed


# Shares a few words with REPORT (育秧, 插秧: bigram cosine about 0.09, below LOOSE_MIN_COSINE)
FEW = "各乡镇将建设育秧工厂，帮助农民购置插秧机，争取春耕前投入使用。"


def test_a_piece_right_after_the_report_needs_fewer_shared_words():
    arts = [article("全县水稻喜获丰收", REPORT), article("主队主场获胜", OTHER), article(None, [FEW])]
    pg = page_of([(0, REPORT[0]), (0, REPORT[1]), (2, FEW), (1, OTHER[0]), (1, OTHER[1])], arts)
    merge_loose_pieces(pg)
    assert len(pg.articles) == 2 and pg.articles[0].paragraphs == [*REPORT, FEW]


def test_a_piece_sharing_few_words_printed_after_a_neighbour_stays_an_article():
    arts = [article("全县水稻喜获丰收", REPORT), article("主队主场获胜", OTHER), article(None, [FEW])]
    pg = page_of([(0, REPORT[0]), (0, REPORT[1]), (1, OTHER[0]), (1, OTHER[1]), (2, FEW)], arts)
    assert [p for _, _, p in best_targets(pg)] == [0.0]  # likely enough by the model, too few words shared
    merge_loose_pieces(pg)
    assert len(pg.articles) == 3
