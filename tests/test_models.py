"""Finding the model: $EVENTEX_MODEL, installed model packages (entry points), the checkout; no silent fallback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import eventex
from eventex import models
from eventex.cli import main
from eventex.errors import EventexError, UsageError
from eventex.models import DEFAULT_PACKAGE, ModelNotFoundError, find_model

CHECKOUT = models.CHECKOUT_MODEL


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv("EVENTEX_MODEL", raising=False)


@pytest.fixture
def no_model(monkeypatch, tmp_path):
    """Nothing installed and no checkout model."""
    monkeypatch.setattr(models, "CHECKOUT_MODEL", tmp_path / "checkout" / "models" / "eventex-ner")
    monkeypatch.setattr(models, "installed_models", dict)
    return tmp_path / "checkout" / "models" / "eventex-ner"


def install_fake_package(root: Path, monkeypatch, name: str, model_dir: Path) -> None:
    """A distribution on sys.path whose entry point ``name`` in eventex.models returns ``model_dir``."""
    module = f"fake_eventex_model_{abs(hash(root))}"
    (root / f"{module}.py").write_text(f"def model_dir():\n    return {str(model_dir)!r}\n", encoding="utf-8")
    info = root / "fake_eventex_model-7.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-eventex-model\nVersion: 7\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[eventex.models]\n{name} = {module}:model_dir\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.delitem(sys.modules, module, raising=False)


def test_the_checkout_model_is_the_default_without_a_package():
    found = find_model()
    assert found.path == CHECKOUT and found.source == "source checkout"
    assert find_model("default") == found


def test_no_model_raises_and_says_where_it_looked(no_model):
    with pytest.raises(ModelNotFoundError) as err:
        eventex.load()
    message = str(err.value)
    for where in ("EVENTEX_MODEL", f"entry point {DEFAULT_PACKAGE!r}", "'eventex.models'", str(no_model)):
        assert where in message
    assert "pip install" in message and "eventex.load('spacy')" in message
    assert isinstance(err.value, EventexError) and isinstance(err.value, FileNotFoundError)


def test_no_model_is_a_one_line_cli_error(no_model, capsys):
    assert main(["extract", "--text", "Lavrov visited Caracas."]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eventex extract: error: no eventex model found") and err.count("\n") == 1


def test_eventex_model_wins_and_must_be_valid(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTEX_MODEL", str(CHECKOUT))
    assert find_model() == models.FoundModel(CHECKOUT, "$EVENTEX_MODEL")
    monkeypatch.setenv("EVENTEX_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(ModelNotFoundError, match=r"EVENTEX_MODEL=.*nowhere is neither"):
        find_model()  # a wrong setting is an error, not a reason to look elsewhere


def test_an_unknown_name_lists_what_is_installed(no_model):
    with pytest.raises(ModelNotFoundError, match=r"no eventex model 'eventex-ner-xx'.*installed: none"):
        eventex.load("eventex-ner-xx")


def test_an_installed_package_comes_before_the_checkout(tmp_path, monkeypatch):
    install_fake_package(tmp_path, monkeypatch, DEFAULT_PACKAGE, CHECKOUT)
    assert DEFAULT_PACKAGE in models.installed_models()
    found = find_model()
    assert found.path == CHECKOUT
    assert found.source == f"package fake-eventex-model 7 (entry point {DEFAULT_PACKAGE!r} in group 'eventex.models')"
    assert find_model(DEFAULT_PACKAGE) == found  # by name
    monkeypatch.setenv("EVENTEX_MODEL", str(CHECKOUT))
    assert find_model().source == "$EVENTEX_MODEL"


def test_a_package_without_its_data_is_an_error(tmp_path, monkeypatch):
    install_fake_package(tmp_path, monkeypatch, DEFAULT_PACKAGE, tmp_path / "data")
    with pytest.raises(ModelNotFoundError, match=r"has no manifest\.json .* reinstall it"):
        find_model()


def test_a_model_directory_by_path(tmp_path):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "manifest.json").write_text(json.dumps({}), encoding="utf-8")
    assert find_model(tmp_path / "m") == models.FoundModel(tmp_path / "m", "directory")
    with pytest.raises(ModelNotFoundError, match=r"no .*manifest\.json"):
        find_model(tmp_path)


def test_an_error_while_the_head_loads_reaches_the_caller():
    """The head loads in a thread while spaCy loads: eventex.load() raises its errors as they are."""
    with pytest.raises(UsageError, match="runtime must be one of"):
        eventex.load(runtime="gpu")
