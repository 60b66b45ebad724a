"""Actors: name variants merged across sources, type errors corrected, noise kept out.

Unit tests give the entities by hand (what spaCy's NER would return) so that each rule is tested
alone; the seed tests run the real pipeline (issue 6, acceptance 1)."""


import numpy as np
import pytest

from recoupe.actors import document_asides, find_actors
from recoupe.features import SentenceAnalysis
from recoupe.lang import fr
from recoupe.types import Sentence
from recoupe.values import Entity

from conftest import SEEDS, require


def analysed(*documents):
    """Sentences and analyses from ``(doc_id, [(text, [(entity, label), ...]), ...])``."""
    sentences, analyses = [], []
    for doc_id, items in documents:
        for index, (text, entities) in enumerate(items):
            sentences.append(Sentence(doc_id, index, 0, len(text), text))
            spans, position = [], 0
            for name, label in entities:
                start = text.index(name, position)
                spans.append(Entity(name, label, start, start + len(name)))
                position = start + len(name)
            analyses.append(SentenceAnalysis((), tuple(spans), np.zeros((0, 1))))
    return sentences, analyses


def actors_of(*documents):
    sentences, analyses = analysed(*documents)
    return find_actors(sentences, analyses, fr)


def by_name(actors):
    return {a.name: a for a in actors}


def test_variants_merge_across_sources_and_honorifics():
    actors = actors_of(
        ("a", [("Le président russe Vladimir Poutine est arrivé.", [("Vladimir Poutine", "PER")]),
               ("Poutine a déclaré que tout allait bien.", [("Poutine", "PER")])]),
        ("b", [("M. Poutine a remercié ses hôtes.", [("M. Poutine", "PER")])]),
        ("c", [("Son conseiller, Iouri Ouchakov, a parlé.", [("Iouri Ouchakov", "PER")]),
               ("Le Kremlin cite Yuri Ouchakov et Ouchakov.", [("Kremlin", "LOC"), ("Yuri Ouchakov", "PER"), ("Ouchakov", "PER")])]),
    )
    people = {a.name: a for a in actors if a.type == "PER"}
    assert set(people) == {"Vladimir Poutine", "Iouri Ouchakov"}
    poutine = people["Vladimir Poutine"]
    assert dict(poutine.variants) == {"Vladimir Poutine": 1, "Poutine": 1, "M. Poutine": 1}
    assert poutine.sources == ("a", "b")
    assert poutine.roles == ("président russe",)
    assert {v for v, _ in people["Iouri Ouchakov"].variants} == {"Iouri Ouchakov", "Yuri Ouchakov", "Ouchakov"}
    assert actors[0].id == "A1" and actors[0].name == "Vladimir Poutine"  # two sources first


def test_people_sharing_a_surname_stay_apart_and_bare_surname_joins_the_documents_kim():
    actors = actors_of(
        ("a", [("Le dirigeant Kim Jong Un a reçu Poutine.", [("Kim Jong Un", "PER"), ("Poutine", "PER")]),
               ("M. Kim a salué l'accord.", [("M. Kim", "PER")]),
               ("Le traité date du grand-père de Kim, Kim Il-sung.", [("Kim", "PER"), ("Kim Il-sung", "PER")])]),
        ("b", [("Kim Tong-hyung, The Associated Press", [("Kim Tong-hyung", "PER")]),
               ("Kim Jong-un a signé.", [("Kim Jong-un", "PER")])]),
    )
    kims = {a.name: a for a in actors if a.name.startswith("Kim")}
    assert set(kims) == {"Kim Jong Un", "Kim Il-sung", "Kim Tong-hyung"}
    assert dict(kims["Kim Jong Un"].variants) == {"Kim Jong Un": 1, "M. Kim": 1, "Kim": 1, "Kim Jong-un": 1}


def test_bare_surname_follows_the_full_name_just_used():
    actors = actors_of(("a", [("Kim Il-sung fonda le pays.", [("Kim Il-sung", "PER")]),
                              ("Kim Il-sung mourut en 1994.", [("Kim Il-sung", "PER")]),
                              ("Kim Jong Un est arrivé.", [("Kim Jong Un", "PER")]),
                              ("M. Kim a parlé.", [("M. Kim", "PER")])]))
    assert dict(by_name(actors)["Kim Jong Un"].variants) == {"Kim Jong Un": 1, "M. Kim": 1}


def test_outlets_and_places_tagged_as_people_are_retyped():
    actors = by_name(actors_of(
        ("a", [("Selon un rapport de Yonhap, la rencontre aura lieu.", [("Yonhap", "PER")]),
               ("Poutine a écrit dans le journal nord-coréen Rodong Sinmun.", [("Poutine", "PER"), ("Rodong Sinmun", "PER")]),
               ("À Washington, le secrétaire d’État Antony Blinken a réagi.", [("Washington", "PER"), ("Antony Blinken", "PER")])]),
    ))
    assert actors["Yonhap"].type == "ORG"
    assert actors["Rodong Sinmun"].type == "ORG"
    assert actors["Washington"].type == "LOC"
    assert actors["Antony Blinken"].type == "PER"


def test_a_capitalised_article_inside_a_sentence_is_part_of_the_name():
    actors = by_name(actors_of(
        ("a", [("Bernard Accoyer a confirmé dans « Le Figaro » que la visite aurait lieu.",
                [("Bernard Accoyer", "PER"), ("Le Figaro", "ORG")]),
               ("La Chine a protesté, selon La Provence.", [("La Chine", "LOC"), ("La Provence", "ORG")])]),
    ))
    assert {"Le Figaro", "La Provence", "Chine"} <= set(actors)  # "La Chine" opens its sentence
    assert "Figaro" not in actors and "La Chine" not in actors


def test_the_complement_of_a_title_is_no_actor():
    actors = by_name(actors_of(
        ("a", [("Le président de la République a reçu le ministre de l'Intérieur.",
                [("République", "LOC"), ("Intérieur", "ORG")]),
               ("La République a des règles, dit Renault.", [("République", "LOC"), ("Renault", "ORG")])]),
        ("b", [("Le président de la République est parti.", [("République", "LOC")])]),
    ))
    assert "Intérieur" not in actors  # only ever "ministre de l'Intérieur"
    assert "République" in actors  # once named alone, it is one
    assert "Renault" in actors


def test_majority_type_across_mentions():
    actors = by_name(actors_of(
        ("a", [("Washington refuse.", [("Washington", "LOC")]), ("Il a exhorté Washington.", [("Washington", "PER")])]),
        ("b", [("Washington et Séoul.", [("Washington", "LOC")])]),
    ))
    assert actors["Washington"].type == "LOC"


@pytest.mark.parametrize("text, entity, label", [
    ("Partager cet article", "Partager cet article", "PER"),
    ("Inline Feedbacks", "Inline Feedbacks", "ORG"),
    ("– Actualités BNO (@BNONews) 18 juin 2024", "@BNONews", "ORG"),
    ("Notre Président effectuera une visite.", "Président", "PER"),  # also written "président" below
    ("Le ministre des Affaires étrangères est venu.", "ministre des Affaires étrangères", "ORG"),
])
def test_noise_never_becomes_an_actor(text, entity, label):
    actors = actors_of(("a", [(text, [(entity, label)]), ("Le président a parlé.", [])]))
    assert actors == []


def test_foreign_aside_only_adds_variants(resources):
    from recoupe.actors import Aside

    sentences, analyses = analysed(("a", [("Iouri Ouchakov a parlé.", [("Iouri Ouchakov", "PER")])]))
    spanish = "La agencia de noticias rusa Interfax citó a Ushakov, ayudante de Putin."
    aside_sentence, aside_analysis = analysed(("a", [(spanish, [("La agencia de noticias rusa", "ORG"), ("Ushakov", "PER")])]))
    aside = Aside(Sentence("a", -2, 0, len(spanish), spanish), aside_analysis[0], "foreign-language")
    actors = find_actors(sentences, analyses, fr, [aside])
    assert [a.name for a in actors] == ["Iouri Ouchakov"]
    assert dict(actors[0].variants) == {"Iouri Ouchakov": 1, "Ushakov": 1}
    assert actors[0].mentions[-1].sentence_index == -2


def test_mentions_carry_provenance_and_offsets():
    actors = actors_of(("doc", [("Avant tout, la Chine a parlé.", [("la Chine", "LOC")])]))
    mention = actors[0].mentions[0]
    assert (actors[0].name, mention.source, mention.sentence_index, mention.text) == ("Chine", "doc", 0, "Chine")
    assert mention.sentence[mention.start:mention.end] == "Chine"


def test_acronym_joins_its_expansion_and_takes_its_type():
    actors = actors_of(
        ("a", [("Les Forces armées révolutionnaires de Colombie ont parlé.", [("Forces armées révolutionnaires de Colombie", "ORG")]),
               ("Les FARC ont libéré des otages.", [("FARC", "LOC")])]),
    )
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [("Forces armées révolutionnaires de Colombie", "ORG", 2)]


# --- the seeds (issue 6, acceptance 1) ------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_actors(resources):
    from recoupe.readers import read_inputs
    from recoupe.pipeline import prepare

    require(SEEDS)
    ws = prepare(read_inputs([str(SEEDS)]).documents, resources=resources)
    asides = document_asides(ws.documents, resources.pipeline("fr"))
    return ws, find_actors(ws.sentences, ws.features.analyses, ws.lang, asides)


def named(actors, name):
    found = [a for a in actors if any(v == name for v, _ in a.variants)]
    assert len(found) == 1, f"{name!r} in {[a.name for a in found]}"
    return found[0]


def test_seeds_one_actor_per_person(seed_actors):
    _, actors = seed_actors
    poutine = named(actors, "Poutine")
    assert poutine.name == "Vladimir Poutine" and poutine.type == "PER"
    assert {"Vladimir Poutine", "M. Poutine", "Putin"} <= {v for v, _ in poutine.variants}
    kim = named(actors, "Kim Jong Un")
    assert {"Kim Jong-un", "M. Kim", "Kim"} <= {v for v, _ in kim.variants}
    ouchakov = named(actors, "Ouchakov")
    variants = {v for v, _ in ouchakov.variants}
    assert len(variants) >= 4 and "Ushakov" in variants, variants
    assert any("conseiller" in role for role in ouchakov.roles)
    lavrov = named(actors, "Sergueï Lavrov")
    assert lavrov.variants == (("Sergueï Lavrov", 2),)  # "Lavrovles" repaired, not a variant
    assert len({named(actors, n).id for n in ("Kim Jong Un", "Kim Il-sung", "Kim Tong-hyung")}) == 3


def test_seeds_no_noise_and_right_types(seed_actors):
    ws, actors = seed_actors
    assert "Lavrovles" not in " ".join(s.text for s in ws.sentences)
    types = {a.name: a.type for a in actors}
    assert types["Washington"] == "LOC"
    assert types["Rodong Sinmun"] == "ORG"
    assert types["Yonhap"] == "ORG"
    written = " ".join(v for a in actors for v, _ in a.variants).lower()
    for noise in ("partager", "commentaire", "feedbacks", "guest", "notifier", "agencia", "armas", "decenas",
                  "soldados", "declaración", "honor", "@"):
        assert noise not in written
    assert [a.id for a in actors] == [f"A{k}" for k in range(1, len(actors) + 1)]
    assert [len(a.sources) for a in actors] == sorted((len(a.sources) for a in actors), reverse=True)


def test_glued_function_word_is_cut_when_the_name_is_seen_without_it():
    actors = actors_of(("a", [("Sergueï Lavrovles ministres sont venus.", [("Sergueï Lavrovles", "PER")])]),
                       ("b", [("Sergueï Lavrov a parlé.", [("Sergueï Lavrov", "PER")])]))
    assert [(a.name, a.variants) for a in actors] == [("Sergueï Lavrov", (("Sergueï Lavrov", 2),))]


# --- what is no name (issue 18: junk actors) ------------------------------------------------------

@pytest.mark.parametrize("text, label, is_name", [
    ("EMOTION EMPECHE DE VOIR", "ORG", False),  # a heading in capitals
    ("S", "PER", False),  # an initial cut from its name
    ("Lycées - La", "MISC", False),  # a heading's fragment
    ("Réforme de la", "ORG", False),  # a name does not end on a lower-case article
    ("Président", "PER", False),  # a role capitalised names no one
    ("Kim Jong Un", "PER", True),  # "Un" is a capitalised word of the name
    ("ONU", "ORG", True),
    ("UNESCO", "ORG", True),
    ("Union syndicale des magistrats", "ORG", True),
])
def test_headings_initials_and_fragments_are_no_names(text, label, is_name):
    from recoupe.actors import _looks_like_name

    assert _looks_like_name(text, label, fr, set()) is is_name
