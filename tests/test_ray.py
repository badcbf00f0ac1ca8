"""The Ray engine and integration on a local Ray (2 CPUs, started and stopped here): the same records as the local
engine row for row (Parquet) and byte for byte (JSONL), errors as rows, the same counts, progress, re-runs that
replace the output, and an actor killed mid-job."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import ray

import eventex.engines.ray
from eventex.chunk import ChunkResult
from eventex.cli import main
from eventex.engines.ray import MARKER, extract_files_ray
from eventex.errors import UsageError
from eventex.integrations.ray import CRASH_FILE_ENV, content_id, extract
from eventex.io.records import Options
from eventex.io.sink import Summary
from eventex.runner import extract_files

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import ray_speed
import render_results

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


def _inputs(tmp_path: Path, n: int = 100) -> list[str]:
    """A JSONL and a Parquet file of ``n`` documents each, the bad ones of the batch tests among them (the JSONL
    file ends with a line that is not UTF-8, one that is not JSON and one that is not an object)."""
    rows = [
        {"doc": f"j{i}", "body": TEXTS[i % len(TEXTS)], "date": ["2010-01-05", None, "not a date"][i % 3]}
        for i in range(n)
    ]
    rows[9]["doc"] = rows[3]["doc"] = rows[n - 1]["doc"] = "dup"
    jsonl = tmp_path / "a.jsonl"
    lines = "".join(json.dumps(r) + "\n" for r in rows).encode()
    jsonl.write_bytes(lines + b'{"doc": "bad", "body": "bad \xff\xfe bytes"}\n{not json\n\n[1, 2]\n')
    table = [{**r, "doc": f"p{i}", "body": r["body"] if not isinstance(r["body"], int) else "7"} for i, r in
             enumerate(rows)]
    pq.write_table(pa.Table.from_pylist(table), tmp_path / "b.parquet")
    return [str(jsonl), str(tmp_path / "b.parquet")]


def _rows(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def test_ray_engine_gives_the_local_records_row_for_row(local_ray, tmp_path, capsys, monkeypatch):
    """Ids are checked in batches of 16 here, so a repeated id spans batches (and files) as in a large run."""
    monkeypatch.setattr(eventex.engines.ray, "READ_BATCH", 16)
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
    assert len(rows) == local.inputs == 2 * 100 + 3
    kinds = {r["error"] for r in rows}
    assert kinds >= {"EmptyText", "TypeError", "TextTooLong", "MissingField", "ValueError", "DuplicateId",
                     "JSONDecodeError", "UnicodeDecodeError"}
    assert any(r["warnings"] is not None for r in rows)
    assert sum(r["error"] == "DuplicateId" for r in rows) == 2  # the first "dup" is extracted, not the other two
    err = capsys.readouterr().err
    assert f"{local.inputs} documents, {local.failed} failed, {local.warned} with warnings -> {out}" in err

    assert (out / MARKER).exists()


def test_jsonl_partitions_are_the_local_output_and_reruns_replace_them(local_ray, tmp_path):
    inputs = _inputs(tmp_path, n=30)
    out, seen = tmp_path / "out", []

    def progress(summary: Summary, chunk: ChunkResult | None) -> None:
        seen.append((summary.inputs, chunk and chunk.inputs))

    for flat in (False, True):  # the second run writes into the first one's output
        opts = Options(text_field="body", published_field="date", id_field="doc", max_chars=200, flat=flat)
        local = extract_files(inputs, str(tmp_path / f"local{flat}.jsonl"), options=opts, model="spacy", batch_size=4)
        seen.clear()
        summary = extract_files_ray(inputs, str(out), fmt="jsonl", options=opts, model="spacy", batch_size=4,
                                    progress=progress)
        assert summary == local
        parts = sorted(out.glob("*.jsonl"))
        assert len(parts) > 1
        assert b"".join(p.read_bytes() for p in parts) == (tmp_path / f"local{flat}.jsonl").read_bytes()
        assert seen[0] == (0, None) and seen[-1][0] == local.inputs
        assert sum(n for _, n in seen[1:]) == local.inputs
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_an_output_that_is_not_ours_is_refused_and_no_documents_is_an_error(local_ray, tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(UsageError, match="not an eventex output"):
        extract_files_ray([str(empty)], str(mine), model="spacy")
    assert main(["extract", str(empty), "-o", str(mine), "--engine", "ray", "--model", "spacy"]) == 2
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    for extra in (["-o", "-"], ["-o", str(tmp_path / "o"), "--resume"], ["-o", str(tmp_path / "o"), "--jobs", "2"]):
        assert main(["extract", str(empty), "--engine", "ray", *extra]) == 2
    assert "--engine ray writes to -o OUT_DIR" in capsys.readouterr().err
    out = tmp_path / "new" / "out"  # its folder too is created
    assert main(["extract", str(empty), "-o", str(out), "--engine", "ray", "--model", "spacy"]) == 2
    assert "no documents in" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == [MARKER]


def test_dataset_integration_keeps_input_columns(local_ray):
    ds = ray.data.from_items([{"k": i, "text": TEXTS[i % 3], "published": "2010-01-05"} for i in range(6)])
    # Ray Data keeps no row order across blocks unless the caller asks for it (DataContext preserve_order)
    rows = sorted(extract(ds, model="spacy", concurrency=1, batch_size=2).take_all(), key=lambda r: r["k"])
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
    expected = [f"{inputs[0]}:{n}" for n in [*range(1, 25), 25, 26, 28]] + [f"{inputs[1]}:{n}" for n in range(24)]
    assert ids == expected
    assert summary.inputs == len(expected)  # the retried batch is counted once


def test_ray_benchmark_pure_parts():
    rd = {"jobs": {"words_per_s": 100.0, "steady_words_per_s": 200.0},
          "ray_2": {"words_per_s": 80.0, "steady_words_per_s": 190.0}, "ray_1": {"words_per_s": 50.0}}
    assert ray_speed.round_ratios(rd) == {"ray_over_jobs": 0.8, "ray_1_over_jobs": 0.5, "ray_2_over_ray_1": 1.6,
                                          "ray_over_jobs_steady": 0.95}
    rounds = [{**rd, "ratios": {"ray_over_jobs": r}} for r in (0.5, 0.9, 0.7)]
    assert ray_speed.medians(rounds)["ratios"] == {"ray_over_jobs": 0.7}
    assert [(c["words_per_s"], c["limited_by"]) for c in ray_speed.cluster(100.0, 250.0, nodes=(1, 2, 4))] == [
        (100.0, "nodes"), (200.0, "nodes"), (250.0, "serial stage")]

    class Chunk:
        inputs, words = 1, 10

    def run(clock):  # batches back at about 0.0 s, then at +0.2 and +0.4 s
        for pause in (0.0, 0.2, 0.2):
            time.sleep(pause)
            clock(None, Chunk())

    m = ray_speed.measure(run, docs=3, words=30)
    assert m["docs"] == 3 and m["seconds"] >= 0.4
    assert 35 < m["steady_words_per_s"] < 55  # 20 words over the 0.4 s after the first batch


def test_ray_benchmark_runs_and_renders(local_ray, tmp_path):
    args = ray_speed.parse_args(["--out", str(tmp_path), "--splits", "test", "--min-words", "1", "--rounds", "1",
                                 "--model", "spacy", "--serial-factor", "2", "--no-render"])
    data = ray_speed.run(args)
    assert ray.is_initialized()  # the test's Ray, left running
    rd = data["rounds"][0]
    assert rd["identical_output"] and sorted(rd["order"]) == sorted(ray_speed.ENGINES)
    assert set(rd["ratios"]) >= {"ray_over_jobs", "ray_1_over_jobs", "ray_2_over_ray_1"}
    assert data["serial_stage"]["docs"] == 2 * data["settings"]["docs"]
    assert data["target"]["value"] == rd["ratios"]["ray_over_jobs"]
    text = "\n".join(render_results.ray_section(data))
    assert "Ray 2 actors ÷ `--jobs 2`" in text and "byte for byte in every round" in text


def test_light_steps_import_no_spacy_and_actors_load_without_torch(sample_text, default_extractor):
    """A fresh process that imports the Ray engine (as the reading, id-checking, ledger and writing steps do)
    imports neither spaCy nor torch; an actor's spaCy import leaves torch out and its ONNX extractor gives the
    default pipeline's result; torch stays importable."""
    code = (
        "import json, sys\n"
        "import eventex.engines.ray\n"
        "light = sorted({'spacy', 'torch'} & set(sys.modules))\n"
        "from eventex.integrations.ray import _import_spacy_without_torch\n"
        "_import_spacy_without_torch()\n"
        "from eventex.loading import loaded\n"
        "result = loaded(None).extract(sys.stdin.read(), published='2010-03-10').model_dump_json()\n"
        "torch = 'torch' in sys.modules\n"
        "import torch as _\n"
        "print(json.dumps({'light': light, 'torch': torch, 'result': result}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    out = json.loads(subprocess.run([sys.executable, "-c", code], input=sample_text, env=env, capture_output=True,
                                    text=True, check=True).stdout)
    assert out["light"] == [] and out["torch"] is False
    expected = default_extractor.extract(sample_text, published="2010-03-10")
    assert json.loads(out["result"]) == json.loads(expected.model_dump_json())
