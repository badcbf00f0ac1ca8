"""The model card: measure a trained model directory (:mod:`.measure`), render its ``README.md``
(:mod:`.render`), and write both with ``card.json`` (:func:`write_card`).

Everything in the card is either read from the model's manifest or measured, except the casing-feature
ablation, which was measured once at training time and is kept as data next to the model (``ablation.json``).
"""

from __future__ import annotations

import json
from pathlib import Path

from eventex.ner.card.measure import measure
from eventex.ner.card.render import render


def write_card(model_dir: Path, corpus: str = "corpora", conll: str | None = None) -> str:
    """Evaluate the model in ``model_dir`` and (re)write its ``README.md`` and ``card.json``; returns the card."""
    model_dir = Path(model_dir)
    results = measure(model_dir, corpus=corpus, conll=conll)
    (model_dir / "card.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    card = render(results)
    (model_dir / "README.md").write_text(card, encoding="utf-8")
    return card
