"""Where eventex finds its entity model: $EVENTEX_MODEL, an installed model package, the source checkout."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

from eventex.errors import MissingFileError

ENTRY_POINT_GROUP = "eventex.models"
"""Model packages register ``NAME = module:function`` here; the function returns the model directory."""
DEFAULT_PACKAGE = "eventex-ner-en"
CHECKOUT_MODEL = Path(__file__).resolve().parents[2] / "models" / "eventex-ner"
"""The model of a source checkout (editable install); absent from an installed eventex."""
INSTALL_HINT = (
    f"install the model package ({DEFAULT_PACKAGE}, built by `make dist`: "
    f"pip install dist/{DEFAULT_PACKAGE.replace('-', '_')}-*.whl), set EVENTEX_MODEL to a model directory, "
    "or ask for the less accurate spaCy entity stage by name: eventex.load('spacy')"
)


class ModelNotFoundError(MissingFileError):
    """No eventex model where :func:`find_model` looked; the message says where that was."""


@dataclass(frozen=True)
class FoundModel:
    """A model directory and how it was found (for ``eventex info`` and error messages)."""

    path: Path
    source: str


def installed_models() -> dict[str, EntryPoint]:
    """Installed model packages by entry-point name."""
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def is_model_dir(path: Path) -> bool:
    """Whether ``path`` holds an eventex model (its ``manifest.json``)."""
    return (path / "manifest.json").is_file()


def _from_package(ep: EntryPoint) -> FoundModel:
    path = Path(ep.load()())
    dist = f"{ep.dist.name} {ep.dist.version}" if ep.dist else ep.name
    if not is_model_dir(path):
        raise ModelNotFoundError(f"the model package {dist} has no manifest.json in {path}: reinstall it")
    return FoundModel(path, f"package {dist} (entry point {ep.name!r} in group {ENTRY_POINT_GROUP!r})")


def _named(name: str, source: str) -> FoundModel | None:
    """An installed model package called ``name``, else the model directory ``name``, else None."""
    packages = installed_models()
    if name in packages:
        return _from_package(packages[name])
    path = Path(name).expanduser()
    return FoundModel(path.resolve(), source) if is_model_dir(path) else None


def find_model(model: str | os.PathLike | None = None) -> FoundModel:
    """The model ``model`` names: an installed model package's name or a model directory.

    None or "default": $EVENTEX_MODEL (a package name or directory), else the package eventex-ner-en, else
    the source checkout's ``models/eventex-ner``. Raises :class:`ModelNotFoundError`, never falls back.
    """
    if model is not None and str(model) != "default":
        found = _named(str(model), "directory")
        if found is None:
            installed = ", ".join(sorted(installed_models())) or "none"
            raise ModelNotFoundError(
                f"no eventex model {str(model)!r}: not an installed model package (installed: {installed}) and not "
                f"a model directory (no {Path(model) / 'manifest.json'}); {INSTALL_HINT}"
            )
        return found
    env = os.environ.get("EVENTEX_MODEL")
    if env:
        found = _named(env, "$EVENTEX_MODEL")
        if found is None:
            raise ModelNotFoundError(
                f"EVENTEX_MODEL={env} is neither an installed model package nor a model directory "
                f"(no {Path(env) / 'manifest.json'}): fix or unset it"
            )
        return found
    packages = installed_models()
    if DEFAULT_PACKAGE in packages:
        return _from_package(packages[DEFAULT_PACKAGE])
    if is_model_dir(CHECKOUT_MODEL):
        return FoundModel(CHECKOUT_MODEL, "source checkout")
    raise ModelNotFoundError(
        "no eventex model found: EVENTEX_MODEL is not set, no model package is installed under entry point "
        f"{DEFAULT_PACKAGE!r} (group {ENTRY_POINT_GROUP!r}), and there is no source checkout's model at "
        f"{CHECKOUT_MODEL}; {INSTALL_HINT}"
    )
