"""The briefing JSON against its JSON Schema (docs/briefing.schema.json): what `recoupe brief
--format json` writes validates, with and without the optional stages, and a broken briefing
does not, so the schema says something. The full contract in docs/json.md names no key the
schema lacks."""

from __future__ import annotations

import copy
import json
import re

import pytest

jsonschema = pytest.importorskip("jsonschema", reason="pip install -e '.[test]' (jsonschema is in the test extra)")

from conftest import REPO, SEEDS, require  # noqa: E402
from recoupe import brief  # noqa: E402
from recoupe.render import to_json  # noqa: E402

SCHEMA_PATH = REPO / "docs" / "briefing.schema.json"
CONTRACT_PATH = REPO / "docs" / "json.md"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_written(briefing) -> dict:
    """The briefing as the CLI writes it (tuples become lists, floats are JSON numbers)."""
    return json.loads(to_json(briefing))


@pytest.fixture(scope="module")
def seeds_json(seeds_briefing_published):
    return as_written(seeds_briefing_published)


def errors(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_the_example_briefing_validates(validator, seeds_json):
    assert seeds_json["cross_checked"] and seeds_json["claims"] and seeds_json["contradictions"]
    assert seeds_json["actors"] and seeds_json["quotes"] and seeds_json["timeline"]
    assert errors(validator, seeds_json) == []


def test_a_briefing_without_crosscheck_and_story_validates(validator, resources):
    briefing = brief([str(require(SEEDS))], words=150, resources=resources, crosscheck=False, story=False)
    data = as_written(briefing)
    assert data["cross_checked"] is False and data["agreement"] is None
    assert data["claims"] == data["contradictions"] == data["actors"] == data["quotes"] == data["timeline"] == []
    assert errors(validator, data) == []


def _drop_summary_source(data):
    del data["summary"][0]["source"]


def _wrong_contradiction_type(data):
    data["contradictions"][0]["type"] = "time"


def _wrong_actor_type(data):
    data["actors"][0]["type"] = "MISC"


def _wrong_published_origin(data):
    data["documents"][0]["published_origin"] = "guessed"


def _weakest_link_as_text(data):
    data["claims"][0]["weakest_link"] = "0.8"


def _claims_without_crosscheck(data):
    data["cross_checked"] = False


def _drop_top_level_key(data):
    del data["timeline"]


def _null_title(data):
    data["documents"][0]["title"] = None


def _wrong_outlet_origin(data):
    data["documents"][0]["outlet_origin"] = "guessed"


@pytest.mark.parametrize("break_it", [
    _drop_summary_source, _wrong_contradiction_type, _wrong_actor_type, _wrong_published_origin,
    _weakest_link_as_text, _claims_without_crosscheck, _drop_top_level_key, _null_title, _wrong_outlet_origin,
])
def test_a_broken_briefing_is_rejected(validator, seeds_json, break_it):
    data = copy.deepcopy(seeds_json)
    break_it(data)
    assert errors(validator, data)


def test_new_keys_are_tolerated(validator, seeds_json):
    """Keys are only ever added: a consumer validating with this schema must accept new ones."""
    data = copy.deepcopy(seeds_json)
    data["a_key_from_the_future"] = 1
    data["documents"][0]["outlet"] = "Le Monde"
    data["documents"][0]["outlet_origin"] = "metadata"
    data["summary"][0]["another_new_key"] = [1, 2]
    assert errors(validator, data) == []


def _schema_keys(node) -> set[str]:
    keys = set()
    if isinstance(node, dict):
        keys |= set(node.get("properties", {}))
        for value in node.values():
            keys |= _schema_keys(value)
    elif isinstance(node, list):
        for value in node:
            keys |= _schema_keys(value)
    return keys


def test_every_key_of_the_written_contract_is_in_the_schema(validator):
    text = CONTRACT_PATH.read_text(encoding="utf-8")
    skeleton = re.search(r"```\n(\{\"schema_version\".*?)```", text, re.S).group(1)
    named = set(re.findall(r'"([a-z_]+)"', skeleton))
    assert {"schema_version", "documents", "summary", "outlet", "outlet_origin"} <= named
    assert named - _schema_keys(validator.schema) == set()
