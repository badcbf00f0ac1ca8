"""The CLI boundary: eventex errors exit 2 with one line, bugs are not hidden, every command is registered."""

from __future__ import annotations

import pytest

from eventex.cli import exits, main
from eventex.cli import schema as cli_schema
from eventex.cli.parser import build_parser
from eventex.errors import InputError


def test_every_command_is_registered():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert list(sub.choices) == [
        "extract", "view", "schema", "build-corpus", "validate-corpus", "evaluate", "train", "model-card",
        "export", "import", "select", "info",
    ]


def test_an_eventex_error_is_one_line_and_exit_status_2(monkeypatch, capsys):
    def fail(args):
        raise InputError("that input will not do")

    monkeypatch.setattr(cli_schema, "run", fail)
    assert main(["schema"]) == exits.ERROR
    assert capsys.readouterr().err == "eventex schema: error: that input will not do\n"


def test_a_bug_is_not_turned_into_a_usage_error(monkeypatch):
    def bug(args):
        raise TypeError("unsupported operand type(s)")

    monkeypatch.setattr(cli_schema, "run", bug)
    with pytest.raises(TypeError, match="unsupported operand"):
        main(["schema"])


def test_files_the_user_names(tmp_path, capsys):
    assert main(["extract", "--text-file", str(tmp_path / "missing.txt"), "--model", "spacy"]) == exits.ERROR
    assert "missing.txt: no such file or directory" in capsys.readouterr().err
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9".encode("latin-1"))
    assert main(["extract", "--text-file", str(bad), "--model", "spacy"]) == exits.ERROR
    assert "latin1.txt: not UTF-8 (byte 0xe9 at offset 3)" in capsys.readouterr().err
    assert main(["evaluate", "--gold", str(tmp_path / "none.jsonl"), "--model", "spacy"]) == exits.ERROR
    assert "none.jsonl" in capsys.readouterr().err
