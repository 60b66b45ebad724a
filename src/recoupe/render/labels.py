"""How the briefing names things to a reader: each source by its outlet, and the interface in the
briefing's language.

A reader knows "Le Monde", not ``004_57e72806c7dd39eb``: every format names a source by its
display name (``documents[].outlet``: the outlet the input gives, else the file stem), while the
JSON keeps the ids. The interface strings (headings, "single source", "to check") follow the
briefing's language, as its text does: a French page with English labels reads as a foreign tool.
"""

from __future__ import annotations

import re

# Display names longer than this are cut (at a word) in narrow columns: the terminal's tables.
NARROW_NAME_CHARS = 22


def source_labels(ids: list[str], shortest: int = 8) -> dict[str, str]:
    """Each source id cut for a narrow column: its shortest prefix of at least ``shortest``
    characters that no other source's id starts with, or the whole id where the cut would save
    two characters or fewer ("T05_C1_1" would read as source 1, not 10). A fixed cut made the ten
    rpm2 sources "T05_C1_01" ... "T05_C1_10" all read "T05_C1_0"; hash-like ids
    ("000_fb6f9d7137e5b3b6") still read "000_fb6f"."""
    labels = {}
    for source in ids:
        length = min(len(source), shortest)
        while length < len(source) and any(other != source and other.startswith(source[:length]) for other in ids):
            length += 1
        labels[source] = source if len(source) - length <= 2 else source[:length]
    return labels


def source_names(documents: list[dict], shortest: int = 8) -> dict[str, str]:
    """The name a reader sees for each document id: its outlet, numbered when two documents come
    from one outlet ("Le Monde", "Le Monde (2)"); a document without an outlet goes by its id, cut
    as ``source_labels`` cuts it. Ids the documents do not list (none in a real briefing) keep
    their id."""
    named = {d["id"] for d in documents if d.get("outlet_origin", "file-name") != "file-name" and d.get("outlet")}
    cut = source_labels([d["id"] for d in documents if d["id"] not in named], shortest)
    totals: dict[str, int] = {}
    for d in documents:
        if d["id"] in named:
            totals[d["outlet"]] = totals.get(d["outlet"], 0) + 1
    names, seen = _NameTable(), {}
    for d in documents:
        if d["id"] in named:
            seen[d["outlet"]] = seen.get(d["outlet"], 0) + 1
            names[d["id"]] = d["outlet"] + (f" ({seen[d['outlet']]})" if totals[d["outlet"]] > 1 else "")
        else:
            names[d["id"]] = cut[d["id"]]
    return names


class _NameTable(dict):
    """A name for every id: a contradiction or claim naming a source the documents do not list
    (none in a real briefing) shows that id rather than failing."""

    def __missing__(self, key: str) -> str:
        return key


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def readable(text: str, names: dict[str, str], language: str = "en") -> str:
    """A sentence the cross-checker or the timeline wrote (an explanation, a date conflict) as the
    reader sees it: every document id replaced by the source's display name ("two time zones:
    001_cb95… gives ..."), and in the briefing's language."""
    for doc_id in sorted(names, key=len, reverse=True):
        if doc_id in text and names[doc_id] != doc_id:
            text = text.replace(doc_id, names[doc_id])
    for pattern, wording in GENERATED.get(language, ()):
        if match := pattern.match(text):
            return wording.format(**match.groupdict())
    return text


# The sentences recoupe's stages write in English (crosscheck's explanations, the timeline's
# conflicts), as each other language words them. The JSON keeps the English.
GENERATED: dict[str, tuple[tuple[re.Pattern, str], ...]] = {
    "fr": (
        (re.compile(r"^two time zones: (?P<a>.+) gives both days as one moment$"),
         "deux fuseaux horaires : {a} donne les deux jours pour un même moment"),
        (re.compile(r"^(?P<a>.+?) dates it (?P<x>[\d:T -]+) \((?P<ex>« .+? »)\), (?P<b>.+?) (?P<y>[\d:T -]+) "
                    r"\((?P<ey>« .+? »)\)$"),
         "{a} le date du {x} ({ex}), {b} du {y} ({ey})"),
    ),
}


# --- interface strings ----------------------------------------------------------------------------

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "briefing": "Briefing",
        "contents": "Contents",
        "sources_count": "{n} sources",
        "one_source": "1 source",
        "words_count": "{used}/{budget} words",
        "language": "language {code}",
        "summary": "Summary",
        "single_source": "single source",
        "n_sources": "{n} sources",
        "also": "also",
        "related": "related, not counted: {names}",
        "quoted_from": "quoted from",
        "score": "score",
        "what_others_say": "what the other sources say",
        "says_where_this_says": "{source} says “{value}” where this says “{own}”",
        "explained": "explained",
        "colon": ":",
        "quoted": "“{text}”",
        "kind_date": "date",
        "kind_number": "number",
        "kind_name": "name",
        "kind_place": "place",
        "anchor_note": "both values are said of “{anchor}” (the sentences align at p {p:.2f} on their words)",
        "contradictions": "Disagreements between sources",
        "level_check": "possible discrepancy, check",
        "level_contradiction": "contradiction",
        "vs": "vs",
        "one_source_says": "one source says",
        "another_says": "another says",
        "only_one_source": "Important facts only one source states",
        "only_one_source_note": "earliest in their article first (news puts what matters first); "
                                "the summary marks its own single-source sentences",
        "undated": "Documents without a publication date",
        "undated_note": "their relative dates (“Tuesday”, “yesterday”) are left out of the timeline; "
                        "give one with --published or a front-matter line",
        "no_contradiction": "No disagreement found between the sources on a number, a date, a name or a place.",
        "more": "… and {n} more",
        "full_hint": "Everything (every claim, quote, actor, the timeline, the noise report): "
                     "--full, or --format html.",
        "in_full": "In full: {parts}.",
        "claims_n": "{n} claims stated by several sources ({sure} sure)",
        "quotes_n": "{n} quotes",
        "actors_n": "{n} actors",
        "dates_n": "a timeline of {n} dates",
        "cross_checking": "Cross-checking",
        "claims": "Claims stated by several sources",
        "claims_of": "Claims stated by several sources ({n} of {total})",
        "claim": "claim",
        "stated_by": "stated by",
        "stated_by_silent": "stated by / silent",
        "silent": "silent",
        "contradicts": "may contradict (check)",
        "contradicted_by": "possibly contradicted (check) by",
        "to_check": "to check",
        "to_check_note": 'A claim "to check" has a source sentence only loosely linked to another: about one such '
                         "link in two states the same fact. Read the sentences.",
        "to_check_mark": "n? = to check.",
        "each_sentence": "each source's sentence",
        "agreement": "Agreement between sources",
        "agreement_table": "Agreement: claims both sources state (sure ones) / contradictions between them",
        "agreement_md": "Agreement between sources (shared claims (sure ones) / disputed)",
        "agreement_caption": "Claims each pair of sources both state (blue; the diagonal gives each source's own "
                             'count; "n sure": how many of them are linked surely, the others are to check) and '
                             "contradictions between them (red). Claims only one source states:",
        "only_here": "only here",
        "source": "source",
        "says": "says",
        "type": "type",
        "actors": "Actors",
        "actor": "actor",
        "role": "role",
        "variants": "variants",
        "quotes": "Who said what",
        "speaker": "speaker",
        "quote": "quote",
        "reported_by": "reported by",
        "unknown_speaker": "unknown speaker",
        "indirect": "indirect",
        "other_speaker": "some sources give another speaker: {names}",
        "no_speaker_in": "not given as the speaker by: {names}",
        "timeline": "Timeline",
        "timeline_dates": "Timeline ({n} dates)",
        "date": "date",
        "precision": "precision",
        "event": "event",
        "timeline_caption": "One row per date, oldest first; a filled, larger dot when several sources date the "
                            "event, a red ring where they disagree. Relative dates (“mardi”, “en mars”) are "
                            "resolved against each document's publication date.",
        "resolved_against": "resolved against {date}",
        "sources": "Sources",
        "sources_colon": "Sources:",
        "many_articles": "{n} articles read as one story: past about {limit}, a feed holds several stories; "
                         "group the articles by story first and brief each one.",
        "many_articles_cut": "The agreement matrix shows the {shown} sources stating the most claims, each claim "
                             "its first {listed} silent sources (--full: all).",
        "outlet": "outlet",
        "title": "title",
        "published": "published",
        "words_kept": "words kept",
        "removed": "removed",
        "repairs": "repairs",
        "source_facts": "{words} words kept · {removed} removals · {repairs} repairs",
        "noise_report": "noise report",
        "what": "what",
        "text": "text",
        "repair": "repair",
        "cleaned_text": "cleaned text",
        "problems": "Input problems",
        "years_later": "… {n} years later",
        "a_year_later": "… a year later",
        "months_later": "… {n} months later",
        "sure_in_cell": "{n} sure",
        "sure_in_cell_one": "{n} sure",
        "cell_title": "{a} / {b}: {shared} shared claims ({sure} sure), {disputed} disputed",
    },
    "fr": {
        "briefing": "Synthèse",
        "contents": "Sommaire",
        "sources_count": "{n} sources",
        "one_source": "1 source",
        "words_count": "{used}/{budget} mots",
        "language": "langue {code}",
        "summary": "Résumé",
        "single_source": "source unique",
        "n_sources": "{n} sources",
        "also": "aussi",
        "related": "lié, non compté : {names}",
        "quoted_from": "cité de",
        "score": "score",
        "what_others_say": "ce qu’en disent les autres sources",
        "says_where_this_says": "{source} dit « {value} » là où cette phrase dit « {own} »",
        "explained": "expliqué",
        "colon": " :",
        "quoted": "« {text} »",
        "kind_date": "date",
        "kind_number": "nombre",
        "kind_name": "nom",
        "kind_place": "lieu",
        "anchor_note": "les deux valeurs portent sur « {anchor} » (les phrases s’alignent à p {p:.2f} sur leurs mots)",
        "contradictions": "Désaccords entre les sources",
        "level_check": "divergence possible, à vérifier",
        "level_contradiction": "contradiction",
        "vs": "contre",
        "one_source_says": "une source dit",
        "another_says": "une autre dit",
        "only_one_source": "Faits importants qu’une seule source rapporte",
        "only_one_source_note": "les plus tôt dans leur article d’abord (l’information principale vient en tête) ; "
                                "le résumé signale ses propres phrases à source unique",
        "undated": "Documents sans date de publication",
        "undated_note": "leurs dates relatives (« mardi », « hier ») sont écartées de la chronologie ; "
                        "donnez-la avec --published ou une ligne d’en-tête",
        "no_contradiction": "Aucun désaccord trouvé entre les sources sur un nombre, une date, un nom ou un lieu.",
        "more": "… et {n} de plus",
        "full_hint": "Tout (chaque affirmation, citation, acteur, la chronologie, le rapport de nettoyage) : "
                     "--full, ou --format html.",
        "in_full": "En entier : {parts}.",
        "claims_n": "{n} affirmations recoupées par plusieurs sources ({sure} sûres)",
        "quotes_n": "{n} citations",
        "actors_n": "{n} acteurs",
        "dates_n": "une chronologie de {n} dates",
        "cross_checking": "Recoupement",
        "claims": "Affirmations de plusieurs sources",
        "claims_of": "Affirmations de plusieurs sources ({n} sur {total})",
        "claim": "affirmation",
        "stated_by": "dit par",
        "stated_by_silent": "dit par / muettes",
        "silent": "muettes",
        "contradicts": "contredit peut-être (à vérifier)",
        "contradicted_by": "peut-être contredit (à vérifier) par",
        "to_check": "à vérifier",
        "to_check_note": "Une affirmation « à vérifier » a une phrase source reliée de loin à une autre : un tel "
                         "lien sur deux environ dit le même fait. Lisez les phrases.",
        "to_check_mark": "n? = à vérifier.",
        "each_sentence": "la phrase de chaque source",
        "agreement": "Accord entre les sources",
        "agreement_table": "Accord : affirmations que les deux sources font (dont sûres) / contradictions entre elles",
        "agreement_md": "Accord entre les sources (affirmations communes (dont sûres) / contestées)",
        "agreement_caption": "Affirmations que chaque paire de sources fait toutes deux (en bleu ; la diagonale donne "
                             "le compte de chaque source ; « n sûres » : combien sont reliées sûrement, les autres "
                             "sont à vérifier) et contradictions entre elles (en rouge). Affirmations qu’une seule "
                             "source fait :",
        "only_here": "seule ici",
        "source": "source",
        "says": "dit",
        "type": "type",
        "actors": "Acteurs",
        "actor": "acteur",
        "role": "rôle",
        "variants": "variantes",
        "quotes": "Qui a dit quoi",
        "speaker": "locuteur",
        "quote": "citation",
        "reported_by": "rapporté par",
        "unknown_speaker": "locuteur inconnu",
        "indirect": "indirect",
        "other_speaker": "certaines sources donnent un autre locuteur : {names}",
        "no_speaker_in": "ne le donnent pas pour locuteur : {names}",
        "timeline": "Chronologie",
        "timeline_dates": "Chronologie ({n} dates)",
        "date": "date",
        "precision": "précision",
        "event": "événement",
        "timeline_caption": "Une ligne par date, de la plus ancienne à la plus récente ; un point plein et plus "
                            "gros quand plusieurs sources datent l’événement, un anneau rouge quand elles divergent. "
                            "Les dates relatives (« mardi », « en mars ») sont résolues d’après la date de "
                            "publication de chaque document.",
        "resolved_against": "résolu d’après le {date}",
        "sources": "Sources",
        "sources_colon": "Sources :",
        "many_articles": "{n} articles lus comme une seule histoire : au-delà d’environ {limit}, un flux en "
                         "contient plusieurs ; regroupez d’abord les articles par histoire et faites la synthèse "
                         "de chacune.",
        "many_articles_cut": "La matrice d’accord montre les {shown} sources aux affirmations les plus "
                             "nombreuses, chaque affirmation ses {listed} premières sources muettes (--full : toutes).",
        "outlet": "média",
        "title": "titre",
        "published": "publié",
        "words_kept": "mots gardés",
        "removed": "retiré",
        "repairs": "réparations",
        "source_facts": "{words} mots gardés · {removed} retraits · {repairs} réparations",
        "noise_report": "rapport de nettoyage",
        "what": "quoi",
        "text": "texte",
        "repair": "réparation",
        "cleaned_text": "texte nettoyé",
        "problems": "Problèmes d’entrée",
        "years_later": "… {n} ans plus tard",
        "a_year_later": "… un an plus tard",
        "months_later": "… {n} mois plus tard",
        "sure_in_cell": "{n} sûres",
        "sure_in_cell_one": "{n} sûre",
        "cell_title": "{a} / {b} : {shared} affirmations communes ({sure} sûres), {disputed} contestées",
    },
}


def interface(language: str) -> dict[str, str]:
    """The interface strings of ``language``; English for a language recoupe has none for."""
    return STRINGS.get(language, STRINGS["en"])


def sources_count(n: int, t: dict) -> str:
    """"5 sources", "1 source"."""
    return t["one_source"] if n == 1 else t["sources_count"].format(n=n)
