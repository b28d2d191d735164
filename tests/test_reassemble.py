"""Reassemble: interleaved columns of two articles are threaded back by content and joins."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from banmian.closing_credits import closes_on_name_credit
from banmian.pipeline import parse_text
from columns_text import column_lines  # noqa: E402  (pytest puts tests/ on sys.path)

# the module, not the stage function of the same name that banmian.stages exports
reassemble_module = importlib.import_module("banmian.stages.reassemble")
thread_subheads = importlib.import_module("banmian.thread_subheads")
thread_beam = importlib.import_module("banmian.thread_beam")

RICE = ("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种"
        "覆盖率超过九成。水稻种植大户王建国说，稻田灌溉设施全部完成改造以后，水稻亩产提高"
        "了一成多，种植水稻的收入明显增加。县农业局表示，明年将继续推广水稻良种，扩大水稻"
        "机插秧面积，让更多种粮农民受益。")
FOOTBALL = ("昨晚进行的足球联赛中，主队凭借下半场的两个进球战胜客队，看台上的球迷齐声欢呼。"
            "主队主教练赛后表示，球队的防守还需加强，前锋线的配合越来越默契，足球联赛下一轮"
            "比赛主队将在客场迎战联赛领头羊，主队球员们信心十足。客队主教练则认为，球队在下"
            "半场体能下降，足球比赛的细节决定了胜负。")
WEATHER = ("气象台预计，未来三天我市以晴到多云天气为主，气温逐步回升，最高气温可达十八度。"
           "气象专家提醒市民，早晚温差较大，注意适时增减衣物，预防感冒。")


def interleaved_page() -> str:
    """Article A's first column, B's first column, then A's and B's second columns; then a
    third article."""
    a, b = column_lines(RICE), column_lines(FOOTBALL)
    parts = ["全县水稻喜获丰收", "", *a[:6], "", "主队主场力克客队", "", *b[:6], "",
             *a[6:], "", *b[6:], "", "未来三天晴到多云", "", *column_lines(WEATHER)]
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("width", [1, 8])
@pytest.mark.pure_python
def test_interleaved_columns_are_threaded_back(monkeypatch, width):
    monkeypatch.setattr(thread_beam, "BEAM_WIDTH", width)
    page = parse_text(interleaved_page())[0]
    bodies = ["".join(a.paragraphs) for a in page.articles]
    assert RICE in bodies and FOOTBALL in bodies, bodies
    heads = {a.headline for a in page.articles}
    assert heads == {"全县水稻喜获丰收", "主队主场力克客队", "未来三天晴到多云"}


def test_every_fragment_is_in_exactly_one_thread_in_input_order():
    page = parse_text(interleaved_page())[0]
    seen = []
    for thread in page.scratch["threads"]:
        orders = [f.order for f in thread.fragments]
        assert orders == sorted(orders)
        seen.extend(orders)
    assert sorted(seen) == list(range(len(page.scratch["fragments"])))


def test_lead_in_cut_by_a_column_break_runs_on_into_its_article():
    """examples/demo_page.txt: `本报讯（记者 林晓 许` / `文）3月 5日，记者从江川市` ends a column
    mid-sentence; the next column goes on with the same article."""
    demo = Path(__file__).resolve().parents[1] / "examples" / "demo_page.txt"
    page = parse_text(demo.read_text(encoding="utf-8"))[0]
    first = page.articles[0]
    assert first.byline == "本报讯（记者 林晓 许文）"
    assert first.headline == "江川新建高标准农田 累计达12万亩"
    assert first.paragraphs[0].startswith("3月5日，记者从江川市农业农村局获悉")
    assert len(first.paragraphs) == 3


def test_a_headline_printed_far_away_counts_for_the_fragment_its_words_open():
    from banmian.article_starts import far_headline_overlap, head_shares
    from banmian.model import Line, Page, Source

    far = Line(no=1, raw="", text="警惕又到公款送礼时", kind="head")
    near = Line(no=9, raw="", text="吃派饭的故事", kind="head")
    page = Page(source=Source(path="<test>"), lines=[far, Line(no=2, raw="", text="", kind="blank"), near])
    opening, other = head_shares(page, ["春节将至，公款送礼又开始忙活起来了。", "城东新建的三座大桥通车了。"])
    assert far_headline_overlap(page, [near], opening) == 3 / 8  # 公款, 款送, 送礼 of 8 bigrams
    assert far_headline_overlap(page, [far, near], opening) == 0.0  # printed right before: not far
    assert far_headline_overlap(page, [near], other) == 0.0


def test_indented_head_shares_are_the_head_shares_of_the_indented_fragments():
    """Only a fragment that opens indented weighs a headline printed far away, so only its row
    is computed; it is the row `head_shares` gives it among all the fragments."""
    from banmian.article_starts import head_shares, indented_head_shares
    from banmian.model import Fragment, Line, Page, Source

    head = Line(no=1, raw="", text="警惕又到公款送礼时", kind="head")
    texts = ["春节将至，公款送礼又开始忙活起来了。", "城东新建的三座大桥通车了。", "公款送礼之风当刹。"]
    frags = [Fragment(lines=[Line(no=k + 2, raw=t, text=t)], start=start, order=k)
             for k, (t, start) in enumerate(zip(texts, ["indent", "open", "indent"]))]
    page = Page(source=Source(path="<test>"), lines=[head] + [f.first for f in frags])
    every = head_shares(page, texts)
    assert indented_head_shares(page, frags, texts) == {0: every[0], 2: every[2]}


def test_bigram_shares_are_the_shares_found_one_by_one():
    from banmian.similarity import bigram_shares, bigrams, share_found
    from banmian.rules.chars import strip_ws

    parts = ["警惕又到公款送礼时", "吃 派饭的故事", "A", "", "公款 公款", "𠀀𠀁汉字"]
    wholes = ["春节将至，公款送礼又开始忙活起来了。", "吃派\u3000饭的故 事", "", "𠀀𠀁字汉字", "公款", "公款又公款送礼"]
    assert bigram_shares(parts, wholes) == [[share_found(bigrams(p), strip_ws(w)) for p in parts] for w in wholes]
    assert bigram_shares(["", "A"], ["公款"]) == [[0.0, 0.0]]


def essay_with_subhead(subhead: list[str]) -> str:
    """A dump without blank lines: an essay under its headline, a subhead, the essay goes on."""
    essay = column_lines("今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种覆盖率超过九成。"
                         "水稻种植大户王建国说，稻田灌溉设施全部完成改造以后，水稻亩产提高了一成多。")
    more = column_lines("县农业局表示，明年将继续推广水稻良种，扩大水稻机插秧面积，让更多种粮农民受益，"
                        "水稻种植大户和农技人员都对明年的水稻亩产充满信心。")
    return "\n".join(["全县水稻喜获丰收"] + essay + subhead + more) + "\n"


@pytest.mark.pure_python
def test_a_lone_subhead_between_paragraphs_on_one_subject_stays_in_the_article(monkeypatch):
    text = essay_with_subhead(["喜看今朝"])
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 1 and "喜看今朝" in page.articles[0].paragraphs
    monkeypatch.setattr(thread_subheads, "SUBHEAD_MIN_COSINE", 2.0)
    monkeypatch.setattr(thread_subheads, "SUBHEAD_LOW_COSINE", 2.0)  # a one-line subhead asks this one
    assert len(parse_text(text, entities=False)[0].articles) == 2


@pytest.mark.pure_python
def test_a_two_line_subhead_between_paragraphs_on_one_subject_stays_in_the_article(monkeypatch):
    text = essay_with_subhead(["喜看今朝", "再上台阶"])
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 1 and "喜看今朝再上台阶" in page.articles[0].paragraphs  # one paragraph
    monkeypatch.setattr(thread_subheads, "SUBHEAD_MAX_LINES", 1)
    assert len(parse_text(text, entities=False)[0].articles) == 2


@pytest.mark.pure_python
def test_a_subhead_keeps_the_text_after_it_in_the_article_however_sure_the_start_model(monkeypatch):
    # the start model would open an article under any head line: the subhead's join still wins
    monkeypatch.setattr(thread_beam, "START_THRESHOLD", -100.0)
    assert len(parse_text(essay_with_subhead(["喜看今朝"]), entities=False)[0].articles) == 1
    monkeypatch.setattr(thread_subheads, "SUBHEAD_MIN_COSINE", 2.0)
    monkeypatch.setattr(thread_subheads, "SUBHEAD_LOW_COSINE", 2.0)  # a one-line subhead asks this one
    assert len(parse_text(essay_with_subhead(["喜看今朝"]), entities=False)[0].articles) == 2


@pytest.mark.pure_python
def test_a_lead_in_under_its_headline_opens_an_article_however_close_its_topic(monkeypatch):
    # two reports on one subject, each under its headline, blank lines between blocks
    first = column_lines("本报讯　今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，"
                         "水稻良种覆盖率超过九成，水稻亩产提高了一成多。")
    second = column_lines("据新华社北京1月12日电　今年全县水稻种植面积达到十二万亩，农技人员深入田间地头"
                          "指导农民科学育秧，水稻亩产提高了一成多。", indent=0)
    text = "\n".join(["全县水稻喜获丰收", ""] + first + ["", "水稻大户笑开颜", ""] + second) + "\n"
    page = parse_text(text, entities=False)[0]
    assert [a.headline for a in page.articles] == ["全县水稻喜获丰收", "水稻大户笑开颜"]
    starts = importlib.import_module("banmian.article_starts")
    monkeypatch.setattr(starts, "lead_in_under_headline", lambda page, frag: False)
    assert len(parse_text(text, entities=False)[0].articles) == 1


def _fragment(texts: list[str], start: str, end: str, order: int):
    from banmian.model import Fragment, Line

    return Fragment(lines=[Line(no=order, raw=t, text=t) for t in texts], start=start, end=end, order=order)


def test_a_word_broken_at_a_column_break_that_the_page_prints_whole_is_a_strong_join():
    from banmian.link_model import LINK_WEIGHTS, JoinLogits, fragment_text, page_word

    said = _fragment(["国有企业的改革已经取得进展，", "他说，国有企"], "indent", "open", 0)
    said_alone = _fragment(["他说，国有企"], "open", "open", 0)  # `企业` nowhere else on the page
    rest = _fragment(["业的职工要看到希望。"], "open", "closed", 1)
    assert page_word(said.last.text, rest.first.text, fragment_text([said, rest]))
    assert not page_word(said_alone.last.text, rest.first.text, fragment_text([said_alone, rest]))
    gain = JoinLogits([said, rest]).logit(0, 1) - JoinLogits([said_alone, rest]).logit(0, 1)
    assert gain == pytest.approx(LINK_WEIGHTS["page_word"]) and gain > 0


def test_a_join_says_what_it_scored_and_what_a_new_article_would_have():
    """`reassemble:after_line_12:+0.24:new+0.12`: the link log-odds of the join chosen and the
    start log-odds (plus the offset) of opening an article there instead, for --explain."""
    import re

    page = parse_text(interleaved_page(), entities=False)[0]
    # (a rival cue's tags, `thread_rivals`, between the scores and :reads_on)
    found = [re.fullmatch(r"reassemble:after_line_(\d+):([+-]\d+\.\d\d):new([+-]\d+\.\d\d)"
                          r"(?::rival_content(?::after_lone_opening)?(?::after_finished_text)?)?(:reads_on)?", r)
             for ln in page.lines for r in ln.reasons if r.startswith("reassemble:after_line")]
    assert found and all(found)
    links = {float(m.group(2)) for m in found}
    assert len(links) > 1  # each join its own score
    # a column break inside a sentence reads on: a join the model is sure of
    assert any(m.group(4) and float(m.group(2)) > float(m.group(3)) for m in found)


@pytest.mark.pure_python
def test_a_paragraph_closed_by_a_picture_note_opens_an_article_in_a_dump_without_blank_lines(monkeypatch):
    # no blank lines: a report on the same subject runs straight on into the rice story's
    # opening matter, with nothing else to tell where the story starts
    before = column_lines("县农业局昨天召开水稻生产总结会，表彰了一批水稻种植大户和优秀农技人员，"
                          "水稻良种推广和机插秧面积都创下新高。与会代表表示，明年要继续扩大水稻"
                          "良种覆盖率，让种粮农民得到更多实惠。")
    title = column_lines("全县两万多户种粮农民与农技人员一起喜迎水稻丰收（附图片1张）")
    text = "\n".join(before + title + column_lines(RICE)) + "\n"
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 2
    assert page.articles[1].paragraphs[0] == "全县两万多户种粮农民与农技人员一起喜迎水稻丰收（附图片1张）"
    monkeypatch.setattr(reassemble_module, "split_at_picture_notes", lambda frags, width: frags)
    assert len(parse_text(text, entities=False)[0].articles) == 1


@pytest.mark.pure_python
def test_the_text_after_a_picture_note_alone_on_its_line_continues_its_article(monkeypatch):
    # the note closes the rice story's opening matter; its lead-in byline stays in the text
    lead = column_lines("本报讯　" + RICE, indent=0)
    text = "\n".join(column_lines(FOOTBALL) + ["（附图片1张）"] + lead) + "\n"
    page = parse_text(text, entities=False)[0]
    assert [a.paragraphs[0][:4] for a in page.articles] == ["昨晚进行", "（附图片"]
    assert page.articles[1].byline is None and page.articles[1].paragraphs[1].startswith("本报讯")
    monkeypatch.setattr(thread_beam, "ends_with_picture_note", lambda text: False)
    assert len(parse_text(text, entities=False)[0].articles) == 3


@pytest.mark.pure_python
def test_a_report_after_a_picture_note_and_its_credited_description_continues_the_article(monkeypatch):
    # the note announces a picture; the picture's description closes with its credit; then the
    # report the picture went with, under its own lead-in: one article
    note = column_lines("全县两万多户种粮农民与农技人员一起喜迎水稻丰收（附图片1张）")
    described = column_lines("图为农技人员在田间向农民讲解水稻良种的特点。（本报记者王明摄）")
    lead = column_lines("本报讯　" + RICE)
    text = "\n".join(column_lines(FOOTBALL) + note + described + lead) + "\n"
    page = parse_text(text, entities=False)[0]
    assert [a.paragraphs[0][:4] for a in page.articles] == ["昨晚进行", "全县两万"]
    assert any(p.startswith("本报讯") for p in page.articles[1].paragraphs)
    monkeypatch.setattr(thread_beam, "report_after_picture", lambda picture, frag: False)
    assert len(parse_text(text, entities=False)[0].articles) == 3


def test_a_number_cut_at_a_column_break_is_a_strong_join():
    from banmian.link_model import LINK_WEIGHTS, JoinLogits, number_runs_on

    assert number_runs_on("人均 58.57", "元，礼金支出") and number_runs_on("增长了1", "5%")
    assert not number_runs_on("人均五十", "元") and not number_runs_on("1997年", "元")
    cut = _fragment(["礼金高达21025元，人均 58.57"], "indent", "open", 0)
    words = _fragment(["礼金高达两万多元，人均不少"], "indent", "open", 0)
    rest = _fragment(["元，礼金支出占农民生产资"], "open", "open", 1)
    gain = JoinLogits([cut, rest]).logit(0, 1) - JoinLogits([words, rest]).logit(0, 1)
    assert gain == pytest.approx(LINK_WEIGHTS["number_runs_on"])


def test_a_thread_its_jump_line_closed_goes_on_only_with_a_fragment_much_like_it():
    """After `（下转第二版）` the next fragment opens an article unless its text shares well
    over 0.1 cosine with the thread (no other cue: adjacent, the thread stopped mid-sentence,
    the fragment opens indented, no headline before it)."""
    from banmian.article_starts import start_logit
    from banmian.link_model import LINK_WEIGHTS

    def link(cos10: float) -> float:
        feats = {"bias": 1.0, "adjacent": 1.0, "closed_by_jump": 1.0, "fit_open_indent": 1.0, "cos": cos10}
        return sum(LINK_WEIGHTS[k] * v for k, v in feats.items())

    def new(cos10: float) -> float:
        feats = {"bias": 1.0, "ev_none": 1.0, "start_indent": 1.0, "prev_open": 1.0, "cos_prev": cos10}
        return start_logit(feats) + thread_beam.NEW_THREAD_OFFSET

    assert link(1.0) < new(1.0)  # cosine 0.1: a new article
    assert link(2.0) > new(2.0)  # cosine 0.2: the same article goes on


def test_leading_closers_and_the_quote_term_of_a_thread():
    from banmian.link_model import QUOTE_CLOSES, QUOTE_UNOPENED, QuoteBalance, leading_closers

    assert leading_closers("越过越红火了。”他笑着说") == (0,)
    assert leading_closers("他说：“好。”") == ()  # opened before it is closed: its own quote
    assert leading_closers("部长》说，《人民日报》") == (2,)
    said = _fragment(["老人笑着说：“今"], "indent", "open", 0)
    plain = _fragment(["运动员们在训练"], "indent", "open", 1)
    closing = _fragment(["年的日子越过越红火了。”"], "open", "closed", 2)
    quotes = QuoteBalance([said, plain, closing])
    assert quotes.term((0,), 2) == QUOTE_CLOSES
    assert quotes.term((1,), 2) == QUOTE_UNOPENED == quotes.new_thread_term(2)
    assert quotes.term((0,), 1) == 0.0  # a fragment that closes nothing


def test_a_fragment_closing_a_quote_scores_higher_on_the_thread_that_opened_it():
    """pdftotext puts another article's column between the two halves of a quote: the half
    that closes it scores QUOTE_CLOSES on the thread holding the opening mark and
    QUOTE_UNOPENED on the one that opened none, whatever else the join and content say."""
    from banmian.link_model import QUOTE_CLOSES, QUOTE_UNOPENED, JoinLogits, QuoteBalance
    from banmian.similarity import ContentSpace, GroupMaker
    from banmian.thread_beam import Hypothesis, extend, score_threads

    said = _fragment(["老人笑着说：“今"], "indent", "open", 0)
    other = _fragment(["运动员们在训练"], "indent", "open", 1)
    closing = _fragment(["年的日子越过越红火了。”"], "open", "closed", 2)
    plain = _fragment(["年的日子越过越红火了。"], "open", "closed", 2)  # the same without the mark
    scores = {}
    for last in (closing, plain):
        frags = [said, other, last]
        groups = GroupMaker(ContentSpace(["".join(ln.text for ln in f.lines) for f in frags]))
        beam = [extend(extend(Hypothesis(0.0, (), -1), -1, 0, groups, 0.0), -1, 1, groups, 0.0)]
        score_threads(beam, JoinLogits(frags), QuoteBalance(frags), 2)  # sets each thread's score
        scores[last is closing] = [g.score for g in beam[0].threads]
    (with_a, with_b), (without_a, without_b) = scores[True], scores[False]
    assert with_a - without_a == pytest.approx(QUOTE_CLOSES)
    assert with_b - without_b == pytest.approx(QUOTE_UNOPENED)


def test_a_fragment_reading_on_across_the_break_outweighs_another_threads_adjacency():
    """pdftotext walks another article's column in between: a fragment whose first word and
    mark finish the sentence a thread two fragments back stopped in (join_score 2.5) goes on
    that thread rather than the adjacent one it does not read on from."""
    from banmian.language import MARK_SCORE, WORD_SCORE
    from banmian.link_model import LINK_WEIGHTS

    reads_on = LINK_WEIGHTS["join"] * (MARK_SCORE + WORD_SCORE) + LINK_WEIGHTS["d2_3"]
    assert reads_on > LINK_WEIGHTS["adjacent"]


def _pointing_back_page(opening: str, between: list[str]) -> str:
    """An article on rice, then `between` lines, then a paragraph on the weather that opens
    with `opening`: no word of the two texts is shared."""
    rest = "气象专家提醒市民，早晚温差较大，注意适时增减衣物，预防感冒，出门前留意天气预报。"
    return "\n".join(["全县水稻喜获丰收", "", *column_lines(RICE), "", *between,
                      *column_lines(opening + rest)]) + "\n"


@pytest.mark.parametrize("opening", ["因此，", "同时，", "这样，"])
@pytest.mark.pure_python
def test_a_paragraph_pointing_back_goes_on_with_the_article_before(monkeypatch, opening):
    """pdftotext cuts a paragraph off at a blank line; one that opens pointing back (因此, 同时,
    这…) goes on with an article however little it shares with it (dev page 29)."""
    text = _pointing_back_page(opening, [])
    page = parse_text(text, entities=False)[0]
    assert [a.headline for a in page.articles] == ["全县水稻喜获丰收"]
    assert page.articles[0].paragraphs[-1].startswith(opening)
    monkeypatch.setattr(thread_beam, "points_back", lambda page, frag: False)
    # `adjacent_splits` would join it too (a headless paragraph right under a headed article)
    monkeypatch.setattr(importlib.import_module("banmian.stages.headlines"), "merge_adjacent_splits", lambda page: None)
    assert len(parse_text(text, entities=False)[0].articles) == 2


def test_a_paragraph_pointing_back_under_a_headline_may_open_an_article():
    """An essay may open pointing back under its own headline (`那是1995年的1月中旬…`)."""
    page = parse_text(_pointing_back_page("那是", ["天气转暖", ""]), entities=False)[0]
    assert [a.headline for a in page.articles] == ["全县水稻喜获丰收", "天气转暖"]


def _note_inside_column_page() -> str:
    """The rice article with a column break inside the word `明显增加` (`…收入明显增` /
    `加。…`), and a 上接 note printed at the break, as pdftotext prints a neighbour's note
    where its block falls."""
    lines = column_lines(RICE)
    assert lines[7].endswith("明显增") and lines[8].startswith("加。"), lines
    return "\n".join(["全县水稻喜获丰收", "", *lines[:8], "", "（上接第一版）", "", *lines[8:],
                      "", "未来三天晴到多云", "", *column_lines(WEATHER)]) + "\n"


@pytest.mark.pure_python
def test_a_continuation_note_inside_a_word_broken_at_a_column_break_opens_nothing(monkeypatch):
    """A 上接 note printed where a word breaks across a column (`明显增` / note / `加。…`)
    is another column's: the text after it reads on (dev page 18)."""
    text = _note_inside_column_page()
    page = parse_text(text, entities=False)[0]
    assert RICE in ["".join(a.paragraphs) for a in page.articles]
    assert any(reassemble_module.NOTE_AWAY_REASON in ln.reasons for ln in page.lines)
    monkeypatch.setattr(reassemble_module, "note_printed_away", lambda prev, frag: False)
    bodies = ["".join(a.paragraphs) for a in parse_text(text, entities=False)[0].articles]
    assert RICE not in bodies


def _signed_speech_page() -> str:
    """A report on rice, then an office-holder's signature alone over a speech on the same
    subject (its headline printed elsewhere, as pdftotext prints it on dev page 21)."""
    report = column_lines(RICE)
    speech = column_lines("今年全县水稻种植面积达到十二万亩，水稻良种覆盖率超过九成，水稻亩产提高了一成多。"
                          "明年全县要继续推广水稻良种，扩大水稻机插秧面积，让更多种粮农民受益。")
    return "\n".join(["全县水稻喜获丰收", "", *report, "", "中共江川县委员会书记王建国", "", *speech]) + "\n"


def one_article_without(monkeypatch, text: str, rule: str) -> bool:
    """With the start rule `article_starts.<rule>` switched off, the page reads as one article."""
    starts = importlib.import_module("banmian.article_starts")
    monkeypatch.setattr(starts, rule, lambda page, frag: False)
    return len(parse_text(text, entities=False)[0].articles) == 1


@pytest.mark.pure_python
def test_a_paragraph_under_an_office_holders_signature_opens_an_article_however_close_its_topic(monkeypatch):
    text = _signed_speech_page()
    page = parse_text(text, entities=False)[0]
    assert len(page.articles) == 2
    assert page.articles[1].byline == "中共江川县委员会书记王建国"
    assert one_article_without(monkeypatch, text, "under_signature")


def test_an_office_and_a_name_signs_a_text_a_press_title_does_not():
    from banmian.rules.names import office_signature

    assert office_signature("中共中央总书记、国家主席江泽民")
    assert office_signature("中共伊克昭盟委员会书记邢云")
    assert not office_signature("本报记者许立群")
    assert not office_signature("新华社记者李清华")
    assert not office_signature("全县水稻喜获丰收")


def test_a_picture_note_broken_over_two_lines_is_still_a_picture_note():
    from banmian.fragment_cuts import holds_picture_note

    assert holds_picture_note(_fragment(["群众一起辞旧迎新（附", "图片 1 张）"], "open", "closed", 0))
    assert holds_picture_note(_fragment(["群众一起辞旧迎新（附图片1张）"], "open", "closed", 0))
    assert not holds_picture_note(_fragment(["群众一起辞旧迎新（附", "图为领导同志）"], "open", "closed", 0))


# An orchard report and a library report, each cut at a column break mid-sentence (a comma at
# full width); pdftotext prints the orchard's second column right after the library's first.
ORCHARD_1 = "今年春天，城郊的果农们在山坡上栽下三千株苹果树苗，技术员每周上山指导修剪和施肥，还传授经验，"
ORCHARD_2 = "果园里的苹果树长势很好，果农们盼着秋天的苹果卖个好价钱。果园的滴灌设施也已完工。"
LIBRARY_1 = "新建的市图书馆昨天正式开放，馆内藏书超过五十万册。"
LIBRARY_2 = "图书馆的读者们可以凭身份证免费办理借书证，图书馆阅览室每天都开放到晚上九点，读者也可以上网，"


def bare_break_page() -> str:
    """A report's first column, another report's first column (two paragraphs), then the first
    report's second column: the columns break after a comma, so no word spans the break."""
    assert len(ORCHARD_1) == len(LIBRARY_2) == 46  # an indented line of 10, three full lines of 12
    parts = ["城郊果农栽下苹果树", "", *column_lines(ORCHARD_1), "", "市图书馆正式开放", "",
             *column_lines(LIBRARY_1), "", *column_lines(LIBRARY_2), "", *column_lines(ORCHARD_2, indent=0)]
    return "\n".join(parts) + "\n"


def test_a_bare_break_lets_a_thread_of_closer_content_win(monkeypatch):
    """The orchard's second column follows the library's first across a bare break: the thread
    just before wins by order alone, unless the rival cue weighs the orchard thread's closer
    content (`thread_rivals`)."""
    page = parse_text(bare_break_page())[0]
    bodies = {a.headline: "".join(a.paragraphs) for a in page.articles}
    assert bodies == {"城郊果农栽下苹果树": ORCHARD_1 + ORCHARD_2, "市图书馆正式开放": LIBRARY_1 + LIBRARY_2}
    joined = next(ln for ln in page.lines if ln.text.startswith("果园里"))
    assert any(r.startswith("reassemble:") and r.endswith(":rival_content:reads_on") for r in joined.reasons)


def test_rival_threads_only_across_a_bare_mid_sentence_break():
    from banmian.model import Fragment, Line
    from banmian.thread_rivals import RIVAL_COSINE_MARGIN, RivalCues, weak_adjacent_join

    def frag(text: str, start: str, end: str) -> Fragment:
        return Fragment(lines=[Line(no=0, raw=text, text=text)], start=start, end=end)

    before, after = frag("某某", "open", "open"), frag("某某", "open", "open")
    assert weak_adjacent_join(before, after, 0.0)
    assert not weak_adjacent_join(before, after, 1.0)  # a word spans the break
    assert not weak_adjacent_join(frag("某某。", "open", "maybe"), after, 0.0)
    assert not weak_adjacent_join(before, frag("某某", "indent", "open"), 0.0)
    frags = [before, frag("某某", "indent", "closed"), after]
    cues = RivalCues(frags, lambda j, i: 0.0)
    assert cues.weak == [False, False, False]  # the indented fragment breaks nothing bare
    cues = RivalCues([before, after, frag("某某", "open", "open")], lambda j, i: 0.0)
    assert cues.weak == [False, True, True]
    cosines = [0.01, 0.01 + RIVAL_COSINE_MARGIN / 2, 0.02 + RIVAL_COSINE_MARGIN, 0.0]
    assert cues.rivals(4, 0, 2, 1, cosines.__getitem__) == [2]
    assert cues.rivals(4, 0, 1, 1, cosines.__getitem__) == []  # the latest thread has just opened
    assert cues.rivals(4, -1, 0, 1, cosines.__getitem__) == []
    assert cues.rivals(4, 0, 2, 0, cosines.__getitem__) == []


CREDITED_REPORT = ("　　今年全县水稻种植面积达到十二万亩，农技人员深入田间地头指导农民科学育秧，水稻良种\n"
                   "覆盖率超过九成。水稻种植大户王建国说，稻田灌溉设施全部完成改造以后，水稻亩产提高\n"
                   "了一成多，种植水稻的收入明显增加。{credit}\n")
OPEN_PIECE = ("主队主教练赛后表示，球队的防守还需加强，前锋线的配合越来越默契，足球联赛下一轮\n"
              "比赛主队将在客场迎战联赛领头羊，主队球员们信心十足。\n")


def test_a_piece_after_a_report_closed_by_its_credit_opens_another_article():
    """pdftotext: `…收入明显增加。（李明）`, a blank line, then an unindented piece: the credit
    ends the report, so the piece does not go on its thread (without the credit it does)."""
    credited = parse_text(CREDITED_REPORT.format(credit="（李明）") + "\n" + OPEN_PIECE, entities=False)[0]
    assert len(credited.articles) == 2
    assert credited.articles[0].paragraphs[-1].endswith("（李明）")
    uncredited = parse_text(CREDITED_REPORT.format(credit="") + "\n" + OPEN_PIECE, entities=False)[0]
    assert len(uncredited.articles) == 1


@pytest.mark.parametrize("last, closed", [
    ("收入明显增加。（李明）", True),
    ("收入明显增加。(罗军 陈志安)", True),
    ("收入明显增加。（新华社记者黄文摄）", False),  # a picture's credit: its report may follow
    ("收入明显增加。（下转第二版）", False),  # a jump note: the article goes on elsewhere
    ("收入明显增加。（本报北京1月2日电）", False),  # a dateline: names only
    ("收入明显（李明）", False),  # no sentence closes before it
])
def test_a_fragment_ends_on_a_credit_only_after_a_finished_sentence(last, closed):
    frag = _fragment(["　　农技人员深入田间地头指导农民科学育秧，", last], "indent", "closed", 0)
    assert closes_on_name_credit(frag.lines) is closed


def _illustrated_opening_page() -> str:
    """A report on rice, then a second article's headline lines, its picture's caption and its
    first paragraph, on the same subject: pdftotext prints the illustrated opening after the
    report's finished text."""
    first = column_lines("今年全县水稻种植面积达到十二万亩，水稻良种覆盖率超过九成。全县农民的水稻亩产提高了一成多，种粮收入明显增加。")
    second = column_lines("全县水稻种植面积今年达到十二万亩，水稻良种覆盖率超过九成，水稻亩产提高了一成多。"
                          "明年全县要继续推广水稻良种，扩大水稻机插秧面积。")
    return "\n".join(["全县水稻喜获丰收", "", *first, "", "江川推广水稻", "良种机插秧",
                      "图为农民在田间插秧。本报记者 林晓摄", "", *second]) + "\n"


@pytest.mark.pure_python
def test_an_indented_paragraph_under_a_headline_and_its_picture_opens_an_article_however_close_its_topic(monkeypatch):
    text = _illustrated_opening_page()
    page = parse_text(text, entities=False)[0]
    assert [a.headline for a in page.articles] == ["全县水稻喜获丰收", "江川推广水稻 良种机插秧"]
    assert one_article_without(monkeypatch, text, "under_headline_and_picture")


def test_a_lone_bracketed_dispatch_dateline_after_a_finished_sentence_closes_the_report():
    from banmian.closing_credits import ends_on_dispatch_dateline, lone_dispatch_dateline
    from banmian.model import Line

    assert lone_dispatch_dateline("（本报加拉加斯1月19日电）")
    assert lone_dispatch_dateline("（新华社北京1月20日电）")
    assert not lone_dispatch_dateline("（本报记者林晓）")
    assert not lone_dispatch_dateline("（新华社记者林晓摄）")

    def lines(*texts: str) -> list[Line]:
        out = [Line(n, t, t) for n, t in enumerate(texts, 1)]
        out[-1].para_start = True
        return out

    assert ends_on_dispatch_dateline(lines("部长们希望扭转油价下跌的", "趋势。", "（本报加拉加斯1月19日电）"), None)
    # alone in its fragment: the text printed before it must end a sentence
    assert ends_on_dispatch_dateline(lines("（本报加拉加斯1月19日电）"), Line(9, "趋势。", "趋势。"))
    assert not ends_on_dispatch_dateline(lines("（本报加拉加斯1月19日电）"), Line(9, "部长们希望扭转", "部长们希望扭转"))
    assert not ends_on_dispatch_dateline(lines("（本报加拉加斯1月19日电）"), None)  # under a byline: it opens the report


@pytest.mark.pure_python
def test_a_fragment_closed_by_a_dispatch_dateline_takes_no_successor(monkeypatch):
    oil = column_lines("欧佩克各成员国的石油部长昨天在维也纳举行会议，讨论原油产量的限额问题。部长们希望扭转油价下跌的趋势。")
    text = "\n".join(["石油部长讨论产量限额", "", *oil, "（本报加拉加斯1月19日电）", "", "市场的油价去年一路下跌，", ""]) + "\n"

    def closed() -> bool:
        page = parse_text(text, entities=False)[0]
        return "closed:dateline_ends_report" in next(ln for ln in page.lines if "电）" in ln.text).reasons

    assert closed()
    reassemble = importlib.import_module("banmian.stages.reassemble")
    monkeypatch.setattr(reassemble, "closes_on_dateline", lambda page, frags, i: False)
    assert not closed()


# A library report opened under its headline by one long column that stops mid-sentence (a comma
# at full width: 10 + 12 * 10 characters), the orchard report's second column printed right after
# it, and the library's last column after that.
LIBRARY_LONG = ("新建的市图书馆昨天正式开放，馆内藏书超过五十万册，设有少儿阅览室、电子阅览室和古籍"
                "阅览室，读者们一早就在门口排起了长队，图书馆的工作人员为读者们讲解借阅的规定，许多"
                "读者当场办理了借书证，图书馆还为老年读者准备了老花镜和放大镜，馆长在开馆仪式上满面笑容地介绍说，")
LIBRARY_END = "图书馆今后每天都开放到晚上九点，读者也可以在网上预约借书。"


def lone_opening_page() -> str:
    """The orchard's first column, the library's long first column (a thread of one piece), the
    orchard's second column (across a bare break), the library's last column."""
    assert len(LIBRARY_LONG) == 130 and len(ORCHARD_1) == 46
    parts = ["城郊果农栽下苹果树", "", *column_lines(ORCHARD_1), "", "市图书馆正式开放", "",
             *column_lines(LIBRARY_LONG), "", *column_lines(ORCHARD_2, indent=0), "",
             *column_lines(LIBRARY_END, indent=0)]
    return "\n".join(parts) + "\n"


def test_a_long_lone_opening_lets_a_thread_of_closer_content_win():
    """The library's thread holds one piece when the orchard's second column follows it across a
    bare break; that piece is long and opens on a paragraph start, so its cosine counts and the
    rival cue puts the column back on the orchard's thread (`thread_rivals.settled_opening`)."""
    page = parse_text(lone_opening_page())[0]
    bodies = {a.headline: "".join(a.paragraphs) for a in page.articles}
    assert bodies == {"城郊果农栽下苹果树": ORCHARD_1 + ORCHARD_2, "市图书馆正式开放": LIBRARY_LONG + LIBRARY_END}
    joined = next(ln for ln in page.lines if ln.text.startswith("果园里"))
    assert any(r.endswith(":rival_content:after_lone_opening:reads_on") for r in joined.reasons)


def test_a_lone_opening_is_settled_when_long_and_opened_on_a_paragraph_start():
    from banmian.model import Fragment, Line
    from banmian.thread_rivals import RIVAL_LONE_CHARS, RIVAL_TAIL_CHARS, RivalCues, settled_opening

    def frag(text: str, start: str, end: str) -> Fragment:
        return Fragment(lines=[Line(no=0, raw=text, text=text)], start=start, end=end)

    long_text, tail_text = "某" * RIVAL_LONE_CHARS, "某" * RIVAL_TAIL_CHARS
    assert settled_opening(frag(long_text, "indent", "open"))
    assert not settled_opening(frag(long_text[1:], "indent", "open"))  # too short to count
    assert not settled_opening(frag(long_text, "open", "open"))  # itself opened mid-sentence
    frags = [frag(tail_text, "open", "open"), frag(long_text, "indent", "open"), frag("某某", "open", "open"),
             frag(tail_text, "open", "closed")]
    cues = RivalCues(frags, lambda j, i: 0.0)
    assert cues.lone([1]) and not cues.lone([0]) and not cues.lone([1, 0])
    cosines = [0.1, 0.0, 0.0, 0.2]
    tails = [0, 1, 2, 3].__getitem__
    # thread 1 (fragment 1) holds the latest piece; fragment 2 follows it across a bare break
    assert cues.rivals(4, 1, 1, 2, cosines.__getitem__, True, tails) == [0]  # 3 stops on a sentence
    assert cues.rivals(4, 1, 1, 2, cosines.__getitem__, False, tails) == []
    assert cues.rivals(4, 1, 1, 2, cosines.__getitem__) == []


# The library report printed whole in one-paragraph blocks, and a second orchard column that
# shares a few words with the first (树苗, 山坡, 秋天): too few to outweigh the order alone.
LIBRARY_PARAGRAPHS = ("新建的市图书馆昨天正式开放，馆内藏书超过五十万册。",
                      "图书馆设有少儿阅览室和电子阅览室，每天开放到晚上九点。",
                      "读者凭身份证就能免费办理借书证，一次可借五本图书。",
                      "馆长说，今后还将开设讲座，请专家为读者讲解读书方法。",
                      "开馆当天，不少市民一早就在门口排起了长队等候入馆。")
ORCHARD_FRUIT = "山坡上的树苗今年已经挂果，大家盼着秋天能有个好收成，家家户户都添置了新家具。"


def finished_text_page() -> str:
    """The orchard's first column (stopping after a comma), the library's paragraphs (each
    closed on a short line), then the orchard's second column, opening mid-sentence on a full
    line: nothing ties it to the library's finished paragraph just before."""
    parts = ["城郊果农栽下苹果树", "", *column_lines(ORCHARD_1), "", "市图书馆正式开放", ""]
    for paragraph in LIBRARY_PARAGRAPHS:
        parts += [*column_lines(paragraph), ""]
    return "\n".join(parts + column_lines(ORCHARD_FRUIT, indent=0)) + "\n"


def test_a_mid_sentence_start_after_finished_text_goes_on_a_thread_left_open():
    """The orchard's second column starts mid-sentence right after the library's finished
    paragraph: the order alone put it on the library's thread; the thread left open mid-sentence
    with closer content wins (`thread_rivals.mismatched_adjacent_join`)."""
    page = parse_text(finished_text_page())[0]
    orchard = next(a for a in page.articles if a.headline == "城郊果农栽下苹果树")
    assert "".join(orchard.paragraphs) == ORCHARD_1 + ORCHARD_FRUIT
    library = next(a for a in page.articles if a.headline == "市图书馆正式开放")
    assert ORCHARD_FRUIT[:6] not in "".join(library.paragraphs)
    joined = next(ln for ln in page.lines if ln.text.startswith("山坡上"))
    assert any(":rival_content:after_finished_text" in r for r in joined.reasons)


def test_rivals_after_finished_text_are_the_threads_left_open():
    from banmian.model import Fragment, Line
    from banmian.thread_rivals import MISMATCH_MIN_LINES, RIVAL_COSINE_MARGIN, RivalCues, mismatched_adjacent_join

    def frag(start: str, end: str, lines: int = MISMATCH_MIN_LINES) -> Fragment:
        return Fragment(lines=[Line(no=0, raw="某某", text="某某") for _ in range(lines)], start=start, end=end)

    assert mismatched_adjacent_join(frag("indent", "closed"), frag("open", "open"))
    assert mismatched_adjacent_join(frag("indent", "maybe"), frag("open", "open"))
    assert not mismatched_adjacent_join(frag("indent", "open"), frag("open", "open"))  # a bare break, maybe
    assert not mismatched_adjacent_join(frag("indent", "closed"), frag("indent", "open"))
    assert not mismatched_adjacent_join(frag("indent", "closed", MISMATCH_MIN_LINES - 1), frag("open", "open"))
    frags = [frag("indent", "open"), frag("indent", "closed"), frag("indent", "closed"), frag("open", "open")]
    cues = RivalCues(frags, lambda j, i: 0.0)
    assert cues.weak == [False, False, False, True] and cues.mismatch == [False, False, False, True]
    cosines = [0.02 + RIVAL_COSINE_MARGIN, 0.0, 0.03 + RIVAL_COSINE_MARGIN]
    tails = [0, 1, 2].__getitem__
    # thread 2 (fragment 2) holds the latest piece, of one fragment; thread 1 stops on a sentence
    assert cues.rivals(3, 2, 1, 3, [0.02 + RIVAL_COSINE_MARGIN, 0.5, 0.01].__getitem__, False, tails) == [0]
    assert cues.rivals(3, 2, 1, 3, cosines.__getitem__, False, tails) == []  # not clearly closer
    assert cues.rivals(3, 2, 1, 3, [0.02 + RIVAL_COSINE_MARGIN, 0.5, 0.01].__getitem__) == []  # no tails given


@pytest.mark.parametrize("note, closed", [
    ("（李明王强）", True),
    ("(罗军 陈志安)", True),
    ("（新华社记者黄文摄）", False),  # a picture's credit: its report may follow
    ("（新华社发美联社照片）", False),  # a picture's credit too
    ("（江川读者林晓）", False),  # a reader's signature: the editor's reply follows
    ("（下转第二版）", False),  # a jump note: the article goes on elsewhere
])
def test_a_name_credit_in_a_paragraph_of_its_own_closes_the_report(note, closed):
    from banmian.closing_credits import closes_on_lone_name_credit

    frag = _fragment(["　　农技人员深入田间地头指导农民科学育秧，", "收入明显增加。", note], "indent", "closed", 0)
    frag.lines[-1].para_start = True
    assert closes_on_lone_name_credit(frag.lines) is closed
    open_before = _fragment(["　　农技人员深入田间地头指导农民科学育秧，", "收入明显", note], "indent", "closed", 0)
    open_before.lines[-1].para_start = True
    assert not closes_on_lone_name_credit(open_before.lines)  # no sentence closes before it


@pytest.mark.pure_python
def test_a_piece_after_a_report_closed_by_a_credit_on_its_own_line_opens_another_article(monkeypatch):
    """pdftotext: `…收入明显增加。` / `（李明王强）` on a line of its own, a blank line, then an
    unindented piece: the credit ends the report (with the rule off the piece goes on it)."""
    text = CREDITED_REPORT.format(credit="\n（李明王强）") + "\n" + OPEN_PIECE

    def articles() -> int:
        return len(parse_text(text, entities=False)[0].articles)

    assert articles() == 2
    monkeypatch.setattr(reassemble_module, "closes_on_lone_name_credit", lambda lines: False)
    assert articles() == 1


def test_a_thread_stopping_mid_sentence_weighs_against_joining_a_fragment_to_a_finished_one():
    """pdftotext walks a finished column of another article in between: a fragment opening
    mid-line after that finished sentence, while a thread stops mid-sentence with a word across
    the break to it, scores DANGLING_END less on the thread just before (not where nothing
    stops mid-sentence, nor where the fragment opens indented or a jump line closed the thread)."""
    from banmian.link_model import JoinLogits
    from banmian.similarity import ContentSpace, GroupMaker
    from banmian.thread_beam import DANGLING_END, Hypothesis, dangling_terms, extend, near_best_options

    said = _fragment(["他说，国有企"], "indent", "open", 0)
    other = _fragment(["运动员们在训练结束后回家。"], "indent", "closed", 1)
    rest = _fragment(["业的职工要看到希望。"], "open", "closed", 2)
    indented = _fragment(["业的职工要看到希望。"], "indent", "closed", 2)

    def terms(frags, closed=False):
        groups = GroupMaker(ContentSpace(["".join(ln.text for ln in f.lines) for f in frags]))
        beam = [extend(extend(Hypothesis(0.0, (), -1), -1, 0, groups, 0.0), -1, 1, groups, 0.0)]
        open_ends = [f.end == "open" and not (closed and k == 0) for k, f in enumerate(frags)]
        return beam, dangling_terms(beam, open_ends, frags, JoinLogits(frags), 2)

    beam, found = terms([said, other, rest])
    assert DANGLING_END < 0 and found == [DANGLING_END]
    for g in beam[0].threads:
        g.score = 0.0
    plain = {ti: total for total, _, ti in near_best_options(beam, -10.0, 0.0, None, 2)}
    weighed = {ti: total for total, _, ti in near_best_options(beam, -10.0, 0.0, None, 2, found)}
    assert weighed[1] == pytest.approx(plain[1] + DANGLING_END) and weighed[0] == plain[0]
    assert terms([said, other, indented])[1] is None
    assert terms([said, other, rest], closed=True)[1] is None  # no term on any hypothesis: the quicker path
    # the quicker path gives the options a list of zero terms would
    zero = near_best_options(beam, -10.0, 0.0, None, 2, [0.0])
    assert [(t, ti) for t, _, ti in zero] == [(t, ti) for t, _, ti in near_best_options(beam, -10.0, 0.0, None, 2)]


# A rice report's short opening piece under its headline, closed at a paragraph's end by a column
# break, and its next paragraph (a farmer's new machines: few words in common) printed under the
# break with nothing between.
SHORT_OPENING = column_lines("今年全县水稻种植面积达到十二万亩，水稻良种覆盖率超过九成。")
MACHINES = column_lines("王建国家的院子里停着两台新买的插秧机，他说过去一家人忙一个月，现在三天就干完了，"
                        "省下的工夫还能去城里打工挣钱。")


def _articles_with_short_piece_joins(monkeypatch, text: str, on: bool) -> list[str]:
    monkeypatch.setattr(reassemble_module, "SHORT_PIECE_JOINS", on)
    return ["".join(a.paragraphs) for a in parse_text(text, entities=False)[0].articles]


@pytest.mark.pure_python
def test_an_indented_paragraph_under_a_column_break_goes_on_with_a_short_opening_piece(monkeypatch):
    text = "\n".join(["全县水稻喜获丰收", "", *SHORT_OPENING, "", *MACHINES]) + "\n"
    bodies = _articles_with_short_piece_joins(monkeypatch, text, True)
    assert bodies == ["".join(SHORT_OPENING) + "".join(MACHINES)]
    assert len(_articles_with_short_piece_joins(monkeypatch, text, False)) == 2


@pytest.mark.pure_python
def test_a_whole_report_before_a_column_break_keeps_the_indented_paragraph_after_it_apart(monkeypatch):
    short_piece_joins = importlib.import_module("banmian.short_piece_joins")
    assert len(FOOTBALL) >= short_piece_joins.SHORT_PIECE_MAX_CHARS
    text = "\n".join(["主队主场力克客队", "", *column_lines(FOOTBALL), "", *MACHINES]) + "\n"
    assert len(_articles_with_short_piece_joins(monkeypatch, text, True)) == 2
    monkeypatch.setattr(short_piece_joins, "SHORT_PIECE_MAX_CHARS", 10 ** 6)
    assert len(_articles_with_short_piece_joins(monkeypatch, text, True)) == 1


def test_a_threads_characters_and_the_pages_first_fragment():
    from banmian.short_piece_joins import opens_under_column_break, thread_chars
    from banmian.thread_beam import Thread
    frag = _fragment(["　　今年全县水稻种植面积", "达到十二万亩。"], "indent", "closed", 0)
    assert thread_chars(Thread(fragments=[frag, frag])) == 2 * (len("　　今年全县水稻种植面积") + len("达到十二万亩。"))
    from banmian.model import Source
    from banmian.pipeline import page_from_lines
    page = page_from_lines(["　　今年全县水稻种植面积", "达到十二万亩。"], Source(path="x"))
    assert not opens_under_column_break(page, [frag], 0)  # nothing before it to go on


def test_a_compressed_opening_after_a_closed_paragraph_is_no_mismatch():
    """A first line one em short ending in a mark (the paragraphs stage's ONE_EM_SHORT_REASON)
    after a closed paragraph is an indented opening whose marks were set half-width: the
    after-finished-text rival cue leaves it alone (`thread_rivals.compressed_opening`); after a
    full line ending a sentence ("maybe") it still counts."""
    from banmian.model import Fragment, Line
    from banmian.para_cues import ONE_EM_SHORT_REASON
    from banmian.thread_rivals import COMPRESSED_OPENING_REASON, MISMATCH_MIN_LINES, mismatched_adjacent_join

    def frag(start: str, end: str, first_reasons: list[str] | None = None) -> Fragment:
        lines = [Line(no=k, raw="果园里", text="果园里") for k in range(MISMATCH_MIN_LINES)]
        lines[0].reasons = list(first_reasons or [])
        return Fragment(lines=lines, start=start, end=end)

    opening = frag("open", "open", [ONE_EM_SHORT_REASON])
    assert not mismatched_adjacent_join(frag("indent", "closed"), opening)
    assert COMPRESSED_OPENING_REASON in opening.first.reasons
    assert mismatched_adjacent_join(frag("indent", "maybe"), frag("open", "open", [ONE_EM_SHORT_REASON]))
    assert mismatched_adjacent_join(frag("indent", "closed"), frag("open", "open"))
