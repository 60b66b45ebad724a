"""How sources are named and the interface is worded (no model needed)."""

from recoupe.render.labels import interface, readable, shorten, source_names


def _doc(doc_id, outlet=None, origin="file-name"):
    return {"id": doc_id, "outlet": outlet or doc_id, "outlet_origin": origin}


def test_a_source_goes_by_its_outlet_numbered_when_one_outlet_gives_two_articles():
    names = source_names([_doc("a1", "Le Monde", "metadata"), _doc("b", "Libération", "jsonl"),
                          _doc("a2", "Le Monde", "front-matter"), _doc("004_57e72806c7dd39eb")])
    assert names == {"a1": "Le Monde (1)", "b": "Libération", "a2": "Le Monde (2)", "004_57e72806c7dd39eb": "004_57e7"}
    assert names["unlisted-id"] == "unlisted-id"


def test_text_is_shortened_at_a_word_never_mid_word():
    title = "Kim Jong-un reçoit son « camarade » Poutine avec un dîner de gala à l’occasion de sa première visite"
    short = shorten(title, 40)
    assert short.endswith("…") and len(short) <= 40
    assert title.startswith(short[:-1]) and title[len(short) - 1] == " "
    assert shorten("Titre court", 40) == "Titre court"


def test_generated_explanations_name_outlets_in_the_briefing_language():
    names = {"001_cb95c1b5dbc1f6a6": "Le Figaro", "000_fb6f9d7137e5b3b6": "000_fb6f"}
    explanation = "two time zones: 001_cb95c1b5dbc1f6a6 gives both days as one moment"
    assert readable(explanation, names, "en") == "two time zones: Le Figaro gives both days as one moment"
    assert readable(explanation, names, "fr") == "deux fuseaux horaires : Le Figaro donne les deux jours pour un même moment"
    conflict = "000_fb6f9d7137e5b3b6 dates it 2024-06-18 (« mardi »), 001_cb95c1b5dbc1f6a6 2024-06-19 (« mercredi »)"
    assert readable(conflict, names, "fr") == "000_fb6f le date du 2024-06-18 (« mardi »), Le Figaro du 2024-06-19 (« mercredi »)"


def test_every_interface_string_exists_in_every_language():
    assert interface("fr").keys() == interface("en").keys()
    assert interface("xx") == interface("en")
    assert interface("fr")["single_source"] == "source unique"
