"""Named exceptions; the CLI turns them into one-line errors and exit codes."""
from __future__ import annotations

import os

# Set (to anything) to see the traceback of an internal error
DEBUG_ENV = "BANMIAN_DEBUG"
DEBUG_HINT = f"rerun with {DEBUG_ENV}=1 to see the traceback"


class BanmianError(Exception):
    """Base class for errors banmian reports to the user without a traceback."""

    exit_code = 1


class BadInput(BanmianError):
    """The input cannot be read as a newspaper page (missing, binary, undecodable...)."""

    exit_code = 2


class Usage(BanmianError):
    """A command line that cannot be carried out (e.g. an unwritable -o path)."""

    exit_code = 2


def debug_enabled() -> bool:
    """Whether internal errors should show their traceback (`BANMIAN_DEBUG` is set)."""
    return bool(os.environ.get(DEBUG_ENV))


def internal_error(exc: BaseException, path: str | None = None) -> str:
    """One line for an unexpected exception (a bug in banmian, not bad input), naming the input
    file being processed when there is one; the exception's type and text come last, for a
    bug report."""
    where = f", hit while processing {path}" if path else ""
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())
    return f"internal error: a bug in banmian{where} ({detail})"
