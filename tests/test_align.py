"""Claim units: where a long sentence is cut into clauses, and where it is not."""

import pytest

from recoupe.align import clause_spans, embedded_spans
from recoupe.features import content_lemmas
from recoupe.lang import fr
from recoupe.types import Sentence


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
