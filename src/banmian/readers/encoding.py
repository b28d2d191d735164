"""Which encoding a text dump is in, and the errors of one that cannot be read.

Encoding detection looks at the first MiB of the file, in this order:

1. ``%PDF`` at the start: a PDF, which this reader does not handle.
2. A BOM: UTF-8 (``utf-8-sig``), UTF-16 LE or BE (``utf-16``).
3. NUL bytes: UTF-16 without BOM (``utf-16-le``/``utf-16-be``, whichever byte order decodes
   to more plausible text) when >= 80% of the decoded characters are plausible (ASCII, CJK,
   punctuation) and, with 4 hanzi or more, at least 30% of its hanzi are common ones (ASCII
   text with stray NULs reads as rare hanzi); otherwise the file is binary. UTF-16 text without BOM and without a single
   ASCII character or NUL-holding code point is not recognised.
4. ``utf-8`` if it decodes cleanly. UTF-8 with a few stray bytes (a character cut by a bad
   copy: at most ``max(STRAY_FEW, STRAY_SHARE * size)`` invalid sequences) is still ``utf-8``
   when its reading holds at least 4 valid non-ASCII characters and its share of common hanzi
   is at least 10% and more than twice that of every GB18030 or Big5 reading that decodes
   cleanly: each invalid sequence is read as one U+FFFD and a `StrayBytesWarning` names the
   file, their count and the first offset. (GB18030 "decodes" much UTF-8 into pages of rare
   hanzi.) Otherwise, if it fails only after at least 4 valid non-ASCII characters, the file
   is taken as UTF-8 with a bad byte, and that is the error reported. The same tolerance holds
   for a UTF-8 file with a BOM and past the first MiB; beyond it, the error names the offset
   of the first stray sequence over the allowance.
5. ``gb18030`` and ``big5``: the one that decodes cleanly; when both do, ``gb18030`` unless the
   Big5 reading has more than twice the share of common hanzi (and at least 10%). When neither
   does, the error names where UTF-8, GB18030 and Big5 each failed.

Finally, text with more than 10% control characters (other than tab, LF, CR, FF) is binary, and
text that is JSON (it opens with ``{`` or ``[`` and parses whole, or its first line does: page
JSON of ``banmian parse``, JSON Lines) is refused: read as a dump it gives nonsense articles.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import threading

from banmian.errors import BadInput

# Share of control characters above which a "text" file is called binary. Real dumps have
# practically none; 10% leaves room for the odd stray ^Z or ESC.
MAX_CONTROL_SHARE = 0.10
# UTF-16 without BOM: share of plausible characters (ASCII, CJK, punctuation) it must decode to.
UTF16_PLAUSIBLE = 0.80
# ... and, once it decodes to UTF16_MIN_HANZI hanzi or more, the share of common ones it must hold:
# ASCII text with a few NUL bytes ("hello\0world\0") read as UTF-16 pairs its letters into rare
# hanzi (U+6865 桥, U+6C6C 汬...), all "plausible", and was parsed as a page of nonsense instead
# of being refused as binary. Such readings of English text hold 4 % common hanzi (at most 14 %
# in 600 samples); the first 40 characters of every dev dump hold 61 % or more.
UTF16_MIN_HANZI = 4
UTF16_COMMON_SHARE = 0.30
# UTF-8 that fails after this many good non-ASCII characters is UTF-8 with a bad byte.
UTF8_GOOD_CHARS = 4
# Big5 beats GB18030 only with more than BIG5_FACTOR times its share of common hanzi.
BIG5_FACTOR = 2.0
BIG5_MIN_SHARE = 0.10
# UTF-8 with stray bytes: how many invalid sequences are tolerated (each read as U+FFFD). A bad
# copy or a cut file truncates a character at each of a handful of places, so a handful is
# allowed in any file and one per thousand bytes in a large one; real GB18030 or Big5 text read
# as UTF-8 fails on nearly every hanzi (a third of its bytes and more), far above either.
STRAY_FEW = 8
STRAY_SHARE = 0.001
# ... and only when its reading beats every clean GB18030/Big5 reading on common hanzi by this
# factor (and reaches BIG5_MIN_SHARE): GB18030 took such UTF-8 as pages of rare hanzi.
STRAY_FACTOR = 2.0

CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\n\r\f"] + ["\x7f"]
CONTROL_BYTES = "".join(CONTROLS).encode("ascii")


def count_controls(text: str) -> int:
    """How many control characters (`CONTROLS`) the text holds."""
    # counted as bytes deleted from the UTF-8 form (each control is one ASCII byte there, and no
    # other character holds an ASCII byte): half the time of a regex scan
    return count_control_bytes(text.encode("utf-8", "surrogatepass"))


def count_control_bytes(data: bytes) -> int:
    """How many bytes of `CONTROLS` the (UTF-8) bytes hold: the control characters they decode to."""
    return len(data) - len(data.translate(None, CONTROL_BYTES))



_PLAUSIBLE_RE = re.compile(
    "[\t\n\r\f\x20-\x7e\u00a0-\u024f\u2000-\u206f\u20a0-\u20cf\u2e80-\u2fdf\u3000-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ufe30-\ufe4f\ufeff\uff00-\uffef\U00020000-\U0003ffff]"
)
_HANZI_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# Frequent hanzi in both scripts, used only to choose between GB18030 and Big5 readings.
_COMMON_HANZI = frozenset(
    "的一是不了在人有我他中大上个们来到时为地以说就要出会也你对生能而子那得于着下自之年过发后"
    "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前"
    "开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很"
    "最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度"
    "门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电"
    "数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展"
    "马科司五基书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规"
    "万取格望觉术领共确传师观清今切院让识候带导争运风步改收根造言联持组每济车亲极林服快办议往元"
    "英证近失转令准布始存未远台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚"
    "请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功包片史委查轻易早曾除农找装"
    "广显首医局专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投案维革划致陈律足"
    "态护七兴派验责营星够章音跟志底站严例防族供效续施留讲型料终答紧黄绝察母京段依批群项故按河米"
    "围江织害双境客纪采举父苏密低朝友诉止细愿千值仍男钱破网热助育属限船职速刻乐否刚威状率独球般"
    "普校创久错承印晚兰试股预益阳若微继送急血伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳"
    "欢获模充负云停木游龙树层冷洲冲射略范句室激汉村策演简罪判担州静退既衣宗积余检差富灵协角占配"
    "征修皮挥胜降阶审坚善刘读超免压银买养怀执副乱抗犯追帮宣岁航优香著田铁控税左右份艺背阵草概恶"
    "块顿守酒岛央户烈洋索款靠评版宝座释景顾登货互付慢欧换闻危忙核介坏讨良序升监临亮露永呼味野域"
    "們來為說時會對過發後裡種經麼學現當沒動還進從實無與長機開關點業將兩問頭體見產員電數報結務場"
    "計區隊書聽卻達強難權設類據邊張該萬覺術領確傳師觀讓識帶導爭運風聯組濟車親極辦議轉遠單愛擊備"
    "連調質團價黨華級離況亞請際約復線滿視須號醫專費盡較語僅歷隨選紅響雖勢參眾構劃陳態護興驗責營"
    "夠嚴項織雙紀採舉蘇訴細願錢網熱屬職剛樂獨創錯蘭試預陽繼傷藥適衛險陸習勞財環歡獲雲遊龍樹層衝"
    "漢靜積檢靈協勝階審堅劉讀壓銀買養懷亂幫歲優藝陣惡塊頓島戶評寶釋顧貨歐換聞壞討監臨國這個東門"
    "間氣樣總義灣臺圖際濟廣們"
)


class StrayBytesWarning(UserWarning):
    """A UTF-8 dump held a few invalid byte sequences, read as U+FFFD."""


STRAY_ERRORS = "banmian.stray"
_strays = threading.local()


def _record_stray(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: read an invalid sequence as U+FFFD and note where it began."""
    offsets = getattr(_strays, "offsets", None)
    if offsets is not None:
        offsets.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error(STRAY_ERRORS, _record_stray)


def decode_noting_strays(decoder, data: bytes, final: bool) -> tuple[str, list[int]]:
    """Decode with a `STRAY_ERRORS` decoder: (text, offsets of the invalid sequences in the
    decoder's buffered input plus `data`)."""
    _strays.offsets = offsets = []
    try:
        return decoder.decode(data, final), offsets
    finally:
        _strays.offsets = None


def stray_allowance(size: int) -> int:
    """How many invalid UTF-8 sequences a dump of `size` bytes may hold and still be UTF-8."""
    return max(STRAY_FEW, int(STRAY_SHARE * size))


def _utf8_with_strays(head: bytes, complete: bool) -> tuple[str, list[int]]:
    """`head` read as UTF-8 with U+FFFD for each invalid sequence, and where those began."""
    decoder = codecs.getincrementaldecoder("utf-8")(STRAY_ERRORS)
    return decode_noting_strays(decoder, head, complete)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return count_controls(text) / len(text)


def _common_share(text: str) -> float:
    hanzi = _HANZI_RE.findall(text)
    if not hanzi:
        return 0.0
    return sum(1 for c in hanzi if c in _COMMON_HANZI) / len(hanzi)


def _try_decode(data: bytes, encoding: str, final: bool) -> tuple[str | None, int]:
    """Decode `data`; return (text, -1) or (None, offset of the first bad byte)."""
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final), -1
    except UnicodeDecodeError as exc:
        return None, exc.start


# What a binary file was meant to be, by its name: "looks binary, not a text dump" alone left
# the owner of a broken `scan.png` wondering why banmian took it for a dump.
_MEANT = {".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".tif": "an image",
          ".tiff": "an image", ".pdf": "a PDF"}


def binary_error(name: str) -> BadInput:
    meant = _MEANT.get(os.path.splitext(name)[1].lower())
    if meant:
        return BadInput(f"{name} looks binary, not a text dump, and is not {meant} banmian can read")
    return BadInput(f"{name} looks binary, not a text dump")


def undecodable_error(name: str, offset: int, encoding: str) -> BadInput:
    return BadInput(f"{name}: cannot decode bytes at offset {offset} as {encoding}")


def _undecodable_8bit(name: str, utf8: int, gb: int, b5: int) -> BadInput:
    """No 8-bit candidate decodes: say where each failed (a stray byte in a UTF-8 file was
    reported as a GB18030 failure alone, which sent its owner hunting for the wrong fault)."""
    return BadInput(f"{name}: cannot decode: not valid UTF-8 at byte {utf8}, nor GB18030 (byte {gb}) "
                    f"nor Big5 (byte {b5}); without a BOM or NUL bytes it is not UTF-16 either")


def _json_refusal(name: str, text: str, complete: bool) -> BadInput | None:
    """A `BadInput` when the decoded start of the file is JSON (whole, or its first line), else
    None. The page JSON banmian writes and JSON Lines were read as dumps, line by line, into
    nonsense articles."""
    body = text.lstrip("\ufeff \t\r\n")
    if body[:1] not in ("{", "["):
        return None
    first = body.split("\n", 1)[0]
    for candidate in ((body, first) if complete else (first,)):
        try:
            doc = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(doc, (dict, list)):
            break
    else:
        return None
    if '"banmian.page/1"' in body[:4096]:
        return BadInput(f"{name} is banmian's page JSON, not a text dump: `banmian ingest {name}` stores it "
                        "in an archive as it is")
    if '"banmian.article/1"' in body[:4096]:
        return BadInput(f"{name} is banmian's article JSON Lines (parse --format jsonl), not a text dump: "
                        "parse the source again, or ingest the page JSON of --format json")
    return BadInput(f"{name} is JSON, not a text dump: banmian parse reads text dumps, PDFs and page images")


def _utf16_without_bom(head: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" if `head` (holding NUL bytes) reads as UTF-16 text.

    Both byte orders are tried; the one whose text is the more plausible wins if at least
    UTF16_PLAUSIBLE of its characters are plausible. (NUL parity alone is no good guide: CJK
    code points such as U+5F00 开 hold a NUL byte too, and long lines have few ASCII ones.)
    """
    best, best_share = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        text = codecs.getincrementaldecoder(codec)("replace").decode(head, False)
        share = len(_PLAUSIBLE_RE.findall(text)) / len(text) if text else 0.0
        if share > best_share and _hanzi_are_common(text):
            best, best_share = codec, share
    return best if best_share >= UTF16_PLAUSIBLE else None


def _hanzi_are_common(text: str) -> bool:
    """Whether `text`, holding UTF16_MIN_HANZI hanzi or more, holds a share of common ones
    (UTF16_COMMON_SHARE) like any Chinese text; text with fewer hanzi passes."""
    return len(_HANZI_RE.findall(text)) < UTF16_MIN_HANZI or _common_share(text) >= UTF16_COMMON_SHARE


def detect_encoding(head: bytes, complete: bool = True, name: str = "input") -> str:
    """Name the codec of a text dump from its first bytes (see the module docstring).

    `head` is the start of the file (all of it when `complete`). Returns a codec name:
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030" or "big5".
    Raises `BadInput` for a PDF, a binary file, or bytes no candidate can decode.
    """
    return detect(head, complete, name)[0]


def detect(head: bytes, complete: bool, name: str) -> tuple[str, int, str | None]:
    """`detect_encoding`, the head's control bytes when it is read as UTF-8 (-1 otherwise: not
    counted) and its text when it is strict UTF-8 (else None), which `read_pages` takes for a
    file read whole with its head."""
    if head.startswith(b"%PDF"):
        raise BadInput(f"{name} is a PDF, not a text dump (banmian parse reads PDFs by their content)")
    clean: str | None = None  # the head read as strict UTF-8, when it is
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise binary_error(name)
    else:
        clean, bad = _try_decode(head, "utf-8", complete)  # `_guess_8bit`'s first test, kept
        encoding = "utf-8" if bad < 0 else _guess_8bit(head, complete, name)
    codec = decode_codec(encoding, head)
    controls = -1
    if codec == "utf-8":
        # strict UTF-8 decoded: the same text as read with stray bytes, none found (nothing is
        # held back at the end of a complete file that decodes finally)
        text, strays = (clean, []) if clean is not None else _utf8_with_strays(head, False)
        if len(strays) > stray_allowance(len(head)):  # with a BOM: too many to be stray
            raise undecodable_error(name, strays[0], encoding)
        # its control characters are the head's control bytes (`read_pages` counts them so)
        controls = count_control_bytes(head)
        share = controls / len(text) if text else 0.0
    else:
        text, _ = _try_decode(head, codec, False)
        share = _control_share(text) if text is not None else 0.0
    if text is not None and (share > MAX_CONTROL_SHARE or "\x00" in text):
        raise binary_error(name)
    if text is not None and (refusal := _json_refusal(name, text, complete)):
        raise refusal
    return encoding, controls, clean if codec == "utf-8" else None


def _guess_8bit(head: bytes, complete: bool, name: str) -> str:
    """Choose among utf-8, gb18030 and big5 for a file without BOM or NUL bytes."""
    _, bad = _try_decode(head, "utf-8", complete)
    if bad < 0:
        return "utf-8"
    gb_text, gb_bad = _try_decode(head, "gb18030", complete)
    b5_text, b5_bad = _try_decode(head, "big5", complete)
    if _utf8_beats_8bit(head, complete, (gb_text, b5_text)):
        return "utf-8"
    good_prefix = head[:bad].decode("utf-8", "ignore")
    if sum(1 for c in good_prefix if ord(c) > 0x7F) >= UTF8_GOOD_CHARS:
        raise undecodable_error(name, bad, "utf-8")
    if gb_text is None and b5_text is None:
        raise _undecodable_8bit(name, bad, gb_bad, b5_bad)
    if b5_text is None:
        return "gb18030"
    if gb_text is None:
        return "big5"
    gb_share, b5_share = _common_share(gb_text), _common_share(b5_text)
    if b5_share >= BIG5_MIN_SHARE and b5_share > BIG5_FACTOR * gb_share:
        return "big5"
    return "gb18030"


def _utf8_beats_8bit(head: bytes, complete: bool, readings: tuple[str | None, ...]) -> bool:
    """Whether `head`, invalid UTF-8, is UTF-8 with a few stray bytes: few enough invalid
    sequences, at least UTF8_GOOD_CHARS valid non-ASCII characters, and a share of common hanzi
    that beats every clean 8-bit reading (None: that codec failed). The plausible-character
    share (`_PLAUSIBLE_RE`) cannot tell: GB18030 reads UTF-8 as CJK characters, all plausible."""
    text, strays = _utf8_with_strays(head, complete)
    if len(strays) > stray_allowance(len(head)):
        return False
    if sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd") < UTF8_GOOD_CHARS:
        return False
    share = _common_share(text)
    others = [_common_share(t) for t in readings if t is not None]
    return share >= BIG5_MIN_SHARE and all(share > STRAY_FACTOR * other for other in others)


def decode_codec(encoding: str, head: bytes) -> str:
    """The codec that actually decodes: BOMs are decoded as U+FEFF and stripped by the splitter,
    which keeps decoder byte offsets exact."""
    if encoding == "utf-8-sig":
        return "utf-8"
    if encoding == "utf-16":
        return "utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    return encoding

