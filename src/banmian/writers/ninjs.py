"""IPTC ninjs 2.1 ("News in JSON", the 2.x branch): one ninjs object per article.

Checked against the IPTC schema https://iptc.org/std/ninjs/ninjs-schema_2.1.json (2.1.1) and
the ninjs User Guide (github.com/iptc/newsinjson, documentation/IPTC-NinJS-Guidelines.adoc).
ninjs 2.x forbids properties the schema does not name (``unevaluatedProperties: false``), so
only schema properties are written. The choices:

- ``uri`` (the only required property): ``urn:banmian:article:<sha256>:<page index>:<id>`` from
  the page's source hash, the page's position in its file and the article id within the page
  (``a3``), so the same article gets the same uri in any archive. Without the page it falls
  back to ``urn:banmian:article:<archive article_id>`` (only stable within one archive). The
  archive id is also kept in ``altids`` (role ``banmian:article_id``).
- ``standard``: name ``ninjs``, version ``2.1`` and the schema uri; ``type`` ``text``,
  ``representationtype`` ``full``, ``language`` ``zh``.
- ``headlines``: the schema leaves ``role`` free. ``main`` is the headline (主题), ``subhead``
  the subtitle (副题; the role name the User Guide uses for a sub-headline) and ``kicker`` the
  引题 (no role is named by IPTC for it; "kicker" is the usual English newsroom term). The main
  headline comes first, since many consumers take the first one; the others follow in print
  order. Empty ones are left out.
- ``bodies``: one body, role ``main``, ``contenttype`` ``text/plain``, the paragraphs joined by
  "\\n", with ``charcount`` (characters of the paragraphs). No ``wordcount``: Chinese text has
  no word spaces.
- ``descriptions``: each picture caption as role ``caption``, ``text/plain``.
- ``by``: the byline as printed; the reporters joined by "、" when there is no printed byline.
- ``located``: the dateline place.
- ``firstcreated``: the publication date (the page's date, else the article's archive date);
  ``contentcreated``: the dateline date when the dateline gives one. ninjs requires a full
  RFC 3339 date-time and a newspaper prints only a day, so a date becomes midnight China
  Standard Time: ``YYYY-MM-DDT00:00:00+08:00``.
- ``infosources``: the credited source (据《人民日报》 gives name ``人民日报``). No ``role``:
  the guide asks for one only when the party did something other than originate the content.
- ``people``, ``places``, ``organisations`` (British spelling, as in ninjs): ``name`` and
  ``rel: "mentions"``. A person's title (书记) has no place in ninjs 2.x (a person object allows
  only name, rel, uri, literal and contactinfo) and is dropped.
"""
from __future__ import annotations

import datetime

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "https://iptc.org/std/ninjs/ninjs-schema_2.1.json"
TIMEZONE = "+08:00"  # a printed date is taken as midnight, China Standard Time
MENTIONS = "mentions"


def _datetime(date: str | None) -> str | None:
    """`YYYY-MM-DD` as an RFC 3339 date-time at midnight +08:00; None when not a date."""
    try:
        day = datetime.date.fromisoformat(date or "")
    except (TypeError, ValueError):
        return None
    return f"{day.isoformat()}T00:00:00{TIMEZONE}"


def ninjs_uri(article: dict, page: dict | None = None) -> str:
    """The article's ninjs `uri` (see the module docstring)."""
    sha = ((page or {}).get("source") or {}).get("sha256")
    local_id = article.get("id")
    if sha and local_id:
        index = ((page or {}).get("page") or {}).get("index", 0)
        return f"urn:banmian:article:{sha}:{index}:{local_id}"
    if article.get("article_id") is not None:
        return f"urn:banmian:article:{article['article_id']}"
    raise ValueError("an article needs its page's source sha256 and its id, or an archive article_id")


def _headlines(article: dict) -> list[dict]:
    roles = [("main", "headline"), ("kicker", "kicker"), ("subhead", "subtitle")]
    return [{"role": role, "value": article[key]} for role, key in roles if article.get(key)]


def _names(items, rel: str = MENTIONS) -> list[dict]:
    out = []
    for item in items or []:
        name = item.get("name") if isinstance(item, dict) else item
        if name:
            out.append({"name": name, "rel": rel})
    return out


def article_to_ninjs(article: dict, page: dict | None = None) -> dict:
    """One archived or parsed article (a schema article dict, optionally with the archive's
    `article_id` and `date`) as a ninjs 2.1 object; `page` is its schema page dict, for the
    uri and the publication date. Empty fields are left out."""
    page_info = (page or {}).get("page") or {}
    dateline = article.get("dateline") or {}
    out: dict = {
        "uri": ninjs_uri(article, page),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "language": "zh",
    }
    published = _datetime(page_info.get("date")) or _datetime(article.get("date"))
    if published:
        out["firstcreated"] = published
    if _datetime(dateline.get("date")):
        out["contentcreated"] = _datetime(dateline.get("date"))
    if article.get("article_id") is not None:
        out["altids"] = [{"role": "banmian:article_id", "value": str(article["article_id"])}]
    headlines = _headlines(article)
    if headlines:
        out["headlines"] = headlines
    by = article.get("byline") or "、".join(article.get("reporters") or [])
    if by:
        out["by"] = by
    if dateline.get("place"):
        out["located"] = dateline["place"]
    paragraphs = [p for p in article.get("paragraphs") or [] if p]
    if paragraphs:
        out["bodies"] = [{"role": "main", "contenttype": "text/plain", "value": "\n".join(paragraphs),
                          "charcount": sum(len(p) for p in paragraphs)}]
    captions = [c for c in article.get("captions") or [] if c]
    if captions:
        out["descriptions"] = [{"role": "caption", "contenttype": "text/plain", "value": c} for c in captions]
    if article.get("source"):
        out["infosources"] = [{"name": article["source"]}]
    entities = article.get("entities") or {}
    for key, ninjs_key in (("people", "people"), ("places", "places"), ("organizations", "organisations")):
        names = _names(entities.get(key))
        if names:
            out[ninjs_key] = names
    return out
