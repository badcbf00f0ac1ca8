"""Batch runs (runner, io, engines) and the datasets integration: inputs, bad input, error records, flat and
Parquet output, resume, workers, stdin/stdout."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import eventex
from eventex import loading
from eventex.chunk import process_chunk
from eventex.cli import main
from eventex.integrations.hf_datasets import extract_dataset
from eventex.io.readers import Item
from eventex.io.records import FLAT_COLUMNS, Options
from eventex.runner import extract_files

EVENTEX = Path(sys.executable).parent / "eventex"
GOOD = "Russia sold helicopters to Venezuela in 2009."
VISIT = "Foreign Minister Sergei Lavrov visited Cuba and Mexico in February."


@pytest.fixture(scope="module")
def extractor() -> eventex.Extractor:
    return eventex.load("spacy")


@pytest.fixture
def as_spacy(extractor, monkeypatch) -> None:
    """Make ``--model spacy`` in this process use the module's extractor instead of loading another."""
    monkeypatch.setitem(loading._loaded, ("spacy", None), extractor)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [str(EVENTEX), *args], input=stdin, capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_bad_inputs_give_error_records_and_the_batch_carries_on(extractor, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a_good.txt").write_text(GOOD)
    (docs / "b_latin1.txt").write_bytes("Caf\xe9 in Moscow".encode("latin-1"))
    (docs / "c_empty.txt").write_text("")
    (docs / "d_blank.txt").write_text("  \n\t ")
    (docs / "e_huge.txt").write_text("word " * 400_000)  # 2 MB
    (docs / "f_locked.txt").write_text(GOOD)
    (docs / "sub" / "g_html.txt").write_text(f"<html><body><p>{GOOD}</p><br></body></html>")
    (docs / "sub" / "h_russian.txt").write_text("Министр иностранных дел Сергей Лавров посетил Кубу.")
    (docs / "ignored.md").write_text(GOOD)
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.md").write_text(GOOD)
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_bytes(
        b'{"id": "j1", "text": "Lavrov visited Cuba.", "published": "2010-02-11"}\n'
        b"this is not json\n"
        b'{"id": "j2", "body": "no text field"}\n'
        b'{"id": "j3", "text": 42}\n'
        b'{"id": "j1", "text": "the same id again"}\n'
        b"\n"
        b'{"id": "j4", "text": "bad \xff\xfe bytes"}\n'
        b'{"id": "j5", "text": "Lavrov visited Cuba.", "published": "last spring"}\n'
        b'["not", "an", "object"]\n'
    )
    (tmp_path / "broken.parquet").write_bytes(b"not parquet at all")
    locked = docs / "f_locked.txt"
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "out.jsonl"
    inputs = [str(docs), str(jsonl), str(tmp_path / "nothing"), str(tmp_path / "broken.parquet")]
    opts = Options(id_field="id")
    summary = extract_files(inputs, str(out), extractor=extractor, options=opts, batch_size=4)

    recs = _records(out)
    got = [(Path(r["id"]).name if "/" in r["id"] else r["id"], r.get("error")) for r in recs]
    assert got == [
        ("a_good.txt", None),
        ("b_latin1.txt", "UnicodeDecodeError"),
        ("c_empty.txt", "EmptyText"),
        ("d_blank.txt", "EmptyText"),
        ("e_huge.txt", "TextTooLong"),
        ("f_locked.txt", "PermissionError"),
        ("g_html.txt", None),
        ("h_russian.txt", None),
        ("j1", None),
        ("in.jsonl:2", "JSONDecodeError"),
        ("j2", "MissingField"),
        ("j3", "TypeError"),
        ("j1", "DuplicateId"),
        ("in.jsonl:7", "UnicodeDecodeError"),
        ("j5", "ValueError"),
        ("in.jsonl:9", "TypeError"),
        ("nothing", "NoInputFiles"),
        ("broken.parquet", "ArrowInvalid"),
    ]
    assert all(r["message"] for r in recs if "error" in r)
    by_name = {Path(r["id"]).name: r for r in recs}
    assert "2,000,000 characters" in by_name["e_huge.txt"]["message"]
    assert recs[12]["message"] == "id 'j1' is already used by record #9; not extracted"
    assert by_name["a_good.txt"]["events"][0]["type"] == "arms_sale"
    assert recs[8]["published"] == "2010-02-11"
    assert any(w.startswith("html:") for w in by_name["g_html.txt"]["warnings"])
    assert any(w.startswith("language:") for w in by_name["h_russian.txt"]["warnings"])
    assert "warnings" not in by_name["a_good.txt"]
    assert (summary.inputs, summary.failed, summary.warned) == (18, 14, 2)
    assert not (tmp_path / "out.jsonl.progress").exists()


def test_a_failing_batch_is_rerun_one_document_at_a_time(extractor, monkeypatch):
    real_pipe = extractor.entities.pipe

    def pipe(docs):
        docs = list(docs)
        if any("BOOM" in d.text for d in docs):
            raise RuntimeError("model exploded")
        return real_pipe(docs)

    monkeypatch.setattr(extractor.entities, "pipe", pipe)
    items = [Item("1", GOOD), Item("2", "BOOM goes Russia."), Item("3", VISIT)]
    chunk = process_chunk(extractor, items, Options())
    recs = [json.loads(line) for line in chunk.data.splitlines()]
    assert [r.get("error") for r in recs] == [None, "RuntimeError", None]
    assert recs[1]["message"] == "model exploded"
    assert recs[2]["events"][0]["type"] == "visit"
    assert (chunk.inputs, chunk.failed) == (3, 1)


def test_flat_rows(extractor, tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", [{"text": GOOD}, {"text": "Nothing happened."}, {"text": ""}])
    out = tmp_path / "flat.jsonl"
    extract_files([str(src)], str(out), extractor=extractor, options=Options(flat=True))
    rows = _records(out)
    assert all(list(r) == list(FLAT_COLUMNS) for r in rows)
    sale = [r for r in rows if r["doc_id"].endswith(":1")]
    roles = {(r["type"], r["role"], r["id"]) for r in sale}
    assert roles >= {("arms_sale", "seller", "RUS"), ("arms_sale", "buyer", "VEN")}
    assert all(r["evidence"] == GOOD for r in sale)
    (quiet,) = [r for r in rows if r["doc_id"].endswith(":2")]
    assert quiet["event"] is None and quiet["error"] is None
    (failed,) = [r for r in rows if r["doc_id"].endswith(":3")]
    assert failed["error"] == "EmptyText"


def test_table_and_dataset_inputs_to_parquet(extractor, tmp_path):
    import csv

    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
    from datasets import Dataset, DatasetDict

    rows = [
        {"doc": "d1", "body": GOOD, "date": "2010-01-05"},
        {"doc": "d2", "body": None, "date": None},
        {"doc": "d3", "body": VISIT, "date": None},
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "t.parquet")
    with (tmp_path / "t.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, ["doc", "body", "date"])
        writer.writeheader()
        writer.writerows(rows)
    Dataset.from_list(rows).save_to_disk(str(tmp_path / "ds"))
    splits = DatasetDict({"a": Dataset.from_list(rows[:1]), "b": Dataset.from_list(rows[2:])})
    splits.save_to_disk(str(tmp_path / "dd"))
    out = tmp_path / "out.parquet"
    opts = Options(text_field="body", published_field="date", entities=True)
    inputs = [str(tmp_path / n) for n in ("t.parquet", "t.csv", "ds", "dd")]
    summary = extract_files(inputs, str(out), extractor=extractor, options=opts)

    table = pd.read_parquet(out)
    ids = [i.rsplit("/", 1)[-1] for i in table["id"]]
    assert ids == [
        "t.parquet:0", "t.parquet:1", "t.parquet:2", "t.csv:2", "t.csv:3", "t.csv:4", "ds:0", "ds:1", "ds:2",
        "a:0", "b:0",
    ]
    assert summary.failed == 3
    assert set(table.loc[table["error"].notna(), "error"]) == {"MissingField", "EmptyText"}
    first = table.iloc[0]
    assert str(first["published"]) == "2010-01-05"
    assert json.loads(first["events"])[0]["seller"]["id"] == "RUS"
    assert json.loads(first["entities"])
    assert not list(tmp_path.glob("out.parquet.*"))


def test_resume_after_an_interruption(extractor, tmp_path, monkeypatch):
    texts = [{"id": f"n{i}", "text": f"{VISIT} Note {i}."} for i in range(7)]
    src = _write_jsonl(tmp_path / "in.jsonl", texts)
    args = {"extractor": extractor, "options": Options(id_field="id"), "batch_size": 2}
    full = tmp_path / "full.jsonl"
    extract_files([str(src)], str(full), **args)

    real_pipe, calls = extractor.entities.pipe, []

    def interrupted_pipe(docs):
        docs = list(docs)
        calls.append(len(docs))
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_pipe(docs)

    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as m:
        m.setattr(extractor.entities, "pipe", interrupted_pipe)
        with pytest.raises(KeyboardInterrupt):
            extract_files([str(src)], str(out), **args)
    progress = json.loads((tmp_path / "out.jsonl.progress").read_text())
    assert progress["inputs"] == 4
    with out.open("ab") as f:
        f.write(b'{"id": "n4", "events": [{"half-written')  # a batch cut short by a crash
    with pytest.raises(ValueError, match="--resume"):
        extract_files([str(src)], str(out), **args)

    summary = extract_files([str(src)], str(out), resume=True, **args)
    assert out.read_bytes() == full.read_bytes()
    assert (summary.inputs, summary.failed) == (7, 0)
    assert not (tmp_path / "out.jsonl.progress").exists()
    with pytest.raises(ValueError, match="nothing to resume"):
        extract_files([str(src)], str(out), resume=True, **args)


def test_resume_after_kill_9_with_two_workers(tmp_path, sample_text):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(8):
        (docs / f"doc{i}.txt").write_text(sample_text[:2500])
    out = tmp_path / "out.jsonl"
    progress = tmp_path / "out.jsonl.progress"
    args = [str(docs), "-o", str(out), "--model", "spacy", "--batch-size", "1"]
    proc = subprocess.Popen([str(EVENTEX), "extract", *args], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if progress.exists() and json.loads(progress.read_text())["inputs"] >= 2:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert json.loads(progress.read_text())["inputs"] < 8, "finished before it could be killed"

    done = _run("extract", *args, "--resume", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in _records(out)] == [str(docs / f"doc{i}.txt") for i in range(8)]
    assert all(r["events"] for r in _records(out))


def test_stdin_to_stdout_and_exit_codes(tmp_path):
    lines = [{"text": VISIT, "published": "2010-02-20"}, {"text": "   "}]
    stdin = "".join(json.dumps(x) + "\n" for x in lines)
    done = _run("extract", "-", "-o", "-", "--model", "spacy", stdin=stdin)
    assert done.returncode == 1, done.stderr
    recs = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in recs] == ["<stdin>:1", "<stdin>:2"]
    assert recs[0]["events"][0]["type"] == "visit" and recs[1]["error"] == "EmptyText"
    assert "EmptyText" in done.stderr


def test_cli_exit_codes_and_one_text(as_spacy, tmp_path, capsys, sample_text):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    assert main(["extract", str(good), "-o", str(tmp_path / "a.jsonl"), "--model", "spacy"]) == 0
    assert main(["extract", str(tmp_path / "missing.txt"), "--model", "spacy"]) == 2
    assert main(["extract", str(good), "--resume", "--model", "spacy"]) == 2
    no_text = [str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "b.jsonl")]  # records without a text field
    assert main(["extract", *no_text, "--model", "spacy"]) == 1
    capsys.readouterr()

    article = tmp_path / "article.txt"
    article.write_text(sample_text)
    args = ["extract", "--text-file", str(article), "--published", "2010-03-10", "--model", "spacy"]
    assert main([*args, "--summary"]) == 0
    summary = capsys.readouterr().out
    assert "published 2010-03-10" in summary
    assert "visit (actual)" in summary and "Cuba [CUB]" in summary
    assert main(["extract", "--text", GOOD, "--model", "spacy"]) == 0
    assert json.loads(capsys.readouterr().out)["events"][0]["seller"]["id"] == "RUS"


def test_runtime_option_of_extract_and_evaluate(tmp_path, capsys):
    root = Path(__file__).resolve().parents[1]
    assert main(["extract", "--text", GOOD, "--runtime", "torch"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert [(e["type"], e["seller"]["id"]) for e in events] == [("arms_sale", "RUS")]
    assert loading.loaded(None, runtime="torch").entities.runtime == "torch"
    out = tmp_path / "report.json"
    args = ["evaluate", "--gold", str(root / "corpora" / "dev.jsonl"), "--limit-docs", "1", "--bootstrap", "0"]
    assert main([*args, "--runtime", "torch", "--json", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["corpus"]["model"].startswith("eventex-ner ")
    assert main(["extract", "--text", GOOD, "--model", "spacy", "--runtime", "onnx"]) == 2  # spaCy has no runtimes
    assert "unknown options" in capsys.readouterr().err
    assert main(["extract", "--text", GOOD, "--runtime", "gpu"]) == 2  # argparse's error, one line


def test_pipe_with_worker_processes_keeps_order(extractor):
    texts = [GOOD, (VISIT, {"published": "2010-02-20"}), "Nothing here.", f"{VISIT} Again.", GOOD]
    serial = list(extractor.pipe(texts, batch_size=2))
    parallel = list(extractor.pipe(texts, batch_size=2, n_process=2))
    assert [r.model_dump() for r in parallel] == [r.model_dump() for r in serial]


def test_extract_dataset(as_spacy):
    from datasets import Dataset

    ds = Dataset.from_dict({"body": [GOOD, None, VISIT], "published": ["2010-01-05", None, None]})
    out = extract_dataset(ds, text_column="body", model="spacy", num_proc=2, batch_size=2)
    assert out.column_names == ["body", "published", "events", "error"]
    assert json.loads(out[0]["events"])[0]["seller"]["id"] == "RUS"
    assert out[1]["events"] is None and out[1]["error"].startswith("MissingField")
    assert json.loads(out[2]["events"])[0]["type"] == "visit"
    with pytest.raises(ValueError, match="no column 'text'"):
        extract_dataset(ds, model="spacy")
