"""Measure cross-checking on hand-labelled sentence pairs (``tests/data/crosscheck_*.jsonl``).

Each pair names two sentences of two documents of one cluster (the seeds, or an rpm2-fr
cluster), labelled ``same`` / ``different`` / ``contradicts`` (with a type). The cluster goes
through the real pipeline (cleaning, splitting, features); each labelled sentence is found in
its cleaned document (rapidfuzz alignment: cleaning may have repaired a glued word) and the
pair is judged by ``CrossChecker.relation``: aligned when the best unit pair reaches
``ALIGNED_PROBABILITY``, contradicting when a contradiction joins the two sentences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from .align import ALIGNED_PROBABILITY
from .crosscheck import CrossChecker
from .features import NlpResources
from .pipeline import document_languages, prepare, workspace_parser
from .readers import read_inputs
from .summarize import FactMatcher
from .types import RawDocument

# A labelled sentence is found in its cleaned document from this partial-ratio on.
LOCATE_MIN_RATIO = 85


@dataclass(frozen=True)
class LabelledPair:
    id: str
    cluster: str
    a_doc: str
    a_sentence: str
    b_doc: str
    b_sentence: str
    label: str
    type: str | None


@dataclass
class Judged:
    pair: LabelledPair
    probability: float
    contradiction: str | None  # type of the contradiction found, if any
    signals: tuple[float, ...] | None = None
    summary_same: bool = False  # the summary's corroboration test calls them one fact
    sure_claim: bool = False  # both sentences state one sure claim (``Claim.sure``), which corroborates too


@dataclass
class Scores:
    judged: list[Judged] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)

    def alignment(self, threshold: float = ALIGNED_PROBABILITY) -> dict[str, float]:
        gold = [j.pair.label in ("same", "contradicts") for j in self.judged]
        predicted = [j.probability >= threshold for j in self.judged]
        return _precision_recall(gold, predicted)

    def summary_corroboration(self, with_sure_claims: bool = True) -> dict[str, float]:
        """The summary's corroboration scored as an alignment: a summary sentence counts as a
        source each document its same-fact test (``summarize.FactMatcher.states_same``) calls one
        fact, or that states a sure claim with it (``crosscheck.corroborate_summary``); with
        ``with_sure_claims`` False, the test alone."""
        gold = [j.pair.label in ("same", "contradicts") for j in self.judged]
        return _precision_recall(gold, [j.summary_same or (with_sure_claims and j.sure_claim) for j in self.judged])

    def contradiction(self) -> dict[str, float]:
        gold = [j.pair.label == "contradicts" for j in self.judged]
        predicted = [j.contradiction is not None for j in self.judged]
        scores = _precision_recall(gold, predicted)
        right_type = sum(1 for j in self.judged if j.pair.label == "contradicts" and j.contradiction == j.pair.type)
        scores["right_type"] = right_type
        return scores


def _precision_recall(gold: list[bool], predicted: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, predicted))
    fp = sum(p and not g for g, p in zip(gold, predicted))
    fn = sum(g and not p for g, p in zip(gold, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "pairs": len(gold), "positives": sum(gold)}


def load_pairs(path: Path) -> list[LabelledPair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        pairs.append(LabelledPair(item["id"], item["cluster"], item["a"]["doc"], item["a"]["sentence"],
                                  item["b"]["doc"], item["b"]["sentence"], item["label"], item.get("type")))
    return pairs


def cluster_documents(cluster: str, data: Path) -> list[RawDocument]:
    """The raw documents of a labelled cluster: ``seeds`` or an rpm2-fr cluster id."""
    if cluster == "seeds":
        return read_inputs([str(data / "seeds")]).documents
    return read_inputs([str(data / "rpm2-fr" / "rpm2-fr.jsonl")], cluster=cluster).documents


def judge(pairs: list[LabelledPair], data: Path, resources: NlpResources | None = None,
          progress=None) -> Scores:
    """Run each cluster of ``pairs`` once and judge every pair of it."""
    resources = resources or NlpResources()
    scores = Scores()
    clusters = list(dict.fromkeys(p.cluster for p in pairs))
    for cluster in clusters:
        workspace = prepare(cluster_documents(cluster, data), resources=resources)
        checker = CrossChecker(workspace.sentences, workspace.features, document_languages(workspace),
                               parse=workspace_parser(workspace))
        facts = FactMatcher(workspace.sentences, workspace.features)
        sure_claims = [{(s.source, s.sentence_index) for s in claim.stated_by}
                       for claim in checker.result().claims if claim.sure]
        texts = {d.id: d.text for d in workspace.documents}
        for pair in (p for p in pairs if p.cluster == cluster):
            first = locate(pair.a_sentence, pair.a_doc, texts, workspace.sentences)
            second = locate(pair.b_sentence, pair.b_doc, texts, workspace.sentences)
            if not first or not second:
                scores.unlocated.append(pair.id)
                continue
            probability, disputes = checker.relation(first, second)
            kind = disputes[0].kind if disputes else None
            summary_same = any(facts.states_same(i, j) for i in first for j in second)
            mine, theirs = ({(workspace.sentences[k].doc_id, workspace.sentences[k].index) for k in side}
                            for side in (first, second))
            sure_claim = any(claim & mine and claim & theirs for claim in sure_claims)
            scores.judged.append(Judged(pair, probability, kind, best_signals(checker, first, second), summary_same,
                                        sure_claim))
        if progress:
            progress(cluster)
    return scores


def best_signals(checker: CrossChecker, first: list[int], second: list[int]) -> tuple[float, ...] | None:
    """The alignment signals of the two sentences' unit pair with the highest TF-IDF cosine
    (what the calibration fits the logistic model on)."""
    if checker.aligner is None:
        return None
    signals = checker.aligner.signals
    mine, theirs = checker.units_of(first), checker.units_of(second)
    candidates = [tuple(signal[i, j] for signal in signals) for i in mine for j in theirs]
    return tuple(float(x) for x in max(candidates)) if candidates else None


def locate(sentence: str, doc_id: str, texts: dict[str, str], sentences) -> list[int]:
    """Indices of the pipeline sentences of ``doc_id`` that the labelled sentence covers."""
    text = texts.get(doc_id)
    if text is None:
        return []
    wanted = " ".join(sentence.split())
    start = text.find(wanted)
    if start >= 0:
        end = start + len(wanted)
    else:
        alignment = fuzz.partial_ratio_alignment(wanted, text)
        if alignment is None or alignment.score < LOCATE_MIN_RATIO:
            return []
        start, end = alignment.dest_start, alignment.dest_end
    return [k for k, s in enumerate(sentences) if s.doc_id == doc_id and s.start < end and start < s.end
            and min(end, s.end) - max(start, s.start) >= 0.3 * (s.end - s.start)]
