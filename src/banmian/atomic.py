"""Write a file atomically: into a temporary file beside it, renamed over it only on success."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

from banmian.errors import BadInput


@contextlib.contextmanager
def atomic_path(out_path: str, suffix: str = ".tmp") -> Iterator[str]:
    """A temporary path in `out_path`'s folder that replaces `out_path` (synced, with the
    permissions a new file gets) when the block ends without error, and is removed otherwise.
    OS errors become a one-line `BadInput`."""
    if os.path.isdir(out_path):
        raise BadInput(f"cannot write {out_path}: it is a directory")
    folder = os.path.dirname(os.path.abspath(out_path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".banmian-", suffix=suffix)
        os.close(fd)
    except OSError as exc:
        raise BadInput(f"cannot write {out_path}: {exc.strerror or exc}") from None
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        try:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, out_path)
        except OSError as exc:
            raise BadInput(f"cannot write {out_path}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
