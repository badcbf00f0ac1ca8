"""Linking stage: triggers, role filling, status, implicit arguments and document-level merging.

Rules are data (``resources/triggers.toml``, ``roles.toml``, ``status.toml``); this package applies them.
"""

from eventex.linking.engine import Linker

__all__ = ["Linker"]
