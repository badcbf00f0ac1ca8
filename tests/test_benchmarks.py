"""Smoke test of the benchmark code (``benchmarks/``) on a tiny input: structure only, no shared data."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import benchlib  # noqa: E402
import install_bench  # noqa: E402
import quality  # noqa: E402
import render_results  # noqa: E402
import speed  # noqa: E402

from eventex import corpus  # noqa: E402

CONLL = """-DOCSTART- -X- -X- O

Sergei NNP B-NP B-PER
Lavrov NNP I-NP I-PER
visited VBD B-VP O
Cuba NNP B-NP B-LOC
. . O O

-DOCSTART- -X- -X- O

Gazprom NNP B-NP B-ORG
will MD B-VP O
build VB I-VP O
a DT B-NP O
pipeline NN I-NP O
in IN B-PP O
Serbia NNP B-NP B-LOC
. . O O
"""
GENEVA = [
    {"dataset": "GENEVA", "split": "train_partial", "wnd_id": "w1", "event_index": 0, "source_type": "Traveling",
     "trigger": "traveled", "eventex_type": "visit",
     "role_map": {"visitor": ["former President Jimmy Carter"], "destination": ["to Pyongyang"], "origin": [],
                  "purpose": []},
     "sentence": "In June 1994 , former President Jimmy Carter traveled to Pyongyang .",
     "status": "heuristic-candidate", "triage": "plausible_official_visit", "countries_in_sentence": ["PRK"]},
    {"dataset": "GENEVA", "split": "val", "wnd_id": "w2", "event_index": 0, "source_type": "Getting",
     "trigger": "acquiring", "eventex_type": "arms_sale",
     "role_map": {"seller": [], "buyer": ["Iran"], "weapon": ["chemical weapons"], "price": []},
     "sentence": "Iran denies acquiring chemical weapons .", "status": "heuristic-candidate", "triage": "weak",
     "countries_in_sentence": ["IRN"]},
]
PLOVER = [
    {"dataset": "PLOVER_GSR", "id": "P1", "plover_event": "CONSULT", "mode": "visit", "eventex_type": "visit",
     "role_map": {"source_actor(s)": ["Iraqi President Saddam Hussein"], "target_actor(s)": ["Amman"],
                  "eventLoc": None},
     "triage": "plausible", "text": "Iraqi President Saddam Hussein arrived in Amman on Wednesday."},
    {"dataset": "PLOVER_GSR", "id": "P2", "plover_event": "SUPPORT", "mode": None, "eventex_type": "recognition",
     "role_map": {"source_actor(s)": ["Sri Lanka"], "target_actor(s)": ["Tehran"], "eventLoc": None},
     "triage": "related_only (diplomatic ties) - not a recognition event",
     "text": "Sri Lanka has established diplomatic ties with Iran."},
]


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_texts() -> list[str]:
    """Two short committed documents."""
    docs = sorted(corpus.load(ROOT / "corpora" / "test.jsonl"), key=lambda d: len(d.text))[:2]
    return [d.text for d in docs]


def test_pure_helpers() -> None:
    assert quality.detokenize("Iran 's reactor , the six - party talks ( `` now '' ) .") == (
        "Iran's reactor, the six-party talks (\"now\")."
    )
    assert quality.state_ids("North Korean leader in Moscow", {"North Korean": "PRK", "Moscow": "RUS"}.get) == {
        "PRK", "RUS"
    }
    assert speed.repeat_to(["a b c"] * 10, 100) == 4
    assert speed.head_with_words(["a b", "c d", "e f"], 3) == ["a b", "c d"]
    assert benchlib.words(speed.long_document(["a b c", "d e"], 7)) == 8
    assert [len(p) for p in speed.split_parts(["a b"] * 6, 3)] == [2, 2, 2]
    r = speed.rates(2.0, 4, 1000)
    assert r["words_per_s"] == 500.0 and r["docs_per_s"] == 2.0


def test_quality_smoke(default_extractor, tmp_path: Path) -> None:
    gold = sorted(corpus.load(ROOT / "corpora" / "test.jsonl"), key=lambda d: len(d.text))[:1]
    split = tmp_path / "gold.jsonl"
    split.write_text("".join(d.model_dump_json() + "\n" for d in gold), encoding="utf-8")
    shared = tmp_path / "shared"
    (shared / "data" / "conll2003").mkdir(parents=True)
    (shared / "data" / "conll2003" / "test.txt").write_text(CONLL, encoding="utf-8")
    _jsonl(shared / "data" / "geneva" / "eventex_candidates.jsonl", GENEVA)
    _jsonl(shared / "data" / "plover_gsr" / "eventex_candidates.jsonl", PLOVER)

    data = quality.run(
        shared=shared, systems=["shipped", "int8"], test_path=split, dev_path=split, samples=20,
        conll_systems=["shipped"], loader=lambda name: (default_extractor, 0.0),
    )
    assert set(data) >= {"stamp", "settings", "probe_sets", "systems", "int8_check"}
    assert data["probe_sets"]["geneva"]["used"] == 1 and data["probe_sets"]["geneva"]["excluded"] == {
        "arms_sale:weak": 1
    }
    assert data["probe_sets"]["plover_gsr"]["used"] == 1
    shipped = data["systems"]["shipped"]
    assert set(shipped) >= {"test", "dev", "conll", "probes", "load_seconds"}
    assert set(shipped["test"]["cis"]) == {"entities", "events", "arguments"}
    assert shipped["test"]["report"]["documents"] == 1
    assert shipped["conll"]["report"]["documents"] == 2
    assert "skipped" in data["systems"]["int8"]["conll"]
    groups = shipped["probes"]["groups"]
    assert groups["all/all"]["n"] == 2 and {"recall", "strict_recall", "recall_ci"} <= set(groups["all/all"])
    assert groups["dev/all"]["n"] == 1 and groups["untuned/all"]["n"] == 1  # GENEVA's train split is dev
    assert data["int8_check"]["drop_points"] == 0.0 and data["int8_check"]["passes"]

    missing = quality.run(shared=tmp_path / "absent", systems=[], test_path=split, dev_path=split, samples=0)
    assert all("skipped" in v for v in missing["probe_sets"].values())

    results = tmp_path / "bench" / "results"
    benchlib.write_json(results / "quality.json", data)
    md = render_results.render(results).read_text()
    assert "## Accuracy" in md and "GENEVA" in md and "Untuned sets only" in md
    assert (results / "f1_per_type.png").stat().st_size > 0


def test_speed_smoke(default_extractor, tiny_texts: list[str], tmp_path: Path) -> None:
    runner = speed.EventexRunner(default_extractor)
    run = runner.corpus_run(tiny_texts)
    assert run["docs"] == 2 and run["words_per_s"] > 0 and run["peak_rss_mb"] > 0
    assert set(run["stages"]) == {*speed.STAGES.values(), "linking"}
    extras = runner.extras(tiny_texts, scale_base_words=30, scale_factors=[1, 2], long_words=[200],
                           profile_texts=tiny_texts[:1])
    assert [p["factor"] for p in extras["scaling"]] == [1, 2]
    assert extras["long_documents"][0]["words"] >= 200 and "onnxruntime" in extras["profile"]
    extras["adversarial"] = runner.adversarial(0.05, factor=2, repeats=1, classes=("double_quotes", "country_list"))
    assert [r["input"] for r in extras["adversarial"]["inputs"]] == ["double_quotes", "country_list"]
    assert all(r["vs_prose"] > 0 and r["large"]["chars"] > r["small"]["chars"] for r in extras["adversarial"]["inputs"])

    sp, hf = speed.SpacyBaseline(), speed.HFBaseline()
    parts = speed.split_parts(tiny_texts, 2)
    rounds = []
    for r, part in enumerate(parts):
        rd = {"round": r + 1, "load_average_1min": 0.0, "single": run, "spacy": sp.run(part), "hf": hf.run(part)}
        rd["ratios"] = speed.round_ratios(rd)
        rounds.append(rd)
    assert {"eventex_over_spacy_full", "entity_stage_over_hf_pipeline"} <= set(rounds[0]["ratios"])
    settings = {"corpus_documents": 2, "corpus_words": run["words"], "repeats": 1, "fixed_corpus_words": run["words"],
                "batch_size": 16, "scale_base_words": 30, "jobs": 2}
    load = {"runs": [{"load_seconds": 1.0, "import_seconds": 0.1, "rss_mb": 500.0}], "load_seconds": 1.0,
            "import_seconds": 0.1, "rss_mb": 500.0, "profile": None}
    data: dict[str, Any] = {
        "stamp": benchlib.stamp(), "settings": settings, "targets_spec": speed.TARGETS, "load": load,
        "single": {**runner.info, "corpus": {**speed.summarise_runs([run]), "per_run": [run]},
                   "peak_rss_mb": run["peak_rss_mb"], **extras},
        "spacy": speed.summarise_parts(sp.info, [rd["spacy"] for rd in rounds]),
        "hf": speed.summarise_parts(hf.info, [rd["hf"] for rd in rounds]),
        "rounds": [{k: v for k, v in rd.items() if k != "single"} | {"single_words_per_s": run["words_per_s"]}
                   for rd in rounds],
    }
    data["ratios"] = speed.ratios(data)
    data["targets"] = speed.targets(data)
    assert {"words_per_s", "spacy_ratio", "load_s", "peak_rss_mb", "linear_16x", "long_document", "adversarial_8x",
            "adversarial_vs_prose"} <= set(data["targets"])
    assert {"eventex_over_hf_pipeline", "time_2x_over_1x"} <= set(data["ratios"])

    results = tmp_path / "bench" / "results"
    benchlib.write_json(results / "speed.json", data)
    md = render_results.render(results).read_text()
    assert "## Speed and cost" in md and "### Per stage" in md and "Rounds" in md and "### Adversarial inputs" in md
    assert (results / "throughput_scaling.png").stat().st_size > 0
    assert "whole pipeline" in (tmp_path / "bench" / "README_SUMMARY.md").read_text()


def test_install_summary_and_section(tmp_path: Path) -> None:
    """Sizes add up every file of a venv (a package's folders together); medians and targets reach RESULTS.md."""
    venvs = {}
    for name, packages in {"inference": {"onnxruntime": 3, "spacy": 2}, "train": {"torch": 8, "spacy": 2}}.items():
        site = tmp_path / name / "lib" / "python3.11" / "site-packages"
        for package, mib in packages.items():
            (site / package).mkdir(parents=True)
            (site / package / "lib.so").write_bytes(b"x" * (mib * 2**20 - 2**19))
            (site / f"{package}-1.0.dist-info").mkdir()
            (site / f"{package}-1.0.dist-info" / "RECORD").write_bytes(b"x" * 2**19)
        (tmp_path / name / "pyvenv.cfg").write_bytes(b"x" * 2**20)
        torch = name == "train"
        runs = [{"import_seconds": 0.2, "load_seconds": s, "load_cpu_seconds": s, "first_extract_seconds": 0.5,
                 "events": [{}] * 12, "torch_installed": torch, "torch_imported": torch, "load_average_1min": 1.0}
                for s in ((1.2, 1.4, 3.0) if name == "inference" else (2.5, 2.6, 2.7))]
        venvs[name] = install_bench.summarise(tmp_path / name, runs)
    inf = venvs["inference"]
    assert inf["size_mib"] == 6.0 and inf["largest_mib"] == {"onnxruntime": 3.0, "spacy": 2.0}
    assert inf["load_seconds"] == 1.4 and inf["events"] == 12 and not inf["torch_imported"]
    assert venvs["train"]["size_mib"] == 11.0 and venvs["train"]["torch_imported"]

    ins = {"stamp": benchlib.stamp(), "settings": {"runs": 3, "sample": "x.txt"}, "targets_spec": {"load_s": 1.5},
           "wheels": ["eventex-0.1.0-py3-none-any.whl"], "requirements": {"train": ["torch==2.13.0"]},
           "venvs": venvs, "same_events": True}
    results = tmp_path / "bench" / "results"
    benchlib.write_json(results / "install.json", ins)
    md = render_results.render(results).read_text()
    section = md[md.index("## Install"):]
    assert "| `eventex.load()` in a fresh process, s (median) | ≤ 1.5 | 1.40 | 2.60 | met |" in section
    assert "| installed size, MiB (every file of the venv) | without torch | 6 | 11 | met |" in section
    assert "the train extra adds torch 8" in section and "The machine was busy" not in section
    venvs["inference"]["load_seconds"] = 1.6
    venvs["train"]["runs"][0]["load_average_1min"] = venvs["inference"]["runs"][0]["load_average_1min"] = 99.0
    benchlib.write_json(results / "install.json", ins)
    md = render_results.render(results).read_text()
    assert "| ≤ 1.5 | 1.60 | 2.60 | missed |" in md and "The machine was busy" not in md  # median load: 1.0
    for run in venvs["inference"]["runs"] + venvs["train"]["runs"]:
        run["load_average_1min"] = 99.0
    benchlib.write_json(results / "install.json", ins)
    assert "The machine was busy (median 1-minute load average 99.0 on" in render_results.render(results).read_text()


def test_the_selection_simulation_refuses_a_model_trained_on_its_pool(tmp_path):
    import select_sim

    assert select_sim.trained_on_pool(ROOT / "models" / "eventex-ner") == "corpora/news/train.jsonl"
    (tmp_path / "manifest.json").write_text(json.dumps({"training": {"data": {"corpora/train.jsonl": 41}}}))
    assert select_sim.trained_on_pool(tmp_path) is None
    with pytest.raises(SystemExit, match="trained on the pool"):
        select_sim.main(["--out", str(tmp_path / "out")])
    with pytest.raises(SystemExit, match="no model at"):
        select_sim.main(["--start", str(tmp_path / "gone"), "--out", str(tmp_path / "out")])


def test_the_random_arm_of_the_selection_simulation_draws_the_selected_word_budget():
    import select_sim

    words = {f"d{i}": w for i, w in enumerate([100, 300, 50, 700, 20, 400, 250])}
    for seed in range(5):
        drawn = select_sim.random_draw(words, 600, seed)
        assert sum(words[i] for i in drawn) >= 600
        assert sum(words[i] for i in drawn) - max(words[i] for i in drawn) < 600 or len(drawn) == 1
        assert drawn == select_sim.random_draw(words, 600, seed) == sorted(set(drawn))
    assert len({tuple(select_sim.random_draw(words, 600, s)) for s in range(5)}) > 1


def test_the_mixed_selection_pool_reads_conll_documents_with_their_original_lines(tmp_path):
    import select_sim

    from eventex.corpus.conll import parse_conll

    source = CONLL + "\n-DOCSTART- -X- -X- O\n\n"  # an empty document at the end: no chunk
    chunks = select_sim.conll_chunks(source)
    docs = parse_conll(source)
    assert len(chunks) == len(docs) == 2
    assert [parse_conll(c)[0].text for c in chunks] == [d.text for d in docs]
    assert all(c.startswith("-DOCSTART-") and c.endswith("\n\n") for c in chunks)
    # the picked documents' lines, concatenated (the temporary training file), read back as those documents
    assert [d.text for d in parse_conll(chunks[1] + chunks[0])] == [docs[1].text, docs[0].text]
    path = tmp_path / "valid.txt"
    path.write_text(source, encoding="utf-8")
    sample = select_sim.conll_sample(path, 1, seed=0)
    ((doc_id, (text, lines)),) = sample.items()
    i = int(doc_id.removeprefix(select_sim.CONLL_PREFIX))
    assert (text, lines) == (docs[i].text, chunks[i]) and sample == select_sim.conll_sample(path, 1, seed=0)
    assert list(select_sim.conll_sample(path, 2, seed=3)) == ["conll-valid-000", "conll-valid-001"]
    with pytest.raises(SystemExit, match="between 1 and 2"):
        select_sim.conll_sample(path, 3, seed=0)
    (tmp_path / "manifest.json").write_text(json.dumps({"training": {"data": {"x/conll2003/valid.txt": 2}}}))
    assert select_sim.trained_on_pool(tmp_path) is None
    assert select_sim.trained_on_pool(tmp_path, mixed=True) == "x/conll2003/valid.txt"


def test_the_mixed_selection_design_renders_its_own_section():
    f1 = {"mean": 0.01, "ci": {"low": -0.01, "high": 0.03}, "selected_mean": 0.87, "random_mean": 0.86,
          "seeds_selected_better": 3}
    se: dict[str, Any] = {
        "stamp": None, "seeds_done": 4, "dev_documents": 64, "random_words_mean": 2600.0, "random_docs_mean": 11.0,
        "seconds": 100.0, "cpu_seconds": 90.0, "shipped_f1": {"entities": 0.84, "events": 0.77},
        "gain": {"entities": f1, "events": f1},
        "params": {"start": "build/eventex-ner-v3", "n": 6, "seeds": 4, "steps": 12, "lr": 5e-5, "batch_size": 16,
                   "diversity": 0.5, "bootstrap": 100},
        "pool": {"documents": 28, "mean_words": 306.6},
        "selected": {"ids": ["nc-11", "nb-15"], "words": 2500, "seconds": 12.0},
    }
    plain = "\n".join(render_results.select_section(se))
    assert "## Active selection (`make bench-select`)" in plain and "CoNLL" not in plain
    se["params"] |= {"mix_conll": 120, "mix_seed": 0, "conll": "../shared/data/conll2003/valid.txt"}
    se["pool"] |= {"documents": 148, "news": 28, "conll": 120, "news_mean_words": 306.6, "conll_mean_words": 230.0}
    se["selected"] |= {"news": 2, "conll": 0}
    se |= {"random_news_docs_mean": 2.5, "random_conll_docs_mean": 8.5}
    mixed = "\n".join(render_results.select_section(se))
    assert "## Active selection, mixed pool (`make bench-select-mixed`)" in mixed
    assert "(2 news, 0 CoNLL; 2,500 words)" in mixed and "11.0 documents (2.5 news, 8.5 CoNLL)" in mixed
    assert "| news dev entity F1 | 0.840 | 0.860 | 0.870 | +0.010 [-0.010, 0.030] | 3 of 4 |" in mixed
