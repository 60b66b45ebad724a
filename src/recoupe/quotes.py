"""Who said what: direct quotes and indirect speech in every source, their speakers, and the same
words reported by several sources merged into one quote.

``find_quotes`` reads one document at a time, in order, because French news spreads a quote over
sentences and names its speaker once: "« ... », a déclaré Ouchakov. ... , a-t-il indiqué."

1. Direct quotes are the spans between quote marks, paired over the whole document (a quote may
   open in one sentence and close three sentences later); quotes of one word are left out (scare
   quotes and nicknames: « camarade », "Cesar"); two words are kept («document révolutionnaire»).
2. Indirect speech: a speech verb followed by "que" ("a déclaré que ..."), a clause followed by an
   inverted speech verb ("..., a déclaré Victor Cha"), or a source cue ("Selon Yonhap, ...").
   A reported clause that holds a direct quote is listed through that quote only.
3. The speaker is looked for, in this order: after the quote ("», a déclaré Poutine", "», a-t-il
   indiqué"), inside it ("« ..., a-t-elle poursuivi, ... »"), before it (the subject of the last
   speech verb, or "selon X"), then the speaker of the sentence before when the quote opens its
   sentence with no cue (a quote continued). Pronouns point to the document's last named speaker
   (or the sentence's subject for "selon lui"); role phrases ("le dirigeant nord-coréen") to the
   nearest person the document named with that role.

No parser is loaded (features.py drops it for speed): subjects are read from spaCy's POS tags and
PER entities. ``merge_quotes`` then resolves speakers to actors and merges reports across sources
(``rapidfuzz`` partial ratio on normalised text). Measured by ``benchmarks/bench_quotes.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import ModuleType

from rapidfuzz import fuzz
from unidecode import unidecode

from .features import SentenceAnalysis, Token
from .types import Actor, Quote, Report, Sentence
from .values import Entity, name_key, names_match

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
# A person named within this many first tokens of a sentence is its subject ("Le président russe
# Vladimir Poutine est arrivé"), what a later "il" can stand for.
OPENING_TOKENS = 6
# A speaker phrase longer than this is a misread clause, not a subject.
MAX_SPEAKER_WORDS = 10
# How many tokens before a person's name a role noun may stand ("le dirigeant nord-coréen Kim").
ROLE_WINDOW = 5
# Two reports are the same quote from this rapidfuzz partial ratio on (normalised text), when the
# shorter has MIN_FUZZY_WORDS words or more; shorter quotes must be contained exactly.
SAME_QUOTE_RATIO = 85
MIN_FUZZY_WORDS = 4
# A speaker phrase names an actor only when it has at most this many words beyond the actor's
# name ("le Kremlin" is the Kremlin; "les médias officiels russes" is not Russia).
MAX_EXTRA_SPEAKER_WORDS = 2

AUXILIARY_LEMMAS = frozenset(("avoir", "être", "have", "be"))
INVERTED_PRONOUN = re.compile(r"^-(?:t-?)?(il|elle|ils|elles|on)?$", re.I)


@dataclass(frozen=True)
class _Span:
    """A direct quote in a document: sentence positions and offsets inside its marks."""

    first: int
    start: int  # offset after the opening mark, in sentence ``first``
    last: int
    end: int  # offset of the closing mark, in sentence ``last`` (its length when unclosed)
    closed: bool


@dataclass(frozen=True)
class _Verb:
    """A speech verb of a sentence: its first and last token and the cue as written."""

    first: int
    last: int
    cue: str
    inverted: str | None  # the inverted pronoun ("-t-il" -> "il"), if any
    finite: bool = True  # False for a bare participle ("..., promettant de ...")


class _Document:
    """One document's sentences and analyses, and the speaker last named in it."""

    def __init__(self, sentences: list[Sentence], analyses: list[SentenceAnalysis], lang: ModuleType):
        self.sentences, self.analyses, self.lang = sentences, analyses, lang
        self.last_speaker: str | None = None
        self.last_speaker_at = -1
        self.last_subject: tuple[int, str] | None = None  # a person opening a sentence, and where
        self.speaker_of: dict[int, str | None] = {}  # position -> speaker of its last report


def find_quotes(sentences: list[Sentence], analyses: list[SentenceAnalysis], lang: ModuleType) -> list[Report]:
    """Every quote of every source sentence, direct and indirect, in document order."""
    documents: dict[str, tuple[list[Sentence], list[SentenceAnalysis]]] = {}
    for sentence, analysis in zip(sentences, analyses):
        pair = documents.setdefault(sentence.doc_id, ([], []))
        pair[0].append(sentence)
        pair[1].append(analysis)
    reports: list[Report] = []
    for doc_sentences, doc_analyses in documents.values():
        reports += _document_quotes(_Document(doc_sentences, doc_analyses, lang))
    return reports


def _document_quotes(doc: _Document) -> list[Report]:
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
        for report in found:
            if report.speaker and report.speaker.lower() not in doc.lang.SPEAKER_PRONOUNS:
                doc.last_speaker, doc.last_speaker_at = report.speaker, position
            doc.speaker_of[position] = report.speaker
        subject = _opening_person(doc, position)
        if subject:
            doc.last_subject = (position, subject)
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


def _span_text(doc: _Document, span: _Span) -> str:
    pieces = []
    for k in range(span.first, span.last + 1):
        text = doc.sentences[k].text
        pieces.append(text[span.start if k == span.first else 0: span.end if k == span.last else len(text)])
    return _trim(" ".join(pieces))


def _trim(text: str) -> str:
    return text.strip(" \u00a0\u202f,;:").strip()


def _direct_report(doc: _Document, span: _Span) -> list[Report]:
    text = _span_text(doc, span)
    if len(re.findall(r"\w+", text)) < MIN_QUOTE_WORDS:
        return []
    sentence = " ".join(s.text for s in doc.sentences[span.first: span.last + 1])
    speaker, cue = _speaker_after(doc, span.last, span.end + 1) if span.closed else (None, None)
    if cue is None:
        speaker, cue = _speaker_inside(doc, span)
    if cue is None:
        speaker, cue = _speaker_before(doc, span.first, span.start - 1)
    if cue is None and not doc.sentences[span.first].text[: span.start - 1].strip():
        speaker = doc.speaker_of.get(span.first - 1)  # a quote continued from the sentence before
    first = doc.sentences[span.first]
    return [Report(first.doc_id, first.index, sentence, text, speaker, cue, "direct")]


def _speaker_after(doc: _Document, position: int, offset: int) -> tuple[str | None, str | None]:
    """"», a déclaré Poutine", "», a-t-il indiqué", "», selon Kim": the cue right after ``offset``."""
    analysis, text = doc.analyses[position], doc.sentences[position].text
    tokens = [t for t in analysis.tokens if t.start >= offset]
    while tokens and tokens[0].pos == "PUNCT" and tokens[0].text in (",", "»", "”", '"'):
        tokens = tokens[1:]
    if not tokens:
        return None, None
    source = _source_cue(doc, position, tokens[0].start)
    if source:
        return source
    verb = _verb_at(analysis, analysis.tokens.index(tokens[0]), doc.lang)
    if verb is None:
        return None, None
    return _subject_after(doc, position, verb), verb.cue


def _speaker_inside(doc: _Document, span: _Span) -> tuple[str | None, str | None]:
    """"« Quand ..., a-t-elle poursuivi, la confusion ... »": an incise with an inverted pronoun."""
    for k in range(span.first, span.last + 1):
        analysis = doc.analyses[k]
        low = span.start if k == span.first else 0
        high = span.end if k == span.last else len(doc.sentences[k].text)
        for n, token in enumerate(analysis.tokens):
            if low <= token.start < high and token.text == "," and n + 1 < len(analysis.tokens):
                verb = _verb_at(analysis, n + 1, doc.lang)
                if verb and verb.inverted:
                    return _subject_after(doc, k, verb), verb.cue
    return None, None


def _speaker_before(doc: _Document, position: int, offset: int) -> tuple[str | None, str | None]:
    """The subject of the last speech verb before ``offset`` in its sentence, or "selon X"."""
    analysis = doc.analyses[position]
    tokens = analysis.tokens
    best: tuple[int, tuple[str | None, str | None]] | None = None
    after = -1
    for n, token in enumerate(tokens):
        if token.start >= offset:
            break
        verb = _verb_at(analysis, n, doc.lang) if n > after else None
        if verb is not None:
            after = verb.last
            best = (n, (_subject_before(doc, position, verb), verb.cue))
        elif token.lemma in doc.lang.SOURCE_CUES or token.text.lower() in doc.lang.SOURCE_CUES:
            source = _source_cue(doc, position, token.start)
            if source:
                best = (n, source)
    return best[1] if best else (None, None)


# --- indirect speech -----------------------------------------------------------------------------

def _indirect_reports(doc: _Document, position: int, quoted: list[tuple[int, int]]) -> list[Report]:
    """"X a déclaré que CLAUSE", "CLAUSE, a déclaré X", "Selon X, CLAUSE" outside quote marks."""
    sentence, analysis, lang = doc.sentences[position], doc.analyses[position], doc.lang
    text, tokens = sentence.text, analysis.tokens

    def in_quote(offset: int) -> bool:
        return any(a - 1 <= offset < b + 1 for a, b in quoted)

    reports, after = [], -1
    for n, token in enumerate(tokens):
        if n <= after or in_quote(token.start):
            continue
        verb = _verb_at(analysis, n, lang)
        if verb is None:
            continue
        after = verb.last
        opener = _reported_clause_start(tokens, verb.last, lang)
        if opener is not None:
            speaker = _subject_before(doc, position, verb)
            for start, end in _coordinated_clauses(text, opener, lang):
                clause = text[start:end]
                if not any(start <= a < end for a, _ in quoted):
                    reports.append(_indirect(sentence, clause, speaker, verb.cue))
            continue
        comma = _comma_before(tokens, verb.first)
        if comma is not None and comma > 0 and verb.finite and not any(a < comma for a, _ in quoted):
            speaker = _subject_after(doc, position, verb)
            if speaker is not None:
                reports.append(_indirect(sentence, text[:comma], speaker, verb.cue))
    if not reports and not quoted:
        reports += _source_cue_reports(doc, position)
    return [r for r in reports if len(r.text.split()) >= MIN_INDIRECT_WORDS]


def _indirect(sentence: Sentence, clause: str, speaker: str | None, cue: str) -> Report:
    return Report(sentence.doc_id, sentence.index, sentence.text, _trim(clause.rstrip(" .")), speaker, cue, "indirect")


def _reported_clause_start(tokens: tuple[Token, ...], last: int, lang: ModuleType) -> int | None:
    """Offset of the clause after "que" (or of an infinitive: "a affirmé n'avoir été informé")."""
    following = [t for t in tokens[last + 1: last + 1 + QUE_WINDOW] if not _temporal(t, lang)]
    lead = following[:1] if following and following[0].text.lower() not in ("de", "d'", "d’", "n'", "n’", "ne") else following[1:2]
    if lead and lead[0].verb_form == "Inf":  # "a affirmé n'avoir été informé", "a promis de faire"
        return following[0].start if following[0] is not lead[0] and following[0].text.lower()[0] == "n" else lead[0].start
    for token in following:
        if token.text in ",;:.»«“”\"" or token.pos == "VERB":
            return None
        if token.text.lower() in lang.REPORTED_CLAUSE_OPENERS:
            return token.end
    return None


def _temporal(token: Token, lang: ModuleType) -> bool:
    """A date word between a verb and its complement ("a déclaré jeudi que", "mercredi 12 novembre")."""
    return token.pos == "NUM" or token.lemma in lang.WEEKDAYS or token.lemma in lang.MONTHS \
        or token.text.lower() in lang.RELATIVE_DAYS


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


def _source_cue_reports(doc: _Document, position: int) -> list[Report]:
    """"Selon Yonhap, CLAUSE" and "CLAUSE, selon Yonhap"."""
    sentence, tokens = doc.sentences[position], doc.analyses[position].tokens
    text = sentence.text
    for n, token in enumerate(tokens):
        if token.text.lower() not in doc.lang.SOURCE_CUES and text[token.start:].lower().split(" ")[0] not in doc.lang.SOURCE_CUES:
            continue
        found = _source_cue(doc, position, token.start)
        if not found:
            continue
        comma = next((t.start for t in tokens[n + 1:] if t.text == ","), None)
        if n == 0 and comma is not None:
            return [_indirect(sentence, text[comma + 1:], *found)]
        if n > 0 and tokens[n - 1].text == "," and (comma is None):
            return [_indirect(sentence, text[: tokens[n - 1].start], *found)]
    return []


# --- speech verbs and their subjects -------------------------------------------------------------

def _verb_at(analysis: SentenceAnalysis, n: int, lang: ModuleType) -> _Verb | None:
    """The speech verb group starting at token ``n`` ("a déclaré", "a-t-il indiqué", "a également
    déclaré", "ajoute-t-il", "a fait savoir"), or None."""
    tokens = analysis.tokens
    k, inverted = n, None
    while k < len(tokens) and (tokens[k].pos == "AUX" or tokens[k].lemma in AUXILIARY_LEMMAS
                               or INVERTED_PRONOUN.match(tokens[k].text) or tokens[k].pos == "ADV" and k > n):
        match = INVERTED_PRONOUN.match(tokens[k].text)
        if match and match.group(1):
            inverted = match.group(1).lower()
        k += 1
        if k - n > 4:
            return None
    if k >= len(tokens) or tokens[k].pos not in ("VERB", "AUX"):
        return None
    last = k
    if tokens[k].lemma not in lang.SPEECH_VERBS:
        if not (k + 1 < len(tokens) and (tokens[k].lemma, tokens[k + 1].lemma) in lang.SPEECH_VERB_PHRASES):
            return None
        last = k + 1
    while last + 1 < len(tokens) and INVERTED_PRONOUN.match(tokens[last + 1].text):
        inverted = (INVERTED_PRONOUN.match(tokens[last + 1].text).group(1) or inverted or "").lower() or None
        last += 1
    finite = k > n or inverted is not None or tokens[k].verb_form not in ("Part", "Inf", "Ger")
    return _Verb(n, last, _sentence_slice(analysis, n, last), inverted, finite)


def _sentence_slice(analysis: SentenceAnalysis, first: int, last: int) -> str:
    tokens = analysis.tokens
    pieces = [tokens[first].text]
    for previous, token in zip(tokens[first:last], tokens[first + 1: last + 1]):
        pieces.append(("" if token.start == previous.end else " ") + token.text)
    return "".join(pieces)


def _subject_after(doc: _Document, position: int, verb: _Verb) -> str | None:
    """The speaker after an inverted verb: a pronoun ("-t-il") or the noun phrase that follows."""
    if verb.inverted:
        return _resolve_pronoun(doc, position, verb.inverted, None)
    analysis = doc.analyses[position]
    tokens = analysis.tokens[verb.last + 1:]
    clause_end = next((t.start for t in tokens if t.pos in ("PUNCT", "VERB", "AUX") or t.text.lower() == "qui"),
                      len(doc.sentences[position].text))
    person = _person_in(analysis.entities, tokens[0].start if tokens else clause_end, clause_end, first=True)
    if person:  # "a déclaré mercredi sur TF1 Ségolène Royal"
        return person
    phrase: list[Token] = []
    for token in tokens:
        if token.pos == "PUNCT" or token.pos in ("VERB", "AUX", "SCONJ") or token.pos in ("PRON", "ADV") and phrase:
            break
        if token.pos == "ADP" and token.lemma not in ("de", "du", "des", "d'", "d’", "au", "aux", "à"):
            break
        if token.pos == "ADV" or _temporal(token, doc.lang):
            if phrase:
                break
            continue
        phrase.append(token)
    if not phrase:
        return None
    rest = [t for t in tokens if t.start >= phrase[-1].end]
    if len(rest) > 1 and rest[0].text == ",":  # "a déclaré un assistant du Kremlin, Iouri Ouchakov"
        apposed = next((e for e in analysis.entities if e.label == "PER" and e.start == rest[1].start), None)
        if apposed:
            return apposed.text
    return _phrase_speaker(doc, position, phrase)


def _subject_before(doc: _Document, position: int, verb: _Verb) -> str | None:
    """The subject of a speech verb: a person named in its clause, a pronoun, or the noun phrase."""
    if verb.inverted:
        return _resolve_pronoun(doc, position, verb.inverted, None)
    analysis = doc.analyses[position]
    tokens = analysis.tokens
    start = 0
    for k in range(verb.first - 1, -1, -1):
        token = tokens[k]
        if token.text in (";", ":", "»", "”") or token.text.lower() in doc.lang.REPORTED_CLAUSE_OPENERS:
            start = k + 1
            break
    region = tokens[start: verb.first]
    if not region:
        return None
    person = _person_in(analysis.entities, region[0].start, region[-1].end, skip_possessors=tokens)
    if person:
        return person
    segments = [[]]
    for token in region:
        segments.append([]) if token.text == "," else segments[-1].append(token)
    relative = False
    while len(segments) > 1 and (not segments[-1] or segments[-1][0].text.lower() in ("qui", "dont", "lequel", "laquelle")
                                 or relative and segments[-1][0].pos == "ADP"):
        relative = relative or bool(segments[-1])
        segments.pop()  # "la candidate ..., qui se pose en ..., avait affirmé"; "X, dans le nord de l'Inde, qui"
    if relative and any(t.pos in ("VERB", "AUX") for t in segments[-1]):
        return None
    phrase = [t for t in segments[-1] if t.pos != "ADV" and not _temporal(t, doc.lang)]
    pronoun = next((t for t in phrase if t.text.lower() in doc.lang.SPEAKER_PRONOUNS), None)
    if not any(t.pos in ("NOUN", "PROPN") for t in phrase):
        if pronoun is not None:  # "Il a déclaré", "Il les décrit comme"
            return _resolve_pronoun(doc, position, pronoun.text.lower(), pronoun.start)
        if phrase and all(t.pos == "CCONJ" for t in phrase):  # "..., et a promis": the subject before
            return _sentence_subject(doc, position, verb.first)
        return None
    if phrase[0].text.lower() in ("qui", "que"):
        return None
    return _phrase_speaker(doc, position, phrase)


def _sentence_subject(doc: _Document, position: int, before_token: int) -> str | None:
    """The person named before the sentence's first verb ("M. Kim a affirmé ... et a promis")."""
    analysis = doc.analyses[position]
    first_verb = next((t.start for t in analysis.tokens if t.pos in ("VERB", "AUX")), len(doc.sentences[position].text))
    return _person_in(analysis.entities, 0, min(first_verb, analysis.tokens[before_token].start))


def _person_in(entities: tuple[Entity, ...], start: int, end: int, skip_possessors=None,
               first: bool = False) -> str | None:
    """The last (or ``first``) PER entity within [start, end); with ``skip_possessors`` (the sentence's tokens),
    not one after "de" ("le conseiller de M. Poutine, Iouri Ouchakov" -> Ouchakov)."""
    found = None
    for entity in entities:
        if entity.label != "PER" or entity.start < start or entity.end > end:
            continue
        if skip_possessors is not None:
            before = [t for t in skip_possessors if t.end <= entity.start][-2:]
            words = [t.text.lower() for t in before]
            if words and (words[-1] in ("de", "d'", "d’", "du") or len(words) == 2 and words[0] in ("de", "du") and words[1] in ("m.", "mme")):
                continue
        found = entity.text
        if first:
            break
    return found


def _phrase_speaker(doc: _Document, position: int, phrase: list[Token]) -> str | None:
    """A noun phrase as speaker: a role resolved to the person the document gave it, else as is."""
    if len(phrase) > MAX_SPEAKER_WORDS or not any(t.pos in ("NOUN", "PROPN") for t in phrase):
        return None
    text = doc.sentences[position].text[phrase[0].start: phrase[-1].end]
    head = next((t for t in phrase if t.pos in ("NOUN", "PROPN")), None)
    if head is not None and head.lemma in doc.lang.ROLE_NOUNS:
        person = _person_with_role(doc, position, phrase[0].start, head.lemma, {t.lemma for t in phrase if t.content} - {head.lemma})
        if person:
            return person
    return text


def _person_with_role(doc: _Document, position: int, offset: int, role: str, others: set[str]) -> str | None:
    """The nearest person before ``offset`` named beside ``role`` ("le ministre russe ...
    Alexandre Kozlov"), or beside one of ``others`` ("un assistant du Kremlin, Iouri Ouchakov")."""
    best, best_score = None, 0
    for k in range(position, -1, -1):
        analysis = doc.analyses[k]
        for entity in reversed(analysis.entities):
            if entity.label != "PER" or k == position and entity.start >= offset:
                continue
            before = [t for t in analysis.tokens if t.end <= entity.start][-ROLE_WINDOW:]
            after = [t for t in analysis.tokens if t.start >= entity.end][:ROLE_WINDOW]
            lemmas = {t.lemma for t in before + after}
            score = 2 * (role in lemmas) + len(others & lemmas)
            if score > best_score:  # the nearest of the best described
                best, best_score = entity.text, score
    return best


def _resolve_pronoun(doc: _Document, position: int, pronoun: str, offset: int | None) -> str | None:
    """"il", "elle", "lui": the subject of the sentence when the pronoun comes after it
    ("M. Poutine a remercié ..., selon lui"), else the document's last named speaker."""
    if pronoun not in doc.lang.SPEAKER_PRONOUNS:
        return None
    if offset is not None:
        subject = _sentence_subject(doc, position, next(k for k, t in enumerate(doc.analyses[position].tokens) if t.start >= offset))
        if subject:
            return subject
    if doc.last_subject and doc.last_subject[0] > doc.last_speaker_at:
        return doc.last_subject[1]  # "Poutine est arrivé ... « ... », a-t-il dit"
    return doc.last_speaker


def _opening_person(doc: _Document, position: int) -> str | None:
    """A person named in the first words of a sentence, before its first verb: what a later
    "il" most likely stands for when nobody has spoken since."""
    analysis = doc.analyses[position]
    if len(analysis.tokens) <= OPENING_TOKENS:
        return None
    limit = analysis.tokens[OPENING_TOKENS].start
    first_verb = next((t.start for t in analysis.tokens if t.pos in ("VERB", "AUX")), limit)
    return _person_in(analysis.entities, 0, min(limit, first_verb), first=True)


def _source_cue(doc: _Document, position: int, offset: int) -> tuple[str | None, str] | None:
    """"selon Kim", "selon un rapport de Yonhap", "selon lui" at ``offset``: (speaker, cue)."""
    text = doc.sentences[position].text
    match = next((c for c in doc.lang.SOURCE_CUES if text[offset:].lower().startswith(c)), None)
    if match is None:
        return None
    analysis = doc.analyses[position]
    tokens = [t for t in analysis.tokens if t.start >= offset + len(match)]
    phrase: list[Token] = []
    for token in tokens:
        if token.pos == "PUNCT" or token.pos in ("VERB", "AUX", "SCONJ"):
            break
        phrase.append(token)
    if not phrase or phrase[0].text.lower() in doc.lang.SOURCE_CUE_BLOCKERS:
        return None
    cue = text[offset: offset + len(match)]
    if len(phrase) == 1 and phrase[0].text.lower() in doc.lang.SPEAKER_PRONOUNS:
        return _resolve_pronoun(doc, position, phrase[0].text.lower(), offset), f"{cue} {phrase[0].text}"
    named = [e for e in analysis.entities if phrase[0].start <= e.start and e.end <= phrase[-1].end]
    person = [e for e in named if e.label == "PER"]
    if person or named:
        return (person or named)[-1].text, cue
    return _phrase_speaker(doc, position, phrase), cue


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
    """One Quote per group of reports of the same words, its speaker an actor; Q1 is the quote
    with the most sources (then the first reported)."""
    keys = [normalise_quote(r.text) for r in reports]
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(reports)):
        for j in range(i):
            if root(i) != root(j) and same_quote(keys[i], keys[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(root(i), []).append(i)
    quotes = [_quote([reports[i] for i in members], actors, lang) for members in groups.values()]
    order = sorted(range(len(quotes)), key=lambda k: (-len(quotes[k].sources), k))
    return [replace(quotes[k], id=f"Q{n + 1}") for n, k in enumerate(order)]


def _quote(reports: list[Report], actors: list[Actor], lang: ModuleType) -> Quote:
    votes: dict[str, tuple[int, int]] = {}
    for report in reports:
        actor = speaker_actor(report, actors, lang)
        if actor is not None:
            count, longest = votes.get(actor.id, (0, 0))
            votes[actor.id] = (count + 1, max(longest, len(report.text)))
    # most reports first; a tie goes to the speaker of the fullest rendering
    ranked = sorted(votes, key=lambda a: (-votes[a][0], -votes[a][1]))
    speaker = ranked[0] if ranked else None
    names = {a.id: a.name for a in actors}
    written = next((r.speaker for r in reports if r.speaker), None)
    kind = "direct" if any(r.kind == "direct" for r in reports) else "indirect"
    return Quote(
        id="",
        text=max((r.text for r in reports if r.kind == kind), key=len),
        kind=kind,
        speaker=speaker,
        speaker_name=names[speaker] if speaker else written,
        reports=tuple(reports),
        conflicting_speakers=tuple(ranked[1:]),
    )


def speaker_actor(report: Report, actors: list[Actor], lang: ModuleType) -> Actor | None:
    """The actor a report's speaker names: among the actors one of whose variants matches it, the
    one with that exact variant, then one mentioned in the same source, then the most mentioned
    ("Kim" in an article about Kim Jong Un is not Kim Il-sung)."""
    if not report.speaker:
        return None
    key = name_key(report.speaker, lang)
    candidates = []
    for actor in actors:
        variants = [actor.name] + [v for v, _ in actor.variants]
        keys = [k for k in (name_key(v, lang) for v in variants) if k]
        if any(names_match(key, k) and len(key.split()) <= len(k.split()) + MAX_EXTRA_SPEAKER_WORDS for k in keys):
            exact = any(v == report.speaker for v in variants)
            here = report.source in actor.sources
            candidates.append((exact, here, actor.type == "PER", len(actor.mentions), actor))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[:4])[-1]
