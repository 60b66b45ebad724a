"""Noise removal and title detection on the seeds, and on pages the rules were not written on."""

import pytest

from recoupe.clean import NoiseClassifier, clean_documents, segment_blocks
from recoupe.lang import language_data
from recoupe.repair import Lexicon
from recoupe.split import SentenceSplitter
from recoupe.types import RawDocument

FR = language_data("fr")

NOISE = [
    # (a piece of the noise, the reason it must be removed for)
    ("Partager cet article", "widget"),
    ("0 Commentaires", "widget"),
    ("Voir tous les commentaires", "widget"),
    ("pic.twitter.com/12LASnKmZT", "embed"),
    ("(@BNONews) 18 juin 2024", "embed"),
    ("Más armas, mano de obra", "foreign-language"),
    ("Decenas de soldados norcoreanos", "foreign-language"),
    ("actionrc.fr est site d’information", "seo"),
    ("Kim Tong-hyung, The Associated Press", "byline"),
    ("fr-02", "marker"),
    ("Entreprise", "category"),
]


@pytest.mark.parametrize("piece, reason", NOISE)
def test_seed_noise_is_removed_with_its_reason(seeds_briefing, piece, reason):
    removed = [r for d in seeds_briefing.documents for r in d.removed if piece in r.text]
    assert removed, f"{piece!r} not reported as removed"
    assert removed[0].reason == reason
    assert not any(piece in d.text for d in seeds_briefing.documents)


def test_titles_are_found_even_when_line_one_is_not_the_title(seeds_documents):
    assert seeds_documents["000_fb6f9d7137e5b3b6"].title.startswith("Avant le sommet avec Kim Jong-un")
    assert "Actualités mondiales" not in seeds_documents["000_fb6f9d7137e5b3b6"].title
    # 003 has no title line; its first line repeats a later paragraph's lede
    seed_003 = seeds_documents["003_62fb6a3b0380740b"]
    assert seed_003.title_source == "lede"
    assert seed_003.title.startswith("Le président russe Vladimir Poutine a été accueilli")
    assert any(r.reason == "duplicate" and r.text.startswith("La Corée du Nord a déjà été accusée") for r in seed_003.removed)
    # the second occurrence stays in the text
    assert seed_003.text.count("La Corée du Nord a déjà été accusée") == 1


def test_duplicated_and_truncated_titles_are_removed(seeds_documents):
    seed_001 = seeds_documents["001_cb95c1b5dbc1f6a6"]
    assert any(r.reason == "duplicate" and r.text == "Kim Jong un recoit son camarade Poutine avec un" for r in seed_001.removed)
    for document in seeds_documents.values():
        if document.title_source != "lede":  # a lede title is the text's first sentence
            assert not document.text.startswith(document.title)


def test_half_translated_paragraph_keeps_its_french_sentences(seeds_documents):
    text = seeds_documents["001_cb95c1b5dbc1f6a6"].text
    assert "La agencia de noticias" not in text
    assert "Le ministre russe de la Défense fera partie de la délégation" in text


def _clean(text, title=None):
    raw = [RawDocument(id="page", text=text, origin="page.txt", title=title)]
    lexicon = Lexicon.from_texts([text], "fr")
    return clean_documents(raw, FR, SentenceSplitter(FR), lexicon)[0]


def test_unseen_page_furniture_is_removed():
    page = (
        "Politique\n\n"
        "Le gouvernement annonce une réforme des retraites\n\n"
        "Par Jeanne Martin\n\n"
        "Le gouvernement a présenté mercredi un projet de réforme des retraites très attendu.\n\n"
        "Le texte sera examiné par l’Assemblée nationale au printemps, a précisé le ministre.\n\n"
        "Lire aussi : les syndicats appellent à la grève\n\n"
        "Abonnez-vous à notre newsletter\n\n"
        "12 commentaires\n\n"
        "Réagir"
    )
    document = _clean(page)
    assert document.title == "Le gouvernement annonce une réforme des retraites"
    reasons = {r.text: r.reason for r in document.removed}
    assert reasons["Politique"] == "category"
    assert reasons["Par Jeanne Martin"] == "byline"
    assert reasons["12 commentaires"] == "widget"
    assert reasons["Abonnez-vous à notre newsletter"] == "widget"
    assert document.text.startswith("Le gouvernement a présenté mercredi")
    assert document.text.endswith("a précisé le ministre.")


def test_repeated_paragraph_inside_one_article_is_kept_once():
    paragraph = "Le président a signé le décret jeudi soir après une longue réunion avec ses ministres."
    document = _clean(f"Un titre court\n\n{paragraph}\n\nUne autre phrase complète suit ici.\n\n{paragraph}")
    assert document.text.count(paragraph) == 1
    assert [r.reason for r in document.removed] == ["duplicate"]


def test_metadata_title_is_used_and_its_copy_in_the_text_removed():
    document = _clean("Le titre venu des métadonnées\n\nLe corps de l’article commence ici avec une phrase.", title="Le titre venu des métadonnées")
    assert document.title_source == "metadata"
    assert document.text == "Le corps de l’article commence ici avec une phrase."


def test_soft_wrapped_lines_are_one_paragraph():
    blocks = segment_blocks("Une phrase assez longue pour être un paragraphe qui est coupée\nau milieu par un retour.\n\nSuite.")
    assert [b.text for b in blocks] == [
        "Une phrase assez longue pour être un paragraphe qui est coupée\nau milieu par un retour.",
        "Suite.",
    ]


def test_short_lines_repeated_in_several_documents_are_boilerplate():
    docs = [RawDocument(id=str(i), text=f"Titre {i}\n\nUn paragraphe complet numéro {i} avec du texte.\n\nSuivez-nous sur Mastodon", origin=f"{i}.txt") for i in range(3)]
    classifier = NoiseClassifier(FR, docs)
    classified, *_ = classifier.classify(docs[0])
    assert [c.reason for c in classified][-1] == "boilerplate"


def test_web_furniture_sentences_inside_paragraphs_are_removed():
    en = language_data("en")
    text = ("Senate passes the budget\n\n"
            "The Senate passed the budget late on Friday after a long debate. "
            "These crawls are part of an effort to archive pages as they are created. "
            "The bill now goes to the House, where a vote is expected next week.")
    raw = [RawDocument(id="en", text=text, origin="en.txt", language="en")]
    document = clean_documents(raw, en, SentenceSplitter(en), Lexicon.from_texts([text], "en"))[0]
    assert "crawls" not in document.text
    assert "The bill now goes to the House" in document.text
    assert [(r.reason, r.text[:12]) for r in document.removed] == [("boilerplate", "These crawls")]


def test_a_paragraph_made_of_web_furniture_goes_whole():
    en = language_data("en")
    text = ("Senate passes the budget after a debate\n\nThe Senate passed the budget late on Friday after a long debate.\n\n"
            "These crawls are part of an effort to archive pages as they are created. "
            "The archive hopes links will be preserved. Crawls of supported no more 404 sites.")
    raw = [RawDocument(id="en", text=text, origin="en.txt", language="en")]
    document = clean_documents(raw, en, SentenceSplitter(en), Lexicon.from_texts([text], "en"))[0]
    assert document.text == "The Senate passed the budget late on Friday after a long debate."
    assert [r.reason for r in document.removed] == ["boilerplate"]


# --- kinds of page furniture, on pages written for these tests (issue 18) --------------------------

FRENCH_PAGE = """Politique

Réforme des retraites : le Sénat adopte le texte en première lecture

Par Claire Martin

Le Sénat a adopté mardi soir le projet de réforme des retraites par 195 voix contre 112, au terme de dix jours de débats tendus dans l'hémicycle.

Nous utilisons des cookies et des traceurs pour améliorer votre expérience de navigation, mesurer l'audience et vous proposer des contenus personnalisés. En cliquant sur « Accepter », vous consentez à leur dépôt. Vous pouvez modifier vos choix à tout moment.

Le texte doit désormais être examiné en commission mixte paritaire, où députés et sénateurs tenteront de s'accorder sur une version commune avant la fin du mois.

Recevez chaque matin l'essentiel de l'actualité politique dans votre boîte mail. C'est gratuit et sans engagement.

« Vous pouvez refuser les cookies publicitaires sans perdre l'accès au site », rappelle la présidente de la CNIL, qui a sanctionné trois éditeurs en mars.

Profitez de notre offre découverte : le premier mois à 1 €, puis 9,99 € par mois, résiliable à tout moment.

Les syndicats estiment que le recul de l'âge légal pénalisera d'abord les salariés aux carrières longues et les femmes.

Société
"""

ENGLISH_PAGE = """World

Senate passes pension bill after ten days of debate

By Jane Doe

The Senate passed the pension reform bill on Tuesday night by 195 votes to 112, after ten days of heated debate in the chamber.

We use cookies and similar technologies to improve your browsing experience, measure our audience and show you personalised content. By clicking "Accept", you agree to their use. You can change your preferences at any time.

The bill now goes to a joint committee, where deputies and senators will try to agree on a common version before the end of the month.

Get the day's top political stories delivered to your inbox every morning. It's free and you can unsubscribe at any time.

Enjoy our introductory offer: your first month for $1, then $9.99 a month, cancel anytime.

Unions say raising the legal retirement age will hit long-career workers and women first.

Business
"""


@pytest.mark.parametrize("lang, page, kept_quote", [("fr", FRENCH_PAGE, "rappelle la présidente de la CNIL"),
                                                    ("en", ENGLISH_PAGE, None)])
def test_consent_banners_offers_and_section_names_are_removed_by_kind(lang, page, kept_quote):
    from recoupe import brief

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_text(page, encoding="utf-8")
        document = brief([str(path)], lang=lang, crosscheck=False, story=False).documents[0]
    reasons = {r.reason for r in document.removed}
    assert {"consent", "promotion", "section"} <= reasons
    by_reason = {r.reason: [x.text for x in document.removed if x.reason == r.reason] for r in document.removed}
    assert len(by_reason["promotion"]) == 2 and by_reason["section"] == [page.strip().splitlines()[-1]]
    assert "cookies" not in document.text.replace("cookies publicitaires", "") and "€" not in document.text
    assert "$" not in document.text and "inbox" not in document.text
    assert len(document.text.split("\n\n")) == (4 if kept_quote else 3)  # every article paragraph kept
    if kept_quote:  # someone quoted on cookies is news, not a banner
        assert kept_quote in document.text
