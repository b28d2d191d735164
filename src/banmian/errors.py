"""Named exceptions; the CLI turns them into one-line errors and exit codes."""


class BanmianError(Exception):
    """Base class for errors banmian reports to the user without a traceback."""

    exit_code = 1


class BadInput(BanmianError):
    """The input cannot be read as a newspaper page (missing, binary, undecodable...)."""

    exit_code = 2
