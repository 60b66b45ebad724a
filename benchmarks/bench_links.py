"""Links between sources against a blind gold, dev and test side by side (issue 19): for now the
contradictions.

    .venv/bin/python benchmarks/bench_links.py [--errors dev|test|all] [--gold DIR]

The gold (``tests/data/links/``, rules in its README) was written from the article texts before
anyone looked at recoupe's output on those clusters: every pair of sentences of two documents
that state the same fact with values that cannot both be true (``contradiction``), and the
look-alikes that agree (``compatible``: rounding, an approximation, a time zone). Its clusters
are split by topic into dev and test.

What is scored is what a reader of the briefing sees (``briefing_to_dict``):
- a shown contradiction (``contradictions[]`` of ``level`` "contradiction"; briefings without
  the key count every unexplained one) is *real* when a gold
  contradiction pairs the same two documents and sentences (either way round; a sentence matches
  at rapidfuzz partial ratio >= 85 of the normalised texts); one matching a gold compatible
  pair, or no gold pair, is a false alarm (the gold lists every contradiction of its clusters);
- an explained one ("two time zones") is shown as agreeing: right unless the gold calls the
  pair a contradiction;
- a "possible discrepancy, check" (``level`` "check") is scored the same way, in a row of its own;
- recall: the gold contradictions some unexplained one matches, of either level.
- corroborations and claim members against the pairs judged blind (``pairs_*.jsonl``, labelled
  same / partial / different / contradiction / compatible): a summary sentence's corroborating
  sentence (those shown as corroborating, and apart those shown as "related"), and each member
  of a claim of several sources with its first member (sure claims, and apart those the views
  mark "to check"), state the same fact when their pair is labelled ``same`` or ``compatible``. A shown link no labelled pair
  matches is counted apart ("not judged": code changed since the pairs were drawn).
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


# Labels of a judged pair that say its two sentences state the same fact.
SAME_FACT = ("same", "compatible")


@dataclass
class Scores:
    shown_real: Count = field(default_factory=Count)  # precision of shown contradictions
    to_check_real: Count = field(default_factory=Count)  # the same of "possible discrepancy, check"
    explained_right: Count = field(default_factory=Count)  # explained ones that are no contradiction
    recall: Count = field(default_factory=Count)  # gold contradictions shown
    corroborations: Count = field(default_factory=Count)  # summary corroborations stating the same fact
    related: Count = field(default_factory=Count)  # summary links shown as "related" that state it
    members: Count = field(default_factory=Count)  # members of sure claims stating the first member's fact
    loose_members: Count = field(default_factory=Count)  # the same in claims shown "to check"
    not_judged: int = 0


def load_gold(folder: Path) -> dict[str, dict]:
    gold = {}
    for path in sorted(folder.glob("contradictions_*.jsonl")):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        header = next(r for r in records if r["kind"] == "header")
        gold[header["cluster"]] = {"split": header["split"],
                                   "pairs": [r for r in records if r["kind"] == "contradiction"], "judged": []}
        judged = folder / f"pairs_{header['cluster']}.jsonl"
        if judged.exists():
            gold[header["cluster"]]["judged"] = [
                r for r in map(json.loads, judged.read_text(encoding="utf-8").splitlines()) if r.get("label")]
    return gold


def judged_label(judged: list[dict], doc_a: str, text_a: str, doc_b: str, text_b: str) -> str | None:
    """The label of the judged pair holding these two sentences of these documents, either way round."""
    for pair in judged:
        for (x, tx), (y, ty) in (((doc_a, text_a), (doc_b, text_b)), ((doc_b, text_b), (doc_a, text_a))):
            if pair["doc_a"] == x and pair["doc_b"] == y and same_sentence(pair["clause_a"], tx) \
                    and same_sentence(pair["clause_b"], ty):
                return pair["label"]
    return None


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
        elif c.get("level", "contradiction") == "contradiction":
            scores.shown_real.add(any(matches(c, p) for p in real), label)
        else:
            scores.to_check_real.add(any(matches(c, p) for p in real), label)
    judged = gold["judged"]
    if judged:
        links = [("corroborations" if c.get("level", "corroborated") == "corroborated" else "related",
                  s["source"], s["text"], c["source"], c["sentence"])
                 for s in data["summary"] for c in s["corroborated_by"]]
        for claim in data["claims"]:
            first, *others = claim["stated_by"]
            links += [("members" if claim["sure"] else "loose_members", first["source"], first["clause"], o["source"],
                       o["clause"]) for o in others if o["source"] != first["source"]]
        for key, doc_a, text_a, doc_b, text_b in links:
            label = judged_label(judged, doc_a, text_a, doc_b, text_b)
            if label is None:
                scores.not_judged += 1
            else:
                getattr(scores, key).add(label in SAME_FACT, f"{cluster} {key} ({label}): {doc_a} « {text_a[:90]} » / "
                                                             f"{doc_b} « {text_b[:90]} »")
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
            ("possible discrepancies shown 'to check' that are real", "to_check_real"),
            ("real contradictions shown, either level (recall; target >= 30 %)", "recall"),
            ("explained look-alikes that are no contradiction", "explained_right"),
            ("summary corroborations stating the same fact (target >= 90 %)", "corroborations"),
            ("summary links shown as related that state the same fact", "related"),
            ("members of sure claims stating the same fact (target >= 90 %)", "members"),
            ("members of claims shown 'to check' stating it", "loose_members")]
    for label, key in rows:
        table.add_row(label, *(getattr(scores[s], key).rate() for s in ("dev", "test")))
    table.add_row("shown links no judged pair holds (not scored: the claims judged are a random sample)", *(str(scores[s].not_judged) for s in ("dev", "test")))
    console = Console(width=160)
    console.print(table)
    if args.errors:
        for split in (("dev", "test") if args.errors == "all" else (args.errors,)):
            for _, key in rows:
                for example in getattr(scores[split], key).examples:
                    console.print(f"[{split}] {key}: {example}", markup=False)


if __name__ == "__main__":
    main()
