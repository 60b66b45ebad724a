"""Actors: the people, organisations and places the sources name, merged across name variants and
sources, each traced to its sentences.

spaCy's NER gives the spans; it is right about where a name is far more often than about what it
names, and it knows nothing of the other sources. So, in order:

1. candidates: every PER/ORG/LOC/MISC entity that looks like a name (starts with a capital, no
   widget word, not a word the same texts also write in lower case, a person's tokens all
   capitalised but particles); leading articles are trimmed ("la Chine" -> "Chine");
2. type votes: the NER label, plus evidence from the text before the name (an outlet cue,
   "selon un rapport de Yonhap" -> ORG; a sentence-initial "À Washington," -> LOC) and a short list
   of institution places ("le Kremlin"); a group's type is its majority, MISC only when nothing
   else votes (and then it is dropped);
3. people's names: a bare surname ("Kim", "M. Poutine") joins the full name it matches in the same
   document (the one named within ``RECENT_SENTENCES`` before it, else the most frequent there),
   else the most frequent matching full name of the cluster; full names merge across sources when
   every token of the shorter matches one of the longer, transliteration-aware
   (``values.names_match``: "Iouri Ouchakov" = "Yuri Ouchakov", "Kim Il-sung" != "Kim Jong Un");
4. organisations and places merge on their normalised name or an acronym of it ("RPDC");
5. asides (a title, a byline, a sentence cleaning removed as foreign): read for names too, but a
   name in a foreign sentence only adds a variant to an actor the body already has ("Ushakov"),
   it never makes one ("La agencia de noticias").

Roles come from appositions around a person's name ("Youri Ouchakov, conseiller en politique
étrangère"; "le président russe Vladimir Poutine"), with the language's ``ROLE_WORDS``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from unidecode import unidecode

from .features import SentenceAnalysis
from .lang import stop_words
from .types import Actor, CleanDocument, Mention, Sentence
from .values import name_key, names_match

# Longest entity kept as a name, in tokens ("Center for Strategic and International Studies" is
# 6; longer spans in the seeds and rpm2-fr clusters are run-on sentence fragments).
MAX_NAME_TOKENS = 8
# A word in capitals longer than this is a shouted word of a heading, not an acronym ("UNESCO"
# and "OTAN" are shorter; a multi-word span in capitals with such a word is a heading).
ACRONYM_MAX_CHARACTERS = 6
# Tags of a one-word entity that make it a capitalised common word, not a name.
NOT_NAME_TAGS = frozenset(("NOUN", "VERB", "AUX"))
# A bare surname refers to a full name used this many sentences before it at most ("Kim Jong Un
# ... M. Kim"); further back, the document's most frequent matching full name wins.
RECENT_SENTENCES = 3
# Votes for a type: the NER label counts this much per mention; textual evidence (an outlet cue,
# a locative opening, an institution place) counts more, since it is what the model missed.
# Set on benchmarks/bench_actors.py; re-run it after a change.
NER_VOTE = 1.0
EVIDENCE_VOTE = 2.5
# Longest role kept from an apposition, in words (longer ones run into the rest of the sentence).
ROLE_MAX_WORDS = 8
# Removed lines read for names (the cleaning stage's removal reasons).
ASIDE_REASONS = ("byline", "foreign-language", "embed")
FOREIGN = "foreign-language"
TYPES = ("PER", "ORG", "LOC")
NOISE_CHARACTERS = re.compile(r"[@#/|<>=_\\{}\[\]]|https?:|www\.|^\d")
POS_OF_VERBS = ("VERB", "AUX")


@dataclass(frozen=True)
class Aside:
    """A line of a document outside its body sentences, read for names only: the title
    (``sentence.index == -1``) or a removed line (-2, -3...), with the cleaning's reason."""

    sentence: Sentence
    analysis: SentenceAnalysis
    kind: str  # "title" | "byline" | "foreign-language" | "embed"


@dataclass
class _Candidate:
    """One entity span of one sentence, on its way to becoming a mention."""

    sentence: Sentence
    text: str
    start: int
    end: int
    label: str
    key: str
    order: int  # position in the input, for "most recent" and stable ordering
    foreign: bool = False
    votes: Counter = field(default_factory=Counter)
    role: str | None = None
    target: str | None = None  # key of the group this mention joins


def find_actors(sentences: list[Sentence], analyses: list[SentenceAnalysis], lang: ModuleType,
                asides: Sequence[Aside] = ()) -> list[Actor]:
    """The actors of a cluster, most important first (sources, then mentions)."""
    # capitalised words these texts also write in lower case are common words, unless they are
    # part of a person's full name ("Royal" of "Ségolène Royal", not "royal")
    lowercase_words = _lowercase_words(s.text for s in sentences) - _person_name_words(analyses)
    candidates: list[_Candidate] = []
    inputs = [(s, a, "body") for s, a in zip(sentences, analyses)] + [(x.sentence, x.analysis, x.kind) for x in asides]
    for sentence, analysis, kind in inputs:
        candidates += _candidates(sentence, analysis, lang, lowercase_words, len(candidates), kind == FOREIGN)
    _repair_glued_names(candidates, lang)
    body = [c for c in candidates if not c.foreign]
    types = _group_types(body)
    by_sentence = {(s.doc_id, s.index): a for s, a, _ in inputs}
    for candidate in body:
        if types.get(candidate.key) == "PER":
            candidate.role = _role(candidate, by_sentence, lang)
    groups = _merge(body, types)
    _attach_foreign([c for c in candidates if c.foreign], groups, types)
    return _actors(groups, types, lang)


def document_asides(documents: list[CleanDocument], nlp) -> list[Aside]:
    """The titles and the removed bylines, embeds and foreign sentences of ``documents``, analysed
    by ``nlp`` (they are not among the pipeline's sentences, but name actors: a byline names the
    journalist, a foreign sentence may hold a transliteration)."""
    from .features import content_lemmas

    lines: list[tuple[Sentence, str]] = []
    for document in documents:
        if document.title:
            lines.append((Sentence(document.id, -1, 0, len(document.title), document.title), "title"))
        removed = [r for r in document.removed if r.reason in ASIDE_REASONS]
        for k, removal in enumerate(removed):
            text = removal.text.strip().strip("[]")
            lines.append((Sentence(document.id, -2 - k, 0, len(text), text), removal.reason))
    if not lines:
        return []
    _, _, analyses = content_lemmas([s for s, _ in lines], nlp, analyse=True)
    return [Aside(sentence, analysis, kind) for (sentence, kind), analysis in zip(lines, analyses)]


# --- 1. candidates ---------------------------------------------------------------------------------

def _candidates(sentence: Sentence, analysis: SentenceAnalysis, lang: ModuleType, lowercase_words: set[str],
                order: int, foreign: bool) -> list[_Candidate]:
    found = []
    for entity in analysis.entities:
        label = "LOC" if entity.label == "GPE" else entity.label
        if label not in (*TYPES, "MISC") or NOISE_CHARACTERS.search(entity.text.strip()):
            continue  # a handle, a link, markup: never a name
        text, start, end = _trim(sentence.text, entity.start, entity.end, label, lang)
        if not _looks_like_name(text, label, lang, lowercase_words) or (
                label != "PER" and _common_noun(analysis, start, end, text, foreign)):
            continue
        key = _key(text, lang)
        if not key:
            continue
        candidate = _Candidate(sentence, text, start, end, label, key, order + len(found), foreign)
        candidate.votes[label] += NER_VOTE
        evidence = _type_evidence(sentence.text, start, key, lang)
        if evidence:
            candidate.votes[evidence] += EVIDENCE_VOTE
        found.append(candidate)
    return found


def _trim(sentence: str, start: int, end: int, label: str, lang: ModuleType) -> tuple[str, int, int]:
    """Drop what an entity span holds beyond the name: leading articles and prefixes ("la
    Chine", "l'ex-Union soviétique"), a lower-case head ("aéroport de Pyongyang", "général
    Padilla"), a capitalised common noun after a definite article before a person's name
    ("secrétaires au Trésor Lawrence Summers"), and surrounding punctuation."""
    text = sentence[start:end]
    # a capitalised article inside a sentence is part of a title ("dans « Le Figaro »", "selon La
    # Provence"); one opening the sentence is capitalised as its first word ("La Chine a dit")
    titled = text[:1].isupper() and any(c.isalnum() for c in sentence[:start])
    stripped = not titled
    while stripped:
        stripped = False
        for article in lang.ENTITY_LEADING_ARTICLES:
            if text.lower().startswith(article) and len(text) > len(article):
                start, text, stripped = start + len(article), sentence[start + len(article):end], True
                break
    while text and not text[0].isalnum():
        start, text = start + 1, text[1:]
    while text and not (text[-1].isalnum() or text[-1] == "."):
        end, text = end - 1, text[:-1]
    tokens = list(re.finditer(r"\S+", text))
    if tokens and text[:1].islower():
        # the name is the capitalised run at the end; particles before it are not part of it
        capital = [k for k, t in enumerate(tokens) if t.group()[:1].isupper()]
        if not capital or any(not tokens[k].group()[:1].isupper() and tokens[k].group().lower() not in lang.NAME_PARTICLES
                              for k in range(capital[0], len(tokens))):
            return text, start, end  # no capitalised tail: _looks_like_name rejects it
        start, text = start + tokens[capital[0]].start(), text[tokens[capital[0]].start():]
    elif label == "PER" and len(tokens) >= 3:
        before = sentence[:start].split()[-1:]
        if before and before[0].lower() in lang.DEFINITE_ARTICLES:
            start, text = start + tokens[1].start(), text[tokens[1].start():]
    return text, start, end


def _looks_like_name(text: str, label: str, lang: ModuleType, lowercase_words: set[str]) -> bool:
    """A name starts with a capital, holds no markup, digit or widget word, is not a common word
    of these texts capitalised (sentence-initial "Président"), and a person's tokens are all
    capitalised but for particles ("de Villepin")."""
    tokens = text.split()
    if not tokens or len(tokens) > MAX_NAME_TOKENS or not text[0].isupper() or NOISE_CHARACTERS.search(text):
        return False
    if len(text.replace(".", "")) < 2:
        return False  # "S": an initial cut from its name
    if len(tokens) > 1 and text.isupper() and any(len(t) > ACRONYM_MAX_CHARACTERS for t in tokens):
        return False  # "EMOTION EMPECHE DE VOIR": a heading in capitals, not a name ("ONU", "AP" are single words)
    lowered = [t.lower().strip(".,") for t in tokens]
    if any(t in lang.WIDGET_WORDS for t in lowered):
        return False
    stops = _stops(lang.CODE)
    if len(tokens) > 1 and (tokens[-1].islower() and lowered[-1] in stops or any(t in ("-", "–", "—") for t in tokens)):
        return False  # "Lycées - La": a heading's fragment; a name does not end on a lower-case article
    capitalised = [t for t, low in zip(tokens, lowered) if t[0].isupper() and low not in stops]
    if not capitalised:
        return False
    if len(tokens) == 1 and text.lower() in lowercase_words and not text.isupper():
        return False  # "Président", "Sanctions": the texts also write them in lower case
    if len(tokens) == 1 and text.lower() in lang.ROLE_NOUNS:
        return False  # a role capitalised ("le Président") names no one by itself
    if label == "PER":
        return all(t[0].isupper() or low in lang.NAME_PARTICLES for t, low in zip(tokens, lowered))
    return True


@lru_cache(maxsize=4)
def _stops(code: str) -> frozenset[str]:
    return stop_words(code) | stop_words("en")


def _common_noun(analysis: SentenceAnalysis, start: int, end: int, text: str, foreign: bool = False) -> bool:
    """A one-word entity the tagger reads as a common noun or a verb ("visite d'État", "site
    Internet"; a sentence-initial "Attendons", "Transgresser") is a capitalised word, not a name;
    acronyms ("TASS") are names whatever their tag. In a foreign sentence the tagger reads names
    as verbs ("Ushakov" in a Spanish line): there only a noun tag counts."""
    tokens = [t for t in analysis.tokens if start <= t.start and t.end <= end]
    tags = ("NOUN",) if foreign else NOT_NAME_TAGS
    return len(tokens) == 1 and tokens[0].pos in tags and not text.isupper()


def _person_name_words(analyses: list[SentenceAnalysis]) -> set[str]:
    return {word.lower() for analysis in analyses for e in analysis.entities
            if e.label == "PER" and len(e.text.split()) > 1 for word in e.text.split()}


def _lowercase_words(texts) -> set[str]:
    words = set()
    for text in texts:
        words.update(w for w in re.findall(r"[^\W\d_]+", text) if w.islower())
    return words


def _key(text: str, lang: ModuleType) -> str:
    """``values.name_key`` with initials split ("W.Bush") and a first name's usual form
    ("Larry" -> "lawrence", ``FIRST_NAME_VARIANTS``)."""
    tokens = name_key(text.replace(".", ". "), lang).replace(".", "").replace("’", "'").split()
    if len(tokens) > 1:
        tokens[0] = lang.FIRST_NAME_VARIANTS.get(tokens[0], tokens[0])
    return " ".join(tokens)


@lru_cache(maxsize=8)
def _outlet_pattern(lang: ModuleType) -> re.Pattern:
    cues = "|".join(lang.OUTLET_CUES)
    return re.compile(rf"\b(?i:{cues})\b(?:\s+[a-zà-ÿ’'-]+){{0,4}}\s*$")


def _type_evidence(sentence: str, start: int, key: str, lang: ModuleType) -> str | None:
    """What the words before a name say it is: an outlet after "agence", "journal", "rapport
    de"; a place when the sentence opens on "À <name>,"; an institution housed in a place."""
    if key in {unidecode(p) for p in lang.INSTITUTION_PLACES}:
        return "ORG"
    before = sentence[max(0, start - 60): start]
    if _outlet_pattern(lang).search(before):
        return "ORG"
    if re.fullmatch(r"\s*(?:À|A|In|At)\s+", sentence[:start]) and sentence[start:].find(",") > 0:
        return "LOC"
    return None


def _repair_glued_names(candidates: list[_Candidate], lang: ModuleType) -> None:
    """"Sergueï Lavrovles" -> "Sergueï Lavrov" when the cleaning left a function word glued to a
    name and the same texts spell the name without it (a lexicon check on the cluster's names)."""
    last_tokens = Counter(c.key.split()[-1] for c in candidates)
    for candidate in candidates:
        token = candidate.key.split()[-1]
        for suffix in lang.GLUE_SUFFIX_WORDS:
            stem = token[: -len(suffix)]
            if token.endswith(suffix) and len(stem) >= 3 and last_tokens.get(stem) and candidate.text.endswith(suffix):
                candidate.text = candidate.text[: -len(suffix)]
                candidate.end -= len(suffix)
                candidate.key = _key(candidate.text, lang)
                break


# --- 2. types ------------------------------------------------------------------------------------

def _group_types(candidates: list[_Candidate]) -> dict[str, str]:
    """The majority type of each normalised name across all its mentions (MISC only if alone).
    A one-word name that is part of a person's full name used in the same document votes for
    a person ("Ingrid" after "Ingrid Betancourt", whatever the model says)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for candidate in candidates:
        votes[candidate.key].update(candidate.votes)
    people_by_document: dict[str, set[str]] = defaultdict(set)
    for candidate in candidates:
        if candidate.label == "PER" and len(candidate.key.split()) > 1:
            people_by_document[candidate.sentence.doc_id].add(candidate.key)
    for candidate in candidates:
        if len(candidate.key.split()) == 1 and any(
                names_match(candidate.key, k) for k in people_by_document[candidate.sentence.doc_id]):
            votes[candidate.key]["PER"] += EVIDENCE_VOTE
    types = {}
    for key, counter in votes.items():
        typed = Counter({label: n for label, n in counter.items() if label in TYPES})
        types[key] = typed.most_common(1)[0][0] if typed else "MISC"
    return types


# --- 3-4. merging ----------------------------------------------------------------------------------

def _merge(candidates: list[_Candidate], types: dict[str, str]) -> dict[str, list[_Candidate]]:
    """Group the mentions: each ends with ``target``, the key of its group's representative."""
    people = {c.key for c in candidates if types[c.key] == "PER"}
    full = sorted((k for k in people if len(k.split()) > 1), key=lambda k: (-len(k.split()), k))
    parent = {k: k for k in types}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    # full names across sources: the shorter joins the longer it matches (Kim Il-sung != Kim Jong Un)
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            if names_match(a, b):
                parent[find(b)] = find(a)
    # organisations and places: an acronym joins the name it abbreviates, and takes its type
    # (the model cannot tell what an acronym names: "les Farc" is tagged as a place)
    others = [k for k in types if types[k] in ("ORG", "LOC")]
    for acronym in (k for k in others if len(k.split()) == 1):
        for name in others:
            if name != acronym and _initials(name) == acronym:
                parent[find(acronym)] = find(name)
    frequency = Counter(find(c.key) for c in candidates)
    by_document: dict[str, list[_Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_document[candidate.sentence.doc_id].append(candidate)
    for candidate in candidates:
        candidate.target = find(candidate.key)
        if candidate.key in people and len(candidate.key.split()) == 1:
            candidate.target = _resolve_surname(candidate, by_document[candidate.sentence.doc_id], full, frequency, find)
    groups: dict[str, list[_Candidate]] = defaultdict(list)
    for candidate in candidates:
        if types[candidate.key] != "MISC" or types.get(candidate.target) not in (None, "MISC"):
            groups[candidate.target].append(candidate)
    return groups


def _resolve_surname(candidate: _Candidate, document: list[_Candidate], full: list[str], frequency: Counter,
                     find) -> str:
    """The full name a bare surname stands for: named just before in the same document, else the
    document's most frequent match, else the cluster's; itself when nothing matches."""
    matching = {k for k in full if names_match(candidate.key, k)}
    if not matching:
        return find(candidate.key)
    in_document = [c for c in document if c.key in matching]
    recent = [c for c in in_document if c.order < candidate.order
              and candidate.sentence.index - c.sentence.index <= RECENT_SENTENCES and c.sentence.index >= 0]
    if recent:
        return find(max(recent, key=lambda c: c.order).key)
    if in_document:
        counts = Counter(find(c.key) for c in in_document)
        return max(counts, key=lambda k: (counts[k], -min(c.order for c in in_document if find(c.key) == k)))
    return max({find(k) for k in matching}, key=lambda k: frequency[k])


def _initials(key: str) -> str:
    words = [w for w in key.replace("'", " ").split() if w not in _stops("fr")]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _attach_foreign(candidates: list[_Candidate], groups: dict[str, list[_Candidate]], types: dict[str, str]) -> None:
    """A name in a foreign sentence joins the actor it names, never starts one."""
    for candidate in candidates:
        for target, members in groups.items():
            kind = types.get(target)
            same = candidate.key == target or any(m.key == candidate.key for m in members)
            if same or (kind == "PER" and names_match(candidate.key, target)):
                candidate.target = target
                members.append(candidate)
                break


# --- roles -----------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _role_patterns(lang: ModuleType) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words = "|".join(re.escape(w) for w in sorted(lang.ROLE_WORDS, key=len, reverse=True))
    modifiers = "|".join(lang.ROLE_MODIFIERS)
    determiners = "|".join(re.escape(d) for d in lang.ROLE_DETERMINERS)
    role = rf"(?:(?:{modifiers})\s*)?(?:vice-|ex-)?(?:{words})\b[^,;:.!?«»“”\"()]*?"
    opening = re.compile(rf"(?:^|,\s*|\b(?:{determiners})\s+)", re.I)
    before = re.compile(rf"(?P<role>{role})\s*,?\s*", re.I)
    after = re.compile(rf"\s*,\s*(?:(?:{determiners})\s+)?(?P<role>{role})\s*(?:[,;.)]|$)", re.I)
    return opening, before, after


def _role(candidate: _Candidate, analyses: dict, lang: ModuleType) -> str | None:
    """The apposition around a person's name: the role noun phrase just before ("le président
    russe Vladimir Poutine") or just after between commas ("Ouchakov, conseiller du Kremlin,");
    the shortest one, holding no verb and no other name."""
    text = candidate.sentence.text
    opening, before, after = _role_patterns(lang)
    match = after.match(text, candidate.end)
    spans = [(match.start("role"), match.end("role"))] if match else []
    preceding = text[: candidate.start]
    for start in sorted((m.end() for m in opening.finditer(preceding)), reverse=True):
        match = before.fullmatch(preceding, start)
        if match:
            spans.append((match.start("role"), match.end("role")))
            break
    analysis = analyses.get((candidate.sentence.doc_id, candidate.sentence.index))
    for start, end in spans:
        role = text[start:end].strip(" ,")
        if not role or len(role.split()) > ROLE_MAX_WORDS:
            continue
        if analysis is not None and (
                any(t.pos in POS_OF_VERBS for t in analysis.tokens if start <= t.start and t.end <= end)
                or any(e.label == "PER" and start < e.end and e.start < end for e in analysis.entities)):
            continue  # a clause, or a phrase running into another name: not an apposition
        return role
    return None


# --- 5. actors ---------------------------------------------------------------------------------------

def _actors(groups: dict[str, list[_Candidate]], types: dict[str, str], lang: ModuleType) -> list[Actor]:
    built = []
    for target, members in groups.items():
        kind = types.get(target, "MISC")
        if kind == "MISC":
            votes = Counter()
            for m in members:
                votes.update(m.votes)
            typed = [label for label, _ in votes.most_common() if label in TYPES]
            if not typed:
                continue
            kind = typed[0]
        members.sort(key=lambda c: c.order)
        if all(_title_complement(m, lang) for m in members):
            continue  # "République" of "président de la République": part of a title, no actor
        variants = Counter(m.text for m in members)
        first = {}
        for m in members:
            first.setdefault(m.text, m.order)
        ordered = sorted(variants.items(), key=lambda item: (-item[1], first[item[0]]))
        roles = Counter(m.role for m in members if m.role)
        mentions = tuple(Mention(m.sentence.doc_id, m.sentence.index, m.sentence.text, m.text, m.start, m.end)
                         for m in members)
        built.append((kind, _canonical(members, variants, first, lang), tuple(ordered), mentions,
                      tuple(r for r, _ in roles.most_common())))
    built.sort(key=lambda a: (-len({m.source for m in a[3]}), -len(a[3]), a[1]))
    return [Actor(f"A{k}", name, kind, variants, mentions, roles)
            for k, (kind, name, variants, mentions, roles) in enumerate(built, start=1)]


def _title_complement(candidate: _Candidate, lang: ModuleType) -> bool:
    """A one-word name written right after a person's role and its complement ("président de
    la République", "ministre de l'Intérieur"): the name completes the title."""
    if len(candidate.text.split()) != 1:
        return False
    before = re.findall(r"[\w'’-]+", candidate.sentence.text[:candidate.start].lower())[-3:]
    before = [w for w in before if w not in lang.DEFINITE_ARTICLES and not re.fullmatch(r"[ld]['’]", w)]
    words = [re.sub(r"^[ld]['’]", "", w) for w in before]
    return len(words) >= 2 and words[-1] in lang.ROLE_COMPLEMENTS and words[-2] in lang.ROLE_NOUNS


def _canonical(members: list[_Candidate], variants: Counter, first: dict[str, int], lang: ModuleType) -> str:
    """The fullest variant the body uses (most tokens, then most frequent), honorific dropped."""
    body = [m for m in members if not m.foreign] or members
    best = max({m.text: m for m in body}.values(),
               key=lambda m: (len(m.key.split()), variants[m.text], -first[m.text]))
    tokens = best.text.split()
    while len(tokens) > 1 and tokens[0].lower().rstrip(".") in {h.rstrip(".") for h in lang.HONORIFICS}:
        tokens = tokens[1:]
    return " ".join(tokens)
