"""The briefing pipeline: small named stages over a plain workspace, listed in one place.

Each stage declares what it ``requires`` and what it ``assigns`` (as spaCy components do);
``check_order`` verifies once, before running, that every requirement is assigned earlier.

    raw documents -> clean -> split -> features -> summarise -> timeline -> crosscheck
                  -> actors -> quotes -> Briefing

``crosscheck`` (claims, contradictions, agreement; contradictions are also attached to the summary
sentences they involve) can be switched off: ``run_pipeline(crosscheck=False)``; so can the
who-said-what-when stages (``actors``, ``quotes``, ``timeline``): ``run_pipeline(story=False)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
import datetime as dt
from types import ModuleType

from .actors import document_asides, find_actors
from .clean import clean_documents
from .crosscheck import corroborate_summary, cross_check, timeline_contradictions
from .features import NlpResources, SentenceFeatures, parse_heads, sentence_features, word_similarity
from .frames import FrameReader
from .lang import data_for_document, language_data
from .readers import ReadResult, parse_date, read_inputs
from .quotes import find_quotes, merge_quotes
from .repair import Lexicon
from .split import SentenceSplitter
from .summarize import summarise
from .timeline import DateConflict, publication_dates, timeline_and_conflicts
from .types import (Actor, Briefing, CleanDocument, CrossCheck, PublicationDate, Quote, RawDocument, Sentence,
                    SummarySentence, TimelineEvent)

DEFAULT_WORDS = 150


@dataclass
class Workspace:
    """What the stages read and write during one brief."""

    lang: ModuleType
    words: int
    resources: NlpResources
    fill: bool  # let the last sentence run past the budget (evaluation truncates to N words)
    raw: list[RawDocument]
    documents: list[CleanDocument] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    features: SentenceFeatures | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    cross_checking: bool = True
    crosscheck: CrossCheck | None = None
    story: bool = True  # actors, quotes, timeline
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    published: dict[str, PublicationDate] = field(default_factory=dict)
    timeline: list[TimelineEvent] = field(default_factory=list)
    date_conflicts: list[DateConflict] = field(default_factory=list)  # events dated differently

    @property
    def analysing(self) -> bool:
        """Whether the features stage must keep tokens and entities (NER runs only then)."""
        return self.cross_checking or self.story


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Workspace], None]


def _clean(ws: Workspace) -> None:
    nlp = ws.resources.pipeline(ws.lang.CODE)
    lexicon = Lexicon.from_texts([d.text for d in ws.raw], ws.lang.CODE, vocab=nlp.vocab)
    identifier = ws.resources.language_identifier()
    ws.documents = clean_documents(ws.raw, ws.lang, SentenceSplitter(ws.lang), lexicon, identifier)


def _split(ws: Workspace) -> None:
    ws.sentences = split_documents(ws.documents, SentenceSplitter(ws.lang))


def document_languages(ws: Workspace) -> dict[str, ModuleType]:
    """The language data of each document of the workspace."""
    return {d.id: data_for_document(d.language, ws.lang) for d in ws.documents}


def _features(ws: Workspace) -> None:
    ws.features = sentence_features(ws.sentences, ws.resources.pipeline(ws.lang.CODE), analyse=ws.analysing)


def _summarise(ws: Workspace) -> None:
    headings = {d.id: set(d.headings) for d in ws.documents}
    ws.summary = summarise(
        ws.sentences, ws.features, headings, ws.words, document_languages(ws),
        fill=ws.fill, weights=ws.lang.SUMMARY_WEIGHTS,
    )


def _crosscheck(ws: Workspace) -> None:
    if not ws.cross_checking:
        return
    published = {r.id: publication_date(r.published) for r in ws.raw}
    languages = document_languages(ws)
    parse = workspace_parser(ws)
    frames = FrameReader(parse, ws.lang, word_similarity(ws.resources.pipeline(ws.lang.CODE)))
    ws.crosscheck = cross_check(ws.sentences, ws.features, languages, published, parse=parse, frames=frames)
    ws.crosscheck = timeline_contradictions(ws.crosscheck, ws.date_conflicts, ws.sentences, languages)
    ws.summary = corroborate_summary(ws.summary, ws.crosscheck, frames)


def workspace_parser(ws: Workspace):
    """Dependency heads of sentences, by the input language's pipeline, for cross-checking."""
    nlp = ws.resources.pipeline(ws.lang.CODE)
    return lambda texts: parse_heads(texts, nlp)


def _actors(ws: Workspace) -> None:
    if ws.story:
        # titles and removed lines (bylines, foreign-language lines) can name actors and add variants
        asides = document_asides(ws.documents, ws.resources.pipeline(ws.lang.CODE))
        ws.actors = find_actors(ws.sentences, ws.features.analyses, ws.lang, asides)


def _quotes(ws: Workspace) -> None:
    if ws.story:
        reports = find_quotes(ws.sentences, ws.features.analyses, ws.lang)
        ws.quotes = merge_quotes(reports, ws.actors, ws.lang)


def _timeline(ws: Workspace) -> None:
    dates = {r.id: (publication_date(r.published), r.published_origin or "metadata") for r in ws.raw}
    given = {doc: PublicationDate(date.isoformat(), origin) for doc, (date, origin) in dates.items() if date}
    ws.published = publication_dates(ws.sentences, given, ws.lang)
    if ws.story or ws.cross_checking:  # cross-checking reports the events the sources date differently
        timeline, ws.date_conflicts = timeline_and_conflicts(ws.sentences, ws.published, ws.lang)
        ws.timeline = timeline if ws.story else []


def publication_date(value: str | None) -> dt.date | None:
    """The date of an ISO date or timestamp ("2024-06-19", "2024-06-19T08:00:00Z") within the
    publication years (``readers.parse_date``), else None."""
    return parse_date(value)[0] if value else None


STAGES = (
    Stage("clean", requires=("raw",), assigns=("documents",), run=_clean),
    Stage("split", requires=("documents",), assigns=("sentences",), run=_split),
    Stage("features", requires=("sentences",), assigns=("features",), run=_features),
    Stage("summarise", requires=("sentences", "features", "documents"), assigns=("summary",), run=_summarise),
    Stage("timeline", requires=("sentences", "raw"), assigns=("published", "timeline", "date_conflicts"), run=_timeline),
    Stage("crosscheck", requires=("sentences", "features", "summary", "date_conflicts"), assigns=("crosscheck", "summary"),
          run=_crosscheck),
    Stage("actors", requires=("sentences", "features", "documents"), assigns=("actors",), run=_actors),
    Stage("quotes", requires=("sentences", "features", "actors"), assigns=("quotes",), run=_quotes),
)


def check_order(stages=STAGES, given=("raw",)) -> None:
    """Raise ValueError if a stage needs something no earlier stage assigns."""
    available = set(given)
    for stage in stages:
        missing = set(stage.requires) - available
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {sorted(missing)} before it runs")
        available |= set(stage.assigns)


def split_documents(documents: list[CleanDocument], splitter: SentenceSplitter) -> list[Sentence]:
    """Sentences of every cleaned document; a sentence never spans two documents. A document in
    another language recoupe has data for is split with that language's rules."""
    sentences = []
    splitters = {splitter.lang.CODE: splitter}
    for document in documents:
        doc_lang = data_for_document(document.language, splitter.lang)
        doc_splitter = splitters.setdefault(doc_lang.CODE, SentenceSplitter(doc_lang))
        paragraph_starts = _paragraph_starts(document.text)
        for index, span in enumerate(doc_splitter.spans(document.text)):
            paragraph = sum(1 for start in paragraph_starts if start <= span.start) - 1
            sentences.append(
                Sentence(document.id, index, span.start, span.end, document.text[span.start : span.end], paragraph)
            )
    return sentences


def _paragraph_starts(text: str) -> list[int]:
    starts, position = [0], text.find("\n\n")
    while position >= 0:
        starts.append(position + 2)
        position = text.find("\n\n", position + 2)
    return starts


def prepare(raw: list[RawDocument], lang: str = "fr", resources: NlpResources | None = None,
            cross_checking: bool = True) -> Workspace:
    """Run the stages up to ``features`` (what the cross-checking benchmarks start from)."""
    workspace = Workspace(language_data(lang), DEFAULT_WORDS, resources or NlpResources(), False, list(raw),
                          cross_checking=cross_checking)
    for stage in STAGES[: [s.name for s in STAGES].index("features") + 1]:
        stage.run(workspace)
    return workspace


def run_pipeline(
    raw: list[RawDocument],
    lang: str = "fr",
    words: int = DEFAULT_WORDS,
    resources: NlpResources | None = None,
    progress: Callable[[str], None] | None = None,
    fill: bool = False,
    crosscheck: bool = True,
    story: bool = True,
) -> Briefing:
    """Run every stage on ``raw`` and return the briefing (without input problems).

    ``fill``: the summary's last sentence may run past ``words`` (for ``recoupe eval``, which
    truncates every system to the first ``words`` words); a briefing holds the budget."""
    check_order()
    workspace = Workspace(language_data(lang), words, resources or NlpResources(), fill, list(raw),
                          cross_checking=crosscheck, story=story)
    for stage in STAGES:
        if progress:
            progress(stage.name)
        stage.run(workspace)
    return Briefing(
        language=lang,
        words=words,
        documents=workspace.documents,
        summary=workspace.summary,
        sentences=workspace.sentences,
        crosscheck=workspace.crosscheck,
        actors=workspace.actors,
        quotes=workspace.quotes,
        timeline=workspace.timeline,
        published=workspace.published,
    )


def brief(
    paths: list[str],
    words: int = DEFAULT_WORDS,
    lang: str = "fr",
    cluster: str | None = None,
    resources: NlpResources | None = None,
    progress: Callable[[str], None] | None = None,
    crosscheck: bool = True,
    published: str | None = None,
    story: bool = True,
) -> Briefing:
    """Read ``paths`` and brief every readable document; unreadable ones land in ``problems``.

    Raises readers.UsageProblem (missing path, ambiguous cluster) and lang.UnsupportedLanguage."""
    language_data(lang)
    return brief_read(read_inputs(paths, cluster=cluster), words=words, lang=lang, resources=resources,
                      progress=progress, crosscheck=crosscheck, published=published, story=story)


def brief_read(
    read: ReadResult,
    words: int = DEFAULT_WORDS,
    lang: str = "fr",
    resources: NlpResources | None = None,
    progress: Callable[[str], None] | None = None,
    crosscheck: bool = True,
    published: str | None = None,
    story: bool = True,
) -> Briefing:
    """Brief documents already read (one cluster of ``readers.read_each_cluster``); the input
    problems of ``read`` become the briefing's."""
    documents = read.documents
    if published:
        # the --published date stands in for documents whose input gave none
        documents = [d if d.published else replace(d, published=published, published_origin="option") for d in documents]
    briefing = run_pipeline(documents, lang=lang, words=words, resources=resources, progress=progress,
                            crosscheck=crosscheck, story=story)
    briefing.problems = read.problems
    return briefing
