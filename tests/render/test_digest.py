"""What the short view shows first, from a hand-made briefing dict (no model needed)."""

from recoupe.render.digest import digest


def _statement(source, index, sentence, clause=None):
    return {"source": source, "sentence_index": index, "sentence": sentence, "clause": clause or sentence,
            "probability": 1.0}


def _claim(claim_id, *statements, sure=True):
    return {"id": claim_id, "text": statements[0]["clause"], "sources": len(statements), "stated_by": list(statements),
            "silent": [], "contradicted_by": [], "weakest_link": 0.95 if len(statements) > 1 else None, "sure": sure}


def _contradiction(explanation, probability):
    side = {**_statement("a", 0, "Le bilan est de 10 morts."), "value": "10"}
    return {"type": "number", "a": side, "b": {**side, "source": "b", "value": "12"}, "probability": probability,
            "claim": None, "explanation": explanation, "explained_by": None, "found_by": "alignment", "anchor": None,
            "gate": None}


LEDE = "Le sommet s'est ouvert mardi à Pyongyang en présence des deux dirigeants et de leurs ministres."
SIGNED = "Les deux pays ont signé un accord de défense mutuelle, a indiqué mercredi l'agence officielle KCNA."
LATE = "Le dernier sommet entre les deux pays remonte à 2019 à Vladivostok, dans l'Extrême-Orient russe."
DATA = {
    "summary": [{"source": "a", "sentence_index": 0, "text": LEDE}],
    "documents": [{"id": "a", "published": "2024-06-19", "published_origin": "metadata", "title": "A"},
                  {"id": "b", "published": None, "published_origin": "unknown", "title": "B"},
                  {"id": "c", "published": "2007-11-30", "published_origin": "inferred", "title": "C"}],
    "claims": [
        _claim("c1", _statement("a", 0, LEDE)),  # in the summary: marked there
        _claim("c2", _statement("b", 1, SIGNED, "Les deux pays ont signé un accord de défense mutuelle"),
               _statement("a", 2, "Un accord de défense mutuelle a été signé.")),
        _claim("c3", _statement("b", 1, SIGNED, "a indiqué mercredi l'agence officielle KCNA")),
        _claim("c4", _statement("c", 7, LATE)),
        _claim("c5", _statement("c", 0, "Visite.")),  # a fragment, not a fact
    ],
    "contradictions": [_contradiction("two time zones", 0.99), _contradiction(None, 0.6), _contradiction(None, 0.9)],
    "quotes": [], "actors": [], "timeline": [],
}


def test_unexplained_contradictions_come_first_and_the_rest_are_counted():
    view = digest(DATA, top_contradictions=2)
    assert [c["probability"] for c in view.contradictions] == [0.9, 0.6]
    assert view.contradictions_total == 3


def test_single_source_facts_leave_out_the_summary_and_the_corroborated_part_of_a_sentence():
    view = digest(DATA)
    texts = [fact.text for fact in view.single_source]
    # the lede is in the summary; 'c5' is a fragment; b's sentence shows only its single-source clause
    assert texts == ["… a indiqué mercredi l'agence officielle KCNA", LATE]
    assert view.single_source_total == 2 and (view.claims, view.sure_claims) == (1, 1)


def test_documents_without_a_given_date_are_listed():
    assert [d["id"] for d in digest(DATA).undated] == ["b", "c"]


def test_the_undated_list_is_cut_and_counted():
    many = {**DATA, "documents": [{"id": f"d{k}", "published": None, "published_origin": "unknown", "title": "T"}
                                  for k in range(8)]}
    view = digest(many, top_undated=3)
    assert len(view.undated) == 3 and view.undated_total == 8
