"""`recoupe stories ingest` and `list`: a feed stored as stories, grown by the next feed, safe
to kill and run again."""

import json
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import RPM2, require

RECOUPE = [sys.executable, "-m", "recoupe.cli", "stories"]
ARTICLES = {
    "pool1": ("2024-06-10", "Piscine à Lyon", "Le conseil municipal de Lyon a voté lundi la construction d'une piscine "
              "olympique à Gerland, un chantier de deux ans."),
    "strike1": ("2024-06-11", "Grève à la SNCF", "Les cheminots de la SNCF entament une grève reconductible contre la "
                "réforme des retraites, trains supprimés."),
    "pool2": ("2024-06-11", "Gerland aura sa piscine", "Le conseil municipal de Lyon a approuvé la piscine olympique de "
              "Gerland, dont le chantier durera deux ans."),
    "strike2": ("2024-06-12", "La grève continue", "La grève des cheminots de la SNCF se poursuit : la réforme des "
                "retraites bloque toujours les trains."),
}


def _write(folder, *names):
    folder.mkdir()
    for name in names:
        date, title, text = ARTICLES[name]
        (folder / f"{name}.txt").write_text(f"published: {date}\n\n{title}\n\n{text}\n", encoding="utf-8")
    return folder


def _run(*args):
    return subprocess.run([*RECOUPE, *args], capture_output=True, text=True, timeout=600)


def _stories(db):
    done = _run("list", "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_second_feed_grows_the_stories_of_the_first(tmp_path):
    db = tmp_path / "stories.sqlite"
    first = _run("ingest", str(_write(tmp_path / "monday", "pool1", "strike1", "pool2")), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "3 stored (0 copies); 2 new stories, 0 grown" in first.stderr
    assert [(s["size"], s["title"]) for s in _stories(db)] == [(1, "Grève à la SNCF"), (2, "Piscine à Lyon")]
    store = sqlite3.connect(db)  # what the next run weighs its terms against
    assert store.execute("SELECT documents FROM term_frequency WHERE term = 'piscine'").fetchone() == (2,)
    assert store.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone() == ("3",)
    second = _run("ingest", str(_write(tmp_path / "tuesday", "strike2")), str(tmp_path / "monday"), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert "4 articles read, 3 already stored, 1 stored (0 copies); 0 new stories, 1 grown" in second.stderr
    stories = _stories(db)
    assert [(s["size"], s["first_date"], s["newest_date"]) for s in stories] == [
        (2, "2024-06-11", "2024-06-12"), (2, "2024-06-10", "2024-06-11")]
    table = _run("list", "--db", str(db)).stdout
    assert "2 stories in" in table and "Grève à la SNCF" in table


def test_a_copy_joins_its_original_story_as_a_copy(tmp_path):
    feed = _write(tmp_path / "feed", "pool1", "strike1")
    long_text = ("Le festival de jazz de Vienne a annoncé mardi sa programmation : quarante concerts au théâtre "
                 "antique du 28 juin au 13 juillet, dont une soirée consacrée aux musiques de La Nouvelle-Orléans et "
                 "une autre aux jeunes orchestres de la région, a précisé son directeur lors d'une conférence de presse.")
    for name in ("agence", "reprise"):  # same date: the first read (by name in a folder) is the original
        (feed / f"{name}.txt").write_text(f"published: 2024-06-11\n\nTitre {name}\n\n{long_text}\n", encoding="utf-8")
    db = tmp_path / "stories.sqlite"
    assert "4 stored (1 copies)" in _run("ingest", str(feed), "--db", str(db)).stderr
    rows = sqlite3.connect(db).execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL").fetchall()
    assert rows == [("reprise", "agence")]
    # a copy published the next day, in another batch of another run, is found too; one
    # published after the window has closed on its original is an article of its own
    later = tmp_path / "later"
    later.mkdir()
    for name, date in (("reprise-mercredi", "2024-06-12"), ("reprise-juillet", "2024-07-01")):
        (later / f"{name}.txt").write_text(f"published: {date}\n\nAutre titre\n\n{long_text}\n", encoding="utf-8")
    assert "2 stored (1 copies)" in _run("ingest", str(later), "--db", str(db), "--batch", "1").stderr
    rows = sqlite3.connect(db).execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL").fetchall()
    assert rows == [("reprise", "agence"), ("reprise-mercredi", "agence")]


def test_a_file_that_is_no_story_store_is_one_line(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    for db, message in ((other, "an SQLite file that is not a story store"), (junk, "not a story store")):
        done = _run("ingest", str(_write(tmp_path / f"feed-{db.stem}", "pool1")), "--db", str(db))
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_a_run_killed_midway_and_run_again_loses_and_repeats_nothing(tmp_path):
    db = tmp_path / "stories.sqlite"
    child = subprocess.Popen([*RECOUPE, "ingest", str(require(RPM2)), "--db", str(db), "--batch", "4", "-q"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    while child.poll() is None and stored < 40:
        time.sleep(0.02)
        try:
            stored = sqlite3.connect(db, timeout=0.1).execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet, or locked by a batch being written
            continue
    assert child.poll() is None, "the ingest ended before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    kept = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 40 <= kept < 280 and kept % 4 == 0  # whole batches only
    done = _run("ingest", str(RPM2), "--db", str(db), "--batch", "4")
    assert done.returncode == 0, done.stderr
    assert f"{kept} already stored, {280 - kept} stored" in done.stderr
    ids = [row[0] for row in sqlite3.connect(db).execute("SELECT id FROM articles")]
    assert len(ids) == len(set(ids)) == 280


def test_a_missing_feed_path_is_a_usage_error_and_creates_no_store(tmp_path):
    db = tmp_path / "stories.sqlite"
    done = _run("ingest", str(tmp_path / "nowhere"), "--db", str(db))
    assert done.returncode == 2 and "nowhere: no such file or folder" in done.stderr and not db.exists()


def test_a_story_is_shown_with_its_articles_in_publication_order(tmp_path):
    db = tmp_path / "stories.sqlite"
    _run("ingest", str(_write(tmp_path / "feed", "pool2", "strike1", "pool1")), "--db", str(db))
    pool = next(s["id"] for s in _stories(db) if s["title"] == "Piscine à Lyon")
    done = _run("show", str(pool), "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    articles = json.loads(done.stdout)
    assert [(a["id"], a["date"]) for a in articles] == [("pool1", "2024-06-10"), ("pool2", "2024-06-11")]
    assert ARTICLES["pool1"][2] in articles[0]["text"]  # the text is stored: a story can be briefed from the store
    assert "Gerland aura sa piscine" in _run("show", str(pool), "--db", str(db)).stdout
    missing = _run("show", "99", "--db", str(db))
    assert missing.returncode == 2 and "no story 99" in missing.stderr


def test_a_store_of_the_first_schema_is_migrated_on_opening(tmp_path):
    from recoupe.stories.store import MIGRATIONS, SCHEMA_VERSION, StoryStore

    db = tmp_path / "old.sqlite"
    old = sqlite3.connect(db)
    old.executescript(MIGRATIONS[0])
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO articles VALUES ('a', 'Titre', NULL, 'fr', 'a.txt', 0, NULL, 1)")
    old.commit()
    old.close()
    store = StoryStore.open(db)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    [article] = store.articles(0)
    assert (article.id, article.title, article.text, article.outlet) == ("a", "Titre", "", None)
    store.close()
    newer = sqlite3.connect(db)
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.close()
    done = _run("list", "--db", str(db))
    assert done.returncode == 2 and "newer than this recoupe's" in done.stderr


def test_a_feed_of_one_article_a_line_with_bad_lines_skipped_and_said(tmp_path):
    feed = tmp_path / "wire.jsonl"
    good = [{"id": name, "title": title, "text": text, "date": date, "source": "AFP"}
            for name, (date, title, text) in ARTICLES.items()]
    lines = [json.dumps(a, ensure_ascii=False) for a in good[:2]] + ["{not json", json.dumps({"id": "empty", "text": ""})]
    lines += [json.dumps(a, ensure_ascii=False) for a in good[2:]]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "stories.sqlite"
    done = _run("ingest", str(feed), "--db", str(db), "--window", "2w", "--scheduler", "processes")
    assert done.returncode == 1  # some lines were skipped; the others are stored
    problems = [line for line in done.stderr.splitlines() if "skipped" in line]
    assert any(f"{feed.name}:3" in line and "malformed JSON" in line for line in problems), done.stderr
    assert any(f"{feed.name}:4" in line and "without text" in line for line in problems), done.stderr
    assert "4 stored (0 copies); 2 new stories" in done.stderr
    kept = json.loads(_run("problems", "--db", str(db), "--format", "json").stdout)  # and kept in the store
    assert [(p["origin"].rsplit("/", 1)[-1], p["skipped"]) for p in kept] == [("wire.jsonl:3", True), ("wire.jsonl:4", True)]
    assert "2 inputs skipped by the ingests so far" in _run("list", "--db", str(db)).stdout.replace("\n", " ")
    shown = _run("show", "0", "--db", str(db), "--format", "json")
    assert [(a["id"], a["outlet"]) for a in json.loads(shown.stdout)] == [("pool1", "AFP"), ("pool2", "AFP")]


def test_a_bad_window_or_scheduler_is_one_line_and_creates_no_store(tmp_path):
    db = tmp_path / "stories.sqlite"
    folder = _write(tmp_path / "monday", "pool1")
    for option, value, said in (("--window", "soon", "--window 'soon': expected a number of days"),
                                ("--scheduler", "gpu", "--scheduler 'gpu': expected threads, processes")):
        done = _run("ingest", str(folder), "--db", str(db), option, value)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2 and len(lines) == 1 and lines[0].startswith(f"recoupe: error: {said}"), done.stderr
        assert not db.exists()
