"""The card's retraining section: a model trained on the user's corpora (``eventex train --corpus corpora
--corpus MY_DIR``) against the model it replaces, on the shipped test split and on each user corpus's dev split,
so that what was learnt and what was forgotten are both visible."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from eventex.eval.report import Report


def measure_retraining(
    model_dir: Path, training: Mapping[str, Any], corpus: str, scores_of: Callable[[Report], dict[str, Any]],
) -> dict[str, Any] | None:
    """Entity scores (``scores_of`` a report) of the model before (``training["before"]``) and after, per
    evaluation set; None for a model trained without user corpora or whose earlier model is gone."""
    from eventex.eval.score import run_evaluation
    from eventex.loading import build_extractor

    users = training.get("config", {}).get("user_corpora") or []
    before = training.get("before")
    if not users or not before or not (Path(before) / "manifest.json").exists():
        return None
    sets = {f"{corpus} test (shipped)": Path(corpus) / "test.jsonl"}
    sets |= {f"{u} dev (yours)": Path(u) / "dev.jsonl" for u in users}
    missing = [name for name, path in sets.items() if not path.exists()]
    found = {name: path for name, path in sets.items() if path.exists()}
    scores: dict[str, dict[str, Any]] = {name: {} for name in found}
    for which, model in (("before", before), ("after", str(model_dir))):
        extractor = build_extractor(model, runtime="onnx")
        for name, path in found.items():
            scores[name][which] = scores_of(run_evaluation(path, extractor=extractor))
    return {"before": before, "after": str(model_dir), "sets": scores, "missing": missing}


def render_retraining(retrain: Mapping[str, Any] | None) -> list[str]:
    """The Markdown lines of the section (none when there is nothing to compare)."""
    if not retrain:
        return []

    def f1(s: Mapping[str, Any]) -> str:
        ci = s.get("f1_ci")
        return f"{s['micro']['f1']:.3f}" + (f" [{ci['low']:.3f}, {ci['high']:.3f}]" if ci else "")

    lines = [
        "## Retraining: before and after",
        "",
        f"Entity F1 (strict, 95% bootstrap CI) of the model this one replaces (`{retrain['before']}`) and of this "
        "model. The shipped test split shows what the retraining cost on the data the shipped model was made for "
        "(forgetting); your dev split shows what it learnt.",
        "",
        "| data | documents | before F1 | after F1 | change |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, by in retrain["sets"].items():
        b, a = by["before"], by["after"]
        change = a["micro"]["f1"] - b["micro"]["f1"]
        lines.append(f"| {name} | {a['documents']} | {f1(b)} | **{f1(a)}** | {change:+.3f} |")
    if retrain["missing"]:
        lines += ["", f"Not measured (no such file): {', '.join(retrain['missing'])}."]
    return [*lines, ""]
