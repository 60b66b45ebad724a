"""Links between sources against a blind gold, dev and test side by side (issue 19): for now the
contradictions.

    .venv/bin/python benchmarks/bench_links.py [--errors dev|test|all] [--gold DIR]

The gold (``tests/data/links/``, rules in its README) was written from the article texts before
anyone looked at recoupe's output on those clusters: every pair of sentences of two documents
that state the same fact with values that cannot both be true (``contradiction``), and the
look-alikes that agree (``compatible``: rounding, an approximation, a time zone). Its clusters
are split by topic into dev and test.

What is scored is what a reader of the briefing sees (``briefing_to_dict``):
- a shown contradiction (``contradictions[]`` without an ``explanation``) is *real* when a gold
  contradiction pairs the same two documents and sentences (either way round; a sentence matches
  at rapidfuzz partial ratio >= 85 of the normalised texts); one matching a gold compatible
  pair, or no gold pair, is a false alarm (the gold lists every contradiction of its clusters);
- an explained one ("two time zones") is shown as agreeing: right unless the gold calls the
  pair a contradiction;
- recall: the gold contradictions some shown contradiction matches.
Not yet scored: corroborations and claim members (they need judged pairs).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_who_when import Count, briefed, gold_arguments, normalise  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "links"
# Two sentences are one when the shorter aligns with the longer from this partial ratio on.
SAME_SENTENCE_RATIO = 85


def same_sentence(a: str, b: str) -> bool:
    return fuzz.partial_ratio(normalise(a), normalise(b)) >= SAME_SENTENCE_RATIO


@dataclass
class Scores:
    shown_real: Count = field(default_factory=Count)  # precision of shown contradictions
    explained_right: Count = field(default_factory=Count)  # explained ones that are no contradiction
    recall: Count = field(default_factory=Count)  # gold contradictions shown


def load_gold(folder: Path) -> dict[str, dict]:
    gold = {}
    for path in sorted(folder.glob("contradictions_*.jsonl")):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        header = next(r for r in records if r["kind"] == "header")
        gold[header["cluster"]] = {"split": header["split"],
                                   "pairs": [r for r in records if r["kind"] == "contradiction"]}
    return gold


def matches(shown: dict, pair: dict) -> bool:
    """A shown contradiction and a gold pair name the same two sentences of the same documents."""
    a, b = shown["a"], shown["b"]
    for first, second in ((a, b), (b, a)):
        if (first["source"] == pair["doc_a"] and second["source"] == pair["doc_b"]
                and same_sentence(pair["sentence_a"], first["sentence"])
                and same_sentence(pair["sentence_b"], second["sentence"])):
            return True
    return False


def score_cluster(data: dict, gold: dict, scores: Scores, cluster: str) -> None:
    pairs = gold["pairs"]
    real = [p for p in pairs if p["verdict"] == "contradiction"]
    shown = [c for c in data["contradictions"] if not c["explanation"]]
    for c in data["contradictions"]:
        label = (f"{cluster} {c['type']}: {c['a']['source']} « {c['a'].get('value')} » / {c['b']['source']} "
                 f"« {c['b'].get('value')} » — {c['a']['sentence'][:80]} | {c['b']['sentence'][:80]}")
        if c["explanation"]:
            scores.explained_right.add(not any(matches(c, p) for p in real), label)
        else:
            scores.shown_real.add(any(matches(c, p) for p in real), label)
    for p in real:
        scores.recall.add(any(matches(c, p) for c in shown),
                          f"{cluster} {p['slot']}: {p['doc_a']} « {p['value_a']} » / {p['doc_b']} « {p['value_b']} » "
                          f"({p['fact']})")


def main() -> None:
    args, gold = gold_arguments(__doc__.split("\n")[0], GOLD, load_gold, "contradictions_*.jsonl")
    scores = {"dev": Scores(), "test": Scores()}
    for cluster, records, data in briefed(gold):
        score_cluster(data, records, scores[records["split"]], cluster)
    table = Table(title="Contradictions between sources, against the blind gold")
    table.add_column("assertion")
    for split in ("dev", "test"):
        table.add_column(f"{split} ({', '.join(c for c, r in gold.items() if r['split'] == split)})")
    rows = [("shown contradictions that are real (precision; target >= 70 %)", "shown_real"),
            ("real contradictions shown (recall; target >= 30 %)", "recall"),
            ("explained look-alikes that are no contradiction", "explained_right")]
    for label, key in rows:
        table.add_row(label, *(getattr(scores[s], key).rate() for s in ("dev", "test")))
    console = Console(width=160)
    console.print(table)
    if args.errors:
        for split in (("dev", "test") if args.errors == "all" else (args.errors,)):
            for _, key in rows:
                for example in getattr(scores[split], key).examples:
                    console.print(f"[{split}] {key}: {example}", markup=False)


if __name__ == "__main__":
    main()
