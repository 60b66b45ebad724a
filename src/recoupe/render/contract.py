"""The JSON contract: the one dict every format renders (``briefing_to_dict``).

Keys are only ever added: a rename or removal needs a CHANGELOG.md entry and a new
``SCHEMA_VERSION``. The JSON Schema in ``docs/briefing.schema.json`` describes it and the tests
validate the reference briefing against it.
"""

from __future__ import annotations

import json

from ..confidence import confidence_of
from ..types import Actor, Briefing, Contradiction, CrossCheck, Mention, Quote, Statement, TimelineEvent

# Version of the JSON contract; bumped (and noted in CHANGELOG.md) on any rename or removal.
SCHEMA_VERSION = 1


# A claim's ``silent`` list names at most this many sources unless asked for in full: past
# ~100 articles (no longer one story) the lists would be most of the briefing (a 3,000-article
# folder: thousands of claims, each with thousands of silent sources); ``silent_count`` gives
# every list's length.
SILENT_LISTED = 100
# From this many documents on, a briefing says it is reading them as one story.
MANY_ARTICLES = 100


def briefing_to_dict(briefing: Briefing, full: bool = False) -> dict:
    """The JSON contract: keys are only ever added; see CHANGELOG.md. ``full``: every claim's
    whole ``silent`` list, past ``SILENT_LISTED``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "language": briefing.language,
        "words": briefing.words,
        "summary_words": sum(len(s.text.split()) for s in briefing.summary),
        "documents": [
            {
                "id": d.id,
                "origin": d.origin,
                "language": d.language,
                "title": d.title,
                "title_source": d.title_source,
                **publication_dict(briefing, d.id),
                "outlet": d.outlet or d.id,
                "outlet_origin": d.outlet_origin,
                "text": d.text,
                "headings": list(d.headings),
                "removed": [{"text": r.text, "reason": r.reason, "start": r.start} for r in d.removed],
                "repairs": [
                    {"original": r.original, "repaired": r.repaired, "kind": r.kind, "start": r.start}
                    for r in d.repairs
                ],
            }
            for d in briefing.documents
        ],
        "summary": [
            {
                "text": s.text,
                "source": s.source,
                "sentence_index": s.index,
                "score": s.score,
                "sources": len(s.sources),
                "relaxed": s.relaxed,
                "single_source": len(s.sources) == 1,
                "corroborated_by": [
                    {"source": c.source, "sentence": c.sentence, "sentence_index": c.index, "similarity": c.similarity,
                     "found_by": c.found_by, "level": c.level, "same_predicate": c.same_predicate}
                    for c in s.corroborated_by
                ],
                "contradicted_by": [_inline_contradiction(c, s.source, s.index) for c in s.contradicted_by],
            }
            for s in briefing.summary
        ],
        "cross_checked": briefing.crosscheck is not None,
        "claims": _claims(briefing.crosscheck, full),
        "contradictions": [_contradiction(c) for c in (briefing.crosscheck.contradictions if briefing.crosscheck else [])],
        "agreement": _agreement(briefing.crosscheck),
        "actors": actors_to_dicts(briefing.actors),
        "quotes": quotes_to_dicts(briefing.quotes),
        "timeline": timeline_to_dicts(briefing.timeline),
        "problems": [{"origin": p.origin, "message": p.message, "skipped": p.skipped} for p in briefing.problems],
    }


def _statement(statement: Statement) -> dict:
    return {"source": statement.source, "sentence": statement.sentence, "sentence_index": statement.sentence_index,
            "clause": statement.clause, "probability": statement.probability}


def _claims(crosscheck: CrossCheck | None, full: bool) -> list[dict]:
    if crosscheck is None:
        return []
    return [
        {
            "id": claim.id,
            "text": claim.text,
            "sources": claim.sources,
            "stated_by": [_statement(s) for s in claim.stated_by],
            "silent": list(claim.silent if full else claim.silent[:SILENT_LISTED]),
            "silent_count": len(claim.silent),
            "contradicted_by": [_statement(s) for s in claim.contradicted_by],
            "weakest_link": claim.weakest_link,
            "sure": claim.sure,
            "one_fact": claim.one_fact,
        }
        for claim in crosscheck.claims
    ]


def _contradiction(c: Contradiction) -> dict:
    return {
        "type": c.kind,
        "a": {**_statement(c.a), "value": c.a_value},
        "b": {**_statement(c.b), "value": c.b_value},
        "probability": c.probability,
        "claim": c.claim,
        "explanation": c.explanation,
        "explained_by": _statement(c.explained_by) if c.explained_by else None,
        "found_by": c.found_by,
        "anchor": c.anchor,
        "gate": round(c.gate, 3) if c.gate is not None else None,
        "level": c.level,
    }


def _inline_contradiction(c: Contradiction, source: str, index: int) -> dict:
    """A contradiction as seen from one summary sentence: the other side and both values."""
    mine_is_a = (c.a.source, c.a.sentence_index) == (source, index)
    other, own_value, value = (c.b, c.a_value, c.b_value) if mine_is_a else (c.a, c.b_value, c.a_value)
    return {"type": c.kind, "source": other.source, "sentence": other.sentence, "sentence_index": other.sentence_index,
            "value": value, "own_value": own_value, "explanation": c.explanation, "level": c.level}


def _agreement(crosscheck: CrossCheck | None) -> dict | None:
    if crosscheck is None:
        return None
    from ..crosscheck import only_here

    return {"sources": crosscheck.agreement_sources, "shared": crosscheck.shared, "sure": crosscheck.sure,
            "disputed": crosscheck.disputed, "only_here": only_here(crosscheck),
            "sources_total": len(crosscheck.sources)}


def actors_to_dicts(actors: list[Actor]) -> list[dict]:
    return [
        {
            "id": a.id,
            "name": a.name,
            "type": a.type,
            "roles": list(a.roles),
            "variants": [{"text": text, "count": count} for text, count in a.variants],
            "sources": list(a.sources),
            "mentions": [_mention(m) for m in a.mentions],
        }
        for a in actors
    ]


def _mention(m: Mention) -> dict:
    return {"source": m.source, "sentence_index": m.sentence_index, "sentence": m.sentence, "text": m.text,
            "start": m.start, "end": m.end}


def quotes_to_dicts(quotes: list[Quote]) -> list[dict]:
    return [
        {
            "id": q.id,
            "text": q.text,
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_name": q.speaker_name,
            "sources": list(q.sources),
            "conflicting_speakers": list(q.conflicting_speakers),
            "speaker_sources": list(q.speaker_sources),
            "speaker_confidence": max((confidence_of("speaker", r.how) for r in q.reports
                                       if q.speaker and r.actor == q.speaker), default=None),
            "reports": [
                {"source": r.source, "sentence_index": r.sentence_index, "sentence": r.sentence, "text": r.text,
                 "speaker": r.speaker, "cue": r.cue, "kind": r.kind, "how": r.how, "actor": r.actor,
                 "confidence": confidence_of("speaker", r.how) if r.actor else None}
                for r in q.reports
            ],
        }
        for q in quotes
    ]


def timeline_to_dicts(timeline: list[TimelineEvent]) -> list[dict]:
    return [
        {
            "date": e.date,
            "end": e.end,
            "precision": e.precision,
            "time": e.time,
            "text": e.text,
            "sources": list(e.sources),
            "conflicts": list(e.conflicts),
            "confidence": max((confidence_of("date", m.resolved_by) for m in e.mentions if m.resolved_by),
                              default=None),
            "mentions": [
                {"source": m.source, "sentence_index": m.sentence_index, "sentence": m.sentence,
                 "expression": m.expression, "relative": m.relative, "published": m.published,
                 "resolved_by": m.resolved_by, "confidence": confidence_of("date", m.resolved_by)}
                for m in e.mentions
            ],
        }
        for e in timeline
    ]


def publication_dict(briefing: Briefing, doc_id: str) -> dict:
    published = briefing.published.get(doc_id)
    return {"published": published.date if published else None,
            "published_origin": published.origin if published else "unknown"}


def to_json(briefing: Briefing | dict) -> str:
    """The JSON text of a briefing (or of its ``briefing_to_dict``): UTF-8 as written, indented."""
    data = briefing if isinstance(briefing, dict) else briefing_to_dict(briefing)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
