"""Dates resolved against the publication date, publication dates inferred, and the seeds'
timeline (issue 6, acceptance 3). Sentences are real ones from the seeds and rpm2-fr."""

import datetime as dt

import pytest

from recoupe.dates import find_dates
from recoupe.lang import fr
from recoupe.timeline import build_timeline, dated_mentions, infer_publication_date, publication_dates
from recoupe.types import PublicationDate, Sentence

from conftest import SEEDS, require

WEDNESDAY = dt.date(2024, 6, 19)


def resolved(text, published=WEDNESDAY):
    return {(e.date, e.precision, e.end_date, e.time) for e in find_dates(text, fr, published)}


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Poutine se rend à Pyongyang mardi pour un sommet.", WEDNESDAY, ("2024-06-18", "day", None, None)),
        ("En mars, un veto russe aux Nations unies a mis fin à la surveillance.", WEDNESDAY, ("2024-03", "month", None, None)),
        ("Les 18 et 19 juin, notre Président effectuera une visite d’État.", WEDNESDAY,
         ("2024-06-18", "interval", "2024-06-19", None)),
        ("le congrès de Reims, du 14 au 16 novembre", dt.date(2008, 11, 7), ("2008-11-14", "interval", "2008-11-16", None)),
        ("Poutine se rendra au Vietnam mercredi et jeudi.", WEDNESDAY, ("2024-06-19", "interval", "2024-06-20", None)),
        ("l’avion de Poutine avait atterri à Pyongyang mercredi vers 2h45 du matin", WEDNESDAY,
         ("2024-06-19", "day", None, "02:45")),
        ("ont signé un traité d’amitié en 1961", WEDNESDAY, ("1961", "year", None, None)),
        ("le voyage de Kim en Extrême-Orient russe en septembre 2023", WEDNESDAY, ("2023-09", "month", None, None)),
        ("Le mois dernier, les États-Unis ont imposé des sanctions.", WEDNESDAY, ("2024-05", "month", None, None)),
        ("Plus tôt cette année, Poutine a envoyé à Kim une limousine.", WEDNESDAY, ("2024", "year", None, None)),
        ("Il y a deux ans, ils ont opposé leur veto.", WEDNESDAY, ("2022", "year", None, None)),
        ("L'année dernière, le commerce a doublé.", WEDNESDAY, ("2023", "year", None, None)),
        ("Barack Obama tiendra vendredi sa première conférence de presse.", dt.date(2008, 11, 6),
         ("2008-11-07", "day", None, None)),
        ("L'objectif est clair depuis le vote jeudi dernier.", dt.date(2008, 11, 14), ("2008-11-06", "day", None, None)),
        ("sa libération mercredi 2 juillet", dt.date(2008, 7, 4), ("2008-07-02", "day", None, None)),
        ("qui ne prendra ses fonctions que le 20 janvier prochain", dt.date(2008, 11, 5), ("2009-01-20", "day", None, None)),
        ("dans la nuit du mardi 4 au mercredi 5 novembre", dt.date(2008, 11, 5),
         ("2008-11-04", "interval", "2008-11-05", None)),
    ],
)
def test_dates_are_resolved_against_the_publication_date(text, published, expected):
    assert expected in resolved(text, published)


def test_the_annexed_year_follows_the_date_before_it():
    text = "L’accord a été abandonné après des relations établies en 1990 et la dissolution l’année suivante."
    assert ("1991", "year", None, None) in resolved(text)


def test_relative_dates_without_a_publication_date_are_flagged_not_guessed():
    sentence = Sentence("a", 0, 0, 30, "Le ministre a démissionné mardi.")
    [mention] = dated_mentions([sentence], {"a": PublicationDate(None, "unknown")}, fr)
    assert mention.date is None and mention.problem
    assert build_timeline([sentence], {"a": PublicationDate(None, "unknown")}, fr) == []


def test_announced_dates_are_marked():
    sentence = Sentence("a", 0, 0, 40, "Poutine se rendra au Vietnam jeudi.")
    [mention] = dated_mentions([sentence], {"a": PublicationDate("2024-06-19", "option")}, fr)
    assert mention.date == "2024-06-20" and mention.announced


def sentences_of(doc, *texts):
    return [Sentence(doc, i, 0, len(t), t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    "texts, story_years, expected",
    [
        # a day the article gives as its own: a publication line, "aujourd'hui", "ce mercredi"
        (("Publié le 2 juillet 2008 à 10h12", "Elle a quitté Bogota."), [], dt.date(2008, 7, 2)),
        (("Publié le 2 juillet 2008", "Mis à jour le 3 juillet 2008"), [], dt.date(2008, 7, 3)),
        (("Aujourd'hui mercredi 2 juillet, elle a quitté Bogota.",), [2008], dt.date(2008, 7, 2)),
        (("Ce mercredi 2 juillet, les guérilleros ont nié.",), [2008], dt.date(2008, 7, 2)),
        # never the day of an event it reports (issue 18: the latest event day dated documents
        # by an e-mail of the year before), nor an embedded post's date
        (("Après sa libération mercredi 2 juillet, elle a quitté Bogota.",
          "Elle était retenue depuis le 23 février 2002."), [2008], None),
        (("Un courriel daté du 21 février 2007 a été versé au dossier.",), [2008], None),
        (("– Actualités BNO (@BNONews) 18 juin 2024", "Poutine est arrivé mardi."), [], None),
        # a yearless day dates nothing unless its weekday fixes the year near the story's years
        (("Ce 2 juillet, les guérilleros ont nié.",), [2008], None),
        (("Elle se rendra ce dimanche 6 juillet à Lourdes.",), [2008], None),
        # weekday words alone date nothing
        (("Poutine est arrivé ce mardi en Corée du Nord.",), [2024], None),
    ],
)
def test_publication_dates_are_inferred_only_from_the_day_the_article_gives_as_its_own(texts, story_years, expected):
    assert infer_publication_date(sentences_of("a", *texts), fr, story_years) == expected


def test_given_publication_dates_win_and_unknown_ones_say_so():
    sentences = sentences_of("a", "Publié le mercredi 2 juillet 2008.") + sentences_of("b", "Rien.")
    dates = publication_dates(sentences, {"b": PublicationDate("2008-07-04", "option")}, fr)
    assert dates["a"] == PublicationDate("2008-07-02", "inferred")
    assert dates["b"] == PublicationDate("2008-07-04", "option")
    assert publication_dates(sentences_of("c", "Rien."), {}, fr)["c"] == PublicationDate(None, "unknown")


# --- the seeds (acceptance 3) ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_timeline(resources):
    require(SEEDS)
    from recoupe.readers import read_inputs
    from recoupe.pipeline import prepare

    workspace = prepare(read_inputs([str(SEEDS)]).documents, resources=resources, cross_checking=False)
    published = {r.id: PublicationDate("2024-06-19", "option") for r in workspace.raw}
    return build_timeline(workspace.sentences, published, workspace.lang)


@pytest.mark.parametrize(
    "date, precision, end, words, sources",
    [
        ("1961", "year", None, "traité", 1),
        ("2019", "year", None, "Vladivostok", 1),
        ("2023-09", "month", None, "", 2),
        ("2024-03", "month", None, "veto", 2),
        ("2024-06-18", "day", None, "", 4),
        ("2024-06-19", "day", None, "", 2),
        ("2024-06-18", "interval", "2024-06-19", "visite", 1),
    ],
)
def test_seeds_timeline_holds_the_story_dates_with_their_sources(seeds_timeline, date, precision, end, words, sources):
    events = [e for e in seeds_timeline if (e.date, e.precision, e.end) == (date, precision, end)]
    assert events, f"no {precision} event on {date}"
    assert any(words in m.sentence for e in events for m in e.mentions)
    assert max(len(e.sources) for e in events) >= sources


def test_seeds_timeline_is_chronological_and_flags_the_arrival_conflict(seeds_timeline):
    assert [e.date for e in seeds_timeline] == sorted(e.date for e in seeds_timeline)
    conflicts = [c for e in seeds_timeline for c in e.conflicts]
    assert any("mardi soir" in c and "mercredi" in c for c in conflicts)


# --- yearless days in undated documents: the story's year (issue 18) -------------------------------

def test_a_yearless_day_of_an_undated_document_takes_the_year_the_story_agrees_on():
    from recoupe.timeline import dated_mentions, story_year

    sentences = (sentences_of("a", "Le juge a été saisi le 22 août 2008.", "L'audience a eu lieu le 5 août.")
                 + sentences_of("b", "La réforme de 2005 reste en vigueur.", "Il a parlé hier.",
                                "Le procès s'est ouvert en septembre.", "Il avait été arrêté en mars dernier."))
    unknown = {d: PublicationDate(None, "unknown") for d in ("a", "b")}
    assert story_year(sentences, unknown, fr) == 2008
    by_expression = {m.mention.expression: m for m in dated_mentions(sentences, unknown, fr, 2008)}
    assert (by_expression["5 août"].date, by_expression["5 août"].mention.resolved_by) == ("2008-08-05", "cluster-year")
    assert by_expression["22 août 2008"].mention.resolved_by == "written"
    assert by_expression["hier"].date is None  # a weekday or "hier" needs the day of writing, not its year
    september = next(m for e, m in by_expression.items() if "septembre" in e)
    assert (september.date, september.mention.resolved_by) == ("2008-09", "cluster-year")
    march = next(m for e, m in by_expression.items() if "mars" in e)
    assert march.date is None  # "dernier" counts back from a day of writing nobody knows


@pytest.mark.parametrize("texts, expected", [
    # the only day written in full is a law's; "jeudi 20 mars" is no Thursday in 2005
    (("La loi du 22 avril 2005 encadre la fin de vie.", "Le tribunal a statué jeudi 20 mars."), None),
    (("La loi du 22 avril 2005 encadre la fin de vie.", "Le tribunal a statué dimanche 20 mars."), 2005),
    # an older year written more often than the latest: no agreement; a tie goes to the latest
    (("Signé le 2 mars 2007.", "Publié le 9 mars 2007.", "Ratifié le 3 mars 2008."), None),
    (("Signé le 2 mars 2007.", "Ratifié le 3 mars 2008."), 2008),
    (("Rien de daté.",), None),
])
def test_the_story_year_needs_days_written_in_full_that_nothing_contradicts(texts, expected):
    from recoupe.timeline import story_year

    assert story_year(sentences_of("a", *texts), {"a": PublicationDate(None, "unknown")}, fr) == expected


def test_known_publication_dates_give_the_story_year_when_they_agree():
    from recoupe.timeline import story_year

    sentences = sentences_of("a", "Signé le 2 mars 2007.")
    assert story_year(sentences, {"a": PublicationDate("2008-07-04", "option")}, fr) == 2008
    both = {"a": PublicationDate("2008-07-04", "option"), "b": PublicationDate("2009-01-02", "metadata")}
    assert story_year(sentences, both, fr) is None
