"""photo_news: a photo-news label printed away from its photos goes to the photo story without a
headline (made-up pages)."""
from __future__ import annotations

from columns_text import BIRDS  # noqa: E402  (pytest puts tests/ on sys.path)

DIGEST = ["　　本报讯（记者 王元）1、城", "东新建的三座跨河桥梁已", "于上月底全部通车。（林", "海摄）",
          "　　2、市图书馆新馆昨天", "开馆，首日接待读者三千", "余人次。（张明摄）"]
PLAIN = ["　　本报讯（记者 王元）城东", "新建的三座跨河桥梁已于", "上月底全部通车。"]


def _heads_of(lines: list[str]) -> dict[str, str | None]:
    from banmian.pipeline import parse_text

    page = parse_text("\n".join(lines), entities=False)[0]
    return {"".join(a.paragraphs)[:4]: a.headline for a in page.articles}


def test_a_photo_news_label_printed_away_goes_to_the_numbered_digest_without_a_headline():
    """Dev page 20: `图片新闻` among other headlines, the digest `本报讯（记者 王元）1、日前在杭州…`
    / `2、新疆和田…` elsewhere, sharing no words with it; page 3: over a byline, 40 lines above
    the photo's text under its caption."""
    got = _heads_of(["图片新闻", "", "张明", "", "湿地公园迎来候鸟", "林海", "", *BIRDS, "", *DIGEST])
    assert got == {"湖滨湿地": "湿地公园迎来候鸟", "1、城东": "图片新闻"}
    # no photo story on the page: the label is left over
    got = _heads_of(["图片新闻", "", "张明", "", "湿地公园迎来候鸟", "林海", "", *BIRDS, "", *PLAIN])
    assert got == {"湖滨湿地": "湿地公园迎来候鸟", "城东新建": None}
