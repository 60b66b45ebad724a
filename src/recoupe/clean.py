"""Noise removal: split a scraped page into paragraphs, tell the article from the page furniture,
find the title, and report every removal with its reason.

The cascade, per paragraph (first rule that fires wins):

1. ``marker``: a lone token with digits or no letters ("fr-02", "***").
2. ``embed``: embedded social media (pic.twitter.com links, the "— Name (@handle) date" line).
3. ``widget``: share / subscribe / comment furniture (language data), and a run of short lines
   at the end of the page where such furniture dominates; ``section``: a bare section name
   closing the page ("Société").
4. ``seo``: blurbs that address the reader and talk about the site ("vous", "ce post", a domain);
   ``consent`` and ``promotion``: paragraphs that address the reader about cookies and consent,
   or about a newsletter, a subscription or an offer.
5. ``link``: lines made of paths, URLs or a bracketed link title ("[...]").
6. ``foreign-language``: a paragraph (or, later, a sentence) in another language than the
   document's, by py3langid with a confidence floor.
7. ``byline``, ``category``, ``site-name``: short lines around the title.
8. ``duplicate``: a copy (or truncated copy) of the title or of another paragraph.
9. ``boilerplate``: a short line repeated in several documents of the input.
10. ``fragment``: a short lower-case line that is no sentence (a stray caption).

Rules read general signals (length, position, punctuation, link density, language, repetition)
and the language module's vocabulary; none of them names an article.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from types import ModuleType

from rapidfuzz import fuzz

from .lang import QUOTED_TEXT, data_for_document
from .types import Block, CleanDocument, RawDocument, Removal

# Paragraphs shorter than this many words are "short lines" (widgets, headings, bylines).
SHORT_LINE_WORDS = 6
# A title has at most this many words (longest seed title: 27).
MAX_TITLE_WORDS = 35
# The title is looked for among the first paragraphs only.
TITLE_SEARCH_BLOCKS = 4
# A category line above the title has at most this many words.
MAX_CATEGORY_WORDS = 3
# A byline has at most this many words.
MAX_BYLINE_WORDS = 8
# A paragraph is in another language when py3langid gives the document's own language at most
# this normalised probability, on paragraphs of at least FOREIGN_MIN_WORDS words (it mislabels
# 1-3 word lines: "guest" -> es). Set on the seeds' Spanish lines (P(fr) < 0.01).
FOREIGN_MAX_EXPECTED_PROBABILITY = 0.02
# A document's language is the identified one from this probability on, else the --lang one.
DOCUMENT_LANGUAGE_MIN_PROBABILITY = 0.9
FOREIGN_MIN_WORDS = 5
# A paragraph truncated from the title (or from another paragraph) matches it at this
# rapidfuzz partial ratio or above, and has at least this many words.
DUPLICATE_PARTIAL_RATIO = 92
DUPLICATE_MIN_WORDS = 4
# An SEO blurb has at least this share of reader-address and site-talk words (the seeds' blurb:
# 0.11; a 400-word article that mentions "the site" twice: 0.005).
SEO_MIN_DENSITY = 0.05
# A paragraph that addresses the reader about cookies or an offer ("consent", "promotion") has
# at least this many distinct words of that kind, and that share of kind and reader-address
# words among its words (the French and English test pages of tests/test_clean.py: 0.20-0.38; an
# article paragraph that says "vous" once and "offre" once: under 0.1). Longer paragraphs are
# articles, whatever their words.
MIN_OFFER_WORDS = 2
OFFER_MIN_DENSITY = 0.15
MAX_OFFER_WORDS = 80
# A quoted span (``lang.QUOTED_TEXT``) of this many words or more is someone's words.
MIN_QUOTE_WORDS = 4
# A trailing section name ("Société") has at most this many words.
MAX_SECTION_WORDS = 3
# Share of slashes/URL characters above which a line is a link list.
LINK_DENSITY = 0.08
# A site-name suffix on a title ("... | Actualités mondiales") has at most this many words.
MAX_SITE_NAME_WORDS = 5

URL = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+\.(?:fr|com|org|net|info|be|ch|ca|io)\b", re.I)
TERMINAL_PUNCTUATION = tuple(".!?…»”\")")
SITE_NAME_SEPARATOR = re.compile(r"\s+[|–—-]\s+(?=[^|–—-]+$)")


@dataclass(frozen=True)
class Classified:
    block: Block
    reason: str | None  # None: kept as article text
    role: str = "body"  # "title", "heading", "body"


def segment_blocks(text: str) -> list[Block]:
    """Paragraphs of a raw page: every non-empty line, with soft-wrapped lines re-joined."""
    blocks: list[Block] = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        end = match.start() + len(line.rstrip())
        if blocks and _is_soft_wrap(text, blocks[-1], start):
            blocks[-1] = Block(text[blocks[-1].start : end], blocks[-1].start, end)
        else:
            blocks.append(Block(text[start:end], start, end))
    return blocks


def _is_soft_wrap(text: str, previous: Block, start: int) -> bool:
    between = text[previous.end : start]
    return (
        between.count("\n") == 1
        and not previous.text.endswith(TERMINAL_PUNCTUATION + (":", ";"))
        and text[start].islower()
        and len(previous.text) > 50
    )


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: for comparing paragraphs."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


class NoiseClassifier:
    """Classifies the paragraphs of the documents of one input, with one language's data."""

    def __init__(self, lang: ModuleType, documents: list[RawDocument], identifier=None) -> None:
        self.lang = lang
        self.widget = re.compile(r"^(?:" + "|".join(lang.WIDGET_PATTERNS) + r")[.!:]?$")
        self.embed = [re.compile(p, re.I) for p in lang.EMBED_PATTERNS]
        self.boilerplate = re.compile("|".join(f"(?:{p})" for p in lang.BOILERPLATE_PATTERNS))
        self.byline = [re.compile(p, re.I) for p in lang.BYLINE_PATTERNS]
        self.agencies = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in lang.NEWS_AGENCIES) + r")\b", re.I)
        self._identifier = identifier  # py3langid LanguageIdentifier; loaded lazily when None
        self.repeated_short_lines = self._short_lines_in_several(documents)

    # -- whole document ---------------------------------------------------------------------------
    def classify(self, document: RawDocument) -> tuple[list[Classified], str, str, list[Removal]]:
        """Classify each paragraph; return them with the title, where it came from, and removals
        made on the title itself (a site-name suffix)."""
        blocks = segment_blocks(document.text)
        reasons: list[str | None] = [self._paragraph_reason(b, document) for b in blocks]
        self._mark_widget_tail(blocks, reasons)
        self._mark_section_tail(blocks, reasons)
        title, title_index, title_source = self._find_title(blocks, reasons, document)
        removals: list[Removal] = []
        if title_index is not None:
            title, site_name = self._split_site_name(title)
            if site_name:
                removals.append(Removal(site_name, "site-name", blocks[title_index].start + len(title)))
        self._mark_top_lines(blocks, reasons, title_index)
        self._mark_duplicates(blocks, reasons, title, title_index)
        classified = []
        for index, (block, reason) in enumerate(zip(blocks, reasons)):
            role = "title" if index == title_index else ("heading" if self._is_heading(block) else "body")
            if reason is None and role == "body" and self._is_fragment(block):
                reason = "fragment"
            classified.append(Classified(block, reason, role))
        return classified, title, title_source, removals

    # -- single paragraph rules (1-6, 9) ---------------------------------------------------------
    def _paragraph_reason(self, block: Block, document: RawDocument) -> str | None:
        text = block.text.strip()
        words = text.split()
        lowered = " ".join(text.lower().split())
        if len(words) == 1 and (any(c.isdigit() for c in text) or not any(c.isalpha() for c in text)):
            return "marker"
        if any(p.search(text) for p in self.embed):
            return "embed"
        if self.widget.match(lowered):
            return "widget"
        if self._is_seo(text):
            return "seo"
        kind = self._reader_offer(text)
        if kind:
            return kind
        if self._is_link_line(text):
            return "foreign-language" if self.is_foreign(text[1:-1], document) else "link"
        if self._looks_like_byline(text):
            return "byline"
        if len(words) >= FOREIGN_MIN_WORDS and self.is_foreign(text, document):
            return "foreign-language"
        if len(words) <= SHORT_LINE_WORDS and normalise(text) in self.repeated_short_lines:
            return "boilerplate"
        return None

    def _is_seo(self, text: str) -> bool:
        words = re.findall(r"[\w’']+", text.lower())
        if not words:
            return False
        address = sum(w in self.lang.READER_ADDRESS_WORDS for w in words)
        site_talk = sum(w in self.lang.SITE_TALK_WORDS for w in words)
        has_domain = bool(URL.search(text))
        dense = (address + site_talk) / len(words) >= SEO_MIN_DENSITY
        if has_domain and address >= 1 and site_talk >= 1 and dense:
            return True
        # "Ce thème vous a passionné, vous apprécierez également ces parutions:"
        return text.rstrip().endswith(":") and address >= 1 and site_talk >= 1 and len(words) <= 20

    def _reader_offer(self, text: str) -> str | None:
        """"consent" or "promotion": a paragraph that addresses the reader (a "vous"/"you", or
        opens on a second-person imperative: "Recevez", "Profitez") about the site's own
        mechanics (cookies, consent, settings) or offers (newsletter, subscription, trial), with
        at least two distinct words of that kind and a dense share of them. A kind of paragraph,
        not a list of banners: a consent banner or a newsletter blurb the rules never saw is
        worded with the same words. Never a paragraph that quotes someone (a CNIL official who
        says "vous pouvez refuser les cookies" is news)."""
        if any(len(m.group()[1:-1].split()) >= MIN_QUOTE_WORDS for m in QUOTED_TEXT.finditer(text)):
            return None  # a quote, not a button label (« Accepter »)
        words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
        if not words or len(words) > MAX_OFFER_WORDS:
            return None
        imperative = bool(self.lang.READER_IMPERATIVE and re.match(self.lang.READER_IMPERATIVE, text.strip()))
        address = sum(w in self.lang.READER_ADDRESS_WORDS for w in words) + imperative
        if not address:
            return None
        for kind, vocabulary in (("consent", self.lang.CONSENT_WORDS), ("promotion", self.lang.PROMOTION_WORDS)):
            hits = [w for w in words if w in vocabulary]
            if len(set(hits)) >= MIN_OFFER_WORDS and (len(hits) + address) / len(words) >= OFFER_MIN_DENSITY:
                return kind
        return None

    def _is_link_line(self, text: str) -> bool:
        if text.startswith("[") and text.endswith("]"):
            return True
        link_chars = sum(len(m.group()) for m in URL.finditer(text)) + 5 * text.count("/")
        return link_chars / max(len(text), 1) > LINK_DENSITY and text.count("/") >= 2 or (
            bool(URL.fullmatch(text.strip()))
        )

    def is_foreign(self, text: str, document: RawDocument) -> bool:
        """The most likely language is another one, and the document's own is unlikely."""
        ranking = self.language_ranking(text)
        expected = document.language or self.lang.CODE
        best = max(ranking, key=ranking.get)
        return best != expected and ranking.get(expected, 0.0) <= FOREIGN_MAX_EXPECTED_PROBABILITY

    def is_boilerplate_sentence(self, sentence: str) -> bool:
        return bool(self.boilerplate.search(" ".join(sentence.lower().split())))

    def identifier(self):
        if self._identifier is None:
            from .features import NlpResources

            self._identifier = NlpResources().language_identifier()
        return self._identifier

    def language_ranking(self, text: str) -> dict[str, float]:
        """Normalised probability of each language for ``text`` (py3langid)."""
        return {language: float(p) for language, p in self.identifier().rank(text)}

    def _short_lines_in_several(self, documents: list[RawDocument]) -> set[str]:
        counts: Counter = Counter()
        for document in documents:
            lines = {normalise(b.text) for b in segment_blocks(document.text)}
            counts.update(line for line in lines if line and len(line.split()) <= SHORT_LINE_WORDS)
        return {line for line, count in counts.items() if count >= 2 and len(documents) >= 3}

    # -- furniture tail (3) -----------------------------------------------------------------------
    def _mark_section_tail(self, blocks: list[Block], reasons: list[str | None]) -> None:
        """A line of one to three words without final punctuation closing the page, after the
        last paragraph, is the section or site menu the scraper caught ("Société", "Business"):
        an article does not end on a bare noun."""
        for index in range(len(blocks) - 1, 0, -1):
            text = blocks[index].text.strip()
            if reasons[index] is not None:
                continue
            if len(text.split()) <= MAX_SECTION_WORDS and not text.endswith(TERMINAL_PUNCTUATION) and text[:1].isupper():
                reasons[index] = "section"
                continue
            break

    def _mark_widget_tail(self, blocks: list[Block], reasons: list[str | None]) -> None:
        """A run of short unpunctuated lines closing the page is furniture when widget lines
        make up at least half of it ("Partager", "S'inscrire", "guest", "0 Commentaires")."""
        run = []
        for index in range(len(blocks) - 1, -1, -1):
            text = blocks[index].text.strip()
            if reasons[index] in ("widget", "seo", "marker", "embed", "link"):
                run.append(index)
                continue
            if len(text.split()) <= SHORT_LINE_WORDS and not text.endswith((".", "?", "!")):
                run.append(index)
                continue
            break
        if not run:
            return
        furniture = sum(1 for i in run if reasons[i] is not None or self._has_widget_word(blocks[i].text))
        if furniture * 2 >= len(run):
            for index in run:
                if reasons[index] is None:
                    reasons[index] = "widget"
        # a line between SEO blurbs at the end of the page belongs to them
        for index in range(1, len(blocks) - 1):
            if reasons[index] is None and reasons[index - 1] == "seo" and reasons[index + 1] == "seo":
                reasons[index] = "seo"

    def _has_widget_word(self, text: str) -> bool:
        return any(w in self.lang.WIDGET_WORDS for w in re.findall(r"\w+", text.lower()))

    # -- title, category, byline (7) -------------------------------------------------------------
    def _find_title(self, blocks, reasons, document: RawDocument) -> tuple[str, int | None, str]:
        if document.title:
            return document.title.strip(), None, "metadata"
        candidates = [i for i, r in enumerate(reasons) if r is None][:TITLE_SEARCH_BLOCKS]
        for position, index in enumerate(candidates):
            text = blocks[index].text.strip()
            words = text.split()
            if position == 0 and self._is_category(text, blocks, candidates):
                continue
            if self._looks_like_byline(text):
                continue
            if len(words) <= MAX_TITLE_WORDS and not text.endswith((".", ":", ";")):
                source = "first-line" if index == 0 else f"line {index + 1}"
                return text, index, source
            break
        return "", None, "lede"

    def _is_category(self, text: str, blocks, candidates) -> bool:
        words = text.split()
        if len(words) > MAX_CATEGORY_WORDS or text.endswith(TERMINAL_PUNCTUATION) or len(candidates) < 2:
            return False
        return len(blocks[candidates[1]].text.split()) > len(words)

    def _looks_like_byline(self, text: str) -> bool:
        words = text.split()
        if len(words) > MAX_BYLINE_WORDS or text.endswith((".", "?", "!")):
            return False
        if any(p.search(text) for p in self.byline):
            return True
        # "Kim Tong-hyung, The Associated Press": capitalised names and an agency
        capitalised = all(w[0].isupper() or w.lower() in ("de", "du", "la", "le", "the", "et", "and") for w in words)
        return capitalised and ("," in text or "/" in text) and bool(self.agencies.search(text))

    def _split_site_name(self, title: str) -> tuple[str, str]:
        """"Poutine promet ... | Actualités mondiales" -> title, " | Actualités mondiales"."""
        found = SITE_NAME_SEPARATOR.search(title)
        if found and "|" in found.group() and len(title[found.end():].split()) <= MAX_SITE_NAME_WORDS:
            return title[: found.start()], title[found.start():]
        return title, ""

    def _mark_top_lines(self, blocks, reasons, title_index: int | None) -> None:
        limit = (title_index or 0) + TITLE_SEARCH_BLOCKS
        for index in range(min(limit, len(blocks))):
            if reasons[index] is not None or index == title_index:
                continue
            text = blocks[index].text.strip()
            if title_index is not None and index < title_index:
                reasons[index] = "category" if len(text.split()) <= MAX_CATEGORY_WORDS else "byline"
            elif self._looks_like_byline(text):
                reasons[index] = "byline"

    # -- duplicates (8) ---------------------------------------------------------------------------
    def _mark_duplicates(self, blocks, reasons, title: str, title_index: int | None) -> None:
        title_norm = normalise(title)
        kept: list[tuple[int, str]] = []
        for index, block in enumerate(blocks):
            if reasons[index] is not None or index == title_index:
                continue
            norm = normalise(block.text)
            if len(norm.split()) >= DUPLICATE_MIN_WORDS and title_norm and _is_copy(norm, title_norm):
                reasons[index] = "duplicate"
                continue
            kept.append((index, norm))
        for position, (index, norm) in enumerate(kept):
            if len(norm.split()) < DUPLICATE_MIN_WORDS:
                continue
            for other_index, other in kept:
                if other_index == index or reasons[other_index] is not None:
                    continue
                longer = len(other) > len(norm) or (len(other) == len(norm) and other_index < index)
                if longer and _is_copy(norm, other):
                    reasons[index] = "duplicate"
                    break

    # -- headings and fragments (10) -------------------------------------------------------------
    def _is_heading(self, block: Block) -> bool:
        text = block.text.strip()
        return len(text.split()) <= SHORT_LINE_WORDS and text[:1].isupper() and not text.endswith(TERMINAL_PUNCTUATION)

    def _is_fragment(self, block: Block) -> bool:
        text = block.text.strip()
        return len(text.split()) <= SHORT_LINE_WORDS and text[:1].islower() and not text.endswith(TERMINAL_PUNCTUATION)


def _is_copy(short: str, long: str) -> bool:
    """``short`` is ``long`` or a piece of it (a truncated or repeated paragraph)."""
    if short == long or long.startswith(short) or short in long:
        return True
    # the prefix test first: it is cheap, and rules out most pairs before the partial ratio
    return len(short) <= len(long) and long.startswith(short[: max(10, len(short) // 3)]) and (
        fuzz.partial_ratio(short, long) >= DUPLICATE_PARTIAL_RATIO
    )


def clean_documents(documents: list[RawDocument], lang: ModuleType, splitter, lexicon, identifier=None) -> list[CleanDocument]:
    """Stage: raw documents -> cleaned documents (noise removed and reported, text repaired).
    ``identifier``: a loaded py3langid model to reuse (NlpResources.language_identifier)."""
    from .repair import repair_text
    from .split import SentenceSplitter

    classifiers = {lang.CODE: NoiseClassifier(lang, documents, identifier)}
    splitters = {lang.CODE: splitter}
    cleaned = []
    for document in documents:
        language = document.language or _majority_language(classifiers[lang.CODE], document.text, lang.CODE)
        document = replace(document, language=language)
        # a document in another language recoupe has data for is cleaned with that data
        doc_lang = data_for_document(language, lang)
        if doc_lang.CODE not in classifiers:
            classifiers[doc_lang.CODE] = NoiseClassifier(doc_lang, documents, classifiers[lang.CODE].identifier())
            splitters[doc_lang.CODE] = SentenceSplitter(doc_lang)
        classifier, splitter = classifiers[doc_lang.CODE], splitters[doc_lang.CODE]
        classified, title, title_source, removals = classifier.classify(document)
        paragraphs, headings, repairs = [], [], []
        for item in classified:
            if item.reason is not None:
                removals.append(Removal(item.block.text, item.reason, item.block.start))
                continue
            if item.role == "title":
                continue
            text, found = repair_text(item.block.text, lexicon, doc_lang, offset=item.block.start)
            repairs.extend(found)
            text = _drop_noise_sentences(text, item.block.start, classifier, document, splitter, removals)
            if not text:
                continue
            if item.role == "heading":
                headings.append(text)
            paragraphs.append(text)
        body = "\n\n".join(paragraphs)
        if title_source == "lede":
            first = splitter.spans(body)
            title = body[first[0].start : first[0].end] if first else ""
        removals.sort(key=lambda r: r.start)
        cleaned.append(
            CleanDocument(
                id=document.id,
                origin=document.origin,
                title=title,
                title_source=title_source,
                text=body,
                removed=tuple(removals),
                repairs=tuple(repairs),
                headings=tuple(headings),
                language=language,
                outlet=document.outlet or document.id,
                outlet_origin=document.outlet_origin or "file-name",
            )
        )
    return cleaned


# A sentence inside a kept paragraph is dropped as foreign from this many words on (shorter ones
# are names and quotes more often than translation leftovers).
FOREIGN_SENTENCE_MIN_WORDS = 8


def _drop_noise_sentences(text, block_start, classifier, document, splitter, removals) -> str:
    """Inside kept paragraphs: drop sentences in another language (half-translated paragraphs)
    and web-furniture sentences (BOILERPLATE_PATTERNS), reporting each."""
    spans = splitter.spans(text)
    furniture = [classifier.is_boilerplate_sentence(text[s.start : s.end]) for s in spans]
    if sum(furniture) >= 2 and sum(furniture) * 2 >= len(spans):
        # a paragraph made mostly of furniture (a web-archive notice) goes whole
        removals.append(Removal(text, "boilerplate", block_start))
        return ""
    for span, is_furniture in reversed(list(zip(spans, furniture))):
        sentence = text[span.start : span.end]
        if is_furniture:
            reason = "boilerplate"
        elif len(spans) > 1 and len(sentence.split()) >= FOREIGN_SENTENCE_MIN_WORDS and classifier.is_foreign(sentence, document):
            reason = "foreign-language"
        else:
            continue
        removals.append(Removal(sentence, reason, block_start + span.start))
        text = (text[: span.start].rstrip(" ") + " " + text[span.end :].lstrip(" ")).strip()
    return text


def _majority_language(classifier: NoiseClassifier, text: str, default: str) -> str:
    ranking = classifier.language_ranking(text[:5000])
    best = max(ranking, key=ranking.get)
    return best if ranking[best] >= DOCUMENT_LANGUAGE_MIN_PROBABILITY else default
