"""Every command, every bad argument: one line ``eventex COMMAND: error: …`` and an exit status of
:mod:`eventex.cli.exits`, never a traceback, never status 0 for a run that scored, checked or wrote nothing."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventex.cli import exits, main
from eventex.cli import schema as cli_schema
from eventex.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[1]
GOOD_TEXT = "Russian Foreign Minister Sergei Lavrov visited Caracas on Monday."
RECORD = {"id": "a", "published": None, "events": []}
GOLD_LINE = (ROOT / "corpora" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0]


def make_files(d: Path) -> Path:
    """Fill ``d`` with good, empty, wrongly formatted and binary inputs, and a folder to write to."""
    (d / "empty_dir").mkdir()
    (d / "txt_dir").mkdir()
    (d / "txt_dir" / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "empty.jsonl").write_text("", encoding="utf-8")
    (d / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    (d / "some.jsonl").write_text(json.dumps({"id": 1, "text": GOOD_TEXT}) + "\n", encoding="utf-8")
    (d / "records.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    (d / "not_json.jsonl").write_text("not JSON at all\n", encoding="utf-8")
    (d / "binary.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (d / "latin1.txt").write_bytes("Café in Moscow".encode("latin-1"))
    (d / "table.csv").write_text("text\n" + GOOD_TEXT + "\n", encoding="utf-8")
    (d / "picture.png").write_bytes(b"\x89PNG")
    pickled = d / "pickled_model"
    pickled.mkdir()
    (pickled / "manifest.json").write_text(json.dumps({"sha256": {}}), encoding="utf-8")
    (pickled / "pytorch_model.bin").write_bytes(b"\x80\x04")
    (d / "records_bad.jsonl").write_text(
        json.dumps({"id": "a", "error": {"kind": "EmptyText", "message": "the text is empty"}}) + "\n{\n",
        encoding="utf-8")
    (d / "corpus.jsonl").write_text(GOLD_LINE + "\n", encoding="utf-8")
    (d / "tasks.json").write_text(json.dumps([{"data": {"text": GOOD_TEXT}, "annotations": []}]), encoding="utf-8")
    for name, text in (("brat_dir", GOOD_TEXT.encode()), ("bad_brat", "Café".encode("latin-1"))):
        (d / name).mkdir()
        (d / name / "x.txt").write_bytes(text)
        (d / name / "x.ann").write_text("", encoding="utf-8")
    (d / "bad_manifest").mkdir()
    (d / "bad_manifest" / "manifest.json").write_text("{", encoding="utf-8")
    (d / "out").mkdir()
    return d


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    """The inputs of :func:`make_files` (the tests write only under ``out``)."""
    return make_files(tmp_path_factory.mktemp("cli"))


@pytest.fixture(scope="module")
def fuzz_files(tmp_path_factory) -> Path:
    """The inputs of :func:`make_files`, for generated argument lists that may overwrite any of them."""
    return make_files(tmp_path_factory.mktemp("fuzz"))


def run(argv: list[str], capsys) -> tuple[int, list[str]]:
    """Exit status and stderr lines of ``eventex ARGV`` run in this process (an exception fails the test)."""
    status = main(argv)
    return status, [line for line in capsys.readouterr().err.splitlines() if line.strip()]


def assert_one_error_line(command: str, status: int, err: list[str]) -> None:
    assert status in (exits.ERROR, exits.INTERRUPTED), (status, err)
    errors = [line for line in err if ": error: " in line]
    assert len(errors) == 1 and errors[0] == err[-1], err
    assert err[-1].startswith(f"eventex {command}: error: "), err


@pytest.fixture
def no_model(monkeypatch):
    """Loading a model fails the test: these runs must stop before that."""

    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded for a run that cannot do anything")

    import eventex.loading

    monkeypatch.setattr(eventex.loading, "build_extractor", refuse)


# the runs of the issue that gave a traceback or exited 0 having done nothing, and their neighbours
NOTHING_DONE = [
    ("validate-corpus", ["{d}/empty_dir"], "no *.jsonl files"),
    ("validate-corpus", ["{d}/empty.jsonl"], "no documents"),
    ("validate-corpus", ["{d}/missing.jsonl"], "missing.jsonl: no such file"),
    ("validate-corpus", ["{d}/binary.jsonl"], "binary.jsonl: not UTF-8"),
    ("extract", ["--text-file", "{d}/txt_dir"], "txt_dir: is a directory"),
    ("extract", ["--text-file", "{d}/empty.txt"], "empty.txt: the text is empty"),
    ("extract", ["--text-file", "{d}/binary.txt"], "binary.txt: not UTF-8"),
    ("extract", ["{d}/empty.jsonl", "-o", "{d}/out/e.jsonl"], "no documents in"),
    ("extract", ["{d}/good.txt", "-o", "{d}/out"], "out: is a directory"),
    ("extract", ["{d}/good.txt", "-o", ""], "the output path is empty"),
    ("extract", ["{d}/good.txt", "-o", "{d}/no_such_dir/o.jsonl"], "the folder"),
    ("extract", ["{d}/picture.png"], "unknown input type"),
    ("build-corpus", ["{d}/empty_dir", "{d}/out/corpus"], "no authoring files"),
    ("build-corpus", ["{d}/good.txt", "{d}/out/corpus"], "is not a directory"),
    ("evaluate", ["--ner-conll", "{d}/some.jsonl"], "some.jsonl:1: not a CoNLL-2003 line"),
    ("evaluate", ["--ner-conll", "{d}/empty.txt"], "no CoNLL-2003 sentences"),
    ("evaluate", ["--gold", "{d}/empty.jsonl"], "no gold documents"),
    ("evaluate", ["--gold", "{d}/empty_dir"], "no gold documents"),
    ("evaluate", ["--gold", "{d}/not_json.jsonl"], "not_json.jsonl:1"),
    ("view", ["{d}/empty.jsonl", "-o", "{d}/out/v.html"], "no records"),
    ("view", ["{d}/txt_dir", "-o", "{d}/out/v.html"], "is a directory"),
    ("view", ["{d}/binary.jsonl", "-o", "{d}/out/v.html"], "not UTF-8"),
    ("view", ["{d}/records.jsonl", "-o", "{d}/out"], "out: is a directory"),
    ("train", ["--corpus", "{d}/empty_dir", "--out", "{d}/good.txt"], "is a file, not a directory"),
    ("model-card", ["{d}/empty_dir"], "manifest.json: no such file"),
    ("extract", ["--jobs", "0", "{d}/good.txt"], "--jobs: must be at least 1"),
    ("import", ["{d}/empty_dir", "--format", "brat", "-o", "{d}/out/i.jsonl"], "no documents imported"),
    ("import", ["{d}/bad_brat", "--format", "brat", "-o", "{d}/out/i.jsonl"], "x.txt: not UTF-8 (byte 0xe9"),
    ("export", ["{d}/empty_dir", "--format", "conll", "-o", "{d}/out/e.conll"], "no documents to export"),
    ("export", ["{d}/records_bad.jsonl", "--format", "conll", "-o", "{d}/out/e.conll", "--texts", "{d}/good.txt"],
     "records_bad.jsonl:2: not JSON"),
]


@pytest.mark.parametrize(("command", "args", "message"), NOTHING_DONE)
def test_a_run_that_can_do_nothing_stops_with_one_error_line(files, capsys, no_model, command, args, message):
    status, err = run([command, *(a.format(d=files) for a in args)], capsys)
    assert_one_error_line(command, status, err)
    assert message in err[-1]
    assert not (files / "out" / "corpus").exists() and not (files / "out" / "i.jsonl").exists()


@pytest.mark.parametrize("args", [["extract", "{d}/good.txt", "--model", "{d}/bad_manifest"],
                                  ["model-card", "{d}/bad_manifest"]])
def test_a_broken_model_manifest_is_one_error_line(files, capsys, args):
    status, err = run([a.format(d=files) for a in args], capsys)
    assert_one_error_line(args[0], status, err)
    assert err[-1].endswith("bad_manifest/manifest.json: not a JSON manifest: Expecting property name enclosed in "
                            "double quotes: line 1 column 2 (char 1)")


def test_a_directory_of_corpus_files_is_validated(capsys):
    status = main(["validate-corpus", str(ROOT / "corpora")])
    out = capsys.readouterr().out.splitlines()
    assert status == exits.OK
    assert len(out) == len(list((ROOT / "corpora").rglob("*.jsonl"))) and all(line.endswith(": ok") for line in out)


def test_a_run_that_fails_before_writing_leaves_nothing_to_resume(files, capsys):
    out = files / "out" / "fresh.jsonl"
    status, err = run(["extract", str(files / "good.txt"), "-o", str(out), "--model", str(files / "empty_dir")], capsys)
    assert_one_error_line("extract", status, err)
    assert not out.exists() and not out.with_name("fresh.jsonl.progress").exists()
    assert run(["extract", str(files / "good.txt"), "-o", str(out), "--model", "spacy"], capsys)[0] == exits.OK


def test_a_run_killed_before_its_output_was_created_can_be_resumed(tmp_path):
    from eventex.io.sink import FileOutput

    out = tmp_path / "o.jsonl"
    killed = FileOutput(out, "jsonl", {"inputs": ["a"]}, resume=False, flat=False, entities=False)
    killed.stream.close()
    out.unlink()  # as if killed after the progress file was written, before the output was created
    resumed = FileOutput(out, "jsonl", {"inputs": ["a"]}, resume=True, flat=False, entities=False)
    assert resumed.summary.inputs == 0 and out.exists()
    resumed.close()
    assert not out.exists()  # nothing committed: nothing left behind


def test_a_full_disk_stops_extract_with_one_line_and_resume_finishes(files, capsys, monkeypatch):
    from eventex.io.sink import FileOutput

    inputs = [str(files / "txt_dir"), str(files / "good.txt"), str(files / "some.jsonl")]
    out = files / "out" / "full_disk.jsonl"
    commit = FileOutput.commit

    def commit_until_full(self, chunk) -> None:
        if self.summary.inputs:  # the first batch is committed, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        commit(self, chunk)

    with monkeypatch.context() as m:
        m.setattr(FileOutput, "commit", commit_until_full)
        status, err = run(["extract", *inputs, "-o", str(out), "--batch-size", "1", "--model", "spacy"], capsys)
    assert_one_error_line("extract", status, err)
    assert err[-1] == f"eventex extract: error: {out}: no space left on device; continue with --resume"
    status, _ = run(["extract", *inputs, "-o", str(out), "--batch-size", "1", "--model", "spacy", "--resume"], capsys)
    assert status == exits.OK
    assert len(out.read_text().splitlines()) == 3


@pytest.mark.parametrize("args", [
    ["view", "{d}/records.jsonl"], ["import", "{d}/brat_dir", "--format", "brat"],
    *(["export", "{d}/corpus.jsonl", "--format", f] for f in ("label-studio", "spacy", "conll")),
])
def test_a_full_disk_names_the_output(files, capsys, args):
    status, err = run([*(a.format(d=files) for a in args), "-o", "/dev/full"], capsys)
    assert_one_error_line(args[0], status, err)
    assert err[-1] == f"eventex {args[0]}: error: /dev/full: no space left on device"


def test_ctrl_c_in_any_command_is_one_line_and_status_130(monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_schema, "run", interrupted)
    status, err = run(["schema"], capsys)
    assert (status, err) == (exits.INTERRUPTED, ["eventex schema: error: interrupted"])


# --- property: any argument list -----------------------------------------------------------------------------

PATHS = [
    "good.txt", "empty.txt", "empty.jsonl", "blank.jsonl", "some.jsonl", "records.jsonl", "not_json.jsonl",
    "binary.jsonl", "binary.txt", "latin1.txt", "table.csv", "picture.png", "empty_dir", "txt_dir", "missing.txt",
    "missing_dir", "out", "no_such_dir/x.jsonl", "pickled_model", "records_bad.jsonl", "corpus.jsonl", "tasks.json",
    "brat_dir", "bad_brat",
]
FORMATS = ["jsonl", "parquet", "label-studio", "brat", "spacy", "conll"]
"""--format values of extract, export and import."""
BAD_VALUES = ["", "-1", "0", "x", "2010-13-45", "--", "-"]
OPTIONS = {
    "extract": ["-o", "--format", "--flat", "--entities", "--jobs", "--batch-size", "--text-field", "--id-field",
                "--published", "--max-chars", "--resume", "--model", "--runtime", "--text", "--text-file", "--summary",
                "--html", "--rules"],
    "view": ["-o", "--title"],
    "schema": ["--corpus"],
    "build-corpus": [],
    "validate-corpus": [],
    "evaluate": ["--gold", "--model", "--runtime", "--ner-conll", "--limit-docs", "--json", "--out", "--bootstrap",
                 "--batch-size"],
    "train": ["--corpus", "--conll", "--out", "--epochs", "--max-steps", "--init-from"],
    "model-card": ["--corpus", "--conll"],
    "export": ["--format", "-o", "--config", "--texts", "--text-field", "--id-field"],
    "import": ["--format", "-o", "--split", "--predictions"],
    "info": ["--model", "--json"],
    "select": ["-n", "-o", "--diversity", "--batch-size", "--text-field", "--id-field", "--published", "--max-chars",
               "--model", "--rules"],
}
MODELS = ["spacy", "empty_dir", "missing_dir", "good.txt", "pickled_model", "bad_manifest"]
"""--model values: never the default model, and only bad values for --jobs, so that no example is slow."""


@st.composite
def argument_lists(draw) -> tuple[str, list[str]]:
    command = draw(st.sampled_from(sorted(OPTIONS)))
    words = draw(st.lists(st.sampled_from(PATHS), max_size=3))
    for option in draw(st.lists(st.sampled_from(OPTIONS[command] or ["--help"]), max_size=4, unique=True)):
        if option == "--model":
            words += [option, draw(st.sampled_from(MODELS))]
        elif option == "--jobs":
            words += [option, draw(st.sampled_from(["0", "-1", "x"]))]
        elif option == "--format":
            words += [option, draw(st.sampled_from(FORMATS + BAD_VALUES))]
        elif option == "--help" or draw(st.booleans()):
            words.append(option)
        else:
            words += [option, draw(st.sampled_from(PATHS + BAD_VALUES))]
    if command in ("extract", "evaluate", "info", "select") and "--model" not in words:
        words += ["--model", "spacy"]
    return command, words


def test_the_property_covers_every_command():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(OPTIONS) == set(sub.choices)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=argument_lists())
def test_no_argument_list_gives_a_traceback_or_an_undocumented_status(fuzz_files, capsys, monkeypatch, case):
    command, words = case
    monkeypatch.chdir(fuzz_files)
    try:
        status, err = run([command, *words], capsys)
    except Exception as e:  # a traceback for the user
        pytest.fail(f"eventex {command} {' '.join(words)}: {type(e).__name__}: {e}")
    assert status in exits.STATUSES
    assert not any(line.startswith("Traceback") for line in err)
    if status in (exits.ERROR, exits.INTERRUPTED):
        assert_one_error_line(command, status, err)


# --- in a real process ------------------------------------------------------------------------------------------


def eventex(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "eventex.cli", *args], env=env, stderr=subprocess.PIPE, text=True,
                            **kwargs)


@pytest.mark.parametrize("args", [
    ["evaluate", "--gold", "{d}/empty_dir"],
    ["validate-corpus", "{d}/empty_dir"],
    ["extract", "--text-file", "{d}/txt_dir"],
    ["view", "{d}/records.jsonl"],  # argparse: -o is required
])
def test_in_a_process_the_error_is_one_line(files, args):
    proc = eventex(*(a.format(d=files) for a in args), stdout=subprocess.DEVNULL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == exits.ERROR
    assert err.splitlines() == [line for line in err.splitlines() if line.startswith(f"eventex {args[0]}: error: ")]
    assert len(err.splitlines()) == 1


def test_a_full_disk_on_stdout_is_one_line():
    with open("/dev/full", "w") as full:
        proc = eventex("schema", stdout=full)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == exits.ERROR
    assert err.splitlines() == ["eventex schema: error: cannot write the output: no space left on device"]


def test_ctrl_c_during_extract_is_one_line_and_resumable(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(40):
        (docs / f"{i:02d}.txt").write_text(f"{GOOD_TEXT} Note {i}.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = [str(docs), "-o", str(out), "--model", "spacy", "--batch-size", "1"]
    proc = eventex("extract", *args)
    progress = tmp_path / "out.jsonl.progress"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if progress.exists() and json.loads(progress.read_text())["inputs"] >= 1:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == exits.INTERRUPTED, err
    assert "Traceback" not in err
    assert err.splitlines()[-1] == "eventex extract: error: interrupted; run again with --resume to continue"
    done = eventex("extract", *args, "--resume")
    done.communicate(timeout=300)
    assert done.returncode == exits.OK
    assert len(out.read_text().splitlines()) == 40
