"""Who said what: direct quotes and indirect speech in every source, and the same words reported
by several sources merged into one quote.

``find_quotes`` reads one document at a time, in order, because French news spreads a quote over
sentences and names its speaker once: "« ... », a déclaré Ouchakov. ... , a-t-il indiqué."

1. Direct quotes are the spans between quote marks, paired over the whole document (a quote may
   open in one sentence and close three sentences later); quotes of one word are left out (scare
   quotes and nicknames: « camarade », "Cesar"); two words are kept («document révolutionnaire»).
2. Indirect speech: a speech verb followed by "que" ("a déclaré que ..."), a clause followed by an
   inverted speech verb ("..., a déclaré Victor Cha"), or a source cue ("Selon Yonhap, ...").
   A reported clause that holds a direct quote is listed through that quote only.
3. The speaker of each is found by ``speakers.py`` (after, inside, before the quote, then the
   speaker of the sentence before).

``merge_quotes`` then resolves speakers to actors (``speakers.speaker_actor``) and merges reports
across sources (``rapidfuzz`` partial ratio on normalised text). Measured by
``benchmarks/bench_quotes.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import ModuleType

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq
from unidecode import unidecode

from .features import SentenceAnalysis, Token
from .speakers import (ActorMatcher, DocumentContext, is_temporal, reads_as_speaker, remember_speakers, source_cue,
                       speaker_after, speaker_before, speaker_inside, speech_verb_at, subject_after, subject_before)
from .types import Actor, Quote, Report, Sentence

# Quotes of fewer words are scare quotes or nicknames (« camarade », "Cesar"), not speech; two
# words already carry a judgement («document révolutionnaire»). Re-run bench_quotes after a change.
MIN_QUOTE_WORDS = 2
# A quote left open is closed at the end of the sentence where it opened once it has run this many
# sentences: a missing closing mark must not swallow the rest of the article.
MAX_QUOTE_SENTENCES = 5
# A reported clause shorter than this ("l'accord était") is no statement of its own.
MIN_INDIRECT_WORDS = 4
# How far (tokens) "que" may follow its speech verb ("a indiqué aux journalistes à Pyongyang que").
QUE_WINDOW = 6
# Two reports are the same quote from this rapidfuzz partial ratio on (normalised text), when the
# shorter has MIN_FUZZY_WORDS words or more; shorter quotes must be contained exactly.
SAME_QUOTE_RATIO = 85
MIN_FUZZY_WORDS = 4
# A partial ratio of SAME_QUOTE_RATIO needs a window w of the longer string with 2 LCS / (m + |w|)
# >= 0.85, m the shorter's length; as LCS <= |w|, LCS >= 0.425 m / 0.575 = 0.739 m. A pair whose
# whole strings share less cannot pass (derived, not calibrated; the margin is for safety).
PARTIAL_RATIO_MIN_LCS = 0.73


@dataclass(frozen=True)
class _Span:
    """A direct quote in a document: sentence positions and offsets inside its marks."""

    first: int
    start: int  # offset after the opening mark, in sentence ``first``
    last: int
    end: int  # offset of the closing mark, in sentence ``last`` (its length when unclosed)
    closed: bool


def find_quotes(sentences: list[Sentence], analyses: list[SentenceAnalysis], lang: ModuleType) -> list[Report]:
    """Every quote of every source sentence, direct and indirect, in document order."""
    documents: dict[str, tuple[list[Sentence], list[SentenceAnalysis]]] = {}
    for sentence, analysis in zip(sentences, analyses):
        pair = documents.setdefault(sentence.doc_id, ([], []))
        pair[0].append(sentence)
        pair[1].append(analysis)
    reports: list[Report] = []
    for doc_sentences, doc_analyses in documents.values():
        reports += _document_quotes(DocumentContext(doc_sentences, doc_analyses, lang))
    return reports


def _document_quotes(doc: DocumentContext) -> list[Report]:
    spans = quote_spans([s.text for s in doc.sentences], doc.lang)
    reports = []
    for position, sentence in enumerate(doc.sentences):
        here = [s for s in spans if s.first == position]
        inside = [(s.start if s.first == position else 0, s.end if s.last == position else len(sentence.text))
                  for s in spans if s.first <= position <= s.last]
        found = []
        for span in here:
            found += _direct_report(doc, span)
        found += _indirect_reports(doc, position, inside)
        found.sort(key=lambda r: sentence.text.find(r.text[:20]))
        found = found[:MAX_REPORTS_PER_SENTENCE]
        remember_speakers(doc, position, found)
        reports += found
    return reports


# --- direct quotes -------------------------------------------------------------------------------

def quote_spans(texts: list[str], lang: ModuleType) -> list[_Span]:
    """The outermost quoted spans of a document's sentences, paired across sentences.

    A closing mark followed later by another of its kind with no opening mark between was a
    mistyped opening one ("agence de presse.” Les 18 et 19 juin ... intensif”")."""
    pairs = lang.DIRECT_QUOTE_PAIRS
    marks = [(k, i, c) for k, text in enumerate(texts) for i, c in enumerate(text) if c in pairs or c in pairs.values()]
    spans: list[_Span] = []
    open_mark: tuple[int, int, str] | None = None
    closers: list[str] = []  # the closing marks expected, innermost last
    for n, (k, i, c) in enumerate(marks):
        text = texts[k]
        if closers and c == closers[-1]:
            role = "close"
        elif c == '"':
            before = text[i - 1] if i else " "
            role = "open" if not before.isalnum() and before not in ".,!?;:" else "stray"
        elif c in pairs:
            role = "open"
        elif c in closers:
            closers = closers[: closers.index(c) + 1]  # an inner quote left open: closed with the outer
            role = "close"
        else:
            later = next((m for m in marks[n + 1:] if m[2] == c or m[2] in pairs), None)
            at_end = not text[i + 1:].strip()
            role = "open" if open_mark is None and at_end and later is not None and later[2] == c else "stray"
        if role == "open":
            if open_mark is not None and c == open_mark[2] and k > open_mark[0] and len(closers) == 1:
                spans.append(_unclosed(open_mark, texts))  # a new paragraph reopens the quote
                open_mark, closers = None, []
            if open_mark is None:
                open_mark = (k, i, c)
            closers.append(pairs.get(c, c))
        elif role == "close":
            closers.pop()
            if not closers and open_mark is not None:
                if k - open_mark[0] < MAX_QUOTE_SENTENCES:
                    spans.append(_Span(open_mark[0], open_mark[1] + 1, k, i, True))
                else:
                    spans.append(_unclosed(open_mark, texts))
                open_mark = None
    if open_mark is not None:
        spans.append(_unclosed(open_mark, texts))
    return [_normalise_span(s, texts) for s in spans]


def _normalise_span(span: _Span, texts: list[str]) -> _Span:
    """A quote opened at the very end of a sentence starts with the next one."""
    if span.last > span.first and not texts[span.first][span.start:].strip():
        return replace(span, first=span.first + 1, start=0)
    return span


def _unclosed(mark: tuple[int, int, str], texts: list[str]) -> _Span:
    return _Span(mark[0], mark[1] + 1, mark[0], len(texts[mark[0]].rstrip()), False)


def _span_text(doc: DocumentContext, span: _Span) -> str:
    pieces = []
    for k in range(span.first, span.last + 1):
        text = doc.sentences[k].text
        pieces.append(text[span.start if k == span.first else 0: span.end if k == span.last else len(text)])
    return _trim(" ".join(pieces))


def _trim(text: str) -> str:
    return text.strip(" \u00a0\u202f,;:").strip()


def _direct_report(doc: DocumentContext, span: _Span) -> list[Report]:
    text = _span_text(doc, span)
    if len(re.findall(r"\w+", text)) < MIN_QUOTE_WORDS:
        return []
    sentence = " ".join(s.text for s in doc.sentences[span.first: span.last + 1])
    speaker, cue = speaker_after(doc, span.last, span.end + 1) if span.closed else (None, None)
    if cue is None:
        speaker, cue = speaker_inside(doc, span.first, span.start, span.last, span.end)
    if cue is None:
        speaker, cue = speaker_before(doc, span.first, span.start - 1)
    continued = False
    if cue is None and not doc.sentences[span.first].text[: span.start - 1].strip():
        speaker = doc.speaker_of.get(span.first - 1)  # a quote continued from the sentence before
        continued = speaker is not None
    first = doc.sentences[span.first]
    how = "previous" if continued else speaker_evidence(doc, span.first, span.last, speaker, cue)
    return [Report(first.doc_id, first.index, sentence, text, speaker, cue, "direct", how)]


def speaker_evidence(doc: DocumentContext, first: int, last: int, speaker: str | None, cue: str | None) -> str | None:
    """How a speaker was found, read from where it is written: a name in the quote's sentences
    ("named"), another phrase there ("description"), or nowhere there: resolved from an inverted
    or subject pronoun ("pronoun") or from a role phrase naming someone earlier ("role")."""
    if speaker is None:
        return None
    text = " ".join(s.text for s in doc.sentences[first: last + 1])
    if speaker in text:
        entities = {e.text for k in range(first, last + 1) for e in doc.analyses[k].entities}
        return "named" if speaker in entities or speaker[:1].isupper() and speaker.split()[0] not in ("Le", "La", "Les", "L'", "L’", "Un", "Une") else "description"
    # the cue is part of the text: a pronoun in it ("a-t-il dit", "selon elle") is found there too
    if re.search(r"\b(?:" + "|".join(doc.lang.SPEAKER_PRONOUNS) + r")\b", text.lower()):
        return "pronoun"
    return "role"


# --- indirect speech -----------------------------------------------------------------------------

def _indirect_reports(doc: DocumentContext, position: int, quoted: list[tuple[int, int]]) -> list[Report]:
    """"X a déclaré que CLAUSE", "CLAUSE, a déclaré X", "Selon X, CLAUSE" outside quote marks."""
    sentence, analysis, lang = doc.sentences[position], doc.analyses[position], doc.lang
    text, tokens = sentence.text, analysis.tokens

    def in_quote(offset: int) -> bool:
        return any(a - 1 <= offset < b + 1 for a, b in quoted)

    reports, after = [], -1
    for n, token in enumerate(tokens):
        if n <= after or in_quote(token.start):
            continue
        verb = speech_verb_at(analysis, n, lang)
        if verb is None:
            continue
        after = verb.last
        opener = _reported_clause_start(tokens, verb.last, lang)
        if opener is not None:
            speaker = subject_before(doc, position, verb)
            for start, end in _coordinated_clauses(text, opener, lang):
                clause = text[start:end]
                if not any(start <= a < end for a, _ in quoted):
                    reports.append(_indirect(sentence, clause, speaker, verb.cue, doc, position))
            continue
        comma = _comma_before(tokens, verb.first)
        if comma is not None and comma > 0 and verb.finite and not any(a < comma for a, _ in quoted):
            speaker = subject_after(doc, position, verb)
            if speaker is not None:
                reports.append(_indirect(sentence, text[:comma], speaker, verb.cue, doc, position))
    if not reports and not quoted:
        reports += _source_cue_reports(doc, position)
    return [r for r in reports if len(r.text.split()) >= MIN_INDIRECT_WORDS]


def _indirect(sentence: Sentence, clause: str, speaker: str | None, cue: str, doc: DocumentContext,
              position: int) -> Report:
    return Report(sentence.doc_id, sentence.index, sentence.text, _trim(clause.rstrip(" .")), speaker, cue, "indirect",
                  speaker_evidence(doc, position, position, speaker, cue))


def _reported_clause_start(tokens: tuple[Token, ...], last: int, lang: ModuleType) -> int | None:
    """Offset of the clause after "que" (or of an infinitive: "a affirmé n'avoir été informé")."""
    following = [t for t in tokens[last + 1: last + 1 + QUE_WINDOW] if not is_temporal(t, lang)]
    lead = (following[:1] if following and following[0].text.lower() not in ("de", "d'", "d’", "n'", "n’", "ne")
            else following[1:2])
    if lead and lead[0].verb_form == "Inf":  # "a affirmé n'avoir été informé", "a promis de faire"
        return (following[0].start if following[0] is not lead[0] and following[0].text.lower()[0] == "n"
                else lead[0].start)
    for token in following:
        if token.text in ",;:.»«“”\"" or token.pos == "VERB":
            return None
        if token.text.lower() in lang.REPORTED_CLAUSE_OPENERS:
            return token.end
    return None


def _coordinated_clauses(text: str, start: int, lang: ModuleType) -> list[tuple[int, int]]:
    """"que A, mais qu'il B" -> A and B (each without its "mais qu'")."""
    words = "|".join(lang.REPORTED_CLAUSE_COORDINATORS)
    openers = "|".join(re.escape(o) for o in lang.REPORTED_CLAUSE_OPENERS)
    pattern = re.compile(rf",?\s+(?:{words})\s+(?:{openers})\s*", re.I)
    bounds, position = [], start
    for match in pattern.finditer(text, start):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    return bounds


def _comma_before(tokens: tuple[Token, ...], first: int) -> int | None:
    """Offset of the comma right before an inverted speech verb ("..., a déclaré X")."""
    if first > 0 and tokens[first - 1].text == ",":
        return tokens[first - 1].start
    return None


def _source_cue_reports(doc: DocumentContext, position: int) -> list[Report]:
    """"Selon Yonhap, CLAUSE" and "CLAUSE, selon Yonhap"."""
    sentence, tokens = doc.sentences[position], doc.analyses[position].tokens
    text = sentence.text
    for n, token in enumerate(tokens):
        if (token.text.lower() not in doc.lang.SOURCE_CUES
                and text[token.start:].lower().split(" ")[0] not in doc.lang.SOURCE_CUES
                and not (n == 0 and token.text.lower() in doc.lang.OPINION_CUES)):
            continue
        found = source_cue(doc, position, token.start)
        if not found:
            continue
        comma = next((t.start for t in tokens[n + 1:] if t.text == ","), None)
        if n == 0 and comma is not None:
            return [_indirect(sentence, text[comma + 1:], *found, doc, position)]
        if n > 0 and tokens[n - 1].text == "," and (comma is None):
            return [_indirect(sentence, text[: tokens[n - 1].start], *found, doc, position)]
    return []


# --- merging across sources ----------------------------------------------------------------------

def normalise_quote(text: str) -> str:
    """Lower-case ASCII words: what two sources' renderings of one quote are compared on."""
    return " ".join(re.findall(r"\w+", unidecode(text).lower()))


def same_quote(a: str, b: str) -> bool:
    """``a`` and ``b`` (normalised) are one quote: one holds the other, or, both long enough, the
    shorter aligns with part of the longer (a different translation of a few words)."""
    shorter, longer = sorted((a, b), key=len)
    if not shorter:
        return False
    if f" {shorter} " in f" {longer} ":
        return True
    return len(shorter.split()) >= MIN_FUZZY_WORDS and fuzz.partial_ratio(shorter, longer) >= SAME_QUOTE_RATIO


def merge_quotes(reports: list[Report], actors: list[Actor], lang: ModuleType) -> list[Quote]:
    """One Quote per group of reports of the same words (the connected groups of ``same_quote``),
    its speaker an actor; Q1 is the quote with the most sources (then the first reported)."""
    keys = [normalise_quote(r.text) for r in reports]
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in same_quote_pairs(keys):
        if root(i) != root(j):
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(root(i), []).append(i)
    matcher = ActorMatcher(actors, lang)
    names = {a.id: a.name for a in actors}
    quotes = [_quote([reports[i] for i in members], names, matcher) for members in groups.values()]
    order = sorted(range(len(quotes)), key=lambda k: (-len(quotes[k].sources), k))
    return [replace(quotes[k], id=f"Q{n + 1}") for n, k in enumerate(order)]


# A sentence gives at most this many reports, the first ones: news sentences give up to four
# (the 160-article benchmark), a page of text without punctuation one for every "dit que", all of
# them then compared with each other.
MAX_REPORTS_PER_SENTENCE = 8
# At most this many longer keys get the fuzzy test with a key, those nearest by common
# subsequence (up to 785 pass that test in the 160-article benchmark, and the quotes merged are
# the same from a bound of 300 on; 100 changes them); in a page repeating a dozen words every key
# passed it, and the tests of every pair took minutes.
MAX_FUZZY_CANDIDATES = 300
# A key's containment candidates are the keys holding its this many rarest word sequences of
# ``CONTAINMENT_GRAM_WORDS`` words (all its words for a shorter key).
CONTAINMENT_INDEX_GRAMS = 4
CONTAINMENT_GRAM_WORDS = 3


def _word_grams(words: list[str]) -> set[tuple[str, ...]]:
    """The key's runs of ``CONTAINMENT_GRAM_WORDS`` consecutive words (its words, one by one,
    when it is shorter): a key contained in another has each of them in it."""
    if len(words) < CONTAINMENT_GRAM_WORDS:
        return {(word,) for word in words}
    size = CONTAINMENT_GRAM_WORDS
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def same_quote_pairs(keys: list[str]) -> list[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i > j``, of keys (normalised quotes) that ``same_quote`` takes for
    one quote, without calling it on every pair (13 CPU-s in Python on the 1,418 reports of 160
    articles; 0.6 s here).

    Each key is compared with the keys ``same_quote`` would sort after it (longer; as long and
    earlier). Containment is looked up through the keys holding the shorter's rarest runs of
    three words (``f" {shorter} " in f" {longer} "`` needs every run of it). The fuzzy test keeps its
    ``fuzz.partial_ratio``, run only where it can pass: a window of the longer key at ratio 85
    shares a common subsequence of ``PARTIAL_RATIO_MIN_LCS`` of the shorter's length with it,
    so with the whole longer key (rapidfuzz's bit-parallel ``LCSseq``, 1 µs a pair against up
    to 36 µs for a partial ratio). No word-based prefilter: a ratio of 85 allows an edit in
    every word."""
    words = [key.split() for key in keys]
    grams = [_word_grams(key_words) for key_words in words]
    holding: dict[tuple[str, ...], set[int]] = {}  # a word, or a run of words -> the keys holding it
    for k, key_words in enumerate(words):
        for gram in grams[k] | {(word,) for word in key_words}:
            holding.setdefault(gram, set()).add(k)
    # same_quote(a, b) sorts (a, b) by length, stably, and is called with the later key first:
    # in this order, the keys after a key are the longer of their pair with it
    order = sorted(range(len(keys)), key=lambda k: (len(keys[k]), -k))
    rank = {k: n for n, k in enumerate(order)}
    padded = [f" {key} " for key in keys]
    pairs = set()
    for n, k in enumerate(order):
        if not keys[k]:
            continue
        # the keys holding every one of its rarest word sequences (by single words, a page of
        # common words made this lookup quadratic: 26 of 40 CPU-s on 20,000 unpunctuated words)
        rarest = sorted(grams[k], key=lambda gram: len(holding[gram]))[:CONTAINMENT_INDEX_GRAMS]
        holders = set.intersection(*(holding[gram] for gram in rarest))
        pairs.update((max(k, other), min(k, other)) for other in holders
                     if rank[other] > n and padded[k] in padded[other])
        if len(words[k]) < MIN_FUZZY_WORDS or n + 1 == len(order):
            continue
        longer = order[n + 1:]
        common = process.cdist([keys[k]], [keys[other] for other in longer], scorer=LCSseq.similarity,
                               dtype=np.int32)[0]
        indices = np.flatnonzero(common >= PARTIAL_RATIO_MIN_LCS * len(keys[k]))
        if len(indices) > MAX_FUZZY_CANDIDATES:  # the nearest only: text repeating a few words
            indices = np.sort(indices[np.argsort(-common[indices], kind="stable")[:MAX_FUZZY_CANDIDATES]])
        possible = [longer[index] for index in indices]
        if not possible:
            continue
        # rapidfuzz stops a ratio early once it cannot reach the cutoff
        ratios = process.cdist([keys[k]], [keys[other] for other in possible], scorer=fuzz.partial_ratio,
                               score_cutoff=SAME_QUOTE_RATIO)[0]
        pairs.update((max(k, other), min(k, other)) for other, ratio in zip(possible, ratios)
                     if ratio >= SAME_QUOTE_RATIO)
    return sorted(pairs)


def _quote(reports: list[Report], names: dict[str, str], matcher: ActorMatcher) -> Quote:
    """One merged quote. Each report keeps the actor its own source names (``Report.actor``): the
    quote's speaker is the one most sources name, and the views say which sources name it, so
    that a source reporting the words without a speaker is never shown as naming one."""
    votes: dict[str, tuple[int, int]] = {}
    resolved = []
    for report in reports:
        actor = matcher.actor_of(report)
        resolved.append(replace(report, actor=actor.id if actor else None))
        if actor is not None:
            count, longest = votes.get(actor.id, (0, 0))
            votes[actor.id] = (count + 1, max(longest, len(report.text)))
    # most reports first; a tie goes to the speaker of the fullest rendering
    ranked = sorted(votes, key=lambda a: (-votes[a][0], -votes[a][1]))
    speaker = ranked[0] if ranked else None
    # a speaker left as written is shown only when it reads as one (not "médecin de formation")
    written = next((r.speaker for r in reports if r.speaker and reads_as_speaker(r.speaker, matcher.lang)), None)
    kind = "direct" if any(r.kind == "direct" for r in reports) else "indirect"
    return Quote(
        id="",
        text=max((r.text for r in reports if r.kind == kind), key=len),
        kind=kind,
        speaker=speaker,
        speaker_name=names[speaker] if speaker else written,
        reports=tuple(resolved),
        conflicting_speakers=tuple(ranked[1:]),
    )
