"""The `banmian` commands, one module per group: `parse` (and --explain), `debug`, `archive`
(ingest, search, export). Each is a thin `cmd_*(args) -> int` over the library; `banmian.cli`
builds the parser and dispatches. What they share: the program name, exit codes, `isatty` and
`processing` (which names the input file in an internal error)."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from banmian.errors import BanmianError

PROG = "banmian"
EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


def isatty(stream) -> bool:
    return bool(getattr(stream, "isatty", None) and stream.isatty())


@contextlib.contextmanager
def processing(path: str) -> Iterator[None]:
    """Name `path` in the message of an internal error raised while it is processed (the
    innermost path, when blocks nest)."""
    try:
        yield
    except BanmianError:
        raise
    except Exception as exc:
        if not hasattr(exc, "banmian_input"):
            exc.banmian_input = path  # type: ignore[attr-defined]
        raise
