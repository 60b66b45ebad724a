"""Quotes and their speakers on the hand-annotated quotes (tests/data/quotes.jsonl).

    .venv/bin/python benchmarks/bench_quotes.py             # recall, speaker accuracy, precision estimate
    .venv/bin/python benchmarks/bench_quotes.py --show 15   # and 15 predicted quotes nobody annotated

Each annotation names a cluster (the seeds or an rpm2-fr cluster), a document, the quote (direct
or indirect) and its speaker. An annotated quote is *found* when a quote of the same document
overlaps it (rapidfuzz partial ratio of the normalised texts from FOUND_RATIO on). Its speaker is
*right* when the predicted name and the annotated one match (``values.names_match`` on
``name_key``), or, in the "by actor" row, when both resolve to the same actor of
``recoupe.actors.find_actors``. The annotation lists the quotes of chosen sentences, not every
quote of a document: predicted quotes it does not hold are counted as unannotated and a sample
is shown for inspection (a lower bound of precision, not precision).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from recoupe.crosscheck_eval import cluster_documents
from recoupe.features import NlpResources
from recoupe.pipeline import prepare
from recoupe.quotes import find_quotes, normalise_quote
from recoupe.speakers import speaker_actor
from recoupe.types import Report
from recoupe.values import name_key, names_match

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "quotes.jsonl"
# An annotated quote is found by a predicted one from this partial ratio on (normalised texts).
FOUND_RATIO = 85


@dataclass
class Outcome:
    gold: dict
    found: Report | None
    by_name: bool = False
    by_actor: bool | None = None


def found_by(gold: dict, reports: list[Report]) -> Report | None:
    """The predicted report of the annotated document that best overlaps the annotated quote."""
    wanted = normalise_quote(gold["quote"])
    best, score = None, 0.0
    for report in reports:
        if report.source != gold["doc"]:
            continue
        text = normalise_quote(report.text)
        shorter, longer = sorted((wanted, text), key=len)
        ratio = fuzz.partial_ratio(shorter, longer) if len(shorter.split()) >= 2 else 0.0
        if ratio > score:
            best, score = report, ratio
    return best if score >= FOUND_RATIO else None


def evaluate(resources: NlpResources) -> tuple[list[Outcome], list[Report]]:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        from recoupe.actors import find_actors
    except ImportError:
        find_actors = None
    outcomes, unannotated = [], []
    for cluster in dict.fromkeys(g["cluster"] for g in gold):
        ws = prepare(cluster_documents(cluster, DATA), resources=resources)
        reports = find_quotes(ws.sentences, ws.features.analyses, ws.lang)
        actors = find_actors(ws.sentences, ws.features.analyses, ws.lang) if find_actors else None
        matched = set()
        for item in (g for g in gold if g["cluster"] == cluster):
            report = found_by(item, reports)
            outcome = Outcome(item, report)
            if report is not None:
                matched.add(id(report))
                if report.speaker:
                    outcome.by_name = names_match(name_key(report.speaker, ws.lang), name_key(item["speaker"], ws.lang))
                if actors is not None:
                    predicted = speaker_actor(report, actors, ws.lang)
                    annotated = speaker_actor(Report(item["doc"], 0, "", "", item["speaker"], None), actors, ws.lang)
                    outcome.by_actor = predicted is not None and annotated is not None and predicted.id == annotated.id \
                        or predicted is None and annotated is None and outcome.by_name
            outcomes.append(outcome)
        annotated_docs = {g["doc"] for g in gold if g["cluster"] == cluster}
        unannotated += [r for r in reports if id(r) not in matched and r.source in annotated_docs]
    return outcomes, unannotated


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print this many unannotated predicted quotes")
    args = parser.parse_args()
    if not (DATA / "rpm2-fr").exists() or not (DATA / "seeds").exists():
        print(f"skipped: {DATA} (seeds, rpm2-fr) not found", file=sys.stderr)
        return 0
    console = Console()
    outcomes, unannotated = evaluate(NlpResources())
    table = Table(title=f"Quotes on {len(outcomes)} annotated quotes ({GOLD.relative_to(ROOT)})")
    for column in ("kind", "annotated", "found (recall)", "speaker right by name", "speaker right by actor"):
        table.add_column(column)
    for kind in ("direct", "indirect", "all"):
        rows = [o for o in outcomes if kind == "all" or o.gold["kind"] == kind]
        found = [o for o in rows if o.found is not None]
        by_actor = [o for o in found if o.by_actor is not None]
        table.add_row(
            kind, str(len(rows)), f"{len(found)} ({len(found) / max(1, len(rows)):.1%})",
            f"{sum(o.by_name for o in found)}/{len(found)} ({sum(o.by_name for o in found) / max(1, len(found)):.1%})",
            f"{sum(o.by_actor for o in by_actor)}/{len(by_actor)} ({sum(o.by_actor for o in by_actor) / max(1, len(by_actor)):.1%})"
            if by_actor else "n/a",
        )
    console.print(table)
    console.print(f"predicted quotes in the annotated documents that no annotation holds: {len(unannotated)} "
                  f"(inspect with --show N: the annotation is not exhaustive)")
    errors = Table(title="Misses and wrong speakers")
    for column in ("doc", "kind", "annotated speaker", "predicted speaker", "quote"):
        errors.add_column(column)
    for o in outcomes:
        if o.found is None or not (o.by_actor if o.by_actor is not None else o.by_name):
            errors.add_row(o.gold["doc"], o.gold["kind"], o.gold["speaker"],
                           "(not found)" if o.found is None else str(o.found.speaker), o.gold["quote"][:70])
    console.print(errors)
    if args.show:
        sample = random.Random(0).sample(unannotated, min(args.show, len(unannotated)))
        for report in sample:
            console.print(f"[{report.source} #{report.sentence_index} {report.kind}] {report.speaker} | {report.cue} | {report.text[:120]}",
                          markup=False)
    console.print("command: .venv/bin/python benchmarks/bench_quotes.py [--show N]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
