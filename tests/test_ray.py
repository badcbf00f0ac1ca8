"""The Ray engine and integration on a local Ray (2 CPUs, started and stopped here): the same records as the local
engine row for row, errors as rows, re-runs that replace the output, and an actor killed mid-job."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import ray

from eventex.cli import main
from eventex.engines.ray import extract_files_ray
from eventex.integrations.ray import CRASH_FILE_ENV, content_id, extract
from eventex.io.records import Options
from eventex.runner import extract_files

GOOD = "Russia sold helicopters to Venezuela in 2009."
VISIT = "Foreign Minister Sergei Lavrov visited Cuba and Mexico in February."
TEXTS: list[object] = [GOOD, VISIT, "", "   ", 7, "x" * 300, None, f"{VISIT} Then he left. <b>Bold</b>"]


@pytest.fixture(scope="module")
def local_ray(tmp_path_factory):
    """A local Ray with 2 CPUs whose actors inherit the crash hook (armed by creating its file)."""
    marker = tmp_path_factory.mktemp("hook") / "crash"
    os.environ[CRASH_FILE_ENV] = str(marker)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield marker
    ray.shutdown()
    del os.environ[CRASH_FILE_ENV]


def _inputs(tmp_path: Path, n: int = 40) -> list[str]:
    """A JSONL and a Parquet file of ``n`` documents each, the bad ones of the batch tests among them."""
    rows = [
        {"doc": f"j{i}", "body": TEXTS[i % len(TEXTS)], "date": ["2010-01-05", None, "not a date"][i % 3]}
        for i in range(n)
    ]
    rows[9]["doc"] = rows[3]["doc"] = "dup"
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{not json\n\n[1, 2]\n", encoding="utf-8")
    table = [{**r, "doc": f"p{i}", "body": r["body"] if not isinstance(r["body"], int) else "7"} for i, r in
             enumerate(rows)]
    pq.write_table(pa.Table.from_pylist(table), tmp_path / "b.parquet")
    return [str(jsonl), str(tmp_path / "b.parquet")]


def _rows(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def test_ray_engine_gives_the_local_records_row_for_row_and_reruns_replace(local_ray, tmp_path, capsys):
    inputs = _inputs(tmp_path)
    opts = Options(text_field="body", published_field="date", id_field="doc", max_chars=200, entities=True)
    local = extract_files(inputs, str(tmp_path / "local.parquet"), options=opts, model="spacy", batch_size=4)
    out = tmp_path / "out"
    args = ["extract", *inputs, "-o", str(out), "--engine", "ray", "--workers", "2", "--model", "spacy",
            "--text-field", "body", "--published-field", "date", "--id-field", "doc", "--max-chars", "200",
            "--batch-size", "4"]
    assert main([*args, "--entities"]) == 1
    rows = _rows(out)
    assert rows == _rows(tmp_path / "local.parquet")
    kinds = {r["error"] for r in rows}
    assert kinds >= {"EmptyText", "TypeError", "TextTooLong", "MissingField", "ValueError", "DuplicateId",
                     "JSONDecodeError"}
    assert any(r["warnings"] is not None for r in rows)
    err = capsys.readouterr().err
    assert f"{local.inputs} documents, {local.failed} failed, {local.warned} with warnings -> {out}" in err

    assert main([*args, "--flat"]) == 1  # into the same directory: replaced, not appended to
    flat = extract_files(inputs, str(tmp_path / "flat.parquet"), options=Options(**{**vars(opts), "entities": False,
                         "flat": True}), model="spacy", batch_size=4)
    assert _rows(out) == _rows(tmp_path / "flat.parquet")
    assert flat.failed == local.failed
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_dataset_integration_keeps_input_columns(local_ray):
    ds = ray.data.from_items([{"k": i, "text": TEXTS[i % 3], "published": "2010-01-05"} for i in range(6)])
    rows = extract(ds, model="spacy", concurrency=1, batch_size=2).take_all()
    assert [r["k"] for r in rows] == list(range(6))
    assert [r["id"] for r in rows] == [content_id(TEXTS[i % 3]) for i in range(6)]
    assert json.loads(rows[0]["events"])[0]["seller"]["id"] == "RUS"
    assert str(rows[1]["published"]) == "2010-01-05"
    assert rows[2]["error"] == "EmptyText" and rows[2]["events"] is None
    with pytest.raises(ValueError, match="no column 'body'"):
        extract(ds, text_column="body")


def test_a_killed_actor_is_restarted_and_every_input_gets_one_row(local_ray, tmp_path):
    inputs = _inputs(tmp_path, n=24)
    local_ray.touch()  # the first batch kills its actor's process
    summary = extract_files_ray(inputs, str(tmp_path / "out"), model="spacy", batch_size=4, workers=2,
                                options=Options(text_field="body", published_field="date", max_chars=200))
    assert not local_ray.exists()  # the hook fired
    ids = [r["id"] for r in _rows(tmp_path / "out")]
    expected = [f"{inputs[0]}:{n}" for n in [*range(1, 25), 25, 27]] + [f"{inputs[1]}:{n}" for n in range(24)]
    assert ids == expected
    assert summary.inputs == len(expected)
