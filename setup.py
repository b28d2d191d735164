"""Build banmian, compiling the text path's modules to C extensions with mypyc when it can.

The modules of COMPILED (the text path: stages, rules, the models they share) are compiled
by mypyc (from the `mypy` package, a build requirement) into one C extension group, about
1.5x faster end to end than pure Python; their .py files stay beside them. When mypyc is
missing, BANMIAN_PURE=1 is set, or the C compiler fails, the build goes on without the
extensions and banmian runs as pure Python (same output, slower).

An editable install (`pip install -e .`, as `make venv` does) puts the extensions beside the
sources in src/banmian. After a source is edited they are stale: `banmian/_compiled.py`
notices (the build writes the sources' hashes to `banmian/_compiled.txt`) and runs every
module as pure Python until the next build (`make build`).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

SRC = Path(__file__).resolve().parent / "src"
MANIFEST = "_compiled.txt"  # `module sha256-of-its-source` per compiled module, next to them
# Why the last build fell back to pure Python although mypyc is installed (removed by a build
# that compiles or that is told not to). A mypyc internal error on one expression once made the
# whole build pure without anyone noticing: banmian._compiled reports it and a test fails on it.
FALLBACK = SRC / "banmian" / "_build_fallback.txt"

# The modules compiled, as paths under src/. Not compiled: the packages' __init__.py and the
# _compiled guard; pipeline.py (it only chains the stages, and the CLI and batch tests patch its
# iter_pages); long_pages.py (cuts a page of thousands of lines into sections once: one pass over
# its lines, then the compiled stages); the PDF and OCR paths (layout, readers, geometry, place_heads: their time goes to
# pdfium and numpy); the CLI (cli, commands/, writers/explain), archive, web and batch code (I/O bound).
COMPILED = [f"banmian/{name}.py" for name in (
    "adjacent_splits", "article_merges", "article_starts", "assign", "bigram_tables", "body_texts", "caption_starts", "closing_credits", "closing_lines", "column_chains", "column_deal", "column_rests", "columns", "confidence", "digest_items", "entities", "entity_agreement", "entity_flags", "entity_people", "entity_place_words", "entity_tokens",
    "entity_words", "far_bylines", "fragment_cuts", "fragment_runs", "furniture_lines", "head_bids", "head_bigrams", "head_block_tops", "head_blocks", "head_breaks", "head_context", "head_leftovers", "head_places", "head_row_parts", "head_slots", "head_tiers", "head_units", "heads_to_body", "headless_heads", "headline_rests", "headline_tails", "language", "lead_rests", "line_shape", "loose_pieces", "subhead_sections", "link_model", "model", "name_lines", "near_bylines",
    "ordinals", "para_cues", "photo_news", "pull_quotes", "question_heads", "quoted_pieces", "set_off_heads", "side_bylines", "short_piece_joins", "side_heads", "similarity", "stacked_leads", "subheads", "tail_align", "tail_blocks", "tail_find", "tail_lead_ins", "tail_pairs", "tail_units", "thread_beam", "thread_build", "thread_order", "thread_rivals", "thread_subheads", "tier_cues", "unpunctuated_heads", "wide_heads",
    "rules/bylines", "rules/chars", "rules/dates", "rules/furniture", "rules/names", "rules/places",
    "rules/traditional", "rules/world_places",
    "stages/classify", "stages/entities", "stages/glued_lines", "stages/headlines", "stages/heads_tail", "stages/measure",
    "stages/metadata", "stages/normalize", "stages/paragraphs", "stages/reassemble", "stages/reorder",
    "stages/roundups", "stages/segment", "stages/split_columns", "stages/split_head_rows",
    "stages/stream_blanks", "stages/unlayout", "stages/unweave", "writers/json",
)]


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_text() -> str:
    """The manifest the runtime guard (banmian/_compiled.py) checks the sources against."""
    return "".join(f"{p[:-3].replace('/', '.')} {source_hash(SRC / p)}\n" for p in COMPILED)


MANIFEST_TEXT = manifest_text()  # the sources as mypyc reads them (an edit during the build shows)


class OptionalBuildExt(build_ext):
    """build_ext that leaves banmian pure Python when the C build fails, and writes the
    manifest of the compiled sources beside the extensions when it succeeds."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, missing Python headers, a compiler error
            self.warn(f"banmian: compiling with mypyc failed ({exc}); installing pure Python")
            record_fallback("c-compiler", exc)
            self.extensions = []
            return
        if self.extensions:
            # beside banmian/pipeline's extension: src/banmian in place (editable), else the build tree
            package_dir = Path(self.get_ext_fullpath("banmian.pipeline")).parent
            (package_dir / MANIFEST).write_text(MANIFEST_TEXT, encoding="utf-8")



# the setup.py commands that build extensions (pip's build hooks also run ones that only read
# the metadata: no need to compile for those)
BUILD_COMMANDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop"}


@contextlib.contextmanager
def output_kept(kept: list[str]):
    """Run the block with file descriptors 1 and 2 going to a temporary file, then write out
    what came and append it to `kept` (mypy prints its errors to the streams it bound at import
    time, so swapping sys.stdout / sys.stderr would not catch them)."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), 1)
        os.dup2(tmp.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            for fd, copy in zip((1, 2), saved):
                os.dup2(copy, fd)
                os.close(copy)
            tmp.seek(0)
            kept.append(tmp.read().decode("utf-8", "replace"))
            sys.stderr.write(kept[-1])


def record_fallback(stage: str, why: object) -> None:
    """Write why the build fell back (`stage: message`, one line): `mypyc` (mypy or mypyc
    refused the sources: a bug in them) or `c-compiler` (no compiler or headers: the machine)."""
    message = " ".join(str(why).split()) or type(why).__name__
    try:
        FALLBACK.write_text(f"{stage}: {message[:500]}\n", encoding="utf-8")
    except OSError:  # a read-only source tree: the build's own output still says why
        pass


def extensions() -> list:
    if not BUILD_COMMANDS.intersection(sys.argv[1:]):
        return []
    FALLBACK.unlink(missing_ok=True)
    if os.environ.get("BANMIAN_PURE"):
        print("banmian: BANMIAN_PURE is set; not compiling", file=sys.stderr)
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("banmian: mypyc not available; installing pure Python", file=sys.stderr)
        return []
    said: list[str] = []
    try:  # mypy names each module after its path (src/ holds no __init__.py: banmian.x)
        with output_kept(said):
            return mypycify([f"src/{p}" for p in COMPILED], opt_level="3")
    except (Exception, SystemExit) as exc:  # a type error mypyc refuses, a mypy version it cannot run
        print(f"banmian: mypyc could not compile ({exc}); installing pure Python", file=sys.stderr)
        # mypy exits with a bare status (SystemExit(2)) after printing `src/…py:N: error` lines
        where = [ln for ln in "".join(said).splitlines() if ln.startswith("src/")]
        record_fallback("mypyc", where[0] if where else exc)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
