"""Injected contradictions on rpm2-fr: are they found, with the right type, and nothing else?

    .venv/bin/python benchmarks/bench_contradictions.py [--clusters N] [--per-type K] [--dump FILE] [--fit]

For every cluster: cross-check it unmodified, then,
for up to K pairs of aligned statements of two documents that give the *same* number, date or
name, change that value in one document's raw text (a number +30 %, a day +3, a weekday or a
month to the next, a year -3, a surname to another), run the whole pipeline again and check that
the contradiction between exactly those two sentences is reported with the right type. The
contradictions counted are the briefing's: the cross-checker's and the timeline's date
conflicts (``timeline_contradictions``), on the injected and on the unmodified clusters alike. "Extra"
counts the other contradictions that appeared with the change. Two more tables say where the
misses are: the found rate by how well the pair aligned before the change, and, for each miss,
which gate of the detector stopped it. ``--dump`` writes every injection (with why it was
missed and the gate's features) and every contradiction of the unmodified clusters as JSONL,
for reading them. ``--fit`` refits the contradiction gate
(``crosscheck.CONTRADICTION_GATE``) on the gate's candidates of the unmodified clusters, judged
by hand, and on the injected pairs, and prints its leave-one-cluster-out table; the clusters of
the blind gold's test topics (tests/data/links) are left out of the fit.

A contradiction reported on an unmodified cluster is not always false: outlets do disagree (the
official toll of the Lhasa riots, 13 vs 19 dead; the jobs a stimulus plan should create, 100,000
vs 150,000). Each one reported so far was read and judged by hand in
tests/data/rpm2_flagged_contradictions.jsonl ("real" disagreement or "false"); the false rate
counts the ones judged false *and* the ones not judged yet (a change to the detector that reports
new ones is charged for them until someone reads them), and the raw count is printed beside it.
The injected pairs themselves were read blind as well (tests/data/rpm2_injection_pairs_judged.jsonl:
do both sentences give the value for one fact? for a name: does the person play one part in one
fact?), and the found rate on the confirmed ones is printed too, for numbers and dates and for
names, so that a miss on a pair that never stated one fact is not read as the detector's.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from recoupe.align import ALIGNED_PROBABILITY
from recoupe.crosscheck import (CONTRADICTION_GATE_THRESHOLD, GATE_FEATURES, MIN_SHARED_WORDS, CrossChecker,
                                best_among_values, disagreements, gate_score, mutual_best, timeline_contradictions)
from recoupe.evaluate import load_clusters
from recoupe.features import NlpResources
from recoupe.lang import fr
from recoupe.pipeline import STAGES, document_languages, prepare, workspace_parser
from recoupe.types import RawDocument

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "rpm2-fr" / "rpm2-fr.jsonl"
KINDS = ("number", "date", "name")
JUDGED = Path(__file__).resolve().parents[1] / "tests" / "data" / "rpm2_flagged_contradictions.jsonl"
# each number/date injection's pair read blind (without knowing whether it was found): do both
# sentences give the value for one and the same fact, as the injection assumes?
SAME_FACT = Path(__file__).resolve().parents[1] / "tests" / "data" / "rpm2_injection_pairs_judged.jsonl"
REPLACEMENT_SURNAMES = ("Lefebvre", "Garnier", "Rousseau", "Fontaine", "Chevalier")
TIMELINE_STAGE = next(stage for stage in STAGES if stage.name == "timeline")


@dataclass
class Injection:
    kind: str
    found: bool
    right_type: bool
    extra: int
    aligned_before: float  # alignment of the pair on its words, before the change
    missed_because: str = ""
    record: dict | None = None


def judged_verdicts(path: Path = JUDGED) -> dict:
    """Hand verdicts of a JSONL file keyed by cluster, type and the two (document, sentence)
    sides: on contradictions of the unmodified clusters ("real" / "false"), or, from
    ``SAME_FACT``, on whether an injection's two sentences state one fact with the value
    ("same" / "different" / "unsure")."""
    verdicts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            verdicts[verdict_key(row["cluster"], row["kind"], row["a"], row["b"])] = row["verdict"]
    return verdicts


def verdict_key(cluster: str, kind: str, a: dict, b: dict) -> tuple:
    return cluster, kind, frozenset({(a["doc"], a["sentence"]), (b["doc"], b["sentence"])})


def check(raw: list[RawDocument], resources: NlpResources) -> tuple[CrossChecker, list]:
    """The input's cross-checker, and every contradiction its briefing reports: the checker's and
    the timeline's (one event the sources date to different days, ``timeline_contradictions``)."""
    workspace = prepare(raw, resources=resources)
    TIMELINE_STAGE.run(workspace)
    languages = document_languages(workspace)
    checker = CrossChecker(workspace.sentences, workspace.features, languages, parse=workspace_parser(workspace))
    briefing = timeline_contradictions(checker.result(), workspace.date_conflicts, workspace.sentences, languages)
    return checker, briefing.contradictions


def keys(contradictions) -> set:
    return {(c.a.source, c.a.sentence_index, c.b.source, c.b.sentence_index, c.kind) for c in contradictions}


def candidates(checker: CrossChecker, kind: str, per_type: int):
    """Pairs of units of two documents that state the same thing on their words alone (aligned
    with the shared-value evidence taken out, so that a reader would call them the same
    statement) and share a value of ``kind``; most surely aligned first, each sentence once."""
    p = checker.aligner.without_value_evidence
    units = checker.units
    chosen, used = [], set()
    order = sorted(((float(p[i, j]), i, j) for i in range(len(units)) for j in range(i + 1, len(units))
                    if p[i, j] >= ALIGNED_PROBABILITY), reverse=True)
    for probability, i, j in order:
        a, b = units[i], units[j]
        shared = [v for v in a.values if v.kind == kind and any(w.kind == kind and w.key == v.key and w.slot == v.slot for w in b.values)]
        if not shared or a.sentence in used or b.sentence in used:
            continue
        if kind == "number" and not shared[0].slot:
            continue
        chosen.append((a, b, shared[0]))
        used |= {a.sentence, b.sentence}
        if len(chosen) == per_type:
            break
    return chosen


def miss_reason(after: CrossChecker, sentences: set[tuple[str, int]], kind: str) -> str:
    """Why the injected pair was not flagged: which gate of ``find_contradictions`` stopped the
    best-aligned unit pair of the two changed sentences."""
    if after.aligner is None:
        return "no units"
    units = [k for k, u in enumerate(after.units)
             if (after.sentences[u.sentence].doc_id, after.sentences[u.sentence].index) in sentences]
    p, documents = after.aligner.without_value_evidence, after.aligner.documents
    pairs = [(p[i, j], i, j) for i in units for j in units if documents[i] < documents[j]]
    if not pairs:
        return "sentence not found"
    probability, i, j = max(pairs)
    if kind not in {k for k, _, _ in disagreements(after.units[i].values, after.units[j].values)}:
        return "values still agree"
    if len(set(after.units[i].lemmas) & set(after.units[j].lemmas)) < MIN_SHARED_WORDS:
        return f"fewer than {MIN_SHARED_WORDS} shared words"
    if probability < ALIGNED_PROBABILITY:
        return f"aligned below {ALIGNED_PROBABILITY}"
    value = next(a for k, a, _ in disagreements(after.units[i].values, after.units[j].values) if k == kind)
    if not (mutual_best(p, documents)[i, j] or best_among_values(p, documents, after.units)(i, j, kind, value.slot)):
        return "not each other's best match"
    scores = [c.score for c in injected_candidates(after, sentences, kind)]
    if scores:
        return f"gate score {max(scores):.1f}".replace("gate score 0.0", "gate score < 0.05")
    return "other"


def injected_candidates(checker: CrossChecker, sentences: set[tuple[str, int]], kind: str):
    """The gate's candidates that join the two (document, index) sentences on ``kind``."""
    return [c for c in checker.candidates if c.kind == kind
            and {(checker.sentences[c.a.sentence].doc_id, checker.sentences[c.a.sentence].index),
                 (checker.sentences[c.b.sentence].doc_id, checker.sentences[c.b.sentence].index)} == sentences]


def changed(value, kind: str) -> tuple[str, str] | None:
    """(text to find in the sentence, its replacement) for an injected disagreement."""
    text = value.text
    if kind == "number":
        digits = re.match(r"\d[\d  .]*(?:,\d+)?", text)
        if not digits:
            return None
        written = digits.group().strip()
        number = float(re.sub(r"[  .]", "", written).replace(",", "."))
        new = int(round(number * 1.3)) if number * 1.3 - number >= 1 else int(number) + 1
        return written, f"{new:,}".replace(",", " ") if " " in written or " " in written else str(new)
    if kind == "name":
        surname = text.split()[-1]
        return surname, next(s for s in REPLACEMENT_SURNAMES if s != surname)
    if value.slot == "year":
        return text, str(int(text) - 3)
    lowered = text.lower()
    for words in (fr.WEEKDAYS, fr.MONTHS):
        for k, word in enumerate(words):
            if re.search(rf"\b{word}\b", lowered) and not re.match(r"\d", text):
                match = re.search(rf"\b{word}\b", text, re.I)
                return match.group(), words[(k + 1) % len(words)]
    day = re.match(r"(\d{1,2})(\s)", text)
    if day:
        return text, f"{(int(day.group(1)) + 2) % 28 + 1}{text[day.end(1):]}"
    return None


def inject(raw: list[RawDocument], checker: CrossChecker, unit, value, kind: str) -> list[RawDocument] | None:
    sentence = checker.sentences[unit.sentence]
    change = changed(value, kind)
    if change is None:
        return None
    old, new = change
    if old not in sentence.text or old == new:
        return None
    modified_sentence = sentence.text.replace(old, new, 1)
    documents = []
    for document in raw:
        if document.id == sentence.doc_id:
            if sentence.text not in document.text:
                return None
            document = RawDocument(document.id, document.text.replace(sentence.text, modified_sentence, 1), document.origin,
                                   document.title, document.language, document.published)
        documents.append(document)
    return documents


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clusters", type=int, default=None)
    parser.add_argument("--per-type", type=int, default=3)
    parser.add_argument("--dump", type=Path, help="write every injection and unmodified-cluster contradiction (JSONL)")
    parser.add_argument("--fit", action="store_true",
                        help="fit the contradiction gate on the judged candidates and the injections (leave one cluster out)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return 0
    clusters = load_clusters(DATA, limit=args.clusters)
    resources = NlpResources()
    false_counts, injections, unmodified = [], [], []
    verdicts = judged_verdicts()
    fit_rows: list[tuple[str, tuple[float, ...], int, str]] = []  # cluster, features, label, "unmodified" | "injection"
    unjudged_candidates = 0
    started = time.perf_counter()
    with Progress() as progress:
        task = progress.add_task("clusters", total=len(clusters))
        for cluster in clusters:
            checker, reported = check(cluster.documents, resources)
            baseline = keys(reported)
            false_counts.append(len(baseline))
            unmodified.extend({"what": "unmodified", "cluster": cluster.id, "kind": c.kind, "p": c.probability,
                               "a": {"doc": c.a.source, "sentence": c.a.sentence, "value": c.a_value},
                               "b": {"doc": c.b.source, "sentence": c.b.sentence, "value": c.b_value}}
                              for c in reported)
            for c in checker.candidates:
                verdict = verdicts.get(verdict_key(cluster.id, c.kind, *(
                    {"doc": checker.sentences[u.sentence].doc_id, "sentence": checker.sentences[u.sentence].text}
                    for u in (c.a, c.b))))
                if verdict is None:
                    unjudged_candidates += 1
                else:
                    fit_rows.append((cluster.id, c.features, int(verdict == "real"), "unmodified"))
            for kind in KINDS:
                for a, b, value in candidates(checker, kind, args.per_type):
                    modified = inject(cluster.documents, checker, a, value, kind)
                    if modified is None:
                        a, b = b, a
                        modified = inject(cluster.documents, checker, a, value_in(b_unit=a, like=value), kind)
                    if modified is None:
                        continue
                    after, after_reported = check(modified, resources)
                    sa, sb = checker.sentences[a.sentence], checker.sentences[b.sentence]
                    pair = {(sa.doc_id, sa.index, sb.doc_id, sb.index), (sb.doc_id, sb.index, sa.doc_id, sa.index)}
                    flagged = [c for c in after_reported
                               if (c.a.source, c.a.sentence_index, c.b.source, c.b.sentence_index) in pair]
                    new = keys(after_reported) - baseline
                    extra = len([k for k in new if k[:4] not in pair])
                    record = {"what": "injection", "cluster": cluster.id, "kind": kind,
                              "a": {"doc": sa.doc_id, "sentence": sa.text, "unit": a.text},
                              "b": {"doc": sb.doc_id, "sentence": sb.text, "unit": b.text},
                              "value": value.text, "change": list(changed(value, kind) or ()),
                              "p": round(float(checker.aligner.without_value_evidence[checker.units.index(a), checker.units.index(b)]), 4),
                              "found": [c.kind for c in flagged]}
                    right = any(c.kind == kind for c in flagged)
                    gated = injected_candidates(after, {(sa.doc_id, sa.index), (sb.doc_id, sb.index)}, kind)
                    best = max(gated, key=lambda c: c.probability) if gated else None  # the pair's surest candidate
                    if best and kind != "name":
                        fit_rows.append((cluster.id, best.features, 1, "injection"))
                    reason = "" if right else miss_reason(after, {(sa.doc_id, sa.index), (sb.doc_id, sb.index)}, kind)
                    record["missed_because"] = reason
                    if best:
                        record["gate"] = {"score": round(best.score, 3), "anchor": best.anchor,
                                          **{name: round(f, 3) for name, f in zip(GATE_FEATURES, best.features)}}
                    injections.append(Injection(kind, bool(flagged), right, extra, record["p"], reason, record))
            progress.advance(task)
    seconds = time.perf_counter() - started
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for record in unmodified + [i.record for i in injections]:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

    console = Console()
    table = Table(title=f"Injected contradictions, rpm2-fr ({len(clusters)} clusters, contradiction gate "
                        f">= {CONTRADICTION_GATE_THRESHOLD})")
    for column in ("type", "injected", "found", "right type", "rate", "extra contradictions"):
        table.add_column(column)
    for kind in (*KINDS, "number+date"):
        rows = [i for i in injections if i.kind == kind or (kind == "number+date" and i.kind in ("number", "date"))]
        if not rows:
            continue
        right = sum(i.right_type for i in rows)
        table.add_row(kind, str(len(rows)), str(sum(i.found for i in rows)), str(right),
                      f"{right / len(rows):.1%}", str(sum(i.extra for i in rows)))
    console.print(table)
    number_date = [i for i in injections if i.kind in ("number", "date")]
    by_alignment = Table(title="Number+date injections by the pair's alignment before the change")
    for column in ("alignment on words", "injected", "found, right type", "rate"):
        by_alignment.add_column(column)
    for low, high in ((0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):
        rows = [i for i in number_date if low <= i.aligned_before < high]
        if rows:
            right = sum(i.right_type for i in rows)
            by_alignment.add_row(f"{low:.1f}-{min(high, 1.0):.1f}", str(len(rows)), str(right), f"{right / len(rows):.1%}")
    console.print(by_alignment)
    reasons: dict[str, int] = {}
    for i in number_date:
        if i.missed_because:
            reasons[i.missed_because] = reasons.get(i.missed_because, 0) + 1
    same_fact = judged_verdicts(SAME_FACT)
    for label, rows in (("Number+date", number_date), ("Name", [i for i in injections if i.kind == "name"])):
        read = [(same_fact.get(verdict_key(i.record["cluster"], i.kind, i.record["a"], i.record["b"]), "not read"), i)
                for i in rows]
        confirmed = [i for verdict, i in read if verdict == "same"]
        console.print(f"{label} injections whose two sentences a reader judged one fact ({SAME_FACT.name}): "
                      f"{sum(i.right_type for i in confirmed)} found of {len(confirmed)} "
                      f"({sum(i.right_type for i in confirmed) / max(1, len(confirmed)):.1%}); judged another fact or "
                      f"unsure: {sum(v in ('different', 'unsure') for v, _ in read)}, not read yet: "
                      f"{sum(v == 'not read' for v, _ in read)}")
    console.print("Missed number+date injections, why: " + ", ".join(f"{r}: {n}" for r, n in sorted(reasons.items(), key=lambda kv: -kv[1])))
    judged = [verdicts.get(verdict_key(r["cluster"], r["kind"], r["a"], r["b"]), "not judged") for r in unmodified]
    real, false, unjudged = judged.count("real"), judged.count("false"), judged.count("not judged")
    console.print(f"Contradictions on the unmodified clusters: {sum(false_counts)} in {len(clusters)} clusters "
                  f"({sum(false_counts) / len(clusters):.2f} per cluster, max {max(false_counts)}); judged by hand "
                  f"({JUDGED.name}): {real} real disagreements, {false} false, {unjudged} not judged yet")
    console.print(f"False contradictions (judged false + not judged): {false + unjudged} = "
                  f"{(false + unjudged) / len(clusters):.2f} per unmodified cluster; {seconds:.0f} s")
    if args.fit:
        held_out = held_out_topics()
        console.print(f"Fitting without the topics of the blind gold's test split ({', '.join(sorted(held_out))}): "
                      "bench_links.py scores the gate on them")
        kept = [row for row in fit_rows if topic_of(row[0]) not in held_out]
        fit_gate(console, kept, len([i for i in injections if i.kind != "name" and topic_of(i.record["cluster"]) not in held_out]),
                 len({c.id for c in clusters if topic_of(c.id) not in held_out}), unjudged_candidates)
    return 0


def fit_gate(console: Console, rows, injected: int, clusters: int, unjudged: int) -> None:
    """Leave-one-cluster-out scores of the logistic gate (found injections, false and real
    reports on the unmodified clusters, by threshold), then the coefficients fitted on all."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([features for _, features, _, _ in rows])
    y = np.array([label for _, _, label, _ in rows])
    groups = np.array([cluster for cluster, _, _, _ in rows])
    injection = np.array([what == "injection" for *_, what in rows])
    held_out = np.zeros(len(rows))
    for cluster in np.unique(groups):
        model = LogisticRegression(C=GATE_C, max_iter=2000).fit(x[groups != cluster], y[groups != cluster])
        held_out[groups == cluster] = model.predict_proba(x[groups == cluster])[:, 1]
    console.print(f"Gate fitted on {len(rows)} candidates ({int(injection.sum())} injected, {int((~injection & (y == 1)).sum())} "
                  f"judged real, {int((~injection & (y == 0)).sum())} judged false; {unjudged} unmodified candidates not "
                  f"judged, left out); leave one cluster out:")
    table = Table()
    for column in ("threshold", "injections found", "rate", "false reports", "per cluster", "real reports"):
        table.add_column(column)
    for threshold in np.arange(0.3, 0.71, 0.05):
        chosen = held_out >= threshold
        found, false, real = (int((chosen & injection).sum()), int((chosen & ~injection & (y == 0)).sum()),
                              int((chosen & ~injection & (y == 1)).sum()))
        table.add_row(f"{threshold:.2f}", str(found), f"{found / injected:.1%}", str(false), f"{false / clusters:.2f}", str(real))
    console.print(table)
    model = LogisticRegression(C=GATE_C, max_iter=2000).fit(x, y)
    coefficients = (float(model.intercept_[0]), *(float(w) for w in model.coef_[0]))
    console.print("features: " + ", ".join(GATE_FEATURES))
    console.print(f"CONTRADICTION_GATE = ({', '.join(f'{c:.2f}' for c in coefficients)})")
    in_sample = [gate_score(tuple(features), coefficients) for features in x]
    console.print(f"in-sample check: {sum(s >= CONTRADICTION_GATE_THRESHOLD for s, i in zip(in_sample, injection) if i)} "
                  f"injections above {CONTRADICTION_GATE_THRESHOLD}")


LINKS_GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "links"


def topic_of(cluster: str) -> str:
    """"rpm2-T02-C2" -> "T02": the blind gold is split by topic, both clusters of a topic together."""
    return cluster.split("-")[1]


def held_out_topics(folder: Path = LINKS_GOLD) -> set[str]:
    """The topics of the blind gold's test split (tests/data/links): the gate is never fitted on them."""
    topics = set()
    for path in folder.glob("contradictions_*.jsonl"):
        header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        if header["split"] == "test":
            topics.add(topic_of(header["cluster"]))
    return topics


# regularisation of the gate's logistic model (chosen by leave-one-cluster-out among 0.3, 1, 3, 10)
GATE_C = 3.0


def value_in(b_unit, like):
    """The value of ``b_unit`` equal to ``like`` (when the change is made on the other side)."""
    return next(v for v in b_unit.values if v.kind == like.kind and v.key == like.key and v.slot == like.slot)


if __name__ == "__main__":
    sys.exit(main())
