"""eventex inside other tools: spaCy (:mod:`~eventex.integrations.spacy`, the ``eventex`` component) and Hugging
Face ``datasets`` (:mod:`~eventex.integrations.hf_datasets`)."""
