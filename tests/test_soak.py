"""Smoke run of the soak benchmark (``benchmarks/soak.py``) on 60 documents: kill -9 three times, resume."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import soak  # noqa: E402


@pytest.mark.slow
def test_sixty_documents_survive_three_kills_byte_identical(tmp_path):
    cmd = [sys.executable, str(ROOT / "benchmarks" / "soak.py"), "--docs", "60", "--batch-size", "4",
           "--out", str(tmp_path), "--work", str(tmp_path / "work"), "--no-render"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert (tmp_path / "soak.json").exists(), done.stderr[-3000:]
    result = json.loads((tmp_path / "soak.json").read_text())
    assert done.returncode == 0, (done.stderr, result["failed"], result["logs"])
    assert result["byte_identical"]
    assert len(result["resumed"]["kills"]) == 3
    checks = result["checks"]
    assert checks["records"] == checks["inputs"] == 60 and checks["ids_in_order"]
    assert checks["errors_match"] and checks["error_records"] == checks["injected_faults"]
    assert set(result["inputs"]["faults"]) == set(soak.fault_names())  # every fault kind, at least once
    assert not (tmp_path / "work").exists()  # the work folder is removed unless --keep


def test_generated_faults_cover_every_error_kind_of_the_batch_docs():
    import eventex.io.records

    docs = soak.generate(200, seed=1, max_chars=20_000)
    kinds = {d.error for d in docs if d.error}
    documented = eventex.io.records.__doc__.split("Errors")[1]
    for kind in kinds:
        assert f"``{kind}``" in documented
    assert kinds >= {"UnicodeDecodeError", "JSONDecodeError", "TypeError", "MissingField", "EmptyText", "TextTooLong",
                     "ValueError", "DuplicateId", "NoInputFiles", "OutsideInput"}
    assert sum(1 for d in docs if d.error) == 20  # 10%


def test_adversarial_texts_are_short_texts_of_the_growth_suites_classes_and_more():
    import adversarial

    rng = random.Random(3)
    drawn = [soak.adversarial_text(rng) for _ in range(300)]
    assert {kind for kind, _ in drawn} == set(adversarial.INPUTS) | set(soak.MORE_ADVERSARIAL)
    for kind, text in drawn:
        make, base = soak.MORE_ADVERSARIAL.get(kind) or (adversarial.INPUTS[kind], adversarial.BASE[kind])
        assert len(text) <= len(make(round(base * soak.ADVERSARIAL_SIZE[1]))), kind


def test_the_soak_section_renders_each_target_from_the_results():
    import render_results

    so = json.loads((ROOT / "benchmarks" / "results" / "soak.json").read_text(encoding="utf-8"))
    md = "\n".join(render_results.soak_section(so))
    c = so["checks"]
    assert f"| error records vs injected faults | one for one | {c['error_records']} / {c['injected_faults']} |" in md
    assert f"{so['rss']['ratio']:.3f}×" in md
    so["byte_identical"], so["rss"]["flat"] = False, False
    md = "\n".join(render_results.soak_section(so))
    assert "| output after resumes vs uninterrupted | byte-identical | differs | missed |" in md
    assert md.count("| missed |") == 2
    so["source_sha256"], so["failed"] = "ab" * 32, ["source unchanged during the runs"]
    md = "\n".join(render_results.soak_section(so))
    row = "| eventex source (`src/eventex`) during both runs | unchanged | changed (sha256 abababababab) | missed |"
    assert row in md


def test_the_source_digest_sees_an_edit_and_ignores_bytecode(tmp_path):
    import soak

    (tmp_path / "stages").mkdir()
    (tmp_path / "stages" / "parse.py").write_text("x = 1\n")
    before = soak.source_digest(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "parse.cpython-311.pyc").write_bytes(b"\0")
    assert soak.source_digest(tmp_path) == before
    (tmp_path / "stages" / "parse.py").write_text("x = 2\n")
    assert soak.source_digest(tmp_path) != before
