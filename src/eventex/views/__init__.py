"""Views of results for people: plain text (summaries, score tables)."""
