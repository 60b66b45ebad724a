"""Claim units: where a long sentence is cut into clauses, and where it is not."""

import pytest

from recoupe.align import clause_spans, embedded_spans, states_a_fact, value_blind_tokens
from recoupe.features import Token, content_lemmas
from recoupe.lang import fr
from recoupe.types import Sentence
from recoupe.values import extract_values


def units(text, resources):
    _, _, analyses = content_lemmas([Sentence("d", 0, 0, len(text), text)], resources.pipeline("fr"), analyse=True)
    tokens = analyses[0].tokens
    return [text[s:e].strip(" ,") for s, e in clause_spans(text, tokens, fr)], [text[s:e] for s, e in embedded_spans(text, tokens)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Poutine s’est rendu en Corée du Nord pour la première fois en 24 ans et s’est engagé à développer "
         "les liens de leur pays.",
         ["Poutine s’est rendu en Corée du Nord pour la première fois en 24 ans",
          "et s’est engagé à développer les liens de leur pays."]),
        ("Le président russe, Vladimir Poutine, est arrivé mardi en Corée du Nord pour sa première visite en 24 ans, "
         "promettant de renforcer les liens commerciaux et de sécurité avec ce pays.",
         ["Le président russe, Vladimir Poutine, est arrivé mardi en Corée du Nord pour sa première visite en 24 ans",
          "promettant de renforcer les liens commerciaux et de sécurité avec ce pays."]),
        # coordinated nouns, not clauses
        ("Les États-Unis et la Corée du Sud ont fait part de leurs inquiétudes quant aux livraisons d'armes.",
         ["Les États-Unis et la Corée du Sud ont fait part de leurs inquiétudes quant aux livraisons d'armes."]),
        # never inside a quotation
        ("« Nous coopérerons et nous vaincrons les sanctions ensemble », a déclaré le président russe.",
         ["« Nous coopérerons et nous vaincrons les sanctions ensemble », a déclaré le président russe."]),
    ],
)
def test_clauses(resources, text, expected):
    assert units(text, resources)[0] == expected


def test_a_relative_clause_is_also_a_unit_with_its_antecedent(resources):
    text = ("Poutine, qui effectue sa première visite en Corée du Nord depuis 24 ans, a déclaré qu’il apprécie "
            "grandement son soutien.")
    assert units(text, resources)[1] == ["Poutine, qui effectue sa première visite en Corée du Nord depuis 24 ans"]


@pytest.mark.parametrize(
    "text, states",
    [
        ("Kim a signé le traité à Pyongyang.", True),
        # verbless, but a figure among enough words: a nominal sentence that states a count
        ("Soit 42 voix d'avance sur plus de 137 000 votants !", True),
        # headings and fragments (rpm2-fr)
        ("Justice.", False),
        ("Fin octobre", False),
        ("Floride, Ohio, Virginie...", False),
        ("«Caporalisation» du parquet", False),
    ],
)
def test_a_unit_states_a_fact_when_it_has_a_verb_or_gives_a_figure(resources, text, states):
    _, _, analyses = content_lemmas([Sentence("d", 0, 0, len(text), text)], resources.pipeline("fr"), analyse=True)
    tokens = analyses[0].tokens
    lemmas = tuple(tokens[k].lemma for k in value_blind_tokens(tokens, 0, len(text), fr))
    assert states_a_fact(tokens, 0, len(text), lemmas, tuple(extract_values(text, [], fr))) is states


def test_without_a_tagger_every_unit_states_a_fact():
    # the lighter pipeline of a language without a model has no part of speech to tell a heading by
    tokens = (Token(0, 7, "Justice", "justice", "", True), Token(7, 8, ".", ".", "", False))
    assert states_a_fact(tokens, 0, 8, ("justice",), ())


def test_a_unit_keeps_its_most_probable_partners_only_past_the_limit():
    import numpy as np

    from recoupe.align import _most_probable

    probability = np.array([
        [0.0, 0.9, 0.6, 0.6, 0.4, 0.8],  # five above 0.5: the limit of 3 keeps 0.9, 0.8 and the first 0.6
        [0.9, 0.0, 0.7, 0.1, 0.1, 0.1],  # two: both kept
        [0.6, 0.7, 0.0, 0.6, 0.6, 0.6],
    ])
    rows, columns = _most_probable(probability, 0.5, 3)
    kept = {(int(r), int(c)) for r, c in zip(rows, columns)}
    assert {c for r, c in kept if r == 0} == {1, 5, 2}
    assert {c for r, c in kept if r == 1} == {0, 2}
    assert {c for r, c in kept if r == 2} == {1, 0, 3}  # 0.7 first, then the lowest columns of the 0.6s
    assert {(int(r), int(c)) for r, c in zip(*_most_probable(probability, 0.5, 10))} == {
        (r, c) for r in range(3) for c in range(6) if probability[r, c] >= 0.5}
