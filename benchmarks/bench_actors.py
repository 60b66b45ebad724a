"""Actors on the hand-annotated mentions of tests/data/actor_mentions.jsonl.

    .venv/bin/python benchmarks/bench_actors.py            # table of scores
    .venv/bin/python benchmarks/bench_actors.py --errors   # and every missed mention / wrong merge

Each annotated mention (cluster, document, sentence, name as written, gold actor, gold type) is
looked for among the predicted actors' mentions: same document, a sentence that the annotated one
covers (``crosscheck_eval.locate``; titles and removed lines are matched against the asides with
rapidfuzz), and a predicted name overlapping the annotated one. Then:

- mention recall: annotated mentions found in some actor;
- merge precision / recall, pairwise over the found mentions: two mentions of the same gold actor
  should share a predicted actor, and two that share a predicted actor should be one gold actor;
- type accuracy: found mentions whose actor has the gold type.

Annotated mentions in lines the cleaning removed (titles, bylines, foreign sentences) are counted
with the asides (``actors.document_asides``); the "body only" row leaves them out of the input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from recoupe.actors import document_asides, find_actors
from recoupe.crosscheck_eval import cluster_documents, locate
from recoupe.features import NlpResources
from recoupe.pipeline import prepare

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "actor_mentions.jsonl"
# An annotated title or removed line is the aside it matches from this rapidfuzz ratio on.
ASIDE_MIN_RATIO = 85
BOTH, BODY = "recoupe (body + asides)", "recoupe (body sentences only)"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(gold: list[dict], resources: NlpResources) -> dict[str, list[tuple[dict, str | None, str | None]]]:
    """Per input (with or without asides): (annotation, predicted actor id, predicted type) for
    every annotated mention."""
    results = {BOTH: [], BODY: []}
    for cluster in dict.fromkeys(g["cluster"] for g in gold):
        ws = prepare(cluster_documents(cluster, DATA), resources=resources)
        all_asides = document_asides(ws.documents, resources.pipeline(ws.lang.CODE))
        for label, asides in ((BOTH, all_asides), (BODY, [])):
            results[label] += _judge_cluster(gold, cluster, ws, asides)
    return results


def _judge_cluster(gold: list[dict], cluster: str, ws, asides) -> list[tuple[dict, str | None, str | None]]:
    results = []
    actors = find_actors(ws.sentences, ws.features.analyses, ws.lang, asides)
    found = defaultdict(list)  # (doc, sentence index) -> [(mention, actor)]
    for actor in actors:
        for mention in actor.mentions:
            found[(mention.source, mention.sentence_index)].append((mention, actor))
    texts = {d.id: d.text for d in ws.documents}
    for g in (g for g in gold if g["cluster"] == cluster):
        indices = [ws.sentences[k].index for k in locate(g["sentence"], g["doc"], texts, ws.sentences)]
        indices += [a.sentence.index for a in asides if a.sentence.doc_id == g["doc"]
                    and fuzz.ratio(" ".join(a.sentence.text.split()), " ".join(g["sentence"].strip("[]").split())) >= ASIDE_MIN_RATIO]
        match = _match(g["mention"], [pair for index in indices for pair in found[(g["doc"], index)]])
        results.append((g, match.id if match else None, match.type if match else None))
    return results


def _match(name: str, candidates):
    """The actor of the predicted mention that overlaps the annotated name best."""
    best, score = None, 0.0
    for mention, actor in candidates:
        if name in mention.text or mention.text in name:
            value = min(len(name), len(mention.text)) / max(len(name), len(mention.text))
            if value > score:
                best, score = actor, value
    return best


def scores(results) -> dict[str, float]:
    found = [(g, actor, kind) for g, actor, kind in results if actor]
    tp = fp = fn = 0
    for (g1, a1, _), (g2, a2, _) in combinations(found, 2):
        if (g1["cluster"], g1["actor"]) == (g2["cluster"], g2["actor"]):
            tp, fn = (tp + 1, fn) if a1 == a2 else (tp, fn + 1)
        elif a1 == a2 and g1["cluster"] == g2["cluster"]:
            fp += 1
    return {
        "mentions": len(results), "found": len(found),
        "recall": len(found) / len(results) if results else 0.0,
        "merge_precision": tp / (tp + fp) if tp + fp else 0.0,
        "merge_recall": tp / (tp + fn) if tp + fn else 0.0,
        "type_accuracy": sum(kind == g["type"] for g, _, kind in found) / len(found) if found else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", action="store_true", help="list missed mentions and wrong merges")
    args = parser.parse_args()
    if not (DATA / "seeds").exists() or not (DATA / "rpm2-fr").exists():
        print(f"skipped: {DATA} (seeds, rpm2-fr) not found", file=sys.stderr)
        return 0
    console, resources = Console(), NlpResources()
    gold = load(GOLD)
    rows = predict(gold, resources)
    table = Table(title=f"Actors on {len(gold)} annotated mentions ({GOLD.relative_to(ROOT)})")
    for column in ("input", "mention recall", "merge P", "merge R", "type accuracy", "found"):
        table.add_column(column)
    for label, results in rows.items():
        s = scores(results)
        table.add_row(label, f"{s['recall']:.3f}", f"{s['merge_precision']:.3f}", f"{s['merge_recall']:.3f}",
                      f"{s['type_accuracy']:.3f}", f"{s['found']}/{s['mentions']}")
    console.print(table)
    for cluster in dict.fromkeys(g["cluster"] for g in gold):
        s = scores([r for r in rows[BOTH] if r[0]["cluster"] == cluster])
        console.print(f"  {cluster:12s} recall {s['recall']:.3f}  merge P {s['merge_precision']:.3f}  "
                      f"R {s['merge_recall']:.3f}  type {s['type_accuracy']:.3f}")
    console.print("command: .venv/bin/python benchmarks/bench_actors.py")
    if args.errors:
        results = rows[BOTH]
        for g, actor, kind in results:
            if actor is None:
                console.print(f"missed  {g['cluster']} {g['doc'][:7]} {g['mention']!r} ({g['type']}) in {g['sentence'][:80]!r}")
            elif kind != g["type"]:
                console.print(f"type    {g['mention']!r}: {kind}, gold {g['type']}")
        by_actor = defaultdict(set)
        for g, actor, _ in results:
            if actor:
                by_actor[(g["cluster"], actor)].add(g["actor"])
        for (cluster, actor), names in by_actor.items():
            if len(names) > 1:
                console.print(f"merged  {cluster} {actor}: {sorted(names)}")
        by_gold = defaultdict(set)
        for g, actor, _ in results:
            if actor:
                by_gold[(g["cluster"], g["actor"])].add(actor)
        for (cluster, name), actors in by_gold.items():
            if len(actors) > 1:
                console.print(f"split   {cluster} {name}: {sorted(actors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
