"""Write a file atomically: into a temporary file beside it, renamed over it only on success."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator

from banmian.errors import BadInput


@contextlib.contextmanager
def atomic_path(out_path: str, suffix: str = ".tmp") -> Iterator[str]:
    """A temporary path in `out_path`'s folder that replaces `out_path` (synced, with the
    permissions a new file gets) when the block ends without error, and is removed otherwise.
    OS errors become a one-line `BadInput`.

    A device, FIFO or socket (`-o /dev/null`, `-o /dev/stdout`, a named pipe) is written in
    place: renaming a file over it would replace the device itself (run as root, `-o /dev/null`
    turned /dev/null into a plain file for every program on the machine)."""
    if os.path.isdir(out_path):
        raise BadInput(f"cannot write {out_path}: it is a directory")
    if is_special_file(out_path):
        yield out_path
        return
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


def is_special_file(path: str) -> bool:
    """`path` exists and is neither a regular file nor a folder: a device, FIFO or socket."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
