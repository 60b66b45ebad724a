"""Sentence pairs to be judged blind for issue 19: the links a briefing shows, hidden among pairs
it does not show.

    .venv/bin/python benchmarks/make_link_pairs.py [--claims 12] [--seed 19]

For each cluster of the links gold (``tests/data/links/contradictions_*.jsonl`` give the clusters
and their split), the pairs are: every summary sentence with each sentence said to corroborate it;
for ``--claims`` claims of several sources drawn at random, the first member with each other
member (their clauses); and as many pairs that no link joins, drawn at random among the sentences
of two documents sharing at least ``MIN_SHARED`` content words (so that sharing words does not
give a link away). The file written, ``tests/data/links/pairs_<cluster>.jsonl``, holds the pairs
shuffled, with no word of where each comes from: the annotator labels each one (README), and
``bench_links.py`` finds the links a briefing shows among the labelled pairs by their sentences.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_links import GOLD, load_gold  # noqa: E402
from bench_who_when import briefed  # noqa: E402

MIN_SHARED = 3
WORD = re.compile(r"[^\W\d_]{4,}")


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def link_pairs(data: dict, claims: int, rng: random.Random) -> list[tuple]:
    """(doc_a, sentence_a, clause_a, doc_b, sentence_b, clause_b) for the links the briefing shows."""
    pairs = []
    for s in data["summary"]:
        for c in s["corroborated_by"]:
            pairs.append((s["source"], s["text"], s["text"], c["source"], c["sentence"], c["sentence"]))
    several = [c for c in data["claims"] if len({m["source"] for m in c["stated_by"]}) > 1]
    for claim in rng.sample(several, min(claims, len(several))):
        first, *others = claim["stated_by"]
        for other in others:
            if other["source"] != first["source"]:
                pairs.append((first["source"], first["sentence"], first["clause"], other["source"], other["sentence"],
                              other["clause"]))
    return pairs


def other_pairs(data: dict, count: int, linked: set[tuple], rng: random.Random) -> list[tuple]:
    """``count`` pairs of sentences of two documents sharing ``MIN_SHARED`` words, no link between them."""
    sentences = [(d["id"], s) for d in data["documents"] for s in re.split(r"(?<=[.!?»])\s+", d["text"]) if len(s) > 40]
    found, tries = [], 0
    while len(found) < count and tries < 20000:
        tries += 1
        (doc_a, a), (doc_b, b) = rng.sample(sentences, 2)
        if doc_a == doc_b or len(words(a) & words(b)) < MIN_SHARED or (a, b) in linked or (b, a) in linked:
            continue
        found.append((doc_a, a, a, doc_b, b, b))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=12, help="claims drawn per cluster")
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    gold = load_gold(GOLD)
    for cluster, records, data in briefed(gold):
        rng = random.Random(f"{args.seed}-{cluster}")
        links = list(dict.fromkeys(link_pairs(data, args.claims, rng)))
        linked = {(p[1], p[4]) for p in links}
        pairs = links + other_pairs(data, len(links), linked, rng)
        rng.shuffle(pairs)
        lines = [{"kind": "header", "cluster": cluster, "split": records["split"], "rules": "README.md"}]
        for n, (doc_a, sentence_a, clause_a, doc_b, sentence_b, clause_b) in enumerate(pairs, 1):
            lines.append({"kind": "pair", "id": f"{cluster}-{n:03d}", "doc_a": doc_a, "sentence_a": sentence_a,
                          "clause_a": clause_a, "doc_b": doc_b, "sentence_b": sentence_b, "clause_b": clause_b})
        path = GOLD / f"pairs_{cluster}.jsonl"
        path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        print(f"{cluster}: {len(pairs)} pairs ({len(links)} shown links) -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
