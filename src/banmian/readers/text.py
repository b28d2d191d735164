"""Read raw text dumps: detect the encoding, normalize line ends, split pages on form feeds.

Page and line rules (the same for `split_pages` and the streaming `read_pages`):

- A leading BOM is dropped. CRLF, CR CR LF (a CRLF file written again in text mode on
  Windows) and a lone CR become LF. Only LF ends a line; other
  separators (VT, U+2028...) stay inside the line, as printed.
- Lines are numbered from 1 over the whole file; a form feed neither restarts nor advances the
  count. A final line without a line break is still a line; the empty string after a final LF
  is not.
- A form feed ends the current page and starts the next. On a line holding a form feed, the
  text before it (if any) is the last line of one page and the text after it (if any) is the
  first line of the next, both with that line's number. An empty piece is not a line:
  ``"...\\n\\fabc\\n"`` puts ``abc`` first on the next page and adds nothing to the previous one.
- A final page that holds only blank lines after a form feed is dropped: pdftotext ends every
  page with a form feed, so a dump of N pages gives N pages, not N+1. Blank pages in the
  middle are kept, so page indexes match the form feeds.
- An empty file is one page with no lines. A page with no lines reports as its first line
  number the line where it began.

How the encoding is told (UTF-8, GB18030, Big5, UTF-16) and which files are refused as not
text: `banmian.readers.encoding`.
"""
from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import re
import stat
import warnings
from collections.abc import Iterator
from typing import Final

from banmian.errors import BadInput
from banmian.model import Source
from banmian.readers.encoding import (MAX_CONTROL_SHARE, STRAY_ERRORS, StrayBytesWarning, binary_error,
                                      count_control_bytes, count_controls, decode_codec, decode_noting_strays, detect,
                                      stray_allowance, undecodable_error)

CHUNK = 1 << 20  # bytes decoded at a time
SAMPLE = 1 << 20  # bytes looked at to detect the encoding
RawPage = tuple[int, int, list[str]]  # (page_index, first_line_no, raw_lines)


def _chunks_of(data: bytes, size: int) -> list[bytes]:
    """`data` as a file of it reads in chunks of `size` bytes, the empty read at its end included."""
    return [data[i:i + size] for i in range(0, len(data), size)] + [b""]


class PageSplitter:
    """Incrementally split decoded text into pages, following the module's rules.

    Feed it text chunks with `feed(text)`; it yields every page completed so far as
    (page_index, first_line_no, raw_lines). Call `feed(last_text, final=True)` once at the end.
    """

    def __init__(self) -> None:
        self.index = 0
        self.lines: list[str] = []
        self.first_no: int | None = None
        self.open_no = 1  # line number where the current page began
        self.no = 1  # number of the line being read
        self.carry = ""  # an incomplete last line
        self.pending_cr = ""  # the CRs ending the text fed so far, held back
        self.started = False

    def feed(self, text: str, final: bool = False) -> Iterator[RawPage]:
        """Consume `text`; yield the pages it completes (and the last one when `final`)."""
        if not self.started and text:
            self.started = True
            if text[0] == "\ufeff":
                text = text[1:]
        if self.pending_cr:
            text = self.pending_cr + text
            self.pending_cr = ""
        if not final and text.endswith("\r"):  # may be part of a CRLF or CR CR LF split across chunks
            kept = text.rstrip("\r")
            self.pending_cr = text[len(kept):]
            text = kept
        if "\r" in text:
            text = crlf_to_lf(text)
        joined = self.carry + text if self.carry else text
        parts = joined.split("\n")
        self.carry = parts.pop()
        yield from self._lines(parts, joined)
        if final:
            if self.carry:
                yield from self._line(self.carry)
                self.carry = ""
            if self.index == 0 or any(ln.strip() for ln in self.lines):
                yield self._close()

    def _lines(self, lines: list[str], joined: str) -> Iterator[RawPage]:
        """Consume complete lines (`joined` split at its line feeds, its last piece left out):
        runs without a form feed are added in bulk."""
        start = 0
        for k in form_feed_lines(joined, len(lines)):
            self._add_run(lines[start:k])
            yield from self._line(lines[k])
            start = k + 1
        self._add_run(lines[start:] if start else lines)

    def _add_run(self, lines: list[str]) -> None:
        """Add lines holding no form feed (the same as `_line` for each, without the calls)."""
        if not lines:
            return
        if self.first_no is None:
            self.first_no = self.no
        self.lines.extend(lines)
        self.no += len(lines)

    def _line(self, line: str) -> Iterator[RawPage]:
        if "\f" not in line:
            self._add(line)
        else:
            for j, piece in enumerate(line.split("\f")):
                if j:
                    yield self._close()
                    self.open_no = self.no
                if piece:
                    self._add(piece)
        self.no += 1

    def _add(self, line: str) -> None:
        if self.first_no is None:
            self.first_no = self.no
        self.lines.append(line)

    def _close(self) -> RawPage:
        first = self.first_no if self.first_no is not None else self.open_no
        page = (self.index, first, self.lines)
        self.index += 1
        self.lines = []
        self.first_no = None
        return page


# CR CR LF is one line end: a CRLF file written again through a text-mode file on Windows (each
# LF became CRLF) ends every line so; read as CR then CRLF, each line had a blank line after it,
# and a pdftotext dump so doubled read as blocks of one line each (bench/extractor_dumps.py,
# extractor eol_crcrlf, dev pages 1-40: body_char_acc 0.4207 against 0.9163 for the same dump).
DOUBLED_CRLF: Final = "\r\r\n"


def crlf_to_lf(text: str) -> str:
    """`text` with each CR CR LF (DOUBLED_CRLF), CRLF and lone CR made one LF."""
    return text.replace(DOUBLED_CRLF, "\n").replace("\r\n", "\n").replace("\r", "\n")


def form_feed_lines(text: str, count: int) -> list[int]:
    """The indexes, ascending, of the pieces of `text.split("\\n")` holding a form feed, among
    its first `count`: found by the string's own searches (a page's few form feeds), not by a
    Python loop over its lines (speed alone)."""
    out: list[int] = []
    line = 0  # the piece holding the character at `done`
    done = 0
    pos = text.find("\f")
    while pos >= 0:
        line += text.count("\n", done, pos)
        if line >= count:
            break
        out.append(line)
        done = text.find("\n", pos)  # on to the next piece: a piece counts once
        if done < 0:
            break
        pos = text.find("\f", done)
    return out


# A surrogate code point (U+D800..U+DFFF): no decoded file holds one, but a str may (made with
# errors="surrogateescape", or from JSON "\\ud800"); it cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """`text` with each surrogate pair read as the character it encodes and each lone
    surrogate as U+FFFD, as a stray byte of a file is read, so that the output can be written
    as UTF-8 (a lone one crashed `parse_text`; found by fuzzing). Other text is returned as is."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def split_pages(text: str) -> list[RawPage]:
    """Split decoded text into pages: [(page_index, first_line_no, raw_lines)].

    Form feeds separate pages; line numbers are 1-based over the whole text (see the module
    docstring for the exact rules). A leading BOM is dropped; CRLF and CR count as LF.
    """
    return list(PageSplitter().feed(text, final=True))


def _open(name: str):
    try:
        return open(name, "rb")
    except OSError as exc:
        raise BadInput(f"cannot read {name}: {exc.strerror or exc}") from None


def _hash_and_head(name: str) -> tuple[str, bytes, bool]:
    """First pass: sha256 of the whole file, its first SAMPLE bytes, and whether that is all."""
    digest = hashlib.sha256()
    head = b""
    with _open(name) as f:
        try:
            head = f.read(SAMPLE)
            digest.update(head)
            complete = True
            while chunk := f.read(CHUNK):
                digest.update(chunk)
                complete = False
        except OSError as exc:
            raise BadInput(f"cannot read {name}: {exc.strerror or exc}") from None
    return digest.hexdigest(), head, complete


def read_pages(path, chunk_size: int = CHUNK) -> Iterator[tuple[Source, int, int, list[str]]]:
    """Stream the pages of a text dump: (Source, page_index, first_line_no, raw_lines).

    Works in bounded memory: one pass hashes the file, a second decodes it chunk by chunk and
    yields each page as soon as the line holding its form feed has been read. Raises `BadInput`
    for a missing path, a directory, a PDF, a binary file or undecodable bytes. `chunk_size`
    (bytes decoded at a time) only matters for memory and for tests.
    """
    name = os.fspath(path)
    name = name.decode(errors="replace") if isinstance(name, bytes) else name
    try:  # one stat for `os.path.isdir` and `os.path.exists` both
        is_dir = stat.S_ISDIR(os.stat(name).st_mode)
    except (OSError, ValueError):
        raise BadInput(f"no such file: {name}") from None
    if is_dir:
        raise BadInput(f"{name} is a directory")
    sha, head, complete = _hash_and_head(name)
    encoding, head_controls, head_text = detect(head, complete, name)
    codec = decode_codec(encoding, head)
    wide = codec.startswith("utf-16")
    source = Source(path=name, kind="text", encoding=encoding, sha256=sha)
    utf8 = codec == "utf-8"
    decoder = codecs.getincrementaldecoder(codec)(STRAY_ERRORS if utf8 else "strict")
    splitter = PageSplitter()
    consumed = chars = controls = 0
    strays: list[int] = []  # offsets of the invalid UTF-8 sequences read as U+FFFD
    with contextlib.nullcontext() if complete else _open(name) as f:
        read = iter([head, b""] if 0 < len(head) <= chunk_size else _chunks_of(head, chunk_size)) if complete else None
        while True:
            if read is not None:  # the whole file was read with its hash: not read again
                chunk = next(read)
            else:
                try:
                    chunk = f.read(chunk_size)
                except OSError as exc:
                    raise BadInput(f"cannot read {name}: {exc.strerror or exc}") from None
            final = not chunk
            if not wide and b"\x00" in chunk:
                raise binary_error(name)
            pending = len(decoder.getstate()[0])
            try:
                if head_text is not None and complete and chunk is head:
                    # strict UTF-8 that decodes finally: the decoder would give the same text,
                    # nothing held back, no stray byte (and is left as new for the empty read)
                    text, offsets = head_text, []
                else:
                    text, offsets = decode_noting_strays(decoder, chunk, final)
            except UnicodeDecodeError as exc:
                raise undecodable_error(name, consumed - pending + exc.start, encoding) from None
            if offsets:
                strays += [consumed - pending + k for k in offsets]
                allowed = stray_allowance(max(len(head), consumed + len(chunk)))
                if len(strays) > allowed:
                    raise undecodable_error(name, strays[allowed], encoding)
            consumed += len(chunk)
            chars += len(text)
            # UTF-8: each control character is one ASCII byte of the chunk, decoded in this very
            # chunk's text (a decoder holds back no ASCII byte): counted on the bytes, no copy made
            if utf8 and head_controls >= 0 and chunk is head:  # the head, counted already
                controls += head_controls
            else:
                controls += count_control_bytes(chunk) if utf8 else count_controls(text)
            mostly_controls = controls > MAX_CONTROL_SHARE * chars and (final or consumed > SAMPLE)
            if (wide and "\x00" in text) or mostly_controls:  # the first SAMPLE was checked already
                raise binary_error(name)
            if final and strays:
                _warn_strays(name, strays)
            for index, first_no, lines in splitter.feed(text, final):
                yield source, index, first_no, lines
            if final:
                return


def _warn_strays(name: str, strays: list[int]) -> None:
    warnings.warn(f"{name}: {len(strays)} stray byte sequence(s) not valid UTF-8, each read as U+FFFD; "
                  f"the first at byte {strays[0]}", StrayBytesWarning, stacklevel=2)
