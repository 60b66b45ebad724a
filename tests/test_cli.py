"""`recoupe brief` and `recoupe sentences` as a user runs them (subprocesses)."""

import json
import shutil
import subprocess
import sys

import pytest

from conftest import RPM2, SEEDS, require

RECOUPE = [sys.executable, "-m", "recoupe.cli"]


def run(*args, stdin=None):
    return subprocess.run([*RECOUPE, *args], capture_output=True, text=True, input=stdin, timeout=600)


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    first, second = out / "a.json", out / "b.json"
    for path in (first, second):
        done = run("brief", str(require(SEEDS)), "--format", "json", "--out", str(path))
        assert done.returncode == 0, done.stderr
    return first, second


def test_json_contract_on_the_seeds(seeds_json):
    data = json.loads(seeds_json[0].read_text(encoding="utf-8"))
    assert data["language"] == "fr"
    assert len(data["documents"]) == 5
    for document in data["documents"]:
        assert {"id", "title", "text", "removed", "repairs"} <= document.keys()
        for removal in document["removed"]:
            assert removal["text"] and removal["reason"]
    texts = {d["id"]: " ".join(d["text"].split()) for d in data["documents"]}
    for item in data["summary"]:
        assert {"text", "source", "score", "corroborated_by"} <= item.keys()
        assert " ".join(item["text"].split()) in texts[item["source"]]
        for support in item["corroborated_by"]:
            assert " ".join(support["sentence"].split()) in texts[support["source"]]
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 150


def test_actors_quotes_and_timeline_cite_their_sources_verbatim(seeds_json):
    data = json.loads(seeds_json[0].read_text(encoding="utf-8"))
    texts = {d["id"]: " ".join(d["text"].split()) for d in data["documents"]}
    assert data["actors"] and data["quotes"] and data["timeline"]
    # a mention outside the body (sentence_index < 0) is in the title (-1) or a removed line
    asides = {d["id"]: [d["title"], *(r["text"] for r in d["removed"])] for d in data["documents"]}
    for actor in data["actors"]:
        assert {"id", "name", "type", "variants", "sources", "mentions", "roles"} <= actor.keys()
        for mention in actor["mentions"]:
            sentence = " ".join(mention["sentence"].split())
            if mention["sentence_index"] >= 0:
                assert sentence in texts[mention["source"]]
            else:
                assert any(sentence in " ".join(line.split()) for line in asides[mention["source"]])
            assert mention["sentence"][mention["start"]:mention["end"]] == mention["text"]
    for quote in data["quotes"]:
        assert quote["sources"] == list(dict.fromkeys(r["source"] for r in quote["reports"]))
        for report in quote["reports"]:
            assert " ".join(report["sentence"].split()) in texts[report["source"]]
    for event in data["timeline"]:
        for mention in event["mentions"]:
            assert " ".join(mention["sentence"].split()) in texts[mention["source"]]
            assert mention["expression"].lower() in mention["sentence"].lower()
    dates = [event["date"] for event in data["timeline"]]
    assert dates == sorted(dates)


def test_two_runs_give_byte_identical_json(seeds_json):
    assert seeds_json[0].read_bytes() == seeds_json[1].read_bytes()


def test_bad_files_beside_the_seeds(tmp_path, seeds_json):
    folder = tmp_path / "mixed"
    shutil.copytree(require(SEEDS), folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("Élysée : le président a parlé à la télévision mardi soir.".encode("latin-1"))
    out = tmp_path / "briefing.json"
    done = run("brief", str(folder), "--format", "json", "--out", str(out))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in done.stderr
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("binary.txt: binary file" in line for line in lines)
    assert any("latin1.txt: not valid UTF-8" in line and "cp1252" in line for line in lines)
    data = json.loads(out.read_text(encoding="utf-8"))
    seeds = json.loads(seeds_json[0].read_text(encoding="utf-8"))
    # the seeds are briefed as alone; the Latin-1 file, decoded, joins them
    briefed = {d["id"]: d["text"] for d in data["documents"]}
    assert {d["id"]: d["text"] for d in seeds["documents"]}.items() <= briefed.items()
    assert briefed["latin1"].startswith("Élysée")
    def best(summary):
        return max(summary, key=lambda s: s["score"])["text"]

    assert best(data["summary"]) == best(seeds["summary"])
    assert data["problems"] and all(p["origin"].endswith(("empty.txt", "binary.txt", "latin1.txt")) for p in data["problems"])


@pytest.mark.parametrize(
    "args, message",
    [
        (["brief", "/no/such/folder"], "no such file or folder"),
        (["brief", "SEEDS", "--words", "many"], "--words"),
        (["brief", "SEEDS", "--lang", "xx"], "unsupported language"),
        (["brief", "RPM2"], "choose one with --cluster"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args, message):
    args = [str(require(SEEDS)) if a == "SEEDS" else str(require(RPM2)) if a == "RPM2" else a for a in args]
    done = run(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr


def test_malformed_jsonl_line_is_reported_and_the_rest_briefed(tmp_path):
    cluster = {"id": "c", "documents": [
        {"id": "a", "title": "Visite", "text": "Le président russe est arrivé mardi en Corée du Nord pour sa première visite en 24 ans."},
        {"id": "b", "title": "Sommet", "text": "Poutine s’est rendu en Corée du Nord pour la première fois en 24 ans, mardi soir."},
    ]}
    path = tmp_path / "c.jsonl"
    path.write_text("{broken\n" + json.dumps(cluster, ensure_ascii=False) + "\n", encoding="utf-8")
    done = run("brief", str(path), "--format", "json")
    assert done.returncode == 1
    assert done.stderr.strip() == f"recoupe: {path}:1: malformed JSON line (Expecting property name enclosed in double quotes), skipped"
    data = json.loads(done.stdout)
    assert data["summary"][0]["corroborated_by"]


@pytest.mark.parametrize("fmt, marker", [("md", "## Summary"), ("html", "<!doctype html>"), ("text", "Summary")])
def test_other_formats_show_the_cited_summary(tmp_path, seeds_json, fmt, marker):
    out = tmp_path / f"briefing.{fmt}"
    done = run("brief", str(require(SEEDS)), "--format", fmt, "--out", str(out))
    assert done.returncode == 0, done.stderr
    rendered = out.read_text(encoding="utf-8")
    assert marker in rendered
    first = json.loads(seeds_json[0].read_text(encoding="utf-8"))["summary"][0]
    assert first["source"][:12] in rendered
    if fmt == "html":
        assert "<script" not in rendered and "http" not in rendered.split("<body>")[0]


def test_sentences_command_prints_json_lines(tmp_path):
    done = run("sentences", "-", stdin="M. Poutine est arrivé. « Bienvenue », dit Kim.\n\nFin du texte.")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["text"] for r in records] == ["M. Poutine est arrivé.", "« Bienvenue », dit Kim.", "Fin du texte."]
    assert records[1] == {"doc": "-", "index": 1, "start": 23, "end": 46, "text": "« Bienvenue », dit Kim."}


def test_sentences_of_the_seeds_never_cross_documents_or_paragraphs():
    done = run("sentences", str(require(SEEDS)))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["doc"] for r in records} == {p.stem for p in SEEDS.glob("*.txt")}
    assert not any("\n" in r["text"] for r in records)
    assert not any(r["text"].strip(" .") == "" for r in records)
