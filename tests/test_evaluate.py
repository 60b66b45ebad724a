"""`recoupe eval` on a small cluster file and on the shared data (first clusters only)."""

import json
import subprocess
import sys

import pytest

from recoupe.evaluate import SYSTEMS, evaluate

from conftest import MLMD, SHARED_DATA, require

WIKINEWS = SHARED_DATA / "wikinewssum-en-sample" / "wikinewssum-en-sample.jsonl"


@pytest.fixture()
def tiny(tmp_path):
    documents = [
        {"id": "a", "title": "Sommet", "text": "Le président russe est arrivé mardi à Pyongyang pour sa première visite en 24 ans. "
         "Il a été accueilli par Kim Jong Un à l’aéroport. Les deux dirigeants ont signé un accord de défense mutuelle."},
        {"id": "b", "title": "Visite", "text": "Vladimir Poutine s’est rendu en Corée du Nord pour la première fois en 24 ans. "
         "Les États-Unis ont exprimé leur inquiétude. Le voyage se poursuivra au Vietnam mercredi."},
    ]
    record = {"id": "t1", "language": "fr", "task": "generic", "documents": documents,
              "summaries": ["Poutine est arrivé en Corée du Nord pour sa première visite en 24 ans et a signé un accord de défense mutuelle."]}
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_every_system_is_scored(tiny, resources):
    report = evaluate(tiny, 30, resources=resources)
    assert report["clusters"] == 1 and report["words"] == 30
    assert set(report["systems"]) == set(SYSTEMS)
    for scores in report["systems"].values():
        assert set(scores) == {"rouge1", "rouge2", "rougeL"}
        assert all(0.0 <= value <= 1.0 for value in scores.values())
    oracle = report["systems"]["oracle"]["rouge2"]
    assert all(oracle >= scores["rouge2"] for scores in report["systems"].values())
    assert report["groups"]["generic"]["clusters"] == 1


def test_cli_prints_json_and_rejects_unknown_systems(tiny):
    done = subprocess.run([sys.executable, "-m", "recoupe.cli", "eval", str(tiny), "--words", "30",
                           "--systems", "lead,oracle", "--format", "json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)["systems"]) == {"lead", "oracle"}
    done = subprocess.run([sys.executable, "-m", "recoupe.cli", "eval", str(tiny), "--systems", "gpt"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "unknown system" in done.stderr


@pytest.mark.parametrize("dataset", [MLMD, WIKINEWS], ids=["mlmd", "wikinews"])
def test_mixed_and_english_datasets_run(dataset, resources):
    report = evaluate(require(dataset), 100, limit=3, resources=resources)
    assert report["clusters"] == 3
    assert report["systems"]["oracle"]["rouge1"] > 0


def test_a_dataset_path_with_markup_is_shown_as_written(tiny, tmp_path):
    folder = tmp_path / "[" / "x]"  # "[/x]" in a path: Rich read it as a closing tag
    folder.mkdir(parents=True)
    dataset = folder / "set.jsonl"
    dataset.write_bytes(tiny.read_bytes())
    done = subprocess.run([sys.executable, "-m", "recoupe.cli", "eval", str(dataset), "--words", "30", "--systems",
                           "lead"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "[/x]/set.jsonl" in done.stdout.replace("\n", "")
