"""eventex inside other tools: Hugging Face ``datasets``."""
