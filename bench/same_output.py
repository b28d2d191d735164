"""Does the text path still write the same JSON? An earlier revision against the working tree.

    python bench/same_output.py --base REV [--kinds pdftotext,raw,pymupdf]

For a change meant to leave the output alone (a speed-up, a refactor): the revision's
`src/banmian` is loaded beside today's package (as bench/speed_ab.py does: compiled with its own
setup.py and cached by commit unless --pure-base; the output says how each side runs), both parse every dev
dump of the given kinds with entities off and on, and their JSON (`writers.json.dumps`) must be
byte-identical. Prints each differing (dump, entities) pair and exits 1 if there is any.
With --ignore-confidence each article's `confidence` number is left out of the comparison (for
a change to the confidence model, meant to leave everything else alone).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.base_build import tree_compiled
from bench.common import REPO, TEXT_KINDS, ensure_importable, pages_dir, parse_kinds, skipped_without_data

ensure_importable()

from bench.speed_ab import BASE_NAME, extract_base  # noqa: E402


# An article's confidence in the compact JSON (it stands just before the article's reasons).
_CONFIDENCE = re.compile(r'"confidence":-?[0-9.eE+-]+,"reasons":')


def without_confidence(text: str) -> str:
    """The JSON text with every article's confidence number blanked."""
    return _CONFIDENCE.sub('"confidence":_,"reasons":', text)


def writer(package: str, ignore_confidence: bool = False):
    """A function giving the JSON text `package` writes for a dump, entities on or off (its
    articles' confidence blanked when `ignore_confidence`)."""
    pipeline = __import__(f"{package}.pipeline", fromlist=["x"])
    json_writer = __import__(f"{package}.writers.json", fromlist=["x"])
    dumps, page_to_dict = json_writer.dumps, json_writer.page_to_dict

    def json_of(path: Path, entities: bool) -> str:
        text = "\n".join(dumps(page_to_dict(p)) for p in pipeline.iter_pages(str(path), entities=entities))
        # the renaming of the base package also renamed the schema string "banmian.page/1"
        text = text.replace(f'"{package}.', '"banmian.')
        return without_confidence(text) if ignore_confidence else text
    return json_of


def differing(base: str, kinds: list[str], pure_base: bool = False,
              ignore_confidence: bool = False) -> tuple[int, list[str]]:
    """How many (dump, entities) pairs were compared, and the names of those that differ."""
    files = [f for kind in kinds for f in sorted(pages_dir().glob(f"page_*.{kind}.txt"))]
    src = extract_base(base, compile=not pure_base)
    print(f"base {base}: {tree_compiled(src, BASE_NAME)}; now (working tree): {tree_compiled(REPO / 'src')}")
    sys.path.insert(0, str(src))
    old, new = writer(BASE_NAME, ignore_confidence), writer("banmian", ignore_confidence)
    diffs = [f"{f.name} entities={ent}" for f in files for ent in (False, True)
             if old(f, ent) != new(f, ent)]
    return 2 * len(files), diffs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the git revision to compare with (a commit, tag or branch)")
    ap.add_argument("--kinds", default=",".join(TEXT_KINDS), help="dump kinds (default: all three)")
    ap.add_argument("--pure-base", action="store_true", help="do not compile the base (pure Python)")
    ap.add_argument("--ignore-confidence", action="store_true",
                    help="leave the articles' confidence numbers out of the comparison")
    args = ap.parse_args(argv)
    if skipped_without_data():
        return 0
    try:
        compared, diffs = differing(args.base, parse_kinds(args.kinds), args.pure_base,
                                    args.ignore_confidence)
    except subprocess.CalledProcessError as err:
        print(f"error: git {args.base} failed: {err.stderr.decode(errors='replace').strip()}", file=sys.stderr)
        return 2
    for d in diffs:
        print(f"differs: {d}")
    what = " (confidence aside)" if args.ignore_confidence else ""
    print(f"{compared - len(diffs)}/{compared} outputs identical to {args.base}{what}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
