"""Fuzz the text path: perturbed dumps and made-up pages through `parse_text` + the JSON writer.

    python bench/fuzz.py [--seed 0] [--inputs 200] [--seconds S] [--kinds pdftotext,raw,pymupdf,layout,made]
                         [--max-mutations 3] [--time-limit 30] [--out bench/out/fuzz] [--minimize]
                         [--memory-limit 8] [--without surrogate]
    python bench/fuzz.py --replay bench/out/fuzz/fuzz-0-17.txt [--minimize]

Each input is made from (seed, index) alone (`random.Random(f"{seed}/{index}")`), so a run is
reproducible and any input can be made again. An input is a dump of one kind (pdftotext,
raw, pymupdf: the dev pages of `../shared/data/pages-dev`, and of the set $BANMIAN_SHARED
names when set; layout: their PDFs' `pdftotext -layout` dumps by bench/layout_dumps.py, when
pdftotext is installed) or a tiny made-up page (`made`, no data needed), often sliced to a
few lines, then put through 1..--max-mutations random perturbations (lines and blocks
dropped, repeated, swapped, cut and joined; other pages spliced in; furniture lines inserted;
odd characters: form feeds, tabs, U+3000, zero-width and combining marks, emoji, RTL text,
lone surrogates...; very long lines, 1-line and 5000-line pages).

Checks on each input: `parse_text` and `page_to_dict` raise nothing (`crash`); every
non-whitespace character of the input is printed exactly once (`invariant`,
banmian.invariant); the writer's JSON encodes as UTF-8 and reads back equal (`json`); the
input takes less than --time-limit seconds per page (`timeout`: a hang is a bug). A failing
input is written to --out as fuzz-SEED-INDEX.txt (UTF-8; a lone surrogate as its
surrogatepass bytes) with a .json beside it (origin, perturbations, failure); --minimize
shrinks it (ddmin over lines, then over each line's characters, keeping the failure's
signature) into fuzz-SEED-INDEX.min.txt. A table of inputs and failures per kind ends the
run; the exit status is 1 when anything failed.

It tests the `banmian` the interpreter imports: run it with PYTHONPATH=src BANMIAN_PURE=1 for
this checkout's sources, or from another checkout's venv for that build (the header says
which, and whether it is compiled). Dump text is read from the shared folder at run time and
never kept; without that folder the dump kinds are skipped with a message.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for `bench` (banmian: as installed)

from bench.common import LAYOUT_KIND, REPO, TEXT_KINDS  # noqa: E402
from bench.fuzz_inputs import MADE_KIND, ODD, Input, Pools, dump_pools, make_input  # noqa: E402

ALL_KINDS = (*TEXT_KINDS, LAYOUT_KIND, MADE_KIND)
OUTCOMES = ("crash", "invariant", "json", "timeout")
DEFAULT_INPUTS = 200
DEFAULT_TIME_LIMIT = 30.0  # seconds per page; dev pages take well under 1 s, 5000-line pages a few
DEFAULT_OUT = REPO / "bench" / "out" / "fuzz"
PROGRESS_SECONDS = 60  # a progress line this often
# Address space of the run (RLIMIT_AS): a blow-up raises MemoryError (a crash), or aborts the
# compiled build ("fatal: out of memory"; see RUNNING). 4 GB aborted a 10,000-line page whose
# peak RSS is 0.8 GB (address space counts every reservation).
DEFAULT_MEMORY_GB = 8.0
# Written before each input ("SEED INDEX"), removed after the run: a run killed on an input
# (an abort, the OOM killer) names it; `--seed SEED --start INDEX --inputs 1` makes it again.
RUNNING = "running"

# --- the checks ----------------------------------------------------------------------------------


class PageTimeout(BaseException):
    """Raised by the alarm when an input runs past its time limit (a BaseException, so that no
    `except Exception` of the code under test swallows it)."""


@dataclass
class Outcome:
    kind: str  # "" (passed) or one of OUTCOMES
    detail: str = ""
    signature: str = ""
    seconds: float = 0.0


def _raise_timeout(*_):
    raise PageTimeout()


def _crash_signature(exc: BaseException) -> str:
    """The exception type and the innermost banmian frame it came through."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "banmian" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "?"
    return f"crash {type(exc).__name__} {where}"


def check_json(dicts: list[dict]) -> str:
    """Why the writer's JSON of the pages is not valid UTF-8 JSON that reads back equal ('' if it is)."""
    from banmian.writers.json import dumps

    def no_constant(name):
        raise ValueError(f"{name} is not JSON")
    for d in dicts:
        try:
            text = dumps(d)
            text.encode("utf-8")
            if json.loads(text, parse_constant=no_constant) != d:
                return "JSON does not read back equal"
        except (ValueError, TypeError, UnicodeError) as exc:
            return f"{type(exc).__name__}: {exc}"
    return ""


def check_invariant(text: str, dicts: list[dict]) -> str:
    """Why the printed characters differ from the input's ('' when they are the same multiset)."""
    from banmian.invariant import input_chars, printed_chars

    want, got = input_chars(text), Counter()
    for d in dicts:
        got.update(printed_chars(d))
    if want == got:
        return ""
    lost, extra = want - got, got - want
    show = lambda c: "".join(ch * n for ch, n in c.most_common(8))[:20]  # noqa: E731
    return f"lost {sum(lost.values())} ({show(lost)!r}) extra {sum(extra.values())} ({show(extra)!r})"


def page_count(text: str) -> int:
    return text.count("\f") + 1


def check_text(text: str, time_limit: float = DEFAULT_TIME_LIMIT) -> Outcome:
    """Run one input through parse_text and the writer, and check it (see the module doc)."""
    from banmian.pipeline import parse_text
    from banmian.writers.json import page_to_dict

    t0 = time.perf_counter()
    alarm = time_limit > 0 and hasattr(signal, "setitimer") and _in_main_thread()
    if alarm:
        old = signal.signal(signal.SIGALRM, _raise_timeout)
        signal.setitimer(signal.ITIMER_REAL, time_limit * page_count(text))
    try:
        dicts = [page_to_dict(p) for p in parse_text(text, entities=True)]
    except PageTimeout:
        return Outcome("timeout", f"over {time_limit:g} s a page", "timeout", time.perf_counter() - t0)
    except Exception as exc:
        return Outcome("crash", traceback.format_exc(), _crash_signature(exc), time.perf_counter() - t0)
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    seconds = time.perf_counter() - t0
    if why := check_invariant(text, dicts):
        return Outcome("invariant", why, "invariant", seconds)
    if why := check_json(dicts):
        return Outcome("json", why, f"json {why.split(':')[0]}", seconds)
    return Outcome("", "", "", seconds)


def _in_main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


# --- shrinking -----------------------------------------------------------------------------------


def ddmin(items: list, fails, deadline: float) -> list:
    """A smaller list on which `fails` still holds (Zeller's ddmin, complements only)."""
    n = 2
    while len(items) >= 2 and time.monotonic() < deadline:
        chunk = max(1, len(items) // n)
        for i in range(0, len(items), chunk):
            cand = items[:i] + items[i + chunk:]
            if cand and fails(cand):
                items, n = cand, max(n - 1, 2)
                break
        else:
            if chunk == 1:
                break
            n = min(len(items), n * 2)
    return items


def minimize(text: str, signature: str, time_limit: float = DEFAULT_TIME_LIMIT, seconds: float = 300) -> str:
    """The input shrunk, over lines then each line's characters, keeping `signature`."""
    deadline = time.monotonic() + seconds

    def same(t: str) -> bool:
        return check_text(t, time_limit).signature == signature
    lines = ddmin(text.split("\n"), lambda L: same("\n".join(L)), deadline)
    for i in range(len(lines)):
        if len(lines[i]) > 1:
            def fails(cs, i=i):
                return same("\n".join(lines[:i] + ["".join(cs)] + lines[i + 1:]))
            lines[i] = "".join(ddmin(list(lines[i]), fails, deadline))
    return "\n".join(lines)


# --- a run ---------------------------------------------------------------------------------------


def write_text(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogatepass")


def save_failure(out: Path, case: Input, outcome: Outcome, time_limit: float, shrink: bool) -> Path:
    """Write the failing input and what is known of it; with `shrink`, its minimized form too."""
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"fuzz-{case.seed}-{case.index}"
    write_text(stem.with_suffix(".txt"), case.text)
    info = {"seed": case.seed, "index": case.index, "kind": case.kind, "origin": case.origin,
            "mutations": case.mutations, "failure": outcome.kind, "signature": outcome.signature,
            "detail": outcome.detail[-3000:]}
    stem.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=True, indent=1), encoding="utf-8")
    if shrink:
        write_text(stem.with_suffix(".min.txt"), minimize(case.text, outcome.signature, time_limit))
    return stem.with_suffix(".txt")


@dataclass
class Report:
    runs: Counter = field(default_factory=Counter)  # (kind, outcome or "ok") -> inputs
    signatures: dict = field(default_factory=dict)  # signature -> [count, first file]
    seconds: float = 0.0
    slowest: tuple = (0.0, "")

    @property
    def inputs(self) -> int:
        return sum(self.runs.values())

    @property
    def failures(self) -> int:
        return sum(n for (_, o), n in self.runs.items() if o != "ok")


def run(seed: int = 0, inputs: int | None = DEFAULT_INPUTS, seconds: float | None = None,
        kinds: list[str] | tuple[str, ...] = ALL_KINDS, max_mutations: int = 3,
        time_limit: float = DEFAULT_TIME_LIMIT, out: Path = DEFAULT_OUT, shrink: bool = False,
        start: int = 0, without: tuple[str, ...] = (), log=print) -> Report:
    """Make and check inputs start, start+1, ... of run `seed` until `inputs` are done or
    `seconds` have passed; failures are logged as they come and saved to `out`. `without`:
    classes of ODD characters left out (e.g. "surrogate", to fuzz a build older than its fix)."""
    dumps, skipped = dump_pools(list(kinds))
    for message in skipped:
        log(message)
    usable = [k for k in kinds if k in dumps or k == MADE_KIND]
    report = Report()
    if not usable:
        log("skipped: no input kind available")
        return report
    pools = Pools(dumps, usable, {k: v for k, v in ODD.items() if k not in without})
    t0 = next_note = time.monotonic()
    index = start
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    while (inputs is None or index - start < inputs) and (seconds is None or time.monotonic() - t0 < seconds):
        (out / RUNNING).write_text(f"{seed} {index}\n", encoding="utf-8")
        case = make_input(seed, index, pools, max_mutations)
        outcome = check_text(case.text, time_limit)
        report.runs[case.kind, outcome.kind or "ok"] += 1
        if outcome.seconds > report.slowest[0]:
            report.slowest = (outcome.seconds, f"{seed}/{index}")
        if outcome.kind:
            path = save_failure(out, case, outcome, time_limit, shrink)
            report.signatures.setdefault(outcome.signature, [0, str(path)])[0] += 1
            log(f"FAIL {seed}/{index} {outcome.signature} ({case.origin} {' '.join(case.mutations)}) -> {path}")
        index += 1
        if time.monotonic() >= next_note + PROGRESS_SECONDS:
            next_note = time.monotonic()
            log(f"# {report.inputs} inputs, {report.failures} failed, {next_note - t0:.0f} s")
    (out / RUNNING).unlink(missing_ok=True)
    report.seconds = time.monotonic() - t0
    return report


def table(report: Report) -> str:
    """Inputs run and failures, per input kind, then each failure signature."""
    kinds = sorted({k for k, _ in report.runs})
    head = f"{'kind':<10}{'inputs':>8}{'ok':>8}" + "".join(f"{o:>11}" for o in OUTCOMES)
    rows = [head]
    for kind in kinds + ["all"]:
        def n(o, kind=kind):
            return sum(v for (k, oo), v in report.runs.items() if oo == o and kind in (k, "all"))
        total = sum(n(o) for o in ("ok", *OUTCOMES))
        rows.append(f"{kind:<10}{total:>8}{n('ok'):>8}" + "".join(f"{n(o):>11}" for o in OUTCOMES))
    rows.append(f"{report.inputs} inputs in {report.seconds:.0f} s; slowest {report.slowest[0]:.1f} s "
                f"(input {report.slowest[1]}); {report.failures} failed")
    rows += [f"  {c:>5}  {sig}  e.g. {path}" for sig, (c, path) in
             sorted(report.signatures.items(), key=lambda x: -x[1][0])]
    return "\n".join(rows)


def limit_memory(gb: float) -> None:
    """Cap the process's address space (the machine is shared): an input that blows up then
    fails with MemoryError, saved like any crash, instead of taking the machine's memory."""
    if gb > 0:
        import resource
        cap = int(gb * 2 ** 30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.getrlimit(resource.RLIMIT_AS)[1]))


def which_banmian() -> str:
    import banmian
    from banmian._compiled import pure_reason

    why = pure_reason()
    return f"banmian {Path(banmian.__file__).parent} ({'compiled' if why is None else 'pure: ' + why})"


def replay(paths: list[str], time_limit: float, shrink: bool) -> int:
    """Check saved inputs again (after a fix); with `shrink`, minimize each that still fails."""
    failed = 0
    for p in map(Path, paths):
        text = read_text(p)
        outcome = check_text(text, time_limit)
        print(f"{p}: {outcome.signature or 'ok'} ({outcome.seconds:.2f} s)")
        if outcome.kind:
            failed += 1
            print(outcome.detail.rstrip())
            if shrink:
                small = minimize(text, outcome.signature, time_limit)
                write_text(p.with_suffix(".min.txt"), small)
                print(f"minimized to {p.with_suffix('.min.txt')}: {small!r}")
    return 1 if failed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0, help="the run's seed (default 0)")
    ap.add_argument("--inputs", type=int, help=f"inputs to run (default {DEFAULT_INPUTS} unless --seconds)")
    ap.add_argument("--seconds", type=float, help="stop after this many seconds")
    ap.add_argument("--start", type=int, default=0, help="index of the first input (default 0)")
    ap.add_argument("--kinds", default=",".join(ALL_KINDS), help="input kinds (default: all available)")
    ap.add_argument("--max-mutations", type=int, default=3, help="perturbations per input, at most (default 3)")
    ap.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, help="seconds a page may take")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for failing inputs")
    ap.add_argument("--minimize", action="store_true", help="shrink each failing input")
    ap.add_argument("--memory-limit", type=float, default=DEFAULT_MEMORY_GB,
                    help=f"GB of address space for the run, 0: no limit (default {DEFAULT_MEMORY_GB:g})")
    ap.add_argument("--without", default="", help=f"odd-character classes to leave out, of {', '.join(ODD)}")
    ap.add_argument("--replay", nargs="+", metavar="FILE", help="check saved inputs instead of making new ones")
    args = ap.parse_args(argv)
    limit_memory(args.memory_limit)
    print(which_banmian(), flush=True)
    if args.replay:
        return replay(args.replay, args.time_limit, args.minimize)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    if bad := [k for k in kinds if k not in ALL_KINDS]:
        ap.error(f"unknown kind(s) {bad}; choose from {', '.join(ALL_KINDS)}")
    inputs = args.inputs if args.inputs is not None or args.seconds is not None else DEFAULT_INPUTS
    report = run(args.seed, inputs, args.seconds, kinds, args.max_mutations, args.time_limit, args.out,
                 args.minimize, args.start, tuple(args.without.split(",")), log=lambda m: print(m, flush=True))
    print(table(report))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
