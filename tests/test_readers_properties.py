"""Property-based tests of the reading gate (issue 20), with hypothesis: whatever bytes a file
holds, whatever JSON a line holds, reading never raises, every problem is one line naming its
input, the good article beside it is read, and what is read is writable UTF-8 without control
characters. Bounded in examples so that CI stays fast; ``benchmarks/fuzz_inputs.py`` runs
thousands of cases through the whole pipeline."""

import json
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoupe.readers import read_inputs

GOOD = "Titre\n\nLe conseil municipal a voté lundi la construction d'une piscine olympique."
CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
documents = st.fixed_dictionaries({}, optional={
    "id": json_values, "title": json_values, "text": st.text() | json_values, "language": json_values,
    "date": st.text(max_size=30) | json_values, "source": json_values, "url": json_values})
clusters = st.fixed_dictionaries({"documents": st.lists(documents, max_size=3) | json_values},
                                 optional={"id": json_values, "language": json_values, "date": json_values})


def _read_beside_good(name: str, content: bytes):
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        (folder / name).write_bytes(content)
        return read_inputs([str(folder / "good.txt"), str(folder / name)])
    finally:
        shutil.rmtree(folder)


def _assert_sound(result, name: str) -> None:
    assert result.documents and result.documents[0].id == "good"
    for problem in result.problems:
        line = str(problem)
        assert "\n" not in line and "\r" not in line and name.split(".")[0] in line
        line.encode("utf-8")
    for document in result.documents:
        for value in (document.id, document.text, document.title or "", document.outlet or "", document.origin):
            value.encode("utf-8")
            assert not CONTROL.search(value)
        assert document.text.strip()


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_as_a_text_file(content):
    _assert_sound(_read_beside_good("any.txt", content), "any.txt")


@SETTINGS
@given(st.text(max_size=400), st.sampled_from(["published", "date", "source", "Publié le"]), st.text(max_size=40))
def test_any_text_with_a_front_matter_line(body, key, value):
    content = f"{key}: {value}\n\n{body}".encode("utf-8", "surrogatepass")
    _assert_sound(_read_beside_good("front.txt", content), "front.txt")


@SETTINGS
@given(st.lists(clusters | json_values, min_size=1, max_size=1))
def test_any_json_as_a_cluster_line(records):
    line = json.dumps(records[0])
    _assert_sound(_read_beside_good("any.jsonl", line.encode("utf-8", "surrogatepass")), "any.jsonl")


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_as_a_jsonl_line(line):
    _assert_sound(_read_beside_good("raw.jsonl", line.encode("utf-8")), "raw.jsonl")
