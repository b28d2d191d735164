"""`banmian serve`: run the web app with uvicorn."""
from __future__ import annotations

import socket
import sys

from banmian.errors import BadInput


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a one-line `BadInput` (port taken, unknown host…)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise BadInput(f"cannot listen on {host}:{port}: {reason}") from None


def run(args) -> int:
    """Serve the archive `args.db` (default: `banmian.archive.default_db()`) on
    `args.host`:`args.port` until interrupted; writes only with `args.write_token`."""
    from banmian.archive import default_db
    from banmian.web.app import create_app

    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover - uvicorn is a dependency
        raise BadInput(f"banmian serve needs uvicorn ({exc})") from None
    db = args.db or default_db()
    app = create_app(db, write_token=args.write_token)
    sock = listen(args.host, args.port)
    mode = "uploads allowed with the write token" if args.write_token else "read-only"
    host = f"[{args.host}]" if ":" in args.host else args.host
    from banmian.archive.postgres import redact

    print(f"banmian: serving {redact(db)} ({mode}) at http://{host}:{args.port}/ — API docs at /api/docs",
          file=sys.stderr)
    try:
        uvicorn.Server(uvicorn.Config(app, log_level="info", lifespan="off")).run(sockets=[sock])
    finally:
        sock.close()
    return 0
