"""What a reader must know first, picked from the briefing dict for the short default view.

A five-article briefing in full runs longer than the articles (every claim, quote, actor and
date); a reader who has two minutes needs the summary and then only what should change how far
they trust it:
1. the contradictions, unexplained ones first;
2. the important facts that rest on one source;
3. the documents without a publication date (their relative dates are left out of the timeline).
Each list shows its top items and counts the rest; ``--full`` shows everything. The terminal and
Markdown views render the same ``Digest``, so they never disagree on what is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..confidence import SURE
from .contract import MANY_ARTICLES, SILENT_LISTED

# Items shown per section of the short view; the rest are counted ("… and 4 more").
TOP_CONTRADICTIONS = 3
TOP_SINGLE_SOURCE = 3
TOP_UNDATED = 5
# Disagreements shown under one summary sentence in the short view (the rest are counted).
TOP_INLINE_CONTRADICTIONS = 3
# A single-source fact shorter than this (a fragment, "et a signé.") is not shown as important.
MIN_FACT_WORDS = 6


@dataclass(frozen=True)
class SingleSourceFact:
    source: str
    sentence_index: int
    text: str  # the whole sentence, or "… clause …" when other clauses of it are corroborated


@dataclass(frozen=True)
class Digest:
    contradictions: list[dict]
    contradictions_total: int
    single_source: list[SingleSourceFact]
    single_source_total: int
    undated: list[dict]  # documents whose publication date is unknown or inferred
    undated_total: int
    claims: int  # claims stated by several sources
    sure_claims: int
    quotes: int
    actors: int
    dates: int


def digest(data: dict, top_contradictions: int = TOP_CONTRADICTIONS, top_facts: int = TOP_SINGLE_SOURCE,
           top_undated: int = TOP_UNDATED) -> Digest:
    contradictions = sorted(data["contradictions"], key=lambda c: (c["explanation"] is not None, -c["probability"]))
    facts = single_source_facts(data)
    undated = [d for d in data["documents"] if d["published_origin"] in ("unknown", "inferred")]
    shared = [c for c in data["claims"] if c["sources"] > 1]
    return Digest(
        contradictions=contradictions[:top_contradictions],
        contradictions_total=len(contradictions),
        single_source=facts[:top_facts],
        single_source_total=len(facts),
        undated=undated[:top_undated],
        undated_total=len(undated),
        claims=len(shared),
        sure_claims=sum(1 for c in shared if c["sure"]),
        quotes=len(data["quotes"]),
        actors=len(data["actors"]),
        dates=len(data["timeline"]),
    )


def single_source_facts(data: dict) -> list[SingleSourceFact]:
    """The facts only one source states and nobody contradicts, most important first.

    Importance is the sentence's place in its article: news is written as an inverted pyramid,
    the main facts first, so a single-source fact in a lede matters more than one in the tenth
    paragraph. Sentences already in the summary are left out (the summary marks its own
    single-source sentences). A sentence whose claims all rest on one source is shown whole; one
    with a corroborated clause shows only its single-source clause, so that the corroborated
    part is not shown as resting on one source."""
    in_summary = {(s["source"], s["sentence_index"]) for s in data["summary"]}
    claims_of: dict[tuple[str, int], list[dict]] = {}
    for claim in data["claims"]:
        for statement in claim["stated_by"]:
            claims_of.setdefault((statement["source"], statement["sentence_index"]), []).append(claim)
    order = {d["id"]: k for k, d in enumerate(data["documents"])}
    facts, seen = [], set()
    for claim in data["claims"]:
        if claim["sources"] != 1 or claim["contradicted_by"]:
            continue
        statement = claim["stated_by"][0]
        key = (statement["source"], statement["sentence_index"])
        if key in in_summary:
            continue
        whole = all(c["sources"] == 1 and not c["contradicted_by"] for c in claims_of[key])
        text = " ".join(statement["sentence"].split()) if whole else _clause_in_context(statement)
        if (key, text) in seen or len(text.split()) < MIN_FACT_WORDS:
            continue
        seen.add((key, text))
        facts.append(SingleSourceFact(statement["source"], statement["sentence_index"], text))
    facts.sort(key=lambda f: (f.sentence_index, order.get(f.source, len(order))))
    return facts


def _clause_in_context(statement: dict) -> str:
    """A clause shown apart from its sentence, with "…" where the sentence goes on."""
    sentence, clause = " ".join(statement["sentence"].split()), " ".join(statement["clause"].split())
    start = sentence.find(clause)
    before = "… " if start != 0 else ""
    after = " …" if start < 0 or start + len(clause) < len(sentence.rstrip(" .")) else ""
    return f"{before}{clause}{after}"


def sources_without_speaker(quote: dict) -> list[str]:
    """The sources of a quote with a speaker that do not give it: they report the words without
    naming anyone, or with a speaker left unresolved. The views list them apart, so that the
    speaker is never shown as theirs (another actor some source gives is shown with its sources,
    ``other_speakers``). A speaker left as written ("un porte-parole") is given by the sources
    that write those words."""
    if quote["speaker"]:
        named = {r["source"] for r in quote["reports"] if r.get("actor")}
    elif quote["speaker_name"]:
        named = {r["source"] for r in quote["reports"] if r["speaker"] == quote["speaker_name"]}
    else:
        return []
    return [s for s in quote["sources"] if s not in named]


def corroborating(item: dict) -> list[dict]:
    """The links of a summary sentence that corroborate it (counted among its sources)."""
    return [c for c in item["corroborated_by"] if c.get("level", "corroborated") == "corroborated"]


def related(item: dict) -> list[dict]:
    """The looser links of a summary sentence: shown apart, never counted as sources."""
    return [c for c in item["corroborated_by"] if c.get("level", "corroborated") != "corroborated"]


def related_note(item: dict, names: dict[str, str], t: dict, cut: bool = False) -> str:
    """A summary sentence's looser links as every view writes them ("lié, non compté : X, Y"),
    "" without any; ``cut``: as ``name_list`` cuts."""
    loose = related(item)
    return t["related"].format(names=name_list([c["source"] for c in loose], names, t, cut)) if loose else ""


def name_list(ids: list[str], names: dict[str, str], t: dict, cut: bool = False) -> str:
    """Sources by name; ``cut``: only the first ``HEADER_SOURCES`` and how many more (what the
    short views do past ``MANY_ARTICLES`` documents: a summary sentence of 3,000 near-identical
    articles has thousands of sources)."""
    if not cut or len(ids) <= HEADER_SOURCES:
        return ", ".join(names[i] for i in ids)
    return ", ".join(names[i] for i in ids[:HEADER_SOURCES]) + " " + t["more"].format(n=len(ids) - HEADER_SOURCES)


def short_lists(data: dict, full: bool) -> bool:
    """Whether a short view cuts its lists of sources (``name_list``)."""
    return not full and len(data["documents"]) > MANY_ARTICLES


# Past ``MANY_ARTICLES`` documents, the short views name this many sources in their header.
HEADER_SOURCES = 20


def many_articles_note(data: dict, t: dict) -> str:
    """Past ``MANY_ARTICLES`` documents: that the input was read as one story, and what of the
    cross-checking is cut (the JSON's ``agreement.sources_total`` says it to a program)."""
    if len(data["documents"]) <= MANY_ARTICLES:
        return ""
    note = t["many_articles"].format(n=len(data["documents"]), limit=MANY_ARTICLES)
    if data.get("agreement"):
        note += " " + t["many_articles_cut"].format(shown=len(data["agreement"]["sources"]), listed=SILENT_LISTED)
    return note


def header_sources(data: dict, names: dict[str, str], t: dict, full: bool = False) -> str:
    """The sources a view names in its header: all of them, but in a short view past
    ``MANY_ARTICLES`` the first ``HEADER_SOURCES``."""
    return name_list([d["id"] for d in data["documents"]], names, t, short_lists(data, full))


def silent_sources(claim: dict, names: dict[str, str], t: dict) -> str:
    """A claim's silent sources by name, and how many more the JSON left out (past
    ``SILENT_LISTED``)."""
    listed = ", ".join(names[s] for s in claim["silent"])
    rest = claim.get("silent_count", len(claim["silent"])) - len(claim["silent"])
    return f"{listed} {t['more'].format(n=rest)}" if rest > 0 else listed


def level_tag(contradiction: dict, t: dict) -> str:
    """What a reader is told a disagreement is worth (its ``level``): "possible discrepancy,
    check" for one no detector is sure of, nothing for an explained one (its explanation says
    it). Briefings written before the key existed read as "check"."""
    level = contradiction.get("level", "check")
    return "" if level == "explained" else t[f"level_{level}"]


def no_speaker_note(quote: dict, names: dict[str, str], t: dict) -> str:
    """The sources that do not give a quote's speaker (``sources_without_speaker``) as every view
    writes them, "" without any."""
    silent = sources_without_speaker(quote)
    return t["no_speaker_in"].format(names=", ".join(names[s] for s in silent)) if silent else ""


def speaker_label(quote: dict, t: dict) -> str:
    """The speaker of a quote as the views write it: its name, marked "to check" when no source
    names it in a way that is sure (``confidence.SURE``); the interface's "unknown speaker" when
    there is none."""
    name = quote["speaker_name"] or t["unknown_speaker"]
    confidence = quote.get("speaker_confidence")
    return name + (f" ({t['to_check']})" if confidence is not None and confidence < SURE else "")


def other_speakers(quote: dict, actor_names: dict[str, str], names: dict[str, str]) -> str:
    """The other speakers some sources give a quote, each with those sources: "Kim Jong Un
    (Yonhap)", so that the reader sees who says whom."""
    parts = []
    for actor in quote["conflicting_speakers"]:
        sources = dict.fromkeys(names[r["source"]] for r in quote["reports"] if r.get("actor") == actor)
        parts.append(f"{actor_names.get(actor, actor)} ({', '.join(sources)})" if sources else actor_names.get(actor, actor))
    return ", ".join(parts)


def full_view_parts(view: Digest, t: dict) -> list[str]:
    """What ``--full`` adds, counted ("23 claims stated by several sources (7 sure)", "56
    quotes"...): the short views' closing line, in the interface strings ``t``."""
    parts = [t["claims_n"].format(n=view.claims, sure=view.sure_claims)] if view.claims else []
    parts += [t["quotes_n"].format(n=view.quotes)] if view.quotes else []
    parts += [t["actors_n"].format(n=view.actors)] if view.actors else []
    parts += [t["dates_n"].format(n=view.dates)] if view.dates else []
    return parts
