"""`recoupe eval-stories`: stories found blind against gold clusters, dev and test apart."""

import json
import subprocess
import sys

import pytest

from recoupe.stories.evaluate import score_stories

from conftest import RPM2, require


def test_bcubed_and_pairwise_scores_of_a_small_grouping():
    # gold: {a, b, c} and {d}; found: {a, b} and {c, d}
    scores = score_stories([0, 0, 1, 1], ["x", "x", "x", "y"])
    # B-cubed precision: a 1, b 1, c 1/2, d 1/2; recall: a 2/3, b 2/3, c 1/3, d 1
    assert scores.bcubed_precision == pytest.approx(0.75) and scores.bcubed_recall == pytest.approx(2.6667 / 4, abs=1e-3)
    # pairs: found (a,b), (c,d); gold (a,b), (a,c), (b,c): one right
    assert scores.pairwise_precision == 0.5 and scores.pairwise_recall == pytest.approx(1 / 3, abs=1e-3)
    assert (scores.stories, scores.gold_groups, scores.articles) == (2, 2, 4)
    perfect = score_stories([3, 3, 7], ["x", "x", "y"])
    assert perfect.bcubed_f1 == 1.0 and perfect.pairwise_f1 == 1.0


def _run(*args):
    return subprocess.run([sys.executable, "-m", "recoupe.cli", "eval-stories", *args], capture_output=True, text=True,
                          timeout=600)


def test_eval_stories_on_rpm2_by_topic_reports_dev_and_test():
    done = _run(str(require(RPM2)), "--by", "topic", "--format", "json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert set(scores) == {"dev", "test", "dev_without_shared_texts", "test_without_shared_texts"}
    assert scores["dev"]["gold_groups"] == 10 and scores["test"]["gold_groups"] == 4  # the blind gold's test topics
    assert scores["dev"]["articles"] + scores["test"]["articles"] == 280
    assert 0.5 < scores["dev"]["bcubed_f1"] <= 1 and 0.5 < scores["test"]["bcubed_f1"] <= 1
    table = _run(str(RPM2), "--by", "topic").stdout
    assert "B-cubed F1" in table and "dev" in table and "test" in table


def test_a_text_shared_by_two_gold_stories_is_scored_with_and_without(tmp_path):
    notice = ("Starting in 1996, the archive has been donating its crawl data to the library: every day new "
              "collections of pages are added, kept for researchers and for the public, who can browse the "
              "archived sites of the past by their address and date, and download the files of each crawl.")
    clusters = [{"id": "quake", "documents": [
                    {"id": "q1", "title": "Earthquake hits Chile", "text": "A strong earthquake hit northern Chile."},
                    {"id": "q2", "title": "Chile quake", "text": "The earthquake in northern Chile killed six."},
                    {"id": "q3", "title": "", "text": notice}]},
                {"id": "test-1", "documents": [{"id": "t1", "title": "Floods", "text": "Floods in Bavaria."}]},
                {"id": "vote", "documents": [
                    {"id": "v1", "title": "Budget vote", "text": "The senate passed the budget bill on Friday."},
                    {"id": "v2", "title": "Senate budget", "text": "Senators voted the budget bill late on Friday."},
                    {"id": "v3", "title": "", "text": notice}]},
                {"id": "test-2", "documents": [{"id": "t2", "title": "Strike", "text": "Rail strike in France."}]}]
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps({**c, "language": "en"}) + "\n" for c in clusters), encoding="utf-8")
    scores = json.loads(_run(str(path), "--format", "json").stdout)
    # dev: the first and third clusters (every second one is test)
    assert scores["dev"]["articles"] == 6 and scores["dev_without_shared_texts"]["articles"] == 4
    assert scores["dev_without_shared_texts"]["bcubed_f1"] > scores["dev"]["bcubed_f1"]


@pytest.mark.parametrize("content, message", [
    ('{"id": "a", "documents": 5}\n', "bad.jsonl:1: 'documents' must be a list"),
    ('{"id": "a", "documents": [{"text": "Un texte."}]}\n[1]\n', "bad.jsonl:2: a cluster line must be a JSON object"),
    ('{"id": "a"\n', "bad.jsonl:1: malformed JSON line"),
    ('{"id": "a", "documents": [{"text": "Un texte."}]}\n', "bad.jsonl:1: cluster 'a' has no topic (use --by cluster)"),
    ("[" * 100000 + "\n", "bad.jsonl:1: JSON line the parser refuses"),
    ('{"id": 1' + "0" * 5000 + ', "documents": []}\n', "bad.jsonl:1: JSON line the parser refuses"),
    (b"\xff\xfe\x00x\n", "bad.jsonl: not UTF-8 text"),
])
def test_a_bad_dataset_is_one_line_and_exit_1(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    done = _run(str(path), *(("--by", "topic") if "topic" in message else ()))
    assert done.returncode == 1 and message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_a_folder_or_a_markup_name_is_no_traceback(tmp_path):
    done = _run(str(tmp_path))
    assert done.returncode == 1 and "not a file" in done.stderr and "Traceback" not in done.stderr
    named = tmp_path / "[bold]x[red].jsonl"
    named.write_text('{"id": "a", "documents": [{"id": "d", "text": "Un texte sur la piscine de Lyon."}]}\n',
                     encoding="utf-8")
    done = _run(str(named))
    assert done.returncode == 0, done.stderr
    assert "[bold]x[red].jsonl" in " ".join(done.stdout.split())
