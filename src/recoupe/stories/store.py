"""The story store: articles, stories and what the assigner needs to go on, in SQLite.

SQLite is the embedded default: one file, transactions, no server. The schema is versioned
(``PRAGMA user_version``) and brought up to date by ``MIGRATIONS`` when a store is opened; each
batch of a feed is written in one transaction, so a run that is killed loses at most the batch
it was writing, and the next run skips the articles already stored (by id).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..types import InputProblem
from .assign import OnlineAssigner, _Story
from .vectorise import TermStatistics

# Each entry brings the schema from its index to the next version.
MIGRATIONS = (
    """
    CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, language TEXT NOT NULL,
                           origin TEXT NOT NULL, story INTEGER NOT NULL, copy_of TEXT, batch INTEGER NOT NULL);
    CREATE INDEX articles_story ON articles (story);
    CREATE TABLE stories (id INTEGER PRIMARY KEY, size INTEGER NOT NULL, first_date TEXT, newest_date TEXT,
                          title TEXT NOT NULL, live INTEGER NOT NULL);
    CREATE TABLE centroids (story INTEGER NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL,
                            PRIMARY KEY (story, term));
    CREATE TABLE term_frequency (term TEXT PRIMARY KEY, documents INTEGER NOT NULL);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('documents', '0'), ('batches', '0');
    """,
    # 2: the articles' texts and outlets, so that a story can be shown and briefed from the store
    """
    ALTER TABLE articles ADD COLUMN text TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN outlet TEXT;
    """,
    # 3: what else ``brief`` reads of an input (so that a stored story is briefed as its files
    # would be), and each story's last briefing, used again while the story and options stay
    """
    ALTER TABLE articles ADD COLUMN input_title TEXT;
    ALTER TABLE articles ADD COLUMN published TEXT;
    ALTER TABLE articles ADD COLUMN published_origin TEXT;
    ALTER TABLE articles ADD COLUMN outlet_origin TEXT;
    CREATE TABLE briefings (story INTEGER PRIMARY KEY, key TEXT NOT NULL, briefing TEXT NOT NULL);
    """,
    # 4: what the feeds' readers said (a bad line or file skipped), kept with the run that read it
    """
    CREATE TABLE problems (run TEXT NOT NULL, origin TEXT NOT NULL, message TEXT NOT NULL, skipped INTEGER NOT NULL);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreProblem(ValueError):
    """The file is not a story store this version can read."""


@dataclass(frozen=True)
class StoryRow:
    id: int
    size: int
    first_date: str | None
    newest_date: str | None
    title: str
    live: bool


@dataclass(frozen=True)
class StoredArticle:
    id: str
    title: str
    date: dt.date | None
    language: str
    origin: str
    story: int
    copy_of: str | None
    text: str = ""
    outlet: str | None = None
    input_title: str | None = None  # the title the input gave (HTML, JSONL), not a first line
    published: str | None = None  # the publication date as the input wrote it
    published_origin: str | None = None
    outlet_origin: str | None = None


class StoryStore:
    """One SQLite file of stories; ``open`` migrates it to ``SCHEMA_VERSION``."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    @classmethod
    def open(cls, path: Path) -> StoryStore:
        try:
            connection = sqlite3.connect(path)
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreProblem(f"{path}: not a story store ({error})") from None
        if version > SCHEMA_VERSION:
            raise StoreProblem(f"{path}: a story store of schema {version}, newer than this recoupe's {SCHEMA_VERSION}")
        if version == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreProblem(f"{path}: an SQLite file that is not a story store")
        for number in range(version, SCHEMA_VERSION):
            with connection:
                connection.executescript(MIGRATIONS[number])
                connection.execute(f"PRAGMA user_version = {number + 1}")
        return cls(connection)

    def close(self) -> None:
        self.connection.close()

    def known(self, ids: list[str]) -> set[str]:
        """Which of these article ids the store holds already."""
        return set(self.stories_of(ids))

    def statistics(self) -> TermStatistics:
        documents = int(self.connection.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone()[0])
        return TermStatistics(documents, dict(self.connection.execute("SELECT term, documents FROM term_frequency")))

    def assigner(self, window_days: int) -> OnlineAssigner:
        """An assigner holding every story, the live ones with their centroids, numbered as stored."""
        assigner = OnlineAssigner(window_days)
        rows = self.connection.execute("SELECT id, size, newest_date, live FROM stories ORDER BY id").fetchall()
        centroids: dict[int, dict[str, float]] = {}
        for story, term, weight in self.connection.execute("SELECT story, term, weight FROM centroids"):
            centroids.setdefault(story, {})[term] = weight
        for number, size, newest, live in rows:
            story = _Story(number, size=size, newest=dt.date.fromisoformat(newest) if newest else None)
            assigner.restore(story, centroids.get(number, {}) if live else {})
        return assigner

    def write_batch(self, articles: list[StoredArticle], statistics: TermStatistics, assigner: OnlineAssigner,
                    titles: dict[int, str]) -> None:
        """One batch, in one transaction: its articles, the statistics, every story it touched."""
        touched = {a.story for a in articles} | set(assigner.evicted)
        assigner.evicted.clear()
        with self.connection:
            batch = int(self.connection.execute("SELECT value FROM meta WHERE key = 'batches'").fetchone()[0]) + 1
            self.connection.executemany(
                "INSERT INTO articles (id, title, date, language, origin, story, copy_of, batch, text, outlet, "
                "input_title, published, published_origin, outlet_origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(a.id, a.title, a.date.isoformat() if a.date else None, a.language, a.origin, a.story, a.copy_of, batch,
                  a.text, a.outlet, a.input_title, a.published, a.published_origin, a.outlet_origin) for a in articles])
            self.connection.execute("UPDATE meta SET value = ? WHERE key = 'documents'", (str(statistics.documents),))
            self.connection.execute("UPDATE meta SET value = ? WHERE key = 'batches'", (str(batch),))
            self.connection.executemany(  # only the terms this batch counted: the vocabulary only grows
                "INSERT INTO term_frequency VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET documents = excluded.documents",
                [(term, statistics.frequency[term]) for term in sorted(statistics.changed)])
            statistics.changed.clear()
            for story in (assigner.stories[n] for n in sorted(touched)):
                dates = self.connection.execute("SELECT min(date), count(*) FROM articles WHERE story = ?",
                                                (story.number,)).fetchone()
                self.connection.execute(
                    "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, "
                    "first_date = excluded.first_date, newest_date = excluded.newest_date, live = excluded.live, "
                    "title = CASE WHEN stories.title = '' THEN excluded.title ELSE stories.title END",
                    (story.number, dates[1], dates[0], story.newest.isoformat() if story.newest else None,
                     titles.get(story.number, ""), int(bool(story.centroid))))
                self.connection.execute("DELETE FROM centroids WHERE story = ?", (story.number,))
                self.connection.executemany("INSERT INTO centroids VALUES (?, ?, ?)",
                                            [(story.number, t, w) for t, w in story.centroid.items()])

    def stories_of(self, ids: list[str]) -> dict[str, int]:
        """The story of each of these stored articles."""
        found: dict[str, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found.update(self.connection.execute(
                f"SELECT id, story FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def recent_originals(self, window_days: int) -> list[tuple[str, str, dt.date]]:
        """``(id, text, date)`` of the stored originals (no copies) dated within ``window_days``
        of the newest stored date, in the order they were stored."""
        newest = self.connection.execute("SELECT max(date) FROM articles").fetchone()[0]
        if newest is None:
            return []
        since = (dt.date.fromisoformat(newest) - dt.timedelta(days=window_days)).isoformat()
        rows = self.connection.execute("SELECT id, text, date FROM articles WHERE copy_of IS NULL AND date >= ? "
                                       "ORDER BY rowid", (since,))
        return [(r[0], r[1], dt.date.fromisoformat(r[2])) for r in rows]

    def stories(self) -> list[StoryRow]:
        """Every story, the newest first (by its newest article, then the latest created)."""
        rows = self.connection.execute(
            "SELECT id, size, first_date, newest_date, title, live FROM stories "
            "ORDER BY newest_date IS NULL, newest_date DESC, id DESC").fetchall()
        return [StoryRow(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    def articles(self, story: int) -> list[StoredArticle]:
        """The story's articles in publication order (undated last), copies included."""
        rows = self.connection.execute("SELECT id, title, date, language, origin, story, copy_of, text, outlet, "
                                       "input_title, published, published_origin, outlet_origin "
                                       "FROM articles WHERE story = ? ORDER BY date IS NULL, date, rowid",
                                       (story,)).fetchall()
        return [StoredArticle(r[0], r[1], dt.date.fromisoformat(r[2]) if r[2] else None, *r[3:]) for r in rows]

    def record_problems(self, problems: list[InputProblem]) -> None:
        """The problems of one ingest, stamped with its time (UTC)."""
        run = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self.connection:
            self.connection.executemany("INSERT INTO problems VALUES (?, ?, ?, ?)",
                                        [(run, p.origin, p.message, int(p.skipped)) for p in problems])

    def problems(self) -> list[tuple[str, str, str, bool]]:
        """``(run, origin, message, skipped)`` of every ingest's problems, in the order said."""
        return [(r[0], r[1], r[2], bool(r[3])) for r in self.connection.execute("SELECT * FROM problems ORDER BY rowid")]

    def cached_briefing(self, story: int, key: str) -> str | None:
        """The story's last briefing (JSON), when it was made with ``key`` (options and articles)."""
        row = self.connection.execute("SELECT briefing FROM briefings WHERE story = ? AND key = ?", (story, key)).fetchone()
        return row[0] if row else None

    def cache_briefing(self, story: int, key: str, briefing: str) -> None:
        with self.connection:
            self.connection.execute("INSERT INTO briefings VALUES (?, ?, ?) ON CONFLICT (story) DO UPDATE SET "
                                    "key = excluded.key, briefing = excluded.briefing", (story, key, briefing))
