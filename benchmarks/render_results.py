"""Render ``benchmarks/RESULTS.md``, ``benchmarks/README_SUMMARY.md`` and the PNG plots from the results JSON.

    python benchmarks/render_results.py [--results benchmarks/results]

Reads ``quality.json`` and ``speed.json`` (either may be missing); the Markdown goes next to the results
folder's parent (``benchmarks/``), the plots into the results folder.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import benchlib

NAMES = {"shipped": "eventex (shipped)", "spacy": "spaCy NER variant", "int8": "int8 variant"}
SHORT = {"shipped": "shipped", "spacy": "spaCy NER", "int8": "int8"}
COMMANDS = (
    "python benchmarks/quality.py --shared ../shared --out benchmarks/results   # make bench-quality",
    "python benchmarks/speed.py --out benchmarks/results                        # make bench-speed",
    "python benchmarks/ray_speed.py --out benchmarks/results                    # make bench-speed (Ray)",
    "python benchmarks/soak.py --out benchmarks/results                         # make bench-soak",
    "python benchmarks/install_bench.py --out benchmarks/results                # make bench-speed",
    "python benchmarks/gpu_head.py --out benchmarks/results                     # one-off, where a GPU is lent",
    "python benchmarks/select_sim.py --start build/eventex-ner-v3 --out benchmarks/results  # make bench-select",
    "python benchmarks/select_sim.py --start build/eventex-ner-v3 --mix-conll 120 --shared ../shared "
    "--out benchmarks/results  # make bench-select-mixed",
)


# --- formatting -------------------------------------------------------------------------------------------


def f3(x: float | None) -> str:
    """Three decimals, or a dash."""
    return "–" if x is None else f"{x:.3f}"


def ci(interval: Mapping[str, float] | None) -> str:
    """``[low, high]`` or empty."""
    return f" [{interval['low']:.3f}, {interval['high']:.3f}]" if interval else ""


def num(x: float | None, digits: int = 0) -> str:
    """A number with thousands separators."""
    return "–" if x is None else f"{x:,.{digits}f}"


def table(head: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """A Markdown table."""
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return [*out, ""]


def _systems(q: Mapping[str, Any]) -> list[str]:
    return list(q.get("systems", {}))


def _stamp_lines(label: str, stamp: Mapping[str, Any] | None) -> list[str]:
    if not stamp:
        return []
    m, g = stamp["machine"], stamp["git"]
    dirty = f" + {g['dirty_files']} uncommitted file(s)" if g.get("dirty_files") else ""
    load = ", ".join(str(x) for x in m.get("load_average", []))
    end = stamp.get("load_average_end")
    load_end = f"; at the end {', '.join(str(x) for x in end)}" if end else ""
    pk = m.get("packages", {})
    versions = ", ".join(f"{k} {v}" for k, v in pk.items() if v)
    return [
        f"- **{label}**: {stamp['date']}, commit `{(g.get('commit') or 'unknown')[:12]}`{dirty}",
        f"  - machine: {m['cpu']}, {m['usable_cpus']} usable of {m['logical_cpus']} logical CPUs, "
        f"{m['memory_gb']} GB RAM, {m['platform']}, Python {m['python']}",
        f"  - load average (1, 5, 15 min) at the start: {load}{load_end} (other work on the machine shows here)",
        f"  - {versions}",
    ]


# --- accuracy ---------------------------------------------------------------------------------------------


def _micro_rows(q: Mapping[str, Any], split: str = "test") -> list[list[str]]:
    rows = []
    for name in _systems(q):
        if split not in q["systems"][name]:
            continue
        rep = q["systems"][name][split]["report"]
        st = rep["status"]
        rows.append([
            NAMES.get(name, name),
            f3(rep["entities"]["micro"]["f1"]) + ci(rep["entities"]["f1_ci"]),
            f3(rep["events"]["micro"]["f1"]) + ci(rep["events"]["f1_ci"]),
            f3(rep["arguments"]["micro"]["f1"]) + ci(rep["arguments"]["f1_ci"]),
            f3(st["accuracy"]) + ci(st["accuracy_ci"]) + f" ({st['correct']}/{st['matched']})",
        ])
    return rows


def _group_table(q: Mapping[str, Any], part: str, key: str, title: str, split: str = "test") -> list[str]:
    names = [n for n in _systems(q) if split in q["systems"][n]]
    groups: list[str] = []
    for name in names:
        for g in q["systems"][name][split]["report"][part][key]:
            if g not in groups:
                groups.append(g)
    first = q["systems"][names[0]][split]["report"][part][key]
    rows = []
    for g in groups:
        gold = first[g]["tp"] + first[g]["fn"] if g in first else "–"
        cells: list[Any] = [g, gold]
        for name in names:
            s = q["systems"][name][split]["report"][part][key].get(g)
            interval = q["systems"][name][split]["cis"][part].get(g)
            cells.append(f"{f3(s['f1'])}{ci(interval)}" if s else "–")
        rows.append(cells)
    return [f"**{title}** (F1 [95% CI]; gold = gold items, i.e. tp + fn of the shipped system)", "",
            *table([title.split(" ")[0], "gold", *(SHORT.get(n, n) for n in names)], rows)]


def _conll_lines(q: Mapping[str, Any]) -> list[str]:
    rows, labels = [], ["PER", "ORG", "LOC", "MISC"]
    skipped = []
    for name in _systems(q):
        c = q["systems"][name].get("conll", {})
        if "report" not in c:
            skipped.append(f"{NAMES.get(name, name)}: {c.get('skipped', 'not run')}")
            continue
        e = c["report"]["entities"]
        m = e["micro"]
        rows.append([NAMES.get(name, name), f3(m["precision"]), f3(m["recall"]), f3(m["f1"]) + ci(e["f1_ci"]),
                     *(f3(e["by_label"].get(lab, {}).get("f1")) for lab in labels)])
    out = ["### CoNLL-2003 test (entity stage, external)", ""]
    if rows:
        docs = next(q["systems"][n]["conll"]["report"]["documents"] for n in _systems(q)
                    if "report" in q["systems"][n].get("conll", {}))
        out += [f"{docs} documents, whole pipeline; predicted labels mapped PERSON→PER, ORG→ORG, GPE/LOC→LOC, "
                "NORP/MISC→MISC (other labels dropped); strict spans. Out of domain (1996 Reuters, sports tables); "
                "spaCy's MISC is its EVENT, LAW, PRODUCT, WORK_OF_ART and LANGUAGE.", "",
                *table(["system", "P", "R", "F1 [95% CI]", *(f"F1 {x}" for x in labels)], rows)]
    out += [f"- skipped: {s}" for s in skipped]
    return [*out, ""]


def _probe_lines(q: Mapping[str, Any]) -> list[str]:
    out = ["### GENEVA and PLOVER probes (event recall, external)", ""]
    info = q.get("probe_sets", {})
    for ds, i in info.items():
        if "skipped" in i:
            out.append(f"- {ds}: skipped ({i['skipped']})")
        else:
            excl = ", ".join(f"{k} {v}" for k, v in i["excluded"].items()) or "none"
            used = ", ".join(f"{k} {v}" for k, v in i["used_by_type"].items())
            out.append(f"- {ds}: {i['used']} sentences used ({used}); {i['duplicates_dropped']} duplicates "
                       f"dropped; excluded by triage: {excl}")
    out += [
        "",
        "Candidates are heuristic mappings of other projects' annotations (not gold, not written here); only the "
        "ones triaged plausible are used (GENEVA visits are hand-checked; GENEVA arms/energy are "
        "`plausible_cross_border`, i.e. ≥ 2 countries in the sentence). *Type recall*: an event of the "
        "candidate's type is extracted from the sentence. *Strict*: and one of its core fillers (visit: visitor/"
        "destination, arms_sale: seller/buyer, energy_investment: investor/host_country) matches the candidate's "
        "filler of that role by state id or by text (whole-word containment). GENEVA text is detokenised first. "
        "Intervals are Wilson 95%. Since session 36 rules may be written from the misses of GENEVA's partial train "
        "split (`dev/all`); `untuned/all` (GENEVA val and test, PLOVER) is the measure no rule was written for.",
        "",
    ]
    names = [n for n in _systems(q) if "groups" in q["systems"][n].get("probes", {})]
    if not names:
        return out
    keys = list(q["systems"][names[0]]["probes"]["groups"])
    keys = sorted(keys, key=lambda k: (k.startswith("all/"), k.endswith("/all"), k))
    rows = []
    for k in keys:
        g0 = q["systems"][names[0]]["probes"]["groups"][k]
        cells: list[Any] = [k, g0["n"]]
        for n in names:
            g = q["systems"][n]["probes"]["groups"].get(k)
            cells.append(f"{f3(g['recall'])} / {f3(g['strict_recall'])}" if g else "–")
        rows.append(cells)
    out += table(["set/type", "n", *(f"{SHORT.get(n, n)} type / strict" for n in names)], rows)
    shipped = q["systems"][names[0]]["probes"]["groups"].get("all/all")
    if shipped:
        out += [f"All sets, {SHORT.get(names[0], names[0])}: type recall {f3(shipped['recall'])}"
                f"{ci(shipped['recall_ci'])}, strict {f3(shipped['strict_recall'])}{ci(shipped['strict_recall_ci'])}."]
        if (untuned := q["systems"][names[0]]["probes"]["groups"].get("untuned/all")):
            out[-1] += (f" Untuned sets only: type recall {f3(untuned['recall'])}{ci(untuned['recall_ci'])}, "
                        f"n = {untuned['n']}.")
        out.append("")
    return out


def _news_lines(q: Mapping[str, Any]) -> list[str]:
    news = q["settings"].get("news") or {}
    if "test" not in news:
        return []
    out = ["### News-style corpus (`corpora/news/`)", "",
           f"Articles written for the project in news styles (wire, readouts, trade press, interviews, machine "
           f"translation, round-ups): test {news.get('test', 0)} documents, dev {news.get('dev', 0)}. The test "
           "split was written and annotated before any rule was changed for it and is not tuned on.", ""]
    for split in ("test", "dev"):
        if split in news:
            out += [f"**news {split}**", "", *table(
                ["system", "entity F1", "event core-tuple F1", "argument F1", "status accuracy"],
                _micro_rows(q, f"news_{split}"))]
    out += _group_table(q, "events", "by_type", "Event type (core tuples, news test)", "news_test")
    return out


def _negative_lines(q: Mapping[str, Any]) -> list[str]:
    out = ["### False events on real sentences of other event types (external)", ""]
    for ds, i in q.get("negative_sets", {}).items():
        out.append(f"- {ds}: " + (f"skipped ({i['skipped']})" if "skipped" in i
                                  else f"{i['used']} of {i['eligible']} eligible sentences (fixed hash order)"))
    out += [
        "",
        "GENEVA val/test sentences none of whose annotated events is of a frame that could hold one of our events "
        "(travel, transfer, building, agreement, meeting, …), and WikiEvents dev/test sentences with no movement, "
        "transaction, contact or artifact event. *Rate*: the share of sentences from which eventex extracts any "
        "event (an upper bound: those data sets do not annotate every event). Wilson 95% intervals.",
        "",
    ]
    names = [n for n in _systems(q) if "groups" in q["systems"][n].get("negatives", {})]
    if not names:
        return out
    rows = []
    for k in q["systems"][names[0]]["negatives"]["groups"]:
        cells: list[Any] = [k, q["systems"][names[0]]["negatives"]["groups"][k]["n"]]
        for n in names:
            g = q["systems"][n]["negatives"]["groups"].get(k)
            cells.append(f"{f3(g['rate'])}{ci(g['rate_ci'])}" if g else "–")
        rows.append(cells)
    return [*out, *table(["set", "n", *(SHORT.get(n, n) for n in names)], rows), ""]


def quality_section(q: Mapping[str, Any]) -> list[str]:
    """The accuracy part of RESULTS.md."""
    s = q["settings"]
    out = [
        "## Accuracy (`make bench-quality`)",
        "",
        f"Corpus test split: {s['test_documents']} documents, {num(s['test_words'])} words; every system on the "
        f"same texts with the same scorer (`eventex.eval`); 95% percentile bootstrap over documents "
        f"({s['bootstrap_samples']} resamples, seed {s['seed']}).",
        "",
    ]
    out += table(["system", "entity F1", "event core-tuple F1", "argument F1", "status accuracy"], _micro_rows(q))
    out += [
        "Variants: (b) replaces only the transformer entity head by en_core_web_sm's NER (+ the domain patterns); "
        "(c) is the same head with dynamic int8 ONNX inference. The casing-features-off variant has no shipped "
        "model, so it is not run here (its training-time dev score is quoted below).",
        "",
    ]
    out += _group_table(q, "entities", "by_label", "Entity label")
    out += _group_table(q, "events", "by_type", "Event type (core tuples)")
    out += _group_table(q, "arguments", "by_type", "Event type (arguments)")
    out += ["![per-type F1](results/f1_per_type.png)", ""]
    chk = q.get("int8_check")
    if chk:
        verdict = "within" if chk["passes"] else "**over**"
        out += [
            "### int8 inference: dev entity F1",
            "",
            f"Dev split ({s['dev_documents']} documents): fp32 {f3(chk['dev_entity_f1']['fp32'])}, int8 "
            f"{f3(chk['dev_entity_f1']['int8'])}: a drop of **{chk['drop_points']:.2f} points**, {verdict} the "
            f"{chk['max_drop_points']}-point limit for shipping int8 (int8 "
            f"{'acceptable' if chk['passes'] else 'not acceptable'} by the model card's rule).",
            "",
        ]
        times = {n: q["systems"][n]["test"]["seconds"] for n in ("shipped", "int8") if n in q["systems"]}
        if len(times) == 2 and times["int8"]:
            out += [f"Test-split wall time in this run: fp32 {times['shipped']} s, int8 {times['int8']} s "
                    f"({times['shipped'] / times['int8']:.2f}× faster; whole pipeline).", ""]
    abl = q.get("casing_ablation")
    if abl:
        rows = [[r["run"], r["setting"], f3(r.get("dev_f1")), f3(r.get("conll_valid_f1"))] for r in abl]
        out += ["Casing-feature ablation (training time, quoted from `eventex.ner.card`, not re-run):", "",
                *table(["run", "setting", "dev entity F1", "CoNLL valid F1"], rows)]
    out += _news_lines(q)
    out += _conll_lines(q)
    out += _probe_lines(q)
    out += _negative_lines(q)
    return out


# --- speed ------------------------------------------------------------------------------------------------


def _rate_row(name: str, r: Mapping[str, Any] | None, note: str = "") -> list[str]:
    if not r or "words_per_s" not in r:
        return [name, "–", "–", "–", (r or {}).get("skipped", note)]
    secs = r.get("seconds")
    runs = ", ".join(f"{x:.1f}" for x in secs) if isinstance(secs, list) else ""
    if "per_part" in r:
        runs = ", ".join(f"{p['seconds']:.1f}" for p in r["per_part"]) + " (parts)"
    return [name, num(r["words_per_s"]), num(r["docs_per_s"], 2), runs, note]


def speed_section(sp: Mapping[str, Any], q: Mapping[str, Any] | None = None) -> list[str]:
    """The speed part of RESULTS.md."""
    s, single = sp["settings"], sp["single"]
    corpus = single["corpus"]
    out = [
        "## Speed and cost (`make bench-speed`)",
        "",
        f"Fixed corpus: the committed corpus ({s['corpus_documents']} documents, {num(s['corpus_words'])} words) "
        f"× {s['repeats']} = {num(s['fixed_corpus_words'])} words; each repeat is one timed run and the tables "
        f"give medians over the {s['repeats']} runs. Batch size {s['batch_size']}. All numbers of one table "
        "come from the same invocation; compare ratios rather than absolute numbers across machines or days.",
        "",
        "### Targets",
        "",
    ]
    rows = []
    for k, t in sp["targets"].items():
        rows.append([target_label(k, s["jobs"]), t["target"], fmt_value(k, t["value"]),
                     "met" if t["met"] else "**missed**"])
    out += table(["target / expectation", "wanted", "measured", ""], rows)
    jobs = sp.get("jobs", {})
    rows = [
        _rate_row("eventex, whole pipeline, 1 process", corpus),
        _rate_row(f"eventex, whole pipeline, --jobs {s['jobs']}", jobs,
                  f"workers loaded first ({jobs.get('startup_seconds', '–')} s)" if jobs else ""),
        _rate_row("en_core_web_sm, full pipeline", sp.get("spacy"), "the committed corpus once, a third per round"),
        _rate_row("HF pipeline(token-classification), same encoder", sp.get("hf"),
                  "the committed corpus once, a third per round"),
    ]
    if "cli" in sp:
        c = sp["cli"]
        rows.append(_rate_row(f"`eventex extract --jobs {c['jobs']}` (CLI, end to end)", c,
                              "start-up and loading included"))
    out += ["### Throughput", "", *table(["what", "words/s", "docs/s", "seconds per run / part", "note"], rows)]
    ratio_names = {
        "jobs_over_single": f"--jobs {s['jobs']} / 1 process",
        "jobs_over_one_worker": f"--jobs {s['jobs']} / 1 worker with the same threads",
        "eventex_over_spacy_full": "eventex / en_core_web_sm full pipeline",
        "eventex_over_hf_pipeline": "eventex / HF token-classification pipeline",
        "entity_stage_over_hf_pipeline": "eventex entity stage alone / HF pipeline",
        "document_stage_over_spacy_full": "eventex document stage (spaCy, no NER) / en_core_web_sm full",
    }
    rounds = sp.get("rounds", [])
    rows = []
    for k, label in ratio_names.items():
        if k in sp.get("ratios", {}):
            per_round = ", ".join(f"{rd['ratios'][k]:.2f}" for rd in rounds if k in rd["ratios"])
            rows.append([label, f"**{sp['ratios'][k]:.2f}×**", per_round])
    out += ["Ratios of words/s, taken within each round (so that both sides ran under the same background load); "
            "the median over rounds:", "", *table(["ratio", "median", "per round"], rows)]
    rows = [[rd["round"], rd["load_average_1min"], num(rd["single_words_per_s"]), num(rd.get("single_cpu_per_wall"), 2),
             num(rd.get("jobs", {}).get("words_per_s")), num(rd.get("jobs", {}).get("cpu_per_wall"), 2),
             num(rd.get("spacy", {}).get("words_per_s")), num(rd.get("hf", {}).get("words_per_s"))] for rd in rounds]
    out += ["Rounds (words/s). The 1-minute load average before each round shows the other work on the machine; "
            "*CPU/wall* is the CPU seconds our process(es) got per wall-clock second (2.0 = both cores): where "
            f"--jobs {s['jobs']} gets no more CPU than one process, the machine had no spare core to give it.", "",
            *table(["round", "load avg", "1 process", "CPU/wall", f"--jobs {s['jobs']}", "CPU/wall",
                    "en_core_web_sm (⅓)", "HF (⅓)"], rows)]
    rows = []
    for k, v in corpus["stages"].items():
        label = {"linking": "linking (resolver + normaliser + linker)"}.get(k, k)
        rows.append([label, f"{v['seconds']:.2f}", f"{v['share'] * 100:.1f}%", num(v["words_per_s"]),
                     num(v["docs_per_s"], 2)])
    out += [f"### Per stage (1 process, medians of {corpus['runs']} runs of {num(corpus['words'])} words)", "",
            "Each stage is timed inside the real `Extractor.pipe` (its own stage objects, wrapped with timers); "
            "words/s of a stage = words / seconds spent in that stage. The parse and the entity head run at the "
            "same time (two threads, see `Extractor.waves`), and a batch's linking runs while the next batch is "
            "parsed, so their seconds overlap and the shares add up to more than 100%.", "",
            *table(["stage", "seconds", "share", "words/s", "docs/s"], rows)]
    load = sp["load"]
    load_runs = ", ".join(f"{r['load_seconds']:.2f}" for r in load["runs"])
    out += [
        "### Load time and memory",
        "",
        f"- `eventex.load()` in a fresh process (the single-process child's own load included): median "
        f"**{load['load_seconds']:.2f} s** over {len(load['runs'])} runs ({load_runs}); `import eventex` "
        f"{load['import_seconds']:.2f} s. The ONNX export is cached in `~/.cache/eventex` (first load only).",
        f"- Peak RSS, 1 process: {num(single['rss_after_load_mb'])} MiB after load, **{num(single['peak_rss_mb'])}"
        f" MiB** after the fixed-corpus runs, {num(single.get('peak_rss_after_long_mb'))} MiB after the long "
        "document.",
    ]
    if jobs.get("worker_peak_rss_mb"):
        out.append(f"- --jobs {s['jobs']}: worker peak RSS "
                   f"{', '.join(num(x) for x in jobs['worker_peak_rss_mb'])} MiB (plus the parent).")
    out.append("")
    rows = []
    base = single.get("scaling", [{}])[0]
    base_s = benchlib.median(base.get("seconds", [])) if base else 0
    for p in single.get("scaling", []):
        med = benchlib.median(p["seconds"])
        rows.append([f"{p['factor']}×", p["docs"], num(p["words"]), f"{med:.2f}", num(p["words_per_s"]),
                     f"{med / base_s:.2f} (ideal {p['factor'] / base['factor']:.0f})" if base_s else "–"])
    for d in single.get("long_documents", []):
        rows.append(["one long document", 1, num(d["words"]), f"{d['seconds'][0]:.2f}", num(d["words_per_s"]),
                     f"{d['words_per_s'] / corpus['words_per_s']:.2f}× the corpus words/s"])
    out += ["### How the cost grows", "",
            f"Base for 1×: the first committed documents with ≥ {num(s['scale_base_words'])} words (a small base, "
            "so that 16× fits the time budget; points under 2,000 words are the median of 3 runs, the others one "
            "run). The long "
            "document is the corpus texts joined until it has the target number of words (processed in windows).",
            "", *table(["input", "docs", "words", "seconds", "words/s", "time / 1×"], rows)]
    for d in single.get("long_documents", []):
        st = ", ".join(f"{k} {v['seconds']:.1f} s ({v['per_word_vs_corpus']:.1f}×)"
                       for k, v in long_stage_costs(d, corpus).items())
        out += [f"Long document ({num(d['words'])} words, {num(d['chars'])} characters) by stage, with the cost "
                f"per word relative to the corpus runs (1.0× = linear): {st}.", ""]
    out += ["![throughput vs corpus size](results/throughput_scaling.png)", ""]
    out += adversarial_lines(single.get("adversarial"))
    out += missed_section(sp, q)
    return out


def adversarial_lines(adv: Mapping[str, Any] | None) -> list[str]:
    """The adversarial suite's table (none when it did not run)."""
    if not adv:
        return []
    rows = []
    for r in adv["inputs"]:
        stages = r["large"]["stages"]
        slowest = max(stages, key=stages.get) if stages else "–"
        rows.append([r["input"], num(r["small"]["chars"]), num(r["large"]["chars"]), num(r["small"]["chars_per_s"]),
                     num(r["large"]["chars_per_s"]), f"{r['rate_ratio']:.2f}", f"{r['vs_prose']:.2f}", slowest])
    prose = adv["prose"]
    return ["### Adversarial inputs", "",
            f"Each hostile input of `benchmarks/adversarial.py` at 1× and {adv['factor']}× its size, as one "
            f"document, best of {adv['repeats']} runs. Rates are in characters per second, since whitespace words "
            "mean nothing here (100,000 full stops are one word). Prose: the committed test split cut to "
            f"{num(prose['chars'])} characters, {num(prose['chars_per_s'])} chars/s in the same process.", "",
            *table(["input", "chars 1×", f"chars {adv['factor']}×", "chars/s 1×", f"chars/s {adv['factor']}×",
                    f"{adv['factor']}× / 1×", "÷ prose", f"slowest stage at {adv['factor']}×"], rows), ""]


TARGET_LABELS = {
    "words_per_s": "whole pipeline, words/s, 1 process",
    "spacy_ratio": "whole pipeline / en_core_web_sm full pipeline, words/s (median of round ratios)",
    "jobs_speedup": "--jobs {jobs} / 1 process (median of round ratios)",
    "process_scaling": "--jobs {jobs} / 1 worker with the same threads per worker",
    "load_s": "model load, s (eventex.load(), fresh process)",
    "peak_rss_mb": "peak RSS, MiB (1 process, fixed corpus)",
    "peak_rss_long_mb": "peak RSS, MiB (1 process, after the long document)",
    "linear_16x": "linear cost: words/s at 16× / at 1×",
    "long_document": "no blow-up: words/s on the long document / corpus",
    "adversarial_8x": "adversarial inputs: chars/s at 8× / at 1× (the worst input)",
    "adversarial_vs_prose": "adversarial inputs: chars/s at 8× / prose chars/s (the worst input)",
}


def target_label(key: str, jobs: int = 2) -> str:
    """A readable name of a target."""
    return TARGET_LABELS.get(key, key).format(jobs=jobs)


def fmt_value(key: str, value: float) -> str:
    """A target's measured value."""
    keys = ("jobs_speedup", "process_scaling", "load_s", "linear_16x", "long_document", "spacy_ratio",
            "adversarial_8x", "adversarial_vs_prose")
    return num(value, 2) if key in keys else num(value)


def long_stage_costs(doc: Mapping[str, Any], corpus: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """Seconds per stage on a long document and its cost per word relative to the corpus runs."""
    out = {}
    for k, v in doc["stages"].items():
        if k == "linking":
            continue
        base = corpus["stages"][k]["seconds"] / corpus["words"] if corpus["words"] else 0.0
        per_word = v["seconds"] / doc["words"] if doc["words"] else 0.0
        out[k] = {"seconds": v["seconds"], "per_word_vs_corpus": per_word / base if base else 0.0}
    return out


def throughput_next_step(sp: Mapping[str, Any], q: Mapping[str, Any] | None) -> str:
    """What to try next for single-process throughput, from this run's numbers."""
    st = sp["single"]["corpus"]["stages"]
    ent, doc = st["entities"], st["document"]
    parts = [f"Next step (throughput): the entity head is {ent['share'] * 100:.0f}% of the time and most of it is "
             "onnxruntime's `run` (profile above), so the encoder is where the gain is."]
    chk = (q or {}).get("int8_check")
    times = {n: (q or {}).get("systems", {}).get(n, {}).get("test", {}).get("seconds") for n in ("shipped", "int8")}
    if chk and times["shipped"] and times["int8"]:
        speed = times["shipped"] / times["int8"]
        if chk["passes"]:
            parts.append(f"(1) int8, already the default (runtime `auto`), is {speed:.2f}× faster than fp32 (whole "
                         f"pipeline, test split) for a dev entity F1 drop of {chk['drop_points']:.2f} points, within "
                         "the 0.5-point rule.")
        else:
            parts.append(f"(1) int8 makes the whole pipeline {speed:.2f}× faster (test split) but costs "
                         f"{chk['drop_points']:.2f} points of dev entity F1, over the 0.5-point rule: try per-channel "
                         "weights (`quantize_dynamic(..., per_channel=True)`) and keeping the classifier in fp32 "
                         "(`nodes_to_exclude`), then re-check the rule.")
    parts.append("(2) Encode fewer tokens: done in session 16 (the head packs whole sentences into its windows, "
                 "about 1.0× the text's tokens where overlapping 256-token windows encoded about 1.34×); what "
                 "remains is a smaller encoder (`make train-fast`: 3 layers, a few points of news F1).")
    hf = sp.get("ratios", {}).get("entity_stage_over_hf_pipeline")
    if hf is not None:
        if hf < 1:
            parts.append(f"(3) The entity stage alone runs at {hf:.2f}× the words/s of the plain HF torch pipeline "
                         "over the same encoder and windows: check the onnxruntime session (graph optimisation "
                         "level, thread count, the ONNX export's attention graph) against torch before anything "
                         "else.")
        else:
            parts.append(f"(3) The entity stage alone already runs at {hf:.2f}× the HF torch pipeline over the same "
                         "encoder and windows, so the runtime itself is not the problem.")
    parts.append(f"(4) Even with a free head, the document stage ({num(doc['words_per_s'])} words/s alone) caps the "
                 "pipeline near that rate: parse only the sentences that contain a trigger candidate (the linker "
                 "reads nothing else), or drop the lemmatizer if the trigger lexicon can match on forms.")
    parts.append("(5) Tried in session 18, one-off: the ONNX graph fused by onnxruntime's transformer optimizer (6 "
                 "Attention, 6 BiasGelu, 12 SkipLayerNormalization nodes), then quantised the same way, ran the "
                 "head's forward passes no faster within noise (1 thread 4,336-4,826 vs 5,040-5,073 words/s; 2 "
                 "threads 7,874-8,179 vs 7,081-8,261), and 128-piece windows no faster than 256. Alone, the forward "
                 "pass runs about 5,000 words/s on 1 thread and the whole head stage about 3,900 (its Python steps "
                 "take the rest); the parse, the linker and those steps all hold the GIL, about 0.26 ms a word "
                 "together, which alone caps one process near 3,900 words/s.")
    parts.append("(6) Done in session 47: spaCy's models multiplied with thinc's bundled blis, which ran at 19 "
                 "GFLOP/s on this machine against 74 for numpy's BLAS on one thread; they now use numpy's (same "
                 "annotations), and spaCy alone went from about 5.0 to 2.4-3.3 s on the committed corpus. In the "
                 "whole pipeline, an in-process A/B over 6 paired rounds gave 2,072 vs 1,921 words/s (median; faster "
                 "in 5 of 6). Letting onnxruntime's idle threads spin was slower (1,793 vs 1,994 words/s, 5 rounds).")
    parts.append("(7) Done in session 49: the head's forward passes run one per core at the same time, each on one "
                 "thread, where one pass at a time was split over all cores (whose threads wait for each other at "
                 "every layer, and for the parse's core); same output. The forward passes alone: 5,025-5,747 vs "
                 "3,865-4,773 words/s (3 paired rounds); the whole pipeline, in-process A/B over 4 paired rounds: "
                 "2,556 vs 2,185 words/s (median; 1.12-1.20x in every round), with 27-29 vs 29-33 CPU-s. Then each "
                 "text is decoded as soon as its own passes are back, while the later texts' passes run (the "
                 "decoding had waited for the whole batch, leaving the lanes idle): 2,585 vs 2,417 words/s (4 "
                 "paired rounds, 1.05-1.09x in every round).")
    return " ".join(parts)


def jobs_next_step(sp: Mapping[str, Any]) -> str:
    """Why --jobs did not scale, from the CPU the processes got, and what to try."""
    cores = sp["stamp"]["machine"].get("usable_cpus") or 2
    jobs_n = sp["settings"]["jobs"]
    lines = []
    for rd in sp.get("rounds", []):
        one, many = rd.get("single_cpu_per_wall"), rd.get("jobs", {}).get("cpu_per_wall")
        if one and many:
            measured = rd["ratios"].get("jobs_over_single", 0.0)
            lines.append(f"round {rd['round']}: 1 process {one:.2f}, {jobs_n} workers {many:.2f} CPU-s/s "
                         f"(ceiling {min(jobs_n, cores) / one:.2f}×, measured {measured:.2f}×)")
    head = f"**--jobs {jobs_n}**: " + "; ".join(lines) + ". " if lines else ""
    if lines:
        head += (f"On {cores} cores the speed-up can be at most {cores} ÷ (the cores one process already keeps busy): "
                 "one eventex process runs a forward pass on each core at once, so it already uses more than one "
                 "core whenever the machine is free, and when other work takes a core neither gets more. The 1.7× "
                 "target presumes a one-core single process; it is not reachable on 2 cores as eventex is set up. ")
    return head + NEXT_STEPS["jobs"]


def load_next_step(sp: Mapping[str, Any]) -> str:
    """What to try next for the load time, from this run's load profile."""
    prof = sp["load"].get("profile") or ""

    def cum(pattern: str) -> float | None:
        for line in prof.splitlines():
            if pattern in line:
                return float(line.split()[3])
        return None

    parts = ["Next step (load):"]
    torch_s, spacy_s = cum("torch/__init__.py:1(<module>)"), cum("spacy/__init__.py:1(<module>)")
    if torch_s:
        inside = f", inside {spacy_s:.1f} s for importing spaCy" if spacy_s else ""
        parts.append(f"importing spaCy imports thinc, which imports torch when it is installed ({torch_s:.1f} s of "
                     f"the profiled load{inside}); the ONNX path needs no torch, so moving torch to the `train` "
                     "extra (and shipping the ONNX export with the model) removes that import and its memory.")
    hf_s = cum("transformers/__init__.py:1(<module>)")
    if hf_s:
        parts.append(f"`transformers` is imported at load ({hf_s:.1f} s): use the `tokenizers` library directly.")
    sha_s = cum("(sha256)")
    if sha_s and sha_s > 0.2:
        parts.append(f"Hashing the weights takes {sha_s:.1f} s per load: verify once and cache the digest by size "
                     "and mtime.")
    parts.append("Then load spaCy with only the components the linker reads.")
    return " ".join(parts)


def missed_section(sp: Mapping[str, Any], q: Mapping[str, Any] | None = None) -> list[str]:
    """Profiles and next steps for every missed target."""
    missed = [k for k, t in sp["targets"].items() if not t["met"]]
    if not missed:
        return ["All targets met.", ""]
    corpus = sp["single"]["corpus"]
    st = corpus["stages"]
    out = ["### Missed targets: profiles and next steps", ""]
    if "words_per_s" in missed or "jobs_speedup" in missed:
        ent, doc = st["entities"], st["document"]
        out += [
            f"**Throughput** ({num(corpus['words_per_s'])} words/s vs {sp['targets']['words_per_s']['target']}). "
            "The entity head takes "
            f"{ent['share'] * 100:.0f}% of the pipeline time ({num(ent['words_per_s'])} words/s on its own) and "
            f"the spaCy parse {doc['share'] * 100:.0f}% ({num(doc['words_per_s'])} words/s); linking is "
            f"{st['linking']['share'] * 100:.0f}%. Even with the head free, the document stage alone would cap "
            f"the pipeline near {num(doc['words_per_s'])} words/s.",
            "",
        ]
        prof = sp["single"].get("profile")
        if prof:
            out += [f"cProfile of the pipeline on the dev split ({num(sp['single'].get('profile_words'))} words), "
                    "top 15 by own time:", "", "```", prof, "```", ""]
        out += [throughput_next_step(sp, q), ""]
    if "jobs_speedup" in missed:
        out += [jobs_next_step(sp), ""]
    if "load_s" in missed:
        prof = sp["load"].get("profile")
        if prof:
            out += ["**Load time**: cProfile of `import eventex; eventex.load()` in a fresh process, top 15 by "
                    "cumulative time (import-machinery frames left out):", "", "```", prof, "```", ""]
        out += [load_next_step(sp), ""]
    if "peak_rss_mb" in missed or "peak_rss_long_mb" in missed:
        out += [NEXT_STEPS["rss"], ""]
    if "long_document" in missed or "linear_16x" in missed:
        out += [blowup_note(sp), ""]
    for key in ("adversarial_8x", "adversarial_vs_prose"):
        if key in missed:
            t = sp["targets"][key]
            out += [f"**{target_label(key)}**: {t['value']:.2f} on `{t['input']}` (see its row under Adversarial "
                    "inputs for the stage that grows).", ""]
    return out


def blowup_note(sp: Mapping[str, Any]) -> str:
    """Which stage grows faster than linearly on the long document, and the next step."""
    corpus = sp["single"]["corpus"]
    notes = []
    for d in sp["single"].get("long_documents", []):
        costs = long_stage_costs(d, corpus)
        worst = max(costs, key=lambda k: costs[k]["per_word_vs_corpus"])
        notes.append(f"on the {num(d['words'])}-word document the {worst} stage costs "
                     f"{costs[worst]['per_word_vs_corpus']:.1f}× per word what it costs on the corpus "
                     f"({costs[worst]['seconds']:.0f} s)")
    head = "**Long documents**: " + "; ".join(notes) + "." if notes else "**Scaling**:"
    return head + " " + NEXT_STEPS["blowup"]


NEXT_STEPS = {
    "jobs": (
        "Workers already load with `cores // jobs` inference threads (`eventex.parallel.worker_threads`). Next step "
        "(--jobs): re-measure on an idle machine with more cores, and restate the target as throughput per core "
        "or against a one-thread single process."
    ),
    "rss": (
        "Next step (memory): the peak grows with the longest document (the whole spaCy `Doc` and all of its "
        "windows are held at once); on the fixed corpus it stays under the target. Cap memory by reading very "
        "long texts in sections (e.g. 10,000-word pieces cut at paragraph breaks, offsets shifted back), which "
        "also bounds the linker's cost below."
    ),
    "blowup": (
        "The linker scans every entity/token of the document for each trigger candidate (list comprehensions "
        "in `eventex/linking/`), so its cost per word grows with the document's length: index "
        "entities by sentence (or token offset) once per document and look candidates up in the trigger's "
        "sentence and its neighbours."
    ),
}


# --- plots ------------------------------------------------------------------------------------------------


def plot_f1(q: Mapping[str, Any], path: Path) -> Path:
    """Grouped bars with 95% CIs: entity F1 per label, event core-tuple F1 and argument F1 per type."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = _systems(q)
    parts = [("entities", "by_label", "Entity F1 per label"), ("events", "by_type", "Event core-tuple F1 per type"),
             ("arguments", "by_type", "Argument F1 per type")]
    fig, axes = plt.subplots(1, 3, figsize=(17, 4.8), gridspec_kw={"width_ratios": [2.2, 1, 1]})
    width = 0.8 / max(len(names), 1)
    for ax, (part, key, title) in zip(axes, parts, strict=True):
        groups = list(q["systems"][names[0]]["test"]["report"][part][key]) if names else []
        for i, name in enumerate(names):
            rep = q["systems"][name]["test"]["report"][part][key]
            cis = q["systems"][name]["test"]["cis"][part]
            ys = [rep.get(g, {}).get("f1", 0.0) for g in groups]
            lo = [max(0.0, y - cis[g]["low"]) if g in cis else 0.0 for g, y in zip(groups, ys, strict=True)]
            hi = [max(0.0, cis[g]["high"] - y) if g in cis else 0.0 for g, y in zip(groups, ys, strict=True)]
            xs = [j + (i - (len(names) - 1) / 2) * width for j in range(len(groups))]
            ax.bar(xs, ys, width, yerr=[lo, hi], capsize=2, label=SHORT.get(name, name))
        ax.set_xticks(range(len(groups)), groups, rotation=30, ha="right", fontsize=8)
        ax.set_ylim(0, 1.05)
        ax.set_title(title)
        ax.grid(axis="y", alpha=0.3)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper right", ncol=len(names), fontsize=9)
    fig.suptitle("Corpus test split (95% bootstrap CIs)")
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_scaling(sp: Mapping[str, Any], path: Path) -> Path:
    """Seconds and words/s against input size: the 1×/4×/16× runs, the corpus runs and the long documents."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    single = sp["single"]
    pts = [(p["words"], benchlib.median(p["seconds"]), f"{p['factor']}×") for p in single.get("scaling", [])]
    corpus = single["corpus"]
    longs = [(d["words"], d["seconds"][0], "1 long doc") for d in single.get("long_documents", [])]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    if pts:
        a.plot([w for w, _, _ in pts], [s for _, s, _ in pts], "o-", label="1×, 4×, 16× base (many documents)")
        w0, s0, _ = pts[0]
        top = max([w for w, _, _ in pts] + [w for w, _, _ in longs] + [corpus["words"]])
        a.plot([0, top], [0, top * s0 / w0], ":", color="grey", label="linear from 1×")
        b.plot([w for w, _, _ in pts], [w / s for w, s, _ in pts], "o-", label="1×, 4×, 16× base")
        for w, s, lab in pts:
            a.annotate(lab, (w, s), textcoords="offset points", xytext=(4, -10), fontsize=8)
    cw, cs = corpus["words"], benchlib.median(corpus["seconds"])
    a.plot([cw], [cs], "s", label="committed corpus (median run)")
    b.plot([cw], [cw / cs], "s", label="committed corpus")
    if longs:
        a.plot([w for w, _, _ in longs], [s for _, s, _ in longs], "^", label="one long document")
        b.plot([w for w, _, _ in longs], [w / s for w, s, _ in longs], "^", label="one long document")
    a.set_xlabel("words")
    a.set_ylabel("seconds")
    a.set_title("Time vs input size (1 process)")
    a.legend(fontsize=8)
    b.set_xlabel("words")
    b.set_ylabel("words / s")
    target = sp["targets_spec"]["words_per_s"]
    b.axhline(target, color="red", ls="--", lw=1, label="target (1 process)")
    b.set_ylim(0, max(b.get_ylim()[1], target) * 1.08)
    b.set_title("Throughput vs input size")
    b.legend(fontsize=8)
    for ax in (a, b):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


# --- summary and main -------------------------------------------------------------------------------------


def summary_lines(q: Mapping[str, Any] | None, sp: Mapping[str, Any] | None) -> list[str]:
    """The README summary tables."""
    out = []
    if q:
        names = _systems(q)
        rows = []
        for label, get in (
            ("entity F1 (test)", lambda r: (r["test"]["report"]["entities"]["micro"]["f1"],
                                            r["test"]["report"]["entities"]["f1_ci"])),
            ("event core-tuple F1 (test)", lambda r: (r["test"]["report"]["events"]["micro"]["f1"],
                                                      r["test"]["report"]["events"]["f1_ci"])),
            ("argument F1 (test)", lambda r: (r["test"]["report"]["arguments"]["micro"]["f1"],
                                              r["test"]["report"]["arguments"]["f1_ci"])),
            ("status accuracy (test)", lambda r: (r["test"]["report"]["status"]["accuracy"],
                                                  r["test"]["report"]["status"]["accuracy_ci"])),
            ("CoNLL-2003 test entity F1", lambda r: (r["conll"]["report"]["entities"]["micro"]["f1"],
                                                     r["conll"]["report"]["entities"]["f1_ci"])
             if "report" in r.get("conll", {}) else (None, None)),
            ("GENEVA+PLOVER event recall", lambda r: (r["probes"]["groups"]["all/all"]["recall"],
                                                      r["probes"]["groups"]["all/all"]["recall_ci"])
             if "groups" in r.get("probes", {}) else (None, None)),
            ("false-event rate, real sentences of other types", lambda r: (
                r["negatives"]["groups"]["all"]["rate"], r["negatives"]["groups"]["all"]["rate_ci"])
             if "groups" in r.get("negatives", {}) else (None, None)),
            ("news test: event core-tuple F1", lambda r: (r["news_test"]["report"]["events"]["micro"]["f1"],
                                                          r["news_test"]["report"]["events"]["f1_ci"])
             if "news_test" in r else (None, None)),
            ("news test: argument F1", lambda r: (r["news_test"]["report"]["arguments"]["micro"]["f1"],
                                                  r["news_test"]["report"]["arguments"]["f1_ci"])
             if "news_test" in r else (None, None)),
            ("news test: status accuracy", lambda r: (r["news_test"]["report"]["status"]["accuracy"],
                                                      r["news_test"]["report"]["status"]["accuracy_ci"])
             if "news_test" in r else (None, None)),
        ):
            cells = []
            for n in names:
                v, interval = get(q["systems"][n])
                cells.append(f"{f3(v)}{ci(interval)}" if v is not None else "–")
            rows.append([label, *cells])
        out += table(["accuracy (95% CI)", *(SHORT.get(n, n) for n in names)], rows)
    if sp:
        t = sp["targets"]
        jobs = sp["settings"]["jobs"]
        rows = [[target_label(k, jobs), v["target"], fmt_value(k, v["value"]), "met" if v["met"] else "missed"]
                for k, v in t.items()]
        out += table(["speed (2 cores)", "target", "measured", ""], rows)
    if out:
        out += ["Details, machine and method: `benchmarks/RESULTS.md` (`make bench`)."]
    return out


def ray_section(r: Mapping[str, Any]) -> list[str]:
    """The Ray engine part of RESULTS.md (``benchmarks/ray_speed.py``)."""
    s, m, t = r["settings"], r["medians"], r["target"]
    names = {"jobs": "local `--jobs 2`", "ray_2": "Ray, 2 actors", "ray_1": "Ray, 1 actor"}
    rows = [[names[k], num(v["words_per_s"]), num(v["steady_words_per_s"]), f"{v['seconds']:.1f}",
             f"{v['first_batch_s']:.1f}"] for k, v in m.items() if k in names]
    ratios = m["ratios"]
    loads = ", ".join(str(rd["load_average_1min"]) for rd in r["rounds"])
    same = all(rd["identical_output"] for rd in r["rounds"])
    serial = r.get("serial_stage")
    nodes = "; ".join(f"{c['nodes']}: {num(c['words_per_s'])}" + (" (serial stage)" if c["limited_by"] ==
                                                                   "serial stage" else "")
                      for c in r["cluster"]["nodes"])
    out = [
        "## Ray engine (`make bench-speed`: `benchmarks/ray_speed.py`)", "", *_stamp_lines("Ray run", r["stamp"]), "",
        f"{s['corpus']} ({s['docs']:,} documents, {num(s['words'])} words), JSONL in and out, {s['model']} model, "
        f"batch size {s['batch_size']}; one local Ray of {s['cpus']} CPUs (started once, in "
        f"{r['ray_init_seconds']} s, not counted); {s['rounds']} interleaved rounds (1-minute load average at each: "
        f"{loads}). Times run from the call to the last file, worker start and model load included; *steady* counts "
        "only what came after the first batch. Medians over rounds; the ratios are medians of within-round ratios. "
        f"Ray's output {'was' if same else '**was not**'} the `--jobs 2` output byte for byte in every round.", "",
        *table(["engine", "words/s end to end", "words/s steady", "seconds", "first batch after (s)"], rows),
        *table(["ratio", "end to end", "steady"], [
            [label, f"{ratios.get(k, 0):.3f}", f"{ratios.get(k + '_steady', 0):.3f}"]
            for k, label in (("ray_over_jobs", "Ray 2 actors ÷ `--jobs 2`"), ("ray_1_over_jobs", "Ray 1 actor ÷ "
                             "`--jobs 2`"), ("ray_2_over_ray_1", "Ray 2 actors ÷ 1 actor"))]),
        "Per round, Ray 2 actors ÷ `--jobs 2` end to end / steady (1-minute load average): " + "; ".join(
            f"{rd['ratios'].get('ray_over_jobs', 0):.3f} / {rd['ratios'].get('ray_over_jobs_steady', 0):.3f} "
            f"({rd['load_average_1min']})" for rd in r["rounds"]) + ".", "",
        f"Target: Ray ÷ `--jobs 2` {t['target']} end to end: {t['value']} — "
        f"{'met' if t['met'] else '**missed**'}.", "",
        f"A cluster of N such nodes (N × {num(r['cluster']['per_node_words_per_s'])} steady words/s a node"
        + (f", capped by the one-actor reading and id checking, alone {num(serial['words_per_s'])} words/s"
           if serial else "") + f"), words/s: {nodes}. A projection, not a measurement.", "",
    ]
    return out


def gpu_section(g: Mapping[str, Any]) -> list[str]:
    """The entity head on a GPU (``benchmarks/gpu_head.py``): separate rows, never a target."""
    s = g["settings"]
    names = {"cpu_default": f"default runtime (int8 onnxruntime), {s['cpu_threads']} CPU threads",
             "cpu_torch_b1": f"torch fp32 on the CPU, {s['cpu_threads']} threads, 1 window a pass (reference)"}
    rows = []
    for key, r in g["rows"].items():
        label = names.get(key) or f"torch fp32 on {s['gpu']}, {key.rsplit('_b', 1)[1]} windows a pass"
        rows.append([label, num(r["words_per_s"]), ", ".join(f"{t:.2f}" for t in r["seconds"]),
                     f"{r['same_spans_as_cpu_fp32']:.1%}"])
    return [
        "## Entity head on a GPU (one-off: `benchmarks/gpu_head.py`)", "", *_stamp_lines("GPU run", g["stamp"]), "",
        f"The entity stage alone (`TransformerEntities.predict`: windows, forward passes, decoding, span repairs) on "
        f"the corpus texts {s['repeat']}× ({s['texts']} texts, {num(s['words'])} words), torch {s['torch']}, on the "
        f"lent machine; median of {s['rounds']} timed calls after a warm-up. Not the whole pipeline (the parse and "
        "the linker run on the CPU) and not comparable with the 2-core rows above; no target depends on it.", "",
        *table(["head", "words/s", "seconds per call", "texts with the reference's spans"], rows),
    ]


def soak_section(so: Mapping[str, Any]) -> list[str]:
    """The soak part of RESULTS.md: kill -9 and resume over generated documents with faults."""
    p, c, rss, resumed = so["params"], so["checks"], so["rss"], so["resumed"]
    kills = ", ".join(f"{k['committed']}" for k in resumed["kills"])
    faults = sum(so["inputs"]["faults"].values())
    ratio = f"{rss['ratio']:.3f}× ({rss['first_tenth_mb']:,.0f} → {rss['last_tenth_mb']:,.0f} MiB)" if rss.get(
        "ratio") else rss.get("note", "—")
    rows = [
        ["records lost or duplicated after kill -9 + resume", "0",
         str(abs(c["records"] - c["inputs"])) + ("" if c["ids_in_order"] else ", ids out of order"),
         "met" if c["one_record_per_input"] and c["ids_in_order"] else "missed"],
        ["output after resumes vs uninterrupted", "byte-identical", "identical" if so["byte_identical"] else "differs",
         "met" if so["byte_identical"] else "missed"],
        ["error records vs injected faults", "one for one", f"{c['error_records']} / {c['injected_faults']}",
         "met" if c["errors_match"] else "missed"],
        ["RSS, last tenth ÷ first tenth (after warm-up)", "≤ 1.1×", ratio,
         {True: "met", False: "missed", None: "not judged"}[rss["flat"]]],
    ]
    if "source_sha256" in so:
        same = "source unchanged during the runs" not in so["failed"]
        rows.append(["eventex source (`src/eventex`) during both runs", "unchanged",
                     f"{'unchanged' if same else 'changed'} (sha256 {so['source_sha256'][:12]})",
                     "met" if same else "missed"])
    lines = [
        "## Soak", "", *_stamp_lines("soak run", so["stamp"]), "",
        f"{p['docs']:,} generated documents ({faults:,} faulty records of {len(so['inputs']['faults'])} kinds, "
        f"{sum(so['inputs']['kinds'].values())} adversarial texts), `eventex extract --jobs {p['jobs']} "
        f"--batch-size {p['batch_size']} --max-chars {p['max_chars']:,}`: uninterrupted "
        f"{so['uninterrupted']['seconds']:,} s ({so['uninterrupted']['docs_per_second']} docs/s); then killed "
        f"(SIGKILL to the process group) with {kills} documents committed and resumed with `--resume` each time "
        f"({resumed['seconds']:,} s in all). Not injected: {', '.join(so['inputs']['not_injected'])}.", "",
        *table(["measure", "target", "measured", ""], rows),
    ]
    for d in so.get("differing_records", []):
        lines += [f"First differing record: line {d['line']}, ids {d['ids']} (full lines in `soak.json`).", ""]
        break
    if rss.get("peak_mb"):
        lines += ["RSS of all the uninterrupted run's processes (the parent and its workers), sampled every "
                  f"{p['interval']} s: {rss['steady_samples']:,} samples after the warm-up, "
                  f"peak {rss['peak_mb']:,.0f} MiB.", ""]
    loads = [(name, so[name].get("load_average")) for name in ("uninterrupted", "resumed")]
    if all(load["median"] is not None for _, load in loads):
        lines += ["1-minute load average during the runs (2 cores, shared): " + "; ".join(
            f"{name} median {load['median']}, max {load['max']}" for name, load in loads) + ".", ""]
    return lines


def install_section(ins: Mapping[str, Any]) -> list[str]:
    """The install part of RESULTS.md: the default install from the wheels vs one with the train extra."""
    inf, tr = ins["venvs"]["inference"], ins["venvs"]["train"]
    target = ins["targets_spec"]["load_s"]

    def yes(x: bool) -> str:
        return "yes" if x else "no"

    def timing(key: str, digits: int = 2) -> list[str]:
        return [num(inf[key], digits), num(tr[key], digits)]

    def runs(v: Mapping[str, Any]) -> str:
        return ", ".join(f"{r['load_seconds']:.2f} ({r['load_average_1min']})" for r in v["runs"])

    no_torch = not inf["torch_installed"] and not inf["torch_imported"]
    rows = [
        ["installed size, MiB (every file of the venv)", "without torch", num(inf["size_mib"]), num(tr["size_mib"]),
         "met" if no_torch else "missed"],
        ["torch installed / imported by load and extraction", "no / no",
         f"{yes(inf['torch_installed'])} / {yes(inf['torch_imported'])}",
         f"{yes(tr['torch_installed'])} / {yes(tr['torch_imported'])}", "met" if no_torch else "missed"],
        ["`eventex.load()` in a fresh process, s (median)", f"≤ {target}", *timing("load_seconds"),
         "met" if inf["load_seconds"] <= target else "missed"],
        ["`eventex.load()`, CPU s of all threads (median)", "", *timing("load_cpu_seconds"), ""],
        ["`import eventex`, s (median)", "", *timing("import_seconds"), ""],
        ["first extraction (the sample article), s (median)", "", *timing("first_extract_seconds"), ""],
        ["events of the sample article", "equal", str(inf["events"]), str(tr["events"]),
         "met" if ins["same_events"] else "missed"],
    ]
    cpus = ins["stamp"]["machine"]["usable_cpus"]
    busy = benchlib.median([r["load_average_1min"] for v in (inf, tr) for r in v["runs"]])
    busy_note = (f" The machine was busy (median 1-minute load average {busy:.1f} on {cpus} usable CPUs): the wall "
                 "times are inflated; the CPU seconds show the work itself." if busy > cpus else "")
    biggest = ", ".join(f"{k} {num(v)}" for k, v in inf["largest_mib"].items())
    extra = ", ".join(f"{k} {num(v)}" for k, v in tr["largest_mib"].items() if k not in inf["largest_mib"])
    return [
        "## Install", "", *_stamp_lines("install run", ins["stamp"]), "",
        f"The wheels {', '.join(f'`{w}`' for w in ins['wheels'])} (built as `make dist` builds them) installed "
        "with pip into fresh venvs outside the repository: the default install, and one with the `train` extra "
        f"({', '.join(ins['requirements']['train'])}). {ins['settings']['runs']} fresh processes per venv, the "
        "venvs in turn; each imports eventex, loads the default model (the installed package) and extracts the "
        "sample article.", "",
        *table(["measure", "target", "default install", "with the train extra", ""], rows),
        f"Largest packages of the default install (MiB): {biggest}; the train extra adds {extra}.", "",
        f"`eventex.load()` per run, s (1-minute load average before it): default install {runs(inf)}; with the "
        f"train extra {runs(tr)}.{busy_note}", "",
    ]


def select_section(se: Mapping[str, Any]) -> list[str]:
    """The active-selection part of RESULTS.md: news dev F1 after fine-tuning on selected vs random documents.
    ``se`` is select.json (the news-only pool) or select_mixed.json (news plus CoNLL-2003 valid documents)."""
    p, g, done = se["params"], se["gain"], se["seeds_done"]
    mixed = "mix_conll" in p
    stopped = "" if done == p["seeds"] else f" (the run was stopped after {done} of the {p['seeds']} seeds planned)"
    start = f"`{p['start']}`" if p.get("start") else "the shipped model"
    rows = [
        [f"news dev {name}", f3(se["shipped_f1"][m]), f3(g[m]["random_mean"]), f3(g[m]["selected_mean"]),
         f"{g[m]['mean']:+.3f}{ci(g[m]['ci'])}", f"{g[m]['seeds_selected_better']} of {done}"]
        for m, name in (("entities", "entity F1"), ("events", "event core-tuple F1"))
    ]
    if mixed:
        pool, sel = se["pool"], se["selected"]
        title = "## Active selection, mixed pool (`make bench-select-mixed`)"
        intro = (
            f"The same question on a heterogeneous pool, as a data team's pool where only part of the documents are "
            f"of the target genre: the news-style train split ({pool['news']} documents, "
            f"{pool['news_mean_words']:,.0f} words on average) plus {pool['conll']} documents of CoNLL-2003 "
            f"validation ({pool['conll_mean_words']:,.0f} words on average; a fixed random sample, seed "
            f"{p['mix_seed']}, read from `--shared` at run time), neither in the training data of the starting model, "
            f"{start} (its manifest is checked). `eventex select` (that model, "
            f"diversity {p['diversity']}; the CoNLL documents scored as their tokens joined by spaces) picks "
            f"{p['n']}: {', '.join(sel['ids'])} ({sel['news']} news, {sel['conll']} CoNLL; {sel['words']:,} words). "
            f"Each arm is fine-tuned on its news documents (gold corpus) and its CoNLL documents (CoNLL label sets, "
            f"as `eventex train --conll` reads them)."
        )
        random_docs = (f"{se.get('random_docs_mean', p['n'])} documents ({se.get('random_news_docs_mean', 0)} news, "
                       f"{se.get('random_conll_docs_mean', 0)} CoNLL)")
    else:
        title = "## Active selection (`make bench-select`)"
        intro = (
            f"Does `eventex select` pick documents that teach more than random ones? Pool: the news-style train split "
            f"({se['pool']['documents']} documents, a genre the starting model, {start}, was not trained on). "
            f"`eventex select` (that model, diversity {p['diversity']}) picks {p['n']}: "
            f"{', '.join(se['selected']['ids'])} ({se['selected']['words']:,} words)."
        )
        random_docs = f"{se.get('random_docs_mean', p['n'])} documents"
    return [
        title, "", *_stamp_lines("selection run", se["stamp"]), "",
        f"{intro} For each of "
        f"{done} seeds{stopped} the starting model is fine-tuned {p['steps']} steps (batch {p['batch_size']}, lr "
        f"{p['lr']}, CPU, no replay) on the selected documents and, same seed and steps, on documents drawn at "
        f"random {'from the whole pool ' if mixed else ''}until they hold as many words (a new draw per seed; "
        f"{random_docs}, {se['random_words_mean']:,.0f} words on average), then scored on news dev "
        f"({se['dev_documents']} documents). Gain = mean "
        f"F1(selected) - F1(random); 95% CI from a bootstrap over seeds and dev documents ({p['bootstrap']} "
        f"resamples). {se['seconds']:,.0f} s wall, {se['cpu_seconds']:,.0f} CPU-s of this process.", "",
        *table(["measure", "starting model, not fine-tuned", "random (mean)", f"selected {p['n']} (mean)",
                "gain [95% CI]", "seeds where selected wins"], rows),
        "",
        f"Small by necessity (2 shared CPU cores): one selection, {done} seeds of {p['steps']} steps, a "
        f"{se['dev_documents']}-document dev split. Both arms get the same annotation budget in words (the random "
        "arm slightly more: it draws until it reaches the selected words"
        + ("; a CoNLL word is a token, punctuation included)." if mixed else ")."), "",
        *(_mixed_reading(se) if mixed else []),
    ]


def _mixed_reading(se: Mapping[str, Any]) -> list[str]:
    """What the mixed-pool gain measures, given how many CoNLL documents the selection took."""
    sel = se["selected"]
    if sel["conll"]:
        return []
    return [
        f"Reading: the selection took no CoNLL document ({sel['news']} of {sel['news']} news), while the random arm "
        "drew mostly CoNLL ones, so on this pool the model's uncertainty acts first as a genre filter: the gain "
        "says that selection finds the documents of the genre the model is weak on, not that it ranks documents "
        "within one genre better than chance (the news-only design above tests that).", "",
    ]


def render(results: Path) -> Path:
    """Write RESULTS.md, README_SUMMARY.md and the plots from the JSON in ``results``; return RESULTS.md."""
    q = benchlib.read_json(results / "quality.json")
    sp = benchlib.read_json(results / "speed.json")
    bench = results.parent
    lines = ["# eventex benchmarks", "", "Generated by `benchmarks/render_results.py` from `benchmarks/results/*.json`;"
             " do not edit by hand. Reproduce:", "", "```", *COMMANDS, "```", ""]
    lines += _stamp_lines("accuracy run", q and q["stamp"]) + _stamp_lines("speed run", sp and sp["stamp"])
    lines += ["", "## Summary", "", *summary_lines(q, sp), ""]
    if q:
        lines += quality_section(q)
        plot_f1(q, results / "f1_per_type.png")
    else:
        lines += ["## Accuracy", "", "Not run yet (`make bench-quality`).", ""]
    if sp:
        lines += speed_section(sp, q)
        plot_scaling(sp, results / "throughput_scaling.png")
    else:
        lines += ["## Speed", "", "Not run yet (`make bench-speed`).", ""]
    gpu = benchlib.read_json(results / "gpu_head.json")
    lines += gpu_section(gpu) if gpu else []
    ray = benchlib.read_json(results / "ray.json")
    lines += ray_section(ray) if ray else ["## Ray engine", "", "Not run yet (`make bench-speed`).", ""]
    so = benchlib.read_json(results / "soak.json")
    lines += soak_section(so) if so else ["## Soak", "", "Not run yet (`make bench-soak`).", ""]
    ins = benchlib.read_json(results / "install.json")
    lines += install_section(ins) if ins else ["## Install", "", "Not run yet (`make bench-speed`).", ""]
    se = benchlib.read_json(results / "select.json")
    lines += select_section(se) if se else ["## Active selection", "", "Not run yet (`make bench-select`).", ""]
    mx = benchlib.read_json(results / "select_mixed.json")
    lines += select_section(mx) if mx else ["## Active selection, mixed pool", "",
                                            "Not run yet (`make bench-select-mixed`).", ""]
    path = bench / "RESULTS.md"
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    (bench / "README_SUMMARY.md").write_text("\n".join(summary_lines(q, sp)).rstrip() + "\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/render_results.py``."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--results", default=str(benchlib.RESULTS), help="folder with quality.json / speed.json")
    args = p.parse_args(argv)
    print(f"render: wrote {render(Path(args.results))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
