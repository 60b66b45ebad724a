"""The labelled pairs that cross-checking is measured on, and how a test is scored on them."""

import json
from pathlib import Path

import pytest

from recoupe.crosscheck_eval import Judged, LabelledPair, Scores, load_pairs

DATA = Path(__file__).parent / "data"
PAIR_FILES = ("crosscheck_pairs", "crosscheck_dev_pairs", "crosscheck_dev2_pairs", "crosscheck_wild_pairs",
              "crosscheck_wild2_pairs")


@pytest.mark.parametrize("name", PAIR_FILES)
def test_every_labelled_pair_has_a_label_and_a_type_only_when_it_contradicts(name):
    pairs = load_pairs(DATA / f"{name}.jsonl")
    assert pairs and len({p.id for p in pairs}) == len(pairs)
    for pair in pairs:
        assert pair.label in ("same", "different", "contradicts")
        assert (pair.type in ("number", "date", "name", "place")) is (pair.label == "contradicts")
        assert pair.a_doc != pair.b_doc and pair.a_sentence and pair.b_sentence


def test_the_random_pairs_come_from_clusters_no_test_pair_comes_from():
    test_clusters = {p.cluster for p in load_pairs(DATA / "crosscheck_pairs.jsonl")}
    for name in ("crosscheck_wild_pairs", "crosscheck_wild2_pairs"):
        rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert not {row["cluster"] for row in rows} & test_clusters
        assert all(0.0 <= row["sampled_p"] <= 1.0 for row in rows)
    # the held-out sample shares no sentence with the first one, which the statement rule was read on
    def sentences(name):
        rows = map(json.loads, (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines())
        return {row[side]["sentence"] for row in rows for side in ("a", "b")}

    assert not sentences("crosscheck_wild_pairs") & sentences("crosscheck_wild2_pairs")


def _judged(label: str, summary_same: bool, probability: float, sure_claim: bool = False) -> Judged:
    pair = LabelledPair("x", "c", "a", "s", "b", "t", label, "number" if label == "contradicts" else None)
    return Judged(pair, probability, None, None, summary_same, sure_claim)


def test_the_summary_test_is_scored_as_an_alignment():
    scores = Scores(judged=[_judged("same", True, 0.2), _judged("contradicts", False, 0.9),
                            _judged("different", True, 0.6), _judged("different", False, 0.1)])
    summary = scores.summary_corroboration()
    assert (summary["tp"], summary["fp"], summary["fn"]) == (1, 1, 1)
    aligned = scores.alignment(0.5)
    assert (aligned["tp"], aligned["fp"], aligned["fn"]) == (1, 1, 1)
    assert scores.alignment(0.95)["tp"] == 0
    # a sure claim corroborates a summary sentence too, unless the test is scored alone
    scores.judged.append(_judged("same", False, 0.95, sure_claim=True))
    assert scores.summary_corroboration()["tp"] == 2
    assert scores.summary_corroboration(with_sure_claims=False)["tp"] == 1


@pytest.mark.parametrize("name, verdicts", [("rpm2_injection_pairs_judged", {"same", "different", "unsure"}),
                                             ("rpm2_flagged_contradictions", {"real", "false"})])
def test_every_hand_verdict_names_both_sentences_and_a_known_verdict(name, verdicts):
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert rows
    for row in rows:
        assert row["verdict"] in verdicts and row["kind"] in ("number", "date", "name", "place")
        assert row["a"]["sentence"] and row["b"]["sentence"] and row["a"]["doc"] != row["b"]["doc"]
    # a pair read twice (a gate candidate that is also a timeline conflict) has one verdict
    given: dict = {}
    for row in rows:
        key = (row["cluster"], row["kind"], frozenset({(row["a"]["doc"], row["a"]["sentence"]),
                                                       (row["b"]["doc"], row["b"]["sentence"])}))
        assert given.setdefault(key, row["verdict"]) == row["verdict"]
