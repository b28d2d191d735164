"""The command line: outputs, exit codes, one-line errors, atomic -o, --explain, progress."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from banmian import __version__, cli, pipeline
from banmian.invariant import input_chars, printed_chars

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo_page.txt"

PAGE_A = "2024年3月6日 星期三\n\nA05\n\n江川新建高标准农田\n\n本报讯（记者 林晓）3月 5日，\n记者从江川市农业农村局获\n悉，全市新建农田 2.3万亩。\n"
PAGE_B = "城东公交枢纽本月底启用\n本报记者 赵一鸣\n\n记者日前从市交通运输\n局了解到，枢纽主体工程已\n经完工。\n"


@pytest.fixture
def files(tmp_path):
    """A few input files: good ones and each kind of bad one."""
    paths = {
        "one": tmp_path / "one.txt",
        "two_pages": tmp_path / "two_pages.txt",
        "other": tmp_path / "other.txt",
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "blob.bin",
        "undecodable": tmp_path / "bad.txt",
        "pdf": tmp_path / "page.pdf",
    }
    paths["one"].write_text(PAGE_A, encoding="utf-8")
    paths["two_pages"].write_bytes((PAGE_A + "\f" + PAGE_B + "\f").encode("gb18030"))
    paths["other"].write_text(PAGE_B, encoding="utf-8")
    paths["empty"].write_bytes(b"")
    paths["binary"].write_bytes(bytes(range(256)) * 4)
    # more bad bytes than a few strays (readers.encoding.STRAY_FEW), which are read as U+FFFD
    paths["undecodable"].write_bytes(PAGE_A.encode("utf-8") + b"\xff\xfe\xfa" * 3 + PAGE_B.encode("utf-8"))
    paths["pdf"].write_bytes(b"%PDF-1.7\n")
    paths["missing"] = tmp_path / "missing.txt"
    paths["directory"] = tmp_path
    return {k: str(v) for k, v in paths.items()}


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(err: str, prefix: str = "banmian: error: "):
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(prefix), err
    return lines[0]


# ---------------------------------------------------------------- outputs

def test_a_stray_byte_is_one_warning_line_and_the_page_is_still_parsed(capsys, tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(PAGE_A.encode() + b"\xe4\xb8" + PAGE_B.encode())  # a character cut by a bad copy
    code, out, err = run(capsys, "parse", str(path))
    assert code == 0
    assert err == (f"banmian: warning: {path}: 1 stray byte sequence(s) not valid UTF-8, each read as "
                   f"U+FFFD; the first at byte {len(PAGE_A.encode())}\n")
    page = json.loads(out)
    assert page["source"]["encoding"] == "utf-8"
    assert "\ufffd" in json.dumps(page, ensure_ascii=False)  # the stray byte stays visible


def test_one_page_is_one_pretty_json_object(capsys, files):
    code, out, err = run(capsys, "parse", files["one"])
    assert code == 0 and err == ""
    assert out.startswith("{\n")
    page = json.loads(out)
    assert page["schema"] == "banmian.page/1"
    assert page["source"]["path"] == files["one"]
    assert page["source"]["encoding"] == "utf-8"
    assert "江川" in out  # not \\u-escaped
    assert printed_chars(page) == input_chars(PAGE_A)


def test_several_pages_are_json_lines(capsys, files):
    code, out, _ = run(capsys, "parse", files["two_pages"])
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    pages = [json.loads(line) for line in lines]
    assert all(p["source"]["encoding"] == "gb18030" for p in pages)
    total = printed_chars(pages[0]) + printed_chars(pages[1])
    assert total == input_chars(PAGE_A + PAGE_B)
    assert pages[1]["articles"] == [] or min(r[0] for a in pages[1]["articles"] for r in a["lines"]) > 9


def test_several_files_are_json_lines(capsys, files):
    code, out, _ = run(capsys, "parse", files["one"], files["other"])
    assert code == 0
    paths = [json.loads(line)["source"]["path"] for line in out.splitlines()]
    assert paths == [files["one"], files["other"]]


def test_ninjs_is_one_object_per_article_with_headline_roles(capsys, files):
    code, out, _ = run(capsys, "parse", "--format", "ninjs", files["two_pages"])
    assert code == 0
    objs = [json.loads(line) for line in out.splitlines()]
    code, pages_out, _ = run(capsys, "parse", files["two_pages"])
    articles = [a for line in pages_out.splitlines() for a in json.loads(line)["articles"]]
    assert len(objs) == len(articles)
    for obj, art in zip(objs, articles):
        assert obj["uri"].startswith("urn:banmian:article:") and obj["uri"].endswith(":" + art["id"])
        roles = {h["role"]: h["value"] for h in obj.get("headlines", [])}
        assert roles.get("main") == art["headline"]
        assert obj["bodies"][0]["value"] == "\n".join(art["paragraphs"])


def test_no_entities_leaves_them_empty(capsys):
    demo = str(Path(__file__).resolve().parents[1] / "examples" / "demo_page.txt")
    code, out, _ = run(capsys, "parse", demo)
    with_ents = json.loads(out)["articles"]
    assert any(a["entities"]["places"] for a in with_ents)
    code, out, _ = run(capsys, "parse", demo, "--no-entities")
    assert code == 0
    assert all(a["entities"] == {"people": [], "places": [], "organizations": []} for a in json.loads(out)["articles"])


def test_jsonl_is_one_article_per_line_with_page_fields(capsys, files):
    code, out, _ = run(capsys, "parse", "--format", "jsonl", files["two_pages"])
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    code, pages_out, _ = run(capsys, "parse", files["two_pages"])
    pages = [json.loads(line) for line in pages_out.splitlines()]
    assert len(records) == sum(len(p["articles"]) for p in pages)
    for rec in records:
        assert rec["source_path"] == files["two_pages"]
        assert rec["page_index"] in (0, 1)
        page = pages[rec["page_index"]]
        assert rec["page_date"] == page["page"]["date"]
        assert rec["page_label"] == page["page"]["label"]
        assert rec["page_section"] == page["page"]["section"]
        article = next(a for a in page["articles"] if a["id"] == rec["id"])
        assert {k: rec[k] for k in article} == article


def test_markdown(capsys, files):
    code, out, _ = run(capsys, "parse", "--format", "md", str(DEMO))
    assert code == 0
    assert out.startswith("# ")
    code, json_out, _ = run(capsys, "parse", str(DEMO))
    page = json.loads(json_out)
    assert out.count("\n## ") >= len(page["articles"])
    for article in page["articles"]:
        for paragraph in article["paragraphs"]:
            assert paragraph in out


def test_empty_file_gives_zero_articles(capsys, files):
    code, out, err = run(capsys, "parse", files["empty"])
    assert code == 0 and err == ""
    page = json.loads(out)
    assert page["articles"] == [] and page["unassigned"] == []


def test_date_option_fills_a_page_without_a_printed_date(capsys, files):
    code, out, _ = run(capsys, "parse", "--date", "2024-01-02", files["other"])
    assert code == 0
    assert json.loads(out)["page"]["date"] == "2024-01-02"


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "2024-1-2"])
def test_bad_date_is_a_usage_error(capsys, files, bad):
    code, out, err = run(capsys, "parse", "--date", bad, files["one"])
    assert code == 2 and out == ""
    assert "Traceback" not in err and "not a date" in err


def test_pages_picks_form_feed_pages_of_a_dump(capsys, files):
    code, out, _ = run(capsys, "parse", "--pages", "2", files["two_pages"])
    assert code == 0
    assert json.loads(out)["page"]["index"] == 1


@pytest.mark.parametrize(
    "spec, message",
    [
        ("3", "{path} has 2 page(s); cannot read pages 3"),
        ("0", "bad page range '0' (pages count from 1, e.g. 2-5,7)"),
        ("2-1", "bad page range '2-1' (pages count from 1, e.g. 2-5,7)"),
        ("x", "bad page range 'x' (use e.g. 2-5,7)"),
    ],
)
def test_pages_beyond_a_dump_or_malformed_are_exit_2(capsys, files, spec, message):
    code, _, err = run(capsys, "parse", "--pages", spec, files["two_pages"])
    assert code == 2
    assert assert_one_error_line(err) == "banmian: error: " + message.format(path=files["two_pages"])


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"banmian {__version__}"


def test_no_command_prints_help(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "parse" in err


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize(
    "kind, message",
    [
        ("missing", "no such file: {path}"),
        ("directory", "{path} is a directory"),
        ("binary", "{path} looks binary, not a text dump"),
        ("undecodable", "{path}: cannot decode bytes at offset " + str(len(PAGE_A.encode())) + " as utf-8"),
        ("pdf", "{path} is not a readable PDF: the file is corrupt or truncated"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, files, kind, message):
    code, out, err = run(capsys, "parse", files[kind])
    assert code == 2
    assert out == ""
    line = assert_one_error_line(err)
    assert line == "banmian: error: " + message.format(path=files[kind])


def test_page_json_given_to_parse_is_refused_with_a_hint(capsys, files, tmp_path):
    code, out, _ = run(capsys, "parse", files["one"])
    page_json = tmp_path / "page.json"
    page_json.write_text(out, encoding="utf-8")
    code, out, err = run(capsys, "parse", str(page_json))
    assert (code, out) == (2, "")
    line = assert_one_error_line(err)
    assert line == (f"banmian: error: {page_json} is banmian's page JSON, not a text dump: "
                    f"`banmian ingest {page_json}` stores it in an archive as it is")


def test_internal_error_is_one_sentence_naming_the_file_and_exit_1(capsys, files, monkeypatch):
    def boom(path, page_date=None, entities=True):
        if path == files["other"]:
            raise KeyError("boom\nsecond line")
        yield from real(path, page_date, entities)

    real = pipeline.iter_pages
    monkeypatch.setattr(pipeline, "iter_pages", boom)
    monkeypatch.delenv("BANMIAN_DEBUG", raising=False)
    code, out, err = run(capsys, "parse", files["one"], files["other"])
    assert code == 1
    # one line: what happened (a bug, not the input), where, the details, and how to see more
    # (it was `banmian: internal error: KeyError: 'boom\nsecond line'`, then a hint line)
    assert err == (f"banmian: internal error: a bug in banmian, hit while processing {files['other']} "
                   f"(KeyError: 'boom\\nsecond line'); rerun with BANMIAN_DEBUG=1 to see the traceback\n")


def test_internal_error_outside_any_file_names_none(capsys, monkeypatch):
    def boom(argv=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "build_parser", boom)
    monkeypatch.delenv("BANMIAN_DEBUG", raising=False)
    code, _, err = run(capsys, "parse", "x.txt")
    assert (code, err) == (1, "banmian: internal error: a bug in banmian (RuntimeError: boom); "
                              "rerun with BANMIAN_DEBUG=1 to see the traceback\n")


def test_internal_error_in_debug_names_the_pdf(capsys, monkeypatch, tmp_path):
    import banmian.debug

    def boom(path, out, page, scale):
        raise IndexError("list index out of range")

    monkeypatch.setattr(banmian.debug, "render_debug", boom)
    monkeypatch.delenv("BANMIAN_DEBUG", raising=False)
    code, _, err = run(capsys, "debug", "paper.pdf", "-o", str(tmp_path / "out.png"))
    assert code == 1
    assert err.startswith("banmian: internal error: a bug in banmian, hit while processing paper.pdf "
                          "(IndexError: list index out of range)")


def test_internal_error_with_debug_shows_the_traceback(capsys, files, monkeypatch):
    def boom(path, page_date=None, entities=True):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    monkeypatch.setattr(pipeline, "iter_pages", boom)
    monkeypatch.setenv("BANMIAN_DEBUG", "1")
    code, _, err = run(capsys, "parse", files["one"])
    assert code == 1
    assert "Traceback" in err
    assert err.splitlines()[-1] == (f"banmian: internal error: a bug in banmian, hit while processing "
                                    f"{files['one']} (RuntimeError: boom)")


def test_keyboard_interrupt_exits_130_quietly(capsys, files, monkeypatch):
    def interrupted(path, page_date=None, entities=True):
        raise KeyboardInterrupt
        yield  # pragma: no cover

    monkeypatch.setattr(pipeline, "iter_pages", interrupted)
    code, out, err = run(capsys, "parse", files["one"])
    assert code == 130 and err == ""


def test_sigterm_mid_run_exits_143_and_leaves_no_temporary_file(capsys, files, monkeypatch, tmp_path):
    real = pipeline.iter_pages

    def terminated_after_one_page(path, page_date=None, entities=True):
        yield from real(path, page_date, entities)
        os.kill(os.getpid(), signal.SIGTERM)
        yield from real(path, page_date, entities)

    monkeypatch.setattr(pipeline, "iter_pages", terminated_after_one_page)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = signal.getsignal(signal.SIGTERM)
    code, out, err = run(capsys, "parse", files["one"], "-o", str(out_dir / "pages.json"))
    assert code == 143 and err == ""
    assert list(out_dir.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) == before  # the handler lasts one run


def test_first_bad_file_stops_the_run(capsys, files):
    code, out, err = run(capsys, "parse", files["one"], files["binary"], files["other"])
    assert code == 2
    assert_one_error_line(err)
    paths = [json.loads(line)["source"]["path"] for line in out.splitlines()]
    assert paths == [files["one"]]  # stdout is not atomic; the third file was not parsed


# ---------------------------------------------------------------- -o is atomic

def test_output_file(capsys, files, tmp_path):
    out_path = tmp_path / "out" / "page.json"
    out_path.parent.mkdir()
    code, out, err = run(capsys, "parse", files["one"], "-o", str(out_path))
    assert code == 0 and out == "" and err == ""
    assert json.loads(out_path.read_text(encoding="utf-8"))["schema"] == "banmian.page/1"
    assert os.listdir(out_path.parent) == ["page.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert out_path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_to_a_named_pipe_is_written_in_place_not_replaced(capsys, files, tmp_path):
    """`-o /dev/null` (or a FIFO) is written through, never renamed over: a rename would replace
    the device node itself (as root, /dev/null became a plain file for the whole machine)."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, err = run(capsys, "parse", files["one"], "-o", str(fifo))
    reader.join(timeout=10)
    assert code == 0 and err == ""
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe, not a file renamed over it
    assert got and json.loads(got[0])["schema"] == "banmian.page/1"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".banmian-")]  # no temp file left


@pytest.mark.parametrize("old", [None, "old content\n"])
@pytest.mark.parametrize("bad", ["binary", "undecodable", "missing"])
def test_output_untouched_when_a_later_file_is_bad(capsys, files, tmp_path, old, bad):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out_path = out_dir / "pages.jsonl"
    if old is not None:
        out_path.write_text(old, encoding="utf-8")
    code, out, err = run(capsys, "parse", files["one"], files["two_pages"], files[bad], "-o", str(out_path))
    assert code == 2
    assert_one_error_line(err)
    if old is None:
        assert not out_path.exists()
    else:
        assert out_path.read_text(encoding="utf-8") == old
    assert sorted(os.listdir(out_dir)) == ([] if old is None else ["pages.jsonl"])  # no temp file left


def test_output_into_a_missing_directory_is_exit_2(capsys, files, tmp_path):
    code, _, err = run(capsys, "parse", files["one"], "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 2
    assert_one_error_line(err)


# ---------------------------------------------------------------- --explain and progress

def test_explain_lists_every_input_line(capsys):
    code, out, _ = run(capsys, "parse", "--explain", str(DEMO))
    assert code == 0
    text = DEMO.read_text(encoding="utf-8")
    n_lines = len(text.replace("\f", "").splitlines())
    rows = [line.split() for line in out.splitlines()]
    numbered = [int(r[0]) for r in rows if r and r[0].isdigit()]
    assert numbered == list(range(1, n_lines + 1))
    assert "articles" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)  # the table replaces the JSON on stdout


def test_explain_numbers_pages_as_pages_does(capsys, files):
    code, out, _ = run(capsys, "parse", "--explain", "--pages", "2", files["two_pages"])
    assert code == 0
    assert out.splitlines()[0] == f"== {files['two_pages']} · page 2 (index 1) =="


def test_explain_with_output_file(capsys, tmp_path):
    out_path = tmp_path / "demo.json"
    code, out, _ = run(capsys, "parse", "--explain", str(DEMO), "-o", str(out_path))
    assert code == 0
    assert json.loads(out_path.read_text(encoding="utf-8"))["schema"] == "banmian.page/1"
    assert "reasons" in out.splitlines()[1]


def test_explain_shows_line_reasons_and_owner(capsys, monkeypatch, tmp_path):
    from banmian.model import Article

    def fake_stage(page):
        for line in page.lines:
            line.kind = "body"
            line.because(f"fake:{line.no}")
        article = Article(id="a7", paragraphs=["x"], reasons=["fake:article"])
        page.claim(page.lines[1], article)
        page.articles = [article]
        return page

    monkeypatch.setattr("banmian.stages.STAGES", [fake_stage])
    monkeypatch.setattr(pipeline, "STAGES", [fake_stage])
    path = tmp_path / "p.txt"
    path.write_text("甲\n乙\n", encoding="utf-8")
    code, out, _ = run(capsys, "parse", "--explain", str(path))
    assert code == 0
    row2 = next(line for line in out.splitlines() if line.split()[:1] == ["2"])
    assert "a7" in row2 and "fake:2" in row2
    assert "fake:article" in out


def test_progress_on_request(capsys, files):
    code, _, err = run(capsys, "parse", "--progress", files["one"], files["other"])
    assert code == 0
    assert "2/2 files" in err and "pages/s" in err


def test_no_progress_for_one_file_or_without_a_terminal(capsys, files):
    _, _, err = run(capsys, "parse", "--progress", files["one"])
    assert err == ""
    _, _, err = run(capsys, "parse", files["one"], files["other"])
    assert err == ""


# ---------------------------------------------------------------- as a real process

def banmian(*argv, **env):
    return subprocess.run(
        [sys.executable, "-m", "banmian", *argv], capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, **env}, timeout=60,
    )


def test_subprocess_ok_and_errors(files):
    done = banmian("parse", str(DEMO))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["schema"] == "banmian.page/1"
    for kind in ("missing", "binary", "undecodable"):
        done = banmian("parse", files[kind])
        assert done.returncode == 2
        assert done.stdout == ""
        assert_one_error_line(done.stderr)


def test_subprocess_output_is_utf8_whatever_the_locale(files):
    done = subprocess.run([sys.executable, "-m", "banmian", "parse", files["one"]], capture_output=True,
                          env={**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii",
                               "PYTHONUTF8": "0"}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "江川".encode() in done.stdout
