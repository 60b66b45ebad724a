"""Fact frames: a link counts as corroboration only when both sentences state the same main fact.

The story is written here (a city council's vote on a swimming pool, four outlets): three state
the vote as their main fact, the fourth names it only in a subordinate clause about something
else (the residents' protest) — the side-fact corroboration a journalist must not be shown."""

import json

import pytest

from recoupe import brief, render
from recoupe.features import parse_heads
from recoupe.frames import frame_of, same_predication
from recoupe.lang import language_data

ARTICLES = {
    "lyon-matin.txt": (
        "Piscine : Lyon vote un projet à 40 millions\n\n"
        "Le conseil municipal de Lyon a voté lundi soir la construction d'une piscine olympique dans le "
        "quartier de Gerland, pour un coût de 40 millions d'euros. Les travaux commenceront au printemps "
        "prochain. L'opposition a dénoncé un projet trop coûteux pour les finances de la ville.\n"
    ),
    "le-progres-sportif.txt": (
        "Lyon aura sa piscine olympique\n\n"
        "Lundi soir, le conseil municipal de Lyon a voté la construction d'une piscine olympique dans le "
        "quartier de Gerland, un chantier de 40 millions d'euros. Les clubs de natation de la région "
        "attendaient cet équipement depuis longtemps. Le maire a salué une décision historique pour le "
        "sport lyonnais.\n"
    ),
    "gerland-info.txt": (
        "Gerland accueillera la future piscine\n\n"
        "Le conseil municipal de Lyon a voté la construction d'une piscine olympique à Gerland lundi soir. "
        "Le bassin de 50 mètres devrait ouvrir en 2028. Les riverains craignent toutefois des embouteillages "
        "autour du futur équipement.\n"
    ),
    "rue-lyonnaise.txt": (
        "Les riverains de Gerland dans la rue\n\n"
        "Après que le conseil municipal de Lyon a voté lundi soir la construction d'une piscine olympique à "
        "Gerland, les riverains ont manifesté devant la mairie. Plusieurs associations réclament un "
        "référendum local.\n"
    ),
}
SIDE_FACT = "rue-lyonnaise"


@pytest.fixture(scope="module")
def pool_briefing(resources, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pool")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return json.loads(render(brief([str(folder)], words=150, resources=resources), "json"))


def _frame(text, resources):
    nlp = resources.pipeline("fr")
    return frame_of(text, parse_heads([text], nlp)[0], language_data("fr"))


def test_the_main_predicate_is_the_root_or_the_reported_clause(resources):
    assert "manifester" in _frame("Après que le conseil a voté la construction, les riverains ont manifesté.",
                                  resources).predicates
    reported = _frame("Le maire a déclaré que la piscine ouvrirait en 2028.", resources)
    assert "ouvrir" in reported.predicates


def test_a_side_clause_or_a_question_is_not_the_same_fact(resources):
    vote = _frame("Le conseil municipal a voté la construction d'une piscine.", resources)
    again = _frame("La construction d'une piscine a été votée par le conseil municipal.", resources)
    protest = _frame("Après que le conseil municipal a voté la construction d'une piscine, les riverains ont "
                     "manifesté.", resources)
    question = _frame("Le conseil municipal a-t-il voté la construction d'une piscine ?", resources)
    assert same_predication(vote, again)
    assert not same_predication(vote, protest)
    assert not same_predication(vote, question)


def test_a_sentence_naming_the_fact_in_a_side_clause_does_not_corroborate_it(pool_briefing):
    vote = next(item for item in pool_briefing["summary"] if "a voté" in item["text"] and SIDE_FACT not in item["source"])
    counted = {c["source"] for c in vote["corroborated_by"] if c["level"] == "corroborated"}
    side = [c for c in vote["corroborated_by"] if SIDE_FACT in c["source"]]
    assert not any(SIDE_FACT in source for source in counted)
    assert side and side[0]["level"] == "related" and side[0]["same_predicate"] is False
    assert len(counted) >= 2 and vote["sources"] == 1 + len(counted)


def test_a_claim_with_a_side_fact_member_is_to_check_and_the_others_stay_sure(pool_briefing):
    claims = [c for c in pool_briefing["claims"] if c["sources"] > 1]
    with_side = [c for c in claims if any(SIDE_FACT in s["source"] for s in c["stated_by"])]
    without = [c for c in claims if c not in with_side]
    assert with_side and all(c["one_fact"] is False and not c["sure"] for c in with_side)
    assert any(c["sure"] and c["one_fact"] for c in without)
