"""Alignment and contradiction detection on the hand-labelled sentence pairs.

    .venv/bin/python benchmarks/bench_alignment.py            # evaluate on the held-out test set
    .venv/bin/python benchmarks/bench_alignment.py --fit      # refit the logistic model on the dev set

The test set (tests/data/crosscheck_pairs.jsonl) was written by hand before any threshold was
set and is never fitted on; the calibration set (tests/data/crosscheck_dev_pairs.jsonl, rpm2-fr
"C2" clusters only) is where ALIGNMENT_COEFFICIENTS come from. A second calibration file
(tests/data/crosscheck_dev2_pairs.jsonl, 86 pairs from 10 "C1" clusters no test pair comes from,
hard negatives chosen on purpose) was written after the coefficients were set: the pipeline's
score on it is a fresh estimate, and ``--fit`` and the ablation rows use both files. The ablation rows refit the
model on the dev set with a subset of the three signals and score the test pairs on the unit
pair with the best TF-IDF cosine (the full row is the pipeline's real decision). The test pairs
were labelled a second time, blind (tests/data/crosscheck_pairs_second_annotation.jsonl): the
agreement of the two annotations says how much of the miss is the labels' own uncertainty.

The labelled sets above are made of *related* pairs, chosen by hand. Two more files measure the
pairs recoupe meets in use: cross-document sentence pairs drawn at random from the 16 rpm2-fr
clusters no test pair comes from, a fixed number per cluster in each band of the pipeline's
alignment at the time (``sampled_p``), and labelled blind with the same definitions
(tests/data/crosscheck_wild_pairs.jsonl, 388 pairs, read before ``align.states_a_fact`` was
written; tests/data/crosscheck_wild2_pairs.jsonl, 171 pairs from p >= 0.5, labelled after it). Their
table gives, for each band of the alignment today, the share of pairs that state one fact: how
far a link (and a claim, from ``CLAIM_LINK_PROBABILITY``) can be trusted.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sklearn.linear_model import LogisticRegression

from recoupe.align import ALIGNED_PROBABILITY, ALIGNMENT_COEFFICIENTS, CLAIM_LINK_PROBABILITY, SURE_LINK_PROBABILITY
from recoupe.crosscheck_eval import Scores, judge, load_pairs
from recoupe.features import NlpResources

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TEST = ROOT / "tests" / "data" / "crosscheck_pairs.jsonl"
# a second, blind annotation of the test pairs (same instructions, written without the first labels)
SECOND = ROOT / "tests" / "data" / "crosscheck_pairs_second_annotation.jsonl"
# random cross-document pairs, stratified by the alignment when they were drawn (not fitted on)
WILD = (("wild", ROOT / "tests" / "data" / "crosscheck_wild_pairs.jsonl"),
        ("wild2 (held out)", ROOT / "tests" / "data" / "crosscheck_wild2_pairs.jsonl"))
BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.75), (0.75, 0.9), (0.9, 1.01))
# calibration pairs: 70 from 14 "C2" clusters, then 86 more from 10 "C1" clusters that no test pair comes from
DEV = (ROOT / "tests" / "data" / "crosscheck_dev_pairs.jsonl", ROOT / "tests" / "data" / "crosscheck_dev2_pairs.jsonl")
SIGNALS = ("tfidf", "vectors", "overlap", "shared value", "shared slot")
SUBSETS = ((0,), (1,), (2,), (0, 1), (0, 2), (0, 1, 2), (0, 1, 2, 3), (0, 2, 3, 4), (0, 1, 2, 3, 4))


def run(paths: Path | tuple[Path, ...], resources: NlpResources, label: str):
    pairs = [pair for path in ((paths,) if isinstance(paths, Path) else paths) for pair in load_pairs(path)]
    with Progress(transient=True) as progress:
        task = progress.add_task(f"{label}: clusters", total=len({p.cluster for p in pairs}))
        scores = judge(pairs, DATA, resources, progress=lambda _: progress.advance(task))
    return scores


def matrix(scores) -> tuple[np.ndarray, np.ndarray]:
    rows = [j for j in scores.judged if j.signals is not None]
    x = np.array([j.signals for j in rows])
    y = np.array([j.pair.label in ("same", "contradicts") for j in rows])
    return x, y


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fit", action="store_true", help="fit the logistic model on the dev set and print it")
    args = parser.parse_args()
    if not (DATA / "rpm2-fr").exists() or not (DATA / "seeds").exists():
        print(f"skipped: {DATA} (seeds, rpm2-fr) not found", file=sys.stderr)
        return 0
    console = Console()
    resources = NlpResources()
    dev = run(DEV, resources, "dev")
    x_dev, y_dev = matrix(dev)
    if args.fit:
        # model choice by leave-one-cluster-out on the dev set (the test set is never looked at)
        from sklearn.model_selection import LeaveOneGroupOut, cross_val_predict

        groups = [j.pair.cluster for j in dev.judged if j.signals is not None]
        for subset in SUBSETS:
            predicted = cross_val_predict(LogisticRegression(C=10.0), x_dev[:, subset], y_dev, groups=groups,
                                          cv=LeaveOneGroupOut(), method="predict_proba")[:, 1] >= ALIGNED_PROBABILITY
            tp = int(np.sum(predicted & y_dev))
            precision, recall = tp / max(1, int(predicted.sum())), tp / max(1, int(y_dev.sum()))
            console.print(f"dev cross-validated  {' + '.join(SIGNALS[k] for k in subset):45s} P {precision:.3f} R {recall:.3f}")
        model = LogisticRegression(C=10.0).fit(x_dev, y_dev)
        coefficients = (float(model.intercept_[0]), *(float(w) for w in model.coef_[0]))
        console.print(f"ALIGNMENT_COEFFICIENTS = ({', '.join(f'{c:.2f}' for c in coefficients)})")
        return 0
    test = run(TEST, resources, "test")
    x_test, y_test = matrix(test)

    table = Table(title=f"Alignment on {len(test.judged)} held-out pairs (positives: same + contradicts)")
    for column in ("model", "precision", "recall", "F1"):
        table.add_column(column)
    for subset in SUBSETS:
        model = LogisticRegression(C=10.0).fit(x_dev[:, subset], y_dev)
        predicted = model.predict_proba(x_test[:, subset])[:, 1] >= ALIGNED_PROBABILITY
        tp = int(np.sum(predicted & y_test))
        precision = tp / max(1, int(predicted.sum()))
        recall = tp / max(1, int(y_test.sum()))
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table.add_row(" + ".join(SIGNALS[k] for k in subset) + " (ablation)", f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}")
    full = test.alignment()
    table.add_row("recoupe (pipeline decision)", f"{full['precision']:.3f}", f"{full['recall']:.3f}", f"{full['f1']:.3f}")
    dev_scores = dev.alignment()
    table.add_row("recoupe on the dev sets", f"{dev_scores['precision']:.3f}", f"{dev_scores['recall']:.3f}", f"{dev_scores['f1']:.3f}")
    fresh = Scores(judged=[j for j in dev.judged if j.pair.id.startswith("e")]).alignment()
    table.add_row("recoupe on the newer dev pairs (written after the fit)", f"{fresh['precision']:.3f}",
                  f"{fresh['recall']:.3f}", f"{fresh['f1']:.3f}")
    console.print(table)
    print_second_annotation(console, test)
    for name, scores in (("test", test), ("dev", dev)):
        at_claims = scores.alignment(CLAIM_LINK_PROBABILITY)
        console.print(f"Claims link units from p >= {CLAIM_LINK_PROBABILITY} ({name}): precision {at_claims['precision']:.3f}, "
                      f"recall {at_claims['recall']:.3f}")
    console.print(f"coefficients (intercept, tfidf, vectors, overlap, shared value, shared slot): {ALIGNMENT_COEFFICIENTS}; "
                  f"aligned from p >= {ALIGNED_PROBABILITY}; unlocated pairs: {test.unlocated or 'none'}")

    contradiction = test.contradiction()
    console.print(
        f"Contradictions (test): precision {contradiction['precision']:.3f}, recall {contradiction['recall']:.3f} "
        f"({contradiction['tp']} found of {contradiction['positives']}, {contradiction['right_type']} with the right type, "
        f"{contradiction['fp']} false)"
    )
    errors = Table(title="Errors (test)", show_lines=False)
    for column in ("id", "gold", "p", "found"):
        errors.add_column(column)
    for j in test.judged:
        gold_aligned = j.pair.label in ("same", "contradicts")
        if gold_aligned != (j.probability >= ALIGNED_PROBABILITY) or (j.pair.label == "contradicts") != (j.contradiction is not None):
            errors.add_row(j.pair.id, f"{j.pair.label}{'/' + j.pair.type if j.pair.type else ''}", f"{j.probability:.2f}", j.contradiction or "")
    console.print(errors)
    print_wild_pairs(console, resources, {"test": test, "dev": dev})
    return 0


def print_wild_pairs(console: Console, resources: NlpResources, labelled: dict[str, Scores]) -> None:
    """Share of random cross-document pairs that state one fact, by band of today's alignment;
    then the summary's corroboration (its same-fact test, or a sure claim) against the claim links
    on every labelled set."""
    table = Table(title="Random cross-document pairs: share that state one fact (same or contradicts), "
                        "by the pipeline's alignment p")
    table.add_column("set")
    for low, high in BANDS:
        table.add_column(f"p {low:.2f}-{min(high, 1.0):.2f}")
    table.add_column(f"p >= {CLAIM_LINK_PROBABILITY} (claim link)")
    labelled = dict(labelled)  # the caller's sets, then the random ones
    for name, path in WILD:
        labelled[name] = scores = run(path, resources, name)
        judged = scores.judged
        cells = []
        for low, high in (*BANDS, (CLAIM_LINK_PROBABILITY, 1.01)):
            band = [j for j in judged if low <= j.probability < high]
            one_fact = sum(j.pair.label != "different" for j in band)
            cells.append(f"{one_fact}/{len(band)} = {one_fact / len(band):.2f}" if band else "-")
        table.add_row(name, *cells)
    console.print(table)
    corroboration = Table(title="Which test says two sentences are one fact: precision / recall on each set")
    for column in ("set", "summary corroboration (states_same or a sure claim)", "states_same alone",
                   f"claim link (p >= {CLAIM_LINK_PROBABILITY})", f"sure claim link (p >= {SURE_LINK_PROBABILITY})"):
        corroboration.add_column(column)
    for name, scores in labelled.items():
        cells = [scores.summary_corroboration(), scores.summary_corroboration(with_sure_claims=False),
                 scores.alignment(CLAIM_LINK_PROBABILITY), scores.alignment(SURE_LINK_PROBABILITY)]
        corroboration.add_row(name, *(f"{c['precision']:.2f} / {c['recall']:.2f} ({c['tp']} of {c['tp'] + c['fp']})"
                                      for c in cells))
    console.print(corroboration)


def print_second_annotation(console: Console, test: Scores) -> None:
    """How far two annotators agree on the test pairs, and the pipeline scored on the second one:
    an upper bound on what the labels can tell apart."""
    second = {row["id"]: row for row in map(json.loads, SECOND.read_text(encoding="utf-8").splitlines()) if row}
    judged = [j for j in test.judged if j.pair.id in second]
    if not judged:
        return
    first_labels = [j.pair.label for j in judged]
    second_labels = [second[j.pair.id]["label"] for j in judged]
    aligned_first = [label != "different" for label in first_labels]
    aligned_second = [label != "different" for label in second_labels]
    n = len(judged)
    observed = sum(a == b for a, b in zip(aligned_first, aligned_second)) / n
    p1, p2 = sum(aligned_first) / n, sum(aligned_second) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    kappa = (observed - chance) / (1 - chance) if chance < 1 else 1.0
    three_way = sum(a == b for a, b in zip(first_labels, second_labels)) / n
    rescored = Scores(judged=[replace(j, pair=replace(j.pair, label=second[j.pair.id]["label"], type=second[j.pair.id]["type"]))
                              for j in judged]).alignment()
    console.print(f"Second annotation of the {n} test pairs: same label {three_way:.3f}, aligned-or-not {observed:.3f} "
                  f"(Cohen's kappa {kappa:.3f}); recoupe scored on it: precision {rescored['precision']:.3f}, "
                  f"recall {rescored['recall']:.3f}")


if __name__ == "__main__":
    sys.exit(main())
