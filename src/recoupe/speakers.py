"""Who speaks: the speaker of a quote found by ``quotes.py``, and the actor a speaker names.

French news names a speaker once and then points back to them ("« ... », a déclaré Ouchakov.
... , a-t-il indiqué."), so a ``DocumentContext`` is read in order and remembers who spoke last.

Around a direct quote the speaker is looked for, in this order (``quotes._direct_report``): after
the quote ("», a déclaré Poutine", "», a-t-il indiqué"), inside it ("« ..., a-t-elle poursuivi,
... »"), before it (the subject of the last speech verb, or "selon X"), then the speaker of the
sentence before when the quote opens its sentence with no cue (a quote continued). Pronouns point
to the document's last named speaker (or the sentence's subject for "selon lui"); role phrases
("le dirigeant nord-coréen") to the nearest person the document named with that role.

No parser is loaded (features.py drops it for speed): subjects are read from spaCy's POS tags and
PER entities. ``speaker_actor`` then matches a speaker to an actor (``values.names_match`` on
``name_key``). Measured by ``benchmarks/bench_quotes.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

from rapidfuzz import fuzz, process

from .features import SentenceAnalysis, Token
from .lang import QUOTED_TEXT, stop_words
from .types import Actor, Report, Sentence
from .values import FUZZY_MIN_LENGTH, SAME_NAME_RATIO, Entity, name_key, names_match, transliteration_key

# A person named within this many first tokens of a sentence is its subject ("Le président russe
# Vladimir Poutine est arrivé"), what a later "il" can stand for.
OPENING_TOKENS = 6
# A speaker phrase longer than this is a misread clause, not a subject.
MAX_SPEAKER_WORDS = 10
# How many tokens before a person's name a role noun may stand ("le dirigeant nord-coréen Kim").
ROLE_WINDOW = 5
# A speaker phrase names an actor only when it has at most this many words beyond the actor's
# name ("le Kremlin" is the Kremlin; "les médias officiels russes" is not Russia).
MAX_EXTRA_SPEAKER_WORDS = 2

AUXILIARY_LEMMAS = frozenset(("avoir", "être", "have", "be"))
# Honorifics written before a name ("à M. Kouchner").
HONORIFIC_WORDS = frozenset(("m.", "mme", "mlle", "mgr", "me", "dr"))
# Relative pronouns that open a clause about the noun before them ("X, qui a déclaré").
RELATIVE_PRONOUNS = frozenset(("qui", "dont", "lequel", "laquelle", "who", "which"))
INVERTED_PRONOUN = re.compile(r"^-(?:t-?)?(il|elle|ils|elles|on)?$", re.I)


@dataclass(frozen=True)
class SpeechVerb:
    """A speech verb of a sentence: its first and last token and the cue as written."""

    first: int
    last: int
    cue: str
    inverted: str | None  # the inverted pronoun ("-t-il" -> "il"), if any
    finite: bool = True  # False for a bare participle ("..., promettant de ...")


class DocumentContext:
    """One document's sentences and analyses, and the speaker last named in it."""

    def __init__(self, sentences: list[Sentence], analyses: list[SentenceAnalysis], lang: ModuleType):
        self.sentences, self.analyses, self.lang = sentences, analyses, lang
        self.last_speaker: str | None = None
        self.last_speaker_at = -1
        self.last_subject: tuple[int, str] | None = None  # a person opening a sentence, and where
        self.speaker_of: dict[int, str | None] = {}  # position -> speaker of its last report
        # every person named outside quotation marks, in order: (position, name, gender "m"/"f"/None)
        self.persons: list[tuple[int, str, str | None]] = []


def remember_speakers(doc: DocumentContext, position: int, reports: list[Report]) -> None:
    """After sentence ``position``: its reports' speakers (a named one becomes the last speaker),
    and the person opening it, what a later pronoun may stand for."""
    for report in reports:
        if report.speaker and report.speaker.lower() not in doc.lang.SPEAKER_PRONOUNS:
            doc.last_speaker, doc.last_speaker_at = report.speaker, position
        doc.speaker_of[position] = report.speaker
    subject = _opening_person(doc, position)
    if subject:
        doc.last_subject = (position, subject)
    doc.persons += [(position, name, gender) for name, gender in _persons_outside_quotes(doc, position)]


def _persons_outside_quotes(doc: DocumentContext, position: int) -> list[tuple[str, str | None]]:
    """The PER entities of a sentence that are not inside quotation marks (a speaker naming
    someone does not make them the next "il"), each with the gender its context gives."""
    text = doc.sentences[position].text
    quoted = [(m.start(), m.end()) for m in QUOTED_TEXT.finditer(text)]  # persons named there are quoted
    analysis = doc.analyses[position]
    found = []
    for entity in analysis.entities:
        if entity.label == "PER" and not any(a <= entity.start < b for a, b in quoted):
            found.append((entity.text, _gender(analysis.tokens, entity.start, doc.lang)))
    return found


def _gender(tokens: tuple[Token, ...], start: int, lang: ModuleType) -> str | None:
    """"M. Leonetti" m, "Mme Dati" f, "la ministre Rachida Dati" f, "le député Jean Leonetti" m:
    what an honorific or the article of a role noun just before a name says of its gender."""
    before = [t for t in tokens if t.end <= start][-ROLE_WINDOW:]
    for k in range(len(before) - 1, -1, -1):
        word = before[k].text.lower()
        if word in lang.MASCULINE_HONORIFICS:
            return "m"
        if word in lang.FEMININE_HONORIFICS:
            return "f"
        if before[k].lemma in lang.ROLE_NOUNS and k > 0:
            article = before[k - 1].text.lower()
            return "m" if article in lang.MASCULINE_ARTICLES else "f" if article in lang.FEMININE_ARTICLES else None
        if before[k].pos not in ("ADJ", "PROPN", "NOUN") and word not in ("-", "’", "'"):
            return None
    return None


# --- who speaks around a direct quote ------------------------------------------------------------

def speaker_after(doc: DocumentContext, position: int, offset: int) -> tuple[str | None, str | None]:
    """"», a déclaré Poutine", "», a-t-il indiqué", "», selon Kim": the cue right after ``offset``."""
    analysis = doc.analyses[position]
    tokens = [t for t in analysis.tokens if t.start >= offset]
    while tokens and tokens[0].pos == "PUNCT" and tokens[0].text in (",", "»", "”", '"'):
        tokens = tokens[1:]
    if not tokens:
        return None, None
    source = source_cue(doc, position, tokens[0].start)
    if source:
        return source
    verb = speech_verb_at(analysis, analysis.tokens.index(tokens[0]), doc.lang)
    if verb is None:
        return None, None
    return subject_after(doc, position, verb), verb.cue


def speaker_inside(doc: DocumentContext, first: int, start: int, last: int,
                   end: int) -> tuple[str | None, str | None]:
    """"« Quand ..., a-t-elle poursuivi, la confusion ... »", "« Le défi est le même, remarque
    Éric Charbonnier, expert à l'OCDE. »": an incise, a speech verb with its subject inverted
    after it (a pronoun, or a person named right after the verb), in the quote from offset
    ``start`` of sentence ``first`` to offset ``end`` of sentence ``last``."""
    for k in range(first, last + 1):
        analysis = doc.analyses[k]
        low = start if k == first else 0
        high = end if k == last else len(doc.sentences[k].text)
        for n, token in enumerate(analysis.tokens):
            if low <= token.start < high and token.text == "," and n + 1 < len(analysis.tokens):
                verb = speech_verb_at(analysis, n + 1, doc.lang)
                if verb and verb.inverted:
                    return subject_after(doc, k, verb), verb.cue
                if verb and verb.finite and verb.last + 1 < len(analysis.tokens):
                    named = _named_right_after(analysis, verb.last + 1, doc.lang)
                    if named:
                        return named, verb.cue
    return None, None


def _named_right_after(analysis: SentenceAnalysis, n: int, lang: ModuleType) -> str | None:
    """A person named right after token ``n`` (after date words: "s'insurgeait vendredi dernier
    Éric Charbonnier"), the inverted subject of an incise; None when anything else comes first."""
    tokens = analysis.tokens
    while n < len(tokens) and (is_temporal(tokens[n], lang) or tokens[n].pos == "ADV"
                               or tokens[n].text.lower() in lang.PAST_QUALIFIERS):
        n += 1
    if n >= len(tokens):
        return None
    return next((e.text for e in analysis.entities if e.label == "PER" and e.start == tokens[n].start), None)


def speaker_before(doc: DocumentContext, position: int, offset: int) -> tuple[str | None, str | None]:
    """The subject of the last speech verb before ``offset`` in its sentence, or "selon X"."""
    analysis = doc.analyses[position]
    tokens = analysis.tokens
    best: tuple[int, tuple[str | None, str | None]] | None = None
    after = -1
    for n, token in enumerate(tokens):
        if token.start >= offset:
            break
        verb = speech_verb_at(analysis, n, doc.lang) if n > after else None
        if verb is not None:
            after = verb.last
            best = (n, (subject_before(doc, position, verb), verb.cue))
        elif token.lemma in doc.lang.SOURCE_CUES or token.text.lower() in doc.lang.SOURCE_CUES or (
                n == 0 and token.text.lower() in doc.lang.OPINION_CUES):
            source = source_cue(doc, position, token.start)
            if source:
                best = (n, source)
    return best[1] if best else (None, None)


# --- speech verbs and their subjects -------------------------------------------------------------

def speech_verb_at(analysis: SentenceAnalysis, n: int, lang: ModuleType) -> SpeechVerb | None:
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
    return SpeechVerb(n, last, _sentence_slice(analysis, n, last), inverted, finite)


def _sentence_slice(analysis: SentenceAnalysis, first: int, last: int) -> str:
    tokens = analysis.tokens
    pieces = [tokens[first].text]
    for previous, token in zip(tokens[first:last], tokens[first + 1: last + 1]):
        pieces.append(("" if token.start == previous.end else " ") + token.text)
    return "".join(pieces)


def subject_after(doc: DocumentContext, position: int, verb: SpeechVerb) -> str | None:
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
        if token.pos == "ADV" or is_temporal(token, doc.lang):
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


def subject_before(doc: DocumentContext, position: int, verb: SpeechVerb) -> str | None:
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
    segments = [[]]
    for token in region:
        segments.append([]) if token.text == "," else segments[-1].append(token)
    relative = False
    while len(segments) > 1 and (not segments[-1]
                                 or segments[-1][0].text.lower() in RELATIVE_PRONOUNS
                                 or relative and segments[-1][0].pos == "ADP"
                                 or _is_incidental(segments[-1], doc.lang)):
        relative = relative or bool(segments[-1]) and not _is_incidental(segments[-1], doc.lang)
        segments.pop()  # "la candidate ..., qui se pose en ..., avait affirmé"; "X, dans le nord de l'Inde, qui"
    # a relative clause spanning commas ("Marie de Hennezel, qui, durant des années, a accompagné
    # des mourants (dont François Mitterrand), dénonce"): its finite verb is not the speech verb's
    for k in range(len(segments) - 1, 0, -1):
        if segments[k] and segments[k][0].text.lower() in RELATIVE_PRONOUNS and any(
                t.pos in ("VERB", "AUX") and t.verb_form == "Fin" for segment in segments[k:] for t in segment):
            segments, relative = segments[:k], True
            break
    # the subject is in the segment right before the verb (after dropping relatives): a person
    # named in an earlier one ("A l'initiative de la loi avec le député Gaëtan Gorce, la secrétaire
    # d'Etat a estimé") or after a preposition ("a répliqué à Bernard Kouchner en se disant") is not
    subject_segment = segments[-1]
    if subject_segment:
        person = _person_in(analysis.entities, subject_segment[0].start, subject_segment[-1].end, skip_possessors=tokens,
                            skip_objects=doc.lang.NON_SUBJECT_PREPOSITIONS, first=True)
        if person:
            return person
    if relative and any(t.pos in ("VERB", "AUX") for t in segments[-1]):
        return None
    phrase = [t for t in segments[-1] if t.pos != "ADV" and not is_temporal(t, doc.lang)]
    pronoun = next((t for t in phrase if t.text.lower() in doc.lang.SPEAKER_PRONOUNS), None)
    if not any(t.pos in ("NOUN", "PROPN") for t in phrase):
        if pronoun is not None:  # "Il a déclaré", "Il les décrit comme"; the pronoun is the subject: a
            # person named before it is not ("En réponse à X, il a promis")
            return _resolve_pronoun(doc, position, pronoun.text.lower(), None)
        if phrase and all(t.pos == "CCONJ" for t in phrase):  # "..., et a promis": the subject before
            return _sentence_subject(doc, position, verb.first)
        return None
    if phrase[0].text.lower() in ("qui", "que"):
        return None
    return _phrase_speaker(doc, position, phrase)


def _is_incidental(segment: list[Token], lang: ModuleType) -> bool:
    """A comma segment that cannot hold the subject: it opens on a preposition or a participle
    ("A l'initiative de la loi avec ...", "Interrogé sur ...") and has no finite verb."""
    return bool(segment) and (segment[0].pos == "ADP" or segment[0].verb_form == "Part") and not any(
        t.pos in ("VERB", "AUX") and t.verb_form == "Fin" for t in segment)


def _sentence_subject(doc: DocumentContext, position: int, before_token: int) -> str | None:
    """The person named before the sentence's first verb ("M. Kim a affirmé ... et a promis")."""
    analysis = doc.analyses[position]
    first_verb = next((t.start for t in analysis.tokens if t.pos in ("VERB", "AUX")), len(doc.sentences[position].text))
    return _person_in(analysis.entities, 0, min(first_verb, analysis.tokens[before_token].start))


def _person_in(entities: tuple[Entity, ...], start: int, end: int, skip_possessors=None,
               first: bool = False, skip_objects: frozenset[str] = frozenset()) -> str | None:
    """The last (or ``first``) PER entity within [start, end); with ``skip_possessors`` (the sentence's tokens),
    not one after "de" ("le conseiller de M. Poutine, Iouri Ouchakov" -> Ouchakov), nor one after
    a preposition of ``skip_objects`` ("à", "avec": an object, not the subject), nor a name that
    names a thing ("la loi Leonetti": a common noun right before it)."""
    found = None
    for entity in entities:
        if entity.label != "PER" or entity.start < start or entity.end > end:
            continue
        if skip_possessors is not None:
            before = [t for t in skip_possessors if t.end <= entity.start][-2:]
            words = [t.text.lower() for t in before]
            if words and (words[-1] in ("de", "d'", "d’", "du")
                          or len(words) == 2 and words[0] in ("de", "du") and words[1] in ("m.", "mme")):
                continue
            if words and (words[-1] in skip_objects or len(words) == 2 and words[0] in skip_objects
                          and words[1] in HONORIFIC_WORDS):
                continue
            if skip_objects and before and before[-1].pos == "NOUN" and before[-1].text[:1].islower():
                continue  # "la loi Leonetti", "l'affaire Humbert"
        found = entity.text
        if first:
            break
    return found


def _phrase_speaker(doc: DocumentContext, position: int, phrase: list[Token]) -> str | None:
    """A noun phrase as speaker: a role resolved to the person the document gave it, else as is."""
    if len(phrase) > MAX_SPEAKER_WORDS or not any(t.pos in ("NOUN", "PROPN") for t in phrase):
        return None
    text = doc.sentences[position].text[phrase[0].start: phrase[-1].end]
    head = next((t for t in phrase if t.pos in ("NOUN", "PROPN")), None)
    if head is not None and head.lemma in doc.lang.ROLE_NOUNS:
        others = {t.lemma for t in phrase if t.content} - {head.lemma}
        person = _person_with_role(doc, position, phrase[0].start, head.lemma, others)
        if person:
            return person
    return text


def _person_with_role(doc: DocumentContext, position: int, offset: int, role: str, others: set[str]) -> str | None:
    """The nearest person before ``offset`` named beside ``role`` ("le ministre russe ...
    Alexandre Kozlov"), preferring one also named beside the phrase's other words ("un assistant
    du Kremlin, Iouri Ouchakov")."""
    best, best_score = None, 0
    for k in range(position, -1, -1):
        analysis = doc.analyses[k]
        for entity in reversed(analysis.entities):
            if entity.label != "PER" or k == position and entity.start >= offset:
                continue
            before = [t for t in analysis.tokens if t.end <= entity.start][-ROLE_WINDOW:]
            # not into the role phrase itself: "le député Gaëtan Gorce, la secrétaire d'Etat a dit"
            after = [t for t in analysis.tokens if t.start >= entity.end and (k < position or t.end <= offset)][:ROLE_WINDOW]
            lemmas = {t.lemma for t in before + after}
            if role not in lemmas:  # a person named beside other words only is a guess (dev: "le
                continue            # praticien" given to the patient named beside "médecin")
            if others and not others & lemmas:  # "le Premier ministre" is not a person named beside
                continue                         # "ministre de l'Economie" only
            score = 2 + len(others & lemmas)
            if score > best_score:  # the nearest of the best described
                best, best_score = entity.text, score
    return best


def _resolve_pronoun(doc: DocumentContext, position: int, pronoun: str, offset: int | None) -> str | None:
    """"il", "elle", "lui": the subject of the sentence when the pronoun comes after it
    ("M. Poutine a remercié ..., selon lui"), else the one person it can stand for: the last
    named speaker and every person named (outside quotes) since, less those whose gender does
    not agree. Two or more left: None, the pronoun is not resolved. Resolving to the last
    speaker regardless gave "a-t-elle ajouté" to a man and "a-t-il dit" to the previous
    speaker when the text had just named someone else (blind gold, dev split)."""
    if pronoun not in doc.lang.SPEAKER_PRONOUNS:
        return None
    if offset is not None:
        at_token = next(k for k, t in enumerate(doc.analyses[position].tokens) if t.start >= offset)
        subject = _sentence_subject(doc, position, at_token)
        if subject:
            return subject
    wanted = doc.lang.PRONOUN_GENDER.get(pronoun)
    candidates: list[tuple[str, str | None]] = []
    if doc.last_speaker:
        candidates.append((doc.last_speaker, _gender_of(doc, doc.last_speaker)))
    candidates += [(name, gender) for at, name, gender in doc.persons if at > doc.last_speaker_at and at < position]
    people: list[tuple[str, str | None]] = []
    for name, gender in candidates:
        key = name_key(name, doc.lang)
        same = next((k for k, (other, _) in enumerate(people) if names_match(key, name_key(other, doc.lang))), None)
        if same is None:
            people.append((name, gender))
        elif gender and not people[same][1]:
            people[same] = (people[same][0], gender)
    agreeing = [name for name, gender in people if not (wanted and gender and gender != wanted)]
    return agreeing[0] if len(agreeing) == 1 else None


def _gender_of(doc: DocumentContext, name: str) -> str | None:
    """The gender the document's text gives a person anywhere ("Mme Dati" makes "Rachida Dati" f)."""
    key = name_key(name, doc.lang)
    genders = {gender for _, other, gender in doc.persons if gender and names_match(key, name_key(other, doc.lang))}
    return genders.pop() if len(genders) == 1 else None


def _opening_person(doc: DocumentContext, position: int) -> str | None:
    """A person named in the first words of a sentence, before its first verb: what a later
    "il" most likely stands for when nobody has spoken since."""
    analysis = doc.analyses[position]
    if len(analysis.tokens) <= OPENING_TOKENS:
        return None
    limit = analysis.tokens[OPENING_TOKENS].start
    first_verb = next((t.start for t in analysis.tokens if t.pos in ("VERB", "AUX")), limit)
    return _person_in(analysis.entities, 0, min(limit, first_verb), first=True)


def source_cue(doc: DocumentContext, position: int, offset: int) -> tuple[str | None, str] | None:
    """"selon Kim", "selon un rapport de Yonhap", "selon lui" at ``offset``: (speaker, cue). An
    opinion cue opening the sentence ("Pour Mgr Vingt-Trois, ...") counts only for a person."""
    text = doc.sentences[position].text
    match = next((c for c in doc.lang.SOURCE_CUES if text[offset:].lower().startswith(c)), None)
    if match is None:
        opinion = next((c for c in doc.lang.OPINION_CUES if text[offset:].lower().startswith(c + " ")), None)
        if opinion is None or text[:offset].strip(" «“\"'"):
            return None
        found = _cue_source(doc, position, offset, opinion)
        if found is None or found[0] is None:
            return None
        speaker = found[0]
        is_person = speaker.lower() in doc.lang.SPEAKER_PRONOUNS or any(
            e.label == "PER" and e.text == speaker for k in range(position + 1) for e in doc.analyses[k].entities)
        return found if is_person else None
    return _cue_source(doc, position, offset, match)


def _cue_source(doc: DocumentContext, position: int, offset: int, match: str) -> tuple[str | None, str] | None:
    """The source a cue word ``match`` at ``offset`` introduces: the phrase after it up to a
    punctuation mark or a verb."""
    text = doc.sentences[position].text
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
    rest = [t for t in tokens if t.start >= phrase[-1].end]
    if len(rest) > 1 and rest[0].text == ",":  # "selon le représentant du dalaï-lama en Europe, Jampal Chosang"
        apposed = next((e for e in analysis.entities if e.label == "PER" and e.start == rest[1].start), None)
        if apposed:
            return apposed.text, cue
    # the source is the head of the phrase: not a name in its complements ("selon un sondage Sofres
    # sur les religions en France" is Sofres, not France; "selon le porte-parole de M. X" is not X)
    head = phrase[:next((k for k, t in enumerate(phrase) if k and t.pos == "ADP"), len(phrase))]
    named = [e for e in analysis.entities if phrase[0].start <= e.start < head[-1].end and e.end <= phrase[-1].end]
    person = [e for e in named if e.label == "PER"]
    if person or named:
        return (person or named)[-1].text, cue
    return _phrase_speaker(doc, position, phrase), cue


def is_temporal(token: Token, lang: ModuleType) -> bool:
    """A date word between a verb and its complement ("a déclaré jeudi que", "mercredi 12 novembre")."""
    return token.pos == "NUM" or token.lemma in lang.WEEKDAYS or token.lemma in lang.MONTHS \
        or token.text.lower() in lang.RELATIVE_DAYS


# --- speaker to actor ----------------------------------------------------------------------------

def speaker_actor(report: Report, actors: list[Actor], lang: ModuleType) -> Actor | None:
    """The actor a report's speaker names: among the actors one of whose variants matches it, the
    one with that exact variant, then one mentioned in the same source, then the most mentioned
    ("Kim" in an article about Kim Jong Un is not Kim Il-sung). For many reports, build one
    ``ActorMatcher`` and ask it for each."""
    return ActorMatcher(actors, lang).actor_of(report)


def reads_as_speaker(speaker: str, lang: ModuleType) -> bool:
    """Whether a speaker left as written (not resolved to an actor) reads as one to show: a name
    or a noun phrase opening on an article, a determiner or a number ("un porte-parole de
    l'ambassade", "des témoins"), not a fragment of the clause around it ("médecin de
    formation", "Le premier ministre lui", "tout le monde s'accorde pour")."""
    words = speaker.split()
    if not words:
        return False
    first, last = words[0].lower(), words[-1].lower().strip(".,;:")
    determiner = (first in lang.DEFINITE_ARTICLES and first not in lang.PREPOSITION_ARTICLES
                  or first in lang.INDEFINITE_ARTICLES or first.isdigit() or re.match(r"^l['’]", first) is not None)
    if not (determiner or words[0][:1].isupper()):
        return False
    return len(words) == 1 or last not in stop_words(lang.CODE) or words[-1][:1].isupper()


def named_part(speaker: str, lang: ModuleType) -> tuple[str | None, bool]:
    """The words of a speaker that can name an actor, and whether it is described by a person's
    role. A name ("Ségolène Royal", "Le Monde") is all of it. A description ("le maire PS", "la
    psychologue Marie de Hennezel", "le porte-parole du Kremlin") names only the capitalised words
    in apposition to its head noun, not those in a complement ("du Kremlin" is whose spokesman it
    is), and none when it has no capitalised word ("le président français" names no one)."""
    words = speaker.split()
    while words and (words[0].lower() in lang.DEFINITE_ARTICLES or words[0].lower() in lang.INDEFINITE_ARTICLES):
        words = words[1:]
    if not words:
        return None, False
    first = re.sub(r"^(?:l|d)['’]", "", words[0], flags=re.I)
    if first[:1].isupper() or not first[:1].isalpha():
        return speaker, False
    person_role, run, after_preposition = False, [], False
    for word in words:
        lowered = word.lower()
        if word[:1].isupper():
            if after_preposition and not run:
                break  # the first name is a complement: the description names no one
            run.append(word)
        elif run and lowered in lang.NAME_PARTICLES:
            run.append(word)
        elif run:
            break
        else:
            person_role = person_role or lowered in lang.ROLE_NOUNS
            if lowered in lang.ROLE_COMPLEMENTS or lowered in lang.NON_SUBJECT_PREPOSITIONS \
                    or lowered in lang.LOCATIVE_PREPOSITIONS:
                after_preposition = True
            elif lowered not in lang.DEFINITE_ARTICLES:
                after_preposition = False
    while run and run[-1].lower() in lang.NAME_PARTICLES:
        run.pop()
    return (" ".join(run) or None), person_role


class ActorMatcher:
    """``speaker_actor`` for every report of an input: each actor's name keys are computed once,
    and a speaker is compared only with the actors one of whose name tokens matches one of its
    own (``values.names_match`` needs at least one such pair), found through an index of the
    actors' tokens by transliteration key and rapidfuzz's ``process.extract`` for the fuzzy
    ones. Comparing every report with every variant of every actor took half of an 80-article
    brief (30 of 64 CPU-s)."""

    def __init__(self, actors: list[Actor], lang: ModuleType) -> None:
        self.actors, self.lang = actors, lang
        self._variants: list[frozenset[str]] = []
        self._keys: list[list[tuple[str, int]]] = []  # (name key, its word count) per actor
        self._by_token: dict[str, set[int]] = {}  # transliteration key of a name token -> actors
        for n, actor in enumerate(actors):
            variants = [actor.name] + [v for v, _ in actor.variants]
            keys = [k for k in (name_key(v, lang) for v in variants) if k]
            self._variants.append(frozenset(variants))
            self._keys.append([(k, len(k.split())) for k in keys])
            for key in keys:
                for token in key.split():
                    self._by_token.setdefault(transliteration_key(token), set()).add(n)
        self._token_keys = list(self._by_token)
        self._near: dict[str, set[int]] = {}

    def actor_of(self, report: Report) -> Actor | None:
        if not report.speaker:
            return None
        named, person_role = named_part(report.speaker, self.lang)
        if named is None:
            return None
        key = name_key(named, self.lang)
        words = len(key.split())
        candidates = []
        for n in sorted(self._sharing_a_token(key)):
            if any(names_match(key, k) and words <= size + MAX_EXTRA_SPEAKER_WORDS for k, size in self._keys[n]):
                actor = self.actors[n]
                if person_role and actor.type != "PER":
                    continue  # "le maire PS" is a person, not the Socialist Party
                exact = named in self._variants[n]
                here = report.source in actor.sources
                candidates.append((exact, here, actor.type == "PER", len(actor.mentions), actor))
        if not candidates:
            return None
        return max(candidates, key=lambda c: c[:4])[-1]

    def _sharing_a_token(self, key: str) -> set[int]:
        """The actors with a name token that ``values.token_match`` could match with one of the
        key's: the same transliteration key, or a rapidfuzz ratio from ``SAME_NAME_RATIO`` on."""
        found: set[int] = set()
        for token in key.split():
            if token not in self._near:
                common = transliteration_key(token)
                near = set(self._by_token.get(common, ()))
                if len(token) >= FUZZY_MIN_LENGTH:
                    for match, _, _ in process.extract(common, self._token_keys, scorer=fuzz.ratio,
                                                       score_cutoff=SAME_NAME_RATIO, limit=None):
                        near |= self._by_token[match]
                self._near[token] = near
            found |= self._near[token]
        return found
