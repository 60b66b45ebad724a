"""Repair of glued words and broken punctuation, each listed with its original span."""

import pytest

from recoupe.lang import language_data
from recoupe.repair import Lexicon, repair_text

FR = language_data("fr")


@pytest.fixture(scope="module")
def lexicon(resources):
    return Lexicon(language="fr", vocab=resources.pipeline("fr").vocab)


@pytest.mark.parametrize(
    "text, expected, kind",
    [
        ("en matière de munitions cette annéeLe voyage de Poutine vise", "cette année\nLe voyage", "glue-sentence"),
        ("le ministre des Affaires étrangères, Sergueï Lavrovles ministres des Ressources", "Sergueï Lavrov les ministres", "glue-name"),
        ("fondée par le grand-père de Kim, Kim Il-sungmoins de deux ans avant", "Kim Il-sung moins de deux", "glue-name"),
        ("rapporte Reuters. .", "rapporte Reuters.", "doubled-punctuation"),
        ("qu’il « exposerait les perspectives d’une plus grande coopération« .", "coopération ».", "reversed-quote"),
        ("a rapporté la presse.”Les 18 et 19 juin", "presse.” Les 18", "missing-space"),
    ],
)
def test_repairs(lexicon, text, expected, kind):
    repaired, repairs = repair_text(text, lexicon, FR)
    assert expected in repaired
    assert [r.kind for r in repairs] == [kind]
    assert repairs[0].original in text


@pytest.mark.parametrize(
    "text",
    [
        "Il utilise YouTube et LinkedIn chaque jour.",
        "Le groupe McDonald ouvre un restaurant.",
        "Michelle et Gabrielle sont arrivées.",
        "Le président Emmanuel Macron a parlé. Les ministres ont suivi.",
        "« Nous vaincrons », a-t-il dit.",
        "Il a écrit ... puis il est parti.",
    ],
)
def test_correct_text_is_left_alone(lexicon, text):
    repaired, repairs = repair_text(text, lexicon, FR)
    assert repaired == text and repairs == []


def test_repair_offsets_point_at_the_original(lexicon):
    text = "Déjà dit. Sergueï Lavrovles ministres arrivent."
    _, repairs = repair_text(text, lexicon, FR, offset=100)
    assert text[repairs[0].start - 100 :].startswith(repairs[0].original)


def test_glued_name_is_repaired_in_the_seeds(seeds_documents):
    seed = seeds_documents["001_cb95c1b5dbc1f6a6"]
    assert "Sergueï Lavrov les ministres" in seed.text
    assert "Lavrovles" not in seed.text
    assert {"original": "Lavrovles", "repaired": "Lavrov les"} in [
        {"original": r.original, "repaired": r.repaired} for r in seed.repairs
    ]


def test_a_closing_guillemet_that_opens_a_quote_is_turned_only_outside_a_quote(lexicon):
    repaired, repairs = repair_text("Le maire a dit » nous avons gagné.", lexicon, FR)
    assert "dit « nous avons gagné" in repaired and [r.kind for r in repairs] == ["reversed-quote"]
    assert repair_text("Il a dit « c'est » fini.", lexicon, FR)[1] == []  # it closes the open quote


def test_a_long_page_of_guillemets_is_repaired_in_one_pass(lexicon):
    # each guillemet asked again for the quote depth before it: 11 s on a 48,000-word page
    page = " ".join(["Il a dit » oui"] * 3000)
    repaired, repairs = repair_text(page, lexicon, FR)
    assert len(repairs) == 3000 and repaired.count("dit « oui") == 3000
