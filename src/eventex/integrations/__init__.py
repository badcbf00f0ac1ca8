"""eventex inside other libraries' pipelines: :mod:`~eventex.integrations.spacy` (the ``eventex`` component)."""
