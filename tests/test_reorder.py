"""Reorder: a fragment printed before the text it continues goes after that text."""
from __future__ import annotations

import importlib

import pytest

from banmian.model import Fragment, Line
from banmian.pipeline import parse_text
from test_reassemble import FOOTBALL, RICE, WEATHER, column_lines

# the module, not a stage function
reorder_module = importlib.import_module("banmian.stages.reorder")


def _fragment(texts: list[str], start: str, end: str, order: int) -> Fragment:
    return Fragment(lines=[Line(no=order, raw=t, text=t) for t in texts], start=start, end=end, order=order)


def _bodies(text: str) -> list[str]:
    return ["".join(a.paragraphs) for a in parse_text(text, entities=False)[0].articles]


def _tail_first_page() -> str:
    """The rice article's last column (`稻机插秧面积，…`) printed before its first, which
    stops inside `水稻` (`…扩大水`), a word the article prints whole elsewhere; the weather
    report stands before the tail, as pdftotext prints a column that a picture pushed up."""
    rice = column_lines(RICE)
    assert rice[9].endswith("扩大水") and rice[10].startswith("稻机"), rice
    return "\n".join(["未来三天晴到多云", "", *column_lines(WEATHER), "", *rice[10:], "", "全县水稻喜获丰收", "",
                      *rice[:10], "", "主队主场力克客队", "", *column_lines(FOOTBALL)]) + "\n"


@pytest.mark.pure_python
def test_a_column_printed_before_the_one_it_continues_goes_after_it(monkeypatch):
    """Dev page 40: `算管理或财政专户管理的，…` printed before `…未纳入预`."""
    text = _tail_first_page()
    page = parse_text(text, entities=False)[0]
    assert RICE in ["".join(a.paragraphs) for a in page.articles]
    moved = [ln for ln in page.lines if any(r.startswith(reorder_module.REORDER_REASON) for r in ln.reasons)]
    assert [ln.text for ln in moved] == ["稻机插秧面积，让更多种粮"]
    assert moved[0].reasons[-1].endswith(":page_word:水稻") and not moved[0].para_start
    monkeypatch.setattr(reorder_module, "page_word_joins", lambda latest, frag, page_text: False)  # `continues` off
    assert RICE not in _bodies(text)


def test_every_fragment_stays_in_exactly_one_thread_after_a_move():
    page = parse_text(_tail_first_page(), entities=False)[0]
    seen = sorted(f.order for t in page.scratch["threads"] for f in t.fragments)
    assert seen == list(range(len(page.scratch["fragments"])))


def test_a_sure_join_needs_a_dictionary_word_whose_two_characters_the_page_prints_side_by_side():
    latest = _fragment(["明年将继续推广良种，扩大水"], "indent", "open", 0)
    rest = _fragment(["稻机插秧面积，让更多种粮"], "open", "closed", 1)
    elsewhere = _fragment(["水稻亩产提高了一成多。"], "indent", "closed", 2)
    continues = reorder_module.continues
    frags = [latest, rest, elsewhere]
    assert continues(latest, rest, reorder_module.fragment_text(frags))
    assert not continues(latest, rest, reorder_module.fragment_text([latest, rest]))  # `水稻` nowhere else
    closed = _fragment(["明年将继续推广良种，扩大水稻。"], "indent", "closed", 0)
    assert not continues(closed, rest, reorder_module.fragment_text([closed, rest, elsewhere]))
    # `一` / `想…`: a word only jieba's HMM makes up (dev page 23) is no sure join
    one = _fragment(["从画展开幕到一"], "indent", "open", 0)
    think = _fragment(["想去中国看看，但直到"], "open", "closed", 1)
    again = _fragment(["他一想就笑了。"], "indent", "closed", 2)
    assert reorder_module.page_word(one.last.text, think.first.text, reorder_module.fragment_text([one, think, again]))
    assert not continues(one, think, reorder_module.fragment_text([one, think, again]))


def test_a_fragment_stays_after_its_input_neighbour_stopping_mid_sentence():
    """Dev page 10: `…全年将上演一百零六` / `场。每个双休日下午` stays, whatever `…上一` / `场`."""
    neighbour = _fragment(["全年将上演一百零六"], "indent", "open", 4)
    frag = _fragment(["场。每个双休日下午"], "open", "closed", 5)
    assert reorder_module.stays(neighbour, frag)
    assert not reorder_module.stays(_fragment(["全年将上演一百零六"], "indent", "open", 3), frag)
    assert not reorder_module.stays(_fragment(["全年上演一百场。"], "indent", "closed", 4), frag)
    assert not reorder_module.stays(None, frag)
    far_word = _fragment(["明年将继续推广良种，扩大水"], "indent", "open", 1)
    assert reorder_module.stays(far_word, _fragment(["稻机插秧面积"], "open", "open", 5))


def _Thread(fragments):
    from banmian.stages.reassemble import Thread

    return Thread(fragments=fragments)


def test_what_goes_along_is_what_reads_on_from_the_moved_fragment():
    """Dev page 31: `民之中。` closes its paragraph; the fragment after it is another article's.
    Dev page 3: `…通过赞助` / `希望传达什么样的信息…` reads on and goes along."""
    before = _fragment(["企业赞助体育的着眼点"], "indent", "open", 0)
    f = _fragment(["达也是在和这种理念结合，", "想找的目标消费群？通过赞助"], "open", "open", 1)
    on = _fragment(["希望传达什么样的信息给消费", "样让效果最大化？"], "open", "closed", 2)
    other = _fragment(["近年兴起一种贺年明信片，"], "open", "closed", 3)
    home, host = _Thread([before, f, on, other]), _Thread([])
    assert reorder_module.moved_with(home, host, f) == [f, on]
    closed = _fragment(["民之中。"], "short", "closed", 1)
    assert reorder_module.moved_with(_Thread([before, closed, on]), host, closed) == [closed]
    assert reorder_module.moved_with(home, home, f) == [f]  # inside its own thread: alone
    assert reorder_module.moved_with(_Thread([f, on, other]), host, f) == [f, on, other]  # a whole headless thread


def test_two_fragments_wanting_one_are_left_where_they_are():
    latest = _fragment(["明年将继续推广良种，扩大水"], "indent", "open", 0)
    rest = _fragment(["稻机插秧面积，让更多种粮"], "open", "closed", 2)
    rival = _fragment(["稻种植大户王建国说。"], "open", "closed", 3)
    elsewhere = _fragment(["水稻亩产提高了一成多。"], "indent", "closed", 1)
    frags = [latest, elsewhere, rest, rival]
    threads = [_Thread([latest]), _Thread([elsewhere, rest]), _Thread([rival])]
    text = reorder_module.fragment_text(frags)
    assert reorder_module.sole_pairs(frags, threads, text) == []
    alone = [latest, elsewhere, rest]
    assert reorder_module.sole_pairs(alone, threads[:2], reorder_module.fragment_text(alone)) == [(latest, rest)]


def test_a_move_leaves_a_fragment_whose_next_reads_on_with_a_word_alone():
    """`…扩大水` already goes on in `稻种植大户…` (a word across): another fragment wanting it stays."""
    latest = _fragment(["明年将继续推广良种，扩大水"], "indent", "open", 0)
    taken = _fragment(["稻种植大户王建国说。"], "open", "closed", 1)
    rest = _fragment(["稻机插秧面积，让更多种粮"], "open", "closed", 3)
    elsewhere = _fragment(["水稻亩产提高了一成多。"], "indent", "closed", 2)
    threads = [_Thread([latest, taken]), _Thread([elsewhere, rest])]
    out = reorder_module.reorder_threads([latest, taken, elsewhere, rest], threads)
    assert [t.fragments for t in out] == [[latest, taken], [elsewhere, rest]]
    free = [_Thread([latest]), _Thread([elsewhere, rest])]
    out = reorder_module.reorder_threads([latest, elsewhere, rest], free)
    assert [t.fragments for t in out] == [[latest, rest], [elsewhere]]
    assert not rest.first.para_start and rest.first.reasons[-1].endswith(":page_word:水稻")


@pytest.mark.pure_python
def test_reassembly_joins_the_page_text_once(monkeypatch):
    """The reordering reads the page text the link model joined: `fragment_text` runs once a
    page (twice cost ~0.1 ms a page), and the rice article is still set back in order."""
    link_model = importlib.import_module("banmian.link_model")
    calls = []
    real = link_model.fragment_text

    def counted(frags, texts=None):
        calls.append(len(frags))
        return real(frags, texts)

    monkeypatch.setattr(link_model, "fragment_text", counted)
    monkeypatch.setattr(reorder_module, "fragment_text", counted)
    bodies = _bodies(_tail_first_page())
    assert len(calls) == 1, calls
    assert any("扩大水稻机插秧面积" in b for b in bodies), bodies
