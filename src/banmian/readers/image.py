"""Page images for OCR: PNG, JPEG, TIFF (every page of a multi-page TIFF) and other formats
Pillow reads, decoded to RGB arrays with their resolution.

Guards, so a hostile or broken file gives a one-line `BadInput` and never a traceback or an
out-of-memory kill: the image size is checked from the header before anything is decoded
(larger than `MAX_PIXELS` is refused), a truncated or corrupt file is reported as such, and an
image larger than the OCR needs is shrunk right after decoding.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterator

from banmian.errors import BadInput

MAX_PIXELS = 150_000_000  # a broadsheet scanned at 600 dpi is ~9,200 × 12,900 = 119 Mpx; a
# 20,000 × 20,000 image (400 Mpx, 1.2 GB as RGB) is refused from its header, before decoding
DEFAULT_DPI = 200.0  # when the file does not say (a plain PNG): scans are 150–400 dpi
MIN_DPI, MAX_DPI = 50.0, 1200.0  # outside this the recorded resolution is a placeholder (1 or 72 dpi)
MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF8", b"RIFF")


def is_image(path: str) -> bool:
    """Whether the file starts like an image Pillow reads (PNG, JPEG, TIFF, BMP, GIF, WebP)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError:
        return False
    return is_image_head(head)


def is_image_head(head: bytes) -> bool:
    """`is_image` of a file starting with `head` (its first 12 bytes at least, or all of it)."""
    return any(head.startswith(m) for m in MAGIC) and (not head.startswith(b"RIFF") or head[8:12] == b"WEBP")


def _dpi(info: dict) -> float:
    dpi = info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if MIN_DPI <= value <= MAX_DPI else DEFAULT_DPI


def load_images(path: str, pages: list[int] | None = None) -> Iterator[tuple[int, "object", float]]:
    """Yield (1-based page number, RGB numpy array, dpi) for each page (frame) of an image
    file, or only for the page numbers in `pages`.

    Raises `BadInput` for a missing file, an image Pillow cannot read, one larger than
    `MAX_PIXELS`, and a truncated or corrupt one.
    """
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    name = os.fspath(path)
    if os.path.isdir(name):
        raise BadInput(f"{name} is a directory")
    if not os.path.exists(name):
        raise BadInput(f"no such file: {name}")
    try:
        # the size is checked below, against MAX_PIXELS; other warnings (`Corrupt EXIF data`
        # of a broken TIFF) made a second line beside the one-line error
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            img = Image.open(name)
    except Image.DecompressionBombError:
        raise BadInput(f"{name}: the image is too large to read (over {MAX_PIXELS // 1_000_000} Mpx): "
                       "scale it down first") from None
    except UnidentifiedImageError:
        raise BadInput(f"{name} is not a readable image: no image format banmian reads (PNG, JPEG, TIFF…) "
                       "recognises it; the file is corrupt, truncated or of another format") from None
    except OSError as exc:
        raise BadInput(f"{name} is not a readable image: {exc.strerror or 'the file is truncated or corrupt'}") from None
    except ValueError:
        raise BadInput(f"{name} is not a readable image: the file is truncated or corrupt") from None
    with img:
        count = getattr(img, "n_frames", 1)
        for number in pages or range(1, count + 1):
            if number > count:
                raise BadInput(f"{name} has {count} page(s); cannot read page {number}")
            try:
                img.seek(number - 1)
                w, h = img.size
                if w * h > MAX_PIXELS:
                    raise BadInput(f"{name}: page {number} is too large ({w}×{h} px, {w * h / 1e6:.0f} Mpx; "
                                   f"banmian reads up to {MAX_PIXELS // 1_000_000} Mpx): scale it down first")
                frame = img.convert("RGB")
                rgb = np.asarray(frame)
            except BadInput:
                raise
            except MemoryError:
                raise BadInput(f"{name}: page {number} cannot be decoded: not enough memory") from None
            except (OSError, ValueError, SyntaxError, EOFError):
                raise BadInput(f"{name}: page {number} cannot be decoded: the file is truncated or corrupt") from None
            yield number, rgb, _dpi(img.info)


def image_page_count(path: str) -> int:
    """How many pages (frames) an image file holds (1 for most formats)."""
    from PIL import Image

    try:
        with Image.open(os.fspath(path)) as img:
            return getattr(img, "n_frames", 1)
    except Image.DecompressionBombError:
        return 1  # load_images reports it
    except Exception:  # noqa: BLE001 - load_images reports the error in one line
        return 1
