"""Test helper: made-up paragraphs cut into column lines as a dump prints them."""
from __future__ import annotations


def column_lines(text: str, width: int = 12, indent: int = 2) -> list[str]:
    """Cut a paragraph into lines of a `width`-character column, the first one indented;
    kinsoku: a line never starts with a comma or full stop (it stays on the line above)."""
    lines, size = [], width - indent
    while text:
        cut = min(size, len(text))
        while cut < len(text) and text[cut] in "，。、":
            cut += 1
        lines.append(text[:cut])
        text, size = text[cut:], width
    return lines
