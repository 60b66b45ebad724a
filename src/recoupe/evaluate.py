"""``recoupe eval``: ROUGE of recoupe and baselines against human reference summaries.

Every system gets the same cleaned documents, the same sentences and the same word budget; each
returns whole sentences, and ROUGE is computed on the first N words of every summary alike.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import baselines
from .features import NlpResources
from .lang import SUPPORTED_LANGUAGES
from .pipeline import run_pipeline
from .rouge import METRICS, RougeScorer, first_words
from .types import RawDocument

SYSTEMS = ("recoupe", "lead", "lexrank", "textrank", "oracle")


class DatasetProblem(ValueError):
    """The dataset cannot be evaluated (missing file, no cluster with references)."""


@dataclass
class Cluster:
    id: str
    language: str  # language of the run (documents may differ)
    summary_language: str  # language of the references: the stemmer's
    documents: list[RawDocument]
    references: list[str]
    group: str | None = None  # rpm2: "generic" (C1) or "update" (C2)


@dataclass
class SystemTotals:
    sums: dict[str, float] = field(default_factory=lambda: dict.fromkeys(METRICS, 0.0))
    clusters: int = 0
    seconds: float = 0.0
    input_words: int = 0

    def add(self, scores: dict[str, float]) -> None:
        for metric in METRICS:
            self.sums[metric] += scores[metric]
        self.clusters += 1

    def means(self) -> dict[str, float]:
        return {metric: round(self.sums[metric] / self.clusters, 5) if self.clusters else 0.0 for metric in METRICS}


def load_clusters(path: Path, limit: int | None = None) -> list[Cluster]:
    """Clusters with at least one reference and one document, in file order."""
    if not path.exists():
        raise DatasetProblem(f"{path}: no such file")
    clusters = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if limit is not None and len(clusters) >= limit:
                break
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise DatasetProblem(f"{path}:{number}: malformed JSON line ({error.msg})") from None
            references = [r for r in record.get("summaries") or [] if isinstance(r, str) and r.strip()]
            documents = [
                RawDocument(
                    id=str(d.get("id") or f"{record.get('id')}-{i}"),
                    text=d["text"],
                    origin=f"{path}:{number}",
                    title=d.get("title") or None,
                    language=d.get("language") or None,
                )
                for i, d in enumerate(record.get("documents") or [])
                if isinstance(d, dict) and isinstance(d.get("text"), str) and d["text"].strip()
            ]
            if not references or not documents:
                continue
            summary_language = record.get("summary_language") or record.get("language") or "en"
            language = record.get("language")
            if language not in SUPPORTED_LANGUAGES:
                language = summary_language if summary_language in SUPPORTED_LANGUAGES else "en"
            group = {"generic": "generic", "update": "update"}.get(record.get("task"))
            clusters.append(Cluster(str(record.get("id")), language, summary_language, documents, references, group))
    if not clusters:
        raise DatasetProblem(f"{path}: no cluster with documents and reference summaries")
    return clusters


def summarise_cluster(cluster: Cluster, system: str, words: int, briefing) -> str:
    """The system's summary text (whole sentences, before the N-word cut)."""
    sentences = briefing.sentences
    if system == "recoupe":
        return " ".join(s.text for s in briefing.summary)
    if system == "lead":
        chosen = baselines.lead(sentences, words)
    elif system == "lexrank":
        chosen = baselines.lexrank(sentences, words, cluster.language)
    elif system == "textrank":
        chosen = baselines.textrank(sentences, words, cluster.language)
    elif system == "oracle":
        chosen = baselines.oracle(sentences, words, cluster.references, cluster.summary_language)
    else:
        raise ValueError(f"unknown system {system!r}")
    return " ".join(sentences[i].text for i in chosen)


def evaluate(
    path: Path,
    words: int,
    systems: tuple[str, ...] = SYSTEMS,
    limit: int | None = None,
    resources: NlpResources | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Run every system on every cluster; return the JSON report (F1 in 0-1)."""
    clusters = load_clusters(path, limit)
    resources = resources or NlpResources()
    scorers: dict[str, RougeScorer] = {}
    totals = {system: SystemTotals() for system in systems}
    groups: dict[str, dict[str, SystemTotals]] = {}
    for done, cluster in enumerate(clusters, start=1):
        started = time.perf_counter()
        briefing = run_pipeline(cluster.documents, lang=cluster.language, words=words, resources=resources, fill=True,
                                crosscheck=False, story=False)
        shared_seconds = time.perf_counter() - started
        input_words = sum(len(d.text.split()) for d in cluster.documents)
        scorer = scorers.setdefault(cluster.summary_language, RougeScorer(cluster.summary_language))
        for system in systems:
            started = time.perf_counter()
            text = summarise_cluster(cluster, system, words, briefing)
            seconds = time.perf_counter() - started + (shared_seconds if system == "recoupe" else 0.0)
            scores = scorer.score(first_words(text, words), cluster.references)
            totals[system].add(scores)
            totals[system].seconds += seconds
            totals[system].input_words += input_words
            if cluster.group:
                groups.setdefault(cluster.group, {}).setdefault(system, SystemTotals()).add(scores)
        if progress:
            progress(done, len(clusters))
    return {
        "dataset": str(path),
        "clusters": len(clusters),
        "words": words,
        "systems": {system: totals[system].means() for system in systems},
        "groups": {
            group: {"clusters": next(iter(t.values())).clusters, "systems": {s: t[s].means() for s in systems}}
            for group, t in sorted(groups.items())
        },
        "words_per_second": {
            system: round(totals[system].input_words / totals[system].seconds, 1) if totals[system].seconds else None
            for system in systems
        },
        "settings": settings(words, clusters),
    }


def settings(words: int, clusters: list[Cluster]) -> dict:
    references = {len(c.references) for c in clusters}
    return {
        "rouge": "rouge-score ROUGE-1/2/L F1, mean over references per cluster, then mean over clusters",
        "references_per_cluster": sorted(references),
        "truncation": f"every summary cut to its first {words} words",
        "tokenizer": "lower-cased Unicode letter/digit runs, elisions split (l’accord -> l accord)",
        "stemmer": "NLTK Snowball of the references' language: "
        + ", ".join(sorted({c.summary_language for c in clusters})),
        "sentences": "recoupe's cleaning and sentence splitting, shared by all systems",
        "recoupe's time includes cleaning, splitting and features (shared by all systems)": True,
    }
