"""Linking stage: triggers, role filling, implicit arguments, acceptance, status and document-level merging.

The recipe is :class:`~eventex.linking.engine.Linker`; each step is a small module over a
:class:`~eventex.linking.context.LinkContext`. Rules are data (``resources/triggers.toml``, ``roles.toml``,
``status.toml``, ``linking.toml``); this package applies them.
"""

from eventex.linking.engine import Linker

__all__ = ["Linker"]
