"""`recoupe brief --db FILE --story ID`: a stored story briefed like its files, its copies left
out and listed, the briefing kept until the story grows."""

import json
import subprocess
import sys

from test_ingest import _write

RECOUPE = [sys.executable, "-m", "recoupe.cli"]
REPRINT = ("Le conseil municipal de Lyon a voté lundi soir la construction d'une piscine olympique dans le quartier "
           "de Gerland. Le chantier, estimé à 42 millions d'euros, doit commencer au printemps et durer deux ans. "
           "Le maire a salué un équipement attendu depuis des années par les clubs de natation de la ville.")


def _run(*args):
    return subprocess.run([*RECOUPE, *args], capture_output=True, text=True, timeout=600)


def test_a_stored_story_is_briefed_without_its_copies_and_briefed_again_when_it_grows(tmp_path):
    feed = _write(tmp_path / "monday", "pool1", "strike1")
    for name, outlet in (("agence", "AFP"), ("reprise", "Le Progrès")):
        (feed / f"{name}.txt").write_text(f"published: 2024-06-10\noutlet: {outlet}\n\nPiscine à Gerland\n\n{REPRINT}\n",
                                          encoding="utf-8")
    db = tmp_path / "stories.sqlite"
    assert _run("stories", "ingest", str(feed), "--db", str(db)).returncode == 0
    pool = next(s for s in json.loads(_run("stories", "list", "--db", str(db), "--format", "json").stdout)
                if s["size"] == 3)
    first = _run("brief", "--db", str(db), "--story", str(pool["id"]), "--format", "json")
    assert first.returncode == 0, first.stderr
    briefing = json.loads(first.stdout)
    assert sorted(d["id"] for d in briefing["documents"]) == ["agence", "pool1"]
    assert briefing["story"] == {"id": pool["id"], "articles": 3,
                                 "copies": [{"id": "reprise", "copy_of": "agence", "outlet": "Le Progrès"}]}
    assert {d["outlet"] for d in briefing["documents"]} == {"AFP", "pool1"}
    assert all(s["text"] in next(d["text"] for d in briefing["documents"] if d["id"] == s["source"])
               for s in briefing["summary"])
    again = _run("brief", "--db", str(db), "--story", str(pool["id"]), "--format", "md")
    assert "has not changed since" in again.stderr and "Gerland" in again.stdout
    # the story grows: its briefing is made again, with the new article
    assert _run("stories", "ingest", str(_write(tmp_path / "tuesday", "pool2")), "--db", str(db)).returncode == 0
    grown = _run("brief", "--db", str(db), "--story", str(pool["id"]), "--format", "json")
    assert "has not changed" not in grown.stderr
    assert sorted(d["id"] for d in json.loads(grown.stdout)["documents"]) == ["agence", "pool1", "pool2"]


def test_a_missing_story_or_half_of_the_options_is_one_line(tmp_path):
    db = tmp_path / "stories.sqlite"
    assert _run("stories", "ingest", str(_write(tmp_path / "feed", "pool1")), "--db", str(db)).returncode == 0
    for args, said in ((["--db", str(db), "--story", "7"], "no story 7"),
                       (["--db", str(db)], "--db FILE and --story ID go together"),
                       (["--db", str(db), "--story", "0", str(tmp_path / "feed")], "give no PATH"),
                       (["--db", str(db), "--story", "0", "--out", str(db)], "that is the story store"),
                       ([], "give the articles to brief")):
        done = _run("brief", *args)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2 and len(lines) == 1 and said in lines[0], (args, done.stderr)


def test_every_story_is_briefed_on_worker_processes_and_a_second_run_briefs_only_the_grown_ones(tmp_path):
    db, out = tmp_path / "stories.sqlite", tmp_path / "briefings"
    assert _run("stories", "ingest", str(_write(tmp_path / "monday", "pool1", "strike1", "pool2")),
                "--db", str(db)).returncode == 0
    first = _run("stories", "brief", "--db", str(db), "--out", str(out), "--format", "json", "--min-articles", "1")
    assert first.returncode == 0, first.stderr
    assert "2 stories of 1+ articles: 2 briefed, 0 unchanged" in first.stderr
    briefings = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in out.iterdir()}
    assert sorted(briefings) == ["story-0.json", "story-1.json"]
    assert sorted(d["id"] for d in briefings["story-0.json"]["documents"]) == ["pool1", "pool2"]
    assert briefings["story-1.json"]["story"] == {"id": 1, "articles": 1, "copies": []}
    assert _run("stories", "ingest", str(_write(tmp_path / "tuesday", "strike2")), "--db", str(db)).returncode == 0
    second = _run("stories", "brief", "--db", str(db), "--out", str(out), "--format", "json", "--min-articles", "1")
    assert "2 stories of 1+ articles: 1 briefed, 1 unchanged" in second.stderr
    strike = json.loads((out / "story-1.json").read_text(encoding="utf-8"))
    assert sorted(d["id"] for d in strike["documents"]) == ["strike1", "strike2"]
