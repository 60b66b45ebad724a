"""Date expressions and publication dates on the hand-annotated expressions of the seeds and
four rpm2-fr clusters (tests/data/dated_expressions.jsonl, 123 expressions).

    .venv/bin/python benchmarks/bench_timeline.py

- expression recall: a date expression found overlapping the annotated one in its sentence;
- date accuracy: one of those resolves to the annotated date at the annotated precision
  (intervals: both ends; times: the day and the clock time), against the annotation's
  publication date, or, where the annotation has none, the one ``publication_dates`` infers
  from the document's cluster (as the tool would);
- publication-date inference: for the rpm2-fr documents whose annotation gives a publication date,
  what ``publication_dates`` infers with every date hidden (rpm2-fr has no date metadata).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from recoupe.dates import find_dates
from recoupe.lang import fr
from recoupe.split import SentenceSplitter
from recoupe.timeline import publication_dates
from recoupe.types import Sentence

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "dated_expressions.jsonl"
COMMAND = ".venv/bin/python benchmarks/bench_timeline.py"


def cluster_sentences(cluster: str) -> list[Sentence]:
    """The cluster's documents split into sentences (no cleaning: dates only need the words)."""
    from recoupe.crosscheck_eval import cluster_documents

    splitter = SentenceSplitter(fr)
    sentences = []
    for document in cluster_documents("seeds" if cluster == "seeds" else cluster, DATA):
        for index, text in enumerate(s for line in document.text.splitlines() for s in splitter.split(line)):
            sentences.append(Sentence(document.id, index, 0, len(text), text))
    return sentences


def value(expression, gold: dict) -> str | None:
    if gold["precision"] == "interval":
        return f"{expression.date}/{expression.end_date}" if expression.precision == "interval" else expression.date
    if gold["precision"] == "time":
        return expression.date if expression.time == gold["time"] else None
    return expression.date


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    inferred_for: dict[str, dict] = {}
    for cluster in dict.fromkeys(r["cluster"] for r in rows):
        inferred_for[cluster] = publication_dates(cluster_sentences(cluster), {}, fr)

    counts = defaultdict(lambda: [0, 0, 0])  # found, right, total
    misses = []
    for row in rows:
        published = row["published"] or inferred_for[row["cluster"]][row["doc"]].date
        day = dt.date.fromisoformat(published) if published else None
        sentence, written = row["sentence"], row["expression"]
        start = sentence.find(written)
        found = [e for e in find_dates(sentence, fr, day) if e.start < start + len(written) and start < e.end]
        right = any(value(e, row) == row["date"] for e in found)
        for group in ("all", "relative" if row["relative"] else "absolute",
                      "publication given" if row["published"] else "publication inferred"):
            counts[group][0] += bool(found)
            counts[group][1] += right
            counts[group][2] += 1
        if not right:
            misses.append((row["doc"], written, row["date"], [(e.text, e.date, e.end_date, e.time) for e in found]))

    console = Console()
    table = Table(title="Date expressions (tests/data/dated_expressions.jsonl)")
    for column in ("expressions", "n", "recall", "date accuracy"):
        table.add_column(column, justify="right" if column != "expressions" else "left")
    for group in ("all", "absolute", "relative", "publication given", "publication inferred"):
        found, right, total = counts[group]
        if total:
            table.add_row(group, str(total), f"{found / total:.1%}", f"{right / total:.1%}")
    console.print(table)

    documents = {(r["cluster"], r["doc"]): r["published"] for r in rows if r["published"] and r["cluster"] != "seeds"}
    exact = near = unknown = 0
    table = Table(title="Publication date inferred with the metadata hidden (rpm2-fr)")
    for column in ("document", "annotated", "inferred"):
        table.add_column(column)
    for (cluster, doc), gold in sorted(documents.items()):
        guess = inferred_for[cluster][doc].date
        exact += guess == gold
        near += bool(guess) and abs((dt.date.fromisoformat(guess) - dt.date.fromisoformat(gold)).days) <= 1
        unknown += guess is None
        table.add_row(doc, gold, guess or "unknown")
    console.print(table)
    total = len(documents)
    console.print(f"publication dates: {exact}/{total} exact ({exact / total:.0%}), {near}/{total} within one day, "
                  f"{unknown} left unknown")
    console.print("\nwrong or missed:")
    for miss in misses:
        console.print(f"  {miss[0]} {miss[1]!r} gold {miss[2]} -> {miss[3]}", markup=False)
    console.print(f"\ncommand: {COMMAND}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
