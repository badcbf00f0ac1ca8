"""Environment defaults of the command: offline Hugging Face libraries, no tokenizer thread pools."""

from __future__ import annotations

import os

DEFAULTS = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
"""Set unless the environment already sets them (before those libraries are imported)."""


def apply() -> None:
    """Set the defaults the environment does not set."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
