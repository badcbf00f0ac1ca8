"""The schema: span invariants, round trips, the committed JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from eventex.cli.schema import schema_json
from eventex.schema import EVENT_TYPES, Entity, Extraction, Span, event_roles

ROOT = Path(__file__).resolve().parents[1]


def test_span_rejects_inconsistent_offsets():
    with pytest.raises(ValidationError):
        Span(text="abc", start=0, end=2)
    with pytest.raises(ValidationError):
        Span(text="", start=5, end=3)


def test_roles_come_from_the_event_models():
    assert event_roles("visit") == {"visitor": False, "destination": True, "host": False}
    assert event_roles("arms_sale") == {"seller": False, "buyer": True, "weapon": False, "value": False}
    assert set(event_roles("energy_investment")) == {"investor", "host_country", "asset", "value", "capacity"}
    assert event_roles("recognition") == {"recognizer": False, "recognized": True}
    assert set(EVENT_TYPES) == {"visit", "arms_sale", "energy_investment", "recognition"}


def test_result_round_trips_through_json(sample_result):
    again = Extraction.model_validate_json(sample_result.model_dump_json())
    assert again == sample_result
    assert sample_result.events, "the sample article has events"


def test_entity_label_set_is_closed():
    with pytest.raises(ValidationError):
        Entity(text="x", start=0, end=1, label="EVENT")


@pytest.mark.parametrize(("name", "corpus"), [("schema.json", False), ("corpus.schema.json", True)])
def test_committed_json_schema_is_current(name, corpus):
    committed = json.loads((ROOT / "docs" / name).read_text())
    assert committed == json.loads(schema_json(corpus)), f"run `make schema` to refresh docs/{name}"
