"""Determinism: the same input, model and runtime give byte-identical output across runs, --jobs and batch sizes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_SPLIT = ROOT / "corpora" / "test.jsonl"


def cli_extract(out: Path, *options: str) -> bytes:
    """``eventex extract`` of the test split (entities included) in a fresh process; the output's bytes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "eventex.cli", "extract", str(TEST_SPLIT), "-o", str(out), "--entities", *options]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


@pytest.mark.slow
def test_output_is_byte_identical_across_runs_jobs_and_batch_sizes(tmp_path, default_extractor):
    one = cli_extract(tmp_path / "one.jsonl", "--jobs", "1", "--batch-size", "16")
    two = cli_extract(tmp_path / "two.jsonl", "--jobs", "2", "--batch-size", "3")
    assert one == two
    records = [json.loads(line) for line in one.decode().splitlines()]
    docs = [json.loads(line) for line in TEST_SPLIT.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(docs)
    for rec, doc in zip(records, docs, strict=True):  # a third run: in this process, one text at a time
        alone = default_extractor.extract(doc["text"], published=doc["published"])
        assert rec["entities"] == [e.model_dump(mode="json") for e in alone.entities], rec["id"]
        assert rec["events"] == [e.model_dump(mode="json") for e in alone.events], rec["id"]


def test_several_windows_per_pass_keep_each_texts_result_independent_of_its_batch():
    from eventex.ner.runtime import TransformerEntities

    model = ROOT / "models" / "eventex-ner"
    assert TransformerEntities.load(model).runtime == "onnx-int8"  # the shipped card's int8 check passed
    head = TransformerEntities.load(model, batch_size=4)
    assert head.runtime == "onnx"  # int8 takes one activation scale per pass: its results would depend on the batch
    docs = [json.loads(line)["text"][:1500] for line in TEST_SPLIT.read_text(encoding="utf-8").splitlines()[:4]]
    assert head.predict(docs) == [head.predict([d])[0] for d in docs]
