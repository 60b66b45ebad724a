"""The same feed gives the same stories whatever runs the per-article work: this process's
threads, local processes, or a real Dask ``distributed`` cluster of two worker processes."""

import json
import sqlite3

import pytest
from conftest import RPM2, require

from recoupe.stories.ingest import ingest
from recoupe.stories.parallel import SchedulerProblem, open_workers
from recoupe.stories.store import StoryStore


def _stories_of(db):
    """Every article's story, copy-of and origin, as stored."""
    rows = sqlite3.connect(db).execute("SELECT id, story, copy_of, origin FROM articles ORDER BY id").fetchall()
    return {row[0]: row[1:] for row in rows}


def _ingest(feed, db, scheduler, batch=100):
    store = StoryStore.open(db)
    try:
        return ingest([str(feed)], store, batch_size=batch, scheduler=scheduler)
    finally:
        store.close()


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    """rpm2-fr's 280 articles as one article a line, with a copy of a tenth of them under a
    new headline and footer (copies must be found the same way on every scheduler)."""
    require(RPM2)
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    lines = []
    for line in RPM2.read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        for position, document in enumerate(cluster["documents"]):
            article = {"id": f"{cluster['id']}-{position}", "title": document.get("title") or "",
                       "text": document["text"], "date": document.get("date") or cluster.get("date")}
            lines.append(article)
            if position == 3:
                lines.append({**article, "id": article["id"] + "-copy", "title": "Repris : " + article["title"],
                              "text": article["text"] + "\nTous droits réservés."})
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in lines) + "\n", encoding="utf-8")
    return path


def test_threads_processes_and_a_local_dask_cluster_give_the_same_stories(feed, tmp_path):
    distributed = pytest.importorskip("distributed")
    threaded = _ingest(feed, tmp_path / "threads.sqlite", "threads")
    assert threaded.stored == 308 and threaded.copies >= 28 and not threaded.problems
    expected = _stories_of(tmp_path / "threads.sqlite")
    assert len(set(story for story, _, _ in expected.values())) == threaded.new_stories > 1
    _ingest(feed, tmp_path / "processes.sqlite", "processes")
    assert _stories_of(tmp_path / "processes.sqlite") == expected
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            on_cluster = _ingest(feed, tmp_path / "cluster.sqlite", client)
            assert on_cluster.stored == threaded.stored
            # the address form of --scheduler, as the CLI passes it
            _ingest(feed, tmp_path / "address.sqlite", cluster.scheduler_address)
    assert _stories_of(tmp_path / "cluster.sqlite") == expected
    assert _stories_of(tmp_path / "address.sqlite") == expected


def test_a_scheduler_that_is_neither_local_nor_an_address_is_refused():
    with pytest.raises(SchedulerProblem, match="expected threads, processes"):
        with open_workers("gpu"):
            pass


def test_an_address_where_no_scheduler_answers_is_one_problem():
    pytest.importorskip("distributed")
    with pytest.raises(SchedulerProblem, match="no Dask scheduler answers"):
        with open_workers("tcp://127.0.0.1:9"):
            pass
