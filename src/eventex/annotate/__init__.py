"""Helping annotators: which documents to annotate next."""
