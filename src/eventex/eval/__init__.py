"""Scoring against the gold corpus (entities, core event tuples, arguments, status) and CoNLL-2003 NER.

Conventions used by every score:

- Counts are summed over documents before computing ratios (micro averaging).
- A ratio with a zero denominator is 0.0: no predictions gives precision 0.0, no gold gives recall 0.0, and
  F1 is 0.0 when precision + recall is 0; status accuracy with no matched events is 0.0 (the counts say why).
- Fillers of event roles are compared by key: ``("id", canonical id)`` when the filler has an id, else
  ``("text", normalised text)``. An id key matches only the same id; a text key matches an equal text key or
  one that it ends with as whole words ("lavrov" matches "sergei lavrov"). Gold fillers (implicit ones
  included) take the key of the mention they point at, or the id an implicit filler names (world knowledge).
- Tuples and triples are sets per document, matched one-to-one (maximum bipartite matching) under that rule.
- Confidence intervals: percentile bootstrap over documents with a fixed seed; resamples where a score is
  undefined (nothing to score, or no matched events for status accuracy) are left out of its interval.
"""
