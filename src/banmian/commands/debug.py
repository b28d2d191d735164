"""`banmian debug`: draw the layout found on one PDF page into a PNG."""
from __future__ import annotations

import sys

from banmian.commands import EXIT_OK, PROG, processing
from banmian.errors import Usage


def cmd_debug(args) -> int:
    """`banmian debug`: draw one PDF page's layout into a PNG."""
    from banmian.debug import render_debug

    if args.page < 1:
        raise Usage(f"--page must be 1 or more, not {args.page}")
    if not 0.1 <= args.scale <= 10:
        raise Usage(f"--scale must be between 0.1 and 10, not {args.scale}")
    with processing(args.file):
        n = render_debug(args.file, args.output, args.page, args.scale)
    print(f"{PROG}: drew {n} article(s) of page {args.page} into {args.output}", file=sys.stderr)
    return EXIT_OK
