"""Growth checks (#14): on each adversarial input, time at 4× its size ÷ time at 1× stays far below 16.

A linear pipeline gives about 4, a quadratic step 16 or more. The inputs (``benchmarks/adversarial.py``) run in
a subprocess with a hard timeout, so that a regression to superlinear time fails instead of hanging the suite.
Each time is the best of three runs, and a stage's ratio is taken with :data:`FLOOR` seconds added to both
times (a stage that takes milliseconds at both sizes is noise, not growth).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import adversarial  # noqa: E402

FACTOR = 4
LIMIT = 8.0
"""Largest time ratio at 4× size accepted: twice linear, half of quadratic."""
FLOOR = 0.02
TIMEOUT_S = 300


@pytest.fixture(scope="module")
def runs() -> dict[str, dict[str, Any]]:
    """:func:`adversarial.growth` of every input class, by class (run in one subprocess)."""
    cmd = [sys.executable, str(ROOT / "benchmarks" / "adversarial.py"), "--factor", str(FACTOR)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S, check=True)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else e.stdout or ""
        done = [json.loads(line)["input"] for line in out.splitlines()]
        stuck = next(name for name in adversarial.INPUTS if name not in done)
        pytest.fail(f"the adversarial inputs did not finish in {TIMEOUT_S} s: stuck on {stuck!r} (superlinear time?)")
    return {r["input"]: r for r in map(json.loads, proc.stdout.splitlines())}


def ratio(small: float, large: float) -> float:
    """``large / small`` with :data:`FLOOR` added to both."""
    return (large + FLOOR) / (small + FLOOR)


@pytest.mark.parametrize("name", list(adversarial.INPUTS))
def test_time_grows_linearly(runs, name):
    r = runs[name]
    small, large = r["small"], r["large"]
    ratios = {"whole": ratio(small["seconds"], large["seconds"])}
    ratios |= {stage: ratio(small["stages"][stage], large["stages"][stage]) for stage in small["stages"]}
    assert max(ratios.values()) < LIMIT, f"{name}: time at {FACTOR}x / 1x by stage {ratios}"


@pytest.mark.parametrize("name", list(adversarial.INPUTS))
def test_no_entity_is_only_punctuation(runs, name):
    assert runs[name]["large"]["punctuation_entities"] == []


def test_a_sentence_deep_in_brackets_still_holds_its_event(runs):
    assert runs["nested_parentheses"]["large"]["events"] == 1
