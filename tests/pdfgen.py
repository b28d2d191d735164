"""A tiny PDF writer for tests: CJK text lines (two fonts, any size), ruling lines and grey
picture boxes at given positions, so layout tests need no fixture files and no PDF library.

Text is set in two embedded TrueType fonts that fontTools builds on the fly (every glyph a
plain box; a reader needs glyphs to report characters), as CID fonts whose codes are glyph ids,
with a ToUnicode CMap mapping them back to the characters. Coordinates are PDF points, origin bottom-left.
"""
from __future__ import annotations

import io

BODY_FONT, DISPLAY_FONT = "F1", "F2"
FONT_NAMES = {BODY_FONT: "STSong-Light", DISPLAY_FONT: "STHeiti-Regular"}


class PdfBuilder:
    """Collects pages of drawing operations and writes them as one PDF."""

    def __init__(self, width: float = 600, height: float = 800):
        self.width, self.height = width, height
        self.pages: list[list] = []  # drawing operators, and (font, size, x, y, char) for text
        self.new_page()

    def new_page(self) -> "PdfBuilder":
        self.pages.append([])
        return self

    def text(self, x: float, y: float, text: str, size: float = 10, font: str = BODY_FONT) -> "PdfBuilder":
        """One line of text with its baseline at y, characters advancing by `size` (CJK) or
        half of it (ASCII)."""
        ops = self.pages[-1]
        for ch in text:
            if ch != " ":
                ops.append((font, size, x, y, ch))
            x += size if ord(ch) > 0x2E7F else size / 2
        return self

    def rule(self, x0: float, y: float, x1: float, width: float = 0.8) -> "PdfBuilder":
        self.pages[-1].append(f"{width:.2f} w {x0:.2f} {y:.2f} m {x1:.2f} {y:.2f} l S")
        return self

    def picture(self, x0: float, y0: float, x1: float, y1: float) -> "PdfBuilder":
        self.pages[-1].append(f"0.8 g {x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re f 0 g")
        return self

    def to_bytes(self, encrypt: bool = False) -> bytes:
        objs: list[bytes] = []

        def add(body: str | bytes) -> int:
            objs.append(body.encode("latin-1") if isinstance(body, str) else body)
            return len(objs)

        chars = sorted({op[4] for ops in self.pages for op in ops if isinstance(op, tuple)})
        gid = {ch: i for i, ch in enumerate(chars, 1)}
        font_file = box_font(chars)
        bfchar = "\n".join(f"<{gid[ch]:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch in chars)
        cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Banmian-UCS def "
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
                "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                f"{len(chars)} beginbfchar\n{bfchar}\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
        to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap.encode() + b"\nendstream")
        font_stream = add(b"<< /Length %d /Length1 %d >>\nstream\n" % (len(font_file), len(font_file))
                          + font_file + b"\nendstream")
        widths = " ".join(f"{gid[ch]} [{1000 if ord(ch) > 0x2E7F else 500}]" for ch in chars)
        fonts = {}
        for key, name in FONT_NAMES.items():
            desc = add(f"<< /Type /FontDescriptor /FontName /{name} /Flags 4 /FontBBox [0 -120 1000 880] "
                       f"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 /FontFile2 {font_stream} 0 R >>")
            cid = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo "
                      f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R "
                      f"/CIDToGIDMap /Identity /W [{widths}] >>")
            fonts[key] = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
                             f"/DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R >>")
        font_res = " ".join(f"/{k} {v} 0 R" for k, v in fonts.items())
        pages_id = len(objs) + 1 + 2 * len(self.pages) + 1  # after the page/content pairs and catalog
        kids = []
        for ops in self.pages:
            stream = "\n".join(op if isinstance(op, str) else
                               f"BT /{op[0]} {op[1]:.2f} Tf 1 0 0 1 {op[2]:.2f} {op[3]:.2f} Tm <{gid[op[4]]:04X}> Tj ET"
                               for op in ops).encode("latin-1")
            content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
            kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {self.width} {self.height}] "
                            f"/Resources << /Font << {font_res} >> >> /Contents {content} 0 R >>"))
        catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
        assert add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>") == pages_id
        extra = ""
        if encrypt:
            enc = add("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 "
                      "/O <" + "7A" * 32 + "> /U <" + "3C" * 32 + "> >>")
            extra = f" /Encrypt {enc} 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]"
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(objs, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
        out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
        out += f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R{extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)

    def save(self, path, encrypt: bool = False) -> str:
        with open(path, "wb") as fh:
            fh.write(self.to_bytes(encrypt))
        return str(path)


def box_font(chars: list[str]) -> bytes:
    """A TrueType font whose glyph 1..n (for `chars`, in order) is a box: CJK 1 em wide,
    others half."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = [".notdef"] + [f"g{i}" for i in range(1, len(chars) + 1)]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(ch): f"g{i}" for i, ch in enumerate(chars, 1)})
    glyphs, metrics = {}, {}
    for i, name in enumerate(names):
        wide = i == 0 or ord(chars[i - 1]) > 0x2E7F
        adv = 1000 if wide else 500
        pen = TTGlyphPen(None)
        pen.moveTo((50, -80))
        pen.lineTo((50, 800))
        pen.lineTo((adv - 50, 800))
        pen.lineTo((adv - 50, -80))
        pen.closePath()
        glyphs[name] = pen.glyph()
        metrics[name] = (adv, 50)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "BanmianBox", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()
