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
    done = run("brief", str(folder), "--format", "json", "--out", str(out), "--quiet")
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
        (["brief", "SEEDS", "--published", "0001-01-01"], "out of range (years 1800-2200)"),
        (["brief", "SEEDS", "--published", "2024-06-19xyz"], "is not a date"),
        (["brief", ""], "an empty path names no file"),
        (["brief", "SEEDS", "--out", "SEEDFILE"], "that is one of the inputs; it would be overwritten"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args, message):
    def path(a):
        if a == "SEEDFILE":
            return str(sorted(require(SEEDS).glob("*.txt"))[0])
        return str(require(SEEDS)) if a == "SEEDS" else str(require(RPM2)) if a == "RPM2" else a

    args = [path(a) for a in args]
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
    done = run("brief", str(path), "--format", "json", "-q")
    assert done.returncode == 1
    assert done.stderr.strip() == f"recoupe: {path}:1: malformed JSON line (Expecting property name enclosed in double quotes), skipped"
    data = json.loads(done.stdout)
    assert data["summary"][0]["corroborated_by"]


@pytest.mark.parametrize("fmt, marker", [("md", "## Résumé"), ("html", "<!doctype html>"), ("text", "Résumé")])
def test_other_formats_show_the_cited_summary(tmp_path, seeds_json, fmt, marker):
    out = tmp_path / f"briefing.{fmt}"
    done = run("brief", str(require(SEEDS)), "--format", fmt, "--out", str(out))
    assert done.returncode == 0, done.stderr
    rendered = out.read_text(encoding="utf-8")
    assert marker in rendered
    first = json.loads(seeds_json[0].read_text(encoding="utf-8"))["summary"][0]
    assert " ".join(first["text"].split())[:60] in " ".join(rendered.split())
    assert first["source"][:8] in rendered  # the file stem, cut, names a source without an outlet
    if fmt == "html":
        assert "<script" not in rendered and "http" not in rendered.split("<body>")[0]


@pytest.mark.parametrize("suffix, marker", [(".html", "<!doctype html>"), (".md", "# Synthèse"), (".json", '"schema_version"'),
                                            (".txt", "Synthèse — 5 sources")])
def test_the_format_follows_the_out_extension_and_the_file_is_confirmed(tmp_path, suffix, marker):
    out = tmp_path / f"briefing{suffix}"
    done = run("brief", str(require(SEEDS)), "--out", str(out), "--no-story", "--no-crosscheck")
    assert done.returncode == 0, done.stderr
    written = out.read_text(encoding="utf-8")
    assert marker in written[:60] and "╭" not in written
    assert done.stderr.splitlines()[-1].startswith(f"recoupe: briefing written to {out} (")
    assert "[1/8]" in done.stderr  # progress, one line a stage when stderr is no terminal
    # the examples carry no publication date and none is given: stderr says so
    assert "recoupe: note: 5 of 5 documents have no publication date" in done.stderr


def test_format_overrides_the_extension_and_quiet_prints_nothing(tmp_path):
    out = tmp_path / "briefing.html"
    done = run("brief", str(require(SEEDS)), "--out", str(out), "--format", "json", "-q", "--no-story", "--no-crosscheck")
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(out.read_text(encoding="utf-8"))["documents"]


def test_an_article_on_standard_input_is_briefed(tmp_path):
    article = (SEEDS / "004_57e72806c7dd39eb.txt").read_text(encoding="utf-8")
    done = run("brief", "-", "--format", "json", "--no-story", stdin="source: The Associated Press\n" + article)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)["documents"][0]
    assert (document["id"], document["origin"], document["outlet"]) == ("stdin", "<stdin>", "The Associated Press")
    assert document["outlet_origin"] == "front-matter" and "Kim Jong-un" in document["text"]


def test_version_and_help():
    from recoupe import __version__

    done = run("--version")
    assert (done.returncode, done.stdout) == (0, f"recoupe {__version__}\n")
    alone = run()
    assert alone.returncode == 0 and "Usage: recoupe" in alone.stdout and "brief" in alone.stdout
    help_text = run("brief", "--help").stdout
    assert "<list[str]>" not in help_text and "PATH" in help_text and "--each-cluster" in help_text


def test_each_cluster_of_a_jsonl_file_gets_its_own_briefing(tmp_path):
    visit = "Le président russe est arrivé mardi en Corée du Nord pour sa première visite en 24 ans."
    clusters = [
        {"id": "visit/1", "documents": [{"id": "a", "text": visit, "source": "Le Monde"},
                                        {"id": "b", "text": "Poutine s’est rendu en Corée du Nord pour la première fois en 24 ans, mardi soir."}]},
        {"id": "vote", "documents": [{"id": "c", "text": "L’Assemblée a adopté la réforme par 293 voix contre 142 mardi soir."}]},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in clusters) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "briefings"
    done = run("brief", str(path), "--each-cluster", "--out", str(out), "--format", "md", "--no-story")
    assert done.returncode == 1  # the broken line is reported once, the clusters are briefed
    assert sorted(p.name for p in out.iterdir()) == ["visit_1.md", "vote.md"]
    assert "Le Monde" in (out / "visit_1.md").read_text(encoding="utf-8")
    assert done.stderr.count("malformed JSON line") == 1
    assert run("brief", str(require(SEEDS)), "--each-cluster", "--out", str(out)).returncode == 2


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


def test_markup_in_an_article_or_a_path_is_shown_as_written(tmp_path):
    folder = tmp_path / "mk"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "[/x] Titre [bold]gras\n\nLe président [/red] russe est arrivé mardi à Pyongyang pour une visite de deux jours, "
        "a annoncé le Kremlin.\n", encoding="utf-8")
    done = run("brief", str(folder), "-q", "--full", "--format", "text")
    assert done.returncode == 0, done.stderr
    assert "Le président [/red] russe" in done.stdout and "1 source ·" in done.stdout
    missing = run("brief", str(folder), "-q", "--out", str(tmp_path / "missing" / "[/x].json"))
    assert missing.returncode == 1 and missing.stderr.strip().endswith("[/x].json: cannot write (No such file or directory)")


def test_hostile_inputs_beside_a_good_article_are_one_line_each(tmp_path):
    """Issue 20's classes through the real CLI: wrong JSON types, parser limits, dates of year 1,
    invisible-only files, escape sequences; the good article is briefed, nothing raises."""
    good = sorted(require(SEEDS).glob("*.txt"))[0]
    (tmp_path / "typed.jsonl").write_text(json.dumps({"id": "c", "documents": [
        {"id": "d1", "title": 5, "date": "0001-01-01", "text": good.read_text(encoding="utf-8")}]}), encoding="utf-8")
    (tmp_path / "nested.jsonl").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "blank.txt").write_text("\u00a0\u3000\u200b", encoding="utf-8")
    (tmp_path / "red.txt").write_text("\x1b[31m[/x] Titre\n\n" + good.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "brief.json"
    done = run("brief", str(good), *(str(tmp_path / n) for n in ("typed.jsonl", "nested.jsonl", "blank.txt", "red.txt")),
               "--out", str(out), "-q")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    for name, problem in (("typed.jsonl:1 document 0", "'title' is an integer"), ("typed.jsonl:1 document 0", "out of range"),
                          ("nested.jsonl:1", "nested too deeply"), ("blank.txt", "empty file")):
        assert any(name in line and problem in line for line in lines), (name, problem, lines)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 3 and not any("\x1b" in d["text"] + (d["title"] or "") for d in data["documents"])
    text = run("brief", str(tmp_path / "red.txt"), "--format", "text", "--full")
    assert text.returncode == 0 and "\x1b" not in text.stdout


def test_running_out_of_memory_is_one_line_not_a_traceback(tmp_path):
    # thousands of near-identical articles still exhaust memory (issue 20): say it in one line
    code = ("import recoupe.pipeline as p\n"
            "def exhausted(*args, **kwargs):\n    raise MemoryError\n"
            "p.brief = exhausted\nfrom recoupe.cli import main\nmain()\n")
    done = subprocess.run([sys.executable, "-c", code, "brief", str(require(SEEDS))], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "recoupe: out of memory while briefing these inputs; brief fewer articles at once"]


NOUNS = ("boulanger", "musée", "tramway", "jardin", "lycée", "marché", "théâtre", "stade", "port", "hôpital", "pont",
         "gare", "quartier", "festival", "rivière", "bibliothèque", "usine", "collège", "parc", "cinéma", "piscine",
         "mairie", "caserne", "vignoble", "aéroport", "château", "tunnel", "canal", "forêt", "hameau")
VERBS = ("rénové", "fermé", "visité", "agrandi", "vendu", "inauguré", "déplacé", "repeint", "racheté", "protégé")


def test_past_a_hundred_articles_the_briefing_says_so_and_its_lists_stay_proportionate(tmp_path):
    import random

    folder = tmp_path / "feed"
    folder.mkdir()
    for k in range(110):
        pick = random.Random(k)
        own = (f"Le {pick.choice(NOUNS)} du {pick.choice(NOUNS)} a {pick.choice(VERBS)} le {pick.choice(NOUNS)} "
               f"et le {pick.choice(NOUNS)} de {pick.choice(NOUNS)}.")
        (folder / f"a{k:03}.txt").write_text(
            f"Piscine {k}\n\nLe conseil municipal de Lyon a voté lundi la construction d'une piscine olympique. {own}\n",
            encoding="utf-8")
    done = run("brief", str(folder), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "recoupe: note: 110 articles briefed as one story" in done.stderr
    data = json.loads(done.stdout)
    agreement = data["agreement"]
    assert agreement["sources_total"] == 110 and len(agreement["sources"]) == 100
    assert len(agreement["shared"]) == 100 and all(len(row) == 100 for row in agreement["shared"])
    assert set(agreement["only_here"]) == set(agreement["sources"])
    cut = [c for c in data["claims"] if c["silent_count"] > 100]
    assert cut and all(len(c["silent"]) == 100 for c in cut)
    full = json.loads(run("brief", str(folder), "--format", "json", "--full", "-q").stdout)
    assert all(len(c["silent"]) == c["silent_count"] for c in full["claims"])
    text = " ".join(run("brief", str(folder), "-q").stdout.split())
    assert "110 articles lus comme une seule histoire" in text and "… et 90 de plus" in text
