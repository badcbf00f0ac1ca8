"""Batch input and output: readers (inputs → items), records (one record/error/row shape), sinks (output)."""
