"""Views of results for people: plain text (:mod:`~eventex.views.text`: summaries, score tables), a
self-contained HTML page (:mod:`~eventex.views.html`) and displaCy input (:mod:`~eventex.views.displacy`)."""

from __future__ import annotations

from eventex.views.displacy import DISPLACY_COLORS, to_displacy
from eventex.views.html import render, render_records, write_report

__all__ = ["DISPLACY_COLORS", "render", "render_records", "to_displacy", "write_report"]
