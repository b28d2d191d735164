"""An earlier revision's package, compiled like the working tree's, for the speed comparisons.

`git archive` carries the sources only: the mypyc extensions (*.so, git-ignored) are not in it,
so a revision unpacked that way runs as pure Python, and a compiled working tree compared with it
looks 1.5x faster than it is. `base_tree(rev)` unpacks `src/banmian`, `setup.py` and
`pyproject.toml` of `rev` and runs the revision's own `setup.py build_ext --inplace` there (a few
minutes), keeping the tree under ~/.cache/banmian/base-builds/COMMIT-PACKAGE so a second run is
quick. With `package` other than "banmian" (bench/speed_ab.py loads the base beside today's
package) the package and its imports are renamed before the build, setup.py's module list too.
When the build fails or mypyc is missing, the tree stays pure Python; `tree_compiled` says which
(the package's own `_compiled` check, run in a child so nothing is imported here).
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

CACHE = Path(os.environ.get("BANMIAN_CACHE", Path.home() / ".cache" / "banmian")) / "base-builds"
DONE = ".built"  # written last: a tree without it is an interrupted build


def commit_of(repo: Path, rev: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", f"{rev}^{{commit}}"], check=True,
                          capture_output=True).stdout.decode().strip()


def rename_package(tree: Path, package: str) -> None:
    """`src/banmian` of the unpacked tree as `src/<package>`, its imports and the build's module
    names renamed (setup.py's `banmian/x.py` list, pyproject's `banmian.` names)."""
    pkg = tree / "src" / "banmian"
    for path in pkg.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bbanmian(?=[.\s])", package, text), encoding="utf-8")
    for name in ("setup.py", "pyproject.toml"):
        path = tree / name
        if path.exists():
            path.write_text(re.sub(r"\bbanmian(?=[./])", package, path.read_text(encoding="utf-8")),
                            encoding="utf-8")
    pkg.rename(tree / "src" / package)


def unpack(repo: Path, commit: str, into: Path) -> None:
    top = subprocess.run(["git", "-C", str(repo), "ls-tree", "--name-only", commit], check=True,
                         capture_output=True).stdout.decode().split()
    build_files = [name for name in ("setup.py", "pyproject.toml") if name in top]  # older revisions: none
    blob = subprocess.run(["git", "-C", str(repo), "archive", commit, "src/banmian", *build_files],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(into, filter="data")
        else:  # pragma: no cover
            tar.extractall(into)


def build(tree: Path, log=sys.stderr) -> bool:
    """Compile the unpacked tree in place with its own setup.py; whether it succeeded."""
    env = dict(os.environ)
    env.pop("BANMIAN_PURE", None)
    env.pop("PYTHONPATH", None)
    done = subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace"], cwd=tree, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        print(f"base build failed (exit {done.returncode}):\n{done.stdout[-2000:]}", file=log)
        return False
    shutil.rmtree(tree / "build", ignore_errors=True)  # the C sources and objects
    return True


def tree_compiled(src: Path, package: str = "banmian") -> str:
    """'compiled', or 'pure Python (why)': how `package` under `src` runs (its own check), in
    this environment (BANMIAN_PURE set: pure Python)."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    code = (f"import sys; sys.path.insert(0, {str(src)!r}); import {package} as p; "
            "print('compiled' if p.COMPILED else 'pure Python (' + str(p.PURE_REASON) + ')')")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    return done.stdout.strip() or f"unknown ({done.stderr.strip()[-300:]})"


def base_tree(repo: Path, rev: str, package: str = "banmian", compile: bool = True, log=sys.stderr) -> Path:
    """The `src` folder holding `rev`'s package (named `package`), compiled when it can be; cached
    by commit. With compile=False, an unbuilt copy in the cache is used or made."""
    commit = commit_of(repo, rev)
    CACHE.mkdir(parents=True, exist_ok=True)
    final = CACHE / f"{commit}-{package}{'' if compile else '-pure'}"
    if (final / DONE).exists():
        print(f"base {rev} ({commit[:10]}): cached tree {final}", file=log)
        return final / "src"
    shutil.rmtree(final, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=f"{commit[:10]}-", dir=CACHE))
    try:
        unpack(repo, commit, work)
        if package != "banmian":
            rename_package(work, package)
        built = True
        if compile:
            print(f"base {rev} ({commit[:10]}): compiling its package in {work} (a few minutes, once)", file=log)
            built = (work / "setup.py").exists() and build(work, log)
        if built:  # a failed build is used this once, pure Python, and tried again next time
            (work / DONE).write_text(commit + "\n", encoding="utf-8")
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final / "src"
